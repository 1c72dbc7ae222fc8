/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pd_open_uri: a link nothing can open is explained in a dialog that gives the link, not in
 * GTK's own "Could not show link". The scheme is one no system handles, so the real
 * launcher fails the same way on every machine; nothing is replaced. */
#include "config.h"

#include <string.h>

#include "pd-open-uri.h"
#include "pd-ui-test.h"

#define LINK "pd-test-no-handler://portal.example/consent/one-time"

static void
test_failure_explained (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwMessageDialog *dialog;
  GtkWidget *details;

  gtk_window_present (window);
  pd_open_uri (window, LINK);
  dialog = ADW_MESSAGE_DIALOG (pd_ui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Web Browser");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  details = pd_ui_test_find_selectable_label (GTK_WIDGET (dialog));
  g_assert_nonnull (details);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (details)), LINK));
  /* GTK's own dialog is not shown beside ours */
  g_assert_null (pd_ui_test_find_window (GTK_TYPE_MESSAGE_DIALOG));
  /* All of it shows: the link is not scrolled away */
  pd_ui_test_wait_frames (10);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), >=,
                   gtk_widget_get_height (details) + 100);
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "open-uri-failed");

  gtk_window_close (GTK_WINDOW (dialog));
  pd_ui_test_wait_window_closed (ADW_TYPE_MESSAGE_DIALOG);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/shell/open-uri/failure-explained", test_failure_explained);

  return g_test_run ();
}
