// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reads a batch of readings, as a JSON array or as NDJSON (one JSON object a line), with Jackson's streaming parser
 * into columns. Strict: every reading names the authenticated logger, unknown fields and wrong types are refused, and
 * the first error stops the batch (nothing of it is stored).
 *
 * <pre>{@code {"loggerId":"88.118.8866/LOGGER-7","seq":42,"time":"2026-11-23T04:00:00Z","celsius":5.2,
 *  "humidity":41.5,"battery":87,"door":"closed"}}</pre>
 */
final class BatchParser {

    /** The lowest and highest temperature accepted (the chaincode's range for the anchored summary). */
    static final double CELSIUS_MIN = -100.0;
    static final double CELSIUS_MAX = 100.0;
    /** How far ahead of the gateway's clock a reading may lie. */
    static final long FUTURE_SKEW_MICROS = 5 * 60 * 1_000_000L;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int readingsMax;
    private final long ageMicrosMax;

    /**
     * @param readingsMax readings a batch may hold
     * @param ageDaysMax oldest reading accepted, days before now
     */
    BatchParser(final int readingsMax, final int ageDaysMax) {
        this.readingsMax = readingsMax;
        this.ageMicrosMax = ageDaysMax * 86_400L * 1_000_000L;
    }

    /**
     * @param body the request body
     * @param ndjson true for NDJSON, false for a JSON array
     * @param loggerId the authenticated logger; every reading must name it
     * @param nowMicros the gateway's clock
     * @return the readings, in the order sent
     * @throws MalformedBatchException naming the first bad reading and field
     */
    ReadingBatch parse(final byte[] body, final boolean ndjson, final String loggerId, final long nowMicros)
            throws MalformedBatchException {
        final ReadingBatch batch = new ReadingBatch(loggerId, Math.min(readingsMax, body.length / 60 + 1));
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken token = p.nextToken();
            if (!ndjson) {
                if (token != JsonToken.START_ARRAY) {
                    throw new MalformedBatchException(-1, line(p), "body", "a JSON array of readings is expected");
                }
                token = p.nextToken();
            }
            long previousLine = 0;
            while (token != null && token != JsonToken.END_ARRAY) {
                final int index = batch.size();
                final long line = line(p);
                if (ndjson && line == previousLine) {
                    throw new MalformedBatchException(index, line, "body", "one reading a line (NDJSON)");
                }
                previousLine = line;
                if (index >= readingsMax) {
                    throw new MalformedBatchException(-1, line, "body", "more than " + readingsMax
                            + " readings in one batch");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new MalformedBatchException(index, line, "body", "a reading is a JSON object");
                }
                reading(p, batch, index, line, nowMicros);
                token = p.nextToken();
            }
            if (!ndjson && (token == null || p.nextToken() != null)) {
                throw new MalformedBatchException(-1, line(p), "body",
                        token == null ? "the JSON array is not closed" : "content after the JSON array");
            }
        } catch (JsonParseException e) {
            throw new MalformedBatchException(batch.size(), e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                    "body", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedBatchException(-1, -1, "body", "unreadable: " + e.getMessage());
        }
        if (batch.size() == 0) {
            throw new MalformedBatchException(-1, -1, "body", "no readings");
        }
        return batch;
    }

