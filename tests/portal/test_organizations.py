# SPDX-License-Identifier: GPL-3.0-or-later
"""The organizations endpoints of the reference portal: list and filters, CRUD, actions
(reset password, sign-in link, mapping, admin access), scope and permissions."""

import contextlib
import datetime
import itertools
import os
import sqlite3
import tempfile
import urllib.parse
import uuid

from portal_harness import Portal, PortalTestCase, main

ORGS = "/api/v1/organizations"
_counter = itertools.count(1)


def unique(base):
    """A name no other test uses (names are unique per partner)."""
    return f"{base} {next(_counter)}-{uuid.uuid4().hex[:6]}"


def org_body(**overrides):
    body = {
        "name": unique("Test Org"),
        "email": "it@test-org.example",
        "domain": "test-org.example",
        "plan": {"name": "Business Backup", "type": "backup", "price_cents": 4900, "currency": "USD"},
    }
    body.update(overrides)
    return body


class OrganizationsBase(PortalTestCase):
    SEED = 30

    def setUp(self):
        self.owner = self.client("owner")

    def create(self, client=None, **overrides):
        r = (client or self.owner).post(ORGS, org_body(**overrides))
        self.assertStatus(r, 201)
        return r.json()

    def find(self, name):
        """The seeded organization with exactly this name."""
        items, _ = self.owner.list_all(ORGS, {"q": name})
        matches = [o for o in items if o["name"] == name]
        self.assertEqual(len(matches), 1, f"{name}: {[o['name'] for o in items]}")
        return matches[0]

    def get(self, org_id, client=None):
        return self.assertStatus((client or self.owner).get(f"{ORGS}/{org_id}"), 200).json()


