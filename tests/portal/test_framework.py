# SPDX-License-Identifier: GPL-3.0-or-later
"""What every endpoint shares: authentication, routing errors, pagination under concurrent
writes, updated_since with tombstones, ETag/If-Match, idempotent replay, rate limiting, body
limits, fault injection, TLS and restart on the same database file."""

import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import unittest

from portal_harness import PORTAL_BIN, Portal, PortalTestCase, main

ORGS = "/api/v1/organizations"


def new_org(client, name, **extra):
    body = {"name": name, "email": "it@example.com",
            "plan": {"name": "Business", "type": "backup", "price_cents": 300, "currency": "USD"}}
    body.update(extra)
    r = client.post(ORGS, body)
    assert r.status == 201, r
    return r.json()


class Basics(PortalTestCase):
    SEED = 12

    def test_missing_token_is_401_with_challenge(self):
        r = self.portal.anonymous().get("/api/v1/me")
        self.assertProblem(r, 401)
        self.assertIn("Bearer", r.headers["www-authenticate"])

    def test_bad_token_is_401(self):
        r = self.portal.client(token="pdk_nope").get("/api/v1/me")
        self.assertProblem(r, 401)
        self.assertIn("invalid_token", r.headers["www-authenticate"])

    def test_unknown_path_is_404_problem(self):
        r = self.client(validate=False).get("/api/v1/no-such-thing")
        self.assertProblem(r, 404)
        self.assertTrue(r.headers["x-request-id"].startswith("req_"))

    def test_wrong_method_is_405_with_allow(self):
        r = self.client(validate=False).request("PUT", ORGS, json_body={})
        self.assertProblem(r, 405)
        self.assertIn("GET", r.headers["allow"])

    def test_malformed_json_is_400(self):
        r = self.client().request("POST", ORGS, body=b'{"name": ', headers={"Content-Type": "application/json"})
        self.assertProblem(r, 400)

    def test_invalid_utf8_is_400(self):
        r = self.client().request("POST", ORGS, body=b'{"name": "\xff\xfe"}',
                                  headers={"Content-Type": "application/json"})
        self.assertProblem(r, 400)

    def test_wrong_content_type_is_415(self):
        r = self.client(validate=False).request("POST", ORGS, body=b"name=x",
                                                headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertProblem(r, 415)

    def test_oversized_body_is_413(self):
        body = json.dumps({"name": "x" * (2 * 1024 * 1024)}).encode()
        r = self.client().request("POST", ORGS, body=body, headers={"Content-Type": "application/json"})
        self.assertProblem(r, 413)

    def test_bad_limit_and_cursor_are_422(self):
        c = self.client()
        self.assertProblem(c.get(ORGS, params={"limit": 501}), 422, field="limit")
        self.assertProblem(c.get(ORGS, params={"limit": 0}), 422, field="limit")
        self.assertProblem(c.get(ORGS, params={"cursor": "garbage!"}), 422, field="cursor")
        self.assertProblem(c.get(ORGS, params={"updated_since": "yesterday"}), 422, field="updated_since")


class Pagination(PortalTestCase):
    SEED = 60

    def test_walk_is_complete_and_duplicate_free_under_concurrent_writes(self):
        reader, writer = self.client(), self.client("admin")
        before, _ = reader.list_all(ORGS)
        before_ids = [o["id"] for o in before]
        self.assertEqual(len(before_ids), len(set(before_ids)))
        self.assertGreaterEqual(len(before_ids), 50)

        deleted, seen, params, pages = set(), [], {"limit": 7}, 0
        while True:
            page = reader.get(ORGS, params=params).json()
            seen += [o["id"] for o in page["items"]]
            pages += 1
            # Between pages someone else creates, renames and deletes organizations.
            new_org(writer, f"Concurrent {pages}")
            victim = before[-pages]  # from the end: not read yet
            current = writer.get(f"{ORGS}/{victim['id']}")
            if current.status == 200:
                self.assertStatus(writer.delete(f"{ORGS}/{victim['id']}", if_match=current.etag), 204)
                deleted.add(victim["id"])
            renamed = before[pages]
            r = writer.get(f"{ORGS}/{renamed['id']}")
            if r.status == 200:
                writer.patch(f"{ORGS}/{renamed['id']}", {"name": renamed["name"] + " (renamed)"}, if_match=r.etag)
            if not page["next_cursor"]:
                break
            params["cursor"] = page["next_cursor"]

        self.assertEqual(len(seen), len(set(seen)), "a page walk returned an organization twice")
        missing = set(before_ids) - deleted - set(seen)
        self.assertEqual(missing, set(), "organizations that existed throughout were skipped")
        self.assertGreater(pages, 8)

    def test_updated_since_returns_changes_and_tombstones(self):
        c = self.client()
        items, server_time = c.list_all(ORGS)
        changed, gone = items[1], items[2]
        self.assertStatus(c.patch(f"{ORGS}/{changed['id']}", {"name": changed["name"] + " Ltd"},
                                  if_match=changed["etag"]), 200)
        self.assertStatus(c.delete(f"{ORGS}/{gone['id']}", if_match=gone["etag"]), 204)

        page = c.get(ORGS, params={"updated_since": server_time}).json()
        self.assertEqual([o["id"] for o in page["items"]], [changed["id"]])
        self.assertEqual([t["id"] for t in page["deleted"]], [gone["id"]])
        # Nothing changed since the delta's own server_time.
        again = c.get(ORGS, params={"updated_since": page["server_time"]}).json()
        self.assertEqual(again["items"], [])
        self.assertEqual(again["deleted"], [])


class Preconditions(PortalTestCase):
    SEED = 12

    def test_if_match_required_and_checked(self):
        c = self.client()
        org = c.get(ORGS, params={"limit": 1}).json()["items"][0]
        url = f"{ORGS}/{org['id']}"
        self.assertProblem(c.patch(url, {"name": "No precondition"}), 428)
        self.assertProblem(c.patch(url, {"name": "Stale"}, if_match='"org_0.0"'), 412)
        r = self.assertStatus(c.patch(url, {"name": "Fresh name"}, if_match=org["etag"]), 200)
        self.assertNotEqual(r.etag, org["etag"])
        self.assertEqual(r.json()["etag"], r.etag)
        stale = c.patch(url, {"name": "Lost update"}, if_match=org["etag"])
        self.assertProblem(stale, 412)
        self.assertEqual(stale.headers["etag"], r.etag, "412 tells the current ETag")
        self.assertEqual(c.get(url).json()["name"], "Fresh name")
        self.assertProblem(c.delete(url), 428)


class Idempotency(PortalTestCase):
    SEED = 5

    def body(self, name):
        return {"name": name, "email": "it@example.com",
                "plan": {"name": "Business", "type": "backup", "price_cents": 300, "currency": "USD"}}

    def test_same_key_same_body_replays(self):
        c = self.client()
        first = self.assertStatus(c.post(ORGS, self.body("Replay Ltd"), idempotency_key="k-1"), 201)
        second = self.assertStatus(c.post(ORGS, self.body("Replay Ltd"), idempotency_key="k-1"), 201)
        self.assertEqual(first.json(), second.json())
        self.assertEqual(second.headers.get("idempotent-replayed"), "true")
        self.assertEqual(first.headers["location"], second.headers["location"])
        matches = c.get(ORGS, params={"q": "Replay Ltd"}).json()["items"]
        self.assertEqual(len(matches), 1, "a replay must not create a second organization")

    def test_same_key_other_body_is_422(self):
        c = self.client()
        self.assertStatus(c.post(ORGS, self.body("Key Reuse A"), idempotency_key="k-2"), 201)
        self.assertProblem(c.post(ORGS, self.body("Key Reuse B"), idempotency_key="k-2"), 422)

    def test_patch_put_delete_replay_instead_of_412(self):
        c = self.client()
        org = new_org(c, "Keyed Rename Ltd")
        url = f"{ORGS}/{org['id']}"
        first = self.assertStatus(c.patch(url, {"name": "Keyed Rename 2"}, if_match=org["etag"],
                                          idempotency_key="k-patch"), 200)
        # The answer got lost; the retry carries the If-Match that the first run made stale.
        again = self.assertStatus(c.patch(url, {"name": "Keyed Rename 2"}, if_match=org["etag"],
                                          idempotency_key="k-patch"), 200)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(again.json(), first.json())
        self.assertEqual(again.etag, first.etag)
        self.assertEqual(c.get(url).etag, first.etag, "a replay must not change the version again")
        # Without the key, the stale If-Match is what it is.
        self.assertProblem(c.patch(url, {"name": "Keyed Rename 2"}, if_match=org["etag"]), 412)
        # A key used for a PATCH is not a key for another method or body.
        self.assertProblem(c.patch(url, {"name": "Keyed Rename 3"}, if_match=first.etag,
                                   idempotency_key="k-patch"), 422)
        self.assertProblem(c.delete(url, if_match=first.etag, idempotency_key="k-patch"), 422)

        gone = self.assertStatus(c.delete(url, if_match=first.etag, idempotency_key="k-delete"), 204)
        replay = self.assertStatus(c.delete(url, if_match=first.etag, idempotency_key="k-delete"), 204)
        self.assertEqual(replay.headers.get("idempotent-replayed"), "true")
        self.assertIsNone(gone.headers.get("idempotent-replayed"))
        self.assertProblem(c.get(url), 404)

    def test_keys_belong_to_one_user(self):
        a = self.assertStatus(self.client("owner").post(ORGS, self.body("Owner Co"), idempotency_key="k-3"), 201)
        b = self.assertStatus(self.client("admin").post(ORGS, self.body("Admin Co"), idempotency_key="k-3"), 201)
        self.assertNotEqual(a.json()["id"], b.json()["id"])

    def test_replay_survives_another_credential_of_the_same_user(self):
        # A client that lost the answer, then signed in again (here: another API key of the same
        # user), must get the replay rather than run the change twice.
        owner = self.client("owner")
        first = self.assertStatus(owner.post(ORGS, self.body("Second Key Co"), idempotency_key="k-4"), 201)
        secret = self.assertStatus(owner.post("/api/v1/me/api-keys", {"name": "Second key"}), 201).json()["key"]
        again = self.assertStatus(self.client(token=secret).post(ORGS, self.body("Second Key Co"),
                                                                  idempotency_key="k-4"), 201)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(again.json()["id"], first.json()["id"])


class RateLimit(unittest.TestCase):
    def test_429_with_retry_after_then_recovers(self):
        with Portal(seed=3, rate_limit=2) as portal:
            c = portal.client()
            statuses = [c.get("/api/v1/me") for _ in range(12)]
            limited = [r for r in statuses if r.status == 429]
            self.assertTrue(limited, [r.status for r in statuses])
            retry_after = int(limited[0].headers["retry-after"])
            self.assertGreaterEqual(retry_after, 1)
            self.assertTrue(limited[0].headers["content-type"].startswith("application/problem+json"))
            # Another credential has its own budget.
            self.assertEqual(portal.client("admin").get("/api/v1/me").status, 200)
            time.sleep(retry_after)
            self.assertEqual(c.get("/api/v1/me").status, 200)


class Faults(unittest.TestCase):
    def portal(self, spec):
        return Portal(seed=3, extra=["--faults", spec])

    # Injected faults break the contract on purpose: these exchanges are not validated.
    def client(self, portal):
        return portal.client(validate=False)

    def raw_get(self, portal, path="/api/v1/me"):
        conn = http.client.HTTPConnection(portal.host, portal.port, timeout=10)
        conn.request("GET", path, headers={"Authorization": "Bearer " + portal.keys["owner"]})
        return conn.getresponse()

    def test_error_fault(self):
        with self.portal("error=1:502") as portal:
            r = self.client(portal).get("/api/v1/me")
            self.assertEqual(r.status, 502)
            self.assertTrue(r.headers["content-type"].startswith("application/problem+json"))

    def test_ratelimit_fault(self):
        with self.portal("ratelimit=1:7") as portal:
            r = self.client(portal).get("/api/v1/me")
            self.assertEqual(r.status, 429)
            self.assertEqual(r.headers["retry-after"], "7")

    def test_reset_fault(self):
        with self.portal("reset=1") as portal:
            with self.assertRaises((ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine)):
                self.raw_get(portal).read()

    def test_malformed_fault(self):
        with self.portal("malformed=1") as portal:
            r = self.raw_get(portal)
            self.assertEqual(r.status, 200)
            with self.assertRaises(ValueError):
                json.loads(r.read())

    def test_truncate_fault(self):
        with self.portal("truncate=1") as portal:
            r = self.raw_get(portal)
            with self.assertRaises(http.client.IncompleteRead):
                r.read()

    def test_latency_fault(self):
        with self.portal("latency=1:300-300") as portal:
            c = self.client(portal)
            start = time.monotonic()
            self.assertEqual(c.get("/api/v1/me").status, 200)
            self.assertGreaterEqual(time.monotonic() - start, 0.3)

    def test_probabilities_are_honoured(self):
        with self.portal("error=0.3,seed=11") as portal:
            c = self.client(portal)
            failures = sum(c.get("/api/v1/me").status == 503 for _ in range(300))
            self.assertTrue(45 <= failures <= 135, failures)

    def test_faults_spare_other_paths(self):
        with self.portal("error=1,path=/api/v1/organizations") as portal:
            self.assertEqual(self.client(portal).get("/api/v1/me").status, 200)
            self.assertEqual(self.client(portal).get(ORGS).status, 503)

    def test_bad_spec_is_refused(self):
        for spec in ["error=2", "teleport=0.1", "latency=0.5:300-100", "error=0.6,reset=0.6"]:
            r = subprocess.run([PORTAL_BIN, "--faults", spec], capture_output=True, timeout=30)
            self.assertNotEqual(r.returncode, 0, spec)
            self.assertIn(b"fault", r.stderr.lower(), spec)


class Tls(unittest.TestCase):
    @unittest.skipUnless(shutil.which("openssl"), "openssl is not installed")
    def test_https(self):
        with tempfile.TemporaryDirectory() as tmp:
            cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                            "-keyout", key, "-out", cert], check=True, capture_output=True)
            # GIO runs TLS handshakes on a worker thread that idles for 15 s; LeakSanitizer's
            # exit-time scan crashes on it ("Tracer caught signal 11"), so no leak scan here.
            no_leak_scan = {"ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0"}
            with Portal(seed=2, extra=["--tls-cert", cert, "--tls-key", key], env=no_leak_scan) as portal:
                self.assertTrue(portal.url.startswith("https://"), portal.url)
                context = ssl.create_default_context(cafile=cert)
                conn = http.client.HTTPSConnection(portal.host, portal.port, context=context, timeout=10)
                conn.request("GET", "/api/v1/me", headers={"Authorization": "Bearer " + portal.keys["owner"]})
                self.assertEqual(conn.getresponse().status, 200)
                # Without trusting the certificate, verification fails.
                strict = http.client.HTTPSConnection(portal.host, portal.port,
                                                     context=ssl.create_default_context(), timeout=10)
                with self.assertRaises(ssl.SSLError):
                    strict.request("GET", "/api/v1/me")


