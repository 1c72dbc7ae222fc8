/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-chip.h"
#include "pd-client-section.h"
#include "pd-delegate.h"
#include "pd-invitations.h"
#include "pd-models.h"
#include "pd-service-tile.h"
#include "pd-tooltip.h"
#include "pd-wrap-box.h"

typedef enum {
  CHIP_STATUS,
  CHIP_PLAN,
  CHIP_REGION,
  CHIP_RELATIONSHIP,
  CHIP_MODE_PARTNER,
  CHIP_MODE_CLIENT,
  CHIP_MODE_CO_MANAGED,
  CHIP_CREDENTIALS,
  CHIP_UNMAPPED,
  N_CHIPS
} ChipIndex;

struct _PdClientSection
{
  GtkWidget       parent_instance;

  PdOrganization *organization;
  GSignalGroup   *organization_signals;
  GSignalGroup   *services_signals;
  GPtrArray      *services;      /* the services whose mode is followed (refs) */
  GPtrArray      *tiles;         /* PdServiceTile, in service order */
  char           *role_lock;
  PdSession      *session;
  GtkListItem    *list_item;     /* weak */

  GtkWidget      *box;
  GtkLabel       *name_label;
  GtkLabel       *detail_label;
  PdWrapBox      *chips_box;
  PdWrapBox      *tiles_box;
  GtkWidget      *chips[N_CHIPS];
  GtkWidget      *map_button;    /* next to the “Unmapped” chip */
};

G_DEFINE_FINAL_TYPE (PdClientSection, pd_client_section, GTK_TYPE_WIDGET)

/* The narrowest a tile's column gets before the tiles wrap to fewer columns */
#define TILE_COLUMN_WIDTH 264

static const char *
status_text (PdOrganizationStatus status)
{
  switch (status)
    {
    case PD_ORGANIZATION_STATUS_ACTIVE: return C_("organization status", "Active");
    case PD_ORGANIZATION_STATUS_SUSPENDED: return C_("organization status", "Suspended");
    case PD_ORGANIZATION_STATUS_UNSUBSCRIBED: return C_("organization status", "Unsubscribed");
    case PD_ORGANIZATION_STATUS_DELETED: return C_("organization status", "Deleted");
    case PD_ORGANIZATION_STATUS_UNKNOWN:
    default: return NULL;
    }
}

static const char *
plan_type_text (PdPlanType type)
{
  switch (type)
    {
    case PD_PLAN_TYPE_PERSONAL: return C_("plan type", "Personal");
    case PD_PLAN_TYPE_BACKUP: return C_("plan type", "Backup");
    case PD_PLAN_TYPE_ARCHIVER: return C_("plan type", "Archiver");
    case PD_PLAN_TYPE_UNKNOWN:
    default: return NULL;
    }
}

static void
set_chip (PdClientSection *self,
          ChipIndex        index,
          const char      *text)
{
  GtkWidget *chip = self->chips[index];
  gboolean visible = text != NULL && text[0] != '\0';

  if (visible)
    pd_chip_set_text (PD_CHIP (chip), text);
  gtk_widget_set_visible (chip, visible);
}

static void
set_chip_tint (GtkWidget  *chip,
               const char *tint)
{
  const char *tints[] = { "accent", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (tints); i++)
    {
      if (g_strcmp0 (tint, tints[i]) == 0)
        gtk_widget_add_css_class (chip, tints[i]);
      else
        gtk_widget_remove_css_class (chip, tints[i]);
    }
}

