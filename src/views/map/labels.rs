//! District labels: placed where they hide no park marker and no other label, inside the
//! district if the name fits, else outside with a leader line, else left out (the tooltip and,
//! for small districts, the inset still name it), as `shared/research/chart-design.md` §3.1 and
//! §3.4 describe. An outside label prefers the background to any district, the districts the
//! pane draws without naming them included (the inset's neighbours), and a district named
//! elsewhere or not at all to one named inside; its leader goes round markers. The main map and the inset
//! place their labels alike. [`place_labels`] decides on plain rectangles and is unit-tested;
//! [`labels_ui`] draws its answer.

use egui::{Color32, Painter, Pos2, Rect, Stroke, TextStyle, Ui, Vec2, vec2};

use crate::theme::text_on;
use crate::views::remembered::remembered;
use crate::views::widgets::{segment_meets_rect, segments_meet};

use super::markers::drawn_as_dots;
use super::pane::{Pane, PaneKind, leader_stroke};
use super::{MapContext, district_fill};

/// Space kept around each label, in points.
const PAD: f32 = 2.0;

/// The room around another district's anchor an outside label keeps clear of, in points.
const ANCHOR_ROOM: f32 = 10.0;

/// Leader lengths tried for a label outside its district, beyond the district's edge, in
/// points.
const LEADERS: [f32; 5] = [8.0, 18.0, 30.0, 46.0, 64.0];

/// How many steps across and down the part of a district in view is searched for a point to
/// name it from, when its anchor is out of view.
const VIEW_STEPS: usize = 16;

/// How many directions, evenly spread, are tried for a label outside its district.
const DIRECTIONS: usize = 16;

/// What an outside label pays for each of its nine sample points lying on another district it
/// places: most on one still waiting for its own outside label (the label would take that
/// district's place), much on one named inside (the label would read as a second name of it,
/// as an inset label on the north end of its neighbour did), little on one left unnamed.
const COVER_WAITING: f32 = 100.0;
const COVER_NAMED: f32 = 10.0;
const COVER_UNNAMED: f32 = 2.0;

/// What an outside label pays for each sample point on a district the pane draws but does not
/// label (the neighbours around the inset's districts): with no name of its own there, the
/// label reads as its name (as one in the inset did while these were taken for free room). More than on a district named elsewhere, less than on one named inside, whose own
/// name beside it makes two; only the background costs nothing.
const COVER_UNLABELLED: f32 = 5.0;

/// What a point of leader line costs an outside label in the inset, where the main map's costs
/// 1: the inset has no background round its districts, so every outside label lies on some
/// district, and magnified, its leaders are long anyway. What a label lies on then matters
/// more than how far it goes: at the main map's cost, a label of the inset went onto the
/// district named next to it rather than a little further, onto a neighbour.
const INSET_LEADER_COST: f32 = 1.0 / 3.0;

/// What a leader line pays for each park marker it passes over: a leader ending in a marker
/// reads as naming the park rather than the district.
const LEADER_OVER_MARKER: f32 = 40.0;

/// What a leader line pays for crossing another: crossed leaders point each name at the other's
/// district (a name west of its western neighbour's, in the inset), so they are avoided wherever
/// another place will do, even one over districts yet to be named.
const LEADER_CROSSING: f32 = 1000.0;

/// A district name to place.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LabelRequest {
    /// The label's size on screen.
    pub(super) size: Vec2,
    /// The point of the district with the most room around it (its pole of inaccessibility),
    /// on screen: where an inside label is centred and a leader line starts.
    pub(super) anchor: Pos2,
    /// The district's outline on screen.
    pub(super) outline: Vec<Pos2>,
    /// Whether the label may go outside the district; if not, it is left out when it does not
    /// fit inside.
    pub(super) may_go_outside: bool,
}

/// Where a label went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Placement {
    /// Inside its district.
    Inside(Rect),
    /// Outside, joined to its district by a leader line from the first point to the second.
    Outside {
        /// The label.
        rect: Rect,
        /// From the district's anchor to the label's nearest edge.
        leader: [Pos2; 2],
    },
    /// Left out: no free place.
    Dropped,
}

