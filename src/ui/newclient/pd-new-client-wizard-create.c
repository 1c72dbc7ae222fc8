/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The new-client wizard's last two steps: creating the client on the portal (what an earlier
 * try left, the progress, what the portal refused) and the services to authorize. */

#define G_LOG_DOMAIN "pd-new-client"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-new-client-rows.h"
#include "pd-new-client-wizard-private.h"
#include "pd-organization.h"
#include "pd-portal-error.h"

static void fill_done (PdNewClientWizard *self);

/* ---- creating ------------------------------------------------------------------------ */

static JsonNode *
build_body (PdNewClientWizard *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = pd_new_client_wizard_stripped (self->name_row);
  g_autofree char *email = pd_new_client_wizard_stripped (self->email_row);
  g_autofree char *domain = pd_new_client_wizard_stripped (self->domain_row);
  g_autofree char *plan_name = pd_new_client_wizard_stripped (self->plan_name_row);
  g_autofree char *currency = pd_new_client_wizard_stripped (self->currency_row);
  gint64 cents = 0;

  pd_new_client_wizard_check_price (self, &cents);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  if (domain[0] != '\0')
    {
      g_autofree char *lowered = g_ascii_strdown (domain, -1);

      json_builder_set_member_name (builder, "domain");
      json_builder_add_string_value (builder, lowered);
    }
  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, plan_name);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, self->draft->plan_type);
  json_builder_set_member_name (builder, "price_cents");
  json_builder_add_int_value (builder, cents);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, currency);
  json_builder_end_object (builder);
  /* Left out, the portal takes the partner's default country and the country's region */
  if (self->draft->country != NULL)
    {
      json_builder_set_member_name (builder, "country");
      json_builder_add_string_value (builder, self->draft->country);
    }
  if (self->draft->region != NULL)
    {
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, self->draft->region);
    }
  json_builder_set_member_name (builder, "relationship");
  json_builder_add_string_value (builder, self->draft->relationship);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The session's organization named @name (ignoring case), or NULL */
static const char *
find_organization_named (PdNewClientWizard *self,
                         const char        *name)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      g_autofree char *other = g_utf8_casefold (pd_organization_get_name (organization), -1);

      if (g_str_equal (folded, other))
        return pd_resource_get_id (PD_RESOURCE (organization));  /* the list keeps it */
    }
  return NULL;
}

/* What the portal already has of an earlier try whose answer this wizard did not see (it was
 * closed while the change waited in the outbox): the organization by its name. */
static void
adopt_earlier_try (PdNewClientWizard *self)
{
  PdNewClientDraft *draft = self->draft;
  const char *id;

  if (draft->organization_id != NULL || !draft->submitted)
    return;
  id = find_organization_named (self, draft->name);
  if (id != NULL)
    draft->organization_id = g_strdup (id);
}

static void
record_progress (PdNewClientWizard *self)
{
  PdNewClientDraft *draft = self->draft;

  for (guint i = 0; i < pd_new_client_create_get_n_items (self->create); i++)
    {
      const char *id = pd_new_client_create_get_id (self->create, i);
      PdServiceApplication application = pd_new_client_create_get_application (self->create, i);

      if (id == NULL)
        continue;
      if (i == 0 && g_strcmp0 (draft->organization_id, id) != 0)
        {
          g_free (draft->organization_id);
          draft->organization_id = g_strdup (id);
        }
      else if (i > 0)
        g_hash_table_replace (draft->service_ids, g_strdup (pd_new_client_wizard_enum_nick (PD_TYPE_SERVICE_APPLICATION, application)), g_strdup (id));
    }
}

static void
create_changed_cb (PdNewClientWizard *self,
                   guint              item)
{
  PdNewClientItemState state = pd_new_client_create_get_state (self->create, item);

  pd_new_client_rows_update_progress (self->progress_list, self->create, item);
  if (item == 0 && state == PD_NEW_CLIENT_ITEM_WORKING)
    self->draft->submitted = TRUE;
  gtk_widget_set_visible (self->try_now_button, state == PD_NEW_CLIENT_ITEM_QUEUED);
  record_progress (self);
  pd_new_client_wizard_save_draft (self);
}

/* The organization was refused: its fields are on the first two steps. */
static void
show_refusal (PdNewClientWizard *self,
              const GError      *error)
{
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    {
      g_free (self->taken_name);
      self->taken_name = pd_new_client_wizard_stripped (self->name_row);
      self->attempted[0] = TRUE;
      pd_new_client_wizard_show_step (self, 0);
    }
  else if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    {
      pd_field_errors_show_portal (self->client_errors, error);
      pd_field_errors_show_portal (self->details_errors, error);
      pd_new_client_wizard_show_step (self, pd_new_client_wizard_first_wrong (self, 0) != NULL ? 0 : 1);
    }
}

