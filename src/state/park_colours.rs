//! Which parks a chart or the map draws in colour, and which colour each gets. Colour carries
//! identity for a few parks only: the pinned ones, the selected one, then the largest shown, up
//! to [`COLOURED_PARKS`]; every other park is grey context, named by a label, an axis or a
//! tooltip.
//!
//! A colour is a *slot* of the theme's categorical palette (`theme::series_colour` turns it into
//! a colour). The slots are a pure function of what the user chose, never of what was shown
//! before, so a view looks the same however it was reached (another plot first, a scale turned
//! on and off, a slide presented again, the app restarted on it):
//!
//! - the pinned parks take the first slots, in pin order, in every view, whether it shows them
//!   or not: the first pin always has the first colour;
//! - the selected park, unless pinned, takes the next slot, in every view;
//! - the slots left go to the largest parks passing the filter by the plotted metric, in their
//!   rank among all those parks, not only among the ones a view can draw. The time series and
//!   the scatter rank by the same latest figures, so where both colour a park (on one metric)
//!   it has one colour, and a park the scatter cannot draw leaves its colour unused rather than
//!   lend it to another park. Ranking only among the drawn parks would colour more points, but
//!   would make the second largest park blue in one chart and red in the next.
//!
//! The pins' and the selection's slots are the same in every view (bars, time series, scatter,
//! map); the largest parks' are the same in every view ranking by the same metric. A view that
//! ranks by another metric can give a park another colour: with seven colours and more parks
//! than that across views, no rule can keep them all apart.
//! No egui here.

use crate::model::ParkId;

/// How many parks a chart colours at most: the size of the theme's categorical palette.
/// Beyond about seven, hues stop being told apart, above all by readers with a colour-vision
/// deficiency (`research/chart-design.md` §2.1).
pub const COLOURED_PARKS: usize = 7;

/// The coloured parks of a view, most important first, each with its palette slot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParkColours {
    /// Most important first (the order labels are kept in when space runs out); each slot is
    /// below [`COLOURED_PARKS`] and used once.
    slots: Vec<(ParkId, usize)>,
}

impl ParkColours {
    /// The colours of a view that draws `shown`: the pinned parks it shows, then the selected
    /// park if it shows it, then the parks of `largest_first` it shows, each in the slot the
    /// module's rule gives it (see the module docs). `largest_first` ranks the parks passing
    /// the filter (not only the shown ones) by the view's metric; a view that colours only
    /// what the user picked (the bars, the map) passes none.
    pub fn for_view(shown: &[ParkId], pinned: &[ParkId], selected: Option<&ParkId>, largest_first: &[ParkId]) -> Self {
        let plan = slot_plan(pinned, selected, largest_first);
        // The planned parks, most important first: pins, the selection, then by rank. The plan
        // has at most a palette of parks, so the look-ups in `shown` (which may be thousands
        // of parks) stop early.
        let mut slots = Vec::with_capacity(plan.len());
        let mut planned_left = plan.len();
        let mut visited: Vec<&ParkId> = Vec::with_capacity(plan.len());
        for id in pinned.iter().chain(selected).chain(largest_first) {
            if planned_left == 0 {
                break;
            }
            if visited.contains(&id) {
                continue;
            }
            let Some(slot) = plan.iter().find(|(planned, _)| planned == id).map(|(_, slot)| *slot) else { continue };
            visited.push(id);
            planned_left -= 1;
            if shown.contains(id) {
                slots.push((id.clone(), slot));
            }
        }
        Self { slots }
    }

    /// The palette slot of `park`, if it is coloured.
    pub fn slot(&self, park: &ParkId) -> Option<usize> {
        self.slots.iter().find(|(id, _)| id == park).map(|(_, slot)| *slot)
    }

    /// How important `park` is among the coloured ones: 0 for the most important; `None` when
    /// it is grey.
    pub fn rank(&self, park: &ParkId) -> Option<usize> {
        self.slots.iter().position(|(id, _)| id == park)
    }

    /// The coloured parks, most important first.
    pub fn parks(&self) -> impl Iterator<Item = &ParkId> {
        self.slots.iter().map(|(id, _)| id)
    }