/// Places `requests`, earlier ones first, inside `bounds`, so that no label overlaps another,
/// any of `obstacles` (park markers) or a leader line, and no leader line crosses a label (it
/// may cross a marker). Every label is first tried inside its district (at its anchor, then
/// nudged around it); those that fit nowhere inside are then tried outside in turn, so that
/// outside labels never take a place an inside one could have had. `unlabelled` are the
/// outlines of the other districts drawn in the pane, which an outside label keeps off too;
/// `leader_cost` what each point of an outside label's leader costs (1 on the main map,
/// [`INSET_LEADER_COST`] in the inset).
pub(super) fn place_labels(
    requests: &[LabelRequest],
    unlabelled: &[Vec<Pos2>],
    (obstacles, bounds): (&[Rect], Rect),
    leader_cost: f32,
) -> Vec<Placement> {
    let mut labels: Vec<Rect> = Vec::new();
    let mut leaders: Vec<[Pos2; 2]> = Vec::new();
    let mut placements = vec![Placement::Dropped; requests.len()];
    for (request, placement) in requests.iter().zip(&mut placements) {
        let fits = |centre: &Pos2| {
            let padded = Rect::from_center_size(*centre, request.size).expand(PAD);
            is_free(padded, bounds, &labels, obstacles, &leaders) && rect_inside_ring(padded, &request.outline)
        };
        // The anchor first; the other places inside are searched only when it is taken.
        let inside =
            std::iter::once(request.anchor).find(&fits).or_else(|| inside_spots(request).into_iter().find(fits));
        if let Some(centre) = inside {
            let rect = Rect::from_center_size(centre, request.size);
            labels.push(rect.expand(PAD));
            *placement = Placement::Inside(rect);
        }
    }
    // Outside labels' leaders start clear of park markers: one ending on a marker read as
    // naming that park.
    let requests: Vec<LabelRequest> = requests
        .iter()
        .map(|request| LabelRequest { anchor: clear_anchor(request, obstacles), ..request.clone() })
        .collect();
    let requests = requests.as_slice();
    // Then outside, the smallest districts first: they have the fewest places to go.
    let mut waiting: Vec<usize> =
        (0..requests.len()).filter(|&i| placements[i] == Placement::Dropped && requests[i].may_go_outside).collect();
    waiting.sort_by(|&a, &b| ring_area(&requests[a].outline).total_cmp(&ring_area(&requests[b].outline)));
    for (k, &i) in waiting.iter().enumerate() {
        let room = Room { bounds, obstacles, labels: &labels, leaders: &leaders, unlabelled, leader_cost };
        let cover: Vec<f32> = (0..requests.len())
            .map(|j| match placements[j] {
                _ if waiting[k + 1..].contains(&j) => COVER_WAITING,
                Placement::Inside(_) => COVER_NAMED,
                Placement::Outside { .. } | Placement::Dropped => COVER_UNNAMED,
            })
            .collect();
        if let Some((rect, leader)) = best_outside(requests, i, &cover, &room) {
            labels.push(rect.expand(PAD));
            leaders.push(leader);
            placements[i] = Placement::Outside { rect, leader };
        }
    }
    placements
}

/// What an outside label must keep clear of.
struct Room<'a> {
    bounds: Rect,
    obstacles: &'a [Rect],
    labels: &'a [Rect],
    leaders: &'a [[Pos2; 2]],
    /// The outlines of the districts drawn but not labelled in the pane.
    unlabelled: &'a [Vec<Pos2>],
    /// What each point of leader costs.
    leader_cost: f32,
}