class ListOrganizations(OrganizationsBase):
    def test_seed_covers_every_state_the_client_draws(self):
        items, _ = self.owner.list_all(ORGS)
        self.assertEqual(len(items), self.SEED)
        services = [s for o in items for s in o["services"]]
        self.assertEqual({o["status"] for o in items}, {"active", "suspended", "unsubscribed", "deleted"})
        self.assertEqual({o["plan"]["type"] for o in items}, {"personal", "backup", "archiver"})
        self.assertEqual({o["relationship"] for o in items}, {"msp", "reseller"})
        self.assertEqual({o["mapping"]["status"] for o in items}, {"mapped", "unmapped"})
        self.assertEqual({o["credential_status"] for o in items}, {"ok", "needs_authentication"})
        self.assertIn(True, {o["admin_access"] for o in items})
        self.assertIn(None, {o["email"] for o in items})
        self.assertEqual({s["authorization_state"] for s in services},
                         {"unauthorized", "agreement_accepted", "awaiting_consent", "pending_client_admin",
                          "authorized", "consent_lost"})
        self.assertEqual({s["backup_status"] for s in services},
                         {"success", "running", "retrying", "warning", "failed", "paused", "never_run"})
        self.assertEqual({s["management_mode"] for s in services}, {"partner", "client", "co_managed"})
        self.assertEqual({s["application"] for s in services},
                         {"exchange", "onedrive", "sharepoint", "teams", "gmail", "drive", "calendar", "contacts",
                          "shared_drives"})
        self.assertTrue(any(s["seats"]["managed"] > s["seats"]["total"] for s in services), "no over-capacity service")
        self.assertTrue(any(len({s["suite"] for s in o["services"]}) == 2 for o in items), "no tenant with both suites")
        self.assertTrue(any(s["seats"]["total"] >= 1000 for s in services), "no large tenant")

    def test_the_first_twelve_alone_cover_every_state(self):
        items, _ = self.owner.list_all(ORGS, {"limit": 12})
        first = sorted(items, key=lambda o: int(o["id"][4:]))[:12]
        services = [s for o in first for s in o["services"]]
        self.assertEqual(len({o["status"] for o in first}), 4)
        self.assertEqual(len({s["authorization_state"] for s in services}), 6)
        self.assertEqual(len({s["backup_status"] for s in services}), 7)
        self.assertEqual(len({s["management_mode"] for s in services}), 3)

    def test_seat_figures_are_consistent(self):
        items, _ = self.owner.list_all(ORGS)
        for org in items:
            self.assertEqual(org["storage_bytes"], sum(s["storage_bytes"] for s in org["services"]), org["name"])
            for s in org["services"]:
                seats = s["seats"]
                self.assertEqual(seats["open"], max(0, seats["total"] - seats["managed"]), s["id"])
                self.assertEqual(s["organization_id"], org["id"])
                if org["plan"]["type"] == "personal":
                    self.assertEqual(seats["total"], 1)
                if s["backup_status"] == "never_run":
                    self.assertIsNone(s["last_backup_at"])

    def test_pagination_is_complete_and_duplicate_free(self):
        everything, _ = self.owner.list_all(ORGS)
        walked, _ = self.owner.list_all(ORGS, limit=7)
        ids = [o["id"] for o in walked]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(ids, [o["id"] for o in everything])
        self.assertEqual(ids, sorted(ids, key=lambda i: int(i[4:])))

    def test_a_page_reports_next_cursor_until_the_end(self):
        page = self.assertStatus(self.owner.get(ORGS, params={"limit": 5}), 200).json()
        self.assertEqual(len(page["items"]), 5)
        self.assertIsNotNone(page["next_cursor"])
        self.assertEqual(page["deleted"], [])
        last = self.assertStatus(self.owner.get(ORGS, params={"limit": 500}), 200).json()
        self.assertIsNone(last["next_cursor"])

    def test_status_filter_takes_one_or_several_and_defaults_to_all(self):
        everything, _ = self.owner.list_all(ORGS)
        active, _ = self.owner.list_all(ORGS, {"status": "active"})
        self.assertTrue(active and all(o["status"] == "active" for o in active))
        inactive, _ = self.owner.list_all(ORGS, {"status": "suspended,unsubscribed"})
        self.assertEqual({o["status"] for o in inactive}, {"suspended", "unsubscribed"})
        deleted, _ = self.owner.list_all(ORGS, {"status": "deleted"})
        self.assertEqual(len(active) + len(inactive) + len(deleted), len(everything))

    def test_enum_filters(self):
        everything, _ = self.owner.list_all(ORGS)
        for name, key in (("plan_type", lambda o: o["plan"]["type"]),
                          ("credential_status", lambda o: o["credential_status"]),
                          ("relationship", lambda o: o["relationship"]),
                          ("mapping_status", lambda o: o["mapping"]["status"])):
            for value in {key(o) for o in everything}:
                items, _ = self.owner.list_all(ORGS, {name: value})
                self.assertEqual([o["id"] for o in items], [o["id"] for o in everything if key(o) == value],
                                 f"{name}={value}")

    def test_filters_combine(self):
        everything, _ = self.owner.list_all(ORGS)
        items, _ = self.owner.list_all(ORGS, {"status": "active", "plan_type": "backup", "relationship": "msp"})
        expected = [o["id"] for o in everything
                    if o["status"] == "active" and o["plan"]["type"] == "backup" and o["relationship"] == "msp"]
        self.assertTrue(expected)
        self.assertEqual([o["id"] for o in items], expected)

    def test_reseller_organizations_are_listed(self):
        org = self.find("Bright Path Academy")
        self.assertEqual(org["relationship"], "reseller")
        self.assertTrue(all(s["management_mode"] == "client" for s in org["services"]))
        items, _ = self.owner.list_all(ORGS, {"relationship": "reseller"})
        self.assertIn(org["id"], [o["id"] for o in items])

    def test_invalid_filter_values_are_422_naming_the_field(self):
        for params, field in (({"status": "bogus"}, "status"), ({"status": "active,"}, "status"),
                              ({"plan_type": "gold"}, "plan_type"),
                              ({"credential_status": "broken"}, "credential_status"),
                              ({"relationship": "partner"}, "relationship"),
                              ({"mapping_status": "maybe"}, "mapping_status"),
                              ({"q": "x" * 201}, "q"), ({"limit": "0"}, "limit"), ({"limit": "501"}, "limit"),
                              ({"cursor": "nonsense"}, "cursor"), ({"updated_since": "yesterday"}, "updated_since")):
            self.assertProblem(self.owner.get(ORGS, params=params), 422, field)

    def test_q_matches_name_id_domain_and_email_partially_ignoring_case(self):
        harbor = self.find("Harbor Dental Group")
        for q in ("harbor dental", "HARBOR", "dental gr", harbor["id"], harbor["id"].upper(),
                  harbor["domain"][:10], harbor["email"]):
            items, _ = self.owner.list_all(ORGS, {"q": q})
            self.assertIn(harbor["id"], [o["id"] for o in items], q)
        number = harbor["id"][4:]
        items, _ = self.owner.list_all(ORGS, {"q": number})
        self.assertIn(harbor["id"], [o["id"] for o in items])
        self.assertTrue(all(number in o["id"] or number in o["name"] or number in (o["domain"] or "")
                            or number in (o["email"] or "") for o in items))

    def test_empty_q_is_no_filter(self):
        everything, _ = self.owner.list_all(ORGS)
        items, _ = self.owner.list_all(ORGS, {"q": ""})
        self.assertEqual(len(items), len(everything))

    def test_other_partners_organizations_are_invisible(self):
        items, _ = self.owner.list_all(ORGS, {"q": "Harbor Dental Group"})
        self.assertEqual(len(items), 1)
        known = {o["id"] for o in self.owner.list_all(ORGS)[0]}
        last = max(int(i[4:]) for i in known)
        # The second partner's organizations come right after the first partner's.
        for n in range(last + 1, last + 4):
            if f"org_{n}" not in known:
                self.assertProblem(self.owner.get(f"{ORGS}/org_{n}"), 404)

    def test_requires_authentication(self):
        r = self.portal.anonymous().get(ORGS)
        self.assertProblem(r, 401)

    def test_every_role_can_read(self):
        for role in ("super_admin", "admin", "support", "finance", "technician"):
            self.assertStatus(self.client(role).get(ORGS, params={"limit": 1}), 200)


class Search(OrganizationsBase):
    """q with characters that SQL LIKE, quoting or ASCII-only case folding would get wrong."""

    def test_q_with_special_characters(self):
        names = {
            "percent": unique("Ratio 100% Labs"),
            "underscore": unique("Under_Score Works"),
            "quote": unique("O'Brien's Bakery"),
            "double": unique('The "Quoted" Company'),
            "emoji": unique("Rocket 🚀 Studio"),
            "ecole": unique("École Sainte-Anne"),
            "strasse": unique("STRASSE Logistik"),
        }
        ids = {key: self.create(name=name)["id"] for key, name in names.items()}
        cases = (("100%", "percent"), ("r_s", "underscore"), ("o'brien's", "quote"), ('"quoted"', "double"),
                 ("🚀", "emoji"), ("ÉCOLE SAINTE-ANNE", "ecole"), ("école sainte", "ecole"), ("Straße", "strasse"))
        for q, key in cases:
            items, _ = self.owner.list_all(ORGS, {"q": q})
            self.assertEqual([o["id"] for o in items], [ids[key]], f"q={q!r}")
        # Wildcards of LIKE are plain characters: "%" finds only names that contain one.
        items, _ = self.owner.list_all(ORGS, {"q": "%"})
        self.assertTrue(items)
        self.assertTrue(all("%" in o["name"] for o in items), [o["name"] for o in items])


