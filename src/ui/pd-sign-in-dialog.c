/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-open-uri.h"
#include "pd-sign-in.h"
#include "pd-sign-in-dialog.h"
#include "pd-toast-queue.h"

/* Both ways of signing in share the address and the optional extra certificate authority;
 * the browser way then shows progress while the core waits for the loopback redirect (the UI
 * only opens the browser), the API-key way while it checks the key. */
struct _PdSignInDialog
{
  AdwWindow           parent_instance;

  PdAccountRegistry  *registry;
  PdSignInMode        mode;
  GCancellable       *cancellable;
  char               *ca_file;
  char               *link;
  GtkFileChooserNative *chooser;
  PdOpenUriFunc       uri_opener;
  gpointer            uri_opener_data;

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkButton          *sign_in_button;
  GtkStack           *stack;
  AdwPreferencesGroup *error_group;
  GtkLabel           *error_label;
  AdwPreferencesGroup *portal_group;
  AdwEntryRow        *address_row;
  AdwPasswordEntryRow *key_row;
  AdwActionRow       *ca_row;
  GtkButton          *ca_clear_button;
  AdwStatusPage      *progress_page;
  GtkSpinner         *spinner;
  GtkButton          *copy_link_button;
};

G_DEFINE_FINAL_TYPE (PdSignInDialog, pd_sign_in_dialog, ADW_TYPE_WINDOW)

enum { SIGNED_IN, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_loopback (const char *host)
{
  return g_str_equal (host, "127.0.0.1") || g_str_equal (host, "[::1]") ||
         g_str_equal (host, "::1") || g_ascii_strcasecmp (host, "localhost") == 0;
}

char *
pd_sign_in_parse_address (const char  *text,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  const char *path;

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of your partner portal."));
      return NULL;
    }
  /* People type the host alone; a portal speaks HTTPS. */
  with_scheme = strstr (trimmed, "://") != NULL ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || host == NULL || host[0] == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a portal address. Enter one like https://portal.example.com."), trimmed);
      return NULL;
    }
  if (g_str_equal (scheme, "http") && !is_loopback (host))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Partner Desk signs in over HTTPS only; plain http:// is for a portal on this computer. Use https://%s."),
                   host);
      return NULL;
    }
  path = g_uri_get_path (uri);
  if ((path[0] != '\0' && !g_str_equal (path, "/")) || g_uri_get_query (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Enter the portal’s address alone, without a path, like %s://%s."), scheme, host);
      return NULL;
    }
  return g_uri_join (G_URI_FLAGS_NONE, scheme, NULL, host, g_uri_get_port (uri), "", NULL, NULL);
}

PdSignInDialog *
pd_sign_in_dialog_new (GtkWindow         *parent,
                       PdAccountRegistry *registry,
                       PdSignInMode       mode)
{
  PdSignInDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PD_IS_ACCOUNT_REGISTRY (registry), NULL);

  self = g_object_new (PD_TYPE_SIGN_IN_DIALOG, "transient-for", parent, NULL);
  self->registry = g_object_ref (registry);
  self->mode = mode;

  gtk_widget_set_visible (GTK_WIDGET (self->key_row), mode == PD_SIGN_IN_MODE_API_KEY);
  if (mode == PD_SIGN_IN_MODE_API_KEY)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Use an API Key"));
      adw_preferences_group_set_description (self->portal_group,
                                             _("The portal’s address, and an API key made on its API keys page. The key is kept in your keyring."));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Sign In with Browser"));
    }
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  return self;
}

PdSignInMode
pd_sign_in_dialog_get_mode (PdSignInDialog *self)
{
  g_return_val_if_fail (PD_IS_SIGN_IN_DIALOG (self), PD_SIGN_IN_MODE_BROWSER);

  return self->mode;
}

const char *
pd_sign_in_dialog_get_link (PdSignInDialog *self)
{
  g_return_val_if_fail (PD_IS_SIGN_IN_DIALOG (self), NULL);

  return self->link;
}

