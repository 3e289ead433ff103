//! Park names beside their markers, so that a map shown to a room says which circle is which
//! park without anyone pointing at it. Every park passing the filter is named while they are
//! few; with more, only the coloured ones (pinned, selected), whose names the legend also gives.
//! A park named because the parks are few is as sure of its name as a coloured one (below).
//! A name goes on a small plate right beside its marker where that covers no marker, district
//! label or other name, and no other marker lies nearer the plate than its own (a name beside
//! two markers reads as either's). Where no such place is free, the plate goes a little way off,
//! joined to its marker by a leader line like a district label's. A coloured park is never left
//! unnamed for want of room: its name is shortened with "…" first, and only where even that
//! finds no room may its plate cover grey markers, never a coloured park's marker, a district
//! label or another name. A park in the part of the map the inset enlarges is named in the
//! inset only, unless it is coloured and the inset has no room for its name: then on the main
//! map. [`place_names`] decides on plain rectangles and is unit-tested.

use egui::text::{LayoutJob, TextWrapping};
use egui::{Painter, Pos2, Rect, Stroke, TextStyle, Ui, Vec2, pos2, vec2};

use super::labels::LabelRoom;
use super::markers::marker_rect;
use super::pane::{Pane, PaneKind, inset_stroke, leader_stroke};
use super::{MapContext, park_name};
use crate::model::ParkId;
use crate::views::remembered::remembered;
use crate::views::widgets::{segment_meets_rect, segments_meet};

/// Most parks passing the filter the map names all of, as the scatter names all its points up
/// to about this many; beyond, names would crowd out the districts'.
const MAX_NAMED_PARKS: usize = 12;

/// Space between a marker and its name, and around a name's text on its plate, in points.
const GAP: f32 = 3.0;

/// Room above and below a name on its plate, in points: a Chinese name's glyphs, from the
/// fallback font, reach past the line height of the Latin font the line is measured by.
const PLATE_PAD_Y: f32 = 2.0;

/// Leader lengths tried for a name set off its marker, from the marker's edge, in points: the
/// shortest long enough to be seen from the back of a room, the longest still short enough for
/// the eye to follow at a glance.
const LEADERS: [f32; 6] = [14.0, 22.0, 32.0, 46.0, 64.0, 90.0];

/// Leader lengths tried, as a last resort, for a coloured park's name that finds no room
/// within the longest of [`LEADERS`] even shortened: a long leader is better than no name (a
/// small inset, presented on a small screen, had none).
const LAST_RESORT_LEADERS: [f32; 9] = [14.0, 22.0, 32.0, 46.0, 64.0, 90.0, 130.0, 180.0, 240.0];

/// How many directions, evenly spread, are tried for a name set off its marker.
const DIRECTIONS: usize = 24;

/// How much narrower each try at shortening a coloured park's name is than the last.
const SHORTEN_STEP: f32 = 0.8;

/// A name shortened to fit on the map keeps at least this many characters (then "…"): fewer
/// no longer tell the park.
const SHORTEST_NAME_CHARS: usize = 10;

/// How many times [`place_names`] tries again when names are left out: each try costs as much
/// as the first, and a map being panned places its names every frame.
const TRIES: usize = 4;

/// What a leader line pays for each other marker it passes over: it would seem to end there,
/// and a leader longer by as much that passes none reads better.
const LEADER_OVER_MARKER: f32 = 100.0;

/// What a leader line pays for crossing another: crossed leaders point each name at the other's
/// marker or district.
const LEADER_CROSSING: f32 = 300.0;

/// What a plate set off its marker pays for each other marker right beside it, where it could
/// be read as that park's despite the leader.
const BESIDE_OTHER_MARKER: f32 = 20.0;

/// What a plate set off its marker pays when another marker lies nearer it than its own (see
/// [`nearer_by`]), where that is allowed at all: only as the last resort of a packed
/// crowd, since the name then reads as the nearer park's.
const NEARER_OTHER_MARKER: f32 = 5000.0;

/// What such a plate pays, on top, for each point another marker comes nearer it than its
/// own: where no place keeps a name nearest its own marker (a pinned park's atop the packed
/// core of a small window), the one where the other comes least nearer, rather than the
/// shortest leader, which put the name right beside two grey crosses, read as theirs.
const NEARER_BY_POINT: f32 = 40.0;

/// What a coloured park's plate pays for each other marker it covers: only when no place clear
/// of markers is left, since a name must not go missing (the marker under it stays in the
/// legend and tooltip).
const COVERS_MARKER: f32 = 1000.0;

/// A park name to place beside its marker.
#[derive(Clone, Debug, PartialEq)]
struct NameRequest {
    /// The name's size on screen, its plate included.
    size: Vec2,
    /// The room the park's marker takes on screen.
    marker: Rect,
    /// Whether the park is coloured (pinned, selected): no other name covers its marker.
    coloured: bool,
    /// Whether the park must be named (coloured, or one of the few the map names all of): its
    /// name may cover grey markers, or be shortened, rather than be left out.
    must_name: bool,
    /// The narrowest a coloured park's plate may be shortened to (its name cut with "…"): a
    /// name longer than the map is wide fitted nowhere whole.
    min_width: f32,
    /// How far past the usual rules this name may go: a step further each time it is left out.
    resort: Resort,
}

/// Where a name went.
#[derive(Clone, Copy, Debug, PartialEq)]
struct NamePlace {
    /// The name's plate.
    plate: Rect,
    /// From the edge of the marker to the plate, when the plate is not right beside it.
    leader: Option<[Pos2; 2]>,
}

/// What names keep clear of.
#[derive(Clone, Debug, PartialEq)]
struct NameRoom {
    /// The room every marker drawn takes, the named ones' included.
    markers: Vec<Rect>,
    /// District labels, their plates included, and the zoom buttons' room.
    labels: Vec<Rect>,
    /// District labels' leader lines: a name on one reads as that district's.
    leaders: Vec<[Pos2; 2]>,
    /// Where names may go.
    bounds: Rect,
}

