// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

/**
 * A reading as the evaluation sees it.
 *
 * @param timeMicros reading time, microseconds since the epoch
 * @param celsius temperature
 */
public record Point(long timeMicros, double celsius) {
}
