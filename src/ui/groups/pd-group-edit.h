/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-edit.h"
#include "pd-group.h"

G_BEGIN_DECLS

/* A change of @group through PdEdit (@group NULL: a new group), answered with the group and
 * decoded into the session's groups. @member: a path below the group (“organizations”,
 * “managers/usr_7”) or NULL for the group itself. @description: the outbox's translated
 * line. */
PdEdit   *pd_group_edit_new        (PdSession   *session,
                                    PdGroup     *group,
                                    const char  *method,
                                    const char  *member,
                                    JsonNode    *body,
                                    const char  *description);
/* { "<key>": [ids…] }, the body that adds organizations or managers */
JsonNode *pd_group_edit_ids_body   (const char          *key,
                                    const char * const  *ids);

/* Sends @edit from @widget and says how it went: @done (floating reference taken; may be
 * NULL) once the portal took it, that it waits when the portal cannot be reached, the
 * error under @error_title when refused. */
void      pd_group_edit_send       (PdEdit      *edit,
                                    GtkWidget   *widget,
                                    const char  *error_title,
                                    AdwToast    *done);
/* A toast @title whose Undo button sends @undo (a reference taken) from @widget. */
AdwToast *pd_group_edit_undo_toast (const char  *title,
                                    PdEdit      *undo,
                                    GtkWidget   *widget);
/* What removing a member says, translated: the outbox lines of the removal and of its
 * undo, the toast once done, the title of a failure. */
typedef struct {
  const char *description;
  const char *undo_description;
  const char *done;
  const char *error_title;
} PdGroupRemoval;

/* Adds @ids to @collection (“organizations”, “managers”) of @group as { @key: [@ids…] }:
 * @description for the outbox, @done once the portal took them, @error_title on refusal. */
void      pd_group_edit_add_members   (GtkWidget            *widget,
                                       PdSession            *session,
                                       PdGroup              *group,
                                       const char           *collection,
                                       const char           *key,
                                       const char * const   *ids,
                                       const char           *description,
                                       const char           *done,
                                       const char           *error_title);
/* Removes @member_id from @collection (“organizations”, “managers”) of @group, with a toast
 * whose Undo adds it back: the portal takes { @key: [@member_id] } there again. */
void      pd_group_edit_remove_member (GtkWidget            *widget,
                                       PdSession            *session,
                                       PdGroup              *group,
                                       const char           *collection,
                                       const char           *key,
                                       const char           *member_id,
                                       const PdGroupRemoval *texts);
/* A toast showing @text as it is (not as markup) */
AdwToast *pd_group_edit_toast_new  (const char  *text);
/* What “queued” shows: the change waits in the outbox. */
void      pd_group_edit_say_queued (GtkWidget   *widget);

G_END_DECLS
