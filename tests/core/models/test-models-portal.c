/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every resource type decoded from the reference portal's real answers: every item of every
 * list page, the singletons for several roles, and the nested lists. Each decoded object is
 * checked against its JSON (ids, a few members) and for enum values this version does not
 * know (the portal speaks the contract, so there must be none). */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "pd-models.h"
#include "pd-test-portal.h"

typedef struct {
  PdTestPortal *portal;
  SoupSession  *session;
} Fixture;

static Fixture fixture;

static JsonNode *
fetch (const char *role,
       const char *path)
{
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (fixture.portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (fixture.portal, role));
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  body = soup_session_send_and_read (fixture.session, message, NULL, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    g_error ("GET %s as %s: HTTP %u", path, role, soup_message_get_status (message));
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* No enum property of @resource (or of its nested items) reads UNKNOWN */
static void
assert_enums_known (PdResource *resource)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (resource), &n);
  for (guint i = 0; i < n; i++)
    {
      if (G_IS_PARAM_SPEC_ENUM (pspecs[i]))
        {
          int value;

          g_object_get (resource, pspecs[i]->name, &value, NULL);
          if (value == 0)
            g_error ("%s %s: “%s” is unknown (“%s”)", G_OBJECT_TYPE_NAME (resource),
                     pd_resource_get_id (resource), pspecs[i]->name,
                     pd_resource_get_enum_text (resource, pspecs[i]->name));
        }
      else if (G_IS_PARAM_SPEC_OBJECT (pspecs[i])
               && g_type_is_a (pspecs[i]->value_type, G_TYPE_LIST_MODEL))
        {
          g_autoptr(GListModel) model = NULL;

          g_object_get (resource, pspecs[i]->name, &model, NULL);
          g_assert_nonnull (model);
          for (guint j = 0; j < g_list_model_get_n_items (model); j++)
            {
              g_autoptr(PdResource) item = g_list_model_get_item (model, j);
              assert_enums_known (item);
            }
        }
    }
}

static void
count (guint *counter)
{
  (*counter)++;
}

static PdResource *
decode (GType     type,
        JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) resource = pd_resource_new_from_json (type, node, &error);
  g_autoptr(PdResource) again = NULL;
  g_autoptr(PdResource) from_text = NULL;
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (resource, type));
  assert_enums_known (resource);

  /* The same text decodes to an equal object (the cache path) */
  again = pd_resource_new_from_data (type, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (pd_resource_equal (resource, again));
  /* and so does the sync path, which reads the text without a tree */
  from_text = pd_resource_new_from_text (type, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (pd_resource_equal (resource, from_text));

  /* Updating from an equal copy says nothing */
  {
    guint notifies = 0;
    gulong handler = g_signal_connect_swapped (resource, "notify", G_CALLBACK (count), &notifies);

    pd_resource_update (resource, again);
    g_assert_cmpuint (notifies, ==, 0);
    g_signal_handler_disconnect (resource, handler);
  }
  return g_steal_pointer (&resource);
}

/* Walks every page of @path; returns the decoded items */
static GPtrArray *
fetch_list (const char *role,
            const char *path,
            GType       type)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *cursor = NULL;

  do
    {
      g_autofree char *page_path = NULL;
      g_autoptr(JsonNode) page = NULL;
      JsonObject *object;
      JsonArray *array;
      JsonNode *next;

      page_path = g_strdup_printf ("%s%slimit=97%s%s", path, strchr (path, '?') ? "&" : "?",
                                   cursor ? "&cursor=" : "", cursor ? cursor : "");
      page = fetch (role, page_path);
      object = json_node_get_object (page);
      array = json_object_get_array_member (object, "items");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          PdResource *resource = decode (type, element);
          JsonObject *member = json_node_get_object (element);

          if (json_object_has_member (member, "id"))
            g_assert_cmpstr (pd_resource_get_id (resource), ==, json_object_get_string_member (member, "id"));
          g_ptr_array_add (items, resource);
        }
      next = json_object_get_member (object, "next_cursor");
      g_clear_pointer (&cursor, g_free);
      if (!JSON_NODE_HOLDS_NULL (next))
        cursor = g_uri_escape_string (json_node_get_string (next), NULL, FALSE);
    }
  while (cursor != NULL);

  return items;
}