static void
update_header (PdClientSection *self)
{
  PdOrganization *org = self->organization;
  PdResource *resource = PD_RESOURCE (org);
  g_autofree char *plan = NULL;
  g_autofree char *region = NULL;
  g_autofree char *detail = NULL;
  const char *domain, *plan_name, *plan_type, *text;
  PdOrganizationStatus status;
  guint modes = 0;

  if (org == NULL)
    return;

  gtk_label_set_label (self->name_label, pd_organization_get_name (org));
  domain = pd_organization_get_domain (org);
  if (domain != NULL && domain[0] != '\0')
    /* Translators: a client's domain and its ID, under its name */
    detail = g_strdup_printf (C_("client detail", "%s · %s"), domain, pd_resource_get_id (resource));
  else
    detail = g_strdup (pd_resource_get_id (resource));
  gtk_label_set_label (self->detail_label, detail);

  status = pd_organization_get_status (org);
  text = status_text (status);
  set_chip (self, CHIP_STATUS, text != NULL ? text : pd_resource_get_enum_text (resource, "status"));
  set_chip_tint (self->chips[CHIP_STATUS],
                 status == PD_ORGANIZATION_STATUS_ACTIVE ? NULL
                 : status == PD_ORGANIZATION_STATUS_DELETED ? "error" : "warning");

  plan_name = pd_organization_get_plan_name (org);
  plan_type = plan_type_text (pd_organization_get_plan_type (org));
  if (plan_type == NULL)
    plan_type = pd_resource_get_enum_text (resource, "plan-type");
  /* "Personal · Personal" says nothing twice */
  if (plan_name != NULL && plan_type != NULL && g_utf8_collate (plan_name, plan_type) != 0)
    /* Translators: a plan's name and its type, e.g. "Business Backup · Backup" */
    plan = g_strdup_printf (C_("plan chip", "%s · %s"), plan_name, plan_type);
  else
    plan = g_strdup (plan_name != NULL ? plan_name : plan_type);
  set_chip (self, CHIP_PLAN, plan);

  text = pd_resource_get_enum_text (resource, "region");
  region = text != NULL && g_strcmp0 (text, "unknown") != 0 ? g_ascii_strup (text, -1) : NULL;
  set_chip (self, CHIP_REGION, region);

  switch (pd_organization_get_relationship (org))
    {
    case PD_RELATIONSHIP_MSP:
      set_chip (self, CHIP_RELATIONSHIP, C_("relationship", "MSP"));
      pd_tooltip_set (self->chips[CHIP_RELATIONSHIP],
                      _("You are this client’s managed service provider"));
      set_chip_tint (self->chips[CHIP_RELATIONSHIP], NULL);
      break;
    case PD_RELATIONSHIP_RESELLER:
      set_chip (self, CHIP_RELATIONSHIP, C_("relationship", "Reseller"));
      pd_tooltip_set (self->chips[CHIP_RELATIONSHIP],
                      _("You resell this client’s backup: you see its metrics but cannot open its data"));
      set_chip_tint (self->chips[CHIP_RELATIONSHIP], "accent");
      break;
    case PD_RELATIONSHIP_UNKNOWN:
    default:
      set_chip (self, CHIP_RELATIONSHIP, pd_resource_get_enum_text (resource, "relationship"));
      pd_tooltip_set (self->chips[CHIP_RELATIONSHIP], NULL);
      set_chip_tint (self->chips[CHIP_RELATIONSHIP], NULL);
      break;
    }

  /* A client's services may be managed differently: one chip per mode present. */
  for (guint i = 0; i < self->services->len; i++)
    modes |= 1u << pd_service_get_management_mode (g_ptr_array_index (self->services, i));
  set_chip (self, CHIP_MODE_PARTNER, modes & (1u << PD_MANAGEMENT_MODE_PARTNER) ? C_("management mode", "Partner-managed") : NULL);
  set_chip (self, CHIP_MODE_CLIENT, modes & (1u << PD_MANAGEMENT_MODE_CLIENT) ? C_("management mode", "Client-managed") : NULL);
  set_chip (self, CHIP_MODE_CO_MANAGED, modes & (1u << PD_MANAGEMENT_MODE_CO_MANAGED) ? C_("management mode", "Co-managed") : NULL);

  set_chip (self, CHIP_CREDENTIALS,
            pd_organization_get_credential_status (org) == PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION
            ? _("Needs authentication") : NULL);
  set_chip (self, CHIP_UNMAPPED,
            pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_UNMAPPED ? _("Unmapped") : NULL);
  gtk_widget_set_visible (self->map_button, pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_UNMAPPED);
}

