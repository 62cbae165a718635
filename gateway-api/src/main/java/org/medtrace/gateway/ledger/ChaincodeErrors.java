// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * Turns the SDK's exceptions into ledger exceptions. The chaincode puts its stable code in brackets at the start of
 * its message; a peer forwards only the message, inside the gateway's error details
 * ({@code chaincode response 500, [CODE] text}), so the code is read from there.
 */
final class ChaincodeErrors {

    /**
     * The chaincode's code: at the start of the text, or where the peer quotes the chaincode's response. Not anywhere:
     * gRPC's own texts hold bracketed words too ({@code deadline exceeded ... [closed=[CANCELLED], ...]}).
     */
    private static final Pattern CODED = Pattern.compile(
            "(?:^|chaincode response \\d{3}, )\\[([A-Z][A-Z0-9_]{1,63})]\\s*(.*)", Pattern.DOTALL);

    /** How peers say that the chaincode could not be run to the end (see {@link #chaincodeStopped}). */
    private static final List<String> CHAINCODE_STOPPED = List.of("chaincode stream terminated",
            "could not connect to chaincode", "could not launch chaincode", "chaincode registration failed",
            "timeout expired while executing transaction", "peer is shutting down");

    private ChaincodeErrors() {
    }

    static LedgerException translate(final GatewayException e, final String transactionId) {
        for (final ErrorDetail detail : e.getDetails()) {
            final Optional<ChaincodeRefusedException> refused = refusal(detail.getMessage(), transactionId, e);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        final Optional<ChaincodeRefusedException> fromMessage = refusal(e.getMessage(), transactionId, e);
        if (fromMessage.isPresent()) {
            return fromMessage.get();
        }
        final Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.CANCELLED) {
            return new LedgerUnavailableException("ledger unavailable: " + code, transactionId, e);
        }
        if (code == Status.Code.ABORTED && chaincodeStopped(e)) {
            return new LedgerUnavailableException("the chaincode stopped before it answered; nothing was committed,"
                    + " the request may be retried" + details(e), transactionId, e);
        }
        return new LedgerException("ledger call failed: " + e.getMessage() + details(e), transactionId, e);
    }

    /**
     * True if the peer could not run the chaincode to the end: its process died during the call (the shim stream
     * ended), it is being relaunched and has not registered yet, or it did not answer in time. The endorsement failed
     * before anything was ordered, so nothing was committed. The texts are Fabric's peer's (core/chaincode) and the
     * dev peer's, which uses the same words.
     */
    private static boolean chaincodeStopped(final GatewayException e) {
        final StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        e.getDetails().forEach(detail -> text.append('\n').append(detail.getMessage()));
        final String all = text.toString().toLowerCase(java.util.Locale.ROOT);
        return CHAINCODE_STOPPED.stream().anyMatch(all::contains);
    }

    static Optional<ChaincodeRefusedException> refusal(final String message, final String transactionId,
            final Throwable cause) {
        if (message == null) {
            return Optional.empty();
        }
        final Matcher matcher = CODED.matcher(message);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new ChaincodeRefusedException(matcher.group(1), matcher.group(2).trim(), transactionId,
                cause));
    }

    private static String details(final GatewayException e) {
        final StringBuilder text = new StringBuilder();
        for (final ErrorDetail detail : e.getDetails()) {
            text.append("; ").append(detail.getMspId()).append(": ").append(detail.getMessage());
        }
        return text.toString();
    }
}
