/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wizard's third step: the tenant's consent in the browser, polled until approved,
 * denied or expired. */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-authorize-draft.h"
#include "pd-authorize-wizard-private.h"
#include "pd-models.h"

static void
show_wait_state (PdAuthorizeWizard *self,
                 WaitState          state)
{
  GDateTime *expires = pd_authorization_get_consent_expires_at (self->authorization);
  g_autofree char *description = NULL;

  self->wait_state = state;
  gtk_spinner_set_spinning (self->waiting_spinner, state == WAITING);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_spinner), state == WAITING);
  gtk_widget_set_visible (self->link_box, state == WAITING);
  gtk_widget_set_visible (GTK_WIDGET (self->new_link_button), state != WAITING);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_note), FALSE);
  switch (state)
    {
    case WAITING:
      {
        g_autoptr(GDateTime) local = expires ? g_date_time_to_local (expires) : NULL;
        g_autofree char *until = local ? g_date_time_format (local, "%X") : NULL;

        adw_status_page_set_icon_name (self->waiting_page, "web-browser-symbolic");
        adw_status_page_set_title (self->waiting_page, _("Waiting for Consent"));
        description = until != NULL
          /* Translators: %s is the client's name, then a time of day */
          ? g_strdup_printf (_("The consent page is open in your browser. Sign in there as the admin of %s’s tenant and approve the permissions; this window moves on by itself.\nThe link works until %s."),
                             self->organization_name, until)
          : g_strdup_printf (_("The consent page is open in your browser. Sign in there as the admin of %s’s tenant and approve the permissions; this window moves on by itself."),
                             self->organization_name);
      }
      break;
    case DENIED:
      adw_status_page_set_icon_name (self->waiting_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->waiting_page, _("Consent Denied"));
      description = g_strdup (_("The tenant’s admin declined the permissions, so the backup cannot read this service. Check with the client, then ask again."));
      gtk_button_set_label (self->new_link_button, _("_Try Again"));
      break;
    case EXPIRED:
      adw_status_page_set_icon_name (self->waiting_page, "alarm-symbolic");
      adw_status_page_set_title (self->waiting_page, _("The Link Expired"));
      description = g_strdup (_("Consent links work for one hour. Get a new link and open it as the tenant’s admin."));
      gtk_button_set_label (self->new_link_button, _("_Get a New Link"));
      break;
    default:
      g_assert_not_reached ();
    }
  adw_status_page_set_description (self->waiting_page, description);
  if (state == WAITING)
    pd_authorize_watch_start (self->watch, pd_resource_get_etag (PD_RESOURCE (self->authorization)));
  else
    {
      pd_authorize_watch_stop (self->watch);
      g_clear_handle_id (&self->expiry_id, g_source_remove);
    }
  pd_authorize_wizard_update_actions (self);
}

static gboolean
expired_cb (gpointer user_data)
{
  PdAuthorizeWizard *self = user_data;

  self->expiry_id = 0;
  show_wait_state (self, EXPIRED);
  return G_SOURCE_REMOVE;
}

static gboolean
link_is_valid (PdAuthorization *authorization)
{
  GDateTime *expires = pd_authorization_get_consent_expires_at (authorization);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return pd_authorization_get_consent_url (authorization) != NULL &&
         (expires == NULL || g_date_time_compare (expires, now) > 0);
}

void
pd_authorize_wizard_show_waiting (PdAuthorizeWizard *self)
{
  GDateTime *expires = pd_authorization_get_consent_expires_at (self->authorization);

  pd_authorize_wizard_show_page (self, "waiting");
  if (!link_is_valid (self->authorization))
    {
      show_wait_state (self, EXPIRED);
      return;
    }
  g_clear_handle_id (&self->expiry_id, g_source_remove);
  if (expires != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan left = g_date_time_difference (expires, now);

      self->expiry_id = g_timeout_add_seconds ((guint) MIN (left / G_USEC_PER_SEC + 1, G_MAXUINT), expired_cb, self);
    }
  show_wait_state (self, WAITING);
}

static void
consent_requested_cb (PdAuthorizeWizard *self,
                      PdAuthorization   *authorization,
                      const GError      *error)
{
  if (authorization == NULL)
    {
      pd_authorize_wizard_show_message (self, error->message);
      return;
    }
  pd_authorize_wizard_open_uri (self, pd_authorization_get_consent_url (authorization));
  pd_authorize_wizard_show_waiting (self);
}

void
pd_authorize_wizard_request_consent (PdAuthorizeWizard *self)
{
  g_auto(GStrv) optional = pd_authorize_draft_dup (self->draft, "optional_scopes");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "optional_scopes");
  json_builder_begin_array (builder);
  for (guint i = 0; optional != NULL && optional[i] != NULL; i++)
    json_builder_add_string_value (builder, optional[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  pd_authorize_wizard_run_step (self, "consent", body, _("Ask the tenant’s consent"), consent_requested_cb);
}

void
pd_authorize_wizard_watch_changed_cb (PdAuthorizeWizard *self,
                  PdAuthorization   *authorization)
{
  pd_authorize_wizard_set_authorization (self, authorization);
  switch (pd_authorization_get_state (authorization))
    {
    case PD_AUTHORIZATION_STATE_AWAITING_CONSENT:
      if (!link_is_valid (authorization))
        show_wait_state (self, EXPIRED);
      else
        gtk_widget_set_visible (GTK_WIDGET (self->waiting_note), FALSE);
      break;
    case PD_AUTHORIZATION_STATE_AGREEMENT_ACCEPTED:
      if (g_strcmp0 (pd_authorization_get_last_error (authorization), "consent_denied") == 0)
        {
          show_wait_state (self, DENIED);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      /* Someone else moved it on (another technician, an invitation): start from there. */
      pd_authorize_wizard_resume (self);
    }
}

void
pd_authorize_wizard_watch_failed_cb (PdAuthorizeWizard *self,
                 const GError      *error)
{
  g_autofree char *note = NULL;

  /* Translators: %s says why the portal cannot be reached */
  note = g_strdup_printf (_("%s\nStill waiting: this window checks again by itself."), error->message);
  gtk_label_set_label (self->waiting_note, note);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_note), TRUE);
}

void
pd_authorize_wizard_watch_recovered_cb (PdAuthorizeWizard *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_note), FALSE);
}

