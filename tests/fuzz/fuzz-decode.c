/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the strict decoder: the first byte chooses the resource type, the
 * rest is JSON text for pd_resource_new_from_data(). A decoded resource is also compared,
 * updated from a second decode and asked for its enum texts, so those paths see the same
 * odd values. Any crash, sanitizer report or critical is a bug. */
#include "config.h"

#include <stdint.h>

#include "pd-cache-json.h"
#include "pd-cache-page.h"
#include "pd-models.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The order of run-fuzz.sh and make-corpus.py, which name the corpus files by type */
static GType
type_at (guint index)
{
  switch (index)
    {
    case 0:  return PD_TYPE_ORGANIZATION;
    case 1:  return PD_TYPE_SERVICE;
    case 2:  return PD_TYPE_ACCOUNT;
    case 3:  return PD_TYPE_ACCOUNT_SECTION;
    case 4:  return PD_TYPE_ME;
    case 5:  return PD_TYPE_PARTNER;
    case 6:  return PD_TYPE_USER;
    case 7:  return PD_TYPE_ROLE;
    case 8:  return PD_TYPE_PERMISSION_CATALOGUE;
    case 9:  return PD_TYPE_GROUP;
    case 10: return PD_TYPE_IN_APP_NOTIFICATION;
    case 11: return PD_TYPE_NOTIFICATION_SETTINGS;
    case 12: return PD_TYPE_NOTIFICATION_TYPE_CATALOGUE;
    case 13: return PD_TYPE_REPORT_SETTINGS;
    case 14: return PD_TYPE_SMTP_SETTINGS;
    case 15: return PD_TYPE_API_KEY;
    case 16: return PD_TYPE_AUTHORIZATION;
    case 17: return PD_TYPE_AUDIT_ENTRY;
    case 18: return PD_TYPE_DASHBOARD;
    case 19:
    default: return PD_TYPE_SERVICE_ACCOUNT_CANDIDATE;
    }
}
#define N_TYPES 20

static void
exercise (PdResource *resource)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (resource), &n);
  for (guint i = 0; i < n; i++)
    {
      GValue value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (resource), pspecs[i]->name, &value);
      if (G_IS_PARAM_SPEC_ENUM (pspecs[i]))
        (void) pd_resource_get_enum_text (resource, pspecs[i]->name);
      g_value_unset (&value);
    }
}

/* The sync path does not use json-glib's parser: pages are scanned by pd-cache-page.c and
 * each item decoded from its text by pd_resource_new_from_text(), held here to the tree
 * built by pd-cache-json.c and decoded by pd_resource_new_from_json(). All read network
 * input: none may crash, leak or accept what they must refuse. */
static void
exercise_cache_parsers (GType       type,
                        const char *text,
                        gsize       length)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(JsonNode) node = pd_cache_json_parse (text, length, scratch);
  PdCachePage page = { 0 };

  g_autoptr(GError) text_error = NULL;
  g_autoptr(PdResource) from_text = pd_resource_new_from_text (type, text, length, &text_error);

  g_assert ((from_text == NULL) == (text_error != NULL));
  /* The text reader is the tree parser plus the tree decoder, to the letter: what the one
   * refuses as JSON the other does, and every other verdict and message is the same */
  g_assert ((node == NULL) == g_error_matches (text_error, PD_DECODE_ERROR, PD_DECODE_ERROR_SYNTAX));
  if (node != NULL)
    {
      g_autoptr(PdResource) resource = NULL;
      g_autoptr(GError) error = NULL;

      g_assert (g_utf8_validate_len (text, length, NULL));
      resource = pd_resource_new_from_json (type, node, &error);
      g_assert ((resource == NULL) == (error != NULL));
      if (resource != NULL)
        g_assert (from_text != NULL && pd_resource_equal (resource, from_text));
      else
        g_assert (text_error != NULL && text_error->code == error->code
                  && g_str_equal (text_error->message, error->message));
    }

  if (pd_cache_page_scan (text, length, &page, NULL))
    {
      for (guint i = 0; i < page.items->len; i++)
        {
          PdCacheSpan *span = &g_array_index (page.items, PdCacheSpan, i);
          g_autoptr(JsonNode) item = NULL;

          g_assert (span->offset <= length && span->length <= length - span->offset);
          item = pd_cache_json_parse (text + span->offset, span->length, scratch);
        }
      g_assert (page.deleted != NULL);
      pd_cache_page_clear (&page);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  g_autoptr(PdResource) resource = NULL;
  g_autoptr(PdResource) again = NULL;
  g_autoptr(GError) error = NULL;
  GType type;

  if (!initialized)
    {
      /* A critical is a bug like a crash */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialized = TRUE;
    }
  if (size < 1 || size > G_MAXSSIZE)
    return 0;

  type = type_at (data[0] % N_TYPES);
  exercise_cache_parsers (type, (const char *) data + 1, size - 1);
  resource = pd_resource_new_from_data (type, (const char *) data + 1, (gssize) size - 1, &error);
  if (resource == NULL)
    {
      g_assert (error != NULL && error->domain == PD_DECODE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (error == NULL);

  exercise (resource);
  again = pd_resource_new_from_data (type, (const char *) data + 1, (gssize) size - 1, NULL);
  g_assert (again != NULL);
  g_assert (pd_resource_equal (resource, again));
  pd_resource_update (resource, again);
  g_assert (pd_resource_equal (resource, again));
  return 0;
}
