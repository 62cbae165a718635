// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.LocalDate;

/**
 * A vaccine batch's lot release (批签发).
 *
 * @param certificateNumber 生物制品批签发合格证 number
 * @param issuer the issuing authority (e.g. 中国食品药品检定研究院)
 * @param releaseDate date of release
 * @param recordedBy MSP id that recorded it
 */
public record LotRelease(String certificateNumber, String issuer, LocalDate releaseDate, String recordedBy) {
}
