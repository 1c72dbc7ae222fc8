/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Groups section under Xvfb against the reference portal (--seed 50: “Enterprise
 * clients” with every fifth client and the scoped admin, “After-hours support” with an
 * empty scope and the support user, “Healthcare” with six clients and no manager): the list
 * shows each group's scope and managers; a group is created, renamed and given a new
 * description; a 422 keeps the input beside its field; organizations are added through the
 * searchable multi-select picker and removed with Undo; an empty scope reads “All
 * organizations”; the manager picker offers only active Admin and Support users (the others
 * disabled with the reason); managers are added and removed with Undo; deleting asks first;
 * a technician sees no enabled way to change anything. */

#include "config.h"

#include "groups-test.h"
#include "pd-group-details-dialog.h"
#include "pd-group-editor.h"
#include "pd-group-managers.h"
#include "pd-picker.h"
#include "pd-group-scope.h"
#include "pd-organization.h"

static const char *portal_args[] = { "--seed", "50", NULL };

static GtkWidget *
find_id (GtkWidget  *root,
         const char *id)
{
  GtkWidget *widget = pd_ui_test_find_id (root, id);

  g_assert_nonnull (widget);
  return widget;
}

static void
assert_row_text (GroupsTest *t,
                 const char *group,
                 const char *text)
{
  GtkWidget *row = groups_test_row_of (t->page, group, GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  g_assert_nonnull (pd_ui_test_find_label (row, text));
}

/* ---- the list --------------------------------------------------------------------------- */

static void
test_list (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GroupsTest) t = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 720);
  rows = pd_ui_test_find_all_type (t->page, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (pd_session_get_groups (test->session)));
  g_assert_cmpuint (rows->len, ==, 3);

  /* By name, with the description, the scope and the managers */
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "After-hours support");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Enterprise clients");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, "Healthcare");
  assert_row_text (t, "After-hours support", "The on-call rota for evenings and weekends.");
  assert_row_text (t, "After-hours support", "All organizations");
  assert_row_text (t, "After-hours support", "1 manager");
  assert_row_text (t, "Enterprise clients", "10 organizations");
  assert_row_text (t, "Healthcare", "6 organizations");
  assert_row_text (t, "Healthcare", "No managers");
  g_assert_true (gtk_widget_is_sensitive (find_id (t->page, "new_button")));
  pd_ui_test_screenshot (t->page, "groups");
}

/* ---- create, edit, 422 ------------------------------------------------------------------ */

static gboolean
group_named (gpointer data)
{
  GroupsTest *t = data;

  return groups_test_group (t, g_object_get_data (G_OBJECT (t->view), "groups-test-name")) != NULL;
}

static void
wait_group_named (GroupsTest *t,
                  const char *name)
{
  g_object_set_data_full (G_OBJECT (t->view), "groups-test-name", g_strdup (name), g_free);
  pd_ui_test_wait_for (group_named, t, name);
  pd_ui_test_wait_frames (10);
}

static gboolean
label_visible (gpointer label)
{
  return gtk_widget_get_visible (label) && gtk_label_get_text (label)[0] != '\0';
}

static gboolean
window_gone (gpointer window)
{
  return !gtk_widget_get_visible (window);
}

