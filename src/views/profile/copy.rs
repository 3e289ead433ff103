//! Copying a line of the profile (a figure, a milestone) as text that cites itself, and the
//! "Copied" mark the line shows for a moment after.

use egui::{Align2, Id, Rect, RichText, TextStyle, TextWrapMode, Ui, WidgetText, vec2};

use crate::format::source_cited;
use crate::i18n::{comma, strings};
use crate::model::{Language, Source};

/// How long a line just copied says so, in seconds.
const COPIED_SECS: f64 = 1.5;
/// Room either side of "Copied" on its plate, and the plate's corners, in points.
const COPIED_PAD_PT: f32 = 4.0;
const COPIED_CORNER_PT: f32 = 3.0;

/// Where the line copied last and when are kept.
fn copied_id() -> Id {
    Id::unique("profile_line_copied")
}

/// Copies `text`, the line `line_id`'s, and remembers it was copied, for [`copied_mark_ui`].
pub(super) fn copy_line(ui: &Ui, line_id: Id, text: String) {
    ui.ctx().copy_text(text);
    let now = ui.input(|input| input.time);
    ui.data_mut(|data| data.insert_temp(copied_id(), (line_id, now)));
}

/// Whether Copy (Ctrl+C, which the platform reports as a copy event) was pressed this frame:
/// with a line's source focused it copies the line, as the line's context menu does, the
/// keyboard's way to the menu pointers open.
pub(super) fn copy_pressed(ui: &Ui) -> bool {
    ui.input(|input| input.events.iter().any(|event| matches!(event, egui::Event::Copy)))
}

/// "Copied" at the right of the line `id` (laid out in `rect`) for a moment after it was
/// copied: a copy made from the keyboard, or from the menu, otherwise gave no sign it happened.
pub(super) fn copied_mark_ui(ui: &Ui, id: Id, rect: Rect, language: Language) {
    let Some((line_id, copied_at)) = ui.data(|data| data.get_temp::<(Id, f64)>(copied_id())) else { return };
    let secs_left = COPIED_SECS - (ui.input(|input| input.time) - copied_at);
    if line_id != id || secs_left <= 0.0 {
        return;
    }
    #[expect(clippy::cast_possible_truncation, reason = "a second or two")]
    ui.ctx().request_repaint_after_secs(secs_left as f32);
    let visuals = ui.visuals();
    let text = RichText::new(format!("✓ {}", strings(language).copied)).strong();
    let galley = WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, TextStyle::Body);
    let pad = vec2(COPIED_PAD_PT, 0.0);
    let plate = Align2::RIGHT_CENTER.align_size_within_rect(galley.size() + 2.0 * pad, rect);
    ui.painter().rect_filled(plate, COPIED_CORNER_PT, visuals.selection.bg_fill);
    ui.painter().galley(plate.min + pad, galley, visuals.selection.stroke.color);
}

/// A source as a line copied out of the profile cites it, to be found again from notes: its
/// label as every view gives it ("China Daily 2020a") with its title, date and address.
pub(super) fn source_in_full(source: &Source, language: Language) -> String {
    let mut cited = source_cited(source, language);
    for detail in [&source.date, &source.url].into_iter().flatten() {
        cited = format!("{cited}{}{detail}", comma(language));
    }
    format!("{}{cited}", strings(language).source)
}
