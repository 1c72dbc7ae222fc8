/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-role-holders.h"
#include "pd-role-row.h"

struct _PdRoleRow
{
  GtkWidget     parent_instance;

  PdSession    *session;
  PdRole       *role;
  GListModel   *holders;
  GSignalGroup *role_signals;

  GtkWidget    *name_label;
  GtkWidget    *kind_label;
  GtkWidget    *count_label;
};

G_DEFINE_FINAL_TYPE (PdRoleRow, pd_role_row, GTK_TYPE_WIDGET)

static void
update (PdRoleRow *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *count = NULL;
  guint n;

  if (self->role == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (self->name_label), pd_role_get_name (self->role));
  kind = g_strdup_printf (pd_role_get_builtin (self->role)
                          /* Translators: a role's kind and rank, e.g. “Built-in · rank 80” */
                          ? _("Built-in · rank %d")
                          /* Translators: a role's kind and rank, e.g. “Custom · rank 55” */
                          : _("Custom · rank %d"),
                          (int) pd_role_get_rank (self->role));
  gtk_label_set_label (GTK_LABEL (self->kind_label), kind);
  n = pd_role_holders_count (self->session, self->role, self->holders);
  /* Translators: how many partner users hold a role */
  count = g_strdup_printf (ngettext ("%u user", "%u users", n), n);
  gtk_label_set_label (GTK_LABEL (self->count_label), count);
}

void
pd_role_row_set_role (PdRoleRow *self,
                      PdSession *session,
                      PdRole    *role)
{
  g_return_if_fail (PD_IS_ROLE_ROW (self));
  g_return_if_fail (role == NULL || PD_IS_ROLE (role));

  if (self->holders != NULL)
    g_signal_handlers_disconnect_by_data (self->holders, self);
  g_clear_object (&self->holders);
  g_set_object (&self->session, session);
  g_set_object (&self->role, role);
  g_signal_group_set_target (self->role_signals, role);
  if (role == NULL)
    return;
  self->holders = pd_role_holders_new (session, pd_resource_get_id (PD_RESOURCE (role)));
  g_signal_connect_swapped (self->holders, "items-changed", G_CALLBACK (update), self);
  update (self);
}

PdRole *
pd_role_row_get_role (PdRoleRow *self)
{
  g_return_val_if_fail (PD_IS_ROLE_ROW (self), NULL);

  return self->role;
}

const char *
pd_role_row_get_count_text (PdRoleRow *self)
{
  g_return_val_if_fail (PD_IS_ROLE_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->count_label));
}

GtkWidget *
pd_role_row_new (void)
{
  return g_object_new (PD_TYPE_ROLE_ROW, NULL);
}

static void
pd_role_row_dispose (GObject *object)
{
  PdRoleRow *self = PD_ROLE_ROW (object);
  GtkWidget *child;

  pd_role_row_set_role (self, NULL, NULL);
  g_clear_object (&self->role_signals);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pd_role_row_parent_class)->dispose (object);
}

static void
pd_role_row_class_init (PdRoleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_role_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-role-row");
}

static GtkWidget *
add_label (GtkWidget  *parent,
           const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, style);
  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), label);
  else
    gtk_widget_set_parent (label, parent);
  return label;
}

static void
pd_role_row_init (PdRoleRow *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *chevron = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (texts, GTK_WIDGET (self));
  self->name_label = add_label (texts, "heading");
  self->kind_label = add_label (texts, "dim-label");
  gtk_widget_add_css_class (self->kind_label, "caption");
  self->count_label = add_label (GTK_WIDGET (self), "dim-label");
  gtk_widget_set_valign (self->count_label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (chevron, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chevron), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  /* The name and rank of a custom role change in place when it is edited. */
  self->role_signals = g_signal_group_new (PD_TYPE_ROLE);
  g_signal_group_connect_swapped (self->role_signals, "notify", G_CALLBACK (update), self);
}
