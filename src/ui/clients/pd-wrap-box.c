/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-wrap-box.h"

struct _PdWrapBox
{
  GtkWidget parent_instance;

  int       column_spacing;
  int       row_spacing;
  int       column_width;
};

G_DEFINE_FINAL_TYPE (PdWrapBox, pd_wrap_box, GTK_TYPE_WIDGET)

static int
child_min_width (GtkWidget *child)
{
  int min = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static int
child_nat_width (GtkWidget *child)
{
  int nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
  return nat;
}

static int
child_height (GtkWidget *child,
              int        width,
              gboolean   natural)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return natural ? nat : min;
}

/* Uniform grid: the number of columns and their width for @width */
static int
uniform_columns (PdWrapBox *self,
                 int        width,
                 int       *column_width)
{
  int smallest = self->column_width;
  int columns;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_should_layout (c))
      smallest = MAX (smallest, child_min_width (c));
  columns = MAX (1, (width + self->column_spacing) / (smallest + self->column_spacing));
  *column_width = MAX (smallest, (width - (columns - 1) * self->column_spacing) / columns);
  return columns;
}

static void
place_line (PdWrapBox *self,
            GPtrArray *line,
            GArray    *widths,
            int        width,
            int        y,
            int        height)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int x = 0;

  for (guint i = 0; i < line->len; i++)
    {
      int w = g_array_index (widths, int, i);

      gtk_widget_size_allocate (g_ptr_array_index (line, i),
                                &(GtkAllocation) { rtl ? width - x - w : x, y, w, height }, -1);
      x += w + self->column_spacing;
    }
}

/* Lays the children out for @width and answers the height; with @allocate, places them too.
 * The children of a line share its height, so tiles side by side line up. */
static int
layout (PdWrapBox *self,
        int        width,
        gboolean   allocate,
        gboolean   natural)
{
  g_autoptr(GPtrArray) line = g_ptr_array_new ();
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  int x = 0, y = 0, line_height = 0, column_width = 0, columns = 0;
  gboolean uniform = self->column_width > 0;

  if (uniform)
    columns = uniform_columns (self, width, &column_width);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int w;

      if (!gtk_widget_should_layout (c))
        continue;
      w = uniform ? column_width : MIN (child_nat_width (c), width);
      /* A new line when this one is full */
      if (line->len > 0 && ((uniform && (int) line->len == columns) || (!uniform && x + w > width)))
        {
          if (allocate)
            place_line (self, line, widths, width, y, line_height);
          y += line_height + self->row_spacing;
          x = 0;
          line_height = 0;
          g_ptr_array_set_size (line, 0);
          g_array_set_size (widths, 0);
        }
      line_height = MAX (line_height, child_height (c, w, natural));
      g_ptr_array_add (line, c);
      g_array_append_val (widths, w);
      x += w + self->column_spacing;
    }
  if (allocate && line->len > 0)
    place_line (self, line, widths, width, y, line_height);
  return y + line_height;
}

static GtkSizeRequestMode
pd_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pd_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  PdWrapBox *self = PD_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          if (!gtk_widget_should_layout (c))
            continue;
          min = MAX (min, child_min_width (c));
          nat += (n++ > 0 ? self->column_spacing : 0) + (self->column_width > 0 ? MAX (self->column_width, child_min_width (c))
                                                                                : child_nat_width (c));
        }
      if (self->column_width > 0)
        min = MAX (min, MIN (self->column_width, nat));
      *minimum = min;
      *natural = MAX (min, nat);
    }
  else
    {
      int width = for_size;

      /* No width given: the height at the narrowest width (the most lines) */
      if (width < 0)
        {
          int unused;

          pd_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, &unused, NULL, NULL);
        }
      *minimum = layout (self, width, FALSE, FALSE);
      *natural = layout (self, width, FALSE, TRUE);
    }
}

static void
pd_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  layout (PD_WRAP_BOX (widget), width, TRUE, TRUE);
}

static void
pd_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pd_wrap_box_parent_class)->dispose (object);
}

static void
pd_wrap_box_class_init (PdWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_wrap_box_dispose;
  widget_class->get_request_mode = pd_wrap_box_get_request_mode;
  widget_class->measure = pd_wrap_box_measure;
  widget_class->size_allocate = pd_wrap_box_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "pd-wrap-box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pd_wrap_box_init (PdWrapBox *self)
{
  self->column_spacing = 6;
  self->row_spacing = 6;
}

GtkWidget *
pd_wrap_box_new (void)
{
  return g_object_new (PD_TYPE_WRAP_BOX, NULL);
}

void
pd_wrap_box_append (PdWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (PD_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child) && gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
pd_wrap_box_remove (PdWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (PD_IS_WRAP_BOX (self));
  g_return_if_fail (gtk_widget_get_parent (child) == GTK_WIDGET (self));

  gtk_widget_unparent (child);
}

void
pd_wrap_box_set_spacing (PdWrapBox *self,
                         int        column_spacing,
                         int        row_spacing)
{
  g_return_if_fail (PD_IS_WRAP_BOX (self));

  self->column_spacing = MAX (0, column_spacing);
  self->row_spacing = MAX (0, row_spacing);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
pd_wrap_box_set_column_width (PdWrapBox *self,
                              int        width)
{
  g_return_if_fail (PD_IS_WRAP_BOX (self));

  self->column_width = MAX (0, width);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
