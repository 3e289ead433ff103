//! The map's geometry: district outlines projected into map units and triangulated once per
//! map file, and the one transform that puts map units on the screen.

use egui::{Pos2, Rect, Vec2, pos2};

use crate::model::DistrictId;
use crate::model::geo::CityMap;

/// One district, projected and triangulated.
#[derive(Clone, Debug)]
pub(super) struct DistrictShape {
    pub(super) id: DistrictId,
    /// The outline in map units (km east, km south: screen-like, y grows downwards).
    pub(super) ring: Vec<Pos2>,
    /// Triangles over `ring`, three indices each.
    pub(super) triangles: Vec<u32>,
    /// Where the label goes: the area-weighted centroid.
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
                let (cx, cy) = crate::model::geo::centroid(&km);
                DistrictShape {
                    id: district.id.clone(),
                    ring,
                    triangles,
                    label_at: pos2(cx as f32, -cy as f32),
                    area: crate::model::geo::signed_area(&km).abs() as f32,
                }
            })
            .collect();
        Self { districts, lon_scale, bounds }
    }

    /// A park's place in map units.
    pub(super) fn project(&self, lon_lat: (f64, f64)) -> Pos2 {
        let (x, y) = crate::model::geo::to_km(lon_lat, self.lon_scale);
        pos2(x as f32, -y as f32)
    }
}

/// Maps map units onto the screen: fitted to `rect`, then zoomed and panned.
#[derive(Clone, Copy, Debug)]
pub(super) struct ScreenFromMap {
    pub(super) scale: f32,
    pub(super) offset: Vec2,
}

impl ScreenFromMap {
    pub(super) fn new(bounds: Rect, rect: Rect, zoom: f32, pan: Vec2) -> Self {
        let fit = (rect.width() / bounds.width()).min(rect.height() / bounds.height()) * 0.92;
        let scale = fit * zoom;
        let offset = rect.center().to_vec2() + pan - bounds.center().to_vec2() * scale;
        Self { scale, offset }
    }

    pub(super) fn apply(self, p: Pos2) -> Pos2 {
        (p.to_vec2() * self.scale + self.offset).to_pos2()
    }

    pub(super) fn invert(self, p: Pos2) -> Pos2 {
        ((p.to_vec2() - self.offset) / self.scale).to_pos2()
    }
}
