/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Decoding errors name the resource and the field: “Organization: “plan.type” must be a
 * string”. Unknown members are ignored; an unknown enum value is not an error (it maps to
 * the enum's *_UNKNOWN value, and the raw text is kept for display). */
#define PD_DECODE_ERROR (pd_decode_error_quark ())
typedef enum {
  PD_DECODE_ERROR_MISSING,   /* a required member is absent */
  PD_DECODE_ERROR_TYPE,      /* wrong JSON type, or a malformed time / id */
  PD_DECODE_ERROR_INVALID,   /* well-typed but impossible (negative count, empty id) */
  PD_DECODE_ERROR_SYNTAX,    /* pd_resource_new_from_text(): the text is not strict JSON */
} PdDecodeError;
GQuark pd_decode_error_quark (void);

/* The base of every resource of the contract: id, ETag and times, plus strict decoding
 * and in-place update. Subclasses describe their fields; see pd-resource-private.h. */
#define PD_TYPE_RESOURCE (pd_resource_get_type ())
G_DECLARE_DERIVABLE_TYPE (PdResource, pd_resource, PD, RESOURCE, GObject)

struct _PdResourceClass
{
  GObjectClass parent_class;

  /* Fills @self from @object; every required member checked. Runs on any thread
   * on an object no other thread sees yet. */
  gboolean (*decode) (PdResource  *self,
                      JsonObject  *object,
                      GError     **error);
  /* Copies every field of @from (same type) into @self, notifying only what changed. */
  void     (*update) (PdResource  *self,
                      PdResource  *from);

  /*< private >*/
  gpointer meta;   /* the class's field table (pd-resource-fields.h) */
  gpointer padding[7];
};

/* Decodes an object of @type (a PdResource subclass). Safe on any thread. */
PdResource *pd_resource_new_from_json   (GType         type,
                                         JsonNode     *node,
                                         GError      **error);
/* Same, from JSON text (the cache, the fuzzer) */
PdResource *pd_resource_new_from_data   (GType         type,
                                         const char   *data,
                                         gssize        length,
                                         GError      **error);
/* Same, read straight from the text without a json-glib tree (the sync path: much faster).
 * The text must be strict JSON (RFC 8259: UTF-8, no lone surrogates or \u0000, at most 64
 * levels, nothing after the value), else PD_DECODE_ERROR_SYNTAX; the fields are decoded by
 * the class's field table with the rules and messages of pd_resource_new_from_json() (a
 * subclass's own decode() is not used). Safe on any thread. */
PdResource *pd_resource_new_from_text   (GType         type,
                                         const char   *data,
                                         gsize         length,
                                         GError      **error);
/* In-place update for bound widgets: notifies only the properties whose value changed.
 * @from must have the same type and id. */
void        pd_resource_update          (PdResource   *self,
                                         PdResource   *from);

const char *pd_resource_get_id          (PdResource   *self);
/* NULL for resources without one (in-app notifications) */
const char *pd_resource_get_etag        (PdResource   *self);
/* Counts the updates the resource had in place (pd_resource_update()): what was derived
 * from it at another revision is out of date. */
guint       pd_resource_get_revision    (PdResource   *self);
GDateTime  *pd_resource_get_created_at  (PdResource   *self);
GDateTime  *pd_resource_get_updated_at  (PdResource   *self);
/* Parent resource id for nested lists (service → organization, account → service), or NULL */
const char *pd_resource_get_parent_id   (PdResource   *self);

G_END_DECLS
