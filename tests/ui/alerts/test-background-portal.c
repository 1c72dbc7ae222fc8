/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pd_background_portal_request() against a stand-in for the XDG desktop portal on the test's
 * private session bus. This is a mock: the real portal needs a Flatpak sandbox and a desktop
 * session to decide, and no Flatpak runtime can be installed here. The stand-in owns
 * org.freedesktop.portal.Desktop on its own connection, records the call, and answers on the
 * request object as the real portal does (Response with 0 and "background", or 1 for a
 * denial). Without any portal on the bus the answer is FALSE, without a hang. */
#include "config.h"

#include <gio/gio.h>

#include "pd-background-portal.h"

#define PORTAL_PATH "/org/freedesktop/portal/desktop"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct {
  GDBusConnection *connection;   /* the stand-in's own, as another process would have */
  guint            registration;
  guint            owner;
  gboolean         owned;
  guint32          response;     /* what the user "chose": 0 allowed, 1 denied */
  char            *reason;       /* what the application asked with */
  gboolean         autostart;
} Portal;

typedef struct {
  gboolean done;
  gboolean allowed;
} Answer;

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Portal *portal = user_data;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *caller = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char *token = NULL;
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_assert_true (g_variant_lookup (options, "reason", "s", &portal->reason));
  g_assert_true (g_variant_lookup (options, "autostart", "b", &portal->autostart));
  /* The request object's path, as the portal documents it */
  g_strdelimit (caller, ".", '_');
  handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", caller, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  if (portal->response == 0)
    g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", portal->response, &results), NULL);
}

static const GDBusInterfaceVTable portal_vtable = { portal_method_cb, NULL, NULL, { 0 } };

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((Portal *) user_data)->owned = TRUE;
}

static Portal *
portal_start (guint32 response)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  Portal *portal = g_new0 (Portal, 1);
  g_autoptr(GError) error = NULL;

  portal->response = response;
  portal->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  portal->registration = g_dbus_connection_register_object (portal->connection, PORTAL_PATH,
                                                            info->interfaces[0], &portal_vtable,
                                                            portal, NULL, &error);
  g_assert_no_error (error);
  portal->owner = g_bus_own_name_on_connection (portal->connection, "org.freedesktop.portal.Desktop",
                                                G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL,
                                                portal, NULL);
  while (!portal->owned)
    g_main_context_iteration (NULL, TRUE);
  return portal;
}

static void
portal_stop (Portal *portal)
{
  g_bus_unown_name (portal->owner);
  g_dbus_connection_unregister_object (portal->connection, portal->registration);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_object_unref (portal->connection);
  g_free (portal->reason);
  g_free (portal);
}

static GApplication *
registered_app (void)
{
  GApplication *app = g_application_new ("io.github.partnerdesk.PartnerDesk.BackgroundTest",
                                          G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_application_get_dbus_connection (app));
  return app;
}

static void
answered_cb (gboolean allowed,
             gpointer user_data)
{
  Answer *answer = user_data;

  g_assert_false (answer->done);  /* once */
  answer->done = TRUE;
  answer->allowed = allowed;
}

static gboolean
answer_never_came (gpointer data)
{
  g_error ("The request got no answer");
  return G_SOURCE_REMOVE;
}

static gboolean
ask (GApplication *app)
{
  Answer answer = { FALSE, FALSE };
  guint timeout = g_timeout_add_seconds (20, answer_never_came, NULL);

  pd_background_portal_request (app, "Partner Desk tells you about failed backups", answered_cb, &answer);
  while (!answer.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  return answer.allowed;
}

static void
test_allowed (void)
{
  g_autoptr(GApplication) app = registered_app ();
  Portal *portal = portal_start (0);

  g_assert_true (ask (app));
  g_assert_cmpstr (portal->reason, ==, "Partner Desk tells you about failed backups");
  g_assert_false (portal->autostart);  /* it runs on while open, never at log-in */
  portal_stop (portal);
}

static void
test_denied (void)
{
  g_autoptr(GApplication) app = registered_app ();
  Portal *portal = portal_start (1);

  g_assert_false (ask (app));
  portal_stop (portal);
}

/* The warning of the request that found no portal, expected once; any other is fatal */
static guint n_unreachable_warnings;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "pd-alerts") == 0 && message != NULL &&
      g_str_has_prefix (message, "Cannot ask to run in the background"))
    {
      n_unreachable_warnings++;
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
portal_is_activatable (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, "org.freedesktop.portal.Desktop");
}

static void
test_no_portal (void)
{
  g_autoptr(GApplication) app = registered_app ();

  /* A desktop machine would start its real portal for the call: nothing to learn there */
  if (portal_is_activatable (g_application_get_dbus_connection (app)))
    {
      g_test_skip ("this machine's session bus starts a real desktop portal");
      return;
    }
  g_assert_false (ask (app));
  g_assert_cmpuint (n_unreachable_warnings, ==, 1);  /* and said why in the log */
}

int
main (int    argc,
      char **argv)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/alerts/background-portal/allowed", test_allowed);
  g_test_add_func ("/alerts/background-portal/denied", test_denied);
  g_test_add_func ("/alerts/background-portal/no-portal", test_no_portal);
  return g_test_run ();
}
