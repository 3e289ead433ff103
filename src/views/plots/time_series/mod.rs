//! Time series: one metric over the years, a line per park. Whole years are joined (across years
//! without a figure too: each figure has its marker), a change of the park's area is crossed
//! dotted, part-year figures are loose points, and targets and forecasts are dashed on from the
//! last actual figure.
//!
//! The pinned, selected and largest parks are coloured and named at the right of the plot, level
//! with the end of their line (stacked where they would collide); the others are grey context,
//! named only while hovered.

use egui::{Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, Visuals, WidgetInfo, pos2, vec2};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, PlotTransform, PlotUi, Points};

use super::axes::{AxisText, Direction, ValueAxis, cut_axis_title, value_axis, vertical_title_room, year_x_axis};
use super::labels::{LineLabel, any_moved, stack_line_labels};
use super::{
    CompareContext, chart_font, chart_height, is_hedged, metric_name, metric_unit, park_colour, park_name,
    park_text_colour, scaled,
};
use crate::format::{alike_sources, other_values, source_cited, value_with_unit};
use crate::i18n::{labelled, period_label, qualifier_name, strings};
use crate::model::{DisplayUnit, MetricId, ParkId, stated_otherwise};
use crate::state::series::{ParkTimeSeries, TimePoint};
use crate::state::{Action, ParkColours, PlotChoice};
use crate::views::focus::outline_if_focused;

mod part_year_labels;
use part_year_labels::part_year_labels_ui;

/// Width of the connector from a line's end to its moved label, in points (OWID's 25 px).
const CONNECTOR_WIDTH: f32 = 25.0;

/// A line ending further than this share of the years shown from the last gets a dotted guide
/// to its name: a tenth, about 100 points on a desk chart. At a quarter, lines ending four years
/// early on a 16-year axis were lone points 250 points from their names, told only by colour.
const EARLY_END_SHARE: f64 = 0.1;

/// Whether a line ending at `end` (a year, as the axis places it) ends early among `years`,
/// the first and last shown, and gets a guide to its name. Decided on the years, so that the
/// key above the chart and the guides drawn in it agree.
fn ends_early(end: f64, years: Option<(i32, i32)>) -> bool {
    years.is_some_and(|(first, last)| f64::from(last) - end > EARLY_END_SHARE * f64::from(last - first))
}

/// Room left between a line's last marker and the start of its guide, in points.
const GUIDE_CLEARANCE: f32 = 8.0;