static void
map_clicked_cb (PdClientSection *self)
{
  if (self->organization != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.map-client", "s",
                                pd_resource_get_id (PD_RESOURCE (self->organization)));
}

static const char *
lock_reason (PdClientSection *self)
{
  if (self->organization != NULL
      && pd_organization_get_relationship (self->organization) == PD_RELATIONSHIP_RESELLER)
    return _("Reseller relationship: metrics only");
  return self->role_lock;
}

static void
update_locks (PdClientSection *self)
{
  const char *reason = lock_reason (self);

  for (guint i = 0; i < self->tiles->len; i++)
    pd_service_tile_set_locked_reason (g_ptr_array_index (self->tiles, i), reason);
}

static void
open_tile (PdClientSection *self,
           PdServiceTile   *tile)
{
  PdService *service = pd_service_tile_get_service (tile);

  /* The tile does not emit when locked; this guards the authorization buttons too. */
  if (service == NULL || self->organization == NULL || lock_reason (self) != NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-client", "(ss)",
                              pd_resource_get_id (PD_RESOURCE (self->organization)),
                              pd_resource_get_id (PD_RESOURCE (service)));
}

/* From the session-level store, never a request per tile: rows are recycled on scroll */
static void
sync_invitations (PdClientSection *self)
{
  if (self->session == NULL)
    return;
  for (guint i = 0; i < self->tiles->len; i++)
    pd_delegate_sync_tile (g_ptr_array_index (self->tiles, i), self->session, self->organization);
}

static void
invite_tile (PdClientSection *self,
             PdServiceTile   *tile)
{
  PdService *service = pd_service_tile_get_service (tile);

  /* Not behind the lock: inviting needs no authority in the client's data (resellers) */
  if (service == NULL || self->organization == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.invite-client-admin", "(ss)",
                              pd_resource_get_id (PD_RESOURCE (self->organization)),
                              pd_resource_get_id (PD_RESOURCE (service)));
}

static void
authorize_tile (PdClientSection *self,
                PdServiceTile   *tile)
{
  PdService *service = pd_service_tile_get_service (tile);

  if (service == NULL || self->organization == NULL || lock_reason (self) != NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.authorize-service", "(ss)",
                              pd_resource_get_id (PD_RESOURCE (self->organization)),
                              pd_resource_get_id (PD_RESOURCE (service)));
}

static void
forget_services (PdClientSection *self)
{
  for (guint i = 0; i < self->services->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->services, i), self);
  g_ptr_array_set_size (self->services, 0);
}

static void
service_mode_changed_cb (PdClientSection *self)
{
  update_header (self);
}

/* Makes the tiles match the services. The row is recycled with every scroll and keystroke,
 * so tiles are never destroyed: they are given another service, and the ones a client with
 * fewer services does not need are hidden until a client with more comes along. */
static void
sync_tiles (PdClientSection *self)
{
  GListModel *services = self->organization != NULL
                         ? G_LIST_MODEL (pd_organization_get_services (self->organization)) : NULL;
  guint n = services != NULL ? g_list_model_get_n_items (services) : 0;

  forget_services (self);
  while (self->tiles->len < n)
    {
      GtkWidget *tile = pd_service_tile_new ();

      g_signal_connect_object (tile, "activated", G_CALLBACK (open_tile), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tile, "authorize-self", G_CALLBACK (authorize_tile), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tile, "authorize-delegate", G_CALLBACK (invite_tile), self, G_CONNECT_SWAPPED);
      pd_wrap_box_append (self->tiles_box, tile);
      g_ptr_array_add (self->tiles, tile);
    }
  for (guint i = 0; i < self->tiles->len; i++)
    {
      GtkWidget *tile = g_ptr_array_index (self->tiles, i);
      g_autoptr(PdService) service = i < n ? g_list_model_get_item (services, i) : NULL;

      pd_service_tile_set_service (PD_SERVICE_TILE (tile), service);
      gtk_widget_set_visible (tile, service != NULL);
      if (service != NULL)
        {
          g_signal_connect_object (service, "notify::management-mode", G_CALLBACK (service_mode_changed_cb),
                                   self, G_CONNECT_SWAPPED);
          g_ptr_array_add (self->services, g_object_ref (service));
        }
    }
  update_locks (self);
  sync_invitations (self);
}

