// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.codes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.medtrace.gateway.errors.Problem;

/**
 * The fields of a request that hold codes, as paths: {@code parent}, {@code codes[]}, {@code inputs[].code}. The
 * gateway rewrites each to its canonical identifier before the request goes to the ledger.
 *
 * @param paths the code paths
 */
public record CodeFields(List<String> paths) {

    /** No code fields. */
    public static final CodeFields NONE = new CodeFields(List.of());

    /** Copies the paths. */
    public CodeFields {
        paths = List.copyOf(paths);
    }

    /**
     * @param paths code paths
     * @return the fields
     */
    public static CodeFields of(final String... paths) {
        return new CodeFields(List.of(paths));
    }

    /**
     * Rewrites every code in {@code request} to its canonical form.
     *
     * @param request the request, changed in place
     * @param parser the code parser
     * @param errors receives one error per invalid code
     */
    public void canonicalise(final ObjectNode request, final CodeParser parser, final List<Problem.FieldError> errors) {
        Objects.requireNonNull(request, "request");
        for (final String path : paths) {
            walk(request, path.split("\\."), 0, "", parser, errors);
        }
    }

    private static void walk(final JsonNode node, final String[] steps, final int index, final String at,
            final CodeParser parser, final List<Problem.FieldError> errors) {
        final boolean many = steps[index].endsWith("[]");
        final String name = many ? steps[index].substring(0, steps[index].length() - 2) : steps[index];
        final String here = at.isEmpty() ? name : at + "." + name;
        final JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return;
        }
        if (many) {
            if (!child.isArray()) {
                return; // bean validation reports the wrong type
            }
            final ArrayNode array = (ArrayNode) child;
            for (int i = 0; i < array.size(); i++) {
                final String element = here + "[" + i + "]";
                if (index == steps.length - 1) {
                    final int position = i;
                    replace(array.get(i), element, parser, errors, canonical -> array.set(position, canonical));
                } else {
                    walk(array.get(i), steps, index + 1, element, parser, errors);
                }
            }
        } else if (index == steps.length - 1) {
            replace(child, here, parser, errors, canonical -> ((ObjectNode) node).set(name, canonical));
        } else {
            walk(child, steps, index + 1, here, parser, errors);
        }
    }

    private static void replace(final JsonNode value, final String field, final CodeParser parser,
            final List<Problem.FieldError> errors, final Consumer<TextNode> setter) {
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return;
        }
        try {
            setter.accept(TextNode.valueOf(parser.canonical(value.asText())));
        } catch (InvalidCodeException e) {
            errors.add(new Problem.FieldError(field, e.getMessage()));
        }
    }
}
