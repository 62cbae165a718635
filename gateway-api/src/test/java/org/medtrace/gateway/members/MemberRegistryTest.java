// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.medtrace.gateway.members.MembersTestResource.COLDLINK_INSPECTOR;
import static org.medtrace.gateway.members.MembersTestResource.SHENDIST_REGULATOR;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;

/**
 * The member registry through REST: every caller reads it; only the consortium authority changes it, each change
 * with who and why; and a client whose own organisation's CA gave it role {@code regulator}, while the consortium
 * did not grant its organisation that role, is refused every regulator action, by the chaincode (recall, hold
 * release, registry changes) and by the gateway's own checks (regulator queries, rebuilds), each refusal a
 * {@code 403 ACCESS_DENIED} naming the missing grant.
 */
@QuarkusTest
@WithTestResource(MembersTestResource.class)
class MemberRegistryTest {

    private static final String MPA = "ShanghaiMpaMSP";
    private static final String NOT_GRANTED = "has not granted role 'regulator' to ";

    private static void deniedNaming(final ValidatableResponse response, final String msp) {
        response.statusCode(403).contentType("application/problem+json").body("code", equalTo("ACCESS_DENIED"))
                .body("detail", containsString("regulator")).body("detail", containsString(msp));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(final String msp) {
        return get("huaxia", "/api/v1/members/" + msp, Map.of()).statusCode(200).extract().path("member");
    }

    /** The entry as a member:update request: the same fields, with the given roles and reason. */
    private static Map<String, Object> update(final Map<String, Object> entry, final List<String> roles,
            final String reason) {
        final Map<String, Object> request = new LinkedHashMap<>();
        for (final String field : List.of("msp", "legalName", "creditCode", "licences")) {
            request.put(field, entry.get(field));
        }
        request.put("roles", roles);
        request.put("reason", reason);
        return request;
    }

    @BeforeEach
    void registryProjected() {
        // the embedded default registers the demo organisations at start; the read model may still be catching up
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("huaxia", "/api/v1/members",
                Map.of()).statusCode(200).body("members.member.msp", hasItems(MPA, "HuaxiaVaccineMSP",
                        "ShenDistMSP", "ColdLinkMSP", "RenjiHospitalMSP")));
    }

    @Test
    void every_caller_reads_the_registry_page_by_page() {
        get("coldlink-logger", "/api/v1/members", Map.of()).statusCode(200)
                .body("members.member.msp", hasItems(MPA, "HuaxiaVaccineMSP", "ShenDistMSP", "ColdLinkMSP"));
        get("renji", "/api/v1/members/" + MPA, Map.of()).statusCode(200)
                .body("member.msp", equalTo(MPA)).body("member.roles", hasItems("regulator"))
                .body("member.version", notNullValue()).body("proof.txId", notNullValue());
        final String next = get("huaxia", "/api/v1/members", Map.of("pageSize", 2)).statusCode(200)
                .body("members.size()", equalTo(2)).body("next", notNullValue()).extract().path("next");
        final List<String> rest = get("huaxia", "/api/v1/members", Map.of("after", next, "pageSize", 500))
                .statusCode(200).body("next", nullValue()).extract().path("members.member.msp");
        assertThat(rest).isSorted().allMatch(msp -> msp.compareTo(next) > 0);
        get("huaxia", "/api/v1/members/NoSuchMSP", Map.of()).statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        get("huaxia", "/api/v1/members", Map.of("pageSize", 501)).statusCode(400);
    }

