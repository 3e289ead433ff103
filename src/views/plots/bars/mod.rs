//! Ranked bars: one metric across parks, largest at the top, each bar labelled with its value
//! (and year, when years differ), with the median and the zone-wide figure as benchmarks.

mod notes;
mod texts;

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, Id, Stroke, Ui};
use egui_plot::{Bar, BarChart, LineStyle, Plot, PlotPoint, PlotUi, VLine};

use super::axes::{AxisText, Direction, ValueAxis, category_y_axis, cut_axis_title, value_axis};
use super::{CompareContext, chart_font, chart_height, metric_name, park_name, scaled, value_unit};
use crate::format::shortened_name;
use crate::i18n::strings;
use crate::model::Language;
use crate::state::series::{BarDatum, BarSeries};
use crate::state::{Action, ParkColours, PlotChoice, YearChoice};
use crate::theme::{benchmark_colour, plain_bar_colour, series_colour};
use crate::views::focus::outline_if_focused;
pub(super) use notes::notes;
use notes::notes_ui;
use texts::{bar_tooltip, value_label};

/// Most bars one chart draws, however tall it is.
const MAX_BARS: usize = 40;
/// How long a park's name beside its bar may be, in columns of text (see
/// [`shortened_name`]): the longest of the real dataset's, "Daxing Park (Biomedicine Base)",
/// and more, whole.
const BAR_NAME_COLUMNS: usize = 40;
/// Room above the top bar's row and below the bottom one's, together, in rows.
const Y_PADDING: f32 = 0.2;
/// The tallest a bar's row gets, in lines of its labels ([`few_bars_height`]).
const MAX_BAR_ROW_LINES: f32 = 3.0;

/// A bar the chart draws, with its position on the value axis (its logarithm on a log scale).
type DrawnBar<'a> = (&'a BarDatum, f64);

/// Draws the bars of `series`, the notes about them, and the parks a log scale cannot show.
pub(super) fn bars_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    series: &BarSeries,
    colours: &ParkColours,
    footer: f32,
    actions: &mut Vec<Action>,
) {
    let log = choice.log_scale;
    let unit = value_unit(ctx, choice);
    // Largest at the top: bar i sits at y = n - 1 - i.
    // Only as many bars as the chart has room to name: the chart shows the largest, says so,
    // and the CSV export keeps them all.
    let limit = bars_with_room(ui.ctx());
    let shown: Vec<DrawnBar<'_>> =
        series.bars.iter().filter_map(|bar| scaled(bar.value, log).map(|v| (bar, v))).take(limit).collect();
    if !ctx.presenting {
        notes_ui(ui, ctx, choice, series, &unit, limit);
    }
    let x_name_unit = (metric_name(ctx.dataset, &choice.metric, ctx.language), unit.name.clone());
    let chart = BarChartInput { series, shown: &shown, colours, x_name_unit, value_factor: unit.factor };
    let room = chart_height(ui, footer);
    let height = room.min(few_bars_height(ui, shown.len()));
    let response = bar_plot_ui(ui, ctx, choice, chart, height);
    // The plot is a stop of Tab: egui shows nothing there.
    outline_if_focused(ui, &response.response);
    // Counted in the whole room: a chart drawn short for its few bars has room for more.
    let bars_room = response.transform.frame().height() + (room - height);
    remember_bars_with_room(ui, bars_room, limit, series.bars.len());
    // Only while the plot itself is under the pointer: not through a dialog over it.
    if let Some(i) = response.inner
        && response.response.hovered()
        && let Some((bar, _)) = shown.get(i)
    {
        actions.push(Action::Hover(bar.park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(bar.park.clone()));
        }
        let tooltip = bar_tooltip(ctx, bar, &unit);
        response.response.on_hover_text_at_pointer(tooltip);
    }
}

/// Where the number of bars the chart has room for is kept between passes.
fn bars_with_room_id() -> Id {
    Id::unique("bars_with_room")
}

