//! The map's legend: a heading naming the classing method, one row per class with its colour,
//! the values it holds and, in brackets, the number of districts in it, a row for districts
//! without data, the marker sizes, and one row per park whose marker is coloured (pinned or
//! selected), its marker beside its name, since the map writes no park names (marked ≠ where
//! its marker's figure is stated otherwise, and said to be outside the filter, its marker
//! hollow, where it is). It is drawn in room of its own (see `layout`), never over the map.

use std::sync::Arc;

use egui::{Color32, Galley, Painter, Pos2, Rect, TextStyle, Ui, Vec2, pos2, vec2};

use super::hatch::hatch_segments;
use super::pane::HATCH_SPACING;
use crate::format::{format_count, format_stated, format_value, round_significant};
use crate::i18n::{class_method_name, cross_key_lines, sentence_gap, strings};
use crate::model::{Language, ParkId};
use crate::state::classify::Classes;
use crate::state::map::{DistrictValue, MapChoice};
use crate::state::series::CrossKey;
use crate::state::takeaway::in_sentence;
use crate::theme::{class_colour, hatch_colour, no_data_colour, no_park_colour};

use super::markers::{MarkerLook, drawn_as_dots, legend_look, marker_figure};
use super::{MapContext, metric_name, metric_unit, park_name};

/// What a row shows before its text.
enum Key {
    /// A class or no-data swatch.
    Swatch(Color32),
    /// A coloured park's marker: a disc, or a cross as the map draws a park without a figure
    /// to size it by.
    Marker { look: MarkerLook, cross: bool },
    /// Nothing: the text starts at the left.
    None,
}

/// One row: its key, then the text.
struct Row {
    key: Key,
    text: Arc<Galley>,
    wraps: Wrap,
}

/// How a row's text wraps.
enum Wrap {
    /// Never: a class's range, a note of the app's own words.
    Never,
    /// At the legend's width: park names, as many and as long as the dataset has.
    AtWidth,
    /// As these lines, each wrapped at the legend's width where it must: the marker key, its
    /// metric's name on one line and the largest figure on the next, rather than broken between
    /// a number and its unit. On one line, a long metric's name made the legend wider than the
    /// room beside or below a map narrowed by the profile, and it was drawn over the map.
    Lines(String),
}

/// The radius of a park's marker in the legend, in points: a small marker's.
const KEY_MARKER_RADIUS: f32 = 5.0;

/// The legend wraps its lists of parks (a coloured park's name, the parks without a figure) and
/// its marker key (a metric's name) at the width of its other rows, but no narrower than this
/// many times the text size (a class row is short): a long park name on one line took the room
/// of the map, which shrank to a third of the slide.
const LEAST_WRAP_EMS: f32 = 20.0;

/// The legend, laid out and ready to draw.
pub(super) struct Legend {
    heading: Arc<Galley>,
    rows: Vec<Row>,
    /// Height of each line, the heading's included.
    line_height: f32,
    /// Height of one line of text, as laid out.
    text_height: f32,
    /// Size of a class swatch.
    swatch: Vec2,
    /// The first row after the classes (the marker key, then the coloured parks): where a
    /// legend in two columns starts its second.
    second_column: usize,
    /// Whether the legend is drawn in two columns (see [`Legend::in_two_columns`]).
    two_columns: bool,
}

/// Space between a legend's two columns, in points.
const COLUMN_GAP: f32 = 16.0;