/// Where each of `requests` goes, in order of priority. First right beside its marker (right,
/// left, above, below, then right above or below, where the name starts at the marker), on the
/// first such place inside the bounds that covers no marker, label, leader or name placed
/// before it, and nearer its own marker than any other. Else set off the marker with a leader
/// line, at the cheapest of every direction and leader length (see the costs above). A
/// coloured park's name with no room whole is shortened (its plate narrower than asked) until
/// it fits, down to its `min_width`; with no room still, its plate may cover grey markers,
/// never another coloured park's, and go further off; past that, in a packed crowd, its leader
/// may cross a coloured park's marker, and its plate lie nearer another marker than its own.
/// Each step is taken by the names left out alone first. `None` only where even that finds no
/// room.
#[cfg(test)]
fn place_names(requests: &[NameRequest], room: &NameRoom) -> Vec<Option<NamePlace>> {
    place_names_or_leave_out(requests, room, false)
}

/// [`place_names`]; where `may_leave_out`, a coloured park's name whose leader would cross
/// another coloured park's marker is left out instead (the inset's: the main map names it).
fn place_names_or_leave_out(requests: &[NameRequest], room: &NameRoom, may_leave_out: bool) -> Vec<Option<NamePlace>> {
    // A coloured park's name may cover a grey marker only when it finds no room otherwise,
    // shortened or not; never another coloured park's marker, which the audience is shown.
    let coloured: Vec<Rect> = requests.iter().filter(|r| r.coloured).map(|r| r.marker).collect();
    let mut cover = Cover { coloured: &coloured, resort: Resort::Usual };
    let most = if may_leave_out { Resort::Last } else { Resort::NearerOther };
    let others = markers_within_reach(requests, room);
    let mut asked = requests.to_vec();
    // The first placement that leaves out the fewest names that must be named: each step
    // loosens rules for some names, and one that names no more only lets others' leaders go
    // through markers they kept clear of.
    let mut best: Option<(usize, Vec<Option<NamePlace>>)> = None;
    loop {
        let places = place_names_as_wide(&asked, &others, room, cover);
        let unnamed =
            (places.iter().zip(&asked)).filter(|(place, request)| place.is_none() && request.must_name).count();
        if best.as_ref().is_none_or(|(fewest, _)| unnamed < *fewest) {
            best = Some((unnamed, places.clone()));
        }
        let mut shortened = false;
        for (request, place) in asked.iter_mut().zip(&places) {
            if place.is_none() && request.must_name && request.size.x > request.min_width {
                request.size.x = (request.size.x * SHORTEN_STEP).max(request.min_width);
                shortened = true;
            }
        }
        if shortened {
            continue;
        }
        // How far each name left out may go now.
        let left_out: Vec<Resort> = (places.iter().zip(&asked))
            .filter(|(place, request)| place.is_none() && request.must_name)
            .map(|(_, request)| request.resort)
            .collect();
        // Each step first for the names left out alone, the others placed by the rules they
        // had (given to all, a name with a clean place had its leader run through another
        // park's marker); then, in a packed crowd, for all. Each time as wide as asked.
        if let Some(lowest) = left_out.iter().copied().min().filter(|&lowest| lowest < most) {
            asked = (requests.iter().zip(asked.iter().zip(&places)))
                .map(|(request, (before, place))| {
                    let raise = place.is_none() && request.must_name && before.resort == lowest;
                    NameRequest { resort: if raise { lowest.next() } else { before.resort }, ..request.clone() }
                })
                .collect();
            continue;
        }
        if !left_out.is_empty() && cover.resort < most {
            cover.resort = cover.resort.next();
            asked = (requests.iter().zip(&asked)).map(|(r, a)| NameRequest { resort: a.resort, ..r.clone() }).collect();
            continue;
        }
        return best.map(|(_, places)| places).unwrap_or(places);
    }
}

/// For each of `requests`, the markers of `room` within reach of any place its name may be
/// tried at (the longest last-resort leader, the name as wide as asked): with hundreds of
/// markers, the rest are passed over once here rather than once per place and step.
fn markers_within_reach(requests: &[NameRequest], room: &NameRoom) -> Vec<Vec<Rect>> {
    let longest = LAST_RESORT_LEADERS[LAST_RESORT_LEADERS.len() - 1];
    (requests.iter())
        .map(|request| {
            let near = request.marker.expand(longest + request.size.x + request.size.y + GAP);
            room.markers.iter().copied().filter(|m| *m != request.marker && near.intersects(*m)).collect()
        })
        .collect()
}

/// How far a name set off its marker may go where it finds no room otherwise, each step
/// allowing what the one before does and more.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Resort {
    /// The usual rules.
    #[default]
    Usual,
    /// The plate of a name that must be named may cover grey markers, at the end of a leader
    /// up to the longest of [`LAST_RESORT_LEADERS`].
    Last,
    /// A leader may cross a coloured park's marker (in a packed crowd of them, an inner one's
    /// name has no other way out).
    CrossColoured,
    /// A plate may lie nearer another marker than its own.
    NearerOther,
}

impl Resort {
    /// The next step, or this one when it is the last.
    fn next(self) -> Self {
        match self {
            Self::Usual => Self::Last,
            Self::Last => Self::CrossColoured,
            Self::CrossColoured | Self::NearerOther => Self::NearerOther,
        }
    }
}

/// What a name set off its marker may cover, and how far off it may go.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cover<'a> {
    /// The coloured parks' markers: no name covers one, no leader crosses one (it would seem
    /// to end there).
    coloured: &'a [Rect],
    /// How far every name may go; a name left out may go further ([`NameRequest::resort`]).
    resort: Resort,
}

