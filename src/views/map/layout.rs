//! Where the map, its inset and its legend go in the room the view has. The legend and the inset
//! get room of their own, reserved before the map is fitted into what is left, so neither ever
//! covers a district (`shared/research/chart-design.md` §3.1, checklist 20). Of the few ways to
//! arrange them (beside the map, below it, or one of each), the one leaving the map largest
//! wins. A pure function on rectangles.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Space between the map, the inset and the legend, in points.
pub(super) const GAP: f32 = 12.0;

/// Where each part of the map view goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Layout {
    /// The map's room: it is drawn, panned and zoomed in here.
    pub(super) map: Rect,
    /// The part of `map` the whole map fills before any zoom: as large as the map's shape
    /// allows, at the top, centred across.
    pub(super) map_fit: Rect,
    /// The inset's room (its caption included), if it has one.
    pub(super) inset: Option<Rect>,
    /// The legend's room, exactly its size.
    pub(super) legend: Rect,
}

/// The inset's size, caption included, for an extent of shape `inset_shape`: its longer side
/// nearly half the area's shorter side, or more where the map's own shape leaves room spare
/// beside or below it (a wide window, presenting), up to four fifths of that side.
pub(super) fn inset_size(area: Vec2, map_shape: Vec2, inset_shape: Vec2, caption: f32) -> Vec2 {
    let shorter = area.min_elem();
    let map_scale = (area.x / map_shape.x).min(area.y / map_shape.y);
    let spare = area - map_shape * map_scale - Vec2::splat(GAP);
    let filling = (spare.x / inset_shape.x).max((spare.y - caption) / inset_shape.y);
    let longest = inset_shape.max_elem();
    let scale = filling.max(0.45 * shorter / longest).min(0.8 * shorter / longest).max(140.0 / longest);
    inset_shape * scale + vec2(0.0, caption)
}

/// Lays out `area`: the map, whose extent has the shape `map_shape` (any units), the legend of
/// size `legend` and, if given, an inset of size `inset`. When nothing fits, the map still gets
/// `area` and the others are placed over it, as a window too small to read is still drawn.
pub(super) fn layout(area: Rect, map_shape: Vec2, legend: Vec2, inset: Option<Vec2>) -> Layout {
    fitting_layout(area, map_shape, legend, inset).unwrap_or_else(|| {
        let right = |width: f32| pos2(area.max.x - width, area.min.y);
        Layout {
            map: area,
            map_fit: area,
            inset: inset.map(|size| Rect::from_min_size(right(size.x), size)),
            legend: Rect::from_min_size(pos2(area.min.x, area.max.y - legend.y), legend),
        }
    })
}

