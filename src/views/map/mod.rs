//! The schematic map: districts coloured by a chosen value, park markers sized by a metric,
//! district labels, legend, pan and zoom. Geometry is projected and triangulated once per map
//! file ([`MapGeometry`]); each frame only moves the cached points onto the screen.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, pos2, vec2};

use crate::format::format_value;
use crate::i18n::{class_method_name, strings};
use crate::model::geo::{CityMap, contains};
use crate::model::{Dataset, DistrictId, Language, MetricId, ParkId};
use crate::state::Action;
use crate::state::classify::ClassMethod;
use crate::state::map::{DistrictValue, MapChoice, MapData};
use crate::theme::{choropleth_colour, no_data_colour};
use crate::views::widgets::source_label;
pub use geometry::MapGeometry;
use geometry::{DistrictShape, ScreenFromMap};
use markers::{MAX_MARKER_WIDGETS, markers_ui};

mod geometry;
mod markers;

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
