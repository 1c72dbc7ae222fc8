/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-account-registry.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-auth-error.h"

/* The file's format version; a newer one is refused rather than rewritten without its news. */
#define REGISTRY_VERSION 1
#define HEADER_GROUP     "Partner Desk"
#define ACCOUNT_PREFIX   "Account "

struct _PdAccountRegistry
{
  GObject    parent_instance;
  char      *path;
  GPtrArray *accounts; /* PdAccountInfo */
  GKeyFile  *keyfile;  /* what was read, so keys of other versions survive a save */
  gboolean   loaded;
  gboolean   damaged;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdAccountRegistry, pd_account_registry, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PD_TYPE_ACCOUNT_INFO;
}

static guint
get_n_items (GListModel *model)
{
  return PD_ACCOUNT_REGISTRY (model)->accounts->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PdAccountRegistry *self = PD_ACCOUNT_REGISTRY (model);

  return position < self->accounts->len ? g_object_ref (g_ptr_array_index (self->accounts, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
pd_account_registry_finalize (GObject *object)
{
  PdAccountRegistry *self = PD_ACCOUNT_REGISTRY (object);

  g_free (self->path);
  g_ptr_array_unref (self->accounts);
  g_key_file_unref (self->keyfile);
  G_OBJECT_CLASS (pd_account_registry_parent_class)->finalize (object);
}

static void
pd_account_registry_class_init (PdAccountRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_account_registry_finalize;
}

static void
pd_account_registry_init (PdAccountRegistry *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->keyfile = g_key_file_new ();
}

PdAccountRegistry *
pd_account_registry_new (const char *path)
{
  PdAccountRegistry *self = g_object_new (PD_TYPE_ACCOUNT_REGISTRY, NULL);

  self->path = path != NULL ? g_strdup (path)
                            : g_build_filename (g_get_user_config_dir (), "partner-desk", "accounts.ini", NULL);
  return self;
}

const char *
pd_account_registry_get_path (PdAccountRegistry *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_REGISTRY (self), NULL);
  return self->path;
}

static void
replace_all (PdAccountRegistry *self,
             GPtrArray         *accounts)
{
  guint removed = self->accounts->len;

  g_ptr_array_unref (self->accounts);
  self->accounts = g_ptr_array_ref (accounts);
  if (removed > 0 || accounts->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, accounts->len);
}

static gboolean
damaged (PdAccountRegistry  *self,
         GError            **error,
         const char         *reason)
{
  g_set_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_DAMAGED,
               _("The list of accounts in “%s” cannot be read (%s). It was left as it is; move it "
                 "away or repair it, then sign in again."), self->path, reason);
  return FALSE;
}

static PdAccountInfo *
account_from_group (GKeyFile    *keyfile,
                    const char  *group,
                    char       **reason)
{
  const char *id = group + strlen (ACCOUNT_PREFIX);
  g_autofree char *kind = g_key_file_get_string (keyfile, group, "kind", NULL);
  g_autofree char *base_url = g_key_file_get_string (keyfile, group, "base-url", NULL);
  g_autoptr(GUri) uri = NULL;
  static const char * const fields[] = {
    "extra-ca-file", "user-id", "user-email", "user-name", "partner-id", "partner-name",
  };
  PdAccountInfo *account;
  PdAccountKind account_kind;

  if (*id == '\0')
    {
      *reason = g_strdup (_("an account has no id"));
      return NULL;
    }
  if (g_strcmp0 (kind, "oauth") == 0)
    account_kind = PD_ACCOUNT_KIND_OAUTH;
  else if (g_strcmp0 (kind, "api-key") == 0)
    account_kind = PD_ACCOUNT_KIND_API_KEY;
  else
    {
      *reason = g_strdup_printf (_("account %s has no valid kind"), id);
      return NULL;
    }
  if (base_url == NULL || (uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL)) == NULL)
    {
      *reason = g_strdup_printf (_("account %s has no valid portal address"), id);
      return NULL;
    }

  account = pd_account_info_new (id, account_kind, base_url);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = g_key_file_get_string (keyfile, group, fields[i], NULL);

      if (value != NULL)
        g_object_set (account, fields[i], value, NULL);
    }
  return account;
}

gboolean
pd_account_registry_load (PdAccountRegistry  *self,
                          GError            **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  int version;

  g_return_val_if_fail (PD_IS_ACCOUNT_REGISTRY (self), FALSE);

  self->loaded = TRUE;
  self->damaged = FALSE;
  if (!g_key_file_load_from_file (keyfile, self->path, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_key_file_unref (self->keyfile);
          self->keyfile = g_steal_pointer (&keyfile);
          replace_all (self, accounts);
          return TRUE;
        }
      self->damaged = TRUE;
      replace_all (self, accounts);
      return damaged (self, error, local_error->message);
    }

  version = g_key_file_get_integer (keyfile, HEADER_GROUP, "version", &local_error);
  if (local_error != NULL || version < 1)
    {
      self->damaged = TRUE;
      replace_all (self, accounts);
      return damaged (self, error, _("it has no format version"));
    }
  if (version > REGISTRY_VERSION)
    {
      self->damaged = TRUE;
      replace_all (self, accounts);
      return damaged (self, error, _("it was written by a newer version of Partner Desk"));
    }

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *reason = NULL;
      PdAccountInfo *account;

      if (!g_str_has_prefix (groups[i], ACCOUNT_PREFIX))
        continue;
      account = account_from_group (keyfile, groups[i], &reason);
      if (account == NULL)
        {
          self->damaged = TRUE;
          g_ptr_array_set_size (accounts, 0);
          replace_all (self, accounts);
          return damaged (self, error, reason);
        }
      g_ptr_array_add (accounts, account);
    }

  g_key_file_unref (self->keyfile);
  self->keyfile = g_steal_pointer (&keyfile);
  replace_all (self, accounts);
  return TRUE;
}

