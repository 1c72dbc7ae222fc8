/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-status-badge.h"
#include "pd-widgets-style.h"

struct _PdStatusBadge
{
  GtkWidget     parent_instance;

  PdBadgeState  state;

  GtkImage     *icon;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (PdStatusBadge, pd_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_state (PdStatusBadge *self,
            PdBadgeState   old_state)
{
  g_autofree char *accessible = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self), pd_badge_state_get_css_class (old_state));
  gtk_widget_add_css_class (GTK_WIDGET (self), pd_badge_state_get_css_class (self->state));
  gtk_image_set_from_icon_name (self->icon, pd_badge_state_get_icon_name (self->state));
  gtk_label_set_label (self->label, pd_badge_state_get_label (self->state));

  /* Translators: what a screen reader says for a status badge; %s is "Failed", … */
  accessible = g_strdup_printf (_("Status: %s"), pd_badge_state_get_label (self->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
pd_status_badge_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_STATUS_BADGE);

  G_OBJECT_CLASS (pd_status_badge_parent_class)->dispose (object);
}

static void
pd_status_badge_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdStatusBadge *self = PD_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_status_badge_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdStatusBadge *self = PD_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      pd_status_badge_set_state (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_status_badge_class_init (PdStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_status_badge_dispose;
  object_class->get_property = pd_status_badge_get_property;
  object_class->set_property = pd_status_badge_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PD_TYPE_BADGE_STATE, PD_BADGE_STATE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/widgets/pd-status-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, PdStatusBadge, icon);
  gtk_widget_class_bind_template_child (widget_class, PdStatusBadge, label);
  gtk_widget_class_set_css_name (widget_class, "pd-status-badge");
  /* An image with a text alternative: the label says the state, the icon is decoration. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  pd_widgets_ensure_style ();
}

static void
pd_status_badge_init (PdStatusBadge *self)
{
  /* Cheap after the first time; covers a class initialized before the display existed */
  pd_widgets_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = PD_BADGE_STATE_UNKNOWN;
  sync_state (self, PD_BADGE_STATE_UNKNOWN);
}

GtkWidget *
pd_status_badge_new (void)
{
  return g_object_new (PD_TYPE_STATUS_BADGE, NULL);
}

PdBadgeState
pd_status_badge_get_state (PdStatusBadge *self)
{
  g_return_val_if_fail (PD_IS_STATUS_BADGE (self), PD_BADGE_STATE_UNKNOWN);

  return self->state;
}

void
pd_status_badge_set_state (PdStatusBadge *self,
                           PdBadgeState   state)
{
  PdBadgeState old_state;

  g_return_if_fail (PD_IS_STATUS_BADGE (self));
  g_return_if_fail ((guint) state <= PD_BADGE_STATE_LAST);

  if (self->state == state)
    return;
  old_state = self->state;
  self->state = state;
  sync_state (self, old_state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}
