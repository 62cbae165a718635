# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
#
# Calling the traceability chaincode with the peer CLI as one of an organisation's enrolled users (the role users
# scripts/enroll.sh makes, <org>-<role>), as a gateway would: every request is one JSON argument
# (docs/chaincode-api.md). Sourced after lib/common.sh and lib/policy.sh.
#
# Environment (optional):
#   MEDTRACE_ENDORSERS  organisation keys whose peers endorse a submit, space separated (default: the submitter's,
#                       the authority's, then others in table order until the deployed policy is satisfied)
#   MEDTRACE_TRANSIENT  the transient map of a submit, JSON of base64 values (custody:administer)

# The policy deploy.sh committed; empty before the first deployment.
deployed_policy() { [[ -f $(policy_record_file) ]] && cat "$(policy_record_file)"; return 0; }

# The identity of user NAME of organisation ORG, or a failure saying how to enrol it.
user_msp() {
  local key=$1 name=$2 msp
  [[ ${ORG_KIND[$key]:-} == peer ]] || die "'$key' is not an application organisation of config/organizations.tsv"
  msp=$(user_dir "$key" "$name")/msp
  [[ -f $msp/signcerts/cert.pem ]] \
    || die "no enrolled user '$name' in ${ORG_MSP[$key]}: scripts/enroll.sh user $key $name ROLE"
  echo "$msp"
}

# The organisation keys that endorse a submit by ORG: MEDTRACE_ENDORSERS, else ORG's peer, the authority's, then
# the others in table order until the deployed policy is satisfied (Fabric's gateway does the same with discovery).
endorsers_for() {
  local key=$1 authority_key policy candidate msps=() chosen=()
  if [[ -n ${MEDTRACE_ENDORSERS:-} ]]; then
    for candidate in $MEDTRACE_ENDORSERS; do
      [[ ${ORG_KIND[$candidate]:-} == peer ]] || die "MEDTRACE_ENDORSERS: '$candidate' is not an application organisation"
      echo "$candidate"
    done
    return
  fi
  authority_key=$(org_of_msp "$(consortium_authority)")
  policy=$(deployed_policy)
  # The submitter's and the authority's peers always: the registry's keys need the authority's peer.
  chosen=("$key") msps=("${ORG_MSP[$key]}")
  [[ $authority_key == "$key" ]] || { chosen+=("$authority_key"); msps+=("${ORG_MSP[$authority_key]}"); }
  for candidate in "${PEER_ORGS[@]}"; do
    if [[ -n $policy ]]; then
      policy_satisfied_by "$policy" "${msps[@]}" && break
    else
      (( ${#chosen[@]} < 2 )) || break
    fi
    [[ " ${chosen[*]} " == *" $candidate "* ]] && continue
    chosen+=("$candidate") msps+=("${ORG_MSP[$candidate]}")
  done
  printf '%s\n' "${chosen[@]}"
}

# A JSON request as the one argument of a chaincode call: {"function":"F","Args":["<request, escaped>"]}.
chaincode_call_json() {
  local function=$1 request=$2
  [[ $request != *[[:cntrl:]]* ]] || die "a request must be one line of JSON"
  request=${request//\\/\\\\}
  request=${request//\"/\\\"}
  printf '{"function":"%s","Args":["%s"]}' "$function" "$request"
}

# cc_submit ORG USER FUNCTION REQUEST: submits a transaction as USER of ORG and waits for its commit. Prints the
# peer CLI's own words and fails when a peer refuses it (the chaincode's [ERROR_CODE] message), the endorsements
# differ, or the channel invalidates it (e.g. "transaction invalidated with status (ENDORSEMENT_POLICY_FAILURE)").
cc_submit() {
  local key=$1 user=$2 function=$3 request=$4 msp endorser peers=() orderer=() extra=() output status=0
  msp=$(user_msp "$key" "$user")
  while read -r endorser; do
    peers+=(--peerAddresses "$(node_address "${ORG_PEER[$endorser]}")" --tlsRootCertFiles "$(org_tls_ca "$endorser")")
  done < <(endorsers_for "$key")
  mapfile -t orderer < <(orderer_args)
  [[ -z ${MEDTRACE_TRANSIENT:-} ]] || extra=(--transient "$MEDTRACE_TRANSIENT")
  output=$(peer_with_msp "$key" "$msp" chaincode invoke "${orderer[@]}" -C "$CHANNEL" -n "$CHAINCODE_NAME" \
    -c "$(chaincode_call_json "$function" "$request")" "${peers[@]}" "${extra[@]}" --waitForEvent 2>&1) || status=$?
  if (( status != 0 )); then
    printf '%s\n' "$output" >&2
    return "$status"
  fi
  log "$function by $user (${ORG_MSP[$key]}): committed"
}

# cc_query ORG USER FUNCTION REQUEST: evaluates a transaction on ORG's peer as USER of ORG; prints its JSON answer.
cc_query() {
  local key=$1 user=$2 function=$3 request=$4 msp
  msp=$(user_msp "$key" "$user")
  peer_with_msp "$key" "$msp" chaincode query -C "$CHANNEL" -n "$CHAINCODE_NAME" \
    -c "$(chaincode_call_json "$function" "$request")"
}
