/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client page's actions menu against the reference portal (--seed 50): admin access on
 * and off after a confirmation, with the management chips following the portal's answer,
 * and refused while the client is unmapped; signing in as the client fetches a one-time
 * link and opens it (the browser replaced by a recorder: the test then opens the link once
 * itself, and a second time it is gone; with the portal away nothing is kept for later);
 * reset-password e-mails after a confirmation; and
 * what the role (technician, finance) and the client (reseller, suspended, deleted, no
 * e-mail) do not allow is disabled with the reason, and explained if asked anyway. */
#include "config.h"

#include "clientactions-test.h"
#include "pd-client-format.h"

static PdUiTestSession *owner;

typedef struct {
  PdOrganization *organization;
  gboolean        on;
} AccessWait;

static gboolean
admin_access_is (gpointer data)
{
  AccessWait *wait = data;
  GListModel *services = G_LIST_MODEL (pd_organization_get_services (wait->organization));

  if (pd_organization_get_admin_access (wait->organization) != wait->on)
    return FALSE;
  /* and the services' modes came with the same answer */
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      if (pd_service_get_management_mode (service) ==
          (wait->on ? PD_MANAGEMENT_MODE_PARTNER : PD_MANAGEMENT_MODE_CO_MANAGED))
        return FALSE;
    }
  return TRUE;
}

static void
toggle_admin_access (ActionsTest *t,
                     gboolean     on)
{
  gtk_switch_set_active (t->actions->admin_switch, on);
  /* the switch moves only with the portal's answer */
  g_assert_cmpint (gtk_switch_get_state (t->actions->admin_switch), ==, !on);
}

/* Kestrel Logistics (org_2): five partner-managed services become co-managed and back */
static void
test_admin_access (void)
{
  g_autoptr(ActionsTest) t = NULL;
  PdOrganization *kestrel;
  AccessWait wait;
  g_autofree char *body = NULL;
  const char *co_managed = pd_client_format_management_mode (PD_MANAGEMENT_MODE_CO_MANAGED);
  const char *partner = pd_client_format_management_mode (PD_MANAGEMENT_MODE_PARTNER);

  if (owner == NULL)
    return;
  kestrel = actions_test_organization (owner, "org_2");
  t = actions_test_new (owner, "org_2");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (t->actions->admin_switch)));
  g_assert_false (gtk_switch_get_state (t->actions->admin_switch));
  g_assert_nonnull (pd_ui_test_find_label (t->client->page, partner));

  /* Cancel: nothing sent, the switch as it was */
  toggle_admin_access (t, TRUE);
  body = actions_test_answer ("cancel");
  g_assert_nonnull (strstr (body, "the services you manage become co-managed"));
  g_assert_nonnull (strstr (body, "Services the client manages stay client-managed"));
  pd_ui_test_wait_frames (5);
  g_assert_false (gtk_switch_get_active (t->actions->admin_switch));
  g_assert_false (pd_organization_get_admin_access (kestrel));

  toggle_admin_access (t, TRUE);
  g_free (actions_test_answer ("confirm"));
  wait = (AccessWait) { kestrel, TRUE };
  pd_ui_test_wait_for (admin_access_is, &wait, "admin access on, services co-managed");
  client_test_wait_action (t->client, "show-toast 'Admin access is on for Kestrel Logistics");
  g_assert_true (gtk_switch_get_state (t->actions->admin_switch));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (t->actions->admin_row), "co-manage"));
  pd_ui_test_wait_frames (3);
  g_assert_nonnull (pd_ui_test_find_label (t->client->page, co_managed));
  g_assert_null (pd_ui_test_find_label (t->client->page, partner));
  /* the link is needed now */
  g_assert_false (gtk_widget_is_sensitive (t->actions->unlink_button));
  actions_test_popup (t);
  actions_test_screenshot_menu (t, "client-actions");

  toggle_admin_access (t, FALSE);
  g_free (actions_test_answer ("confirm"));
  wait = (AccessWait) { kestrel, FALSE };
  pd_ui_test_wait_for (admin_access_is, &wait, "admin access off, services partner-managed");
  client_test_wait_action (t->client, "show-toast 'Admin access is off for Kestrel Logistics");
  pd_ui_test_wait_frames (3);
  g_assert_nonnull (pd_ui_test_find_label (t->client->page, partner));
  g_assert_false (gtk_switch_get_state (t->actions->admin_switch));
  g_assert_true (gtk_widget_is_sensitive (t->actions->unlink_button));
  g_assert_null (client_test_find_action (t->client, "show-error"));
}

