//! The UI state shared by every view (language, theme, filter, sort, selection, pins, hover)
//! and the pure functions that derive what the views show from it.
//!
//! Plain data: no egui here, so everything can be unit-tested without a window.

pub mod action;
pub mod classify;
pub mod command;
pub mod derived;
pub mod dropped_picks;
pub mod export;
pub mod filter;
pub mod filter_words;
pub mod inset;
pub mod map;
pub mod park_colours;
pub mod peers;
pub mod search;
pub mod series;
pub mod slides;
pub mod tables;
pub mod takeaway;
pub mod titles;
pub mod write_failure;
pub mod zoom;

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Language, MetricId, Park, ParkId, SourceId};
pub use action::{Action, PinOutcome};
pub use command::{Command, ImageSize};
pub use filter::{Chip, FacetCounts, FilterState, IndustryMatch, MetricRange, NoParkListed, RoleScope};
pub use park_colours::{COLOURED_PARKS, ParkColours};
pub use search::SearchIndex;
pub use series::{MatrixOrder, PlotChoice, PlotData, PlotKind, PlotScope, PlotView, YearChoice};

/// Most parks that can be pinned for comparison at once: as many as the charts have colours
/// for, so every pinned park is drawn in its own colour.
pub const MAX_PINS: usize = park_colours::COLOURED_PARKS;

/// A metric of a view not yet fitted to a dataset; [`AppState::forget_missing`] replaces it
/// with the dataset's own choice ([`Dataset::view_metrics`]). The state knows no metric id.
pub const UNCHOSEN: MetricId = MetricId(String::new());

/// Which colour theme the user chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The main views, shown as tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tab {
    /// The park table.
    #[default]
    Table,
    /// The comparison plots.
    Compare,
    /// The schematic map.
    Map,
}

/// A column of the park table that can be sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortColumn {
    /// The park's name in the current language.
    #[default]
    Name,
    /// The name of the park's first district.
    District,
    /// A figure column: each park's latest figure of the metric.
    Figure(MetricId),
}

impl SortColumn {
    /// The metric behind a figure column.
    pub fn metric(&self) -> Option<&MetricId> {
        match self {
            Self::Name | Self::District => None,
            Self::Figure(metric) => Some(metric),
        }
    }
}

