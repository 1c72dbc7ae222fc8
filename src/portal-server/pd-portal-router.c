/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-router.h"

void
pd_portal_route_free (gpointer data)
{
  PdPortalRoute *route = data;

  g_free (route->method);
  g_strfreev (route->segments);
  g_free (route);
}

void
pd_portal_route (PdPortal           *portal,
                 const char         *method,
                 const char         *pattern,
                 PdPortalRouteFlags  flags,
                 PdPortalHandler     handler)
{
  PdPortalRoute *route = g_new0 (PdPortalRoute, 1);

  g_return_if_fail (pattern[0] == '/');
  route->method = g_strdup (method);
  route->segments = g_strsplit (pattern + 1, "/", -1);
  route->flags = flags;
  route->handler = handler;
  g_ptr_array_add (portal->routes, route);
}

/* Literal segments win over placeholders, so /users/me beats /users/{id}. */
PdPortalRoute *
pd_portal_match_route (PdPortal    *portal,
             const char  *method,
             const char  *path,
             GStrv       *params_out,
             gboolean    *path_known)
{
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  guint n = g_strv_length (segments);
  PdPortalRoute *best = NULL;
  guint best_literals = 0;

  *path_known = FALSE;
  for (guint i = 0; i < portal->routes->len; i++)
    {
      PdPortalRoute *route = g_ptr_array_index (portal->routes, i);
      guint literals = 0;
      gboolean ok;

      if (g_strv_length (route->segments) != n)
        continue;
      ok = TRUE;
      for (guint s = 0; s < n && ok; s++)
        {
          if (route->segments[s][0] == '{')
            ok = segments[s][0] != '\0';
          else if (g_str_equal (route->segments[s], segments[s]))
            literals++;
          else
            ok = FALSE;
        }
      if (!ok)
        continue;
      *path_known = TRUE;
      if (!g_str_equal (route->method, method))
        continue;
      if (best == NULL || literals > best_literals)
        {
          best = route;
          best_literals = literals;
        }
    }

  if (best != NULL)
    {
      GPtrArray *params = g_ptr_array_new ();
      for (guint s = 0; s < n; s++)
        if (best->segments[s][0] == '{')
          g_ptr_array_add (params, g_uri_unescape_string (segments[s], NULL));
      g_ptr_array_add (params, NULL);
      *params_out = (GStrv) g_ptr_array_free (params, FALSE);
    }
  return best;
}

char *
pd_portal_allowed_methods (PdPortal   *portal,
                 const char *path)
{
  GString *allow = g_string_new (NULL);
  const char *methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE" };

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    {
      g_auto(GStrv) params = NULL;
      gboolean known;

      if (pd_portal_match_route (portal, methods[m], path, &params, &known) != NULL)
        g_string_append_printf (allow, "%s%s", allow->len ? ", " : "", methods[m]);
    }
  return g_string_free (allow, FALSE);
}

