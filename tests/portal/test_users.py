# SPDX-License-Identifier: GPL-3.0-or-later
"""The users endpoints of the reference portal (placeholder until the module lands)."""

import unittest

from portal_harness import PortalTestCase, main


@unittest.skip("module not written yet")
class Placeholder(PortalTestCase):
    def test_nothing(self):
        pass


if __name__ == "__main__":
    main()
