/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account.h"
#include "pd-accounts-table-private.h"
#include "pd-client-format.h"
#include "pd-csv.h"
#include "pd-service-info.h"

/* The models: a GListStore of the per-service PdResourceLists the session fills, flattened,
 * filtered by one GtkCustomFilter (service focus, type, status, search), sorted by the
 * column view's own sorter, and a multi-selection on top. The session's lists are updated
 * in place, so the cells follow the accounts' notify (pd-accounts-columns.c). */

G_DEFINE_FINAL_TYPE (PdAccountsTable, pd_accounts_table, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_FOCUS_SERVICE, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The status filter's entries, in the order of the .ui's string list */
enum {
  STATUS_ALL,
  STATUS_PROTECTED,
  STATUS_PAUSED,
  STATUS_UNPROTECTED,
  STATUS_FAILED,
  STATUS_WARNING,
  STATUS_NEVER_RUN,
  STATUS_GONE,   /* deactivated or deleted in the tenant */
};

static char *
search_key_new (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return normalized != NULL ? g_utf8_casefold (normalized, -1) : NULL;
}

static gboolean
text_matches (const char *text,
              const char *key)
{
  g_autofree char *haystack = search_key_new (text);

  return haystack != NULL && strstr (haystack, key) != NULL;
}

static gboolean
matches_status (PdAccount *account,
                guint      status)
{
  switch (status)
    {
    case STATUS_PROTECTED:
      return pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_PROTECTED;
    case STATUS_PAUSED:
      return pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_PAUSED;
    case STATUS_UNPROTECTED:
      return pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_UNPROTECTED;
    case STATUS_FAILED:
      return pd_account_get_backup_status (account) == PD_BACKUP_STATUS_FAILED;
    case STATUS_WARNING:
      return pd_account_get_backup_status (account) == PD_BACKUP_STATUS_WARNING;
    case STATUS_NEVER_RUN:
      return pd_account_get_backup_status (account) == PD_BACKUP_STATUS_NEVER_RUN;
    case STATUS_GONE:
      return pd_account_get_status (account) == PD_ACCOUNT_STATUS_DEACTIVATED ||
             pd_account_get_status (account) == PD_ACCOUNT_STATUS_DELETED;
    case STATUS_ALL:
    default:
      return TRUE;
    }
}

static gboolean
filter_account (gpointer item,
                gpointer user_data)
{
  PdAccountsTable *self = user_data;
  PdAccount *account = item;
  guint kind = gtk_drop_down_get_selected (self->type_dropdown);

  if (self->focus_service_id != NULL &&
      g_strcmp0 (pd_account_get_service_id (account), self->focus_service_id) != 0)
    return FALSE;
  /* the type list follows the enum: 0 all, then user, shared mailbox, site, team, shared drive */
  if (kind != 0 && kind != GTK_INVALID_LIST_POSITION && (guint) pd_account_get_kind (account) != kind)
    return FALSE;
  if (!matches_status (account, gtk_drop_down_get_selected (self->status_dropdown)))
    return FALSE;
  if (self->search_key != NULL &&
      !text_matches (pd_account_get_display_name (account), self->search_key) &&
      !text_matches (pd_account_get_email (account), self->search_key))
    return FALSE;
  return TRUE;
}

static gboolean
filters_active (PdAccountsTable *self)
{
  return self->search_key != NULL || self->focus_service_id != NULL ||
         gtk_drop_down_get_selected (self->type_dropdown) != 0 ||
         gtk_drop_down_get_selected (self->status_dropdown) != 0;
}

/* ---- states -------------------------------------------------------------------------- */

static void
update_state (PdAccountsTable *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->all));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  const char *page;

  if (self->restriction_title != NULL)
    {
      adw_status_page_set_title (self->restricted_page, self->restriction_title);
      adw_status_page_set_description (self->restricted_page, self->restriction_text);
      page = "restricted";
    }
  else if (n_all == 0 && self->pending_fetches > 0)
    page = "loading";
  else if (n_all == 0 && self->fetch_error != NULL)
    {
      adw_status_page_set_description (self->error_page, self->fetch_error->message);
      page = "error";
    }
  else if (n_shown == 0)
    {
      gboolean filtered = n_all > 0;

      adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Accounts") : _("No Accounts Yet"));
      adw_status_page_set_icon_name (self->empty_page, filtered ? "system-search-symbolic" : "system-users-symbolic");
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No account matches the search and filters.")
                                                : _("The portal lists no accounts for this client’s services. "
                                                    "Accounts appear once a service is authorized."));
      gtk_widget_set_visible (GTK_WIDGET (self->clear_filters_button), filtered && filters_active (self));
      page = "empty";
    }
  else
    page = "table";
  gtk_stack_set_visible_child_name (self->accounts_stack, page);
  /* GTK 4.8 animates a spinner on a hidden stack page too: a relayout every frame */
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));

  /* cached rows stay on screen when a refresh fails: the reason goes above them */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->fetch_error != NULL && n_all > 0 &&
                          self->restriction_title == NULL);
  if (self->fetch_error != NULL)
    gtk_label_set_text (self->error_label, self->fetch_error->message);

  if (self->restriction_title != NULL)
    gtk_label_set_text (self->count_label, "");
  else if (self->pending_fetches > 0 && n_all == 0)
    gtk_label_set_text (self->count_label, _("Loading accounts…"));
  else
    {
      g_autofree char *text = NULL;

      if (n_shown == n_all)
        /* Translators: %u is a number of accounts */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", n_all), n_all);
      else
        /* Translators: "12 of 120 accounts" */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u account", "%u of %u accounts", n_all),
                                n_shown, n_all);
      if (self->pending_fetches > 0)
        {
          g_autofree char *loading = g_strdup_printf (_("%s, loading…"), text);
          gtk_label_set_text (self->count_label, loading);
        }
      else
        gtk_label_set_text (self->count_label, text);
    }
}