class UpdatedSince(OrganizationsBase):
    def test_updated_since_returns_changes_and_tombstones(self):
        changed = self.create()
        removed = self.create()
        start = self.assertStatus(self.owner.get(ORGS, params={"limit": 1}), 200).json()["server_time"]

        r = self.owner.patch(f"{ORGS}/{changed['id']}", {"name": unique("Renamed")}, if_match=changed["etag"])
        self.assertStatus(r, 200)
        self.assertStatus(self.owner.delete(f"{ORGS}/{removed['id']}", if_match=removed["etag"]), 204)

        page = self.assertStatus(self.owner.get(ORGS, params={"updated_since": start, "limit": 500}), 200).json()
        ids = [o["id"] for o in page["items"]]
        self.assertIn(changed["id"], ids)
        self.assertNotIn(removed["id"], ids)
        self.assertTrue(all(o["updated_at"] >= start for o in page["items"]))
        self.assertIn(removed["id"], [t["id"] for t in page["deleted"]])

        later = self.assertStatus(self.owner.get(ORGS, params={"updated_since": page["server_time"]}), 200).json()
        self.assertNotIn(removed["id"], [t["id"] for t in later["deleted"]])
        self.assertNotIn(changed["id"], [o["id"] for o in later["items"]])

    def test_a_service_change_counts_as_an_organization_change(self):
        org = self.create()
        start = self.assertStatus(self.owner.get(ORGS, params={"limit": 1}), 200).json()["server_time"]
        self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/services",
                                          {"suite": "microsoft365", "application": "exchange"}), 201)
        items, _ = self.owner.list_all(ORGS, {"updated_since": start})
        self.assertIn(org["id"], [o["id"] for o in items])


class CreateOrganization(OrganizationsBase):
    def test_create_answers_201_with_location_etag_and_defaults(self):
        name = unique("Harborview Clinic")
        r = self.owner.post(ORGS, org_body(name=name, domain="Harborview.EXAMPLE"))
        self.assertStatus(r, 201)
        org = r.json()
        self.assertEqual(r.headers["location"], f"{ORGS}/{org['id']}")
        self.assertEqual(r.etag, org["etag"])
        self.assertRegex(org["id"], r"^org_\d+$")
        self.assertEqual(org["name"], name)
        self.assertEqual(org["domain"], "harborview.example")
        self.assertEqual((org["status"], org["country"], org["region"], org["relationship"]),
                         ("active", "US", "us", "msp"))
        self.assertEqual(org["mapping"], {"status": "unmapped", "service_account_id": None})
        self.assertEqual((org["credential_status"], org["admin_access"], org["storage_bytes"], org["services"]),
                         ("ok", False, 0, []))
        self.assertEqual(self.get(org["id"]), org)

    def test_region_follows_the_country_unless_given(self):
        self.assertEqual(self.create(country="DE")["region"], "eu")
        self.assertEqual(self.create(country="GB")["region"], "uk")
        org = self.create(country="JP", region="us", relationship="reseller")
        self.assertEqual((org["region"], org["relationship"]), ("us", "reseller"))

    def test_optional_domain_may_be_null_or_absent(self):
        body = org_body()
        del body["domain"]
        self.assertIsNone(self.assertStatus(self.owner.post(ORGS, body), 201).json()["domain"])
        self.assertIsNone(self.create(domain=None)["domain"])

    def test_invalid_bodies_are_422_naming_every_field(self):
        problem = self.assertProblem(self.owner.post(ORGS, {}), 422)
        self.assertTrue({"name", "email", "plan"} <= {e["field"] for e in problem["errors"]})
        cases = (
            ({"name": ""}, "name"), ({"name": "   "}, "name"), ({"name": "x" * 201}, "name"),
            ({"name": 42}, "name"), ({"email": "not-an-address"}, "email"), ({"email": None}, "email"),
            ({"domain": "not a domain"}, "domain"), ({"domain": "-bad.example"}, "domain"),
            ({"domain": "localhost"}, "domain"),
            ({"plan": {"name": "X", "type": "gold", "price_cents": 1, "currency": "USD"}}, "plan.type"),
            ({"plan": {"name": "X", "type": "backup", "price_cents": -1, "currency": "USD"}}, "plan.price_cents"),
            ({"plan": {"name": "X", "type": "backup", "price_cents": 1, "currency": "usd"}}, "plan.currency"),
            ({"plan": {"name": "X", "type": "backup", "price_cents": 1}}, "plan.currency"),
            ({"plan": {"name": "X", "type": "backup", "price_cents": 1, "currency": "USD", "seats": 3}}, "plan.seats"),
            ({"plan": "gold"}, "plan"),
            ({"country": "XX"}, "country"), ({"country": "de"}, "country"), ({"region": "mars"}, "region"),
            ({"relationship": "partner"}, "relationship"), ({"status": "active"}, "status"),
        )
        for overrides, field in cases:
            self.assertProblem(self.owner.post(ORGS, org_body(**overrides)), 422, field)

    def test_names_are_unique_per_partner_ignoring_case(self):
        name = unique("Kestrel Freight")
        self.create(name=name)
        self.assertProblem(self.owner.post(ORGS, org_body(name=name.upper())), 409)
        self.assertProblem(self.owner.post(ORGS, org_body(name=f"  {name}  ")), 409)
        # The other partner has an organization of this name; that does not count.
        self.assertProblem(self.owner.post(ORGS, org_body(name="harbor dental group")), 409)

    def test_idempotent_replay(self):
        key = str(uuid.uuid4())
        body = org_body()
        first = self.assertStatus(self.owner.post(ORGS, body, idempotency_key=key), 201)
        again = self.assertStatus(self.owner.post(ORGS, body, idempotency_key=key), 201)
        self.assertEqual(again.body, first.body)
        self.assertEqual(again.headers["location"], first.headers["location"])
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        items, _ = self.owner.list_all(ORGS, {"q": body["name"]})
        self.assertEqual(len(items), 1)
        # The same key with another body: a 422 (its problem carries no field errors, which the
        # shared Unprocessable response does not allow yet, so it is not contract-checked here).
        other = self.client("owner", validate=False).post(ORGS, org_body(), idempotency_key=key)
        self.assertProblem(other, 422)

    def test_roles_without_organizations_write_get_403_naming_it(self):
        for role in ("technician", "finance"):
            problem = self.assertProblem(self.client(role).post(ORGS, org_body()), 403)
            self.assertEqual(problem["permission"], "organizations.write")

    def test_support_may_create(self):
        self.create(client=self.client("support"))


