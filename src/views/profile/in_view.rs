//! Blocks of the scrolled profile drawn only while in view. A park's profile runs to several
//! screens (dozens of figures with their sources, milestones, peers); drawing the parts
//! scrolled away each frame cost about as much as the park table beside it. A block once drawn
//! is known by its height, and while it lies wholly out of view only that room is taken, so the
//! scroll bar and everything after it stay where they were.
//!
//! Not while a screen reader is listening (or a test asks the accessibility tree), which is told
//! every part of the profile, nor while a widget has keyboard focus: Tab moves to the next link
//! drawn, so a link left undrawn could not be reached.

use std::fmt::Debug;
use std::hash::Hash;

use egui::{Id, Rect, Ui, pos2, vec2};

/// How much room a block took when last drawn, at which width: a block is only left undrawn at
/// the width it was measured at (to half a point), as its lines wrap by it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Measured {
    width: f32,
    /// From the block's top to where the next block starts (its last widget's spacing after).
    advance: f32,
    /// From the block's top to its last widget's bottom.
    bottom: f32,
}

/// The blocks of one profile: where their heights are kept, and whether they may be left out.
pub(super) struct Blocks {
    /// Names the park and whatever the blocks' heights depend on besides the width.
    id: Id,
    /// See the module docs.
    may_leave_out: bool,
}

impl Blocks {
    /// The blocks of the profile's scrolled content `ui`, whose heights depend on `measured_for`
    /// (the park, the language, the text size, the dataset's revision) and on the width.
    pub(super) fn new(ui: &Ui, measured_for: impl Hash + Debug) -> Self {
        let listening = ui.ctx().accesskit_node_builder(ui.unique_id(), |_| ()).is_some();
        let may_leave_out = !listening && ui.memory(|memory| memory.focused().is_none());
        Self { id: Id::unique(("profile_blocks", measured_for)), may_leave_out }
    }

    /// Draws the block `add` adds, named `block` among the profile's, unless it was drawn
    /// before at this width and its room lies out of view: then that room is taken and
    /// nothing drawn.
    pub(super) fn show(&self, ui: &mut Ui, block: impl Hash + Debug, add: impl FnOnce(&mut Ui)) {
        let id = self.id.with(block);
        let width = ui.available_width();
        let top = ui.cursor().top();
        let known = ui.data(|data| data.get_temp::<Measured>(id)).filter(|known| (known.width - width).abs() < 0.5);
        if self.may_leave_out
            && let Some(known) = known
        {
            let room = Rect::from_min_size(pos2(ui.cursor().left(), top), vec2(width, known.bottom));
            if !ui.is_rect_visible(room) {
                // The content's size, for the scroll bar, is what its widgets cover.
                ui.expand_to_include_y(top + known.bottom);
                ui.add_space(known.advance);
                return;
            }
        }
        add(ui);
        let measured = Measured { width, advance: ui.cursor().top() - top, bottom: ui.min_rect().bottom() - top };
        if known != Some(measured) {
            ui.data_mut(|data| data.insert_temp(id, measured));
        }
    }
}
