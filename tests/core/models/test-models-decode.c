/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Decoding bad input (each error names the resource and the member), unknown members and
 * enum values, nullable parents, times, and update() notifying only what changed. */
#include "config.h"

#include <string.h>

#include "pd-models.h"

static const char organization_json[] =
  "{\"id\": \"org_12\", \"etag\": \"\\\"org_12.3\\\"\","
  " \"created_at\": \"2025-03-01T09:30:00.000000Z\", \"updated_at\": \"2025-03-02T09:30:00.000000Z\","
  " \"name\": \"Contoso\", \"email\": null, \"domain\": \"contoso.example\", \"status\": \"active\","
  " \"plan\": {\"name\": \"Backup 50\", \"type\": \"backup\", \"price_cents\": 9900, \"currency\": \"EUR\"},"
  " \"region\": \"eu\", \"country\": \"DE\", \"credential_status\": \"ok\", \"relationship\": \"msp\","
  " \"mapping\": {\"status\": \"mapped\", \"service_account_id\": \"sa_3\"}, \"admin_access\": false,"
  " \"storage_bytes\": 1024,"
  " \"services\": [{\"id\": \"svc_31\", \"etag\": \"\\\"svc_31.1\\\"\","
  "   \"created_at\": \"2025-03-01T09:30:00.000000Z\", \"updated_at\": \"2025-03-01T09:30:00.000000Z\","
  "   \"organization_id\": \"org_12\", \"suite\": \"microsoft365\", \"application\": \"exchange\","
  "   \"management_mode\": \"partner\", \"authorization_state\": \"authorized\", \"backup_status\": \"success\","
  "   \"last_backup_at\": null, \"next_backup_at\": \"2025-03-03T01:00:00+02:00\","
  "   \"jobs\": {\"success\": 3, \"running\": 0, \"retrying\": 0, \"failed\": 0},"
  "   \"seats\": {\"total\": 10, \"managed\": 4, \"open\": 6, \"unprotected\": 1}, \"storage_bytes\": 512}]}";

/* The organization above with one edit: @path ("plan.type", "services.0.jobs") set to
 * @value (JSON text), or removed when @value is NULL */
static JsonNode *
edited (const char *path,
        const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (organization_json, NULL);
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);
  JsonNode *node = root;
  guint n = g_strv_length (segments);

  g_assert_nonnull (root);
  for (guint i = 0; i + 1 < n; i++)
    node = JSON_NODE_HOLDS_ARRAY (node)
           ? json_array_get_element (json_node_get_array (node), (guint) g_ascii_strtoull (segments[i], NULL, 10))
           : json_object_get_member (json_node_get_object (node), segments[i]);
  if (value == NULL)
    json_object_remove_member (json_node_get_object (node), segments[n - 1]);
  else
    json_object_set_member (json_node_get_object (node), segments[n - 1], json_from_string (value, NULL));
  return g_steal_pointer (&root);
}

static void
assert_error (const char    *path,
              const char    *value,
              PdDecodeError  code,
              const char    *message)
{
  g_autoptr(JsonNode) node = edited (path, value);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) resource = pd_resource_new_from_json (PD_TYPE_ORGANIZATION, node, &error);
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_null (resource);
  g_assert_error (error, PD_DECODE_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);

  /* The sync path reads the text without a tree, to the same verdict; json-glib lets a lone
   * surrogate through as invalid UTF-8, which is not JSON to the strict reader */
  g_clear_error (&error);
  resource = pd_resource_new_from_text (PD_TYPE_ORGANIZATION, text, strlen (text), &error);
  g_assert_null (resource);
  if (strstr (value != NULL ? value : "", "\\ud800") != NULL)
    g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_SYNTAX);
  else
    {
      g_assert_error (error, PD_DECODE_ERROR, (int) code);
      g_assert_cmpstr (error->message, ==, message);
    }
}

