# SPDX-License-Identifier: GPL-3.0-or-later
"""The partner users endpoints: list, create, read, change, delete, reset password, and the rank,
self and owner rules on top of the permissions."""

import itertools
import uuid

from portal_harness import PortalTestCase, main
from test_auth import OAuthMixin

USERS = "/api/v1/users"
_counter = itertools.count(1)


def new_email(prefix="new"):
    return f"{prefix}.{next(_counter)}.{uuid.uuid4().hex[:6]}@northwind-it.example"


class UsersBase(PortalTestCase):
    def users_by_email(self, client=None):
        items, _ = (client or self.client("owner")).list_all(USERS)
        return {u["email"]: u for u in items}

    def user(self, email):
        return self.users_by_email()[email]

    def create(self, client, role="technician", **extra):
        body = {"email": new_email(), "name": "Test User", "role": role, "notify_backup_errors": True}
        body.update(extra)
        return client.post(USERS, body)

    def created(self, client=None, role="technician", **extra):
        r = self.create(client or self.client("owner"), role=role, **extra)
        self.assertStatus(r, 201)
        return r.json()


class ListAndRead(UsersBase):
    def test_list_shape_and_seed(self):
        users = self.users_by_email()
        owner = users["owner@northwind-it.example"]
        self.assertEqual(owner["role"], {"id": "owner", "key": "owner", "name": "Owner"})
        self.assertEqual(owner["status"], "active")
        self.assertTrue(owner["id"].startswith("usr_"))
        self.assertTrue(users["mfa@northwind-it.example"]["mfa_enabled"])
        self.assertFalse(owner["mfa_enabled"])
        onboarding = users["onboarding@northwind-it.example"]
        self.assertTrue(onboarding["role"]["id"].startswith("role_"))
        self.assertEqual(onboarding["role"]["key"], "onboarding")
        # The extra demo users: every built-in role below the owner, one deactivated, one invited.
        roles = {u["role"]["id"] for u in users.values()}
        self.assertTrue({"owner", "super_admin", "admin", "support", "finance", "technician"} <= roles)
        self.assertIn("deactivated", {u["status"] for u in users.values()})
        self.assertIn(None, {u["last_sign_in_at"] for u in users.values()})
        self.assertTrue({"de", "fr", "ja", "pt_BR"} <= {u["language"] for u in users.values()})
        # Only the caller's partner: the second partner's users are not listed.
        self.assertNotIn("owner@bluewater.example", users)

    def test_every_reader_role_lists_users(self):
        for role in ("technician", "finance", "support", "scoped_admin"):
            self.assertStatus(self.client(role).get(USERS), 200)

    def test_pages_are_complete_and_disjoint(self):
        everything = self.users_by_email()
        items, _ = self.client().list_all(USERS, limit=2)
        ids = [u["id"] for u in items]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(set(ids), {u["id"] for u in everything.values()})
        first = self.client().get(USERS, params={"limit": 2}).json()
        self.assertEqual(len(first["items"]), 2)
        self.assertIsNotNone(first["next_cursor"])

    def test_search(self):
        c = self.client("technician")
        found = c.get(USERS, params={"q": "LINDQ"}).json()["items"]
        self.assertEqual([u["email"] for u in found], ["scoped.admin@northwind-it.example"])
        found = c.get(USERS, params={"q": "SUPPORT@north"}).json()["items"]
        self.assertEqual([u["email"] for u in found], ["support@northwind-it.example"])
        found = c.get(USERS, params={"q": "joão"}).json()["items"]
        self.assertEqual([u["name"] for u in found], ["João Silva"])
        for odd in ("%", "_", "'", "\"", "🙂", "a' OR '1'='1"):
            self.assertEqual(c.get(USERS, params={"q": odd}).json()["items"], [], odd)

    def test_filters(self):
        c = self.client("technician")
        admins = c.get(USERS, params={"role": "admin", "limit": 500}).json()["items"]
        self.assertTrue(admins)
        self.assertTrue(all(u["role"]["id"] == "admin" for u in admins))
        self.assertIn("scoped.admin@northwind-it.example", [u["email"] for u in admins])
        deactivated = c.get(USERS, params={"status": "deactivated"}).json()["items"]
        self.assertTrue(deactivated)
        self.assertTrue(all(u["status"] == "deactivated" for u in deactivated))
        both = c.get(USERS, params={"status": "deactivated", "role": "technician"}).json()["items"]
        self.assertTrue(all(u["role"]["id"] == "technician" and u["status"] == "deactivated" for u in both))
        custom = self.user("onboarding@northwind-it.example")["role"]["id"]
        found = c.get(USERS, params={"role": custom}).json()["items"]
        self.assertEqual([u["email"] for u in found], ["onboarding@northwind-it.example"])

    def test_bad_filters_are_422(self):
        c = self.client("technician")
        self.assertProblem(c.get(USERS, params={"role": "emperor"}), 422, field="role")
        self.assertProblem(c.get(USERS, params={"role": "role_99999"}), 422, field="role")
        self.assertProblem(c.get(USERS, params={"status": "gone"}), 422, field="status")
        self.assertProblem(c.get(USERS, params={"limit": 0}), 422, field="limit")
        self.assertProblem(c.get(USERS, params={"cursor": "nope"}), 422, field="cursor")
        self.assertProblem(c.get(USERS, params={"updated_since": "yesterday"}), 422, field="updated_since")

    def test_get_one(self):
        owner = self.user("owner@northwind-it.example")
        r = self.assertStatus(self.client("technician").get(f"{USERS}/{owner['id']}"), 200)
        self.assertEqual(r.json(), owner)
        self.assertEqual(r.etag, owner["etag"])

    def test_unknown_and_foreign_users_are_404(self):
        mine = {u["id"] for u in self.users_by_email().values()}
        highest = max(int(i.split("_")[1]) for i in mine)
        c = self.client()
        for n in range(1, highest + 3):
            if f"usr_{n}" not in mine:  # the second partner's users among them
                self.assertProblem(c.get(f"{USERS}/usr_{n}"), 404)
        for bad in ("usr_0", "usr_x", "42", "org_1", "usr_-1"):
            self.assertProblem(c.get(f"{USERS}/{bad}"), 404)

    def test_permissions(self):
        self.assertProblem(self.portal.anonymous().get(USERS), 401)
        self.assertProblem(self.portal.client(token="pdk_nope").get(USERS), 401)


