# SPDX-License-Identifier: GPL-3.0-or-later
"""The dashboard summary and report rows of the reference portal.

Expected figures are computed independently from the database file (read with Python's
sqlite3), so the tests hold for whatever the seed produced. Rows the tests need and the seed
does not promise (a custom role, a scoped user, organizations with awkward names, a known job
history) are added to the file while the portal is stopped (DbFixture)."""

import calendar
import csv
import datetime
import hashlib
import io
import os
import secrets
import sqlite3
import tempfile
import time
import unittest

from portal_harness import Portal, PortalTestCase, main

DAY = 86400
PERIODS = ("this_month", "last_month", "last_7_days", "last_30_days", "last_90_days")
REPORTS = ("organizations", "seat-usage", "protection-coverage", "accounts", "jobs")
ACCOUNT_STATUSES = ("active", "deactivated", "deleted")
REASONS = ("failed_backup", "consent_lost", "needs_authentication", "over_capacity",
           "pending_client_admin", "unmapped")
COUNTERS = ("success", "warning", "retrying", "failed", "account_errors")


def stamp(unix):
    """A time as the portal stores it (RFC 3339, UTC, microseconds)."""
    seconds = int(unix)
    micro = int(round((unix - seconds) * 1e6))
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{micro:06d}Z"


def parse_stamp(text):
    return calendar.timegm(time.strptime(text[:19], "%Y-%m-%dT%H:%M:%S"))


def today():
    return int(time.time()) // DAY


def period_days(key, day=None):
    """(first, last) history day of a period, computed apart from the server."""
    day = today() if day is None else day
    date = datetime.date(1970, 1, 1) + datetime.timedelta(days=day)
    epoch = datetime.date(1970, 1, 1)
    if key == "this_month":
        return (date.replace(day=1) - epoch).days, day
    if key == "last_month":
        first_this = date.replace(day=1)
        last_prev = first_this - datetime.timedelta(days=1)
        return (last_prev.replace(day=1) - epoch).days, (last_prev - epoch).days
    n = {"last_7_days": 7, "last_30_days": 30, "last_90_days": 90}[key]
    return day - n + 1, day


