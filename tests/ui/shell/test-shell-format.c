/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the sync status at the edges of each unit, with a fixed now. */

#include "config.h"

#include <locale.h>

#include "pd-shell-format.h"

static void
test_updated_ago (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 14, 30, 0);
  static const struct {
    GTimeSpan   ago;
    const char *text;
  } cases[] = {
    { 0, "Updated just now" },
    { 59 * G_TIME_SPAN_SECOND, "Updated just now" },
    { G_TIME_SPAN_MINUTE, "Updated 1 minute ago" },
    { 2 * G_TIME_SPAN_MINUTE - 1, "Updated 1 minute ago" },
    { 5 * G_TIME_SPAN_MINUTE + 30 * G_TIME_SPAN_SECOND, "Updated 5 minutes ago" },
    { 59 * G_TIME_SPAN_MINUTE, "Updated 59 minutes ago" },
    { G_TIME_SPAN_HOUR, "Updated 1 hour ago" },
    { 23 * G_TIME_SPAN_HOUR, "Updated 23 hours ago" },
    { 3 * G_TIME_SPAN_DAY, "Updated 3 days ago" },
    /* A clock that went back is not a time in the future. */
    { -10 * G_TIME_SPAN_MINUTE, "Updated just now" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add (now, -cases[i].ago);
      g_autofree char *text = pd_shell_format_updated_ago (when, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *never = pd_shell_format_updated_ago (NULL, now);

    g_assert_cmpstr (never, ==, "Not updated yet");
  }
}

static void
test_moment (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *expected = g_strdup_printf ("%s (5 minutes ago)", time);
  g_autofree char *moment = pd_shell_format_moment (when, now);
  g_autofree char *never = pd_shell_format_moment (NULL, now);

  g_assert_cmpstr (moment, ==, expected);
  g_assert_cmpstr (never, ==, "Not yet");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shell/format/updated-ago", test_updated_ago);
  g_test_add_func ("/shell/format/moment", test_moment);

  return g_test_run ();
}