static void
test_create_edit (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GroupsTest) t = NULL;
  g_autofree char *too_long = NULL;
  GtkWidget *dialog, *editor, *save;
  GtkEditable *name, *description;
  GtkLabel *error;
  PdGroup *group;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 720);

  /* Create: the dialog, then the new group's editor */
  groups_test_click (find_id (t->page, "new_button"));
  dialog = groups_test_wait_window (PD_TYPE_GROUP_DETAILS_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  save = find_id (dialog, "save_button");
  g_assert_false (gtk_widget_is_sensitive (save));
  name = GTK_EDITABLE (find_id (dialog, "name_row"));
  description = GTK_EDITABLE (find_id (dialog, "description_row"));
  gtk_editable_set_text (name, "Schools & colleges");
  gtk_editable_set_text (description, "Education clients");
  groups_test_click (save);
  wait_group_named (t, "Schools & colleges");
  g_assert_null (dialog);
  editor = pd_page_stack_get_visible_page (pd_session_view_get_page_stack (t->view));
  g_assert_true (PD_IS_GROUP_EDITOR (editor));
  group = groups_test_group (t, "Schools & colleges");
  g_assert_cmpstr (pd_group_get_description (group), ==, "Education clients");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_id (editor, "name_label"))), ==, "Schools & colleges");

  /* Edit the name and description: prefilled, saved, shown */
  groups_test_click (find_id (editor, "edit_button"));
  dialog = groups_test_wait_window (PD_TYPE_GROUP_DETAILS_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  name = GTK_EDITABLE (find_id (dialog, "name_row"));
  description = GTK_EDITABLE (find_id (dialog, "description_row"));
  save = find_id (dialog, "save_button");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Schools & colleges");
  g_assert_false (gtk_widget_is_sensitive (save));

  /* 422: the portal's objection beside the field, the input kept, the dialog open */
  too_long = g_strnfill (101, 'x');
  gtk_editable_set_text (name, too_long);
  groups_test_click (save);
  error = GTK_LABEL (find_id (dialog, "error_label"));
  pd_ui_test_wait_for (label_visible, error, "the field error");
  g_assert_nonnull (strstr (gtk_label_get_text (error), "Name"));
  g_assert_nonnull (strstr (gtk_label_get_text (error), "100"));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, too_long);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpstr (pd_group_get_name (group), ==, "Schools & colleges");

  gtk_editable_set_text (name, "Schools");
  gtk_editable_set_text (description, "Primary and secondary schools");
  groups_test_click (save);
  wait_group_named (t, "Schools");
  g_assert_cmpstr (pd_group_get_description (group), ==, "Primary and secondary schools");
  if (dialog != NULL)
    pd_ui_test_wait_for (window_gone, dialog, "the dialog to close");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_id (editor, "name_label"))), ==, "Schools");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_id (editor, "description_label"))), ==,
                   "Primary and secondary schools");
}

/* ---- access scope ----------------------------------------------------------------------- */

static guint
n_shown (GtkWidget *root,
         const char *list_id)
{
  GtkListView *list = GTK_LIST_VIEW (find_id (root, list_id));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

typedef struct {
  GtkWidget  *root;
  guint       n;
} Shown;

static gboolean
picker_shows (gpointer data)
{
  Shown *shown = data;

  return n_shown (shown->root, "list") == shown->n;
}

static gboolean
scope_row_shown (gpointer scope)
{
  return groups_test_row_of (scope, g_object_get_data (scope, "groups-test-row"), GTK_TYPE_BOX) != NULL;
}

static void
search_picker (GtkWidget  *picker,
               const char *text,
               guint       expected)
{
  Shown shown = { picker, expected };

  gtk_editable_set_text (GTK_EDITABLE (find_id (picker, "search_entry")), text);
  pd_ui_test_wait_for (picker_shows, &shown, text);
  pd_ui_test_wait_frames (10);
}

/* The clients whose folded search key holds @query, as the picker should find them */
static guint
count_matching (PdSession  *session,
                const char *name)
{
  GListModel *organizations = pd_session_get_organizations (session);
  g_autofree char *needle = g_utf8_casefold (name, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      g_autofree char *text = g_strconcat (pd_resource_get_id (PD_RESOURCE (organization)), " ",
                                           pd_organization_get_name (organization), " ",
                                           pd_organization_get_domain (organization), NULL);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      n += strstr (folded, needle) != NULL;
    }
  return n;
}

/* Two clients outside @group's scope */
static void
pick_outsiders (GroupsTest      *t,
                PdGroup         *group,
                PdOrganization **first,
                PdOrganization **second)
{
  GListModel *organizations = pd_session_get_organizations (t->test->session);
  const char * const *scope = pd_group_get_organization_ids (group);

  *first = *second = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (organizations) && *second == NULL; i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);

      if (g_strv_contains (scope, pd_resource_get_id (PD_RESOURCE (organization))))
        continue;
      if (*first == NULL)
        *first = organization;
      else
        *second = organization;
    }
  g_assert_nonnull (*second);
}

