/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-authorize-draft.h"
#include "pd-authorize-wizard-private.h"
#include "pd-cache-resources.h"
#include "pd-edit.h"
#include "pd-models.h"
#include "pd-open-uri.h"
#include "pd-permission-gate.h"
#include "pd-service-info.h"
#include "pd-widgets-style.h"

G_DEFINE_FINAL_TYPE (PdAuthorizeWizard, pd_authorize_wizard, ADW_TYPE_WINDOW)

static void load (PdAuthorizeWizard *self);

/* ---- little things ------------------------------------------------------------------- */

static char *
build_path (PdAuthorizeWizard *self,
            const char        *step)
{
  return g_strdup_printf ("/api/v1/organizations/%s/services/%s/authorization%s%s",
                          self->organization_id, self->service_id, step ? "/" : "", step ? step : "");
}

static const char *
page_name (PdAuthorizeWizard *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

void
pd_authorize_wizard_show_message (PdAuthorizeWizard *self,
              const char        *text)
{
  if (text != NULL)
    gtk_label_set_label (self->message_label, text);
  gtk_revealer_set_reveal_child (self->message_revealer, text != NULL);
}

void
pd_authorize_wizard_open_uri (PdAuthorizeWizard *self,
          const char        *uri)
{
  if (uri == NULL)
    return;
  if (self->uri_opener != NULL)
    self->uri_opener (uri, self->uri_opener_data);
  else
    pd_open_uri (GTK_WINDOW (self), uri);
}

/* @seats: the selection to keep, or NULL to keep the draft's */
void
pd_authorize_wizard_save_draft (PdAuthorizeWizard  *self,
            const char * const *seats)
{
  g_auto(GStrv) optional = NULL;
  g_auto(GStrv) kept_seats = NULL;
  JsonNode *draft;

  /* Only once the choice was shown: an empty page must not overwrite a draft. */
  if (self->authorization == NULL)
    return;
  optional = pd_authorize_scopes_dup_optional (self->scopes);
  if (seats == NULL)
    seats = (const char * const *) (kept_seats = pd_authorize_draft_dup (self->draft, "seats"));
  draft = pd_authorize_draft_build ((const char * const *) optional, seats);
  pd_authorize_draft_save (self->session, self->organization_id, self->service_id, draft);
  g_clear_pointer (&self->draft, json_node_unref);
  self->draft = draft;
}

void
pd_authorize_wizard_update_actions (PdAuthorizeWizard *self)
{
  const char *page = page_name (self);
  gboolean agreement = g_strcmp0 (page, "agreement") == 0;
  gboolean scopes = g_strcmp0 (page, "scopes") == 0;
  gboolean summary = g_strcmp0 (page, "summary") == 0;
  gboolean waiting = g_strcmp0 (page, "waiting") == 0;
  gboolean seats = g_strcmp0 (page, "seats") == 0;
  /* After a partly failed apply the seats step is where the failed accounts are marked. */
  gboolean back = scopes || waiting || (summary && self->n_failed > 0);
  gboolean can_next = !self->busy &&
                      ((agreement && gtk_check_button_get_active (self->accept_check)) || scopes || summary ||
                       (seats && self->picker != NULL && pd_seat_picker_get_can_apply (self->picker)));

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), agreement || scopes || seats || summary);
  gtk_button_set_label (self->next_button,
                        scopes ? _("_Authorize") : seats ? _("_Apply") : summary ? _("_Done") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", can_next);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", !self->busy && back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.new-link", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.retry", !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), self->busy);
  gtk_spinner_set_spinning (self->busy_spinner, self->busy);
}

void
pd_authorize_wizard_set_busy (PdAuthorizeWizard *self,
          gboolean           busy)
{
  self->busy = busy;
  if (busy)
    pd_authorize_wizard_show_message (self, NULL);
  pd_authorize_wizard_update_actions (self);
}

