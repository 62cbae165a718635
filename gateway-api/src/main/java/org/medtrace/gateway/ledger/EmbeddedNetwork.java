// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.medtrace.devpeer.DevPeer;
import org.medtrace.devpeer.EnrolledIdentity;
import org.medtrace.gateway.app.MedtraceConfig;

/**
 * embedded mode: the dev peer in this JVM on loopback, running the real chaincode jar as a child process, its
 * ledger and CA material under {@code <data-directory>/ledger}. Identities are enrolled from its CAs: the demo
 * organisations' (unless switched off) and every configured identity without certificate and key.
 */
final class EmbeddedNetwork implements LedgerNetwork {

    private static final Logger LOG = Logger.getLogger(EmbeddedNetwork.class.getName());
    private static final String CHAINCODE_FILE = "traceability-chaincode.jar";
    /** The chaincode's environment variable naming the consortium authority (docs/chaincode-api.md). */
    private static final String CONSORTIUM_AUTHORITY_VARIABLE = "MEDTRACE_CONSORTIUM_AUTHORITY";

    private final DevPeer peer;
    private final List<LedgerIdentity> identities;

    private EmbeddedNetwork(final DevPeer peer, final List<LedgerIdentity> identities) {
        this.peer = peer;
        this.identities = List.copyOf(identities);
    }

    static LedgerNetwork start(final MedtraceConfig config) {
        final MedtraceConfig.Ledger ledger = config.ledger();
        final Map<String, MedtraceConfig.Identity> wanted = new LinkedHashMap<>();
        final Map<String, String[]> demo = new LinkedHashMap<>();
        if (ledger.embedded().demoOrganizations()) {
            for (final DemoOrganizations.Member member : DemoOrganizations.MEMBERS) {
                demo.put(member.clientId(), new String[] {member.mspId(), member.role()});
            }
        }
        wanted.putAll(ledger.identities());
        final List<String> organizations = new ArrayList<>(DemoOrganizations.mspIds());
        wanted.values().stream().map(MedtraceConfig.Identity::mspId).filter(m -> !organizations.contains(m))
                .forEach(organizations::add);
        final Path chaincodeJar = ledger.embedded().chaincodeJar().orElseGet(EmbeddedNetwork::bundledChaincode);
        if (!Files.isRegularFile(chaincodeJar)) {
            throw new IllegalStateException("chaincode jar " + chaincodeJar + " not found; build it with the README's"
                    + " command or set medtrace.ledger.embedded.chaincode-jar");
        }
        final DevPeer.Builder builder = DevPeer.builder()
                .dataDirectory(config.dataDirectory().resolve("ledger").toAbsolutePath())
                .host("127.0.0.1").port(0)
                .channel(ledger.channel())
                .organizations(organizations)
                .chaincodeJar(ledger.chaincode(), chaincodeJar.toAbsolutePath())
                .chaincodeEnvironment(Map.of(CONSORTIUM_AUTHORITY_VARIABLE,
                        ledger.embedded().consortiumAuthority()))
                .batchTimeoutMs(ledger.embedded().batchTimeoutMs());
        // One endorsing peer per organisation, and the policy network/fabric deploys unless configured otherwise.
        final String policy = ledger.embedded().endorsementPolicy().orElseGet(DemoOrganizations::endorsementPolicy);
        if (!policy.equalsIgnoreCase("none")) {
            builder.endorsementPolicy(policy);
        }
        final DevPeer peer = builder.build();
        peer.start();
        try {
            final List<LedgerIdentity> identities = new ArrayList<>();
            demo.forEach((name, org) -> identities.add(enroll(peer, name, org[0], org[1])));
            wanted.forEach((name, identity) -> identities.add(identity.certificate().isPresent()
                    ? new LedgerIdentity(name, identity.mspId(), identity.role(), identity.certificate().get(),
                            identity.privateKey().orElseThrow(() -> new IllegalStateException(
                                    "medtrace.ledger.identities." + name + ".private-key missing")))
                    : enroll(peer, name, identity.mspId(), identity.role())));
            LOG.info(() -> "dev peer on " + peer.endpoint() + ", chaincode " + chaincodeJar);
            return new EmbeddedNetwork(peer, identities);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    private static LedgerIdentity enroll(final DevPeer peer, final String name, final String mspId,
            final String role) {
        final EnrolledIdentity enrolled = peer.certificateAuthority().enroll(mspId, name, role);
        return new LedgerIdentity(name, mspId, role, enrolled.certificatePem(), enrolled.privateKeyPem());
    }

    /** The chaincode jar the build puts beside the application: quarkus-app/chaincode/ or target/chaincode/. */
    private static Path bundledChaincode() {
        try {
            final Path code = Path.of(EmbeddedNetwork.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                final Path candidate = dir.resolve("chaincode").resolve(CHAINCODE_FILE);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
                if (dir.getFileName() != null && dir.getFileName().toString().equals("target")) {
                    break;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            LOG.fine(() -> "cannot locate the application: " + e);
        }
        return Path.of("gateway-api", "target", "chaincode", CHAINCODE_FILE);
    }

    @Override
    public LedgerEndpoint endpoint() {
        return new LedgerEndpoint(peer.endpoint().getHostString() + ":" + peer.endpoint().getPort(),
                peer.tlsRootCertificate(), peer.tlsServerName());
    }

    @Override
    public List<LedgerIdentity> identities() {
        return identities;
    }

    @Override
    public Map<String, Path> organizationCaCertificates() {
        final Map<String, Path> cas = new LinkedHashMap<>();
        peer.certificateAuthority().organizations()
                .forEach(msp -> cas.put(msp, peer.certificateAuthority().caCertificate(msp)));
        return cas;
    }

    @Override
    public OptionalLong blockHeight() {
        return OptionalLong.of(peer.blockHeight());
    }

    @Override
    public void close() {
        peer.close();
    }
}
