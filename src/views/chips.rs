//! The line above the table: how many parks match, one removable chip per active filter, and
//! "Reset all".

use egui::{RichText, Ui};

use crate::i18n::{matching_of, strings};
use crate::model::{Dataset, Language};
use crate::state::{Action, Chip, FilterState};

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
        ui.label(RichText::new(matching_of(language, shown, dataset.parks.len())).strong());
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

/// The words on a chip, e.g. "Industry: Fintech" or "Planned area: 5–30 km²".
pub fn chip_label(dataset: &Dataset, filter: &FilterState, chip: &Chip, language: Language) -> String {
    let s = strings(language);
    match chip {
        Chip::Search(text) => format!("{}: {text}", s.search),
        Chip::Industry(id) => {
            let name = dataset.industry(id).map_or(id.as_str(), |i| i.name.get(language));
            format!("{}: {name}", s.industry)
        }
        Chip::District(id) => {
            let name = dataset.district(id).map_or(id.as_str(), |d| d.name.get(language));
            format!("{}: {name}", s.district)
        }
        Chip::Range(i) => {
            let Some(range) = filter.ranges.get(*i) else { return String::new() };
            let (name, unit) = dataset
                .metric(&range.metric)
                .map_or((range.metric.as_str(), ""), |m| (m.name.get(language), m.unit.get(language)));
            let bound = |b: Option<f64>| b.map_or_else(|| "…".to_owned(), crate::format::format_value);
            let missing = if range.keep_missing { format!(" (+{})", s.no_data) } else { String::new() };
            format!("{name}: {}–{} {unit}{missing}", bound(range.min), bound(range.max))
        }
    }
}
