# SPDX-License-Identifier: GPL-3.0-or-later
"""The accounts endpoints: lazy materialization, filters, search, pagination, bulk protection."""

import datetime
import os
import sqlite3
import tempfile
import uuid

from portal_harness import Portal, PortalTestCase, main

GOOGLE = {"gmail", "drive", "calendar", "contacts", "shared_drives"}


def now_text(delta_seconds=0):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=delta_seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Fixture:
    """Organizations and services written straight into the portal's database file (the portal
    keeps running: SQLite in WAL mode), so each test gets services in the state it needs."""

    def __init__(self, path):
        self.path = path
        self.next_org = 1000
        self.next_svc = 1000

    def execute(self, sql, *args):
        db = sqlite3.connect(self.path, timeout=10)
        try:
            rows = db.execute(sql, args).fetchall()
            db.commit()
            return rows
        finally:
            db.close()

    def scalar(self, sql, *args):
        return self.execute(sql, *args)[0][0]

    def organization(self, name="Alpine Bakery", relationship="msp", domain="alpine-bakery.example",
                     credential_status="ok"):
        self.next_org += 1
        self.execute("INSERT INTO organizations (id, partner_id, name, email, domain, plan_name, plan_type, "
                     "relationship, credential_status, created_at, updated_at) "
                     "VALUES (?, 1, ?, ?, ?, 'Backup 50', 'backup', ?, ?, ?, ?)",
                     self.next_org, name, f"it@{domain}", domain, relationship, credential_status,
                     now_text(-400 * 86400), now_text(-86400))
        return self.next_org

    def service(self, org, application, state="authorized", total=30, managed=20, unprotected=6,
                backup_status="success", storage=0):
        self.next_svc += 1
        suite = "google_workspace" if application in GOOGLE else "microsoft365"
        last = None if backup_status == "never_run" else now_text(-3600)
        self.execute("INSERT INTO services (id, organization_id, suite, application, authorization_state, "
                     "backup_status, last_backup_at, seats_total, seats_managed, seats_unprotected, storage_bytes, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     self.next_svc, org, suite, application, state, backup_status, last, total, managed,
                     unprotected, storage, now_text(-300 * 86400), now_text(-86400))
        return self.next_svc

    def limit_scope(self, email, organizations):
        """Makes the user with @email a group manager whose scope is @organizations."""
        user = self.scalar("SELECT id FROM users WHERE email = ? AND partner_id = 1", email)
        group = self.scalar("SELECT coalesce(max(id), 0) + 1000 FROM groups")
        self.execute("INSERT INTO groups (id, partner_id, name, created_at, updated_at) VALUES (?, 1, ?, ?, ?)",
                     group, f"Scope {group}", now_text(), now_text())
        self.execute("INSERT INTO group_managers (group_id, user_id) VALUES (?, ?)", group, user)
        for org in organizations:
            self.execute("INSERT INTO group_organizations (group_id, organization_id) VALUES (?, ?)", group, org)


class AccountsCase(PortalTestCase):
    SEED = 3

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="pd-accounts-")
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

    @staticmethod
    def base(org, svc):
        return f"/api/v1/organizations/org_{org}/services/svc_{svc}/accounts"

    def accounts(self, org, svc, params=None, role="owner"):
        items, _ = self.client(role).list_all(self.base(org, svc), params=params)
        return items

    def bulk(self, org, svc, action, ids, role="owner", **kw):
        return self.client(role).post(self.base(org, svc) + "/bulk", {"action": action, "account_ids": ids}, **kw)

    def seats(self, svc):
        total, managed, unprotected = self.fx.execute(
            "SELECT seats_total, seats_managed, seats_unprotected FROM services WHERE id = ?", svc)[0]
        return {"total": total, "managed": managed, "open": max(0, total - managed), "unprotected": unprotected}

    def versions(self, org, svc):
        return (self.fx.scalar("SELECT version FROM services WHERE id = ?", svc),
                self.fx.scalar("SELECT version FROM organizations WHERE id = ?", org))


