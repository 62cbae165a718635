// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.medtrace.devpeer.ledger.Simulation;

/** The peer side of the shim protocol over one {@code Chaincode.Connect} stream. */
final class CcaasRuntime implements ChaincodeRuntime {
    private static final Logger LOG = Logger.getLogger(CcaasRuntime.class.getName());
    /** The shim's default inbound limit is 100 MiB; requests and state values stay well below. */
    private static final int MESSAGE_BYTES_MAX = 100 * 1024 * 1024;
    static final String STREAM_TERMINATED = "chaincode stream terminated";

    private final String name;
    private final String expectedPackageId;
    private final Supplier<String> addressSupplier;
    private final ChaincodeProcess process;
    private final Duration startTimeout;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        final Thread thread = new Thread(runnable, "chaincode-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService reconnector = Executors.newSingleThreadExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "chaincode-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Invocation> invocations = new ConcurrentHashMap<>();
    private volatile Connection connection;
    private volatile boolean closed;

    CcaasRuntime(final String name, final String expectedPackageId, final Supplier<String> addressSupplier,
            final ChaincodeProcess process, final Duration startTimeout) {
        this.name = name;
        this.expectedPackageId = expectedPackageId;
        this.addressSupplier = addressSupplier;
        this.process = process;
        this.startTimeout = startTimeout;
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public ChaincodeRuntime anotherStream() {
        return new CcaasRuntime(name, expectedPackageId, addressSupplier, null, startTimeout);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws ChaincodeException {
        ready();
    }

    @Override
    public CompletableFuture<ChaincodeResult> execute(final String channelId, final String txId,
            final SignedProposal proposal, final ChaincodeInput input, final Simulation simulation,
            final Duration timeout) {
        final Connection current = connection;
        if (current != null && current.isReady()) {
            return executeOn(current, channelId, txId, proposal, input, simulation, timeout);
        }
        // Connecting (and relaunching the process) can take up to the start timeout: not on the caller's thread,
        // which may be a gRPC event loop.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ready();
            } catch (final ChaincodeException e) {
                throw new CompletionException(e);
            }
        }, reconnector).thenCompose(ready -> executeOn(ready, channelId, txId, proposal, input, simulation, timeout));
    }

    private CompletableFuture<ChaincodeResult> executeOn(final Connection current, final String channelId,
            final String txId, final SignedProposal proposal, final ChaincodeInput input, final Simulation simulation,
            final Duration timeout) {
        final String key = channelId + txId;
        final Invocation invocation = new Invocation(name, channelId, txId, simulation, current);
        if (invocations.putIfAbsent(key, invocation) != null) {
            return CompletableFuture.failedFuture(new ChaincodeException("txid: " + txId + "(" + channelId
                    + ") exists: a transaction with this id is already executing"));
        }
        final ScheduledFuture<?> timeoutTask = timer.schedule(() -> invocation.fail(
                new ChaincodeException("timeout expired while executing transaction")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        invocation.result().whenComplete((result, error) -> {
            invocations.remove(key, invocation);
            timeoutTask.cancel(false);
        });
        current.send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.TRANSACTION)
                .setTimestamp(now()).setPayload(input.toByteString()).setTxid(txId).setChannelId(channelId)
                .setProposal(proposal).build());
        return invocation.result();
    }

