//! District outlines for the schematic map, loaded and validated like the dataset, and the plane
//! geometry the map and its tests need (areas, centroids, point-in-polygon, intersections).
//!
//! Coordinates are longitude and latitude in degrees. Distances and areas use an
//! equirectangular projection corrected by the cosine of the map's mean latitude, which is
//! accurate to well under a percent across one city.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::load::{LoadErrors, Problem, message, parse_ron};
use super::{Dataset, DistrictId, Park, Text};

/// Kilometres per degree of latitude.
pub const KM_PER_DEGREE: f64 = 111.32;

/// How far inside its district an approximate park position is drawn at least, as a share of
/// the map's longer side: on a whole city's map fitted to a window a marker's symbol reaches
/// about that far from its centre (2.8 km of Beijing's 178), so one nearer the edge sits on the
/// line between two districts and reads as in either.
pub const EDGE_CLEARANCE_OF_MAP: f64 = 1.0 / 64.0;

/// At most this share of how far a district's innermost point lies from its edge: in a small
/// district the clearance above would move a marker to its middle.
const EDGE_CLEARANCE_SHARE: f64 = 0.4;

/// The outlines of a city's districts.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityMap {
    /// The city's name.
    pub name: Text,
    /// What the outlines are (and are not) good for.
    pub note: Text,
    /// Where the outlines come from, shown under the map with its note; optional.
    #[serde(default)]
    pub source: Option<Text>,
    /// Whether the outlines are simplified shapes rather than boundaries drawn to scale: the
    /// map then says "not to scale" in its scope line. Optional, true unless a map file says
    /// otherwise, as a map claiming less than it is misleads no one.
    #[serde(default = "outlines_are_schematic")]
    pub schematic: bool,
    /// One outline per district.
    pub districts: Vec<DistrictOutline>,
}

/// What a map file without `schematic` says of its outlines.
fn outlines_are_schematic() -> bool {
    true
}

/// One district's outline: an open ring (the last point joins the first), counter-clockwise.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistrictOutline {
    /// The district, as the dataset names it.
    pub id: DistrictId,
    /// Longitude, latitude pairs.
    pub outline: Vec<(f64, f64)>,
}

/// A point in kilometres east and north of the projection's origin.
pub type Km = (f64, f64);

impl CityMap {
    /// The cosine of the mean latitude of all outlines: the east–west scale of the projection.
    pub fn lon_scale(&self) -> f64 {
        let (sum, count) = self
            .districts
            .iter()
            .flat_map(|d| &d.outline)
            .fold((0.0, 0usize), |(sum, n), &(_, lat)| (sum + lat, n + 1));
        if count == 0 { 1.0 } else { (sum / count as f64).to_radians().cos() }
    }

    /// A longitude/latitude pair in kilometres.
    pub fn to_km(&self, lon_lat: (f64, f64)) -> Km {
        to_km(lon_lat, self.lon_scale())
    }

    /// The outline of one district.
    pub fn district(&self, id: &DistrictId) -> Option<&DistrictOutline> {
        self.districts.iter().find(|d| &d.id == id)
    }

    /// Problems of this map against a dataset: outlines of districts the dataset does not have,
    /// and the dataset's districts without an outline.
    pub fn check_against(&self, dataset: &Dataset) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (i, outline) in self.districts.iter().enumerate() {
            if dataset.district(&outline.id).is_none() {
                // A slip of the keyboard is answered with the id meant, as in the dataset.
                let known = dataset.districts.iter().map(|d| d.id.as_str());
                let guess = super::validate::did_you_mean(outline.id.as_str(), known);
                problems.push(Problem::Invalid {
                    path: format!("districts[{i}] \"{}\"", outline.id),
                    message: message(
                        format!("the dataset has no district \"{}\"{}", outline.id, guess.en),
                        format!("数据集中没有区“{}”{}", outline.id, guess.zh),
                    ),
                });
            }
        }
        // Outlines of no district of the dataset: one a slip away from a district without an
        // outline is that district's, misspelt, and answered above ("did you mean"); told to
        // add another outline for it, the user would draw it twice.
        let unknown: Vec<&str> = self
            .districts
            .iter()
            .filter(|outline| dataset.district(&outline.id).is_none())
            .map(|outline| outline.id.as_str())
            .collect();
        for (i, district) in dataset.districts.iter().enumerate() {
            let misspelt = unknown
                .iter()
                .any(|id| super::validate::nearest_ids(id, std::iter::once(district.id.as_str())).len() == 1);
            if self.district(&district.id).is_none() && !misspelt {
                // The outline is missing from this file's list; the dataset's index says which
                // district the user must draw.
                problems.push(Problem::Invalid {
                    path: "districts".to_owned(),
                    message: message(
                        format!(
                            "no outline for the dataset's districts[{i}] \"{}\": add one to this list, with its id",
                            district.id
                        ),
                        format!("数据集的 districts[{i}]“{}”没有轮廓：请在此列表中添加其轮廓（含 id）", district.id),
                    ),
                });
            }
        }
        problems
    }

    /// How far `lon_lat` lies outside the outlines of `districts`: the distance in km to the
    /// nearest edge of any of them. `None` when it lies inside one of them, or when none of
    /// them has an outline (there is nothing to measure against).
    pub fn distance_outside_km(&self, districts: &[DistrictId], lon_lat: (f64, f64)) -> Option<f64> {
        let lon_scale = self.lon_scale();
        let point = to_km(lon_lat, lon_scale);
        let mut nearest: Option<f64> = None;
        for outline in districts.iter().filter_map(|id| self.district(id)) {
            let ring: Vec<Km> = outline.outline.iter().map(|&p| to_km(p, lon_scale)).collect();
            if contains(&ring, point) {
                return None;
            }
            let distance = distance_to_edge(&ring, point);
            nearest = Some(nearest.map_or(distance, |n| n.min(distance)));
        }
        nearest
    }

    /// Where each park of `dataset` (in its order) is drawn, when not at its location: an
    /// approximate location inside one of its districts but nearer that district's edge than
    /// [`EDGE_CLEARANCE_OF_MAP`] of the map's size (or 40 % of the way from the edge to the
    /// district's innermost point, if less) is drawn that far inside, on the way to that
    /// innermost point, so that its marker stands in its own district rather than on a
    /// boundary. A location stated exactly, or outside all its districts (which `check` and the
    /// map warn of), stays.
    pub fn marker_places(&self, dataset: &Dataset) -> Vec<Option<(f64, f64)>> {
        let mut clearances = Clearances::of(self);
        dataset.parks.iter().map(|park| clearances.moved(park)).collect()
    }

    /// Where `park`'s marker is drawn, as [`Self::marker_places`] says: its location or a
    /// little inside its district; `None` without a location.
    pub fn marker_place(&self, park: &Park) -> Option<(f64, f64)> {
        let location = park.location.as_ref()?;
        Some(Clearances::of(self).moved(park).unwrap_or((location.lon, location.lat)))
    }

    /// The parks of `dataset` whose location lies outside every one of their districts'
    /// outlines, each with how far outside in km ([`Self::distance_outside_km`]), in the
    /// dataset's order: their markers would stand in another district, or off the map. `check`
    /// warns of them and the map names them, from this one answer.
    pub fn parks_outside_their_districts<'d>(&self, dataset: &'d Dataset) -> Vec<(&'d Park, f64)> {
        dataset
            .parks
            .iter()
            .filter_map(|park| {
                let location = park.location.as_ref()?;
                Some((park, self.distance_outside_km(&park.districts, (location.lon, location.lat))?))
            })
            .collect()
    }
}

