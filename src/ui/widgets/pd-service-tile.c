/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"
#include "pd-format.h"
#include "pd-seat-gauge.h"
#include "pd-service-info.h"
#include "pd-service-text.h"
#include "pd-service-tile.h"
#include "pd-status-badge.h"
#include "pd-tooltip.h"
#include "pd-widgets-style.h"

/* Tile widths: a grid fits them side by side; they never get narrower than the minimum, so
 * the figures stay readable at 360 px. */
#define WIDTH_MIN 220
#define WIDTH_NATURAL 240
#define LARGE_WIDTH_MIN 280
#define LARGE_WIDTH_NATURAL 340
/* "5 minutes ago" ages; mapped tiles refresh it (recycled lists map only visible rows). */
#define REFRESH_SECONDS 30

struct _PdServiceTile
{
  GtkWidget       parent_instance;

  PdService      *service;
  GSignalGroup   *service_signals;
  char           *locked_reason;
  char           *delegate_reason;
  PdAuthorization *invitation;
  gboolean        large;
  guint           refresh_id;

  GtkWidget      *content;
  GtkImage       *app_icon;
  GtkLabel       *name_label;
  GtkLabel       *details_label;
  GtkImage       *lock_icon;
  PdStatusBadge  *badge;
  PdSeatGauge    *gauge;
  GtkLabel       *seats_label;
  GtkLabel       *last_backup_label;
  GtkLabel       *next_backup_label;
  GtkLabel       *locked_label;
  GtkWidget      *auth_box;
  GtkWidget      *self_button;
  GtkWidget      *delegate_button;
  GtkWidget      *invite_box;
  GtkLabel       *invite_sent_label;
  GtkLabel       *invite_email_label;
  GtkMenuButton  *invite_menu_button;
};

G_DEFINE_FINAL_TYPE (PdServiceTile, pd_service_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SERVICE,
  PROP_LOCKED_REASON,
  PROP_LARGE,
  N_PROPS
};

enum {
  ACTIVATED,
  AUTHORIZE_SELF,
  AUTHORIZE_DELEGATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sync_last_backup (PdServiceTile *self)
{
  g_autofree char *text = pd_service_dup_last_backup_text (self->service, NULL);
  /* Large tiles have room for what comes next */
  g_autofree char *next = self->large ? pd_service_dup_next_backup_text (self->service, NULL) : NULL;

  gtk_label_set_label (self->last_backup_label, text);
  if (next != NULL)
    gtk_label_set_label (self->next_backup_label, next);
  gtk_widget_set_visible (GTK_WIDGET (self->next_backup_label), next != NULL);
}

static void
sync_accessible (PdServiceTile *self)
{
  g_autofree char *summary = pd_service_tile_dup_summary (self);
  const char *description = self->locked_reason != NULL ? self->locked_reason : _("Press Enter to open");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The pending invitation: when it went out and to whom. The store (pd-invitations.h) may
 * not have read it yet; the badge already says it is pending. */
static void
sync_invitation (PdServiceTile *self)
{
  GDateTime *sent = self->invitation != NULL ? pd_authorization_get_invitation_sent_at (self->invitation) : NULL;
  const char *email = self->invitation != NULL ? pd_authorization_get_invitation_email (self->invitation) : NULL;
  g_autofree char *when = sent != NULL ? pd_format_relative_time (sent, NULL) : NULL;
  /* Translators: %s is a relative time such as “5 minutes ago” or “Yesterday” */
  g_autofree char *text = when != NULL ? g_strdup_printf (_("Invitation sent: %s"), when)
                                       : g_strdup (_("Waiting for the client’s admin"));

  gtk_label_set_label (self->invite_sent_label, text);
  gtk_label_set_label (self->invite_email_label, email);
  gtk_widget_set_visible (GTK_WIDGET (self->invite_email_label), email != NULL);
  pd_tooltip_set (GTK_WIDGET (self->invite_email_label), email);
}

/* Buttons that stay where the tile is locked: “Someone else is the admin” (an invitation
 * needs no authority in the client's data, so resellers onboard that way) while “I am the
 * admin” says why not. */
static void
sync_auth_buttons (PdServiceTile *self)
{
  gboolean needs = pd_badge_state_service_needs_authorization (self->service);
  gboolean pending = self->service != NULL &&
                     pd_service_get_authorization_state (self->service) == PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN;
  gboolean can_delegate = self->delegate_reason == NULL;

  gtk_widget_set_visible (self->auth_box, needs && (self->locked_reason == NULL || can_delegate));
  gtk_widget_set_visible (self->invite_box, pending);
  /* Only what shows: a recycled tile rebinds often, and most tiles show neither box. */
  if (needs)
    {
      gtk_widget_set_sensitive (self->self_button, self->locked_reason == NULL);
      pd_tooltip_set (self->self_button,
                      self->locked_reason != NULL ? self->locked_reason
                      : _("Authorize the backup with your own administrator account of the client"));
      gtk_widget_set_sensitive (self->delegate_button, can_delegate);
      pd_tooltip_set (self->delegate_button,
                      can_delegate ? _("Invite the client’s administrator to authorize the backup")
                      : self->delegate_reason);
    }
  if (pending)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->invite_menu_button), can_delegate);
      pd_tooltip_set (GTK_WIDGET (self->invite_menu_button),
                      can_delegate ? _("Resend, change or cancel the invitation") : self->delegate_reason);
    }
  if (pending)
    sync_invitation (self);
}

