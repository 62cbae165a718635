// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.function.Supplier;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/** gRPC errors shaped like Fabric's gateway: a status code, a message, and ErrorDetail entries naming this peer. */
final class Errors {
    private final Supplier<String> address;
    private final String mspId;

    Errors(final Supplier<String> address, final String mspId) {
        this.address = address;
        this.mspId = mspId;
    }

    /** An error with no details. */
    static StatusRuntimeException plain(final Status.Code code, final String message) {
        return Status.fromCode(code).withDescription(message).asRuntimeException();
    }

    /** What one hosted peer reported, for an ErrorDetail. */
    record Detail(String mspId, String message) {
    }

    /** An error with an ErrorDetail for each hosted peer that reported (they share this service's address). */
    StatusRuntimeException withDetails(final Status.Code code, final String message, final List<Detail> details) {
        final com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code.value())
                .setMessage(message);
        for (final Detail detail : details) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder().setAddress(address.get()).setMspId(detail.mspId())
                    .setMessage(detail.message()).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** An error with one ErrorDetail from this peer. */
    StatusRuntimeException withDetail(final Status.Code code, final String message, final String detail) {
        final ErrorDetail errorDetail = ErrorDetail.newBuilder().setAddress(address.get()).setMspId(mspId)
                .setMessage(detail).build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(code.value())
                .setMessage(message).addDetails(Any.pack(errorDetail)).build());
    }
}
