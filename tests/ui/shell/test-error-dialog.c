/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The error details dialog: short details show whole, long ones scroll. */
#include "config.h"

#include <string.h>

#include "pd-error-dialog.h"
#include "pd-ui-test.h"

static void
check (const char *details,
       gboolean    scrolls)
{
  GtkWidget *dialog = pd_error_dialog_new (NULL, "Could not update from the portal", details);
  GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *label = pd_ui_test_find_selectable_label (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  pd_ui_test_wait_frames (10);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, details);
  g_assert_cmpint (GTK_IS_SCROLLED_WINDOW (extra), ==, scrolls);
  if (!scrolls)
    /* whole: the dialog is taller than the text */
    g_assert_cmpint (gtk_widget_get_height (dialog), >, gtk_widget_get_height (label));
  else
    g_assert_cmpint (gtk_widget_get_height (extra), >=, 240);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_short_and_long (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);

  check ("The portal answered 500 Internal Server Error (request 7f3a) while listing organizations, "
         "after 5 attempts over 31 seconds.", FALSE);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (long_text, "field_%u: must be a string\n", i);
  check (long_text->str, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/shell/error-dialog/short-and-long", test_short_and_long);

  return g_test_run ();
}
