# SPDX-License-Identifier: GPL-3.0-or-later
"""SMTP settings and real test e-mails against a tiny SMTP server on loopback."""

import base64
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import unittest

from portal_harness import Portal, PortalTestCase, main

SETTINGS = "/api/v1/smtp-settings"
TEST = "/api/v1/smtp-settings/test"
PASSWORD = "Pw-9f3c1e-never-shown"
CLIENT_SECRET = "Cs-4b7d2a-never-shown"


class SmtpServer:
    """An SMTP server in a thread that records the conversation.

    reject: {"RCPT": "554 5.7.1 Relay access denied"} answers that verb with the given reply.
    hold: a threading.Event the server waits for before sending its greeting.
    """

    def __init__(self, greeting="220 mail.test.example ESMTP ready", reject=None, hold=None,
                 extensions=("8BITMIME", "AUTH PLAIN LOGIN", "SIZE 1000000"), tls=None, implicit_tls=False):
        self.greeting = greeting
        self.tls = tls  # an ssl.SSLContext for STARTTLS, or for TLS from the start with implicit_tls
        self.implicit_tls = implicit_tls
        self.tls_errors = []
        self.reject = reject or {}
        self.hold = hold
        self.extensions = list(extensions)
        self.commands = []
        self.messages = []
        self.logins = []
        self.connected = threading.Event()
        self.done = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.closing = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def close(self):
        self.closing = True
        if self.hold is not None:
            self.hold.set()
        self.thread.join(30)
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _serve(self):
        while not self.closing:
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            with conn:
                conn.settimeout(30)
                self.connected.set()
                try:
                    self._session(conn)
                except OSError:
                    pass
                self.done.set()

    def _session(self, conn):
        if self.implicit_tls:
            try:
                conn = self.tls.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError) as e:
                self.tls_errors.append(e)
                return
        reader = conn.makefile("rb")
        if self.hold is not None:
            self.hold.wait(60)
            if self.closing:
                return

        def send(text):
            conn.sendall(text.encode() + b"\r\n")

        send(self.greeting)
        if not self.greeting.startswith("220"):
            return
        while True:
            line = reader.readline()
            if not line:
                return
            command = line.decode().rstrip("\r\n")
            self.commands.append(command)
            verb = command.split(" ")[0].upper()
            if verb in self.reject:
                send(self.reject[verb])
                continue
            if verb == "EHLO":
                lines = ["mail.test.example greets you"] + self.extensions
                for i, text in enumerate(lines):
                    send(("250 " if i == len(lines) - 1 else "250-") + text)
            elif verb == "AUTH":
                parts = command.split(" ")
                decoded = base64.b64decode(parts[2]).split(b"\0")
                self.logins.append((decoded[1].decode(), decoded[2].decode()))
                send("235 2.7.0 Authentication successful")
            elif verb in ("MAIL", "RCPT"):
                send("250 2.1.0 OK")
            elif verb == "DATA":
                send("354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while not data.endswith(b"\r\n.\r\n"):
                    chunk = reader.readline()
                    if not chunk:
                        return
                    data += chunk
                self.messages.append(data.decode())
                send("250 2.0.0 Ok: queued as 4F2A9")
            elif verb == "STARTTLS" and self.tls is not None:
                send("220 2.0.0 Ready to start TLS")
                try:
                    conn = self.tls.wrap_socket(conn, server_side=True)
                except (ssl.SSLError, OSError) as e:
                    self.tls_errors.append(e)
                    return
                reader = conn.makefile("rb")
            elif verb == "QUIT":
                send("221 2.0.0 Bye")
                return
            else:
                send("502 5.5.2 Command not recognized")


def manual(port, security="none", username="mailer", password=PASSWORD, host="127.0.0.1"):
    body = {"host": host, "port": port, "security": security, "username": username,
            "from_address": "alerts@northwind-it.example", "from_name": "Northwind Alerts"}
    if password is not None:
        body["password"] = password
    return body


class SmtpCase(PortalTestCase):
    def setUp(self):
        self.clients = []
        self.owner = self.client("owner")
        self.bodies = []

    def tearDown(self):
        for client in self.clients:
            if client.conn is not None:
                client.conn.close()

    def client(self, role="owner", **kw):
        client = super().client(role, **kw)
        self.clients.append(client)
        return client

    def anonymous(self):
        client = self.portal.anonymous()
        self.clients.append(client)
        return client

    def get_settings(self):
        r = self.assertStatus(self.owner.get(SETTINGS), 200)
        self.bodies.append(r.body)
        self.assertEqual(r.etag, r.json()["etag"])
        return r.json()

    def put(self, body, client=None):
        current = self.get_settings()
        r = (client or self.owner).put(SETTINGS, body, if_match=current["etag"])
        self.bodies.append(r.body)
        return r

    def use_server(self, server, security="none", **kw):
        r = self.assertStatus(self.put({"method": "custom_manual", "manual": manual(server.port, security, **kw)}), 200)
        return r.json()

    def send_test(self, to="tech@northwind-it.example", client=None, **kw):
        r = (client or self.owner).post(TEST, {"to": to}, **kw)
        self.bodies.append(r.body)
        return r


class Seeded(SmtpCase):
    def test_seeded_settings_hide_the_password(self):
        s = self.get_settings()
        self.assertEqual(s["method"], "custom_manual")
        self.assertTrue(s["manual"]["password_set"])
        self.assertIsNone(s["microsoft"])
        self.assertNotIn("password", s["manual"])
        self.assertNotIn(b"demo-smtp-password", self.owner.get(SETTINGS).body)
        self.assertEqual(s["status"], "active")
        self.assertEqual(s["auto_test"]["frequency"], "weekly")


class Settings(SmtpCase):
    def test_put_needs_if_match(self):
        body = {"method": "default"}
        self.assertProblem(self.owner.put(SETTINGS, body), 428)
        self.assertProblem(self.owner.put(SETTINGS, body, if_match='"smtp-settings.1"'), 412)

    def test_permissions(self):
        p = self.assertProblem(self.client("finance").get(SETTINGS), 403)
        self.assertEqual(p["permission"], "smtp.read")
        self.assertStatus(self.client("support").get(SETTINGS), 200)
        etag = self.get_settings()["etag"]
        p = self.assertProblem(self.client("support").put(SETTINGS, {"method": "default"}, if_match=etag), 403)
        self.assertEqual(p["permission"], "smtp.write")
        p = self.assertProblem(self.client("technician").post(TEST, {"to": "a@b.example"}), 403)
        self.assertEqual(p["permission"], "smtp.write")
        self.assertProblem(self.anonymous().get(SETTINGS), 401)

    def test_manual_validation(self):
        cases = [
            ({}, "method"),
            ({"method": "smtp"}, "method"),
            ({"method": "custom_manual"}, "manual"),
            ({"method": "custom_manual", "manual": None}, "manual"),
            ({"method": "default", "manual": manual(25)}, "manual"),
            ({"method": "custom_manual", "manual": dict(manual(25), host="bad host!")}, "manual.host"),
            ({"method": "custom_manual", "manual": dict(manual(25), host="999.1.1.1")}, "manual.host"),
            ({"method": "custom_manual", "manual": dict(manual(25), host="-x.example")}, "manual.host"),
            ({"method": "custom_manual", "manual": dict(manual(25), port=0)}, "manual.port"),
            ({"method": "custom_manual", "manual": dict(manual(25), port=65536)}, "manual.port"),
            ({"method": "custom_manual", "manual": dict(manual(25), port="25")}, "manual.port"),
            ({"method": "custom_manual", "manual": dict(manual(25), security="ssl")}, "manual.security"),
            ({"method": "custom_manual", "manual": dict(manual(25), from_address="not-an-address")},
             "manual.from_address"),
            ({"method": "custom_manual", "manual": dict(manual(25), from_name="Evil\r\nBcc: x@y.example")},
             "manual.from_name"),
            ({"method": "custom_manual", "manual": dict(manual(25), username=None)}, "manual.password"),
            ({"method": "custom_manual", "manual": dict(manual(25), colour="red")}, "manual.colour"),
            ({"method": "default", "extra": 1}, "extra"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(self.put(body), 422, field)

    def test_microsoft_and_auto_test_validation(self):
        good = {"tenant_id": "contoso.onmicrosoft.com", "client_id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "client_secret": CLIENT_SECRET, "from_address": "alerts@contoso.example", "from_name": None}
        cases = [
            ({"method": "custom_microsoft"}, "microsoft"),
            ({"method": "custom_microsoft", "microsoft": dict(good, tenant_id="not a tenant")}, "microsoft.tenant_id"),
            ({"method": "custom_microsoft", "microsoft": dict(good, client_id="abc")}, "microsoft.client_id"),
            ({"method": "custom_microsoft", "microsoft": {k: v for k, v in good.items() if k != "client_secret"}},
             "microsoft.client_secret"),
            ({"method": "custom_microsoft", "microsoft": dict(good, from_address="x")}, "microsoft.from_address"),
            ({"method": "default", "microsoft": good}, "microsoft"),
            ({"method": "default", "auto_test": {"enabled": True, "to": None, "frequency": "weekly"}}, "auto_test.to"),
            ({"method": "default", "auto_test": {"enabled": True, "frequency": "weekly"}}, "auto_test.to"),
            ({"method": "default", "auto_test": {"enabled": True, "to": "x@y.example", "frequency": "hourly"}},
             "auto_test.frequency"),
            ({"method": "default", "auto_test": {"enabled": "yes", "to": "x@y.example", "frequency": "daily"}},
             "auto_test.enabled"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(self.put(body), 422, field)

    def test_microsoft_settings_and_its_test(self):
        body = {"method": "custom_microsoft",
                "microsoft": {"tenant_id": "9b1c3c4e-1111-4a2b-8c3d-123456789abc",
                              "client_id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                              "client_secret": CLIENT_SECRET, "from_address": "alerts@contoso.example",
                              "from_name": "Contoso Alerts"}}
        s = self.assertStatus(self.put(body), 200).json()
        self.assertIsNone(s["manual"])
        self.assertEqual(s["microsoft"]["tenant_id"], "9b1c3c4e-1111-4a2b-8c3d-123456789abc")
        self.assertTrue(s["microsoft"]["client_secret_set"])
        self.assertEqual(s["status"], "unverified")
        # The secret is kept when the same application is saved again without it.
        again = dict(body, microsoft={k: v for k, v in body["microsoft"].items() if k != "client_secret"})
        again["microsoft"]["from_name"] = "Contoso IT"
        s = self.assertStatus(self.put(again), 200).json()
        self.assertTrue(s["microsoft"]["client_secret_set"])

        result = self.assertStatus(self.send_test(), 200).json()
        self.assertEqual(result["status"], "error")
        self.assertIn("tenant", result["detail"])
        s = self.get_settings()
        self.assertEqual(s["status"], "error")
        self.assertEqual(s["last_error"], result["detail"])
        self.assertEqual(s["last_test_at"], result["tested_at"])
        for body in self.bodies:
            self.assertNotIn(CLIENT_SECRET.encode(), body)

    def test_default_method_test_succeeds_without_network(self):
        s = self.assertStatus(self.put({"method": "default"}), 200).json()
        self.assertEqual(s["status"], "unverified")
        self.assertIsNone(s["manual"])
        result = self.assertStatus(self.send_test(), 200).json()
        self.assertEqual(result["status"], "active")
        s = self.get_settings()
        self.assertEqual(s["status"], "active")
        self.assertIsNone(s["last_error"])

    def test_test_body_is_validated(self):
        self.assertProblem(self.owner.post(TEST, {"to": "nobody"}), 422, "to")
        self.assertProblem(self.owner.post(TEST, {}), 422, "to")
        self.assertProblem(self.owner.post(TEST, {"to": "a@b.example", "cc": "c@d.example"}), 422, "cc")


class TestEmails(SmtpCase):
    def test_real_test_email(self):
        with SmtpServer() as server:
            before = self.use_server(server)
            self.assertEqual(before["status"], "unverified")
            r = self.assertStatus(self.send_test("tech@northwind-it.example"), 200)
            result = r.json()
            self.assertEqual(result["status"], "active", result)
            self.assertIn("accepted", result["detail"])
            self.assertTrue(server.done.wait(10))

        verbs = [c.split(" ")[0].upper() for c in server.commands]
        self.assertEqual(verbs, ["EHLO", "AUTH", "MAIL", "RCPT", "DATA", "QUIT"])
        self.assertIn("MAIL FROM:<alerts@northwind-it.example>", server.commands)
        self.assertIn("RCPT TO:<tech@northwind-it.example>", server.commands)
        self.assertEqual(server.logins, [("mailer", PASSWORD)])
        self.assertEqual(len(server.messages), 1)
        message = server.messages[0]
        self.assertIn("To: <tech@northwind-it.example>\r\n", message)
        self.assertIn('From: "Northwind Alerts" <alerts@northwind-it.example>\r\n', message)
        self.assertIn("Subject: ", message)
        self.assertIn("\r\n\r\nThis is a test message", message)

        s = self.get_settings()
        self.assertEqual(s["status"], "active")
        self.assertEqual(s["last_test_at"], result["tested_at"])
        self.assertIsNone(s["last_error"])
        self.assertNotEqual(s["etag"], before["etag"])

    def test_without_username_there_is_no_sign_in(self):
        with SmtpServer() as server:
            s = self.use_server(server, username=None, password=None)
            self.assertIsNone(s["manual"]["username"])
            self.assertFalse(s["manual"]["password_set"])
            self.assertEqual(self.send_test().json()["status"], "active")
        self.assertFalse([c for c in server.commands if c.startswith("AUTH")])

    def test_password_is_never_returned(self):
        with SmtpServer() as server:
            self.use_server(server)
            self.send_test()
        audit = self.owner.get("/api/v1/audit-log", params={"limit": 50})
        self.bodies.append(audit.body)
        self.bodies.append(self.owner.get(SETTINGS).body)
        self.assertGreater(len(self.bodies), 3)
        for body in self.bodies:
            self.assertNotIn(PASSWORD.encode(), body)
            self.assertNotIn(base64.b64encode(PASSWORD.encode()), body)

    def test_password_kept_for_the_same_account_only(self):
        with SmtpServer() as server:
            self.use_server(server)
            s = self.assertStatus(self.put({"method": "custom_manual", "manual": manual(server.port, password=None)}), 200)
            self.assertTrue(s.json()["manual"]["password_set"])
            # Another server must not receive the stored password.
            self.assertProblem(self.put({"method": "custom_manual",
                                         "manual": manual(server.port, host="localhost", password=None)}),
                               422, "manual.password")
            # null clears the password, which a username needs.
            self.assertProblem(self.put({"method": "custom_manual", "manual": dict(manual(server.port), password=None)}),
                               422, "manual.password")
            s = self.assertStatus(self.put({"method": "custom_manual",
                                            "manual": dict(manual(server.port), username=None, password=None)}), 200)
            self.assertFalse(s.json()["manual"]["password_set"])

    def test_changes_reset_the_status_but_not_the_auto_test(self):
        with SmtpServer() as server:
            self.use_server(server)
            self.assertEqual(self.send_test().json()["status"], "active")
        auto = {"enabled": True, "to": "it-alerts@northwind-it.example", "frequency": "monthly"}
        s = self.assertStatus(self.put({"method": "custom_manual", "manual": manual(server.port, password=None),
                                        "auto_test": auto}), 200).json()
        self.assertEqual(s["status"], "active", "changing only the auto test keeps the status")
        self.assertEqual(s["auto_test"], auto)
        s = self.assertStatus(self.put({"method": "custom_manual",
                                        "manual": manual(server.port + 1 if server.port < 65535 else 1,
                                                         password=PASSWORD)}), 200).json()
        self.assertEqual(s["status"], "unverified")
        self.assertIsNone(s["last_error"])
        self.assertEqual(s["auto_test"], auto)
        s = self.assertStatus(self.put({"method": "default"}), 200).json()
        self.assertEqual(s["status"], "unverified")
        self.assertEqual(s["auto_test"], auto)

    def test_refused_port_is_an_error(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()  # nothing listens there now
        self.assertStatus(self.put({"method": "custom_manual", "manual": manual(port)}), 200)
        result = self.assertStatus(self.send_test(), 200).json()
        self.assertEqual(result["status"], "error")
        self.assertIn(f"127.0.0.1:{port}", result["detail"])
        self.assertIn("refused", result["detail"].lower())
        s = self.get_settings()
        self.assertEqual(s["status"], "error")
        self.assertEqual(s["last_error"], result["detail"])

    def test_recipient_rejected_with_554(self):
        with SmtpServer(reject={"RCPT": "554 5.7.1 Relay access denied"}) as server:
            self.use_server(server)
            result = self.assertStatus(self.send_test("outside@elsewhere.example"), 200).json()
        self.assertEqual(result["status"], "error")
        self.assertIn("RCPT TO", result["detail"])
        self.assertIn("554 5.7.1 Relay access denied", result["detail"])
        self.assertEqual(server.messages, [])
        self.assertEqual(self.get_settings()["status"], "error")

    def test_long_answers_are_shortened_in_the_detail(self):
        with SmtpServer(reject={"MAIL": "550 5.7.1 " + "policy " * 70}) as server:
            self.use_server(server)
            result = self.send_test().json()
        self.assertEqual(result["status"], "error")
        self.assertIn("MAIL FROM", result["detail"])
        self.assertIn("550 5.7.1 policy", result["detail"])
        self.assertLess(len(result["detail"]), 500)
        self.assertIn("…", result["detail"])

    def test_a_server_that_is_not_smtp(self):
        with SmtpServer(greeting="HTTP/1.1 400 Bad Request") as server:
            self.use_server(server)
            result = self.send_test().json()
        self.assertEqual(result["status"], "error")
        self.assertIn("not SMTP", result["detail"])
        self.assertIn("HTTP/1.1 400", result["detail"])

    def test_greeting_554_is_an_error(self):
        with SmtpServer(greeting="554 mail.test.example no service for you") as server:
            self.use_server(server)
            result = self.send_test().json()
        self.assertEqual(result["status"], "error")
        self.assertIn("greeting", result["detail"])
        self.assertIn("554", result["detail"])

    def test_sign_in_refused(self):
        with SmtpServer(reject={"AUTH": "535 5.7.8 Authentication credentials invalid"}) as server:
            self.use_server(server)
            result = self.send_test().json()
        self.assertEqual(result["status"], "error")
        self.assertIn("535", result["detail"])
        self.assertIn("mailer", result["detail"])
        self.assertNotIn(PASSWORD, result["detail"])

    def test_starttls_not_offered(self):
        with SmtpServer() as server:
            self.use_server(server, security="starttls")
            result = self.send_test().json()
        self.assertEqual(result["status"], "error")
        self.assertIn("STARTTLS", result["detail"])
        self.assertEqual([c.split(" ")[0] for c in server.commands], ["EHLO"])

    def test_idempotent_replay_sends_once(self):
        with SmtpServer() as server:
            self.use_server(server)
            first = self.assertStatus(self.send_test(idempotency_key="smtp-test-replay-1"), 200)
            again = self.assertStatus(self.send_test(idempotency_key="smtp-test-replay-1"), 200)
        self.assertEqual(first.json(), again.json())
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(len(server.messages), 1)

    def test_portal_keeps_answering_while_a_test_waits(self):
        hold = threading.Event()
        outcome = {}
        with SmtpServer(hold=hold) as server:
            self.use_server(server)

            client = self.client("owner")

            def run():
                outcome["response"] = client.post(TEST, {"to": "tech@northwind-it.example"})

            worker = threading.Thread(target=run)
            worker.start()
            try:
                self.assertTrue(server.connected.wait(10), "the portal never connected")
                # The SMTP server is holding its greeting: the portal must still answer.
                other = self.client("admin")
                self.assertStatus(other.get(SETTINGS), 200)
                self.assertStatus(other.get("/api/v1/notification-types"), 200)
                self.assertNotIn("response", outcome)
                self.assertEqual(self.get_settings()["status"], "unverified")
            finally:
                hold.set()
                worker.join(30)
        response = outcome["response"]
        self.assertStatus(response, 200)
        self.assertEqual(response.json()["status"], "active")


def self_signed_context(directory):
    """A server-side TLS context with a fresh self-signed certificate (not trusted by anyone)."""
    if shutil.which("openssl") is None:
        raise unittest.SkipTest("openssl is not installed")
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


class Tls(SmtpCase):
    """Encryption is never weakened: an untrusted certificate ends the test with an error."""

    @classmethod
    def setUpClass(cls):
        cls.certs = tempfile.TemporaryDirectory(prefix="pd-smtp-tls-")
        cls.context = self_signed_context(cls.certs.name)
        # GIO runs TLS handshakes in GLib's shared worker pool, whose idle thread lives on for
        # about 15 s, and LeakSanitizer (GCC 12, glibc 2.36) misjudges what that thread holds:
        # depending on timing it crashes while scanning it, or (CI, 2026-11) reports the
        # GSocketClient of the TLS connection as leaked. So this class's portal runs without
        # the exit-time leak scan (ASan and UBSan stay on); the other classes cover the SMTP
        # code for leaks, as tests/portal/test_framework.py does for HTTPS.
        no_leak_scan = {"ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0"}
        cls.portal = Portal(seed=cls.SEED, extra=cls.EXTRA, env=no_leak_scan)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.certs.cleanup()

    def test_starttls_upgrade_refuses_an_untrusted_certificate(self):
        with SmtpServer(tls=self.context, extensions=("STARTTLS", "AUTH PLAIN")) as server:
            self.use_server(server, security="starttls")
            result = self.send_test().json()
            self.assertTrue(server.done.wait(10))
        self.assertEqual(result["status"], "error")
        self.assertIn("TLS handshake after STARTTLS", result["detail"])
        self.assertEqual([c.split(" ")[0] for c in server.commands], ["EHLO", "STARTTLS"])
        self.assertTrue(server.tls_errors, "the portal must have started the handshake")

    def test_tls_from_the_start_refuses_an_untrusted_certificate(self):
        with SmtpServer(tls=self.context, implicit_tls=True) as server:
            self.use_server(server, security="tls")
            result = self.send_test().json()
            self.assertTrue(server.done.wait(10))
        self.assertEqual(result["status"], "error")
        self.assertIn(f"127.0.0.1:{server.port}", result["detail"])
        self.assertIn("certificate", result["detail"])
        self.assertEqual(server.commands, [])


class Timeout(SmtpCase):
    @classmethod
    def setUpClass(cls):
        os.environ["PD_PORTAL_SMTP_TIMEOUT"] = "1"
        try:
            super().setUpClass()
        finally:
            del os.environ["PD_PORTAL_SMTP_TIMEOUT"]

    def test_silent_server_times_out(self):
        hold = threading.Event()
        with SmtpServer(hold=hold) as server:
            self.use_server(server)
            result = self.assertStatus(self.send_test(), 200).json()
        self.assertEqual(result["status"], "error")
        self.assertIn("did not answer within 1 second", result["detail"])
        self.assertIn("greeting", result["detail"])


if __name__ == "__main__":
    main()
