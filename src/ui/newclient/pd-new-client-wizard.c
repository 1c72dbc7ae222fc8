/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-new-client"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-format.h"
#include "pd-country-list.h"
#include "pd-new-client-check.h"
#include "pd-new-client-rows.h"
#include "pd-new-client-wizard-private.h"
#include "pd-settings-check.h"

/* The steps that take input, then the two that follow Create */
static const char *const steps[] = { "client", "details", "services", "create", "done", NULL };

/* The regions of the contract (OrganizationRegion), after “usual for the country” */
static const PdRegion regions[] = { PD_REGION_US, PD_REGION_EU, PD_REGION_UK, PD_REGION_CA, PD_REGION_AU, PD_REGION_JP, PD_REGION_BR };
static const PdPlanType plan_types[] = { PD_PLAN_TYPE_PERSONAL, PD_PLAN_TYPE_BACKUP, PD_PLAN_TYPE_ARCHIVER };

G_DEFINE_FINAL_TYPE (PdNewClientWizard, pd_new_client_wizard, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

char *
pd_new_client_wizard_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (text_of (row)));
}

static guint
step_index (const char *step)
{
  for (guint i = 0; steps[i] != NULL; i++)
    if (g_strcmp0 (steps[i], step) == 0)
      return i;
  return 0;
}

static guint
current_step (PdNewClientWizard *self)
{
  return step_index (gtk_stack_get_visible_child_name (self->stack));
}

const char *
pd_new_client_wizard_enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

int
pd_new_client_wizard_enum_value (GType       type,
            const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return found != NULL ? found->value : 0;
}

/* ---- the draft ----------------------------------------------------------------------- */

static const char *
chosen_country (PdNewClientWizard *self)
{
  PdCountry *country = gtk_drop_down_get_selected_item (self->country_dropdown);

  return country != NULL ? pd_country_get_code (country) : NULL;
}

void
pd_new_client_wizard_read_fields (PdNewClientWizard *self)
{
  PdNewClientDraft *draft = self->draft;
  guint region = adw_combo_row_get_selected (self->region_row);
  guint plan_type = adw_combo_row_get_selected (self->plan_type_row);
  g_autoptr(GStrvBuilder) applications = g_strv_builder_new ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_SERVICE_APPLICATION);

  if (self->filling)
    return;
  g_free (draft->name);
  draft->name = g_strdup (text_of (self->name_row));
  g_free (draft->email);
  draft->email = g_strdup (text_of (self->email_row));
  g_free (draft->domain);
  draft->domain = g_strdup (text_of (self->domain_row));
  g_free (draft->country);
  draft->country = g_strdup (chosen_country (self));
  g_free (draft->region);
  draft->region = region > 0 && region <= G_N_ELEMENTS (regions) ? g_strdup (pd_new_client_wizard_enum_nick (PD_TYPE_REGION, regions[region - 1])) : NULL;
  g_free (draft->plan_name);
  draft->plan_name = g_strdup (text_of (self->plan_name_row));
  g_free (draft->plan_type);
  draft->plan_type = g_strdup (pd_new_client_wizard_enum_nick (PD_TYPE_PLAN_TYPE, plan_types[MIN (plan_type, G_N_ELEMENTS (plan_types) - 1)]));
  g_free (draft->price);
  draft->price = g_strdup (text_of (self->price_row));
  g_free (draft->currency);
  draft->currency = g_strdup (text_of (self->currency_row));
  g_free (draft->relationship);
  draft->relationship = g_strdup (gtk_check_button_get_active (self->reseller_check) ? "reseller" : "msp");
  for (guint i = 0; i < klass->n_values; i++)
    {
      GtkCheckButton *check = pd_new_client_rows_find_service (self->services_box, klass->values[i].value_nick);

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (applications, klass->values[i].value_nick);
    }
  g_strfreev (draft->applications);
  draft->applications = g_strv_builder_end (applications);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_fields (PdNewClientWizard *self)
{
  PdNewClientDraft *draft = self->draft;
  g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_SERVICE_APPLICATION);
  PdRegion region = pd_new_client_wizard_enum_value (PD_TYPE_REGION, draft->region);
  PdPlanType plan_type = pd_new_client_wizard_enum_value (PD_TYPE_PLAN_TYPE, draft->plan_type);

  self->filling = TRUE;
  set_text (self->name_row, draft->name);
  set_text (self->email_row, draft->email);
  set_text (self->domain_row, draft->domain);
  gtk_drop_down_set_selected (self->country_dropdown, draft->country != NULL ? pd_country_list_find (draft->country)
                                                                             : GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->region_row, 0);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (regions[i] == region)
      adw_combo_row_set_selected (self->region_row, i + 1);
  adw_combo_row_set_selected (self->plan_type_row, 1);  /* backup: what most clients have */
  for (guint i = 0; i < G_N_ELEMENTS (plan_types); i++)
    if (plan_types[i] == plan_type)
      adw_combo_row_set_selected (self->plan_type_row, i);
  set_text (self->plan_name_row, draft->plan_name);
  set_text (self->price_row, draft->price);
  set_text (self->currency_row, draft->currency);
  gtk_check_button_set_active (g_strcmp0 (draft->relationship, "reseller") == 0 ? self->reseller_check : self->msp_check, TRUE);
  for (guint i = 0; i < klass->n_values; i++)
    {
      GtkCheckButton *check = pd_new_client_rows_find_service (self->services_box, klass->values[i].value_nick);

      if (check != NULL)
        gtk_check_button_set_active (check, draft->applications != NULL &&
                                            g_strv_contains ((const char * const *) draft->applications, klass->values[i].value_nick));
    }
  self->filling = FALSE;
}

