# SPDX-License-Identifier: GPL-3.0-or-later
"""The services of an organization: list, read, add, change (management mode, pause), remove."""

import uuid

from portal_harness import PortalTestCase, main

ORGS = "/api/v1/organizations"


def org_body(**overrides):
    body = {
        "name": f"Service Test {uuid.uuid4().hex[:10]}",
        "email": "it@service-test.example",
        "plan": {"name": "Business Backup", "type": "backup", "price_cents": 4900, "currency": "USD"},
    }
    body.update(overrides)
    return body


class ServicesBase(PortalTestCase):
    SEED = 20

    def setUp(self):
        self.owner = self.client("owner")

    def find(self, name):
        items, _ = self.owner.list_all(ORGS, {"q": name})
        return next(o for o in items if o["name"] == name)

    def create_org(self, **overrides):
        return self.assertStatus(self.owner.post(ORGS, org_body(**overrides)), 201).json()

    def add(self, org_id, application, suite="microsoft365", client=None):
        r = (client or self.owner).post(f"{ORGS}/{org_id}/services", {"suite": suite, "application": application})
        return self.assertStatus(r, 201).json()

    def org(self, org_id):
        return self.assertStatus(self.owner.get(f"{ORGS}/{org_id}"), 200).json()


class ListAndRead(ServicesBase):
    def test_list_matches_the_embedded_services(self):
        harbor = self.find("Harbor Dental Group")
        items, _ = self.owner.list_all(f"{ORGS}/{harbor['id']}/services")
        self.assertEqual(items, harbor["services"])
        self.assertEqual([s["application"] for s in items], ["exchange", "onedrive", "sharepoint", "teams"])

    def test_pagination_is_complete_and_duplicate_free(self):
        atlas = self.find("Atlas Engineering Group")
        items, _ = self.owner.list_all(f"{ORGS}/{atlas['id']}/services", limit=4)
        ids = [s["id"] for s in items]
        self.assertEqual(len(ids), 6)
        self.assertEqual(len(set(ids)), 6)
        self.assertEqual(ids, [s["id"] for s in atlas["services"]])
        page = self.owner.get(f"{ORGS}/{atlas['id']}/services", params={"limit": 4}).json()
        self.assertEqual(len(page["items"]), 4)
        self.assertIsNotNone(page["next_cursor"])

    def test_get_answers_the_service_with_its_etag(self):
        harbor = self.find("Harbor Dental Group")
        service = harbor["services"][0]
        r = self.assertStatus(self.owner.get(f"{ORGS}/{harbor['id']}/services/{service['id']}"), 200)
        self.assertEqual(r.json(), service)
        self.assertEqual(r.etag, service["etag"])

    def test_a_service_of_another_organization_is_404(self):
        harbor = self.find("Harbor Dental Group")
        kestrel = self.find("Kestrel Logistics")
        other = kestrel["services"][0]["id"]
        self.assertProblem(self.owner.get(f"{ORGS}/{harbor['id']}/services/{other}"), 404)
        for service_id in ("svc_999999", "svc_x", "org_1"):
            self.assertProblem(self.owner.get(f"{ORGS}/{harbor['id']}/services/{service_id}"), 404)
        self.assertProblem(self.owner.get(f"{ORGS}/org_999999/services"), 404)

    def test_list_validates_its_parameters(self):
        harbor = self.find("Harbor Dental Group")
        for params, field in (({"limit": "0"}, "limit"), ({"cursor": "x"}, "cursor"),
                              ({"updated_since": "soon"}, "updated_since")):
            self.assertProblem(self.owner.get(f"{ORGS}/{harbor['id']}/services", params=params), 422, field)

    def test_reading_needs_authentication(self):
        harbor = self.find("Harbor Dental Group")
        self.assertProblem(self.portal.anonymous().get(f"{ORGS}/{harbor['id']}/services"), 401)
        self.assertStatus(self.client("technician").get(f"{ORGS}/{harbor['id']}/services"), 200)