class ReadUpdateDelete(OrganizationsBase):
    def test_get_answers_etag_and_the_listed_representation(self):
        harbor = self.find("Harbor Dental Group")
        r = self.assertStatus(self.owner.get(f"{ORGS}/{harbor['id']}"), 200)
        self.assertEqual(r.etag, harbor["etag"])
        self.assertEqual(r.json(), harbor)

    def test_unknown_or_malformed_ids_are_404(self):
        for org_id in ("org_999999", "org_0", "org_x", "12", "svc_1", "org_-1"):
            self.assertProblem(self.owner.get(f"{ORGS}/{org_id}"), 404)

    def test_patch_changes_given_fields_and_the_etag(self):
        org = self.create()
        name = unique("Granite Legal")
        body = {"name": name, "email": "office@granite.example", "domain": None, "status": "suspended",
                "plan": {"name": "Archive", "type": "archiver", "price_cents": 9900, "currency": "EUR"},
                "country": "FR", "region": "eu", "relationship": "reseller"}
        r = self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", body, if_match=org["etag"]), 200)
        changed = r.json()
        self.assertNotEqual(changed["etag"], org["etag"])
        self.assertEqual(r.etag, changed["etag"])
        self.assertGreater(changed["updated_at"], org["updated_at"])
        for key, value in body.items():
            self.assertEqual(changed[key], value, key)
        self.assertEqual(self.get(org["id"]), changed)

    def test_patch_email_may_be_cleared(self):
        org = self.create()
        changed = self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {"email": None}, if_match=org["etag"]),
                                    200).json()
        self.assertIsNone(changed["email"])

    def test_patch_without_changes_keeps_the_etag(self):
        org = self.create()
        r = self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {}, if_match=org["etag"]), 200)
        self.assertEqual(r.json()["etag"], org["etag"])

    def test_patch_needs_a_current_if_match(self):
        org = self.create()
        self.assertProblem(self.owner.patch(f"{ORGS}/{org['id']}", {"name": unique("A")}), 428)
        self.assertProblem(self.owner.patch(f"{ORGS}/{org['id']}", {"name": unique("A")}, if_match='"org_1.999"'), 412)
        self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {"name": unique("A")}, if_match=org["etag"]), 200)
        stale = self.owner.patch(f"{ORGS}/{org['id']}", {"name": unique("B")}, if_match=org["etag"])
        self.assertProblem(stale, 412)
        self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {"name": unique("C")}, if_match="*"), 200)

    def test_patch_validation(self):
        org = self.create()
        for body, field in (({"name": ""}, "name"), ({"status": "gone"}, "status"), ({"email": "x"}, "email"),
                            ({"plan": {"name": "Only a name"}}, "plan.type"), ({"country": "ZZ"}, "country"),
                            ({"mapping": {"status": "mapped"}}, "mapping"), ({"admin_access": True}, "admin_access")):
            self.assertProblem(self.owner.patch(f"{ORGS}/{org['id']}", body, if_match=org["etag"]), 422, field)

    def test_rename_to_a_taken_name_is_409(self):
        org = self.create()
        self.assertProblem(self.owner.patch(f"{ORGS}/{org['id']}", {"name": "KESTREL LOGISTICS"},
                                            if_match=org["etag"]), 409)
        # Its own name in another case is fine.
        self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {"name": org["name"].upper()},
                                           if_match=org["etag"]), 200)

    def test_delete_removes_the_organization_and_its_services(self):
        org = self.create()
        service = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/services",
                                                    {"suite": "google_workspace", "application": "gmail"}), 201).json()
        org = self.get(org["id"])
        self.assertProblem(self.owner.delete(f"{ORGS}/{org['id']}"), 428)
        self.assertProblem(self.owner.delete(f"{ORGS}/{org['id']}", if_match='"org_1.1000"'), 412)
        r = self.owner.delete(f"{ORGS}/{org['id']}", if_match=org["etag"])
        self.assertStatus(r, 204)
        self.assertEqual(r.body, b"")
        self.assertProblem(self.owner.get(f"{ORGS}/{org['id']}"), 404)
        self.assertProblem(self.owner.get(f"{ORGS}/{org['id']}/services/{service['id']}"), 404)
        self.assertProblem(self.owner.delete(f"{ORGS}/{org['id']}", if_match="*"), 404)

    def test_a_deleted_organizations_id_is_never_reused(self):
        org = self.create()
        self.assertStatus(self.owner.delete(f"{ORGS}/{org['id']}", if_match=org["etag"]), 204)
        again = self.create()
        self.assertGreater(int(again["id"][4:]), int(org["id"][4:]))

    def test_delete_needs_organizations_delete(self):
        org = self.create()
        for role in ("support", "technician"):
            problem = self.assertProblem(self.client(role).delete(f"{ORGS}/{org['id']}", if_match=org["etag"]), 403)
            self.assertEqual(problem["permission"], "organizations.delete")
        self.assertStatus(self.client("admin").delete(f"{ORGS}/{org['id']}", if_match=org["etag"]), 204)

    def test_technician_cannot_change_anything(self):
        org = self.create()
        tech = self.client("technician")
        checks = (
            (tech.patch(f"{ORGS}/{org['id']}", {"name": "x"}, if_match=org["etag"]), "organizations.write"),
            (tech.post(f"{ORGS}/{org['id']}/reset-password"), "organizations.write"),
            (tech.post(f"{ORGS}/{org['id']}/sign-in-link"), "organizations.sign_in"),
            (tech.put(f"{ORGS}/{org['id']}/mapping", {"service_account_id": "sa_1"}, if_match="*"),
             "organizations.write"),
            (tech.delete(f"{ORGS}/{org['id']}/mapping", if_match="*"), "organizations.write"),
            (tech.put(f"{ORGS}/{org['id']}/admin-access", {"enabled": True}, if_match="*"), "organizations.write"),
        )
        for response, permission in checks:
            self.assertEqual(self.assertProblem(response, 403)["permission"], permission, response)
        self.assertEqual(self.get(org["id"])["etag"], org["etag"])


