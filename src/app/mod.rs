//! The window: eframe glue around the dataset and the shared [`AppState`]. What the views
//! show is derived in [`crate::state::derived`]; this module only owns the window's side:
//!
//! - `mod.rs`: [`ParkApp`], its construction and what tests and benchmarks read from it;
//! - `ui`: the panels and where each view goes, and one frame's order of work;
//! - `keys`: keyboard shortcuts and dropped files, turned into actions and commands;
//! - `commands`: applies state actions and runs app commands after every panel is drawn;
//! - `loading`: opening, reloading and watching dataset files;
//! - `presenting`: slides kept beside the dataset and presentation mode;
//! - `exports`, `capture`: CSV and PNG exports and the meeting pack;
//! - `slides_file`, `watch`: the slides file on disk and the file watcher;
//! - `icon`: the window icon built into the program.

mod capture;
mod commands;
mod dialogs;
mod exports;
mod icon;
mod keys;
mod loading;
mod messages;
mod notes;
mod presenting;
mod side_panels;
mod slides_file;
mod tables;
mod ui;
mod upkeep;
mod watch;

use crate::model::geo::CityMap;
use crate::model::{DataOrigin, Dataset, Language, LoadErrors, ParkId, Text};
use crate::state::derived::Derived;
use crate::state::map::MapData;
use crate::state::slides::SlideDeck;
use crate::state::tables::TablePreview;
use crate::state::{AppState, PlotData};
use crate::views::map::MapGeometry;
use crate::{startup, theme};
pub use dialogs::init_logging;
pub use icon::window_icon;
use presenting::{Presentation, Slides};
use watch::{BackgroundLoad, FileWatcher};

/// How many passes of one frame egui may run, each but the last thrown away unseen when a view
/// asks (`Context::request_discard`): enough for a presented table's text fit to settle in
/// the frame that first shows the slide.
const MAX_PASSES_PER_FRAME: std::num::NonZeroUsize = std::num::NonZeroUsize::MIN.saturating_add(7);

/// The persisted UI state, or the defaults when there is none or it cannot be read (a state
/// saved by another version, or a damaged file): a bad state file must never stop the app.
/// eframe's file (`storage`) first; where it has none or a damaged one, the copy the app writes
/// whole beside it (`copy`, [`SETTINGS_COPY`]): eframe empties its file before writing it, so a
/// session ended mid-write (a logout, a shutdown) left it empty and every setting lost.
pub fn restore_state(storage: Option<&dyn eframe::Storage>, copy: Option<&str>) -> AppState {
    let saved = storage.and_then(|s| s.get_string(eframe::APP_KEY));
    let read = |text: &str| {
        ron::from_str::<AppState>(text)
            .or_else(|err| ron::from_str(&crate::state::migrate_saved(text)).map_err(|_| err))
            .map_err(|err| log::warn!("the saved UI state could not be read ({err})"))
            .ok()
    };
    saved.as_deref().and_then(read).or_else(|| copy.and_then(read)).unwrap_or_default()
}

/// The name of the copy of the settings the app writes whole (to a temporary file, then renamed)
/// in the folder of eframe's `app.ron`, for [`restore_state`].
pub const SETTINGS_COPY: &str = "settings.ron";

/// Where [`SETTINGS_COPY`] is kept: beside eframe's `app.ron`.
fn settings_copy_path() -> Option<std::path::PathBuf> {
    eframe::storage_dir(APP_ID).map(|dir| dir.join(SETTINGS_COPY))
}

/// The app id: the settings folder's name and the desktop entry's.
pub const APP_ID: &str = "zgc-atlas";

/// The district outlines and their projection, loaded with the dataset.
#[derive(Debug)]
struct CityOutlines {
    map: CityMap,
    geometry: MapGeometry,
}

