/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-new-client"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-new-client-draft.h"
#include "pd-new-client-wizard.h"
#include "pd-new-client.h"
#include "pd-permission-gate.h"

#define WRITE_PERMISSION "organizations.write"
#define OPEN_WIZARD_KEY "pd-new-client-wizard"

typedef struct {
  GtkWidget *parent;  /* weak */
  PdSession *session;
} Opening;

static void
opening_free (Opening *opening)
{
  g_clear_weak_pointer (&opening->parent);
  g_object_unref (opening->session);
  g_free (opening);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* The session's wizard while one is open (a new reference), else NULL */
static GtkWindow *
open_wizard (PdSession *session)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (session), OPEN_WIZARD_KEY);

  return ref != NULL ? g_weak_ref_get (ref) : NULL;
}

static void
remember_wizard (PdSession *session,
                 GtkWindow *wizard)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, wizard);
  g_object_set_data_full (G_OBJECT (session), OPEN_WIZARD_KEY, ref, (GDestroyNotify) weak_ref_free);
}

static void
draft_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Opening *opening = user_data;
  g_autoptr(GError) error = NULL;
  PdNewClientDraft *draft = pd_new_client_draft_load_finish (result, &error);
  g_autoptr(GtkWindow) already = open_wizard (opening->session);
  GtkWindow *wizard;

  if (error != NULL)
    g_warning ("Cannot read the new client's draft: %s", error->message);
  if (opening->parent == NULL || gtk_widget_get_root (opening->parent) == NULL ||
      already != NULL)
    {
      /* The window went away meanwhile, or a second press opened one already */
      pd_new_client_draft_free (draft);
      opening_free (opening);
      return;
    }
  wizard = pd_new_client_wizard_new (opening->session, opening->parent, draft);
  remember_wizard (opening->session, wizard);
  gtk_window_present (wizard);
  opening_free (opening);
}

void
pd_new_client_open (GtkWidget *parent,
                    PdSession *session)
{
  g_autoptr(GtkWindow) open = NULL;
  Opening *opening;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (PD_IS_SESSION (session));

  open = open_wizard (session);
  if (open != NULL)
    {
      gtk_window_present (open);
      return;
    }
  /* Ctrl+N reaches here whatever the role: say why nothing opens. */
  if (!pd_session_has_permission (session, WRITE_PERMISSION))
    {
      g_autofree char *reason = pd_permission_explain_missing (session, WRITE_PERMISSION);

      gtk_widget_activate_action (parent, "win.show-toast", "s", reason);
      return;
    }
  opening = g_new0 (Opening, 1);
  g_set_weak_pointer (&opening->parent, parent);
  opening->session = g_object_ref (session);
  pd_new_client_draft_load_async (session, NULL, draft_loaded_cb, opening);
}
