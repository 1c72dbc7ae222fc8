# SPDX-License-Identifier: GPL-3.0-or-later
"""Notification types and settings, the partner report period, in-app notifications."""

import time

from portal_harness import PortalTestCase, main

TYPES = "/api/v1/notification-types"
SETTINGS = "/api/v1/notification-settings"
RECOMMENDED = "/api/v1/notification-settings/recommended"
REPORT = "/api/v1/report-settings"
INBOX = "/api/v1/notifications"

GROUPS = ["backup", "download", "compliance", "user_management", "organization_management", "add_backup",
          "credentials", "trial"]


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

    def anonymous(self):
        client = self.portal.anonymous()
        self.clients.append(client)
        return client

    def catalogue(self):
        groups = self.assertStatus(self.owner.get(TYPES), 200).json()["groups"]
        return {t["key"]: t for g in groups for t in g["types"]}

    def settings(self, client=None):
        r = self.assertStatus((client or self.owner).get(SETTINGS), 200)
        self.assertEqual(r.etag, r.json()["etag"])
        return r.json()

    def items(self, client, **params):
        items, _ = client.list_all(INBOX, params=params)
        return items

    def latest_audit(self):
        page = self.assertStatus(self.owner.get("/api/v1/audit-log", params={"limit": 1}), 200).json()
        return page["items"][0]


class Types(Case):
    def test_groups_and_types(self):
        groups = self.assertStatus(self.owner.get(TYPES), 200).json()["groups"]
        self.assertEqual([g["key"] for g in groups], GROUPS)
        keys = []
        for group in groups:
            self.assertTrue(group["name"])
            self.assertTrue(group["types"], group["key"])
            for t in group["types"]:
                keys.append(t["key"])
                self.assertEqual(t["group"], group["key"])
                self.assertTrue(t["key"].startswith(group["key"] + "."))
                self.assertIn(t["audience"], ("organization", "partner"))
                self.assertIn(t["recommended"]["frequency"], ("immediate", "daily", "weekly", "monthly"))
                if t["audience"] == "partner":
                    self.assertNotEqual(t["recommended"]["frequency"], "immediate", t["key"])
        self.assertEqual(len(keys), len(set(keys)))
        self.assertGreaterEqual(len(keys), 20)
        audiences = {t["audience"] for g in groups for t in g["types"]}
        self.assertEqual(audiences, {"organization", "partner"})

    def test_preview(self):
        for key in ("backup.failed", "trial.expired", "download.ready"):
            with self.subTest(key=key):
                preview = self.assertStatus(self.owner.get(f"{TYPES}/{key}/preview"), 200).json()
                self.assertTrue(preview["subject"])
                self.assertGreater(len(preview["body"]), len(preview["subject"]))
                self.assertNotIn("{", preview["subject"] + preview["body"], "a placeholder was left")
                self.assertNotIn("<", preview["body"], "the body is plain text")
        self.assertIn("Contoso", self.owner.get(f"{TYPES}/backup.storage_full/preview").json()["subject"])

    def test_preview_of_unknown_type_is_404(self):
        self.assertProblem(self.owner.get(f"{TYPES}/backup.nope/preview"), 404)
        self.assertProblem(self.owner.get(f"{TYPES}/%22%3E/preview"), 404)

    def test_permissions(self):
        p = self.assertProblem(self.client("finance").get(TYPES), 403)
        self.assertEqual(p["permission"], "notifications.read")
        self.assertStatus(self.client("technician").get(TYPES), 200)
        self.assertProblem(self.anonymous().get(TYPES), 401)