/// Which file a failed load was of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LoadErrorOf {
    /// The dataset on screen (a broken save, a missing file at start): Reload reads it again.
    DatasetOnScreen,
    /// Another file the user tried to open: Reload would read the one on screen again, and
    /// "until the file is fixed" is not what keeps it there.
    OtherFile,
    /// A figure table, left out so that the dataset could open without it: the figures on
    /// screen lack the table's until it reads.
    TableLeftOut,
}

/// A message for the user in the status bar, until dismissed.
#[derive(Debug)]
struct Notice {
    /// What it says, in both languages: it is shown in the interface language of the moment,
    /// so switching the language after it was told switches it too.
    text: Text,
    /// What a button beside the text gives back of what it tells was taken away.
    offer: Option<Offer>,
    /// Whether it tells of a thing done as asked (a file saved, a table added), written in the
    /// text's colour: in the warning colour of a problem, "Saved" read as one.
    done: bool,
}

/// What a notice offers back: something the user lost by one click or key and may want again
/// (Ctrl+Z gives it back too, while the notice shows).
#[derive(Debug)]
enum Offer {
    /// The pins "Compare with peers" replaced or "Unpin all" took (`before`), offered while
    /// the pins are still as that left them (`after`): given back later, they would undo what
    /// the user pinned since.
    Pins { before: Vec<ParkId>, after: Vec<ParkId> },
    /// A slide deleted from the slide list.
    Slide(Box<crate::state::slides::DeletedSlide>),
    /// The filters Esc or "Reset all" cleared (a set of industries, districts and ranges built
    /// up one by one, gone at a keystroke), offered while the filter is still as that left it.
    Filters { before: Box<crate::state::FilterState>, after: Box<crate::state::FilterState> },
}

impl Offer {
    /// Whether what it offers back would now undo something the user did since (another
    /// dataset's offers are dropped when it opens: [`ParkApp::forget_offers`]).
    fn outdated(&self, state: &AppState) -> bool {
        match self {
            Self::Pins { after, .. } => state.pinned != *after,
            Self::Filters { after, .. } => state.filter != **after,
            Self::Slide(_) => false,
        }
    }
}

impl Notice {
    /// The notice that `say` words in a given language, worded now in both.
    fn new(say: impl Fn(Language) -> String) -> Self {
        Self { text: Text { en: say(Language::En), zh: say(Language::Zh) }, offer: None, done: false }
    }
}

