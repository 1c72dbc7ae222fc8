/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-accounts-table.h"
#include "pd-chip.h"
#include "pd-client-actions.h"
#include "pd-client-format.h"
#include "pd-client-page.h"
#include "pd-csv-save.h"
#include "pd-delegate.h"
#include "pd-invitations.h"
#include "pd-organization.h"
#include "pd-permission-gate.h"
#include "pd-service-tile.h"
#include "pd-widgets-style.h"

/* Below this width the table drops the columns a narrow window cannot afford. */
#define NARROW_WIDTH 720

struct _PdClientPage
{
  GtkWidget        parent_instance;

  PdSession       *session;
  char            *organization_id;
  char            *initial_service_id;
  PdOrganization  *organization;
  char            *title;
  char            *locked_reason;      /* why the tiles and table cannot open accounts */
  GCancellable    *cancellable;
  gboolean         narrow;
  guint            narrow_idle;

  GtkStack        *stack;
  AdwStatusPage   *missing_page;
  GtkLabel        *name_label;
  GtkLabel        *subtitle_label;
  GtkFlowBox      *chips_box;
  GtkBox          *actions_box;
  GtkBox          *tiles_box;
  PdAccountsTable *table;
};

G_DEFINE_FINAL_TYPE (PdClientPage, pd_client_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SESSION, PROP_ORGANIZATION_ID, PROP_SERVICE_ID, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_title (PdClientPage *self,
           const char   *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* ---- header -------------------------------------------------------------------------- */

static void
add_chip (PdClientPage *self,
          const char   *text,
          const char   *tooltip,
          const char   *css_class)
{
  GtkWidget *chip = pd_chip_new (text, tooltip);
  GtkWidget *child;

  if (css_class != NULL)
    gtk_widget_add_css_class (chip, css_class);
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_flow_box_append (self->chips_box, chip);
  /* facts to read, not to stop at with Tab */
  child = gtk_widget_get_parent (chip);
  gtk_widget_set_focusable (child, FALSE);
}

static const char *
management_summary (PdClientPage  *self,
                    char         **tooltip)
{
  GListModel *services = G_LIST_MODEL (pd_organization_get_services (self->organization));
  guint n = g_list_model_get_n_items (services);
  PdManagementMode mode = PD_MANAGEMENT_MODE_UNKNOWN;
  g_autoptr(GString) details = g_string_new (NULL);
  gboolean mixed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);
      PdManagementMode m = pd_service_get_management_mode (service);

      if (i == 0)
        mode = m;
      else if (m != mode)
        mixed = TRUE;
    }
  if (!mixed)
    {
      *tooltip = g_strdup (_("Who administers the backup of this client’s services"));
      return n > 0 ? pd_client_format_management_mode (mode) : NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      g_string_append_printf (details, "%s%s", details->len ? "\n" : "",
                              pd_client_format_management_mode (pd_service_get_management_mode (service)));
    }
  *tooltip = g_strdup (details->str);
  return _("Mixed management");
}

static void
update_header (PdClientPage *self)
{
  PdOrganization *org = self->organization;
  const char *domain = pd_organization_get_domain (org);
  g_autofree char *subtitle = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *management_tooltip = NULL;
  const char *management;
  PdOrganizationStatus status = pd_organization_get_status (org);
  GtkWidget *child;

  gtk_label_set_text (self->name_label, pd_organization_get_name (org));
  set_title (self, pd_organization_get_name (org));
  subtitle = g_strdup_printf ("%s · %s", pd_resource_get_id (PD_RESOURCE (org)),
                              domain != NULL && *domain != '\0' ? domain : pd_organization_get_email (org));
  gtk_label_set_text (self->subtitle_label, subtitle);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  add_chip (self, pd_client_format_organization_status (status), _("Subscription status"),
            status == PD_ORGANIZATION_STATUS_DELETED ? "error"
            : status == PD_ORGANIZATION_STATUS_ACTIVE ? NULL : "warning");
  /* Translators: a plan and its type, e.g. “Business Backup · Backup” */
  plan = g_strdup_printf (_("%s · %s"), pd_organization_get_plan_name (org),
                          pd_client_format_plan_type (pd_organization_get_plan_type (org)));
  add_chip (self, plan, _("Plan and plan type"), NULL);
  add_chip (self, pd_client_format_region (pd_organization_get_region (org)), _("Data region"), NULL);
  add_chip (self, pd_client_format_relationship (pd_organization_get_relationship (org)),
            pd_organization_get_relationship (org) == PD_RELATIONSHIP_RESELLER
              ? _("You resell this client’s backup: you see its metrics, not its accounts")
              : _("You manage this client’s backup"),
            pd_organization_get_relationship (org) == PD_RELATIONSHIP_RESELLER ? "accent" : NULL);
  management = management_summary (self, &management_tooltip);
  if (management != NULL)
    add_chip (self, management, management_tooltip, NULL);
  if (pd_organization_get_credential_status (org) == PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION)
    add_chip (self, _("Needs authentication"), _("A service lost its authorization and must be authorized again"), "error");
  else
    add_chip (self, _("Credentials OK"), _("Every service can sign in to the client’s tenant"), NULL);
  if (pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_UNMAPPED)
    add_chip (self, _("Unmapped"), _("Not linked to its customer account with the backup provider"), "warning");
  else
    add_chip (self, _("Mapped"), _("Linked to its customer account with the backup provider"), NULL);
}

