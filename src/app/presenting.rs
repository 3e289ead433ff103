//! Slides kept beside the dataset, and presentation mode: full screen, panels hidden, larger
//! text, a light theme. The slide operations themselves are pure ([`SlideShow`]); this module
//! reads and writes the slides file and changes the window.

use super::{ParkApp, slides_file};
use crate::i18n::strings;
use crate::state::slides::{SlideShow, ViewSnapshot};
use crate::theme;

/// The slides of the open dataset.
#[derive(Debug, Default)]
pub(super) struct Slides {
    /// The deck and the slide shown.
    pub show: SlideShow,
    /// Where they are kept; `None` when there is nowhere to keep them.
    pub path: Option<std::path::PathBuf>,
    /// The file existed but could not be read: back it up before writing over it.
    pub broken: bool,
    /// The title typed for the next slide.
    pub new_title: String,
}

/// Presentation mode.
#[derive(Debug, Default)]
pub(super) struct Presentation {
    pub active: bool,
    pub show_notes: bool,
    /// The zoom to return to.
    pub zoom_before: f32,
}

impl ParkApp {
    /// Reads the slides kept beside the dataset and checks them against it.
    pub(super) fn load_slides(&mut self) {
        let s = strings(self.state.language);
        let path = slides_file::views_path(&self.origin);
        self.slides = Slides { path: path.clone(), ..Slides::default() };
        let Some(path) = path else { return };
        match slides_file::load_deck(&path) {
            Ok(mut deck) => {
                if let Some(dataset) = &self.dataset {
                    let changed = deck.check(dataset);
                    if !changed.is_empty() {
                        self.notice = Some(format!("{}: {}", s.slides_changed, changed.join("; ")));
                    }
                }
                self.slides.show.deck = deck;
            }
            Err(errors) => {
                log::warn!("{errors}");
                self.slides.broken = true;
                self.notice = Some(format!("{} ({errors})", s.slides_file_failed));
            }
        }
    }

    /// Writes the slides file; a failure is told in the notice.
    pub(super) fn save_slides(&mut self) {
        let Some(path) = &self.slides.path else { return };
        match slides_file::save_deck(path, &self.slides.show.deck, self.slides.broken) {
            Ok(()) => self.slides.broken = false,
            Err(err) => {
                let s = strings(self.state.language);
                self.notice = Some(format!("{} {}: {err}", s.export_failed, path.display()));
            }
        }
    }

    /// Saves what the window shows as a new slide, titled as the user typed.
    pub(super) fn add_slide(&mut self) {
        let title = std::mem::take(&mut self.slides.new_title);
        let fallback = strings(self.state.language).slides;
        self.slides.show.add(&title, fallback, ViewSnapshot::capture(&self.state));
        self.save_slides();
    }

    /// Shows slide `i`: its saved view replaces the current one.
    pub(super) fn show_slide(&mut self, i: usize) {
        if let Some(view) = self.slides.show.show(i) {
            view.restore(&mut self.state);
        }
    }

    /// Enters or leaves presentation mode.
    pub(super) fn toggle_presentation(&mut self, ctx: &egui::Context) {
        let presentation = &mut self.presentation;
        presentation.active = !presentation.active;
        if presentation.active {
            presentation.zoom_before = ctx.zoom_factor();
            ctx.set_zoom_factor(presentation.zoom_before.max(1.5));
            ctx.set_theme(egui::ThemePreference::Light);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            // Like a slide show, presenting starts from the first slide.
            self.show_slide(0);
        } else {
            ctx.set_zoom_factor(presentation.zoom_before.max(0.5));
            theme::apply(ctx, self.state.theme);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }
}
