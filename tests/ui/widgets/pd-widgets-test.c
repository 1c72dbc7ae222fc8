/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-widgets-test.h"

static gboolean
is_google (const char *application)
{
  return g_strv_contains ((const char * const[]) { "gmail", "drive", "calendar", "contacts", "shared_drives", NULL },
                          application);
}

static PdService *
decode (const PdTestServiceSpec *spec,
        const char              *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last_backup = spec->last_backup_at != NULL
                                 ? g_strdup_printf ("\"%s\"", spec->last_backup_at) : g_strdup ("null");
  g_autofree char *next_backup = spec->next_backup_at != NULL
                                 ? g_strdup_printf ("\"%s\"", spec->next_backup_at) : g_strdup ("null");
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"%s\", \"etag\": \"\\\"1\\\"\","
    " \"created_at\": \"2026-01-01T09:00:00Z\", \"updated_at\": \"2026-01-01T09:00:00Z\","
    " \"organization_id\": \"org_1\", \"suite\": \"%s\", \"application\": \"%s\","
    " \"management_mode\": \"partner\", \"authorization_state\": \"%s\", \"backup_status\": \"%s\","
    " \"last_backup_at\": %s, \"next_backup_at\": %s,"
    " \"jobs\": {\"success\": 1, \"running\": 0, \"retrying\": 0, \"failed\": 0},"
    " \"seats\": {\"total\": %" G_GINT64_FORMAT ", \"managed\": %" G_GINT64_FORMAT ","
    " \"open\": %" G_GINT64_FORMAT ", \"unprotected\": %" G_GINT64_FORMAT "}, \"storage_bytes\": 1500000}",
    id, is_google (spec->application) ? "google_workspace" : "microsoft365", spec->application,
    spec->authorization_state, spec->backup_status, last_backup, next_backup,
    spec->total, spec->managed, spec->open, spec->unprotected);
  PdResource *resource = pd_resource_new_from_data (PD_TYPE_SERVICE, json, -1, &error);

  g_assert_no_error (error);
  return PD_SERVICE (resource);
}

PdService *
pd_widgets_test_service_new (const PdTestServiceSpec *spec)
{
  return decode (spec, "svc_1");
}

void
pd_widgets_test_service_update (PdService               *service,
                                const PdTestServiceSpec *spec)
{
  g_autoptr(PdService) from = decode (spec, pd_resource_get_id (PD_RESOURCE (service)));

  pd_resource_update (PD_RESOURCE (service), PD_RESOURCE (from));
}