/// [`place_names`] with each name as wide as asked, set-off names covering what `cover` allows;
/// `others[i]`: the markers within reach of `requests[i]` ([`markers_within_reach`]).
fn place_names_as_wide(
    requests: &[NameRequest],
    others: &[Vec<Rect>],
    room: &NameRoom,
    cover: Cover<'_>,
) -> Vec<Option<NamePlace>> {
    // Names beside a crowd's outer markers can close every way out for a name inside it: when
    // a name finds no room, try again with it placed before all the others, and keep the try
    // that names the most.
    let mut first: Vec<usize> = Vec::new();
    let mut best: Option<Vec<Option<NamePlace>>> = None;
    let unnamed = |places: &[Option<NamePlace>]| places.iter().filter(|p| p.is_none()).count();
    for _ in 0..TRIES {
        let places = place_in_turn(requests, others, room, &first, cover);
        let left_out: Vec<usize> =
            (0..requests.len()).filter(|&i| places[i].is_none() && !first.contains(&i)).collect();
        let done = unnamed(&places) == 0 || left_out.is_empty();
        if best.as_ref().is_none_or(|best| unnamed(&places) < unnamed(best)) {
            best = Some(places);
        }
        if done {
            break;
        }
        first.extend(left_out);
    }
    best.unwrap_or_default()
}

/// One try of [`place_names`]: the names of `first` beside their markers or set off, in that
/// order; then the other coloured parks' names, and then the rest's, each part as follows:
/// every name that fits beside its marker, in order of priority, then the others set off.
/// `others[i]`: the markers near that of `requests[i]`. (A grey park's name beside its marker
/// took the one place near a pinned park's marker that was free.)
fn place_in_turn(
    requests: &[NameRequest],
    others: &[Vec<Rect>],
    room: &NameRoom,
    first: &[usize],
    cover: Cover<'_>,
) -> Vec<Option<NamePlace>> {
    let mut chosen: Vec<Option<NamePlace>> = vec![None; requests.len()];
    let mut plates: Vec<Rect> = Vec::with_capacity(requests.len());
    let mut leaders: Vec<[Pos2; 2]> = room.leaders.clone();
    let (coloured, rest): (Vec<usize>, Vec<usize>) =
        (0..requests.len()).filter(|i| !first.contains(i)).partition(|&i| requests[i].coloured);
    let steps = first
        .iter()
        .map(|&i| (i, true, true))
        .chain(coloured.iter().map(|&i| (i, true, false)))
        .chain(coloured.iter().map(|&i| (i, false, true)))
        .chain(rest.iter().map(|&i| (i, true, false)))
        .chain(rest.iter().map(|&i| (i, false, true)));
    for (i, try_beside, try_set_off) in steps {
        let (Some(request), Some(others)) = (requests.get(i), others.get(i)) else { continue };
        if chosen[i].is_some() {
            continue;
        }
        let beside = try_beside
            .then(|| {
                beside(request).into_iter().find(|plate| {
                    is_clear(*plate, room, &plates, &leaders)
                        && !others.iter().any(|other| other.intersects(*plate))
                        && nearest_is_own(*plate, request.marker, others)
                })
            })
            .flatten()
            .map(|plate| NamePlace { plate, leader: None });
        let place = beside
            .or_else(|| try_set_off.then(|| set_off(request, others, (&plates, &leaders), room, cover)).flatten());
        if let Some(NamePlace { plate, leader }) = place {
            plates.push(plate);
            leaders.extend(leader);
        }
        chosen[i] = place;
    }
    chosen
}

/// Whether `plate` lies inside the bounds, clear of district labels, `plates` placed before it
/// and `leaders` (districts' and names').
fn is_clear(plate: Rect, room: &NameRoom, plates: &[Rect], leaders: &[[Pos2; 2]]) -> bool {
    room.bounds.contains_rect(plate)
        && !room.labels.iter().chain(plates).any(|taken| taken.intersects(plate))
        && !leaders.iter().any(|leader| segment_meets_rect(*leader, plate))
}

/// Whether the marker nearest the middle of `plate` is `own` rather than one of `others`.
fn nearest_is_own(plate: Rect, own: Rect, others: &[Rect]) -> bool {
    let centre = plate.center();
    let distance = own.distance_to_pos(centre);
    others.iter().all(|other| other.distance_to_pos(centre) > distance)
}

/// How much nearer `plate` the nearest marker but `own` comes than `own` does, in points,
/// measured from the edge of each marker's disc; negative when no other comes as near. A name
/// set off its marker with some other park's marker nearer reads as that park's, the leader
/// notwithstanding (a pinned park's name sat by another's cross). A marker whose disc covers
/// the middle of `own` does not count: `own` is drawn over it, and every place is nearer the
/// larger disc.
fn nearer_by(plate: Rect, own: Rect, others: &[Rect]) -> f32 {
    let from_edge = |marker: &Rect| (plate.distance_to_pos(marker.center()) - marker.width() / 2.0).max(0.0);
    let nearest_other =
        others.iter().filter(|other| !lies_under(own, **other)).map(from_edge).fold(f32::INFINITY, f32::min);
    from_edge(&own) - nearest_other
}

/// Whether the middle of the marker `own` lies on the disc of the larger marker `other`, which
/// it is drawn over.
fn lies_under(own: Rect, other: Rect) -> bool {
    other.width() > own.width() && other.center().distance(own.center()) < other.width() / 2.0
}

/// The places right beside the marker tried for a name, in order of preference: those where
/// the name starts or ends at the marker, or is centred on it. Not left above or below, where
/// a long name ends a name's width away from its marker.
fn beside(request: &NameRequest) -> [Rect; 6] {
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
    ]
    .map(|min| Rect::from_min_size(min, size))
}

