/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "newclient-test.h"
#include "pd-clients-page.h"
#include "pd-organization.h"

static gboolean
sections_still (gpointer view)
{
  return !gtk_stack_get_transition_running (pd_session_view_get_sections (view));
}

NewClientTest *
new_client_test_new (const char         *role,
                     const char * const *portal_args)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args != NULL ? portal_args
                                                                                : (const char *[]) { "--seed", "10", NULL },
                                                            role);
  NewClientTest *t;

  if (test == NULL)
    return NULL;
  t = g_new0 (NewClientTest, 1);
  t->test = g_steal_pointer (&test);
  t->view = PD_SESSION_VIEW (pd_session_view_new ());
  t->window = pd_ui_test_window_new (GTK_WIDGET (t->view), 1100, 800);
  pd_session_view_set_session (t->view, t->test->session);
  pd_session_view_show_page (t->view, "clients");
  pd_ui_test_wait_for (sections_still, t->view, "the section to show");
  pd_ui_test_wait_frames (5);
  return t;
}

void
new_client_test_free (NewClientTest *t)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  /* The wizards it opened (this one, the authorization wizard) go first */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == t->window)
        g_ptr_array_add (dialogs, g_object_ref (window));
    }
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (g_ptr_array_index (dialogs, i));
  pd_ui_test_window_destroy (t->window);
  pd_ui_test_session_free (t->test);
  g_free (t);
}

GtkWindow *
new_client_test_find_wizard (void)
{
  return pd_ui_test_find_window (PD_TYPE_NEW_CLIENT_WIZARD);
}

static gboolean
wizard_open (gpointer data)
{
  return new_client_test_find_wizard () != NULL;
}

static gboolean
wizard_closed (gpointer data)
{
  return new_client_test_find_wizard () == NULL;
}

GtkWindow *
new_client_test_open (NewClientTest *t)
{
  GtkWidget *button = pd_ui_test_find_id (GTK_WIDGET (t->window), "new_client_button");

  g_assert_nonnull (button);
  new_client_test_click (button);
  pd_ui_test_wait_for (wizard_open, NULL, "the wizard to open");
  pd_ui_test_wait_frames (3);
  return new_client_test_find_wizard ();
}

void
new_client_test_wait_closed (void)
{
  pd_ui_test_wait_for (wizard_closed, NULL, "the wizard to close");
  pd_ui_test_wait_frames (2);
}

void
new_client_test_close (GtkWindow *wizard)
{
  gtk_window_close (wizard);
  new_client_test_wait_closed ();
}

GtkWidget *
new_client_test_part (GtkWindow  *wizard,
                      const char *id)
{
  GtkWidget *widget = pd_ui_test_find_id (GTK_WIDGET (wizard), id);

  if (widget == NULL)
    g_error ("The wizard has no “%s”", id);
  return widget;
}

void
new_client_test_type (GtkWindow  *wizard,
                      const char *id,
                      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (new_client_test_part (wizard, id)), text);
  pd_ui_test_wait_frames (1);
}

void
new_client_test_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pd_ui_test_wait_frames (2);
}

const char *
new_client_test_step (GtkWindow *wizard)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (new_client_test_part (wizard, "stack")));
}

typedef struct {
  GtkWindow  *wizard;
  const char *step;
} StepWait;

static gboolean
step_shown (gpointer data)
{
  StepWait *wait = data;

  return g_strcmp0 (new_client_test_step (wait->wizard), wait->step) == 0;
}

void
new_client_test_wait_step (GtkWindow  *wizard,
                           const char *step)
{
  StepWait wait = { wizard, step };

  pd_ui_test_wait_for (step_shown, &wait, step);
  pd_ui_test_wait_frames (3);
}

static gboolean
is_service_check (GtkWidget     *widget,
                  gconstpointer  nick)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), nick) == 0;
}

static GtkCheckButton *
service_check (GtkWindow  *wizard,
               const char *nick)
{
  GtkWidget *check = pd_ui_test_find (new_client_test_part (wizard, "services_box"), is_service_check, nick);

  g_assert_nonnull (check);
  return GTK_CHECK_BUTTON (check);
}

void
new_client_test_check_service (GtkWindow  *wizard,
                               const char *nick,
                               gboolean    active)
{
  gtk_check_button_set_active (service_check (wizard, nick), active);
  pd_ui_test_wait_frames (1);
}

gboolean
new_client_test_service_checked (GtkWindow  *wizard,
                                 const char *nick)
{
  return gtk_check_button_get_active (service_check (wizard, nick));
}

PdOrganization *
new_client_test_lookup (NewClientTest *t,
                        const char    *name)
{
  GListModel *organizations = pd_session_get_organizations (t->test->session);

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (pd_organization_get_name (organization), name) == 0)
        return organization;  /* the list keeps it */
    }
  return NULL;
}

typedef struct {
  NewClientTest *t;
  const char    *name;
  guint          n_services;
} OrganizationWait;

static gboolean
organization_there (gpointer data)
{
  OrganizationWait *wait = data;
  PdOrganization *organization = new_client_test_lookup (wait->t, wait->name);

  return organization != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (pd_organization_get_services (organization))) == wait->n_services;
}

PdOrganization *
new_client_test_wait_organization (NewClientTest *t,
                                   const char    *name,
                                   guint          n_services)
{
  OrganizationWait wait = { t, name, n_services };

  pd_ui_test_wait_for (organization_there, &wait, "the new organization and its services");
  return new_client_test_lookup (t, name);
}

gboolean
new_client_test_row_error (GtkWindow  *wizard,
                           const char *id)
{
  return gtk_widget_has_css_class (new_client_test_part (wizard, id), "error");
}

JsonNode *
new_client_test_portal (NewClientTest *t,
                        const char    *method,
                        const char    *path,
                        const char    *body,
                        guint          status)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (t->test->portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (t->test->portal, "owner"));
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, status);
  if (g_bytes_get_size (answer) == 0)
    return NULL;
  node = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);
  return node;
}

typedef struct {
  NewClientTest *t;
  const char    *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return pd_ui_test_find_label (GTK_WIDGET (wait->t->window), wait->text) != NULL;
}

void
new_client_test_wait_label (NewClientTest *t,
                            const char    *text)
{
  LabelWait wait = { t, text };

  pd_ui_test_wait_for (label_shown, &wait, text);
}
