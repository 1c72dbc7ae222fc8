/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-clientactions-common.h"
#include "pd-edit.h"

PdOrganization *
pd_clientactions_lookup_organization (PdSession  *session,
                                      const char *id)
{
  GListModel *organizations = pd_session_get_organizations (session);
  PdResource *found;

  if (id == NULL || !PD_IS_RESOURCE_LIST (organizations))
    return NULL;
  found = pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), id);
  return PD_IS_ORGANIZATION (found) ? PD_ORGANIZATION (found) : NULL;
}

void
pd_clientactions_toast (GtkWidget  *widget,
                        const char *text)
{
  /* A window without the session view's overlay (a test window) still has the action. */
  if (!pd_edit_add_toast (widget, adw_toast_new (text)))
    gtk_widget_activate_action (widget, "win.show-toast", "s", text);
}

typedef void (*Confirmed) (gpointer user_data);

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GObject          *target)
{
  Confirmed confirmed = (Confirmed) g_object_get_data (G_OBJECT (dialog), "pd-confirmed");

  if (g_str_equal (response, "confirm"))
    confirmed (target);
}

void
pd_clientactions_confirm (GtkWidget  *parent,
                          const char *heading,
                          const char *body,
                          const char *confirm_label,
                          gboolean    destructive,
                          GCallback   confirmed,
                          gpointer    user_data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  /* Enter confirms what is easy to undo; a destructive answer needs a deliberate choice */
  adw_message_dialog_set_default_response (dialog, destructive ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "pd-confirmed", (gpointer) confirmed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), user_data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
