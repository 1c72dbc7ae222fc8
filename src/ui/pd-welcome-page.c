/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-application.h"
#include "pd-sign-in-dialog.h"
#include "pd-welcome-page.h"

/* The three ways into a portal (DESIGN §6), as widget actions. Signing in happens in a
 * dialog; the demo portal starts here, with progress and any error shown inline. Once a
 * session opens, the window leaves this page by itself (it follows PdApplication:session). */
struct _PdWelcomePage
{
  AdwBin          parent_instance;

  GCancellable   *cancellable;

  AdwStatusPage  *status_page;
  GtkBox         *progress_box;
  GtkSpinner     *spinner;
  GtkLabel       *progress_label;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (PdWelcomePage, pd_welcome_page, ADW_TYPE_BIN)

static PdApplication *
get_application (PdWelcomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return PD_IS_APPLICATION (app) ? PD_APPLICATION (app) : NULL;
}

/**
 * pd_welcome_page_show_error:
 *
 * Shows @message (translated) under the entry points; NULL hides it.
 */
void
pd_welcome_page_show_error (PdWelcomePage *self,
                            const char    *message)
{
  g_return_if_fail (PD_IS_WELCOME_PAGE (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (PdWelcomePage *self,
          const char    *message)
{
  gboolean busy = message != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_label_set_text (self->progress_label, busy ? message : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.sign-in-browser", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.use-api-key", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.try-demo", !busy);
  if (busy)
    pd_welcome_page_show_error (self, NULL);
  else
    g_clear_object (&self->cancellable);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == pd_application_start_demo_async)
    ok = pd_application_start_demo_finish (PD_APPLICATION (source), result, &error);
  else
    ok = pd_application_open_account_finish (PD_APPLICATION (source), result, &error);

  set_busy (self, NULL);
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    pd_welcome_page_show_error (self, error->message);
}

static void
signed_in_cb (PdWelcomePage  *self,
              PdAccountInfo  *account)
{
  PdApplication *app = get_application (self);

  if (app == NULL)
    return;
  set_busy (self, _("Opening the portal…"));
  self->cancellable = g_cancellable_new ();
  pd_application_open_account_async (app, account, self->cancellable, opened_cb, g_object_ref (self));
}

static void
open_dialog (PdWelcomePage *self,
             PdSignInMode   mode)
{
  PdApplication *app = get_application (self);
  PdSignInDialog *dialog;

  if (app == NULL)
    return;
  pd_welcome_page_show_error (self, NULL);
  dialog = pd_sign_in_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  pd_application_get_registry (app), mode);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_in_browser_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  open_dialog (PD_WELCOME_PAGE (widget), PD_SIGN_IN_MODE_BROWSER);
}

static void
use_api_key_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_dialog (PD_WELCOME_PAGE (widget), PD_SIGN_IN_MODE_API_KEY);
}

static void
try_demo_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PdWelcomePage *self = PD_WELCOME_PAGE (widget);
  PdApplication *app = get_application (self);

  if (app == NULL || self->cancellable != NULL)
    return;
  set_busy (self, _("Starting the demo portal…"));
  self->cancellable = g_cancellable_new ();
  pd_application_start_demo_async (app, self->cancellable, opened_cb, g_object_ref (self));
}

static void
pd_welcome_page_dispose (GObject *object)
{
  PdWelcomePage *self = PD_WELCOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pd_welcome_page_parent_class)->dispose (object);
}

static void
pd_welcome_page_class_init (PdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_welcome_page_dispose;

  /* No dispose_template: AdwBin drops its child itself, and doing both
   * unparents the status page twice. */
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/pd-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, PdWelcomePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PdWelcomePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdWelcomePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PdWelcomePage, error_label);

  gtk_widget_class_install_action (widget_class, "welcome.sign-in-browser", NULL, sign_in_browser_activated);
  gtk_widget_class_install_action (widget_class, "welcome.use-api-key", NULL, use_api_key_activated);
  gtk_widget_class_install_action (widget_class, "welcome.try-demo", NULL, try_demo_activated);
}

static void
pd_welcome_page_init (PdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);
}