static void
sync_service (PdServiceTile *self)
{
  PdService *service = self->service;
  PdServiceApplication application = service != NULL ? pd_service_get_application (service)
                                                      : PD_SERVICE_APPLICATION_UNKNOWN;
  g_autofree char *seats = pd_service_dup_seats_text (service);

  gtk_image_set_from_icon_name (self->app_icon, pd_service_application_get_icon_name (application));
  gtk_label_set_label (self->name_label, pd_service_application_get_name (application));
  pd_status_badge_set_state (self->badge, pd_badge_state_for_service (service));

  if (service != NULL)
    pd_seat_gauge_set_figures (self->gauge,
                               pd_service_get_seats_total (service),
                               pd_service_get_seats_managed (service),
                               pd_service_get_seats_open (service),
                               pd_service_get_seats_unprotected (service));
  else
    pd_seat_gauge_set_figures (self->gauge, -1, -1, -1, -1);
  gtk_label_set_label (self->seats_label, seats);
  if (pd_seat_gauge_is_over_capacity (self->gauge))
    gtk_widget_add_css_class (GTK_WIDGET (self->seats_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->seats_label), "error");

  if (self->large && service != NULL)
    {
      g_autofree char *details = pd_service_dup_details_text (service);

      gtk_label_set_label (self->details_label, details);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), self->large && service != NULL);

  sync_auth_buttons (self);
  sync_last_backup (self);
  sync_accessible (self);
}

static void
on_service_notify (PdServiceTile *self,
                   GParamSpec    *pspec,
                   PdService     *service)
{
  /* pd_resource_update notifies once per changed field; each resync is a handful of label
   * sets, cheap enough not to batch. */
  sync_service (self);
}

static void
sync_locked (PdServiceTile *self)
{
  gboolean locked = self->locked_reason != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->lock_icon), locked);
  gtk_widget_set_visible (GTK_WIDGET (self->locked_label), locked);
  gtk_label_set_label (self->locked_label, self->locked_reason);
  pd_tooltip_set (GTK_WIDGET (self), self->locked_reason);
  pd_tooltip_set (GTK_WIDGET (self->lock_icon), self->locked_reason);
  if (locked)
    gtk_widget_add_css_class (GTK_WIDGET (self), "locked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "locked");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), locked ? NULL : "pointer");
  sync_service (self);
}

static void
activate (PdServiceTile *self)
{
  if (self->locked_reason == NULL)
    g_signal_emit (self, signals[ACTIVATED], 0);
}

static gboolean
activate_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  activate (PD_SERVICE_TILE (widget));
  return TRUE;
}

/* Pressed look while the button is down, as a button has */
static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  PdServiceTile   *self)
{
  if (self->locked_reason == NULL)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE, FALSE);
}

static void
on_click_stopped (GtkGestureClick *gesture,
                  PdServiceTile   *self)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   PdServiceTile   *self)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);
  if (n_press != 1 || !gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  activate (self);
}

static void
on_self_clicked (PdServiceTile *self)
{
  g_signal_emit (self, signals[AUTHORIZE_SELF], 0);
}

static void
on_delegate_clicked (PdServiceTile *self)
{
  g_signal_emit (self, signals[AUTHORIZE_DELEGATE], 0);
}

static gboolean
refresh_last_backup (gpointer data)
{
  PdServiceTile *self = data;
  g_autofree char *text = pd_service_dup_last_backup_text (self->service, NULL);

  /* Only a real change: a screen reader hears label changes */
  if (gtk_widget_get_visible (self->invite_box))
    sync_invitation (self);
  if (g_strcmp0 (text, gtk_label_get_label (self->last_backup_label)) == 0 && !self->large)
    return G_SOURCE_CONTINUE;
  sync_last_backup (self);
  sync_accessible (self);
  return G_SOURCE_CONTINUE;
}

/* The invitation's menu: one model for every tile, made when a menu first opens (a popover
 * per tile at every rebind was a third of a search keystroke); its tile.* actions pass this
 * tile's current service on to the window's actions. */
