#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# MedTrace's first story, through the REST API of a running gateway: a vaccine from its registration to a
# vaccinee, with its cold chain, a verification scan and its provenance. Run it right after the README's run
# command, against the embedded default and its demo clients. docs/first-story.md explains each step and shows the
# same requests to paste one by one.
#
#   huaxia (manufacturer)   registers the product and a batch
#   sidc (lot-release)      the Shanghai Institute for Food and Drug Control records the batch's lot release (批签发)
#   huaxia                  commissions three vials (20-digit NMPA codes) and a case (SSCC), packs the vials into
#                           the case
#   coldlink (logistics)    registers a temperature logger; huaxia associates it with the case; coldlink issues the
#                           logger its credential, and the logger pushes readings
#   huaxia                  ships the case to the Minhang CDC; the logger goes on pushing during the trip
#   minhang-cdc (dispenser) closes the trip's telemetry window (anchored on the ledger), receives the case,
#                           administers one vial, scans another
#   shanghai-mpa (regulator) reads the administered vial's provenance
#
# Each step prints what it does and what the gateway answered, and the script stops at the first answer that is
# not 2xx. Every run makes new identifiers, so it can run again on the same ledger. Needs bash and curl (no jq).
#
# Usage: docs/first-story.sh [BASE_URL]     (default: $MEDTRACE_URL, else http://localhost:8080)
set -euo pipefail

usage() { sed -n '3,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; }
die() { printf 'first story: %s\n' "$*" >&2; exit 1; }

case ${1:-} in
  -h|--help) usage; exit 0 ;;
  -*) usage; die "unknown option $1" ;;
