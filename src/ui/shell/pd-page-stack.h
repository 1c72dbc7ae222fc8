/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A root page with pages pushed over it (a client, then one of its accounts), sliding in
 * and out: the back-stack libadwaita 1.2 lacks (no AdwNavigationView before 1.4). */
#define PD_TYPE_PAGE_STACK (pd_page_stack_get_type ())
G_DECLARE_FINAL_TYPE (PdPageStack, pd_page_stack, PD, PAGE_STACK, GtkWidget)

GtkWidget  *pd_page_stack_new              (void);
/* The page under every pushed one (the window's sections); pops everything */
void        pd_page_stack_set_root         (PdPageStack *self,
                                            GtkWidget   *root);
GtkWidget  *pd_page_stack_get_root         (PdPageStack *self);
/* Shows @page over the current one. Its title is @page's "title" property when it has
 * one (followed while shown), else @title. */
void        pd_page_stack_push             (PdPageStack *self,
                                            GtkWidget   *page,
                                            const char  *title);
/* Goes back one page; FALSE when already at the root */
gboolean    pd_page_stack_pop              (PdPageStack *self);
void        pd_page_stack_pop_to_root      (PdPageStack *self);
/* Pushed pages on screen or under it (0 at the root); property "depth" */
guint       pd_page_stack_get_depth        (PdPageStack *self);
/* The page on screen (the root at depth 0) */
GtkWidget  *pd_page_stack_get_visible_page (PdPageStack *self);
/* The title of the top pushed page; NULL at the root. Property "title". */
const char *pd_page_stack_get_title        (PdPageStack *self);

G_END_DECLS
