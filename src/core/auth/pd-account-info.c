/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-account-info.h"

#include <gio/gio.h>

G_DEFINE_ENUM_TYPE (PdAccountKind, pd_account_kind,
                    G_DEFINE_ENUM_VALUE (PD_ACCOUNT_KIND_OAUTH, "oauth"),
                    G_DEFINE_ENUM_VALUE (PD_ACCOUNT_KIND_API_KEY, "api-key"))

struct _PdAccountInfo
{
  GObject        parent_instance;
  char          *id;
  PdAccountKind  kind;
  char          *base_url;
  char          *extra_ca_file;
  char          *user_id;
  char          *user_email;
  char          *user_name;
  char          *partner_id;
  char          *partner_name;
};

G_DEFINE_FINAL_TYPE (PdAccountInfo, pd_account_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_BASE_URL,
  PROP_EXTRA_CA_FILE,
  PROP_USER_ID,
  PROP_USER_EMAIL,
  PROP_USER_NAME,
  PROP_PARTNER_ID,
  PROP_PARTNER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The string field behind a writable string property. */
static char **
field_for (PdAccountInfo *self,
           guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_BASE_URL: return &self->base_url;
    case PROP_EXTRA_CA_FILE: return &self->extra_ca_file;
    case PROP_USER_ID: return &self->user_id;
    case PROP_USER_EMAIL: return &self->user_email;
    case PROP_USER_NAME: return &self->user_name;
    case PROP_PARTNER_ID: return &self->partner_id;
    case PROP_PARTNER_NAME: return &self->partner_name;
    default: return NULL;
    }
}

static void
set_string (PdAccountInfo *self,
            guint          prop_id,
            const char    *value)
{
  char **field = field_for (self, prop_id);

  if (value != NULL && *value == '\0')
    value = NULL;
  /* g_set_str() is GLib 2.76, above the floor. */
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
pd_account_info_finalize (GObject *object)
{
  PdAccountInfo *self = PD_ACCOUNT_INFO (object);

  g_free (self->id);
  g_free (self->base_url);
  g_free (self->extra_ca_file);
  g_free (self->user_id);
  g_free (self->user_email);
  g_free (self->user_name);
  g_free (self->partner_id);
  g_free (self->partner_name);
  G_OBJECT_CLASS (pd_account_info_parent_class)->finalize (object);
}

static void
pd_account_info_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdAccountInfo *self = PD_ACCOUNT_INFO (object);

  if (prop_id == PROP_KIND)
    g_value_set_enum (value, self->kind);
  else if (field_for (self, prop_id) != NULL)
    g_value_set_string (value, *field_for (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pd_account_info_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdAccountInfo *self = PD_ACCOUNT_INFO (object);

  if (prop_id == PROP_KIND)
    self->kind = g_value_get_enum (value); /* construct-only */
  else if (field_for (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pd_account_info_class_init (PdAccountInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags writable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pd_account_info_finalize;
  object_class->get_property = pd_account_info_get_property;
  object_class->set_property = pd_account_info_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, PD_TYPE_ACCOUNT_KIND,
                                             PD_ACCOUNT_KIND_OAUTH, construct);
  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL, construct);
  properties[PROP_EXTRA_CA_FILE] = g_param_spec_string ("extra-ca-file", NULL, NULL, NULL, writable);
  properties[PROP_USER_ID] = g_param_spec_string ("user-id", NULL, NULL, NULL, writable);
  properties[PROP_USER_EMAIL] = g_param_spec_string ("user-email", NULL, NULL, NULL, writable);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, writable);
  properties[PROP_PARTNER_ID] = g_param_spec_string ("partner-id", NULL, NULL, NULL, writable);
  properties[PROP_PARTNER_NAME] = g_param_spec_string ("partner-name", NULL, NULL, NULL, writable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_account_info_init (PdAccountInfo *self)
{
}

PdAccountInfo *
pd_account_info_new (const char    *id,
                     PdAccountKind  kind,
                     const char    *base_url)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (PD_TYPE_ACCOUNT_INFO, "id", id, "kind", kind, "base-url", base_url, NULL);
}

char *
pd_account_info_make_id (const char *base_url,
                         const char *user_id)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *normalized = NULL;
  gsize len;

  g_return_val_if_fail (base_url != NULL && user_id != NULL, NULL);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  normalized = g_ascii_strdown (base_url, -1);
  len = strlen (normalized);

  /* "https://portal.example/" and "https://Portal.example" are one portal. */
  while (len > 0 && normalized[len - 1] == '/')
    normalized[--len] = '\0';
  g_checksum_update (checksum, (const guchar *) normalized, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) user_id, -1);
  /* 80 bits: unique among the accounts of one person, short enough for a key-file group. */
  return g_strdup_printf ("acct-%.20s", g_checksum_get_string (checksum));
}

const char *
pd_account_info_get_id (PdAccountInfo *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_INFO (self), NULL);
  return self->id;
}

PdAccountKind
pd_account_info_get_kind (PdAccountInfo *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_INFO (self), PD_ACCOUNT_KIND_OAUTH);
  return self->kind;
}

#define GETTER(name) \
  const char *                                                   \
  pd_account_info_get_##name (PdAccountInfo *self)               \
  {                                                              \
    g_return_val_if_fail (PD_IS_ACCOUNT_INFO (self), NULL);      \
    return self->name;                                           \
  }
#define SETTER(name, PROP) \
  void                                                           \
  pd_account_info_set_##name (PdAccountInfo *self,               \
                              const char    *value)              \
  {                                                              \
    g_return_if_fail (PD_IS_ACCOUNT_INFO (self));                \
    set_string (self, PROP, value);                              \
  }

GETTER (base_url)
GETTER (extra_ca_file)
GETTER (user_id)
GETTER (user_email)
GETTER (user_name)
GETTER (partner_id)
GETTER (partner_name)
SETTER (extra_ca_file, PROP_EXTRA_CA_FILE)
SETTER (user_id, PROP_USER_ID)
SETTER (user_email, PROP_USER_EMAIL)
SETTER (user_name, PROP_USER_NAME)
SETTER (partner_id, PROP_PARTNER_ID)
SETTER (partner_name, PROP_PARTNER_NAME)

char *
pd_account_info_dup_host (PdAccountInfo *self)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;
  int port;

  g_return_val_if_fail (PD_IS_ACCOUNT_INFO (self), NULL);

  uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return g_strdup (self->base_url);
  port = g_uri_get_port (uri);
  if (port < 0 || (port == 443 && g_strcmp0 (g_uri_get_scheme (uri), "https") == 0) ||
      (port == 80 && g_strcmp0 (g_uri_get_scheme (uri), "http") == 0))
    return g_strdup (host);
  return strchr (host, ':') != NULL ? g_strdup_printf ("[%s]:%d", host, port)
                                    : g_strdup_printf ("%s:%d", host, port);
}