static void
services_changed_cb (PdClientSection *self)
{
  sync_tiles (self);
  update_header (self);
}

static void
organization_notify_cb (PdClientSection *self,
                        GParamSpec      *pspec)
{
  /* A new services list object: follow that one. */
  if (g_str_equal (pspec->name, "services"))
    {
      g_signal_group_set_target (self->services_signals, pd_organization_get_services (self->organization));
      sync_tiles (self);
    }
  else if (g_str_equal (pspec->name, "relationship"))
    update_locks (self);
  update_header (self);
}

PdOrganization *
pd_client_section_get_organization (PdClientSection *self)
{
  g_return_val_if_fail (PD_IS_CLIENT_SECTION (self), NULL);
  return self->organization;
}

void
pd_client_section_set_organization (PdClientSection *self,
                                    PdOrganization  *organization)
{
  g_return_if_fail (PD_IS_CLIENT_SECTION (self));
  g_return_if_fail (organization == NULL || PD_IS_ORGANIZATION (organization));

  if (self->organization == organization)
    return;
  g_set_object (&self->organization, organization);
  g_signal_group_set_target (self->organization_signals, organization);
  g_signal_group_set_target (self->services_signals,
                             organization != NULL ? pd_organization_get_services (organization) : NULL);
  sync_tiles (self);
  update_header (self);
}

void
pd_client_section_set_role_lock (PdClientSection *self,
                                 const char      *reason)
{
  g_return_if_fail (PD_IS_CLIENT_SECTION (self));

  if (g_strcmp0 (self->role_lock, reason) == 0)
    return;
  g_free (self->role_lock);
  self->role_lock = g_strdup (reason);
  update_locks (self);
}

void
pd_client_section_set_session (PdClientSection *self,
                               PdSession       *session)
{
  g_return_if_fail (PD_IS_CLIENT_SECTION (self));
  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  /* A spare section is set up again */
  if (self->session == session)
    return;
  self->session = g_object_ref (session);
  g_signal_connect_object (pd_invitations_get (session), "changed", G_CALLBACK (sync_invitations), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::me", G_CALLBACK (sync_invitations), self, G_CONNECT_SWAPPED);
  pd_delegate_poll_while_mapped (GTK_WIDGET (self), session);
  sync_invitations (self);
}

void
pd_client_section_set_list_item (PdClientSection *self,
                                 GtkListItem     *item)
{
  g_return_if_fail (PD_IS_CLIENT_SECTION (self));
  self->list_item = item;
}

GtkListItem *
pd_client_section_get_list_item (PdClientSection *self)
{
  g_return_val_if_fail (PD_IS_CLIENT_SECTION (self), NULL);
  return self->list_item;
}

guint
pd_client_section_get_n_tiles (PdClientSection *self)
{
  g_return_val_if_fail (PD_IS_CLIENT_SECTION (self), 0);
  /* The tiles in use: one per service (hidden spares follow) */
  return self->services->len;
}

GtkWidget *
pd_client_section_get_tile (PdClientSection *self,
                            guint            index)
{
  g_return_val_if_fail (PD_IS_CLIENT_SECTION (self), NULL);
  return index < self->services->len ? g_ptr_array_index (self->tiles, index) : NULL;
}

int
pd_client_section_find_tile (PdClientSection *self,
                             GtkWidget       *widget)
{
  g_return_val_if_fail (PD_IS_CLIENT_SECTION (self), -1);

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      guint index;

      if (PD_IS_SERVICE_TILE (widget) && g_ptr_array_find (self->tiles, widget, &index)
          && index < self->services->len)
        return (int) index;
    }
  return -1;
}

