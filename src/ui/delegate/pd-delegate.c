/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-delegate.h"
#include "pd-edit.h"
#include "pd-invitations.h"
#include "pd-invite-dialog.h"
#include "pd-permission-gate.h"
#include "pd-portal-error.h"
#include "pd-service-info.h"

#define PERMISSION "services.authorize"

typedef enum {
  VERB_INVITE,
  VERB_RESEND,
  VERB_CHANGE,
  VERB_CANCEL,
} Verb;

/* One action on one service: found by id, with its pending invitation once known */
typedef struct
{
  Verb             verb;
  GtkWidget       *widget;
  PdSession       *session;
  PdOrganization  *organization;
  PdService       *service;
  PdAuthorization *authorization;
} Act;

static void
act_free (Act *act)
{
  g_object_unref (act->widget);
  g_object_unref (act->session);
  g_object_unref (act->organization);
  g_object_unref (act->service);
  g_clear_object (&act->authorization);
  g_free (act);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Act, act_free)

char *
pd_delegate_dup_reason (PdSession      *session,
                        PdOrganization *organization)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_ORGANIZATION (organization), NULL);

  /* Before /me was read the portal decides */
  if (pd_session_get_me (session) == NULL)
    return NULL;
  if (!pd_session_has_permission (session, PERMISSION))
    return pd_permission_explain_missing (session, PERMISSION);
  if (!pd_permission_in_scope (session, pd_resource_get_id (PD_RESOURCE (organization))))
    return g_strdup (_("This client is outside the access scope of your groups."));
  return NULL;
}

void
pd_delegate_sync_tile (PdServiceTile  *tile,
                       PdSession      *session,
                       PdOrganization *organization)
{
  PdService *service;
  g_autofree char *reason = NULL;

  g_return_if_fail (PD_IS_SERVICE_TILE (tile));
  g_return_if_fail (PD_IS_SESSION (session));

  service = pd_service_tile_get_service (tile);
  if (service == NULL || organization == NULL)
    {
      pd_service_tile_set_invitation (tile, NULL);
      return;
    }
  reason = pd_delegate_dup_reason (session, organization);
  pd_service_tile_set_delegate_reason (tile, reason);
  pd_service_tile_set_invitation (tile, pd_invitations_lookup (pd_invitations_get (session),
                                                               pd_resource_get_id (PD_RESOURCE (service))));
}

typedef struct
{
  PdInvitations *invitations;
  gboolean       holding;
} Poll;

static void
poll_free (Poll *poll)
{
  if (poll->holding)
    pd_invitations_release (poll->invitations);
  g_object_unref (poll->invitations);
  g_free (poll);
}

static void
poll_map_cb (GtkWidget *widget,
             Poll      *poll)
{
  if (poll->holding)
    return;
  poll->holding = TRUE;
  pd_invitations_hold (poll->invitations);
}

static void
poll_unmap_cb (GtkWidget *widget,
               Poll      *poll)
{
  if (!poll->holding)
    return;
  poll->holding = FALSE;
  pd_invitations_release (poll->invitations);
}

void
pd_delegate_poll_while_mapped (GtkWidget *widget,
                               PdSession *session)
{
  Poll *poll;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (g_object_get_data (G_OBJECT (widget), "pd-delegate-poll") == NULL);

  poll = g_new0 (Poll, 1);
  poll->invitations = g_object_ref (pd_invitations_get (session));
  g_object_set_data_full (G_OBJECT (widget), "pd-delegate-poll", poll, (GDestroyNotify) poll_free);
  g_signal_connect (widget, "map", G_CALLBACK (poll_map_cb), poll);
  g_signal_connect (widget, "unmap", G_CALLBACK (poll_unmap_cb), poll);
  if (gtk_widget_get_mapped (widget))
    poll_map_cb (widget, poll);
}

static const char *
application_name (Act *act)
{
  return pd_service_application_get_name (pd_service_get_application (act->service));
}

static char *
dup_path (Act        *act,
          const char *tail)
{
  return g_strdup_printf ("/api/v1/organizations/%s/services/%s/authorization%s",
                          pd_resource_get_id (PD_RESOURCE (act->organization)),
                          pd_resource_get_id (PD_RESOURCE (act->service)), tail);
}

