// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.io.IOException;
import java.time.Duration;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.NamingAuthorities;
import org.medtrace.identifiers.handle.SiteInfo;
import org.medtrace.identifiers.handle.Ttl;
import org.medtrace.identifiers.handle.ValueData;

/**
 * A top-level node and a secondary node on loopback, wired as IDIS wires them:
 * <ul>
 *   <li>top-level: {@code 0.NA/88.100} (its own prefix, HS_SITE in site format pointing at itself) and
 *       {@code 88.100/tl-1}; {@code 0.NA/88.118} delegating derived prefixes to the secondary node
 *       (HS_SITE.PREFIX, site format); {@code 0.NA/88.119} naming service handle {@code 0.SERV/88.119} (HS_SERV),
 *       which names the secondary node by URL;</li>
 *   <li>secondary: {@code 0.NA/88.118.8866} (HS_SITE as a plain URL to itself) and the enterprise's records, and
 *       {@code 88.119/y}.</li>
 * </ul>
 */
final class TwoNodes implements AutoCloseable {
    static final Identifier UNIT = Identifier.parse("88.118.8866/01.06901234567892.21.SN1");
    static final Identifier BATCH = Identifier.parse("88.118.8866/01.06901234567892.10.B2024");
    static final Identifier TOP_RECORD = Identifier.parse("88.100/tl-1");
    static final Identifier VIA_SERVICE_HANDLE = Identifier.parse("88.119/y");

    final HandleRestTestNode top;
    final HandleRestTestNode secondary;
    final MutableClock clock = new MutableClock();

    TwoNodes() throws IOException {
        top = new HandleRestTestNode();
        secondary = new HandleRestTestNode();
        top.put(NamingAuthorities.handleOf("88.100"), site(1, HandleTypes.HS_SITE, top))
                .put(TOP_RECORD, HandleValue.text(1, HandleTypes.URL, "https://top.example/tl-1"))
                .put(NamingAuthorities.handleOf("88.118"), site(1, HandleTypes.HS_SITE_PREFIX, secondary))
                .put(NamingAuthorities.handleOf("88.119"), HandleValue.text(1, HandleTypes.HS_SERV, "0.SERV/88.119"))
                .put(NamingAuthorities.handleOf("0.SERV"), HandleValue.text(1, HandleTypes.HS_SITE, top.uri().toString()))
                .put(Identifier.parse("0.SERV/88.119"),
                        HandleValue.text(1, HandleTypes.HS_SITE, secondary.uri().toString()));
        secondary.put(NamingAuthorities.handleOf("88.118.8866"),
                        HandleValue.text(1, HandleTypes.HS_SITE, secondary.uri() + "/"))
                .put(UNIT, HandleValue.text(1, HandleTypes.URL, "https://trace.example.cn/units/SN1"),
                        HandleValue.text(2000, "productName", "乙肝疫苗").withTtl(Ttl.seconds(600)),
                        HandleValue.text(2001, "batch", "B2024"))
                .put(BATCH, HandleValue.text(1, HandleTypes.URL, "https://trace.example.cn/batches/B2024"))
                .put(VIA_SERVICE_HANDLE, HandleValue.text(1, HandleTypes.URL, "https://trace.example.cn/y"));
    }

    static HandleValue site(final int index, final String type, final HandleRestTestNode node) {
        return HandleValue.of(index, type, new ValueData.Site(SiteInfo.ofRestServer("127.0.0.1", node.port(), false,
                "test node")));
    }

    /** A resolver rooted at the top-level node, with short test timeouts and this fixture's clock. */
    HandleResolver.Builder resolver() {
        return HandleResolver.builder(top.uri())
                .requestTimeout(Duration.ofSeconds(2))
                .resolutionTimeout(Duration.ofSeconds(5))
                .retries(3, Duration.ofMillis(5), Duration.ofMillis(20))
                .clock(clock);
    }

    @Override
    public void close() {
        top.close();
        secondary.close();
    }
}
