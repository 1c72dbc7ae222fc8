/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-authorize-draft.h"
#include "pd-authorize-scopes.h"
#include "pd-authorize-watch.h"
#include "pd-authorize-wizard.h"
#include "pd-cache-resources.h"
#include "pd-edit.h"
#include "pd-models.h"
#include "pd-permission-gate.h"
#include "pd-seat-picker.h"
#include "pd-service-info.h"
#include "pd-widgets-style.h"

typedef enum {
  WAITING,
  DENIED,
  EXPIRED,
} WaitState;

struct _PdAuthorizeWizard
{
  AdwWindow          parent_instance;

  PdSession         *session;
  char              *organization_id;
  char              *service_id;
  char              *organization_name;
  char              *service_name;
  PdAuthorization   *authorization;   /* as last read from the portal */
  PdAuthorizeWatch  *watch;
  PdSeatPicker      *picker;          /* once the seats step was reached */
  guint              n_seated;        /* after applying the seats */
  guint              n_failed;
  gboolean           seats_applied;
  GCancellable      *cancellable;     /* this window's requests */
  JsonNode          *draft;
  PdOpenUriFunc      uri_opener;
  gpointer           uri_opener_data;
  guint              expiry_id;
  WaitState          wait_state;
  gboolean           busy;
  gboolean           can_retry;

  AdwWindowTitle    *window_title;
  GtkButton         *back_button;
  GtkButton         *next_button;
  GtkSpinner        *busy_spinner;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkStack          *stack;
  AdwActionRow      *document_row;
  GtkCheckButton    *accept_check;
  PdAuthorizeScopes *scopes;
  AdwStatusPage     *waiting_page;
  GtkSpinner        *waiting_spinner;
  GtkLabel          *waiting_note;
  GtkButton         *new_link_button;
  GtkWidget         *link_box;
  GtkBox            *seats_box;
  GtkWidget         *cancel_button;
  AdwStatusPage     *summary_page;
  AdwStatusPage     *error_page;
  GtkWidget         *retry_button;
};

G_DEFINE_FINAL_TYPE (PdAuthorizeWizard, pd_authorize_wizard, ADW_TYPE_WINDOW)

static void load (PdAuthorizeWizard *self);
static void resume (PdAuthorizeWizard *self);
static void request_consent (PdAuthorizeWizard *self);

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

static void
show_message (PdAuthorizeWizard *self,
              const char        *text)
{
  if (text != NULL)
    gtk_label_set_label (self->message_label, text);
  gtk_revealer_set_reveal_child (self->message_revealer, text != NULL);
}

