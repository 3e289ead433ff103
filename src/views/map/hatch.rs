//! Hatching: the diagonal lines that mark a district with no data, so "no data" reads as
//! absent rather than as one more shade of the scale, also in grey-scale print and for
//! readers who cannot tell the grey from a pale class.

use egui::{Pos2, pos2};

/// The pieces of the lines `x + y = c` (every `spacing` points, rising to the right on screen)
/// that lie inside the closed `ring`, by the even–odd rule, so a concave or U-shaped district is
/// hatched only where it is.
pub(super) fn hatch_segments(ring: &[Pos2], spacing: f32) -> Vec<[Pos2; 2]> {
    if ring.len() < 3 || spacing.is_nan() || spacing <= 0.0 {
        return Vec::new();
    }
    let sums = ring.iter().map(|p| p.x + p.y);
    let (low, high) = sums.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), s| (lo.min(s), hi.max(s)));
    let mut segments = Vec::new();
    // Lines on whole multiples of the spacing, so neighbouring districts' hatching lines up.
    let mut c = (low / spacing).ceil() * spacing;
    while c <= high {
        let mut crossings: Vec<Pos2> = Vec::new();
        for (i, p) in ring.iter().enumerate() {
            let q = ring[(i + 1) % ring.len()];
            let (fp, fq) = (p.x + p.y - c, q.x + q.y - c);
            // Half-open, so a line through a vertex counts it once.
            if (fp < 0.0) != (fq < 0.0) {
                let t = fp / (fp - fq);
                crossings.push(pos2(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)));
            }
        }
        crossings.sort_by(|a, b| a.x.total_cmp(&b.x));
        // A line through a corner only touches the district: nothing to draw.
        let pieces = crossings.chunks_exact(2).map(|pair| [pair[0], pair[1]]);
        segments.extend(pieces.filter(|[a, b]| a.distance(*b) > 1e-3));
        c += spacing;
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(ring: &[Pos2], p: Pos2) -> bool {
        let ring: Vec<(f64, f64)> = ring.iter().map(|q| (f64::from(q.x), f64::from(q.y))).collect();
        crate::model::geo::contains(&ring, (f64::from(p.x), f64::from(p.y)))
    }

    #[test]
    fn a_square_is_crossed_by_whole_lines_inside_it() {
        let square = [pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 10.0), pos2(0.0, 10.0)];
        let segments = hatch_segments(&square, 4.0);
        // x + y runs over 0..=20: lines at 4, 8, 12, 16 (0 and 20 only touch corners).
        assert_eq!(segments.len(), 4);
        for [a, b] in segments {
            assert!((a.x + a.y - (b.x + b.y)).abs() < 1e-4, "each piece lies on one line");
            assert!(inside(&square, pos2(f32::midpoint(a.x, b.x), f32::midpoint(a.y, b.y))));
        }
    }

    #[test]
    fn a_u_shaped_district_is_not_hatched_across_its_gap() {
        // A U opening upwards: arms at x 0..2 and 8..10, joined below y 8.
        let u = [
            pos2(0.0, 0.0),
            pos2(2.0, 0.0),
            pos2(2.0, 8.0),
            pos2(8.0, 8.0),
            pos2(8.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        ];
        let segments = hatch_segments(&u, 1.0);
        assert!(!segments.is_empty());
        for [a, b] in &segments {
            let middle = pos2(f32::midpoint(a.x, b.x), f32::midpoint(a.y, b.y));
            assert!(inside(&u, middle), "{a:?}–{b:?} leaves the district");
        }
        // The line x + y = 9 crosses both arms above the gap: two pieces, not one across it.
        assert_eq!(segments.iter().filter(|[a, _]| (a.x + a.y - 9.0).abs() < 1e-4).count(), 2);
    }

    #[test]
    fn nothing_to_hatch_gives_no_lines() {
        assert!(hatch_segments(&[pos2(0.0, 0.0), pos2(1.0, 1.0)], 2.0).is_empty());
        assert!(hatch_segments(&[pos2(0.0, 0.0), pos2(4.0, 0.0), pos2(0.0, 4.0)], 0.0).is_empty());
    }
}
