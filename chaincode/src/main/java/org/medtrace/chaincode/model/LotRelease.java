// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.LocalDate;

/**
 * A vaccine batch's lot release (批签发), recorded by the lot-release authority that issued it.
 *
 * @param certificateNumber 生物制品批签发合格证 number
 * @param issuer the issuing authority's legal name, from its member registry entry (e.g. 中国食品药品检定研究院)
 * @param issuerMsp the issuing authority's MSP id (the caller)
 * @param releaseDate date of release
 */
public record LotRelease(String certificateNumber, String issuer, String issuerMsp, LocalDate releaseDate) {
}