void
pd_accounts_table_refilter (PdAccountsTable *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_rows_changed (PdAccountsTable *self)
{
  update_state (self);
  pd_accounts_table_update_selection (self);
}

/* ---- fetching ------------------------------------------------------------------------ */

static void
set_fetch_error (PdAccountsTable *self,
                 const GError    *error)
{
  g_clear_error (&self->fetch_error);
  if (error != NULL)
    self->fetch_error = g_error_copy (error);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  PdAccountsTable *self;

  if (!pd_session_fetch_accounts_finish (PD_SESSION (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the table is gone */

  self = PD_ACCOUNTS_TABLE (user_data);
  self->pending_fetches--;
  if (error != NULL && g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN))
    /* The portal knows better than the cached /me: say what it refused, by permission. */
    pd_accounts_table_set_restriction (self, _("Accounts Not Available"), error->message);
  else if (error != NULL)
    set_fetch_error (self, error);
  else if (self->pending_fetches == 0 && self->fetch_error != NULL)
    set_fetch_error (self, NULL);
  if (self->pending_fetches == 0)
    {
      /* Updated in place: rows whose protection or status changed may now (not) match, and
       * sort elsewhere. */
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  update_state (self);
}

static void
fetch_service (PdAccountsTable *self,
               const char      *service_id)
{
  if (self->pending_fetches++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  /* joins the session's own first fetch; tells when the list is complete (the loading
   * state) and why it failed */
  pd_session_fetch_accounts_async (self->session, self->organization_id, service_id,
                                   self->cancellable, on_fetched, self);
}

void
pd_accounts_table_refetch_service (PdAccountsTable *self,
                                   const char      *service_id)
{
  if (self->restriction_title != NULL)
    return;
  fetch_service (self, service_id);
  update_state (self);
}

/* The per-service lists follow the client's services. */
static void
sync_lists (PdAccountsTable *self)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (self->services == NULL || self->restriction_title != NULL)
    {
      g_list_store_remove_all (self->lists);
      update_state (self);
      return;
    }
  n = g_list_model_get_n_items (self->services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (self->services, i);
      const char *id = pd_resource_get_id (PD_RESOURCE (service));

      /* first the fetch, which makes the list: asking for the list first would start the
       * session's own fetch, and ours would queue behind it */
      if (!g_hash_table_contains (self->fetched, id))
        {
          g_hash_table_add (self->fetched, g_strdup (id));
          fetch_service (self, id);
        }
      g_ptr_array_add (lists, g_object_ref (pd_session_get_accounts (self->session, self->organization_id, id)));
    }
  g_list_store_splice (self->lists, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lists)),
                       lists->pdata, lists->len);
  update_state (self);
}

static void
on_services_changed (PdAccountsTable *self)
{
  sync_lists (self);
}

/* ---- public -------------------------------------------------------------------------- */

void
pd_accounts_table_setup (PdAccountsTable *self,
                         PdSession       *session,
                         const char      *organization_id,
                         GListModel      *services)
{
  g_return_if_fail (PD_IS_ACCOUNTS_TABLE (self));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->organization_id = g_strdup (organization_id);
  self->services = g_object_ref (services);
  g_signal_connect_object (services, "items-changed", G_CALLBACK (on_services_changed), self, G_CONNECT_SWAPPED);
  sync_lists (self);
}

void
pd_accounts_table_set_restriction (PdAccountsTable *self,
                                   const char      *title,
                                   const char      *description)
{
  g_return_if_fail (PD_IS_ACCOUNTS_TABLE (self));

  if (g_strcmp0 (self->restriction_title, title) == 0 && g_strcmp0 (self->restriction_text, description) == 0)
    return;
  g_free (self->restriction_title);
  g_free (self->restriction_text);
  self->restriction_title = g_strdup (title);
  self->restriction_text = g_strdup (description);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), title == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), title == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown), title == NULL);
  /* nothing to search or filter: the rows go, the explanation stays */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->search_entry)), title == NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->type_dropdown)), title == NULL);
  if (title != NULL)
    g_list_store_remove_all (self->lists);
  else
    sync_lists (self);
  update_state (self);
}

