/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-release-notes.h"

/* Shaped like msgfmt's merged output: each translation follows its original. */
static const char merged_metainfo[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <description><p>Not a release note.</p></description>\n"
  "  <releases>\n"
  "    <release version=\"2.0\" date=\"2026-11-23\">\n"
  "      <description>\n"
  "        <p>Faster   start-up\n          &amp; fewer clicks.</p>\n"
  "        <p xml:lang=\"de\">Schnellerer Start &amp; weniger Klicks.</p>\n"
  "        <ul>\n"
  "          <li>Tiles &lt;new&gt;</li>\n"
  "          <li xml:lang=\"de\">Kacheln &lt;neu&gt;</li>\n"
  "          <li>Only in English</li>\n"
  "        </ul>\n"
  "      </description>\n"
  "    </release>\n"
  "    <release version=\"1.0\" date=\"2026-01-01\">\n"
  "      <description><p>Old notes.</p></description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

static void
test_untranslated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *markup = NULL;

  g_assert_true (pd_release_notes_parse (merged_metainfo, -1, NULL, &version, &markup, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "2.0");
  g_assert_cmpstr (markup, ==,
                   "<p>Faster start-up &amp; fewer clicks.</p>"
                   "<ul><li>Tiles &lt;new&gt;</li><li>Only in English</li></ul>");
}

static void
test_translated_with_fallback (void)
{
  const char *languages[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *markup = NULL;

  g_assert_true (pd_release_notes_parse (merged_metainfo, -1, languages, &version, &markup, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (markup, ==,
                   "<p>Schnellerer Start &amp; weniger Klicks.</p>"
                   "<ul><li>Kacheln &lt;neu&gt;</li><li>Only in English</li></ul>");
}

static void
test_unknown_language (void)
{
  const char *languages[] = { "ja_JP", "ja", "C", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *markup = NULL;

  g_assert_true (pd_release_notes_parse (merged_metainfo, -1, languages, &version, &markup, &error));
  g_assert_true (g_str_has_prefix (markup, "<p>Faster start-up"));
}

static void
test_no_release (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *markup = NULL;

  g_assert_false (pd_release_notes_parse ("<component><releases/></component>", -1, NULL,
                                          &version, &markup, &error));
  g_assert_error (error, PD_RELEASE_NOTES_ERROR, PD_RELEASE_NOTES_ERROR_NO_RELEASE);
  g_assert_null (version);
  g_assert_null (markup);
}

/* Ordered lists stay ordered; a paragraph nested in a list item (not valid
 * AppStream) only contributes its text and leaks nothing. */
static void
test_ordered_and_nested (void)
{
  static const char metainfo[] =
    "<component><releases><release version=\"3\"><description>"
    "<ol><li>One <p>inner</p> end</li><li>Two</li></ol>"
    "</description></release></releases></component>";
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *markup = NULL;

  g_assert_true (pd_release_notes_parse (metainfo, -1, NULL, &version, &markup, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (markup, ==, "<ol><li>One inner end</li><li>Two</li></ol>");
}

static void
test_malformed (void)
{
  static const char *inputs[] = {
    "",
    "<component><releases><release version=\"1\"><description><p>cut",
    "<component><releases><release version=\"1\"></releases></component>",
    "\xff\xfe<component/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *version = NULL;
      g_autofree char *markup = NULL;

      g_assert_false (pd_release_notes_parse (inputs[i], -1, NULL, &version, &markup, &error));
      g_assert_nonnull (error);
      g_assert_null (version);
      g_assert_null (markup);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/release-notes/untranslated", test_untranslated);
  g_test_add_func ("/release-notes/translated-with-fallback", test_translated_with_fallback);
  g_test_add_func ("/release-notes/unknown-language", test_unknown_language);
  g_test_add_func ("/release-notes/no-release", test_no_release);
  g_test_add_func ("/release-notes/ordered-and-nested", test_ordered_and_nested);
  g_test_add_func ("/release-notes/malformed", test_malformed);

  return g_test_run ();
}
