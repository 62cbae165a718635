// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleJsonCodec;
import org.medtrace.identifiers.handle.HandleJsonException;
import org.medtrace.identifiers.handle.HandleOperation;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleResponse;
import org.medtrace.identifiers.handle.HandleResponseCode;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.ValueData;

/**
 * PUT and DELETE of one handle: whole records, or with {@code ?index=} only the listed values ({@code index=various}:
 * the indexes in the body); {@code ?overwrite=false} refuses to replace a record (101) or a value (201).
 */
final class HandleWrites {

    private static final HandleJsonCodec CODEC = HandleJsonCodec.create();

    private final HandleStore store;
    private final NodeSettings settings;

    HandleWrites(final HandleStore store, final NodeSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    NodeReply put(final Identifier handle, final NodeRequest request, final Authentication caller) {
        final Optional<NodeReply> refused = checkWritable(handle, caller, HandleOperation.MODIFY);
        if (refused.isPresent()) {
            return refused.get();
        }
        final boolean overwrite;
        final Optional<Set<Integer>> indexes;
        final List<HandleValue> values;
        try {
            overwrite = overwrite(request.parameter("overwrite"));
            indexes = indexes(request.parameter("index"), true);
        } catch (IllegalArgumentException e) {
            return error(HandleOperation.MODIFY, HandleResponseCode.PROTOCOL_ERROR, handle, e.getMessage());
        }
        try {
            values = stamped(CODEC.readRequestValues(request.body()), settings);
        } catch (HandleJsonException e) {
            return error(HandleOperation.MODIFY, HandleResponseCode.INVALID_VALUE, handle,
                    e.path() + ": " + e.getMessage());
        }
        final Administrator admin = ((Authentication.Admin) caller).administrator();
        return indexes.isEmpty() ? putRecord(handle, values, overwrite, admin)
                : putValues(handle, values, indexes.get().isEmpty() ? indexesOf(values) : indexes.get(), overwrite);
    }

    private NodeReply putRecord(final Identifier handle, final List<HandleValue> values, final boolean overwrite,
            final Administrator admin) {
        final HandleRecord record;
        try {
            record = new HandleRecord(handle, StoredValues.inIndexOrder(withAdmin(values, admin, handle, settings)));
        } catch (IllegalArgumentException e) {
            return error(HandleOperation.MODIFY, HandleResponseCode.INVALID_VALUE, handle, e.getMessage());
        }
        return store.update(handle, current -> {
            if (current.isPresent() && !overwrite) {
                return HandleStore.Change.keep(error(HandleOperation.MODIFY,
                        HandleResponseCode.HANDLE_ALREADY_EXISTS, handle, handle + " exists and overwrite=false"));
            }
            final HandleOperation operation = current.isPresent() ? HandleOperation.MODIFY : HandleOperation.CREATE;
            return HandleStore.Change.write(record, done(operation, handle));
        });
    }

    private NodeReply putValues(final Identifier handle, final List<HandleValue> values, final Set<Integer> indexes,
            final boolean overwrite) {
        final Set<Integer> inBody = indexesOf(values);
        if (!inBody.equals(indexes)) {
            return error(HandleOperation.MODIFY, HandleResponseCode.INVALID_VALUE, handle, "the body has values at "
                    + inBody + " but ?index= lists " + indexes + "; they must be the same");
        }
        return store.update(handle, current -> {
            if (current.isEmpty()) {
                return HandleStore.Change.keep(error(HandleOperation.MODIFY, HandleResponseCode.HANDLE_NOT_FOUND,
                        handle, handle + " is not registered; PUT it without ?index= to create it"));
            }
            final Set<Integer> existing = new TreeSet<>(indexesOf(current.get().values()));
            existing.retainAll(indexes);
            if (!overwrite && !existing.isEmpty()) {
                return HandleStore.Change.keep(error(HandleOperation.MODIFY, HandleResponseCode.VALUE_ALREADY_EXISTS,
                        handle, "values at " + existing + " exist and overwrite=false"));
            }
            final List<HandleValue> merged = new ArrayList<>(values);
            current.get().values().stream().filter(v -> !indexes.contains(v.index())).forEach(merged::add);
            try {
                return HandleStore.Change.write(new HandleRecord(handle, StoredValues.inIndexOrder(merged)),
                        done(HandleOperation.MODIFY, handle));
            } catch (IllegalArgumentException e) {
                return HandleStore.Change.keep(error(HandleOperation.MODIFY, HandleResponseCode.INVALID_VALUE, handle,
                        e.getMessage()));
            }
        });
    }

    NodeReply delete(final Identifier handle, final NodeRequest request, final Authentication caller) {
        final Optional<NodeReply> refused = checkWritable(handle, caller, HandleOperation.DELETE);
        if (refused.isPresent()) {
            return refused.get();
        }
        final Optional<Set<Integer>> indexes;
        try {
            indexes = indexes(request.parameter("index"), false);
        } catch (IllegalArgumentException e) {
            return error(HandleOperation.DELETE, HandleResponseCode.PROTOCOL_ERROR, handle, e.getMessage());
        }
        return store.update(handle, current -> {
            if (current.isEmpty()) {
                return HandleStore.Change.keep(error(HandleOperation.DELETE, HandleResponseCode.HANDLE_NOT_FOUND,
                        handle, handle + " is not registered"));
            }
            if (indexes.isEmpty()) {
                return HandleStore.Change.delete(done(HandleOperation.DELETE, handle));
            }
            final Set<Integer> missing = new TreeSet<>(indexes.get());
            missing.removeAll(indexesOf(current.get().values()));
            if (!missing.isEmpty()) {
                return HandleStore.Change.keep(error(HandleOperation.DELETE, HandleResponseCode.VALUES_NOT_FOUND,
                        handle, handle + " has no values at " + missing));
            }
            final List<HandleValue> remaining = current.get().values().stream()
                    .filter(v -> !indexes.get().contains(v.index())).toList();
            if (remaining.isEmpty()) {
                return HandleStore.Change.keep(error(HandleOperation.DELETE, HandleResponseCode.INVALID_VALUE,
                        handle, "deleting " + indexes.get() + " would leave " + handle
                                + " without values; DELETE the handle itself"));
            }
            return HandleStore.Change.write(new HandleRecord(handle, remaining), done(HandleOperation.DELETE, handle));
        });
    }

    /** Responsibility, then credentials, then permission: the order a Handle server checks them in. */
    private Optional<NodeReply> checkWritable(final Identifier handle, final Authentication caller,
            final HandleOperation operation) {
        if (NamingAuthorityRecords.isGenerated(handle, settings)) {
            return Optional.of(error(operation, HandleResponseCode.INSUFFICIENT_PERMISSIONS, handle, handle
                    + " is made from this node's configuration (medtrace.identifiers.node.*) and cannot be changed"));
        }
        if (!settings.serves(handle.prefix())) {
            return Optional.of(error(operation, HandleResponseCode.SERVER_NOT_RESPONSIBLE, handle,
                    "this node serves " + settings.prefixes() + ", not " + handle.prefix()));
        }
        return permission(handle, caller, operation);
    }

    /**
     * @param handle the handle to change
     * @param caller who asks
     * @param operation what for
     * @return the refusal, or empty if the caller may change the handle
     */
    static Optional<NodeReply> permission(final Identifier handle, final Authentication caller,
            final HandleOperation operation) {
        if (caller instanceof Authentication.Anonymous) {
            return Optional.of(error(operation, HandleResponseCode.AUTHENTICATION_NEEDED, handle,
                    "writes need an administrator of " + handle.prefix() + ": HTTP Basic with user"
                            + " <index>:0.NA/<prefix> (percent-encoded) or a gateway client of an administering"
                            + " organisation"));
        }
        if (caller instanceof Authentication.Refused refused) {
            return Optional.of(error(operation, HandleResponseCode.AUTHENTICATION_FAILED, handle, refused.reason()));
        }
        final Administrator admin = ((Authentication.Admin) caller).administrator();
        if (!admin.administers(handle)) {
            return Optional.of(error(operation, HandleResponseCode.INSUFFICIENT_PERMISSIONS, handle,
                    admin.name() + " does not administer prefix " + handle.prefix()));
        }
        return Optional.empty();
    }

    /** @return the values with an HS_ADMIN naming the administrator added at index 100 (or above), if none has one */
    static List<HandleValue> withAdmin(final List<HandleValue> values, final Administrator admin,
            final Identifier handle, final NodeSettings settings) {
        if (values.stream().anyMatch(v -> v.type().equalsIgnoreCase(HandleTypes.HS_ADMIN))) {
            return values;
        }
        final Set<Integer> used = indexesOf(values);
        int index = HandleTypes.ADMIN_INDEX;
        while (used.contains(index)) {
            index++;
        }
        final List<HandleValue> withAdmin = new ArrayList<>(values);
        final ValueData.Admin data = admin.adminHandle() != null
                ? new ValueData.Admin(admin.adminHandle(), admin.adminIndex(), NodeSettings.ADMIN_PERMISSIONS)
                : settings.adminOf(handle.prefix());
        withAdmin.add(HandleValue.of(index, HandleTypes.HS_ADMIN, data)
                .withTimestamp(values.isEmpty() ? Instant.EPOCH : values.get(0).timestamp()));
        return withAdmin;
    }

    /** @return the values with the server's time as their timestamp, as Handle servers do */
    static List<HandleValue> stamped(final List<HandleValue> values, final NodeSettings settings) {
        final Instant now = settings.clock().instant();
        return values.stream().map(v -> v.withTimestamp(now)).toList();
    }

    private static boolean overwrite(final List<String> parameter) {
        if (parameter.isEmpty()) {
            return true;
        }
        if (parameter.size() > 1 || !(parameter.get(0).equals("true") || parameter.get(0).equals("false"))) {
            throw new IllegalArgumentException("overwrite must be true or false, once; got " + parameter);
        }
        return Boolean.parseBoolean(parameter.get(0));
    }

    /** @return empty without ?index=; an empty set for index=various (allowed only if {@code various}) */
    private static Optional<Set<Integer>> indexes(final List<String> parameter, final boolean various) {
        if (parameter.isEmpty()) {
            return Optional.empty();
        }
        if (various && parameter.size() == 1 && parameter.get(0).equals("various")) {
            return Optional.of(Set.of());
        }
        final Set<Integer> indexes = new TreeSet<>();
        for (final String text : parameter) {
            final int index;
            try {
                index = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("index '" + text + "' is not a number"
                        + (various ? " (or the single word various)" : ""), e);
            }
            if (index < 1) {
                throw new IllegalArgumentException("index must be 1 or more, got " + index);
            }
            indexes.add(index);
        }
        if (indexes.size() > HandleRecord.VALUES_MAX) {
            throw new IllegalArgumentException("at most " + HandleRecord.VALUES_MAX + " indexes are accepted");
        }
        return Optional.of(indexes);
    }

    private static Set<Integer> indexesOf(final List<HandleValue> values) {
        final Set<Integer> indexes = new TreeSet<>();
        values.forEach(v -> indexes.add(v.index()));
        return indexes;
    }

    private static NodeReply done(final HandleOperation operation, final Identifier handle) {
        return NodeReply.of(operation, new HandleResponse(HandleResponseCode.SUCCESS.code(),
                Optional.of(handle.toString()), List.of(), Optional.empty()));
    }

    private static NodeReply error(final HandleOperation operation, final HandleResponseCode code,
            final Identifier handle, final String message) {
        return NodeReply.error(operation, code, handle.toString(), message);
    }
}
