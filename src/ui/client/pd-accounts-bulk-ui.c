/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account.h"
#include "pd-account-bulk.h"
#include "pd-accounts-table-private.h"
#include "pd-portal-error.h"
#include "pd-service-info.h"

/* Bulk protect / pause / unprotect of the selected accounts: grouped per service (one
 * request each, at most 500 IDs), the seat limit checked before anything is sent, the
 * requests sent one after the other through the outbox, and what happened shown in the
 * notice above the table: per-item failures by name, or the portal's refusal. The lists are
 * fetched again afterwards, and a delta sync brings the tiles' new seat figures. */

typedef struct {
  char      *service_id;
  GPtrArray *accounts;  /* PdAccount, at most PD_ACCOUNT_BULK_MAX_IDS */
} Group;

typedef struct {
  PdAccountsTable     *self;
  PdAccountBulkAction  action;
  GPtrArray           *groups;    /* Group */
  guint                next;
  guint                n_total;
  guint                n_ok;
  guint                n_unchanged;
  GPtrArray           *failures;  /* title, detail, title, detail, … */
  GError              *error;     /* a request refused as a whole */
  gboolean             seat_limit;
} Bulk;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->service_id);
  g_ptr_array_unref (group->accounts);
  g_free (group);
}

static void
bulk_free (Bulk *bulk)
{
  g_clear_object (&bulk->self);
  g_ptr_array_unref (bulk->groups);
  g_ptr_array_unref (bulk->failures);
  g_clear_error (&bulk->error);
  g_free (bulk);
}

static const char *
service_label (PdAccountsTable *self,
               const char      *service_id)
{
  PdService *service = pd_accounts_table_lookup_service (self, service_id);

  return service ? pd_service_application_get_name (pd_service_get_application (service)) : service_id;
}

/* ---- the notice ---------------------------------------------------------------------- */

void
pd_accounts_table_show_notice (PdAccountsTable *self,
                               const char      *css_class,
                               const char      *title,
                               const char      *text,
                               GPtrArray       *items)
{
  static const char *const classes[] = { "pd-notice-error", "pd-notice-warning", "pd-notice-success" };
  g_autofree char *tint = g_strconcat ("pd-notice-", css_class, NULL);
  GtkWidget *child;

  /* not libadwaita's "error" class: that would colour every word of the notice */
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->notice_box, classes[i]);
  gtk_widget_add_css_class (self->notice_box, tint);
  gtk_image_set_from_icon_name (self->notice_icon,
                                g_str_equal (css_class, "success") ? "emblem-ok-symbolic"
                                : g_str_equal (css_class, "error") ? "dialog-error-symbolic"
                                : "dialog-warning-symbolic");
  gtk_label_set_text (self->notice_title, title);
  gtk_label_set_text (self->notice_text, text);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_text), text != NULL && *text != '\0');

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notice_list))) != NULL)
    gtk_list_box_remove (self->notice_list, child);
  for (guint i = 0; items != NULL && i + 1 < items->len; i += 2)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name = gtk_label_new (g_ptr_array_index (items, i));
      GtkWidget *detail = gtk_label_new (g_ptr_array_index (items, i + 1));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), detail);
      gtk_widget_set_margin_top (row, 3);
      gtk_widget_set_margin_bottom (row, 3);
      gtk_list_box_append (self->notice_list, row);
    }
  gtk_widget_set_visible (self->notice_scroller, items != NULL && items->len > 0);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
}

