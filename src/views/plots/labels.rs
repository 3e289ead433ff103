//! Where direct labels go: beside the end of each line (stacked so none overlap) and beside
//! each point (kept inside the plot). Pure geometry in screen points, so it is tested without
//! drawing; the plots measure their labels and paint them where this module says.
//!
//! The rules are OWID grapher's (`research/chart-design.md` §1.1): labels never shrink; when
//! they do not all fit, the least important are dropped (their lines and points stay drawn);
//! a label that would come too close to a more important one is dropped too.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Space kept between stacked line labels, in points (OWID's `LEGEND_ITEM_MIN_SPACING`).
pub(super) const LABEL_GAP: f32 = 4.0;

/// Least space between a point label and a more important one, in points (OWID keeps 6 px:
/// fewer labels look calmer and stop readers assuming every point is labelled).
pub(super) const POINT_LABEL_SPACING: f32 = 6.0;

/// A label for the end of a line: the height it wants to be centred at, and its own height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LineLabel {
    /// Screen y of the line's last point.
    pub target_y: f32,
    /// Height of the label's text.
    pub height: f32,
}

/// A run of labels stacked against each other.
struct Group {
    /// Indices into the kept labels, top to bottom.
    members: Vec<usize>,
    /// Screen y of the group's top edge.
    top: f32,
}

/// Places line-end labels in a column from `top` to `bottom`. `labels` come most important
/// first; the result gives each label's centre y, or `None` for a label dropped because the
/// more important ones already fill the column.
///
/// Kept labels start at their line's end; any that touch are merged into a group stacked with
/// [`LABEL_GAP`], placed as near as it can be to its members' ends and clamped to the column,
/// until nothing overlaps.
pub(super) fn stack_line_labels(labels: &[LineLabel], top: f32, bottom: f32) -> Vec<Option<f32>> {
    let mut kept: Vec<usize> = Vec::new();
    let mut used = 0.0;
    for (i, label) in labels.iter().enumerate() {
        let need = label.height + if kept.is_empty() { 0.0 } else { LABEL_GAP };
        if used + need <= bottom - top {
            used += need;
            kept.push(i);
        }
    }
    kept.sort_by(|&a, &b| labels[a].target_y.total_cmp(&labels[b].target_y));
    let height_of = |members: &[usize]| -> f32 {
        members.iter().map(|&i| labels[i].height).sum::<f32>() + LABEL_GAP * members.len().saturating_sub(1) as f32
    };
    // Where a group's top goes: the mean of where each member would put it, clamped.
    let place = |members: &[usize]| -> f32 {
        let mut offset = 0.0;
        let mut wanted = 0.0;
        for &i in members {
            wanted += labels[i].target_y - offset - labels[i].height / 2.0;
            offset += labels[i].height + LABEL_GAP;
        }
        let wanted = wanted / members.len().max(1) as f32;
        wanted.clamp(top, (bottom - height_of(members)).max(top))
    };
    let mut groups: Vec<Group> = kept.iter().map(|&i| Group { members: vec![i], top: place(&[i]) }).collect();
    // Each pass merges at least one pair, so this ends after fewer passes than labels.
    while let Some(at) =
        groups.windows(2).position(|pair| pair[0].top + height_of(&pair[0].members) + LABEL_GAP > pair[1].top)
    {
        let next = groups.remove(at + 1);
        let group = &mut groups[at];
        group.members.extend(next.members);
        group.top = place(&group.members);
    }
    let mut centres = vec![None; labels.len()];
    for group in groups {
        let mut y = group.top;
        for i in group.members {
            centres[i] = Some(y + labels[i].height / 2.0);
            y += labels[i].height + LABEL_GAP;
        }
    }
    centres
}

/// Whether any label was moved off its line's end by more than half a point: then every
/// label gets a connector to its line (OWID draws them for all or none).
pub(super) fn any_moved(labels: &[LineLabel], centres: &[Option<f32>]) -> bool {
    labels.iter().zip(centres).any(|(label, centre)| centre.is_some_and(|y| (y - label.target_y).abs() > 0.5))
}

/// A label for a point: where the point is, how big it is drawn, and the label's size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct PointLabel {
    /// Screen position of the point's centre.
    pub centre: Pos2,
    /// The point's radius.
    pub radius: f32,
    /// The label's text size.
    pub size: Vec2,
    /// The narrowest the label may be shortened to (with "…"), in points: a name cut shorter
    /// no longer says which park it is. At least `size.x` means it is never shortened.
    pub min_width: f32,
}

