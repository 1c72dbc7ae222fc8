/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Arrow keys between tiles: left and right within a client, up and down to the tile in the
 * same column of the previous or next client, scrolling the list. Only the rows on screen
 * exist, so moving to one that is not yet made scrolls to it first and focuses its tile
 * when the list has made it. */

#include "config.h"

#include "pd-client-section.h"
#include "pd-clients-page-private.h"

#define MAX_FOCUS_TRIES 30

static PdClientSection *
section_at (PdClientsPage *self,
            guint          position)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      PdClientSection *section = g_ptr_array_index (self->sections, i);
      GtkListItem *item = pd_client_section_get_list_item (section);

      if (item != NULL && gtk_list_item_get_item (item) != NULL && gtk_list_item_get_position (item) == position
          && gtk_widget_get_mapped (GTK_WIDGET (section)))
        return section;
    }
  return NULL;
}

static PdClientSection *
section_of (PdClientsPage *self,
            GtkWidget     *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self->list_view); widget = gtk_widget_get_parent (widget))
    if (PD_IS_CLIENT_SECTION (widget))
      return PD_CLIENT_SECTION (widget);
  return NULL;
}

static gboolean
focus_tile (PdClientSection *section,
            guint            column)
{
  guint n = pd_client_section_get_n_tiles (section);

  if (n == 0)
    return FALSE;
  return gtk_widget_grab_focus (pd_client_section_get_tile (section, MIN (column, n - 1)));
}

static void
stop_pending (PdClientsPage *self)
{
  if (self->focus_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick);
      self->focus_tick = 0;
    }
}

static gboolean
pending_focus_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  PdClientsPage *self = user_data;
  PdClientSection *section = section_at (self, self->focus_position);

  if ((section != NULL && focus_tile (section, self->focus_column)) || ++self->focus_tries >= MAX_FOCUS_TRIES)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Moves to the tile in @column of the client at @position, skipping clients without tiles
 * in direction @step. */
static void
move_to_row (PdClientsPage *self,
             int            position,
             int            step,
             guint          column)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  stop_pending (self);
  pd_clients_first_screen_finish (self->first_screen);
  for (; position >= 0 && (guint) position < n_rows; position += step)
    {
      PdClientSection *section = section_at (self, position);

      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);
      if (section == NULL)
        {
          self->focus_position = position;
          self->focus_column = column;
          self->focus_tries = 0;
          self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                           pending_focus_tick_cb, self, NULL);
          return;
        }
      if (focus_tile (section, column))
        return;
    }
}

/* @direction: GTK_DIR_LEFT, _RIGHT, _UP or _DOWN, on screen. FALSE when the focus is not in
 * the list (the key is then someone else's). */
gboolean
pd_clients_page_move_focus (PdClientsPage    *self,
                            GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  PdClientSection *section;
  GtkListItem *item;
  int tile;

  section = section_of (self, focus);
  if (section == NULL || (item = pd_client_section_get_list_item (section)) == NULL)
    return FALSE;

  tile = pd_client_section_find_tile (section, focus);
  /* On the row itself (Tab lands there first): any arrow enters its tiles. */
  if (tile < 0)
    return focus_tile (section, 0);

  switch ((int) direction)
    {
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
      /* In right-to-left locales the tiles flow the other way. */
      tile += ((direction == GTK_DIR_RIGHT) != rtl) ? 1 : -1;
      if (tile >= 0 && (guint) tile < pd_client_section_get_n_tiles (section))
        focus_tile (section, tile);
      break;
    case GTK_DIR_UP:
      move_to_row (self, (int) gtk_list_item_get_position (item) - 1, -1, tile);
      break;
    case GTK_DIR_DOWN:
      move_to_row (self, (int) gtk_list_item_get_position (item) + 1, 1, tile);
      break;
    default:
      return FALSE;
    }
  /* At an edge the focus stays put rather than wander off into the list's own handling. */
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PdClientsPage         *self)
{
  GtkDirectionType direction;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: direction = GTK_DIR_LEFT; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: direction = GTK_DIR_RIGHT; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: direction = GTK_DIR_UP; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: direction = GTK_DIR_DOWN; break;
    default: return GDK_EVENT_PROPAGATE;
    }
  return pd_clients_page_move_focus (self, direction) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

void
pd_clients_page_keynav_init (PdClientsPage *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  /* Capture: the grid view has arrow bindings of its own. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

void
pd_clients_page_keynav_dispose (PdClientsPage *self)
{
  if (self->list_view != NULL)
    stop_pending (self);
}
