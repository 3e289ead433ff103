//! The window: owns the dataset and the shared state, lays out the panels, and applies the
//! actions the views report.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::i18n::strings;
use crate::model::{Dataset, Language, LoadErrors, ParkId, load_dataset, load_dataset_file};
use crate::state::{Action, AppState, TableSort, visible_parks};
use crate::theme;
use crate::views::{park_table, profile, status_bar, toolbar};

/// The dataset built into the program.
pub const EMBEDDED_DATASET: &str = include_str!("../data/zgc.ron");

/// Name under which the built-in dataset's problems are reported.
const EMBEDDED_NAME: &str = "embedded data/zgc.ron";

/// Where the dataset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataOrigin {
    /// The dataset built into the program.
    Embedded,
    /// A file named on the command line.
    File(PathBuf),
}

impl DataOrigin {
    /// Reads and validates the dataset.
    pub fn load(&self) -> Result<Dataset, LoadErrors> {
        match self {
            Self::Embedded => load_dataset(EMBEDDED_DATASET, EMBEDDED_NAME),
            Self::File(path) => load_dataset_file(path),
        }
    }

    /// The file's path for display; `None` for the built-in dataset.
    pub fn file_label(&self) -> Option<String> {
        match self {
            Self::Embedded => None,
            Self::File(path) => Some(path.display().to_string()),
        }
    }
}

/// The persisted UI state, or the defaults when there is none or it cannot be read (a state
/// saved by another version, or a damaged file): a bad state file must never stop the app.
pub fn restore_state(storage: Option<&dyn eframe::Storage>) -> AppState {
    let Some(text) = storage.and_then(|s| s.get_string(eframe::APP_KEY)) else {
        return AppState::default();
    };
    ron::from_str(&text).unwrap_or_else(|err| {
        log::warn!("the saved UI state could not be read ({err}); starting with defaults");
        AppState::default()
    })
}

/// What the table shows, cached until the dataset, search, sort or language changes.
#[derive(Debug, Default)]
struct VisibleParks {
    key: Option<(String, TableSort, Language)>,
    parks: Vec<ParkId>,
}

/// The ZGC Atlas application.
#[derive(Debug)]
pub struct ParkApp {
    origin: DataOrigin,
    /// The last dataset that loaded; kept when a reload fails.
    dataset: Option<Dataset>,
    /// Why the last load failed, shown above the data.
    load_error: Option<LoadErrors>,
    /// Everything about the UI that persists.
    pub state: AppState,
    visible: VisibleParks,
}

impl ParkApp {
    /// Loads the dataset and restores the persisted UI state, which falls back to defaults
    /// when it is missing or unreadable.
    pub fn new(cc: &eframe::CreationContext<'_>, origin: DataOrigin) -> Self {
        theme::install(&cc.egui_ctx);
        let app = Self::with_state(origin, restore_state(cc.storage));
        theme::apply(&cc.egui_ctx, app.state.theme);
        app
    }

    /// Builds the app without a window context: loads the dataset and drops state that names
    /// parks the dataset lacks.
    pub fn with_state(origin: DataOrigin, state: AppState) -> Self {
        let mut app = Self { origin, dataset: None, load_error: None, state, visible: VisibleParks::default() };
        app.reload();
        app
    }

    /// Loads the dataset again. On failure the last good dataset stays and the error is shown.
    pub fn reload(&mut self) {
        match self.origin.load() {
            Ok(dataset) => {
                if self.load_error.take().is_some() {
                    log::info!("dataset loaded after an earlier error");
                }
                self.state.forget_missing(&dataset);
                self.dataset = Some(dataset);
                self.visible.key = None;
            }
            Err(errors) => {
                log::warn!("{errors}");
                self.load_error = Some(errors);
            }
        }
    }

    /// The loaded dataset, if any.
    pub fn dataset(&self) -> Option<&Dataset> {
        self.dataset.as_ref()
    }

    /// The problems of the last failed load.
    pub fn load_error(&self) -> Option<&LoadErrors> {
        self.load_error.as_ref()
    }

    /// The parks the table lists, in order.
    pub fn visible_parks(&self) -> &[ParkId] {
        &self.visible.parks
    }

    /// Recomputes the listed parks if the dataset, search, sort or language changed; returns
    /// whether it did. Called every frame, it costs one comparison when nothing changed.
    fn refresh_visible(&mut self) -> bool {
        let key = (self.state.search.clone(), self.state.sort, self.state.language);
        if self.visible.key.as_ref() == Some(&key) {
            return false;
        }
        self.visible.parks = self.dataset.as_ref().map(|d| visible_parks(d, &key.0, key.1, key.2)).unwrap_or_default();
        self.visible.key = Some(key);
        true
    }

