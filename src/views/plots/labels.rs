//! Where direct labels go: beside the end of each line (stacked so none overlap) and beside
//! each point (kept inside the plot). Pure geometry in screen points, so it is tested without
//! drawing; the plots measure their labels and paint them where this module says.
//!
//! The rules are OWID grapher's (`research/chart-design.md` §1.1): labels never shrink; when
//! they do not all fit, the least important are dropped (their lines and points stay drawn);
//! a label that would come too close to a more important one is dropped too.

use egui::{Pos2, Rect, Vec2, pos2};

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
}

/// Places point labels inside `bounds`, most important first: right of the point if it fits,
/// else left, else above, else below, shifted up or down to stay inside. The first of these
/// spots that covers none of the `points` drawn (their bounding boxes) is taken; when every
/// spot covers one, the first that is otherwise free. A label that would come within
/// [`POINT_LABEL_SPACING`] of a more important one, or cannot fit, is dropped (`None`).
pub(super) fn place_point_labels(labels: &[PointLabel], points: &[Rect], bounds: Rect) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = Vec::new();
    labels
        .iter()
        .map(|label| {
            let PointLabel { centre, radius, size } = *label;
            // Clear of the point's outline, which is drawn thicker as the text grows (presenting).
            let gap = (size.y * 0.3).max(4.0);
            let side_y = centre.y - size.y / 2.0;
            let candidates = [
                pos2(centre.x + radius + gap, side_y),
                pos2(centre.x - radius - gap - size.x, side_y),
                pos2(centre.x - size.x / 2.0, centre.y - radius - gap - size.y),
                pos2(centre.x - size.x / 2.0, centre.y + radius + gap),
            ];
            let free: Vec<Rect> = candidates
                .into_iter()
                .filter_map(|min| {
                    // Up or down into the plot; never across the left or right edge.
                    let y = min.y.clamp(bounds.top(), (bounds.bottom() - size.y).max(bounds.top()));
                    let rect = Rect::from_min_size(pos2(min.x, y), size);
                    let inside = bounds.contains_rect(rect);
                    let clear = placed.iter().all(|other| !other.expand(POINT_LABEL_SPACING).intersects(rect));
                    (inside && clear).then_some(rect)
                })
                .collect();
            let spot = free
                .iter()
                .find(|rect| !points.iter().any(|point| point.intersects(**rect)))
                .or_else(|| free.first())
                .copied();
            if let Some(rect) = spot {
                placed.push(rect);
            }
            spot
        })
        .collect()
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

    #[test]
    fn point_labels_go_right_then_left_and_stay_inside() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        let size = vec2(80.0, 14.0);
        let middle = PointLabel { centre: pos2(100.0, 150.0), radius: 5.0, size };
        let near_right = PointLabel { centre: pos2(380.0, 150.0), radius: 5.0, size };
        let near_top = PointLabel { centre: pos2(100.0, 2.0), radius: 5.0, size };
        let placed = place_point_labels(&[middle, near_right, near_top], &[], bounds);
        // 4.2 points clear of the point's edge: three tenths of the label's height.
        assert_eq!(placed[0].map(|r| r.left()), Some(109.2), "right of the point");
        assert_eq!(placed[1].map(|r| r.right()), Some(370.8), "left of the point: the right edge is near");
        let top = placed[2].expect("placed");
        assert!(top.top() >= 0.0 && bounds.contains_rect(top), "moved down inside the plot: {top:?}");
        assert!(placed.iter().flatten().all(|r| bounds.contains_rect(*r)));
        // Presenting, the text and the point's outline are larger: so is the gap.
        let large = PointLabel { size: vec2(160.0, 30.0), ..middle };
        assert_eq!(place_point_labels(&[large], &[], bounds)[0].map(|r| r.left()), Some(114.0));
    }

    #[test]
    fn a_point_label_too_close_to_a_more_important_one_is_dropped() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        let size = vec2(80.0, 14.0);
        let first = PointLabel { centre: pos2(200.0, 150.0), radius: 5.0, size };
        let crowded = [first, PointLabel { centre: pos2(201.0, 151.0), ..first }];
        let placed = place_point_labels(&crowded, &[], bounds);
        assert!(placed[0].is_some());
        // The second point's label finds room above or below the first's, or is dropped;
        // it never overlaps it.
        if let (Some(a), Some(b)) = (placed[0], placed[1]) {
            assert!(!a.expand(POINT_LABEL_SPACING).intersects(b));
        }
        let boxed_in: Vec<PointLabel> = (0..12).map(|_| first).collect();
        let placed = place_point_labels(&boxed_in, &[], bounds);
        assert!(placed.iter().filter(|p| p.is_some()).count() < 12, "not every label can fit at one point");
    }

    #[test]
    fn a_point_label_goes_where_it_covers_no_other_point_if_it_can() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        let size = vec2(80.0, 14.0);
        let label = PointLabel { centre: pos2(100.0, 150.0), radius: 5.0, size };
        // A grey point just right of the named one: the label goes left of it instead.
        let beside = Rect::from_center_size(pos2(140.0, 150.0), vec2(6.0, 6.0));
        let placed = place_point_labels(&[label], &[beside], bounds)[0];
        assert_eq!(placed.map(|r| r.right()), Some(90.8), "left of the point");
        // Points on every side: the label still shows, in the first spot.
        let around = [
            beside,
            Rect::from_center_size(pos2(60.0, 150.0), vec2(6.0, 6.0)),
            Rect::from_center_size(pos2(100.0, 130.0), vec2(6.0, 6.0)),
            Rect::from_center_size(pos2(100.0, 170.0), vec2(6.0, 6.0)),
        ];
        let placed = place_point_labels(&[label], &around, bounds)[0];
        assert_eq!(placed.map(|r| r.left()), Some(109.2), "still placed, right of the point as without points around");
    }
}
