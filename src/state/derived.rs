//! What the views show, derived from the dataset and the [`AppState`]: the listed parks and
//! the filter's counts, the Compare view's plot, the map's numbers, the selected park's peers,
//! what the presented table cites, and the colours of the plot's and the map's parks (a pure
//! function of the state, so both give a park one colour). Each is recomputed only when its inputs
//! change, never per frame, and every view reads the same result, so the table, the plots and
//! the map always agree. No egui here: the app calls the `refresh_*` functions once per frame,
//! and tests call them without a window.

use crate::model::{Dataset, Language, MetricId, ParkId};
use crate::state::classify::ClassMethod;
use crate::state::map::{DistrictValue, MapData, marker_colours};
use crate::state::peers::PeerList;
use crate::state::{
    AppState, FacetCounts, FilterState, ParkColours, PlotChoice, PlotData, PlotView, SearchIndex, Tab, TableSort,
};

/// The parks the table lists and what each filter choice would leave.
#[derive(Debug, Default)]
struct Listing {
    /// The filter, sort and language it was computed for.
    key: Option<(FilterState, TableSort, Language)>,
    /// The parks the table lists, in order.
    visible: Vec<ParkId>,
    /// What each filter choice would leave.
    counts: FacetCounts,
    /// Counts recomputations, so caches built on `visible` can tell it changed without
    /// comparing thousands of ids every frame.
    generation: u64,
}

/// What a plot is built from: the choice, the listing's generation, the pins, the selection
/// (it is coloured) and the language.
type PlotKey = (PlotChoice, u64, Vec<ParkId>, Option<ParkId>, Language);

/// The Compare view's plot.
#[derive(Debug, Default)]
struct PlotCache {
    /// What it was built for.
    key: Option<PlotKey>,
    view: Option<PlotView>,
}

/// The map's numbers; panning and zooming do not change them.
#[derive(Debug, Default)]
struct MapCache {
    /// What the map shows, the listing's generation and the language (of the takeaway) it was
    /// built for.
    key: Option<(DistrictValue, ClassMethod, Option<MetricId>, u64, Language)>,
    data: MapData,
    /// The pins and the selection the marker colours were chosen for.
    colours_key: Option<(Vec<ParkId>, Option<ParkId>)>,
    /// The markers drawn in colour, each with the slot every view gives it.
    colours: ParkColours,
    /// Where each park (in the dataset's order) is drawn when not at its location
    /// ([`CityMap::marker_places`](crate::model::geo::CityMap::marker_places)).
    places: Vec<Option<(f64, f64)>>,
}

/// The selected park's peers for the profile.
#[derive(Debug, Default)]
struct PeerCache {
    /// The selection, language and listing generation (a peer the filter hides is shown as
    /// such) it was computed for.
    key: Option<(Option<ParkId>, Language, u64)>,
    list: Option<PeerList>,
}

/// What the table cites, for its sources line when presenting; computed only then (at 10,000
/// parks it is a look-up per park and column).
#[derive(Debug, Default)]
struct TableCitationsCache {
    /// The listing generation, the language and the table's metric columns it was computed for.
    built_on: Option<(u64, Language, Vec<MetricId>)>,
    line: CitationLine,
}

/// What a presented view cites, ready to write under it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CitationLine {
    /// The sources' labels as a sources line lists them ([`crate::format::source_list`]).
    pub sources: String,
    /// Whether a figure shown is stated otherwise, so its ≠ mark wants explaining.
    pub stated_otherwise: bool,
}

/// Everything derived from one dataset and the UI state.
#[derive(Debug, Default)]
pub struct Derived {
    /// Search keys of the dataset's parks.
    index: SearchIndex,
    listing: Listing,
    plot: PlotCache,
    map: MapCache,
    peers: PeerCache,
    table_citations: TableCitationsCache,
}

impl Derived {
    /// Empty caches for `dataset`, with its search index built.
    pub fn new(dataset: &Dataset) -> Self {
        Self { index: SearchIndex::new(dataset), ..Self::default() }
    }

    /// Draws the map's markers at `places` (one per park of the dataset, in its order; empty
    /// for each at its location), from the map's outlines.
    pub fn place_markers(&mut self, places: Vec<Option<(f64, f64)>>) {
        self.map.places = places;
        self.map.key = None;
    }