/// Draws a line per park of `series` and names the coloured ones at their ends; hovering a
/// point names its figure and source, hovering or clicking a label its park.
pub(super) fn time_series_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    series: &[ParkTimeSeries],
    colours: &ParkColours,
    footer: f32,
    actions: &mut Vec<Action>,
) {
    let s = strings(ctx.language);
    let log = choice.log_scale;
    let unit = metric_unit(ctx.dataset, &choice.metric, ctx.language);
    let y_name = metric_name(ctx.dataset, &choice.metric, ctx.language);
    // Each kind of marker said where one is drawn: a square explained with no target drawn
    // (targets left out) sent the eye looking for one.
    let drawn = |kind: fn(&ParkTimeSeries) -> bool| series.iter().any(kind);
    let mut key = Vec::new();
    if drawn(|s| s.points().any(|p| is_hedged(p.qualifier))) {
        key.push(s.time_key_hedged);
    }
    if drawn(|s| !s.projections.is_empty()) {
        key.push(s.time_key_projected);
    }
    // A total of all years to date is no part of a year: said as what it is, where drawn.
    match (
        drawn(|s| s.loose.iter().any(|p| p.period.is_some() && !is_total_to_date(p))),
        drawn(|s| s.loose.iter().any(is_total_to_date)),
    ) {
        (true, true) => key.push(s.time_key_part_year_or_total),
        (true, false) => key.push(s.time_key_part_year),
        (false, true) => key.push(s.time_key_total),
        (false, false) => {}
    }
    if series.iter().any(|s| s.boundary_crossings().next().is_some()) {
        key.push(s.boundary_key);
    }
    if series.iter().any(|s| s.stated_otherwise().next().is_some()) {
        key.push(s.stated_otherwise_key);
    }
    let labelled = labelled_series(ctx, series, colours);
    let years = data_years(series);
    // Where the names go: the latest figure the scale draws.
    let drawn_end = |s: &ParkTimeSeries| s.drawn_line_end(|p| scaled(p.value, choice.log_scale).is_some()).map(|p| p.x);
    // The guides are grey and said to be guides: in a park's colour, level with its last
    // figure, they read as that figure holding steady for years.
    if labelled.iter().any(|s| drawn_end(s).is_some_and(|end| ends_early(end, years))) {
        key.push(s.guide_key);
    }
    if !key.is_empty() {
        // A key's first word capitalised, whichever kind leads it.
        let line = key.join(" · ");
        let mut chars = line.chars();
        let line: String = chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default();
        // On a slide at the body's size: the markers and dotted lines mean nothing to a room
        // that cannot read what they are (in small text it was the least legible line).
        let line = if ctx.presenting { RichText::new(line) } else { RichText::new(line).small() };
        ui.label(line.weak());
    }
    let height = chart_height(ui, footer);
    let font = chart_font(ui);
    // The label column: as wide as the longest name, at most a third of the width (OWID).
    let widest = labelled
        .iter()
        .map(|s| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(park_name(ctx.dataset, &s.park, ctx.language), font.clone(), Color32::WHITE).size().x
            })
        })
        .fold(0.0_f32, f32::max);
    let column_width =
        if labelled.is_empty() { 0.0 } else { (widest + CONNECTOR_WIDTH + 8.0).min(ui.available_width() / 3.0) };
    let text = AxisText::new(ui);
    let visuals = ui.visuals().clone();
    let plot = Plot::new(("time", choice.metric.as_str()))
        .height(height)
        .width((ui.available_width() - column_width).max(100.0))
        .allow_scroll(false)
        .show_x(false)
        .show_y(false);
    let plot = year_x_axis(plot, &text, s.year.to_owned(), years);
    let no_negatives = series.iter().flat_map(ParkTimeSeries::points).all(|p| p.value >= 0.0);
    let y_title = cut_axis_title(ui, &y_name, &unit.name, vertical_title_room(ui, height));
    let axis =
        ValueAxis { title: y_title, factor: unit.factor, log_scale: log, lowest_tick: no_negatives.then_some(0.0) };
    let plot = value_axis(plot, Direction::Vertical, &text, axis);
    let (response, column) = ui
        .horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let response = plot.show(ui, |plot_ui| {
                // Grey context first, then the coloured parks, most important on top, the hovered last.
                let mut order: Vec<&ParkTimeSeries> = series.iter().collect();
                order.sort_by_key(|s| {
                    let hovered = ctx.hovered == Some(&s.park);
                    (hovered, colours.rank(&s.park).map(|rank| usize::MAX - rank))
                });
                for park_series in &order {
                    add_park_series(plot_ui, ctx, (colours, &visuals), park_series, log);
                }
                // The hollow markers over every park's lines and filled markers: a ring under
                // another park's filled marker of about the same value would be lost.
                for park_series in &order {
                    let colour = park_colour(colours, &visuals, &park_series.park);
                    add_markers(plot_ui, colour, marker_radius(ctx, colours, park_series), park_series, (log, false));
                }
                nearest_point(plot_ui, series.iter().flat_map(|s| s.points().map(move |p| (&s.park, p))), log)
            });
            let (column, _) = ui.allocate_exact_size(vec2(column_width, height), Sense::hover());
            (response, column)
        })
        .inner;
    // The years added around a short span are empty: a line ending at the data's last year
    // ends there, not early.
    let ends = LineEnds { labelled: &labelled, transform: &response.transform, log, years };
    outline_if_focused(ui, &response.response);
    end_labels_ui(ui, ctx, colours, &ends, column, &font, actions);
    part_year_labels_ui(ui, ctx, colours, series, &ends);
    // Only while the plot itself is under the pointer: not through a dialog over it.
    if let Some((park, point)) = response.inner
        && response.response.hovered()
    {
        actions.push(Action::Hover(park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(park.clone()));
        }
        response.response.on_hover_text_at_pointer(point_tooltip(ctx, (&park, &choice.metric), &point, &unit));
    }
}

/// The first and last year drawn, for the year axis.
fn data_years(series: &[ParkTimeSeries]) -> Option<(i32, i32)> {
    let years = series.iter().flat_map(ParkTimeSeries::points).map(|p| p.year);
    years.fold(None, |span, year| match span {
        None => Some((year, year)),
        Some((first, last)) => Some((first.min(year), last.max(year))),
    })
}

/// The series named at their line ends, most important first: the hovered one (grey or not),
/// then the coloured ones in their order of importance.
fn labelled_series<'s>(
    ctx: &CompareContext<'_>,
    series: &'s [ParkTimeSeries],
    colours: &ParkColours,
) -> Vec<&'s ParkTimeSeries> {
    let mut labelled: Vec<&ParkTimeSeries> = series.iter().filter(|s| colours.slot(&s.park).is_some()).collect();
    labelled.sort_by_key(|s| colours.rank(&s.park));
    if let Some(hovered) = series.iter().find(|s| ctx.hovered == Some(&s.park)) {
        labelled.retain(|s| s.park != hovered.park);
        labelled.insert(0, hovered);
    }
    labelled
}

