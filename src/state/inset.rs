//! Which districts the map magnifies in an inset. A city's centre is usually a few small
//! districts packed together, too small on the whole-city map for their names or markers; the
//! inset shows them enlarged. They are chosen from the outlines alone, by two rules stated
//! below, so any city's map file gets an inset where it needs one and none where it does not,
//! without naming a district in code or in the file. Pure functions; no egui.

use crate::model::DistrictId;
use crate::model::geo::{CityMap, Km, centroid, signed_area, to_km};

/// A district is small when its area is below this share of the median district's area: it is
/// then less than half as wide as a typical district, too narrow for a name that fits in most.
pub const SMALL_SHARE: f64 = 0.2;

/// Two small districts go into the same inset when their centroids are closer than this many
/// times the width of a median district (the square root of its area): near enough that one
/// enlarged box shows both.
pub const NEAR_WIDTHS: f64 = 1.0;

/// The districts an inset magnifies, and the box around their outlines.
#[derive(Clone, Debug, PartialEq)]
pub struct Inset {
    /// The magnified districts, in the map file's order.
    pub districts: Vec<DistrictId>,
    /// South-west corner of the box around their outlines, km east and north (as
    /// [`CityMap::to_km`] projects).
    pub min_km: Km,
    /// North-east corner of that box.
    pub max_km: Km,
}

/// The inset of `map`: its largest group of small districts lying near each other (see
/// [`SMALL_SHARE`] and [`NEAR_WIDTHS`]); of equally large groups, the one of least total area,
/// which needs enlarging most. `None` when no district is small.
pub fn choose_inset(map: &CityMap) -> Option<Inset> {
    let lon_scale = map.lon_scale();
    let rings: Vec<Vec<Km>> =
        map.districts.iter().map(|d| d.outline.iter().map(|&p| to_km(p, lon_scale)).collect()).collect();
    let areas: Vec<f64> = rings.iter().map(|ring| signed_area(ring).abs()).collect();
    let median = median(&areas)?;
    let small: Vec<usize> = (0..areas.len()).filter(|&i| areas[i] < SMALL_SHARE * median).collect();
    let centres: Vec<Km> = rings.iter().map(|ring| centroid(ring)).collect();
    let near = NEAR_WIDTHS * median.sqrt();
    let close = |a: usize, b: usize| {
        let (pa, pb) = (centres[a], centres[b]);
        (pa.0 - pb.0).hypot(pa.1 - pb.1) < near
    };
    let group = groups(&small, close)
        .into_iter()
        .map(|group| {
            let area: f64 = group.iter().map(|&i| areas[i]).sum();
            (group, area)
        })
        .max_by(|(a, area_a), (b, area_b)| a.len().cmp(&b.len()).then(area_b.total_cmp(area_a)))?
        .0;
    let (mut min_km, mut max_km) = ((f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY));
    for &(x, y) in group.iter().flat_map(|&i| &rings[i]) {
        min_km = (min_km.0.min(x), min_km.1.min(y));
        max_km = (max_km.0.max(x), max_km.1.max(y));
    }
    let districts = group.iter().filter_map(|&i| map.districts.get(i)).map(|d| d.id.clone()).collect();
    Some(Inset { districts, min_km, max_km })
}

/// The median of `values`; `None` for none.
fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some(f64::midpoint(sorted[n / 2 - 1], sorted[n / 2])),
    }
}

