/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-session-page.h"

/* The minimal page of a signed-in session until the tile grid comes: who and where, how the
 * sync goes, and the clients by name and status, bound to the session's model. */
struct _PdSessionPage
{
  AdwBin          parent_instance;

  PdSession      *session;
  GSignalGroup   *sync_signals;
  GSignalGroup   *account_signals;
  GSignalGroup   *organizations_signals;

  GtkLabel       *partner_label;
  GtkLabel       *account_label;
  GtkImage       *sync_icon;
  GtkLabel       *sync_label;
  GtkLabel       *count_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *error_label;
  GtkLabel       *cache_label;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (PdSessionPage, pd_session_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_SESSION, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* An enum property's nick ("up-to-date", "active"), so this page does not depend on the C
 * names of enums it only displays. */
static char *
enum_nick (GObject    *object,
           const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;
  GEnumValue *enum_value;

  if (pspec == NULL || !G_IS_PARAM_SPEC_ENUM (pspec))
    return NULL;
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);
  enum_value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, g_value_get_enum (&value));
  return enum_value != NULL ? g_strdup (enum_value->value_nick) : NULL;
}

/* Status is never shown by colour alone: a word for each. */
static const char *
organization_status_text (const char *nick)
{
  if (g_strcmp0 (nick, "active") == 0)
    return C_("organization status", "Active");
  if (g_strcmp0 (nick, "suspended") == 0)
    return C_("organization status", "Suspended");
  if (g_strcmp0 (nick, "unsubscribed") == 0)
    return C_("organization status", "Unsubscribed");
  if (g_strcmp0 (nick, "deleted") == 0)
    return C_("organization status", "Deleted");
  return C_("organization status", "Unknown status");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), status);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
update_row (GtkListItem *item)
{
  GObject *organization = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *status = gtk_widget_get_next_sibling (name);
  g_autofree char *text = NULL;
  g_autofree char *nick = NULL;

  if (organization == NULL)
    return;
  g_object_get (organization, "name", &text, NULL);
  nick = enum_nick (organization, "status");
  gtk_label_set_text (GTK_LABEL (name), text != NULL ? text : "");
  gtk_label_set_text (GTK_LABEL (status), organization_status_text (nick));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GObject *organization = gtk_list_item_get_item (item);

  update_row (item);
  /* Synced objects are updated in place: follow them. */
  g_signal_connect_object (organization, "notify::name", G_CALLBACK (update_row), item, G_CONNECT_SWAPPED);
  g_signal_connect_object (organization, "notify::status", G_CALLBACK (update_row), item, G_CONNECT_SWAPPED);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GObject *organization = gtk_list_item_get_item (item);

  if (organization != NULL)
    g_signal_handlers_disconnect_by_func (organization, update_row, item);
}