void
pd_accounts_table_set_can_protect (PdAccountsTable *self,
                                   gboolean         can_protect)
{
  g_return_if_fail (PD_IS_ACCOUNTS_TABLE (self));
  self->can_protect = can_protect;
  pd_accounts_table_update_selection (self);
}

void
pd_accounts_table_set_focus_service (PdAccountsTable *self,
                                     const char      *service_id)
{
  PdService *service;

  g_return_if_fail (PD_IS_ACCOUNTS_TABLE (self));

  if (service_id != NULL && *service_id == '\0')
    service_id = NULL;
  if (g_strcmp0 (self->focus_service_id, service_id) == 0)
    return;
  g_free (self->focus_service_id);
  self->focus_service_id = g_strdup (service_id);

  service = service_id ? pd_accounts_table_lookup_service (self, service_id) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->focus_button), service_id != NULL);
  if (service != NULL)
    {
      g_autofree char *label = g_strdup_printf (
        /* Translators: a button that shows only one service's accounts; %s is e.g. “Exchange” */
        _("Only %s"), pd_service_application_get_name (pd_service_get_application (service)));
      gtk_button_set_label (self->focus_button, label);
    }
  pd_accounts_table_refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_SERVICE]);
}

const char *
pd_accounts_table_get_focus_service (PdAccountsTable *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNTS_TABLE (self), NULL);
  return self->focus_service_id;
}

void
pd_accounts_table_refresh (PdAccountsTable *self)
{
  guint n;

  g_return_if_fail (PD_IS_ACCOUNTS_TABLE (self));
  if (self->services == NULL || self->restriction_title != NULL)
    return;
  n = g_list_model_get_n_items (self->services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (self->services, i);
      pd_accounts_table_refetch_service (self, pd_resource_get_id (PD_RESOURCE (service)));
    }
}