class Actions(OrganizationsBase):
    def test_reset_password_is_queued_to_the_contact(self):
        org = self.find("Harbor Dental Group")
        r = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/reset-password"), 202)
        self.assertEqual(r.json()["sent_to"], org["email"])
        self.assertEqual(self.get(org["id"])["etag"], org["etag"])

    def test_reset_password_needs_an_email_and_a_live_organization(self):
        no_email = self.find("Redwood Manufacturing Ltda")
        self.assertIsNone(no_email["email"])
        self.assertProblem(self.owner.post(f"{ORGS}/{no_email['id']}/reset-password"), 409)
        deleted = self.find("Bluebird Café SARL")
        self.assertEqual(deleted["status"], "deleted")
        self.assertProblem(self.owner.post(f"{ORGS}/{deleted['id']}/reset-password"), 409)
        self.assertProblem(self.owner.post(f"{ORGS}/org_999999/reset-password"), 404)

    def test_sign_in_link_works_once(self):
        org = self.find("Harbor Dental Group")
        before = self.owner.get(ORGS, params={"limit": 1}).json()["server_time"]
        r = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/sign-in-link"), 201)
        link = r.json()
        self.assertEqual(r.headers["location"], link["url"])
        self.assertGreater(link["expires_at"], before)
        url = urllib.parse.urlsplit(link["url"])
        self.assertEqual((url.hostname, url.port), (self.portal.host, self.portal.port))
        self.assertTrue(url.path.startswith("/client-portal/sign-in/"))

        browser = self.portal.anonymous()
        page = self.assertStatus(browser.get(url.path), 200)
        self.assertTrue(page.headers["content-type"].startswith("text/html"))
        self.assertIn("Harbor Dental Group", page.body.decode())
        self.assertEqual(page.headers.get("cache-control"), "no-store")
        again = self.assertStatus(browser.get(url.path), 410)
        self.assertTrue(again.headers["content-type"].startswith("text/html"))
        self.assertNotIn("Harbor Dental Group", again.body.decode())

    def test_unknown_sign_in_token_is_410(self):
        self.assertStatus(self.portal.anonymous().get("/client-portal/sign-in/cpl_nope"), 410)

    def test_sign_in_link_escapes_the_name(self):
        org = self.create(name=unique("<b>Bold</b> & Co"))
        link = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/sign-in-link"), 201).json()
        page = self.portal.anonymous().get(urllib.parse.urlsplit(link["url"]).path).body.decode()
        self.assertIn("&lt;b&gt;Bold&lt;/b&gt; &amp; Co", page)
        self.assertNotIn("<b>Bold</b>", page)

    def test_sign_in_link_refusals(self):
        for name in ("Pinecrest Medical Clinic", "Bluebird Café SARL"):
            org = self.find(name)
            self.assertProblem(self.owner.post(f"{ORGS}/{org['id']}/sign-in-link"), 409)
        reseller = self.find("Bright Path Academy")
        problem = self.assertProblem(self.owner.post(f"{ORGS}/{reseller['id']}/sign-in-link"), 403)
        self.assertEqual(problem["permission"], "relationship")
        harbor = self.find("Harbor Dental Group")
        problem = self.assertProblem(self.client("finance").post(f"{ORGS}/{harbor['id']}/sign-in-link"), 403)
        self.assertEqual(problem["permission"], "organizations.sign_in")

    def test_a_link_stops_working_when_the_organization_is_suspended(self):
        org = self.create()
        link = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/sign-in-link"), 201).json()
        self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {"status": "suspended"}, if_match=org["etag"]), 200)
        self.assertStatus(self.portal.anonymous().get(urllib.parse.urlsplit(link["url"]).path), 410)


