/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The Groups section: the partner's groups with their scope and managers; a new group;
 * a group opens in its editor, pushed over the section. */
#define PD_TYPE_GROUPS_PAGE (pd_groups_page_get_type ())
G_DECLARE_FINAL_TYPE (PdGroupsPage, pd_groups_page, PD, GROUPS_PAGE, AdwBin)

GtkWidget *pd_groups_page_new        (PdSession    *session);
/* Pushes the editor of @group_id over the section (as a click on its row does). */
void       pd_groups_page_open_group (PdGroupsPage *self,
                                      const char   *group_id);

G_END_DECLS