/// The ZGC Atlas application.
#[derive(Debug)]
pub struct ParkApp {
    origin: DataOrigin,
    /// The last dataset that loaded; kept when a reload fails.
    dataset: Option<Dataset>,
    /// Why the last load failed, shown above the data.
    load_error: Option<LoadErrors>,
    /// Which file `load_error` is of.
    load_error_of: LoadErrorOf,
    /// The figure tables' rows that gave another value than the dataset at the last load, in
    /// words: a reload tells the ones that are new (a figure corrected in the dataset that a
    /// table still states as it was, which the views then show, the table's being listed last).
    table_conflicts: Vec<Text>,
    /// Notices with an offer that a later one covered, oldest first: each shows again once the
    /// one above is given back, dismissed or out of date, so that clearing the filters while a
    /// deleted slide is offered back loses neither.
    earlier_offers: Vec<Notice>,
    /// Everything about the UI that persists.
    pub state: AppState,
    /// What the views show, derived from `dataset` and `state`.
    derived: Derived,
    /// The district outlines, if the dataset names a map file and it loaded.
    city: Option<CityOutlines>,
    /// Why the map file did not load.
    map_error: Option<LoadErrors>,
    /// A message for the user (dropped ids, a refused pin) until dismissed.
    notice: Option<Notice>,
    /// The selection moved by keyboard: scroll the table to it on the next frame.
    scroll_to_selected: bool,
    /// The figure columns the presented table showed in the last frame (those that fit the
    /// slide), whose sources its sources line cites.
    presented_table_metrics: Option<Vec<crate::model::MetricId>>,
    /// The scope line the view drew under its title last frame, for an exported image's
    /// description; `None` where it drew none.
    shown_scope: Option<String>,
    /// Watch the open file and its figure tables for changes.
    watchers: Vec<FileWatcher>,
    /// The files watched; `None` when the app does not watch (no window).
    watched: Option<Vec<std::path::PathBuf>>,
    /// The open dataset's [key](DataOrigin::key), under which its added tables are saved.
    origin_key: String,
    /// A figure table dropped on the window (or picked), checked against the open dataset and
    /// waiting for the user to add it or not.
    table_preview: Option<TablePreview>,
    /// A reload running in the background.
    pending: Option<BackgroundLoad>,
    /// The window's context, to wake it from other threads; `None` without a window.
    ctx: Option<egui::Context>,
    /// The window title last sent.
    title: String,
    /// Saved views and which one is shown.
    slides: Slides,
    /// Presentation mode.
    presentation: Presentation,
    /// Whether the keyboard cheat sheet is open.
    show_keys: bool,
    /// What the speaker notes' window shows and what was asked in it.
    notes: notes::Notes,
    /// PNG exports under way.
    capture: capture::CaptureQueue,
    /// The meeting pack being written, if one is.
    pack: Option<exports::MeetingPack>,
    /// Start-up timing, only when [`startup::REPORT_ENV`] is set.
    first_frame_report: Option<startup::FirstFrameReport>,
    /// The window is cleared to the panels' colour before each frame (the native window, see
    /// `clear_color`), so the panels need not paint their background.
    window_cleared_to_panel_fill: bool,
    /// The text field other than the search box that had the keyboard at the end of the last
    /// pass, if one had: Esc there only leaves the field.
    text_field_focused: Option<egui::Id>,
    /// When (egui's input time) the user last acted since the settings were saved.
    unsaved_since: Option<f64>,
    /// Where the copy of the settings is written ([`SETTINGS_COPY`]); `None` where eframe keeps
    /// no settings (a test harness).
    settings_copy: Option<std::path::PathBuf>,
    /// The settings as last written to [`SETTINGS_COPY`], so an unchanged state is not written
    /// again every few seconds.
    settings_copy_written: Option<String>,
    /// The last frame drawn in more than one pass ([`Self::redraw_after_a_discarded_pass`]).
    last_multipass_frame: Option<u64>,
    /// The language the window's fonts are ordered for ([`theme::use_fonts_for`]), once the
    /// app has set them.
    fonts_language: Option<Language>,
}

/// What the window opens on, given the file named on its command line: a figure table
/// (`zgc-atlas figures.csv`) is no dataset, and read as one it was refused as broken RON with
/// no data on screen; the built-in dataset opens instead, the table to be previewed for it.
fn start_origin(origin: DataOrigin) -> (DataOrigin, Option<std::path::PathBuf>) {
    match origin {
        DataOrigin::File(path) if tables::is_table_file(&path) => (DataOrigin::Embedded, Some(path)),
        other => (other, None),
    }
}

impl ParkApp {
    /// Loads the dataset and restores the persisted UI state, which falls back to defaults
    /// when it is missing or unreadable.
    pub fn new(cc: &eframe::CreationContext<'_>, origin: DataOrigin) -> Self {
        // A few passes of a frame may be thrown away before it is shown: a presented table
        // fits its text to the slide over several passes (`park_table::text_fit`), and with
        // egui's two it would show the slide changing size over as many frames.
        // The zoom keys are the app's (`state::zoom`): egui's own would enlarge the text past
        // what the window has room for.
        cc.egui_ctx.options_mut(|options| {
            options.max_passes = MAX_PASSES_PER_FRAME;
            options.zoom_with_keyboard = false;
        });
        // Only where eframe keeps settings at all (not in a test harness, which has no storage).
        let settings_copy = cc.storage.and_then(|_| settings_copy_path());
        let copy = settings_copy.as_ref().and_then(|path| std::fs::read_to_string(path).ok());
        let mut app = Self::with_state(origin, restore_state(cc.storage, copy.as_deref()));
        app.settings_copy = settings_copy;
        if let DataOrigin::File(path) = &app.origin {
            app.state.remember_recent(path.clone());
        }
        app.ctx = Some(cc.egui_ctx.clone());
        app.watch();
        // The fonts of the restored language, before the first frame lays out any text.
        theme::install(&cc.egui_ctx, app.state.language);
        app.fonts_language = Some(app.state.language);
        theme::apply(&cc.egui_ctx, app.state.theme);
        app
    }

