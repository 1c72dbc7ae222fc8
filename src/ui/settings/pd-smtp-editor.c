/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-field-errors.h"
#include "pd-permission-gate.h"
#include "pd-settings-check.h"
#include "pd-settings-save-bar.h"
#include "pd-smtp-editor-private.h"
#include "pd-smtp-status-group.h"

G_DEFINE_FINAL_TYPE (PdSmtpEditor, pd_smtp_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows of the combo rows, in the order of the .ui */
static const PdSmtpMethod methods[] = { PD_SMTP_METHOD_DEFAULT, PD_SMTP_METHOD_CUSTOM_MANUAL,
                                        PD_SMTP_METHOD_CUSTOM_MICROSOFT };
static const char *const method_keys[] = { "default", "custom_manual", "custom_microsoft" };
static const PdSmtpSecurity securities[] = { PD_SMTP_SECURITY_NONE, PD_SMTP_SECURITY_STARTTLS, PD_SMTP_SECURITY_TLS };
static const char *const security_keys[] = { "none", "starttls", "tls" };
static const PdSmtpTestFrequency frequencies[] = { PD_SMTP_TEST_FREQUENCY_DAILY, PD_SMTP_TEST_FREQUENCY_WEEKLY,
                                                   PD_SMTP_TEST_FREQUENCY_MONTHLY };
static const char *const frequency_keys[] = { "daily", "weekly", "monthly" };

#define DEFAULT_PORT "587"

GtkWidget *
pd_smtp_editor_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  return g_object_new (PD_TYPE_SMTP_EDITOR, "session", session, NULL);
}

PdSmtpSettings *
pd_smtp_editor_get_settings (PdSmtpEditor *self)
{
  g_return_val_if_fail (PD_IS_SMTP_EDITOR (self), NULL);

  return self->settings;
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static PdSmtpMethod
chosen_method (PdSmtpEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->method_row);

  return selected < G_N_ELEMENTS (methods) ? methods[selected] : PD_SMTP_METHOD_DEFAULT;
}

static guint
index_of (const int *values,
          guint      n_values,
          int        value,
          guint      fallback)
{
  for (guint i = 0; i < n_values; i++)
    if (values[i] == value)
      return i;
  return fallback;
}

/* Whether the portal keeps the stored password for what the form says now: only for the
 * same account on the same server (so it is never sent to another one). */
static gboolean
password_kept (PdSmtpEditor *self)
{
  PdSmtpSettings *settings = self->settings;

  return settings != NULL && pd_smtp_settings_get_has_manual (settings) &&
         pd_smtp_settings_get_manual_password_set (settings) &&
         g_strcmp0 (pd_smtp_settings_get_manual_host (settings), text_of (self->host_row)) == 0 &&
         g_strcmp0 (pd_smtp_settings_get_manual_username (settings), text_of (self->username_row)) == 0;
}

static gboolean
secret_kept (PdSmtpEditor *self)
{
  PdSmtpSettings *settings = self->settings;

  return settings != NULL && pd_smtp_settings_get_has_microsoft (settings) &&
         pd_smtp_settings_get_microsoft_client_secret_set (settings) &&
         g_strcmp0 (pd_smtp_settings_get_microsoft_tenant_id (settings), text_of (self->tenant_row)) == 0 &&
         g_strcmp0 (pd_smtp_settings_get_microsoft_client_id (settings), text_of (self->client_id_row)) == 0;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text != NULL && *text != '\0')
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/* The PUT body. Without @secrets, for comparing the form with what was read; with them,
 * a typed password or secret is sent and an empty one left out (“keep the stored one”). */
