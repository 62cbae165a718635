// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.policy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * A Fabric signature policy, parsed from the text {@code peer lifecycle chaincode approveformyorg --signature-policy}
 * takes or read from a {@code SignaturePolicyEnvelope}, and evaluated as Fabric's cauthdsl does.
 *
 * <pre>{@code
 * SignaturePolicy policy = SignaturePolicy.parse(
 *         "AND('ShanghaiMpaMSP.peer', OutOf(1, 'HuaxiaVaccineMSP.peer', 'ShenDistMSP.peer'))");
 * policy.isSatisfiedBy(List.of(mpaPeer, huaxiaPeer));   // true
 * byte[] asStored = policy.envelope().toByteArray();     // what SetStateValidationParameter stores
 * }</pre>
 *
 * <p>Syntax: {@code AND(p, ...)}, {@code OR(p, ...)}, {@code OutOf(n, p, ...)} (names case-insensitive, at least one
 * argument, {@code 1 <= n <= arguments}) and principals {@code 'MSP.role'} in single or double quotes, role one of
 * {@code member}, {@code admin}, {@code client}, {@code peer}, {@code orderer}. Evaluation: each signer satisfies at
 * most one principal, tried in order (greedy, as cauthdsl); a role principal matches the certificate's NodeOU role;
 * {@code member} matches every valid identity of the MSP. Only role principals are supported; an envelope with
 * others (identity, OU, anonymity, combined) is refused.
 */
public final class SignaturePolicy {
    /** Longest policy text accepted. */
    public static final int TEXT_CHARS_MAX = 16_384;
    /** Deepest nesting of AND/OR/OutOf. */
    public static final int DEPTH_MAX = 16;
    /** Most principals (and most arguments of one operator). */
    public static final int PRINCIPALS_MAX = 256;

    private static final Pattern PRINCIPAL = Pattern.compile("([A-Za-z0-9._-]{1,64})\\.(member|admin|client|peer"
            + "|orderer)");

    private final SignaturePolicyEnvelope envelope;
    private final Rule root;

    private SignaturePolicy(final SignaturePolicyEnvelope envelope, final Rule root) {
        this.envelope = envelope;
        this.root = root;
    }

