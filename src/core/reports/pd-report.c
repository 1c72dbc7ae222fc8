/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-dashboard-fetch.h"
#include "pd-portal-client.h"
#include "pd-report.h"

/* Report pages are read in full before anything is shown or written: an export is of all the
 * rows or of none, never of the first few pages of them. */
#define PAGE_LIMIT "500"

typedef struct {
  char *key;
  char *title;
  char *type;
} Column;

struct _PdReport
{
  GObject            parent_instance;

  PdReportKind       kind;
  PdDashboardPeriod  period;
  GArray            *columns;  /* Column */
  GPtrArray         *cells;    /* char *, n_rows × n_columns, row after row; NULL = null */
};

G_DEFINE_FINAL_TYPE (PdReport, pd_report, G_TYPE_OBJECT)

static const struct {
  const char *key;
  const char *title;
} kinds[PD_REPORT_N_KINDS] = {
  [PD_REPORT_KIND_ORGANIZATIONS] = { "organizations", N_("Organizations") },
  [PD_REPORT_KIND_SEAT_USAGE] = { "seat-usage", N_("Seat usage") },
  [PD_REPORT_KIND_PROTECTION_COVERAGE] = { "protection-coverage", N_("Protection coverage") },
  [PD_REPORT_KIND_ACCOUNTS] = { "accounts", N_("Accounts by status") },
  [PD_REPORT_KIND_JOBS] = { "jobs", N_("Backup jobs") },
};

const char *
pd_report_kind_to_key (PdReportKind kind)
{
  g_return_val_if_fail (kind < PD_REPORT_N_KINDS, NULL);

  return kinds[kind].key;
}

const char *
pd_report_kind_get_title (PdReportKind kind)
{
  g_return_val_if_fail (kind < PD_REPORT_N_KINDS, NULL);

  return _(kinds[kind].title);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->key);
  g_free (column->title);
  g_free (column->type);
}

static void
pd_report_finalize (GObject *object)
{
  PdReport *self = PD_REPORT (object);

  g_array_unref (self->columns);
  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (pd_report_parent_class)->finalize (object);
}

static void
pd_report_class_init (PdReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_report_finalize;
}

static void
pd_report_init (PdReport *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->cells = g_ptr_array_new_with_free_func (g_free);
}

PdReport *
pd_report_new (PdReportKind      kind,
               PdDashboardPeriod period)
{
  PdReport *self;

  g_return_val_if_fail (kind < PD_REPORT_N_KINDS, NULL);

  self = g_object_new (PD_TYPE_REPORT, NULL);
  self->kind = kind;
  self->period = period;
  return self;
}

PdReportKind
pd_report_get_kind (PdReport *self)
{
  g_return_val_if_fail (PD_IS_REPORT (self), 0);

  return self->kind;
}

PdDashboardPeriod
pd_report_get_period (PdReport *self)
{
  g_return_val_if_fail (PD_IS_REPORT (self), 0);

  return self->period;
}

guint
pd_report_get_n_columns (PdReport *self)
{
  g_return_val_if_fail (PD_IS_REPORT (self), 0);

  return self->columns->len;
}

static Column *
get_column (PdReport *self,
            guint     column)
{
  g_return_val_if_fail (PD_IS_REPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, Column, column);
}

const char *
pd_report_get_column_key (PdReport *self,
                          guint     column)
{
  Column *found = get_column (self, column);

  return found != NULL ? found->key : NULL;
}

const char *
pd_report_get_column_title (PdReport *self,
                            guint     column)
{
  Column *found = get_column (self, column);

  return found != NULL ? found->title : NULL;
}

const char *
pd_report_get_column_type (PdReport *self,
                           guint     column)
{
  Column *found = get_column (self, column);

  return found != NULL ? found->type : NULL;
}

guint
pd_report_get_n_rows (PdReport *self)
{
  g_return_val_if_fail (PD_IS_REPORT (self), 0);

  return self->columns->len > 0 ? self->cells->len / self->columns->len : 0;
}

const char *
pd_report_get_cell (PdReport *self,
                    guint     row,
                    guint     column)
{
  g_return_val_if_fail (PD_IS_REPORT (self), NULL);
  g_return_val_if_fail (row < pd_report_get_n_rows (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_ptr_array_index (self->cells, row * self->columns->len + column);
}

char *
pd_report_build_file_name (PdReport *self)
{
  const char *period;

  g_return_val_if_fail (PD_IS_REPORT (self), NULL);

  period = pd_dashboard_period_to_key (self->period);
  return g_strdup_printf ("%s-%s.csv", kinds[self->kind].key, period != NULL ? period : "report");
}

/* ---- decoding a page ----------------------------------------------------------------- */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_columns (PdReport   *self,
              JsonObject *page,
              GError    **error)
{
  JsonNode *node = json_object_get_member (page, "columns");
  g_autoptr(GArray) columns = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“columns” must be a list"));
      return FALSE;
    }
  array = json_node_get_array (node);
  columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (columns, column_clear);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *key = object != NULL ? member_string (object, "key") : NULL;
      const char *title = object != NULL ? member_string (object, "title") : NULL;
      const char *type = object != NULL ? member_string (object, "type") : NULL;
      Column column;

      if (key == NULL || *key == '\0' || title == NULL || type == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %u is a position in a list, from 1 */
                       _("column %u needs a “key”, a “title” and a “type”"), i + 1);
          return FALSE;
        }
      column.key = g_strdup (key);
      column.title = g_strdup (title);
      column.type = g_strdup (type);
      g_array_append_val (columns, column);
    }
  if (columns->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the report has no columns"));
      return FALSE;
    }

  if (self->columns->len == 0)
    {
      g_array_unref (self->columns);
      self->columns = g_steal_pointer (&columns);
      return TRUE;
    }
  /* Every page of one report has the same columns; a change half-way would misalign rows. */
  if (columns->len != self->columns->len)
    goto changed;
  for (guint i = 0; i < columns->len; i++)
    if (!g_str_equal (g_array_index (columns, Column, i).key, g_array_index (self->columns, Column, i).key))
      goto changed;
  return TRUE;