class DbFixture:
    """Adds rows to the database file of a stopped portal."""

    def __init__(self, path):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.now = time.time()
        self.partner_id = self.db.execute("SELECT id FROM partners ORDER BY id LIMIT 1").fetchone()[0]

    def close(self):
        self.db.commit()
        self.db.close()

    def stamp(self, seconds_ago=0):
        return stamp(self.now - seconds_ago)

    def organization(self, name, status="active", credential_status="ok", mapping_status="mapped",
                     plan_type="backup", partner_id=None, age=200 * DAY):
        created = self.stamp(age)
        return self.db.execute(
            "INSERT INTO organizations (partner_id, name, status, plan_name, plan_type, credential_status, "
            "mapping_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (partner_id or self.partner_id, name, status, "Business " + plan_type.title(), plan_type,
             credential_status, mapping_status, created, self.stamp(age / 2))).fetchone()[0]

    def service(self, organization_id, application, authorization_state="authorized", backup_status="success",
                seats_total=20, seats_managed=10, seats_unprotected=2, last_backup_ago=3600, next_backup_in=None):
        suite = ("google_workspace" if application in ("gmail", "drive", "calendar", "contacts", "shared_drives")
                 else "microsoft365")
        last = self.stamp(last_backup_ago) if last_backup_ago is not None else None
        nxt = stamp(self.now + next_backup_in) if next_backup_in is not None else None
        # As the seed has them: the accounts of the latest run by state (one still running).
        # Without the seed's account status counters: the accounts' first listing sets them.
        running = int(backup_status == "running")
        jobs = (max(seats_managed - running, 0) if backup_status in ("running", "success") else 0, running)
        return self.db.execute(
            "INSERT INTO services (organization_id, suite, application, authorization_state, backup_status, "
            "last_backup_at, next_backup_at, seats_total, seats_managed, seats_unprotected, jobs_success, jobs_running, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (organization_id, suite, application, authorization_state, backup_status, last, nxt,
             seats_total, seats_managed, seats_unprotected, *jobs,
             self.stamp(150 * DAY), self.stamp(DAY))).fetchone()[0]

    def history(self, organization_id, day, success=0, warning=0, retrying=0, failed=0, account_errors=0):
        """Job outcomes of one organization on one day: its running totals from that day on, and
        the partner roll-up."""
        partner_id = self.db.execute("SELECT partner_id FROM organizations WHERE id = ?",
                                     (organization_id,)).fetchone()[0]
        values = (success, warning, retrying, failed, account_errors)
        self.db.execute("INSERT INTO job_history_partner (partner_id, day, success, warning, retrying, failed, "
                        "account_errors) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                        + ", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTERS), (partner_id, day) + values)
        before = self.db.execute(
            "SELECT " + ", ".join(f"total_{c}" for c in COUNTERS) + " FROM job_history "
            "WHERE organization_id = ? AND day < ? ORDER BY day DESC LIMIT 1", (organization_id, day)).fetchone()
        self.db.execute("INSERT OR IGNORE INTO job_history (organization_id, day, " +
                        ", ".join(f"total_{c}" for c in COUNTERS) + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (organization_id, day) + tuple(before or (0,) * 5))
        self.db.execute("UPDATE job_history SET " + ", ".join(f"total_{c} = total_{c} + ?" for c in COUNTERS) +
                        " WHERE organization_id = ? AND day >= ?", values + (organization_id, day))

    def role(self, key, permissions):
        role_id = self.db.execute(
            "INSERT INTO roles (partner_id, key, name, rank, created_at, updated_at) VALUES (?, ?, ?, 40, ?, ?) "
            "RETURNING id", (self.partner_id, key, key.title(), self.stamp(), self.stamp())).fetchone()[0]
        self.db.executemany("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)",
                            [(role_id, p) for p in permissions])
        return role_id

    def builtin_role(self, key):
        return self.db.execute("SELECT id FROM roles WHERE partner_id IS NULL AND key = ?", (key,)).fetchone()[0]

    def user_key(self, email, role_id):
        """A user with an API key; returns the key."""
        user_id = self.db.execute(
            "INSERT INTO users (partner_id, email, name, role_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
            "RETURNING id", (self.partner_id, email, email.split("@")[0], role_id, self.stamp(), self.stamp())).fetchone()[0]
        key = "pdk_" + secrets.token_hex(16)
        self.db.execute("INSERT INTO api_keys (user_id, name, prefix, key_hash, created_at, updated_at) "
                        "VALUES (?, 'Test key', ?, ?, ?, ?)",
                        (user_id, key[:10], hashlib.sha256(key.encode()).hexdigest(), self.stamp(), self.stamp()))
        return user_id, key

    def group(self, manager_id, organization_ids):
        group_id = self.db.execute("INSERT INTO groups (partner_id, name, created_at, updated_at) "
                                   "VALUES (?, 'Test scope', ?, ?) RETURNING id",
                                   (self.partner_id, self.stamp(), self.stamp())).fetchone()[0]
        self.db.executemany("INSERT INTO group_organizations (group_id, organization_id) VALUES (?, ?)",
                            [(group_id, o) for o in organization_ids])
        self.db.execute("INSERT INTO group_managers (group_id, user_id) VALUES (?, ?)", (group_id, manager_id))


