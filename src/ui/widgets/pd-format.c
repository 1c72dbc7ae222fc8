/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"

/* Whole calendar days from @from to @to (both in the same time zone): 1 = the next day */
static int
days_between (GDateTime *from,
              GDateTime *to)
{
  g_autoptr(GDate) a = g_date_new_dmy (g_date_time_get_day_of_month (from),
                                       g_date_time_get_month (from),
                                       g_date_time_get_year (from));
  g_autoptr(GDate) b = g_date_new_dmy (g_date_time_get_day_of_month (to),
                                       g_date_time_get_month (to),
                                       g_date_time_get_year (to));

  return g_date_days_between (a, b);
}

static char *
format_past (GTimeSpan  span,
             int        days)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;

  if (minutes < 1)
    return g_strdup (_("Just now"));
  if (minutes < 60)
    /* Translators: a last backup time; %d is a number of minutes */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes),
                            (int) minutes);
  /* Hours while it is the same day, and for the first hours after midnight too: “2 hours ago”
   * says more than “Yesterday” at 00:30. */
  if (days == 0 || hours < 6)
    /* Translators: a last backup time; %d is a number of hours */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours),
                            (int) hours);
  if (days == 1)
    return g_strdup (_("Yesterday"));
  /* Translators: a last backup time; %d is a number of days (2 to 6) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
}

static char *
format_future (GTimeSpan  span,
               int        days)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;

  if (minutes < 1)
    return g_strdup (_("Just now"));
  if (minutes < 60)
    /* Translators: a time to come (next backup); %d is a number of minutes */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d minute", "In %d minutes", minutes),
                            (int) minutes);
  if (days == 0 || hours < 6)
    /* Translators: a time to come (next backup); %d is a number of hours */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d hour", "In %d hours", hours),
                            (int) hours);
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  /* Translators: a time to come; %d is a number of days (2 to 6) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", days), days);
}

char *
pd_format_relative_time (GDateTime *when,
                         GDateTime *now)
{
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) local_when = NULL;
  GTimeSpan span;
  int days;

  if (when == NULL)
    /* Translators: a last backup that never happened */
    return g_strdup (_("Never"));
  if (now == NULL)
    now = current = g_date_time_new_now_local ();

  local_when = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  span = g_date_time_difference (now, local_when);
  days = days_between (local_when, now);

  if (span >= 0 && days < 7)
    return format_past (span, days);
  if (span < 0 && -days < 7)
    return format_future (-span, -days);
  if (g_date_time_get_year (local_when) == g_date_time_get_year (now))
    /* Translators: a date this year, in g_date_time_format() notation: "3 Mar" */
    return g_date_time_format (local_when, C_("relative time", "%-d %b"));
  /* Translators: a date of another year, in g_date_time_format() notation: "3 Mar 2025" */
  return g_date_time_format (local_when, C_("relative time", "%-d %b %Y"));
}

char *
pd_format_bytes (gint64 bytes)
{
  if (bytes < 0)
    return g_strdup (_("Unknown"));
  return g_format_size ((guint64) bytes);
}