static PdResource *
fetch_one (const char *role,
           const char *path,
           GType       type)
{
  g_autoptr(JsonNode) node = fetch (role, path);

  return decode (type, node);
}

static void
test_organizations_and_accounts (void)
{
  g_autoptr(GPtrArray) organizations = fetch_list ("owner", "/api/v1/organizations", PD_TYPE_ORGANIZATION);
  guint services = 0, account_lists = 0, accounts = 0;

  g_assert_cmpuint (organizations->len, >=, 300);
  for (guint i = 0; i < organizations->len; i++)
    {
      PdOrganization *organization = organizations->pdata[i];
      PdResourceList *list = pd_organization_get_services (organization);

      g_assert_nonnull (pd_organization_get_name (organization));
      g_assert_nonnull (pd_resource_get_etag (PD_RESOURCE (organization)));
      g_assert_nonnull (pd_resource_get_updated_at (PD_RESOURCE (organization)));
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (list)); j++)
        {
          g_autoptr(PdService) service = g_list_model_get_item (G_LIST_MODEL (list), j);
          const char *organization_id = pd_resource_get_id (PD_RESOURCE (organization));

          services++;
          g_assert_cmpstr (pd_resource_get_parent_id (PD_RESOURCE (service)), ==, organization_id);
          g_assert_true (pd_resource_list_lookup (list, pd_resource_get_id (PD_RESOURCE (service))) == PD_RESOURCE (service));

          /* Accounts of a few services of MSP organizations (resellers may not see them) */
          if (account_lists < 6 && i % 7 == 0
              && pd_organization_get_relationship (organization) == PD_RELATIONSHIP_MSP)
            {
              g_autofree char *path = pd_resource_kind_path (&pd_resource_kind_accounts, organization_id,
                                                             pd_resource_get_id (PD_RESOURCE (service)));
              g_autoptr(GPtrArray) items = fetch_list ("owner", path, PD_TYPE_ACCOUNT);

              account_lists++;
              accounts += items->len;
              for (guint k = 0; k < items->len; k++)
                {
                  PdAccount *account = items->pdata[k];

                  g_assert_cmpstr (pd_resource_get_parent_id (items->pdata[k]), ==,
                                   pd_resource_get_id (PD_RESOURCE (service)));
                  g_assert_cmpstr (pd_account_get_organization_id (account), ==, organization_id);
                  g_assert_nonnull (pd_account_get_display_name (account));
                }

              /* And the service's authorization */
              {
                g_autofree char *auth_path = g_strdup_printf ("/api/v1/organizations/%s/services/%s/authorization",
                                                              organization_id, pd_resource_get_id (PD_RESOURCE (service)));
                g_autoptr(PdResource) authorization = fetch_one ("owner", auth_path, PD_TYPE_AUTHORIZATION);

                g_assert_cmpstr (pd_resource_get_id (authorization), ==, pd_resource_get_id (PD_RESOURCE (service)));
                g_assert_cmpstr (pd_resource_get_parent_id (authorization), ==, organization_id);
                g_assert_nonnull (pd_authorization_get_agreement_version (PD_AUTHORIZATION (authorization)));
              }
            }
        }
    }
  g_assert_cmpuint (services, >, organizations->len);
  g_assert_cmpuint (account_lists, ==, 6);
  g_assert_cmpuint (accounts, >, 0);
  g_test_message ("%u organizations, %u services, %u accounts in %u lists",
                  organizations->len, services, accounts, account_lists);
}

static void
test_mapping_candidates (void)
{
  g_autoptr(GPtrArray) organizations = fetch_list ("owner", "/api/v1/organizations?limit=5", PD_TYPE_ORGANIZATION);
  g_autofree char *path = g_strdup_printf ("/api/v1/organizations/%s/mapping/candidates",
                                           pd_resource_get_id (organizations->pdata[0]));
  g_autoptr(GPtrArray) candidates = fetch_list ("owner", path, PD_TYPE_SERVICE_ACCOUNT_CANDIDATE);

  g_assert_cmpuint (candidates->len, >, 0);
  for (guint i = 0; i < candidates->len; i++)
    g_assert_nonnull (pd_service_account_candidate_get_name (candidates->pdata[i]));
}