class AddService(ServicesBase):
    def test_a_new_service_starts_unauthorized_and_touches_its_organization(self):
        org = self.create_org()
        r = self.owner.post(f"{ORGS}/{org['id']}/services", {"suite": "microsoft365", "application": "exchange"})
        self.assertStatus(r, 201)
        service = r.json()
        self.assertEqual(r.headers["location"], f"{ORGS}/{org['id']}/services/{service['id']}")
        self.assertEqual(r.etag, service["etag"])
        self.assertEqual((service["organization_id"], service["suite"], service["application"]),
                         (org["id"], "microsoft365", "exchange"))
        self.assertEqual((service["authorization_state"], service["backup_status"], service["management_mode"]),
                         ("unauthorized", "never_run", "partner"))
        self.assertEqual(service["seats"], {"total": 10, "managed": 0, "open": 10, "unprotected": 0})
        self.assertEqual(service["jobs"], {"success": 0, "running": 0, "retrying": 0, "failed": 0})
        self.assertIsNone(service["last_backup_at"])
        self.assertIsNone(service["next_backup_at"])
        after = self.org(org["id"])
        self.assertNotEqual(after["etag"], org["etag"])
        self.assertEqual(after["services"], [service])

    def test_seats_follow_the_plan_and_the_other_services(self):
        atlas = self.find("Atlas Engineering Group")
        added = self.add(atlas["id"], "calendar", "google_workspace")
        self.assertEqual(added["seats"]["total"], max(s["seats"]["total"] for s in atlas["services"]))
        personal = self.create_org(plan={"name": "Personal", "type": "personal", "price_cents": 300, "currency": "USD"})
        self.assertEqual(self.add(personal["id"], "gmail", "google_workspace")["seats"]["total"], 1)

    def test_management_mode_follows_the_organization(self):
        reseller = self.create_org(relationship="reseller")
        self.assertEqual(self.add(reseller["id"], "teams")["management_mode"], "client")
        maple = self.find("Maple Leaf Accounting")
        self.assertTrue(maple["admin_access"])
        self.assertEqual(self.add(maple["id"], "sharepoint")["management_mode"], "co_managed")

    def test_an_application_only_once(self):
        org = self.create_org()
        self.add(org["id"], "gmail", "google_workspace")
        r = self.owner.post(f"{ORGS}/{org['id']}/services", {"suite": "google_workspace", "application": "gmail"})
        self.assertProblem(r, 409)

    def test_validation(self):
        org = self.create_org()
        path = f"{ORGS}/{org['id']}/services"
        for body, field in (({"suite": "microsoft365", "application": "gmail"}, "application"),
                            ({"suite": "google_workspace", "application": "teams"}, "application"),
                            ({"suite": "dropbox", "application": "exchange"}, "suite"),
                            ({"suite": "microsoft365", "application": "yammer"}, "application"),
                            ({"suite": "microsoft365"}, "application"), ({"application": "exchange"}, "suite"),
                            ({"suite": "microsoft365", "application": "exchange", "seats": 5}, "seats")):
            self.assertProblem(self.owner.post(path, body), 422, field)
        self.assertEqual(self.org(org["id"])["services"], [])

    def test_a_deleted_organization_gets_no_services(self):
        bluebird = self.find("Bluebird Café SARL")
        r = self.owner.post(f"{ORGS}/{bluebird['id']}/services", {"suite": "microsoft365", "application": "teams"})
        self.assertProblem(r, 409)

    def test_idempotent_replay(self):
        org = self.create_org()
        key = str(uuid.uuid4())
        body = {"suite": "microsoft365", "application": "onedrive"}
        first = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/services", body, idempotency_key=key), 201)
        again = self.assertStatus(self.owner.post(f"{ORGS}/{org['id']}/services", body, idempotency_key=key), 201)
        self.assertEqual(again.body, first.body)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(len(self.org(org["id"])["services"]), 1)

    def test_adding_needs_organizations_write(self):
        org = self.create_org()
        for role in ("technician", "finance"):
            r = self.client(role).post(f"{ORGS}/{org['id']}/services", {"suite": "microsoft365", "application": "exchange"})
            self.assertEqual(self.assertProblem(r, 403)["permission"], "organizations.write")
        self.add(org["id"], "exchange", client=self.client("support"))


