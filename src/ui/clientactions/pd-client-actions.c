/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pd-client-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-actions-private.h"
#include "pd-mapping-dialog.h"
#include "pd-permission-gate.h"
#include "pd-widgets-style.h"

G_DEFINE_FINAL_TYPE (PdClientActions, pd_client_actions, GTK_TYPE_WIDGET)

/* ---- what each row says -------------------------------------------------------------- */

/* A disabled action's reason is its tooltip (the permission gate puts it there); the row
 * shows it in its subtitle too, so nobody has to hover to learn why. */
static const char *
gate_reason (GtkWidget *gated)
{
  return gtk_widget_get_sensitive (gated) ? NULL : gtk_widget_get_tooltip_text (gated);
}

static void
set_subtitle (AdwActionRow *row,
              GtkWidget    *gated,
              const char   *text)
{
  const char *reason = gate_reason (gated);

  adw_action_row_set_subtitle (row, reason != NULL ? reason : text);
}

static void
update_mapping_row (PdClientActions *self)
{
  PdOrganization *org = self->organization;
  const char *account = pd_organization_get_mapping_service_account_id (org);
  gboolean mapped = pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_MAPPED;
  g_autofree char *text = NULL;

  gtk_button_set_label (GTK_BUTTON (self->map_button), mapped ? _("_Change…") : _("_Map…"));
  gtk_widget_set_visible (self->unlink_button, mapped);
  if (!mapped)
    text = g_strdup (_("Not linked: billing and backups may not work until it is"));
  else if (pd_organization_get_admin_access (org))
    /* Translators: %s is a service account ID, e.g. sa_12 */
    text = g_strdup_printf (_("Linked to %s; turn off admin access to unlink"),
                            account != NULL ? account : "");
  else
    /* Translators: %s is a service account ID, e.g. sa_12 */
    text = g_strdup_printf (_("Linked to %s"), account != NULL ? account : "");
  set_subtitle (self->mapping_row, self->map_button, text);
}

static void
update_admin_row (PdClientActions *self)
{
  gboolean on = pd_organization_get_admin_access (self->organization);

  set_subtitle (self->admin_row, GTK_WIDGET (self->admin_switch),
                on ? _("On: the client’s own admins co-manage its backup with you")
                   : _("Off: only your company manages this client’s backup"));
}

static void
update_portal_rows (PdClientActions *self)
{
  const char *email = pd_organization_get_email (self->organization);
  g_autofree char *reset = NULL;

  set_subtitle (self->sign_in_row, GTK_WIDGET (self->sign_in_row),
                _("Opens the client’s portal in your browser with a link that works once"));
  /* Translators: %s is an e-mail address */
  reset = g_strdup_printf (_("To the client’s admin at %s"), email != NULL ? email : "");
  set_subtitle (self->reset_row, GTK_WIDGET (self->reset_row), reset);
}

static void
update_rows (PdClientActions *self)
{
  update_mapping_row (self);
  update_admin_row (self);
  update_portal_rows (self);
}

/* ---- what the client's state allows (the role and groups are the gates' part) --------- */

static void
update_reasons (PdClientActions *self)
{
  PdOrganization *org = self->organization;
  PdOrganizationStatus status = pd_organization_get_status (org);
  gboolean mapped = pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_MAPPED;
  gboolean admin_access = pd_organization_get_admin_access (org);
  const char *sign_in = NULL;
  const char *reset = NULL;

  pd_permission_gate_set_reason (self->unlink_button,
                                 admin_access ? _("Turn off admin access first: it needs the link") : NULL);
  /* turning it off never needs the link */
  pd_permission_gate_set_reason (GTK_WIDGET (self->admin_switch),
                                 !mapped && !admin_access
                                 ? _("Needs a linked service account: map the client first (above)") : NULL);

  if (pd_organization_get_relationship (org) == PD_RELATIONSHIP_RESELLER)
    sign_in = _("You resell this client’s backup: you have no authority inside its data");
  else if (status == PD_ORGANIZATION_STATUS_SUSPENDED)
    sign_in = _("The client is suspended: its client portal is closed");
  else if (status == PD_ORGANIZATION_STATUS_DELETED)
    sign_in = _("The client is deleted: its client portal is closed");
  pd_permission_gate_set_reason (GTK_WIDGET (self->sign_in_row), sign_in);

  if (status == PD_ORGANIZATION_STATUS_DELETED)
    reset = _("The client is deleted: there is no sign-in to reset");
  else if (pd_organization_get_email (org) == NULL || *pd_organization_get_email (org) == '\0')
    reset = _("The client has no contact e-mail address to send it to");
  pd_permission_gate_set_reason (GTK_WIDGET (self->reset_row), reset);
}

