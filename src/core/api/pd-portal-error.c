/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-error.h"
#include "pd-portal-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#define PROBLEM_BASE "https://partnerdesk.example/problems/"

/* The details a UI needs travel inside the GError itself (an extended domain), so that
 * g_error_copy() and g_propagate_error() keep them. */
typedef struct
{
  guint      status;
  char      *problem_type;
  char      *permission;
  GPtrArray *field_errors;
  char      *current_etag;
  guint      retry_after;
} PdPortalErrorPrivate;

static void
field_error_free (gpointer data)
{
  PdPortalFieldError *fe = data;

  g_free (fe->field);
  g_free (fe->code);
  g_free (fe->message);
  g_free (fe);
}

/* What G_DEFINE_EXTENDED_ERROR does, written out: its getter returns NULL through a
 * g_return_val_if_fail(), which -Wnull-dereference cannot see past. */
static PdPortalErrorPrivate *
private_of (const GError *error)
{
  const gsize sa = 2 * sizeof (gsize);
  const gsize as = (sizeof (PdPortalErrorPrivate) + (sa - 1)) & -sa;

  return (PdPortalErrorPrivate *) (((guint8 *) error) - as);
}

static void
private_init (GError *error)
{
  PdPortalErrorPrivate *priv = private_of (error);

  priv->field_errors = g_ptr_array_new_with_free_func (field_error_free);
}

static void
private_copy (const GError *src_error,
              GError       *dest_error)
{
  const PdPortalErrorPrivate *src = private_of (src_error);
  PdPortalErrorPrivate *dest = private_of (dest_error);

  dest->status = src->status;
  dest->problem_type = g_strdup (src->problem_type);
  dest->permission = g_strdup (src->permission);
  dest->current_etag = g_strdup (src->current_etag);
  dest->retry_after = src->retry_after;
  for (guint i = 0; i < src->field_errors->len; i++)
    {
      const PdPortalFieldError *fe = g_ptr_array_index (src->field_errors, i);
      PdPortalFieldError *copy = g_new0 (PdPortalFieldError, 1);

      copy->field = g_strdup (fe->field);
      copy->code = g_strdup (fe->code);
      copy->message = g_strdup (fe->message);
      g_ptr_array_add (dest->field_errors, copy);
    }
}

static void
private_clear (GError *error)
{
  PdPortalErrorPrivate *priv = private_of (error);

  g_clear_pointer (&priv->problem_type, g_free);
  g_clear_pointer (&priv->permission, g_free);
  g_clear_pointer (&priv->current_etag, g_free);
  g_clear_pointer (&priv->field_errors, g_ptr_array_unref);
}

GQuark
pd_portal_error_quark (void)
{
  static GQuark quark;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      quark = g_error_domain_register_static ("pd-portal-error-quark", sizeof (PdPortalErrorPrivate),
                                              private_init, private_copy, private_clear);
      g_once_init_leave (&initialized, 1);
    }
  return quark;
}

static PdPortalErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != PD_PORTAL_ERROR)
    return NULL;
  return private_of (error);
}

guint
pd_portal_error_get_status (const GError *error)
{
  PdPortalErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->status : 0;
}

const char *
pd_portal_error_get_problem_type (const GError *error)
{
  PdPortalErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->problem_type : NULL;
}

const char *
pd_portal_error_get_permission (const GError *error)
{
  PdPortalErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->permission : NULL;
}

GPtrArray *
pd_portal_error_get_field_errors (const GError *error)
{
  PdPortalErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->field_errors : NULL;
}

const char *
pd_portal_error_get_current_etag (const GError *error)
{
  PdPortalErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->current_etag : NULL;
}

guint
pd_portal_error_get_retry_after (const GError *error)
{
  PdPortalErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->retry_after : 0;
}

/* Problem documents */

typedef struct
{
  const char *type;
  const char *slug;   /* the part after PROBLEM_BASE, or NULL */
  const char *title;
  const char *detail;
  const char *permission;
  JsonArray  *errors;
} Problem;