static gboolean
ensure_writable (PdAccountRegistry  *self,
                 GError            **error)
{
  if (!self->loaded && !pd_account_registry_load (self, error))
    return FALSE;
  if (self->damaged)
    return damaged (self, error, _("it was damaged when it was read"));
  return TRUE;
}

static gboolean
save (PdAccountRegistry  *self,
      GError            **error)
{
  g_autofree char *directory = g_path_get_dirname (self->path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_key_file_set_integer (self->keyfile, HEADER_GROUP, "version", REGISTRY_VERSION);
  data = g_key_file_to_data (self->keyfile, &len, NULL);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_WRITE,
                   _("The list of accounts cannot be saved in “%s”: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }
  /* CONSISTENT writes a temporary file and renames it: a crash leaves the old or the new list. */
  if (!g_file_set_contents_full (self->path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_WRITE,
                   _("The list of accounts cannot be saved: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
write_group (GKeyFile      *keyfile,
             PdAccountInfo *account)
{
  g_autofree char *group = g_strconcat (ACCOUNT_PREFIX, pd_account_info_get_id (account), NULL);
  const struct {
    const char *key;
    const char *value;
  } fields[] = {
    { "kind", pd_account_info_get_kind (account) == PD_ACCOUNT_KIND_API_KEY ? "api-key" : "oauth" },
    { "base-url", pd_account_info_get_base_url (account) },
    { "extra-ca-file", pd_account_info_get_extra_ca_file (account) },
    { "user-id", pd_account_info_get_user_id (account) },
    { "user-email", pd_account_info_get_user_email (account) },
    { "user-name", pd_account_info_get_user_name (account) },
    { "partner-id", pd_account_info_get_partner_id (account) },
    { "partner-name", pd_account_info_get_partner_name (account) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      g_key_file_set_string (keyfile, group, fields[i].key, fields[i].value);
    else
      g_key_file_remove_key (keyfile, group, fields[i].key, NULL);
}

static gboolean
find (PdAccountRegistry *self,
      const char        *id,
      guint             *position)
{
  for (guint i = 0; i < self->accounts->len; i++)
    if (g_strcmp0 (pd_account_info_get_id (g_ptr_array_index (self->accounts, i)), id) == 0)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
pd_account_registry_add (PdAccountRegistry  *self,
                         PdAccountInfo      *account,
                         GError            **error)
{
  guint position;

  g_return_val_if_fail (PD_IS_ACCOUNT_REGISTRY (self), FALSE);
  g_return_val_if_fail (PD_IS_ACCOUNT_INFO (account), FALSE);

  if (!ensure_writable (self, error))
    return FALSE;
  write_group (self->keyfile, account);
  if (!save (self, error))
    {
      /* Memory follows the file: reread what is on disk. */
      g_autoptr(GError) ignored = NULL;

      pd_account_registry_load (self, &ignored);
      return FALSE;
    }

  if (find (self, pd_account_info_get_id (account), &position))
    {
      /* Drop the old one only after the model said it is gone. */
      g_autoptr(PdAccountInfo) old = g_ptr_array_index (self->accounts, position);

      g_ptr_array_index (self->accounts, position) = g_object_ref (account);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  else
    {
      g_ptr_array_add (self->accounts, g_object_ref (account));
      g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
    }
  return TRUE;
}

gboolean
pd_account_registry_remove (PdAccountRegistry  *self,
                            const char         *id,
                            GError            **error)
{
  g_autofree char *group = NULL;
  guint position;

  g_return_val_if_fail (PD_IS_ACCOUNT_REGISTRY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ensure_writable (self, error))
    return FALSE;
  if (!find (self, id, &position))
    return TRUE;
  group = g_strconcat (ACCOUNT_PREFIX, id, NULL);
  g_key_file_remove_group (self->keyfile, group, NULL);
  if (!save (self, error))
    {
      g_autoptr(GError) ignored = NULL;

      pd_account_registry_load (self, &ignored);
      return FALSE;
    }
  g_ptr_array_remove_index (self->accounts, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

PdAccountInfo *
pd_account_registry_lookup (PdAccountRegistry *self,
                            const char        *id)
{
  guint position;

  g_return_val_if_fail (PD_IS_ACCOUNT_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find (self, id, &position) ? g_ptr_array_index (self->accounts, position) : NULL;
}

gboolean
pd_account_registry_set_aside (PdAccountRegistry  *self,
                               GError            **error)
{
  g_autofree char *aside = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_return_val_if_fail (PD_IS_ACCOUNT_REGISTRY (self), FALSE);

  if (!self->damaged)
    return TRUE;
  aside = g_strconcat (self->path, ".damaged", NULL);
  if (g_rename (self->path, aside) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_WRITE,
                   _("The damaged list of accounts cannot be moved to “%s”: %s"), aside, g_strerror (saved_errno));
      return FALSE;
    }
  g_key_file_unref (self->keyfile);
  self->keyfile = g_key_file_new ();
  self->damaged = FALSE;
  none = g_ptr_array_new_with_free_func (g_object_unref);
  replace_all (self, none);
  return TRUE;
}
