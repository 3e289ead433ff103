//! What changed between two versions of a dataset, for the message after a reload.

use std::collections::{BTreeMap, BTreeSet};

use super::{Dataset, MetricId, Observation, ParkId, Period, SourceId};

/// Counts of what a reload added, removed and changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DatasetDiff {
    /// Parks in the new version only.
    pub parks_added: Vec<ParkId>,
    /// Parks in the old version only.
    pub parks_removed: Vec<ParkId>,
    /// Figures in the new version only.
    pub figures_added: usize,
    /// Figures in the old version only.
    pub figures_removed: usize,
    /// Figures of the same park, metric, year, period and source whose value, qualifier, ground
    /// or note changed.
    pub figures_changed: usize,
}

impl DatasetDiff {
    /// Whether nothing that the counts cover changed.
    pub fn is_empty(&self) -> bool {
        self.parks_added.is_empty()
            && self.parks_removed.is_empty()
            && self.figures_added == 0
            && self.figures_removed == 0
            && self.figures_changed == 0
    }
}

/// A figure's identity across versions: two parts of a park (see [`Observation::part`]) may
/// have figures of one year from one source.
type FigureKey = (ParkId, MetricId, i32, Option<Period>, SourceId, Option<(String, String)>);

fn figures(dataset: &Dataset) -> BTreeMap<FigureKey, Vec<&Observation>> {
    let mut map: BTreeMap<FigureKey, Vec<&Observation>> = BTreeMap::new();
    for park in &dataset.parks {
        for obs in &park.observations {
            let part = obs.part.as_ref().map(|part| (part.en.clone(), part.zh.clone()));
            let key = (park.id.clone(), obs.metric.clone(), obs.year, obs.period, obs.source.clone(), part);
            map.entry(key).or_default().push(obs);
        }
    }
    map
}

/// Compares two versions of a dataset.
pub fn diff(old: &Dataset, new: &Dataset) -> DatasetDiff {
    let old_parks: BTreeSet<&ParkId> = old.parks.iter().map(|p| &p.id).collect();
    let new_parks: BTreeSet<&ParkId> = new.parks.iter().map(|p| &p.id).collect();
    let mut result = DatasetDiff {
        parks_added: new_parks.difference(&old_parks).map(|id| (*id).clone()).collect(),
        parks_removed: old_parks.difference(&new_parks).map(|id| (*id).clone()).collect(),
        ..DatasetDiff::default()
    };
    let (before, after) = (figures(old), figures(new));
    for (key, olds) in &before {
        let news = after.get(key).map_or(&[][..], Vec::as_slice);
        let same = |a: &Observation, b: &Observation| {
            a.value.to_bits() == b.value.to_bits()
                && a.qualifier == b.qualifier
                && a.ground == b.ground
                && a.note == b.note
                && a.note_zh == b.note_zh
        };
        let paired = olds.len().min(news.len());
        result.figures_changed += olds.iter().zip(news).filter(|(a, b)| !same(a, b)).count();
        result.figures_removed += olds.len() - paired;
        result.figures_added += news.len() - paired;
    }
    result.figures_added +=
        after.iter().filter(|(key, _)| !before.contains_key(*key)).map(|(_, v)| v.len()).sum::<usize>();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_dataset;
    use crate::model::tests::{SMALL_RON, small_dataset};

    #[test]
    fn the_same_dataset_has_no_changes() {
        assert!(diff(&small_dataset(), &small_dataset()).is_empty());
        assert!(small_dataset().same_content(&small_dataset()));
    }

    /// Saying which side of a change of ground a figure covers changes what the charts draw:
    /// a changed figure, as a changed value is.
    #[test]
    fn a_figure_given_a_ground_is_changed() {
        let figure = "value: 26.1, year: 2012, source: \"s1\"";
        assert!(SMALL_RON.contains(figure));
        let edited = SMALL_RON.replacen(figure, &format!("{figure}, ground: Some(AfterChange)"), 1);
        let new = load_dataset(&edited, "edited.ron").expect("valid edit");
        assert_eq!(diff(&small_dataset(), &new).figures_changed, 1);
        assert!(!small_dataset().same_content(&new));
    }

    #[test]
    fn added_removed_and_changed_figures_and_parks_are_counted() {
        let edited = SMALL_RON
            .replacen("value: 26.1, year: 2012", "value: 27.0, year: 2012", 1)
            .replacen(
                "(metric: \"planned_area\", value: 10, year: 2012, source: \"s2\"),",
                "(metric: \"planned_area\", value: 10, year: 2012, source: \"s2\"), (metric: \"planned_area\", value: 11, year: 2013, source: \"s2\"),",
                1,
            )
            .replacen(
                "(metric: \"total_profit\", value: -2.5, year: 2018, source: \"s2\", note: Some(\"A loss.\"), note_zh: Some(\"亏损。\")),",
                "",
                1,
            )
            .replacen("id: \"gamma\"", "id: \"delta\"", 1);
        let new = load_dataset(&edited, "edited.ron").expect("valid edit");
        let changes = diff(&small_dataset(), &new);
        assert_eq!(changes.parks_added, [ParkId::new("delta")]);
        assert_eq!(changes.parks_removed, [ParkId::new("gamma")]);
        assert_eq!((changes.figures_added, changes.figures_removed, changes.figures_changed), (1, 1, 1));
    }

    /// Two parts' figures of one year from one source are two figures: removing one is a
    /// removal, not a change of the other.
    #[test]
    fn figures_of_two_parts_from_one_source_are_told_apart() {
        let part = |name: &str, value: u32| {
            format!(
                r#"(metric: "planned_area", value: {value}, year: 2001, source: "s2", part: Some((en: "{name}", zh: "{name}"))),"#
            )
        };
        let anchor = r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),"#;
        let both = SMALL_RON.replacen(anchor, &format!("{anchor} {} {}", part("Old", 3), part("New", 4)), 1);
        let one = SMALL_RON.replacen(anchor, &format!("{anchor} {}", part("New", 4)), 1);
        let (both, one) =
            (load_dataset(&both, "both.ron").expect("valid"), load_dataset(&one, "one.ron").expect("valid"));
        let changes = diff(&both, &one);
        assert_eq!((changes.figures_added, changes.figures_removed, changes.figures_changed), (0, 1, 0));
    }
}
