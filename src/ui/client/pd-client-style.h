/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Loads client.css for the default display, once (from the pages' class_init). */
void pd_client_ensure_style (void);

G_END_DECLS
