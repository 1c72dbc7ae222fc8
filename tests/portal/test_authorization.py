# SPDX-License-Identifier: GPL-3.0-or-later
"""Authorizing a service: the self flow through the consent page, the delegate flow through the
invitation page, the state machine's conflicts, access, links that expire, the demo data."""

import datetime
import re
import urllib.parse
import uuid

from portal_harness import main
from test_accounts import ORGS, AccountsCase, add_to_scope, now_text

EXCHANGE_SCOPES = [("mail.read", True), ("mailbox_settings.read", True), ("calendars.read", False),
                   ("contacts.read", False), ("tasks.read", False)]
SUITES = {"exchange": "microsoft365", "onedrive": "microsoft365", "sharepoint": "microsoft365",
          "teams": "microsoft365", "gmail": "google_workspace", "drive": "google_workspace",
          "calendar": "google_workspace", "contacts": "google_workspace", "shared_drives": "google_workspace"}


def parse_time(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)


def accounts_path(org, svc):
    return f"{ORGS}/{org}/services/{svc}/accounts"


class AuthorizationCase(AccountsCase):
    """The accounts tests' portal, on its own database file, with a client per role."""

    def new_organization(self, relationship="msp"):
        tag = uuid.uuid4().hex[:8]
        body = {"name": f"Client {tag}", "email": f"it@client-{tag}.example", "domain": f"client-{tag}.example",
                "plan": {"name": "Business Backup", "type": "backup", "price_cents": 4900, "currency": "USD"},
                "relationship": relationship}
        return self.assertStatus(self.client().post(ORGS, body), 201).json()["id"]

    def new_service(self, application="exchange", relationship="msp", org=None):
        """A service added through the API: unauthorized, no accounts, 10 seats when it is the first."""
        org = org or self.new_organization(relationship)
        r = self.client().post(f"{ORGS}/{org}/services", {"suite": SUITES[application], "application": application})
        return org, self.assertStatus(r, 201).json()["id"]

    def seeded(self, state, **want):
        s = self.catalog.take(authorization_state=state, size=want.pop("size", range(0, 201)), **want)
        return s["organization_id"], s["id"]

    @staticmethod
    def path(org, svc, action=""):
        return f"{ORGS}/{org}/services/{svc}/authorization{action}"

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

    def service(self, org, svc):
        return self.assertStatus(self.client().get(f"{ORGS}/{org}/services/{svc}"), 200).json()

    def organization(self, org):
        return self.assertStatus(self.client().get(f"{ORGS}/{org}"), 200).json()

    def state(self, org, svc):
        return self.service(org, svc)["authorization_state"]

    def audit(self, org):
        """The organization's audit entries, newest first."""
        return self.client().list_all("/api/v1/audit-log", params={"organization_id": org})[0]


class Reading(AuthorizationCase):
    def test_unauthorized_service(self):
        org, svc = self.new_service()
        a = self.auth(org, svc)
        self.assertEqual((a["service_id"], a["organization_id"], a["state"], a["mode"]),
                         (svc, org, "unauthorized", None))
        self.assertEqual([(s["key"], s["required"]) for s in a["scopes"]], EXCHANGE_SCOPES)
        self.assertFalse(any(s["granted"] for s in a["scopes"]))
        self.assertEqual(a["agreement"]["version"], "2025-01")
        self.assertIsNone(a["agreement"]["accepted_at"])
        for member in ("consent_url", "consent_expires_at", "invitation", "last_error", "consent_lost_at"):
            self.assertIsNone(a[member], member)
        page = self.assertStatus(self.page(a["agreement"]["document_url"]), 200)
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


