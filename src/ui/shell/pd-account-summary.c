/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-account-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account-summary.h"

struct _PdAccountSummary
{
  GtkWidget     parent_instance;

  PdSession    *session;
  GSignalGroup *session_signals;
  char         *title;
  char         *subtitle;

  GtkLabel     *name_label;
  GtkLabel     *email_label;
  GtkLabel     *portal_label;
};

G_DEFINE_FINAL_TYPE (PdAccountSummary, pd_account_summary, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_TITLE, PROP_SUBTITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

GtkWidget *
pd_account_summary_new (void)
{
  return g_object_new (PD_TYPE_ACCOUNT_SUMMARY, NULL);
}

const char *
pd_account_summary_get_title (PdAccountSummary *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_SUMMARY (self), NULL);

  return self->title;
}

const char *
pd_account_summary_get_subtitle (PdAccountSummary *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_SUMMARY (self), NULL);

  return self->subtitle;
}

static void
set_string (PdAccountSummary  *self,
            char             **field,
            const char        *value,
            guint              prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update (PdAccountSummary *self)
{
  PdAccountInfo *account = self->session != NULL ? pd_session_get_account (self->session) : NULL;
  PdMe *me = self->session != NULL ? pd_session_get_me (self->session) : NULL;
  const char *partner, *email, *name, *role;
  g_autofree char *host = NULL;
  g_autofree char *portal = NULL;
  gboolean show_email;

  if (account == NULL)
    {
      set_string (self, &self->title, _("Partner Desk"), PROP_TITLE);
      set_string (self, &self->subtitle, NULL, PROP_SUBTITLE);
      return;
    }
  /* /me is the portal's word; before it is read, what the account remembers. */
  partner = me != NULL ? pd_me_get_partner_name (me) : pd_account_info_get_partner_name (account);
  email = me != NULL ? pd_me_get_user_email (me) : pd_account_info_get_user_email (account);
  name = me != NULL ? pd_me_get_user_name (me) : pd_account_info_get_user_name (account);
  role = me != NULL ? pd_me_get_role_name (me) : NULL;
  host = pd_account_info_dup_host (account);

  set_string (self, &self->title, partner != NULL ? partner : host, PROP_TITLE);
  set_string (self, &self->subtitle, host, PROP_SUBTITLE);

  show_email = email != NULL && g_strcmp0 (email, name) != 0;
  gtk_label_set_text (self->name_label, name != NULL ? name : email != NULL ? email : "");
  gtk_label_set_text (self->email_label, show_email ? email : "");
  gtk_widget_set_visible (GTK_WIDGET (self->email_label), show_email);
  if (partner != NULL && role != NULL)
    /* Translators: the partner's name, the signed-in user's role, then the portal's host */
    portal = g_strdup_printf (_("%s · %s\n%s"), partner, role, host);
  else
    portal = g_strdup_printf ("%s\n%s", partner != NULL ? partner : "", host);
  gtk_label_set_text (self->portal_label, g_strstrip (portal));
}

void
pd_account_summary_set_session (PdAccountSummary *self,
                                PdSession        *session)
{
  g_return_if_fail (PD_IS_ACCOUNT_SUMMARY (self));
  g_return_if_fail (session == NULL || PD_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  update (self);
}

static GtkLabel *
add_label (PdAccountSummary *self,
           const char       *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return GTK_LABEL (label);
}

static void
pd_account_summary_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PdAccountSummary *self = PD_ACCOUNT_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_account_summary_dispose (GObject *object)
{
  PdAccountSummary *self = PD_ACCOUNT_SUMMARY (object);
  GtkWidget *child;

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pd_account_summary_parent_class)->dispose (object);
}

static void
pd_account_summary_finalize (GObject *object)
{
  PdAccountSummary *self = PD_ACCOUNT_SUMMARY (object);

  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (pd_account_summary_parent_class)->finalize (object);
}

static void
pd_account_summary_class_init (PdAccountSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pd_account_summary_get_property;
  object_class->dispose = pd_account_summary_dispose;
  object_class->finalize = pd_account_summary_finalize;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pd_account_summary_init (PdAccountSummary *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signed in as"), -1);

  self->name_label = add_label (self, "heading");
  self->email_label = add_label (self, NULL);
  self->portal_label = add_label (self, "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->portal_label), "caption");

  self->session_signals = g_signal_group_new (PD_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::me", G_CALLBACK (update), self);
  update (self);
}
