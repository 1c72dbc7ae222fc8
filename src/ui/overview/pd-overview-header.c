/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-overview-header.h"

#define SPACING 12
/* Below this, a headline beside the controls wraps into a tower of short lines */
#define HEADLINE_MIN_WIDE 240

struct _PdOverviewHeaderLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (PdOverviewHeaderLayout, pd_overview_header_layout, GTK_TYPE_LAYOUT_MANAGER)

static gboolean
get_children (GtkWidget  *widget,
              GtkWidget **headline,
              GtkWidget **controls)
{
  *headline = gtk_widget_get_first_child (widget);
  *controls = *headline != NULL ? gtk_widget_get_next_sibling (*headline) : NULL;
  return *controls != NULL;
}

static int
controls_width (GtkWidget *controls)
{
  int natural;

  gtk_widget_measure (controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static gboolean
is_wide (GtkWidget *controls,
         int        width)
{
  return width < 0 || width - controls_width (controls) - SPACING >= HEADLINE_MIN_WIDE;
}

static void
measure (GtkLayoutManager *manager,
         GtkWidget        *widget,
         GtkOrientation    orientation,
         int               for_size,
         int              *minimum,
         int              *natural,
         int              *minimum_baseline,
         int              *natural_baseline)
{
  GtkWidget *headline, *controls;
  int head_min, head_nat, ctl_min, ctl_nat;

  *minimum = *natural = 0;
  if (!get_children (widget, &headline, &controls))
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (headline, orientation, -1, &head_min, &head_nat, NULL, NULL);
      gtk_widget_measure (controls, orientation, -1, &ctl_min, &ctl_nat, NULL, NULL);
      *minimum = MAX (head_min, ctl_min);
      *natural = head_nat + SPACING + ctl_nat;
      return;
    }

  if (is_wide (controls, for_size))
    {
      int head_width = for_size < 0 ? -1 : for_size - controls_width (controls) - SPACING;

      gtk_widget_measure (headline, orientation, head_width, &head_min, &head_nat, NULL, NULL);
      gtk_widget_measure (controls, orientation, -1, &ctl_min, &ctl_nat, NULL, NULL);
      *minimum = MAX (head_min, ctl_min);
      *natural = MAX (head_nat, ctl_nat);
    }
  else
    {
      gtk_widget_measure (headline, orientation, for_size, &head_min, &head_nat, NULL, NULL);
      gtk_widget_measure (controls, orientation, for_size, &ctl_min, &ctl_nat, NULL, NULL);
      *minimum = head_min + SPACING + ctl_min;
      *natural = head_nat + SPACING + ctl_nat;
    }
}

static void
allocate (GtkLayoutManager *manager,
          GtkWidget        *widget,
          int               width,
          int               height,
          int               baseline)
{
  GtkWidget *headline, *controls;
  int ctl_width, ctl_height, head_height;

  if (!get_children (widget, &headline, &controls))
    return;

  ctl_width = controls_width (controls);
  if (is_wide (controls, width))
    {
      int head_width = width - ctl_width - SPACING;

      gtk_widget_measure (controls, GTK_ORIENTATION_VERTICAL, ctl_width, NULL, &ctl_height, NULL, NULL);
      gtk_widget_size_allocate (headline, &(GtkAllocation) { 0, 0, head_width, height }, -1);
      gtk_widget_size_allocate (controls,
                                &(GtkAllocation) { width - ctl_width, (height - ctl_height) / 2, ctl_width, ctl_height },
                                -1);
      return;
    }
  gtk_widget_measure (headline, GTK_ORIENTATION_VERTICAL, width, NULL, &head_height, NULL, NULL);
  gtk_widget_measure (controls, GTK_ORIENTATION_VERTICAL, width, NULL, &ctl_height, NULL, NULL);
  gtk_widget_size_allocate (headline, &(GtkAllocation) { 0, 0, width, head_height }, -1);
  gtk_widget_size_allocate (controls,
                            &(GtkAllocation) { 0, head_height + SPACING, MIN (ctl_width, width), ctl_height }, -1);
}

static GtkSizeRequestMode
get_request_mode (GtkLayoutManager *manager,
                  GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pd_overview_header_layout_class_init (PdOverviewHeaderLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = measure;
  layout_class->allocate = allocate;
  layout_class->get_request_mode = get_request_mode;
}

static void
pd_overview_header_layout_init (PdOverviewHeaderLayout *self)
{
}

/* ---- the container ------------------------------------------------------------------- */

struct _PdOverviewHeader
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PdOverviewHeader, pd_overview_header, GTK_TYPE_WIDGET)

static void
pd_overview_header_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pd_overview_header_parent_class)->dispose (object);
}

static void
pd_overview_header_class_init (PdOverviewHeaderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pd_overview_header_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), PD_TYPE_OVERVIEW_HEADER_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "box");
}

static void
pd_overview_header_init (PdOverviewHeader *self)
{
}
