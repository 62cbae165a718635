// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.medtrace.identifiers.Identifier;

/**
 * Naming-authority handles ({@code 0.NA/<prefix>}) and the prefix-referral rule that a node applies when asked for
 * the naming-authority handle of a prefix it does not hold: it answers with the HS_SITE.PREFIX / HS_SERV.PREFIX
 * values of the nearest parent prefix it does hold, so that the client asks that site next. Both the test nodes and
 * the gateway's secondary node use this, so that they answer alike.
 */
public final class NamingAuthorities {
    /** The prefix of every naming-authority handle. */
    public static final String NA_PREFIX = "0.NA";

    private NamingAuthorities() {
    }

    /**
     * @param prefix a prefix such as {@code 88.118.8866}
     * @return {@code 0.NA/88.118.8866}
     * @throws org.medtrace.identifiers.InvalidIdentifierException if the prefix is not valid
     */
    public static Identifier handleOf(final String prefix) {
        return Identifier.of(NA_PREFIX, Identifier.normalisePrefix(prefix));
    }

    /**
     * @param handle a handle
     * @return true if it is a naming-authority handle {@code 0.NA/...}
     */
    public static boolean isNamingAuthority(final Identifier handle) {
        return handle.prefix().equals(NA_PREFIX);
    }

    /**
     * @param prefix {@code 88.118.8866}
     * @return the parents, nearest first: {@code [88.118, 88]}
     */
    public static List<String> parentPrefixes(final String prefix) {
        List<String> parents = new ArrayList<>();
        String current = Identifier.normalisePrefix(prefix);
        for (int dot = current.lastIndexOf('.'); dot > 0; dot = current.lastIndexOf('.')) {
            current = current.substring(0, dot);
            parents.add(current);
        }
        return parents;
    }

    /**
     * The referral a node gives for a naming-authority handle it does not hold.
     *
     * @param naHandle the naming-authority handle asked for
     * @param lookup the node's own records
     * @return a {@link HandleResponseCode#PREFIX_REFERRAL} with the HS_SITE.PREFIX / HS_SERV.PREFIX values of the
     *     nearest parent prefix that has some, or empty when no parent does
     */
    public static Optional<HandleResponse> prefixReferral(final Identifier naHandle,
            final Function<Identifier, Optional<HandleRecord>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        if (!isNamingAuthority(naHandle)) {
            return Optional.empty();
        }
        for (String parent : parentPrefixes(naHandle.suffix())) {
            Optional<HandleRecord> record = lookup.apply(handleOf(parent));
            if (record.isPresent()) {
                List<HandleValue> delegation = new ArrayList<>(record.get().valuesOfType(HandleTypes.HS_SITE_PREFIX));
                delegation.addAll(record.get().valuesOfType(HandleTypes.HS_SERV_PREFIX));
                if (!delegation.isEmpty()) {
                    return Optional.of(HandleResponse.referral(HandleResponseCode.PREFIX_REFERRAL, naHandle,
                            delegation));
                }
            }
        }
        return Optional.empty();
    }
}
