/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-report-card.h"
#include "pd-widgets-style.h"

struct _PdReportCard
{
  GtkWidget      parent_instance;

  PdReportKind   kind;
  char          *description;
  GHashTable    *counts;        /* label → its count's GtkLabel (owned by the legend) */

  GtkLabel      *title_label;
  GtkWidget     *export_button;
  GtkLabel      *figure_label;
  GtkLabel      *caption_label;
  PdReportChart *chart;
  GtkGrid       *legend;
  GtkLabel      *note_label;
};

G_DEFINE_FINAL_TYPE (PdReportCard, pd_report_card, GTK_TYPE_WIDGET)

char *
pd_report_format_count (gint64 count)
{
  /* ' groups thousands the locale's way (glibc; elsewhere plain digits) */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

char *
pd_report_format_percent (gint64 percent)
{
  g_autofree char *number = pd_report_format_count (percent);

  /* Translators: a percentage, %s is the number; use your language's spacing and sign,
   * e.g. “95 %” */
  return g_strdup_printf (_("%s%%"), number);
}

/* A part's share in whole percent, rounded down; a part too small for one is not none. */
static char *
format_share (gint64 value,
              gint64 sum)
{
  g_autofree char *one = NULL;

  if (value == 0 || value * 100 >= sum)
    return pd_report_format_percent (sum > 0 ? value * 100 / sum : 0);
  one = pd_report_format_percent (1);
  /* Translators: a share below one percent, %s is “1 %” */
  return g_strdup_printf (_("<%s"), one);
}

static GtkWidget *
legend_label (const char *text,
              float       xalign,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_legend (PdReportCard *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->counts);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_grid_remove (self->legend, child);
}

void
pd_report_card_set_figures (PdReportCard       *self,
                            const char         *figure,
                            const char         *caption,
                            const PdReportItem *items,
                            guint               n_items,
                            gboolean            with_shares,
                            const char         *note)
{
  g_autoptr(GArray) segments = g_array_sized_new (FALSE, FALSE, sizeof (PdReportSegment), n_items);
  g_autoptr(GString) description = g_string_new (caption);
  gint64 sum = 0;

  g_return_if_fail (PD_IS_REPORT_CARD (self));
  g_return_if_fail (figure != NULL && caption != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  gtk_label_set_text (self->figure_label, figure);
  gtk_label_set_text (self->caption_label, caption);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);

  for (guint i = 0; i < n_items; i++)
    sum += MAX (items[i].segment.value, 0);
  clear_legend (self);
  for (guint i = 0; i < n_items; i++)
    {
      gint64 value = MAX (items[i].segment.value, 0);
      g_autofree char *count = pd_report_format_count (value);
      g_autofree char *share = with_shares ? format_share (value, sum) : NULL;
      GtkWidget *name = legend_label (items[i].label, 0, NULL);
      GtkWidget *count_label = legend_label (count, 1, "pd-overview-count");

      g_array_append_val (segments, items[i].segment);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (count_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                      -1);
      gtk_grid_attach (self->legend, pd_report_chart_new_swatch (&items[i].segment), 0, (int) i, 1, 1);
      gtk_grid_attach (self->legend, name, 1, (int) i, 1, 1);
      gtk_grid_attach (self->legend, count_label, 2, (int) i, 1, 1);
      if (share != NULL)
        gtk_grid_attach (self->legend, legend_label (share, 1, "pd-report-share"), 3, (int) i, 1, 1);
      g_hash_table_insert (self->counts, g_strdup (items[i].label), count_label);

      g_string_append (description, i == 0 ? ". " : "; ");
      if (share != NULL)
        /* Translators: one part of a chart as a screen reader says it: a name, a count and
         * the share, e.g. “Active: 52 (86 %)” */
        g_string_append_printf (description, _("%s: %s (%s)"), items[i].label, count, share);
      else
        /* Translators: one part of a chart as a screen reader says it, e.g. “Open: 290” */
        g_string_append_printf (description, _("%s: %s"), items[i].label, count);
    }
  if (note != NULL)
    g_string_append_printf (description, ". %s", note);
  pd_report_chart_set_segments (self->chart, (PdReportSegment *) segments->data, segments->len);

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&description), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chart), self->description);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_report_card_dispose (GObject *object)
{
  PdReportCard *self = PD_REPORT_CARD (object);
  GtkWidget *child;

  g_hash_table_remove_all (self->counts);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_REPORT_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pd_report_card_parent_class)->dispose (object);
}

static void
pd_report_card_finalize (GObject *object)
{
  PdReportCard *self = PD_REPORT_CARD (object);

  g_hash_table_unref (self->counts);
  g_free (self->description);

  G_OBJECT_CLASS (pd_report_card_parent_class)->finalize (object);
}

static void
pd_report_card_class_init (PdReportCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_report_card_dispose;
  object_class->finalize = pd_report_card_finalize;

  g_type_ensure (PD_TYPE_REPORT_CHART);
  /* A card like the Overview's: its stylesheet's card, figure and count */
  pd_style_ensure (RESOURCE_BASE_PATH "/overview/overview.css");
  pd_style_ensure (RESOURCE_BASE_PATH "/reports/reports.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/reports/pd-report-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PdReportCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, PdReportCard, export_button);
  gtk_widget_class_bind_template_child (widget_class, PdReportCard, figure_label);
  gtk_widget_class_bind_template_child (widget_class, PdReportCard, caption_label);
  gtk_widget_class_bind_template_child (widget_class, PdReportCard, chart);
  gtk_widget_class_bind_template_child (widget_class, PdReportCard, legend);
  gtk_widget_class_bind_template_child (widget_class, PdReportCard, note_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pd_report_card_init (PdReportCard *self)
{
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pd_report_card_new (PdReportKind  kind,
                    const char   *title)
{
  PdReportCard *self;
  g_autofree char *export_label = NULL;

  g_return_val_if_fail (kind < PD_REPORT_N_KINDS, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (PD_TYPE_REPORT_CARD, NULL);
  self->kind = kind;
  gtk_label_set_text (self->title_label, title);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->export_button), "s", pd_report_kind_to_key (kind));
  /* Translators: an icon button's accessible name; %s is a report's title */
  export_label = g_strdup_printf (_("Export “%s” as CSV"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button), GTK_ACCESSIBLE_PROPERTY_LABEL, export_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

PdReportKind
pd_report_card_get_kind (PdReportCard *self)
{
  g_return_val_if_fail (PD_IS_REPORT_CARD (self), PD_REPORT_N_KINDS);

  return self->kind;
}

GtkWidget *
pd_report_card_get_export_button (PdReportCard *self)
{
  g_return_val_if_fail (PD_IS_REPORT_CARD (self), NULL);

  return self->export_button;
}

const char *
pd_report_card_get_count_text (PdReportCard *self,
                               const char   *label)
{
  GtkLabel *count;

  g_return_val_if_fail (PD_IS_REPORT_CARD (self), NULL);

  count = g_hash_table_lookup (self->counts, label);
  return count != NULL ? gtk_label_get_text (count) : NULL;
}

const char *
pd_report_card_get_figure_text (PdReportCard *self)
{
  g_return_val_if_fail (PD_IS_REPORT_CARD (self), NULL);

  return gtk_label_get_text (self->figure_label);
}

const char *
pd_report_card_get_description (PdReportCard *self)
{
  g_return_val_if_fail (PD_IS_REPORT_CARD (self), NULL);

  return self->description;
}
