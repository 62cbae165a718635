// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.unit;

import java.util.List;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.model.PackageLevel;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.Product;
import org.medtrace.identifiers.InvalidIdentifierException;
import org.medtrace.identifiers.codes.Gs1Key;
import org.medtrace.identifiers.codes.NmpaTraceCode;
import org.medtrace.identifiers.codes.TraceKey;

/**
 * A code that carries a product key names the product it belongs to: the 20-digit NMPA code's first 7 digits
 * (药品标识码, which includes the package level) or the GTIN of a GS1 key. Commissioning such a code into a batch of
 * another product would make a pack of one product verify as another, so its key must be the batch's product's at
 * the package level commissioned: the level's own productCode or gtin where the product declares one, else the
 * product's. Suffixes that carry no key (anything but 20 digits, {@code 01.} and {@code 00.}; see identifier-resolver's
 * {@link TraceKey}) are the enterprise's own serials and stay allowed.
 */
final class ProductKeys {
    private static final String GTIN_START = "01.";
    private static final String SSCC_START = "00.";

    private ProductKeys() {
    }

    /**
     * @throws Refusal PRODUCT_KEY_MISMATCH naming both keys and the code; INVALID_IDENTIFIER for a suffix that
     *     starts like a key but is not one (a GTIN with a wrong check digit)
     */
    static void check(final Product product, final Batch batch, final PackageLevel level, final List<String> codes) {
        String productCode = level.productCode() != null ? level.productCode() : product.productCode();
        String gtin = level.gtin() != null ? level.gtin() : product.gtin();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            TraceKey key = keyOf("codes[" + i + "]", code.substring(code.indexOf('/') + 1));
            if (key instanceof NmpaTraceCode nmpa) {
                require(nmpa.productCode(), productCode, "药品标识码", code, product, batch, level);
            } else if (key instanceof Gs1Key.LogisticUnit) {
                throw Refusal.of(ErrorCode.PRODUCT_KEY_MISMATCH, "code " + code + " is an SSCC, which names a "
                        + "logistic unit (case, pallet), not a sales package of product " + product.id()
                        + "; commission it with unit:commissionContainers");
            } else if (key != null) {
                require(gtin((Gs1Key) key), gtin, "GTIN", code, product, batch, level);
            }
        }
    }

    /** @return the key the suffix names, or null when it names none */
    private static TraceKey keyOf(final String field, final String suffix) {
        if (!suffix.startsWith(GTIN_START) && !suffix.startsWith(SSCC_START) && !isNmpaCode(suffix)) {
            return null;
        }
        try {
            return TraceKey.fromSuffix(suffix);
        } catch (InvalidIdentifierException e) {
            throw Refusal.of(ErrorCode.INVALID_IDENTIFIER, field + ": " + e.getMessage());
        }
    }

    private static boolean isNmpaCode(final String suffix) {
        if (suffix.length() != NmpaTraceCode.LENGTH) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (suffix.charAt(i) < '0' || suffix.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String gtin(final Gs1Key key) {
        if (key instanceof Gs1Key.Item item) {
            return item.gtin().value();
        }
        if (key instanceof Gs1Key.Batch lot) {
            return lot.gtin().value();
        }
        if (key instanceof Gs1Key.Product trade) {
            return trade.gtin().value();
        }
        throw new IllegalArgumentException("an SSCC has no GTIN");
    }

    private static void require(final String carried, final String expected, final String kind, final String code,
            final Product product, final Batch batch, final PackageLevel level) {
        if (carried.equals(expected)) {
            return;
        }
        String at = "product " + product.id() + " (batch " + batch.id() + ") at package level " + level.level()
                + " (" + level.name() + ")";
        throw Refusal.of(ErrorCode.PRODUCT_KEY_MISMATCH, "code " + code + " carries " + kind + " " + carried + ", but "
                + (expected == null ? at + " declares no " + kind : at + " has " + kind + " " + expected));
    }
}
