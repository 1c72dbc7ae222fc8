/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to the notifications module: the built-in catalogue of notification types. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *key;
  const char *name;
} PdNotificationGroup;

typedef struct {
  const char *key;                    /* "<group>.<event>" */
  const char *group;
  const char *name;
  const char *description;
  const char *audience;               /* "organization" or "partner": who receives the e-mail */
  gboolean    recommended_enabled;
  const char *recommended_frequency;  /* immediate (organization audience only), daily, weekly, monthly */
  const char *subject;                /* templates with {placeholders}, see pd_notification_render() */
  const char *body;
} PdNotificationType;

/* NULL-terminated (by key), in display order. */
extern const PdNotificationGroup pd_notification_groups[];
extern const PdNotificationType  pd_notification_types[];

/* Replaces each {placeholder} of @template with sample data (unknown ones stay as they are). */
char *pd_notification_render (const char *template);

G_END_DECLS
