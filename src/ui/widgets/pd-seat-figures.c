/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-seat-figures.h"

void
pd_seat_figures_init (PdSeatFigures *figures,
                      gint64         total,
                      gint64         managed,
                      gint64         open,
                      gint64         unprotected)
{
  g_return_if_fail (figures != NULL);

  figures->total = MAX (total, -1);
  figures->managed = MAX (managed, -1);
  figures->unprotected = MAX (unprotected, -1);
  if (open >= 0)
    figures->open = open;
  else if (total >= 0 && managed >= 0)
    figures->open = MAX (total - managed, 0);
  else
    figures->open = -1;
}

gboolean
pd_seat_figures_is_known (const PdSeatFigures *figures)
{
  return figures->total >= 0 && figures->managed >= 0;
}

gboolean
pd_seat_figures_is_over_capacity (const PdSeatFigures *figures)
{
  return pd_seat_figures_is_known (figures) && figures->managed > figures->total;
}

/* Counts in the user's locale, with digit grouping where it has one */
static char *
count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

char *
pd_seat_figures_dup_summary (const PdSeatFigures *figures)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = count (figures->total);
  g_autofree char *managed = count (figures->managed);

  if (!pd_seat_figures_is_known (figures))
    g_string_append (text, _("Seat figures unknown"));
  else if (figures->total == 0 && figures->managed == 0)
    g_string_append (text, _("No seats licensed"));
  else
    {
      /* Translators: seat usage; the first %s is the seats in use, the second the licences */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s of %s seat used", "%s of %s seats used",
                                                 (gulong) figures->total),
                              managed, total);
      if (pd_seat_figures_is_over_capacity (figures))
        {
          g_autofree char *over = count (figures->managed - figures->total);

          /* Translators: appended to the seat usage; %s is seats in use beyond the licences */
          g_string_append_printf (text, _(", %s over capacity"), over);
        }
      else if (figures->open >= 0)
        {
          g_autofree char *open = count (figures->open);

          /* Translators: appended to the seat usage; %s is the licences still free */
          g_string_append_printf (text, _(", %s open"), open);
        }
    }
  if (figures->unprotected > 0)
    {
      g_autofree char *unprotected = count (figures->unprotected);

      /* Translators: appended to the seat usage; %s is accounts that are not backed up */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %s account unprotected",
                                                 ", %s accounts unprotected",
                                                 (gulong) figures->unprotected),
                              unprotected);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
pd_seat_figures_dup_short_text (const PdSeatFigures *figures)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!pd_seat_figures_is_known (figures))
    g_string_append (text, _("Seats unknown"));
  else if (figures->total == 0 && figures->managed == 0)
    g_string_append (text, _("No seats"));
  else
    {
      g_autofree char *total = count (figures->total);
      g_autofree char *managed = count (figures->managed);

      /* Translators: short seat usage under a bar: used / licensed */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s / %s seat", "%s / %s seats",
                                                 (gulong) figures->total),
                              managed, total);
      if (pd_seat_figures_is_over_capacity (figures))
        {
          g_autofree char *over = count (figures->managed - figures->total);

          /* Translators: short; %s is seats in use beyond the licences */
          g_string_append_printf (text, _(" · %s over"), over);
        }
    }
  if (figures->unprotected > 0)
    {
      g_autofree char *unprotected = count (figures->unprotected);

      /* Translators: short; %s is accounts that are not backed up */
      g_string_append_printf (text, _(" · %s unprotected"), unprotected);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
