// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM encoding of X.509 certificates and PKCS#8 private keys, and atomic writes of both. */
public final class Pem {
    private Pem() {
    }

    /** The PEM text of a certificate. */
    public static String encode(final X509Certificate certificate) {
        return write(certificate);
    }

    /** The PEM text of a private key, as unencrypted PKCS#8 ("PRIVATE KEY"), which gRPC's TLS and the SDK accept. */
    public static String encode(final PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null).generate());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one PEM certificate. */
    public static X509Certificate certificate(final byte[] pem) throws CertificateException {
        final CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pem));
    }

    /** Reads one PEM certificate from a file. */
    public static X509Certificate readCertificate(final Path file) throws IOException {
        try {
            return certificate(Files.readAllBytes(file));
        } catch (final CertificateException e) {
            throw new IOException("not a PEM certificate: " + file.getFileName(), e);
        }
    }

    /** Reads one PKCS#8 PEM private key from a file. */
    public static PrivateKey readPrivateKey(final Path file) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            final Object object = parser.readObject();
            if (!(object instanceof PrivateKeyInfo)) {
                throw new IOException("not a PKCS#8 private key: " + file.getFileName());
            }
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) object);
        }
    }

    /** Writes text to a file through a temporary file and an atomic rename, so a crash never leaves half a file. */
    public static void writeAtomically(final Path file, final String text) throws IOException {
        Files.createDirectories(file.getParent());
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String write(final Object object) {
        final StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
