/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"

G_BEGIN_DECLS

/* Translated product names ("Exchange", "Google Drive") */
const char *pd_service_application_get_name      (PdServiceApplication application);
/* A symbolic icon of the Adwaita theme that reads as the application */
const char *pd_service_application_get_icon_name (PdServiceApplication application);
/* "Microsoft 365", "Google Workspace" */
const char *pd_service_suite_get_name            (PdServiceSuite       suite);

G_END_DECLS
