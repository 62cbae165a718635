// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import java.time.LocalDate;
import org.medtrace.chaincode.api.Check;

/**
 * A licence or designation a member holds.
 *
 * @param type what it licenses
 * @param number the licence's number as printed on it
 * @param validFrom first day it is valid
 * @param validUntil last day it is valid (inclusive)
 */
public record Licence(LicenceType type, String number, LocalDate validFrom, LocalDate validUntil) {
    /** Validates and normalises every field. */
    public Licence {
        Check.required("type", type);
        number = Check.text("number", number, 64);
        Check.required("validFrom", validFrom);
        Check.required("validUntil", validUntil);
        if (validUntil.isBefore(validFrom)) {
            throw Check.invalid("validUntil", validUntil + " is before validFrom " + validFrom);
        }
    }

    /** @return whether the licence is valid on the date */
    public boolean validOn(final LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validUntil);
    }
}
