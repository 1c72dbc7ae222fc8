/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the client actions do: admin access on or off, unlinking the service account, the
 * client-portal sign-in link, the admin's reset-password e-mail. Each change asks first
 * where it matters, goes through PdEdit on the version the page shows (the answer lands in
 * the organizations list, so the chips and the switch follow), and says what came of it. */
#define G_LOG_DOMAIN "pd-client-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-actions-private.h"
#include "pd-clientactions-common.h"
#include "pd-open-uri.h"

typedef void (*Done) (PdClientActions *self,
                      PdEdit          *edit,
                      PdPortalResponse *response,
                      const GError    *error);

static const char *
name (PdClientActions *self)
{
  return pd_organization_get_name (self->organization);
}

static char *
organization_path (PdClientActions *self,
                   const char      *suffix)
{
  return g_strconcat ("/api/v1/organizations/", pd_resource_get_id (PD_RESOURCE (self->organization)), suffix, NULL);
}

static void
ran_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(PdClientActions) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  Done done = (Done) g_object_get_data (source, "pd-done");

  /* The page went away: the answer is in the organizations list all the same. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  done (self, PD_EDIT (source), response, error);
}

static void
say_queued (PdEdit          *edit,
            PdClientActions *self)
{
  pd_clientactions_toast (GTK_WIDGET (self), g_object_get_data (G_OBJECT (edit), "pd-queued"));
}

/* @queued: the toast when the portal cannot be reached and the change waits in the outbox
 * (NULL for an edit that is not kept then, see pd_edit_set_now_only()) */
static void
run (PdClientActions *self,
     PdEdit          *edit,
     const char      *queued,
     Done             done)
{
  g_object_set_data (G_OBJECT (edit), "pd-done", (gpointer) done);
  if (queued != NULL)
    {
      g_object_set_data_full (G_OBJECT (edit), "pd-queued", g_strdup (queued), g_free);
      g_signal_connect_object (edit, "queued", G_CALLBACK (say_queued), self, 0);
    }
  pd_edit_run_async (edit, GTK_WIDGET (self), self->cancellable, ran_cb, g_object_ref (self));
}

/* A refusal explained in our words (the portal's are for any client) */
static void
show_refusal (PdClientActions *self,
              const char      *title,
              const GError    *error,
              const char      *explanation)
{
  g_autoptr(GError) ours = NULL;

  if (explanation != NULL)
    ours = g_error_new_literal (PD_PORTAL_ERROR, error->code, explanation);
  pd_edit_show_error (GTK_WIDGET (self), title, ours != NULL ? ours : error);
}

/* ---- admin access -------------------------------------------------------------------- */

static void
admin_access_done (PdClientActions  *self,
                   PdEdit           *edit,
                   PdPortalResponse *response,
                   const GError     *error)
{
  gboolean wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (edit), "pd-enabled"));
  g_autofree char *text = NULL;

  pd_client_actions_sync_switch (self);
  if (response != NULL)
    {
      /* Translators: %s is a client's name */
      text = g_strdup_printf (wanted ? _("Admin access is on for %s: its partner-managed services are co-managed now")
                                     : _("Admin access is off for %s: its co-managed services are partner-managed again"),
                              name (self));
      pd_clientactions_toast (GTK_WIDGET (self), text);
      return;
    }
  if (wanted && g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    /* Translators: %s is a client's name */
    text = g_strdup_printf (_("%s is not linked to its service account, and admin access goes through it. "
                              "Map the client first, then turn admin access on."), name (self));
  show_refusal (self, wanted ? _("Cannot turn on admin access") : _("Cannot turn off admin access"), error, text);
}

static void
admin_access_confirmed (PdClientActions *self,
                        gboolean         enabled)
{
  g_autofree char *path = organization_path (self, "/admin-access");
  g_autofree char *description = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, enabled);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  /* Translators: %s is a client's name */
  description = g_strdup_printf (enabled ? _("Turn on admin access for %s") : _("Turn off admin access for %s"),
                                 name (self));
  edit = pd_edit_new (self->session, "PUT", path, body, pd_resource_get_etag (PD_RESOURCE (self->organization)),
                      description);
  pd_edit_set_target (edit, pd_session_get_organizations (self->session),
                      pd_resource_get_id (PD_RESOURCE (self->organization)));
  pd_edit_add_field_label (edit, "enabled", _("Admin access"));
  g_object_set_data (G_OBJECT (edit), "pd-enabled", GINT_TO_POINTER (enabled));
  run (self, edit, _("The portal cannot be reached: admin access changes as soon as it can"), admin_access_done);
}

