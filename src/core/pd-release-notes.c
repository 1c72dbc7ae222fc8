/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reads the newest release's notes out of a merged AppStream metainfo file, so
 * the about window shows the same notes, in the same translations, as software
 * centres do. msgfmt places each translated <p> or <li> right after its
 * original with an xml:lang attribute; we keep every variant and pick the best
 * one for the user's languages.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pd-release-notes.h"

G_DEFINE_QUARK (pd-release-notes-error-quark, pd_release_notes_error)

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_LIST_ITEM,
  BLOCK_LIST_START,
  BLOCK_LIST_END,
} BlockKind;

typedef struct {
  BlockKind   kind;
  const char *list_tag;       /* "ul" or "ol" for list starts and ends */
  GHashTable *texts; /* language ("" for untranslated) → text */
} Block;

typedef struct {
  int        release_index;   /* -1 until the first <release> opens */
  gboolean   in_releases;
  gboolean   in_description;
  char      *version;
  GPtrArray *blocks;
  GString   *text;            /* non-NULL while inside <p> or <li> */
  char      *text_lang;
  BlockKind  text_kind;
} ParseState;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->texts, g_hash_table_unref);
  g_free (block);
}

static Block *
block_new (BlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return block;
}

static Block *
list_block_new (BlockKind   kind,
                const char *element_name)
{
  Block *block = block_new (kind);

  block->list_tag = g_str_equal (element_name, "ol") ? "ol" : "ul";
  return block;
}

static gboolean
in_newest_release (ParseState *state)
{
  return state->in_releases && state->release_index == 0;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element_name, "releases"))
    {
      state->in_releases = TRUE;
      return;
    }

  if (!state->in_releases)
    return;

  if (g_str_equal (element_name, "release"))
    {
      state->release_index++;
      if (state->release_index == 0)
        {
          for (guint i = 0; attribute_names[i] != NULL; i++)
            if (g_str_equal (attribute_names[i], "version"))
              state->version = g_strdup (attribute_values[i]);
        }
      return;
    }

  if (!in_newest_release (state))
    return;

  if (g_str_equal (element_name, "description"))
    {
      state->in_description = TRUE;
      return;
    }

  if (!state->in_description)
    return;

  if (g_str_equal (element_name, "ul") || g_str_equal (element_name, "ol"))
    {
      g_ptr_array_add (state->blocks, list_block_new (BLOCK_LIST_START, element_name));
    }
  /* AppStream does not nest blocks; a nested one only adds its text. */
  else if (state->text == NULL &&
           (g_str_equal (element_name, "p") || g_str_equal (element_name, "li")))
    {
      const char *lang = "";

      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "xml:lang"))
          lang = attribute_values[i];

      state->text_kind = g_str_equal (element_name, "p") ? BLOCK_PARAGRAPH : BLOCK_LIST_ITEM;
      state->text_lang = g_strdup (lang);
      state->text = g_string_new (NULL);
    }
}

/* Collapses the runs of white space that XML indentation leaves behind. */
static char *
normalize_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (result->len > 0)
        g_string_append_c (result, ' ');
      g_string_append (result, words[i]);
    }

  return g_string_free (result, FALSE);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element_name, "releases"))
    {
      state->in_releases = FALSE;
      return;
    }

  if (!in_newest_release (state))
    return;

  if (g_str_equal (element_name, "description"))
    {
      state->in_description = FALSE;
    }
  else if (state->in_description &&
           (g_str_equal (element_name, "ul") || g_str_equal (element_name, "ol")))
    {
      g_ptr_array_add (state->blocks, list_block_new (BLOCK_LIST_END, element_name));
    }
  else if (state->text != NULL &&
           ((state->text_kind == BLOCK_PARAGRAPH && g_str_equal (element_name, "p")) ||
            (state->text_kind == BLOCK_LIST_ITEM && g_str_equal (element_name, "li"))))
    {
      Block *block = NULL;

      /* A translated variant belongs to the untranslated block just before it. */
      if (state->text_lang[0] != '\0' && state->blocks->len > 0)
        {
          Block *last = g_ptr_array_index (state->blocks, state->blocks->len - 1);
          if (last->kind == state->text_kind)
            block = last;
        }

      if (block == NULL)
        {
          block = block_new (state->text_kind);
          g_ptr_array_add (state->blocks, block);
        }

      g_hash_table_replace (block->texts,
                            g_steal_pointer (&state->text_lang),
                            normalize_space (state->text->str));
      g_string_free (g_steal_pointer (&state->text), TRUE);
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->text != NULL)
    g_string_append_len (state->text, text_value, text_len);
}

static const char *
pick_text (GHashTable         *texts,
           const char * const *languages)
{
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      const char *found;

      if (g_str_equal (languages[i], "C"))
        break;
      found = g_hash_table_lookup (texts, languages[i]);
      if (found != NULL)
        return found;
    }

  return g_hash_table_lookup (texts, "");
}

static char *
render_markup (GPtrArray          *blocks,
               const char * const *languages)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);
      const char *chosen;
      g_autofree char *escaped = NULL;

      switch (block->kind)
        {
        case BLOCK_LIST_START:
          g_string_append_printf (markup, "<%s>", block->list_tag);
          break;

        case BLOCK_LIST_END:
          g_string_append_printf (markup, "</%s>", block->list_tag);
          break;

        case BLOCK_PARAGRAPH:
        case BLOCK_LIST_ITEM:
          chosen = pick_text (block->texts, languages);
          if (chosen == NULL)
            break;
          escaped = g_markup_escape_text (chosen, -1);
          g_string_append_printf (markup,
                                  block->kind == BLOCK_PARAGRAPH ? "<p>%s</p>" : "<li>%s</li>",
                                  escaped);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (markup, FALSE);
}

/**
 * pd_release_notes_parse:
 * @languages: (nullable): preferred languages, best first, as returned by
 *   g_get_language_names(); %NULL for the untranslated notes
 *
 * Finds the first (newest) `<release>` of @metainfo and returns its version
 * and its description as the markup subset AdwAboutWindow accepts.
 */
gboolean
pd_release_notes_parse (const char         *metainfo,
                        gssize              length,
                        const char * const *languages,
                        char              **version,
                        char              **markup,
                        GError            **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_free);
  ParseState state = { .release_index = -1, .blocks = blocks };
  gboolean ok;

  g_return_val_if_fail (metainfo != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);
  g_return_val_if_fail (markup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  ok = g_markup_parse_context_parse (context, metainfo, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  if (state.text != NULL)
    g_string_free (state.text, TRUE);
  g_free (state.text_lang);

  if (!ok)
    {
      g_free (state.version);
      g_prefix_error (error, _("The release notes could not be read: "));
      return FALSE;
    }

  if (state.release_index < 0 || state.version == NULL)
    {
      g_free (state.version);
      g_set_error_literal (error, PD_RELEASE_NOTES_ERROR, PD_RELEASE_NOTES_ERROR_NO_RELEASE,
                           _("The application data lists no release."));
      return FALSE;
    }

  *version = state.version;
  *markup = render_markup (blocks, languages);
  return TRUE;
}