/// Saved state and slides from before the table's columns came from the dataset named three
/// fixed columns, which no longer exist: they read as sorted by name, so an upgrade keeps the
/// user's pins, filters, recent files and slides instead of refusing the whole file.
pub fn migrate_saved(text: &str) -> String {
    const RETIRED: [&str; 3] = ["Area", "Income", "Enterprises"];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("column:") {
        let (before, after) = rest.split_at(at + "column:".len());
        out.push_str(before);
        let trimmed = after.trim_start();
        let spaces = &after[..after.len() - trimmed.len()];
        let retired = RETIRED.iter().find(|name| {
            trimmed.starts_with(*name)
                && !trimmed[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '(')
        });
        match retired {
            Some(name) => {
                out.push_str(spaces);
                out.push_str("Name");
                rest = &trimmed[name.len()..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// How the park table is sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TableSort {
    /// The column sorted by.
    pub column: SortColumn,
    /// Largest (or last in the alphabet) first.
    pub descending: bool,
}

impl TableSort {
    /// The sort after the user clicked `column`'s header: the same column reverses, another
    /// column starts ascending for text and descending for numbers (largest first is what a
    /// ranking wants).
    #[must_use]
    pub fn clicked(&self, column: SortColumn) -> Self {
        if self.column == column {
            Self { column, descending: !self.descending }
        } else {
            let descending = column.metric().is_some();
            Self { column, descending }
        }
    }
}

/// Everything about the UI that persists between runs. Never holds the dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// Language of UI strings and data labels.
    pub language: Language,
    /// Colour theme.
    pub theme: ThemeChoice,
    /// What narrows the parks shown.
    pub filter: FilterState,
    /// How the park table is sorted.
    pub sort: TableSort,
    /// Which main view is shown.
    pub tab: Tab,
    /// What the Compare view plots.
    pub plot: PlotChoice,
    /// What the map shows.
    pub map: map::MapChoice,
    /// The park shown in the profile.
    pub selected: Option<ParkId>,
    /// The park that was selected until the filter hid it: selected again when the filter lists
    /// it once more (a search typed and cleared brings its profile back), unless the user chose
    /// a park, or none, since. Not saved.
    #[serde(skip)]
    pub selection_hidden_by_filter: Option<ParkId>,
    /// Parks pinned for comparison, in the order they were pinned; at most [`MAX_PINS`].
    pub pinned: Vec<ParkId>,
    /// Dataset files opened recently, newest first.
    pub recent: Vec<std::path::PathBuf>,
    /// Figure tables the user added to a dataset, by the dataset's
    /// [key](crate::model::DataOrigin::key); loaded with it every time it opens.
    pub added_tables: std::collections::BTreeMap<String, Vec<std::path::PathBuf>>,
    /// Whether the filter panel is folded away.
    pub filters_collapsed: bool,
    /// The key of the dataset the view (filter, pins, selection, sort, columns, plot and map
    /// choices) belongs to; `None` in state saved before views were kept per dataset.
    pub view_of: Option<String>,
    /// The view last shown of each other dataset opened, by key: opening it again comes back
    /// to it, and one city's ids are never checked against another's (nor reported missing).
    pub views_by_dataset: std::collections::BTreeMap<String, slides::ViewSnapshot>,
    /// Pins and selections reloads dropped, by the dataset's key, kept until the park is back:
    /// saved with the rest, so the promise holds across a restart too; only for the datasets of
    /// the recent list.
    pub dropped_picks: std::collections::BTreeMap<String, dropped_picks::DroppedPicks>,
    /// The metrics the park table shows a column of, as the user chose them in its columns
    /// menu; `None` for the dataset's own choice (`meta.views.table`). Read through
    /// [`AppState::table_metrics`].
    pub table_metrics: Option<Vec<MetricId>>,
    /// The park under the pointer in any view during the last frame; not saved.
    #[serde(skip)]
    pub hovered: Option<ParkId>,
}

impl AppState {
    /// Puts `path` first among the recent files, keeping at most eight.
    pub fn remember_recent(&mut self, path: std::path::PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(8);
    }

    /// Shows the view of the dataset keyed `key`: the current view is kept under its own
    /// dataset's key, and `key`'s last view comes back (or a fresh one, the dataset's own
    /// choices, for a dataset not opened before). The language and theme stay. State saved
    /// before views were kept per dataset keeps its view for the first dataset it opens.
    pub fn show_dataset(&mut self, key: &str) {
        if self.view_of.as_deref() == Some(key) {
            return;
        }
        if let Some(previous) = self.view_of.take() {
            let view = slides::ViewSnapshot::capture(self);
            self.views_by_dataset.insert(previous, view);
            self.views_by_dataset.remove(key).unwrap_or_default().restore(self);
        }
        self.view_of = Some(key.to_owned());
        self.selection_hidden_by_filter = None;
    }

    /// Pins or unpins a park; refuses an eleventh pin.
    pub fn toggle_pin(&mut self, id: &ParkId) -> PinOutcome {
        if let Some(at) = self.pinned.iter().position(|p| p == id) {
            self.pinned.remove(at);
            PinOutcome::Unpinned
        } else if self.pinned.len() >= MAX_PINS {
            PinOutcome::Full
        } else {
            self.pinned.push(id.clone());
            PinOutcome::Pinned
        }
    }

    /// Whether a park is pinned.
    pub fn is_pinned(&self, id: &ParkId) -> bool {
        self.pinned.contains(id)
    }

    /// Drops every id the dataset does not have (after loading another file, or from a saved
    /// state) and returns them, so the user can be told.
    pub fn forget_missing(&mut self, dataset: &Dataset) -> Vec<String> {
        let mut dropped = Vec::new();
        if let Some(id) = self.selected.take_if(|id| dataset.park(id).is_none()) {
            dropped.push(id.to_string());
        }
        self.pinned.retain(|id| {
            let keep = dataset.park(id).is_some();
            if !keep && !dropped.contains(&id.to_string()) {
                dropped.push(id.to_string());
            }
            keep
        });
        self.hovered = None;
        self.selection_hidden_by_filter.take_if(|id| dataset.park(id).is_none());
        dropped.extend(self.filter.forget_missing(dataset));
        dropped.extend(forget_missing_metrics(self, dataset));
        dropped
    }
}

impl AppState {
    /// The metrics the park table shows a column of, in this order: the user's choice in the
    /// dataset's order of metrics, or, with none, the dataset's own (`meta.views.table`, in the
    /// order it names them). Metrics the dataset lacks are left out. Every part of the app that
    /// shows or cites the table's columns asks this: the table, its sources line, its CSV.
    pub fn table_metrics(&self, dataset: &Dataset) -> Vec<MetricId> {
        match &self.table_metrics {
            Some(chosen) => dataset.metrics.iter().filter(|m| chosen.contains(&m.id)).map(|m| m.id.clone()).collect(),
            None => dataset.view_metrics().table.iter().filter(|id| dataset.metric(id).is_some()).cloned().collect(),
        }
    }

    /// What the table shows after the user ticks or unticks `metric` in its columns menu.
    pub fn table_metric_toggled(&self, dataset: &Dataset, metric: &MetricId) -> TableMetricsChoice {
        let mut chosen = self.table_metrics(dataset);
        if let Some(at) = chosen.iter().position(|m| m == metric) {
            chosen.remove(at);
        } else {
            chosen.push(metric.clone());
        }
        TableMetricsChoice::chosen(dataset, chosen)
    }

    /// A sort by a column the table does not show falls back to the names: the order of the
    /// rows must be one the reader can see.
    fn fit_sort_to(&mut self, shown: &[MetricId]) {
        if self.sort.column.metric().is_some_and(|m| !shown.contains(m)) {
            self.sort = TableSort::default();
        }
    }

    /// Drops the metrics the dataset lacks from the user's table columns and returns them. A
    /// choice of which nothing is left (another city's metrics) gives way to the dataset's own,
    /// rather than a table without figures.
    fn forget_missing_table_metrics(&mut self, dataset: &Dataset) -> Vec<MetricId> {
        let Some(chosen) = &mut self.table_metrics else { return Vec::new() };
        let (kept, dropped): (Vec<MetricId>, Vec<MetricId>) =
            std::mem::take(chosen).into_iter().partition(|id| dataset.metric(id).is_some());
        self.table_metrics = if kept.is_empty() && !dropped.is_empty() { None } else { Some(kept) };
        dropped
    }
}

/// A choice of the park table's metric columns, made in its columns menu: what to remember, and
/// what the table then shows (so applying it can tell whether the sorted column went).
#[derive(Clone, Debug, PartialEq)]
pub struct TableMetricsChoice {
    /// What [`AppState::table_metrics`] is set to: `None` for the dataset's own choice.
    pub chosen: Option<Vec<MetricId>>,
    /// The metrics the table then shows, as [`AppState::table_metrics`] answers.
    pub shown: Vec<MetricId>,
}

impl TableMetricsChoice {
    /// Exactly `chosen` (put in the dataset's order of metrics).
    pub fn chosen(dataset: &Dataset, chosen: Vec<MetricId>) -> Self {
        let state = AppState { table_metrics: Some(chosen), ..AppState::default() };
        let shown = state.table_metrics(dataset);
        Self { chosen: Some(shown.clone()), shown }
    }

    /// The dataset's own choice, which follows the dataset when it is edited.
    pub fn dataset_default(dataset: &Dataset) -> Self {
        Self { chosen: None, shown: AppState::default().table_metrics(dataset) }
    }

    /// Every metric of the dataset.
    pub fn all(dataset: &Dataset) -> Self {
        Self::chosen(dataset, dataset.metrics.iter().map(|m| m.id.clone()).collect())
    }

    /// No figure column: the names, districts and leading industries only.
    pub fn none() -> Self {
        Self { chosen: Some(Vec::new()), shown: Vec::new() }
    }

    /// Makes this the table's choice; a sort by a column it hides falls back to the names.
    pub fn apply_to(&self, state: &mut AppState) {
        state.table_metrics.clone_from(&self.chosen);
        state.fit_sort_to(&self.shown);
    }
}

/// Fits the plot and map choices, the table's columns and its sort to `dataset` (metrics not
/// yet chosen or that it lacks become its own choices, see [`PlotChoice::fit_to`]) and returns the ids
/// dropped, each once, so the user can be told.
fn forget_missing_metrics(state: &mut AppState, dataset: &Dataset) -> Vec<String> {
    let mut dropped = state.plot.fit_to(dataset);
    dropped.extend(state.map.fit_to(dataset));
    dropped.extend(state.forget_missing_table_metrics(dataset));
    // A sort by a column the table no longer shows falls back to the names, silently: the
    // column's metric, if gone, is told above.
    let shown = state.table_metrics(dataset);
    state.fit_sort_to(&shown);
    let mut seen = std::collections::BTreeSet::new();
    dropped.retain(|id| seen.insert(id.clone()));
    dropped.into_iter().map(|id| id.to_string()).collect()
}

/// `parks` with the pinned ones first, each part in its own order, and whether a list should
/// mark the pinned ones: a pinned park left out of a chart must not pass unnoticed among the
/// others, but when all of them are pinned (a chart of the pinned parks) a mark tells none apart.
/// The order is gone through only as far as it is read: a chart's footer names its first few
/// parks "no data" of thousands, every frame.
pub fn pinned_first<'a>(
    parks: &'a [ParkId],
    pinned: &'a [ParkId],
) -> (impl Iterator<Item = &'a ParkId> + use<'a>, bool) {
    let is_pinned = |id: &&ParkId| pinned.contains(id);
    let marked = parks.iter().any(|id| is_pinned(&id)) && !parks.iter().all(|id| is_pinned(&id));
    let order = parks.iter().filter(is_pinned).chain(parks.iter().filter(move |id| !is_pinned(id)));
    (order, marked)
}

/// The parks ↑/↓ step through, in the order the view on `tab` shows them: down the ranked bars
/// (then the parks "no data" names) or the matrix's rows on the comparison (`plot`), else
/// `listed`, the table's order; the parks a view leaves out follow in the table's order.
/// Stepping by the table's order on the bars jumped up and down the chart. A bar past the
/// chart's room is stepped to as well: the profile shows the park.
pub fn stepping_order<'a>(listed: &'a [ParkId], tab: Tab, plot: Option<&PlotData>) -> std::borrow::Cow<'a, [ParkId]> {
    let shown: Vec<&ParkId> = match (tab, plot) {
        (Tab::Compare, Some(PlotData::Bars(series))) => {
            series.bars.iter().map(|bar| &bar.park).chain(&series.missing).collect()
        }
        (Tab::Compare, Some(PlotData::Matrix(matrix))) => matrix.parks.iter().collect(),
        _ => return std::borrow::Cow::Borrowed(listed),
    };
    let in_view: std::collections::HashSet<&ParkId> = shown.iter().copied().collect();
    let left_out = listed.iter().filter(|id| !in_view.contains(id));
    std::borrow::Cow::Owned(shown.into_iter().chain(left_out).cloned().collect())
}

