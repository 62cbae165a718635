// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Response;

/** What a chaincode invocation returned: its response and its event (null if it set none). */
public final class ChaincodeResult {
    private final Response response;
    private final ChaincodeEvent event;

    /** Creates the value. */
    public ChaincodeResult(final Response response, final ChaincodeEvent event) {
        this.response = response;
        this.event = event;
    }

    /** The chaincode's response (status 200 for success, 500 for a chaincode error). */
    public Response response() {
        return response;
    }

    /** The chaincode event, with chaincode id and transaction id filled in by the peer, or null. */
    public ChaincodeEvent event() {
        return event;
    }
}
