/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-group-edit.h"

PdEdit *
pd_group_edit_new (PdSession  *session,
                   PdGroup    *group,
                   const char *method,
                   const char *member,
                   JsonNode   *body,
                   const char *description)
{
  g_autofree char *path = NULL;
  const char *if_match = NULL;
  PdEdit *edit;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (group == NULL || PD_IS_GROUP (group), NULL);

  if (group == NULL)
    path = g_strdup ("/api/v1/groups");
  else
    path = g_strconcat ("/api/v1/groups/", pd_resource_get_id (PD_RESOURCE (group)),
                        member != NULL ? "/" : "", member, NULL);
  /* Adding organizations or managers is safe to repeat, so it does not depend on what the
   * group was (an Undo right after another change would otherwise conflict). */
  if (group != NULL && !g_str_equal (method, "POST"))
    if_match = pd_resource_get_etag (PD_RESOURCE (group));
  edit = pd_edit_new (session, method, path, body, if_match, description);
  /* Deleting the group removes it from the list; removing a member answers with the group,
   * which PdEdit puts into the list. */
  pd_edit_set_target (edit, pd_session_get_groups (session), NULL);
  pd_edit_add_field_label (edit, "name", _("Name"));
  pd_edit_add_field_label (edit, "description", _("Description"));
  return edit;
}

JsonNode *
pd_group_edit_ids_body (const char         *key,
                        const char * const *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

AdwToast *
pd_group_edit_toast_new (const char *text)
{
  /* Toast titles are markup in libadwaita 1.2; names may hold “&” or “<”. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
pd_group_edit_say_queued (GtkWidget *widget)
{
  pd_edit_add_toast (widget, pd_group_edit_toast_new (_("The portal cannot be reached: the change is sent when it is back")));
}

typedef struct {
  GtkWidget *widget;
  char      *error_title;
  AdwToast  *done;
} SendData;

static void
send_data_free (SendData *data)
{
  g_object_unref (data->widget);
  g_free (data->error_title);
  g_clear_object (&data->done);
  g_free (data);
}

static void
queued_cb (PdEdit   *edit,
           SendData *data)
{
  pd_group_edit_say_queued (data->widget);
}

static void
send_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SendData *data = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (object, queued_cb, data);
  response = pd_edit_run_finish (PD_EDIT (object), result, &error);
  if (response == NULL)
    pd_edit_show_error (data->widget, data->error_title, error);
  else
    {
      if (data->done != NULL)
        pd_edit_add_toast (data->widget, g_steal_pointer (&data->done));
    }
  send_data_free (data);
}

void
pd_group_edit_send (PdEdit     *edit,
                    GtkWidget  *widget,
                    const char *error_title,
                    AdwToast   *done)
{
  SendData *data;

  g_return_if_fail (PD_IS_EDIT (edit));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  data = g_new0 (SendData, 1);
  data->widget = g_object_ref (widget);
  data->error_title = g_strdup (error_title);
  data->done = done != NULL ? g_object_ref_sink (done) : NULL;
  g_signal_connect (edit, "queued", G_CALLBACK (queued_cb), data);
  pd_edit_run_async (edit, widget, NULL, send_done_cb, data);
}

static void
undo_clicked_cb (AdwToast  *toast,
                 GtkWidget *widget)
{
  PdEdit *undo = g_object_get_data (G_OBJECT (toast), "pd-group-undo");

  pd_group_edit_send (undo, widget, _("Could not undo"), NULL);
}

AdwToast *
pd_group_edit_undo_toast (const char *title,
                          PdEdit     *undo,
                          GtkWidget  *widget)
{
  AdwToast *toast = pd_group_edit_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "pd-group-undo", g_object_ref (undo), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), widget, 0);
  return toast;
}

void
pd_group_edit_remove_member (GtkWidget            *widget,
                             PdSession            *session,
                             PdGroup              *group,
                             const char           *collection,
                             const char           *key,
                             const char           *member_id,
                             const PdGroupRemoval *texts)
{
  g_autofree char *member = g_strconcat (collection, "/", member_id, NULL);
  g_autoptr(JsonNode) body = pd_group_edit_ids_body (key, (const char *[]) { member_id, NULL });
  g_autoptr(PdEdit) edit = pd_group_edit_new (session, group, "DELETE", member, NULL, texts->description);
  g_autoptr(PdEdit) undo = pd_group_edit_new (session, group, "POST", collection, body, texts->undo_description);

  pd_group_edit_send (edit, widget, texts->error_title, pd_group_edit_undo_toast (texts->done, undo, widget));
}

void
pd_group_edit_add_members (GtkWidget          *widget,
                           PdSession          *session,
                           PdGroup            *group,
                           const char         *collection,
                           const char         *key,
                           const char * const *ids,
                           const char         *description,
                           const char         *done,
                           const char         *error_title)
{
  g_autoptr(JsonNode) body = pd_group_edit_ids_body (key, ids);
  g_autoptr(PdEdit) edit = pd_group_edit_new (session, group, "POST", collection, body, description);

  pd_group_edit_send (edit, widget, error_title, pd_group_edit_toast_new (done));
}
