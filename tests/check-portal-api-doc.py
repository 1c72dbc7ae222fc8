#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the shell examples of docs/portal-api.md against a fresh reference portal.

The guide promises that its examples work when pasted into a terminal, top to bottom. This
test holds it to that:

* It starts the portal the way the guide's start-up block does (the one no-check block with
  `partner-desk-portal --listen 127.0.0.1:8080`), on a free port, in a temporary directory
  that becomes the examples' working directory (so `keys.json` is where the guide says).
* Every ```sh block at the start of a line runs, in order, in one bash process with
  `set -euo pipefail` (so variables and functions defined by one block are there for the
  next), unless an HTML comment right above it says `<!-- no-check: WHY -->`.
  `<!-- expect: TEXT -->` lines above a block (one or more) require TEXT in its output:
  that is how an example that shows an error status is checked (`curl -si` prints the
  status line, e.g. `HTTP/1.1 412 Precondition Failed`).
* The table of roles and permissions must be what the portal answers (GET /api/v1/roles and
  /api/v1/permissions).
* `127.0.0.1:8080` becomes the portal's address, and other `127.0.0.1:8NNN` (used by examples
  that start a second portal with other options) become free ports.
  `partner-desk-portal` is found on PATH (a symlink to PD_PORTAL_BIN).

A failure names the block's line in the guide and shows its output; `--verbose` shows every
block's output. Exit status 77 (skipped) when curl is not installed."""

import json
import os
import random
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("PD_SOURCE_ROOT", os.path.join(HERE, ".."))
PORTAL_BIN = os.environ.get("PD_PORTAL_BIN", "partner-desk-portal")
GUIDE = os.path.join(SOURCE_ROOT, "docs", "portal-api.md")
START_COMMAND = "partner-desk-portal --listen 127.0.0.1:8080"
ADDRESS = re.compile(r"127\.0\.0\.1:(8[0-9]{3})\b")
TIMEOUT = 300


class Block:
    def __init__(self, line, text, expects, skip):
        self.line = line        # of the opening fence, 1-based
        self.text = text
        self.expects = expects
        self.skip = skip        # the no-check reason, or None


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines):
        if re.match(r"^<!-- (expect|no-check):", line) and not (
                n + 1 < len(lines) and re.match(r"^(<!-- (expect|no-check):|```sh\s*$)", lines[n + 1])):
            fail(f"{path}:{n + 1}: this marker belongs right above a ```sh block")
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"^\s+```sh\s*$", line):
            fail(f"{path}:{i + 1}: indented ```sh block: start runnable examples at the margin")
        if not re.match(r"^```sh\s*$", line):
            i += 1
            continue
        expects, skip = [], None
        j = i - 1
        while j >= 0 and lines[j].startswith("<!--"):
            m = re.match(r"^<!-- (expect|no-check): (.+?) -->$", lines[j])
            if m is None:
                fail(f"{path}:{j + 1}: expected <!-- expect: TEXT --> or <!-- no-check: WHY --> above a block")
            if m.group(1) == "expect":
                expects.insert(0, m.group(2))
            else:
                skip = m.group(2)
            j -= 1
        end = i + 1
        while end < len(lines) and not re.match(r"^```\s*$", lines[end]):
            end += 1
        if end == len(lines):
            fail(f"{path}:{i + 1}: the block is not closed")
        if skip is not None and expects:
            fail(f"{path}:{i + 1}: a no-check block cannot expect anything")
        blocks.append(Block(i + 1, "\n".join(lines[i + 1:end]), expects, skip))
        i = end + 1
    return blocks


