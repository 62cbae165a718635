// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.ChaincodeRefusedException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerService;

/** {@link LedgerUnits} through the chaincode's {@code unit:get}, evaluated on the peer (nothing is written). */
@ApplicationScoped
public class LedgerUnitLookup implements LedgerUnits {

    private final LedgerService ledger;
    private final ObjectMapper mapper;

    /**
     * @param ledger the ledger
     * @param mapper JSON mapper
     */
    @Inject
    public LedgerUnitLookup(final LedgerService ledger, final ObjectMapper mapper) {
        this.ledger = ledger;
        this.mapper = mapper;
    }

    @Override
    public boolean onLedger(final Caller caller, final String code) {
        final byte[] request;
        try {
            request = mapper.writeValueAsBytes(Map.of("id", code));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request", e);
        }
        try {
            ledger.client().evaluate(caller.identity(), "unit:get", request);
            return true;
        } catch (ChaincodeRefusedException e) {
            return false; // UNIT_NOT_FOUND, or a code the chaincode would not even take as an identifier
        } catch (LedgerException e) {
            throw new ApiException(503, "LEDGER_UNAVAILABLE", "code " + code + " is not in the read model and the"
                    + " ledger cannot be asked whether it knows it right now (" + e.getMessage() + "); scan again",
                    List.of());
        }
    }
}