/* ---- what the role and relationship allow --------------------------------------------- */

static void
update_tiles_focus (PdClientPage *self)
{
  const char *focus = pd_accounts_table_get_focus_service (self->table);

  for (GtkWidget *tile = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box)); tile != NULL;
       tile = gtk_widget_get_next_sibling (tile))
    {
      PdService *service = pd_service_tile_get_service (PD_SERVICE_TILE (tile));
      gboolean focused = service != NULL && g_strcmp0 (pd_resource_get_id (PD_RESOURCE (service)), focus) == 0;

      if (focused)
        gtk_widget_add_css_class (tile, "pd-focused");
      else
        gtk_widget_remove_css_class (tile, "pd-focused");
    }
}

static void
update_access (PdClientPage *self)
{
  gboolean reseller = pd_organization_get_relationship (self->organization) == PD_RELATIONSHIP_RESELLER;
  gboolean can_read = pd_session_has_permission (self->session, "accounts.read");
  gboolean can_protect = pd_session_has_permission (self->session, "accounts.protect");
  g_autofree char *text = NULL;
  const char *reason = NULL;

  if (reseller)
    {
      /* Translators: %s is the client's name */
      text = g_strdup_printf (_("Your company is the reseller of %s: you see its services and seat figures, "
                                "but not its accounts, and you cannot act inside its data."),
                              pd_organization_get_name (self->organization));
      reason = _("Reseller: accounts are not available");
    }
  else if (!can_read)
    {
      g_autofree char *missing = pd_permission_explain_missing (self->session, "accounts.read");

      /* Translators: %s says which permission the role lacks, e.g. “Your role “Finance” does not
       * have the permission “See accounts”.” */
      text = g_strdup_printf (_("%s Ask an owner or administrator of your company to grant it."), missing);
      reason = _("Your role cannot see accounts");
    }
  g_free (self->locked_reason);
  self->locked_reason = g_strdup (reason);

  pd_accounts_table_set_restriction (self->table, reason ? _("Accounts Not Available") : NULL, text);
  pd_accounts_table_set_can_protect (self->table, can_protect && !reseller);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.refresh", reason == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.export", reason == NULL);
  for (GtkWidget *tile = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box)); tile != NULL;
       tile = gtk_widget_get_next_sibling (tile))
    pd_service_tile_set_locked_reason (PD_SERVICE_TILE (tile), reason);
}

/* ---- tiles --------------------------------------------------------------------------- */

static void
on_tile_activated (PdClientPage  *self,
                   PdServiceTile *tile)
{
  PdService *service = pd_service_tile_get_service (tile);
  const char *id = service ? pd_resource_get_id (PD_RESOURCE (service)) : NULL;

  /* a second activation of the focused service shows every service again */
  pd_accounts_table_set_focus_service (self->table,
                                       g_strcmp0 (id, pd_accounts_table_get_focus_service (self->table)) == 0 ? NULL : id);
}

/* A window action on the tile's service: "(ss)", this client and the service */
static void
activate_for_tile (PdClientPage  *self,
                   PdServiceTile *tile,
                   const char    *action)
{
  PdService *service = pd_service_tile_get_service (tile);

  if (service != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "(ss)",
                                self->organization_id, pd_resource_get_id (PD_RESOURCE (service)));
}

static void
on_tile_authorize (PdClientPage  *self,
                   PdServiceTile *tile)
{
  activate_for_tile (self, tile, "win.authorize-service");
}

static void
on_tile_invite (PdClientPage  *self,
                PdServiceTile *tile)
{
  activate_for_tile (self, tile, "win.invite-client-admin");
}

/* Pending invitations from the session-level store (pd-invitations.h) */
static void
sync_tile_invitations (PdClientPage *self)
{
  for (GtkWidget *tile = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box)); tile != NULL;
       tile = gtk_widget_get_next_sibling (tile))
    pd_delegate_sync_tile (PD_SERVICE_TILE (tile), self->session, self->organization);
}