class Settings(Case):
    def full(self, settings):
        return [{k: s[k] for k in ("type", "enabled", "frequency", "cumulative_count")} for s in settings["settings"]]

    def test_every_type_exactly_once(self):
        s = self.settings()
        self.assertEqual([x["type"] for x in s["settings"]], list(self.catalogue()))
        for x in s["settings"]:
            self.assertGreaterEqual(x["cumulative_count"], 1)

    def test_put_needs_if_match(self):
        s = self.settings()
        body = {"settings": self.full(s)}
        self.assertProblem(self.owner.put(SETTINGS, body), 428)
        self.assertProblem(self.owner.put(SETTINGS, body, if_match='"notification-settings.999"'), 412)
        self.assertEqual(self.settings()["etag"], s["etag"])

    def test_put_replaces_and_is_audited(self):
        s = self.settings()
        rows = self.full(s)
        target = next(r for r in rows if r["type"] == "backup.storage_near_limit")
        target.update(enabled=False, frequency="weekly", cumulative_count=3)
        r = self.assertStatus(self.owner.put(SETTINGS, {"settings": rows}, if_match=s["etag"]), 200)
        after = r.json()
        self.assertNotEqual(after["etag"], s["etag"])
        self.assertEqual(r.etag, after["etag"])
        self.assertEqual(self.full(after), rows)
        self.assertEqual(self.settings(), after)

        entry = self.latest_audit()
        self.assertEqual(entry["action"], "notification_settings.update")
        self.assertEqual(entry["actor"]["email"], "owner@northwind-it.example")
        self.assertIn("backup.storage_near_limit", entry["summary"])
        self.assertEqual(entry["request_id"], r.headers["x-request-id"])

        # The same list again changes nothing: same ETag, no new audit entry.
        again = self.assertStatus(self.owner.put(SETTINGS, {"settings": rows}, if_match=after["etag"]), 200).json()
        self.assertEqual(again["etag"], after["etag"])
        self.assertEqual(self.latest_audit()["id"], entry["id"])

    def test_validation(self):
        s = self.settings()
        rows = self.full(s)
        partner_type = next(k for k, t in self.catalogue().items() if t["audience"] == "partner")
        p_index = next(i for i, r in enumerate(rows) if r["type"] == partner_type)

        def with_row(i, **change):
            copy = [dict(r) for r in rows]
            copy[i].update(change)
            return copy

        cases = [
            ({}, "settings"),
            ({"settings": []}, "settings"),
            ({"settings": rows, "extra": True}, "extra"),
            ({"settings": with_row(0, type="backup.unknown")}, "settings[0].type"),
            ({"settings": rows + [dict(rows[1])]}, f"settings[{len(rows)}].type"),
            ({"settings": rows[1:]}, "settings"),
            ({"settings": with_row(2, frequency="hourly")}, "settings[2].frequency"),
            ({"settings": with_row(p_index, frequency="immediate")}, f"settings[{p_index}].frequency"),
            ({"settings": with_row(3, cumulative_count=0)}, "settings[3].cumulative_count"),
            ({"settings": with_row(3, cumulative_count=1001)}, "settings[3].cumulative_count"),
            ({"settings": with_row(4, enabled="yes")}, "settings[4].enabled"),
            ({"settings": with_row(4, colour="red")}, "settings[4].colour"),
            ({"settings": [r for r in rows[:5]] + ["not an object"] + rows[5:]}, "settings[5]"),
        ]
        for body, field in cases:
            with self.subTest(field=field):
                problem = self.assertProblem(self.owner.put(SETTINGS, body, if_match=s["etag"]), 422, field)
                self.assertTrue(all(e["message"] for e in problem["errors"]))
        missing = self.assertProblem(self.owner.put(SETTINGS, {"settings": rows[1:]}, if_match=s["etag"]), 422)
        self.assertIn(rows[0]["type"], missing["errors"][0]["message"])
        self.assertEqual(self.settings()["etag"], s["etag"])

    def test_cumulative_count_bounds_are_accepted(self):
        s = self.settings()
        rows = self.full(s)
        rows[0]["cumulative_count"] = 1000
        rows[1]["cumulative_count"] = 1
        after = self.assertStatus(self.owner.put(SETTINGS, {"settings": rows}, if_match=s["etag"]), 200).json()
        self.assertEqual(after["settings"][0]["cumulative_count"], 1000)

    def test_recommended_preset(self):
        catalogue = self.catalogue()
        s = self.settings()
        self.assertProblem(self.owner.post(RECOMMENDED), 428)
        self.assertProblem(self.owner.post(RECOMMENDED, if_match='"notification-settings.0"'), 412)
        if s["matches_recommended"]:  # another test may have applied it: move away first
            rows = self.full(s)
            rows[0]["cumulative_count"] = 7
            s = self.assertStatus(self.owner.put(SETTINGS, {"settings": rows}, if_match=s["etag"]), 200).json()
        self.assertFalse(s["matches_recommended"])
        r = self.assertStatus(self.owner.post(RECOMMENDED, if_match=s["etag"]), 200)
        after = r.json()
        self.assertTrue(after["matches_recommended"])
        self.assertNotEqual(after["etag"], s["etag"])
        for row in after["settings"]:
            self.assertEqual(row["enabled"], catalogue[row["type"]]["recommended"]["enabled"])
            self.assertEqual(row["frequency"], catalogue[row["type"]]["recommended"]["frequency"])
            self.assertEqual(row["cumulative_count"], 1)
        self.assertEqual(self.latest_audit()["action"], "notification_settings.apply_recommended")

    def test_recommended_replay(self):
        s = self.settings()
        rows = self.full(s)
        rows[1]["cumulative_count"] = 9
        s = self.assertStatus(self.owner.put(SETTINGS, {"settings": rows}, if_match=s["etag"]), 200).json()
        first = self.assertStatus(self.owner.post(RECOMMENDED, if_match=s["etag"], idempotency_key="preset-1"), 200)
        # The replay answers the first response even though the ETag it was sent with is stale now.
        again = self.assertStatus(self.owner.post(RECOMMENDED, if_match=s["etag"], idempotency_key="preset-1"), 200)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(again.json(), first.json())
        self.assertProblem(self.owner.post(RECOMMENDED, {"x": 1}, if_match=s["etag"], idempotency_key="preset-1"),
                           422)

    def test_permissions(self):
        s = self.settings(self.client("technician"))
        p = self.assertProblem(self.client("finance").get(SETTINGS), 403)
        self.assertEqual(p["permission"], "notifications.read")
        p = self.assertProblem(self.client("support").put(SETTINGS, {"settings": self.full(s)}, if_match=s["etag"]), 403)
        self.assertEqual(p["permission"], "notifications.write")
        p = self.assertProblem(self.client("technician").post(RECOMMENDED, if_match=s["etag"]), 403)
        self.assertEqual(p["permission"], "notifications.write")


