// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

/** Well-known value types and index conventions of Handle and IDIS. */
public final class HandleTypes {
    /** A URL, typically at index 1. */
    public static final String URL = "URL";
    /** An e-mail address. */
    public static final String EMAIL = "EMAIL";
    /** Who administers the handle (format {@code admin}), typically at index 100. */
    public static final String HS_ADMIN = "HS_ADMIN";
    /** The service site responsible for a prefix (format {@code site}, or a URL string here). */
    public static final String HS_SITE = "HS_SITE";
    /** The site responsible for the prefixes derived from a prefix. */
    public static final String HS_SITE_PREFIX = "HS_SITE.PREFIX";
    /** A service handle whose HS_SITE values name the responsible sites (or a URL string here). */
    public static final String HS_SERV = "HS_SERV";
    /** The service handle responsible for the prefixes derived from a prefix. */
    public static final String HS_SERV_PREFIX = "HS_SERV.PREFIX";
    /** A list of value references (format {@code vlist}). */
    public static final String HS_VLIST = "HS_VLIST";
    /** Another handle this one is an alias of. */
    public static final String HS_ALIAS = "HS_ALIAS";
    /** A public key. */
    public static final String HS_PUBKEY = "HS_PUBKEY";
    /** An IDIS trust certificate (JWT). */
    public static final String HS_CERT = "HS_CERT";
    /** An IDIS trust signature (JWT). */
    public static final String HS_SIGNATURE = "HS_SIGNATURE";

    /** Index of the HS_ADMIN value by convention. */
    public static final int ADMIN_INDEX = 100;
    /** Index reserved by IDIS enterprise nodes for the metadata template reference. */
    public static final int TEMPLATE_INDEX = 1001;
    /** First index of IDIS business attributes. */
    public static final int BUSINESS_INDEX_MIN = 2000;

    private HandleTypes() {
    }
}
