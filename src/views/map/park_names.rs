//! Park names beside their markers, so that a map shown to a room says which circle is which
//! park without anyone pointing at it. Every park passing the filter is named while they are
//! few; with more, only the coloured ones (pinned, selected), whose names the legend also gives.
//! A name goes on a small plate beside its marker, on the first side where it covers no marker,
//! district label or other name, and is left out where there is none (the tooltip still names
//! the park). [`place_names`] decides on plain rectangles and is unit-tested.

use egui::{Painter, Pos2, Rect, Stroke, TextStyle, Ui, Vec2, pos2, vec2};

use super::labels::{LabelRoom, segment_meets_rect};
use super::markers::marker_rect;
use super::pane::Pane;
use super::{MapContext, park_name};

/// Most parks passing the filter the map names all of, as the scatter names all its points up
/// to about this many; beyond, names would crowd out the districts'.
const MAX_NAMED_PARKS: usize = 12;

/// Space between a marker and its name, and around a name's text on its plate, in points.
const GAP: f32 = 3.0;

/// A park name to place beside its marker.
#[derive(Clone, Debug, PartialEq)]
struct NameRequest {
    /// The name's size on screen, its plate included.
    size: Vec2,
    /// The room the park's marker takes on screen.
    marker: Rect,
}

/// Where each of `requests` goes, in order of priority: right of its marker, left, above,
/// below, then at its corners, the first place inside `bounds` that overlaps none of
/// `obstacles` (markers, district labels), crosses none of `leaders` (a name on a district's
/// leader line reads as that district's) and overlaps no name placed before it; `None` where
/// no place is free.
fn place_names(requests: &[NameRequest], obstacles: &[Rect], leaders: &[[Pos2; 2]], bounds: Rect) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = Vec::with_capacity(requests.len());
    requests
        .iter()
        .map(|request| {
            let chosen = candidates(request).into_iter().find(|rect| {
                bounds.contains_rect(*rect)
                    && !obstacles.iter().chain(&placed).any(|taken| taken.intersects(*rect))
                    && !leaders.iter().any(|leader| segment_meets_rect(*leader, *rect))
            });
            placed.extend(chosen);
            chosen
        })
        .collect()
}

/// The places tried for a name, in order of preference.
fn candidates(request: &NameRequest) -> [Rect; 8] {
    let (marker, size) = (request.marker, request.size);
    let centre = marker.center();
    let (left, right) = (marker.left() - GAP - size.x, marker.right() + GAP);
    let (above, below) = (marker.top() - GAP - size.y, marker.bottom() + GAP);
    let (middle_x, middle_y) = (centre.x - size.x / 2.0, centre.y - size.y / 2.0);
    [
        pos2(right, middle_y),
        pos2(left, middle_y),
        pos2(middle_x, above),
        pos2(middle_x, below),
        pos2(right, above),
        pos2(right, below),
        pos2(left, above),
        pos2(left, below),
    ]
    .map(|min| Rect::from_min_size(min, size))
}

