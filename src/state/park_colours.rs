//! Which parks a chart draws in colour, and which colour each gets. Colour carries identity for
//! a few parks only: the pinned ones, the selected one, then the largest shown, up to
//! [`COLOURED_PARKS`]; every other park is grey context, named by a label, an axis or a tooltip.
//!
//! A colour is a *slot* of the theme's categorical palette (`theme::series_colour` turns it into
//! a colour). Slots are keyed to the park, not to its rank: a park keeps its slot for as long as
//! it stays coloured, across metric, filter and plot-kind changes, and a newly coloured park takes
//! the first free slot.
//!
//! The session has one assignment, held by [`Derived`](crate::state::derived::Derived). Each view
//! (a chart, the map) colours its parks through it with [`ParkColours::colour`], which adds them
//! to it and hands back their slots, so a park has the same colour in the charts and on the map.
//! No egui here.

use crate::model::ParkId;

/// How many parks a chart colours at most: the size of the theme's categorical palette.
/// Beyond about seven, hues stop being told apart, above all by readers with a colour-vision
/// deficiency (`research/chart-design.md` §2.1).
pub const COLOURED_PARKS: usize = 7;

/// The coloured parks of a chart, most important first, each with its palette slot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParkColours {
    /// Most important first (the order labels are kept in when space runs out); each slot is
    /// below [`COLOURED_PARKS`] and used once.
    slots: Vec<(ParkId, usize)>,
}

impl ParkColours {
    /// Colours `chosen` (most important first; at most [`COLOURED_PARKS`] are used). A park that
    /// `previous` coloured keeps its slot; the others take the lowest free slots in order.
    pub fn assign(chosen: &[ParkId], previous: &Self) -> Self {
        let chosen: Vec<&ParkId> = chosen.iter().take(COLOURED_PARKS).collect();
        let mut kept: Vec<Option<usize>> = chosen.iter().map(|id| previous.slot(id)).collect();
        let mut taken = [false; COLOURED_PARKS];
        for slot in kept.iter().flatten() {
            if let Some(used) = taken.get_mut(*slot) {
                *used = true;
            }
        }
        for slot in kept.iter_mut().filter(|slot| slot.is_none()) {
            let free = taken.iter().position(|used| !used);
            if let Some(free) = free
                && let Some(used) = taken.get_mut(free)
            {
                *used = true;
                *slot = Some(free);
            }
        }
        let slots = chosen.into_iter().zip(kept).filter_map(|(id, slot)| Some((id.clone(), slot?))).collect();
        Self { slots }
    }

    /// Colours `chosen` (a view's coloured parks, most important first) in the session's
    /// assignment `self`, and returns the view's colours: `chosen`, in their order, with their
    /// slots. The pinned parks, then the selected one, keep first claim on the palette in every
    /// view, whether it shows them or not, so a slot one view hands out is never the colour
    /// another view shows a different park in; `chosen` come next, then the parks coloured
    /// before (see [`Self::with_first`]).
    #[must_use]
    pub fn colour(&mut self, pinned: &[ParkId], selected: Option<&ParkId>, chosen: &[ParkId]) -> Self {
        *self = self.with_first(pinned.iter().chain(selected).chain(chosen));
        self.only(chosen)
    }

