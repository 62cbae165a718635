// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medtrace.gateway.app.MedtraceConfig.LedgerMode;

/**
 * The public URL's start-up check: anything goes in the embedded default; in fabric mode it must be set, an absolute
 * http(s) URL, and not loopback. {@code PublicUrlCheckIT} sees the packaged gateway refuse to start.
 */
class PublicUrlCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080",
        "https://trace.example.cn"})
    void the_embedded_default_takes_any_url(final String url) {
        assertThat(PublicUrl.checked(LedgerMode.EMBEDDED, Optional.of(URI.create(url)))).contains(URI.create(url));
        assertThat(PublicUrl.checked(LedgerMode.EMBEDDED, Optional.empty())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://trace.example.cn", "http://gateway.huaxia.example:7080/", "https://10.1.2.3",
        "http://[2001:db8::1]:8080", "https://127.example.org", "https://localhost.example.org"})
    void fabric_mode_takes_a_url_other_machines_reach(final String url) {
        assertThat(PublicUrl.checked(LedgerMode.FABRIC, Optional.of(URI.create(url)))).contains(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:7080", "https://LOCALHOST",
        "http://api.localhost", "http://[::1]:8080", "http://0.0.0.0:8080", "http://[::]:8080",
        "http://[0:0:0:0:0:0:0:1]"})
    void fabric_mode_refuses_loopback_naming_the_key_and_the_host(final String url) {
        assertThatThrownBy(() -> PublicUrl.checked(LedgerMode.FABRIC, Optional.of(URI.create(url))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("medtrace.identifiers.node.public-url=" + url + " points at ")
                .hasMessageContaining("which no other machine reaches")
                .hasMessageContaining("refuses to start");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace.example.cn", "/api/handles", "ftp://trace.example.cn", "mailto:ops@example.cn"})
    void fabric_mode_refuses_what_is_no_http_url(final String url) {
        assertThatThrownBy(() -> PublicUrl.checked(LedgerMode.FABRIC, Optional.of(URI.create(url))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not an absolute http(s) URL with a host");
    }

    @Test
    void fabric_mode_refuses_to_start_without_it() {
        assertThatThrownBy(() -> PublicUrl.checked(LedgerMode.FABRIC, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("medtrace.identifiers.node.public-url is not set.")
                .hasMessageContaining("docs/configuration.md");
    }
}