void
pd_accounts_table_hide_notice (PdAccountsTable *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

/* ---- selection bar ------------------------------------------------------------------- */

void
pd_accounts_table_update_selection (PdAccountsTable *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  guint64 n;

  if (self->selection == NULL)
    return;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n = gtk_bitset_get_size (selected);

  gtk_revealer_set_reveal_child (self->selection_revealer, n > 0 || self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->bulk_buttons), self->can_protect);
  gtk_widget_set_visible (GTK_WIDGET (self->bulk_spinner), self->busy);
  gtk_spinner_set_spinning (self->bulk_spinner, self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.bulk", n > 0 && self->can_protect && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.clear-selection", n > 0 && !self->busy);
  if (self->busy)
    return;  /* the bulk action's own words stay */

  if (!self->can_protect)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: %u is a number of selected accounts */
        g_dngettext (GETTEXT_PACKAGE,
                     "%u selected. Your role can see accounts but not change their protection: that needs the permission “accounts.protect”.",
                     "%u selected. Your role can see accounts but not change their protection: that needs the permission “accounts.protect”.",
                     (gulong) n), (guint) n);
      gtk_label_set_text (self->selection_label, text);
    }
  else
    {
      /* Translators: %u is a number of selected accounts */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", (gulong) n),
                                               (guint) n);
      gtk_label_set_text (self->selection_label, text);
    }
}

static void
set_busy (PdAccountsTable *self,
          gboolean         busy,
          const char      *text)
{
  self->busy = busy;
  if (text != NULL)
    gtk_label_set_text (self->selection_label, text);
  pd_accounts_table_update_selection (self);
}

/* ---- before sending: the seat limit --------------------------------------------------- */

/* NULL when every service has the open seats the protection needs; otherwise the
 * explanation, one sentence per service over its limit. */
static char *
explain_seat_limit (PdAccountsTable *self,
                    GPtrArray       *groups)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) needed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);

  /* paused accounts hold their seat and deleted ones fail by themselves: only unprotected
   * accounts of the tenant take a new seat (as the portal counts) */
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      guint need = GPOINTER_TO_UINT (g_hash_table_lookup (needed, group->service_id));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (selected, group->service_id));

      for (guint j = 0; j < group->accounts->len; j++)
        {
          PdAccount *account = g_ptr_array_index (group->accounts, j);

          need += pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_UNPROTECTED &&
                  pd_account_get_status (account) != PD_ACCOUNT_STATUS_DELETED;
        }
      g_hash_table_insert (needed, group->service_id, GUINT_TO_POINTER (need));
      g_hash_table_insert (selected, group->service_id, GUINT_TO_POINTER (count + group->accounts->len));
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      PdService *service = pd_accounts_table_lookup_service (self, group->service_id);
      guint need = GPOINTER_TO_UINT (g_hash_table_lookup (needed, group->service_id));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (selected, group->service_id));
      gint64 open;
      g_autofree char *accounts = NULL;
      g_autofree char *seats = NULL;
      g_autofree char *has = NULL;

      if (service == NULL || need == 0 || !g_hash_table_remove (needed, group->service_id))
        continue;  /* unknown figures: the portal decides; or this service was told already */
      open = MAX (pd_service_get_seats_open (service), 0);
      if ((gint64) need <= open)
        continue;

      accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", count), count);
      seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open seat", "%u open seats", need), need);
      has = g_strdup_printf ("%" G_GINT64_FORMAT, open);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: “Protecting 12 accounts needs 12 open seats; this client’s Exchange has 8.” */
      g_string_append_printf (text, _("Protecting %s needs %s; this client’s %s has %s."),
                              accounts, seats, service_label (self, group->service_id), has);
    }
  if (text->len == 0)
    return NULL;
  g_string_append_c (text, ' ');
  g_string_append (text, _("Raise the license tier or protect fewer. Nothing was changed."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- sending ------------------------------------------------------------------------- */

static const char *
done_verb (PdAccountBulkAction action)
{
  switch (action)
    {
    case PD_ACCOUNT_BULK_ACTION_PROTECT: return C_("bulk done", "Protected");
    case PD_ACCOUNT_BULK_ACTION_PAUSE: return C_("bulk done", "Paused");
    case PD_ACCOUNT_BULK_ACTION_UNPROTECT:
    default: return C_("bulk done", "Unprotected");
    }
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* the sync engine's own state tells the header bar; nothing more to do here */
  if (!pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error))
    g_debug ("Sync after a bulk action: %s", error->message);
}

static void
finish (Bulk *bulk)
{
  PdAccountsTable *self = bulk->self;
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_failed = bulk->failures->len / 2;
  g_autofree char *summary = NULL;

  set_busy (self, FALSE, NULL);

  /* the accounts changed in place, and the service's seat figures with them */
  for (guint i = 0; i < bulk->groups->len; i++)
    {
      Group *group = g_ptr_array_index (bulk->groups, i);

      if (g_hash_table_add (touched, group->service_id))
        pd_accounts_table_refetch_service (self, group->service_id);
    }
  if (engine != NULL)
    pd_sync_engine_sync_async (engine, FALSE, NULL, on_synced, NULL);

  if (bulk->error != NULL)
    {
      const char *title = bulk->seat_limit ? _("The portal refused: not enough open seats")
                                           : _("The portal refused the change");
      g_autofree char *text = NULL;

      if (bulk->n_ok + bulk->n_unchanged > 0)
        /* Translators: the first %s is the portal's reason, then “Protected” and a count */
        text = g_strdup_printf (_("%s The other services’ accounts were done: %s %u."), bulk->error->message,
                                done_verb (bulk->action), bulk->n_ok);
      else
        /* the portal's seat-limit message already says how many are needed and open, and
         * what to do about it */
        text = g_strdup_printf ("%s %s", bulk->error->message, _("Nothing was changed."));
      pd_accounts_table_show_notice (self, "error", title, text, bulk->failures);
      return;
    }

  if (n_failed > 0)
    {
      g_autofree char *title = g_strdup_printf (
        /* Translators: “Paused 3 of 5 accounts” */
        g_dngettext (GETTEXT_PACKAGE, "%s %u of %u account", "%s %u of %u accounts", bulk->n_total),
        done_verb (bulk->action), bulk->n_ok + bulk->n_unchanged, bulk->n_total);
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u account could not be changed:", "%u accounts could not be changed:", n_failed),
        n_failed);

      pd_accounts_table_show_notice (self, "warning", title, text, bulk->failures);
      return;
    }

  pd_accounts_table_hide_notice (self);
  if (bulk->n_unchanged > 0)
    /* Translators: “Protected 3 accounts; 2 already were” */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u account; %u already were",
                                            "%s %u accounts; %u already were", bulk->n_ok),
                               done_verb (bulk->action), bulk->n_ok, bulk->n_unchanged);
  else
    /* Translators: “Protected 3 accounts” */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u account", "%s %u accounts", bulk->n_ok),
                               done_verb (bulk->action), bulk->n_ok);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", summary);
}

