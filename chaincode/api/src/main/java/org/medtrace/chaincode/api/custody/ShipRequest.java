// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.ArrayList;
import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.BizTransaction;

/** The request of {@code custody:ship}. */
public record ShipRequest(String shipmentId, List<String> codes, String to, String destination,
        List<BizTransaction> bizTransactions) {

    /** CBV 2.0 business transaction types. */
    private static final List<String> TYPES = List.of("bol", "cert", "desadv", "inv", "pedigree", "po", "poc",
            "prodorder", "recadv", "rma", "testprd", "testres", "upevt");
    private static final int DOCUMENTS_MAX = 20;

    /** Validates and normalises every field. */
    public ShipRequest {
        shipmentId = Check.reference("shipmentId", shipmentId);
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        to = Check.msp("to", to);
        destination = Check.optionalLocation("destination", destination);
        bizTransactions = bizTransactions == null ? List.of() : documents(bizTransactions);
    }

    private static List<BizTransaction> documents(final List<BizTransaction> given) {
        List<BizTransaction> checked = Check.list("bizTransactions", given, 0, DOCUMENTS_MAX);
        List<BizTransaction> normal = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            String field = "bizTransactions[" + i + "]";
            normal.add(new BizTransaction(Check.oneOf(field + ".type", checked.get(i).type(), TYPES),
                    Check.text(field + ".id", checked.get(i).id(), Limits.REFERENCE_LENGTH_MAX)));
        }
        return List.copyOf(normal);
    }
}
