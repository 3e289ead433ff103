//! One drawing of the districts with their markers and labels: the main map, or the inset that
//! enlarges its small districts. Both behave alike: hovering a district names it, and markers
//! can be hovered and clicked.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Pos2, Rect, Shape, Stroke, StrokeKind, Ui};

use crate::model::geo::contains;
use crate::model::{DistrictId, ParkId};
use crate::state::Action;
use crate::state::map::MapChoice;
use crate::theme::hatch_colour;

use super::geometry::{DistrictShape, ScreenFromMap};
use super::hatch::hatch_segments;
use super::labels::labels_ui;
use super::markers::{marker_rects, markers_ui};
use super::park_names::park_names_ui;
use super::{MapContext, district_fill};

/// Which drawing a pane is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum PaneKind {
    /// The whole city, panned and zoomed by the user.
    Main,
    /// The small districts, enlarged.
    Inset,
}

/// One drawing of the map.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pane<'a> {
    /// Which drawing it is.
    pub(super) kind: PaneKind,
    /// Where it is drawn; nothing is drawn outside.
    pub(super) rect: Rect,
    /// Map units to the screen.
    pub(super) to_screen: ScreenFromMap,
    /// The districts the inset shows; empty when there is no inset.
    pub(super) enlarged: &'a [DistrictId],
    /// The part of the map the inset shows, in map units, outlined on the main map.
    pub(super) inset_extent: Option<Rect>,
    /// The room the zoom buttons take over this pane, on screen: district labels and park
    /// names keep clear of it as they keep clear of the pane's edges, or a zoomed map put a
    /// name under the buttons. `None` where there are none (on a slide, in the inset).
    pub(super) controls: Option<Rect>,
}

/// What the pointer is over in a pane.
#[derive(Clone, Debug, Default)]
pub(super) struct PaneHover {
    /// The district under the pointer.
    pub(super) district: Option<DistrictId>,
    /// The park whose marker is under the pointer.
    pub(super) marker: Option<ParkId>,
}

/// The stroke of the inset's frame and of its extent on the main map, so the eye pairs them.
pub(super) fn inset_stroke(ui: &Ui) -> Stroke {
    Stroke::new(2.0, ui.visuals().strong_text_color())
}

/// The stroke of a leader line joining a name to its district or marker: thick enough to be
/// followed from the back of a room (a 1-point line all but vanishes on a projector), thinner
/// and fainter than the inset's frame, so the two never read as one.
pub(super) fn leader_stroke(ui: &Ui) -> Stroke {
    Stroke::new(1.5, ui.visuals().text_color())
}

/// Points between the lines hatching a district with no data.
pub(super) const HATCH_SPACING: f32 = 6.0;

/// Draws `pane`: district fills and outlines, the inset's extent (on the main map), markers and
/// labels. `pointer_pos` is where the pointer is, if over this pane.
pub(super) fn pane_ui(
    ui: &mut Ui,
    ctx: &MapContext<'_>,
    choice: &MapChoice,
    pane: &Pane<'_>,
    pointer_pos: Option<Pos2>,
    actions: &mut Vec<Action>,
) -> PaneHover {
    let painter = ui.painter_at(pane.rect);
    painter.rect_filled(pane.rect, 4.0, ui.visuals().extreme_bg_color);
    let outline = Stroke::new(1.0, ui.visuals().window_stroke.color);
    let mut hover = PaneHover::default();
    for shape in &ctx.geometry.districts {
        let fill = district_fill(ctx, &shape.id);
        let mut mesh = Mesh::default();
        for p in &shape.ring {
            mesh.vertices.push(Vertex { pos: pane.to_screen.apply(*p), uv: WHITE_UV, color: fill });
        }
        mesh.indices.clone_from(&shape.triangles);
        painter.add(Shape::mesh(mesh));
        let screen_ring: Vec<Pos2> = shape.ring.iter().map(|p| pane.to_screen.apply(*p)).collect();
        // Hatched where data is missing; a district with no park to sum is plain.
        if ctx.data.reading(&shape.id).is_some_and(|reading| reading.value.is_none() && reading.has_parks()) {
            let hatch = Stroke::new(1.0, hatch_colour());
            for segment in hatch_segments(&screen_ring, HATCH_SPACING) {
                painter.line_segment(segment, hatch);
            }
        }
        painter.add(Shape::closed_line(screen_ring, outline));
        if let Some(pointer) = pointer_pos {
            let at = pane.to_screen.invert(pointer);
            let ring: Vec<(f64, f64)> = shape.ring.iter().map(|p| (f64::from(p.x), f64::from(p.y))).collect();
            if contains(&ring, (f64::from(at.x), f64::from(at.y))) {
                hover.district = Some(shape.id.clone());
            }
        }
    }
    if let Some(extent) = pane.inset_extent {
        let on_screen = Rect::from_two_pos(pane.to_screen.apply(extent.min), pane.to_screen.apply(extent.max));
        painter.rect_stroke(on_screen, 0.0, inset_stroke(ui), StrokeKind::Middle);
    }
    let obstacles = marker_rects(ctx, pane);
    hover.marker = markers_ui(ui, &painter, ctx, choice, pane, actions);
    let taken = labels_ui(ui, &painter, ctx, pane, &labelled(ctx, pane, choice.zoom), &obstacles);
    park_names_ui(ui, &painter, ctx, pane, &taken, &obstacles);
    hover
}

/// The districts `pane` labels, in order of priority, each with whether its label may go
/// outside it. The main map labels every district, largest first; those the inset enlarges
/// come last and only inside, since the inset labels them anyway, unless the main map is
/// zoomed in as far as an inset is worth (then they are large on screen, and went unnamed).
/// The inset labels only those.
fn labelled<'g>(ctx: &MapContext<'g>, pane: &Pane<'_>, zoom: f32) -> Vec<(&'g DistrictShape, bool)> {
    let mut shapes: Vec<&DistrictShape> = ctx.geometry.districts.iter().collect();
    shapes.sort_by(|a, b| b.area.total_cmp(&a.area));
    let (enlarged, others): (Vec<&DistrictShape>, Vec<&DistrictShape>) =
        shapes.into_iter().partition(|shape| pane.enlarged.contains(&shape.id));
    match pane.kind {
        PaneKind::Main => {
            let zoomed_in = zoom >= super::MIN_MAGNIFICATION;
            others.into_iter().map(|s| (s, true)).chain(enlarged.into_iter().map(|s| (s, zoomed_in))).collect()
        }
        PaneKind::Inset => enlarged.into_iter().map(|s| (s, true)).collect(),
    }
}
