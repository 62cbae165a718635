// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.medtrace.identifiers.codes.Gs1CheckDigit;

/** RestAssured calls as one of the demo clients (HTTP Basic with the documented demo secrets). */
public final class Api {

    private Api() {
    }

    /** @param client demo client id @return a JSON request authenticated as it */
    public static RequestSpecification as(final String client) {
        return given().log().ifValidationFails().auth().preemptive().basic(client, client + "-demo").contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /**
     * @return a request whose Content-Type is sent as given: RestAssured otherwise adds {@code charset=ISO-8859-1}
     *     to types it does not know (NDJSON, for one), which the gateway refuses (a body is UTF-8)
     */
    public static RequestSpecification asIs() {
        return given().log().ifValidationFails().config(io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    /**
     * @param client demo client id
     * @param path API path
     * @param body request body
     * @return the response, for assertions
     */
    public static ValidatableResponse post(final String client, final String path, final Object body) {
        return as(client).body(body).when().post(path).then();
    }

    /**
     * @param client demo client id
     * @param path API path
     * @param query query parameters
     * @return the response
     */
    public static ValidatableResponse get(final String client, final String path, final Map<String, ?> query) {
        return as(client).queryParams(query).when().get(path).then();
    }

    /** @param digits how many @return random decimal digits */
    public static String digits(final int digits) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            text.append(ThreadLocalRandom.current().nextInt(10));
        }
        return text.toString();
    }

    /**
     * @return a random 20-digit NMPA drug traceability code (starts with 8) of no registered product: a code nobody
     *     commissioned, for scans of unknown codes. Commission {@link #nmpaCode(String)} codes instead: the ledger
     *     refuses a code whose 药品标识码 is not its batch's product's.
     */
    public static String nmpaCode() {
        return "8" + digits(19);
    }

    /**
     * @param run the random digits of a test run (at least 6)
     * @return the 7-digit 药品标识码 the helpers register the run's vaccine product with
     */
    public static String productCode(final String run) {
        return "8" + run.substring(0, 6);
    }

    /**
     * @param productCode a product's 7-digit 药品标识码 (see {@link #productCode(String)})
     * @return a random 20-digit NMPA code carrying it: the product key, then 9 serial and 4 check digits
     */
    public static String nmpaCode(final String productCode) {
        if (productCode.length() != 7) {
            throw new IllegalArgumentException("a 药品标识码 has 7 digits: " + productCode);
        }
        return productCode + digits(13);
    }

    /** @param productCode a product's 药品标识码 @param count how many @return distinct random codes carrying it */
    public static List<String> nmpaCodes(final String productCode, final int count) {
        final java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        while (codes.size() < count) {
            codes.add(nmpaCode(productCode));
        }
        return List.copyOf(codes);
    }

    /** @return a random SSCC with a valid check digit, as a GS1 element string "(00)..." */
    public static String ssccElementString() {
        final String data = "069" + digits(14);
        return "(00)" + data + Gs1CheckDigit.compute(data);
    }

    /** @return a random GTIN-14 with a valid check digit */
    public static String gtin() {
        final String data = "069" + digits(10);
        return data + Gs1CheckDigit.compute(data);
    }

    /** @param elementString "(00)&lt;18 digits&gt;" @return the identifier the gateway names it by */
    public static String ssccIdentifier(final String elementString) {
        return "88.118.8866/00." + elementString.substring(4);
    }

    /**
     * Registers a vaccine product (packaged 支 in 箱, 药品标识码 {@link #productCode(String)}), a batch of it (no declared
     * quantity) and its lot release, as the manufacturer Huaxia. Commission {@code nmpaCode(productCode(run))}.
     *
     * @param product the product's identifier
     * @param batch the batch's identifier
     * @param run random digits (at least 6) that make names and numbers unique
     */
    public static void releasedVaccineBatch(final String product, final String batch, final String run) {
        post("huaxia", "/api/v1/products", Map.of("id", product, "kind", "vaccine", "name", "Hepatitis B vaccine",
                "approvalNumber", "国药准字S2026" + run.substring(0, 4), "productCode", productCode(run),
                "packageLevels", List.of(Map.of("level", 1, "name", "支"), Map.of("level", 2, "name", "箱"))))
                .statusCode(201);
        post("huaxia", "/api/v1/batches", Map.of("id", batch, "productId", product, "batchNumber", "T" + run,
                "productionDate", LocalDate.now().minusDays(10).toString(),
                "expiryDate", LocalDate.now().plusYears(2).toString())).statusCode(201);
        post("sidc", "/api/v1/batches/lot-release", Map.of("batchId", batch, "certificateNumber", "SJ" + run,
                "releaseDate", LocalDate.now().minusDays(2).toString()))
                .statusCode(200);
    }
}
