# SPDX-License-Identifier: GPL-3.0-or-later
"""Authorizing a service: the self flow through the consent page, the delegate flow through the
invitation page, the state machine's conflicts, access, links that expire."""

import datetime
import os
import re
import tempfile
import urllib.parse
import uuid

from portal_harness import Portal, PortalTestCase, main
from test_accounts import Fixture, now_text

EXCHANGE_SCOPES = [("mail.read", True), ("mailbox_settings.read", True), ("calendars.read", False),
                   ("contacts.read", False), ("tasks.read", False)]


def parse_time(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)


class AuthorizationCase(PortalTestCase):
    SEED = 3

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="pd-authorization-")
        cls.portal = Portal(seed=cls.SEED, database=os.path.join(cls.tmp.name, "portal.db"))
        cls.fx = Fixture(os.path.join(cls.tmp.name, "portal.db"))
        cls.clients = {}

    @classmethod
    def tearDownClass(cls):
        for client in cls.clients.values():
            if client.conn is not None:
                client.conn.close()
        cls.portal.close()
        cls.tmp.cleanup()

    def client(self, role="owner", validate=True):
        """One kept-alive client per role for the whole class."""
        key = (role, validate)
        if key not in self.clients:
            self.clients[key] = (self.portal.anonymous(validate=validate) if role is None
                                 else self.portal.client(role, validate=validate))
        return self.clients[key]

    def new_service(self, application="exchange", state="unauthorized", relationship="msp",
                    credential_status="ok", **kw):
        org = self.fx.organization(name=f"Client {uuid.uuid4().hex[:6]}", relationship=relationship,
                                   domain="client.example", credential_status=credential_status)
        kw.setdefault("backup_status", "never_run" if state == "unauthorized" else "success")
        svc = self.fx.service(org, application, state=state, **kw)
        return org, svc

    @staticmethod
    def path(org, svc, action=""):
        return f"/api/v1/organizations/org_{org}/services/svc_{svc}/authorization{action}"

    def auth(self, org, svc, role="owner"):
        r = self.assertStatus(self.client(role).get(self.path(org, svc)), 200)
        body = r.json()
        self.assertEqual(r.etag, body["etag"])
        return body

    def post(self, org, svc, action, body=None, role="owner", status=200, **kw):
        r = self.client(role).post(self.path(org, svc, action), body, **kw)
        if status is None:
            return r
        self.assertStatus(r, status)
        self.assertEqual(r.etag, r.json()["etag"])
        return r.json()

    def page(self, url, form=None):
        """GET (or POST @form to) a public HTML page given by its full URL."""
        target = urllib.parse.urlsplit(url)
        self.assertEqual((target.hostname, target.port), (self.portal.host, self.portal.port))
        c = self.client(None)
        if form is None:
            r = c.get(target.path)
        else:
            r = c.request("POST", target.path, body=urllib.parse.urlencode(form).encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertTrue(r.headers["content-type"].startswith("text/html"), r)
        return r

    def state(self, svc):
        return self.fx.scalar("SELECT authorization_state FROM services WHERE id = ?", svc)

    def last_audit(self):
        return self.fx.execute("SELECT action, target_id, organization_id, actor_email, summary FROM audit_log "
                               "ORDER BY id DESC LIMIT 1")[0]


class Reading(AuthorizationCase):
    def test_unauthorized_service(self):
        org, svc = self.new_service()
        a = self.auth(org, svc)
        self.assertEqual((a["service_id"], a["organization_id"], a["state"], a["mode"]),
                         (f"svc_{svc}", f"org_{org}", "unauthorized", None))
        self.assertEqual([(s["key"], s["required"]) for s in a["scopes"]], EXCHANGE_SCOPES)
        self.assertFalse(any(s["granted"] for s in a["scopes"]))
        self.assertEqual(a["agreement"]["version"], "2025-01")
        self.assertIsNone(a["agreement"]["accepted_at"])
        for member in ("consent_url", "consent_expires_at", "invitation", "last_error", "consent_lost_at"):
            self.assertIsNone(a[member], member)
        page = self.page(a["agreement"]["document_url"])
        self.assertStatus(page, 200)
        self.assertIn(b"version 2025-01", page.body)
        self.assertEqual(page.headers.get("x-frame-options"), "DENY")

    def test_scopes_depend_on_the_application(self):
        org, svc = self.new_service("drive")
        keys = [(s["key"], s["required"]) for s in self.auth(org, svc)["scopes"]]
        self.assertIn(("files.read", True), keys)
        self.assertNotIn("mail.read", [k for k, _ in keys])

    def test_if_none_match(self):
        org, svc = self.new_service()
        c = self.client()
        etag = self.auth(org, svc)["etag"]
        r = self.assertStatus(c.get(self.path(org, svc), headers={"If-None-Match": etag}), 304)
        self.assertEqual((r.body, r.etag), (b"", etag))
        self.assertStatus(c.get(self.path(org, svc), headers={"If-None-Match": '"svc_1.authorization.0"'}), 200)
        self.post(org, svc, "/self")
        r = self.assertStatus(c.get(self.path(org, svc), headers={"If-None-Match": etag}), 200)
        self.assertNotEqual(r.etag, etag)

    def test_agreement_pages(self):
        self.assertStatus(self.page(f"{self.portal.url}/agreements/2025-01"), 200)
        old = self.assertStatus(self.page(f"{self.portal.url}/agreements/2024-03"), 200)
        self.assertIn(b"replaced by version 2025-01", old.body)
        self.assertStatus(self.page(f"{self.portal.url}/agreements/1999-01"), 404)


class SelfFlow(AuthorizationCase):
    def start_to_consent(self, org, svc, optional=None):
        a = self.post(org, svc, "/self")
        self.assertEqual((a["state"], a["mode"]), ("unauthorized", "self"))
        a = self.post(org, svc, "/accept-agreement", {"agreement_version": a["agreement"]["version"]})
        self.assertEqual(a["state"], "agreement_accepted")
        self.assertEqual(a["agreement"]["accepted_by"], "owner@northwind-it.example")
        body = {"optional_scopes": optional} if optional is not None else None
        a = self.post(org, svc, "/consent", body)
        self.assertEqual(a["state"], "awaiting_consent")
        self.assertRegex(a["consent_url"], r"/consent/[A-Za-z0-9]{32}$")
        return a

    def test_approve(self):
        org, svc = self.new_service(credential_status="needs_authentication")
        before = self.fx.execute("SELECT s.version, o.version FROM services s JOIN organizations o "
                                 "ON o.id = s.organization_id WHERE s.id = ?", svc)[0]
        a = self.start_to_consent(org, svc, ["calendars.read", "mail.read"])
        expires = parse_time(a["consent_expires_at"]) - datetime.datetime.now(datetime.timezone.utc)
        self.assertTrue(datetime.timedelta(minutes=55) < expires <= datetime.timedelta(hours=1), expires)

        page = self.assertStatus(self.page(a["consent_url"]), 200)
        for text in (b"Read the mail in every mailbox", b"Read calendars and events", b'value="approve"',
                     b'value="deny"'):
            self.assertIn(text, page.body)
        self.assertNotIn(b"Read personal contacts", page.body)  # not asked for
        done = self.assertStatus(self.page(a["consent_url"], {"decision": "approve"}), 200)
        self.assertIn(b"authorized", done.body)

        a = self.auth(org, svc)
        self.assertEqual((a["state"], a["mode"], a["consent_url"], a["last_error"]), ("authorized", "self", None, None))
        self.assertEqual({s["key"] for s in a["scopes"] if s["granted"]},
                         {"mail.read", "mailbox_settings.read", "calendars.read"})
        status, credential, versions = self.fx.execute(
            "SELECT s.backup_status, o.credential_status, s.version || ',' || o.version FROM services s "
            "JOIN organizations o ON o.id = s.organization_id WHERE s.id = ?", svc)[0]
        self.assertEqual((status, credential), ("never_run", "ok"))
        service_version, org_version = map(int, versions.split(","))
        self.assertGreaterEqual(service_version, before[0] + 4)  # self, accept, consent, approve
        self.assertGreaterEqual(org_version, before[1] + 4)
        self.assertEqual(self.last_audit()[0], "service.approve_consent")
        actions = [r[0] for r in self.fx.execute("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id",
                                                 f"svc_{svc}")]
        self.assertEqual(actions, ["service.start_authorization", "service.accept_agreement",
                                   "service.request_consent", "service.approve_consent"])

        # Single use.
        self.assertStatus(self.page(a["agreement"]["document_url"]), 200)
        url = re.search(rb'action="(/consent/[^"]+)"', page.body).group(1).decode()
        self.assertStatus(self.page(self.portal.url + url), 410)
        self.assertStatus(self.page(self.portal.url + url, {"decision": "approve"}), 410)

    def test_approval_discovers_a_new_tenant(self):
        org, svc = self.new_service("onedrive", managed=0, unprotected=0, total=12)
        path = f"/api/v1/organizations/org_{org}/services/svc_{svc}/accounts"
        self.assertEqual(self.client().list_all(path)[0], [])
        a = self.start_to_consent(org, svc)
        self.assertStatus(self.page(a["consent_url"], {"decision": "approve"}), 200)
        accounts, _ = self.client().list_all(path)
        active = [x for x in accounts if x["status"] == "active"]
        self.assertGreaterEqual(len(active), 8)
        self.assertTrue(all(x["protection"] == "unprotected" and x["kind"] == "user" for x in accounts))
        self.assertEqual(self.fx.execute("SELECT seats_managed, seats_unprotected FROM services WHERE id = ?", svc)[0],
                         (0, len(active)))

    def test_deny_then_ask_again(self):
        org, svc = self.new_service("onedrive")
        first = self.start_to_consent(org, svc)
        self.assertStatus(self.page(first["consent_url"], {"decision": "deny"}), 200)
        a = self.auth(org, svc)
        self.assertEqual((a["state"], a["last_error"], a["consent_url"]), ("agreement_accepted", "consent_denied", None))
        self.assertEqual(self.last_audit()[0], "service.deny_consent")
        self.assertStatus(self.page(first["consent_url"]), 410)

        second = self.post(org, svc, "/consent", {"optional_scopes": []})
        self.assertNotEqual(second["consent_url"], first["consent_url"])
        self.assertIsNone(second["last_error"])
        third = self.post(org, svc, "/consent")  # asking again replaces the link
        self.assertStatus(self.page(second["consent_url"]), 410)
        self.assertStatus(self.page(third["consent_url"], {"decision": "approve"}), 200)
        self.assertEqual(self.state(svc), "authorized")

    def test_bad_decision_and_unknown_link(self):
        org, svc = self.new_service()
        a = self.start_to_consent(org, svc)
        self.assertStatus(self.page(a["consent_url"], {"decision": "maybe"}), 400)
        self.assertStatus(self.page(a["consent_url"], {}), 400)
        self.assertEqual(self.state(svc), "awaiting_consent")
        self.assertStatus(self.page(f"{self.portal.url}/consent/nosuchtoken"), 404)
        self.assertStatus(self.page(f"{self.portal.url}/consent/nosuchtoken", {"decision": "approve"}), 404)

    def test_consent_link_expires(self):
        org, svc = self.new_service()
        a = self.start_to_consent(org, svc)
        token = a["consent_url"].rsplit("/", 1)[1]
        self.fx.execute("UPDATE authorization_tokens SET expires_at = ? WHERE token = ?", now_text(-1), token)
        self.assertIn(b"expired", self.assertStatus(self.page(a["consent_url"]), 410).body)
        self.assertStatus(self.page(a["consent_url"], {"decision": "approve"}), 410)
        self.assertEqual(self.state(svc), "awaiting_consent")

    def test_validation(self):
        org, svc = self.new_service()
        self.post(org, svc, "/self")
        for body, field in (({"agreement_version": "2024-03"}, "agreement_version"),
                            ({}, "agreement_version"),
                            ({"agreement_version": 2025}, "agreement_version"),
                            ({"agreement_version": "2025-01", "signed": True}, "signed")):
            self.assertProblem(self.post(org, svc, "/accept-agreement", body, status=None), 422, field=field)
        self.assertProblem(self.post(org, svc, "/self", {"mode": "self"}, status=None), 422, field="mode")
        self.post(org, svc, "/self", {})
        self.post(org, svc, "/accept-agreement", {"agreement_version": "2025-01"})
        self.assertProblem(self.post(org, svc, "/consent", {"optional_scopes": ["calendars.read", "root.all"]},
                                     status=None), 422, field="optional_scopes[1]")
        self.assertProblem(self.post(org, svc, "/consent", {"optional_scopes": "calendars.read"}, status=None),
                           422, field="optional_scopes")
        self.assertEqual(self.state(svc), "agreement_accepted")

    def test_consent_lost_reauthorizes(self):
        org, svc = self.new_service("sharepoint", state="consent_lost", credential_status="needs_authentication")
        other = self.fx.service(org, "teams", state="consent_lost")
        lost_at = now_text(-86400)
        for service in (svc, other):  # as the seed records it
            self.fx.execute("INSERT INTO service_authorizations (service_id, mode, consent_lost_at, last_error, "
                            "created_at, updated_at) VALUES (?, 'self', ?, 'consent_revoked', ?, ?)",
                            service, lost_at, lost_at, lost_at)
        a = self.auth(org, svc)
        self.assertEqual((a["state"], a["consent_lost_at"], a["last_error"]), ("consent_lost", lost_at, "consent_revoked"))

        # Re-accepting keeps the loss on record until the service is authorized again.
        a = self.post(org, svc, "/accept-agreement", {"agreement_version": "2025-01"})
        self.assertEqual((a["state"], a["consent_lost_at"], a["last_error"]), ("agreement_accepted", lost_at, None))
        b = self.post(org, other, "/consent", {"optional_scopes": ["team_members.read"]})
        self.assertStatus(self.page(b["consent_url"], {"decision": "approve"}), 200)
        b = self.auth(org, other)
        self.assertEqual((b["state"], b["consent_lost_at"]), ("authorized", None))
        self.assertTrue(all(s["granted"] for s in b["scopes"]))
        # SharePoint still needs authentication, so the organization does too.
        self.assertEqual(self.fx.scalar("SELECT credential_status FROM organizations WHERE id = ?", org),
                         "needs_authentication")
        a = self.post(org, svc, "/consent")
        self.assertStatus(self.page(a["consent_url"], {"decision": "approve"}), 200)
        self.assertEqual(self.fx.scalar("SELECT credential_status FROM organizations WHERE id = ?", org), "ok")
        # Backups ran before: the status stays.
        self.assertEqual(self.fx.scalar("SELECT backup_status FROM services WHERE id = ?", svc), "success")

    def test_idempotent_replay(self):
        org, svc = self.new_service()
        key = str(uuid.uuid4())
        first = self.client().post(self.path(org, svc, "/self"), None, idempotency_key=key)
        self.post(org, svc, "/accept-agreement", {"agreement_version": "2025-01"})
        again = self.client().post(self.path(org, svc, "/self"), None, idempotency_key=key)
        self.assertEqual((again.status, again.body, again.etag), (first.status, first.body, first.etag))
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(self.state(svc), "agreement_accepted")


class Conflicts(AuthorizationCase):
    def assertConflict(self, response, state):
        problem = self.assertProblem(response, 409)
        self.assertIn(f"“{state}”", problem["detail"])
        return problem

    def test_invalid_transitions(self):
        org, svc = self.new_service()
        problem = self.assertConflict(self.post(org, svc, "/consent", status=None), "unauthorized")
        self.assertIn("accept-agreement", problem["detail"])
        self.assertConflict(self.post(org, svc, "/delegate/resend", status=None), "unauthorized")
        etag = self.auth(org, svc)["etag"]
        self.assertConflict(self.client().delete(self.path(org, svc, "/delegate"), if_match=etag), "unauthorized")

        self.post(org, svc, "/delegate", {"admin_email": "admin@client.example"}, status=202)
        for action, body in (("/self", None), ("/accept-agreement", {"agreement_version": "2025-01"}),
                             ("/consent", None), ("/delegate", {"admin_email": "other@client.example"})):
            problem = self.assertConflict(self.post(org, svc, action, body, status=None), "pending_client_admin")
            self.assertIn("admin@client.example", problem["detail"])
        self.assertEqual(self.state(svc), "pending_client_admin")

        org2, done = self.new_service(state="authorized")
        for action, body in (("/self", None), ("/accept-agreement", {"agreement_version": "2025-01"}),
                             ("/consent", None), ("/delegate", {"admin_email": "admin@client.example"}),
                             ("/delegate/resend", None)):
            self.assertConflict(self.post(org2, done, action, body, status=None), "authorized")
        self.assertEqual(self.state(done), "authorized")

    def test_restarting_steps_is_allowed(self):
        org, svc = self.new_service()
        self.post(org, svc, "/accept-agreement", {"agreement_version": "2025-01"})
        first = self.post(org, svc, "/consent")
        a = self.post(org, svc, "/self")
        self.assertEqual((a["state"], a["consent_url"]), ("awaiting_consent", first["consent_url"]))
        a = self.post(org, svc, "/accept-agreement", {"agreement_version": "2025-01"})
        self.assertEqual((a["state"], a["consent_url"]), ("agreement_accepted", None))
        self.assertStatus(self.page(first["consent_url"]), 410)
        a = self.post(org, svc, "/delegate", {"admin_email": "admin@client.example"}, status=202)
        self.assertEqual((a["state"], a["mode"], a["agreement"]["accepted_at"]), ("pending_client_admin", "delegate", None))


class DelegateFlow(AuthorizationCase):
    def invite(self, org, svc, **body):
        body.setdefault("admin_email", "it.admin@client.example")
        return self.post(org, svc, "/delegate", body, status=202)

    def test_invitation_page_with_seat_picking(self):
        org, svc = self.new_service("exchange", managed=6, unprotected=9, total=8)
        a = self.invite(org, svc, message="Hello <b>there</b> & welcome")
        inv = a["invitation"]
        self.assertEqual((a["state"], a["mode"]), ("pending_client_admin", "delegate"))
        self.assertEqual((inv["email"], inv["message"], inv["resend_count"]),
                         ("it.admin@client.example", "Hello <b>there</b> & welcome", 0))
        lifetime = parse_time(inv["expires_at"]) - parse_time(inv["sent_at"])
        self.assertAlmostEqual(lifetime.total_seconds(), 7 * 86400, delta=5)
        self.assertEqual(self.last_audit()[:3], ("service.invite_admin", f"svc_{svc}", org))

        page = self.assertStatus(self.page(inv["accept_url"]), 200)
        self.assertIn(b"Hello &lt;b&gt;there&lt;/b&gt; &amp; welcome", page.body)
        self.assertIn(b"I accept the service agreement", page.body)
        self.assertIn(b'href="/agreements/2025-01"', page.body)
        boxes = re.findall(rb'name="account:(acc_\d+)" value="on"( checked)?', page.body)
        checked = [i.decode() for i, c in boxes if c]
        self.assertEqual(len(checked), 8)  # the defaults fill the seats
        accounts, _ = self.client().list_all(f"/api/v1/organizations/org_{org}/services/svc_{svc}/accounts")
        listed = {x["id"] for x in accounts if x["status"] != "deleted"}
        self.assertEqual({i.decode() for i, _ in boxes}, listed)
        chosen = sorted(listed)[:5]
        form = {"accept_agreement": "yes", "scope:tasks.read": "on", "scope:bogus": "on"}
        form.update({f"account:{i}": "on" for i in chosen})

        # Without the agreement ticked, the form comes back with the reason and the choices.
        again = self.assertStatus(self.page(inv["accept_url"], {k: v for k, v in form.items()
                                                                if k != "accept_agreement"}), 422)
        self.assertIn(b"role=\"alert\"", again.body)
        self.assertEqual(sorted(i.decode() for i, c in re.findall(rb'name="account:(acc_\d+)" value="on"( checked)?',
                                                                  again.body) if c), chosen)
        too_many = dict(form, **{f"account:{i}": "on" for i in sorted(listed)[:9]})
        self.assertIn(b"seats", self.assertStatus(self.page(inv["accept_url"], too_many), 422).body)
        self.assertEqual(self.state(svc), "pending_client_admin")

        self.assertStatus(self.page(inv["accept_url"], form), 200)
        a = self.auth(org, svc)
        self.assertEqual((a["state"], a["mode"], a["invitation"]), ("authorized", "delegate", None))
        self.assertEqual((a["agreement"]["version"], a["agreement"]["accepted_by"]), ("2025-01", "it.admin@client.example"))
        self.assertEqual({s["key"] for s in a["scopes"] if s["granted"]}, {"mail.read", "mailbox_settings.read", "tasks.read"})
        accounts, _ = self.client().list_all(f"/api/v1/organizations/org_{org}/services/svc_{svc}/accounts")
        self.assertEqual(sorted(x["id"] for x in accounts if x["protection"] != "unprotected"), chosen)
        self.assertTrue(all(x["protection"] == "protected" for x in accounts if x["id"] in chosen))
        self.assertEqual(self.fx.execute("SELECT seats_managed FROM services WHERE id = ?", svc)[0][0], 5)
        action, target, _, actor, _ = self.last_audit()
        self.assertEqual((action, target, actor), ("service.accept_invitation", f"svc_{svc}", "it.admin@client.example"))
        self.assertStatus(self.page(inv["accept_url"]), 410)
        self.assertStatus(self.page(inv["accept_url"], form), 410)

    def test_new_tenant_picks_seats_from_its_directory(self):
        org, svc = self.new_service("gmail", managed=0, unprotected=0, total=6)
        inv = self.invite(org, svc)["invitation"]
        page = self.assertStatus(self.page(inv["accept_url"]), 200)
        boxes = re.findall(rb'name="account:(acc_\d+)" value="on"( checked)?', page.body)
        self.assertGreaterEqual(len(boxes), 3)
        self.assertLessEqual(len([b for b in boxes if b[1]]), 6)
        picked = [i.decode() for i, _ in boxes[:3]]
        form = {"accept_agreement": "yes", **{f"account:{i}": "on" for i in picked}}
        self.assertStatus(self.page(inv["accept_url"], form), 200)
        managed, unprotected = self.fx.execute("SELECT seats_managed, seats_unprotected FROM services WHERE id = ?", svc)[0]
        self.assertEqual(managed, 3)
        self.assertEqual(self.auth(org, svc)["state"], "authorized")

    def test_resend_and_cancel(self):
        org, svc = self.new_service("gmail", managed=2, unprotected=2, total=5)
        first = self.invite(org, svc)["invitation"]
        self.fx.execute("UPDATE authorization_tokens SET expires_at = ? WHERE kind = 'invitation' AND service_id = ?",
                        now_text(-60), svc)
        self.assertIn(b"expired", self.assertStatus(self.page(first["accept_url"]), 410).body)

        a = self.post(org, svc, "/delegate/resend", status=202)
        inv = a["invitation"]
        self.assertEqual((inv["resend_count"], inv["accept_url"], inv["email"]),
                         (1, first["accept_url"], first["email"]))
        self.assertGreater(inv["expires_at"], first["expires_at"])
        self.assertStatus(self.page(inv["accept_url"]), 200)  # the same link works again
        self.assertEqual(self.post(org, svc, "/delegate/resend", {}, status=202)["invitation"]["resend_count"], 2)
        self.assertProblem(self.post(org, svc, "/delegate/resend", {"to": "x"}, status=None), 422, field="to")

        c = self.client()
        self.assertProblem(c.delete(self.path(org, svc, "/delegate")), 428)
        self.assertProblem(c.delete(self.path(org, svc, "/delegate"), if_match='"stale.1"'), 412)
        etag = self.auth(org, svc)["etag"]
        self.assertStatus(c.delete(self.path(org, svc, "/delegate"), if_match=etag), 204)
        a = self.auth(org, svc)
        self.assertEqual((a["state"], a["mode"], a["invitation"]), ("unauthorized", None, None))
        self.assertEqual(self.last_audit()[0], "service.cancel_invitation")
        self.assertStatus(self.page(inv["accept_url"]), 410)
        self.assertProblem(c.delete(self.path(org, svc, "/delegate"), if_match="*"), 409)

    def test_validation(self):
        org, svc = self.new_service()
        for body, field in (({}, "admin_email"), ({"admin_email": "not-an-email"}, "admin_email"),
                            ({"admin_email": "a@b.example", "message": "x" * 1001}, "message"),
                            ({"admin_email": "a@b.example", "cc": "c@d.example"}, "cc")):
            self.assertProblem(self.post(org, svc, "/delegate", body, status=None), 422, field=field)
        a = self.invite(org, svc, message=None)
        self.assertIsNone(a["invitation"]["message"])
        self.assertStatus(self.page(f"{self.portal.url}/invitations/nosuchtoken"), 404)

    def test_idempotent_replay(self):
        org, svc = self.new_service()
        key = str(uuid.uuid4())
        body = {"admin_email": "it.admin@client.example"}
        first = self.client().post(self.path(org, svc, "/delegate"), body, idempotency_key=key)
        self.assertStatus(first, 202)
        count = self.fx.scalar("SELECT count(*) FROM audit_log")
        again = self.client().post(self.path(org, svc, "/delegate"), body, idempotency_key=key)
        self.assertEqual((again.status, again.body), (202, first.body))
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(self.fx.scalar("SELECT count(*) FROM audit_log"), count)


class Access(AuthorizationCase):
    def test_unauthenticated(self):
        org, svc = self.new_service()
        self.assertProblem(self.client(None).get(self.path(org, svc)), 401)
        self.assertProblem(self.client(None).post(self.path(org, svc, "/self")), 401)

    def test_permissions(self):
        org, svc = self.new_service()
        self.auth(org, svc, role="technician")
        for action, body in (("/self", None), ("/accept-agreement", {"agreement_version": "2025-01"}),
                             ("/consent", None), ("/delegate", {"admin_email": "a@b.example"}),
                             ("/delegate/resend", None)):
            for role in ("technician", "finance"):
                r = self.post(org, svc, action, body, role=role, status=None)
                self.assertEqual(self.assertProblem(r, 403)["permission"], "services.authorize", (action, role))
        r = self.client("finance").delete(self.path(org, svc, "/delegate"), if_match="*")
        self.assertEqual(self.assertProblem(r, 403)["permission"], "services.authorize")
        self.post(org, svc, "/self", role="support")

    def test_reseller(self):
        org, svc = self.new_service(relationship="reseller")
        self.auth(org, svc)
        for action, body in (("/self", None), ("/accept-agreement", {"agreement_version": "2025-01"}),
                             ("/consent", None)):
            r = self.post(org, svc, action, body, status=None)
            self.assertEqual(self.assertProblem(r, 403)["permission"], "relationship", action)
        # Inviting the client's admin is how a reseller onboards.
        a = self.post(org, svc, "/delegate", {"admin_email": "admin@client.example"}, status=202)
        self.assertEqual(a["state"], "pending_client_admin")
        self.post(org, svc, "/delegate/resend", status=202)

    def test_scope_and_not_found(self):
        org, svc = self.new_service()
        hidden, hidden_svc = self.new_service()
        self.fx.limit_scope("scoped.admin@northwind-it.example", [org])
        c = self.client("scoped_admin")
        self.assertStatus(c.get(self.path(org, svc)), 200)
        self.assertProblem(c.get(self.path(hidden, hidden_svc)), 404)
        self.assertProblem(c.post(self.path(hidden, hidden_svc, "/self")), 404)
        self.assertProblem(c.delete(self.path(hidden, hidden_svc, "/delegate"), if_match="*"), 404)
        owner = self.client()
        for path in (self.path(org, hidden_svc), self.path(org, 99999999), self.path(99999999, svc),
                     f"/api/v1/organizations/org_{org}/services/acc_{svc}/authorization",
                     f"/api/v1/organizations/x/services/svc_{svc}/authorization"):
            self.assertProblem(owner.get(path), 404)
        self.assertProblem(owner.post(self.path(org, hidden_svc, "/self")), 404)


if __name__ == "__main__":
    main()
