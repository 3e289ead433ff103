//! Scatter plot: two metrics against each other, a point per park, a third metric as bubble
//! size. The pinned, selected and largest parks are coloured and named beside their point,
//! inside the plot; the others are grey context, named only while hovered or when the points
//! are few. Many points are drawn as plain dots in batches, very many as a density layer
//! (`density.rs`).

mod axis_room;
mod facts;
mod texts;

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, Rect, RichText, Sense, Stroke, Ui, Vec2, Visuals, WidgetInfo};
use egui_plot::{MarkerShape, Plot, PlotPoint, PlotPoints, PlotTransform, PlotUi, Points};

use super::axes::{
    AxisText, Direction, ValueAxis, cut_axis_title, horizontal_title_room, value_axis, vertical_title_room,
};
use super::density::add_density;
use super::labels::{PointLabel, place_point_labels};
use super::{
    CompareContext, chart_font, chart_height, metric_name, metric_unit, park_colour, park_name, park_text_colour,
};
use crate::i18n::{cross_key_lines, strings};
use crate::model::{MetricId, ParkId};
use crate::state::series::{CrossKey, ScatterPoint};
use crate::state::takeaway::in_sentence;
use crate::state::{Action, ParkColours, PlotChoice};
use crate::theme::{context_colour, density_colour, plain_bar_colour};
use crate::views::focus::outline_if_focused;
use crate::views::remembered::remembered;
use crate::views::widgets::hover::hover_text;
use axis_room::with_margins;
use facts::{
    EMPHASIS_RADIUS, MAX_DOTS, MAX_LABELLED_POINTS, PointFacts, is_hedged_point, is_part_year_point, largest_size,
};
use texts::{axis_title, figure_text, point_tooltip};

/// The room a marker at zero is given below it, as a multiple of its reach: the plot is a
/// little shorter than the room it is given (its axes' labels take some), so a bare reach would
/// still cut the marker's edge.
const MARKER_ROOM_SLACK: f32 = 1.25;
/// Up to this many points the grey ones are named too, where the coloured parks' names leave
/// room: on a slide an unnamed point is a question the audience cannot ask.
const NAME_EVERY_POINT_UP_TO: usize = 12;

/// A name shortened to fit beside its bubble keeps at least this many characters (then "…"):
/// fewer no longer tell the park.
const SHORTEST_NAME_CHARS: usize = 10;