    /// The assignment once a view colours `chosen` (most important first): `chosen` come first,
    /// then the parks coloured before, in their order, as far as the palette goes. Every park
    /// keeps its slot; a park new to the assignment takes the lowest free one. Keeping the
    /// earlier parks (the chart's largest, say, while the map colours only the pins) means they
    /// get their old colour back when a view colours them again.
    #[must_use]
    pub fn with_first<'a>(&self, chosen: impl IntoIterator<Item = &'a ParkId>) -> Self {
        let mut order: Vec<ParkId> = Vec::with_capacity(COLOURED_PARKS);
        for id in chosen.into_iter().cloned().chain(self.parks().cloned()) {
            if !order.contains(&id) {
                order.push(id);
            }
        }
        Self::assign(&order, self)
    }

    /// The parks of `chosen` this assignment colours, in `chosen`'s order (most important first),
    /// each with its slot here: what one view colours.
    #[must_use]
    pub fn only(&self, chosen: &[ParkId]) -> Self {
        let slots = chosen.iter().filter_map(|id| Some((id.clone(), self.slot(id)?))).collect();
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

/// The parks a chart colours, most important first: the pinned parks it shows (in pin order),
/// then the selected park, then the parks of `largest_first` (shown parks ranked by the plotted
/// value, largest first), up to [`COLOURED_PARKS`]. Parks the chart does not show (not in
/// `shown`) are never coloured.
pub fn coloured_parks(
    shown: &[ParkId],
    pinned: &[ParkId],
    selected: Option<&ParkId>,
    largest_first: &[ParkId],
) -> Vec<ParkId> {
    let mut chosen: Vec<ParkId> = Vec::with_capacity(COLOURED_PARKS);
    let candidates = pinned.iter().chain(selected).chain(largest_first);
    for id in candidates {
        if chosen.len() == COLOURED_PARKS {
            break;
        }
        if shown.contains(id) && !chosen.contains(id) {
            chosen.push(id.clone());
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<ParkId> {
        list.iter().map(|id| ParkId::new(*id)).collect()
    }

    #[test]
    fn pins_come_first_then_the_selection_then_the_largest() {
        let shown = ids(&["a", "b", "c", "d", "e"]);
        let chosen = coloured_parks(&shown, &ids(&["d", "x"]), Some(&ParkId::new("c")), &ids(&["a", "c", "b"]));
        assert_eq!(chosen, ids(&["d", "c", "a", "b"]), "x is pinned but not shown; c is not counted twice");
    }

    #[test]
    fn at_most_a_palette_of_parks_is_coloured() {
        let shown: Vec<ParkId> = (0..20).map(|i| ParkId::new(format!("p{i}"))).collect();
        let chosen = coloured_parks(&shown, &[], None, &shown);
        assert_eq!(chosen.len(), COLOURED_PARKS);
        assert_eq!(chosen[..], shown[..COLOURED_PARKS]);
        assert!(coloured_parks(&shown, &[], None, &[]).is_empty(), "nothing pinned, selected or ranked");
    }

    #[test]
    fn a_park_keeps_its_colour_while_it_stays_coloured() {
        let first = ParkColours::assign(&ids(&["a", "b", "c"]), &ParkColours::default());
        assert_eq!((first.slot(&ParkId::new("a")), first.slot(&ParkId::new("c"))), (Some(0), Some(2)));
        // The ranking changes (another metric): b and c swap ranks, a drops out, d comes in.
        let second = ParkColours::assign(&ids(&["c", "b", "d"]), &first);
        assert_eq!(second.slot(&ParkId::new("c")), Some(2), "keyed to the park, not its rank");
        assert_eq!(second.slot(&ParkId::new("b")), Some(1));
        assert_eq!(second.slot(&ParkId::new("d")), Some(0), "the first free slot: a's");
        assert_eq!(second.slot(&ParkId::new("a")), None, "a is grey now");
        assert_eq!(second.rank(&ParkId::new("c")), Some(0), "importance follows the new order");
        assert_eq!(second.parks().collect::<Vec<_>>(), ids(&["c", "b", "d"]).iter().collect::<Vec<_>>());
    }

    #[test]
    fn views_sharing_one_assignment_give_a_park_one_colour() {
        // The chart colours two pins and the two largest parks.
        let chart = ids(&["p1", "p2", "big1", "big2"]);
        let session = ParkColours::default().with_first(&chart);
        let chart_colours = session.only(&chart);
        assert_eq!(chart_colours.parks().collect::<Vec<_>>(), chart.iter().collect::<Vec<_>>());
        // The map colours the pins and a newly selected park.
        let map = ids(&["p1", "p2", "sel"]);
        let session = session.with_first(&map);
        let map_colours = session.only(&map);
        for id in &ids(&["p1", "p2"]) {
            assert_eq!(map_colours.slot(id), chart_colours.slot(id), "{id:?} keeps its chart colour on the map");
        }
        let taken: Vec<Option<usize>> = chart.iter().map(|id| chart_colours.slot(id)).collect();
        assert!(!taken.contains(&map_colours.slot(&ParkId::new("sel"))), "the new park takes a free slot");
        assert_eq!(session.slot(&ParkId::new("big1")), chart_colours.slot(&ParkId::new("big1")), "kept for later");
        assert_eq!(map_colours.slot(&ParkId::new("big1")), None, "but not coloured on the map");
        assert_eq!(session.parks().take(3).collect::<Vec<_>>(), map.iter().collect::<Vec<_>>(), "newest view first");
    }

    #[test]
    fn the_parks_a_view_colours_push_the_oldest_out_of_a_full_palette() {
        let old: Vec<ParkId> = (0..COLOURED_PARKS).map(|i| ParkId::new(format!("old{i}"))).collect();
        let session = ParkColours::default().with_first(&old);
        let session = session.with_first(&ids(&["new"]));
        assert_eq!(session.len(), COLOURED_PARKS);
        let last = old.last().expect("a full palette");
        assert_eq!(session.slot(last), None, "the least important old park gives up its slot");
        assert_eq!(session.slot(&ParkId::new("new")), Some(COLOURED_PARKS - 1), "and the new park takes it");
        assert_eq!(session.slot(&old[0]), Some(0));
    }

    #[test]
    fn no_two_coloured_parks_share_a_slot() {
        let many: Vec<ParkId> = (0..12).map(|i| ParkId::new(format!("p{i}"))).collect();
        let colours = ParkColours::assign(&many, &ParkColours::default());
        assert_eq!(colours.len(), COLOURED_PARKS);
        let mut slots: Vec<usize> = colours.parks().filter_map(|id| colours.slot(id)).collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots, (0..COLOURED_PARKS).collect::<Vec<_>>());
        let shifted = ParkColours::assign(&many[3..], &colours);
        let mut slots: Vec<usize> = shifted.parks().filter_map(|id| shifted.slot(id)).collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), COLOURED_PARKS, "kept and new slots never collide");
    }
}
