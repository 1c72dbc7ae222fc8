# SPDX-License-Identifier: GPL-3.0-or-later
"""The partner endpoints: GET and PATCH /api/v1/partner."""

from portal_harness import PortalTestCase, main

PARTNER = "/api/v1/partner"


class Partner(PortalTestCase):
    def test_get_partner(self):
        r = self.assertStatus(self.client("owner").get(PARTNER), 200)
        partner = r.json()
        self.assertEqual(partner["id"], "ptn_1")
        self.assertEqual(partner["name"], "Northwind IT Services")
        self.assertRegex(partner["default_country"], r"^[A-Z]{2}$")
        self.assertEqual(r.etag, partner["etag"])
        self.assertTrue(partner["etag"].startswith('"ptn_1.'))

    def test_every_role_reads_the_partner(self):
        for role in ("technician", "finance", "support", "scoped_admin"):
            self.assertStatus(self.client(role).get(PARTNER), 200)

    def test_anonymous_is_401(self):
        self.assertProblem(self.portal.anonymous().get(PARTNER), 401)

    def test_update_needs_partner_write(self):
        etag = self.client("owner").get(PARTNER).etag
        for role in ("admin", "support", "technician"):
            problem = self.assertProblem(self.client(role).patch(PARTNER, {"name": "X"}, if_match=etag), 403)
            self.assertEqual(problem["permission"], "partner.write")

    def test_update_needs_if_match(self):
        owner = self.client("owner")
        self.assertProblem(owner.patch(PARTNER, {"name": "Northwind IT"}), 428)
        self.assertProblem(owner.patch(PARTNER, {"name": "Northwind IT"}, if_match='"ptn_1.999"'), 412)

    def test_update_and_read_back(self):
        owner = self.client("owner")
        before = owner.get(PARTNER)
        r = self.assertStatus(owner.patch(PARTNER, {"name": "  Northwind IT Services GmbH ", "default_country": "DE"},
                                          if_match=before.etag), 200)
        partner = r.json()
        self.assertEqual(partner["name"], "Northwind IT Services GmbH")
        self.assertEqual(partner["default_country"], "DE")
        self.assertNotEqual(r.etag, before.etag)
        self.assertEqual(r.etag, partner["etag"])
        self.assertGreater(partner["updated_at"], before.json()["updated_at"])
        self.assertEqual(owner.get(PARTNER).json(), partner)

        # The super admin may change it too; the old ETag no longer matches.
        super_admin = self.client("super_admin")
        self.assertProblem(super_admin.patch(PARTNER, {"default_country": "US"}, if_match=before.etag), 412)
        r = self.assertStatus(super_admin.patch(PARTNER, {"name": "Northwind IT Services", "default_country": "US"},
                                                if_match=partner["etag"]), 200)
        self.assertEqual(r.json()["default_country"], "US")

    def test_unchanged_update_keeps_the_version(self):
        owner = self.client("owner")
        current = owner.get(PARTNER).json()
        r = self.assertStatus(owner.patch(PARTNER, {"name": current["name"]}, if_match=current["etag"]), 200)
        self.assertEqual(r.etag, current["etag"])
        r = self.assertStatus(owner.patch(PARTNER, {}, if_match="*"), 200)
        self.assertEqual(r.etag, current["etag"])

    def test_country_must_be_an_assigned_iso_code(self):
        owner = self.client("owner")
        for bad in ("XX", "ZZ", "de", "USA", "U", "", "EU", "UK", 49, None):
            r = owner.patch(PARTNER, {"default_country": bad}, if_match="*")
            self.assertProblem(r, 422, field="default_country")
        for good in ("AX", "SS", "BQ", "US"):
            self.assertStatus(owner.patch(PARTNER, {"default_country": good}, if_match="*"), 200)

    def test_name_validation(self):
        owner = self.client("owner")
        for bad in ("", "   ", "x" * 201, "tab\x07bell", 12, None):
            self.assertProblem(owner.patch(PARTNER, {"name": bad}, if_match="*"), 422, field="name")
        self.assertStatus(owner.patch(PARTNER, {"name": "ü" * 200}, if_match="*"), 200)
        self.assertStatus(owner.patch(PARTNER, {"name": "Northwind IT Services"}, if_match="*"), 200)

    def test_unknown_members_and_bodies(self):
        owner = self.client("owner")
        self.assertProblem(owner.patch(PARTNER, {"id": "ptn_2"}, if_match="*"), 422, field="id")
        self.assertProblem(owner.patch(PARTNER, ["name"], if_match="*"), 422)
        self.assertProblem(owner.request("PATCH", PARTNER, body=b"{", if_match="*",
                                         headers={"Content-Type": "application/json"}), 400)


if __name__ == "__main__":
    main()
