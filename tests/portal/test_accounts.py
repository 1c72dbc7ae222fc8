# SPDX-License-Identifier: GPL-3.0-or-later
"""The accounts endpoints: lazy materialization, filters, search, pagination, bulk protection."""

import datetime
import os
import sqlite3
import tempfile
import uuid

from portal_harness import Portal, PortalTestCase, main

ORGS = "/api/v1/organizations"


def now_text(delta_seconds=0):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=delta_seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Database:
    """What the API cannot set up: an expired link, a tombstone. The portal keeps running
    (SQLite in WAL mode)."""

    def __init__(self, path):
        self.path = path

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


def add_to_scope(owner, scoped, organizations):
    """Gives the user behind the @scoped client one more group, whose scope is @organizations;
    returns the organizations they see now (their seeded group's and these)."""
    group = owner.post("/api/v1/groups", {"name": f"Scope {uuid.uuid4().hex[:8]}"})
    assert group.status == 201, group
    group_id = group.json()["id"]
    r = owner.post(f"/api/v1/groups/{group_id}/organizations", {"organization_ids": list(organizations)})
    assert r.status == 200, r
    user_id = scoped.get("/api/v1/me").json()["user"]["id"]
    r = owner.post(f"/api/v1/groups/{group_id}/managers", {"user_ids": [user_id]})
    assert r.status == 200, r
    return {o["id"] for o in scoped.list_all(ORGS)[0]}


class Catalog:
    """The seeded organizations and their services, read once through the API; take() hands
    each test services of its own."""

    def __init__(self, client):
        self.orgs = {o["id"]: o for o in client.list_all(ORGS)[0]}
        self.services = [dict(s, org=o) for o in self.orgs.values() for s in o["services"]]
        self.taken = set()

    def take(self, n=1, **want):
        """Services not taken yet with the given members (org_<member> for the organization's),
        at most `size` accounts (managed + unprotected) unless size is given as a range."""
        size = want.pop("size", range(1, 201))
        test = want.pop("test", lambda s: True)
        found = []
        for s in self.services:
            if s["id"] in self.taken or s["seats"]["managed"] + s["seats"]["unprotected"] not in size or not test(s):
                continue
            if all((s["org"][k[4:]] if k.startswith("org_") else s[k]) == v for k, v in want.items()):
                found.append(s)
                self.taken.add(s["id"])
                if len(found) == n:
                    return found if n > 1 else found[0]
        raise AssertionError(f"the seed has too few services with {want}")


class AccountsCase(PortalTestCase):
    SEED = 60

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="pd-accounts-")
        cls.portal = Portal(seed=cls.SEED, database=os.path.join(cls.tmp.name, "portal.db"))
        cls.db = Database(os.path.join(cls.tmp.name, "portal.db"))
        cls.clients = {}
        cls.catalog = Catalog(cls.portal.client())

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
    def base(service):
        return f"{ORGS}/{service['organization_id']}/services/{service['id']}/accounts"

    def accounts(self, service, params=None, role="owner"):
        items, _ = self.client(role).list_all(self.base(service), params=params)
        return items

    def bulk(self, service, action, ids, role="owner", **kw):
        return self.client(role).post(self.base(service) + "/bulk", {"action": action, "account_ids": ids}, **kw)

    def service_now(self, service):
        r = self.client().get(f"{ORGS}/{service['organization_id']}/services/{service['id']}")
        return self.assertStatus(r, 200).json()

    def etags(self, service):
        org = self.assertStatus(self.client().get(f"{ORGS}/{service['organization_id']}"), 200)
        return self.service_now(service)["etag"], org.etag