    /// The parks the table lists, in order.
    pub fn visible(&self) -> &[ParkId] {
        &self.listing.visible
    }

    /// Which listing [`Self::visible`] is: a number that changes whenever it is computed
    /// again, so a view can tell a new listing without comparing thousands of ids each frame.
    pub fn listing_generation(&self) -> u64 {
        self.listing.generation
    }

    /// What each filter choice would leave.
    pub fn counts(&self) -> &FacetCounts {
        &self.listing.counts
    }

    /// The Compare view's plot, once it has been computed.
    pub fn plot(&self) -> Option<&PlotView> {
        self.plot.view.as_ref()
    }

    /// The data behind the plot, once it has been computed.
    pub fn plot_data(&self) -> Option<&PlotData> {
        self.plot().map(|view| &view.data)
    }

    /// The map's numbers, once the map has been shown.
    pub fn map(&self) -> &MapData {
        &self.map.data
    }

    /// The markers the map draws in colour (the pinned and selected parks), each with its slot:
    /// the same slot the plot gives the park. Every other marker is neutral.
    pub fn map_colours(&self) -> &ParkColours {
        &self.map.colours
    }

    /// What the table cites, once computed by [`Self::refresh_table_citations`].
    pub fn table_citations(&self) -> &CitationLine {
        &self.table_citations.line
    }

    /// Recomputes what the table cites if the listed parks or its figure columns (`metrics`)
    /// changed; returns whether it did. Called only while the table is presented, which is
    /// when its sources line shows, with the figure columns the slide shows.
    pub fn refresh_table_citations(
        &mut self,
        dataset: Option<&Dataset>,
        language: Language,
        metrics: &[MetricId],
    ) -> bool {
        let Some(dataset) = dataset else { return false };
        let built_for = (self.listing.generation, language, metrics.to_vec());
        if self.table_citations.built_on.as_ref() == Some(&built_for) {
            return false;
        }
        let citations = super::table_citations(dataset, &self.listing.visible, &built_for.2);
        let line = CitationLine {
            sources: crate::format::source_list(dataset, &citations.sources, language),
            stated_otherwise: citations.stated_otherwise,
        };
        self.table_citations = TableCitationsCache { built_on: Some(built_for), line };
        true
    }

    /// The peers of `park` as the profile shows them, once computed for it.
    pub fn peers(&self, park: &ParkId) -> Option<&PeerList> {
        self.peers.list.as_ref().filter(|list| &list.park == park)
    }

    /// Recomputes the selected park's peers if the selection, the language or the listed parks
    /// changed; returns whether it did.
    pub fn refresh_peers(&mut self, dataset: Option<&Dataset>, state: &AppState) -> bool {
        let key = (state.selected.clone(), state.language, self.listing.generation);
        if self.peers.key.as_ref() == Some(&key) {
            return false;
        }
        let list = match (dataset, &state.selected) {
            (Some(dataset), Some(park)) => Some(PeerList::new(dataset, park, &self.listing.visible, state.language)),
            _ => None,
        };
        self.peers = PeerCache { key: Some(key), list };
        true
    }

    /// Recomputes the listed parks and counts if the filter, sort or language changed; returns
    /// whether it did. Called every frame, it costs one comparison when nothing changed.
    ///
    /// A selected park the filter hides leaves the selection, so the profile always shows a
    /// park the table lists, and comes back when the filter lists it again.
    pub fn refresh_listing(&mut self, dataset: Option<&Dataset>, state: &mut AppState) -> bool {
        let unchanged = self.listing.key.as_ref().is_some_and(|(filter, sort, language)| {
            filter == &state.filter && *sort == state.sort && *language == state.language
        });
        if unchanged {
            return false;
        }
        let key = (state.filter.clone(), state.sort.clone(), state.language);
        let (visible, counts) = match dataset {
            Some(dataset) => {
                (super::visible_parks(dataset, &self.index, &key.0, &key.1, key.2), key.0.counts(dataset, &self.index))
            }
            None => (Vec::new(), FacetCounts::default()),
        };
        if state.selected.as_ref().is_some_and(|id| !visible.contains(id)) {
            state.selection_hidden_by_filter = state.selected.take();
        } else if state.selected.is_none() {
            state.selected = state.selection_hidden_by_filter.take_if(|id| visible.contains(id));
        }
        let generation = self.listing.generation + 1;
        self.listing = Listing { key: Some(key), visible, counts, generation };
        true
    }

