// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.verification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medtrace.identifiers.InvalidIdentifierException;
import org.medtrace.identifiers.codes.CodeReader;
import org.medtrace.identifiers.codes.Gs1Date;
import org.medtrace.identifiers.codes.Gs1ElementString;
import org.medtrace.identifiers.codes.ReadCode;

/**
 * What a scan says about the pack besides its code: the batch or lot number (GS1 AI 10) and the expiry date (AI 17),
 * from a GS1 element string or a GS1 Digital Link (lot as the {@code /10/} path qualifier, expiry as query {@code 17}).
 * A 20-digit NMPA code or an identifier carries neither. Verification compares both with the ledger's batch, as EU FMD
 * and DSCSA verification do, because a copied serial on a relabelled or falsified pack shows up exactly there.
 *
 * <pre>{@code
 * PrintedData printed = PrintedData.read("(01)06901234567892(17)200101(10)FAKE999(21)SN0003", 2026);
 * printed.against("B001", LocalDate.parse("2028-10-31"));   // batchNumber and expiryDate differ
 * }</pre>
 *
 * @param batchNumber the AI (10) data as printed, if scanned
 * @param expiry the AI (17) date, if scanned (day 00 reads as the last day of its month, GS1's rule)
 */
public record PrintedData(Optional<String> batchNumber, Optional<Gs1Date> expiry) {

    /** A scan that carries neither a lot nor an expiry. */
    public static final PrintedData NONE = new PrintedData(Optional.empty(), Optional.empty());

    /** @throws NullPointerException if an argument is null */
    public PrintedData {
        Objects.requireNonNull(batchNumber, "batchNumber");
        Objects.requireNonNull(expiry, "expiry");
    }

    /**
     * @param scanned the code as scanned, in any form
     * @param referenceYear the year two-digit years are resolved around (GS1's century window)
     * @return the lot and expiry the scan carries; {@link #NONE} for forms that carry none, or text that is no code
     *     (the caller refuses that while making the canonical code)
     */
    public static PrintedData read(final String scanned, final int referenceYear) {
        final ReadCode code;
        try {
            code = CodeReader.read(Objects.requireNonNull(scanned, "scanned"), referenceYear);
        } catch (InvalidIdentifierException e) {
            return NONE;
        }
        final Gs1ElementString elements;
        if (code instanceof ReadCode.ElementString elementString) {
            elements = elementString.elements();
        } else if (code instanceof ReadCode.DigitalLink link) {
            elements = link.link().elements();
        } else {
            return NONE;
        }
        return new PrintedData(elements.batch(), elements.expiry());
    }

    /**
     * @param recordedBatchNumber the ledger batch's number, or null if it has none
     * @param recordedExpiry the ledger batch's expiry date, or null if it has none
     * @return one mismatch per field the scan carries and the ledger contradicts, batch number first; empty when they
     *     agree (a field the scan does not carry, or the ledger does not record, is not compared)
     */
    public List<Mismatch> against(final String recordedBatchNumber, final LocalDate recordedExpiry) {
        final List<Mismatch> mismatches = new ArrayList<>(2);
        if (batchNumber.isPresent() && recordedBatchNumber != null
                && !batchNumber.get().equals(recordedBatchNumber)) {
            mismatches.add(new Mismatch("batchNumber", "10", batchNumber.get(), batchNumber.get(),
                    recordedBatchNumber));
        }
        if (expiry.isPresent() && recordedExpiry != null && !expiry.get().date().equals(recordedExpiry)) {
            mismatches.add(new Mismatch("expiryDate", "17", expiry.get().date().toString(), expiry.get().text(),
                    recordedExpiry.toString()));
        }
        return List.copyOf(mismatches);
    }

    /**
     * One field where the scanned pack and the ledger disagree.
     *
     * @param field the field of the verification answer: {@code batchNumber} or {@code expiryDate}
     * @param ai the GS1 application identifier that carried it: {@code 10} or {@code 17}
     * @param scanned the value the scan carries, in the answer's format (an expiry as an ISO date)
     * @param printed the AI data as printed ({@code 200101} for an expiry)
     * @param recorded the value on the ledger
     */
    public record Mismatch(String field, String ai, String scanned, String printed, String recorded) {

        /** @return "batch FAKE999 (AI 10) where the ledger has B001" */
        String describe() {
            final String what = "batchNumber".equals(field) ? "batch " : "expiry ";
            final String as = printed.equals(scanned) ? "" : " = " + printed;
            return what + scanned + " (AI " + ai + as + ") where the ledger has " + recorded;
        }
    }
}
