//! The schematic map's outlines (`data/beijing-districts.ron`) checked against the facts in
//! `shared/research/beijing-districts.md`: each district near its real centroid, touching exactly
//! its real neighbours, sized in the right order, with no gaps or overlaps; and every park's
//! location inside one of its districts.

use std::collections::{BTreeSet, HashMap};

use zgc_atlas::model::EMBEDDED_DATASET;
use zgc_atlas::model::geo::{
    CityMap, Km, area_km2, centroid, contains, distance_to_segment, load_city_map, self_intersects, signed_area,
};
use zgc_atlas::model::{DistrictId, load_dataset};

const MAP: &str = include_str!("../data/beijing-districts.ron");

/// District, centroid (lon, lat), area in km², from beijing-districts.md.
const FACTS: [(&str, (f64, f64), f64); 16] = [
    ("dongcheng", (116.42, 39.91), 42.0),
    ("xicheng", (116.37, 39.91), 50.0),
    ("chaoyang", (116.52, 39.95), 464.0),
    ("fengtai", (116.25, 39.84), 304.0),
    ("shijingshan", (116.18, 39.93), 84.0),
    ("haidian", (116.23, 40.03), 431.0),
    ("mentougou", (115.79, 39.99), 1448.0),
    ("fangshan", (115.85, 39.72), 1998.0),
    ("tongzhou", (116.73, 39.80), 906.0),
    ("shunyi", (116.72, 40.15), 1009.0),
    ("changping", (116.21, 40.22), 1343.0),
    ("daxing", (116.42, 39.65), 1034.0),
    ("huairou", (116.59, 40.63), 2124.0),
    ("pinggu", (117.15, 40.21), 949.0),
    ("miyun", (116.99, 40.53), 2230.0),
    ("yanqing", (116.16, 40.54), 1995.0),
];

/// The 35 neighbouring pairs of beijing-districts.md.
const NEIGHBOURS: [(&str, &str); 35] = [
    ("dongcheng", "xicheng"),
    ("dongcheng", "chaoyang"),
    ("dongcheng", "fengtai"),
    ("xicheng", "chaoyang"),
    ("xicheng", "fengtai"),
    ("xicheng", "haidian"),
    ("chaoyang", "fengtai"),
    ("chaoyang", "haidian"),
    ("chaoyang", "tongzhou"),
    ("chaoyang", "shunyi"),
    ("chaoyang", "changping"),
    ("chaoyang", "daxing"),
    ("fengtai", "shijingshan"),
    ("fengtai", "haidian"),
    ("fengtai", "mentougou"),
    ("fengtai", "fangshan"),
    ("fengtai", "daxing"),
    ("shijingshan", "haidian"),
    ("shijingshan", "mentougou"),
    ("haidian", "mentougou"),
    ("haidian", "changping"),
    ("mentougou", "fangshan"),
    ("mentougou", "changping"),
    ("fangshan", "daxing"),
    ("tongzhou", "shunyi"),
    ("tongzhou", "daxing"),
    ("shunyi", "changping"),
    ("shunyi", "huairou"),
    ("shunyi", "pinggu"),
    ("shunyi", "miyun"),
    ("changping", "huairou"),
    ("changping", "yanqing"),
    ("huairou", "miyun"),
    ("huairou", "yanqing"),
    ("pinggu", "miyun"),
];

fn map() -> CityMap {
    load_city_map(MAP, "data/beijing-districts.ron").unwrap_or_else(|e| panic!("{e}"))
}

fn rings(map: &CityMap) -> HashMap<String, Vec<Km>> {
    map.districts.iter().map(|d| (d.id.to_string(), d.outline.iter().map(|&p| map.to_km(p)).collect())).collect()
}

/// Edges as ordered pairs of rounded points, so a shared edge compares equal from both sides.
fn edges(ring: &[(f64, f64)]) -> Vec<((i64, i64), (i64, i64))> {
    let key = |(lon, lat): (f64, f64)| ((lon * 1e4).round() as i64, (lat * 1e4).round() as i64);
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (key(ring[i]), key(ring[(i + 1) % n]));
            if a < b { (a, b) } else { (b, a) }
        })
        .collect()
}

#[test]
fn every_ring_is_valid_and_counter_clockwise() {
    let map = map();
    assert_eq!(map.districts.len(), 16);
    for (id, ring) in rings(&map) {
        assert!(ring.len() >= 3, "{id}");
        assert!(!self_intersects(&ring), "{id} crosses itself");
        assert!(signed_area(&ring) > 0.0, "{id} is not counter-clockwise");
    }
}