static void
tick (GtkWidget  *picker,
      const char *title)
{
  GtkWidget *check = groups_test_row_of (picker, title, GTK_TYPE_CHECK_BUTTON);

  g_assert_nonnull (check);
  g_assert_true (gtk_widget_is_sensitive (check));
  gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static void
test_scope (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GroupsTest) t = NULL;
  PdOrganization *first, *second;
  GtkWidget *editor, *scope, *picker, *row, *check;
  PdGroup *group;
  g_autofree char *group_id = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  guint n_before;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 800);
  group = groups_test_group (t, "Healthcare");
  group_id = g_strdup (pd_resource_get_id (PD_RESOURCE (group)));
  n_before = groups_test_n_organizations (group);
  g_assert_cmpuint (n_before, ==, 6);
  editor = groups_test_open (t, "Healthcare");
  scope = pd_ui_test_find_type (editor, PD_TYPE_GROUP_SCOPE);
  g_assert_cmpuint (n_shown (scope, "list"), ==, 6);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_id (scope, "stack"))), ==, "list");
  pd_ui_test_screenshot (editor, "group-scope");

  /* The picker: every client, searchable; those already in are shown but cannot be ticked */
  pick_outsiders (t, group, &first, &second);
  first_name = g_strdup (pd_organization_get_name (first));
  second_name = g_strdup (pd_organization_get_name (second));
  groups_test_click (find_id (scope, "add_button"));
  picker = groups_test_wait_window (PD_TYPE_PICKER);
  g_assert_cmpuint (n_shown (picker, "list"), ==, g_list_model_get_n_items (pd_session_get_organizations (test->session)));
  g_assert_false (gtk_widget_is_sensitive (find_id (picker, "add_button")));
  {
    PdResource *member = pd_resource_list_lookup (PD_RESOURCE_LIST (pd_session_get_organizations (test->session)),
                                                  pd_group_get_organization_ids (group)[0]);

    inside = g_strdup (pd_organization_get_name (PD_ORGANIZATION (member)));
    search_picker (picker, inside, count_matching (test->session, inside));
    check = groups_test_row_of (picker, inside, GTK_TYPE_CHECK_BUTTON);
    g_assert_nonnull (check);
    g_assert_false (gtk_widget_is_sensitive (check));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (check), ==, "Already in the scope");
  }

  /* Multi-select across searches: a tick survives the next search */
  search_picker (picker, first_name, count_matching (test->session, first_name));
  tick (picker, first_name);
  search_picker (picker, second_name, count_matching (test->session, second_name));
  tick (picker, second_name);
  search_picker (picker, first_name, count_matching (test->session, first_name));
  check = groups_test_row_of (picker, first_name, GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  search_picker (picker, "no client is called this", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_id (picker, "stack"))), ==, "empty");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (find_id (picker, "window_title"))), ==,
                   "2 selected");
  groups_test_click (find_id (picker, "add_button"));
  groups_test_wait_scope (t, group_id, n_before + 2);
  g_assert_true (g_strv_contains (pd_group_get_organization_ids (group), pd_resource_get_id (PD_RESOURCE (first))));
  g_assert_true (g_strv_contains (pd_group_get_organization_ids (group), pd_resource_get_id (PD_RESOURCE (second))));
  g_assert_cmpuint (n_shown (scope, "list"), ==, n_before + 2);

  /* The scope's own search */
  gtk_editable_set_text (GTK_EDITABLE (find_id (scope, "search_entry")), first_name);
  {
    Shown shown = { scope, count_matching (test->session, first_name) };

    g_assert_cmpuint (shown.n, >=, 1);
    shown.n = 1;
    pd_ui_test_wait_for (picker_shows, &shown, "the scope's search");
  }
  gtk_editable_set_text (GTK_EDITABLE (find_id (scope, "search_entry")), "");

  /* Remove one, then Undo */
  gtk_editable_set_text (GTK_EDITABLE (find_id (scope, "search_entry")), second_name);
  g_object_set_data (G_OBJECT (scope), "groups-test-row", second_name);
  pd_ui_test_wait_for (scope_row_shown, scope, second_name);
  row = groups_test_row_of (scope, second_name, GTK_TYPE_BOX);
  g_assert_nonnull (row);
  groups_test_click (pd_ui_test_find_type (gtk_widget_get_parent (row), GTK_TYPE_BUTTON));
  groups_test_wait_scope (t, group_id, n_before + 1);
  g_assert_false (g_strv_contains (pd_group_get_organization_ids (group), pd_resource_get_id (PD_RESOURCE (second))));
  groups_test_click_toast (t, "Undo");
  groups_test_wait_scope (t, group_id, n_before + 2);
  g_assert_true (g_strv_contains (pd_group_get_organization_ids (group), pd_resource_get_id (PD_RESOURCE (second))));
}