static void
organization_changed_cb (PdClientActions *self)
{
  update_reasons (self);
  update_rows (self);
  pd_client_actions_sync_switch (self);
}

void
pd_client_actions_sync_switch (PdClientActions *self)
{
  gboolean on = pd_organization_get_admin_access (self->organization);

  self->syncing_switch = TRUE;
  gtk_switch_set_active (self->admin_switch, on);
  gtk_switch_set_state (self->admin_switch, on);
  self->syncing_switch = FALSE;
}

/* ---- template callbacks -------------------------------------------------------------- */

static void
map_clicked_cb (PdClientActions *self)
{
  gtk_popover_popdown (self->popover);
  pd_mapping_dialog_present (GTK_WIDGET (self), self->session,
                             pd_resource_get_id (PD_RESOURCE (self->organization)));
}

static void
unlink_clicked_cb (PdClientActions *self)
{
  gtk_popover_popdown (self->popover);
  pd_client_actions_unlink (self);
}

/* The switch moves only with the portal's answer: asked first, it shows what is. */
static gboolean
admin_state_set_cb (PdClientActions *self,
                    gboolean         state)
{
  if (self->syncing_switch || state == pd_organization_get_admin_access (self->organization))
    return FALSE;
  gtk_popover_popdown (self->popover);
  pd_client_actions_set_admin_access (self, state);
  pd_client_actions_sync_switch (self);
  return TRUE;
}

static void
sign_in_activated_cb (PdClientActions *self)
{
  gtk_popover_popdown (self->popover);
  pd_client_actions_sign_in (self);
}

static void
reset_activated_cb (PdClientActions *self)
{
  gtk_popover_popdown (self->popover);
  pd_client_actions_reset_password (self);
}

/* ---- public -------------------------------------------------------------------------- */

static void
follow_gate (PdClientActions *self,
             GtkWidget       *gated)
{
  g_signal_connect_object (gated, "notify::sensitive", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gated, "notify::tooltip-text", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pd_client_actions_new (PdSession      *session,
                       PdOrganization *organization)
{
  PdClientActions *self;
  const char *id;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_ORGANIZATION (organization), NULL);

  self = g_object_new (PD_TYPE_CLIENT_ACTIONS, NULL);
  self->session = g_object_ref (session);
  self->organization = g_object_ref (organization);
  id = pd_resource_get_id (PD_RESOURCE (organization));

  pd_permission_gate_organization (self->map_button, session, "organizations.write", id);
  pd_permission_gate_organization (self->unlink_button, session, "organizations.write", id);
  pd_permission_gate_organization (GTK_WIDGET (self->admin_switch), session, "organizations.write", id);
  pd_permission_gate_organization (GTK_WIDGET (self->sign_in_row), session, "organizations.sign_in", id);
  pd_permission_gate_organization (GTK_WIDGET (self->reset_row), session, "organizations.write", id);
  follow_gate (self, self->map_button);
  follow_gate (self, GTK_WIDGET (self->admin_switch));
  follow_gate (self, GTK_WIDGET (self->sign_in_row));
  follow_gate (self, GTK_WIDGET (self->reset_row));

  g_signal_connect_object (organization, "notify", G_CALLBACK (organization_changed_cb), self, G_CONNECT_SWAPPED);
  organization_changed_cb (self);
  return GTK_WIDGET (self);
}

void
pd_client_actions_set_uri_opener (PdClientActions *self,
                                  PdOpenUriFunc    func,
                                  gpointer         user_data)
{
  g_return_if_fail (PD_IS_CLIENT_ACTIONS (self));

  self->uri_opener = func;
  self->uri_opener_data = user_data;
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_client_actions_dispose (GObject *object)
{
  PdClientActions *self = PD_CLIENT_ACTIONS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_CLIENT_ACTIONS);
  g_clear_object (&self->sign_in_edit);
  g_clear_object (&self->organization);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_client_actions_parent_class)->dispose (object);
}

static void
pd_client_actions_finalize (GObject *object)
{
  PdClientActions *self = PD_CLIENT_ACTIONS (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (pd_client_actions_parent_class)->finalize (object);
}

static void
pd_client_actions_class_init (PdClientActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_client_actions_dispose;
  object_class->finalize = pd_client_actions_finalize;

  pd_style_ensure (RESOURCE_BASE_PATH "/clientactions/clientactions.css");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/clientactions/pd-client-actions.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, popover);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, map_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, unlink_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, admin_row);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, admin_switch);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, sign_in_row);
  gtk_widget_class_bind_template_child (widget_class, PdClientActions, reset_row);
  gtk_widget_class_bind_template_callback (widget_class, map_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlink_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, admin_state_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_activated_cb);
}

static void
pd_client_actions_init (PdClientActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
