#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# A vaccine's story on the real network, each step as the organisation that acts in it (its role user, through its
# own peer, endorsed with the consortium authority's peer as the deployed policy needs), with the peer CLI:
#
#   huaxia (manufacturer)     registers a vaccine and a batch, commissions three vials
#   huaxia                    tries to ship them: refused, BATCH_NOT_RELEASED (批签发 comes first)
#   huaxia                    tries to record its own lot release: refused, ACCESS_DENIED
#   sidc (lot-release)        records the lot release: the issuer is its registry entry, not free text
#   coldlink (logistics)      registers a temperature logger; huaxia associates it with the vials and ships them to
#                             the Minhang CDC; coldlink's logger identity anchors the trip's readings
#   minhangcdc (dispenser)    receives the vials and administers one
#   shanghaimpa (regulator)   reads the vial and the batch back
#
# Run it after scripts/members.sh. Every run makes new identifiers, so it can run again; it stops at the first
# answer that is not the expected one.
#
# Usage: story.sh
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/policy.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/policy.sh"
# shellcheck source=lib/chaincode.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/chaincode.sh"

case ${1:-} in
  "") ;;
  -h|--help) usage_from_header "${BASH_SOURCE[0]}"; exit 0 ;;
  *) usage_from_header "${BASH_SOURCE[0]}"; exit 2 ;;
esac
crypto_mode >/dev/null
fabric_bin peer >/dev/null

# Who acts: the role users scripts/enroll.sh made for the demo organisations (config/organizations.tsv).
MAH=huaxia LOT_RELEASE=sidc CARRIER=coldlink CDC=minhangcdc REGULATOR=shanghaimpa
for key in "$MAH" "$LOT_RELEASE" "$CARRIER" "$CDC" "$REGULATOR"; do
  [[ ${ORG_KIND[$key]:-} == peer ]] || die "the story needs organisation '$key' of config/organizations.tsv"
done

run=$(date -u +%s)
PREFIX=88.118.8866
PRODUCT=$PREFIX/PRD-NET-$run
PRODUCT_CODE=8${run: -6}
BATCH=$PREFIX/BATCH-NET-$run
LOGGER=$PREFIX/LOGGER-NET-$run
SHIPMENT=SHIP-NET-$run
VIALS=("$PREFIX/${PRODUCT_CODE}${run: -9}0001" "$PREFIX/${PRODUCT_CODE}${run: -9}0002" "$PREFIX/${PRODUCT_CODE}${run: -9}0003")
vials_json="\"${VIALS[0]}\",\"${VIALS[1]}\",\"${VIALS[2]}\""
today=$(date -u +%Y-%m-%d)
expiry=$(( $(date -u +%Y) + 2 ))-12-31
step_number=0

step() { step_number=$((step_number + 1)); log "== $step_number. $*"; }
event_id() { echo "story-$run-$step_number"; }
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$1" +%Y-%m-%dT%H:%M:%SZ; }

# refused CODE ORG USER FUNCTION REQUEST: the submit must be refused with CODE.
refused() {
  local code=$1 output status=0
  shift
  output=$(cc_submit "$@" 2>&1) || status=$?
  (( status != 0 )) || die "step $step_number: $3 by $2 was accepted; expected $code"
  [[ $output == *"[$code]"* ]] || { printf '%s\n' "$output" >&2; die "step $step_number: expected $code"; }
  log "refused as expected: $(printf '%s' "$output" | grep -o "\[$code\][^\"]*" | head -n 1)"
}

# expect TEXT WHAT ANSWER
expect() { [[ $3 == *"$1"* ]] || die "step $step_number: expected $2, the answer was: $3"; }

step "$MAH registers a vaccine product"
cc_submit "$MAH" "$MAH-manufacturer" product:register "{\"clientEventId\":\"$(event_id)\",\"id\":\"$PRODUCT\",\
\"kind\":\"vaccine\",\"name\":\"Hepatitis B vaccine (network story)\",\"approvalNumber\":\"国药准字S${run: -8}\",\
\"productCode\":\"$PRODUCT_CODE\",\"packageLevels\":[{\"level\":1,\"name\":\"支\"}]}"

step "$MAH registers a batch"
cc_submit "$MAH" "$MAH-manufacturer" batch:register "{\"clientEventId\":\"$(event_id)\",\"id\":\"$BATCH\",\
\"productId\":\"$PRODUCT\",\"batchNumber\":\"NET$run\",\"productionDate\":\"$today\",\"expiryDate\":\"$expiry\"}"

