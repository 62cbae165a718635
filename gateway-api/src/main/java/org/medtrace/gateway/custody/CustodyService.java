// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.medtrace.gateway.alerts.AlertService;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.codes.CodeFields;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.ledger.ChaincodeRefusedException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;

/** Custody writes; a refused dispense of an already dispensed or destroyed code raises an alert. */
@ApplicationScoped
public class CustodyService {

    static final LedgerWrites.Write SHIP = new LedgerWrites.Write("custody:ship", CodeFields.of("codes[]"));
    static final LedgerWrites.Write RECEIVE = new LedgerWrites.Write("custody:receive", CodeFields.of("codes[]"));
    static final LedgerWrites.Write RETURN = new LedgerWrites.Write("custody:return", CodeFields.of("codes[]"));
    static final LedgerWrites.Write CANCEL = new LedgerWrites.Write("custody:cancelShipment", CodeFields.NONE);
    static final LedgerWrites.Write STORE = new LedgerWrites.Write("custody:store", CodeFields.of("codes[]"));
    static final LedgerWrites.Write INSPECT = new LedgerWrites.Write("custody:inspect", CodeFields.of("codes[]"));
    static final LedgerWrites.Write HOLD =
            new LedgerWrites.Write("custody:hold", CodeFields.of("codes[]", "batchIds[]"));
    static final LedgerWrites.Write RELEASE = new LedgerWrites.Write("custody:release", CodeFields.NONE);
    static final LedgerWrites.Write DISPENSE = new LedgerWrites.Write("custody:dispense", CodeFields.of("codes[]"));
    static final LedgerWrites.Write ADMINISTER =
            new LedgerWrites.Write("custody:administer", CodeFields.of("codes[]"));
    static final LedgerWrites.Write DESTROY = new LedgerWrites.Write("custody:destroy", CodeFields.of("codes[]"));

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    AlertService alerts;
    @Inject
    CodeParser codes;

    WriteResult submit(final LedgerWrites.Write write, final Object request, final String key)
            throws LedgerException {
        return writes.submit(caller.caller(), write, request, key);
    }

    WriteResult dispense(final CustodyRequests.Dispense request, final String key) throws LedgerException {
        try {
            return writes.submit(caller.caller(), DISPENSE, request, key);
        } catch (ChaincodeRefusedException e) {
            alerts.onRefusedUse(caller.caller(), canonical(request.codes()), e);
            throw e;
        }
    }

    WriteResult administer(final CustodyRequests.Administer request, final String key) throws LedgerException {
        final Map<String, byte[]> transientData = Map.of(
                "vaccineeId", request.vaccineeId().getBytes(StandardCharsets.UTF_8),
                "vaccineeSalt", request.vaccineeSalt().getBytes(StandardCharsets.UTF_8));
        try {
            return writes.submit(caller.caller(), ADMINISTER, request, key, transientData);
        } catch (ChaincodeRefusedException e) {
            alerts.onRefusedUse(caller.caller(), canonical(request.codes()), e);
            throw e;
        }
    }

    private List<String> canonical(final List<String> scanned) {
        // The ledger accepted these codes' syntax before refusing, so each parses.
        return scanned.stream().map(codes::canonical).toList();
    }
}