/// Where the labelled lines end on screen.
struct LineEnds<'a> {
    labelled: &'a [&'a ParkTimeSeries],
    transform: &'a PlotTransform,
    log: bool,
    /// The first and last years of the figures ([`data_years`]).
    years: Option<(i32, i32)>,
}

/// The names of the labelled series in `column`, each level with its line's end, stacked where
/// they would collide, with connectors when any moved; the least important are dropped when
/// the column is full. Hovering a name highlights its line; clicking it selects the park.
fn end_labels_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    colours: &ParkColours,
    ends: &LineEnds<'_>,
    column: Rect,
    font: &FontId,
    actions: &mut Vec<Action>,
) {
    let frame = *ends.transform.frame();
    let (top, bottom) = (frame.top(), frame.bottom());
    let text_x = column.left() + CONNECTOR_WIDTH + 4.0;
    let mut galleys = Vec::new();
    let mut labels = Vec::new();
    for series in ends.labelled {
        let end = series.drawn_line_end(|p| scaled(p.value, ends.log).is_some());
        let Some(end) = end.and_then(|p| Some(PlotPoint::new(p.x, scaled(p.value, ends.log)?))) else {
            continue;
        };
        let end_on_screen = ends.transform.position_from_point(&end);
        let name = park_name(ctx.dataset, &series.park, ctx.language);
        let colour = park_text_colour(colours, ui.visuals(), &series.park);
        let galley = ui.painter().layout(name, font.clone(), colour, (column.right() - text_x).max(40.0));
        labels.push(LineLabel { target_y: end_on_screen.y.clamp(top, bottom), height: galley.size().y });
        galleys.push((series, galley, end_on_screen, ends_early(end.x, ends.years)));
    }
    let centres = stack_line_labels(&labels, top, bottom);
    let connect = any_moved(&labels, &centres);
    let painter = ui.painter().clone();
    let guide_colour = ui.visuals().weak_text_color().gamma_multiply(0.8);
    for ((series, galley, end, early), centre) in galleys.into_iter().zip(centres) {
        let Some(centre_y) = centre else { continue };
        let rect = Rect::from_min_size(pos2(text_x, centre_y - galley.size().y / 2.0), galley.size());
        // A line ending well before the last year is led to its name by a grey dotted guide: a
        // name level with a point far to its left (a park whose figures stop early) read as
        // another line's. Grey, not the park's colour, and keyed: in its colour the guide read
        // as the last figure holding steady.
        if early {
            let guide = [
                pos2(end.x + GUIDE_CLEARANCE, end.y.clamp(top, bottom)),
                pos2(column.left() + 2.0, end.y.clamp(top, bottom)),
            ];
            painter.extend(egui::Shape::dotted_line(&guide, guide_colour, 6.0, 1.0));
        }
        if connect {
            let from = Pos2::new(column.left() + 2.0, end.y.clamp(top, bottom));
            let to = Pos2::new(text_x - 4.0, centre_y);
            painter.line_segment([from, to], Stroke::new(0.5, ui.visuals().weak_text_color()));
        }
        let name = galley.text().to_owned();
        painter.galley(rect.min, galley, Color32::PLACEHOLDER);
        let response = ui.interact(rect, ui.scope_id().with(("line_label", &series.park)), Sense::click());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
        if response.hovered() {
            actions.push(Action::Hover(series.park.clone()));
        }
        if response.clicked() {
            actions.push(Action::Select(series.park.clone()));
        }
    }
}

/// How much wider lines and larger markers are drawn on a slide than on the desk.
const PRESENTED_EMPHASIS: f32 = 1.4;