    /// [`Self::new`] for the real window: characters the built-in fonts lack are drawn with the
    /// system's fonts ([`theme::install_system_font_fallback`]). Test harnesses call `new`, so
    /// they render the same on every machine.
    pub fn for_window(cc: &eframe::CreationContext<'_>, origin: DataOrigin) -> Self {
        let mut report = startup::FirstFrameReport::from_env();
        theme::install_system_font_fallback(&cc.egui_ctx);
        if let Some(report) = &mut report {
            report.mark("system_fonts");
        }
        let (origin, table) = start_origin(origin);
        let mut app = Self::new(cc, origin);
        // As File › Open does with a table: previewed for adding to the built-in dataset.
        if let Some(table) = table {
            app.preview_table(table);
        }
        if let Some(report) = &mut report {
            report.mark("app_built");
        }
        app.first_frame_report = report;
        app.window_cleared_to_panel_fill = true;
        app
    }

    /// Builds the app without a window context: loads the dataset and drops state that names
    /// ids the dataset lacks, saying so in a notice.
    pub fn with_state(origin: DataOrigin, state: AppState) -> Self {
        let origin_key = origin.key();
        let mut app = Self {
            origin,
            dataset: None,
            load_error: None,
            load_error_of: LoadErrorOf::DatasetOnScreen,
            table_conflicts: Vec::new(),
            earlier_offers: Vec::new(),
            state,
            derived: Derived::default(),
            city: None,
            map_error: None,
            notice: None,
            scroll_to_selected: false,
            presented_table_metrics: None,
            shown_scope: None,
            watchers: Vec::new(),
            watched: None,
            origin_key,
            table_preview: None,
            pending: None,
            ctx: None,
            title: String::new(),
            slides: Slides::default(),
            presentation: Presentation::default(),
            show_keys: false,
            notes: notes::Notes::default(),
            capture: capture::CaptureQueue::default(),
            pack: None,
            first_frame_report: None,
            window_cleared_to_panel_fill: false,
            last_multipass_frame: None,
            fonts_language: None,
            unsaved_since: None,
            settings_copy: None,
            settings_copy_written: None,
            text_field_focused: None,
        };
        app.state.show_dataset(&app.origin_key);
        app.reload();
        app.load_slides();
        app
    }

    /// The loaded dataset, if any.
    pub fn dataset(&self) -> Option<&Dataset> {
        self.dataset.as_ref()
    }

    /// The problems of the last failed load.
    pub fn load_error(&self) -> Option<&LoadErrors> {
        self.load_error.as_ref()
    }

    /// Shows a notice in the status bar until dismissed, in place of any notice before it.
    /// `say` words it in a given language, from the words of that language (what comes from
    /// outside, a path or an OS error, stays as it is): the notice follows the interface
    /// language, also when the user switches it later.
    fn tell(&mut self, say: impl Fn(Language) -> String) {
        self.cover_notice();
        self.notice = Some(Notice::new(say));
    }

    /// [`Self::tell`], of a thing done as asked when `done` (see [`Notice::done`]).
    fn tell_done_if(&mut self, done: bool, say: impl Fn(Language) -> String) {
        self.tell(say);
        if let Some(notice) = &mut self.notice {
            notice.done = done;
        }
    }