JsonNode *
pd_smtp_editor_build_body (PdSmtpEditor *self,
                           gboolean      secrets)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PdSmtpMethod method = chosen_method (self);
  guint security = adw_combo_row_get_selected (self->security_row);
  guint frequency = adw_combo_row_get_selected (self->auto_frequency_row);
  guint port = 0;

  json_builder_begin_object (builder);
  add_string (builder, "method", method_keys[index_of ((const int *) methods, G_N_ELEMENTS (methods), method, 0)]);

  json_builder_set_member_name (builder, "manual");
  if (method == PD_SMTP_METHOD_CUSTOM_MANUAL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "host", text_of (self->host_row));
      json_builder_set_member_name (builder, "port");
      if (pd_settings_check_port (text_of (self->port_row), &port) == NULL)
        json_builder_add_int_value (builder, port);
      else
        json_builder_add_string_value (builder, text_of (self->port_row));
      add_string (builder, "security", security_keys[MIN (security, G_N_ELEMENTS (security_keys) - 1)]);
      add_string_or_null (builder, "username", text_of (self->username_row));
      if (secrets && *text_of (self->password_row) != '\0')
        add_string (builder, "password", text_of (self->password_row));
      add_string (builder, "from_address", text_of (self->from_address_row));
      add_string_or_null (builder, "from_name", text_of (self->from_name_row));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "microsoft");
  if (method == PD_SMTP_METHOD_CUSTOM_MICROSOFT)
    {
      json_builder_begin_object (builder);
      add_string (builder, "tenant_id", text_of (self->tenant_row));
      add_string (builder, "client_id", text_of (self->client_id_row));
      if (secrets && *text_of (self->secret_row) != '\0')
        add_string (builder, "client_secret", text_of (self->secret_row));
      add_string (builder, "from_address", text_of (self->from_address_row));
      add_string_or_null (builder, "from_name", text_of (self->from_name_row));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "auto_test");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, adw_expander_row_get_enable_expansion (self->auto_row));
  add_string_or_null (builder, "to", text_of (self->auto_to_row));
  add_string (builder, "frequency", frequency_keys[MIN (frequency, G_N_ELEMENTS (frequency_keys) - 1)]);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
body_text (PdSmtpEditor *self)
{
  g_autoptr(JsonNode) body = pd_smtp_editor_build_body (self, FALSE);

  return json_to_string (body, FALSE);
}

static gboolean
has_changes (PdSmtpEditor *self)
{
  g_autofree char *now = NULL;

  if (self->settings == NULL || self->baseline == NULL)
    return FALSE;
  if (*text_of (self->password_row) != '\0' || *text_of (self->secret_row) != '\0')
    return TRUE;
  now = body_text (self);
  return g_strcmp0 (now, self->baseline) != 0;
}

