// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secondary node's keys, {@code medtrace.identifiers.*} (docs/configuration.md, docs/identifiers.md). The
 * gateway's own {@code medtrace.identifiers.enterprise-prefix} is read here too: it is the default served prefix.
 */
@ConfigMapping(prefix = "medtrace.identifiers")
public interface IdentifiersConfig {

    /** @return the enterprise prefix scanned codes are named under (the gateway's key) */
    @WithDefault("88.118.8866")
    String enterprisePrefix();

    /** @return the Handle.Net-compatible node */
    Node node();

    /** @return automatic registration of what the ledger commissions */
    Registration registration();

    /** @return resolution of identifiers held elsewhere */
    Resolution resolution();

    /** The node's keys. */
    interface Node {
        /** @return whether {@code /api/handles} is served */
        @WithDefault("true")
        boolean enabled();

        /** @return the prefixes this node is responsible for; default: the enterprise prefix */
        Optional<List<String>> prefixes();

        /**
         * @return the root URL other nodes and clients reach this gateway at: the HS_SITE of {@code 0.NA/<prefix>}
         *     and the base of the provenance URLs at index 1; default {@code http://<quarkus.http.host>:<port>}
         */
        Optional<URI> publicUrl();

        /** @return TTL of the {@code 0.NA/<prefix>} values, seconds */
        @WithDefault("86400")
        long siteTtlS();

        /** @return Handle-style administrators, by a free name */
        Map<String, Admin> admins();

        /**
         * @return the organisations whose gateway clients administer prefixes, by MSP id: which prefixes each
         *     owns and which of its clients administer them
         */
        Map<String, Organization> organizations();
    }

    /** An organisation's prefixes and its administering clients. */
    interface Organization {
        /** @return the served prefixes this organisation owns */
        List<String> prefixes();

        /**
         * @return the gateway client ids ({@code medtrace.auth.clients.*}, or demo clients) of this organisation that
         *     administer them; its other clients and its loggers do not
         */
        List<String> administrators();
    }

    /** An administrator who authenticates the Handle way: HTTP Basic user {@code <index>:0.NA/<prefix>}. */
    interface Admin {
        /** @return {@code <index>:0.NA/<prefix>}, for example {@code 300:0.NA/88.118.8866} */
        String handle();

        /** @return hex SHA-256 of the secret */
        String secretSha256();
    }

    /** Automatic registration keys. */
    interface Registration {
        /** @return whether commissioned products, batches and units are registered in the node */
        @WithDefault("true")
        boolean enabled();

        /** @return TTL of the registered values, seconds */
        @WithDefault("3600")
        long recordTtlS();

        /** @return how often the registrar looks for work when no projection signal came, milliseconds */
        @WithDefault("5000")
        long pollIntervalMs();

        /** @return pause after a failure before the registrar tries again, milliseconds */
        @WithDefault("2000")
        long retryDelayMs();
    }

    /** Resolution keys. */
    interface Resolution {
        /** @return root URL of the top-level node's REST API; without it, foreign identifiers are not resolved */
        Optional<URI> topLevelNode();

        /** @return deadline of one request to a node, milliseconds */
        @WithDefault("1000")
        long requestTimeoutMs();

        /** @return deadline of one whole resolution, milliseconds */
        @WithDefault("3000")
        long timeoutMs();

        /** @return requests per node endpoint before giving up on it */
        @WithDefault("2")
        int attempts();

        /** @return most cached records and negative answers; 0 disables the cache */
        @WithDefault("100000")
        long cacheEntriesMax();

        /** @return longest a record is cached whatever its TTLs say, seconds */
        @WithDefault("86400")
        long ttlMaxS();

        /** @return how long "does not exist" is remembered, seconds */
        @WithDefault("60")
        long negativeTtlS();
    }
}
