/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PdEdit against the reference portal (--seed 20), on renaming groups: the answer goes into
 * the session's list; a change made behind the editor's back brings up the conflict dialog,
 * and both of its choices do what they say; a 422 and a 403 come back to the caller with
 * nothing left in the outbox; with the portal gone the edit (with a body or without) says it
 * is queued and is delivered once the portal is back. */
#include "config.h"

#include "pd-conflict-dialog.h"
#include "pd-edit.h"
#include "pd-group.h"
#include "pd-portal-error.h"
#include "pd-resource-list.h"
#include "pd-ui-test.h"

typedef struct {
  gboolean          done;
  gboolean          queued;
  PdPortalResponse *response;
  GError           *error;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->response, pd_portal_response_unref);
  g_clear_error (&outcome->error);
}

static void
edit_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Outcome *outcome = data;

  outcome->response = pd_edit_run_finish (PD_EDIT (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
queued_cb (PdEdit  *edit,
           Outcome *outcome)
{
  g_assert_false (outcome->queued);  /* said once */
  outcome->queued = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Outcome *) data)->done;
}

static gboolean
is_queued (gpointer data)
{
  return ((Outcome *) data)->queued;
}

static PdGroup *
first_group (PdSession *session)
{
  GListModel *groups = pd_session_get_groups (session);
  g_autoptr(PdGroup) group = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (groups), >, 0);
  group = g_list_model_get_item (groups, 0);
  return group;  /* the list keeps it */
}

static JsonNode *
name_body (const char *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
first_organization_id (PdSession *session)
{
  GListModel *organizations = pd_session_get_organizations (session);
  g_autoptr(PdResource) organization = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (organizations), >, 0);
  organization = g_list_model_get_item (organizations, 0);
  return pd_resource_get_id (organization);  /* the list keeps it */
}

static char *
group_path (PdGroup *group)
{
  return g_strconcat ("/api/v1/groups/", pd_resource_get_id (PD_RESOURCE (group)), NULL);
}

/* Runs a rename of @group to @name based on @etag, with @parent as the window's widget. */
static PdEdit *
rename_group (PdSession  *session,
              PdGroup    *group,
              const char *name,
              const char *etag,
              GtkWidget  *parent,
              Outcome    *outcome)
{
  g_autofree char *path = group_path (group);
  g_autoptr(JsonNode) body = name_body (name);
  PdEdit *edit = pd_edit_new (session, "PATCH", path, body, etag, "Rename a group");

  pd_edit_set_target (edit, pd_session_get_groups (session), NULL);
  pd_edit_add_field_label (edit, "name", "Name");
  g_signal_connect (edit, "queued", G_CALLBACK (queued_cb), outcome);
  pd_edit_run_async (edit, parent, NULL, edit_done_cb, outcome);
  return edit;
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Outcome *outcome = data;

  outcome->response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &outcome->error);
  outcome->done = TRUE;
}

/* Sends a request on the session's own client, as another technician would, and waits. */
static void
send_direct (PdSession  *session,
             const char *method,
             const char *path,
             JsonNode   *body,
             const char *etag)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new (method, path);
  g_autofree char *key = pd_portal_new_idempotency_key ();
  Outcome outcome = { 0 };

  if (body != NULL)
    pd_portal_request_set_json_body (request, body);
  if (etag != NULL)
    pd_portal_request_set_if_match (request, etag);
  pd_portal_request_set_idempotency_key (request, key);
  pd_portal_client_send_async (pd_session_get_client (session), request, NULL, sent_cb, &outcome);
  pd_ui_test_wait_for (is_done, &outcome, "the direct request");
  g_assert_no_error (outcome.error);
  outcome_clear (&outcome);
}

static char *
portal_name (PdSession *session,
             PdGroup   *group)
{
  g_autofree char *path = group_path (group);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);
  Outcome outcome = { 0 };
  char *name;

  pd_portal_client_send_async (pd_session_get_client (session), request, NULL, sent_cb, &outcome);
  pd_ui_test_wait_for (is_done, &outcome, "the group");
  g_assert_no_error (outcome.error);
  name = g_strdup (json_object_get_string_member (json_node_get_object (pd_portal_response_get_root (outcome.response)), "name"));
  outcome_clear (&outcome);
  return name;
}