static void
create_invite_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  static GMenuModel *model;

  if (model == NULL)
    {
      GMenu *menu = g_menu_new ();

      g_menu_append (menu, _("_Resend"), "tile.resend-invite");
      g_menu_append (menu, _("Change _E-mail…"), "tile.change-invite");
      g_menu_append (menu, _("_Cancel Invitation…"), "tile.cancel-invite");
      model = G_MENU_MODEL (menu);
    }
  gtk_menu_button_set_menu_model (button, model);
}

static const struct {
  const char *tile;
  const char *window;
} invite_actions[] = {
  { "tile.resend-invite", "win.resend-client-invite" },
  { "tile.change-invite", "win.change-client-invite" },
  { "tile.cancel-invite", "win.cancel-client-invite" },
};

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdServiceTile *self = PD_SERVICE_TILE (widget);

  if (self->service == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (invite_actions); i++)
    if (g_str_equal (action_name, invite_actions[i].tile))
      gtk_widget_activate_action (widget, invite_actions[i].window, "(ss)",
                                  pd_service_get_organization_id (self->service),
                                  pd_resource_get_id (PD_RESOURCE (self->service)));
}

static void
pd_service_tile_map (GtkWidget *widget)
{
  PdServiceTile *self = PD_SERVICE_TILE (widget);

  GTK_WIDGET_CLASS (pd_service_tile_parent_class)->map (widget);
  refresh_last_backup (self);
  if (gtk_widget_get_visible (self->invite_box))
    sync_invitation (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_last_backup, self);
}

static void
pd_service_tile_unmap (GtkWidget *widget)
{
  PdServiceTile *self = PD_SERVICE_TILE (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  GTK_WIDGET_CLASS (pd_service_tile_parent_class)->unmap (widget);
}

static void
pd_service_tile_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PdServiceTile *self = PD_SERVICE_TILE (widget);

  gtk_widget_measure (self->content, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A fixed natural width, not the width of the longest text: tiles line up in a grid
       * and long names ellipsize. */
      *minimum = MAX (*minimum, self->large ? LARGE_WIDTH_MIN : WIDTH_MIN);
      *natural = MAX (*minimum, self->large ? LARGE_WIDTH_NATURAL : WIDTH_NATURAL);
    }
}

static GtkSizeRequestMode
pd_service_tile_get_request_mode (GtkWidget *widget)
{
  /* Wrapping labels (seat figures, the lock reason) need height-for-width */
  return gtk_widget_get_request_mode (PD_SERVICE_TILE (widget)->content);
}

static void
pd_service_tile_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  gtk_widget_allocate (PD_SERVICE_TILE (widget)->content, width, height, baseline, NULL);
}

static void
pd_service_tile_dispose (GObject *object)
{
  PdServiceTile *self = PD_SERVICE_TILE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->service_signals != NULL)
    g_signal_group_set_target (self->service_signals, NULL);
  g_clear_object (&self->service_signals);
  g_clear_object (&self->service);
  g_clear_object (&self->invitation);
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_SERVICE_TILE);

  G_OBJECT_CLASS (pd_service_tile_parent_class)->dispose (object);
}

static void
pd_service_tile_finalize (GObject *object)
{
  PdServiceTile *self = PD_SERVICE_TILE (object);

  g_free (self->locked_reason);
  g_free (self->delegate_reason);

  G_OBJECT_CLASS (pd_service_tile_parent_class)->finalize (object);
}

