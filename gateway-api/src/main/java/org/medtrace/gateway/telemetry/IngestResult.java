// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

/**
 * The answer to a batch: every reading in it is durably stored (or was before) when this is sent.
 *
 * @param loggerId the logger
 * @param received readings in the batch
 * @param stored readings new to the gateway, now stored
 * @param duplicates readings whose (logger, seq) was stored before, or repeated in the batch: ignored
 * @param late stored readings whose window had closed already: kept, but in no anchored window
 */
public record IngestResult(String loggerId, int received, int stored, int duplicates, int late) {
}
