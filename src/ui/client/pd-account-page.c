/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account-bulk.h"
#include "pd-account-page.h"
#include "pd-account.h"
#include "pd-chip.h"
#include "pd-client-format.h"
#include "pd-format.h"
#include "pd-organization.h"
#include "pd-permission-gate.h"
#include "pd-portal-error.h"
#include "pd-service-info.h"
#include "pd-status-badge.h"
#include "pd-widgets-style.h"

struct _PdAccountPage
{
  GtkWidget            parent_instance;

  PdSession           *session;
  char                *organization_id;
  char                *service_id;
  char                *account_id;
  char                *title;
  PdResourceList      *accounts;       /* the service's, from the session */
  PdAccount           *account;
  GCancellable        *cancellable;
  gboolean             fetching;
  gboolean             changing;       /* a protection change is on its way */
  GPtrArray           *section_rows;   /* rows added to sections_group */
  GPtrArray           *detail_rows;    /* rows added to details_group */

  GtkStack            *stack;
  AdwStatusPage       *status_page;
  GtkLabel            *name_label;
  GtkLabel            *subtitle_label;
  GtkFlowBox          *chips_box;
  PdStatusBadge       *backup_badge;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *sections_group;
  GtkWidget           *actions_box;
  GtkWidget           *protect_button;
  GtkWidget           *pause_button;
  GtkWidget           *unprotect_button;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (PdAccountPage, pd_account_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SESSION, PROP_ORGANIZATION_ID, PROP_SERVICE_ID, PROP_ACCOUNT_ID, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_title (PdAccountPage *self,
           const char    *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
show_status (PdAccountPage *self,
             const char    *icon,
             const char    *title,
             const char    *description)
{
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static PdService *
lookup_service (PdAccountPage *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  PdOrganization *org;

  if (!PD_IS_RESOURCE_LIST (organizations))
    return NULL;
  org = PD_ORGANIZATION (pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), self->organization_id));
  if (org == NULL)
    return NULL;
  return PD_SERVICE (pd_resource_list_lookup (pd_organization_get_services (org), self->service_id));
}

/* ---- rows ---------------------------------------------------------------------------- */

static GtkWidget *
info_row (const char *title,
          const char *value,
          const char *tooltip)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static GtkWidget *
time_row (const char *title,
          GDateTime  *when,
          const char *never)
{
  g_autofree char *relative = when ? pd_format_relative_time (when, NULL) : g_strdup (never);
  g_autofree char *exact = pd_client_format_date_time (when);

  return info_row (title, relative, exact);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static void
update_details (PdAccountPage *self)
{
  PdAccount *account = self->account;
  PdAccountType kind = pd_account_get_kind (account);
  gboolean container = kind == PD_ACCOUNT_TYPE_SITE || kind == PD_ACCOUNT_TYPE_TEAM ||
                       kind == PD_ACCOUNT_TYPE_SHARED_DRIVE;
  g_autofree char *size = pd_format_bytes (pd_account_get_storage_bytes (account));
  /* grouped as the locale groups thousands */
  g_autofree char *items = g_strdup_printf ("%'" G_GINT64_FORMAT, pd_account_get_item_count (account));
  GtkWidget *badge = pd_status_badge_new ();
  GtkWidget *row;

  clear_rows (self->details_group, self->detail_rows);
  switch (kind)
    {
    case PD_ACCOUNT_TYPE_SITE: adw_preferences_group_set_title (self->details_group, _("Site")); break;
    case PD_ACCOUNT_TYPE_TEAM: adw_preferences_group_set_title (self->details_group, _("Team")); break;
    case PD_ACCOUNT_TYPE_SHARED_DRIVE: adw_preferences_group_set_title (self->details_group, _("Shared Drive")); break;
    default: adw_preferences_group_set_title (self->details_group, _("Backup")); break;
    }

  pd_status_badge_set_state (PD_STATUS_BADGE (badge),
                             pd_client_format_backup_status_badge (pd_account_get_backup_status (account)));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Backup status"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  add_row (self->details_group, self->detail_rows, row);
  add_row (self->details_group, self->detail_rows,
           time_row (_("Last backup"), pd_account_get_last_backup_at (account), _("Never")));
  /* sites, teams and shared drives hold files; a mailbox holds mails, events and contacts */
  add_row (self->details_group, self->detail_rows,
           info_row (container ? _("Files") : _("Items backed up"), items, NULL));
  add_row (self->details_group, self->detail_rows, info_row (_("Size"), size, NULL));
  add_row (self->details_group, self->detail_rows,
           info_row (_("Status in the tenant"), pd_client_format_account_status (pd_account_get_status (account)), NULL));
  add_row (self->details_group, self->detail_rows,
           info_row (_("ID in the tenant"), pd_account_get_external_id (account), pd_account_get_external_id (account)));
}

static void
update_sections (PdAccountPage *self)
{
  GListModel *sections = G_LIST_MODEL (pd_account_get_sections (self->account));
  guint n = g_list_model_get_n_items (sections);

  clear_rows (self->sections_group, self->section_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->sections_group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccountSection) section = g_list_model_get_item (sections, i);
      PdSectionDataType type = pd_account_section_get_data_type (section);
      PdBackupResult result = pd_account_section_get_last_result (section);
      GDateTime *last = pd_account_section_get_last_backup_at (section);
      g_autofree char *when = last ? pd_format_relative_time (last, NULL) : g_strdup (_("never"));
      /* Translators: a data type's summary: its status, then when it was last backed up */
      g_autofree char *subtitle = g_strdup_printf (_("%s · last backup %s"),
                                                   pd_client_format_section_status (pd_account_section_get_status (section)),
                                                   when);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", pd_client_format_data_type_icon (type),
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      GtkWidget *badge = pd_status_badge_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_client_format_data_type (type));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_widget_add_css_class (icon, "pd-section-icon");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      pd_status_badge_set_state (PD_STATUS_BADGE (badge), pd_client_format_backup_result_badge (result));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, pd_client_format_backup_result (result));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
      gtk_widget_add_css_class (row, "pd-section-row");

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                info_row (_("Status"), pd_client_format_section_status (pd_account_section_get_status (section)), NULL));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                time_row (_("Date added"), pd_account_section_get_added_at (section), _("Not protected")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), time_row (_("Last backup"), last, _("Never")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                info_row (_("Last result"), pd_client_format_backup_result (result), NULL));
      /* a technician opens an account to see what failed: the failed ones open by themselves */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), result == PD_BACKUP_RESULT_FAILED ||
                                                             result == PD_BACKUP_RESULT_WARNING);
      add_row (self->sections_group, self->section_rows, row);
    }
}

