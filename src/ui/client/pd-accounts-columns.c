/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account.h"
#include "pd-accounts-table-private.h"
#include "pd-client-format.h"
#include "pd-format.h"
#include "pd-organization.h"
#include "pd-service-info.h"
#include "pd-status-badge.h"
#include "pd-tooltip.h"

/* The six columns of the accounts table. Each cell is made once per recycled row (setup)
 * and filled from its account (bind); while bound it follows the account's notify, so an
 * in-place update from a refetch redraws only the changed cell. */

typedef void (*CellUpdate) (PdAccountsTable *self,
                            GtkWidget       *cell,
                            PdAccount       *account);

typedef struct {
  PdAccountsTable *self;
  GtkWidget     *(*setup) (void);
  CellUpdate       update;
  GPtrArray       *cells;   /* every cell made, while it lives (for the narrow layout); held, so
                             * a cell torn down after its list item let go of it cannot dangle */
} Column;

#define BOUND_KEY "pd-bound-account"
#define HANDLER_KEY "pd-notify-handler"

PdService *
pd_accounts_table_lookup_service (PdAccountsTable *self,
                                  const char      *service_id)
{
  if (self->services == NULL || service_id == NULL)
    return NULL;
  if (PD_IS_RESOURCE_LIST (self->services))
    return PD_SERVICE (pd_resource_list_lookup (PD_RESOURCE_LIST (self->services), service_id));
  return NULL;
}

static const char *
service_name (PdAccountsTable *self,
              PdAccount       *account)
{
  PdService *service = pd_accounts_table_lookup_service (self, pd_account_get_service_id (account));

  return service ? pd_service_application_get_name (pd_service_get_application (service)) : "";
}

/* ---- cells --------------------------------------------------------------------------- */

static GtkWidget *
label_new (gboolean dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
name_setup (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *subtitle = label_new (TRUE);

  gtk_box_append (GTK_BOX (box), label_new (FALSE));
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static void
name_update (PdAccountsTable *self,
             GtkWidget       *cell,
             PdAccount       *account)
{
  GtkWidget *title = gtk_widget_get_first_child (cell);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *email = pd_account_get_email (account);

  gtk_label_set_text (GTK_LABEL (title), pd_account_get_display_name (account));
  /* sites and shared drives have no address: their type says what they are */
  gtk_label_set_text (GTK_LABEL (subtitle), email != NULL && *email != '\0' ? email
                                              : pd_client_format_account_type (pd_account_get_kind (account)));
  pd_tooltip_set (cell, email);
}

static GtkWidget *
text_setup (void)
{
  return label_new (FALSE);
}

static void
type_update (PdAccountsTable *self,
             GtkWidget       *cell,
             PdAccount       *account)
{
  gtk_label_set_text (GTK_LABEL (cell), pd_client_format_account_type (pd_account_get_kind (account)));
}

static GtkWidget *
icon_text_setup (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* the word beside it says it all */
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label_new (FALSE));
  return box;
}

static void
service_update (PdAccountsTable *self,
                GtkWidget       *cell,
                PdAccount       *account)
{
  PdService *service = pd_accounts_table_lookup_service (self, pd_account_get_service_id (account));
  GtkWidget *image = gtk_widget_get_first_child (cell);

  gtk_image_set_from_icon_name (GTK_IMAGE (image),
                                service ? pd_service_application_get_icon_name (pd_service_get_application (service)) : NULL);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (image)), service_name (self, account));
}

static void
protection_update (PdAccountsTable *self,
                   GtkWidget       *cell,
                   PdAccount       *account)
{
  static const char *const classes[] = { "pd-protection-unknown", "pd-protection-protected",
                                         "pd-protection-paused", "pd-protection-unprotected" };
  PdAccountProtection protection = pd_account_get_protection (account);
  GtkWidget *image = gtk_widget_get_first_child (cell);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), pd_client_format_protection_icon (protection));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (image)), pd_client_format_protection (protection));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (image), !self->narrow);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pd_client_format_protection (protection), -1);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (cell, classes[i]);
  if ((guint) protection < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (cell, classes[protection]);
  /* a deleted account is still listed but cannot be protected again: say so where it shows */
  if (pd_account_get_status (account) != PD_ACCOUNT_STATUS_ACTIVE)
    pd_tooltip_set (cell, pd_client_format_account_status (pd_account_get_status (account)));
  else
    /* narrow windows show the icon alone: the word is the tooltip */
    pd_tooltip_set (cell, self->narrow ? pd_client_format_protection (protection) : NULL);
}

