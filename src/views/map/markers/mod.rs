//! Park markers on the map: sized by a metric, in their park's chart colour when pinned or
//! selected (hollow, a band of it round a pale centre, when the park is outside the filter)
//! and neutral otherwise (faded outside the filter), ringed more heavily when pinned and most when hovered or
//! selected, each a widget with the park's name (so it can be clicked and found by tests), or
//! plain dots when there are too many to draw one by one.

mod look;

use std::sync::Arc;

use egui::{Pos2, Rect, Sense, Ui, Vec2};

use crate::format::{figure_in_brackets, other_values, source_cited, value_with_unit};
use crate::i18n::{labelled, strings};
use crate::model::{MetricId, ParkId};
use crate::state::Action;
use crate::state::map::{MapChoice, Marker};
use crate::views::remembered::{SameArc, remembered};
use crate::views::widgets::hover::hover_text;

use super::dots::{Dot, DotLayers, DotSize, dots_shape};
use super::pane::{Pane, PaneKind};
use super::{MapContext, metric_name, metric_unit, park_name};
pub(super) use look::{MarkerLook, legend_look};
use look::{RING_PLAIN, look_of, marker_look, with_filter};

/// The radius of a marker drawn as a plain dot, when there are too many to size and outline.
const DOT_RADIUS: f32 = 2.5;

/// Most markers drawn as separate widgets, sized and outlined.
const MAX_MARKER_WIDGETS: usize = 300;

/// The radius a marker is drawn at: sized by its figure ([`MapData::marker_radius`]), or,
/// where markers are dots (the legend then says they are too many to size), one radius for the
/// few drawn in full: sized, seven pinned parks' discs of up to 24 points covered one another
/// with no key to read their sizes by.
///
/// [`MapData::marker_radius`]: crate::state::map::MapData::marker_radius
pub(super) fn drawn_radius(ctx: &MapContext<'_>, marker: &Marker) -> f32 {
    if drawn_as_dots(ctx.data.markers.len()) { PICKED_DOT_RADIUS } else { ctx.data.marker_radius(marker) }
}

/// The radius of a marker drawn in full where the others are dots (pinned, selected, hovered):
/// larger than a dot, to be found among them, and as large for every park.
const PICKED_DOT_RADIUS: f32 = 7.0;

/// Whether `count` markers are drawn as plain dots (above [`MAX_MARKER_WIDGETS`]): then the
/// legend says so and district labels sit on plates.
pub(super) fn drawn_as_dots(count: usize) -> bool {
    count > MAX_MARKER_WIDGETS
}

/// Draws the park markers; returns the hovered one. Each marker is a widget with the park's
/// name, so it can be clicked, tabbed to and found by tests; thousands are plain dots instead.
pub(super) fn markers_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    ctx: &MapContext<'_>,
    choice: &MapChoice,
    pane: &Pane<'_>,
    actions: &mut Vec<Action>,
) -> Option<ParkId> {
    let picked = picked_in_paint_order(ctx);
    let hovered = if drawn_as_dots(ctx.data.markers.len()) {
        dot_markers_ui(ui, painter, ctx, pane, &picked, actions)
    } else {
        marker_widgets_ui(ui, painter, ctx, choice, pane, &picked, actions)
    };
    // A coloured marker a later one covers the middle of (two parks at nearly one place) is
    // outlined again over it, so the audience still sees it there and whose name points there.
    // Only the coloured markers, the last painted: looking each of thousands up would cost more
    // than the frame.
    for (i, marker) in picked.iter().enumerate() {
        let centre = pane.to_screen.apply(ctx.geometry.project(marker.lon_lat));
        let covered = picked[i + 1..].iter().any(|over| {
            let over_centre = pane.to_screen.apply(ctx.geometry.project(over.lon_lat));
            over_centre.distance(centre) < drawn_radius(ctx, over)
        });
        if covered && pane.rect.contains(centre) {
            let look = marker_look(ctx, marker, ctx.hovered == Some(&marker.park));
            look.paint_outline(painter, centre, drawn_radius(ctx, marker), ctx.data.lacks_size(marker));
        }
    }
    hovered
}