/// The best free place outside its district for the label of `requests[i]`, with its leader:
/// the cheapest of every direction and leader length, where each sample point of the label on
/// district `j` costs `cover[j]`, each on a district drawn without a label [`COVER_UNLABELLED`]
/// (the background costs nothing),
/// each point of leader costs the room's `leader_cost` (less in the inset, which has no
/// background, so what a label lies on weighs more there), each marker the leader passes over [`LEADER_OVER_MARKER`] and
/// each leader it crosses [`LEADER_CROSSING`].
/// The label never covers another district's anchor, where that district's own leader would
/// start.
fn best_outside(requests: &[LabelRequest], i: usize, cover: &[f32], room: &Room<'_>) -> Option<(Rect, [Pos2; 2])> {
    let request = requests.get(i)?;
    let anchors: Vec<Rect> = requests
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .map(|(_, other)| Rect::from_center_size(other.anchor, Vec2::splat(ANCHOR_ROOM)))
        .collect();
    let cost = |rect: Rect, leader: [Pos2; 2]| {
        let samples: Vec<Pos2> =
            [0.0, 0.5, 1.0].into_iter().flat_map(|x| [0.0, 0.5, 1.0].map(|y| rect.lerp_inside(vec2(x, y)))).collect();
        let markers = room.obstacles.iter().filter(|marker| segment_meets_rect(leader, **marker)).count();
        let crossings = room.leaders.iter().filter(|other| segments_meet(leader, **other)).count();
        let mut total = room.leader_cost * leader[0].distance(leader[1])
            + LEADER_OVER_MARKER * markers as f32
            + LEADER_CROSSING * crossings as f32;
        for (j, other) in requests.iter().enumerate().filter(|(j, _)| *j != i) {
            let weight = cover.get(j).copied().unwrap_or(COVER_UNNAMED);
            total += weight * samples.iter().filter(|p| ring_contains(&other.outline, **p)).count() as f32;
        }
        for outline in room.unlabelled {
            total += COVER_UNLABELLED * samples.iter().filter(|p| ring_contains(outline, **p)).count() as f32;
        }
        total
    };
    LEADERS
        .iter()
        .flat_map(|&length| (0..DIRECTIONS).map(move |k| (length, k)))
        .filter_map(|(length, k)| {
            let angle = std::f32::consts::TAU * k as f32 / DIRECTIONS as f32;
            let direction = Vec2::angled(angle);
            let end = ray_exit(request.anchor, direction, &request.outline) + direction * length;
            // The label's side facing the district touches the end of the leader: its left
            // edge for a leader going east, its bottom-left corner going north-east, and so on.
            let align = Vec2::splat(0.5) - direction / (2.0 * direction.x.abs().max(direction.y.abs()));
            let rect = Rect::from_min_size(end - request.size * align, request.size);
            let leader = [request.anchor, end];
            let padded = rect.expand(PAD);
            let free = is_free(padded, room.bounds, room.labels, room.obstacles, room.leaders)
                && !anchors.iter().any(|anchor| padded.intersects(*anchor))
                && !room.labels.iter().any(|other| segment_meets_rect(leader, *other));
            free.then(|| (cost(rect, leader), rect, leader))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, rect, leader)| (rect, leader))
}

/// Where the leader of `request`'s label starts: its anchor, or, when a park marker of
/// `obstacles` covers the anchor, the nearest point beside that marker still inside the
/// district and clear of every marker. The anchor itself when there is none.
fn clear_anchor(request: &LabelRequest, obstacles: &[Rect]) -> Pos2 {
    let covered = |point: Pos2| obstacles.iter().any(|marker| marker.expand(MARKER_CLEARANCE).contains(point));
    if !covered(request.anchor) {
        return request.anchor;
    }
    obstacles
        .iter()
        .filter(|marker| marker.expand(MARKER_CLEARANCE).contains(request.anchor))
        .flat_map(|marker| {
            let reach = marker.size().max_elem() / 2.0 + 2.0 * MARKER_CLEARANCE;
            (0..DIRECTIONS).map(move |k| {
                marker.center() + Vec2::angled(std::f32::consts::TAU * k as f32 / DIRECTIONS as f32) * reach
            })
        })
        .filter(|&point| ring_contains(&request.outline, point) && !covered(point))
        .min_by(|a, b| a.distance_sq(request.anchor).total_cmp(&b.distance_sq(request.anchor)))
        .unwrap_or(request.anchor)
}

/// Room kept between a park marker and the start of a district's leader line, in points.
const MARKER_CLEARANCE: f32 = 3.0;

/// The area of a ring on screen, in square points.
fn ring_area(ring: &[Pos2]) -> f32 {
    let n = ring.len();
    ((0..n).map(|i| ring[i].x * ring[(i + 1) % n].y - ring[(i + 1) % n].x * ring[i].y).sum::<f32>() / 2.0).abs()
}

/// Places inside the district's bounding box where a label could be centred, nearest the
/// anchor first: a grid of quarter-label steps (coarser in a large district, at most 24 by 24).
#[expect(clippy::cast_sign_loss, reason = "a box of positive size over a positive step")]
fn inside_spots(request: &LabelRequest) -> Vec<Pos2> {
    let bbox = Rect::from_points(&request.outline);
    if !bbox.is_positive() {
        return Vec::new();
    }
    let step = (request.size / 4.0).max(bbox.size() / 24.0).max(Vec2::splat(1.0));
    let (columns, rows) = ((bbox.width() / step.x) as usize, (bbox.height() / step.y) as usize);
    let mut spots: Vec<Pos2> = (0..=columns)
        .flat_map(|i| (0..=rows).map(move |j| bbox.min + vec2(i as f32 * step.x, j as f32 * step.y)))
        .collect();
    spots.sort_by(|a, b| a.distance_sq(request.anchor).total_cmp(&b.distance_sq(request.anchor)));
    spots
}

