/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the Settings tests: the section in a real session view, a tiny SMTP server the
 * reference portal really talks to, the portal asked directly, and a search for a secret
 * in everything the app keeps. */
#pragma once

#include "pd-conflict-dialog.h"
#include "pd-partner-editor.h"
#include "pd-session-view.h"
#include "pd-settings-page.h"
#include "pd-smtp-editor-private.h"
#include "pd-ui-test.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWindow      *window;
  PdSessionView  *view;
  PdSettingsPage *page;
} SettingsWindow;

/* The session view at @width, showing Settings */
void         settings_window_open        (SettingsWindow  *window,
                                          PdUiTestSession *test,
                                          int              width,
                                          int              height);
void         settings_window_close       (SettingsWindow  *window);
/* The SMTP tab shown, its settings read */
PdSmtpEditor *settings_window_smtp       (SettingsWindow  *window);
/* The Partner tab shown */
PdPartnerEditor *settings_window_partner (SettingsWindow  *window);

/* Clicks a button that must be sensitive */
void         click                       (GtkWidget       *button);
/* Sets an entry's text as if typed */
void         type_text                   (gpointer         editable,
                                          const char      *text);
/* Waits: no save under way on a PdSettingsSaveBar */
gboolean     save_bar_idle               (gpointer         save_bar);
/* Waits: a conflict dialog is shown; *(PdConflictDialog **) @data gets it */
gboolean     conflict_dialog_shown       (gpointer         data);
/* Whether the SMTP form's Save may be used */
gboolean     smtp_save_sensitive         (PdSmtpEditor    *editor);
/* Saves the SMTP form and waits for the portal's answer */
void         smtp_save                   (PdSmtpEditor    *editor);

/* The portal's answer to @method @path (with @body and @if_match, or NULL) for the
 * owner's key; *status gets the HTTP status, *etag the ETag when asked for. */
JsonNode    *portal_request              (PdUiTestSession *test,
                                          const char      *method,
                                          const char      *path,
                                          const char      *body,
                                          const char      *if_match,
                                          guint           *status,
                                          char           **etag);
/* GET /smtp-settings; *root keeps the answer */
JsonObject  *portal_smtp_settings        (PdUiTestSession  *test,
                                          JsonNode        **root);
/* The raw body of a GET, to search for what must never be there */
char        *portal_get_text             (PdUiTestSession *test,
                                          const char      *path);

/* Fails when @secret is in a file under @dir or in the application's GSettings */
void         assert_secret_nowhere       (PdUiTestSession *test,
                                          const char      *secret);

/* An SMTP server on 127.0.0.1 that answers like a real one and records who signed in;
 * @reject_rcpt: the reply to RCPT TO (e.g. "554 5.7.1 Relay access denied"), or NULL to
 * accept. */
typedef struct _FakeSmtp FakeSmtp;
FakeSmtp    *fake_smtp_start             (const char      *reject_rcpt);
guint16      fake_smtp_get_port          (FakeSmtp        *smtp);
/* How many messages were accepted; the password of the last sign-in (or NULL) */
guint        fake_smtp_get_n_messages    (FakeSmtp        *smtp);
char        *fake_smtp_dup_last_password (FakeSmtp        *smtp);
void         fake_smtp_stop              (FakeSmtp        *smtp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeSmtp, fake_smtp_stop)

G_END_DECLS
