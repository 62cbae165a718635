// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.members;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.medtrace.chaincode.api.CommonFields;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.membership.Grants;
import org.medtrace.chaincode.api.membership.Member;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.projection.ProjectionService;
import org.medtrace.gateway.provenance.MasterData;

/**
 * The gateway's own role checks, for what it answers without the ledger (regulator-only reads, recall scopes,
 * closing telemetry windows): the same rule the chaincode applies to every transaction. A caller acts in a role only
 * if its identity's role attribute names it AND the member registry grants it to the caller's organisation AND any
 * licence the role needs is valid today ({@link Grants#refusal}, shared with the chaincode). The registry is read
 * from the read model; a refusal is checked again once the read model has caught up with the ledger (briefly), so
 * that a grant committed a moment ago counts.
 */
@ApplicationScoped
public class RoleGrants {

    private static final Logger LOG = Logger.getLogger(RoleGrants.class.getName());
    /** How long a refusal waits for the read model to catch up with the ledger before it stands. */
    static final long CATCH_UP_WAIT_MS = 5_000;

    private final MasterData masterData;
    private final ProjectionService projection;

    /**
     * @param masterData the read model
     * @param projection the projection, to wait for
     */
    @Inject
    public RoleGrants(final MasterData masterData, final ProjectionService projection) {
        this.masterData = masterData;
        this.projection = projection;
    }

    /**
     * @param caller the caller
     * @param role the role it would act in
     * @return null if it may; otherwise why not, naming the missing grant
     */
    public String refusal(final Caller caller, final Role role) {
        if (!role.wire().equals(caller.role())) {
            return caller.clientId() + " acts as " + caller.identity() + " with role '" + caller.role() + "', not '"
                    + role + "'";
        }
        final String first = registryRefusal(caller.mspId(), role);
        if (first == null || !caughtUp(caller)) {
            return first;
        }
        return registryRefusal(caller.mspId(), role);
    }

    /**
     * @param caller the caller
     * @param role the role
     * @return true if it acts in the role (see {@link #refusal})
     */
    public boolean holds(final Caller caller, final Role role) {
        return refusal(caller, role) == null;
    }

    /**
     * @param caller the caller
     * @param role the role the operation needs
     * @param operation what needs it, for the message ("regulator queries")
     * @throws ApiException 403 ACCESS_DENIED naming the missing grant
     */
    public void require(final Caller caller, final Role role, final String operation) {
        final String refusal = refusal(caller, role);
        if (refusal != null) {
            throw ApiException.forbidden(operation + " need role '" + role + "': " + refusal);
        }
    }

    /**
     * @param msp an organisation
     * @return its registry entry as the read model holds it
     */
    public Optional<Member> member(final String msp) {
        return masterData.read(c -> Jdbc.first(c, "SELECT entry::text FROM member WHERE msp = ?",
                rs -> Json.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), Member.class), msp));
    }

    private String registryRefusal(final String msp, final Role role) {
        final LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.of(CommonFields.DEFAULT_OFFSET));
        return Grants.refusal(member(msp).orElse(null), msp, role, today);
    }

    /** @return true if the read model has (now) caught up with the ledger, so that a second look is worth it */
    private boolean caughtUp(final Caller caller) {
        try {
            return projection.awaitCurrent(caller.identity(), CATCH_UP_WAIT_MS);
        } catch (LedgerException e) {
            LOG.fine(() -> "cannot tell whether the read model is current: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
