/* SPDX-License-Identifier: GPL-3.0-or-later */
/* “Someone else is the admin” under Xvfb against the reference portal (--seed 30), through
 * a real session view and its window actions: the invitation dialog (e-mail checked inline,
 * a draft kept on closing), the tile's “Pending client admin” with when it was sent, resend,
 * change e-mail, cancel, and the invitation accepted by the test on the portal's public
 * page (a plain form POST, as a browser sends it) after which the tile moves on by itself.
 * Resellers are offered only this path; roles without services.authorize are not. */
#include "config.h"

#include <libsoup/soup.h>

#include "pd-clients-page.h"
#include "pd-invitations.h"
#include "pd-invite-dialog.h"
#include "pd-organization.h"
#include "pd-service-tile.h"
#include "pd-session-view.h"
#include "pd-ui-test.h"

typedef struct
{
  PdUiTestSession *test;
  GtkWindow       *window;
  PdSessionView   *view;
  PdOrganization  *organization;
  PdService       *service;
} DelegateTest;

static DelegateTest *
delegate_test_new (PdUiTestSession *test)
{
  DelegateTest *t = g_new0 (DelegateTest, 1);

  t->test = test;
  t->view = PD_SESSION_VIEW (pd_session_view_new ());
  t->window = pd_ui_test_window_new (GTK_WIDGET (t->view), 1200, 900);
  pd_session_view_set_session (t->view, test->session);
  pd_ui_test_wait_frames (5);
  return t;
}

static void
delegate_test_free (DelegateTest *t)
{
  pd_ui_test_window_destroy (t->window);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DelegateTest, delegate_test_free)

/* An active client of @relationship with an unauthorized service, skipping @skip of them */
static gboolean
pick_service (DelegateTest     *t,
              PdRelationship    relationship,
              guint             skip)
{
  GListModel *organizations = pd_session_get_organizations (t->test->session);

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));

      if (pd_organization_get_status (organization) != PD_ORGANIZATION_STATUS_ACTIVE ||
          pd_organization_get_relationship (organization) != relationship || services == NULL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (services); j++)
        {
          g_autoptr(PdService) service = g_list_model_get_item (services, j);

          if (pd_service_get_authorization_state (service) != PD_AUTHORIZATION_STATE_UNAUTHORIZED || skip-- > 0)
            continue;
          t->organization = organization;
          t->service = service;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
org_id (DelegateTest *t)
{
  return pd_resource_get_id (PD_RESOURCE (t->organization));
}

static const char *
svc_id (DelegateTest *t)
{
  return pd_resource_get_id (PD_RESOURCE (t->service));
}

/* The client page's tile of the picked service, looked up each time: the page rebuilds its
 * tiles when a sync changes the client's services. */
static GtkWidget *
large_tile (DelegateTest *t)
{
  g_autoptr(GPtrArray) tiles = pd_ui_test_find_all_type (GTK_WIDGET (t->view), PD_TYPE_SERVICE_TILE);

  for (guint i = 0; i < tiles->len; i++)
    if (pd_service_tile_get_service (g_ptr_array_index (tiles, i)) == t->service &&
        pd_service_tile_get_large (g_ptr_array_index (tiles, i)))
      return g_ptr_array_index (tiles, i);
  return NULL;
}

static gboolean
tile_shown (gpointer data)
{
  return large_tile (data) != NULL;
}

#define TILE (large_tile (t))

static void
show_tile (DelegateTest *t)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->view), "win.show-client", "(ss)", org_id (t), svc_id (t)));
  pd_ui_test_wait_for (tile_shown, t, "the service's tile");
}

static PdInviteDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (PD_IS_INVITE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_open (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return find_dialog () == NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
message_dialog_open (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
set_text (GtkWidget  *dialog,
          const char *id,
          const char *text)
{
  GtkWidget *widget = pd_ui_test_find_id (dialog, id);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  pd_ui_test_wait_frames (2);
}

static const char *
email_text (GtkWidget *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (pd_ui_test_find_id (dialog, "email_row")));
}

/* The draft is read from the cache's database thread, behind whatever it is writing */
static gboolean
draft_restored (gpointer data)
{
  return g_strcmp0 (email_text (data), "it.admin@client.example") == 0;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
service_pending (gpointer data)
{
  DelegateTest *t = data;

  return pd_service_get_authorization_state (t->service) == PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN &&
         pd_invitations_lookup (pd_invitations_get (t->test->session), svc_id (t)) != NULL;
}

static PdAuthorization *
invitation (DelegateTest *t)
{
  return pd_invitations_lookup (pd_invitations_get (t->test->session), svc_id (t));
}

static gboolean
sent_toast_shown (gpointer data)
{
  DelegateTest *t = data;

  return pd_ui_test_find_label (GTK_WIDGET (t->view), "Invitation sent to it.admin@client.example") != NULL;
}

/* Opens the dialog from the tile's “Someone else is the admin”, sends @email */
static void
invite_from_tile (DelegateTest *t,
                  const char   *email)
{
  GtkWidget *dialog;

  click (pd_ui_test_find_id (TILE, "delegate_button"));
  pd_ui_test_wait_for (dialog_open, NULL, "the invitation dialog");
  dialog = GTK_WIDGET (find_dialog ());
  set_text (dialog, "email_row", email);
  click (pd_ui_test_find_id (dialog, "send_button"));
  pd_ui_test_wait_for (dialog_closed, NULL, "the invitation to be sent");
  pd_ui_test_wait_for (service_pending, t, "the service to wait for its client admin");
}

/* ---- the client admin's side: the portal's public invitation page ----------------------- */

static void
accept_invitation (const char *accept_url)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) get = soup_message_new ("GET", accept_url);
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(SoupMessage) post = NULL;
  g_autoptr(GRegex) boxes = g_regex_new ("name=\"(account:acc_[0-9]+)\" value=\"on\" checked", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) form = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *html = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  page = soup_session_send_and_read (soup, get, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (get), ==, 200);
  html = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  /* The accounts the page ticks (within the seats), as a browser sends them */
  g_hash_table_insert (form, g_strdup ("accept_agreement"), "yes");
  for (g_regex_match (boxes, html, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    g_hash_table_insert (form, g_match_info_fetch (match, 1), "on");
  g_assert_cmpuint (g_hash_table_size (form), >, 1);

  body = soup_form_encode_hash (form);
  request = g_bytes_new (body, strlen (body));
  post = soup_message_new ("POST", accept_url);
  soup_message_set_request_body_from_bytes (post, "application/x-www-form-urlencoded", request);
  answer = soup_session_send_and_read (soup, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (post), ==, 200);
}

static gboolean
service_authorized (gpointer data)
{
  DelegateTest *t = data;

  return pd_service_get_authorization_state (t->service) == PD_AUTHORIZATION_STATE_AUTHORIZED &&
         invitation (t) == NULL;
}

static gboolean
resent (gpointer data)
{
  DelegateTest *t = data;

  return invitation (t) != NULL && pd_authorization_get_invitation_resend_count (invitation (t)) == 1;
}

static gboolean
email_changed (gpointer data)
{
  DelegateTest *t = data;

  return invitation (t) != NULL &&
         g_strcmp0 (pd_authorization_get_invitation_email (invitation (t)), "it.lead@client.example") == 0 &&
         pd_service_get_authorization_state (t->service) == PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN;
}

/* The whole path: invalid e-mail refused inline, a draft kept, the invitation sent, the
 * tile pending with when; resend, change e-mail; the client admin accepts on the portal's
 * page and the tile moves on by itself. */
static void
test_delegate_path (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "30", NULL }, "owner");
  g_autoptr(DelegateTest) t = NULL;
  GtkWidget *dialog, *send;
  g_autofree char *accept_url = NULL;
  GDateTime *first_sent;
  g_autoptr(GDateTime) sent_before = NULL;

  if (test == NULL)
    return;
  t = delegate_test_new (test);
  g_assert_true (pick_service (t, PD_RELATIONSHIP_MSP, 0));
  show_tile (t);
  g_assert_true (gtk_widget_get_sensitive (pd_ui_test_find_id (TILE, "self_button")));

  /* Inline validation: a bad address says so and cannot be sent, Enter included */
  click (pd_ui_test_find_id (TILE, "delegate_button"));
  pd_ui_test_wait_for (dialog_open, NULL, "the invitation dialog");
  dialog = GTK_WIDGET (find_dialog ());
  send = pd_ui_test_find_id (dialog, "send_button");
  set_text (dialog, "email_row", "it.admin@");
  g_signal_emit_by_name (pd_ui_test_find_id (dialog, "email_row"), "entry-activated");
  pd_ui_test_wait_frames (2);
  g_assert_false (gtk_widget_get_sensitive (send));
  g_assert_nonnull (pd_ui_test_find_label (dialog, "Enter an e-mail address such as"));
  g_assert_nonnull (find_dialog ());

  /* Closing midway keeps what was typed */
  set_text (dialog, "email_row", "it.admin@client.example");
  set_text (dialog, "message_view", "Hello, please approve the backup of your mailboxes.");
  g_assert_true (gtk_widget_get_sensitive (send));
  pd_ui_test_screenshot (dialog, "invite-dialog");
  gtk_window_close (GTK_WINDOW (dialog));
  pd_ui_test_wait_for (dialog_closed, NULL, "the dialog to close");
  pd_ui_test_wait_frames (10);
  click (pd_ui_test_find_id (TILE, "delegate_button"));
  pd_ui_test_wait_for (dialog_open, NULL, "the invitation dialog again");
  dialog = GTK_WIDGET (find_dialog ());
  pd_ui_test_wait_for (draft_restored, dialog, "the draft to be restored");

  /* Sent: the tile waits for the client admin and says since when */
  click (pd_ui_test_find_id (dialog, "send_button"));
  pd_ui_test_wait_for (dialog_closed, NULL, "the invitation to be sent");
  pd_ui_test_wait_for (sent_toast_shown, t, "the toast saying the invitation was sent");
  pd_ui_test_wait_for (service_pending, t, "the service to wait for its client admin");
  pd_ui_test_wait_frames (5);
  g_assert_true (gtk_widget_get_mapped (pd_ui_test_find_id (TILE, "invite_box")));
  g_assert_nonnull (pd_ui_test_find_label (TILE, "Invitation sent: "));
  g_assert_nonnull (pd_ui_test_find_label (TILE, "it.admin@client.example"));
  g_assert_false (gtk_widget_get_mapped (pd_ui_test_find_id (TILE, "auth_box")));
  g_assert_cmpstr (pd_authorization_get_invitation_message (invitation (t)), ==,
                   "Hello, please approve the backup of your mailboxes.");

  /* Resend: the count and the sent time change */
  first_sent = pd_authorization_get_invitation_sent_at (invitation (t));
  sent_before = g_date_time_ref (first_sent);
  g_usleep (1100 * 1000);
  g_assert_true (gtk_widget_activate_action (TILE, "win.resend-client-invite", "(ss)", org_id (t), svc_id (t)));
  pd_ui_test_wait_for (resent, t, "the invitation to be sent again");
  g_assert_true (g_date_time_compare (pd_authorization_get_invitation_sent_at (invitation (t)), sent_before) > 0);

  /* Change E-mail: the old address offered, the new invitation replaces it */
  g_assert_true (gtk_widget_activate_action (TILE, "win.change-client-invite", "(ss)", org_id (t), svc_id (t)));
  pd_ui_test_wait_for (dialog_open, NULL, "the change e-mail dialog");
  dialog = GTK_WIDGET (find_dialog ());
  g_assert_cmpstr (email_text (dialog), ==, "it.admin@client.example");
  set_text (dialog, "email_row", "it.lead@client.example");
  click (pd_ui_test_find_id (dialog, "send_button"));
  pd_ui_test_wait_for (dialog_closed, NULL, "the new invitation to be sent");
  pd_ui_test_wait_for (email_changed, t, "the invitation to go to the new address");
  g_assert_cmpint (pd_authorization_get_invitation_resend_count (invitation (t)), ==, 0);
  pd_ui_test_wait_frames (5);
  g_assert_nonnull (pd_ui_test_find_label (TILE, "it.lead@client.example"));

  /* The client admin accepts on the portal's page; nothing is done here: the tile follows */
  accept_url = g_strdup (pd_authorization_get_invitation_accept_url (invitation (t)));
  g_assert_nonnull (accept_url);
  accept_invitation (accept_url);
  pd_ui_test_wait_for (service_authorized, t, "the tile to move on by itself");
  pd_ui_test_wait_frames (5);
  g_assert_false (gtk_widget_get_mapped (pd_ui_test_find_id (TILE, "invite_box")));
}

static gboolean
service_unauthorized (gpointer data)
{
  DelegateTest *t = data;

  return pd_service_get_authorization_state (t->service) == PD_AUTHORIZATION_STATE_UNAUTHORIZED &&
         invitation (t) == NULL;
}

static gboolean
refused (gpointer data)
{
  GtkWidget *revealer = pd_ui_test_find_id (data, "error_revealer");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) &&
         pd_ui_test_find_label (data, "an invitation is already pending") != NULL;
}