class Expect:
    """What the dashboard should say, read from the database file."""

    def __init__(self, path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def close(self):
        self.db.close()

    def scope_sql(self, organization_ids):
        if organization_ids is None:
            return "1", ()
        return f"o.id IN ({','.join('?' * len(organization_ids))})", tuple(organization_ids)

    def jobs(self, partner_id, first, last, organization_ids=None):
        where, args = self.scope_sql(organization_ids)
        # Each day's outcomes are the difference of consecutive running totals.
        row = self.db.execute(
            "SELECT " + ", ".join(f"coalesce(sum({c}), 0)" for c in COUNTERS) + " FROM (SELECT h.organization_id, h.day, "
            + ", ".join(f"h.total_{c} - coalesce(lag(h.total_{c}) OVER days, 0) AS {c}" for c in COUNTERS) +
            " FROM job_history h WINDOW days AS (PARTITION BY h.organization_id ORDER BY h.day)) d "
            f"JOIN organizations o ON o.id = d.organization_id WHERE o.partner_id = ? AND d.day BETWEEN ? AND ? AND {where}",
            (partner_id, first, last) + args).fetchone()
        return dict(zip(COUNTERS, row))

    def organizations(self, partner_id, organization_ids=None):
        where, args = self.scope_sql(organization_ids)
        rows = self.db.execute(f"SELECT status, mapping_status, credential_status FROM organizations o "
                               f"WHERE partner_id = ? AND {where}", (partner_id,) + args).fetchall()
        out = {s: sum(1 for r in rows if r[0] == s) for s in ("active", "suspended", "unsubscribed", "deleted")}
        out["total"] = len(rows)
        out["unmapped"] = sum(1 for r in rows if r[1] == "unmapped" and r[0] != "deleted")
        out["needs_authentication"] = sum(1 for r in rows if r[2] == "needs_authentication" and r[0] != "deleted")
        return out

    def services(self, partner_id, organization_ids=None):
        where, args = self.scope_sql(organization_ids)
        return self.db.execute(
            "SELECT o.status, s.backup_status, s.seats_total, s.seats_managed, s.seats_unprotected FROM services s "
            f"JOIN organizations o ON o.id = s.organization_id WHERE o.partner_id = ? AND {where}",
            (partner_id,) + args).fetchall()

    def seats(self, partner_id, organization_ids=None):
        rows = [r for r in self.services(partner_id, organization_ids) if r[0] != "deleted"]
        total = sum(r[2] for r in rows)
        managed = sum(r[3] for r in rows)
        unprotected = sum(r[4] for r in rows)
        return {"total": total, "managed": managed, "open": sum(max(r[2] - r[3], 0) for r in rows),
                "unprotected": unprotected, "usage_percent": managed * 100 // total if total else 0}

    def running(self, partner_id, organization_ids=None):
        return sum(1 for r in self.services(partner_id, organization_ids) if r[1] == "running")

    def organization_ids(self, partner_id):
        return [r[0] for r in self.db.execute("SELECT id FROM organizations WHERE partner_id = ? ORDER BY id",
                                              (partner_id,))]

    def counted_organization_ids(self, partner_id, organization_ids=None, resold=False):
        """The organizations whose accounts the dashboard counts (not deleted, in scope): those
        whose accounts the partner may list, or with @resold those it only resells."""
        where, args = self.scope_sql(organization_ids)
        return [r[0] for r in self.db.execute(f"SELECT id FROM organizations o WHERE partner_id = ? "
                                              f"AND status <> 'deleted' AND (relationship = 'reseller') = ? "
                                              f"AND {where} ORDER BY id", (partner_id, resold) + args)]


def listed_accounts(client, organization_ids, resold=()):
    """Accounts by status as the services' account lists show them (listing makes them), plus
    the report rows of the @resold organizations, whose accounts a reseller may not list."""
    counts = dict.fromkeys(ACCOUNT_STATUSES, 0)
    if resold:
        rows, _ = client.list_all("/api/v1/reports/accounts")
        for row in rows:
            if org_rowid(row["organization_id"]) in resold:
                for status in ACCOUNT_STATUSES:
                    counts[status] += row[f"accounts_{status}"]
    for organization_id in organization_ids:
        base = f"/api/v1/organizations/org_{organization_id}/services"
        services, _ = client.list_all(base)
        for service in services:
            accounts, _ = client.list_all(f"{base}/{service['id']}/accounts")
            for account in accounts:
                counts[account["status"]] += 1
    counts["total"] = sum(counts.values())
    return counts


def org_rowid(public_id):
    return int(public_id.split("_", 1)[1])


class DashboardBase(PortalTestCase):
    """A portal on a database file, with DbFixture rows added before the tests."""

    SEED = 30

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="pd-dashboard-")
        cls.path = os.path.join(cls.tmp.name, "portal.db")
        cls.portal = Portal(seed=cls.SEED, database=cls.path)
        cls.portal.stop()
        fixture = DbFixture(cls.path)
        try:
            cls.partner_id = fixture.partner_id
            cls.add_fixtures(fixture)
        finally:
            fixture.close()
        cls.portal.start()
        cls.expect = Expect(cls.path)

    @classmethod
    def add_fixtures(cls, fixture):
        pass

    def client(self, role="owner", **kw):
        """One kept-alive connection per role and class."""
        clients = self.__class__.__dict__.get("_clients")
        if clients is None:
            clients = {}
            setattr(self.__class__, "_clients", clients)
        key = (role, tuple(sorted(kw.items())))
        if key not in clients:
            clients[key] = self.portal.client(role, **kw)
        return clients[key]

    @classmethod
    def tearDownClass(cls):
        for client in cls.__dict__.get("_clients", {}).values():
            if client.conn is not None:
                client.conn.close()
        cls.expect.close()
        cls.portal.close()
        cls.tmp.cleanup()

    def dashboard(self, role="owner", client=None, **params):
        client = client or self.client(role)
        return self.assertStatus(client.get("/api/v1/dashboard", params=params or None), 200).json()


class Dashboard(DashboardBase):
    @classmethod
    def add_fixtures(cls, fixture):
        day = today()
        # A known history: one row per period edge, each with a distinct power of ten.
        cls.probe = fixture.organization("Period probe")
        fixture.service(cls.probe, "exchange", seats_total=10, seats_managed=4, seats_unprotected=6)
        cls.probe_rows = {day: 1, day - 3: 10, day - 20: 100, day - 45: 1000, day - 85: 10000, day - 120: 100000}
        for d, n in cls.probe_rows.items():
            fixture.history(cls.probe, d, success=n, warning=2 * n, retrying=3 * n, failed=4 * n, account_errors=5 * n)

        # Deleted by a test: its history leaves the partner's figures with it.
        cls.doomed = fixture.organization("To be deleted")
        for d, n in ((day, 3), (day - 2, 30), (day - 40, 300)):
            fixture.history(cls.doomed, d, success=n, failed=n, account_errors=n)

        # One organization per attention reason, and one that needs all of them.
        cls.attention = fixture.organization("Needs attention", credential_status="needs_authentication",
                                             mapping_status="unmapped")
        fixture.service(cls.attention, "exchange", backup_status="failed", last_backup_ago=7200)
        fixture.service(cls.attention, "onedrive", authorization_state="consent_lost", backup_status="failed")
        fixture.service(cls.attention, "sharepoint", seats_total=5, seats_managed=9)
        fixture.service(cls.attention, "teams", authorization_state="pending_client_admin", backup_status="never_run")
        suspended = fixture.organization("Suspended with failures", status="suspended", mapping_status="unmapped")
        fixture.service(suspended, "exchange", backup_status="failed")
        cls.suspended = suspended

        # Another partner's organization never counts.
        other = fixture.db.execute("SELECT id FROM partners ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
        cls.foreign = fixture.organization("Other partner's client", partner_id=other)
        fixture.service(cls.foreign, "exchange", seats_total=1000, seats_managed=1000)
        fixture.history(cls.foreign, day, success=777)

        cls.denied_role = fixture.role("no_dashboard", ["partner.read", "organizations.read"])
        _, cls.denied_key = fixture.user_key("no.dashboard@northwind-it.example", cls.denied_role)

        # A user of the admin role who manages a group of two organizations.
        cls.scope_ids = [cls.probe, cls.attention]
        user_id, cls.scoped_key = fixture.user_key("scope.test@northwind-it.example", fixture.builtin_role("admin"))
        fixture.group(user_id, cls.scope_ids)

    def test_default_period_is_this_month(self):
        body = self.dashboard()
        self.assertEqual(body["period"]["key"], "this_month")
        start = parse_stamp(body["period"]["start"])
        self.assertEqual(time.gmtime(start).tm_mday, 1)
        self.assertEqual(start % DAY, 0)
        self.assertLessEqual(start, parse_stamp(body["generated_at"]))

    def test_each_period_matches_the_history(self):
        for key in PERIODS:
            with self.subTest(period=key):
                body = self.dashboard(period=key)
                self.assertEqual(body["period"]["key"], key)
                first = parse_stamp(body["period"]["start"]) // DAY
                end = parse_stamp(body["period"]["end"])
                last = end // DAY if key != "last_month" else end // DAY - 1
                self.assertEqual((first, last), period_days(key))
                expected = self.expect.jobs(self.partner_id, first, last)
                self.assertGreater(expected["success"], 0)
                jobs = body["jobs"]
                for name in ("success", "warning", "retrying", "failed"):
                    self.assertEqual(jobs[name], expected[name], name)
                self.assertEqual(body["account_errors"], expected["account_errors"])

    def test_periods_include_exactly_their_days(self):
        for key in PERIODS:
            with self.subTest(period=key):
                first, last = period_days(key)
                n = sum(v for d, v in self.probe_rows.items() if first <= d <= last)
                body = self.dashboard(period=key, organization_id=f"org_{self.probe}")
                self.assertEqual(body["jobs"], {"success": n, "warning": 2 * n, "retrying": 3 * n,
                                                "failed": 4 * n, "running": 0})
                self.assertEqual(body["account_errors"], 5 * n)
        # The row 120 days ago is in no period; the last 90 days hold all the others.
        body = self.dashboard(period="last_90_days", organization_id=f"org_{self.probe}")
        self.assertEqual(body["jobs"]["success"], 11111)

    def test_current_state_figures(self):
        body = self.dashboard()
        self.assertEqual(body["organizations"], self.expect.organizations(self.partner_id))
        self.assertEqual(body["seats"], self.expect.seats(self.partner_id))
        self.assertEqual(body["jobs"]["running"], self.expect.running(self.partner_id))
        seats = body["seats"]
        self.assertEqual(body["protection"]["protected"], seats["managed"])
        self.assertEqual(body["protection"]["total"], seats["managed"] + seats["unprotected"])
        self.assertEqual(body["protection"]["coverage_percent"],
                         seats["managed"] * 100 // (seats["managed"] + seats["unprotected"]))

    def test_accounts_by_status_are_the_account_lists(self):
        # The fixture's services get their counters when their accounts are made; the seeded
        # ones have them already: the figures before their accounts are made, and after, agree.
        listed_accounts(self.client(), [self.probe, self.attention, self.suspended])
        before = self.dashboard()["accounts"]
        listed = listed_accounts(self.client(), self.expect.counted_organization_ids(self.partner_id),
                                 self.expect.counted_organization_ids(self.partner_id, resold=True))
        self.assertEqual(before, listed)
        self.assertEqual(self.dashboard(period="last_90_days")["accounts"], listed)
        self.assertTrue(listed["deactivated"] and listed["deleted"], listed)
        self.assertGreater(listed["total"], self.dashboard()["protection"]["total"])

    def test_accounts_by_status_of_one_organization(self):
        listed = listed_accounts(self.client(), [self.probe])
        self.assertEqual(self.dashboard(organization_id=f"org_{self.probe}")["accounts"], listed)
        # The seat counters' accounts (4 managed, 6 unprotected) and those they leave out.
        self.assertGreaterEqual(listed["total"], 10)
        # Accounts of a suspended organization count.
        listed = listed_accounts(self.client(), [self.suspended])
        self.assertEqual(self.dashboard(organization_id=f"org_{self.suspended}")["accounts"], listed)
        self.assertGreaterEqual(listed["total"], 12)

    def test_invalid_period_is_422(self):
        for value in ("yesterday", "", "THIS_MONTH", "last_7_days "):
            with self.subTest(period=value):
                self.assertProblem(self.client().get("/api/v1/dashboard", params={"period": value}), 422,
                                   field="period")

    def test_organization_filter(self):
        body = self.dashboard(organization_id=f"org_{self.probe}")
        self.assertEqual(body["organizations"]["total"], 1)
        self.assertEqual(body["organizations"]["active"], 1)
        self.assertEqual(body["seats"], {"total": 10, "managed": 4, "open": 6, "unprotected": 6, "usage_percent": 40})
        self.assertEqual(body["protection"], {"protected": 4, "total": 10, "coverage_percent": 40})
        self.assertEqual(body["attention"], [])

    def test_organization_filter_unknown_is_404(self):
        for value in ("org_999999", "org_x", "svc_1", f"org_{self.foreign}"):
            with self.subTest(organization_id=value):
                self.assertProblem(self.client().get("/api/v1/dashboard", params={"organization_id": value}), 404)

    def test_attention_reasons_in_order_of_urgency(self):
        body = self.dashboard(organization_id=f"org_{self.attention}")
        self.assertEqual([a["reason"] for a in body["attention"]], list(REASONS))
        for item in body["attention"]:
            self.assertEqual(item["organization_id"], f"org_{self.attention}")
            self.assertEqual(item["organization_name"], "Needs attention")
            self.assertEqual(item["service_id"] is None, item["reason"] in ("needs_authentication", "unmapped"))

    def test_attention_is_bounded_and_sorted(self):
        items = self.dashboard()["attention"]
        self.assertLessEqual(len(items), 50)
        ranks = [REASONS.index(a["reason"]) for a in items]
        self.assertEqual(ranks, sorted(ranks))
        self.assertIn(f"org_{self.attention}", {a["organization_id"] for a in items})
        # Only active organizations need attention.
        self.assertNotIn(f"org_{self.suspended}", {a["organization_id"] for a in items})
        for rank in set(ranks):
            since = [a["since"] for a in items if REASONS.index(a["reason"]) == rank]
            self.assertEqual(since, sorted(since))

    def test_other_partners_never_count(self):
        body = self.dashboard(period="last_7_days")
        first, last = period_days("last_7_days")
        self.assertEqual(body["jobs"]["success"], self.expect.jobs(self.partner_id, first, last)["success"])
        self.assertNotIn(f"org_{self.foreign}", {a["organization_id"] for a in body["attention"]})

    def test_group_scope_counts_only_its_organizations(self):
        scoped = self.portal.client(token=self.scoped_key)
        for key in ("this_month", "last_90_days"):
            with self.subTest(period=key):
                body = self.dashboard(client=scoped, period=key)
                first, last = period_days(key)
                expected = self.expect.jobs(self.partner_id, first, last, self.scope_ids)
                self.assertEqual(body["jobs"]["success"], expected["success"])
                self.assertEqual(body["account_errors"], expected["account_errors"])
                self.assertEqual(body["organizations"], self.expect.organizations(self.partner_id, self.scope_ids))
                self.assertEqual(body["seats"], self.expect.seats(self.partner_id, self.scope_ids))
                self.assertEqual({a["organization_id"] for a in body["attention"]}, {f"org_{self.attention}"})
        outside = next(i for i in self.expect.organization_ids(self.partner_id) if i not in self.scope_ids)
        self.assertProblem(scoped.get("/api/v1/dashboard", params={"organization_id": f"org_{outside}"}), 404)

    def test_seeded_scoped_admin_counts_only_its_organizations(self):
        scoped = self.client("scoped_admin")
        scope = self.assertStatus(scoped.get("/api/v1/me"), 200).json()["access_scope"]
        self.assertFalse(scope["all_organizations"], "scoped_admin sees every organization")
        ids = [org_rowid(i) for i in scope["organization_ids"]]
        self.assertTrue(ids)
        body = self.dashboard(client=scoped, period="last_30_days")
        first, last = period_days("last_30_days")
        self.assertEqual(body["organizations"], self.expect.organizations(self.partner_id, ids))
        self.assertEqual(body["jobs"]["success"], self.expect.jobs(self.partner_id, first, last, ids)["success"])
        self.assertLess(body["organizations"]["total"], self.dashboard()["organizations"]["total"])
        listed = listed_accounts(scoped, self.expect.counted_organization_ids(self.partner_id, ids),
                                 self.expect.counted_organization_ids(self.partner_id, ids, resold=True))
        self.assertEqual(body["accounts"], listed)
        self.assertLess(listed["total"], self.dashboard()["accounts"]["total"])

    def test_deleting_an_organization_removes_its_history(self):
        client = self.client()
        before = {key: self.dashboard(period=key) for key in ("last_7_days", "last_90_days")}
        org = self.assertStatus(client.get(f"/api/v1/organizations/org_{self.doomed}"), 200)
        self.assertStatus(client.delete(f"/api/v1/organizations/org_{self.doomed}", if_match=org.etag), 204)
        for key, removed in (("last_7_days", 33), ("last_90_days", 333)):
            with self.subTest(period=key):
                after = self.dashboard(period=key)
                self.assertEqual(after["jobs"]["success"], before[key]["jobs"]["success"] - removed)
                self.assertEqual(after["jobs"]["failed"], before[key]["jobs"]["failed"] - removed)
                self.assertEqual(after["account_errors"], before[key]["account_errors"] - removed)
                first, last = period_days(key)
                self.assertEqual(after["jobs"]["success"], self.expect.jobs(self.partner_id, first, last)["success"])
        self.assertEqual(self.expect.db.execute("SELECT count(*) FROM job_history WHERE organization_id = ?",
                                                (self.doomed,)).fetchone()[0], 0)

    def test_role_without_dashboard_read_is_403(self):
        r = self.portal.client(token=self.denied_key).get("/api/v1/dashboard")
        self.assertEqual(self.assertProblem(r, 403)["permission"], "dashboard.read")

    def test_every_builtin_role_reads_the_dashboard(self):
        for role in ("owner", "super_admin", "admin", "support", "finance", "technician"):
            with self.subTest(role=role):
                self.dashboard(role)

    def test_without_token_is_401(self):
        self.assertProblem(self.portal.anonymous().get("/api/v1/dashboard"), 401)


class Reports(DashboardBase):
    @classmethod
    def add_fixtures(cls, fixture):
        cls.formula = fixture.organization("=SUM(A1)")
        fixture.service(cls.formula, "exchange", seats_total=7, seats_managed=3, seats_unprotected=1)
        cls.quoted = fixture.organization('Comma, "Quote"\nand a line break', status="suspended")
        cls.minus = fixture.organization("-1+2")
        cls.at = fixture.organization("@cmd")
        cls.plain = fixture.organization("Plain Old Name")
        cls.probe = fixture.organization("Jobs probe")
        fixture.service(cls.probe, "exchange", backup_status="running", last_backup_ago=600)
        fixture.service(cls.probe, "onedrive", last_backup_ago=300)
        day = today()
        fixture.history(cls.probe, day, success=5, warning=1, retrying=2, failed=3, account_errors=4)
        fixture.history(cls.probe, day - 100, success=1000)
        cls.probe_last_backup = fixture.db.execute(
            "SELECT max(last_backup_at) FROM services WHERE organization_id = ?", (cls.probe,)).fetchone()[0]
        other = fixture.db.execute("SELECT id FROM partners ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
        cls.foreign = fixture.organization("Other partner's client", partner_id=other)

        user_id, cls.scoped_key = fixture.user_key("report.scope@northwind-it.example", fixture.builtin_role("support"))
        cls.scope_ids = [cls.formula, cls.probe]
        fixture.group(user_id, cls.scope_ids)

    def report(self, name, client=None, **params):
        client = client or self.client()
        return self.assertStatus(client.get(f"/api/v1/reports/{name}", params=params or None), 200).json()

    def walk(self, name, client=None, **params):
        client = client or self.client()
        items, _ = client.list_all(f"/api/v1/reports/{name}", params=params)
        return items

    def csv_pages(self, name, limit, client=None, **params):
        client = client or self.client()
        params = dict(params, limit=limit)
        pages = []
        while True:
            r = self.assertStatus(client.get(f"/api/v1/reports/{name}", params=params,
                                             headers={"Accept": "text/csv"}), 200)
            self.assertTrue(r.headers["content-type"].startswith("text/csv"), r)
            rows = list(csv.reader(io.StringIO(r.body.decode("utf-8"), newline="")))
            pages.append(rows)
            cursor = r.headers.get("next-cursor")
            if not cursor:
                return pages
            params["cursor"] = cursor

    def by_id(self, items):
        return {org_rowid(i["organization_id"]): i for i in items}

    def test_rows_follow_the_columns(self):
        for name in REPORTS:
            with self.subTest(report=name):
                body = self.report(name)
                keys = [c["key"] for c in body["columns"]]
                self.assertEqual(keys[:3], ["organization_id", "organization_name", "status"])
                self.assertTrue(body["items"])
                for item in body["items"]:
                    self.assertEqual(list(item), keys)

    def test_every_organization_once_in_order(self):
        expected = self.expect.organization_ids(self.partner_id)
        for name in REPORTS:
            with self.subTest(report=name):
                ids = [org_rowid(i["organization_id"]) for i in self.walk(name, limit=7)]
                self.assertEqual(ids, expected)

    def test_seat_usage_values(self):
        rows = self.by_id(self.walk("seat-usage"))
        row = rows[self.formula]
        self.assertEqual((row["organization_name"], row["seats_total"], row["seats_managed"], row["seats_open"],
                          row["seats_unprotected"], row["usage_percent"]), ("=SUM(A1)", 7, 3, 4, 1, 42))
        self.assertEqual(rows[self.plain]["seats_total"], 0)
        self.assertEqual(rows[self.plain]["usage_percent"], 0)
        total = sum(r["seats_total"] for i, r in rows.items() if r["status"] != "deleted")
        self.assertEqual(total, self.dashboard()["seats"]["total"])

    def test_protection_values(self):
        row = self.by_id(self.walk("protection-coverage"))[self.formula]
        self.assertEqual((row["protected_accounts"], row["unprotected_accounts"], row["total_accounts"],
                          row["coverage_percent"]), (3, 1, 4, 75))

    def test_accounts_values(self):
        # A fixture's service gets its counters when its accounts are made; a seeded one has them.
        formula = listed_accounts(self.client(), [self.formula])
        rows = self.by_id(self.walk("accounts"))
        readable = set(self.expect.counted_organization_ids(self.partner_id))
        seeded = next(i for i, r in rows.items() if r["accounts_deactivated"] and i in readable)
        for organization_id, listed in ((self.formula, formula),
                                        (seeded, listed_accounts(self.client(), [seeded]))):
            with self.subTest(organization=organization_id):
                self.assertEqual({s: rows[organization_id][f"accounts_{s}"] for s in listed}, listed)
        self.assertGreaterEqual(formula["total"], 4)
        self.assertEqual(rows[self.plain]["accounts_total"], 0)
        # The rows sum to the dashboard.
        counted = [r for r in rows.values() if r["status"] != "deleted"]
        self.assertEqual({s: sum(r[f"accounts_{s}"] for r in counted) for s in ACCOUNT_STATUSES + ("total",)},
                         self.dashboard()["accounts"])

    def test_organizations_values(self):
        row = self.by_id(self.walk("organizations"))[self.quoted]
        self.assertEqual(row["organization_name"], 'Comma, "Quote"\nand a line break')
        self.assertEqual(row["status"], "suspended")
        self.assertEqual(row["services"], 0)
        self.assertEqual(self.by_id(self.walk("organizations"))[self.formula]["services"], 1)

    def test_jobs_follow_the_period(self):
        row = self.by_id(self.walk("jobs", period="last_7_days"))[self.probe]
        self.assertEqual((row["jobs_success"], row["jobs_warning"], row["jobs_retrying"], row["jobs_failed"],
                          row["jobs_running"], row["account_errors"]), (5, 1, 2, 3, 1, 4))
        self.assertEqual(row["last_backup_at"], self.probe_last_backup)
        self.assertEqual(self.by_id(self.walk("jobs", period="last_month"))[self.probe]["jobs_success"], 0)
        self.assertEqual(self.by_id(self.walk("jobs", period="last_90_days"))[self.probe]["jobs_success"], 5)
        self.assertIsNone(self.by_id(self.walk("jobs"))[self.plain]["last_backup_at"])
        # The report sums to the dashboard.
        for key in PERIODS:
            with self.subTest(period=key):
                total = sum(r["jobs_failed"] for r in self.walk("jobs", period=key))
                self.assertEqual(total, self.dashboard(period=key)["jobs"]["failed"])

    def test_csv_matches_json(self):
        for name in REPORTS:
            with self.subTest(report=name):
                body = self.report(name, limit=500)
                pages = self.csv_pages(name, 500)
                self.assertEqual(len(pages), 1)
                header, *rows = pages[0]
                self.assertEqual(header, [c["title"] for c in body["columns"]])
                self.assertEqual(len(rows), len(body["items"]))
                for row, item in zip(rows, body["items"]):
                    for cell, value in zip(row, item.values()):
                        if value is None:
                            self.assertEqual(cell, "")
                        elif isinstance(value, int):
                            self.assertEqual(cell, str(value))
                        else:
                            self.assertEqual(cell.removeprefix("'"), value)

    def test_csv_escaping_and_formula_neutralization(self):
        rows = {r[0]: r for page in self.csv_pages("organizations", 500) for r in page[1:]}
        self.assertEqual(rows[f"org_{self.formula}"][1], "'=SUM(A1)")
        self.assertEqual(rows[f"org_{self.minus}"][1], "'-1+2")
        self.assertEqual(rows[f"org_{self.at}"][1], "'@cmd")
        self.assertEqual(rows[f"org_{self.quoted}"][1], 'Comma, "Quote"\nand a line break')
        self.assertEqual(rows[f"org_{self.plain}"][1], "Plain Old Name")
        raw = self.client().get("/api/v1/reports/organizations", params={"limit": 500},
                                headers={"Accept": "text/csv"}).body.decode()
        self.assertIn('"Comma, ""Quote""\nand a line break"', raw)
        self.assertTrue(raw.endswith("\r\n"))

    def test_csv_pages_with_next_cursor(self):
        pages = self.csv_pages("seat-usage", 9)
        self.assertGreater(len(pages), 2)
        ids = [org_rowid(r[0]) for page in pages for r in page[1:]]
        self.assertEqual(ids, self.expect.organization_ids(self.partner_id))
        for page in pages:
            self.assertEqual(page[0][0], "Organization ID")
            self.assertLessEqual(len(page) - 1, 9)

    def test_accept_negotiation(self):
        client = self.client()
        r = client.get("/api/v1/reports/jobs", headers={"Accept": "application/json, text/csv;q=0.5"})
        self.assertTrue(r.headers["content-type"].startswith("application/json"))
        r = client.get("/api/v1/reports/jobs", headers={"Accept": "text/csv, application/json;q=0.9"})
        self.assertTrue(r.headers["content-type"].startswith("text/csv"))
        r = client.get("/api/v1/reports/jobs", headers={"Accept": "*/*"})
        self.assertTrue(r.headers["content-type"].startswith("application/json"))

    def test_pagination_limits(self):
        body = self.report("organizations", limit=1)
        self.assertEqual(len(body["items"]), 1)
        self.assertIsNotNone(body["next_cursor"])
        self.assertEqual(body["deleted"], [])
        client = self.client()
        for params, field in (({"limit": 501}, "limit"), ({"limit": 0}, "limit"), ({"cursor": "nope"}, "cursor"),
                              ({"period": "forever"}, "period")):
            with self.subTest(**params):
                self.assertProblem(client.get("/api/v1/reports/organizations", params=params), 422, field=field)
        # Problems stay JSON when CSV was asked for.
        self.assertProblem(client.get("/api/v1/reports/jobs", params={"period": "x"},
                                      headers={"Accept": "text/csv"}), 422, field="period")

    def test_unknown_report_is_404(self):
        self.assertProblem(self.client().get("/api/v1/reports/everything"), 404)
        self.assertProblem(self.client().get("/api/v1/reports/Jobs"), 404)

    def test_permission(self):
        r = self.client("technician").get("/api/v1/reports/jobs")
        self.assertEqual(self.assertProblem(r, 403)["permission"], "reports.export")
        self.assertProblem(self.portal.anonymous().get("/api/v1/reports/jobs"), 401)
        for role in ("admin", "support", "finance"):
            with self.subTest(role=role):
                self.report("jobs", client=self.client(role))

    def test_group_scope(self):
        scoped = self.portal.client(token=self.scoped_key)
        for name in REPORTS:
            with self.subTest(report=name):
                ids = [org_rowid(i["organization_id"]) for i in self.walk(name, client=scoped)]
                self.assertEqual(ids, self.scope_ids)
        self.assertNotIn(self.foreign, self.by_id(self.walk("organizations")))

    def dashboard(self, **params):
        return self.assertStatus(self.client().get("/api/v1/dashboard", params=params or None), 200).json()


if __name__ == "__main__":
    main()
