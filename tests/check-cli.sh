#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-cli.sh PARTNER_DESK VERSION: --version and --help answer without a display.
set -euo pipefail
exe=$1 version=$2

out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$exe" --version)
[ "$out" = "partner-desk $version" ] || { echo "--version printed '$out'" >&2; exit 1; }

help=$(env -u DISPLAY -u WAYLAND_DISPLAY "$exe" --help)
grep -q -- "--version" <<<"$help" || { echo "--help does not list --version" >&2; exit 1; }