/* The portal gone: the invitation waits in the outbox and the dialog closes saying so */
static void
test_offline (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "30", NULL }, "owner");
  g_autoptr(DelegateTest) t = NULL;
  GtkWidget *dialog;

  if (test == NULL)
    return;
  t = delegate_test_new (test);
  g_assert_true (pick_service (t, PD_RELATIONSHIP_MSP, 0));
  show_tile (t);
  pd_portal_client_set_retry_limits (pd_session_get_client (test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (test->session), 50, 200);
  g_clear_pointer (&test->portal, pd_test_portal_stop);

  click (pd_ui_test_find_id (TILE, "delegate_button"));
  pd_ui_test_wait_for (dialog_open, NULL, "the invitation dialog");
  dialog = GTK_WIDGET (find_dialog ());
  set_text (dialog, "email_row", "offline.admin@client.example");
  click (pd_ui_test_find_id (dialog, "send_button"));
  /* The dialog closes only on PdEdit's "queued" (or an answer, which cannot come) */
  pd_ui_test_wait_for (dialog_closed, NULL, "the invitation to be queued");
  g_assert_cmpint (pd_service_get_authorization_state (t->service), ==, PD_AUTHORIZATION_STATE_UNAUTHORIZED);
}

/* A second invitation is refused with the reason; cancel asks first, then sends DELETE
 * with the authorization's ETag */
