//! The line above the table: how many parks match, one removable chip per active filter, and
//! "Reset all".

use egui::{RichText, Ui};

use crate::i18n::{matching_of, strings};
use crate::model::{Dataset, Language};
use crate::state::{Action, FilterState};
use crate::views::widgets::{chip_label, dataset_park_count};

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
            let text = format!("{} ×", chip_label(dataset, filter, &chip, language));
            if ui.button(text).on_hover_text(s.remove_filter).clicked() {
                actions.push(Action::RemoveChip(chip));
            }
        }
        if ui.button(s.reset_all).clicked() {
            actions.push(Action::ResetFilters);
        }
    });
}