class Mapping(OrganizationsBase):
    def candidates(self, org_id, q=None):
        items, _ = self.owner.list_all(f"{ORGS}/{org_id}/mapping/candidates", {"q": q} if q else None)
        return items

    def test_candidates_offer_the_unmapped_organizations_account(self):
        org = self.find("Nordlicht Architekten GmbH")
        self.assertEqual(org["mapping"], {"status": "unmapped", "service_account_id": None})
        found = self.candidates(org["id"], "nordlicht")
        self.assertTrue(found)
        self.assertTrue(all("nordlicht" in (c["name"] + (c["domain"] or "")).lower() for c in found))
        free = [c for c in found if c["linked_organization_id"] is None and c["domain"] == org["domain"]]
        self.assertEqual(len(free), 1, found)

    def test_candidates_show_which_accounts_are_taken(self):
        harbor = self.find("Harbor Dental Group")
        everything = self.candidates(harbor["id"])
        taken = {c["id"]: c["linked_organization_id"] for c in everything}
        self.assertEqual(taken[harbor["mapping"]["service_account_id"]], harbor["id"])
        self.assertIn(None, taken.values())
        self.assertEqual(len(everything), len(taken))
        self.assertProblem(self.owner.get(f"{ORGS}/{harbor['id']}/mapping/candidates", params={"q": "x" * 201}), 422, "q")
        self.assertProblem(self.owner.get(f"{ORGS}/org_999999/mapping/candidates"), 404)

    def test_map_and_unmap(self):
        org = self.create(domain="mapping-test.example")
        free = [c for c in self.candidates(org["id"]) if c["linked_organization_id"] is None]
        self.assertTrue(free)
        path = f"{ORGS}/{org['id']}/mapping"
        body = {"service_account_id": free[0]["id"]}
        self.assertProblem(self.owner.put(path, body), 428)
        self.assertProblem(self.owner.put(path, body, if_match='"org_1.77"'), 412)
        r = self.assertStatus(self.owner.put(path, body, if_match=org["etag"]), 200)
        mapped = r.json()
        self.assertEqual(mapped["mapping"], {"status": "mapped", "service_account_id": free[0]["id"]})
        self.assertEqual(r.etag, mapped["etag"])
        self.assertNotEqual(mapped["etag"], org["etag"])
        linked = {c["id"]: c for c in self.candidates(org["id"], free[0]["id"])}
        self.assertEqual(linked[free[0]["id"]]["linked_organization_id"], org["id"])

        # Mapping to the same account again changes nothing.
        same = self.assertStatus(self.owner.put(path, body, if_match=mapped["etag"]), 200).json()
        self.assertEqual(same["etag"], mapped["etag"])

        self.assertProblem(self.owner.delete(path), 428)
        unmapped = self.assertStatus(self.owner.delete(path, if_match=mapped["etag"]), 200).json()
        self.assertEqual(unmapped["mapping"], {"status": "unmapped", "service_account_id": None})
        items, _ = self.owner.list_all(ORGS, {"mapping_status": "unmapped", "q": org["name"]})
        self.assertEqual([o["id"] for o in items], [org["id"]])

    def test_an_account_linked_elsewhere_is_409(self):
        org = self.create()
        harbor = self.find("Harbor Dental Group")
        r = self.owner.put(f"{ORGS}/{org['id']}/mapping", {"service_account_id": harbor["mapping"]["service_account_id"]},
                           if_match=org["etag"])
        self.assertProblem(r, 409)
        self.assertEqual(self.get(org["id"])["mapping"]["status"], "unmapped")

    def test_unknown_accounts_are_422(self):
        org = self.create()
        for value in ("sa_999999", "org_1", "", 12):
            r = self.owner.put(f"{ORGS}/{org['id']}/mapping", {"service_account_id": value}, if_match=org["etag"])
            self.assertProblem(r, 422, "service_account_id")
        self.assertProblem(self.owner.put(f"{ORGS}/{org['id']}/mapping", {}, if_match=org["etag"]), 422,
                           "service_account_id")


