/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The seat picker against the reference portal (--seed 50), driven the way a technician
 * does: search, type filter, checks, Select All / None, Apply. Seats are the portal's:
 * Harbor Dental Group's Exchange (org_1, svc_1) has 25 seats for 26 accounts, Maple Leaf
 * Accounting's Exchange (org_3, svc_10) 40 seats and a deleted account, Quantum's Exchange
 * (org_11, svc_30) about 1,500 accounts. */
#include "config.h"

#include "pd-account.h"
#include "pd-account-bulk.h"
#include "pd-organization.h"
#include "pd-seat-picker.h"
#include "pd-seat-picker-row.h"
#include "pd-ui-test.h"

static PdUiTestSession *owner;
static PdUiTestSession *technician;

typedef struct {
  GtkWindow      *window;
  PdSeatPicker   *picker;
  PdResourceList *accounts;
  guint           n_changed;
} SeatTest;

static const char *label_text (SeatTest *t, const char *id);

static PdOrganization *
lookup_organization_in (PdSession  *session,
                        const char *organization_id)
{
  GListModel *orgs = pd_session_get_organizations (session);
  return PD_ORGANIZATION (pd_resource_list_lookup (PD_RESOURCE_LIST (orgs), organization_id));
}

static PdOrganization *
lookup_organization (const char *organization_id)
{
  return lookup_organization_in (owner->session, organization_id);
}

static gboolean
picker_loaded (gpointer data)
{
  SeatTest *t = data;
  return gtk_widget_is_sensitive (pd_ui_test_find_id (GTK_WIDGET (t->picker), "list_view")) &&
         g_list_model_get_n_items (G_LIST_MODEL (t->accounts)) > 0;
}

static void
on_changed (SeatTest *t)
{
  t->n_changed++;
}

static SeatTest *
seat_test_new_for (PdSession  *session,
                   const char *organization_id,
                   const char *service_id,
                   int         width,
                   int         height)
{
  PdOrganization *organization = lookup_organization_in (session, organization_id);
  PdService *service = PD_SERVICE (pd_resource_list_lookup (pd_organization_get_services (organization), service_id));
  SeatTest *t = g_new0 (SeatTest, 1);
  GtkWidget *picker = pd_seat_picker_new (session, organization, service);

  gtk_widget_set_margin_top (picker, 18);
  gtk_widget_set_margin_bottom (picker, 18);
  gtk_widget_set_margin_start (picker, 18);
  gtk_widget_set_margin_end (picker, 18);
  t->picker = PD_SEAT_PICKER (picker);
  t->accounts = pd_session_get_accounts (session, organization_id, service_id);
  g_signal_connect_swapped (picker, "changed", G_CALLBACK (on_changed), t);
  t->window = pd_ui_test_window_new (picker, width, height);
  return t;
}

static gboolean
stack_page_is (gpointer data)
{
  SeatTest *t = ((gpointer *) data)[0];
  const char *name = ((gpointer *) data)[1];
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (GTK_WIDGET (t->picker), "stack"))),
                    name) == 0;
}

static void
wait_page (SeatTest   *t,
           const char *name)
{
  gpointer data[2] = { t, (gpointer) name };
  pd_ui_test_wait_for (stack_page_is, data, name);
}

static SeatTest *
seat_test_new (const char *organization_id,
               const char *service_id,
               int         width,
               int         height)
{
  SeatTest *t = seat_test_new_for (owner->session, organization_id, service_id, width, height);
  GtkWidget *picker = GTK_WIDGET (t->picker);

  pd_ui_test_wait_for (picker_loaded, t, "the accounts to load");
  g_test_message ("loaded: %s / %s / %s", label_text (t, "counter_label"), label_text (t, "shown_label"),
                  gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (picker, "stack"))));
  return t;
}

static void
seat_test_free (SeatTest *t)
{
  pd_ui_test_window_destroy (t->window);
  g_free (t);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeatTest, seat_test_free)

