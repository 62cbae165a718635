// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.medtrace.identifiers.InvalidIdentifierException;

/** Asserts that a call fails with an {@link InvalidIdentifierException} naming a part, an element and a reason. */
final class CodeAssertions {
    private CodeAssertions() {
    }

    static void rejects(final ThrowingCallable call, final InvalidIdentifierException.Part part,
            final String element, final String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.part()).isEqualTo(part);
                    if (element == null) {
                        assertThat(e.element()).isEmpty();
                    } else {
                        assertThat(e.element()).hasValue(element);
                    }
                })
                .hasMessageContaining(messagePart);
    }

    static void rejectsCode(final ThrowingCallable call, final String element, final String messagePart) {
        rejects(call, InvalidIdentifierException.Part.CODE, element, messagePart);
    }
}
