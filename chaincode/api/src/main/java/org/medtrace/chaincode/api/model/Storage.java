// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import java.math.BigDecimal;

/**
 * The labelled storage temperature band.
 *
 * @param minCelsius lowest allowed temperature
 * @param maxCelsius highest allowed temperature
 */
public record Storage(BigDecimal minCelsius, BigDecimal maxCelsius) {
    /** The band most vaccines are labelled with, 2-8 °C. */
    public static final Storage VACCINE_DEFAULT = new Storage(BigDecimal.valueOf(2), BigDecimal.valueOf(8));
}
