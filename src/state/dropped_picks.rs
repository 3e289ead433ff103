//! Pins and a selection that a reload dropped because their park was gone from the file, kept
//! until a later reload brings the park back: an id mistyped while editing the watched file, then
//! mended, must not lose the user's pins and selection for good. No egui here.

use super::{AppState, MAX_PINS};
use crate::model::{Dataset, ParkId};

/// What reloads dropped and may yet put back.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct DroppedPicks {
    /// The selection dropped, if the park selected now is none.
    selected: Option<ParkId>,
    /// Pins dropped, each with its place among the pins.
    pinned: Vec<(usize, ParkId)>,
}

impl DroppedPicks {
    /// Notes the pins and selection `before` had that `after` (the same state once the reload
    /// dropped the ids it lacks) has not. Returns whether it noted any.
    pub fn note(&mut self, before: &AppState, after: &AppState) -> bool {
        let mut noted = false;
        if let Some(selected) = &before.selected
            && after.selected.is_none()
            && self.selected.as_ref() != Some(selected)
        {
            self.selected = Some(selected.clone());
            noted = true;
        }
        for (place, id) in before.pinned.iter().enumerate() {
            if !after.pinned.contains(id) && !self.pinned.iter().any(|(_, kept)| kept == id) {
                self.pinned.push((place, id.clone()));
                noted = true;
            }
        }
        noted
    }

    /// Puts back into `state` what `dataset` has again: each pin at its old place (once there
    /// is room for it), the selection unless another park was selected since. Returns the parks
    /// put back; what is still missing, or finds the pins full, stays kept.
    pub fn restore(&mut self, state: &mut AppState, dataset: &Dataset) -> Vec<ParkId> {
        let mut restored = Vec::new();
        let back = |id: &ParkId| dataset.park(id).is_some();
        if let Some(selected) = self.selected.take_if(|id| back(id))
            && state.selected.is_none()
        {
            state.selected = Some(selected.clone());
            restored.push(selected);
        }
        let mut kept = Vec::new();
        for (place, id) in std::mem::take(&mut self.pinned) {
            if state.pinned.contains(&id) {
                continue;
            }
            // Kept while it is missing, or while the pins are full: it comes back when there
            // is room, as the notice promised.
            if !back(&id) || state.pinned.len() >= MAX_PINS {
                kept.push((place, id));
                continue;
            }
            state.pinned.insert(place.min(state.pinned.len()), id.clone());
            if !restored.contains(&id) {
                restored.push(id);
            }
        }
        self.pinned = kept;
        restored
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.selected.is_none() && self.pinned.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;

    fn ids(list: &[&str]) -> Vec<ParkId> {
        list.iter().map(|id| ParkId::new(*id)).collect()
    }

    /// A park renamed by a typo and back: its pin returns to its place and it is selected
    /// again; what the user did meanwhile stays.
    #[test]
    fn a_park_that_comes_back_is_pinned_and_selected_again() {
        let dataset = small_dataset();
        let mut state = AppState { selected: Some(ParkId::new("beta")), ..AppState::default() };
        state.pinned = ids(&["alpha", "beta", "gamma"]);
        let before = state.clone();
        let typo = crate::model::tests::SMALL_RON.replacen(r#"id: "beta""#, r#"id: "betax""#, 1);
        let without_beta = crate::model::load_dataset(&typo, "typo.ron").expect("valid");
        state.forget_missing(&without_beta);
        let mut dropped = DroppedPicks::default();
        assert!(dropped.note(&before, &state), "the pin and the selection");
        assert!(!dropped.note(&before, &state), "nothing new the second time");
        assert_eq!((state.pinned.clone(), state.selected.clone()), (ids(&["alpha", "gamma"]), None));

        // A reload still without it puts nothing back and forgets nothing.
        assert!(dropped.restore(&mut state, &without_beta).is_empty());
        assert!(!dropped.is_empty());

        // Meanwhile the user unpins gamma; the mended file brings beta back.
        state.pinned.retain(|id| id.as_str() != "gamma");
        assert_eq!(dropped.restore(&mut state, &dataset), ids(&["beta"]));
        assert_eq!(state.pinned, ids(&["alpha", "beta"]), "at its place, gamma still unpinned");
        assert_eq!(state.selected, Some(ParkId::new("beta")));
        assert!(dropped.is_empty());
    }

    /// A pin that comes back to full pins waits for room rather than being lost.
    #[test]
    fn a_pin_back_to_full_pins_waits_for_room() {
        let dataset = small_dataset();
        let mut dropped = DroppedPicks::default();
        let before = AppState { pinned: ids(&["beta"]), ..AppState::default() };
        assert!(dropped.note(&before, &AppState::default()));
        let full: Vec<ParkId> = (0..MAX_PINS).map(|i| ParkId::new(format!("p{i}"))).collect();
        let mut state = AppState { pinned: full, ..AppState::default() };
        assert!(dropped.restore(&mut state, &dataset).is_empty());
        assert!(!dropped.is_empty(), "still kept");
        state.pinned.pop();
        assert_eq!(dropped.restore(&mut state, &dataset), ids(&["beta"]));
        assert_eq!(state.pinned.first(), Some(&ParkId::new("beta")), "at its place");
    }

    /// A selection made since the park went missing is the user's: it is not replaced.
    #[test]
    fn a_selection_made_meanwhile_stays() {
        let dataset = small_dataset();
        let mut dropped = DroppedPicks::default();
        let before = AppState { selected: Some(ParkId::new("beta")), ..AppState::default() };
        dropped.note(&before, &AppState::default());
        let mut state = AppState { selected: Some(ParkId::new("alpha")), ..AppState::default() };
        assert!(dropped.restore(&mut state, &dataset).is_empty());
        assert_eq!(state.selected, Some(ParkId::new("alpha")));
    }
}
