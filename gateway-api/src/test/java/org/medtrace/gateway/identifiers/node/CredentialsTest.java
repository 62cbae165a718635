// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.Ttl;
import org.medtrace.identifiers.handle.ValueData;

/** How the node reads HTTP Basic credentials, and the naming-authority record it makes of its settings. */
class CredentialsTest {

    private static final HandleAdmins ADMINS = HandleAdmins.of(Map.of("300:0.NA/88.118.8866",
            HexFormat.of().formatHex(HandleAdmins.sha256("s3:cr:et"))));

    private static Authentication basic(final String userAndSecret) {
        return Authentication.of(Optional.of("Basic " + Base64.getEncoder().encodeToString(
                userAndSecret.getBytes(StandardCharsets.UTF_8))), ADMINS);
    }

    @Test
    void a_handle_administrator_signs_in_percent_encoded_or_not_and_secrets_may_hold_colons() {
        assertThat(basic("300%3A0.NA%2F88.118.8866:s3:cr:et")).isInstanceOfSatisfying(Authentication.Admin.class,
                admin -> {
                    assertThat(admin.administrator().prefixes()).containsExactly("88.118.8866");
                    assertThat(admin.administrator().administers(Identifier.parse("88.118.8866/X"))).isTrue();
                    assertThat(admin.administrator().administers(Identifier.parse("88.118.8867/X"))).isFalse();
                });
        assertThat(basic("300:0.NA/88.118.8866:s3:cr:et")).isInstanceOf(Authentication.Admin.class);
        assertThat(basic("300:0.na/88.118.8866:s3:cr:et")).isInstanceOf(Authentication.Admin.class);
    }

    @Test
    void wrong_or_malformed_credentials_are_refused_without_echoing_the_secret() {
        assertThat(Authentication.of(Optional.empty(), ADMINS)).isInstanceOf(Authentication.Anonymous.class);
        assertThat(basic("300:0.NA/88.118.8866:wrong")).isInstanceOfSatisfying(Authentication.Refused.class,
                refused -> assertThat(refused.reason()).doesNotContain("wrong"));
        assertThat(basic("301:0.NA/88.118.8866:s3:cr:et")).isInstanceOf(Authentication.Refused.class);
        assertThat(basic("300%zz:s3:cr:et")).isInstanceOf(Authentication.Refused.class);
        assertThat(basic("no-colon")).isInstanceOf(Authentication.Refused.class);
        assertThat(Authentication.of(Optional.of("Basic %%%"), ADMINS)).isInstanceOf(Authentication.Refused.class);
        assertThat(Authentication.of(Optional.of("Bearer abc"), ADMINS)).isInstanceOfSatisfying(
                Authentication.Refused.class, refused -> assertThat(refused.reason()).contains("Basic"));
        assertThat(HandleAdmins.parseUser("huaxia")).isEmpty();
        assertThat(HandleAdmins.parseUser("300:88.118.8866/X")).isEmpty();
        assertThat(HandleAdmins.parseUser("0:0.NA/88.118.8866")).isEmpty();
    }

    @Test
    void the_naming_authority_record_names_the_node_as_a_site_or_as_a_url() {
        final NodeSettings bare = settings(URI.create("https://trace.example.cn"));
        final HandleRecord site = NamingAuthorityRecords.generated(Identifier.parse("0.NA/88.118.8866"), bare)
                .orElseThrow();
        assertThat(site.value(1).orElseThrow().type()).isEqualTo(HandleTypes.HS_SITE);
        assertThat(site.value(1).orElseThrow().data()).isInstanceOfSatisfying(ValueData.Site.class, data -> {
            assertThat(data.site().servers().get(0).address()).isEqualTo("trace.example.cn");
            assertThat(data.site().servers().get(0).interfaces().get(0).port()).isEqualTo(443);
            assertThat(data.site().servers().get(0).interfaces().get(0).protocol()).isEqualTo("HTTPS");
        });
        assertThat(site.value(100).orElseThrow().data()).isEqualTo(new ValueData.Admin(
                Identifier.parse("0.NA/88.118.8866"), 300, "011111111111"));
        assertThat(site.value(1).orElseThrow().ttl()).isEqualTo(Ttl.seconds(600));

        final NodeSettings behindPath = settings(URI.create("https://gw.example.cn/medtrace"));
        assertThat(NamingAuthorityRecords.generated(Identifier.parse("0.NA/88.118.8866"), behindPath).orElseThrow()
                .value(1).orElseThrow().textOrNull()).isEqualTo("https://gw.example.cn/medtrace");
        assertThat(NamingAuthorityRecords.generated(Identifier.parse("0.NA/88.118.9999"), bare)).isEmpty();
        assertThat(NamingAuthorityRecords.generated(Identifier.parse("88.118.8866/X"), bare)).isEmpty();
    }

    private static NodeSettings settings(final URI url) {
        return new NodeSettings(Set.of("88.118.8866"), () -> url, Ttl.seconds(600), Map.of(), Optional.empty(),
                Clock.systemUTC());
    }
}
