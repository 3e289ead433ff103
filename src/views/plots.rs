//! The Compare view: plot controls, then the chosen plot with its title, scope line, axis
//! titles, legend, "no data" list and source footer. The numbers come ready-made from
//! [`PlotData`]; this module only draws them and reports clicks and hovers.

use std::collections::BTreeSet;

use egui::{Align2, Color32, RichText, Stroke, Ui};
use egui_plot::{
    Bar, BarChart, GridInput, GridMark, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points,
    Text, VLine,
};

use crate::format::{format_value, qualifier_prefix};
use crate::i18n::{Strings, normalisation_name, period_label, qualifier_name, role_mark, strings, year_choice_label};
use crate::model::{Dataset, Language, MetricId, ParkId, Qualifier, SourceId};
use crate::state::series::{BarSeries, IndustryMatrix, ParkTimeSeries, Reading, ScatterPoint, ShownParks, TimePoint};
use crate::state::{
    Action, FilterState, MatrixOrder, Normalisation, PlotChoice, PlotData, PlotKind, PlotScope, PlotView, YearChoice,
};
use crate::theme::{benchmark_colour, park_colour, qualifier_colour};
use crate::views::widgets::{chip_label, source_label};

/// Most bars one chart draws.
const MAX_BARS: usize = 40;

/// Above this many points a scatter plot drops names and the per-park legend, which would
/// only be clutter, and draws points in one batch per colour.
const MAX_LABELLED_POINTS: usize = 80;

/// Height of one matrix row; the matrix draws only the rows scrolled into view.
const MATRIX_ROW_HEIGHT: f32 = 26.0;

/// What the Compare view reads besides the plot choice.
pub struct CompareContext<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The parks passing the filter, in table order.
    pub visible: &'a [ParkId],
    /// The pinned parks.
    pub pinned: &'a [ParkId],
    /// The park under the pointer last frame.
    pub hovered: Option<&'a ParkId>,
    /// The selected park.
    pub selected: Option<&'a ParkId>,
    /// The filter, for the scope line.
    pub filter: &'a FilterState,
    /// UI language.
    pub language: Language,
}

/// Draws the controls (editing `choice`) and the plot of `data`.
pub fn compare_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &mut PlotChoice,
    view: &PlotView,
    actions: &mut Vec<Action>,
) {
    controls_ui(ui, ctx, choice, &view.years);
    ui.separator();
    let s = strings(ctx.language);
    let data = &view.data;
    ui.label(RichText::new(title(ctx, choice)).heading().strong());
    ui.label(RichText::new(scope_line(ctx, choice, view)).weak());
    if choice.scope == PlotScope::Pinned && ctx.pinned.is_empty() {
        ui.add_space(8.0);
        ui.label(s.no_pins_to_plot);
        return;
    }
    // The plot takes what is left above the footer.
    let footer_height = 64.0;
    let plot_height = (ui.available_height() - footer_height).max(200.0);
    match data {
        PlotData::Bars(series) => bars_ui(ui, ctx, choice, series, plot_height, actions),
        PlotData::TimeSeries { series, .. } => time_series_ui(ui, ctx, choice, series, plot_height, actions),
        PlotData::Scatter { points, .. } => scatter_ui(ui, ctx, choice, points, plot_height, actions),
        PlotData::Matrix(matrix) => matrix_ui(ui, ctx, matrix, actions),
    }
    missing_ui(ui, ctx, data.missing());
    sources_ui(ui, ctx.dataset, &view.sources, s);
}

