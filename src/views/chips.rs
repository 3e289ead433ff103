//! The line above the table: how many parks match, one removable chip per active filter, and
//! "Reset all".

use egui::{RichText, Ui};

use crate::format::shortened_name;
use crate::i18n::{matching_of, strings};
use crate::model::{Dataset, Language};
use crate::state::filter_words::chip_label;
use crate::state::{Action, FilterState};
use crate::views::widgets::dataset_park_count;
use crate::views::widgets::hover::hover_text;

/// The widest a chip's text is before it is cut, in columns of text (a Chinese character two).
const MAX_CHIP_COLUMNS: usize = 48;

/// Draws the count and the chips of `filter`; removals are reported as actions.
pub fn chips_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    filter: &FilterState,
    shown: usize,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let s = strings(language);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(matching_of(language, shown, dataset_park_count(ui, dataset))).strong());
        let chips = filter.chips();
        if chips.is_empty() {
            return;
        }
        for chip in chips {
            let label = chip_label(dataset, filter, &chip, language);
            // A search pasted from elsewhere can be a paragraph: its chip is cut, so that the
            // line keeps clear of the buttons beside it, and named whole on hover.
            let (text, hint) = match shortened_name(&label, MAX_CHIP_COLUMNS) {
                cut if cut != label => (cut, format!("{label}\n{}", s.remove_filter)),
                whole => (whole, s.remove_filter.to_owned()),
            };
            if hover_text(ui.button(format!("{text} ×")), || hint).clicked() {
                actions.push(Action::RemoveChip(chip));
            }
        }
        if ui.button(s.reset_all).clicked() {
            actions.push(Action::ResetFilters);
        }
    });
}
