// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;

/**
 * Maps trace keys to identifiers under one configured enterprise prefix, and back, with the suffix scheme described
 * on {@link TraceKey}.
 *
 * <pre>{@code
 * IdentifierMapping mapping = IdentifierMapping.forPrefix("88.118.8866");
 * Identifier id = mapping.identifierFor(CodeReader.read("81234560000012345678"));   // 88.118.8866/81234560000012345678
 * TraceKey key = mapping.traceKeyOf(id);                                             // the NMPA code again
 * }</pre>
 */
public final class IdentifierMapping {
    private final String prefix;

    private IdentifierMapping(final String prefix) {
        this.prefix = prefix;
    }

    /**
     * @param enterprisePrefix the enterprise prefix, for example {@code 88.118.8866}
     * @return the mapping
     * @throws InvalidIdentifierException (part PREFIX) if the prefix is not valid
     */
    public static IdentifierMapping forPrefix(final String enterprisePrefix) {
        return new IdentifierMapping(Identifier.normalisePrefix(enterprisePrefix));
    }

    /** @return the normalised enterprise prefix */
    public String prefix() {
        return prefix;
    }

    /**
     * @param key a trace key
     * @return {@code <prefix>/<key.toSuffix()>}
     * @throws InvalidIdentifierException if the identifier would be too long (a long lot under a long prefix)
     */
    public Identifier identifierFor(final TraceKey key) {
        return Identifier.of(prefix, Objects.requireNonNull(key, "key").toSuffix());
    }

    /**
     * @param code what {@link CodeReader} read
     * @return the identifier itself if the input was an identifier (under any prefix), else the identifier of the
     *     trace key it names
     * @throws InvalidIdentifierException (part CODE) if the input names no trace key, such as a drug standard code
     *     (master data) or an element string with only location AIs
     */
    public Identifier identifierFor(final ReadCode code) {
        Objects.requireNonNull(code, "code");
        if (code instanceof ReadCode.IdentifierText text) {
            return text.identifier();
        }
        if (code instanceof ReadCode.DrugStandard standard) {
            throw CodeErrors.invalid(standard.code().digits(), "drugStandardCode", "drug standard code "
                    + standard.code() + " is master data naming a product, not a pack; it has no trace identifier");
        }
        TraceKey key = code.traceKey().orElseThrow(() -> CodeErrors.invalid(code.toString(), "traceKey",
                "the " + code.kind() + " names no GTIN, serial, batch or SSCC, so it has no trace identifier"));
        return identifierFor(key);
    }

    /**
     * @param identifier an identifier under this mapping's prefix
     * @return the trace key its suffix names
     * @throws InvalidIdentifierException part PREFIX if the identifier lies under another prefix, part SUFFIX if
     *     the suffix does not follow the scheme
     */
    public TraceKey traceKeyOf(final Identifier identifier) {
        Objects.requireNonNull(identifier, "identifier");
        if (!identifier.prefix().equals(prefix)) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.PREFIX, identifier.toString(),
                    "identifier " + identifier + " is not under the enterprise prefix " + prefix);
        }
        return TraceKey.fromSuffix(identifier.suffix());
    }
}