/// How many bars the bar chart had room to name when last drawn ([`MAX_BARS`] until then).
pub(super) fn bars_with_room(ctx: &egui::Context) -> usize {
    ctx.data(|data| data.get_temp(bars_with_room_id())).unwrap_or(MAX_BARS)
}

/// Keeps how many bars a chart whose bars span `height` points has room for: each needs a row
/// as tall as its name and value label, or the axis leaves its name out (as `egui_plot` does
/// with a tick label that does not fit) and the value labels overlap. When that changes what
/// was drawn with `limit` bars of `total`, the pass is drawn again; and the next frame too, in
/// case egui has no pass left to give (the note that bars are left out takes a line from the
/// chart).
fn remember_bars_with_room(ui: &Ui, height: f32, limit: usize, total: usize) {
    let row = bar_row_height(ui);
    // The bars span their number plus the 0.2 of a row the plot's bounds add (`bar_plot_ui`).
    let rows = (height / row - Y_PADDING).floor().max(1.0);
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a count of rows, at least 1")]
    let room = (rows as usize).min(MAX_BARS);
    if room != limit {
        ui.data_mut(|data| data.insert_temp(bars_with_room_id(), room));
        if room.min(total) != limit.min(total) {
            ui.ctx().request_discard("the bar chart has room for another number of bars");
            ui.ctx().request_repaint();
        }
    }
}

/// The least height of a bar's row: a hair more than a line of its labels, so they do not touch.
fn bar_row_height(ui: &Ui) -> f32 {
    1.05 * ui.fonts_mut(|fonts| fonts.row_height(&chart_font(ui)))
}

/// The height of a chart of `bars` bars, each row at most [`MAX_BAR_ROW_LINES`] label lines,
/// with the value axis under them: one or two bars are drawn as the bars of a longer chart,
/// not as blocks filling the chart's place.
fn few_bars_height(ui: &Ui, bars: usize) -> f32 {
    let row = bar_row_height(ui);
    // The value axis's tick labels and title, with their gaps: about three lines.
    let axis = 3.0 * row;
    #[expect(clippy::cast_precision_loss, reason = "a count of bars, at most MAX_BARS")]
    let bars = bars as f32;
    axis + (bars + Y_PADDING) * MAX_BAR_ROW_LINES * row
}

/// Whether the zone's figure is drawn as a line. The zone's total dwarfs any park's: drawn as
/// a line it would squash every bar, so beyond twice the largest bar it is stated in words
/// instead; on a `log` scale, where the axis runs on by one decade for the price of a few
/// points, beyond ten times it.
fn zone_fits(series: &BarSeries, log: bool) -> bool {
    let largest = series.bars.first().map_or(0.0, |b| b.value);
    let reach = if log { 10.0 } else { 2.0 };
    series.zone_like_the_bars() && series.zone.as_ref().is_some_and(|zone| zone.value <= reach * largest)
}

/// What the bar chart draws.
struct BarChartInput<'a> {
    series: &'a BarSeries,
    /// The bars drawn, largest first, with their positions on the value axis.
    shown: &'a [DrawnBar<'a>],
    colours: &'a ParkColours,
    /// The value axis's metric and unit, for its title.
    x_name_unit: (String, String),
    /// What a value is multiplied by to be written in the axis's unit.
    value_factor: f64,
}

