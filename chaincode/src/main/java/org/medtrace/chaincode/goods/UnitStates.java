// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.goods;

import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.model.DispenseKind;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitKind;
import org.medtrace.chaincode.model.UnitStatus;

/** Turns a unit's life-cycle status into the refusal a rule gives when it needs the unit active. */
final class UnitStates {
    private UnitStates() {
    }

    static void requireActive(final Unit unit, final boolean inTransitAllowed) {
        UnitStatus status = unit.status();
        if (status == UnitStatus.ACTIVE || (inTransitAllowed && status == UnitStatus.IN_TRANSIT)) {
            return;
        }
        String what = describe(unit);
        throw switch (status) {
            case IN_TRANSIT -> Refusal.of(ErrorCode.UNIT_IN_TRANSIT, what + " is in transit on shipment "
                    + unit.shipmentId() + " to " + unit.pendingReceiver());
            case DISPENSED -> Refusal.of(ErrorCode.UNIT_ALREADY_DISPENSED, what + " was "
                    + (unit.dispense().kind() == DispenseKind.VACCINATION ? "administered" : "dispensed") + " at "
                    + Json.instant(unit.dispense().at()) + " by " + unit.dispense().by());
            case DESTROYED -> Refusal.of(ErrorCode.UNIT_DESTROYED, what + " was destroyed at "
                    + Json.instant(unit.updatedAt()));
            case DECOMMISSIONED -> Refusal.of(ErrorCode.UNIT_DECOMMISSIONED, what + " was decommissioned at "
                    + Json.instant(unit.updatedAt()));
            case CONSUMED -> Refusal.of(ErrorCode.UNIT_NOT_ACTIVE, what
                    + " was used up by a transformation at " + Json.instant(unit.updatedAt()));
            default -> Refusal.of(ErrorCode.UNIT_NOT_ACTIVE, what + " is " + status);
        };
    }

    /** @return "unit &lt;id&gt;" or "container &lt;id&gt;" */
    static String describe(final Unit unit) {
        return (unit.kind() == UnitKind.CONTAINER ? "container " : "unit ") + unit.id();
    }
}