/* Runs every check of the chosen method; the others' fields have none. */
static gboolean
check_fields (PdSmtpEditor *self)
{
  PdSmtpMethod method = chosen_method (self);
  gboolean manual = method == PD_SMTP_METHOD_CUSTOM_MANUAL;
  gboolean microsoft = method == PD_SMTP_METHOD_CUSTOM_MICROSOFT;
  const char *username = text_of (self->username_row);
  gboolean has_password = *text_of (self->password_row) != '\0';
  g_autofree char *password_problem = NULL;
  const char *secret_problem = NULL;
  const char *auto_problem;
  static const char *const fields[] = {
    "manual.host", "manual.port", "manual.password", "manual.from_address", "manual.from_name",
    "microsoft.tenant_id", "microsoft.client_id", "microsoft.client_secret", "microsoft.from_address",
    "microsoft.from_name", "auto_test.to",
  };
  gboolean valid = TRUE;

  if (*username == '\0' && has_password)
    password_problem = g_strdup (_("A password needs a username: enter the username or clear the password."));
  else if (*username != '\0' && !has_password && !password_kept (self))
    /* Translators: %s is the SMTP username */
    password_problem = g_strdup_printf (_("Enter the password of “%s”."), username);
  if (!secret_kept (self) && *text_of (self->secret_row) == '\0')
    secret_problem = _("Enter the client secret of the application.");
  if (adw_expander_row_get_enable_expansion (self->auto_row))
    auto_problem = pd_settings_check_email (text_of (self->auto_to_row));
  else
    auto_problem = pd_settings_check_email_optional (text_of (self->auto_to_row));

  pd_field_errors_set_check (self->errors, "manual.host", manual ? pd_settings_check_host (text_of (self->host_row)) : NULL);
  pd_field_errors_set_check (self->errors, "manual.port", manual ? pd_settings_check_port (text_of (self->port_row), NULL) : NULL);
  pd_field_errors_set_check (self->errors, "manual.password", manual ? password_problem : NULL);
  pd_field_errors_set_check (self->errors, "manual.from_address",
                             manual ? pd_settings_check_email (text_of (self->from_address_row)) : NULL);
  pd_field_errors_set_check (self->errors, "manual.from_name",
                             manual ? pd_settings_check_sender_name (text_of (self->from_name_row)) : NULL);
  pd_field_errors_set_check (self->errors, "microsoft.tenant_id",
                             microsoft ? pd_settings_check_tenant (text_of (self->tenant_row)) : NULL);
  pd_field_errors_set_check (self->errors, "microsoft.client_id",
                             microsoft ? pd_settings_check_client_id (text_of (self->client_id_row)) : NULL);
  pd_field_errors_set_check (self->errors, "microsoft.client_secret", microsoft ? secret_problem : NULL);
  pd_field_errors_set_check (self->errors, "microsoft.from_address",
                             microsoft ? pd_settings_check_email (text_of (self->from_address_row)) : NULL);
  pd_field_errors_set_check (self->errors, "microsoft.from_name",
                             microsoft ? pd_settings_check_sender_name (text_of (self->from_name_row)) : NULL);
  pd_field_errors_set_check (self->errors, "auto_test.to", auto_problem);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    valid &= !pd_field_errors_check_fails (self->errors, fields[i]);
  return valid;
}

/* What the password field means now, said where it can be read (not colour, not a
 * placeholder that disappears while typing). */
static void
update_secret_hints (PdSmtpEditor *self)
{
  const char *server = NULL;
  const char *microsoft = NULL;
  PdSmtpSettings *settings = self->settings;

  if (*text_of (self->username_row) == '\0')
    server = _("Without a username the portal sends without signing in.");
  else if (password_kept (self))
    server = _("A password is stored. Leave the password empty to keep it, or enter a new one.");
  else if (settings != NULL && pd_smtp_settings_get_has_manual (settings) &&
           pd_smtp_settings_get_manual_password_set (settings))
    server = _("The stored password is only kept for the same server and username: enter it again.");
  adw_preferences_group_set_description (self->server_group, server);

  if (secret_kept (self))
    microsoft = _("A client secret is stored. Leave it empty to keep it, or enter a new one.");
  else
    microsoft = _("An application registered in your tenant that may send mail as the sender below.");
  adw_preferences_group_set_description (self->microsoft_group, microsoft);
}

