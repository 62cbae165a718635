#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Stops the MedTrace Fabric network: the chaincode servers, peers, orderers and CAs this network started (by their
# recorded process ids; nothing else is touched). The ledgers and crypto material stay, so scripts/up.sh resumes
# the same network.
#
# Usage: down.sh [--purge]
#   --purge  also delete the network directory: ledgers, crypto material, CA databases, gateway profiles, secrets
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

purge=false
case ${1:-} in
  "") ;;
  --purge) purge=true ;;
  -h|--help) usage_from_header "${BASH_SOURCE[0]}"; exit 0 ;;
  *) usage_from_header "${BASH_SOURCE[0]}"; exit 2 ;;
esac

if [[ $RUNTIME == compose ]]; then
  compose down
else
  chaincodes=() cas=()
  for key in "${PEER_ORGS[@]}"; do chaincodes+=("$(chaincode_process "$key")"); done
  for key in "${ORGS[@]}"; do cas+=("$(ca_process "$key")"); done
  stop_processes "${chaincodes[@]}"
  stop_processes "${PEERS[@]}"
  stop_processes "${ORDERERS[@]}"
  stop_processes "${cas[@]}"
fi

if $purge && [[ -d $NETWORK_DIR ]]; then
  # Only a directory scripts/up.sh made: MEDTRACE_NETWORK_DIR pointed elsewhere by mistake is left alone.
  [[ -f $NETWORK_DIR/.medtrace-network ]] || die "$NETWORK_DIR was not made by scripts/up.sh: not deleting it"
  rm -rf "$NETWORK_DIR"
  log "deleted $NETWORK_DIR"
fi
log "network stopped"
