/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Permission gates on real sessions (--seed 20): a technician's write action is disabled with
 * a tooltip naming the role and the missing permission, the owner's is not and keeps its own
 * tooltip; HIDE hides; an item's own reason adds to the gates; a group-scoped admin is
 * stopped at clients outside the scope, with the client named. */
#include "config.h"

#include "pd-me.h"
#include "pd-organization.h"
#include "pd-permission-gate.h"
#include "pd-permission-text.h"
#include "pd-ui-test.h"

static const char * const seed[] = { "--seed", "20", NULL };

static GtkWidget *
button_with_tooltip (void)
{
  GtkWidget *button = gtk_button_new_with_label ("Add User");

  g_object_ref_sink (button);
  gtk_widget_set_tooltip_text (button, "Add a partner user");
  return button;
}

static void
test_gate_technician (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (seed, "technician");
  g_autoptr(GtkWidget) button = button_with_tooltip ();
  g_autoptr(GtkWidget) hidden = button_with_tooltip ();
  g_autofree char *expected = NULL;
  const char *tooltip;

  if (test == NULL)
    return;
  pd_permission_gate (button, test->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  g_assert_false (gtk_widget_get_sensitive (button));
  tooltip = gtk_widget_get_tooltip_text (button);
  expected = pd_permission_explain_missing (test->session, "users.write");
  g_assert_cmpstr (tooltip, ==, expected);
  /* Names the role and, in words, the permission. */
  g_assert_nonnull (strstr (tooltip, pd_me_get_role_name (pd_session_get_me (test->session))));
  g_assert_nonnull (strstr (tooltip, pd_permission_text_title ("users.write", NULL)));

  pd_permission_gate (hidden, test->session, "users.write", PD_PERMISSION_GATE_HIDE);
  g_assert_false (gtk_widget_get_visible (hidden));

  /* What the role has stays allowed. */
  g_clear_object (&hidden);
  hidden = button_with_tooltip ();
  pd_permission_gate (hidden, test->session, "organizations.read", PD_PERMISSION_GATE_HIDE);
  g_assert_true (gtk_widget_get_visible (hidden));
  g_assert_true (gtk_widget_get_sensitive (hidden));
}

static void
test_gate_owner_and_reason (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (seed, "owner");
  g_autoptr(GtkWidget) button = button_with_tooltip ();

  if (test == NULL)
    return;
  pd_permission_gate (button, test->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (button, test->session, "users.delete", PD_PERMISSION_GATE_DISABLE);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Add a partner user");

  pd_permission_gate_set_reason (button, "The owner cannot be deleted.");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "The owner cannot be deleted.");
  pd_permission_gate_set_reason (button, NULL);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Add a partner user");
}

/* A reason alone (no session) works too: an item rule on a widget without permission. */
static void
test_gate_reason_only (void)
{
  g_autoptr(GtkWidget) button = button_with_tooltip ();

  pd_permission_gate_set_reason (button, "You cannot change your own role.");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "You cannot change your own role.");
  pd_permission_gate_set_reason (button, NULL);
  g_assert_true (gtk_widget_get_sensitive (button));
}

static void
test_gate_scope (void)
{
  g_autoptr(PdUiTestSession) owner = pd_ui_test_session_new (seed, "owner");
  g_autoptr(PdUiTestSession) scoped = NULL;
  g_autoptr(GtkWidget) inside = button_with_tooltip ();
  g_autoptr(GtkWidget) outside = button_with_tooltip ();
  GListModel *all;
  const char * const *scope;
  PdOrganization *out_of_scope = NULL;
  PdMe *me;

  if (owner == NULL)
    return;
  scoped = pd_ui_test_session_new (seed, "scoped_admin");
  me = pd_session_get_me (scoped->session);
  g_assert_false (pd_me_get_access_scope_all_organizations (me));
  scope = pd_me_get_access_scope_organization_ids (me);
  g_assert_true (scope != NULL && scope[0] != NULL);
  all = pd_session_get_organizations (owner->session);
  for (guint i = 0; out_of_scope == NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (all, i);

      if (!g_strv_contains (scope, pd_resource_get_id (PD_RESOURCE (organization))))
        out_of_scope = organization;
    }
  g_assert_nonnull (out_of_scope);

  g_assert_true (pd_permission_in_scope (scoped->session, scope[0]));
  g_assert_false (pd_permission_in_scope (scoped->session, pd_resource_get_id (PD_RESOURCE (out_of_scope))));
  g_assert_true (pd_permission_in_scope (owner->session, pd_resource_get_id (PD_RESOURCE (out_of_scope))));

  pd_permission_gate_organization (inside, scoped->session, "organizations.write", scope[0]);
  g_assert_true (gtk_widget_get_sensitive (inside));
  pd_permission_gate_organization (outside, scoped->session, "organizations.write",
                                   pd_resource_get_id (PD_RESOURCE (out_of_scope)));
  g_assert_false (gtk_widget_get_sensitive (outside));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (outside), "access scope"));
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/permission-gate/technician", test_gate_technician);
  g_test_add_func ("/permission-gate/owner-and-reason", test_gate_owner_and_reason);
  g_test_add_func ("/permission-gate/reason-only", test_gate_reason_only);
  g_test_add_func ("/permission-gate/scope", test_gate_scope);
  return g_test_run ();
}
