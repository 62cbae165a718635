# shellcheck shell=bash disable=SC2034 # its variables are for the scripts that source it
# SPDX-License-Identifier: Apache-2.0
#
# Shared by the network scripts (sourced, never run): paths, the organisation and node tables, the Fabric
# binaries, and helpers to run nodes as native processes or compose services.
#
# Environment (all optional):
#   MEDTRACE_NETWORK_DIR  where the network lives: crypto material, ledgers, logs, pids (default: network/fabric/data)
#   FABRIC_BIN            directory holding peer, orderer, configtxgen, osnadmin, cryptogen, fabric-ca-server and
#                         fabric-ca-client (default: found on PATH)
#   FABRIC_CFG_PATH       directory holding the release's core.yaml and orderer.yaml (default: ../config next to
#                         the peer binary, as the release tarball lays it out)
#   MEDTRACE_RUNTIME      native (default: every node a local process) or compose (nodes run by compose/compose.yaml)
#   MEDTRACE_CHANNEL      channel name (default: medtrace)
#   MEDTRACE_CHAINCODE    chaincode name (default: traceability)
#   MEDTRACE_CONSORTIUM_AUTHORITY  MSP id of the consortium authority that keeps the member registry (default:
#                         the one scripts/deploy.sh deployed with, else ShanghaiMpaMSP)

# 4.4: associative arrays, and empty arrays that set -u accepts.
if (( ${BASH_VERSINFO[0]:-0} * 100 + ${BASH_VERSINFO[1]:-0} < 404 )); then
  echo "error: these scripts need bash 4.4 or later" >&2
  exit 1
fi