class Create(UsersBase):
    def test_create_with_invitation(self):
        email = new_email("invited")
        r = self.client("admin").post(USERS, {"email": email, "name": "Ines Invited", "role": "technician",
                                              "notify_backup_errors": False, "language": "fr"})
        self.assertStatus(r, 201)
        user = r.json()
        self.assertEqual(r.headers["location"], f"{USERS}/{user['id']}")
        self.assertEqual(r.etag, user["etag"])
        self.assertEqual(user["email"], email)
        self.assertEqual(user["role"], {"id": "technician", "key": "technician", "name": "Technician"})
        self.assertEqual((user["status"], user["notify_backup_errors"], user["language"]), ("active", False, "fr"))
        self.assertIsNone(user["last_sign_in_at"])
        self.assertFalse(user["mfa_enabled"])
        self.assertEqual(self.client().get(r.headers["location"]).json(), user)

    def test_create_with_password_and_defaults(self):
        user = self.created(self.client("super_admin"), role="admin", password="correct horse battery")
        self.assertEqual(user["language"], "en")
        self.assertEqual(user["role"]["id"], "admin")

    def test_email_is_unique_ignoring_case(self):
        c = self.client("admin")
        email = new_email("dup")
        self.assertStatus(self.create(c, email=email), 201)
        self.assertProblem(self.create(c, email=email.upper()), 409)
        self.assertProblem(self.create(c, email="OWNER@northwind-it.example"), 409)

    def test_needs_users_write(self):
        problem = self.assertProblem(self.create(self.client("technician")), 403)
        self.assertEqual(problem["permission"], "users.write")
        problem = self.assertProblem(self.create(self.client("scoped_admin"), role="super_admin"), 403)
        self.assertEqual(problem["permission"], "rank")

    def test_only_roles_below_ones_own(self):
        admin, support, finance = self.client("admin"), self.client("support"), self.client("finance")
        problem = self.assertProblem(self.create(admin, role="super_admin"), 403)
        self.assertEqual(problem["permission"], "rank")
        self.assertProblem(self.create(admin, role="admin"), 403)
        self.assertProblem(self.create(admin, role="owner"), 403)
        self.assertStatus(self.create(admin, role="support"), 201)
        self.assertStatus(self.create(support, role="technician"), 201)
        self.assertProblem(self.create(support, role="admin"), 403)
        self.assertProblem(self.create(support, role="support"), 403)
        custom = self.user("onboarding@northwind-it.example")["role"]["id"]  # rank 55
        self.assertStatus(self.create(support, role=custom), 201)
        self.assertProblem(self.create(finance, role=custom), 403)
        self.assertStatus(self.create(finance, role="technician"), 201)
        self.assertProblem(self.create(self.client("super_admin"), role="super_admin"), 403)
        self.assertProblem(self.create(self.client("owner"), role="owner"), 403)

    def test_validation(self):
        c = self.client("admin")
        problem = self.assertProblem(c.post(USERS, {}), 422)
        self.assertEqual({e["field"] for e in problem["errors"]}, {"email", "name", "role", "notify_backup_errors"})
        cases = [
            ({"email": "not-an-address"}, "email"),
            ({"email": "a@b"}, "email"),
            ({"email": 5}, "email"),
            ({"name": ""}, "name"),
            ({"name": "x" * 201}, "name"),
            ({"role": "emperor"}, "role"),
            ({"role": "role_99999"}, "role"),
            ({"role": "role_1"}, "role"),  # a built-in role's row, not a custom role
            ({"notify_backup_errors": "yes"}, "notify_backup_errors"),
            ({"password": "short"}, "password"),
            ({"password": " " * 11}, "password"),
            ({"password": 123456789012}, "password"),
            ({"language": "es"}, "language"),
            ({"status": "active"}, "status"),
        ]
        for extra, field in cases:
            self.assertProblem(self.create(c, **extra), 422, field=field)
        self.assertProblem(c.post(USERS, "just text"), 422)

    def test_idempotent_replay(self):
        c = self.client("admin")
        body = {"email": new_email("idem"), "name": "Ida Idem", "role": "technician", "notify_backup_errors": True}
        key = str(uuid.uuid4())
        first = self.assertStatus(c.post(USERS, body, idempotency_key=key), 201)
        again = self.assertStatus(c.post(USERS, body, idempotency_key=key), 201)
        self.assertEqual(again.json(), first.json())
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(again.headers["location"], first.headers["location"])
        self.assertEqual(len(c.get(USERS, params={"q": body["email"]}).json()["items"]), 1)
        other = dict(body, name="Someone Else")
        self.assertProblem(c.post(USERS, other, idempotency_key=key), 422, field="Idempotency-Key")
        # Without the key, the same body is a second attempt: the e-mail is taken.
        self.assertProblem(c.post(USERS, body), 409)


