//! The schematic map: districts coloured by a chosen value, park markers sized by a metric,
//! district labels, legend, pan and zoom. Geometry is projected and triangulated once per map
//! file ([`MapGeometry`]); each frame only moves the cached points onto the screen.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};

use crate::format::format_value;
use crate::i18n::{class_method_name, strings};
use crate::model::geo::{CityMap, contains};
use crate::model::{Dataset, DistrictId, Language, MetricId, ParkId};
use crate::state::Action;
use crate::state::classify::ClassMethod;
use crate::state::map::{DistrictValue, MapChoice, MapData, Marker};
use crate::theme::{choropleth_colour, no_data_colour, park_colour};
use crate::views::widgets::source_label;

/// One district, projected and triangulated.
#[derive(Clone, Debug)]
struct DistrictShape {
    id: DistrictId,
    /// The outline in map units (km east, km south: screen-like, y grows downwards).
    ring: Vec<Pos2>,
    /// Triangles over `ring`, three indices each.
    triangles: Vec<u32>,
    /// Where the label goes: the area-weighted centroid.
    label_at: Pos2,
    /// Area in map units, for label priority.
    area: f32,
}

/// The map's districts in map units, computed once per map file.
#[derive(Clone, Debug)]
pub struct MapGeometry {
    districts: Vec<DistrictShape>,
    /// East–west scale of the projection, for placing parks.
    lon_scale: f64,
    /// The bounding box of all outlines.
    bounds: Rect,
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
    fn project(&self, lon_lat: (f64, f64)) -> Pos2 {
        let (x, y) = crate::model::geo::to_km(lon_lat, self.lon_scale);
        pos2(x as f32, -y as f32)
    }
}

/// Maps map units onto the screen: fitted to `rect`, then zoomed and panned.
#[derive(Clone, Copy, Debug)]
struct ScreenFromMap {
    scale: f32,
    offset: Vec2,
}

impl ScreenFromMap {
    fn new(bounds: Rect, rect: Rect, zoom: f32, pan: Vec2) -> Self {
        let fit = (rect.width() / bounds.width()).min(rect.height() / bounds.height()) * 0.92;
        let scale = fit * zoom;
        let offset = rect.center().to_vec2() + pan - bounds.center().to_vec2() * scale;
        Self { scale, offset }
    }

    fn apply(self, p: Pos2) -> Pos2 {
        (p.to_vec2() * self.scale + self.offset).to_pos2()
    }

    fn invert(self, p: Pos2) -> Pos2 {
        ((p.to_vec2() - self.offset) / self.scale).to_pos2()
    }
}

/// What the map view reads.
pub struct MapContext<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The outlines.
    pub city: &'a CityMap,
    /// The cached projection.
    pub geometry: &'a MapGeometry,
    /// The map's numbers.
    pub data: &'a MapData,
    /// Pinned parks (outlined).
    pub pinned: &'a [ParkId],
    /// The park under the pointer last frame.
    pub hovered: Option<&'a ParkId>,
    /// The selected park.
    pub selected: Option<&'a ParkId>,
    /// UI language.
    pub language: Language,
}

/// Draws the controls (editing `choice`) and the map.
pub fn map_ui(ui: &mut Ui, ctx: &MapContext<'_>, choice: &mut MapChoice, actions: &mut Vec<Action>) {
    controls_ui(ui, ctx, choice);
    let s = strings(ctx.language);
    ui.label(RichText::new(title(ctx, choice)).heading().strong());
    ui.label(RichText::new(format!("{} · {}", s.map_schematic, ctx.city.note.get(ctx.language))).weak());
    let footer = 40.0;
    let size = vec2(ui.available_width(), (ui.available_height() - footer).max(240.0));
    let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
    let rect = response.rect;
    pan_and_zoom(ui, &response, choice);
    let to_screen = ScreenFromMap::new(ctx.geometry.bounds, rect, choice.zoom, vec2(choice.pan.0, choice.pan.1));
    let painter = painter.with_clip_rect(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);

    // Districts: fill by class, then outline; find the one under the pointer.
    let pointer_pos = response.hover_pos();
    let mut hovered_district = None;
    let outline = Stroke::new(1.0, ui.visuals().window_stroke.color);
    for shape in &ctx.geometry.districts {
        let fill = district_fill(ctx, &shape.id);
        let mut mesh = Mesh::default();
        for p in &shape.ring {
            mesh.vertices.push(Vertex { pos: to_screen.apply(*p), uv: WHITE_UV, color: fill });
        }
        mesh.indices.clone_from(&shape.triangles);
        painter.add(Shape::mesh(mesh));
        let screen_ring: Vec<Pos2> = shape.ring.iter().map(|p| to_screen.apply(*p)).collect();
        painter.add(Shape::closed_line(screen_ring, outline));
        if let Some(pointer) = pointer_pos {
            let at = to_screen.invert(pointer);
            let ring: Vec<(f64, f64)> = shape.ring.iter().map(|p| (f64::from(p.x), f64::from(p.y))).collect();
            if contains(&ring, (f64::from(at.x), f64::from(at.y))) {
                hovered_district = Some(&shape.id);
            }
        }
    }
    labels_ui(ui, &painter, ctx, to_screen);
    let hovered_marker = markers_ui(ui, &painter, ctx, choice, to_screen, rect, actions);
    legend_ui(ui, &painter, ctx, choice, rect);

    if hovered_marker.is_none()
        && let Some(id) = hovered_district
    {
        let name = ctx.dataset.district(id).map_or_else(|| id.to_string(), |d| d.name.get(ctx.language).to_owned());
        let value = ctx.data.value_of(id).map_or_else(|| s.no_data.to_owned(), format_value);
        response.clone().on_hover_text_at_pointer(format!("{name}: {value} {}", value_unit(ctx, choice)));
    }
    if response.double_clicked() {
        choice.zoom = 1.0;
        choice.pan = (0.0, 0.0);
    }
    sources_line(ui, ctx);
}

