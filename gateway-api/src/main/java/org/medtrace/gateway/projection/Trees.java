// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.medtrace.gateway.db.Jdbc;

/** Walks the live aggregation graph: a code and everything packed under it, right now. */
final class Trees {

    /** The chaincode walks at most this many nodes a transaction; the projection asserts the same bound. */
    static final int NODES_MAX = 10_000 * 2;

    private Trees() {
    }

    /**
     * Every code under the given ones (and the codes themselves). A code named directly keeps {@code via = null}
     * even if it is also under another named code, so the answer does not depend on row order.
     */
    static List<Subject> expand(final Connection c, final List<String> codes, final List<String> unexpanded)
            throws SQLException {
        if (codes.isEmpty()) {
            return List.of();
        }
        final List<Subject> subjects = Jdbc.query(c, "WITH RECURSIVE tree(code, via, depth) AS ("
                + " SELECT t.code, t.code, 0 FROM unnest(?::text[]) AS t(code)"
                + " UNION ALL SELECT e.child, tree.via, tree.depth + 1 FROM aggregation_edge e"
                + " JOIN tree ON e.parent = tree.code WHERE e.valid_to IS NULL AND tree.depth < 16"
                + " AND NOT (tree.depth = 0 AND tree.code = ANY(?)))"
                + " SELECT DISTINCT ON (code) code, CASE WHEN depth = 0 THEN NULL ELSE via END AS via FROM tree"
                + " ORDER BY code, depth, via",
                rs -> new Subject(rs.getString(1), rs.getString(2)), codes, unexpanded);
        if (subjects.size() > NODES_MAX) {
            throw new IllegalStateException("tree of " + codes.size() + " codes has " + subjects.size()
                    + " nodes, more than the ledger allows");
        }
        return subjects;
    }

    static List<String> codes(final List<Subject> subjects) {
        return subjects.stream().map(Subject::code).toList();
    }
}
