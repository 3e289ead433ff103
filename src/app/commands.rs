//! After every panel is drawn: the frame's state actions are applied to [`AppState`], then
//! its app commands are run. Both matches are exhaustive, so a new action or command that is
//! not handled does not compile.

use super::ParkApp;
use super::dialogs::run_dialog;
use crate::i18n::strings;
use crate::model::{DataOrigin, ParkId};
use crate::state::zoom::{ZoomStep, Zoomed, at_largest_notice, largest_zoom, zoomed};
use crate::state::{Action, Command, PinOutcome};
use crate::theme;
use crate::views::toolbar;

impl ParkApp {
    /// Applies the actions, then runs the commands, and asks for another frame when anything
    /// changed: panels drawn before the change saw the old state.
    pub(super) fn apply(&mut self, ctx: &egui::Context, actions: &[Action], commands: &[Command]) {
        // Hover lasts one frame: only this frame's hover actions keep it.
        let hovered_before = self.state.hovered.take();
        let theme_before = self.state.theme;
        for action in actions {
            let pins_before =
                matches!(action, Action::CompareParks(_) | Action::ClearPins).then(|| self.state.pinned.clone());
            let filter_before =
                matches!(action, Action::ResetFilters | Action::StepBack).then(|| self.state.filter.clone());
            let order = if matches!(action, Action::StepSelection(_)) {
                crate::state::stepping_order(self.derived.visible(), self.state.tab, self.derived.plot_data())
            } else {
                std::borrow::Cow::Borrowed(self.derived.visible())
            };
            if self.state.apply(action, &order) == Some(PinOutcome::Full) {
                self.tell(|language| strings(language).pins_full.to_owned());
            }
            match (action, pins_before) {
                (Action::CompareParks(parks), Some(before)) => self.tell_pins_replaced(parks.first(), before),
                (_, Some(before)) => self.tell_pins_cleared(before),
                (_, None) => {}
            }
            if let Some(before) = filter_before {
                self.tell_filters_cleared(before);
            }
        }
        self.drop_outdated_offer();
        if self.state.theme != theme_before {
            theme::apply(ctx, self.state.theme);
        }
        for command in commands {
            self.run(ctx, command);
        }
        let hover_changed = self.state.hovered != hovered_before;
        if hover_changed || changes_anything(actions, commands) {
            ctx.request_repaint();
        }
    }

    /// After "Compare with peers" of `park`: names the pins it replaced (the user chose them,
    /// one by one) and offers them back; says nothing when it replaced none.
    fn tell_pins_replaced(&mut self, park: Option<&ParkId>, before: Vec<ParkId>) {
        let Some(dataset) = &self.dataset else { return };
        let dropped: Vec<ParkId> = before.iter().filter(|id| !self.state.pinned.contains(id)).cloned().collect();
        if dropped.is_empty() {
            return;
        }
        let notice = super::Notice::new(|language| {
            strings(language)
                .pins_replaced
                .replace(
                    "{park}",
                    &park.map(|id| park_names(dataset, std::slice::from_ref(id), language)).unwrap_or_default(),
                )
                .replace("{parks}", &park_names(dataset, &dropped, language))
        });
        let offer = super::Offer::Pins { before, after: self.state.pinned.clone() };
        self.offer(notice, offer);
    }

    /// After "Unpin all": names the parks unpinned and offers them back (a set of up to seven,
    /// chosen one by one, gone at a click); says nothing when none were pinned.
    fn tell_pins_cleared(&mut self, before: Vec<ParkId>) {
        let Some(dataset) = &self.dataset else { return };
        if before.is_empty() || !self.state.pinned.is_empty() {
            return;
        }
        let notice = super::Notice::new(|language| {
            strings(language).pins_cleared.replace("{parks}", &park_names(dataset, &before, language))
        });
        self.offer(notice, super::Offer::Pins { before, after: Vec::new() });
    }

    /// After Esc or "Reset all" cleared filters: says so and offers them back. Not for a search
    /// alone (Esc's first step), which is typed again as quickly as given back.
    fn tell_filters_cleared(&mut self, before: crate::state::FilterState) {
        let without_search =
            |filter: &crate::state::FilterState| crate::state::FilterState { search: String::new(), ..filter.clone() };
        // A choice of roles or of "all" without any industry filtered nothing.
        if without_search(&self.state.filter) == without_search(&before) || !without_search(&before).is_active() {
            return;
        }
        let notice = super::Notice::new(|language| strings(language).filters_cleared.to_owned());
        let offer = super::Offer::Filters { before: Box::new(before), after: Box::new(self.state.filter.clone()) };
        self.offer(notice, offer);
    }

