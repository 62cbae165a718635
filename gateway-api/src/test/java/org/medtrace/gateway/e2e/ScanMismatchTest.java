// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * A verification scan that carries a lot (GS1 AI 10) or an expiry (AI 17) is compared with the ledger's batch: a pack
 * that contradicts it answers MISMATCH with both values and raises an alert, never plain GENUINE (issue 12, point 2).
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class ScanMismatchTest {

    private static final String PREFIX = "88.118.8866/";
    /** The GTIN of the issue's example. */
    private static final String GTIN = "06901234567892";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    /** A released vaccine batch "B001" with a GTIN and a productCode; expiry the last day of a month. */
    private record Batch(String id, String productCode, LocalDate expiry) {
    }

    private static Batch batchB001(final String run, final LocalDate expiry) {
        final String product = PREFIX + "PRD-M-" + run;
        final String productCode = "8" + run.substring(0, 6);
        post("huaxia", "/api/v1/products", Map.of("id", product, "kind", "vaccine", "name", "Hepatitis B vaccine",
                "approvalNumber", "国药准字S2026" + run.substring(0, 4), "productCode", productCode, "gtin", GTIN,
                "packageLevels", List.of(Map.of("level", 1, "name", "支")))).statusCode(201);
        final String batch = PREFIX + "BATCH-M-" + run;
        post("huaxia", "/api/v1/batches", Map.of("id", batch, "productId", product, "batchNumber", "B001",
                "productionDate", LocalDate.now().minusDays(10).toString(), "expiryDate", expiry.toString(),
                "quantity", Map.of("value", 10, "uom", "EA"))).statusCode(201);
        return new Batch(batch, productCode, expiry);
    }

    private static void commission(final Batch batch, final List<String> codes) {
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch.id(), "packageLevel", 1, "codes", codes))
                .statusCode(201);
    }

    /** The issue's ledger date while it lies ahead, else the end of a month two years on. */
    private static LocalDate issueExpiry() {
        final LocalDate issue = LocalDate.of(2028, 10, 31);
        return issue.isAfter(LocalDate.now().plusMonths(6)) ? issue
                : LocalDate.now().plusYears(2).with(TemporalAdjusters.lastDayOfMonth());
    }

    @Test
    void the_issues_relabelled_pack_answers_mismatch_with_both_values_and_raises_an_alert() {
        final String run = Api.digits(8);
        final Batch batch = batchB001(run, issueExpiry());
        commission(batch, List.of("(01)" + GTIN + "(21)SN0003"));
        final String scan = "(01)" + GTIN + "(17)200101(10)FAKE999(21)SN0003";

        final JsonPath answer = get("renji", "/api/v1/verification", Map.of("code", scan)).statusCode(200)
                .body("code", equalTo(PREFIX + "01." + GTIN + ".21.SN0003"))
                .body("verdict", equalTo("MISMATCH"))
                .body("batchNumber", equalTo("B001"))
                .body("expiryDate", equalTo(batch.expiry().toString()))
                .body("mismatches.field", contains("batchNumber", "expiryDate"))
                .body("mismatches[0].scanned", equalTo("FAKE999"))
                .body("mismatches[0].recorded", equalTo("B001"))
                .body("mismatches[0].ai", equalTo("10"))
                .body("mismatches[1].scanned", equalTo("2020-01-01"))
                .body("mismatches[1].printed", equalTo("200101"))
                .body("mismatches[1].recorded", equalTo(batch.expiry().toString()))
                .body("mismatches[1].ai", equalTo("17"))
                .extract().jsonPath();
        assertThat(answer.getString("reason")).contains("FAKE999", "B001", "2020-01-01", batch.expiry().toString());
        assertThat(answer.getList("findings.verdict", String.class)).containsExactly("MISMATCH");

        final JsonPath alerts = get("shanghai-mpa", "/api/v1/regulator/alerts",
                Map.of("kind", "SCAN_DATA_MISMATCH", "pageSize", 1000)).statusCode(200).extract().jsonPath();
        final List<Map<String, Object>> mine = alerts.getList("items.findAll { it.code == '" + PREFIX + "01." + GTIN
                + ".21.SN0003' }");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("batchId")).isEqualTo(batch.id());
        assertThat(mine.get(0).get("observedBy")).isEqualTo("RenjiHospitalMSP");
        assertThat((String) mine.get(0).get("detail")).contains("FAKE999", "B001", "2020-01-01");
        assertThat(mine.get(0).get("priorProof")).as("the batch registration it contradicts").isNotNull();
    }

    @Test
    void the_right_lot_and_expiry_stay_genuine_also_with_a_day_00_expiry_and_as_digital_link() {
        final String run = Api.digits(8);
        final Batch batch = batchB001(run, LocalDate.now().plusYears(2).with(TemporalAdjusters.lastDayOfMonth()));
        final String serial = "SN" + run;
        commission(batch, List.of("(01)" + GTIN + "(21)" + serial));
        final String expiry = batch.expiry().format(YYMMDD);
        final String monthOnly = expiry.substring(0, 4) + "00";

        for (final String scan : List.of("(01)" + GTIN + "(17)" + expiry + "(10)B001(21)" + serial,
                "]d201" + GTIN + "17" + monthOnly + "10B001\u001d21" + serial,
                "https://id.gs1.org/01/" + GTIN + "/10/B001/21/" + serial + "?17=" + expiry)) {
            get("renji", "/api/v1/verification", Map.of("code", scan)).statusCode(200)
                    .body("verdict", equalTo("GENUINE")).body("mismatches", nullValue());
        }
        // a lot alone, or an expiry alone, is compared alone
        get("renji", "/api/v1/verification", Map.of("code", "(01)" + GTIN + "(10)B002(21)" + serial)).statusCode(200)
                .body("verdict", equalTo("MISMATCH")).body("mismatches.field", contains("batchNumber"));
        get("renji", "/api/v1/verification", Map.of("code", "(01)" + GTIN + "(17)" + monthOnly.substring(0, 2)
                + "0101(21)" + serial)).statusCode(200)
                .body("verdict", equalTo("MISMATCH")).body("mismatches.field", contains("expiryDate"));
    }

    @Test
    void a_digital_link_with_a_wrong_lot_or_expiry_answers_mismatch() {
        final String run = Api.digits(8);
        final Batch batch = batchB001(run, issueExpiry());
        final String serial = "DL" + run;
        commission(batch, List.of("(01)" + GTIN + "(21)" + serial));

        get("renji", "/api/v1/verification", Map.of("code", "https://id.gs1.org/01/" + GTIN + "/10/FAKE999/21/"
                + serial + "?17=200101")).statusCode(200)
                .body("verdict", equalTo("MISMATCH"))
                .body("mismatches.field", contains("batchNumber", "expiryDate"))
                .body("mismatches.scanned", contains("FAKE999", "2020-01-01"))
                .body("mismatches.recorded", contains("B001", batch.expiry().toString()));
        get("shanghai-mpa", "/api/v1/regulator/alerts", Map.of("kind", "SCAN_DATA_MISMATCH", "pageSize", 1000))
                .statusCode(200).body("items.code", hasItem(PREFIX + "01." + GTIN + ".21." + serial));
    }

    @Test
    void scans_without_a_lot_or_expiry_answer_as_before() {
        final String run = Api.digits(8);
        final Batch batch = batchB001(run, issueExpiry());
        final String serial = "PL" + run;
        final String nmpa = batch.productCode() + Api.digits(13);
        commission(batch, List.of("(01)" + GTIN + "(21)" + serial, nmpa));

        for (final String scan : List.of("(01)" + GTIN + "(21)" + serial, "https://id.gs1.org/01/" + GTIN + "/21/"
                + serial, PREFIX + "01." + GTIN + ".21." + serial, nmpa, PREFIX + nmpa)) {
            get("renji", "/api/v1/verification", Map.of("code", scan)).statusCode(200)
                    .body("verdict", equalTo("GENUINE")).body("mismatches", nullValue())
                    .body("batchNumber", equalTo("B001"));
        }
        get("shanghai-mpa", "/api/v1/regulator/alerts", Map.of("kind", "SCAN_DATA_MISMATCH", "pageSize", 1000))
                .statusCode(200).body("items.findAll { it.batchId == '" + batch.id() + "' }", empty());
    }

    @Test
    void a_recalled_pack_with_a_wrong_lot_answers_mismatch_first_and_lists_the_recall() {
        final String run = Api.digits(8);
        final Batch batch = batchB001(run, issueExpiry());
        final String serial = "RC" + run;
        commission(batch, List.of("(01)" + GTIN + "(21)" + serial));
        post("huaxia", "/api/v1/recalls", Map.of("recallId", "RC-M-" + run, "batchIds", List.of(batch.id()),
                "level", "I", "reason", "potency below specification")).statusCode(201);

        get("renji", "/api/v1/verification", Map.of("code", "(01)" + GTIN + "(10)FAKE999(21)" + serial))
                .statusCode(200).body("verdict", equalTo("MISMATCH"))
                .body("findings.verdict", contains("MISMATCH", "RECALLED"));
        // the right lot on a recalled pack is the recall, as before
        get("renji", "/api/v1/verification", Map.of("code", "(01)" + GTIN + "(10)B001(21)" + serial))
                .statusCode(200).body("verdict", equalTo("RECALLED")).body("mismatches", nullValue());
    }
}
