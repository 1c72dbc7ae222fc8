/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the UI tests (tests/ui/<folder>/, one folder per src/ui folder): a signed-in
 * session against the reference portal, widgets found in a tree the way a user finds them
 * (by type, id, label or accessible text), bounded waits, and screenshots. */
#pragma once

#include <adwaita.h>

#include "pd-session.h"
#include "pd-session-test.h"
#include "pd-test-portal.h"

G_BEGIN_DECLS

typedef struct
{
  char              *dir;       /* a temporary folder: registry, cache */
  PdTestPortal      *portal;
  PdAccountRegistry *registry;
  PdAccountInfo     *account;
  PdSession         *session;   /* started, first sync done */
} PdUiTestSession;

/* Call first: gtk_init, adw_init, the application's resources, style and icons. */
void              pd_ui_test_init             (int             *argc,
                                               char          ***argv);

/* A portal with @portal_args (e.g. { "--seed", "50", NULL }), signed in with the demo API key
 * of @role ("owner", "admin", "technician", …), the session started and synced.
 * NULL (and the test skipped) when the test keyring is not available. */
PdUiTestSession  *pd_ui_test_session_new      (const char * const *portal_args,
                                               const char         *role);
void              pd_ui_test_session_free     (PdUiTestSession    *test);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdUiTestSession, pd_ui_test_session_free)

/* A window of @width × @height holding @child, presented and mapped. */
GtkWindow        *pd_ui_test_window_new       (GtkWidget          *child,
                                               int                 width,
                                               int                 height);
void              pd_ui_test_window_destroy   (GtkWindow          *window);

typedef gboolean (*PdUiTestMatch) (GtkWidget *widget, gconstpointer data);

/* Depth-first, @root included; NULL when nothing matches. */
GtkWidget        *pd_ui_test_find             (GtkWidget          *root,
                                               PdUiTestMatch       match,
                                               gconstpointer       data);
GtkWidget        *pd_ui_test_find_type        (GtkWidget          *root,
                                               GType               type);
/* By the id the widget has in its .ui file */
GtkWidget        *pd_ui_test_find_id          (GtkWidget          *root,
                                               const char         *id);
/* A mapped GtkLabel (or a button's label) whose text contains @text */
GtkWidget        *pd_ui_test_find_label       (GtkWidget          *root,
                                               const char         *text);
/* The first selectable label under @root (an error dialog's details) */
GtkWidget        *pd_ui_test_find_selectable_label (GtkWidget     *root);
/* Every mapped widget of @type, in tree order */
GPtrArray        *pd_ui_test_find_all_type    (GtkWidget          *root,
                                               GType               type);

/* Runs the main loop for about @frames frames of wall-clock time (16 ms each), not frames
 * drawn: wait for what a test needs with pd_ui_test_wait_for() instead where it is work
 * done elsewhere (a thread, the portal, the cache). */
void              pd_ui_test_wait_frames      (guint               frames);
void              pd_ui_test_wait_toast_shown (void);
/* Types @text into the search entry @entry and waits until it has told its owner, which a
 * search entry does only after its delay (nothing when the text is already there) */
void              pd_ui_test_search           (GtkWidget          *entry,
                                               const char         *text);
/* Runs the main loop until @check (@data); fails the test after a generous timeout. */
void              pd_ui_test_wait_for         (gboolean          (*check) (gpointer data),
                                               gpointer            data,
                                               const char         *what);

/* The mapped toplevel window of @type (GTK keeps it), or NULL; waiting for one to be
 * mapped (and painted a few frames), or for none to be left */
GtkWindow        *pd_ui_test_find_window        (GType               type);
GtkWindow        *pd_ui_test_wait_window        (GType               type);
void              pd_ui_test_wait_window_closed (GType               type);

/* The file chooser dialog shown, or NULL: without a desktop portal, GtkFileChooserNative
 * shows GTK's own dialog, which a test can drive. */
GtkWidget        *pd_ui_test_find_file_chooser (void);
/* For pd_ui_test_wait_for: a file chooser is shown; it is shown and has settled on a file
 * (its folder and the suggested name). */
gboolean          pd_ui_test_file_chooser_shown    (gpointer data);
gboolean          pd_ui_test_file_chooser_has_file (gpointer data);

/* Renders @widget's window into PD_SCREENSHOT_DIR/@name.png when that is set. */
void              pd_ui_test_screenshot       (GtkWidget          *widget,
                                               const char         *name);

G_END_DECLS