/// The markers as widgets, sized and outlined, the grey ones first (largest first), then the
/// `picked` ones; returns the hovered one.
fn marker_widgets_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    ctx: &MapContext<'_>,
    choice: &MapChoice,
    pane: &Pane<'_>,
    picked: &[&Marker],
    actions: &mut Vec<Action>,
) -> Option<ParkId> {
    let mut hovered = None;
    let mut grey: Vec<&Marker> = ctx.data.markers.iter().filter(|marker| !is_among(picked, marker)).collect();
    grey.sort_by(|a, b| ctx.data.marker_radius(b).total_cmp(&ctx.data.marker_radius(a)));
    for marker in grey.into_iter().chain(picked.iter().copied()) {
        let centre = pane.to_screen.apply(ctx.geometry.project(marker.lon_lat));
        if !pane.rect.contains(centre) {
            continue;
        }
        let radius = drawn_radius(ctx, marker);
        let look = marker_look(ctx, marker, ctx.hovered == Some(&marker.park));
        if ctx.data.lacks_size(marker) {
            look.paint_cross(painter, centre, radius);
        } else {
            look.paint(painter, centre, radius);
        }
        if marker_widget_ui(ui, ctx, choice, (pane, marker), centre, radius, actions) {
            hovered = Some(marker.park.clone());
        }
    }
    hovered
}

/// Where the grey markers of a map of thousands are drawn, as plain dots, and where each is for
/// finding the one under the pointer: worked out again only when the markers, the map's place
/// on screen or the picked parks change, not every frame (at 10,000 parks the pass over them
/// cost the map a third of its frame).
struct GreyDots {
    /// The dots, in the markers' order, for the image.
    dots: Arc<Vec<Dot>>,
    /// Each grey marker in view: its index among the markers and its centre on screen.
    placed: Vec<(usize, Pos2)>,
}

impl GreyDots {
    fn new(ctx: &MapContext<'_>, pane: &Pane<'_>, picked: &[&Marker], looks: [MarkerLook; 2]) -> Self {
        let mut dots = Vec::new();
        let mut placed = Vec::new();
        for (i, marker) in ctx.data.markers.iter().enumerate() {
            let centre = pane.to_screen.apply(ctx.geometry.project(marker.lon_lat));
            if is_among(picked, marker) || !pane.rect.contains(centre) {
                continue;
            }
            let look = looks[usize::from(marker.in_filter)];
            dots.push(Dot { centre, fill: look.fill, rim: look.ring.color });
            placed.push((i, centre));
        }
        Self { dots: Arc::new(dots), placed }
    }
}

