//! Saved views ("slides"): what a view showed, with a title and speaker notes, and the checks a
//! deck gets against the dataset when it is loaded. No file access here (see `app::slides_file`).

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Language, ParkId};
use crate::state::map::{DistrictValue, MapChoice};
use crate::state::{AppState, FilterState, PlotChoice, Tab, TableSort};

/// Everything a slide restores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSnapshot {
    /// Which view.
    pub tab: Tab,
    /// The plot choice.
    pub plot: PlotChoice,
    /// The map choice, view included.
    pub map: MapChoice,
    /// The filter.
    pub filter: FilterState,
    /// The table's sort.
    pub sort: TableSort,
    /// Pinned parks.
    pub pinned: Vec<ParkId>,
    /// The selected park.
    pub selected: Option<ParkId>,
    /// The language.
    pub language: Language,
}

impl ViewSnapshot {
    /// What the app shows now.
    pub fn capture(state: &AppState) -> Self {
        Self {
            tab: state.tab,
            plot: state.plot.clone(),
            map: state.map.clone(),
            filter: state.filter.clone(),
            sort: state.sort,
            pinned: state.pinned.clone(),
            selected: state.selected.clone(),
            language: state.language,
        }
    }

    /// Shows this view: everything it saved replaces the app's current choice.
    pub fn restore(&self, state: &mut AppState) {
        state.tab = self.tab;
        state.plot.clone_from(&self.plot);
        state.map.clone_from(&self.map);
        state.filter.clone_from(&self.filter);
        state.sort = self.sort;
        state.pinned.clone_from(&self.pinned);
        state.selected.clone_from(&self.selected);
        state.language = self.language;
    }
}

/// One saved view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    /// The slide's title, shown large when presenting.
    pub title: String,
    /// Speaker notes, shown on request.
    #[serde(default)]
    pub notes: String,
    /// What it shows.
    pub view: ViewSnapshot,
}

/// The saved views of one dataset, in presentation order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SlideDeck {
    /// The slides.
    pub slides: Vec<Slide>,
}

impl SlideDeck {
    /// Checks every slide against `dataset`: parks, industries, districts and metrics it names
    /// that the dataset lacks are dropped, and each drop is described (slide number and title)
    /// so the user learns that a slide changed.
    pub fn check(&mut self, dataset: &Dataset) -> Vec<String> {
        let mut notices = Vec::new();
        for (i, slide) in self.slides.iter_mut().enumerate() {
            let mut state = AppState::default();
            slide.view.restore(&mut state);
            let mut dropped = state.forget_missing(dataset);
            let plot = &mut slide.view.plot;
            for metric in [&mut plot.metric, &mut plot.x_metric, &mut plot.y_metric] {
                if dataset.metric(metric).is_none() {
                    dropped.push(metric.to_string());
                    *metric = PlotChoice::default().metric;
                }
            }
            if plot.size_metric.as_ref().is_some_and(|m| dataset.metric(m).is_none()) {
                dropped.extend(plot.size_metric.take().map(|m| m.to_string()));
            }
            let map = &mut slide.view.map;
            if let DistrictValue::MetricSum(metric) = &map.value
                && dataset.metric(metric).is_none()
            {
                dropped.push(metric.to_string());
                map.value = MapChoice::default().value;
            }
            if map.marker_metric.as_ref().is_some_and(|m| dataset.metric(m).is_none()) {
                dropped.extend(map.marker_metric.take().map(|m| m.to_string()));
            }
            slide.view.filter = state.filter;
            slide.view.pinned = state.pinned;
            slide.view.selected = state.selected;
            if !dropped.is_empty() {
                notices.push(format!("slide {} \"{}\": {}", i + 1, slide.title, dropped.join(", ")));
            }
        }
        notices
    }

    /// Moves slide `from` one place up (`-1`) or down (`1`), if it can.
    pub fn shift(&mut self, from: usize, step: isize) {
        let Some(to) = from.checked_add_signed(step) else { return };
        if from < self.slides.len() && to < self.slides.len() {
            self.slides.swap(from, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MetricId;
    use crate::model::tests::small_dataset;
    use crate::state::series::PlotKind;

    #[test]
    fn a_snapshot_restores_what_was_captured() {
        let mut state = AppState { tab: Tab::Compare, ..AppState::default() };
        state.plot.kind = PlotKind::Scatter;
        state.pinned.push(ParkId::new("alpha"));
        state.filter.search = "beta".to_owned();
        let snapshot = ViewSnapshot::capture(&state);
        let mut other = AppState::default();
        snapshot.restore(&mut other);
        assert_eq!(ViewSnapshot::capture(&other), snapshot);
        assert_eq!(other.plot.kind, PlotKind::Scatter);
    }

    #[test]
    fn checking_a_deck_drops_ids_the_dataset_lacks_and_says_where() {
        let mut view =
            ViewSnapshot { pinned: vec![ParkId::new("alpha"), ParkId::new("omega")], ..ViewSnapshot::default() };
        view.plot.metric = MetricId::new("gdp");
        let mut deck = SlideDeck {
            slides: vec![
                Slide { title: "Fine".to_owned(), notes: String::new(), view: ViewSnapshot::default() },
                Slide { title: "Old".to_owned(), notes: String::new(), view },
            ],
        };
        let notices = deck.check(&small_dataset());
        assert_eq!(notices, ["slide 2 \"Old\": omega, gdp"]);
        assert_eq!(deck.slides[1].view.pinned, [ParkId::new("alpha")]);
        assert_eq!(deck.slides[1].view.plot.metric, PlotChoice::default().metric);
    }

    #[test]
    fn slides_move_up_and_down_within_the_deck() {
        let slide = |t: &str| Slide { title: t.to_owned(), notes: String::new(), view: ViewSnapshot::default() };
        let mut deck = SlideDeck { slides: vec![slide("a"), slide("b"), slide("c")] };
        deck.shift(0, 1);
        deck.shift(2, 1);
        deck.shift(0, -1);
        let titles: Vec<&str> = deck.slides.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["b", "a", "c"]);
    }
}
