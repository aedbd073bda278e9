#!/usr/bin/env bash
# Generates the example's THROWAWAY test PKI with openssl: a local root CA, an intermediate and a
# leaf for app.example.com, written to test-pems/. The keys protect nothing: they exist so that
# the example synthesizes and plans. For a real import, point the config at your own files.
#
# The output is committed (regenerate with this script) so that synth is deterministic: a fresh
# certificate on every synth would plan a re-import each time and defeat the plan cache.
#   usage: examples/imported-certificate/generate-test-pems.sh [output dir] [leaf days]
set -euo pipefail
out="${1:-$(dirname "$0")/test-pems}"
days="${2:-3650}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 7300 \
  -subj "/CN=Example Test Root CA (throwaway)" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$work/root.key" -out "$work/root.pem" 2>/dev/null

openssl req -new -newkey rsa:2048 -nodes -subj "/CN=Example Test Intermediate CA (throwaway)" \
  -keyout "$work/intermediate.key" -out "$work/intermediate.csr" 2>/dev/null
printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > "$work/ca.ext"
openssl x509 -req -sha256 -days 7000 -in "$work/intermediate.csr" -CA "$work/root.pem" \
  -CAkey "$work/root.key" -CAcreateserial -extfile "$work/ca.ext" -out "$work/intermediate.pem" 2>/dev/null

openssl req -new -newkey rsa:2048 -nodes -subj "/CN=app.example.com" \
  -keyout "$work/leaf.key" -out "$work/leaf.csr" 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:app.example.com,DNS:www.app.example.com\n' > "$work/leaf.ext"
openssl x509 -req -sha256 -days "$days" -in "$work/leaf.csr" -CA "$work/intermediate.pem" \
  -CAkey "$work/intermediate.key" -CAcreateserial -extfile "$work/leaf.ext" -out "$work/leaf.pem" 2>/dev/null

cp "$work/leaf.pem" "$out/certificate.pem"
openssl pkey -in "$work/leaf.key" -out "$out/private-key.pem"
# The chain: the intermediate that issued the leaf first, then the root.
cat "$work/intermediate.pem" "$work/root.pem" > "$out/chain.pem"
echo "wrote $out/certificate.pem, $out/private-key.pem, $out/chain.pem"
