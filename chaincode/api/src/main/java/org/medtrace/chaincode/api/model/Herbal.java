// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import java.time.LocalDate;

/**
 * Herbal lot data: origin, harvest, 炮制 and test report.
 *
 * @param origin 产地
 * @param harvestDate harvest date (中药材)
 * @param processingMethod 炮制方法 (中药饮片)
 * @param testReportRef reference of the quality test report (检验报告)
 * @param plot cultivation plot
 * @param seedSource seed or seedling source
 */
public record Herbal(Origin origin, LocalDate harvestDate, String processingMethod, String testReportRef,
        String plot, String seedSource) {
    /** @return a copy with the processing method set */
    public Herbal withProcessingMethod(final String method) {
        return new Herbal(origin, harvestDate, method, testReportRef, plot, seedSource);
    }
}
