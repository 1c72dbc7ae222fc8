#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates tests/fuzz/corpus/ from a real reference portal.

    PD_PORTAL_BIN=_build/src/portal-server/partner-desk-portal tests/fuzz/make-corpus.py

Each file is the JSON text of one resource as the portal sent it, named after its type
(TYPES, in the order of the table in fuzz-decode.c); run-fuzz.sh prefixes the type's index
byte when it copies the corpus. A few items per type keep it at a few KB each. Files named
regression-<type>-*.json are inputs that once failed and are kept."""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import urllib.request

TYPES = [
    "organization", "service", "account", "account-section", "me", "partner", "user", "role",
    "permission-catalogue", "group", "in-app-notification", "notification-settings",
    "notification-type-catalogue", "report-settings", "smtp-settings", "api-key",
    "authorization", "audit-entry", "dashboard", "service-account-candidate",
]
PER_TYPE = 3


def main():
    binary = os.environ.get("PD_PORTAL_BIN")
    if not binary:
        sys.exit("set PD_PORTAL_BIN to the reference portal")
    out_dir = pathlib.Path(__file__).resolve().parent / "corpus"

    with tempfile.TemporaryDirectory() as tmp:
        keys_path = os.path.join(tmp, "keys.json")
        portal = subprocess.Popen([binary, "--write-demo-keys", keys_path, "--seed", "40",
                                   "--rate-limit", "0"], stdout=subprocess.PIPE, text=True)
        try:
            url = portal.stdout.readline().strip().removeprefix("listening on ")
            keys = json.load(open(keys_path))

            def get(path, role="owner"):
                request = urllib.request.Request(url + path,
                                                 headers={"Authorization": "Bearer " + keys[role]})
                with urllib.request.urlopen(request) as response:
                    return json.load(response)

            samples = {name: [] for name in TYPES}
            organizations = get("/api/v1/organizations?limit=40")["items"]
            # Varied ones first: several services, a null e-mail, a reseller
            organizations.sort(key=lambda o: (-len(o["services"]), o["email"] is None))
            samples["organization"] = organizations[:PER_TYPE]
            services = [s for o in organizations for s in o["services"]]
            samples["service"] = services[:PER_TYPE]
            for o in organizations:
                if o["relationship"] != "msp" or not o["services"]:
                    continue
                s = o["services"][0]
                accounts = get(f"/api/v1/organizations/{o['id']}/services/{s['id']}/accounts?limit=5")["items"]
                samples["account"] += accounts[:1]
                samples["account-section"] += [a["sections"][0] for a in accounts[:1] if a["sections"]]
                samples["authorization"].append(
                    get(f"/api/v1/organizations/{o['id']}/services/{s['id']}/authorization"))
                if len(samples["account"]) >= PER_TYPE:
                    break
            samples["me"] = [get("/api/v1/me", role) for role in ("owner", "technician", "scoped_admin")]
            samples["partner"] = [get("/api/v1/partner")]
            samples["user"] = get("/api/v1/users?limit=3")["items"]
            samples["role"] = get("/api/v1/roles?limit=3")["items"]
            samples["permission-catalogue"] = [get("/api/v1/permissions")]
            samples["group"] = get("/api/v1/groups?limit=3")["items"]
            samples["in-app-notification"] = get("/api/v1/notifications?limit=3")["items"]
            samples["notification-settings"] = [get("/api/v1/notification-settings")]
            samples["notification-type-catalogue"] = [get("/api/v1/notification-types")]
            samples["report-settings"] = [get("/api/v1/report-settings")]
            samples["smtp-settings"] = [get("/api/v1/smtp-settings")]
            samples["api-key"] = get("/api/v1/me/api-keys?limit=3")["items"]
            samples["audit-entry"] = get("/api/v1/audit-log?limit=3")["items"]
            samples["dashboard"] = [get("/api/v1/dashboard?period=" + p) for p in ("this_month", "last_7_days")]
            samples["service-account-candidate"] = get(
                f"/api/v1/organizations/{organizations[0]['id']}/mapping/candidates?limit=3")["items"]
            # Whole list pages, for the sync path's page scanner (decoded as their type, they fail)
            pages = {"organization-page": get("/api/v1/organizations?limit=2"),
                     "group-page": get("/api/v1/groups?limit=2")}
        finally:
            portal.terminate()
            portal.wait()

    out_dir.mkdir(exist_ok=True)
    # regression-*.bin are inputs that once failed: kept
    for old in out_dir.glob("*.json"):
        if not old.name.startswith("regression-"):
            old.unlink()
    for index, name in enumerate(TYPES):
        if not samples[name]:
            sys.exit(f"no sample of {name}")
        for n, item in enumerate(samples[name][:PER_TYPE]):
            data = json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode()
            (out_dir / f"{name}-{n}.json").write_bytes(data)
    for name, page in pages.items():
        (out_dir / f"{name}-0.json").write_bytes(
            json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode())
    print(f"wrote {sum(min(len(v), PER_TYPE) for v in samples.values())} inputs to {out_dir}")


if __name__ == "__main__":
    main()
