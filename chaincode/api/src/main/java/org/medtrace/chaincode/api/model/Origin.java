// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

/**
 * Where a herbal lot was grown (产地).
 *
 * @param province province
 * @param city city
 * @param county county
 * @param gapBase GAP base name or identifier
 * @param geo "lat,lon" or a geo URI
 */
public record Origin(String province, String city, String county, String gapBase, String geo) {
}
