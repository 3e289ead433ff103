//! Ranked bars: one metric across parks, largest at the top, each bar labelled with its value
//! (and year, when years differ), with the median and the zone-wide figure as benchmarks.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, Id, RichText, Stroke, Ui};
use egui_plot::{Bar, BarChart, LineStyle, Plot, PlotPoint, PlotUi, VLine};

use super::axes::{AxisText, Direction, ValueAxis, category_y_axis, cut_axis_title, value_axis};
use super::{CompareContext, chart_font, chart_height, in_sentence, metric_name, park_name, scaled, value_unit};
use crate::format::{
    NoteForm, after_value, alike_sources, figure_note, figure_stated, format_count, other_values, qualified_value,
    shortened_name, source_cited, value_with_unit,
};
use crate::i18n::{clause_separator, comma};
use crate::i18n::{figure_when, labelled, list_separator, period_label, qualifier_name, strings};
use crate::model::{DisplayUnit, Language, ParkId, Qualifier};
use crate::state::series::{BarDatum, BarSeries, MEDIAN_BARS};
use crate::state::{Action, ParkColours, PlotChoice, YearChoice};
use crate::theme::{benchmark_colour, plain_bar_colour, series_colour};
use crate::views::focus::outline_if_focused;

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

/// The notes about the bars: that they mix years, that only the largest are drawn, what the
/// mark of a figure stated otherwise means, and what the benchmark lines are (the zone's figure
/// also when it is too large to draw). Above the chart on the desk, in the scope line when
/// presenting. The benchmarks are told in words, not in a legend: a legend box inside the plot
/// covered value labels, and its marks did not look like the lines.
/// `limit` is how many bars the chart has room for ([`bars_with_room`]).
pub(super) fn notes(
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    series: &BarSeries,
    unit: &DisplayUnit,
    limit: usize,
) -> Vec<String> {
    let s = strings(ctx.language);
    let mut notes = Vec::new();
    // Years and parts of years mixed: one warning says both.
    let mixed_years = series.mixed_years && choice.year == YearChoice::Latest;
    match (mixed_years, series.mixed_periods) {
        (true, true) => notes.push(s.mixed_years_and_periods.to_owned()),
        (true, false) => notes.push(s.mixed_years.to_owned()),
        (false, true) => notes.push(s.mixed_periods.to_owned()),
        (false, false) => {}
    }
    if let Some(divisor) = &choice.divide_by
        && series.bars.iter().take(limit).any(|bar| bar.divisor_year.is_some())
    {
        let divisor = metric_name(ctx.dataset, divisor, ctx.language);
        notes.push(s.divisor_years.replace("{divisor}", &in_sentence(&divisor, ctx.language)));
    }
    if series.bars.len() > limit {
        notes.push(
            s.only_largest
                .replace("{shown}", &format_count(limit))
                .replace("{total}", &format_count(series.bars.len())),
        );
        // Pinned parks the cut leaves out are the ones the user asked about: said, with their
        // place, rather than gone from the chart without a word.
        let mut below: Vec<(usize, &ParkId)> = ctx
            .pinned
            .iter()
            .filter_map(|park| Some((series.rank_of(park)?, park)))
            .filter(|(at, _)| *at >= limit)
            .collect();
        below.sort_unstable();
        let below: Vec<String> = (below.into_iter())
            .map(|(at, park)| {
                (s.pinned_ranked.replace("{park}", &park_name(ctx.dataset, park, ctx.language)))
                    .replace("{rank}", &format_count(at + 1))
            })
            .collect();
        if !below.is_empty() {
            notes.push(s.pinned_not_drawn.replace("{parks}", &below.join(list_separator(ctx.language))));
        }
    }
    // The zone's figure is marked only where its words are shown, with the benchmarks.
    let zone_differs = choice.show_benchmark
        && series.zone_like_the_bars()
        && series.zone.as_ref().is_some_and(|zone| !zone.stated_otherwise.is_empty());
    if zone_differs || series.bars.iter().take(limit).any(|bar| !bar.stated_otherwise.is_empty()) {
        // The key names the divisor only where a mark is a divisor's.
        let divisor_marked =
            |others: &[crate::model::Observation]| others.iter().any(|other| other.metric != choice.metric);
        let by_divisor = (zone_differs
            && series.zone.as_ref().is_some_and(|zone| divisor_marked(&zone.stated_otherwise)))
            || series.bars.iter().take(limit).any(|bar| divisor_marked(&bar.stated_otherwise));
        notes.push(if by_divisor { s.differs_note_divided } else { s.differs_note }.to_owned());
    }
    if let Some(key) = coloured_bars_key(ctx, choice, series, limit) {
        notes.push(key.to_owned());
    }
    if choice.show_benchmark {
        let mut lines = Vec::new();
        // Only the lines drawn: a log scale draws none at zero or below.
        let drawn = |value: f64| scaled(value, choice.log_scale).is_some();
        if let Some(median) = series.median.filter(|median| drawn(*median)) {
            let parks = s.parks_count.for_count(series.bars.len()).replace("{n}", &format_count(series.bars.len()));
            lines.push(
                s.median_line
                    .replace("{parks}", &parks)
                    .replace("{value}", &value_with_unit(median, series.median_qualifier, unit)),
            );
        }
        if series.zone_divisor_across_boundary {
            lines.push(s.zone_no_divisor.replace("{zone}", &zone_name(ctx)));
        }
        if let Some(zone) = series.zone.as_ref().filter(|_| !series.zone_like_the_bars()) {
            // Not even its value: beside whole years of the parks, a part of the zone's year
            // reads as the zone falling short of them.
            let when = crate::i18n::period_label(ctx.language, zone.year, zone.period);
            // Or the other way round: the zone's whole year beside the parks' parts of it.
            let words = if zone.period.is_some() { s.zone_part_of_year } else { s.zone_whole_year };
            lines.push(words.replace("{zone}", &zone_name(ctx)).replace("{when}", &when));
        } else if let Some(zone) = &series.zone {
            let mut value = value_with_unit(zone.value, zone.qualifier, unit);
            // Marked as a bar's label is when another figure is stated for its year: the zone
            // has no tooltip to list it, but the key says what the mark means.
            if !zone.stated_otherwise.is_empty() {
                value = format!("{value} {}", s.differs_mark);
            }
            // With the part of the year and the divisor's year: a first quarter must not pass
            // for the whole year the bars show.
            let mut when = figure_when(ctx.language, zone.year, zone.period, zone.divisor_year);
            // No sign says "preliminary": the words do, as on a bar's label.
            if zone.preliminary || zone.qualifier == Qualifier::Preliminary {
                when = crate::i18n::and_preliminary(ctx.language, &when);
            }
            let template =
                if zone_fits(series, choice.log_scale) && drawn(zone.value) { s.zone_line } else { s.zone_figure };
            lines.push(template.replace("{zone}", &zone_name(ctx)).replace("{value}", &value).replace("{when}", &when));
        }
        // Benchmarks asked for and none drawn: said why, not left for the user to wonder at.
        let none_drawn = series.median.is_none() && series.zone.is_none() && !series.zone_divisor_across_boundary;
        if none_drawn && !series.bars.is_empty() {
            lines.push(s.no_median_line.replace("{n}", &MEDIAN_BARS.to_string()));
            if ctx.dataset.zone.is_some() {
                lines.push(s.no_zone_line.replace("{zone}", &zone_name(ctx)));
            }
        }
        if !lines.is_empty() {
            notes.push(lines.join(clause_separator(ctx.language)));
        }
    }
    notes
}

