//! Which parks the views show: the filter the user set (search, industries, districts, ranges)
//! and the pure functions that apply it and count what each choice would leave.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, DistrictId, IndustryId, Language, MetricId, Park, Qualifier, Role};
use crate::state::search::SearchIndex;

/// How many parks each filter choice would leave: computed once per change of the filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FacetCounts {
    /// Parks per industry among those passing the other filters.
    pub industries: BTreeMap<IndustryId, usize>,
    /// Parks per district among those passing the other filters.
    pub districts: BTreeMap<DistrictId, usize>,
}

/// Whether a park needs any or all of the chosen industries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IndustryMatch {
    /// At least one of them.
    #[default]
    Any,
    /// Every one of them.
    All,
}

/// Which roles count when a park is said to have an industry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoleScope {
    /// Leading or pillar industries only.
    Leading,
    /// Leading, pillar, key and focus industries.
    LeadingAndKey,
    /// Any role, supporting and emerging included.
    #[default]
    Any,
}

impl RoleScope {
    /// Whether an industry with `role` counts.
    pub fn includes(self, role: Role) -> bool {
        match self {
            Self::Leading => matches!(role, Role::Leading | Role::Pillar),
            Self::LeadingAndKey => matches!(role, Role::Leading | Role::Pillar | Role::Key | Role::Focus),
            Self::Any => true,
        }
    }
}

/// What the table's column (and its CSV) says of the industries `park` leads with: their names
/// ([`leading_industry_names`]), or, where it names none, whether that is for want of data
/// ("no data") or of a leading role ("none named leading"), a blank reading as "no data".
/// Returns the text and whether it is one of those two words rather than names.
pub fn leading_industries_text(dataset: &Dataset, park: &Park, language: Language) -> (String, bool) {
    let s = crate::i18n::strings(language);
    match leading_industry_names(dataset, park, language) {
        names if !names.is_empty() => (names, false),
        _ if park.industries.is_empty() => (s.no_data.to_owned(), true),
        _ => (s.none_leading.to_owned(), true),
    }
}

/// Names of the industries `park` leads with (the roles the filter calls leading), joined as
/// `language` lists names ("Fintech, AI", "金融科技、人工智能"); empty when it names none.
pub fn leading_industry_names(dataset: &Dataset, park: &Park, language: Language) -> String {
    let names: Vec<&str> = park
        .industries
        .iter()
        .filter(|link| RoleScope::Leading.includes(link.role))
        .filter_map(|link| dataset.industry(&link.industry))
        .map(|i| i.name.get(language))
        .collect();
    names.join(crate::i18n::list_separator(language))
}

/// A range on the latest actual figure of one metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricRange {
    /// The metric.
    pub metric: MetricId,
    /// Smallest value kept, in the metric's unit; `None` for no lower bound.
    pub min: Option<f64>,
    /// Largest value kept; `None` for no upper bound.
    pub max: Option<f64>,
    /// Whether parks with no figure for the metric are kept.
    pub keep_missing: bool,
}

impl Default for MetricRange {
    fn default() -> Self {
        Self { metric: MetricId::new(""), min: None, max: None, keep_missing: false }
    }
}

/// The smallest and largest of `values`; `None` when there are none.
fn span(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |span, v| Some(span.map_or((v, v), |(lo, hi): (f64, f64)| (lo.min(v), hi.max(v)))))
}

/// How much smaller than `b`, relative to the two, `a` must be to count as below it. A bound is
/// edited in the unit a language shows and divided back into the stored one, which binary
/// floating point does not always do exactly (2.61 / 0.1 is 26.099…98): a figure shown on a
/// bound stays in.
const BOUND_TOLERANCE: f64 = 1e-9;

/// Whether `a` is below `b` by more than [`BOUND_TOLERANCE`].
fn below(a: f64, b: f64) -> bool {
    a < b - BOUND_TOLERANCE * a.abs().max(b.abs())
}