static void
update (PdSmtpEditor *self)
{
  PdSmtpMethod method = chosen_method (self);
  gboolean changed, valid;

  if (self->filling)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->server_group), method == PD_SMTP_METHOD_CUSTOM_MANUAL);
  gtk_widget_set_visible (GTK_WIDGET (self->microsoft_group), method == PD_SMTP_METHOD_CUSTOM_MICROSOFT);
  gtk_widget_set_visible (GTK_WIDGET (self->sender_group), method != PD_SMTP_METHOD_DEFAULT);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->method_row),
                               method == PD_SMTP_METHOD_DEFAULT
                               ? _("E-mails come from the portal’s own address.")
                               : NULL);
  update_secret_hints (self);
  valid = check_fields (self);
  changed = has_changes (self);
  pd_settings_save_bar_set_state (self->save_bar, changed, valid);
  pd_smtp_status_group_set_unsaved (self->status_group, changed);
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/* Puts what the portal has into the form; typed secrets are dropped. */
static void
fill (PdSmtpEditor *self)
{
  PdSmtpSettings *settings = self->settings;
  gboolean manual = pd_smtp_settings_get_has_manual (settings);
  gboolean microsoft = pd_smtp_settings_get_has_microsoft (settings);
  g_autofree char *port = NULL;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->method_row,
                              index_of ((const int *) methods, G_N_ELEMENTS (methods),
                                        pd_smtp_settings_get_method (settings), 0));
  if (manual)
    port = g_strdup_printf ("%" G_GINT64_FORMAT, pd_smtp_settings_get_manual_port (settings));
  set_text (self->host_row, manual ? pd_smtp_settings_get_manual_host (settings) : NULL);
  set_text (self->port_row, manual ? port : DEFAULT_PORT);
  adw_combo_row_set_selected (self->security_row,
                              index_of ((const int *) securities, G_N_ELEMENTS (securities),
                                        manual ? pd_smtp_settings_get_manual_security (settings)
                                               : PD_SMTP_SECURITY_STARTTLS, 1));
  set_text (self->username_row, manual ? pd_smtp_settings_get_manual_username (settings) : NULL);
  set_text (self->password_row, NULL);
  set_text (self->tenant_row, microsoft ? pd_smtp_settings_get_microsoft_tenant_id (settings) : NULL);
  set_text (self->client_id_row, microsoft ? pd_smtp_settings_get_microsoft_client_id (settings) : NULL);
  set_text (self->secret_row, NULL);
  if (manual)
    {
      set_text (self->from_address_row, pd_smtp_settings_get_manual_from_address (settings));
      set_text (self->from_name_row, pd_smtp_settings_get_manual_from_name (settings));
    }
  else
    {
      set_text (self->from_address_row, microsoft ? pd_smtp_settings_get_microsoft_from_address (settings) : NULL);
      set_text (self->from_name_row, microsoft ? pd_smtp_settings_get_microsoft_from_name (settings) : NULL);
    }
  adw_expander_row_set_enable_expansion (self->auto_row, pd_smtp_settings_get_auto_test_enabled (settings));
  set_text (self->auto_to_row, pd_smtp_settings_get_auto_test_to (settings));
  adw_combo_row_set_selected (self->auto_frequency_row,
                              index_of ((const int *) frequencies, G_N_ELEMENTS (frequencies),
                                        pd_smtp_settings_get_auto_test_frequency (settings), 1));
  self->filling = FALSE;

  g_free (self->baseline);
  self->baseline = body_text (self);
  pd_field_errors_clear_portal (self->errors);
  update (self);
}

static void
set_settings (PdSmtpEditor   *self,
              PdSmtpSettings *settings,
              gboolean        refill)
{
  pd_smtp_status_group_set_settings (self->status_group, settings);
  /* Unsaved input stays, and so does the version it is based on: a save then meets the
   * newer one as a conflict instead of overwriting it unseen. */
  if (!refill && has_changes (self))
    return;
  g_set_object (&self->settings, settings);
  fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

/* The settings from an answer of the portal, or NULL with a warning */
static PdSmtpSettings *
decode (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  PdResource *resource;

  if (root == NULL)
    return NULL;
  resource = pd_resource_new_from_json (PD_TYPE_SMTP_SETTINGS, root, &error);
  if (resource == NULL)
    g_warning ("The portal's SMTP settings are not usable: %s", error->message);
  return PD_SMTP_SETTINGS (resource);
}

/* ---- reading ------------------------------------------------------------------------- */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdSmtpEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  g_autoptr(PdSmtpSettings) settings = NULL;

  if (self->load_cancellable == NULL)
    return;  /* disposed meanwhile */
  g_clear_object (&self->load_cancellable);
  settings = response != NULL ? decode (pd_portal_response_get_root (response)) : NULL;
  if (settings == NULL)
    {
      const char *message = error != NULL ? error->message : _("The portal sent settings this version cannot read.");

      if (self->settings == NULL)
        {
          adw_status_page_set_description (self->failed_page, message);
          gtk_stack_set_visible_child_name (self->state_stack, "failed");
        }
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                    _("Cannot read the SMTP settings"), message);
      return;
    }
  set_settings (self, settings, FALSE);
  gtk_stack_set_visible_child_name (self->state_stack, "form");
}