class Startup(unittest.TestCase):
    def test_listen_address_and_errors(self):
        r = subprocess.run([PORTAL_BIN, "--listen", "not-an-address"], capture_output=True, timeout=30)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(b"--listen", r.stderr)
        r = subprocess.run([PORTAL_BIN, "--seed", "0"], capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        r = subprocess.run([PORTAL_BIN, "--database", "/nonexistent/dir/x.db"], capture_output=True, timeout=30)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(b"database", r.stderr)

    def test_port_in_use(self):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        try:
            port = sock.getsockname()[1]
            r = subprocess.run([PORTAL_BIN, "--listen", f"127.0.0.1:{port}"], capture_output=True, timeout=30)
            self.assertNotEqual(r.returncode, 0)
        finally:
            sock.close()

    def test_demo_keys_through_a_descriptor(self):
        # The app's demo mode: keys into an inherited pipe, closed before "listening on".
        read_end, write_end = os.pipe()
        proc = subprocess.Popen([PORTAL_BIN, "--seed", "1", "--demo-keys-fd", str(write_end)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, pass_fds=[write_end])
        try:
            os.close(write_end)
            line = proc.stdout.readline().decode()
            self.assertTrue(line.startswith("listening on http://127.0.0.1:"), line)
            with os.fdopen(read_end, "rb") as keys_pipe:
                keys = json.loads(keys_pipe.read())  # to the end: the portal closed its copy
            self.assertIn("owner", keys)
            url = line.split(" ", 2)[2].strip()
            conn = http.client.HTTPConnection(url[len("http://"):], timeout=10)
            conn.request("GET", "/api/v1/me", headers={"Authorization": "Bearer " + keys["owner"]})
            self.assertEqual(conn.getresponse().status, 200)
        finally:
            proc.terminate()
            proc.communicate(timeout=30)
        for fd in ["0", "2", "-5x"]:
            r = subprocess.run([PORTAL_BIN, "--demo-keys-fd", fd], capture_output=True, timeout=30)
            self.assertNotEqual(r.returncode, 0, fd)

    def test_data_and_keys_survive_restart(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "portal.db")
            with Portal(seed=5, database=path) as portal:
                keys = dict(portal.keys)
                created = new_org(portal.client(), "Survivor Inc")
                portal.restart()
                self.assertEqual(keys, portal.keys)
                again = portal.client().get(f"{ORGS}/{created['id']}")
                self.assertEqual(again.status, 200)
                self.assertEqual(again.json()["etag"], created["etag"])
                # --seed on an existing database does not add or replace data.
                total = len(portal.client().list_all(ORGS)[0])
                portal.args += ["--seed", "50"]
                portal.restart()
                self.assertEqual(len(portal.client().list_all(ORGS)[0]), total)


if __name__ == "__main__":
    main()