/// Draws `points`; hovering one lists its figures. `revision` is the plot's
/// ([`crate::state::PlotView::revision`]): what is worked out of the points once is kept under
/// it ([`PointFacts`]).
pub(super) fn scatter_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    (points, revision): (&[ScatterPoint], u64),
    colours: &ParkColours,
    footer: f32,
    actions: &mut Vec<Action>,
) {
    let s = strings(ctx.language);
    let log = choice.log_scale;
    let id = ui.scope_id().with("scatter_point_facts");
    let facts = remembered(ui.ctx(), id, (revision, log), |_| Arc::new(PointFacts::new(points, colours, log)));
    // The points the scale can show (a log scale drops values not above zero): the density
    // layer is chosen by their number, here for the legend as in `add_points`.
    let drawable = facts.positions.len();
    let bubbles = facts.bubbles;
    let legend = if drawable > MAX_DOTS {
        let not_sized =
            choice.size_metric.as_ref().map(|size| s.scatter_not_sized.replace("{metric}", &axis_title(ctx, size)));
        Some(format!("{}{}", s.scatter_density, not_sized.unwrap_or_default()))
    } else {
        choice.size_metric.as_ref().map(|size| {
            if points.len() > MAX_LABELLED_POINTS {
                s.scatter_plain_dots
                    .replace("{max}", &MAX_LABELLED_POINTS.to_string())
                    .replace("{metric}", &axis_title(ctx, size))
            } else if let Some(largest) = largest_size(points).filter(|_| bubbles.sized()) {
                // What the largest bubble stands for, as the map's key says of its largest
                // marker: without it an area can be compared but not read as a number.
                let largest = figure_text(ctx, size, largest, None);
                s.scatter_legend
                    .replace("{metric}", &metric_name(ctx.dataset, size, ctx.language))
                    .replace("{value}", &largest)
            } else {
                s.scatter_no_size_above_zero.replace("{metric}", &axis_title(ctx, size))
            }
        })
    };
    // The named parks' marks (see `point_labels_ui`) are explained with the legend.
    let named = |p: &ScatterPoint| colours.slot(&p.park).is_some() || ctx.hovered == Some(&p.park);
    let marked = facts.stated_otherwise.iter().any(|&i| points.get(i).is_some_and(named));
    let differs_note = marked.then_some(s.differs_note.to_owned());
    // The marks drawn, each explained: a hollow marker (as the time series's), a cross for a
    // park without a figure to size it by, which a small bubble would pass off as a small value.
    let hollow = (drawable <= MAX_DOTS && points.iter().any(is_hedged_point)).then(|| s.hollow_marker_key.to_owned());
    // Diamonds only on points drawn one by one: few, or coloured.
    let single = |p: &ScatterPoint| bubbles.bubbles || colours.slot(&p.park).is_some();
    let diamond = (drawable <= MAX_DOTS && points.iter().any(|p| single(p) && is_part_year_point(p)))
        .then(|| s.part_year_marker_key.to_owned());
    let crosses = choice.size_metric.as_ref().into_iter().flat_map(|size| {
        let metric = in_sentence(&metric_name(ctx.dataset, size, ctx.language), ctx.language);
        let key = CrossKey::of(points.iter().map(|p| (&p.park, bubbles.why_crossed(p))));
        let park_names =
            |parks: &[&ParkId]| parks.iter().map(|park| park_name(ctx.dataset, park, ctx.language)).collect();
        cross_key_lines(&key, &metric, park_names, ctx.language)
    });
    let legend_line: Vec<String> =
        legend.into_iter().chain(hollow).chain(diamond).chain(crosses).chain(differs_note).collect();
    if !legend_line.is_empty() {
        ui.label(RichText::new(legend_line.join(" · ")).small().weak());
    }
    let height = chart_height(ui, footer);
    let text = AxisText::new(ui);
    let visuals = ui.visuals().clone();
    let plot = Plot::new(("scatter", choice.x_metric.as_str(), choice.y_metric.as_str()))
        .height(height)
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        // The margins are made below (`with_margins`), so that an axis of a metric that cannot
        // be negative stops at zero.
        .set_margin_fraction(egui::vec2(0.0, 0.0));
    let cannot_be_negative =
        |id: &MetricId| !log && ctx.dataset.metric(id).is_some_and(|metric| !metric.allows_negative);
    // Each marker's reach as a share of an axis's length (about the plot's size: the axes'
    // labels take a little of it, hence the slack), so a marker at zero shows whole.
    let share_of = |reach: f32, length: f32| f64::from(MARKER_ROOM_SLACK * reach / length.max(1.0));
    let (width, x_negative, y_negative) =
        (ui.available_width(), cannot_be_negative(&choice.x_metric), cannot_be_negative(&choice.y_metric));
    let placed = || facts.positions.iter().zip(&facts.reaches);
    let plot = with_margins(
        plot,
        Direction::Horizontal,
        placed().map(|((_, at), &reach)| (at.x, share_of(reach, width))),
        x_negative,
    );
    let plot = with_margins(
        plot,
        Direction::Vertical,
        placed().map(|((_, at), &reach)| (at.y, share_of(reach, height))),
        y_negative,
    );
    let [lowest_x, lowest_y] = facts.lowest;
    let axis = |id: &MetricId, title, lowest_tick| ValueAxis {
        title,
        factor: metric_unit(ctx.dataset, id, ctx.language).factor,
        log_scale: log,
        lowest_tick,
    };
    let x_name = metric_name(ctx.dataset, &choice.x_metric, ctx.language);
    let x_unit = metric_unit(ctx.dataset, &choice.x_metric, ctx.language).name;
    let x_title = cut_axis_title(ui, &x_name, &x_unit, horizontal_title_room(ui));
    let plot = value_axis(plot, Direction::Horizontal, &text, axis(&choice.x_metric, x_title, lowest_x));
    let y_name = metric_name(ctx.dataset, &choice.y_metric, ctx.language);
    let y_unit = metric_unit(ctx.dataset, &choice.y_metric, ctx.language).name;
    let y_title = cut_axis_title(ui, &y_name, &y_unit, vertical_title_room(ui, height));
    let plot = value_axis(plot, Direction::Vertical, &text, axis(&choice.y_metric, y_title, lowest_y));
    let response = plot.show(ui, |plot_ui| {
        add_points(plot_ui, ctx, (colours, &visuals), points, &facts);
        point_under_pointer(plot_ui, points, &facts)
    });
    let hovered = response.inner;
    outline_if_focused(ui, &response.response);
    let unnamed = point_labels_ui(ui, ctx, colours, (points, &facts), &response.transform, actions);
    unnamed_key_ui(ui, ctx, colours, &unnamed);
    // Only while the plot itself is under the pointer: not through a dialog over it.
    if let Some(point) = hovered
        && response.response.hovered()
    {
        actions.push(Action::Hover(point.park.clone()));
        if response.response.clicked() {
            actions.push(Action::Select(point.park.clone()));
        }
        response.response.on_hover_text_at_pointer(point_tooltip(ctx, choice, point));
    }
}