void
pd_smtp_editor_reload (PdSmtpEditor *self)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/smtp-settings");

  g_return_if_fail (PD_IS_SMTP_EDITOR (self));

  if (self->load_cancellable != NULL)
    return;  /* one read at a time; it brings the latest */
  if (self->settings == NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");
  self->load_cancellable = g_cancellable_new ();
  pd_portal_client_send_async (pd_session_get_client (self->session), request, self->load_cancellable,
                               loaded_cb, g_object_ref (self));
}

static void
reload_clicked_cb (PdSmtpEditor *self)
{
  pd_smtp_editor_reload (self);
}

static void
tested_cb (PdSmtpEditor *self)
{
  pd_smtp_editor_reload (self);
}

/* ---- saving -------------------------------------------------------------------------- */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PdSmtpEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  g_autoptr(PdSmtpSettings) settings = NULL;

  if (self->save_cancellable == NULL)
    return;  /* disposed meanwhile */
  g_clear_object (&self->save_cancellable);
  pd_settings_save_bar_set_saving (self->save_bar, FALSE);
  if (response == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* “Keep Theirs” in the conflict dialog: show theirs. */
          g_clear_object (&self->settings);
          pd_smtp_editor_reload (self);
        }
      else if (!pd_field_errors_show_portal (self->errors, error))
        pd_edit_show_error (GTK_WIDGET (self), _("Cannot save the SMTP settings"), error);
      update (self);
      return;
    }
  settings = decode (pd_portal_response_get_root (response));
  if (settings != NULL)
    set_settings (self, settings, TRUE);
  else
    pd_smtp_editor_reload (self);
  pd_edit_add_toast (GTK_WIDGET (self), adw_toast_new (_("SMTP settings saved")));
}

static void
save_queued_cb (PdEdit       *edit,
                PdSmtpEditor *self)
{
  pd_edit_add_toast (GTK_WIDGET (self),
                     adw_toast_new (_("The portal cannot be reached: the SMTP settings are saved when it is back")));
}

static void
save_cb (PdSmtpEditor *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  gboolean secret;

  if (self->settings == NULL || self->save_cancellable != NULL ||
      !gtk_widget_is_sensitive (pd_settings_save_bar_get_button (self->save_bar)))
    return;
  body = pd_smtp_editor_build_body (self, TRUE);
  secret = *text_of (self->password_row) != '\0' || *text_of (self->secret_row) != '\0';
  edit = pd_edit_new (self->session, "PUT", "/api/v1/smtp-settings", body,
                      pd_resource_get_etag (PD_RESOURCE (self->settings)), _("Change the SMTP settings"));
  /* A password in the body must never reach the outbox's database. */
  if (secret)
    pd_edit_set_flags (edit, PD_OUTBOX_FLAG_SECRET);
  pd_smtp_editor_describe_edit (edit);
  g_signal_connect_object (edit, "queued", G_CALLBACK (save_queued_cb), self, 0);
  self->save_cancellable = g_cancellable_new ();
  pd_settings_save_bar_set_saving (self->save_bar, TRUE);
  pd_edit_run_async (edit, GTK_WIDGET (self), self->save_cancellable, saved_cb, g_object_ref (self));
}

/* ---- input --------------------------------------------------------------------------- */

static void
entry_changed_cb (PdSmtpEditor *self,
                  GtkEditable  *editable)
{
  if (self->filling)
    return;
  pd_field_errors_forget_portal (self->errors, GTK_WIDGET (editable));
  update (self);
}

