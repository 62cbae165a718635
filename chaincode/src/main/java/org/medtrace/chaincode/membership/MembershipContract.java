// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.membership;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.membership.Member;
import org.medtrace.chaincode.api.membership.MemberListRequest;
import org.medtrace.chaincode.api.membership.MemberQuery;
import org.medtrace.chaincode.api.membership.MemberRequest;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.core.Access;
import org.medtrace.chaincode.core.Consortium;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.State;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;

/**
 * The member registry: which organisations belong to the consortium, their licences and the roles the consortium
 * grants them. Only the consortium authority (its regulator identities) changes it; its first entry must be the
 * authority registering itself, and every entry carries a key-level endorsement policy requiring the authority's
 * peer, so no other member can write an entry, not even through a peer of its own running a modified chaincode.
 */
@Contract(name = "member", info = @Info(title = "MedTrace member registry", version = "1.0"))
public final class MembershipContract implements TraceabilityContract {

    /**
     * Registers an organisation.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"member": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String register(final Context ctx, final String request) {
        return Transactions.submit(ctx, "member:register", Access.GOVERNANCE, request, MemberRequest.class,
                MembershipContract::register);
    }

    /**
     * Replaces an organisation's entry (licences renewed, roles granted or withdrawn; no roles suspends it).
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"member": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String update(final Context ctx, final String request) {
        return Transactions.submit(ctx, "member:update", Access.GOVERNANCE, request, MemberRequest.class,
                MembershipContract::update);
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"msp": ...}}
     * @return the member's entry
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "member:get", Access.MEMBER, request, MemberQuery.class,
                (tx, req) -> member(tx.state(), req.msp()));
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"pageSize"?, "bookmark"?}}
     * @return {@code {"members": [...], "bookmark"}}, in MSP-id order
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "member:list", Access.MEMBER, request, MemberListRequest.class,
                (tx, req) -> {
                    State.Page<Member> page = tx.state().page(Member.class, req.pageSize(), req.bookmark(),
                            Keys.MEMBER);
                    ObjectNode response = Json.object();
                    response.set("members", Json.node(page.records()));
                    return response.put("bookmark", page.bookmark());
                });
    }

    private static Map<String, ?> register(final Tx tx, final MemberRequest req) {
        requireAuthority(tx);
        if (tx.member() == null && !(req.msp().equals(tx.authority()) && req.roles().contains(Role.REGULATOR))) {
            throw Refusal.of(ErrorCode.ACCESS_DENIED, "the member registry is empty: its first entry must be the "
                    + "consortium authority " + tx.authority() + " registering itself with role regulator");
        }
        String key = Keys.of(Keys.MEMBER, req.msp());
        if (tx.state().exists(key)) {
            throw Refusal.of(ErrorCode.MEMBER_EXISTS, req.msp() + " is registered already; member:update changes "
                    + "its entry");
        }
        return write(tx, req, tx.now(), 1);
    }

    private static Map<String, ?> update(final Tx tx, final MemberRequest req) {
        requireAuthority(tx);
        Member existing = member(tx.state(), req.msp());
        if (req.msp().equals(tx.authority()) && !req.roles().contains(Role.REGULATOR)) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "roles: the consortium authority " + tx.authority()
                    + " must keep role regulator, or nobody could change the member registry");
        }
        return write(tx, req, existing.registeredAt(), existing.version() + 1);
    }

    /**
     * Writes the entry, its key-level endorsement policy and the event that carries the entry written, who wrote it
     * ({@code medtrace.actorMsp}, the entry's {@code updatedBy}) and why ({@code medtrace.reason}).
     */
    private static Map<String, ?> write(final Tx tx, final MemberRequest req, final Instant registeredAt,
            final long version) {
        Member member = new Member(req.msp(), req.legalName(), req.creditCode(), req.licences(), req.roles(),
                registeredAt, tx.now(), tx.caller().id(), tx.caller().msp(), req.reason(), version);
        ObjectNode details = Json.object();
        details.set("member", Json.tree(member));
        tx.event(EventDraft.OBJECT, "OBSERVE", "other", null).epcs(List.of()).reason(req.reason())
                .details(details).record();
        String key = Keys.of(Keys.MEMBER, member.msp());
        tx.state().put(key, member);
        tx.state().endorsementPolicy(key, Consortium.memberKeyPolicy(tx.authority()));
        return Map.of("member", member);
    }

    /** Registry changes are the authority's regulators' alone; a regulator role of another member is not enough. */
    private static void requireAuthority(final Tx tx) {
        tx.requireRole(Role.REGULATOR);
        if (!tx.caller().msp().equals(tx.authority())) {
            throw Refusal.of(ErrorCode.ACCESS_DENIED, "only the consortium authority " + tx.authority()
                    + " may change the member registry, not " + tx.caller().msp());
        }
    }

    private static Member member(final State state, final String msp) {
        Member member = state.get(Keys.of(Keys.MEMBER, msp), Member.class);
        if (member == null) {
            throw Refusal.of(ErrorCode.MEMBER_NOT_FOUND, msp + " has no entry in the member registry");
        }
        return member;
    }
}
