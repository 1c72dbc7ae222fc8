/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Linking clients to their service accounts against the reference portal (--seed 50): the
 * mapping dialog lists the candidates with search, shows the ones linked to another client
 * as taken and will not link them, links a free one after a confirmation (the client's chip
 * follows), and explains a candidate taken meanwhile; unlinking asks first, and is refused
 * while admin access is on (by the menu, and by the portal when asked all the same). */
#include "config.h"

#include "clientactions-test.h"
#include "pd-service-account-candidate.h"

static PdUiTestSession *owner;

/* ---- the dialog as a person uses it --------------------------------------------------- */

static GtkSingleSelection *
candidates_of (GtkWindow *dialog)
{
  GtkListView *view = GTK_LIST_VIEW (pd_ui_test_find_id (GTK_WIDGET (dialog), "list_view"));

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));
}

typedef struct {
  GtkWindow  *dialog;
  const char *query;
  const char *name;
  guint       position;
} CandidateWait;

static gboolean
contains_folded (const char *text,
                 const char *query)
{
  g_autofree char *folded_text = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  g_autofree char *folded_query = g_utf8_casefold (query, -1);

  return folded_text != NULL && strstr (folded_text, folded_query) != NULL;
}

/* The list answers the search (every item matches it: not the list before it) and has @name */
static gboolean
candidate_listed (gpointer data)
{
  CandidateWait *wait = data;
  GListModel *model = G_LIST_MODEL (candidates_of (wait->dialog));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdServiceAccountCandidate) candidate = g_list_model_get_item (model, i);
      const char *name = pd_service_account_candidate_get_name (candidate);

      if (!contains_folded (name, wait->query) &&
          !contains_folded (pd_service_account_candidate_get_domain (candidate), wait->query) &&
          !contains_folded (pd_resource_get_id (PD_RESOURCE (candidate)), wait->query))
        return FALSE;
      if (!found && g_str_equal (name, wait->name))
        {
          wait->position = i;
          found = TRUE;
        }
    }
  return found;
}

/* Searches for @name and returns the candidate of that name (borrowed), selected */
static PdServiceAccountCandidate *
search_and_pick (GtkWindow  *dialog,
                 const char *query,
                 const char *name)
{
  CandidateWait wait = { dialog, query, name, 0 };
  GtkSingleSelection *selection = candidates_of (dialog);

  gtk_editable_set_text (GTK_EDITABLE (pd_ui_test_find_id (GTK_WIDGET (dialog), "search_entry")), query);
  pd_ui_test_wait_for (candidate_listed, &wait, name);
  pd_ui_test_wait_frames (3);
  gtk_single_selection_set_selected (selection, wait.position);
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  return gtk_single_selection_get_selected_item (selection);
}

static GtkWindow *
open_mapping (ActionsTest *t)
{
  GtkWidget *map = t->actions->map_button;

  g_assert_true (gtk_widget_is_sensitive (map));
  g_signal_emit_by_name (map, "clicked");
  return pd_ui_test_wait_window (PD_TYPE_MAPPING_DIALOG);
}

typedef struct {
  PdOrganization *organization;
  const char     *account;   /* NULL: unmapped */
} MappingWait;

static gboolean
mapping_is (gpointer data)
{
  MappingWait *wait = data;

  if (wait->account == NULL)
    return pd_organization_get_mapping_status (wait->organization) == PD_MAPPING_STATUS_UNMAPPED;
  return pd_organization_get_mapping_status (wait->organization) == PD_MAPPING_STATUS_MAPPED &&
         g_strcmp0 (pd_organization_get_mapping_service_account_id (wait->organization), wait->account) == 0;
}

static void
wait_mapping (const char *organization_id,
              const char *account)
{
  MappingWait wait = { actions_test_organization (owner, organization_id), account };

  pd_ui_test_wait_for (mapping_is, &wait, account ? "the client to be mapped" : "the client to be unmapped");
}

/* ---- the tests ------------------------------------------------------------------------ */

