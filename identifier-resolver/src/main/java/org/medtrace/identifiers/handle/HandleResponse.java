// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medtrace.identifiers.Identifier;

/**
 * A Handle.Net REST response body: {@code {"responseCode":..,"handle":..,"values":[..],"message":..}}.
 *
 * @param responseCode the Handle response code, see {@link HandleResponseCode}
 * @param handle the handle the response is about, as text, if given
 * @param values the values of a record or referral; empty otherwise
 * @param message an error message, if given
 */
public record HandleResponse(int responseCode, Optional<String> handle, List<HandleValue> values,
        Optional<String> message) {
    /** Copies the values. */
    public HandleResponse {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(message, "message");
        values = List.copyOf(values);
    }

    /**
     * @param record a record
     * @return a success response carrying it
     */
    public static HandleResponse of(final HandleRecord record) {
        return new HandleResponse(HandleResponseCode.SUCCESS.code(), Optional.of(record.handle().toString()),
                record.values(), Optional.empty());
    }

    /**
     * @param code a code other than success
     * @param handle the handle the request was about
     * @param message what went wrong
     * @return an error response
     */
    public static HandleResponse error(final HandleResponseCode code, final String handle, final String message) {
        return new HandleResponse(code.code(), Optional.ofNullable(handle), List.of(), Optional.ofNullable(message));
    }

    /**
     * @param code {@link HandleResponseCode#SERVICE_REFERRAL} or {@link HandleResponseCode#PREFIX_REFERRAL}
     * @param handle the handle asked for
     * @param serviceValues HS_SITE / HS_SERV values (or their .PREFIX forms) naming where to ask
     * @return a referral response
     */
    public static HandleResponse referral(final HandleResponseCode code, final Identifier handle,
            final List<HandleValue> serviceValues) {
        return new HandleResponse(code.code(), Optional.of(handle.toString()), serviceValues, Optional.empty());
    }

    /** @return the code as a constant, if known */
    public Optional<HandleResponseCode> code() {
        return HandleResponseCode.of(responseCode);
    }
}
