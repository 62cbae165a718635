// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.NamingAuthorities;
import org.medtrace.identifiers.handle.SiteInfo;
import org.medtrace.identifiers.handle.ValueData;
import org.medtrace.identifiers.handle.ValuePermissions;

/**
 * The {@code 0.NA/<prefix>} records of the prefixes a node serves, made from its settings rather than stored, so
 * they always name where the node is now: HS_SITE at index 1 pointing at the node itself (format {@code site} when
 * the public URL is a bare origin, else the URL as a string, which the resolver also reads) and HS_ADMIN at 100.
 */
final class NamingAuthorityRecords {

    /** The {@code desc} attribute of the published site. */
    static final String SITE_DESCRIPTION = "MedTrace secondary node";

    private NamingAuthorityRecords() {
    }

    /**
     * @param handle any handle
     * @param settings the node
     * @return the record, if the handle is the naming-authority handle of a prefix the node serves
     */
    static Optional<HandleRecord> generated(final Identifier handle, final NodeSettings settings) {
        if (!NamingAuthorities.isNamingAuthority(handle)) {
            return Optional.empty();
        }
        final String prefix;
        try {
            prefix = Identifier.normalisePrefix(handle.suffix());
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
        if (!settings.serves(prefix)) {
            return Optional.empty();
        }
        final ValueData.Admin admin = settings.adminOf(prefix);
        return Optional.of(new HandleRecord(handle, List.of(
                new HandleValue(1, HandleTypes.HS_SITE, site(settings.publicUrl().get()), settings.siteTtl(),
                        Instant.EPOCH, ValuePermissions.DEFAULT, List.of()),
                new HandleValue(HandleTypes.ADMIN_INDEX, HandleTypes.HS_ADMIN, admin, settings.siteTtl(),
                        Instant.EPOCH, ValuePermissions.DEFAULT, List.of()))));
    }

    /**
     * @param handle a handle
     * @param settings the node
     * @return true if the node makes this record rather than storing it
     */
    static boolean isGenerated(final Identifier handle, final NodeSettings settings) {
        return generated(handle, settings).isPresent();
    }

    private static ValueData site(final URI url) {
        final String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        final boolean bareOrigin = (url.getRawPath() == null || url.getRawPath().isEmpty()
                || url.getRawPath().equals("/")) && url.getRawQuery() == null && url.getHost() != null;
        if (bareOrigin && (scheme.equals("http") || scheme.equals("https"))) {
            final boolean https = scheme.equals("https");
            final int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
            return new ValueData.Site(SiteInfo.ofRestServer(url.getHost(), port, https, SITE_DESCRIPTION));
        }
        return ValueData.text(url.toString());
    }
}
