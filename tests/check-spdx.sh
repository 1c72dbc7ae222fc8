#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-spdx.sh SOURCE_ROOT: every source file in the repository names its licence.
set -euo pipefail
cd "$1"

# Files that cannot hold a comment (JSON, the fuzzer's binary seed corpus) or are licences and
# catalogues themselves.
exempt='(^COPYING$|^tests/fuzz/corpus/|\.json$|\.po$|^po/LINGUAS$|\.png$|\.md$|^\.gitignore$)'

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=$(git ls-files --cached --others --exclude-standard)
else
  files=$(find . -type f -not -path './_build/*' -not -path './.git/*' | sed 's|^\./||')
fi

status=0
while IFS= read -r file; do
  [ -f "$file" ] || continue
  grep -qE "$exempt" <<<"$file" && continue
  head -n 5 "$file" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || {
    echo "$file: no SPDX-License-Identifier line in its first lines" >&2
    status=1
  }
done <<<"$files"
exit $status