/// The park `step` rows away from `selected` in `visible`, stopping at either end. With no
/// selection (or one that is filtered out), down starts at the first row and up at the last.
pub fn step_selection(visible: &[ParkId], selected: Option<&ParkId>, step: isize) -> Option<ParkId> {
    let last = visible.len().checked_sub(1)?;
    let at = selected.and_then(|id| visible.iter().position(|p| p == id));
    let next = match at {
        Some(at) => at.saturating_add_signed(step).min(last),
        None if step < 0 => last,
        None => 0,
    };
    visible.get(next).cloned()
}

/// The parks to list, in table order: those passing `filter`, sorted by `sort`.
///
/// Parks without a value for a numeric column come last in either direction, because "no data"
/// is not the smallest value. Numeric ties keep dataset order.
pub fn visible_parks(
    dataset: &Dataset,
    index: &SearchIndex,
    filter: &FilterState,
    sort: &TableSort,
    language: Language,
) -> Vec<ParkId> {
    let parks: Vec<&Park> = dataset.parks.iter().filter(|p| filter.matches(dataset, index, p)).collect();
    sorted(dataset, parks, sort, language).into_iter().map(|p| p.id.clone()).collect()
}

/// What the table cites for its parks: the sources of what it shows, and whether a figure it
/// shows is [stated otherwise](crate::model::stated_otherwise) (its cell is marked ≠).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableCitations {
    /// The sources of each park's latest figure of each table column's metric (the figure its
    /// cell shows) and of the values other sources state for it, and of its leading industries.
    pub sources: BTreeSet<SourceId>,
    /// Whether any of those figures is stated otherwise.
    pub stated_otherwise: bool,
}

