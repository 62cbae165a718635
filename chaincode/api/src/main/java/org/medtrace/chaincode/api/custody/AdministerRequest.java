// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.InvalidRequestException;
import org.medtrace.chaincode.api.Limits;

/**
 * The request of {@code custody:administer}; the vaccinee comes in transient data ({@link #VACCINEE_ID},
 * {@link #VACCINEE_SALT}), which {@link #checkVaccinee} checks.
 *
 * @param codes the doses administered
 */
public record AdministerRequest(List<String> codes) {
    /** Transient key of the vaccinee's id (e.g. the national ID number); never written to the ledger. */
    public static final String VACCINEE_ID = "vaccineeId";
    /** Transient key of the salt the vaccinee's id is hashed with. */
    public static final String VACCINEE_SALT = "vaccineeSalt";
    /** Fewest bytes of salt. */
    public static final int SALT_BYTES_MIN = 16;
    /** Most bytes of a vaccinee id. */
    public static final int VACCINEE_ID_BYTES_MAX = 256;

    /** Validates and normalises the codes. */
    public AdministerRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
    }

    /**
     * Checks the transient vaccinee data.
     *
     * @param id the vaccinee id, or null
     * @param salt the salt, or null
     * @throws InvalidRequestException INVALID_ARGUMENT naming the transient field
     */
    public static void checkVaccinee(final byte[] id, final byte[] salt) {
        if (id == null || id.length == 0) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "transient " + VACCINEE_ID,
                    "is required");
        }
        if (id.length > VACCINEE_ID_BYTES_MAX || new String(id, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "transient " + VACCINEE_ID,
                    "must be 1 to " + VACCINEE_ID_BYTES_MAX + " bytes, not blank");
        }
        if (salt == null || salt.length < SALT_BYTES_MIN) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "transient " + VACCINEE_SALT,
                    "at least " + SALT_BYTES_MIN + " bytes are required");
        }
    }
}
