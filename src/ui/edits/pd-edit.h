/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-outbox.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* One change to the portal made from the UI (create, edit, remove), delivered through the
 * session's outbox so nothing typed is lost, with what every editor needs around it:
 *
 * * 2xx: the answer (a resource) is decoded into the target list, if one was set, so bound
 *   widgets follow at once; a DELETE without an answer removes the target id from it. A delta
 *   sync follows so the cache and the other lists catch up. Completes with the PdPortalResponse.
 * * The portal cannot be reached: "queued" is emitted once (the change waits in the outbox
 *   and goes out by itself when the portal is back); the task completes later, when it does.
 *   An editor usually closes on "queued" with a toast saying so.
 * * 412 (someone else changed it): a conflict dialog, transient for the parent's window,
 *   shows theirs and mine side by side. "Use Mine" sends mine again on top of theirs and the
 *   task completes with that answer; "Keep Theirs" drops mine, puts theirs into the target
 *   list and completes with G_IO_ERROR_CANCELLED (the user chose; nothing more to say).
 * * 422: completes with the PD_PORTAL_ERROR_VALIDATION error
 *   (pd_portal_error_get_field_errors() names the fields); the caller keeps the input and
 *   shows the errors inline. The outbox entry is withdrawn: the corrected input is a new edit.
 * * Any other final answer (403 with the permission named, 404, 409, …): completes with the
 *   PdPortalError, whose message is human and translated; the entry is withdrawn.
 *   pd_edit_show_error() shows it as a toast with details.
 */
#define PD_TYPE_EDIT (pd_edit_get_type ())
G_DECLARE_FINAL_TYPE (PdEdit, pd_edit, PD, EDIT, GObject)

/* @method: POST, PATCH, PUT or DELETE; @path: "/api/v1/…"; @body: JSON or NULL (a reference
 * is taken); @if_match: the ETag the change is based on (pd_resource_get_etag()), or NULL;
 * @description: a translated line for the outbox and the conflict dialog, e.g.
 * “Change the role of Ada Lovelace”. */
PdEdit           *pd_edit_new             (PdSession           *session,
                                           const char          *method,
                                           const char          *path,
                                           JsonNode            *body,
                                           const char          *if_match,
                                           const char          *description);
/* A secret in the body (a password): see PD_OUTBOX_FLAG_SECRET. */
void              pd_edit_set_flags       (PdEdit              *self,
                                           PdOutboxFlags        flags);
/* A change that only makes sense now (a one-time sign-in link): when the portal cannot be
 * reached it is withdrawn from the outbox and the edit completes with
 * PD_PORTAL_ERROR_OFFLINE instead of waiting there ("queued" is not emitted). */
void              pd_edit_set_now_only    (PdEdit              *self,
                                           gboolean             now_only);
/* The session list (a PdResourceList, e.g. pd_session_get_users()) that the answer goes
 * into, and for a DELETE without an answer the id removed from it (default: the last segment
 * of the path); a DELETE answered with an item (a member removed) puts that item in. */
void              pd_edit_set_target      (PdEdit              *self,
                                           GListModel          *list,
                                           const char          *id);
/* Names the fields of the conflict dialog: @field (a top-level key of the body, e.g.
 * "role_id") is shown as @label. Fields without a label are shown by their key. */
void              pd_edit_add_field_label (PdEdit              *self,
                                           const char          *field,
                                           const char          *label);

/* Shows a field's value in the conflict dialog (e.g. a role id as the role's name): a new
 * string, or NULL for the default (text, yes/no, numbers, lists joined by commas). */
typedef char *(*PdEditFormatFunc) (const char *field,
                                   JsonNode   *value,
                                   gpointer    user_data);
void              pd_edit_set_formatter   (PdEdit              *self,
                                           PdEditFormatFunc     func,
                                           gpointer             user_data,
                                           GDestroyNotify       destroy);

/* @parent: any widget of the window the edit comes from (for the conflict dialog). */
void              pd_edit_run_async       (PdEdit              *self,
                                           GtkWidget           *parent,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
PdPortalResponse *pd_edit_run_finish      (PdEdit              *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* The decoded answer of a 2xx (owned by the edit), NULL before or without one */
PdResource       *pd_edit_get_resource    (PdEdit              *self);

/* Shows @error under @title as a toast with a details view (win.show-error); nothing for
 * G_IO_ERROR_CANCELLED. */
void              pd_edit_show_error      (GtkWidget           *widget,
                                           const char          *title,
                                           const GError        *error);
/* Adds @toast (floating reference taken) to the session view's toast overlay, from any
 * widget of the main window or of a dialog transient for it. FALSE when none was found. */
gboolean          pd_edit_add_toast       (GtkWidget           *widget,
                                           AdwToast            *toast);

G_END_DECLS