impl MetricRange {
    /// A new range on `metric` covering every park's latest figure (no bounds when no park
    /// has one), so adding a range hides nothing until the user narrows it. A figure stated as
    /// "more than" leaves the range without an upper bound, as no bound surely holds it (see
    /// [`MetricRange::matches`]); one stated as "less than" without a lower one.
    pub fn spanning(dataset: &Dataset, metric: MetricId) -> Self {
        let figures: Vec<_> = dataset.parks.iter().filter_map(|p| dataset.latest(p, &metric)).collect();
        let stated = |qualifier| figures.iter().any(|f| f.observation.qualifier == qualifier);
        let (min, max) = span(figures.iter().map(|f| f.observation.value)).unzip();
        let min = min.filter(|_| !stated(Qualifier::AtMost));
        let max = max.filter(|_| !stated(Qualifier::AtLeast));
        Self { metric, min, max, keep_missing: false }
    }

    /// The smallest and largest of the parks' latest figures of `metric`, as stated: where a
    /// bound the user switches on starts, rather than at 0, which would hide every park at once.
    pub fn latest_span(dataset: &Dataset, metric: &MetricId) -> Option<(f64, f64)> {
        span(dataset.parks.iter().filter_map(|p| dataset.latest(p, metric)).map(|f| f.observation.value))
    }

    /// Whether `park` passes this range.
    pub fn matches(&self, dataset: &Dataset, park: &Park) -> bool {
        match dataset.latest(park, &self.metric) {
            None => self.keep_missing,
            Some(figure) => {
                let value = figure.observation.value;
                // What the figure surely lies within. One stated as "more than" lies above its
                // value by an unknown amount, so it passes a lower bound it is above but no upper
                // bound ("at most 500" cannot keep ">400"); "less than" the other way round.
                // "About" and the rest are taken at their value.
                let (low, high) = match figure.observation.qualifier {
                    Qualifier::AtLeast => (Some(value), None),
                    Qualifier::AtMost => (None, Some(value)),
                    _ => (Some(value), Some(value)),
                };
                self.min.is_none_or(|min| low.is_some_and(|low| !below(low, min)))
                    && self.max.is_none_or(|max| high.is_some_and(|high| !below(max, high)))
            }
        }
    }
}

/// One active filter, shown as a removable chip.
#[derive(Clone, Debug, PartialEq)]
pub enum Chip {
    /// The search text.
    Search(String),
    /// A chosen industry.
    Industry(IndustryId),
    /// A chosen district.
    District(DistrictId),
    /// A range on a metric (the position in `ranges`).
    Range(usize),
}

/// Everything that narrows the parks shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterState {
    /// Text matched against names in English, Chinese and pinyin.
    pub search: String,
    /// Chosen industries; empty means no industry filter.
    pub industries: BTreeSet<IndustryId>,
    /// Any or all of the chosen industries.
    pub industry_match: IndustryMatch,
    /// Which roles count.
    pub roles: RoleScope,
    /// Chosen districts; empty means no district filter. A park in any of them matches.
    pub districts: BTreeSet<DistrictId>,
    /// Ranges on metrics; a park must pass all of them.
    pub ranges: Vec<MetricRange>,
}

/// Why a list of parks is empty, so that the window blames the right thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoParkListed {
    /// The dataset lists no park at all: no search or filter is to blame.
    DatasetHasNone,
    /// The search matches no park (no other filter is set).
    Search,
    /// The industry, district or range filters leave no park (the search is empty).
    Filters,
    /// The search and the other filters together leave no park.
    SearchAndFilters,
}

/// Which part of the filter to leave out, to count what choosing another value would give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facet {
    Industries,
    Districts,
}

impl FilterState {
    /// Whether anything narrows the parks.
    pub fn is_active(&self) -> bool {
        !self.search.trim().is_empty()
            || !self.industries.is_empty()
            || !self.districts.is_empty()
            || !self.ranges.is_empty()
    }

    /// Whether `park` passes every part of the filter.
    pub fn matches(&self, dataset: &Dataset, index: &SearchIndex, park: &Park) -> bool {
        self.matches_except(dataset, index, park, None)
    }

    fn matches_except(&self, dataset: &Dataset, index: &SearchIndex, park: &Park, skip: Option<Facet>) -> bool {
        (skip == Some(Facet::Industries) || self.matches_industries(park))
            && (skip == Some(Facet::Districts) || self.matches_districts(park))
            && self.ranges.iter().all(|range| range.matches(dataset, park))
            && index.matches(park, &self.search)
    }

