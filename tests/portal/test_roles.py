# SPDX-License-Identifier: GPL-3.0-or-later
"""Roles and the permission catalogue: built-in roles are read-only, custom roles are created,
changed and deleted below the caller's rank and with permissions the caller has."""

import uuid

from portal_harness import PortalTestCase, main
from test_auth import OAuthMixin

ROLES = "/api/v1/roles"
USERS = "/api/v1/users"
BUILTIN = {"owner": 100, "super_admin": 90, "admin": 80, "support": 60, "finance": 50, "technician": 10}


PASSWORD = "a long enough password"


class RolesBase(OAuthMixin, PortalTestCase):
    def roles(self, client=None):
        items, _ = (client or self.client()).list_all(ROLES)
        return {r["id"]: r for r in items}

    def create_role(self, client=None, **body):
        body.setdefault("name", f"Role {uuid.uuid4().hex[:8]}")
        body.setdefault("rank", 20)
        body.setdefault("permissions", ["partner.read"])
        return (client or self.client()).post(ROLES, body)

    def created_role(self, client=None, **body):
        r = self.create_role(client, **body)
        self.assertStatus(r, 201)
        return r.json()

    def user_with_role(self, role_id):
        email = f"role.user.{uuid.uuid4().hex[:8]}@northwind-it.example"
        r = self.client().post(USERS, {"email": email, "name": "Role User", "role": role_id,
                                       "notify_backup_errors": False, "password": PASSWORD})
        self.assertStatus(r, 201)
        return r.json()

    def signed_in(self, user):
        """A client with an access token of @user (signed in through OAuth)."""
        return self.portal.client(token=self.tokens(user["email"], password=PASSWORD)["access_token"])


class Catalogue(RolesBase):
    def test_permissions(self):
        r = self.assertStatus(self.client("technician").get("/api/v1/permissions"), 200)
        categories = r.json()["categories"]
        keys = [p["key"] for c in categories for p in c["permissions"]]
        self.assertEqual(len(keys), len(set(keys)))
        self.assertEqual(len({c["key"] for c in categories}), len(categories), "each category once")
        for category in categories:
            self.assertTrue(category["permissions"])
            for permission in category["permissions"]:
                self.assertRegex(permission["key"], r"^[a-z_]+\.[a-z_]+$")
                self.assertTrue(permission["description"])
        by_category = {c["key"]: [p["key"] for p in c["permissions"]] for c in categories}
        self.assertEqual(by_category["users"], ["users.read", "users.write", "users.delete"])
        for key in ("partner.write", "users.write", "users.delete", "roles.write", "groups.write", "smtp.write"):
            self.assertIn(key, keys)
        # The owner's role has every permission of the catalogue.
        self.assertEqual(sorted(keys), self.roles()["owner"]["permissions"])

    def test_needs_roles_read_and_a_token(self):
        self.assertProblem(self.portal.anonymous().get("/api/v1/permissions"), 401)
        self.assertProblem(self.portal.anonymous().get(ROLES), 401)
        # Onboarding specialists (the seeded custom role) cannot see roles.
        onboarding = next(r for r in self.roles().values() if r["key"] == "onboarding")
        client = self.signed_in(self.user_with_role(onboarding["id"]))
        problem = self.assertProblem(client.get("/api/v1/permissions"), 403)
        self.assertEqual(problem["permission"], "roles.read")
        self.assertEqual(self.assertProblem(client.get(ROLES), 403)["permission"], "roles.read")


