/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "groups-test.h"
#include "pd-group-editor.h"
#include "pd-groups-page.h"

/* Laid out and done sliding in */
static gboolean
section_shown (gpointer data)
{
  GroupsTest *t = data;
  GtkStack *sections = pd_session_view_get_sections (t->view);

  return !gtk_stack_get_transition_running (sections) && gtk_widget_get_mapped (t->page) &&
         gtk_widget_get_height (t->page) > 0;
}

GroupsTest *
groups_test_new (PdUiTestSession *test,
                 int              width,
                 int              height)
{
  GroupsTest *t = g_new0 (GroupsTest, 1);

  t->test = test;
  t->view = PD_SESSION_VIEW (pd_session_view_new ());
  t->window = pd_ui_test_window_new (GTK_WIDGET (t->view), width, height);
  pd_session_view_set_session (t->view, test->session);
  pd_session_view_show_page (t->view, "groups");
  t->page = gtk_stack_get_child_by_name (pd_session_view_get_sections (t->view), "groups");
  g_assert_true (PD_IS_GROUPS_PAGE (t->page));
  pd_ui_test_wait_for (section_shown, t, "the Groups section");
  pd_ui_test_wait_frames (5);
  return t;
}

void
groups_test_free (GroupsTest *t)
{
  pd_ui_test_window_destroy (t->window);
  g_free (t);
}

PdGroup *
groups_test_group (GroupsTest *t,
                   const char *name)
{
  GListModel *groups = pd_session_get_groups (t->test->session);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(PdGroup) group = g_list_model_get_item (groups, i);

      if (g_strcmp0 (pd_group_get_name (group), name) == 0)
        return group;
    }
  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  GroupsTest *t = data;

  return PD_IS_GROUP_EDITOR (pd_page_stack_get_visible_page (pd_session_view_get_page_stack (t->view)));
}

GtkWidget *
groups_test_open (GroupsTest *t,
                  const char *name)
{
  GtkWidget *row = groups_test_row_of (t->page, name, GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pd_ui_test_wait_for (editor_shown, t, "the group editor");
  pd_ui_test_wait_frames (20);
  return pd_page_stack_get_visible_page (pd_session_view_get_page_stack (t->view));
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

GtkWidget *
groups_test_wait_window (GType type)
{
  pd_ui_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (type), g_type_name (type));
  pd_ui_test_wait_frames (10);
  return find_toplevel (type);
}

void
groups_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_widget_activate (button);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
groups_test_row_of (GtkWidget  *root,
                    const char *text,
                    GType       type)
{
  GtkWidget *label = pd_ui_test_find (root, label_is, text);

  return label != NULL ? gtk_widget_get_ancestor (label, type) : NULL;
}

static gboolean
toast_button_shown (gpointer data)
{
  GroupsTest *t = data;
  const char *label = g_object_get_data (G_OBJECT (t->view), "groups-test-toast");

  return groups_test_row_of (GTK_WIDGET (t->view), label, GTK_TYPE_BUTTON) != NULL;
}

void
groups_test_click_toast (GroupsTest *t,
                         const char *button_label)
{
  g_object_set_data (G_OBJECT (t->view), "groups-test-toast", (gpointer) button_label);
  pd_ui_test_wait_for (toast_button_shown, t, button_label);
  pd_ui_test_wait_toast_shown ();
  groups_test_click (groups_test_row_of (GTK_WIDGET (t->view), button_label, GTK_TYPE_BUTTON));
}

guint
groups_test_n_organizations (PdGroup *group)
{
  return g_strv_length ((char **) pd_group_get_organization_ids (group));
}

guint
groups_test_n_managers (PdGroup *group)
{
  return g_list_model_get_n_items (G_LIST_MODEL (pd_group_get_managers (group)));
}

typedef struct {
  GroupsTest *t;
  const char *group_id;
  guint       n;
  gboolean    managers;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *count = data;
  PdResource *group = pd_resource_list_lookup (PD_RESOURCE_LIST (pd_session_get_groups (count->t->test->session)),
                                               count->group_id);

  if (group == NULL)
    return FALSE;
  return (count->managers ? groups_test_n_managers (PD_GROUP (group))
                          : groups_test_n_organizations (PD_GROUP (group))) == count->n;
}

void
groups_test_wait_scope (GroupsTest *t,
                        const char *group_id,
                        guint       n)
{
  Count count = { t, group_id, n, FALSE };

  pd_ui_test_wait_for (count_is, &count, "the size of the scope");
  pd_ui_test_wait_frames (10);
}

void
groups_test_wait_managers (GroupsTest *t,
                           const char *group_id,
                           guint       n)
{
  Count count = { t, group_id, n, TRUE };

  pd_ui_test_wait_for (count_is, &count, "the number of managers");
  pd_ui_test_wait_frames (10);
}