void
pd_new_client_wizard_save_draft (PdNewClientWizard *self)
{
  pd_new_client_wizard_read_fields (self);
  pd_new_client_draft_save (self->session, self->draft);
}

/* ---- checks -------------------------------------------------------------------------- */

static const char *
check_name (PdNewClientWizard *self)
{
  g_autofree char *name = pd_new_client_wizard_stripped (self->name_row);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *taken = self->taken_name != NULL ? g_utf8_casefold (self->taken_name, -1) : NULL;

  if (taken != NULL && g_str_equal (folded, taken))
    return _("Another client already has this name. Choose another one.");
  return pd_new_client_check_name (self->session, name, self->draft->organization_id);
}

const char *
pd_new_client_wizard_check_price (PdNewClientWizard *self,
             gint64            *cents)
{
  g_autofree char *currency = pd_new_client_wizard_stripped (self->currency_row);

  return pd_new_client_check_price (text_of (self->price_row), currency, cents);
}

static const char *
check_services (PdNewClientWizard *self)
{
  pd_new_client_wizard_read_fields (self);
  return g_strv_length (self->draft->applications) == 0 ? _("Choose at least one application to protect.") : NULL;
}

/* A field's check shows once the user changed it, or pressed Next on its step. */
static void
set_check (PdNewClientWizard *self,
           PdFieldErrors     *errors,
           guint              step,
           const char        *field,
           const char        *message)
{
  gboolean shown = self->attempted[step] || g_hash_table_contains (self->touched, field);

  pd_field_errors_set_check (errors, field, shown ? message : NULL);
}

/* Whether @step's input is fine; shows what is not (as far as it is to be shown) */
static gboolean
check_step (PdNewClientWizard *self,
            guint              step)
{
  const char *message;
  gboolean fine = TRUE;

  switch (step)
    {
    case 0:
      message = check_name (self);
      set_check (self, self->client_errors, 0, "name", message);
      fine &= message == NULL;
      message = pd_settings_check_email (text_of (self->email_row));
      set_check (self, self->client_errors, 0, "email", message);
      fine &= message == NULL;
      message = pd_new_client_check_domain (text_of (self->domain_row));
      set_check (self, self->client_errors, 0, "domain", message);
      fine &= message == NULL;
      break;
    case 1:
      message = pd_new_client_check_plan_name (text_of (self->plan_name_row));
      set_check (self, self->details_errors, 1, "plan.name", message);
      fine &= message == NULL;
      message = pd_new_client_check_currency (text_of (self->currency_row));
      set_check (self, self->details_errors, 1, "plan.currency", message);
      fine &= message == NULL;
      message = pd_new_client_wizard_check_price (self, NULL);
      set_check (self, self->details_errors, 1, "plan.price_cents", message);
      fine &= message == NULL;
      break;
    case 2:
      message = check_services (self);
      gtk_label_set_text (self->services_summary, self->attempted[2] && message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->services_summary), self->attempted[2] && message != NULL);
      fine &= message == NULL;
      break;
    default:
      break;
    }
  return fine;
}