/// How far inside a district a marker is drawn at least, with what that is measured against.
#[derive(Clone)]
struct Clearance {
    /// The district's outline in km.
    ring: Vec<Km>,
    /// Its innermost point, which a marker too near the edge is moved towards.
    inner: Km,
    /// The clearance in km: [`EDGE_CLEARANCE_OF_MAP`] of the map, or less in a small district.
    km: f64,
}

/// The clearances of a map's districts, each worked out when a park first needs it (finding
/// a district's innermost point takes a thousand-odd samples).
struct Clearances<'m> {
    map: &'m CityMap,
    lon_scale: f64,
    /// [`EDGE_CLEARANCE_OF_MAP`] of the map's longer side, in km.
    most_km: f64,
    /// One for each of the map's districts, in its order, once worked out.
    districts: Vec<Option<Clearance>>,
}

impl<'m> Clearances<'m> {
    fn of(map: &'m CityMap) -> Self {
        let lon_scale = map.lon_scale();
        let points = || map.districts.iter().flat_map(|d| &d.outline).map(|&p| to_km(p, lon_scale));
        let extent = |axis: fn(Km) -> f64| {
            let (low, high) =
                points().map(axis).fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
            (high - low).max(0.0)
        };
        let longer_side = extent(|p| p.0).max(extent(|p| p.1));
        Self {
            map,
            lon_scale,
            most_km: longer_side * EDGE_CLEARANCE_OF_MAP,
            districts: vec![None; map.districts.len()],
        }
    }

    /// Where `park`'s marker is drawn when not at its location (see [`CityMap::marker_places`]).
    fn moved(&mut self, park: &Park) -> Option<(f64, f64)> {
        let location = park.location.as_ref().filter(|location| location.approximate)?;
        let (lon_scale, most_km) = (self.lon_scale, self.most_km);
        let point = to_km((location.lon, location.lat), lon_scale);
        let moved = park.districts.iter().find_map(|id| {
            let at = self.map.districts.iter().position(|district| district.id == *id)?;
            let district = self.map.districts.get(at)?;
            let clearance = self.districts.get_mut(at)?.get_or_insert_with(|| {
                let ring: Vec<Km> = district.outline.iter().map(|&p| to_km(p, lon_scale)).collect();
                let (inner, depth) = pole_of_inaccessibility(&ring);
                Clearance { ring, inner, km: most_km.min(depth * EDGE_CLEARANCE_SHARE) }
            });
            contains(&clearance.ring, point).then(|| inside_by(&clearance.ring, point, clearance.inner, clearance.km))
        })?;
        moved.map(|moved| from_km(moved, lon_scale))
    }
}

/// A longitude/latitude pair in kilometres, east–west scaled by `lon_scale`.
pub fn to_km((lon, lat): (f64, f64), lon_scale: f64) -> Km {
    (lon * lon_scale * KM_PER_DEGREE, lat * KM_PER_DEGREE)
}

/// A point in kilometres back to longitude and latitude ([`to_km`] undone).
pub fn from_km((x, y): Km, lon_scale: f64) -> (f64, f64) {
    (x / (lon_scale * KM_PER_DEGREE), y / KM_PER_DEGREE)
}