class AdminAccess(OrganizationsBase):
    def put(self, org, enabled):
        return self.owner.put(f"{ORGS}/{org['id']}/admin-access", {"enabled": enabled}, if_match=org["etag"])

    def test_admin_access_switches_partner_services_to_co_managed_and_back(self):
        harbor = self.find("Harbor Dental Group")
        self.assertFalse(harbor["admin_access"])
        self.assertTrue(all(s["management_mode"] == "partner" for s in harbor["services"]))
        on = self.assertStatus(self.put(harbor, True), 200).json()
        self.assertTrue(on["admin_access"])
        self.assertEqual({s["management_mode"] for s in on["services"]}, {"co_managed"})
        self.assertTrue(all(a["etag"] != b["etag"] for a, b in zip(on["services"], harbor["services"])))
        off = self.assertStatus(self.put(on, False), 200).json()
        self.assertFalse(off["admin_access"])
        self.assertEqual({s["management_mode"] for s in off["services"]}, {"partner"})

    def test_client_managed_services_stay_client_managed(self):
        maple = self.find("Maple Leaf Accounting")
        self.assertTrue(maple["admin_access"])
        modes = {s["application"]: s["management_mode"] for s in maple["services"]}
        self.assertEqual(modes, {"exchange": "co_managed", "onedrive": "co_managed", "teams": "client"})
        off = self.assertStatus(self.put(maple, False), 200).json()
        self.assertEqual({s["application"]: s["management_mode"] for s in off["services"]},
                         {"exchange": "partner", "onedrive": "partner", "teams": "client"})
        on = self.assertStatus(self.put(off, True), 200).json()
        self.assertEqual({s["application"]: s["management_mode"] for s in on["services"]}, modes)

    def test_setting_the_current_value_changes_nothing(self):
        org = self.create()
        r = self.assertStatus(self.put(org, False), 200)
        self.assertEqual(r.json()["etag"], org["etag"])

    def test_admin_access_needs_a_mapped_organization(self):
        nordlicht = self.find("Nordlicht Architekten GmbH")
        self.assertProblem(self.put(nordlicht, True), 409)
        self.assertFalse(self.get(nordlicht["id"])["admin_access"])

    def test_unmapping_while_admin_access_is_on_is_409(self):
        maple = self.find("Maple Leaf Accounting")
        self.assertProblem(self.owner.delete(f"{ORGS}/{maple['id']}/mapping", if_match=maple["etag"]), 409)

    def test_if_match_and_validation(self):
        org = self.create()
        path = f"{ORGS}/{org['id']}/admin-access"
        self.assertProblem(self.owner.put(path, {"enabled": True}), 428)
        self.assertProblem(self.owner.put(path, {"enabled": True}, if_match='"org_1.55"'), 412)
        for body in ({}, {"enabled": "yes"}, {"enabled": None}):
            self.assertProblem(self.owner.put(path, body, if_match=org["etag"]), 422, "enabled")


class Audited(OrganizationsBase):
    """Every mutation writes one audit entry about the organization."""

    def entries(self, org_id):
        r = self.owner.get("/api/v1/audit-log", params={"organization_id": org_id, "limit": 500})
        if r.status == 404:
            self.skipTest("needs the audit log (GET /api/v1/audit-log)")
        return [(e["action"], e["target_id"]) for e in reversed(self.assertStatus(r, 200).json()["items"])]

    def test_every_mutation_is_audited(self):
        org = self.create(domain="audited.example")
        org = self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {"status": "active"}, if_match=org["etag"]),
                                200).json()
        self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/reset-password"), 202)
        self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/sign-in-link"), 201)
        free = next(c for c in self.owner.list_all(f"{ORGS}/{org['id']}/mapping/candidates")[0]
                    if c["linked_organization_id"] is None)
        org = self.assertStatus(self.owner.put(f"{ORGS}/{org['id']}/mapping", {"service_account_id": free["id"]},
                                               if_match=org["etag"]), 200).json()
        org = self.assertStatus(self.owner.put(f"{ORGS}/{org['id']}/admin-access", {"enabled": True},
                                               if_match=org["etag"]), 200).json()
        org = self.assertStatus(self.owner.put(f"{ORGS}/{org['id']}/admin-access", {"enabled": False},
                                               if_match=org["etag"]), 200).json()
        org = self.assertStatus(self.owner.delete(f"{ORGS}/{org['id']}/mapping", if_match=org["etag"]), 200).json()
        service = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/services",
                                                    {"suite": "microsoft365", "application": "exchange"}), 201).json()
        service = self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}/services/{service['id']}", {"paused": True},
                                                     if_match=service["etag"]), 200).json()
        self.assertStatus(self.owner.delete(f"{ORGS}/{org['id']}/services/{service['id']}", if_match=service["etag"]),
                          204)
        org = self.get(org["id"])
        self.assertStatus(self.owner.delete(f"{ORGS}/{org['id']}", if_match=org["etag"]), 204)
        o, s = org["id"], service["id"]
        self.assertEqual(self.entries(o), [
            ("organization.create", o), ("organization.update", o), ("organization.send_reset_password", o),
            ("organization.sign_in_link", o), ("organization.map", o), ("organization.admin_access", o),
            ("organization.admin_access", o), ("organization.unmap", o), ("service.create", s),
            ("service.update", s), ("service.delete", s), ("organization.delete", o)])

    def test_refused_and_unchanged_requests_are_not_audited(self):
        org = self.create()
        self.assertProblem(self.owner.patch(f"{ORGS}/{org['id']}", {"name": ""}, if_match=org["etag"]), 422)
        self.assertProblem(self.owner.patch(f"{ORGS}/{org['id']}", {"name": "x"}, if_match='"org_1.1234"'), 412)
        self.assertStatus(self.owner.patch(f"{ORGS}/{org['id']}", {}, if_match=org["etag"]), 200)
        self.assertStatus(self.owner.put(f"{ORGS}/{org['id']}/admin-access", {"enabled": False},
                                         if_match=org["etag"]), 200)
        self.assertEqual(self.entries(org["id"]), [("organization.create", org["id"])])


