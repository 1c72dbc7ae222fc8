# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the real partner-desk-portal process and talks HTTP to it.

Every response a Client receives is validated against docs/portal-api.yaml (with the
drafts of docs/portal-api.d/) by openapi_check.Contract, so the tests double as
contract-conformance tests. Use Client(..., validate=False) only for deliberately
broken exchanges (fault injection, truncated bodies)."""

import atexit
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import unittest
import urllib.parse
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

PORTAL_BIN = os.environ.get("PD_PORTAL_BIN", "partner-desk-portal")
SOURCE_ROOT = os.environ.get("PD_SOURCE_ROOT", os.path.join(HERE, "..", ".."))

_contract = None


def contract():
    """The merged OpenAPI document, loaded once per process (None while the validator
    has not landed, unless PD_REQUIRE_CONTRACT=1)."""
    global _contract
    if _contract is None:
        try:
            import openapi_check
        except ImportError:
            if os.environ.get("PD_REQUIRE_CONTRACT") == "1":
                raise
            return None
        _contract = openapi_check.Contract(SOURCE_ROOT)
    return _contract


def _dump_coverage():
    """With PD_CONTRACT_COVERAGE_DIR set, each test process writes which operations and statuses
    it saw, so a run over all files can tell which documented operations no test exercised."""
    directory = os.environ.get("PD_CONTRACT_COVERAGE_DIR")
    if directory and _contract is not None:
        path = os.path.join(directory, f"coverage-{os.getpid()}.json")
        with open(path, "w") as f:
            json.dump(_contract.coverage(), f)


atexit.register(_dump_coverage)


class Response:
    def __init__(self, method, path, status, headers, body):
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers  # dict, lower-case names
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    @property
    def etag(self):
        return self.headers.get("etag")

    def __repr__(self):
        return f"<{self.method} {self.path} → {self.status} {self.body[:300]!r}>"


class Portal:
    """A portal process: Portal(seed=20, database=path, extra=['--simulate'])."""

    def __init__(self, seed=None, database=None, rate_limit=0, extra=(), env=None):
        self.tmp = tempfile.TemporaryDirectory(prefix="pd-portal-test-")
        self.keys_path = os.path.join(self.tmp.name, "keys.json")
        self.args = [PORTAL_BIN, "--write-demo-keys", self.keys_path,
                     "--rate-limit", str(rate_limit)]
        if seed is not None:
            self.args += ["--seed", str(seed)]
        if database is not None:
            self.args += ["--database", database]
        self.args += list(extra)
        self.env = dict(os.environ, **(env or {}))
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=self.env)
        line = self.proc.stdout.readline().decode()
        if not line.startswith("listening on "):
            self.proc.kill()
            _, err = self.proc.communicate(timeout=10)
            raise RuntimeError(f"portal did not start: {line!r} {err.decode()}")
        self.url = line.split()[2]
        parsed = urllib.parse.urlsplit(self.url)
        self.host, self.port = parsed.hostname, parsed.port
        with open(self.keys_path) as f:
            self.keys = json.load(f)

    def stop(self):
        """Stops the process and asserts a clean exit (sanitizer builds report leaks here)."""
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        code = self.proc.returncode
        self.proc = None
        if code != 0:
            raise AssertionError(f"portal exited with {code}: {err.decode()[-4000:]}")

    def restart(self):
        self.stop()
        self.start()

    def client(self, role="owner", token=None, validate=True):
        return Client(self, token if token is not None else self.keys[role], validate=validate)

    def anonymous(self, validate=True):
        return Client(self, None, validate=validate)

    def close(self):
        self.stop()
        self.tmp.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Client:
    def __init__(self, portal, token, validate=True):
        self.portal = portal
        self.token = token
        self.validate = validate
        self.conn = None

    def _connection(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.portal.host, self.portal.port, timeout=30)
        return self.conn

    def request(self, method, path, json_body=None, headers=None, body=None, params=None,
                idempotency_key=None, if_match=None):
        hdrs = {}
        if self.token:
            hdrs["Authorization"] = f"Bearer {self.token}"
        if json_body is not None:
            body = json.dumps(json_body).encode()
            hdrs["Content-Type"] = "application/json"
        if idempotency_key is not None:
            hdrs["Idempotency-Key"] = idempotency_key
        if if_match is not None:
            hdrs["If-Match"] = if_match
        hdrs.update(headers or {})
        if params:
            path = path + ("&" if "?" in path else "?") + urllib.parse.urlencode(params)
        for attempt in range(2):
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=hdrs)
                raw = conn.getresponse()
                data = raw.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A kept-alive connection the server closed; retry once on a new one.
                self.conn = None
                if attempt:
                    raise
        response = Response(method, path, raw.status,
                            {k.lower(): v for k, v in raw.getheaders()}, data)
        if raw.getheader("Connection", "").lower() == "close":
            self.conn = None
        if self.validate and contract() is not None:
            contract().validate(method, path, response.status, response.headers, response.body)
        return response

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, json_body=None, **kw):
        kw.setdefault("idempotency_key", str(uuid.uuid4()))
        return self.request("POST", path, json_body=json_body, **kw)

    def patch(self, path, json_body, if_match=None, **kw):
        return self.request("PATCH", path, json_body=json_body, if_match=if_match, **kw)

    def put(self, path, json_body, if_match=None, **kw):
        return self.request("PUT", path, json_body=json_body, if_match=if_match, **kw)

    def delete(self, path, if_match=None, **kw):
        return self.request("DELETE", path, if_match=if_match, **kw)

    def list_all(self, path, params=None, limit=500):
        """Walks a list to its end; returns (items, first page's server_time)."""
        params = dict(params or {})
        params["limit"] = limit
        items, server_time = [], None
        while True:
            r = self.get(path, params=params)
            if r.status != 200:
                raise AssertionError(f"{r!r}")
            page = r.json()
            server_time = server_time or page["server_time"]
            items += page["items"]
            if not page["next_cursor"]:
                return items, server_time
            params["cursor"] = page["next_cursor"]


class PortalTestCase(unittest.TestCase):
    """One portal per test class (seeded with SEED organizations); clients by role."""

    SEED = 30
    EXTRA = ()

    @classmethod
    def setUpClass(cls):
        cls.portal = Portal(seed=cls.SEED, extra=cls.EXTRA)

    @classmethod
    def tearDownClass(cls):
        cls.portal.close()

    def client(self, role="owner", **kw):
        return self.portal.client(role, **kw)

    def assertStatus(self, response, status):
        self.assertEqual(response.status, status, f"{response!r}")
        return response

    def assertProblem(self, response, status, field=None):
        self.assertStatus(response, status)
        self.assertTrue(response.headers.get("content-type", "").startswith("application/problem+json"),
                        f"{response!r}")
        problem = response.json()
        if field is not None:
            self.assertIn(field, [e["field"] for e in problem.get("errors", [])], f"{response!r}")
        return problem


def main():
    unittest.main(verbosity=2)
