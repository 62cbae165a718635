// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.members;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The gateway's test environment plus two clients whose certificates their own organisation's CA issued with role
 * {@code regulator}, though the consortium granted their organisations no such role: {@link #SHENDIST_REGULATOR}
 * (ShenDistMSP) and {@link #COLDLINK_INSPECTOR} (ColdLinkMSP). Their secrets are {@code <client id>-demo}, like the
 * demo clients'.
 */
public class MembersTestResource implements QuarkusTestResourceLifecycleManager {

    /** A distributor's client claiming the regulator role. */
    public static final String SHENDIST_REGULATOR = "shendist-regulator";
    /** A carrier's client claiming the regulator role. */
    public static final String COLDLINK_INSPECTOR = "coldlink-inspector";

    private final MedtraceTestResource gateway = new MedtraceTestResource();

    @Override
    public Map<String, String> start() {
        final Map<String, String> properties = new HashMap<>(gateway.start());
        client(properties, SHENDIST_REGULATOR, "ShenDistMSP");
        client(properties, COLDLINK_INSPECTOR, "ColdLinkMSP");
        return properties;
    }

    private static void client(final Map<String, String> properties, final String id, final String msp) {
        properties.put("medtrace.ledger.identities." + id + ".msp-id", msp);
        properties.put("medtrace.ledger.identities." + id + ".role", "regulator");
        properties.put("medtrace.auth.clients." + id + ".identity", id);
        try {
            properties.put("medtrace.auth.clients." + id + ".secret-sha256", HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest((id + "-demo").getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        gateway.stop();
    }
}