fn controls_ui(ui: &mut Ui, ctx: &CompareContext<'_>, choice: &mut PlotChoice, years: &[i32]) {
    let s = strings(ctx.language);
    ui.horizontal_wrapped(|ui| {
        for (kind, label) in [
            (PlotKind::Bars, s.kind_bars),
            (PlotKind::TimeSeries, s.kind_time),
            (PlotKind::Scatter, s.kind_scatter),
            (PlotKind::Matrix, s.kind_matrix),
        ] {
            ui.selectable_value(&mut choice.kind, kind, label);
        }
        ui.separator();
        ui.label(s.show_label);
        ui.radio_value(&mut choice.scope, PlotScope::Filtered, s.scope_filtered);
        ui.radio_value(&mut choice.scope, PlotScope::Pinned, s.scope_pinned);
    });
    ui.horizontal_wrapped(|ui| match choice.kind {
        PlotKind::Bars | PlotKind::TimeSeries => {
            metric_picker_ui(ui, ctx, "plot_metric", s.metric, &mut choice.metric);
            if choice.kind == PlotKind::Bars {
                year_picker_ui(ui, ctx, choice, years);
                ui.label(s.norm_label);
                for normalisation in [Normalisation::Absolute, Normalisation::PerKm2, Normalisation::PerEnterprise] {
                    let label = normalisation_name(ctx.language, normalisation);
                    ui.radio_value(&mut choice.normalisation, normalisation, label);
                }
                ui.checkbox(&mut choice.show_benchmark, s.benchmarks);
            }
            ui.checkbox(&mut choice.log_scale, s.log_scale).on_hover_text(s.log_hint);
        }
        PlotKind::Scatter => {
            metric_picker_ui(ui, ctx, "scatter_x", s.x_axis, &mut choice.x_metric);
            metric_picker_ui(ui, ctx, "scatter_y", s.y_axis, &mut choice.y_metric);
            optional_metric_picker_ui(ui, ctx, &mut choice.size_metric);
            ui.checkbox(&mut choice.log_scale, s.log_scale).on_hover_text(s.log_hint);
        }
        PlotKind::Matrix => {
            ui.label(s.order);
            ui.radio_value(&mut choice.matrix_order, MatrixOrder::ByName, s.by_name);
            ui.radio_value(&mut choice.matrix_order, MatrixOrder::ByCount, s.by_count);
        }
    });
    if choice.log_scale && choice.kind != PlotKind::Matrix {
        ui.label(RichText::new(s.log_hint).small().weak());
    }
}

fn metric_name(dataset: &Dataset, id: &MetricId, language: Language) -> String {
    dataset.metric(id).map_or_else(|| id.to_string(), |m| m.name.get(language).to_owned())
}

fn metric_unit(dataset: &Dataset, id: &MetricId, language: Language) -> String {
    dataset.metric(id).map(|m| m.unit.get(language).to_owned()).unwrap_or_default()
}

fn metric_picker_ui(ui: &mut Ui, ctx: &CompareContext<'_>, salt: &str, label: &str, metric: &mut MetricId) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(salt)
        .selected_text(metric_name(ctx.dataset, metric, ctx.language))
        .show_ui(ui, |ui| {
            for m in &ctx.dataset.metrics {
                ui.selectable_value(metric, m.id.clone(), m.name.get(ctx.language));
            }
        })
        .response
        .labelled_by(label.id);
}

fn optional_metric_picker_ui(ui: &mut Ui, ctx: &CompareContext<'_>, metric: &mut Option<MetricId>) {
    let s = strings(ctx.language);
    let label = ui.label(s.bubble);
    let selected = metric.as_ref().map_or_else(|| s.none.to_owned(), |m| metric_name(ctx.dataset, m, ctx.language));
    egui::ComboBox::from_id_salt("scatter_size")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(metric, None, s.none);
            for m in &ctx.dataset.metrics {
                ui.selectable_value(metric, Some(m.id.clone()), m.name.get(ctx.language));
            }
        })
        .response
        .labelled_by(label.id);
}

fn year_picker_ui(ui: &mut Ui, ctx: &CompareContext<'_>, choice: &mut PlotChoice, years: &[i32]) {
    let s = strings(ctx.language);
    let label = ui.label(s.year);
    egui::ComboBox::from_id_salt("plot_year")
        .selected_text(year_choice_label(ctx.language, choice.year))
        .show_ui(ui, |ui| {
            let offered = std::iter::once(YearChoice::Latest).chain(years.iter().copied().map(YearChoice::Year));
            for year in offered {
                ui.selectable_value(&mut choice.year, year, year_choice_label(ctx.language, year));
            }
        })
        .response
        .labelled_by(label.id);
}

/// The unit of the plotted values, with the divisor when normalised.
fn value_unit(ctx: &CompareContext<'_>, choice: &PlotChoice) -> String {
    let s = strings(ctx.language);
    let unit = metric_unit(ctx.dataset, &choice.metric, ctx.language);
    match choice.normalisation {
        Normalisation::Absolute => unit,
        Normalisation::PerKm2 => format!("{unit} {} km²", s.per),
        Normalisation::PerEnterprise => {
            format!("{unit} / {}", normalisation_name(ctx.language, Normalisation::PerEnterprise))
        }
    }
}

