//! What the window tells the user over or beside its views: the keyboard's cheat sheet, why a
//! dataset did not load, and the notices the status bar shows.

use egui::{RichText, Ui};

use super::{ParkApp, keys};
use crate::i18n::strings;
use crate::model::{DataOrigin, Language, LoadErrors};
use crate::state::Command;
use crate::views::widgets::hover::hover_text;

/// How many lines of a notice the status bar shows before it scrolls.
const NOTICE_MOST_LINES: f32 = 4.0;

impl ParkApp {
    /// Every shortcut of the app, in the current language.
    pub(super) fn cheat_sheet_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let language = self.state.language;
        let s = strings(language);
        let modal = egui::Modal::new(egui::Id::unique("cheat_sheet")).show(ctx, |ui| {
            ui.heading(s.keys_title);
            // Scrolls where the screen is shorter than the list (a 720-pixel projector while
            // presenting), the heading and the close button staying in view, with a scroll bar
            // that shows it scrolls. While presenting, the presenting keys come first.
            let room = (ctx.content_rect().height() - 140.0).max(160.0);
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            let modes = if self.presentation.active {
                [keys::Mode::Presenting, keys::Mode::Any, keys::Mode::Exploring]
            } else {
                [keys::Mode::Any, keys::Mode::Exploring, keys::Mode::Presenting]
            };
            egui::ScrollArea::vertical().max_height(room).min_scrolled_height(room).show(ui, |ui| {
                egui::Grid::new("keys").num_columns(2).spacing([16.0, 6.0]).striped(true).show(ui, |ui| {
                    // The same table the key handler reads, one section per mode.
                    for mode in modes {
                        ui.label(RichText::new(keys::mode_heading(mode, s)).weak());
                        ui.end_row();
                        for &(_, triggers, does) in keys::SHORTCUTS.iter().filter(|(of, _, _)| *of == mode) {
                            let labels: Vec<String> =
                                triggers.iter().map(|t| keys::trigger_label(*t, language)).collect();
                            ui.strong(labels.join(" / "));
                            ui.label(keys::description(does, s));
                            ui.end_row();
                        }
                    }
                });
            });
            ui.add_space(6.0);
            if ui.button(s.close).clicked() {
                commands.push(Command::ToggleCheatSheet);
            }
        });
        if modal.should_close() && !commands.contains(&Command::ToggleCheatSheet) {
            commands.push(Command::ToggleCheatSheet);
        }
    }

    /// Every problem of the last failed load, with its place; reload and copy buttons.
    pub(super) fn load_error_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(errors) = &self.load_error else { return };
        let s = strings(self.state.language);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            // A file that failed to open is not the one on screen: Reload would read that one
            // again, and nothing waits for the failed file to be fixed.
            let other_file = self.load_error_of == super::LoadErrorOf::OtherFile;
            ui.horizontal(|ui| {
                // A figure table's problem is the table's: "the dataset could not be loaded"
                // sent the user to a RON file with nothing wrong in it.
                let of_table = self.table_files().iter().any(|path| path.display().to_string() == errors.file);
                let heading = match (other_file, of_table) {
                    (true, _) => s.open_failed,
                    (false, true) => s.table_load_failed,
                    (false, false) => s.load_failed,
                };
                ui.label(RichText::new(heading).strong().color(ui.visuals().error_fg_color));
                if other_file {
                    if ui.button(s.dismiss).clicked() {
                        commands.push(Command::DismissLoadError);
                    }
                } else if ui.button(s.reload).clicked() {
                    commands.push(Command::Reload);
                }
                if ui.button(s.copy_problems).clicked() {
                    commands.push(Command::CopyProblems);
                }
                // With nothing on screen, the ways on are beside the problem, not only in the
                // File menu: a window opened on a broken file was blank below this panel.
                if self.dataset.is_none() {
                    if ui.button(s.open).clicked() {
                        commands.push(Command::OpenDialog);
                    }
                    if self.origin != DataOrigin::Embedded && ui.button(s.open_embedded).clicked() {
                        commands.push(Command::OpenEmbedded);
                    }
                }
            });
            if let Some(dataset) = &self.dataset {
                let shown = match self.load_error_of {
                    super::LoadErrorOf::OtherFile => s.open_failed_kept,
                    super::LoadErrorOf::TableLeftOut => s.table_left_out,
                    super::LoadErrorOf::DatasetOnScreen => s.last_good,
                };
                ui.label(RichText::new(shown).weak());
                // A table the dataset names is mended there or taken out of its list, which the
                // problems, all of the table's own cells, did not say.
                let named =
                    self.origin.table_files(dataset).iter().any(|path| path.display().to_string() == errors.file);
                if named && !other_file {
                    ui.label(RichText::new(s.table_named_in).weak());
                }
            }
            // Without data to show, the problems take the window; under the last good data, a
            // strip of it, scrolling.
            let room = if self.dataset.is_some() { 160.0 } else { (ui.available_height() - 24.0).max(160.0) };
            egui::ScrollArea::vertical().id_salt("load_errors").max_height(room).show(ui, |ui| {
                for problem in errors.in_language(self.state.language).lines() {
                    ui.label(RichText::new(problem).monospace().color(ui.visuals().error_fg_color));
                }
            });
        });
    }

    /// The last notice in the status bar, with the button of what it offers (if anything) and
    /// one that dismisses it.
    pub(super) fn notice_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(notice) = &self.notice else { return };
        let s = strings(self.state.language);
        // An offer under a plain notice keeps its button, which says on hover what it gives back.
        let (offer, covered) = match (&notice.offer, self.covered_offer()) {
            (Some(offer), _) => (Some(offer), None),
            (None, Some(covered)) => (covered.offer.as_ref(), Some(covered.text.get(self.state.language))),
            (None, None) => (None, None),
        };
        let mut dismissed = false;
        // The buttons first, at the right, and the notice wrapped in the width left: a path and
        // a parser's message on one line ran off the window. A notice longer than a few lines
        // scrolls; its text can be selected and copied.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            dismissed = ui.small_button(s.dismiss).clicked();
            if let Some(offer) = offer {
                let label = match offer {
                    super::Offer::Pins { .. } => s.restore_pins,
                    super::Offer::Slide(_) | super::Offer::Filters { .. } => s.restore,
                };
                // The command takes what it gives back: from the notice, which goes with it, or
                // from under a plain one, which stays.
                let button = ui.small_button(label);
                let button = match covered {
                    Some(text) => hover_text(button, || text),
                    None => button,
                };
                if button.clicked() {
                    commands.push(Command::RestoreOffered);
                }
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                let most_height = NOTICE_MOST_LINES * ui.text_style_height(&egui::TextStyle::Body);
                egui::ScrollArea::vertical().id_salt("notice").max_height(most_height).show(ui, |ui| {
                    let colour =
                        if notice.done { ui.visuals().strong_text_color() } else { ui.visuals().warn_fg_color };
                    let text = RichText::new(notice.text.get(self.state.language)).color(colour);
                    ui.add(egui::Label::new(text).wrap());
                });
            });
        });
        if dismissed {
            self.close_notice();
        }
    }
}

/// Why the map file did not load, each problem with its place, in place of the map.
pub(super) fn map_problems_ui(ui: &mut Ui, errors: &LoadErrors, language: Language) {
    let colour = ui.visuals().error_fg_color;
    ui.label(RichText::new(strings(language).map_failed).strong().color(colour));
    for problem in errors.in_language(language).lines() {
        ui.label(RichText::new(problem).monospace().color(colour));
    }
}