static GtkWidget *
badge_setup (void)
{
  GtkWidget *badge = pd_status_badge_new ();

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static void
backup_update (PdAccountsTable *self,
               GtkWidget       *cell,
               PdAccount       *account)
{
  pd_status_badge_set_state (PD_STATUS_BADGE (cell),
                             pd_client_format_backup_status_badge (pd_account_get_backup_status (account)));
}

static void
last_backup_update (PdAccountsTable *self,
                    GtkWidget       *cell,
                    PdAccount       *account)
{
  GDateTime *when = pd_account_get_last_backup_at (account);
  g_autofree char *text = pd_format_relative_time (when, NULL);
  g_autofree char *exact = pd_client_format_date_time (when);

  gtk_label_set_text (GTK_LABEL (cell), text);
  pd_tooltip_set (cell, exact);
}

/* ---- factory plumbing ---------------------------------------------------------------- */

static void
on_account_notify (PdAccount  *account,
                   GParamSpec *pspec,
                   GtkListItem *item)
{
  Column *column = g_object_get_data (G_OBJECT (item), "pd-column");
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (cell != NULL && column != NULL)
    column->update (column->self, cell, account);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Column                   *column)
{
  GtkWidget *cell = column->setup ();

  gtk_list_item_set_child (item, cell);
  g_ptr_array_add (column->cells, g_object_ref (cell));
}

static void
on_teardown (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             Column                   *column)
{
  g_ptr_array_remove_fast (column->cells, gtk_list_item_get_child (item));
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Column                   *column)
{
  PdAccount *account = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "pd-column", column);
  column->update (column->self, gtk_list_item_get_child (item), account);
  handler = g_signal_connect (account, "notify", G_CALLBACK (on_account_notify), item);
  g_object_set_data (G_OBJECT (item), HANDLER_KEY, GSIZE_TO_POINTER (handler));
  g_object_set_data_full (G_OBJECT (item), BOUND_KEY, g_object_ref (account), g_object_unref);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  PdAccount *account = g_object_get_data (G_OBJECT (item), BOUND_KEY);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), HANDLER_KEY));

  if (account != NULL && handler != 0)
    g_signal_handler_disconnect (account, handler);
  g_object_set_data (G_OBJECT (item), HANDLER_KEY, NULL);
  g_object_set_data (G_OBJECT (item), BOUND_KEY, NULL);
}

static void
column_free (gpointer  data,
             GClosure *closure)
{
  Column *column = data;

  g_ptr_array_unref (column->cells);
  g_free (column);
}

static Column *
set_factory (PdAccountsTable     *self,
             GtkColumnViewColumn *view_column,
             GtkWidget         *(*setup) (void),
             CellUpdate           update,
             GtkSorter           *sorter)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  Column *column = g_new0 (Column, 1);

  column->self = self;
  column->setup = setup;
  column->update = update;
  column->cells = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), column);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown), column);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_bind), column, column_free, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), column);
  gtk_column_view_column_set_factory (view_column, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);
  return column;
}

/* ---- sorters: every one falls back to the name, so equal rows keep a stable order ----- */

static int
compare_names (PdAccount *a,
               PdAccount *b)
{
  int cmp = g_utf8_collate (pd_account_get_display_name (a), pd_account_get_display_name (b));

  return cmp != 0 ? cmp : g_strcmp0 (pd_resource_get_id (PD_RESOURCE (a)), pd_resource_get_id (PD_RESOURCE (b)));
}

