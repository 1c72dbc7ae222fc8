/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* The partner report's period and recipients (GET /report-settings). */
#define PD_TYPE_REPORT_SETTINGS (pd_report_settings_get_type ())
G_DECLARE_FINAL_TYPE (PdReportSettings, pd_report_settings, PD, REPORT_SETTINGS, PdResource)

PdReportPeriod      pd_report_settings_get_period     (PdReportSettings *self);
const char * const *pd_report_settings_get_recipients (PdReportSettings *self);

G_END_DECLS