static void send_next (Bulk *bulk);

static void
on_bulk_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Bulk *bulk = user_data;
  Group *group = g_ptr_array_index (bulk->groups, bulk->next - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAccountBulkResult) outcome = pd_account_bulk_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      bulk_free (bulk);  /* the page is gone */
      return;
    }
  if (outcome == NULL)
    {
      if (bulk->error == NULL)
        {
          bulk->error = g_steal_pointer (&error);
          bulk->seat_limit = pd_account_bulk_error_is_seat_limit (bulk->error);
        }
      send_next (bulk);
      return;
    }

  bulk->n_ok += pd_account_bulk_result_count (outcome, PD_ACCOUNT_BULK_OUTCOME_OK);
  bulk->n_unchanged += pd_account_bulk_result_count (outcome, PD_ACCOUNT_BULK_OUTCOME_UNCHANGED);
  for (guint i = 0; i < pd_account_bulk_result_get_n_items (outcome); i++)
    {
      PdAccount *account;
      const char *name;

      if (pd_account_bulk_result_get_outcome (outcome, i) != PD_ACCOUNT_BULK_OUTCOME_ERROR)
        continue;
      account = i < group->accounts->len ? g_ptr_array_index (group->accounts, i) : NULL;
      name = account != NULL && g_strcmp0 (pd_resource_get_id (PD_RESOURCE (account)),
                                           pd_account_bulk_result_get_id (outcome, i)) == 0
             ? pd_account_get_display_name (account) : pd_account_bulk_result_get_id (outcome, i);
      g_ptr_array_add (bulk->failures, g_strdup_printf ("%s · %s", name, service_label (bulk->self, group->service_id)));
      g_ptr_array_add (bulk->failures, g_strdup (pd_account_bulk_result_get_problem_detail (outcome, i)));
    }
  send_next (bulk);
}