/// The cheapest place set off the marker of `request`, with its leader line from the marker's
/// edge; see [`place_names`].
fn set_off(
    request: &NameRequest,
    others: &[Rect],
    (plates, leaders): (&[Rect], &[[Pos2; 2]]),
    room: &NameRoom,
    cover: Cover<'_>,
) -> Option<NamePlace> {
    let (centre, radius) = (request.marker.center(), request.marker.width() / 2.0);
    let resort = request.resort.max(cover.resort);
    let last_resort = resort >= Resort::Last;
    let lengths: &[f32] = if last_resort { &LAST_RESORT_LEADERS } else { &LEADERS };
    // A marker drawn on a larger one's disc has every leader start on that disc: only the
    // others count as crossed.
    let crossable: Vec<Rect> = others.iter().copied().filter(|other| !lies_under(request.marker, *other)).collect();
    lengths
        .iter()
        .flat_map(|&length| (0..DIRECTIONS).map(move |k| (length, k)))
        .filter_map(|(length, k)| {
            let direction = Vec2::angled(std::f32::consts::TAU * k as f32 / DIRECTIONS as f32);
            let start = centre + direction * radius;
            let end = start + direction * length;
            // The plate's side facing the marker touches the end of the leader: its left edge
            // for a leader going east, its bottom-left corner going north-east, and so on.
            let align = Vec2::splat(0.5) - direction / (2.0 * direction.x.abs().max(direction.y.abs()));
            let plate = Rect::from_min_size(end - request.size * align, request.size);
            let leader = [start, end];
            let covered = others.iter().filter(|other| other.intersects(plate)).count();
            let is_coloured = |other: &&Rect| cover.coloured.contains(other);
            let may_cover = last_resort
                && request.must_name
                && !others.iter().filter(is_coloured).any(|other| other.intersects(plate));
            let nearer = nearer_by(plate, request.marker, others);
            let reads_as_own = nearer < 0.0;
            let over = crossable.iter().filter(|other| segment_meets_rect(leader, **other)).count();
            let free = is_clear(plate, room, plates, leaders)
                && (reads_as_own || resort >= Resort::NearerOther)
                && (covered == 0 || may_cover)
                && (resort >= Resort::CrossColoured
                    || !crossable.iter().filter(is_coloured).any(|other| segment_meets_rect(leader, *other)))
                && !room.labels.iter().chain(plates).any(|taken| segment_meets_rect(leader, *taken));
            free.then(|| {
                let crossings = leaders.iter().filter(|other| segments_meet(leader, **other)).count();
                let beside_others =
                    others.iter().filter(|other| other.expand(2.0 * GAP).intersects(plate)).count() - covered;
                let cost = length
                    + LEADER_OVER_MARKER * over as f32
                    + LEADER_CROSSING * crossings as f32
                    + BESIDE_OTHER_MARKER * beside_others as f32
                    + if reads_as_own { 0.0 } else { NEARER_OTHER_MARKER + NEARER_BY_POINT * nearer }
                    + COVERS_MARKER * covered as f32;
                (cost, NamePlace { plate, leader: Some(leader) })
            })
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, place)| place)
}