class PerOrganization(Case):
    """A type sent only about selected organizations (`organization_ids`; absent = all)."""

    def organizations(self, client=None):
        items, _ = (client or self.owner).list_all("/api/v1/organizations")
        return sorted((o["id"] for o in items), key=lambda i: int(i.split("_")[1]))

    def put(self, rows, etag, client=None, status=200):
        return self.assertStatus((client or self.owner).put(SETTINGS, {"settings": rows}, if_match=etag), status)

    def test_absent_means_all(self):
        s = self.settings()
        for row in s["settings"]:
            self.assertNotIn("organization_ids", row)

    def test_round_trip_and_back_to_all(self):
        orgs = self.organizations()
        s = self.settings()
        rows = Settings.full(self, s)
        target = next(r for r in rows if r["type"] == "backup.failed")
        target["organization_ids"] = [orgs[4], orgs[1], orgs[4]]
        after = self.put(rows, s["etag"]).json()
        row = next(r for r in after["settings"] if r["type"] == "backup.failed")
        self.assertEqual(row["organization_ids"], [orgs[1], orgs[4]], "sorted, without repeats")
        self.assertFalse(after["matches_recommended"])
        self.assertEqual(self.settings(), after)
        entry = self.latest_audit()
        self.assertEqual(entry["action"], "notification_settings.update")
        self.assertIn("about 2 organizations", entry["summary"])

        # Sending the answer back unchanged changes nothing.
        again = self.put(after["settings"], after["etag"]).json()
        self.assertEqual(again["etag"], after["etag"])

        # Leaving the member out is all organizations again; null too.
        rows = Settings.full(self, again)
        back = self.put(rows, again["etag"]).json()
        self.assertNotIn("organization_ids", next(r for r in back["settings"] if r["type"] == "backup.failed"))
        rows[0]["organization_ids"] = None
        self.assertNotIn("organization_ids", self.put(rows, back["etag"]).json()["settings"][0])

    def test_empty_list_is_no_organization(self):
        s = self.settings()
        rows = Settings.full(self, s)
        rows[2]["organization_ids"] = []
        after = self.put(rows, s["etag"]).json()
        self.assertEqual(after["settings"][2]["organization_ids"], [])
        self.put(Settings.full(self, after), after["etag"])

    def test_unknown_and_foreign_ids_are_422(self):
        s = self.settings()
        rows = Settings.full(self, s)
        rows[1]["organization_ids"] = [self.organizations()[0], "org_999999", "nope"]
        problem = self.assertProblem(self.owner.put(SETTINGS, {"settings": rows}, if_match=s["etag"]), 422)
        fields = sorted(e["field"] for e in problem["errors"])
        self.assertEqual(fields, ["settings[1].organization_ids[1]", "settings[1].organization_ids[2]"])
        self.assertTrue(all(e["code"] == "not_found" for e in problem["errors"]))
        rows[1]["organization_ids"] = "org_1"
        self.assertProblem(self.owner.put(SETTINGS, {"settings": rows}, if_match=s["etag"]), 422,
                           "settings[1].organization_ids")
        rows[1]["organization_ids"] = [1]
        self.assertProblem(self.owner.put(SETTINGS, {"settings": rows}, if_match=s["etag"]), 422,
                           "settings[1].organization_ids[0]")
        self.assertEqual(self.settings()["etag"], s["etag"])

    def test_scoped_caller_sees_and_keeps_only_its_scope(self):
        scoped = self.client("scoped_admin")
        inside = self.organizations(scoped)
        outside = [o for o in self.organizations() if o not in inside]
        s = self.settings()
        rows = Settings.full(self, s)
        rows[0]["organization_ids"] = [inside[0], outside[0]]
        s = self.put(rows, s["etag"]).json()

        # The scoped admin sees only its organization, and cannot name one outside its scope.
        mine = self.settings(scoped)
        self.assertEqual(mine["settings"][0]["organization_ids"], [inside[0]])
        rows = Settings.full(self, mine)
        rows[0]["organization_ids"] = [outside[1]]
        self.assertProblem(scoped.put(SETTINGS, {"settings": rows}, if_match=mine["etag"]), 422,
                           "settings[0].organization_ids[0]")

        # Replacing its part keeps the organization it cannot see.
        rows[0]["organization_ids"] = [inside[1]]
        self.put(rows, mine["etag"], client=scoped)
        self.assertEqual(self.settings()["settings"][0]["organization_ids"], sorted(
            [inside[1], outside[0]], key=lambda i: int(i.split("_")[1])))
        after = self.settings()
        self.put(Settings.full(self, after), after["etag"])

    def test_recommended_sends_about_all(self):
        s = self.settings()
        rows = Settings.full(self, s)
        rows[0]["organization_ids"] = [self.organizations()[0]]
        s = self.put(rows, s["etag"]).json()
        after = self.assertStatus(self.owner.post(RECOMMENDED, if_match=s["etag"]), 200).json()
        self.assertTrue(after["matches_recommended"])
        self.assertTrue(all("organization_ids" not in r for r in after["settings"]))

    def test_deleting_an_organization_drops_it_from_the_selection(self):
        created = self.assertStatus(self.owner.post("/api/v1/organizations", {
            "name": "Short-lived Notification Client", "email": "it@short-lived.example",
            "plan": {"name": "Business Backup", "type": "backup", "price_cents": 4900, "currency": "USD"}}), 201).json()
        keep = self.organizations()[0]
        s = self.settings()
        rows = Settings.full(self, s)
        rows[3]["organization_ids"] = [keep, created["id"]]
        s = self.put(rows, s["etag"]).json()
        self.assertStatus(self.owner.delete(f"/api/v1/organizations/{created['id']}",
                                            if_match=created["etag"]), 204)
        self.assertEqual(self.settings()["settings"][3]["organization_ids"], [keep])
        after = self.settings()
        self.put(Settings.full(self, after), after["etag"])


