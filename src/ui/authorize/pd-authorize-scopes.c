/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-authorization-scope.h"
#include "pd-authorize-scopes.h"

struct _PdAuthorizeScopes
{
  GtkBox                parent_instance;

  AdwPreferencesGroup  *required_group;
  AdwPreferencesGroup  *optional_group;
  GPtrArray            *rows;      /* every AdwActionRow added, to remove them again */
  GPtrArray            *optional;  /* GtkCheckButton of each optional scope, key as data */
  guint                 n_required;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PdAuthorizeScopes, pd_authorize_scopes, GTK_TYPE_BOX)

static void
check_toggled_cb (PdAuthorizeScopes *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
add_row (PdAuthorizeScopes    *self,
         PdAuthorizationScope *scope,
         gboolean              checked)
{
  gboolean required = pd_authorization_scope_get_required (scope);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_authorization_scope_get_description (scope));
  /* The key is what the consent page and the tenant's admin centre show. */
  subtitle = pd_authorization_scope_get_granted (scope)
    /* Translators: %s is a permission's technical name, e.g. “mail.read” */
    ? g_strdup_printf (_("%s · Granted"), pd_authorization_scope_get_key (scope))
    : g_strdup (pd_authorization_scope_get_key (scope));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), required || checked);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  if (required)
    {
      /* Fixed, yet still read out: insensitive rows are skipped by some screen readers. */
      gtk_widget_set_sensitive (check, FALSE);
      gtk_widget_set_tooltip_text (row, _("The backup cannot work without this permission"));
    }
  else
    {
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "key", g_strdup (pd_authorization_scope_get_key (scope)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->optional, check);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (required ? self->required_group : self->optional_group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

void
pd_authorize_scopes_set_scopes (PdAuthorizeScopes  *self,
                                GListModel         *scopes,
                                const char * const *chosen)
{
  guint n_optional = 0;

  g_return_if_fail (PD_IS_AUTHORIZE_SCOPES (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gboolean required = gtk_widget_is_ancestor (row, GTK_WIDGET (self->required_group));

      adw_preferences_group_remove (required ? self->required_group : self->optional_group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->optional, 0);
  self->n_required = 0;

  for (guint i = 0; scopes != NULL && i < g_list_model_get_n_items (scopes); i++)
    {
      g_autoptr(PdAuthorizationScope) scope = g_list_model_get_item (scopes, i);
      const char *key = pd_authorization_scope_get_key (scope);
      gboolean checked = chosen != NULL ? g_strv_contains (chosen, key) : pd_authorization_scope_get_granted (scope);

      add_row (self, scope, checked);
      if (pd_authorization_scope_get_required (scope))
        self->n_required++;
      else
        n_optional++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->required_group), self->n_required > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->optional_group), n_optional > 0);
}

char **
pd_authorize_scopes_dup_optional (PdAuthorizeScopes *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PD_IS_AUTHORIZE_SCOPES (self), NULL);

  for (guint i = 0; i < self->optional->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->optional, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "key"));
    }
  return g_strv_builder_end (builder);
}

guint
pd_authorize_scopes_get_n_checked (PdAuthorizeScopes *self)
{
  g_auto(GStrv) optional = NULL;

  g_return_val_if_fail (PD_IS_AUTHORIZE_SCOPES (self), 0);

  optional = pd_authorize_scopes_dup_optional (self);
  return self->n_required + g_strv_length (optional);
}

static void
pd_authorize_scopes_finalize (GObject *object)
{
  PdAuthorizeScopes *self = PD_AUTHORIZE_SCOPES (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->optional);
  G_OBJECT_CLASS (pd_authorize_scopes_parent_class)->finalize (object);
}

static void
pd_authorize_scopes_class_init (PdAuthorizeScopesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pd_authorize_scopes_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_authorize_scopes_init (PdAuthorizeScopes *self)
{
  self->rows = g_ptr_array_new ();
  self->optional = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);

  self->required_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->required_group, _("Required"));
  adw_preferences_group_set_description (self->required_group,
                                         _("The backup needs these to read and restore the service’s data."));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->required_group));

  self->optional_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->optional_group, _("Optional"));
  adw_preferences_group_set_description (self->optional_group,
                                         _("Ask for these too only if the client wants what they allow."));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->optional_group));
}

GtkWidget *
pd_authorize_scopes_new (void)
{
  return g_object_new (PD_TYPE_AUTHORIZE_SCOPES, NULL);
}