/* The first row of @step whose input is wrong, to take the focus */
GtkWidget *
pd_new_client_wizard_first_wrong (PdNewClientWizard *self,
             guint              step)
{
  struct { PdFieldErrors *errors; const char *field; GtkWidget *row; } rows[] = {
    { self->client_errors, "name", GTK_WIDGET (self->name_row) },
    { self->client_errors, "email", GTK_WIDGET (self->email_row) },
    { self->client_errors, "domain", GTK_WIDGET (self->domain_row) },
    { self->details_errors, "country", GTK_WIDGET (self->country_dropdown) },
    { self->details_errors, "region", GTK_WIDGET (self->region_row) },
    { self->details_errors, "plan.name", GTK_WIDGET (self->plan_name_row) },
    { self->details_errors, "plan.type", GTK_WIDGET (self->plan_type_row) },
    { self->details_errors, "plan.price_cents", GTK_WIDGET (self->price_row) },
    { self->details_errors, "plan.currency", GTK_WIDGET (self->currency_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if ((step == 0) == (rows[i].errors == self->client_errors) && pd_field_errors_get (rows[i].errors, rows[i].field) != NULL)
      return rows[i].row;
  return NULL;
}

/* ---- steps --------------------------------------------------------------------------- */

void
pd_new_client_wizard_update_header (PdNewClientWizard *self)
{
  guint step = current_step (self);
  gboolean running = self->create != NULL && pd_new_client_create_is_running (self->create);
  gboolean failed = self->create != NULL && pd_new_client_create_count_failed (self->create) > 0;
  g_autofree char *subtitle = NULL;

  if (step < N_INPUT_STEPS)
    /* Translators: the wizard's progress, e.g. “Step 2 of 3” */
    subtitle = g_strdup_printf (_("Step %u of %u"), step + 1, N_INPUT_STEPS);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Once the organization exists, what it was created with is settled. */
  gtk_widget_set_visible (self->back_button, step > 0 && (step < N_INPUT_STEPS || (failed && self->draft->organization_id == NULL)));
  gtk_widget_set_visible (self->cancel_button, step == 0 || step == STEP_CREATE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), step == STEP_CREATE ? _("_Close") : _("_Cancel"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !running);
  if (step == 2)
    gtk_button_set_label (self->next_button, _("C_reate"));
  else if (step == STEP_CREATE)
    gtk_button_set_label (self->next_button, _("_Retry"));
  else if (step == STEP_DONE)
    gtk_button_set_label (self->next_button, _("_Done"));
  else
    gtk_button_set_label (self->next_button, _("_Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !running && (step != STEP_CREATE || failed));
}

static void
focus_step (PdNewClientWizard *self)
{
  GtkWidget *first[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->country_dropdown), NULL, NULL, NULL };
  guint step = current_step (self);
  GtkWidget *target = step < N_INPUT_STEPS ? pd_new_client_wizard_first_wrong (self, step) : NULL;

  if (target == NULL)
    target = first[step];
  if (target == NULL && step == 2)
    target = GTK_WIDGET (pd_new_client_rows_find_service (self->services_box, self->draft->applications[0] != NULL
                                                                                ? self->draft->applications[0] : "exchange"));
  if (target == NULL)
    target = GTK_WIDGET (self->next_button);
  gtk_widget_grab_focus (target);
}

void
pd_new_client_wizard_show_step (PdNewClientWizard *self,
           guint              step)
{
  gtk_stack_set_visible_child_name (self->stack, steps[step]);
  g_free (self->draft->step);
  self->draft->step = g_strdup (steps[step]);
  if (step < N_INPUT_STEPS)
    check_step (self, step);
  pd_new_client_wizard_update_header (self);
  focus_step (self);
}

static void
field_changed (PdNewClientWizard *self,
               GtkWidget         *widget)
{
  struct { GtkWidget *widget; const char *field; PdFieldErrors *errors; GtkWidget *row; } fields[] = {
    { GTK_WIDGET (self->name_row), "name", self->client_errors, NULL },
    { GTK_WIDGET (self->email_row), "email", self->client_errors, NULL },
    { GTK_WIDGET (self->domain_row), "domain", self->client_errors, NULL },
    { GTK_WIDGET (self->country_dropdown), "country", self->details_errors, GTK_WIDGET (self->country_row) },
    { GTK_WIDGET (self->region_row), "region", self->details_errors, NULL },
    { GTK_WIDGET (self->plan_name_row), "plan.name", self->details_errors, NULL },
    { GTK_WIDGET (self->plan_type_row), "plan.type", self->details_errors, NULL },
    { GTK_WIDGET (self->price_row), "plan.price_cents", self->details_errors, NULL },
    { GTK_WIDGET (self->currency_row), "plan.currency", self->details_errors, NULL },
  };
  guint step = current_step (self);

  if (self->filling || self->client_errors == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].widget == widget)
      {
        g_hash_table_add (self->touched, (gpointer) fields[i].field);
        pd_field_errors_forget_portal (fields[i].errors, fields[i].row != NULL ? fields[i].row : widget);
      }
  if (step < N_INPUT_STEPS)
    check_step (self, step);
}

/* An entry's text, a check button (template and service rows) */
static void
changed_cb (PdNewClientWizard *self,
            GtkWidget         *widget)
{
  field_changed (self, widget);
}

/* A drop-down or combo row */
static void
selected_cb (PdNewClientWizard *self,
             GParamSpec        *pspec,
             GtkWidget         *widget)
{
  field_changed (self, widget);
}

static void
back_clicked_cb (PdNewClientWizard *self)
{
  guint step = current_step (self);

  if (step >= N_INPUT_STEPS)
    step = N_INPUT_STEPS;
  if (step > 0)
    pd_new_client_wizard_show_step (self, step - 1);
  pd_new_client_wizard_save_draft (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PdNewClientWizard *self = PD_NEW_CLIENT_WIZARD (widget);

  if (gtk_widget_get_visible (self->back_button))
    back_clicked_cb (self);
}

static void
next_clicked_cb (PdNewClientWizard *self)
{
  guint step = current_step (self);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->next_button)))
    return;
  if (step < N_INPUT_STEPS)
    {
      self->attempted[step] = TRUE;
      if (!check_step (self, step))
        {
          focus_step (self);
          return;
        }
      if (step + 1 < N_INPUT_STEPS)
        {
          pd_new_client_wizard_show_step (self, step + 1);
          pd_new_client_wizard_save_draft (self);
          return;
        }
      pd_new_client_wizard_start_create (self);
    }
  else if (step == STEP_CREATE)
    pd_new_client_wizard_start_create (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- the window ---------------------------------------------------------------------- */

static gboolean
close_request_cb (PdNewClientWizard *self)
{
  if (current_step (self) != STEP_DONE)
    pd_new_client_wizard_save_draft (self);
  if (self->create != NULL)
    pd_new_client_create_stop (self->create);
  return FALSE;
}

static void
setup_choices (PdNewClientWizard *self)
{
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) plan_type_names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) name = gtk_property_expression_new (PD_TYPE_COUNTRY, NULL, "name");

  gtk_drop_down_set_expression (self->country_dropdown, name);
  gtk_drop_down_set_model (self->country_dropdown, pd_country_list_get_default ());
  gtk_string_list_append (region_names, _("Usual for the country"));
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    gtk_string_list_append (region_names, pd_client_format_region (regions[i]));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (region_names));
  for (guint i = 0; i < G_N_ELEMENTS (plan_types); i++)
    gtk_string_list_append (plan_type_names, pd_client_format_plan_type (plan_types[i]));
  adw_combo_row_set_model (self->plan_type_row, G_LIST_MODEL (plan_type_names));
  pd_new_client_rows_add_services (self->services_box, G_CALLBACK (changed_cb), self);
}