def free_port(taken):
    """A port free now, below the ephemeral range: the examples' portals bind it seconds later,
    and an ephemeral port could meanwhile go to any process's outgoing connection."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range", encoding="ascii") as f:
            low = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    for _ in range(200):
        port = random.randrange(max(1025, low - 12000), low)
        if port in taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_portal(blocks, workdir, bindir):
    """Starts the portal with the guide's own start-up command, on a free port."""
    commands = [line.strip() for b in blocks if b.skip is not None
                for line in b.text.split("\n") if line.strip().startswith(START_COMMAND)]
    if len(commands) != 1:
        fail(f"{GUIDE}: expected one no-check block starting the portal with `{START_COMMAND} …`, "
             f"found {len(commands)}")
    args = shlex.split(commands[0].replace("127.0.0.1:8080", "127.0.0.1:0"))
    args[0] = os.path.join(bindir, "partner-desk-portal")
    proc = subprocess.Popen(args, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    m = re.match(r"^listening on http://(127\.0\.0\.1:[0-9]+)$", first.strip())
    if m is None:
        proc.kill()
        fail(f"the portal did not start ({' '.join(args)}): {first!r} {proc.stderr.read()}")
    return proc, m.group(1)


def get(address, path, key):
    request = urllib.request.Request(f"http://{address}{path}", headers={"Authorization": f"Bearer {key}"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=30) as response:
        return json.load(response)


def check_roles_table(address, workdir):
    """The guide's table of roles and permissions is what the portal answers."""
    with open(GUIDE, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## Roles$.*?^(\| permission \|.*?)\n\n", text, re.M | re.S)
    if m is None:
        fail(f"{GUIDE}: no permission table under ## Roles")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in m.group(1).split("\n")]
    columns = [c.replace(" ", "_") for c in rows[0][2:]]
    with open(os.path.join(workdir, "keys.json"), encoding="utf-8") as f:
        owner = json.load(f)["owner"]
    roles = {r["key"]: r for r in get(address, "/api/v1/roles?limit=500", owner)["items"]}
    catalogue = {p["key"]: p["description"] for c in get(address, "/api/v1/permissions", owner)["categories"]
                 for p in c["permissions"]}
    table, ranks = {}, None
    for row in rows[2:]:
        if row[0] == "**rank**":
            ranks = dict(zip(columns, row[2:]))
            continue
        table[row[0].strip("`")] = row[1]
        for column, cell in zip(columns, row[2:]):
            if (cell == "✓") != (row[0].strip("`") in roles[column]["permissions"]):
                fail(f"{GUIDE}: the roles table says {column} {'has' if cell else 'lacks'} {row[0]}; the portal disagrees")
    if table != catalogue:
        fail(f"{GUIDE}: the roles table's permissions differ from GET /api/v1/permissions: {catalogue}")
    for column in columns:
        if ranks is None or str(roles[column]["rank"]) != ranks.get(column):
            fail(f"{GUIDE}: the roles table gives {column} the rank {ranks and ranks.get(column)}, "
                 f"the portal {roles[column]['rank']}")


def script(blocks, ports, marks, outdir):
    """One bash script: each block's output goes to out.LINE, its line to the marks file first."""
    parts = ["set -euo pipefail", f"exec 3>{shlex.quote(marks)}"]
    for b in blocks:
        if b.skip is not None:
            continue
        text = ADDRESS.sub(lambda m: f"127.0.0.1:{ports[m.group(1)]}", b.text)
        out = shlex.quote(os.path.join(outdir, f"out.{b.line}"))
        parts.append(f"echo {b.line} >&3")
        parts.append("{\n" + text + "\n} >" + out + " 2>&1 </dev/null")
        for e in b.expects:
            parts.append(f"grep -qF -- {shlex.quote(e)} {out} || {{ echo 'expect {b.line}' >&3; exit 1; }}")
    parts.append("echo done >&3")
    return "\n".join(parts) + "\n"


def main():
    if shutil.which("curl") is None:
        print("curl is not installed: skipping the guide's examples")
        return 77
    blocks = parse(GUIDE)
    if not any(b.skip is None for b in blocks):
        fail(f"{GUIDE}: no runnable ```sh block")

    with tempfile.TemporaryDirectory(prefix="pd-portal-api-doc-") as tmp:
        workdir = os.path.join(tmp, "work")
        bindir = os.path.join(tmp, "bin")
        os.mkdir(workdir)
        os.mkdir(bindir)
        os.symlink(os.path.abspath(shutil.which(PORTAL_BIN) or PORTAL_BIN),
                   os.path.join(bindir, "partner-desk-portal"))

        portal, address = start_portal(blocks, workdir, bindir)
        try:
            check_roles_table(address, workdir)
        except BaseException:
            portal.kill()
            raise
        ports = {"8080": address.split(":")[1]}
        for b in blocks:
            for port in ADDRESS.findall(b.text):
                if port not in ports:
                    ports[port] = str(free_port({int(p) for p in ports.values()}))

        marks = os.path.join(tmp, "marks")
        path = os.path.join(tmp, "guide.sh")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script(blocks, ports, marks, tmp))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
                   NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost", LC_ALL="C.UTF-8")
        for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
            env.pop(name, None)

        runner = subprocess.Popen(["bash", "--noprofile", "--norc", path], cwd=workdir, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  start_new_session=True, text=True)
        try:
            stray, _ = runner.communicate(timeout=TIMEOUT)
            status = runner.returncode
        except subprocess.TimeoutExpired:
            stray, status = f"(stopped after {TIMEOUT} s)", None
        finally:
            try:
                os.killpg(runner.pid, signal.SIGTERM)  # background portals the examples left
            except ProcessLookupError:
                pass
            runner.wait()

        portal.send_signal(signal.SIGTERM)
        try:
            _, portal_err = portal.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            portal.kill()
            _, portal_err = portal.communicate()

        with open(marks, encoding="utf-8") as f:
            seen = f.read().split("\n")[:-1]
        n_run = sum(1 for b in blocks if b.skip is None)
        if seen[-1:] != ["done"]:
            if not seen:
                fail(f"the examples did not start:\n{stray}")
            expect_failed = seen[-1].startswith("expect ")
            line = int(seen[-1].split()[-1])
            block = next(b for b in blocks if b.line == line)
            out_path = os.path.join(tmp, f"out.{line}")
            output = open(out_path, encoding="utf-8", errors="replace").read() if os.path.exists(out_path) else ""
            why = (f"'s output lacks one of {block.expects!r}" if expect_failed
                   else " timed out" if status is None else f" failed (exit status {status})")
            fail(f"{GUIDE}:{line}: the example{why}\n--- example ---\n{block.text}\n"
                 f"--- output ---\n{output}{stray}\n--- portal log ---\n{portal_err[-4000:]}")
        if portal.returncode != 0:
            fail(f"the portal exited with status {portal.returncode}:\n{portal_err[-4000:]}")
        if "--verbose" in sys.argv[1:]:
            for b in blocks:
                if b.skip is None:
                    with open(os.path.join(tmp, f"out.{b.line}"), encoding="utf-8", errors="replace") as f:
                        print(f"--- {GUIDE}:{b.line}\n{f.read()}")
        print(f"{n_run} examples of {GUIDE} work ({len(blocks) - n_run} not runnable, marked no-check)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