    /// Shows `notice` with `offer`; a notice it covers that offers something too shows again
    /// once this one is given back or closed.
    pub(super) fn offer(&mut self, notice: super::Notice, offer: super::Offer) {
        self.cover_notice();
        self.notice = Some(super::Notice { offer: Some(offer), ..notice });
    }

    /// Closes a notice whose offer would now undo what the user did since (pins or filters
    /// changed after it was made).
    pub(super) fn drop_outdated_offer(&mut self) {
        if self
            .notice
            .as_ref()
            .and_then(|notice| notice.offer.as_ref())
            .is_some_and(|offer| offer.outdated(&self.state))
        {
            self.close_notice();
        }
    }

    /// Runs one command.
    fn run(&mut self, ctx: &egui::Context, command: &Command) {
        if self.dataset.is_none() && command.needs_dataset() {
            self.tell(|language| strings(language).no_dataset_for_command.to_owned());
            return;
        }
        match command {
            Command::FocusSearch => {
                let id = toolbar::search_box_id();
                ctx.memory_mut(|m| m.request_focus(id));
                // The last search selected, so that what is typed next replaces it (as in any
                // search box): pinning parks one by one by search ran their names together.
                let mut edit = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
                let all = egui::text::CCursorRange::select_all_str(&self.state.filter.search);
                edit.cursor.set_char_range(Some(all));
                edit.store(ctx, id);
            }
            Command::ScrollToSelected => self.scroll_to_selected = true,
            Command::ScrollSlideRows(step) => self.presentation.scroll_rows += step,
            Command::OpenDialog => {
                // A blocking native dialog: the window waits for it, as users expect.
                // Tables too: one picked is previewed for adding to the open dataset.
                let s = strings(self.state.language);
                let start = self.file_dialog();
                let picked = self.dialog(|| {
                    start
                        .add_filter(s.dataset_files, &["ron"])
                        .add_filter(s.table_files, &crate::model::tables::TABLE_EXTENSIONS)
                        .pick_file()
                });
                if let Some(path) = picked {
                    self.open(DataOrigin::File(path));
                }
            }
            Command::OpenFile(path) => self.open(DataOrigin::File(path.clone())),
            Command::TableDialog => {
                let files = strings(self.state.language).table_files;
                let start = self.file_dialog();
                let picked =
                    self.dialog(|| start.add_filter(files, &crate::model::tables::TABLE_EXTENSIONS).pick_file());
                if let Some(path) = picked {
                    self.preview_table(path);
                }
            }
            Command::PreviewTable(path) => self.preview_table(path.clone()),
            Command::AddPreviewedTable => self.add_previewed_table(),
            Command::ClosePreview => self.table_preview = None,
            Command::RemoveTable(path) => self.remove_table(path),
            Command::OpenEmbedded => self.open(DataOrigin::Embedded),
            Command::Reload => self.reload(),
            Command::DismissLoadError => self.load_error = None,
            Command::CopyProblems => {
                if let Some(errors) = &self.load_error {
                    // In the language the problems are shown in.
                    ctx.copy_text(errors.in_language(self.state.language));
                }
            }
            Command::SaveSlide => self.add_slide(),
            Command::SlidesEdited => self.save_slides(),
            Command::SlideTyped => self.slides.unsaved_typing = true,
            Command::ShowSlide(i) => self.show_slide(*i),
            Command::MoveSlide(i, step) => {
                self.slides.show.move_slide(*i, *step);
                self.save_slides();
            }
            Command::DeleteSlide(i) => self.delete_slide(*i),
            Command::RestoreOffered => self.restore_offered(),
            Command::StepSlide(step) => {
                if let Some(next) = self.slides.show.stepped(*step) {
                    self.show_slide(next);
                }
            }
            Command::TogglePresentation => self.toggle_presentation(ctx),
            Command::LeavePresentation => {
                if self.presentation.active {
                    self.toggle_presentation(ctx);
                }
            }
            Command::ToggleNotes => self.presentation.show_notes = !self.presentation.show_notes,
            Command::ToggleCheatSheet => self.show_keys = !self.show_keys,
            Command::Zoom(step) => self.zoom(ctx, *step),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::ExportCsv => {
                if self.table_without_figures() {
                    self.tell(|language| strings(language).export_no_figure_columns.to_owned());
                    return;
                }
                let name = self.export_file_name("csv");
                let start = self.file_dialog();
                let picked = self.dialog(|| start.add_filter("CSV", &["csv"]).set_file_name(&name).save_file());
                if let Some(path) = picked {
                    self.export_csv(&file_in_folder(path, &name));
                }
            }
            Command::ExportPng(size) => {
                let name = self.export_file_name("png");
                let start = self.file_dialog();
                let picked = self.dialog(|| start.add_filter("PNG", &["png"]).set_file_name(&name).save_file());
                if let Some(path) = picked {
                    self.request_png(file_in_folder(path, &name), *size);
                }
            }
            Command::MeetingPack => {
                let start = self.file_dialog();
                if let Some(folder) = self.dialog(|| start.pick_folder()) {
                    self.request_meeting_pack(&folder);
                }
            }
            Command::ExportBrief => {
                let Some(id) = self.state.selected.clone() else {
                    self.tell(|language| crate::i18n::brief_words(language).no_selection.to_owned());
                    return;
                };
                let name = crate::brief::file_name(&id);
                let start = self.file_dialog();
                let picked = self.dialog(|| start.add_filter("PDF", &["pdf"]).set_file_name(&name).save_file());
                if let Some(path) = picked {
                    self.export_brief(&id, &file_in_folder(path, &name));
                }
            }
            Command::ExportBriefs => {
                if self.state.pinned.is_empty() {
                    self.tell(|language| crate::i18n::brief_words(language).no_pins.to_owned());
                    return;
                }
                let start = self.file_dialog();
                if let Some(folder) = self.dialog(|| start.pick_folder()) {
                    self.export_briefs(&folder);
                }
            }
        }
    }