class Materialization(AccountsCase):
    def test_accounts_match_the_seat_counters(self):
        org = self.fx.organization()
        svc = self.fx.service(org, "exchange", managed=23, unprotected=7, total=30, storage=50 * 2**30)
        before = self.versions(org, svc)
        items = self.accounts(org, svc)
        managed = [a for a in items if a["protection"] in ("protected", "paused")]
        unprotected = [a for a in items if a["protection"] == "unprotected" and a["status"] == "active"]
        self.assertEqual(len(managed), 23)
        self.assertEqual(len(unprotected), 7)
        # Made up once: the counters and versions stay, the storage adds up.
        self.assertEqual(self.seats(svc), {"total": 30, "managed": 23, "open": 7, "unprotected": 7})
        self.assertEqual(self.versions(org, svc), before)
        self.assertEqual(sum(a["storage_bytes"] for a in items), 50 * 2**30)
        self.assertEqual(self.accounts(org, svc), items)

    def test_shape_per_application(self):
        org = self.fx.organization(name="Fjord Freight", domain="fjord-freight.example")
        exchange = self.fx.service(org, "exchange", managed=12, unprotected=2)
        sharepoint = self.fx.service(org, "sharepoint", managed=6, unprotected=2)
        teams = self.fx.service(org, "teams", managed=3, unprotected=1)

        users = self.accounts(org, exchange)
        self.assertLessEqual({a["kind"] for a in users}, {"user", "shared_mailbox"})
        for a in users:
            self.assertEqual([s["data_type"] for s in a["sections"]], ["email", "calendar", "contacts", "tasks"])
            self.assertTrue(a["email"].endswith("@fjord-freight.example"), a)
            self.assertEqual(a["organization_id"], f"org_{org}")
            self.assertEqual(a["service_id"], f"svc_{exchange}")
            self.assertEqual(a["etag"], f'"{a["id"]}.1"')
        self.assertEqual(len({a["email"] for a in users}), len(users))
        protected = [a for a in users if a["protection"] == "protected"]
        self.assertTrue(all(s["status"] in ("active", "running", "retrying") and s["added_at"]
                            for a in protected for s in a["sections"]))
        paused = [a for a in users if a["protection"] == "paused"]
        self.assertTrue(all(a["backup_status"] == "paused" for a in paused))

        sites = self.accounts(org, sharepoint)
        self.assertEqual({a["kind"] for a in sites}, {"site"})
        self.assertTrue(all(a["email"] is None and [s["data_type"] for s in a["sections"]] == ["drive"]
                            for a in sites))
        self.assertEqual({a["kind"] for a in self.accounts(org, teams)}, {"team"})

        never = self.fx.service(org, "onedrive", state="unauthorized", managed=0, unprotected=5,
                                backup_status="never_run")
        for a in self.accounts(org, never):
            self.assertEqual(a["backup_status"], "never_run")
            self.assertIsNone(a["last_backup_at"])
            self.assertEqual([(s["status"], s["added_at"]) for s in a["sections"]], [("inactive", None)])

    def test_same_service_id_same_accounts(self):
        def names(portal, fixture):
            org = fixture.organization(name="Quince Labs", domain="quince.example")
            svc = fixture.service(org, "gmail", managed=15, unprotected=4)
            client = portal.client()
            items, _ = client.list_all(self.base(org, svc))
            client.conn.close()
            return [(a["display_name"], a["email"], a["kind"], a["protection"], a["status"], a["external_id"])
                    for a in items]

        results = []
        for _ in range(2):
            with tempfile.TemporaryDirectory() as tmp:
                other = Portal(seed=self.SEED, database=os.path.join(tmp, "portal.db"))
                try:
                    results.append(names(other, Fixture(os.path.join(tmp, "portal.db"))))
                finally:
                    other.close()
        first, second = results
        self.assertEqual(first, second)
        self.assertEqual(len(first), len({f[1] for f in first}))