static void
create_finished_cb (PdNewClientWizard *self)
{
  guint failed = pd_new_client_create_count_failed (self->create);
  const GError *error = pd_new_client_create_get_error (self->create, 0);

  gtk_widget_set_visible (self->try_now_button, FALSE);
  if (failed == 0)
    {
      g_free (self->draft->step);
      self->draft->step = g_strdup ("done");
      fill_done (self);
      pd_new_client_wizard_show_step (self, STEP_DONE);
      /* Nothing left to resume */
      pd_new_client_draft_save (self->session, NULL);
      return;
    }
  if (error != NULL && self->earlier_submit && g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    {
      /* The earlier try got there first (the outbox delivers in order): that one is ours. */
      const char *id = find_organization_named (self, self->draft->name);

      if (id != NULL)
        {
          self->draft->organization_id = g_strdup (id);
          pd_new_client_wizard_start_create (self);
          return;
        }
    }
  if (error != NULL && self->draft->organization_id == NULL)
    {
      /* A final refusal: the organization was not created, a new try is a new one. */
      self->draft->submitted = FALSE;
      if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT) || g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
        {
          show_refusal (self, error);
          pd_new_client_wizard_save_draft (self);
          return;
        }
    }
  adw_status_page_set_icon_name (self->create_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->create_page, _("Not Everything Was Created"));
  adw_status_page_set_description (self->create_page, _("What was created is kept. Retry goes on with the rest."));
  pd_new_client_wizard_update_header (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
  pd_new_client_wizard_save_draft (self);
}

void
pd_new_client_wizard_start_create (PdNewClientWizard *self)
{
  PdNewClientDraft *draft = self->draft;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *name = NULL;

  if (self->create != NULL && pd_new_client_create_is_running (self->create))
    return;
  pd_new_client_wizard_read_fields (self);
  adopt_earlier_try (self);
  self->earlier_submit = draft->submitted && draft->organization_id == NULL;
  body = build_body (self);
  name = pd_new_client_wizard_stripped (self->name_row);
  if (self->create != NULL)
    pd_new_client_create_stop (self->create);
  g_clear_object (&self->create);
  self->create = pd_new_client_create_new (self->session, GTK_WIDGET (self));
  pd_new_client_create_set_organization (self->create, body, name, draft->organization_id);
  for (guint i = 0; draft->applications[i] != NULL; i++)
    pd_new_client_create_add_service (self->create, pd_new_client_wizard_enum_value (PD_TYPE_SERVICE_APPLICATION, draft->applications[i]),
                                      g_hash_table_lookup (draft->service_ids, draft->applications[i]));
  g_signal_connect_object (self->create, "changed", G_CALLBACK (create_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->create, "finished", G_CALLBACK (create_finished_cb), self, G_CONNECT_SWAPPED);
  pd_new_client_rows_fill_progress (self->progress_list, self->create);
  adw_status_page_set_icon_name (self->create_page, NULL);
  adw_status_page_set_title (self->create_page, _("Creating the Client"));
  adw_status_page_set_description (self->create_page, NULL);
  pd_new_client_wizard_show_step (self, STEP_CREATE);
  pd_new_client_create_run (self->create);
  pd_new_client_wizard_update_header (self);
}

void
pd_new_client_wizard_try_now_clicked (PdNewClientWizard *self)
{
  PdOutbox *outbox = pd_session_get_outbox (self->session);

  /* Ends the outbox's wait between tries; the change itself is already there. */
  if (outbox != NULL)
    pd_outbox_retry_now (outbox);
}

/* ---- done ---------------------------------------------------------------------------- */

static void
activate_on_main (PdNewClientWizard *self,
                  const char        *action,
                  const char        *service_id)
{
  GtkWidget *target = self->parent != NULL ? self->parent : GTK_WIDGET (self);
  const char *organization_id = self->draft->organization_id;

  gtk_widget_activate_action (target, action, "(ss)", organization_id, service_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
authorize_clicked_cb (PdNewClientWizard *self,
                      GtkWidget         *button)
{
  gboolean reseller = g_strcmp0 (self->draft->relationship, "reseller") == 0;

  activate_on_main (self, reseller ? "win.invite-client-admin" : "win.authorize-service", gtk_widget_get_name (button));
}

void
pd_new_client_wizard_open_clicked (PdNewClientWizard *self)
{
  activate_on_main (self, "win.show-client", "");
}

static void
fill_done (PdNewClientWizard *self)
{
  gboolean reseller = g_strcmp0 (self->draft->relationship, "reseller") == 0;
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->done_list))) != NULL)
    gtk_list_box_remove (self->done_list, child);
  for (guint i = 1; i < pd_new_client_create_get_n_items (self->create); i++)
    gtk_list_box_append (self->done_list,
                         pd_new_client_rows_new_authorize (pd_new_client_create_get_application (self->create, i),
                                                           pd_new_client_create_get_id (self->create, i),
                                                           reseller ? _("_Invite the Client’s Admin") : _("_Authorize Now"),
                                                           reseller ? _("A reseller’s client authorizes its services itself: send its admin an invitation")
                                                                    : _("Accept the service agreement and grant the backup access"),
                                                           G_CALLBACK (authorize_clicked_cb), self));
  /* Translators: %s is the new client's name */
  title = g_strdup_printf (_("%s Was Added"), self->draft->name);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page,
                                   reseller ? _("Its backups start once the client’s admin has authorized each service.")
                                            : _("Its backups start once you have authorized each service."));
}

