# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
#
# Reading a Fabric signature policy (AND, OR, OutOf over 'MSP.role' principals) as the endorsement policy files hold
# it. Sourced; plain bash, so deploy.sh can judge a policy before committing it.

# The one policy line of a policy file: comments (#) and blank lines skipped.
policy_from_file() {
  local file=$1 lines=()
  [[ -f $file ]] || { echo "error: no policy file at $file" >&2; return 1; }
  mapfile -t lines < <(grep -v -e '^#' -e '^[[:space:]]*$' "$file")
  (( ${#lines[@]} == 1 )) || { echo "error: $file must hold exactly one policy line besides comments" >&2; return 1; }
  echo "${lines[0]}"
}

# policy_satisfied_by POLICY MSP...: whether endorsements by the peers of exactly these organisations satisfy the
# policy (a peer's signature satisfies its organisation's .peer and .member principals, nothing else). Exit status
# 0 yes, 1 no, 2 when the text is no signature policy.
policy_satisfied_by() {
  local policy=${1//[[:space:]]/} msp value args ones progress principal
  shift
  local -A present=()
  for msp in "$@"; do present[$msp]=1; done
  # Each principal becomes 1 or 0 ...
  while [[ $policy =~ \'([A-Za-z0-9.-]+)\.(peer|member|admin|client|orderer)\' ]]; do
    principal=${BASH_REMATCH[0]} value=0
    if [[ ${present[${BASH_REMATCH[1]}]:-} == 1 ]]; then
      case ${BASH_REMATCH[2]} in peer|member) value=1 ;; esac
    fi
    policy=${policy/"$principal"/$value}
  done
  # ... then the innermost gate whose arguments are all decided becomes 1 or 0, until one digit is left.
  while [[ ! $policy =~ ^[01]$ ]]; do
    progress=false
    if [[ $policy =~ (AND|OR)\(([01](,[01])*)\) ]]; then
      args=${BASH_REMATCH[2]} ones=${BASH_REMATCH[2]//[^1]/}
      value=0
      if [[ ${BASH_REMATCH[1]} == OR ]]; then
        (( ${#ones} >= 1 )) && value=1
      else
        (( ${#ones} == (${#args} + 1) / 2 )) && value=1
      fi
      policy=${policy/"${BASH_REMATCH[0]}"/$value}
      progress=true
    fi
    if [[ $policy =~ OutOf\(([0-9]+),([01](,[01])*)\) ]]; then
      ones=${BASH_REMATCH[2]//[^1]/}
      value=0
      (( ${#ones} >= 10#${BASH_REMATCH[1]} )) && value=1
      policy=${policy/"${BASH_REMATCH[0]}"/$value}
      progress=true
    fi
    $progress || return 2
  done
  [[ $policy == 1 ]]
}

# policy_problem POLICY AUTHORITY_MSP MSP...: why the policy leaves the consortium's rules to a single organisation's
# chaincode, or nothing when it does not: it must name the authority's peer, and no one organisation's peer (of the
# MSPs given: every member) may satisfy it alone. Exit status 2 when the text is no signature policy.
policy_problem() {
  local policy=$1 authority=$2 msp status=0
  shift 2
  policy_satisfied_by "$policy" || status=$?
  (( status != 2 )) || return 2
  if (( status == 0 )); then
    echo "it is satisfied without any endorsement"
    return 0
  fi
  if [[ ${policy//[[:space:]]/} != *"'$authority.peer'"* ]]; then
    echo "it does not name the consortium authority's peer '$authority.peer'"
    return 0
  fi
  for msp in "$@"; do
    if policy_satisfied_by "$policy" "$msp"; then
      echo "the peer of $msp alone satisfies it"
      return 0
    fi
  done
}