static int
clamp_order (int cmp)
{
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
sort_name (gconstpointer a, gconstpointer b, gpointer data)
{
  return clamp_order (compare_names ((PdAccount *) a, (PdAccount *) b));
}

static int
sort_type (gconstpointer a, gconstpointer b, gpointer data)
{
  int cmp = g_utf8_collate (pd_client_format_account_type (pd_account_get_kind ((PdAccount *) a)),
                            pd_client_format_account_type (pd_account_get_kind ((PdAccount *) b)));

  return clamp_order (cmp != 0 ? cmp : compare_names ((PdAccount *) a, (PdAccount *) b));
}

static int
sort_service (gconstpointer a, gconstpointer b, gpointer data)
{
  int cmp = g_utf8_collate (service_name (data, (PdAccount *) a), service_name (data, (PdAccount *) b));

  return clamp_order (cmp != 0 ? cmp : compare_names ((PdAccount *) a, (PdAccount *) b));
}

static int
sort_protection (gconstpointer a, gconstpointer b, gpointer data)
{
  /* protected, paused, unprotected: the enum's own order */
  int cmp = (int) pd_account_get_protection ((PdAccount *) a) - (int) pd_account_get_protection ((PdAccount *) b);

  return clamp_order (cmp != 0 ? cmp : compare_names ((PdAccount *) a, (PdAccount *) b));
}

static int
sort_backup (gconstpointer a, gconstpointer b, gpointer data)
{
  /* ascending: healthy first; descending: the worst first */
  int cmp = pd_badge_state_get_severity (pd_client_format_backup_status_badge (pd_account_get_backup_status ((PdAccount *) a))) -
            pd_badge_state_get_severity (pd_client_format_backup_status_badge (pd_account_get_backup_status ((PdAccount *) b)));

  return clamp_order (cmp != 0 ? cmp : compare_names ((PdAccount *) a, (PdAccount *) b));
}

static int
sort_last_backup (gconstpointer a, gconstpointer b, gpointer data)
{
  GDateTime *x = pd_account_get_last_backup_at ((PdAccount *) a);
  GDateTime *y = pd_account_get_last_backup_at ((PdAccount *) b);
  int cmp;

  /* never backed up is the oldest */
  if (x == NULL || y == NULL)
    cmp = (x != NULL) - (y != NULL);
  else
    cmp = g_date_time_compare (x, y);
  return clamp_order (cmp != 0 ? cmp : compare_names ((PdAccount *) a, (PdAccount *) b));
}

void
pd_accounts_table_setup_columns (PdAccountsTable *self)
{
  set_factory (self, self->name_column, name_setup, name_update,
               GTK_SORTER (gtk_custom_sorter_new (sort_name, self, NULL)));
  set_factory (self, self->type_column, text_setup, type_update,
               GTK_SORTER (gtk_custom_sorter_new (sort_type, self, NULL)));
  set_factory (self, self->service_column, icon_text_setup, service_update,
               GTK_SORTER (gtk_custom_sorter_new (sort_service, self, NULL)));
  self->protection_cells = set_factory (self, self->protection_column, icon_text_setup, protection_update,
                            GTK_SORTER (gtk_custom_sorter_new (sort_protection, self, NULL)));
  set_factory (self, self->backup_column, badge_setup, backup_update,
               GTK_SORTER (gtk_custom_sorter_new (sort_backup, self, NULL)));
  set_factory (self, self->last_backup_column, text_setup, last_backup_update,
               GTK_SORTER (gtk_custom_sorter_new (sort_last_backup, self, NULL)));
}

void
pd_accounts_table_update_narrow_cells (PdAccountsTable *self)
{
  Column *column = self->protection_cells;

  /* on a narrow window the protection column shows its icon alone (the word becomes the
   * tooltip and stays the accessible label), so name and backup status keep their room */
  for (guint i = 0; column != NULL && i < column->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (column->cells, i);
      GtkWidget *label = gtk_widget_get_last_child (cell);

      gtk_widget_set_visible (label, !self->narrow);
      pd_tooltip_set (cell, self->narrow ? gtk_label_get_text (GTK_LABEL (label)) : NULL);
    }
}
