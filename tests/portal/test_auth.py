# SPDX-License-Identifier: GPL-3.0-or-later
"""OAuth sign-in (authorize pages, token, revoke), GET /me and the caller's API keys.

The browser is played with plain HTTP: no redirect is followed, the hidden `flow` field is
read from each page, forms are posted, and the code comes from the Location header."""

import base64
import hashlib
import hmac
import html
import os
import re
import sqlite3
import struct
import subprocess
import time
import unittest
import urllib.parse
import uuid

from portal_harness import PORTAL_BIN, Portal, PortalTestCase, main

CLIENT_ID = "partner-desk"
REDIRECT = "http://127.0.0.1:53682/callback"
PASSWORD = "demo-password"
MFA_EMAIL = "mfa@northwind-it.example"
MFA_SECRET = "JBSWY3DPEHPK3PXP"
OWNER_EMAIL = "owner@northwind-it.example"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
WRONG_CREDENTIALS = "The e-mail address or the password is not correct."

ALL_PERMISSIONS = sorted("""
partner.read partner.write organizations.read organizations.write organizations.delete
organizations.sign_in services.write services.authorize accounts.read accounts.protect
dashboard.read reports.export users.read users.write users.delete roles.read roles.write
groups.read groups.write notifications.read notifications.write smtp.read smtp.write audit.read
api_keys.manage""".split())

ADMIN_PERMISSIONS = sorted(set(ALL_PERMISSIONS) - {"partner.write", "roles.write"})

# The demo keys' roles as the identity seed defines them.
ROLE_PERMISSIONS = {
    "owner": ALL_PERMISSIONS,
    "super_admin": ALL_PERMISSIONS,
    "admin": ADMIN_PERMISSIONS,
    "support": sorted("""partner.read organizations.read organizations.write organizations.sign_in
        services.write services.authorize accounts.read accounts.protect dashboard.read
        reports.export users.read users.write roles.read groups.read notifications.read smtp.read
        api_keys.manage""".split()),
    "finance": sorted("""partner.read organizations.read dashboard.read reports.export users.read
        users.write roles.read api_keys.manage""".split()),
    "technician": sorted("""partner.read organizations.read accounts.read dashboard.read users.read
        roles.read groups.read notifications.read smtp.read audit.read api_keys.manage""".split()),
    "scoped_admin": ADMIN_PERMISSIONS,
}
ROLE_KEYS = {"scoped_admin": "admin"}
ROLE_RANKS = {"owner": 100, "super_admin": 90, "admin": 80, "support": 60, "finance": 50, "technician": 10}
EMAILS = {
    "owner": OWNER_EMAIL,
    "super_admin": "super.admin@northwind-it.example",
    "admin": "admin@northwind-it.example",
    "support": "support@northwind-it.example",
    "finance": "finance@northwind-it.example",
    "technician": "technician@northwind-it.example",
    "scoped_admin": "scoped.admin@northwind-it.example",
}


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def pkce():
    verifier = b64url(os.urandom(32))
    return verifier, b64url(hashlib.sha256(verifier.encode()).digest())


def totp(secret, step):
    """RFC 6238: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits."""
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1000000:06d}"


def now_step():
    return int(time.time()) // 30