step "$MAH commissions three vials"
cc_submit "$MAH" "$MAH-manufacturer" unit:commission "{\"clientEventId\":\"$(event_id)\",\"batchId\":\"$BATCH\",\
\"packageLevel\":1,\"codes\":[$vials_json]}"

step "$MAH tries to ship before the lot release"
refused BATCH_NOT_RELEASED "$MAH" "$MAH-manufacturer" custody:ship "{\"clientEventId\":\"$(event_id)\",\
\"shipmentId\":\"$SHIPMENT-early\",\"codes\":[$vials_json],\"to\":\"${ORG_MSP[$CDC]}\"}"

step "$MAH tries to record its own lot release"
refused ACCESS_DENIED "$MAH" "$MAH-manufacturer" batch:recordLotRelease "{\"clientEventId\":\"$(event_id)\",\
\"batchId\":\"$BATCH\",\"certificateNumber\":\"SJ$run\",\"releaseDate\":\"$today\"}"

step "$LOT_RELEASE records the lot release (批签发)"
cc_submit "$LOT_RELEASE" "$LOT_RELEASE-lot-release" batch:recordLotRelease "{\"clientEventId\":\"$(event_id)\",\
\"batchId\":\"$BATCH\",\"certificateNumber\":\"SJ$run\",\"releaseDate\":\"$today\"}"

step "$CARRIER registers a temperature logger"
cc_submit "$CARRIER" "$CARRIER-logistics" telemetry:registerLogger "{\"clientEventId\":\"$(event_id)\",\
\"loggerId\":\"$LOGGER\",\"model\":\"TL-30\"}"

step "$MAH associates the logger with the vials"
cc_submit "$MAH" "$MAH-manufacturer" telemetry:associate "{\"clientEventId\":\"$(event_id)\",\
\"loggerId\":\"$LOGGER\",\"targets\":[$vials_json]}"

step "$MAH ships the vials to ${ORG_MSP[$CDC]}"
window_start=$(date -u +%s)
cc_submit "$MAH" "$MAH-manufacturer" custody:ship "{\"clientEventId\":\"$(event_id)\",\"shipmentId\":\"$SHIPMENT\",\
\"codes\":[$vials_json],\"to\":\"${ORG_MSP[$CDC]}\"}"

step "$CARRIER's logger identity anchors the trip's readings"
sleep 2
window_end=$(date -u +%s)
cc_submit "$CARRIER" "$CARRIER-logger" telemetry:anchor "{\"clientEventId\":\"$(event_id)\",\"loggerId\":\"$LOGGER\",\
\"windowStart\":\"$(iso $((window_start - 60)))\",\"windowEnd\":\"$(iso "$window_end")\",\
\"merkleRoot\":\"$(printf '%s' "$run" | sha256_stdin)\",\"readingCount\":2,\"summary\":{\"minCelsius\":4.8,\
\"maxCelsius\":5.3,\"meanCelsius\":5.0,\"mktCelsius\":5.0,\"minutesAbove\":0,\"minutesBelow\":0,\
\"longestAboveMinutes\":0,\"longestBelowMinutes\":0,\"gapCount\":0,\"longestGapMinutes\":0,\"bandMinCelsius\":2,\
\"bandMaxCelsius\":8}}"

step "$CDC receives the vials"
cc_submit "$CDC" "$CDC-dispenser" custody:receive "{\"clientEventId\":\"$(event_id)\",\"shipmentId\":\"$SHIPMENT\"}"

step "$CDC administers the first vial (the ledger keeps only a salted hash of the vaccinee)"
MEDTRACE_TRANSIENT="{\"vaccineeId\":\"$(printf '310101199001011234' | base64)\",\
\"vaccineeSalt\":\"$(printf 'salt-kept-by-the-cdc-%s' "$run" | base64 | tr -d '\n')\"}" \
  cc_submit "$CDC" "$CDC-dispenser" custody:administer "{\"clientEventId\":\"$(event_id)\",\"codes\":[\"${VIALS[0]}\"]}"

step "$REGULATOR reads the vial and the batch"
answer=$(cc_query "$REGULATOR" "$REGULATOR-regulator" unit:get "{\"id\":\"${VIALS[0]}\"}")
expect '"status":"dispensed"' "the vial dispensed" "$answer"
answer=$(cc_query "$REGULATOR" "$REGULATOR-regulator" batch:get "{\"id\":\"$BATCH\"}")
expect "\"issuerMsp\":\"${ORG_MSP[$LOT_RELEASE]}\"" "the lot release issued by ${ORG_MSP[$LOT_RELEASE]}" "$answer"
log "batch $BATCH: $answer"
log "story: done in $step_number steps; vials ${VIALS[*]}, shipment $SHIPMENT"
