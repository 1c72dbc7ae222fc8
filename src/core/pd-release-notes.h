/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PD_RELEASE_NOTES_ERROR (pd_release_notes_error_quark ())

typedef enum {
  PD_RELEASE_NOTES_ERROR_NO_RELEASE,
} PdReleaseNotesError;

GQuark   pd_release_notes_error_quark (void);

gboolean pd_release_notes_parse (const char         *metainfo,
                                 gssize              length,
                                 const char * const *languages,
                                 char              **version,
                                 char              **markup,
                                 GError            **error);

G_END_DECLS
