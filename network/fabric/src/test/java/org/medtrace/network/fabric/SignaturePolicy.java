// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Fabric signature policy expression (AND, OR, OutOf over 'MSP.role' principals), parsed strictly enough that a
 * policy Fabric's own parser would refuse (unbalanced parentheses, unknown roles, stray text) fails here too.
 */
sealed interface SignaturePolicy {

    /** 'MSP.role'. */
    record Principal(String mspId, String role) implements SignaturePolicy {}

    /** AND(...), OR(...) or OutOf(n, ...), normalised to "n of the children". */
    record Gate(String operator, int required, List<SignaturePolicy> children) implements SignaturePolicy {}

    static SignaturePolicy parse(String expression) {
        Parser parser = new Parser(expression);
        SignaturePolicy policy = parser.expression();
        parser.skipSpaces();
        if (parser.position != expression.length()) {
            throw new IllegalArgumentException("unexpected text at " + parser.position + " in " + expression);
        }
        return policy;
    }

    /**
     * Whether endorsements by the peers of exactly these organisations satisfy the policy: a peer's signature
     * satisfies its organisation's {@code .peer} and {@code .member} principals. (Fabric also lets one signature
     * satisfy one principal only; the policies here never name an organisation twice, so that is not modelled.)
     */
    default boolean satisfiedBy(Set<String> peerMspIds) {
        if (this instanceof Principal principal) {
            return peerMspIds.contains(principal.mspId())
                    && (principal.role().equals("peer") || principal.role().equals("member"));
        }
        Gate gate = (Gate) this;
        return gate.children().stream().filter(child -> child.satisfiedBy(peerMspIds)).count() >= gate.required();
    }

    /** Every principal, in order. */
    default List<SignaturePolicy> principals() {
        List<SignaturePolicy> all = new ArrayList<>();
        if (this instanceof Principal principal) {
            all.add(principal);
        } else if (this instanceof Gate gate) {
            gate.children().forEach(child -> all.addAll(child.principals()));
        }
        return all;
    }

    final class Parser {
        private static final Pattern PRINCIPAL = Pattern.compile("'([A-Za-z0-9.-]+)\\.(member|admin|client|peer|orderer)'");
        private static final Pattern OPERATOR = Pattern.compile("(AND|OR|OutOf)\\(");
        private static final Pattern NUMBER = Pattern.compile("(\\d+)");
        private final String text;
        private int position;

        private Parser(String text) {
            this.text = text;
        }

        private SignaturePolicy expression() {
            skipSpaces();
            Matcher principal = PRINCIPAL.matcher(text).region(position, text.length());
            if (principal.lookingAt()) {
                position = principal.end();
                return new Principal(principal.group(1), principal.group(2));
            }
            Matcher operator = OPERATOR.matcher(text).region(position, text.length());
            if (!operator.lookingAt()) {
                throw new IllegalArgumentException("expected a principal or AND/OR/OutOf at " + position + " in " + text);
            }
            position = operator.end();
            int required = -1;
            if (operator.group(1).equals("OutOf")) {
                skipSpaces();
                Matcher number = NUMBER.matcher(text).region(position, text.length());
                if (!number.lookingAt()) {
                    throw new IllegalArgumentException("OutOf needs a count at " + position);
                }
                required = Integer.parseInt(number.group(1));
                position = number.end();
                expect(',');
            }
            List<SignaturePolicy> children = new ArrayList<>();
            children.add(expression());
            skipSpaces();
            while (position < text.length() && text.charAt(position) == ',') {
                position++;
                children.add(expression());
                skipSpaces();
            }
            expect(')');
            int n = switch (operator.group(1)) {
                case "AND" -> children.size();
                case "OR" -> 1;
                default -> required;
            };
            return new Gate(operator.group(1), n, children);
        }

        private void expect(char c) {
            skipSpaces();
            if (position >= text.length() || text.charAt(position) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + position + " in " + text);
            }
            position++;
        }

        private void skipSpaces() {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }
    }
}