fn controls_ui(ui: &mut Ui, ctx: &MapContext<'_>, choice: &mut MapChoice) {
    let s = strings(ctx.language);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(s.map_colour_by);
        let selected = match &choice.value {
            DistrictValue::ParkCount => s.map_park_count.to_owned(),
            DistrictValue::MetricSum(id) => format!("{} {}", s.map_sum_of, metric_name(ctx, id)),
        };
        egui::ComboBox::from_id_salt("map_value")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice.value, DistrictValue::ParkCount, s.map_park_count);
                for m in &ctx.dataset.metrics {
                    let text = format!("{} {}", s.map_sum_of, m.name.get(ctx.language));
                    ui.selectable_value(&mut choice.value, DistrictValue::MetricSum(m.id.clone()), text);
                }
            })
            .response
            .labelled_by(label.id);
        ui.separator();
        ui.label(s.map_classes);
        for method in [ClassMethod::Quantiles, ClassMethod::EqualIntervals, ClassMethod::NaturalBreaks] {
            ui.radio_value(&mut choice.method, method, class_method_name(ctx.language, method));
        }
        ui.separator();
        let label = ui.label(s.map_marker_size);
        let selected = choice.marker_metric.as_ref().map_or_else(|| s.none.to_owned(), |m| metric_name(ctx, m));
        egui::ComboBox::from_id_salt("map_marker")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice.marker_metric, None, s.none);
                for m in &ctx.dataset.metrics {
                    ui.selectable_value(&mut choice.marker_metric, Some(m.id.clone()), m.name.get(ctx.language));
                }
            })
            .response
            .labelled_by(label.id);
        ui.separator();
        if ui.button("+").on_hover_text(s.zoom_in).clicked() {
            choice.zoom = (choice.zoom * 1.25).min(12.0);
        }
        if ui.button("−").on_hover_text(s.zoom_out).clicked() {
            choice.zoom = (choice.zoom / 1.25).max(0.5);
        }
        if ui.button(s.zoom_reset).clicked() {
            choice.zoom = 1.0;
            choice.pan = (0.0, 0.0);
        }
    });
}

fn park_name(ctx: &MapContext<'_>, id: &ParkId) -> String {
    ctx.dataset.park(id).map_or_else(|| id.to_string(), |p| p.name.get(ctx.language).to_owned())
}

fn metric_name(ctx: &MapContext<'_>, id: &MetricId) -> String {
    ctx.dataset.metric(id).map_or_else(|| id.to_string(), |m| m.name.get(ctx.language).to_owned())
}

fn metric_unit(ctx: &MapContext<'_>, id: &MetricId) -> String {
    ctx.dataset.metric(id).map(|m| m.unit.get(ctx.language).to_owned()).unwrap_or_default()
}

fn value_unit(ctx: &MapContext<'_>, choice: &MapChoice) -> String {
    match &choice.value {
        DistrictValue::ParkCount => strings(ctx.language).parks.other.trim_start_matches('个').to_owned(),
        DistrictValue::MetricSum(id) => metric_unit(ctx, id),
    }
}