fn title(ctx: &CompareContext<'_>, choice: &PlotChoice) -> String {
    let s = strings(ctx.language);
    let (dataset, language) = (ctx.dataset, ctx.language);
    match choice.kind {
        PlotKind::Bars => s.title_bars.replace("{metric}", &metric_name(dataset, &choice.metric, language)),
        PlotKind::TimeSeries => s.title_time.replace("{metric}", &metric_name(dataset, &choice.metric, language)),
        PlotKind::Scatter => s
            .title_scatter
            .replace("{x}", &metric_name(dataset, &choice.x_metric, language))
            .replace("{y}", &metric_name(dataset, &choice.y_metric, language)),
        PlotKind::Matrix => s.title_matrix.to_owned(),
    }
}

/// The scope line under the title: which parks (as the plot's data resolved them), which
/// year, which normalisation, which filters.
fn scope_line(ctx: &CompareContext<'_>, choice: &PlotChoice, view: &PlotView) -> String {
    let s = strings(ctx.language);
    let which_parks = match view.shown_parks {
        ShownParks::Filtered => s.scope_filtered,
        ShownParks::Pinned => s.scope_pinned,
        ShownParks::Largest => s.top_five,
    };
    let mut parts = vec![s.parks_count.replace("{n}", &view.park_count.to_string()), which_parks.to_owned()];
    if choice.kind == PlotKind::Bars {
        parts.push(year_choice_label(ctx.language, choice.year));
        parts.push(normalisation_name(ctx.language, choice.normalisation).to_owned());
    }
    if choice.log_scale && choice.kind != PlotKind::Matrix {
        parts.push(s.log_scale.to_owned());
    }
    // The filters are named only when the plot shows exactly the parks they let through.
    if view.shown_parks == ShownParks::Filtered {
        let chips: Vec<String> =
            ctx.filter.chips().iter().map(|chip| chip_label(ctx.dataset, ctx.filter, chip, ctx.language)).collect();
        if !chips.is_empty() {
            parts.push(format!("{}: {}", s.filtered_by, chips.join("; ")));
        }
    }
    parts.join(" · ")
}

fn park_name(dataset: &Dataset, id: &ParkId, language: Language) -> String {
    dataset.park(id).map_or_else(|| id.to_string(), |p| p.name.get(language).to_owned())
}

fn colour_of(dataset: &Dataset, id: &ParkId) -> Color32 {
    park_colour(dataset.park_position(id).unwrap_or(0))
}

/// Plot position of a value: itself, or its base-10 logarithm on a log scale (`None` when a
/// log scale cannot show it).
fn scaled(value: f64, log_scale: bool) -> Option<f64> {
    if !log_scale {
        Some(value)
    } else if value > 0.0 {
        Some(value.log10())
    } else {
        None
    }
}

/// Axis labels on a log scale show the real value of each power of ten.
fn log_axis_label(mark: GridMark) -> String {
    if (mark.value - mark.value.round()).abs() < 1e-9 { format_value(10f64.powf(mark.value)) } else { String::new() }
}

/// Grid lines at whole numbers only (years on a time axis, powers of ten on a log axis), at
/// most a dozen of them so their labels stay readable.
fn integer_marks(input: &GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi < lo {
        return Vec::new();
    }
    let Some(step) = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0].into_iter().find(|step| (hi - lo) / step <= 12.0) else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    let mut value = (lo / step).ceil() * step;
    while value <= hi {
        marks.push(GridMark { value, step_size: step });
        value += step;
    }
    marks
}

/// One grid line per bar, so every bar's park is named on the axis.
fn each_row(input: &GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi - lo > 10_000.0 {
        return Vec::new();
    }
    (lo.ceil() as i64..=hi.floor() as i64).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}

/// Which of `n` bars (0 = the largest, drawn at the top) sits at height `y`.
fn bar_at(y: f64, n: usize) -> Option<usize> {
    let row = y.round();
    if row < 0.0 || row >= n as f64 {
        return None;
    }
    #[expect(clippy::cast_sign_loss, reason = "row is checked to be non-negative and below n")]
    let row = row as usize;
    Some(n - 1 - row)
}

/// A value as labelled on a bar: `>450 (2019)`.
fn value_label(value: f64, qualifier: Qualifier, year: i32, show_year: bool) -> String {
    let text = format!("{}{}", qualifier_prefix(qualifier), format_value(value));
    if show_year { format!("{text} ({year})") } else { text }
}

