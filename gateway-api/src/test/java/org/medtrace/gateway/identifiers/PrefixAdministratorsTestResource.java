// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.medtrace.gateway.identifiers.node.HandleAdmins;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The gateway serving two prefixes, one owned by each of two organisations: {@link #HUAXIA_PREFIX} administered by
 * Huaxia's client {@code huaxia}, {@link #COLDLINK_PREFIX} by ColdLink's client {@code coldlink} (not by its logger
 * identity {@code coldlink-logger}). Huaxia has a second client, {@link #CLERK}, a manufacturer identity that is no
 * administrator (secret {@code huaxia-clerk-demo}, like the demo clients').
 */
public class PrefixAdministratorsTestResource implements QuarkusTestResourceLifecycleManager {

    /** Huaxia's prefix. */
    public static final String HUAXIA_PREFIX = "88.118.8866";
    /** ColdLink's prefix. */
    public static final String COLDLINK_PREFIX = "88.118.7777";
    /** Huaxia's client that administers nothing. */
    public static final String CLERK = "huaxia-clerk";

    private final MedtraceTestResource gateway = new MedtraceTestResource();

    @Override
    public Map<String, String> start() {
        final Map<String, String> properties = new HashMap<>(gateway.start());
        final String node = "medtrace.identifiers.node.";
        properties.put(node + "prefixes", HUAXIA_PREFIX + "," + COLDLINK_PREFIX);
        properties.put(node + "organizations.HuaxiaVaccineMSP.prefixes", HUAXIA_PREFIX);
        properties.put(node + "organizations.HuaxiaVaccineMSP.administrators", "huaxia");
        properties.put(node + "organizations.ColdLinkMSP.prefixes", COLDLINK_PREFIX);
        properties.put(node + "organizations.ColdLinkMSP.administrators", "coldlink");
        properties.put("medtrace.ledger.identities." + CLERK + ".msp-id", "HuaxiaVaccineMSP");
        properties.put("medtrace.ledger.identities." + CLERK + ".role", "manufacturer");
        properties.put("medtrace.auth.clients." + CLERK + ".identity", CLERK);
        properties.put("medtrace.auth.clients." + CLERK + ".secret-sha256",
                HexFormat.of().formatHex(HandleAdmins.sha256(CLERK + "-demo")));
        return properties;
    }

    @Override
    public void stop() {
        gateway.stop();
    }
}
