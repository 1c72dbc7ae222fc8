/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pd-mapping"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-clientactions-common.h"
#include "pd-edit.h"
#include "pd-mapping-candidates.h"
#include "pd-mapping-dialog.h"
#include "pd-permission-gate.h"
#include "pd-service-account-candidate.h"
#include "pd-widgets-style.h"

struct _PdMappingDialog
{
  AdwWindow            parent_instance;

  PdSession           *session;
  char                *organization_id;
  GtkWidget           *parent;        /* weak: where the outcome is told */
  PdMappingCandidates *candidates;
  GtkSingleSelection  *selection;
  PdEdit              *edit;          /* the link on its way, or NULL */
  char                *link_error;    /* why the last link failed, until the next try */
  GCancellable        *cancellable;

  AdwWindowTitle      *window_title;
  GtkWidget           *link_button;
  GtkSpinner          *more_spinner;
  GtkStack            *stack;
  GtkLabel            *intro_label;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  GtkWidget           *retry_button;
  AdwStatusPage       *denied_page;
};

G_DEFINE_FINAL_TYPE (PdMappingDialog, pd_mapping_dialog, ADW_TYPE_WINDOW)

static PdOrganization *
organization (PdMappingDialog *self)
{
  return pd_clientactions_lookup_organization (self->session, self->organization_id);
}

/* Above the list: why the last link failed, else why a later page of the list could not be
 * read (scrolling down tries again). */
static void
update_error (PdMappingDialog *self)
{
  const char *text = self->link_error;

  if (text == NULL && g_list_model_get_n_items (pd_mapping_candidates_get_model (self->candidates)) > 0)
    text = pd_mapping_candidates_get_error (self->candidates);
  if (text != NULL)
    gtk_label_set_text (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, text != NULL);
}

static void
show_error (PdMappingDialog *self,
            const char      *text)
{
  g_free (self->link_error);
  self->link_error = g_strdup (text);
  update_error (self);
}

/* ---- rows ---------------------------------------------------------------------------- */

/* Why @candidate cannot be picked (translated), or NULL when it can */
static char *
taken_text (PdMappingDialog           *self,
            PdServiceAccountCandidate *candidate)
{
  const char *linked = pd_service_account_candidate_get_linked_organization_id (candidate);
  PdOrganization *other;

  if (linked == NULL)
    return NULL;
  if (g_str_equal (linked, self->organization_id))
    return g_strdup (_("Linked to this client now"));
  other = pd_clientactions_lookup_organization (self->session, linked);
  if (other != NULL)
    /* Translators: %s is another client's name */
    return g_strdup_printf (_("Taken: linked to %s"), pd_organization_get_name (other));
  /* Translators: %s is a client's ID, e.g. org_12 (a client the user cannot see) */
  return g_strdup_printf (_("Taken: linked to another client (%s)"), linked);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (labels, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      if (i > 0)
        gtk_widget_add_css_class (label, "caption");
      if (i == 1)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PdMappingDialog          *self)
{
  PdServiceAccountCandidate *candidate = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkWidget *taken = gtk_widget_get_next_sibling (detail);
  GtkWidget *icon = gtk_widget_get_last_child (box);
  const char *domain = pd_service_account_candidate_get_domain (candidate);
  const char *id = pd_resource_get_id (PD_RESOURCE (candidate));
  g_autofree char *text = NULL;
  g_autofree char *why = taken_text (self, candidate);

  /* Translators: a service account's ID and domain, e.g. “sa_12 · contoso.example” */
  text = domain != NULL && *domain != '\0' ? g_strdup_printf (_("%s · %s"), id, domain) : g_strdup (id);
  gtk_label_set_text (GTK_LABEL (name), pd_service_account_candidate_get_name (candidate));
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_label_set_text (GTK_LABEL (taken), why != NULL ? why : "");
  gtk_widget_set_visible (taken, why != NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), why != NULL ? "changes-prevent-symbolic" : NULL);
  gtk_widget_set_tooltip_text (icon, why);
  /* shown, so the technician sees where it went, but not to be picked */
  gtk_list_item_set_selectable (item, why == NULL);
  gtk_list_item_set_activatable (item, why == NULL);
  if (why != NULL)
    gtk_widget_add_css_class (box, "pd-taken");
  else
    gtk_widget_remove_css_class (box, "pd-taken");
}

/* ---- state --------------------------------------------------------------------------- */

static PdServiceAccountCandidate *
picked (PdMappingDialog *self)
{
  PdServiceAccountCandidate *candidate = gtk_single_selection_get_selected_item (self->selection);

  if (candidate == NULL || pd_service_account_candidate_get_linked_organization_id (candidate) != NULL)
    return NULL;
  return candidate;
}

static void
update_link_button (PdMappingDialog *self)
{
  gtk_widget_set_sensitive (self->link_button, self->edit == NULL && picked (self) != NULL &&
                                               organization (self) != NULL);
}