void
pd_authorize_wizard_show_page (PdAuthorizeWizard *self,
           const char        *name)
{
  static const char * const steps[] = { "agreement", "scopes", "waiting", "seats", "summary", NULL };
  g_autofree char *subtitle = NULL;
  guint step = 0;

  if (!g_str_equal (name, "waiting") && self->watch != NULL)
    pd_authorize_watch_stop (self->watch);
  if (!g_str_equal (name, "waiting"))
    g_clear_handle_id (&self->expiry_id, g_source_remove);

  gtk_stack_set_visible_child_name (self->stack, name);
  for (guint i = 0; steps[i] != NULL; i++)
    if (g_str_equal (steps[i], name))
      step = i + 1;
  if (step > 0)
    /* Translators: the window's subtitle: the client's name, then e.g. “Step 2 of 5” */
    subtitle = g_strdup_printf (_("%s · Step %u of %u"), self->organization_name, step, (guint) G_N_ELEMENTS (steps) - 1);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : self->organization_name);
  pd_authorize_wizard_update_actions (self);
}

static void
show_error_page (PdAuthorizeWizard *self,
                 const char        *icon_name,
                 const char        *title,
                 const char        *description,
                 gboolean           can_retry)
{
  adw_status_page_set_icon_name (self->error_page, icon_name);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->retry_button, can_retry);
  pd_authorize_wizard_show_message (self, NULL);
  pd_authorize_wizard_show_page (self, "error");
}

void
pd_authorize_wizard_set_authorization (PdAuthorizeWizard *self,
                   PdAuthorization   *authorization)
{
  g_autofree char *subtitle = NULL;
  const char *version = pd_authorization_get_agreement_version (authorization);
  GDateTime *accepted = pd_authorization_get_agreement_accepted_at (authorization);

  g_set_object (&self->authorization, authorization);
  if (accepted != NULL && pd_authorization_get_agreement_accepted_by (authorization) != NULL)
    {
      g_autofree char *date = g_date_time_format (accepted, "%x");

      /* Translators: the agreement's version, the date and who accepted it last */
      subtitle = g_strdup_printf (_("Version %s · accepted on %s by %s"), version, date,
                                  pd_authorization_get_agreement_accepted_by (authorization));
    }
  else
    /* Translators: %s is the agreement's version, e.g. “2025-01” */
    subtitle = g_strdup_printf (_("Version %s · opens in your browser"), version);
  adw_action_row_set_subtitle (self->document_row, subtitle);
}

/* The 403 of a reseller relationship, a role without the permission, a client outside the
 * access scope: said before any step, rather than after the first Next. */
static gboolean
explain_not_allowed (PdAuthorizeWizard *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  g_autoptr(PdOrganization) organization = NULL;

  if (!pd_session_has_permission (self->session, "services.authorize"))
    {
      g_autofree char *missing = pd_permission_explain_missing (self->session, "services.authorize");

      show_error_page (self, "action-unavailable-symbolic", _("Authorizing Is Not Allowed"), missing, FALSE);
      return TRUE;
    }
  if (!pd_permission_in_scope (self->session, self->organization_id))
    {
      show_error_page (self, "action-unavailable-symbolic", _("Authorizing Is Not Allowed"),
                       _("This client is outside the groups you may manage. Ask a group manager or an administrator."), FALSE);
      return TRUE;
    }
  organization = PD_IS_RESOURCE_LIST (organizations)
    ? (PdOrganization *) pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), self->organization_id) : NULL;
  if (organization != NULL)
    g_object_ref (organization);
  if (organization != NULL && pd_organization_get_relationship (organization) == PD_RELATIONSHIP_RESELLER)
    {
      show_error_page (self, "system-users-symbolic", _("Only the Client’s Admin Can Authorize"),
                       _("You resell this client’s backup, so you cannot act inside its tenant. Invite the client’s admin to authorize the service instead."),
                       FALSE);
      return TRUE;
    }
  return FALSE;
}