static void
test_partner_lists (void)
{
  struct { const char *path; GType type; guint min; } lists[] = {
    { "/api/v1/users", PD_TYPE_USER, 2 },
    { "/api/v1/roles", PD_TYPE_ROLE, 5 },
    { "/api/v1/groups", PD_TYPE_GROUP, 1 },
    { "/api/v1/notifications", PD_TYPE_IN_APP_NOTIFICATION, 1 },
    { "/api/v1/audit-log", PD_TYPE_AUDIT_ENTRY, 0 },
    { "/api/v1/me/api-keys", PD_TYPE_API_KEY, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) items = fetch_list ("owner", lists[i].path, lists[i].type);

      g_test_message ("%s: %u items", lists[i].path, items->len);
      g_assert_cmpuint (items->len, >=, lists[i].min);
    }
}

static void
test_kinds (void)
{
  const PdResourceKind * const *kinds = pd_resource_kinds_all ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) items = NULL;

      g_assert_true (pd_resource_kind_find (kinds[i]->name) == kinds[i]);
      g_assert_true (kinds[i]->delta);
      if (kinds[i] == &pd_resource_kind_accounts)
        continue;
      path = pd_resource_kind_path (kinds[i], NULL, NULL);
      items = fetch_list ("owner", path, kinds[i]->get_type ());
      g_assert_cmpuint (items->len, >, 0);
    }
  g_assert_null (pd_resource_kind_find ("nothing"));
}

static void
test_me (void)
{
  const char *roles[] = { "owner", "super_admin", "admin", "support", "finance", "technician", "scoped_admin" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(PdResource) resource = fetch_one (roles[i], "/api/v1/me", PD_TYPE_ME);
      PdMe *me = PD_ME (resource);

      g_assert_cmpstr (pd_resource_get_id (resource), ==, pd_me_get_user_id (me));
      g_assert_nonnull (pd_me_get_user_email (me));
      g_assert_nonnull (pd_me_get_user_name (me));
      g_assert_nonnull (pd_me_get_partner_id (me));
      g_assert_nonnull (pd_me_get_partner_name (me));
      /* The scoped admin is an admin who manages a group with a scope */
      g_assert_cmpstr (pd_me_get_role_key (me), ==, g_str_equal (roles[i], "scoped_admin") ? "admin" : roles[i]);
      g_assert_cmpint (pd_me_get_credential_type (me), ==, PD_CREDENTIAL_TYPE_API_KEY);
      g_assert_true (pd_me_has_permission (me, "organizations.read"));
      g_assert_false (pd_me_has_permission (me, "no.such.permission"));
      if (g_str_equal (roles[i], "owner"))
        g_assert_true (pd_me_has_permission (me, "users.write"));
      if (g_str_equal (roles[i], "scoped_admin"))
        {
          g_assert_false (pd_me_get_access_scope_all_organizations (me));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pd_me_get_groups (me))), >, 0);
        }
    }
}

