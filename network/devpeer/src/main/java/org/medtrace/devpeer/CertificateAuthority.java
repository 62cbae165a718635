// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.nio.file.Path;
import java.util.List;

/**
 * The dev peer's certificate authorities: one per organisation (MSP id), as in Fabric, each issuing enrolment
 * certificates that carry the fabric-ca {@code role} attribute.
 *
 * <pre>{@code
 * EnrolledIdentity alice = peer.certificateAuthority().enroll("HuaxiaVaccineMSP", "alice", "manufacturer");
 * X509Identity identity = new X509Identity(alice.mspId(), Identities.readX509Certificate(
 *         Files.newBufferedReader(alice.certificatePem())));
 * }</pre>
 */
public interface CertificateAuthority {
    /**
     * Issues (or, if it already exists with the same role, loads) an identity.
     *
     * @param mspId one of the configured organisations
     * @param name 1..64 characters {@code [A-Za-z0-9._-]}, unique within the organisation
     * @param role the fabric-ca {@code role} attribute value, 1..64 characters {@code [A-Za-z0-9._-]}
     * @return the identity's files
     * @throws IllegalArgumentException for an unknown organisation, a bad name or role, or a name enrolled with
     *     another role
     * @throws java.io.UncheckedIOException if the files cannot be written
     */
    EnrolledIdentity enroll(String mspId, String name, String role);

    /** The configured organisations (MSP ids), in configuration order. */
    List<String> organizations();

    /**
     * The PEM root certificate of an organisation's CA.
     *
     * @throws IllegalArgumentException for an unknown organisation
     */
    Path caCertificate(String mspId);
}