/* ---- step 1: reading where the portal stands ---------------------------------------- */

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PdAuthorizeWizard) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdResource) authorization = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  pd_authorize_wizard_set_busy (self, FALSE);
  if (response != NULL)
    {
      JsonNode *root = pd_portal_response_get_root (response);

      if (root == NULL)
        g_set_error_literal (&error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                             _("The portal answered without the authorization."));
      else
        authorization = pd_resource_new_from_json (PD_TYPE_AUTHORIZATION, root, &error);
    }
  if (authorization == NULL)
    {
      gboolean offline = g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE);

      show_error_page (self, offline ? "network-offline-symbolic" : "dialog-error-symbolic",
                       offline ? _("The Portal Cannot Be Reached") : _("Cannot Read the Authorization"),
                       error->message, TRUE);
      return;
    }
  pd_authorize_wizard_set_authorization (self, PD_AUTHORIZATION (authorization));
  pd_authorize_wizard_resume (self);
}

static void
fetch_authorization (PdAuthorizeWizard *self)
{
  g_autofree char *path = build_path (self, NULL);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);

  pd_authorize_wizard_set_busy (self, TRUE);
  pd_portal_client_send_async (pd_session_get_client (self->session), request, self->cancellable,
                               fetch_cb, g_object_ref (self));
}

static void
draft_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdAuthorizeWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *draft = pd_cache_load_document_finish (PD_CACHE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Cannot read the authorization draft: %s", error->message);
  g_clear_pointer (&self->draft, json_node_unref);
  self->draft = draft;
  fetch_authorization (self);
}

static void
load (PdAuthorizeWizard *self)
{
  g_autofree char *name = pd_authorize_draft_name (self->organization_id, self->service_id);
  PdCache *cache = pd_session_get_cache (self->session);

  pd_authorize_wizard_show_page (self, "loading");
  if (explain_not_allowed (self))
    return;
  if (cache == NULL || self->draft != NULL)
    {
      fetch_authorization (self);
      return;
    }
  pd_authorize_wizard_set_busy (self, TRUE);
  pd_cache_load_document_async (cache, name, self->cancellable, draft_loaded_cb, g_object_ref (self));
}

/* ---- changes through the outbox ------------------------------------------------------ */

typedef struct
{
  PdAuthorizeWizard *self;
  StepDone           done;
} Step;

static void
step_queued_cb (PdAuthorizeWizard *self)
{
  /* The edit waits in the outbox and goes out by itself: nothing to do but say so. */
  pd_authorize_wizard_show_message (self, _("The portal cannot be reached. This step is saved and is sent when the portal is back; "
                        "keep this window open, or close it and come back later."));
}

static void
step_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr(PdAuthorizeWizard) self = step->self;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdResource) authorization = NULL;
  g_autoptr(GError) error = NULL;
  StepDone done = step->done;

  g_free (step);
  response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  pd_authorize_wizard_set_busy (self, FALSE);
  if (response != NULL && pd_portal_response_get_root (response) != NULL)
    authorization = pd_resource_new_from_json (PD_TYPE_AUTHORIZATION, pd_portal_response_get_root (response), &error);
  else if (response != NULL)
    g_set_error_literal (&error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                         _("The portal answered without the authorization."));
  if (authorization != NULL)
    pd_authorize_wizard_set_authorization (self, PD_AUTHORIZATION (authorization));
  done (self, authorization ? PD_AUTHORIZATION (authorization) : NULL, error);
}

void
pd_authorize_wizard_run_step (PdAuthorizeWizard *self,
          const char        *step_name,
          JsonNode          *body,
          const char        *description,
          StepDone           done)
{
  g_autofree char *path = build_path (self, step_name);
  g_autoptr(PdEdit) edit = pd_edit_new (self->session, "POST", path, body, NULL, description);
  Step *step = g_new0 (Step, 1);

  step->self = g_object_ref (self);
  step->done = done;
  g_signal_connect_object (edit, "queued", G_CALLBACK (step_queued_cb), self, G_CONNECT_SWAPPED);
  pd_authorize_wizard_set_busy (self, TRUE);
  pd_edit_run_async (edit, GTK_WIDGET (self), self->cancellable, step_cb, step);
}