    fn has_industry(&self, park: &Park, industry: &IndustryId) -> bool {
        park.industries.iter().any(|link| &link.industry == industry && self.roles.includes(link.role))
    }

    fn matches_industries(&self, park: &Park) -> bool {
        if self.industries.is_empty() {
            return true;
        }
        match self.industry_match {
            IndustryMatch::Any => self.industries.iter().any(|id| self.has_industry(park, id)),
            IndustryMatch::All => self.industries.iter().all(|id| self.has_industry(park, id)),
        }
    }

    fn matches_districts(&self, park: &Park) -> bool {
        self.districts.is_empty() || park.districts.iter().any(|d| self.districts.contains(d))
    }

    /// For each industry, the number beside its tick box, among the parks passing every other
    /// part of the filter: with "any", how many have the industry (in the chosen roles), ticked
    /// or not, as the districts count theirs; with "all", how many would be left with it ticked
    /// too. ("Any" once counted what ticking would show, the ticked industries' parks included,
    /// so an industry no park leads read "(3)" beside a ticked one.)
    pub fn industry_counts(&self, dataset: &Dataset, index: &SearchIndex) -> BTreeMap<IndustryId, usize> {
        let mut counts: BTreeMap<IndustryId, usize> = dataset.industries.iter().map(|i| (i.id.clone(), 0)).collect();
        for park in dataset.parks.iter().filter(|p| self.matches_except(dataset, index, p, Some(Facet::Industries))) {
            let passes_ticked = self.matches_industries(park);
            for (id, count) in &mut counts {
                let with_it = match self.industry_match {
                    IndustryMatch::Any => self.has_industry(park, id),
                    IndustryMatch::All => passes_ticked && self.has_industry(park, id),
                };
                if with_it {
                    *count += 1;
                }
            }
        }
        counts
    }

    /// For each district, how many parks lie in it among those passing every other part.
    pub fn district_counts(&self, dataset: &Dataset, index: &SearchIndex) -> BTreeMap<DistrictId, usize> {
        let mut counts: BTreeMap<DistrictId, usize> = dataset.districts.iter().map(|d| (d.id.clone(), 0)).collect();
        for park in dataset.parks.iter().filter(|p| self.matches_except(dataset, index, p, Some(Facet::Districts))) {
            for district in &park.districts {
                if let Some(count) = counts.get_mut(district) {
                    *count += 1;
                }
            }
        }
        counts
    }

    /// Both kinds of counts.
    pub fn counts(&self, dataset: &Dataset, index: &SearchIndex) -> FacetCounts {
        FacetCounts {
            industries: self.industry_counts(dataset, index),
            districts: self.district_counts(dataset, index),
        }
    }

    /// The active filters, one chip each, in the order the panel shows them.
    pub fn chips(&self) -> Vec<Chip> {
        let mut chips = Vec::new();
        if !self.search.trim().is_empty() {
            chips.push(Chip::Search(self.search.trim().to_owned()));
        }
        chips.extend(self.industries.iter().cloned().map(Chip::Industry));
        chips.extend(self.districts.iter().cloned().map(Chip::District));
        chips.extend((0..self.ranges.len()).map(Chip::Range));
        chips
    }

    /// Removes the filter behind a chip.
    pub fn remove(&mut self, chip: &Chip) {
        match chip {
            Chip::Search(_) => self.search.clear(),
            Chip::Industry(id) => {
                self.industries.remove(id);
            }
            Chip::District(id) => {
                self.districts.remove(id);
            }
            Chip::Range(i) => {
                if *i < self.ranges.len() {
                    self.ranges.remove(*i);
                }
            }
        }
    }

    /// What Esc does: clears the search if there is one, otherwise every other filter. Returns
    /// whether anything changed.
    pub fn clear_search_then_filters(&mut self) -> bool {
        if !self.search.is_empty() {
            self.search.clear();
            return true;
        }
        let changed = self.is_active();
        self.reset_keeping_search();
        changed
    }