void
pd_accounts_table_set_narrow (PdAccountsTable *self,
                              gboolean         narrow)
{
  g_return_if_fail (PD_IS_ACCOUNTS_TABLE (self));

  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  /* On a narrow window a technician wants to know which account and whether it is backed
   * up, without scrolling sideways: name, protection and backup status stay; the name
   * cell's second line still tells the e-mail. */
  gtk_column_view_column_set_visible (self->type_column, !narrow);
  gtk_column_view_column_set_visible (self->service_column, !narrow);
  gtk_column_view_column_set_visible (self->last_backup_column, !narrow);
  /* the shield (or pause) icon alone: the column needs no more than that and its title */
  gtk_column_view_column_set_fixed_width (self->protection_column, narrow ? 56 : -1);
  pd_accounts_table_update_narrow_cells (self);
  /* the three bulk buttons go under the selection's words */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (GTK_WIDGET (self->bulk_buttons))),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

GListModel *
pd_accounts_table_get_visible (PdAccountsTable *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNTS_TABLE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GListModel *
pd_accounts_table_get_all (PdAccountsTable *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNTS_TABLE (self), NULL);
  return G_LIST_MODEL (self->all);
}

void
pd_accounts_table_focus_search (PdAccountsTable *self)
{
  g_return_if_fail (PD_IS_ACCOUNTS_TABLE (self));
  if (gtk_widget_is_sensitive (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
pd_accounts_table_get_loading (PdAccountsTable *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNTS_TABLE (self), FALSE);
  return self->pending_fetches > 0;
}

GBytes *
pd_accounts_table_build_csv (PdAccountsTable *self)
{
  const char *header[] = {
    C_("csv", "Account ID"), C_("csv", "Name"), C_("csv", "E-mail"), C_("csv", "Type"),
    C_("csv", "Service"), C_("csv", "Service ID"), C_("csv", "Protection"), C_("csv", "Backup status"),
    C_("csv", "Last backup"), C_("csv", "Status in tenant"), C_("csv", "Stored bytes"), C_("csv", "Items"), NULL
  };
  PdCsvWriter *writer;
  GListModel *rows;
  guint n;

  g_return_val_if_fail (PD_IS_ACCOUNTS_TABLE (self), NULL);

  writer = pd_csv_writer_new (header);
  rows = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (rows, i);
      PdService *service = pd_accounts_table_lookup_service (self, pd_account_get_service_id (account));
      GDateTime *last = pd_account_get_last_backup_at (account);
      /* ISO 8601 in UTC: a spreadsheet or a script reads it whatever the locale */
      g_autofree char *last_text = last ? g_date_time_format_iso8601 (last) : NULL;
      g_autofree char *bytes = g_strdup_printf ("%" G_GINT64_FORMAT, pd_account_get_storage_bytes (account));
      g_autofree char *items = g_strdup_printf ("%" G_GINT64_FORMAT, pd_account_get_item_count (account));
      const char *fields[] = {
        pd_resource_get_id (PD_RESOURCE (account)),
        pd_account_get_display_name (account),
        pd_account_get_email (account),
        pd_client_format_account_type (pd_account_get_kind (account)),
        service ? pd_service_application_get_name (pd_service_get_application (service)) : NULL,
        pd_account_get_service_id (account),
        pd_client_format_protection (pd_account_get_protection (account)),
        pd_badge_state_get_label (pd_client_format_backup_status_badge (pd_account_get_backup_status (account))),
        last_text,
        pd_client_format_account_status (pd_account_get_status (account)),
        bytes,
        items,
      };

      pd_csv_writer_add_row (writer, fields);
    }
  return pd_csv_writer_free_to_bytes (writer);
}

/* ---- template callbacks -------------------------------------------------------------- */

static void
on_search_changed (PdAccountsTable *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *key = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  while (g_ascii_isspace (*text))
    text++;
  key = *text != '\0' ? search_key_new (text) : NULL;
  if (g_strcmp0 (key, self->search_key) == 0)
    return;
  /* typing on narrows what is shown, deleting widens it: GTK then only looks at a part */
  if (key != NULL && self->search_key != NULL && strstr (key, self->search_key) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search_key != NULL && (key == NULL || strstr (self->search_key, key) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

/* Escape in the search empties it, as in the Clients page */
static void
on_stop_search (PdAccountsTable *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_selected (PdAccountsTable *self)
{
  if (self->filter != NULL)
    pd_accounts_table_refilter (self);
}

static void
on_focus_button_clicked (PdAccountsTable *self)
{
  pd_accounts_table_set_focus_service (self, NULL);
}

static void
on_clear_filters_clicked (PdAccountsTable *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  pd_accounts_table_set_focus_service (self, NULL);
}

static void
on_retry_clicked (PdAccountsTable *self)
{
  set_fetch_error (self, NULL);
  pd_accounts_table_refresh (self);
}

static void
on_activate (PdAccountsTable *self,
             guint            position)
{
  g_autoptr(PdAccount) account = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (account == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-account", "(sss)", self->organization_id,
                              pd_account_get_service_id (account), pd_resource_get_id (PD_RESOURCE (account)));
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_accounts_table_dispose (GObject *object)
{
  PdAccountsTable *self = PD_ACCOUNTS_TABLE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_ACCOUNTS_TABLE);
  /* the template's root child is not bound, so dispose_template leaves it */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
  g_clear_object (&self->lists);
  g_clear_object (&self->services);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_accounts_table_parent_class)->dispose (object);
}

static void
pd_accounts_table_finalize (GObject *object)
{
  PdAccountsTable *self = PD_ACCOUNTS_TABLE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->fetched, g_hash_table_unref);
  g_clear_error (&self->fetch_error);
  g_free (self->organization_id);
  g_free (self->restriction_title);
  g_free (self->restriction_text);
  g_free (self->focus_service_id);
  g_free (self->search_key);
  G_OBJECT_CLASS (pd_accounts_table_parent_class)->finalize (object);
}

static void
pd_accounts_table_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdAccountsTable *self = PD_ACCOUNTS_TABLE (object);

  switch (prop_id)
    {
    case PROP_FOCUS_SERVICE:
      g_value_set_string (value, self->focus_service_id);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->pending_fetches > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_accounts_table_class_init (PdAccountsTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_accounts_table_dispose;
  object_class->finalize = pd_accounts_table_finalize;
  object_class->get_property = pd_accounts_table_get_property;

  properties[PROP_FOCUS_SERVICE] =
    g_param_spec_string ("focus-service", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/client/pd-accounts-table.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-accounts-table");

  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, focus_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, accounts_stack);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, name_column);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, type_column);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, service_column);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, protection_column);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, backup_column);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, last_backup_column);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, restricted_page);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, bulk_buttons);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, protect_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, pause_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, unprotect_button);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, selection_label);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, bulk_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, notice_box);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, notice_icon);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, notice_title);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, notice_text);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, notice_list);
  gtk_widget_class_bind_template_child (widget_class, PdAccountsTable, notice_scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  pd_accounts_table_bulk_class_init (widget_class);
}

static void
pd_accounts_table_init (PdAccountsTable *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->fetched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->can_protect = TRUE;
  self->lists = g_list_store_new (G_TYPE_LIST_MODEL);
  self->all = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->lists)));
  self->filter = gtk_custom_filter_new (filter_account, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  pd_accounts_table_setup_columns (self);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), g_object_ref (sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  g_signal_connect_object (self->all, "items-changed", G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (pd_accounts_table_update_selection), self, G_CONNECT_SWAPPED);
  update_state (self);
}