changed:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the columns changed from one page to the next"));
  return FALSE;
}

/* The cell's text, or NULL for null; FALSE when it is not a scalar the contract allows */
static gboolean
cell_text (JsonNode  *node,
           char     **text)
{
  *text = NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      *text = g_strdup (json_node_get_string (node));
      return TRUE;
    case G_TYPE_INT64:
      *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    case G_TYPE_BOOLEAN:
      *text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
read_rows (PdReport   *self,
           JsonObject *page,
           GError    **error)
{
  JsonNode *node = json_object_get_member (page, "items");
  g_autoptr(GPtrArray) cells = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“items” must be a list"));
      return FALSE;
    }
  array = json_node_get_array (node);
  cells = g_ptr_array_new_full (json_array_get_length (array) * self->columns->len, g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *row = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;

      if (row == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %u is a position in a list, from 1 */
                       _("row %u is not an object"), i + 1);
          return FALSE;
        }
      for (guint c = 0; c < self->columns->len; c++)
        {
          const char *key = g_array_index (self->columns, Column, c).key;
          JsonNode *value = json_object_get_member (row, key);
          char *text;

          if (value == NULL || !cell_text (value, &text))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           /* Translators: %u is a row number (from 1), %s a column key such as “seats_total” */
                           _("row %u: “%s” is missing or not a plain value"), i + 1, key);
              return FALSE;
            }
          g_ptr_array_add (cells, text);
        }
    }
  g_ptr_array_extend_and_steal (self->cells, g_steal_pointer (&cells));
  return TRUE;
}

gboolean
pd_report_add_page (PdReport  *self,
                    JsonNode  *page,
                    char     **next_cursor,
                    GError   **error)
{
  JsonObject *object;
  JsonNode *cursor;

  g_return_val_if_fail (PD_IS_REPORT (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (next_cursor != NULL, FALSE);

  *next_cursor = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (page))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("a report page must be an object"));
      return FALSE;
    }
  object = json_node_get_object (page);
  if (!read_columns (self, object, error) || !read_rows (self, object, error))
    return FALSE;

  cursor = json_object_get_member (object, "next_cursor");
  if (cursor != NULL && !JSON_NODE_HOLDS_NULL (cursor))
    {
      const char *text = member_string (object, "next_cursor");

      if (text == NULL || *text == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“next_cursor” must be text or null"));
          return FALSE;
        }
      *next_cursor = g_strdup (text);
    }
  else if (cursor == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“next_cursor” is missing"));
      return FALSE;
    }
  return TRUE;
}

/* ---- fetching every page ------------------------------------------------------------- */

static void fetch_page (GTask *task, const char *cursor);

static void
page_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdReport *report = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autofree char *next_cursor = NULL;
  JsonNode *root;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response == NULL)
    {
      if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE))
        /* Translators: %s is a report's title, e.g. “Seat usage” */
        g_prefix_error (&error, _("The portal’s “%s” report cannot be read: "),
                        pd_report_kind_get_title (report->kind));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = pd_portal_response_get_root (response);
  if (root == NULL || !pd_report_add_page (report, root, &next_cursor, &error))
    {
      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                               /* Translators: the first %s is a report's title, the second what is wrong */
                               _("The portal’s “%s” report cannot be read: %s"),
                               pd_report_kind_get_title (report->kind),
                               error != NULL ? error->message : _("the answer is empty"));
      return;
    }
  if (next_cursor != NULL)
    {
      fetch_page (g_steal_pointer (&task), next_cursor);
      return;
    }
  g_task_return_pointer (task, g_object_ref (report), g_object_unref);
}

static void
fetch_page (GTask      *task,
            const char *cursor)
{
  PdSession *session = g_task_get_source_object (task);
  PdReport *report = g_task_get_task_data (task);
  g_autofree char *path = g_strconcat ("/api/v1/reports/", kinds[report->kind].key, NULL);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);

  pd_portal_request_add_query (request, "period", pd_dashboard_period_to_key (report->period));
  pd_portal_request_add_query (request, "limit", PAGE_LIMIT);
  if (cursor != NULL)
    pd_portal_request_add_query (request, "cursor", cursor);
  pd_portal_client_send_async (pd_session_get_client (session), request, g_task_get_cancellable (task),
                               page_fetched_cb, task);
}

void
pd_report_fetch_async (PdSession           *session,
                       PdReportKind         kind,
                       PdDashboardPeriod    period,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (kind < PD_REPORT_N_KINDS);
  g_return_if_fail (pd_dashboard_period_to_key (period) != NULL);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_report_fetch_async);
  g_task_set_task_data (task, pd_report_new (kind, period), g_object_unref);
  fetch_page (task, NULL);
}

PdReport *
pd_report_fetch_finish (PdSession     *session,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_report_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