FABRIC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=package.sh
source "$FABRIC_DIR/scripts/lib/package.sh"
CONFIG_DIR=$FABRIC_DIR/config
NETWORK_DIR=${MEDTRACE_NETWORK_DIR:-$FABRIC_DIR/data}
# Nodes get paths in env files and run from anywhere: make them absolute.
[[ $NETWORK_DIR == /* ]] || NETWORK_DIR=$PWD/$NETWORK_DIR
CHANNEL=${MEDTRACE_CHANNEL:-medtrace}
CHAINCODE_NAME=${MEDTRACE_CHAINCODE:-traceability}
RUNTIME=${MEDTRACE_RUNTIME:-native}
COMPOSE_FILE=$FABRIC_DIR/compose/compose.yaml
CCAAS_BUILDER_DIR=${MEDTRACE_CCAAS_BUILDER:-$FABRIC_DIR/builders/ccaas}
# How long to wait for a node to open its port, and for a stopped process to exit.
START_TIMEOUT_SECONDS=${MEDTRACE_START_TIMEOUT_SECONDS:-60}
STOP_TIMEOUT_SECONDS=${MEDTRACE_STOP_TIMEOUT_SECONDS:-20}

# Prints the comment block at the top of a script (after the SPDX line): its usage.
usage_from_header() { awk 'NR > 2 && /^#/ { sub(/^# ?/, ""); print; next } NR > 2 { exit }' "$1" >&2; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# The tables: config/organizations.tsv and config/nodes.tsv
# ---------------------------------------------------------------------------------------------------------------

declare -A ORG_MSP=() ORG_DOMAIN=() ORG_KIND=() ORG_ROLES=() ORG_CA_PORT=() ORG_CA_OPS_PORT=() ORG_PEER=()
declare -A NODE_ORG=() NODE_HOST=() NODE_PORT=() NODE_ADMIN_PORT=() NODE_OPS_PORT=() NODE_PEER_CC_PORT=()
declare -A NODE_CC_SERVER_PORT=() NODE_GATEWAY_PORT=()
ORGS=()
PEER_ORGS=()
ORDERER_ORG=
ORDERERS=()
PEERS=()

is_port() { [[ $1 =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )); }

# Reads a TSV table, skipping comments and blank lines; prints one line per row.
table_rows() { grep -v -e '^#' -e '^[[:space:]]*$' "$1"; }

load_organizations() {
  local key msp domain kind roles ca_port ca_ops extra
  while IFS=$'\t' read -r key msp domain kind roles ca_port ca_ops extra; do
    [[ -z ${extra:-} && -n ${ca_ops:-} ]] || die "organizations.tsv: bad row for '$key' (7 TAB-separated fields)"
    if ! is_port "$ca_port" || ! is_port "$ca_ops"; then die "organizations.tsv: bad CA port for '$key'"; fi
    ORGS+=("$key")
    ORG_MSP[$key]=$msp ORG_DOMAIN[$key]=$domain ORG_KIND[$key]=$kind ORG_ROLES[$key]=$roles
    ORG_CA_PORT[$key]=$ca_port ORG_CA_OPS_PORT[$key]=$ca_ops
    case $kind in
      peer) PEER_ORGS+=("$key") ;;
      orderer) [[ -z $ORDERER_ORG ]] || die "organizations.tsv: more than one orderer organisation"; ORDERER_ORG=$key ;;
      *) die "organizations.tsv: kind of '$key' must be peer or orderer, not '$kind'" ;;
    esac
  done < <(table_rows "$CONFIG_DIR/organizations.tsv")
  [[ -n $ORDERER_ORG ]] || die "organizations.tsv: no orderer organisation"
}

load_nodes() {
  local node org host port admin ops peer_cc cc_server gateway extra id
  while IFS=$'\t' read -r node org host port admin ops peer_cc cc_server gateway extra; do
    [[ -z ${extra:-} && -n ${gateway:-} ]] || die "nodes.tsv: bad row for '$node' (9 TAB-separated fields)"
    [[ -n ${ORG_DOMAIN[$org]:-} ]] || die "nodes.tsv: '$node' belongs to unknown organisation '$org'"
    if ! is_port "$port" || ! is_port "$ops"; then die "nodes.tsv: bad port for '$node.$org'"; fi
    id=$node.${ORG_DOMAIN[$org]}
    NODE_ORG[$id]=$org NODE_HOST[$id]=$host NODE_PORT[$id]=$port NODE_OPS_PORT[$id]=$ops
    if [[ ${ORG_KIND[$org]} == orderer ]]; then
      is_port "$admin" || die "nodes.tsv: orderer '$id' needs an admin port"
      NODE_ADMIN_PORT[$id]=$admin
      ORDERERS+=("$id")
    else
      if ! is_port "$peer_cc" || ! is_port "$cc_server" || ! is_port "$gateway"; then
        die "nodes.tsv: peer '$id' needs its chaincode, chaincode server and gateway ports"
      fi
      [[ -z ${ORG_PEER[$org]:-} ]] || die "nodes.tsv: the scripts run one peer per organisation; '$org' has two"
      NODE_PEER_CC_PORT[$id]=$peer_cc NODE_CC_SERVER_PORT[$id]=$cc_server NODE_GATEWAY_PORT[$id]=$gateway
      ORG_PEER[$org]=$id
      PEERS+=("$id")
    fi
  done < <(table_rows "$CONFIG_DIR/nodes.tsv")
  local key
  for key in "${PEER_ORGS[@]}"; do
    [[ -n ${ORG_PEER[$key]:-} ]] || die "nodes.tsv: organisation '$key' has no peer"
  done
  (( ${#ORDERERS[@]} > 0 )) || die "nodes.tsv: no orderer"
}

load_organizations
load_nodes

# The consortium authority: the MSP id every organisation's chaincode names (MEDTRACE_CONSORTIUM_AUTHORITY), the
# only one that may write the member registry. deploy.sh records the one it deployed with.
authority_file() { echo "$NETWORK_DIR/consortium-authority"; }
# The endorsement policy deploy.sh committed last, so the other scripts ask the peers it needs.
policy_record_file() { echo "$NETWORK_DIR/endorsement-policy"; }
consortium_authority() {
  local msp=${MEDTRACE_CONSORTIUM_AUTHORITY:-} deployed
  if [[ -f $(authority_file) ]]; then
    deployed=$(<"$(authority_file)")
    [[ -z $msp || $msp == "$deployed" ]] \
      || die "MEDTRACE_CONSORTIUM_AUTHORITY=$msp, but the chaincode runs with $deployed (scripts/deploy.sh recorded it)"
    msp=$deployed
  fi
  echo "${msp:-ShanghaiMpaMSP}"
}
# The key of the organisation with this MSP id, or a failure naming the application organisations.
org_of_msp() {
  local key
  for key in "${PEER_ORGS[@]}"; do [[ ${ORG_MSP[$key]} == "$1" ]] && { echo "$key"; return; }; done
  local msps=()
  for key in "${PEER_ORGS[@]}"; do msps+=("${ORG_MSP[$key]}"); done
  die "'$1' is not the MSP id of an application organisation of config/organizations.tsv (${msps[*]})"
}

# ---------------------------------------------------------------------------------------------------------------
# Where things are. The crypto material keeps cryptogen's layout whichever way it was made.
# ---------------------------------------------------------------------------------------------------------------

org_dir() {
  local key=$1
  if [[ ${ORG_KIND[$key]} == orderer ]]; then
    echo "$NETWORK_DIR/organizations/ordererOrganizations/${ORG_DOMAIN[$key]}"
  else
    echo "$NETWORK_DIR/organizations/peerOrganizations/${ORG_DOMAIN[$key]}"
  fi
}
node_dir() {
  local id=$1 key=${NODE_ORG[$1]}
  if [[ ${ORG_KIND[$key]} == orderer ]]; then echo "$(org_dir "$key")/orderers/$id"; else echo "$(org_dir "$key")/peers/$id"; fi
}
user_dir() { echo "$(org_dir "$1")/users/$2@${ORG_DOMAIN[$1]}"; }
admin_dir() { user_dir "$1" Admin; }
org_tls_ca() { echo "$(org_dir "$1")/msp/tlscacerts/tlsca.${ORG_DOMAIN[$1]}-cert.pem"; }
node_address() { echo "${NODE_HOST[$1]}:${NODE_PORT[$1]}"; }
ca_home() { echo "$NETWORK_DIR/fabric-ca/$1"; }
ca_name() { echo "ca-$1"; }
ca_url() { echo "https://127.0.0.1:${ORG_CA_PORT[$1]}"; }
node_data_dir() { echo "$NETWORK_DIR/nodes/$1"; }
env_file() { echo "$NETWORK_DIR/env/$1.env"; }
chaincode_process() { echo "chaincode.${ORG_DOMAIN[$1]}"; }
ca_process() { echo "ca.${ORG_DOMAIN[$1]}"; }
crypto_mode_file() { echo "$NETWORK_DIR/crypto-mode"; }

# The certificate of an organisation's CA: the fabric-ca server's own root, or the one cryptogen made.
ca_certificate() {
  local key=$1 mode
  mode=$(crypto_mode)
  if [[ $mode == cryptogen ]]; then
    echo "$(org_dir "$key")/ca/ca.${ORG_DOMAIN[$key]}-cert.pem"
  else
    echo "$(ca_home "$key")/ca-cert.pem"
  fi
}

crypto_mode() {
  local file
  file=$(crypto_mode_file)
  [[ -f $file ]] || die "no network in $NETWORK_DIR yet: run scripts/up.sh first"
  cat "$file"
}

# The single file in a directory (an MSP's keystore or signcerts).
only_file() {
  local dir=$1 files=()
  shopt -s nullglob
  files=("$dir"/*)
  shopt -u nullglob
  (( ${#files[@]} == 1 )) || die "expected exactly one file in $dir, found ${#files[@]}"
  echo "${files[0]}"
}

# Paths end up in YAML flow values, env files and properties: keep them simple.
check_network_dir() {
  [[ $NETWORK_DIR =~ ^/[A-Za-z0-9._/@+-]*$ ]] \
    || die "MEDTRACE_NETWORK_DIR must be an absolute path of letters, digits and ._/@+- only: '$NETWORK_DIR'"
}

# ---------------------------------------------------------------------------------------------------------------
# Binaries
# ---------------------------------------------------------------------------------------------------------------

# Prints the absolute path of a Fabric binary, or fails with what to do.
fabric_bin() {
  local name=$1 path
  if [[ -n ${FABRIC_BIN:-} ]]; then
    path=$FABRIC_BIN/$name
    [[ -x $path ]] || die "$name not found in FABRIC_BIN=$FABRIC_BIN"
    path=$(cd "$FABRIC_BIN" && pwd)/$name
  else
    path=$(command -v "$name" || true)
    [[ -n $path ]] || die "$name not found: put the Fabric 2.5 and fabric-ca 1.5 binaries on PATH or set FABRIC_BIN"
  fi
  echo "$path"
}

# The directory with the release's core.yaml and orderer.yaml; nodes read them and take our settings from the
# environment (lib/nodes.sh writes those settings).
fabric_cfg_path() {
  local dir=${FABRIC_CFG_PATH:-}
  if [[ -z $dir ]]; then
    dir=$(cd "$(dirname "$(fabric_bin peer)")/.." && pwd)/config
  fi
  [[ -f $dir/core.yaml && -f $dir/orderer.yaml ]] \
    || die "no core.yaml and orderer.yaml in '$dir': set FABRIC_CFG_PATH to the release's config directory"
  (cd "$dir" && pwd)
}

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '\n' | tr '+/' '-_' | tr -d '='; }

# ---------------------------------------------------------------------------------------------------------------
# Ports and processes
# ---------------------------------------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for_port HOST PORT NAME: until the process NAME listens; fails at once, with the end of its log, if a process
# this network started exits instead.
wait_for_port() {
  local host=$1 port=$2 what=$3 waited=0 log
  log=$(log_file "$what")
  until port_open "$host" "$port"; do
    if [[ $RUNTIME == native && -f $(pid_file "$what") ]] && ! running_pid "$what" >/dev/null; then
      [[ -f $log ]] && tail -n 20 "$log" >&2
      die "$what exited while starting (log: $log)"
    fi
    (( waited < START_TIMEOUT_SECONDS )) || die "$what did not open $host:$port within ${START_TIMEOUT_SECONDS}s (log: $log)"
    sleep 1
    waited=$((waited + 1))
  done
}

# A log over LOG_ROTATE_BYTES becomes <log>.1 (replacing the previous one) when its process starts again, so a
# network that is restarted keeps at most two logs per process. A node that runs for months needs logrotate
# (copytruncate) on top.
LOG_ROTATE_BYTES=${MEDTRACE_LOG_ROTATE_BYTES:-67108864}
rotate_log() {
  local log=$1 size
  [[ -f $log ]] || return 0
  size=$(wc -c <"$log")
  (( size <= LOG_ROTATE_BYTES )) || mv -f "$log" "$log.1"
}

pid_file() { echo "$NETWORK_DIR/run/$1.pid"; }
log_file() { echo "$NETWORK_DIR/logs/$1.log"; }

# The pid of a process this network started and that still runs. The pid file keeps the start time next to the
# pid, so a pid the system has since given to another process is never taken for ours.
running_pid() {
  local file pid started
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  { read -r pid && read -r started; } <"$file" || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ $(process_start_time "$pid") == "$started" ]] || return 1
  echo "$pid"
}

process_start_time() { ps -p "$1" -o lstart= 2>/dev/null | tr -s ' '; }

# start_process NAME ENV_FILE HOST PORT COMMAND [ARGS...]
# Runs COMMAND (a Fabric binary's name, or a path) natively with exactly the environment in ENV_FILE (plus HOME and
# PATH), or as the compose service NAME, and waits until it listens on HOST:PORT.
start_process() {
  launch_process "$@"
  wait_for_port "$3" "$4" "$1"
  log "$1 is up on $3:$4"
}

# launch_process: start_process without the wait, to start several slow processes at once.
launch_process() {
  local name=$1 env=$2 host=$3 port=$4 pid
  shift 4
  if [[ $RUNTIME == compose ]]; then
    compose up -d "$name"
  elif running_pid "$name" >/dev/null; then
    log "$name is already running"
  else
    port_open "$host" "$port" && die "$host:$port is taken by another process: stop it or change config/nodes.tsv"
    mkdir -p "$NETWORK_DIR/run" "$NETWORK_DIR/logs"
    rotate_log "$(log_file "$name")"
    local vars=()
    mapfile -t vars < <(table_rows "$env")
    [[ $1 == */* ]] || set -- "$(fabric_bin "$1")" "${@:2}"
    nohup env -i HOME="$HOME" PATH="$PATH" "${vars[@]}" "$@" >>"$(log_file "$name")" 2>&1 </dev/null &
    pid=$!
    printf '%s\n%s\n' "$pid" "$(process_start_time "$pid")" >"$(pid_file "$name")"
  fi
}

