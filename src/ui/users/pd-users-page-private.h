/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-users-page.h"

G_BEGIN_DECLS

/* Shared with the tests, which drive these widgets */
struct _PdUsersPage
{
  AdwBin              parent_instance;

  PdSession          *session;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GPtrArray          *role_ids;     /* beside the role dropdown's names; [0] is NULL: all */
  char               *query;        /* casefolded; NULL or "" matches all */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *role_dropdown;
  GtkStringList      *role_names;
  GtkWidget          *new_button;
  GtkWidget          *empty_new_button;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_match_page;
  AdwStatusPage      *forbidden_page;
};

G_END_DECLS
