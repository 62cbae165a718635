// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medtrace.gateway.testing.Api.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medtrace.gateway.ledger.ChaincodeRefusedException;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The gateway and the chaincode share one definition of every request (module chaincode/api): lenient JSON that the
 * gateway used to accept and write (trailing content, two objects, duplicate keys, a number for a string, a string
 * for a number) is refused at the REST edge with 400 naming the field, and the chaincode, given the same text
 * directly through the fabric-gateway SDK, refuses it with the same code and the same words.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class OneRequestDefinitionTest {

    private static final String PRODUCT = "{\"id\":\"88.118.8866/ODR-%s\",\"kind\":\"herbal_raw\",\"name\":%s,"
            + "\"packageLevels\":[{\"level\":1,\"name\":\"bag\"}]}";

    @Inject
    LedgerService ledger;

    static Stream<Arguments> lenientBodies() {
        final String good = PRODUCT.formatted("A", "\"黄芪\"");
        return Stream.of(
                Arguments.of("trailing content", "/api/v1/products", "product:register", good + " xyz", "body"),
                Arguments.of("two concatenated objects", "/api/v1/products", "product:register", good + good,
                        "body"),
                Arguments.of("a duplicate key", "/api/v1/products", "product:register",
                        good.replace("\"kind\":", "\"name\":\"x\",\"kind\":"), "name"),
                Arguments.of("a number for a string", "/api/v1/products", "product:register",
                        PRODUCT.formatted("B", "12"), "name"),
                Arguments.of("a string for a number", "/api/v1/products", "product:register",
                        good.replace("\"level\":1", "\"level\":\"1\""), "packageLevels[0].level"),
                Arguments.of("a fraction for an integer", "/api/v1/units/commission", "unit:commission",
                        "{\"batchId\":\"88.118.8866/B\",\"packageLevel\":1.5,\"codes\":[\"88.118.8866/c\"]}",
                        "packageLevel"),
                Arguments.of("1e400 for a string", "/api/v1/products", "product:register",
                        PRODUCT.formatted("C", "1e400"), "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientBodies")
    void the_gateway_refuses_what_the_chaincode_refuses_with_the_same_words(final String what, final String path,
            final String transaction, final String body, final String field) {
        final ExtractableResponse<Response> rest = as("huaxia").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then().statusCode(400).contentType("application/problem+json").extract();
        assertThat(rest.path("errors[0].field").toString()).isEqualTo(field);

        final String direct = body.replaceFirst("\\{", "{\"clientEventId\":\"odr-" + what.hashCode() + "\",");
        assertThatThrownBy(() -> ledger.client().submit("huaxia", transaction,
                direct.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOfSatisfying(ChaincodeRefusedException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(rest.path("code").toString());
                    assertThat(refused.chaincodeMessage()).endsWith(rest.path("errors[0].message").toString());
                });
    }
}
