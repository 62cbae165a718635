// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.medtrace.gateway.errors.ApiException;

/**
 * Query parameters parsed by the gateway itself: JAX-RS answers 404 to a parameter it cannot convert, which would
 * hide the caller's mistake.
 */
public final class Params {

    private Params() {
    }

    /**
     * @param value ISO-8601 instant or offset date-time, or null
     * @param field the parameter's name
     * @return the instant, or null
     * @throws ApiException 400 naming the parameter
     */
    public static Instant instant(final String value, final String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 date-time such as 2026-11-23T04:00:00Z");
        }
    }
}