static void
pd_service_tile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdServiceTile *self = PD_SERVICE_TILE (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_LOCKED_REASON:
      g_value_set_string (value, self->locked_reason);
      break;
    case PROP_LARGE:
      g_value_set_boolean (value, self->large);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_service_tile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdServiceTile *self = PD_SERVICE_TILE (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      pd_service_tile_set_service (self, g_value_get_object (value));
      break;
    case PROP_LOCKED_REASON:
      pd_service_tile_set_locked_reason (self, g_value_get_string (value));
      break;
    case PROP_LARGE:
      pd_service_tile_set_large (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_service_tile_class_init (PdServiceTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space };

  object_class->dispose = pd_service_tile_dispose;
  object_class->finalize = pd_service_tile_finalize;
  object_class->get_property = pd_service_tile_get_property;
  object_class->set_property = pd_service_tile_set_property;
  widget_class->measure = pd_service_tile_measure;
  widget_class->size_allocate = pd_service_tile_size_allocate;
  widget_class->get_request_mode = pd_service_tile_get_request_mode;
  widget_class->map = pd_service_tile_map;
  widget_class->unmap = pd_service_tile_unmap;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, PD_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCKED_REASON] =
    g_param_spec_string ("locked-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LARGE] =
    g_param_spec_boolean ("large", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[AUTHORIZE_SELF] =
    g_signal_new ("authorize-self", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[AUTHORIZE_DELEGATE] =
    g_signal_new ("authorize-delegate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding (widget_class, keys[i], 0, activate_binding, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/widgets/pd-service-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, content);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, app_icon);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, details_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, lock_icon);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, badge);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, gauge);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, seats_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, last_backup_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, next_backup_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, locked_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, auth_box);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, self_button);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, delegate_button);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, invite_box);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, invite_sent_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, invite_email_label);
  gtk_widget_class_bind_template_child (widget_class, PdServiceTile, invite_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_click_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_click_released);
  gtk_widget_class_bind_template_callback (widget_class, on_click_stopped);
  gtk_widget_class_bind_template_callback (widget_class, on_self_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delegate_clicked);
  for (guint i = 0; i < G_N_ELEMENTS (invite_actions); i++)
    gtk_widget_class_install_action (widget_class, invite_actions[i].tile, NULL, invite_action);
  gtk_widget_class_set_css_name (widget_class, "pd-service-tile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  pd_widgets_ensure_style ();
}

static void
pd_service_tile_init (PdServiceTile *self)
{
  /* Cheap after the first time; covers a class initialized before the display existed */
  pd_widgets_ensure_style ();
  g_type_ensure (PD_TYPE_STATUS_BADGE);
  g_type_ensure (PD_TYPE_SEAT_GAUGE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->service_signals = g_signal_group_new (PD_TYPE_SERVICE);
  g_signal_group_connect_swapped (self->service_signals, "notify", G_CALLBACK (on_service_notify), self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_menu_button_set_create_popup_func (self->invite_menu_button, create_invite_popup, NULL, NULL);
  sync_service (self);
}

GtkWidget *
pd_service_tile_new (void)
{
  return g_object_new (PD_TYPE_SERVICE_TILE, NULL);
}

PdService *
pd_service_tile_get_service (PdServiceTile *self)
{
  g_return_val_if_fail (PD_IS_SERVICE_TILE (self), NULL);

  return self->service;
}

void
pd_service_tile_set_service (PdServiceTile *self,
                             PdService     *service)
{
  g_return_if_fail (PD_IS_SERVICE_TILE (self));
  g_return_if_fail (service == NULL || PD_IS_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;
  g_signal_group_set_target (self->service_signals, service);
  sync_service (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

const char *
pd_service_tile_get_locked_reason (PdServiceTile *self)
{
  g_return_val_if_fail (PD_IS_SERVICE_TILE (self), NULL);

  return self->locked_reason;
}

void
pd_service_tile_set_locked_reason (PdServiceTile *self,
                                   const char    *reason)
{
  g_return_if_fail (PD_IS_SERVICE_TILE (self));

  if (g_strcmp0 (self->locked_reason, reason) == 0)
    return;
  g_free (self->locked_reason);
  self->locked_reason = g_strdup (reason);
  sync_locked (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED_REASON]);
}

void
pd_service_tile_set_delegate_reason (PdServiceTile *self,
                                     const char    *reason)
{
  g_return_if_fail (PD_IS_SERVICE_TILE (self));

  if (g_strcmp0 (self->delegate_reason, reason) == 0)
    return;
  g_free (self->delegate_reason);
  self->delegate_reason = g_strdup (reason);
  sync_auth_buttons (self);
}

void
pd_service_tile_set_invitation (PdServiceTile   *self,
                                PdAuthorization *authorization)
{
  g_return_if_fail (PD_IS_SERVICE_TILE (self));
  g_return_if_fail (authorization == NULL || PD_IS_AUTHORIZATION (authorization));

  if (!g_set_object (&self->invitation, authorization))
    return;
  if (gtk_widget_get_visible (self->invite_box))
    sync_invitation (self);
}

gboolean
pd_service_tile_get_large (PdServiceTile *self)
{
  g_return_val_if_fail (PD_IS_SERVICE_TILE (self), FALSE);

  return self->large;
}

void
pd_service_tile_set_large (PdServiceTile *self,
                           gboolean       large)
{
  g_return_if_fail (PD_IS_SERVICE_TILE (self));

  large = !!large;
  if (self->large == large)
    return;
  self->large = large;
  if (large)
    gtk_widget_add_css_class (GTK_WIDGET (self), "large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "large");
  gtk_image_set_pixel_size (self->app_icon, large ? 32 : 20);
  sync_service (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGE]);
}

char *
pd_service_tile_dup_summary (PdServiceTile *self)
{
  g_return_val_if_fail (PD_IS_SERVICE_TILE (self), NULL);

  return pd_service_dup_summary (self->service, NULL);
}