class Update(UsersBase):
    def test_change_and_read_back(self):
        user = self.created(self.client("admin"))
        path = f"{USERS}/{user['id']}"
        r = self.assertStatus(self.client("admin").patch(path, {"name": "Renamed", "role": "support",
                                                                 "notify_backup_errors": False, "language": "ja"},
                                                          if_match=user["etag"]), 200)
        changed = r.json()
        self.assertEqual((changed["name"], changed["role"]["id"], changed["notify_backup_errors"], changed["language"]),
                         ("Renamed", "support", False, "ja"))
        self.assertNotEqual(changed["etag"], user["etag"])
        self.assertEqual(r.etag, changed["etag"])
        self.assertEqual(self.client().get(path).json(), changed)

    def test_if_match(self):
        user = self.created()
        path = f"{USERS}/{user['id']}"
        c = self.client("admin")
        self.assertProblem(c.patch(path, {"name": "A"}), 428)
        self.assertStatus(c.patch(path, {"name": "B"}, if_match=user["etag"]), 200)
        r = c.patch(path, {"name": "C"}, if_match=user["etag"])
        self.assertProblem(r, 412)
        self.assertNotEqual(r.headers.get("etag"), user["etag"])
        self.assertStatus(c.patch(path, {"name": "D"}, if_match="*"), 200)

    def test_email_is_immutable(self):
        user = self.created()
        path = f"{USERS}/{user['id']}"
        c = self.client("admin")
        problem = self.assertProblem(c.patch(path, {"email": new_email()}, if_match=user["etag"]), 422, field="email")
        self.assertEqual([e["code"] for e in problem["errors"] if e["field"] == "email"], ["immutable"])
        # Sent back unchanged (whole-object clients) it is accepted, and nothing changes.
        r = self.assertStatus(c.patch(path, {"email": user["email"].upper(), "name": user["name"]},
                                      if_match=user["etag"]), 200)
        self.assertEqual(r.json(), user)

    def test_validation(self):
        user = self.created()
        path = f"{USERS}/{user['id']}"
        c = self.client("admin")
        for body, field in [({"status": "suspended"}, "status"), ({"role": "nope"}, "role"),
                            ({"name": ""}, "name"), ({"language": "EN"}, "language"),
                            ({"notify_backup_errors": None}, "notify_backup_errors"), ({"id": "usr_1"}, "id"),
                            ({"password": "a new password!"}, "password")]:
            self.assertProblem(c.patch(path, body, if_match="*"), 422, field=field)

    def test_needs_users_write_and_404(self):
        user = self.created()
        problem = self.assertProblem(self.client("technician").patch(f"{USERS}/{user['id']}", {"name": "X"},
                                                                     if_match="*"), 403)
        self.assertEqual(problem["permission"], "users.write")
        self.assertProblem(self.client("admin").patch(f"{USERS}/usr_99999", {"name": "X"}, if_match="*"), 404)

    def test_rank_rules(self):
        admin = self.client("admin")
        users = self.users_by_email()
        super_admin = users["super.admin@northwind-it.example"]
        other_admin = users["scoped.admin@northwind-it.example"]
        for target in (super_admin, other_admin):
            problem = self.assertProblem(admin.patch(f"{USERS}/{target['id']}", {"name": "X"}, if_match="*"), 403)
            self.assertEqual(problem["permission"], "rank")
        tech = self.created(admin)
        problem = self.assertProblem(admin.patch(f"{USERS}/{tech['id']}", {"role": "admin"}, if_match="*"), 403)
        self.assertEqual(problem["permission"], "rank")
        self.assertStatus(admin.patch(f"{USERS}/{tech['id']}", {"role": "support"}, if_match="*"), 200)
        # Support may not touch a user who is now its peer.
        self.assertProblem(self.client("support").patch(f"{USERS}/{tech['id']}", {"name": "X"}, if_match="*"), 403)

    def test_self_rules(self):
        me = self.user("admin@northwind-it.example")
        path = f"{USERS}/{me['id']}"
        c = self.client("admin")
        r = self.assertStatus(c.patch(path, {"name": "Ana M. Duarte", "language": "pt_BR",
                                             "notify_backup_errors": False}, if_match=me["etag"]), 200)
        self.assertEqual(r.json()["name"], "Ana M. Duarte")
        for body in ({"role": "support"}, {"status": "deactivated"}):
            problem = self.assertProblem(c.patch(path, body, if_match="*"), 403)
            self.assertEqual(problem["permission"], "self")
        # Unchanged role and status are not a change.
        self.assertStatus(c.patch(path, {"role": "admin", "status": "active", "name": "Ana Duarte",
                                         "language": "en", "notify_backup_errors": True}, if_match="*"), 200)

    def test_owner_is_protected(self):
        owner = self.user("owner@northwind-it.example")
        path = f"{USERS}/{owner['id']}"
        for role, body in (("super_admin", {"status": "deactivated"}), ("super_admin", {"role": "admin"}),
                           ("owner", {"role": "super_admin"}), ("owner", {"status": "deactivated"})):
            self.assertProblem(self.client(role).patch(path, body, if_match="*"), 409)
        self.assertStatus(self.client("owner").patch(path, {"language": "en"}, if_match="*"), 200)

    def test_unchanged_update_keeps_the_version(self):
        user = self.created()
        r = self.assertStatus(self.client("admin").patch(f"{USERS}/{user['id']}", {"name": user["name"]},
                                                         if_match=user["etag"]), 200)
        self.assertEqual(r.etag, user["etag"])