/* Nordlicht Architekten GmbH (org_5) is not mapped; Harbor Dental Group's account is taken. */
static void
test_map_from_candidates (void)
{
  g_autoptr(ActionsTest) t = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *body = NULL;
  GtkWindow *dialog;
  GtkWidget *link;
  PdServiceAccountCandidate *taken, *free;
  g_autofree char *free_id = NULL;

  if (owner == NULL)
    return;
  t = actions_test_new (owner, "org_5");
  g_assert_nonnull (pd_ui_test_find_label (t->client->page, "Unmapped"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (t->actions->mapping_row), "Not linked"));
  g_assert_false (gtk_widget_get_visible (t->actions->unlink_button));
  dialog = open_mapping (t);
  link = pd_ui_test_find_id (GTK_WIDGET (dialog), "link_button");

  /* linked to another client: shown with which one, and not for linking */
  taken = search_and_pick (dialog, "harbor", "Harbor Dental Group");
  g_assert_cmpstr (pd_service_account_candidate_get_linked_organization_id (taken), ==, "org_1");
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (dialog), "Taken: linked to Harbor Dental Group"));
  g_assert_false (gtk_widget_get_sensitive (link));
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "mapping");

  free = search_and_pick (dialog, "NORDLICHT", "Nordlicht Architekten GmbH");
  g_assert_null (pd_service_account_candidate_get_linked_organization_id (free));
  free_id = g_strdup (pd_resource_get_id (PD_RESOURCE (free)));
  g_assert_true (gtk_widget_get_sensitive (link));
  g_signal_emit_by_name (link, "clicked");
  body = actions_test_answer ("confirm");
  g_assert_nonnull (strstr (body, free_id));

  wait_mapping ("org_5", free_id);
  pd_ui_test_wait_window_closed (PD_TYPE_MAPPING_DIALOG);
  expected = g_strdup_printf ("show-toast 'Linked Nordlicht Architekten GmbH to the service account “Nordlicht "
                              "Architekten GmbH”'");
  client_test_wait_action (t->client, expected);
  /* the header and the menu follow */
  g_assert_nonnull (pd_ui_test_find_label (t->client->page, "Mapped"));
  g_assert_null (pd_ui_test_find_label (t->client->page, "Unmapped"));
  g_assert_true (gtk_widget_get_visible (t->actions->unlink_button));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (t->actions->mapping_row), free_id));
  g_assert_null (client_test_find_action (t->client, "show-error"));
}

static gboolean
error_shown (gpointer dialog)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (pd_ui_test_find_id (dialog, "error_revealer")));
}

/* The picked account is linked elsewhere before Link: the portal's 409 is explained, and
 * the dialog stays for another pick. */
static void
test_taken_meanwhile (void)
{
  g_autoptr(ActionsTest) t = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  const char *id = NULL, *name = NULL;
  JsonArray *items;
  GtkWindow *dialog;
  PdServiceAccountCandidate *candidate;

  if (owner == NULL)
    return;
  t = actions_test_new (owner, "org_1");
  dialog = open_mapping (t);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (dialog), "Harbor Dental Group is linked to the service account"));
  candidate = search_and_pick (dialog, "atlas", "Atlas Engineering Group");
  g_assert_cmpstr (pd_service_account_candidate_get_linked_organization_id (candidate), ==, "org_11");
  g_assert_false (gtk_widget_get_sensitive (pd_ui_test_find_id (GTK_WIDGET (dialog), "link_button")));

  /* a free one, searched by its ID … */
  page = actions_test_portal (owner, "GET", "/api/v1/organizations/org_1/mapping/candidates?limit=500", NULL, NULL, 200);
  items = json_object_get_array_member (json_node_get_object (page), "items");
  for (guint i = 0; i < json_array_get_length (items) && id == NULL; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_null_member (item, "linked_organization_id"))
        {
          id = json_object_get_string_member (item, "id");
          name = json_object_get_string_member (item, "name");
        }
    }
  g_assert_nonnull (id);
  candidate = search_and_pick (dialog, id, name);
  g_assert_true (gtk_widget_get_sensitive (pd_ui_test_find_id (GTK_WIDGET (dialog), "link_button")));
  /* … linked to Kestrel Logistics behind the app's back */
  body = g_strdup_printf ("{\"service_account_id\":\"%s\"}", id);
  answer = actions_test_portal (owner, "PUT", "/api/v1/organizations/org_2/mapping", body,
                                pd_resource_get_etag (PD_RESOURCE (actions_test_organization (owner, "org_2"))), 200);

  g_signal_emit_by_name (pd_ui_test_find_id (GTK_WIDGET (dialog), "link_button"), "clicked");
  g_free (actions_test_answer ("confirm"));
  pd_ui_test_wait_for (error_shown, dialog, "the explanation");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pd_ui_test_find_id (GTK_WIDGET (dialog), "error_label"))),
                            "was linked to another client meanwhile"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (pd_organization_get_mapping_service_account_id (actions_test_organization (owner, "org_1")), !=, id);
  g_assert_null (client_test_find_action (t->client, "show-toast"));
  gtk_window_destroy (dialog);
  actions_test_sync (owner);
}