static void
update_header (PdAccountPage *self)
{
  PdAccount *account = self->account;
  PdService *service = lookup_service (self);
  const char *email = pd_account_get_email (account);
  PdAccountProtection protection = pd_account_get_protection (account);
  GtkWidget *child;
  GtkWidget *chip;

  set_title (self, pd_account_get_display_name (account));
  gtk_label_set_text (self->name_label, pd_account_get_display_name (account));
  gtk_label_set_text (self->subtitle_label, email != NULL && *email != '\0' ? email
                                              : pd_client_format_account_type (pd_account_get_kind (account)));
  pd_status_badge_set_state (self->backup_badge,
                             pd_client_format_backup_status_badge (pd_account_get_backup_status (account)));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
  gtk_flow_box_append (self->chips_box, pd_chip_new (pd_client_format_account_type (pd_account_get_kind (account)),
                                                     _("Account type")));
  if (service != NULL)
    gtk_flow_box_append (self->chips_box,
                         pd_chip_new (pd_service_application_get_name (pd_service_get_application (service)),
                                      pd_service_suite_get_name (pd_service_get_suite (service))));
  chip = pd_chip_new (pd_client_format_protection (protection),
                      protection == PD_ACCOUNT_PROTECTION_PAUSED ? _("Holds its seat but is not backed up")
                      : protection == PD_ACCOUNT_PROTECTION_UNPROTECTED ? _("Not backed up; takes no seat")
                      : _("Backed up; takes a seat"));
  if (protection == PD_ACCOUNT_PROTECTION_UNPROTECTED)
    gtk_widget_add_css_class (chip, "warning");
  gtk_flow_box_append (self->chips_box, chip);
  if (pd_account_get_status (account) != PD_ACCOUNT_STATUS_ACTIVE)
    {
      chip = pd_chip_new (pd_client_format_account_status (pd_account_get_status (account)), NULL);
      gtk_widget_add_css_class (chip, "error");
      gtk_flow_box_append (self->chips_box, chip);
    }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* facts to read, not Tab stops; and as wide as their words */
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_halign (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)), GTK_ALIGN_START);
    }
}

