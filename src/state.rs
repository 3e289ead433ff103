//! The UI state shared by every view (language, theme, search, sort, selection) and the pure
//! functions that derive what the views show from it.
//!
//! Plain data: no egui here, so everything can be unit-tested without a window.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Language, MetricId, Park, ParkId};

/// Metric shown in the park table's area column.
pub const AREA_METRIC: &str = "planned_area";
/// Metric shown in the park table's income column.
pub const INCOME_METRIC: &str = "total_income";
/// Metric shown in the park table's enterprise column.
pub const ENTERPRISES_METRIC: &str = "high_tech_enterprises";

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

/// A column of the park table that can be sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortColumn {
    /// The park's name in the current language.
    #[default]
    Name,
    /// The name of the park's first district.
    District,
    /// Latest planned area.
    Area,
    /// Latest total income.
    Income,
    /// Latest count of high-tech enterprises.
    Enterprises,
}

impl SortColumn {
    /// The metric behind a numeric column.
    pub fn metric(self) -> Option<MetricId> {
        match self {
            Self::Name | Self::District => None,
            Self::Area => Some(MetricId::new(AREA_METRIC)),
            Self::Income => Some(MetricId::new(INCOME_METRIC)),
            Self::Enterprises => Some(MetricId::new(ENTERPRISES_METRIC)),
        }
    }
}

/// How the park table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    pub fn clicked(self, column: SortColumn) -> Self {
        if self.column == column {
            Self { column, descending: !self.descending }
        } else {
            Self { column, descending: column.metric().is_some() }
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
    /// Text typed in the search box.
    pub search: String,
    /// How the park table is sorted.
    pub sort: TableSort,
    /// The park shown in the profile.
    pub selected: Option<ParkId>,
}

/// Something a view asks the app to do; applied after every panel is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show this park in the profile.
    Select(ParkId),
    /// The user clicked a column header.
    SortBy(SortColumn),
    /// Switch the language.
    SetLanguage(Language),
    /// Switch the theme.
    SetTheme(ThemeChoice),
    /// Put the keyboard focus in the search box.
    FocusSearch,
}

impl AppState {
    /// Applies one action that only changes this state.
    pub fn apply(&mut self, action: &Action) {
        match action {
            Action::Select(id) => self.selected = Some(id.clone()),
            Action::SortBy(column) => self.sort = self.sort.clicked(*column),
            Action::SetLanguage(language) => self.language = *language,
            Action::SetTheme(theme) => self.theme = *theme,
            Action::FocusSearch => {}
        }
    }

    /// Drops a selection that names a park the dataset does not have (after loading another
    /// file, or from a persisted state).
    pub fn forget_missing(&mut self, dataset: &Dataset) {
        if self.selected.as_ref().is_some_and(|id| dataset.park(id).is_none()) {
            self.selected = None;
        }
    }
}

/// Whether `park`'s English or Chinese name contains `query`, ignoring case and surrounding
/// blanks. An empty query matches every park.
pub fn matches_search(park: &Park, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty()
        || park.name.en.to_lowercase().contains(&query)
        || park.name.zh.contains(&query)
        || park.id.as_str().contains(&query)
}

/// The parks to list, in table order: those matching `search`, sorted by `sort`.
///
/// Parks without a value for a numeric column come last in either direction, because "no data"
/// is not the smallest value. Ties keep dataset order.
pub fn visible_parks(dataset: &Dataset, search: &str, sort: TableSort, language: Language) -> Vec<ParkId> {
    let mut parks: Vec<&Park> = dataset.parks.iter().filter(|p| matches_search(p, search)).collect();
    if let Some(metric) = sort.column.metric() {
        let value = |park: &Park| dataset.latest(park, &metric).map(|f| f.observation.value);
        parks.sort_by(|a, b| compare_missing_last(value(a), value(b), sort.descending));
    } else {
        let key = |park: &Park| match sort.column {
            SortColumn::District => park
                .districts
                .first()
                .and_then(|id| dataset.district(id))
                .map(|d| d.name.get(language).to_owned())
                .unwrap_or_default(),
            _ => park.name.get(language).to_owned(),
        };
        parks.sort_by_cached_key(|p| key(p));
        if sort.descending {
            parks.reverse();
        }
    }
    parks.into_iter().map(|p| p.id.clone()).collect()
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

    fn ids(parks: &[ParkId]) -> Vec<&str> {
        parks.iter().map(ParkId::as_str).collect()
    }

    #[test]
    fn sorting_by_area_puts_largest_first_and_missing_last() {
        let dataset = small_dataset();
        let sort = TableSort::default().clicked(SortColumn::Area);
        assert!(sort.descending);
        let parks = visible_parks(&dataset, "", sort, Language::En);
        assert_eq!(ids(&parks), ["alpha", "beta", "gamma"]);
        let reversed = visible_parks(&dataset, "", sort.clicked(SortColumn::Area), Language::En);
        assert_eq!(ids(&reversed), ["beta", "alpha", "gamma"], "no data stays last when reversed");
    }

    #[test]
    fn sorting_by_name_follows_the_language() {
        let dataset = small_dataset();
        let sort = TableSort { column: SortColumn::Name, descending: false };
        assert_eq!(ids(&visible_parks(&dataset, "", sort, Language::En)), ["alpha", "beta", "gamma"]);
        let reversed = TableSort { descending: true, ..sort };
        assert_eq!(ids(&visible_parks(&dataset, "", reversed, Language::En)), ["gamma", "beta", "alpha"]);
    }

    #[test]
    fn search_matches_english_case_insensitively_and_chinese() {
        let dataset = small_dataset();
        let sort = TableSort::default();
        assert_eq!(ids(&visible_parks(&dataset, "  ALPHA ", sort, Language::En)), ["alpha"]);
        assert_eq!(ids(&visible_parks(&dataset, "乙", sort, Language::En)), ["beta"]);
        assert!(visible_parks(&dataset, "nothing like it", sort, Language::En).is_empty());
        assert_eq!(visible_parks(&dataset, "", sort, Language::En).len(), 3);
    }

    #[test]
    fn latest_figure_skips_targets_and_prefers_whole_years() {
        let dataset = small_dataset();
        let park = dataset.park(&ParkId::new("alpha")).expect("fixture park");
        let latest = dataset.latest(park, &MetricId::new(INCOME_METRIC)).expect("alpha has income");
        assert_eq!((latest.observation.year, latest.observation.value), (2018, 630.0));
    }

    #[test]
    fn a_selection_the_dataset_lacks_is_dropped() {
        let dataset = small_dataset();
        let mut state = AppState { selected: Some(ParkId::new("gone")), ..AppState::default() };
        state.forget_missing(&dataset);
        assert_eq!(state.selected, None);
        state.apply(&Action::Select(ParkId::new("beta")));
        state.forget_missing(&dataset);
        assert_eq!(state.selected, Some(ParkId::new("beta")));
    }
}
