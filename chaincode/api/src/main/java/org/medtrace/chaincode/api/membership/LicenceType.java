// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import com.fasterxml.jackson.annotation.JsonValue;
import org.medtrace.chaincode.api.model.WireEnum;

/** The licences and designations a role may need (see {@link Role#licenceTypes()}). */
public enum LicenceType implements WireEnum {
    /** 药品生产许可证. */
    DRUG_MANUFACTURING,
    /** 药品经营许可证, wholesale or retail. */
    DRUG_DISTRIBUTION,
    /** 医疗机构执业许可证. */
    MEDICAL_INSTITUTION,
    /** Designation as a vaccination site (接种单位). */
    VACCINATION_SITE,
    /** Designation as a lot-release authority (批签发机构). */
    LOT_RELEASE_DESIGNATION;

    @JsonValue
    @Override
    public String wire() {
        return name();
    }
}
