// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.medtrace.chaincode.api.InvalidRequestException;
import org.medtrace.chaincode.api.custody.AdministerRequest;
import org.medtrace.chaincode.api.custody.DispenseRequest;
import org.medtrace.gateway.alerts.AlertService;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.ChaincodeRefusedException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/** Custody writes; a refused dispense of an already dispensed or destroyed code raises an alert. */
@ApplicationScoped
public class CustodyService {

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    AlertService alerts;

    WriteResult submit(final LedgerWrites.Write<?> write, final byte[] body, final String key)
            throws LedgerException {
        return writes.submit(caller.caller(), write, body, key);
    }

    /** The shipment is named in the path; a body that names one too must name the same. */
    WriteResult cancel(final String shipmentId, final byte[] body, final String key) throws LedgerException {
        final ObjectNode tree = LedgerWrites.parse(body);
        final JsonNode named = tree.get("shipmentId");
        if (named != null && !(named.isTextual() && named.asText().equals(shipmentId))) {
            throw ApiException.invalid("shipmentId", "differs from the shipment in the path; leave it out");
        }
        tree.put("shipmentId", shipmentId);
        return writes.submit(caller.caller(), writes.check(Writes.CANCEL_SHIPMENT, tree, key), Map.of());
    }

    WriteResult dispense(final byte[] body, final String key) throws LedgerException {
        final LedgerWrites.Checked<DispenseRequest> request = writes.check(Writes.DISPENSE, body, key);
        return submitUse(request, request.body().codes(), Map.of());
    }

    /**
     * The body carries the vaccinee next to the codes; the vaccinee goes to the chaincode as transient data, so it
     * never reaches the ledger or a log.
     */
    WriteResult administer(final byte[] body, final String key) throws LedgerException {
        final ObjectNode tree = LedgerWrites.parse(body);
        final byte[] vaccineeId = transientText(tree.remove(AdministerRequest.VACCINEE_ID),
                AdministerRequest.VACCINEE_ID);
        final byte[] vaccineeSalt = transientText(tree.remove(AdministerRequest.VACCINEE_SALT),
                AdministerRequest.VACCINEE_SALT);
        try {
            AdministerRequest.checkVaccinee(vaccineeId, vaccineeSalt);
        } catch (InvalidRequestException e) {
            final String field = e.field().replace("transient ", "");
            throw ApiException.invalid(field, e.problem());
        }
        final LedgerWrites.Checked<AdministerRequest> request = writes.check(Writes.ADMINISTER, tree, key);
        return submitUse(request, request.body().codes(), Map.of(AdministerRequest.VACCINEE_ID, vaccineeId,
                AdministerRequest.VACCINEE_SALT, vaccineeSalt));
    }

    /** A refused use of codes (dispensed already, destroyed, ...) raises an alert before the refusal is answered. */
    private WriteResult submitUse(final LedgerWrites.Checked<?> request, final List<String> codes,
            final Map<String, byte[]> transientData) throws LedgerException {
        try {
            return writes.submit(caller.caller(), request, transientData);
        } catch (ChaincodeRefusedException e) {
            alerts.onRefusedUse(caller.caller(), codes, e);
            throw e;
        }
    }

    private static byte[] transientText(final JsonNode value, final String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(field, "must be a string");
        }
        return value.asText().getBytes(StandardCharsets.UTF_8);
    }
}
