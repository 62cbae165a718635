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
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.medtrace.gateway.app.MedtraceConfig;
import org.medtrace.gateway.ledger.LedgerIdentity;
import org.medtrace.gateway.ledger.LedgerService;

/**
 * Maps a TLS client certificate to the ledger identity it belongs to. The TLS layer has already verified the chain
 * against its trust store, which holds every organisation's CA; that alone would let a certificate of one
 * organisation's CA name an identity of another. So here the certificate must be signed by the very CA certificate
 * that signed the named identity's own ledger certificate (same subject DN and the signature verifies with that CA's
 * key), be within its validity, and its subject CN must be that identity's name. The caller then acts as the identity,
 * with its organisation and role.
 */
@Singleton
final class ClientCertificates {

    /** One trusted organisation CA and the ledger identities it issued, by name. */
    private record Organisation(X509Certificate ca, Map<String, LedgerIdentity> identities) {
    }

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

    private final List<Organisation> organisations;

    @Inject
    ClientCertificates(final MedtraceConfig config, final LedgerService ledger) {
        this(caCertificates(ledger.network().organizationCaCertificates(),
                config.auth().clientCaCertificates().orElse(List.of())), ledger.network().identities());
    }

    /**
     * @param cas the trusted organisation CA certificates
     * @param identities the ledger identities; those signed by none of the CAs cannot be reached by certificate
     */
    ClientCertificates(final List<X509Certificate> cas, final List<LedgerIdentity> identities) {
        final Map<X509Certificate, Map<String, LedgerIdentity>> byCa = new LinkedHashMap<>();
        cas.forEach(ca -> byCa.putIfAbsent(ca, new LinkedHashMap<>()));
        for (final LedgerIdentity identity : identities) {
            final X509Certificate certificate = read(identity.certificate());
            byCa.keySet().stream().filter(ca -> signedBy(certificate, ca)).findFirst()
                    .ifPresent(ca -> byCa.get(ca).put(identity.name(), identity));
        }
        final List<Organisation> list = new ArrayList<>();
        byCa.forEach((ca, named) -> list.add(new Organisation(ca, Map.copyOf(named))));
        this.organisations = List.copyOf(list);
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
        final Optional<Organisation> issuer = organisations.stream().filter(o -> signedBy(certificate, o.ca()))
                .findFirst();
        if (issuer.isEmpty()) {
            return Outcome.refused("unknown organisation: the client certificate's issuer "
                    + certificate.getIssuerX500Principal().getName() + " is no organisation CA of this gateway");
        }
        final String name = commonName(certificate);
        final LedgerIdentity identity = name == null ? null : issuer.get().identities().get(name);
        if (identity == null) {
            return Outcome.refused("no such identity: no ledger identity named " + name + " in organisation "
                    + mspIds(issuer.get()));
        }
        return new Outcome(Caller.actingAs(identity.name(), identity), null);
    }

    private static String mspIds(final Organisation organisation) {
        final TreeSet<String> ids = new TreeSet<>();
        organisation.identities().values().forEach(i -> ids.add(i.mspId()));
        return ids.isEmpty() ? organisation.ca().getSubjectX500Principal().getName() : String.join(",", ids);
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

    private static List<X509Certificate> caCertificates(final List<Path> network, final List<Path> configured) {
        final List<X509Certificate> cas = new ArrayList<>();
        network.forEach(path -> cas.add(read(path)));
        configured.forEach(path -> cas.add(read(path)));
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