    /// How many parks are coloured.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether no park is coloured.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

/// The slot of every park any view could colour in this state, whether a given view shows it
/// or not: pin `i` has slot `i`; the selected park (unless pinned) the first slot after the
/// pins; the parks of `largest_first` (pins left out) the slots left, in rank order.
///
/// Selecting a park must not recolour the chart under the pointer, so the selection is placed
/// with the fewest changes to the colours without it: it swaps slots with the park that held
/// the first slot after the pins. When the selection was not among the coloured parks, that
/// park takes the last place instead, and the park there (the least large) turns grey. Either
/// way, a click recolours the selected park and at most one other.
fn slot_plan(pinned: &[ParkId], selected: Option<&ParkId>, largest_first: &[ParkId]) -> Vec<(ParkId, usize)> {
    let pins = pinned.len().min(COLOURED_PARKS);
    let mut plan: Vec<(ParkId, usize)> = pinned.iter().take(pins).cloned().zip(0..).collect();
    let free = COLOURED_PARKS - pins;
    let mut others: Vec<&ParkId> = largest_first.iter().filter(|id| !pinned.contains(id)).take(free).collect();
    if let Some(selected) = selected.filter(|id| !pinned.contains(id))
        && free > 0
    {
        if let Some(at) = others.iter().position(|id| *id == selected) {
            others.swap(0, at);
        } else {
            let mut placed = vec![selected];
            if let Some((first, rest)) = others.split_first() {
                placed.extend(rest.iter().take(free.saturating_sub(2)));
                if placed.len() < free {
                    placed.push(first);
                }
            }
            others = placed;
        }
    }
    plan.extend(others.into_iter().cloned().zip(pins..COLOURED_PARKS));
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<ParkId> {
        list.iter().map(|id| ParkId::new(*id)).collect()
    }

    fn slots(colours: &ParkColours, parks: &[&str]) -> Vec<Option<usize>> {
        parks.iter().map(|id| colours.slot(&ParkId::new(*id))).collect()
    }

    #[test]
    fn pins_come_first_then_the_selection_then_the_largest() {
        let shown = ids(&["a", "b", "c", "d", "e"]);
        let colours = ParkColours::for_view(&shown, &ids(&["d", "x"]), Some(&ParkId::new("c")), &ids(&["a", "c", "b"]));
        let parks: Vec<&ParkId> = colours.parks().collect();
        assert_eq!(parks, ids(&["d", "c", "a", "b"]).iter().collect::<Vec<_>>(), "x is pinned but not shown");
        assert_eq!(slots(&colours, &["d", "c", "a", "b", "x", "e"]), [Some(0), Some(2), Some(3), Some(4), None, None]);
    }

    #[test]
    fn a_pin_has_its_pins_slot_in_every_view() {
        let pinned = ids(&["p", "q", "r"]);
        let largest = ids(&["big", "r", "p", "next"]);
        for shown in [ids(&["r"]), ids(&["q", "r", "big"]), ids(&["big", "next", "r", "p"])] {
            for ranked in [&largest[..], &[]] {
                let colours = ParkColours::for_view(&shown, &pinned, None, ranked);
                assert_eq!(colours.slot(&ParkId::new("r")), Some(2), "the third pin, shown with {shown:?}");
            }
        }
        let colours = ParkColours::for_view(&largest, &pinned, None, &largest);
        assert_eq!(slots(&colours, &["big", "next"]), [Some(3), Some(4)], "the largest take the slots left");
    }

    #[test]
    fn the_selection_has_one_slot_in_every_view() {
        let pinned = ids(&["p"]);
        let selected = ParkId::new("s");
        let largest = ids(&["a", "b", "s", "c"]);
        for (shown, ranked) in
            [(ids(&["s"]), &[][..]), (ids(&["a", "s"]), &largest[..]), (largest.clone(), &largest[..])]
        {
            let colours = ParkColours::for_view(&shown, &pinned, Some(&selected), ranked);
            assert_eq!(colours.slot(&selected), Some(1), "right after the one pin");
        }
    }

    #[test]
    fn views_ranking_by_one_metric_give_a_park_one_colour() {
        // The parks passing the filter, largest first; one chart draws all of them, another
        // only those with a second figure.
        let largest = ids(&["h", "c", "f", "s", "ch", "x", "d", "m", "dx"]);
        let all = ParkColours::for_view(&largest, &[], None, &largest);
        let some = ParkColours::for_view(&ids(&["c", "f", "ch", "x", "d", "m", "dx"]), &[], None, &largest);
        for park in some.parks() {
            assert_eq!(some.slot(park), all.slot(park), "{park:?}");
        }
        assert_eq!(some.slot(&ParkId::new("c")), Some(1), "h is not drawn, and its colour goes to nobody else");
        assert_eq!(some.slot(&ParkId::new("m")), None, "eighth largest: grey");
        assert_eq!(all.len(), COLOURED_PARKS);
    }

    #[test]
    fn selecting_a_park_recolours_at_most_one_other() {
        let largest: Vec<ParkId> = (0..10).map(|i| ParkId::new(format!("p{i}"))).collect();
        for pinned in [vec![], ids(&["p3"]), ids(&["p9", "p0"])] {
            let before = ParkColours::for_view(&largest, &pinned, None, &largest);
            for selected in largest.iter().filter(|id| !pinned.contains(id)) {
                let after = ParkColours::for_view(&largest, &pinned, Some(selected), &largest);
                assert_eq!(after.slot(selected), Some(pinned.len()), "{selected:?} takes the slot after the pins");
                let recoloured: Vec<&ParkId> = before
                    .parks()
                    .filter(|id| *id != selected && after.slot(id).is_some() && after.slot(id) != before.slot(id))
                    .collect();
                assert!(recoloured.len() <= 1, "pins {pinned:?}, selected {selected:?}: {recoloured:?}");
                let greyed = before.parks().filter(|id| after.slot(id).is_none()).count();
                let was_coloured = before.slot(selected).is_some();
                assert_eq!(greyed, usize::from(!was_coloured), "one park makes room only for a new one");
            }
        }
    }

    #[test]
    fn no_two_coloured_parks_share_a_slot() {
        let many: Vec<ParkId> = (0..12).map(|i| ParkId::new(format!("p{i}"))).collect();
        for (pinned, selected) in [(vec![], None), (ids(&["p11", "p2"]), Some(&many[7])), (many[..7].to_vec(), None)] {
            let colours = ParkColours::for_view(&many, &pinned, selected, &many);
            assert_eq!(colours.len(), COLOURED_PARKS);
            let mut taken: Vec<usize> = colours.parks().filter_map(|id| colours.slot(id)).collect();
            taken.sort_unstable();
            assert_eq!(taken, (0..COLOURED_PARKS).collect::<Vec<_>>(), "pins {pinned:?}");
        }
        let eight: Vec<ParkId> = many[..8].to_vec();
        let colours = ParkColours::for_view(&many, &many[..7], Some(&many[8]), &eight);
        assert_eq!(colours.slot(&many[8]), None, "seven pins leave no colour for the selection");
    }
}