esac
(( $# <= 1 )) || { usage; die "at most one argument, the gateway's base URL"; }
BASE_URL=${1:-${MEDTRACE_URL:-http://localhost:8080}}
BASE_URL=${BASE_URL%/}
command -v curl >/dev/null || die "curl is needed (Debian: apt-get install -y curl)"

STEPS=19
step_number=0
BODY_FILE=$(mktemp)
trap 'rm -f "$BODY_FILE"' EXIT
RESPONSE=

step() {
  step_number=$((step_number + 1))
  printf '\n== %d/%d %s\n' "$step_number" "$STEPS" "$*"
}

# send METHOD PATH BODY CURL_AUTH_ARGS...: the request; stops the story unless the answer is 2xx. RESPONSE holds the
# answer's body.
send() {
  local method=$1 path=$2 body=$3 status
  shift 3
  printf '   %s %s\n' "$method" "$path"
  [[ -z $body ]] || printf '   %s\n' "$body"
  local args=(--silent --show-error --max-time 120 --output "$BODY_FILE" --write-out '%{http_code}' -X "$method"
    -H 'Accept: application/json' "$@")
  [[ -z $body ]] || args+=(-H 'Content-Type: application/json' --data-binary "$body")
  if ! status=$(curl "${args[@]}" "$BASE_URL$path"); then
    die "step $step_number: no answer from $BASE_URL (is the gateway running? README.md, 'Run the gateway')"
  fi
  RESPONSE=$(<"$BODY_FILE")
  if [[ $status != 2?? ]]; then
    printf '   <- %s %s\n' "$status" "$RESPONSE" >&2
    die "step $step_number failed: $method $path answered HTTP $status (the detail above says why)"
  fi
  if (( ${#RESPONSE} > 400 )); then
    printf '   <- %s %s... (%d characters)\n' "$status" "${RESPONSE:0:400}" "${#RESPONSE}"
  else
    printf '   <- %s %s\n' "$status" "$RESPONSE"
  fi
}

# as CLIENT METHOD PATH [BODY]: a request as a demo client (HTTP Basic, secret <client>-demo).
as() {
  local client=$1 method=$2 path=$3 body=${4:-}
  send "$method" "$path" "$body" --user "$client:$client-demo"
}

# as_logger METHOD PATH BODY: a request as the logger, with its bearer token.
as_logger() {
  send "$1" "$2" "$3" -H "Authorization: Bearer $LOGGER_TOKEN"
}

# field NAME: the first string value of NAME in RESPONSE (the gateway writes compact JSON).
field() {
  local value
  value=$(printf '%s' "$RESPONSE" | grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4 || true)
  [[ -n $value ]] || die "step $step_number: the answer has no \"$1\": $RESPONSE"
  printf '%s' "$value"
}

# expect TEXT WHAT: stops unless RESPONSE contains TEXT.
expect() {
  [[ $RESPONSE == *"$1"* ]] || die "step $step_number: expected $2, the answer was: $RESPONSE"
}

# iso EPOCH_SECONDS: the instant in ISO-8601 UTC (GNU date, else BSD date).
iso() {
  date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$1" +%Y-%m-%dT%H:%M:%SZ
}

# gs1_check_digit DIGITS: the GS1 mod-10 check digit (weights 3, 1, 3... from the right).
gs1_check_digit() {
  local digits=$1 sum=0 weight=3 i
  for ((i = ${#digits} - 1; i >= 0; i--)); do
    sum=$((sum + ${digits:i:1} * weight))
    weight=$((4 - weight))
  done
  echo $(((10 - sum % 10) % 10))
}

# reading SEQ EPOCH_SECONDS CELSIUS: one reading, a JSON object.
reading() {
  printf '{"loggerId":"%s","seq":%d,"time":"%s","celsius":%s}' "$LOGGER" "$1" "$(iso "$2")" "$3"
}

# --- this run's names: new on every run -----------------------------------------------------------------------
run=$(date -u +%s)
serial=${run: -9}
PREFIX=88.118.8866
PRODUCT=$PREFIX/PRD-FIRST-$run
PRODUCT_CODE=8${run: -6}                       # the 7-digit 药品标识码
BATCH=$PREFIX/BATCH-FIRST-$run
BATCH_NUMBER=FS$run
LOGGER=$PREFIX/LOGGER-FIRST-$run
SHIPMENT=SHIP-FIRST-$run
# NMPA codes: the product's 7-digit code, a 9-digit serial, 4 more digits
VIALS=("${PRODUCT_CODE}${serial}0001" "${PRODUCT_CODE}${serial}0002" "${PRODUCT_CODE}${serial}0003")
sscc_data=06901234$serial                      # extension digit 0, company prefix 6901234, serial reference
CASE="(00)$sscc_data$(gs1_check_digit "$sscc_data")"
year=$(date -u +%Y)
today=$(date -u +%Y-%m-%d)
expiry=$((year + 2))-12-31
vials_json="\"${VIALS[0]}\",\"${VIALS[1]}\",\"${VIALS[2]}\""

printf 'MedTrace first story against %s (run %s)\n' "$BASE_URL" "$run"

step "huaxia registers a vaccine product, 支 (vial) in 箱 (case)"
as huaxia POST /api/v1/products "{\"id\":\"$PRODUCT\",\"kind\":\"vaccine\",\"name\":\"Hepatitis B vaccine (first story)\",\
\"approvalNumber\":\"国药准字S${run: -8}\",\"productCode\":\"$PRODUCT_CODE\",\
\"packageLevels\":[{\"level\":1,\"name\":\"支\"},{\"level\":2,\"name\":\"箱\"}]}"

step "huaxia registers a batch of 3 vials"
as huaxia POST /api/v1/batches "{\"id\":\"$BATCH\",\"productId\":\"$PRODUCT\",\"batchNumber\":\"$BATCH_NUMBER\",\
\"productionDate\":\"$today\",\"expiryDate\":\"$expiry\",\"quantity\":{\"value\":3,\"uom\":\"EA\"}}"

step "sidc, the lot-release authority, records the batch's lot release (批签发)"
as sidc POST /api/v1/batches/lot-release "{\"batchId\":\"$BATCH\",\"certificateNumber\":\"SJ$run\",\
\"releaseDate\":\"$today\"}"

step "huaxia commissions three vials (20-digit NMPA codes that start with the product's code)"
as huaxia POST /api/v1/units/commission "{\"batchId\":\"$BATCH\",\"packageLevel\":1,\"codes\":[$vials_json]}"

step "huaxia commissions a case (an SSCC, scanned as a GS1 element string)"
as huaxia POST /api/v1/units/containers "{\"containerType\":\"case\",\"codes\":[\"$CASE\"]}"

step "huaxia packs the vials into the case"
as huaxia POST /api/v1/units/pack "{\"parent\":\"$CASE\",\"children\":[$vials_json]}"

step "coldlink registers a temperature logger"
as coldlink POST /api/v1/loggers "{\"loggerId\":\"$LOGGER\",\"model\":\"TL-30\"}"

step "huaxia, the case's custodian, associates the logger with the case"
as huaxia POST /api/v1/loggers/associate "{\"loggerId\":\"$LOGGER\",\"targets\":[\"$CASE\"]}"

step "coldlink issues the logger a credential (the token is shown once)"
as coldlink POST /api/v1/telemetry/credentials "{\"loggerId\":\"$LOGGER\"}"
LOGGER_TOKEN=$(field token)

step "the logger pushes the readings of the last five minutes, before the trip"
now=$(date -u +%s)
as_logger POST /api/v1/telemetry/readings "[$(reading 1 $((now - 300)) 4.8),$(reading 2 $((now - 240)) 5.0),\
$(reading 3 $((now - 180)) 5.1),$(reading 4 $((now - 120)) 4.9),$(reading 5 $((now - 60)) 5.2)]"
expect '"stored":5' "5 readings stored"

step "huaxia ships the case to the Minhang CDC"
as huaxia POST /api/v1/shipments "{\"shipmentId\":\"$SHIPMENT\",\"codes\":[\"$CASE\"],\"to\":\"MinhangCdcMSP\"}"

step "the logger pushes a reading taken during the trip"
sleep 1                                         # a reading strictly after the shipping time, in whole seconds
as_logger POST /api/v1/telemetry/readings "[$(reading 6 "$(date -u +%s)" 5.3)]"
expect '"stored":1' "1 reading stored"

step "minhang-cdc closes the trip's telemetry window: the gateway anchors its Merkle root on the ledger"
as minhang-cdc POST /api/v1/telemetry/windows/close "{\"shipmentId\":\"$SHIPMENT\"}"
expect '"allAnchored":true' "every window anchored"

step "minhang-cdc receives the case (the ledger wants an anchored temperature record of the trip)"
as minhang-cdc POST /api/v1/shipments/receive "{\"shipmentId\":\"$SHIPMENT\"}"

step "minhang-cdc administers the first vial (the ledger keeps only a salted hash of the vaccinee)"
as minhang-cdc POST /api/v1/custody/administer "{\"codes\":[\"${VIALS[0]}\"],\"vaccineeId\":\"310101199001011234\",\
\"vaccineeSalt\":\"salt-kept-by-the-cdc-$run\"}"

step "minhang-cdc scans the second vial before using it: GENUINE"
as minhang-cdc GET "/api/v1/verification?code=${VIALS[1]}"
expect '"verdict":"GENUINE"' "the verdict GENUINE"

step "minhang-cdc scans the administered vial again: ALREADY_DISPENSED (and regulators get an alert)"
as minhang-cdc GET "/api/v1/verification?code=${VIALS[0]}"
expect '"verdict":"ALREADY_DISPENSED"' "the verdict ALREADY_DISPENSED"

step "shanghai-mpa reads the alerts raised by scans and refused uses"
as shanghai-mpa GET "/api/v1/regulator/alerts?kind=SCAN_AFTER_DISPENSE&pageSize=1000"
expect "$PREFIX/${VIALS[0]}" "an alert for the administered vial"

step "shanghai-mpa reads the administered vial's provenance"
as shanghai-mpa GET "/api/v1/provenance/unit?code=${VIALS[0]}"
expect '"status":"dispensed"' "the vial dispensed (administered)"
expect '"bizStep":"dispensing"' "the administering event"
printf '\nThe administered vial %s, its whole provenance:\n%s\n' "$PREFIX/${VIALS[0]}" "$RESPONSE"
printf '\nfirst story: done in %d steps; the case is %s, the logger %s, the shipment %s\n' "$step_number" \
  "$CASE" "$LOGGER" "$SHIPMENT"