/// Names the parks `pane` shows (see the module docs), keeping clear of `taken` (markers,
/// district labels and their leaders).
pub(super) fn park_names_ui(ui: &Ui, painter: &Painter, ctx: &MapContext<'_>, pane: &Pane<'_>, taken: &LabelRoom) {
    // The coloured parks first, in their order of importance; the others as the markers come,
    // largest first. Only the coloured ones are looked at when there are many (10,000 markers
    // gone through each frame cost a third of egui's demo frame).
    let coloured = ctx.colours.parks().filter_map(|park| ctx.data.marker(park));
    let few = ctx.data.park_count <= MAX_NAMED_PARKS;
    let others = (if few { &ctx.data.markers[..] } else { &[] })
        .iter()
        .filter(|marker| marker.in_filter && ctx.colours.slot(&marker.park).is_none());
    let named: Vec<_> = coloured
        .chain(others)
        .filter(|marker| pane.rect.contains(pane.to_screen.apply(ctx.geometry.project(marker.lon_lat))))
        .collect();
    if named.is_empty() {
        return;
    }
    let font = TextStyle::Small.resolve(ui.style());
    let galleys: Vec<_> = named
        .iter()
        .map(|marker| {
            let name = park_name(ctx, &marker.park);
            painter.layout_no_wrap(name, font.clone(), ui.visuals().strong_text_color())
        })
        .collect();
    let requests: Vec<NameRequest> = named
        .iter()
        .zip(&galleys)
        .map(|(marker, galley)| NameRequest {
            size: galley.size() + vec2(2.0 * GAP, 0.0),
            marker: marker_rect(ctx, pane, marker),
        })
        .collect();
    let visuals = ui.visuals();
    for (galley, place) in
        galleys.into_iter().zip(place_names(&requests, &taken.rects, &taken.leaders, pane.rect.shrink(2.0)))
    {
        let Some(plate) = place else { continue };
        painter.rect(
            plate,
            3.0,
            visuals.window_fill.gamma_multiply(0.9),
            Stroke::new(1.0, visuals.strong_text_color().gamma_multiply(0.3)),
            egui::StrokeKind::Inside,
        );
        painter.galley(plate.min + vec2(GAP, 0.0), galley, visuals.strong_text_color());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker_at(x: f32, y: f32) -> Rect {
        Rect::from_center_size(pos2(x, y), Vec2::splat(10.0))
    }

    fn request(x: f32, y: f32) -> NameRequest {
        NameRequest { size: vec2(60.0, 14.0), marker: marker_at(x, y) }
    }

    const BOUNDS: Rect = Rect { min: pos2(0.0, 0.0), max: pos2(400.0, 300.0) };

    #[test]
    fn a_name_goes_right_of_its_marker_when_there_is_room() {
        let placed = place_names(&[request(100.0, 100.0)], &[marker_at(100.0, 100.0)], &[], BOUNDS);
        let rect = placed[0].expect("room to the right");
        assert!(rect.left() > 105.0 && (rect.center().y - 100.0).abs() < 0.01, "{rect:?}");
    }

    #[test]
    fn a_name_takes_another_side_rather_than_cover_a_label_or_leave_the_map() {
        let label_to_the_right = Rect::from_min_size(pos2(106.0, 90.0), vec2(80.0, 20.0));
        let rect =
            place_names(&[request(100.0, 100.0)], &[label_to_the_right], &[], BOUNDS)[0].expect("room to the left");
        assert!(rect.right() < 95.0, "{rect:?}");
        // At the map's right edge, the name goes left too.
        let rect = place_names(&[request(390.0, 100.0)], &[], &[], BOUNDS)[0].expect("room to the left");
        assert!(BOUNDS.contains_rect(rect) && rect.right() < 385.0, "{rect:?}");
    }

    /// A district's leader line running right of the marker: the name goes left, off it.
    #[test]
    fn a_name_keeps_off_a_districts_leader_line() {
        let leader = [pos2(100.0, 102.0), pos2(250.0, 102.0)];
        let rect = place_names(&[request(100.0, 100.0)], &[], &[leader], BOUNDS)[0].expect("room to the left");
        assert!(rect.right() < 95.0, "{rect:?}");
    }

    #[test]
    fn names_never_overlap_each_other_or_markers_and_are_left_out_when_nothing_is_free() {
        // Four parks close together in a row: each name finds its own place or none.
        let requests: Vec<NameRequest> = (0..4).map(|i| request(150.0 + 12.0 * i as f32, 150.0)).collect();
        let markers: Vec<Rect> = requests.iter().map(|r| r.marker).collect();
        let placed: Vec<Rect> = place_names(&requests, &markers, &[], BOUNDS).into_iter().flatten().collect();
        assert!(placed.len() >= 2, "the outer parks find room: {placed:?}");
        for (i, a) in placed.iter().enumerate() {
            assert!(markers.iter().all(|m| !m.intersects(*a)), "{a:?} covers a marker");
            assert!(placed[i + 1..].iter().all(|b| !b.intersects(*a)), "{a:?} overlaps another name");
        }
        // A map too small for any name beside the marker.
        let tiny = Rect::from_center_size(pos2(100.0, 100.0), Vec2::splat(30.0));
        assert_eq!(place_names(&[request(100.0, 100.0)], &[], &[], tiny), [None]);
    }
}
