#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""startup.py BENCH_STARTUP [RUNS]: cold start to the first painted frame and peak
memory of Partner Desk against a bare libadwaita window, measured alternately in
the same run (DESIGN §7 targets: start within 1.5x, memory within 2x)."""

import os
import statistics
import subprocess
import sys
import time


def run_once(exe, mode):
    start = time.perf_counter()
    done = subprocess.run([exe, mode], capture_output=True, text=True, timeout=60, check=True)
    elapsed_ms = (time.perf_counter() - start) * 1000
    rss = next(int(line.split("=")[1]) for line in done.stdout.splitlines() if line.startswith("maxrss_kb="))
    return elapsed_ms, rss


def main(exe, runs):
    results = {"--bare": [], "--app": []}
    for mode in results:  # one warm-up each: the page cache, not the app, is cold
        run_once(exe, mode)
    for _ in range(runs):
        for mode in results:
            results[mode].append(run_once(exe, mode))

    def median(mode, index):
        return statistics.median(sample[index] for sample in results[mode])

    bare_ms, app_ms = median("--bare", 0), median("--app", 0)
    bare_kb, app_kb = median("--bare", 1), median("--app", 1)
    print(f"startup to first frame (median of {runs}): bare libadwaita {bare_ms:.0f} ms, "
          f"Partner Desk {app_ms:.0f} ms, ratio {app_ms / bare_ms:.2f} (target <= 1.5)")
    print(f"peak memory (median of {runs}): bare libadwaita {bare_kb / 1024:.1f} MiB, "
          f"Partner Desk {app_kb / 1024:.1f} MiB, ratio {app_kb / bare_kb:.2f} (target <= 2.0)")
    print("note: no cached clients yet; the 10,000-client figures come with the cache")


if __name__ == "__main__":
    os.environ.setdefault("GSETTINGS_BACKEND", "memory")
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15)
