//! Blocks of a long scrolled column drawn only while in view: a park's profile, which runs to
//! several screens (dozens of figures with their sources, milestones, peers), and the filter
//! panel, whose districts, ranges and pins lie below dozens of industries. Drawing the parts
//! scrolled away each frame cost about as much as the park table beside them. A block once
//! drawn is known by its height, and while it lies wholly out of view only that room is taken,
//! so the scroll bar and everything after it stay where they were.
//!
//! Not while a screen reader is listening (or a test asks the accessibility tree), which is told
//! every part, nor while a widget of the column has keyboard focus or Tab is pressed: Tab moves
//! to the next widget drawn, so a widget left undrawn could not be reached.

use std::fmt::Debug;
use std::hash::Hash;

use egui::{Id, Rect, Ui, pos2, vec2};

use crate::views::remembered::glyphs_key;

/// How much room a block took when last drawn (at the width and scale its [`Blocks`] names).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Measured {
    /// From the block's top to where the next block starts (its last widget's spacing after).
    advance: f32,
    /// From the block's top to its last widget's bottom.
    bottom: f32,
}

/// The blocks of one column: where their heights are kept, and whether they may be left out.
pub struct Blocks {
    /// Names the park and whatever the blocks' heights depend on.
    id: Id,
    /// The width the blocks are laid out in, taken once: a block wider than the panel (a long
    /// source label) widens what comes after it only while drawn, which would measure the
    /// later blocks at two widths by turns as it scrolled in and out of view.
    width: f32,
    /// See the module docs.
    may_leave_out: bool,
}

impl Blocks {
    /// The blocks of the scrolled content `ui`, whose heights depend on `measured_for` (what
    /// the blocks show: for a profile the park, the language, the text size, the dataset's
    /// revision), on the screen's scale (where text wraps, in pixels) and on the width.
    pub fn new(ui: &Ui, measured_for: impl Hash + Debug) -> Self {
        let width = ui.available_width();
        // The screen's scale (where text wraps, in pixels) and the font atlas: the filter panel
        // keeps its texts laid out by this id.
        let glyphs = glyphs_key(ui.ctx());
        let listening = ui.ctx().accesskit_node_builder(ui.unique_id(), |_| ()).is_some();
        let tabbing = ui.input(|input| input.key_pressed(egui::Key::Tab));
        let may_leave_out = !listening && !tabbing && !focus_within(ui);
        Self { id: Id::unique(("blocks", measured_for, glyphs, width.to_bits())), width, may_leave_out }
    }

    /// Names what the blocks show and the room they have (see [`Self::new`]): a key for
    /// anything else laid out from the same, kept while it stays.
    pub fn id(&self) -> Id {
        self.id
    }

    /// Draws the block `add` adds, named `block` among the column's, unless it was drawn
    /// before and its room lies out of view: then that room is taken and nothing drawn.
    pub fn show(&self, ui: &mut Ui, block: impl Hash + Debug, add: impl FnOnce(&mut Ui)) {
        let id = self.id.with(block);
        let (left, top) = (ui.cursor().left(), ui.cursor().top());
        let known = ui.data(|data| data.get_temp::<Measured>(id));
        if self.may_leave_out
            && let Some(known) = known
        {
            let room = Rect::from_min_size(pos2(left, top), vec2(self.width, known.bottom.max(0.0)));
            if !ui.is_rect_visible(room) {
                if known.advance > 0.0 {
                    // As the block left the cursor and the content's size (for the scroll bar):
                    // its widgets' bottom and their spacing, then any room added after them
                    // (which `add_space` counts in the content too).
                    let spacing = ui.spacing().item_spacing.y;
                    let covered = known.bottom.min(known.advance - spacing).max(0.0);
                    ui.advance_cursor_after_rect(Rect::from_min_size(pos2(left, top), vec2(0.0, covered)));
                    let after = known.advance - (ui.cursor().top() - top);
                    if after > 0.0 {
                        ui.add_space(after);
                    }
                }
                return;
            }
        }
        add(ui);
        let measured = Measured { advance: ui.cursor().top() - top, bottom: ui.min_rect().bottom() - top };
        if known != Some(measured) {
            ui.data_mut(|data| data.insert_temp(id, measured));
        }
    }
}

/// Whether the widget with keyboard focus lies in the column of `ui`: a table row walked with
/// ↑/↓ keeps the focus, and the profile beside it need not draw every part.
fn focus_within(ui: &Ui) -> bool {
    let Some(focused) = ui.memory(egui::Memory::focused) else { return false };
    let column = ui.max_rect().x_range();
    ui.ctx().read_response(focused).is_none_or(|response| column.contains(response.rect.center().x))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many times each of ten blocks 100 points tall was drawn over `frames` frames of a
    /// scroll area 300 points tall at its top, with a screen reader listening or not, and
    /// the content's height the scroll area was given.
    fn drawn_at_top(listening: bool, frames: usize) -> ([usize; 10], f32) {
        let ctx = egui::Context::default();
        if listening {
            ctx.enable_accesskit();
        }
        let mut drawn = [0; 10];
        let mut content_height = 0.0;
        for _ in 0..frames {
            let input = egui::RawInput {
                screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(400.0, 300.0))),
                ..egui::RawInput::default()
            };
            let mut output = ctx.run_ui(input, |ui| {
                let shown = egui::ScrollArea::vertical().show(ui, |ui| {
                    let blocks = Blocks::new(ui, "test");
                    for (i, count) in drawn.iter_mut().enumerate() {
                        blocks.show(ui, i, |ui| {
                            *count += 1;
                            ui.allocate_space(vec2(100.0, 100.0));
                        });
                    }
                });
                content_height = shown.content_size.y;
            });
            output.textures_delta.clear();
        }
        (drawn, content_height)
    }

    /// Once measured, a block wholly below the view is left out, and the scroll area still
    /// counts its room; with a screen reader listening every block is drawn every frame.
    #[test]
    fn a_block_out_of_view_is_left_out_once_measured_and_keeps_its_room() {
        let (drawn, height) = drawn_at_top(false, 3);
        assert_eq!(drawn[0], 3, "the first block is in view every frame");
        assert_eq!(drawn[9], 1, "the last block is drawn once, to be measured");
        let (every_frame, height_drawn) = drawn_at_top(true, 3);
        assert_eq!(every_frame, [3; 10]);
        assert!((height - height_drawn).abs() < 0.5, "the content is {height} tall, drawn {height_drawn}");
    }
}
