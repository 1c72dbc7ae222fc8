/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libportal is not available to the build, so the portal is called over GDBus: the call
 * returns a request object, whose Response signal carries the answer. */

#define G_LOG_DOMAIN "pd-alerts"

#include "config.h"

#include "pd-background-portal.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"

typedef struct
{
  GDBusConnection            *connection;
  guint                       subscription;
  PdBackgroundPortalCallback  callback;
  gpointer                    user_data;
} Request;

gboolean
pd_background_portal_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static void
request_finish (Request  *request,
                gboolean  allowed)
{
  if (request->subscription != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->subscription);
  request->callback (allowed, request->user_data);
  g_object_unref (request->connection);
  g_free (request);
}

static void
response_cb (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  g_autoptr(GVariant) results = NULL;
  gboolean allowed = FALSE;
  guint32 response = 2;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  if (response == 0)
    g_variant_lookup (results, "background", "b", &allowed);
  request_finish (user_data, allowed);
}

static void
called_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_warning ("Cannot ask to run in the background: %s", error->message);
      request_finish (user_data, FALSE);
    }
}

void
pd_background_portal_request (GApplication               *app,
                              const char                 *reason,
                              PdBackgroundPortalCallback  callback,
                              gpointer                    user_data)
{
  GDBusConnection *connection;
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  GVariantBuilder options;
  Request *request;

  g_return_if_fail (G_IS_APPLICATION (app));
  g_return_if_fail (callback != NULL);

  connection = g_application_get_dbus_connection (app);
  if (connection == NULL)
    {
      callback (FALSE, user_data);
      return;
    }
  request = g_new0 (Request, 1);
  request->connection = g_object_ref (connection);
  request->callback = callback;
  request->user_data = user_data;

  /* The request's path is known before the call, so its answer cannot come unheard. */
  token = g_strdup_printf ("partner_desk_%u", g_random_int ());
  sender = g_strdup (g_dbus_connection_get_unique_name (connection) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_OBJECT_PATH "/request/%s/%s", sender, token);
  request->subscription =
    g_dbus_connection_signal_subscribe (connection, PORTAL_BUS_NAME, "org.freedesktop.portal.Request",
                                        "Response", handle, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        response_cb, request, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason", g_variant_new_string (reason));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (FALSE));
  g_dbus_connection_call (connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, called_cb, request);
}