class ChangeService(ServicesBase):
    def test_pause_and_resume(self):
        harbor = self.find("Harbor Dental Group")
        service = next(s for s in harbor["services"] if s["backup_status"] == "success")
        path = f"{ORGS}/{harbor['id']}/services/{service['id']}"
        paused = self.assertStatus(self.owner.patch(path, {"paused": True}, if_match=service["etag"]), 200).json()
        self.assertEqual(paused["backup_status"], "paused")
        self.assertIsNone(paused["next_backup_at"])
        self.assertEqual(paused["last_backup_at"], service["last_backup_at"])
        self.assertNotEqual(paused["etag"], service["etag"])
        self.assertNotEqual(self.org(harbor["id"])["etag"], harbor["etag"])
        resumed = self.assertStatus(self.owner.patch(path, {"paused": False}, if_match=paused["etag"]), 200).json()
        self.assertEqual(resumed["backup_status"], "success")
        self.assertIsNotNone(resumed["next_backup_at"])

    def test_resuming_a_service_that_never_ran(self):
        org = self.create_org()
        service = self.add(org["id"], "exchange")
        path = f"{ORGS}/{org['id']}/services/{service['id']}"
        paused = self.assertStatus(self.owner.patch(path, {"paused": True}, if_match=service["etag"]), 200).json()
        resumed = self.assertStatus(self.owner.patch(path, {"paused": False}, if_match=paused["etag"]), 200).json()
        self.assertEqual(resumed["backup_status"], "never_run")
        self.assertIsNone(resumed["next_backup_at"])

    def test_management_mode_client_and_back(self):
        org = self.create_org()
        service = self.add(org["id"], "teams")
        path = f"{ORGS}/{org['id']}/services/{service['id']}"
        client = self.assertStatus(self.owner.patch(path, {"management_mode": "client"}, if_match=service["etag"]), 200)
        self.assertEqual(client.json()["management_mode"], "client")
        self.assertEqual(client.etag, client.json()["etag"])
        back = self.owner.patch(path, {"management_mode": "partner"}, if_match=client.etag)
        self.assertEqual(self.assertStatus(back, 200).json()["management_mode"], "partner")

    def test_admin_access_decides_between_partner_and_co_managed(self):
        org = self.create_org()
        service = self.add(org["id"], "exchange")
        path = f"{ORGS}/{org['id']}/services/{service['id']}"
        self.assertProblem(self.owner.patch(path, {"management_mode": "co_managed"}, if_match=service["etag"]), 409)
        maple = self.find("Maple Leaf Accounting")
        exchange = next(s for s in maple["services"] if s["application"] == "exchange")
        r = self.owner.patch(f"{ORGS}/{maple['id']}/services/{exchange['id']}", {"management_mode": "partner"},
                             if_match=exchange["etag"])
        self.assertProblem(r, 409)

    def test_a_body_without_changes_keeps_the_etag(self):
        org = self.create_org()
        service = self.add(org["id"], "exchange")
        path = f"{ORGS}/{org['id']}/services/{service['id']}"
        for body in ({}, {"paused": False}, {"management_mode": "partner", "paused": False}):
            same = self.assertStatus(self.owner.patch(path, body, if_match=service["etag"]), 200).json()
            self.assertEqual(same["etag"], service["etag"])

    def test_if_match_and_validation(self):
        org = self.create_org()
        service = self.add(org["id"], "exchange")
        path = f"{ORGS}/{org['id']}/services/{service['id']}"
        self.assertProblem(self.owner.patch(path, {"paused": True}), 428)
        self.assertProblem(self.owner.patch(path, {"paused": True}, if_match='"svc_1.99"'), 412)
        for body, field in (({"management_mode": "nobody"}, "management_mode"), ({"paused": "yes"}, "paused"),
                            ({"backup_status": "success"}, "backup_status"), ({"seats": {"total": 3}}, "seats")):
            self.assertProblem(self.owner.patch(path, body, if_match=service["etag"]), 422, field)

    def test_changing_needs_services_write_and_authority(self):
        harbor = self.find("Harbor Dental Group")
        service = harbor["services"][0]
        path = f"{ORGS}/{harbor['id']}/services/{service['id']}"
        for role in ("technician", "finance"):
            r = self.client(role).patch(path, {"paused": True}, if_match=service["etag"])
            self.assertEqual(self.assertProblem(r, 403)["permission"], "services.write")
        reseller = self.find("Bright Path Academy")
        service = reseller["services"][0]
        r = self.owner.patch(f"{ORGS}/{reseller['id']}/services/{service['id']}", {"paused": True},
                             if_match=service["etag"])
        self.assertEqual(self.assertProblem(r, 403)["permission"], "relationship")