static void
test_cancel (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "30", NULL }, "owner");
  g_autoptr(DelegateTest) t = NULL;
  AdwMessageDialog *confirm;
  GtkWidget *dialog;

  if (test == NULL)
    return;
  t = delegate_test_new (test);
  g_assert_true (pick_service (t, PD_RELATIONSHIP_MSP, 1));
  show_tile (t);
  invite_from_tile (t, "admin@client.example");

  /* Inviting again while one is pending: the portal's 409 is explained, the input kept */
  g_assert_true (gtk_widget_activate_action (TILE, "win.invite-client-admin", "(ss)", org_id (t), svc_id (t)));
  pd_ui_test_wait_for (dialog_open, NULL, "the invitation dialog");
  dialog = GTK_WIDGET (find_dialog ());
  set_text (dialog, "email_row", "other.admin@client.example");
  click (pd_ui_test_find_id (dialog, "send_button"));
  pd_ui_test_wait_for (refused, dialog, "the portal to refuse a second invitation");
  g_assert_cmpstr (email_text (dialog), ==, "other.admin@client.example");
  g_assert_true (gtk_widget_get_sensitive (pd_ui_test_find_id (dialog, "send_button")));
  gtk_window_close (GTK_WINDOW (dialog));
  pd_ui_test_wait_for (dialog_closed, NULL, "the dialog to close");

  /* Keeping it changes nothing */
  g_assert_true (gtk_widget_activate_action (TILE, "win.cancel-client-invite", "(ss)", org_id (t), svc_id (t)));
  pd_ui_test_wait_for (message_dialog_open, NULL, "the confirmation");
  confirm = find_message_dialog ();
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (confirm), "admin@client.example"));
  adw_message_dialog_response (confirm, "keep");
  pd_ui_test_wait_frames (10);
  g_assert_nonnull (invitation (t));

  g_assert_true (gtk_widget_activate_action (TILE, "win.cancel-client-invite", "(ss)", org_id (t), svc_id (t)));
  pd_ui_test_wait_for (message_dialog_open, NULL, "the confirmation");
  adw_message_dialog_response (find_message_dialog (), "cancel-invitation");
  pd_ui_test_wait_for (service_unauthorized, t, "the invitation to be cancelled");
  pd_ui_test_wait_frames (5);
  g_assert_true (gtk_widget_get_mapped (pd_ui_test_find_id (TILE, "auth_box")));
}

/* The Clients grid's tile of the picked service */
static GtkWidget *
grid_tile (DelegateTest *t)
{
  g_autoptr(GPtrArray) tiles = pd_ui_test_find_all_type (GTK_WIDGET (t->view), PD_TYPE_SERVICE_TILE);

  for (guint i = 0; i < tiles->len; i++)
    if (pd_service_tile_get_service (g_ptr_array_index (tiles, i)) == t->service &&
        !pd_service_tile_get_large (g_ptr_array_index (tiles, i)))
      return g_ptr_array_index (tiles, i);
  return NULL;
}

