#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Deploys the traceability chaincode as a service through the Fabric lifecycle: installs the ccaas package on every
# peer, computes its package id, starts each organisation's chaincode server from the chaincode jar with that id,
# approves the definition for every organisation that has not, commits it, and checks that every peer reaches its
# chaincode. Run it again after rebuilding the jar to restart the chaincode servers; a package with a new label
# (a new version) becomes the next sequence of the definition.
#
# Usage: deploy.sh [--package FILE] [--jar FILE] [--policy NAME|FILE] [--force-policy] [--authority MSP]
#                  [--sequence N]
#   --package      the ccaas package (default: network/fabric/target/traceability-ccaas.tar.gz, built by
#                  ./mvnw -pl network/fabric package)
#   --jar          the chaincode jar (default: the one chaincode/target/traceability-chaincode-*-ccaas.jar)
#   --policy       the endorsement policy: default (config/endorsement-policy.txt: the authority's peer and one
#                  other), majority (config/endorsement-policy-majority.txt), any (config/endorsement-policy-any.txt)
#                  or a policy file (default: $MEDTRACE_ENDORSEMENT_POLICY, else default); --policy-file FILE too
#   --force-policy deploy a policy that does not name the authority's peer, or that one organisation's peer satisfies
#                  alone (refused otherwise: see the README, "Endorsement policy")
#   --authority    the consortium authority's MSP id, passed to every chaincode server as
#                  MEDTRACE_CONSORTIUM_AUTHORITY (default: $MEDTRACE_CONSORTIUM_AUTHORITY, else the one deployed
#                  before, else ShanghaiMpaMSP); it cannot change once deployed
#   --sequence     the definition sequence to approve and commit (default: 1 for a new chaincode, the committed
#                  sequence while the version is unchanged, else the committed sequence + 1)
# MEDTRACE_CHAINCODE_JAVA_OPTS holds JVM options for the chaincode servers (e.g. -Xmx512m).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/nodes.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/nodes.sh"
# shellcheck source=lib/policy.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/policy.sh"

usage() { usage_from_header "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

package=$FABRIC_DIR/target/traceability-ccaas.tar.gz
jar=
policy=${MEDTRACE_ENDORSEMENT_POLICY:-default}
force_policy=false
sequence=
while (( $# > 0 )); do
  case $1 in
    --package|--jar|--policy|--policy-file|--authority|--sequence) [[ $# -ge 2 ]] || usage 2 ;;&
    --package) package=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --policy|--policy-file) policy=$2; shift 2 ;;
    --force-policy) force_policy=true; shift ;;
    --authority) export MEDTRACE_CONSORTIUM_AUTHORITY=$2; shift 2 ;;
    --sequence) sequence=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage 2 ;;
  esac
done

if [[ -z $jar ]]; then
  shopt -s nullglob
  jars=("$FABRIC_DIR"/../../chaincode/target/traceability-chaincode-*-ccaas.jar)
  shopt -u nullglob
  (( ${#jars[@]} == 1 )) || die "expected one chaincode/target/traceability-chaincode-*-ccaas.jar, found ${#jars[@]}: build it with ./mvnw -pl chaincode package, or pass --jar"
  jar=${jars[0]}
fi
[[ -f $jar ]] || die "no chaincode jar at $jar"
[[ -f $package ]] || die "no chaincode package at $package: build it with ./mvnw -pl network/fabric package, or pass --package"
[[ -z $sequence || $sequence =~ ^[1-9][0-9]*$ ]] || die "--sequence must be a positive integer"
case $policy in
  default) policy_file=$CONFIG_DIR/endorsement-policy.txt ;;
  majority|any) policy_file=$CONFIG_DIR/endorsement-policy-$policy.txt ;;
  *) policy_file=$policy ;;
esac
policy=$(policy_from_file "$policy_file") || exit 1

# The authority: the same for every organisation's chaincode, and for good once the registry has its first entry.
if [[ -f $(authority_file) && -n ${MEDTRACE_CONSORTIUM_AUTHORITY:-} \
    && $MEDTRACE_CONSORTIUM_AUTHORITY != "$(<"$(authority_file)")" ]]; then
  die "this network's chaincode was deployed with the consortium authority $(<"$(authority_file)"); its member registry \
names that organisation as the writer of every entry and its peer in every entry's key-level endorsement policy, so \
the chaincode cannot be given another authority ($MEDTRACE_CONSORTIUM_AUTHORITY) here. Start over with \
scripts/down.sh --purge, or keep the authority."
fi
authority=$(consortium_authority)
authority_key=$(org_of_msp "$authority")

# A policy that one organisation's peer satisfies alone lets that organisation's chaincode decide alone; one that
# leaves out the authority's peer lets others write the registry's first entry (a key-level policy guards a
# registry key only once it exists) and endorse without the authority.
member_msps=()
for key in "${PEER_ORGS[@]}"; do member_msps+=("${ORG_MSP[$key]}"); done
problem=$(policy_problem "$policy" "$authority" "${member_msps[@]}") || die "$policy_file holds no signature policy Fabric reads: $policy"
if [[ -n $problem ]]; then
  why="the chaincode checks every rule (roles, the registry, custody) on the peers that endorse, so a policy that one \
organisation's peer satisfies alone lets that organisation write whatever its own, possibly modified, chaincode \
allows; and the registry's first entry is written under this policy, before any key-level policy protects it, so \
without the authority's peer another organisation's peer could claim the registry"
  $force_policy || die "refusing the endorsement policy of $policy_file: $problem. Why: $why. Deploy it anyway with \
--force-policy."
  log "warning: deploying $policy_file although $problem (--force-policy)"
