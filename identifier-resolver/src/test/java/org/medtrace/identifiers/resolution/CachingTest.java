// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.Ttl;

class CachingTest {
    private static final Identifier SHORT_LIVED = Identifier.parse("88.118.8866/short");
    private static final String SHORT_LIVED_PATH = "88.118.8866/short";
    private TwoNodes nodes;

    @BeforeEach
    void start() throws Exception {
        nodes = new TwoNodes();
        nodes.secondary.put(SHORT_LIVED, HandleValue.text(1, "URL", "u").withTtl(Ttl.seconds(3600)),
                HandleValue.text(2, "status", "active").withTtl(Ttl.seconds(60)));
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void a_record_expires_with_its_shortest_lived_value() throws Exception {
        HandleResolver resolver = nodes.resolver().build();
        resolver.resolve(SHORT_LIVED);
        nodes.clock.advance(Duration.ofSeconds(59));
        assertThat(resolver.resolve(SHORT_LIVED).fromCache()).isTrue();
        nodes.clock.advance(Duration.ofSeconds(2));
        assertThat(resolver.resolve(SHORT_LIVED).fromCache()).isFalse();
        assertThat(nodes.secondary.requestsFor(SHORT_LIVED_PATH)).isEqualTo(2);
    }

    @Test
    void ttl_max_caps_long_ttls_and_ttl_0_is_never_cached() throws Exception {
        HandleResolver resolver = nodes.resolver().ttlMax(Duration.ofSeconds(10)).build();
        resolver.resolve(SHORT_LIVED);
        nodes.clock.advance(Duration.ofSeconds(11));
        assertThat(resolver.resolve(SHORT_LIVED).fromCache()).isFalse();

        Identifier volatileHandle = Identifier.parse("88.118.8866/volatile");
        nodes.secondary.put(volatileHandle, HandleValue.text(1, "URL", "u").withTtl(Ttl.seconds(0)));
        resolver.resolve(volatileHandle);
        assertThat(resolver.resolve(volatileHandle).fromCache()).isFalse();
        assertThat(nodes.secondary.requestsFor("88.118.8866/volatile")).isEqualTo(2);
    }

    @Test
    void not_found_is_remembered_for_the_negative_ttl_only() throws Exception {
        HandleResolver resolver = nodes.resolver().negativeTtl(Duration.ofSeconds(30)).build();
        Identifier later = Identifier.parse("88.118.8866/later");
        assertThatThrownBy(() -> resolver.resolve(later)).isInstanceOf(HandleNotFoundException.class);
        nodes.secondary.put(later, HandleValue.text(1, "URL", "u"));
        assertThatThrownBy(() -> resolver.resolve(later)).isInstanceOf(HandleNotFoundException.class);
        assertThat(nodes.secondary.requestsFor("88.118.8866/later")).isEqualTo(1);
        nodes.clock.advance(Duration.ofSeconds(31));
        assertThat(resolver.resolve(later).record().values()).hasSize(1);
        assertThat(nodes.secondary.requestsFor("88.118.8866/later")).isEqualTo(2);
    }

    @Test
    void an_unknown_prefix_is_remembered_too() {
        HandleResolver resolver = nodes.resolver().build();
        assertThatThrownBy(() -> resolver.resolve(Identifier.parse("77.1/a"))).isInstanceOf(PrefixNotFoundException.class);
        assertThatThrownBy(() -> resolver.resolve(Identifier.parse("77.1/b"))).isInstanceOf(PrefixNotFoundException.class);
        assertThat(nodes.top.requestsFor("0.NA/77.1")).isEqualTo(1);
    }

    @Test
    void invalidate_forgets_one_handle() throws Exception {
        HandleResolver resolver = nodes.resolver().build();
        resolver.resolve(SHORT_LIVED);
        resolver.invalidate(SHORT_LIVED);
        assertThat(resolver.resolve(SHORT_LIVED).fromCache()).isFalse();
    }

    @Test
    void a_cache_of_size_0_asks_every_time_and_the_cache_stays_within_its_bound() throws Exception {
        HandleResolver uncached = nodes.resolver().cacheEntriesMax(0).build();
        uncached.resolve(SHORT_LIVED);
        uncached.resolve(SHORT_LIVED);
        assertThat(nodes.secondary.requestsFor(SHORT_LIVED_PATH)).isEqualTo(2);

        RecursiveHandleResolver bounded = (RecursiveHandleResolver) nodes.resolver().cacheEntriesMax(5).build();
        for (int i = 0; i < 20; i++) {
            Identifier handle = Identifier.parse("88.118.8866/n" + i);
            nodes.secondary.put(handle, HandleValue.text(1, "URL", "u" + i));
            bounded.resolve(handle);
        }
        assertThat(bounded.cacheSize()).isLessThanOrEqualTo(5);
    }
}
