/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-new-client"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-new-client-create.h"
#include "pd-organization.h"
#include "pd-portal-error.h"
#include "pd-service-info.h"
#include "pd-service.h"
#include "pd-sync-engine.h"

typedef struct {
  PdServiceApplication  application;  /* UNKNOWN: the organization */
  char                 *title;
  char                 *id;
  PdNewClientItemState  state;
  GError               *error;
} Item;

struct _PdNewClientCreate
{
  GObject    parent_instance;

  PdSession *session;
  GtkWidget *parent;      /* weak */
  JsonNode  *body;        /* the organization's */
  GArray    *items;       /* Item */
  PdEdit    *edit;        /* the one under way */
  guint      current;
  gboolean   stopped;
};

G_DEFINE_FINAL_TYPE (PdNewClientCreate, pd_new_client_create, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->title);
  g_free (item->id);
  g_clear_error (&item->error);
}

static Item *
item_at (PdNewClientCreate *self,
         guint              index)
{
  return &g_array_index (self->items, Item, index);
}

PdNewClientCreate *
pd_new_client_create_new (PdSession *session,
                          GtkWidget *parent)
{
  PdNewClientCreate *self;
  Item organization = { 0 };

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  self = g_object_new (PD_TYPE_NEW_CLIENT_CREATE, NULL);
  self->session = g_object_ref (session);
  g_set_weak_pointer (&self->parent, parent);
  g_array_append_val (self->items, organization);
  return self;
}

static void
set_done (Item       *item,
          const char *id)
{
  g_free (item->id);
  item->id = g_strdup (id);
  item->state = id != NULL ? PD_NEW_CLIENT_ITEM_DONE : PD_NEW_CLIENT_ITEM_WAITING;
  g_clear_error (&item->error);
}

void
pd_new_client_create_set_organization (PdNewClientCreate *self,
                                       JsonNode          *body,
                                       const char        *name,
                                       const char        *id)
{
  Item *item;

  g_return_if_fail (PD_IS_NEW_CLIENT_CREATE (self));
  g_return_if_fail (body != NULL && name != NULL);

  g_clear_pointer (&self->body, json_node_unref);
  self->body = json_node_ref (body);
  item = item_at (self, 0);
  g_free (item->title);
  /* Translators: %s is the new client's name */
  item->title = g_strdup_printf (_("Create the client “%s”"), name);
  set_done (item, id);
}

void
pd_new_client_create_add_service (PdNewClientCreate    *self,
                                  PdServiceApplication  application,
                                  const char           *id)
{
  Item item = { 0 };

  g_return_if_fail (PD_IS_NEW_CLIENT_CREATE (self));
  g_return_if_fail (application != PD_SERVICE_APPLICATION_UNKNOWN);

  item.application = application;
  /* Translators: %s is an application, e.g. “Exchange” */
  item.title = g_strdup_printf (_("Add %s"), pd_service_application_get_name (application));
  set_done (&item, id);
  g_array_append_val (self->items, item);
}

static PdServiceSuite
suite_of (PdServiceApplication application)
{
  switch (application)
    {
    case PD_SERVICE_APPLICATION_EXCHANGE:
    case PD_SERVICE_APPLICATION_ONEDRIVE:
    case PD_SERVICE_APPLICATION_SHAREPOINT:
    case PD_SERVICE_APPLICATION_TEAMS:
      return PD_SERVICE_SUITE_MICROSOFT365;
    default:
      return PD_SERVICE_SUITE_GOOGLE_WORKSPACE;
    }
}

static const char *
nick_of (GType type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  return g_enum_get_value (klass, value)->value_nick;
}

/* The organization as the session knows it, or NULL */
static PdOrganization *
lookup_organization (PdNewClientCreate *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  const char *id = item_at (self, 0)->id;

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (pd_resource_get_id (PD_RESOURCE (organization)), id) == 0)
        return organization;  /* the list keeps it */
    }
  return NULL;
}

/* A 409 for a service: the organization has it already (someone else added it, or an
 * earlier answer was lost): that one is ours to authorize. */
