/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "pd-settings-check.h"
/* The same e-mail rule as the user dialogs (the portal's) */
#include "pd-user-fields.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

const char *
pd_settings_check_email (const char *text)
{
  if (is_blank (text))
    return _("Enter an e-mail address.");
  if (!pd_user_fields_email_valid (text))
    return _("Enter an e-mail address like name@example.com.");
  return NULL;
}

const char *
pd_settings_check_email_optional (const char *text)
{
  return is_blank (text) ? NULL : pd_settings_check_email (text);
}

/* Labels of letters, digits and hyphens, not starting or ending with a hyphen. */
static gboolean
is_host_name (const char *text)
{
  g_auto(GStrv) labels = NULL;

  if (strlen (text) > 253)
    return FALSE;
  labels = g_strsplit (text, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize length = strlen (label);

      /* One trailing dot (a fully qualified name) is fine. */
      if (length == 0 && labels[i + 1] == NULL && i > 0)
        continue;
      if (length == 0 || length > 63 || label[0] == '-' || label[length - 1] == '-')
        return FALSE;
      for (const char *p = label; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-')
          return FALSE;
    }
  return TRUE;
}

const char *
pd_settings_check_host (const char *text)
{
  if (is_blank (text))
    return _("Enter the server’s host name or IP address.");
  if (!g_hostname_is_ip_address (text) && !is_host_name (text))
    return _("Enter a host name like smtp.example.com or an IP address.");
  return NULL;
}

const char *
pd_settings_check_port (const char *text,
                        guint      *port)
{
  guint64 value;

  if (is_blank (text))
    return _("Enter the port, usually 587 for STARTTLS or 465 for TLS.");
  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    return _("Enter a port number from 1 to 65535.");
  if (port != NULL)
    *port = (guint) value;
  return NULL;
}

const char *
pd_settings_check_sender_name (const char *text)
{
  if (text == NULL)
    return NULL;
  if (strpbrk (text, "\r\n\t\"\\") != NULL)
    return _("Write the sender name on one line, without quotes or backslashes.");
  if (g_utf8_strlen (text, -1) > 100)
    return _("Shorten the sender name to at most 100 characters.");
  return NULL;
}

static gboolean
is_guid (const char *text)
{
  static const int dashes[] = { 8, 13, 18, 23 };

  if (strlen (text) != 36)
    return FALSE;
  for (int i = 0, d = 0; i < 36; i++)
    {
      if (d < (int) G_N_ELEMENTS (dashes) && i == dashes[d])
        {
          if (text[i] != '-')
            return FALSE;
          d++;
        }
      else if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

const char *
pd_settings_check_tenant (const char *text)
{
  if (is_blank (text))
    return _("Enter the directory (tenant) ID or the tenant’s domain.");
  if (!is_guid (text) && (!is_host_name (text) || strchr (text, '.') == NULL))
    return _("Enter the directory ID (a GUID) or a domain like contoso.onmicrosoft.com.");
  return NULL;
}

const char *
pd_settings_check_client_id (const char *text)
{
  if (is_blank (text))
    return _("Enter the application (client) ID.");
  if (!is_guid (text))
    return _("Enter the application ID as a GUID, like 00000000-0000-0000-0000-000000000000.");
  return NULL;
}

const char *
pd_settings_check_partner_name (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return _("Enter the company name.");
  if (g_utf8_strlen (trimmed, -1) > 200)
    return _("Shorten the name to at most 200 characters.");
  return NULL;
}