static void
setup_errors (PdNewClientWizard *self)
{
  self->client_errors = pd_field_errors_new (self->client_summary);
  pd_field_errors_add (self->client_errors, "name", GTK_WIDGET (self->name_row));
  pd_field_errors_add (self->client_errors, "email", GTK_WIDGET (self->email_row));
  pd_field_errors_add (self->client_errors, "domain", GTK_WIDGET (self->domain_row));
  self->details_errors = pd_field_errors_new (self->details_summary);
  pd_field_errors_add (self->details_errors, "country", GTK_WIDGET (self->country_row));
  pd_field_errors_add (self->details_errors, "region", GTK_WIDGET (self->region_row));
  pd_field_errors_add (self->details_errors, "plan.name", GTK_WIDGET (self->plan_name_row));
  pd_field_errors_add (self->details_errors, "plan.type", GTK_WIDGET (self->plan_type_row));
  pd_field_errors_add (self->details_errors, "plan.price_cents", GTK_WIDGET (self->price_row));
  pd_field_errors_add (self->details_errors, "plan.currency", GTK_WIDGET (self->currency_row));
  pd_field_errors_add (self->details_errors, "relationship", GTK_WIDGET (self->country_row));
}

/* A new draft: the country from the partner settings, the usual currency */
static void
start_draft (PdNewClientWizard *self)
{
  PdPartner *partner = pd_session_get_partner (self->session);

  if (partner != NULL && pd_partner_get_default_country (partner) != NULL)
    self->draft->country = g_strdup (pd_partner_get_default_country (partner));
  self->draft->currency = pd_new_client_usual_currency (self->session);
  self->draft->plan_type = g_strdup ("backup");
  self->draft->relationship = g_strdup ("msp");
}