class Read(RolesBase):
    def test_builtin_and_custom_roles(self):
        roles = self.roles(self.client("technician"))
        for key, rank in BUILTIN.items():
            self.assertEqual((roles[key]["key"], roles[key]["rank"], roles[key]["builtin"]), (key, rank, True))
        custom = [r for r in roles.values() if not r["builtin"]]
        self.assertEqual([r["name"] for r in custom], ["Onboarding specialist"])
        self.assertRegex(custom[0]["id"], r"^role_\d+$")
        self.assertEqual((custom[0]["key"], custom[0]["rank"]), ("onboarding", 55))
        self.assertIn("organizations.write", custom[0]["permissions"])
        self.assertNotIn("users.write", custom[0]["permissions"])
        self.assertIn("users.write", roles["support"]["permissions"])
        self.assertNotIn("roles.write", roles["admin"]["permissions"])
        self.assertEqual(roles["technician"]["permissions"], sorted(roles["technician"]["permissions"]))

    def test_user_count(self):
        roles = self.roles()
        users, _ = self.client().list_all(USERS)
        for role in roles.values():
            self.assertEqual(role["user_count"], sum(1 for u in users if u["role"]["id"] == role["id"]), role["id"])
        self.assertGreaterEqual(roles["admin"]["user_count"], 2)

    def test_get_one(self):
        r = self.assertStatus(self.client("finance").get(f"{ROLES}/admin"), 200)
        self.assertEqual(r.json()["rank"], 80)
        self.assertEqual(r.etag, r.json()["etag"])
        custom = next(r for r in self.roles().values() if not r["builtin"])
        self.assertEqual(self.client().get(f"{ROLES}/{custom['id']}").json(), custom)

    def test_unknown_roles_are_404(self):
        c = self.client()
        # role_1 is the owner role's row: built-in roles are only reachable by their key.
        for bad in ("emperor", "role_99999", "role_1", "role_x", "ADMIN"):
            self.assertProblem(c.get(f"{ROLES}/{bad}"), 404)

    def test_pages(self):
        items, _ = self.client().list_all(ROLES, limit=2)
        self.assertEqual([r["id"] for r in items], list(self.roles()))
        self.assertEqual(len(items), len({r["id"] for r in items}))


class Builtin(RolesBase):
    def test_builtin_roles_are_read_only(self):
        owner = self.client("owner")
        for key in BUILTIN:
            etag = owner.get(f"{ROLES}/{key}").etag
            self.assertProblem(owner.patch(f"{ROLES}/{key}", {"name": "Mine"}, if_match=etag), 409)
            self.assertProblem(owner.delete(f"{ROLES}/{key}", if_match=etag), 409)
        self.assertEqual(self.roles()["admin"]["name"], "Admin")


class Create(RolesBase):
    def test_create(self):
        body = {"name": "Billing viewer", "description": "Sees plans and reports.", "rank": 20,
                "permissions": ["reports.export", "partner.read", "dashboard.read", "partner.read"]}
        r = self.assertStatus(self.client("super_admin").post(ROLES, body), 201)
        role = r.json()
        self.assertRegex(role["id"], r"^role_\d+$")
        self.assertEqual(r.headers["location"], f"{ROLES}/{role['id']}")
        self.assertEqual(r.etag, role["etag"])
        self.assertEqual((role["key"], role["name"], role["description"], role["rank"], role["builtin"]),
                         ("billing_viewer", "Billing viewer", "Sees plans and reports.", 20, False))
        self.assertEqual(role["permissions"], ["dashboard.read", "partner.read", "reports.export"])
        self.assertEqual(role["user_count"], 0)
        self.assertEqual(self.client("technician").get(r.headers["location"]).json(), role)
        # A user can now have it.
        user = self.user_with_role(role["id"])
        self.assertEqual(user["role"], {"id": role["id"], "key": "billing_viewer", "name": "Billing viewer"})
        self.assertEqual(self.client().get(f"{ROLES}/{role['id']}").json()["user_count"], 1)

    def test_keys_are_unique(self):
        first = self.created_role(name="Night shift")
        second = self.created_role(name="Night-shift!")
        self.assertEqual(first["key"], "night_shift")
        self.assertEqual(second["key"], "night_shift_2")
        self.assertEqual(self.created_role(name="Admin team")["key"], "admin_team")
        self.assertEqual(self.created_role(name="日本語")["key"], "custom")

    def test_needs_roles_write(self):
        for role in ("admin", "support", "technician"):
            problem = self.assertProblem(self.create_role(self.client(role)), 403)
            self.assertEqual(problem["permission"], "roles.write")

    def test_validation(self):
        c = self.client("super_admin")
        problem = self.assertProblem(c.post(ROLES, {}), 422)
        self.assertEqual({e["field"] for e in problem["errors"]}, {"name", "rank", "permissions"})
        for body, field in [({"rank": 90}, "rank"), ({"rank": 0}, "rank"), ({"rank": "5"}, "rank"),
                            ({"name": ""}, "name"), ({"name": "x" * 101}, "name"),
                            ({"description": "x" * 501}, "description"),
                            ({"permissions": ["partner.read", "partner.fly"]}, "permissions[1]"),
                            ({"permissions": "partner.read"}, "permissions"),
                            ({"permissions": [1]}, "permissions[0]"), ({"builtin": True}, "builtin")]:
            self.assertProblem(self.create_role(c, **body), 422, field=field)
        self.assertStatus(self.create_role(c, rank=89), 201)
        self.assertStatus(self.create_role(self.client("owner"), rank=99, permissions=[]), 201)

    def test_names_are_unique_ignoring_case(self):
        self.created_role(name="Escalations")
        self.assertProblem(self.create_role(name="ESCALATIONS"), 409)
        self.assertProblem(self.create_role(name="admin"), 409)
        self.assertProblem(self.create_role(name="Onboarding Specialist"), 409)

    def test_idempotent_replay(self):
        c = self.client()
        body = {"name": f"Idem {uuid.uuid4().hex[:6]}", "rank": 30, "permissions": ["partner.read"]}
        key = str(uuid.uuid4())
        first = self.assertStatus(c.post(ROLES, body, idempotency_key=key), 201)
        again = self.assertStatus(c.post(ROLES, body, idempotency_key=key), 201)
        self.assertEqual(again.json(), first.json())
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(sum(1 for r in self.roles().values() if r["name"] == body["name"]), 1)


