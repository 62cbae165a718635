// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An enrolled identity's files: an X.509 certificate (with the fabric-ca {@code role} attribute) and its PKCS#8 EC
 * private key, both PEM.
 */
public final class EnrolledIdentity {
    private final String mspId;
    private final String name;
    private final String role;
    private final Path certificatePem;
    private final Path privateKeyPem;

    /** Creates the value; every argument is required. */
    public EnrolledIdentity(final String mspId, final String name, final String role, final Path certificatePem,
            final Path privateKeyPem) {
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.certificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
        this.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    }

    /** The organisation. */
    public String mspId() {
        return mspId;
    }

    /** The enrolment name (the certificate's common name). */
    public String name() {
        return name;
    }

    /** The {@code role} attribute. */
    public String role() {
        return role;
    }

    /** Path of the PEM certificate. */
    public Path certificatePem() {
        return certificatePem;
    }

    /** Path of the PEM PKCS#8 private key. */
    public Path privateKeyPem() {
        return privateKeyPem;
    }

    @Override
    public String toString() {
        return mspId + "/" + name + " (" + role + ")";
    }
}
