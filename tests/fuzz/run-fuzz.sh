#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh SOURCE_ROOT BUILD_ROOT WORK_DIR SOURCE…
# Builds fuzz-decode.c with the models sources under clang's libFuzzer, ASan and UBSan, and
# fuzzes a copy of tests/fuzz/corpus for a bounded time. Any crash or sanitizer report
# fails. Set PD_FUZZ_SECONDS to fuzz longer (default 30).
set -euo pipefail

source_root=$1 build_root=$2 work_dir=$3
shift 3

if ! command -v clang >/dev/null; then
  # Inside build-aux/test-session the tools are expected: missing is a failure, not a skip
  [ -n "${PD_TEST_SESSION:-}" ] && { echo "clang is missing (apt install clang libclang-rt-14-dev)" >&2; exit 1; }
  echo "clang is missing; skipping" >&2
  exit 77
fi

sources=() include_dirs=()
for file in "$@"; do
  case $file in
    *.c) sources+=("$file") ;;
  esac
  include_dirs+=("-I$(dirname "$file")")
done
sources+=("$source_root/tests/fuzz/fuzz-decode.c")

mkdir -p "$work_dir"
binary=$work_dir/fuzz-decode
rebuild=no
[ -x "$binary" ] || rebuild=yes
for file in "${sources[@]}" "$source_root"/src/core/models/*.h; do
  [ "$file" -nt "$binary" ] && rebuild=yes
done
if [ $rebuild = yes ]; then
  # shellcheck disable=SC2046 # pkg-config prints several words on purpose
  if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
         -fno-omit-frame-pointer -std=c17 -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 \
         -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 -DG_LOG_DOMAIN='"pd-fuzz"' \
         -I"$build_root" $(printf '%s\n' "${include_dirs[@]}" | sort -u) \
         $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0) \
         "${sources[@]}" -o "$binary.tmp" \
         $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0); then
    echo "building the fuzz target failed (is libclang-rt-14-dev installed?)" >&2
    exit 1
  fi
  mv "$binary.tmp" "$binary"
fi

corpus=$(mktemp -d "${TMPDIR:-/tmp}/pd-fuzz-corpus-XXXXXX")
artifacts=$work_dir/artifacts
trap 'rm -rf "$corpus"' EXIT
# The committed corpus is plain JSON named after the type (make-corpus.py); an input is the
# type's index byte, in fuzz-decode.c's order, then the text.
types=(organization service account account-section me partner user role permission-catalogue group
       in-app-notification notification-settings notification-type-catalogue report-settings
       smtp-settings api-key authorization audit-entry dashboard service-account-candidate)
for file in "$source_root"/tests/fuzz/corpus/*.json; do
  name=$(basename "$file" .json)
  name=${name#regression-}
  index=-1 matched=
  for i in "${!types[@]}"; do
    # the longest type the name starts with: "service-account-candidate-0" is not a service
    if [[ $name == "${types[$i]}-"* ]] && [ ${#types[$i]} -gt ${#matched} ]; then
      index=$i matched=${types[$i]}
    fi
  done
  [ "$index" -ge 0 ] || { echo "$file: the name starts with no resource type" >&2; exit 1; }
  { printf "\\$(printf '%03o' "$index")"; cat "$file"; } > "$corpus/$(basename "$file" .json)"
done
mkdir -p "$artifacts"

# Fast unwinding keeps ~25 times the throughput; for a full leak stack rerun an artifact
# with ASAN_OPTIONS=fast_unwind_on_malloc=0 (GLib is built without frame pointers)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=30}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=suppressions=$source_root/tests/lsan.supp:print_suppressions=0
export G_SLICE=always-malloc G_DEBUG=gc-friendly
# libFuzzer's default failure status is 77, which meson would take for a skip
"$binary" -max_total_time="${PD_FUZZ_SECONDS:-30}" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
  -error_exitcode=1 -timeout_exitcode=1 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$corpus"
