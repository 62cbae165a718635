// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

/**
 * One sales-packaging level of a product (支 &lt; 盒 &lt; 箱): level 1 is the smallest.
 *
 * @param level 1..9, unique within the product
 * @param name for example "vial", "box"
 * @param productCode the level's own 7-digit 药品标识码, if any
 * @param gtin the level's own GTIN-14, if any
 * @param childCount how many units of the next lower level one unit of this level holds, if declared
 */
public record PackageLevel(Integer level, String name, String productCode, String gtin, Integer childCount) {
}