/* Only what the role may do and what the account's state allows: protect (or resume) an
 * unprotected or paused account, pause a protected one, unprotect either. */
static void
update_actions (PdAccountPage *self)
{
  PdAccountProtection protection = pd_account_get_protection (self->account);
  gboolean can = pd_session_has_permission (self->session, "accounts.protect");
  gboolean deleted = pd_account_get_status (self->account) == PD_ACCOUNT_STATUS_DELETED;

  gtk_widget_set_visible (self->actions_box, can);
  gtk_widget_set_visible (self->protect_button, protection != PD_ACCOUNT_PROTECTION_PROTECTED && !deleted);
  gtk_button_set_label (GTK_BUTTON (self->protect_button),
                        protection == PD_ACCOUNT_PROTECTION_PAUSED ? _("Resume") : _("Protect"));
  gtk_widget_set_visible (self->pause_button, protection == PD_ACCOUNT_PROTECTION_PROTECTED);
  gtk_widget_set_visible (self->unprotect_button, protection != PD_ACCOUNT_PROTECTION_UNPROTECTED);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->changing);
  gtk_spinner_set_spinning (self->spinner, self->changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.change", can && !self->changing);
}

static void
update_account (PdAccountPage *self)
{
  update_actions (self);
  update_header (self);
  update_details (self);
  update_sections (self);
}

/* ---- finding the account ------------------------------------------------------------- */

