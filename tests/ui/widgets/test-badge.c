/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The badge states, the status badge, service names and icons, chips. */
#include "config.h"

#include "pd-badge-state.h"
#include "pd-chip.h"
#include "pd-service-info.h"
#include "pd-service-text.h"
#include "pd-status-badge.h"
#include "pd-ui-test.h"
#include "pd-widgets-test.h"

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);

  if (error != NULL)
    g_error ("accessible label: %s", error);
}

static void
test_state_enum (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_BADGE_STATE);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GHashTable) severities = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (klass->n_values, ==, PD_BADGE_STATE_LAST + 1);
  g_assert_cmpstr (g_enum_get_value (klass, PD_BADGE_STATE_NEEDS_AUTHORIZATION)->value_nick, ==,
                   "needs-authorization");
  for (PdBadgeState s = 0; s <= PD_BADGE_STATE_LAST; s++)
    {
      const char *icon = pd_badge_state_get_icon_name (s);

      g_assert_true (*pd_badge_state_get_label (s) != '\0');
      g_assert_true (g_str_has_prefix (pd_badge_state_get_css_class (s), "pd-badge-"));
      /* Only icons Debian 12's Adwaita theme has */
      g_assert_true (gtk_icon_theme_has_icon (theme, icon));
      /* Every state sorts apart */
      g_assert_false (g_hash_table_contains (severities, GINT_TO_POINTER (pd_badge_state_get_severity (s))));
      g_hash_table_add (severities, GINT_TO_POINTER (pd_badge_state_get_severity (s)));
    }
  g_assert_cmpint (pd_badge_state_get_severity (PD_BADGE_STATE_SUCCESS), ==, 0);
  g_assert_cmpint (pd_badge_state_get_severity (PD_BADGE_STATE_FAILED), >,
                   pd_badge_state_get_severity (PD_BADGE_STATE_WARNING));
  g_assert_cmpint (pd_badge_state_get_severity (PD_BADGE_STATE_CONSENT_LOST), >,
                   pd_badge_state_get_severity (PD_BADGE_STATE_FAILED));
  g_assert_cmpint (pd_badge_state_get_severity (PD_BADGE_STATE_NEEDS_AUTHORIZATION), >,
                   pd_badge_state_get_severity (PD_BADGE_STATE_RUNNING));
  g_assert_true (pd_badge_state_is_problem (PD_BADGE_STATE_FAILED));
  g_assert_true (pd_badge_state_is_problem (PD_BADGE_STATE_CONSENT_LOST));
  g_assert_true (pd_badge_state_is_problem (PD_BADGE_STATE_NEEDS_AUTHORIZATION));
  g_assert_false (pd_badge_state_is_problem (PD_BADGE_STATE_SUCCESS));
  g_assert_false (pd_badge_state_is_problem (PD_BADGE_STATE_RUNNING));
  g_assert_false (pd_badge_state_is_problem (PD_BADGE_STATE_PAUSED));
  /* Out of range reads as unknown instead of reading past the table */
  g_assert_cmpstr (pd_badge_state_get_label (99), ==, pd_badge_state_get_label (PD_BADGE_STATE_UNKNOWN));
}