/// The chart itself, with every park named on the value axis; returns which of `shown` is
/// under the pointer.
fn bar_plot_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    chart: BarChartInput<'_>,
    height: f32,
) -> egui_plot::PlotResponse<Option<usize>> {
    let BarChartInput { series, shown, colours, x_name_unit, value_factor } = chart;
    let log = choice.log_scale;
    let n = shown.len();
    // A very long name is shortened beside its bar (its tooltip has it whole), so that it
    // cannot take the bars' room.
    let names: Vec<String> = shown
        .iter()
        .map(|(bar, _)| shortened_name(&park_name(ctx.dataset, &bar.park, ctx.language), BAR_NAME_COLUMNS))
        .collect();
    // The zone's dotted line may lie beyond the longest bar (up to twice it): the axis runs past
    // it too, or the line falls on the plot's frame, where nobody sees it.
    let zone_line = choice.show_benchmark.then(|| zone_line_at(series, log)).flatten();
    let top = shown.iter().map(|(_, v)| *v).chain(zone_line).fold(f64::NEG_INFINITY, f64::max).max(0.0);
    // On a log scale the bars start at the power of ten below the shortest, at least a tenth of
    // a decade below it so that its bar shows: from 1 the bars of figures in thousands would be
    // three quarters the same grey, and their differences squeezed into the last quarter.
    let shortest = shown.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
    let base = if log && shortest.is_finite() { (shortest - 0.1).floor() } else { 0.0 };
    let lowest = shown.iter().map(|(_, v)| *v).fold(base, f64::min);
    // Bars all of one value (all zero) span nothing: the axis would centre on it, its left half
    // empty and unlabelled. It runs from their value to one more instead.
    let top = if top > lowest { top } else { lowest + 1.0 };
    let bench_colour = benchmark_colour(ui.visuals());
    let style = BarStyle {
        plain: plain_bar_colour(ui.visuals()),
        strong: ui.visuals().strong_text_color(),
        font: chart_font(ui),
        show_years: choice.year == YearChoice::Latest,
        value_factor,
    };
    // Laid out once: measured here for the room they need, painted over the plot once drawn.
    let labels: Vec<Arc<Galley>> = shown
        .iter()
        .map(|(bar, _)| {
            let text = value_label_text(bar, &style, ctx.language);
            ui.fonts_mut(|fonts| fonts.layout_no_wrap(text, style.font.clone(), style.strong))
        })
        .collect();
    // Where each label starts (its bar's end) and how far from there it reaches, in points:
    // its gap, its patch and a hair more; right of a bar running right, left of one running
    // left (a loss).
    let mut ends = LabelEnds::default();
    for ((_, value), label) in shown.iter().zip(&labels) {
        let reach = style.font.size * 0.5 + label.size().x + 6.0;
        if *value < base { &mut ends.left } else { &mut ends.right }.push((*value, reach));
    }
    // The desk's and a slide's plots differ in width: each keeps its own.
    let plot_id = Id::unique(("bars_width", choice.metric.as_str(), ctx.presenting));
    let width = ui.data(|data| data.get_temp::<f32>(plot_id)).unwrap_or(ui.available_width() * 0.7);
    let span = top - lowest;
    // A little room left of the longest bar running left, and right of the longest running right.
    let (left, right) = ends.bounds(lowest - 0.05 * span, top + 0.05 * span, width);
    let text = AxisText::new(ui);
    let plot = Plot::new(("bars", choice.metric.as_str())).height(height);
    let no_negatives = series.bars.iter().all(|bar| bar.value >= 0.0);
    // Within the plot's width (beside the parks' names): a long or divided metric's title ran
    // past the plot's edge.
    let x_title = cut_axis_title(ui, &x_name_unit.0, &x_name_unit.1, width);
    let axis =
        ValueAxis { title: x_title, factor: value_factor, log_scale: log, lowest_tick: no_negatives.then_some(0.0) };
    let plot = value_axis(plot, Direction::Horizontal, &text, axis);
    let plot = category_y_axis(plot, &text, move |value| {
        if (value - value.round()).abs() > 1e-6 {
            return String::new();
        }
        bar_at(value, n).and_then(|i| names.get(i)).cloned().unwrap_or_default()
    });
    let response = plot
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .include_x(left)
        // Room right of every bar for its label.
        .include_x(right)
        // Exactly the bars and a little room above and below: no margin of the plot's own, so
        // `remember_bars_with_room` knows how tall a bar's row is, and the room left for the
        // labels is what `LabelEnds::bounds` made.
        .set_margin_fraction(egui::vec2(0.0, 0.0))
        .include_y(-0.5 - f64::from(Y_PADDING) / 2.0)
        .include_y(n as f64 - 0.5 + f64::from(Y_PADDING) / 2.0)
        .show(ui, |plot_ui| {
            let hovered_index = plot_ui.pointer_coordinate().and_then(|p| bar_at(p.y, n));
            add_bars(plot_ui, ctx, shown, colours, base, &style);
            if choice.show_benchmark {
                add_benchmarks(plot_ui, series, log, bench_colour);
            }
            hovered_index
        });
    paint_value_labels(ui, (shown, &labels, base), &style, &response.transform);
    remember_plot_width(ui, plot_id, width, response.transform.frame().width());
    response
}

