//! The bottom bar: which dataset is shown, where it came from, and how much it holds.

use egui::Ui;

use crate::format::format_count;
use crate::i18n::{Counted, labelled, strings};
use crate::model::{Dataset, Language};

/// Draws the status bar. `origin` is the file the dataset came from, or `None` when it is the
/// dataset built into the program. `reloading` says a changed file is being loaded.
pub fn status_bar_ui(
    ui: &mut Ui,
    dataset: Option<&Dataset>,
    origin: Option<&str>,
    reloading: bool,
    language: Language,
) {
    let s = strings(language);
    ui.horizontal(|ui| {
        let Some(dataset) = dataset else {
            ui.label(s.no_dataset);
            return;
        };
        ui.label(format!("{} · v{}", dataset.meta.title.get(language), dataset.meta.version));
        ui.separator();
        ui.label(labelled(language, s.loaded_from, origin.unwrap_or(s.embedded)));
        ui.separator();
        let counted = |count: usize, words: Counted| format!("{} {}", format_count(count), words.for_count(count));
        // A joint park listed as its parts would read "17 parks" beside a title that says
        // sixteen: the parks are counted as the official list counts them, the entries after.
        let (parks, entries) = (dataset.official_park_count(), dataset.parks.len());
        let parks = if parks == entries {
            counted(parks, s.parks)
        } else {
            match language {
                Language::En => format!("{} ({})", counted(parks, s.parks), counted(entries, s.entries)),
                Language::Zh => format!("{}（{}）", counted(parks, s.parks), counted(entries, s.entries)),
            }
        };
        let counts = ui.label(format!(
            "{parks} · {} · {}",
            counted(dataset.figure_count(), s.figures_count),
            counted(dataset.sources.len(), s.sources)
        ));
        if dataset.official_park_count() != entries {
            counts.on_hover_text(s.entries_explained);
        }
        if reloading {
            ui.separator();
            ui.weak(s.reloading);
        }
    });
}