/// `point`, inside `ring` but nearer its edge than `clearance`, moved towards `inner` (a point
/// farther inside) to the first point at least `clearance` from the edge; `None` when it is
/// already that far inside (it stays), or when no point on the way is (it stays too).
pub fn inside_by(ring: &[Km], point: Km, inner: Km, clearance: f64) -> Option<Km> {
    const STEPS: u32 = 64;
    if distance_to_edge(ring, point) >= clearance {
        return None;
    }
    (1..=STEPS).map(|step| f64::from(step) / f64::from(STEPS)).find_map(|t| {
        let on_the_way = (point.0 + t * (inner.0 - point.0), point.1 + t * (inner.1 - point.1));
        (contains(ring, on_the_way) && distance_to_edge(ring, on_the_way) >= clearance).then_some(on_the_way)
    })
}

/// Area of a lon/lat ring in km², projected with the cosine of its own mean latitude.
pub fn area_km2(outline: &[(f64, f64)]) -> f64 {
    if outline.is_empty() {
        return 0.0;
    }
    let mean_lat = outline.iter().map(|p| p.1).sum::<f64>() / outline.len() as f64;
    let scale = mean_lat.to_radians().cos();
    let ring: Vec<Km> = outline.iter().map(|&p| to_km(p, scale)).collect();
    signed_area(&ring)
}

/// Distance from `point` to the segment `ab`.
pub fn distance_to_segment(point: Km, a: Km, b: Km) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t =
        if length2 == 0.0 { 0.0 } else { (((point.0 - a.0) * dx + (point.1 - a.1) * dy) / length2).clamp(0.0, 1.0) };
    let (px, py) = (a.0 + t * dx, a.1 + t * dy);
    ((point.0 - px).powi(2) + (point.1 - py).powi(2)).sqrt()
}

/// Signed area of a ring (positive when counter-clockwise), in the ring's units squared.
pub fn signed_area(ring: &[Km]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

/// Area-weighted centroid of a ring; the mean of its points for a degenerate one.
pub fn centroid(ring: &[Km]) -> Km {
    let area = signed_area(ring);
    let n = ring.len();
    if n == 0 {
        return (0.0, 0.0);
    }
    if area.abs() < 1e-12 {
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |(x, y), p| (x + p.0, y + p.1));
        return (sx / n as f64, sy / n as f64);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let cross = a.0 * b.1 - b.0 * a.1;
        cx += (a.0 + b.0) * cross;
        cy += (a.1 + b.1) * cross;
    }
    (cx / (6.0 * area), cy / (6.0 * area))
}

/// Whether `point` lies strictly inside the ring (even–odd rule).
pub fn contains(ring: &[Km], point: Km) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a.1 > point.1) != (b.1 > point.1) && point.0 < (b.0 - a.0) * (point.1 - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
    }
    inside
}

/// Distance from `point` to the nearest edge of a ring.
pub fn distance_to_edge(ring: &[Km], point: Km) -> f64 {
    let n = ring.len();
    (0..n).map(|i| distance_to_segment(point, ring[i], ring[(i + 1) % n])).fold(f64::INFINITY, f64::min)
}

/// The point inside a ring farthest from its edges (its pole of inaccessibility) and that
/// distance: where a label has the most room, unlike the centroid, which a concave ring can
/// leave near an edge or even outside. A grid over the bounding box, then finer grids around
/// the best point so far; good to about 1/1000 of the ring's size, plenty for placing a label.
/// The centroid, at distance 0, for a ring with no inside.
pub fn pole_of_inaccessibility(ring: &[Km]) -> (Km, f64) {
    const STEPS: usize = 16;
    let fallback = centroid(ring);
    let mut best = (fallback, if contains(ring, fallback) { distance_to_edge(ring, fallback) } else { 0.0 });
    let (mut min, mut max) = ((f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY));
    for &(x, y) in ring {
        min = (min.0.min(x), min.1.min(y));
        max = (max.0.max(x), max.1.max(y));
    }
    if !(max.0 > min.0 && max.1 > min.1) {
        return best;
    }
    let mut centre = (f64::midpoint(min.0, max.0), f64::midpoint(min.1, max.1));
    let mut half = ((max.0 - min.0) / 2.0, (max.1 - min.1) / 2.0);
    // Each round samples a 17×17 grid and then shrinks it to the four cells around the best
    // point: each round divides the step by 4, so the fifth samples at 1/16 of 1/256, about 1/4000,
    // of the box.
    for _ in 0..5 {
        for i in 0..=STEPS {
            for j in 0..=STEPS {
                let point = (
                    centre.0 - half.0 + 2.0 * half.0 * i as f64 / STEPS as f64,
                    centre.1 - half.1 + 2.0 * half.1 * j as f64 / STEPS as f64,
                );
                if contains(ring, point) {
                    let distance = distance_to_edge(ring, point);
                    if distance > best.1 {
                        best = (point, distance);
                    }
                }
            }
        }
        centre = best.0;
        half = (half.0 * 4.0 / STEPS as f64, half.1 * 4.0 / STEPS as f64);
    }
    best
}