class Reading(AccountsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.org = cls.fx.organization(name="Harbor Dental", domain="harbor-dental.example")
        cls.svc = cls.fx.service(cls.org, "exchange", managed=40, unprotected=15, total=60,
                                 backup_status="warning")
        cls.other_svc = cls.fx.service(cls.org, "onedrive", managed=5, unprotected=1)
        client = cls.portal.client()
        cls.all = client.list_all(cls.base(cls.org, cls.svc))[0]
        client.conn.close()

    def test_get_one_with_etag(self):
        a = self.all[3]
        r = self.assertStatus(self.client().get(f"{self.base(self.org, self.svc)}/{a['id']}"), 200)
        self.assertEqual(r.json(), a)
        self.assertEqual(r.etag, a["etag"])

    def test_not_found(self):
        c = self.client()
        other = self.accounts(self.org, self.other_svc)[0]["id"]
        for path in (f"{self.base(self.org, self.svc)}/{other}",         # another service's account
                     f"{self.base(self.org, self.svc)}/acc_99999999",
                     f"{self.base(self.org, self.svc)}/nope",
                     f"{self.base(self.org, self.svc)}/org_1",
                     self.base(self.org, 99999),
                     self.base(99999, self.svc),
                     f"/api/v1/organizations/xyz/services/svc_{self.svc}/accounts"):
            self.assertProblem(c.get(path), 404)
        org2 = self.fx.organization(name="Elsewhere", domain="elsewhere.example")
        self.assertProblem(c.get(self.base(org2, self.svc)), 404)  # the service is not org2's

    def test_filters(self):
        c = self.client()
        filters = {"kind": ["user", "shared_mailbox", "site"],
                   "protection": ["protected", "paused", "unprotected"],
                   "status": ["active", "deactivated", "deleted"],
                   "backup_status": ["success", "warning", "paused", "never_run", "failed"]}
        for name, values in filters.items():
            for value in values:
                got = self.accounts(self.org, self.svc, {name: value})
                self.assertEqual([a["id"] for a in got], [a["id"] for a in self.all if a[name] == value],
                                 f"{name}={value}")
        both = self.accounts(self.org, self.svc, {"protection": "protected", "kind": "user"})
        self.assertEqual(len(both), len([a for a in self.all if a["protection"] == "protected" and a["kind"] == "user"]))
        for name in filters:
            self.assertProblem(c.get(self.base(self.org, self.svc), params={name: "bogus"}), 422, field=name)

    def test_search(self):
        def expected(q):
            f = q.casefold()
            return [a["id"] for a in self.all
                    if any(f in (v or "").casefold() for v in (a["display_name"], a["email"], a["id"], a["external_id"]))]

        sample = self.all[5]
        queries = [sample["display_name"][1:5].upper(), sample["email"].split("@")[0][2:].upper(),
                   sample["external_id"][:8], sample["id"].upper(), "HARBOR-DENTAL", "ü", "%", "_", "'", "\U0001F600"]
        for q in queries:
            got = [a["id"] for a in self.accounts(self.org, self.svc, {"q": q})]
            self.assertEqual(got, expected(q), q)
        self.assertIn(sample["id"], [a["id"] for a in self.accounts(self.org, self.svc, {"q": sample["display_name"]})])
        self.assertEqual(self.accounts(self.org, self.svc, {"q": "%"}), [])

    def test_pagination(self):
        c = self.client()
        seen, params = [], {"limit": 7}
        while True:
            page = self.assertStatus(c.get(self.base(self.org, self.svc), params=params), 200).json()
            self.assertLessEqual(len(page["items"]), 7)
            seen += [a["id"] for a in page["items"]]
            if not page["next_cursor"]:
                break
            params["cursor"] = page["next_cursor"]
        self.assertEqual(seen, [a["id"] for a in self.all])
        self.assertEqual(len(seen), len(set(seen)))
        self.assertProblem(c.get(self.base(self.org, self.svc), params={"limit": 501}), 422, field="limit")
        self.assertProblem(c.get(self.base(self.org, self.svc), params={"cursor": "bogus"}), 422, field="cursor")

    def test_updated_since_and_tombstones(self):
        c = self.client()
        first = self.assertStatus(c.get(self.base(self.org, self.other_svc)), 200).json()
        since = first["server_time"]
        self.assertEqual(self.accounts(self.org, self.other_svc, {"updated_since": since}), [])
        target = [a for a in first["items"] if a["protection"] == "protected"][0]
        self.assertStatus(self.bulk(self.org, self.other_svc, "pause", [target["id"]]), 200)
        # A removed account, as the simulation or a service deletion would record it.
        self.fx.execute("INSERT INTO tombstones (partner_id, kind, public_id, organization_id, parent_id, deleted_at) "
                        "VALUES (1, 'account', 'acc_77777777', ?, ?, ?)", self.org, f"svc_{self.other_svc}", now_text())
        page = self.assertStatus(c.get(self.base(self.org, self.other_svc), params={"updated_since": since}), 200).json()
        self.assertEqual([a["id"] for a in page["items"]], [target["id"]])
        self.assertEqual([d["id"] for d in page["deleted"]], ["acc_77777777"])
        other = self.assertStatus(c.get(self.base(self.org, self.svc), params={"updated_since": since}), 200).json()
        self.assertEqual(other["deleted"], [])
        self.assertProblem(c.get(self.base(self.org, self.svc), params={"updated_since": "yesterday"}), 422,
                           field="updated_since")


class Access(AccountsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.org = cls.fx.organization(name="Cedar School", domain="cedar-school.example")
        cls.svc = cls.fx.service(cls.org, "drive", managed=4, unprotected=2, total=10)
        cls.reseller = cls.fx.organization(name="Resold Retail", relationship="reseller", domain="resold.example")
        cls.resold_svc = cls.fx.service(cls.reseller, "gmail", managed=3, unprotected=1)
        cls.hidden = cls.fx.organization(name="Hidden Hotel", domain="hidden-hotel.example")
        cls.hidden_svc = cls.fx.service(cls.hidden, "exchange", managed=2, unprotected=1)
        cls.fx.limit_scope("scoped.admin@northwind-it.example", [cls.org, cls.reseller])

    def test_unauthenticated(self):
        r = self.client(None).get(self.base(self.org, self.svc))
        self.assertProblem(r, 401)

    def test_permissions(self):
        r = self.client("finance").get(self.base(self.org, self.svc))
        self.assertEqual(self.assertProblem(r, 403)["permission"], "accounts.read")
        ids = [a["id"] for a in self.accounts(self.org, self.svc, role="technician")]
        r = self.bulk(self.org, self.svc, "unprotect", ids[:1], role="technician")
        self.assertEqual(self.assertProblem(r, 403)["permission"], "accounts.protect")
        self.assertStatus(self.bulk(self.org, self.svc, "protect", ids[:1], role="support"), 200)

    def test_reseller_has_no_authority(self):
        c = self.client()
        for r in (c.get(self.base(self.reseller, self.resold_svc)),
                  c.get(f"{self.base(self.reseller, self.resold_svc)}/acc_1"),
                  self.bulk(self.reseller, self.resold_svc, "protect", ["acc_1"])):
            self.assertEqual(self.assertProblem(r, 403)["permission"], "relationship")

    def test_group_scope(self):
        c = self.client("scoped_admin")
        self.assertStatus(c.get(self.base(self.org, self.svc)), 200)
        self.assertProblem(c.get(self.base(self.hidden, self.hidden_svc)), 404)
        self.assertProblem(self.bulk(self.hidden, self.hidden_svc, "protect", ["acc_1"], role="scoped_admin"), 404)
        self.assertStatus(self.client("admin").get(self.base(self.hidden, self.hidden_svc)), 200)


class Bulk(AccountsCase):
    def setUp(self):
        self.org = self.fx.organization(name=f"Bulk Co {uuid.uuid4().hex[:6]}", domain="bulk.example")
        self.svc = self.fx.service(self.org, "exchange", managed=10, unprotected=8, total=14)
        self.items = self.accounts(self.org, self.svc)

    def pick(self, protection, status="active", n=1):
        found = [a for a in self.items if a["protection"] == protection and a["status"] == status][:n]
        self.assertEqual(len(found), n, f"the fixture has too few {protection}/{status} accounts")
        return [a["id"] for a in found]

    def get(self, account_id):
        return self.assertStatus(self.client().get(f"{self.base(self.org, self.svc)}/{account_id}"), 200).json()

    def test_protect_pause_unprotect(self):
        [u1, u2] = self.pick("unprotected", n=2)
        [p1] = self.pick("protected")
        before = self.versions(self.org, self.svc)
        old = self.get(u1)

        r = self.assertStatus(self.bulk(self.org, self.svc, "protect", [u1, p1, u2]), 200).json()
        self.assertEqual([(x["id"], x["status"], x["problem"]) for x in r["results"]],
                         [(u1, "ok", None), (p1, "unchanged", None), (u2, "ok", None)])
        self.assertEqual(r["seats"], {"total": 14, "managed": 12, "open": 2, "unprotected": 6})
        self.assertEqual(r["seats"], self.seats(self.svc))
        new = self.get(u1)
        self.assertEqual(new["protection"], "protected")
        self.assertNotEqual(new["etag"], old["etag"])
        self.assertGreater(new["updated_at"], old["updated_at"])
        self.assertTrue(all(s["status"] == "active" and s["added_at"] for s in new["sections"]))
        after = self.versions(self.org, self.svc)
        self.assertGreater(after[0], before[0])
        self.assertGreater(after[1], before[1])

        [_, _, u3] = self.pick("unprotected", n=3)
        r = self.assertStatus(self.bulk(self.org, self.svc, "pause", [u1, u1, u3]), 200).json()
        self.assertEqual([x["status"] for x in r["results"]], ["ok", "unchanged", "error"])
        self.assertEqual(r["results"][2]["problem"]["code"], "not_protected")
        self.assertEqual(r["seats"]["managed"], 12)  # paused accounts keep their seat
        paused = self.get(u1)
        self.assertEqual((paused["protection"], paused["backup_status"]), ("paused", "paused"))
        self.assertTrue(all(s["status"] == "paused" for s in paused["sections"]))

        r = self.assertStatus(self.bulk(self.org, self.svc, "unprotect", [u1, u2, p1]), 200).json()
        self.assertEqual([x["status"] for x in r["results"]], ["ok", "ok", "ok"])
        self.assertEqual(r["seats"], {"total": 14, "managed": 9, "open": 5, "unprotected": 9})
        gone = self.get(u1)
        self.assertTrue(all(s["status"] == "inactive" and s["added_at"] is None for s in gone["sections"]))
        r = self.assertStatus(self.bulk(self.org, self.svc, "unprotect", [u1]), 200).json()
        self.assertEqual(r["results"][0]["status"], "unchanged")

    def test_errors_per_item(self):
        other_org = self.fx.organization(name="Other Co", domain="other.example")
        other_svc = self.fx.service(other_org, "exchange", managed=2, unprotected=1)
        foreign = self.accounts(other_org, other_svc)[0]["id"]
        ids = ["acc_99999999", "nope", foreign, "", self.pick("unprotected")[0]]
        deleted = [a["id"] for a in self.items if a["status"] == "deleted" and a["protection"] == "unprotected"]
        ids += deleted[:1]
        r = self.assertStatus(self.bulk(self.org, self.svc, "protect", ids), 200).json()
        codes = [(x["status"], x["problem"] and x["problem"]["code"]) for x in r["results"]]
        expected = [("error", "not_found")] * 4 + [("ok", None)] + [("error", "account_deleted")] * len(deleted[:1])
        self.assertEqual(codes, expected)
        self.assertEqual([x["id"] for x in r["results"]], ids)
        self.assertIn("nope", r["results"][1]["problem"]["detail"])

    def test_seat_limit_changes_nothing(self):
        unprotected = self.pick("unprotected", n=5)
        paused = [a["id"] for a in self.items if a["protection"] == "paused"]
        seats, versions = self.seats(self.svc), self.versions(self.org, self.svc)
        etags = {a["id"]: a["etag"] for a in self.items}
        # 4 open seats; a paused account resumes without a new seat.
        r = self.bulk(self.org, self.svc, "protect", paused + unprotected)
        problem = self.assertProblem(r, 409)
        self.assertTrue(problem["type"].endswith("/seat-limit"), problem)
        self.assertEqual(problem["detail"], "This needs 5 seats but only 4 are open; raise the total licenses "
                                            "or unprotect accounts first.")
        self.assertEqual(self.seats(self.svc), seats)
        self.assertEqual(self.versions(self.org, self.svc), versions)
        self.assertEqual({a["id"]: a["etag"] for a in self.accounts(self.org, self.svc)}, etags)
        # Exactly the open seats fit.
        r = self.assertStatus(self.bulk(self.org, self.svc, "protect", paused + unprotected[:4]), 200).json()
        self.assertEqual(r["seats"]["open"], 0)
        self.assertEqual(r["seats"]["managed"], 14)

    def test_validation(self):
        some = self.pick("protected")
        self.assertProblem(self.bulk(self.org, self.svc, "protect", [f"acc_{i}" for i in range(501)]), 422,
                           field="account_ids")
        self.assertProblem(self.bulk(self.org, self.svc, "protect", []), 422, field="account_ids")
        self.assertProblem(self.bulk(self.org, self.svc, "delete", some), 422, field="action")
        self.assertProblem(self.client().post(self.base(self.org, self.svc) + "/bulk",
                                              {"action": "pause", "account_ids": [1, 2]}), 422, field="account_ids[0]")
        self.assertProblem(self.client().post(self.base(self.org, self.svc) + "/bulk",
                                              {"action": "pause", "account_ids": some, "force": True}), 422, field="force")
        self.assertProblem(self.client().post(self.base(self.org, self.svc) + "/bulk", None), 422)
        r = self.client().request("POST", self.base(self.org, self.svc) + "/bulk", body=b"{nope",
                                  headers={"Content-Type": "application/json"})
        self.assertProblem(r, 400)
        r = self.assertStatus(self.bulk(self.org, self.svc, "pause", [f"acc_{i}" for i in range(1, 501)]), 200)
        self.assertEqual(len(r.json()["results"]), 500)

    def test_idempotent_replay(self):
        [u1] = self.pick("unprotected")
        key = str(uuid.uuid4())
        first = self.assertStatus(self.bulk(self.org, self.svc, "protect", [u1], idempotency_key=key), 200)
        versions = self.versions(self.org, self.svc)
        again = self.assertStatus(self.bulk(self.org, self.svc, "protect", [u1], idempotency_key=key), 200)
        self.assertEqual(again.body, first.body)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(again.json()["results"][0]["status"], "ok")  # the original answer, not "unchanged"
        self.assertEqual(self.versions(self.org, self.svc), versions)
        self.assertProblem(self.bulk(self.org, self.svc, "unprotect", [u1], idempotency_key=key), 422,
                           field="Idempotency-Key")
        self.assertEqual(self.get(u1)["protection"], "protected")

    def test_one_audit_entry_per_call(self):
        ids = self.pick("unprotected", n=2) + ["acc_99999999"]
        count = self.fx.scalar("SELECT count(*) FROM audit_log")
        self.assertStatus(self.bulk(self.org, self.svc, "protect", ids), 200)
        rows = self.fx.execute("SELECT action, target_type, target_id, organization_id, summary FROM audit_log "
                               "ORDER BY id DESC LIMIT 1")
        self.assertEqual(self.fx.scalar("SELECT count(*) FROM audit_log"), count + 1)
        action, target_type, target_id, org, summary = rows[0]
        self.assertEqual((action, target_type, target_id, org), ("accounts.protect", "service", f"svc_{self.svc}", self.org))
        self.assertIn("3 accounts", summary)
        self.assertIn("2 changed", summary)
        self.assertIn("1 failed", summary)


if __name__ == "__main__":
    main()
