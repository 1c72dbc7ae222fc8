/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-shell-format.h"

char *
pd_shell_format_updated_ago (GDateTime *last_success,
                             GDateTime *now)
{
  GTimeSpan elapsed;
  gint64 n;

  if (last_success == NULL)
    return g_strdup (_("Not updated yet"));
  elapsed = MAX (0, g_date_time_difference (now, last_success));
  if (elapsed < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Updated just now"));
  if (elapsed < G_TIME_SPAN_HOUR)
    {
      n = elapsed / G_TIME_SPAN_MINUTE;
      /* Translators: the last refresh from the portal, in the header bar */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d minute ago", "Updated %d minutes ago", n), (int) n);
    }
  if (elapsed < G_TIME_SPAN_DAY)
    {
      n = elapsed / G_TIME_SPAN_HOUR;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d hour ago", "Updated %d hours ago", n), (int) n);
    }
  n = elapsed / G_TIME_SPAN_DAY;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d day ago", "Updated %d days ago", n), (int) n);
}

char *
pd_shell_format_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%H:%M");
}

char *
pd_shell_format_moment (GDateTime *when,
                        GDateTime *now)
{
  g_autofree char *time = NULL;
  g_autofree char *relative = NULL;

  if (when == NULL)
    return g_strdup (C_("last update", "Not yet"));
  time = pd_shell_format_time (when);
  relative = pd_format_relative_time (when, now);
  /* Translators: a time of day, then how long ago it was: "14:02 (5 minutes ago)" */
  return g_strdup_printf (_("%s (%s)"), time, relative);
}
