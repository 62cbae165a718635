// SPDX-License-Identifier: Apache-2.0
/**
 * Fabric signature policies: the text syntax {@code peer lifecycle chaincode approveformyorg --signature-policy}
 * takes ({@code AND}, {@code OR}, {@code OutOf} over {@code 'MSP.role'} principals), the
 * {@code SignaturePolicyEnvelope} it compiles to (also what a chaincode stores as a key's validation parameter), and
 * evaluation over a set of signers as Fabric's cauthdsl does it.
 */
package org.medtrace.devpeer.policy;
