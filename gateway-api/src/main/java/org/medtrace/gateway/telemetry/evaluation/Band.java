// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

import java.util.Collection;

/**
 * A product's storage band in °C (the product's {@code storage} on the ledger), inclusive at both ends.
 *
 * @param minCelsius low end
 * @param maxCelsius high end
 */
public record Band(double minCelsius, double maxCelsius) {

    /** The vaccine default: +2 to +8 °C. */
    public static final Band VACCINE_DEFAULT = new Band(2.0, 8.0);

    /** Checks the parts. */
    public Band {
        if (!(minCelsius < maxCelsius)) {
            throw new IllegalArgumentException("band " + minCelsius + ".." + maxCelsius + " is empty");
        }
    }

    /**
     * The band every one of several products tolerates: the highest low end and the lowest high end.
     *
     * @param bands the products' bands, at least one
     * @return their intersection, or the strictest single band if they do not overlap
     */
    public static Band strictest(final Collection<Band> bands) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (final Band band : bands) {
            low = Math.max(low, band.minCelsius());
            high = Math.min(high, band.maxCelsius());
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("no band");
        }
        if (low < high) {
            return new Band(low, high);
        }
        // Disjoint bands: no temperature suits every product; keep the narrowest so that an alarm surely fires.
        return bands.stream().min(java.util.Comparator.comparingDouble(b -> b.maxCelsius() - b.minCelsius()))
                .orElseThrow();
    }
}