/// What the coloured bars among the drawn ones are, the pinned parks' and the selected one's:
/// on a slide or an exported picture nothing else says why two bars stand out. None when no
/// drawn bar is coloured, or the chart is of the pinned parks (its scope line says so).
fn coloured_bars_key(
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    series: &BarSeries,
    limit: usize,
) -> Option<&'static str> {
    if choice.scope == crate::state::PlotScope::Pinned {
        return None;
    }
    let drawn = || series.bars.iter().take(limit);
    let pinned = drawn().any(|bar| ctx.pinned.contains(&bar.park));
    let selected =
        ctx.selected.filter(|park| !ctx.pinned.contains(park)).is_some_and(|park| drawn().any(|bar| &bar.park == park));
    let s = strings(ctx.language);
    match (pinned, selected) {
        (true, false) => Some(s.coloured_bars_pinned),
        (false, true) => Some(s.coloured_bar_selected),
        (true, true) => Some(s.coloured_bars_pinned_and_selected),
        (false, false) => None,
    }
}

/// The notes above the chart, the mixed-years warning in the warning colour.
fn notes_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    series: &BarSeries,
    unit: &DisplayUnit,
    limit: usize,
) {
    let s = strings(ctx.language);
    let warnings = [s.mixed_years, s.mixed_periods, s.mixed_years_and_periods];
    for note in notes(ctx, choice, series, unit, limit) {
        let text = RichText::new(&note);
        ui.label(if warnings.contains(&note.as_str()) { text.color(ui.visuals().warn_fg_color) } else { text.weak() });
    }
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

/// The zone's own name from the dataset, for its benchmark.
fn zone_name(ctx: &CompareContext<'_>) -> String {
    ctx.dataset
        .zone
        .as_ref()
        .map_or_else(|| strings(ctx.language).zone_benchmark.to_owned(), |zone| zone.name.get(ctx.language).to_owned())
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

/// A bar's value as labelled on it, written `factor` times its value: `>450 (2019)`, with what
/// sets it apart from a whole year's final figure, as the table's cell says it: `16.77 (2014
/// Jan–Nov)`, `630 (2018, preliminary)`, `6,300（2018年，初步统计）`. The year only when
/// `show_year` (the bars mix years) or a part of it.
fn value_label(bar: &BarDatum, factor: f64, show_year: bool, language: Language) -> String {
    let text = qualified_value(bar.value * factor, bar.qualifier);
    let comma = comma(language);
    let note = match bar.divisor_year {
        // Divided by a figure of another year: both years, "52.91 (2025 ÷ 2012)".
        Some(divisor_year) => {
            let years = figure_when(language, bar.year, bar.period, Some(divisor_year));
            let quality = figure_note((bar.year, None, bar.qualifier), false, language, NoteForm::Full);
            if quality.is_empty() { years } else { format!("{years}{comma}{quality}") }
        }
        None => figure_note((bar.year, bar.period, bar.qualifier), show_year, language, NoteForm::Full),
    };
    // A preliminary figure divided by a bound: "<0.5644 (2018 ÷ 2020, preliminary)".
    let note = match (bar.preliminary, note.is_empty()) {
        (false, _) => note,
        (true, true) => qualifier_name(language, Qualifier::Preliminary).to_owned(),
        (true, false) => format!("{note}{comma}{}", qualifier_name(language, Qualifier::Preliminary)),
    };
    text + &after_value(&note, language, NoteForm::Full)
}

/// A bar's park, value, year and quality, what a quotient divides, its sources and its
/// figures' notes, one per line, and the values other sources state for its figure.
fn bar_tooltip(ctx: &CompareContext<'_>, bar: &BarDatum, unit: &DisplayUnit) -> String {
    let s = strings(ctx.language);
    let mut lines = vec![
        park_name(ctx.dataset, &bar.park, ctx.language),
        value_with_unit(bar.value, bar.qualifier, unit),
        format!(
            "{} · {}",
            period_label(ctx.language, bar.year, bar.period),
            qualifier_name(ctx.language, bar.qualifier)
        ),
    ];
    if bar.preliminary {
        lines[2] = format!("{} · {}", lines[2], qualifier_name(ctx.language, Qualifier::Preliminary));
    }
    // A quotient with what it divides, each figure as stated: "= 630 bn yuan (2018,
    // preliminary) ÷ 26.1 km² (2012)".
    let stated: Vec<String> =
        bar.rests_on.iter().filter_map(|obs| figure_stated(ctx.dataset, obs, ctx.language)).collect();
    if let [figure, divisor] = stated.as_slice() {
        lines.push(format!("= {figure} ÷ {divisor}"));
    }
    for source in bar.sources.iter().filter_map(|id| ctx.dataset.source(id)) {
        lines.push(format!("{}{}", s.source, source_cited(source, ctx.language)));
    }
    // A caveat on either figure ("includes another area", "the year is not stated"), which the
    // profile marks with a *: a bar quoted without it reads as plain fact. Of a quotient, each
    // says whose it is, and one note of both is said once.
    let mut notes: Vec<String> = Vec::new();
    for obs in &bar.rests_on {
        let Some(note) = obs.note_in(ctx.language) else { continue };
        let label = if bar.rests_on.len() > 1 {
            format!("{} ({})", s.note, metric_name(ctx.dataset, &obs.metric, ctx.language))
        } else {
            s.note.to_owned()
        };
        if !notes.iter().any(|said| said.ends_with(note)) {
            notes.push(labelled(ctx.language, &label, note));
        }
    }
    lines.extend(notes);
    let park = ctx.dataset.park(&bar.park);
    let alike = park
        .zip(bar.rests_on.first())
        .map(|(park, figure)| alike_sources(ctx.dataset, &park.observations, figure, ctx.language))
        .unwrap_or_default();
    if !alike.is_empty() {
        lines.push(format!("{}:", s.same_figure_from));
        lines.extend(alike);
    }
    // As stated, in the metric's own unit, even when the bars are divided; a divisor's under
    // its own name and year, which may not be the bar's.
    let (own, of_divisor): (Vec<&crate::model::Observation>, Vec<_>) = bar
        .stated_otherwise
        .iter()
        .partition(|other| bar.rests_on.first().is_none_or(|obs| obs.metric == other.metric));
    let own = other_values(ctx.dataset, own, ctx.language);
    if !own.is_empty() {
        lines.push(format!("{}:", s.also_stated));
        lines.extend(own);
    }
    if let Some(divisor) = bar.rests_on.get(1) {
        let others = other_values(ctx.dataset, of_divisor, ctx.language);
        if !others.is_empty() {
            let heading = s
                .also_stated_divisor
                .replace("{metric}", &metric_name(ctx.dataset, &divisor.metric, ctx.language))
                .replace("{year}", &divisor.year.to_string());
            lines.push(format!("{heading}:"));
            lines.extend(others);
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::model::{Language, MetricId};
    use crate::state::FilterState;
    use crate::state::series::bar_series;

    /// The tooltip of `park`'s bar of `metric`, divided by `divide_by`, in `language`.
    fn tooltip(metric: &str, divide_by: Option<&str>, park: &str, language: Language) -> String {
        tooltip_of(&small_dataset(), metric, divide_by, park, language)
    }

    /// The same of `dataset`.
    fn tooltip_of(
        dataset: &crate::model::Dataset,
        metric: &str,
        divide_by: Option<&str>,
        park: &str,
        language: Language,
    ) -> String {
        let mut choice = PlotChoice::for_dataset(dataset);
        choice.metric = MetricId::new(metric);
        choice.divide_by = divide_by.map(MetricId::new);
        let parks: Vec<ParkId> = dataset.parks.iter().map(|park| park.id.clone()).collect();
        let series = bar_series(dataset, &parks, &choice);
        let bar = series.bars.iter().find(|bar| bar.park.as_str() == park).expect("the park's bar");
        let filter = FilterState::default();
        let ctx = crate::views::plots::desk_context(dataset, &filter, language);
        bar_tooltip(&ctx, bar, &value_unit(&ctx, &choice))
    }

    /// A bar quoted from its tooltip carries its figure's caveat, in the window's language, and
    /// a quotient names what it divides: a per-km² figure resting on another area than the
    /// table's could not be worked back.
    #[test]
    fn a_bars_tooltip_gives_its_figures_note_and_what_a_quotient_divides() {
        let loss = tooltip("total_profit", None, "alpha", Language::En);
        assert!(loss.lines().any(|line| line == "Note: A loss."), "{loss}");
        let loss = tooltip("total_profit", None, "alpha", Language::Zh);
        assert!(loss.lines().any(|line| line == "注：亏损。"), "{loss}");
        let per_area = tooltip("total_income", Some("planned_area"), "alpha", Language::En);
        assert!(
            per_area.lines().any(|line| line == "= 630 bn yuan (2018, preliminary) ÷ 26.1 km² (2012)"),
            "{per_area}"
        );
        assert!(!per_area.contains("Note"), "no note where the figures have none: {per_area}");
    }

    /// The key under divided bars names the divisor only where a mark is a divisor's: alpha's
    /// income of 2018 stated twice is marked for itself.
    #[test]
    fn the_key_names_the_divisor_only_where_a_mark_is_its() {
        let key_of = |edit: &dyn Fn(&mut crate::model::Park)| {
            let mut dataset = small_dataset();
            edit(dataset.parks.iter_mut().find(|park| park.id.as_str() == "alpha").expect("alpha"));
            let mut choice = PlotChoice::for_dataset(&dataset);
            choice.metric = MetricId::new("total_income");
            choice.divide_by = Some(MetricId::new("planned_area"));
            let parks: Vec<ParkId> = dataset.parks.iter().map(|park| park.id.clone()).collect();
            let series = bar_series(&dataset, &parks, &choice);
            let filter = FilterState::default();
            let ctx = crate::views::plots::desk_context(&dataset, &filter, Language::En);
            notes(&ctx, &choice, &series, &value_unit(&ctx, &choice), 40).into_iter().find(|note| note.starts_with('≠'))
        };
        // Another source's 2012 area beside alpha's, or another 2018 income beside its 630.
        let stated_twice = |metric: &'static str, year: i32, value: f64| {
            move |park: &mut crate::model::Park| {
                let stated = park.observations.iter().find(|o| o.metric.as_str() == metric && o.year == year);
                let other = stated.expect("a figure of alpha's").clone();
                let other = crate::model::Observation { value, source: crate::model::SourceId::new("s2"), ..other };
                park.observations.insert(0, other);
            }
        };
        let s = strings(Language::En);
        assert_eq!(key_of(&stated_twice("planned_area", 2012, 25.0)).as_deref(), Some(s.differs_note_divided));
        let income = key_of(&stated_twice("total_income", 2018, 600.0));
        assert_eq!(income.as_deref(), Some(s.differs_note));
        assert_eq!(key_of(&|_: &mut crate::model::Park| {}), None);
    }

    /// Another value of a quotient's divisor is listed under the divisor's name and year, not
    /// as if stated for the bar's year and metric.
    #[test]
    fn a_quotients_tooltip_lists_its_divisors_other_value_under_the_divisor() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|park| park.id.as_str() == "alpha").expect("alpha");
        let area = alpha.observations.iter().find(|o| o.metric.as_str() == "planned_area").expect("an area").clone();
        alpha
            .observations
            .insert(0, crate::model::Observation { value: 25.0, source: crate::model::SourceId::new("s2"), ..area });
        let per_area = tooltip_of(&dataset, "total_income", Some("planned_area"), "alpha", Language::En);
        let lines: Vec<&str> = per_area.lines().collect();
        let heading = lines.iter().position(|line| *line == "Also stated for Planned area in 2012:").expect(&per_area);
        assert!(lines.get(heading + 1).is_some_and(|line| line.starts_with("25 km²")), "{per_area}");
        assert!(!per_area.contains("Also stated for the same year"), "{per_area}");
    }
}