/// One park's lines and markers: coloured parks in their colour, the others thinner in grey;
/// thicker when hovered or selected, and on a slide.
fn add_park_series(
    plot_ui: &mut PlotUi<'_>,
    ctx: &CompareContext<'_>,
    (colours, visuals): (&ParkColours, &Visuals),
    park_series: &ParkTimeSeries,
    log: bool,
) {
    let park = &park_series.park;
    let colour = park_colour(colours, visuals, park);
    let coloured = colours.slot(park).is_some();
    let width = if ctx.hovered == Some(park) {
        3.5
    } else if ctx.emphasised(park) {
        3.0
    } else if coloured {
        2.0
    } else {
        // Context lines: two thirds of the width (OWID's muted lines).
        1.3
    };
    // From the back of a room a hollow marker (a hedged figure) must still be told from a
    // filled one, and a line from the grid: both larger on a slide than on the desk.
    let emphasis = if ctx.presenting { PRESENTED_EMPHASIS } else { 1.0 };
    let width = width * emphasis;
    let point = |p: &TimePoint| scaled(p.value, log).map(|y| [p.x, y]);
    let id = park.as_str();
    for (i, run) in park_series.runs.iter().enumerate() {
        let line: Vec<[f64; 2]> = run.iter().filter_map(point).collect();
        plot_ui.line(Line::new("", PlotPoints::from(line)).id(("run", id, i)).color(colour).width(width));
    }
    // A stretch of line in `style` through `ends`, keyed by `kind` and its number.
    let segment = |plot_ui: &mut PlotUi<'_>, (kind, i): (&str, usize), ends: &[&TimePoint], style: LineStyle| {
        let points: Vec<[f64; 2]> = ends.iter().copied().filter_map(point).collect();
        plot_ui.line(Line::new("", PlotPoints::from(points)).id((kind, id, i)).color(colour).width(width).style(style));
    };
    // Dotted across a change of the park's ground: the years follow on, the ground does not.
    for (i, (before, after)) in park_series.boundary_crossings().enumerate() {
        segment(plot_ui, ("boundary", i), &[before, after], LineStyle::dotted_loose());
    }
    // Dashed from the last actual figure before each projection.
    for (i, projection) in park_series.projections.iter().enumerate() {
        let from = park_series.runs.iter().flatten().rfind(|p| p.x < projection.x);
        let ends: Vec<&TimePoint> = from.into_iter().chain([projection]).collect();
        segment(plot_ui, ("projection", i), &ends, LineStyle::dashed_loose());
    }
    add_markers(plot_ui, colour, marker_radius(ctx, colours, park_series), park_series, (log, true));
}

/// How large a park's markers are drawn: smaller for a grey park, larger on a slide.
fn marker_radius(ctx: &CompareContext<'_>, colours: &ParkColours, park_series: &ParkTimeSeries) -> f32 {
    let emphasis = if ctx.presenting { PRESENTED_EMPHASIS } else { 1.0 };
    emphasis * if colours.slot(&park_series.park).is_some() { 4.5 } else { 3.0 }
}