static void
toast (Act  *act,
       char *message)
{
  pd_edit_add_toast (act->widget, adw_toast_new (message));
  g_free (message);
}

static void
present (Act       *act,
         GtkWidget *dialog)
{
  GtkRoot *root = gtk_widget_get_root (act->widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- resend and cancel ----------------------------------------------------------------- */

static void
edit_queued_cb (Act *act)
{
  const char *email = pd_authorization_get_invitation_email (act->authorization);

  if (act->verb == VERB_RESEND)
    /* Translators: %s is an e-mail address */
    toast (act, g_strdup_printf (_("The invitation to %s will be sent again as soon as the portal can be reached"),
                                 email));
  else
    /* Translators: %s is an e-mail address */
    toast (act, g_strdup_printf (_("The invitation to %s will be cancelled as soon as the portal can be reached"),
                                 email));
}

static void
edit_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Act) act = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  PdInvitations *invitations = pd_invitations_get (act->session);
  const char *service_id = pd_resource_get_id (PD_RESOURCE (act->service));
  const char *email = pd_authorization_get_invitation_email (act->authorization);
  gboolean resend = act->verb == VERB_RESEND;

  response = pd_edit_run_finish (PD_EDIT (object), result, &error);
  if (response == NULL)
    {
      pd_edit_show_error (act->widget, resend ? _("The invitation could not be sent again")
                                              : _("The invitation could not be cancelled"), error);
      return;
    }
  if (resend)
    {
      pd_invitations_put_json (invitations, service_id, pd_portal_response_get_root (response));
      /* Translators: %s is an e-mail address */
      toast (act, g_strdup_printf (_("Invitation sent again to %s"), email));
    }
  else
    {
      pd_invitations_put (invitations, service_id, NULL);
      /* Translators: %s is an e-mail address */
      toast (act, g_strdup_printf (_("Invitation to %s cancelled"), email));
    }
}

/* Takes @act */
static void
run_edit (Act        *act,
          const char *method,
          const char *tail,
          JsonNode   *body,
          const char *if_match,
          const char *description)
{
  g_autofree char *path = dup_path (act, tail);
  g_autoptr(PdEdit) edit = pd_edit_new (act->session, method, path, body, if_match, description);

  g_signal_connect_swapped (edit, "queued", G_CALLBACK (edit_queued_cb), act);
  pd_edit_run_async (edit, act->widget, NULL, edit_done_cb, act);
}

static void
resend (Act *act)
{
  g_autoptr(JsonNode) body = json_node_init_object (json_node_alloc (), json_object_new ());
  /* Translators: %s is an e-mail address */
  g_autofree char *description = g_strdup_printf (_("Send the invitation to %s again"),
                                                  pd_authorization_get_invitation_email (act->authorization));

  run_edit (act, "POST", "/delegate/resend", body, NULL, description);
}

static void
confirm_cancel_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Act              *act)
{
  g_autofree char *description = NULL;

  if (g_strcmp0 (response, "cancel-invitation") != 0)
    {
      act_free (act);
      return;
    }
  /* Translators: %s is an e-mail address */
  description = g_strdup_printf (_("Cancel the invitation to %s"), pd_authorization_get_invitation_email (act->authorization));
  run_edit (act, "DELETE", "/delegate", NULL, pd_resource_get_etag (PD_RESOURCE (act->authorization)), description);
}