static gboolean
is_not_current (const GError *error)
{
  GPtrArray *fields;

  if (!g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    return FALSE;
  fields = pd_portal_error_get_field_errors (error);
  for (guint i = 0; i < fields->len; i++)
    {
      PdPortalFieldError *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->field, "agreement_version") == 0 && g_strcmp0 (field->code, "not_current") == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- steps 1 and 2: agreement, permissions ------------------------------------------ */

void
pd_authorize_wizard_show_scopes (PdAuthorizeWizard *self)
{
  g_auto(GStrv) chosen = pd_authorize_draft_dup (self->draft, "optional_scopes");

  pd_authorize_scopes_set_scopes (self->scopes, G_LIST_MODEL (pd_authorization_get_scopes (self->authorization)),
                                  (const char * const *) chosen);
  pd_authorize_wizard_show_page (self, "scopes");
  if (g_strcmp0 (pd_authorization_get_last_error (self->authorization), "consent_denied") == 0)
    pd_authorize_wizard_show_message (self, _("The tenant’s admin denied consent the last time. Check the permissions with the client, then ask again."));
}

static void
accepted_cb (PdAuthorizeWizard *self,
             PdAuthorization   *authorization,
             const GError      *error)
{
  if (authorization != NULL)
    {
      pd_authorize_wizard_show_scopes (self);
      return;
    }
  if (is_not_current (error))
    {
      /* The text changed while it was read: show the new version and ask again. */
      gtk_check_button_set_active (self->accept_check, FALSE);
      fetch_authorization (self);
      pd_authorize_wizard_show_page (self, "agreement");
      pd_authorize_wizard_show_message (self, _("The service agreement changed while you were reading it. Read the new version, then accept it again."));
      return;
    }
  pd_authorize_wizard_show_message (self, error->message);
}

static void
started_cb (PdAuthorizeWizard *self,
            PdAuthorization   *authorization,
            const GError      *error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (authorization == NULL)
    {
      pd_authorize_wizard_show_message (self, error->message);
      return;
    }
  /* Consent lost: the agreement accepted before still holds (the portal asks consent again
   * from here), and it may name an older version that cannot be accepted any more. */
  if (pd_authorization_get_state (authorization) == PD_AUTHORIZATION_STATE_CONSENT_LOST &&
      pd_authorization_get_agreement_accepted_at (authorization) != NULL)
    {
      pd_authorize_wizard_show_scopes (self);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agreement_version");
  json_builder_add_string_value (builder, pd_authorization_get_agreement_version (authorization));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  pd_authorize_wizard_run_step (self, "accept-agreement", body,
            _("Accept the service agreement"), accepted_cb);
}

static void
accept_agreement (PdAuthorizeWizard *self)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);

  /* "I am the admin" first: it answers the agreement version to accept next. An empty
   * object rather than no body: PdEdit follows its outbox entry by the body, to say when
   * it waits for the portal. */
  json_node_take_object (body, json_object_new ());
  pd_authorize_wizard_run_step (self, "self", body, _("Start authorizing as the tenant’s admin"), started_cb);
}

















/* ---- where to go ---------------------------------------------------------------------- */

void
pd_authorize_wizard_resume (PdAuthorizeWizard *self)
{
  PdAuthorization *authorization = self->authorization;

  switch (pd_authorization_get_state (authorization))
    {
    case PD_AUTHORIZATION_STATE_AUTHORIZED:
      pd_authorize_wizard_sync_lists (self);
      pd_authorize_wizard_show_seats (self);
      break;
    case PD_AUTHORIZATION_STATE_AWAITING_CONSENT:
      pd_authorize_wizard_show_waiting (self);
      break;
    case PD_AUTHORIZATION_STATE_AGREEMENT_ACCEPTED:
      pd_authorize_wizard_show_scopes (self);
      break;
    case PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN:
      {
        const char *email = pd_authorization_get_invitation_email (authorization);
        g_autofree char *description = NULL;

        /* Translators: %s is the invited admin's e-mail address */
        description = g_strdup_printf (_("%s was invited to authorize this service. Cancel the invitation first to authorize it yourself."),
                                       email ? email : _("The client’s admin"));
        show_error_page (self, "mail-send-symbolic", _("An Invitation Is Pending"), description, TRUE);
      }
      break;
    case PD_AUTHORIZATION_STATE_UNAUTHORIZED:
    case PD_AUTHORIZATION_STATE_CONSENT_LOST:
    case PD_AUTHORIZATION_STATE_UNKNOWN:
    default:
      pd_authorize_wizard_show_page (self, "agreement");
      if (pd_authorization_get_state (authorization) == PD_AUTHORIZATION_STATE_CONSENT_LOST)
        pd_authorize_wizard_show_message (self, _("The tenant revoked the backup’s consent. Accept the agreement and ask for consent again to resume the backups."));
      break;
    }
}

/* ---- actions -------------------------------------------------------------------------- */

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (widget);
  const char *page = page_name (self);

  if (g_str_equal (page, "agreement"))
    accept_agreement (self);
  else if (g_str_equal (page, "scopes"))
    {
      pd_authorize_wizard_save_draft (self, NULL);
      pd_authorize_wizard_request_consent (self);
    }
  else if (g_str_equal (page, "seats"))
    pd_authorize_wizard_apply_seats (self);
  else if (g_str_equal (page, "summary"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (widget);
  const char *page = page_name (self);

  pd_authorize_wizard_show_message (self, NULL);
  if (g_str_equal (page, "scopes"))
    pd_authorize_wizard_show_page (self, "agreement");
  else if (g_str_equal (page, "waiting"))
    pd_authorize_wizard_show_scopes (self);
  else if (g_str_equal (page, "summary"))
    pd_authorize_wizard_show_page (self, "seats");
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  load (PD_AUTHORIZE_WIZARD (widget));
}

static void
new_link_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pd_authorize_wizard_request_consent (PD_AUTHORIZE_WIZARD (widget));
}

static void
open_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (widget);

  pd_authorize_wizard_open_uri (self, pd_authorization_get_consent_url (self->authorization));
}