static void
test_empty_scope (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GroupsTest) t = NULL;
  GtkWidget *editor, *scope;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 720);
  assert_row_text (t, "After-hours support", "All organizations");
  editor = groups_test_open (t, "After-hours support");
  scope = pd_ui_test_find_type (editor, PD_TYPE_GROUP_SCOPE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_id (scope, "stack"))), ==, "all");
  g_assert_nonnull (pd_ui_test_find_label (scope, "All Organizations"));
  g_assert_nonnull (pd_ui_test_find_label (scope, "every organization"));
  g_assert_true (gtk_widget_is_sensitive (find_id (scope, "empty_add_button")));
}

static gboolean
label_shown (gpointer widget)
{
  return pd_ui_test_find_label (widget, g_object_get_data (widget, "groups-test-label")) != NULL;
}

static gboolean
has_height (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

/* A scope of hundreds among a thousand clients: only the visible rows exist, in the list and
 * in the picker, and the end of the list scrolls into view. */
static void
test_large_scope (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "1000", NULL }, "owner");
  g_autoptr(GroupsTest) t = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  GtkWidget *editor, *scope, *list, *picker;
  GtkAdjustment *adjustment;
  GListModel *shown;
  g_autoptr(GObject) last = NULL;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 800);
  editor = groups_test_open (t, "Enterprise clients");
  scope = pd_ui_test_find_type (editor, PD_TYPE_GROUP_SCOPE);
  list = find_id (scope, "list");
  g_assert_cmpuint (n_shown (scope, "list"), ==, 200);
  pd_ui_test_wait_for (has_height, list, "the list to be laid out");
  pd_ui_test_wait_frames (10);
  rows = pd_ui_test_find_all_type (list, GTK_TYPE_BUTTON);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 80);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
  g_object_set_data (G_OBJECT (list), "groups-test-label", (gpointer) pd_organization_get_name (PD_ORGANIZATION (last)));
  pd_ui_test_wait_for (label_shown, list, "the last organization");

  groups_test_click (find_id (scope, "add_button"));
  picker = groups_test_wait_window (PD_TYPE_PICKER);
  g_assert_cmpuint (n_shown (picker, "list"), ==, 1000);
  pd_ui_test_wait_for (has_height, find_id (picker, "list"), "the picker to be laid out");
  pd_ui_test_wait_frames (10);
  checks = pd_ui_test_find_all_type (picker, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, <, 80);
  gtk_window_destroy (GTK_WINDOW (picker));
}

/* A phone-wide window: the editor fits, its switcher and buttons reachable */
static void
test_narrow (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GroupsTest) t = NULL;
  GtkWidget *editor, *scope;

  if (test == NULL)
    return;
  t = groups_test_new (test, 360, 720);
  pd_ui_test_screenshot (t->page, "groups-narrow");
  editor = groups_test_open (t, "Healthcare");
  scope = pd_ui_test_find_type (editor, PD_TYPE_GROUP_SCOPE);
  g_assert_true (gtk_widget_get_mapped (find_id (scope, "add_button")));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (t->window)), <=, 360);
  pd_ui_test_screenshot (editor, "group-scope-narrow");
}

/* ---- managers --------------------------------------------------------------------------- */

static void
assert_offered (GtkWidget  *picker,
                const char *name,
                const char *refusal)
{
  GtkWidget *check;

  search_picker (picker, name, 1);
  check = groups_test_row_of (picker, name, GTK_TYPE_CHECK_BUTTON);

  g_assert_nonnull (check);
  if (refusal == NULL)
    {
      g_assert_true (gtk_widget_is_sensitive (check));
      g_assert_null (gtk_widget_get_tooltip_text (check));
      return;
    }
  g_assert_false (gtk_widget_is_sensitive (check));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (check), refusal));
  /* Said in the row, not only in the tooltip */
  g_assert_nonnull (pd_ui_test_find_label (check, refusal));
}