class Materialization(AccountsCase):
    def test_accounts_match_the_seat_counters(self):
        service = self.catalog.take(application="exchange", authorization_state="authorized", org_relationship="msp",
                                    size=range(20, 201), test=lambda s: s["storage_bytes"] > 0)
        before = self.etags(service)
        items = self.accounts(service)
        managed = [a for a in items if a["protection"] in ("protected", "paused")]
        unprotected = [a for a in items if a["protection"] == "unprotected" and a["status"] == "active"]
        self.assertEqual(len(managed), service["seats"]["managed"])
        self.assertEqual(len(unprotected), service["seats"]["unprotected"])
        self.assertEqual(sum(a["storage_bytes"] for a in items), service["storage_bytes"])
        # Made up once: nothing changed, and the same accounts the next time.
        self.assertEqual(self.service_now(service)["seats"], service["seats"])
        self.assertEqual(self.etags(service), before)
        self.assertEqual(self.accounts(service), items)

    def test_shape_per_application(self):
        exchange = self.catalog.take(application="exchange", authorization_state="authorized", org_relationship="msp")
        domain = exchange["org"]["domain"]
        users = self.accounts(exchange)
        self.assertLessEqual({a["kind"] for a in users}, {"user", "shared_mailbox"})
        for a in users:
            self.assertEqual([s["data_type"] for s in a["sections"]], ["email", "calendar", "contacts", "tasks"])
            self.assertTrue(a["email"].endswith("@" + domain), a)
            self.assertEqual((a["organization_id"], a["service_id"]), (exchange["organization_id"], exchange["id"]))
            self.assertEqual(a["etag"], f'"{a["id"]}.1"')
        self.assertEqual(len({a["email"] for a in users}), len(users))
        for a in users:
            if a["protection"] == "protected":
                self.assertTrue(all(s["status"] in ("active", "running", "retrying") and s["added_at"]
                                    for s in a["sections"]), a)
            elif a["protection"] == "paused":
                self.assertEqual(a["backup_status"], "paused")

        sites = self.accounts(self.catalog.take(application="sharepoint", org_relationship="msp",
                                                authorization_state="authorized"))
        self.assertEqual({a["kind"] for a in sites}, {"site"})
        self.assertTrue(all(a["email"] is None and [s["data_type"] for s in a["sections"]] == ["drive"] for a in sites))
        teams = self.accounts(self.catalog.take(application="teams", org_relationship="msp",
                                                authorization_state="authorized"))
        self.assertEqual({a["kind"] for a in teams}, {"team"})
        gmail = self.accounts(self.catalog.take(application="gmail", org_relationship="msp",
                                                authorization_state="authorized"))
        self.assertTrue(all([s["data_type"] for s in a["sections"]] == ["email"] for a in gmail))

    def test_a_service_without_seats_has_no_accounts_yet(self):
        service = self.catalog.take(authorization_state="unauthorized", org_relationship="msp", size=range(0, 1))
        self.assertEqual(self.accounts(service), [])

    def test_same_service_same_accounts(self):
        results = []
        for _ in range(2):
            with tempfile.TemporaryDirectory() as tmp:
                portal = Portal(seed=5, database=os.path.join(tmp, "portal.db"))
                try:
                    client = portal.client()
                    service = Catalog(client).take(authorization_state="authorized", org_relationship="msp")
                    items, _ = client.list_all(self.base(service))
                    client.conn.close()
                finally:
                    portal.close()
            results.append([(a["id"], a["display_name"], a["email"], a["kind"], a["protection"], a["status"],
                             a["external_id"]) for a in items])
        self.assertEqual(results[0], results[1])
        self.assertGreater(len(results[0]), 0)


