//! The top bar: filter panel toggle, search box, language and theme switches.

use std::path::PathBuf;

use egui::{Id, Ui, vec2};

use crate::i18n::{language_name, strings, theme_name};
use crate::model::Language;
use crate::state::{Action, AppState, Chip, Command, ImageSize, ThemeChoice};
use crate::views::widgets::hover::hover_text;

/// The egui id of the search box, so Ctrl+F can focus it.
pub fn search_box_id() -> Id {
    Id::unique("park_search")
}

/// Draws the toolbar. Edits the search text and the panel toggle in place (typing and folding);
/// clearing the search is reported as the same action as removing its chip, and everything else
/// as an action or a command. `dataset_name` heads the bar; the program's name shows on hover.
/// `added_tables` are the figure tables the user added to the open dataset.
pub fn toolbar_ui(
    ui: &mut Ui,
    dataset_name: &str,
    added_tables: &[PathBuf],
    state: &mut AppState,
    actions: &mut Vec<Action>,
    commands: &mut Vec<Command>,
) {
    let (language, theme) = (state.language, state.theme);
    let s = strings(language);
    ui.horizontal(|ui| {
        // A narrow window drops the captions "Search", "Language" and "Theme": the box and the
        // switches still say what they are. Narrower still, the dataset's name goes too (the
        // window's title bar says it), so the bar fits the narrowest window.
        let captions = ui.available_width() >= CAPTIONS_FROM_WIDTH;
        if ui.available_width() >= NAME_FROM_WIDTH {
            // A long name is cut rather than squeezing the search box and the switches; the
            // tooltip has it whole.
            // What the rest of the bar takes, with or without its captions, is left to it.
            let rest = if captions { REST_WITH_CAPTIONS } else { REST_WITHOUT_CAPTIONS };
            let share = (ui.available_width() - rest).max(ui.available_width() * NAME_SHARE).max(MIN_NAME_WIDTH);
            let room = vec2(share, ui.spacing().interact_size.y);
            ui.allocate_ui_with_layout(room, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let name = egui::Label::new(egui::RichText::new(dataset_name).heading()).truncate();
                hover_text(ui.add(name), || format!("{dataset_name}\nZGC Atlas"));
            });
            ui.separator();
        }
        file_menu_ui(ui, &state.recent, added_tables, language, commands);
        let mut filters_open = !state.filters_collapsed;
        ui.toggle_value(&mut filters_open, s.filters);
        state.filters_collapsed = !filters_open;
        if ui.button(s.present).clicked() {
            commands.push(Command::TogglePresentation);
        }
        if hover_text(ui.button("?"), || s.keys_title).clicked() {
            commands.push(Command::ToggleCheatSheet);
        }
        ui.separator();
        let label = captions.then(|| ui.label(s.search));
        // The search box takes what the language and theme switches on the right leave (as wide
        // as they were last frame), so that in a narrow window it shrinks instead of running
        // under them.
        let right_width_id = Id::unique("toolbar_right_width");
        let right_width = ui.data(|data| data.get_temp::<f32>(right_width_id)).unwrap_or(RIGHT_WIDTH_GUESS);
        let clear_width = if state.filter.search.is_empty() { 0.0 } else { ui.spacing().interact_size.y };
        let room = ui.available_width() - right_width - clear_width - 3.0 * ui.spacing().item_spacing.x;
        let search = ui.add(
            egui::TextEdit::singleline(&mut state.filter.search)
                .id(search_box_id())
                .hint_text(s.search_hint)
                .desired_width(room.clamp(MIN_SEARCH_WIDTH, SEARCH_WIDTH)),
        );
        if let Some(label) = label {
            search.labelled_by(label.id);
        } else {
            // Named for screen readers as the caption would name it.
            ui.ctx().accesskit_node_builder(search.id, |node| node.set_label(s.search));
            hover_text(search, || s.search);
        }
        if !state.filter.search.is_empty() && hover_text(ui.small_button("×"), || s.clear_search).clicked() {
            actions.push(Action::RemoveChip(Chip::Search(state.filter.search.clone())));
        }

        // The switches at the right edge, laid out from left to right (as wide as they were
        // last frame), so Tab reaches them in reading order: Language, English, 中文, Theme, …
        ui.add_space((ui.available_width() - right_width).max(0.0));
        let switches = ui.scope(|ui| {
            if captions {
                ui.label(s.language);
            }
            for choice in [Language::En, Language::Zh] {
                if ui.selectable_label(language == choice, language_name(choice)).clicked() && language != choice {
                    actions.push(Action::SetLanguage(choice));
                }
            }
            ui.separator();
            if captions {
                ui.label(s.theme);
            }
            for choice in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                if ui.selectable_label(theme == choice, theme_name(language, choice)).clicked() && theme != choice {
                    actions.push(Action::SetTheme(choice));
                }
            }
        });
        let width = switches.response.rect.width();
        if (width - right_width).abs() > 0.5 {
            ui.data_mut(|data| data.insert_temp(right_width_id, width));
            ui.ctx().request_discard("the toolbar's switches changed width");
        }
    });
}