    /**
     * Parses the policy text.
     *
     * @throws PolicySyntaxException naming the position and the problem
     * @throws NullPointerException if text is null
     */
    public static SignaturePolicy parse(final String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > TEXT_CHARS_MAX) {
            throw new PolicySyntaxException(text.substring(0, 64) + "...", TEXT_CHARS_MAX, "longer than "
                    + TEXT_CHARS_MAX + " characters");
        }
        final Parser parser = new Parser(text);
        final org.hyperledger.fabric.protos.common.SignaturePolicy rule = parser.policy();
        return fromEnvelope(SignaturePolicyEnvelope.newBuilder().setVersion(0).setRule(rule)
                .addAllIdentities(parser.identities).build());
    }

    /**
     * A policy from its envelope (a chaincode's validation parameter, say).
     *
     * @throws IllegalArgumentException if it uses principals other than MSP roles, refers to a missing identity,
     *     or is deeper or larger than the limits
     */
    public static SignaturePolicy fromEnvelope(final SignaturePolicyEnvelope envelope) {
        final List<Principal> principals = new ArrayList<>();
        for (final MSPPrincipal principal : envelope.getIdentitiesList()) {
            principals.add(Principal.of(principal));
        }
        if (principals.size() > PRINCIPALS_MAX) {
            throw new IllegalArgumentException("the policy has more than " + PRINCIPALS_MAX + " identities");
        }
        if (!envelope.hasRule()) {
            throw new IllegalArgumentException("the policy has no rule");
        }
        return new SignaturePolicy(envelope, compile(envelope.getRule(), principals, 0));
    }

    /**
     * A policy from serialized {@code SignaturePolicyEnvelope} bytes.
     *
     * @throws IllegalArgumentException if the bytes are not such an envelope, or it is unsupported
     */
    public static SignaturePolicy fromBytes(final ByteString bytes) {
        try {
            return fromEnvelope(SignaturePolicyEnvelope.parseFrom(bytes));
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a SignaturePolicyEnvelope: " + e.getMessage(), e);
        }
    }

    /** The envelope, as Fabric stores it in a chaincode definition or a key's validation parameter. */
    public SignaturePolicyEnvelope envelope() {
        return envelope;
    }

    /**
     * True if the signers satisfy the policy. Signers with the same id count once; each satisfies at most one
     * principal, assigned greedily in the policy's order, as Fabric's cauthdsl.
     */
    public boolean isSatisfiedBy(final Collection<PolicyIdentity> signers) {
        final List<PolicyIdentity> distinct = new ArrayList<>(signers.size());
        final Set<Object> seen = new HashSet<>();
        for (final PolicyIdentity signer : signers) {
            if (seen.add(signer.id())) {
                distinct.add(signer);
            }
        }
        return root.evaluate(distinct, new boolean[distinct.size()]);
    }

    /** The policy in the text syntax (AND for n of n, OR for 1 of n, else OutOf). */
    @Override
    public String toString() {
        return root.toString();
    }

    private static Rule compile(final org.hyperledger.fabric.protos.common.SignaturePolicy rule,
            final List<Principal> principals, final int depth) {
        switch (rule.getTypeCase()) {
            case SIGNED_BY:
                if (rule.getSignedBy() < 0 || rule.getSignedBy() >= principals.size()) {
                    throw new IllegalArgumentException("signed_by refers to identity " + rule.getSignedBy()
                            + " of " + principals.size());
                }
                return principals.get(rule.getSignedBy());
            case N_OUT_OF:
                if (depth >= DEPTH_MAX) {
                    throw new IllegalArgumentException("the policy is nested deeper than " + DEPTH_MAX);
                }
                final List<Rule> children = new ArrayList<>();
                for (final org.hyperledger.fabric.protos.common.SignaturePolicy child : rule.getNOutOf().getRulesList()) {
                    children.add(compile(child, principals, depth + 1));
                }
                if (children.size() > PRINCIPALS_MAX) {
                    throw new IllegalArgumentException("an OutOf has more than " + PRINCIPALS_MAX + " rules");
                }
                return new OutOf(rule.getNOutOf().getN(), children);
            default:
                throw new IllegalArgumentException("the policy has an empty rule");
        }
    }

    /** A compiled rule: cauthdsl's evaluation over the signers, marking those it uses. */
    private interface Rule {
        boolean evaluate(List<PolicyIdentity> signers, boolean[] used);
    }

    /** {@code SignedBy}: the first signer not yet used that satisfies the principal. */
    private record Principal(String mspId, MSPRoleType role) implements Rule {
        static Principal of(final MSPPrincipal principal) {
            if (principal.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
                throw new IllegalArgumentException("unsupported principal classification "
                        + principal.getPrincipalClassification() + " (only MSP roles are supported)");
            }
            final MSPRole role;
            try {
                role = MSPRole.parseFrom(principal.getPrincipal());
            } catch (final InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("malformed MSP role principal", e);
            }
            if (role.getRole() == MSPRoleType.UNRECOGNIZED || role.getMspIdentifier().isEmpty()) {
                throw new IllegalArgumentException("malformed MSP role principal " + role);
            }
            return new Principal(role.getMspIdentifier(), role.getRole());
        }

        MSPPrincipal toProto() {
            return MSPPrincipal.newBuilder().setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                    .setPrincipal(MSPRole.newBuilder().setMspIdentifier(mspId).setRole(role).build().toByteString())
                    .build();
        }

        @Override
        public boolean evaluate(final List<PolicyIdentity> signers, final boolean[] used) {
            for (int i = 0; i < signers.size(); i++) {
                if (!used[i] && signers.get(i).satisfies(mspId, role)) {
                    used[i] = true;
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "'" + mspId + "." + role.name().toLowerCase(Locale.ROOT) + "'";
        }
    }

    /**
     * {@code NOutOf}: at least n children satisfied. A child that fails gives back the signers it marked; one that
     * succeeds keeps them, so a signer never counts for two principals.
     */
    private record OutOf(int n, List<Rule> children) implements Rule {
        @Override
        public boolean evaluate(final List<PolicyIdentity> signers, final boolean[] used) {
            int satisfied = 0;
            final boolean[] attempt = new boolean[used.length];
            for (final Rule child : children) {
                System.arraycopy(used, 0, attempt, 0, used.length);
                if (child.evaluate(signers, attempt)) {
                    satisfied++;
                    System.arraycopy(attempt, 0, used, 0, used.length);
                }
            }
            return satisfied >= n;
        }

        @Override
        public String toString() {
            final List<String> parts = children.stream().map(Object::toString).toList();
            if (n == children.size()) {
                return "AND(" + String.join(", ", parts) + ")";
            }
            if (n == 1) {
                return "OR(" + String.join(", ", parts) + ")";
            }
            return "OutOf(" + n + ", " + String.join(", ", parts) + ")";
        }
    }

    /** Recursive descent over the text; principals are numbered in order of first appearance. */
    private static final class Parser {
        private final String text;
        private final List<MSPPrincipal> identities = new ArrayList<>();
        private int position;

        Parser(final String text) {
            this.text = text;
        }

        org.hyperledger.fabric.protos.common.SignaturePolicy policy() {
            skipSpace();
            if (position == text.length()) {
                throw error("the policy is empty");
            }
            final org.hyperledger.fabric.protos.common.SignaturePolicy rule = expression(0);
            skipSpace();
            if (position < text.length()) {
                throw error("unexpected '" + text.charAt(position) + "' after the end of the policy");
            }
            return rule;
        }

        private org.hyperledger.fabric.protos.common.SignaturePolicy expression(final int depth) {
            skipSpace();
            if (position < text.length() && (text.charAt(position) == '\'' || text.charAt(position) == '"')) {
                return principal();
            }
            final int start = position;
            while (position < text.length() && Character.isLetter(text.charAt(position))) {
                position++;
            }
            final String name = text.substring(start, position);
            if (name.isEmpty()) {
                throw error(position < text.length() ? "expected AND, OR, OutOf or a quoted principal, found '"
                        + text.charAt(position) + "'" : "expected AND, OR, OutOf or a quoted principal");
            }
            final String operator = name.toLowerCase(Locale.ROOT);
            if (!operator.equals("and") && !operator.equals("or") && !operator.equals("outof")) {
                position = start;
                throw error("unknown operator '" + name + "' (expected AND, OR or OutOf; principals are quoted)");
            }
            if (depth >= DEPTH_MAX) {
                position = start;
                throw error("nested deeper than " + DEPTH_MAX);
            }
            expect('(');
            int n = -1;
            if (operator.equals("outof")) {
                n = count();
                skipSpace();
                expect(',');
            }
            final int argumentsAt = position;
            final List<org.hyperledger.fabric.protos.common.SignaturePolicy> arguments = new ArrayList<>();
            while (true) {
                skipSpace();
                if (position < text.length() && text.charAt(position) == ')') {
                    throw error(arguments.isEmpty() ? name + " needs at least one argument"
                            : "expected an argument after ','");
                }
                arguments.add(expression(depth + 1));
                if (arguments.size() > PRINCIPALS_MAX) {
                    throw error(name + " has more than " + PRINCIPALS_MAX + " arguments");
                }
                skipSpace();
                if (position < text.length() && text.charAt(position) == ',') {
                    position++;
                    continue;
                }
                expect(')');
                break;
            }
            if (operator.equals("and")) {
                n = arguments.size();
            } else if (operator.equals("or")) {
                n = 1;
            } else if (n < 1 || n > arguments.size()) {
                position = argumentsAt;
                throw error("OutOf(" + n + ", ...) needs 1 <= n <= its " + arguments.size() + " argument(s)");
            }
            return org.hyperledger.fabric.protos.common.SignaturePolicy.newBuilder().setNOutOf(
                    org.hyperledger.fabric.protos.common.SignaturePolicy.NOutOf.newBuilder().setN(n)
                            .addAllRules(arguments)).build();
        }

        private int count() {
            skipSpace();
            final int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position)) && position - start < 4) {
                position++;
            }
            if (start == position) {
                throw error("OutOf needs a whole number as its first argument");
            }
            return Integer.parseInt(text.substring(start, position));
        }

        private org.hyperledger.fabric.protos.common.SignaturePolicy principal() {
            final int start = position;
            final char quote = text.charAt(position++);
            final int end = text.indexOf(quote, position);
            if (end < 0) {
                position = start;
                throw error("unterminated quoted principal");
            }
            final String value = text.substring(position, end);
            final Matcher matcher = PRINCIPAL.matcher(value);
            if (!matcher.matches()) {
                throw error("'" + value + "' is not a principal MSP.role (MSP id 1..64 characters [A-Za-z0-9._-],"
                        + " role one of member, admin, client, peer, orderer)");
            }
            position = end + 1;
            final MSPPrincipal principal = new Principal(matcher.group(1),
                    MSPRoleType.valueOf(matcher.group(2).toUpperCase(Locale.ROOT))).toProto();
            int index = identities.indexOf(principal);
            if (index < 0) {
                if (identities.size() >= PRINCIPALS_MAX) {
                    throw error("more than " + PRINCIPALS_MAX + " distinct principals");
                }
                identities.add(principal);
                index = identities.size() - 1;
            }
            return org.hyperledger.fabric.protos.common.SignaturePolicy.newBuilder().setSignedBy(index).build();
        }

        private void expect(final char expected) {
            skipSpace();
            if (position >= text.length()) {
                throw error("expected '" + expected + "' but the policy ends");
            }
            if (text.charAt(position) != expected) {
                throw error("expected '" + expected + "', found '" + text.charAt(position) + "'");
            }
            position++;
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private PolicySyntaxException error(final String problem) {
            return new PolicySyntaxException(text, position, problem);
        }
    }
}