/// Keeps the width the bars' plot was last drawn at, which sets how much room its labels need
/// on the value axis; when it differs from the width the bounds were made for, the pass is drawn
/// again, so that no label is cut at the plot's edge.
fn remember_plot_width(ui: &Ui, id: Id, assumed: f32, drawn: f32) {
    if (assumed - drawn).abs() > 0.5 {
        ui.data_mut(|data| data.insert_temp(id, drawn));
        ui.ctx().request_discard("the bars' labels need the plot's width");
        ui.ctx().request_repaint();
    }
}

/// Where the bars' value labels start on the value axis, each with how many points it reaches
/// from there.
#[derive(Default)]
struct LabelEnds {
    /// Labels right of a bar running right.
    right: Vec<(f64, f32)>,
    /// Labels left of a bar running left (a loss).
    left: Vec<(f64, f32)>,
}

impl LabelEnds {
    /// The value axis's ends, widened from `left` and `right` until each label has its room in a
    /// plot `width` points wide. A label wider than a share of the plot gets that share only: it
    /// is drawn inside its bar.
    fn bounds(&self, mut left: f64, mut right: f64, width: f32) -> (f64, f64) {
        let width = f64::from(width.max(1.0));
        // With labels on both sides, neither may take half the plot, or no axis holds both.
        let share = if self.left.is_empty() || self.right.is_empty() { 0.6 } else { 0.45 };
        let reach = |reach: f32| f64::from(reach).min(share * width);
        // Widening one end shrinks every label's room at the other: each pass widens less than
        // the one before, and a few passes leave no more than a hair to gain.
        for _ in 0..16 {
            // Right of `start`, (right - start) / (right - left) of the plot's width must hold
            // the label; left of a loss's end, (end - left) / (right - left) of it.
            let new_right = self.right.iter().fold(right, |right, &(start, points)| {
                let points = reach(points);
                right.max((start * width - points * left) / (width - points))
            });
            let new_left = self.left.iter().fold(left, |left, &(end, points)| {
                let points = reach(points);
                left.min((end * width - points * new_right) / (width - points))
            });
            let settled = (new_right - right).abs() + (new_left - left).abs() <= 1e-9 * (new_right - new_left);
            (left, right) = (new_left, new_right);
            if settled {
                break;
            }
        }
        (left, right)
    }
}

/// How the bars are drawn.
struct BarStyle {
    /// The fill of a bar whose park is not coloured.
    plain: Color32,
    /// The outline of the hovered or selected bar, and the colour of the value labels.
    strong: Color32,
    /// The font of the value labels.
    font: FontId,
    /// Whether each value label names its year (the bars show each park's latest figure).
    show_years: bool,
    /// What a value is multiplied by to be written in the axis's unit.
    value_factor: f64,
}

