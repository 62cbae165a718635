// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.gateway.testing.PackagedGateway;

/**
 * The packaged gateway in fabric mode refuses to start, saying why, when the public URL it would publish in Handle
 * records is not set or points at loopback: before it ever connects to a peer.
 */
class PublicUrlCheckIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                    | medtrace.identifiers.node.public-url is not set.",
        "http://127.0.0.1:8080 | medtrace.identifiers.node.public-url=http://127.0.0.1:8080 points at 127.0.0.1"})
    void fabric_mode_refuses_to_start_without_a_public_url_other_machines_reach(final String url,
            final String message) throws Exception {
        final PackagedGateway.Exit exit = url.isEmpty()
                ? PackagedGateway.runUntilExit(PackagedGateway.freshDataDirectory("public-url"),
                        "medtrace.ledger.mode=fabric")
                : PackagedGateway.runUntilExit(PackagedGateway.freshDataDirectory("public-url"),
                        "medtrace.ledger.mode=fabric", "medtrace.identifiers.node.public-url=" + url);

        assertThat(exit.code()).as("exit code; the gateway logged:%n%s", exit.log()).isNotNull().isNotZero();
        assertThat(exit.log()).contains(message).contains("refuses to start")
                .doesNotContain("Listening on:");
    }
}