class DemoData(AuthorizationCase):
    """The seeded details agree with each service's authorization_state."""

    def test_every_state(self):
        org, svc = self.seeded("pending_client_admin", org_relationship="msp")
        a = self.auth(org, svc)
        inv = a["invitation"]
        self.assertEqual(a["mode"], "delegate")
        self.assertTrue(inv["email"].endswith("@" + self.catalog.orgs[org]["domain"]), inv)
        self.assertLess(parse_time(inv["sent_at"]), parse_time(inv["expires_at"]))
        page = self.page(inv["accept_url"])
        self.assertIn(page.status, (200, 410))  # a few seeded invitations have expired
        self.assertEqual(page.status == 200, inv["expires_at"] > now_text(), inv)

        org, svc = self.seeded("awaiting_consent", org_relationship="msp")
        a = self.auth(org, svc)
        self.assertEqual(a["mode"], "self")
        self.assertIsNotNone(a["agreement"]["accepted_at"])
        self.assertStatus(self.page(a["consent_url"]), 200)

        org, svc = self.seeded("agreement_accepted", org_relationship="msp")
        a = self.auth(org, svc)
        self.assertEqual((a["mode"], a["agreement"]["version"], a["consent_url"]), ("self", "2025-01", None))

        org, svc = self.seeded("consent_lost")
        a = self.auth(org, svc)
        self.assertIsNotNone(a["consent_lost_at"])
        self.assertEqual(a["last_error"], "consent_revoked")
        self.assertFalse(any(s["granted"] for s in a["scopes"]))
        self.assertEqual(self.organization(org)["credential_status"], "needs_authentication")

        org, svc = self.seeded("authorized", org_relationship="msp")
        a = self.auth(org, svc)
        self.assertIn(a["mode"], ("self", "delegate"))
        self.assertIn(a["agreement"]["version"], ("2025-01", "2024-03"))
        self.assertIsNotNone(a["agreement"]["accepted_by"])
        self.assertTrue(all(s["granted"] for s in a["scopes"] if s["required"]))
        self.assertStatus(self.page(a["agreement"]["document_url"]), 200)

        org, svc = self.seeded("unauthorized", org_relationship="msp")
        a = self.auth(org, svc)
        self.assertEqual((a["mode"], a["agreement"]["accepted_at"], a["invitation"]), (None, None, None))


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
        org, svc = self.new_service()
        before = (self.service(org, svc)["etag"], self.organization(org)["etag"])
        a = self.start_to_consent(org, svc, ["calendars.read", "mail.read"])
        expires = parse_time(a["consent_expires_at"]) - datetime.datetime.now(datetime.timezone.utc)
        self.assertTrue(datetime.timedelta(minutes=55) < expires <= datetime.timedelta(hours=1), expires)
        self.assertEqual(self.state(org, svc), "awaiting_consent")

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
        service = self.service(org, svc)
        self.assertEqual((service["authorization_state"], service["backup_status"]), ("authorized", "never_run"))
        self.assertEqual(self.organization(org)["credential_status"], "ok")
        self.assertNotEqual(service["etag"], before[0])
        self.assertNotEqual(self.organization(org)["etag"], before[1])
        actions = [e["action"] for e in reversed(self.audit(org)) if e["target_id"] == svc]
        self.assertEqual(actions[-4:], ["service.start_authorization", "service.accept_agreement",
                                        "service.request_consent", "service.approve_consent"])
        self.assertIsNone(self.audit(org)[0]["actor"]["user_id"])  # the tenant's admin, not a partner user

        # Single use.
        url = re.search(rb'action="(/consent/[^"]+)"', page.body).group(1).decode()
        self.assertStatus(self.page(self.portal.url + url), 410)
        self.assertStatus(self.page(self.portal.url + url, {"decision": "approve"}), 410)

    def test_approval_discovers_a_new_tenant(self):
        org, svc = self.new_service("onedrive")
        seats = self.service(org, svc)["seats"]
        self.assertEqual((seats["managed"], seats["unprotected"]), (0, 0))
        self.assertEqual(self.client().list_all(accounts_path(org, svc))[0], [])
        a = self.start_to_consent(org, svc)
        self.assertStatus(self.page(a["consent_url"], {"decision": "approve"}), 200)
        accounts, _ = self.client().list_all(accounts_path(org, svc))
        active = [x for x in accounts if x["status"] == "active"]
        self.assertGreaterEqual(len(active), 3)
        self.assertTrue(all(x["protection"] == "unprotected" and x["kind"] == "user" for x in accounts))
        seats = self.service(org, svc)["seats"]
        self.assertEqual((seats["managed"], seats["unprotected"]), (0, len(active)))

    def test_deny_then_ask_again(self):
        org, svc = self.new_service("onedrive")
        first = self.start_to_consent(org, svc)
        self.assertStatus(self.page(first["consent_url"], {"decision": "deny"}), 200)
        a = self.auth(org, svc)
        self.assertEqual((a["state"], a["last_error"], a["consent_url"]), ("agreement_accepted", "consent_denied", None))
        self.assertEqual(self.audit(org)[0]["action"], "service.deny_consent")
        self.assertStatus(self.page(first["consent_url"]), 410)

        second = self.post(org, svc, "/consent", {"optional_scopes": []})
        self.assertNotEqual(second["consent_url"], first["consent_url"])
        self.assertIsNone(second["last_error"])
        third = self.post(org, svc, "/consent")  # asking again replaces the link
        self.assertStatus(self.page(second["consent_url"]), 410)
        self.assertStatus(self.page(third["consent_url"], {"decision": "approve"}), 200)
        self.assertEqual(self.state(org, svc), "authorized")

    def test_bad_decision_and_unknown_link(self):
        org, svc = self.new_service()
        a = self.start_to_consent(org, svc)
        self.assertStatus(self.page(a["consent_url"], {"decision": "maybe"}), 400)
        self.assertStatus(self.page(a["consent_url"], {}), 400)
        self.assertEqual(self.state(org, svc), "awaiting_consent")
        self.assertStatus(self.page(f"{self.portal.url}/consent/nosuchtoken"), 404)
        self.assertStatus(self.page(f"{self.portal.url}/consent/nosuchtoken", {"decision": "approve"}), 404)

    def test_consent_link_expires(self):
        org, svc = self.new_service()
        a = self.start_to_consent(org, svc)
        token = a["consent_url"].rsplit("/", 1)[1]
        self.db.execute("UPDATE authorization_tokens SET expires_at = ? WHERE token = ?", now_text(-1), token)
        self.assertIn(b"expired", self.assertStatus(self.page(a["consent_url"]), 410).body)
        self.assertStatus(self.page(a["consent_url"], {"decision": "approve"}), 410)
        self.assertEqual(self.state(org, svc), "awaiting_consent")

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
        self.assertEqual(self.state(org, svc), "agreement_accepted")

    def test_consent_lost_reauthorizes(self):
        by_org = {}
        for s in self.catalog.services:
            if s["authorization_state"] == "consent_lost" and s["id"] not in self.catalog.taken:
                by_org.setdefault(s["organization_id"], []).append(s)
        org, lost = max(by_org.items(), key=lambda item: len(item[1]))
        self.assertGreaterEqual(len(lost), 2, "the seed has an organization with two services that lost consent")
        self.catalog.taken.update(s["id"] for s in lost)
        first, rest = lost[0], lost[1:]
        lost_at = self.auth(org, first["id"])["consent_lost_at"]
        self.assertIsNotNone(lost_at)
        self.assertEqual(self.organization(org)["credential_status"], "needs_authentication")

        # Re-accepting keeps the loss on record until the service is authorized again.
        a = self.post(org, first["id"], "/accept-agreement", {"agreement_version": "2025-01"})
        self.assertEqual((a["state"], a["consent_lost_at"], a["last_error"]), ("agreement_accepted", lost_at, None))
        for s in rest:
            b = self.post(org, s["id"], "/consent")
            self.assertStatus(self.page(b["consent_url"], {"decision": "approve"}), 200)
            b = self.auth(org, s["id"])
            self.assertEqual((b["state"], b["consent_lost_at"]), ("authorized", None))
            self.assertTrue(all(x["granted"] for x in b["scopes"] if x["required"]))
        # The first service still needs authentication, so the organization does too.
        self.assertEqual(self.organization(org)["credential_status"], "needs_authentication")
        a = self.post(org, first["id"], "/consent")
        self.assertStatus(self.page(a["consent_url"], {"decision": "approve"}), 200)
        self.assertEqual(self.organization(org)["credential_status"], "ok")
        # Backups ran before: the status stays.
        self.assertEqual(self.service(org, first["id"])["backup_status"], first["backup_status"])

    def test_idempotent_replay(self):
        org, svc = self.new_service()
        key = str(uuid.uuid4())
        first = self.client().post(self.path(org, svc, "/self"), None, idempotency_key=key)
        self.post(org, svc, "/accept-agreement", {"agreement_version": "2025-01"})
        again = self.client().post(self.path(org, svc, "/self"), None, idempotency_key=key)
        self.assertEqual((again.status, again.body, again.etag), (first.status, first.body, first.etag))
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(self.state(org, svc), "agreement_accepted")


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
        self.assertEqual(self.state(org, svc), "pending_client_admin")

        org2, done = self.seeded("authorized", org_relationship="msp")
        for action, body in (("/self", None), ("/accept-agreement", {"agreement_version": "2025-01"}),
                             ("/consent", None), ("/delegate", {"admin_email": "admin@client.example"}),
                             ("/delegate/resend", None)):
            self.assertConflict(self.post(org2, done, action, body, status=None), "authorized")
        self.assertEqual(self.state(org2, done), "authorized")

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

    @staticmethod
    def boxes(page):
        """The account checkboxes of an invitation page: [(account ID, checked)]."""
        return [(i.decode(), bool(c)) for i, c in re.findall(rb'name="account:(acc_\d+)" value="on"( checked)?', page.body)]

    def test_invitation_page_with_seat_picking(self):
        org, svc = self.seeded("unauthorized", application="exchange", org_relationship="msp", size=range(0, 1),
                               test=lambda s: 2 <= s["seats"]["total"] <= 200)
        total = self.service(org, svc)["seats"]["total"]
        a = self.invite(org, svc, message="Hello <b>there</b> & welcome")
        inv = a["invitation"]
        self.assertEqual((a["state"], a["mode"]), ("pending_client_admin", "delegate"))
        self.assertEqual((inv["email"], inv["message"], inv["resend_count"]),
                         ("it.admin@client.example", "Hello <b>there</b> & welcome", 0))
        lifetime = parse_time(inv["expires_at"]) - parse_time(inv["sent_at"])
        self.assertAlmostEqual(lifetime.total_seconds(), 7 * 86400, delta=5)
        entry = self.audit(org)[0]
        self.assertEqual((entry["action"], entry["target_id"]), ("service.invite_admin", svc))

        page = self.assertStatus(self.page(inv["accept_url"]), 200)
        self.assertIn(b"Hello &lt;b&gt;there&lt;/b&gt; &amp; welcome", page.body)
        self.assertIn(b"I accept the service agreement", page.body)
        self.assertIn(b'href="/agreements/2025-01"', page.body)
        boxes = self.boxes(page)
        accounts, _ = self.client().list_all(accounts_path(org, svc))
        listed = sorted(x["id"] for x in accounts if x["status"] != "deleted")
        self.assertEqual(sorted(i for i, _ in boxes), listed)  # the tenant's directory, read on opening
        self.assertEqual(len([i for i, c in boxes if c]), min(total, len([x for x in accounts if x["status"] == "active"])))
        self.assertGreater(len(listed), total // 2)
        chosen = listed[:max(1, total // 2)]
        form = {"accept_agreement": "yes", "scope:tasks.read": "on", "scope:bogus": "on"}
        form.update({f"account:{i}": "on" for i in chosen})

        # Without the agreement ticked, the form comes back with the reason and the choices.
        again = self.assertStatus(self.page(inv["accept_url"], {k: v for k, v in form.items()
                                                                if k != "accept_agreement"}), 422)
        self.assertIn(b'role="alert"', again.body)
        self.assertEqual(sorted(i for i, c in self.boxes(again) if c), chosen)
        if len(listed) > total:
            too_many = dict(form, **{f"account:{i}": "on" for i in listed[:total + 1]})
            self.assertIn(b"seats", self.assertStatus(self.page(inv["accept_url"], too_many), 422).body)
        self.assertEqual(self.state(org, svc), "pending_client_admin")

        self.assertStatus(self.page(inv["accept_url"], form), 200)
        a = self.auth(org, svc)
        self.assertEqual((a["state"], a["mode"], a["invitation"]), ("authorized", "delegate", None))
        self.assertEqual((a["agreement"]["version"], a["agreement"]["accepted_by"]), ("2025-01", "it.admin@client.example"))
        self.assertEqual({s["key"] for s in a["scopes"] if s["granted"]}, {"mail.read", "mailbox_settings.read", "tasks.read"})
        accounts, _ = self.client().list_all(accounts_path(org, svc))
        self.assertEqual(sorted(x["id"] for x in accounts if x["protection"] != "unprotected"), chosen)
        self.assertTrue(all(x["protection"] == "protected" for x in accounts if x["id"] in chosen))
        self.assertEqual(self.service(org, svc)["seats"]["managed"], len(chosen))
        entry = self.audit(org)[0]
        self.assertEqual((entry["action"], entry["target_id"], entry["actor"]),
                         ("service.accept_invitation", svc, {"user_id": None, "email": "it.admin@client.example"}))
        self.assertStatus(self.page(inv["accept_url"]), 410)
        self.assertStatus(self.page(inv["accept_url"], form), 410)

    def test_new_service_picks_seats_from_its_directory(self):
        org, svc = self.new_service("sharepoint")
        self.assertEqual(self.service(org, svc)["seats"]["total"], 10)
        inv = self.invite(org, svc)["invitation"]
        boxes = self.boxes(self.assertStatus(self.page(inv["accept_url"]), 200))
        self.assertGreaterEqual(len(boxes), 3)
        self.assertLessEqual(len([b for b in boxes if b[1]]), 10)
        picked = [i for i, _ in boxes[:3]]
        form = {"accept_agreement": "yes", **{f"account:{i}": "on" for i in picked}}
        self.assertStatus(self.page(inv["accept_url"], dict(form, **{"account:acc_99999999": "on"})), 422)
        self.assertStatus(self.page(inv["accept_url"], form), 200)
        seats = self.service(org, svc)["seats"]
        self.assertEqual(seats["managed"], 3)
        self.assertEqual(self.state(org, svc), "authorized")

    def test_resend_and_cancel(self):
        org, svc = self.new_service("gmail")
        first = self.invite(org, svc)["invitation"]
        self.db.execute("UPDATE authorization_tokens SET expires_at = ? WHERE kind = 'invitation' AND service_id = ?",
                        now_text(-60), int(svc.split("_")[1]))
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
        self.assertEqual(self.audit(org)[0]["action"], "service.cancel_invitation")
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
        entries = len(self.audit(org))
        again = self.client().post(self.path(org, svc, "/delegate"), body, idempotency_key=key)
        self.assertEqual((again.status, again.body), (202, first.body))
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(len(self.audit(org)), entries)


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
        c = self.client("scoped_admin")
        scope = add_to_scope(self.client(), c, [org])
        self.assertIn(org, scope)
        self.assertNotIn(hidden, scope)
        self.assertStatus(c.get(self.path(org, svc)), 200)
        self.assertProblem(c.get(self.path(hidden, hidden_svc)), 404)
        self.assertProblem(c.post(self.path(hidden, hidden_svc, "/self")), 404)
        self.assertProblem(c.delete(self.path(hidden, hidden_svc, "/delegate"), if_match="*"), 404)
        owner = self.client()
        for path in (self.path(org, hidden_svc), self.path(org, "svc_99999999"), self.path("org_99999999", svc),
                     self.path(org, svc.replace("svc", "acc")), self.path("x", svc)):
            self.assertProblem(owner.get(path), 404)
        self.assertProblem(owner.post(self.path(org, hidden_svc, "/self")), 404)


if __name__ == "__main__":
    main()
