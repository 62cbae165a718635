// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.ccaas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.testing.Members;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * Starts the packaged chaincode jar exactly as chaincode-as-a-service runs it ({@code java -jar ...-ccaas.jar} with
 * CHAINCODE_SERVER_ADDRESS and CORE_CHAINCODE_ID_NAME), dials it over gRPC as a peer would, and runs transactions
 * through the shim protocol: the contract metadata, a submit, and a refusal.
 */
class CcaasServerIT {
    private static final String PACKAGE_ID = "traceability_1.0:" + "ab".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process process;
    private static Path log;
    private static PeerSession peer;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of(System.getProperty("medtrace.ccaas.jar"));
        assertThat(jar).exists();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        log = Files.createTempFile(jar.getParent(), "ccaas-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", PACKAGE_ID);
        builder.environment().put("CORE_PEER_TLS_ENABLED", "false");
        builder.environment().put("CORE_CHAINCODE_LOGGING_LEVEL", "WARNING");
        builder.environment().put("MEDTRACE_CONSORTIUM_AUTHORITY", Members.AUTHORITY);
        process = builder.start();
        awaitListening(port);
        peer = new PeerSession(port);
        int n = 0;
        for (String msp : List.of(Members.AUTHORITY, "HuaxiaVaccineMSP")) {
            Role role = msp.equals(Members.AUTHORITY) ? Role.REGULATOR : Role.MANUFACTURER;
            PeerSession.Result registered = peer.invoke("tx-member-" + ++n, Parties.MPA.creator(), "member:register",
                    Members.request(msp, List.of(role)).put("clientEventId", "member-" + n).toString());
            assertThat(registered.response().getStatus()).as(registered.response().getMessage()).isEqualTo(200);
        }
    }

    private static void awaitListening(final int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chaincode exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("chaincode did not listen on " + port + ": " + Files.readString(log));
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void registers_with_its_package_id_and_reports_the_contracts() throws Exception {
        assertThat(ChaincodeID.parseFrom(peer.registration().getPayload()).getName()).isEqualTo(PACKAGE_ID);
        PeerSession.Result result = peer.invoke("tx-meta", Parties.MPA.creator(),
                "org.hyperledger.fabric:GetMetadata");
        assertThat(result.response().getStatus()).isEqualTo(200);
        JsonNode contracts = JSON.readTree(result.response().getPayload().toByteArray()).get("contracts");
        for (String name : List.of("product", "batch", "unit", "aggregation", "custody", "shipment",
                "transformation", "recall", "telemetry", "ledger", "member")) {
            assertThat(contracts.has(name)).as(name).isTrue();
        }
    }

    @Test
    void runs_a_submit_transaction_through_the_shim_protocol() throws Exception {
        String request = Story.vaccineProduct().put("clientEventId", "it-1").toString();
        PeerSession.Result result = peer.invoke("tx-register", Parties.HUAXIA.creator(), "product:register",
                request);
        assertThat(result.response().getStatus()).as(result.response().getMessage()).isEqualTo(200);
        JsonNode response = JSON.readTree(result.response().getPayload().toByteArray());
        assertThat(response.get("product").get("mah").asText()).isEqualTo("HuaxiaVaccineMSP");
        assertThat(response.get("txId").asText()).isEqualTo("tx-register");
        assertThat(result.event().getEventName()).isEqualTo("medtrace.events");
        assertThat(result.writtenKeys()).hasSize(3);
        PeerSession.Result read = peer.invoke("tx-read", Parties.MPA.creator(), "product:get",
                "{\"id\":\"" + Story.VACCINE + "\"}");
        assertThat(JSON.readTree(read.response().getPayload().toByteArray()).get("name").asText())
                .isEqualTo("乙型肝炎疫苗(酿酒酵母)");
    }

    @Test
    void a_refusal_reaches_the_peer_with_its_code_in_message_and_payload() throws Exception {
        PeerSession.Result result = peer.invoke("tx-refused", Parties.SHEN.creator(), "product:register",
                Story.vaccineProduct().put("clientEventId", "it-2").toString());
        assertThat(result.response().getStatus()).isEqualTo(500);
        assertThat(result.response().getMessage()).startsWith("[ACCESS_DENIED] ");
        assertThat(result.response().getPayload().toStringUtf8()).isEqualTo("ACCESS_DENIED");
        assertThat(result.writtenKeys()).isEmpty();
    }
}
