//! Park markers on the map: sized by a metric, outlined when pinned or selected, each a widget
//! with the park's name (so it can be clicked and found by tests), or plain dots when there are
//! too many to draw one by one.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, Vec2};

use crate::format::format_value;
use crate::i18n::strings;
use crate::model::ParkId;
use crate::state::Action;
use crate::state::map::{MapChoice, Marker};
use crate::theme::park_colour;

use super::pane::{Pane, PaneKind};
use super::{MapContext, metric_name, metric_unit, park_name};

/// The radius of a marker drawn as a plain dot, when there are too many to size and outline.
const DOT_RADIUS: f32 = 2.5;

/// Most markers drawn as separate widgets, sized and outlined.
pub(super) const MAX_MARKER_WIDGETS: usize = 300;

/// Draws the park markers; returns the hovered one. Each marker is a widget with the park's
/// name, so it can be clicked, tabbed to and found by tests.
pub(super) fn markers_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    ctx: &MapContext<'_>,
    choice: &MapChoice,
    pane: &Pane<'_>,
    actions: &mut Vec<Action>,
) -> Option<ParkId> {
    let clip = pane.rect;
    let mut hovered = None;
    let markers = &ctx.data.markers;
    // Each marker is its own widget while there are few; thousands are hit-tested by distance
    // instead, which costs far less per frame.
    let as_widgets = markers.len() <= MAX_MARKER_WIDGETS;
    let hover_at = ui.ctx().pointer_hover_pos().filter(|p| clip.contains(*p));
    let mut nearest: Option<(f32, &Marker)> = None;
    for marker in markers {
        let centre = pane.to_screen.apply(ctx.geometry.project(marker.lon_lat));
        if !clip.contains(centre) {
            continue;
        }
        let radius = ctx.data.marker_radius(marker);
        let look = marker_look(ui, ctx, marker);
        if as_widgets {
            painter.circle(centre, radius, look.fill, look.stroke);
            if marker_widget_ui(ui, ctx, choice, (pane, marker), centre, radius, actions) {
                hovered = Some(marker.park.clone());
            }
            continue;
        }
        // Thousands of sized, outlined circles cost tens of milliseconds to tessellate
        // (docs/performance.md): at that density markers are plain dots, and only the park
        // under the pointer, selected or pinned is drawn in full.
        if look.stands_out {
            painter.circle(centre, radius, look.fill, look.stroke);
        } else {
            painter.circle_filled(centre, DOT_RADIUS, look.fill);
        }
        if let Some(at) = hover_at {
            let distance = at.distance(centre);
            if distance <= DOT_RADIUS + 4.0 && nearest.is_none_or(|(d, _)| distance < d) {
                nearest = Some((distance, marker));
            }
        }
    }
    if let Some((_, marker)) = nearest {
        hovered = Some(marker.park.clone());
        dot_under_pointer_ui(ui, ctx, (pane.kind, marker), actions);
    }
    hovered
}

/// The room each marker drawn in `pane` takes on screen, for labels to keep clear of. Where
/// markers are dots, only those drawn in full count: labels may cover a dot or two rather than
/// vanish from a crowded map.
pub(super) fn marker_rects(ctx: &MapContext<'_>, pane: &Pane<'_>) -> Vec<Rect> {
    let as_widgets = ctx.data.markers.len() <= MAX_MARKER_WIDGETS;
    ctx.data
        .markers
        .iter()
        .filter(|marker| {
            as_widgets
                || ctx.hovered == Some(&marker.park)
                || ctx.selected == Some(&marker.park)
                || ctx.pinned.contains(&marker.park)
        })
        .map(|marker| {
            let centre = pane.to_screen.apply(ctx.geometry.project(marker.lon_lat));
            // The outline of a hovered or selected marker is 3 points wide.
            Rect::from_center_size(centre, Vec2::splat(2.0 * ctx.data.marker_radius(marker) + 3.0))
        })
        .filter(|rect| pane.rect.intersects(*rect))
        .collect()
}

/// How a marker is painted.
struct MarkerLook {
    /// The park's colour, faded when the park is outside the filter.
    fill: Color32,
    /// Strongest for the hovered or selected park, then for a pinned one.
    stroke: Stroke,
    /// Hovered, selected or pinned: drawn in full even where the others are dots.
    stands_out: bool,
}

/// How `marker` is painted this frame, given the filter, pins, hover and selection.
fn marker_look(ui: &Ui, ctx: &MapContext<'_>, marker: &Marker) -> MarkerLook {
    let position = ctx.dataset.park_position(&marker.park).unwrap_or(0);
    let mut fill = park_colour(position);
    if !marker.in_filter {
        fill = fill.gamma_multiply(0.25);
    }
    let emphasised = ctx.hovered == Some(&marker.park) || ctx.selected == Some(&marker.park);
    let pinned = ctx.pinned.contains(&marker.park);
    let stroke = match (emphasised, pinned) {
        (true, _) => Stroke::new(3.0, ui.visuals().strong_text_color()),
        (false, true) => Stroke::new(2.5, ui.visuals().text_color()),
        (false, false) => Stroke::new(1.0, Color32::BLACK.gamma_multiply(0.6)),
    };
    MarkerLook { fill, stroke, stands_out: emphasised || pinned }
}

/// The clickable widget over one drawn marker in a pane, named after its park (in the main map
/// and the inset alike), with a tooltip giving the marker metric's value; returns whether the
/// pointer is over it.
fn marker_widget_ui(
    ui: &mut Ui,
    ctx: &MapContext<'_>,
    choice: &MapChoice,
    (pane, marker): (&Pane<'_>, &Marker),
    centre: Pos2,
    radius: f32,
    actions: &mut Vec<Action>,
) -> bool {
    let name = park_name(ctx, &marker.park);
    let id = ui.make_persistent_id(("map_marker", pane.kind, &marker.park));
    let response = ui.interact(Rect::from_center_size(centre, Vec2::splat(2.0 * radius.max(6.0))), id, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    let hovered = response.hovered();
    if hovered {
        actions.push(Action::Hover(marker.park.clone()));
        let s = strings(ctx.language);
        let figure = match (&choice.marker_metric, marker.value) {
            (Some(metric), Some(value)) => {
                format!("\n{}: {} {}", metric_name(ctx, metric), format_value(value), metric_unit(ctx, metric))
            }
            (Some(metric), None) => format!("\n{}: {}", metric_name(ctx, metric), s.no_data),
            (None, _) => String::new(),
        };
        response.clone().on_hover_text(format!("{name}{figure}"));
    }
    if response.clicked() {
        actions.push(Action::Select(marker.park.clone()));
    }
    hovered
}

/// Where markers are plain dots: the name of the park whose dot is nearest the pointer, and a
/// click on it selects the park.
fn dot_under_pointer_ui(
    ui: &Ui,
    ctx: &MapContext<'_>,
    (pane_kind, marker): (PaneKind, &Marker),
    actions: &mut Vec<Action>,
) {
    actions.push(Action::Hover(marker.park.clone()));
    let name = park_name(ctx, &marker.park);
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        egui::Id::unique(("map_marker_tip", pane_kind)),
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| ui.label(name));
    if ui.input(|i| i.pointer.primary_clicked()) {
        actions.push(Action::Select(marker.park.clone()));
    }
}