/* Nordlicht Architekten GmbH (org_5) is not mapped: admin access says to map it first, and
 * the portal's refusal, when asked all the same, is explained. */
static void
test_admin_access_needs_mapping (void)
{
  g_autoptr(ActionsTest) t = NULL;

  if (owner == NULL)
    return;
  t = actions_test_new (owner, "org_5");
  actions_test_assert_refused (GTK_WIDGET (t->actions->admin_switch), t->actions->admin_row,
                               "Needs a linked service account: map the client first");
  /* the way to map it is right there */
  g_assert_true (gtk_widget_is_sensitive (t->actions->map_button));

  gtk_switch_set_active (t->actions->admin_switch, TRUE);
  g_free (actions_test_answer ("confirm"));
  client_test_wait_action (t->client, "show-error ('Cannot turn on admin access', 'Nordlicht Architekten GmbH is not "
                                      "linked to its service account");
  g_assert_false (pd_organization_get_admin_access (actions_test_organization (owner, "org_5")));
  g_assert_false (gtk_switch_get_active (t->actions->admin_switch));
}

static gboolean
link_opened (gpointer data)
{
  ActionsTest *t = data;

  return t->opened->len > 0;
}

/* Harbor Dental Group (org_1): the link opens the client portal once */
static void
test_sign_in (void)
{
  g_autoptr(ActionsTest) t = NULL;
  g_autofree char *page = NULL;
  const char *url;

  if (owner == NULL)
    return;
  t = actions_test_new (owner, "org_1");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (t->actions->sign_in_row)));
  g_signal_emit_by_name (t->actions->sign_in_row, "activated");
  pd_ui_test_wait_for (link_opened, t, "the link to be opened");
  client_test_wait_action (t->client, "show-toast 'The client portal of Harbor Dental Group opens in your browser.");
  g_assert_cmpuint (t->opened->len, ==, 1);
  url = g_ptr_array_index (t->opened, 0);
  g_assert_true (g_str_has_prefix (url, pd_test_portal_get_url (owner->portal)));

  g_assert_cmpuint (actions_test_browse (url, &page), ==, 200);
  g_assert_nonnull (strstr (page, "Harbor Dental Group"));
  g_assert_cmpuint (actions_test_browse (url, NULL), ==, 410);
}

/* With the portal gone, no link waits in the outbox to open a browser later: the user is
 * told to try again, and nothing is opened when the portal is back. */
static void
test_sign_in_offline (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");
  g_autoptr(ActionsTest) t = NULL;

  if (test == NULL)
    return;
  t = actions_test_new (test, "org_1");
  pd_portal_client_set_retry_limits (pd_session_get_client (test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (test->session), 50, 200);
  g_clear_pointer (&test->portal, pd_test_portal_stop);

  g_signal_emit_by_name (t->actions->sign_in_row, "activated");
  client_test_wait_action (t->client, "show-error ('Cannot sign in as the client', 'The portal cannot be reached");
  g_assert_cmpuint (t->opened->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (test->session))), ==, 0);
}

/* Where the client's state does not allow it, the menu says why; a reseller client's
 * refusal by the portal, when asked all the same, is explained too. */
static void
test_sign_in_by_client_state (void)
{
  static const struct { const char *id; const char *why; } cases[] = {
    { "org_4", "You resell this client’s backup" },
    { "org_8", "The client is suspended" },
    { "org_10", "The client is deleted" },
  };

  if (owner == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ActionsTest) t = actions_test_new (owner, cases[i].id);

      actions_test_assert_refused (GTK_WIDGET (t->actions->sign_in_row), t->actions->sign_in_row, cases[i].why);
      if (i == 0)
        {
          g_signal_emit_by_name (t->actions->sign_in_row, "activated");
          client_test_wait_action (t->client, "show-error ('Cannot sign in as the client', 'You resell the backup of "
                                              "Bright Path Academy");
          g_assert_cmpuint (t->opened->len, ==, 0);
        }
    }
}

