// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** config/organizations.tsv and config/nodes.tsv, the tables every other file must agree with. */
record NetworkTables(List<Organization> organizations, List<Node> nodes) {

    static final String NOT_APPLICABLE = "-";

    /** One organisation: its MSP, domain, kind (peer or orderer), role attribute values and fabric-ca ports. */
    record Organization(String key, String mspId, String domain, String kind, List<String> roles, int caPort,
            int caOperationsPort) {

        boolean isPeerOrganization() {
            return kind.equals("peer");
        }
    }

    /** One node; the peer-only ports are empty for orderers, the admin port for peers. */
    record Node(String name, Organization organization, String host, int port, Optional<Integer> adminPort,
            int operationsPort, Optional<Integer> peerChaincodePort, Optional<Integer> chaincodeServerPort,
            Optional<Integer> gatewayHttpPort) {

        String fqdn() {
            return name + "." + organization.domain();
        }

        String address() {
            return host + ":" + port;
        }
    }

    static NetworkTables load() {
        List<Organization> organizations = rows(NetworkFiles.CONFIG.resolve("organizations.tsv"), 7).stream()
                .map(f -> new Organization(f[0], f[1], f[2], f[3],
                        f[4].equals(NOT_APPLICABLE) ? List.of() : List.of(f[4].split(",")),
                        Integer.parseInt(f[5]), Integer.parseInt(f[6])))
                .toList();
        Map<String, Organization> byKey = organizations.stream()
                .collect(Collectors.toMap(Organization::key, Function.identity()));
        List<Node> nodes = rows(NetworkFiles.CONFIG.resolve("nodes.tsv"), 9).stream()
                .map(f -> new Node(f[0], required(byKey, f[1]), f[2], Integer.parseInt(f[3]), port(f[4]),
                        Integer.parseInt(f[5]), port(f[6]), port(f[7]), port(f[8])))
                .toList();
        return new NetworkTables(organizations, nodes);
    }

    List<Organization> peerOrganizations() {
        return organizations.stream().filter(Organization::isPeerOrganization).toList();
    }

    Organization ordererOrganization() {
        List<Organization> orderers = organizations.stream().filter(o -> !o.isPeerOrganization()).toList();
        if (orderers.size() != 1) {
            throw new AssertionError("expected one orderer organisation, found " + orderers);
        }
        return orderers.get(0);
    }

    List<Node> nodesOf(Organization organization) {
        return nodes.stream().filter(n -> n.organization().equals(organization)).toList();
    }

    List<Node> orderers() {
        return nodesOf(ordererOrganization());
    }

    /** The peer of an application organisation (the scripts run one per organisation). */
    Node peerOf(Organization organization) {
        List<Node> peers = nodesOf(organization);
        if (peers.size() != 1) {
            throw new AssertionError(organization.key() + " has " + peers.size() + " peers, expected one");
        }
        return peers.get(0);
    }

    Organization byMspId(String mspId) {
        return organizations.stream().filter(o -> o.mspId().equals(mspId)).findFirst()
                .orElseThrow(() -> new AssertionError("no organisation with MSP id " + mspId));
    }

    private static List<String[]> rows(Path file, int fields) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> {
                        String[] split = line.split("\t", -1);
                        if (split.length != fields) {
                            throw new AssertionError(file.getFileName() + ": expected " + fields
                                    + " TAB-separated fields in '" + line + "', found " + split.length);
                        }
                        return split;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Organization required(Map<String, Organization> byKey, String key) {
        Organization organization = byKey.get(key);
        if (organization == null) {
            throw new AssertionError("nodes.tsv names unknown organisation " + key + " of " + Arrays.toString(
                    byKey.keySet().toArray()));
        }
        return organization;
    }

    private static Optional<Integer> port(String field) {
        return field.equals(NOT_APPLICABLE) ? Optional.empty() : Optional.of(Integer.parseInt(field));
    }
}