impl Legend {
    /// Lays out the legend of what `choice` shows, in the ui's body text style.
    pub(super) fn new(ui: &Ui, ctx: &MapContext<'_>, choice: &MapChoice) -> Self {
        let s = strings(ctx.language);
        let font = TextStyle::Body.resolve(ui.style());
        let painter = ui.painter();
        let layout = |text: String| painter.layout_no_wrap(text, font.clone(), Color32::PLACEHOLDER);
        let method = class_method_name(ctx.language, choice.method);
        let heading = layout(s.map_district_classes.replace("{method}", method));
        // "1 park (14 districts)": a count written on the swatch read as the class's number.
        let with_count = |text: String, count: usize| {
            let count = s.districts_count.after(count);
            match ctx.language {
                Language::En => format!("{text} ({count})"),
                Language::Zh => format!("{text}（{count}）"),
            }
        };
        let mut rows = Vec::new();
        if let Some(classes) = &ctx.data.classes {
            for i in 0..classes.breaks.len() {
                let text = match &choice.value {
                    DistrictValue::ParkCount => {
                        let range = class_range(classes, i, ClassValues::Counts, ctx.language);
                        let template = if range == "1" { s.parks_count.one } else { s.parks_count.other };
                        template.replace("{n}", &range)
                    }
                    DistrictValue::MetricSum(metric) => {
                        let unit = metric_unit(ctx, metric);
                        crate::format::with_unit(
                            class_range(classes, i, ClassValues::Scaled(unit.factor), ctx.language),
                            &unit.name,
                        )
                    }
                };
                let count = classes.counts.get(i).copied().unwrap_or(0);
                let fill = class_colour(classes, i);
                rows.push(Row { key: Key::Swatch(fill), text: layout(with_count(text, count)), wraps: Wrap::Never });
            }
        }
        // Park counts always exist (zero is a count), so only sums can lack data; a row of
        // none is left out, as the row of districts without a park is.
        if matches!(choice.value, DistrictValue::MetricSum(_)) {
            let no_data = ctx.data.no_data_count();
            if no_data > 0 {
                rows.push(Row {
                    key: Key::Swatch(no_data_colour()),
                    text: layout(with_count(s.no_data.to_owned(), no_data)),
                    wraps: Wrap::Never,
                });
            }
            // Districts with no park to sum, apart from those whose parks lack figures.
            let no_park = ctx.data.no_park_count();
            if no_park > 0 {
                rows.push(Row {
                    key: Key::Swatch(no_park_colour()),
                    text: layout(with_count(super::without_value(ctx).to_owned(), no_park)),
                    wraps: Wrap::Never,
                });
            }
        }
        let markers = &ctx.data.markers;
        if drawn_as_dots(markers.len()) {
            rows.push(Row {
                key: Key::None,
                text: layout(format!("• {}", s.map_dots.replace("{n}", &format_count(markers.len())))),
                wraps: Wrap::Never,
            });
        } else if let Some(metric) = &choice.marker_metric {
            // The measure named: "largest 10,000 enterprises" alone does not say which count.
            // Stated as the largest marker's figure is, with its year, as other parks' figures
            // may be of other years: "largest >10,000 enterprises (2012)". None when no figure
            // is above zero: every marker is then a cross, explained below.
            if let Some(largest) = ctx.data.largest().and_then(|largest| marker_figure(ctx, metric, largest)) {
                let head = s.map_marker_key.replace("{metric}", &metric_name(ctx, metric));
                let largest = s.map_marker_largest.replace("{value}", &largest);
                let text = layout(format!("{head}{}{largest}", sentence_gap(ctx.language)));
                rows.push(Row { key: Key::None, text, wraps: Wrap::Lines(format!("{head}\n{largest}")) });
            }
            // Each reason for a cross that some marker has, explained.
            let crosses = CrossKey::of(markers.iter().map(|marker| (&marker.park, ctx.data.why_crossed(marker))));
            let metric = in_sentence(&metric_name(ctx, metric), ctx.language);
            let names = |parks: &[&ParkId]| parks.iter().map(|park| park_name(ctx, park)).collect::<Vec<_>>();
            for text in cross_key_lines(&crosses, &metric, names, ctx.language) {
                rows.push(Row { key: Key::None, text: layout(text), wraps: Wrap::AtWidth });
            }
        }
        // A coloured park whose marker rests on a figure another source states otherwise is
        // marked, as its bar and table cell are, and the mark explained; its tooltip lists the
        // other values.
        let mut any_marked = false;
        for park in ctx.picked() {
            let mut name = park_name(ctx, park);
            // Looked up, not found among thousands of markers.
            let marker = ctx.data.marker(park);
            if marker.is_some_and(|marker| !marker.stated_otherwise.is_empty()) {
                name = format!("{name} {}", s.differs_mark);
                any_marked = true;
            }
            let cross = marker.is_some_and(|marker| ctx.data.lacks_size(marker));
            // A pinned park outside the filter is still drawn, hollow: the legend says why.
            let (look, outside_filter) = legend_look(ctx, park);
            if outside_filter {
                name = s.map_park_outside_filter.replace("{park}", &name);
            }
            rows.push(Row { key: Key::Marker { look, cross }, text: layout(name), wraps: Wrap::AtWidth });
        }
        if any_marked {
            rows.push(Row { key: Key::None, text: layout(s.differs_note_short.to_owned()), wraps: Wrap::Never });
        }
        let line_height = font.size * 1.5;
        let swatch = vec2(1.5 * (line_height - 4.0), line_height - 4.0);
        let indent = swatch.x + line_height / 2.0;
        let key_indent = |key: &Key| if matches!(key, Key::None) { 0.0 } else { indent };
        // A list of parks, a long park name or the marker key wraps at the width of the other
        // rows.
        let fixed = rows
            .iter()
            .filter(|row| matches!(row.wraps, Wrap::Never))
            .map(|row| row.text.size().x + key_indent(&row.key))
            .fold(heading.size().x, f32::max);
        let wrap_width = wrap_width(fixed, font.size);
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|Row { key, text, wraps }| {
                let width = wrap_width - key_indent(&key);
                let text = match &wraps {
                    _ if text.size().x <= width => text,
                    Wrap::Never => text,
                    Wrap::AtWidth => painter.layout(text.text().to_owned(), font.clone(), Color32::PLACEHOLDER, width),
                    Wrap::Lines(lines) => painter.layout(lines.clone(), font.clone(), Color32::PLACEHOLDER, width),
                };
                Row { key, text, wraps }
            })
            .collect();
        let text_height = heading.size().y;
        let second_column = rows.iter().position(|row: &Row| !matches!(row.key, Key::Swatch(..))).unwrap_or(rows.len());
        Self { heading, rows, line_height, text_height, swatch, second_column, two_columns: false }
    }

    /// Lays the legend out in two columns, the classes in the first, the marker key and the
    /// coloured parks in the second, where `two` and there is something for each: shorter, so
    /// that beside a map leaving room across, it and an inset of full size fit in one column
    /// (a tall legend shrank the inset to ×2).
    pub(super) fn set_two_columns(&mut self, two: bool) {
        self.two_columns = two && self.second_column > 0 && self.second_column < self.rows.len();
    }

    /// The room the legend would need in two columns; `None` when it has nothing for a second.
    pub(super) fn size_in_two_columns(&self) -> Option<Vec2> {
        (self.second_column > 0 && self.second_column < self.rows.len()).then(|| {
            let first = self.column_size(&self.rows[..self.second_column], true);
            let second = self.column_size(&self.rows[self.second_column..], false);
            vec2(self.second_column_x() + second.x, first.y.max(second.y))
        })
    }

    /// The width and height of `rows`, under the heading if `with_heading`.
    fn column_size(&self, rows: &[Row], with_heading: bool) -> Vec2 {
        let indent = self.swatch.x + self.line_height / 2.0;
        let widest = rows
            .iter()
            .map(|row| row.text.size().x + if matches!(row.key, Key::None) { 0.0 } else { indent })
            .fold(if with_heading { self.heading.size().x } else { 0.0 }, f32::max);
        let heading = if with_heading { self.line_height } else { 0.0 };
        vec2(widest, heading + rows.iter().map(|row| self.row_height(row)).sum::<f32>())
    }

    /// Where the second column starts, from the legend's left.
    fn second_column_x(&self) -> f32 {
        self.column_size(&self.rows[..self.second_column], true).x + COLUMN_GAP
    }

    /// The height of `row`: a line, and a line of text more for each line it wraps onto.
    fn row_height(&self, row: &Row) -> f32 {
        self.line_height + (row.text.size().y - self.text_height).max(0.0)
    }

    /// The room the legend needs.
    pub(super) fn size(&self) -> Vec2 {
        let in_two = if self.two_columns { self.size_in_two_columns() } else { None };
        in_two.unwrap_or_else(|| self.column_size(&self.rows, true))
    }

    /// Draws the legend with its top-left corner at `at`.
    pub(super) fn paint(&self, ui: &Ui, painter: &Painter, at: Pos2) {
        let visuals = ui.visuals();
        // The key and the first line of text are centred on the row's first line.
        let text_top = |middle: f32| middle - self.text_height / 2.0;
        let mut middle = at.y + self.line_height / 2.0;
        painter.galley(pos2(at.x, text_top(middle)), self.heading.clone(), visuals.strong_text_color());
        let mut top = at.y + self.line_height;
        for (i, row) in self.rows.iter().enumerate() {
            let mut x = at.x;
            if self.two_columns && i >= self.second_column {
                x += self.second_column_x();
                if i == self.second_column {
                    top = at.y;
                }
            }
            middle = top + self.line_height / 2.0;
            top += self.row_height(row);
            let swatch = Rect::from_min_size(pos2(x, middle - self.swatch.y / 2.0), self.swatch);
            match &row.key {
                Key::Swatch(fill) => {
                    painter.rect_filled(swatch, 2.0, *fill);
                    // The no-data swatch is hatched like the districts it stands for.
                    if *fill == no_data_colour() {
                        let corners =
                            [swatch.left_top(), swatch.right_top(), swatch.right_bottom(), swatch.left_bottom()];
                        for segment in hatch_segments(&corners, HATCH_SPACING) {
                            painter.line_segment(segment, egui::Stroke::new(1.0, hatch_colour()));
                        }
                    }
                }
                Key::Marker { look, cross: true } => look.paint_cross(painter, swatch.center(), KEY_MARKER_RADIUS),
                Key::Marker { look, cross: false } => look.paint(painter, swatch.center(), KEY_MARKER_RADIUS),
                Key::None => {}
            }
            if !matches!(row.key, Key::None) {
                x += self.swatch.x + self.line_height / 2.0;
            }
            painter.galley(pos2(x, text_top(middle)), row.text.clone(), visuals.text_color());
        }
    }
}

