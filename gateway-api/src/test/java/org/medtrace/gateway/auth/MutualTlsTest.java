// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.EnrolledIdentity;
import org.medtrace.devpeer.identity.LocalCertificateAuthority;
import org.medtrace.devpeer.identity.Pem;
import org.medtrace.gateway.testing.Api;

/**
 * Mutual TLS over a real socket: the gateway's HTTPS listener requests client certificates, and a caller presenting
 * the certificate of a ledger identity acts as it. The identities' certificates are the ones the gateway's embedded
 * dev peer enrolled at boot; the refused ones are issued by the same organisation CA or by a foreign one.
 */
@QuarkusTest
@WithTestResource(MutualTlsTestResource.class)
class MutualTlsTest {

    private static final String HUAXIA = "HuaxiaVaccineMSP";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] PASSWORD = "test".toCharArray();

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    private static Path data;
    private static LocalCertificateAuthority cas;

    @BeforeAll
    static void material() {
        data = Path.of(ConfigProvider.getConfig().getValue("medtrace.data-directory", String.class));
        cas = LocalCertificateAuthority.open(data.resolve("ledger").resolve("organizations"), List.of(HUAXIA));
    }

    @Test
    void the_manufacturers_certificate_acts_as_the_manufacturer() throws Exception {
        final HttpClient huaxia = client(user(HUAXIA, "huaxia"));
        final String run = Api.digits(8);
        final String product = "88.118.8866/PRD-MTLS-" + run;
        final HttpResponse<String> registered = send(huaxia, post("api/v1/products", Map.of("id", product,
                "kind", "vaccine", "name", "Hepatitis B vaccine", "approvalNumber", "国药准字S2026" + run.substring(0, 4),
                "productCode", Api.productCode(run), "packageLevels", List.of(Map.of("level", 1, "name", "支")))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        final HttpResponse<String> view = send(huaxia, get("api/v1/products/" + product));
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(view.body()).path("mah").asText()).isEqualTo(HUAXIA);

        final HttpResponse<String> regulatorOnly = send(huaxia, get("api/v1/regulator/events"));
        assertThat(regulatorOnly.statusCode()).as(regulatorOnly.body()).isEqualTo(403);
    }

    @Test
    void the_regulators_certificate_may_query_as_the_regulator() throws Exception {
        final HttpResponse<String> events = send(client(user("ShanghaiMpaMSP", "shanghai-mpa")),
                get("api/v1/regulator/events"));
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
    }

    @Test
    void basic_credentials_win_over_the_certificate_and_never_fall_back_to_it() throws Exception {
        final HttpClient huaxia = client(user(HUAXIA, "huaxia"));
        assertThat(send(huaxia, basic(get("api/v1/regulator/events"), "shanghai-mpa", "shanghai-mpa-demo"))
                .statusCode()).isEqualTo(200);
        final HttpResponse<String> wrong = send(huaxia, basic(get("api/v1/regulator/events"), "huaxia", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void a_certificate_of_the_right_ca_with_an_unknown_name_gets_401() throws Exception {
        final HttpResponse<String> response = send(client(cas.enroll(HUAXIA, "stranger", "manufacturer")),
                get("api/v1/regulator/events"));
        assertUnauthorized(response, "no such identity: no ledger identity named stranger in organisation " + HUAXIA);
    }

    @Test
    void a_manufacturer_ca_certificate_naming_the_regulator_gets_401() throws Exception {
        final HttpResponse<String> response = send(client(cas.enroll(HUAXIA, "shanghai-mpa", "regulator")),
                get("api/v1/regulator/events"));
        assertUnauthorized(response, "no such identity: no ledger identity named shanghai-mpa in organisation "
                + HUAXIA);
    }

    @Test
    void a_certificate_from_a_foreign_ca_with_the_same_name_is_refused_at_the_handshake() throws Exception {
        // same MSP id, hence the same CA subject DN as the real one, but another key: the chain does not verify
        final LocalCertificateAuthority foreign = LocalCertificateAuthority.open(data.resolve("foreign"),
                List.of(HUAXIA));
        final HttpClient impostor = client(foreign.enroll(HUAXIA, "huaxia", "manufacturer"));
        final Throwable failure = catchThrowable(() -> send(impostor, get("api/v1/regulator/events")));
        assertThat(failure).isInstanceOf(IOException.class);
        assertThat(failure).hasMessageContaining("certificate_unknown");
    }

    @Test
    void a_configured_partner_ca_maps_its_own_identity_and_refuses_one_naming_another_organisations_client()
            throws Exception {
        final LocalCertificateAuthority partner = LocalCertificateAuthority.open(data.resolve("partner"),
                List.of(MutualTlsTestResource.PARTNER));
        final HttpClient qa = client(partner.enroll(MutualTlsTestResource.PARTNER,
                MutualTlsTestResource.PARTNER_IDENTITY, "distributor"));
        // authenticated: an unknown product is a 404, not a 401
        final HttpResponse<String> known = send(qa, get("api/v1/products/88.118.8866/NO-SUCH-" + Api.digits(8)));
        assertThat(known.statusCode()).as(known.body()).isEqualTo(404);
        // the partner's CA naming Huaxia's client, and Huaxia's CA naming the partner's: neither is that identity
        assertUnauthorized(send(client(partner.enroll(MutualTlsTestResource.PARTNER, "huaxia", "manufacturer")),
                get("api/v1/regulator/events")), "no such identity: no ledger identity named huaxia in organisation "
                        + MutualTlsTestResource.PARTNER);
        assertUnauthorized(send(client(cas.enroll(HUAXIA, MutualTlsTestResource.PARTNER_IDENTITY, "distributor")),
                get("api/v1/regulator/events")), "no such identity: no ledger identity named "
                        + MutualTlsTestResource.PARTNER_IDENTITY + " in organisation " + HUAXIA);
    }

    @Test
    void no_certificate_and_no_credentials_gets_401() throws Exception {
        final HttpResponse<String> response = send(client(null), get("api/v1/regulator/events"));
        assertUnauthorized(response, "send HTTP Basic credentials of a configured client, or a client certificate"
                + " over HTTPS");
    }

    private static void assertUnauthorized(final HttpResponse<String> response, final String detail)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        final JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.path("detail").asText()).isEqualTo(detail);
    }

    private EnrolledIdentity user(final String mspId, final String name) {
        final Path directory = data.resolve("ledger").resolve("organizations").resolve(mspId).resolve("users")
                .resolve(name);
        return new EnrolledIdentity(mspId, name, "", directory.resolve("cert.pem"), directory.resolve("key.pem"));
    }

    private HttpRequest.Builder get(final String path) {
        return HttpRequest.newBuilder(URI.create(https + path)).GET();
    }

    private HttpRequest.Builder post(final String path, final Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(https + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private static HttpRequest.Builder basic(final HttpRequest.Builder request, final String id, final String secret) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(final HttpClient client, final HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client trusting the gateway's HTTPS CA and presenting the identity's certificate, or none for null. */
    private static HttpClient client(final EnrolledIdentity identity) throws Exception {
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (identity != null) {
            keys.setKeyEntry("client", Pem.readPrivateKey(identity.privateKeyPem()), PASSWORD,
                    new Certificate[] {Pem.readCertificate(identity.certificatePem())});
        }
        final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        final KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", Pem.readCertificate(data.resolve("https").resolve("ca-cert.pem")));
        final TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        final SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}