#[test]
fn centroids_are_within_5_km_and_areas_rank_as_in_reality() {
    let map = map();
    let rings = rings(&map);
    let mut by_area: Vec<(f64, f64, &str)> = Vec::new();
    for (id, (lon, lat), area) in FACTS {
        let ring = &rings[id];
        let (cx, cy) = centroid(ring);
        let (fx, fy) = map.to_km((lon, lat));
        let distance = ((cx - fx).powi(2) + (cy - fy).powi(2)).sqrt();
        assert!(distance < 5.0, "{id}: centroid {distance:.1} km from the real one");
        let drawn = area_km2(&map.district(&DistrictId::new(id)).expect("outline").outline);
        assert!((drawn / area - 1.0).abs() < 0.3, "{id}: {drawn:.0} km² drawn, {area} km² real");
        by_area.push((drawn, area, id));
    }
    by_area.sort_by(|a, b| a.0.total_cmp(&b.0));
    let real_order: Vec<&str> = {
        let mut real = by_area.clone();
        real.sort_by(|a, b| a.1.total_cmp(&b.1));
        real.into_iter().map(|x| x.2).collect()
    };
    let drawn_order: Vec<&str> = by_area.into_iter().map(|x| x.2).collect();
    assert_eq!(drawn_order, real_order, "districts sorted by drawn area vs real area");
}

#[test]
fn districts_touch_exactly_their_real_neighbours() {
    let map = map();
    let edge_sets: Vec<(String, BTreeSet<_>)> =
        map.districts.iter().map(|d| (d.id.to_string(), edges(&d.outline).into_iter().collect())).collect();
    let mut drawn = BTreeSet::new();
    for (i, (a, ea)) in edge_sets.iter().enumerate() {
        for (b, eb) in &edge_sets[i + 1..] {
            if ea.intersection(eb).next().is_some() {
                drawn.insert(if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) });
            }
        }
    }
    let real: BTreeSet<(String, String)> = NEIGHBOURS
        .iter()
        .map(|(a, b)| if a < b { ((*a).to_owned(), (*b).to_owned()) } else { ((*b).to_owned(), (*a).to_owned()) })
        .collect();
    assert_eq!(drawn, real);
}

#[test]
fn there_are_no_gaps_or_overlaps() {
    let map = map();
    // Every edge is either shared by two districts or on the city's outer boundary, and the
    // boundary edges form one closed ring: no hole or sliver between neighbours.
    let mut count: HashMap<_, usize> = HashMap::new();
    for d in &map.districts {
        for e in edges(&d.outline) {
            *count.entry(e).or_default() += 1;
        }
    }
    assert!(count.values().all(|&c| c <= 2), "an edge is used by more than two districts");
    let boundary: Vec<_> = count.iter().filter(|(_, c)| **c == 1).map(|(e, _)| *e).collect();
    let mut degree: HashMap<(i64, i64), usize> = HashMap::new();
    for (a, b) in &boundary {
        *degree.entry(*a).or_default() += 1;
        *degree.entry(*b).or_default() += 1;
    }
    assert!(degree.values().all(|&d| d == 2), "the outer boundary is not a simple ring");
    // Walk the boundary: one cycle covers every boundary edge.
    let mut next: HashMap<(i64, i64), Vec<(i64, i64)>> = HashMap::new();
    for (a, b) in &boundary {
        next.entry(*a).or_default().push(*b);
        next.entry(*b).or_default().push(*a);
    }
    let start = boundary[0].0;
    let (mut previous, mut current, mut steps) = (start, next[&start][0], 1);
    while current != start {
        let options = &next[&current];
        let following = if options[0] == previous { options[1] } else { options[0] };
        previous = current;
        current = following;
        steps += 1;
        assert!(steps <= boundary.len(), "the boundary does not close");
    }
    assert_eq!(steps, boundary.len(), "the boundary falls into several rings: a hole or an island");
    // No vertex of one district lies strictly inside another (vertices on a shared border are
    // on both, and do not count).
    let rings = rings(&map);
    let on_border = |ring: &[Km], p: Km| {
        let n = ring.len();
        (0..n).any(|i| distance_to_segment(p, ring[i], ring[(i + 1) % n]) < 1e-6)
    };
    for (a, ring_a) in &rings {
        for (b, ring_b) in &rings {
            if a != b {
                assert!(ring_a.iter().all(|p| on_border(ring_b, *p) || !contains(ring_b, *p)), "{a} overlaps {b}");
            }
        }
    }
}

#[test]
fn every_park_lies_inside_one_of_its_districts() {
    let map = map();
    let rings = rings(&map);
    let dataset = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("valid");
    assert!(map.check_against(&dataset).is_empty(), "{:?}", map.check_against(&dataset));
    for park in &dataset.parks {
        let location = park.location.as_ref().expect("a location");
        let point = map.to_km((location.lon, location.lat));
        let inside: Vec<&DistrictId> = park.districts.iter().filter(|d| contains(&rings[d.as_str()], point)).collect();
        assert!(
            !inside.is_empty(),
            "{} at {:?} is in none of {:?}",
            park.id,
            (location.lon, location.lat),
            park.districts
        );
    }
}
