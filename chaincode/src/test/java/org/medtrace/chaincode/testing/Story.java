// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.ChaincodeHarness.Outcome;
import org.medtrace.chaincode.testing.TestIdentities.Identity;

/**
 * A test's ledger plus the vocabulary of the supply chain: the demo products, batches and codes, and steps that set
 * up state through the real transactions. {@link #refused} checks the whole refusal contract: status, message
 * prefix, payload, and a ledger left exactly as it was.
 */
public final class Story {
    public static final String VACCINE = "88.118.8866/P-HEPB10";
    public static final String VACCINE_BATCH = "88.118.8866/B-20261101";
    public static final String HERB_RAW = "88.118.6600/P-HUANGQI";
    public static final String HERB_SLICE = "88.118.6600/P-HUANGQI-PIAN";
    public static final String RAW_LOT = "88.118.6600/L-HQ-202610";
    public static final String LOGGER = "88.118.7700/LOGGER-0001";

    /** When the test registry is written: an hour before a test's own transactions start. */
    private static final java.time.Instant REGISTRY_WRITTEN = ChaincodeHarness.START.minusSeconds(3600);

    private final ChaincodeHarness harness;
    private int clientEvents;

    /**
     * A ledger whose member registry holds the test organisations ({@link Members}), written before
     * {@link ChaincodeHarness#START} so that a test's own transactions run at the times they always did.
     */
    public Story() {
        this(true);
    }

    private Story(final boolean withMembers) {
        harness = new ChaincodeHarness(withMembers ? REGISTRY_WRITTEN : ChaincodeHarness.START);
        if (withMembers) {
            Members.bootstrap(this);
            harness.clockAt(ChaincodeHarness.START);
        }
    }

    /** @return a story on a ledger without any member registry entry (to test the bootstrap itself) */
    public static Story withoutMembers() {
        return new Story(false);
    }

    /** @return the harness */
    public ChaincodeHarness harness() {
        return harness;
    }

    /** @return a fresh client event id */
    public String clientEventId() {
        return "ce-" + (++clientEvents);
    }

    /** Submits, adding a fresh clientEventId if the request has none. */
    public Outcome submit(final Identity who, final String function, final ObjectNode request) {
        return submit(who, function, request, Map.of());
    }

    /** Submits with transient data, adding a fresh clientEventId if the request has none. */
    public Outcome submit(final Identity who, final String function, final ObjectNode request,
            final Map<String, byte[]> transientData) {
        ObjectNode withId = request.has("clientEventId") ? request
                : Json.with(request, "clientEventId", clientEventId());
        return harness.submit(who, function, withId.toString(), transientData);
    }

    /** Submits and expects success. */
    public JsonNode ok(final Identity who, final String function, final ObjectNode request) {
        Outcome outcome = submit(who, function, request);
        assertThat(outcome.ok()).as("%s by %s: %s", function, who, outcome).isTrue();
        return outcome.json();
    }

    /** Evaluates and expects success. */
    public JsonNode read(final Identity who, final String function, final ObjectNode request) {
        Outcome outcome = harness.evaluate(who, function, request.toString());
        assertThat(outcome.ok()).as("%s: %s", function, outcome).isTrue();
        return outcome.json();
    }

    /** Submits and expects the refusal; returns its message. */
    public String refused(final Identity who, final String function, final ObjectNode request,
            final ErrorCode code) {
        return refused(code, () -> submit(who, function, request));
    }

    /** Submits raw request text and expects the refusal; returns its message. */
    public String refusedRaw(final Identity who, final String function, final String request,
            final ErrorCode code) {
        return refused(code, () -> harness.submit(who, function, request));
    }