static void
look_up_account (PdAccountPage *self)
{
  PdResource *found;

  if (self->account != NULL)
    return;
  found = pd_resource_list_lookup (self->accounts, self->account_id);
  if (found == NULL)
    {
      if (self->fetching)
        show_status (self, "content-loading-symbolic", _("Loading the Account…"), NULL);
      else
        {
          set_title (self, _("Account Not Found"));
          show_status (self, "system-search-symbolic", _("Account Not Found"),
                       _("The portal no longer lists this account for the service. It may have been removed "
                         "from the client’s tenant."));
        }
      return;
    }
  self->account = g_object_ref (PD_ACCOUNT (found));
  g_signal_connect_object (self->account, "notify", G_CALLBACK (update_account), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pd_account_get_sections (self->account), "items-changed",
                           G_CALLBACK (update_sections), self, G_CONNECT_SWAPPED);
  update_account (self);
  gtk_stack_set_visible_child_name (self->stack, "account");
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  PdAccountPage *self;

  if (!pd_session_fetch_accounts_finish (PD_SESSION (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PD_ACCOUNT_PAGE (user_data);
  self->fetching = FALSE;
  if (error != NULL && self->account == NULL)
    {
      /* a 403 names what is missing; anything else says why it could not be read */
      show_status (self, g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN)
                           ? "changes-prevent-symbolic" : "network-error-symbolic",
                   _("Account Not Available"), error->message);
      return;
    }
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                _("The account could not be refreshed"), error->message);
  look_up_account (self);
}

/* ---- changing the protection --------------------------------------------------------- */

static void
on_refetched (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* the account's notify redraws the page; a failure leaves the old state on screen */
  if (!pd_session_fetch_accounts_finish (PD_SESSION (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Refetch after a change: %s", error->message);
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAccountBulkResult) outcome = pd_account_bulk_finish (result, &error);
  PdSyncEngine *engine;
  PdAccountPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PD_ACCOUNT_PAGE (user_data);
  self->changing = FALSE;
  update_actions (self);
  if (outcome == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                  _("The account’s protection was not changed"), error->message);
      return;
    }
  if (pd_account_bulk_result_get_outcome (outcome, 0) == PD_ACCOUNT_BULK_OUTCOME_ERROR)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                _("The account’s protection was not changed"),
                                pd_account_bulk_result_get_problem_detail (outcome, 0));
  else
    {
      g_autofree char *text = NULL;

      switch (pd_account_bulk_result_get_action (outcome))
        {
        case PD_ACCOUNT_BULK_ACTION_PROTECT:
          /* Translators: %s is an account's name */
          text = g_strdup_printf (_("%s is protected"), self->title);
          break;
        case PD_ACCOUNT_BULK_ACTION_PAUSE:
          text = g_strdup_printf (_("%s is paused"), self->title);
          break;
        case PD_ACCOUNT_BULK_ACTION_UNPROTECT:
        default:
          text = g_strdup_printf (_("%s is no longer protected"), self->title);
          break;
        }
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
    }
  pd_session_fetch_accounts_async (self->session, self->organization_id, self->service_id, self->cancellable,
                                   on_refetched, self);
  /* the service's seat figures on the tiles */
  engine = pd_session_get_sync_engine (self->session);
  if (engine != NULL)
    pd_sync_engine_sync_async (engine, FALSE, NULL, NULL, NULL);
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdAccountPage *self = PD_ACCOUNT_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  const char *ids[] = { self->account_id, NULL };
  PdAccountBulkAction action = PD_ACCOUNT_BULK_ACTION_UNPROTECT;
  PdService *service = lookup_service (self);

  if (self->account == NULL || self->changing || pd_session_get_outbox (self->session) == NULL)
    return;
  if (g_str_equal (name, "protect"))
    action = PD_ACCOUNT_BULK_ACTION_PROTECT;
  else if (g_str_equal (name, "pause"))
    action = PD_ACCOUNT_BULK_ACTION_PAUSE;

  /* an unprotected account takes a seat: said before asking, when there is none */
  if (action == PD_ACCOUNT_BULK_ACTION_PROTECT && service != NULL &&
      pd_account_get_protection (self->account) == PD_ACCOUNT_PROTECTION_UNPROTECTED &&
      pd_service_get_seats_open (service) < 1)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: %s is a service such as “Exchange” */
        _("Protecting this account needs an open seat; this client’s %s has none. Raise the license tier or "
          "free a seat first."), pd_service_application_get_name (pd_service_get_application (service)));
      gtk_widget_activate_action (widget, "win.show-error", "(ss)", _("Not enough open seats"), text);
      return;
    }
  self->changing = TRUE;
  update_actions (self);
  pd_account_bulk_async (pd_session_get_outbox (self->session), self->organization_id, self->service_id,
                         action, ids, self->cancellable, on_changed, self);
}

/* What the portal would refuse is not asked for: explained instead. */
static gboolean
check_access (PdAccountPage *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  PdOrganization *org = NULL;

  if (PD_IS_RESOURCE_LIST (organizations))
    org = PD_ORGANIZATION (pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), self->organization_id));
  if (org != NULL && pd_organization_get_relationship (org) == PD_RELATIONSHIP_RESELLER)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: %s is the client's name */
        _("Your company is the reseller of %s: you see its services and seat figures, but not its accounts."),
        pd_organization_get_name (org));
      set_title (self, _("Account Not Available"));
      show_status (self, "changes-prevent-symbolic", _("Account Not Available"), text);
      return FALSE;
    }
  if (!pd_session_has_permission (self->session, "accounts.read"))
    {
      g_autofree char *missing = pd_permission_explain_missing (self->session, "accounts.read");
      g_autofree char *text = NULL;

      /* Translators: %s says which permission the role lacks, e.g. “Your role “Finance” does not
       * have the permission “See accounts”.” */
      text = g_strdup_printf (_("%s Ask an owner or administrator of your company to grant it."), missing);
      set_title (self, _("Account Not Available"));
      show_status (self, "changes-prevent-symbolic", _("Account Not Available"), text);
      return FALSE;
    }
  return TRUE;
}

