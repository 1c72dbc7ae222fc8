/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-seat-picker-private.h"
#include "pd-service-info.h"

/* What is selected, and the seat limit: every selected account holds a seat (a paused one
 * keeps its seat), so the selection may not pass the service's total seats. A refusal says
 * why and what to do, in words beside the counter, never by colour alone. */

gint64
pd_seat_picker_get_seats_total (PdSeatPicker *self)
{
  return self->service != NULL ? pd_service_get_seats_total (self->service) : -1;
}

static const char *
service_name (PdSeatPicker *self)
{
  return pd_service_application_get_name (pd_service_get_application (self->service));
}

gboolean
pd_seat_picker_is_selected (PdSeatPicker *self,
                            PdAccount    *account)
{
  return g_hash_table_contains (self->selected, pd_resource_get_id (PD_RESOURCE (account)));
}

gboolean
pd_seat_picker_is_selectable (PdSeatPicker *self,
                              PdAccount    *account)
{
  /* a deleted account that holds no seat cannot be protected again; one that holds a seat
   * can still give it back */
  return pd_account_get_status (account) != PD_ACCOUNT_STATUS_DELETED ||
         pd_account_get_protection (account) != PD_ACCOUNT_PROTECTION_UNPROTECTED ||
         pd_seat_picker_is_selected (self, account);
}

static void
show_limit (PdSeatPicker *self,
            const char   *text)
{
  pd_seat_picker_show_notice (self, FALSE, text);
  self->limit_notice = text != NULL;
}

void
pd_seat_picker_update_limit_notice (PdSeatPicker *self)
{
  gint64 total = pd_seat_picker_get_seats_total (self);
  guint n = g_hash_table_size (self->selected);
  g_autofree char *text = NULL;

  if (total >= 0 && (gint64) n > total)
    {
      guint over = n - (guint) total;

      text = g_strdup_printf (
        /* Translators: “23 accounts are selected but this client’s Exchange license has 20 seats. Deselect 3, or
         * raise the license tier.” The first %u is the selected count; the last one, how many are too many. */
        ngettext ("%u accounts are selected but this client’s %s license has %lu seats. "
                  "Deselect %u, or raise the license tier.",
                  "%u accounts are selected but this client’s %s license has %lu seats. "
                  "Deselect %u, or raise the license tier.", over),
        n, service_name (self), (gulong) total, over);
      show_limit (self, text);
    }
  else if (self->limit_notice && !self->applying)
    show_limit (self, NULL);
}

gboolean
pd_seat_picker_toggle (PdSeatPicker *self,
                       PdAccount    *account,
                       gboolean      selected)
{
  const char *id = pd_resource_get_id (PD_RESOURCE (account));
  gint64 total = pd_seat_picker_get_seats_total (self);

  if (selected == g_hash_table_contains (self->selected, id))
    return TRUE;
  if (selected && total >= 0 && (gint64) g_hash_table_size (self->selected) >= total)
    {
      g_autofree char *text = NULL;

      if (total == 0)
        /* Translators: “This client’s Exchange license has no seats. Raise the license tier to protect Ada.” */
        text = g_strdup_printf (_("This client’s %s license has no seats. Raise the license tier to protect %s."),
                                service_name (self), pd_account_get_display_name (account));
      else
        text = g_strdup_printf (
          /* Translators: “All 20 seats of this client’s Exchange license are taken. To protect Ada Lovelace too,
           * raise the license tier, or deselect another account first.” */
          ngettext ("This client’s %2$s license has %1$lu seat, and it is taken. To protect %3$s "
                    "instead, deselect the other account first, or raise the license tier.",
                    "All %1$lu seats of this client’s %2$s license are taken. To protect %3$s too, "
                    "raise the license tier, or deselect another account first.", (gulong) total),
          (gulong) total, service_name (self), pd_account_get_display_name (account));
      show_limit (self, text);
      return FALSE;
    }
  if (selected)
    g_hash_table_add (self->selected, g_strdup (id));
  else
    g_hash_table_remove (self->selected, id);
  pd_seat_picker_selection_changed (self);
  return TRUE;
}

