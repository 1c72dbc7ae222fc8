/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-resource.h"

G_BEGIN_DECLS

/* A resource class is mostly a table of PdFields: where each value sits in the JSON object
 * (a dotted path, nested objects flattened), what it must be, and where it is stored in the
 * instance. pd_resource_class_install_fields() turns the table into read-only properties;
 * the base class then decodes, compares, copies, notifies and frees every field, so a
 * subclass only writes its struct, the table and its getters. */

typedef enum {
  PD_FIELD_STRING,   /* char *          */
  PD_FIELD_INT64,    /* gint64          */
  PD_FIELD_BOOL,     /* gboolean        */
  PD_FIELD_DOUBLE,   /* double          */
  PD_FIELD_TIME,     /* GDateTime *     RFC 3339 with an offset */
  PD_FIELD_ENUM,     /* int             a GEnum by nick; unknown → 0, raw text kept */
  PD_FIELD_STRV,     /* GStrv           array of strings */
  PD_FIELD_LIST,     /* PdResourceList* array of objects with ids, updated in place */
  PD_FIELD_ARRAY,    /* GListStore *    array of objects without ids, replaced when changed */
  PD_FIELD_PRESENT,  /* gboolean        an object member that may be null: TRUE when an object */
} PdFieldType;

typedef enum {
  PD_FIELD_REQUIRED        = 0,
  PD_FIELD_NULLABLE        = 1 << 0,  /* null allowed: NULL, 0, FALSE, or the enum's "none" */
  PD_FIELD_OPTIONAL        = 1 << 1,  /* may be absent */
  PD_FIELD_NON_NEGATIVE    = 1 << 2,  /* integers: below 0 is PD_DECODE_ERROR_INVALID */
  PD_FIELD_PARENT_NULLABLE = 1 << 3,  /* an enclosing object may be null (see PRESENT) */
} PdFieldFlags;

/* Fields stored by the base class rather than in the subclass struct */
typedef enum {
  PD_FIELD_ROLE_NONE,
  PD_FIELD_ROLE_ID,
  PD_FIELD_ROLE_ETAG,
  PD_FIELD_ROLE_CREATED_AT,
  PD_FIELD_ROLE_UPDATED_AT,
  PD_FIELD_ROLE_PARENT_ID,
} PdFieldRole;

typedef struct {
  const char   *path;       /* "plan.name" */
  const char   *property;   /* "plan-name"; NULL for role fields */
  PdFieldType   type;
  PdFieldFlags  flags;
  PdFieldRole   role;
  gsize         offset;     /* into the instance struct (role NONE only) */
  GType       (*get_type) (void);  /* ENUM: the enum; LIST/ARRAY: the item type */
} PdField;

#define PD_FIELD(path, prop, type, flags, Struct, member) \
  { path, prop, type, flags, PD_FIELD_ROLE_NONE, G_STRUCT_OFFSET (Struct, member), NULL }
#define PD_FIELD_TYPED(path, prop, type, flags, Struct, member, get_type) \
  { path, prop, type, flags, PD_FIELD_ROLE_NONE, G_STRUCT_OFFSET (Struct, member), get_type }
#define PD_FIELD_BASE(path, type, flags, role) \
  { path, NULL, type, flags, role, 0, NULL }
#define PD_FIELD_ID(path)         PD_FIELD_BASE (path, PD_FIELD_STRING, PD_FIELD_REQUIRED, PD_FIELD_ROLE_ID)
#define PD_FIELD_ETAG             PD_FIELD_BASE ("etag", PD_FIELD_STRING, PD_FIELD_REQUIRED, PD_FIELD_ROLE_ETAG)
#define PD_FIELD_CREATED_AT       PD_FIELD_BASE ("created_at", PD_FIELD_TIME, PD_FIELD_REQUIRED, PD_FIELD_ROLE_CREATED_AT)
#define PD_FIELD_UPDATED_AT       PD_FIELD_BASE ("updated_at", PD_FIELD_TIME, PD_FIELD_REQUIRED, PD_FIELD_ROLE_UPDATED_AT)
#define PD_FIELD_PARENT_ID(path)  PD_FIELD_BASE (path, PD_FIELD_STRING, PD_FIELD_REQUIRED, PD_FIELD_ROLE_PARENT_ID)

/* Call once from class_init. @display_name is untranslated (mark it with N_()) and names
 * the resource in decoding errors. @fields must be static. Installs the properties and
 * takes over get_property, constructed and finalize. */
void        pd_resource_class_install_fields (PdResourceClass *klass,
                                              const char      *display_name,
                                              const PdField   *fields,
                                              guint            n_fields);

/* Decodes @object into @self, naming members as @prefix.member in errors (for nested
 * items; NULL at the top). */
gboolean    pd_resource_decode_object        (PdResource      *self,
                                              JsonObject      *object,
                                              const char      *prefix,
                                              GError         **error);

G_END_DECLS
