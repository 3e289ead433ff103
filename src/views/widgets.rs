//! Small widgets shared by several views.

use egui::{RichText, Ui};

use crate::i18n::strings;
use crate::model::{Language, Source};

/// Longest publisher name shown in a source link before it is cut with "…"; the tooltip has it whole.
const MAX_PUBLISHER_CHARS: usize = 22;

/// A short label for a source: its publisher (cut when long) and the year of its date.
pub fn source_label(source: &Source) -> String {
    let mut publisher: String = source.publisher.chars().take(MAX_PUBLISHER_CHARS).collect();
    if publisher.len() < source.publisher.len() {
        publisher = format!("{}…", publisher.trim_end());
    }
    match source.date.as_deref().and_then(|d| d.get(..4)) {
        Some(year) => format!("{publisher} {year}"),
        None => publisher,
    }
}

/// A link to a source: hovering shows title, publisher, date and note; clicking opens its URL.
pub fn source_link_ui(ui: &mut Ui, source: &Source, language: Language) {
    let label = source_label(source);
    let response = match &source.url {
        Some(url) => ui.hyperlink_to(label, url),
        None => ui.label(label),
    };
    response.on_hover_ui(|ui| source_details_ui(ui, source, language));
}

/// Everything the dataset says about a source, for tooltips.
pub fn source_details_ui(ui: &mut Ui, source: &Source, language: Language) {
    let s = strings(language);
    ui.set_max_width(420.0);
    ui.label(RichText::new(&source.title).strong());
    ui.label(format!("{}: {}", s.publisher, source.publisher));
    if let Some(date) = &source.date {
        ui.label(format!("{}: {date}", s.date));
    }
    if let Some(note) = &source.note {
        ui.label(format!("{}: {note}", s.note));
    }
    match &source.url {
        Some(url) => {
            ui.weak(url);
            ui.weak(s.click_to_open);
        }
        None => {
            ui.weak(s.no_url);
        }
    }
}
