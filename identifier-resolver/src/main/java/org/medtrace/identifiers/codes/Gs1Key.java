// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A GS1 identification key as used for traceability: a product (GTIN), a batch (GTIN + lot), a serialised unit
 * (GTIN + serial) or a logistic unit (SSCC).
 *
 * <pre>{@code
 * Gs1Key unit = new Gs1Key.Item(Gtin.parse("06901234567892"), "SN123");
 * unit.toSuffix();                         // "01.06901234567892.21.SN123"
 * unit.toElementString().toHumanReadable(); // "(01)06901234567892(21)SN123"
 * }</pre>
 */
public sealed interface Gs1Key extends TraceKey
        permits Gs1Key.Product, Gs1Key.Batch, Gs1Key.Item, Gs1Key.LogisticUnit {

    /** @return the key as an element string: the key AIs only */
    Gs1ElementString toElementString();

    /**
     * A trade item (product) at one packaging level.
     *
     * @param gtin the GTIN
     */
    record Product(Gtin gtin) implements Gs1Key {
        /** @throws NullPointerException if {@code gtin} is null */
        public Product {
            Objects.requireNonNull(gtin, "gtin");
        }

        @Override
        public String toSuffix() {
            return "01." + gtin.value();
        }

        @Override
        public Gs1ElementString toElementString() {
            return elements(Gs1ApplicationIdentifier.GTIN, gtin.value());
        }
    }

    /**
     * One batch (lot, 批号) of a trade item.
     *
     * @param gtin the GTIN
     * @param lot the batch number, AI (10) data
     */
    record Batch(Gtin gtin, String lot) implements Gs1Key {
        /** @throws org.medtrace.identifiers.InvalidIdentifierException if {@code lot} is not valid AI (10) data */
        public Batch {
            Objects.requireNonNull(gtin, "gtin");
            Gs1Element.of(Gs1ApplicationIdentifier.BATCH, Objects.requireNonNull(lot, "lot"), 2000);
        }

        @Override
        public String toSuffix() {
            return "01." + gtin.value() + ".10." + lot;
        }

        @Override
        public Gs1ElementString toElementString() {
            return elements(Gs1ApplicationIdentifier.GTIN, gtin.value(), Gs1ApplicationIdentifier.BATCH, lot);
        }
    }

    /**
     * One serialised unit of a trade item.
     *
     * @param gtin the GTIN
     * @param serial the serial number, AI (21) data
     */
    record Item(Gtin gtin, String serial) implements Gs1Key {
        /** @throws org.medtrace.identifiers.InvalidIdentifierException if {@code serial} is not valid AI (21) data */
        public Item {
            Objects.requireNonNull(gtin, "gtin");
            Gs1Element.of(Gs1ApplicationIdentifier.SERIAL, Objects.requireNonNull(serial, "serial"), 2000);
        }

        @Override
        public String toSuffix() {
            return "01." + gtin.value() + ".21." + serial;
        }

        @Override
        public Gs1ElementString toElementString() {
            return elements(Gs1ApplicationIdentifier.GTIN, gtin.value(), Gs1ApplicationIdentifier.SERIAL, serial);
        }
    }

    /**
     * A logistic unit: a case, a pallet, a cold box.
     *
     * @param sscc the SSCC
     */
    record LogisticUnit(Sscc sscc) implements Gs1Key {
        /** @throws NullPointerException if {@code sscc} is null */
        public LogisticUnit {
            Objects.requireNonNull(sscc, "sscc");
        }

        @Override
        public String toSuffix() {
            return "00." + sscc.value();
        }

        @Override
        public Gs1ElementString toElementString() {
            return elements(Gs1ApplicationIdentifier.SSCC, sscc.value());
        }
    }

    private static Gs1ElementString elements(final Object... aiThenValue) {
        // Key AIs hold no dates, so the reference year does not matter here.
        int year = Year.now(ZoneOffset.UTC).getValue();
        Gs1Element[] elements = new Gs1Element[aiThenValue.length / 2];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = Gs1Element.of((Gs1ApplicationIdentifier) aiThenValue[2 * i], (String) aiThenValue[2 * i + 1],
                    year);
        }
        return Gs1ElementString.of(List.of(elements));
    }
}
