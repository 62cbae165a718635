// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.members.MemberDirectory;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.testing.SyntheticLedger;
import org.medtrace.gateway.testing.TestDatabase;

/**
 * Member events into the read model on a real PostgreSQL: the entry the event carries is stored as written, the
 * newest version wins whatever order the events come in, and a replay changes nothing.
 */
class MemberProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DataSource database;
    private static SyntheticLedger ledger;
    private static MemberDirectory directory;

    @BeforeAll
    static void database() {
        database = TestDatabase.freshDatabase("members");
        ledger = new SyntheticLedger(database);
        directory = new MemberDirectory(new MasterData(database, JSON, new CodeParser("88.118.8866")));
    }

    private static ObjectNode entry(final String msp, final long version, final List<String> roles,
            final String reason) {
        final ObjectNode entry = JSON.createObjectNode().put("msp", msp).put("legalName", "国药控股上海有限公司")
                .put("creditCode", "91310000132249186L");
        entry.putArray("licences").addObject().put("type", "DRUG_DISTRIBUTION").put("number", "沪AA0210001")
                .put("validFrom", "2024-01-01").put("validUntil", "2028-12-31");
        roles.forEach(entry.putArray("roles")::add);
        return entry.put("registeredAt", T0.toString()).put("updatedAt", T0.plusSeconds(version).toString())
                .put("updatedBy", "x509::CN=shanghai-mpa::CN=ca").put("updatedByMsp", "ShanghaiMpaMSP")
                .put("reason", reason).put("version", version);
    }

    private static SyntheticLedger.Tx write(final String transaction, final ObjectNode entry) {
        final SyntheticLedger.Event event = ledger.event("ObjectEvent", transaction, "ShanghaiMpaMSP", T0)
                .step("other", null, "OBSERVE");
        event.details().set("member", entry);
        return ledger.commit(event);
    }

    @Test
    void the_written_entry_is_stored_as_it_is_and_the_newest_version_wins() throws Exception {
        final SyntheticLedger.Tx registered = write("member:register",
                entry("ShenDistMSP", 1, List.of("distributor"), "admitted"));
        final ObjectNode second = entry("ShenDistMSP", 2, List.of(), "suspended: licence under review");
        second.put("someFieldOfALaterChaincode", "kept");
        final SyntheticLedger.Tx updated = write("member:update", second);

        final MemberDirectory.MemberView view = directory.get("ShenDistMSP");
        assertThat(view.member()).isEqualTo(JSON.readTree(second.toString()));
        assertThat(view.proof()).isEqualTo(new Proof(updated.txId(), updated.blockNumber()));

        // replays (a rebuild, a reconnect) of the older and the newer write change nothing
        ledger.project(database, registered);
        ledger.project(database, updated);
        assertThat(directory.get("ShenDistMSP").member().path("version").asLong()).isEqualTo(2);
        // an older version arriving later (another transaction) does not win either
        write("member:update", entry("ShenDistMSP", 1, List.of("distributor"), "stale"));
        assertThat(directory.get("ShenDistMSP").member().path("reason").asText())
                .isEqualTo("suspended: licence under review");
        assertThat(directory.list(null, 10).members()).extracting(m -> m.member().path("msp").asText())
                .contains("ShenDistMSP");
    }
}
