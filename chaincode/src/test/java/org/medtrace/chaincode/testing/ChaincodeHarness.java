// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.medtrace.chaincode.testing.TestIdentities.Identity;

/**
 * Runs the real chaincode (the shim's ContractRouter, which finds the contracts, routes {@code contract:function}
 * and serialises arguments and errors) against an {@link InMemoryLedger}. Submitted transactions commit only when
 * the chaincode succeeds; evaluated ones never commit. Each transaction gets a fresh tx id and a timestamp one
 * second after the previous one, unless the clock is moved.
 */
public final class ChaincodeHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContractRouter ROUTER = router();
    /** The shim logs every refused transaction at SEVERE (under this parent); tests refuse thousands on purpose. */
    private static final java.util.logging.Logger RESPONSE_LOG = quiet("org.hyperledger.fabric");

    private final InMemoryLedger ledger = new InMemoryLedger();
    /** The clock a test starts at: its first transaction gets one second later. */
    public static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    private Instant clock;
    private long sequence;
    private TransactionStub last;

    private static ContractRouter router() {
        try {
            ContractRouter router = new ContractRouter(new String[] {"--id", "traceability:test"});
            router.startRouterWithChaincodeServer(new ChaincodeServer() {
                @Override
                public void start() {
                }

                @Override
                public void stop() {
                }
            });
            return router;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the contract router", e);
        }
    }

    private static java.util.logging.Logger quiet(final String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    /** A harness whose clock starts at {@link #START}. */
    public ChaincodeHarness() {
        this(START);
    }

    /** A harness whose clock starts at {@code start}. */
    public ChaincodeHarness(final Instant start) {
        this.clock = start;
    }

    /** @return the ledger */
    public InMemoryLedger ledger() {
        return ledger;
    }

    /** @return the timestamp the next transaction gets */
    public Instant now() {
        return clock.plusSeconds(1);
    }

    /**
     * Sets the clock: the next transaction gets one second later. The clock only moves forward.
     *
     * @throws IllegalArgumentException if {@code instant} lies before the clock
     */
    public void clockAt(final Instant instant) {
        if (instant.isBefore(clock)) {
            throw new IllegalArgumentException("the clock moves only forward: " + instant + " is before " + clock);
        }
        clock = instant;
    }

    /** Moves the clock forward. */
    public void advance(final Duration duration) {
        clock = clock.plus(duration);
    }

    /** @return the stub of the last transaction run (to inspect its write set) */
    public TransactionStub lastStub() {
        return last;
    }

    /** Submits: runs the transaction and commits its writes if it succeeded. */
    public Outcome submit(final Identity who, final String function, final String request) {
        return submit(who, function, request, Map.of());
    }

    /** Submits with transient data. */
    public Outcome submit(final Identity who, final String function, final String request,
            final Map<String, byte[]> transientData) {
        Outcome outcome = run(who, transientData, function, request);
        if (outcome.ok() && !ledger.commit(last)) {
            throw new IllegalStateException("MVCC conflict in a sequential test");
        }
        return outcome;
    }

    /** Evaluates: runs the transaction and discards its writes. */
    public Outcome evaluate(final Identity who, final String function, final String request) {
        return run(who, Map.of(), function, request);
    }

    /** Runs the transaction with raw arguments (function first) and commits nothing. */
    public Outcome raw(final Identity who, final String... arguments) {
        List<byte[]> args = new ArrayList<>();
        for (String argument : arguments) {
            args.add(argument.getBytes(StandardCharsets.UTF_8));
        }
        return invoke(who, Map.of(), args);
    }

    private Outcome run(final Identity who, final Map<String, byte[]> transientData, final String function,
            final String request) {
        return invoke(who, transientData, List.of(function.getBytes(StandardCharsets.UTF_8),
                request.getBytes(StandardCharsets.UTF_8)));
    }

    private Outcome invoke(final Identity who, final Map<String, byte[]> transientData, final List<byte[]> args) {
        clock = clock.plusSeconds(1);
        sequence++;
        last = new TransactionStub(ledger, txId(sequence), clock, who.creator(), transientData, args);
        Chaincode.Response response = ROUTER.invoke(last);
        return new Outcome(response.getStatusCode(), response.getMessage(), response.getPayload(), last.getTxId(),
                last.getEvent());
    }

    private static String txId(final long n) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("tx-" + n).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a transaction answered.
     *
     * @param status 200 or 500
     * @param message the error message
     * @param payload the response payload (the JSON on success, the error code on refusal)
     * @param txId the transaction id
     * @param event the chaincode event it set, if any
     */
    public record Outcome(int status, String message, byte[] payload, String txId, ChaincodeEvent event) {
        /** @return whether the chaincode succeeded */
        public boolean ok() {
            return status == 200;
        }

        /** @return the payload as text */
        public String text() {
            return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        }

        /** @return the response JSON; fails if the transaction was refused */
        public JsonNode json() {
            if (!ok()) {
                throw new AssertionError("transaction was refused: " + message);
            }
            try {
                return JSON.readTree(payload);
            } catch (Exception e) {
                throw new AssertionError("response is not JSON: " + text(), e);
            }
        }

        @Override
        public String toString() {
            return ok() ? "200 " + text() : status + " " + message;
        }
    }
}
