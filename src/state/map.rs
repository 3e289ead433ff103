//! What the map shows: the value of each district (for the choropleth), its classes, and each
//! park's marker. Pure functions of the dataset, the filter result and the map choice.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{
    self, Dataset, DistrictId, Language, MetricId, Observation, ParkCount, ParkId, Period, Qualifier, SourceId,
};
use crate::state::UNCHOSEN;
use crate::state::classify::{ClassMethod, Classes, classify_stated};
use crate::state::park_colours::ParkColours;
use crate::state::series::{Unsized, YearChoice, projection_only};
use crate::state::takeaway::map::{DistrictFigure, MapMeasure, SumBasis, map_takeaway};

/// Most classes the choropleth uses.
pub const CLASS_COUNT: usize = 5;

/// How many districts a warning under the map names; any more are counted.
const NAMED_DISTRICTS: usize = 3;

/// A district's name in `language`; its id for one the dataset lacks.
fn district_name(dataset: &Dataset, id: &DistrictId, language: Language) -> String {
    dataset.district(id).map_or_else(|| id.to_string(), |d| d.name.get(language).to_owned())
}

/// The first [`NAMED_DISTRICTS`] of `named` (of `total` districts) joined as the language lists
/// them, the rest counted by `more` (its `{n}`).
fn named_then_counted(
    named: impl Iterator<Item = String>,
    total: usize,
    more: crate::i18n::Counted,
    language: Language,
) -> String {
    let listed: Vec<String> = named.take(NAMED_DISTRICTS).collect();
    crate::i18n::listed_then_counted(&listed, total.saturating_sub(NAMED_DISTRICTS), more, language)
}

/// What colours the districts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DistrictValue {
    /// How many parks passing the filter lie (at least partly) in the district.
    #[default]
    ParkCount,
    /// The sum of the latest figure of a metric over the district's parks passing the filter.
    /// A park spanning several districts counts in its first (main) one. Only for a metric
    /// that [adds up](crate::model::Metric::is_additive): a sum of shares means nothing.
    MetricSum(MetricId),
}

/// Everything the user chose on the map, view included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapChoice {
    /// What colours the districts.
    pub value: DistrictValue,
    /// How the values are classed.
    pub method: ClassMethod,
    /// What sizes the park markers; `None` for equal markers.
    pub marker_metric: Option<MetricId>,
    /// Zoom factor over the fitted view (1 = the whole city fits).
    pub zoom: f32,
    /// Pan offset in screen points.
    pub pan: (f32, f32),
}

impl Default for MapChoice {
    fn default() -> Self {
        Self {
            value: DistrictValue::ParkCount,
            method: ClassMethod::Quantiles,
            marker_metric: Some(UNCHOSEN),
            zoom: 1.0,
            pan: (0.0, 0.0),
        }
    }
}

impl MapChoice {
    /// The map a dataset opens on: markers sized by its choice, everything else as [`Default`].
    pub fn for_dataset(dataset: &Dataset) -> Self {
        let mut choice = Self::default();
        choice.fit_to(dataset);
        choice
    }

    /// Fits the choice to `dataset`: markers not yet chosen, or sized by a metric it lacks,
    /// take its [view metrics](Dataset::view_metrics)' choice; districts summing a metric it
    /// lacks, or one that does not [add up](crate::model::Metric::is_additive) (a share), count
    /// parks. Returns the metrics dropped, so the user can be told.
    pub fn fit_to(&mut self, dataset: &Dataset) -> Vec<MetricId> {
        let mut dropped = Vec::new();
        if let Some(marker) = &self.marker_metric
            && (*marker == UNCHOSEN || dataset.metric(marker).is_none())
        {
            if *marker != UNCHOSEN {
                dropped.push(marker.clone());
            }
            self.marker_metric.clone_from(&dataset.view_metrics().map_markers);
        }
        if let DistrictValue::MetricSum(metric) = &self.value
            && !dataset.metric(metric).is_some_and(model::Metric::is_additive)
        {
            dropped.push(metric.clone());
            self.value = DistrictValue::ParkCount;
        }
        dropped
    }
}

/// One park's marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The park.
    pub park: ParkId,
    /// Where the marker is drawn, longitude and latitude: the park's location, or a little
    /// inside its district where an approximate location is on the district's edge
    /// ([`CityMap::marker_places`](crate::model::geo::CityMap::marker_places)).
    pub lon_lat: (f64, f64),
    /// The latest figure of the marker metric, if any.
    pub value: Option<f64>,
    /// How that figure was stated (">10,000" is at least); `Reported` when there is none.
    pub qualifier: Qualifier,
    /// The year that figure is of; `None` when there is none.
    pub year: Option<i32>,
    /// The part of the year it covers, when not the whole ("January–November").
    pub period: Option<Period>,
    /// Whether the park passes the filter (markers of others are dimmed).
    pub in_filter: bool,
    /// The figures [stated otherwise](crate::model::stated_otherwise) than `value`'s.
    pub stated_otherwise: Vec<Observation>,
    /// The caveat of `value`'s figure ([`Observation::notes`]), which the tooltip says.
    pub note: Option<crate::model::Text>,
    /// The source of `value`'s figure, which the tooltip names as every view's does.
    pub source: Option<crate::model::SourceId>,
}

/// One district's value on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictReading {
    /// The district.
    pub district: DistrictId,
    /// Its value; `None` is "no data", never zero.
    pub value: Option<f64>,
    /// What stands behind a sum: its figures' years and how they were stated (a sum with a
    /// ">400" in it is itself "more than"). `None` for a count and for no data.
    pub basis: Option<SumBasis>,
    /// For a sum: how many parks passing the filter count in the district (it is their first
    /// district). 0 for a count.
    pub parks_summed_over: usize,
    /// For a sum: how many of those parks have no figure, and are left out of it. A sum
    /// leaving out a park is less than the district's total, whatever it reads; when no park has
    /// a figure, the district has no value at all. 0 for a count.
    pub parks_without_figure: usize,
    /// For a sum: the parks whose figures it adds, in the filter's order (the tooltip names
    /// each with its figure: a sum of one park's figure of 2005 and another's of 2020 is a
    /// number no source states). Empty for a count.
    pub summed: Vec<ParkId>,
    /// For a sum: those of the parks without a figure that have only a target or forecast of
    /// the metric, with how the latest is stated: the tooltip says "only a target" where the
    /// bars and the table show one, not a bare "no data". Empty for a count.
    pub only_projected: Vec<(ParkId, Qualifier)>,
}

