// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Proposal;

/** What the benchmark submits. */
interface BenchmarkWorkload {
    /** The chaincode name. */
    String chaincode();

    /** The workload's name. */
    String name();

    /** Prepares the ledger (e.g. registers a product and a batch). */
    void setUp(Contract contract) throws Exception;

    /** The i-th transaction of a client (client -1: the lone-submit samples). */
    Proposal.Builder proposal(Contract contract, int client, int i);

    static BenchmarkWorkload named(final String name, final int codesPerTx) {
        if ("asset".equals(name)) {
            return new AssetPut();
        }
        if ("commission".equals(name)) {
            return new Commission(codesPerTx);
        }
        throw new IllegalArgumentException("unknown workload " + name);
    }

    /**
     * The project's chaincode: {@code unit:commission} of fresh codes of one vaccine batch, as a manufacturer's line
     * does (reads product and batch, checks each code is new, writes units, an EPCIS event, the idempotency record,
     * and emits the chaincode event).
     */
    final class Commission implements BenchmarkWorkload {
        private static final String BATCH = "88.118.8866/B-BENCH01";
        private final int codesPerTx;

        Commission(final int codesPerTx) {
            this.codesPerTx = codesPerTx;
        }

        @Override
        public String chaincode() {
            return "traceability";
        }

        @Override
        public String name() {
            return "unit:commission, " + codesPerTx + " code(s) per transaction";
        }

        @Override
        public void setUp(final Contract contract) throws Exception {
            contract.submitTransaction("product:register", "{\"clientEventId\":\"bench-product\","
                    + "\"id\":\"88.118.8866/P-BENCH\",\"kind\":\"vaccine\",\"name\":\"乙型肝炎疫苗\","
                    + "\"productCode\":\"8612345\",\"gtin\":\"06901234567892\",\"approvalNumber\":\"国药准字S20263001\","
                    + "\"packageLevels\":[{\"level\":1,\"name\":\"vial\"},{\"level\":2,\"name\":\"box\","
                    + "\"childCount\":10}],\"shelfLifeMonths\":24}");
            contract.submitTransaction("batch:register", "{\"clientEventId\":\"bench-batch\",\"id\":\"" + BATCH
                    + "\",\"productId\":\"88.118.8866/P-BENCH\",\"batchNumber\":\"BENCH01\","
                    + "\"productionDate\":\"2026-11-01\",\"expiryDate\":\"2028-10-31\"}");
        }

        @Override
        public Proposal.Builder proposal(final Contract contract, final int client, final int i) {
            final StringBuilder codes = new StringBuilder();
            for (int c = 0; c < codesPerTx; c++) {
                codes.append(c == 0 ? "" : ",").append("\"88.118.8866/V").append(client + 1).append('x').append(i)
                        .append('x').append(c).append('"');
            }
            return contract.newProposal("unit:commission").addArguments("{\"clientEventId\":\"bench-" + client + "-"
                    + i + "\",\"batchId\":\"" + BATCH + "\",\"packageLevel\":1,\"codes\":[" + codes + "]}");
        }
    }

    /** The test contract's {@code put}: one write and one event per transaction. */
    final class AssetPut implements BenchmarkWorkload {
        @Override
        public String chaincode() {
            return PeerFixture.CHAINCODE;
        }

        @Override
        public String name() {
            return "asset:put";
        }

        @Override
        public void setUp(final Contract contract) {
        }

        @Override
        public Proposal.Builder proposal(final Contract contract, final int client, final int i) {
            return contract.newProposal("put").addArguments("bench-" + client + "-" + i,
                    "{\"custodian\":\"ShenDistMSP\",\"status\":\"active\",\"i\":" + i + "}");
        }
    }
}
