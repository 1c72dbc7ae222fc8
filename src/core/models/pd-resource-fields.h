/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-json-decode.h"
#include "pd-resource-private.h"

G_BEGIN_DECLS

/* Internal to the models folder: what the base class knows of each subclass's table, and
 * one operation per field type (pd-resource-fields.c). */

typedef struct _PdFieldTree PdFieldTree;

typedef struct {
  const char     *display_name;
  const PdField  *fields;
  guint           n_fields;
  GParamSpec    **pspecs;     /* per field; NULL for role fields */
  int             id_field;   /* index of the id field, or -1 */
  PdFieldTree    *tree;       /* the paths as a tree, for decoding text (pd-resource-text.c) */
} PdResourceMeta;

PdResourceMeta *pd_resource_meta_get          (GType          type);
void            pd_resource_meta_set          (PdResourceClass *klass,
                                               PdResourceMeta  *meta);

GParamSpec     *pd_resource_field_param_spec  (const PdField *field);
void            pd_resource_field_clear       (PdResource    *self,
                                               const PdField *field,
                                               gpointer       ptr);
void            pd_resource_field_get_value   (PdResource    *self,
                                               const PdField *field,
                                               gconstpointer  ptr,
                                               GValue        *value);
/* Copies @src into @dst; TRUE when the value changed */
gboolean        pd_resource_field_copy        (PdResource    *self,
                                               const PdField *field,
                                               gpointer       dst,
                                               gconstpointer  src);
gboolean        pd_resource_field_equal       (const PdField *field,
                                               gconstpointer  a,
                                               gconstpointer  b);
gboolean        pd_resource_field_decode      (PdResource    *self,
                                               guint          index,
                                               const PdField *field,
                                               gpointer       ptr,
                                               JsonObject    *object,
                                               const char    *prefix,
                                               GError       **error);

/* “@prefix.@path” (@len bytes of @path, or all when negative), for messages */
char           *pd_resource_member_path       (const char    *prefix,
                                               const char    *path,
                                               gssize         len);
/* Sets the “must be …” error of @type for the member at @path; returns FALSE */
gboolean        pd_resource_field_type_error  (GError       **error,
                                               const char    *path,
                                               PdFieldType    type);
void            pd_resource_field_set_null    (const PdField *field,
                                               gpointer       ptr);

/* pd-resource-text.c */
PdFieldTree    *pd_field_tree_new             (const PdField *fields,
                                               guint          n_fields);
/* The field's storage in @self (subclass struct or base private data) */
gpointer        pd_resource_field_ptr         (PdResource    *self,
                                               const PdField *field);
/* The error's subject: “Organization “org_12”” when @id is a usable id, else the name */
char           *pd_resource_describe          (PdResourceMeta *meta,
                                               const char     *id);

void            pd_resource_set_raw_enum      (PdResource    *self,
                                               guint          index,
                                               const char    *text);

G_END_DECLS
