/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-tooltip.h"

void
pd_tooltip_set (GtkWidget  *widget,
                const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;
  /* GTK only asks where the pointer is for a visible widget: one off screen is hidden for
   * the moment, which changes nothing else (it is shown again before anything is drawn). */
  if (gtk_widget_get_visible (widget) && !gtk_widget_get_mapped (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}