/// Whether `rect` lies in `bounds` and meets no label, obstacle or leader line.
fn is_free(rect: Rect, bounds: Rect, labels: &[Rect], obstacles: &[Rect], leaders: &[[Pos2; 2]]) -> bool {
    bounds.contains_rect(rect)
        && !labels.iter().chain(obstacles).any(|other| rect.intersects(*other))
        && !leaders.iter().any(|leader| segment_meets_rect(*leader, rect))
}

/// Whether `rect` lies wholly inside the ring: its corners inside, and no edge of the ring
/// entering it.
fn rect_inside_ring(rect: Rect, ring: &[Pos2]) -> bool {
    let corners = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()];
    let n = ring.len();
    corners.iter().all(|&c| ring_contains(ring, c))
        && (0..n).all(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            !segment_meets_rect([a, b], rect)
        })
}

/// Whether `point` lies inside the ring (even–odd rule), on screen.
fn ring_contains(ring: &[Pos2], point: Pos2) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a.y > point.y) != (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

/// Where a ray from `from` (inside the ring) in `direction` first leaves the ring: the nearest
/// edge that way, where a leader line can end. `from` itself when the ray meets no edge.
fn ray_exit(from: Pos2, direction: Vec2, ring: &[Pos2]) -> Pos2 {
    let n = ring.len();
    let cross = |u: Vec2, v: Vec2| u.x * v.y - u.y * v.x;
    let mut nearest: Option<f32> = None;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let edge = b - a;
        let denominator = cross(direction, edge);
        if denominator.abs() < f32::EPSILON {
            continue;
        }
        // from + along_ray·direction = a + along_edge·edge
        let along_ray = cross(a - from, edge) / denominator;
        let along_edge = cross(a - from, direction) / denominator;
        if along_ray > 0.0 && (0.0..=1.0).contains(&along_edge) {
            nearest = Some(nearest.map_or(along_ray, |nearest| nearest.min(along_ray)));
        }
    }
    from + direction * nearest.unwrap_or(0.0)
}

/// Where a district whose outline on screen is `outline` is named from, given its `anchor`
/// (its pole of inaccessibility) and the pane's `bounds`: the anchor where it is in view, else
/// the point of the district in view nearest the middle of its part in view, kept off the
/// pane's edge. `None` when no part of the district is in view.
fn anchor_in_view(anchor: Pos2, outline: &[Pos2], bounds: Rect) -> Option<Pos2> {
    if bounds.contains(anchor) {
        return Some(anchor);
    }
    let inner = bounds.shrink(ANCHOR_ROOM);
    let in_view = Rect::from_points(outline).intersect(inner);
    if !in_view.is_positive() {
        return None;
    }
    let centre = in_view.center();
    (0..=VIEW_STEPS)
        .flat_map(|x| (0..=VIEW_STEPS).map(move |y| (x, y)))
        .map(|(x, y)| in_view.lerp_inside(vec2(x as f32 / VIEW_STEPS as f32, y as f32 / VIEW_STEPS as f32)))
        .filter(|point| ring_contains(outline, *point))
        .min_by(|a, b| a.distance(centre).total_cmp(&b.distance(centre)))
}

/// [`place_labels`], made again only when what it is made from changes (a pan, a zoom, other
/// markers or names): placing, with its rays and crossings, was most of a frame of the map.
fn placements_of(
    ui: &Ui,
    pane: PaneKind,
    (requests, unlabelled): (Vec<LabelRequest>, Vec<Vec<Pos2>>),
    obstacles: &[Rect],
    bounds: Rect,
) -> Vec<Placement> {
    let id = ui.scope_id().with(("district labels", pane));
    let inputs = (requests, unlabelled, obstacles.to_vec(), bounds);
    remembered(ui.ctx(), id, inputs, |(requests, unlabelled, obstacles, bounds)| {
        let leader_cost = if pane == PaneKind::Inset { INSET_LEADER_COST } else { 1.0 };
        place_labels(requests, unlabelled, (obstacles, *bounds), leader_cost)
    })
}

/// Draws the labels of `districts` (with whether each may go outside) in `pane`, avoiding
/// `obstacles`. A label inside its district is written straight on the fill, in black or white
/// by contrast; one outside sits on a small plate, joined to its district by a leader line.
/// Where the district labels went, for the parks' names to keep clear of.
#[derive(Debug, Default)]
pub(super) struct LabelRoom {
    /// Each label placed, its plate included.
    pub(super) rects: Vec<Rect>,
    /// The leader lines of those outside their district.
    pub(super) leaders: Vec<[Pos2; 2]>,
}

