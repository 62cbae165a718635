// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The gateway's configuration (keys documented in docs/configuration.md). */
@ConfigMapping(prefix = "medtrace")
public interface MedtraceConfig {

    /** Where everything of the embedded default lives: PostgreSQL data, the ledger, CA material. */
    @WithDefault("data")
    Path dataDirectory();

    /** The ledger connection. */
    Ledger ledger();

    /** REST callers. */
    Auth auth();

    /** The read-model projection. */
    Projection projection();

    /** How scanned codes become identifiers. */
    Identifiers identifiers();

    /** Identifier keys. */
    interface Identifiers {
        /**
         * The enterprise prefix under which codes scanned in a non-identifier form (20-digit NMPA code, GS1 element
         * string, Digital Link) are named: {@code <prefix>/<suffix of the code>}.
         */
        @WithDefault("88.118.8866")
        String enterprisePrefix();
    }

    /** Which ledger the gateway talks to. */
    enum LedgerMode {
        /** The dev peer runs inside the gateway's JVM, with the chaincode jar as a child process. */
        EMBEDDED,
        /** A real Hyperledger Fabric network. */
        FABRIC
    }

    /** Ledger keys. */
    interface Ledger {
        /** embedded or fabric. */
        @WithDefault("embedded")
        LedgerMode mode();

        /** The channel name. */
        @WithDefault("medtrace")
        String channel();

        /** The chaincode name. */
        @WithDefault("traceability")
        String chaincode();

        /** fabric mode: host:port of this organisation's gateway peer. */
        Optional<String> peerEndpoint();

        /** fabric mode: PEM of the CA that signed the peer's TLS certificate. */
        Optional<Path> tlsCaCertificate();

        /** fabric mode: the TLS server name to verify (overrides the endpoint's host). */
        Optional<String> tlsServerName();

        /** Deadline of an evaluate call. */
        @WithDefault("5000")
        long evaluateTimeoutMs();

        /**
         * Deadline of an endorsement. Under the default endorsement policy two peers simulate each write; a bulk
         * request at its limits (10,000 codes) takes over 10 s of chaincode work on a 2-core machine, so 15 s was too
         * tight.
         */
        @WithDefault("30000")
        long endorseTimeoutMs();

        /** Deadline of handing the endorsed transaction to the orderer. */
        @WithDefault("5000")
        long submitTimeoutMs();

        /** Deadline of waiting for the commit status. */
        @WithDefault("60000")
        long commitStatusTimeoutMs();

        /**
         * How often a write invalidated by an MVCC or phantom read conflict (a concurrent write changed what it read)
         * is endorsed and submitted again, with the same request and idempotency key.
         */
        @WithDefault("10")
        int conflictRetries();

        /** The first pause before such a retry; it doubles per retry, with jitter. */
        @WithDefault("10")
        long conflictBackoffMs();

        /** Signing identities, by a free name. */
        Map<String, Identity> identities();

        /** The identity whose connection reads chaincode events; default: the first identity by name. */
        Optional<String> eventIdentity();

        /** Embedded-mode settings. */
        Embedded embedded();
    }

    /** A signing identity. In embedded mode certificate and key may be left out: the dev peer's CA enrols them. */
    interface Identity {
        /** The organisation's MSP id. */
        String mspId();

        /** The role attribute of the certificate. */
        String role();

        /** PEM X.509 certificate. */
        Optional<Path> certificate();

        /** PEM PKCS#8 private key. */
        Optional<Path> privateKey();
    }

    /** Embedded-mode keys. */
    interface Embedded {
        /** The chaincode jar the dev peer runs; default: chaincode/traceability-chaincode.jar beside the gateway. */
        Optional<Path> chaincodeJar();

        /** Enrol the demo organisations' identities and register their demo REST clients. */
        @WithDefault("true")
        boolean demoOrganizations();

        /** Dev peer batch timeout. */
        @WithDefault("2")
        long batchTimeoutMs();

        /**
         * The consortium authority's MSP id, given to the chaincode as {@code MEDTRACE_CONSORTIUM_AUTHORITY}; with
         * the demo organisations, its regulator client bootstraps the member registry at start.
         */
        @WithDefault("ShanghaiMpaMSP")
        String consortiumAuthority();

        /**
         * The chaincode endorsement policy the dev peer enforces, in Fabric's signature-policy syntax. Default: the
         * one network/fabric deploys, over the demo organisations: the regulator's peer and one other organisation's
         * ({@code AND('ShanghaiMpaMSP.peer', OutOf(1, 'HuaxiaVaccineMSP.peer', ...))}); {@code none}: one peer
         * endorses alone and key-level policies are not enforced.
         */
        Optional<String> endorsementPolicy();
    }

    /** Authentication keys. */
    interface Auth {
        /** REST clients by client id. */
        Map<String, Client> clients();

        /**
         * Each organisation's PEM CA certificate, by MSP id: a client certificate (mutual TLS) maps to an identity of
         * that organisation only if this CA signed it. In embedded mode the dev peer's organisation CAs are added;
         * a configured one wins for its MSP id.
         */
        Map<String, Path> clientCaCertificates();
    }

    /** A REST client: authenticates with its secret and acts as one ledger identity. */
    interface Client {
        /** The name of the ledger identity this client acts as. */
        String identity();

        /** Hex SHA-256 of the client secret. */
        String secretSha256();
    }

    /** Projection keys. */
    interface Projection {
        /** How long a write waits for its transaction to reach the read model before answering. */
        @WithDefault("10000")
        long awaitTimeoutMs();

        /** Pause before reconnecting the event stream after a failure. */
        @WithDefault("1000")
        long reconnectDelayMs();
    }
}
