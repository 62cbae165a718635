// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.medtrace.devpeer.identity.LocalCertificateAuthority;
import org.medtrace.devpeer.identity.SigningIdentity;
import org.medtrace.devpeer.identity.TlsMaterial;

/**
 * A Gateway service that does no work: it endorses every proposal with a canned chaincode result of a given size,
 * accepts every submit and reports every transaction VALID at once. No chaincode, ledger or signature check runs, so
 * the CPU that fabric-gateway clients spend against it is their own floor per transaction (building and signing the
 * proposal, the envelope and the commit-status request, protobuf, gRPC and TLS), which no peer can lower.
 *
 * <p>It answers with envelopes assembled by the dev peer's own code ({@link GatewayService#prepare}), so the clients
 * parse and sign what they would against the peer. Run as a process of its own by {@code DevPeerBenchmark}
 * ({@code -Dbench.peer=stub}); arguments: data directory, port file, {@code true|false} for TLS, and the sizes in
 * bytes of the read-write set, the chaincode event payload and the response payload.
 */
public final class ClientFloorGateway {
    private ClientFloorGateway() {
    }

    /** Starts the stub and serves until the process is stopped. */
    public static void main(final String[] args) throws Exception {
        final Path dir = Path.of(args[0]);
        final boolean tls = Boolean.parseBoolean(args[2]);
        final LocalCertificateAuthority ca = LocalCertificateAuthority.open(dir.resolve("organizations"),
                List.of("HuaxiaVaccineMSP", "ShenDistMSP", "ShanghaiMpaMSP"));
        ca.enroll("HuaxiaVaccineMSP", "bench", "manufacturer");
        final SigningIdentity peer = ca.peerIdentity("HuaxiaVaccineMSP");
        final TlsMaterial material = TlsMaterial.prepare(dir.resolve("tls"), "peer0.devpeer.medtrace", "127.0.0.1");
        final ServerCredentials credentials = tls
                ? TlsServerCredentials.create(material.serverCertificate().toFile(), material.serverKey().toFile())
                : InsecureServerCredentials.create();
        final Service service = new Service(peer.serialized(), filler(Integer.parseInt(args[3])),
                filler(Integer.parseInt(args[4])), filler(Integer.parseInt(args[5])));
        final Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
                .addService(service).directExecutor().build().start();
        final Path portFile = Path.of(args[1]);
        final Path temporary = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(temporary, Integer.toString(server.getPort()), StandardCharsets.US_ASCII);
        Files.move(temporary, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        server.awaitTermination();
    }

    private static ByteString filler(final int bytes) {
        final byte[] value = new byte[bytes];
        Arrays.fill(value, (byte) 'x');
        return ByteString.copyFrom(value);
    }

    /** The canned answers. */
    private static final class Service extends GatewayGrpc.GatewayImplBase {
        /** The size of a DER ECDSA P-256 signature. */
        private static final ByteString SIGNATURE = filler(71);
        private final ByteString endorser;
        private final ByteString results;
        private final ByteString event;
        private final ByteString payload;
        private final AtomicLong committed = new AtomicLong();

        Service(final ByteString endorser, final ByteString results, final ByteString event, final ByteString payload) {
            this.endorser = endorser;
            this.results = results;
            this.event = event;
            this.payload = payload;
        }

        @Override
        public void endorse(final EndorseRequest request, final StreamObserver<EndorseResponse> observer) {
            final UnpackedProposal proposal = UnpackedProposal.of(request.getProposedTransaction());
            observer.onNext(EndorseResponse.newBuilder()
                    .setPreparedTransaction(GatewayService.prepare(proposal, outcome(proposal))).build());
            observer.onCompleted();
        }

        @Override
        public void evaluate(final EvaluateRequest request, final StreamObserver<EvaluateResponse> observer) {
            observer.onNext(EvaluateResponse.newBuilder().setResult(response()).build());
            observer.onCompleted();
        }

        @Override
        public void submit(final SubmitRequest request, final StreamObserver<SubmitResponse> observer) {
            observer.onNext(SubmitResponse.getDefaultInstance());
            observer.onCompleted();
        }

        @Override
        public void commitStatus(final SignedCommitStatusRequest request,
                final StreamObserver<CommitStatusResponse> observer) {
            observer.onNext(CommitStatusResponse.newBuilder().setResult(TxValidationCode.VALID)
                    .setBlockNumber(committed.incrementAndGet()).build());
            observer.onCompleted();
        }

        private Response response() {
            return Response.newBuilder().setStatus(200).setPayload(payload).build();
        }

        private ProposalOutcome outcome(final UnpackedProposal proposal) {
            final ChaincodeAction action = ChaincodeAction.newBuilder().setResults(results).setResponse(response())
                    .setChaincodeId(ChaincodeID.newBuilder().setName(proposal.chaincodeName()).setVersion("1.0"))
                    .setEvents(ChaincodeEvent.newBuilder().setChaincodeId(proposal.chaincodeName())
                            .setTxId(proposal.txId()).setEventName("medtrace.events").setPayload(event).build()
                            .toByteString()).build();
            final ByteString responsePayload = ProposalResponsePayload.newBuilder()
                    .setProposalHash(ByteString.copyFrom(proposal.proposalHash()))
                    .setExtension(action.toByteString()).build().toByteString();
            return ProposalOutcome.endorsed(ProposalResponse.newBuilder().setVersion(1).setResponse(response())
                    .setPayload(responsePayload).setEndorsement(Endorsement.newBuilder().setEndorser(endorser)
                            .setSignature(SIGNATURE)).build(), response());
        }
    }
}
