//! The window: owns the dataset and the shared state, lays out the panels, and applies the
//! actions the views report.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::i18n::strings;
use crate::model::MetricId;
use crate::model::geo::{CityMap, load_city_map};
use crate::model::{Dataset, Language, LoadErrors, ParkId, load_dataset, load_dataset_file};
use crate::state::classify::ClassMethod;
use crate::state::map::{DistrictValue, MapData};
use crate::state::series::plot_parks;
use crate::state::{
    Action, AppState, FacetCounts, FilterState, PinOutcome, PlotChoice, PlotData, SearchIndex, Tab, TableSort,
    visible_parks,
};
use crate::theme;
use crate::views::map::{self, MapContext, MapGeometry};
use crate::views::plots::{self, CompareContext};
use crate::views::{chips, filters, park_table, profile, status_bar, toolbar};

/// The dataset built into the program.
pub const EMBEDDED_DATASET: &str = include_str!("../data/zgc.ron");

/// Name under which the built-in dataset's problems are reported.
const EMBEDDED_NAME: &str = "embedded data/zgc.ron";

/// The district outlines built into the program, named by the built-in dataset's `meta.map`.
pub const EMBEDDED_MAP: &str = include_str!("../data/beijing-districts.ron");

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

    /// Loads the district outlines the dataset names in `meta.map` (relative to the dataset's
    /// file) and checks them against its districts; `None` when it names none.
    pub fn load_map(&self, dataset: &Dataset) -> Option<Result<CityMap, LoadErrors>> {
        let name = dataset.meta.map.as_ref()?;
        let (loaded, file) = match self {
            Self::Embedded => (load_city_map(EMBEDDED_MAP, "embedded data/beijing-districts.ron"), name.clone()),
            Self::File(path) => {
                let map_path = path.parent().unwrap_or(std::path::Path::new(".")).join(name);
                let file = map_path.display().to_string();
                let loaded = match std::fs::read_to_string(&map_path) {
                    Ok(text) => load_city_map(&text, &file),
                    Err(err) => Err(LoadErrors {
                        file: file.clone(),
                        problems: vec![crate::model::Problem::Unreadable { message: err.to_string() }],
                    }),
                };
                (loaded, file)
            }
        };
        Some(loaded.and_then(|map| {
            let problems = map.check_against(dataset);
            if problems.is_empty() { Ok(map) } else { Err(LoadErrors { file, problems }) }
        }))
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
        };
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
                let dropped = self.state.forget_missing(&dataset);
                if !dropped.is_empty() {
                    let s = strings(self.state.language);
                    self.notice = Some(format!("{}: {}", s.dropped_ids, dropped.join(", ")));
                    log::warn!("ids no longer in the dataset: {}", dropped.join(", "));
                }
                self.index = SearchIndex::new(&dataset);
                (self.city, self.map_error) = match self.origin.load_map(&dataset) {
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
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        if ui.input_mut(|i| i.consume_shortcut(&find)) {
            actions.push(Action::FocusSearch);
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

    fn load_error_ui(&self, ui: &mut Ui, reload_requested: &mut bool) {
        let Some(errors) = &self.load_error else { return };
        let s = strings(self.state.language);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(s.load_failed).strong().color(ui.visuals().error_fg_color));
                if ui.button(s.reload).clicked() {
                    *reload_requested = true;
                }
            });
            egui::ScrollArea::vertical().id_salt("load_errors").max_height(160.0).show(ui, |ui| {
                for problem in errors.to_string().lines() {
                    ui.label(RichText::new(problem).monospace().color(ui.visuals().error_fg_color));
                }
            });
        });
    }

    fn notice_ui(&mut self, ui: &mut Ui) {
        let Some(notice) = &self.notice else { return };
        let s = strings(self.state.language);
        let mut dismissed = false;
        ui.horizontal(|ui| {
            ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
            dismissed = ui.small_button(s.dismiss).clicked();
        });
        if dismissed {
            self.notice = None;
        }
    }
}

