/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wizard's last steps: the seats (the seat picker) and the summary. */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-authorize-wizard-private.h"
#include "pd-authorize-draft.h"
#include "pd-models.h"

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The lists catch up with the next sync anyway; the sync status shows failures. */
  if (!pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error))
    g_debug ("Sync after authorizing: %s", error->message);
}

/* The consent happened on the portal's page, not through an edit: catch the tiles up. */
void
pd_authorize_wizard_sync_lists (PdAuthorizeWizard *self)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);

  if (engine != NULL)
    pd_sync_engine_sync_async (engine, FALSE, NULL, sync_done_cb, NULL);
}

static void
show_summary (PdAuthorizeWizard *self)
{
  GListModel *scopes = G_LIST_MODEL (pd_authorization_get_scopes (self->authorization));
  g_autoptr(GString) description = g_string_new (NULL);
  guint n_granted = 0;

  for (guint i = 0; scopes != NULL && i < g_list_model_get_n_items (scopes); i++)
    {
      g_autoptr(PdAuthorizationScope) scope = g_list_model_get_item (scopes, i);

      n_granted += pd_authorization_scope_get_granted (scope);
    }
  g_string_append_printf (description,
                          g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the service's name, the client's name, a number of permissions */
                                       "%s of %s is authorized with %u permission.",
                                       "%s of %s is authorized with %u permissions.", n_granted),
                          self->service_name, self->organization_name, n_granted);
  if (self->seats_applied)
    {
      g_string_append_c (description, '\n');
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: accounts whose data is backed up */
                                           "%u account is protected.", "%u accounts are protected.", self->n_seated),
                              self->n_seated);
    }
  if (self->n_failed > 0)
    {
      g_string_append_c (description, '\n');
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u account could not be changed: go back to see why, and apply again.",
                                           "%u accounts could not be changed: go back to see why, and apply again.",
                                           self->n_failed),
                              self->n_failed);
    }
  adw_status_page_set_icon_name (self->summary_page, self->n_failed > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  adw_status_page_set_description (self->summary_page, description->str);
  if (self->n_failed == 0)
    {
      g_clear_pointer (&self->draft, json_node_unref);
      /* Done: nothing is left to pd_authorize_wizard_resume. */
      self->draft = pd_authorize_draft_build (NULL, NULL);
      pd_authorize_draft_save (self->session, self->organization_id, self->service_id, self->draft);
    }
  pd_authorize_wizard_show_page (self, "summary");
}

static void
seats_changed_cb (PdAuthorizeWizard *self)
{
  g_auto(GStrv) ids = pd_seat_picker_dup_selected_ids (self->picker);

  pd_authorize_wizard_save_draft (self, (const char * const *) ids);
}

void
pd_authorize_wizard_show_seats (PdAuthorizeWizard *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  PdResource *organization = NULL;
  PdResource *service = NULL;

  if (self->picker == NULL && PD_IS_RESOURCE_LIST (organizations))
    {
      organization = pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), self->organization_id);
      if (organization != NULL && pd_organization_get_services (PD_ORGANIZATION (organization)) != NULL)
        service = pd_resource_list_lookup (pd_organization_get_services (PD_ORGANIZATION (organization)), self->service_id);
    }
  if (self->picker == NULL && service != NULL)
    {
      g_auto(GStrv) seats = pd_authorize_draft_dup (self->draft, "seats");

      self->picker = PD_SEAT_PICKER (pd_seat_picker_new (self->session, PD_ORGANIZATION (organization), PD_SERVICE (service)));
      gtk_widget_set_vexpand (GTK_WIDGET (self->picker), TRUE);
      gtk_widget_set_margin_top (GTK_WIDGET (self->picker), 12);
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->picker), 12);
      gtk_widget_set_margin_start (GTK_WIDGET (self->picker), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (self->picker), 12);
      if (seats != NULL)
        pd_seat_picker_set_selected_ids (self->picker, (const char * const *) seats);
      g_signal_connect_object (self->picker, "changed", G_CALLBACK (seats_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->picker, "notify::can-apply", G_CALLBACK (pd_authorize_wizard_update_actions), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->seats_box, GTK_WIDGET (self->picker));
    }
  if (self->picker == NULL)
    {
      /* Not in the session's lists (yet): the client page offers the seats later. */
      show_summary (self);
      return;
    }
  pd_authorize_wizard_show_page (self, "seats");
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PdAuthorizeWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_protected = 0, n_failed = 0;

  if (!pd_seat_picker_apply_finish (PD_SEAT_PICKER (source), result, &n_protected, &n_failed, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      pd_authorize_wizard_set_busy (self, FALSE);
      pd_authorize_wizard_show_message (self, error->message);
      return;
    }
  pd_authorize_wizard_set_busy (self, FALSE);
  self->seats_applied = TRUE;
  self->n_seated = pd_seat_picker_get_n_selected (self->picker);
  self->n_failed = n_failed;
  show_summary (self);
}

void
pd_authorize_wizard_apply_seats (PdAuthorizeWizard *self)
{
  g_auto(GStrv) ids = pd_seat_picker_dup_selected_ids (self->picker);

  pd_authorize_wizard_save_draft (self, (const char * const *) ids);
  pd_authorize_wizard_set_busy (self, TRUE);
  pd_seat_picker_apply_async (self->picker, GTK_WIDGET (self), self->cancellable, applied_cb, g_object_ref (self));
}