static void
copy_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (widget);
  const char *url = pd_authorization_get_consent_url (self->authorization);

  if (url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  pd_edit_add_toast (widget, adw_toast_new (_("Link copied")));
}

static void
document_activated_cb (PdAuthorizeWizard *self)
{
  if (self->authorization != NULL)
    pd_authorize_wizard_open_uri (self, pd_authorization_get_agreement_document_url (self->authorization));
}

static void
scopes_changed_cb (PdAuthorizeWizard *self)
{
  pd_authorize_wizard_save_draft (self, NULL);
}

/* ---- the object ----------------------------------------------------------------------- */

static gboolean
pd_authorize_wizard_close_request (GtkWindow *window)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (window);

  /* The portal keeps the steps taken, the draft the choices: nothing to ask. */
  pd_authorize_watch_stop (self->watch);
  g_clear_handle_id (&self->expiry_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (pd_authorize_wizard_parent_class)->close_request (window);
}

static void
pd_authorize_wizard_dispose (GObject *object)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (object);

  g_clear_handle_id (&self->expiry_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->watch != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watch, self);
      pd_authorize_watch_stop (self->watch);
    }
  g_clear_object (&self->watch);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->authorization);
  g_clear_object (&self->session);
  g_clear_pointer (&self->draft, json_node_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_AUTHORIZE_WIZARD);
  G_OBJECT_CLASS (pd_authorize_wizard_parent_class)->dispose (object);
}

