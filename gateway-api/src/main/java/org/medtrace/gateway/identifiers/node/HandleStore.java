// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;

/**
 * Where a node keeps its handle records. Handles compare exactly as {@link Identifier} normalises them: prefixes
 * upper case, suffixes case-sensitive.
 */
public interface HandleStore {

    /**
     * @param handle a handle
     * @return its record, values in index order
     */
    Optional<HandleRecord> find(Identifier handle);

    /**
     * Reads a record and applies the change {@code decide} makes of it, atomically: no other change to the same
     * handle comes between the read and the write.
     *
     * @param handle the handle
     * @param decide from the current record (empty if there is none) to the change
     * @param <T> what the change reports
     * @return the change's result
     */
    <T> T update(Identifier handle, Function<Optional<HandleRecord>, Change<T>> decide);

    /**
     * Creates records, all or none: a record that already exists with the same content (timestamps aside) is left
     * as it is; one that exists with other content is a conflict, and then nothing is written.
     *
     * @param records records with distinct handles
     * @return per record, in order: created, unchanged or in conflict
     */
    List<CreateOutcome> createAll(List<HandleRecord> records);

    /** What {@link #createAll} did with one record. */
    enum CreateOutcome {
        /** It did not exist and was created (or would have been, when another one conflicted). */
        CREATED,
        /** It existed with the same content. */
        UNCHANGED,
        /** It exists with other content. */
        CONFLICT
    }

    /**
     * A decision about one record.
     *
     * @param <T> what it reports
     */
    sealed interface Change<T> {
        /** @return what the change reports to the caller */
        T result();

        /**
         * @param result the report
         * @param <T> its type
         * @return leave the record as it is
         */
        static <T> Change<T> keep(final T result) {
            return new Keep<>(result);
        }

        /**
         * @param record the new record
         * @param result the report
         * @param <T> its type
         * @return create or replace the record
         */
        static <T> Change<T> write(final HandleRecord record, final T result) {
            return new Write<>(Objects.requireNonNull(record, "record"), result);
        }

        /**
         * @param result the report
         * @param <T> its type
         * @return delete the record
         */
        static <T> Change<T> delete(final T result) {
            return new Delete<>(result);
        }
    }

    /**
     * Leave the record as it is.
     *
     * @param result the report
     * @param <T> its type
     */
    record Keep<T>(T result) implements Change<T> {
    }

    /**
     * Create or replace the record.
     *
     * @param record the new record
     * @param result the report
     * @param <T> its type
     */
    record Write<T>(HandleRecord record, T result) implements Change<T> {
    }

    /**
     * Delete the record.
     *
     * @param result the report
     * @param <T> its type
     */
    record Delete<T>(T result) implements Change<T> {
    }
}
