#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sync.py PORTAL_BIN BENCH_SYNC_BIN [REPETITIONS]: the sync engine against curl (issue
targets: a full sync of 10,000 organizations no slower than curl fetching the same pages one
after another; a delta sync after 1% of them changed under 5% of the full sync).

Each repetition, on one reference portal (--seed 10000, rate limit off, loopback):
  curl   one curl per page (limit=500), following next_cursor, pages written to /dev/null-ish
  full   bench-sync into a fresh cache (PdSyncEngine: fetch, decode, store, apply)
  change 1% of the organizations through the API (GET for the ETag, PATCH with If-Match)
  delta  bench-sync on that cache (cached list loaded first, not timed)
bench-sync fetches and stores /me before it starts the clock, as the application's session
does before its first sync (see bench-sync.c). Neither side keeps connections alive: each
curl is a process of its own, and the client sends `Connection: close` (src/core/api).
Prints the medians and the ratios."""

import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

LIMIT = 500


def curl_walk(url, token):
    """Times one curl per page; the next cursor is cut from the page's tail (the envelope
    ends with next_cursor, deleted, server_time), so that parsing is not what is timed."""
    start = time.perf_counter()
    cursor, pages, size = None, 0, 0
    while True:
        cmd = ["curl", "-fsS", "-G", "-H", "Authorization: Bearer " + token,
               url + "/api/v1/organizations", "-d", f"limit={LIMIT}"]
        if cursor:
            cmd += ["--data-urlencode", "cursor=" + cursor]
        body = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
        pages += 1
        size += len(body)
        tail = body[body.rfind(b'"next_cursor"'):]
        value = tail.split(b":", 1)[1].lstrip()
        if value.startswith(b"null"):
            break
        cursor = value[1:value.index(b'"', 1)].decode()
    return (time.perf_counter() - start) * 1000, pages, size


def change_organizations(host, port, token, ids):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    headers = {"Authorization": "Bearer " + token}
    stamp = int(time.time() * 1000)
    for org in ids:
        conn.request("GET", f"/api/v1/organizations/{org}", headers=headers)
        response = conn.getresponse()
        etag = json.loads(response.read())["etag"]
        body = json.dumps({"domain": f"changed-{stamp}-{org.replace('_', '-')}.example"})
        conn.request("PATCH", f"/api/v1/organizations/{org}", body=body,
                     headers={**headers, "If-Match": etag, "Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"PATCH {org}: HTTP {response.status}")
    conn.close()


def bench_sync(bench_bin, url, token, cache, mode):
    out = subprocess.run([bench_bin, url, token, cache, mode], check=True,
                         stdout=subprocess.PIPE).stdout.decode().split()
    return float(out[0]), int(out[1])


def main(portal_bin, bench_bin, repetitions):
    with tempfile.TemporaryDirectory() as tmp:
        keys_path = os.path.join(tmp, "keys.json")
        proc = subprocess.Popen([portal_bin, "--seed", "10000", "--rate-limit", "0",
                                 "--database", os.path.join(tmp, "portal.db"),
                                 "--write-demo-keys", keys_path], stdout=subprocess.PIPE)
        try:
            url = proc.stdout.readline().decode().split()[2]
            host, port = url.split("//")[1].split(":")
            token = json.load(open(keys_path))["owner"]
            curl_ms, full_ms, delta_ms = [], [], []
            rng = random.Random(42)
            for rep in range(repetitions):
                ms, pages, size = curl_walk(url, token)
                curl_ms.append(ms)

                cache = os.path.join(tmp, f"cache-{rep}.sqlite")
                ms, n_items = bench_sync(bench_bin, url, token, cache, "full")
                full_ms.append(ms)

                ids = [f"org_{i}" for i in rng.sample(range(1, n_items + 1), n_items // 100)]
                change_organizations(host, int(port), token, ids)
                ms, n_after = bench_sync(bench_bin, url, token, cache, "delta")
                if n_after != n_items:
                    raise SystemExit(f"delta sync: {n_after} organizations, expected {n_items}")
                delta_ms.append(ms)
                print(f"  run {rep + 1}: curl {curl_ms[-1]:.0f} ms, full {full_ms[-1]:.0f} ms, "
                      f"delta {delta_ms[-1]:.0f} ms", flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    curl, full, delta = (statistics.median(x) for x in (curl_ms, full_ms, delta_ms))
    print(f"organizations: {n_items} in {pages} pages of {LIMIT} ({size / 1048576:.1f} MiB); "
          f"medians of {repetitions} runs")
    print(f"curl, one process per page:  {curl:.0f} ms")
    print(f"full sync (PdSyncEngine):    {full:.0f} ms = {full / curl:.2f}x curl (target <= 1.0x)")
    print(f"delta sync after 1% changed: {delta:.0f} ms = {100 * delta / full:.1f}% of full "
          f"(target < 5%)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5)
