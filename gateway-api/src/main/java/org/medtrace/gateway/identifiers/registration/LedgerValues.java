// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.registration;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.PercentEncoding;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.Ttl;
import org.medtrace.identifiers.handle.ValueData;
import org.medtrace.identifiers.handle.ValuePermissions;

/**
 * The values the ledger gives a registered identifier, at fixed indexes: 1 the URL of its provenance (or record) in
 * this gateway's API, 100 HS_ADMIN, 2000-2099 product and batch metadata, 2100-2109 the ledger proof. Types share
 * the {@code MEDTRACE.} namespace, so {@code ?type=MEDTRACE.} selects every attribute and
 * {@code ?type=MEDTRACE.LEDGER.} the proof. A value is left out when the ledger record has no such field.
 */
public final class LedgerValues {

    /** Kind: {@code unit}, {@code container}, {@code batch}, or the product's kind ({@code vaccine}, ...). */
    public static final Field KIND = new Field(2000, "MEDTRACE.KIND");
    /** The product identifier. */
    public static final Field PRODUCT_ID = new Field(2001, "MEDTRACE.PRODUCT_ID");
    /** The product name. */
    public static final Field PRODUCT_NAME = new Field(2002, "MEDTRACE.PRODUCT_NAME");
    /** The marketing-authorisation holder (its MSP id). */
    public static final Field MAH = new Field(2003, "MEDTRACE.MAH");
    /** 批准文号. */
    public static final Field APPROVAL_NUMBER = new Field(2004, "MEDTRACE.APPROVAL_NUMBER");
    /** The 7-digit 药品标识码. */
    public static final Field PRODUCT_CODE = new Field(2005, "MEDTRACE.PRODUCT_CODE");
    /** The GTIN. */
    public static final Field GTIN = new Field(2006, "MEDTRACE.GTIN");
    /** 规格. */
    public static final Field SPECIFICATION = new Field(2007, "MEDTRACE.SPECIFICATION");
    /** The batch identifier. */
    public static final Field BATCH_ID = new Field(2008, "MEDTRACE.BATCH_ID");
    /** 生产批号. */
    public static final Field BATCH_NUMBER = new Field(2009, "MEDTRACE.BATCH_NUMBER");
    /** Production date, YYYY-MM-DD. */
    public static final Field PRODUCTION_DATE = new Field(2010, "MEDTRACE.PRODUCTION_DATE");
    /** Expiry date, YYYY-MM-DD. */
    public static final Field EXPIRY_DATE = new Field(2011, "MEDTRACE.EXPIRY_DATE");
    /** Package level of a unit. */
    public static final Field PACKAGE_LEVEL = new Field(2012, "MEDTRACE.PACKAGE_LEVEL");
    /** Container type (case, pallet, ...). */
    public static final Field CONTAINER_TYPE = new Field(2013, "MEDTRACE.CONTAINER_TYPE");
    /** The lot release (批签发) certificate number of a batch. */
    public static final Field LOT_RELEASE = new Field(2014, "MEDTRACE.LOT_RELEASE");
    /** The ledger transaction that registered or commissioned it. */
    public static final Field TX_ID = new Field(2100, "MEDTRACE.LEDGER.TX_ID");
    /** Its block. */
    public static final Field BLOCK = new Field(2101, "MEDTRACE.LEDGER.BLOCK");
    /**
     * The record hash: the id of the ledger event that registered or commissioned it, {@code ni:///sha-256;<hex>},
     * the SHA-256 of the event's canonical JSON (docs/chaincode-api.md); {@code GET /api/v1/ledger/events?eventId=}
     * re-checks it on the ledger.
     */
    public static final Field EVENT_ID = new Field(2102, "MEDTRACE.LEDGER.EVENT_ID");

    /** Index of the URL. */
    public static final int URL_INDEX = 1;

    /** The indexes the ledger owns: registration replaces them and keeps every other value. */
    public static boolean owned(final int index) {
        return index == URL_INDEX || index == HandleTypes.ADMIN_INDEX || index >= 2000 && index < 2200;
    }

    /**
     * An attribute's place in a record.
     *
     * @param index its index
     * @param type its type
     */
    public record Field(int index, String type) {
    }

    private final Identifier handle;
    private final Ttl ttl;
    private final Instant timestamp;
    private final List<HandleValue> values = new ArrayList<>();

    /**
     * @param handle the identifier
     * @param ttl the TTL of every value
     * @param timestamp when the ledger registered it (so a re-registration writes the same record)
     * @param admin the HS_ADMIN data
     */
    LedgerValues(final Identifier handle, final Ttl ttl, final Instant timestamp, final ValueData.Admin admin) {
        this.handle = handle;
        this.ttl = ttl;
        this.timestamp = timestamp;
        values.add(value(HandleTypes.ADMIN_INDEX, HandleTypes.HS_ADMIN, admin));
    }

    /**
     * @param base the gateway's public URL
     * @param pathAndQuery the API path, with the identifier already in it
     * @return this
     */
    LedgerValues url(final URI base, final String pathAndQuery) {
        final String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        values.add(value(URL_INDEX, HandleTypes.URL, ValueData.text(root + pathAndQuery)));
        return this;
    }

    /**
     * @param field the attribute
     * @param text its value; null or blank leaves it out
     * @return this
     */
    LedgerValues put(final Field field, final Object text) {
        if (text != null && !text.toString().isBlank()) {
            values.add(value(field.index(), field.type(), ValueData.text(text.toString())));
        }
        return this;
    }

    HandleRecord record() {
        values.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new HandleRecord(handle, values);
    }

    private HandleValue value(final int index, final String type, final ValueData data) {
        return new HandleValue(index, type, Objects.requireNonNull(data), ttl, timestamp, ValuePermissions.DEFAULT,
                List.of());
    }

    /**
     * @param identifier an identifier
     * @return it percent-encoded for a query parameter
     */
    static String query(final String identifier) {
        return PercentEncoding.encode(identifier, false);
    }

    /**
     * @param identifier an identifier
     * @return it percent-encoded for a path, keeping the slash between prefix and suffix
     */
    static String path(final String identifier) {
        return PercentEncoding.encode(identifier, true);
    }
}