fn bars_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    series: &BarSeries,
    height: f32,
    actions: &mut Vec<Action>,
) {
    let s = strings(ctx.language);
    if series.mixed_years && choice.year == YearChoice::Latest {
        ui.label(RichText::new(s.mixed_years).color(ui.visuals().warn_fg_color));
    }
    let log = choice.log_scale;
    let unit = value_unit(ctx, choice);
    // Largest at the top: bar i sits at y = n - 1 - i.
    // Beyond a few dozen bars nobody can read the labels: the chart shows the largest, says
    // so, and the CSV export keeps them all.
    let shown: Vec<(&crate::state::series::BarDatum, f64)> =
        series.bars.iter().filter_map(|bar| scaled(bar.value, log).map(|v| (bar, v))).take(MAX_BARS).collect();
    if series.bars.len() > MAX_BARS {
        let note =
            s.only_largest.replace("{shown}", &MAX_BARS.to_string()).replace("{total}", &series.bars.len().to_string());
        ui.label(RichText::new(note).weak());
    }
    let hidden: Vec<&ParkId> = series.bars.iter().filter(|b| scaled(b.value, log).is_none()).map(|b| &b.park).collect();
    let n = shown.len();
    let names: Vec<String> = shown.iter().map(|(bar, _)| park_name(ctx.dataset, &bar.park, ctx.language)).collect();
    let x_title = format!("{} ({unit})", metric_name(ctx.dataset, &choice.metric, ctx.language));
    let show_years = choice.year == YearChoice::Latest;
    let (strong, bench_colour) = (ui.visuals().strong_text_color(), benchmark_colour(ui.visuals()));
    // The zone's total dwarfs any park's: drawn as a line it would squash every bar, so beyond
    // twice the largest bar it is stated in words instead.
    let largest = series.bars.first().map_or(0.0, |b| b.value);
    let zone_fits = series.zone.is_some_and(|(zone, _)| zone <= 2.0 * largest);
    if choice.show_benchmark
        && !zone_fits
        && let Some((zone, year)) = series.zone
    {
        ui.label(RichText::new(format!("{}: {} {unit} ({year})", s.zone_benchmark, format_value(zone))).weak());
    }
    let top = shown.iter().map(|(_, v)| *v).fold(f64::NEG_INFINITY, f64::max).max(0.0);
    let base = if log { shown.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min).floor().min(0.0) } else { 0.0 };

    let response = Plot::new(("bars", choice.metric.as_str()))
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom))
        .x_axis_label(x_title)
        .y_axis_formatter(move |mark, _| {
            if (mark.value - mark.value.round()).abs() > 1e-6 {
                return String::new();
            }
            bar_at(mark.value, n).and_then(|i| names.get(i)).cloned().unwrap_or_default()
        })
        .y_grid_spacer(|input| each_row(&input))
        .x_axis_formatter(move |mark, _| if log { log_axis_label(mark) } else { format_value(mark.value) })
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .include_x(base)
        // Room right of the longest bar for its label.
        .include_x(base + (top - base) * 1.25)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .show(ui, |plot_ui| {
            let hovered_index = plot_ui.pointer_coordinate().and_then(|p| bar_at(p.y, n));
            let mut bars = Vec::with_capacity(n);
            for (i, (bar, value)) in shown.iter().enumerate() {
                let y = (n - 1 - i) as f64;
                let colour = colour_of(ctx.dataset, &bar.park);
                let emphasised = ctx.hovered == Some(&bar.park) || ctx.selected == Some(&bar.park);
                let stroke = if emphasised { Stroke::new(2.5, strong) } else { Stroke::new(1.0, colour) };
                bars.push(Bar::new(y, value - base).base_offset(base).fill(colour).stroke(stroke).width(0.7));
                let label = value_label(bar.value, bar.qualifier, bar.year, show_years);
                plot_ui.add(
                    Text::new("", PlotPoint::new(*value, y), RichText::new(format!("  {label}")).size(13.0).strong())
                        .anchor(Align2::LEFT_CENTER),
                );
            }
            // No name: the parks are named on the axis, not in the legend.
            plot_ui.bar_chart(BarChart::new("", bars).horizontal().allow_hover(false));
            if choice.show_benchmark {
                let colour = bench_colour;
                if let Some(median) = series.median.and_then(|m| scaled(m, log)) {
                    plot_ui.vline(VLine::new(s.median, median).color(colour).style(LineStyle::dashed_loose()));
                }
                if let Some((zone, year)) = series.zone
                    && zone_fits
                    && let Some(x) = scaled(zone, log)
                {
                    let name = format!("{} ({}, {year})", s.zone_benchmark, format_value(zone));
                    plot_ui.vline(VLine::new(name, x).color(colour).style(LineStyle::dotted_loose()));
                }
            }
            hovered_index
        });
    if let Some(i) = response.inner
        && let Some((bar, _)) = shown.get(i)
    {
        actions.push(Action::Hover(bar.park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(bar.park.clone()));
        }
        let tooltip = bar_tooltip(ctx, bar, &unit);
        response.response.on_hover_text_at_pointer(tooltip);
    }
    if !hidden.is_empty() {
        let names: Vec<String> = hidden.iter().map(|id| park_name(ctx.dataset, id, ctx.language)).collect();
        ui.label(RichText::new(format!("{}: {}", s.not_on_log, names.join(", "))).weak());
    }
}

