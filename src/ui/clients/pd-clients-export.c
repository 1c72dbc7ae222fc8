/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client list as CSV: what is shown (filtered, in the shown order), one row per client.
 * Enumerations are written as the portal's values ("needs_authentication"), which a
 * spreadsheet can filter on whatever the user's language; the worst status is the badge's
 * label as the tiles show it. */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-figures.h"
#include "pd-clients-page-private.h"
#include "pd-csv.h"
#include "pd-csv-save.h"
#include "pd-models.h"
#include "pd-service-info.h"

static const char * const csv_header[] = {
  "id", "name", "status", "plan", "plan_type", "region", "relationship", "credential_status",
  "mapping", "services", "seats_total", "seats_managed", "seats_unprotected", "worst_status",
  "last_backup", NULL
};

static char *
services_text (PdOrganization *organization)
{
  GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (services);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      g_ptr_array_add (names, (gpointer) pd_service_application_get_name (pd_service_get_application (service)));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}

GBytes *
pd_clients_page_build_csv (PdClientsPage *self)
{
  g_autoptr(PdCsvWriter) writer = NULL;
  GListModel *shown;
  guint n;

  g_return_val_if_fail (PD_IS_CLIENTS_PAGE (self), NULL);

  writer = pd_csv_writer_new (csv_header);
  shown = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdOrganization) org = g_list_model_get_item (shown, i);
      PdResource *resource = PD_RESOURCE (org);
      PdClientFigures figures;
      g_autofree char *services = services_text (org);
      g_autofree char *total = NULL, *managed = NULL, *unprotected = NULL, *last_backup = NULL;
      const char *fields[G_N_ELEMENTS (csv_header) - 1];

      pd_client_figures_compute (org, &figures);
      total = g_strdup_printf ("%" G_GINT64_FORMAT, figures.seats_total);
      managed = g_strdup_printf ("%" G_GINT64_FORMAT, figures.seats_managed);
      unprotected = g_strdup_printf ("%" G_GINT64_FORMAT, figures.seats_unprotected);
      if (figures.has_last_backup)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (figures.last_backup);

          last_backup = g_date_time_format_iso8601 (when);
        }

      fields[0] = pd_resource_get_id (resource);
      fields[1] = pd_organization_get_name (org);
      fields[2] = pd_resource_get_enum_text (resource, "status");
      fields[3] = pd_organization_get_plan_name (org);
      fields[4] = pd_resource_get_enum_text (resource, "plan-type");
      fields[5] = pd_resource_get_enum_text (resource, "region");
      fields[6] = pd_resource_get_enum_text (resource, "relationship");
      fields[7] = pd_resource_get_enum_text (resource, "credential-status");
      fields[8] = pd_resource_get_enum_text (resource, "mapping-status");
      fields[9] = services;
      fields[10] = total;
      fields[11] = managed;
      fields[12] = unprotected;
      fields[13] = figures.n_services > 0 ? pd_badge_state_get_label (figures.worst_state) : NULL;
      fields[14] = last_backup;
      pd_csv_writer_add_row (writer, fields);
    }
  return pd_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PdClientsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = pd_csv_save_finish (result, &error);
  g_autofree char *text = NULL;
  guint n;

  if (file == NULL)
    {
      /* Closing the file chooser is not an error; a disposed page has no window to tell. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                    _("Could not export the clients"), error->message);
      return;
    }
  n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "pd-export-rows"));
  /* Translators: shown after saving the client list as a CSV file */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u client", "Exported %'u clients", n), n);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
}

void
pd_clients_page_export (PdClientsPage *self)
{
  g_autoptr(GBytes) contents = pd_clients_page_build_csv (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  g_object_set_data (G_OBJECT (self), "pd-export-rows", GUINT_TO_POINTER (n));
  /* Translators: the suggested file name of the exported client list */
  pd_csv_save_async (GTK_WIDGET (self), _("clients.csv"), contents, self->cancellable,
                     export_done_cb, g_object_ref (self));
}
