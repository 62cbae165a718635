// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.medtrace.gateway.app.MedtraceConfig;
import org.medtrace.gateway.ledger.LedgerIdentity;
import org.medtrace.gateway.ledger.LedgerService;

/**
 * Maps a TLS client certificate to the ledger identity it belongs to. The TLS layer has already verified the chain
 * against its trust store, which holds every organisation's CA; that alone would let a certificate of one
 * organisation's CA name an identity of another. So here each organisation (MSP id) has its one configured CA
 * certificate, and a certificate maps to an identity only if the CA that signed it (same subject DN, and the signature
 * verifies with that CA's key) is the CA of that identity's own organisation, it is within its validity, and its
 * subject CN is that identity's name. The caller then acts as the identity, with its organisation and role.
 */
@Singleton
final class ClientCertificates {

    /**
     * The outcome: a caller, or why the certificate is refused.
     *
     * @param caller the caller, or null when refused
     * @param refusal why, or null when accepted
     */
    record Outcome(Caller caller, String refusal) {

        static Outcome refused(final String why) {
            return new Outcome(null, why);
        }

        Optional<Caller> accepted() {
            return Optional.ofNullable(caller);
        }
    }

    /** Each organisation's CA, by MSP id, in MSP id order. */
    private final Map<String, X509Certificate> caByMsp;
    private final Map<String, LedgerIdentity> identities;

    @Inject
    ClientCertificates(final MedtraceConfig config, final LedgerService ledger) {
        this(caCertificates(ledger.network().organizationCaCertificates(), config.auth().clientCaCertificates()),
                ledger.network().identities());
    }

    /**
     * @param caByMsp each organisation's CA certificate, by MSP id
     * @param identities the ledger identities; those of an organisation without a CA cannot be reached by
     *     certificate
     * @throws IllegalStateException if one CA certificate is given for two organisations: it could then name the
     *     identities of both
     */
    ClientCertificates(final Map<String, X509Certificate> caByMsp, final List<LedgerIdentity> identities) {
        final Map<X509Certificate, String> mspByCa = new HashMap<>();
        caByMsp.forEach((msp, ca) -> {
            final String other = mspByCa.putIfAbsent(ca, msp);
            if (other != null) {
                throw new IllegalStateException("the same client CA certificate " + ca.getSubjectX500Principal()
                        .getName() + " is configured for " + other + " and " + msp + "; each organisation has its own");
            }
        });
        this.caByMsp = Collections.unmodifiableMap(new TreeMap<>(caByMsp));
        final Map<String, LedgerIdentity> byName = new HashMap<>();
        identities.forEach(identity -> byName.put(identity.name(), identity));
        this.identities = Map.copyOf(byName);
    }

    /**
     * @param certificate the client's certificate (the first of the TLS peer chain)
     * @param now the time to check validity at
     * @return the caller it authenticates, or the reason it does not
     */
    Outcome authenticate(final X509Certificate certificate, final Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return Outcome.refused("client certificate expired at " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return Outcome.refused("client certificate not valid before " + certificate.getNotBefore().toInstant());
        }
        final Optional<String> issuer = caByMsp.entrySet().stream()
                .filter(e -> signedBy(certificate, e.getValue())).map(Map.Entry::getKey).findFirst();
        if (issuer.isEmpty()) {
            return Outcome.refused("unknown organisation: the client certificate's issuer "
                    + certificate.getIssuerX500Principal().getName() + " is no organisation CA of this gateway");
        }
        final String name = commonName(certificate);
        final LedgerIdentity identity = name == null ? null : identities.get(name);
        if (identity == null || !identity.mspId().equals(issuer.get())) {
            // an identity of another organisation is, for this CA, no identity at all
            return Outcome.refused("no such identity: no ledger identity named " + name + " in organisation "
                    + issuer.get());
        }
        return new Outcome(Caller.actingAs(identity.name(), identity), null);
    }

    /** Same issuer DN as the CA's subject, and the signature verifies with the CA's key. */
    private static boolean signedBy(final X509Certificate certificate, final X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String commonName(final X509Certificate certificate) {
        try {
            final List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            final List<String> names = rdns.stream().filter(r -> r.getType().equalsIgnoreCase("CN"))
                    .map(r -> String.valueOf(r.getValue())).toList();
            return names.size() == 1 ? names.get(0) : null; // none or several: names no one
        } catch (InvalidNameException e) {
            return null;
        }
    }

    /** The network's organisation CAs (embedded: the dev peer's), then the configured ones, which win. */
    private static Map<String, X509Certificate> caCertificates(final Map<String, Path> network,
            final Map<String, Path> configured) {
        final Map<String, X509Certificate> cas = new HashMap<>();
        network.forEach((msp, path) -> cas.put(msp, read(path)));
        configured.forEach((msp, path) -> cas.put(msp, read(path)));
        return cas;
    }

    private static X509Certificate read(final Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate " + pem, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("not a PEM X.509 certificate: " + pem, e);
        }
    }
}
