// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.gateway.errors.ErrorCodes;

/** The chaincode's stable codes map to the HTTP statuses docs/chaincode-api.md promises. */
class ErrorCodesTest {

    @ParameterizedTest
    @CsvSource({"UNIT_NOT_FOUND,404", "EVENT_NOT_FOUND,404", "PRODUCT_EXISTS,409", "UNIT_ALREADY_COMMISSIONED,409",
        "IDEMPOTENCY_KEY_REUSED,409", "ACCESS_DENIED,403", "NOT_CUSTODIAN,403", "NOT_MAH,403", "NOT_RECEIVER,403",
        "INVALID_ARGUMENT,400", "INVALID_IDENTIFIER,400", "LIMIT_EXCEEDED,400", "QUANTITY_EXCEEDED,422",
        "TEMPERATURE_RECORD_MISSING,422", "UNIT_ALREADY_DISPENSED,409", "BATCH_RECALLED,409", "UNIT_HELD,409",
        "AGGREGATION_CYCLE,409", "PRODUCT_KEY_MISMATCH,422", "EVENT_TIME_OUT_OF_ORDER,422",
        "UNIT_NOT_IN_TRANSIT,409"})
    void each_chaincode_code_gets_its_status(final String code, final int status) {
        assertThat(ErrorCodes.httpStatus(code)).isEqualTo(status);
    }
}
