/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One run of an app that uses the outbox, for test-outbox-crash:
 *   outbox-crash-helper DATABASE URL KEY submit METHOD PATH BODY|- IF_MATCH|-
 *   outbox-crash-helper DATABASE URL KEY resume
 * With PD_OUTBOX_CRASH_AT=persisted|sent|confirmed it dies by SIGKILL at that step, like a
 * crash or a power cut would stop it: no cleanup, no flushing. resume prints
 * "remaining <entries>" once nothing is pending. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "outbox-test-util.h"
#include "pd-test-portal.h"

static PdOutboxStep crash_at;
static gboolean crash;

static void
on_step (PdOutbox     *outbox,
         PdOutboxStep  step,
         gint64        id,
         gpointer      user_data)
{
  if (crash && step == crash_at)
    {
      kill (getpid (), SIGKILL);
      _exit (99);  /* not reached */
    }
}

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_outbox_submit_finish (PD_OUTBOX (source), result, &error);

  if (response == NULL)
    g_printerr ("submit failed: %s\n", error->message);
  *(gboolean *) user_data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *step = g_getenv ("PD_OUTBOX_CRASH_AT");
  g_autoptr(PdCache) cache = NULL;
  g_autoptr(PdPortalClient) client = NULL;
  g_autoptr(PdOutbox) outbox = NULL;

  if (argc < 5)
    {
      g_printerr ("usage: %s DATABASE URL KEY submit METHOD PATH BODY IF_MATCH | resume\n", argv[0]);
      return 2;
    }
  crash = step != NULL;
  if (g_strcmp0 (step, "persisted") == 0)
    crash_at = PD_OUTBOX_STEP_PERSISTED;
  else if (g_strcmp0 (step, "sent") == 0)
    crash_at = PD_OUTBOX_STEP_SENT;
  else if (g_strcmp0 (step, "confirmed") == 0)
    crash_at = PD_OUTBOX_STEP_CONFIRMED;
  else if (crash)
    return 2;

  cache = ot_cache_open (argv[1]);
  client = ot_client_new (argv[2], argv[3]);
  outbox = pd_outbox_new (cache, client);
  pd_outbox_set_retry_delays (outbox, 20, 200);
  pd_outbox_set_step_hook (outbox, on_step, NULL);

  if (g_str_equal (argv[4], "submit") && argc == 9)
    {
      g_autoptr(JsonNode) body = g_str_equal (argv[7], "-") ? NULL : json_from_string (argv[7], NULL);
      gboolean done = FALSE;

      pd_outbox_submit_async (outbox, argv[5], argv[6], body,
                              g_str_equal (argv[8], "-") ? NULL : argv[8],
                              "crash test", PD_OUTBOX_FLAG_NONE, NULL, on_submitted, &done);
      pd_test_wait_until (&done, 60000);
    }
  else if (g_str_equal (argv[4], "resume"))
    {
      pd_outbox_resume (outbox);
      ot_wait_idle (outbox, 60000);
      printf ("remaining %u\n", g_list_model_get_n_items (pd_outbox_get_entries (outbox)));
    }
  else
    return 2;

  pd_outbox_close (outbox);
  g_clear_object (&outbox);
  pd_cache_close (cache);
  return 0;
}
