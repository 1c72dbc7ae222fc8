/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One ISO 3166-1 country: the alpha-2 code the portal uses and its name in the user's
 * language (from the system's iso-codes). */
#define PD_TYPE_COUNTRY (pd_country_get_type ())
G_DECLARE_FINAL_TYPE (PdCountry, pd_country, PD, COUNTRY, GObject)

const char *pd_country_get_code         (PdCountry  *self);
const char *pd_country_get_name         (PdCountry  *self);

/* Every country, sorted by name; shared and read once. Empty (with a warning) when the
 * iso-codes data is not installed. */
GListModel *pd_country_list_get_default (void);
/* The position of @code in the list, or GTK_INVALID_LIST_POSITION */
guint       pd_country_list_find        (const char *code);
/* The name of @code, or @code itself when it is not known */
const char *pd_country_list_get_name    (const char *code);

G_END_DECLS