/// The bars: one plain colour, the pinned and selected parks in theirs; the hovered or
/// selected park's bar is outlined ([`CompareContext::emphasised`]).
fn add_bars(
    plot_ui: &mut PlotUi<'_>,
    ctx: &CompareContext<'_>,
    shown: &[DrawnBar<'_>],
    colours: &ParkColours,
    base: f64,
    style: &BarStyle,
) {
    let n = shown.len();
    let mut bars = Vec::with_capacity(n);
    for (i, (bar, value)) in shown.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        let colour = colours.slot(&bar.park).map_or(style.plain, series_colour);
        let emphasised = ctx.emphasised(&bar.park);
        let stroke = if emphasised { Stroke::new(2.5, style.strong) } else { Stroke::new(1.0, colour) };
        bars.push(Bar::new(y, value - base).base_offset(base).fill(colour).stroke(stroke).width(0.7));
    }
    // No name: the parks are named on the axis, not in the legend.
    plot_ui.bar_chart(BarChart::new("", bars).horizontal().allow_hover(false));
}

/// Each bar's value (with its year, and ≠ when another figure is stated for its year) written just
/// beyond its end, over the plot once drawn, on a patch of the plot's background: a benchmark line
/// running through a label leaves it readable.
fn paint_value_labels(
    ui: &Ui,
    (shown, labels, base): (&[DrawnBar<'_>], &[Arc<Galley>], f64),
    style: &BarStyle,
    transform: &egui_plot::PlotTransform,
) {
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);
    let background = ui.visuals().extreme_bg_color;
    let gap = style.font.size * 0.5;
    let n = shown.len();
    for (i, ((_, value), label)) in shown.iter().zip(labels).enumerate() {
        let y = (n - 1 - i) as f64;
        let galley = Arc::clone(label);
        // Beyond the bar's end: right of a bar running right, left of a loss, so that the
        // label's patch never covers the bar and a loss is read where it ends.
        let end = transform.position_from_point(&PlotPoint::new(*value, y));
        let mut rect = if *value < base {
            Align2::RIGHT_CENTER.anchor_size(end - egui::vec2(gap, 0.0), galley.size())
        } else {
            Align2::LEFT_CENTER.anchor_size(end + egui::vec2(gap, 0.0), galley.size())
        };
        // A label wider than the room the axis could leave it goes inside its bar's end, whole,
        // rather than past the plot's edge.
        let overflow_right = rect.right() + 2.0 - frame.right();
        let overflow_left = frame.left() - (rect.left() - 2.0);
        if overflow_right > 0.0 {
            rect = rect.translate(egui::vec2(-overflow_right, 0.0));
        } else if overflow_left > 0.0 {
            rect = rect.translate(egui::vec2(overflow_left, 0.0));
        }
        painter.rect_filled(rect.expand(2.0), 2.0, background);
        painter.galley(rect.min, galley, style.strong);
    }
}

/// A bar's label as drawn: its value (with its year when `style` shows years), and ≠ when
/// another figure is stated for its year.
fn value_label_text(bar: &BarDatum, style: &BarStyle, language: Language) -> String {
    let label = value_label(bar, style.value_factor, style.show_years, language);
    if bar.stated_otherwise.is_empty() { label } else { format!("{label} {}", strings(language).differs_mark) }
}

/// How wide the benchmark lines are drawn, in points: wider than the grid's lines, which one
/// may lie on.
const BENCHMARK_WIDTH: f32 = 1.5;

/// Where the zone's dotted line is drawn on the value axis, when it is drawn: when it fits and
/// the scale can show it.
fn zone_line_at(series: &BarSeries, log: bool) -> Option<f64> {
    series.zone.as_ref().filter(|_| zone_fits(series, log)).and_then(|zone| scaled(zone.value, log))
}

/// The median as a dashed line, and the zone's figure as a dotted one when it fits; the notes
/// above the chart say which is which.
fn add_benchmarks(plot_ui: &mut PlotUi<'_>, series: &BarSeries, log: bool, colour: Color32) {
    if let Some(median) = series.median.and_then(|m| scaled(m, log)) {
        plot_ui.vline(VLine::new("", median).color(colour).width(BENCHMARK_WIDTH).style(LineStyle::dashed_loose()));
    }
    if let Some(x) = zone_line_at(series, log) {
        plot_ui.vline(VLine::new("", x).color(colour).width(BENCHMARK_WIDTH).style(LineStyle::dotted_loose()));
    }
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
