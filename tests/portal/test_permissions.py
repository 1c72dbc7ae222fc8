# SPDX-License-Identifier: GPL-3.0-or-later
"""The role × mutating-endpoint permission matrix, driven by the contract: every POST, PUT,
PATCH and DELETE operation of docs/portal-api.yaml is called by every demo role. A role that
lacks the permission the endpoint needs gets a 403 naming exactly that permission; a role
that has it (per its own GET /me) is never refused for that permission. The permission an
endpoint needs is learnt from the technician (read-only) and the matrix checks that every
role agrees with /me, so the server, /me and the roles stay one story."""

import unittest

from portal_harness import PortalTestCase, contract, main

ROLES = ["technician", "finance", "support", "scoped_admin", "admin", "super_admin", "owner"]
# Endpoints that any signed-in user may call (their own things), so no permission is named.
OPEN_TO_EVERY_ROLE = {
    "POST /api/v1/notifications/{notification_id}/read",
    "POST /api/v1/notifications/read-all",
}


class PermissionMatrix(PortalTestCase):
    SEED = 40

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        owner = cls.portal.client("owner")
        cls.permissions = {role: set(cls.portal.client(role).get("/api/v1/me").json()["permissions"])
                           for role in ROLES}
        orgs = owner.get("/api/v1/organizations", params={"limit": 500, "relationship": "msp"}).json()["items"]
        org = next(o for o in orgs if o["services"] and o["status"] == "active")
        service = org["services"][0]
        accounts = owner.get(f"/api/v1/organizations/{org['id']}/services/{service['id']}/accounts",
                             ).json().get("items", [])
        # A technician of its own: the matrix may deactivate or delete it.
        target = owner.post("/api/v1/users", {"email": "matrix.target@northwind-it.example", "name": "Matrix Target",
                                              "role": "technician", "notify_backup_errors": False,
                                              "password": "matrix-target-password"})
        assert target.status == 201, target
        roles = owner.get("/api/v1/roles").json()["items"]
        groups = owner.get("/api/v1/groups").json()["items"]
        notifications = owner.get("/api/v1/notifications").json()["items"]
        types = owner.get("/api/v1/notification-types").json()["groups"][0]["types"]
        keys = owner.get("/api/v1/me/api-keys").json()["items"]
        cls.values = {
            "organization_id": org["id"],
            "service_id": service["id"],
            "account_id": accounts[0]["id"] if accounts else "acc_1",
            "user_id": target.json()["id"],
            "role_id": next(r["id"] for r in roles if not r["builtin"]),
            "group_id": groups[0]["id"],
            "notification_id": notifications[0]["id"] if notifications else "ntf_1",
            "key": types[0]["key"],
            "type_key": types[0]["key"],
            "key_id": keys[0]["id"] if keys else "key_1",
        }

    def operations(self):
        document = contract().document
        for path, item in sorted(document["paths"].items()):
            if not path.startswith("/api/v1/"):
                continue
            for method in ("post", "put", "patch", "delete"):
                if method in item:
                    yield method.upper(), path

    def fill(self, path):
        for name, value in self.values.items():
            path = path.replace("{" + name + "}", value)
        self.assertNotIn("{", path, f"no test value for a parameter of {path}")
        return path

    def call(self, role, method, path):
        client = self.portal.client(role)
        kw = {} if method == "POST" else {"if_match": "*"}
        # An empty body: permission checks come before validation, so it never matters.
        return client.request(method, self.fill(path), json_body={}, **kw) if method != "POST" \
            else client.post(self.fill(path), {})

    def test_matrix(self):
        checked = 0
        for method, path in self.operations():
            operation = f"{method} {path}"
            with self.subTest(operation=operation):
                probe = self.call("technician", method, path)
                if operation in OPEN_TO_EVERY_ROLE or path.startswith("/api/v1/me/"):
                    self.assertNotEqual(probe.status, 403, f"{operation} refused a read-only user: {probe!r}")
                    continue
                self.assertEqual(probe.status, 403, f"{operation} must be refused to a technician: {probe!r}")
                needed = probe.json()["permission"]
                self.assertNotIn(needed, self.permissions["technician"], operation)
                for role in ROLES[1:]:
                    r = self.call(role, method, path)
                    refused_for_it = r.status == 403 and r.json().get("permission") == needed
                    if needed in self.permissions[role]:
                        self.assertFalse(refused_for_it, f"{role} has {needed} but was refused: {operation} {r!r}")
                    else:
                        self.assertTrue(refused_for_it, f"{role} lacks {needed} but got {r.status}: {operation} {r!r}")
                checked += 1
        self.assertGreater(checked, 30, "the contract documents too few mutating endpoints")


if __name__ == "__main__":
    main()
