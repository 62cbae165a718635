# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
#
# Reading a chaincode package (metadata.json + code.tar.gz in a gzipped tar). Sourced; needs only tar and a SHA-256
# tool, so it works without the rest of the network scripts.

# The label in the package's metadata.json; fails unless it is a label Fabric accepts.
package_label() {
  local package=$1 metadata label
  [[ -f $package ]] || { echo "error: no chaincode package at $package" >&2; return 1; }
  metadata=$(tar -xzOf "$package" metadata.json 2>/dev/null) \
    || { echo "error: $package has no metadata.json: not a chaincode package" >&2; return 1; }
  label=$(printf '%s' "$metadata" | tr -d '\n' | sed -n 's/.*"label"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
  # The peer's own rule for labels.
  [[ $label =~ ^[[:alnum:]][[:alnum:]_.+-]*$ ]] \
    || { echo "error: $package has no valid label in metadata.json (got '$label')" >&2; return 1; }
  echo "$label"
}

# Hex SHA-256 of standard input.
sha256_stdin() {
  if command -v sha256sum >/dev/null; then
    sha256sum | cut -d' ' -f1
  else
    shasum -a 256 | cut -d' ' -f1
  fi
}

package_id() {
  local package=$1 label
  label=$(package_label "$package")
  echo "$label:$(sha256_stdin <"$package")"
}
