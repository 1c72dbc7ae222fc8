/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-auth-error.h"

G_DEFINE_QUARK (pd-auth-error-quark, pd_auth_error)
