/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-partner-editor.h"
#include "pd-permission-gate.h"
#include "pd-settings-page.h"
#include "pd-smtp-editor.h"
#include "pd-widgets-style.h"

struct _PdSettingsPage
{
  AdwBin         parent_instance;

  AdwViewStack  *view_stack;
  GtkStack      *smtp_stack;
  AdwStatusPage *smtp_forbidden;
  GtkStack      *partner_stack;
  AdwStatusPage *partner_forbidden;

  PdSession     *session;
  GtkWidget     *smtp_editor;     /* made when the role may first read it */
  GtkWidget     *partner_editor;
};

G_DEFINE_FINAL_TYPE (PdSettingsPage, pd_settings_page, ADW_TYPE_BIN)

static void refresh (PdSettingsPage *self);

/* Another role (an owner changed it, another account): the tabs follow. */
static void
me_changed_cb (PdSettingsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

GtkWidget *
pd_settings_page_new (PdSession *session)
{
  PdSettingsPage *self;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  self = g_object_new (PD_TYPE_SETTINGS_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::me", G_CALLBACK (me_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/* Shows the tab's editor when the role may read it, else why not; @editor is made the
 * first time it is allowed. Returns whether it is allowed. */
static gboolean
update_tab (PdSettingsPage *self,
            GtkStack       *stack,
            AdwStatusPage  *forbidden,
            const char     *permission,
            GtkWidget     **editor,
            GtkWidget    *(*new_editor) (PdSession *session))
{
  if (!pd_session_has_permission (self->session, permission))
    {
      g_autofree char *why = pd_permission_explain_missing (self->session, permission);

      adw_status_page_set_description (forbidden, why);
      gtk_stack_set_visible_child (stack, GTK_WIDGET (forbidden));
      return FALSE;
    }
  if (*editor == NULL)
    {
      *editor = new_editor (self->session);
      gtk_stack_add_named (stack, *editor, "editor");
    }
  gtk_stack_set_visible_child (stack, *editor);
  return TRUE;
}

/* Each time the section is shown: the portal's current settings (a test may have run, or
 * another technician changed them). */
static void
refresh (PdSettingsPage *self)
{
  if (self->session == NULL)
    return;
  if (update_tab (self, self->smtp_stack, self->smtp_forbidden, "smtp.read", &self->smtp_editor, pd_smtp_editor_new))
    pd_smtp_editor_reload (PD_SMTP_EDITOR (self->smtp_editor));
  if (update_tab (self, self->partner_stack, self->partner_forbidden, "partner.read", &self->partner_editor,
                  pd_partner_editor_new))
    pd_partner_editor_reload (PD_PARTNER_EDITOR (self->partner_editor));
}

static void
pd_settings_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pd_settings_page_parent_class)->map (widget);

  refresh (PD_SETTINGS_PAGE (widget));
}

static void
pd_settings_page_dispose (GObject *object)
{
  PdSettingsPage *self = PD_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_SETTINGS_PAGE);
  self->smtp_editor = NULL;
  self->partner_editor = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_settings_page_parent_class)->dispose (object);
}

static void
pd_settings_page_class_init (PdSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_settings_page_dispose;
  widget_class->map = pd_settings_page_map;

  pd_style_ensure (RESOURCE_BASE_PATH "/settings/settings.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/settings/pd-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSettingsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PdSettingsPage, smtp_stack);
  gtk_widget_class_bind_template_child (widget_class, PdSettingsPage, smtp_forbidden);
  gtk_widget_class_bind_template_child (widget_class, PdSettingsPage, partner_stack);
  gtk_widget_class_bind_template_child (widget_class, PdSettingsPage, partner_forbidden);
}

static void
pd_settings_page_init (PdSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