fn title(ctx: &MapContext<'_>, choice: &MapChoice) -> String {
    let s = strings(ctx.language);
    let what = match &choice.value {
        DistrictValue::ParkCount => s.map_park_count.to_owned(),
        DistrictValue::MetricSum(id) => format!("{} {} ({})", s.map_sum_of, metric_name(ctx, id), metric_unit(ctx, id)),
    };
    format!("{} — {what}", ctx.city.name.get(ctx.language))
}

/// Drag pans, the scroll wheel zooms around the pointer.
fn pan_and_zoom(ui: &Ui, response: &egui::Response, choice: &mut MapChoice) {
    if response.dragged() {
        let delta = response.drag_delta();
        choice.pan = (choice.pan.0 + delta.x, choice.pan.1 + delta.y);
    }
    if response.hovered() {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y);
        if scroll != 0.0 {
            let factor = (scroll / 400.0).exp();
            let new_zoom = (choice.zoom * factor).clamp(0.5, 12.0);
            // Keep the point under the pointer still: scale its offset from the centre.
            if let Some(pointer) = response.hover_pos() {
                let from_centre = pointer - response.rect.center() - vec2(choice.pan.0, choice.pan.1);
                let moved = from_centre * (new_zoom / choice.zoom - 1.0);
                choice.pan = (choice.pan.0 - moved.x, choice.pan.1 - moved.y);
            }
            choice.zoom = new_zoom;
        }
    }
}

fn district_fill(ctx: &MapContext<'_>, id: &DistrictId) -> Color32 {
    match (ctx.data.value_of(id), &ctx.data.classes) {
        (Some(value), Some(classes)) => choropleth_colour(classes.class_of(value), classes.breaks.len()),
        _ => no_data_colour(),
    }
}

/// District names at their centroids, biggest districts first; a label that would overlap one
/// already placed is left out rather than drawn on top of it.
fn labels_ui(ui: &Ui, painter: &egui::Painter, ctx: &MapContext<'_>, to_screen: ScreenFromMap) {
    let mut order: Vec<&DistrictShape> = ctx.geometry.districts.iter().collect();
    order.sort_by(|a, b| b.area.total_cmp(&a.area));
    let mut placed: Vec<Rect> = Vec::new();
    let colour = ui.visuals().strong_text_color();
    for shape in order {
        let Some(district) = ctx.dataset.district(&shape.id) else { continue };
        let galley =
            painter.layout_no_wrap(district.name.get(ctx.language).to_owned(), FontId::proportional(13.0), colour);
        let centre = to_screen.apply(shape.label_at);
        let rect = Rect::from_center_size(centre, galley.size()).expand(2.0);
        if placed.iter().any(|r| r.intersects(rect)) {
            continue;
        }
        painter.rect_filled(rect, 3.0, ui.visuals().extreme_bg_color.gamma_multiply(0.6));
        painter.galley(rect.min + vec2(2.0, 2.0), galley, colour);
        placed.push(rect);
    }
}

/// The radius of a marker drawn as a plain dot, when there are too many to size and outline.
const DOT_RADIUS: f32 = 2.5;

/// Most markers drawn as separate widgets, sized and outlined.
const MAX_MARKER_WIDGETS: usize = 300;

