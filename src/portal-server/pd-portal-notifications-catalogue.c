/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notification types the portal can send, grouped as the settings page shows them, with
 * the recommended preset and the e-mail templates used for previews. The notifications module
 * copies this catalogue into its notification_types table when it seeds a database. */
#include "pd-portal-notifications.h"

#include <string.h>

const PdNotificationGroup pd_notification_groups[] = {
  { "backup", "Backups" },
  { "download", "Downloads" },
  { "compliance", "Compliance" },
  { "user_management", "Users and sign-in" },
  { "organization_management", "Organization lifecycle" },
  { "add_backup", "Adding accounts to backups" },
  { "credentials", "Credentials" },
  { "trial", "Trial organizations" },
  { NULL, NULL }
};

#define SIGNATURE "\n\n— Sent by {partner} through the partner portal.\n" \
                  "Change which e-mails you receive: {portal_url}/settings/notifications\n"

const PdNotificationType pd_notification_types[] = {
  /* Backups */
  { "backup.completed", "backup", "Backup run finished",
    "A scheduled backup or archive run of the organization finished, with the number of items saved.",
    "organization", FALSE, "weekly",
    "{organization}: backup finished",
    "Hello {contact},\n\nThe backup of {organization} finished on {date}. {count} items were saved "
    "from {service}; nothing needs your attention." SIGNATURE },
  { "backup.storage_full", "backup", "Backup storage full",
    "The organization used all of its backup storage: new data is no longer backed up until storage "
    "is added or old data is removed.",
    "organization", TRUE, "immediate",
    "Action needed: backup storage of {organization} is full",
    "Hello {contact},\n\n{organization} has used {used} of its {quota} of backup storage. New e-mail "
    "and files are not backed up until more storage is added.\n\nContact {partner} to extend the "
    "plan." SIGNATURE },
  { "backup.storage_near_limit", "backup", "Backup storage almost full",
    "The organization used more than 90% of its backup storage.",
    "organization", TRUE, "daily",
    "{organization} has used {percent} of its backup storage",
    "Hello {contact},\n\n{organization} has used {used} of its {quota} of backup storage ({percent}). "
    "When it is full, new data is not backed up." SIGNATURE },
  { "backup.failed", "backup", "Backup errors",
    "A backup run could not save some or all items, for example because the service refused access.",
    "organization", TRUE, "immediate",
    "Backup problem at {organization}",
    "Hello {contact},\n\nThe backup of {account} ({service}) on {date} did not complete: {error}.\n\n"
    "The next run retries automatically; if the problem stays, sign in again on the credentials "
    "page." SIGNATURE },
  { "backup.group_mailbox_deactivated", "backup", "Group mailbox deactivated",
    "The mailbox of a group or team was deactivated in the tenant, so it is no longer backed up.",
    "organization", TRUE, "daily",
    "{organization}: a group mailbox is no longer backed up",
    "Hello {contact},\n\nThe group mailbox {account} was deactivated in your tenant on {date}. Its "
    "existing backup is kept, but new messages are not saved." SIGNATURE },
  { "backup.mailbox_deactivated", "backup", "Mailbox deactivated",
    "A user's mailbox was deactivated in the tenant, so it is no longer backed up.",
    "organization", TRUE, "daily",
    "{organization}: the mailbox of {account} is no longer backed up",
    "Hello {contact},\n\nThe mailbox {account} was deactivated in your tenant on {date}. Its "
    "existing backup is kept and can still be restored." SIGNATURE },

  /* Downloads */
  { "download.ready", "download", "Download ready",
    "An export or restore-to-download that someone requested is ready to be fetched.",
    "organization", TRUE, "immediate",
    "Your download from {organization} is ready",
    "Hello {contact},\n\nThe export of {account} you requested on {date} is ready ({used}). The "
    "link stays valid for {days} days:\n{portal_url}/downloads" SIGNATURE },

  /* Compliance */
  { "compliance.saved_search_results", "compliance", "New results for a saved search",
    "A saved compliance search found new matching items.",
    "organization", TRUE, "daily",
    "New results for “{search}”",
    "Hello {contact},\n\nYour saved search “{search}” found {count} new items in the backup of "
    "{organization} since {date}." SIGNATURE },

  /* Users and sign-in */
  { "user_management.organization_created", "user_management", "Organization created",
    "Welcome e-mail to the organization's contact when the organization is created.",
    "organization", TRUE, "immediate",
    "Welcome: backups for {organization} are set up",
    "Hello {contact},\n\n{partner} created a backup account for {organization}. Sign in to see what "
    "is protected:\n{portal_url}" SIGNATURE },
  { "user_management.client_sign_in_disabled", "user_management", "Client sign-in turned off",
    "Sign-in to the client portal was turned off for a user of the organization.",
    "organization", TRUE, "immediate",
    "Your sign-in to the backup portal was turned off",
    "Hello {contact},\n\nSign-in to the backup portal of {organization} was turned off for "
    "{account} on {date}. Ask {partner} if this is unexpected." SIGNATURE },
  { "user_management.client_sign_in_enabled", "user_management", "Client sign-in turned on",
    "Sign-in to the client portal was turned on for a user of the organization.",
    "organization", TRUE, "immediate",
    "You can now sign in to the backup portal",
    "Hello {contact},\n\n{account} can now sign in to the backup portal of {organization}:\n"
    "{portal_url}" SIGNATURE },
  { "user_management.account_reactivated", "user_management", "Account reactivated",
    "A deactivated account is active again and its backups resume.",
    "organization", FALSE, "daily",
    "{organization}: backups of {account} resumed",
    "Hello {contact},\n\nThe account {account} is active again since {date}; its backups "
    "resume with the next run." SIGNATURE },
  { "user_management.invited_admin_connected", "user_management", "Invited administrator connected",
    "An administrator invited by e-mail granted the access the backup needs.",
    "organization", TRUE, "immediate",
    "{organization}: {service} is now connected",
    "Hello {contact},\n\nThe administrator you invited granted access to {service} on {date}. "
    "The first backup starts within the hour." SIGNATURE },
  { "user_management.ownership_transferred", "user_management", "Ownership transferred",
    "The owner of the organization's backup account changed.",
    "organization", TRUE, "immediate",
    "{organization} has a new account owner",
    "Hello {contact},\n\nThe owner of the backup account of {organization} is now {owner} "
    "(since {date})." SIGNATURE },
  { "user_management.organization_unsubscribed", "user_management", "Organization unsubscribed",
    "An organization ended its subscription; its data is kept until the retention period ends.",
    "partner", TRUE, "daily",
    "{organization} unsubscribed",
    "Hello,\n\n{organization} ended its subscription on {date}. Its backups are kept for {days} "
    "days; resubscribe it before then to keep them." SIGNATURE },
  { "user_management.subscription_deleted", "user_management", "Subscription deleted",
    "An organization's subscription and its backed-up data were deleted.",
    "partner", TRUE, "daily",
    "The subscription of {organization} was deleted",
    "Hello,\n\nThe subscription of {organization} and all its backed-up data were deleted on "
    "{date}. This cannot be undone." SIGNATURE },

  /* Organization lifecycle */
  { "organization_management.grace_period_ended", "organization_management", "Grace period ended",
    "The grace period after a missed payment or an expired plan ended; backups are suspended.",
    "partner", TRUE, "daily",
    "Backups of {organization} are suspended",
    "Hello,\n\nThe grace period of {organization} ended on {date}, so its backups are suspended. "
    "Renew the plan to resume them." SIGNATURE },

  /* Adding accounts to backups */
  { "add_backup.account_added", "add_backup", "Account added to the backup",
    "A mailbox, drive or site was added to the backup.",
    "organization", FALSE, "weekly",
    "{organization}: {count} accounts added to the backup",
    "Hello {contact},\n\n{count} accounts of {organization} were added to the backup since {date}, "
    "including {account}." SIGNATURE },
  { "add_backup.invitations_sent", "add_backup", "Invitations sent",
    "A user of the organization sent invitations to connect accounts to the backup.",
    "organization", FALSE, "daily",
    "{organization}: invitations sent",
    "Hello {contact},\n\n{count} invitations to connect accounts were sent on {date}." SIGNATURE },
  { "add_backup.auto_discovery_no_seats", "add_backup", "No seats for new accounts",
    "Automatic discovery found new accounts but the plan has no open seats to protect them.",
    "partner", TRUE, "daily",
    "{organization}: {count} new accounts are not protected",
    "Hello,\n\nAutomatic discovery found {count} new accounts in {organization}, but its plan has "
    "no open seats, so they are not backed up. Add seats to protect them." SIGNATURE },
  { "add_backup.auto_discovery_added", "add_backup", "Discovered accounts added",
    "Automatic discovery found new accounts and added them to the backup.",
    "organization", TRUE, "weekly",
    "{organization}: {count} new accounts are now backed up",
    "Hello {contact},\n\nAutomatic discovery added {count} new accounts of {organization} to the "
    "backup since {date}, including {account}." SIGNATURE },
  { "add_backup.shared_mailbox_without_seat", "add_backup", "Converted shared mailbox without seat",
    "A mailbox converted to a shared mailbox lost its seat and is no longer backed up.",
    "organization", TRUE, "daily",
    "{organization}: {account} is no longer backed up",
    "Hello {contact},\n\n{account} became a shared mailbox on {date} and no seat is left for it. "
    "Assign a seat to keep backing it up." SIGNATURE },

  /* Credentials */
  { "credentials.authorization_error", "credentials", "Authorization error",
    "The backup lost its authorization to the service (for example revoked consent or an expired "
    "password) and needs someone to sign in again.",
    "organization", TRUE, "immediate",
    "Action needed: reconnect {service} for {organization}",
    "Hello {contact},\n\nThe backup of {organization} can no longer reach {service}: {error}.\n\n"
    "An administrator must sign in again on {portal_url}/credentials; until then, nothing "
    "is backed up." SIGNATURE },

  /* Trial organizations */
  { "trial.created", "trial", "Trial organization created",
    "A free trial organization was created.",
    "partner", TRUE, "daily",
    "Trial started for {organization}",
    "Hello,\n\nA {days}-day trial started for {organization} on {date}." SIGNATURE },
  { "trial.expiring_soon", "trial", "Trial ending soon",
    "A trial organization expires in less than 30 days.",
    "partner", TRUE, "weekly",
    "The trial of {organization} ends in {days} days",
    "Hello,\n\nThe trial of {organization} ends in {days} days. Convert it to a paid plan to keep "
    "its backups." SIGNATURE },
  { "trial.extended", "trial", "Trial extended",
    "The trial period of an organization was extended.",
    "partner", FALSE, "weekly",
    "The trial of {organization} was extended",
    "Hello,\n\nThe trial of {organization} was extended by {days} days on {date}." SIGNATURE },
  { "trial.expired", "trial", "Trial expired",
    "A trial organization expired; its backups stopped.",
    "partner", TRUE, "daily",
    "The trial of {organization} expired",
    "Hello,\n\nThe trial of {organization} expired on {date} and its backups stopped. Convert it "
    "within {days} days to keep the data." SIGNATURE },
  { "trial.converted", "trial", "Trial converted to a paid plan",
    "A trial organization moved to a paid plan.",
    "partner", TRUE, "weekly",
    "{organization} moved to a paid plan",
    "Hello,\n\n{organization} moved from its trial to a paid plan on {date}." SIGNATURE },

  { NULL }
};

static const struct { const char *name; const char *value; } samples[] = {
  { "organization", "Contoso Dental Clinic" },
  { "partner", "Northwind IT Services" },
  { "contact", "Dana Whitfield" },
  { "portal_url", "https://portal.partnerdesk.example" },
  { "account", "reception@contoso-dental.example" },
  { "service", "Microsoft 365 Exchange" },
  { "count", "12" },
  { "date", "2 March 2026" },
  { "used", "475 GB" },
  { "quota", "500 GB" },
  { "percent", "95%" },
  { "days", "30" },
  { "search", "Invoices 2025" },
  { "owner", "Jordan Avery" },
  { "error", "the administrator revoked the consent" },
};

char *
pd_notification_render (const char *template)
{
  GString *out = g_string_sized_new (strlen (template) + 64);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close;
      gboolean replaced = FALSE;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
            if (strlen (samples[i].name) == (gsize) (close - p - 1) &&
                strncmp (p + 1, samples[i].name, close - p - 1) == 0)
              {
                g_string_append (out, samples[i].value);
                p = close + 1;
                replaced = TRUE;
                break;
              }
        }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