fn bar_tooltip(ctx: &CompareContext<'_>, bar: &crate::state::series::BarDatum, unit: &str) -> String {
    let s = strings(ctx.language);
    let mut lines = vec![
        park_name(ctx.dataset, &bar.park, ctx.language),
        format!("{}{} {unit}", qualifier_prefix(bar.qualifier), format_value(bar.value)),
        format!("{} · {}", bar.year, qualifier_name(ctx.language, bar.qualifier)),
    ];
    if let Some(year) = bar.divisor_year {
        lines.push(format!("÷ {year}"));
    }
    for source in bar.sources.iter().filter_map(|id| ctx.dataset.source(id)) {
        lines.push(format!("{}: {}", s.source, source.title));
    }
    lines.join("\n")
}

/// Whether a qualifier is drawn as a hollow marker.
fn is_hedged(qualifier: Qualifier) -> bool {
    matches!(qualifier, Qualifier::Approximate | Qualifier::AtLeast | Qualifier::AtMost | Qualifier::Preliminary)
}

fn time_series_ui(
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
        .y_axis_formatter(move |mark, _| if log { log_axis_label(mark) } else { format_value(mark.value) })
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        .show(ui, |plot_ui| {
            for park_series in series {
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
                // Circles for whole years, diamonds for parts of a year, squares for plans;
                // hedged figures and plans hollow.
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
                            .filter_map(|p| point(p))
                            .collect();
                        if !pts.is_empty() {
                            plot_ui.points(
                                Points::new(name.clone(), PlotPoints::from(pts))
                                    .shape(shape)
                                    .radius(4.5)
                                    .filled(filled)
                                    .color(colour),
                            );
                        }
                    }
                }
            }
            nearest_point(plot_ui, series.iter().flat_map(|s| s.points().map(move |p| (&s.park, p))), log)
        });
    if let Some((park, point)) = response.inner {
        actions.push(Action::Hover(park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(park.clone()));
        }
        let park = park.clone();
        let source = ctx.dataset.source(&point.source).map(|src| src.title.clone()).unwrap_or_default();
        response.response.on_hover_text_at_pointer(format!(
            "{}\n{}{} {unit}\n{} · {}\n{}: {source}",
            park_name(ctx.dataset, &park, ctx.language),
            qualifier_prefix(point.qualifier),
            format_value(point.value),
            period_label(ctx.language, point.year, point.period),
            qualifier_name(ctx.language, point.qualifier),
            s.source
        ));
    }
}

/// The data point nearest the pointer, within a few pixels.
fn nearest_point<'p>(
    plot_ui: &egui_plot::PlotUi<'_>,
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