fi
if [[ $RUNTIME == native ]]; then
  command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java" >/dev/null || die "java not found: install a JDK 17 or set JAVA_HOME"
fi

crypto_mode >/dev/null
fabric_bin peer >/dev/null
fabric_cfg_path >/dev/null
label=$(package_label "$package")
package_id=$(package_id "$package")
version=${label#"${CHAINCODE_NAME}_"}
log "package $label, id $package_id"

# 1. Install on every peer (the peer runs the ccaas builder on it; nothing is compiled).
for key in "${PEER_ORGS[@]}"; do
  if peer_cli "$key" lifecycle chaincode queryinstalled 2>/dev/null | grep -qF "Package ID: $package_id,"; then
    log "already installed on ${ORG_PEER[$key]}"
  else
    log "installing on ${ORG_PEER[$key]}"
    peer_cli "$key" lifecycle chaincode install "$package"
  fi
done

# 2. Each organisation's chaincode server, from a copy of the jar (so a rebuild or mvn clean does not pull it away).
chaincodes=()
for key in "${PEER_ORGS[@]}"; do chaincodes+=("$(chaincode_process "$key")"); done
stop_processes "${chaincodes[@]}"
mkdir -p "$(dirname "$(chaincode_jar)")"
cp "$jar" "$(chaincode_jar)"
for key in "${PEER_ORGS[@]}"; do write_chaincode_env "$key" "$package_id" "$authority"; done
echo "$authority" >"$(authority_file)"
log "consortium authority: $authority (peer ${ORG_PEER[$authority_key]})"
start_chaincode_servers

# 3. The chaincode definition.
first=${PEER_ORGS[0]}
committed=$(peer_cli "$first" lifecycle chaincode querycommitted --channelID "$CHANNEL" --name "$CHAINCODE_NAME" --output json 2>/dev/null || true)
committed_sequence=$(printf '%s' "$committed" | tr -d '\n' | sed -n 's/.*"sequence"[[:space:]]*:[[:space:]]*\([0-9]*\).*/\1/p')
committed_version=$(printf '%s' "$committed" | tr -d '\n' | sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
if [[ -z $sequence ]]; then
  if [[ -z $committed_sequence ]]; then
    sequence=1
  elif [[ $committed_version == "$version" ]]; then
    sequence=$committed_sequence
  else
    sequence=$((committed_sequence + 1))
  fi
fi

mapfile -t orderer < <(orderer_args)
definition=(--channelID "$CHANNEL" --name "$CHAINCODE_NAME" --version "$version" --sequence "$sequence" --signature-policy "$policy")

if [[ $sequence == "$committed_sequence" ]]; then
  log "definition $CHAINCODE_NAME $version sequence $sequence is already committed"
else
  readiness=$(peer_cli "$first" lifecycle chaincode checkcommitreadiness "${definition[@]}" --output json)
  for key in "${PEER_ORGS[@]}"; do
    if printf '%s' "$readiness" | grep -q "\"${ORG_MSP[$key]}\"[[:space:]]*:[[:space:]]*true"; then
      log "${ORG_MSP[$key]} already approved sequence $sequence"
    else
      log "approving for ${ORG_MSP[$key]}"
      peer_cli "$key" lifecycle chaincode approveformyorg "${orderer[@]}" "${definition[@]}" --package-id "$package_id"
    fi
  done
  # The commit transaction collects endorsements from every organisation's peer (LifecycleEndorsement: MAJORITY).
  peers=()
  for key in "${PEER_ORGS[@]}"; do
    peers+=(--peerAddresses "$(node_address "${ORG_PEER[$key]}")" --tlsRootCertFiles "$(org_tls_ca "$key")")
  done
  log "committing $CHAINCODE_NAME $version sequence $sequence"
  peer_cli "$first" lifecycle chaincode commit "${orderer[@]}" "${definition[@]}" "${peers[@]}"
fi

printf '%s\n' "$policy" >"$(policy_record_file)"

# 4. Every peer reaches its own organisation's chaincode server: the contract metadata every contract router serves.
for key in "${PEER_ORGS[@]}"; do
  waited=0
  until peer_cli "$key" chaincode query -C "$CHANNEL" -n "$CHAINCODE_NAME" \
      -c '{"function":"org.hyperledger.fabric:GetMetadata","Args":[]}' 2>/dev/null | grep -q '"contracts"'; do
    (( waited < START_TIMEOUT_SECONDS )) \
      || die "${ORG_PEER[$key]} cannot reach its chaincode (logs: $(log_file "${ORG_PEER[$key]}"), $(log_file "$(chaincode_process "$key")"))"
    sleep 1
    waited=$((waited + 1))
  done
  log "${ORG_PEER[$key]} runs $CHAINCODE_NAME"
done
log "deployed $CHAINCODE_NAME $version (sequence $sequence, package $package_id) on channel $CHANNEL"
log "next: scripts/members.sh (the member registry), then scripts/profiles.sh"
