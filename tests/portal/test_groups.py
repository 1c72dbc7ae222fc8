# SPDX-License-Identifier: GPL-3.0-or-later
"""Groups: access scope and managers, what scoped callers see and may do."""

import uuid

from portal_harness import PortalTestCase, main

GROUPS = "/api/v1/groups"
USERS = "/api/v1/users"
ORGANIZATIONS = "/api/v1/organizations"
SCOPED_ADMIN = "scoped.admin@northwind-it.example"


def number(public_id):
    return int(public_id.split("_")[1])


class GroupsBase(PortalTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        owner = cls.portal.client("owner")
        cls.organizations = sorted((o["id"] for o in owner.list_all(ORGANIZATIONS)[0]), key=number)
        # The second partner's organizations are seeded right after the first one's.
        cls.foreign_organization = f"org_{number(cls.organizations[-1]) + 1}"
        cls.users = {u["email"]: u for u in owner.list_all(USERS)[0]}
        cls.seeded = {g["name"]: g for g in owner.list_all(GROUPS)[0]}

    def uid(self, email):
        return self.users[email]["id"]

    def group(self, name):
        return self.client().get(f"{GROUPS}/{self.seeded[name]['id']}").json()

    def created_group(self, client=None, **body):
        body.setdefault("name", f"Group {uuid.uuid4().hex[:8]}")
        r = (client or self.client()).post(GROUPS, body)
        self.assertStatus(r, 201)
        return r.json()

    def add_organizations(self, group, ids, client=None, status=200):
        r = (client or self.client()).post(f"{GROUPS}/{group['id']}/organizations", {"organization_ids": ids})
        self.assertStatus(r, status)
        return r.json()

    def add_managers(self, group, ids, client=None, status=200):
        r = (client or self.client()).post(f"{GROUPS}/{group['id']}/managers", {"user_ids": ids})
        self.assertStatus(r, status)
        return r.json()

    def visible_groups(self, role):
        return {g["name"] for g in self.client(role).list_all(GROUPS)[0]}

    def enterprise_scope(self):
        return self.group("Enterprise clients")["organization_ids"]

    def outside_enterprise(self):
        scope = set(self.enterprise_scope())
        return [o for o in self.organizations if o not in scope]


class Seed(GroupsBase):
    def test_seeded_groups(self):
        self.assertTrue({"Enterprise clients", "After-hours support", "Healthcare"} <= set(self.seeded))
        enterprise = self.seeded["Enterprise clients"]
        self.assertEqual([m["id"] for m in enterprise["managers"]], [self.uid(SCOPED_ADMIN)])
        self.assertEqual(enterprise["managers"][0]["role"]["id"], "admin")
        self.assertEqual(enterprise["managers"][0]["email"], SCOPED_ADMIN)
        after_hours = self.seeded["After-hours support"]
        self.assertEqual(after_hours["organization_ids"], [])
        self.assertEqual(after_hours["organization_count"], 0)
        self.assertEqual([m["id"] for m in after_hours["managers"]], [self.uid("support@northwind-it.example")])
        self.assertEqual(self.seeded["Healthcare"]["managers"], [])

    def test_seeded_scopes(self):
        enterprise = self.seeded["Enterprise clients"]
        self.assertEqual(enterprise["organization_ids"], self.organizations[::5])
        self.assertEqual(enterprise["organization_count"], len(self.organizations[::5]))
        healthcare = self.seeded["Healthcare"]
        self.assertTrue(1 <= healthcare["organization_count"] <= 6)
        self.assertTrue(set(healthcare["organization_ids"]) <= set(self.organizations))

    def test_who_sees_which_groups(self):
        everything = set(self.seeded)
        self.assertEqual(self.visible_groups("scoped_admin"), {"Enterprise clients"})
        # The support user manages a group with an empty scope: all organizations, all groups.
        self.assertEqual(self.visible_groups("support"), everything)
        self.assertEqual(self.visible_groups("technician"), everything)  # manages nothing: sees all
        self.assertEqual(self.visible_groups("owner"), everything)
        scoped = self.client("scoped_admin")
        self.assertStatus(scoped.get(f"{GROUPS}/{self.seeded['Enterprise clients']['id']}"), 200)
        self.assertProblem(scoped.get(f"{GROUPS}/{self.seeded['Healthcare']['id']}"), 404)

    def test_scoped_admin_sees_its_organizations(self):
        items, _ = self.client("scoped_admin").list_all(ORGANIZATIONS)
        self.assertEqual({o["id"] for o in items}, set(self.enterprise_scope()))
        self.assertLess(len(items), len(self.organizations))
        self.assertProblem(self.client("scoped_admin").get(f"{ORGANIZATIONS}/{self.outside_enterprise()[0]}"), 404)

    def test_foreign_organization_is_not_ours(self):
        self.assertProblem(self.client().get(f"{ORGANIZATIONS}/{self.foreign_organization}"), 404)

    def test_needs_groups_read_and_a_token(self):
        self.assertProblem(self.portal.anonymous().get(GROUPS), 401)
        for role in ("finance",):  # finance has no groups.read
            problem = self.assertProblem(self.client(role).get(GROUPS), 403)
            self.assertEqual(problem["permission"], "groups.read")
            self.assertEqual(self.assertProblem(self.client(role).get(f"{GROUPS}/grp_1"), 403)["permission"],
                             "groups.read")


class Crud(GroupsBase):
    def test_create(self):
        r = self.assertStatus(self.client("admin").post(GROUPS, {"name": " Legal firms ",
                                                                  "description": "Litigation holds."}), 201)
        group = r.json()
        self.assertRegex(group["id"], r"^grp_\d+$")
        self.assertEqual(r.headers["location"], f"{GROUPS}/{group['id']}")
        self.assertEqual(r.etag, group["etag"])
        self.assertEqual((group["name"], group["description"], group["organization_ids"], group["managers"],
                          group["organization_count"]), ("Legal firms", "Litigation holds.", [], [], 0))
        self.assertEqual(self.client("technician").get(r.headers["location"]).json(), group)
        self.assertEqual(self.created_group(description=None)["description"], "")

    def test_names_are_unique_ignoring_case(self):
        self.created_group(name="Dental practices")
        self.assertProblem(self.client().post(GROUPS, {"name": "DENTAL PRACTICES"}), 409)
        self.assertProblem(self.client().post(GROUPS, {"name": "healthcare"}), 409)

    def test_validation(self):
        c = self.client()
        self.assertProblem(c.post(GROUPS, {}), 422, field="name")
        for body, field in [({"name": ""}, "name"), ({"name": "x" * 101}, "name"), ({"name": 7}, "name"),
                            ({"name": "Ok", "description": "x" * 501}, "description"),
                            ({"name": "Ok", "organization_ids": []}, "organization_ids")]:
            self.assertProblem(c.post(GROUPS, body), 422, field=field)
        self.assertStatus(c.post(GROUPS, {"name": "y" * 100, "description": "d" * 500}), 201)

    def test_needs_groups_write(self):
        for role in ("support", "technician"):
            problem = self.assertProblem(self.client(role).post(GROUPS, {"name": "Mine"}), 403)
            self.assertEqual(problem["permission"], "groups.write")
        group = self.seeded["Healthcare"]
        problem = self.assertProblem(self.client("support").patch(f"{GROUPS}/{group['id']}", {"name": "X"},
                                                                  if_match="*"), 403)
        self.assertEqual(problem["permission"], "groups.write")

    def test_scoped_callers_cannot_create_or_delete(self):
        problem = self.assertProblem(self.client("scoped_admin").post(GROUPS, {"name": "Shadow"}), 403)
        self.assertEqual(problem["permission"], "scope")
        enterprise = self.seeded["Enterprise clients"]
        problem = self.assertProblem(self.client("scoped_admin").delete(f"{GROUPS}/{enterprise['id']}",
                                                                        if_match="*"), 403)
        self.assertEqual(problem["permission"], "scope")

    def test_idempotent_replay(self):
        c = self.client()
        body = {"name": f"Idem {uuid.uuid4().hex[:6]}"}
        key = str(uuid.uuid4())
        first = self.assertStatus(c.post(GROUPS, body, idempotency_key=key), 201)
        again = self.assertStatus(c.post(GROUPS, body, idempotency_key=key), 201)
        self.assertEqual(again.json(), first.json())
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(len(c.get(GROUPS, params={"q": body["name"]}).json()["items"]), 1)

    def test_update(self):
        group = self.created_group(name="Schools")
        path = f"{GROUPS}/{group['id']}"
        c = self.client("admin")
        self.assertProblem(c.patch(path, {"name": "Schools and colleges"}), 428)
        self.assertProblem(c.patch(path, {"name": "Schools and colleges"}, if_match='"grp_0.1"'), 412)
        r = self.assertStatus(c.patch(path, {"name": "Schools and colleges", "description": "Education"},
                                      if_match=group["etag"]), 200)
        changed = r.json()
        self.assertEqual((changed["name"], changed["description"]), ("Schools and colleges", "Education"))
        self.assertNotEqual(changed["etag"], group["etag"])
        self.assertEqual(r.etag, changed["etag"])
        self.assertProblem(c.patch(path, {"name": "Healthcare"}, if_match="*"), 409)
        self.assertProblem(c.patch(path, {"name": ""}, if_match="*"), 422, field="name")
        self.assertProblem(c.patch(path, {"managers": []}, if_match="*"), 422, field="managers")
        self.assertProblem(c.patch(f"{GROUPS}/grp_99999", {"name": "X"}, if_match="*"), 404)
        self.assertProblem(c.patch(f"{GROUPS}/nope", {"name": "X"}, if_match="*"), 404)

    def test_scoped_admin_renames_its_group_only(self):
        scoped = self.client("scoped_admin")
        enterprise = self.group("Enterprise clients")
        r = self.assertStatus(scoped.patch(f"{GROUPS}/{enterprise['id']}", {"description": "Top clients"},
                                           if_match=enterprise["etag"]), 200)
        self.assertEqual(r.json()["description"], "Top clients")
        self.assertProblem(scoped.patch(f"{GROUPS}/{self.seeded['Healthcare']['id']}", {"name": "X"},
                                        if_match="*"), 404)

    def test_delete_and_tombstone(self):
        c = self.client("admin")
        since = c.get(GROUPS, params={"limit": 1}).json()["server_time"]
        group = self.created_group()
        path = f"{GROUPS}/{group['id']}"
        self.assertProblem(c.delete(path), 428)
        self.assertProblem(c.delete(path, if_match='"grp_0.1"'), 412)
        self.assertStatus(c.delete(path, if_match=group["etag"]), 204)
        self.assertProblem(c.get(path), 404)
        self.assertProblem(c.delete(path, if_match="*"), 404)
        page = c.get(GROUPS, params={"updated_since": since}).json()
        self.assertIn(group["id"], [t["id"] for t in page["deleted"]])
        self.assertNotIn(group["id"], [g["id"] for g in page["items"]])

    def test_search_and_pages(self):
        c = self.client()
        found = c.get(GROUPS, params={"q": "AFTER-HOURS"}).json()["items"]
        self.assertEqual([g["name"] for g in found], ["After-hours support"])
        found = c.get(GROUPS, params={"q": "on-call"}).json()["items"]  # the description
        self.assertEqual([g["name"] for g in found], ["After-hours support"])
        self.assertEqual(c.get(GROUPS, params={"q": "%"}).json()["items"], [])
        items, _ = c.list_all(GROUPS, limit=1)
        self.assertEqual(len(items), len({g["id"] for g in items}))
        self.assertEqual({g["id"] for g in items}, {g["id"] for g in c.list_all(GROUPS)[0]})


class Scope(GroupsBase):
    def test_add_and_remove_organizations(self):
        group = self.created_group()
        ids = [self.organizations[3], self.organizations[1]]
        changed = self.add_organizations(group, ids)
        self.assertEqual(changed["organization_ids"], sorted(ids, key=number))
        self.assertEqual(changed["organization_count"], 2)
        self.assertNotEqual(changed["etag"], group["etag"])
        # Adding what is there already changes nothing.
        again = self.add_organizations(changed, [self.organizations[1]])
        self.assertEqual(again["etag"], changed["etag"])

        path = f"{GROUPS}/{group['id']}/organizations/{self.organizations[1]}"
        self.assertProblem(self.client().delete(path), 428)
        self.assertProblem(self.client().delete(path, if_match=group["etag"]), 412)
        r = self.assertStatus(self.client().delete(path, if_match=changed["etag"]), 200)
        self.assertEqual(r.json()["organization_ids"], [self.organizations[3]])
        self.assertEqual(r.etag, r.json()["etag"])
        self.assertNotEqual(r.etag, changed["etag"])
        self.assertProblem(self.client().delete(path, if_match="*"), 404)
        for bad in ("org_99999", "nope", self.foreign_organization):
            self.assertProblem(self.client().delete(f"{GROUPS}/{group['id']}/organizations/{bad}", if_match="*"), 404)
        # The owner may empty a scope (which then means all organizations).
        r = self.client().delete(f"{GROUPS}/{group['id']}/organizations/{self.organizations[3]}", if_match="*")
        self.assertEqual(self.assertStatus(r, 200).json()["organization_count"], 0)

    def test_add_validation(self):
        group = self.created_group()
        path = f"{GROUPS}/{group['id']}/organizations"
        c = self.client()
        problem = self.assertProblem(c.post(path, {"organization_ids": [self.organizations[0], "org_99999"]}), 422,
                                     field="organization_ids[1]")
        self.assertEqual([e["code"] for e in problem["errors"]], ["not_found"])
        self.assertProblem(c.post(path, {"organization_ids": [self.foreign_organization]}), 422,
                           field="organization_ids[0]")
        self.assertProblem(c.post(path, {"organization_ids": ["usr_1"]}), 422, field="organization_ids[0]")
        self.assertProblem(c.post(path, {"organization_ids": [3]}), 422, field="organization_ids[0]")
        self.assertProblem(c.post(path, {"organization_ids": []}), 422, field="organization_ids")
        self.assertProblem(c.post(path, {"organization_ids": ["org_1"] * 501}), 422, field="organization_ids")
        self.assertProblem(c.post(path, {}), 422, field="organization_ids")
        # Nothing was added by the failed requests.
        self.assertEqual(c.get(f"{GROUPS}/{group['id']}").json()["etag"], group["etag"])
        self.assertProblem(c.post(f"{GROUPS}/grp_99999/organizations", {"organization_ids": [self.organizations[0]]}),
                           404)

    def test_if_match_is_optional_but_checked(self):
        group = self.created_group()
        path = f"{GROUPS}/{group['id']}/organizations"
        body = {"organization_ids": [self.organizations[2]]}
        self.assertProblem(self.client().post(path, body, if_match='"grp_0.1"'), 412)
        r = self.assertStatus(self.client().post(path, body, if_match=group["etag"]), 200)
        self.assertEqual(r.json()["organization_ids"], [self.organizations[2]])

    def test_idempotent_replay(self):
        group = self.created_group()
        path = f"{GROUPS}/{group['id']}/organizations"
        key = str(uuid.uuid4())
        body = {"organization_ids": [self.organizations[4]]}
        first = self.assertStatus(self.client().post(path, body, idempotency_key=key), 200)
        again = self.assertStatus(self.client().post(path, body, idempotency_key=key), 200)
        self.assertEqual(again.json(), first.json())
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")

    def test_scoped_admin_adds_only_what_it_sees(self):
        scoped = self.client("scoped_admin")
        enterprise = self.group("Enterprise clients")
        outside = self.outside_enterprise()[0]
        problem = self.assertProblem(scoped.post(f"{GROUPS}/{enterprise['id']}/organizations",
                                                 {"organization_ids": [outside]}), 422, field="organization_ids[0]")
        self.assertEqual(problem["errors"][0]["code"], "not_found")
        inside = enterprise["organization_ids"][0]
        same = self.add_organizations(enterprise, [inside], client=scoped)
        self.assertEqual(same["etag"], enterprise["etag"])

    def test_scoped_admin_cannot_empty_a_scope(self):
        owner = self.client()
        inside = self.enterprise_scope()[0]
        group = self.created_group()
        group = self.add_organizations(group, [inside])
        group = self.add_managers(group, [self.uid(SCOPED_ADMIN)])
        scoped = self.client("scoped_admin")
        path = f"{GROUPS}/{group['id']}/organizations/{inside}"
        problem = self.assertProblem(scoped.delete(path, if_match=group["etag"]), 409)
        self.assertIn("all organizations", problem["detail"])
        self.assertStatus(owner.delete(f"{GROUPS}/{group['id']}", if_match="*"), 204)

    def test_scope_changes_what_managers_see_at_once(self):
        owner = self.client()
        scoped = self.client("scoped_admin")
        healthcare = self.seeded["Healthcare"]["id"]
        outside = self.outside_enterprise()[0]
        enterprise = self.group("Enterprise clients")
        # Outside the scoped admin's scope: it cannot add it to its group.
        self.assertProblem(scoped.post(f"{GROUPS}/{enterprise['id']}/organizations", {"organization_ids": [outside]}),
                           422, field="organization_ids[0]")

        # A second group with that organization, managed by the scoped admin too.
        extra = self.add_organizations(self.created_group(name="Night watch"), [outside])
        extra = self.add_managers(extra, [self.uid(SCOPED_ADMIN)])
        self.assertEqual(self.visible_groups("scoped_admin"), {"Enterprise clients", "Night watch"})
        self.assertStatus(scoped.post(f"{GROUPS}/{enterprise['id']}/organizations", {"organization_ids": [outside]}),
                          200)
        self.assertProblem(scoped.get(f"{GROUPS}/{healthcare}"), 404)

        # Emptying that group's scope gives its managers every organization, and so every group.
        r = owner.delete(f"{GROUPS}/{extra['id']}/organizations/{outside}", if_match=extra["etag"])
        extra = self.assertStatus(r, 200).json()
        self.assertStatus(scoped.get(f"{GROUPS}/{healthcare}"), 200)
        self.assertIn("Healthcare", self.visible_groups("scoped_admin"))

        # Without that group, the scoped admin is back to Enterprise clients.
        r = owner.delete(f"{GROUPS}/{extra['id']}/managers/{self.uid(SCOPED_ADMIN)}", if_match=extra["etag"])
        self.assertStatus(r, 200)
        self.assertEqual(self.visible_groups("scoped_admin"), {"Enterprise clients"})
        self.assertProblem(scoped.get(f"{GROUPS}/{healthcare}"), 404)
        self.assertProblem(scoped.get(f"{GROUPS}/{extra['id']}"), 404)
        self.assertStatus(owner.delete(f"{GROUPS}/{extra['id']}", if_match="*"), 204)
        r = owner.delete(f"{GROUPS}/{enterprise['id']}/organizations/{outside}", if_match="*")
        self.assertStatus(r, 200)

    def test_scope_changes_the_organizations_a_manager_lists(self):
        owner = self.client()
        enterprise = self.group("Enterprise clients")
        outside = self.outside_enterprise()[0]

        def listed():
            return {o["id"] for o in self.client("scoped_admin").list_all(ORGANIZATIONS)[0]}

        self.assertEqual(listed(), set(enterprise["organization_ids"]))
        self.assertNotIn(outside, listed())
        enterprise = self.add_organizations(enterprise, [outside])
        self.assertIn(outside, listed())
        r = owner.delete(f"{GROUPS}/{enterprise['id']}/organizations/{outside}", if_match=enterprise["etag"])
        self.assertStatus(r, 200)
        self.assertNotIn(outside, listed())


class Managers(GroupsBase):
    def test_add_and_remove(self):
        group = self.created_group()
        support, admin = self.uid("support@northwind-it.example"), self.uid("admin@northwind-it.example")
        changed = self.add_managers(group, [support, admin], client=self.client("admin"))
        self.assertEqual([m["id"] for m in changed["managers"]], sorted([support, admin], key=number))
        manager = next(m for m in changed["managers"] if m["id"] == support)
        self.assertEqual((manager["email"], manager["role"]["id"]), ("support@northwind-it.example", "support"))
        self.assertNotEqual(changed["etag"], group["etag"])
        self.assertEqual(self.add_managers(changed, [support])["etag"], changed["etag"])

        path = f"{GROUPS}/{group['id']}/managers/{support}"
        self.assertProblem(self.client().delete(path), 428)
        self.assertProblem(self.client().delete(path, if_match=group["etag"]), 412)
        r = self.assertStatus(self.client().delete(path, if_match=changed["etag"]), 200)
        self.assertEqual([m["id"] for m in r.json()["managers"]], [admin])
        self.assertEqual(r.etag, r.json()["etag"])
        self.assertProblem(self.client().delete(path, if_match="*"), 404)
        self.assertProblem(self.client().delete(f"{GROUPS}/{group['id']}/managers/usr_99999", if_match="*"), 404)

    def test_only_admins_and_support_manage_groups(self):
        group = self.created_group()
        path = f"{GROUPS}/{group['id']}/managers"
        c = self.client()
        for email in ("technician@northwind-it.example", "finance@northwind-it.example",
                      "onboarding@northwind-it.example", "owner@northwind-it.example",
                      "super.admin@northwind-it.example"):
            problem = self.assertProblem(c.post(path, {"user_ids": [self.uid(email)]}), 422, field="user_ids[0]")
            error = problem["errors"][0]
            self.assertEqual(error["code"], "role_not_allowed")
            self.assertIn("Admin or Support", error["message"])
            self.assertIn(self.users[email]["name"], error["message"])
        problem = self.assertProblem(c.post(path, {"user_ids": [self.uid("support@northwind-it.example"),
                                                                self.uid("technician@northwind-it.example")]}),
                                     422, field="user_ids[1]")
        self.assertEqual([e["field"] for e in problem["errors"]], ["user_ids[1]"])
        # All or nothing: the valid user was not added either.
        self.assertEqual(c.get(f"{GROUPS}/{group['id']}").json()["managers"], [])

    def test_unknown_and_inactive_users(self):
        group = self.created_group()
        path = f"{GROUPS}/{group['id']}/managers"
        c = self.client()
        deactivated = next(u for u in self.users.values()
                           if u["status"] == "deactivated" and u["role"]["id"] in ("admin", "support"))
        problem = self.assertProblem(c.post(path, {"user_ids": [deactivated["id"]]}), 422, field="user_ids[0]")
        self.assertEqual(problem["errors"][0]["code"], "inactive")
        mine = {u["id"] for u in self.users.values()}
        foreign = next(f"usr_{n}" for n in range(1, 100) if f"usr_{n}" not in mine)
        for bad in ("usr_99999", "nope", foreign):
            problem = self.assertProblem(c.post(path, {"user_ids": [bad]}), 422, field="user_ids[0]")
            self.assertEqual(problem["errors"][0]["code"], "not_found")
        self.assertProblem(c.post(path, {"user_ids": []}), 422, field="user_ids")
        self.assertProblem(c.post(path, {"users": []}), 422, field="users")

    def test_scoped_admin_adds_but_does_not_remove(self):
        scoped = self.client("scoped_admin")
        enterprise = self.group("Enterprise clients")
        support = self.uid("support@northwind-it.example")
        changed = self.add_managers(enterprise, [support], client=scoped)
        self.assertIn(support, [m["id"] for m in changed["managers"]])
        problem = self.assertProblem(scoped.delete(f"{GROUPS}/{enterprise['id']}/managers/{support}",
                                                   if_match=changed["etag"]), 403)
        self.assertEqual(problem["permission"], "scope")
        self.assertStatus(self.client().delete(f"{GROUPS}/{enterprise['id']}/managers/{support}",
                                               if_match=changed["etag"]), 200)

    def test_needs_groups_write(self):
        group = self.seeded["Healthcare"]
        problem = self.assertProblem(self.client("support").post(f"{GROUPS}/{group['id']}/managers",
                                                                 {"user_ids": [self.uid("admin@northwind-it.example")]}),
                                     403)
        self.assertEqual(problem["permission"], "groups.write")


class DeltaSync(GroupsBase):
    def test_updated_since(self):
        c = self.client()
        _, since = c.list_all(GROUPS)
        created = self.created_group(name="Delta new")
        healthcare = self.add_managers(self.group("Healthcare"), [self.uid("admin@northwind-it.example")])
        doomed = self.created_group(name="Delta doomed")
        self.assertStatus(c.delete(f"{GROUPS}/{doomed['id']}", if_match="*"), 204)
        page = c.get(GROUPS, params={"updated_since": since}).json()
        self.assertEqual([g["id"] for g in page["items"]],
                         sorted([created["id"], healthcare["id"]], key=number))
        self.assertEqual([t["id"] for t in page["deleted"]], [doomed["id"]])
        self.assertEqual(c.get(GROUPS, params={"updated_since": page["server_time"]}).json()["items"], [])

    def test_renaming_a_manager_changes_their_groups(self):
        c = self.client()
        support = self.users["support@northwind-it.example"]
        after_hours = self.group("After-hours support")
        _, since = c.list_all(GROUPS)
        self.assertStatus(c.patch(f"{USERS}/{support['id']}", {"name": "Kenji S."}, if_match="*"), 200)
        page = c.get(GROUPS, params={"updated_since": since}).json()
        self.assertEqual([g["id"] for g in page["items"]], [after_hours["id"]])
        self.assertEqual([m["name"] for m in page["items"][0]["managers"]], ["Kenji S."])


if __name__ == "__main__":
    main()