    /// Why no park is listed, for a list that came out empty: the dataset has none, or what
    /// the user chose leaves none out of it.
    pub fn why_no_park(&self, dataset: &Dataset) -> NoParkListed {
        let narrowed_otherwise = !self.industries.is_empty() || !self.districts.is_empty() || !self.ranges.is_empty();
        if dataset.parks.is_empty() {
            NoParkListed::DatasetHasNone
        } else if self.search.trim().is_empty() {
            NoParkListed::Filters
        } else if narrowed_otherwise {
            NoParkListed::SearchAndFilters
        } else {
            NoParkListed::Search
        }
    }

    fn reset_keeping_search(&mut self) {
        *self = Self { search: std::mem::take(&mut self.search), ..Self::default() };
    }

    /// Drops industries, districts and metrics the dataset does not have; returns their ids.
    pub fn forget_missing(&mut self, dataset: &Dataset) -> Vec<String> {
        let mut dropped = Vec::new();
        self.industries.retain(|id| {
            let keep = dataset.industry(id).is_some();
            if !keep {
                dropped.push(id.to_string());
            }
            keep
        });
        self.districts.retain(|id| {
            let keep = dataset.district(id).is_some();
            if !keep {
                dropped.push(id.to_string());
            }
            keep
        });
        self.ranges.retain(|range| {
            let keep = dataset.metric(&range.metric).is_some();
            if !keep {
                dropped.push(range.metric.to_string());
            }
            keep
        });
        dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;
    use crate::model::tests::small_dataset;

    fn passing(filter: &FilterState, dataset: &Dataset) -> Vec<String> {
        let index = SearchIndex::new(dataset);
        dataset.parks.iter().filter(|p| filter.matches(dataset, &index, p)).map(|p| p.id.to_string()).collect()
    }

    fn industries(ids: &[&str]) -> BTreeSet<IndustryId> {
        ids.iter().map(|id| IndustryId::new(*id)).collect()
    }

    #[test]
    fn an_empty_list_blames_the_dataset_only_when_it_has_no_park() {
        let dataset = small_dataset();
        let mut filter = FilterState { search: "zzz".to_owned(), ..FilterState::default() };
        assert_eq!(filter.why_no_park(&dataset), NoParkListed::Search);
        filter.districts.insert(DistrictId::new("west"));
        assert_eq!(filter.why_no_park(&dataset), NoParkListed::SearchAndFilters);
        filter.search.clear();
        assert_eq!(filter.why_no_park(&dataset), NoParkListed::Filters);
        let mut empty = dataset;
        empty.parks.clear();
        assert_eq!(FilterState::default().why_no_park(&empty), NoParkListed::DatasetHasNone);
        assert_eq!(filter.why_no_park(&empty), NoParkListed::DatasetHasNone);
    }

    #[test]
    fn any_and_all_of_several_industries() {
        let dataset = small_dataset();
        // alpha: ai (leading), biomed (emerging); beta: biomed (leading); gamma: none.
        let mut filter = FilterState { industries: industries(&["ai", "biomed"]), ..FilterState::default() };
        assert_eq!(passing(&filter, &dataset), ["alpha", "beta"]);
        filter.industry_match = IndustryMatch::All;
        assert_eq!(passing(&filter, &dataset), ["alpha"]);
    }

    #[test]
    fn roles_decide_whether_an_industry_counts() {
        let dataset = small_dataset();
        let mut filter = FilterState { industries: industries(&["biomed"]), ..FilterState::default() };
        assert_eq!(passing(&filter, &dataset), ["alpha", "beta"]);
        filter.roles = RoleScope::Leading;
        assert_eq!(passing(&filter, &dataset), ["beta"], "alpha's biomedicine is only emerging");
        filter.roles = RoleScope::LeadingAndKey;
        assert_eq!(passing(&filter, &dataset), ["beta"]);
    }

    #[test]
    fn districts_match_any_district_of_a_park() {
        let dataset = small_dataset();
        let filter = FilterState { districts: [DistrictId::new("east")].into(), ..FilterState::default() };
        assert_eq!(passing(&filter, &dataset), ["alpha", "beta"], "beta spans west and east");
    }

    #[test]
    fn ranges_use_the_latest_figure_and_missing_data_is_a_choice() {
        let dataset = small_dataset();
        // Areas: alpha 26.1, beta 10, gamma none.
        let mut range =
            MetricRange { metric: MetricId::new("planned_area"), min: Some(5.0), max: Some(20.0), keep_missing: false };
        let mut filter = FilterState { ranges: vec![range.clone()], ..FilterState::default() };
        assert_eq!(passing(&filter, &dataset), ["beta"]);
        range.keep_missing = true;
        filter.ranges = vec![range.clone()];
        assert_eq!(passing(&filter, &dataset), ["beta", "gamma"]);
        range.max = None;
        filter.ranges = vec![range];
        assert_eq!(passing(&filter, &dataset), ["alpha", "beta", "gamma"]);
        // Income: alpha's latest actual is 630 (the 800 is a target), so a floor of 700 drops it.
        let income =
            MetricRange { metric: MetricId::new("total_income"), min: Some(700.0), max: None, keep_missing: false };
        filter.ranges = vec![income];
        assert!(passing(&filter, &dataset).is_empty());
    }

    /// A figure stated as "more than" a value is kept only where it surely lies in the range:
    /// above a lower bound, never under an upper one, however high.
    #[test]
    fn a_figure_stated_as_more_than_is_kept_only_where_it_surely_lies() {
        let dataset = small_dataset();
        // High-tech enterprises: alpha 1,382, beta ">450".
        let kept = |min: Option<f64>, max: Option<f64>| {
            let range = MetricRange { metric: MetricId::new("high_tech_enterprises"), min, max, keep_missing: false };
            passing(&FilterState { ranges: vec![range], ..FilterState::default() }, &dataset)
        };
        assert_eq!(kept(Some(400.0), None), ["alpha", "beta"], "above 450, so above 400");
        assert_eq!(kept(Some(500.0), None), ["alpha"], "maybe above 500, maybe not");
        assert_eq!(kept(None, Some(2000.0)), ["alpha"], "'more than 450' may be more than 2,000");
        // "Less than" the other way round: beta's area stated as "<10" passes an upper bound
        // above it, no lower one.
        let mut dataset = dataset;
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("beta");
        let area = beta.observations.iter_mut().find(|o| o.metric.as_str() == "planned_area").expect("an area");
        area.qualifier = Qualifier::AtMost;
        let kept = |min: Option<f64>, max: Option<f64>| {
            let range = MetricRange { metric: MetricId::new("planned_area"), min, max, keep_missing: false };
            passing(&FilterState { ranges: vec![range], ..FilterState::default() }, &dataset)
        };
        assert_eq!(kept(None, Some(15.0)), ["beta"]);
        assert_eq!(kept(Some(5.0), Some(15.0)), Vec::<&str>::new(), "'under 10' may be under 5");
        let open = MetricRange::spanning(&dataset, MetricId::new("planned_area"));
        assert_eq!((open.min, open.max), (None, Some(26.1)));
    }

    /// A bound typed in a unit a language shows (here one tenth of the stored km²) comes back
    /// as 26.099…98: Alpha's 26.1, the figure on the bound, stays in.
    #[test]
    fn a_figure_on_a_bound_typed_in_a_shown_unit_passes() {
        let dataset = small_dataset();
        let typed = 2.61 / 0.1;
        assert!(typed < 26.1, "the float division falls short");
        let range = MetricRange {
            metric: MetricId::new("planned_area"),
            min: Some(typed),
            max: Some(typed),
            keep_missing: false,
        };
        let filter = FilterState { ranges: vec![range], ..FilterState::default() };
        assert_eq!(passing(&filter, &dataset), ["alpha"]);
    }

    #[test]
    fn a_new_range_spans_every_park_with_a_figure() {
        let dataset = small_dataset();
        let range = MetricRange::spanning(&dataset, MetricId::new("planned_area"));
        assert_eq!((range.min, range.max, range.keep_missing), (Some(10.0), Some(26.1), false));
        let filter = FilterState { ranges: vec![range], ..FilterState::default() };
        assert_eq!(passing(&filter, &dataset), ["alpha", "beta"], "only gamma, without an area, is hidden");
        let none = MetricRange::spanning(&dataset, MetricId::new("nothing"));
        assert_eq!((none.min, none.max), (None, None));
        // Beta's ">450" high-tech enterprises: no upper bound would surely hold it.
        let open = MetricRange::spanning(&dataset, MetricId::new("high_tech_enterprises"));
        assert_eq!((open.min, open.max), (Some(450.0), None));
        let filter = FilterState { ranges: vec![open], ..FilterState::default() };
        assert_eq!(passing(&filter, &dataset), ["alpha", "beta"]);
        assert_eq!(MetricRange::latest_span(&dataset, &MetricId::new("high_tech_enterprises")), Some((450.0, 1382.0)));
    }

    #[test]
    fn counts_follow_the_other_filters_but_not_their_own() {
        let dataset = small_dataset();
        let index = SearchIndex::new(&dataset);
        let mut filter = FilterState { industries: industries(&["ai"]), ..FilterState::default() };
        let counts = filter.industry_counts(&dataset, &index);
        // With ai ticked (any), each industry counts the parks that have it: ai alpha, biomed
        // alpha and beta.
        assert_eq!(counts[&IndustryId::new("ai")], 1);
        assert_eq!(counts[&IndustryId::new("biomed")], 2);
        // With "all", ticking biomed too would leave only the parks with both: alpha.
        filter.industry_match = IndustryMatch::All;
        assert_eq!(filter.industry_counts(&dataset, &index)[&IndustryId::new("biomed")], 1);
        filter.industry_match = IndustryMatch::Any;
        // Ticked biomed (alpha, beta): ai still counts only alpha, which has it, not the two
        // parks the list shows.
        let biomed = FilterState { industries: industries(&["biomed"]), ..FilterState::default() };
        assert_eq!(biomed.industry_counts(&dataset, &index)[&IndustryId::new("ai")], 1);
        // A district filter does.
        filter.districts.insert(DistrictId::new("west"));
        let counts = filter.industry_counts(&dataset, &index);
        assert_eq!(counts[&IndustryId::new("biomed")], 1, "only beta is in the west");
        // District counts follow the industry filter: only alpha has ai, and it is in the east.
        let districts = filter.district_counts(&dataset, &index);
        assert_eq!(districts[&DistrictId::new("east")], 1);
        assert_eq!(districts[&DistrictId::new("west")], 0);
    }

    #[test]
    fn chips_list_and_remove_each_filter() {
        let mut filter = FilterState {
            search: " jia ".to_owned(),
            industries: industries(&["ai"]),
            districts: [DistrictId::new("east")].into(),
            ranges: vec![MetricRange { metric: MetricId::new("planned_area"), ..MetricRange::default() }],
            ..FilterState::default()
        };
        let chips = filter.chips();
        assert_eq!(
            chips,
            [
                Chip::Search("jia".to_owned()),
                Chip::Industry(IndustryId::new("ai")),
                Chip::District(DistrictId::new("east")),
                Chip::Range(0)
            ]
        );
        filter.remove(&Chip::Industry(IndustryId::new("ai")));
        filter.remove(&Chip::Range(0));
        assert_eq!(filter.chips().len(), 2);
    }

    #[test]
    fn escape_clears_the_search_first_then_the_filters() {
        let mut filter =
            FilterState { search: "hd".to_owned(), industries: industries(&["ai"]), ..FilterState::default() };
        assert!(filter.clear_search_then_filters());
        assert_eq!((filter.search.as_str(), filter.industries.len()), ("", 1));
        assert!(filter.clear_search_then_filters());
        assert!(!filter.is_active());
        assert!(!filter.clear_search_then_filters(), "nothing left to clear");
    }

    #[test]
    fn ids_a_new_dataset_lacks_are_dropped_and_named() {
        let dataset = small_dataset();
        let mut filter = FilterState {
            industries: industries(&["ai", "quantum"]),
            districts: [DistrictId::new("atlantis")].into(),
            ranges: vec![MetricRange { metric: MetricId::new("gdp"), ..MetricRange::default() }],
            ..FilterState::default()
        };
        assert_eq!(filter.forget_missing(&dataset), ["quantum", "atlantis", "gdp"]);
        assert_eq!(filter.industries, industries(&["ai"]));
    }
}