static const char *
label_text (SeatTest   *t,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (pd_ui_test_find_id (GTK_WIDGET (t->picker), id)));
}

static gboolean
notice_shown (SeatTest *t)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (pd_ui_test_find_id (GTK_WIDGET (t->picker), "notice_revealer")));
}

/* Accounts of the service matching @match, in list order */
static GPtrArray *
find_accounts (SeatTest *t,
               gboolean (*match) (PdAccount *account))
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (t->accounts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (G_LIST_MODEL (t->accounts), i);
      if (match (account))
        g_ptr_array_add (found, g_steal_pointer (&account));
    }
  return found;
}

static gboolean
is_unprotected_active (PdAccount *account)
{
  return pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_UNPROTECTED &&
         pd_account_get_status (account) == PD_ACCOUNT_STATUS_ACTIVE;
}

static gboolean
is_unprotected_deleted (PdAccount *account)
{
  return pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_UNPROTECTED &&
         pd_account_get_status (account) == PD_ACCOUNT_STATUS_DELETED;
}

static gboolean
is_unprotected_deactivated (PdAccount *account)
{
  return pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_UNPROTECTED &&
         pd_account_get_status (account) == PD_ACCOUNT_STATUS_DEACTIVATED;
}

static gboolean
holds_seat (PdAccount *account)
{
  return pd_account_get_protection (account) != PD_ACCOUNT_PROTECTION_UNPROTECTED;
}

typedef struct {
  SeatTest  *t;
  PdAccount *account;
  GtkWidget *row;
} RowFind;

static gboolean
row_shown (gpointer data)
{
  RowFind *find = data;
  g_autoptr(GPtrArray) rows = pd_ui_test_find_all_type (GTK_WIDGET (find->t->picker), PD_TYPE_SEAT_PICKER_ROW);

  find->row = NULL;
  for (guint i = 0; i < rows->len; i++)
    if (pd_seat_picker_row_get_account (g_ptr_array_index (rows, i)) == find->account)
      find->row = g_ptr_array_index (rows, i);
  return find->row != NULL;
}

static void
search (SeatTest   *t,
        const char *text)
{
  pd_ui_test_search (pd_ui_test_find_id (GTK_WIDGET (t->picker), "search_entry"), text);
}

/* Searches for @account by part of its e-mail and clicks its check, as a user would */
static GtkCheckButton *
find_check (SeatTest  *t,
            PdAccount *account)
{
  RowFind find = { t, account, NULL };
  const char *email = pd_account_get_email (account);
  g_autofree char *part = g_strndup (email, strcspn (email, "@"));

  search (t, part);
  pd_ui_test_wait_for (row_shown, &find, "the account's row");
  return GTK_CHECK_BUTTON (pd_ui_test_find_type (find.row, GTK_TYPE_CHECK_BUTTON));
}

static GtkWidget *
find_row (SeatTest  *t,
          PdAccount *account)
{
  RowFind find = { t, account, NULL };

  pd_ui_test_wait_for (row_shown, &find, "the account's row");
  return find.row;
}