/// Whether `point` is drawn larger: its park is hovered or selected
/// ([`CompareContext::emphasised`]).
fn emphasised(ctx: &CompareContext<'_>, point: &ScatterPoint) -> bool {
    ctx.emphasised(&point.park)
}

/// Draws every point a scale can show: grey context first (in batches when there are many, as
/// a density layer when very many), then the coloured parks, most important on top, the
/// hovered or selected park larger.
fn add_points(
    plot_ui: &mut PlotUi<'_>,
    ctx: &CompareContext<'_>,
    (colours, visuals): (&ParkColours, &Visuals),
    points: &[ScatterPoint],
    facts: &PointFacts,
) {
    let bubbles = facts.bubbles;
    if let Some(density) = &facts.density {
        let id = plot_ui.response().id.with("density");
        add_density(plot_ui, id, density, density_colour(visuals));
    } else if !bubbles.bubbles {
        // Grey context: one batch per fill when there are many.
        let grey = context_colour(visuals);
        for filled in [true, false] {
            let batch: Vec<[f64; 2]> = facts
                .drawn(points)
                .filter(|((p, _), coloured)| !coloured && is_hedged_point(p) != filled)
                .map(|((_, at), _)| [at.x, at.y])
                .collect();
            plot_ui.points(
                Points::new("", PlotPoints::from(batch)).id(("context", filled)).radius(2.5).filled(filled).color(grey),
            );
        }
    }
    // Each point on its own, most important last (on top); with many points only the coloured
    // ones, which are few.
    let mut single: Vec<(&ScatterPoint, PlotPoint)> =
        facts.drawn(points).filter(|(_, coloured)| bubbles.bubbles || *coloured).map(|(drawn, _)| drawn).collect();
    single.sort_by_key(|(p, _)| (emphasised(ctx, p), colours.rank(&p.park).map(|rank| usize::MAX - rank)));
    for (point, at) in single {
        let coloured = colours.slot(&point.park).is_some();
        let radius = bubbles.radius(point) + if emphasised(ctx, point) { EMPHASIS_RADIUS } else { 0.0 };
        // OWID's points are 0.8 opaque, so overlapping bubbles still show each other. A park
        // without a colour is in the bars' plain grey, not the context grey of the lines and
        // dots behind: a point of its own in that grey all but vanished on a projector (1.4:1).
        let colour = if coloured { park_colour(colours, visuals, &point.park) } else { plain_bar_colour(visuals) };
        let colour = colour.gamma_multiply(if coloured { 0.9 } else { 0.8 });
        let crossed = bubbles.why_crossed(point).is_some();
        let shape = match (crossed, is_part_year_point(point)) {
            (true, _) => MarkerShape::Cross,
            (false, true) => MarkerShape::Diamond,
            (false, false) => MarkerShape::Circle,
        };
        let marker = |shape, filled, id| {
            Points::new("", PlotPoints::from(vec![[at.x, at.y]]))
                .id(("point", point.park.as_str(), id))
                .radius(radius)
                .filled(filled)
                .shape(shape)
                .color(colour)
        };
        plot_ui.points(marker(shape, !is_hedged_point(point), 0));
        // A cross cannot be hollow: a hedged figure's cross is ringed by the hollow marker.
        if crossed && is_hedged_point(point) {
            plot_ui.points(marker(MarkerShape::Circle, false, 1));
        }
    }
}