/// The bar's width from which it writes the captions of the search box and the switches.
const CAPTIONS_FROM_WIDTH: f32 = 1150.0;

/// The bar's width from which it heads itself with the dataset's name.
const NAME_FROM_WIDTH: f32 = 860.0;

/// The share of the bar's width the dataset's name may take at least before it is cut; more
/// where the rest of the bar leaves more.
const NAME_SHARE: f32 = 0.2;

/// About what the bar's other controls take, in points, with their captions and without:
/// a wide window gives the dataset's name what they leave.
const REST_WITH_CAPTIONS: f32 = 1000.0;
const REST_WITHOUT_CAPTIONS: f32 = 880.0;

/// The least room the dataset's name is given, in points.
const MIN_NAME_WIDTH: f32 = 120.0;

/// The search box's width when there is room for it.
const SEARCH_WIDTH: f32 = 220.0;

/// The narrowest the search box gets in a narrow window: its hint cut short, still a box to type
/// in.
const MIN_SEARCH_WIDTH: f32 = 90.0;

/// The width of the language and theme switches before they were first drawn.
const RIGHT_WIDTH_GUESS: f32 = 340.0;

/// An item of a menu, which closes the menu when chosen: egui closes a menu on a pointer's click
/// only, so an item chosen by Enter left the menu open, and the next Enter ran it again.
fn menu_item(ui: &mut Ui, label: impl Into<egui::WidgetText>) -> bool {
    let chosen = ui.button(label).clicked();
    if chosen {
        ui.close();
    }
    chosen
}

/// The File menu: open, recent files, the built-in dataset, reload, figure tables, exports, quit.
fn file_menu_ui(
    ui: &mut Ui,
    recent: &[PathBuf],
    added_tables: &[PathBuf],
    language: Language,
    commands: &mut Vec<Command>,
) {
    let s = strings(language);
    ui.menu_button(s.file_menu, |ui| {
        if menu_item(ui, s.open) {
            commands.push(Command::OpenDialog);
        }
        ui.add_enabled_ui(!recent.is_empty(), |ui| {
            ui.menu_button(s.open_recent, |ui| {
                for path in recent {
                    if menu_item(ui, path.display().to_string()) {
                        commands.push(Command::OpenFile(path.clone()));
                    }
                }
            });
        });
        if menu_item(ui, s.open_embedded) {
            commands.push(Command::OpenEmbedded);
        }
        ui.separator();
        if menu_item(ui, s.reload_file) {
            commands.push(Command::Reload);
        }
        ui.separator();
        if menu_item(ui, s.add_table) {
            commands.push(Command::TableDialog);
        }
        if !added_tables.is_empty() {
            ui.menu_button(s.added_tables, |ui| {
                for path in added_tables {
                    ui.horizontal(|ui| {
                        ui.label(path.display().to_string());
                        if ui.small_button(s.remove_table).clicked() {
                            commands.push(Command::RemoveTable(path.clone()));
                            ui.close();
                        }
                    });
                }
            });
        }
        ui.separator();
        if menu_item(ui, s.export_csv) {
            commands.push(Command::ExportCsv);
        }
        ui.menu_button(s.export_png, |ui| {
            for (label, size) in [
                (s.size_window, ImageSize::Window),
                ("1920×1080", ImageSize::Pixels(1920, 1080)),
                ("1280×720", ImageSize::Pixels(1280, 720)),
            ] {
                if menu_item(ui, label) {
                    commands.push(Command::ExportPng(size));
                }
            }
        });
        if menu_item(ui, s.meeting_pack) {
            commands.push(Command::MeetingPack);
        }
        ui.separator();
        let brief = crate::i18n::brief_words(language);
        if menu_item(ui, brief.export_brief) {
            commands.push(Command::ExportBrief);
        }
        if menu_item(ui, brief.export_briefs) {
            commands.push(Command::ExportBriefs);
        }
        ui.separator();
        if menu_item(ui, s.quit) {
            commands.push(Command::Quit);
        }
    });
}
