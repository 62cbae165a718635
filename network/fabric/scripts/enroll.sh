#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Registers and enrols identities with the organisations' fabric-ca servers (started by scripts/up.sh, which runs
# this script). Every user gets the role attribute as an enrolment-certificate attribute (role=<value>:ecert), so
# the certificate carries it and the chaincode reads it with ctx.getClientIdentity().getAttributeValue("role").
# What is already enrolled is left alone.
#
# Usage:
#   enroll.sh                          everything missing: with --crypto ca the organisations' MSPs, nodes and
#                                      admins; in both modes one user per role of config/organizations.tsv,
#                                      named <org>-<role> (users/<org>-<role>@<domain>/msp)
#   enroll.sh user ORG NAME ROLE       one more user NAME of organisation ORG (a key of organizations.tsv)
#                                      with role ROLE: manufacturer, distributor, logistics, dispenser,
#                                      regulator, lot-release or logger
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { usage_from_header "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

ROLES=(manufacturer distributor logistics dispenser regulator lot-release logger)

# fabric-ca-client as ORG's bootstrap registrar; its home holds the registrar's enrolment and nothing else. Its
# chatter is shown only when it fails; what it prints on stdout is passed on. Secrets travel in FABRIC_CA_CLIENT_URL
# and FABRIC_CA_CLIENT_ID_SECRET, which fabric-ca-client reads like its flags, never on the command line (ps).
ca_client() {
  local key=$1 client certificate output status=0 secrets=()
  shift
  client=$(fabric_bin fabric-ca-client)
  certificate=$(ca_certificate "$key")
  [[ -z ${FABRIC_CA_CLIENT_URL:-} ]] || secrets+=("FABRIC_CA_CLIENT_URL=$FABRIC_CA_CLIENT_URL")
  [[ -z ${FABRIC_CA_CLIENT_ID_SECRET:-} ]] || secrets+=("FABRIC_CA_CLIENT_ID_SECRET=$FABRIC_CA_CLIENT_ID_SECRET")
  output=$(env -i HOME="$HOME" PATH="$PATH" "${secrets[@]}" "$client" "$@" \
    --home "$(ca_home "$key")/registrar" --caname "$(ca_name "$key")" --tls.certfiles "$certificate" 2>&1) || status=$?
  if (( status != 0 )); then
    [[ ${CA_CLIENT_QUIET_FAILURE:-} == 1 ]] || printf '%s\n' "$output" >&2
    return "$status"
  fi
  printf '%s\n' "$output" | grep -v -e '^[0-9/]* [0-9:]* \[INFO\]' -e '^$' || true
}

enroll_registrar() {
  local key=$1 password
  [[ -f $(ca_home "$key")/registrar/msp/signcerts/cert.pem ]] && return
  password=$(<"$(ca_home "$key")/bootstrap-admin.password")
  FABRIC_CA_CLIENT_URL="https://admin:$password@127.0.0.1:${ORG_CA_PORT[$key]}" ca_client "$key" enroll >/dev/null \
    || die "could not enrol the bootstrap registrar of $(ca_name "$key") (log: $(log_file "$(ca_process "$key")"))"
}

# register ORG NAME TYPE [ATTRS]: registers NAME, or gives an existing NAME a new secret; prints the secret.
register() {
  local key=$1 name=$2 type=$3 attrs=${4:-} secret args
  secret=$(random_secret)
  if CA_CLIENT_QUIET_FAILURE=1 ca_client "$key" identity list --id "$name" -u "$(ca_url "$key")" >/dev/null; then
    ca_client "$key" identity modify "$name" --secret "$secret" -u "$(ca_url "$key")" >/dev/null
  else
    args=(--id.name "$name" --id.type "$type")
    [[ -z $attrs ]] || args+=(--id.attrs "$attrs")
    FABRIC_CA_CLIENT_ID_SECRET=$secret ca_client "$key" register "${args[@]}" -u "$(ca_url "$key")" >/dev/null
  fi
  echo "$secret"
}

# The NodeOUs file of an MSP, pointing at its (single) CA certificate.
write_node_ous() {
  local msp=$1 cacert
  cacert=cacerts/$(basename "$(only_file "$msp/cacerts")")
  cat >"$msp/config.yaml" <<EOF
NodeOUs:
  Enable: true
  ClientOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: client
  PeerOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: peer
  AdminOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: admin
  OrdererOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: orderer
EOF
}

# The subject fields of every certificate an organisation's CA issues through this script.
csr_names() { echo "C=CN,ST=Shanghai,L=Shanghai,O=${ORG_DOMAIN[$1]}"; }

# enroll_msp ORG NAME SECRET MSP_DIR: an enrolment certificate and key in cryptogen's MSP layout.
enroll_msp() {
  local key=$1 name=$2 secret=$3 msp=$4 domain=${ORG_DOMAIN[$1]}
  FABRIC_CA_CLIENT_URL="https://$name:$secret@127.0.0.1:${ORG_CA_PORT[$key]}" ca_client "$key" enroll --mspdir "$msp" \
    --csr.names "$(csr_names "$key")" --csr.hosts "$name" >/dev/null || die "could not enrol $name with $(ca_name "$key")"
  # fabric-ca-client names the CA certificate after the server's address; cryptogen's name survives a CA move.
  mv "$(only_file "$msp/cacerts")" "$msp/ca-cert.tmp"
  mv "$msp/ca-cert.tmp" "$msp/cacerts/ca.$domain-cert.pem"
  mkdir -p "$msp/tlscacerts"
  cp "$(org_tls_ca "$key")" "$msp/tlscacerts/"
  write_node_ous "$msp"
}

# enroll_tls ORG NAME SECRET DIR KIND HOSTS: a TLS certificate (profile tls) as DIR/{ca.crt,KIND.crt,KIND.key}.
enroll_tls() {
  local key=$1 name=$2 secret=$3 dir=$4 kind=$5 hosts=$6 tmp
  tmp=$dir/enrolment.tmp
  rm -rf "$tmp"
  FABRIC_CA_CLIENT_URL="https://$name:$secret@127.0.0.1:${ORG_CA_PORT[$key]}" ca_client "$key" enroll --mspdir "$tmp" \
    --enrollment.profile tls --csr.names "$(csr_names "$key")" --csr.hosts "$hosts" >/dev/null \
    || die "could not enrol TLS for $name with $(ca_name "$key")"
  cp "$(only_file "$tmp/tlscacerts")" "$dir/ca.crt"
  cp "$(only_file "$tmp/signcerts")" "$dir/$kind.crt"
  (umask 077 && cp "$(only_file "$tmp/keystore")" "$dir/$kind.key")
  rm -rf "$tmp"
}

# With --crypto ca: the organisation MSP (the CA is both its identity and its TLS root), nodes and admin.
enroll_organization() {
  local key=$1 dir domain=${ORG_DOMAIN[$1]} id secret node_type
  dir=$(org_dir "$key")
  mkdir -p "$dir/msp/cacerts" "$dir/msp/tlscacerts"
  cp "$(ca_certificate "$key")" "$dir/msp/cacerts/ca.$domain-cert.pem"
  cp "$(ca_certificate "$key")" "$dir/msp/tlscacerts/tlsca.$domain-cert.pem"
  write_node_ous "$dir/msp"

  node_type=peer
  [[ ${ORG_KIND[$key]} == orderer ]] && node_type=orderer
  for id in "${!NODE_ORG[@]}"; do
    [[ ${NODE_ORG[$id]} == "$key" ]] || continue
    [[ -f $(node_dir "$id")/tls/server.crt ]] && continue
    log "enrolling $id"
    secret=$(register "$key" "$id" "$node_type")
    mkdir -p "$(node_dir "$id")/tls"
    enroll_msp "$key" "$id" "$secret" "$(node_dir "$id")/msp"
    enroll_tls "$key" "$id" "$secret" "$(node_dir "$id")/tls" server "$id,localhost,127.0.0.1,${NODE_HOST[$id]}"
  done

  if [[ ! -f $(admin_dir "$key")/tls/client.crt ]]; then
    log "enrolling the admin of ${ORG_MSP[$key]}"
    secret=$(register "$key" "$key-admin" admin)
    mkdir -p "$(admin_dir "$key")/tls"
    enroll_msp "$key" "$key-admin" "$secret" "$(admin_dir "$key")/msp"
    enroll_tls "$key" "$key-admin" "$secret" "$(admin_dir "$key")/tls" client "$key-admin"
  fi
}

# enroll_user ORG NAME ROLE: a client identity whose enrolment certificate carries role=ROLE.
enroll_user() {
  local key=$1 name=$2 role=$3 dir secret
  dir=$(user_dir "$key" "$name")
  [[ -f $dir/msp/signcerts/cert.pem ]] && return
  log "enrolling $name of ${ORG_MSP[$key]} with role=$role"
  secret=$(register "$key" "$name" client "role=$role:ecert")
  enroll_msp "$key" "$name" "$secret" "$dir/msp"
  # What the gateway profile needs to know without parsing the certificate (scripts/profiles.sh).
  echo "$role" >"$dir/role"
}

enroll_role_users() {
  local key=$1 role
  [[ ${ORG_ROLES[$key]} == - ]] && return
  for role in ${ORG_ROLES[$key]//,/ }; do
    valid_role "$role" || die "organizations.tsv: unknown role '$role' for '$key'"
    enroll_user "$key" "$key-$role" "$role"
  done
}

valid_role() {
  local role
  for role in "${ROLES[@]}"; do [[ $1 == "$role" ]] && return 0; done
  return 1
}

check_ca_running() {
  port_open 127.0.0.1 "${ORG_CA_PORT[$1]}" || die "$(ca_name "$1") is not running: run scripts/up.sh"
}

case ${1:-} in
  -h|--help) usage ;;
  ""|user) fabric_bin fabric-ca-client >/dev/null ;;
  *) usage 2 ;;
esac

case ${1:-} in
  "")
    mode=$(crypto_mode)
    for key in "${ORGS[@]}"; do
      check_ca_running "$key"
      enroll_registrar "$key"
      [[ $mode == ca ]] && enroll_organization "$key"
      enroll_role_users "$key"
    done
    ;;
  user)
    [[ $# -eq 4 ]] || usage 2
    key=$2 name=$3 role=$4
    [[ ${ORG_KIND[$key]:-} == peer ]] || die "'$key' is not an application organisation of config/organizations.tsv"
    [[ $name =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "user names are letters, digits and ._- only: '$name'"
    valid_role "$role" || die "role must be one of ${ROLES[*]}, not '$role'"
    check_ca_running "$key"
    enroll_registrar "$key"
    enroll_user "$key" "$name" "$role"
    echo "$(user_dir "$key" "$name")/msp"
    ;;
esac
