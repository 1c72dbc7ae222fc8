# SPDX-License-Identifier: GPL-3.0-or-later
"""What every endpoint shares: authentication, routing errors, restart on the same file."""

import os
import tempfile
import unittest

from portal_harness import Portal, PortalTestCase, main


class Framework(PortalTestCase):
    def test_missing_token_is_401_with_challenge(self):
        r = self.portal.anonymous(validate=False).get("/api/v1/me")
        self.assertProblem(r, 401)
        self.assertIn("Bearer", r.headers["www-authenticate"])

    def test_bad_token_is_401(self):
        r = self.portal.client(token="pdk_nope", validate=False).get("/api/v1/me")
        self.assertProblem(r, 401)
        self.assertIn("invalid_token", r.headers["www-authenticate"])

    def test_unknown_path_is_404_problem(self):
        r = self.client(validate=False).get("/api/v1/no-such-thing")
        self.assertProblem(r, 404)

    def test_every_response_has_a_request_id(self):
        r = self.client(validate=False).get("/api/v1/no-such-thing")
        self.assertTrue(r.headers["x-request-id"].startswith("req_"))


class Restart(PortalTestCase):
    def test_data_and_keys_survive_restart(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "portal.db")
            portal = Portal(seed=5, database=path)
            try:
                keys = dict(portal.keys)
                portal.restart()
                self.assertEqual(keys, portal.keys)
            finally:
                portal.close()


if __name__ == "__main__":
    main()