class Delete(UsersBase):
    def test_delete_and_tombstone(self):
        c = self.client("admin")
        since = c.get(USERS, params={"limit": 1}).json()["server_time"]
        user = self.created(c)
        path = f"{USERS}/{user['id']}"
        self.assertProblem(c.delete(path), 428)
        self.assertProblem(c.delete(path, if_match='"usr_0.1"'), 412)
        self.assertStatus(c.delete(path, if_match=user["etag"]), 204)
        self.assertProblem(c.get(path), 404)
        self.assertProblem(c.delete(path, if_match="*"), 404)
        page = c.get(USERS, params={"updated_since": since}).json()
        self.assertIn(user["id"], [t["id"] for t in page["deleted"]])
        self.assertNotIn(user["id"], [u["id"] for u in page["items"]])
        # Without updated_since there are no tombstones.
        self.assertEqual(c.get(USERS).json()["deleted"], [])

    def test_needs_users_delete(self):
        user = self.created()
        for role in ("support", "finance", "technician"):
            problem = self.assertProblem(self.client(role).delete(f"{USERS}/{user['id']}", if_match="*"), 403)
            self.assertEqual(problem["permission"], "users.delete")

    def test_nobody_deletes_the_owner_or_themselves(self):
        users = self.users_by_email()
        owner = users["owner@northwind-it.example"]
        for role in ("owner", "super_admin", "admin"):
            self.assertProblem(self.client(role).delete(f"{USERS}/{owner['id']}", if_match="*"), 409)
        for role, email in (("admin", "admin@northwind-it.example"),
                            ("super_admin", "super.admin@northwind-it.example")):
            problem = self.assertProblem(self.client(role).delete(f"{USERS}/{users[email]['id']}", if_match="*"), 403)
            self.assertEqual(problem["permission"], "self")

    def test_rank_rule(self):
        users = self.users_by_email()
        for email in ("super.admin@northwind-it.example", "scoped.admin@northwind-it.example"):
            problem = self.assertProblem(self.client("admin").delete(f"{USERS}/{users[email]['id']}",
                                                                     if_match="*"), 403)
            self.assertEqual(problem["permission"], "rank")