static void
pd_account_page_constructed (GObject *object)
{
  PdAccountPage *self = PD_ACCOUNT_PAGE (object);

  G_OBJECT_CLASS (pd_account_page_parent_class)->constructed (object);

  set_title (self, _("Account"));
  if (!check_access (self))
    return;
  /* the sections change with every backup: what is cached shows at once, then fresh (the
   * fetch first: it makes the list, so it is not queued behind the session's own) */
  self->fetching = TRUE;
  pd_session_fetch_accounts_async (self->session, self->organization_id, self->service_id,
                                   self->cancellable, on_fetched, self);
  self->accounts = g_object_ref (pd_session_get_accounts (self->session, self->organization_id, self->service_id));
  g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (look_up_account), self, G_CONNECT_SWAPPED);
  look_up_account (self);
}

/* ---- GObject ------------------------------------------------------------------------- */

GtkWidget *
pd_account_page_new (PdSession  *session,
                     const char *organization_id,
                     const char *service_id,
                     const char *account_id)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (organization_id != NULL && service_id != NULL && account_id != NULL, NULL);

  return g_object_new (PD_TYPE_ACCOUNT_PAGE, "session", session, "organization-id", organization_id,
                       "service-id", service_id, "account-id", account_id, NULL);
}

const char *
pd_account_page_get_title (PdAccountPage *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_PAGE (self), NULL);
  return self->title;
}

static void
pd_account_page_dispose (GObject *object)
{
  PdAccountPage *self = PD_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_ACCOUNT_PAGE);
  /* the template's root child is not bound, so dispose_template leaves it */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_account_page_parent_class)->dispose (object);
}

static void
pd_account_page_finalize (GObject *object)
{
  PdAccountPage *self = PD_ACCOUNT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->section_rows);
  g_ptr_array_unref (self->detail_rows);
  g_free (self->organization_id);
  g_free (self->service_id);
  g_free (self->account_id);
  g_free (self->title);
  G_OBJECT_CLASS (pd_account_page_parent_class)->finalize (object);
}

static void
pd_account_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdAccountPage *self = PD_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_ORGANIZATION_ID: g_value_set_string (value, self->organization_id); break;
    case PROP_SERVICE_ID: g_value_set_string (value, self->service_id); break;
    case PROP_ACCOUNT_ID: g_value_set_string (value, self->account_id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_account_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdAccountPage *self = PD_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: self->session = g_value_dup_object (value); break;
    case PROP_ORGANIZATION_ID: self->organization_id = g_value_dup_string (value); break;
    case PROP_SERVICE_ID: self->service_id = g_value_dup_string (value); break;
    case PROP_ACCOUNT_ID: self->account_id = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_account_page_class_init (PdAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = pd_account_page_constructed;
  object_class->dispose = pd_account_page_dispose;
  object_class->finalize = pd_account_page_finalize;
  object_class->get_property = pd_account_page_get_property;
  object_class->set_property = pd_account_page_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION, construct);
  properties[PROP_ORGANIZATION_ID] = g_param_spec_string ("organization-id", NULL, NULL, NULL, construct);
  properties[PROP_SERVICE_ID] = g_param_spec_string ("service-id", NULL, NULL, NULL, construct);
  properties[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_STATUS_BADGE);
  pd_style_ensure (RESOURCE_BASE_PATH "/client/client.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/client/pd-account-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-account-page");
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, chips_box);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, backup_badge);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, sections_group);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, protect_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, unprotect_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountPage, spinner);
  gtk_widget_class_install_action (widget_class, "account.change", "s", change_action);
}

static void
pd_account_page_init (PdAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->section_rows = g_ptr_array_new ();
  self->detail_rows = g_ptr_array_new ();
}
