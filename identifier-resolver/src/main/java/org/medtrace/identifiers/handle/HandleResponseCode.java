// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Handle protocol response codes, carried as {@code responseCode} in REST JSON, and the HTTP status that goes with
 * each. The mapping for 1, 2, 100, 101, 102, 200, 201, 202, 301 and 400-406 is the one the Handle.Net REST API
 * documents; the others are this project's choice, marked in their Javadoc.
 */
public enum HandleResponseCode {
    /** 1: success. HTTP 200, or 201 when something was created. */
    SUCCESS(1),
    /** 2: unexpected error on the server. HTTP 500. */
    ERROR(2),
    /** 3: server too busy. HTTP 503 (our choice). Clients retry. */
    SERVER_TOO_BUSY(3),
    /** 4: protocol error. HTTP 400 (our choice). */
    PROTOCOL_ERROR(4),
    /** 5: operation not supported. HTTP 501 (our choice). */
    OPERATION_NOT_SUPPORTED(5),
    /** 6: recursion count too high. HTTP 508 (our choice). */
    RECURSION_COUNT_TOO_HIGH(6),
    /** 7: server in backup. HTTP 503 (our choice). */
    SERVER_BACKUP(7),
    /** 100: handle not found. HTTP 404. */
    HANDLE_NOT_FOUND(100),
    /** 101: handle already exists. HTTP 409. */
    HANDLE_ALREADY_EXISTS(101),
    /** 102: invalid handle. HTTP 400. */
    INVALID_HANDLE(102),
    /** 200: values not found. HTTP 200 on resolution (an empty selection), else 400. */
    VALUES_NOT_FOUND(200),
    /** 201: value already exists. HTTP 409. */
    VALUE_ALREADY_EXISTS(201),
    /** 202: invalid value. HTTP 400. */
    INVALID_VALUE(202),
    /** 300: out-of-date site info. HTTP 400 (our choice). */
    OUT_OF_DATE_SITE_INFO(300),
    /** 301: server not responsible for the handle. HTTP 400. */
    SERVER_NOT_RESPONSIBLE(301),
    /** 302: service referral; the values name the service to ask. HTTP 200 (our choice: the body is the answer). */
    SERVICE_REFERRAL(302),
    /** 303: prefix referral; the values name the site for derived prefixes. HTTP 200 (our choice). */
    PREFIX_REFERRAL(303),
    /** 400: invalid admin. HTTP 403. */
    INVALID_ADMIN(400),
    /** 401: insufficient permissions. HTTP 403. */
    INSUFFICIENT_PERMISSIONS(401),
    /** 402: authentication needed. HTTP 401. */
    AUTHENTICATION_NEEDED(402),
    /** 403: authentication failed. HTTP 403. */
    AUTHENTICATION_FAILED(403),
    /** 404: invalid credential. HTTP 403. */
    INVALID_CREDENTIAL(404),
    /** 405: authentication timed out. HTTP 403. */
    AUTHENTICATION_TIMEOUT(405),
    /** 406: authentication error. HTTP 403. */
    AUTHENTICATION_ERROR(406);

    private static final Map<Integer, HandleResponseCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(HandleResponseCode::code, Function.identity()));

    private final int code;

    HandleResponseCode(final int code) {
        this.code = code;
    }

    /** @return the numeric code */
    public int code() {
        return code;
    }

    /**
     * @param code a numeric response code
     * @return the constant, or empty for a code this enum does not know
     */
    public static Optional<HandleResponseCode> of(final int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /**
     * @param operation what the request did
     * @return the HTTP status a REST server answers with
     */
    public int httpStatus(final HandleOperation operation) {
        return switch (this) {
            case SUCCESS -> operation == HandleOperation.CREATE ? 201 : 200;
            case ERROR -> 500;
            case SERVER_TOO_BUSY, SERVER_BACKUP -> 503;
            case OPERATION_NOT_SUPPORTED -> 501;
            case RECURSION_COUNT_TOO_HIGH -> 508;
            case HANDLE_NOT_FOUND -> 404;
            case HANDLE_ALREADY_EXISTS, VALUE_ALREADY_EXISTS -> 409;
            case VALUES_NOT_FOUND -> operation == HandleOperation.RESOLVE ? 200 : 400;
            case SERVICE_REFERRAL, PREFIX_REFERRAL -> 200;
            case AUTHENTICATION_NEEDED -> 401;
            case INVALID_ADMIN, INSUFFICIENT_PERMISSIONS, AUTHENTICATION_FAILED, INVALID_CREDENTIAL,
                    AUTHENTICATION_TIMEOUT, AUTHENTICATION_ERROR -> 403;
            case PROTOCOL_ERROR, INVALID_HANDLE, INVALID_VALUE, OUT_OF_DATE_SITE_INFO, SERVER_NOT_RESPONSIBLE -> 400;
        };
    }

    /** @return true for codes after which the same request may succeed later: 2, 3 and 7 */
    public boolean isTransient() {
        return this == ERROR || this == SERVER_TOO_BUSY || this == SERVER_BACKUP;
    }
}