typedef struct {
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

/* The candidates come a page at a time: scrolling to the end brings the rest */
static void
test_pages (void)
{
  g_autoptr(ActionsTest) t = NULL;
  g_autoptr(JsonNode) all = NULL;
  GtkWindow *dialog;
  CountWait wait;

  if (owner == NULL)
    return;
  all = actions_test_portal (owner, "GET", "/api/v1/organizations/org_1/mapping/candidates?limit=500", NULL, NULL, 200);
  wait.n = json_array_get_length (json_object_get_array_member (json_node_get_object (all), "items"));
  g_assert_cmpuint (wait.n, >, 50);
  t = actions_test_new (owner, "org_1");
  dialog = open_mapping (t);
  wait.model = G_LIST_MODEL (candidates_of (dialog));
  pd_ui_test_wait_for (count_is, &(CountWait) { wait.model, 50 }, "the first page");
  g_signal_emit_by_name (pd_ui_test_find_id (GTK_WIDGET (dialog), "scroller"), "edge-reached", GTK_POS_BOTTOM);
  pd_ui_test_wait_for (count_is, &wait, "the next page");
  /* nothing more to ask for */
  g_signal_emit_by_name (pd_ui_test_find_id (GTK_WIDGET (dialog), "scroller"), "edge-reached", GTK_POS_BOTTOM);
  pd_ui_test_wait_frames (10);
  g_assert_cmpuint (g_list_model_get_n_items (wait.model), ==, wait.n);
  g_assert_false (gtk_widget_get_visible (pd_ui_test_find_id (GTK_WIDGET (dialog), "more_spinner")));
  gtk_window_destroy (dialog);
}

/* Kestrel Logistics (org_2): unlinked after the confirmation; the chip says so */
static void
test_unlink (void)
{
  g_autoptr(ActionsTest) t = NULL;
  g_autofree char *body = NULL;

  if (owner == NULL)
    return;
  t = actions_test_new (owner, "org_2");
  g_assert_true (gtk_widget_is_sensitive (t->actions->unlink_button));
  g_signal_emit_by_name (t->actions->unlink_button, "clicked");
  /* asked first: Cancel leaves it as it is */
  g_free (actions_test_answer ("cancel"));
  pd_ui_test_wait_frames (10);
  g_assert_cmpint (pd_organization_get_mapping_status (actions_test_organization (owner, "org_2")), ==,
                   PD_MAPPING_STATUS_MAPPED);

  g_signal_emit_by_name (t->actions->unlink_button, "clicked");
  body = actions_test_answer ("confirm");
  g_assert_nonnull (strstr (body, "may not work until it is linked again"));
  wait_mapping ("org_2", NULL);
  client_test_wait_action (t->client, "show-toast 'Unlinked Kestrel Logistics from its service account'");
  g_assert_nonnull (pd_ui_test_find_label (t->client->page, "Unmapped"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (t->actions->mapping_row), "Not linked"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (t->actions->map_button)), ==, "_Map…");
  /* and admin access now needs the link again */
  actions_test_assert_refused (GTK_WIDGET (t->actions->admin_switch), t->actions->admin_row,
                               "Needs a linked service account");
}

/* Maple Leaf Accounting (org_3) has admin access on: the menu refuses to unlink, and so does
 * the portal when asked anyway (its 409 is explained in the app's words). */
static void
test_unlink_refused_while_admin_access (void)
{
  g_autoptr(ActionsTest) t = NULL;

  if (owner == NULL)
    return;
  t = actions_test_new (owner, "org_3");
  actions_test_assert_refused (t->actions->unlink_button, NULL, "Turn off admin access first");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (t->actions->mapping_row), "turn off admin access to unlink"));

  /* a disabled button still has its handler: what the portal says when asked all the same */
  g_signal_emit_by_name (t->actions->unlink_button, "clicked");
  g_free (actions_test_answer ("confirm"));
  client_test_wait_action (t->client, "show-error ('Cannot unlink the service account', 'Admin access is on for "
                                      "Maple Leaf Accounting, and it needs the link");
  g_assert_cmpint (pd_organization_get_mapping_status (actions_test_organization (owner, "org_3")), ==,
                   PD_MAPPING_STATUS_MAPPED);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");

  g_test_add_func ("/ui/clientactions/mapping/map-from-candidates", test_map_from_candidates);
  g_test_add_func ("/ui/clientactions/mapping/taken-meanwhile", test_taken_meanwhile);
  g_test_add_func ("/ui/clientactions/mapping/pages", test_pages);
  g_test_add_func ("/ui/clientactions/mapping/unlink", test_unlink);
  g_test_add_func ("/ui/clientactions/mapping/unlink-refused-while-admin-access", test_unlink_refused_while_admin_access);
  status = g_test_run ();
  g_clear_pointer (&owner, pd_ui_test_session_free);
  return status;
}
