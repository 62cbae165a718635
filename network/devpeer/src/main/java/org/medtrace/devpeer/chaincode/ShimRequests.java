// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.DelState;
import org.hyperledger.fabric.protos.peer.GetHistoryForKey;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.GetStateByRange;
import org.hyperledger.fabric.protos.peer.GetStateMetadata;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.PutStateMetadata;
import org.hyperledger.fabric.protos.peer.QueryMetadata;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.QueryResultBytes;
import org.hyperledger.fabric.protos.peer.QueryStateClose;
import org.hyperledger.fabric.protos.peer.QueryStateNext;
import org.medtrace.devpeer.ledger.Simulation;
import org.medtrace.devpeer.ledger.SimulationException;

/**
 * Answers the chaincode's requests during a transaction, as Fabric's chaincode handler does: state reads and writes
 * against the simulation, range and history queries in batches of {@value #BATCH_SIZE} with {@code has_more}.
 * Private data, rich (CouchDB) queries and chaincode-to-chaincode calls are refused: the project's chaincode uses
 * none of them.
 */
final class ShimRequests {
    /** Fabric's {@code maxResultLimit}: results per QueryResponse. */
    static final int BATCH_SIZE = 100;

    private ShimRequests() {
    }

    static ChaincodeMessage handle(final CcaasRuntime.Invocation invocation, final ChaincodeMessage message) {
        try {
            return response(message, dispatch(invocation, message));
        } catch (final SimulationException e) {
            return error(message, e.getMessage());
        } catch (final InvalidProtocolBufferException e) {
            return error(message, "malformed " + message.getType() + " payload: " + e.getMessage());
        } catch (final RuntimeException e) {
            return error(message, message.getType() + " failed: " + e.getMessage());
        }
    }

    private static ByteString dispatch(final CcaasRuntime.Invocation invocation, final ChaincodeMessage message)
            throws SimulationException, InvalidProtocolBufferException {
        final Simulation simulation = invocation.simulation();
        final String ns = namespace(invocation);
        switch (message.getType()) {
            case GET_STATE: {
                final GetState request = GetState.parseFrom(message.getPayload());
                noPrivateData(request.getCollection());
                final byte[] value = simulation.getState(ns, request.getKey());
                return value == null ? ByteString.EMPTY : ByteString.copyFrom(value);
            }
            case PUT_STATE: {
                final PutState request = PutState.parseFrom(message.getPayload());
                noPrivateData(request.getCollection());
                simulation.putState(ns, request.getKey(), request.getValue());
                return ByteString.EMPTY;
            }
            case DEL_STATE: {
                final DelState request = DelState.parseFrom(message.getPayload());
                noPrivateData(request.getCollection());
                simulation.deleteState(ns, request.getKey());
                return ByteString.EMPTY;
            }
            case GET_STATE_METADATA: {
                final GetStateMetadata request = GetStateMetadata.parseFrom(message.getPayload());
                noPrivateData(request.getCollection());
                return simulation.getStateMetadata(ns, request.getKey()).toByteString();
            }
            case PUT_STATE_METADATA: {
                final PutStateMetadata request = PutStateMetadata.parseFrom(message.getPayload());
                noPrivateData(request.getCollection());
                simulation.putStateMetadata(ns, request.getKey(), request.getMetadata().getMetakey(),
                        request.getMetadata().getValue());
                return ByteString.EMPTY;
            }
            case GET_STATE_BY_RANGE:
                return openRange(invocation, GetStateByRange.parseFrom(message.getPayload()));
            case GET_HISTORY_FOR_KEY: {
                final Simulation.HistoryQuery query =
                        simulation.historyQuery(ns, GetHistoryForKey.parseFrom(message.getPayload()).getKey());
                return historyBatch(invocation, invocation.queries().add(query), query);
            }
            case QUERY_STATE_NEXT:
                return next(invocation, QueryStateNext.parseFrom(message.getPayload()).getId());
            case QUERY_STATE_CLOSE: {
                final String id = QueryStateClose.parseFrom(message.getPayload()).getId();
                invocation.queries().remove(id);
                return QueryResponse.newBuilder().setId(id).setHasMore(false).build().toByteString();
            }
            case GET_QUERY_RESULT:
                throw new SimulationException("rich queries are not supported: the dev peer's state database"
                        + " behaves like LevelDB (ExecuteQuery not supported for leveldb)");
            case INVOKE_CHAINCODE:
                throw new SimulationException("chaincode-to-chaincode invocation is not supported by the dev peer");
            case GET_PRIVATE_DATA_HASH:
            case PURGE_PRIVATE_DATA:
                throw new SimulationException("private data is not supported by the dev peer");
            default:
                throw new SimulationException("unsupported request " + message.getType());
        }
    }