void
pd_seat_picker_take_selection (PdSeatPicker *self)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  GHashTableIter iter;
  const char *id;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      const char *account_id = pd_resource_get_id (PD_RESOURCE (account));

      /* the ids point into the list's accounts, which outlive this function */
      g_hash_table_add (listed, (gpointer) account_id);
      if (!self->selection_set && pd_account_get_protection (account) != PD_ACCOUNT_PROTECTION_UNPROTECTED)
        g_hash_table_add (self->selected, g_strdup (account_id));
    }
  self->selection_set = TRUE;

  /* a draft may name accounts that are gone from the tenant since */
  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (listed, id))
      g_hash_table_iter_remove (&iter);
}

/* ---- select all / none --------------------------------------------------------------- */

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PdSeatPicker *self = PD_SEAT_PICKER (widget);
  GListModel *shown = G_LIST_MODEL (self->filtered);
  gint64 total = pd_seat_picker_get_seats_total (self);
  guint n = g_list_model_get_n_items (shown);
  guint n_left = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (shown, i);

      if (pd_seat_picker_is_selected (self, account) || !pd_seat_picker_is_selectable (self, account))
        continue;
      if (total >= 0 && (gint64) g_hash_table_size (self->selected) >= total)
        n_left++;
      else
        g_hash_table_add (self->selected, g_strdup (pd_resource_get_id (PD_RESOURCE (account))));
    }
  pd_seat_picker_refresh_rows (self);
  pd_seat_picker_selection_changed (self);

  if (n_left > 0)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: “Selection stopped at the license’s 20 seats: 7 accounts shown are not selected. Raise the
         * license tier of this client’s Exchange to protect them too.” */
        ngettext ("Selection stopped at the license’s %lu seats: %u account shown is not "
                  "selected. Raise the license tier of this client’s %s to protect it too.",
                  "Selection stopped at the license’s %lu seats: %u accounts shown are not "
                  "selected. Raise the license tier of this client’s %s to protect them too.", n_left),
        (gulong) total, n_left, service_name (self));
      show_limit (self, text);
    }
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PdSeatPicker *self = PD_SEAT_PICKER (widget);
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (shown, i);
      g_hash_table_remove (self->selected, pd_resource_get_id (PD_RESOURCE (account)));
    }
  pd_seat_picker_refresh_rows (self);
  pd_seat_picker_selection_changed (self);
}

void
pd_seat_picker_selection_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "seats.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "seats.select-none", NULL, select_none_action);
}

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* ---- public -------------------------------------------------------------------------- */

void
pd_seat_picker_set_selected_ids (PdSeatPicker       *self,
                                 const char * const *ids)
{
  g_return_if_fail (PD_IS_SEAT_PICKER (self));

  g_hash_table_remove_all (self->selected);
  self->selection_set = ids != NULL;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->selected, g_strdup (ids[i]));
  /* once loaded, a draft is checked against the list; before, the fetch does it */
  if (!self->loading && self->fetch_error == NULL)
    pd_seat_picker_take_selection (self);
  pd_seat_picker_refresh_rows (self);
  pd_seat_picker_update (self);  /* restored, not changed: nothing new to save */
}

char **
pd_seat_picker_dup_selected_ids (PdSeatPicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **ids = NULL;
  guint n;

  g_return_val_if_fail (PD_IS_SEAT_PICKER (self), NULL);

  /* sorted, so a draft saved twice reads the same */
  ids = (const char **) g_hash_table_get_keys_as_array (self->selected, &n);
  qsort (ids, n, sizeof (char *), compare_ids);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, ids[i]);
  return g_strv_builder_end (builder);
}

guint
pd_seat_picker_get_n_selected (PdSeatPicker *self)
{
  g_return_val_if_fail (PD_IS_SEAT_PICKER (self), 0);
  return g_hash_table_size (self->selected);
}

gboolean
pd_seat_picker_get_can_apply (PdSeatPicker *self)
{
  gint64 total;

  g_return_val_if_fail (PD_IS_SEAT_PICKER (self), FALSE);
  total = pd_seat_picker_get_seats_total (self);
  return self->accounts != NULL && !self->loading && self->fetch_error == NULL && !self->applying &&
         pd_seat_picker_can_change (self) && (total < 0 || (gint64) g_hash_table_size (self->selected) <= total);
}
