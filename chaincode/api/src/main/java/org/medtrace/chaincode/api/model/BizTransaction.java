// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

/**
 * A business document a shipment refers to (EPCIS bizTransaction).
 *
 * @param type CBV type: desadv, inv, po, ...
 * @param id the document's id
 */
public record BizTransaction(String type, String id) {
}
