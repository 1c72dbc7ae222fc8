/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Updated just now", "Updated 5 minutes ago", "Updated 3 hours ago": minute granularity,
 * whole sentences so translators see them whole. */
char *pd_shell_format_updated_ago (GDateTime *last_success,
                                   GDateTime *now);
/* A moment for the details: "14:02 (5 minutes ago)"; "Not yet" for NULL */
char *pd_shell_format_moment      (GDateTime *when,
                                   GDateTime *now);
/* The time of day in the user's locale and time zone: "14:02" */
char *pd_shell_format_time        (GDateTime *when);

G_END_DECLS