static void
pd_authorize_wizard_finalize (GObject *object)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (object);

  g_free (self->organization_id);
  g_free (self->service_id);
  g_free (self->organization_name);
  g_free (self->service_name);
  G_OBJECT_CLASS (pd_authorize_wizard_parent_class)->finalize (object);
}

static void
pd_authorize_wizard_class_init (PdAuthorizeWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pd_authorize_wizard_dispose;
  object_class->finalize = pd_authorize_wizard_finalize;
  window_class->close_request = pd_authorize_wizard_close_request;

  g_type_ensure (PD_TYPE_AUTHORIZE_SCOPES);
  pd_style_ensure (RESOURCE_BASE_PATH "/authorize/authorize.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/authorize/pd-authorize-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, message_label);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, document_row);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, accept_check);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, scopes);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, waiting_page);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, waiting_note);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, new_link_button);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, link_box);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, seats_box);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, summary_page);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdAuthorizeWizard, retry_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "update_actions", G_CALLBACK (pd_authorize_wizard_update_actions));
  gtk_widget_class_bind_template_callback (widget_class, document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, scopes_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "wizard.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "wizard.new-link", NULL, new_link_activated);
  gtk_widget_class_install_action (widget_class, "wizard.open-link", NULL, open_link_activated);
  gtk_widget_class_install_action (widget_class, "wizard.copy-link", NULL, copy_link_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_authorize_wizard_init (PdAuthorizeWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
pd_authorize_wizard_new (GtkWidget  *parent,
                         PdSession  *session,
                         const char *organization_id,
                         const char *service_id)
{
  PdAuthorizeWizard *self;
  GListModel *organizations;
  PdOrganization *organization = NULL;
  GtkRoot *root;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (organization_id != NULL && service_id != NULL, NULL);

  self = g_object_new (PD_TYPE_AUTHORIZE_WIZARD, NULL);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  self->session = g_object_ref (session);
  self->organization_id = g_strdup (organization_id);
  self->service_id = g_strdup (service_id);

  organizations = pd_session_get_organizations (session);
  if (PD_IS_RESOURCE_LIST (organizations))
    organization = (PdOrganization *) pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), organization_id);
  self->organization_name = g_strdup (organization ? pd_organization_get_name (organization) : organization_id);
  self->service_name = g_strdup (_("The service"));
  if (organization != NULL && pd_organization_get_services (organization) != NULL)
    {
      PdResource *service = pd_resource_list_lookup (pd_organization_get_services (organization), service_id);

      if (service != NULL)
        {
          g_free (self->service_name);
          self->service_name = g_strdup (pd_service_application_get_name (pd_service_get_application (PD_SERVICE (service))));
        }
    }
  /* Translators: the window's title; %s is a service, e.g. “Exchange” */
  title = g_strdup_printf (_("Authorize %s"), self->service_name);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->watch = pd_authorize_watch_new (session, organization_id, service_id);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (pd_authorize_wizard_watch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->watch, "failed", G_CALLBACK (pd_authorize_wizard_watch_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->watch, "recovered", G_CALLBACK (pd_authorize_wizard_watch_recovered_cb), self, G_CONNECT_SWAPPED);
  load (self);
  return GTK_WIDGET (self);
}

void
pd_authorize_wizard_set_uri_opener (PdAuthorizeWizard *self,
                                    PdOpenUriFunc      func,
                                    gpointer           user_data)
{
  g_return_if_fail (PD_IS_AUTHORIZE_WIZARD (self));

  self->uri_opener = func;
  self->uri_opener_data = user_data;
}

void
pd_authorize_wizard_present (GtkWidget  *parent,
                             PdSession  *session,
                             const char *organization_id,
                             const char *service_id)
{
  gtk_window_present (GTK_WINDOW (pd_authorize_wizard_new (parent, session, organization_id, service_id)));
}