/// The width the legend wraps its lists of parks and its marker key at, given the widest of its
/// other rows and its heading, `fixed`, and the text size: that width, at least
/// [`LEAST_WRAP_EMS`].
fn wrap_width(fixed: f32, font_size: f32) -> f32 {
    fixed.max(LEAST_WRAP_EMS * font_size)
}

/// What a legend's classes hold.
#[derive(Clone, Copy, Debug)]
pub(super) enum ClassValues {
    /// Whole numbers: park counts.
    Counts,
    /// Sums of a metric, written multiplied by this factor (see
    /// [`crate::model::DisplayUnit`]).
    Scaled(f64),
}

/// The values class `i` holds, as the legend writes them. Counts: "0", "2–3". Other values:
/// "0.5 – 1.2" for the first class, which includes its lower bound, then "> 1.2 – 3.4", as each
/// later class starts just above the one before; an open last class "> 3.4", an open first
/// class "≤ 1.2" (see [`Classes::open_top`]). A range with a bound below zero is joined by a
/// word ("-2.5 to -0.7", "-25至-7"): a dash between two minus signs read as three dashes.
pub(super) fn class_range(classes: &Classes, i: usize, values: ClassValues, language: Language) -> String {
    let lower = classes.lower_bound(i);
    let upper = classes.breaks.get(i).copied().unwrap_or(lower);
    let (lower, upper) = match values {
        ClassValues::Scaled(factor) => (lower * factor, upper * factor),
        ClassValues::Counts => {
            let first = if i == 0 { lower.ceil() } else { lower.floor() + 1.0 } as i64;
            let last = upper.floor() as i64;
            match first.cmp(&last) {
                std::cmp::Ordering::Equal => return first.to_string(),
                std::cmp::Ordering::Less => return format!("{first}–{last}"),
                // No whole number in the class: its bounds as they are, below.
                std::cmp::Ordering::Greater => (lower, upper),
            }
        }
    };
    // A largest value stated as "more than" itself leaves the last class without an upper
    // bound, a smallest stated as "less than" the first without a lower one. (A single class
    // open at both ends keeps its bounds as stated.)
    let open_bottom = i == 0 && classes.open_bottom;
    let open_top = i + 1 == classes.breaks.len() && classes.open_top;
    match (open_bottom, open_top) {
        (true, false) => return format!("≤ {}", bound(upper)),
        (false, true) if i == 0 => return format!("≥ {}", bound(lower)),
        // The first class above the losses, open: from zero up.
        (false, true) if lower < 0.0 && upper >= 0.0 => return format!("≥ {}", format_value(0.0)),
        (false, true) => return format!("> {}", bound(lower)),
        _ => {}
    }
    let range = |lower: f64, upper: f64| {
        let to = match (lower < 0.0 || upper < 0.0, language) {
            (false, _) => " – ",
            (true, Language::En) => " to ",
            (true, Language::Zh) => "至",
        };
        format!("{}{to}{}", bound(lower), bound(upper))
    };
    if (upper - lower).abs() < f64::EPSILON {
        bound(upper)
    } else if i == 0 {
        range(lower, upper)
    } else if lower < 0.0 && upper >= 0.0 {
        // The first class above the losses: it starts at zero, whatever the last loss was
        // ("> -0.6 – 3.4" would hint at losses in it); a class of zero alone is "0".
        if upper > 0.0 { range(0.0, upper) } else { format_value(0.0) }
    } else {
        format!("> {}", range(lower, upper))
    }
}