static void
choice_changed_cb (PdSmtpEditor *self,
                   GParamSpec   *pspec,
                   GtkWidget    *row)
{
  if (self->filling)
    return;
  pd_field_errors_forget_portal (self->errors, row);
  update (self);
}

static void
register_fields (PdSmtpEditor *self)
{
  const struct {
    const char *field;
    gpointer    row;
  } rows[] = {
    { "method", self->method_row },
    { "manual.host", self->host_row },
    { "manual.port", self->port_row },
    { "manual.security", self->security_row },
    { "manual.username", self->username_row },
    { "manual.password", self->password_row },
    { "microsoft.tenant_id", self->tenant_row },
    { "microsoft.client_id", self->client_id_row },
    { "microsoft.client_secret", self->secret_row },
    /* One sender for both methods: the portal names it after the method. */
    { "manual.from_address", self->from_address_row },
    { "microsoft.from_address", self->from_address_row },
    { "manual.from_name", self->from_name_row },
    { "microsoft.from_name", self->from_name_row },
    { "auto_test.to", self->auto_to_row },
    { "auto_test.frequency", self->auto_frequency_row },
  };

  self->errors = pd_field_errors_new (pd_settings_save_bar_get_errors_label (self->save_bar));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    pd_field_errors_add (self->errors, rows[i].field, rows[i].row);
}

static void
pd_smtp_editor_constructed (GObject *object)
{
  PdSmtpEditor *self = PD_SMTP_EDITOR (object);
  GtkWidget *groups[] = { GTK_WIDGET (self->method_group), GTK_WIDGET (self->server_group),
                          GTK_WIDGET (self->microsoft_group), GTK_WIDGET (self->sender_group),
                          GTK_WIDGET (self->auto_group) };

  G_OBJECT_CLASS (pd_smtp_editor_parent_class)->constructed (object);

  /* Readers see the settings; only writers may change them (the tooltip says why not). */
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    pd_permission_gate (groups[i], self->session, "smtp.write", PD_PERMISSION_GATE_DISABLE);
  pd_settings_save_bar_set_session (self->save_bar, self->session, "smtp.write");
  pd_smtp_status_group_set_session (self->status_group, self->session);
  update (self);
}

static void
pd_smtp_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PdSmtpEditor *self = PD_SMTP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_smtp_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdSmtpEditor *self = PD_SMTP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_smtp_editor_dispose (GObject *object)
{
  PdSmtpEditor *self = PD_SMTP_EDITOR (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_pointer (&self->errors, pd_field_errors_free);
  /* The bin's child is a template child: the bin lets go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_SMTP_EDITOR);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_smtp_editor_parent_class)->dispose (object);
}

static void
pd_smtp_editor_finalize (GObject *object)
{
  PdSmtpEditor *self = PD_SMTP_EDITOR (object);

  g_free (self->baseline);

  G_OBJECT_CLASS (pd_smtp_editor_parent_class)->finalize (object);
}

static void
pd_smtp_editor_class_init (PdSmtpEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_smtp_editor_constructed;
  object_class->set_property = pd_smtp_editor_set_property;
  object_class->get_property = pd_smtp_editor_get_property;
  object_class->dispose = pd_smtp_editor_dispose;
  object_class->finalize = pd_smtp_editor_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, PD_TYPE_SMTP_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_SMTP_STATUS_GROUP);
  g_type_ensure (PD_TYPE_SETTINGS_SAVE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/settings/pd-smtp-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, state_stack);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, failed_page);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, method_group);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, method_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, server_group);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, host_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, port_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, security_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, username_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, password_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, microsoft_group);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, tenant_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, secret_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, sender_group);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, from_address_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, from_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, auto_group);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, auto_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, auto_to_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, auto_frequency_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpEditor, save_bar);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, tested_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
}

static void
pd_smtp_editor_init (PdSmtpEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  register_fields (self);
}
