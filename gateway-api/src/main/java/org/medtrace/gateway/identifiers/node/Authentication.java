// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.medtrace.identifiers.PercentEncoding;

/** Who sent a request: nobody in particular, someone whose credentials failed, or an administrator. */
sealed interface Authentication {

    /** No credentials were sent. */
    record Anonymous() implements Authentication {
    }

    /**
     * Credentials were sent and are not valid.
     *
     * @param reason why, without echoing the secret
     */
    record Refused(String reason) implements Authentication {
    }

    /**
     * Valid credentials.
     *
     * @param administrator who
     */
    record Admin(Administrator administrator) implements Authentication {
    }

    /**
     * Reads an {@code Authorization} header: HTTP Basic with a percent-encoded user, as Handle.Net clients send
     * {@code 300%3A0.NA%2F88.118.8866}, or unencoded ({@code 300:0.NA/88.118.8866:secret}: a prefix holds no colon,
     * so the user ends at the second one).
     *
     * @param header the header, if sent
     * @param authenticator who checks the credentials
     * @return the outcome
     */
    static Authentication of(final Optional<String> header, final NodeAuthenticator authenticator) {
        if (header.isEmpty()) {
            return new Anonymous();
        }
        final String value = header.get().strip();
        if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Refused("only HTTP Basic authentication is supported");
        }
        final String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Refused("the Basic credentials are not valid base64");
        }
        final int colon = userEnd(decoded);
        if (colon <= 0) {
            return new Refused("the Basic credentials have no user:secret form");
        }
        final String user;
        try {
            user = PercentEncoding.decode(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return new Refused("the user is not valid percent-encoded UTF-8");
        }
        return authenticator.authenticate(user, decoded.substring(colon + 1))
                .<Authentication>map(Admin::new)
                .orElseGet(() -> new Refused("user or secret not valid"));
    }

    /** @return where the user ends: the first colon, or the second when the user is {@code <digits>:0.NA/...} */
    private static int userEnd(final String credentials) {
        final int first = credentials.indexOf(':');
        if (first > 0 && credentials.substring(0, first).chars().allMatch(Character::isDigit)
                && credentials.regionMatches(true, first + 1, "0.NA/", 0, 5)) {
            final int second = credentials.indexOf(':', first + 1);
            return second < 0 ? first : second;
        }
        return first;
    }
}
