// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.util.Optional;

/** Checks the HTTP Basic credentials of a request to the node. */
@FunctionalInterface
public interface NodeAuthenticator {

    /**
     * @param user the user, percent-decoded: {@code 300:0.NA/88.118.8866} for a Handle-style administrator, or a
     *     gateway client id
     * @param secret the secret
     * @return the administrator, or empty if the credentials are not valid
     */
    Optional<Administrator> authenticate(String user, String secret);
}
