//! The window: owns the dataset and the shared state, computes what the views show once per
//! change, and applies the actions the views report. `origin` says where data comes from, `ui`
//! draws the panels, `watch` reloads a changed file.

mod origin;
mod ui;
mod watch;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::i18n::strings;
use crate::model::MetricId;
use crate::model::geo::CityMap;
use crate::model::{Dataset, Language, LoadErrors, ParkId, diff};
use crate::state::classify::ClassMethod;
use crate::state::map::{DistrictValue, MapData};
use crate::state::series::plot_parks;
use crate::state::{
    Action, AppState, FacetCounts, FilterState, PinOutcome, PlotChoice, PlotData, SearchIndex, Tab, TableSort,
    visible_parks,
};
use crate::theme;
use crate::views::map::MapGeometry;
use crate::views::toolbar;
pub use origin::{DataOrigin, EMBEDDED_DATASET, EMBEDDED_MAP, Loaded};
use watch::{BackgroundLoad, FileWatcher};

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

/// What the views show, derived from the dataset and the filter; recomputed only when the
/// filter, sort or language changes, never per frame.
#[derive(Debug, Default)]
struct Derived {
    key: Option<(FilterState, TableSort, Language)>,
    /// The parks the table lists, in order.
    visible: Vec<ParkId>,
    /// What each filter choice would leave.
    counts: FacetCounts,
}

/// The data of the Compare view's plot, recomputed when the choice or its parks change.
#[derive(Debug, Default)]
struct PlotCache {
    key: Option<(PlotChoice, Vec<ParkId>, Language)>,
    data: Option<PlotData>,
}

/// The map's numbers, recomputed when what it shows or the filtered parks change (not when it
/// is panned or zoomed).
#[derive(Debug, Default)]
struct MapCache {
    key: Option<(DistrictValue, ClassMethod, Option<MetricId>, Vec<ParkId>)>,
    data: MapData,
}

/// The district outlines and their projection, loaded with the dataset.
#[derive(Debug)]
struct CityOutlines {
    map: CityMap,
    geometry: MapGeometry,
}

/// The ZGC Atlas application.
#[derive(Debug)]
pub struct ParkApp {
    origin: DataOrigin,
    /// The last dataset that loaded; kept when a reload fails.
    dataset: Option<Dataset>,
    /// Search keys of `dataset`'s parks.
    index: SearchIndex,
    /// Why the last load failed, shown above the data.
    load_error: Option<LoadErrors>,
    /// Everything about the UI that persists.
    pub state: AppState,
    derived: Derived,
    plot: PlotCache,
    /// The district outlines, if the dataset names a map file and it loaded.
    city: Option<CityOutlines>,
    /// Why the map file did not load.
    map_error: Option<LoadErrors>,
    map_data: MapCache,
    /// A message for the user (dropped ids, a refused pin) until dismissed.
    notice: Option<String>,
    /// The selection moved by keyboard: scroll the table to it on the next frame.
    scroll_to_selected: bool,
    /// Watches the open file for changes.
    watcher: Option<FileWatcher>,
    /// A reload running in the background.
    pending: Option<BackgroundLoad>,
    /// The window's context, to wake it from other threads; `None` without a window.
    ctx: Option<egui::Context>,
    /// The window title last sent.
    title: String,
}

impl ParkApp {
    /// Loads the dataset and restores the persisted UI state, which falls back to defaults
    /// when it is missing or unreadable.
    pub fn new(cc: &eframe::CreationContext<'_>, origin: DataOrigin) -> Self {
        theme::install(&cc.egui_ctx);
        let mut app = Self::with_state(origin, restore_state(cc.storage));
        app.ctx = Some(cc.egui_ctx.clone());
        app.watch();
        theme::apply(&cc.egui_ctx, app.state.theme);
        app
    }

    /// Builds the app without a window context: loads the dataset and drops state that names
    /// ids the dataset lacks, saying so in a notice.
    pub fn with_state(origin: DataOrigin, state: AppState) -> Self {
        let mut app = Self {
            origin,
            dataset: None,
            index: SearchIndex::default(),
            load_error: None,
            state,
            derived: Derived::default(),
            plot: PlotCache::default(),
            city: None,
            map_error: None,
            map_data: MapCache::default(),
            notice: None,
            scroll_to_selected: false,
            watcher: None,
            pending: None,
            ctx: None,
            title: String::new(),
        };
        app.reload();
        app
    }

    /// Opens another dataset file: loads it, watches it and remembers it among the recent
    /// files. If it does not load, its problems are shown and the last good data stays.
    pub fn open(&mut self, origin: DataOrigin) {
        self.origin = origin;
        if let DataOrigin::File(path) = &self.origin {
            self.state.remember_recent(path.clone());
        }
        self.reload();
        self.watch();
    }