class Seeded(Case):
    def test_seeded_settings_differ_from_the_preset(self):
        s = self.settings()
        self.assertFalse(s["matches_recommended"])
        failed = next(x for x in s["settings"] if x["type"] == "backup.failed")
        self.assertEqual(failed["cumulative_count"], 5)

    def test_seeded_report_settings(self):
        r = self.assertStatus(self.owner.get(REPORT), 200).json()
        self.assertEqual(r["period"], "weekly")
        self.assertIn("owner@northwind-it.example", r["recipients"])


class Report(Case):
    def current(self):
        r = self.assertStatus(self.owner.get(REPORT), 200)
        self.assertEqual(r.etag, r.json()["etag"])
        return r.json()

    def test_put_period_and_recipients(self):
        before = self.current()
        body = {"period": "monthly" if before["period"] != "monthly" else "daily",
                "recipients": ["reports@northwind-it.example", "ceo@northwind-it.example"]}
        self.assertProblem(self.owner.put(REPORT, body), 428)
        self.assertProblem(self.owner.put(REPORT, body, if_match='"report-settings.1"'), 412)
        r = self.assertStatus(self.owner.put(REPORT, body, if_match=before["etag"]), 200)
        after = r.json()
        self.assertEqual(after["period"], body["period"])
        self.assertEqual(after["recipients"], body["recipients"])
        self.assertNotEqual(after["etag"], before["etag"])
        self.assertEqual(self.current(), after)
        self.assertEqual(self.latest_audit()["action"], "report_settings.update")
        empty = self.assertStatus(self.owner.put(REPORT, {"period": "daily", "recipients": []},
                                                 if_match=after["etag"]), 200).json()
        self.assertEqual(empty["recipients"], [])

    def test_validation(self):
        etag = self.current()["etag"]
        many = [f"r{i}@northwind-it.example" for i in range(21)]
        cases = [
            ({"recipients": []}, "period"),
            ({"period": "hourly", "recipients": []}, "period"),
            ({"period": "daily"}, "recipients"),
            ({"period": "daily", "recipients": ["ok@x.example", "not-an-address"]}, "recipients[1]"),
            ({"period": "daily", "recipients": ["a@x.example", "A@x.example"]}, "recipients[1]"),
            ({"period": "daily", "recipients": [42]}, "recipients[0]"),
            ({"period": "daily", "recipients": many}, "recipients"),
            ({"period": "daily", "recipients": [], "cc": []}, "cc"),
        ]
        for body, field in cases:
            with self.subTest(field=field):
                self.assertProblem(self.owner.put(REPORT, body, if_match=etag), 422, field)
        self.assertEqual(self.current()["etag"], etag)
        ok = [f"r{i}@northwind-it.example" for i in range(20)]
        self.assertStatus(self.owner.put(REPORT, {"period": "weekly", "recipients": ok}, if_match=etag), 200)

    def test_permissions(self):
        etag = self.current()["etag"]
        p = self.assertProblem(self.client("finance").get(REPORT), 403)
        self.assertEqual(p["permission"], "notifications.read")
        p = self.assertProblem(self.client("support").put(REPORT, {"period": "daily", "recipients": []},
                                                          if_match=etag), 403)
        self.assertEqual(p["permission"], "notifications.write")


