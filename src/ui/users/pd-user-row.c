/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-user-row.h"
#include "pd-users-format.h"

struct _PdUserRow
{
  GtkWidget   parent_instance;

  PdUser     *user;
  GListModel *groups;

  GtkWidget  *box;
  AdwAvatar  *avatar;
  GtkLabel   *name_label;
  GtkLabel   *email_label;
  GtkLabel   *facts_label;
  GtkLabel   *groups_label;
  GtkWidget  *status_box;
  GtkImage   *status_icon;
  GtkLabel   *status_label;
};

G_DEFINE_FINAL_TYPE (PdUserRow, pd_user_row, GTK_TYPE_WIDGET)

static void
update (PdUserRow *self)
{
  PdUser *user = self->user;
  PdUserStatus status;
  g_autofree char *when = NULL;
  g_autofree char *sign_in = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *groups_text = NULL;
  g_autofree char *facts = NULL;

  if (user == NULL)
    return;
  status = pd_user_get_status (user);
  adw_avatar_set_text (self->avatar, pd_user_get_name (user));
  gtk_label_set_text (self->name_label, pd_user_get_name (user));
  gtk_label_set_text (self->email_label, pd_user_get_email (user));

  /* One line that wraps on narrow windows: role, MFA, last sign-in */
  if (pd_user_get_last_sign_in_at (user) != NULL)
    {
      when = pd_format_relative_time (pd_user_get_last_sign_in_at (user), NULL);
      /* Translators: %s is a relative time such as “3 hours ago” or “Yesterday” */
      sign_in = g_strdup_printf (_("Signed in: %s"), when);
    }
  /* Translators: the role (in bold), whether MFA is on, and the last sign-in, e.g.
   * “<b>Admin</b> · MFA off · Signed in: Yesterday” */
  facts = g_markup_printf_escaped (_("<b>%s</b> · %s · %s"), pd_user_get_role_name (user),
                                   pd_user_get_mfa_enabled (user) ? _("MFA on") : _("MFA off"),
                                   sign_in != NULL ? sign_in : _("Never signed in"));
  gtk_label_set_markup (self->facts_label, facts);

  groups = self->groups != NULL ? pd_users_dup_groups (self->groups, pd_resource_get_id (PD_RESOURCE (user))) : NULL;
  /* Translators: %s is a list of group names */
  groups_text = groups != NULL ? g_strdup_printf (_("Manages: %s"), groups) : NULL;
  gtk_label_set_text (self->groups_label, groups_text != NULL ? groups_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->groups_label), groups_text != NULL);

  gtk_image_set_from_icon_name (self->status_icon, pd_users_status_icon (status));
  gtk_label_set_text (self->status_label, pd_users_status_text (status));
  if (status == PD_USER_STATUS_DEACTIVATED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "deactivated");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "deactivated");
}

void
pd_user_row_set_user (PdUserRow  *self,
                      PdUser     *user,
                      GListModel *groups)
{
  g_return_if_fail (PD_IS_USER_ROW (self));
  g_return_if_fail (user == NULL || PD_IS_USER (user));

  if (self->user != NULL)
    g_signal_handlers_disconnect_by_data (self->user, self);
  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_data (self->groups, self);
  g_set_object (&self->user, user);
  g_set_object (&self->groups, groups);
  /* In-place updates of a sync notify the changed properties only */
  if (user != NULL)
    g_signal_connect_object (user, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  if (groups != NULL)
    g_signal_connect_object (groups, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

PdUser *
pd_user_row_get_user (PdUserRow *self)
{
  g_return_val_if_fail (PD_IS_USER_ROW (self), NULL);

  return self->user;
}

static void
pd_user_row_dispose (GObject *object)
{
  PdUserRow *self = PD_USER_ROW (object);

  pd_user_row_set_user (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_USER_ROW);

  G_OBJECT_CLASS (pd_user_row_parent_class)->dispose (object);
}

static void
pd_user_row_class_init (PdUserRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_user_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/users/pd-user-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, box);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, email_label);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, facts_label);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, groups_label);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, status_box);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PdUserRow, status_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-user-row");
}

static void
pd_user_row_init (PdUserRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pd_user_row_new (void)
{
  return g_object_new (PD_TYPE_USER_ROW, NULL);
}