/// What the table cites for `parks` in columns of `metrics` ([`TableCitations`]).
pub fn table_citations(dataset: &Dataset, parks: &[ParkId], metrics: &[MetricId]) -> TableCitations {
    let mut citations = TableCitations::default();
    for park in parks.iter().filter_map(|id| dataset.park(id)) {
        for figure in metrics.iter().filter_map(|metric| dataset.latest_shown(park, metric)) {
            citations.sources.insert(figure.observation.source.clone());
            for other in crate::model::stated_otherwise(&park.observations, figure.observation) {
                citations.sources.insert(other.source.clone());
                citations.stated_otherwise = true;
            }
        }
        let leading = park.industries.iter().filter(|link| RoleScope::Leading.includes(link.role));
        citations.sources.extend(leading.map(|link| link.source.clone()));
    }
    citations
}

/// What a park's table cell of a metric holds, in the order a sort by that column lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum FigureKind {
    /// An actual figure.
    Actual,
    /// A target or forecast, where the park has no actual figure.
    Projected,
    /// No figure.
    Missing,
}

fn sorted<'a>(dataset: &'a Dataset, parks: Vec<&'a Park>, sort: &TableSort, language: Language) -> Vec<&'a Park> {
    if let Some(metric) = sort.column.metric() {
        // Each park's value is looked up once, not once per comparison. A target or forecast,
        // shown where a park has no actual figure, is not a measured value to rank among
        // them: such parks come after every actual figure (sorted among themselves), and
        // before the parks with no figure at all.
        let mut keyed: Vec<((FigureKind, Option<f64>), &Park)> = parks
            .into_iter()
            .map(|p| {
                let shown = dataset.latest_shown(p, metric);
                let kind = match shown {
                    Some(figure) if figure.observation.qualifier.is_projection() => FigureKind::Projected,
                    Some(_) => FigureKind::Actual,
                    None => FigureKind::Missing,
                };
                ((kind, shown.map(|f| f.observation.value)), p)
            })
            .collect();
        keyed.sort_by(|((a_kind, a), _), ((b_kind, b), _)| {
            a_kind.cmp(b_kind).then_with(|| compare_missing_last(*a, *b, sort.descending))
        });
        return keyed.into_iter().map(|(_, p)| p).collect();
    }
    let key = |park: &Park| match sort.column {
        SortColumn::District => park
            .districts
            .first()
            .and_then(|id| dataset.district(id))
            .map(|d| sort_key(d.name.get(language), language))
            .unwrap_or_default(),
        _ => sort_key(park.name.get(language), language),
    };
    let mut parks = parks;
    parks.sort_by_cached_key(|p| key(p));
    if sort.descending {
        parks.reverse();
    }
    parks
}

/// A key that sorts names the way readers of `language` expect: Chinese by pinyin (丙 bing
/// before 甲 jia before 乙 yi), English case-insensitively.
pub fn sort_key(name: &str, language: Language) -> String {
    use pinyin::ToPinyin as _;
    match language {
        Language::En => name.to_lowercase(),
        Language::Zh => name
            .chars()
            .map(|c| c.to_pinyin().map_or_else(|| c.to_lowercase().to_string(), |p| format!("{} ", p.plain())))
            .collect(),
    }
}