static void
rebuild_tiles (PdClientPage *self)
{
  GListModel *services = G_LIST_MODEL (pd_organization_get_services (self->organization));
  GtkWidget *child;
  guint n = g_list_model_get_n_items (services);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box))) != NULL)
    gtk_box_remove (self->tiles_box, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);
      GtkWidget *tile = pd_service_tile_new ();

      pd_service_tile_set_large (PD_SERVICE_TILE (tile), TRUE);
      pd_service_tile_set_service (PD_SERVICE_TILE (tile), service);
      pd_service_tile_set_locked_reason (PD_SERVICE_TILE (tile), self->locked_reason);
      /* Opening a tile focuses the table on it; its two first steps open the wizard or
       * the invitation */
      g_signal_connect_object (tile, "activated", G_CALLBACK (on_tile_activated), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tile, "authorize-self", G_CALLBACK (on_tile_authorize), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tile, "authorize-delegate", G_CALLBACK (on_tile_invite), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->tiles_box, tile);
    }
  sync_tile_invitations (self);
  update_tiles_focus (self);
}

static void
on_services_changed (PdClientPage *self)
{
  rebuild_tiles (self);
  update_header (self);
}

/* ---- finding the organization -------------------------------------------------------- */

static void
show_organization (PdClientPage   *self,
                   PdOrganization *organization)
{
  GListModel *services;

  self->organization = g_object_ref (organization);
  services = G_LIST_MODEL (pd_organization_get_services (organization));
  g_signal_connect_object (organization, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (organization, "notify::relationship", G_CALLBACK (update_access), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (services, "items-changed", G_CALLBACK (on_services_changed), self, G_CONNECT_SWAPPED);

  /* the client's own actions menu, last in the header's row of buttons */
  gtk_box_append (self->actions_box, pd_client_actions_new (self->session, organization));
  update_header (self);
  rebuild_tiles (self);
  /* the restriction goes first, so nothing is fetched that the portal would refuse */
  update_access (self);
  pd_accounts_table_setup (self->table, self->session, self->organization_id, services);
  pd_accounts_table_set_focus_service (self->table, self->initial_service_id);
  gtk_stack_set_visible_child_name (self->stack, "client");
}

static void
look_up_organization (PdClientPage *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  PdResource *found = NULL;

  if (self->organization != NULL)
    {
      /* gone from the list (deleted, or out of the access scope now) */
      if (PD_IS_RESOURCE_LIST (organizations) &&
          pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), self->organization_id) == NULL)
        {
          adw_status_page_set_title (self->missing_page, _("Client Removed"));
          adw_status_page_set_description (self->missing_page,
                                           _("This client was deleted, or it is no longer among the clients you can see."));
          gtk_stack_set_visible_child_name (self->stack, "missing");
        }
      return;
    }
  if (PD_IS_RESOURCE_LIST (organizations))
    found = pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), self->organization_id);
  if (found != NULL)
    {
      show_organization (self, PD_ORGANIZATION (found));
      return;
    }
  /* A stale link, or the list is still being filled: said, and looked for again when it changes. */
  adw_status_page_set_title (self->missing_page, _("Client Not Found"));
  adw_status_page_set_description (self->missing_page,
                                   _("This client does not exist, was deleted, or is outside the clients your "
                                     "role and groups let you see."));
  set_title (self, _("Client Not Found"));
  gtk_stack_set_visible_child_name (self->stack, "missing");
}

static void
on_me_changed (PdClientPage *self)
{
  if (self->organization != NULL)
    update_access (self);
}

/* ---- actions ------------------------------------------------------------------------- */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PdClientPage *self = PD_CLIENT_PAGE (widget);
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);

  pd_accounts_table_refresh (self->table);
  /* the header and the tiles come with the organizations: a delta sync brings them */
  if (engine != NULL)
    pd_sync_engine_sync_async (engine, FALSE, NULL, NULL, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pd_accounts_table_focus_search (PD_CLIENT_PAGE (widget)->table);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = pd_csv_save_finish (result, &error);
  PdClientPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PD_CLIENT_PAGE (user_data);
  if (file == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", _("The accounts could not be exported"),
                                error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      guint n = g_list_model_get_n_items (pd_accounts_table_get_visible (self->table));
      /* Translators: “Exported 42 accounts to harbor-dental-accounts.csv” */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u account to %s",
                                                            "Exported %u accounts to %s", n), n, name);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
    }
}

