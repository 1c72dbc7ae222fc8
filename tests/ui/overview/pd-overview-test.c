/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the Overview tests: a window with a recording "win" action group, waits, and the
 * portal asked directly. */

#include "config.h"

#include <libsoup/soup.h>

#include "pd-overview-test.h"

/* ---- what the page asks the window for ----------------------------------------------- */

Recorded recorded;

static void
show_client_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_clear_pointer (&recorded.client_id, g_free);
  g_clear_pointer (&recorded.service_id, g_free);
  g_variant_get (parameter, "(ss)", &recorded.client_id, &recorded.service_id);
  recorded.n_show_client++;
}

static void
show_error_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  g_clear_pointer (&recorded.error_message, g_free);
  g_variant_get (parameter, "(ss)", NULL, &recorded.error_message);
  g_test_message ("show-error: %s", recorded.error_message);
  recorded.n_errors++;
}

static void
show_toast_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  g_clear_pointer (&recorded.toast, g_free);
  recorded.toast = g_variant_dup_string (parameter, NULL);
}

void
recorded_clear (void)
{
  g_clear_pointer (&recorded.client_id, g_free);
  g_clear_pointer (&recorded.service_id, g_free);
  g_clear_pointer (&recorded.error_message, g_free);
  g_clear_pointer (&recorded.toast, g_free);
  memset (&recorded, 0, sizeof recorded);
}

GtkWindow *
overview_window_for (PdSession *session,
                     int        width,
                     int        height)
{
  static const GActionEntry entries[] = {
    { "show-client", show_client_cb, "(ss)" },
    { "show-error", show_error_cb, "(ss)" },
    { "show-toast", show_toast_cb, "s" },
    { "show-page", NULL, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *page = pd_overview_page_new (session);
  GtkWindow *window;

  recorded_clear ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  window = pd_ui_test_window_new (page, width, height);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
  return window;
}

GtkWindow *
overview_window (PdUiTestSession *test,
                 int              width,
                 int              height)
{
  return overview_window_for (test->session, width, height);
}

PdOverviewPage *
page_of (GtkWindow *window)
{
  return PD_OVERVIEW_PAGE (pd_ui_test_find_type (GTK_WIDGET (window), PD_TYPE_OVERVIEW_PAGE));
}

typedef struct {
  PdOverviewPage    *page;
  PdDashboardPeriod  period;
} PeriodWait;

static gboolean
shows_period (gpointer data)
{
  PeriodWait *wait = data;
  PdDashboard *dashboard = pd_overview_page_get_dashboard (wait->page);

  return dashboard != NULL && !pd_overview_page_get_refreshing (wait->page) &&
         pd_dashboard_get_period_key (dashboard) == wait->period;
}

void
wait_for_period (PdOverviewPage    *page,
                 PdDashboardPeriod  period)
{
  PeriodWait wait = { page, period };

  pd_ui_test_wait_for (shows_period, &wait, "the dashboard of the period");
}

/* ---- the portal, asked directly ------------------------------------------------------ */

GBytes *
portal_call (PdUiTestSession *test,
             const char      *method,
             const char      *path,
             const char      *accept,
             const char      *if_match)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (test->portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (test->portal, "owner"));
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", accept != NULL ? accept : "application/json");
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  body = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    g_error ("%s %s: HTTP %u", method, path, soup_message_get_status (message));
  return body;
}

JsonNode *
portal_json (PdUiTestSession *test,
             const char      *path)
{
  g_autoptr(GBytes) body = portal_call (test, "GET", path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (g_bytes_get_data (body, NULL), &error);

  g_assert_no_error (error);
  return node;
}

void
assert_label_count (GtkLabel *label,
                    gint64    count)
{
  g_autofree char *expected = g_strdup_printf ("%'" G_GINT64_FORMAT, count);

  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
}

gint64
member (JsonNode   *root,
        const char *section,
        const char *name)
{
  JsonObject *object = json_node_get_object (root);

  if (section != NULL)
    object = json_object_get_object_member (object, section);
  return json_object_get_int_member (object, name);
}

/* Every figure on the page is the portal's for @period */
