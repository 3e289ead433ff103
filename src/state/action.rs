//! The changes of the UI state a view can ask for, and how [`AppState`] applies them. Plain
//! data and pure functions: every action is unit-tested without a window. What has effects
//! beyond the state (files, exports, presenting) is a [`Command`](super::Command) instead.

use crate::model::{DistrictId, IndustryId, Language, ParkId};
use crate::state::{
    AppState, Chip, FilterState, MAX_PINS, MetricRange, PlotScope, SortColumn, Tab, TableMetricsChoice, ThemeChoice,
    step_selection,
};

/// A change of the UI state a view asks for; applied by [`AppState::apply`] after every panel
/// is drawn. What has effects beyond this state (files, exports, presenting) is a [`Command`](super::Command).
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show this park in the profile.
    Select(ParkId),
    /// Close the profile: no park is selected.
    ClearSelection,
    /// Move the selection up (`-1`) or down (`1`) the list of parks shown.
    StepSelection(isize),
    /// Pin the park if it is not pinned, unpin it if it is.
    TogglePin(ParkId),
    /// Pin or unpin the selected park.
    TogglePinSelected,
    /// Unpin every park.
    ClearPins,
    /// Pin exactly these parks (at most [`MAX_PINS`], the first ones) and show
    /// them on the Compare view: "Compare with peers".
    CompareParks(Vec<ParkId>),
    /// Pin exactly these parks (at most [`MAX_PINS`], the first ones), the view unchanged: the
    /// pins "Compare with peers" replaced, restored.
    PinParks(Vec<ParkId>),
    /// The pointer is over this park in some view.
    Hover(ParkId),
    /// The user clicked a column header.
    SortBy(SortColumn),
    /// Show these metric columns in the park table (a choice in its columns menu).
    ChooseTableMetrics(TableMetricsChoice),
    /// Remove one active filter.
    RemoveChip(Chip),
    /// Remove every filter, the search included.
    ResetFilters,
    /// Add or remove an industry from the industry filter.
    ToggleIndustry(IndustryId),
    /// Add or remove a district from the district filter.
    ToggleDistrict(DistrictId),
    /// Add this range filter (made by [`MetricRange::spanning`], so it hides nothing at first).
    AddRange(MetricRange),
    /// Show only this industry (a click on a matrix column header).
    FilterIndustry(IndustryId),
    /// Switch the main view.
    ShowTab(Tab),
    /// Esc: clear the search; without one, the filters; without either, close the profile
    /// (the selection), the last thing a keyboard could not otherwise take back.
    StepBack,
    /// Switch the language.
    SetLanguage(Language),
    /// Switch the theme.
    SetTheme(ThemeChoice),
}

/// What happened when the user asked to pin a park.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinOutcome {
    /// It is now pinned.
    Pinned,
    /// It was pinned and is not any more.
    Unpinned,
    /// Nothing changed: [`MAX_PINS`] parks are pinned already.
    Full,
}

impl AppState {
    /// Applies one action. `visible` is the list the table shows, for moving the selection.
    /// Returns what a pin request did, if the action was one.
    pub fn apply(&mut self, action: &Action, visible: &[ParkId]) -> Option<PinOutcome> {
        let selected_before = self.selected.clone();
        let outcome = self.apply_action(action, visible);
        // A park chosen, or the profile closed, by the user ends the wait for a park the
        // filter hid.
        if self.selected != selected_before {
            self.selection_hidden_by_filter = None;
        }
        outcome
    }

    #[deny(clippy::wildcard_enum_match_arm, reason = "a new action must be handled here, not ignored")]
    fn apply_action(&mut self, action: &Action, visible: &[ParkId]) -> Option<PinOutcome> {
        match action {
            Action::Select(id) => self.selected = Some(id.clone()),
            Action::ClearSelection => self.selected = None,
            Action::StepSelection(step) => self.selected = step_selection(visible, self.selected.as_ref(), *step),
            Action::TogglePin(id) => return Some(self.toggle_pin(id)),
            Action::TogglePinSelected => {
                let id = self.selected.clone()?;
                return Some(self.toggle_pin(&id));
            }
            Action::ClearPins => self.pinned.clear(),
            Action::CompareParks(parks) => {
                self.pin_exactly(parks);
                self.plot.scope = PlotScope::Pinned;
                self.tab = Tab::Compare;
            }
            Action::PinParks(parks) => self.pin_exactly(parks),
            Action::Hover(id) => self.hovered = Some(id.clone()),
            Action::SortBy(column) => self.sort = self.sort.clicked(column.clone()),
            Action::ChooseTableMetrics(choice) => choice.apply_to(self),
            Action::RemoveChip(chip) => self.filter.remove(chip),
            Action::ResetFilters => self.filter = FilterState::default(),
            Action::ToggleIndustry(id) => toggle(&mut self.filter.industries, id),
            Action::ToggleDistrict(id) => toggle(&mut self.filter.districts, id),
            Action::AddRange(range) => self.filter.ranges.push(range.clone()),
            Action::FilterIndustry(id) => self.filter.industries = [id.clone()].into(),
            Action::ShowTab(tab) => self.tab = *tab,
            Action::StepBack => {
                if !self.filter.clear_search_then_filters() {
                    self.selected = None;
                }
            }
            Action::SetLanguage(language) => self.language = *language,
            Action::SetTheme(theme) => self.theme = *theme,
        }
        None
    }
}