    /// Steps the desk's text size, no larger than the window has room for
    /// ([`crate::state::zoom`]); past that, the status bar says how to get larger text.
    fn zoom(&mut self, ctx: &egui::Context, step: ZoomStep) {
        // A slide's text is sized to its screen (`update_presentation_look`).
        if self.presentation_layout() {
            return;
        }
        let zoom = ctx.zoom_factor();
        let normal_size = ctx.content_rect().size() * zoom;
        match zoomed(zoom, step, largest_zoom((normal_size.x, normal_size.y))) {
            Zoomed::To(next) => ctx.set_zoom_factor(next),
            Zoomed::AtLargest(largest) => self.tell(move |language| at_largest_notice(language, largest)),
        }
    }

    /// Runs a blocking file dialog; when none could open, says why in the status bar instead
    /// of doing nothing.
    /// A native file dialog that opens in the folder of the dataset on screen, where its
    /// tables are and its exports belong: they opened in the folder the app was started from,
    /// and two cities' exports landed together there. The system's choice for the built-in one.
    fn file_dialog(&self) -> rfd::FileDialog {
        let dialog = rfd::FileDialog::new();
        if let DataOrigin::File(path) = &self.origin
            && let Some(folder) = path.parent().filter(|folder| folder.is_dir())
        {
            return dialog.set_directory(folder);
        }
        dialog
    }

    fn dialog<T>(&mut self, dialog: impl FnOnce() -> Option<T>) -> Option<T> {
        match run_dialog(dialog) {
            Ok(picked) => picked,
            Err(reason) => {
                self.tell(|language| strings(language).dialog_failed.replace("{reason}", &reason));
                None
            }
        }
    }
}

/// Whether a frame's `actions` and `commands` change anything beyond the hover: a hover comes
/// every frame the pointer rests on a park, and is neither drawn again for nor saved.
pub(super) fn changes_anything(actions: &[Action], commands: &[Command]) -> bool {
    !commands.is_empty() || actions.iter().any(|action| !matches!(action, Action::Hover(_)))
}

/// The names of `ids` in `language`, as a list: "Alpha Park, Beta Park" / "甲园、乙园"; an id
/// the dataset lacks by itself.
fn park_names(dataset: &crate::model::Dataset, ids: &[ParkId], language: crate::model::Language) -> String {
    let names: Vec<&str> =
        ids.iter().map(|id| dataset.park(id).map_or(id.as_str(), |p| p.name.get(language))).collect();
    names.join(crate::i18n::list_separator(language))
}

/// Where a save dialog's answer says to write a file offered as `name`: the answer, or, when it
/// is a folder (some dialogs return one picked by a double click), `name` inside it. Writing to
/// the folder itself failed with the system's "Is a directory".
fn file_in_folder(picked: std::path::PathBuf, name: &str) -> std::path::PathBuf {
    if picked.is_dir() { picked.join(name) } else { picked }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A save dialog that answers with a folder gets the offered file inside it; a file
    /// answered is written as answered.
    #[test]
    fn a_folder_answered_for_a_file_gets_the_offered_name_inside_it() {
        let folder = tempfile::tempdir().expect("a folder");
        let offered = "zhongguancun-bars.csv";
        assert_eq!(file_in_folder(folder.path().to_path_buf(), offered), folder.path().join(offered));
        let file = folder.path().join("mine.csv");
        assert_eq!(file_in_folder(file.clone(), offered), file);
    }
}
