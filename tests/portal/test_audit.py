# SPDX-License-Identifier: GPL-3.0-or-later
"""The audit log: entries written by mutations, newest-first pagination, filters, scoping."""

import base64
import collections
import datetime
import os
import sqlite3

from portal_harness import Portal, PortalTestCase, main

AUDIT = "/api/v1/audit-log"


def number(public_id):
    return int(public_id.split("_")[1])


class Case(PortalTestCase):
    def setUp(self):
        self.clients = []
        self.owner = self.client("owner")

    def tearDown(self):
        for client in self.clients:
            if client.conn is not None:
                client.conn.close()

    def client(self, role="owner", **kw):
        client = super().client(role, **kw)
        self.clients.append(client)
        return client

    def walk(self, client=None, **params):
        items, _ = (client or self.owner).list_all(AUDIT, params=params, limit=params.pop("limit", 500))
        return items

    def change_report_settings(self):
        current = self.owner.get("/api/v1/report-settings").json()
        period = "daily" if current["period"] != "daily" else "monthly"
        r = self.owner.put("/api/v1/report-settings", {"period": period, "recipients": current["recipients"]},
                           if_match=current["etag"])
        return self.assertStatus(r, 200)


class AuditLog(Case):
    def test_a_mutation_appears_with_actor_and_summary(self):
        r = self.change_report_settings()
        entry = self.owner.get(AUDIT, params={"limit": 1}).json()["items"][0]
        self.assertEqual(entry["action"], "report_settings.update")
        self.assertEqual(entry["target_type"], "report_settings")
        self.assertTrue(entry["target_id"].startswith("ptn_"))
        self.assertIsNone(entry["organization_id"])
        self.assertEqual(entry["actor"]["email"], "owner@northwind-it.example")
        self.assertTrue(entry["actor"]["user_id"].startswith("usr_"))
        self.assertIn(r.json()["period"], entry["summary"])
        self.assertEqual(entry["request_id"], r.headers["x-request-id"])
        self.assertTrue(entry["id"].startswith("aud_"))

    def test_newest_first_walk_is_complete_and_duplicate_free(self):
        desc = self.walk(limit=37)
        ids = [number(e["id"]) for e in desc]
        self.assertGreaterEqual(len(ids), 300, "the seeded history")
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(ids, sorted(ids, reverse=True))
        times = [e["created_at"] for e in desc]
        self.assertEqual(times, sorted(times, reverse=True))
        asc = self.walk(limit=41, order="asc")
        self.assertEqual([e["id"] for e in asc], [e["id"] for e in reversed(desc)])
        self.assertEqual(self.walk(), desc)

    def test_walk_while_new_entries_arrive(self):
        before = [e["id"] for e in self.walk()]
        seen = []
        params = {"limit": 50}
        first = True
        while True:
            page = self.assertStatus(self.owner.get(AUDIT, params=params), 200).json()
            seen += [e["id"] for e in page["items"]]
            if first:
                self.change_report_settings()  # a new entry arrives mid-walk
                first = False
            if not page["next_cursor"]:
                break
            params["cursor"] = page["next_cursor"]
        self.assertEqual(seen, before)
        newest = self.owner.get(AUDIT, params={"limit": 1}).json()["items"][0]
        self.assertNotIn(newest["id"], seen)
        self.assertGreater(number(newest["id"]), number(before[0]))

    def test_filters(self):
        everything = self.walk()
        by_action = collections.Counter(e["action"] for e in everything)
        by_target = collections.Counter(e["target_type"] for e in everything)
        by_actor = collections.Counter(e["actor"]["user_id"] for e in everything)
        self.assertGreater(len(by_action), 5)
        for action in list(by_action)[:4]:
            got = self.walk(action=action)
            self.assertEqual(len(got), by_action[action], action)
            self.assertTrue(all(e["action"] == action for e in got))
        for target in list(by_target)[:3]:
            got = self.walk(target_type=target)
            self.assertEqual(len(got), by_target[target], target)
            self.assertTrue(all(e["target_type"] == target for e in got))
        actor = by_actor.most_common(1)[0][0]
        got = self.walk(actor=actor)
        self.assertEqual(len(got), by_actor[actor])
        self.assertTrue(all(e["actor"]["user_id"] == actor for e in got))
        self.assertEqual(self.walk(action="no.such_action"), [])

        middle = everything[len(everything) // 2]["created_at"]
        newer = self.walk(since=middle)
        older = self.walk(until=middle)
        self.assertEqual(len(newer) + len(older), len(everything))
        self.assertTrue(all(e["created_at"] >= middle for e in newer))
        self.assertTrue(all(e["created_at"] < middle for e in older))
        self.assertEqual(self.walk(updated_since=middle), newer)
        since, until = older[10]["created_at"], newer[-1]["created_at"]
        window = self.walk(since=since, until=until, order="asc")
        expected = [e["id"] for e in reversed(everything) if since <= e["created_at"] < until]
        self.assertGreaterEqual(len(expected), 11)
        self.assertEqual([e["id"] for e in window], expected)

    def test_invalid_parameters(self):
        asc_cursor = self.owner.get(AUDIT, params={"limit": 1, "order": "asc"}).json()["next_cursor"]
        self.assertIsNotNone(asc_cursor)
        cases = [
            ({"order": "sideways"}, "order"),
            ({"cursor": "garbage"}, "cursor"),
            ({"cursor": asc_cursor}, "cursor"),  # a forward cursor on the newest-first list
            ({"cursor": base64.b64encode(b"before:0").decode()}, "cursor"),
            ({"actor": "bob"}, "actor"),
            ({"organization_id": "42"}, "organization_id"),
            ({"since": "yesterday"}, "since"),
            ({"until": "2026-13-45T00:00:00Z"}, "until"),
            ({"limit": "0"}, "limit"),
            ({"updated_since": "soon"}, "updated_since"),
        ]
        for params, field in cases:
            with self.subTest(field=field, params=params):
                self.assertProblem(self.owner.get(AUDIT, params=params), 422, field)

    def test_permissions(self):
        for role in ("finance", "support"):
            p = self.assertProblem(self.client(role).get(AUDIT), 403)
            self.assertEqual(p["permission"], "audit.read")
        self.assertStatus(self.client("technician").get(AUDIT), 200)
        anonymous = self.portal.anonymous()
        self.clients.append(anonymous)
        self.assertProblem(anonymous.get(AUDIT), 401)

    def test_other_partners_entries_are_not_listed(self):
        emails = {e["actor"]["email"] for e in self.walk()}
        self.assertIn("owner@northwind-it.example", emails)
        self.assertNotIn("owner@bluewater.example", emails)  # the second demo partner has a history too


class Scoped(Case):
    """A scoped admin sees entries about the organizations of the groups they manage, and the
    entries without an organization that they wrote themselves. The scope is set up in the
    database so that the test does not depend on other modules' endpoints."""

    @classmethod
    def setUpClass(cls):
        cls.tmp_db = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"pd-audit-scope-{os.getpid()}.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(cls.tmp_db + suffix):
                os.remove(cls.tmp_db + suffix)
        cls.portal = Portal(seed=cls.SEED, database=cls.tmp_db)
        cls.portal.stop()
        db = sqlite3.connect(cls.tmp_db)
        try:
            cls.prepare(db)
            db.commit()
        finally:
            db.close()
        cls.portal.start()

    @classmethod
    def tearDownClass(cls):
        cls.portal.close()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(cls.tmp_db + suffix):
                os.remove(cls.tmp_db + suffix)

    @classmethod
    def prepare(cls, db):
        def one(sql, *args):
            return db.execute(sql, args).fetchone()[0]

        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        cls.scoped_id = one("SELECT id FROM users WHERE email = 'scoped.admin@northwind-it.example'")
        cls.admin_id = one("SELECT id FROM users WHERE email = 'admin@northwind-it.example'")
        partner = one("SELECT partner_id FROM users WHERE id = ?", cls.scoped_id)
        org_ids = []
        for name in ("Scope Test Inside Ltd", "Scope Test Outside Ltd"):
            org_ids.append(db.execute(
                "INSERT INTO organizations (partner_id, name, plan_name, plan_type, created_at, updated_at) "
                "VALUES (?, ?, 'Backup Standard', 'backup', ?, ?)", (partner, name, now, now)).lastrowid)
        cls.inside, cls.outside = org_ids
        group = db.execute("INSERT INTO groups (partner_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                           (partner, "Audit scope test", now, now)).lastrowid
        db.execute("INSERT INTO group_organizations (group_id, organization_id) VALUES (?, ?)", (group, cls.inside))
        db.execute("INSERT INTO group_managers (group_id, user_id) VALUES (?, ?)", (group, cls.scoped_id))

        def entry(user, email, org, summary):
            return db.execute(
                "INSERT INTO audit_log (partner_id, user_id, actor_email, action, target_type, target_id, "
                "organization_id, summary, request_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                (partner, user, email, "organization.update" if org else "partner.update",
                 "organization" if org else "partner", f"org_{org}" if org else f"ptn_{partner}", org, summary,
                 now)).lastrowid

        cls.marks = {
            "inside": entry(cls.admin_id, "admin@northwind-it.example", cls.inside, "About the inside org"),
            "outside": entry(cls.admin_id, "admin@northwind-it.example", cls.outside, "About the outside org"),
            "own": entry(cls.scoped_id, "scoped.admin@northwind-it.example", None, "Scoped admin, no org"),
            "others": entry(cls.admin_id, "admin@northwind-it.example", None, "Admin, no org"),
        }

        # What the scoped admin may see, by the rule (an empty-scope group would grant all).
        rows = db.execute("SELECT gm.group_id, (SELECT count(*) FROM group_organizations go "
                          "WHERE go.group_id = gm.group_id) FROM group_managers gm WHERE gm.user_id = ?",
                          (cls.scoped_id,)).fetchall()
        assert rows and all(count > 0 for _, count in rows), "the scoped admin must be scoped"
        scope = {r[0] for r in db.execute(
            "SELECT go.organization_id FROM group_organizations go JOIN group_managers gm "
            "ON gm.group_id = go.group_id WHERE gm.user_id = ?", (cls.scoped_id,))}
        cls.expected = {f"aud_{r[0]}" for r in db.execute(
            "SELECT id, user_id, organization_id FROM audit_log WHERE partner_id = ?", (partner,))
            if (r[2] is None and r[1] == cls.scoped_id) or r[2] in scope}

    def test_scoped_admin_sees_only_their_scope(self):
        scoped = self.client("scoped_admin")
        seen = {e["id"] for e in self.walk(scoped, limit=97)}
        self.assertEqual(seen, self.expected)
        self.assertIn(f"aud_{self.marks['inside']}", seen)
        self.assertIn(f"aud_{self.marks['own']}", seen)
        self.assertNotIn(f"aud_{self.marks['outside']}", seen)
        self.assertNotIn(f"aud_{self.marks['others']}", seen)
        everything = {e["id"] for e in self.walk()}
        self.assertTrue(seen < everything)
        self.assertIn(f"aud_{self.marks['outside']}", everything)

    def test_filter_outside_the_scope_is_empty(self):
        scoped = self.client("scoped_admin")
        self.assertEqual(self.walk(scoped, organization_id=f"org_{self.outside}"), [])
        inside = self.walk(scoped, organization_id=f"org_{self.inside}")
        self.assertIn(f"aud_{self.marks['inside']}", [e["id"] for e in inside])
        self.assertTrue(all(e["organization_id"] == f"org_{self.inside}" for e in inside))

    def test_scoped_admins_own_mutations_are_visible(self):
        scoped = self.client("scoped_admin")
        current = scoped.get("/api/v1/notification-settings").json()
        rows = [{k: s[k] for k in ("type", "enabled", "frequency", "cumulative_count")} for s in current["settings"]]
        rows[0]["cumulative_count"] = rows[0]["cumulative_count"] % 1000 + 1
        self.assertStatus(scoped.put("/api/v1/notification-settings", {"settings": rows}, if_match=current["etag"]), 200)
        newest = scoped.get(AUDIT, params={"limit": 1}).json()["items"][0]
        self.assertEqual(newest["action"], "notification_settings.update")
        self.assertEqual(newest["actor"]["email"], "scoped.admin@northwind-it.example")


if __name__ == "__main__":
    main()