impl DistrictReading {
    /// Whether a park counts in the district: for a sum, one passing the filter whose first
    /// district it is; for a count, always (a count of none is a value). A sum's district
    /// without one has no park to sum, not a lack of data.
    pub fn has_parks(&self) -> bool {
        self.value.is_some() || self.parks_summed_over > 0
    }

    /// Whether the district has a sum that leaves out a park without a figure.
    pub fn leaves_out_parks(&self) -> bool {
        self.value.is_some() && self.parks_without_figure > 0
    }

    /// How the value is stated: a count is exact.
    pub fn qualifier(&self) -> Qualifier {
        self.basis.map_or(Qualifier::Reported, |basis| basis.qualifier)
    }
}

/// The map's numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapData {
    /// Each district's value, in the dataset's order of districts.
    pub districts: Vec<DistrictReading>,
    /// The classes of the values that exist.
    pub classes: Option<Classes>,
    /// Every park with a location, in the dataset's order (the map draws the largest first).
    pub markers: Vec<Marker>,
    /// The largest marker value, for sizing.
    pub largest_marker: Option<f64>,
    /// Sources of the figures behind districts and markers.
    pub sources: BTreeSet<SourceId>,
    /// Their labels as the sources line lists them ([`crate::format::source_list`]), written
    /// once here rather than each frame: at 10,000 parks there are thousands.
    pub source_list: String,
    /// How many parks pass the filter, for the scope line, parts of one park counted once and
    /// as entries.
    pub park_count: ParkCount,
    /// Whether the filter leaves some parks out: a district's count or sum is then of the
    /// parks matching it, and one without a park may have others.
    pub filtered: bool,
    /// Whether some park passing the filter lies in more than one district: only then does
    /// the scope line say how such a park is counted or summed.
    pub spans_districts: bool,
    /// Whether some marker stands where the dataset gives its park's location only roughly:
    /// only then does the sources line say such parks are placed approximately.
    pub approximately_placed: bool,
    /// The first and last year of the figures the districts' sums add up, when they span more
    /// than one year (one park's figure of 2020 added to another's of 2005, or one district's
    /// sum of 2018 beside another's of 2019); `None` for counts and for sums of one year.
    pub mixed_years: Option<(i32, i32)>,
    /// The takeaway sentence under the map's title, in the language it was computed for: what
    /// the districts show, then where the pinned parks lie ([`Self::place_pinned`]).
    pub takeaway: String,
    /// What the districts show, the takeaway without the pinned parks.
    districts_takeaway: String,
    /// Where each park's marker is in `markers`, so the few parks a view names or colours are
    /// found without going through 10,000 markers each frame.
    marker_index: std::collections::HashMap<ParkId, usize>,
    /// A number no other map data built in this process has (0 for none): the map view keeps
    /// what it works out of thousands of markers under it, rather than redo it every frame.
    pub revision: u64,
}