# stop_processes NAME...: TERM to each, then KILL what still runs after STOP_TIMEOUT_SECONDS. Only touches the
# processes this network recorded; all of them stop at the same time.
stop_processes() {
  local name pid waited=0 pids=()
  if [[ $RUNTIME == compose ]]; then
    compose stop "$@" >/dev/null
    return
  fi
  for name in "$@"; do
    if pid=$(running_pid "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$(pid_file "$name")"
  done
  for pid in "${pids[@]}"; do
    # Checked five times a second: most processes are gone well within one.
    while kill -0 "$pid" 2>/dev/null && (( waited < STOP_TIMEOUT_SECONDS * 5 )); do
      sleep 0.2
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "process $pid did not stop within ${STOP_TIMEOUT_SECONDS}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  (( ${#pids[@]} == 0 )) || log "stopped $*"
}

compose() {
  command -v docker >/dev/null || die "MEDTRACE_RUNTIME=compose needs docker with the compose plugin"
  MEDTRACE_NETWORK_DIR=$NETWORK_DIR MEDTRACE_UID=$(id -u) MEDTRACE_GID=$(id -g) \
    docker compose -f "$COMPOSE_FILE" --project-name medtrace-fabric "$@"
}

# ---------------------------------------------------------------------------------------------------------------
# Talking to the network as an organisation's admin
# ---------------------------------------------------------------------------------------------------------------

# peer_cli ORG ARGS...: the peer CLI as ORG's admin against ORG's peer, with no CORE_* settings leaking in from the
# caller's shell.
peer_cli() {
  local key=$1
  shift
  peer_with_msp "$key" "$(admin_dir "$key")/msp" "$@"
}

# peer_with_msp ORG MSP_DIR ARGS...: the peer CLI signing with the identity in MSP_DIR against ORG's peer.
peer_with_msp() {
  local key=$1 msp=$2 id=${ORG_PEER[$1]} cfg peer
  shift 2
  cfg=$(fabric_cfg_path)
  peer=$(fabric_bin peer)
  env -i HOME="$HOME" PATH="$PATH" FABRIC_CFG_PATH="$cfg" FABRIC_LOGGING_SPEC=WARN \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_LOCALMSPID="${ORG_MSP[$key]}" \
    CORE_PEER_MSPCONFIGPATH="$msp" \
    CORE_PEER_ADDRESS="$(node_address "$id")" \
    CORE_PEER_TLS_ROOTCERT_FILE="$(org_tls_ca "$key")" \
    "$peer" "$@"
}

# The first orderer that accepts connections, as peer CLI arguments.
orderer_args() {
  local id
  for id in "${ORDERERS[@]}"; do
    if port_open "${NODE_HOST[$id]}" "${NODE_PORT[$id]}"; then
      printf '%s\n' -o "$(node_address "$id")" --tls --cafile "$(org_tls_ca "$ORDERER_ORG")"
      return
    fi
  done
  die "no orderer is reachable: run scripts/up.sh"
}