    /// Recomputes the plot if the Compare view is shown and its inputs changed; returns whether
    /// it did.
    pub fn refresh_plot(&mut self, dataset: Option<&Dataset>, state: &AppState) -> bool {
        let (Some(dataset), Tab::Compare) = (dataset, state.tab) else { return false };
        let generation = self.listing.generation;
        let unchanged = self.plot.key.as_ref().is_some_and(|(choice, built_on, pinned, selected, language)| {
            choice == &state.plot
                && *built_on == generation
                && pinned == &state.pinned
                && selected == &state.selected
                && *language == state.language
        });
        if unchanged {
            return false;
        }
        let view = PlotView::new(
            dataset,
            &self.listing.visible,
            &state.pinned,
            state.selected.as_ref(),
            &state.plot,
            state.language,
        );
        self.plot = PlotCache {
            key: Some((state.plot.clone(), generation, state.pinned.clone(), state.selected.clone(), state.language)),
            view: Some(view),
        };
        true
    }

    /// Recomputes the map's numbers if the map is shown and what it shows or the listed parks
    /// changed, and its marker colours if those or the pins or the selection changed; returns
    /// whether it recomputed either.
    pub fn refresh_map(&mut self, dataset: Option<&Dataset>, state: &AppState) -> bool {
        let (Some(dataset), Tab::Map) = (dataset, state.tab) else { return false };
        let choice = &state.map;
        let key = (
            choice.value.clone(),
            choice.method,
            choice.marker_metric.clone(),
            self.listing.generation,
            state.language,
        );
        let numbers = self.map.key.as_ref() != Some(&key);
        if numbers {
            self.map.data = MapData::new(dataset, &self.listing.visible, choice, state.language, &self.map.places);
            self.map.key = Some(key);
        }
        let picked = self
            .map
            .colours_key
            .as_ref()
            .is_some_and(|(pinned, selected)| pinned == &state.pinned && selected == &state.selected);
        if numbers || !picked {
            let (pinned, selected) = (&state.pinned, state.selected.as_ref());
            self.map.colours = marker_colours(&self.map.data.markers, pinned, selected);
            self.map.data.place_pinned(dataset, pinned, state.language);
            self.map.colours_key = Some((state.pinned.clone(), state.selected.clone()));
        }
        numbers || !picked
    }

    /// Refreshes whatever is out of date: the listing first, then the plot and map built on it.
    /// Returns whether anything was recomputed.
    pub fn refresh(&mut self, dataset: Option<&Dataset>, state: &mut AppState) -> bool {
        let listing = self.refresh_listing(dataset, state);
        let plot = self.refresh_plot(dataset, state);
        let map = self.refresh_map(dataset, state);
        let peers = self.refresh_peers(dataset, state);
        listing || plot || map || peers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::state::series::ShownParks;
    use crate::state::{Action, PlotKind, PlotScope};

    fn ids(parks: &[ParkId]) -> Vec<&str> {
        parks.iter().map(ParkId::as_str).collect()
    }

    #[test]
    fn the_listing_follows_the_filter_and_is_not_recomputed_without_a_change() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        let mut state = AppState::default();
        assert!(derived.refresh_listing(Some(&dataset), &mut state));
        assert_eq!(ids(derived.visible()), ["alpha", "beta", "gamma"]);
        assert!(!derived.refresh_listing(Some(&dataset), &mut state), "nothing changed");
        state.filter.search = "beta".to_owned();
        assert!(derived.refresh_listing(Some(&dataset), &mut state));
        assert_eq!(ids(derived.visible()), ["beta"]);
    }