fn scatter_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    points: &[ScatterPoint],
    height: f32,
    actions: &mut Vec<Action>,
) {
    let s = strings(ctx.language);
    let (dataset, language) = (ctx.dataset, ctx.language);
    let log = choice.log_scale;
    let axis_title =
        |id: &MetricId| format!("{} ({})", metric_name(dataset, id, language), metric_unit(dataset, id, language));
    if let Some(size) = &choice.size_metric {
        ui.label(RichText::new(format!("{} {}", s.scatter_legend, axis_title(size))).small().weak());
    }
    let max_size = points.iter().filter_map(|p| p.size.as_ref().map(|size| size.value)).fold(0.0_f64, f64::max);
    let radius = |p: &ScatterPoint| match (&p.size, max_size > 0.0) {
        // Area proportional to the value: radius grows with its square root.
        (Some(size), true) => 4.0 + 22.0 * (size.value.max(0.0) / max_size).sqrt() as f32,
        _ => 4.0,
    };
    let response = Plot::new(("scatter", choice.x_metric.as_str(), choice.y_metric.as_str()))
        .height(height)
        .x_axis_label(axis_title(&choice.x_metric))
        .y_axis_label(axis_title(&choice.y_metric))
        .x_axis_formatter(move |mark, _| if log { log_axis_label(mark) } else { format_value(mark.value) })
        .y_axis_formatter(move |mark, _| if log { log_axis_label(mark) } else { format_value(mark.value) })
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        .set_margin_fraction(egui::vec2(0.12, 0.12))
        .show(ui, |plot_ui| {
            let mut positions = Vec::new();
            let labelled = points.len() <= MAX_LABELLED_POINTS;
            // One batch per colour and fill: at most twice the palette's size.
            let mut batches: Vec<(Color32, bool, Vec<[f64; 2]>)> = Vec::new();
            for point in points {
                let (Some(x), Some(y)) = (scaled(point.x.value, log), scaled(point.y.value, log)) else { continue };
                positions.push((point, x, y));
                let colour = colour_of(dataset, &point.park);
                let hedged = is_hedged(point.x.qualifier) || is_hedged(point.y.qualifier);
                if !labelled {
                    match batches.iter_mut().find(|(c, h, _)| *c == colour && *h == hedged) {
                        Some((_, _, batch)) => batch.push([x, y]),
                        None => batches.push((colour, hedged, vec![[x, y]])),
                    }
                    continue;
                }
                let name = park_name(dataset, &point.park, language);
                let emphasised = ctx.hovered == Some(&point.park) || ctx.selected == Some(&point.park);
                let r = radius(point) + if emphasised { 3.0 } else { 0.0 };
                plot_ui.points(
                    Points::new(name.clone(), PlotPoints::from(vec![[x, y]])).radius(r).filled(!hedged).color(colour),
                );
                // The label starts just right of the bubble's edge, whatever the zoom.
                let centre = plot_ui.screen_from_plot(PlotPoint::new(x, y));
                let label_at = plot_ui.plot_from_screen(centre + egui::vec2(r + 4.0, 0.0));
                plot_ui.add(Text::new("", label_at, RichText::new(name).small()).anchor(Align2::LEFT_CENTER));
            }
            for (colour, hedged, batch) in batches {
                plot_ui.points(Points::new("", PlotPoints::from(batch)).radius(2.5).filled(!hedged).color(colour));
            }
            let pointer = plot_ui.response().hover_pos()?;
            positions
                .into_iter()
                .map(|(point, x, y)| (plot_ui.screen_from_plot(PlotPoint::new(x, y)).distance(pointer), point))
                .filter(|(distance, point)| *distance < radius(point) + 6.0)
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, point)| point.clone())
        });
    if let Some(point) = response.inner {
        actions.push(Action::Hover(point.park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(point.park.clone()));
        }
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
        response.response.on_hover_text_at_pointer(lines.join("\n"));
    }
}

