#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Bootstraps the consortium's member registry on the ledger: one member:register per line of config/members.jsonl
# (msp, legalName, creditCode, licences, roles, reason), submitted as the consortium authority's regulator user, the
# authority's own entry first. The chaincode accepts the registry's first entry only from the authority registering
# itself, and every entry only from the authority afterwards; each entry's key then carries a key-level endorsement
# policy that needs the authority's peer. Members present already (member:get) are skipped, so it is safe to run
# again; changing an entry is a member:update (scripts/chaincode.sh). Run it after scripts/deploy.sh.
#
# Usage: members.sh [--file FILE] [--except MSP]...
#   --file    the registry requests, one JSON object a line (default: config/members.jsonl)
#   --except  leave this member out (to check on a fresh network that an organisation on the channel but not in
#             the registry can do nothing: README, "Checking each threat on a real network")
# The authority is the one scripts/deploy.sh deployed with; its user is <key>-regulator (MEDTRACE_AUTHORITY_USER
# names another).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/policy.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/policy.sh"
# shellcheck source=lib/chaincode.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/chaincode.sh"

usage() { usage_from_header "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

file=$CONFIG_DIR/members.jsonl
except=()
while (( $# > 0 )); do
  case $1 in
    --file|--except) [[ $# -ge 2 ]] || usage 2 ;;&
    --file) file=$2; shift 2 ;;
    --except) except+=("$2"); shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage 2 ;;
  esac
done

crypto_mode >/dev/null

# The MSP id a request line names.
line_msp() { printf '%s' "$1" | sed -n 's/^{.*"msp"[[:space:]]*:[[:space:]]*"\([A-Za-z0-9._-]*\)".*}[[:space:]]*$/\1/p'; }

# Every line is checked before anything is submitted: a registry half written from a broken file helps nobody.
[[ -f $file ]] || die "no member file at $file"
declare -A request_of=()
order=()
number=0
while IFS= read -r line || [[ -n $line ]]; do
  number=$((number + 1))
  [[ -n ${line//[[:space:]]/} ]] || continue
  msp=$(line_msp "$line")
  [[ -n $msp ]] || die "$file:$number: not a JSON object with an \"msp\": $line"
  [[ -z ${request_of[$msp]:-} ]] || die "$file:$number: $msp is listed twice"
  org_of_msp "$msp" >/dev/null
  request_of[$msp]=$line
  order+=("$msp")
done <"$file"

authority=$(consortium_authority)
authority_key=$(org_of_msp "$authority")
[[ -n ${request_of[$authority]:-} ]] \
  || die "$file has no entry for the consortium authority $authority: the registry's first entry must be its own"
for msp in "${except[@]}"; do
  [[ -n ${request_of[$msp]:-} ]] || die "--except $msp: $file has no entry for it"
  [[ $msp != "$authority" ]] || die "--except $msp: the authority's own entry comes first, always"
done
user=${MEDTRACE_AUTHORITY_USER:-$authority_key-regulator}
user_msp "$authority_key" "$user" >/dev/null
fabric_bin peer >/dev/null

# Whether MSP has an entry: member:get answers it, or refuses with MEMBER_NOT_FOUND. Before the authority's own
# entry exists nobody, the authority included, is a member who may read the registry: ACCESS_DENIED then means empty.
registered() {
  local msp=$1 output status=0
  output=$(cc_query "$authority_key" "$user" member:get "{\"msp\":\"$msp\"}" 2>&1) || status=$?
  (( status != 0 )) || return 0
  [[ $output == *MEMBER_NOT_FOUND* ]] && return 1
  [[ $msp == "$authority" && $output == *ACCESS_DENIED* ]] && return 1
  printf '%s\n' "$output" >&2
  die "member:get $msp as $user failed (is the chaincode deployed with scripts/deploy.sh?)"
}

register() {
  local msp=$1 request=${request_of[$1]} output status=0
  # Every submit carries an idempotency key; one per member, so a register that committed is never written twice.
  [[ $request == *'"clientEventId"'* ]] || request="{\"clientEventId\":\"member-register-$msp\",${request#\{}"
  output=$(cc_submit "$authority_key" "$user" member:register "$request" 2>&1) || status=$?
  if (( status != 0 )); then
    [[ $output == *MEMBER_EXISTS* ]] && { log "$msp is registered already"; return; }
    printf '%s\n' "$output" >&2
    die "member:register $msp refused"
  fi
  log "registered $msp"
}

# The authority first: the chaincode accepts no other first entry.
sequence=("$authority")
for msp in "${order[@]}"; do
  [[ $msp == "$authority" || " ${except[*]} " == *" $msp "* ]] || sequence+=("$msp")
done
(( ${#except[@]} == 0 )) || log "leaving out ${except[*]} (--except)"
registered_count=0 present_count=0
for msp in "${sequence[@]}"; do
  if registered "$msp"; then
    log "$msp is a member already"
    present_count=$((present_count + 1))
  else
    register "$msp"
    registered_count=$((registered_count + 1))
  fi
done
log "member registry: $registered_count registered now, $present_count present already (authority $authority)"
log "next: scripts/profiles.sh"