/// The names of the coloured parks (and the hovered one; with few points, of every park)
/// beside their points, inside the plot, the most important placed first: shortened with "…"
/// where the whole name has no room (whole on hover), a little way off with a leader line
/// where there is none beside the point. Returns the coloured parks left with no room at all,
/// for a key. Hovering a name highlights its park; clicking it selects the park.
fn point_labels_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    colours: &ParkColours,
    (points, facts): (&[ScatterPoint], &PointFacts),
    transform: &PlotTransform,
    actions: &mut Vec<Action>,
) -> Vec<ParkId> {
    let frame = *transform.frame();
    let font = chart_font(ui);
    let bubbles = facts.bubbles;
    let name_every_point = facts.positions.len() <= NAME_EVERY_POINT_UP_TO;
    let hovered = |p: &ScatterPoint| ctx.hovered.is_some_and(|park| park == &p.park);
    let mut named: Vec<(&ScatterPoint, PlotPoint)> = facts
        .drawn(points)
        .filter(|((p, _), coloured)| name_every_point || *coloured || hovered(p))
        .map(|(drawn, _)| drawn)
        .collect();
    // The hovered park, then the coloured ones by importance, then the grey ones.
    named.sort_by_key(|(p, _)| (ctx.hovered != Some(&p.park), colours.rank(&p.park).unwrap_or(usize::MAX)));
    let galleys: Vec<_> = named
        .iter()
        .map(|(p, _)| {
            let grey_context = colours.slot(&p.park).is_none() && ctx.hovered != Some(&p.park);
            let colour =
                if grey_context { ui.visuals().text_color() } else { park_text_colour(colours, ui.visuals(), &p.park) };
            // A park whose point rests on a figure another source states otherwise is marked,
            // as its bar and table cell are; its tooltip lists the other values.
            let mut name = park_name(ctx.dataset, &p.park, ctx.language);
            if !p.stated_otherwise.is_empty() {
                name = format!("{name} {}", strings(ctx.language).differs_mark);
            }
            let shortest: String = name.chars().take(SHORTEST_NAME_CHARS).chain(['…']).collect();
            let shortest = ui.painter().layout_no_wrap(shortest, font.clone(), colour).size().x;
            (ui.painter().layout_no_wrap(name, font.clone(), colour), shortest, colour)
        })
        .collect();
    // No name wider than a third of the plot: a longer one ran across other bubbles, its far
    // end nearer them than its own (it is cut with "…", whole on hover).
    let widest = frame.width() / 3.0;
    let labels: Vec<PointLabel> = named
        .iter()
        .zip(&galleys)
        .map(|((p, at), (galley, shortest, _))| PointLabel {
            centre: transform.position_from_point(at),
            radius: bubbles.reach(p, emphasised(ctx, p)),
            size: Vec2::new(galley.size().x.min(widest.max(*shortest)), galley.size().y),
            min_width: *shortest,
        })
        .collect();
    // The points drawn one by one, which a label should not cover; the density layer's are
    // too many to keep clear of.
    let drawn_points: Vec<Rect> = if facts.positions.len() > MAX_DOTS {
        Vec::new()
    } else {
        facts
            .drawn(points)
            .map(|((p, at), _)| {
                Rect::from_center_size(
                    transform.position_from_point(&at),
                    Vec2::splat(2.0 * bubbles.reach(p, emphasised(ctx, p))),
                )
            })
            .collect()
    };
    let painter = ui.painter_at(frame);
    let spots = place_point_labels(&labels, &drawn_points, frame);
    let mut unnamed = Vec::new();
    for ((((point, _), (galley, _, colour)), label), spot) in named.iter().zip(galleys).zip(&labels).zip(spots) {
        let Some(spot) = spot else {
            if colours.slot(&point.park).is_some() {
                unnamed.push(point.park.clone());
            }
            continue;
        };
        let rect = spot.rect;
        let name = galley.text().to_owned();
        let shortened = rect.width() + 0.5 < galley.size().x;
        let galley = if shortened {
            let mut job = LayoutJob::simple_singleline(name.clone(), font.clone(), colour);
            job.wrap = TextWrapping::truncate_at_width(rect.width());
            ui.painter().layout_job(job)
        } else {
            galley
        };
        if spot.leader {
            // From the bubble's edge to the nearest point of the name.
            let end = rect.expand(2.0).clamp(label.centre);
            let start = label.centre + (end - label.centre).normalized() * label.radius;
            painter.line_segment([start, end], Stroke::new(1.0, colour));
        }
        painter.galley(rect.min, galley, Color32::PLACEHOLDER);
        let response = ui.interact(rect, ui.scope_id().with(("point_label", &point.park)), Sense::click());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
        let response = if shortened { hover_text(response, || &name) } else { response };
        if response.hovered() {
            actions.push(Action::Hover(point.park.clone()));
        }
        if response.clicked() {
            actions.push(Action::Select(point.park.clone()));
        }
    }
    unnamed
}

/// Names the coloured parks the plot had no room to name, each in its colour, under the plot.
fn unnamed_key_ui(ui: &mut Ui, ctx: &CompareContext<'_>, colours: &ParkColours, unnamed: &[ParkId]) {
    if unnamed.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(strings(ctx.language).scatter_unnamed_key).weak());
        for park in unnamed {
            let colour = park_text_colour(colours, ui.visuals(), park);
            ui.label(RichText::new(format!("● {}", park_name(ctx.dataset, park, ctx.language))).color(colour));
        }
    });
}

/// The point whose bubble is nearest the pointer, within a few pixels of its edge.
fn point_under_pointer<'p>(
    plot_ui: &PlotUi<'_>,
    points: &'p [ScatterPoint],
    facts: &PointFacts,
) -> Option<&'p ScatterPoint> {
    let pointer = plot_ui.response().hover_pos()?;
    facts
        .drawn(points)
        .map(|((point, at), _)| (plot_ui.screen_from_plot(at).distance(pointer), point))
        .filter(|(distance, point)| *distance < facts.bubbles.radius(point) + 6.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, point)| point)
}
