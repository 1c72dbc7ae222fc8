/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-banner"

#include "config.h"

#include "pd-banner.h"

struct _PdBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (PdBanner, pd_banner, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_TITLE, PROP_BUTTON_LABEL, PROP_REVEALED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { BUTTON_CLICKED, N_SIGNALS };
static guint signals[N_SIGNALS];

GtkWidget *
pd_banner_new (void)
{
  return g_object_new (PD_TYPE_BANNER, NULL);
}

const char *
pd_banner_get_title (PdBanner *self)
{
  g_return_val_if_fail (PD_IS_BANNER (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
pd_banner_set_title (PdBanner   *self,
                     const char *title)
{
  g_return_if_fail (PD_IS_BANNER (self));

  if (g_strcmp0 (title != NULL ? title : "", gtk_label_get_text (self->title_label)) == 0)
    return;
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
pd_banner_set_button_label (PdBanner   *self,
                            const char *label)
{
  g_return_if_fail (PD_IS_BANNER (self));

  if (g_strcmp0 (label, gtk_button_get_label (self->button)) == 0)
    return;
  gtk_button_set_label (self->button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->button), label != NULL && label[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUTTON_LABEL]);
}

gboolean
pd_banner_get_revealed (PdBanner *self)
{
  g_return_val_if_fail (PD_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
pd_banner_set_revealed (PdBanner *self,
                        gboolean  revealed)
{
  g_return_if_fail (PD_IS_BANNER (self));

  revealed = !!revealed;
  if (revealed == gtk_revealer_get_reveal_child (self->revealer))
    return;
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

static void
button_clicked_cb (PdBanner *self)
{
  g_signal_emit (self, signals[BUTTON_CLICKED], 0);
}

static void
pd_banner_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PdBanner *self = PD_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, pd_banner_get_title (self));
      break;
    case PROP_BUTTON_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->button));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, pd_banner_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_banner_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PdBanner *self = PD_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pd_banner_set_title (self, g_value_get_string (value));
      break;
    case PROP_BUTTON_LABEL:
      pd_banner_set_button_label (self, g_value_get_string (value));
      break;
    case PROP_REVEALED:
      pd_banner_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_BANNER);

  G_OBJECT_CLASS (pd_banner_parent_class)->dispose (object);
}

static void
pd_banner_class_init (PdBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pd_banner_get_property;
  object_class->set_property = pd_banner_set_property;
  object_class->dispose = pd_banner_dispose;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUTTON_LABEL] =
    g_param_spec_string ("button-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BUTTON_CLICKED] = g_signal_new ("button-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/shell/pd-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PdBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, PdBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, PdBanner, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-banner");
  /* Screen readers announce what a banner says when it appears, politely. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
pd_banner_init (PdBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
