#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The test session must offer a working, unlocked Secret Service: store, look
# up and clear one item through libsecret's command-line client.
set -euo pipefail

if ! command -v secret-tool >/dev/null; then
  [ -n "${PD_TEST_SESSION:-}" ] && { echo "secret-tool is missing" >&2; exit 1; }
  exit 77
fi
if [ -z "${PD_TEST_SESSION:-}" ]; then
  echo "not inside build-aux/test-session; skipping" >&2
  exit 77
fi

value="check-$$-$RANDOM"
printf '%s' "$value" | secret-tool store --label="Partner Desk test" pd-test keyring
found=$(secret-tool lookup pd-test keyring)
secret-tool clear pd-test keyring
[ "$found" = "$value" ] || { echo "stored '$value' but read '$found'" >&2; exit 1; }
[ -z "$(secret-tool lookup pd-test keyring || true)" ] || { echo "item survived clear" >&2; exit 1; }