static void
turn_on_confirmed (PdClientActions *self)
{
  admin_access_confirmed (self, TRUE);
}

static void
turn_off_confirmed (PdClientActions *self)
{
  admin_access_confirmed (self, FALSE);
}

void
pd_client_actions_set_admin_access (PdClientActions *self,
                                    gboolean         enabled)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (enabled)
    {
      /* Translators: %s is a client's name */
      heading = g_strdup_printf (_("Give the Admins of %s Admin Access?"), name (self));
      body = g_strdup (_("The client’s own administrators can then manage their backup next to you: they "
                         "sign in to the client portal and act there as super administrators. You keep your "
                         "admin rights, so the services you manage become co-managed. Services the client "
                         "manages stay client-managed."));
      pd_clientactions_confirm (GTK_WIDGET (self), heading, body, _("_Turn On"), FALSE,
                                G_CALLBACK (turn_on_confirmed), self);
    }
  else
    {
      /* Translators: %s is a client's name */
      heading = g_strdup_printf (_("Turn Off Admin Access for %s?"), name (self));
      body = g_strdup (_("The client’s administrators can no longer manage their backup. Co-managed services "
                         "become managed by your company alone; services the client manages stay "
                         "client-managed."));
      pd_clientactions_confirm (GTK_WIDGET (self), heading, body, _("_Turn Off"), TRUE,
                                G_CALLBACK (turn_off_confirmed), self);
    }
}

/* ---- unlinking ----------------------------------------------------------------------- */

static void
unlink_done (PdClientActions  *self,
             PdEdit           *edit,
             PdPortalResponse *response,
             const GError     *error)
{
  g_autofree char *text = NULL;

  if (response != NULL)
    {
      /* Translators: %s is a client's name */
      text = g_strdup_printf (_("Unlinked %s from its service account"), name (self));
      pd_clientactions_toast (GTK_WIDGET (self), text);
      return;
    }
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    /* Translators: %s is a client's name */
    text = g_strdup_printf (_("Admin access is on for %s, and it needs the link to the service account. "
                              "Turn admin access off first, then unlink."), name (self));
  show_refusal (self, _("Cannot unlink the service account"), error, text);
}

static void
unlink_confirmed (PdClientActions *self)
{
  g_autofree char *path = organization_path (self, "/mapping");
  g_autofree char *description = NULL;
  g_autoptr(PdEdit) edit = NULL;

  /* Translators: %s is a client's name */
  description = g_strdup_printf (_("Unlink %s from its service account"), name (self));
  edit = pd_edit_new (self->session, "DELETE", path, NULL, pd_resource_get_etag (PD_RESOURCE (self->organization)),
                      description);
  pd_edit_set_target (edit, pd_session_get_organizations (self->session),
                      pd_resource_get_id (PD_RESOURCE (self->organization)));
  run (self, edit, _("The portal cannot be reached: the link is removed as soon as it can"), unlink_done);
}

void
pd_client_actions_unlink (PdClientActions *self)
{
  const char *account = pd_organization_get_mapping_service_account_id (self->organization);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  /* Translators: %s is a client's name */
  heading = g_strdup_printf (_("Unlink %s?"), name (self));
  /* Translators: %s is a service account ID, e.g. sa_12 */
  body = g_strdup_printf (_("The client is no longer linked to the service account %s. Its billing and backups "
                            "may not work until it is linked again, and admin access cannot be turned on "
                            "meanwhile."), account != NULL ? account : "");
  pd_clientactions_confirm (GTK_WIDGET (self), heading, body, _("_Unlink"), TRUE, G_CALLBACK (unlink_confirmed), self);
}

/* ---- signing in to the client portal ------------------------------------------------- */

static gboolean
is_web_link (const char *url)
{
  g_autofree char *scheme = url != NULL ? g_uri_parse_scheme (url) : NULL;

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
         g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

static void
open_link (PdClientActions *self,
           const char      *url)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->uri_opener != NULL)
    {
      self->uri_opener (url, self->uri_opener_data);
      return;
    }
  pd_open_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url);
}

