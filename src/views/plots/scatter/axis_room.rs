//! The room a scatter's axes leave round the points: a margin either side, each marker whole
//! at the ends, and an axis of a metric that cannot be negative stopping at zero.

use egui_plot::Plot;

use super::super::axes::Direction;

/// The most of an axis's length one marker's reach is given room for on each side: under a
/// half, so that an axis can hold a marker at both ends (a larger one, in a plot a few points
/// high, is cut).
const MAX_MARKER_SHARE: f64 = 0.45;
/// The most passes over the points [`axis_range`] makes to find room for the markers: it
/// needs one or two more than the number of markers that in turn stand out furthest.
const MAX_MARGIN_ROUNDS: usize = 8;

/// `plot` with room round `values` on the axis of `direction`, an eighth of their range each
/// side (the bubbles' room), but below zero, when `from_zero` (a metric that cannot be negative,
/// on a linear scale), only the room the markers at or near zero take: each value comes with
/// its marker's reach as a share of the axis. An axis running past zero suggests values no park
/// can have (no tick is put there), and one stopping at zero cut a marker at zero to a quarter
/// of a circle.
pub(super) fn with_margins(
    plot: Plot<'_>,
    direction: Direction,
    values: impl Iterator<Item = (f64, f64)> + Clone,
    from_zero: bool,
) -> Plot<'_> {
    let Some((from, to)) = axis_range(values, from_zero) else { return plot };
    match direction {
        Direction::Horizontal => plot.include_x(from).include_x(to),
        Direction::Vertical => plot.include_y(from).include_y(to),
    }
}

