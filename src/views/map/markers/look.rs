//! How a park's marker looks: its fill, ring, halo and cross, by whether the park is pinned,
//! selected, hovered or outside the filter; painted here for the map and its legend alike.

use egui::{Color32, Pos2, Stroke, Vec2};

use super::super::MapContext;
use crate::model::ParkId;
use crate::state::map::Marker;
use crate::theme::{
    marker_halo_colour, marker_ring_colour, neutral_marker_colour, outside_filter_marker_colour, series_colour,
};

/// Ring widths, in points, outside the marker's disc (so a ring never eats a small disc's
/// colour): a plain marker's, a pinned park's, and the hovered or selected park's. Each is at
/// least 1.5 points wider than the one before, so the three read apart on a projector.
pub(super) const RING_PLAIN: f32 = 1.5;
const RING_PINNED: f32 = 3.0;
const RING_EMPHASISED: f32 = 4.5;

/// Width of a cross's line of colour, in points; a hollow cross's is this wide again on
/// each side of its pale centre.
const CROSS_LINE: f32 = 2.5;
const HOLLOW_CROSS_BAND: f32 = 1.25;

/// Width of the white halo outside a coloured marker's ring, in points.
const HALO: f32 = 1.5;

/// How a marker is painted.
#[derive(Clone, Copy, Debug)]
pub(in crate::views::map) struct MarkerLook {
    /// The park's chart colour if the map colours it, else the neutral fill; faded when the
    /// park is outside the filter.
    pub(super) fill: Color32,
    /// Outside the disc: widest for the hovered or selected park, then for a pinned one.
    pub(super) ring: Stroke,
    /// Whether a white halo goes outside the ring: for coloured markers, whose fill can vanish
    /// on a dark district.
    pub(super) halo: bool,
    /// Hovered, selected or pinned: drawn in full even where the others are dots.
    pub(super) stands_out: bool,
    /// The pale centre of a coloured park's marker when the park is outside the filter: the
    /// disc is then a band of its colour round this, and the cross a line of it along this.
    pub(super) hollow: Option<Color32>,
}

impl MarkerLook {
    /// How far from the centre the marker reaches, ring and halo included, for a disc of
    /// `radius`.
    pub(super) fn outer_radius(&self, radius: f32) -> f32 {
        radius + self.ring.width + if self.halo { HALO } else { 0.0 }
    }

    /// Paints a cross `radius` from the centre to each arm's end, outlined as the disc is: the
    /// marker of a park without a figure to size it by.
    pub(in crate::views::map) fn paint_cross(&self, painter: &egui::Painter, centre: Pos2, radius: f32) {
        let arm = Vec2::splat(radius * std::f32::consts::FRAC_1_SQRT_2 + 1.0);
        let flipped = Vec2::new(arm.x, -arm.y);
        // The line of colour, widened round a hollow one's pale centre; the outline as wide
        // beyond it either way.
        let line = if self.hollow.is_some() { CROSS_LINE + 2.0 * HOLLOW_CROSS_BAND } else { CROSS_LINE };
        let mut strokes = vec![(line + self.ring.width + 0.5, self.ring.color), (line, self.fill)];
        strokes.extend(self.hollow.map(|centre| (CROSS_LINE - 1.0, centre)));
        for (width, colour) in strokes {
            let stroke = Stroke::new(width, colour);
            painter.line_segment([centre - arm, centre + arm], stroke);
            painter.line_segment([centre - flipped, centre + flipped], stroke);
        }
    }

    /// Paints only the outline of the disc or cross, over whatever covers it: a coloured marker
    /// lying under another still shows where it is.
    pub(in crate::views::map) fn paint_outline(&self, painter: &egui::Painter, centre: Pos2, radius: f32, cross: bool) {
        if cross {
            self.paint_cross(painter, centre, radius);
            return;
        }
        let ring = self.ring.width;
        if self.halo {
            painter.circle_stroke(centre, radius + ring + HALO / 2.0, Stroke::new(HALO, marker_halo_colour()));
        }
        painter.circle_stroke(centre, radius + ring / 2.0, self.ring);
    }

    /// Paints the disc, its ring and its halo.
    pub(in crate::views::map) fn paint(&self, painter: &egui::Painter, centre: Pos2, radius: f32) {
        painter.circle_filled(centre, radius, self.fill);
        if let Some(hollow) = self.hollow {
            painter.circle_filled(centre, radius - hollow_band(radius), hollow);
        }
        let ring = self.ring.width;
        painter.circle_stroke(centre, radius + ring / 2.0, self.ring);
        if self.halo {
            painter.circle_stroke(centre, radius + ring + HALO / 2.0, Stroke::new(HALO, marker_halo_colour()));
        }
    }
}

/// How `marker` is painted, given the filter, the colours, pins and selection, and whether it
/// is `hovered`.
pub(super) fn marker_look(ctx: &MapContext<'_>, marker: &Marker, hovered: bool) -> MarkerLook {
    with_filter(park_look(ctx, &marker.park, hovered), marker.in_filter)
}

/// `look` as a marker of a park `in_filter` or outside it is painted.
pub(super) fn with_filter(mut look: MarkerLook, in_filter: bool) -> MarkerLook {
    if !in_filter {
        if look.halo {
            // A coloured park is told by its colour, here and in the legend: outside the
            // filter its marker is hollow, never faded (a faded fill took the district's
            // colour, and a faded cross over its dark outline turned black).
            look.hollow = Some(outside_filter_marker_colour(look.fill));
        } else {
            // A plain marker outside the filter recedes; a picked one keeps its full ring.
            look.fill = look.fill.gamma_multiply(0.25);
            if !look.stands_out {
                look.ring.color = look.ring.color.gamma_multiply(0.5);
            }
        }
    }
    look
}

/// How the legend draws the marker of a coloured park, and whether the park is outside the
/// filter: as the map draws it, not hovered (hollow outside the filter).
pub(in crate::views::map) fn legend_look(ctx: &MapContext<'_>, park: &ParkId) -> (MarkerLook, bool) {
    match ctx.data.marker(park) {
        Some(marker) => (marker_look(ctx, marker, false), !marker.in_filter),
        None => (park_look(ctx, park, false), false),
    }
}

/// The width of the band of colour round a hollow disc's pale centre, for a disc of `radius`:
/// about half the radius, so a small disc keeps some centre and a large one a band that reads
/// as its colour from the back of a room.
fn hollow_band(radius: f32) -> f32 {
    (radius * 0.5).clamp(1.5, 4.0)
}

/// How the marker of a park in the filter is painted: coloured or neutral, ringed by whether it
/// is pinned, selected or `hovered`.
pub(super) fn park_look(ctx: &MapContext<'_>, park: &ParkId, hovered: bool) -> MarkerLook {
    let ring = match (hovered || ctx.selected == Some(park), ctx.pinned.contains(park)) {
        (true, _) => RING_EMPHASISED,
        (false, true) => RING_PINNED,
        (false, false) => RING_PLAIN,
    };
    look_of(ctx.colours.slot(park), ring)
}

/// How a marker of the chart colour `slot` is painted (neutral without one) with a ring of
/// `ring` points: wider than [`RING_PLAIN`] for a picked park, which stands out. A grey marker
/// is `(None, RING_PLAIN)`.
pub(super) fn look_of(slot: Option<usize>, ring: f32) -> MarkerLook {
    MarkerLook {
        fill: slot.map_or_else(neutral_marker_colour, series_colour),
        ring: Stroke::new(ring, marker_ring_colour()),
        halo: slot.is_some(),
        stands_out: ring > RING_PLAIN,
        hollow: None,
    }
}
