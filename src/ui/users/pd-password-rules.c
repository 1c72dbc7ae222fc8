/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-password-rules.h"

enum {
  RULE_MIN,
  RULE_MAX,
  N_RULES
};

struct _PdPasswordRules
{
  GtkWidget  parent_instance;

  GtkWidget *icons[N_RULES];
  GtkWidget *labels[N_RULES];
  gboolean   met[N_RULES];
  gboolean   satisfied;
};

enum {
  PROP_0,
  PROP_SATISFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdPasswordRules, pd_password_rules, GTK_TYPE_WIDGET)

static void
show_rule (PdPasswordRules *self,
           guint            rule,
           gboolean         met)
{
  GtkWidget *line = gtk_widget_get_parent (self->labels[rule]);

  self->met[rule] = met;
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icons[rule]), met ? "object-select-symbolic" : "window-close-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icons[rule]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  met ? _("Met") : _("Not met"), -1);
  if (met)
    {
      gtk_widget_add_css_class (line, "success");
      gtk_widget_remove_css_class (line, "error");
    }
  else
    {
      gtk_widget_add_css_class (line, "error");
      gtk_widget_remove_css_class (line, "success");
    }
}

void
pd_password_rules_set_password (PdPasswordRules *self,
                                const char      *password)
{
  /* Counted like the portal counts: characters, not bytes; spaces count */
  glong length = password != NULL ? g_utf8_strlen (password, -1) : 0;
  gboolean satisfied;

  g_return_if_fail (PD_IS_PASSWORD_RULES (self));

  show_rule (self, RULE_MIN, length >= PD_PASSWORD_MIN_CHARS);
  show_rule (self, RULE_MAX, length <= PD_PASSWORD_MAX_CHARS);

  satisfied = self->met[RULE_MIN] && self->met[RULE_MAX];
  if (satisfied == self->satisfied)
    return;
  self->satisfied = satisfied;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED]);
}

gboolean
pd_password_rules_get_satisfied (PdPasswordRules *self)
{
  g_return_val_if_fail (PD_IS_PASSWORD_RULES (self), FALSE);

  return self->satisfied;
}

static void
add_rule (PdPasswordRules *self,
          guint            rule)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->icons[rule] = gtk_image_new ();
  self->labels[rule] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->labels[rule]), 0);
  gtk_label_set_wrap (GTK_LABEL (self->labels[rule]), TRUE);
  gtk_box_append (GTK_BOX (line), self->icons[rule]);
  gtk_box_append (GTK_BOX (line), self->labels[rule]);
  gtk_widget_add_css_class (line, "pd-password-rule");
  gtk_widget_set_parent (line, GTK_WIDGET (self));
}

static void
pd_password_rules_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pd_password_rules_parent_class)->dispose (object);
}

static void
pd_password_rules_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdPasswordRules *self = PD_PASSWORD_RULES (object);

  switch (prop_id)
    {
    case PROP_SATISFIED:
      g_value_set_boolean (value, self->satisfied);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_password_rules_class_init (PdPasswordRulesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_password_rules_dispose;
  object_class->get_property = pd_password_rules_get_property;

  properties[PROP_SATISFIED] =
    g_param_spec_boolean ("satisfied", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-password-rules");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
pd_password_rules_init (PdPasswordRules *self)
{
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  add_rule (self, RULE_MIN);
  add_rule (self, RULE_MAX);
  /* Translators: %d is 12 */
  min_text = g_strdup_printf (ngettext ("At least %d character", "At least %d characters", PD_PASSWORD_MIN_CHARS),
                              PD_PASSWORD_MIN_CHARS);
  /* Translators: %d is 256 */
  max_text = g_strdup_printf (ngettext ("At most %d character", "At most %d characters", PD_PASSWORD_MAX_CHARS),
                              PD_PASSWORD_MAX_CHARS);
  gtk_label_set_text (GTK_LABEL (self->labels[RULE_MIN]), min_text);
  gtk_label_set_text (GTK_LABEL (self->labels[RULE_MAX]), max_text);
  pd_password_rules_set_password (self, NULL);
}

GtkWidget *
pd_password_rules_new (void)
{
  return g_object_new (PD_TYPE_PASSWORD_RULES, NULL);
}