static void
open_uri (PdAuthorizeWizard *self,
          const char        *uri)
{
  if (uri == NULL)
    return;
  if (self->uri_opener != NULL)
    self->uri_opener (uri, self->uri_opener_data);
  else
    /* The platform's launcher: it goes through the OpenURI portal inside the Flatpak. */
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* @seats: the selection to keep, or NULL to keep the draft's */
static void
save_draft (PdAuthorizeWizard  *self,
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

static void
update_actions (PdAuthorizeWizard *self)
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

static void
set_busy (PdAuthorizeWizard *self,
          gboolean           busy)
{
  self->busy = busy;
  if (busy)
    show_message (self, NULL);
  update_actions (self);
}

static void
show_page (PdAuthorizeWizard *self,
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
  update_actions (self);
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
  show_message (self, NULL);
  show_page (self, "error");
}

static void
set_authorization (PdAuthorizeWizard *self,
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
  set_busy (self, FALSE);
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
  set_authorization (self, PD_AUTHORIZATION (authorization));
  resume (self);
}

static void
fetch_authorization (PdAuthorizeWizard *self)
{
  g_autofree char *path = build_path (self, NULL);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);

  set_busy (self, TRUE);
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

  show_page (self, "loading");
  if (explain_not_allowed (self))
    return;
  if (cache == NULL || self->draft != NULL)
    {
      fetch_authorization (self);
      return;
    }
  set_busy (self, TRUE);
  pd_cache_load_document_async (cache, name, self->cancellable, draft_loaded_cb, g_object_ref (self));
}

/* ---- changes through the outbox ------------------------------------------------------ */

typedef void (*StepDone) (PdAuthorizeWizard *self,
                          PdAuthorization   *authorization,
                          const GError      *error);

typedef struct
{
  PdAuthorizeWizard *self;
  StepDone           done;
} Step;

static void
step_queued_cb (PdAuthorizeWizard *self)
{
  /* The edit waits in the outbox and goes out by itself: nothing to do but say so. */
  show_message (self, _("The portal cannot be reached. This step is saved and is sent when the portal is back; "
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
  set_busy (self, FALSE);
  if (response != NULL && pd_portal_response_get_root (response) != NULL)
    authorization = pd_resource_new_from_json (PD_TYPE_AUTHORIZATION, pd_portal_response_get_root (response), &error);
  else if (response != NULL)
    g_set_error_literal (&error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                         _("The portal answered without the authorization."));
  if (authorization != NULL)
    set_authorization (self, PD_AUTHORIZATION (authorization));
  done (self, authorization ? PD_AUTHORIZATION (authorization) : NULL, error);
}

static void
run_step (PdAuthorizeWizard *self,
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
  set_busy (self, TRUE);
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

static void
show_scopes (PdAuthorizeWizard *self)
{
  g_auto(GStrv) chosen = pd_authorize_draft_dup (self->draft, "optional_scopes");

  pd_authorize_scopes_set_scopes (self->scopes, G_LIST_MODEL (pd_authorization_get_scopes (self->authorization)),
                                  (const char * const *) chosen);
  show_page (self, "scopes");
  if (g_strcmp0 (pd_authorization_get_last_error (self->authorization), "consent_denied") == 0)
    show_message (self, _("The tenant’s admin denied consent the last time. Check the permissions with the client, then ask again."));
}

static void
accepted_cb (PdAuthorizeWizard *self,
             PdAuthorization   *authorization,
             const GError      *error)
{
  if (authorization != NULL)
    {
      show_scopes (self);
      return;
    }
  if (is_not_current (error))
    {
      /* The text changed while it was read: show the new version and ask again. */
      gtk_check_button_set_active (self->accept_check, FALSE);
      fetch_authorization (self);
      show_page (self, "agreement");
      show_message (self, _("The service agreement changed while you were reading it. Read the new version, then accept it again."));
      return;
    }
  show_message (self, error->message);
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
      show_message (self, error->message);
      return;
    }
  /* Consent lost: the agreement accepted before still holds (the portal asks consent again
   * from here), and it may name an older version that cannot be accepted any more. */
  if (pd_authorization_get_state (authorization) == PD_AUTHORIZATION_STATE_CONSENT_LOST &&
      pd_authorization_get_agreement_accepted_at (authorization) != NULL)
    {
      show_scopes (self);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agreement_version");
  json_builder_add_string_value (builder, pd_authorization_get_agreement_version (authorization));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  run_step (self, "accept-agreement", body,
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
  run_step (self, "self", body, _("Start authorizing as the tenant’s admin"), started_cb);
}

/* ---- step 3: the tenant's consent ---------------------------------------------------- */

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
  update_actions (self);
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

static void
show_waiting (PdAuthorizeWizard *self)
{
  GDateTime *expires = pd_authorization_get_consent_expires_at (self->authorization);

  show_page (self, "waiting");
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
      show_message (self, error->message);
      return;
    }
  open_uri (self, pd_authorization_get_consent_url (authorization));
  show_waiting (self);
}

static void
request_consent (PdAuthorizeWizard *self)
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
  run_step (self, "consent", body, _("Ask the tenant’s consent"), consent_requested_cb);
}

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
static void
sync_lists (PdAuthorizeWizard *self)
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
      /* Done: nothing is left to resume. */
      self->draft = pd_authorize_draft_build (NULL, NULL);
      pd_authorize_draft_save (self->session, self->organization_id, self->service_id, self->draft);
    }
  show_page (self, "summary");
}

static void
seats_changed_cb (PdAuthorizeWizard *self)
{
  g_auto(GStrv) ids = pd_seat_picker_dup_selected_ids (self->picker);

  save_draft (self, (const char * const *) ids);
}

static void
show_seats (PdAuthorizeWizard *self)
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
      g_signal_connect_object (self->picker, "notify::can-apply", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->seats_box, GTK_WIDGET (self->picker));
    }
  if (self->picker == NULL)
    {
      /* Not in the session's lists (yet): the client page offers the seats later. */
      show_summary (self);
      return;
    }
  show_page (self, "seats");
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
      set_busy (self, FALSE);
      show_message (self, error->message);
      return;
    }
  set_busy (self, FALSE);
  self->seats_applied = TRUE;
  self->n_seated = pd_seat_picker_get_n_selected (self->picker);
  self->n_failed = n_failed;
  show_summary (self);
}

