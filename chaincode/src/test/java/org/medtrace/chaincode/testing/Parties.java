// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import org.medtrace.chaincode.testing.TestIdentities.Identity;

/** The demo organisations of docs/chaincode-api.md, as callers with their roles. */
public final class Parties {
    public static final Identity HUAXIA = TestIdentities.of("HuaxiaVaccineMSP", "manufacturer");
    public static final Identity BENCAO = TestIdentities.of("BencaoHerbalMSP", "manufacturer");
    public static final Identity SHEN = TestIdentities.of("ShenDistMSP", "distributor");
    public static final Identity COLDLINK = TestIdentities.of("ColdLinkMSP", "logistics");
    public static final Identity COLDLINK_LOGGER = TestIdentities.of("ColdLinkMSP", "logger");
    public static final Identity MINHANG = TestIdentities.of("MinhangCdcMSP", "dispenser");
    public static final Identity RENJI = TestIdentities.of("RenjiHospitalMSP", "dispenser");
    public static final Identity MPA = TestIdentities.of("ShanghaiMpaMSP", "regulator");
    /** The lot-release authority (批签发机构), 上海市食品药品检验研究院. */
    public static final Identity SIDC = TestIdentities.of("ShanghaiIdcMSP", "lot-release");

    private Parties() {
    }
}