/// The markers of a map of thousands: every park not picked a plain dot in one image (the
/// hovered one too, drawn in full above it, so moving the pointer from dot to dot does not
/// redraw the image), and only the `picked` ones and the hovered one drawn in full:
/// thousands of sized, outlined circles cost tens of milliseconds to tessellate
/// (docs/performance.md). Returns the hovered marker's park.
fn dot_markers_ui(
    ui: &Ui,
    painter: &egui::Painter,
    ctx: &MapContext<'_>,
    pane: &Pane<'_>,
    picked: &[&Marker],
    actions: &mut Vec<Action>,
) -> Option<ParkId> {
    let clip = pane.rect;
    // The dots go under the markers drawn in full: their place in the paint order is kept here,
    // and the image put in it at the end.
    let dots_slot = painter.add(egui::Shape::Noop);
    // A grey marker looks as every other grey one in or outside the filter: two looks worked
    // out once, not one for each of thousands.
    let grey_looks = [false, true].map(|in_filter| with_filter(look_of(None, RING_PLAIN), in_filter));
    let picked_parks: Vec<ParkId> = picked.iter().map(|marker| marker.park.clone()).collect();
    let colours = grey_looks.map(|look| (look.fill, look.ring.color));
    let inputs = (ctx.data.revision, ctx.geometry.bounds, pane.to_screen, clip, colours, picked_parks);
    let id = ui.scope_id().with(("map grey dots", pane.kind));
    let grey = remembered(ui.ctx(), id, inputs, |_| Arc::new(GreyDots::new(ctx, pane, picked, grey_looks)));
    let place = |marker: &Marker| pane.to_screen.apply(ctx.geometry.project(marker.lon_lat));
    let paint = |marker: &Marker, look: MarkerLook, centre: Pos2| {
        if ctx.data.lacks_size(marker) {
            look.paint_cross(painter, centre, PICKED_DOT_RADIUS);
        } else {
            look.paint(painter, centre, PICKED_DOT_RADIUS);
        }
    };
    // The hovered park, if grey, in full over its dot and under the picked ones.
    let hovered_marker = ctx.hovered.and_then(|park| ctx.data.marker(park));
    if let Some(marker) = hovered_marker.filter(|marker| !is_among(picked, marker))
        && clip.contains(place(marker))
    {
        paint(marker, marker_look(ctx, marker, true), place(marker));
    }
    let mut over = Vec::new();
    for marker in picked {
        let centre = place(marker);
        if !clip.contains(centre) {
            continue;
        }
        let resting = marker_look(ctx, marker, false);
        let hovered = hovered_marker.is_some_and(|hovered| std::ptr::eq(hovered, *marker));
        let look = if hovered { marker_look(ctx, marker, true) } else { resting };
        if !resting.stands_out {
            over.push(Dot { centre, fill: resting.fill, rim: resting.ring.color });
        }
        if look.stands_out {
            paint(marker, look, centre);
        }
    }
    // The marker under the pointer: the nearest within a few points of its dot.
    let hover_at = ui.ctx().pointer_hover_pos().filter(|p| clip.contains(*p));
    let nearest = hover_at.and_then(|at| {
        let grey = grey.placed.iter().filter_map(|&(i, centre)| Some((ctx.data.markers.get(i)?, centre)));
        // A picked marker outside the pane is not drawn there, so not found there either.
        let picked = picked.iter().map(|marker| (*marker, place(marker))).filter(|(_, centre)| clip.contains(*centre));
        grey.chain(picked)
            .map(|(marker, centre)| (at.distance(centre), marker))
            .filter(|(distance, _)| *distance <= DOT_RADIUS + 4.0)
            .min_by(|a, b| a.0.total_cmp(&b.0))
    });
    let size = DotSize { radius: DOT_RADIUS, rim: RING_PLAIN };
    let layers = DotLayers { kept: SameArc(Arc::clone(&grey.dots)), over };
    if let Some(image) = dots_shape(painter, ui.scope_id().with(("map dots", pane.kind)), clip, layers, size) {
        painter.set(dots_slot, image);
    }
    let (_, marker) = nearest?;
    dot_under_pointer_ui(ui, ctx, (pane.kind, marker), actions);
    Some(marker.park.clone())
}

/// Whether `marker` is one of `markers` (the same marker, not one of the same park elsewhere).
fn is_among(markers: &[&Marker], marker: &Marker) -> bool {
    markers.iter().any(|m| std::ptr::eq(*m, marker))
}

/// The coloured parks' markers (pinned, and the selected one) in the order they are painted,
/// each over those before, and over every grey one: a pinned park under a grey one could not
/// be seen, nor whose its name's leader is. Largest first, so that none lies hidden under a
/// larger one (a pinned park's cross vanished under a neighbour's large disc); of two alike, the
/// more important park uppermost. The selected park is among them even when every colour went
/// to pins.
fn picked_in_paint_order<'m>(ctx: &MapContext<'m>) -> Vec<&'m Marker> {
    let mut picked: Vec<&Marker> = ctx.colours.parks().filter_map(|park| ctx.data.marker(park)).collect();
    if let Some(selected) = ctx.selected.and_then(|park| ctx.data.marker(park))
        && !picked.iter().any(|c| std::ptr::eq(*c, selected))
    {
        // The least important of the picked ones: of two alike in size, under the coloured.
        picked.push(selected);
    }
    let mut picked: Vec<&Marker> = picked.into_iter().rev().collect();
    picked.sort_by(|a, b| ctx.data.marker_radius(b).total_cmp(&ctx.data.marker_radius(a)));
    picked
}