static void
sign_in_done (PdClientActions  *self,
              PdEdit           *edit,
              PdPortalResponse *response,
              const GError     *error)
{
  JsonNode *root = response != NULL ? pd_portal_response_get_root (response) : NULL;
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *url = object != NULL ? json_object_get_string_member_with_default (object, "url", NULL) : NULL;
  g_autofree char *text = NULL;

  g_clear_object (&self->sign_in_edit);
  if (response != NULL && is_web_link (url))
    {
      open_link (self, url);
      /* Translators: %s is a client's name */
      text = g_strdup_printf (_("The client portal of %s opens in your browser. The link works once, for a few "
                                "minutes."), name (self));
      pd_clientactions_toast (GTK_WIDGET (self), text);
      return;
    }
  if (response != NULL)
    {
      g_autoptr(GError) bad = g_error_new_literal (PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                                                   _("The portal did not answer with a web link."));

      pd_edit_show_error (GTK_WIDGET (self), _("Cannot sign in as the client"), bad);
      return;
    }
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE))
    text = g_strdup (_("The portal cannot be reached: try again when you are back online"));
  else if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    /* Translators: %s is a client's name */
    text = g_strdup_printf (_("The client portal of %s is closed while the client is suspended or deleted."),
                            name (self));
  else if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN) &&
           g_strcmp0 (pd_portal_error_get_permission (error), "relationship") == 0)
    /* Translators: %s is a client's name */
    text = g_strdup_printf (_("You resell the backup of %s: you have no authority inside its data."), name (self));
  show_refusal (self, _("Cannot sign in as the client"), error, text);
}

void
pd_client_actions_sign_in (PdClientActions *self)
{
  g_autofree char *path = organization_path (self, "/sign-in-link");
  g_autofree char *description = NULL;

  if (self->sign_in_edit != NULL)
    return;  /* one link at a time: a double click opens one portal */
  /* Translators: %s is a client's name */
  description = g_strdup_printf (_("Open the client portal of %s"), name (self));
  self->sign_in_edit = pd_edit_new (self->session, "POST", path, NULL, NULL, description);
  /* A link for later would open a browser minutes after the user gave up: now or not at all */
  pd_edit_set_now_only (self->sign_in_edit, TRUE);
  run (self, self->sign_in_edit, NULL, sign_in_done);
}

/* ---- reset password ------------------------------------------------------------------ */

static void
reset_done (PdClientActions  *self,
            PdEdit           *edit,
            PdPortalResponse *response,
            const GError     *error)
{
  JsonNode *root = response != NULL ? pd_portal_response_get_root (response) : NULL;
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *sent_to = object != NULL ? json_object_get_string_member_with_default (object, "sent_to", NULL) : NULL;
  g_autofree char *text = NULL;

  if (response != NULL)
    {
      /* Translators: %s is an e-mail address */
      text = g_strdup_printf (_("A password reset e-mail is on its way to %s"),
                              sent_to != NULL ? sent_to : pd_organization_get_email (self->organization));
      pd_clientactions_toast (GTK_WIDGET (self), text);
      return;
    }
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    /* Translators: %s is a client's name */
    text = g_strdup_printf (pd_organization_get_status (self->organization) == PD_ORGANIZATION_STATUS_DELETED
                            ? _("%s is deleted: there is no sign-in to reset.")
                            : _("%s has no contact e-mail address now. Add one to the client, then send the e-mail."),
                            name (self));
  show_refusal (self, _("Cannot send the reset password e-mail"), error, text);
}

static void
reset_confirmed (PdClientActions *self)
{
  g_autofree char *path = organization_path (self, "/reset-password");
  g_autofree char *description = NULL;
  g_autoptr(PdEdit) edit = NULL;

  /* Translators: %s is a client's name */
  description = g_strdup_printf (_("Send the admin of %s a reset password e-mail"), name (self));
  edit = pd_edit_new (self->session, "POST", path, NULL, NULL, description);
  run (self, edit, _("The portal cannot be reached: the e-mail goes out as soon as it can"), reset_done);
}

void
pd_client_actions_reset_password (PdClientActions *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  heading = g_strdup (_("Reset the Client Admin’s Password?"));
  /* Translators: the first %s is an e-mail address, the second a client's name */
  body = g_strdup_printf (_("An e-mail to %s brings a link to choose a new password for the client portal of %s. "
                            "The current password keeps working until then."),
                          pd_organization_get_email (self->organization), name (self));
  pd_clientactions_confirm (GTK_WIDGET (self), heading, body, _("_Send E-mail"), FALSE,
                            G_CALLBACK (reset_confirmed), self);
}