static char *
suggested_file_name (PdClientPage *self)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = self->title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (name, g_unichar_tolower (c));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  /* Translators: a file name; %s is the client's name in lower case with dashes */
  return g_strdup_printf (_("%s-accounts.csv"), name->len > 0 ? name->str : "client");
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdClientPage *self = PD_CLIENT_PAGE (widget);
  g_autoptr(GBytes) csv = pd_client_page_build_accounts_csv (self);
  g_autofree char *name = suggested_file_name (self);

  pd_csv_save_async (widget, name, csv, self->cancellable, on_saved, self);
}

/* ---- public -------------------------------------------------------------------------- */

GtkWidget *
pd_client_page_new (PdSession  *session,
                    const char *organization_id,
                    const char *service_id)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (organization_id != NULL, NULL);

  return g_object_new (PD_TYPE_CLIENT_PAGE, "session", session, "organization-id", organization_id,
                       "service-id", service_id, NULL);
}

const char *
pd_client_page_get_title (PdClientPage *self)
{
  g_return_val_if_fail (PD_IS_CLIENT_PAGE (self), NULL);
  return self->title;
}

GBytes *
pd_client_page_build_accounts_csv (PdClientPage *self)
{
  g_return_val_if_fail (PD_IS_CLIENT_PAGE (self), NULL);
  return pd_accounts_table_build_csv (self->table);
}

/* ---- size: the narrow layout --------------------------------------------------------- */

static gboolean
apply_narrow (gpointer data)
{
  PdClientPage *self = data;

  self->narrow_idle = 0;
  pd_accounts_table_set_narrow (self->table, self->narrow);
  if (self->narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
  return G_SOURCE_REMOVE;
}

static void
pd_client_page_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (PD_CLIENT_PAGE (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
pd_client_page_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  PdClientPage *self = PD_CLIENT_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  /* Hiding columns resizes the table: not during this allocation, but right after it. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow, self, NULL);
    }
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_client_page_constructed (GObject *object)
{
  PdClientPage *self = PD_CLIENT_PAGE (object);

  G_OBJECT_CLASS (pd_client_page_parent_class)->constructed (object);

  g_signal_connect_object (pd_session_get_organizations (self->session), "items-changed",
                           G_CALLBACK (look_up_organization), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::me", G_CALLBACK (on_me_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::me", G_CALLBACK (sync_tile_invitations), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pd_invitations_get (self->session), "changed", G_CALLBACK (sync_tile_invitations), self,
                           G_CONNECT_SWAPPED);
  pd_delegate_poll_while_mapped (GTK_WIDGET (self), self->session);
  g_signal_connect_object (self->table, "notify::focus-service", G_CALLBACK (update_tiles_focus), self,
                           G_CONNECT_SWAPPED);
  look_up_organization (self);
}

static void
pd_client_page_dispose (GObject *object)
{
  PdClientPage *self = PD_CLIENT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_CLIENT_PAGE);
  /* the template's root child is not bound, so dispose_template leaves it */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->organization);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_client_page_parent_class)->dispose (object);
}

static void
pd_client_page_finalize (GObject *object)
{
  PdClientPage *self = PD_CLIENT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->organization_id);
  g_free (self->initial_service_id);
  g_free (self->title);
  g_free (self->locked_reason);
  G_OBJECT_CLASS (pd_client_page_parent_class)->finalize (object);
}

static void
pd_client_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdClientPage *self = PD_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->initial_service_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_client_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PdClientPage *self = PD_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_ORGANIZATION_ID:
      self->organization_id = g_value_dup_string (value);
      break;
    case PROP_SERVICE_ID:
      self->initial_service_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_client_page_class_init (PdClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_client_page_constructed;
  object_class->dispose = pd_client_page_dispose;
  object_class->finalize = pd_client_page_finalize;
  object_class->get_property = pd_client_page_get_property;
  object_class->set_property = pd_client_page_set_property;
  widget_class->measure = pd_client_page_measure;
  widget_class->size_allocate = pd_client_page_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_ACCOUNTS_TABLE);
  pd_style_ensure (RESOURCE_BASE_PATH "/client/client.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/client/pd-client-page.ui");
  gtk_widget_class_set_css_name (widget_class, "pd-client-page");
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, missing_page);
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, chips_box);
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, PdClientPage, table);

  gtk_widget_class_install_action (widget_class, "client.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "client.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "client.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "client.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "client.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "client.refresh", NULL);
}

static void
pd_client_page_init (PdClientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Narrow until the first allocation says otherwise: the wide layout needs more than
   * 360 px, so starting wide would keep a small window from ever getting narrow. */
  self->narrow = TRUE;
  pd_accounts_table_set_narrow (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
}
