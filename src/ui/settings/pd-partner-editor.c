/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-country-list.h"
#include "pd-edit.h"
#include "pd-field-errors.h"
#include "pd-partner-editor.h"
#include "pd-permission-gate.h"
#include "pd-settings-check.h"
#include "pd-settings-save-bar.h"

struct _PdPartnerEditor
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *partner_group;
  AdwEntryRow         *name_row;
  AdwActionRow        *country_row;
  GtkDropDown         *country_dropdown;
  PdSettingsSaveBar   *save_bar;

  PdSession           *session;
  PdFieldErrors       *errors;
  char                *read_name;      /* what the form was filled with */
  char                *read_country;
  char                *read_etag;      /* the version a save builds on */
  GCancellable        *load_cancellable;
  GCancellable        *save_cancellable;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (PdPartnerEditor, pd_partner_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
pd_partner_editor_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  return g_object_new (PD_TYPE_PARTNER_EDITOR, "session", session, NULL);
}

static const char *
chosen_country (PdPartnerEditor *self)
{
  PdCountry *country = gtk_drop_down_get_selected_item (self->country_dropdown);

  return country != NULL ? pd_country_get_code (country) : NULL;
}

static const char *
typed_name (PdPartnerEditor *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

static gboolean
name_changed (PdPartnerEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (typed_name (self)));

  return g_strcmp0 (name, self->read_name) != 0;
}

static gboolean
country_changed (PdPartnerEditor *self)
{
  return chosen_country (self) != NULL && g_strcmp0 (chosen_country (self), self->read_country) != 0;
}

static void
update (PdPartnerEditor *self)
{
  gboolean loaded = self->read_name != NULL;

  pd_field_errors_set_check (self->errors, "name", pd_settings_check_partner_name (typed_name (self)));
  pd_settings_save_bar_set_state (self->save_bar, loaded && (name_changed (self) || country_changed (self)),
                                  !pd_field_errors_check_fails (self->errors, "name"));
}

static void
fill (PdPartnerEditor *self,
      PdPartner       *partner)
{
  self->filling = TRUE;
  g_free (self->read_name);
  self->read_name = g_strdup (pd_partner_get_name (partner));
  g_free (self->read_country);
  self->read_country = g_strdup (pd_partner_get_default_country (partner));
  g_free (self->read_etag);
  self->read_etag = g_strdup (pd_resource_get_etag (PD_RESOURCE (partner)));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->read_name != NULL ? self->read_name : "");
  gtk_drop_down_set_selected (self->country_dropdown, pd_country_list_find (self->read_country));
  self->filling = FALSE;
  pd_field_errors_clear_portal (self->errors);
  update (self);
}

/* The session's partner changed (this editor's save, a read): shown unless the user is
 * in the middle of changing it. */
static void
show_session_partner (PdPartnerEditor *self,
                      gboolean         force)
{
  PdPartner *partner = pd_session_get_partner (self->session);

  if (partner == NULL)
    return;
  if (force || self->read_name == NULL || (!name_changed (self) && !country_changed (self)))
    fill (self, partner);
  else
    update (self);
}

static gboolean
apply_answer (PdPartnerEditor *self,
              JsonNode        *root)
{
  g_autoptr(GError) error = NULL;

  if (root != NULL && pd_session_set_document (self->session, "partner", root, &error))
    return TRUE;
  g_warning ("The portal's partner is not usable: %s", error != NULL ? error->message : "no JSON body");
  return FALSE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdPartnerEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);

  if (self->load_cancellable == NULL)
    return;  /* disposed meanwhile */
  g_clear_object (&self->load_cancellable);
  if (response == NULL)
    {
      /* Offline: what the session has (from the cache) stays on screen. */
      g_debug ("Cannot read the partner: %s", error->message);
      return;
    }
  if (apply_answer (self, pd_portal_response_get_root (response)))
    show_session_partner (self, FALSE);
}

void
pd_partner_editor_reload (PdPartnerEditor *self)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/partner");

  g_return_if_fail (PD_IS_PARTNER_EDITOR (self));

  if (self->load_cancellable != NULL || !pd_session_has_permission (self->session, "partner.read"))
    return;
  self->load_cancellable = g_cancellable_new ();
  pd_portal_client_send_async (pd_session_get_client (self->session), request, self->load_cancellable,
                               loaded_cb, g_object_ref (self));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PdPartnerEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_edit_run_finish (PD_EDIT (source), result, &error);

  if (self->save_cancellable == NULL)
    return;  /* disposed meanwhile */
  g_clear_object (&self->save_cancellable);
  pd_settings_save_bar_set_saving (self->save_bar, FALSE);
  if (response == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* “Keep Theirs”: read theirs and show it. */
          g_clear_pointer (&self->read_name, g_free);
          pd_partner_editor_reload (self);
        }
      else if (!pd_field_errors_show_portal (self->errors, error))
        pd_edit_show_error (GTK_WIDGET (self), _("Cannot save the partner settings"), error);
      update (self);
      return;
    }
  if (apply_answer (self, pd_portal_response_get_root (response)))
    show_session_partner (self, TRUE);
  pd_edit_add_toast (GTK_WIDGET (self), adw_toast_new (_("Partner settings saved")));
}