static void
pd_client_section_dispose (GObject *object)
{
  PdClientSection *self = PD_CLIENT_SECTION (object);

  if (self->services != NULL)
    forget_services (self);
  g_clear_object (&self->organization_signals);
  g_clear_object (&self->services_signals);
  g_clear_object (&self->organization);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_CLIENT_SECTION);
  G_OBJECT_CLASS (pd_client_section_parent_class)->dispose (object);
}

static void
pd_client_section_finalize (GObject *object)
{
  PdClientSection *self = PD_CLIENT_SECTION (object);

  g_ptr_array_unref (self->services);
  g_ptr_array_unref (self->tiles);
  g_free (self->role_lock);
  G_OBJECT_CLASS (pd_client_section_parent_class)->finalize (object);
}

static void
pd_client_section_class_init (PdClientSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_client_section_dispose;
  object_class->finalize = pd_client_section_finalize;

  g_type_ensure (PD_TYPE_WRAP_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/clients/pd-client-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PdClientSection, box);
  gtk_widget_class_bind_template_child (widget_class, PdClientSection, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdClientSection, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PdClientSection, chips_box);
  gtk_widget_class_bind_template_child (widget_class, PdClientSection, tiles_box);
}

static void
pd_client_section_init (PdClientSection *self)
{
  static const struct { const char *tooltip; const char *tint; } chips[N_CHIPS] = {
    [CHIP_STATUS] = { N_("Subscription status"), NULL },
    [CHIP_PLAN] = { N_("Plan and plan type"), NULL },
    [CHIP_REGION] = { N_("Where the client’s backups are stored"), NULL },
    [CHIP_RELATIONSHIP] = { NULL, NULL },
    [CHIP_MODE_PARTNER] = { N_("Some services are managed by you"), NULL },
    [CHIP_MODE_CLIENT] = { N_("Some services are managed by the client"), NULL },
    [CHIP_MODE_CO_MANAGED] = { N_("Some services are managed by the client and you together"), NULL },
    [CHIP_CREDENTIALS] = { N_("The client’s credentials must be renewed before backups can continue"), "warning" },
    [CHIP_UNMAPPED] = { N_("Not linked to its service account yet"), "warning" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->tiles = g_ptr_array_new ();

  pd_wrap_box_set_spacing (self->chips_box, 6, 6);
  /* Tiles of every client in one grid: columns of at least this width, stretched to fill */
  pd_wrap_box_set_spacing (self->tiles_box, 12, 12);
  pd_wrap_box_set_column_width (self->tiles_box, TILE_COLUMN_WIDTH);
  for (guint i = 0; i < N_CHIPS; i++)
    {
      self->chips[i] = pd_chip_new ("", chips[i].tooltip != NULL ? _(chips[i].tooltip) : NULL);
      set_chip_tint (self->chips[i], chips[i].tint);
      gtk_widget_set_visible (self->chips[i], FALSE);
      pd_wrap_box_append (self->chips_box, self->chips[i]);
    }
  self->map_button = gtk_button_new_with_mnemonic (_("_Map…"));
  pd_tooltip_set (self->map_button, _("Link this client to its service account"));
  gtk_widget_add_css_class (self->map_button, "map-button");
  gtk_widget_set_visible (self->map_button, FALSE);
  g_signal_connect_object (self->map_button, "clicked", G_CALLBACK (map_clicked_cb), self, G_CONNECT_SWAPPED);
  pd_wrap_box_append (self->chips_box, self->map_button);

  self->organization_signals = g_signal_group_new (PD_TYPE_ORGANIZATION);
  g_signal_group_connect_swapped (self->organization_signals, "notify",
                                  G_CALLBACK (organization_notify_cb), self);
  self->services_signals = g_signal_group_new (PD_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->services_signals, "items-changed",
                                  G_CALLBACK (services_changed_cb), self);
}

GtkWidget *
pd_client_section_new (void)
{
  return g_object_new (PD_TYPE_CLIENT_SECTION, NULL);
}