/// Where a point label went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct PlacedLabel {
    /// The label's rectangle; narrower than the label's text when it is shortened.
    pub rect: Rect,
    /// Whether it sits a little way off its point, with a leader line drawn to it.
    pub leader: bool,
}

/// How far from its point's edge a leader-line label may go, in label heights, nearest first.
const LEADER_DISTANCES: [f32; 3] = [1.5, 3.0, 4.5];

/// How much narrower each try at shortening a label is than the last.
const SHORTEN_STEP: f32 = 0.85;

/// Places point labels inside `bounds`, most important first, never over another label or
/// any of the `points` drawn (their bounding boxes, the labelled point's own among them).
///
/// A label goes beside its point, where it is nearer its own point than any other: right of
/// it, left, above, below (slid along to stay inside), then at a corner. With no room there it
/// is shortened, down to its `min_width`; with none still, it goes a little way off with a
/// leader line to its point (whole if it can be). A label with no room at all is `None`: the
/// plot names its park elsewhere.
pub(super) fn place_point_labels(labels: &[PointLabel], points: &[Rect], bounds: Rect) -> Vec<Option<PlacedLabel>> {
    let mut placed: Vec<Rect> = Vec::new();
    labels
        .iter()
        .map(|label| {
            let spot = spot_for(label, points, &placed, bounds);
            if let Some(spot) = spot {
                placed.push(spot.rect);
            }
            spot
        })
        .collect()
}

/// The first free spot for `label`, in the order [`place_point_labels`] tries them.
fn spot_for(label: &PointLabel, points: &[Rect], placed: &[Rect], bounds: Rect) -> Option<PlacedLabel> {
    let PointLabel { centre, radius, size, min_width } = *label;
    // Clear of the point's outline, which is drawn thicker as the text grows (presenting).
    let gap = (size.y * 0.3).max(4.0);
    let own = |point: &Rect| point.center().distance(centre) < 0.5;
    let free = |rect: Rect| {
        bounds.contains_rect(rect)
            && placed.iter().all(|other| !other.expand(POINT_LABEL_SPACING).intersects(rect))
            && points.iter().all(|point| !disc_meets_rect(*point, rect))
    };
    // Beside its point: nearer to it than to any other point's edge.
    let nearest_own = |rect: Rect| {
        let to_own = rect.distance_to_pos(centre) - radius;
        points.iter().filter(|p| !own(p)).all(|p| rect.distance_to_pos(p.center()) - p.width() / 2.0 >= to_own)
    };
    let widths = std::iter::successors(Some(size.x), |w| Some(w * SHORTEN_STEP))
        .take_while(|w| *w >= min_width.min(size.x))
        .chain((min_width < size.x).then_some(min_width));
    let widths: Vec<f32> = widths.collect();
    for &width in &widths {
        let size = vec2(width, size.y);
        let beside = around(centre, radius + gap, size, bounds);
        if let Some(rect) = beside.into_iter().find(|rect| free(*rect) && nearest_own(*rect)) {
            return Some(PlacedLabel { rect, leader: false });
        }
    }
    for &width in &widths {
        let size = vec2(width, size.y);
        for distance in LEADER_DISTANCES {
            let off = around(centre, radius + gap + distance * size.y, size, bounds);
            if let Some(rect) = off.into_iter().find(|rect| free(*rect)) {
                return Some(PlacedLabel { rect, leader: true });
            }
        }
    }
    None
}

/// The spots for a label of `size` at `distance` from `centre`: right, left, above and below
/// (slid along inside `bounds` while still over or under the centre), then the four corners.
fn around(centre: Pos2, distance: f32, size: Vec2, bounds: Rect) -> [Rect; 8] {
    let side_y = (centre.y - size.y / 2.0).clamp(bounds.top(), (bounds.bottom() - size.y).max(bounds.top()));
    // Slid left or right into the plot, as long as the label stays over its point.
    let over_x = (centre.x - size.x / 2.0)
        .clamp(bounds.left(), (bounds.right() - size.x).max(bounds.left()))
        .clamp(centre.x - size.x, centre.x);
    let diagonal = distance * std::f32::consts::FRAC_1_SQRT_2;
    let (right, left) = (centre.x + diagonal, centre.x - diagonal - size.x);
    let (above, below) = (centre.y - diagonal - size.y, centre.y + diagonal);
    [
        pos2(centre.x + distance, side_y),
        pos2(centre.x - distance - size.x, side_y),
        pos2(over_x, centre.y - distance - size.y),
        pos2(over_x, centre.y + distance),
        pos2(right, above),
        pos2(left, above),
        pos2(right, below),
        pos2(left, below),
    ]
    .map(|min| Rect::from_min_size(min, size))
}

