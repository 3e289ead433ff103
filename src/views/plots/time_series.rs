//! Time series: one metric over the years, a line per park. Whole years are joined, gaps break
//! the line, part-year figures are loose points, and targets and forecasts are dashed on from
//! the last actual figure.

use egui::{Color32, RichText, Ui};
use egui_plot::{Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, PlotUi, Points};

use super::{
    CompareContext, colour_of, integer_marks, is_hedged, metric_name, metric_unit, park_name, scaled, value_axis_label,
};
use crate::format::{format_value, qualifier_prefix};
use crate::i18n::{period_label, qualifier_name, strings};
use crate::model::ParkId;
use crate::state::series::{ParkTimeSeries, TimePoint};
use crate::state::{Action, PlotChoice};

/// Draws a line per park of `series`; hovering a point names its figure and source.
pub(super) fn time_series_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    series: &[ParkTimeSeries],
    height: f32,
    actions: &mut Vec<Action>,
) {
    let s = strings(ctx.language);
    let log = choice.log_scale;
    let unit = metric_unit(ctx.dataset, &choice.metric, ctx.language);
    let y_title = format!("{} ({unit})", metric_name(ctx.dataset, &choice.metric, ctx.language));
    ui.label(RichText::new(s.time_legend).small().weak());
    let response = Plot::new(("time", choice.metric.as_str()))
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .y_axis_label(y_title)
        .x_axis_label(s.year)
        .x_grid_spacer(|input| integer_marks(&input))
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-9 {
                format!("{}", mark.value.round())
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark, _| value_axis_label(mark, log))
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        .show(ui, |plot_ui| {
            for park_series in series {
                add_park_series(plot_ui, ctx, park_series, log);
            }
            nearest_point(plot_ui, series.iter().flat_map(|s| s.points().map(move |p| (&s.park, p))), log)
        });
    if let Some((park, point)) = response.inner {
        actions.push(Action::Hover(park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(park.clone()));
        }
        response.response.on_hover_text_at_pointer(point_tooltip(ctx, &park, &point, &unit));
    }
}

/// One park's lines and markers, thicker when the park is hovered.
fn add_park_series(plot_ui: &mut PlotUi<'_>, ctx: &CompareContext<'_>, park_series: &ParkTimeSeries, log: bool) {
    let name = park_name(ctx.dataset, &park_series.park, ctx.language);
    let colour = colour_of(ctx.dataset, &park_series.park);
    let width = if ctx.hovered == Some(&park_series.park) { 4.0 } else { 2.0 };
    let point = |p: &TimePoint| scaled(p.value, log).map(|y| [p.x, y]);
    for run in &park_series.runs {
        let line: Vec<[f64; 2]> = run.iter().filter_map(point).collect();
        plot_ui.line(Line::new(name.clone(), PlotPoints::from(line)).color(colour).width(width));
    }
    // Dashed from the last actual figure before each projection.
    for projection in &park_series.projections {
        let from = park_series.runs.iter().flatten().rfind(|p| p.x < projection.x);
        let segment: Vec<[f64; 2]> = from.into_iter().chain([projection]).filter_map(point).collect();
        plot_ui.line(
            Line::new(name.clone(), PlotPoints::from(segment))
                .color(colour)
                .width(width)
                .style(LineStyle::dashed_loose()),
        );
    }
    add_markers(plot_ui, &name, colour, park_series, log);
}

/// Circles for whole years, diamonds for parts of a year, squares for plans; hedged figures
/// and plans hollow.
fn add_markers(plot_ui: &mut PlotUi<'_>, name: &str, colour: Color32, park_series: &ParkTimeSeries, log: bool) {
    let groups = [
        (park_series.runs.iter().flatten().collect::<Vec<_>>(), MarkerShape::Circle),
        (park_series.loose.iter().collect(), MarkerShape::Diamond),
        (park_series.projections.iter().collect(), MarkerShape::Square),
    ];
    for (points, shape) in groups {
        for filled in [true, false] {
            let pts: Vec<[f64; 2]> = points
                .iter()
                .filter(|p| filled == (shape != MarkerShape::Square && !is_hedged(p.qualifier)))
                .filter_map(|p| scaled(p.value, log).map(|y| [p.x, y]))
                .collect();
            if !pts.is_empty() {
                plot_ui.points(
                    Points::new(name, PlotPoints::from(pts)).shape(shape).radius(4.5).filled(filled).color(colour),
                );
            }
        }
    }
}

/// The data point nearest the pointer, within a few pixels.
fn nearest_point<'p>(
    plot_ui: &PlotUi<'_>,
    points: impl Iterator<Item = (&'p ParkId, &'p TimePoint)>,
    log: bool,
) -> Option<(ParkId, TimePoint)> {
    let pointer = plot_ui.response().hover_pos()?;
    points
        .filter_map(|(park, p)| {
            let y = scaled(p.value, log)?;
            let on_screen = plot_ui.screen_from_plot(PlotPoint::new(p.x, y));
            Some((on_screen.distance(pointer), park, p))
        })
        .filter(|(distance, _, _)| *distance < 12.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, park, p)| (park.clone(), p.clone()))
}

/// A point's park, value, period, quality and source, one per line.
fn point_tooltip(ctx: &CompareContext<'_>, park: &ParkId, point: &TimePoint, unit: &str) -> String {
    let s = strings(ctx.language);
    let source = ctx.dataset.source(&point.source).map(|src| src.title.clone()).unwrap_or_default();
    format!(
        "{}\n{}{} {unit}\n{} · {}\n{}: {source}",
        park_name(ctx.dataset, park, ctx.language),
        qualifier_prefix(point.qualifier),
        format_value(point.value),
        period_label(ctx.language, point.year, point.period),
        qualifier_name(ctx.language, point.qualifier),
        s.source
    )
}