    /** Runs the call and checks the whole refusal contract; returns the message. */
    public String refused(final ErrorCode code, final java.util.function.Supplier<Outcome> call) {
        Map<String, byte[]> before = harness.ledger().snapshot();
        int eventsBefore = harness.ledger().events().size();
        long heightBefore = harness.ledger().height();
        Outcome outcome = call.get();
        assertThat(outcome.ok()).as("expected %s, got %s", code, outcome).isFalse();
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.message()).startsWith("[" + code.name() + "] ");
        assertThat(new String(outcome.payload(), StandardCharsets.UTF_8)).isEqualTo(code.name());
        assertSameState(before, harness.ledger().snapshot());
        assertThat(harness.ledger().events()).hasSize(eventsBefore);
        assertThat(harness.ledger().height()).isEqualTo(heightBefore);
        return outcome.message();
    }

    private static void assertSameState(final Map<String, byte[]> before, final Map<String, byte[]> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((key, value) -> assertThat(after.get(key)).as("value of %s", key).isEqualTo(value));
    }

    /** @return the committed JSON under the composite key, or null */
    public JsonNode state(final String type, final String... attributes) {
        byte[] bytes = harness.ledger().get(new CompositeKey(type, attributes).toString());
        return bytes == null ? null : Json.parse(bytes);
    }

    /** @return the committed bytes under the composite key, as text, or null */
    public String stateText(final String type, final String... attributes) {
        byte[] bytes = harness.ledger().get(new CompositeKey(type, attributes).toString());
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** @return the unit's committed record */
    public JsonNode unit(final String id) {
        return state("unit", id);
    }

    /** @return codes {@code <prefix>/<stem>0001...} */
    public static List<String> codes(final String prefix, final String stem, final int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "/" + stem + String.format("%04d", i))
                .toList();
    }

    /**
     * @return 20-digit NMPA codes under the 药品标识码 ({@code <prefix>/<productCode><serial 9><check 4>}), serials
     *     from {@code first}: codes that carry the product key of the product at that package level
     */
    public static List<String> nmpaCodes(final String prefix, final String productCode, final int first,
            final int count) {
        return IntStream.range(first, first + count).mapToObj(i -> prefix + "/" + productCode
                + String.format("%09d", i) + "0000").toList();
    }

    /** @return GS1 unit identifiers under the GTIN ({@code <prefix>/01.<gtin>.21.<stem><n>}) */
    public static List<String> gs1Codes(final String prefix, final String gtin, final String stem, final int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "/01." + gtin + ".21." + stem + i).toList();
    }

    // ---- vaccines ----

    /** @return the request registering the demo hepatitis B vaccine (vial, box of 10, case of 20 boxes) */
    public static ObjectNode vaccineProduct() {
        return Json.obj("id", VACCINE, "kind", "vaccine", "name", "乙型肝炎疫苗(酿酒酵母)", "tradeName", "安在时",
                "productCode", "8612345", "gtin", "06901234567892", "approvalNumber", "国药准字S20263001",
                "dosageForm", "注射剂", "strength", "10μg/0.5ml", "specification", "0.5ml/支",
                "packageLevels", List.of(Map.of("level", 1, "name", "vial"),
                        Map.of("level", 2, "name", "box", "childCount", 10),
                        Map.of("level", 3, "name", "case", "childCount", 20)),
                "shelfLifeMonths", 24);
    }

    /** @return the request registering a batch of the demo vaccine */
    public static ObjectNode vaccineBatch(final String id, final String number) {
        return Json.obj("id", id, "productId", VACCINE, "batchNumber", number, "productionDate", "2026-11-01",
                "expiryDate", "2028-10-31", "quantity", Map.of("value", 50000, "uom", "EA"));
    }

    /** Registers the vaccine and its batch. */
    public Story vaccineBatchRegistered() {
        ok(Parties.HUAXIA, "product:register", vaccineProduct());
        ok(Parties.HUAXIA, "batch:register", vaccineBatch(VACCINE_BATCH, "20261101"));
        return this;
    }

    /** Records the lot release of the demo batch. */
    public Story released() {
        ok(Parties.SIDC, "batch:recordLotRelease", Json.obj("batchId", VACCINE_BATCH,
                "certificateNumber", "SP2026110001", "releaseDate", "2026-11-20"));
        return this;
    }

    /** Commissions codes of the demo batch at a level; returns them. */
    public List<String> commissioned(final String stem, final int count, final int level) {
        List<String> codes = codes("88.118.8866", stem, count);
        ok(Parties.HUAXIA, "unit:commission", Json.obj("batchId", VACCINE_BATCH, "packageLevel", level,
                "codes", codes));
        return codes;
    }

    /** Packs children into a parent, as {@code who}. */
    public void packed(final Identity who, final String parent, final List<String> children) {
        ok(who, "aggregation:pack", Json.obj("parent", parent, "children", children));
    }

    /** Ships codes from {@code from} to {@code to}'s organisation. */
    public JsonNode shipped(final Identity from, final String shipmentId, final List<String> codes,
            final Identity to) {
        return ok(from, "custody:ship", Json.obj("shipmentId", shipmentId, "codes", codes, "to", to.msp()));
    }

    /** Registers the demo logger (owned by ColdLink) and associates it with the codes, as their custodian. */
    public void loggerAssociated(final Identity custodian, final List<String> targets) {
        if (state("logger", LOGGER) == null) {
            ok(Parties.COLDLINK, "telemetry:registerLogger", Json.obj("loggerId", LOGGER, "model", "LogTag UTRID-16",
                    "calibrationDueDate", "2027-06-30"));
        }
        ok(custodian, "telemetry:associate", Json.obj("loggerId", LOGGER, "targets", targets));
    }

    /** Anchors a window of the demo logger's readings, all within 2-8 °C. */
    public JsonNode anchored(final String windowStart, final String windowEnd) {
        return ok(Parties.COLDLINK_LOGGER, "telemetry:anchor", anchorRequest(windowStart, windowEnd));
    }

    /** @return an anchor request for the demo logger with an in-band summary */
    public static ObjectNode anchorRequest(final String windowStart, final String windowEnd) {
        return Json.obj("loggerId", LOGGER, "windowStart", windowStart, "windowEnd", windowEnd,
                "merkleRoot", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "readingCount", 12, "summary", summary());
    }

    /** @return an in-band temperature summary */
    public static Map<String, Object> summary() {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("minCelsius", 3.1);
        summary.put("maxCelsius", 6.4);
        summary.put("meanCelsius", 4.75);
        summary.put("mktCelsius", 4.9);
        summary.put("minutesAbove", 0);
        summary.put("minutesBelow", 0);
        summary.put("longestAboveMinutes", 0);
        summary.put("longestBelowMinutes", 0);
        summary.put("gapCount", 0);
        summary.put("longestGapMinutes", 0);
        summary.put("bandMinCelsius", 2);
        summary.put("bandMaxCelsius", 8);
        return summary;
    }

    // ---- herbal ----

    /** Registers the 黄芪 raw and slice products and one GAP raw lot. */
    public Story herbalRegistered() {
        ok(Parties.BENCAO, "product:register", Json.obj("id", HERB_RAW, "kind", "herbal_raw", "name", "黄芪",
                "packageLevels", List.of(Map.of("level", 1, "name", "sack"))));
        ok(Parties.BENCAO, "product:register", Json.obj("id", HERB_SLICE, "kind", "herbal_slice", "name", "黄芪片",
                "approvalNumber", "沪饮片2026-018", "specification", "500g/袋",
                "packageLevels", List.of(Map.of("level", 1, "name", "bag")), "shelfLifeMonths", 24));
        ok(Parties.BENCAO, "batch:register", Json.obj("id", RAW_LOT, "productId", HERB_RAW,
                "batchNumber", "HQ-202610", "productionDate", "2026-10-20", "expiryDate", "2029-10-19",
                "quantity", Map.of("value", 1000, "uom", "KGM"),
                "herbal", Map.of("origin", Map.of("province", "甘肃", "city", "定西", "county", "陇西",
                        "gapBase", "陇西黄芪GAP基地"), "harvestDate", "2026-10-15", "plot", "A-07",
                        "seedSource", "蒙古黄芪 seed lot 2024-03", "testReportRef", "GS-2026-0412")));
        return this;
    }

    /** Commissions raw sacks of the GAP lot, 25 KGM each. */
    public List<String> sacks(final int count) {
        List<String> codes = codes("88.118.6600", "SACK", count);
        ok(Parties.BENCAO, "unit:commission", Json.obj("batchId", RAW_LOT, "packageLevel", 1, "codes", codes,
                "quantity", Map.of("value", 25, "uom", "KGM")));
        return codes;
    }

    /** @return a list of the given ids with their events removed (for comparisons) */
    public static List<String> ids(final JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