static void
show_managers (GtkWidget *editor)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_id (editor, "view_stack"));

  adw_view_stack_set_visible_child_name (stack, "managers");
  pd_ui_test_wait_frames (20);
}

static void
test_managers (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GroupsTest) t = NULL;
  GtkWidget *editor, *managers, *picker, *row;
  g_autofree char *group_id = NULL;
  PdGroup *group;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 900);
  group = groups_test_group (t, "After-hours support");
  group_id = g_strdup (pd_resource_get_id (PD_RESOURCE (group)));
  editor = groups_test_open (t, "After-hours support");
  show_managers (editor);
  managers = pd_ui_test_find_type (editor, PD_TYPE_GROUP_MANAGERS);
  g_assert_nonnull (groups_test_row_of (managers, "Kenji Sato", ADW_TYPE_ACTION_ROW));

  /* Only active Admin and Support users; the others with the reason */
  groups_test_click (find_id (managers, "add_button"));
  picker = groups_test_wait_window (PD_TYPE_PICKER);
  g_assert_cmpuint (n_shown (picker, "list"), ==, g_list_model_get_n_items (pd_session_get_users (test->session)));
  pd_ui_test_screenshot (picker, "group-managers-picker");
  assert_offered (picker, "Ana Duarte", NULL);
  assert_offered (picker, "Greta Lindqvist", NULL);
  assert_offered (picker, "Mira Fischer", NULL);
  assert_offered (picker, "Kenji Sato", "Already manages this group");
  assert_offered (picker, "Olivia Owens", "only Admin and Support users can manage groups");
  assert_offered (picker, "Samuel Adeyemi", "only Admin and Support users can manage groups");
  assert_offered (picker, "Fatima Haddad", "only Admin and Support users can manage groups");
  assert_offered (picker, "Tomas Novak", "Role “Technician”");
  assert_offered (picker, "Omar Farouk", "only Admin and Support users can manage groups");
  assert_offered (picker, "Hannah Becker", "Deactivated");
  search_picker (picker, "duarte", 1);
  tick (picker, "Ana Duarte");
  search_picker (picker, "fischer", 1);
  tick (picker, "Mira Fischer");
  groups_test_click (find_id (picker, "add_button"));
  groups_test_wait_managers (t, group_id, 3);
  g_assert_nonnull (groups_test_row_of (managers, "Ana Duarte", ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (groups_test_row_of (managers, "Mira Fischer", ADW_TYPE_ACTION_ROW));

  /* Remove one, then Undo */
  row = groups_test_row_of (managers, "Ana Duarte", ADW_TYPE_ACTION_ROW);
  groups_test_click (pd_ui_test_find_type (row, GTK_TYPE_BUTTON));
  groups_test_wait_managers (t, group_id, 2);
  g_assert_null (groups_test_row_of (managers, "Ana Duarte", ADW_TYPE_ACTION_ROW));
  groups_test_click_toast (t, "Undo");
  groups_test_wait_managers (t, group_id, 3);
  g_assert_nonnull (groups_test_row_of (managers, "Ana Duarte", ADW_TYPE_ACTION_ROW));
}

/* ---- delete ----------------------------------------------------------------------------- */

static gboolean
group_gone (gpointer data)
{
  GroupsTest *t = data;

  return groups_test_group (t, "Healthcare") == NULL;
}

static void
test_delete (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GroupsTest) t = NULL;
  GtkWidget *editor, *dialog;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 720);
  editor = groups_test_open (t, "Healthcare");

  /* Cancel keeps it */
  groups_test_click (find_id (editor, "delete_button"));
  dialog = groups_test_wait_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Delete “Healthcare”?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pd_ui_test_wait_frames (30);
  g_assert_nonnull (groups_test_group (t, "Healthcare"));

  /* Delete removes it and goes back to the list */
  groups_test_click (find_id (editor, "delete_button"));
  dialog = groups_test_wait_window (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pd_ui_test_wait_for (group_gone, t, "the group to go");
  pd_ui_test_wait_frames (30);
  g_assert_cmpuint (pd_page_stack_get_depth (pd_session_view_get_page_stack (t->view)), ==, 0);
  g_assert_null (groups_test_row_of (t->page, "Healthcare", GTK_TYPE_LIST_BOX_ROW));
}

