/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Overview's header: two children, the first (a headline) and the second (controls),
 * side by side when the headline fits beside the controls, else the controls under the
 * headline. libadwaita 1.2 has no breakpoints; a layout manager decides per allocation. */
#define PD_TYPE_OVERVIEW_HEADER_LAYOUT (pd_overview_header_layout_get_type ())
G_DECLARE_FINAL_TYPE (PdOverviewHeaderLayout, pd_overview_header_layout, PD, OVERVIEW_HEADER_LAYOUT, GtkLayoutManager)

/* A plain container with that layout, for the template */
#define PD_TYPE_OVERVIEW_HEADER (pd_overview_header_get_type ())
G_DECLARE_FINAL_TYPE (PdOverviewHeader, pd_overview_header, PD, OVERVIEW_HEADER, GtkWidget)

G_END_DECLS