/// Whether segments `ab` and `cd` cross at a point inside both (touching ends do not count).
pub fn segments_cross(a: Km, b: Km, c: Km, d: Km) -> bool {
    let orient = |p: Km, q: Km, r: Km| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Whether any two non-adjacent edges of a ring cross.
pub fn self_intersects(ring: &[Km]) -> bool {
    let n = ring.len();
    for i in 0..n {
        for j in i + 2..n {
            if i == 0 && j == n - 1 {
                continue; // Adjacent through the closing edge.
            }
            if segments_cross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]) {
                return true;
            }
        }
    }
    false
}

/// Parses and validates a map file: unknown fields, duplicate ids, rings with fewer than three
/// points or a repeated closing point, coordinates that are not longitude and latitude, and
/// rings that cross themselves are all reported, each with its place.
pub fn load_city_map(text: &str, file: &str) -> Result<CityMap, LoadErrors> {
    load_city_map_of(text, file, None)
}

/// [`load_city_map`], and, with `dataset`, the map checked against it too
/// ([`CityMap::check_against`]): every problem of the file at once, an outline crossing itself
/// not hiding an outline of a district the dataset lacks.
pub fn load_city_map_of(text: &str, file: &str, dataset: Option<&Dataset>) -> Result<CityMap, LoadErrors> {
    let text = &super::load::with_line_feeds(text);
    let map: CityMap = parse_ron(text, file)?;
    let mut problems = outline_problems(&map);
    problems.extend(dataset.map(|dataset| map.check_against(dataset)).unwrap_or_default());
    if problems.is_empty() {
        return Ok(map);
    }
    super::load::add_places(text, &mut problems);
    Err(LoadErrors { file: file.to_owned(), problems })
}

/// What is wrong with the outlines themselves: repeated ids, too few points, a closed ring,
/// coordinates that are not a longitude and latitude, an outline crossing itself.
fn outline_problems(map: &CityMap) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    // Each outline's points, exactly, to the first district drawn with them.
    let mut outlines: HashMap<Vec<(u64, u64)>, &DistrictId> = HashMap::new();
    let lon_scale = map.lon_scale();
    for (i, district) in map.districts.iter().enumerate() {
        let path = format!("districts[{i}] \"{}\"", district.id);
        let mut report = |en: String, zh: String| {
            problems.push(Problem::Invalid { path: path.clone(), message: message(en, zh) });
        };
        if !seen.insert(&district.id) {
            report(format!("duplicate id \"{}\"", district.id), format!("id“{}”重复", district.id));
        }
        let ring = &district.outline;
        if ring.len() < 3 {
            report(
                format!("an outline needs at least 3 points, not {}", ring.len()),
                format!("轮廓至少需要3个点，这里只有{}个", ring.len()),
            );
            continue;
        }
        // One district's outline copied to another and not changed: drawn, the second covers
        // the first, and the map shows one district where the file names two.
        let points = ring.iter().map(|(lon, lat)| (lon.to_bits(), lat.to_bits())).collect();
        if let Some(first) = outlines.get(&points).filter(|first| **first != &district.id) {
            report(
                format!("the outline is the same as district \"{first}\"'s: each district needs its own"),
                format!("轮廓与地区“{first}”的完全相同：每个地区需要自己的轮廓"),
            );
        } else {
            outlines.entry(points).or_insert(&district.id);
        }
        if ring.first() == ring.last() {
            report(
                "the ring repeats its first point at the end; leave it open".to_owned(),
                "轮廓在末尾重复了第一个点：不要闭合，删去最后一个点".to_owned(),
            );
        }
        if let Some((lon, lat)) = ring
            .iter()
            .find(|(lon, lat)| !(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0))
        {
            let (lon, lat) = (super::units::number_in_message(*lon), super::units::number_in_message(*lat));
            report(
                format!("({lon}, {lat}) is not a longitude and latitude"),
                format!("({lon}, {lat}) 不是有效的经纬度"),
            );
            continue;
        }
        let km: Vec<Km> = ring.iter().map(|&p| to_km(p, lon_scale)).collect();
        if self_intersects(&km) {
            report("the outline crosses itself".to_owned(), "轮廓自相交叉".to_owned());
        } else if signed_area(&km).abs() < LEAST_OUTLINE_KM2 {
            // Points on one line, or a district a few centimetres across: drawn as a stray
            // line, or nothing, with every other district scaled to fit it.
            report(
                "the outline encloses no area (under a square metre): its points lie on a line or together".to_owned(),
                "轮廓几乎不围成面积（不足1平方米）：各点在一条直线上或挤在一起".to_owned(),
            );
        }
    }
    problems.extend(outlines_far_from_the_others(map));
    problems
}

/// The least area an outline must enclose, in km²: a square metre. A district is larger by
/// far; an outline of points on one line encloses none.
const LEAST_OUTLINE_KM2: f64 = 1e-6;

/// How many times a district's usual size (or the usual distance of districts from the city's
/// middle, if more) an outline may lie from the middle of the city before it is taken for a
/// mistake or, when nothing says it is one, warned of. A city's districts touch or nearly touch;
/// an outline with longitude and latitude swapped, or a sign dropped, lies thousands of
/// kilometres off, hundreds of times the city's size, and shrinks the drawn city to a dot.
const FAR_OUTLINE_FACTOR: f64 = 3.0;

/// The smallest box around some points: its lower-left and upper-right corners.
fn bounding_box(points: impl IntoIterator<Item = Km>) -> Option<(Km, Km)> {
    points.into_iter().fold(None, |bounds, (x, y)| {
        let ((x0, y0), (x1, y1)) = bounds.unwrap_or(((x, y), (x, y)));
        Some(((x0.min(x), y0.min(y)), (x1.max(x), y1.max(y))))
    })
}