class Scope(OrganizationsBase):
    """The scoped_admin demo user manages a group with an access scope: they see, read, change
    and create only within it. The group is added to the database directly, so the test does
    not depend on the groups module; the expected scope is read back from the database, so a
    group the groups seed gives them as well is taken into account."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="pd-orgs-scope-")
        cls.db_path = os.path.join(cls.tmp.name, "portal.db")
        cls.portal = Portal(seed=cls.SEED, database=cls.db_path)
        cls.portal.stop()
        with contextlib.closing(sqlite3.connect(cls.db_path)) as db:
            now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            user = db.execute("SELECT id, partner_id FROM users WHERE email = 'scoped.admin@northwind-it.example'")
            cls.user_id, partner = user.fetchone()
            cls.group_id = db.execute("INSERT INTO groups (partner_id, name, created_at, updated_at) "
                                      "VALUES (?, 'Organizations scope test', ?, ?)", (partner, now, now)).lastrowid
            for name in ("Harbor Dental Group", "Bright Path Academy", "Summit Legal Partners"):
                db.execute("INSERT INTO group_organizations (group_id, organization_id) "
                           "SELECT ?, id FROM organizations WHERE partner_id = ? AND name = ?",
                           (cls.group_id, partner, name))
            db.execute("INSERT INTO group_managers (group_id, user_id) VALUES (?, ?)", (cls.group_id, cls.user_id))
            db.commit()
        cls.portal.start()

    @classmethod
    def tearDownClass(cls):
        cls.portal.close()
        cls.tmp.cleanup()

    def expected_scope(self):
        with contextlib.closing(sqlite3.connect(self.db_path)) as db:
            rows = db.execute("SELECT DISTINCT go.organization_id FROM group_organizations go JOIN group_managers gm "
                              "ON gm.group_id = go.group_id WHERE gm.user_id = ?", (self.user_id,))
            return {f"org_{row[0]}" for row in rows}

    def setUp(self):
        super().setUp()
        self.scoped = self.client("scoped_admin")

    def test_the_list_holds_exactly_the_scope(self):
        items, _ = self.scoped.list_all(ORGS)
        expected = self.expected_scope()
        self.assertEqual({o["id"] for o in items}, expected)
        self.assertLess(len(expected), len(self.owner.list_all(ORGS)[0]))
        # Resellers inside the scope are listed like the others.
        self.assertIn("Bright Path Academy", {o["name"] for o in items})
        walked, _ = self.scoped.list_all(ORGS, limit=1)
        self.assertEqual([o["id"] for o in walked], [o["id"] for o in items])

    def test_organizations_outside_the_scope_do_not_exist_for_them(self):
        outside = self.find("Kestrel Logistics")
        self.assertNotIn(outside["id"], self.expected_scope())
        path = f"{ORGS}/{outside['id']}"
        self.assertProblem(self.scoped.get(path), 404)
        self.assertProblem(self.scoped.get(f"{path}/services"), 404)
        self.assertProblem(self.scoped.get(f"{path}/services/{outside['services'][0]['id']}"), 404)
        self.assertProblem(self.scoped.patch(path, {"name": "x"}, if_match="*"), 404)
        self.assertProblem(self.scoped.delete(path, if_match="*"), 404)
        self.assertProblem(self.scoped.post(f"{path}/reset-password"), 404)
        self.assertProblem(self.scoped.put(f"{path}/admin-access", {"enabled": True}, if_match="*"), 404)
        for q in ("Kestrel", outside["id"], outside["domain"]):
            items, _ = self.scoped.list_all(ORGS, {"q": q})
            self.assertNotIn(outside["id"], [o["id"] for o in items], q)
        self.assertEqual(self.find("Kestrel Logistics")["etag"], outside["etag"])

    def test_inside_the_scope_they_work_as_usual(self):
        inside = self.find("Summit Legal Partners")
        r = self.scoped.patch(f"{ORGS}/{inside['id']}", {"email": "help@summit-legal.example"}, if_match=inside["etag"])
        self.assertEqual(self.assertStatus(r, 200).json()["email"], "help@summit-legal.example")

    def test_what_they_create_joins_their_groups(self):
        with contextlib.closing(sqlite3.connect(self.db_path)) as db:
            version = db.execute("SELECT version FROM groups WHERE id = ?", (self.group_id,)).fetchone()[0]
        org = self.create(client=self.scoped)
        self.assertIn(org["id"], self.expected_scope())
        self.assertStatus(self.scoped.get(f"{ORGS}/{org['id']}"), 200)
        self.assertIn(org["id"], [o["id"] for o in self.scoped.list_all(ORGS)[0]])
        with contextlib.closing(sqlite3.connect(self.db_path)) as db:
            self.assertGreater(db.execute("SELECT version FROM groups WHERE id = ?", (self.group_id,)).fetchone()[0],
                               version)
        # An unscoped creator's organization stays outside the scope.
        other = self.create()
        self.assertNotIn(other["id"], self.expected_scope())

    def test_they_learn_about_deletions_in_their_scope(self):
        org = self.create(client=self.scoped)
        start = self.scoped.get(ORGS, params={"limit": 1}).json()["server_time"]
        self.assertStatus(self.scoped.delete(f"{ORGS}/{org['id']}", if_match=org["etag"]), 204)
        page = self.scoped.get(ORGS, params={"updated_since": start}).json()
        self.assertIn(org["id"], [t["id"] for t in page["deleted"]])


if __name__ == "__main__":
    main()