static void
click (GtkCheckButton *check)
{
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static gboolean
has_id (char      **ids,
        PdAccount  *account)
{
  return g_strv_contains ((const char * const *) ids, pd_resource_get_id (PD_RESOURCE (account)));
}

/* The protected and paused accounts start selected; one more fills the last seat, and the
 * next one is refused with what to do. */
static void
test_limit (void)
{
  g_autoptr(SeatTest) t = NULL;
  g_autoptr(GPtrArray) seated = NULL;
  g_autoptr(GPtrArray) free_ = NULL;
  g_auto(GStrv) ids = NULL;
  GtkCheckButton *check;
  guint n_seated;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_1", "svc_1", 720, 760);
  seated = find_accounts (t, holds_seat);
  n_seated = seated->len;
  g_assert_cmpuint (n_seated, ==, 24);
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 24);
  g_assert_true (pd_seat_picker_get_can_apply (t->picker));
  g_assert_cmpstr (label_text (t, "counter_label"), ==, "24 of 25 seats");
  g_assert_cmpstr (label_text (t, "open_label"), ==, "1 open");
  ids = pd_seat_picker_dup_selected_ids (t->picker);
  for (guint i = 0; i < seated->len; i++)
    g_assert_true (has_id (ids, g_ptr_array_index (seated, i)));

  /* the last seat */
  free_ = find_accounts (t, is_unprotected_active);
  g_assert_cmpuint (free_->len, >=, 1);
  check = find_check (t, g_ptr_array_index (free_, 0));
  click (check);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 25);
  g_assert_cmpstr (label_text (t, "counter_label"), ==, "25 of 25 seats");
  g_assert_cmpstr (label_text (t, "open_label"), ==, "No open seats");
  g_assert_true (pd_seat_picker_get_can_apply (t->picker));
  g_assert_false (notice_shown (t));

  /* over it: refused, the check stays off, and the words say what to do */
  {
    g_autoptr(GPtrArray) other = find_accounts (t, is_unprotected_deactivated);
    guint before = t->n_changed;

    g_assert_cmpuint (other->len, ==, 1);
    check = find_check (t, g_ptr_array_index (other, 0));
    click (check);
    g_assert_false (gtk_check_button_get_active (check));
    g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 25);
    g_assert_cmpuint (t->n_changed, ==, before);
    g_assert_true (notice_shown (t));
    g_assert_nonnull (strstr (label_text (t, "notice_label"), "All 25 seats of this client’s Exchange license are taken"));
    g_assert_nonnull (strstr (label_text (t, "notice_label"), "raise the license tier"));
  }
  pd_ui_test_screenshot (GTK_WIDGET (t->picker), "seat-picker-limit");

  /* deselecting makes room again, and the refusal goes */
  check = find_check (t, g_ptr_array_index (seated, 0));
  g_assert_true (gtk_check_button_get_active (check));
  click (check);
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 24);
  g_assert_false (notice_shown (t));
}

/* A draft from before the license went down: over the total, it says so and cannot apply */
static void
test_over_limit_draft (void)
{
  g_autoptr(SeatTest) t = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_1", "svc_1", 720, 760);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (t->accounts)); i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (G_LIST_MODEL (t->accounts), i);
      g_strv_builder_add (builder, pd_resource_get_id (PD_RESOURCE (account)));
      n++;
    }
  all = g_strv_builder_end (builder);
  g_assert_cmpuint (n, ==, 26);
  pd_seat_picker_set_selected_ids (t->picker, (const char * const *) all);
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 26);
  g_assert_false (pd_seat_picker_get_can_apply (t->picker));
  g_assert_cmpstr (label_text (t, "counter_label"), ==, "26 of 25 seats");
  g_assert_cmpstr (label_text (t, "open_label"), ==, "1 over the license");
  g_assert_true (notice_shown (t));
  g_assert_cmpstr (label_text (t, "notice_label"), ==,
                   "26 accounts are selected but this client’s Exchange license has 25 seats. "
                   "Deselect 1, or raise the license tier.");
  pd_ui_test_screenshot (GTK_WIDGET (t->picker), "seat-picker-over");
}

static gboolean
shown_is (gpointer data)
{
  SeatTest *t = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];
  return g_strcmp0 (label_text (t, "shown_label"), text) == 0;
}

static void
wait_shown (SeatTest   *t,
            const char *text)
{
  gpointer data[2] = { t, (gpointer) text };
  pd_ui_test_wait_for (shown_is, data, text);
}

/* Search (any characters, partial), the type filter, and Select All / None of what is
 * shown, with Select All stopping at the seats and saying so */