static guint
outbox_size (PdSession *session)
{
  return g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (session)));
}

static PdConflictDialog *
find_conflict_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PD_IS_CONFLICT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return PD_CONFLICT_DIALOG (window);
    }
  return NULL;
}

static gboolean
conflict_shown (gpointer data)
{
  return find_conflict_dialog () != NULL;
}

static PdUiTestSession *owner;

static void
test_edit_applies (void)
{
  PdGroup *group = first_group (owner->session);
  g_autofree char *etag = g_strdup (pd_resource_get_etag (PD_RESOURCE (group)));
  g_autofree char *name = NULL;
  g_autoptr(PdEdit) edit = NULL;
  Outcome outcome = { 0 };

  edit = rename_group (owner->session, group, "Night shift", etag, NULL, &outcome);
  pd_ui_test_wait_for (is_done, &outcome, "the rename");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (pd_portal_response_get_status (outcome.response), ==, 200);
  /* The same object, updated in place: bound widgets follow. */
  g_assert_true (first_group (owner->session) == group);
  g_assert_cmpstr (pd_group_get_name (group), ==, "Night shift");
  g_assert_cmpstr (pd_resource_get_etag (PD_RESOURCE (group)), !=, etag);
  g_assert_true (pd_edit_get_resource (edit) != NULL);
  g_assert_false (outcome.queued);
  g_assert_cmpuint (outbox_size (owner->session), ==, 0);
  name = portal_name (owner->session, group);
  g_assert_cmpstr (name, ==, "Night shift");
  outcome_clear (&outcome);
}

/* Someone renames the group while the user edits it: the dialog shows both names. */
static void
run_conflict (const char *choice,
              Outcome    *outcome,
              PdEdit    **edit)
{
  PdGroup *group = first_group (owner->session);
  g_autofree char *etag = g_strdup (pd_resource_get_etag (PD_RESOURCE (group)));
  g_autofree char *path = group_path (group);
  g_autoptr(JsonNode) theirs = name_body ("Renamed by Grace");
  GtkWindow *window = pd_ui_test_window_new (gtk_label_new ("editor"), 900, 700);
  PdConflictDialog *dialog;

  send_direct (owner->session, "PATCH", path, theirs, etag);
  *edit = rename_group (owner->session, group, "Renamed by Ada", etag, GTK_WIDGET (window), outcome);
  pd_ui_test_wait_for (conflict_shown, NULL, "the conflict dialog");
  dialog = find_conflict_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (dialog), "Renamed by Grace"));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (dialog), "Renamed by Ada"));
  /* The differing field says so in words. */
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (dialog), "Name (differs)"));
  g_assert_false (outcome->done);
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "edit-conflict");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), choice);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pd_ui_test_wait_for (is_done, outcome, "the edit after the conflict");
  pd_ui_test_window_destroy (window);
}

static void
test_edit_conflict_use_mine (void)
{
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *name = NULL;
  Outcome outcome = { 0 };

  run_conflict ("mine", &outcome, &edit);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.response);
  g_assert_cmpstr (pd_group_get_name (first_group (owner->session)), ==, "Renamed by Ada");
  name = portal_name (owner->session, first_group (owner->session));
  g_assert_cmpstr (name, ==, "Renamed by Ada");
  g_assert_cmpuint (outbox_size (owner->session), ==, 0);
  outcome_clear (&outcome);
}

static void
test_edit_conflict_keep_theirs (void)
{
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *name = NULL;
  Outcome outcome = { 0 };

  run_conflict ("theirs", &outcome, &edit);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Theirs is what the list shows now, without waiting for a sync. */
  g_assert_cmpstr (pd_group_get_name (first_group (owner->session)), ==, "Renamed by Grace");
  name = portal_name (owner->session, first_group (owner->session));
  g_assert_cmpstr (name, ==, "Renamed by Grace");
  g_assert_cmpuint (outbox_size (owner->session), ==, 0);
  outcome_clear (&outcome);
}

