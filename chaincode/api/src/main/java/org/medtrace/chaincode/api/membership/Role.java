// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;
import org.medtrace.chaincode.api.model.WireEnum;

/**
 * The roles the consortium grants a member organisation, and that a caller's certificate names in its {@code role}
 * attribute. A caller acts in a role only when both say so (docs/chaincode-api.md, "Identity, roles and
 * membership"). Each role lists the licence types of which one must be valid on the transaction's date.
 */
public enum Role implements WireEnum {
    /** Marketing-authorisation holder (MAH), vaccine maker, herbal grower or processor. */
    MANUFACTURER("manufacturer", Set.of(LicenceType.DRUG_MANUFACTURING)),
    /** Wholesaler. */
    DISTRIBUTOR("distributor", Set.of(LicenceType.DRUG_DISTRIBUTION)),
    /** Third-party logistics or cold-chain carrier. */
    LOGISTICS("logistics", Set.of()),
    /** CDC, vaccination site, hospital or retail pharmacy. */
    DISPENSER("dispenser", Set.of(LicenceType.MEDICAL_INSTITUTION, LicenceType.VACCINATION_SITE,
            LicenceType.DRUG_DISTRIBUTION)),
    /** NMPA or a provincial MPA. */
    REGULATOR("regulator", Set.of()),
    /** A lot-release authority (批签发机构): NIFDC or a provincial institute for drug control. */
    LOT_RELEASE("lot-release", Set.of(LicenceType.LOT_RELEASE_DESIGNATION)),
    /** The identity a cold-chain logger's readings are anchored with. */
    LOGGER("logger", Set.of());

    private final String wire;
    private final Set<LicenceType> licences;

    Role(final String wire, final Set<LicenceType> licences) {
        this.wire = wire;
        this.licences = licences;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** @return the licence types of which one must be valid to act in the role; empty if it needs none */
    public Set<LicenceType> licenceTypes() {
        return licences;
    }

    @Override
    public String toString() {
        return wire;
    }

    /** @return the role named {@code value}, or null if there is none */
    public static Role fromWire(final String value) {
        for (Role role : values()) {
            if (role.wire.equals(value)) {
                return role;
            }
        }
        return null;
    }
}