    @Test
    void a_regulator_role_issued_by_a_members_own_ca_is_refused_naming_the_missing_grant() {
        final String run = Api.digits(8);
        final String product = "88.118.8866/PRD-MR-" + run;
        final String batch = "88.118.8866/BATCH-MR-" + run;
        post("huaxia", "/api/v1/products", Map.of("id", product, "kind", "vaccine", "name", "Hepatitis B vaccine",
                "approvalNumber", "国药准字S2026" + run.substring(0, 4), "productCode", Api.productCode(run),
                "packageLevels", List.of(Map.of("level", 1, "name", "支")))).statusCode(201);
        post("huaxia", "/api/v1/batches", Map.of("id", batch, "productId", product, "batchNumber", "MR" + run,
                "productionDate", LocalDate.now().minusDays(10).toString(),
                "expiryDate", LocalDate.now().plusYears(2).toString())).statusCode(201);
        post("huaxia", "/api/v1/custody/holds", Map.of("holdId", "H-MR-" + run, "batchIds", List.of(batch),
                "reason", "sterility test pending")).statusCode(201);

        // the chaincode's refusals
        deniedNaming(post(SHENDIST_REGULATOR, "/api/v1/recalls", Map.of("recallId", "RC-MR-" + run,
                "batchIds", List.of(batch), "level", "I", "reason", "suspected contamination")), "ShenDistMSP");
        deniedNaming(post(SHENDIST_REGULATOR, "/api/v1/custody/holds/release", Map.of("holdId", "H-MR-" + run)),
                "ShenDistMSP");
        final Map<String, Object> own = entry("ShenDistMSP");
        deniedNaming(Api.as(SHENDIST_REGULATOR).body(update(own, List.of("distributor", "regulator"),
                "self-promotion")).put("/api/v1/members/ShenDistMSP").then(), "ShenDistMSP");
        deniedNaming(post(SHENDIST_REGULATOR, "/api/v1/members", update(own, List.of("regulator"), "again")),
                "ShenDistMSP");
        // the gateway's own checks, with the same words
        deniedNaming(get(SHENDIST_REGULATOR, "/api/v1/regulator/events", Map.of()), "ShenDistMSP");
        get(SHENDIST_REGULATOR, "/api/v1/regulator/events", Map.of()).body("detail",
                containsString(NOT_GRANTED + "ShenDistMSP (granted: distributor)"));
        deniedNaming(post(SHENDIST_REGULATOR, "/api/v1/projection/rebuild", Map.of()), "ShenDistMSP");
        // nothing changed: the registry still grants ShenDist only distribution, the hold still stands
        assertThat(entry("ShenDistMSP").get("roles")).isEqualTo(List.of("distributor"));
        get("shanghai-mpa", "/api/v1/regulator/events", Map.of()).statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_authoritys_update_with_a_reason_shows_in_the_list_and_its_grant_counts_at_once() {
        final Map<String, Object> before = entry("ColdLinkMSP");
        deniedNaming(get(COLDLINK_INSPECTOR, "/api/v1/regulator/events", Map.of()), "ColdLinkMSP");
        final List<String> roles = new ArrayList<>((List<String>) before.get("roles"));
        roles.add("regulator");
        final String reason = "沪药监 [2026] 12号: cold-chain inspections delegated to ColdLink";
        Api.as("shanghai-mpa").body(update(before, roles, reason)).put("/api/v1/members/ColdLinkMSP").then()
                .statusCode(200).body("projected", equalTo(true));

        final List<Map<String, Object>> listed = get("huaxia", "/api/v1/members", Map.of("pageSize", 500))
                .statusCode(200).extract().path("members.member");
        final Map<String, Object> after = listed.stream().filter(m -> "ColdLinkMSP".equals(m.get("msp")))
                .findFirst().orElseThrow();
        assertThat(after.get("reason")).isEqualTo(reason);
        assertThat(after.get("updatedByMsp")).isEqualTo(MPA);
        assertThat(((Number) after.get("version")).longValue())
                .isEqualTo(((Number) before.get("version")).longValue() + 1);
        assertThat(after.get("roles")).isEqualTo(roles);
        get(COLDLINK_INSPECTOR, "/api/v1/regulator/events", Map.of()).statusCode(200);

        // and taken back: refused again
        Api.as("shanghai-mpa").body(update(after, (List<String>) before.get("roles"), "delegation ended"))
                .put("/api/v1/members/ColdLinkMSP").then().statusCode(200);
        deniedNaming(get(COLDLINK_INSPECTOR, "/api/v1/regulator/events", Map.of()), "ColdLinkMSP");
        // the path names the member: a body naming another is refused before the ledger
        Api.as("shanghai-mpa").body(update(after, roles, "x")).put("/api/v1/members/RenjiHospitalMSP").then()
                .statusCode(400).body("code", equalTo("INVALID_ARGUMENT"));
    }
}