static void
test_edit_validation (void)
{
  PdGroup *group = first_group (owner->session);
  g_autofree char *before = g_strdup (pd_group_get_name (group));
  g_autoptr(PdEdit) edit = NULL;
  Outcome outcome = { 0 };
  GPtrArray *fields;

  edit = rename_group (owner->session, group, "", pd_resource_get_etag (PD_RESOURCE (group)), NULL, &outcome);
  pd_ui_test_wait_for (is_done, &outcome, "the refused rename");
  g_assert_error (outcome.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION);
  fields = pd_portal_error_get_field_errors (outcome.error);
  g_assert_cmpuint (fields->len, >=, 1);
  g_assert_cmpstr (((PdPortalFieldError *) g_ptr_array_index (fields, 0))->field, ==, "name");
  /* Withdrawn from the outbox: the caller keeps the input and sends a corrected edit. */
  g_assert_cmpuint (outbox_size (owner->session), ==, 0);
  g_assert_cmpstr (pd_group_get_name (group), ==, before);
  outcome_clear (&outcome);
}

static void
test_edit_forbidden (void)
{
  g_autoptr(PdUiTestSession) technician = pd_ui_test_session_new ((const char *[]) { "--seed", "20", NULL }, "technician");
  g_autoptr(PdEdit) edit = NULL;
  Outcome outcome = { 0 };
  PdGroup *group;

  if (technician == NULL)
    return;
  group = first_group (technician->session);
  edit = rename_group (technician->session, group, "Not allowed", pd_resource_get_etag (PD_RESOURCE (group)),
                       NULL, &outcome);
  pd_ui_test_wait_for (is_done, &outcome, "the forbidden rename");
  g_assert_error (outcome.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN);
  g_assert_cmpstr (pd_portal_error_get_permission (outcome.error), ==, "groups.write");
  g_assert_cmpuint (outbox_size (technician->session), ==, 0);
  outcome_clear (&outcome);
}

/* The portal goes away: the edit waits in the outbox, says so once, and is delivered when
 * the portal is back on the same database and port. */
static void
test_edit_queued_offline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-edit-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (dir, "portal.db", NULL);
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "20", "--database", database, NULL },
                                                            "owner");
  g_autoptr(PdEdit) edit = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  Outcome outcome = { 0 };
  PdGroup *group;

  if (test == NULL)
    return;
  uri = g_uri_parse (pd_test_portal_get_url (test->portal), G_URI_FLAGS_NONE, NULL);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  pd_portal_client_set_retry_limits (pd_session_get_client (test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (test->session), 50, 200);
  group = first_group (test->session);
  g_clear_pointer (&test->portal, pd_test_portal_stop);

  edit = rename_group (test->session, group, "Renamed offline", pd_resource_get_etag (PD_RESOURCE (group)), NULL,
                       &outcome);
  pd_ui_test_wait_for (is_queued, &outcome, "the edit to be queued");
  g_assert_false (outcome.done);
  g_assert_cmpuint (outbox_size (test->session), ==, 1);

  test->portal = pd_test_portal_start_with_db (database, (const char *[]) { "--listen", listen, NULL });
  pd_ui_test_wait_for (is_done, &outcome, "the queued edit to be delivered");
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (pd_group_get_name (group), ==, "Renamed offline");
  name = portal_name (test->session, group);
  g_assert_cmpstr (name, ==, "Renamed offline");
  g_assert_cmpuint (outbox_size (test->session), ==, 0);
  outcome_clear (&outcome);

  /* A change without a body (a bodiless POST) is recognised in the outbox too */
  g_clear_pointer (&test->portal, pd_test_portal_stop);
  outcome = (Outcome) { 0 };
  g_clear_object (&edit);
  path = g_strdup_printf ("/api/v1/organizations/%s/reset-password", first_organization_id (test->session));
  edit = pd_edit_new (test->session, "POST", path, NULL, NULL, "Send a reset-password e-mail");
  g_signal_connect (edit, "queued", G_CALLBACK (queued_cb), &outcome);
  pd_edit_run_async (edit, NULL, NULL, edit_done_cb, &outcome);
  pd_ui_test_wait_for (is_queued, &outcome, "the bodiless edit to be queued");
  g_assert_false (outcome.done);
  test->portal = pd_test_portal_start_with_db (database, (const char *[]) { "--listen", listen, NULL });
  pd_ui_test_wait_for (is_done, &outcome, "the bodiless edit to be delivered");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (pd_portal_response_get_status (outcome.response), ==, 202);
  g_assert_cmpuint (outbox_size (test->session), ==, 0);
  outcome_clear (&outcome);
  pd_ui_test_session_free (g_steal_pointer (&test));
  pd_session_test_remove_tree (dir);
}