    /// Keeps the notice shown, if it offers something back, under the one about to replace it.
    fn cover_notice(&mut self) {
        /// Offers kept beneath the one shown; older ones are dropped.
        const MOST_EARLIER_OFFERS: usize = 5;
        if let Some(covered) = self.notice.take_if(|notice| notice.offer.is_some()) {
            self.earlier_offers.push(covered);
            if self.earlier_offers.len() > MOST_EARLIER_OFFERS {
                self.earlier_offers.remove(0);
            }
        }
    }

    /// Closes the notice shown; the latest offer it covered, still in date, shows again.
    fn close_notice(&mut self) {
        self.notice = self.take_covered_offer();
    }

    /// Takes the latest covered offer still in date out of those kept, dropping the outdated.
    fn take_covered_offer(&mut self) -> Option<Notice> {
        let state = &self.state;
        self.earlier_offers.retain(|notice| !notice.offer.as_ref().is_some_and(|offer| offer.outdated(state)));
        self.earlier_offers.pop()
    }

    /// The offer a plain notice covers, still in date: the notice's Restore button and Ctrl+Z
    /// reach it through the notice on top (a reload's "Reloaded" hid the pins just unpinned).
    fn covered_offer(&self) -> Option<&Notice> {
        if self.notice.as_ref().is_some_and(|notice| notice.offer.is_some()) {
            return None;
        }
        self.earlier_offers
            .iter()
            .rev()
            .find(|notice| notice.offer.as_ref().is_some_and(|offer| !offer.outdated(&self.state)))
    }

    /// Drops every offer (shown or covered): they are of the dataset being left.
    fn forget_offers(&mut self) {
        self.earlier_offers.clear();
        if self.notice.as_ref().is_some_and(|notice| notice.offer.is_some()) {
            self.notice = None;
        }
    }

