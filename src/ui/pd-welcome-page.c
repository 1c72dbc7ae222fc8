/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-welcome"

#include "config.h"

#include "pd-welcome-page.h"

/* The three ways into a portal (DESIGN §6). Each is a widget action so the
 * sign-in, API-key and demo work can enable it where it lands; until then the
 * buttons stay insensitive and their tooltips say why. */
struct _PdWelcomePage
{
  AdwBin          parent_instance;

  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (PdWelcomePage, pd_welcome_page, ADW_TYPE_BIN)

static void
pd_welcome_page_class_init (PdWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No dispose_template: AdwBin drops its child itself, and doing both
   * unparents the status page twice. */
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/pd-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWelcomePage, status_page);

  gtk_widget_class_install_action (widget_class, "welcome.sign-in-browser", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "welcome.use-api-key", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "welcome.try-demo", NULL, NULL);
}

static void
pd_welcome_page_init (PdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.sign-in-browser", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.use-api-key", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.try-demo", FALSE);
}
