// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import org.medtrace.chaincode.api.model.WireEnum;

/** The caller roles, read from the certificate attribute {@code role} (docs/chaincode-api.md, "Identity and roles"). */
public enum Role implements WireEnum {
    /** Marketing-authorisation holder, vaccine maker, herbal grower or processor. */
    MANUFACTURER("manufacturer"),
    /** Wholesaler. */
    DISTRIBUTOR("distributor"),
    /** Third-party logistics or cold-chain carrier. */
    LOGISTICS("logistics"),
    /** CDC, vaccination site, hospital or retail pharmacy. */
    DISPENSER("dispenser"),
    /** NMPA or a provincial MPA. */
    REGULATOR("regulator"),
    /** The identity a cold-chain logger's readings are anchored with. */
    LOGGER("logger");

    private final String wire;

    Role(final String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    /** @return the role named {@code value}, or null if there is none */
    static Role fromWire(final String value) {
        for (Role role : values()) {
            if (role.wire.equals(value)) {
                return role;
            }
        }
        return null;
    }
}
