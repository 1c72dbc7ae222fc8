/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-faults.h"

struct _PdPortalFaults
{
  GRand  *rand;
  char   *path_prefix;
  double  latency_p;
  guint   latency_min, latency_max;
  double  error_p;
  guint   error_status;
  double  reset_p;
  double  malformed_p;
  double  truncate_p;
  double  rate_limit_p;
  guint   retry_after;
};

void
pd_portal_faults_free (PdPortalFaults *faults)
{
  if (faults == NULL)
    return;
  g_rand_free (faults->rand);
  g_free (faults->path_prefix);
  g_free (faults);
}

static gboolean
parse_probability (const char *text,
                   double     *out)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || (*end != '\0' && *end != ':') || !(value >= 0.0 && value <= 1.0))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_uint (const char *text,
            guint       min,
            guint       max,
            guint      *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
parse_rule (PdPortalFaults *faults,
            const char     *name,
            const char     *value)
{
  const char *arg = strchr (value, ':');
  double p;

  if (g_str_equal (name, "path"))
    {
      if (value[0] != '/')
        return FALSE;
      g_free (faults->path_prefix);
      faults->path_prefix = g_strdup (value);
      return TRUE;
    }
  if (g_str_equal (name, "seed"))
    {
      guint seed;
      if (!parse_uint (value, 0, G_MAXUINT, &seed))
        return FALSE;
      g_rand_set_seed (faults->rand, seed);
      return TRUE;
    }
  if (!parse_probability (value, &p))
    return FALSE;
  arg = arg ? arg + 1 : NULL;

  if (g_str_equal (name, "latency"))
    {
      g_auto(GStrv) range = NULL;
      faults->latency_p = p;
      faults->latency_min = 50;
      faults->latency_max = 500;
      if (arg == NULL)
        return TRUE;
      range = g_strsplit (arg, "-", 2);
      if (!parse_uint (range[0], 0, 60000, &faults->latency_min))
        return FALSE;
      faults->latency_max = faults->latency_min;
      if (range[1] != NULL && !parse_uint (range[1], faults->latency_min, 60000, &faults->latency_max))
        return FALSE;
      return TRUE;
    }
  if (g_str_equal (name, "error"))
    {
      faults->error_p = p;
      faults->error_status = 503;
      return arg == NULL || parse_uint (arg, 500, 599, &faults->error_status);
    }
  if (g_str_equal (name, "ratelimit"))
    {
      faults->rate_limit_p = p;
      faults->retry_after = 1;
      return arg == NULL || parse_uint (arg, 1, 3600, &faults->retry_after);
    }
  if (arg != NULL)
    return FALSE;
  if (g_str_equal (name, "reset"))
    faults->reset_p = p;
  else if (g_str_equal (name, "malformed"))
    faults->malformed_p = p;
  else if (g_str_equal (name, "truncate"))
    faults->truncate_p = p;
  else
    return FALSE;
  return TRUE;
}

PdPortalFaults *
pd_portal_faults_parse (const char  *spec,
                        GError     **error)
{
  g_autoptr(PdPortalFaults) faults = g_new0 (PdPortalFaults, 1);
  g_auto(GStrv) rules = g_strsplit (spec, ",", -1);
  double sum;

  faults->rand = g_rand_new ();
  faults->path_prefix = g_strdup ("/api/");

  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (rules[i]), "=", 2);

      if (pair[0] == NULL || *pair[0] == '\0')
        continue;
      if (pair[1] == NULL || !parse_rule (faults, pair[0], pair[1]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "Invalid fault rule “%s”: expected NAME=PROBABILITY[:ARG] with NAME one of latency, "
                       "error, reset, malformed, truncate, ratelimit (or path=/PREFIX, seed=N), "
                       "PROBABILITY between 0 and 1", rules[i]);
          return NULL;
        }
    }

  sum = faults->error_p + faults->reset_p + faults->malformed_p + faults->truncate_p + faults->rate_limit_p;
  if (sum > 1.0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "The fault probabilities other than latency add up to %.2f, more than 1", sum);
      return NULL;
    }
  return g_steal_pointer (&faults);
}

void
pd_portal_faults_decide (PdPortalFaults        *faults,
                         const char            *path,
                         PdPortalFaultDecision *decision)
{
  double roll;

  memset (decision, 0, sizeof *decision);
  if (faults == NULL || !g_str_has_prefix (path, faults->path_prefix))
    return;

  if (faults->latency_p > 0 && g_rand_double (faults->rand) < faults->latency_p)
    decision->latency_ms = (guint) g_rand_int_range (faults->rand, (gint32) faults->latency_min,
                                                     (gint32) faults->latency_max + 1);

  /* One roll split into bands, so each fault keeps its own probability. */
  roll = g_rand_double (faults->rand);
  if ((roll -= faults->error_p) < 0)
    {
      decision->kind = PD_FAULT_ERROR;
      decision->status = faults->error_status;
    }
  else if ((roll -= faults->reset_p) < 0)
    decision->kind = PD_FAULT_RESET;
  else if ((roll -= faults->malformed_p) < 0)
    decision->kind = PD_FAULT_MALFORMED;
  else if ((roll -= faults->truncate_p) < 0)
    decision->kind = PD_FAULT_TRUNCATE;
  else if ((roll -= faults->rate_limit_p) < 0)
    {
      decision->kind = PD_FAULT_RATE_LIMIT;
      decision->retry_after = faults->retry_after;
    }
}
