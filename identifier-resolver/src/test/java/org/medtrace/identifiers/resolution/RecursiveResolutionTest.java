// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.codes.CodeReader;
import org.medtrace.identifiers.codes.IdentifierMapping;
import org.medtrace.identifiers.handle.HandleResponse;
import org.medtrace.identifiers.handle.HandleResponseCode;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.ValueFilter;

class RecursiveResolutionTest {
    private TwoNodes nodes;
    private HandleResolver resolver;

    @BeforeEach
    void start() throws Exception {
        nodes = new TwoNodes();
        resolver = nodes.resolver().build();
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void resolves_a_secondary_node_identifier_through_the_top_level_node() throws Exception {
        Resolution resolution = resolver.resolve(TwoNodes.UNIT);
        assertThat(resolution.record().values()).extracting(HandleValue::textOrNull)
                .containsExactly("https://trace.example.cn/units/SN1", "乙肝疫苗", "B2024");
        assertThat(resolution.node().baseUri().getPort()).isEqualTo(nodes.secondary.port());
        assertThat(resolution.fromCache()).isFalse();
        // top-level: one prefix referral; secondary: the naming-authority record, then the record
        assertThat(nodes.top.requests()).isEqualTo(1);
        assertThat(nodes.secondary.requests()).isEqualTo(2);
    }

    @Test
    void serves_repeats_from_cache_and_reuses_the_prefix_for_siblings() throws Exception {
        resolver.resolve(TwoNodes.UNIT);
        Resolution again = resolver.resolve(TwoNodes.UNIT);
        assertThat(again.fromCache()).isTrue();
        assertThat(nodes.top.requests() + nodes.secondary.requests()).isEqualTo(3);
        resolver.resolve(TwoNodes.BATCH);
        assertThat(nodes.top.requests()).isEqualTo(1);
        assertThat(nodes.secondary.requests()).isEqualTo(3);
    }

    @Test
    void resolves_the_top_level_nodes_own_identifier_from_its_site_record() throws Exception {
        Resolution resolution = resolver.resolve(TwoNodes.TOP_RECORD);
        assertThat(resolution.record().value(1)).hasValueSatisfying(
                v -> assertThat(v.textOrNull()).isEqualTo("https://top.example/tl-1"));
        assertThat(resolution.node().baseUri().getPort()).isEqualTo(nodes.top.port());
        assertThat(nodes.secondary.requests()).isZero();
    }

    @Test
    void the_secondary_node_resolves_top_level_identifiers_for_its_callers() throws Exception {
        nodes.secondary.forwardUnknownHandlesTo(nodes.resolver().build());
        HandleResponse response = HandleRestProtocol.create(HttpClient.newHttpClient())
                .query(NodeEndpoint.ofUri(nodes.secondary.uri()), TwoNodes.TOP_RECORD, Duration.ofSeconds(5));
        assertThat(response.code()).contains(HandleResponseCode.SUCCESS);
        assertThat(response.values().get(0).textOrNull()).isEqualTo("https://top.example/tl-1");
        assertThat(nodes.top.requestsFor("88.100/tl-1")).isEqualTo(1);
    }

    @Test
    void follows_a_service_handle_named_by_hs_serv() throws Exception {
        Resolution resolution = resolver.resolve(TwoNodes.VIA_SERVICE_HANDLE);
        assertThat(resolution.record().value(1).orElseThrow().textOrNull()).isEqualTo("https://trace.example.cn/y");
        assertThat(nodes.top.requestsFor("0.SERV/88.119")).isEqualTo(1);
        assertThat(nodes.secondary.requestsFor("88.119/y")).isEqualTo(1);
    }

    @Test
    void applies_index_and_type_filters_to_the_cached_record() throws Exception {
        assertThat(resolver.resolve(TwoNodes.UNIT, ValueFilter.of(List.of(2000), List.of())).record().values())
                .extracting(HandleValue::type).containsExactly("productName");
        assertThat(resolver.resolve(TwoNodes.UNIT, ValueFilter.of(List.of(), List.of("url"))).record().values())
                .extracting(HandleValue::index).containsExactly(1);
        assertThat(nodes.secondary.requestsFor("88.118.8866/01.06901234567892.21.SN1")).isEqualTo(1);
    }

    @Test
    void resolves_what_a_scanner_read_under_the_enterprise_prefix() throws Exception {
        IdentifierMapping mapping = IdentifierMapping.forPrefix("88.118.8866");
        Identifier id = mapping.identifierFor(CodeReader.read("]d2010690123456789217270600" + "10B2024\u001d21SN1"));
        assertThat(resolver.resolve(id).record().handle()).isEqualTo(TwoNodes.UNIT);
    }

    @Test
    void says_whether_the_handle_or_its_prefix_is_missing() {
        assertThatThrownBy(() -> resolver.resolve(Identifier.parse("88.118.8866/nope")))
                .isInstanceOf(HandleNotFoundException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> resolver.resolve(Identifier.parse("77.1/x")))
                .isInstanceOfSatisfying(PrefixNotFoundException.class,
                        e -> assertThat(e.handle()).hasToString("77.1/x"))
                .hasMessageContaining("prefix 77.1 of 77.1/x is not registered");
    }
}