class Inbox(Case):
    def test_list_shape_and_order(self):
        items = self.items(self.owner)
        self.assertGreaterEqual(len(items), 5)
        ids = [int(i["id"].split("_")[1]) for i in items]
        self.assertEqual(ids, sorted(ids))
        for item in items:
            self.assertIn(item["severity"], ("info", "warning", "danger", "success"))
            self.assertEqual(item["read"], item["read_at"] is not None)
        self.assertEqual({i["severity"] for i in items}, {"info", "warning", "danger", "success"})
        paged, _ = self.owner.list_all(INBOX, limit=2)
        self.assertEqual([i["id"] for i in paged], [i["id"] for i in items])

    def test_read_state_is_per_user(self):
        support = self.client("support")
        technician = self.client("technician")
        unread = self.items(support, unread_only="true")
        self.assertTrue(unread)
        target = unread[0]["id"]
        before_tech = {i["id"]: i["read"] for i in self.items(technician)}
        self.assertFalse(before_tech[target])

        r = support.post(f"{INBOX}/{target}/read")
        self.assertStatus(r, 204)
        self.assertEqual(r.body, b"")
        self.assertStatus(support.post(f"{INBOX}/{target}/read"), 204)  # idempotent

        mine = {i["id"]: i for i in self.items(support)}
        self.assertTrue(mine[target]["read"])
        self.assertIsNotNone(mine[target]["read_at"])
        self.assertNotIn(target, [i["id"] for i in self.items(support, unread_only="true")])
        self.assertEqual({i["id"]: i["read"] for i in self.items(technician)}, before_tech)

    def test_read_all(self):
        finance = self.client("finance")  # no special permission needed
        self.assertTrue(self.items(finance, unread_only="true"))
        self.assertStatus(finance.post(f"{INBOX}/read-all"), 204)
        self.assertEqual(self.items(finance, unread_only="true"), [])
        self.assertTrue(all(i["read"] for i in self.items(finance)))
        self.assertStatus(finance.post(f"{INBOX}/read-all"), 204)
        self.assertTrue(self.items(self.client("super_admin"), unread_only="true"))

    def test_updated_since_shows_newly_read(self):
        scoped = self.client("scoped_admin")
        first = scoped.get(INBOX).json()
        since = first["server_time"]
        self.assertEqual(scoped.get(INBOX, params={"updated_since": since}).json()["items"], [])
        target = first["items"][0]["id"]
        time.sleep(0.001)
        self.assertStatus(scoped.post(f"{INBOX}/{target}/read"), 204)
        delta = scoped.get(INBOX, params={"updated_since": since}).json()
        self.assertEqual([i["id"] for i in delta["items"]], [target])
        self.assertEqual(delta["deleted"], [])

    def test_read_replay(self):
        admin = self.client("admin")
        target = self.items(admin)[-1]["id"]
        first = self.assertStatus(admin.post(f"{INBOX}/{target}/read", idempotency_key="read-once"), 204)
        again = self.assertStatus(admin.post(f"{INBOX}/{target}/read", idempotency_key="read-once"), 204)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(first.body, again.body)

    def test_organization_reference(self):
        items = self.items(self.owner)
        about = [i for i in items if i["organization_id"] is not None]
        partner_wide = [i for i in items if i["organization_id"] is None]
        self.assertGreaterEqual(len(about), 2)
        self.assertTrue(partner_wide)
        for item in about:
            org = self.assertStatus(self.owner.get(f"/api/v1/organizations/{item['organization_id']}"), 200).json()
            self.assertIn(org["name"], item["title"])
        self.assertTrue(all("organization_id" in i for i in items))

    def test_errors(self):
        self.assertProblem(self.owner.post(f"{INBOX}/ntf_999999/read"), 404)
        self.assertProblem(self.owner.post(f"{INBOX}/org_1/read"), 404)
        self.assertProblem(self.owner.post(f"{INBOX}/ntf_x/read"), 404)
        self.assertProblem(self.owner.get(INBOX, params={"unread_only": "maybe"}), 422, "unread_only")
        self.assertProblem(self.owner.get(INBOX, params={"limit": 0}), 422, "limit")
        self.assertProblem(self.anonymous().get(INBOX), 401)



