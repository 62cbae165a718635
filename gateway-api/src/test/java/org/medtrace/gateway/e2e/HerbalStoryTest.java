// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The herbal story: a raw lot (中药材) from a GAP base, transformed into slices (饮片), shipped to a hospital and
 * dispensed; the slice's provenance leads back to the GAP base.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class HerbalStoryTest {

    private static final String PREFIX = "88.118.8866/";

    @Test
    void slices_dispensed_at_a_hospital_trace_back_to_the_gap_base_of_their_raw_lot() {
        final String run = Api.digits(8);
        final String raw = PREFIX + "PRD-HQ-RAW-" + run;
        final String slice = PREFIX + "PRD-HQ-SLICE-" + run;
        final String rawBatch = PREFIX + "LOT-HQ-" + run;
        final String sliceBatch = PREFIX + "LOT-HQP-" + run;
        final String gtin = Api.gtin();
        registerProducts(raw, gtin, slice);
        post("bencao", "/api/v1/batches", Map.of("id", rawBatch, "productId", raw, "batchNumber", "HQ" + run,
                "productionDate", LocalDate.now().minusDays(30).toString(),
                "expiryDate", LocalDate.now().plusYears(3).toString(), "quantity", Map.of("value", 500, "uom", "KGM"),
                "herbal", Map.of("origin", Map.of("province", "甘肃", "city", "定西", "county", "陇西",
                        "gapBase", "陇西黄芪GAP基地"), "harvestDate", LocalDate.now().minusDays(40).toString())))
                .statusCode(201);
        final String rawScan = "(01)" + gtin + "(21)RAW" + run;
        post("bencao", "/api/v1/units/commission", Map.of("batchId", rawBatch, "packageLevel", 1,
                "codes", List.of(rawScan), "quantity", Map.of("value", 500, "uom", "KGM"))).statusCode(201);
        final String rawUnit = PREFIX + "01." + gtin + ".21.RAW" + run;

        post("bencao", "/api/v1/transformations", Map.of("transformationId", "TF-" + run,
                "processingMethod", "切制", "inputs", List.of(Map.of("code", rawScan,
                        "quantity", Map.of("value", 100, "uom", "KGM"))),
                "outputs", List.of(Map.of("quantity", Map.of("value", 80, "uom", "KGM"), "batch", Map.of(
                        "id", sliceBatch, "productId", slice, "batchNumber", "HQP" + run,
                        "productionDate", LocalDate.now().toString(),
                        "expiryDate", LocalDate.now().plusYears(2).toString(),
                        "herbal", Map.of("processingMethod", "切制", "testReportRef", "TR-" + run))))))
                .statusCode(201);
        final List<String> bags = List.of(PREFIX + "BAG-" + run + "-1", PREFIX + "BAG-" + run + "-2");
        post("bencao", "/api/v1/units/commission", Map.of("batchId", sliceBatch, "packageLevel", 1, "codes", bags,
                "quantity", Map.of("value", 1, "uom", "KGM"))).statusCode(201);
        post("bencao", "/api/v1/shipments", Map.of("shipmentId", "HS-" + run, "codes", bags,
                "to", "RenjiHospitalMSP")).statusCode(201);
        post("renji", "/api/v1/shipments/receive", Map.of("shipmentId", "HS-" + run)).statusCode(200);
        post("renji", "/api/v1/custody/dispense", Map.of("codes", List.of(bags.get(0)))).statusCode(200);

        get("bencao", "/api/v1/verification", Map.of("code", "https://id.gs1.org/01/" + gtin + "/21/RAW" + run))
                .statusCode(200).body("code", equalTo(rawUnit)).body("verdict", equalTo("GENUINE"));
        get("bencao", "/api/v1/units", Map.of("code", "]d201" + gtin + "21RAW" + run)).statusCode(200)
                .body("code", equalTo(rawUnit));
        get("bencao", "/api/v1/units", Map.of("code", rawUnit)).statusCode(200)
                .body("quantity", equalTo(400)).body("custodian", equalTo("BencaoHerbalMSP"));
        final JsonPath provenance = get("shanghai-mpa", "/api/v1/provenance/unit", Map.of("code", bags.get(0)))
                .statusCode(200).extract().jsonPath();
        assertThat(provenance.getString("unit.status")).isEqualTo("dispensed");
        assertThat(provenance.getString("origin.sourceLots[0].batchId")).isEqualTo(rawBatch);
        assertThat(provenance.getString("origin.sourceLots[0].batch.record.herbal.origin.gapBase"))
                .isEqualTo("陇西黄芪GAP基地");
        assertThat(provenance.getString("origin.sourceLots[0].processingMethod")).isEqualTo("切制");
        assertThat(provenance.getList("transformations.id", String.class)).containsExactly("TF-" + run);
        assertThat(provenance.getList("events.bizStep", String.class))
                .containsSubsequence("commissioning", "shipping", "receiving", "dispensing");
        assertThat(provenance.getList("legs.shipment.to", String.class)).containsExactly("RenjiHospitalMSP");

        get("shanghai-mpa", "/api/v1/trace/forward", Map.of("batchId", rawBatch)).statusCode(200)
                .body("derivedBatchIds", equalTo(List.of(sliceBatch)));
        get("shanghai-mpa", "/api/v1/trace/backward", Map.of("code", bags.get(1))).statusCode(200)
                .body("origin.sourceLots[0].batch.record.herbal.origin.province", equalTo("甘肃"));
    }

    /** The raw herb's sacks carry GS1 codes under its GTIN. */
    private static void registerProducts(final String raw, final String rawGtin, final String slice) {
        post("bencao", "/api/v1/products", Map.of("id", raw, "kind", "herbal_raw", "name", "黄芪 Astragali Radix",
                "gtin", rawGtin, "packageLevels", List.of(Map.of("level", 1, "name", "袋")))).statusCode(201);
        post("bencao", "/api/v1/products", Map.of("id", slice, "kind", "herbal_slice", "name", "黄芪饮片",
                "packageLevels", List.of(Map.of("level", 1, "name", "袋")))).statusCode(201);
    }
}
