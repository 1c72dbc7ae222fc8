#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-openapi-lint.sh SOURCE_ROOT BUILD_DIR: merge docs/portal-api.yaml with its fragments and
# lint the result with the linter pinned in tools/openapi-lint/package-lock.json.
#
# The linter is installed by `npm ci` into BUILD_DIR/openapi-lint (never into the source tree)
# and reused for as long as the lock file is unchanged.
set -euo pipefail
src=$(cd "$1" && pwd)
build=$(mkdir -p "$2" && cd "$2" && pwd)
tool="$src/tools/openapi-lint"
cache="$build/openapi-lint"

command -v npm >/dev/null || { echo "npm not found: install nodejs and npm (build-aux/dev test does)" >&2; exit 1; }

lock_sum=$(cat "$tool/package.json" "$tool/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ ! -x "$cache/node_modules/.bin/redocly" ] || [ "$(cat "$cache/lock.sha256" 2>/dev/null)" != "$lock_sum" ]; then
  echo "Installing the pinned linter into $cache" >&2
  rm -rf "$cache"
  mkdir -p "$cache"
  cp "$tool/package.json" "$tool/package-lock.json" "$cache/"
  # --ignore-scripts: the only install script in the tree (core-js) just prints an advert.
  # Trust the system's certificate store (where a site's own CAs, e.g. of a proxy, live),
  # not only the CAs compiled into Node.
  (cd "$cache" && NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--use-openssl-ca" \
     npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) >&2
  echo "$lock_sum" >"$cache/lock.sha256"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/build-aux/merge-openapi.py" "$src/docs/portal-api.yaml" -o "$tmp/portal-api.yaml"

cd "$tmp"
# No update check and no telemetry: the machines reach the npm registry only.
lint() {
  REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_TELEMETRY=off NO_COLOR=1 \
    "$cache/node_modules/.bin/redocly" lint --config "$tool/redocly.yaml" "$@"
}

# First make sure the linter fails what it must (a response without its required description),
# so that a linter that passes everything cannot pass this test.
cat >broken.yaml <<'END'
openapi: 3.1.0
info: {title: Broken, version: '1', license: {name: GPL-3.0-or-later, identifier: GPL-3.0-or-later}}
servers: [{url: 'http://127.0.0.1:8080'}]
security: []
paths:
  /broken:
    get:
      operationId: broken
      summary: Broken
      responses: {'200': {content: {}}}
END
if lint broken.yaml >broken.log 2>&1 || ! grep -q 'struct rule' broken.log; then
  cat broken.log >&2
  echo "the linter did not fail a broken document" >&2
  exit 1
fi

lint portal-api.yaml
