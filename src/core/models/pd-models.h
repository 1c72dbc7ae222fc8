/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every resource of the contract, PdResourceList and PdResourceKind, in one include. */

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-kind.h"
#include "pd-resource-list.h"
#include "pd-account-section.h"
#include "pd-account.h"
#include "pd-api-key.h"
#include "pd-audit-entry.h"
#include "pd-authorization-scope.h"
#include "pd-authorization.h"
#include "pd-dashboard-attention.h"
#include "pd-dashboard.h"
#include "pd-group-manager.h"
#include "pd-group.h"
#include "pd-in-app-notification.h"
#include "pd-me-group.h"
#include "pd-me.h"
#include "pd-notification-setting.h"
#include "pd-notification-settings.h"
#include "pd-notification-type-catalogue.h"
#include "pd-notification-type-group.h"
#include "pd-notification-type.h"
#include "pd-organization.h"
#include "pd-partner.h"
#include "pd-permission-catalogue.h"
#include "pd-permission-category.h"
#include "pd-permission-entry.h"
#include "pd-report-settings.h"
#include "pd-role.h"
#include "pd-service-account-candidate.h"
#include "pd-service.h"
#include "pd-smtp-settings.h"
#include "pd-user.h"

G_BEGIN_DECLS

/* The contract's text of an enum property (“needs_authentication”), including a value
 * this version does not know (the property then reads *_UNKNOWN): what the UI shows
 * rather than nothing. NULL for null. */
const char *pd_resource_get_enum_text (PdResource *self,
                                       const char *property);
/* TRUE when every field of @a and @b is equal, nested items included (same type) */
gboolean    pd_resource_equal         (PdResource *a,
                                       PdResource *b);

G_END_DECLS
