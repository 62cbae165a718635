// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the suites check after a fault: the gateway recovered by itself, and nothing was lost or half-visible.
 * Problems are collected (and asserted empty by the suite at its end) so that one run reports all it found.
 */
final class Checks {

    private static final int RETRIES_MAX = 50;
    private static final long RETRY_PAUSE_MS = 200;

    private final Http http;
    private final Load load;
    private final String probeBatch;
    private final Random random;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> checked = new HashSet<>();

    Checks(final Http http, final Load load, final String probeBatch, final Random random) {
        this.http = http;
        this.load = load;
        this.probeBatch = probeBatch;
        this.random = random;
    }

    void problem(final String what) {
        problems.add(what);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Recovered: ready (the projection has caught up with the ledger), a new write is acknowledged with
     * {@code projected: true}, and its code verifies as GENUINE.
     *
     * @param fromNanos when the fault was injected (or ended, for a pause)
     * @param bound how long it may take
     * @param where what to look at if it does not recover (the gateway's log)
     * @return how long it took
     */
    Duration awaitRecovery(final long fromNanos, final Duration bound, final Object where)
            throws InterruptedException {
        final long deadline = fromNanos + bound.toNanos();
        final Random probes = new Random(random.nextLong());
        while (System.nanoTime() < deadline) {
            if (http.status("/q/health/ready") == 200) {
                final String code = load.newCode(probes);
                final Http.Answer write = http.post("huaxia", "/api/v1/units/commission", Map.of("batchId",
                        probeBatch, "packageLevel", 1, "codes", List.of(code)), "fi-probe-" + code);
                load.judge("probe write", write);
                if (write.status() == 201 && write.body().path("projected").asBoolean()) {
                    final Http.Answer read = http.get("renji", "/api/v1/verification?code=" + code);
                    load.judge("probe read", read);
                    if (read.status() == 200 && "GENUINE".equals(read.body().path("verdict").asText())) {
                        return Duration.ofNanos(System.nanoTime() - fromNanos);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not recovered within " + bound + "; see " + where);
    }

    /** Every write acknowledged since the last call is in the read model and on the ledger, with one txId. */
    void acknowledgedWrites() {
        final Map<String, String> acknowledged = load.acknowledged();
        final List<String> fresh = acknowledged.keySet().stream().filter(code -> !checked.contains(code)).toList();
        agree(fresh, acknowledged);
        checked.addAll(fresh);
    }

    /**
     * The read model and the ledger agree on each code: both have it (committed by the same transaction, the
     * acknowledged one if there was an acknowledgement) or neither has it. Call it after a recovery: its probe
     * write, projected, means every earlier transaction is projected too.
     */
    void agree(final Collection<String> codes, final Map<String, String> acknowledged) {
        for (final String code : codes) {
            final Http.Answer unit = answered(() -> http.get("shanghai-mpa", "/api/v1/units?code=" + code));
            final Http.Answer history = answered(() -> http.get("shanghai-mpa", "/api/v1/ledger/history?type=unit&id="
                    + Http.query(Products.PREFIX + code)));
            final boolean inReadModel = unit.status() == 200;
            final JsonNode versions = history.body().path("history");
            final boolean onLedger = versions.size() > 0;
            final String ack = acknowledged.get(code);
            if (ack != null && !inReadModel) {
                problems.add("acknowledged write of " + code + " (tx " + ack + ") is not visible: " + unit);
            }
            if (inReadModel != onLedger) {
                problems.add("half-visible: " + code + " read model " + unit.status() + ", ledger " + history);
            } else if (inReadModel) {
                final String projected = unit.body().path("commissionProof").path("txId").asText();
                final String ledgerTx = versions.get(0).path("txId").asText();
                if (!projected.equals(ledgerTx) || ack != null && !ack.equals(ledgerTx)) {
                    problems.add("transactions differ for " + code + ": acknowledged " + ack + ", read model "
                            + projected + ", ledger " + ledgerTx);
                }
            }
        }
    }

    /** No UNKNOWN_CODE alert names a code the load attempted: every one of them was genuine. */
    void noFalseAlerts() {
        final Http.Answer alerts = answered(() -> http.get("shanghai-mpa",
                "/api/v1/regulator/alerts?kind=UNKNOWN_CODE&pageSize=1000"));
        final Set<String> attempted = load.attempted();
        for (final JsonNode alert : alerts.body().path("items")) {
            if (attempted.contains(alert.path("code").asText().replace(Products.PREFIX, ""))) {
                problems.add("false UNKNOWN_CODE alert: " + alert);
            }
        }
    }

    /** A check's own request, sent again while the answer is a retryable 503 or none. */
    private Http.Answer answered(final Supplier<Http.Answer> request) {
        Http.Answer answer = request.get();
        for (int i = 0; i < RETRIES_MAX && (answer.status() == 503 || !answer.answered()); i++) {
            try {
                Thread.sleep(RETRY_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = request.get();
        }
        if (answer.status() != 200 && answer.status() != 404) {
            problems.add("a check was answered " + answer);
        }
        return answer;
    }
}
