// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import java.util.List;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.model.Association;
import org.medtrace.chaincode.model.DataLogger;

/** Reads of loggers and their associations, shared by the telemetry rules. */
final class Loggers {
    private Loggers() {
    }

    /** @return the logger; throws LOGGER_NOT_FOUND */
    static DataLogger logger(final Tx tx, final String id) {
        DataLogger logger = tx.state().get(Keys.of(Keys.LOGGER, id), DataLogger.class);
        if (logger == null) {
            throw Refusal.of(ErrorCode.LOGGER_NOT_FOUND, "logger " + id + " is not registered");
        }
        return logger;
    }

    /** @return the logger if it is active; throws LOGGER_NOT_FOUND or LOGGER_REVOKED */
    static DataLogger activeLogger(final Tx tx, final String id) {
        DataLogger logger = logger(tx, id);
        if (!logger.active()) {
            throw Refusal.of(ErrorCode.LOGGER_REVOKED, "logger " + id + " was revoked");
        }
        return logger;
    }

    /** @throws Refusal ACCESS_DENIED unless the caller's organisation owns the logger */
    static void requireOwner(final Tx tx, final DataLogger logger) {
        if (!logger.owner().equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.ACCESS_DENIED, "logger " + logger.id() + " belongs to " + logger.owner()
                    + ", not " + tx.caller().msp());
        }
    }

    /** @return the logger's live associations, in key order */
    static List<Association> associations(final Tx tx, final String loggerId) {
        return tx.state().scan(Association.class, Limits.LOGGER_ASSOCIATIONS_MAX,
                () -> "logger " + loggerId + " has more than " + Limits.LOGGER_ASSOCIATIONS_MAX + " associations",
                Keys.ASSOCIATION, loggerId);
    }
}