static void
test_state_for_service (void)
{
  static const struct {
    const char  *authorization;
    const char  *backup;
    PdBadgeState state;
    gboolean     needs_authorization;
  } cases[] = {
    { "authorized", "success", PD_BADGE_STATE_SUCCESS, FALSE },
    { "authorized", "running", PD_BADGE_STATE_RUNNING, FALSE },
    { "authorized", "retrying", PD_BADGE_STATE_RETRYING, FALSE },
    { "authorized", "warning", PD_BADGE_STATE_WARNING, FALSE },
    { "authorized", "failed", PD_BADGE_STATE_FAILED, FALSE },
    { "authorized", "paused", PD_BADGE_STATE_PAUSED, FALSE },
    { "authorized", "never_run", PD_BADGE_STATE_NEVER_RUN, FALSE },
    { "authorized", "something_new", PD_BADGE_STATE_UNKNOWN, FALSE },
    /* Authorization wins over the backup status */
    { "unauthorized", "failed", PD_BADGE_STATE_NEEDS_AUTHORIZATION, TRUE },
    { "agreement_accepted", "never_run", PD_BADGE_STATE_NEEDS_AUTHORIZATION, TRUE },
    { "awaiting_consent", "success", PD_BADGE_STATE_NEEDS_AUTHORIZATION, TRUE },
    { "pending_client_admin", "never_run", PD_BADGE_STATE_PENDING_CLIENT_ADMIN, FALSE },
    { "consent_lost", "success", PD_BADGE_STATE_CONSENT_LOST, TRUE },
    { "something_new", "failed", PD_BADGE_STATE_FAILED, FALSE },
  };

  g_assert_cmpint (pd_badge_state_for_service (NULL), ==, PD_BADGE_STATE_UNKNOWN);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PdTestServiceSpec spec = { "exchange", cases[i].authorization, cases[i].backup, 10, 5, 5, 0, NULL };
      g_autoptr(PdService) service = pd_widgets_test_service_new (&spec);

      g_test_message ("%s / %s", cases[i].authorization, cases[i].backup);
      g_assert_cmpint (pd_badge_state_for_service (service), ==, cases[i].state);
      g_assert_cmpint (pd_badge_state_service_needs_authorization (service), ==, cases[i].needs_authorization);
    }
}

static void
count_notify (gpointer object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_status_badge (void)
{
  GtkWidget *badge = pd_status_badge_new ();
  GtkWindow *window = pd_ui_test_window_new (badge, 300, 100);
  guint notified = 0;

  g_signal_connect (badge, "notify::state", G_CALLBACK (count_notify), &notified);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_ROLE_IMG));
  for (PdBadgeState s = PD_BADGE_STATE_LAST + 1; s-- > 0;)
    {
      GtkWidget *label = pd_ui_test_find_type (badge, GTK_TYPE_LABEL);
      GtkWidget *image = pd_ui_test_find_type (badge, GTK_TYPE_IMAGE);
      g_autofree char *accessible = g_strdup_printf ("Status: %s", pd_badge_state_get_label (s));

      g_object_set (badge, "state", s, NULL);
      g_assert_cmpint (pd_status_badge_get_state (PD_STATUS_BADGE (badge)), ==, s);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, pd_badge_state_get_label (s));
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, pd_badge_state_get_icon_name (s));
      g_assert_true (gtk_widget_get_mapped (image));
      g_assert_true (gtk_widget_has_css_class (badge, pd_badge_state_get_css_class (s)));
      assert_accessible_label (badge, accessible);
      /* One tint at a time */
      for (PdBadgeState other = 0; other <= PD_BADGE_STATE_LAST; other++)
        if (other != s)
          g_assert_false (gtk_widget_has_css_class (badge, pd_badge_state_get_css_class (other)));
    }
  /* From consent lost down to unknown, which it started as: one notify per real change */
  g_assert_cmpuint (notified, ==, PD_BADGE_STATE_LAST + 1);
  pd_status_badge_set_state (PD_STATUS_BADGE (badge), PD_BADGE_STATE_UNKNOWN);
  g_assert_cmpuint (notified, ==, PD_BADGE_STATE_LAST + 1);
  pd_ui_test_window_destroy (window);
}

