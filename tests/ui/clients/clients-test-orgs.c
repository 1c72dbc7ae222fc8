/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "clients-test-orgs.h"


PdOrganization *
clients_test_make_organization (const Org *org)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  PdResource *resource;

  g_string_append_printf (json,
    "{\"id\": \"%s\", \"etag\": \"\\\"%s.1\\\"\", \"created_at\": \"2025-01-01T00:00:00Z\","
    " \"updated_at\": \"2025-01-01T00:00:00Z\", \"name\": \"%s\", \"email\": null, \"domain\": %s%s%s,"
    " \"status\": \"%s\", \"plan\": {\"name\": \"Plan %s\", \"type\": \"%s\", \"price_cents\": 100, \"currency\": \"EUR\"},"
    " \"region\": \"eu\", \"country\": \"DE\", \"credential_status\": \"%s\", \"relationship\": \"%s\","
    " \"mapping\": {\"status\": \"%s\", \"service_account_id\": null}, \"admin_access\": false,"
    " \"storage_bytes\": 0, \"services\": [",
    org->id, org->id, org->name, org->domain ? "\"" : "", org->domain ? org->domain : "null",
    org->domain ? "\"" : "", org->status, org->plan_type, org->plan_type, org->credential,
    org->relationship, org->mapping);
  for (guint i = 0; i < G_N_ELEMENTS (org->services) && org->services[i].application != NULL; i++)
    {
      const Svc *s = &org->services[i];

      g_string_append_printf (json,
        "%s{\"id\": \"svc_%u\", \"etag\": \"\\\"s\\\"\", \"created_at\": \"2025-01-01T00:00:00Z\","
        " \"updated_at\": \"2025-01-01T00:00:00Z\", \"organization_id\": \"%s\", \"suite\": \"microsoft365\","
        " \"application\": \"%s\", \"management_mode\": \"%s\", \"authorization_state\": \"%s\","
        " \"backup_status\": \"%s\", \"last_backup_at\": %s%s%s, \"next_backup_at\": null,"
        " \"jobs\": {\"success\": 0, \"running\": 0, \"retrying\": 0, \"failed\": 0},"
        " \"seats\": {\"total\": %" G_GINT64_FORMAT ", \"managed\": %" G_GINT64_FORMAT ", \"open\": 0,"
        " \"unprotected\": %" G_GINT64_FORMAT "}, \"storage_bytes\": 0}",
        i > 0 ? ", " : "", (guint) g_ascii_strtoull (org->id + 4, NULL, 10) * 10 + i, org->id, s->application, s->mode, s->authorization, s->backup,
        s->last_backup ? "\"" : "", s->last_backup ? s->last_backup : "null", s->last_backup ? "\"" : "",
        s->total, s->managed, s->unprotected);
    }
  g_string_append (json, "]}");
  resource = pd_resource_new_from_data (PD_TYPE_ORGANIZATION, json->str, json->len, &error);
  g_assert_no_error (error);
  return PD_ORGANIZATION (resource);
}