/// `members` split into groups connected by `close` (two members share a group when a chain
/// of close pairs joins them), each in ascending order.
fn groups(members: &[usize], close: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut unassigned: Vec<usize> = members.to_vec();
    let mut groups = Vec::new();
    while let Some(first) = unassigned.pop() {
        let mut group = vec![first];
        let mut next = 0;
        while let Some(&member) = group.get(next) {
            let (joined, rest): (Vec<usize>, Vec<usize>) =
                std::mem::take(&mut unassigned).into_iter().partition(|&other| close(member, other));
            group.extend(joined);
            unassigned = rest;
            next += 1;
        }
        group.sort_unstable();
        groups.push(group);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;
    use crate::model::geo::DistrictOutline;

    /// A map of square districts, each `(id, west, south, size)` in hundredths of a degree near
    /// the equator (where a degree of longitude is as long as one of latitude).
    fn squares(districts: &[(&str, f64, f64, f64)]) -> CityMap {
        let text = |s: &str| Text { en: s.to_owned(), zh: s.to_owned() };
        CityMap {
            name: text("Synthetic"),
            note: text("Squares"),
            source: None,
            schematic: true,
            districts: districts
                .iter()
                .map(|&(id, west, south, size)| {
                    let (w, s, e, n) = (west / 100.0, south / 100.0, (west + size) / 100.0, (south + size) / 100.0);
                    DistrictOutline { id: DistrictId::new(id), outline: vec![(w, s), (e, s), (e, n), (w, n)] }
                })
                .collect(),
        }
    }

    fn ids(inset: &Inset) -> Vec<&str> {
        inset.districts.iter().map(DistrictId::as_str).collect()
    }

    #[test]
    fn the_shipped_map_magnifies_its_small_centre() {
        let map = crate::model::geo::load_city_map(crate::model::EMBEDDED_MAP, "map").expect("valid");
        let inset = choose_inset(&map).expect("the centre is small");
        // The two old-town districts and the third smallest just west of them, as
        // chart-design.md §3.5 recommends; the box spans about 30 by 15 km.
        assert_eq!(ids(&inset), ["dongcheng", "xicheng", "shijingshan"]);
        let (width, height) = (inset.max_km.0 - inset.min_km.0, inset.max_km.1 - inset.min_km.1);
        assert!((25.0..40.0).contains(&width) && (10.0..20.0).contains(&height), "{width} × {height} km");
    }

    #[test]
    fn another_city_gets_its_own_small_cluster_and_a_far_small_district_stays_out() {
        // A 3×3 grid of 20-wide districts; the centre cell is cut into two small ones, and a
        // third small one sits far out east.
        let map = squares(&[
            ("nw", 0.0, 40.0, 20.0),
            ("n", 20.0, 40.0, 20.0),
            ("ne", 40.0, 40.0, 20.0),
            ("w", 0.0, 20.0, 20.0),
            ("core_a", 20.0, 20.0, 6.0),
            ("core_b", 26.0, 20.0, 6.0),
            ("e", 40.0, 20.0, 20.0),
            ("sw", 0.0, 0.0, 20.0),
            ("s", 20.0, 0.0, 20.0),
            ("se", 40.0, 0.0, 20.0),
            ("far", 90.0, 90.0, 5.0),
        ]);
        let inset = choose_inset(&map).expect("a small cluster");
        assert_eq!(ids(&inset), ["core_a", "core_b"]);
        let km = |deg: f64| deg / 100.0 * crate::model::geo::KM_PER_DEGREE;
        assert!((inset.min_km.0 - km(20.0)).abs() < 0.1 && (inset.max_km.0 - km(32.0)).abs() < 0.1);
        assert!((inset.min_km.1 - km(20.0)).abs() < 0.1 && (inset.max_km.1 - km(26.0)).abs() < 0.1);
    }

    #[test]
    fn a_city_of_even_districts_has_no_inset_and_a_lone_small_one_gets_one() {
        let even =
            squares(&[("a", 0.0, 0.0, 20.0), ("b", 20.0, 0.0, 20.0), ("c", 0.0, 20.0, 20.0), ("d", 20.0, 20.0, 18.0)]);
        assert_eq!(choose_inset(&even), None);
        let one_small = squares(&[
            ("a", 0.0, 0.0, 20.0),
            ("b", 20.0, 0.0, 20.0),
            ("c", 0.0, 20.0, 20.0),
            ("tiny", 20.0, 20.0, 4.0),
        ]);
        assert_eq!(choose_inset(&one_small).map(|inset| ids(&inset).join(",")), Some("tiny".to_owned()));
        assert_eq!(choose_inset(&squares(&[])), None, "no districts");
    }

    #[test]
    fn of_two_equal_clusters_the_smaller_is_magnified() {
        let map = squares(&[
            ("a", 0.0, 0.0, 40.0),
            ("b", 40.0, 0.0, 40.0),
            ("c", 80.0, 0.0, 40.0),
            ("d", 120.0, 0.0, 40.0),
            ("west_1", 0.0, 40.0, 8.0),
            ("west_2", 8.0, 40.0, 8.0),
            ("east_1", 150.0, 40.0, 4.0),
            ("east_2", 154.0, 40.0, 4.0),
        ]);
        assert_eq!(choose_inset(&map).map(|inset| ids(&inset).join(",")), Some("east_1,east_2".to_owned()));
    }
}