static void
resume (PdNewClientWizard *self)
{
  guint step = step_index (self->draft->step);

  fill_fields (self);
  if (step >= STEP_CREATE)
    {
      /* Where it stopped: what is left is sent again (nothing twice) */
      self->attempted[0] = self->attempted[1] = self->attempted[2] = TRUE;
      pd_new_client_wizard_start_create (self);
      return;
    }
  pd_new_client_wizard_show_step (self, step);
}

static void
pd_new_client_wizard_dispose (GObject *object)
{
  PdNewClientWizard *self = PD_NEW_CLIENT_WIZARD (object);

  if (self->create != NULL)
    pd_new_client_create_stop (self->create);
  g_clear_object (&self->create);
  g_clear_pointer (&self->client_errors, pd_field_errors_free);
  g_clear_pointer (&self->details_errors, pd_field_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_NEW_CLIENT_WIZARD);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_new_client_wizard_parent_class)->dispose (object);
}

static void
pd_new_client_wizard_finalize (GObject *object)
{
  PdNewClientWizard *self = PD_NEW_CLIENT_WIZARD (object);

  pd_new_client_draft_free (self->draft);
  g_hash_table_unref (self->touched);
  g_free (self->taken_name);

  G_OBJECT_CLASS (pd_new_client_wizard_parent_class)->finalize (object);
}

static void
pd_new_client_wizard_class_init (PdNewClientWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_new_client_wizard_dispose;
  object_class->finalize = pd_new_client_wizard_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/newclient/pd-new-client-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, email_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, domain_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, client_summary);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, country_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, region_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, plan_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, plan_type_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, price_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, currency_row);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, msp_check);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, reseller_check);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, details_summary);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, services_box);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, services_summary);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, create_page);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, progress_list);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, try_now_button);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, done_page);
  gtk_widget_class_bind_template_child (widget_class, PdNewClientWizard, done_list);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "try_now_clicked_cb", G_CALLBACK (pd_new_client_wizard_try_now_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "open_clicked_cb", G_CALLBACK (pd_new_client_wizard_open_clicked));
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
}

static void
pd_new_client_wizard_init (PdNewClientWizard *self)
{
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_choices (self);
  setup_errors (self);
}

GtkWindow *
pd_new_client_wizard_new (PdSession        *session,
                          GtkWidget        *parent,
                          PdNewClientDraft *draft)
{
  PdNewClientWizard *self;
  GtkRoot *root;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (PD_TYPE_NEW_CLIENT_WIZARD, "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
  self->session = g_object_ref (session);
  g_set_weak_pointer (&self->parent, parent);
  self->draft = draft != NULL ? draft : pd_new_client_draft_new ();
  if (draft == NULL)
    start_draft (self);
  resume (self);
  return GTK_WINDOW (self);
}