/// Returns the room the labels took.
pub(super) fn labels_ui(
    ui: &Ui,
    painter: &Painter,
    ctx: &MapContext<'_>,
    pane: &Pane<'_>,
    districts: &[(&super::geometry::DistrictShape, bool)],
    obstacles: &[Rect],
) -> LabelRoom {
    let font = TextStyle::Body.resolve(ui.style());
    let galleys: Vec<_> = districts
        .iter()
        .map(|(shape, _)| {
            let name = ctx.dataset.district(&shape.id).map_or(shape.id.as_str(), |d| d.name.get(ctx.language));
            painter.layout_no_wrap(name.to_owned(), font.clone(), Color32::PLACEHOLDER)
        })
        .collect();
    // Zoomed in, a district off the pane is not named (its name, drawn on the districts in
    // view, read as theirs), and one whose anchor is off it is named from a point in view.
    let bounds = pane.rect.shrink(2.0);
    let (requests, shown): (Vec<LabelRequest>, Vec<usize>) = districts
        .iter()
        .zip(&galleys)
        .enumerate()
        .filter_map(|(i, ((shape, may_go_outside), galley))| {
            let outline: Vec<Pos2> = shape.ring.iter().map(|p| pane.to_screen.apply(*p)).collect();
            let anchor = anchor_in_view(pane.to_screen.apply(shape.label_at), &outline, bounds)?;
            Some((LabelRequest { size: galley.size(), anchor, outline, may_go_outside: *may_go_outside }, i))
        })
        .unzip();
    // The other districts drawn in the pane (the inset's neighbours around the districts it
    // enlarges), which an outside label must know it would cover. The pane draws every
    // district, so this is no more than drawing them.
    let unlabelled: Vec<Vec<Pos2>> = ctx
        .geometry
        .districts
        .iter()
        .filter(|shape| !districts.iter().any(|(labelled, _)| labelled.id == shape.id))
        .map(|shape| shape.ring.iter().map(|p| pane.to_screen.apply(*p)).collect::<Vec<Pos2>>())
        .filter(|outline| Rect::from_points(outline).intersects(bounds))
        .collect();
    // The zoom buttons are one more obstacle: a label is not placed under them, nor a leader
    // started there. Part of what the placements are remembered by, as the markers are.
    let obstacles: Vec<Rect> = obstacles.iter().copied().chain(pane.controls).collect();
    let placements = placements_of(ui, pane.kind, (requests, unlabelled), &obstacles, bounds);
    let mut placements_in_order = vec![Placement::Dropped; districts.len()];
    for (i, placement) in shown.into_iter().zip(placements) {
        if let Some(slot) = placements_in_order.get_mut(i) {
            *slot = placement;
        }
    }
    let placements = placements_in_order;
    let visuals = ui.visuals();
    // Parks drawn as dots are too many to keep labels clear of: a label inside its district
    // then sits on a plate of the district's colour, or the dots under it make it unreadable.
    let on_plates = drawn_as_dots(ctx.data.markers.len());
    let mut taken = LabelRoom::default();
    for (((shape, _), galley), placement) in districts.iter().zip(galleys).zip(placements) {
        match placement {
            Placement::Inside(rect) => taken.rects.push(rect.expand(PAD)),
            Placement::Outside { rect, leader } => {
                taken.rects.push(rect.expand(PAD));
                taken.leaders.push(leader);
            }
            Placement::Dropped => {}
        }
        match placement {
            Placement::Inside(rect) => {
                let fill = district_fill(ctx, &shape.id);
                if on_plates {
                    painter.rect_filled(rect.expand(PAD), 3.0, fill);
                }
                painter.galley(rect.min, galley, text_on(fill));
            }
            Placement::Outside { rect, leader } => {
                let ink = visuals.strong_text_color();
                painter.line_segment(leader, leader_stroke(ui));
                painter.circle_filled(leader[0], 2.0, ink);
                let plate = rect.expand(PAD);
                painter.rect(
                    plate,
                    3.0,
                    visuals.window_fill,
                    Stroke::new(1.0, ink.gamma_multiply(0.5)),
                    egui::StrokeKind::Inside,
                );
                painter.galley(rect.min, galley, ink);
            }
            Placement::Dropped => {}
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use egui::pos2;

    use super::*;

    /// The outline of the rectangle from `min` to `max`, as a district's ring.
    fn rect_ring(min: Pos2, max: Pos2) -> Vec<Pos2> {
        vec![min, pos2(max.x, min.y), max, pos2(min.x, max.y)]
    }

    const BOUNDS: Rect = Rect { min: pos2(0.0, 0.0), max: pos2(400.0, 300.0) };

    fn square(centre: Pos2, half: f32) -> Vec<Pos2> {
        let (x, y) = (centre.x, centre.y);
        vec![pos2(x - half, y - half), pos2(x + half, y - half), pos2(x + half, y + half), pos2(x - half, y + half)]
    }

    fn request(centre: Pos2, half: f32, size: Vec2) -> LabelRequest {
        LabelRequest { size, anchor: centre, outline: square(centre, half), may_go_outside: true }
    }

    fn rect(placement: Placement) -> Option<Rect> {
        match placement {
            Placement::Inside(rect) | Placement::Outside { rect, .. } => Some(rect),
            Placement::Dropped => None,
        }
    }

    #[test]
    fn a_label_that_fits_goes_inside_at_the_anchor() {
        let placements = place_labels(&[request(pos2(100.0, 100.0), 50.0, vec2(60.0, 14.0))], &[], (&[], BOUNDS), 1.0);
        assert_eq!(placements, [Placement::Inside(Rect::from_center_size(pos2(100.0, 100.0), vec2(60.0, 14.0)))]);
    }

    #[test]
    fn a_marker_on_the_anchor_moves_the_label_within_its_district() {
        let marker = Rect::from_center_size(pos2(100.0, 100.0), vec2(20.0, 20.0));
        let placements =
            place_labels(&[request(pos2(100.0, 100.0), 50.0, vec2(60.0, 14.0))], &[], (&[marker], BOUNDS), 1.0);
        let Placement::Inside(rect) = placements[0] else { panic!("{placements:?}") };
        assert!(!rect.intersects(marker));
        assert!(Rect::from_center_size(pos2(100.0, 100.0), Vec2::splat(100.0)).contains_rect(rect));
    }

    #[test]
    fn a_leader_starts_beside_a_marker_on_its_anchor_not_on_it() {
        let marker = Rect::from_center_size(pos2(100.0, 100.0), vec2(10.0, 10.0));
        let placements =
            place_labels(&[request(pos2(100.0, 100.0), 20.0, vec2(60.0, 14.0))], &[], (&[marker], BOUNDS), 1.0);
        let Placement::Outside { leader, .. } = placements[0] else { panic!("{placements:?}") };
        assert!(!marker.expand(MARKER_CLEARANCE).contains(leader[0]), "starts clear of the marker: {leader:?}");
        assert!(Rect::from_center_size(pos2(100.0, 100.0), Vec2::splat(40.0)).contains(leader[0]), "in the district");
    }

    #[test]
    fn a_label_too_wide_for_its_district_goes_outside_with_a_leader() {
        let placements = place_labels(&[request(pos2(100.0, 100.0), 10.0, vec2(60.0, 14.0))], &[], (&[], BOUNDS), 1.0);
        let Placement::Outside { rect, leader } = placements[0] else { panic!("{placements:?}") };
        assert_eq!(leader[0], pos2(100.0, 100.0), "the leader starts at the district");
        assert!(rect.left() >= 110.0, "east of the district, the first direction tried: {rect:?}");
        assert!((leader[1].x - rect.left()).abs() < 1e-3, "the leader ends at the label");
    }

    #[test]
    fn a_leader_goes_another_way_rather_than_across_another_leader() {
        // East, the first direction tried and the shortest leader, would cross a leader already
        // drawn there (a district further on, named across this one): crossed leaders point
        // each name at the other's district.
        let requests = [request(pos2(100.0, 100.0), 10.0, vec2(60.0, 14.0))];
        let drawn = [pos2(114.0, 94.0), pos2(114.0, 106.0)];
        let room =
            Room { bounds: BOUNDS, obstacles: &[], labels: &[], leaders: &[drawn], unlabelled: &[], leader_cost: 1.0 };
        let (_, leader) = best_outside(&requests, 0, &[0.0], &room).expect("a place");
        assert!(!segments_meet(leader, drawn), "{leader:?}");
        // Without that leader, east it is.
        let free = Room { leaders: &[], ..room };
        let (_, leader) = best_outside(&requests, 0, &[0.0], &free).expect("a place");
        assert!(leader[1].x > 110.0 && (leader[1].y - 100.0).abs() < 1e-3, "{leader:?}");
    }

    #[test]
    fn labels_never_overlap_each_other_or_markers() {
        // A dense cluster of small districts, each with a marker at its centre.
        let centres: Vec<Pos2> =
            (0..12).map(|i| pos2(150.0 + 14.0 * (i % 4) as f32, 120.0 + 14.0 * (i / 4) as f32)).collect();
        let requests: Vec<LabelRequest> = centres.iter().map(|&c| request(c, 7.0, vec2(56.0, 14.0))).collect();
        let markers: Vec<Rect> = centres.iter().map(|&c| Rect::from_center_size(c, Vec2::splat(8.0))).collect();
        let placements = place_labels(&requests, &[], (&markers, BOUNDS), 1.0);
        let placed: Vec<Rect> = placements.iter().filter_map(|p| rect(*p)).collect();
        assert!(placed.len() >= 4, "room for some outside: {placements:?}");
        assert!(placed.len() < 12, "not all fit: the rest are dropped");
        for (i, a) in placed.iter().enumerate() {
            assert!(BOUNDS.contains_rect(*a));
            assert!(markers.iter().all(|m| !a.intersects(*m)), "a label hides a marker");
            assert!(placed[i + 1..].iter().all(|b| !a.intersects(*b)), "two labels overlap");
        }
        for placement in &placements {
            if let Placement::Outside { rect: own, leader } = placement {
                assert!(
                    placed.iter().filter(|r| *r != own).all(|r| !segment_meets_rect(*leader, *r)),
                    "a leader crosses a label"
                );
            }
        }
    }

    #[test]
    fn an_outside_label_keeps_off_a_district_named_inside() {
        // A narrow district with a large one east of it, whose name fits inside. Its label fits
        // neither inside nor west (the edge of the bounds); just east it would lie on the large
        // district and read as a second name of it, so it goes north onto the background, though
        // its leader is longer there.
        let large = LabelRequest {
            size: vec2(60.0, 14.0),
            anchor: pos2(204.0, 120.0),
            outline: rect_ring(pos2(108.0, 60.0), pos2(300.0, 180.0)),
            may_go_outside: true,
        };
        let narrow = LabelRequest {
            size: vec2(60.0, 14.0),
            anchor: pos2(100.0, 100.0),
            outline: rect_ring(pos2(92.0, 60.0), pos2(108.0, 140.0)),
            may_go_outside: true,
        };
        let bounds = Rect::from_min_max(pos2(50.0, 0.0), pos2(400.0, 300.0));
        let placements = place_labels(&[large.clone(), narrow], &[], (&[], bounds), 1.0);
        assert!(matches!(placements[0], Placement::Inside(_)), "{placements:?}");
        let Placement::Outside { rect, .. } = placements[1] else { panic!("{placements:?}") };
        let large_box = Rect::from_points(&large.outline);
        assert!(!rect.intersects(large_box), "the label lies on the named district: {rect:?}");
        assert!(rect.bottom() <= 84.0, "north, on the background: {rect:?}");
    }

    /// The review's inset put "Xicheng" on Fengtai, a neighbour the inset draws but does not
    /// name: a name there reads as that district's. Told of every district drawn, a label that
    /// fits nowhere inside its own goes where it covers none it does not name.
    #[test]
    fn an_outside_label_keeps_off_a_district_drawn_but_not_named() {
        // A narrow district, too small for its name, at the west edge of the bounds; east and
        // south of it a neighbour the pane leaves unnamed; north, the background.
        let narrow = LabelRequest {
            size: vec2(60.0, 14.0),
            anchor: pos2(100.0, 100.0),
            outline: rect_ring(pos2(92.0, 84.0), pos2(108.0, 140.0)),
            may_go_outside: true,
        };
        let neighbour = vec![
            pos2(108.0, 84.0),
            pos2(300.0, 84.0),
            pos2(300.0, 200.0),
            pos2(60.0, 200.0),
            pos2(60.0, 140.0),
            pos2(108.0, 140.0),
        ];
        let bounds = Rect::from_min_max(pos2(85.0, 0.0), pos2(400.0, 300.0));
        let placements =
            place_labels(std::slice::from_ref(&narrow), std::slice::from_ref(&neighbour), (&[], bounds), 1.0);
        let Placement::Outside { rect, leader } = placements[0] else { panic!("{placements:?}") };
        let corners = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom(), rect.center()];
        assert!(
            corners.iter().all(|corner| !ring_contains(&neighbour, *corner)),
            "the name lies on the unnamed neighbour: {rect:?}"
        );
        assert_eq!(leader[0], narrow.anchor, "led out from its own district");
        assert!(rect.bottom() <= 84.0, "north, on the background: {rect:?}");
    }

    #[test]
    fn a_leader_goes_round_a_marker_rather_than_through_it() {
        // Bounds leave room only east of the district, where a marker sits just outside it.
        let bounds = Rect::from_min_max(pos2(85.0, 80.0), pos2(400.0, 120.0));
        let marker = Rect::from_min_max(pos2(112.0, 97.0), pos2(115.0, 101.0));
        let placements =
            place_labels(&[request(pos2(100.0, 100.0), 10.0, vec2(60.0, 14.0))], &[], (&[marker], bounds), 1.0);
        let Placement::Outside { leader, .. } = placements[0] else { panic!("{placements:?}") };
        assert!(!segment_meets_rect(leader, marker), "the leader points at the park: {leader:?}");
    }

    #[test]
    fn a_label_kept_inside_is_dropped_rather_than_moved_out() {
        let mut small = request(pos2(100.0, 100.0), 10.0, vec2(60.0, 14.0));
        small.may_go_outside = false;
        assert_eq!(place_labels(&[small], &[], (&[], BOUNDS), 1.0), [Placement::Dropped]);
    }

    #[test]
    fn inside_labels_win_over_outside_ones_and_bounds_hold() {
        // A small district whose outside label would land on a large neighbour's name.
        let large = request(pos2(200.0, 100.0), 60.0, vec2(60.0, 14.0));
        let small = request(pos2(125.0, 100.0), 8.0, vec2(60.0, 14.0));
        let placements = place_labels(&[small, large], &[], (&[], BOUNDS), 1.0);
        assert!(matches!(placements[1], Placement::Inside(_)), "the large district keeps its inside place");
        if let (Some(a), Some(b)) = (rect(placements[0]), rect(placements[1])) {
            assert!(!a.intersects(b));
        }
        // At the edge of the bounds, a label that would stick out is moved or dropped.
        let edge = request(pos2(395.0, 150.0), 4.0, vec2(60.0, 14.0));
        let placed = place_labels(&[edge], &[], (&[], BOUNDS), 1.0);
        assert!(rect(placed[0]).is_none_or(|r| BOUNDS.contains_rect(r)));
    }

    #[test]
    fn a_ray_leaves_a_concave_ring_at_its_first_crossing() {
        // A U whose gap opens at y = 0: a ray east along its closed bottom leaves at x = 30; one
        // east through its left arm leaves at that arm's edge, x = 10, though it enters the
        // right arm later.
        let u_shape = [
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 20.0),
            pos2(20.0, 20.0),
            pos2(20.0, 0.0),
            pos2(30.0, 0.0),
            pos2(30.0, 30.0),
            pos2(0.0, 30.0),
        ];
        let exit = ray_exit(pos2(5.0, 25.0), vec2(1.0, 0.0), &u_shape);
        assert!((exit.x - 30.0).abs() < 1e-4 && (exit.y - 25.0).abs() < 1e-4, "{exit:?}");
        let exit = ray_exit(pos2(5.0, 10.0), vec2(1.0, 0.0), &u_shape);
        assert!((exit.x - 10.0).abs() < 1e-4, "{exit:?}");
        assert!(ring_contains(&u_shape, pos2(5.0, 25.0)) && !ring_contains(&u_shape, pos2(15.0, 10.0)));
    }

    /// Zoomed in, the review's map named Daxing, all but off the bottom, over the districts in
    /// view with a leader running off the map. A district out of view is not named; one whose
    /// anchor is out of view is named from a point of it in view.
    #[test]
    fn a_district_is_named_only_from_where_it_is_in_view() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        let below = square(pos2(200.0, 420.0), 60.0);
        assert_eq!(anchor_in_view(pos2(200.0, 420.0), &below, bounds), None, "wholly out of view");
        // Half in view: named from a point of its own in view.
        let half = square(pos2(200.0, 320.0), 80.0);
        let anchor = anchor_in_view(pos2(200.0, 320.0), &half, bounds).expect("in view");
        assert!(bounds.shrink(ANCHOR_ROOM - 0.01).contains(anchor) && ring_contains(&half, anchor), "{anchor:?}");
        // In view: its own anchor.
        let inside = square(pos2(100.0, 100.0), 40.0);
        assert_eq!(anchor_in_view(pos2(100.0, 100.0), &inside, bounds), Some(pos2(100.0, 100.0)));
    }
}
