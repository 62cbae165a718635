// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;

/** A deserialized identity whose certificate chains to its MSP's CA. */
public final class Creator {
    private final String mspId;
    private final X509Certificate certificate;
    private final Crypto.Verifier verifier;
    private final MSPRoleType nodeRole;

    Creator(final String mspId, final X509Certificate certificate) {
        this.mspId = mspId;
        this.certificate = certificate;
        this.verifier = Crypto.verifier(certificate.getPublicKey());
        this.nodeRole = nodeRole(certificate);
    }

    /**
     * The NodeOU role, from the subject's OU as Fabric's MSP classifies it with NodeOUs enabled ({@code peer},
     * {@code client}, {@code admin}, {@code orderer}); MEMBER if the subject names none of them.
     */
    public MSPRoleType nodeRole() {
        return nodeRole;
    }

    static MSPRoleType nodeRole(final X509Certificate certificate) {
        try {
            for (final Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("OU")) {
                    switch (String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT)) {
                        case "peer":
                            return MSPRoleType.PEER;
                        case "client":
                            return MSPRoleType.CLIENT;
                        case "admin":
                            return MSPRoleType.ADMIN;
                        case "orderer":
                            return MSPRoleType.ORDERER;
                        default:
                            break;
                    }
                }
            }
        } catch (final InvalidNameException e) {
            return MSPRoleType.MEMBER;
        }
        return MSPRoleType.MEMBER;
    }

    /** The organisation. */
    public String mspId() {
        return mspId;
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** True if the signature is a valid low-S ECDSA-SHA256 signature of this identity over the data. */
    public boolean verify(final byte[] data, final byte[] signature) {
        return verifier.verify(data, signature);
    }
}