/// Circles for whole years (another source's off the line), diamonds for parts of a year,
/// squares for plans; hedged figures and plans hollow. Only the filled markers when `filled`,
/// else only the hollow ones.
fn add_markers(
    plot_ui: &mut PlotUi<'_>,
    colour: Color32,
    radius: f32,
    park_series: &ParkTimeSeries,
    (log, filled): (bool, bool),
) {
    let groups = [
        (park_series.runs.iter().flatten().collect::<Vec<_>>(), MarkerShape::Circle),
        (park_series.loose.iter().filter(|point| point.period.is_some()).collect(), MarkerShape::Diamond),
        // A whole year as a whole year is drawn, off the line: a diamond said "part of a year".
        (park_series.stated_otherwise().collect(), MarkerShape::Circle),
        (park_series.projections.iter().collect(), MarkerShape::Square),
    ];
    for (group, (points, shape)) in groups.into_iter().enumerate() {
        let pts: Vec<[f64; 2]> = points
            .iter()
            .filter(|p| filled == (shape != MarkerShape::Square && !is_hedged(p.qualifier)))
            .filter_map(|p| scaled(p.value, log).map(|y| [p.x, y]))
            .collect();
        if !pts.is_empty() {
            plot_ui.points(
                Points::new("", PlotPoints::from(pts))
                    .id(("markers", park_series.park.as_str(), group, filled))
                    .shape(shape)
                    .radius(radius)
                    .filled(filled)
                    .color(colour),
            );
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

/// A point's park, value, period, quality, source and note, one per line, and what other
/// sources state for the same year, as the bars' and the table's tooltips list it (two points of
/// one year read as a dip or a jump without it).
fn point_tooltip(
    ctx: &CompareContext<'_>,
    (park, metric): (&ParkId, &MetricId),
    point: &TimePoint,
    unit: &DisplayUnit,
) -> String {
    let s = strings(ctx.language);
    let source = ctx.dataset.source(&point.source).map(|src| source_cited(src, ctx.language)).unwrap_or_default();
    let mut tooltip = format!(
        "{}\n{}\n{} · {}\n{}{source}",
        park_name(ctx.dataset, park, ctx.language),
        value_with_unit(point.value, point.qualifier, unit),
        period_label(ctx.language, point.year, point.period),
        qualifier_name(ctx.language, point.qualifier),
        s.source
    );
    if let Some(note) = &point.note {
        tooltip = format!("{tooltip}\n{}", labelled(ctx.language, s.note, note.get(ctx.language)));
    }
    // Looked up when shown: the point is one of the park's figures.
    let park = ctx.dataset.park(park);
    let figure = park.and_then(|park| Some((park, point.reading().observation_in(park, metric)?)));
    // Another source of the same number: the profile lists both, and a tooltip naming one
    // read as if only that one stated it.
    let alike = figure.map(|(park, figure)| alike_sources(ctx.dataset, &park.observations, figure, ctx.language));
    if let Some(alike) = alike.filter(|alike| !alike.is_empty()) {
        tooltip = format!("{tooltip}\n{}:\n{}", s.same_figure_from, alike.join("\n"));
    }
    let others = figure
        .map(|(park, figure)| other_values(ctx.dataset, stated_otherwise(&park.observations, figure), ctx.language));
    if let Some(others) = others.filter(|others| !others.is_empty()) {
        tooltip = format!("{tooltip}\n{}:\n{}", s.also_stated, others.join("\n"));
    }
    tooltip
}

/// Whether a point is a total of all years up to its year, not a figure of one.
fn is_total_to_date(point: &TimePoint) -> bool {
    point.period == Some(crate::model::Period::Cumulative)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::model::{Language, MetricId, Observation};
    use crate::state::FilterState;

    /// Alpha's 2018 income beside a second figure of it, made of its own by `second` (another
    /// source, another value): the point the line goes through, and its tooltip.
    fn tooltip_beside(second: impl FnOnce(Observation) -> Observation) -> (TimePoint, String) {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let own = alpha.observations.iter().find(|o| o.metric.as_str() == "total_income" && o.year == 2018).cloned();
        let Some(own) = own else { panic!("alpha's 2018 income") };
        alpha.observations.push(second(own));
        let parks = [ParkId::new("alpha")];
        let metric = MetricId::new("total_income");
        let (series, _) = crate::state::series::time_series(&dataset, &parks, &metric);
        let on_line = series[0].runs.iter().flatten().find(|p| p.year == 2018).expect("2018 on the line").clone();
        let filter = FilterState::default();
        let ctx = crate::views::plots::desk_context(&dataset, &filter, Language::En);
        let unit = crate::views::plots::metric_unit(&dataset, &metric, Language::En);
        let text = point_tooltip(&ctx, (&parks[0], &metric), &on_line, &unit);
        (on_line, text)
    }

    /// Two figures of one year from two sources: the point on the line lists the other, as the
    /// bars' tooltip does, so the point off the line does not read as a dip or a jump.
    #[test]
    fn a_points_tooltip_lists_what_another_source_states_for_its_year() {
        let (on_line, text) = tooltip_beside(|own| Observation {
            value: 600.0,
            qualifier: crate::model::Qualifier::AtLeast,
            source: crate::model::SourceId::new("s2"),
            ..own
        });
        assert!((on_line.value - 600.0).abs() < 1e-9, "the figure listed last is on the line");
        assert!(text.contains("Also stated for the same year:\n630 bn yuan · Test Office 2019"), "{text}");
    }

    /// The same figure from a second source: the tooltip names both sources, as the profile
    /// lists both, and lists no other value.
    #[test]
    fn a_points_tooltip_names_a_second_source_of_the_same_figure() {
        let (on_line, text) = tooltip_beside(|own| Observation { source: crate::model::SourceId::new("s2"), ..own });
        let other = if on_line.source.as_str() == "s1" {
            "测试办公室, “第二份报告”"
        } else {
            "Test Office 2019, “First report”"
        };
        assert!(text.contains(&format!("The same figure is also stated by:\n{other}")), "{text}");
        assert!(!text.contains("Also stated for the same year"), "{text}");
    }

    /// A point quoted from its tooltip carries its figure's caveat, in the window's language.
    #[test]
    fn a_points_tooltip_gives_its_figures_note() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let (series, _) = crate::state::series::time_series(&dataset, &parks, &MetricId::new("total_profit"));
        let point = series[0].points().next().expect("alpha's loss").clone();
        let filter = FilterState::default();
        for (language, note) in [(Language::En, "Note: A loss."), (Language::Zh, "注：亏损。")] {
            let ctx = crate::views::plots::desk_context(&dataset, &filter, language);
            let unit = crate::views::plots::metric_unit(&dataset, &MetricId::new("total_profit"), language);
            let text = point_tooltip(&ctx, (&parks[0], &MetricId::new("total_profit")), &point, &unit);
            assert!(text.lines().any(|line| line == note), "{text}");
        }
    }
}
