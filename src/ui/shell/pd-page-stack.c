/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-page-stack"

#include "config.h"

#include "pd-page-stack.h"

struct _PdPageStack
{
  GtkWidget  parent_instance;

  GtkStack  *stack;
  GtkWidget *root;
  /* Pushed pages, bottom first; the fallback title of each is set as object data */
  GPtrArray *pages;
  /* Popped pages still sliding out: removed when the transition ends */
  GPtrArray *leaving;
  char      *title;
};

G_DEFINE_FINAL_TYPE (PdPageStack, pd_page_stack, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DEPTH, PROP_TITLE, PROP_VISIBLE_PAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define FALLBACK_TITLE "pd-page-stack-title"

GtkWidget *
pd_page_stack_new (void)
{
  return g_object_new (PD_TYPE_PAGE_STACK, NULL);
}

static gboolean
has_title_property (GtkWidget *page)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (page), "title");

  return pspec != NULL && pspec->value_type == G_TYPE_STRING && (pspec->flags & G_PARAM_READABLE);
}

static void
update_title (PdPageStack *self)
{
  g_autofree char *title = NULL;

  if (self->pages->len > 0)
    {
      GtkWidget *top = g_ptr_array_index (self->pages, self->pages->len - 1);

      if (has_title_property (top))
        g_object_get (top, "title", &title, NULL);
      if (title == NULL || title[0] == '\0')
        {
          g_free (title);
          title = g_strdup (g_object_get_data (G_OBJECT (top), FALLBACK_TITLE));
        }
      if (title == NULL)
        title = g_strdup ("");
    }
  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
remove_leaving (PdPageStack *self)
{
  while (self->leaving->len > 0)
    {
      GtkWidget *page = g_ptr_array_steal_index (self->leaving, self->leaving->len - 1);

      g_signal_handlers_disconnect_by_data (page, self);
      /* A page popped while another transition ran may already be gone. */
      if (gtk_widget_get_parent (page) == GTK_WIDGET (self->stack))
        gtk_stack_remove (self->stack, page);
      g_object_unref (page);
    }
}

static void
transition_running_cb (PdPageStack *self)
{
  if (!gtk_stack_get_transition_running (self->stack))
    remove_leaving (self);
}

static void
show_top (PdPageStack            *self,
          GtkStackTransitionType  transition)
{
  GtkWidget *top = self->pages->len > 0 ? g_ptr_array_index (self->pages, self->pages->len - 1) : self->root;

  if (top == NULL)
    return;
  gtk_stack_set_transition_type (self->stack, transition);
  gtk_stack_set_visible_child (self->stack, top);
  /* Without animations (or when the stack is not mapped) there is no transition to wait for. */
  if (!gtk_stack_get_transition_running (self->stack))
    remove_leaving (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

void
pd_page_stack_set_root (PdPageStack *self,
                        GtkWidget   *root)
{
  g_return_if_fail (PD_IS_PAGE_STACK (self));
  g_return_if_fail (root == NULL || GTK_IS_WIDGET (root));

  if (root == self->root)
    return;
  while (self->pages->len > 0)
    g_ptr_array_add (self->leaving, g_ptr_array_steal_index (self->pages, self->pages->len - 1));
  if (self->root != NULL)
    gtk_stack_remove (self->stack, self->root);
  self->root = root;
  if (root != NULL)
    gtk_stack_add_named (self->stack, root, "root");
  show_top (self, GTK_STACK_TRANSITION_TYPE_NONE);
  remove_leaving (self);
}

GtkWidget *
pd_page_stack_get_root (PdPageStack *self)
{
  g_return_val_if_fail (PD_IS_PAGE_STACK (self), NULL);

  return self->root;
}

void
pd_page_stack_push (PdPageStack *self,
                    GtkWidget   *page,
                    const char  *title)
{
  g_return_if_fail (PD_IS_PAGE_STACK (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (gtk_widget_get_parent (page) == NULL);

  g_object_set_data_full (G_OBJECT (page), FALLBACK_TITLE, g_strdup (title), g_free);
  g_ptr_array_add (self->pages, g_object_ref_sink (page));
  gtk_stack_add_child (self->stack, page);
  if (has_title_property (page))
    g_signal_connect_object (page, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  show_top (self, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT);
}

gboolean
pd_page_stack_pop (PdPageStack *self)
{
  g_return_val_if_fail (PD_IS_PAGE_STACK (self), FALSE);

  if (self->pages->len == 0)
    return FALSE;
  g_ptr_array_add (self->leaving, g_ptr_array_steal_index (self->pages, self->pages->len - 1));
  show_top (self, GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  return TRUE;
}

void
pd_page_stack_pop_to_root (PdPageStack *self)
{
  g_return_if_fail (PD_IS_PAGE_STACK (self));

  if (self->pages->len == 0)
    return;
  while (self->pages->len > 0)
    g_ptr_array_add (self->leaving, g_ptr_array_steal_index (self->pages, self->pages->len - 1));
  show_top (self, GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
}

guint
pd_page_stack_get_depth (PdPageStack *self)
{
  g_return_val_if_fail (PD_IS_PAGE_STACK (self), 0);

  return self->pages->len;
}

GtkWidget *
pd_page_stack_get_visible_page (PdPageStack *self)
{
  g_return_val_if_fail (PD_IS_PAGE_STACK (self), NULL);

  return self->pages->len > 0 ? g_ptr_array_index (self->pages, self->pages->len - 1) : self->root;
}

const char *
pd_page_stack_get_title (PdPageStack *self)
{
  g_return_val_if_fail (PD_IS_PAGE_STACK (self), NULL);

  return self->title;
}

static void
pd_page_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PdPageStack *self = PD_PAGE_STACK (object);

  switch (prop_id)
    {
    case PROP_DEPTH:
      g_value_set_uint (value, self->pages->len);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VISIBLE_PAGE:
      g_value_set_object (value, pd_page_stack_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_page_stack_dispose (GObject *object)
{
  PdPageStack *self = PD_PAGE_STACK (object);

  if (self->pages != NULL)
    {
      while (self->pages->len > 0)
        g_ptr_array_add (self->leaving, g_ptr_array_steal_index (self->pages, self->pages->len - 1));
      remove_leaving (self);
    }
  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  self->root = NULL;

  G_OBJECT_CLASS (pd_page_stack_parent_class)->dispose (object);
}

static void
pd_page_stack_finalize (GObject *object)
{
  PdPageStack *self = PD_PAGE_STACK (object);

  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->leaving);
  g_free (self->title);

  G_OBJECT_CLASS (pd_page_stack_parent_class)->finalize (object);
}

static void
pd_page_stack_class_init (PdPageStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pd_page_stack_get_property;
  object_class->dispose = pd_page_stack_dispose;
  object_class->finalize = pd_page_stack_finalize;

  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_object ("visible-page", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pd_page_stack_init (PdPageStack *self)
{
  self->pages = g_ptr_array_new ();
  self->leaving = g_ptr_array_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_duration (self->stack, 200);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::transition-running",
                           G_CALLBACK (transition_running_cb), self, G_CONNECT_SWAPPED);
}
