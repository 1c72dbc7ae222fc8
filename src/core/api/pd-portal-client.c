/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-private.h"
#include "pd-portal-tls.h"

#include <glib/gi18n-lib.h>

#define DEFAULT_MAX_ATTEMPTS      5
#define DEFAULT_MAX_TOTAL_SECONDS 60
#define IO_TIMEOUT_SECONDS        30
#define IDLE_TIMEOUT_SECONDS      60

struct _PdPortalClient
{
  GObject             parent_instance;

  char               *base_url;
  char               *host;       /* "portal.example" or "127.0.0.1:8080", for messages */
  GSocketConnectable *identity;
  GList              *extra_cas;
  SoupSession        *session;
  PdPortalAuth       *auth;
  guint               max_attempts;
  guint               max_total_seconds;
};

G_DEFINE_FINAL_TYPE (PdPortalClient, pd_portal_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_AUTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pd_portal_client_dispose (GObject *object)
{
  PdPortalClient *self = PD_PORTAL_CLIENT (object);

  g_clear_object (&self->auth);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->identity);
  g_list_free_full (g_steal_pointer (&self->extra_cas), g_object_unref);

  G_OBJECT_CLASS (pd_portal_client_parent_class)->dispose (object);
}

static void
pd_portal_client_finalize (GObject *object)
{
  PdPortalClient *self = PD_PORTAL_CLIENT (object);

  g_free (self->base_url);
  g_free (self->host);

  G_OBJECT_CLASS (pd_portal_client_parent_class)->finalize (object);
}

static void
pd_portal_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PdPortalClient *self = PD_PORTAL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_portal_client_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PdPortalClient *self = PD_PORTAL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      pd_portal_client_set_auth (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_portal_client_class_init (PdPortalClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_portal_client_dispose;
  object_class->finalize = pd_portal_client_finalize;
  object_class->get_property = pd_portal_client_get_property;
  object_class->set_property = pd_portal_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL, PD_TYPE_PORTAL_AUTH,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_portal_client_init (PdPortalClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("PartnerDesk/%s", PACKAGE_VERSION);

  /* One session for the client's life (cookies, TLS database, limits). Connections are not
   * reused: see send_message() in pd-portal-send.c. */
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", IO_TIMEOUT_SECONDS,
                                                 "idle-timeout", IDLE_TIMEOUT_SECONDS,
                                                 NULL);
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->max_total_seconds = DEFAULT_MAX_TOTAL_SECONDS;
}

static gboolean
parse_base_url (PdPortalClient  *self,
                const char      *base_url,
                GError         **error)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  const char *path;
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    goto invalid;
  scheme = g_uri_get_scheme (uri);
  path = g_uri_get_path (uri);
  if ((g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
      || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL
      || g_uri_get_userinfo (uri) != NULL || (*path != '\0' && !g_str_equal (path, "/")))
    goto invalid;

  port = g_uri_get_port (uri);
  self->host = port > 0 ? g_strdup_printf (strchr (g_uri_get_host (uri), ':') ? "[%s]:%d" : "%s:%d",
                                           g_uri_get_host (uri), port)
                        : g_strdup (g_uri_get_host (uri));
  if (port <= 0)
    port = g_ascii_strcasecmp (scheme, "https") == 0 ? 443 : 80;
  self->identity = g_network_address_new (g_uri_get_host (uri), port);
  self->base_url = g_strdup (base_url);
  if (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  return TRUE;

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a portal address. Enter it as https://portal.example."), base_url);
  return FALSE;
}

PdPortalClient *
pd_portal_client_new (const char  *base_url,
                      const char  *extra_ca_file,
                      GError     **error)
{
  g_autoptr(PdPortalClient) self = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PD_TYPE_PORTAL_CLIENT, NULL);
  if (!parse_base_url (self, base_url, error))
    return NULL;
  if (extra_ca_file != NULL && *extra_ca_file != '\0')
    {
      self->extra_cas = pd_portal_tls_load_ca_file (extra_ca_file, error);
      if (self->extra_cas == NULL)
        return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
pd_portal_client_get_base_url (PdPortalClient *self)
{
  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (self), NULL);

  return self->base_url;
}

SoupSession *
pd_portal_client_get_soup_session (PdPortalClient *self)
{
  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (self), NULL);

  return self->session;
}

void
pd_portal_client_set_auth (PdPortalClient *self,
                           PdPortalAuth   *auth)
{
  g_return_if_fail (PD_IS_PORTAL_CLIENT (self));
  g_return_if_fail (auth == NULL || PD_IS_PORTAL_AUTH (auth));

  if (g_set_object (&self->auth, auth))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}

PdPortalAuth *
pd_portal_client_get_auth (PdPortalClient *self)
{
  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (self), NULL);

  return self->auth;
}

void
pd_portal_client_set_retry_limits (PdPortalClient *self,
                                   guint           max_attempts,
                                   guint           max_total_seconds)
{
  g_return_if_fail (PD_IS_PORTAL_CLIENT (self));

  self->max_attempts = MAX (max_attempts, 1);
  self->max_total_seconds = max_total_seconds;
}

const char *
pd_portal_client_get_host (PdPortalClient *self)
{
  return self->host;
}

GSocketConnectable *
pd_portal_client_get_identity (PdPortalClient *self)
{
  return self->identity;
}

GList *
pd_portal_client_get_extra_cas (PdPortalClient *self)
{
  return self->extra_cas;
}

void
pd_portal_client_get_retry_limits (PdPortalClient *self,
                                   guint          *max_attempts,
                                   guint          *max_total_seconds)
{
  *max_attempts = self->max_attempts;
  *max_total_seconds = self->max_total_seconds;
}

char *
pd_portal_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}
