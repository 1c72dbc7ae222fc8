/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-permission-gate.h"
#include "pd-settings-save-bar.h"
#include "pd-widgets-style.h"

struct _PdSettingsSaveBar
{
  AdwBin      parent_instance;

  GtkLabel   *errors_label;
  GtkLabel   *state_label;
  GtkSpinner *spinner;
  GtkButton  *save_button;

  PdSession  *session;
  char       *permission;
  gboolean    changed;
  gboolean    valid;
  gboolean    saving;
};

G_DEFINE_FINAL_TYPE (PdSettingsSaveBar, pd_settings_save_bar, ADW_TYPE_BIN)

enum {
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (PdSettingsSaveBar *self)
{
  const char *reason = NULL;

  if (self->saving)
    reason = _("Saving…");
  else if (!self->changed)
    reason = _("Nothing has changed.");
  else if (!self->valid)
    reason = _("Correct the marked fields first.");
  pd_permission_gate_set_reason (GTK_WIDGET (self->save_button), reason);

  /* Said where it can be read, not only in the button's tooltip. */
  if (self->session != NULL && !pd_session_has_permission (self->session, self->permission))
    {
      g_autofree char *why = pd_permission_explain_missing (self->session, self->permission);

      gtk_label_set_text (self->state_label, why);
    }
  else if (self->saving)
    gtk_label_set_text (self->state_label, _("Saving…"));
  else if (self->changed)
    gtk_label_set_text (self->state_label, _("Unsaved changes"));
  else
    gtk_label_set_text (self->state_label, _("All changes are saved."));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->saving);
  gtk_spinner_set_spinning (self->spinner, self->saving);
}

void
pd_settings_save_bar_set_session (PdSettingsSaveBar *self,
                                  PdSession         *session,
                                  const char        *permission)
{
  g_return_if_fail (PD_IS_SETTINGS_SAVE_BAR (self));
  g_return_if_fail (PD_IS_SESSION (session) && permission != NULL);
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->permission = g_strdup (permission);
  pd_permission_gate (GTK_WIDGET (self->save_button), session, permission, PD_PERMISSION_GATE_DISABLE);
  g_signal_connect_object (session, "notify::me", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

GtkLabel *
pd_settings_save_bar_get_errors_label (PdSettingsSaveBar *self)
{
  g_return_val_if_fail (PD_IS_SETTINGS_SAVE_BAR (self), NULL);

  return self->errors_label;
}

GtkWidget *
pd_settings_save_bar_get_button (PdSettingsSaveBar *self)
{
  g_return_val_if_fail (PD_IS_SETTINGS_SAVE_BAR (self), NULL);

  return GTK_WIDGET (self->save_button);
}

void
pd_settings_save_bar_set_state (PdSettingsSaveBar *self,
                                gboolean           changed,
                                gboolean           valid)
{
  g_return_if_fail (PD_IS_SETTINGS_SAVE_BAR (self));

  self->changed = changed;
  self->valid = valid;
  update (self);
}

void
pd_settings_save_bar_set_saving (PdSettingsSaveBar *self,
                                 gboolean           saving)
{
  g_return_if_fail (PD_IS_SETTINGS_SAVE_BAR (self));

  self->saving = saving;
  update (self);
}

gboolean
pd_settings_save_bar_get_saving (PdSettingsSaveBar *self)
{
  g_return_val_if_fail (PD_IS_SETTINGS_SAVE_BAR (self), FALSE);

  return self->saving;
}

static void
save_clicked_cb (PdSettingsSaveBar *self)
{
  g_signal_emit (self, signals[SIGNAL_SAVE], 0);
}

static void
pd_settings_save_bar_dispose (GObject *object)
{
  PdSettingsSaveBar *self = PD_SETTINGS_SAVE_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_SETTINGS_SAVE_BAR);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_settings_save_bar_parent_class)->dispose (object);
}

static void
pd_settings_save_bar_finalize (GObject *object)
{
  g_free (PD_SETTINGS_SAVE_BAR (object)->permission);

  G_OBJECT_CLASS (pd_settings_save_bar_parent_class)->finalize (object);
}

static void
pd_settings_save_bar_class_init (PdSettingsSaveBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_settings_save_bar_dispose;
  object_class->finalize = pd_settings_save_bar_finalize;

  signals[SIGNAL_SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  pd_style_ensure (RESOURCE_BASE_PATH "/settings/settings.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/settings/pd-settings-save-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSettingsSaveBar, errors_label);
  gtk_widget_class_bind_template_child (widget_class, PdSettingsSaveBar, state_label);
  gtk_widget_class_bind_template_child (widget_class, PdSettingsSaveBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdSettingsSaveBar, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "pd-settings-save-bar");
}

static void
pd_settings_save_bar_init (PdSettingsSaveBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