static const char *
existing_service_id (PdNewClientCreate    *self,
                     PdServiceApplication  application)
{
  PdOrganization *organization = lookup_organization (self);
  GListModel *services = organization != NULL ? G_LIST_MODEL (pd_organization_get_services (organization)) : NULL;

  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      if (pd_service_get_application (service) == application)
        return pd_resource_get_id (PD_RESOURCE (service));
    }
  return NULL;
}

static void run_next (PdNewClientCreate *self);

static void
settled_sync_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error))
    g_debug ("The sync after creating a client failed: %s", error->message);
  /* That one may have started before the last change: one more sees them all. */
  if (user_data != NULL)
    pd_sync_engine_sync_async (PD_SYNC_ENGINE (source), FALSE, NULL, settled_sync_cb, NULL);
}

static void
finish (PdNewClientCreate *self)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);

  /* Each edit asks for a sync, but joining one under way it may miss what came after */
  if (engine != NULL)
    pd_sync_engine_sync_async (engine, FALSE, NULL, settled_sync_cb, GINT_TO_POINTER (TRUE));
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

static void
queued_cb (PdNewClientCreate *self)
{
  item_at (self, self->current)->state = PD_NEW_CLIENT_ITEM_QUEUED;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, self->current);
}

static const char *
answered_id (PdEdit           *edit,
             PdPortalResponse *response)
{
  JsonNode *root = pd_portal_response_get_root (response);

  if (pd_edit_get_resource (edit) != NULL)
    return pd_resource_get_id (pd_edit_get_resource (edit));
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_object_get_string_member_with_default (json_node_get_object (root), "id", NULL);
  return NULL;
}

static void
item_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdNewClientCreate) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  Item *item = item_at (self, self->current);
  const char *id = response != NULL ? answered_id (PD_EDIT (source), response) : NULL;

  g_clear_object (&self->edit);
  if (response != NULL && id == NULL)
    error = g_error_new_literal (PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                                 _("The portal’s answer has no id. Refresh, then check whether it was created."));
  if (error != NULL && item->application != PD_SERVICE_APPLICATION_UNKNOWN &&
      g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    {
      id = existing_service_id (self, item->application);
      if (id != NULL)
        g_clear_error (&error);
    }
  if (error != NULL)
    {
      g_debug ("“%s” failed: %s", item->title, error->message);
      item->state = PD_NEW_CLIENT_ITEM_FAILED;
      item->error = g_steal_pointer (&error);
    }
  else
    set_done (item, id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, self->current);

  /* Without the organization, its services cannot be added. */
  if (self->stopped || (self->current == 0 && item->state == PD_NEW_CLIENT_ITEM_FAILED))
    finish (self);
  else
    run_next (self);
}

static void
start (PdNewClientCreate *self,
       guint              index)
{
  Item *item = item_at (self, index);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  self->current = index;
  item->state = PD_NEW_CLIENT_ITEM_WORKING;
  g_clear_error (&item->error);
  if (index == 0)
    {
      self->edit = pd_edit_new (self->session, "POST", "/api/v1/organizations", self->body, NULL, item->title);
      /* The grid shows the new client at once */
      pd_edit_set_target (self->edit, pd_session_get_organizations (self->session), NULL);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *description = NULL;
      PdOrganization *organization;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "suite");
      json_builder_add_string_value (builder, nick_of (PD_TYPE_SERVICE_SUITE, suite_of (item->application)));
      json_builder_set_member_name (builder, "application");
      json_builder_add_string_value (builder, nick_of (PD_TYPE_SERVICE_APPLICATION, item->application));
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      path = g_strdup_printf ("/api/v1/organizations/%s/services", item_at (self, 0)->id);
      /* Translators: the first %s is an application (“Exchange”), the second a client's name */
      description = g_strdup_printf (_("Add %s to %s"), pd_service_application_get_name (item->application),
                                     json_object_get_string_member_with_default (json_node_get_object (self->body), "name", ""));
      self->edit = pd_edit_new (self->session, "POST", path, body, NULL, description);
      /* Its tile shows at once (the sync that follows an edit may be one already under way,
       * which does not see it) */
      organization = lookup_organization (self);
      if (organization != NULL)
        pd_edit_set_target (self->edit, G_LIST_MODEL (pd_organization_get_services (organization)), NULL);
    }
  g_signal_connect_object (self->edit, "queued", G_CALLBACK (queued_cb), self, G_CONNECT_SWAPPED);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, index);
  pd_edit_run_async (self->edit, self->parent, NULL, item_done_cb, g_object_ref (self));
}