/* Removing a member answers with the changed group: it stays in the list, changed. */
static void
test_edit_delete_member (void)
{
  GListModel *groups = pd_session_get_groups (owner->session);
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *path = NULL;
  g_autofree char *organization_id = NULL;
  PdGroup *group = NULL;
  Outcome outcome = { 0 };

  for (guint i = 0; group == NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(PdGroup) candidate = g_list_model_get_item (groups, i);
      const char * const *ids = pd_group_get_organization_ids (candidate);

      if (ids != NULL && ids[0] != NULL)
        group = candidate;
    }
  g_assert_nonnull (group);
  organization_id = g_strdup (pd_group_get_organization_ids (group)[0]);
  path = g_strdup_printf ("/api/v1/groups/%s/organizations/%s", pd_resource_get_id (PD_RESOURCE (group)),
                          organization_id);
  edit = pd_edit_new (owner->session, "DELETE", path, NULL, pd_resource_get_etag (PD_RESOURCE (group)),
                      "Remove a client from a group");
  pd_edit_set_target (edit, groups, NULL);
  pd_edit_run_async (edit, NULL, NULL, edit_done_cb, &outcome);
  pd_ui_test_wait_for (is_done, &outcome, "the removal");
  g_assert_no_error (outcome.error);
  g_assert_true (pd_resource_list_lookup (PD_RESOURCE_LIST (groups), pd_resource_get_id (PD_RESOURCE (group))) ==
                 PD_RESOURCE (group));
  g_assert_false (g_strv_contains (pd_group_get_organization_ids (group), organization_id));
  outcome_clear (&outcome);
}

/* Toasts from a dialog land in the main window's overlay (the dialog has none of its own). */
static void
test_toast_from_dialog (void)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *button = gtk_button_new_with_label ("Remove");
  GtkWidget *lonely = gtk_button_new_with_label ("Alone");
  GtkWindow *alone;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("main"));
  window = pd_ui_test_window_new (overlay, 600, 400);
  dialog = pd_ui_test_window_new (button, 300, 200);
  gtk_window_set_transient_for (dialog, window);
  alone = pd_ui_test_window_new (lonely, 300, 200);

  g_assert_true (pd_edit_add_toast (button, adw_toast_new ("From the dialog")));
  pd_ui_test_wait_frames (3);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (window), "From the dialog"));
  /* One toast at a time: this one waits its turn. */
  g_assert_true (pd_edit_add_toast (overlay, adw_toast_new ("From the window")));
  /* No overlay anywhere: said, and the toast is not leaked. */
  g_assert_false (pd_edit_add_toast (lonely, adw_toast_new ("Nowhere")));

  pd_ui_test_window_destroy (alone);
  pd_ui_test_window_destroy (dialog);
  pd_ui_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "20", NULL }, "owner");
  if (owner == NULL)
    return 77;

  g_test_add_func ("/edit/applies", test_edit_applies);
  g_test_add_func ("/edit/conflict-use-mine", test_edit_conflict_use_mine);
  g_test_add_func ("/edit/conflict-keep-theirs", test_edit_conflict_keep_theirs);
  g_test_add_func ("/edit/validation", test_edit_validation);
  g_test_add_func ("/edit/forbidden", test_edit_forbidden);
  g_test_add_func ("/edit/queued-offline", test_edit_queued_offline);
  g_test_add_func ("/edit/delete-member", test_edit_delete_member);
  g_test_add_func ("/edit/toast-from-dialog", test_toast_from_dialog);
  status = g_test_run ();
  pd_ui_test_session_free (owner);
  return status;
}