static void
test_errors (void)
{
  assert_error ("name", NULL, PD_DECODE_ERROR_MISSING, "Organization “org_12”: “name” is missing");
  assert_error ("plan.type", "5", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “plan.type” must be a string");
  assert_error ("plan", NULL, PD_DECODE_ERROR_MISSING, "Organization “org_12”: “plan” is missing");
  assert_error ("plan", "null", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “plan” must be an object");
  assert_error ("plan", "[]", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “plan” must be an object");
  assert_error ("name", "null", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “name” must not be null");
  assert_error ("email", "7", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “email” must be a string");
  assert_error ("storage_bytes", "1.5", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “storage_bytes” must be an integer");
  assert_error ("storage_bytes", "\"1\"", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “storage_bytes” must be an integer");
  assert_error ("storage_bytes", "-1", PD_DECODE_ERROR_INVALID, "Organization “org_12”: “storage_bytes” must not be negative");
  assert_error ("admin_access", "0", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “admin_access” must be true or false");
  assert_error ("id", "\"\"", PD_DECODE_ERROR_INVALID, "Organization: “id” must not be empty");
  assert_error ("id", "12", PD_DECODE_ERROR_TYPE, "Organization: “id” must be a string");
  assert_error ("services", "{}", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “services” must be an array of objects");
  assert_error ("services", "[1]", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “services.0” must be an object");
  assert_error ("services.0.seats.total", "\"x\"", PD_DECODE_ERROR_TYPE,
                "Organization “org_12”: “services.0.seats.total” must be an integer");
  assert_error ("services.0.jobs", NULL, PD_DECODE_ERROR_MISSING, "Organization “org_12”: “services.0.jobs” is missing");
  assert_error ("services.0.suite", "null", PD_DECODE_ERROR_TYPE,
                "Organization “org_12”: “services.0.suite” must not be null");

  assert_error ("name", "\"x\\ud800y\"", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “name” is not valid UTF-8 text");
  assert_error ("status", "\"\\ud800x\"", PD_DECODE_ERROR_TYPE, "Organization “org_12”: “status” is not valid UTF-8 text");

  /* Malformed times */
  assert_error ("created_at", "\"yesterday\"", PD_DECODE_ERROR_TYPE,
                "Organization “org_12”: “created_at” must be a date and time like 2025-03-01T09:30:00Z");
  assert_error ("created_at", "\"2025-03-01T09:30:00\"", PD_DECODE_ERROR_TYPE,
                "Organization “org_12”: “created_at” must be a date and time like 2025-03-01T09:30:00Z");
  assert_error ("created_at", "\"2025-13-01T09:30:00Z\"", PD_DECODE_ERROR_TYPE,
                "Organization “org_12”: “created_at” must be a date and time like 2025-03-01T09:30:00Z");
  assert_error ("created_at", "\"2025-03-01T09:30:00.Z\"", PD_DECODE_ERROR_TYPE,
                "Organization “org_12”: “created_at” must be a date and time like 2025-03-01T09:30:00Z");
  assert_error ("updated_at", "20250301", PD_DECODE_ERROR_TYPE,
                "Organization “org_12”: “updated_at” must be a date and time like 2025-03-01T09:30:00Z");
}

static void
assert_text_error (const char *text,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) resource = pd_resource_new_from_data (PD_TYPE_ORGANIZATION, text, -1, &error);

  g_assert_null (resource);
  g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_not_json (void)
{
  /* Checked before json-glib parses, which would leak the first value of "{…} {…}" */
  assert_text_error (" \n ", "Organization: the text is empty");
  assert_text_error ("2{\"id\": \"org_1\"}", "Organization: the portal sent something other than a JSON object");
  assert_text_error ("{\"id\": \"org_1\"}\n{\"id\": \"org_2\"}", "Organization: more text follows the JSON object");
  assert_text_error ("{\"id\": \"o}rg_1\\\"\"} x", "Organization: more text follows the JSON object");
  assert_text_error ("{\"id\": \"org_1\", }", "Organization: the text is not valid JSON (line 1, column 15)");

  const char *texts[] = { "", "{", "[]", "null", "\"org\"", "{\"id\": \"org_1\"} x", "\xff\xfe",
                          "{\"id\":\"grp_31\\6666\"\"}" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdResource) resource = pd_resource_new_from_data (PD_TYPE_ORGANIZATION, texts[i], -1, &error);

      g_assert_null (resource);
      g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE);
      g_assert_true (g_str_has_prefix (error->message, "Organization: "));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"id\": \"org_1\", \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) resource = NULL;

  /* Brackets inside strings do not count */
  g_string_append (text, "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\", \"y\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  resource = pd_resource_new_from_data (PD_TYPE_ORGANIZATION, text->str, (gssize) text->len, &error);
  g_assert_null (resource);
  g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Organization: the JSON text nests more than 32 levels deep");
  g_clear_error (&error);

  /* A position, never the text itself (it may hold a secret) */
  resource = pd_resource_new_from_data (PD_TYPE_API_KEY, "{\"key\": \"pdk_secret\" \"x\"}", -1, &error);
  g_assert_null (resource);
  g_assert_cmpstr (error->message, ==, "API key: the text is not valid JSON (line 1, column 20)");
}

static void
test_unknown_members_and_values (void)
{
  g_autoptr(JsonNode) node = edited ("plan.future", "{\"a\": [1, 2]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) resource = NULL;
  PdOrganization *organization;
  g_autoptr(PdService) service = NULL;

  json_object_set_string_member (json_node_get_object (node), "status", "frozen");
  json_object_set_string_member (json_node_get_object (node), "whatever", "x");
  resource = pd_resource_new_from_json (PD_TYPE_ORGANIZATION, node, &error);
  g_assert_no_error (error);
  organization = PD_ORGANIZATION (resource);

  g_assert_cmpint (pd_organization_get_status (organization), ==, PD_ORGANIZATION_STATUS_UNKNOWN);
  g_assert_cmpstr (pd_resource_get_enum_text (resource, "status"), ==, "frozen");
  g_assert_cmpint (pd_organization_get_plan_type (organization), ==, PD_PLAN_TYPE_BACKUP);
  g_assert_cmpstr (pd_resource_get_enum_text (resource, "plan-type"), ==, "backup");
  g_assert_cmpstr (pd_resource_get_enum_text (resource, "credential-status"), ==, "ok");

  /* Every other member as sent */
  g_assert_cmpstr (pd_resource_get_id (resource), ==, "org_12");
  g_assert_cmpstr (pd_resource_get_etag (resource), ==, "\"org_12.3\"");
  g_assert_null (pd_resource_get_parent_id (resource));
  g_assert_cmpstr (pd_organization_get_name (organization), ==, "Contoso");
  g_assert_null (pd_organization_get_email (organization));
  g_assert_cmpstr (pd_organization_get_plan_name (organization), ==, "Backup 50");
  g_assert_cmpint (pd_organization_get_plan_price_cents (organization), ==, 9900);
  g_assert_cmpstr (pd_organization_get_mapping_service_account_id (organization), ==, "sa_3");
  g_assert_cmpint (pd_organization_get_region (organization), ==, PD_REGION_EU);
  g_assert_false (pd_organization_get_admin_access (organization));
  g_assert_cmpint (g_date_time_to_unix (pd_resource_get_created_at (resource)), ==, 1740821400);

  service = g_list_model_get_item (G_LIST_MODEL (pd_organization_get_services (organization)), 0);
  g_assert_cmpstr (pd_resource_get_parent_id (PD_RESOURCE (service)), ==, "org_12");
  g_assert_null (pd_service_get_last_backup_at (service));
  /* An offset other than Z is RFC 3339 too */
  g_assert_cmpint (g_date_time_to_unix (pd_service_get_next_backup_at (service)), ==, 1740956400);
  g_assert_cmpint (pd_service_get_seats_open (service), ==, 6);
  g_assert_cmpint (pd_service_get_application (service), ==, PD_SERVICE_APPLICATION_EXCHANGE);

  /* Property access matches the getters */
  {
    g_autofree char *plan_name = NULL;
    PdPlanType plan_type;
    g_autoptr(PdResourceList) services = NULL;

    g_object_get (resource, "plan-name", &plan_name, "plan-type", &plan_type, "services", &services, NULL);
    g_assert_cmpstr (plan_name, ==, "Backup 50");
    g_assert_cmpint (plan_type, ==, PD_PLAN_TYPE_BACKUP);
    g_assert_true (services == pd_organization_get_services (organization));
  }
}

/* The organization a notification is about: optional (older portals), nullable, a string. */
static void
test_notification_organization (void)
{
  static const char base[] =
    "{\"id\": \"ntf_9\", \"severity\": \"danger\", \"title\": \"Backups of Contoso failed\", "
    "\"body\": \"Check its services.\", \"created_at\": \"2025-03-01T09:30:00Z\", "
    "\"updated_at\": \"2025-03-01T09:30:00Z\", \"read\": false, \"read_at\": null";
  struct { const char *member; const char *expected; const char *error; } cases[] = {
    { ", \"organization_id\": \"org_12\"", "org_12", NULL },
    { ", \"organization_id\": null", NULL, NULL },
    { "", NULL, NULL },
    { ", \"organization_id\": 12", NULL, "Notification “ntf_9”: “organization_id” must be a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (base, cases[i].member, "}", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PdResource) resource = pd_resource_new_from_data (PD_TYPE_IN_APP_NOTIFICATION, text, -1, &error);

      if (cases[i].error != NULL)
        {
          g_assert_null (resource);
          g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE);
          g_assert_cmpstr (error->message, ==, cases[i].error);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (pd_in_app_notification_get_organization_id (PD_IN_APP_NOTIFICATION (resource)), ==,
                       cases[i].expected);
    }
}

/* The organizations a notification setting is about: absent (older portals) or null is all
 * of them, a list (even empty) only those. */
static void
test_notification_setting_organizations (void)
{
  static const char base[] =
    "{\"type\": \"backup.failed\", \"enabled\": true, \"frequency\": \"daily\", \"cumulative_count\": 1";
  struct { const char *member; int n; const char *first; const char *error; } cases[] = {
    { "", -1, NULL, NULL },
    { ", \"organization_ids\": null", -1, NULL, NULL },
    { ", \"organization_ids\": []", 0, NULL, NULL },
    { ", \"organization_ids\": [\"org_3\", \"org_8\"]", 2, "org_3", NULL },
    { ", \"organization_ids\": [3]", 0, NULL, "Notification setting “backup.failed”: “organization_ids.0” must be a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (base, cases[i].member, "}", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PdResource) resource = pd_resource_new_from_data (PD_TYPE_NOTIFICATION_SETTING, text, -1, &error);
      const char * const *ids;

      if (cases[i].error != NULL)
        {
          g_assert_null (resource);
          g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE);
          g_assert_cmpstr (error->message, ==, cases[i].error);
          continue;
        }
      g_assert_no_error (error);
      ids = pd_notification_setting_get_organization_ids (PD_NOTIFICATION_SETTING (resource));
      if (cases[i].n < 0)
        {
          g_assert_null (ids);
          continue;
        }
      g_assert_nonnull (ids);
      g_assert_cmpuint (g_strv_length ((char **) ids), ==, (guint) cases[i].n);
      g_assert_cmpstr (ids[0], ==, cases[i].first);
    }
}

static void
test_nullable_enums_and_parents (void)
{
  const char *smtp_null =
    "{\"etag\": \"\\\"smtp.1\\\"\", \"updated_at\": \"2025-03-01T09:30:00Z\", \"method\": \"default\","
    " \"manual\": null, \"microsoft\": null, \"status\": \"unverified\", \"last_test_at\": null,"
    " \"last_error\": null, \"auto_test\": {\"enabled\": false, \"to\": null, \"frequency\": \"weekly\"}}";
  const char *smtp_manual =
    "{\"etag\": \"\\\"smtp.2\\\"\", \"updated_at\": \"2025-03-01T09:30:00Z\", \"method\": \"custom_manual\","
    " \"manual\": {\"host\": \"smtp.example\", \"port\": 587, \"security\": \"none\", \"username\": null,"
    "   \"password_set\": false, \"from_address\": \"a@example.com\", \"from_name\": null},"
    " \"microsoft\": null, \"status\": \"active\", \"last_test_at\": null,"
    " \"last_error\": null, \"auto_test\": {\"enabled\": false, \"to\": null, \"frequency\": \"weekly\"}}";
  const char *section =
    "{\"data_type\": \"email\", \"status\": \"active\", \"added_at\": null, \"last_backup_at\": null,"
    " \"last_result\": null}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) a = pd_resource_new_from_data (PD_TYPE_SMTP_SETTINGS, smtp_null, -1, &error);
  g_autoptr(PdResource) b = NULL;
  g_autoptr(PdResource) c = NULL;
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_false (pd_smtp_settings_get_has_manual (PD_SMTP_SETTINGS (a)));
  g_assert_null (pd_smtp_settings_get_manual_host (PD_SMTP_SETTINGS (a)));
  g_assert_null (pd_resource_get_id (a));
  g_assert_cmpint (pd_smtp_settings_get_auto_test_frequency (PD_SMTP_SETTINGS (a)), ==, PD_SMTP_TEST_FREQUENCY_WEEKLY);

  b = pd_resource_new_from_data (PD_TYPE_SMTP_SETTINGS, smtp_manual, -1, &error);
  g_assert_no_error (error);
  g_assert_true (pd_smtp_settings_get_has_manual (PD_SMTP_SETTINGS (b)));
  g_assert_cmpstr (pd_smtp_settings_get_manual_host (PD_SMTP_SETTINGS (b)), ==, "smtp.example");
  g_assert_cmpint (pd_smtp_settings_get_manual_port (PD_SMTP_SETTINGS (b)), ==, 587);
  /* "none" is a real value here, not null */
  g_assert_cmpint (pd_smtp_settings_get_manual_security (PD_SMTP_SETTINGS (b)), ==, PD_SMTP_SECURITY_NONE);
  g_assert_cmpstr (pd_resource_get_enum_text (b, "manual-security"), ==, "none");

  /* A member of a present object is still required */
  bad = g_strdup (smtp_manual);
  memcpy (strstr (bad, "\"host\""), "\"hxst\"", 6);
  c = pd_resource_new_from_data (PD_TYPE_SMTP_SETTINGS, bad, -1, &error);
  g_assert_null (c);
  g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "SMTP settings: “manual.host” is missing");
  g_clear_error (&error);

  /* A nullable enum reads *_NONE for null, and its text is NULL */
  c = pd_resource_new_from_data (PD_TYPE_ACCOUNT_SECTION, section, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_account_section_get_last_result (PD_ACCOUNT_SECTION (c)), ==, PD_BACKUP_RESULT_NONE);
  g_assert_null (pd_resource_get_enum_text (c, "last-result"));
  g_assert_cmpstr (pd_resource_get_id (c), ==, "email");
}

/* The text reader against the tree on texts json-glib reads the same way */
static void
assert_text_like_tree (GType       type,
                       const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) text_error = NULL;
  g_autoptr(PdResource) from_tree = NULL;
  g_autoptr(PdResource) from_text = NULL;

  g_test_message ("%s", text);
  g_assert_nonnull (node);
  from_tree = pd_resource_new_from_json (type, node, &tree_error);
  from_text = pd_resource_new_from_text (type, text, strlen (text), &text_error);
  if (from_tree != NULL)
    {
      g_assert_no_error (text_error);
      g_assert_true (pd_resource_equal (from_tree, from_text));
      return;
    }
  g_assert_null (from_text);
  g_assert_error (text_error, tree_error->domain, tree_error->code);
  g_assert_cmpstr (text_error->message, ==, tree_error->message);
}

static void
test_text (void)
{
  const char *role = "{\"id\": \"role_1\", \"etag\": \"e\", \"created_at\": \"2025-03-01T09:30:00Z\","
                     " \"updated_at\": \"2025-03-01T09:30:00Z\", \"key\": \"admin\", \"name\": \"Admin\","
                     " \"description\": \"\", \"rank\": 2, \"builtin\": true, \"user_count\": 0,"
                     " \"permissions\": ";
  const char *bad[] = { "", " ", "{", "{\"id\": \"org_1\",}", "{\"id\": \"org_1\"} x", "{\"id\": \"\\u0000\"}",
                        "{\"a\": \"\\ud800\"}", "{\"a\": 01}", "{\"a\": [1,]}", "{\"a\": \"\xff\"}",
                        "{\"a\": tru}", "{\"a\" 1}", "\"\tx\"", "{\"id\": \"a\nb\"}" };
  g_autoptr(GString) deep = g_string_new ("{\"x\": ");
  g_autoptr(GString) edited_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResource) resource = NULL;

  /* the whole organization, then with members repeated, escaped, unknown or misplaced */
  assert_text_like_tree (PD_TYPE_ORGANIZATION, organization_json);
  edited_text = g_string_new (organization_json);
  g_string_replace (edited_text, "\"name\": \"Contoso\"", "\"name\": \"First\", \"n\\u0061me\": \"Contoso\", \"plan.name\": 5", 1);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
  g_string_replace (edited_text, "\"region\"", "\"plan\": {\"name\": \"x\"}, \"region\"", 1);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
  g_string_replace (edited_text, "\"plan\": {\"name\": \"x\"}", "\"plan\": null", 1);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
  g_string_replace (edited_text, "\"plan\": null", "\"plan\": [{\"name\": 1}]", 1);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
  g_string_assign (edited_text, organization_json);
  g_string_replace (edited_text, "\"services\": [", "\"services\": [{\"id\": \"svc_1\"}, ", 1);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
  /* a list's items are found in the object's own scan: repeated, replaced, not objects */
  {
    const char *services[] = {
      "\"services\": [], \"services\": [",
      "\"services\": [{\"id\": 1}], \"services\": [",
      "\"services\": null, \"services\": [",
      "\"services\": [7, ",
      "\"services\": [{}, ",
      "\"services\": [ ",
    };
    const char *after[] = { "], \"services\": null}", "], \"services\": {}}", "], \"services\": []}" };

    for (guint i = 0; i < G_N_ELEMENTS (services); i++)
      {
        g_string_assign (edited_text, organization_json);
        g_string_replace (edited_text, "\"services\": [", services[i], 1);
        assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
      }
    for (guint i = 0; i < G_N_ELEMENTS (after); i++)
      {
        g_string_assign (edited_text, organization_json);
        g_string_truncate (edited_text, edited_text->len - 2);  /* "]}" */
        g_string_append (edited_text, after[i]);
        assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
      }
  }
  g_string_assign (edited_text, organization_json);
  g_string_replace (edited_text, "\"storage_bytes\": 512", "\"storage_bytes\": 5e2", 1);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
  g_string_assign (edited_text, organization_json);
  g_string_replace (edited_text, "\"status\": \"active\"", "\"status\": \"fr\\u00f6zen\", \"future\": {\"a\": [[{}], -0.5e-3, \"\\ud83d\\ude00\"]}", 1);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, edited_text->str);
  assert_text_like_tree (PD_TYPE_ORGANIZATION, "[]");
  assert_text_like_tree (PD_TYPE_ORGANIZATION, "{}");
  assert_text_like_tree (PD_TYPE_ORGANIZATION, "{\"id\": \"\"}");

  /* arrays of strings, nullable objects with required members, arrays without ids */
  for (guint i = 0; i < 4; i++)
    {
      const char *permissions[] = { "[\"a\", \"b\\n\"]}", "[]}", "[\"a\", 7]}", "null}" };
      g_autofree char *text = g_strconcat (role, permissions[i], NULL);

      assert_text_like_tree (PD_TYPE_ROLE, text);
    }
  assert_text_like_tree (PD_TYPE_SMTP_SETTINGS,
    "{\"etag\": \"e\", \"updated_at\": \"2025-03-01T09:30:00Z\", \"method\": \"default\","
    " \"manual\": null, \"microsoft\": {\"tenant_id\": 1}, \"status\": \"unverified\", \"last_test_at\": null,"
    " \"last_error\": null, \"auto_test\": {\"enabled\": false, \"to\": null, \"frequency\": \"weekly\"}}");
  assert_text_like_tree (PD_TYPE_SMTP_SETTINGS,
    "{\"etag\": \"e\", \"updated_at\": \"2025-03-01T09:30:00Z\", \"method\": \"default\","
    " \"manual\": null, \"microsoft\": null, \"status\": \"unverified\", \"last_test_at\": null,"
    " \"last_error\": null, \"auto_test\": {\"enabled\": false, \"to\": null, \"frequency\": \"weekly\"}}");

  /* strings are skipped eight bytes at a time: an escape, a multi-byte character or a
   * raw control character at any place in a word */
  for (guint i = 0; i < 17; i++)
    {
      const char *inserts[] = { "\\\"", "\xc3\xa9", "\\u00e9", "\t" };

      for (guint k = 0; k < G_N_ELEMENTS (inserts); k++)
        {
          g_autoptr(GString) name = g_string_new ("abcdefghijklmnopq");
          g_autoptr(GString) text = g_string_new (organization_json);

          g_string_insert (name, i, inserts[k]);
          g_string_prepend (name, "\"name\": \"");
          g_string_append_c (name, '"');
          g_string_replace (text, "\"name\": \"Contoso\"", name->str, 1);
          if (k < 3)
            assert_text_like_tree (PD_TYPE_ORGANIZATION, text->str);
          else
            {
              resource = pd_resource_new_from_text (PD_TYPE_ORGANIZATION, text->str, text->len, &error);
              g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_SYNTAX);
              g_clear_error (&error);
            }
        }
    }

  /* what is not strict JSON is a syntax error, whatever the type */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad %u", i);
      resource = pd_resource_new_from_text (PD_TYPE_ORGANIZATION, bad[i], strlen (bad[i]), &error);
      g_assert_null (resource);
      g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, "Organization: the text is not valid JSON");
      g_clear_error (&error);
    }
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  resource = pd_resource_new_from_text (PD_TYPE_ORGANIZATION, deep->str, deep->len, &error);
  g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_SYNTAX);
  g_clear_error (&error);
  g_string_erase (deep, 7, 1);
  g_string_erase (deep, deep->len - 2, 1);
  resource = pd_resource_new_from_text (PD_TYPE_ORGANIZATION, deep->str, deep->len, &error);
  g_assert_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_MISSING);
}

static GPtrArray *notified;

static void
on_notify (GObject    *object,
           GParamSpec *pspec)
{
  g_ptr_array_add (notified, g_strdup (pspec->name));
}

static PdResource *
decode_edited (const char *path,
               const char *value)
{
  g_autoptr(JsonNode) node = path ? edited (path, value) : json_from_string (organization_json, NULL);
  g_autoptr(GError) error = NULL;
  PdResource *resource = pd_resource_new_from_json (PD_TYPE_ORGANIZATION, node, &error);

  g_assert_no_error (error);
  return resource;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  g_assert_cmpstr (pspec->name, ==, "backup-status");
  (*count)++;
}

/* What lists of clients sort by: the name case folded, then collated; a rename renews it */
static void
test_name_key (void)
{
  g_autoptr(PdResource) contoso = decode_edited (NULL, NULL);
  g_autoptr(PdResource) harbor = decode_edited ("name", "\"harbor Dental\"");
  g_autoptr(PdResource) zenith = decode_edited ("name", "\"Zenith Labs\"");
  g_autoptr(PdResource) renamed = decode_edited ("name", "\"Ångström Optics\"");
  g_autofree char *before = NULL;

  g_assert_cmpint (strcmp (pd_organization_get_name_key (PD_ORGANIZATION (harbor)),
                           pd_organization_get_name_key (PD_ORGANIZATION (zenith))), <, 0);
  g_assert_cmpstr (pd_organization_get_name_key (PD_ORGANIZATION (harbor)), ==,
                   pd_organization_get_name_key (PD_ORGANIZATION (harbor)));
  before = g_strdup (pd_organization_get_name_key (PD_ORGANIZATION (zenith)));
  pd_resource_update (zenith, renamed);
  g_assert_cmpstr (pd_organization_get_name_key (PD_ORGANIZATION (zenith)), !=, before);
  g_assert_cmpint (strcmp (pd_organization_get_name_key (PD_ORGANIZATION (zenith)),
                           pd_organization_get_name_key (PD_ORGANIZATION (contoso))), !=, 0);
}

static void
test_update_notifies_changes_only (void)
{
  g_autoptr(PdResource) mine = decode_edited (NULL, NULL);
  g_autoptr(PdResource) same = decode_edited (NULL, NULL);
  g_autoptr(PdResource) renamed = decode_edited ("name", "\"Contoso AG\"");
  g_autoptr(PdResource) unknown_status = decode_edited ("status", "\"frozen\"");
  g_autoptr(PdResource) other_unknown = decode_edited ("status", "\"melted\"");
  g_autoptr(PdResource) service_changed = decode_edited ("services.0.backup_status", "\"failed\"");
  g_autoptr(PdResource) no_services = decode_edited ("services", "[]");
  g_autoptr(PdService) service = NULL;
  PdResourceList *services = pd_organization_get_services (PD_ORGANIZATION (mine));
  guint service_notifies = 0;

  notified = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (mine, "notify", G_CALLBACK (on_notify), NULL);
  service = g_list_model_get_item (G_LIST_MODEL (services), 0);
  g_signal_connect (service, "notify", G_CALLBACK (count_notify), &service_notifies);

  pd_resource_update (mine, same);
  g_assert_cmpuint (notified->len, ==, 0);

  g_assert_cmpuint (pd_resource_get_revision (mine), ==, 1);
  pd_resource_update (mine, renamed);
  /* what was derived from the old name (pd-client-figures.c) is out of date */
  g_assert_cmpuint (pd_resource_get_revision (mine), ==, 2);
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (notified->pdata[0], ==, "name");
  g_assert_cmpstr (pd_organization_get_name (PD_ORGANIZATION (mine)), ==, "Contoso AG");
  g_ptr_array_set_size (notified, 0);

  pd_resource_update (mine, unknown_status);
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "status", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "name", g_str_equal, NULL));
  g_assert_cmpstr (pd_resource_get_enum_text (mine, "status"), ==, "frozen");
  g_ptr_array_set_size (notified, 0);

  /* UNKNOWN to UNKNOWN with another text is still a change the UI shows */
  pd_resource_update (mine, other_unknown);
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (notified->pdata[0], ==, "status");
  g_assert_cmpstr (pd_resource_get_enum_text (mine, "status"), ==, "melted");
  g_ptr_array_set_size (notified, 0);

  /* A nested change updates the service in place: the organization says nothing */
  pd_resource_update (mine, service_changed);
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (notified->pdata[0], ==, "status");
  g_assert_cmpuint (service_notifies, ==, 1);
  g_assert_cmpint (pd_service_get_backup_status (service), ==, PD_BACKUP_STATUS_FAILED);
  g_assert_true (pd_organization_get_services (PD_ORGANIZATION (mine)) == services);
  g_assert_true (pd_resource_list_lookup (services, "svc_31") == PD_RESOURCE (service));
  g_ptr_array_set_size (notified, 0);

  pd_resource_update (mine, no_services);
  g_assert_cmpuint (notified->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (services)), ==, 0);
  g_assert_true (pd_resource_equal (mine, no_services));

  g_signal_handlers_disconnect_by_func (mine, on_notify, NULL);
  g_clear_pointer (&notified, g_ptr_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/decode/errors", test_errors);
  g_test_add_func ("/models/decode/not-json", test_not_json);
  g_test_add_func ("/models/decode/too-deep", test_too_deep);
  g_test_add_func ("/models/decode/unknown-members-and-values", test_unknown_members_and_values);
  g_test_add_func ("/models/decode/nullable", test_nullable_enums_and_parents);
  g_test_add_func ("/models/decode/notification-organization", test_notification_organization);
  g_test_add_func ("/models/decode/notification-setting-organizations", test_notification_setting_organizations);
  g_test_add_func ("/models/decode/text", test_text);
  g_test_add_func ("/models/decode/update-notifies-changes-only", test_update_notifies_changes_only);
  g_test_add_func ("/models/decode/name-key", test_name_key);

  return g_test_run ();
}