    /// Starts watching the open file (nothing to watch for the built-in dataset).
    fn watch(&mut self) {
        self.watcher = None;
        let DataOrigin::File(path) = &self.origin else { return };
        let ctx = self.ctx.clone();
        match FileWatcher::new(path, move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        }) {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(err) => log::warn!("cannot watch {} for changes: {err}", path.display()),
        }
    }

    /// Starts a background reload if the watched file changed, and takes in a finished one.
    /// Returns whether new data (or new problems) arrived.
    pub fn poll_files(&mut self) -> bool {
        if self.watcher.as_ref().is_some_and(FileWatcher::changed) {
            let ctx = self.ctx.clone();
            self.pending = Some(BackgroundLoad::start(self.origin.clone(), move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            }));
        }
        let Some(result) = self.pending.as_ref().and_then(BackgroundLoad::poll) else { return false };
        self.pending = None;
        match result {
            Ok(loaded) => self.apply_loaded(loaded),
            Err(why) => log::error!("{why}"),
        }
        true
    }

    /// Whether a background reload is running.
    pub fn is_reloading(&self) -> bool {
        self.pending.is_some()
    }

    /// Loads the dataset again. On failure the last good dataset stays and the error is shown.
    pub fn reload(&mut self) {
        let loaded = self.origin.load_all();
        self.apply_loaded(loaded);
    }

    /// Takes in a freshly loaded dataset: keeps the user's filters, pins and selection where
    /// their ids still exist, and says what changed. A dataset that failed leaves the last good
    /// one on screen with its problems above it.
    fn apply_loaded(&mut self, loaded: Loaded) {
        let dataset = match loaded.dataset {
            Ok(dataset) => dataset,
            Err(errors) => {
                log::warn!("{errors}");
                self.load_error = Some(errors);
                return;
            }
        };
        if self.load_error.take().is_some() {
            log::info!("dataset loaded after an earlier error");
        }
        let s = strings(self.state.language);
        let mut notices = Vec::new();
        if let Some(old) = &self.dataset {
            let changes = diff(old, &dataset);
            if !changes.is_empty() {
                notices.push(crate::i18n::describe_diff(self.state.language, &changes));
            }
        }
        let dropped = self.state.forget_missing(&dataset);
        if !dropped.is_empty() {
            notices.push(format!("{}: {}", s.dropped_ids, dropped.join(", ")));
            log::warn!("ids no longer in the dataset: {}", dropped.join(", "));
        }
        if !notices.is_empty() {
            self.notice = Some(notices.join(" · "));
        }
        self.index = SearchIndex::new(&dataset);
        (self.city, self.map_error) = match loaded.map {
            Some(Ok(map)) => (Some(CityOutlines { geometry: MapGeometry::new(&map), map }), None),
            Some(Err(errors)) => {
                log::warn!("{errors}");
                (None, Some(errors))
            }
            None => (None, None),
        };
        self.map_data = MapCache::default();
        self.dataset = Some(dataset);
        self.derived.key = None;
        self.plot = PlotCache::default();
        self.refresh_derived();
    }

    /// The loaded dataset, if any.
    pub fn dataset(&self) -> Option<&Dataset> {
        self.dataset.as_ref()
    }

    /// The problems of the last failed load.
    pub fn load_error(&self) -> Option<&LoadErrors> {
        self.load_error.as_ref()
    }

    /// The notice shown to the user, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The parks the table lists, in order.
    pub fn visible_parks(&self) -> &[ParkId] {
        &self.derived.visible
    }

    /// Recomputes the listed parks and counts if the filter, sort or language changed; returns
    /// whether it did. Called every frame, it costs one comparison when nothing changed.
    fn refresh_derived(&mut self) -> bool {
        let state = &self.state;
        if self
            .derived
            .key
            .as_ref()
            .is_some_and(|(f, s, l)| f == &state.filter && *s == state.sort && *l == state.language)
        {
            return false;
        }
        let key = (state.filter.clone(), state.sort, state.language);
        let (visible, counts) = match &self.dataset {
            Some(dataset) => {
                (visible_parks(dataset, &self.index, &key.0, key.1, key.2), key.0.counts(dataset, &self.index))
            }
            None => (Vec::new(), FacetCounts::default()),
        };
        // A selected park the filter hides leaves the profile, so the profile always shows a
        // park the table lists.
        if self.state.selected.as_ref().is_some_and(|id| !visible.contains(id)) {
            self.state.selected = None;
        }
        self.derived = Derived { key: Some(key), visible, counts };
        true
    }

    /// Recomputes the plot's data if the Compare view is shown and its inputs changed; returns
    /// whether it did.
    fn refresh_plot(&mut self) -> bool {
        let (Some(dataset), Tab::Compare) = (&self.dataset, self.state.tab) else { return false };
        let state = &self.state;
        let parks = plot_parks(dataset, &state.plot, &self.derived.visible, &state.pinned);
        let key = (state.plot.clone(), parks, state.language);
        if self.plot.key.as_ref() == Some(&key) {
            return false;
        }
        self.plot.data = Some(PlotData::new(dataset, &key.1, &key.0, key.2));
        self.plot.key = Some(key);
        true
    }

    /// Recomputes the map's numbers if the map is shown and its inputs changed.
    fn refresh_map(&mut self) -> bool {
        let (Some(dataset), Tab::Map) = (&self.dataset, self.state.tab) else { return false };
        let choice = &self.state.map;
        let key = (choice.value.clone(), choice.method, choice.marker_metric.clone(), self.derived.visible.clone());
        if self.map_data.key.as_ref() == Some(&key) {
            return false;
        }
        self.map_data.data = MapData::new(dataset, &self.derived.visible, choice);
        self.map_data.key = Some(key);
        true
    }

    /// The map's numbers, once the map has been shown.
    pub fn map_data(&self) -> &MapData {
        &self.map_data.data
    }

    /// The data behind the plot shown, if the Compare view has been drawn.
    pub fn plot_data(&self) -> Option<&PlotData> {
        self.plot.data.as_ref()
    }

    fn apply(&mut self, ctx: &egui::Context, actions: &[Action]) {
        let hovered_before = self.state.hovered.take();
        for action in actions {
            let outcome = self.state.apply(action, &self.derived.visible);
            match action {
                Action::SetTheme(choice) => theme::apply(ctx, *choice),
                Action::FocusSearch => ctx.memory_mut(|m| m.request_focus(toolbar::search_box_id())),
                Action::StepSelection(_) => self.scroll_to_selected = true,
                Action::OpenDialog => {
                    // A blocking native dialog: the window waits for it, as users expect.
                    let picked = rfd::FileDialog::new().add_filter("RON dataset", &["ron"]).pick_file();
                    if let Some(path) = picked {
                        self.open(DataOrigin::File(path));
                    }
                }
                Action::OpenFile(path) => self.open(DataOrigin::File(path.clone())),
                Action::OpenEmbedded => self.open(DataOrigin::Embedded),
                Action::Reload => self.reload(),
                Action::CopyProblems => {
                    if let Some(errors) = &self.load_error {
                        ctx.copy_text(errors.to_string());
                    }
                }
                _ => {}
            }
            if outcome == Some(PinOutcome::Full) {
                self.notice = Some(strings(self.state.language).pins_full.to_owned());
            }
        }
        let hover_changed = self.state.hovered != hovered_before;
        if actions.iter().any(|a| !matches!(a, Action::Hover(_))) || hover_changed {
            // Panels drawn before the action saw the old state; draw once more with the new one.
            ctx.request_repaint();
        }
    }

    fn keyboard_actions(ui: &Ui, actions: &mut Vec<Action>) {
        for (key, action) in [(Key::F, Action::FocusSearch), (Key::O, Action::OpenDialog), (Key::R, Action::Reload)] {
            if ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key))) {
                actions.push(action);
            }
        }
        // A .ron file dropped on the window opens; anything else is refused with a notice.
        let dropped: Vec<std::path::PathBuf> = ui.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            actions.push(Action::OpenFile(path));
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            actions.push(Action::ClearSearchThenFilters);
        }
        // Arrows and Space belong to a focused widget (typing a space in the search box).
        if ui.memory(|m| m.focused().is_some()) {
            return;
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
            actions.push(Action::StepSelection(1));
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
            actions.push(Action::StepSelection(-1));
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space)) {
            actions.push(Action::TogglePinSelected);
        }
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
            filter: FilterState { search: "hai".to_owned(), ..FilterState::default() },
            pinned: vec![ParkId::new("chaoyang")],
            filters_collapsed: true,
            recent: vec![std::path::PathBuf::from("/data/parks.ron")],
            tab: crate::state::Tab::Compare,
            map: crate::state::map::MapChoice::default(),
            plot: PlotChoice { log_scale: true, ..PlotChoice::default() },
            hovered: None,
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
    fn saved_ids_that_are_gone_are_dropped_with_a_notice() {
        let mut state = AppState { selected: Some(ParkId::new("atlantis")), ..AppState::default() };
        state.pinned = vec![ParkId::new("haidian"), ParkId::new("lemuria")];
        state.filter.districts.insert(crate::model::DistrictId::new("haidian"));
        let app = ParkApp::with_state(DataOrigin::Embedded, state);
        assert_eq!(app.state.selected, None);
        assert_eq!(app.state.pinned, [ParkId::new("haidian")]);
        assert_eq!(app.state.filter.districts.len(), 1, "a district that exists stays");
        let notice = app.notice().expect("the user is told");
        assert!(notice.contains("atlantis") && notice.contains("lemuria"), "{notice}");
    }

    #[test]
    fn a_selection_the_filter_hides_is_dropped() {
        let state = AppState { selected: Some(ParkId::new("haidian")), ..AppState::default() };
        let mut app = ParkApp::with_state(DataOrigin::Embedded, state);
        assert_eq!(app.state.selected, Some(ParkId::new("haidian")));
        app.state.filter.search = "chaoyang".to_owned();
        app.refresh_derived();
        assert_eq!(app.visible_parks(), [ParkId::new("chaoyang")]);
        assert_eq!(app.state.selected, None);
    }
}
