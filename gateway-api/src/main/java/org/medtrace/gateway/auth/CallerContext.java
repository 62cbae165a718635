// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(final Caller value) {
        this.caller = value;
    }

    /**
     * @return the authenticated caller
     * @throws IllegalStateException outside an authenticated request
     */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        return caller;
    }
}
