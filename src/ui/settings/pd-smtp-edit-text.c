/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a change of the SMTP settings reads in the conflict dialog: the nested objects of the
 * body in one line each, in words, and never a secret (the portal's copy has none, and
 * ours is left out). */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-smtp-editor-private.h"

static const char *
member_text (JsonObject *object,
             const char *member)
{
  return json_object_get_string_member_with_default (object, member, NULL);
}

static const char *
method_text (const char *key)
{
  if (g_strcmp0 (key, "custom_manual") == 0)
    return _("Your SMTP server");
  if (g_strcmp0 (key, "custom_microsoft") == 0)
    return _("Microsoft 365");
  return _("The portal (default)");
}

static const char *
frequency_text (const char *key)
{
  if (g_strcmp0 (key, "daily") == 0)
    return _("daily");
  if (g_strcmp0 (key, "monthly") == 0)
    return _("monthly");
  return _("weekly");
}

static const char *
security_text (const char *key)
{
  if (g_strcmp0 (key, "starttls") == 0)
    return "STARTTLS";
  if (g_strcmp0 (key, "tls") == 0)
    return "TLS";
  return _("no encryption");
}

/* “Name <address>”, or the address alone */
static char *
sender_text (JsonObject *object)
{
  const char *name = member_text (object, "from_name");
  const char *address = member_text (object, "from_address");

  if (name == NULL || *name == '\0')
    return g_strdup (address);
  return g_strdup_printf ("%s <%s>", name, address);
}

static char *
format_value (const char *field,
              JsonNode   *value,
              gpointer    user_data)
{
  JsonObject *object;

  if (g_str_equal (field, "method"))
    return g_strdup (method_text (JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : NULL));
  if (!g_str_equal (field, "manual") && !g_str_equal (field, "microsoft") && !g_str_equal (field, "auto_test"))
    return NULL;
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (_("Not used"));
  if (!JSON_NODE_HOLDS_OBJECT (value))
    return NULL;
  object = json_node_get_object (value);
  if (g_str_equal (field, "manual"))
    {
      g_autofree char *port = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               json_object_get_int_member_with_default (object, "port", 0));
      g_autofree char *sender = sender_text (object);

      /* Translators: an SMTP server in the conflict dialog: host, port, security, sender */
      return g_strdup_printf (_("%s, port %s, %s, from %s"), member_text (object, "host"), port,
                              security_text (member_text (object, "security")), sender);
    }
  if (g_str_equal (field, "microsoft"))
    {
      g_autofree char *sender = sender_text (object);

      /* Translators: a Microsoft 365 sender in the conflict dialog: tenant, application, sender */
      return g_strdup_printf (_("Tenant %s, application %s, from %s"), member_text (object, "tenant_id"),
                              member_text (object, "client_id"), sender);
    }
  if (!json_object_get_boolean_member_with_default (object, "enabled", FALSE))
    return g_strdup (_("Off"));
  /* Translators: the automatic SMTP test in the conflict dialog: how often, to whom */
  return g_strdup_printf (_("On, %s, to %s"), frequency_text (member_text (object, "frequency")),
                          member_text (object, "to"));
}

void
pd_smtp_editor_describe_edit (PdEdit *edit)
{
  pd_edit_add_field_label (edit, "method", _("Sending method"));
  pd_edit_add_field_label (edit, "manual", _("SMTP server"));
  pd_edit_add_field_label (edit, "microsoft", _("Microsoft 365 application"));
  pd_edit_add_field_label (edit, "auto_test", _("Automatic test"));
  pd_edit_set_formatter (edit, format_value, NULL, NULL);
}
