/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libsoup/soup.h>

#include "settings-test.h"

/* ---- the section --------------------------------------------------------------------- */

void
settings_window_open (SettingsWindow  *window,
                      PdUiTestSession *test,
                      int              width,
                      int              height)
{
  window->view = PD_SESSION_VIEW (pd_session_view_new ());
  window->window = pd_ui_test_window_new (GTK_WIDGET (window->view), width, height);
  pd_session_view_set_session (window->view, test->session);
  pd_session_view_show_page (window->view, "settings");
  window->page = PD_SETTINGS_PAGE (gtk_stack_get_child_by_name (pd_session_view_get_sections (window->view),
                                                                "settings"));
  g_assert_nonnull (window->page);
  pd_ui_test_wait_frames (5);
}

void
settings_window_close (SettingsWindow *window)
{
  pd_ui_test_window_destroy (window->window);
  memset (window, 0, sizeof *window);
}

static void
show_tab (SettingsWindow *window,
          const char     *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (pd_ui_test_find_type (GTK_WIDGET (window->page), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, name);
  pd_ui_test_wait_frames (3);
}

static gboolean
smtp_read (gpointer data)
{
  PdSmtpEditor *editor = data;

  return pd_smtp_editor_get_settings (editor) != NULL && editor->load_cancellable == NULL;
}

PdSmtpEditor *
settings_window_smtp (SettingsWindow *window)
{
  PdSmtpEditor *editor;

  show_tab (window, "smtp");
  editor = PD_SMTP_EDITOR (pd_ui_test_find_type (GTK_WIDGET (window->page), PD_TYPE_SMTP_EDITOR));
  g_assert_nonnull (editor);
  pd_ui_test_wait_for (smtp_read, editor, "the SMTP settings to be read");
  return editor;
}

PdPartnerEditor *
settings_window_partner (SettingsWindow *window)
{
  PdPartnerEditor *editor;

  show_tab (window, "partner");
  editor = PD_PARTNER_EDITOR (pd_ui_test_find_type (GTK_WIDGET (window->page), PD_TYPE_PARTNER_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
type_text (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

gboolean
save_bar_idle (gpointer save_bar)
{
  return !pd_settings_save_bar_get_saving (save_bar);
}

gboolean
conflict_dialog_shown (gpointer data)
{
  PdConflictDialog **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  *dialog = NULL;
  for (guint i = 0; *dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (PD_IS_CONFLICT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        *dialog = PD_CONFLICT_DIALOG (toplevel);
    }
  return *dialog != NULL;
}

gboolean
smtp_save_sensitive (PdSmtpEditor *editor)
{
  return gtk_widget_is_sensitive (pd_settings_save_bar_get_button (editor->save_bar));
}

void
smtp_save (PdSmtpEditor *editor)
{
  click (pd_settings_save_bar_get_button (editor->save_bar));
  pd_ui_test_wait_for (save_bar_idle, editor->save_bar, "the portal's answer to the save");
}

/* ---- the portal, asked directly ------------------------------------------------------ */

static SoupMessage *
portal_message (PdUiTestSession *test,
                const char      *method,
                const char      *path,
                const char      *body,
                const char      *if_match)
{
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (test->portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (test->portal, "owner"));
  SoupMessage *message = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_headers_replace (headers, "Authorization", authorization);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  return message;
}

JsonNode *
portal_request (PdUiTestSession *test,
                const char      *method,
                const char      *path,
                const char      *body,
                const char      *if_match,
                guint           *status,
                char           **etag)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = portal_message (test, method, path, body, if_match);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = soup_session_send_and_read (soup, message, NULL, &error);
  JsonNode *node;

  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (message);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));
  node = json_from_string (g_bytes_get_size (answer) > 0 ? g_bytes_get_data (answer, NULL) : "null", &error);
  g_assert_no_error (error);
  return node;
}

JsonObject *
portal_smtp_settings (PdUiTestSession  *test,
                      JsonNode        **root)
{
  *root = portal_request (test, "GET", "/api/v1/smtp-settings", NULL, NULL, NULL, NULL);
  return json_node_get_object (*root);
}

char *
portal_get_text (PdUiTestSession *test,
                 const char      *path)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = portal_message (test, "GET", path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = soup_session_send_and_read (soup, message, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  return g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

/* ---- secrets ------------------------------------------------------------------------- */

static gboolean
contains (const char *data,
          gsize       length,
          const char *secret)
{
  gsize secret_length = strlen (secret);

  for (gsize i = 0; i + secret_length <= length; i++)
    if (memcmp (data + i, secret, secret_length) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_not_in_tree (const char *dir,
                    const char *secret)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_not_in_tree (path, secret);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (contains (contents, length, secret))
        g_error ("The secret is in %s", path);
    }
}

void
assert_secret_nowhere (PdUiTestSession *test,
                       const char      *secret)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  assert_not_in_tree (test->dir, secret);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, secret));
    }
}

/* ---- an SMTP server ------------------------------------------------------------------ */

struct _FakeSmtp
{
  GSocketService *service;
  guint16         port;
  char           *reject_rcpt;
  GMutex          lock;
  guint           n_messages;
  char           *last_password;
};

static gboolean
reply (GOutputStream *out,
       const char    *line)
{
  g_autofree char *text = g_strconcat (line, "\r\n", NULL);

  return g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
}

/* AUTH PLAIN <base64 of "\0user\0password"> */
static void
record_sign_in (FakeSmtp   *smtp,
                const char *argument)
{
  gsize length = 0;
  g_autofree guchar *decoded = g_base64_decode (argument, &length);
  const char *user = memchr (decoded, '\0', length);
  const char *password = user != NULL ? memchr (user + 1, '\0', length - (user + 1 - (char *) decoded)) : NULL;

  g_mutex_lock (&smtp->lock);
  g_free (smtp->last_password);
  smtp->last_password = password != NULL ? g_strndup (password + 1, length - (password + 1 - (char *) decoded)) : NULL;
  g_mutex_unlock (&smtp->lock);
}

static gboolean
converse (GThreadedSocketService *service,
          GSocketConnection      *connection,
          GObject                *source,
          gpointer                user_data)
{
  FakeSmtp *smtp = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  gboolean in_data = FALSE;

  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  reply (out, "220 mail.test.example ESMTP ready");
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL)
        break;
      if (in_data)
        {
          if (g_str_equal (line, "."))
            {
              in_data = FALSE;
              g_mutex_lock (&smtp->lock);
              smtp->n_messages++;
              g_mutex_unlock (&smtp->lock);
              reply (out, "250 2.0.0 Ok: queued as 4F2A9");
            }
          continue;
        }
      if (g_ascii_strncasecmp (line, "EHLO", 4) == 0)
        reply (out, "250-mail.test.example greets you\r\n250 AUTH PLAIN LOGIN");
      else if (g_ascii_strncasecmp (line, "AUTH PLAIN ", 11) == 0)
        {
          record_sign_in (smtp, line + 11);
          reply (out, "235 2.7.0 Authentication successful");
        }
      else if (g_ascii_strncasecmp (line, "RCPT", 4) == 0 && smtp->reject_rcpt != NULL)
        reply (out, smtp->reject_rcpt);
      else if (g_ascii_strncasecmp (line, "MAIL", 4) == 0 || g_ascii_strncasecmp (line, "RCPT", 4) == 0)
        reply (out, "250 2.1.0 OK");
      else if (g_ascii_strncasecmp (line, "DATA", 4) == 0)
        {
          in_data = TRUE;
          reply (out, "354 End data with <CR><LF>.<CR><LF>");
        }
      else if (g_ascii_strncasecmp (line, "QUIT", 4) == 0)
        {
          reply (out, "221 2.0.0 Bye");
          break;
        }
      else
        reply (out, "502 5.5.2 Command not recognized");
    }
  return TRUE;
}