static void
test_search_filter_select (void)
{
  g_autoptr(SeatTest) t = NULL;
  GtkDropDown *types;
  GListModel *names;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_1", "svc_1", 720, 760);
  wait_shown (t, "26 accounts");

  /* only the types this service has */
  types = GTK_DROP_DOWN (pd_ui_test_find_id (GTK_WIDGET (t->picker), "type_dropdown"));
  names = gtk_drop_down_get_model (types);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "All Types");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Users");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Shared mailboxes");
  gtk_drop_down_set_selected (types, 2);
  wait_shown (t, "Showing 2 of 26 accounts");

  /* none of the two shown, then all of them: the others keep their seats */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-none", NULL));
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 22);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-all", NULL));
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 24);
  g_assert_false (notice_shown (t));

  /* a search of odd characters matches nothing, and says how to get back */
  search (t, "ä%_*\\");
  wait_shown (t, "Showing 0 of 26 accounts");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (GTK_WIDGET (t->picker), "stack"))),
                   ==, "no-match");
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (t->picker), "No Matching Accounts"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.clear-filters", NULL));
  wait_shown (t, "26 accounts");

  /* partial and case-blind: every account's e-mail has the tenant's domain */
  search (t, "HARBOR");
  wait_shown (t, "26 accounts");
  search (t, "");

  /* all of 26 shown with 25 seats: stops at 25 and says so */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-all", NULL));
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 25);
  g_assert_true (notice_shown (t));
  g_assert_cmpstr (label_text (t, "notice_label"), ==,
                   "Selection stopped at the license’s 25 seats: 1 account shown is not selected. "
                   "Raise the license tier of this client’s Exchange to protect it too.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-none", NULL));
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 0);
  g_assert_cmpstr (label_text (t, "counter_label"), ==, "0 of 25 seats");
}

/* A draft round-trips; ids no longer in the tenant are dropped */
static void
test_draft_ids (void)
{
  g_autoptr(SeatTest) t = NULL;
  g_autoptr(GPtrArray) seated = NULL;
  g_auto(GStrv) ids = NULL;
  const char *draft[4];

  if (owner == NULL)
    return;
  t = seat_test_new ("org_1", "svc_1", 720, 760);
  seated = find_accounts (t, holds_seat);
  draft[0] = pd_resource_get_id (g_ptr_array_index (seated, 2));
  draft[1] = "acc_999999";
  draft[2] = pd_resource_get_id (g_ptr_array_index (seated, 0));
  draft[3] = NULL;
  t->n_changed = 0;
  pd_seat_picker_set_selected_ids (t->picker, draft);
  g_assert_cmpuint (t->n_changed, ==, 0);  /* restored, not changed */
  ids = pd_seat_picker_dup_selected_ids (t->picker);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) ids, draft[0]));
  g_assert_true (g_strv_contains ((const char * const *) ids, draft[2]));
  g_assert_cmpstr (label_text (t, "counter_label"), ==, "2 of 25 seats");
  /* and the rows show it */
  g_assert_true (gtk_check_button_get_active (find_check (t, g_ptr_array_index (seated, 0))));
  g_assert_false (gtk_check_button_get_active (find_check (t, g_ptr_array_index (seated, 1))));

  /* NULL: back to the protected accounts */
  pd_seat_picker_set_selected_ids (t->picker, NULL);
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, seated->len);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  guint     n_protected;
  guint     n_failed;
  GError   *error;
} ApplyWait;

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ApplyWait *wait = user_data;

  wait->ok = pd_seat_picker_apply_finish (PD_SEAT_PICKER (source), result, &wait->n_protected, &wait->n_failed,
                                          &wait->error);
  wait->done = TRUE;
}

static gboolean
apply_done (gpointer data)
{
  return ((ApplyWait *) data)->done;
}

typedef struct {
  PdAccount           *account;
  PdAccountProtection  protection;
} ProtectionWait;

static gboolean
protection_is (gpointer data)
{
  ProtectionWait *wait = data;
  return pd_account_get_protection (wait->account) == wait->protection;
}

