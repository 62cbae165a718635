// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write and read load as clients that retry do it: writers commission one code at a time (each with its own
 * Idempotency-Key, sent again unchanged until the write is acknowledged), readers verify codes whose writes were
 * acknowledged. Every answer is judged as it comes: 2xx, 503 (with a code saying what is unavailable) and 409
 * {@code LEDGER_CONFLICT} are what a client may get during a fault; no answer at all only while the gateway's JVM is
 * down (and not for a request sent before a SIGTERM: those must be answered); anything else, a 500 first of all, is
 * a violation, and so is a genuine code verified as UNKNOWN.
 */
final class Load {

    /** Codes of the 20-digit NMPA form carry the product's 7-digit product code, then 13 digits. */
    private static final int SERIAL_DIGITS = 13;
    private static final long RETRY_PAUSE_MS = 200;
    private static final Set<String> RETRYABLE_503 = Set.of("DATABASE_UNAVAILABLE", "LEDGER_UNAVAILABLE",
            "NOT_YET_PROJECTED");

    /**
     * A period in which requests may go unanswered: the gateway's JVM was killed or told to stop.
     *
     * @param fromNanos when the signal was sent
     * @param terminated true for a SIGTERM: requests sent before it must still be answered
     */
    record Outage(long fromNanos, boolean terminated) {
    }

    private final Http http;
    private final String productCode;
    private final List<String> batches;
    private final long seed;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile Outage outage;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final List<String> acknowledgedOrder = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> attempted = new ConcurrentSkipListSet<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /**
     * @param http the client
     * @param productCode the product's 7-digit product code, which every code starts with
     * @param batches one batch per writer (writers to one batch would only conflict on its counters)
     * @param seed the suite's seed: every random choice of the load derives from it
     */
    Load(final Http http, final String productCode, final List<String> batches, final long seed) {
        this.http = http;
        this.productCode = productCode;
        this.batches = List.copyOf(batches);
        this.seed = seed;
    }

    void start(final int readers) {
        running = true;
        for (int i = 0; i < batches.size(); i++) {
            final String batch = batches.get(i);
            final Random random = new Random(seed * 31 + i);
            threads.add(started(new Thread(() -> write(batch, random), "writer-" + i)));
        }
        for (int i = 0; i < readers; i++) {
            final Random random = new Random(seed * 37 + i);
            threads.add(started(new Thread(() -> read(random), "reader-" + i)));
        }
    }

    private static Thread started(final Thread thread) {
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    void stop() throws InterruptedException {
        running = false;
        for (final Thread thread : threads) {
            thread.join(150_000);
        }
        threads.clear();
    }

    /** From now on, unanswered requests are part of an outage of the JVM. */
    void outage(final boolean terminated) {
        outage = new Outage(System.nanoTime(), terminated);
    }

    /** The gateway is back: unanswered requests are violations again. */
    void recovered() {
        outage = null;
    }

    String newCode(final Random random) {
        final StringBuilder code = new StringBuilder(productCode);
        for (int i = 0; i < SERIAL_DIGITS; i++) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    /**
     * Commissions one code, sending the same request again until it is acknowledged (or the load stops).
     *
     * @return the acknowledged write's answer, or null if the load stopped first
     */
    Http.Answer commission(final String batch, final String code) {
        attempted.add(code);
        final Map<String, Object> body = Map.of("batchId", batch, "packageLevel", 1, "codes", List.of(code));
        do {
            final Http.Answer answer = http.post("huaxia", "/api/v1/units/commission", body, "fi-" + code);
            judge("write", answer);
            if (answer.status() == 201) {
                acknowledged.put(code, answer.body().path("txId").asText());
                acknowledgedOrder.add(code);
                count(answer.body().path("projected").asBoolean() ? "write acknowledged" : "write acknowledged,"
                        + " projected:false");
                return answer;
            }
            if (answer.answered() && answer.status() != 503 && answer.status() != 409) {
                return null; // a violation, recorded; another code next
            }
            pause();
        } while (running);
        return null;
    }

    private void write(final String batch, final Random random) {
        while (running) {
            commission(batch, newCode(random));
        }
    }

    private void read(final Random random) {
        while (running) {
            final String code;
            synchronized (acknowledgedOrder) {
                code = acknowledgedOrder.isEmpty() ? null
                        : acknowledgedOrder.get(random.nextInt(acknowledgedOrder.size()));
            }
            if (code == null) {
                pause();
                continue;
            }
            final Http.Answer answer = http.get("renji", "/api/v1/verification?code=" + code);
            judge("read", answer);
            if (answer.status() == 200 && !"GENUINE".equals(answer.body().path("verdict").asText())) {
                violation("read", "genuine code " + code + " verified as " + answer.body().path("verdict").asText(),
                        answer);
            }
            if (answer.status() != 200) {
                pause();
            }
        }
    }

    /** Judges one answer; every answer is counted by its status and code. */
    void judge(final String kind, final Http.Answer answer) {
        final String outcome = answer.answered() ? answer.status() + (answer.status() < 400 ? ""
                : " " + answer.code()) : "no answer";
        count(kind + " " + outcome);
        final Outage current = outage;
        if (current != null && current.terminated() && answer.startNanos() < current.fromNanos()) {
            count("sent before SIGTERM, " + kind + " " + outcome);
        }
        if (!answer.answered()) {
            final boolean allowed = current != null && (!current.terminated()
                    || answer.startNanos() >= current.fromNanos()); // in flight at a SIGTERM: must be answered
            if (!allowed) {
                violation(kind, "no answer", answer);
            }
            return;
        }
        final int status = answer.status();
        final boolean fine = status < 300 || status == 503 && (RETRYABLE_503.contains(answer.code())
                || current != null && current.terminated() && "SHUTTING_DOWN".equals(answer.code()))
                || status == 409 && "LEDGER_CONFLICT".equals(answer.code());
        if (!fine) {
            violation(kind, "unexpected answer", answer);
        }
    }

    private void violation(final String kind, final String what, final Http.Answer answer) {
        violations.add(kind + ": " + what + ": " + answer);
    }

    private void count(final String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<String> attempted() {
        return Set.copyOf(attempted);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** @return how many answers of each kind came, e.g. "read 503 DATABASE_UNAVAILABLE" */
    Map<String, Long> counts() {
        final Map<String, Long> snapshot = new java.util.TreeMap<>();
        counts.forEach((what, n) -> snapshot.put(what, n.get()));
        return snapshot;
    }
}
