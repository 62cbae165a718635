// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.identity.LocalCertificateAuthority;
import org.medtrace.devpeer.identity.SigningIdentity;

/** Crash recovery of the ledger: a torn tail is cut off, and blocks the indexes missed are replayed. */
class LedgerRecoveryTest {
    private static final String NS = "asset";

    @Test
    void a_torn_record_at_the_end_of_the_block_file_is_cut_off() throws Exception {
        final Path dir = directory("torn");
        final SigningIdentity signer = signer(dir);
        try (Ledger ledger = Ledger.open(dir.resolve("ledger"), "ch", signer)) {
            for (int i = 0; i < 3; i++) {
                ledger.commit(List.of(List.of(write("tx" + i, "k" + i, "v" + i))));
            }
        }
        final Path blocks = dir.resolve("ledger").resolve("blocks.dat");
        final long intact = Files.size(blocks);
        // A crash in the middle of an append: the header promises 1000 bytes, 20 made it to disk.
        Files.write(blocks, ByteBuffer.allocate(28).putInt(1000).putInt(12345).array(), StandardOpenOption.APPEND);
        try (Ledger ledger = Ledger.open(dir.resolve("ledger"), "ch", signer)) {
            assertThat(Files.size(blocks)).isEqualTo(intact);
            assertThat(ledger.height()).isEqualTo(3);
            ledger.commit(List.of(List.of(write("tx3", "k3", "v3"))));
            assertThat(ledger.height()).isEqualTo(4);
            assertThat(ledger.verifyChain()).isNull();
            assertThat(read(ledger, "k3")).isEqualTo("v3");
            assertThat(ledger.transaction("tx3").code()).isEqualTo(TxValidationCode.VALID);
        }
    }

    @Test
    void blocks_the_index_has_not_absorbed_are_replayed_from_the_block_file() throws Exception {
        final Path dir = directory("replay");
        final SigningIdentity signer = signer(dir);
        final Path ledgerDir = dir.resolve("ledger");
        try (Ledger ledger = Ledger.open(ledgerDir, "ch", signer)) {
            ledger.commit(List.of(List.of(write("a1", "k1", "one"))));
            ledger.commit(List.of(List.of(write("a2", "k2", "two"))));
        }
        copy(ledgerDir.resolve("index"), dir.resolve("index-at-2"));
        try (Ledger ledger = Ledger.open(ledgerDir, "ch", signer)) {
            ledger.commit(List.of(List.of(write("a3", "k1", "uno")), List.of(write("a4", "k4", "four"))));
        }
        // As if the process died after forcing blocks 2 and 3 to disk but before their index batch was written.
        delete(ledgerDir.resolve("index"));
        copy(dir.resolve("index-at-2"), ledgerDir.resolve("index"));
        try (Ledger ledger = Ledger.open(ledgerDir, "ch", signer)) {
            assertThat(ledger.height()).isEqualTo(4);
            assertThat(read(ledger, "k1")).isEqualTo("uno");
            assertThat(read(ledger, "k4")).isEqualTo("four");
            assertThat(ledger.transaction("a4").blockNumber()).isEqualTo(3);
            try (Simulation simulation = ledger.newSimulation("q")) {
                final Simulation.HistoryQuery history = simulation.historyQuery(NS, "k1");
                assertThat(history.fetch(10)).extracting(m -> m.getTxId()).containsExactly("a3", "a1");
            }
            ledger.commit(List.of(List.of(write("a5", "k5", "five"))));
            assertThat(ledger.verifyChain()).isNull();
        }
    }

    @Test
    void a_later_transaction_in_the_same_commit_sees_the_earlier_ones_writes() throws Exception {
        final Path dir = directory("same-commit");
        try (Ledger ledger = Ledger.open(dir.resolve("ledger"), "ch", signer(dir))) {
            ledger.commit(List.of(List.of(write("b1", "k", "v1"))));
            final org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version v1 =
                    org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version.newBuilder().setBlockNum(0)
                            .setTxNum(0).build();
            final OrderedTx first = readThenWrite("b2", "k", v1, "v2");
            final OrderedTx second = readThenWrite("b3", "k", v1, "v3");
            ledger.commit(List.of(List.of(first), List.of(second)));
            assertThat(ledger.transaction("b2").code()).isEqualTo(TxValidationCode.VALID);
            assertThat(ledger.transaction("b3").code()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
            assertThat(read(ledger, "k")).isEqualTo("v2");
        }
    }

    private static String read(final Ledger ledger, final String key) {
        try (Simulation simulation = ledger.newSimulation("read")) {
            final byte[] value = simulation.getState(NS, key);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private static OrderedTx write(final String txId, final String key, final String value) throws Exception {
        return tx(txId, KVRWSet.newBuilder().addWrites(KVWrite.newBuilder().setKey(key)
                .setValue(ByteString.copyFromUtf8(value))).build());
    }

    private static OrderedTx readThenWrite(final String txId, final String key,
            final org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version version, final String value)
            throws Exception {
        return tx(txId, KVRWSet.newBuilder()
                .addReads(org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead.newBuilder().setKey(key)
                        .setVersion(version))
                .addWrites(KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFromUtf8(value))).build());
    }

    /** A minimal endorser transaction carrying the read-write set (signatures are the ordering stage's business). */
    private static OrderedTx tx(final String txId, final KVRWSet rwSet) throws Exception {
        final ByteString signatureHeader = SignatureHeader.newBuilder().setCreator(ByteString.copyFromUtf8("creator"))
                .setNonce(ByteString.copyFromUtf8("nonce")).build().toByteString();
        final ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId("ch").setTxId(txId).build();
        final TxReadWriteSet results = TxReadWriteSet.newBuilder().addNsRwset(NsReadWriteSet.newBuilder()
                .setNamespace(NS).setRwset(rwSet.toByteString())).build();
        final ByteString responsePayload = ProposalResponsePayload.newBuilder().setExtension(ChaincodeAction
                .newBuilder().setResults(results.toByteString()).build().toByteString()).build().toByteString();
        final Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setHeader(signatureHeader).setPayload(ChaincodeActionPayload.newBuilder().setAction(
                        ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(responsePayload))
                        .build().toByteString())).build();
        final Payload payload = Payload.newBuilder().setHeader(Header.newBuilder()
                .setChannelHeader(channelHeader.toByteString()).setSignatureHeader(signatureHeader))
                .setData(transaction.toByteString()).build();
        final Envelope envelope = Envelope.newBuilder().setPayload(payload.toByteString())
                .setSignature(ByteString.copyFromUtf8("sig")).build();
        return new OrderedTx(ParsedTx.parse(envelope), TxValidationCode.VALID);
    }

    private static SigningIdentity signer(final Path dir) {
        return LocalCertificateAuthority.open(dir.resolve("organizations"), List.of("TestMSP")).peerIdentity("TestMSP");
    }

    private static Path directory(final String name) throws IOException {
        final Path root = Path.of(System.getProperty("devpeer.test.dir", "target/test-data"));
        return Files.createDirectories(root.resolve("ledger-" + name + "-" + System.nanoTime()));
    }

    private static void copy(final Path from, final Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (final Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void delete(final Path directory) throws IOException {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.forEach(files::add);
        }
        for (int i = files.size() - 1; i >= 0; i--) {
            Files.delete(files.get(i));
        }
    }
}
