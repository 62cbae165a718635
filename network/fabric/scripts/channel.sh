#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Creates the application channel and joins every node: configtxgen makes the genesis block from
# config/configtx.yaml (profile MedtraceChannel, anchor peers included), each orderer joins through its channel
# participation API (osnadmin), then each peer joins as its organisation's admin. Safe to run again.
# Next: scripts/deploy.sh.
#
# Usage: channel.sh
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

case ${1:-} in
  "") ;;
  -h|--help) usage_from_header "${BASH_SOURCE[0]}"; exit 0 ;;
  *) usage_from_header "${BASH_SOURCE[0]}"; exit 2 ;;
esac

crypto_mode >/dev/null
for tool in configtxgen osnadmin peer; do fabric_bin "$tool" >/dev/null; done
fabric_cfg_path >/dev/null
artifacts=$NETWORK_DIR/channel-artifacts
block=$artifacts/$CHANNEL.block

if [[ ! -f $block ]]; then
  log "creating the genesis block of channel $CHANNEL"
  mkdir -p "$artifacts"
  # configtx.yaml names its MSP and TLS files relative to its own directory: the network directory.
  cp "$CONFIG_DIR/configtx.yaml" "$NETWORK_DIR/configtx.yaml"
  env -i HOME="$HOME" PATH="$PATH" FABRIC_LOGGING_SPEC=WARN "$(fabric_bin configtxgen)" \
    -configPath "$NETWORK_DIR" -profile MedtraceChannel -channelID "$CHANNEL" -outputBlock "$block.tmp"
  mv "$block.tmp" "$block"
fi

osnadmin() {
  local id=$1
  shift
  env -i HOME="$HOME" PATH="$PATH" "$(fabric_bin osnadmin)" channel "$@" \
    -o "${NODE_HOST[$id]}:${NODE_ADMIN_PORT[$id]}" --ca-file "$(org_tls_ca "$ORDERER_ORG")" \
    --client-cert "$(admin_dir "$ORDERER_ORG")/tls/client.crt" --client-key "$(admin_dir "$ORDERER_ORG")/tls/client.key"
}

for id in "${ORDERERS[@]}"; do
  port_open "${NODE_HOST[$id]}" "${NODE_ADMIN_PORT[$id]}" || die "$id is not running: run scripts/up.sh"
  # osnadmin prints the HTTP status; 200 means this orderer already serves the channel.
  if osnadmin "$id" list --channelID "$CHANNEL" 2>/dev/null | grep -q 'Status: 200'; then
    log "$id already serves $CHANNEL"
  else
    log "joining $id to $CHANNEL"
    osnadmin "$id" join --channelID "$CHANNEL" --config-block "$block" | grep -q 'Status: 201' \
      || die "$id refused to join $CHANNEL (log: $(log_file "$id"))"
  fi
done

for key in "${PEER_ORGS[@]}"; do
  id=${ORG_PEER[$key]}
  port_open "${NODE_HOST[$id]}" "${NODE_PORT[$id]}" || die "$id is not running: run scripts/up.sh"
  if peer_cli "$key" channel list 2>/dev/null | grep -qx "$CHANNEL"; then
    log "$id already joined $CHANNEL"
  else
    log "joining $id to $CHANNEL"
    peer_cli "$key" channel join -b "$block"
  fi
done

# Joined peers fetch the blocks from the orderers; wait until each has at least the genesis block.
for key in "${PEER_ORGS[@]}"; do
  waited=0
  until peer_cli "$key" channel getinfo -c "$CHANNEL" >/dev/null 2>&1; do
    (( waited < START_TIMEOUT_SECONDS )) || die "${ORG_PEER[$key]} has no ledger for $CHANNEL after ${START_TIMEOUT_SECONDS}s"
    sleep 1
    waited=$((waited + 1))
  done
done

log "channel $CHANNEL: ${#ORDERERS[@]} orderers and ${#PEER_ORGS[@]} peers joined"
log "next: scripts/deploy.sh"