    /** The registered connection, connecting (and relaunching the process) if there is none. */
    private Connection ready() throws ChaincodeException {
        final Connection current = connection;
        if (current != null && current.isReady()) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new ChaincodeException("peer is shutting down");
            }
            if (connection != null && connection.isReady()) {
                return connection;
            }
            if (connection != null) {
                connection.shutdown();
            }
            connection = connectWithRetry();
            return connection;
        }
    }

    private Connection connectWithRetry() throws ChaincodeException {
        final long deadline = System.nanoTime() + startTimeout.toNanos();
        ChaincodeException last = null;
        while (System.nanoTime() < deadline) {
            final String address = addressSupplier.get();
            final Connection attempt = new Connection(address);
            try {
                attempt.register(Math.min(5_000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                LOG.info(() -> "chaincode " + name + " registered from " + address);
                return attempt;
            } catch (final ChaincodeException e) {
                attempt.shutdown();
                last = e;
                sleep(200);
            }
        }
        throw new ChaincodeException("could not connect to chaincode " + name + " within " + startTimeout, last);
    }

    private static void sleep(final long millis) throws ChaincodeException {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChaincodeException("interrupted while connecting to chaincode", e);
        }
    }

    static Timestamp now() {
        final Instant now = Instant.now();
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (connection != null) {
                connection.shutdown();
            }
        }
        invocations.values().forEach(invocation -> invocation.fail(new ChaincodeException("peer is shutting down")));
        timer.shutdownNow();
        reconnector.shutdownNow();
        if (process != null) {
            process.stop();
        }
    }

    /** One gRPC stream to the chaincode server. */
    final class Connection implements StreamObserver<ChaincodeMessage> {
        private final String address;
        private final ManagedChannel channel;
        private final CountDownLatch registered = new CountDownLatch(1);
        private StreamObserver<ChaincodeMessage> outbound;
        private volatile boolean ready;
        private volatile String failure;

        Connection(final String address) {
            this.address = address;
            // gRPC delivers one stream's messages one at a time anyway, and handling one (a read from a snapshot,
            // completing an endorsement) never blocks: the event loop does it, without a hand-off to a thread pool.
            this.channel = NettyChannelBuilder.forTarget(address).usePlaintext().directExecutor()
                    .maxInboundMessageSize(MESSAGE_BYTES_MAX).build();
        }

        void register(final long timeoutMillis) throws ChaincodeException {
            synchronized (this) {
                outbound = ChaincodeGrpc.newStub(channel).connect(this);
            }
            try {
                if (!registered.await(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS)) {
                    throw new ChaincodeException("chaincode at " + address + " did not register in time");
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChaincodeException("interrupted while registering chaincode", e);
            }
            if (failure != null) {
                throw new ChaincodeException("chaincode at " + address + ": " + failure);
            }
        }

        boolean isReady() {
            return ready;
        }

        synchronized void send(final ChaincodeMessage message) {
            if (outbound == null || failure != null) {
                return;
            }
            try {
                outbound.onNext(message);
            } catch (final RuntimeException e) {
                LOG.log(Level.WARNING, "sending to chaincode " + name + " failed", e);
            }
        }

        @Override
        public void onNext(final ChaincodeMessage message) {
            if (message.getType() == ChaincodeMessage.Type.REGISTER) {
                onRegister(message);
                return;
            }
            if (message.getType() == ChaincodeMessage.Type.KEEPALIVE) {
                return;
            }
            final Invocation invocation = invocations.get(message.getChannelId() + message.getTxid());
            if (invocation == null) {
                LOG.fine(() -> "message for unknown transaction " + message.getTxid() + ": " + message.getType());
                send(ShimRequests.error(message, "no transaction " + message.getTxid() + " is executing"));
                return;
            }
            switch (message.getType()) {
                case COMPLETED:
                    invocation.complete(message);
                    break;
                case ERROR:
                    invocation.completeWithError(message.getPayload().toString(StandardCharsets.UTF_8));
                    break;
                default:
                    send(ShimRequests.handle(invocation, message));
                    break;
            }
        }

        private void onRegister(final ChaincodeMessage message) {
            try {
                final String id = ChaincodeID.parseFrom(message.getPayload()).getName();
                if (expectedPackageId != null && !expectedPackageId.equals(id)) {
                    failure = "registered as " + id + ", expected " + expectedPackageId;
                    registered.countDown();
                    return;
                }
            } catch (final com.google.protobuf.InvalidProtocolBufferException e) {
                failure = "malformed REGISTER";
                registered.countDown();
                return;
            }
            send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED).build());
            send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY).build());
            ready = true;
            registered.countDown();
        }

        @Override
        public void onError(final Throwable error) {
            lost(error.getMessage());
        }

        @Override
        public void onCompleted() {
            lost("closed by the chaincode");
        }

        private void lost(final String why) {
            final boolean wasReady = ready;
            ready = false;
            if (failure == null) {
                failure = why;
            }
            registered.countDown();
            if (wasReady) {
                LOG.warning(() -> "chaincode " + name + " stream lost: " + why);
            }
            invocations.values().stream().filter(invocation -> invocation.connection() == this)
                    .forEach(invocation -> invocation.fail(new ChaincodeException(STREAM_TERMINATED)));
        }

        void shutdown() {
            synchronized (this) {
                if (outbound != null && ready) {
                    try {
                        outbound.onCompleted();
                    } catch (final RuntimeException e) {
                        LOG.log(Level.FINE, "closing chaincode stream", e);
                    }
                }
                ready = false;
            }
            channel.shutdownNow();
        }
    }

    /** One executing transaction: its simulation, open queries and result. */
    static final class Invocation {
        private final String chaincodeName;
        private final String channelId;
        private final String txId;
        private final Simulation simulation;
        private final Connection connection;
        private final CompletableFuture<ChaincodeResult> result = new CompletableFuture<>();
        private final QueryRegistry queries = new QueryRegistry();

        Invocation(final String chaincodeName, final String channelId, final String txId,
                final Simulation simulation, final Connection connection) {
            this.chaincodeName = chaincodeName;
            this.channelId = channelId;
            this.txId = txId;
            this.simulation = simulation;
            this.connection = connection;
        }

        String chaincodeName() {
            return chaincodeName;
        }

        String channelId() {
            return channelId;
        }

        String txId() {
            return txId;
        }

        Simulation simulation() {
            return simulation;
        }

        QueryRegistry queries() {
            return queries;
        }

        Connection connection() {
            return connection;
        }

        CompletableFuture<ChaincodeResult> result() {
            return result;
        }

        void complete(final ChaincodeMessage message) {
            try {
                final Response response = Response.parseFrom(message.getPayload());
                ChaincodeEvent event = null;
                if (message.hasChaincodeEvent() && !message.getChaincodeEvent().getEventName().isEmpty()) {
                    event = message.getChaincodeEvent().toBuilder().setChaincodeId(chaincodeName).setTxId(txId)
                            .build();
                }
                result.complete(new ChaincodeResult(response, event));
            } catch (final com.google.protobuf.InvalidProtocolBufferException e) {
                result.completeExceptionally(new ChaincodeException("malformed COMPLETED payload", e));
            }
        }

        void completeWithError(final String message) {
            result.complete(new ChaincodeResult(Response.newBuilder().setStatus(500).setMessage(message)
                    .setPayload(ByteString.EMPTY).build(), null));
        }

        void fail(final ChaincodeException error) {
            result.completeExceptionally(error);
        }
    }
}
