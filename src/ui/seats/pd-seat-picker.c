/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-figures.h"
#include "pd-client-format.h"
#include "pd-permission-gate.h"
#include "pd-portal-error.h"
#include "pd-seat-picker-private.h"
#include "pd-seat-picker-row.h"
#include "pd-service-info.h"
#include "pd-widgets-style.h"

/* The models: the session's account list of the service (updated in place by fetches),
 * filtered by one GtkCustomFilter (type, search), sorted by name, into a GtkListView, so a
 * tenant of thousands costs what the visible rows cost. The selection is a set of ids beside
 * the models: it survives filtering, and a draft can name accounts before they are loaded. */

G_DEFINE_FINAL_TYPE (PdSeatPicker, pd_seat_picker, ADW_TYPE_BIN)

enum { PROP_0, PROP_N_SELECTED, PROP_CAN_APPLY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- filtering ----------------------------------------------------------------------- */

/* Folding costs far more than matching: once per account, not per keystroke */
static const char *
search_key (PdSeatPicker *self,
            PdAccount    *account)
{
  const char *key = g_hash_table_lookup (self->search_keys, account);

  if (key == NULL)
    {
      g_autofree char *text = g_strconcat (pd_account_get_display_name (account), "\n",
                                           pd_account_get_email (account), NULL);
      key = pd_client_fold_text (text);
      g_hash_table_insert (self->search_keys, account, (char *) key);
    }
  return key;
}

static PdAccountType
selected_type (PdSeatPicker *self)
{
  guint position = gtk_drop_down_get_selected (self->type_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->type_kinds->len)
    return PD_ACCOUNT_TYPE_UNKNOWN;
  return g_array_index (self->type_kinds, PdAccountType, position);
}

static gboolean
filter_account (gpointer item,
                gpointer user_data)
{
  PdSeatPicker *self = user_data;
  PdAccount *account = item;
  PdAccountType kind = selected_type (self);

  if (kind != PD_ACCOUNT_TYPE_UNKNOWN && pd_account_get_kind (account) != kind)
    return FALSE;
  return self->search_key == NULL || strstr (search_key (self, account), self->search_key) != NULL;
}

/* The type filter offers the types this service has, so it never leads to an empty list. */
static void
update_type_filter (PdSeatPicker *self)
{
  PdAccountType current = selected_type (self);
  gboolean present[PD_ACCOUNT_TYPE_SHARED_DRIVE + 1] = { FALSE, };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      PdAccountType kind = pd_account_get_kind (account);

      if ((guint) kind < G_N_ELEMENTS (present))
        present[kind] = TRUE;
    }

  g_array_set_size (self->type_kinds, 0);
  for (PdAccountType kind = 0; (guint) kind < G_N_ELEMENTS (present); kind++)
    {
      if (kind != PD_ACCOUNT_TYPE_UNKNOWN && !present[kind])
        continue;
      if (kind == current)
        position = self->type_kinds->len;
      g_array_append_val (self->type_kinds, kind);
      gtk_string_list_append (names, kind == PD_ACCOUNT_TYPE_UNKNOWN ? _("All Types")
                                                                     : pd_client_format_account_type_plural (kind));
    }
  g_signal_handlers_block_matched (self->type_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->type_dropdown, position);
  g_signal_handlers_unblock_matched (self->type_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  /* one type only: nothing to choose */
  gtk_widget_set_visible (GTK_WIDGET (self->type_dropdown), self->type_kinds->len > 2);
}

/* ---- states -------------------------------------------------------------------------- */

static void
update_state (PdSeatPicker *self)
{
  guint n_all, n_shown;
  gboolean can_select;
  g_autofree char *shown = NULL;
  const char *page;

  if (self->filtered == NULL)
    return;  /* still in pd_seat_picker_new() */
  n_all = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (self->fetch_error != NULL && !self->loading)
    {
      /* not over cached rows either: seats chosen on stale protections would be wrong */
      adw_status_page_set_description (self->error_page, self->fetch_error->message);
      page = "error";
    }
  else if (n_all == 0)
    page = self->loading ? "loading" : "none";
  else
    page = n_shown == 0 ? "no-match" : "list";
  gtk_stack_set_visible_child_name (self->stack, page);
  /* GTK 4.8 animates a spinner on a hidden stack page too */
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));

  if (n_shown == n_all)
    /* Translators: %u is a number of accounts */
    shown = g_strdup_printf (ngettext ("%u account", "%u accounts", n_all), n_all);
  else
    /* Translators: “Showing 12 of 120 accounts” */
    shown = g_strdup_printf (ngettext ("Showing %u of %u account", "Showing %u of %u accounts", n_all),
                             n_shown, n_all);
  if (self->loading)
    {
      g_autofree char *loading = g_strdup_printf (_("%s, loading…"), shown);
      gtk_label_set_text (self->shown_label, loading);
    }
  else
    gtk_label_set_text (self->shown_label, shown);

  /* cached rows show while loading, but the selection starts from the fresh protections */
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_view), !self->loading && !self->applying);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_all > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), n_all > 0);
  can_select = n_shown > 0 && !self->loading && !self->applying && pd_seat_picker_can_change (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seats.select-all", can_select);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seats.select-none", can_select);
}