/// The distance from a point to a box, 0 when the point lies in it.
fn box_distance(b: (Km, Km), point: Km) -> f64 {
    let dx = (b.0.0 - point.0).max(point.0 - b.1.0).max(0.0);
    let dy = (b.0.1 - point.1).max(point.1 - b.1.1).max(0.0);
    dx.hypot(dy)
}

/// The length of a box's diagonal.
fn box_size(b: (Km, Km)) -> f64 {
    (b.1.0 - b.0.0).hypot(b.1.1 - b.0.1)
}

/// The middle value of `values` (the mean of the two middle ones when there is an even count);
/// `None` for none.
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let half = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => values.get(half).copied(),
        _ => Some((values.get(half - 1)? + values.get(half)?) / 2.0),
    }
}

/// An outline lying far from the others ([`CityMap::far_outlines`]).
#[derive(Clone, Debug, PartialEq)]
struct FarOutline {
    /// Its place in the map's list.
    index: usize,
    /// How far its box lies from the middle of the city, km.
    km: f64,
    /// Whether its points read as (latitude, longitude) would put it among the others: then it
    /// is surely a mistake.
    swapped_fits: bool,
}

impl FarOutline {
    /// Where it is in the map file, as problems and warnings name it.
    fn path(&self, map: &CityMap) -> String {
        let id = map.districts.get(self.index).map(|d| d.id.to_string()).unwrap_or_default();
        format!("districts[{}] \"{id}\"", self.index)
    }

    /// What is wrong with it, in both languages.
    fn message(&self, map: &CityMap) -> Text {
        let km = self.km;
        let first = map.districts.get(self.index).and_then(|d| d.outline.first()).copied().unwrap_or_default();
        if self.swapped_fits {
            message(
                format!(
                    "the outline lies {km:.0} km from the other districts, far more than their size: its points, from \
                     ({}, {}), are not (longitude, latitude) as theirs are; read the other way round, as (latitude, \
                     longitude), it lies among them: swap each pair",
                    first.0, first.1
                ),
                format!(
                    "轮廓距其他区 {km:.0} 公里，远超它们的范围：其各点（自 ({}, {}) 起）不像其他区那样是（经度, 纬度）；\
                     若按（纬度, 经度）读则正好落在其他区之间：请对调每对数值",
                    first.0, first.1
                ),
            )
        } else {
            message(
                format!(
                    "the outline lies {km:.0} km from the other districts, far more than their size, so the map draws \
                     the city small to show it: if it is not a remote part of the city, check its points, from ({}, {})",
                    first.0, first.1
                ),
                format!(
                    "轮廓距其他区 {km:.0} 公里，远超它们的范围，地图为显示它会把城市画得很小：若它并非城市的偏远部分，\
                     请检查其各点（自 ({}, {}) 起）",
                    first.0, first.1
                ),
            )
        }
    }
}

impl CityMap {
    /// Outlines lying far from the middle of the others: farther from the median of the
    /// districts' centres than [`FAR_OUTLINE_FACTOR`] times the districts' median size (or
    /// their median distance from that middle, if more, so that a city of many small districts
    /// is not taken for scattered). Medians, so that two wrong outlines near each other cannot
    /// make "the others" cover them. Needs at least three outlines, so that the middle is not
    /// set by the one that may be wrong.
    fn far_outlines(&self) -> Vec<FarOutline> {
        let usable = |ring: &[(f64, f64)]| {
            ring.len() >= 3 && ring.iter().all(|(lon, lat)| lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0)
        };
        let rings: Vec<(usize, &[(f64, f64)])> = (self.districts.iter().enumerate())
            .filter(|(_, d)| usable(&d.outline))
            .map(|(i, d)| (i, d.outline.as_slice()))
            .collect();
        if rings.len() < 3 {
            return Vec::new();
        }
        // Each district's box, worked out once, at the latitude of the city's middle.
        let degree_boxes: Vec<(Km, Km)> =
            rings.iter().filter_map(|(_, ring)| bounding_box(ring.iter().copied())).collect();
        let Some(middle_lat) = median(degree_boxes.iter().map(|b| f64::midpoint(b.0.1, b.1.1)).collect()) else {
            return Vec::new();
        };
        let lon_scale = middle_lat.to_radians().cos();
        let boxes: Vec<(Km, Km)> =
            rings.iter().filter_map(|(_, ring)| bounding_box(ring.iter().map(|&p| to_km(p, lon_scale)))).collect();
        let centres: Vec<Km> =
            boxes.iter().map(|b| (f64::midpoint(b.0.0, b.1.0), f64::midpoint(b.0.1, b.1.1))).collect();
        let (Some(x), Some(y), Some(size)) = (
            median(centres.iter().map(|c| c.0).collect()),
            median(centres.iter().map(|c| c.1).collect()),
            median(boxes.iter().map(|&b| box_size(b)).collect()),
        ) else {
            return Vec::new();
        };
        let spread = median(centres.iter().map(|c| (c.0 - x).hypot(c.1 - y)).collect()).unwrap_or_default();
        let reach = FAR_OUTLINE_FACTOR * size.max(spread);
        let mut far = Vec::new();
        for ((index, ring), its) in rings.iter().zip(&boxes) {
            let km = box_distance(*its, (x, y));
            if km <= reach {
                continue;
            }
            let swapped = bounding_box(ring.iter().map(|&(lon, lat)| to_km((lat, lon), lon_scale)));
            let swapped_fits = swapped.is_some_and(|swapped| box_distance(swapped, (x, y)) <= reach);
            far.push(FarOutline { index: *index, km, swapped_fits });
        }
        far
    }