static const char *
object_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
problem_read (Problem    *problem,
              JsonObject *object)
{
  JsonNode *errors = json_object_get_member (object, "errors");

  problem->type = object_string (object, "type");
  problem->title = object_string (object, "title");
  problem->detail = object_string (object, "detail");
  problem->permission = object_string (object, "permission");
  if (errors != NULL && JSON_NODE_HOLDS_ARRAY (errors))
    problem->errors = json_node_get_array (errors);
  if (problem->type != NULL && g_str_has_prefix (problem->type, PROBLEM_BASE))
    problem->slug = problem->type + strlen (PROBLEM_BASE);
}

static void
read_field_errors (PdPortalErrorPrivate *priv,
                   JsonArray            *errors)
{
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      JsonObject *object;
      PdPortalFieldError *fe;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      fe = g_new0 (PdPortalFieldError, 1);
      fe->field = g_strdup (object_string (object, "field"));
      fe->code = g_strdup (object_string (object, "code"));
      fe->message = g_strdup (object_string (object, "message"));
      if (fe->field == NULL)
        fe->field = g_strdup ("");
      if (fe->code == NULL)
        fe->code = g_strdup ("invalid");
      if (fe->message == NULL)
        fe->message = g_strdup (fe->field);
      g_ptr_array_add (priv->field_errors, fe);
    }
}

static char *
forbidden_message (const Problem *problem)
{
  const char *slug = problem->slug != NULL ? problem->slug : "";

  if (g_str_equal (slug, "relationship"))
    return g_strdup (_("Your company is the reseller of this organization: you can see its metrics, "
                       "but you cannot act inside its data."));
  if (g_str_equal (slug, "rank"))
    return g_strdup (_("Your role ranks too low for this: you can only manage users and roles "
                       "ranked below your own."));
  if (g_str_equal (slug, "self"))
    return g_strdup (_("You cannot do this to your own user. Ask another administrator of your company."));
  if (g_str_equal (slug, "scope"))
    return g_strdup (_("Your access is limited to the organizations of your groups, and this is outside "
                       "them."));
  if (g_str_equal (slug, "permission-not-grantable") && problem->permission != NULL)
    return g_strdup_printf (_("You cannot grant the permission “%s”: your own role does not have it."),
                            problem->permission);
  if (problem->permission != NULL)
    return g_strdup_printf (_("Your role does not have the permission “%s”. Ask an owner or "
                              "administrator of your company to grant it."), problem->permission);
  if (problem->detail != NULL)
    return g_strdup_printf (_("The portal does not allow this: %s"), problem->detail);
  return g_strdup (_("The portal does not allow this for your role."));
}

static char *
validation_message (PdPortalErrorPrivate *priv)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (priv->field_errors->len == 0)
    return g_strdup (_("The portal refused some of the values. Check them and try again."));
  for (guint i = 0; i < priv->field_errors->len; i++)
    {
      const PdPortalFieldError *fe = g_ptr_array_index (priv->field_errors, i);

      if (i > 0)
        g_string_append (list, " ");
      g_string_append (list, fe->message);
      if (!g_str_has_suffix (fe->message, "."))
        g_string_append_c (list, '.');
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "One value is not valid: %s",
                                       "Some values are not valid: %s",
                                       priv->field_errors->len), list->str);
}

static PdPortalErrorCode
code_for_status (guint status)
{
  switch (status)
    {
    case 401: return PD_PORTAL_ERROR_UNAUTHORIZED;
    case 403: return PD_PORTAL_ERROR_FORBIDDEN;
    case 404: case 410: return PD_PORTAL_ERROR_NOT_FOUND;
    case 409: return PD_PORTAL_ERROR_CONFLICT;
    case 412: case 428: return PD_PORTAL_ERROR_PRECONDITION_FAILED;
    case 422: return PD_PORTAL_ERROR_VALIDATION;
    case 429: return PD_PORTAL_ERROR_RATE_LIMITED;
    default:
      if (status >= 500)
        return PD_PORTAL_ERROR_SERVER;
      if (status >= 400)
        return PD_PORTAL_ERROR_REQUEST;
      return PD_PORTAL_ERROR_BAD_RESPONSE;  /* 1xx/3xx we did not follow */
    }
}

