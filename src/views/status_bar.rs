//! The bottom bar: which dataset is shown, where it came from, and how much it holds.

use egui::{Id, Ui};

use crate::i18n::{labelled, parks_in_words, strings};
use crate::model::{Dataset, Language};
use crate::views::remembered::remembered;
use crate::views::widgets::dataset_park_count;
use crate::views::widgets::hover::hover_text;

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
        // In a narrow window the last of these is cut with "…" (and shown whole on hover), not
        // mid-word at the window's edge.
        ui.add(
            egui::Label::new(format!("{} · v{}", dataset.meta.title.get(language), dataset.meta.version)).truncate(),
        );
        ui.separator();
        ui.add(egui::Label::new(labelled(language, s.loaded_from, origin.unwrap_or(s.embedded))).truncate());
        ui.separator();
        // A joint park listed as its parts would read "17 parks" beside a title that says
        // sixteen: the parks are counted as the official list counts them, the entries after.
        // Counted once a dataset: each count runs through every park, 10,000 a frame at worst.
        let parks = dataset_park_count(ui, dataset);
        // The zone's figures too: a researcher citing the dataset's size counts every figure.
        let figures = remembered(ui.ctx(), Id::unique("status_figures"), dataset.revision(), |_| {
            dataset.figure_count() + dataset.zone_figure_count()
        });
        let parts_listed = parks.lists_parts();
        let parks = parks_in_words(language, parks);
        let counts = ui.add(
            egui::Label::new(format!(
                "{parks} · {} · {}",
                s.figures_count.after(figures),
                s.sources.after(dataset.sources.len())
            ))
            .truncate(),
        );
        if parts_listed {
            hover_text(counts, || s.entries_explained);
        }
        if reloading {
            ui.separator();
            ui.weak(s.reloading);
        }
    });
}
