/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ways to the mapping dialog besides a client's actions menu, against the reference
 * portal (--seed 50): “Map…” on the unmapped-organizations dialog's rows opens it over that
 * dialog, and “Map…” beside an unmapped client's chip in the client list asks the window
 * (win.map-client), which the session view answers with the dialog over its window. */
#include "config.h"

#include "pd-client-section.h"
#include "pd-clientactions-common.h"
#include "pd-mapping-dialog.h"
#include "pd-session-view.h"
#include "pd-ui-test.h"
#include "pd-unmapped-dialog.h"
#include "pd-widgets-style.h"

static PdUiTestSession *owner;

static GtkWindow *
find_mapping_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PD_IS_MAPPING_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
mapping_dialog_open (gpointer data)
{
  return find_mapping_dialog () != NULL;
}

static gboolean
is_unmapped (gpointer item,
             gpointer user_data)
{
  return pd_organization_get_mapping_status (item) == PD_MAPPING_STATUS_UNMAPPED;
}

/* The unmapped-organizations dialog: “Map…” on a row opens the mapping dialog over it */
static void
test_from_unmapped_dialog (void)
{
  g_autoptr(GtkFilterListModel) unmapped = NULL;
  GtkWindow *window;
  GtkWindow *list;
  GtkWindow *dialog;
  GtkWidget *host = gtk_label_new ("");
  GtkWidget *map;

  if (owner == NULL)
    return;
  unmapped = gtk_filter_list_model_new (g_object_ref (pd_session_get_organizations (owner->session)),
                                        GTK_FILTER (gtk_custom_filter_new (is_unmapped, NULL, NULL)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unmapped)), >, 0);
  window = pd_ui_test_window_new (host, 800, 600);
  list = GTK_WINDOW (pd_unmapped_dialog_new (host, owner->session, G_LIST_MODEL (unmapped)));
  gtk_window_present (list);
  pd_ui_test_wait_frames (10);
  pd_ui_test_screenshot (GTK_WIDGET (list), "mapping-unmapped-dialog");
  map = gtk_widget_get_parent (pd_ui_test_find_label (GTK_WIDGET (list), "Map…"));
  g_assert_true (GTK_IS_BUTTON (map));
  g_assert_true (gtk_widget_is_sensitive (map));
  g_signal_emit_by_name (map, "clicked");
  pd_ui_test_wait_for (mapping_dialog_open, NULL, "the mapping dialog");
  dialog = find_mapping_dialog ();
  g_assert_true (gtk_window_get_transient_for (dialog) == list);
  gtk_window_destroy (dialog);
  gtk_window_destroy (list);
  pd_ui_test_window_destroy (window);
}

static void
record_map (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  g_free (*(char **) user_data);
  *(char **) user_data = g_variant_dup_string (parameter, NULL);
}

/* The client list: “Map…” beside an unmapped client's chip asks the window to map it */
static void
test_from_client_list (void)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autofree char *asked = NULL;
  const GActionEntry entries[] = { { "map-client", record_map, "s", NULL, NULL, { 0 } } };
  GtkWidget *section = pd_client_section_new ();
  PdOrganization *unmapped = pd_clientactions_lookup_organization (owner->session, "org_5");
  GtkWindow *window;
  GtkWidget *map;

  if (owner == NULL)
    return;
  g_assert_cmpint (pd_organization_get_mapping_status (unmapped), ==, PD_MAPPING_STATUS_UNMAPPED);
  /* the section wears the Clients page's style */
  pd_style_ensure (RESOURCE_BASE_PATH "/clients/clients.css");
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, 1, &asked);
  window = pd_ui_test_window_new (section, 900, 400);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
  pd_client_section_set_organization (PD_CLIENT_SECTION (section), pd_clientactions_lookup_organization (owner->session, "org_1"));
  pd_ui_test_wait_frames (5);
  g_assert_null (pd_ui_test_find_label (section, "Map…"));

  pd_client_section_set_organization (PD_CLIENT_SECTION (section), unmapped);
  pd_ui_test_wait_frames (5);
  pd_ui_test_screenshot (section, "mapping-client-list");
  map = gtk_widget_get_parent (pd_ui_test_find_label (section, "Map…"));
  g_assert_true (GTK_IS_BUTTON (map));
  g_signal_emit_by_name (map, "clicked");
  g_assert_cmpstr (asked, ==, pd_resource_get_id (PD_RESOURCE (unmapped)));
  pd_ui_test_window_destroy (window);
}

/* win.map-client, as any page reaches it: the dialog, modal to the main window */
static void
test_window_action (void)
{
  GtkWidget *view = pd_session_view_new ();
  GtkWindow *window;
  GtkWindow *dialog;

  if (owner == NULL)
    return;
  window = pd_ui_test_window_new (view, 1000, 700);
  pd_session_view_set_session (PD_SESSION_VIEW (view), owner->session);
  pd_ui_test_wait_frames (5);
  g_assert_true (gtk_widget_activate_action (view, "win.map-client", "s", "org_5"));
  pd_ui_test_wait_for (mapping_dialog_open, NULL, "the mapping dialog");
  dialog = find_mapping_dialog ();
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (dialog), "Nordlicht Architekten GmbH"));
  gtk_window_destroy (dialog);
  pd_ui_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");

  g_test_add_func ("/ui/clientactions/map-entries/unmapped-dialog", test_from_unmapped_dialog);
  g_test_add_func ("/ui/clientactions/map-entries/client-list", test_from_client_list);
  g_test_add_func ("/ui/clientactions/map-entries/window-action", test_window_action);
  status = g_test_run ();
  g_clear_pointer (&owner, pd_ui_test_session_free);
  return status;
}