impl AppState {
    /// Pins `parks` in their order, each once, and no others: at most [`MAX_PINS`].
    fn pin_exactly(&mut self, parks: &[ParkId]) {
        self.pinned.clear();
        for id in parks {
            if !self.pinned.contains(id) && self.pinned.len() < MAX_PINS {
                self.pinned.push(id.clone());
            }
        }
    }
}

/// Puts `id` into `set`, or takes it out if it is there.
fn toggle<T: Ord + Clone>(set: &mut std::collections::BTreeSet<T>, id: &T) {
    if !set.remove(id) {
        set.insert(id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MetricId;
    use crate::model::tests::small_dataset;
    use crate::state::TableSort;

    #[test]
    fn filter_actions_add_and_remove_filters_in_one_way() {
        let dataset = small_dataset();
        let mut state = AppState::default();
        let ai = IndustryId::new("ai");
        let district = DistrictId::new("west");
        let area = MetricRange::spanning(&dataset, MetricId::new("planned_area"));
        for action in [
            Action::ToggleIndustry(ai.clone()),
            Action::ToggleDistrict(district.clone()),
            Action::AddRange(area.clone()),
        ] {
            state.apply(&action, &[]);
        }
        state.filter.search = "alpha".to_owned();
        assert_eq!(state.filter.industries, [ai.clone()].into());
        assert_eq!(state.filter.districts, [district.clone()].into());
        assert_eq!(state.filter.ranges, [area]);
        // The filter panel's "×" and the chip above the table remove a range the same way.
        state.apply(&Action::RemoveChip(Chip::Range(0)), &[]);
        assert!(state.filter.ranges.is_empty());
        state.apply(&Action::RemoveChip(Chip::Search("alpha".to_owned())), &[]);
        assert_eq!(state.filter.search, "", "the search box's × clears the search");
        state.apply(&Action::ToggleIndustry(ai), &[]);
        assert!(state.filter.industries.is_empty(), "a second toggle takes the industry out");
        state.selected = Some(ParkId::new("alpha"));
        state.apply(&Action::StepBack, &[]);
        assert!(!state.filter.is_active(), "Esc without a search clears the other filters");
        assert_eq!(state.selected, Some(ParkId::new("alpha")), "and leaves the profile open");
        state.apply(&Action::StepBack, &[]);
        assert_eq!(state.selected, None, "Esc with nothing filtered closes the profile");
    }

    #[test]
    fn a_matrix_click_filters_by_one_industry_and_reset_clears_everything() {
        let mut state = AppState::default();
        state.filter.industries = [IndustryId::new("biomed")].into();
        state.apply(&Action::FilterIndustry(IndustryId::new("ai")), &[]);
        assert_eq!(state.filter.industries, [IndustryId::new("ai")].into());
        state.filter.search = "x".to_owned();
        state.apply(&Action::ResetFilters, &[]);
        assert_eq!(state.filter, FilterState::default());
    }

    #[test]
    fn comparing_a_set_of_parks_pins_exactly_them_and_opens_the_comparison() {
        let mut state = AppState { pinned: vec![ParkId::new("old")], ..AppState::default() };
        let park = |i: usize| ParkId::new(format!("p{i}"));
        let parks: Vec<ParkId> = (0..MAX_PINS + 2).map(park).collect();
        state.apply(&Action::CompareParks(parks[..3].to_vec()), &[]);
        assert_eq!(state.pinned, parks[..3], "the parks pinned before are replaced");
        assert_eq!((state.tab, state.plot.scope), (Tab::Compare, PlotScope::Pinned));
        state.apply(&Action::CompareParks(parks.clone()), &[]);
        assert_eq!(state.pinned, parks[..MAX_PINS], "never more than the palette holds");
        // The pins replaced come back as they were, and the view stays where it is.
        state.tab = Tab::Map;
        state.apply(&Action::PinParks(vec![ParkId::new("old")]), &[]);
        assert_eq!((state.pinned.as_slice(), state.tab), ([ParkId::new("old")].as_slice(), Tab::Map));
    }

    #[test]
    fn view_actions_change_tab_sort_language_theme_and_hover() {
        let mut state = AppState::default();
        state.apply(&Action::ShowTab(Tab::Map), &[]);
        state.apply(&Action::SortBy(SortColumn::Figure(MetricId::new("total_income"))), &[]);
        state.apply(&Action::SetLanguage(Language::Zh), &[]);
        state.apply(&Action::SetTheme(ThemeChoice::Dark), &[]);
        state.apply(&Action::Hover(ParkId::new("beta")), &[]);
        assert_eq!(
            (state.tab, state.sort.clone(), state.language),
            (Tab::Map, TableSort::default().clicked(SortColumn::Figure(MetricId::new("total_income"))), Language::Zh)
        );
        assert_eq!((state.theme, state.hovered.as_ref()), (ThemeChoice::Dark, Some(&ParkId::new("beta"))));
        let list = [ParkId::new("a"), ParkId::new("b")];
        state.apply(&Action::StepSelection(1), &list);
        state.apply(&Action::StepSelection(1), &list);
        assert_eq!(state.selected, Some(ParkId::new("b")));
        assert_eq!(state.apply(&Action::TogglePinSelected, &list), Some(PinOutcome::Pinned));
        state.apply(&Action::ClearPins, &list);
        assert!(state.pinned.is_empty());
    }
}
