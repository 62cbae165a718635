// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.testing.ChaincodeHarness;
import org.medtrace.chaincode.testing.Parties;

/** The router exposes exactly the transactions of docs/chaincode-api.md, with their intents. */
class ContractMetadataTest {
    /** Every transaction name of the contract, {@code contract:function}, submit or evaluate. */
    static final Map<String, String> TRANSACTIONS = Map.ofEntries(
            Map.entry("product:register", "submit"), Map.entry("product:get", "evaluate"),
            Map.entry("batch:register", "submit"), Map.entry("batch:recordLotRelease", "submit"),
            Map.entry("batch:get", "evaluate"),
            Map.entry("unit:commission", "submit"), Map.entry("unit:commissionContainers", "submit"),
            Map.entry("unit:decommission", "submit"), Map.entry("unit:get", "evaluate"),
            Map.entry("unit:children", "evaluate"),
            Map.entry("aggregation:pack", "submit"), Map.entry("aggregation:unpack", "submit"),
            Map.entry("custody:ship", "submit"), Map.entry("custody:receive", "submit"),
            Map.entry("custody:cancelShipment", "submit"),
            Map.entry("custody:store", "submit"), Map.entry("custody:inspect", "submit"),
            Map.entry("custody:hold", "submit"), Map.entry("custody:release", "submit"),
            Map.entry("custody:dispense", "submit"), Map.entry("custody:administer", "submit"),
            Map.entry("custody:return", "submit"), Map.entry("custody:destroy", "submit"),
            Map.entry("shipment:get", "evaluate"),
            Map.entry("transformation:transform", "submit"),
            Map.entry("recall:create", "submit"), Map.entry("recall:get", "evaluate"),
            Map.entry("telemetry:registerLogger", "submit"), Map.entry("telemetry:revokeLogger", "submit"),
            Map.entry("telemetry:associate", "submit"), Map.entry("telemetry:dissociate", "submit"),
            Map.entry("telemetry:anchor", "submit"), Map.entry("telemetry:excursion", "submit"),
            Map.entry("telemetry:getLogger", "evaluate"), Map.entry("telemetry:anchors", "evaluate"),
            Map.entry("ledger:event", "evaluate"), Map.entry("ledger:history", "evaluate"),
            Map.entry("parameters:set", "submit"), Map.entry("parameters:get", "evaluate"),
            Map.entry("member:register", "submit"), Map.entry("member:update", "submit"),
            Map.entry("member:get", "evaluate"), Map.entry("member:list", "evaluate"));

    @Test
    void the_router_lists_exactly_the_documented_transactions() {
        ChaincodeHarness harness = new ChaincodeHarness();
        JsonNode metadata = harness.evaluate(Parties.MPA, "org.hyperledger.fabric:GetMetadata", "").json();
        TreeSet<String> found = new TreeSet<>();
        for (Map.Entry<String, JsonNode> contract : metadata.get("contracts").properties()) {
            if (contract.getKey().startsWith("org.hyperledger")) {
                continue;
            }
            for (JsonNode transaction : contract.getValue().get("transactions")) {
                String name = contract.getKey() + ":" + transaction.get("name").asText();
                found.add(name);
                String tag = transaction.get("tags").get(0).asText().toLowerCase(java.util.Locale.ROOT);
                assertThat(tag).as(name).isEqualTo(TRANSACTIONS.get(name));
                assertThat(transaction.get("parameters")).as(name).hasSize(1);
            }
        }
        assertThat(found).isEqualTo(new TreeSet<>(TRANSACTIONS.keySet()));
    }
}
