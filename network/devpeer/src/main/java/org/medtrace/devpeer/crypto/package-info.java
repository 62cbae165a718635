// SPDX-License-Identifier: Apache-2.0
/**
 * P-256 ECDSA with Fabric's low-S rule, on BoringSSL (Conscrypt) where it loads and BouncyCastle elsewhere, and a fast
 * fabric-gateway {@code Signer} built on it.
 */
package org.medtrace.devpeer.crypto;
