// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a dev peer standalone until it is stopped (SIGTERM or Ctrl-C).
 *
 * <pre>
 * java -cp devpeer.jar:... org.medtrace.devpeer.DevPeerMain --data-dir data/ledger \
 *     --orgs HuaxiaVaccineMSP,ShenDistMSP --chaincode-jar traceability=traceability-chaincode-ccaas.jar \
 *     --port 7051 --enroll HuaxiaVaccineMSP:alice:manufacturer
 * </pre>
 *
 * Every option can also come from a properties file ({@code --config file}, keys without the dashes); flags win.
 * Options: data-dir (required), orgs (required, comma-separated), host, port, channel, peer-org, chaincode-jar
 * (name=path, repeatable or comma-separated), chaincode-address (name=host:port), chaincode-env (NAME=value,
 * repeatable or comma-separated: the launched chaincodes' environment, e.g. MEDTRACE_CONSORTIUM_AUTHORITY),
 * block-size-max,
 * block-size-bytes-max, batch-timeout-ms, execute-timeout-ms, chaincode-start-timeout-ms, tls-server-name, queue-max,
 * tls (true, or false: plaintext gRPC, for a loopback host only), enroll (msp:name:role, repeatable), port-file (written with the bound port once the peer listens).
 */
public final class DevPeerMain {
    private DevPeerMain() {
    }

    /**
     * Starts the peer and waits.
     *
     * @param args options as described on the class
     */
    public static void main(final String[] args) throws Exception {
        final Map<String, List<String>> options;
        try {
            options = parse(args);
        } catch (final IllegalArgumentException e) {
            System.err.println("devpeer: " + e.getMessage());
            System.exit(2);
            return;
        }
        final DevPeer peer = configure(options).build();
        peer.start();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            peer.close();
            stopped.countDown();
        }, "devpeer-shutdown"));
        for (final String enrollment : options.getOrDefault("enroll", List.of())) {
            final String[] parts = enrollment.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--enroll takes msp:name:role, got " + enrollment);
            }
            final EnrolledIdentity identity = peer.certificateAuthority().enroll(parts[0], parts[1], parts[2]);
            System.out.println("identity " + identity + ": " + identity.certificatePem() + " " + identity.privateKeyPem());
        }
        final int port = peer.endpoint().getPort();
        if (options.containsKey("port-file")) {
            final Path file = Path.of(single(options, "port-file"));
            final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Integer.toString(port), StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("devpeer listening on " + peer.endpoint().getHostString() + ":" + port + (peer.tls()
                ? " (TLS, server name " + peer.tlsServerName() + ", root " + peer.tlsRootCertificate() + ")"
                : " (plaintext)") + ", channel " + peer.channel());
        stopped.await();
    }

    static DevPeer.Builder configure(final Map<String, List<String>> options) {
        final DevPeer.Builder builder = DevPeer.builder()
                .dataDirectory(Path.of(single(options, "data-dir")))
                .organizations(commaSeparated(options.get("orgs")));
        optional(options, "host", builder::host);
        optional(options, "port", value -> builder.port(Integer.parseInt(value)));
        optional(options, "channel", builder::channel);
        optional(options, "peer-org", builder::peerOrganization);
        optional(options, "block-size-max", value -> builder.blockSizeMax(Integer.parseInt(value)));
        optional(options, "block-size-bytes-max", value -> builder.blockSizeBytesMax(Long.parseLong(value)));
        optional(options, "batch-timeout-ms", value -> builder.batchTimeoutMs(Long.parseLong(value)));
        optional(options, "execute-timeout-ms", value -> builder.executeTimeoutMs(Long.parseLong(value)));
        optional(options, "chaincode-start-timeout-ms", value -> builder.chaincodeStartTimeoutMs(Long.parseLong(value)));
        optional(options, "tls-server-name", builder::tlsServerName);
        optional(options, "queue-max", value -> builder.queueMax(Integer.parseInt(value)));
        optional(options, "tls", value -> {
            if ("false".equals(value)) {
                builder.plaintextOnLoopback();
            } else if (!"true".equals(value)) {
                throw new IllegalArgumentException("--tls takes true or false, got " + value);
            }
        });
        for (final String[] pair : pairs(options.get("chaincode-jar"))) {
            builder.chaincodeJar(pair[0], Path.of(pair[1]));
        }
        for (final String[] pair : pairs(options.get("chaincode-address"))) {
            builder.chaincodeAddress(pair[0], pair[1]);
        }
        final Map<String, String> environment = new LinkedHashMap<>();
        for (final String[] pair : pairs(options.get("chaincode-env"))) {
            environment.put(pair[0], pair[1]);
        }
        builder.chaincodeEnvironment(environment);
        return builder;
    }

    /** Flags ({@code --name value}) over the properties of {@code --config}. */
    static Map<String, List<String>> parse(final String[] args) throws IOException {
        final Map<String, List<String>> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            flags.computeIfAbsent(args[i].substring(2), key -> new ArrayList<>()).add(args[i + 1]);
        }
        final Map<String, List<String>> options = new LinkedHashMap<>();
        if (flags.containsKey("config")) {
            final Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(flags.get("config").get(0)))) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(key -> options.put(key, List.of(properties.getProperty(key))));
        }
        options.putAll(flags);
        for (final String required : List.of("data-dir", "orgs")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return options;
    }

    private static String single(final Map<String, List<String>> options, final String name) {
        final List<String> values = options.get(name);
        return values.get(values.size() - 1);
    }

    private static void optional(final Map<String, List<String>> options, final String name,
            final java.util.function.Consumer<String> setter) {
        if (options.containsKey(name)) {
            setter.accept(single(options, name));
        }
    }

    private static List<String> commaSeparated(final List<String> values) {
        final List<String> result = new ArrayList<>();
        for (final String value : values == null ? List.<String>of() : values) {
            for (final String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    private static List<String[]> pairs(final List<String> values) {
        final List<String[]> result = new ArrayList<>();
        for (final String value : commaSeparated(values)) {
            final int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected name=value, got " + value);
            }
            result.add(new String[] {value.substring(0, equals), value.substring(equals + 1)});
        }
        return result;
    }
}
