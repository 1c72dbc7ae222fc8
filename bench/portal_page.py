#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""portal_page.py PORTAL_BIN [RUNS]: how fast the reference portal serves a 500-organization
page (services embedded) from a 10,000-organization database (issue target: well under 20 ms),
against a baseline measured in the same run: GET /api/v1/me on the same keep-alive connection,
i.e. the cost of one authenticated round trip that does no listing work."""

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def timed_get(conn, path, token):
    start = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}: {body[:200]!r}")
    return elapsed, body


def main(portal_bin, runs):
    with tempfile.TemporaryDirectory() as tmp:
        keys_path = os.path.join(tmp, "keys.json")
        start = time.perf_counter()
        proc = subprocess.Popen([portal_bin, "--seed", "10000", "--rate-limit", "0",
                                 "--database", os.path.join(tmp, "portal.db"),
                                 "--write-demo-keys", keys_path], stdout=subprocess.PIPE)
        try:
            line = proc.stdout.readline().decode()
            seed_s = time.perf_counter() - start
            host, port = line.split()[2].split("//")[1].split(":")
            token = json.load(open(keys_path))["owner"]
            conn = http.client.HTTPConnection(host, int(port), timeout=60)

            # The cursors of every page, and the organizations' count, from one walk.
            cursors, path, n_orgs, n_services = [None], "/api/v1/organizations?limit=500", 0, 0
            while True:
                _, body = timed_get(conn, path if cursors[-1] is None else f"{path}&cursor={cursors[-1]}", token)
                page = json.loads(body)
                n_orgs += len(page["items"])
                n_services += sum(len(o["services"]) for o in page["items"])
                if not page["next_cursor"]:
                    break
                cursors.append(page["next_cursor"])

            page_ms, me_ms, sizes = [], [], []
            for i in range(runs):
                cursor = cursors[i % len(cursors)]
                ms, body = timed_get(conn, path if cursor is None else f"{path}&cursor={cursor}", token)
                page_ms.append(ms)
                sizes.append(len(body))
                me_ms.append(timed_get(conn, "/api/v1/me", token)[0])
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    page, me = statistics.median(page_ms), statistics.median(me_ms)
    p90 = sorted(page_ms)[int(len(page_ms) * 0.9)]
    print(f"portal seed: {n_orgs} organizations, {n_services} services, started in {seed_s:.1f} s")
    print(f"500-organization page (median of {runs}, p90 {p90:.1f} ms, {statistics.mean(sizes) / 1024:.0f} KiB): "
          f"{page:.1f} ms; baseline GET /me {me:.2f} ms; ratio {page / me:.1f}; target < 20 ms "
          f"({page / 20:.2f} of it)")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60)
