//! The year and months written beside a time series' part-year points.

use egui::{Pos2, Rect, Sense, Ui, Vec2, WidgetInfo, pos2, vec2};
use egui_plot::PlotPoint;

use super::super::{CompareContext, park_text_colour, scaled};
use super::{LineEnds, PRESENTED_EMPHASIS, is_total_to_date, marker_radius};
use crate::state::ParkColours;
use crate::state::series::{ParkTimeSeries, TimePoint};
use crate::views::widgets::segment_meets_rect;

/// How far from its point, in points, a part-year label may reach: its gap and its text (a
/// Chinese "2020年1–11月" at a slide's size is about 110).
const LABEL_REACH: f32 = 200.0;

/// The most part-year points labelled with their year and months; the others are told by the
/// key and the tooltips.
const MOST_PART_YEAR_LABELS: usize = 8;

/// Writes beside each part-year point of the named parks its year and months ("2020 Jan–May"):
/// drawn before its year's tick (it covers the year's first months), a diamond alone read as a
/// figure of the year before, from the back of a room where no tooltip shows. Right of its
/// point, else left of, above or below it, else at a corner ([`label_place`]), clear of the
/// named parks' lines where it can be; a label that would cover a marker of `series` or
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
    // The named parks' lines: a label on one reads as that park's, and hides a stretch of it
    // (the grey lines of the others are left to pass under).
    let lines: Vec<[Pos2; 2]> = (ends.labelled.iter().flat_map(|s| s.line_segments()))
        .filter_map(|(a, b)| Some([on_screen(a)?, on_screen(b)?]))
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
        // Inside the frame with its ground and a point to spare: one touching the frame's edge
        // sat on the frame line, against the axis's year labels.
        let Some(rect) = label_place(at, galley.size(), gap, frame.shrink(2.0), &taken, &lines) else { continue };
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

/// Where a label of `size` goes beside its point `at`, `gap` from it: right of the point, left,
/// above, below, then at a corner, the first that stays `inside` with its ground, covers none
/// of `taken` (markers and labels already placed) and crosses none of `lines`; else the first
/// that only covers none of `taken`: a line passing under a label's ground is lost only there,
/// a marker or label under it is lost. `None` when every place covers something.
fn label_place(at: Pos2, size: Vec2, gap: f32, inside: Rect, taken: &[Rect], lines: &[[Pos2; 2]]) -> Option<Rect> {
    let right = Rect::from_min_size(pos2(at.x + gap, at.y - size.y / 2.0), size);
    let left = right.translate(vec2(-(size.x + 2.0 * gap), 0.0));
    let above = Rect::from_center_size(at - vec2(0.0, gap + size.y / 2.0), size);
    let below = above.translate(vec2(0.0, 2.0 * gap + size.y));
    // At a corner the label's nearest corner is `gap` from the point, as its sides are.
    let corner = gap * std::f32::consts::FRAC_1_SQRT_2;
    let upper_right = Rect::from_min_size(pos2(at.x + corner, at.y - corner - size.y), size);
    let lower_right = upper_right.translate(vec2(0.0, 2.0 * corner + size.y));
    let upper_left = upper_right.translate(vec2(-(2.0 * corner + size.x), 0.0));
    let lower_left = lower_right.translate(vec2(-(2.0 * corner + size.x), 0.0));
    let places = [right, left, above, below, upper_right, lower_right, upper_left, lower_left];
    let free =
        |rect: &&Rect| inside.contains_rect(rect.expand(1.0)) && !taken.iter().any(|other| other.intersects(**rect));
    let clear = |rect: &&Rect| !lines.iter().any(|line| segment_meets_rect(*line, rect.expand(1.0)));
    places.iter().filter(free).find(clear).or_else(|| places.iter().find(free)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: Vec2 = vec2(60.0, 14.0);
    const INSIDE: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));

    /// With nothing near, a label goes right of its point.
    #[test]
    fn a_label_goes_right_of_its_point_when_nothing_is_there() {
        let rect = label_place(pos2(100.0, 100.0), SIZE, 5.0, INSIDE, &[], &[]).expect("a place");
        assert_eq!(rect.min, pos2(105.0, 93.0));
    }

    /// A line through the places right and left of the point and one through the place above it
    /// (a dotted line rising through "2006 H1" hid a dot of it at the label's edge) leave it
    /// below, on free ground.
    #[test]
    fn a_label_keeps_clear_of_the_lines_where_it_can() {
        let at = pos2(100.0, 100.0);
        let level = [pos2(0.0, 100.0), pos2(400.0, 100.0)];
        let rising = [pos2(60.0, 90.0), pos2(140.0, 80.0)];
        let rect = label_place(at, SIZE, 5.0, INSIDE, &[], &[level, rising]).expect("a place");
        assert!(rect.min.y > at.y, "below the point: {rect:?}");
        assert!(![level, rising].iter().any(|line| segment_meets_rect(*line, rect)), "{rect:?}");
    }

    /// Crossed by lines everywhere, a label still goes where it covers no marker: right of its
    /// point, or left when a marker is there. Covering markers everywhere, it is left out.
    #[test]
    fn a_label_crossed_everywhere_goes_where_it_covers_no_marker() {
        let at = pos2(100.0, 100.0);
        let lines: Vec<[Pos2; 2]> =
            (0..30).map(|i| [pos2(0.0, 70.0 + 2.0 * i as f32), pos2(400.0, 70.0 + 2.0 * i as f32)]).collect();
        let rect = label_place(at, SIZE, 5.0, INSIDE, &[], &lines).expect("a place");
        assert_eq!(rect.min, pos2(105.0, 93.0), "right, as before");
        let marker_right = Rect::from_center_size(pos2(130.0, 100.0), vec2(8.0, 8.0));
        let rect = label_place(at, SIZE, 5.0, INSIDE, &[marker_right], &lines).expect("a place");
        assert!(rect.max.x < at.x, "left of the point: {rect:?}");
        assert_eq!(label_place(at, SIZE, 5.0, INSIDE, &[INSIDE], &[]), None);
    }

    /// A label never reaches past the frame: at its right edge it goes left.
    #[test]
    fn a_label_at_the_frames_edge_stays_inside() {
        let rect = label_place(pos2(380.0, 100.0), SIZE, 5.0, INSIDE, &[], &[]).expect("a place");
        assert!(INSIDE.contains_rect(rect.expand(1.0)) && rect.max.x < 380.0, "{rect:?}");
    }
}
