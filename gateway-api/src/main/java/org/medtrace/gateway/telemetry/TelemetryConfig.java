// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Cold-chain telemetry keys ({@code medtrace.telemetry.*}, documented in docs/telemetry.md). */
@ConfigMapping(prefix = "medtrace.telemetry")
public interface TelemetryConfig {

    /** The loggers' sampling interval (GSP: at most 5 minutes in transport). */
    @WithDefault("300")
    long expectedIntervalSeconds();

    /** Readings further apart than this many expected intervals leave a gap. */
    @WithDefault("1.5")
    double gapThresholdFactor();

    /** Length of an anchored window; windows align to multiples of it (UTC). */
    @WithDefault("60")
    long windowMinutes();

    /** How long after its end a window waits for late (out-of-order) readings before it closes. */
    @WithDefault("10")
    long graceMinutes();

    /** How often due windows are closed and pending anchors submitted; 0 = only on demand. */
    @WithDefault("30")
    long closeIntervalSeconds();

    /** The rule preset of products without their own (who-fridge, who-type1, who-type2, band). */
    @WithDefault("who-fridge")
    String defaultPreset();

    /** Presets by product id, e.g. {@code medtrace.telemetry.product-presets."88.118.8866/PRD-1"=who-type1}. */
    Map<String, String> productPresets();

    /** How long the {@code band} preset lets the temperature stay outside the product's band. */
    @WithDefault("30")
    long bandToleranceMinutes();

    /** A hole in a logger's record this long raises a gap excursion; 0 = never. */
    @WithDefault("120")
    long gapAlarmMinutes();

    /** Daily partitions of the readings table created ahead of today. */
    @WithDefault("7")
    int partitionDaysAhead();

    /** Ingestion limits. */
    Ingest ingest();

    /** Ingestion keys. */
    interface Ingest {
        /** Batches authenticated and parsed at the same time. */
        @WithDefault("8")
        int workers();

        /**
         * Threads that store parsed batches, each a group of batches in one transaction on its own database
         * connection (while one waits for its commit's WAL flush, another copies).
         */
        @WithDefault("2")
        int writers();

        /** Readings one writer stores in one transaction at most (a single batch larger than this goes alone). */
        @WithDefault("50000")
        int groupReadingsMax();

        /** Batches admitted beyond the workers; beyond workers + queue the gateway answers 503 with Retry-After. */
        @WithDefault("16")
        int queue();

        /** Readings in one batch. */
        @WithDefault("10000")
        int readingsMax();

        /** Bytes of one batch. */
        @WithDefault("4194304")
        int bytesMax();

        /** Retry-After of a 503 under overload. */
        @WithDefault("1")
        int retryAfterSeconds();

        /** Oldest reading accepted, in days before now. */
        @WithDefault("400")
        int readingAgeDaysMax();

        /** How long a verified logger credential is trusted without asking the database again. */
        @WithDefault("10")
        int credentialCacheSeconds();
    }
}
