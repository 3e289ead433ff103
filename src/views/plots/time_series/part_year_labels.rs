//! The year and months written beside a time series' part-year points.

use egui::{Rect, Sense, Ui, WidgetInfo, pos2, vec2};
use egui_plot::PlotPoint;

use super::super::{CompareContext, park_text_colour, scaled};
use super::{LineEnds, PRESENTED_EMPHASIS, is_total_to_date, marker_radius};
use crate::state::ParkColours;
use crate::state::series::{ParkTimeSeries, TimePoint};

/// How far from its point, in points, a part-year label may reach: its gap and its text (a
/// Chinese "2020年1–11月" at a slide's size is about 110).
const LABEL_REACH: f32 = 200.0;

/// The most part-year points labelled with their year and months; the others are told by the
/// key and the tooltips.
const MOST_PART_YEAR_LABELS: usize = 8;

/// Writes beside each part-year point of the named parks its year and months ("2020 Jan–May"):
/// drawn before its year's tick (it covers the year's first months), a diamond alone read as a
/// figure of the year before, from the back of a room where no tooltip shows. Right of its
/// point, else left of, above or below it; a label that would cover a marker of `series` or
/// another label is left out. The latest first, up to [`MOST_PART_YEAR_LABELS`]: a recent
/// part-year figure is the one a room takes for the year before's.
pub(super) fn part_year_labels_ui(
    ui: &Ui,
    ctx: &CompareContext<'_>,
    colours: &ParkColours,
    series: &[ParkTimeSeries],
    ends: &LineEnds<'_>,
) {
    let mut points: Vec<(&ParkTimeSeries, &TimePoint)> = (ends.labelled.iter())
        .flat_map(|s| s.loose.iter().filter(|p| p.period.is_some() && !is_total_to_date(p)).map(move |p| (*s, p)))
        .collect();
    if points.is_empty() {
        return;
    }
    points.sort_by(|a, b| b.1.x.total_cmp(&a.1.x));
    let frame = *ends.transform.frame();
    let font = egui::TextStyle::Small.resolve(ui.style());
    let painter = ui.painter().with_clip_rect(frame);
    let on_screen = |point: &TimePoint| {
        let y = scaled(point.value, ends.log)?;
        Some(ends.transform.position_from_point(&PlotPoint::new(point.x, y)))
    };
    // Every marker a label could reach (a label's widest from a labelled point: at 10,000
    // parks the others are not placed on screen each frame), as large as the largest is drawn:
    // a label must not hide a figure.
    let marker = vec2(2.0, 2.0) * (PRESENTED_EMPHASIS * 4.5 + 1.0);
    let reach = f64::from(LABEL_REACH) * ends.transform.dvalue_dpos()[0].abs();
    let near = |x: f64| points.iter().any(|(_, point)| (point.x - x).abs() <= reach);
    let mut taken: Vec<Rect> = (series.iter().flat_map(ParkTimeSeries::points))
        .filter(|point| near(point.x))
        .filter_map(|point| Some(Rect::from_center_size(on_screen(point)?, marker)))
        .collect();
    let mut labelled = 0;
    for (park_series, point) in points {
        if labelled == MOST_PART_YEAR_LABELS {
            break;
        }
        let Some(at) = on_screen(point) else { continue };
        let text = crate::i18n::period_label(ctx.language, point.year, point.period);
        let colour = park_text_colour(colours, ui.visuals(), &park_series.park);
        let galley = painter.layout_no_wrap(text, font.clone(), colour);
        // Clear of its own marker as the others are kept clear of: as large as the largest.
        let gap = (marker_radius(ctx, colours, park_series) + 3.0).max(marker.x / 2.0 + 1.0);
        let right = Rect::from_min_size(pos2(at.x + gap, at.y - galley.size().y / 2.0), galley.size());
        let left = right.translate(vec2(-(galley.size().x + 2.0 * gap), 0.0));
        let above = Rect::from_center_size(at - vec2(0.0, gap + galley.size().y / 2.0), galley.size());
        let below = above.translate(vec2(0.0, 2.0 * gap + galley.size().y));
        // Inside the frame with its ground and a point to spare: one touching the frame's edge
        // sat on the frame line, against the axis's year labels.
        let inside = frame.shrink(2.0);
        let free =
            |rect: &Rect| inside.contains_rect(rect.expand(1.0)) && !taken.iter().any(|other| other.intersects(*rect));
        let Some(rect) = [right, left, above, below].into_iter().find(free) else { continue };
        taken.push(rect);
        labelled += 1;
        let name = galley.text().to_owned();
        // On the chart's own ground, so that a line passing under it does not cross it out.
        let ground = ui.visuals().extreme_bg_color.gamma_multiply(0.85);
        painter.rect_filled(rect.expand(1.0), 2.0, ground);
        painter.galley(rect.min, galley, colour);
        // Read out, as the names at the lines' ends are.
        let id = ui.scope_id().with(("part_year_label", &park_series.park, point.year, point.period));
        ui.interact(rect, id, Sense::hover()).widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
    }
}
