#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-potfiles.sh SOURCE_ROOT: po/POTFILES lists exactly the files that hold
# translatable strings, so none is left out of the catalogues. The reference portal is a
# stand-in for a web service and is not translated: its HTML pages are not catalogue strings.
set -euo pipefail
cd "$1"

listed=$(grep -v '^#' po/POTFILES | sed '/^$/d' | sort)
found=$(grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext)[[:space:]]*\(|translatable="(yes|true|1)"|<(summary|description)>|^(Name|GenericName|Comment|Keywords)=|<(p|li|caption)>' \
          --exclude-dir=portal-server src data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' 2>/dev/null | sort)

status=0
for file in $found; do
  grep -qxF "$file" <<<"$listed" || { echo "po/POTFILES misses $file" >&2; status=1; }
done
for file in $listed; do
  [ -f "$file" ] || { echo "po/POTFILES lists $file, which does not exist" >&2; status=1; continue; }
  grep -qxF "$file" <<<"$found" || { echo "po/POTFILES lists $file, which has no translatable strings" >&2; status=1; }
done
exit $status