class OAuthMixin:
    """Plays the browser and the app against self.portal."""

    def browser(self):
        if getattr(self, "_browser", None) is None:
            self._browser = self.portal.anonymous()
        return self._browser

    def authorize(self, challenge=None, state="st-123", redirect_uri=REDIRECT, **extra):
        params = {"response_type": "code", "client_id": CLIENT_ID, "redirect_uri": redirect_uri,
                  "state": state, "code_challenge": challenge, "code_challenge_method": "S256"}
        params.update(extra)
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        return self.browser().get("/oauth/authorize?" + query)

    def post_form(self, path, fields):
        return self.browser().request("POST", path, body=urllib.parse.urlencode(fields).encode(), headers=FORM)

    def hidden(self, page, name):
        m = re.search(r'<input type="hidden" name="%s" value="([^"]*)">' % re.escape(name), page.body.decode())
        self.assertIsNotNone(m, f"no hidden {name} in {page!r}")
        return html.unescape(m.group(1))

    def assertPage(self, response, status=200):
        self.assertStatus(response, status)
        self.assertTrue(response.headers["content-type"].startswith("text/html"), repr(response))
        self.assertNotIn("location", response.headers)
        self.assertEqual(response.headers.get("cache-control"), "no-store")
        return response.body.decode()

    def submit(self, page, **fields):
        """Posts the form of @page with its hidden fields and @fields."""
        form = {"flow": self.hidden(page, "flow"), "step": self.hidden(page, "step"), "action": "continue"}
        form.update(fields)
        return self.post_form("/oauth/authorize", form)

    def redirected(self, response, redirect_uri=REDIRECT):
        """The query of a redirect back to the app."""
        self.assertStatus(response, 302)
        location = response.headers["location"]
        base, _, query = location.partition("?")
        self.assertEqual(base, redirect_uri)
        params = urllib.parse.parse_qs(query, strict_parsing=True)
        self.assertTrue(all(len(v) == 1 for v in params.values()), location)
        return {k: v[0] for k, v in params.items()}

    def start(self, **kw):
        verifier, challenge = pkce()
        page = self.authorize(challenge, **kw)
        self.assertPage(page)
        return page, verifier

    def sign_in(self, email, password=PASSWORD, partner=None, code=None, state="st-123"):
        """The whole browser part; returns (authorization code, verifier)."""
        page, verifier = self.start(state=state)
        response = self.submit(page, email=email, password=password)
        if code is not None:
            self.assertIn("Two-step verification", self.assertPage(response))
            response = self.submit(response, code=code)
        if partner is not None:
            response = self.submit(response, account=self.accounts(response)[partner])
        params = self.redirected(response)
        self.assertEqual(params["state"], state)
        self.assertTrue(params["code"])
        return params["code"], verifier

    def accounts(self, page):
        """Partner name → account value of an account picker page."""
        body = self.assertPage(page)
        found = re.findall(r'<button type="submit" name="account" value="([^"]+)"[^>]*>'
                           r'<span class="partner">([^<]*)</span>', body)
        return {html.unescape(name): html.unescape(value) for value, name in found}

    def token(self, fields):
        response = self.post_form("/oauth/token", fields)
        self.assertEqual(response.headers.get("cache-control"), "no-store", repr(response))
        self.assertTrue(response.headers["content-type"].startswith("application/json"), repr(response))
        return response

    def exchange(self, code, verifier, redirect_uri=REDIRECT):
        return self.token({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                           "client_id": CLIENT_ID, "code_verifier": verifier})

    def refresh(self, refresh_token, client_id=CLIENT_ID):
        return self.token({"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id})

    def tokens(self, email, **kw):
        code, verifier = self.sign_in(email, **kw)
        response = self.assertStatus(self.exchange(code, verifier), 200)
        return response.json()

    def assertOAuthError(self, response, error, status=400):
        self.assertStatus(response, status)
        body = response.json()
        self.assertEqual(body["error"], error, repr(response))
        self.assertTrue(body["error_description"])
        return body

    def me(self, token, status=200):
        response = self.portal.client(token=token).get("/api/v1/me")
        return self.assertStatus(response, status)

    def assertTokenRevoked(self, token):
        self.assertProblem(self.me(token, 401), 401)


class Authorize(OAuthMixin, PortalTestCase):
    SEED = 5

    def test_sign_in_page_is_accessible_and_self_contained(self):
        page, _ = self.start()
        body = page.body.decode()
        self.assertIn('<html lang="en">', body)
        self.assertRegex(body, r"<title>[^<]+</title>")
        self.assertIn('<label for="email">', body)
        self.assertIn('<label for="password">', body)
        self.assertIn('autocomplete="username"', body)
        self.assertIn('autocomplete="current-password"', body)
        self.assertIn("autofocus", body)
        self.assertNotRegex(body, r"(src|href)=")  # no external resources
        csp = page.headers["content-security-policy"]
        self.assertIn("default-src 'none'", csp)
        self.assertIn("form-action 'self' http://127.0.0.1:53682", csp)

    def test_login_hint_fills_in_the_address(self):
        page, _ = self.start(login_hint='olivia"<b>@northwind-it.example')
        body = page.body.decode()
        self.assertIn('value="olivia&quot;&lt;b&gt;@northwind-it.example"', body)
        self.assertRegex(body, r'name="password"[^>]*autofocus')

    def test_code_flow_with_pkce(self):
        before = self.client("admin").get("/api/v1/me").json()["user"]["last_sign_in_at"]
        code, verifier = self.sign_in("admin@northwind-it.example")
        response = self.exchange(code, verifier)
        self.assertStatus(response, 200)
        tokens = response.json()
        self.assertEqual(set(tokens), {"access_token", "token_type", "expires_in", "refresh_token", "scope"})
        self.assertEqual(tokens["token_type"], "Bearer")
        self.assertEqual(tokens["expires_in"], 3600)
        self.assertEqual(tokens["scope"], "portal")
        self.assertNotEqual(tokens["access_token"], tokens["refresh_token"])

        me = self.me(tokens["access_token"]).json()
        self.assertEqual(me["user"]["email"], "admin@northwind-it.example")
        self.assertEqual(me["credential"], {"type": "oauth", "api_key_id": None})
        self.assertGreater(me["user"]["last_sign_in_at"], before)

    def test_state_round_trips_exactly(self):
        state = "a b&c=d/é?#"
        code, _ = self.sign_in("admin@northwind-it.example", state=state)
        self.assertTrue(code)

    def test_wrong_verifier_is_refused_and_uses_up_the_code(self):
        code, verifier = self.sign_in("admin@northwind-it.example")
        self.assertOAuthError(self.exchange(code, pkce()[0]), "invalid_grant")
        self.assertOAuthError(self.exchange(code, verifier), "invalid_grant")

    def test_malformed_verifier_is_invalid_request(self):
        code, verifier = self.sign_in("admin@northwind-it.example")
        self.assertOAuthError(self.exchange(code, "short"), "invalid_request")
        self.assertOAuthError(self.exchange(code, verifier[:-1] + "!" * 10), "invalid_request")
        # A malformed request does not use the code up.
        self.assertStatus(self.exchange(code, verifier), 200)

    def test_redirect_uri_must_match(self):
        code, verifier = self.sign_in("admin@northwind-it.example")
        self.assertOAuthError(self.exchange(code, verifier, "http://127.0.0.1:53682/other"), "invalid_grant")

    def test_missing_challenge_is_sent_back_as_invalid_request(self):
        params = self.redirected(self.authorize(None, state="s1"))
        self.assertEqual(params["error"], "invalid_request")
        self.assertEqual(params["state"], "s1")
        self.assertIn("code_challenge", params["error_description"])

    def test_plain_method_is_refused(self):
        verifier, _ = pkce()
        params = self.redirected(self.authorize(verifier, state="s2", code_challenge_method="plain"))
        self.assertEqual(params["error"], "invalid_request")
        self.assertEqual(params["state"], "s2")
        params = self.redirected(self.authorize(pkce()[1], code_challenge_method=None))
        self.assertEqual(params["error"], "invalid_request")

    def test_malformed_challenge_and_response_type(self):
        self.assertEqual(self.redirected(self.authorize("too-short"))["error"], "invalid_request")
        params = self.redirected(self.authorize(pkce()[1], response_type="token"))
        self.assertEqual(params["error"], "unsupported_response_type")
        params = self.redirected(self.authorize(pkce()[1], response_type=None, state=None))
        self.assertEqual(params["error"], "invalid_request")
        self.assertNotIn("state", params)

    def test_bad_redirect_uri_shows_an_error_page_and_never_redirects(self):
        for uri in ["https://127.0.0.1:53682/cb", "http://example.com:53682/cb", "http://127.0.0.1/cb",
                    "http://127.0.0.2:53682/cb", "http://127.0.0.1:53682/cb#fragment",
                    "http://user@127.0.0.1:53682/cb", "http://127.0.0.1:53682/c b",
                    "http://127.0.0.1.example.com:53682/", "http://localhost.example:53682/",
                    "/callback", "", None]:
            with self.subTest(uri=uri):
                body = self.assertPage(self.authorize(pkce()[1], redirect_uri=uri), 400)
                self.assertIn("Invalid return address", body)
                self.assertNotIn("<form", body)

    def test_loopback_variants_are_accepted(self):
        for uri in ["http://[::1]:53682/cb", "http://localhost:53682/", "http://127.0.0.1:1/x?y=1"]:
            with self.subTest(uri=uri):
                self.start(redirect_uri=uri)
        page, _ = self.start(redirect_uri="http://127.0.0.1:1/x?y=1")
        response = self.submit(page, email="admin@northwind-it.example", password=PASSWORD)
        self.assertStatus(response, 302)
        self.assertRegex(response.headers["location"], r"^http://127\.0\.0\.1:1/x\?y=1&code=[^&]+&state=st-123$")

    def test_unknown_client_shows_an_error_page(self):
        for client in ["someone-else", ""]:
            with self.subTest(client=client):
                body = self.assertPage(self.authorize(pkce()[1], client_id=client), 400)
                self.assertIn("Unknown application", body)

    def test_wrong_password_shows_the_page_again_without_telling_which(self):
        page, _ = self.start()
        flow = self.hidden(page, "flow")
        wrong = self.submit(page, email="admin@northwind-it.example", password="nope")
        body = self.assertPage(wrong)
        self.assertIn(WRONG_CREDENTIALS, body)
        self.assertIn('role="alert"', body)
        self.assertIn('value="admin@northwind-it.example"', body)
        self.assertEqual(self.hidden(wrong, "flow"), flow)

        unknown = self.submit(wrong, email="nobody@northwind-it.example", password=PASSWORD)
        self.assertIn(WRONG_CREDENTIALS, self.assertPage(unknown))
        # The same flow still signs in with the right password.
        response = self.submit(unknown, email="admin@northwind-it.example", password=PASSWORD)
        self.assertIn("code", self.redirected(response))

    def test_empty_fields_ask_again(self):
        page, _ = self.start()
        body = self.assertPage(self.submit(page, email="", password=""))
        self.assertIn("Enter your e-mail address and password.", body)

    def test_interpolated_text_is_escaped(self):
        page, _ = self.start()
        body = self.assertPage(self.submit(page, email='"><script>alert(1)</script>', password="x"))
        self.assertNotIn("<script>", body)
        self.assertIn("&quot;&gt;&lt;script&gt;", body)

    def test_five_failures_end_the_flow(self):
        page, _ = self.start(state="s5")
        for attempt in range(4):
            page = self.submit(page, email="admin@northwind-it.example", password=f"wrong-{attempt}")
            self.assertIn(WRONG_CREDENTIALS, self.assertPage(page))
        last = self.submit(page, email="admin@northwind-it.example", password="wrong-5")
        params = self.redirected(last)
        self.assertEqual(params["error"], "access_denied")
        self.assertEqual(params["state"], "s5")
        # The flow is gone: even the right password does not help now.
        body = self.assertPage(self.submit(page, email="admin@northwind-it.example", password=PASSWORD), 400)
        self.assertIn("expired", body)

    def test_cancel_sends_access_denied(self):
        page, _ = self.start(state="s-cancel")
        params = self.redirected(self.submit(page, action="cancel"))
        self.assertEqual(params["error"], "access_denied")
        self.assertEqual(params["state"], "s-cancel")
        self.assertNotIn("code", params)
        self.assertPage(self.submit(page, email="admin@northwind-it.example", password=PASSWORD), 400)

    def test_unknown_flow_is_an_error_page(self):
        response = self.post_form("/oauth/authorize", {"flow": "nope", "step": "credentials",
                                                       "email": "admin@northwind-it.example",
                                                       "password": PASSWORD})
        self.assertIn("expired", self.assertPage(response, 400))
        self.assertPage(self.post_form("/oauth/authorize", {}), 400)

    def test_account_picker_for_an_email_in_two_partners(self):
        page, _ = self.start()
        picker = self.submit(page, email=OWNER_EMAIL, password=PASSWORD)
        body = self.assertPage(picker)
        self.assertIn("Choose an account", body)
        accounts = self.accounts(picker)
        self.assertEqual(sorted(accounts), ["Bluewater Reseller GmbH", "Northwind IT Services"])

        # An account that is not offered is not accepted.
        again = self.submit(picker, account="usr_3")
        self.assertIn("Choose one of the accounts listed.", self.assertPage(again))

        for partner, role in [("Northwind IT Services", "owner"), ("Bluewater Reseller GmbH", "admin")]:
            with self.subTest(partner=partner):
                tokens = self.tokens(OWNER_EMAIL, partner=partner)
                me = self.me(tokens["access_token"]).json()
                self.assertEqual(me["partner"]["name"], partner)
                self.assertEqual(me["role"]["key"], role)
                self.assertEqual(me["user"]["email"], OWNER_EMAIL)

    def test_mfa(self):
        page, _ = self.start(state="s-mfa")
        second = self.submit(page, email=MFA_EMAIL, password=PASSWORD)
        body = self.assertPage(second)
        self.assertIn('autocomplete="one-time-code"', body)
        self.assertNotIn('name="password"', body)

        step = now_step()
        valid = {totp(MFA_SECRET, s) for s in range(step - 2, step + 3)}
        wrong = next(c for c in ("000000", "111111", "222222") if c not in valid)
        again = self.submit(second, code=wrong)
        self.assertIn("This code is not correct.", self.assertPage(again))
        self.assertIn('autocomplete="one-time-code"', again.body.decode())

        used = totp(MFA_SECRET, now_step())
        params = self.redirected(self.submit(again, code=used[:3] + " " + used[3:]))
        self.assertEqual(params["state"], "s-mfa")
        self.assertTrue(params["code"])

        # A code works once (RFC 6238 §5.2) ...
        page, _ = self.start()
        second = self.submit(page, email=MFA_EMAIL, password=PASSWORD)
        self.assertIn("This code is not correct.", self.assertPage(self.submit(second, code=used)))
        # ... the next step's code still works (±1 step of clock drift).
        tokens = self.tokens(MFA_EMAIL, code=totp(MFA_SECRET, now_step() + 1))
        me = self.me(tokens["access_token"]).json()
        self.assertTrue(me["user"]["mfa_enabled"])
        self.assertEqual(me["user"]["email"], MFA_EMAIL)

    def test_mfa_failures_end_the_flow(self):
        page, _ = self.start()
        page = self.submit(page, email=MFA_EMAIL, password=PASSWORD)
        for _ in range(4):
            page = self.submit(page, code="12345")  # never a 6-digit code
            self.assertIn("This code is not correct.", self.assertPage(page))
        self.assertEqual(self.redirected(self.submit(page, code="abcdef"))["error"], "access_denied")

    def test_stale_page_shows_the_current_step(self):
        page, _ = self.start()
        second = self.submit(page, email=MFA_EMAIL, password=PASSWORD)
        # The Back button: the password form posted again while the flow waits for the code.
        stale = self.submit(page, email=MFA_EMAIL, password=PASSWORD)
        body = self.assertPage(stale)
        self.assertIn('autocomplete="one-time-code"', body)
        self.assertEqual(self.hidden(stale, "flow"), self.hidden(second, "flow"))


class Tokens(OAuthMixin, PortalTestCase):
    SEED = 5

    def test_code_reuse_fails_and_revokes_its_tokens(self):
        code, verifier = self.sign_in("support@northwind-it.example")
        tokens = self.assertStatus(self.exchange(code, verifier), 200).json()
        self.me(tokens["access_token"])
        self.assertOAuthError(self.exchange(code, verifier), "invalid_grant")
        self.assertTokenRevoked(tokens["access_token"])
        self.assertOAuthError(self.refresh(tokens["refresh_token"]), "invalid_grant")

    def test_refresh_rotates(self):
        first = self.tokens("support@northwind-it.example")
        second = self.assertStatus(self.refresh(first["refresh_token"]), 200).json()
        self.assertEqual(second["token_type"], "Bearer")
        self.assertEqual(second["expires_in"], 3600)
        self.assertEqual(second["scope"], "portal")
        self.assertNotEqual(second["refresh_token"], first["refresh_token"])
        self.assertNotEqual(second["access_token"], first["access_token"])
        self.assertEqual(self.me(second["access_token"]).json()["user"]["email"], "support@northwind-it.example")
        third = self.assertStatus(self.refresh(second["refresh_token"]), 200).json()
        self.me(third["access_token"])

    def test_reused_refresh_token_revokes_the_family(self):
        first = self.tokens("support@northwind-it.example")
        second = self.assertStatus(self.refresh(first["refresh_token"]), 200).json()
        other = self.tokens("finance@northwind-it.example")  # another family

        self.assertOAuthError(self.refresh(first["refresh_token"]), "invalid_grant")
        self.assertTokenRevoked(second["access_token"])
        self.assertTokenRevoked(first["access_token"])
        self.assertOAuthError(self.refresh(second["refresh_token"]), "invalid_grant")
        self.me(other["access_token"])
        self.assertStatus(self.refresh(other["refresh_token"]), 200)

    def test_refresh_needs_the_same_client(self):
        tokens = self.tokens("support@northwind-it.example")
        self.assertOAuthError(self.refresh(tokens["refresh_token"], client_id="someone-else"),
                              "invalid_client", 401)
        self.assertOAuthError(self.refresh("pdr_unknown"), "invalid_grant")
        self.assertOAuthError(self.token({"grant_type": "refresh_token", "client_id": CLIENT_ID}),
                              "invalid_request")
        # None of that used the token up.
        self.assertStatus(self.refresh(tokens["refresh_token"]), 200)

    def test_token_endpoint_errors(self):
        self.assertOAuthError(self.token({"client_id": CLIENT_ID}), "invalid_request")
        self.assertOAuthError(self.token({"grant_type": "password", "client_id": CLIENT_ID}),
                              "unsupported_grant_type")
        self.assertOAuthError(self.token({"grant_type": "authorization_code"}), "invalid_client", 401)
        self.assertOAuthError(self.token({"grant_type": "authorization_code", "client_id": "x"}),
                              "invalid_client", 401)
        verifier, _ = pkce()
        self.assertOAuthError(self.exchange("pdc_unknown", verifier), "invalid_grant")
        self.assertOAuthError(self.token({"grant_type": "authorization_code", "client_id": CLIENT_ID,
                                          "redirect_uri": REDIRECT, "code_verifier": verifier}),
                              "invalid_request")
        self.assertOAuthError(self.token({"grant_type": "authorization_code", "client_id": CLIENT_ID,
                                          "code": "pdc_x", "redirect_uri": REDIRECT}), "invalid_request")
        self.assertOAuthError(self.token({}), "invalid_request")

    def test_revoke_access_token(self):
        tokens = self.tokens("support@northwind-it.example")
        response = self.post_form("/oauth/revoke", {"token": tokens["access_token"],
                                                    "token_type_hint": "access_token"})
        self.assertStatus(response, 200)
        self.assertTokenRevoked(tokens["access_token"])
        # Only the access token: the sign-in goes on with a refresh.
        fresh = self.assertStatus(self.refresh(tokens["refresh_token"]), 200).json()
        self.me(fresh["access_token"])

    def test_revoke_refresh_token_revokes_the_family(self):
        tokens = self.tokens("support@northwind-it.example")
        newer = self.assertStatus(self.refresh(tokens["refresh_token"]), 200).json()
        # No hint, and a wrong hint, both find the token.
        self.assertStatus(self.post_form("/oauth/revoke", {"token": newer["refresh_token"],
                                                           "token_type_hint": "access_token",
                                                           "client_id": CLIENT_ID}), 200)
        self.assertTokenRevoked(newer["access_token"])
        self.assertOAuthError(self.refresh(newer["refresh_token"]), "invalid_grant")

    def test_revoke_unknown_tokens_and_api_keys_is_ok_and_harmless(self):
        self.assertStatus(self.post_form("/oauth/revoke", {"token": "pda_nothing"}), 200)
        key = self.portal.keys["technician"]
        self.assertStatus(self.post_form("/oauth/revoke", {"token": key}), 200)
        self.me(key)

    def test_revoke_errors(self):
        self.assertOAuthError(self.post_form("/oauth/revoke", {}), "invalid_request")
        self.assertOAuthError(self.post_form("/oauth/revoke", {"token": "x", "client_id": "nope"}),
                              "invalid_client", 401)

    def test_access_token_is_a_bearer_for_the_api(self):
        tokens = self.tokens("technician@northwind-it.example")
        client = self.portal.client(token=tokens["access_token"])
        created = self.assertStatus(client.post("/api/v1/me/api-keys", {"name": "From OAuth"}), 201).json()
        self.assertTrue(created["key"].startswith("pdk_"))
        self.assertProblem(self.portal.client(token=tokens["access_token"] + "x").get("/api/v1/me"), 401)


class Me(PortalTestCase):
    SEED = 5

    def test_me_for_each_demo_role(self):
        for role, permissions in ROLE_PERMISSIONS.items():
            with self.subTest(role=role):
                response = self.assertStatus(self.client(role).get("/api/v1/me"), 200)
                me = response.json()
                self.assertEqual(response.etag, me["etag"])
                self.assertEqual(me["user"]["email"], EMAILS[role])
                self.assertRegex(me["user"]["id"], r"^usr_[0-9]+$")
                self.assertEqual(me["user"]["language"], "en")
                self.assertFalse(me["user"]["mfa_enabled"])
                self.assertEqual(me["partner"]["name"], "Northwind IT Services")
                self.assertRegex(me["partner"]["id"], r"^ptn_[0-9]+$")
                key = ROLE_KEYS.get(role, role)
                self.assertEqual(me["role"], {"id": key, "key": key, "name": me["role"]["name"],
                                              "rank": ROLE_RANKS[key], "builtin": True})
                self.assertEqual(me["permissions"], permissions)
                self.assertEqual(me["credential"]["type"], "api_key")
                self.assertRegex(me["credential"]["api_key_id"], r"^key_[0-9]+$")
                scope = me["access_scope"]
                if role in ("owner", "super_admin") or not me["groups"]:
                    self.assertEqual(scope, {"all_organizations": True, "organization_ids": []})
                if not scope["all_organizations"]:
                    self.assertTrue(scope["organization_ids"])
                    self.assertTrue(all(re.match(r"^org_[0-9]+$", i) for i in scope["organization_ids"]))

    def test_scoped_admin_is_scoped_once_groups_are_seeded(self):
        me = self.client("scoped_admin").get("/api/v1/me").json()
        if not me["groups"]:
            self.skipTest("the groups module has not seeded the scoped admin's group")
        self.assertFalse(me["access_scope"]["all_organizations"])
        for group in me["groups"]:
            self.assertRegex(group["id"], r"^grp_[0-9]+$")

    def test_demo_keys_are_distinct_credentials(self):
        ids = {self.client(role).get("/api/v1/me").json()["credential"]["api_key_id"] for role in ROLE_PERMISSIONS}
        self.assertEqual(len(ids), len(ROLE_PERMISSIONS))

    def test_etag_is_stable_and_follows_the_content(self):
        first = self.client("finance").get("/api/v1/me").etag
        self.assertEqual(self.client("finance").get("/api/v1/me").etag, first)
        self.assertNotEqual(self.client("support").get("/api/v1/me").etag, first)

    def test_needs_a_credential(self):
        self.assertProblem(self.portal.anonymous().get("/api/v1/me"), 401)
        self.assertProblem(self.portal.client(token="pda_nothing").get("/api/v1/me"), 401)


class ApiKeys(PortalTestCase):
    SEED = 5

    def create(self, role="finance", name="Backup script", **kw):
        response = self.client(role).post("/api/v1/me/api-keys", {"name": name}, **kw)
        return self.assertStatus(response, 201)

    def test_list_has_the_demo_key(self):
        items, _ = self.client("support").list_all("/api/v1/me/api-keys")
        demo = [k for k in items if k["name"] == "Demo key"]
        self.assertEqual(len(demo), 1)
        key = demo[0]
        self.assertEqual(key["prefix"], self.portal.keys["support"][:10])
        self.assertIsNone(key["revoked_at"])
        self.assertIsNotNone(key["last_used_at"])
        self.assertEqual(key["etag"], f'"{key["id"]}.1"')

    def test_create_use_and_revoke(self):
        response = self.create(name="  Nightly export  ")
        created = response.json()
        secret = created["key"]
        self.assertTrue(secret.startswith("pdk_"))
        self.assertEqual(created["name"], "Nightly export")
        self.assertEqual(created["prefix"], secret[:10])
        self.assertIsNone(created["revoked_at"])
        self.assertIsNone(created["last_used_at"])
        self.assertEqual(response.etag, created["etag"])
        self.assertEqual(response.headers["location"], f"/api/v1/me/api-keys/{created['id']}")
        self.assertEqual(response.headers["cache-control"], "no-store")

        me = self.portal.client(token=secret).get("/api/v1/me").json()
        self.assertEqual(me["credential"], {"type": "api_key", "api_key_id": created["id"]})
        self.assertEqual(me["user"]["email"], EMAILS["finance"])

        finance = self.client("finance")
        shown = self.assertStatus(finance.get(response.headers["location"]), 200).json()
        self.assertNotIn("key", shown)
        self.assertIsNotNone(shown["last_used_at"])
        items, _ = finance.list_all("/api/v1/me/api-keys")
        self.assertIn(created["id"], [k["id"] for k in items])
        self.assertTrue(all("key" not in k for k in items))

        path = f"/api/v1/me/api-keys/{created['id']}"
        self.assertProblem(finance.delete(path), 428)
        self.assertProblem(finance.delete(path, if_match='"key_1.99"'), 412)
        self.assertStatus(finance.delete(path, if_match=created["etag"]), 204)
        self.assertProblem(self.portal.client(token=secret).get("/api/v1/me"), 401)

        revoked = self.assertStatus(finance.get(path), 200)
        body = revoked.json()
        self.assertIsNotNone(body["revoked_at"])
        self.assertEqual(body["etag"], f'"{created["id"]}.2"')
        self.assertEqual(revoked.etag, body["etag"])
        # Revoking again changes nothing.
        self.assertStatus(finance.delete(path, if_match="*"), 204)
        self.assertEqual(finance.get(path).etag, body["etag"])

    def test_updated_since_shows_the_revocation(self):
        finance = self.client("finance")
        created = self.create(name="Short-lived").json()
        since = finance.get("/api/v1/me/api-keys").json()["server_time"]
        path = f"/api/v1/me/api-keys/{created['id']}"
        self.assertStatus(finance.delete(path, if_match=created["etag"]), 204)
        page = finance.get("/api/v1/me/api-keys", params={"updated_since": since}).json()
        self.assertEqual([k["id"] for k in page["items"]], [created["id"]])
        self.assertEqual(page["deleted"], [])
        self.assertProblem(finance.get("/api/v1/me/api-keys", params={"updated_since": "yesterday"}), 422,
                           "updated_since")

    def test_pages(self):
        for i in range(3):
            self.create(role="technician", name=f"Key {i}")
        technician = self.client("technician")
        first = technician.get("/api/v1/me/api-keys", params={"limit": 2}).json()
        self.assertEqual(len(first["items"]), 2)
        self.assertIsNotNone(first["next_cursor"])
        items, _ = technician.list_all("/api/v1/me/api-keys", limit=1)
        ids = [k["id"] for k in items]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertGreaterEqual(len(ids), 4)
        self.assertEqual(ids, sorted(ids, key=lambda i: int(i[4:])))

    def test_only_own_keys(self):
        own = self.create(role="admin").json()
        finance = self.client("finance")
        path = f"/api/v1/me/api-keys/{own['id']}"
        self.assertProblem(finance.get(path), 404)
        self.assertProblem(finance.delete(path, if_match="*"), 404)
        items, _ = finance.list_all("/api/v1/me/api-keys")
        self.assertNotIn(own["id"], [k["id"] for k in items])
        for bad in ["nope", "key_0", "key_99999", "usr_1"]:
            self.assertProblem(finance.get(f"/api/v1/me/api-keys/{bad}"), 404)
        self.assertStatus(self.client("admin").get(path), 200)

    def test_validation(self):
        finance = self.client("finance")
        for body, field in [({}, "name"), ({"name": ""}, "name"), ({"name": "   "}, "name"),
                            ({"name": "x" * 101}, "name"), ({"name": 5}, "name"),
                            ({"name": "ok", "scope": "all"}, "scope"), ({"name": "a\u0007b"}, "name")]:
            with self.subTest(body=body):
                self.assertProblem(finance.post("/api/v1/me/api-keys", body), 422, field)
        self.assertStatus(finance.post("/api/v1/me/api-keys", {"name": "é" * 100}), 201)

    def test_idempotent_replay(self):
        finance = self.client("finance")
        before, _ = finance.list_all("/api/v1/me/api-keys")
        key = str(uuid.uuid4())
        first = self.create(name="Once", idempotency_key=key)
        again = self.create(name="Once", idempotency_key=key)
        self.assertEqual(again.headers.get("idempotent-replayed"), "true")
        self.assertEqual(again.json(), first.json())
        self.assertEqual(again.headers["location"], first.headers["location"])
        after, _ = finance.list_all("/api/v1/me/api-keys")
        self.assertEqual(len(after), len(before) + 1)
        self.assertProblem(finance.post("/api/v1/me/api-keys", {"name": "Other"}, idempotency_key=key), 422,
                           field="Idempotency-Key")

    def test_needs_a_credential(self):
        self.assertProblem(self.portal.anonymous().get("/api/v1/me/api-keys"), 401)
        self.assertProblem(self.portal.anonymous().post("/api/v1/me/api-keys", {"name": "x"}), 401)


class ShortLivedTokens(OAuthMixin, PortalTestCase):
    """--access-token-lifetime: clients test refreshing before expiry without waiting an hour."""

    SEED = 2
    EXTRA = ("--access-token-lifetime", "5")

    def test_lifetime_is_announced_and_enforced(self):
        tokens = self.tokens("support@northwind-it.example")
        self.assertEqual(tokens["expires_in"], 5)
        self.me(tokens["access_token"])
        time.sleep(5.5)
        self.assertTokenRevoked(tokens["access_token"])
        fresh = self.assertStatus(self.refresh(tokens["refresh_token"]), 200).json()
        self.assertEqual(fresh["expires_in"], 5)
        self.me(fresh["access_token"])

    def test_out_of_range_is_a_usage_error(self):
        for value in ("0", "86401", "soon"):
            with self.subTest(value=value):
                result = subprocess.run([PORTAL_BIN, "--access-token-lifetime", value],
                                        capture_output=True, timeout=30)
                self.assertEqual(result.returncode, 2, result.stderr)


class WithDatabase(OAuthMixin, PortalTestCase):
    """Changes the database under the running portal for what HTTP cannot reach: expiry,
    deactivated users, a role without the permission, group scopes, the audit log."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"pd-auth-{uuid.uuid4().hex}.db")
        cls.portal = Portal(seed=5, database=cls.tmp)

    @classmethod
    def tearDownClass(cls):
        cls.portal.close()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(cls.tmp + suffix):
                os.remove(cls.tmp + suffix)

    def sql(self, statement, *args):
        db = sqlite3.connect(self.tmp, timeout=10)
        db.execute("PRAGMA foreign_keys = ON")
        try:
            with db:
                return db.execute(statement, args).fetchall()
        finally:
            db.close()

    PAST = "2000-01-01T00:00:00.000000Z"

    def test_expired_code(self):
        code, verifier = self.sign_in("admin@northwind-it.example")
        self.sql("UPDATE auth_codes SET expires_at = ? WHERE used_at IS NULL", self.PAST)
        self.assertOAuthError(self.exchange(code, verifier), "invalid_grant")

    def test_expired_access_and_refresh_tokens(self):
        tokens = self.tokens("admin@northwind-it.example")
        self.sql("UPDATE access_tokens SET expires_at = ?", self.PAST)
        self.assertTokenRevoked(tokens["access_token"])
        fresh = self.assertStatus(self.refresh(tokens["refresh_token"]), 200).json()
        self.me(fresh["access_token"])
        self.sql("UPDATE refresh_tokens SET expires_at = ? WHERE used_at IS NULL", self.PAST)
        self.assertOAuthError(self.refresh(fresh["refresh_token"]), "invalid_grant")

    def test_expired_flow(self):
        page, _ = self.start()
        self.sql("UPDATE oauth_flows SET expires_at = ?", self.PAST)
        response = self.submit(page, email="admin@northwind-it.example", password=PASSWORD)
        self.assertIn("expired", self.assertPage(response, 400))

    def test_only_hashes_are_stored(self):
        tokens = self.tokens("admin@northwind-it.example")
        for table, token in [("access_tokens", tokens["access_token"]), ("refresh_tokens", tokens["refresh_token"])]:
            with self.subTest(table=table):
                values = [row[0] for row in self.sql(f"SELECT token_hash FROM {table}")]
                self.assertIn(hashlib.sha256(token.encode()).hexdigest(), values)
                dump = "\n".join(str(row) for row in self.sql(f"SELECT * FROM {table}"))
                self.assertNotIn(token, dump)

    def test_deactivated_user_cannot_sign_in_or_refresh(self):
        email = "support@northwind-it.example"
        tokens = self.tokens(email)
        self.sql("UPDATE users SET status = 'deactivated' WHERE email = ?", email)
        try:
            page, _ = self.start()
            body = self.assertPage(self.submit(page, email=email, password=PASSWORD))
            self.assertIn(WRONG_CREDENTIALS, body)
            self.assertTokenRevoked(tokens["access_token"])
            self.assertOAuthError(self.refresh(tokens["refresh_token"]), "invalid_grant")
        finally:
            self.sql("UPDATE users SET status = 'active' WHERE email = ?", email)

    def test_user_deactivated_between_sign_in_and_exchange(self):
        email = "finance@northwind-it.example"
        code, verifier = self.sign_in(email)
        self.sql("UPDATE users SET status = 'deactivated' WHERE email = ?", email)
        try:
            self.assertOAuthError(self.exchange(code, verifier), "invalid_grant")
        finally:
            self.sql("UPDATE users SET status = 'active' WHERE email = ?", email)

    def test_sign_in_updates_last_sign_in_at_but_not_version(self):
        email = "admin@northwind-it.example"
        (version, before), = self.sql("SELECT version, last_sign_in_at FROM users WHERE email = ?", email)
        self.tokens(email)
        (after_version, after), = self.sql("SELECT version, last_sign_in_at FROM users WHERE email = ?", email)
        self.assertGreater(after, before)
        # Signing in is not an edit: an administrator's pending change must not get a 412.
        self.assertEqual(after_version, version)

    def test_api_keys_need_the_permission(self):
        role = "SELECT id FROM roles WHERE key = 'technician' AND partner_id IS NULL"
        self.sql(f"DELETE FROM role_permissions WHERE permission = 'api_keys.manage' AND role_id = ({role})")
        try:
            technician = self.client("technician")
            for response in [technician.get("/api/v1/me/api-keys"),
                             technician.get("/api/v1/me/api-keys/key_1"),
                             technician.post("/api/v1/me/api-keys", {"name": "x"}),
                             technician.delete("/api/v1/me/api-keys/key_1", if_match="*")]:
                problem = self.assertProblem(response, 403)
                self.assertEqual(problem["permission"], "api_keys.manage")
            me = self.assertStatus(technician.get("/api/v1/me"), 200).json()
            self.assertNotIn("api_keys.manage", me["permissions"])
        finally:
            self.sql(f"INSERT INTO role_permissions (role_id, permission) VALUES (({role}), 'api_keys.manage')")
        self.assertStatus(self.client("technician").get("/api/v1/me/api-keys"), 200)

    def test_api_key_changes_are_audited(self):
        finance = self.client("finance")
        created = self.assertStatus(finance.post("/api/v1/me/api-keys", {"name": "Audited"}), 201).json()
        self.assertStatus(finance.delete(f"/api/v1/me/api-keys/{created['id']}", if_match=created["etag"]), 204)
        rows = self.sql("SELECT action, actor_email FROM audit_log WHERE target_type = 'api_key' "
                        "AND target_id = ? ORDER BY id", created["id"])
        self.assertEqual(rows, [("api_key.create", EMAILS["finance"]), ("api_key.revoke", EMAILS["finance"])])

    def test_group_scope(self):
        (partner_id, user_id), = self.sql("SELECT partner_id, id FROM users WHERE email = ?", EMAILS["technician"])
        orgs = [row[0] for row in self.sql("SELECT id FROM organizations WHERE partner_id = ? ORDER BY id DESC "
                                           "LIMIT 2", partner_id)]
        now = "2025-01-01T00:00:00.000000Z"
        while len(orgs) < 2:
            orgs += [row[0] for row in self.sql(
                "INSERT INTO organizations (partner_id, name, plan_name, plan_type, created_at, updated_at) "
                "VALUES (?, 'Scope test', 'Backup', 'backup', ?, ?) RETURNING id", partner_id, now, now)]
        (group,), = self.sql("INSERT INTO groups (partner_id, name, created_at, updated_at) "
                             "VALUES (?, 'Night shift', ?, ?) RETURNING id", partner_id, now, now)
        try:
            self.sql("INSERT INTO group_managers (group_id, user_id) VALUES (?, ?)", group, user_id)
            for org in orgs:
                self.sql("INSERT INTO group_organizations (group_id, organization_id) VALUES (?, ?)", group, org)
            me = self.client("technician").get("/api/v1/me").json()
            self.assertEqual(me["groups"], [{"id": f"grp_{group}", "name": "Night shift"}])
            self.assertEqual(me["access_scope"], {"all_organizations": False,
                                                  "organization_ids": [f"org_{o}" for o in sorted(orgs)]})
            # A group without organizations grants them all.
            self.sql("DELETE FROM group_organizations WHERE group_id = ?", group)
            me = self.client("technician").get("/api/v1/me").json()
            self.assertEqual(me["access_scope"], {"all_organizations": True, "organization_ids": []})
            self.assertEqual(len(me["groups"]), 1)
        finally:
            self.sql("DELETE FROM groups WHERE id = ?", group)


if __name__ == "__main__":
    main()
