#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-test-certs.sh DIR: certificates for the TLS tests, made fresh for each run.
#   ca.pem            a test certificate authority (not in any trust store)
#   server.pem/-key   signed by ca.pem for IP 127.0.0.1
#   wrong.pem/-key    signed by ca.pem for DNS wrong.example only
#   other-ca.pem      an unrelated authority
#   self.pem/-key     self-signed for IP 127.0.0.1
set -eu
cd "$1"
ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"

openssl req -x509 $ec -days 2 -subj "/CN=Partner Desk Test CA" -keyout ca-key.pem -out ca.pem \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -x509 $ec -days 2 -subj "/CN=Unrelated Test CA" -keyout other-ca-key.pem -out other-ca.pem \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -x509 $ec -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout self-key.pem -out self.pem 2>/dev/null

leaf() {
  printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$2" > "$1.ext"
  openssl req $ec -subj "/CN=$3" -keyout "$1-key.pem" -out "$1.csr" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
    -extfile "$1.ext" -out "$1.pem" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
leaf server IP:127.0.0.1 127.0.0.1
leaf wrong DNS:wrong.example wrong.example