static gboolean
grid_tile_shown (gpointer data)
{
  DelegateTest *t = data;
  g_autoptr(GPtrArray) tiles = pd_ui_test_find_all_type (GTK_WIDGET (t->view), PD_TYPE_SERVICE_TILE);

  return tiles->len > 0 && pd_ui_test_find_type (GTK_WIDGET (t->view), PD_TYPE_CLIENTS_PAGE) != NULL;
}

static gboolean
grid_tile_pending (gpointer data)
{
  GtkWidget *tile = grid_tile (data);

  return tile != NULL && gtk_widget_get_mapped (pd_ui_test_find_id (tile, "invite_box")) &&
         pd_ui_test_find_label (tile, "Invitation sent: ") != NULL;
}

/* A reseller has no authority in the client's data: only the invitation is offered */
static void
test_reseller (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "30", NULL }, "owner");
  g_autoptr(DelegateTest) t = NULL;
  GtkWidget *tile, *self_button;

  if (test == NULL)
    return;
  t = delegate_test_new (test);
  if (!pick_service (t, PD_RELATIONSHIP_RESELLER, 0))
    {
      g_test_skip ("the seed has no reseller client with an unauthorized service");
      return;
    }
  show_tile (t);
  pd_ui_test_wait_frames (5);
  self_button = pd_ui_test_find_id (TILE, "self_button");
  g_assert_true (gtk_widget_get_mapped (self_button));
  g_assert_false (gtk_widget_get_sensitive (self_button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (self_button), "Reseller"));
  g_assert_nonnull (pd_ui_test_find_label (TILE, "Reseller"));
  invite_from_tile (t, "admin@reseller-client.example");

  /* The Clients grid: the recycled tile shows the invitation from the session's store */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->view), "win.show-page", "s", "clients"));
  pd_ui_test_wait_for (grid_tile_shown, t, "the Clients page");
  gtk_editable_set_text (GTK_EDITABLE (pd_ui_test_find_id (pd_ui_test_find_type (GTK_WIDGET (t->view),
                                                                                PD_TYPE_CLIENTS_PAGE),
                                                         "search_entry")),
                         pd_organization_get_name (t->organization));
  pd_ui_test_wait_for (grid_tile_pending, t, "the grid's tile to show the invitation");
  tile = grid_tile (t);
  /* Locked for the reseller, yet the invitation can be resent, changed or cancelled */
  g_assert_true (gtk_widget_get_mapped (pd_ui_test_find_id (tile, "lock_icon")));
  g_assert_true (gtk_widget_get_mapped (pd_ui_test_find_id (tile, "invite_menu_button")));
  g_assert_true (gtk_widget_get_sensitive (pd_ui_test_find_id (tile, "invite_menu_button")));
  g_assert_nonnull (pd_ui_test_find_label (tile, "admin@reseller-client.example"));
  pd_ui_test_screenshot (tile, "tile-pending");
}

/* Without services.authorize the invitation is disabled with the reason, and the action
 * refuses too */
static void
check_gated (const char *role)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "30", NULL }, role);
  g_autoptr(DelegateTest) t = NULL;
  GtkWidget *tile, *button;

  if (test == NULL)
    return;
  t = delegate_test_new (test);
  g_assert_true (pick_service (t, PD_RELATIONSHIP_MSP, 0));
  show_tile (t);
  tile = TILE;
  pd_ui_test_wait_frames (5);
  button = pd_ui_test_find_id (tile, "delegate_button");
  if (gtk_widget_get_mapped (button))
    {
      g_assert_false (gtk_widget_get_sensitive (button));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "does not have the permission"));
    }
  g_assert_true (gtk_widget_activate_action (tile, "win.invite-client-admin", "(ss)", org_id (t), svc_id (t)));
  pd_ui_test_wait_frames (10);
  g_assert_null (find_dialog ());
}

static void
test_technician_gated (void)
{
  check_gated ("technician");
}

static void
test_finance_gated (void)
{
  check_gated ("finance");
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/delegate/path", test_delegate_path);
  g_test_add_func ("/delegate/cancel", test_cancel);
  g_test_add_func ("/delegate/offline", test_offline);
  g_test_add_func ("/delegate/reseller", test_reseller);
  g_test_add_func ("/delegate/technician-gated", test_technician_gated);
  g_test_add_func ("/delegate/finance-gated", test_finance_gated);
  return g_test_run ();
}
