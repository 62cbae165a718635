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

    static BenchmarkWorkload named(final String name) {
        if ("asset".equals(name)) {
            return new AssetPut();
        }
        throw new IllegalArgumentException("unknown workload " + name);
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