class Delegation(RolesBase):
    """A custom role with roles.write: what its users may create and change."""

    def setUp(self):
        if "delegated_role" not in type(self).__dict__:
            type(self).delegated_role = self.created_role(
                name="Delegated admin", rank=70, permissions=["partner.read", "users.read", "roles.read", "roles.write"])
            type(self).delegate_user = self.user_with_role(self.delegated_role["id"])
        self.delegate = self.signed_in(self.delegate_user)

    def test_cannot_grant_permissions_it_lacks(self):
        problem = self.assertProblem(self.create_role(self.delegate, permissions=["users.read", "smtp.write"]), 403)
        self.assertEqual(problem["permission"], "smtp.write")
        self.assertIn("smtp.write", problem["detail"])
        role = self.created_role(self.delegate, permissions=["users.read", "roles.read"], rank=69)
        self.assertEqual(role["permissions"], ["roles.read", "users.read"])

    def test_rank_below_its_own(self):
        self.assertProblem(self.create_role(self.delegate, rank=70), 422, field="rank")
        high = self.created_role(self.client("owner"), rank=75)
        problem = self.assertProblem(self.delegate.patch(f"{ROLES}/{high['id']}", {"name": "Mine now"},
                                                         if_match=high["etag"]), 403)
        self.assertEqual(problem["permission"], "rank")
        self.assertEqual(self.assertProblem(self.delegate.delete(f"{ROLES}/{high['id']}", if_match="*"), 403)
                         ["permission"], "rank")
        own = self.delegated_role
        self.assertProblem(self.delegate.patch(f"{ROLES}/{own['id']}", {"rank": 60}, if_match="*"), 403)

    def test_keeps_but_does_not_add_permissions_it_lacks(self):
        onboarding = next(r for r in self.roles().values() if r["key"] == "onboarding")
        self.assertIn("organizations.write", onboarding["permissions"])  # the delegate lacks it
        kept = onboarding["permissions"] + ["users.read"]
        r = self.assertStatus(self.delegate.patch(f"{ROLES}/{onboarding['id']}", {"permissions": kept},
                                                  if_match=onboarding["etag"]), 200)
        self.assertIn("organizations.write", r.json()["permissions"])
        problem = self.assertProblem(self.delegate.patch(f"{ROLES}/{onboarding['id']}",
                                                         {"permissions": kept + ["groups.write"]}, if_match="*"), 403)
        self.assertEqual(problem["permission"], "groups.write")
        self.assertProblem(self.delegate.patch(f"{ROLES}/{onboarding['id']}", {"rank": 70}, if_match="*"), 422,
                           field="rank")


