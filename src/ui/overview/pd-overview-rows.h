/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-models.h"

G_BEGIN_DECLS

/* Rows the Overview shares between its lists. */

/* A factory for GtkListViews of PdOrganization: name, then ID and domain, and an arrow
 * saying that activating it opens the client. */
GtkListItemFactory *pd_overview_organization_factory_new   (void);

/* Translated: "Backup failed", "Consent lost", … */
const char         *pd_overview_attention_reason_get_label (PdAttentionReason     reason);

/* One "needs attention" item as an activatable row: the reason (icon, colour and word),
 * the client, the service's application when the item is about one (looked up in
 * @organizations, may be NULL) and how long it has been so. */
GtkWidget          *pd_overview_attention_row_new          (PdDashboardAttention *item,
                                                            PdResourceList       *organizations);

/* Adds "success", "warning", "error" or "accent" (libadwaita's colour classes) to @widget
 * for @severity_class, removing the others */
void                pd_overview_set_tint                   (GtkWidget            *widget,
                                                            const char           *tint);

/* An icon beside words that say the same: hidden from screen readers */
GtkWidget          *pd_overview_icon_new                   (const char           *icon_name);

G_END_DECLS
