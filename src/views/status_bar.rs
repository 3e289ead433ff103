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
        ui.label(format!(
            "{} · {} · {}",
            counted(dataset.parks.len(), s.parks),
            counted(dataset.figure_count(), s.figures_count),
            counted(dataset.sources.len(), s.sources)
        ));
        if reloading {
            ui.separator();
            ui.weak(s.reloading);
        }
    });
}
