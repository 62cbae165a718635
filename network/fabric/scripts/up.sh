#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Starts the MedTrace Fabric network: crypto material (first run only), one fabric-ca server per organisation,
# the users with the role attribute, three Raft orderers, one peer per organisation and, once scripts/deploy.sh
# has run, the chaincode servers. Safe to run again: what exists is kept, what runs is left alone; after
# scripts/down.sh it resumes the same network. Next: scripts/channel.sh.
#
# Usage: up.sh [--crypto cryptogen|ca]
#   --crypto cryptogen  (default) cryptogen makes the organisations, nodes and admins (config/crypto-config.yaml);
#                       the CAs sign with cryptogen's CA keys and enrol the role users.
#   --crypto ca         every certificate comes from the organisations' fabric-ca servers (config/ca/).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/nodes.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/nodes.sh"

usage() { usage_from_header "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

requested_mode=
while (( $# > 0 )); do
  case $1 in
    --crypto) [[ $# -ge 2 ]] || usage 2; requested_mode=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage 2 ;;
  esac
done
[[ -z $requested_mode || $requested_mode == cryptogen || $requested_mode == ca ]] \
  || die "--crypto must be cryptogen or ca, not '$requested_mode'"

# Nothing is created before every tool is there.
check_network_dir
# The command-line tools run on this machine either way; the servers too unless compose runs them.
tools=(fabric-ca-client peer configtxgen osnadmin)
[[ $RUNTIME == compose ]] || tools+=(fabric-ca-server orderer)
[[ -f $(crypto_mode_file) || ${requested_mode:-cryptogen} == ca ]] || tools+=(cryptogen)
for tool in "${tools[@]}"; do fabric_bin "$tool" >/dev/null; done
fabric_cfg_path >/dev/null

if [[ -d $NETWORK_DIR && ! -f $NETWORK_DIR/.medtrace-network && -n $(ls -A "$NETWORK_DIR") ]]; then
  die "$NETWORK_DIR is not empty and not a MedTrace network directory: choose another MEDTRACE_NETWORK_DIR"
fi
mkdir -p "$NETWORK_DIR"
touch "$NETWORK_DIR/.medtrace-network"

mode_file=$(crypto_mode_file)
if [[ -f $mode_file ]]; then
  existing=$(<"$mode_file")
  [[ -z $requested_mode || $requested_mode == "$existing" ]] \
    || die "the network in $NETWORK_DIR was made with --crypto $existing; run scripts/down.sh --purge to start over"
  log "using the existing crypto material in $NETWORK_DIR/organizations ($existing)"
elif [[ ${requested_mode:-cryptogen} == cryptogen ]]; then
  log "generating crypto material with cryptogen"
  "$(fabric_bin cryptogen)" generate --config="$CONFIG_DIR/crypto-config.yaml" --output="$NETWORK_DIR/organizations" >/dev/null
  echo cryptogen >"$mode_file"
else
  # The CAs make the material; enroll.sh picks up where a broken run stopped.
  echo ca >"$mode_file"
fi

# Each CA gets its own copy of its configuration, with a random bootstrap registrar password kept beside it.
prepare_ca_home() {
  local key=$1 home password_file
  home=$(ca_home "$key")
  password_file=$home/bootstrap-admin.password
  [[ -f $home/fabric-ca-server-config.yaml ]] && return
  mkdir -p "$home"
  (umask 077 && random_secret >"$password_file")
  sed "s|@BOOTSTRAP_ADMIN_PASSWORD@|$(<"$password_file")|" \
    "$CONFIG_DIR/ca/$key/fabric-ca-server-config.yaml" >"$home/fabric-ca-server-config.yaml"
  chmod 600 "$home/fabric-ca-server-config.yaml"
}

for key in "${ORGS[@]}"; do
  prepare_ca_home "$key"
  start_ca "$key"
done

"$(dirname "${BASH_SOURCE[0]}")/enroll.sh"

for id in "${ORDERERS[@]}"; do start_orderer "$id"; done
for id in "${PEERS[@]}"; do start_peer "$id"; done
# After a restart, the chaincode servers of the last deployment come back too.
if chaincode_deployed; then start_chaincode_servers; fi

log "network is up in $NETWORK_DIR ($RUNTIME): ${#ORDERERS[@]} orderers, ${#PEERS[@]} peers, ${#ORGS[@]} CAs"
log "next: scripts/channel.sh"