    private void reading(final JsonParser p, final ReadingBatch batch, final int index, final long line,
            final long nowMicros) throws IOException, MalformedBatchException {
        String logger = null;
        long seq = -1;
        long time = Long.MIN_VALUE;
        double celsius = Double.NaN;
        float humidity = Float.NaN;
        float battery = Float.NaN;
        byte door = ReadingBatch.DOOR_ABSENT;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new MalformedBatchException(index, line, "body", "the reading's JSON object is not closed");
            }
            final String field = p.currentName();
            final JsonToken value = p.nextToken();
            switch (field) {
                case "loggerId" -> logger = text(p, value, index, line, field);
                case "seq" -> seq = sequence(p, value, index, line);
                case "time" -> time = time(text(p, value, index, line, field), index, line, nowMicros);
                case "celsius" -> celsius = number(p, value, index, line, field, CELSIUS_MIN, CELSIUS_MAX);
                case "humidity" -> humidity = value == JsonToken.VALUE_NULL ? Float.NaN
                        : (float) number(p, value, index, line, field, 0, 100);
                case "battery" -> battery = value == JsonToken.VALUE_NULL ? Float.NaN
                        : (float) number(p, value, index, line, field, 0, 100);
                case "door" -> door = door(p, value, index, line);
                default -> throw new MalformedBatchException(index, line, field, "unknown field (known: loggerId,"
                        + " seq, time, celsius, humidity, battery, door)");
            }
        }
        require(logger != null, index, line, "loggerId");
        if (!logger.equals(batch.loggerId())) {
            throw new MalformedBatchException(index, line, "loggerId", "is " + logger
                    + ", but the credential is logger " + batch.loggerId() + "'s");
        }
        require(seq >= 0, index, line, "seq");
        require(time != Long.MIN_VALUE, index, line, "time");
        require(!Double.isNaN(celsius), index, line, "celsius");
        batch.add(seq, time, celsius == 0.0 ? 0.0 : celsius, humidity, battery, door);
    }

    private static void require(final boolean present, final int index, final long line, final String field)
            throws MalformedBatchException {
        if (!present) {
            throw new MalformedBatchException(index, line, field, "is required");
        }
    }

    private static String text(final JsonParser p, final JsonToken value, final int index, final long line,
            final String field) throws IOException, MalformedBatchException {
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedBatchException(index, line, field, "must be a string");
        }
        return p.getText();
    }

    private static long sequence(final JsonParser p, final JsonToken value, final int index, final long line)
            throws IOException, MalformedBatchException {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || p.getLongValue() < 0) {
            throw new MalformedBatchException(index, line, "seq", "must be an integer 0..2^63-1");
        }
        return p.getLongValue();
    }

    private static double number(final JsonParser p, final JsonToken value, final int index, final long line,
            final String field, final double min, final double max) throws IOException, MalformedBatchException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new MalformedBatchException(index, line, field, "must be a number");
        }
        final double d = p.getDoubleValue();
        if (!(d >= min && d <= max)) {
            throw new MalformedBatchException(index, line, field, p.getText() + " is out of range " + min + ".."
                    + max);
        }
        return d;
    }

    private static byte door(final JsonParser p, final JsonToken value, final int index, final long line)
            throws IOException, MalformedBatchException {
        if (value == JsonToken.VALUE_NULL) {
            return ReadingBatch.DOOR_ABSENT;
        }
        final String text = value == JsonToken.VALUE_STRING ? p.getText() : "";
        return switch (text) {
            case "open" -> ReadingBatch.DOOR_OPEN;
            case "closed" -> ReadingBatch.DOOR_CLOSED;
            default -> throw new MalformedBatchException(index, line, "door", "must be \"open\" or \"closed\"");
        };
    }

    private long time(final String text, final int index, final long line, final long nowMicros)
            throws MalformedBatchException {
        final Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeException e) {
            throw new MalformedBatchException(index, line, "time", "\"" + text
                    + "\" is not an ISO-8601 instant such as 2026-11-23T04:00:00Z");
        }
        if (instant.getNano() % 1000 != 0) {
            throw new MalformedBatchException(index, line, "time", "is more precise than a microsecond");
        }
        final long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        if (micros > nowMicros + FUTURE_SKEW_MICROS) {
            throw new MalformedBatchException(index, line, "time", text + " lies more than 5 minutes ahead of the"
                    + " gateway's clock");
        }
        if (micros < nowMicros - ageMicrosMax) {
            throw new MalformedBatchException(index, line, "time", text + " is older than the oldest reading"
                    + " accepted");
        }
        return micros;
    }

    private static long line(final JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
