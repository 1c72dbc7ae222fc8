/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long ago @when was, seen from @now (NULL: the current time), in @now's time zone:
 * "Never" (@when NULL), "Just now", "5 minutes ago", "3 hours ago", "Yesterday", "4 days ago",
 * then a date ("3 Mar"; with the year when it is not @now's: "3 Mar 2025"). A time in the
 * future reads "In 5 minutes", "Tomorrow", …; less than a minute ahead (clock skew) is
 * "Just now". */
char *pd_format_relative_time (GDateTime *when,
                               GDateTime *now);
/* "1.5 GB", from a byte count; a negative count is "Unknown" */
char *pd_format_bytes         (gint64     bytes);

G_END_DECLS