static void
test_singletons (void)
{
  g_autoptr(PdResource) partner = fetch_one ("owner", "/api/v1/partner", PD_TYPE_PARTNER);
  g_autoptr(PdResource) smtp = fetch_one ("owner", "/api/v1/smtp-settings", PD_TYPE_SMTP_SETTINGS);
  g_autoptr(PdResource) types = fetch_one ("owner", "/api/v1/notification-types", PD_TYPE_NOTIFICATION_TYPE_CATALOGUE);
  g_autoptr(PdResource) settings = fetch_one ("owner", "/api/v1/notification-settings", PD_TYPE_NOTIFICATION_SETTINGS);
  g_autoptr(PdResource) report = fetch_one ("owner", "/api/v1/report-settings", PD_TYPE_REPORT_SETTINGS);
  g_autoptr(PdResource) permissions = fetch_one ("owner", "/api/v1/permissions", PD_TYPE_PERMISSION_CATALOGUE);
  const char *periods[] = { "this_month", "last_month", "last_7_days", "last_30_days", "last_90_days" };
  PdResourceList *groups, *categories;

  g_assert_nonnull (pd_partner_get_name (PD_PARTNER (partner)));
  g_assert_nonnull (pd_resource_get_etag (smtp));
  g_assert_nonnull (pd_resource_get_etag (report));

  groups = pd_notification_type_catalogue_get_groups (PD_NOTIFICATION_TYPE_CATALOGUE (types));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pd_notification_settings_get_settings (PD_NOTIFICATION_SETTINGS (settings)))), >, 0);
  categories = pd_permission_catalogue_get_categories (PD_PERMISSION_CATALOGUE (permissions));
  g_assert_nonnull (pd_resource_list_lookup (categories, "organizations"));

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/dashboard?period=%s", periods[i]);
      g_autoptr(PdResource) dashboard = fetch_one ("owner", path, PD_TYPE_DASHBOARD);

      g_assert_cmpstr (pd_resource_get_enum_text (dashboard, "period-key"), ==, periods[i]);
      g_assert_cmpint (pd_dashboard_get_organizations_total (PD_DASHBOARD (dashboard)), >=, 300);
    }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

/* A real change on the portal, then the refetched organization applied in place */
static void
test_update_from_portal (void)
{
  g_autoptr(GPtrArray) organizations = fetch_list ("owner", "/api/v1/organizations?limit=3", PD_TYPE_ORGANIZATION);
  PdResource *mine = organizations->pdata[0];
  g_autofree char *path = g_strdup_printf ("/api/v1/organizations/%s", pd_resource_get_id (mine));
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (fixture.portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (fixture.portal, "owner"));
  g_autoptr(SoupMessage) message = soup_message_new ("PATCH", url);
  static const char patch[] = "{\"name\": \"Renamed by the models test\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (patch, sizeof patch - 1);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) theirs = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PdService) service = g_list_model_get_item (G_LIST_MODEL (pd_organization_get_services (PD_ORGANIZATION (mine))), 0);

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_headers_replace (soup_message_get_request_headers (message), "If-Match", pd_resource_get_etag (mine));
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  answer = soup_session_send_and_read (fixture.session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);

  theirs = fetch_one ("owner", path, PD_TYPE_ORGANIZATION);
  g_signal_connect (mine, "notify", G_CALLBACK (on_notify), names);
  pd_resource_update (mine, theirs);
  g_signal_handlers_disconnect_by_func (mine, on_notify, names);

  g_assert_cmpstr (pd_organization_get_name (PD_ORGANIZATION (mine)), ==, "Renamed by the models test");
  g_assert_true (g_ptr_array_find_with_equal_func (names, "name", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "etag", g_str_equal, NULL));
  for (guint i = 0; i < names->len; i++)
    g_assert_true (g_strv_contains ((const char *[]) { "name", "etag", "updated-at", NULL }, names->pdata[i]));
  /* Services stay the same objects */
  g_assert_true (pd_resource_list_lookup (pd_organization_get_services (PD_ORGANIZATION (mine)),
                                          pd_resource_get_id (PD_RESOURCE (service))) == PD_RESOURCE (service));
  g_assert_true (pd_resource_equal (mine, theirs));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  fixture.portal = pd_test_portal_start ((const char *[]) { "--seed", "300", NULL });
  fixture.session = soup_session_new ();

  g_test_add_func ("/models/portal/organizations-and-accounts", test_organizations_and_accounts);
  g_test_add_func ("/models/portal/mapping-candidates", test_mapping_candidates);
  g_test_add_func ("/models/portal/partner-lists", test_partner_lists);
  g_test_add_func ("/models/portal/kinds", test_kinds);
  g_test_add_func ("/models/portal/me", test_me);
  g_test_add_func ("/models/portal/singletons", test_singletons);
  g_test_add_func ("/models/portal/update-from-portal", test_update_from_portal);

  status = g_test_run ();

  g_clear_object (&fixture.session);
  pd_test_portal_stop (fixture.portal);
  return status;
}