static void
refilter (PdSeatPicker *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

void
pd_seat_picker_show_notice (PdSeatPicker *self,
                            gboolean      error,
                            const char   *text)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->notice_label));

  if (text == NULL)
    {
      gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
      return;
    }
  gtk_widget_remove_css_class (box, error ? "pd-seat-notice-warning" : "pd-seat-notice-error");
  gtk_widget_add_css_class (box, error ? "pd-seat-notice-error" : "pd-seat-notice-warning");
  gtk_image_set_from_icon_name (self->notice_icon, error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_label_set_text (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
}

void
pd_seat_picker_update_counter (PdSeatPicker *self)
{
  gint64 total = pd_seat_picker_get_seats_total (self);
  guint n = g_hash_table_size (self->selected);
  g_autofree char *counter = NULL;
  g_autofree char *open = NULL;

  if (!self->selection_set)
    {
      /* Translators: the total seats of the license, while the accounts load */
      counter = total >= 0 ? g_strdup_printf (ngettext ("%lu seat", "%lu seats",
                                                        (gulong) total), (gulong) total)
                           : g_strdup (_("Seats"));
      open = g_strdup (self->loading ? _("Loading accounts…") : NULL);
      gtk_level_bar_set_value (self->seat_bar, 0);
    }
  else if (total < 0)
    {
      /* Translators: %u is a number of selected accounts; the license is not known */
      counter = g_strdup_printf (ngettext ("%u account selected", "%u accounts selected", n), n);
      gtk_level_bar_set_value (self->seat_bar, 0);
    }
  else
    {
      /* Translators: “12 of 20 seats”: selected accounts against the license's seats */
      counter = g_strdup_printf (ngettext ("%u of %lu seat", "%u of %lu seats",
                                           (gulong) total), n, (gulong) total);
      if ((gint64) n > total)
        /* Translators: %u is how many selected accounts have no seat */
        open = g_strdup_printf (ngettext ("%u over the license", "%u over the license", (gulong) (n - total)),
                                (guint) (n - total));
      else if ((gint64) n == total)
        open = g_strdup (_("No open seats"));
      else
        /* Translators: %u is a number of seats still free */
        open = g_strdup_printf (ngettext ("%u open", "%u open", (gulong) (total - n)), (guint) (total - n));
      gtk_level_bar_set_value (self->seat_bar, total > 0 ? MIN ((double) n / (double) total, 1.0) : (n > 0));
    }
  /* the words above say it too: the tint is not alone */
  if (total >= 0 && self->selection_set && (gint64) n > total)
    gtk_widget_add_css_class (GTK_WIDGET (self->seat_bar), "pd-seats-over");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->seat_bar), "pd-seats-over");
  gtk_label_set_text (self->counter_label, counter);
  gtk_label_set_text (self->open_label, open != NULL ? open : "");
  gtk_widget_set_visible (GTK_WIDGET (self->seat_bar), total >= 0);
}

void
pd_seat_picker_refresh_rows (PdSeatPicker *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      PdAccount *account = pd_seat_picker_row_get_account (row);

      if (account != NULL)
        pd_seat_picker_row_set (row, account, pd_seat_picker_is_selected (self, account),
                                pd_seat_picker_is_selectable (self, account),
                                pd_seat_picker_get_failure (self, account));
    }
}

/* ---- the rows ------------------------------------------------------------------------ */