fn matrix_ui(ui: &mut Ui, ctx: &CompareContext<'_>, matrix: &IndustryMatrix, actions: &mut Vec<Action>) {
    let s = strings(ctx.language);
    let (dataset, language) = (ctx.dataset, ctx.language);
    ui.label(RichText::new(s.matrix_hint).small().weak());
    ui.label(RichText::new(s.roles_legend).small().weak());
    let cell = 26.0;
    // Tall enough for the longest industry name written upwards.
    let header_height = matrix
        .industries
        .iter()
        .filter_map(|id| dataset.industry(id))
        .map(|i| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(i.name.get(language).to_owned(), egui::FontId::proportional(13.0), Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(60.0_f32, f32::max)
        + 12.0;
    let name_width = 220.0;
    egui::ScrollArea::both().id_salt("matrix_scroll").max_height(ui.available_height() - 64.0).show(ui, |ui| {
        // Header: industry names written upwards, each a button that filters by it.
        ui.horizontal(|ui| {
            ui.add_space(name_width);
            for id in &matrix.industries {
                let name = dataset.industry(id).map_or_else(|| id.to_string(), |i| i.name.get(language).to_owned());
                let (rect, response) = ui.allocate_exact_size(egui::vec2(cell, header_height), egui::Sense::click());
                let response = response.on_hover_text(&name);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                let colour =
                    if response.hovered() { ui.visuals().strong_text_color() } else { ui.visuals().text_color() };
                let galley = ui.painter().layout_no_wrap(name.clone(), egui::FontId::proportional(13.0), colour);
                let pos = egui::pos2(rect.center().x - galley.size().y / 2.0, rect.bottom() - 4.0);
                ui.painter()
                    .add(egui::epaint::TextShape::new(pos, galley, colour).with_angle(-std::f32::consts::FRAC_PI_2));
                if response.clicked() {
                    actions.push(Action::FilterIndustry(id.clone()));
                }
            }
        });
        let scrolled = (ui.clip_rect().top() - ui.cursor().top()).max(0.0);
        #[expect(clippy::cast_sign_loss, reason = "both are clamped to be non-negative")]
        let (first, visible_rows) = (
            (scrolled / MATRIX_ROW_HEIGHT).floor() as usize,
            (ui.clip_rect().height().max(0.0) / MATRIX_ROW_HEIGHT).ceil() as usize + 2,
        );
        let rows = first..(first + visible_rows).min(matrix.parks.len());
        // Rows above and below the viewport only take space: thousands of parks stay cheap.
        ui.add_space(rows.start as f32 * MATRIX_ROW_HEIGHT);
        for (row, park_id) in matrix.parks.iter().enumerate().skip(rows.start).take(rows.len()) {
            ui.horizontal(|ui| {
                ui.set_height(MATRIX_ROW_HEIGHT - ui.spacing().item_spacing.y);
                let name = park_name(dataset, park_id, language);
                let selected = ctx.selected == Some(park_id) || ctx.hovered == Some(park_id);
                let response = ui.add_sized([name_width, cell], egui::Button::selectable(selected, name).frame(false));
                if response.clicked() {
                    actions.push(Action::Select(park_id.clone()));
                }
                if response.hovered() {
                    actions.push(Action::Hover(park_id.clone()));
                }
                for role in matrix.cells.get(row).into_iter().flatten() {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(cell, cell), egui::Sense::hover());
                    let Some(role) = role else {
                        ui.painter().rect_filled(rect.shrink(2.0), 2.0, ui.visuals().faint_bg_color);
                        continue;
                    };
                    let colour = colour_of(dataset, park_id);
                    let strength = match role {
                        crate::model::Role::Leading | crate::model::Role::Pillar => 1.0,
                        crate::model::Role::Key | crate::model::Role::Focus => 0.65,
                        crate::model::Role::Supporting | crate::model::Role::Emerging => 0.35,
                    };
                    ui.painter().rect_filled(rect.shrink(2.0), 2.0, colour.gamma_multiply(strength));
                    ui.painter().text(
                        rect.center(),
                        Align2::CENTER_CENTER,
                        role_mark(language, *role),
                        egui::FontId::proportional(12.0),
                        Color32::BLACK,
                    );
                }
            });
        }
        ui.add_space(matrix.parks.len().saturating_sub(rows.end) as f32 * MATRIX_ROW_HEIGHT);
    });
}

fn missing_ui(ui: &mut Ui, ctx: &CompareContext<'_>, missing: &[ParkId]) {
    if missing.is_empty() {
        return;
    }
    let s = strings(ctx.language);
    let names: Vec<String> = missing.iter().map(|id| park_name(ctx.dataset, id, ctx.language)).collect();
    ui.label(
        RichText::new(format!("{}: {}", s.no_data, names.join(", ")))
            .color(qualifier_colour(ui.visuals(), Qualifier::Approximate)),
    );
}

fn sources_ui(ui: &mut Ui, dataset: &Dataset, sources: &BTreeSet<SourceId>, s: &Strings) {
    if sources.is_empty() {
        return;
    }
    let labels: BTreeSet<String> = sources.iter().filter_map(|id| dataset.source(id)).map(source_label).collect();
    let text = labels.into_iter().collect::<Vec<_>>().join("; ");
    ui.label(RichText::new(format!("{}: {text}", s.footer_sources)).small().weak()).on_hover_text(
        sources
            .iter()
            .filter_map(|id| dataset.source(id))
            .map(|src| format!("{} — {}", src.title, src.publisher))
            .collect::<Vec<_>>()
            .join("\n"),
    );
}
