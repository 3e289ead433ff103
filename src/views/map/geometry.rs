//! The map's geometry: district outlines projected into map units and triangulated once per
//! map file, the part of the map its inset enlarges, and the one transform that puts map units
//! on the screen.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::DistrictId;
use crate::model::geo::{CityMap, pole_of_inaccessibility};
use crate::state::inset::choose_inset;

/// One district, projected and triangulated.
#[derive(Clone, Debug)]
pub(super) struct DistrictShape {
    pub(super) id: DistrictId,
    /// The outline in map units (km east, km south: screen-like, y grows downwards).
    pub(super) ring: Vec<Pos2>,
    /// Triangles over `ring`, three indices each.
    pub(super) triangles: Vec<u32>,
    /// Where the label goes: the point farthest inside from the outline (its pole of
    /// inaccessibility), which, unlike the centroid, is inside even a crescent.
    pub(super) label_at: Pos2,
    /// Area in map units, for label priority.
    pub(super) area: f32,
}

/// The map's districts in map units, computed once per map file.
#[derive(Clone, Debug)]
pub struct MapGeometry {
    pub(super) districts: Vec<DistrictShape>,
    /// East–west scale of the projection, for placing parks.
    pub(super) lon_scale: f64,
    /// The bounding box of all outlines.
    pub(super) bounds: Rect,
    /// The part of the map the inset enlarges, if any district is small enough to need it.
    pub(super) inset: Option<InsetShape>,
}

/// The part of the map the inset enlarges (chosen by [`choose_inset`]).
#[derive(Clone, Debug)]
pub(super) struct InsetShape {
    /// The small districts it is for, which it labels.
    pub(super) districts: Vec<DistrictId>,
    /// What it shows, in map units: the box around those districts with a margin, made no
    /// more than 3:2 wide or tall so it fits beside the map.
    pub(super) extent: Rect,
}

/// The margin around the inset's districts, as a share of the longer side of their box: enough
/// to show where their neighbours begin.
const INSET_MARGIN: f32 = 0.08;

/// The most elongated the inset may be, width to height or height to width.
const INSET_MAX_ASPECT: f32 = 1.5;

impl InsetShape {
    /// The inset of `map`, in map units.
    fn new(map: &CityMap) -> Option<Self> {
        let inset = choose_inset(map)?;
        // Map units run east and south; the inset's box is in km east and north.
        let around = Rect::from_min_max(
            pos2(inset.min_km.0 as f32, -inset.max_km.1 as f32),
            pos2(inset.max_km.0 as f32, -inset.min_km.1 as f32),
        );
        let margin = around.size().max_elem() * INSET_MARGIN;
        let mut extent = around.expand(margin);
        let (width, height) = (extent.width(), extent.height());
        if width > height * INSET_MAX_ASPECT {
            extent = Rect::from_center_size(extent.center(), vec2(width, width / INSET_MAX_ASPECT));
        } else if height > width * INSET_MAX_ASPECT {
            extent = Rect::from_center_size(extent.center(), vec2(height / INSET_MAX_ASPECT, height));
        }
        Some(Self { districts: inset.districts, extent })
    }
}

impl MapGeometry {
    /// Projects every outline (equirectangular, corrected by the cosine of the mean latitude)
    /// and triangulates it.
    pub fn new(map: &CityMap) -> Self {
        let lon_scale = map.lon_scale();
        let mut bounds = Rect::NOTHING;
        let districts = map
            .districts
            .iter()
            .map(|district| {
                let km: Vec<(f64, f64)> =
                    district.outline.iter().map(|&p| crate::model::geo::to_km(p, lon_scale)).collect();
                let ring: Vec<Pos2> = km.iter().map(|&(x, y)| pos2(x as f32, -y as f32)).collect();
                for p in &ring {
                    bounds.extend_with(*p);
                }
                let flat: Vec<f64> = km.iter().flat_map(|&(x, y)| [x, y]).collect();
                let triangles = earcutr::earcut(&flat, &[], 2)
                    .map(|t| t.into_iter().filter_map(|i| u32::try_from(i).ok()).collect())
                    .unwrap_or_default();
                let ((x, y), _) = pole_of_inaccessibility(&km);
                DistrictShape {
                    id: district.id.clone(),
                    ring,
                    triangles,
                    label_at: pos2(x as f32, -y as f32),
                    area: crate::model::geo::signed_area(&km).abs() as f32,
                }
            })
            .collect();
        Self { districts, lon_scale, bounds, inset: InsetShape::new(map) }
    }

    /// A park's place in map units.
    pub(super) fn project(&self, lon_lat: (f64, f64)) -> Pos2 {
        let (x, y) = crate::model::geo::to_km(lon_lat, self.lon_scale);
        pos2(x as f32, -y as f32)
    }

    /// Whether `lon_lat` lies outside the box around every district: a marker there is not on
    /// the map, however it is zoomed.
    pub(super) fn is_off_the_map(&self, lon_lat: (f64, f64)) -> bool {
        !self.bounds.contains(self.project(lon_lat))
    }
}

/// The share of its rectangle a fitted map fills, leaving a margin for outlines and markers at
/// the edge.
pub(super) const FIT_SHARE: f32 = 0.92;

/// Maps map units onto the screen: fitted to `rect`, then zoomed and panned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ScreenFromMap {
    pub(super) scale: f32,
    pub(super) offset: Vec2,
}

impl ScreenFromMap {
    /// `bounds` (map units) fitted into `rect` with a small margin, then zoomed by `zoom` about
    /// the centre and moved by `pan` (points).
    pub(super) fn new(bounds: Rect, rect: Rect, zoom: f32, pan: Vec2) -> Self {
        let fit = (rect.width() / bounds.width()).min(rect.height() / bounds.height()) * FIT_SHARE;
        let scale = fit * zoom;
        let offset = rect.center().to_vec2() + pan - bounds.center().to_vec2() * scale;
        Self { scale, offset }
    }

    /// A point in map units on the screen.
    pub(super) fn apply(self, p: Pos2) -> Pos2 {
        (p.to_vec2() * self.scale + self.offset).to_pos2()
    }

    /// A point on the screen in map units.
    pub(super) fn invert(self, p: Pos2) -> Pos2 {
        ((p.to_vec2() - self.offset) / self.scale).to_pos2()
    }
}