    private static ByteString openRange(final CcaasRuntime.Invocation invocation, final GetStateByRange request)
            throws SimulationException, InvalidProtocolBufferException {
        noPrivateData(request.getCollection());
        int pageSize = 0;
        String bookmark = "";
        if (!request.getMetadata().isEmpty()) {
            final QueryMetadata metadata = QueryMetadata.parseFrom(request.getMetadata());
            pageSize = metadata.getPageSize();
            bookmark = metadata.getBookmark();
            if (pageSize <= 0) {
                throw new SimulationException("a paginated query needs a positive page size");
            }
        }
        final Simulation.RangeQuery query = invocation.simulation().rangeQuery(namespace(invocation),
                request.getStartKey(), request.getEndKey(), pageSize, bookmark);
        final String id = invocation.queries().add(query);
        if (pageSize > 0) {
            // The shim reads a paginated query's metadata from the first response, so the whole page goes in it.
            final List<KV> page = query.fetch(pageSize);
            invocation.queries().remove(id);
            final QueryResponse.Builder response = QueryResponse.newBuilder().setId(id).setHasMore(false);
            page.forEach(kv -> response.addResults(QueryResultBytes.newBuilder().setResultBytes(kv.toByteString())));
            return response.setMetadata(QueryResponseMetadata.newBuilder().setFetchedRecordsCount(page.size())
                    .setBookmark(query.bookmark()).build().toByteString()).build().toByteString();
        }
        return rangeBatch(invocation, id, query);
    }

    private static ByteString next(final CcaasRuntime.Invocation invocation, final String id)
            throws SimulationException {
        final Object cursor = invocation.queries().get(id);
        if (cursor instanceof Simulation.RangeQuery) {
            return rangeBatch(invocation, id, (Simulation.RangeQuery) cursor);
        }
        if (cursor instanceof Simulation.HistoryQuery) {
            return historyBatch(invocation, id, (Simulation.HistoryQuery) cursor);
        }
        throw new SimulationException("query iterator not found: " + id);
    }

    private static ByteString rangeBatch(final CcaasRuntime.Invocation invocation, final String id,
            final Simulation.RangeQuery query) {
        final QueryResponse.Builder response = QueryResponse.newBuilder().setId(id);
        query.fetch(BATCH_SIZE).forEach(kv ->
                response.addResults(QueryResultBytes.newBuilder().setResultBytes(kv.toByteString())));
        response.setHasMore(!query.done());
        if (query.done()) {
            invocation.queries().remove(id);
        }
        return response.build().toByteString();
    }

    private static ByteString historyBatch(final CcaasRuntime.Invocation invocation, final String id,
            final Simulation.HistoryQuery query) {
        final QueryResponse.Builder response = QueryResponse.newBuilder().setId(id);
        for (final KeyModification modification : query.fetch(BATCH_SIZE)) {
            response.addResults(QueryResultBytes.newBuilder().setResultBytes(modification.toByteString()));
        }
        response.setHasMore(!query.done());
        if (query.done()) {
            invocation.queries().remove(id);
        }
        return response.build().toByteString();
    }

    private static String namespace(final CcaasRuntime.Invocation invocation) {
        return invocation.chaincodeName();
    }

    private static void noPrivateData(final String collection) throws SimulationException {
        if (!collection.isEmpty()) {
            throw new SimulationException("private data is not supported by the dev peer (collection "
                    + collection + ")");
        }
    }

    static ChaincodeMessage response(final ChaincodeMessage request, final ByteString payload) {
        return ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.RESPONSE).setPayload(payload)
                .setTxid(request.getTxid()).setChannelId(request.getChannelId()).build();
    }

    static ChaincodeMessage error(final ChaincodeMessage request, final String message) {
        return ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.ERROR)
                .setPayload(ByteString.copyFrom(message, StandardCharsets.UTF_8))
                .setTxid(request.getTxid()).setChannelId(request.getChannelId()).build();
    }
}