class RemoveService(ServicesBase):
    def test_remove_leaves_a_tombstone_and_updates_the_organization(self):
        kestrel = self.find("Kestrel Logistics")
        services_path = f"{ORGS}/{kestrel['id']}/services"
        start = self.owner.get(services_path).json()["server_time"]
        victim = kestrel["services"][-1]
        path = f"{services_path}/{victim['id']}"
        self.assertProblem(self.owner.delete(path), 428)
        self.assertProblem(self.owner.delete(path, if_match='"svc_1.42"'), 412)
        r = self.assertStatus(self.owner.delete(path, if_match=victim["etag"]), 204)
        self.assertEqual(r.body, b"")
        self.assertProblem(self.owner.get(path), 404)

        page = self.owner.get(services_path, params={"updated_since": start}).json()
        self.assertEqual([t["id"] for t in page["deleted"]], [victim["id"]])
        self.assertEqual(page["items"], [])
        after = self.org(kestrel["id"])
        self.assertNotIn(victim["id"], [s["id"] for s in after["services"]])
        self.assertEqual(after["storage_bytes"], kestrel["storage_bytes"] - victim["storage_bytes"])
        orgs = self.owner.get(ORGS, params={"updated_since": start}).json()
        self.assertIn(kestrel["id"], [o["id"] for o in orgs["items"]])
        # Another organization's list does not show the tombstone.
        harbor = self.find("Harbor Dental Group")
        other = self.owner.get(f"{ORGS}/{harbor['id']}/services", params={"updated_since": start}).json()
        self.assertEqual(other["deleted"], [])

    def test_updated_since_lists_changed_services_only(self):
        org = self.create_org()
        first = self.add(org["id"], "exchange")
        second = self.add(org["id"], "onedrive")
        start = self.owner.get(f"{ORGS}/{org['id']}/services").json()["server_time"]
        path = f"{ORGS}/{org['id']}/services/{second['id']}"
        self.assertStatus(self.owner.patch(path, {"paused": True}, if_match=second["etag"]), 200)
        page = self.owner.get(f"{ORGS}/{org['id']}/services", params={"updated_since": start}).json()
        self.assertEqual([s["id"] for s in page["items"]], [second["id"]])
        self.assertNotIn(first["id"], [s["id"] for s in page["items"]])

    def test_a_removed_services_id_is_never_reused(self):
        org = self.create_org()
        service = self.add(org["id"], "exchange")
        self.assertStatus(self.owner.delete(f"{ORGS}/{org['id']}/services/{service['id']}", if_match=service["etag"]),
                          204)
        again = self.add(org["id"], "exchange")
        self.assertGreater(int(again["id"][4:]), int(service["id"][4:]))

    def test_removing_needs_organizations_write(self):
        org = self.create_org()
        service = self.add(org["id"], "exchange")
        path = f"{ORGS}/{org['id']}/services/{service['id']}"
        r = self.client("technician").delete(path, if_match=service["etag"])
        self.assertEqual(self.assertProblem(r, 403)["permission"], "organizations.write")
        self.assertStatus(self.client("support").delete(path, if_match=service["etag"]), 204)


if __name__ == "__main__":
    main()
