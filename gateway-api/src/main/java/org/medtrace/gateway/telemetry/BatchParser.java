// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

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
    /** Seconds from the epoch beyond which microseconds overflow a long. */
    private static final long MICROS_RANGE_SECONDS = Long.MAX_VALUE / 1_000_000L - 1;

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

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
        boolean loggerSeen = false;
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
                case "loggerId" -> loggerSeen = sameLogger(p, value, index, line, batch.loggerId());
                case "seq" -> seq = sequence(p, value, index, line);
                case "time" -> time = time(p, value, index, line, nowMicros);
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
        require(loggerSeen, index, line, "loggerId");
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

    /** Compares without making a string: this runs for every reading. */
    private static boolean sameLogger(final JsonParser p, final JsonToken value, final int index, final long line,
            final String expected) throws IOException, MalformedBatchException {
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedBatchException(index, line, "loggerId", "must be a string");
        }
        final char[] chars = p.getTextCharacters();
        final int offset = p.getTextOffset();
        boolean same = p.getTextLength() == expected.length();
        for (int i = 0; same && i < expected.length(); i++) {
            same = chars[offset + i] == expected.charAt(i);
        }
        if (!same) {
            throw new MalformedBatchException(index, line, "loggerId", "is " + p.getText()
                    + ", but the credential is logger " + expected + "'s");
        }
        return true;
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

    private long time(final JsonParser p, final JsonToken value, final int index, final long line,
            final long nowMicros) throws IOException, MalformedBatchException {
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedBatchException(index, line, "time", "must be a string");
        }
        long micros = utcMicros(java.nio.CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(),
                p.getTextLength()));
        if (micros == Long.MIN_VALUE) {
            final String text = p.getText();
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
            micros = saturatedMicros(instant);
        }
        if (micros > nowMicros + FUTURE_SKEW_MICROS) {
            throw new MalformedBatchException(index, line, "time", p.getText()
                    + " lies more than 5 minutes ahead of the gateway's clock");
        }
        if (micros < nowMicros - ageMicrosMax) {
            throw new MalformedBatchException(index, line, "time", p.getText() + " is older than the oldest reading"
                    + " accepted");
        }
        return micros;
    }

    /**
     * Microseconds since the epoch, saturated: an instant beyond what a long holds in microseconds (years past
     * ±292,000) becomes the largest or smallest value, which the range checks then refuse, instead of an overflow.
     */
    static long saturatedMicros(final Instant instant) {
        if (instant.getEpochSecond() >= MICROS_RANGE_SECONDS) {
            return Long.MAX_VALUE;
        }
        if (instant.getEpochSecond() <= -MICROS_RANGE_SECONDS) {
            return Long.MIN_VALUE + 1; // MIN_VALUE itself means "no time" in reading()
        }
        // not ChronoUnit.MICROS.between: it counts nanoseconds first, which overflow 292 years from the epoch
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /**
     * The common form {@code YYYY-MM-DDTHH:MM:SS[.f{1,6}]Z} without the cost of {@link Instant#parse}; anything
     * else (offsets, nanoseconds, invalid text) answers MIN_VALUE and goes through {@link Instant#parse}.
     */
    static long utcMicros(final CharSequence t) {
        final int n = t.length();
        if (n < 20 || n > 27 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        final int year = digits(t, 0, 4);
        final int month = digits(t, 5, 7);
        final int day = digits(t, 8, 10);
        final int hour = digits(t, 11, 13);
        final int minute = digits(t, 14, 16);
        final int second = digits(t, 17, 19);
        int fraction = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n == 21) {
                return Long.MIN_VALUE;
            }
            fraction = digits(t, 20, n - 1);
            for (int i = n - 1; i < 26; i++) {
                fraction = fraction < 0 ? fraction : fraction * 10;
            }
        } else if (t.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return Long.MIN_VALUE;
        }
        final long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + fraction;
    }

    private static int monthLength(final int year, final int month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days from 1970-01-01 to a valid proleptic Gregorian date, by arithmetic alone (Howard Hinnant's
     * days_from_civil; {@code LocalDate.of(...).toEpochDay()} showed up in ingestion profiles).
     */
    static long epochDay(final int year, final int month, final int day) {
        final int y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yearOfEra = y - era * 400;
        final long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** @return the decimal digits t[from, to) as a number, or -1 if one is not a digit */
    private static int digits(final CharSequence t, final int from, final int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            final char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long line(final JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