class ResetPassword(UsersBase):
    def test_reset(self):
        user = self.created()
        r = self.assertStatus(self.client("admin").post(f"{USERS}/{user['id']}/reset-password"), 202)
        body = r.json()
        self.assertEqual(body["sent_to"], user["email"])
        self.assertRegex(body["sent_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
        # The user itself does not change.
        self.assertEqual(self.client().get(f"{USERS}/{user['id']}").json()["etag"], user["etag"])
        self.assertStatus(self.client("admin").post(f"{USERS}/{user['id']}/reset-password", {}), 202)

    def test_rules(self):
        users = self.users_by_email()
        me = users["technician@northwind-it.example"]
        problem = self.assertProblem(self.client("technician").post(f"{USERS}/{me['id']}/reset-password"), 403)
        self.assertEqual(problem["permission"], "users.write")
        target = users["super.admin@northwind-it.example"]
        problem = self.assertProblem(self.client("admin").post(f"{USERS}/{target['id']}/reset-password"), 403)
        self.assertEqual(problem["permission"], "rank")
        admin = users["admin@northwind-it.example"]
        self.assertStatus(self.client("admin").post(f"{USERS}/{admin['id']}/reset-password"), 202)
        deactivated = next(u for u in users.values() if u["status"] == "deactivated")
        self.assertProblem(self.client("owner").post(f"{USERS}/{deactivated['id']}/reset-password"), 409)
        self.assertProblem(self.client("owner").post(f"{USERS}/usr_99999/reset-password"), 404)
        self.assertProblem(self.client("owner").post(f"{USERS}/{admin['id']}/reset-password", {"x": 1}), 422,
                           field="x")

    def test_idempotent_replay(self):
        user = self.created()
        c = self.client("admin")
        key = str(uuid.uuid4())
        first = self.assertStatus(c.post(f"{USERS}/{user['id']}/reset-password", idempotency_key=key), 202)
        again = self.assertStatus(c.post(f"{USERS}/{user['id']}/reset-password", idempotency_key=key), 202)
        self.assertEqual(again.json(), first.json())
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")


class DeltaSync(UsersBase):
    def test_updated_since(self):
        c = self.client("owner")
        _, since = c.list_all(USERS)
        user = self.created(c)
        changed = self.assertStatus(c.patch(f"{USERS}/{user['id']}", {"name": "Changed"}, if_match="*"), 200).json()
        page = c.get(USERS, params={"updated_since": since}).json()
        self.assertEqual([u["id"] for u in page["items"]], [user["id"]])
        self.assertEqual(page["items"][0], changed)
        self.assertEqual(page["deleted"], [])
        # The next sync starts at this page's server_time: nothing new yet.
        self.assertEqual(c.get(USERS, params={"updated_since": page["server_time"]}).json()["items"], [])


class Deactivation(OAuthMixin, UsersBase):
    """Deactivating and deleting users revokes their keys: a portal of its own, since the demo
    keys of this class are spent."""

    def test_deactivate_revokes_tokens_and_keys(self):
        password = "a long enough password"
        user = self.created(self.client("admin"), role="support", password=password)
        tokens = self.tokens(user["email"], password=password)
        access = self.portal.client(token=tokens["access_token"])
        self.assertStatus(access.get(USERS), 200)
        r = self.assertStatus(access.post("/api/v1/me/api-keys", {"name": "Script"}), 201)
        key = self.portal.client(token=r.json()["key"])
        self.assertStatus(key.get(USERS), 200)

        self.assertStatus(self.client("admin").patch(f"{USERS}/{user['id']}", {"status": "deactivated"},
                                                     if_match="*"), 200)
        self.assertProblem(access.get(USERS), 401)
        self.assertProblem(key.get(USERS), 401)
        self.assertOAuthError(self.refresh(tokens["refresh_token"]), "invalid_grant")

        # Reactivated, the user signs in again; the old credentials stay revoked.
        self.assertStatus(self.client("admin").patch(f"{USERS}/{user['id']}", {"status": "active"},
                                                     if_match="*"), 200)
        self.assertProblem(access.get(USERS), 401)
        self.assertProblem(key.get(USERS), 401)
        self.assertOAuthError(self.refresh(tokens["refresh_token"]), "invalid_grant")
        again = self.tokens(user["email"], password=password)
        self.assertStatus(self.portal.client(token=again["access_token"]).get(USERS), 200)

    def test_invited_user_cannot_sign_in_without_a_password(self):
        user = self.created(self.client("admin"))  # no password: invited
        page, _ = self.start()
        self.assertIn("not correct", self.assertPage(self.submit(page, email=user["email"], password="x" * 12)))

    def test_deactivate_revokes_keys_and_management(self):
        owner = self.client("owner")
        users = self.users_by_email()
        support = users["support@northwind-it.example"]
        groups = {g["name"]: g for g in owner.list_all("/api/v1/groups")[0]}
        managed = [g for g in groups.values() if support["id"] in [m["id"] for m in g["managers"]]]
        self.assertTrue(managed, "the seed makes the support user a group manager")
        self.assertStatus(self.client("support").get(USERS), 200)

        r = self.assertStatus(self.client("super_admin").patch(f"{USERS}/{support['id']}",
                                                               {"status": "deactivated"}, if_match=support["etag"]), 200)
        self.assertEqual(r.json()["status"], "deactivated")
        self.assertProblem(self.client("support").get(USERS), 401)
        for group in managed:
            after = owner.get(f"/api/v1/groups/{group['id']}").json()
            self.assertNotIn(support["id"], [m["id"] for m in after["managers"]])
            self.assertNotEqual(after["etag"], group["etag"])

        # Reactivation does not bring the revoked key back.
        self.assertStatus(self.client("super_admin").patch(f"{USERS}/{support['id']}", {"status": "active"},
                                                           if_match="*"), 200)
        self.assertProblem(self.client("support").get(USERS), 401)

    def test_delete_revokes_keys(self):
        finance = self.user("finance@northwind-it.example")
        self.assertStatus(self.client("finance").get(USERS), 200)
        self.assertStatus(self.client("admin").delete(f"{USERS}/{finance['id']}", if_match=finance["etag"]), 204)
        self.assertProblem(self.client("finance").get(USERS), 401)

    def test_demotion_removes_group_management(self):
        owner = self.client("owner")
        scoped = self.user("scoped.admin@northwind-it.example")
        healthcare = next(g for g in owner.list_all("/api/v1/groups")[0] if g["name"] == "Healthcare")
        self.assertStatus(owner.post(f"/api/v1/groups/{healthcare['id']}/managers", {"user_ids": [scoped["id"]]}),
                          200)
        managed = [g for g in owner.list_all("/api/v1/groups")[0] if scoped["id"] in [m["id"] for m in g["managers"]]]
        self.assertIn(healthcare["id"], [g["id"] for g in managed])
        self.assertStatus(self.client("super_admin").patch(f"{USERS}/{scoped['id']}", {"role": "technician"},
                                                           if_match="*"), 200)
        for group in managed:
            after = owner.get(f"/api/v1/groups/{group['id']}").json()
            self.assertNotIn(scoped["id"], [m["id"] for m in after["managers"]])
        # The key still works (demotion is not deactivation), with the new role's permissions.
        problem = self.assertProblem(self.client("scoped_admin").post(USERS, {}), 403)
        self.assertEqual(problem["permission"], "users.write")


if __name__ == "__main__":
    main()
