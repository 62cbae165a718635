// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.medtrace.gateway.identifiers.node.HandleAdmins;

/**
 * The second node of the two-node tests: a top-level node (the node code outside Quarkus, {@link LoopbackNode}) on
 * loopback, which the gateway under test resolves through; and the gateway's own node settings: it serves
 * {@code 88.118.8866}, administered by {@code 300:0.NA/88.118.8866} (secret {@link #NODE_SECRET}) and by the
 * gateway client huaxia of HuaxiaVaccineMSP. Short resolver timeouts and a two-second negative TTL keep the tests fast.
 */
public class TwoNodesTestResource implements QuarkusTestResourceLifecycleManager {

    /** The prefix the gateway's node serves. */
    public static final String PREFIX = "88.118.8866";
    /** The prefix the top-level node serves itself. */
    public static final String TOP_PREFIX = "88.100";
    /** The Handle-style administrator of the gateway's prefix. */
    public static final String NODE_ADMIN = "300:0.NA/88.118.8866";
    /** Its secret. */
    public static final String NODE_SECRET = "node-admin-secret";

    private LoopbackNode top;

    @Override
    public Map<String, String> start() {
        try {
            top = new LoopbackNode(Set.of(TOP_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "medtrace.identifiers.resolution.top-level-node", top.uri().toString(),
                "medtrace.identifiers.resolution.request-timeout-ms", "1000",
                "medtrace.identifiers.resolution.timeout-ms", "3000",
                "medtrace.identifiers.resolution.negative-ttl-s", "2",
                "medtrace.identifiers.node.prefixes", PREFIX,
                "medtrace.identifiers.node.admins.test.handle", NODE_ADMIN,
                "medtrace.identifiers.node.admins.test.secret-sha256",
                HexFormat.of().formatHex(HandleAdmins.sha256(NODE_SECRET)),
                "medtrace.identifiers.node.organizations.HuaxiaVaccineMSP.prefixes", PREFIX,
                "medtrace.identifiers.node.organizations.HuaxiaVaccineMSP.administrators", "huaxia",
                "medtrace.identifiers.registration.poll-interval-ms", "1000");
    }

    @Override
    public void stop() {
        if (top != null) {
            top.close();
        }
    }
}
