#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Calls the traceability chaincode as one enrolled user, with the peer CLI: what the README's threat checks run.
# The request is one line of JSON (docs/chaincode-api.md); a submit needs a clientEventId like every submit.
#
# Usage:
#   chaincode.sh submit ORG USER FUNCTION REQUEST   submits as USER of ORG (a key of organizations.tsv) and waits for
#                                                   the commit: endorsed by ORG's peer, the consortium authority's,
#                                                   and others until the deployed policy is satisfied; prints the
#                                                   refusal ([ERROR_CODE] ...) or the invalidation status and fails
#   chaincode.sh query ORG USER FUNCTION REQUEST    evaluates on ORG's peer as USER; prints the JSON answer
# e.g. chaincode.sh query shanghaimpa shanghaimpa-regulator member:get '{"msp":"ShanghaiIdcMSP"}'
# MEDTRACE_ENDORSERS="huaxia" chooses the endorsing organisations instead (a rogue endorsement); MEDTRACE_TRANSIENT
# passes a transient map (JSON of base64 values).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/policy.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/policy.sh"
# shellcheck source=lib/chaincode.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/chaincode.sh"

usage() { usage_from_header "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

case ${1:-} in
  -h|--help) usage ;;
  submit|query) (( $# == 5 )) || usage 2 ;;
  *) usage 2 ;;
esac
[[ ${ORG_KIND[$2]:-} == peer ]] || die "'$2' is not an application organisation of config/organizations.tsv"
crypto_mode >/dev/null
if [[ $1 == submit ]]; then cc_submit "${@:2}"; else cc_query "${@:2}"; fi
