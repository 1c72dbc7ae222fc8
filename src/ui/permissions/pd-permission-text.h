/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the portal's permissions and their areas are called in the UI, translated. The
 * portal's catalogue (GET /permissions) is the list; these are its words for people. An
 * unknown key (a newer portal) falls back to @fallback, then to the key itself. */
const char *pd_permission_text_title       (const char *key,
                                            const char *fallback);
/* One line on what the permission allows, e.g. “Invite technicians, change their role and
 * reset their password” */
const char *pd_permission_text_explanation (const char *key,
                                            const char *fallback);
/* The title of a catalogue category (“users” → “Partner users”) */
const char *pd_permission_text_area        (const char *category,
                                            const char *fallback);

G_END_DECLS
