/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Relative times and sizes, with a fixed "now". */
#include "config.h"

#include <locale.h>

#include "pd-format.h"

static void
check (GDateTime  *now,
       GTimeSpan   offset,
       const char *expected)
{
  g_autoptr(GDateTime) when = g_date_time_add (now, offset);
  g_autofree char *text = pd_format_relative_time (when, now);

  g_test_message ("%" G_GINT64_FORMAT " s → %s", offset / G_TIME_SPAN_SECOND, text);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_relative_time (void)
{
  /* Tuesday 10 March 2026, noon UTC */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 12, 0, 0);
  g_autofree char *never = pd_format_relative_time (NULL, now);

  g_assert_cmpstr (never, ==, "Never");
  check (now, 0, "Just now");
  check (now, -59 * G_TIME_SPAN_SECOND, "Just now");
  check (now, -1 * G_TIME_SPAN_MINUTE, "1 minute ago");
  check (now, -5 * G_TIME_SPAN_MINUTE - 30 * G_TIME_SPAN_SECOND, "5 minutes ago");
  check (now, -59 * G_TIME_SPAN_MINUTE, "59 minutes ago");
  check (now, -1 * G_TIME_SPAN_HOUR, "1 hour ago");
  check (now, -11 * G_TIME_SPAN_HOUR - 59 * G_TIME_SPAN_MINUTE, "11 hours ago");
  /* Yesterday by the calendar, more than six hours back */
  check (now, -13 * G_TIME_SPAN_HOUR, "Yesterday");
  check (now, -35 * G_TIME_SPAN_HOUR, "Yesterday");
  check (now, -37 * G_TIME_SPAN_HOUR, "2 days ago");
  check (now, -6 * G_TIME_SPAN_DAY, "6 days ago");
  /* A week or more: the date */
  check (now, -7 * G_TIME_SPAN_DAY, "3 Mar");
  check (now, -69 * G_TIME_SPAN_DAY, "31 Dec 2025");
  check (now, -400 * G_TIME_SPAN_DAY, "3 Feb 2025");
  /* The future: clock skew reads as now, further ahead as a time to come */
  check (now, 30 * G_TIME_SPAN_SECOND, "Just now");
  check (now, 5 * G_TIME_SPAN_MINUTE, "In 5 minutes");
  check (now, 1 * G_TIME_SPAN_MINUTE, "In 1 minute");
  check (now, 3 * G_TIME_SPAN_HOUR, "In 3 hours");
  check (now, 14 * G_TIME_SPAN_HOUR, "Tomorrow");
  check (now, 3 * G_TIME_SPAN_DAY, "In 3 days");
  check (now, 30 * G_TIME_SPAN_DAY, "9 Apr");
  check (now, 300 * G_TIME_SPAN_DAY, "4 Jan 2027");
}

static void
test_relative_time_after_midnight (void)
{
  /* 00:30: a backup at 22:30 the evening before is "2 hours ago", not "Yesterday" */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 0, 30, 0);

  check (now, -2 * G_TIME_SPAN_HOUR, "2 hours ago");
  check (now, -7 * G_TIME_SPAN_HOUR, "Yesterday");
  /* The first of the month: the previous day is still "Yesterday" */
  {
    g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 3, 1, 20, 0, 0);

    check (first, -22 * G_TIME_SPAN_HOUR, "Yesterday");
  }
}

static void
test_relative_time_zones (void)
{
  /* The calendar day is @now's: 23:00 in UTC−5 is the same day there, though the next
   * day in UTC */
  g_autoptr(GTimeZone) minus5 = g_time_zone_new_offset (-5 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new (minus5, 2026, 3, 10, 23, 30, 0);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 10, 14, 0, 0); /* 09:00 at −5 */
  g_autofree char *text = pd_format_relative_time (when, now);

  g_assert_cmpstr (text, ==, "14 hours ago");
}

static void
test_relative_time_now_default (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_now_utc ();
  g_autofree char *text = pd_format_relative_time (when, NULL);

  /* Whatever the machine's zone, a moment ago is "Just now" */
  g_assert_cmpstr (text, ==, "Just now");
}

static void
test_bytes (void)
{
  g_autofree char *zero = pd_format_bytes (0);
  g_autofree char *some = pd_format_bytes (1500000);
  g_autofree char *unknown = pd_format_bytes (-1);

  g_assert_cmpstr (zero, ==, "0 bytes");
  g_assert_cmpstr (some, ==, "1.5\u00a0MB");
  g_assert_cmpstr (unknown, ==, "Unknown");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widgets/format/relative-time", test_relative_time);
  g_test_add_func ("/widgets/format/relative-time-after-midnight", test_relative_time_after_midnight);
  g_test_add_func ("/widgets/format/relative-time-zones", test_relative_time_zones);
  g_test_add_func ("/widgets/format/relative-time-now", test_relative_time_now_default);
  g_test_add_func ("/widgets/format/bytes", test_bytes);

  return g_test_run ();
}
