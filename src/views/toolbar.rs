//! The top bar: filter panel toggle, search box, language and theme switches.

use egui::{Id, Ui};

use crate::i18n::{language_name, strings, theme_name};
use crate::model::Language;
use crate::state::{Action, ThemeChoice};

/// The egui id of the search box, so Ctrl+F can focus it.
pub fn search_box_id() -> Id {
    Id::unique("park_search")
}

/// Draws the toolbar. Edits the search text and the panel toggle in place; everything else is
/// reported as an action.
pub fn toolbar_ui(
    ui: &mut Ui,
    search: &mut String,
    filters_open: &mut bool,
    recent: &[std::path::PathBuf],
    language: Language,
    theme: ThemeChoice,
    actions: &mut Vec<Action>,
) {
    let s = strings(language);
    ui.horizontal(|ui| {
        ui.heading("ZGC Atlas");
        ui.separator();
        file_menu_ui(ui, recent, language, actions);
        ui.toggle_value(filters_open, s.filters);
        if ui.button(s.present).clicked() {
            actions.push(Action::TogglePresentation);
        }
        if ui.button("?").on_hover_text(s.keys_title).clicked() {
            actions.push(Action::ToggleCheatSheet);
        }
        ui.separator();
        let label = ui.label(s.search);
        ui.add(egui::TextEdit::singleline(search).id(search_box_id()).hint_text(s.search_hint).desired_width(220.0))
            .labelled_by(label.id);
        if !search.is_empty() && ui.small_button("×").on_hover_text(s.clear_search).clicked() {
            search.clear();
        }

        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for choice in [ThemeChoice::Dark, ThemeChoice::Light, ThemeChoice::System] {
                if ui.selectable_label(theme == choice, theme_name(language, choice)).clicked() && theme != choice {
                    actions.push(Action::SetTheme(choice));
                }
            }
            ui.label(s.theme);
            ui.separator();
            for choice in [Language::Zh, Language::En] {
                if ui.selectable_label(language == choice, language_name(choice)).clicked() && language != choice {
                    actions.push(Action::SetLanguage(choice));
                }
            }
            ui.label(s.language);
        });
    });
}

/// The File menu: open, recent files, the built-in dataset, reload.
fn file_menu_ui(ui: &mut Ui, recent: &[std::path::PathBuf], language: Language, actions: &mut Vec<Action>) {
    let s = strings(language);
    ui.menu_button(s.file_menu, |ui| {
        if ui.button(s.open).clicked() {
            actions.push(Action::OpenDialog);
        }
        ui.add_enabled_ui(!recent.is_empty(), |ui| {
            ui.menu_button(s.open_recent, |ui| {
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenFile(path.clone()));
                    }
                }
            });
        });
        if ui.button(s.open_embedded).clicked() {
            actions.push(Action::OpenEmbedded);
        }
        ui.separator();
        if ui.button(s.reload_file).clicked() {
            actions.push(Action::Reload);
        }
        ui.separator();
        if ui.button(s.export_csv).clicked() {
            actions.push(Action::ExportCsv);
        }
        ui.menu_button(s.export_png, |ui| {
            for (label, size) in
                [(s.size_window, None), ("1920×1080", Some((1920, 1080))), ("1280×720", Some((1280, 720)))]
            {
                if ui.button(label).clicked() {
                    actions.push(Action::ExportPng(size));
                }
            }
        });
        if ui.button(s.meeting_pack).clicked() {
            actions.push(Action::MeetingPack);
        }
    });
}
