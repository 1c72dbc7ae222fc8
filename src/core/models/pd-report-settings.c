/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-report-settings.h"
#include "pd-resource-private.h"

struct _PdReportSettings
{
  PdResource parent_instance;

  int period;
  char **recipients;
};

G_DEFINE_FINAL_TYPE (PdReportSettings, pd_report_settings, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ETAG,
  PD_FIELD_TYPED ("period", "period", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdReportSettings, period, pd_report_period_get_type),
  PD_FIELD ("recipients", "recipients", PD_FIELD_STRV, PD_FIELD_REQUIRED, PdReportSettings, recipients),
  PD_FIELD_UPDATED_AT,
};

static void
pd_report_settings_class_init (PdReportSettingsClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Report settings"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_report_settings_init (PdReportSettings *self)
{
}

PdReportPeriod
pd_report_settings_get_period (PdReportSettings *self)
{
  g_return_val_if_fail (PD_IS_REPORT_SETTINGS (self), (PdReportPeriod) 0);

  return (PdReportPeriod) self->period;
}

const char * const *
pd_report_settings_get_recipients (PdReportSettings *self)
{
  g_return_val_if_fail (PD_IS_REPORT_SETTINGS (self), NULL);

  return (const char * const *) self->recipients;
}