static void
apply_seats (PdAuthorizeWizard *self)
{
  g_auto(GStrv) ids = pd_seat_picker_dup_selected_ids (self->picker);

  save_draft (self, (const char * const *) ids);
  set_busy (self, TRUE);
  pd_seat_picker_apply_async (self->picker, GTK_WIDGET (self), self->cancellable, applied_cb, g_object_ref (self));
}

static void
watch_changed_cb (PdAuthorizeWizard *self,
                  PdAuthorization   *authorization)
{
  set_authorization (self, authorization);
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
      resume (self);
    }
}

static void
watch_failed_cb (PdAuthorizeWizard *self,
                 const GError      *error)
{
  g_autofree char *note = NULL;

  /* Translators: %s says why the portal cannot be reached */
  note = g_strdup_printf (_("%s\nStill waiting: this window checks again by itself."), error->message);
  gtk_label_set_label (self->waiting_note, note);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_note), TRUE);
}

static void
watch_recovered_cb (PdAuthorizeWizard *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_note), FALSE);
}

/* ---- where to go ---------------------------------------------------------------------- */

static void
resume (PdAuthorizeWizard *self)
{
  PdAuthorization *authorization = self->authorization;

  switch (pd_authorization_get_state (authorization))
    {
    case PD_AUTHORIZATION_STATE_AUTHORIZED:
      sync_lists (self);
      show_seats (self);
      break;
    case PD_AUTHORIZATION_STATE_AWAITING_CONSENT:
      show_waiting (self);
      break;
    case PD_AUTHORIZATION_STATE_AGREEMENT_ACCEPTED:
      show_scopes (self);
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
      show_page (self, "agreement");
      if (pd_authorization_get_state (authorization) == PD_AUTHORIZATION_STATE_CONSENT_LOST)
        show_message (self, _("The tenant revoked the backup’s consent. Accept the agreement and ask for consent again to resume the backups."));
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
      save_draft (self, NULL);
      request_consent (self);
    }
  else if (g_str_equal (page, "seats"))
    apply_seats (self);
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

  show_message (self, NULL);
  if (g_str_equal (page, "scopes"))
    show_page (self, "agreement");
  else if (g_str_equal (page, "waiting"))
    show_scopes (self);
  else if (g_str_equal (page, "summary"))
    show_page (self, "seats");
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
  request_consent (PD_AUTHORIZE_WIZARD (widget));
}

static void
open_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdAuthorizeWizard *self = PD_AUTHORIZE_WIZARD (widget);

  open_uri (self, pd_authorization_get_consent_url (self->authorization));
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
    open_uri (self, pd_authorization_get_agreement_document_url (self->authorization));
}

static void
scopes_changed_cb (PdAuthorizeWizard *self)
{
  save_draft (self, NULL);
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
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
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
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (watch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->watch, "failed", G_CALLBACK (watch_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->watch, "recovered", G_CALLBACK (watch_recovered_cb), self, G_CONNECT_SWAPPED);
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