/// The next [`MapData::revision`].
static NEXT_MAP_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl MapData {
    /// Computes the map's values for the parks in `visible` (those passing the filter), and
    /// its takeaway sentence in `language`. `places`: where each park (in the dataset's order)
    /// is drawn when not at its location, from the map's outlines; empty without a map.
    pub fn new(
        dataset: &Dataset,
        visible: &[ParkId],
        choice: &MapChoice,
        language: Language,
        places: &[Option<(f64, f64)>],
    ) -> Self {
        let in_filter: BTreeSet<&ParkId> = visible.iter().collect();
        let mut sources = BTreeSet::new();
        let districts: Vec<DistrictReading> = dataset
            .districts
            .iter()
            .map(|district| {
                let reading = |value, basis, parks_summed_over, parks_without_figure, summed| DistrictReading {
                    district: district.id.clone(),
                    value,
                    basis,
                    parks_summed_over,
                    parks_without_figure,
                    summed,
                    only_projected: Vec::new(),
                };
                match &choice.value {
                    DistrictValue::ParkCount => {
                        let count = visible
                            .iter()
                            .filter_map(|id| dataset.park(id))
                            .filter(|p| p.districts.contains(&district.id))
                            .count();
                        reading(Some(count as f64), None, 0, 0, Vec::new())
                    }
                    DistrictValue::MetricSum(metric) => {
                        let parks: Vec<_> = visible
                            .iter()
                            .filter_map(|id| dataset.park(id))
                            .filter(|p| p.districts.first() == Some(&district.id))
                            .collect();
                        // Each park's figure, or, without one, whether it has only a target.
                        let (mut summed, mut figures, mut only_projected) = (Vec::new(), Vec::new(), Vec::new());
                        for park in &parks {
                            if let Some(figure) = dataset.latest(park, metric) {
                                summed.push(park.id.clone());
                                figures.push(figure);
                            } else if let Some(qualifier) =
                                projection_only(&park.observations, metric, YearChoice::Latest)
                            {
                                only_projected.push((park.id.clone(), qualifier));
                            }
                        }
                        sources.extend(figures.iter().map(|f| f.source.id.clone()));
                        let basis = figures
                            .iter()
                            .map(|f| SumBasis::of(f.observation.year, f.observation.period, f.observation.qualifier))
                            .reduce(SumBasis::and);
                        let value = basis.map(|_| figures.iter().map(|f| f.observation.value).sum());
                        DistrictReading {
                            only_projected,
                            ..reading(value, basis, parks.len(), parks.len() - figures.len(), summed)
                        }
                    }
                }
            })
            .collect();
        let values: Vec<(f64, Qualifier)> = districts.iter().filter_map(|d| Some((d.value?, d.qualifier()))).collect();
        let classes = classify_stated(&values, CLASS_COUNT, choice.method);
        let markers = markers(dataset, &in_filter, choice.marker_metric.as_ref(), places, &mut sources);
        let largest_marker =
            markers.iter().filter_map(|m| m.value).fold(None, |acc: Option<f64>, v| Some(acc.map_or(v, |a| a.max(v))));
        let filtered = visible.len() < dataset.parks.len();
        let takeaway = takeaway(dataset, &choice.value, &districts, filtered, language);
        let source_list = crate::format::source_list(dataset, &sources, language);
        let all_sums = districts.iter().filter_map(|d| d.basis).reduce(SumBasis::and);
        let mixed_years = all_sums
            .filter(|basis| basis.first_year != basis.last_year)
            .map(|basis| (basis.first_year, basis.last_year));
        let marker_index = markers.iter().enumerate().map(|(i, marker)| (marker.park.clone(), i)).collect();
        let approximately_placed = markers
            .iter()
            .filter_map(|marker| dataset.park(&marker.park)?.location.as_ref())
            .any(|location| location.approximate);
        Self {
            districts,
            classes,
            markers,
            largest_marker,
            sources,
            source_list,
            park_count: dataset.count_parks(visible),
            filtered,
            spans_districts: visible.iter().filter_map(|id| dataset.park(id)).any(|park| park.districts.len() > 1),
            approximately_placed,
            mixed_years,
            districts_takeaway: takeaway.clone(),
            takeaway,
            marker_index,
            revision: NEXT_MAP_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Says after the takeaway where the `pinned` parks lie (in `language`, the takeaway's):
    /// called again when the pins change, which leave the districts' values as they are.
    pub fn place_pinned(&mut self, dataset: &Dataset, pinned: &[ParkId], language: Language) {
        let parks: Vec<(&str, Vec<&str>)> = (pinned.iter().filter_map(|id| dataset.park(id)))
            .map(|park| {
                let districts = park.districts.iter().filter_map(|id| dataset.district(id));
                (park.name.get(language), districts.map(|district| district.name.get(language)).collect())
            })
            .collect();
        self.takeaway = match crate::state::takeaway::map::pinned_places(&parks, language) {
            Some(places) => format!("{}{}{places}", self.districts_takeaway, crate::i18n::sentence_gap(language)),
            None => self.districts_takeaway.clone(),
        };
    }

    /// The warning over a map of sums that leave out parks without a figure, naming the
    /// districts (those leaving out the most first, three at most, the rest counted)
    /// and how many parks each leaves out: "Ridge's sum leaves out 1 park without a figure".
    /// Said whole on the map, since a presented slide has no tooltip to point at. `None` when
    /// no sum leaves a park out.
    pub fn sums_leave_out_warning(&self, dataset: &Dataset, language: Language) -> Option<String> {
        let s = crate::i18n::strings(language);
        let mut leaving_out: Vec<&DistrictReading> = self.districts.iter().filter(|d| d.leaves_out_parks()).collect();
        leaving_out.sort_by_key(|d| std::cmp::Reverse(d.parks_without_figure));
        let words = |words: crate::i18n::Counted, reading: &DistrictReading| {
            let n = reading.parks_without_figure;
            let name = district_name(dataset, &reading.district, language);
            words.for_count(n).replace("{district}", &name).replace("{n}", &n.to_string())
        };
        match leaving_out.as_slice() {
            [] => None,
            [one] => Some(words(s.map_sum_leaves_out, one)),
            several => {
                let named = several.iter().map(|d| words(s.map_sums_leave_out_in, d));
                let list = named_then_counted(named, several.len(), s.map_sums_leave_out_more, language);
                Some(s.map_sums_leave_out.replace("{districts}", &list))
            }
        }
    }

    /// The districts whose sums add a figure of only part of a year, in the dataset's order.
    pub fn part_year_districts(&self) -> Vec<&DistrictId> {
        self.districts
            .iter()
            .filter(|d| d.basis.is_some_and(|basis| basis.part_year.any()))
            .map(|d| &d.district)
            .collect()
    }

    /// The warning over a map of sums that add a figure of only part of a year, naming the
    /// districts whose sums do (three at most, the rest counted): a slide has no tooltip to
    /// point at, and "some sums" left the room to guess which. `None` when no sum does.
    pub fn part_year_warning(&self, dataset: &Dataset, language: Language) -> Option<String> {
        let s = crate::i18n::strings(language);
        let part_year = self.part_year_districts();
        if part_year.is_empty() {
            return None;
        }
        let names = part_year.iter().map(|id| district_name(dataset, id, language));
        let list = named_then_counted(names, part_year.len(), s.map_more_districts, language);
        Some(s.map_part_year.for_count(part_year.len()).replace("{districts}", &list))
    }

    /// The marker of `park`, if it has one.
    pub fn marker(&self, park: &ParkId) -> Option<&Marker> {
        self.marker_index.get(park).and_then(|&i| self.markers.get(i))
    }

    /// How many districts have no value ("no data").
    pub fn no_data_count(&self) -> usize {
        self.districts.iter().filter(|d| d.value.is_none() && d.has_parks()).count()
    }

    /// How many districts of a map of sums have no park to sum (none passing the filter).
    pub fn no_park_count(&self) -> usize {
        self.districts.iter().filter(|d| !d.has_parks()).count()
    }

    /// One district's reading.
    pub fn reading(&self, id: &DistrictId) -> Option<&DistrictReading> {
        self.districts.iter().find(|d| &d.district == id)
    }

    /// The value of one district.
    pub fn value_of(&self, id: &DistrictId) -> Option<f64> {
        self.reading(id).and_then(|d| d.value)
    }

    /// The class one district is coloured by; `None` for no data.
    pub fn class_of(&self, id: &DistrictId) -> Option<usize> {
        let reading = self.reading(id)?;
        let value = reading.value.filter(|value| value.is_finite())?;
        Some(self.classes.as_ref()?.class_of_stated(value, reading.qualifier()))
    }

    /// The marker with the largest figure, for the legend's "largest >10,000 (2012)"; `None`
    /// when no figure is above zero, and no marker is sized.
    pub fn largest(&self) -> Option<&Marker> {
        let largest = self.largest_marker.filter(|largest| *largest > 0.0)?;
        self.markers.iter().find(|m| m.value == Some(largest))
    }

    /// Why `marker` is drawn as a cross while the others are sized: it has no figure of the
    /// metric the markers are sized by, or one below zero (every one, when all are: a loss
    /// drawn as the largest marker read as the largest figure); `None` when it is sized.
    pub fn why_crossed(&self, marker: &Marker) -> Option<Unsized> {
        // Markers sized by a metric some park has a figure of.
        self.largest_marker.and_then(|_| Unsized::of(marker.value))
    }

    /// Whether `marker` is drawn as a cross ([`MapData::why_crossed`]).
    pub fn lacks_size(&self, marker: &Marker) -> bool {
        self.why_crossed(marker).is_some()
    }

    /// A marker's radius in points: area proportional to its value, from 4 to 24 points;
    /// parks without a value get the smallest.
    pub fn marker_radius(&self, marker: &Marker) -> f32 {
        match (marker.value, self.largest_marker) {
            (Some(v), Some(largest)) if largest > 0.0 => 4.0 + 20.0 * (v.max(0.0) / largest).sqrt() as f32,
            _ => 4.0,
        }
    }
}

/// The markers the map draws in colour, most important first: the pinned ones (in pin order),
/// then the selected one, each in the slot every chart gives it ([`ParkColours::for_view`]).
/// The charts go on to colour the largest parks; the map already shows size by its markers'
/// areas, so colour marks only the parks the user picked, and every other marker is neutral.
pub fn marker_colours(markers: &[Marker], pinned: &[ParkId], selected: Option<&ParkId>) -> ParkColours {
    let shown: Vec<ParkId> = markers.iter().map(|m| m.park.clone()).collect();
    ParkColours::for_view(&shown, pinned, selected, &[])
}

/// Every park with a location as a marker, sized by `metric`'s latest figure, at its place in
/// `places` if it has one there; the sources of those figures, and of the figures stated
/// otherwise, join `sources`.
fn markers(
    dataset: &Dataset,
    in_filter: &BTreeSet<&ParkId>,
    metric: Option<&MetricId>,
    places: &[Option<(f64, f64)>],
    sources: &mut BTreeSet<SourceId>,
) -> Vec<Marker> {
    // Places are one per park, in the dataset's order: any other list is not this dataset's.
    let places = if places.len() == dataset.parks.len() { places } else { &[] };
    dataset
        .parks
        .iter()
        .enumerate()
        .filter_map(|(at, park)| {
            let location = park.location.as_ref()?;
            let figure = metric.and_then(|m| dataset.latest(park, m));
            if let Some(figure) = &figure {
                sources.insert(figure.source.id.clone());
            }
            let stated_otherwise: Vec<Observation> = figure
                .iter()
                .flat_map(|figure| model::stated_otherwise(&park.observations, figure.observation))
                .cloned()
                .collect();
            // The sources of the other values its tooltip lists are named with the others.
            sources.extend(stated_otherwise.iter().map(|other| other.source.clone()));
            Some(Marker {
                park: park.id.clone(),
                lon_lat: places.get(at).copied().flatten().unwrap_or((location.lon, location.lat)),
                value: figure.map(|f| f.observation.value),
                qualifier: figure.map_or(Qualifier::Reported, |f| f.observation.qualifier),
                year: figure.map(|f| f.observation.year),
                period: figure.and_then(|f| f.observation.period),
                in_filter: in_filter.contains(&park.id),
                stated_otherwise,
                note: figure.and_then(|f| f.observation.notes()),
                source: figure.map(|f| f.source.id.clone()),
            })
        })
        .collect()
}

/// The takeaway sentence of the district values, with the basis of each sum.
/// `filtered`: whether the filter leaves some parks out, so that the counts are of those it lets through.
fn takeaway(
    dataset: &Dataset,
    value: &DistrictValue,
    districts: &[DistrictReading],
    filtered: bool,
    language: Language,
) -> String {
    let singular = match value {
        DistrictValue::MetricSum(id) => dataset.display_unit(id, language).singular,
        DistrictValue::ParkCount => None,
    };
    let measure = match value {
        DistrictValue::ParkCount => MapMeasure::ParkCount { filtered },
        DistrictValue::MetricSum(id) => match dataset.metric(id) {
            Some(metric) => MapMeasure::MetricSum {
                name: metric.name.get(language),
                unit: metric.display_unit_name(language),
                singular: singular.as_deref(),
                factor: metric.display_factor(language),
                filtered,
            },
            None => MapMeasure::MetricSum { name: id.as_str(), unit: "", singular: None, factor: 1.0, filtered },
        },
    };
    let figures: Vec<DistrictFigure<'_>> = districts
        .iter()
        .map(|d| DistrictFigure {
            name: dataset.district(&d.district).map_or(d.district.as_str(), |district| district.name.get(language)),
            value: d.value,
            basis: d.basis,
            has_parks: d.has_parks(),
        })
        .collect();
    map_takeaway(measure, &figures, language)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many districts' sums leave out parks without a figure.
    fn leaving_out(data: &MapData) -> usize {
        data.districts.iter().filter(|district| district.leaves_out_parks()).count()
    }
    use crate::model::tests::small_dataset;

    fn ids(list: &[&str]) -> Vec<ParkId> {
        list.iter().map(|id| ParkId::new(*id)).collect()
    }

    #[test]
    fn park_counts_follow_the_filter_and_count_every_district_a_park_touches() {
        let dataset = small_dataset();
        let data = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &MapChoice::default(), Language::En, &[]);
        // alpha: east; beta: west and east; gamma: west.
        assert_eq!(data.value_of(&DistrictId::new("east")), Some(2.0));
        assert_eq!(data.value_of(&DistrictId::new("west")), Some(2.0));
        assert_eq!(data.takeaway, "Every district has 2 parks.");
        // The pinned parks placed after it, and gone again with the pins.
        let mut data = data;
        data.place_pinned(&dataset, &ids(&["beta", "alpha"]), Language::En);
        assert_eq!(
            data.takeaway,
            "Every district has 2 parks. Of the pinned parks, Beta Park lies in West and East, Alpha Park in East."
        );
        data.place_pinned(&dataset, &[], Language::En);
        assert_eq!(data.takeaway, "Every district has 2 parks.");
        assert_eq!(data.park_count.entries, 3);
        let filtered = MapData::new(&dataset, &ids(&["gamma"]), &MapChoice::default(), Language::En, &[]);
        assert_eq!(filtered.value_of(&DistrictId::new("east")), Some(0.0), "none match: a real zero");
        assert_eq!(filtered.markers.iter().filter(|m| m.in_filter).count(), 0, "gamma has no location");
    }

    #[test]
    fn a_sum_stated_as_more_than_is_classed_above_its_value() {
        // beta's planned area, west's only figure, stated as ">10".
        let text = crate::model::tests::SMALL_RON.replace(
            r#"(metric: "planned_area", value: 10, year: 2012, source: "s2")"#,
            r#"(metric: "planned_area", value: 10, year: 2012, qualifier: AtLeast, source: "s2")"#,
        );
        let dataset = model::load_dataset(&text, "small.ron").expect("valid");
        let choice =
            MapChoice { value: DistrictValue::MetricSum(MetricId::new("planned_area")), ..MapChoice::default() };
        let data = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &choice, Language::En, &[]);
        let (west, east) = (DistrictId::new("west"), DistrictId::new("east"));
        assert_eq!(data.reading(&west).map(DistrictReading::qualifier), Some(Qualifier::AtLeast));
        assert_eq!(data.reading(&east).map(DistrictReading::qualifier), Some(Qualifier::Reported));
        // Quantiles break at 10 and 26.1; ">10" cannot be in the class ending at 10, which
        // is left with nothing and merged into the next.
        let classes = data.classes.as_ref().expect("values");
        assert_eq!(classes.breaks, [26.1]);
        assert_eq!((data.class_of(&west), data.class_of(&east)), (Some(0), Some(0)));
        assert_eq!(classes.counts, [2]);
        let table = crate::state::export::map_rows(&dataset, &data, &choice, Language::En);
        let west_row = table.rows.iter().find(|row| row[..2] == ["district", "west"]).expect("a row");
        let columns =
            ["measure", "value", "unit", "years", "part_year", "qualifier", "qualifier_label", "parks_without_figure"];
        let cells = columns
            .map(|name| table.headers.iter().position(|header| *header == name).map_or("", |at| west_row[at].as_str()));
        assert_eq!(
            cells,
            ["planned_area", "10", "km²", "2012", "false", "at_least", "at least", "1"],
            "the export keeps what the sum is"
        );
    }

    #[test]
    fn metric_sums_use_each_park_once_and_missing_is_no_data() {
        let dataset = small_dataset();
        let choice =
            MapChoice { value: DistrictValue::MetricSum(MetricId::new("planned_area")), ..MapChoice::default() };
        let data = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &choice, Language::En, &[]);
        // alpha 26.1 in east; beta 10 counts in west, its first district; gamma has no area.
        assert_eq!(data.value_of(&DistrictId::new("east")), Some(26.1));
        assert_eq!(data.value_of(&DistrictId::new("west")), Some(10.0));
        assert_eq!(data.takeaway, "East has the highest sum of planned area: 26.1 km² (2012).");
        let zh = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &choice, Language::Zh, &[]);
        assert_eq!(zh.takeaway, "东区的规划面积合计最高：26.1平方公里（2012年）。");
        let only_gamma = MapData::new(&dataset, &ids(&["gamma"]), &choice, Language::En, &[]);
        assert_eq!(only_gamma.value_of(&DistrictId::new("west")), None, "no figure: no data, not zero");
        assert_eq!(only_gamma.no_data_count(), 1, "west: gamma has no area");
        assert_eq!(only_gamma.no_park_count(), 1, "east: no park of the filter's to sum");
        assert!(only_gamma.classes.is_none());
        assert_eq!(only_gamma.takeaway, "No district has data on planned area for these parks.");
        // The parks each sum adds, for its tooltip to name; none for gamma, which has no area.
        let summed = |data: &MapData, district: &str| {
            data.districts.iter().find(|d| d.district.as_str() == district).map(|d| d.summed.clone())
        };
        assert_eq!(summed(&data, "east"), Some(ids(&["alpha"])));
        assert_eq!(summed(&only_gamma, "west"), Some(Vec::new()));
        let both_east = {
            let mut dataset = dataset.clone();
            let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("beta");
            beta.districts = vec![DistrictId::new("east")];
            MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &choice, Language::En, &[])
        };
        assert_eq!(summed(&both_east, "east"), Some(ids(&["alpha", "beta"])));
        assert_eq!(both_east.value_of(&DistrictId::new("east")), Some(36.1));
    }

    /// The made-up second city of the tests.
    fn lakeshore() -> Dataset {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lakeshore/lakeshore.ron");
        model::load_dataset_file(std::path::Path::new(path)).expect("the Lakeshore fixture is valid")
    }

    #[test]
    fn a_sum_of_a_share_is_never_offered_and_a_saved_one_counts_parks_again() {
        let dataset = lakeshore();
        let share = MetricId::new("export_share");
        let summable: Vec<&MetricId> = dataset.summable_metrics().map(|m| &m.id).collect();
        assert!(!summable.contains(&&share), "a sum of percentages means nothing");
        assert!(summable.contains(&&MetricId::new("turnover")));
        // A slide or a saved state from before the kind existed: told, and back to counts.
        let mut choice = sum_of("export_share");
        assert_eq!(choice.fit_to(&dataset), [share]);
        assert_eq!(choice.value, DistrictValue::ParkCount);
        let mut turnover = sum_of("turnover");
        assert!(turnover.fit_to(&dataset).is_empty());
        assert_eq!(turnover.value, DistrictValue::MetricSum(MetricId::new("turnover")), "a sum that adds up stays");
    }

    /// A district's sum that leaves out a park without a figure says so: how many of how many
    /// parks, how many districts, and in the export. A district where no park has a figure
    /// stays "no data".
    #[test]
    fn sums_say_how_many_parks_they_leave_out() {
        let dataset = small_dataset();
        let (west, east) = (DistrictId::new("west"), DistrictId::new("east"));
        // West: Beta (area 10) and Gamma (no area) count there; east: Alpha (26.1) alone.
        let data =
            MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &sum_of("planned_area"), Language::En, &[]);
        let counts = |data: &MapData, id: &DistrictId| {
            data.reading(id).map(|r| (r.value, r.parks_without_figure, r.parks_summed_over, r.leaves_out_parks()))
        };
        assert_eq!(counts(&data, &west), Some((Some(10.0), 1, 2, true)));
        assert_eq!(counts(&data, &east), Some((Some(26.1), 0, 1, false)));
        assert_eq!(leaving_out(&data), 1);
        let table = crate::state::export::map_rows(&dataset, &data, &sum_of("planned_area"), Language::En);
        let column = table.headers.iter().position(|h| *h == "parks_without_figure").expect("the column");
        let exported: Vec<(&str, &str)> = table
            .rows
            .iter()
            .filter(|row| row[0] == "district")
            .map(|row| (row[1].as_str(), row[column].as_str()))
            .collect();
        assert_eq!(exported, [("east", "0"), ("west", "1")], "in the dataset's order of districts");
        // Filtered to Gamma alone, the west has no figure at all: no data, not a partial sum.
        let gamma = MapData::new(&dataset, &ids(&["gamma"]), &sum_of("planned_area"), Language::En, &[]);
        assert_eq!(counts(&gamma, &west), Some((None, 1, 1, false)));
        assert_eq!(leaving_out(&gamma), 0, "no sum leaves anyone out");
        // Filtered to Alpha and Beta, every park counted has a figure.
        let both = MapData::new(&dataset, &ids(&["alpha", "beta"]), &sum_of("planned_area"), Language::En, &[]);
        assert_eq!(leaving_out(&both), 0);
        // Counts leave nobody out, and export no such count.
        let count = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &MapChoice::default(), Language::En, &[]);
        assert_eq!(leaving_out(&count), 0);
        let table = crate::state::export::map_rows(&dataset, &count, &MapChoice::default(), Language::En);
        assert!(table.rows.iter().all(|row| row[column].is_empty()));
        // Lakeshore's Ridge: one of its two parks has no turnover.
        let lakeshore = lakeshore();
        let everyone: Vec<ParkId> = lakeshore.parks.iter().map(|p| p.id.clone()).collect();
        let data = MapData::new(&lakeshore, &everyone, &sum_of("turnover"), Language::En, &[]);
        assert_eq!(leaving_out(&data), 1);
        let ridge = data.reading(&DistrictId::new("laoling")).expect("Ridge");
        assert_eq!((ridge.parks_without_figure, ridge.parks_summed_over), (1, 2));
    }

    /// A district whose only park has nothing but a target of the metric: no sum, and the
    /// reading says which park has a target, as the bars' "no data" line does.
    #[test]
    fn a_district_of_parks_with_only_a_target_says_so() {
        let mut dataset = small_dataset();
        let Some(target) = dataset.parks.first().and_then(|alpha| alpha.observations.first()).cloned() else {
            panic!("alpha has a figure")
        };
        let gamma = dataset.parks.iter_mut().find(|p| p.id.as_str() == "gamma").expect("gamma");
        gamma.observations.push(Observation {
            metric: MetricId::new("total_income"),
            value: 50.0,
            year: 2030,
            qualifier: Qualifier::Target,
            ..target
        });
        let data = MapData::new(&dataset, &ids(&["gamma"]), &sum_of("total_income"), Language::En, &[]);
        let west = data.reading(&DistrictId::new("west")).expect("west");
        assert_eq!(west.value, None, "a target is no figure of the sum");
        assert_eq!(west.only_projected, [(ParkId::new("gamma"), Qualifier::Target)]);
        let area = MapData::new(&dataset, &ids(&["gamma"]), &sum_of("planned_area"), Language::En, &[]);
        assert!(area.reading(&DistrictId::new("west")).is_some_and(|r| r.only_projected.is_empty()));
    }

    /// The warning over sums that leave out parks names the districts and how many parks each
    /// leaves out, in both languages, and sends no one to a tooltip a slide cannot show.
    #[test]
    fn the_warning_on_sums_names_the_districts_and_the_parks_they_leave_out() {
        let lakeshore = lakeshore();
        let everyone: Vec<ParkId> = lakeshore.parks.iter().map(|p| p.id.clone()).collect();
        let mut data = MapData::new(&lakeshore, &everyone, &sum_of("turnover"), Language::En, &[]);
        let warning = |data: &MapData, language| data.sums_leave_out_warning(&lakeshore, language).expect("a warning");
        assert_eq!(warning(&data, Language::En), "Ridge's sum leaves out 1 park without a figure");
        assert_eq!(warning(&data, Language::Zh), "崂岭区的合计不含1个无数据的园区");
        // More districts' sums leaving parks out: the three leaving out the most are named (of
        // equals, the dataset's first), the others counted.
        for (reading, left_out) in data.districts.iter_mut().zip([1, 3, 1, 2, 1, 1]) {
            if reading.value.is_some() {
                reading.parks_without_figure = left_out;
            }
        }
        let named = data.districts.iter().filter(|d| d.leaves_out_parks()).count();
        assert!(named > 3, "{named} districts leave parks out");
        let en = warning(&data, Language::En);
        assert!(
            en.starts_with("Sums leave out parks without a figure: 3 in Crescent, 2 in Ridge, 1 in Old Town, and "),
            "{en}"
        );
        assert!(en.ends_with(&format!(", and parks in {} more districts", named - 3)), "{en}");
        let zh = warning(&data, Language::Zh);
        assert!(zh.starts_with("合计不含无数据的园区：垚环区3个、崂岭区2个、"), "{zh}");
        assert!(zh.ends_with(&format!("，另有{}个区亦然", named - 3)), "{zh}");
        for text in [en, zh] {
            assert!(!text.contains("tooltip") && !text.contains("提示"), "{text}");
        }
        let count = MapData::new(&lakeshore, &everyone, &MapChoice::default(), Language::En, &[]);
        assert_eq!(count.sums_leave_out_warning(&lakeshore, Language::En), None, "a count leaves no one out");
    }

    /// More than three districts' sums with a part-year figure: three named, the rest counted,
    /// in both languages.
    #[test]
    fn the_part_year_warning_names_three_districts_and_counts_the_rest() {
        let lakeshore = lakeshore();
        let everyone: Vec<ParkId> = lakeshore.parks.iter().map(|p| p.id.clone()).collect();
        let mut data = MapData::new(&lakeshore, &everyone, &sum_of("turnover"), Language::En, &[]);
        for basis in data.districts.iter_mut().filter_map(|reading| reading.basis.as_mut()) {
            basis.part_year = crate::state::takeaway::map::PartYear::Several;
        }
        let flagged = data.part_year_districts().len();
        assert!(flagged > NAMED_DISTRICTS, "{flagged} districts with a sum");
        let unnamed = flagged - NAMED_DISTRICTS;
        let en = data.part_year_warning(&lakeshore, Language::En).expect("a warning");
        assert!(en.starts_with("The sums of "), "{en}");
        let more = if unnamed == 1 { "district" } else { "districts" };
        assert!(en.ends_with(&format!(" and {unnamed} more {more} include figures of only part of a year")), "{en}");
        assert_eq!(en.matches(", ").count(), NAMED_DISTRICTS - 1, "three named: {en}");
        let zh = data.part_year_warning(&lakeshore, Language::Zh).expect("a warning");
        assert!(zh.ends_with(&format!("及另外{unnamed}个区的合计含非全年数据")), "{zh}");
        assert_eq!(zh.matches('、').count(), NAMED_DISTRICTS - 1, "three named: {zh}");
    }

    /// The map's choice of colouring districts by the sum of `metric`.
    fn sum_of(metric: &str) -> MapChoice {
        MapChoice { value: DistrictValue::MetricSum(MetricId::new(metric)), ..MapChoice::default() }
    }

    /// Sums adding figures of different years, in one district or across districts, are
    /// flagged with the years they span; sums of one year and counts are not.
    #[test]
    fn sums_of_figures_of_different_years_are_flagged_with_their_span() {
        let everyone = ids(&["alpha", "beta", "gamma"]);
        let dataset = small_dataset();
        let areas = MapData::new(&dataset, &everyone, &sum_of("planned_area"), Language::En, &[]);
        assert_eq!(areas.mixed_years, None, "both areas are of 2012");
        assert_eq!(MapData::new(&dataset, &everyone, &MapChoice::default(), Language::En, &[]).mixed_years, None);
        // Beta's area of 2015 in the west beside Alpha's of 2012 in the east.
        let text = crate::model::tests::SMALL_RON.replace(
            r#"(metric: "planned_area", value: 10, year: 2012, source: "s2")"#,
            r#"(metric: "planned_area", value: 10, year: 2015, source: "s2")"#,
        );
        let across = model::load_dataset(&text, "small.ron").expect("valid");
        let data = MapData::new(&across, &everyone, &sum_of("planned_area"), Language::En, &[]);
        assert_eq!(data.mixed_years, Some((2012, 2015)), "across districts");
        // Both in the east: one sum of a 2012 and a 2015 figure.
        let one_district = text.replacen(r#"districts: ["west", "east"],"#, r#"districts: ["east"],"#, 1);
        let within = model::load_dataset(&one_district, "small.ron").expect("valid");
        let data = MapData::new(&within, &everyone, &sum_of("planned_area"), Language::En, &[]);
        assert_eq!(data.value_of(&DistrictId::new("east")), Some(36.1));
        assert_eq!(data.mixed_years, Some((2012, 2015)), "within a district");
        // Filtered to Alpha alone, the sums are of one year again.
        let alpha = MapData::new(&within, &ids(&["alpha"]), &sum_of("planned_area"), Language::En, &[]);
        assert_eq!(alpha.mixed_years, None);
        assert!(alpha.part_year_districts().is_empty());
    }

    /// A sum that adds a figure of part of a year is flagged, and its phrase says so: "16.77"
    /// of January–November is not a year's.
    #[test]
    fn sums_with_a_figure_of_part_of_a_year_are_flagged() {
        let dataset = small_dataset();
        let everyone = ids(&["alpha", "beta", "gamma"]);
        let areas = MapData::new(&dataset, &everyone, &sum_of("planned_area"), Language::En, &[]);
        assert!(areas.part_year_districts().is_empty(), "both areas cover their whole year");
        let text = crate::model::tests::SMALL_RON.replace(
            r#"(metric: "planned_area", value: 10, year: 2012, source: "s2")"#,
            r#"(metric: "planned_area", value: 10, year: 2012, period: Some(JanTo(11)), source: "s2")"#,
        );
        let part = model::load_dataset(&text, "small.ron").expect("valid");
        let data = MapData::new(&part, &everyone, &sum_of("planned_area"), Language::En, &[]);
        assert_eq!(data.part_year_districts(), [&DistrictId::new("west")]);
        // The CSV flags the sum; its period stays empty, as the sum is no figure of Jan–Nov.
        let table = crate::state::export::map_rows(&part, &data, &sum_of("planned_area"), Language::En);
        let west_row = table.rows.iter().find(|row| row[..2] == ["district", "west"]).expect("a row");
        let cell = |name: &str| table.headers.iter().position(|header| *header == name).map(|at| west_row[at].as_str());
        assert_eq!([cell("part_year"), cell("period")], [Some("true"), Some("")]);
        // The warning names the district, on a slide too, where no tooltip can.
        assert_eq!(areas.part_year_warning(&part, Language::En), None);
        let west_name = part.district(&DistrictId::new("west")).expect("west").name.clone();
        let warning = data.part_year_warning(&part, Language::En).expect("a warning");
        assert_eq!(warning, format!("The sum of {} includes a figure of only part of a year", west_name.en));
        let warning = data.part_year_warning(&part, Language::Zh).expect("a warning");
        assert_eq!(warning, format!("{}的合计含非全年数据", west_name.zh));
        // Both districts' sums: plural, and in Chinese the count is of them all.
        let both = text.replace(
            r#"(metric: "planned_area", value: 26.1, year: 2012, source: "s1")"#,
            r#"(metric: "planned_area", value: 26.1, year: 2012, period: Some(H1), source: "s1")"#,
        );
        assert_ne!(both, text, "a fair test: alpha's area made a half-year's");
        let both = model::load_dataset(&both, "small.ron").expect("valid");
        let data = MapData::new(&both, &everyone, &sum_of("planned_area"), Language::En, &[]);
        let warning = data.part_year_warning(&both, Language::En).expect("a warning");
        assert!(
            warning.starts_with("The sums of ") && warning.ends_with(" include figures of only part of a year"),
            "{warning}"
        );
        let west = data.reading(&DistrictId::new("west")).and_then(|r| r.basis).expect("a sum in the west");
        assert_eq!(
            crate::state::takeaway::map::sum_phrase(10.0, west, "km²", Language::En),
            "10 km² (2012, incl. one Jan–Nov figure)"
        );
        assert_eq!(
            crate::state::takeaway::map::sum_phrase(10.0, west, "平方公里", Language::Zh),
            "10平方公里（2012年，含一项1–11月数据）"
        );
    }

    /// The map says parks are placed approximately only when one of its markers is: a dataset
    /// of exact locations had its every map carry the caveat.
    #[test]
    fn only_a_roughly_located_park_makes_the_map_say_so() {
        let all = ids(&["alpha", "beta", "gamma"]);
        let rough = crate::model::tests::small_dataset();
        assert!(MapData::new(&rough, &all, &MapChoice::default(), Language::En, &[]).approximately_placed);
        let exact = crate::model::tests::SMALL_RON.replace("approximate: true", "approximate: false");
        assert_ne!(exact, crate::model::tests::SMALL_RON, "a fair test: the fixture has a rough location");
        let exact = crate::model::load_dataset(&exact, "small.ron").expect("the fixture with exact locations");
        assert!(!MapData::new(&exact, &all, &MapChoice::default(), Language::En, &[]).approximately_placed);
    }

    /// A park without a figure of the markers' metric is told apart (drawn as a cross), not
    /// given the smallest disc as if its figure were small.
    #[test]
    fn a_marker_without_a_figure_to_size_it_by_is_told_apart() {
        // Beta placed on the map; it has no income figure.
        let text = crate::model::tests::SMALL_RON.replacen(
            r#"districts: ["west", "east"],"#,
            r#"districts: ["west", "east"], location: Some((lon: 116.3, lat: 39.9, approximate: true, place: (en: "x", zh: "x"))),"#,
            1,
        );
        let dataset = crate::model::load_dataset(&text, "small.ron").expect("the fixture with Beta placed");
        let choice = MapChoice { marker_metric: Some(MetricId::new("total_income")), ..MapChoice::default() };
        let data = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &choice, Language::En, &[]);
        let lacking: Vec<&str> =
            data.markers.iter().filter(|marker| data.lacks_size(marker)).map(|marker| marker.park.as_str()).collect();
        assert_eq!(lacking, ["beta"], "Alpha has an income; Beta has none");
        // A marker keeps how its figure was stated: Beta's "more than 450" firms.
        let firms = MapChoice { marker_metric: Some(MetricId::new("high_tech_enterprises")), ..choice.clone() };
        let data = MapData::new(&dataset, &ids(&["alpha", "beta"]), &firms, Language::En, &[]);
        let beta = data.markers.iter().find(|marker| marker.park.as_str() == "beta").expect("Beta is placed");
        assert_eq!((beta.value, beta.qualifier), (Some(450.0), Qualifier::AtLeast));
        // The legend's largest is stated as its figure is, and of its year.
        let beta_largest = MapData { markers: vec![beta.clone()], largest_marker: Some(450.0), ..MapData::default() };
        let largest = beta_largest.largest().map(|marker| (marker.qualifier, marker.year, marker.period));
        assert_eq!(largest, Some((Qualifier::AtLeast, Some(2019), None)));
        assert_eq!(MapData::default().largest(), None, "no markers");
        let plain = MapData::new(
            &dataset,
            &ids(&["alpha", "beta"]),
            &MapChoice { marker_metric: None, ..choice },
            Language::En,
            &[],
        );
        assert!(plain.markers.iter().all(|marker| !plain.lacks_size(marker)), "no metric: nothing lacks");
    }

    /// A loss has no area: sized by profit, Alpha's marker (a loss) is a cross, said to be below
    /// zero, beside Beta's disc.
    #[test]
    fn a_marker_whose_figure_is_below_zero_is_crossed_and_says_why() {
        let text = crate::model::tests::SMALL_RON
            .replacen(
                r#"districts: ["west", "east"],"#,
                r#"districts: ["west", "east"], location: Some((lon: 116.3, lat: 39.9, approximate: true, place: (en: "x", zh: "x"))),"#,
                1,
            )
            .replacen(
                r#"(metric: "high_tech_enterprises", value: 450,"#,
                r#"(metric: "total_profit", value: 3, year: 2018, source: "s2"), (metric: "high_tech_enterprises", value: 450,"#,
                1,
            );
        let dataset = crate::model::load_dataset(&text, "small.ron").expect("the fixture with Beta placed");
        let choice = MapChoice { marker_metric: Some(MetricId::new("total_profit")), ..MapChoice::default() };
        let data = MapData::new(&dataset, &ids(&["alpha", "beta"]), &choice, Language::En, &[]);
        let why = |id: &str| data.markers.iter().find(|m| m.park.as_str() == id).and_then(|m| data.why_crossed(m));
        assert_eq!((why("alpha"), why("beta")), (Some(Unsized::BelowZero), None));
        assert_eq!(data.largest().map(|marker| marker.park.as_str()), Some("beta"));
        // With only a loss, it is a cross, and not called the largest: a loss drawn as the
        // largest disc read as the largest figure.
        let losses = text.replacen(r#"(metric: "total_profit", value: 3, year: 2018, source: "s2"), "#, "", 1);
        assert_ne!(losses, text, "a fair test: Beta's profit taken out");
        let losses = crate::model::load_dataset(&losses, "small.ron").expect("the fixture without Beta's profit");
        let data = MapData::new(&losses, &ids(&["alpha", "beta"]), &choice, Language::En, &[]);
        let why = |id: &str| data.markers.iter().find(|m| m.park.as_str() == id).and_then(|m| data.why_crossed(m));
        assert_eq!((why("alpha"), why("beta")), (Some(Unsized::BelowZero), Some(Unsized::NoFigure)));
        assert!(data.largest().is_none());
    }

    #[test]
    fn only_pinned_and_selected_markers_are_coloured() {
        let marker = |id: &str| Marker {
            park: ParkId::new(id),
            lon_lat: (0.0, 0.0),
            value: None,
            qualifier: Qualifier::Reported,
            year: None,
            period: None,
            in_filter: true,
            stated_otherwise: Vec::new(),
            note: None,
            source: None,
        };
        let markers = vec![marker("a"), marker("b"), marker("c"), marker("d")];
        let picked = |pinned: &[&str], selected: Option<&ParkId>| {
            let colours = marker_colours(&markers, &ids(pinned), selected);
            colours.parks().map(|id| (id.to_string(), colours.slot(id))).collect::<Vec<_>>()
        };
        assert!(picked(&[], None).is_empty(), "nothing picked: every marker is neutral");
        let c = ParkId::new("c");
        assert_eq!(
            picked(&["d", "x", "a"], Some(&c)),
            [("d".to_owned(), Some(0)), ("a".to_owned(), Some(2)), ("c".to_owned(), Some(3))],
            "pins in pin order, each in its pin's slot, then the selection; x has no marker; b is neither"
        );
        assert_eq!(picked(&["c"], Some(&c)), [("c".to_owned(), Some(0))], "pinned and selected: once");
        // The fixture's only park with a location.
        let dataset = small_dataset();
        let data =
            MapData::new(&dataset, &ids(&["alpha", "beta"]), &MapChoice::for_dataset(&dataset), Language::En, &[]);
        let colours = marker_colours(&data.markers, &ids(&["beta", "alpha"]), None);
        assert_eq!(colours.parks().collect::<Vec<_>>(), [&ParkId::new("alpha")]);
        assert_eq!(colours.slot(&ParkId::new("alpha")), Some(1), "the second pin's colour");
    }

    #[test]
    fn markers_are_sized_by_area_and_dimmed_outside_the_filter() {
        let dataset = small_dataset();
        let data = MapData::new(&dataset, &ids(&["beta"]), &MapChoice::for_dataset(&dataset), Language::En, &[]);
        let alpha = data.markers.iter().find(|m| m.park.as_str() == "alpha").expect("alpha has a location");
        assert!(!alpha.in_filter);
        assert_eq!(alpha.value, Some(1382.0));
        assert!((data.marker_radius(alpha) - 24.0).abs() < 1e-6, "the largest gets the largest radius");
        assert_eq!(data.marker(&ParkId::new("alpha")), Some(alpha), "found by its park");
        assert_eq!(data.marker(&ParkId::new("gamma")), None, "gamma has no location");
    }
}
