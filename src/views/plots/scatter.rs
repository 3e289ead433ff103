//! Scatter plot: two metrics against each other, a point per park, a third metric as bubble
//! size. Points are named beside their bubble while there are few; many are drawn in batches.

use egui::{Align2, Color32, RichText, Ui};
use egui_plot::{Legend, Plot, PlotPoint, PlotPoints, PlotUi, Points, Text};

use super::{CompareContext, colour_of, is_hedged, metric_name, metric_unit, park_name, scaled, value_axis_label};
use crate::format::{format_value, qualifier_prefix};
use crate::i18n::strings;
use crate::model::MetricId;
use crate::state::series::{Reading, ScatterPoint};
use crate::state::{Action, PlotChoice};
use crate::views::widgets::source_label;

/// Above this many points a scatter plot drops names and the per-park legend, which would
/// only be clutter, and draws points in one batch per colour.
const MAX_LABELLED_POINTS: usize = 80;

/// Draws `points`; hovering one lists its figures.
pub(super) fn scatter_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    points: &[ScatterPoint],
    height: f32,
    actions: &mut Vec<Action>,
) {
    let s = strings(ctx.language);
    let log = choice.log_scale;
    if let Some(size) = &choice.size_metric {
        ui.label(RichText::new(format!("{} {}", s.scatter_legend, axis_title(ctx, size))).small().weak());
    }
    let bubbles = BubbleScale::new(points);
    let response = Plot::new(("scatter", choice.x_metric.as_str(), choice.y_metric.as_str()))
        .height(height)
        .x_axis_label(axis_title(ctx, &choice.x_metric))
        .y_axis_label(axis_title(ctx, &choice.y_metric))
        .x_axis_formatter(move |mark, _| value_axis_label(mark, log))
        .y_axis_formatter(move |mark, _| value_axis_label(mark, log))
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        .set_margin_fraction(egui::vec2(0.12, 0.12))
        .show(ui, |plot_ui| {
            let positions = add_points(plot_ui, ctx, points, log, bubbles);
            point_under_pointer(plot_ui, positions, bubbles)
        });
    if let Some(point) = response.inner {
        actions.push(Action::Hover(point.park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(point.park.clone()));
        }
        response.response.on_hover_text_at_pointer(point_tooltip(ctx, choice, &point));
    }
}

/// A metric's name with its unit, as an axis or the bubble legend names it.
fn axis_title(ctx: &CompareContext<'_>, id: &MetricId) -> String {
    format!("{} ({})", metric_name(ctx.dataset, id, ctx.language), metric_unit(ctx.dataset, id, ctx.language))
}

/// How big each bubble is drawn.
#[derive(Clone, Copy)]
struct BubbleScale {
    /// The largest size value among the points; not positive when no point has one.
    max_size: f64,
}

impl BubbleScale {
    fn new(points: &[ScatterPoint]) -> Self {
        let max_size = points.iter().filter_map(|p| p.size.as_ref().map(|size| size.value)).fold(0.0_f64, f64::max);
        Self { max_size }
    }

    /// A point's radius in points: a fixed dot without a size, else an area proportional to
    /// the value, so the radius grows with its square root.
    fn radius(self, point: &ScatterPoint) -> f32 {
        match (&point.size, self.max_size > 0.0) {
            (Some(size), true) => 4.0 + 22.0 * (size.value.max(0.0) / self.max_size).sqrt() as f32,
            _ => 4.0,
        }
    }
}

/// Draws every point a scale can show and returns them with their plot positions. Few points
/// get a bubble each (larger for the hovered or selected park) named beside it; many are
/// drawn as small dots, one batch per colour and fill.
fn add_points<'p>(
    plot_ui: &mut PlotUi<'_>,
    ctx: &CompareContext<'_>,
    points: &'p [ScatterPoint],
    log: bool,
    bubbles: BubbleScale,
) -> Vec<(&'p ScatterPoint, f64, f64)> {
    let mut positions = Vec::new();
    let labelled = points.len() <= MAX_LABELLED_POINTS;
    // One batch per colour and fill: at most twice the palette's size.
    let mut batches: Vec<(Color32, bool, Vec<[f64; 2]>)> = Vec::new();
    for point in points {
        let (Some(x), Some(y)) = (scaled(point.x.value, log), scaled(point.y.value, log)) else { continue };
        positions.push((point, x, y));
        let colour = colour_of(ctx.dataset, &point.park);
        let hedged = is_hedged(point.x.qualifier) || is_hedged(point.y.qualifier);
        if !labelled {
            match batches.iter_mut().find(|(c, h, _)| *c == colour && *h == hedged) {
                Some((_, _, batch)) => batch.push([x, y]),
                None => batches.push((colour, hedged, vec![[x, y]])),
            }
            continue;
        }
        let name = park_name(ctx.dataset, &point.park, ctx.language);
        let emphasised = ctx.hovered == Some(&point.park) || ctx.selected == Some(&point.park);
        let radius = bubbles.radius(point) + if emphasised { 3.0 } else { 0.0 };
        plot_ui.points(
            Points::new(name.clone(), PlotPoints::from(vec![[x, y]])).radius(radius).filled(!hedged).color(colour),
        );
        // The label starts just right of the bubble's edge, whatever the zoom.
        let centre = plot_ui.screen_from_plot(PlotPoint::new(x, y));
        let label_at = plot_ui.plot_from_screen(centre + egui::vec2(radius + 4.0, 0.0));
        plot_ui.add(Text::new("", label_at, RichText::new(name).small()).anchor(Align2::LEFT_CENTER));
    }
    for (colour, hedged, batch) in batches {
        plot_ui.points(Points::new("", PlotPoints::from(batch)).radius(2.5).filled(!hedged).color(colour));
    }
    positions
}

/// The point whose bubble is nearest the pointer, within a few pixels of its edge.
fn point_under_pointer(
    plot_ui: &PlotUi<'_>,
    positions: Vec<(&ScatterPoint, f64, f64)>,
    bubbles: BubbleScale,
) -> Option<ScatterPoint> {
    let pointer = plot_ui.response().hover_pos()?;
    positions
        .into_iter()
        .map(|(point, x, y)| (plot_ui.screen_from_plot(PlotPoint::new(x, y)).distance(pointer), point))
        .filter(|(distance, point)| *distance < bubbles.radius(point) + 6.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, point)| point.clone())
}

/// The park's name, then each plotted figure with its unit, year and source, one per line.
fn point_tooltip(ctx: &CompareContext<'_>, choice: &PlotChoice, point: &ScatterPoint) -> String {
    let (dataset, language) = (ctx.dataset, ctx.language);
    let describe = |id: &MetricId, reading: &Reading| {
        let source = dataset.source(&reading.source).map(source_label).unwrap_or_default();
        format!(
            "{}: {}{} {} ({}, {source})",
            metric_name(dataset, id, language),
            qualifier_prefix(reading.qualifier),
            format_value(reading.value),
            metric_unit(dataset, id, language),
            reading.year
        )
    };
    let mut lines = vec![
        park_name(dataset, &point.park, language),
        describe(&choice.x_metric, &point.x),
        describe(&choice.y_metric, &point.y),
    ];
    if let (Some(id), Some(size)) = (&choice.size_metric, &point.size) {
        lines.push(describe(id, size));
    }
    lines.join("\n")
}