/* Harbor Dental Group (org_1): the e-mail goes to the contact address after a confirmation */
static void
test_reset_password (void)
{
  g_autoptr(ActionsTest) t = NULL;
  g_autofree char *body = NULL;

  if (owner == NULL)
    return;
  t = actions_test_new (owner, "org_1");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (t->actions->reset_row), "it@harbor-dental-group.example"));
  g_signal_emit_by_name (t->actions->reset_row, "activated");
  body = actions_test_answer ("cancel");
  g_assert_nonnull (strstr (body, "An e-mail to it@harbor-dental-group.example"));
  pd_ui_test_wait_frames (10);
  g_assert_null (client_test_find_action (t->client, "show-toast"));

  g_signal_emit_by_name (t->actions->reset_row, "activated");
  g_free (actions_test_answer ("confirm"));
  client_test_wait_action (t->client, "show-toast 'A password reset e-mail is on its way to it@harbor-dental-group.example'");
}

/* No contact e-mail (Redwood Manufacturing, org_9) or deleted (Bluebird Café, org_10) */
static void
test_reset_password_refused (void)
{
  g_autoptr(ActionsTest) redwood = NULL;
  g_autoptr(ActionsTest) bluebird = NULL;

  if (owner == NULL)
    return;
  redwood = actions_test_new (owner, "org_9");
  actions_test_assert_refused (GTK_WIDGET (redwood->actions->reset_row), redwood->actions->reset_row,
                               "no contact e-mail address");
  g_signal_emit_by_name (redwood->actions->reset_row, "activated");
  g_free (actions_test_answer ("confirm"));
  client_test_wait_action (redwood->client, "show-error ('Cannot send the reset password e-mail', 'Redwood "
                                            "Manufacturing Ltda has no contact e-mail address now.");

  bluebird = actions_test_new (owner, "org_10");
  actions_test_assert_refused (GTK_WIDGET (bluebird->actions->reset_row), bluebird->actions->reset_row,
                               "The client is deleted");
}

/* What the role lacks: every action disabled, the reason naming the role and permission */
static void
assert_role_refused (PdUiTestSession *session,
                     const char      *role)
{
  g_autoptr(ActionsTest) t = NULL;
  g_autofree char *write = NULL;
  g_autofree char *sign_in = NULL;

  if (session == NULL)
    return;
  t = actions_test_new (session, "org_1");
  write = g_strdup_printf ("Your role “%s” does not have the permission", role);
  sign_in = g_strdup (write);
  actions_test_assert_refused (t->actions->map_button, t->actions->mapping_row, write);
  actions_test_assert_refused (t->actions->unlink_button, NULL, write);
  actions_test_assert_refused (GTK_WIDGET (t->actions->admin_switch), t->actions->admin_row, write);
  actions_test_assert_refused (GTK_WIDGET (t->actions->sign_in_row), t->actions->sign_in_row, sign_in);
  actions_test_assert_refused (GTK_WIDGET (t->actions->reset_row), t->actions->reset_row, write);
  if (g_str_equal (role, "Technician"))
    actions_test_screenshot_menu (t, "client-actions-technician");
}

static void
test_technician (void)
{
  g_autoptr(PdUiTestSession) technician = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL },
                                                                  "technician");

  assert_role_refused (technician, "Technician");
}

static void
test_finance (void)
{
  g_autoptr(PdUiTestSession) finance = client_test_session_new_partial ("finance", 50);

  assert_role_refused (finance, "Finance");
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");

  g_test_add_func ("/ui/clientactions/admin-access", test_admin_access);
  g_test_add_func ("/ui/clientactions/admin-access-needs-mapping", test_admin_access_needs_mapping);
  g_test_add_func ("/ui/clientactions/sign-in", test_sign_in);
  g_test_add_func ("/ui/clientactions/sign-in-offline", test_sign_in_offline);
  g_test_add_func ("/ui/clientactions/sign-in-by-client-state", test_sign_in_by_client_state);
  g_test_add_func ("/ui/clientactions/reset-password", test_reset_password);
  g_test_add_func ("/ui/clientactions/reset-password-refused", test_reset_password_refused);
  g_test_add_func ("/ui/clientactions/technician", test_technician);
  g_test_add_func ("/ui/clientactions/finance", test_finance);
  status = g_test_run ();
  g_clear_pointer (&owner, pd_ui_test_session_free);
  return status;
}