/// Whether the disc inscribed in `point` (a marker's bounding box) reaches into `rect`.
fn disc_meets_rect(point: Rect, rect: Rect) -> bool {
    rect.distance_to_pos(point.center()) < point.width() / 2.0
}

#[cfg(test)]
mod tests {
    use egui::vec2;

    use super::*;

    fn label(target_y: f32) -> LineLabel {
        LineLabel { target_y, height: 16.0 }
    }

    #[test]
    fn labels_that_fit_stay_at_their_line_ends() {
        let labels = [label(100.0), label(200.0), label(300.0)];
        let centres = stack_line_labels(&labels, 0.0, 400.0);
        assert_eq!(centres, [Some(100.0), Some(200.0), Some(300.0)]);
        assert!(!any_moved(&labels, &centres), "no connectors needed");
    }

    #[test]
    fn colliding_labels_are_stacked_around_their_ends_without_overlap() {
        let labels = [label(100.0), label(104.0), label(98.0), label(300.0)];
        let centres = stack_line_labels(&labels, 0.0, 400.0);
        let mut ys: Vec<f32> = centres.iter().flatten().copied().collect();
        ys.sort_by(f32::total_cmp);
        assert_eq!(ys.len(), 4, "all fit: none dropped");
        for pair in ys.windows(2) {
            assert!(pair[1] - pair[0] >= 16.0 + LABEL_GAP - 1e-3, "overlap: {ys:?}");
        }
        // The group of three stays centred on its ends (about 100), in the order of the ends.
        assert!((ys[1] - 100.7).abs() < 1.0, "{ys:?}");
        assert_eq!(centres[2], Some(ys[0]), "the lowest end (98) gets the top label");
        assert_eq!(centres[3], Some(300.0), "a label far away does not move");
        assert!(any_moved(&labels, &centres));
    }

    #[test]
    fn labels_stay_inside_the_column() {
        let centres = stack_line_labels(&[label(-50.0), label(0.0), label(420.0)], 0.0, 400.0);
        assert_eq!(centres[2], Some(392.0), "clamped to the bottom");
        let top: Vec<f32> = centres[..2].iter().flatten().copied().collect();
        assert!(top.iter().all(|y| *y >= 8.0), "clamped to the top: {top:?}");
    }

    #[test]
    fn the_least_important_labels_are_dropped_never_shrunk() {
        // Room for three labels of 16 with gaps of 4 in 60 points.
        let labels = [label(10.0), label(20.0), label(30.0), label(40.0), label(50.0)];
        let centres = stack_line_labels(&labels, 0.0, 60.0);
        assert_eq!(centres.iter().filter(|c| c.is_some()).count(), 3);
        assert!(centres[3].is_none() && centres[4].is_none(), "the last two are the least important");
    }

    fn point(centre: Pos2, size: Vec2) -> PointLabel {
        PointLabel { centre, radius: 5.0, size, min_width: size.x }
    }

    fn rects(placed: &[Option<PlacedLabel>]) -> Vec<Option<Rect>> {
        placed.iter().map(|p| p.map(|p| p.rect)).collect()
    }