    #[test]
    fn a_selection_the_filter_hides_leaves_and_comes_back_when_listed_again() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        let mut state = AppState { selected: Some(ParkId::new("alpha")), ..AppState::default() };
        derived.refresh(Some(&dataset), &mut state);
        assert_eq!(state.selected, Some(ParkId::new("alpha")), "a listed park stays selected");
        state.filter.search = "gamma".to_owned();
        derived.refresh(Some(&dataset), &mut state);
        assert_eq!(state.selected, None);
        state.filter.search = "a".to_owned();
        derived.refresh(Some(&dataset), &mut state);
        assert_eq!(state.selected, Some(ParkId::new("alpha")), "listed again, it is selected again");
    }

    #[test]
    fn a_park_hidden_by_the_filter_is_not_selected_again_once_the_user_chose_another() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        for choice in [Action::Select(ParkId::new("gamma")), Action::StepSelection(1)] {
            let mut state = AppState { selected: Some(ParkId::new("alpha")), ..AppState::default() };
            state.filter.search = "gamma".to_owned();
            derived.refresh(Some(&dataset), &mut state);
            state.apply(&choice, derived.visible());
            assert_eq!(state.selected, Some(ParkId::new("gamma")), "{choice:?}");
            state.apply(&Action::ClearSelection, derived.visible());
            state.filter.search.clear();
            derived.refresh(Some(&dataset), &mut state);
            assert_eq!(state.selected, None, "gamma's profile was closed after {choice:?}");
        }
    }

    #[test]
    fn the_plot_is_computed_for_the_compare_view_and_follows_the_filter_and_pins() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        let mut state = AppState::default();
        derived.refresh(Some(&dataset), &mut state);
        assert!(derived.plot().is_none(), "not computed while the table is shown");
        state.tab = Tab::Compare;
        assert!(derived.refresh(Some(&dataset), &mut state));
        assert_eq!(derived.plot().map(|view| view.park_count.entries), Some(3));
        assert!(!derived.refresh(Some(&dataset), &mut state), "nothing changed");
        state.filter.search = "alpha".to_owned();
        assert!(derived.refresh(Some(&dataset), &mut state));
        assert_eq!(derived.plot().map(|view| view.park_count.entries), Some(1), "the new filter result is plotted");
        state.plot.kind = PlotKind::TimeSeries;
        state.pinned = vec![ParkId::new("gamma"), ParkId::new("beta")];
        assert!(derived.refresh(Some(&dataset), &mut state));
        let shown = derived.plot().map(|view| view.shown_parks);
        assert_eq!(shown, Some(ShownParks::Largest), "no pin passes the filter: the largest that do");
        state.filter.search.clear();
        assert!(derived.refresh(Some(&dataset), &mut state));
        assert_eq!(derived.plot().map(|view| view.park_count.entries), Some(2), "a time series shows the pins");
    }

    #[test]
    fn panning_the_map_does_not_recompute_its_numbers() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        let mut state = AppState { tab: Tab::Map, ..AppState::default() };
        assert!(derived.refresh(Some(&dataset), &mut state));
        let before = derived.map().districts.clone();
        state.map.zoom *= 2.0;
        state.map.pan = (40.0, -10.0);
        assert!(!derived.refresh(Some(&dataset), &mut state), "only the view moved");
        state.map.method = ClassMethod::EqualIntervals;
        assert!(derived.refresh(Some(&dataset), &mut state), "other classes");
        state.filter.search = "alpha".to_owned();
        assert!(derived.refresh(Some(&dataset), &mut state));
        assert_ne!(derived.map().districts, before, "the districts count only the parks passing the filter");
        assert!(derived.map().markers.iter().filter(|m| m.in_filter).all(|m| m.park.as_str() == "alpha"));
    }

    /// The colours of the plot and the map markers in `state`, as a fresh window shows them.
    fn colours_in(dataset: &Dataset, derived: &mut Derived, state: &AppState) -> (ParkColours, ParkColours) {
        let mut state = state.clone();
        state.tab = Tab::Compare;
        derived.refresh(Some(dataset), &mut state);
        let plot = derived.plot().map(|view| view.colours.clone()).unwrap_or_default();
        state.tab = Tab::Map;
        derived.refresh(Some(dataset), &mut state);
        (plot, derived.map_colours().clone())
    }

    /// Scatter, time series and bars, with and without a log scale, pins or a selection.
    fn states_to_visit() -> Vec<AppState> {
        let dataset = small_dataset();
        let mut states = Vec::new();
        for kind in [PlotKind::TimeSeries, PlotKind::Scatter, PlotKind::Bars] {
            for (pinned, selected) in [(vec![], None), (vec![], Some("beta")), (vec!["gamma", "alpha"], None)] {
                for (scope, log_scale) in
                    [(PlotScope::Filtered, false), (PlotScope::Filtered, true), (PlotScope::Pinned, false)]
                {
                    let plot = PlotChoice { kind, scope, log_scale, ..PlotChoice::for_dataset(&dataset) };
                    states.push(AppState {
                        pinned: pinned.iter().map(|id| ParkId::new(*id)).collect(),
                        selected: selected.map(ParkId::new),
                        plot,
                        ..AppState::default()
                    });
                }
            }
        }
        states
    }

    #[test]
    fn a_state_shows_the_same_colours_however_it_was_reached() {
        let dataset = small_dataset();
        let states = states_to_visit();
        // One window goes through every state in turn, forward and back; each state is also
        // opened in a window of its own (as after a restart, or presenting it as a slide).
        let mut travelled = Derived::new(&dataset);
        let mut differed = 0;
        for state in states.iter().chain(states.iter().rev()) {
            let fresh = colours_in(&dataset, &mut Derived::new(&dataset), state);
            let after_others = colours_in(&dataset, &mut travelled, state);
            differed += usize::from(fresh.0.len() + fresh.1.len() > 0);
            assert_eq!(
                after_others, fresh,
                "{:?} {:?}, pins {:?}, selected {:?}",
                state.plot.kind, state.plot.scope, state.pinned, state.selected
            );
        }
        assert!(differed > 0, "the check can fail: some state colours a park");
    }

    #[test]
    fn a_pinned_or_selected_park_has_one_colour_in_every_view() {
        let dataset = small_dataset();
        // One window goes through the states in turn, as the review did (the largest parks
        // coloured first, then pins, then the other scope).
        let mut window = Derived::new(&dataset);
        for state in states_to_visit() {
            let (plot, map) = colours_in(&dataset, &mut window, &state);
            for (i, pin) in state.pinned.iter().enumerate() {
                for colours in [&plot, &map] {
                    assert!(colours.slot(pin).is_none_or(|slot| slot == i), "pin {i} {pin:?} in {:?}", state.plot);
                }
            }
            if let Some(selected) = &state.selected {
                let first_after_pins = Some(state.pinned.len());
                for colours in [&plot, &map] {
                    assert!(colours.slot(selected).is_none() || colours.slot(selected) == first_after_pins);
                }
            }
        }
        // The pins' colours in both scopes of the time series, which the scope must not change.
        let pinned = vec![ParkId::new("gamma"), ParkId::new("alpha")];
        let mut scopes = [PlotScope::Filtered, PlotScope::Pinned].map(|scope| {
            let plot = PlotChoice { kind: PlotKind::TimeSeries, scope, ..PlotChoice::for_dataset(&dataset) };
            let state = AppState { pinned: pinned.clone(), plot, ..AppState::default() };
            colours_in(&dataset, &mut window, &state).0
        });
        let [filtered, all_pins] = &mut scopes;
        assert!(!filtered.is_empty(), "the check can fail: the time series colours a pin");
        for pin in filtered.parks() {
            assert_eq!(filtered.slot(pin), all_pins.slot(pin), "{pin:?}");
        }
    }

    #[test]
    fn a_park_has_the_same_colour_in_the_plot_and_on_the_map() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        let alpha = ParkId::new("alpha");
        // Alpha, the only park of the fixture with a location, is pinned on the Compare view.
        let mut state =
            AppState { tab: Tab::Compare, pinned: vec![ParkId::new("beta"), alpha.clone()], ..AppState::default() };
        state.forget_missing(&dataset);
        state.plot.kind = PlotKind::Scatter;
        derived.refresh(Some(&dataset), &mut state);
        let in_plot = derived.plot().and_then(|view| view.colours.slot(&alpha));
        assert!(in_plot.is_some());
        state.tab = Tab::Map;
        assert!(derived.refresh(Some(&dataset), &mut state));
        assert_eq!(derived.map_colours().slot(&alpha), in_plot, "one colour in both views");
        assert_eq!(derived.map_colours().len(), 1, "beta has no marker");
        assert_eq!(in_plot, Some(1), "the second pin's colour");
        // Unpinned on the map, it is neutral there; pinned again, now the only pin, it has the
        // first pin's colour, in both views.
        state.pinned.clear();
        assert!(derived.refresh(Some(&dataset), &mut state), "the pins changed: the colours follow");
        assert!(derived.map_colours().is_empty());
        state.pinned.push(alpha.clone());
        derived.refresh(Some(&dataset), &mut state);
        assert_eq!(derived.map_colours().slot(&alpha), Some(0));
        state.selected = Some(alpha.clone());
        derived.refresh(Some(&dataset), &mut state);
        assert_eq!(derived.map_colours().slot(&alpha), Some(0), "selected too: still one colour");
        state.tab = Tab::Compare;
        derived.refresh(Some(&dataset), &mut state);
        assert_eq!(derived.plot().and_then(|view| view.colours.slot(&alpha)), Some(0));
    }

    #[test]
    fn peers_are_computed_once_per_selection_and_follow_the_language() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        let (alpha, beta) = (ParkId::new("alpha"), ParkId::new("beta"));
        let mut state = AppState { selected: Some(alpha.clone()), ..AppState::default() };
        derived.refresh(Some(&dataset), &mut state);
        let names = |derived: &Derived, park| {
            derived.peers(park).map(|l| l.rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>())
        };
        assert_eq!(names(&derived, &alpha), Some(vec!["Beta Park".to_owned()]), "gamma shares nothing with alpha");
        assert!(derived.peers(&beta).is_none(), "only the selected park's");
        assert!(!derived.refresh_peers(Some(&dataset), &state), "not recomputed while nothing changed");
        state.language = Language::Zh;
        assert!(derived.refresh_peers(Some(&dataset), &state));
        assert_eq!(names(&derived, &alpha), Some(vec!["乙园".to_owned()]));
        state.selected = Some(beta.clone());
        derived.refresh(Some(&dataset), &mut state);
        assert_eq!(names(&derived, &beta), Some(vec!["甲园".to_owned()]));
        assert!(derived.peers(&alpha).is_none());
    }

    #[test]
    fn without_a_dataset_nothing_is_listed() {
        let mut derived = Derived::default();
        let mut state = AppState { tab: Tab::Compare, ..AppState::default() };
        derived.refresh(None, &mut state);
        assert!(derived.visible().is_empty());
        assert!(derived.plot().is_none());
    }

    #[test]
    fn what_the_table_cites_is_computed_once_for_each_listing() {
        let dataset = small_dataset();
        let mut derived = Derived::new(&dataset);
        let mut state = AppState::default();
        derived.refresh(Some(&dataset), &mut state);
        assert!(derived.refresh_table_citations(Some(&dataset), state.language, &state.table_metrics(&dataset)));
        assert!(
            !derived.refresh_table_citations(Some(&dataset), state.language, &state.table_metrics(&dataset)),
            "nothing changed"
        );
        state.language = Language::Zh;
        assert!(
            derived.refresh_table_citations(Some(&dataset), state.language, &state.table_metrics(&dataset)),
            "publishers are named in Chinese"
        );
        assert!(derived.table_citations().sources.contains("测试局"), "{}", derived.table_citations().sources);
        let everyone = derived.table_citations().sources.clone();
        state.filter.search = "gamma".to_owned();
        derived.refresh(Some(&dataset), &mut state);
        assert!(
            derived.refresh_table_citations(Some(&dataset), state.language, &state.table_metrics(&dataset)),
            "the listing changed"
        );
        assert!(derived.table_citations().sources.is_empty(), "gamma's row cites nothing, not {everyone}");
        // Alpha's profit, s2's, is cited once its column is shown.
        state.filter.search = "alpha".to_owned();
        state.language = Language::En;
        derived.refresh(Some(&dataset), &mut state);
        assert!(derived.refresh_table_citations(Some(&dataset), state.language, &state.table_metrics(&dataset)));
        assert!(!derived.table_citations().sources.contains("测试办公室"), "{}", derived.table_citations().sources);
        state.table_metrics = Some(vec![MetricId::new("total_profit")]);
        assert!(
            derived.refresh_table_citations(Some(&dataset), state.language, &state.table_metrics(&dataset)),
            "the columns changed"
        );
        assert!(derived.table_citations().sources.contains("测试办公室"), "{}", derived.table_citations().sources);
    }
}
