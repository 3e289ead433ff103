//! What the map shows: the value of each district (for the choropleth), its classes, and each
//! park's marker. Pure functions of the dataset, the filter result and the map choice.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, DistrictId, MetricId, ParkId, SourceId};
use crate::state::ENTERPRISES_METRIC;
use crate::state::classify::{ClassMethod, Classes, classify};

/// Most classes the choropleth uses.
pub const CLASS_COUNT: usize = 5;

/// What colours the districts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DistrictValue {
    /// How many parks passing the filter lie (at least partly) in the district.
    #[default]
    ParkCount,
    /// The sum of the latest figure of a metric over the district's parks passing the filter.
    /// A park spanning several districts counts in its first (main) one.
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
            marker_metric: Some(MetricId::new(ENTERPRISES_METRIC)),
            zoom: 1.0,
            pan: (0.0, 0.0),
        }
    }
}

/// One park's marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The park.
    pub park: ParkId,
    /// Longitude and latitude.
    pub lon_lat: (f64, f64),
    /// The latest figure of the marker metric, if any.
    pub value: Option<f64>,
    /// Whether the park passes the filter (markers of others are dimmed).
    pub in_filter: bool,
}

/// The map's numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapData {
    /// Each district's value; `None` is "no data", never zero.
    pub district_values: Vec<(DistrictId, Option<f64>)>,
    /// The classes of the values that exist.
    pub classes: Option<Classes>,
    /// Every park with a location, largest marker first.
    pub markers: Vec<Marker>,
    /// The largest marker value, for sizing.
    pub largest_marker: Option<f64>,
    /// Sources of the figures behind districts and markers.
    pub sources: BTreeSet<SourceId>,
}

impl MapData {
    /// Computes the map's values for the parks in `visible` (those passing the filter).
    pub fn new(dataset: &Dataset, visible: &[ParkId], choice: &MapChoice) -> Self {
        let in_filter: BTreeSet<&ParkId> = visible.iter().collect();
        let mut sources = BTreeSet::new();
        let district_values: Vec<(DistrictId, Option<f64>)> = dataset
            .districts
            .iter()
            .map(|district| {
                let value = match &choice.value {
                    DistrictValue::ParkCount => Some(
                        visible
                            .iter()
                            .filter_map(|id| dataset.park(id))
                            .filter(|p| p.districts.contains(&district.id))
                            .count() as f64,
                    ),
                    DistrictValue::MetricSum(metric) => {
                        let figures: Vec<_> = visible
                            .iter()
                            .filter_map(|id| dataset.park(id))
                            .filter(|p| p.districts.first() == Some(&district.id))
                            .filter_map(|p| dataset.latest(p, metric))
                            .collect();
                        sources.extend(figures.iter().map(|f| f.source.id.clone()));
                        (!figures.is_empty()).then(|| figures.iter().map(|f| f.observation.value).sum())
                    }
                };
                (district.id.clone(), value)
            })
            .collect();
        let values: Vec<f64> = district_values.iter().filter_map(|(_, v)| *v).collect();
        let classes = classify(&values, CLASS_COUNT, choice.method);
        let markers: Vec<Marker> = dataset
            .parks
            .iter()
            .filter_map(|park| {
                let location = park.location.as_ref()?;
                let figure = choice.marker_metric.as_ref().and_then(|m| dataset.latest(park, m));
                if let Some(figure) = &figure {
                    sources.insert(figure.source.id.clone());
                }
                Some(Marker {
                    park: park.id.clone(),
                    lon_lat: (location.lon, location.lat),
                    value: figure.map(|f| f.observation.value),
                    in_filter: in_filter.contains(&park.id),
                })
            })
            .collect();
        let largest_marker =
            markers.iter().filter_map(|m| m.value).fold(None, |acc: Option<f64>, v| Some(acc.map_or(v, |a| a.max(v))));
        Self { district_values, classes, markers, largest_marker, sources }
    }

    /// How many districts have no value ("no data").
    pub fn no_data_count(&self) -> usize {
        self.district_values.iter().filter(|(_, v)| v.is_none()).count()
    }

    /// The value of one district.
    pub fn value_of(&self, id: &DistrictId) -> Option<f64> {
        self.district_values.iter().find(|(d, _)| d == id).and_then(|(_, v)| *v)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;

    fn ids(list: &[&str]) -> Vec<ParkId> {
        list.iter().map(|id| ParkId::new(*id)).collect()
    }

    #[test]
    fn park_counts_follow_the_filter_and_count_every_district_a_park_touches() {
        let dataset = small_dataset();
        let data = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &MapChoice::default());
        // alpha: east; beta: west and east; gamma: west.
        assert_eq!(data.value_of(&DistrictId::new("east")), Some(2.0));
        assert_eq!(data.value_of(&DistrictId::new("west")), Some(2.0));
        let filtered = MapData::new(&dataset, &ids(&["gamma"]), &MapChoice::default());
        assert_eq!(filtered.value_of(&DistrictId::new("east")), Some(0.0), "none match: a real zero");
        assert_eq!(filtered.markers.iter().filter(|m| m.in_filter).count(), 0, "gamma has no location");
    }

    #[test]
    fn metric_sums_use_each_park_once_and_missing_is_no_data() {
        let dataset = small_dataset();
        let choice =
            MapChoice { value: DistrictValue::MetricSum(MetricId::new("planned_area")), ..MapChoice::default() };
        let data = MapData::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &choice);
        // alpha 26.1 in east; beta 10 counts in west, its first district; gamma has no area.
        assert_eq!(data.value_of(&DistrictId::new("east")), Some(26.1));
        assert_eq!(data.value_of(&DistrictId::new("west")), Some(10.0));
        let only_gamma = MapData::new(&dataset, &ids(&["gamma"]), &choice);
        assert_eq!(only_gamma.value_of(&DistrictId::new("west")), None, "no figure: no data, not zero");
        assert_eq!(only_gamma.no_data_count(), 2);
        assert!(only_gamma.classes.is_none());
    }

    #[test]
    fn markers_are_sized_by_area_and_dimmed_outside_the_filter() {
        let dataset = small_dataset();
        let data = MapData::new(&dataset, &ids(&["beta"]), &MapChoice::default());
        let alpha = data.markers.iter().find(|m| m.park.as_str() == "alpha").expect("alpha has a location");
        assert!(!alpha.in_filter);
        assert_eq!(alpha.value, Some(1382.0));
        assert!((data.marker_radius(alpha) - 24.0).abs() < 1e-6, "the largest gets the largest radius");
    }
}