/// Names the parks `pane` shows (see the module docs), keeping clear of `markers` (the room
/// each marker drawn takes) and the district labels in `taken`.
pub(super) fn park_names_ui(
    ui: &Ui,
    painter: &Painter,
    ctx: &MapContext<'_>,
    pane: &Pane<'_>,
    taken: &LabelRoom,
    markers: &[Rect],
) {
    // The picked parks first (the coloured ones, and the selected one when every colour went to
    // pins), in their order of importance; the others as the markers come,
    // largest first. Only the coloured ones are looked at when there are many (10,000 markers
    // gone through each frame cost a third of egui's demo frame).
    let coloured = ctx.picked().filter_map(|park| ctx.data.marker(park));
    let few = ctx.data.park_count.entries <= MAX_NAMED_PARKS;
    let others = (if few { &ctx.data.markers[..] } else { &[] })
        .iter()
        .filter(|marker| marker.in_filter && !ctx.is_picked(&marker.park));
    // A park the inset enlarges is named there only, as its district is: in the crowded core a
    // name on the main map had to go a long way from its marker, or read as a neighbour's. A
    // coloured park the inset has no room to name (a small inset on a small screen) is named on
    // the main map instead. The inset is drawn after the main map, so the main map names the
    // parks the inset left out in the frame before; a change draws another frame.
    let left_out_id = ui.scope_id().with("coloured parks the inset leaves unnamed");
    let left_out: Vec<ParkId> = ui.ctx().data(|d| d.get_temp(left_out_id)).unwrap_or_default();
    let enlarged = |at: Pos2| pane.inset_extent.is_some_and(|extent| extent.contains(at));
    let named: Vec<_> = coloured
        .chain(others)
        .filter(|marker| {
            let at = ctx.geometry.project(marker.lon_lat);
            pane.rect.contains(pane.to_screen.apply(at)) && (!enlarged(at) || left_out.contains(&marker.park))
        })
        .collect();
    let remember_left_out = |now: Vec<ParkId>| {
        if pane.kind == PaneKind::Inset && now != left_out {
            ui.ctx().data_mut(|d| d.insert_temp(left_out_id, now));
            ui.ctx().request_repaint();
        }
    };
    if named.is_empty() {
        remember_left_out(Vec::new());
        return;
    }
    // At the desk in body text, as the districts are named (small text is about 10 pixels, and
    // a Chinese name of it a smudge); on a slide, whose text is larger, in small text.
    let font = if ctx.presenting { TextStyle::Small } else { TextStyle::Body }.resolve(ui.style());
    let colour = ui.visuals().strong_text_color();
    let galleys: Vec<_> = named
        .iter()
        .map(|marker| {
            let name = park_name(ctx, &marker.park);
            let shortest: String = name.chars().take(SHORTEST_NAME_CHARS).chain(['…']).collect();
            let shortest = painter.layout_no_wrap(shortest, font.clone(), colour).size().x;
            (painter.layout_no_wrap(name, font.clone(), colour), shortest)
        })
        .collect();
    let plate_pad = vec2(2.0 * GAP, 2.0 * PLATE_PAD_Y);
    let requests: Vec<NameRequest> = named
        .iter()
        .zip(&galleys)
        .map(|(marker, (galley, shortest))| NameRequest {
            size: galley.size() + plate_pad,
            marker: marker_rect(ctx, pane, marker),
            coloured: ctx.is_picked(&marker.park),
            // While few parks pass the filter, every one is named, as the module promises.
            must_name: few || ctx.is_picked(&marker.park),
            min_width: shortest + plate_pad.x,
            resort: Resort::Usual,
        })
        .collect();
    let room = NameRoom {
        markers: markers.to_vec(),
        // A name keeps off the zoom buttons as off a district label; part of what the places
        // are remembered by.
        labels: taken.rects.iter().copied().chain(pane.controls).collect(),
        leaders: taken.leaders.clone(),
        // Clear of a pane's edge by twice the inset's frame, drawn inside its rect: a name
        // touching the frame read as sticking out of it.
        bounds: pane.rect.shrink(2.0 * inset_stroke(ui).width),
    };
    // Placed again only when a name, marker or label moves: trying every direction and leader
    // length against the markers near each name is more than a frame should do each time.
    let id = ui.scope_id().with(("park names", pane.kind));
    let inset = pane.kind == PaneKind::Inset;
    let places = remembered(ui.ctx(), id, (requests, room, inset), |(requests, room, inset)| {
        let places = place_names_or_leave_out(requests, room, *inset);
        // The inset hands the names it leaves out to the main map; one the main map has no
        // room for either is named by the legend and the marker's tooltip only. Logged for a
        // maintainer at debug level: placements are made again on every frame of a pan or zoom.
        let unnamed = places.iter().zip(requests).filter(|(place, request)| place.is_none() && request.coloured);
        let unnamed = unnamed.count();
        if !*inset && unnamed > 0 {
            log::debug!("{unnamed} pinned or selected park names found no room on the map; the legend names them");
        }
        places
    });
    remember_left_out(
        named
            .iter()
            .zip(&places)
            .filter(|(marker, place)| place.is_none() && ctx.is_picked(&marker.park))
            .map(|(marker, _)| marker.park.clone())
            .collect(),
    );
    let visuals = ui.visuals();
    for ((galley, _), place) in galleys.into_iter().zip(places) {
        let Some(NamePlace { plate, leader }) = place else { continue };
        // Shortened to its plate, with "…" (whole in the legend and the marker's tooltip).
        let galley = if plate.width() + 0.5 < galley.size().x + plate_pad.x {
            let mut job = LayoutJob::simple_singleline(galley.text().to_owned(), font.clone(), colour);
            job.wrap = TextWrapping::truncate_at_width(plate.width() - plate_pad.x);
            painter.layout_job(job)
        } else {
            galley
        };
        if let Some(leader) = leader {
            // As a district label's leader, so that the two read alike.
            painter.line_segment(leader, leader_stroke(ui));
        }
        painter.rect(
            plate,
            3.0,
            // Opaque: a district's border showing through cut across the name.
            visuals.window_fill,
            Stroke::new(1.0, visuals.strong_text_color().gamma_multiply(0.3)),
            egui::StrokeKind::Inside,
        );
        painter.galley(plate.min + vec2(GAP, PLATE_PAD_Y), galley, visuals.strong_text_color());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker_at(x: f32, y: f32) -> Rect {
        Rect::from_center_size(pos2(x, y), Vec2::splat(10.0))
    }

    fn request(x: f32, y: f32) -> NameRequest {
        NameRequest {
            size: vec2(60.0, 14.0),
            marker: marker_at(x, y),
            coloured: true,
            must_name: true,
            min_width: 60.0,
            resort: Resort::Usual,
        }
    }

    const BOUNDS: Rect = Rect { min: pos2(0.0, 0.0), max: pos2(400.0, 300.0) };

    fn room(markers: &[Rect], labels: &[Rect], leaders: &[[Pos2; 2]]) -> NameRoom {
        NameRoom { markers: markers.to_vec(), labels: labels.to_vec(), leaders: leaders.to_vec(), bounds: BOUNDS }
    }

    /// The requests' own markers, which the map always passes among the markers.
    fn own_markers(requests: &[NameRequest]) -> Vec<Rect> {
        requests.iter().map(|r| r.marker).collect()
    }

    /// What a reader must be able to tell: a name without a leader sits right beside its own
    /// marker, and the marker nearest it is its own; a name with one has a leader starting at
    /// its marker's edge and ending on its plate.
    fn assert_reads_as_its_own(request: &NameRequest, place: NamePlace, markers: &[Rect]) {
        let own = request.marker;
        match place.leader {
            None => {
                assert!(own.expand(GAP + 0.5).intersects(place.plate), "{place:?} is off its marker {own:?}");
                let centre = place.plate.center();
                for other in markers.iter().filter(|m| **m != own) {
                    assert!(
                        other.distance_to_pos(centre) > own.distance_to_pos(centre),
                        "{place:?} lies nearer the marker {other:?} than its own {own:?}"
                    );
                }
            }
            Some([start, end]) => {
                let radius = own.width() / 2.0;
                assert!((start.distance(own.center()) - radius).abs() < 0.01, "the leader starts at the marker");
                assert!(place.plate.expand(0.01).contains(end), "the leader ends on the plate: {place:?}");
            }
        }
    }

    #[test]
    fn a_name_goes_right_of_its_marker_when_there_is_room() {
        let requests = [request(100.0, 100.0)];
        let place = place_names(&requests, &room(&own_markers(&requests), &[], &[]))[0].expect("room to the right");
        assert!(place.leader.is_none(), "{place:?}");
        let rect = place.plate;
        assert!(rect.left() > 105.0 && (rect.center().y - 100.0).abs() < 0.01, "{rect:?}");
    }

    #[test]
    fn a_name_takes_another_side_rather_than_cover_a_label_or_leave_the_map() {
        let label_to_the_right = Rect::from_min_size(pos2(106.0, 90.0), vec2(80.0, 20.0));
        let place = place_names(&[request(100.0, 100.0)], &room(&[], &[label_to_the_right], &[]))[0].expect("a place");
        assert!(place.leader.is_none() && place.plate.right() < 95.0, "{place:?}");
        // At the map's right edge, the name goes left too.
        let place = place_names(&[request(390.0, 100.0)], &room(&[], &[], &[]))[0].expect("a place");
        assert!(place.leader.is_none() && BOUNDS.contains_rect(place.plate) && place.plate.right() < 385.0);
    }

    /// A district's leader line running right of the marker: the name goes left, off it.
    #[test]
    fn a_name_keeps_off_a_districts_leader_line() {
        let leader = [pos2(100.0, 102.0), pos2(250.0, 102.0)];
        let place = place_names(&[request(100.0, 100.0)], &room(&[], &[], &[leader]))[0].expect("a place");
        assert!(place.plate.right() < 95.0 && !segment_meets_rect(leader, place.plate), "{place:?}");
    }

    /// Labels on every side of the marker: the name is set off it, joined by a leader line,
    /// rather than dropped or put a name's width away with nothing saying whose it is.
    #[test]
    fn a_name_displaced_from_its_marker_gets_a_leader_line() {
        // District labels right and left, other parks' markers above and below.
        let labels = [
            Rect::from_min_max(pos2(106.0, 92.0), pos2(170.0, 108.0)),
            Rect::from_min_max(pos2(30.0, 92.0), pos2(94.0, 108.0)),
        ];
        let requests = [request(100.0, 100.0)];
        let markers = [requests[0].marker, marker_at(100.0, 86.0), marker_at(100.0, 114.0)];
        let place = place_names(&requests, &room(&markers, &labels, &[]))[0].expect("a coloured park is always named");
        let leader = place.leader.expect("a leader line to the marker");
        assert_reads_as_its_own(&requests[0], place, &markers);
        assert!(labels.iter().all(|label| !label.intersects(place.plate)), "{place:?} covers a label");
        assert!(labels.iter().all(|label| !segment_meets_rect(leader, *label)), "the leader crosses a label");
    }

    /// A free place right of the marker, but another park's marker sits just above that
    /// place's far end, nearer the name than its own: the name goes where it reads as its own.
    #[test]
    fn a_name_is_never_nearer_another_marker_than_its_own_without_a_leader() {
        let neighbour = marker_at(150.0, 84.0);
        let requests = [request(100.0, 100.0)];
        let markers = [requests[0].marker, neighbour];
        let place = place_names(&requests, &room(&markers, &[], &[]))[0].expect("a place");
        assert_reads_as_its_own(&requests[0], place, &markers);
        assert!(place.plate.right() < 95.0, "left of the marker, away from the neighbour: {place:?}");
        // With the neighbour gone, the name goes right again.
        let place = place_names(&requests, &room(&markers[..1], &[], &[]))[0].expect("a place");
        assert!(place.leader.is_none() && place.plate.left() > 105.0, "{place:?}");
    }

    #[test]
    fn a_crowd_of_coloured_parks_is_named_every_one_without_names_overlapping() {
        // Twelve coloured parks packed in a block, each marker 2 points from the next, with
        // district labels around them: every one is named, no name covers another name or a
        // label, and each reads as its own.
        let requests: Vec<NameRequest> =
            (0..12).map(|i| request(170.0 + 12.0 * (i % 4) as f32, 130.0 + 12.0 * (i / 4) as f32)).collect();
        let markers = own_markers(&requests);
        let labels = [
            Rect::from_min_max(pos2(100.0, 40.0), pos2(300.0, 80.0)),
            Rect::from_min_max(pos2(100.0, 200.0), pos2(300.0, 240.0)),
        ];
        let answer = place_names(&requests, &room(&markers, &labels, &[]));
        let placed: Vec<NamePlace> =
            answer.iter().enumerate().map(|(i, p)| p.unwrap_or_else(|| panic!("{i} unnamed: {answer:?}"))).collect();
        for (i, (request, place)) in requests.iter().zip(&placed).enumerate() {
            assert!(BOUNDS.contains_rect(place.plate));
            assert!(labels.iter().all(|label| !label.intersects(place.plate)), "{place:?} covers a label");
            assert!(placed[i + 1..].iter().all(|other| !other.plate.intersects(place.plate)), "names overlap");
            assert_reads_as_its_own(request, *place, &markers);
        }
        assert!(placed.iter().any(|p| p.leader.is_some()), "a packed block leaves some names set off");
    }

    #[test]
    fn a_park_not_coloured_is_left_out_rather_than_cover_markers() {
        // Markers all round a grey park's marker and no room within a leader's reach but on
        // them: a coloured park is still named, over the markers; a grey one is not.
        let centre = marker_at(100.0, 100.0);
        let ring: Vec<Rect> = (-12..=12)
            .flat_map(|i| (-12..=12).map(move |j| (i, j)))
            .filter(|&(i, j)| (i, j) != (0, 0))
            .map(|(i, j)| marker_at(100.0 + 11.0 * i as f32, 100.0 + 11.0 * j as f32))
            .collect();
        let markers: Vec<Rect> = std::iter::once(centre).chain(ring).collect();
        let coloured = request(100.0, 100.0);
        let grey = NameRequest { coloured: false, must_name: false, ..coloured.clone() };
        let place =
            place_names(std::slice::from_ref(&coloured), &room(&markers, &[], &[]))[0].expect("named over markers");
        assert_reads_as_its_own(&coloured, place, &markers);
        assert_eq!(place_names(std::slice::from_ref(&grey), &room(&markers, &[], &[])), [None]);
        // One of the few parks the map names all of is named as a coloured one would be.
        let few = NameRequest { must_name: true, ..grey };
        let place = place_names(std::slice::from_ref(&few), &room(&markers, &[], &[]))[0].expect("named over markers");
        assert_reads_as_its_own(&few, place, &markers);
    }

    #[test]
    fn a_name_is_left_out_only_where_the_map_has_no_room_for_it() {
        let tiny =
            NameRoom { bounds: Rect::from_center_size(pos2(100.0, 100.0), Vec2::splat(30.0)), ..room(&[], &[], &[]) };
        assert_eq!(place_names(&[request(100.0, 100.0)], &tiny), [None]);
    }

    /// The review's presented map: a pinned park's name longer than the map is wide found no
    /// place whole and was left unnamed.
    #[test]
    fn a_coloured_name_longer_than_the_map_is_shortened_not_left_out() {
        let long = NameRequest { size: vec2(650.0, 20.0), min_width: 120.0, ..request(200.0, 100.0) };
        let grey = NameRequest { coloured: false, must_name: false, ..long.clone() };
        let requests = [long, NameRequest { marker: marker_at(300.0, 250.0), ..grey }];
        let places = place_names(&requests, &room(&own_markers(&requests), &[], &[]));
        let place = places[0].expect("a coloured park is named");
        assert!(BOUNDS.contains_rect(place.plate), "{place:?}");
        assert!(place.plate.width() >= 120.0 && place.plate.width() < 400.0, "shortened to fit: {place:?}");
        assert_eq!(places[1], None, "a grey park's name is left out rather than cut");
    }

    /// The review's slide: a pinned park's cross inside a neighbour's large disc, other parks'
    /// crosses scattered round it. Its name went by one of them (above another park's cross,
    /// beside a third's), where the audience read it as that park's. Wherever it goes, no marker
    /// but the large disc it lies on is nearer the name than its own.
    #[test]
    fn a_set_off_name_is_nearer_its_own_marker_than_any_other() {
        let own = request(200.0, 150.0);
        let large = Rect::from_center_size(pos2(208.0, 150.0), Vec2::splat(64.0));
        let crosses: Vec<Rect> = (0..8)
            .map(|k| {
                let direction = Vec2::angled(std::f32::consts::TAU * k as f32 / 8.0 + 0.3);
                let at = pos2(200.0, 150.0) + direction * vec2(75.0, 55.0);
                marker_at(at.x, at.y)
            })
            .collect();
        let markers: Vec<Rect> = [own.marker, large].into_iter().chain(crosses.iter().copied()).collect();
        let place =
            place_names(std::slice::from_ref(&own), &room(&markers, &[], &[]))[0].expect("a pinned park is named");
        assert_reads_as_its_own(&own, place, &markers);
        let from_edge = |m: &Rect| (place.plate.distance_to_pos(m.center()) - m.width() / 2.0).max(0.0);
        for cross in &crosses {
            assert!(
                from_edge(cross) > from_edge(&own.marker),
                "{place:?} lies nearer the marker {cross:?} than its own {:?}",
                own.marker
            );
        }
    }

    /// A rectangle from its corners, as a scene taken from the window lists them.
    fn r(x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
        Rect::from_min_max(pos2(x0, y0), pos2(x1, y1))
    }

    /// A name to be named, as a scene taken from the window gives it: its plate's size, its
    /// marker, whether the park is coloured and the narrowest its name may be cut to.
    fn captured(size: Vec2, marker: Rect, coloured: bool, min_width: f32) -> NameRequest {
        NameRequest { size, marker, coloured, must_name: true, min_width, resort: Resort::Usual }
    }

    /// The review's map at 1280×720 with seven central parks pinned (what the main map was
    /// given, taken from the window). Changping Park's marker (the first) sits atop the crowded
    /// core, where every place for its name has some other marker nearer: its name went right
    /// beside two grey crosses, a leader's length from its own, and read as theirs. Every pinned
    /// name is placed, and one nearer another marker than its own has its leader; Changping
    /// Park's now sits where no other marker comes much nearer it than its own.
    #[test]
    fn in_a_packed_core_a_pinned_name_never_sits_beside_another_marker() {
        let requests: Vec<NameRequest> = [
            (96.8, 19.0, r(518.2, 431.8, 535.2, 448.8), 84.1875),
            (91.6, 19.0, r(549.0, 454.9, 580.9, 486.8), 85.71875),
            (187.3, 19.0, r(524.1, 545.8, 546.3, 568.0), 80.5625),
            (89.2, 19.0, r(448.6, 532.9, 468.8, 553.2), 83.28125),
        ]
        .into_iter()
        .map(|(w, h, marker, min_width)| captured(vec2(w, h), marker, true, min_width))
        .collect();
        let room = NameRoom {
            markers: vec![
                r(540.9, 469.5, 566.4, 495.0),
                r(538.2, 476.4, 549.2, 487.4),
                r(549.0, 454.9, 580.9, 486.8),
                r(502.4, 445.1, 559.4, 502.1),
                r(510.0, 498.6, 543.4, 532.0),
                r(493.6, 484.8, 504.6, 495.8),
                r(482.9, 490.3, 493.9, 501.3),
                r(448.6, 532.9, 468.8, 553.2),
                r(596.1, 486.6, 614.5, 505.1),
                r(597.7, 426.5, 608.7, 437.5),
                r(524.1, 545.8, 546.3, 568.0),
                r(567.9, 520.9, 578.9, 531.9),
                r(518.2, 431.8, 535.2, 448.8),
                r(691.2, 420.9, 702.2, 431.9),
                r(601.9, 362.6, 612.9, 373.6),
                r(646.6, 365.4, 657.6, 376.4),
                r(455.3, 337.6, 466.3, 348.6),
            ],
            labels: vec![
                r(658.5, 312.8, 697.8, 331.8),
                r(564.1, 241.1, 614.0, 260.1),
                r(486.5, 303.3, 537.0, 322.3),
                r(422.2, 554.9, 480.9, 573.9),
                r(395.9, 458.2, 468.1, 477.2),
                r(492.8, 391.8, 559.1, 410.8),
                r(535.7, 569.0, 579.8, 588.0),
                r(591.5, 406.9, 633.5, 425.9),
                r(679.6, 400.5, 724.1, 419.5),
                r(587.1, 517.5, 648.3, 536.5),
                r(646.9, 469.7, 708.0, 488.7),
                r(397.7, 387.5, 445.1, 406.5),
                r(433.3, 511.4, 480.7, 530.4),
                r(296.0, 164.0, 437.1, 184.0),
            ],
            leaders: vec![
                [pos2(585.2, 479.2), pos2(648.9, 479.2)],
                [pos2(499.1, 460.4), pos2(443.1, 404.5)],
                [pos2(505.7, 506.6), pos2(478.7, 517.8)],
            ],
            bounds: r(290.0, 158.0, 836.4, 638.0),
        };
        let places = place_names(&requests, &room);
        for (request, place) in requests.iter().zip(&places) {
            let place = place.unwrap_or_else(|| panic!("a pinned name is left out: {request:?}"));
            assert_reads_as_its_own(request, place, &room.markers);
            let from_edge = |m: &Rect| (place.plate.distance_to_pos(m.center()) - m.width() / 2.0).max(0.0);
            let own = from_edge(&request.marker);
            let others = room.markers.iter().filter(|m| **m != request.marker && !lies_under(request.marker, **m));
            for other in others {
                if from_edge(other) <= own {
                    assert!(place.leader.is_some(), "{place:?} is nearer {other:?} and has no leader");
                }
                if request != &requests[0] {
                    continue;
                }
                assert!(
                    from_edge(other) >= 0.75 * own,
                    "{place:?} lies much nearer the marker {other:?} than its own {:?}",
                    request.marker
                );
            }
        }
    }

    /// A presented map at 1280×720 with its notes shown (the real dataset, one industry, three
    /// pins): one name found no room by the usual rules, and when every name was given the
    /// last resort, another's leader ran through a third park's marker to a name that then
    /// read as that park's. Only the name left out goes further now; every name is placed and
    /// no leader passes over another marker.
    #[test]
    fn only_a_name_left_out_goes_to_its_last_resort() {
        let requests: Vec<NameRequest> = [
            (181.0, 18.0, r(335.2, 532.8, 357.4, 554.9), true, 143.4),
            (81.0, 18.0, r(409.8, 471.2, 428.3, 489.7), false, 93.4),
            (156.0, 18.0, r(379.0, 509.8, 390.0, 520.8), false, 143.4),
            (81.0, 18.0, r(331.9, 412.9, 342.9, 423.9), false, 93.4),
            (81.0, 18.0, r(462.0, 345.3, 473.0, 356.3), false, 93.4),
        ]
        .into_iter()
        .map(|(w, h, marker, coloured, min_width)| captured(vec2(w, h), marker, coloured, min_width))
        .collect();
        let room = NameRoom {
            markers: vec![
                r(356.0, 458.6, 375.5, 478.1),
                r(349.6, 460.6, 360.6, 471.6),
                r(361.2, 438.6, 393.1, 470.5),
                r(313.4, 428.9, 370.4, 485.9),
                r(323.8, 486.9, 351.2, 514.3),
                r(303.3, 469.2, 314.3, 480.2),
                r(285.0, 471.3, 296.0, 482.3),
                r(259.8, 522.3, 274.0, 536.5),
                r(409.8, 471.2, 428.3, 489.7),
                r(411.3, 408.7, 422.3, 419.7),
                r(335.2, 532.8, 357.4, 554.9),
                r(379.0, 509.8, 390.0, 520.8),
                r(331.9, 412.9, 342.9, 423.9),
                r(508.3, 403.0, 519.3, 414.0),
                r(415.7, 342.5, 426.7, 353.5),
                r(462.0, 345.3, 473.0, 356.3),
                r(263.6, 316.5, 274.6, 327.5),
            ],
            labels: vec![
                r(470.0, 290.0, 519.0, 311.0),
                r(377.6, 215.6, 426.6, 236.6),
                r(297.5, 280.1, 346.5, 301.1),
                r(234.1, 538.3, 283.1, 559.3),
                r(207.3, 440.8, 271.3, 461.8),
                r(312.2, 371.9, 361.2, 392.9),
                r(338.1, 555.7, 387.1, 576.7),
                r(408.9, 386.6, 457.9, 407.6),
                r(494.6, 380.9, 543.6, 401.9),
                r(407.4, 502.3, 456.4, 523.3),
                r(460.6, 452.4, 509.6, 473.4),
                r(204.6, 366.8, 253.6, 387.8),
                r(275.1, 516.1, 324.1, 537.1),
            ],
            leaders: vec![
                [pos2(397.4, 462.9), pos2(462.6, 462.9)],
                [pos2(310.0, 444.2), pos2(251.6, 385.8)],
                [pos2(319.3, 493.1), pos2(308.9, 518.1)],
            ],
            bounds: r(10.0, 130.0, 740.7, 628.0),
        };
        let places = place_names(&requests, &room);
        for (request, place) in requests.iter().zip(&places) {
            let place = place.unwrap_or_else(|| panic!("{request:?} is named: {places:?}"));
            if let Some(leader) = place.leader {
                let others = room.markers.iter().filter(|m| **m != request.marker && !lies_under(request.marker, **m));
                assert!(others.clone().all(|m| !segment_meets_rect(leader, *m)), "{place:?} passes over a marker");
            }
        }
    }
}