static void
wait_protection (PdAccount           *account,
                 PdAccountProtection  protection)
{
  ProtectionWait wait = { account, protection };
  pd_ui_test_wait_for (protection_is, &wait, "the account's new protection");
}

/* Apply with a real bulk result: one protected, one unprotected, and a draft's deleted
 * account refused by the portal, with the reason on its row */
static void
test_apply (void)
{
  g_autoptr(SeatTest) t = NULL;
  g_autoptr(GPtrArray) seated = NULL;
  g_autoptr(GPtrArray) free_ = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) draft = NULL;
  ApplyWait wait = { 0, };
  PdAccount *dropped, *added, *refused;
  GtkCheckButton *check;
  GtkWidget *row;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_3", "svc_10", 720, 760);
  seated = find_accounts (t, holds_seat);
  free_ = find_accounts (t, is_unprotected_active);
  deleted = find_accounts (t, is_unprotected_deleted);
  g_assert_cmpuint (free_->len, >=, 1);
  g_assert_cmpuint (deleted->len, ==, 1);
  dropped = g_ptr_array_index (seated, 0);
  added = g_ptr_array_index (free_, 0);
  refused = g_ptr_array_index (deleted, 0);

  /* a deleted account cannot be picked, and says why */
  check = find_check (t, refused);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  g_assert_nonnull (pd_ui_test_find_label (find_row (t, refused), "Deleted in the client’s tenant"));

  /* but a draft from before it was deleted may hold it */
  for (guint i = 1; i < seated->len; i++)
    g_strv_builder_add (builder, pd_resource_get_id (g_ptr_array_index (seated, i)));
  g_strv_builder_add (builder, pd_resource_get_id (PD_RESOURCE (added)));
  g_strv_builder_add (builder, pd_resource_get_id (PD_RESOURCE (refused)));
  draft = g_strv_builder_end (builder);
  pd_seat_picker_set_selected_ids (t->picker, (const char * const *) draft);
  g_assert_true (pd_seat_picker_get_can_apply (t->picker));
  g_assert_true (gtk_check_button_get_active (check));

  pd_seat_picker_apply_async (t->picker, GTK_WIDGET (t->picker), NULL, on_applied, &wait);
  g_assert_false (pd_seat_picker_get_can_apply (t->picker));
  pd_ui_test_wait_for (apply_done, &wait, "the seats to be applied");
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_cmpuint (wait.n_protected, ==, 1);
  g_assert_cmpuint (wait.n_failed, ==, 1);

  wait_protection (added, PD_ACCOUNT_PROTECTION_PROTECTED);
  wait_protection (dropped, PD_ACCOUNT_PROTECTION_UNPROTECTED);
  g_assert_cmpint (pd_account_get_protection (refused), ==, PD_ACCOUNT_PROTECTION_UNPROTECTED);
  g_assert_true (notice_shown (t));
  g_assert_nonnull (strstr (label_text (t, "notice_label"), "1 account could not be changed"));
  row = find_row (t, refused);
  g_assert_nonnull (pd_ui_test_find_label (row, "deleted accounts cannot be protected"));
  /* nothing waits in the outbox */
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (owner->session))), ==, 0);
  pd_ui_test_screenshot (GTK_WIDGET (t->picker), "seat-picker-failure");
}

/* A tenant of about 1,500 accounts: only the visible rows exist, and search, Select None and
 * Select All go through without the window going away */
