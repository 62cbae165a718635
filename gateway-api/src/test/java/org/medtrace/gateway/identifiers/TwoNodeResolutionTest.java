// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.PercentEncoding;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.resolution.HandleResolver;
import org.medtrace.identifiers.resolution.Resolution;

/**
 * Two nodes on loopback over real HTTP: the top-level node (the node code outside Quarkus) and the gateway's
 * secondary node. What the ledger commissions is registered automatically and resolves from the top-level node
 * through the gateway's node; the gateway resolves identifiers the top-level node holds, caching them for their TTL
 * and "does not exist" for the negative TTL.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
@WithTestResource(TwoNodesTestResource.class)
class TwoNodeResolutionTest {

    @BeforeEach
    void delegate() {
        TwoNodes.delegateToTheGateway();
    }

    private static String url(final String handle, final String ttl) {
        return "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://other-node.example/" + handle + "\"},"
                + "\"ttl\":" + ttl + "}]}";
    }

    private static JsonPath verify(final String code) {
        return get("huaxia", "/api/v1/verification", Map.of("code", code)).statusCode(200)
                .body("verdict", equalTo("UNKNOWN")).extract().jsonPath();
    }

    @Test
    void identifiers_commissioned_on_the_ledger_are_registered_and_resolve_through_the_top_level_node()
            throws Exception {
        final String run = Api.digits(8);
        final String product = "88.118.8866/PRD-N-" + run;
        final String batch = "88.118.8866/BATCH-N-" + run;
        final String approval = "国药准字S2026" + run.substring(0, 4);
        post("huaxia", "/api/v1/products", Map.of("id", product, "kind", "vaccine", "name", "乙肝疫苗",
                "approvalNumber", approval, "productCode", Api.productCode(run),
                "packageLevels", List.of(Map.of("level", 1, "name", "支")))).statusCode(201);
        final LocalDate expiry = LocalDate.now().plusYears(2);
        post("huaxia", "/api/v1/batches", Map.of("id", batch, "productId", product, "batchNumber", "N" + run,
                "productionDate", LocalDate.now().minusDays(5).toString(), "expiryDate", expiry.toString()))
                .statusCode(201);
        final List<String> codes = Api.nmpaCodes(Api.productCode(run), 2);
        final JsonPath commission = post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch,
                "packageLevel", 1, "codes", codes)).statusCode(201).extract().jsonPath();
        final String unit = "88.118.8866/" + codes.get(1);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get("/api/handles/" + unit).then().statusCode(200));
        final JsonPath record = given().get("/api/handles/" + unit).then().extract().jsonPath();
        assertThat(record.getString("values.find { it.index == 1 }.data.value")).isEqualTo(TwoNodes.gateway()
                + "/api/v1/provenance/unit?code=" + PercentEncoding.encode(unit, false));
        assertThat(value(record, 2000)).isEqualTo("unit");
        assertThat(value(record, 2001)).isEqualTo(product);
        assertThat(value(record, 2002)).isEqualTo("乙肝疫苗");
        assertThat(value(record, 2003)).isEqualTo("HuaxiaVaccineMSP");
        assertThat(value(record, 2004)).isEqualTo(approval);
        assertThat(value(record, 2008)).isEqualTo(batch);
        assertThat(value(record, 2009)).isEqualTo("N" + run);
        assertThat(value(record, 2011)).isEqualTo(expiry.toString());
        assertThat(value(record, 2012)).isEqualTo("1");
        assertThat(value(record, 2100)).isEqualTo(commission.getString("txId"));
        assertThat(value(record, 2101)).isEqualTo(commission.getString("blockNumber"));
        assertThat(value(record, 2102)).isEqualTo(commission.getString("eventIds[0]")).startsWith("ni:///sha-256;");
        given().get("/api/handles/" + batch).then().statusCode(200)
                .body("values.find { it.index == 2000 }.data.value", equalTo("batch"));
        given().get("/api/handles/" + product).then().statusCode(200)
                .body("values.find { it.index == 2000 }.data.value", equalTo("vaccine"));

        final JsonPath health = given().get("/q/health/well").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'identifier-registration' }.status")).isEqualTo("UP");
        assertThat(health.getLong("checks.find { it.name == 'identifier-registration' }.data.handlesWritten"))
                .isGreaterThanOrEqualTo(4);

        final HandleResolver client = HandleResolver.builder(TwoNodes.topLevel()).build();
        final Resolution resolved = client.resolve(Identifier.parse(unit));
        assertThat(resolved.node().baseUri().getPort()).isEqualTo(TwoNodes.gateway().getPort());
        final HandleRecord held = resolved.record();
        assertThat(held.value(2102).orElseThrow().textOrNull()).isEqualTo(commission.getString("eventIds[0]"));
        assertThat(held.value(1).orElseThrow().textOrNull()).endsWith(PercentEncoding.encode(unit, false));
    }

    private static String value(final JsonPath record, final int index) {
        return record.getString("values.find { it.index == " + index + " }.data.value");
    }

    @Test
    void the_gateway_answers_with_what_the_other_node_holds_and_caches_it_for_its_ttl() throws Exception {
        final String handle = TwoNodesTestResource.TOP_PREFIX + "/VAX-" + Api.digits(8);
        TwoNodes.putAtTop(handle, url(handle, "600"));

        final JsonPath first = verify(handle);
        assertThat(first.getString("resolution.status")).isEqualTo("HELD_BY_ANOTHER_NODE");
        assertThat(first.getString("resolution.node")).isEqualTo(TwoNodes.topLevel().toString());
        assertThat(first.getString("resolution.url")).isEqualTo("https://other-node.example/" + handle);
        assertThat(first.getBoolean("resolution.fromCache")).isFalse();
        assertThat(first.getString("reason")).contains("held by another node").contains("other-node.example");
        assertThat(TwoNodes.requestsAtTop(handle)).isEqualTo(1);

        assertThat(verify(handle).getBoolean("resolution.fromCache")).isTrue();
        get("huaxia", "/api/v1/provenance/unit", Map.of("code", handle)).statusCode(404)
                .body("code", equalTo("UNIT_NOT_FOUND"))
                .body("resolution.status", equalTo("HELD_BY_ANOTHER_NODE"))
                .body("resolution.url", equalTo("https://other-node.example/" + handle))
                .body("resolution.values[0].type", equalTo("URL"));
        get("huaxia", "/api/v1/batches/" + handle, Map.of()).statusCode(404).body("code", equalTo("BATCH_NOT_FOUND"))
                .body("resolution.fromCache", equalTo(true));
        assertThat(TwoNodes.requestsAtTop(handle)).isEqualTo(1);
    }

    @Test
    void a_record_is_fetched_again_once_its_ttl_has_passed() throws Exception {
        final String handle = TwoNodesTestResource.TOP_PREFIX + "/TTL-" + Api.digits(8);
        TwoNodes.putAtTop(handle, url(handle, "1"));
        assertThat(verify(handle).getBoolean("resolution.fromCache")).isFalse();

        Thread.sleep(1_100);
        assertThat(verify(handle).getBoolean("resolution.fromCache")).isFalse();
        assertThat(TwoNodes.requestsAtTop(handle)).isEqualTo(2);
    }

    @Test
    void does_not_exist_is_remembered_for_the_negative_ttl() throws Exception {
        final String handle = TwoNodesTestResource.TOP_PREFIX + "/NOPE-" + Api.digits(8);
        assertThat(verify(handle).getString("resolution.status")).isEqualTo("NOT_REGISTERED");
        TwoNodes.putAtTop(handle, url(handle, "86400"));
        assertThat(verify(handle).getString("resolution.status")).isEqualTo("NOT_REGISTERED");
        assertThat(TwoNodes.requestsAtTop(handle)).isEqualTo(1);

        Thread.sleep(2_100);
        assertThat(verify(handle).getString("resolution.status")).isEqualTo("HELD_BY_ANOTHER_NODE");
        assertThat(TwoNodes.requestsAtTop(handle)).isEqualTo(2);
    }

    @Test
    void codes_of_this_nodes_prefix_are_answered_from_its_own_records_and_unreachable_nodes_are_said_so() {
        final String local = TwoNodesTestResource.PREFIX + "/LOCAL-" + Api.digits(8);
        HandleRestApiTest.admin().body(url(local, "60")).put("/api/handles/" + local).then().statusCode(201);
        final JsonPath here = verify(local);
        assertThat(here.getString("resolution.status")).isEqualTo("REGISTERED_HERE");
        assertThat(here.getString("resolution.url")).isEqualTo("https://other-node.example/" + local);
        assertThat(verify(TwoNodesTestResource.PREFIX + "/NONE-" + Api.digits(8)).getString("resolution.status"))
                .isEqualTo("NOT_REGISTERED");

        TwoNodes.putAtTop("0.NA/88.101", "{\"values\":[{\"index\":1,\"type\":\"HS_SITE\","
                + "\"data\":{\"format\":\"string\",\"value\":\"http://127.0.0.1:1\"}}]}");
        final JsonPath unreachable = verify("88.101/X-" + Api.digits(8));
        assertThat(unreachable.getString("resolution.status")).isEqualTo("UNRESOLVABLE");
        assertThat(unreachable.getString("reason")).contains("could not be resolved");
    }
}