class Reading(AccountsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.catalog.take(application="exchange", authorization_state="authorized",
                                       org_relationship="msp", size=range(30, 201))
        cls.other = cls.catalog.take(authorization_state="authorized", org_relationship="msp",
                                     organization_id=cls.service["organization_id"])
        client = cls.portal.client()
        cls.all = client.list_all(cls.base(cls.service))[0]
        client.conn.close()

    def test_get_one_with_etag(self):
        a = self.all[3]
        r = self.assertStatus(self.client().get(f"{self.base(self.service)}/{a['id']}"), 200)
        self.assertEqual(r.json(), a)
        self.assertEqual(r.etag, a["etag"])

    def test_not_found(self):
        c = self.client()
        foreign = self.accounts(self.other)[0]["id"]
        base = self.base(self.service)
        elsewhere = next(o for o in self.catalog.orgs.values() if o["id"] != self.service["organization_id"])
        for path in (f"{base}/{foreign}",  # another service's account
                     f"{base}/acc_99999999", f"{base}/nope", f"{base}/org_1",
                     f"{ORGS}/{self.service['organization_id']}/services/svc_99999999/accounts",
                     f"{ORGS}/org_99999999/services/{self.service['id']}/accounts",
                     f"{ORGS}/{elsewhere['id']}/services/{self.service['id']}/accounts",
                     f"{ORGS}/xyz/services/{self.service['id']}/accounts"):
            self.assertProblem(c.get(path), 404)

    def test_filters(self):
        c = self.client()
        filters = {"kind": ["user", "shared_mailbox", "site"],
                   "protection": ["protected", "paused", "unprotected"],
                   "status": ["active", "deactivated", "deleted"],
                   "backup_status": ["success", "warning", "paused", "never_run", "failed", "running"]}
        for name, values in filters.items():
            for value in values:
                got = self.accounts(self.service, {name: value})
                self.assertEqual([a["id"] for a in got], [a["id"] for a in self.all if a[name] == value],
                                 f"{name}={value}")
        both = self.accounts(self.service, {"protection": "protected", "kind": "user"})
        self.assertEqual(len(both), len([a for a in self.all if a["protection"] == "protected" and a["kind"] == "user"]))
        self.assertGreater(len(both), 0)
        for name in filters:
            self.assertProblem(c.get(self.base(self.service), params={name: "bogus"}), 422, field=name)

    def test_search(self):
        def expected(q):
            f = q.casefold()
            return [a["id"] for a in self.all
                    if any(f in (v or "").casefold() for v in (a["display_name"], a["email"], a["id"], a["external_id"]))]

        sample = self.all[5]
        domain = self.service["org"]["domain"]
        queries = [sample["display_name"][1:5].upper(), sample["email"].split("@")[0][2:].upper(),
                   sample["external_id"][:8], sample["id"].upper(), domain.upper(), "ü", "%", "_", "'", "\U0001F600"]
        for q in queries:
            got = [a["id"] for a in self.accounts(self.service, {"q": q})]
            self.assertEqual(got, expected(q), q)
        self.assertIn(sample["id"], [a["id"] for a in self.accounts(self.service, {"q": sample["display_name"]})])
        self.assertEqual(len(self.accounts(self.service, {"q": domain})), len([a for a in self.all if a["email"]]))
        self.assertEqual(self.accounts(self.service, {"q": "%"}), [])

    def test_pagination(self):
        c = self.client()
        seen, params = [], {"limit": 7}
        while True:
            page = self.assertStatus(c.get(self.base(self.service), params=params), 200).json()
            self.assertLessEqual(len(page["items"]), 7)
            seen += [a["id"] for a in page["items"]]
            if not page["next_cursor"]:
                break
            params["cursor"] = page["next_cursor"]
        self.assertEqual(seen, [a["id"] for a in self.all])
        self.assertEqual(len(seen), len(set(seen)))
        self.assertProblem(c.get(self.base(self.service), params={"limit": 501}), 422, field="limit")
        self.assertProblem(c.get(self.base(self.service), params={"cursor": "bogus"}), 422, field="cursor")

    def test_updated_since_and_tombstones(self):
        c = self.client()
        first = self.assertStatus(c.get(self.base(self.other)), 200).json()
        since = first["server_time"]
        self.assertEqual(self.accounts(self.other, {"updated_since": since}), [])
        target = [a for a in first["items"] if a["protection"] == "protected"][0]
        self.assertStatus(self.bulk(self.other, "pause", [target["id"]]), 200)
        # A removed account, as the simulation or a service deletion would record it.
        self.db.execute("INSERT INTO tombstones (partner_id, kind, public_id, organization_id, parent_id, deleted_at) "
                        "VALUES (1, 'account', 'acc_77777777', ?, ?, ?)",
                        int(self.other["organization_id"].split("_")[1]), self.other["id"], now_text())
        page = self.assertStatus(c.get(self.base(self.other), params={"updated_since": since}), 200).json()
        self.assertEqual([a["id"] for a in page["items"]], [target["id"]])
        self.assertEqual([d["id"] for d in page["deleted"]], ["acc_77777777"])
        other = self.assertStatus(c.get(self.base(self.service), params={"updated_since": since}), 200).json()
        self.assertEqual(other["deleted"], [])
        self.assertProblem(c.get(self.base(self.service), params={"updated_since": "yesterday"}), 422,
                           field="updated_since")


class Access(AccountsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.catalog.take(authorization_state="authorized", org_relationship="msp")
        cls.resold = cls.catalog.take(authorization_state="authorized", org_relationship="reseller")
        owner, scoped = cls.portal.client(), cls.portal.client("scoped_admin")
        cls.scope = add_to_scope(owner, scoped, [cls.service["organization_id"], cls.resold["organization_id"]])
        owner.conn.close()
        scoped.conn.close()
        cls.hidden = cls.catalog.take(authorization_state="authorized", org_relationship="msp",
                                      test=lambda s: s["organization_id"] not in cls.scope)

    def test_unauthenticated(self):
        self.assertProblem(self.client(None).get(self.base(self.service)), 401)

    def test_permissions(self):
        r = self.client("finance").get(self.base(self.service))
        self.assertEqual(self.assertProblem(r, 403)["permission"], "accounts.read")
        ids = [a["id"] for a in self.accounts(self.service, role="technician") if a["protection"] == "protected"]
        r = self.bulk(self.service, "unprotect", ids[:1], role="technician")
        self.assertEqual(self.assertProblem(r, 403)["permission"], "accounts.protect")
        r = self.assertStatus(self.bulk(self.service, "pause", ids[:1], role="support"), 200)
        self.assertEqual(r.json()["results"][0]["status"], "ok")

    def test_reseller_has_no_authority(self):
        for r in (self.client().get(self.base(self.resold)),
                  self.client().get(f"{self.base(self.resold)}/acc_1"),
                  self.bulk(self.resold, "protect", ["acc_1"])):
            self.assertEqual(self.assertProblem(r, 403)["permission"], "relationship")

    def test_group_scope(self):
        c = self.client("scoped_admin")
        self.assertStatus(c.get(self.base(self.service)), 200)
        self.assertProblem(c.get(self.base(self.hidden)), 404)
        self.assertProblem(c.get(f"{self.base(self.hidden)}/acc_1"), 404)
        self.assertProblem(self.bulk(self.hidden, "protect", ["acc_1"], role="scoped_admin"), 404)
        self.assertStatus(self.client("admin").get(self.base(self.hidden)), 200)


class Bulk(AccountsCase):
    def take(self, **want):
        service = self.catalog.take(authorization_state="authorized", org_relationship="msp", **want)
        return service, self.accounts(service)

    @staticmethod
    def pick(items, protection, status="active", n=1):
        found = [a["id"] for a in items if a["protection"] == protection and a["status"] == status][:n]
        assert len(found) == n, f"too few {protection}/{status} accounts"
        return found

    def get(self, service, account_id):
        return self.assertStatus(self.client().get(f"{self.base(service)}/{account_id}"), 200).json()

    def test_protect_pause_unprotect(self):
        service, items = self.take(test=lambda s: s["seats"]["open"] >= 2 and s["seats"]["unprotected"] >= 3)
        seats = service["seats"]
        [u1, u2, u3] = self.pick(items, "unprotected", n=3)
        [p1] = self.pick(items, "protected")
        before = self.etags(service)
        old = self.get(service, u1)

        r = self.assertStatus(self.bulk(service, "protect", [u1, p1, u2]), 200).json()
        self.assertEqual([(x["id"], x["status"], x["problem"]) for x in r["results"]],
                         [(u1, "ok", None), (p1, "unchanged", None), (u2, "ok", None)])
        expected = {"total": seats["total"], "managed": seats["managed"] + 2, "open": seats["open"] - 2,
                    "unprotected": seats["unprotected"] - 2}
        self.assertEqual(r["seats"], expected)
        self.assertEqual(self.service_now(service)["seats"], expected)
        new = self.get(service, u1)
        self.assertEqual(new["protection"], "protected")
        self.assertNotEqual(new["etag"], old["etag"])
        self.assertGreater(new["updated_at"], old["updated_at"])
        self.assertTrue(all(s["status"] == "active" and s["added_at"] for s in new["sections"]))
        after = self.etags(service)
        self.assertNotEqual(after[0], before[0])  # the service and its organization changed
        self.assertNotEqual(after[1], before[1])

        r = self.assertStatus(self.bulk(service, "pause", [u1, u1, u3]), 200).json()
        self.assertEqual([x["status"] for x in r["results"]], ["ok", "unchanged", "error"])
        self.assertEqual(r["results"][2]["problem"]["code"], "not_protected")
        self.assertEqual(r["seats"]["managed"], seats["managed"] + 2)  # paused accounts keep their seat
        paused = self.get(service, u1)
        self.assertEqual((paused["protection"], paused["backup_status"]), ("paused", "paused"))
        self.assertTrue(all(s["status"] == "paused" for s in paused["sections"]))

        r = self.assertStatus(self.bulk(service, "unprotect", [u1, u2, p1]), 200).json()
        self.assertEqual([x["status"] for x in r["results"]], ["ok", "ok", "ok"])
        self.assertEqual(r["seats"], {"total": seats["total"], "managed": seats["managed"] - 1,
                                      "open": seats["open"] + 1, "unprotected": seats["unprotected"] + 1})
        gone = self.get(service, u1)
        self.assertTrue(all(s["status"] == "inactive" and s["added_at"] is None for s in gone["sections"]))
        r = self.assertStatus(self.bulk(service, "unprotect", [u1]), 200).json()
        self.assertEqual(r["results"][0]["status"], "unchanged")

    def test_errors_per_item(self):
        service, items = self.take(test=lambda s: s["seats"]["open"] >= 1 and s["seats"]["unprotected"] >= 1)
        other = self.catalog.take(authorization_state="authorized", org_relationship="msp")
        foreign = self.accounts(other)[0]["id"]
        deleted = [a["id"] for a in items if a["status"] == "deleted" and a["protection"] == "unprotected"][:1]
        ids = ["acc_99999999", "nope", foreign, "", self.pick(items, "unprotected")[0]] + deleted
        r = self.assertStatus(self.bulk(service, "protect", ids), 200).json()
        codes = [(x["status"], x["problem"] and x["problem"]["code"]) for x in r["results"]]
        self.assertEqual(codes, [("error", "not_found")] * 4 + [("ok", None)] + [("error", "account_deleted")] * len(deleted))
        self.assertEqual([x["id"] for x in r["results"]], ids)
        self.assertIn("nope", r["results"][1]["problem"]["detail"])

    def test_seat_limit_changes_nothing(self):
        service, items = self.take(test=lambda s: s["seats"]["unprotected"] > s["seats"]["open"])
        open_seats = service["seats"]["open"]
        asked = self.pick(items, "unprotected", n=open_seats + 1)
        paused = [a["id"] for a in items if a["protection"] == "paused"]
        before = self.etags(service)
        etags = {a["id"]: a["etag"] for a in items}
        # A paused account resumes without a new seat, so only the unprotected ones count.
        problem = self.assertProblem(self.bulk(service, "protect", paused + asked), 409)
        self.assertTrue(problem["type"].endswith("/seat-limit"), problem)
        needed = open_seats + 1
        self.assertEqual(problem["detail"], f"This needs {needed} seat{'s' if needed != 1 else ''} but only "
                                            f"{open_seats} {'is' if open_seats == 1 else 'are'} open; raise the total "
                                            "licenses or unprotect accounts first.")
        self.assertEqual(self.service_now(service)["seats"], service["seats"])
        self.assertEqual(self.etags(service), before)
        self.assertEqual({a["id"]: a["etag"] for a in self.accounts(service)}, etags)
        # Exactly the open seats fit.
        r = self.assertStatus(self.bulk(service, "protect", paused + asked[:open_seats]), 200).json()
        self.assertEqual(r["seats"]["open"], 0)
        self.assertEqual(r["seats"]["managed"], service["seats"]["managed"] + open_seats)

    def test_validation(self):
        service, items = self.take()
        some = [items[0]["id"]]
        path = self.base(service) + "/bulk"
        self.assertProblem(self.bulk(service, "protect", [f"acc_{i}" for i in range(501)]), 422, field="account_ids")
        self.assertProblem(self.bulk(service, "protect", []), 422, field="account_ids")
        self.assertProblem(self.bulk(service, "delete", some), 422, field="action")
        self.assertProblem(self.client().post(path, {"action": "pause", "account_ids": [1, 2]}), 422,
                           field="account_ids[0]")
        self.assertProblem(self.client().post(path, {"action": "pause", "account_ids": some, "force": True}), 422,
                           field="force")
        self.assertProblem(self.client().post(path, None), 422)
        r = self.client().request("POST", path, body=b"{nope", headers={"Content-Type": "application/json"})
        self.assertProblem(r, 400)
        r = self.assertStatus(self.bulk(service, "unprotect", [f"acc_{i}" for i in range(900000, 900500)]), 200)
        self.assertEqual(len(r.json()["results"]), 500)

    def test_idempotent_replay(self):
        service, items = self.take(test=lambda s: s["seats"]["open"] >= 1 and s["seats"]["unprotected"] >= 1)
        [u1] = self.pick(items, "unprotected")
        key = str(uuid.uuid4())
        first = self.assertStatus(self.bulk(service, "protect", [u1], idempotency_key=key), 200)
        before = self.etags(service)
        again = self.assertStatus(self.bulk(service, "protect", [u1], idempotency_key=key), 200)
        self.assertEqual(again.body, first.body)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(again.json()["results"][0]["status"], "ok")  # the original answer, not "unchanged"
        self.assertEqual(self.etags(service), before)
        self.assertProblem(self.bulk(service, "unprotect", [u1], idempotency_key=key), 422, field="Idempotency-Key")
        self.assertEqual(self.get(service, u1)["protection"], "protected")

    def test_one_audit_entry_per_call(self):
        service, items = self.take(test=lambda s: s["seats"]["open"] >= 2 and s["seats"]["unprotected"] >= 2)
        ids = self.pick(items, "unprotected", n=2) + ["acc_99999999"]
        log = "/api/v1/audit-log"
        params = {"organization_id": service["organization_id"], "action": "accounts.protect"}
        before = self.client().list_all(log, params=params)[0]
        self.assertStatus(self.bulk(service, "protect", ids), 200)
        after = self.client().list_all(log, params=params)[0]
        self.assertEqual(len(after), len(before) + 1)
        entry = after[0]
        self.assertEqual((entry["target_type"], entry["target_id"], entry["organization_id"]),
                         ("service", service["id"], service["organization_id"]))
        self.assertEqual(entry["actor"]["email"], "owner@northwind-it.example")
        for text in ("3 accounts", "2 changed", "0 unchanged", "1 failed"):
            self.assertIn(text, entry["summary"])


if __name__ == "__main__":
    main()