/// [`layout`] when the legend and the inset fit beside or below the map, else `None`.
fn fitting_layout(area: Rect, map_shape: Vec2, legend: Vec2, inset: Option<Vec2>) -> Option<Layout> {
    let (w, h) = (area.width(), area.height());
    let right = |width: f32| pos2(area.max.x - width, area.min.y);
    let bottom = |height: f32| pos2(area.min.x, area.max.y - height);
    // Each candidate: the map's room, the inset's corner, the legend's corner.
    let candidates = match inset {
        Some(inset) => {
            let column = legend.x.max(inset.x);
            let band = legend.y.max(inset.y);
            // One in a corner's column and the other in the opposite corner's band must not meet.
            let apart = |across: Vec2, down: Vec2| across.x + GAP + down.x <= w || across.y + GAP + down.y <= h;
            vec![
                // Both in a column on the right, the inset on top.
                (
                    vec2(w - column - GAP, h),
                    inset.y + GAP + legend.y <= h,
                    right(column),
                    right(column) + vec2(0.0, inset.y + GAP),
                ),
                // Both in a band below, the inset on the left.
                (
                    vec2(w, h - band - GAP),
                    inset.x + GAP + legend.x <= w,
                    bottom(band),
                    bottom(band) + vec2(inset.x + GAP, 0.0),
                ),
                // The inset on the right, the legend below.
                (vec2(w - inset.x - GAP, h - legend.y - GAP), apart(inset, legend), right(inset.x), bottom(legend.y)),
                // The legend on the right, the inset below.
                (vec2(w - legend.x - GAP, h - inset.y - GAP), apart(legend, inset), bottom(inset.y), right(legend.x)),
            ]
        }
        None => vec![
            (vec2(w - legend.x - GAP, h), legend.y <= h, area.min, right(legend.x)),
            (vec2(w, h - legend.y - GAP), legend.x <= w, area.min, bottom(legend.y)),
        ],
    };
    let scale = |room: Vec2| (room.x / map_shape.x).min(room.y / map_shape.y);
    let best = candidates
        .into_iter()
        .filter(|(room, fits, inset_at, legend_at)| {
            let inside = |corner: Pos2, size: Vec2| area.contains_rect(Rect::from_min_size(corner, size));
            *fits
                && room.x > 0.0
                && room.y > 0.0
                && inside(*legend_at, legend)
                && inset.is_none_or(|size| inside(*inset_at, size))
        })
        // Of arrangements leaving the map the same size, the one leaving it the most room to be
        // panned and zoomed in.
        .max_by(|a, b| scale(a.0).total_cmp(&scale(b.0)).then((a.0.x * a.0.y).total_cmp(&(b.0.x * b.0.y))));
    let (room, _, inset_at, legend_at) = best?;
    let map = Rect::from_min_size(area.min, room);
    // The fitted map's own size, so it sits at the top of its room rather than floating in the
    // middle of a tall one.
    let fitted = (map_shape * scale(room)).min(room);
    let map_fit = Rect::from_min_size(pos2(map.center().x - fitted.x / 2.0, map.min.y), fitted);
    Some(Layout {
        map,
        map_fit,
        inset: inset.map(|size| Rect::from_min_size(inset_at, size)),
        legend: Rect::from_min_size(legend_at, legend),
    })
}

/// [`layout`], with the inset made smaller where that leaves the map larger: beside a tall
/// legend (one naming many pinned parks) an inset of full size no longer fits in one column,
/// and both went below the map, which shrank to half its height. `caption` is the height of
/// the inset's caption, which keeps its size.
pub(super) fn layout_fitting_inset(
    area: Rect,
    map_shape: Vec2,
    legend: Vec2,
    inset: Option<Vec2>,
    caption: f32,
) -> Layout {
    let full = fitting_layout(area, map_shape, legend, inset);
    // The inset's height beside the legend in one column.
    let room = area.height() - legend.y - GAP;
    let smaller = match inset {
        Some(size) if room < size.y && room > caption && size.y > caption => {
            let scale = (room - caption) / (size.y - caption);
            fitting_layout(area, map_shape, legend, Some(vec2(size.x * scale, room)))
        }
        _ => None,
    };
    // A layout that fits wins over one that does not; of two, the one leaving the map larger.
    match (full, smaller) {
        (Some(full), Some(smaller)) if smaller.map_fit.area() > full.map_fit.area() => smaller,
        (Some(fitted), _) | (None, Some(fitted)) => fitted,
        (None, None) => layout(area, map_shape, legend, inset),
    }
}

/// How much of the map's fitted area a legend in two columns may cost to keep the inset its
/// size: a little, since an inset shrunk to ×2 names its districts nowhere readably.
const MAP_GIVEN_FOR_INSET: f32 = 0.85;