/// The range [`with_margins`] gives an axis of `values` (each with its marker's share of the
/// axis); none without values.
fn axis_range(values: impl Iterator<Item = (f64, f64)> + Clone, from_zero: bool) -> Option<(f64, f64)> {
    // Gone over a few times rather than collected: at 10,000 parks, each frame.
    let (low, high) =
        values.clone().fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), (v, _)| (low.min(v), high.max(v)));
    if !low.is_finite() || !high.is_finite() {
        return None;
    }
    let margin = if high > low { 0.12 * (high - low) } else { 0.12 * high.abs().max(1.0) };
    let (mut from, mut to) = (low - margin, high + margin);
    let stops_at_zero = from_zero && low >= 0.0;
    // Every marker whole at the top (and, unless the axis stops at zero, the bottom): in a
    // short plot a large bubble at the edge reached past the eighth's margin and was cut flat.
    // A reach is a share of the final axis, which the room made for it lengthens: the length
    // wanted is the fixed point of "the length the markers need at this length". That need
    // grows slower than the length (each share under a half) and is convex (a greatest of
    // straight lines), so Newton's steps from the margins' length reach it from below, exactly,
    // in one pass when the margins suffice and two or three when a bubble needs more (fixed
    // rounds left a shortfall and went over every point each time).
    let (margin_from, margin_to) = (from, to);
    let mut span = to - from;
    for _ in 0..MAX_MARGIN_ROUNDS {
        let (mut top, mut top_share, mut bottom, mut bottom_share) = (margin_to, 0.0, margin_from, 0.0);
        for (v, share) in values.clone() {
            let share = share.min(MAX_MARKER_SHARE);
            if v + share * span > top {
                (top, top_share) = (v + share * span, share);
            }
            if !stops_at_zero && v - share * span < bottom {
                (bottom, bottom_share) = (v - share * span, share);
            }
        }
        (from, to) = (bottom, top);
        let needed = top - bottom;
        if needed <= span * (1.0 + 1e-9) {
            break;
        }
        span += (needed - span) / (1.0 - top_share - bottom_share);
    }
    if !stops_at_zero {
        return Some((from, to));
    }
    // Every marker whole, and no more room below zero than the lowest-reaching one needs.
    let span = to - from;
    let lowest_reach = values.map(|(v, share)| v - share * span).fold(f64::INFINITY, f64::min);
    Some((from.max(lowest_reach.min(0.0)), to))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large bubble at the top of a short plot reached past the margin and was cut flat by
    /// the plot's edge: the axis now runs on by its reach, and no further for a small one.
    #[test]
    fn a_large_bubble_at_the_top_has_room_above_it() {
        // Values 0–10; the top park's bubble reaches a fifth of the axis.
        let (from, to) = axis_range([(0.0, 0.01), (10.0, 0.2)].into_iter(), true).expect("a range");
        let top = 10.0 + 0.2 * (to - from);
        assert!(top <= to + 0.001 * (to - from), "the bubble's top {top} within the axis's {to}");
        let (_, small) = axis_range([(0.0, 0.01), (10.0, 0.01)].into_iter(), true).expect("a range");
        assert!((small - 11.2).abs() < 1e-9, "a small bubble keeps the eighth's margin: {small}");
    }

    /// Large bubbles at both ends of an axis that may run below zero: each is whole, and the
    /// axis is no longer than the two of them need.
    #[test]
    fn large_bubbles_at_both_ends_are_whole_and_given_no_more_room_than_they_need() {
        let values = [(0.0, 0.3), (5.0, 0.01), (10.0, 0.35)];
        let (from, to) = axis_range(values.into_iter(), false).expect("a range");
        let span = to - from;
        let (bottom, top) = (0.0 - 0.3 * span, 10.0 + 0.35 * span);
        assert!((bottom - from).abs() < 1e-6 * span && (top - to).abs() < 1e-6 * span, "{from}..{to}");
        // A marker wider than an axis can hold at both ends is given at most its cap.
        let (from, to) = axis_range([(0.0, 0.9), (10.0, 0.9)].into_iter(), false).expect("a range");
        assert!(from.is_finite() && to.is_finite() && from < 0.0 && to > 10.0, "{from}..{to}");
    }

    #[test]
    fn an_axis_of_a_metric_that_cannot_be_negative_stops_at_zero() {
        let areas = || [2.0, 12.5, 25.0].into_iter().map(|v| (v, 0.0));
        let (from, to) = axis_range(areas(), true).expect("a range");
        assert!(from.abs() < 1e-12 && to > 25.0, "{from}..{to}");
        // A metric that may be negative keeps its room below its least value.
        let (from, _) = axis_range(areas(), false).expect("a range");
        assert!(from < 0.0, "{from}");
        // So does one with a value below zero stated (a correction), whatever the metric says.
        let (from, _) = axis_range([(-1.0, 0.0), (3.0, 0.0)].into_iter(), true).expect("a range");
        assert!(from < -1.0, "{from}");
        assert_eq!(axis_range(std::iter::empty(), true), None);
    }

    /// A marker at zero, on an axis that stops at zero, was cut to a quarter circle at the
    /// plot's corner: the axis now runs past zero by that marker's reach, and only by that (a
    /// large bubble far from zero gives no room there).
    #[test]
    fn a_marker_at_zero_has_room_below_zero_and_no_more() {
        let (small, large) = (0.02, 0.08);
        let (from, to) = axis_range([(0.0, small), (10.0, large)].into_iter(), true).expect("a range");
        let reach = small * (to - from);
        assert!(-from >= reach && -from < 1.1 * reach, "{from}..{to}: room for the small marker at 0 and little more");
        // A least value whose marker clears zero needs none.
        let (from, _) = axis_range([(5.0, small), (10.0, large)].into_iter(), true).expect("a range");
        assert!(from >= 0.0, "{from}");
        // A large marker just above zero gets what it lacks.
        let (from, to) = axis_range([(0.0, small), (0.2, large), (10.0, small)].into_iter(), true).expect("a range");
        assert!(from < 0.0 && 0.2 - from >= large * (to - from) - 1e-9, "{from}..{to}");
    }
}
