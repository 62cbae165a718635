// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.testcc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A small contract for the dev peer's tests, run through the real shim: each transaction exercises one part of the
 * shim protocol. Values are plain strings; lists come back as {@code a,b,c}.
 */
@Contract(name = "asset")
@Default
public final class AssetContract implements ContractInterface {
    private static final String EVENT = "asset.event";

    /** Writes a key and emits an event with the value. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String put(final Context ctx, final String key, final String value) {
        ctx.getStub().putStringState(key, value);
        ctx.getStub().setEvent(EVENT, ("put " + key + "=" + value).getBytes(StandardCharsets.UTF_8));
        return ctx.getStub().getTxId();
    }

    /** Reads a key (empty if absent). */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String key) {
        return ctx.getStub().getStringState(key);
    }

    /** Reads, then writes the same key: what a peer sees after its own write is the committed value. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String putThenGet(final Context ctx, final String key, final String value) {
        ctx.getStub().putStringState(key, value);
        return ctx.getStub().getStringState(key);
    }

    /** Deletes a key. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void del(final Context ctx, final String key) {
        ctx.getStub().delState(key);
    }

    /** Adds one to a counter: read, then write, the shape of a conflicting update. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String increment(final Context ctx, final String key) {
        final String current = ctx.getStub().getStringState(key);
        final long next = (current == null || current.isEmpty() ? 0 : Long.parseLong(current)) + 1;
        ctx.getStub().putStringState(key, Long.toString(next));
        return Long.toString(next);
    }

    /** Writes a composite key {@code (type, id)}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void putItem(final Context ctx, final String type, final String id, final String value) {
        ctx.getStub().putStringState(ctx.getStub().createCompositeKey(type, id).toString(), value);
    }

    /** Counts the items of a type (a partial composite key query), then records the count under a key. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String countItems(final Context ctx, final String type, final String resultKey) throws Exception {
        int count = 0;
        try (QueryResultsIterator<KeyValue> items = ctx.getStub().getStateByPartialCompositeKey(type)) {
            for (final KeyValue ignored : items) {
                count++;
            }
        }
        ctx.getStub().putStringState(resultKey, Integer.toString(count));
        return Integer.toString(count);
    }

    /** The ids of every item of a type, in key order. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listItems(final Context ctx, final String type) throws Exception {
        final List<String> ids = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> items = ctx.getStub().getStateByPartialCompositeKey(type)) {
            for (final KeyValue item : items) {
                ids.add(ctx.getStub().splitCompositeKey(item.getKey()).getAttributes().get(0));
            }
        }
        return String.join(",", ids);
    }

    /** One page of items: {@code ids|bookmark|fetchedCount}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String pageItems(final Context ctx, final String type, final int pageSize, final String bookmark)
            throws Exception {
        final List<String> ids = new ArrayList<>();
        final CompositeKey partial = ctx.getStub().createCompositeKey(type);
        try (QueryResultsIteratorWithMetadata<KeyValue> page =
                ctx.getStub().getStateByPartialCompositeKeyWithPagination(partial, pageSize, bookmark)) {
            for (final KeyValue item : page) {
                ids.add(ctx.getStub().splitCompositeKey(item.getKey()).getAttributes().get(0));
            }
            return String.join(",", ids) + "|" + page.getMetadata().getBookmark() + "|"
                    + page.getMetadata().getFetchedRecordsCount();
        }
    }

    /** A paginated query followed by a write: Fabric refuses the write. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void pageThenWrite(final Context ctx, final String type) throws Exception {
        final CompositeKey partial = ctx.getStub().createCompositeKey(type);
        try (QueryResultsIteratorWithMetadata<KeyValue> page =
                ctx.getStub().getStateByPartialCompositeKeyWithPagination(partial, 10, "")) {
            page.forEach(item -> { });
        }
        ctx.getStub().putStringState("after-page", "x");
    }

    /** A simple-key range {@code [start, end)}: {@code key=value} pairs. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String range(final Context ctx, final String start, final String end) throws Exception {
        final List<String> pairs = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = ctx.getStub().getStateByRange(start, end)) {
            for (final KeyValue kv : results) {
                pairs.add(kv.getKey() + "=" + kv.getStringValue());
            }
        }
        return String.join(",", pairs);
    }

    /** The key's history, newest first: {@code txId:value:deleted} entries separated by commas. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(final Context ctx, final String key) throws Exception {
        final List<String> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = ctx.getStub().getHistoryForKey(key)) {
            for (final KeyModification modification : results) {
                entries.add(modification.getTxId() + ":" + modification.getStringValue() + ":"
                        + modification.isDeleted() + ":" + modification.getTimestamp().toEpochMilli());
            }
        }
        return String.join(",", entries);
    }

    /** What the shim saw of the caller: {@code msp|role|txId|timestampMillis|transient}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String whoami(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        final Map<String, byte[]> transientData = stub.getTransient();
        final byte[] secret = transientData.get("secret");
        return ctx.getClientIdentity().getMSPID() + "|" + ctx.getClientIdentity().getAttributeValue("role") + "|"
                + stub.getTxId() + "|" + stub.getTxTimestamp().toEpochMilli() + "|"
                + (secret == null ? "" : new String(secret, StandardCharsets.UTF_8));
    }

    /** Sets a state metadata entry on a key. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void setMeta(final Context ctx, final String key, final String name, final String value) {
        ctx.getStub().setStateValidationParameter(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets a key's key-level endorsement policy the way chaincode does (the shim's state-based endorsement): a peer
     * of each listed organisation (comma-separated MSP ids) must endorse changes to the key.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void setKeyPeers(final Context ctx, final String key, final String mspIds) {
        final StateBasedEndorsement endorsement = StateBasedEndorsementFactory.getInstance()
                .newStateBasedEndorsement(null);
        endorsement.addOrgs(StateBasedEndorsement.RoleType.RoleTypePeer, mspIds.split(","));
        ctx.getStub().setStateValidationParameter(key, endorsement.policy());
    }

    /** Reads the validation-parameter metadata of a key. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getMeta(final Context ctx, final String key) {
        final byte[] value = ctx.getStub().getStateValidationParameter(key);
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }

    /** Always refuses, with a coded message as the project's chaincode does. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void fail(final Context ctx, final String message) {
        throw new ChaincodeException("[TEST_FAILURE] " + message, "TEST_FAILURE");
    }

    /** Writes {@code count} keys {@code prefix-0..} in one transaction. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void putMany(final Context ctx, final String prefix, final int count) {
        for (int i = 0; i < count; i++) {
            ctx.getStub().putStringState(String.format("%s-%05d", prefix, i), Integer.toString(i));
        }
    }
}
