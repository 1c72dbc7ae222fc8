/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-me.h"
#include "pd-organization.h"
#include "pd-permission-gate.h"
#include "pd-permission-text.h"
#include "pd-resource-list.h"

/* The gates of one widget, kept on it. The session is held weakly through the signal
 * connection (g_signal_connect_object): a widget outliving its session just stays as is. */
typedef struct {
  char                 *permission;
  char                 *organization_id;  /* or NULL */
  PdPermissionGateMode  mode;
} Rule;

typedef struct {
  GtkWidget *widget;     /* not owned: the state lives on it */
  PdSession *session;    /* not owned: set by the first gate with a session */
  GPtrArray *rules;      /* Rule */
  char      *reason;     /* the item's own reason, or NULL */
  char      *tooltip;    /* the widget's own tooltip, given back when allowed */
  gboolean   hidden;     /* hidden by a HIDE rule, so shown again when allowed */
} Gate;

static const char gate_key[] = "pd-permission-gate";

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->permission);
  g_free (rule->organization_id);
  g_free (rule);
}

static void
gate_free (gpointer data)
{
  Gate *gate = data;

  g_ptr_array_unref (gate->rules);
  g_free (gate->reason);
  g_free (gate->tooltip);
  g_free (gate);
}

gboolean
pd_permission_in_scope (PdSession  *session,
                        const char *organization_id)
{
  PdMe *me;
  const char * const *ids;

  g_return_val_if_fail (PD_IS_SESSION (session), FALSE);
  g_return_val_if_fail (organization_id != NULL, FALSE);

  me = pd_session_get_me (session);
  if (me == NULL)
    return FALSE;
  if (pd_me_get_access_scope_all_organizations (me))
    return TRUE;
  ids = pd_me_get_access_scope_organization_ids (me);
  return ids != NULL && g_strv_contains (ids, organization_id);
}

char *
pd_permission_explain_missing (PdSession  *session,
                               const char *permission)
{
  PdMe *me;
  const char *title;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (permission != NULL, NULL);

  me = pd_session_get_me (session);
  title = pd_permission_text_title (permission, NULL);
  if (me == NULL || pd_me_get_role_name (me) == NULL)
    /* Translators: %s is what a permission allows, e.g. “Manage partner users” */
    return g_strdup_printf (_("Your role does not have the permission “%s”."), title);
  /* Translators: the first %s is a role (“Technician”), the second what a permission
   * allows, e.g. “Manage partner users” */
  return g_strdup_printf (_("Your role “%s” does not have the permission “%s”."), pd_me_get_role_name (me), title);
}

static char *
explain_out_of_scope (PdSession  *session,
                      const char *organization_id)
{
  GListModel *organizations = pd_session_get_organizations (session);
  PdResource *organization = NULL;

  if (PD_IS_RESOURCE_LIST (organizations))
    organization = pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), organization_id);
  if (PD_IS_ORGANIZATION (organization))
    /* Translators: %s is a client's name */
    return g_strdup_printf (_("“%s” is outside the access scope of your groups."),
                            pd_organization_get_name (PD_ORGANIZATION (organization)));
  return g_strdup (_("This client is outside the access scope of your groups."));
}

/* Why the widget's action is not allowed (first failing rule, then the item's reason), or
 * NULL; *hide says whether that rule hides rather than disables. */
static char *
gate_explain (Gate     *gate,
              gboolean *hide)
{
  *hide = FALSE;
  for (guint i = 0; gate->session != NULL && i < gate->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (gate->rules, i);

      *hide = rule->mode == PD_PERMISSION_GATE_HIDE;
      if (!pd_session_has_permission (gate->session, rule->permission))
        return pd_permission_explain_missing (gate->session, rule->permission);
      if (rule->organization_id != NULL && !pd_permission_in_scope (gate->session, rule->organization_id))
        return explain_out_of_scope (gate->session, rule->organization_id);
    }
  *hide = FALSE;
  return g_strdup (gate->reason);
}

static void
gate_update (Gate *gate)
{
  gboolean hide;
  g_autofree char *why = gate_explain (gate, &hide);

  if (why == NULL)
    {
      gtk_widget_set_sensitive (gate->widget, TRUE);
      gtk_widget_set_tooltip_text (gate->widget, gate->tooltip);
      if (gate->hidden)
        gtk_widget_set_visible (gate->widget, TRUE);
      gate->hidden = FALSE;
    }
  else if (hide)
    {
      gtk_widget_set_visible (gate->widget, FALSE);
      gate->hidden = TRUE;
    }
  else
    {
      gtk_widget_set_sensitive (gate->widget, FALSE);
      gtk_widget_set_tooltip_text (gate->widget, why);
      if (gate->hidden)
        gtk_widget_set_visible (gate->widget, TRUE);
      gate->hidden = FALSE;
    }
}

static void
me_changed_cb (PdSession *session,
               GParamSpec *pspec,
               GtkWidget  *widget)
{
  Gate *gate = g_object_get_data (G_OBJECT (widget), gate_key);

  if (gate != NULL)
    gate_update (gate);
}

static Gate *
gate_ensure (GtkWidget *widget,
             PdSession *session)
{
  Gate *gate = g_object_get_data (G_OBJECT (widget), gate_key);

  if (gate == NULL)
    {
      gate = g_new0 (Gate, 1);
      gate->widget = widget;
      gate->rules = g_ptr_array_new_with_free_func (rule_free);
      gate->tooltip = g_strdup (gtk_widget_get_tooltip_text (widget));
      g_object_set_data_full (G_OBJECT (widget), gate_key, gate, gate_free);
    }
  if (session != NULL && gate->session == NULL)
    {
      gate->session = session;
      g_signal_connect_object (session, "notify::me", G_CALLBACK (me_changed_cb), widget, 0);
    }
  return gate;
}

static void
add_rule (GtkWidget            *widget,
          PdSession            *session,
          const char           *permission,
          const char           *organization_id,
          PdPermissionGateMode  mode)
{
  Gate *gate = gate_ensure (widget, session);
  Rule *rule = g_new0 (Rule, 1);

  g_return_if_fail (gate->session == session);

  rule->permission = g_strdup (permission);
  rule->organization_id = g_strdup (organization_id);
  rule->mode = mode;
  g_ptr_array_add (gate->rules, rule);
  gate_update (gate);
}

void
pd_permission_gate (GtkWidget            *widget,
                    PdSession            *session,
                    const char           *permission,
                    PdPermissionGateMode  mode)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (permission != NULL);

  add_rule (widget, session, permission, NULL, mode);
}

void
pd_permission_gate_organization (GtkWidget  *widget,
                                 PdSession  *session,
                                 const char *permission,
                                 const char *organization_id)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (permission != NULL && organization_id != NULL);

  add_rule (widget, session, permission, organization_id, PD_PERMISSION_GATE_DISABLE);
}

void
pd_permission_gate_set_reason (GtkWidget  *widget,
                               const char *reason)
{
  Gate *gate;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gate = gate_ensure (widget, NULL);
  if (g_strcmp0 (gate->reason, reason) == 0)
    return;
  g_free (gate->reason);
  gate->reason = g_strdup (reason);
  gate_update (gate);
}