    #[test]
    fn point_labels_go_right_then_left_and_stay_inside() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        let size = vec2(80.0, 14.0);
        let middle = point(pos2(100.0, 150.0), size);
        let near_right = point(pos2(380.0, 150.0), size);
        let near_top = point(pos2(100.0, 2.0), size);
        let placed = rects(&place_point_labels(&[middle, near_right, near_top], &[], bounds));
        // 4.2 points clear of the point's edge: three tenths of the label's height.
        assert_eq!(placed[0].map(|r| r.left()), Some(109.2), "right of the point");
        assert_eq!(placed[1].map(|r| r.right()), Some(370.8), "left of the point: the right edge is near");
        let top = placed[2].expect("placed");
        assert!(top.top() >= 0.0 && bounds.contains_rect(top), "moved down inside the plot: {top:?}");
        assert!(placed.iter().flatten().all(|r| bounds.contains_rect(*r)));
        // Presenting, the text and the point's outline are larger: so is the gap.
        let large = point(pos2(100.0, 150.0), vec2(160.0, 30.0));
        assert_eq!(place_point_labels(&[large], &[], bounds)[0].map(|p| p.rect.left()), Some(114.0));
    }

    #[test]
    fn a_point_label_too_close_to_a_more_important_one_is_dropped() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        let size = vec2(80.0, 14.0);
        let first = point(pos2(200.0, 150.0), size);
        let crowded = [first, point(pos2(201.0, 151.0), size)];
        let placed = rects(&place_point_labels(&crowded, &[], bounds));
        assert!(placed[0].is_some());
        // The second point's label finds room elsewhere around the first's, or is dropped;
        // it never overlaps it.
        if let (Some(a), Some(b)) = (placed[0], placed[1]) {
            assert!(!a.expand(POINT_LABEL_SPACING).intersects(b));
        }
        let boxed_in: Vec<PointLabel> = (0..40).map(|_| first).collect();
        let placed = place_point_labels(&boxed_in, &[], bounds);
        assert!(placed.iter().filter(|p| p.is_some()).count() < 40, "not every label can fit at one point");
    }

    #[test]
    fn a_point_label_goes_where_it_covers_no_other_point() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        let size = vec2(80.0, 14.0);
        let label = point(pos2(100.0, 150.0), size);
        let disc = |x: f32, y: f32| Rect::from_center_size(pos2(x, y), vec2(6.0, 6.0));
        // A grey point just right of the named one: the label goes left of it instead.
        let placed = place_point_labels(&[label], &[disc(140.0, 150.0)], bounds)[0].expect("placed");
        assert_eq!(Some(placed.rect.right()), Some(90.8), "left of the point");
        assert!(!placed.leader);
        // Points on every side: the label still shows, at a corner, covering none of them.
        let around = [disc(140.0, 150.0), disc(60.0, 150.0), disc(100.0, 130.0), disc(100.0, 170.0)];
        let placed = place_point_labels(&[label], &around, bounds)[0].expect("placed");
        assert!(around.iter().all(|p| !disc_meets_rect(*p, placed.rect)), "{placed:?}");
    }

    /// The review's long name at the right edge of a presented scatter plot: right of its
    /// bubble it does not fit, left of it it ran across another park's bubble.
    #[test]
    fn a_long_name_at_the_edge_never_runs_across_another_bubble() {
        let bounds = Rect::from_min_max(pos2(90.0, 140.0), pos2(1388.0, 698.0));
        let long = PointLabel { centre: pos2(1260.0, 271.0), radius: 26.0, size: vec2(785.0, 22.0), min_width: 120.0 };
        let other = PointLabel { centre: pos2(497.0, 261.0), radius: 30.0, size: vec2(232.0, 22.0), min_width: 120.0 };
        let bubble = |l: &PointLabel| Rect::from_center_size(l.centre, Vec2::splat(2.0 * l.radius));
        let grey = Rect::from_center_size(pos2(376.0, 303.0), Vec2::splat(56.0));
        let points =
            [bubble(&long), bubble(&other), grey, Rect::from_center_size(pos2(1264.0, 313.0), Vec2::splat(56.0))];
        let placed = place_point_labels(&[long, other], &points, bounds);
        for (label, spot) in [long, other].iter().zip(&placed) {
            let spot = spot.expect("every coloured bubble is named");
            for p in points.iter().filter(|p| p.center() != label.centre) {
                assert!(!disc_meets_rect(*p, spot.rect), "{spot:?} covers the bubble at {:?}", p.center());
                if !spot.leader {
                    let to_own = spot.rect.distance_to_pos(label.centre) - label.radius;
                    let to_other = spot.rect.distance_to_pos(p.center()) - p.width() / 2.0;
                    assert!(to_own <= to_other, "{spot:?} is nearer the bubble at {:?}", p.center());
                }
            }
        }
    }

    #[test]
    fn a_name_with_no_room_whole_is_shortened_before_it_is_dropped() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        // Wider than the plot: it can only show shortened.
        let label = PointLabel { centre: pos2(200.0, 150.0), radius: 5.0, size: vec2(600.0, 14.0), min_width: 60.0 };
        let placed = place_point_labels(&[label], &[], bounds)[0].expect("shortened, not dropped");
        assert!(placed.rect.width() < 400.0 && placed.rect.width() >= 60.0, "{placed:?}");
        assert!(bounds.contains_rect(placed.rect));
        // Never shorter than its least width: then it has no room at all.
        let tight = Rect::from_min_max(pos2(150.0, 0.0), pos2(250.0, 300.0));
        let never = PointLabel { min_width: 120.0, ..label };
        assert_eq!(place_point_labels(&[never], &[], tight)[0], None);
    }
}