class InboxScope(Case):
    """Its own portal: read-all and the scope change would disturb the other inbox tests."""

    def test_outside_the_scope_is_not_listed(self):
        scoped = self.client("scoped_admin")
        everything = {i["id"]: i for i in self.items(self.owner)}
        mine = self.items(scoped)
        visible = {o["id"] for o in scoped.list_all("/api/v1/organizations")[0]}
        about = [i for i in mine if i["organization_id"] is not None]
        self.assertTrue(about)
        self.assertTrue(all(i["organization_id"] in visible for i in about))
        hidden = [i["id"] for i in everything.values()
                  if i["organization_id"] is not None and i["organization_id"] not in visible]
        self.assertTrue(hidden)
        self.assertEqual(set(everything) - {i["id"] for i in mine}, set(hidden))
        self.assertProblem(scoped.post(f"{INBOX}/{hidden[0]}/read"), 404)

        # Read-all leaves the hidden one alone: once in scope, it shows up unread.
        self.assertStatus(scoped.post(f"{INBOX}/read-all"), 204)
        self.assertEqual(self.items(scoped, unread_only="true"), [])
        group = self.assertStatus(scoped.get("/api/v1/groups"), 200).json()["items"][0]
        self.assertStatus(self.owner.post(f"/api/v1/groups/{group['id']}/organizations",
                                          {"organization_ids": [everything[hidden[0]]["organization_id"]]}), 200)
        self.assertEqual([i["id"] for i in self.items(scoped, unread_only="true")], [hidden[0]])


if __name__ == "__main__":
    main()
