#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""grid.py PORTAL_BIN BENCH_GRID_BIN [RUNS] [CLIENTS]: the Clients page with 10,000 cached
clients against a bare libadwaita window, measured alternately in the same run (DESIGN §7
targets: start within 1.5x, peak memory within 2x, a keystroke of the search under 16 ms).

Once: a reference portal with --seed CLIENTS, its organizations synced into a fresh cache
(bench-grid prepare), the portal stopped. Then per run: "bench-grid bare" and "bench-grid page
CACHE" as new processes, each timed from launch to its first painted frame (for the page:
the first frame whose client sections fill the list), and their peak memory (VmHWM). Last, "bench-grid filter CACHE"
types into the page's search and times each keystroke: the filter applied, plus the layout
and paint of the frame that shows it. Prints figures and ratios; no pass or fail."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, timeout=600):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    elapsed_ms = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    values = {}
    for line in done.stdout.splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = float(value)
    return elapsed_ms, values


def prepare(portal_bin, bench_bin, tmp, clients):
    keys_path = os.path.join(tmp, "keys.json")
    cache_dir = os.path.join(tmp, "cache")
    proc = subprocess.Popen([portal_bin, "--seed", str(clients), "--rate-limit", "0",
                             "--database", os.path.join(tmp, "portal.db"),
                             "--write-demo-keys", keys_path], stdout=subprocess.PIPE)
    try:
        url = proc.stdout.readline().decode().split()[2]
        token = json.load(open(keys_path))["owner"]
        ms, values = run([bench_bin, "prepare", url, token, cache_dir])
        print(f"cache prepared: {int(values['organizations'])} clients synced in {ms / 1000:.1f} s",
              flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return cache_dir


def main(portal_bin, bench_bin, runs, clients):
    os.environ.setdefault("GSETTINGS_BACKEND", "memory")
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = prepare(portal_bin, bench_bin, tmp, clients)
        modes = {"bare": [bench_bin, "bare"], "page": [bench_bin, "page", cache_dir]}
        results = {mode: [] for mode in modes}
        for mode, cmd in modes.items():  # one warm-up each: the page cache, not the app, is cold
            run(cmd)
        for _ in range(runs):
            for mode, cmd in modes.items():
                results[mode].append(run(cmd))
        _, keys = run([bench_bin, "filter", cache_dir])

    def median(mode, pick):
        return statistics.median(pick(sample) for sample in results[mode])

    shown = int(results["page"][0][1]["clients"])
    bare_ms, page_ms = median("bare", lambda s: s[0]), median("page", lambda s: s[0])
    bare_in, page_in = (median(m, lambda s: s[1]["startup_ms"]) for m in ("bare", "page"))
    bare_kb, page_kb = (median(m, lambda s: s[1]["vmhwm_kb"]) for m in ("bare", "page"))
    print(f"clients in the cache: {shown}; medians of {runs} runs, alternating")
    print(f"start-up to first painted frame: bare libadwaita {bare_ms:.0f} ms, Clients page "
          f"{page_ms:.0f} ms, ratio {page_ms / bare_ms:.2f} (target <= 1.5)")
    print(f"  (in-process, from main() to the frame: bare {bare_in:.0f} ms, page {page_in:.0f} ms)")
    print(f"peak memory (VmHWM): bare libadwaita {bare_kb / 1024:.1f} MiB, Clients page "
          f"{page_kb / 1024:.1f} MiB, ratio {page_kb / bare_kb:.2f} (target <= 2.0)")
    print(f"search, the filter alone over {shown} clients (sorted, then filtered, no view): median "
          f"{keys['model_filter_ms_median']:.2f} ms, max {keys['model_filter_ms_max']:.2f} ms a keystroke, "
          f"the first (folding every key once) {keys['model_filter_ms_first']:.2f} ms")
    print(f"search in the page, {int(keys['keystrokes'])} keystrokes: filter and rows rebound "
          f"median {keys['filter_ms_median']:.2f} ms, max {keys['filter_ms_max']:.2f} ms; with the "
          f"frame that shows it median {keys['keystroke_ms_median']:.2f} ms, max "
          f"{keys['keystroke_ms_max']:.2f} ms, first {keys['keystroke_ms_first']:.2f} ms (target < 16)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 7,
         int(sys.argv[4]) if len(sys.argv) > 4 else 10000)
