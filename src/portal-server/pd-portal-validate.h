/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal-http.h"

G_BEGIN_DECLS

/* Validates a JSON object member by member, collecting every problem as a 422 field error
 * so the user sees all of them at once. Getters return NULL/FALSE for absent or bad values. */
typedef struct _PdPortalValidation PdPortalValidation;

typedef enum {
  PD_FIELD_OPTIONAL = 0,
  PD_FIELD_REQUIRED = 1 << 0,
  PD_FIELD_NULLABLE = 1 << 1,   /* JSON null is accepted (getter returns NULL, *is_null set) */
} PdFieldFlags;

/* For the request body, which must be a JSON object. */
PdPortalValidation *pd_portal_validation_new        (PdPortalRequest     *req);
/* For a nested object; field names get @prefix ("items[3]."). */
PdPortalValidation *pd_portal_validation_new_nested (PdPortalValidation  *parent,
                                                     JsonNode            *node,
                                                     const char          *prefix);
void                pd_portal_validation_free       (PdPortalValidation  *v);

JsonObject *pd_portal_validation_object   (PdPortalValidation *v);
gboolean    pd_portal_validation_has      (PdPortalValidation *v,
                                           const char         *member);
gboolean    pd_portal_validation_is_null  (PdPortalValidation *v,
                                           const char         *member);
void        pd_portal_validation_error    (PdPortalValidation *v,
                                           const char         *field,
                                           const char         *code,
                                           const char         *message_format,
                                           ...) G_GNUC_PRINTF (4, 5);
/* Members not in @allowed (NULL-terminated) are errors: typos must not pass silently. */
void        pd_portal_validation_only     (PdPortalValidation *v,
                                           const char *const  *allowed);

/* Trimmed length in characters within [min, max]; no control characters. */
const char *pd_portal_validate_string     (PdPortalValidation *v,
                                           const char         *member,
                                           PdFieldFlags        flags,
                                           guint               min_chars,
                                           guint               max_chars);
const char *pd_portal_validate_email      (PdPortalValidation *v,
                                           const char         *member,
                                           PdFieldFlags        flags);
const char *pd_portal_validate_enum       (PdPortalValidation *v,
                                           const char         *member,
                                           PdFieldFlags        flags,
                                           const char *const  *choices);
gboolean    pd_portal_validate_bool       (PdPortalValidation *v,
                                           const char         *member,
                                           PdFieldFlags        flags,
                                           gboolean           *out);
gboolean    pd_portal_validate_int        (PdPortalValidation *v,
                                           const char         *member,
                                           PdFieldFlags        flags,
                                           gint64              min,
                                           gint64              max,
                                           gint64             *out);
/* An array of strings (1..max_items unless empty allowed with min_items 0). */
GStrv       pd_portal_validate_strings    (PdPortalValidation *v,
                                           const char         *member,
                                           PdFieldFlags        flags,
                                           guint               min_items,
                                           guint               max_items);
/* The elements of an array member, for nested validation. */
JsonArray  *pd_portal_validate_array      (PdPortalValidation *v,
                                           const char         *member,
                                           PdFieldFlags        flags,
                                           guint               min_items,
                                           guint               max_items);

gboolean    pd_portal_is_email            (const char         *text);

/* TRUE when there were errors: a 422 was sent. */
gboolean    pd_portal_validation_failed   (PdPortalValidation *v);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPortalValidation, pd_portal_validation_free)

G_END_DECLS
