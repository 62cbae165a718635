// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.OptionalInt;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.NamingAuthorities;
import org.medtrace.identifiers.handle.SiteInfo;
import org.medtrace.identifiers.handle.ValueData;

class FailureTest {
    private static final String UNIT_PATH = "88.118.8866/01.06901234567892.21.SN1";
    private TwoNodes nodes;

    @BeforeEach
    void start() throws Exception {
        nodes = new TwoNodes();
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    /** Resolves a sibling first so that the prefix is cached and faults hit the unit's own request. */
    private HandleResolver warmResolver(final HandleResolver.Builder builder) throws Exception {
        HandleResolver resolver = builder.build();
        resolver.resolve(TwoNodes.BATCH);
        return resolver;
    }

    @Nested
    class TimeoutsAndRetries {
        @Test
        void retries_transient_failures_and_then_succeeds() throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver());
            nodes.secondary.failNext(2);
            assertThat(resolver.resolve(TwoNodes.UNIT).record().values()).hasSize(3);
            assertThat(nodes.secondary.requestsFor(UNIT_PATH)).isEqualTo(3);
        }

        @Test
        void gives_up_after_the_configured_attempts() throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver());
            nodes.secondary.failNext(100);
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT))
                    .isInstanceOf(NodeUnavailableException.class).hasMessageContaining("after 3 requests");
            assertThat(nodes.secondary.requestsFor(UNIT_PATH)).isEqualTo(3);
        }

        @Test
        void a_slow_node_times_out_per_request() throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver().requestTimeout(Duration.ofMillis(100))
                    .retries(2, Duration.ofMillis(1), Duration.ofMillis(1)));
            nodes.secondary.delay(400);
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT))
                    .isInstanceOf(NodeUnavailableException.class).hasMessageContaining("within 100 ms");
        }

        @Test
        void the_whole_resolution_has_a_deadline() throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver().requestTimeout(Duration.ofSeconds(2))
                    .resolutionTimeout(Duration.ofMillis(300)).retries(5, Duration.ofMillis(1), Duration.ofMillis(1)));
            nodes.secondary.delay(1000);
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT))
                    .isInstanceOf(ResolutionTimeoutException.class).hasMessageContaining("300 ms deadline");
        }

        @Test
        void a_closed_port_is_unavailable() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            HandleResolver resolver = HandleResolver.builder(URI.create("http://127.0.0.1:" + port))
                    .retries(2, Duration.ofMillis(1), Duration.ofMillis(1)).build();
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT))
                    .isInstanceOf(NodeUnavailableException.class).hasMessageContaining("cannot connect");
        }

        @Test
        void concurrent_resolutions_of_one_handle_share_one_request() throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver());
            nodes.secondary.delay(200);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Resolution>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> resolver.resolve(TwoNodes.UNIT)));
                }
                for (Future<Resolution> result : results) {
                    assertThat(result.get().record().handle()).isEqualTo(TwoNodes.UNIT);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(nodes.secondary.requestsFor(UNIT_PATH)).isEqualTo(1);
        }
    }

    @Nested
    class Referrals {
        @Test
        void a_referral_loop_between_two_nodes_is_stopped() {
            nodes.top.put(NamingAuthorities.handleOf("66"), TwoNodes.site(1, HandleTypes.HS_SITE_PREFIX, nodes.secondary));
            nodes.secondary.put(NamingAuthorities.handleOf("66"), TwoNodes.site(1, HandleTypes.HS_SITE_PREFIX, nodes.top));
            assertThatThrownBy(() -> nodes.resolver().build().resolve(Identifier.parse("66.1/x")))
                    .isInstanceOf(ReferralLoopException.class).hasMessageContaining("loop");
        }

        @Test
        void a_service_handle_that_names_itself_is_stopped() {
            nodes.top.put(NamingAuthorities.handleOf("55"), HandleValue.text(1, HandleTypes.HS_SERV, "55/svc"));
            assertThatThrownBy(() -> nodes.resolver().build().resolve(Identifier.parse("55/a")))
                    .isInstanceOf(ReferralLoopException.class).hasMessageContaining("lookup 55/svc");
        }

        @Test
        void a_chain_longer_than_the_step_limit_is_stopped() {
            assertThatThrownBy(() -> nodes.resolver().stepsMax(3).build().resolve(TwoNodes.UNIT))
                    .isInstanceOf(ReferralLoopException.class).hasMessageContaining("more than 3 steps");
        }

        @Test
        void a_site_with_only_binary_protocol_interfaces_is_not_usable() {
            SiteInfo tcpOnly = new SiteInfo(1, "2.10", 1, true, false, OptionalInt.empty(), Optional.empty(),
                    List.of(), List.of(new SiteInfo.Server(1, "127.0.0.1", Optional.empty(),
                            List.of(new SiteInfo.Interface(true, true, "TCP", 2641)))));
            nodes.top.put(NamingAuthorities.handleOf("44"), HandleValue.of(1, HandleTypes.HS_SITE,
                    new ValueData.Site(tcpOnly)));
            assertThatThrownBy(() -> nodes.resolver().build().resolve(Identifier.parse("44/a")))
                    .isInstanceOf(NoUsableServiceException.class).hasMessageContaining("no HTTP(S) query interface");
        }

        @Test
        void the_endpoint_filter_keeps_the_resolver_away_from_excluded_nodes() {
            int secondaryPort = nodes.secondary.port();
            HandleResolver resolver = nodes.resolver().endpointFilter(uri -> uri.getPort() != secondaryPort).build();
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT))
                    .isInstanceOf(NoUsableServiceException.class).hasMessageContaining("endpoint filter");
        }
    }

    @Nested
    class MalformedResponses {
        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', value = {
            "200 | text/html        | <html>hello</html>",
            "404 | text/html        | <html>not found</html>",
            "200 | application/json | {'responseCode':1,'handle':'88.118.8866/other','values':[]}",
            "200 | application/json | {'responseCode':1,'values':[{'index':1,'type':'URL','data':'a'},{'index':1,'type':'URL','data':'b'}]}",
            "200 | application/json | {'responseCode':1,'values':[{'index':'one','type':'URL','data':'a'}]}",
            "200 | application/json | {'responseCode':1,'values':[{'index':1,'type':'URL','data':{'format':'string'}}]}",
            "200 | application/json | {'responseCode':1",
        })
        void are_reported_as_malformed(final int status, final String contentType, final String body)
                throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver());
            nodes.secondary.answerRaw(new HandleRestTestNode.RawAnswer(status, contentType,
                    body.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT)).isInstanceOf(MalformedResponseException.class);
            assertThat(nodes.secondary.requestsFor(UNIT_PATH)).isEqualTo(1);
        }

        @Test
        void an_oversized_body_is_malformed() throws Exception {
            HandleResolver resolver = nodes.resolver()
                    .protocol(HandleRestProtocol.create(java.net.http.HttpClient.newHttpClient(), 1024)).build();
            resolver.resolve(TwoNodes.BATCH);
            nodes.secondary.answerRaw(new HandleRestTestNode.RawAnswer(200, "application/json",
                    ("{\"responseCode\":1,\"message\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("larger than 1024 bytes");
        }

        @Test
        void a_server_error_page_is_retried_then_unavailable() throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver());
            nodes.secondary.answerRaw(new HandleRestTestNode.RawAnswer(502, "text/html",
                    "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT)).isInstanceOf(NodeUnavailableException.class);
            assertThat(nodes.secondary.requestsFor(UNIT_PATH)).isEqualTo(3);
        }

        @Test
        void another_handle_code_is_reported_with_its_code() throws Exception {
            HandleResolver resolver = warmResolver(nodes.resolver());
            nodes.secondary.answerRaw(new HandleRestTestNode.RawAnswer(401, "application/json",
                    "{\"responseCode\":402,\"message\":\"log in\"}".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> resolver.resolve(TwoNodes.UNIT))
                    .isInstanceOfSatisfying(HandleServerException.class, e -> assertThat(e.responseCode()).isEqualTo(402))
                    .hasMessageContaining("log in");
        }
    }
}