class Lifecycle(RolesBase):
    def test_update(self):
        role = self.created_role(name="Tier one", rank=25, permissions=["partner.read"])
        path = f"{ROLES}/{role['id']}"
        c = self.client("super_admin")
        self.assertProblem(c.patch(path, {"rank": 26}), 428)
        self.assertProblem(c.patch(path, {"rank": 26}, if_match='"role_1.1"'), 412)
        r = self.assertStatus(c.patch(path, {"name": "Tier 1", "description": "First line", "rank": 26,
                                             "permissions": ["organizations.read", "partner.read"]},
                                      if_match=role["etag"]), 200)
        changed = r.json()
        self.assertEqual((changed["key"], changed["name"], changed["description"], changed["rank"]),
                         ("tier_one", "Tier 1", "First line", 26))
        self.assertEqual(changed["permissions"], ["organizations.read", "partner.read"])
        self.assertNotEqual(changed["etag"], role["etag"])
        self.assertEqual(r.etag, changed["etag"])
        self.assertEqual(self.client().get(path).json(), changed)
        r = self.assertStatus(c.patch(path, {"description": None}, if_match=changed["etag"]), 200)
        self.assertEqual(r.json()["description"], "")
        self.assertProblem(c.patch(path, {"name": "Finance"}, if_match="*"), 409)
        self.assertProblem(c.patch(path, {"name": None}, if_match="*"), 422, field="name")
        self.assertProblem(c.patch(f"{ROLES}/role_99999", {"name": "X"}, if_match="*"), 404)

    def test_permissions_take_effect_at_once(self):
        role = self.created_role(name="Reader", rank=15, permissions=["partner.read"])
        client = self.signed_in(self.user_with_role(role["id"]))
        self.assertEqual(self.assertProblem(client.get(USERS), 403)["permission"], "users.read")
        self.assertStatus(self.client().patch(f"{ROLES}/{role['id']}", {"permissions": ["partner.read", "users.read"]},
                                              if_match="*"), 200)
        self.assertStatus(client.get(USERS), 200)

    def test_rename_changes_its_users(self):
        role = self.created_role(name="Old name", rank=15)
        user = self.user_with_role(role["id"])
        _, since = self.client().list_all(USERS)
        self.assertStatus(self.client().patch(f"{ROLES}/{role['id']}", {"name": "New name"}, if_match="*"), 200)
        after = self.client().get(f"{USERS}/{user['id']}").json()
        self.assertEqual(after["role"]["name"], "New name")
        self.assertNotEqual(after["etag"], user["etag"])
        changed = self.client().get(USERS, params={"updated_since": since}).json()["items"]
        self.assertEqual([u["id"] for u in changed], [user["id"]])

    def test_delete_refused_while_in_use(self):
        role = self.created_role(name="Short lived", rank=15)
        path = f"{ROLES}/{role['id']}"
        user = self.user_with_role(role["id"])
        problem = self.assertProblem(self.client().delete(path, if_match=role["etag"]), 409)
        self.assertIn("1 user", problem["detail"])
        self.assertStatus(self.client().patch(f"{USERS}/{user['id']}", {"role": "technician"}, if_match="*"), 200)
        self.assertProblem(self.client().delete(path), 428)
        self.assertProblem(self.client().delete(path, if_match='"role_0.1"'), 412)
        self.assertStatus(self.client().delete(path, if_match=role["etag"]), 204)
        self.assertProblem(self.client().get(path), 404)
        self.assertProblem(self.client().delete(path, if_match="*"), 404)
        self.assertNotIn(role["id"], self.roles())

    def test_delete_needs_roles_write(self):
        role = self.created_role(rank=15)
        problem = self.assertProblem(self.client("admin").delete(f"{ROLES}/{role['id']}", if_match="*"), 403)
        self.assertEqual(problem["permission"], "roles.write")

    def test_updated_since_and_tombstones(self):
        c = self.client()
        _, since = c.list_all(ROLES)
        changed = self.created_role(name="Delta one", rank=15)
        doomed = self.created_role(name="Delta two", rank=15)
        self.assertStatus(c.delete(f"{ROLES}/{doomed['id']}", if_match="*"), 204)
        page = c.get(ROLES, params={"updated_since": since}).json()
        self.assertEqual([r["id"] for r in page["items"]], [changed["id"]])
        self.assertEqual([t["id"] for t in page["deleted"]], [doomed["id"]])
        self.assertEqual(c.get(ROLES).json()["deleted"], [])


if __name__ == "__main__":
    main()
