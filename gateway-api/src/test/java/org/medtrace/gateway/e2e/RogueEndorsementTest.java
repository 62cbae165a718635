// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.as;
import static org.medtrace.gateway.testing.Api.post;

import io.agroal.api.AgroalDataSource;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.Reader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.ledger.LedgerEndpoint;
import org.medtrace.gateway.ledger.LedgerIdentity;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * A member that goes around the REST gateway, straight to the ledger with its own credentials, and has the write
 * endorsed by its own peer alone (as a member running a modified chaincode would): the embedded default's
 * endorsement policy needs the regulator's peer too, so the transaction is committed invalid, and the read model,
 * projected from valid transactions only, never shows it.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class RogueEndorsementTest {

    private static final String PREFIX = "88.118.8866/";

    @Inject
    LedgerService ledger;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_write_endorsed_by_the_manufacturers_peer_alone_is_invalid_and_never_projected() throws Exception {
        final String run = Api.digits(8);
        final String product = PREFIX + "PRD-ROGUE-" + run;
        final Map<String, Object> body = Map.of("id", product, "kind", "vaccine", "name", "Hepatitis B vaccine",
                "approvalNumber", "国药准字S2026" + run.substring(0, 4), "productCode", Api.productCode(run),
                "packageLevels", List.of(Map.of("level", 1, "name", "支")));
        final String request = "{\"clientEventId\":\"rogue-" + run + "\",\"id\":\"" + product + "\","
                + "\"kind\":\"vaccine\",\"name\":\"Hepatitis B vaccine\",\"approvalNumber\":\"国药准字S2026"
                + run.substring(0, 4) + "\",\"productCode\":\"" + Api.productCode(run) + "\","
                + "\"packageLevels\":[{\"level\":1,\"name\":\"支\"}]}";

        final Status status;
        final String rogueTx;
        final ManagedChannel channel = channel(ledger.network().endpoint());
        try (Gateway gateway = connect(channel, identity("huaxia"))) {
            final SubmittedTransaction submitted = gateway.getNetwork("medtrace").getContract("traceability")
                    .newProposal("product:register").addArguments(request)
                    .setEndorsingOrganizations("HuaxiaVaccineMSP").build().endorse().submitAsync();
            status = submitted.getStatus();
            rogueTx = submitted.getTransactionId();
        } finally {
            channel.shutdownNow();
        }
        assertThat(status.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(status.isSuccessful()).isFalse();

        // A valid write after it, acknowledged once projected: the projection has passed the invalid one's block.
        final String other = PREFIX + "PRD-AFTER-" + run;
        final String otherRun = Api.digits(8);
        final long after = post("huaxia", "/api/v1/products", Map.of("id", other, "kind", "vaccine",
                "name", "Hepatitis B vaccine", "approvalNumber", "国药准字S2026" + otherRun.substring(0, 4),
                "productCode", Api.productCode(otherRun), "packageLevels", List.of(Map.of("level", 1, "name", "支"))))
                .statusCode(201).body("projected", equalTo(true)).extract().jsonPath().getLong("blockNumber");
        assertThat(after).isGreaterThan(status.getBlockNumber());
        final JsonPath projection = as("shanghai-mpa").when().get("/api/v1/projection").then().statusCode(200)
                .extract().jsonPath();
        assertThat(projection.getLong("blockNumber")).isGreaterThanOrEqualTo(after);

        as("huaxia").when().get("/api/v1/products/" + product).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM trace_event WHERE tx_id = ?", rogueTx)).isZero();
        assertThat(count("SELECT count(*) FROM trace_event_product WHERE product_id = ?", product)).isZero();
        assertThat(count("SELECT count(*) FROM product WHERE id = ?", product)).isZero();

        // The ledger holds nothing of it either: the same product registered properly is new, not PRODUCT_EXISTS.
        final String validTx = post("huaxia", "/api/v1/products", body).statusCode(201)
                .body("projected", equalTo(true)).extract().jsonPath().getString("txId");
        assertThat(validTx).isNotEqualTo(rogueTx);
        as("huaxia").when().get("/api/v1/products/" + product).then().statusCode(200)
                .body("mah", equalTo("HuaxiaVaccineMSP"));
    }

    private LedgerIdentity identity(final String name) {
        return ledger.network().identities().stream().filter(identity -> identity.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ledger identity " + name));
    }

    private static ManagedChannel channel(final LedgerEndpoint endpoint) throws java.io.IOException {
        return Grpc.newChannelBuilder(endpoint.target(), TlsChannelCredentials.newBuilder()
                .trustManager(endpoint.tlsRootCertificate().toFile()).build())
                .overrideAuthority(endpoint.tlsServerName()).build();
    }

    /** The fabric-gateway SDK as the identity, on the embedded dev peer: what a member's own client could do. */
    private static Gateway connect(final ManagedChannel channel, final LedgerIdentity identity) throws Exception {
        try (Reader certificate = Files.newBufferedReader(identity.certificate());
                Reader key = Files.newBufferedReader(identity.privateKey())) {
            return Gateway.newInstance()
                    .identity(new X509Identity(identity.mspId(), Identities.readX509Certificate(certificate)))
                    .signer(Signers.newPrivateKeySigner(Identities.readPrivateKey(key)))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .endorseOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                    .connect();
        }
    }

    private long count(final String sql, final String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