static void
on_row_toggled (PdSeatPickerRow *row,
                gboolean         active,
                PdSeatPicker    *self)
{
  PdAccount *account = pd_seat_picker_row_get_account (row);

  if (!pd_seat_picker_toggle (self, account, active))
    pd_seat_picker_row_set (row, account, FALSE, pd_seat_picker_is_selectable (self, account),
                            pd_seat_picker_get_failure (self, account));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PdSeatPicker             *self)
{
  GtkWidget *row = pd_seat_picker_row_new ();

  /* the check inside takes the focus and the clicks */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, row);
  g_signal_connect_object (row, "toggled", G_CALLBACK (on_row_toggled), self, 0);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PdSeatPicker             *self)
{
  PdAccount *account = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  pd_seat_picker_row_set (PD_SEAT_PICKER_ROW (row), account,
                          pd_seat_picker_is_selected (self, account),
                          pd_seat_picker_is_selectable (self, account),
                          pd_seat_picker_get_failure (self, account));
  g_hash_table_add (self->rows, row);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            PdSeatPicker             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_hash_table_remove (self->rows, row);
  pd_seat_picker_row_set (PD_SEAT_PICKER_ROW (row), NULL, FALSE, TRUE, NULL);
}

/* ---- fetching ------------------------------------------------------------------------ */

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  PdSeatPicker *self;

  if (!pd_session_fetch_accounts_finish (PD_SESSION (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the picker is gone */

  self = PD_SEAT_PICKER (user_data);
  self->loading = FALSE;
  g_clear_error (&self->fetch_error);
  self->fetch_error = g_steal_pointer (&error);
  if (self->fetch_error == NULL)
    pd_seat_picker_take_selection (self);
  /* a name may have changed, or an account gone */
  g_hash_table_remove_all (self->search_keys);
  update_type_filter (self);
  /* updated in place: protections changed, and with them what the rows show */
  refilter (self);
  pd_seat_picker_refresh_rows (self);
  pd_seat_picker_update (self);
}

void
pd_seat_picker_refetch (PdSeatPicker *self)
{
  self->loading = TRUE;
  /* joins the session's own fetch; tells when the list is complete and why it failed */
  pd_session_fetch_accounts_async (self->session, pd_resource_get_id (PD_RESOURCE (self->organization)),
                                   pd_resource_get_id (PD_RESOURCE (self->service)),
                                   self->cancellable, on_fetched, self);
  pd_seat_picker_update (self);
}

static void
on_accounts_changed (PdSeatPicker *self)
{
  /* a removed account's address may come back as another account */
  g_hash_table_remove_all (self->search_keys);
  update_state (self);
}

static void
on_shown_changed (PdSeatPicker *self)
{
  update_state (self);
}

/* ---- callbacks and actions ----------------------------------------------------------- */

static void
on_search_changed (PdSeatPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    self->search_key = pd_client_fold_text (stripped);
  refilter (self);
}

static void
on_type_changed (PdSeatPicker *self)
{
  refilter (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pd_seat_picker_refetch (PD_SEAT_PICKER (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PdSeatPicker *self = PD_SEAT_PICKER (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  on_search_changed (self);
}

static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pd_seat_picker_show_notice (PD_SEAT_PICKER (widget), FALSE, NULL);
}

/* ---- GObject ------------------------------------------------------------------------- */

gboolean
pd_seat_picker_can_change (PdSeatPicker *self)
{
  return pd_session_has_permission (self->session, "accounts.protect") &&
         pd_permission_in_scope (self->session, pd_resource_get_id (PD_RESOURCE (self->organization)));
}

void
pd_seat_picker_update (PdSeatPicker *self)
{
  guint n = g_hash_table_size (self->selected);
  gboolean can_apply = pd_seat_picker_get_can_apply (self);

  pd_seat_picker_update_counter (self);
  pd_seat_picker_update_limit_notice (self);
  update_state (self);
  if (n != self->notified_n)
    {
      self->notified_n = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
    }
  if (can_apply != self->notified_can_apply)
    {
      self->notified_can_apply = can_apply;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_APPLY]);
    }
}

void
pd_seat_picker_selection_changed (PdSeatPicker *self)
{
  pd_seat_picker_update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Without the permission the rows cannot be checked (the gate on the list says why as a
 * tooltip); the notice says it where it is seen. */
static void
on_me_changed (PdSeatPicker *self)
{
  if (!pd_session_has_permission (self->session, "accounts.protect"))
    {
      g_autofree char *missing = pd_permission_explain_missing (self->session, "accounts.protect");
      /* Translators: %s says which permission the role lacks */
      g_autofree char *text = g_strdup_printf (_("%s Ask someone whose role may protect accounts to choose the "
                                                 "seats."), missing);

      pd_seat_picker_show_notice (self, FALSE, text);
    }
  pd_seat_picker_update (self);
}

static void
pd_seat_picker_dispose (GObject *object)
{
  PdSeatPicker *self = PD_SEAT_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SEAT_PICKER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->accounts);
  g_clear_object (&self->service);
  g_clear_object (&self->organization);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_seat_picker_parent_class)->dispose (object);
}

static void
pd_seat_picker_finalize (GObject *object)
{
  PdSeatPicker *self = PD_SEAT_PICKER (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->fetch_error);
  g_free (self->search_key);
  g_hash_table_unref (self->selected);
  g_hash_table_unref (self->failures);
  g_hash_table_unref (self->rows);
  g_hash_table_unref (self->search_keys);
  g_array_unref (self->type_kinds);
  G_OBJECT_CLASS (pd_seat_picker_parent_class)->finalize (object);
}

static void
pd_seat_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdSeatPicker *self = PD_SEAT_PICKER (object);

  switch (prop_id)
    {
    case PROP_N_SELECTED:
      g_value_set_uint (value, pd_seat_picker_get_n_selected (self));
      break;
    case PROP_CAN_APPLY:
      g_value_set_boolean (value, pd_seat_picker_get_can_apply (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_seat_picker_class_init (PdSeatPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_seat_picker_dispose;
  object_class->finalize = pd_seat_picker_finalize;
  object_class->get_property = pd_seat_picker_get_property;

  properties[PROP_N_SELECTED] = g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_APPLY] = g_param_spec_boolean ("can-apply", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/seats/pd-seat-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, select_all_button);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, select_none_button);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, counter_label);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, open_label);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, seat_bar);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, notice_icon);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, list_frame);
  gtk_widget_class_bind_template_child (widget_class, PdSeatPicker, shown_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_changed);

  gtk_widget_class_install_action (widget_class, "seats.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "seats.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "seats.dismiss-notice", NULL, dismiss_notice_action);
  pd_seat_picker_selection_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "pd-seat-picker");
  g_type_ensure (PD_TYPE_SEAT_PICKER_ROW);
  pd_style_ensure (RESOURCE_BASE_PATH "/seats/seats.css");
}

