// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchParserTest {

    private static final long NOW = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2026-11-23T04:00:00Z"));
    private final BatchParser parser = new BatchParser(100, 400);

    private ReadingBatch parse(final String body, final boolean ndjson) throws MalformedBatchException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), ndjson, "88.1/L", NOW);
    }

    @Test
    void the_fast_time_path_agrees_with_instant_parse() {
        final Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            final Instant t = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L),
                    random.nextInt(1_000_000) * 1000L);
            final String text = t.toString();
            assertThat(BatchParser.utcMicros(text)).as(text).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH, t));
        }
        assertThat(BatchParser.utcMicros("2026-02-30T00:00:00Z")).isEqualTo(Long.MIN_VALUE);
        for (final String leap : List.of("2024-02-29T00:00:00Z", "2000-02-29T12:00:00Z", "2096-02-29T23:59:59Z")) {
            assertThat(BatchParser.utcMicros(leap)).as(leap)
                    .isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(leap)));
        }
        for (final String notADay : List.of("2025-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z")) {
            assertThat(BatchParser.utcMicros(notADay)).as(notADay).isEqualTo(Long.MIN_VALUE);
        }
        for (int day = -800_000; day < 3_000_000; day += 17) {
            final java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
            assertThat(BatchParser.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).as(date.toString())
                    .isEqualTo(day);
        }
        assertThat(BatchParser.utcMicros("2026-11-23T04:00:00+08:00")).isEqualTo(Long.MIN_VALUE);
        assertThat(BatchParser.utcMicros("2026-11-23T04:00:00.1234567Z")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void reads_arrays_and_ndjson_with_every_field() throws Exception {
        final String reading = "{\"loggerId\":\"88.1/L\",\"seq\":3,\"time\":\"2026-11-23T03:00:00.5+08:00\","
                + "\"celsius\":-0.0,\"humidity\":41.5,\"battery\":null,\"door\":\"open\"}";
        final ReadingBatch array = parse("[" + reading + "," + reading.replace("\"seq\":3", "\"seq\":2") + "]", false);
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.timeMicros(0)).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH,
                Instant.parse("2026-11-22T19:00:00.5Z")));
        assertThat(Double.doubleToRawLongBits(array.celsius(0))).isZero();
        assertThat(array.humidity(0)).isEqualTo(41.5f);
        assertThat(array.battery(0)).isNaN();
        assertThat(array.door(0)).isEqualTo(ReadingBatch.DOOR_OPEN);
        assertThat(array.bySeq()).containsExactly(1, 0);
        assertThat(parse(reading + "\n" + reading + "\n", true).size()).isEqualTo(2);
    }

    @Test
    void refuses_with_the_reading_line_and_field() {
        assertThatThrownBy(() -> parse("{\"loggerId\":\"88.1/L\",\"seq\":1,\"time\":\"2026-11-23T03:00:00Z\","
                + "\"celsius\":5}\n{\"loggerId\":\"88.1/L\",\"seq\":-1}", true))
                .isInstanceOf(MalformedBatchException.class).hasMessageStartingWith("line 2: reading [1]: seq:");
        final String one = "{\"loggerId\":\"88.1/L\",\"seq\":1,\"time\":\"2026-11-23T03:00:00Z\",\"celsius\":5}";
        assertThatThrownBy(() -> parse(one + " " + one, true))
                .hasMessageContaining("one reading a line");
        assertThatThrownBy(() -> parse("[]", false)).hasMessageContaining("no readings");
        assertThatThrownBy(() -> parse("{}", false)).hasMessageContaining("a JSON array");
        assertThatThrownBy(() -> parse("[{\"loggerId\":\"88.1/L\",\"seq\":1,\"time\":\"2026-11-23T03:00:00Z\","
                + "\"celsius\":5,\"door\":\"ajar\"}]", false)).hasMessageContaining("[0]: door");
    }
}