static void
test_big_tenant (void)
{
  g_autoptr(SeatTest) t = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_11", "svc_30", 720, 760);
  n = g_list_model_get_n_items (G_LIST_MODEL (t->accounts));
  g_assert_cmpuint (n, >, 1000);
  rows = pd_ui_test_find_all_type (GTK_WIDGET (t->picker), PD_TYPE_SEAT_PICKER_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 200);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-none", NULL));
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-all", NULL));
  g_assert_cmpuint (pd_seat_picker_get_n_selected (t->picker), >, 1000);
  g_assert_cmpint (pd_seat_picker_get_n_selected (t->picker), <=,
                   pd_service_get_seats_total (PD_SERVICE (pd_resource_list_lookup (
                     pd_organization_get_services (lookup_organization ("org_11")), "svc_30"))));
  search (t, "a");
  pd_ui_test_wait_frames (5);
  search (t, "");
  pd_ui_test_wait_frames (5);
  pd_ui_test_screenshot (GTK_WIDGET (t->picker), "seat-picker");
}

static gboolean
none_holds_seat (gpointer data)
{
  SeatTest *t = data;
  g_autoptr(GPtrArray) seated = find_accounts (t, holds_seat);
  return seated->len == 0;
}

/* Over 500 changes go in several requests (the portal refuses more in one): all of the big
 * tenant's seats given back, then taken again */
static void
test_big_apply (void)
{
  g_autoptr(SeatTest) t = NULL;
  ApplyWait wait = { 0, };
  ApplyWait again = { 0, };
  g_autoptr(GPtrArray) seated = NULL;
  guint n_selected;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_11", "svc_30", 720, 760);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-none", NULL));
  pd_seat_picker_apply_async (t->picker, GTK_WIDGET (t->picker), NULL, on_applied, &wait);
  pd_ui_test_wait_for (apply_done, &wait, "the seats to be given back");
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.n_failed, ==, 0);
  pd_ui_test_wait_for (none_holds_seat, t, "every account unprotected");

  pd_ui_test_wait_for (picker_loaded, t, "the accounts to load again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-all", NULL));
  n_selected = pd_seat_picker_get_n_selected (t->picker);
  g_assert_cmpuint (n_selected, >, 2 * PD_ACCOUNT_BULK_MAX_IDS);
  pd_seat_picker_apply_async (t->picker, GTK_WIDGET (t->picker), NULL, on_applied, &again);
  pd_ui_test_wait_for (apply_done, &again, "the seats to be taken again");
  g_assert_no_error (again.error);
  g_assert_cmpuint (again.n_protected, ==, n_selected);
  g_assert_cmpuint (again.n_failed, ==, 0);
  pd_ui_test_wait_for (picker_loaded, t, "the accounts to load again");
  seated = find_accounts (t, holds_seat);
  g_assert_cmpuint (seated->len, ==, n_selected);
}

static void
on_behind_back (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAccountBulkResult) outcome = pd_account_bulk_finish (result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* The portal's 409 seat limit, when someone else took the last seat meanwhile: explained in
 * the picker and on the row, nothing left in the outbox. Changes Harbor Dental's Exchange:
 * runs last of the tests that use it. */
static void
test_limit_from_portal (void)
{
  g_autoptr(SeatTest) t = NULL;
  g_autoptr(GPtrArray) free_ = NULL;
  g_autoptr(GPtrArray) other = NULL;
  const char *behind[2] = { NULL, NULL };
  ApplyWait wait = { 0, };
  gboolean done = FALSE;
  GtkCheckButton *check;
  GtkWidget *row;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_1", "svc_1", 720, 760);
  free_ = find_accounts (t, is_unprotected_active);
  other = find_accounts (t, is_unprotected_deactivated);
  check = find_check (t, g_ptr_array_index (free_, 0));
  click (check);
  g_assert_cmpstr (label_text (t, "counter_label"), ==, "25 of 25 seats");

  /* behind the picker's back, the deactivated account takes the last seat */
  behind[0] = pd_resource_get_id (g_ptr_array_index (other, 0));
  pd_account_bulk_async (pd_session_get_outbox (owner->session), "org_1", "svc_1", PD_ACCOUNT_BULK_ACTION_PROTECT,
                         behind, NULL, on_behind_back, &done);
  pd_test_wait_until (&done, 60000);

  pd_seat_picker_apply_async (t->picker, GTK_WIDGET (t->picker), NULL, on_applied, &wait);
  pd_ui_test_wait_for (apply_done, &wait, "the portal's answer");
  g_assert_false (wait.ok);
  g_assert_true (pd_account_bulk_error_is_seat_limit (wait.error));
  g_assert_cmpuint (wait.n_protected, ==, 0);
  g_assert_cmpuint (wait.n_failed, ==, 1);
  g_clear_error (&wait.error);
  g_assert_true (notice_shown (t));
  g_assert_nonnull (strstr (label_text (t, "notice_label"), "The portal refused: not enough open seats."));
  g_assert_nonnull (strstr (label_text (t, "notice_label"), "This needs 1 seat but only 0 are open"));
  row = find_row (t, g_ptr_array_index (free_, 0));
  g_assert_nonnull (pd_ui_test_find_label (row, "Not enough open seats: raise the license tier"));
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (owner->session))), ==, 0);
}