static void
run_next (PdNewClientCreate *self)
{
  for (guint i = 0; i < self->items->len; i++)
    if (item_at (self, i)->state == PD_NEW_CLIENT_ITEM_WAITING)
      {
        start (self, i);
        return;
      }
  finish (self);
}

void
pd_new_client_create_run (PdNewClientCreate *self)
{
  g_return_if_fail (PD_IS_NEW_CLIENT_CREATE (self));
  g_return_if_fail (self->body != NULL);

  if (self->edit != NULL)
    return;
  self->stopped = FALSE;
  for (guint i = 0; i < self->items->len; i++)
    if (item_at (self, i)->state == PD_NEW_CLIENT_ITEM_FAILED)
      {
        item_at (self, i)->state = PD_NEW_CLIENT_ITEM_WAITING;
        g_signal_emit (self, signals[SIGNAL_CHANGED], 0, i);
      }
  run_next (self);
}

void
pd_new_client_create_stop (PdNewClientCreate *self)
{
  g_return_if_fail (PD_IS_NEW_CLIENT_CREATE (self));

  self->stopped = TRUE;
}

gboolean
pd_new_client_create_is_running (PdNewClientCreate *self)
{
  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), FALSE);

  return self->edit != NULL;
}

guint
pd_new_client_create_get_n_items (PdNewClientCreate *self)
{
  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), 0);

  return self->items->len;
}

PdNewClientItemState
pd_new_client_create_get_state (PdNewClientCreate *self,
                                guint              item)
{
  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), PD_NEW_CLIENT_ITEM_WAITING);
  g_return_val_if_fail (item < self->items->len, PD_NEW_CLIENT_ITEM_WAITING);

  return item_at (self, item)->state;
}

const char *
pd_new_client_create_get_id (PdNewClientCreate *self,
                             guint              item)
{
  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), NULL);
  g_return_val_if_fail (item < self->items->len, NULL);

  return item_at (self, item)->id;
}

const GError *
pd_new_client_create_get_error (PdNewClientCreate *self,
                                guint              item)
{
  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), NULL);
  g_return_val_if_fail (item < self->items->len, NULL);

  return item_at (self, item)->error;
}

PdServiceApplication
pd_new_client_create_get_application (PdNewClientCreate *self,
                                      guint              item)
{
  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), PD_SERVICE_APPLICATION_UNKNOWN);
  g_return_val_if_fail (item < self->items->len, PD_SERVICE_APPLICATION_UNKNOWN);

  return item_at (self, item)->application;
}

const char *
pd_new_client_create_get_title (PdNewClientCreate *self,
                                guint              item)
{
  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), NULL);
  g_return_val_if_fail (item < self->items->len, NULL);

  return item_at (self, item)->title;
}

guint
pd_new_client_create_count_failed (PdNewClientCreate *self)
{
  guint failed = 0;

  g_return_val_if_fail (PD_IS_NEW_CLIENT_CREATE (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    failed += item_at (self, i)->state == PD_NEW_CLIENT_ITEM_FAILED;
  return failed;
}

static void
pd_new_client_create_dispose (GObject *object)
{
  PdNewClientCreate *self = PD_NEW_CLIENT_CREATE (object);

  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (pd_new_client_create_parent_class)->dispose (object);
}

static void
pd_new_client_create_finalize (GObject *object)
{
  PdNewClientCreate *self = PD_NEW_CLIENT_CREATE (object);

  g_assert (self->edit == NULL);
  g_clear_object (&self->session);
  g_clear_pointer (&self->body, json_node_unref);
  g_array_unref (self->items);

  G_OBJECT_CLASS (pd_new_client_create_parent_class)->finalize (object);
}

static void
pd_new_client_create_class_init (PdNewClientCreateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_new_client_create_dispose;
  object_class->finalize = pd_new_client_create_finalize;

  /* An item moved on (its index) */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  /* Nothing left to try: everything done, or failures to retry */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_new_client_create_init (PdNewClientCreate *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
}
