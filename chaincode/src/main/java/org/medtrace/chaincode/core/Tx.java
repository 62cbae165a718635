// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.medtrace.chaincode.api.CommonFields;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.membership.Grants;
import org.medtrace.chaincode.api.membership.Member;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.parameter.LedgerParameters;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.event.EventLog;

/**
 * One running transaction: its id and timestamp ("now"), the caller, typed state access, the request's common
 * fields and the events it writes. Rules receive it instead of the raw stub.
 */
public final class Tx {
    private final ChaincodeStub stub;
    private final String name;
    private final String txId;
    private final Instant now;
    private final Caller caller;
    private final State state;
    private final String authority;
    private final Member member;
    private CommonFields common;
    private EventLog events;
    private int treeNodesVisited;

    private Tx(final Context ctx, final String name, final Access access) {
        this.stub = ctx.getStub();
        this.name = name;
        this.txId = stub.getTxId();
        this.now = stub.getTxTimestamp().truncatedTo(ChronoUnit.MILLIS);
        this.authority = Consortium.authority(System.getenv());
        this.caller = Caller.of(ctx.getClientIdentity());
        this.state = new State(stub);
        this.member = state.get(Keys.of(Keys.MEMBER, caller.msp()), Member.class);
        requireAccess(access);
    }

    static Tx begin(final Context ctx, final String name, final Access access) {
        return new Tx(ctx, name, access);
    }

    /**
     * The grant check every transaction passes before its rule runs: a certificate's role attribute alone proves
     * nothing, since each organisation runs its own CA; the consortium's registry must grant the role as well.
     */
    private void requireAccess(final Access access) {
        if (access == Access.MEMBER && member != null) {
            return;
        }
        if (access == Access.GOVERNANCE && member == null && caller.msp().equals(authority)) {
            return;
        }
        String refusal = Grants.refusal(member, caller.msp(), caller.role(), licenceDate());
        if (refusal != null) {
            throw Refusal.of(ErrorCode.ACCESS_DENIED, caller.msp() + " may not call " + name + " as "
                    + caller.role() + ": " + refusal);
        }
    }

    /**
     * @return the date on which licences must be valid: the transaction timestamp's date in China
     *     ({@value CommonFields#DEFAULT_OFFSET}), where the licences are issued
     */
    public LocalDate licenceDate() {
        return LocalDate.ofInstant(now, ZoneOffset.of(CommonFields.DEFAULT_OFFSET));
    }

    /** @return the consortium authority's MSP id */
    public String authority() {
        return authority;
    }

    /** @return the caller's organisation's registry entry (null only while the authority bootstraps) */
    public Member member() {
        return member;
    }

    void attach(final CommonFields fields) {
        if (fields.eventTime() != null) {
            requireNotAhead("eventTime", fields.eventTime());
        }
        this.common = fields;
        this.events = new EventLog(new EventDraft.Context(eventTime(), fields.eventTimeZoneOffset(),
                fields.readPoint(), fields.bizLocation(), name, caller.msp(), caller.role().wire(),
                fields.clientEventId()));
    }

    /** @return the transaction name, e.g. {@code unit:commission} */
    public String name() {
        return name;
    }

    /** @return the ledger transaction id */
    public String txId() {
        return txId;
    }

    /** @return the transaction timestamp, to the millisecond: "now" for every rule */
    public Instant now() {
        return now;
    }

    /** @return today's date at the event's offset ({@code +08:00} by default), for expiry checks */
    public LocalDate today() {
        ZoneOffset offset = common == null ? ZoneOffset.of(CommonFields.DEFAULT_OFFSET) : common.zoneOffset();
        return LocalDate.ofInstant(now, offset);
    }

    /** @return when the physical event happened: the request's eventTime, or now */
    public Instant eventTime() {
        return common == null || common.eventTime() == null ? now : common.eventTime();
    }

    /**
     * An event time (or a telemetry window) may lie at most the ledger parameter {@code eventTimeSkewSeconds} after
     * the transaction timestamp: clocks differ a little, the future does not happen. The parameter is read only
     * when the time lies ahead, so most transactions do not read it.
     *
     * @param field the request field, named in the refusal
     * @param time the time
     * @throws Refusal INVALID_ARGUMENT if it lies further ahead
     */
    public void requireNotAhead(final String field, final Instant time) {
        if (!time.isAfter(now)) {
            return;
        }
        long skew = Parameters.value(state, LedgerParameters.EVENT_TIME_SKEW_SECONDS);
        if (time.isAfter(now.plusSeconds(skew))) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field + ": " + Json.instant(time) + " lies more than "
                    + skew + " seconds after the transaction timestamp " + Json.instant(now) + " (ledger parameter "
                    + LedgerParameters.EVENT_TIME_SKEW_SECONDS.name() + ")");
        }
    }

    /** @return the caller */
    public Caller caller() {
        return caller;
    }

    /** @return the request's common fields (submit transactions) */
    public CommonFields common() {
        return common;
    }

    /** @return typed world-state access */
    public State state() {
        return state;
    }

    /** @return the transient data of the proposal (never written to the ledger) */
    public Map<String, byte[]> transientData() {
        Map<String, byte[]> data = stub.getTransient();
        return data == null ? Map.of() : data;
    }

    /** @return a new event draft of this transaction */
    public EventDraft event(final String type, final String action, final String bizStep,
            final String disposition) {
        return events.draft(type, action, bizStep, disposition);
    }

    EventLog events() {
        return events;
    }

    ChaincodeStub stub() {
        return stub;
    }

    /**
     * @param roles the roles allowed
     * @throws Refusal ACCESS_DENIED if the caller has none of them
     */
    public void requireRole(final Role... roles) {
        if (!caller.hasRole(roles)) {
            throw Refusal.of(ErrorCode.ACCESS_DENIED, "role " + caller.role() + " of " + caller.msp()
                    + " may not call " + name + "; allowed: "
                    + Arrays.stream(roles).map(Role::wire).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Counts nodes visited by tree walks against the per-transaction limit.
     *
     * @throws Refusal LIMIT_EXCEEDED beyond {@link Limits#TREE_NODES_MAX}
     */
    public void visitTreeNode() {
        treeNodesVisited++;
        if (treeNodesVisited > Limits.TREE_NODES_MAX) {
            throw Refusal.of(ErrorCode.LIMIT_EXCEEDED, name + " would visit more than " + Limits.TREE_NODES_MAX
                    + " codes (with everything packed inside them) in one transaction");
        }
    }
}