/* ---- a technician reads only ------------------------------------------------------------ */

static void
assert_refused (GtkWidget  *widget,
                const char *reason)
{
  g_assert_nonnull (widget);
  g_assert_false (gtk_widget_is_sensitive (widget));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (widget), reason));
}

static void
test_technician (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "technician");
  g_autoptr(GroupsTest) t = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *editor, *scope, *managers, *row;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 800);
  assert_row_text (t, "Healthcare", "6 organizations");
  assert_refused (find_id (t->page, "new_button"), "Technician");

  editor = groups_test_open (t, "After-hours support");
  assert_refused (find_id (editor, "edit_button"), "Technician");
  assert_refused (find_id (editor, "delete_button"), "Technician");
  assert_refused (find_id (pd_ui_test_find_type (editor, PD_TYPE_GROUP_SCOPE), "empty_add_button"), "Technician");
  show_managers (editor);
  managers = pd_ui_test_find_type (editor, PD_TYPE_GROUP_MANAGERS);
  assert_refused (find_id (managers, "add_button"), "Technician");
  row = groups_test_row_of (managers, "Kenji Sato", ADW_TYPE_ACTION_ROW);
  assert_refused (pd_ui_test_find_type (row, GTK_TYPE_BUTTON), "Technician");
  pd_session_view_go_back (t->view);
  pd_ui_test_wait_frames (30);

  editor = groups_test_open (t, "Healthcare");
  scope = pd_ui_test_find_type (editor, PD_TYPE_GROUP_SCOPE);
  assert_refused (find_id (scope, "add_button"), "Technician");
  buttons = pd_ui_test_find_all_type (find_id (scope, "list"), GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, ==, 6);
  for (guint i = 0; i < buttons->len; i++)
    assert_refused (g_ptr_array_index (buttons, i), "Technician");
}

/* ---- an admin limited to their groups -------------------------------------------------- */

/* The portal lets a scoped admin rename, add organizations and managers, remove
 * organizations, but not create or delete groups or remove managers: exactly that shows. */
static void
test_scoped_admin (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "scoped_admin");
  g_autoptr(GroupsTest) t = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *editor, *scope, *managers, *row;

  if (test == NULL)
    return;
  t = groups_test_new (test, 1100, 800);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_groups (test->session)), ==, 1);
  assert_refused (find_id (t->page, "new_button"), "cannot create groups");

  editor = groups_test_open (t, "Enterprise clients");
  g_assert_true (gtk_widget_is_sensitive (find_id (editor, "edit_button")));
  assert_refused (find_id (editor, "delete_button"), "cannot delete groups");
  scope = pd_ui_test_find_type (editor, PD_TYPE_GROUP_SCOPE);
  g_assert_true (gtk_widget_is_sensitive (find_id (scope, "add_button")));
  buttons = pd_ui_test_find_all_type (find_id (scope, "list"), GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, >, 0);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_true (gtk_widget_is_sensitive (g_ptr_array_index (buttons, i)));

  show_managers (editor);
  managers = pd_ui_test_find_type (editor, PD_TYPE_GROUP_MANAGERS);
  g_assert_true (gtk_widget_is_sensitive (find_id (managers, "add_button")));
  row = groups_test_row_of (managers, "Greta Lindqvist", ADW_TYPE_ACTION_ROW);
  assert_refused (pd_ui_test_find_type (row, GTK_TYPE_BUTTON), "cannot remove group managers");
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/groups/list", test_list);
  g_test_add_func ("/groups/create-edit", test_create_edit);
  g_test_add_func ("/groups/scope", test_scope);
  g_test_add_func ("/groups/empty-scope", test_empty_scope);
  g_test_add_func ("/groups/large-scope", test_large_scope);
  g_test_add_func ("/groups/narrow", test_narrow);
  g_test_add_func ("/groups/managers", test_managers);
  g_test_add_func ("/groups/delete", test_delete);
  g_test_add_func ("/groups/technician", test_technician);
  g_test_add_func ("/groups/scoped-admin", test_scoped_admin);
  return g_test_run ();
}