static void
test_service_info (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_SERVICE_APPLICATION);

  for (guint i = 0; i < klass->n_values; i++)
    {
      PdServiceApplication application = klass->values[i].value;

      g_assert_true (*pd_service_application_get_name (application) != '\0');
      g_assert_true (gtk_icon_theme_has_icon (theme, pd_service_application_get_icon_name (application)));
    }
  g_assert_cmpstr (pd_service_application_get_name (PD_SERVICE_APPLICATION_EXCHANGE), ==, "Exchange");
  g_assert_cmpstr (pd_service_application_get_name (PD_SERVICE_APPLICATION_DRIVE), ==, "Google Drive");
  g_assert_cmpstr (pd_service_application_get_name (999), ==, "Unknown application");
  g_assert_cmpstr (pd_service_suite_get_name (PD_SERVICE_SUITE_MICROSOFT365), ==, "Microsoft 365");
  g_assert_cmpstr (pd_service_suite_get_name (PD_SERVICE_SUITE_GOOGLE_WORKSPACE), ==, "Google Workspace");
  g_assert_cmpstr (pd_service_suite_get_name (PD_SERVICE_SUITE_UNKNOWN), ==, "Unknown suite");
}

static void
test_service_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 12, 0, 0);
  PdTestServiceSpec spec = { "gmail", "authorized", "failed", 20, 26, 0, 1, "2026-03-10T11:55:00Z", "2026-03-10T15:30:00Z" };
  g_autoptr(PdService) service = pd_widgets_test_service_new (&spec);
  g_autofree char *last = pd_service_dup_last_backup_text (service, now);
  g_autofree char *next = pd_service_dup_next_backup_text (service, now);
  g_autofree char *details = pd_service_dup_details_text (service);
  g_autofree char *seats = pd_service_dup_seats_text (service);
  g_autofree char *summary = pd_service_dup_summary (service, now);
  g_autofree char *empty_summary = pd_service_dup_summary (NULL, now);
  g_autofree char *empty_last = pd_service_dup_last_backup_text (NULL, now);

  g_assert_cmpstr (last, ==, "Last backup: 5 minutes ago");
  g_assert_cmpstr (next, ==, "Next backup: In 3 hours");
  g_assert_cmpstr (details, ==, "Google Workspace · 1.5\u00a0MB stored");
  /* No-break spaces inside each part, plain ones around the separators */
  g_assert_cmpstr (seats, ==, "26\u00a0/\u00a020\u00a0seats · 6\u00a0over · 1\u00a0unprotected");
  g_assert_cmpstr (summary, ==, "Gmail, Failed. 26 of 20 seats used, 6 over capacity, 1 account unprotected. "
                                "Last backup: 5 minutes ago");
  g_assert_cmpstr (empty_summary, ==, "Unknown application, Unknown. Seat figures unknown. Never backed up");
  g_assert_cmpstr (empty_last, ==, "Never backed up");
  g_assert_null (pd_service_dup_next_backup_text (NULL, now));
}

static void
test_chip (void)
{
  GtkWidget *chip = pd_chip_new ("Partner-managed", "The partner manages the backup");
  GtkWindow *window = pd_ui_test_window_new (chip, 200, 60);

  g_assert_true (PD_IS_CHIP (chip));
  g_assert_cmpstr (pd_chip_get_text (PD_CHIP (chip)), ==, "Partner-managed");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, "The partner manages the backup");
  g_assert_nonnull (pd_ui_test_find_label (chip, "Partner-managed"));
  pd_chip_set_text (PD_CHIP (chip), "Reseller");
  g_assert_nonnull (pd_ui_test_find_label (chip, "Reseller"));
  pd_chip_set_text (PD_CHIP (chip), NULL);
  g_assert_cmpstr (pd_chip_get_text (PD_CHIP (chip)), ==, "");
  pd_ui_test_window_destroy (window);

  chip = pd_chip_new ("EU", NULL);
  g_object_ref_sink (chip);
  g_assert_null (gtk_widget_get_tooltip_text (chip));
  g_object_unref (chip);
}

int
main (int argc, char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/badge/state-enum", test_state_enum);
  g_test_add_func ("/widgets/badge/state-for-service", test_state_for_service);
  g_test_add_func ("/widgets/badge/status-badge", test_status_badge);
  g_test_add_func ("/widgets/service-info", test_service_info);
  g_test_add_func ("/widgets/service-text", test_service_text);
  g_test_add_func ("/widgets/chip", test_chip);

  return g_test_run ();
}