/// A class's bound as the legend writes it: to two decimals as other values are, but a bound
/// that would round to "0" without being zero (a loss of a few thousandths) to two significant
/// digits, so that a class of losses does not seem to reach zero.
fn bound(value: f64) -> String {
    let written = format_value(value);
    if value != 0.0 && written == "0" { format_stated(round_significant(value, 2)) } else { written }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::classify::{ClassMethod, classify, classify_stated};

    #[test]
    fn the_legend_wraps_at_its_other_rows_width_or_twenty_ems() {
        // Class rows of 300 points in 18-point text: lines wrap at 360.
        assert!((wrap_width(300.0, 18.0) - 360.0).abs() < 1e-3);
        assert!((wrap_width(450.0, 18.0) - 450.0).abs() < 1e-3);
    }

    #[test]
    fn counts_are_written_as_whole_numbers() {
        let classes = classify(&[0.0, 0.0, 1.0, 1.0, 2.0, 3.0, 5.0], 4, ClassMethod::NaturalBreaks).expect("values");
        let ranges: Vec<String> =
            (0..classes.breaks.len()).map(|i| class_range(&classes, i, ClassValues::Counts, Language::En)).collect();
        assert_eq!(classes.breaks, [0.0, 1.0, 3.0, 5.0]);
        // The last class runs from just above 3 to 5: it holds 4 and 5, whichever occur.
        assert_eq!(ranges, ["0", "1", "2–3", "4–5"]);
        // Equal intervals break between whole numbers; the ranges still name whole numbers.
        let equal = classify(&[0.0, 1.0, 2.0, 4.0], 3, ClassMethod::EqualIntervals).expect("values");
        let ranges: Vec<String> =
            (0..equal.breaks.len()).map(|i| class_range(&equal, i, ClassValues::Counts, Language::En)).collect();
        assert_eq!(ranges, ["0–1", "2", "3–4"]);
    }

    #[test]
    fn other_values_give_both_bounds() {
        let classes = classify(&[0.5, 1.2, 3.4, 10.0], 3, ClassMethod::Quantiles).expect("values");
        let ranges: Vec<String> = (0..classes.breaks.len())
            .map(|i| class_range(&classes, i, ClassValues::Scaled(1.0), Language::En))
            .collect();
        assert_eq!(ranges, ["0.5 – 1.2", "> 1.2 – 3.4", "> 3.4 – 10"]);
        // In a unit ten times smaller (亿元 for 十亿元), the same classes.
        let ranges: Vec<String> = (0..classes.breaks.len())
            .map(|i| class_range(&classes, i, ClassValues::Scaled(10.0), Language::En))
            .collect();
        assert_eq!(ranges, ["5 – 12", "> 12 – 34", "> 34 – 100"]);
    }

    /// A range with a bound below zero is joined by a word, the first class above the losses
    /// starts at zero, and a class of zero alone is "0".
    #[test]
    fn ranges_below_zero_are_joined_by_a_word_and_the_gains_start_at_zero() {
        use crate::model::Qualifier::{AtLeast, Reported};
        let classes = classify(&[-2.8, -0.6, 0.4, 3.0, 12.0], 2, ClassMethod::EqualIntervals).expect("values");
        let ranges = |language| -> Vec<String> {
            (0..classes.breaks.len()).map(|i| class_range(&classes, i, ClassValues::Scaled(1.0), language)).collect()
        };
        assert_eq!(ranges(Language::En), ["-2.8 to -0.6", "0 – 4.6", "> 4.6 – 12"]);
        assert_eq!(ranges(Language::Zh), ["-2.8至-0.6", "0 – 4.6", "> 4.6 – 12"]);
        let with_zero = classify(&[-2.5, -0.7, 0.0, 0.6, 1.8, 630.0], 5, ClassMethod::Quantiles).expect("values");
        let zero = with_zero.class_of(0.0);
        assert_eq!(class_range(&with_zero, zero, ClassValues::Scaled(1.0), Language::En), "0");
        // Open at the top ("more than 12"), the first class above the losses starts at zero.
        let stated = [(-2.8, Reported), (-0.6, Reported), (0.4, Reported), (12.0, AtLeast)];
        let open = classify_stated(&stated, 1, ClassMethod::Quantiles).expect("values");
        let last = open.breaks.len() - 1;
        assert_eq!(class_range(&open, last, ClassValues::Scaled(1.0), Language::En), "≥ 0");
    }

    /// A loss of a few thousandths ends its class: "-2.8 to -0.003", not "-2.8 to 0", which
    /// would put zero among the losses beside a class of zero.
    #[test]
    fn a_bound_near_zero_keeps_its_digits() {
        let classes = classify(&[-2.8, -0.0031, 0.0, 3.0, 12.0], 2, ClassMethod::EqualIntervals).expect("values");
        let first = class_range(&classes, 0, ClassValues::Scaled(1.0), Language::En);
        assert_eq!(first, "-2.8 to -0.0031");
        let gains = classify(&[0.004, 0.5, 3.0], 2, ClassMethod::EqualIntervals).expect("values");
        assert!(class_range(&gains, 0, ClassValues::Scaled(1.0), Language::En).starts_with("0.004 – "));
    }

    #[test]
    fn a_value_stated_as_more_or_less_than_at_an_end_leaves_that_class_open() {
        use crate::model::Qualifier::{AtLeast, AtMost, Reported};
        let stated = [(0.5, Reported), (1.2, Reported), (3.4, Reported), (10.0, AtLeast)];
        let classes = classify_stated(&stated, 3, ClassMethod::Quantiles).expect("values");
        let ranges: Vec<String> = (0..classes.breaks.len())
            .map(|i| class_range(&classes, i, ClassValues::Scaled(1.0), Language::En))
            .collect();
        // ">10" may be any amount above 10: "> 3.4 – 10" would bound it.
        assert_eq!(ranges, ["0.5 – 1.2", "> 1.2 – 3.4", "> 3.4"]);
        let stated = [(0.5, AtMost), (1.2, Reported), (3.4, Reported), (10.0, Reported)];
        let classes = classify_stated(&stated, 3, ClassMethod::Quantiles).expect("values");
        let first = class_range(&classes, 0, ClassValues::Scaled(1.0), Language::En);
        assert_eq!(first, "≤ 1.2", "\"<0.5\" may be any amount below 0.5");
    }
}