static void
confirm_cancel (Act *act)
{
  GtkRoot *root = gtk_widget_get_root (act->widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Cancel the Invitation?"), NULL));
  /* Translators: the first %s is an e-mail address, the second an application (“Exchange”),
   * the third a client's name */
  adw_message_dialog_format_body (dialog, _("The link sent to %s stops working, and %s of %s needs authorization again."),
                                  pd_authorization_get_invitation_email (act->authorization),
                                  application_name (act), pd_organization_get_name (act->organization));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Invitation"),
                                    "cancel-invitation", _("_Cancel Invitation"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-invitation", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_cancel_cb), act);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the pending invitation -------------------------------------------------------------- */

static void
run_verb (Act *act)
{
  switch (act->verb)
    {
    case VERB_RESEND:
      resend (act);
      return;
    case VERB_CHANGE:
      present (act, pd_invite_dialog_new (act->session, act->organization, act->service, act->authorization));
      break;
    case VERB_CANCEL:
      confirm_cancel (act);
      return;
    case VERB_INVITE:
    default:
      present (act, pd_invite_dialog_new (act->session, act->organization, act->service, NULL));
      break;
    }
  act_free (act);
}

static void
authorization_read_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Act) act = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  PdInvitations *invitations = pd_invitations_get (act->session);
  const char *service_id = pd_resource_get_id (PD_RESOURCE (act->service));

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response == NULL)
    {
      pd_edit_show_error (act->widget, _("The invitation could not be read"), error);
      return;
    }
  if (!pd_invitations_put_json (invitations, service_id, pd_portal_response_get_root (response)))
    {
      g_set_error_literal (&error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                           _("The portal’s answer is not an authorization."));
      pd_edit_show_error (act->widget, _("The invitation could not be read"), error);
      return;
    }
  if (pd_invitations_lookup (invitations, service_id) == NULL)
    {
      /* Translators: %s is an application such as “Exchange” */
      toast (act, g_strdup_printf (_("No invitation is pending for %s any more"), application_name (act)));
      pd_sync_engine_sync_async (pd_session_get_sync_engine (act->session), FALSE, NULL, NULL, NULL);
      return;
    }
  act->authorization = g_object_ref (pd_invitations_lookup (invitations, service_id));
  run_verb (g_steal_pointer (&act));
}

/* The store may not have read it yet (just synced): read it now rather than refuse. */
static void
with_authorization (Act *act)
{
  PdAuthorization *known = pd_invitations_lookup (pd_invitations_get (act->session),
                                                  pd_resource_get_id (PD_RESOURCE (act->service)));
  g_autofree char *path = NULL;
  g_autoptr(PdPortalRequest) request = NULL;

  if (known != NULL)
    {
      act->authorization = g_object_ref (known);
      run_verb (act);
      return;
    }
  path = dup_path (act, "");
  request = pd_portal_request_new ("GET", path);
  pd_portal_client_send_async (pd_session_get_client (act->session), request, NULL, authorization_read_cb, act);
}

void
pd_delegate_activate (GtkWidget  *widget,
                      PdSession  *session,
                      const char *action_name,
                      const char *organization_id,
                      const char *service_id)
{
  g_autofree char *reason = NULL;
  PdResource *organization;
  PdResource *service = NULL;
  Act *act;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (action_name != NULL && organization_id != NULL && service_id != NULL);

  organization = pd_resource_list_lookup (PD_RESOURCE_LIST (pd_session_get_organizations (session)), organization_id);
  if (organization != NULL && pd_organization_get_services (PD_ORGANIZATION (organization)) != NULL)
    service = pd_resource_list_lookup (pd_organization_get_services (PD_ORGANIZATION (organization)), service_id);
  if (service == NULL)
    {
      pd_edit_add_toast (widget, adw_toast_new (_("This service is no longer listed: it may have been removed")));
      return;
    }
  reason = pd_delegate_dup_reason (session, PD_ORGANIZATION (organization));
  if (reason != NULL)
    {
      pd_edit_add_toast (widget, adw_toast_new (reason));
      return;
    }

  act = g_new0 (Act, 1);
  act->widget = g_object_ref (widget);
  act->session = g_object_ref (session);
  act->organization = PD_ORGANIZATION (g_object_ref (organization));
  act->service = PD_SERVICE (g_object_ref (service));
  if (g_str_equal (action_name, "win.resend-client-invite"))
    act->verb = VERB_RESEND;
  else if (g_str_equal (action_name, "win.change-client-invite"))
    act->verb = VERB_CHANGE;
  else if (g_str_equal (action_name, "win.cancel-client-invite"))
    act->verb = VERB_CANCEL;
  else
    act->verb = VERB_INVITE;
  if (act->verb == VERB_INVITE)
    run_verb (act);
  else
    with_authorization (act);
}