    fn apply(&mut self, ctx: &egui::Context, actions: &[Action]) {
        if !actions.is_empty() {
            // Panels drawn before the action saw the old state; draw once more with the new one.
            ctx.request_repaint();
        }
        for action in actions {
            self.state.apply(action);
            match action {
                Action::SetTheme(choice) => theme::apply(ctx, *choice),
                Action::FocusSearch => ctx.memory_mut(|m| m.request_focus(toolbar::search_box_id())),
                Action::Select(_) | Action::SortBy(_) | Action::SetLanguage(_) => {}
            }
        }
    }

    fn keyboard_actions(ui: &Ui, actions: &mut Vec<Action>) {
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        if ui.input_mut(|i| i.consume_shortcut(&find)) {
            actions.push(Action::FocusSearch);
        }
    }

    fn load_error_ui(&self, ui: &mut Ui, actions: &mut bool) {
        let Some(errors) = &self.load_error else { return };
        let s = strings(self.state.language);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(s.load_failed).strong().color(ui.visuals().error_fg_color));
                if ui.button(s.reload).clicked() {
                    *actions = true;
                }
            });
            egui::ScrollArea::vertical().id_salt("load_errors").max_height(160.0).show(ui, |ui| {
                for problem in errors.to_string().lines() {
                    ui.label(RichText::new(problem).monospace().color(ui.visuals().error_fg_color));
                }
            });
        });
    }
}

impl eframe::App for ParkApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let mut actions = Vec::new();
        Self::keyboard_actions(ui, &mut actions);
        let language = self.state.language;
        self.refresh_visible();
        let total = self.dataset.as_ref().map_or(0, |d| d.parks.len());
        let shown = self.visible.parks.len();

        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            toolbar::toolbar_ui(ui, &mut self.state.search, shown, total, language, self.state.theme, &mut actions);
            ui.add_space(2.0);
        });
        let origin = self.origin.file_label();
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status_bar::status_bar_ui(ui, self.dataset.as_ref(), origin.as_deref(), language);
        });
        if self.refresh_visible() {
            // The search changed in the toolbar above: draw again so its count catches up.
            ui.ctx().request_repaint();
        }
        let mut reload_requested = false;
        if let Some(dataset) = &self.dataset {
            let selected = self.state.selected.as_ref().and_then(|id| dataset.park(id));
            egui::Panel::right("profile").resizable(true).default_size(480.0).size_range(300.0..=760.0).show(
                ui,
                |ui| {
                    profile::profile_ui(ui, dataset, selected, language);
                },
            );
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.load_error_ui(ui, &mut reload_requested);
            match &self.dataset {
                Some(dataset) => park_table::park_table_ui(
                    ui,
                    dataset,
                    &self.visible.parks,
                    self.state.sort,
                    self.state.selected.as_ref(),
                    language,
                    &mut actions,
                ),
                None if self.load_error.is_none() => {
                    ui.label(strings(language).no_dataset);
                }
                None => {}
            }
        });

        if reload_requested {
            self.reload();
        }
        self.apply(ui.ctx(), &actions);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::state::{SortColumn, ThemeChoice};

    #[derive(Default)]
    struct MemoryStorage(HashMap<String, String>);

    impl eframe::Storage for MemoryStorage {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    fn storage_with(text: &str) -> MemoryStorage {
        MemoryStorage(HashMap::from([(eframe::APP_KEY.to_owned(), text.to_owned())]))
    }

    #[test]
    fn saved_state_comes_back() {
        let state = AppState {
            language: Language::Zh,
            theme: ThemeChoice::Light,
            search: "hai".to_owned(),
            sort: TableSort { column: SortColumn::Income, descending: true },
            selected: Some(ParkId::new("haidian")),
        };
        let mut storage = MemoryStorage::default();
        eframe::set_value(&mut storage, eframe::APP_KEY, &state);
        assert_eq!(restore_state(Some(&storage)), state);
    }

    #[test]
    fn missing_or_corrupt_state_falls_back_to_defaults() {
        assert_eq!(restore_state(None), AppState::default());
        assert_eq!(restore_state(Some(&MemoryStorage::default())), AppState::default());
        assert_eq!(restore_state(Some(&storage_with("(language: Klingon"))), AppState::default());
        assert_eq!(restore_state(Some(&storage_with("\u{0}garbage"))), AppState::default());
    }

    #[test]
    fn a_state_from_an_older_version_keeps_what_it_has() {
        let state = restore_state(Some(&storage_with("(language: Zh)")));
        assert_eq!(state.language, Language::Zh);
        assert_eq!(state.sort, TableSort::default());
    }

    #[test]
    fn a_persisted_selection_of_a_park_that_is_gone_is_dropped() {
        let state = AppState { selected: Some(ParkId::new("atlantis")), ..AppState::default() };
        let app = ParkApp::with_state(DataOrigin::Embedded, state);
        assert_eq!(app.state.selected, None);
    }
}