/* At 360 pixels everything still fits: the screenshot shows it */
static void
test_narrow (void)
{
  g_autoptr(SeatTest) t = NULL;

  if (owner == NULL)
    return;
  t = seat_test_new ("org_3", "svc_11", 360, 640);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->picker), "seats.select-all", NULL));
  pd_ui_test_wait_frames (5);
  pd_ui_test_screenshot (GTK_WIDGET (t->picker), "seat-picker-narrow");
}

/* A role without “accounts.protect” sees the accounts but cannot pick, and is told why;
 * with the portal gone, the accounts cannot load: the error says so and offers Retry */
static void
test_technician_and_error (void)
{
  g_autoptr(SeatTest) t = NULL;
  g_autoptr(SeatTest) gone = NULL;

  if (technician == NULL)
    return;
  t = seat_test_new_for (technician->session, "org_1", "svc_2", 720, 760);
  wait_page (t, "list");
  g_assert_false (pd_seat_picker_get_can_apply (t->picker));
  g_assert_false (gtk_widget_is_sensitive (pd_ui_test_find_id (GTK_WIDGET (t->picker), "list_frame")));
  g_assert_false (gtk_widget_is_sensitive (pd_ui_test_find_id (GTK_WIDGET (t->picker), "select_all_button")));
  g_assert_true (notice_shown (t));
  g_assert_nonnull (strstr (label_text (t, "notice_label"), "Your role “Technician” does not have the permission"));
  g_test_message ("technician: %s", label_text (t, "notice_label"));

  g_clear_pointer (&technician->portal, pd_test_portal_stop);
  gone = seat_test_new_for (technician->session, "org_3", "svc_11", 720, 760);
  wait_page (gone, "error");
  g_assert_false (pd_seat_picker_get_can_apply (gone->picker));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (gone->picker), "Accounts Could Not Be Loaded"));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (gone->picker), "Retry"));
  pd_ui_test_screenshot (GTK_WIDGET (gone->picker), "seat-picker-error");
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");
  technician = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "technician");
  g_test_add_func ("/ui/seats/limit", test_limit);
  g_test_add_func ("/ui/seats/over-limit-draft", test_over_limit_draft);
  g_test_add_func ("/ui/seats/search-filter-select", test_search_filter_select);
  g_test_add_func ("/ui/seats/draft-ids", test_draft_ids);
  g_test_add_func ("/ui/seats/apply", test_apply);
  g_test_add_func ("/ui/seats/big-tenant", test_big_tenant);
  g_test_add_func ("/ui/seats/big-apply", test_big_apply);
  g_test_add_func ("/ui/seats/limit-from-portal", test_limit_from_portal);
  g_test_add_func ("/ui/seats/narrow", test_narrow);
  g_test_add_func ("/ui/seats/technician-and-error", test_technician_and_error);
  status = g_test_run ();
  g_clear_pointer (&owner, pd_ui_test_session_free);
  g_clear_pointer (&technician, pd_ui_test_session_free);
  return status;
}