/// The room each marker drawn in `pane` takes on screen, for labels to keep clear of. Where
/// markers are dots, only those drawn in full count: labels may cover a dot or two rather than
/// vanish from a crowded map.
pub(super) fn marker_rects(ctx: &MapContext<'_>, pane: &Pane<'_>) -> Vec<Rect> {
    let drawn_in_full: Vec<&Marker> = if drawn_as_dots(ctx.data.markers.len()) {
        // Looked up, not found by comparing thousands of names: in the markers' order, once each.
        let parks = ctx.hovered.into_iter().chain(ctx.selected).chain(ctx.pinned);
        let mut markers: Vec<&Marker> = parks.filter_map(|park| ctx.data.marker(park)).collect();
        markers.sort_by_key(|marker| std::ptr::from_ref(*marker));
        markers.dedup_by(|a, b| std::ptr::eq(*a, *b));
        markers
    } else {
        ctx.data.markers.iter().collect()
    };
    drawn_in_full
        .into_iter()
        .map(|marker| marker_rect(ctx, pane, marker))
        .filter(|rect| pane.rect.intersects(*rect))
        .collect()
}

/// The room `marker` takes on screen in `pane`: as it is drawn, except that hovering does not
/// count, so labels kept clear of it do not jump as the pointer moves (a hovered ring may touch
/// a label while it is hovered).
pub(super) fn marker_rect(ctx: &MapContext<'_>, pane: &Pane<'_>, marker: &Marker) -> Rect {
    let centre = pane.to_screen.apply(ctx.geometry.project(marker.lon_lat));
    let look = marker_look(ctx, marker, false);
    Rect::from_center_size(centre, Vec2::splat(2.0 * look.outer_radius(drawn_radius(ctx, marker))))
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
        let figure = match &choice.marker_metric {
            Some(metric) => {
                let figure = marker_figure(ctx, metric, marker).unwrap_or_else(|| s.no_data.to_owned());
                let mut text = format!("\n{}", labelled(ctx.language, &metric_name(ctx, metric), figure));
                if let Some(source) = marker.source.as_ref().and_then(|id| ctx.dataset.source(id)) {
                    text = format!("{text}\n  {}{}", s.source, source_cited(source, ctx.language));
                }
                // Its caveat, which the profile marks with a *.
                if let Some(note) = &marker.note {
                    text = format!("{text}\n  {}", labelled(ctx.language, s.note, note.get(ctx.language)));
                }
                // What other sources state for the same year as the figure the marker is sized by.
                let others = other_values(ctx.dataset, &marker.stated_otherwise, ctx.language);
                if !others.is_empty() {
                    text = format!("{text}\n  {}: {}", s.also_stated, others.join("; "));
                }
                text
            }
            None => String::new(),
        };
        hover_text(response.clone(), || format!("{name}{figure}"));
    }
    if response.clicked() {
        actions.push(Action::Select(marker.park.clone()));
    }
    hovered
}

/// A marker's figure of `metric` with its unit and year: ">10,000 enterprises (2012)", the part
/// of the year when it covers only part ("16.77 bn yuan (2014 Jan–Nov)"), and "preliminary"
/// where it is. `None` for a marker without a figure.
pub(super) fn marker_figure(ctx: &MapContext<'_>, metric: &MetricId, marker: &Marker) -> Option<String> {
    let value = value_with_unit(marker.value?, marker.qualifier, &metric_unit(ctx, metric));
    Some(match marker.year {
        Some(year) => figure_in_brackets(&value, (year, marker.period, marker.qualifier), None, ctx.language),
        None => value,
    })
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