    /// The notice shown to the user, if any, in the interface language.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|notice| notice.text.get(self.state.language))
    }

    /// Whether the notice shown tells of a thing done as asked (a file saved), written in the
    /// text's colour rather than the warning colour of a problem.
    pub fn notice_tells_done(&self) -> bool {
        self.notice.as_ref().is_some_and(|notice| notice.done)
    }

    /// The parks the table lists, in order.
    pub fn visible_parks(&self) -> &[ParkId] {
        self.derived.visible()
    }

    /// Whether district outlines are loaded (the last good ones after a failed reload).
    pub fn has_map(&self) -> bool {
        self.city.is_some()
    }

    /// Why the map file did not load the last time it was read.
    pub fn map_error(&self) -> Option<&LoadErrors> {
        self.map_error.as_ref()
    }

    /// The map's numbers, once the map has been shown.
    pub fn map_data(&self) -> &MapData {
        self.derived.map()
    }

    /// The data behind the plot shown, if the Compare view has been drawn.
    pub fn plot_data(&self) -> Option<&PlotData> {
        self.derived.plot_data()
    }

    /// The slides of the open dataset.
    pub fn slides(&self) -> &SlideDeck {
        &self.slides.show.deck
    }

    /// The slide shown last.
    pub fn current_slide(&self) -> Option<usize> {
        self.slides.show.current
    }

    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presentation.active
    }

    /// Recomputes whatever the views show that is out of date; returns whether anything was.
    fn refresh_derived(&mut self) -> bool {
        let derived = self.derived.refresh(self.dataset.as_ref(), &mut self.state);
        let presenting_table = self.presentation_layout() && self.state.tab == crate::state::Tab::Table;
        let table_citations = presenting_table
            && self.dataset.as_ref().is_some_and(|dataset| {
                // The columns the slide showed last frame; before it is drawn, those chosen.
                let metrics = self.presented_table_metrics.clone().unwrap_or_else(|| self.state.table_metrics(dataset));
                self.derived.refresh_table_citations(Some(dataset), self.state.language, &metrics)
            });
        derived || table_citations
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::model::Language;
    use crate::state::{FilterState, PlotChoice, SortColumn, TableSort, ThemeChoice};

    /// A place eframe would save to, in memory.
    #[derive(Default)]
    pub(super) struct MemoryStorage(HashMap<String, String>);

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
        let mut dropped = crate::state::dropped_picks::DroppedPicks::default();
        let pinned_before = AppState { pinned: vec![ParkId::new("west")], ..AppState::default() };
        assert!(dropped.note(&pinned_before, &AppState::default()), "a pin dropped by a reload");
        let state = AppState {
            language: Language::Zh,
            theme: ThemeChoice::Light,
            filter: FilterState { search: "hai".to_owned(), ..FilterState::default() },
            pinned: vec![ParkId::new("chaoyang")],
            filters_collapsed: true,
            recent: vec![std::path::PathBuf::from("/data/parks.ron")],
            added_tables: [("/data/parks.ron".to_owned(), vec![std::path::PathBuf::from("/data/figures.xlsx")])].into(),
            tab: crate::state::Tab::Compare,
            map: crate::state::map::MapChoice::default(),
            plot: PlotChoice { log_scale: true, ..PlotChoice::default() },
            hovered: None,
            selection_hidden_by_filter: None,
            sort: TableSort {
                column: SortColumn::Figure(crate::model::MetricId::new("total_income")),
                descending: true,
            },
            selected: Some(ParkId::new("haidian")),
            table_metrics: Some(vec![crate::model::MetricId::new("total_income")]),
            view_of: Some("/data/parks.ron".to_owned()),
            views_by_dataset: [(
                "/data/other.ron".to_owned(),
                crate::state::slides::ViewSnapshot { pinned: vec![ParkId::new("east")], ..Default::default() },
            )]
            .into(),
            dropped_picks: [("/data/parks.ron".to_owned(), dropped)].into(),
        };
        let mut storage = MemoryStorage::default();
        eframe::set_value(&mut storage, eframe::APP_KEY, &state);
        assert_eq!(restore_state(Some(&storage), None), state);
    }

    /// eframe's file emptied by a session ended mid-write: the copy written whole restores the
    /// settings; eframe's, where it can be read, comes first.
    #[test]
    fn a_damaged_settings_file_is_restored_from_the_copy() {
        let copy = "(language: Zh, theme: Light)";
        for damaged in [MemoryStorage::default(), storage_with(""), storage_with("(language: Z")] {
            let state = restore_state(Some(&damaged), Some(copy));
            assert_eq!((state.language, state.theme), (Language::Zh, crate::state::ThemeChoice::Light));
        }
        assert_eq!(restore_state(None, Some(copy)).language, Language::Zh);
        let state = restore_state(Some(&storage_with("(language: En)")), Some(copy));
        assert_eq!(state.language, Language::En, "eframe's file, when it can be read");
        assert_eq!(restore_state(Some(&storage_with("")), Some("(garbage")), AppState::default());
    }

    #[test]
    fn missing_or_corrupt_state_falls_back_to_defaults() {
        assert_eq!(restore_state(None, None), AppState::default());
        assert_eq!(restore_state(Some(&MemoryStorage::default()), None), AppState::default());
        assert_eq!(restore_state(Some(&storage_with("(language: Klingon")), None), AppState::default());
        assert_eq!(restore_state(Some(&storage_with("\u{0}garbage")), None), AppState::default());
    }

    #[test]
    fn a_state_from_an_older_version_keeps_what_it_has() {
        let state = restore_state(Some(&storage_with("(language: Zh)")), None);
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
    fn what_check_warns_of_is_said_when_the_data_loads() {
        // A figure of 2020 says it covers the ground after a change, but no change is dated 2020.
        let figure = "(metric: \"planned_area\", value: 6.03, year: 2020, source: \"S9\",";
        assert!(crate::model::EMBEDDED_DATASET.contains(figure));
        let text = crate::model::EMBEDDED_DATASET.replacen(figure, &format!("{figure} ground: Some(AfterChange),"), 1);
        let origin = DataOrigin::Memory { label: "grounds.ron".to_owned(), text: text.into() };
        let app = ParkApp::with_state(origin, AppState::default());
        let notice = app.notice().expect("the user is told");
        assert!(notice.contains("grounds.ron:parks[") && notice.contains("boundary_change: true"), "{notice}");
        let quiet = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
        assert_eq!(quiet.notice(), None, "the shipped data has nothing to warn of");
    }

    /// A table named on the command line opens the built-in dataset and is previewed for it;
    /// a dataset opens as itself.
    #[test]
    fn a_table_named_at_start_is_previewed_for_the_built_in_dataset() {
        let table = std::path::PathBuf::from("/data/figures-2025.CSV");
        assert_eq!(start_origin(DataOrigin::File(table.clone())), (DataOrigin::Embedded, Some(table)));
        let dataset = DataOrigin::File(std::path::PathBuf::from("/data/parks.ron"));
        assert_eq!(start_origin(dataset.clone()), (dataset, None));
        assert_eq!(start_origin(DataOrigin::Embedded), (DataOrigin::Embedded, None));
    }

    #[test]
    fn an_export_is_offered_under_the_datasets_place_and_the_view() {
        let lakeshore = DataOrigin::File(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lakeshore/lakeshore.ron"),
        );
        let mut state = AppState { tab: crate::state::Tab::Compare, ..AppState::default() };
        state.plot.kind = crate::state::PlotKind::TimeSeries;
        let mut app = ParkApp::with_state(lakeshore, state);
        let metric = app.state.plot.metric.to_string().replace('_', "-");
        assert_eq!(app.export_file_name("png"), format!("lakeshore-time-series-{metric}.png"));
        // Another metric, another name: a second export does not offer to overwrite the first.
        app.state.plot.kind = crate::state::PlotKind::Bars;
        let first = app.export_file_name("csv");
        let other = app.dataset.as_ref().and_then(|d| d.metrics.iter().find(|m| m.id != app.state.plot.metric));
        app.state.plot.metric = other.expect("a second metric").id.clone();
        assert_ne!(app.export_file_name("csv"), first);
        assert!(first.starts_with("lakeshore-bars-"), "{first}");
        app.state.tab = crate::state::Tab::Map;
        assert_eq!(app.export_file_name("csv"), "lakeshore-map.csv");
        app.state.language = crate::model::Language::Zh;
        assert_eq!(app.export_file_name("csv"), "lakeshore-map-zh.csv", "not the English export's name");
        let app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
        assert_eq!(app.export_file_name("png"), "zhongguancun-table.png");
    }

    #[test]
    fn the_presentation_layout_is_not_saved_as_the_desk_layout() {
        use eframe::App as _;
        let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
        assert!(app.persist_egui_memory(), "the desk layout's zoom and text sizes are kept");
        app.presentation.active = true;
        assert!(!app.persist_egui_memory(), "closing mid-presentation keeps the last desk layout");
    }

    /// While a meeting pack shows its slides one by one, a save (every few seconds of use)
    /// writes the user's own view, not the slide's: the next session opens on the desk.
    #[test]
    fn a_save_while_a_meeting_pack_is_written_keeps_the_desks_view() {
        use eframe::App as _;
        let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
        let slide_view = crate::state::slides::ViewSnapshot::capture(&AppState::default());
        app.slides.show.deck.slides.push(crate::state::slides::Slide {
            title: "All parks".to_owned(),
            notes: String::new(),
            takeaway: String::new(),
            view: slide_view,
            ..crate::state::slides::Slide::default()
        });
        app.state.tab = crate::state::Tab::Map;
        let out = tempfile::tempdir().expect("a folder");
        app.request_meeting_pack(out.path());
        app.show_slide(0);
        assert_eq!(app.state.tab, crate::state::Tab::Table, "a fair test: the slide's view is shown");
        let mut storage = MemoryStorage::default();
        app.save(&mut storage);
        assert_eq!(restore_state(Some(&storage), None).tab, crate::state::Tab::Map);
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
