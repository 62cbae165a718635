// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.members;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.projection.Proof;
import org.medtrace.gateway.provenance.MasterData;

/**
 * The member registry as the read model holds it: each entry exactly as the ledger wrote it, with the proof of the
 * transaction that wrote it. Public within the consortium: every authenticated caller reads it.
 */
@ApplicationScoped
public class MemberDirectory {

    /** Most entries on one page. */
    public static final int PAGE_SIZE_MAX = 500;

    /**
     * One registry entry.
     *
     * @param member the entry as the ledger wrote it (msp, legalName, creditCode, licences, roles, registeredAt,
     *     updatedAt, updatedBy, updatedByMsp, reason, version)
     * @param proof the transaction that wrote this version
     */
    public record MemberView(JsonNode member, Proof proof) {
    }

    /**
     * A page of entries in MSP-id order.
     *
     * @param members the entries
     * @param next the {@code after} of the next page, or null on the last
     */
    public record MemberPage(List<MemberView> members, String next) {
    }

    private final MasterData masterData;

    /** @param masterData the read model */
    @Inject
    public MemberDirectory(final MasterData masterData) {
        this.masterData = masterData;
    }

    /**
     * @param after the last MSP id of the previous page, or null
     * @param pageSize entries per page, 1..{@link #PAGE_SIZE_MAX}
     * @return the page
     * @throws ApiException 400 for a page size out of range
     */
    public MemberPage list(final String after, final int pageSize) {
        if (pageSize < 1 || pageSize > PAGE_SIZE_MAX) {
            throw ApiException.invalid("pageSize", "must be 1.." + PAGE_SIZE_MAX);
        }
        final List<MemberView> rows = masterData.read(c -> Jdbc.query(c, "SELECT msp, entry::text, tx_id,"
                + " block_number FROM member WHERE msp > ? ORDER BY msp LIMIT ?", this::view,
                after == null ? "" : after, pageSize + 1));
        if (rows.size() <= pageSize) {
            return new MemberPage(rows, null);
        }
        final List<MemberView> page = List.copyOf(rows.subList(0, pageSize));
        return new MemberPage(page, page.get(pageSize - 1).member().path("msp").asText());
    }

    /**
     * @param msp an MSP id
     * @return its entry
     * @throws ApiException 404 MEMBER_NOT_FOUND if the registry has none
     */
    public MemberView get(final String msp) {
        return masterData.read(c -> Jdbc.first(c, "SELECT msp, entry::text, tx_id, block_number FROM member"
                + " WHERE msp = ?", this::view, msp))
                .orElseThrow(() -> new ApiException(404, "MEMBER_NOT_FOUND", msp + " has no entry in the member"
                        + " registry", List.of()));
    }

    private MemberView view(final ResultSet rs) throws SQLException {
        return new MemberView(masterData.json(rs.getString(2)), MasterData.proof(rs, "tx_id", "block_number"));
    }
}
