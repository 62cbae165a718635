// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

/**
 * A code an event concerns.
 *
 * @param code the code
 * @param via the code the event named, when this one was inside it; null when named directly
 */
record Subject(String code, String via) {
}