static void
update_list (PdMappingDialog *self)
{
  guint n = g_list_model_get_n_items (pd_mapping_candidates_get_model (self->candidates));
  const char *error = pd_mapping_candidates_get_error (self->candidates);
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';

  update_error (self);
  /* the first page has the middle of the dialog; later ones a spinner in the header */
  gtk_spinner_set_spinning (self->more_spinner, n > 0 && pd_mapping_candidates_get_loading (self->candidates));
  gtk_widget_set_visible (GTK_WIDGET (self->more_spinner), gtk_spinner_get_spinning (self->more_spinner));
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (pd_mapping_candidates_get_loading (self->candidates))
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      return;
    }
  gtk_widget_set_visible (self->retry_button, error != NULL);
  if (error != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "network-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Cannot List Service Accounts"));
      adw_status_page_set_description (self->empty_page, error);
    }
  else if (searching)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, _("No service account matches the search."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "folder-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Service Accounts"));
      adw_status_page_set_description (self->empty_page,
                                       _("Your company has no service account at the backup provider yet."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
update_intro (PdMappingDialog *self)
{
  PdOrganization *org = organization (self);
  const char *current;
  g_autofree char *text = NULL;

  if (org == NULL)
    {
      adw_status_page_set_title (self->denied_page, _("Client Not Found"));
      adw_status_page_set_description (self->denied_page,
                                       _("This client was deleted, or it is no longer among the clients you can see."));
      gtk_stack_set_visible_child_name (self->stack, "denied");
      update_link_button (self);
      return;
    }
  adw_window_title_set_subtitle (self->window_title, pd_organization_get_name (org));
  current = pd_organization_get_mapping_service_account_id (org);
  if (pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_MAPPED && current != NULL)
    /* Translators: %s is a client's name, %s a service account ID (sa_12) */
    text = g_strdup_printf (_("%s is linked to the service account %s. Pick another one to link it there "
                              "instead."), pd_organization_get_name (org), current);
  else
    /* Translators: %s is a client's name */
    text = g_strdup_printf (_("Pick the backup provider’s customer account of %s. Until it is linked, its "
                              "billing and backups may not work. Accounts already linked to another client "
                              "are shown, but cannot be picked."), pd_organization_get_name (org));
  gtk_label_set_text (self->intro_label, text);
}

/* ---- linking ------------------------------------------------------------------------- */

static void
search_again (PdMappingDialog *self)
{
  pd_mapping_candidates_search (self->candidates, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
linked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdMappingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  g_autofree char *account = g_object_steal_data (source, "pd-account-name");
  PdOrganization *org = organization (self);

  /* closed meanwhile: an answer is in the organizations list anyway */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_clear_object (&self->edit);
  update_link_button (self);
  if (response != NULL)
    {
      /* Translators: the first %s is a client's name, the second a service account's name */
      g_autofree char *text = g_strdup_printf (_("Linked %s to the service account “%s”"),
                                               org != NULL ? pd_organization_get_name (org) : self->organization_id,
                                               account);

      if (self->parent != NULL)
        pd_clientactions_toast (self->parent, text);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* “Keep Theirs” in the conflict dialog: their version is shown */
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    {
      /* Translators: %s is a service account's name */
      g_autofree char *text = g_strdup_printf (_("“%s” was linked to another client meanwhile. Pick another "
                                                 "service account, or unlink it from that client first."), account);
      show_error (self, text);
      search_again (self);
      return;
    }
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    search_again (self);
  show_error (self, error->message);
}

static void
queued_cb (PdMappingDialog *self)
{
  if (self->parent != NULL)
    pd_clientactions_toast (self->parent, _("The portal cannot be reached: the link is made as soon as it can"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
link_confirmed (PdMappingDialog *self)
{
  PdServiceAccountCandidate *candidate = picked (self);
  PdOrganization *org = organization (self);
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (candidate == NULL || org == NULL || self->edit != NULL)
    return;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "service_account_id");
  json_builder_add_string_value (builder, pd_resource_get_id (PD_RESOURCE (candidate)));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/api/v1/organizations/%s/mapping", self->organization_id);
  /* Translators: the first %s is a client's name, the second a service account's name */
  description = g_strdup_printf (_("Link %s to the service account “%s”"), pd_organization_get_name (org),
                                 pd_service_account_candidate_get_name (candidate));
  self->edit = pd_edit_new (self->session, "PUT", path, body, pd_resource_get_etag (PD_RESOURCE (org)), description);
  pd_edit_set_target (self->edit, pd_session_get_organizations (self->session), self->organization_id);
  pd_edit_add_field_label (self->edit, "service_account_id", _("Service account"));
  g_object_set_data_full (G_OBJECT (self->edit), "pd-account-name",
                          g_strdup (pd_service_account_candidate_get_name (candidate)), g_free);
  g_signal_connect_object (self->edit, "queued", G_CALLBACK (queued_cb), self, G_CONNECT_SWAPPED);
  show_error (self, NULL);
  update_link_button (self);
  pd_edit_run_async (self->edit, GTK_WIDGET (self), self->cancellable, linked_cb, g_object_ref (self));
}

static void
link_clicked_cb (PdMappingDialog *self)
{
  PdServiceAccountCandidate *candidate = picked (self);
  PdOrganization *org = organization (self);
  const char *domain;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (candidate == NULL || org == NULL || self->edit != NULL)
    return;
  domain = pd_service_account_candidate_get_domain (candidate);
  /* Translators: the first %s is a client's name, the second a service account's name */
  heading = g_strdup_printf (_("Link %s to “%s”?"), pd_organization_get_name (org),
                             pd_service_account_candidate_get_name (candidate));
  /* Translators: %s is a service account ID and domain, e.g. “sa_12, contoso.example” */
  body = g_strdup_printf (_("Billing and backups of this client then go through the service account %s%s%s. "
                            "You can change or remove the link later."),
                          pd_resource_get_id (PD_RESOURCE (candidate)),
                          domain != NULL && *domain != '\0' ? ", " : "", domain != NULL ? domain : "");
  pd_clientactions_confirm (GTK_WIDGET (self), heading, body, _("_Link"), FALSE, G_CALLBACK (link_confirmed), self);
}

/* ---- template callbacks -------------------------------------------------------------- */

static void
search_changed_cb (PdMappingDialog *self)
{
  search_again (self);
}

/* Enter: link what is picked, else go down to the list to pick with the arrows */
static void
search_activate_cb (PdMappingDialog *self)
{
  if (gtk_widget_get_sensitive (self->link_button))
    link_clicked_cb (self);
  else if (g_list_model_get_n_items (pd_mapping_candidates_get_model (self->candidates)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
list_activate_cb (PdMappingDialog *self,
                  guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  link_clicked_cb (self);
}

static void
edge_reached_cb (PdMappingDialog *self,
                 GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    pd_mapping_candidates_load_more (self->candidates);
}

static void
retry_clicked_cb (PdMappingDialog *self)
{
  search_again (self);
}

/* ---- life ---------------------------------------------------------------------------- */

static void
pd_mapping_dialog_dispose (GObject *object)
{
  PdMappingDialog *self = PD_MAPPING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_MAPPING_DIALOG);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->selection);
  g_clear_object (&self->candidates);
  g_clear_object (&self->edit);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_mapping_dialog_parent_class)->dispose (object);
}

static void
pd_mapping_dialog_finalize (GObject *object)
{
  PdMappingDialog *self = PD_MAPPING_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->organization_id);
  g_free (self->link_error);
  G_OBJECT_CLASS (pd_mapping_dialog_parent_class)->finalize (object);
}

static void
pd_mapping_dialog_class_init (PdMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_mapping_dialog_dispose;
  object_class->finalize = pd_mapping_dialog_finalize;

  pd_style_ensure (RESOURCE_BASE_PATH "/clientactions/clientactions.css");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/clientactions/pd-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, link_button);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, more_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PdMappingDialog, denied_page);
  gtk_widget_class_bind_template_callback (widget_class, link_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_mapping_dialog_init (PdMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Whether the role may link this client; if not, the dialog says why instead of a list */
static gboolean
check_allowed (PdMappingDialog *self)
{
  g_autofree char *why = NULL;

  if (!pd_session_has_permission (self->session, "organizations.write"))
    why = pd_permission_explain_missing (self->session, "organizations.write");
  else if (!pd_permission_in_scope (self->session, self->organization_id))
    why = g_strdup (_("This client is outside the access scope of your groups."));
  if (why == NULL)
    return TRUE;
  adw_status_page_set_title (self->denied_page, _("You Cannot Link This Client"));
  adw_status_page_set_description (self->denied_page, why);
  gtk_stack_set_visible_child_name (self->stack, "denied");
  return FALSE;
}

GtkWidget *
pd_mapping_dialog_new (GtkWidget  *parent,
                       PdSession  *session,
                       const char *organization_id)
{
  PdMappingDialog *self;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkRoot *root;
  GListModel *model;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (organization_id != NULL, NULL);

  self = g_object_new (PD_TYPE_MAPPING_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->organization_id = g_strdup (organization_id);
  g_set_weak_pointer (&self->parent, parent);
  root = gtk_widget_get_root (parent);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  self->candidates = pd_mapping_candidates_new (session, organization_id);
  model = pd_mapping_candidates_get_model (self->candidates);
  self->selection = gtk_single_selection_new (g_object_ref (model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (update_link_button), self,
                           G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->candidates, "notify::loading", G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->candidates, "notify::error", G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pd_session_get_organizations (session), "items-changed", G_CALLBACK (update_intro), self,
                           G_CONNECT_SWAPPED);

  update_intro (self);
  if (organization (self) != NULL && check_allowed (self))
    search_again (self);
  update_list (self);
  update_link_button (self);
  return GTK_WIDGET (self);
}

void
pd_mapping_dialog_present (GtkWidget  *parent,
                           PdSession  *session,
                           const char *organization_id)
{
  gtk_window_present (GTK_WINDOW (pd_mapping_dialog_new (parent, session, organization_id)));
}