static gboolean
form_complete (PdSignInDialog *self)
{
  const char *address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));

  return address[0] != '\0' && (self->mode != PD_SIGN_IN_MODE_API_KEY || key[0] != '\0');
}

static void
update_actions (PdSignInDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in", !busy && form_complete (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.choose-ca", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.clear-ca", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.copy-link", self->link != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_link_button), self->mode == PD_SIGN_IN_MODE_BROWSER);
}

static void
show_error (PdSignInDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
}

static void
form_changed_cb (PdSignInDialog *self)
{
  update_actions (self);
}

static void
set_busy (PdSignInDialog *self,
          gboolean        busy)
{
  if (busy)
    {
      self->cancellable = g_cancellable_new ();
      show_error (self, NULL);
      if (self->mode == PD_SIGN_IN_MODE_BROWSER)
        {
          adw_status_page_set_icon_name (self->progress_page, "web-browser-symbolic");
          adw_status_page_set_title (self->progress_page, _("Continue in Your Browser"));
          adw_status_page_set_description (self->progress_page,
                                           _("Sign in on the portal’s page in your browser. Partner Desk continues by itself when you are done."));
        }
      else
        {
          adw_status_page_set_icon_name (self->progress_page, "dialog-password-symbolic");
          adw_status_page_set_title (self->progress_page, _("Checking the Key"));
          adw_status_page_set_description (self->progress_page, NULL);
        }
      gtk_stack_set_visible_child_name (self->stack, "progress");
    }
  else
    {
      g_clear_object (&self->cancellable);
      g_clear_pointer (&self->link, g_free);
      gtk_stack_set_visible_child_name (self->stack, "form");
    }
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), !busy);
  update_actions (self);
}

static void
open_uri_cb (const char *uri,
             gpointer    user_data)
{
  PdSignInDialog *self = user_data;

  g_free (self->link);
  self->link = g_strdup (uri);
  update_actions (self);
  if (self->uri_opener != NULL)
    self->uri_opener (uri, self->uri_opener_data);
  else
    pd_open_uri (GTK_WINDOW (self), uri);
}

void
pd_sign_in_dialog_set_uri_opener (PdSignInDialog *self,
                                  PdOpenUriFunc   func,
                                  gpointer        user_data)
{
  g_return_if_fail (PD_IS_SIGN_IN_DIALOG (self));

  self->uri_opener = func;
  self->uri_opener_data = user_data;
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdSignInDialog) self = user_data;
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(GError) error = NULL;

  if (self->mode == PD_SIGN_IN_MODE_API_KEY)
    account = pd_sign_in_api_key_finish (result, &error);
  else
    account = pd_sign_in_oauth_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* Cancelled by the user, who is back on the form (or closed the dialog). */

  set_busy (self, FALSE);
  if (account == NULL)
    {
      /* The core's words fit an expired sign-in; here the key itself was refused. */
      if (self->mode == PD_SIGN_IN_MODE_API_KEY &&
          g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED))
        show_error (self, _("The portal refused this API key. Check that it was copied whole and is still valid on the portal’s API keys page."));
      else
        show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNED_IN], 0, account);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sign_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PdSignInDialog *self = PD_SIGN_IN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = pd_sign_in_parse_address (gtk_editable_get_text (GTK_EDITABLE (self->address_row)), &error);

  if (base_url == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }
  if (!form_complete (self))
    return;

  set_busy (self, TRUE);
  if (self->mode == PD_SIGN_IN_MODE_API_KEY)
    {
      g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));

      pd_sign_in_api_key_async (self->registry, base_url, self->ca_file, key, self->cancellable,
                                signed_in_cb, g_object_ref (self));
    }
  else
    {
      pd_sign_in_oauth_async (self->registry, base_url, self->ca_file, open_uri_cb, self,
                              self->cancellable, signed_in_cb, g_object_ref (self));
    }
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PdSignInDialog *self = PD_SIGN_IN_DIALOG (widget);

  /* Cancelling a sign-in in progress goes back to the form; otherwise it closes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      set_busy (self, FALSE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
copy_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdSignInDialog *self = PD_SIGN_IN_DIALOG (widget);

  if (self->link == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->link);
  pd_toast_queue_add (self->toast_overlay, adw_toast_new (_("Sign-in link copied")));
}

static void
set_ca_file (PdSignInDialog *self,
             const char     *path)
{
  g_free (self->ca_file);
  self->ca_file = g_strdup (path);
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      adw_action_row_set_subtitle (self->ca_row, name);
    }
  else
    {
      adw_action_row_set_subtitle (self->ca_row, _("None: only the authorities this computer trusts"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ca_clear_button), path != NULL);
}

/**
 * pd_sign_in_dialog_set_account:
 *
 * Fills the form from an account whose credentials are gone or refused, so signing in
 * again only needs the new key (or the browser).
 */