fn compare_missing_last(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.total_cmp(&a),
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;

    /// Pinned parks come first in a list of parks, marked only when unpinned ones are in it.
    #[test]
    fn pinned_parks_come_first_and_are_marked_only_beside_others() {
        let parks: Vec<ParkId> = ["a", "b", "c", "d"].into_iter().map(ParkId::new).collect();
        let first = |pinned: &[ParkId]| {
            let (order, marked) = super::pinned_first(&parks, pinned);
            (order.map(ToString::to_string).collect::<String>(), marked)
        };
        assert_eq!(first(&[ParkId::new("c"), ParkId::new("x")]), ("cabd".to_owned(), true));
        assert_eq!(first(&parks), ("abcd".to_owned(), false), "all pinned: nothing to tell apart");
        assert_eq!(first(&[]), ("abcd".to_owned(), false));
    }

    /// Saved state from before keeps its view for the first dataset; after that each dataset
    /// gets its own, and a dataset opened again finds its view as it was left. The language
    /// is the user's, not a dataset's.
    #[test]
    fn each_dataset_keeps_its_own_view() {
        let mut state = AppState { pinned: vec![ParkId::new("alpha")], language: Language::Zh, ..AppState::default() };
        state.show_dataset("a.ron");
        assert_eq!(state.pinned, [ParkId::new("alpha")], "state from before keeps its view");
        state.show_dataset("b.ron");
        assert!(state.pinned.is_empty(), "another dataset: a fresh view");
        assert_eq!(state.language, Language::Zh, "the language stays");
        state.pinned.push(ParkId::new("x"));
        state.show_dataset("a.ron");
        assert_eq!(state.pinned, [ParkId::new("alpha")]);
        state.show_dataset("a.ron");
        assert_eq!(state.pinned, [ParkId::new("alpha")], "the same dataset again: nothing changes");
        state.show_dataset("b.ron");
        assert_eq!(state.pinned, [ParkId::new("x")]);
    }

    fn ids(parks: &[ParkId]) -> Vec<&str> {
        parks.iter().map(ParkId::as_str).collect()
    }

    /// ↑/↓ on the ranked bars step down the bars as drawn, then the parks without one; on the
    /// table (or the map) they step through the table's order.
    #[test]
    fn arrow_keys_follow_the_order_the_view_shows() {
        let dataset = small_dataset();
        let listed: Vec<ParkId> = ["gamma", "beta", "alpha"].into_iter().map(ParkId::new).collect();
        let choice = PlotChoice { metric: MetricId::new("planned_area"), ..PlotChoice::default() };
        let bars = PlotData::new(&dataset, &listed, &choice, Language::En);
        let PlotData::Bars(series) = &bars else { panic!("bars") };
        let drawn: Vec<&str> = series.bars.iter().map(|bar| bar.park.as_str()).collect();
        assert_ne!(drawn, ids(&listed)[..drawn.len()], "a fair test: the bars rank otherwise");
        let order = stepping_order(&listed, Tab::Compare, Some(&bars));
        assert_eq!(&ids(&order)[..drawn.len()], drawn.as_slice());
        assert_eq!(order.len(), listed.len(), "every listed park once");
        assert_eq!(stepping_order(&listed, Tab::Table, Some(&bars)).as_ref(), listed.as_slice());
    }

    fn listed(dataset: &Dataset, search: &str, sort: &TableSort, language: Language) -> Vec<ParkId> {
        let filter = FilterState { search: search.to_owned(), ..FilterState::default() };
        visible_parks(dataset, &SearchIndex::new(dataset), &filter, sort, language)
    }

    #[test]
    fn sorting_by_area_puts_largest_first_and_missing_last() {
        let dataset = small_dataset();
        let sort = TableSort::default().clicked(SortColumn::Figure(MetricId::new("planned_area")));
        assert!(sort.descending);
        assert_eq!(ids(&listed(&dataset, "", &sort, Language::En)), ["alpha", "beta", "gamma"]);
        let reversed =
            listed(&dataset, "", &sort.clicked(SortColumn::Figure(MetricId::new("planned_area"))), Language::En);
        assert_eq!(ids(&reversed), ["beta", "alpha", "gamma"], "no data stays last when reversed");
    }

    /// A target, shown where a park has no actual figure, is not ranked among the actual
    /// figures: it comes after them whichever way the column is sorted, before no figure.
    #[test]
    fn sorting_by_a_figure_puts_a_target_after_the_actual_figures() {
        let gamma = "districts: [\"west\"],";
        let text = crate::model::tests::SMALL_RON.replacen(
            gamma,
            &format!(
                "{gamma} observations: [(metric: \"planned_area\", value: 999, year: 2030, qualifier: Target, source: \"s1\")],"
            ),
            1,
        );
        let mut dataset = crate::model::load_dataset(&text, "small.ron").expect("valid");
        let beta = dataset.parks.iter_mut().find(|park| park.id.as_str() == "beta").expect("beta");
        beta.observations.retain(|obs| obs.metric.as_str() != "planned_area");
        let sort = TableSort::default().clicked(SortColumn::Figure(MetricId::new("planned_area")));
        assert!(sort.descending);
        assert_eq!(ids(&listed(&dataset, "", &sort, Language::En)), ["alpha", "gamma", "beta"], "largest first");
        let ascending = sort.clicked(SortColumn::Figure(MetricId::new("planned_area")));
        assert_eq!(ids(&listed(&dataset, "", &ascending, Language::En)), ["alpha", "gamma", "beta"], "smallest first");
    }

    #[test]
    fn sorting_by_name_follows_the_language() {
        let dataset = small_dataset();
        let sort = TableSort { column: SortColumn::Name, descending: false };
        assert_eq!(ids(&listed(&dataset, "", &sort, Language::En)), ["alpha", "beta", "gamma"]);
        let reversed = TableSort { descending: true, ..sort.clone() };
        assert_eq!(ids(&listed(&dataset, "", &reversed, Language::En)), ["gamma", "beta", "alpha"]);
        // 丙园 bing, 甲园 jia, 乙园 yi: pinyin order, not code-point order.
        assert_eq!(ids(&listed(&dataset, "", &sort, Language::Zh)), ["gamma", "alpha", "beta"]);
    }

    #[test]
    fn search_matches_english_case_insensitively_chinese_and_pinyin() {
        let dataset = small_dataset();
        let sort = TableSort::default();
        assert_eq!(ids(&listed(&dataset, "  ALPHA ", &sort, Language::En)), ["alpha"]);
        assert_eq!(ids(&listed(&dataset, "乙", &sort, Language::En)), ["beta"]);
        assert_eq!(ids(&listed(&dataset, "yi", &sort, Language::En)), ["beta"]);
        assert!(listed(&dataset, "nothing like it", &sort, Language::En).is_empty());
        assert_eq!(listed(&dataset, "", &sort, Language::En).len(), 3);
    }

    #[test]
    fn latest_figure_skips_targets_and_prefers_whole_years() {
        let dataset = small_dataset();
        let park = dataset.park(&ParkId::new("alpha")).expect("fixture park");
        let latest = dataset.latest(park, &MetricId::new("total_income")).expect("alpha has income");
        assert_eq!((latest.observation.year, latest.observation.value), (2018, 630.0));
    }

    #[test]
    fn ids_the_dataset_lacks_are_dropped_and_reported() {
        let dataset = small_dataset();
        let mut state = AppState {
            selected: Some(ParkId::new("gone")),
            pinned: vec![ParkId::new("alpha"), ParkId::new("gone"), ParkId::new("lost")],
            ..AppState::default()
        };
        assert_eq!(state.forget_missing(&dataset), ["gone", "lost"]);
        assert_eq!(state.selected, None);
        assert_eq!(state.pinned, [ParkId::new("alpha")]);
        state.apply(&Action::Select(ParkId::new("beta")), &[]);
        assert!(state.forget_missing(&dataset).is_empty());
        assert_eq!(state.selected, Some(ParkId::new("beta")));
    }

    #[test]
    fn state_saved_with_the_retired_fixed_columns_still_reads() {
        let old = "(language: Zh, sort: (column: Income, descending: true), pinned: [\"haidian\"])";
        let state: AppState = ron::from_str(&migrate_saved(old)).expect("migrated state reads");
        assert_eq!((state.language, &state.sort.column, state.pinned.len()), (Language::Zh, &SortColumn::Name, 1));
        let new = r#"(sort: (column: Figure("Income"), descending: true))"#;
        assert_eq!(migrate_saved(new), new, "a column named by the dataset is left alone");
    }

    #[test]
    fn a_new_state_opens_on_the_metrics_the_dataset_names() {
        let dataset = small_dataset();
        let mut state = AppState::default();
        assert!(state.forget_missing(&dataset).is_empty(), "nothing was chosen, so nothing is dropped");
        let metric = |id: &str| MetricId::new(id);
        assert_eq!(state.plot.metric, metric("total_income"));
        assert_eq!((&state.plot.x_metric, &state.plot.y_metric), (&metric("planned_area"), &metric("total_income")));
        assert_eq!(state.plot.size_metric, Some(metric("high_tech_enterprises")));
        assert_eq!(state.map.marker_metric, Some(metric("high_tech_enterprises")));
    }

    #[test]
    fn saved_metrics_the_dataset_lacks_fall_back_to_its_own_choices() {
        let dataset = small_dataset();
        let mut state = AppState::default();
        state.plot.metric = MetricId::new("gdp");
        state.plot.divide_by = Some(MetricId::new("hectares"));
        state.plot.size_metric = Some(MetricId::new("employees"));
        state.map.value = map::DistrictValue::MetricSum(MetricId::new("exports"));
        state.map.marker_metric = Some(MetricId::new("total_income"));
        state.sort = TableSort { column: SortColumn::Figure(MetricId::new("gdp")), descending: true };
        assert_eq!(state.forget_missing(&dataset), ["gdp", "employees", "hectares", "exports"]);
        assert_eq!(state.plot.metric, MetricId::new("total_income"));
        assert_eq!(state.plot.size_metric, Some(MetricId::new("high_tech_enterprises")));
        assert_eq!((&state.plot.divide_by, &state.map.value), (&None, &map::DistrictValue::ParkCount));
        assert_eq!(state.map.marker_metric, Some(MetricId::new("total_income")), "a metric it has stays");
        assert_eq!(state.sort, TableSort::default(), "the table no longer shows that column");
    }

    #[test]
    fn a_divisor_the_dataset_does_not_offer_is_dropped_without_a_notice_when_it_exists() {
        let dataset = small_dataset();
        let mut state = AppState::default();
        state.plot.metric = MetricId::new("total_income");
        // Profit exists but can be negative: never a divisor.
        state.plot.divide_by = Some(MetricId::new("total_profit"));
        assert!(state.forget_missing(&dataset).is_empty());
        assert_eq!(state.plot.divide_by, None);
        state.plot.divide_by = Some(MetricId::new("planned_area"));
        state.forget_missing(&dataset);
        assert_eq!(state.plot.divide_by, Some(MetricId::new("planned_area")), "an offered divisor stays");
    }

    fn metrics(ids: &[&str]) -> Vec<MetricId> {
        ids.iter().map(|id| MetricId::new(*id)).collect()
    }

    #[test]
    fn the_table_shows_the_datasets_columns_until_the_user_chooses_in_the_datasets_order() {
        let dataset = small_dataset();
        let mut state = AppState::default();
        assert_eq!(state.table_metrics(&dataset), dataset.view_metrics().table, "none chosen: the dataset's");
        assert_eq!(state.table_metrics(&dataset), metrics(&["planned_area", "total_income", "high_tech_enterprises"]));
        // Chosen out of order and with a metric of another dataset: shown in the dataset's order,
        // without the stranger.
        state.table_metrics = Some(metrics(&["total_profit", "gdp", "planned_area"]));
        assert_eq!(state.table_metrics(&dataset), metrics(&["planned_area", "total_profit"]));
        state.table_metrics = Some(Vec::new());
        assert!(state.table_metrics(&dataset).is_empty(), "no figure column is a choice too");
    }

    #[test]
    fn ticking_and_unticking_a_metric_starts_from_the_columns_shown() {
        let dataset = small_dataset();
        let mut state = AppState::default();
        let ticked = state.table_metric_toggled(&dataset, &MetricId::new("total_profit"));
        assert_eq!(ticked.shown, metrics(&["planned_area", "total_income", "high_tech_enterprises", "total_profit"]));
        state.apply(&Action::ChooseTableMetrics(ticked), &[]);
        let unticked = state.table_metric_toggled(&dataset, &MetricId::new("total_income"));
        state.apply(&Action::ChooseTableMetrics(unticked), &[]);
        assert_eq!(state.table_metrics(&dataset), metrics(&["planned_area", "high_tech_enterprises", "total_profit"]));
        state.apply(&Action::ChooseTableMetrics(TableMetricsChoice::all(&dataset)), &[]);
        assert_eq!(state.table_metrics(&dataset).len(), dataset.metrics.len());
        state.apply(&Action::ChooseTableMetrics(TableMetricsChoice::dataset_default(&dataset)), &[]);
        assert_eq!(state.table_metrics, None, "the dataset's choice again, following the dataset");
    }

    #[test]
    fn hiding_the_column_the_table_is_sorted_by_sorts_it_by_name() {
        let dataset = small_dataset();
        let mut state = AppState::default();
        state.apply(&Action::SortBy(SortColumn::Figure(MetricId::new("total_income"))), &[]);
        let other = state.table_metric_toggled(&dataset, &MetricId::new("planned_area"));
        state.apply(&Action::ChooseTableMetrics(other), &[]);
        assert_eq!(state.sort.column, SortColumn::Figure(MetricId::new("total_income")), "another column went");
        let sorted = state.table_metric_toggled(&dataset, &MetricId::new("total_income"));
        state.apply(&Action::ChooseTableMetrics(sorted), &[]);
        assert_eq!(state.sort, TableSort::default());
        // A sort by a metric the dataset has but the table does not show, as a saved state may hold.
        state.sort = TableSort { column: SortColumn::Figure(MetricId::new("total_profit")), descending: true };
        assert!(state.forget_missing(&dataset).is_empty());
        assert_eq!(state.sort, TableSort::default());
        state.apply(&Action::ChooseTableMetrics(TableMetricsChoice::none()), &[]);
        assert_eq!(ids(&listed(&dataset, "", &state.sort, Language::En)), ["alpha", "beta", "gamma"]);
    }

    #[test]
    fn saved_table_columns_the_dataset_lacks_are_dropped_and_reported() {
        let dataset = small_dataset();
        let mut state = AppState {
            table_metrics: Some(metrics(&["gdp", "total_profit"])),
            sort: TableSort { column: SortColumn::Figure(MetricId::new("total_profit")), descending: true },
            ..AppState::default()
        };
        state.plot.metric = MetricId::new("gdp");
        assert_eq!(state.forget_missing(&dataset), ["gdp"], "told once, though the plot had it too");
        assert_eq!(state.table_metrics, Some(metrics(&["total_profit"])));
        assert_eq!(state.sort.column, SortColumn::Figure(MetricId::new("total_profit")), "a column still shown");
        // Another city's choice, of which nothing is left: the dataset's own columns, not none.
        state.table_metrics = Some(metrics(&["gdp", "exports"]));
        assert_eq!(state.forget_missing(&dataset), ["gdp", "exports"]);
        assert_eq!(state.table_metrics, None);
    }

    #[test]
    fn settings_saved_before_the_table_had_a_choice_of_columns_still_read() {
        let state: AppState = ron::from_str("(language: Zh, filters_collapsed: true)").expect("old settings read");
        assert_eq!((state.language, state.table_metrics), (Language::Zh, None));
        let chosen = AppState { table_metrics: Some(metrics(&["total_profit"])), ..AppState::default() };
        let text = ron::to_string(&chosen).expect("writes");
        assert_eq!(ron::from_str::<AppState>(&text).expect("reads back").table_metrics, chosen.table_metrics);
    }

    #[test]
    fn the_table_cites_only_the_columns_it_shows() {
        let dataset = small_dataset();
        let cited = |shown: &[&str]| -> Vec<String> {
            let sources = table_citations(&dataset, &[ParkId::new("alpha")], &metrics(shown)).sources;
            sources.iter().map(ToString::to_string).collect()
        };
        // Alpha's figures in the dataset's columns and its leading industry are s1's; its
        // profit is s2's. Without figure columns its leading industry is still cited.
        assert_eq!(cited(&["planned_area", "total_income"]), ["s1"]);
        assert_eq!(cited(&["planned_area", "total_profit"]), ["s1", "s2"]);
        assert_eq!(cited(&[]), ["s1"]);
    }

    #[test]
    fn at_most_as_many_parks_are_pinned_as_there_are_colours() {
        assert_eq!(MAX_PINS, 7, "the palette's size");
        let mut state = AppState::default();
        for i in 0..MAX_PINS {
            assert_eq!(state.toggle_pin(&ParkId::new(format!("p{i}"))), PinOutcome::Pinned);
        }
        assert_eq!(state.toggle_pin(&ParkId::new("one too many")), PinOutcome::Full);
        assert_eq!(state.pinned.len(), MAX_PINS);
        assert_eq!(state.toggle_pin(&ParkId::new("p3")), PinOutcome::Unpinned);
        assert!(!state.is_pinned(&ParkId::new("p3")));
        assert_eq!(state.apply(&Action::TogglePinSelected, &[]), None, "nothing selected, nothing pinned");
    }

    #[test]
    fn arrow_keys_move_the_selection_within_the_list() {
        let list = [ParkId::new("a"), ParkId::new("b"), ParkId::new("c")];
        assert_eq!(step_selection(&list, None, 1), Some(ParkId::new("a")));
        assert_eq!(step_selection(&list, None, -1), Some(ParkId::new("c")));
        assert_eq!(step_selection(&list, Some(&ParkId::new("a")), 1), Some(ParkId::new("b")));
        assert_eq!(step_selection(&list, Some(&ParkId::new("c")), 1), Some(ParkId::new("c")), "stops at the end");
        assert_eq!(step_selection(&list, Some(&ParkId::new("a")), -1), Some(ParkId::new("a")));
        assert_eq!(step_selection(&[], None, 1), None);
    }

    #[test]
    fn the_table_cites_the_sources_of_the_figures_and_leading_industries_it_shows() {
        let dataset = small_dataset();
        let cited = |parks: &[&str]| -> Vec<String> {
            let parks: Vec<ParkId> = parks.iter().map(|id| ParkId::new(*id)).collect();
            let shown = &dataset.view_metrics().table;
            table_citations(&dataset, &parks, shown).sources.iter().map(ToString::to_string).collect()
        };
        // Alpha's cells and its leading industry cite s1; its 2016 income and its emerging
        // industry, which s2 gives, are not in the table.
        assert_eq!(cited(&["alpha"]), ["s1"]);
        assert_eq!(cited(&["beta"]), ["s2"]);
        assert_eq!(cited(&["alpha", "beta"]), ["s1", "s2"]);
        assert!(cited(&["gamma"]).is_empty(), "a park with nothing in the table cites nothing");
        assert!(!table_citations(&dataset, &[ParkId::new("alpha")], &dataset.view_metrics().table).stated_otherwise);
    }

    #[test]
    fn the_table_cites_the_source_of_a_value_stated_otherwise_and_says_there_is_one() {
        // Another source states 25 km² for alpha's 2012 area, which the table shows as 26.1.
        let area = r#"(metric: "planned_area", value: 26.1, year: 2012, source: "s1"),"#;
        let other = r#"(metric: "planned_area", value: 25, year: 2012, source: "s2"),"#;
        let text = crate::model::tests::SMALL_RON.replacen(area, &format!("{other} {area}"), 1);
        let dataset = crate::model::load_dataset(&text, "small.ron").expect("valid");
        let citations = table_citations(&dataset, &[ParkId::new("alpha")], &dataset.view_metrics().table);
        assert!(citations.stated_otherwise);
        assert!(citations.sources.contains(&SourceId::new("s2")), "{:?}", citations.sources);
    }
}