static void
send_next (Bulk *bulk)
{
  PdAccountsTable *self = bulk->self;
  g_autoptr(GPtrArray) ids = NULL;
  Group *group;

  if (bulk->next >= bulk->groups->len)
    {
      finish (bulk);
      bulk_free (bulk);
      return;
    }
  group = g_ptr_array_index (bulk->groups, bulk->next++);
  ids = g_ptr_array_new ();
  for (guint i = 0; i < group->accounts->len; i++)
    g_ptr_array_add (ids, (gpointer) pd_resource_get_id (g_ptr_array_index (group->accounts, i)));
  g_ptr_array_add (ids, NULL);
  pd_account_bulk_async (pd_session_get_outbox (self->session), self->organization_id, group->service_id,
                         bulk->action, (const char * const *) ids->pdata, self->cancellable, on_bulk_done, bulk);
}

/* The selection grouped per service in the table's order, in requests of at most 500 */
static GPtrArray *
group_selection (PdAccountsTable *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GHashTable) open_groups = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      const char *service_id = pd_account_get_service_id (account);
      Group *group = g_hash_table_lookup (open_groups, service_id);

      if (group == NULL || group->accounts->len >= PD_ACCOUNT_BULK_MAX_IDS)
        {
          group = g_new0 (Group, 1);
          group->service_id = g_strdup (service_id);
          group->accounts = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (groups, group);
          g_hash_table_insert (open_groups, group->service_id, group);
        }
      g_ptr_array_add (group->accounts, g_object_ref (account));
    }
  return groups;
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdAccountsTable *self = PD_ACCOUNTS_TABLE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *busy_text = NULL;
  PdAccountBulkAction action;
  Bulk *bulk;
  guint n = 0;

  if (self->busy || pd_session_get_outbox (self->session) == NULL)
    return;
  if (g_str_equal (name, "protect"))
    action = PD_ACCOUNT_BULK_ACTION_PROTECT;
  else if (g_str_equal (name, "pause"))
    action = PD_ACCOUNT_BULK_ACTION_PAUSE;
  else if (g_str_equal (name, "unprotect"))
    action = PD_ACCOUNT_BULK_ACTION_UNPROTECT;
  else
    g_return_if_reached ();

  groups = group_selection (self);
  if (groups->len == 0)
    return;
  if (action == PD_ACCOUNT_BULK_ACTION_PROTECT)
    {
      g_autofree char *limit = explain_seat_limit (self, groups);

      if (limit != NULL)
        {
          pd_accounts_table_show_notice (self, "error", _("Not enough open seats"), limit, NULL);
          return;
        }
    }

  bulk = g_new0 (Bulk, 1);
  bulk->self = g_object_ref (self);
  bulk->action = action;
  bulk->groups = g_steal_pointer (&groups);
  bulk->failures = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < bulk->groups->len; i++)
    n += ((Group *) g_ptr_array_index (bulk->groups, i))->accounts->len;
  bulk->n_total = n;

  switch (action)
    {
    case PD_ACCOUNT_BULK_ACTION_PROTECT:
      /* Translators: while the request is on its way */
      busy_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Protecting %u account…", "Protecting %u accounts…", n), n);
      break;
    case PD_ACCOUNT_BULK_ACTION_PAUSE:
      busy_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pausing %u account…", "Pausing %u accounts…", n), n);
      break;
    case PD_ACCOUNT_BULK_ACTION_UNPROTECT:
    default:
      busy_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Unprotecting %u account…", "Unprotecting %u accounts…", n), n);
      break;
    }
  pd_accounts_table_hide_notice (self);
  set_busy (self, TRUE, busy_text);
  send_next (bulk);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PdAccountsTable *self = PD_ACCOUNTS_TABLE (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pd_accounts_table_hide_notice (PD_ACCOUNTS_TABLE (widget));
}

void
pd_accounts_table_bulk_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "accounts.bulk", "s", bulk_action);
  gtk_widget_class_install_action (widget_class, "accounts.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "accounts.dismiss-notice", NULL, dismiss_notice_action);
}
