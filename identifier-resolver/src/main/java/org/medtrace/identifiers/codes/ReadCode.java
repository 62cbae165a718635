// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;
import java.util.Optional;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;

/**
 * What {@link CodeReader#read(String)} found in a scan or in typed text: one record per kind, each able to say which
 * {@link TraceKey} it names, if any.
 */
public sealed interface ReadCode permits ReadCode.IdentifierText, ReadCode.NmpaCode, ReadCode.ElementString,
        ReadCode.DigitalLink, ReadCode.BareGs1Key, ReadCode.DrugStandard {

    /** The kinds of input the reader tells apart. */
    enum Kind {
        /** An industrial-internet identifier {@code <prefix>/<suffix>}. */
        IDENTIFIER,
        /** A 20-digit NMPA drug traceability code. */
        NMPA_TRACE_CODE,
        /** A GS1 element string (scanned or human-readable). */
        GS1_ELEMENT_STRING,
        /** A GS1 Digital Link URI. */
        GS1_DIGITAL_LINK,
        /** A bare GTIN (8, 12, 13 or 14 digits) or SSCC (18 digits). */
        GS1_KEY,
        /** A 14-digit national drug standard code (本位码): master data, not a trace code. */
        DRUG_STANDARD_CODE
    }

    /** @return which kind of input this is */
    Kind kind();

    /** @return the trace key the input names; empty for master data and for identifiers outside the scheme */
    Optional<TraceKey> traceKey();

    /**
     * An identifier as typed.
     *
     * @param identifier the parsed identifier
     */
    record IdentifierText(Identifier identifier) implements ReadCode {
        /** @throws NullPointerException if {@code identifier} is null */
        public IdentifierText {
            Objects.requireNonNull(identifier, "identifier");
        }

        @Override
        public Kind kind() {
            return Kind.IDENTIFIER;
        }

        /** @return the key its suffix names under the {@link TraceKey} scheme, if it follows that scheme */
        @Override
        public Optional<TraceKey> traceKey() {
            try {
                return Optional.of(TraceKey.fromSuffix(identifier.suffix()));
            } catch (InvalidIdentifierException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A 20-digit NMPA drug traceability code.
     *
     * @param code the code
     */
    record NmpaCode(NmpaTraceCode code) implements ReadCode {
        /** @throws NullPointerException if {@code code} is null */
        public NmpaCode {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public Kind kind() {
            return Kind.NMPA_TRACE_CODE;
        }

        @Override
        public Optional<TraceKey> traceKey() {
            return Optional.of(code);
        }
    }

    /**
     * A GS1 element string.
     *
     * @param elements the elements
     * @param symbologyIdentifier the symbology identifier the scanner sent ({@code ]d2}...), if any
     */
    record ElementString(Gs1ElementString elements, Optional<String> symbologyIdentifier) implements ReadCode {
        /** @throws NullPointerException if an argument is null */
        public ElementString {
            Objects.requireNonNull(elements, "elements");
            Objects.requireNonNull(symbologyIdentifier, "symbologyIdentifier");
        }

        @Override
        public Kind kind() {
            return Kind.GS1_ELEMENT_STRING;
        }

        @Override
        public Optional<TraceKey> traceKey() {
            return elements.traceKey().map(TraceKey.class::cast);
        }
    }

    /**
     * A GS1 Digital Link URI.
     *
     * @param link the link
     */
    record DigitalLink(Gs1DigitalLink link) implements ReadCode {
        /** @throws NullPointerException if {@code link} is null */
        public DigitalLink {
            Objects.requireNonNull(link, "link");
        }

        @Override
        public Kind kind() {
            return Kind.GS1_DIGITAL_LINK;
        }

        @Override
        public Optional<TraceKey> traceKey() {
            return link.traceKey().map(TraceKey.class::cast);
        }
    }

    /**
     * A bare GTIN or SSCC, typed or read from a linear barcode.
     *
     * @param key the product or logistic-unit key
     */
    record BareGs1Key(Gs1Key key) implements ReadCode {
        /** @throws NullPointerException if {@code key} is null */
        public BareGs1Key {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Kind kind() {
            return Kind.GS1_KEY;
        }

        @Override
        public Optional<TraceKey> traceKey() {
            return Optional.of(key);
        }
    }

    /**
     * A national drug standard code: master data, naming no pack.
     *
     * @param code the code
     */
    record DrugStandard(DrugStandardCode code) implements ReadCode {
        /** @throws NullPointerException if {@code code} is null */
        public DrugStandard {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public Kind kind() {
            return Kind.DRUG_STANDARD_CODE;
        }

        /** @return always empty: a drug standard code is master data, not a trace key */
        @Override
        public Optional<TraceKey> traceKey() {
            return Optional.empty();
        }
    }
}
