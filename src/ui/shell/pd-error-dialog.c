/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-error-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pd-error-dialog.h"

/* Longer details than this (about twelve lines) scroll */
#define LONG_DETAILS 480

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             const char       *text)
{
  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), text);
}

GtkWidget *
pd_error_dialog_new (GtkWindow  *parent,
                     const char *title,
                     const char *details)
{
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;
  char *text;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  dialog = adw_message_dialog_new (parent, title, NULL);
  /* The body label of libadwaita 1.2 cannot be selected: the details go in their own,
   * scrolled when long (a portal's problem document can be). */
  label = gtk_label_new (details != NULL ? details : "");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error-details");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"), -1);
  if (details == NULL || strlen (details) <= LONG_DETAILS)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  else
    {
      /* The dialog gives a scrolled window its least height, whatever it would like: the
       * least is set, which long details fill */
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("_Copy"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  text = g_strdup_printf ("%s\n\n%s", title, details != NULL ? details : "");
  g_object_set_data_full (G_OBJECT (dialog), "pd-error-text", text, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), text);
  return dialog;
}

AdwToast *
pd_error_toast_new (const char *title,
                    const char *details)
{
  AdwToast *toast;

  g_return_val_if_fail (title != NULL, NULL);

  toast = adw_toast_new (title);
  /* An error stays until read or dismissed: a few seconds are too short to notice it. */
  adw_toast_set_timeout (toast, 0);
  /* Normal priority: libadwaita 1.2 aborts when a high-priority toast displaces one whose
   * widget is still animating (adw-toast-overlay.c show_toast: !info->widget). */
  if (details != NULL && details[0] != '\0')
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-error-details");
      adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", title, details));
    }
  return toast;
}