impl eframe::App for ParkApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let mut actions = Vec::new();
        Self::keyboard_actions(ui, &mut actions);
        let language = self.state.language;

        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            let mut filters_open = !self.state.filters_collapsed;
            toolbar::toolbar_ui(
                ui,
                &mut self.state.filter.search,
                &mut filters_open,
                language,
                self.state.theme,
                &mut actions,
            );
            self.state.filters_collapsed = !filters_open;
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            self.notice_ui(ui);
            status_bar::status_bar_ui(ui, self.dataset.as_ref(), self.origin.file_label().as_deref(), language);
        });
        // The search may have changed in the toolbar: the panels below use the new result.
        self.refresh_derived();

        let mut reload_requested = false;
        if let Some(dataset) = &self.dataset {
            let mut filters_open = !self.state.filters_collapsed;
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(280.0)
                .size_range(220.0..=480.0)
                .show_collapsible(ui, &mut filters_open, |ui| {
                    filters::filters_ui(
                        ui,
                        dataset,
                        &mut self.state.filter,
                        &self.derived.counts,
                        &self.state.pinned,
                        language,
                        &mut actions,
                    );
                });
            self.state.filters_collapsed = !filters_open;

            let selected = self.state.selected.as_ref().and_then(|id| dataset.park(id));
            let pinned = selected.is_some_and(|park| self.state.is_pinned(&park.id));
            egui::Panel::right("profile").resizable(true).default_size(460.0).size_range(300.0..=600.0).show(
                ui,
                |ui| {
                    // Claim the panel's whole width: the profile scrolls inside it, so its content
                    // would otherwise report a narrow size and the panel would shrink to it.
                    ui.set_min_width(ui.available_width());
                    profile::profile_ui(ui, dataset, selected, pinned, language, &mut actions);
                },
            );
        }
        self.refresh_plot();
        self.refresh_map();
        egui::CentralPanel::default().show(ui, |ui| {
            self.load_error_ui(ui, &mut reload_requested);
            let Some(dataset) = &self.dataset else {
                if self.load_error.is_none() {
                    ui.label(strings(language).no_dataset);
                }
                return;
            };
            let s = strings(language);
            ui.horizontal(|ui| {
                for (tab, label) in [(Tab::Table, s.tab_table), (Tab::Compare, s.tab_compare), (Tab::Map, s.tab_map)] {
                    if ui.selectable_label(self.state.tab == tab, RichText::new(label).strong()).clicked() {
                        actions.push(Action::ShowTab(tab));
                    }
                }
                ui.separator();
                chips::chips_ui(ui, dataset, &self.state.filter, self.derived.visible.len(), language, &mut actions);
            });
            ui.separator();
            match self.state.tab {
                Tab::Table => park_table::park_table_ui(
                    ui,
                    dataset,
                    &self.derived.visible,
                    &self.state,
                    self.scroll_to_selected,
                    &mut actions,
                ),
                Tab::Compare => {
                    let AppState { plot, filter, pinned, hovered, selected, .. } = &mut self.state;
                    let context = CompareContext {
                        dataset,
                        visible: &self.derived.visible,
                        pinned,
                        hovered: hovered.as_ref(),
                        selected: selected.as_ref(),
                        filter,
                        language,
                    };
                    if let Some(data) = &self.plot.data {
                        plots::compare_ui(ui, &context, plot, data, &mut actions);
                    }
                }
                Tab::Map => match (&self.city, &self.map_error) {
                    (Some(city), _) => {
                        let AppState { map, pinned, hovered, selected, .. } = &mut self.state;
                        let context = MapContext {
                            dataset,
                            city: &city.map,
                            geometry: &city.geometry,
                            data: &self.map_data.data,
                            pinned,
                            hovered: hovered.as_ref(),
                            selected: selected.as_ref(),
                            language,
                        };
                        map::map_ui(ui, &context, map, &mut actions);
                    }
                    (None, Some(errors)) => {
                        ui.label(RichText::new(s.map_failed).strong().color(ui.visuals().error_fg_color));
                        for problem in errors.to_string().lines() {
                            ui.label(RichText::new(problem).monospace().color(ui.visuals().error_fg_color));
                        }
                    }
                    (None, None) => {
                        ui.label(s.no_map);
                    }
                },
            }
        });
        self.scroll_to_selected = false;

        if reload_requested {
            self.reload();
        }
        self.apply(ui.ctx(), &actions);
        if self.refresh_derived() | self.refresh_plot() | self.refresh_map() {
            // A filter or plot choice changed while drawing: draw again with the result.
            ui.ctx().request_repaint();
        }
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
            filter: FilterState { search: "hai".to_owned(), ..FilterState::default() },
            pinned: vec![ParkId::new("chaoyang")],
            filters_collapsed: true,
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