/// [`layout_fitting_inset`] with the legend in one column (`legend`) or, where the inset would
/// otherwise be made smaller, in two (`legend_in_two`, shorter and wider) when that keeps the
/// inset larger and the map nearly as large. Returns the layout and whether the legend is in
/// two columns.
pub(super) fn layout_with_legend(
    area: Rect,
    map_shape: Vec2,
    (legend, legend_in_two): (Vec2, Option<Vec2>),
    inset: Option<Vec2>,
    caption: f32,
) -> (Layout, bool) {
    let one = layout_fitting_inset(area, map_shape, legend, inset, caption);
    let shrunk =
        |layout: &Layout| inset.zip(layout.inset).map_or(0.0, |(full, slot)| (full.y - slot.height()).max(0.0));
    let Some(in_two) = legend_in_two.filter(|_| shrunk(&one) > 0.5) else { return (one, false) };
    let two = layout_fitting_inset(area, map_shape, in_two, inset, caption);
    let inset_height = |layout: &Layout| layout.inset.map_or(0.0, |slot| slot.height());
    if inset_height(&two) > inset_height(&one) && two.map_fit.area() >= MAP_GIVEN_FOR_INSET * one.map_fit.area() {
        (two, true)
    } else {
        (one, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: Vec2 = Vec2::splat(100.0);

    fn overlap(a: Rect, b: Rect) -> bool {
        a.intersects(b) && a.intersect(b).area() > 0.0
    }

    fn check(layout: &Layout, area: Rect) {
        assert!(area.contains_rect(layout.map) && area.contains_rect(layout.legend), "{layout:?}");
        assert!(layout.map.contains_rect(layout.map_fit));
        assert!(!overlap(layout.map, layout.legend), "the legend covers the map: {layout:?}");
        if let Some(inset) = layout.inset {
            assert!(area.contains_rect(inset));
            assert!(!overlap(layout.map, inset) && !overlap(inset, layout.legend), "{layout:?}");
        }
    }

    #[test]
    fn a_wide_area_puts_legend_and_inset_beside_the_map() {
        let area = Rect::from_min_size(pos2(10.0, 20.0), vec2(1200.0, 600.0));
        let layout = layout(area, SQUARE, vec2(200.0, 150.0), Some(vec2(240.0, 180.0)));
        check(&layout, area);
        assert!(
            layout.legend.left() > layout.map.right() && layout.inset.is_some_and(|r| r.left() > layout.map.right())
        );
        assert!((layout.map.height() - 600.0).abs() < 1e-3, "the map keeps the whole height");
        assert!((layout.map_fit.top() - area.top()).abs() < 1e-3, "the map sits at the top");
    }

    #[test]
    fn a_tall_area_puts_them_below() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(600.0, 1200.0));
        let layout = layout(area, SQUARE, vec2(200.0, 150.0), Some(vec2(240.0, 180.0)));
        check(&layout, area);
        assert!(
            layout.legend.top() > layout.map.bottom() && layout.inset.is_some_and(|r| r.top() > layout.map.bottom())
        );
        assert!((layout.map.width() - 600.0).abs() < 1e-3);
    }

    #[test]
    fn without_an_inset_the_legend_still_gets_its_own_room() {
        for size in [vec2(900.0, 500.0), vec2(500.0, 900.0), vec2(640.0, 600.0)] {
            let area = Rect::from_min_size(pos2(5.0, 5.0), size);
            let layout = layout(area, SQUARE, vec2(220.0, 140.0), None);
            check(&layout, area);
            assert!(layout.inset.is_none());
        }
    }

    #[test]
    fn the_arrangement_leaving_the_map_largest_wins() {
        // A little wider than tall: the inset beside the map and the legend below it leave a
        // larger square than both in one column or one band.
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(700.0, 600.0));
        let layout = layout(area, SQUARE, vec2(300.0, 120.0), Some(vec2(150.0, 150.0)));
        check(&layout, area);
        let side = layout.map.width().min(layout.map.height());
        assert!((side - 468.0).abs() < 1e-3, "{layout:?}");
        assert!(
            layout.inset.is_some_and(|r| r.left() > layout.map.right()) && layout.legend.top() > layout.map.bottom()
        );
    }

    #[test]
    fn the_inset_takes_the_room_the_map_leaves() {
        let wide = vec2(2.25, 1.5);
        // A square area: nearly half its side.
        let size = inset_size(vec2(600.0, 600.0), SQUARE, wide, 20.0);
        assert!((size.x - 270.0).abs() < 1e-3 && (size.y - 200.0).abs() < 1e-3, "{size:?}");
        // A wide area: the width the square map leaves spare (1000 - 600 - 12)...
        let size = inset_size(vec2(1000.0, 600.0), SQUARE, wide, 20.0);
        assert!((size.x - 388.0).abs() < 1e-3, "{size:?}");
        // ... up to four fifths of the shorter side.
        let size = inset_size(vec2(1000.0, 500.0), SQUARE, wide, 20.0);
        assert!((size.x - 400.0).abs() < 1e-3, "{size:?}");
    }

    #[test]
    fn beside_a_tall_legend_a_smaller_inset_leaves_the_map_its_size() {
        // A presented map at 1280×720: a legend naming six pinned parks and a full-size inset
        // are too tall for one column, so both went below the map.
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(1260.0, 560.0));
        let (legend, inset, caption) = (vec2(330.0, 260.0), vec2(420.0, 300.0), 24.0);
        let full = layout(area, SQUARE, legend, Some(inset));
        let fitted = layout_fitting_inset(area, SQUARE, legend, Some(inset), caption);
        check(&fitted, area);
        assert!(fitted.map_fit.height() > full.map_fit.height() + 100.0, "{full:?} {fitted:?}");
        assert!((fitted.map_fit.height() - 560.0).abs() < 1e-3, "the map keeps the whole height");
        let smaller = fitted.inset.expect("an inset");
        assert!(smaller.left() > fitted.map.right() && fitted.legend.top() > smaller.bottom(), "one column");
        // The inset keeps its shape below its caption.
        let ratio = |size: Vec2| size.x / (size.y - caption);
        assert!((ratio(smaller.size()) - ratio(inset)).abs() < 1e-3);
        // Where the full inset fits nowhere (a narrow map view), the smaller one still goes in
        // one column rather than over the map.
        let narrow = Rect::from_min_size(pos2(0.0, 0.0), vec2(700.0, 560.0));
        assert_eq!(layout(narrow, SQUARE, legend, Some(inset)).map_fit, narrow, "nothing fits at full size");
        let fitted = layout_fitting_inset(narrow, SQUARE, legend, Some(inset), caption);
        check(&fitted, narrow);
        assert!(fitted.map_fit.width() < narrow.width(), "{fitted:?}");
        // With room for both, the inset keeps its size.
        let roomy = Rect::from_min_size(pos2(0.0, 0.0), vec2(1260.0, 900.0));
        assert_eq!(
            layout_fitting_inset(roomy, SQUARE, legend, Some(inset), caption),
            layout(roomy, SQUARE, legend, Some(inset))
        );
    }

    #[test]
    fn too_small_an_area_still_draws_the_map() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(100.0, 80.0));
        let layout = layout(area, SQUARE, vec2(200.0, 150.0), Some(vec2(240.0, 180.0)));
        assert_eq!(layout.map, area);
    }

    /// The review's slide presented at 1920×1080: a legend naming seven pinned parks, too tall
    /// for one column with the inset, shrank it to ×2. In two columns, shorter, it leaves the
    /// inset its whole size, and the map all but its whole size.
    #[test]
    fn a_tall_legend_goes_in_two_columns_rather_than_shrink_the_inset() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(1900.0, 780.0));
        let map_shape = vec2(1.2, 1.0);
        let (legend, in_two, caption) = (vec2(440.0, 520.0), vec2(820.0, 300.0), 30.0);
        let inset = inset_size(area.size(), map_shape, vec2(1.5, 1.0), caption);
        let one = layout_fitting_inset(area, map_shape, legend, Some(inset), caption);
        assert!(one.inset.is_some_and(|slot| slot.height() < 0.6 * inset.y), "one column shrinks it: {one:?}");
        let (chosen, two) = layout_with_legend(area, map_shape, (legend, Some(in_two)), Some(inset), caption);
        check(&chosen, area);
        assert!(two, "{chosen:?}");
        assert_eq!(chosen.inset.map(|slot| slot.size()), Some(inset), "the inset keeps its size");
        assert!(chosen.map_fit.area() >= 0.85 * one.map_fit.area(), "{chosen:?} {one:?}");
        // With room for both in one column, the legend stays in one.
        let tall = Rect::from_min_size(pos2(0.0, 0.0), vec2(1900.0, 1400.0));
        let inset = inset_size(tall.size(), map_shape, vec2(1.5, 1.0), caption);
        let (_, two) = layout_with_legend(tall, map_shape, (legend, Some(in_two)), Some(inset), caption);
        assert!(!two);
    }
}