static void
save_queued_cb (PdEdit          *edit,
                PdPartnerEditor *self)
{
  pd_edit_add_toast (GTK_WIDGET (self),
                     adw_toast_new (_("The portal cannot be reached: the partner settings are saved when it is back")));
}

static char *
format_value (const char *field,
              JsonNode   *value,
              gpointer    user_data)
{
  if (g_str_equal (field, "default_country") && JSON_NODE_HOLDS_VALUE (value))
    return g_strdup (pd_country_list_get_name (json_node_get_string (value)));
  return NULL;
}

static void
save_cb (PdPartnerEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *name = g_strstrip (g_strdup (typed_name (self)));

  if (self->read_etag == NULL || self->save_cancellable != NULL ||
      !gtk_widget_is_sensitive (pd_settings_save_bar_get_button (self->save_bar)))
    return;
  /* Only what changed: the portal keeps the rest as it is. */
  json_builder_begin_object (builder);
  if (name_changed (self))
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  if (country_changed (self))
    {
      json_builder_set_member_name (builder, "default_country");
      json_builder_add_string_value (builder, chosen_country (self));
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  edit = pd_edit_new (self->session, "PATCH", "/api/v1/partner", body, self->read_etag,
                      _("Change the partner settings"));
  pd_edit_add_field_label (edit, "name", _("Company name"));
  pd_edit_add_field_label (edit, "default_country", _("Default country for new clients"));
  pd_edit_set_formatter (edit, format_value, NULL, NULL);
  g_signal_connect_object (edit, "queued", G_CALLBACK (save_queued_cb), self, 0);
  self->save_cancellable = g_cancellable_new ();
  pd_settings_save_bar_set_saving (self->save_bar, TRUE);
  pd_edit_run_async (edit, GTK_WIDGET (self), self->save_cancellable, saved_cb, g_object_ref (self));
}

static void
entry_changed_cb (PdPartnerEditor *self)
{
  if (self->filling)
    return;
  pd_field_errors_forget_portal (self->errors, GTK_WIDGET (self->name_row));
  update (self);
}

static void
country_changed_cb (PdPartnerEditor *self)
{
  if (self->filling)
    return;
  pd_field_errors_forget_portal (self->errors, GTK_WIDGET (self->country_row));
  update (self);
}

static void
pd_partner_editor_constructed (GObject *object)
{
  PdPartnerEditor *self = PD_PARTNER_EDITOR (object);

  G_OBJECT_CLASS (pd_partner_editor_parent_class)->constructed (object);

  pd_permission_gate (GTK_WIDGET (self->partner_group), self->session, "partner.write", PD_PERMISSION_GATE_DISABLE);
  pd_settings_save_bar_set_session (self->save_bar, self->session, "partner.write");
  show_session_partner (self, TRUE);
  update (self);
}

static void
pd_partner_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PdPartnerEditor *self = PD_PARTNER_EDITOR (object);

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
pd_partner_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdPartnerEditor *self = PD_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_partner_editor_dispose (GObject *object)
{
  PdPartnerEditor *self = PD_PARTNER_EDITOR (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_pointer (&self->errors, pd_field_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_PARTNER_EDITOR);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_partner_editor_parent_class)->dispose (object);
}

static void
pd_partner_editor_finalize (GObject *object)
{
  PdPartnerEditor *self = PD_PARTNER_EDITOR (object);

  g_free (self->read_name);
  g_free (self->read_country);
  g_free (self->read_etag);

  G_OBJECT_CLASS (pd_partner_editor_parent_class)->finalize (object);
}

static void
pd_partner_editor_class_init (PdPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_partner_editor_constructed;
  object_class->set_property = pd_partner_editor_set_property;
  object_class->get_property = pd_partner_editor_get_property;
  object_class->dispose = pd_partner_editor_dispose;
  object_class->finalize = pd_partner_editor_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_SETTINGS_SAVE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/settings/pd-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PdPartnerEditor, partner_group);
  gtk_widget_class_bind_template_child (widget_class, PdPartnerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdPartnerEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, PdPartnerEditor, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdPartnerEditor, save_bar);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
}

static void
pd_partner_editor_init (PdPartnerEditor *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (PD_TYPE_COUNTRY, NULL, "name");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Searchable by name: 249 countries are too many to scroll through. */
  self->filling = TRUE;
  gtk_drop_down_set_expression (self->country_dropdown, name);
  gtk_drop_down_set_model (self->country_dropdown, pd_country_list_get_default ());
  self->filling = FALSE;
  self->errors = pd_field_errors_new (pd_settings_save_bar_get_errors_label (self->save_bar));
  pd_field_errors_add (self->errors, "name", GTK_WIDGET (self->name_row));
  pd_field_errors_add (self->errors, "default_country", GTK_WIDGET (self->country_row));
}