static void
update_count (PdSessionPage *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  guint n = g_list_model_get_n_items (organizations);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client", "%u clients", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
update_account (PdSessionPage *self)
{
  PdAccountInfo *account = pd_session_get_account (self->session);
  PdMe *me = pd_session_get_me (self->session);
  const char *partner = me != NULL ? pd_me_get_partner_name (me) : pd_account_info_get_partner_name (account);
  const char *email = me != NULL ? pd_me_get_user_email (me) : pd_account_info_get_user_email (account);
  g_autofree char *host = pd_account_info_dup_host (account);
  g_autofree char *line = NULL;

  gtk_label_set_text (self->partner_label, partner != NULL ? partner : host);
  /* Translators: "someone@example.com on portal.example.com" */
  line = g_strdup_printf (_("%s on %s"), email != NULL ? email : _("Signed in"), host);
  gtk_label_set_text (self->account_label, line);
}

static void
update_sync (PdSessionPage *self)
{
  PdSyncEngine *sync = pd_session_get_sync_engine (self->session);
  PdSyncState state = pd_sync_engine_get_state (sync);
  const char *status_text = pd_sync_engine_get_status_text (sync);
  const char *error = pd_sync_engine_get_error (sync);
  const char *auth_error = pd_session_get_auth_error (self->session);
  GDateTime *offline_since = pd_sync_engine_get_offline_since (sync);
  g_autofree char *text = NULL;
  const char *icon = "emblem-synchronizing-symbolic";

  switch (state)
    {
    case PD_SYNC_STATE_OFFLINE:
      icon = "network-offline-symbolic";
      if (offline_since != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (offline_since);
          g_autofree char *when = g_date_time_format (local, "%X");

          /* Translators: %s is a time of day */
          text = g_strdup_printf (_("Offline since %s: showing the clients as last seen"), when);
        }
      else
        text = g_strdup (_("Offline: showing the clients as last seen"));
      break;
    case PD_SYNC_STATE_FAILED:
      icon = "dialog-warning-symbolic";
      text = g_strdup (_("The last refresh failed"));
      break;
    case PD_SYNC_STATE_UP_TO_DATE:
      icon = "emblem-ok-symbolic";
      text = g_strdup (_("Up to date"));
      break;
    case PD_SYNC_STATE_SYNCING:
      text = g_strdup (_("Refreshing…"));
      break;
    case PD_SYNC_STATE_IDLE:
    default:
      text = g_strdup (_("Waiting to refresh"));
      break;
    }

  /* The engine's own words are more precise when it has them. */
  gtk_label_set_text (self->sync_label, status_text != NULL && status_text[0] != '\0' ? status_text : text);
  gtk_image_set_from_icon_name (self->sync_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == PD_SYNC_STATE_SYNCING);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (pd_sync_engine_get_progress (sync), 0.0, 1.0));
  /* No credentials is the more urgent news: nothing syncs without them. */
  if (auth_error != NULL)
    error = auth_error;
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && error[0] != '\0');
}

PdSessionPage *
pd_session_page_new (PdSession *session)
{
  return g_object_new (PD_TYPE_SESSION_PAGE, "session", session, NULL);
}

PdSession *
pd_session_page_get_session (PdSessionPage *self)
{
  g_return_val_if_fail (PD_IS_SESSION_PAGE (self), NULL);

  return self->session;
}

static void
set_session (PdSessionPage *self,
             PdSession     *session)
{
  const char *cache_message;
  GListModel *organizations;

  g_return_if_fail (PD_IS_SESSION (session));

  self->session = g_object_ref (session);
  organizations = pd_session_get_organizations (session);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (organizations))));
  g_signal_group_set_target (self->sync_signals, pd_session_get_sync_engine (session));
  g_signal_group_set_target (self->account_signals, session);
  g_signal_group_set_target (self->organizations_signals, organizations);

  cache_message = pd_session_get_cache_message (session);
  gtk_label_set_text (self->cache_label, cache_message != NULL ? cache_message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cache_label), cache_message != NULL);

  update_account (self);
  update_sync (self);
  update_count (self);
}

static void
pd_session_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdSessionPage *self = PD_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_session_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdSessionPage *self = PD_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_session_page_dispose (GObject *object)
{
  PdSessionPage *self = PD_SESSION_PAGE (object);

  if (self->sync_signals != NULL)
    {
      g_signal_group_set_target (self->sync_signals, NULL);
      g_signal_group_set_target (self->account_signals, NULL);
      g_signal_group_set_target (self->organizations_signals, NULL);
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->sync_signals);
  g_clear_object (&self->account_signals);
  g_clear_object (&self->organizations_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_session_page_parent_class)->dispose (object);
}

static void
pd_session_page_class_init (PdSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_session_page_dispose;
  object_class->set_property = pd_session_page_set_property;
  object_class->get_property = pd_session_page_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* No dispose_template: AdwBin drops its child itself (see PdWelcomePage). */
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/pd-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, partner_label);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, account_label);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, sync_icon);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, sync_label);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, cache_label);
  gtk_widget_class_bind_template_child (widget_class, PdSessionPage, list_view);
}

static void
pd_session_page_init (PdSessionPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  self->sync_signals = g_signal_group_new (PD_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->sync_signals, "notify", G_CALLBACK (update_sync), self);
  self->account_signals = g_signal_group_new (PD_TYPE_SESSION);
  g_signal_group_connect_swapped (self->account_signals, "notify::me", G_CALLBACK (update_account), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::auth-error", G_CALLBACK (update_sync), self);
  self->organizations_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->organizations_signals, "items-changed", G_CALLBACK (update_count), self);
}
