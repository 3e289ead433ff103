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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use egui::epaint::ClippedShape;
    use egui::{Context, Event, Pos2, RawInput, Shape, Vec2, pos2, vec2};

    use crate::app::ParkApp;
    use crate::model::{EMBEDDED_DATASET, Language};

    /// A window of the app, driven frame by frame without a test harness, which always has
    /// a screen reader's tree built.
    struct Window {
        ctx: Context,
        app: ParkApp,
        time: f64,
    }

    impl Window {
        const SIZE: Vec2 = vec2(1280.0, 720.0);

        fn frame(&mut self, events: Vec<Event>) -> Vec<ClippedShape> {
            self.time += 0.25;
            let input = RawInput {
                screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, Self::SIZE)),
                time: Some(self.time),
                events,
                ..RawInput::default()
            };
            let mut output = self.ctx.run_ui(input, |ui| self.app.show(ui));
            output.textures_delta.clear();
            output.shapes
        }
    }

    /// The texts `shapes` paint in view right of and below `corner`, each with where it shows.
    fn shown_from(shapes: &[ClippedShape], corner: Pos2) -> Vec<(String, [i32; 2])> {
        fn collect(shape: &Shape, clip: egui::Rect, corner: Pos2, texts: &mut Vec<(String, [i32; 2])>) {
            match shape {
                Shape::Text(text) => {
                    let rect = text.visual_bounding_rect();
                    if rect.left() >= corner.x && rect.top() >= corner.y && rect.intersects(clip) {
                        #[expect(clippy::cast_possible_truncation, reason = "points on a screen")]
                        texts.push((text.galley.text().to_owned(), [rect.left() as i32, rect.top() as i32]));
                    }
                }
                Shape::Vec(shapes) => shapes.iter().for_each(|shape| collect(shape, clip, corner, texts)),
                _ => {}
            }
        }
        let mut texts = Vec::new();
        for clipped in shapes {
            collect(&clipped.shape, clipped.clip_rect, corner, &mut texts);
        }
        texts
    }

    /// What the profile of the park with the most figures shows, screen by screen, scrolled
    /// from its top to its end, with a screen reader listening or not.
    fn longest_profile_scrolled_through(listening: bool) -> Vec<Vec<(String, [i32; 2])>> {
        let text: Arc<str> = Arc::from(EMBEDDED_DATASET);
        let mut window = Window { ctx: Context::default(), app: crate::perf::app_for_view(&text, "table"), time: 0.0 };
        crate::theme::install(&window.ctx, Language::En);
        if listening {
            window.ctx.enable_accesskit();
        }
        window.frame(Vec::new());
        let (park, name) = {
            let dataset = window.app.dataset().expect("the embedded dataset loads");
            let park = dataset.parks.iter().max_by_key(|park| park.observations.len()).expect("parks");
            (park.id.clone(), park.name.en.clone())
        };
        window.app.state.selected = Some(park);
        window.frame(Vec::new());
        // The profile's column starts at its heading, the park's name right of the table's.
        let shapes = window.frame(Vec::new());
        let column = shown_from(&shapes, pos2(Window::SIZE.x / 2.0, 0.0))
            .iter()
            .find(|(text, _)| *text == name)
            .map(|(_, [left, top])| pos2(*left as f32 - 1.0, *top as f32 - 1.0))
            .expect("the profile's heading");
        let pointer = pos2(column.x + 150.0, Window::SIZE.y / 2.0);
        let mut screens = vec![shown_from(&shapes, column)];
        for _ in 0..20 {
            let wheel = Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, -250.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::default(),
            };
            window.frame(vec![Event::PointerMoved(pointer), wheel]);
            for _ in 0..8 {
                window.frame(Vec::new());
            }
            screens.push(shown_from(&window.frame(Vec::new()), column));
        }
        screens
    }

    /// Without a screen reader, the profile draws only what is in view: scrolled from its top
    /// to its end, it shows exactly what it shows with every part drawn, and ends at the same
    /// place.
    #[test]
    fn a_long_profile_scrolls_the_same_whether_or_not_a_screen_reader_listens() {
        let in_view = longest_profile_scrolled_through(false);
        // The profile's last part: the companies.
        let last_part = crate::i18n::strings(Language::En).companies;
        let shows_last_part = |screen: &Vec<(String, [i32; 2])>| screen.iter().any(|(text, _)| text == last_part);
        assert!(in_view.first().is_some_and(|top| !shows_last_part(top)), "a profile longer than the window");
        assert!(in_view.last().is_some_and(shows_last_part), "scrolled to its end");
        assert_eq!(in_view, longest_profile_scrolled_through(true));
    }
}