    /// Outlines lying far from the others with nothing to say they are a mistake (an island, a
    /// remote exclave): the map loads, and `check` warns of each, with its place, in both
    /// languages.
    pub fn far_outline_warnings(&self) -> Vec<(String, Text)> {
        let far = self.far_outlines().into_iter().filter(|far| !far.swapped_fits);
        far.map(|far| (far.path(self), far.message(self))).collect()
    }
}

/// Outlines lying far from the others whose points, read as (latitude, longitude), would lie
/// among them: surely swapped, so an error. One far off with no such reading is only warned of
/// ([`CityMap::far_outline_warnings`]): a real city may have a remote district.
fn outlines_far_from_the_others(map: &CityMap) -> Vec<Problem> {
    let far = map.far_outlines().into_iter().filter(|far| far.swapped_fits);
    far.map(|far| Problem::Invalid { path: far.path(map), message: far.message(map) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: [Km; 4] = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];

    #[test]
    fn area_centroid_and_containment_of_a_square() {
        assert!((signed_area(&SQUARE) - 4.0).abs() < 1e-12);
        let reversed: Vec<Km> = SQUARE.iter().rev().copied().collect();
        assert!(signed_area(&reversed) < 0.0, "clockwise rings have negative area");
        assert_eq!(centroid(&SQUARE), (1.0, 1.0));
        assert!(contains(&SQUARE, (1.0, 1.5)));
        assert!(!contains(&SQUARE, (3.0, 1.0)));
    }

    #[test]
    fn the_pole_of_an_l_shape_is_inside_its_widest_part_and_the_centroid_is_not() {
        // An L: a 10×2 bar along the bottom and a 2×10 bar up the left side.
        let l_shape = [(0.0, 0.0), (10.0, 0.0), (10.0, 2.0), (2.0, 2.0), (2.0, 10.0), (0.0, 10.0)];
        let (cx, cy) = centroid(&l_shape);
        assert!(!contains(&l_shape, (cx, cy)), "the centroid of an L lies outside it");
        let (pole, distance) = pole_of_inaccessibility(&l_shape);
        assert!(contains(&l_shape, pole));
        // The most room is in the corner where the bars meet, at (d, d) with d = 4 - 2 sqrt(2): as far
        // from the outer edges as from the inner corner (2, 2).
        let room = 4.0 - 2.0 * std::f64::consts::SQRT_2;
        assert!((distance - room).abs() < 0.01, "got {distance}");
        assert!((pole.0 - room).abs() < 0.02 && (pole.1 - room).abs() < 0.02, "{pole:?}");
        assert!((distance_to_edge(&l_shape, pole) - distance).abs() < 1e-12);
        let (square_pole, square_distance) = pole_of_inaccessibility(&SQUARE);
        assert!((square_pole.0 - 1.0).abs() < 0.01 && (square_pole.1 - 1.0).abs() < 0.01);
        assert!((square_distance - 1.0).abs() < 0.01);
        let flat = [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)];
        assert!(pole_of_inaccessibility(&flat).1.abs() < 1e-12, "no inside: distance 0");
    }

    #[test]
    fn a_point_outside_its_districts_is_measured_to_the_nearest_edge() {
        // Two unit squares, one degree apart, near the equator where a degree is about 111 km
        // both ways.
        let square = |id: &str, lon: f64| DistrictOutline {
            id: DistrictId::new(id),
            outline: vec![(lon, 0.0), (lon + 1.0, 0.0), (lon + 1.0, 1.0), (lon, 1.0)],
        };
        let map = CityMap {
            name: Text::default(),
            note: Text::default(),
            source: None,
            schematic: true,
            districts: vec![square("west", 0.0), square("east", 2.0)],
        };
        let both = [DistrictId::new("west"), DistrictId::new("east")];
        assert_eq!(map.distance_outside_km(&both, (2.5, 0.5)), None, "inside the second district");
        let km = map.distance_outside_km(&both[..1], (2.5, 0.5)).expect("outside the first");
        assert!((km - 1.5 * KM_PER_DEGREE * map.lon_scale()).abs() < 0.01, "{km}");
        // Between the two: half a degree from either edge, the nearer of the two counts.
        let km = map.distance_outside_km(&both, (1.4, 0.5)).expect("between them");
        assert!((km - 0.4 * KM_PER_DEGREE * map.lon_scale()).abs() < 0.01, "{km}");
        assert_eq!(map.distance_outside_km(&[DistrictId::new("north")], (9.0, 9.0)), None, "no outline");
    }

    #[test]
    fn a_point_near_the_edge_is_moved_inside_by_the_clearance_and_one_inside_stays() {
        let ((inner, depth), clearance) = (pole_of_inaccessibility(&SQUARE), 0.4);
        assert!((depth - 1.0).abs() < 0.01, "the square's middle: a fair test");
        let near_edge = (0.05, 1.2);
        let moved = inside_by(&SQUARE, near_edge, inner, clearance).expect("moved");
        let from_edge = distance_to_edge(&SQUARE, moved);
        assert!((clearance..clearance + 0.05).contains(&from_edge), "just far enough inside: {from_edge}");
        assert!(moved.0 > near_edge.0 && moved.1 < near_edge.1, "towards the middle: {moved:?}");
        assert_eq!(inside_by(&SQUARE, (0.5, 1.2), inner, clearance), None, "far enough inside already");
    }

    /// On the shipped map, no park's marker stands on its district's edge: each approximate
    /// location inside one of its districts is drawn at least the clearance inside it, and one
    /// already that far in is drawn where it is.
    #[test]
    fn every_shipped_park_is_drawn_clear_of_its_districts_edge() {
        let origin = super::super::DataOrigin::Embedded;
        let dataset = origin.load().expect("the shipped dataset loads");
        let map = origin.load_map(&dataset).expect("a map ships").expect("the shipped map loads");
        let lon_scale = map.lon_scale();
        let places = map.marker_places(&dataset);
        assert_eq!(places.len(), dataset.parks.len());
        let mut moved = 0;
        for (park, place) in dataset.parks.iter().zip(&places) {
            let Some(location) = park.location.as_ref() else { continue };
            let at = to_km((location.lon, location.lat), lon_scale);
            let Some(district) = park.districts.iter().filter_map(|id| map.district(id)).find_map(|district| {
                let ring: Vec<Km> = district.outline.iter().map(|&p| to_km(p, lon_scale)).collect();
                contains(&ring, at).then_some(ring)
            }) else {
                assert_eq!(*place, None, "{}: outside its districts, drawn where it is", park.id);
                continue;
            };
            let clearance =
                (Clearances::of(&map).most_km).min(pole_of_inaccessibility(&district).1 * EDGE_CLEARANCE_SHARE);
            let drawn = place.map_or(at, |place| to_km(place, lon_scale));
            assert!(contains(&district, drawn), "{} is drawn in its district", park.id);
            let from_edge = distance_to_edge(&district, drawn);
            assert!(from_edge >= clearance - 1e-6, "{}: {from_edge:.2} km from the edge", park.id);
            if distance_to_edge(&district, at) >= clearance {
                assert_eq!(*place, None, "{}: clear of the edge already, drawn where it is", park.id);
            }
            assert_eq!(map.marker_place(park), Some(place.unwrap_or((location.lon, location.lat))));
            moved += usize::from(place.is_some());
        }
        assert!(moved >= 1, "some shipped park stands near its district's edge: a fair test");
    }

    #[test]
    fn a_bow_tie_crosses_itself_and_a_square_does_not() {
        assert!(!self_intersects(&SQUARE));
        assert!(self_intersects(&[(0.0, 0.0), (2.0, 2.0), (2.0, 0.0), (0.0, 2.0)]));
        assert!(!segments_cross((0.0, 0.0), (1.0, 0.0), (1.0, 0.0), (1.0, 1.0)), "touching ends do not cross");
    }

    /// A map of districts 0.1° a side near Porto: three side by side, then `more`.
    fn city_of(more: &[String]) -> String {
        let mut outlines = vec![square_at(-8.7, 41.1), square_at(-8.6, 41.1), square_at(-8.7, 41.2)];
        outlines.extend(more.iter().cloned());
        let districts: Vec<String> =
            outlines.iter().enumerate().map(|(i, outline)| format!("(id: \"d{i}\", outline: {outline}),")).collect();
        format!(r#"(name: (en: "X", zh: "X"), note: (en: "n", zh: "n"), districts: [{}])"#, districts.join("\n"))
    }

    /// A square outline 0.1° a side from (`lon`, `lat`).
    fn square_at(lon: f64, lat: f64) -> String {
        format!("[({lon}, {lat}), ({}, {lat}), ({}, {}), ({lon}, {})]", lon + 0.1, lon + 0.1, lat + 0.1, lat + 0.1)
    }

    /// The square of [`square_at`] written as (latitude, longitude).
    fn swapped_square_at(lon: f64, lat: f64) -> String {
        format!("[({lat}, {lon}), ({lat}, {}), ({}, {}), ({}, {lon})]", lon + 0.1, lat + 0.1, lon + 0.1, lat + 0.1)
    }

    /// Three districts side by side and a fourth written as (latitude, longitude): it passes the
    /// range check, so only its distance from the others gives it away, with or without a park.
    #[test]
    fn an_outline_with_longitude_and_latitude_swapped_is_reported_as_not_lying_with_the_others() {
        assert!(load_city_map(&city_of(&[square_at(-8.6, 41.2)]), "map.ron").is_ok(), "four neighbours pass");
        let errors = load_city_map(&city_of(&[swapped_square_at(-8.6, 41.2)]), "map.ron").expect_err("swapped");
        assert_eq!(errors.problems.len(), 1, "only the swapped one: {errors}");
        let text = errors.to_string();
        assert!(text.starts_with("map.ron:districts[3] \"d3\": the outline lies"), "{text}");
        assert!(text.contains("not (longitude, latitude)") && text.contains("swap each pair"), "{text}");
    }

    /// Two swapped outlines lie near each other: "the others" of each must not take in the other
    /// and so stretch to cover it.
    #[test]
    fn two_swapped_outlines_near_each_other_are_both_errors() {
        let map = city_of(&[swapped_square_at(-8.6, 41.2), swapped_square_at(-8.5, 41.1)]);
        let errors = load_city_map(&map, "map.ron").expect_err("two swapped");
        let messages: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("districts[3] \"d3\": the outline lies"), "{messages:?}");
        assert!(messages[1].starts_with("districts[4] \"d4\": the outline lies"), "{messages:?}");
        assert!(messages.iter().all(|m| m.contains("swap each pair")), "{messages:?}");
    }

    /// An outline far off that no swap would bring among the others may be a real remote part
    /// of the city (an island): the map loads, with a warning in both languages.
    #[test]
    fn a_far_outline_that_no_swap_explains_loads_with_a_warning() {
        let map = load_city_map(&city_of(&[square_at(-28.0, 38.5)]), "map.ron").expect("an island loads");
        let warnings = map.far_outline_warnings();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let (path, warning) = &warnings[0];
        assert_eq!(path, "districts[3] \"d3\"");
        assert!(warning.en.starts_with("the outline lies 1") && warning.en.contains("remote part"), "{warning:?}");
        assert!(warning.zh.contains("偏远"), "{warning:?}");
        let neighbours = load_city_map(&city_of(&[square_at(-8.6, 41.2)]), "map.ron").expect("neighbours");
        assert!(neighbours.far_outline_warnings().is_empty());
        // The swapped one is an error, never also a warning.
        let swapped: CityMap = parse_ron(&city_of(&[swapped_square_at(-8.6, 41.2)]), "map.ron").expect("parses");
        assert!(swapped.far_outline_warnings().is_empty());
    }

    /// Many small districts spread over a city are not far from its middle: a 6×6 grid above
    /// [`city_of`]'s three, whose corners lie farther from the middle than three districts' sizes.
    #[test]
    fn a_city_of_many_small_districts_has_no_far_outline() {
        let grid: Vec<String> =
            (0..36).map(|i| square_at(-8.7 + f64::from(i % 6) * 0.1, 41.3 + f64::from(i / 6) * 0.1)).collect();
        let map = load_city_map(&city_of(&grid), "map.ron").expect("a grid loads");
        assert!(map.far_outline_warnings().is_empty(), "{:?}", map.far_outline_warnings());
    }

    #[test]
    fn bad_outlines_are_reported_with_their_place() {
        let text = r#"(name: (en: "X", zh: "X"), note: (en: "n", zh: "n"), districts: [
            (id: "a", outline: [(116.0, 40.0), (116.1, 40.0)]),
            (id: "b", outline: [(116.0, 40.0), (116.1, 40.1), (116.1, 40.0), (116.0, 40.1)]),
            (id: "b", outline: [(116.0, 40.0), (116.1, 40.0), (116.1, 40.1), (116.0, 40.0)]),
            (id: "c", outline: [(216.0, 40.0), (116.1, 40.0), (116.1, 40.1)]),
        ])"#;
        let errors = load_city_map(text, "map.ron").expect_err("four broken outlines");
        let messages: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 5, "{messages:?}");
        assert!(messages[0].starts_with("districts[0] \"a\": an outline needs at least 3 points"));
        assert!(messages[1].contains("crosses itself"));
        assert!(messages[2].contains("duplicate id \"b\""));
        assert!(messages[3].contains("repeats its first point"));
        assert!(messages[4].contains("(216, 40) is not a longitude and latitude"));
        // Each with the line and column where its district begins, as the dataset's problems.
        assert!(messages[0].ends_with("(line 2, column 13)"), "{}", messages[0]);
        assert!(messages[4].ends_with("(line 5, column 13)"), "{}", messages[4]);
        // Points on one line, or a district a few centimetres across, enclose no area: drawn,
        // they are a stray line or nothing.
        let flat = r#"(name: (en: "X", zh: "X"), note: (en: "n", zh: "n"), districts: [
            (id: "a", outline: [(116.0, 40.0), (116.1, 40.1), (116.2, 40.2)]),
            (id: "b", outline: [(116.0, 40.0), (116.0000001, 40.0), (116.0000001, 40.0000001)]),
            (id: "c", outline: [(116.0, 40.0), (116.1, 40.0), (116.1, 40.1)]),
        ])"#;
        let errors = load_city_map(flat, "map.ron").expect_err("two outlines without area");
        let messages: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("districts[0] \"a\": the outline encloses no area"), "{messages:?}");
        assert!(messages[1].starts_with("districts[1] \"b\": the outline encloses no area"), "{messages:?}");
        // An outline copied from another district and not changed covers it on the map.
        let copied = r#"(name: (en: "X", zh: "X"), note: (en: "n", zh: "n"), districts: [
            (id: "a", outline: [(116.0, 40.0), (116.1, 40.0), (116.1, 40.1)]),
            (id: "b", outline: [(116.1, 40.0), (116.2, 40.0), (116.2, 40.1)]),
            (id: "c", outline: [(116.0, 40.0), (116.1, 40.0), (116.1, 40.1)]),
            (id: "d", outline: [(116.0, 40.0), (116.1, 40.0), (116.1, 40.1)]),
        ])"#;
        let errors = load_city_map(copied, "map.ron").expect_err("two copies of a's outline");
        let messages: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with("districts[2] \"c\": the outline is the same as district \"a\"'s"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("districts[3] \"d\": the outline is the same as district \"a\"'s"),
            "{messages:?}"
        );
        let syntax = load_city_map("(name: ", "map.ron").expect_err("truncated");
        assert!(syntax.to_string().starts_with("map.ron:1:"), "{syntax}");
    }
}