void
pd_sign_in_dialog_set_account (PdSignInDialog *self,
                               PdAccountInfo  *account)
{
  g_return_if_fail (PD_IS_SIGN_IN_DIALOG (self));
  g_return_if_fail (PD_IS_ACCOUNT_INFO (account));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), pd_account_info_get_base_url (account));
  set_ca_file (self, pd_account_info_get_extra_ca_file (account));
  if (self->mode == PD_SIGN_IN_MODE_API_KEY)
    gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
}

static void
chooser_response_cb (PdSignInDialog *self,
                     int             response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        set_ca_file (self, path);
      else
        show_error (self, _("Choose a certificate file on this computer."));
    }
  g_clear_object (&self->chooser);
}

static void
choose_ca_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdSignInDialog *self = PD_SIGN_IN_DIALOG (widget);
  g_autoptr(GtkFileFilter) pem = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Trust a Certificate Authority"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Trust"), _("_Cancel"));
  gtk_file_filter_set_name (pem, _("PEM certificates"));
  gtk_file_filter_add_mime_type (pem, "application/x-pem-file");
  gtk_file_filter_add_mime_type (pem, "application/x-x509-ca-cert");
  gtk_file_filter_add_suffix (pem, "pem");
  gtk_file_filter_add_suffix (pem, "crt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pem);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_ca_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_ca_file (PD_SIGN_IN_DIALOG (widget), NULL);
}

static gboolean
pd_sign_in_dialog_close_request (GtkWindow *window)
{
  PdSignInDialog *self = PD_SIGN_IN_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (pd_sign_in_dialog_parent_class)->close_request (window);
}

static void
pd_sign_in_dialog_dispose (GObject *object)
{
  PdSignInDialog *self = PD_SIGN_IN_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->registry);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (pd_sign_in_dialog_parent_class)->dispose (object);
}

static void
pd_sign_in_dialog_finalize (GObject *object)
{
  PdSignInDialog *self = PD_SIGN_IN_DIALOG (object);

  g_free (self->ca_file);
  g_free (self->link);

  G_OBJECT_CLASS (pd_sign_in_dialog_parent_class)->finalize (object);
}

static void
pd_sign_in_dialog_class_init (PdSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pd_sign_in_dialog_dispose;
  object_class->finalize = pd_sign_in_dialog_finalize;
  window_class->close_request = pd_sign_in_dialog_close_request;

  /**
   * PdSignInDialog::signed-in:
   * @account: the account, already in the registry with its secret in the keyring
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, PD_TYPE_ACCOUNT_INFO);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/pd-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, portal_group);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, ca_row);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdSignInDialog, copy_link_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_activated);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "sign-in.copy-link", NULL, copy_link_activated);
  gtk_widget_class_install_action (widget_class, "sign-in.choose-ca", NULL, choose_ca_activated);
  gtk_widget_class_install_action (widget_class, "sign-in.clear-ca", NULL, clear_ca_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sign-in.cancel", NULL);
}

static void
pd_sign_in_dialog_init (PdSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->sign_in_button));
  update_actions (self);
}
