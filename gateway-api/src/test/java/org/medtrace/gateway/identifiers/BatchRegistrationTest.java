// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * {@code POST /api/handles}: 2,000 records in one request, all or nothing; an identical retry succeeds and changes
 * nothing; a conflicting retry is refused record by record and writes nothing; limits and bad records.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
@WithTestResource(TwoNodesTestResource.class)
class BatchRegistrationTest {

    private static String record(final String handle, final String url) {
        return "{\"handle\":\"" + handle + "\",\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"" + url
                + "\"}},{\"index\":2009,\"type\":\"MEDTRACE.BATCH_NUMBER\",\"data\":{\"format\":\"string\",\"value\":\"B-7\"}}]}";
    }

    private static String batch(final List<String> records) {
        return "{\"handles\":[" + String.join(",", records) + "]}";
    }

    private static List<String> handles(final String run, final int count) {
        final List<String> handles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            handles.add(TwoNodesTestResource.PREFIX + "/B" + run + "." + i);
        }
        return handles;
    }

    private static List<String> records(final List<String> handles) {
        return handles.stream().map(h -> record(h, "https://trace.example.cn/" + h)).toList();
    }

    @Test
    void two_thousand_records_register_at_once_and_an_identical_retry_is_a_success_that_changes_nothing() {
        final List<String> handles = handles(Api.digits(8), 2_000);
        final JsonPath created = HandleRestApiTest.admin().body(batch(records(handles))).post("/api/handles")
                .then().statusCode(201).body("responseCode", equalTo(1)).body("created", equalTo(2_000))
                .body("unchanged", equalTo(0)).extract().jsonPath();
        assertThat(created.getList("results.handle")).containsExactlyElementsOf(handles);
        final String stamp = given().get("/api/handles/" + handles.get(1999)).then().statusCode(200)
                .body("values[0].data.value", equalTo("https://trace.example.cn/" + handles.get(1999)))
                .body("values.index", equalTo(List.of(1, 100, 2009))).extract().path("values[0].timestamp");

        HandleRestApiTest.admin().body(batch(records(handles))).post("/api/handles").then().statusCode(200)
                .body("responseCode", equalTo(1)).body("created", equalTo(0)).body("unchanged", equalTo(2_000))
                .body("results[7].outcome", equalTo("unchanged"));
        given().get("/api/handles/" + handles.get(1999)).then().body("values[0].timestamp", equalTo(stamp));
    }

    @Test
    void a_conflicting_retry_is_refused_per_record_and_writes_nothing_at_all() {
        final String run = Api.digits(8);
        final List<String> handles = handles(run, 3);
        HandleRestApiTest.admin().body(batch(records(handles))).post("/api/handles").then().statusCode(201);

        final List<String> retry = new ArrayList<>(records(handles));
        retry.set(1, record(handles.get(1), "https://other.example/"));
        final String added = TwoNodesTestResource.PREFIX + "/B" + run + ".new";
        retry.add(record(added, "https://trace.example.cn/new"));
        HandleRestApiTest.admin().body(batch(retry)).post("/api/handles").then().statusCode(409)
                .body("responseCode", equalTo(101)).body("refused", equalTo(1))
                .body("message", containsString("nothing was written"))
                .body("failures", hasSize(1)).body("failures[0].position", equalTo(1))
                .body("failures[0].handle", equalTo(handles.get(1))).body("failures[0].responseCode", equalTo(101));
        given().get("/api/handles/" + added).then().statusCode(404);
        given().get("/api/handles/" + handles.get(1)).then().body("values[0].data.value",
                equalTo("https://trace.example.cn/" + handles.get(1)));
    }

    @Test
    void bad_batches_are_refused_with_every_failing_record_named_and_nothing_written() {
        final String run = Api.digits(8);
        final String good = TwoNodesTestResource.PREFIX + "/B" + run + ".good";
        final List<String> records = List.of(record(good, "https://x.example/"), record("not-a-handle", "x"),
                record("88.999/elsewhere", "x"), record(good, "https://x.example/"),
                "{\"handle\":\"" + TwoNodesTestResource.PREFIX + "/B" + run + ".v\",\"values\":[{\"index\":-1}]}",
                "{\"handle\":\"" + TwoNodesTestResource.PREFIX + "/B" + run + ".w\",\"values\":[],\"extra\":1}");
        final JsonPath refused = HandleRestApiTest.admin().body(batch(records)).post("/api/handles").then()
                .statusCode(400).body("refused", equalTo(5)).extract().jsonPath();
        assertThat(refused.getList("failures.position", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(refused.getList("failures.responseCode", Integer.class)).containsExactly(102, 301, 4, 202, 202);
        assertThat(refused.getString("failures[3].message")).contains("$.handles[4].values[0]");
        given().get("/api/handles/" + good).then().statusCode(404);

        final List<String> tooMany = records(handles(run, 2_001));
        HandleRestApiTest.admin().body(batch(tooMany)).post("/api/handles").then().statusCode(400)
                .body("responseCode", equalTo(4)).body("message", containsString("2000"));
        HandleRestApiTest.admin().body("{\"handles\":[]}").post("/api/handles").then().statusCode(400)
                .body("responseCode", equalTo(202));
        HandleRestApiTest.admin().body("{\"handles\":[{]}").post("/api/handles").then().statusCode(400)
                .body("responseCode", equalTo(202)).body("message", containsString("JSON"));
        HandleRestApiTest.admin().body("{\"records\":[]}").post("/api/handles").then().statusCode(400)
                .body("message", containsString("$.records"));
        given().contentType(ContentType.JSON).body(batch(records(handles(run, 1)))).post("/api/handles").then()
                .statusCode(401).body("responseCode", equalTo(402));
        Api.as("bencao").body(batch(records(handles(run, 1)))).post("/api/handles").then().statusCode(403)
                .body("failures[0].responseCode", equalTo(401));
        given().get("/api/handles/" + handles(run, 1).get(0)).then().statusCode(404);
    }
}
