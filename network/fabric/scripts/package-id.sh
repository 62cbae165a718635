#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Prints the package id a Fabric 2.5 peer gives a chaincode package: <label>:<hex SHA-256 of the package file>,
# the label read from the package's metadata.json. The chaincode server must run with CORE_CHAINCODE_ID_NAME set to
# exactly this value. Same result as `peer lifecycle chaincode calculatepackageid`, without needing a peer binary.
#
# Usage: package-id.sh PACKAGE.tar.gz
set -euo pipefail
# shellcheck source=lib/package.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/package.sh"

if [[ $# -ne 1 || $1 == -* ]]; then
  awk 'NR > 2 && /^#/ { sub(/^# ?/, ""); print; next } NR > 2 { exit }' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
package_id "$1"