/// Draws the park markers; returns the hovered one. Each marker is a widget with the park's
/// name, so it can be clicked, tabbed to and found by tests.
fn markers_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    ctx: &MapContext<'_>,
    choice: &MapChoice,
    to_screen: ScreenFromMap,
    clip: Rect,
    actions: &mut Vec<Action>,
) -> Option<ParkId> {
    let mut hovered = None;
    let markers = &ctx.data.markers;
    // Each marker is its own widget while there are few; thousands are hit-tested by distance
    // instead, which costs far less per frame.
    let as_widgets = markers.len() <= MAX_MARKER_WIDGETS;
    let hover_at = ui.ctx().pointer_hover_pos().filter(|p| clip.contains(*p));
    let mut nearest: Option<(f32, &Marker)> = None;
    for marker in markers {
        let centre = to_screen.apply(ctx.geometry.project(marker.lon_lat));
        if !clip.contains(centre) {
            continue;
        }
        let radius = ctx.data.marker_radius(marker);
        let look = marker_look(ui, ctx, marker);
        if as_widgets {
            painter.circle(centre, radius, look.fill, look.stroke);
            if marker_widget_ui(ui, ctx, choice, marker, centre, radius, actions) {
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
        dot_under_pointer_ui(ui, ctx, marker, actions);
    }
    hovered
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

/// The clickable widget over one drawn marker, named after its park, with a tooltip giving the
/// marker metric's value; returns whether the pointer is over it.
fn marker_widget_ui(
    ui: &mut Ui,
    ctx: &MapContext<'_>,
    choice: &MapChoice,
    marker: &Marker,
    centre: Pos2,
    radius: f32,
    actions: &mut Vec<Action>,
) -> bool {
    let name = park_name(ctx, &marker.park);
    let id = ui.make_persistent_id(("map_marker", &marker.park));
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
fn dot_under_pointer_ui(ui: &Ui, ctx: &MapContext<'_>, marker: &Marker, actions: &mut Vec<Action>) {
    actions.push(Action::Hover(marker.park.clone()));
    let name = park_name(ctx, &marker.park);
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        egui::Id::unique("map_marker_tip"),
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| ui.label(name));
    if ui.input(|i| i.pointer.primary_clicked()) {
        actions.push(Action::Select(marker.park.clone()));
    }
}

/// The legend, drawn over the map's lower-left corner: the classing method, each class's range
/// with units and count, the "no data" swatch, and the marker sizes.
fn legend_ui(ui: &Ui, painter: &egui::Painter, ctx: &MapContext<'_>, choice: &MapChoice, rect: Rect) {
    let s = strings(ctx.language);
    let text_colour = ui.visuals().text_color();
    let font = FontId::proportional(12.0);
    let unit = value_unit(ctx, choice);
    let method = class_method_name(ctx.language, choice.method);
    let mut lines: Vec<(Option<Color32>, String)> = vec![(None, format!("{}: {method}", s.map_classes))];
    if let Some(classes) = &ctx.data.classes {
        for (i, upper) in classes.breaks.iter().enumerate() {
            let lower = classes.lower_bound(i);
            // The first class includes its lower bound; the others start just above theirs.
            let range = if (upper - lower).abs() < f64::EPSILON {
                format_value(*upper)
            } else if i == 0 {
                format!("{} – {}", format_value(lower), format_value(*upper))
            } else {
                format!("> {} – {}", format_value(lower), format_value(*upper))
            };
            let count = classes.counts.get(i).copied().unwrap_or(0);
            lines.push((Some(choropleth_colour(i, classes.breaks.len())), format!("{range} {unit} ({count})")));
        }
    }
    let no_data = ctx.data.no_data_count();
    lines.push((Some(no_data_colour()), format!("{} ({no_data})", s.no_data)));
    if ctx.data.markers.len() > MAX_MARKER_WIDGETS {
        lines.push((None, format!("• {}: {}", ctx.data.markers.len(), s.map_dots)));
    } else if let (Some(metric), Some(largest)) = (&choice.marker_metric, ctx.data.largest_marker) {
        lines.push((
            None,
            format!(
                "○ {}: {} = {} {}",
                s.map_marker_size,
                s.map_largest,
                format_value(largest),
                metric_unit(ctx, metric)
            ),
        ));
    }
    let line_height = 17.0;
    let width = lines
        .iter()
        .map(|(_, text)| painter.layout_no_wrap(text.clone(), font.clone(), text_colour).size().x)
        .fold(0.0_f32, f32::max)
        + 34.0;
    let height = line_height * lines.len() as f32 + 8.0;
    let frame = Rect::from_min_size(pos2(rect.left() + 8.0, rect.bottom() - height - 8.0), vec2(width, height));
    painter.rect_filled(frame, 4.0, ui.visuals().window_fill.gamma_multiply(0.92));
    for (i, (swatch, text)) in lines.into_iter().enumerate() {
        let y = frame.top() + 4.0 + line_height * i as f32;
        let mut x = frame.left() + 6.0;
        if let Some(colour) = swatch {
            painter.rect_filled(Rect::from_min_size(pos2(x, y + 3.0), vec2(16.0, 11.0)), 2.0, colour);
            x += 22.0;
        }
        painter.text(pos2(x, y), Align2::LEFT_TOP, text, font.clone(), text_colour);
    }
}

fn sources_line(ui: &mut Ui, ctx: &MapContext<'_>) {
    let s = strings(ctx.language);
    let labels: std::collections::BTreeSet<String> =
        ctx.data.sources.iter().filter_map(|id| ctx.dataset.source(id)).map(source_label).collect();
    let mut text = format!("{} · {}", s.map_schematic, s.map_outline_source);
    if !labels.is_empty() {
        let list = labels.into_iter().collect::<Vec<_>>().join("; ");
        text = format!("{text} · {}: {list}", s.footer_sources);
    }
    ui.label(RichText::new(text).small().weak());
}
