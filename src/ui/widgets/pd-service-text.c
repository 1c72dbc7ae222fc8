/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"
#include "pd-format.h"
#include "pd-seat-figures.h"
#include "pd-service-info.h"
#include "pd-service-text.h"

static void
get_figures (PdService     *service,
             PdSeatFigures *figures)
{
  if (service != NULL)
    pd_seat_figures_init (figures,
                          pd_service_get_seats_total (service),
                          pd_service_get_seats_managed (service),
                          pd_service_get_seats_open (service),
                          pd_service_get_seats_unprotected (service));
  else
    pd_seat_figures_init (figures, -1, -1, -1, -1);
}

char *
pd_service_dup_last_backup_text (PdService *service,
                                 GDateTime *now)
{
  GDateTime *when = service != NULL ? pd_service_get_last_backup_at (service) : NULL;
  g_autofree char *relative = NULL;

  if (when == NULL)
    return g_strdup (_("Never backed up"));
  relative = pd_format_relative_time (when, now);
  /* Translators: %s is a relative time ("5 minutes ago", "Yesterday") or a date */
  return g_strdup_printf (_("Last backup: %s"), relative);
}

char *
pd_service_dup_next_backup_text (PdService *service,
                                 GDateTime *now)
{
  GDateTime *when = service != NULL ? pd_service_get_next_backup_at (service) : NULL;
  g_autofree char *relative = NULL;

  if (when == NULL)
    return NULL;
  relative = pd_format_relative_time (when, now);
  /* Translators: %s is a relative time ("In 3 hours", "Tomorrow") or a date */
  return g_strdup_printf (_("Next backup: %s"), relative);
}

char *
pd_service_dup_details_text (PdService *service)
{
  g_autofree char *size = NULL;

  if (service == NULL)
    return g_strdup ("");
  size = pd_format_bytes (pd_service_get_storage_bytes (service));
  /* Translators: under a service's name: the suite, then the size of its backups */
  return g_strdup_printf (_("%s · %s stored"), pd_service_suite_get_name (pd_service_get_suite (service)), size);
}

char *
pd_service_dup_seats_text (PdService *service)
{
  PdSeatFigures figures;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  get_figures (service, &figures);
  text = pd_seat_figures_dup_short_text (&figures);
  /* "26 / 20 seats · 6 over · 1 unprotected" must not wrap inside "1 unprotected" */
  parts = g_strsplit (text, " · ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (parts[i], " ", -1);

      g_free (parts[i]);
      parts[i] = g_strjoinv ("\u00a0", words);
    }
  return g_strjoinv (" · ", parts);
}

char *
pd_service_dup_summary (PdService *service,
                        GDateTime *now)
{
  PdSeatFigures figures;
  g_autofree char *seats = NULL;
  g_autofree char *last_backup = pd_service_dup_last_backup_text (service, now);
  PdServiceApplication application = service != NULL ? pd_service_get_application (service)
                                                      : PD_SERVICE_APPLICATION_UNKNOWN;

  get_figures (service, &figures);
  seats = pd_seat_figures_dup_summary (&figures);
  /* Translators: a service for screen readers: the application, its status, the seat figures,
   * the last backup ("Exchange, Failed. 12 of 20 seats used, 8 open. Last backup: Yesterday") */
  return g_strdup_printf (_("%s, %s. %s. %s"), pd_service_application_get_name (application),
                          pd_badge_state_get_label (pd_badge_state_for_service (service)), seats, last_backup);
}
