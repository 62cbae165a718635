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

    /** The earliest instant a parameter may name: PostgreSQL's range is wider, Java's much wider. */
    public static final Instant INSTANT_MIN = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant a parameter may name. */
    public static final Instant INSTANT_MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Params() {
    }

    /**
     * @param value ISO-8601 instant or offset date-time, or null
     * @param field the parameter's name
     * @return the instant, or null
     * @throws ApiException 400 naming the parameter, also for an instant before year 1 or after year 9999
     */
    public static Instant instant(final String value, final String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        final Instant instant;
        try {
            instant = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 date-time such as 2026-11-23T04:00:00Z");
        }
        if (instant.isBefore(INSTANT_MIN) || instant.isAfter(INSTANT_MAX)) {
            throw ApiException.invalid(field, "must lie between " + INSTANT_MIN + " and " + INSTANT_MAX);
        }
        return instant;
    }
}
