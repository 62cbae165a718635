// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.NamingAuthorities;

/**
 * Handle-style administrators: the HTTP Basic user is {@code <index>:<admin handle>} (percent-encoded on the wire,
 * as Handle.Net clients send it: {@code 300%3A0.NA%2F88.118.8866}) and the secret's SHA-256 is configured. The admin
 * handle is the prefix's naming-authority handle {@code 0.NA/<prefix>}; its administrator may change every handle
 * under that prefix.
 */
public final class HandleAdmins implements NodeAuthenticator {

    /**
     * A parsed Handle-style user.
     *
     * @param index the key index
     * @param handle the admin handle
     */
    public record AdminUser(int index, Identifier handle) {
        @Override
        public String toString() {
            return index + ":" + handle;
        }
    }

    private record Credential(AdminUser user, byte[] secretSha256) {
    }

    private final Map<AdminUser, Credential> credentials;

    private HandleAdmins(final Map<AdminUser, Credential> credentials) {
        this.credentials = Map.copyOf(credentials);
    }

    /**
     * @param secretSha256ByUser hex SHA-256 of the secret by user {@code <index>:0.NA/<prefix>}
     * @return the administrators
     * @throws IllegalArgumentException naming the user, if a user or hash is not valid
     */
    public static HandleAdmins of(final Map<String, String> secretSha256ByUser) {
        final Map<AdminUser, Credential> credentials = new HashMap<>();
        secretSha256ByUser.forEach((text, hex) -> {
            final AdminUser user = parseUser(text).orElseThrow(() -> new IllegalArgumentException("administrator '"
                    + text + "' is not <index>:0.NA/<prefix>"));
            final byte[] hash;
            try {
                hash = HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("administrator " + text + ": secret-sha256 is not hex", e);
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException("administrator " + text + ": secret-sha256 must be 64 hex digits");
            }
            credentials.put(user, new Credential(user, hash));
        });
        return new HandleAdmins(credentials);
    }

    /**
     * @param user {@code <index>:0.NA/<prefix>}
     * @return the parsed user, or empty if the text has another form (a gateway client id, for example)
     */
    public static Optional<AdminUser> parseUser(final String user) {
        final int colon = user.indexOf(':');
        if (colon <= 0 || colon > 10 || !user.substring(0, colon).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            final int index = Integer.parseInt(user.substring(0, colon));
            final Identifier handle = Identifier.parse(user.substring(colon + 1));
            if (index < 1 || !NamingAuthorities.isNamingAuthority(handle)) {
                return Optional.empty();
            }
            Identifier.normalisePrefix(handle.suffix());
            return Optional.of(new AdminUser(index, handle));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the prefixes that have a Handle-style administrator */
    public Set<String> prefixes() {
        final Set<String> prefixes = new TreeSet<>();
        credentials.keySet().forEach(user -> prefixes.add(Identifier.normalisePrefix(user.handle().suffix())));
        return prefixes;
    }

    /**
     * @param prefix a prefix
     * @return the configured administrator of that prefix with the lowest key index, if any
     */
    public Optional<AdminUser> adminOf(final String prefix) {
        return credentials.keySet().stream()
                .filter(user -> Identifier.normalisePrefix(user.handle().suffix()).equals(prefix))
                .min(Comparator.comparingInt(AdminUser::index));
    }

    @Override
    public Optional<Administrator> authenticate(final String user, final String secret) {
        final Optional<AdminUser> parsed = parseUser(user);
        final byte[] presented = sha256(secret);
        final Credential credential = parsed.map(credentials::get).orElse(null);
        if (credential == null || !MessageDigest.isEqual(credential.secretSha256(), presented)) {
            return Optional.empty();
        }
        final String prefix = Identifier.normalisePrefix(credential.user().handle().suffix());
        return Optional.of(new Administrator(credential.user().toString(), Set.of(prefix),
                credential.user().handle(), credential.user().index()));
    }

    /**
     * @param text a secret
     * @return its SHA-256
     */
    public static byte[] sha256(final String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