FakeSmtp *
fake_smtp_start (const char *reject_rcpt)
{
  FakeSmtp *smtp = g_new0 (FakeSmtp, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&smtp->lock);
  smtp->reject_rcpt = g_strdup (reject_rcpt);
  smtp->service = g_threaded_socket_service_new (2);
  g_socket_listener_add_address (G_SOCKET_LISTENER (smtp->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  smtp->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (smtp->service, "run", G_CALLBACK (converse), smtp);
  g_socket_service_start (smtp->service);
  return smtp;
}

guint16
fake_smtp_get_port (FakeSmtp *smtp)
{
  return smtp->port;
}

guint
fake_smtp_get_n_messages (FakeSmtp *smtp)
{
  guint n;

  g_mutex_lock (&smtp->lock);
  n = smtp->n_messages;
  g_mutex_unlock (&smtp->lock);
  return n;
}

char *
fake_smtp_dup_last_password (FakeSmtp *smtp)
{
  char *password;

  g_mutex_lock (&smtp->lock);
  password = g_strdup (smtp->last_password);
  g_mutex_unlock (&smtp->lock);
  return password;
}

void
fake_smtp_stop (FakeSmtp *smtp)
{
  g_socket_service_stop (smtp->service);
  g_socket_listener_close (G_SOCKET_LISTENER (smtp->service));
  g_object_unref (smtp->service);
  g_mutex_clear (&smtp->lock);
  g_free (smtp->reject_rcpt);
  g_free (smtp->last_password);
  g_free (smtp);
}