static char *
message_for (PdPortalErrorCode     code,
             guint                 status,
             const Problem        *problem,
             PdPortalErrorPrivate *priv)
{
  /* The portal's own words (English) only where we have nothing more specific. */
  const char *said = problem->detail != NULL ? problem->detail : problem->title;

  switch (code)
    {
    case PD_PORTAL_ERROR_UNAUTHORIZED:
      return g_strdup (_("The portal no longer accepts your sign-in. Sign in again."));
    case PD_PORTAL_ERROR_FORBIDDEN:
      return forbidden_message (problem);
    case PD_PORTAL_ERROR_NOT_FOUND:
      return g_strdup (_("This item does not exist on the portal any more, or it is outside your access."));
    case PD_PORTAL_ERROR_CONFLICT:
      if (said != NULL)
        return g_strdup_printf (_("The change conflicts with the current state on the portal: %s"), said);
      return g_strdup (_("The change conflicts with the current state on the portal."));
    case PD_PORTAL_ERROR_PRECONDITION_FAILED:
      if (status == 428)
        return g_strdup (_("The portal refused a change sent without the version it is based on. "
                           "Reload the item and try again."));
      return g_strdup (_("Someone else changed this item since you loaded it. Reload it and apply "
                         "your change again."));
    case PD_PORTAL_ERROR_VALIDATION:
      return validation_message (priv);
    case PD_PORTAL_ERROR_RATE_LIMITED:
      if (priv->retry_after > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The portal is receiving too many requests. Try again in %u second.",
                                             "The portal is receiving too many requests. Try again in %u seconds.",
                                             priv->retry_after), priv->retry_after);
      return g_strdup (_("The portal is receiving too many requests. Try again later."));
    case PD_PORTAL_ERROR_SERVER:
      return g_strdup_printf (_("The portal failed to handle the request (error %u). Try again later."), status);
    case PD_PORTAL_ERROR_REQUEST:
      if (said != NULL)
        return g_strdup_printf (_("The portal refused the request (error %u): %s"), status, said);
      return g_strdup_printf (_("The portal refused the request (error %u)."), status);
    case PD_PORTAL_ERROR_BAD_RESPONSE:
    case PD_PORTAL_ERROR_OFFLINE:
    case PD_PORTAL_ERROR_TLS:
    default:
      return g_strdup_printf (_("The portal gave an unexpected answer (status %u)."), status);
    }
}

gboolean
pd_portal_content_type_is_json (const char *content_type)
{
  g_autofree char *media = NULL;
  const char *semicolon;

  if (content_type == NULL)
    return FALSE;
  semicolon = strchr (content_type, ';');
  media = g_ascii_strdown (content_type, semicolon ? semicolon - content_type : -1);
  g_strstrip (media);
  return g_str_equal (media, "application/json") || g_str_has_suffix (media, "+json");
}

GError *
pd_portal_error_new_from_response (guint       status,
                                   const char *content_type,
                                   GBytes     *body,
                                   const char *etag,
                                   guint       retry_after)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Problem problem = { 0 };
  PdPortalErrorCode code = code_for_status (status);
  PdPortalErrorPrivate *priv;
  g_autofree char *message = NULL;
  GError *error;

  /* A body that is not a problem document (a proxy's HTML page) only loses the details. */
  if (body != NULL && g_bytes_get_size (body) > 0 && pd_portal_content_type_is_json (content_type))
    {
      gsize size;
      const char *data = g_bytes_get_data (body, &size);

      if (size <= G_MAXSSIZE && json_parser_load_from_data (parser, data, size, NULL)
          && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        problem_read (&problem, json_node_get_object (json_parser_get_root (parser)));
    }

  error = g_error_new_literal (PD_PORTAL_ERROR, code, "");
  priv = private_of (error);
  priv->status = status;
  priv->problem_type = g_strdup (problem.type);
  priv->permission = g_strdup (problem.permission);
  priv->current_etag = g_strdup (etag);
  priv->retry_after = retry_after;
  read_field_errors (priv, problem.errors);

  message = message_for (code, status, &problem, priv);
  g_free (error->message);
  error->message = g_steal_pointer (&message);
  return error;
}