static void
pd_seat_picker_init (PdSeatPicker *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the default offsets would paint few seats used as a warning */
  gtk_level_bar_remove_offset_value (self->seat_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->seat_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->seat_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  /* typing anywhere in the picker searches, as in other GNOME lists */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_hash_table_new (NULL, NULL);
  /* keyed by the accounts of the session's list, which outlive the picker's use of them */
  self->search_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->type_kinds = g_array_new (FALSE, FALSE, sizeof (PdAccountType));
  self->filter = gtk_custom_filter_new (filter_account, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* the models come with the service, in pd_seat_picker_new() */
  selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

GtkWidget *
pd_seat_picker_new (PdSession      *session,
                    PdOrganization *organization,
                    PdService      *service)
{
  PdSeatPicker *self;
  GtkSortListModel *sorted;
  const char *organization_id;
  const char *service_id;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_ORGANIZATION (organization), NULL);
  g_return_val_if_fail (PD_IS_SERVICE (service), NULL);

  self = g_object_new (PD_TYPE_SEAT_PICKER, NULL);
  self->session = g_object_ref (session);
  self->organization = g_object_ref (organization);
  self->service = g_object_ref (service);
  organization_id = pd_resource_get_id (PD_RESOURCE (organization));
  service_id = pd_resource_get_id (PD_RESOURCE (service));

  /* first the fetch, which makes the list: asking for the list first would start the
   * session's own fetch, and ours would queue behind it */
  pd_seat_picker_refetch (self);
  self->accounts = g_object_ref (pd_session_get_accounts (session, organization_id, service_id));
  /* before the filter model's own handler, so it never meets a stale search key */
  g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (on_accounts_changed), self,
                           G_CONNECT_SWAPPED);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->accounts)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* by name, as a technician looks for an account; not by selection, or rows would jump */
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (
                                      PD_TYPE_ACCOUNT, NULL, "display-name"))));
  gtk_no_selection_set_model (GTK_NO_SELECTION (gtk_list_view_get_model (self->list_view)), G_LIST_MODEL (sorted));
  g_object_unref (sorted);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_shown_changed), self,
                           G_CONNECT_SWAPPED);
  /* the total seats may change with a sync (a new license tier) */
  g_signal_connect_object (service, "notify::seats-total", G_CALLBACK (pd_seat_picker_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::me", G_CALLBACK (on_me_changed), self, G_CONNECT_SWAPPED);
  pd_permission_gate_organization (self->list_frame, session, "accounts.protect", organization_id);
  update_type_filter (self);
  on_me_changed (self);
  return GTK_WIDGET (self);
}
