//! The plots' axes as `egui_plot` draws them: the ticks `ticks.rs` chooses, written in the ui's
//! body text style, so tick labels grow with the app's text size (presentation mode).

use egui::{FontId, TextStyle, Ui};
use egui_plot::{AxisHints, GridInput, GridMark, Plot};

use super::ticks::{Tick, format_year, linear_ticks, log_ticks, tick_label, year_span, year_ticks};

/// The nearest grid lines `egui_plot` draws, in points. Set on every plot, so a grid spacer can
/// turn `egui_plot`'s `base_step_size` (this many points in plot units) back into a scale.
const GRID_MIN_SPACING: f32 = 8.0;

/// The tick labels' font and the sizes the tick choice needs.
#[derive(Clone, Debug)]
pub(super) struct AxisText {
    /// The ui's body font: tick labels scale with the app's text size.
    font: FontId,
    /// Width of one digit, in points; tick labels are digits, separators and signs.
    digit_width: f64,
    /// Height of a label, in points.
    height: f64,
    /// Width of a four-digit year.
    year_width: f64,
}

impl AxisText {
    /// Measures the ui's body font.
    pub(super) fn new(ui: &Ui) -> Self {
        let font = TextStyle::Body.resolve(ui.style());
        let measure =
            |text: &str| ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE).size());
        let digits = measure("0123456789");
        Self {
            digit_width: f64::from(digits.x) / 10.0,
            height: f64::from(digits.y),
            year_width: f64::from(measure("2000").x),
            font,
        }
    }

    /// The font tick labels are written in.
    pub(super) fn font(&self) -> FontId {
        self.font.clone()
    }

    /// Room kept between two labels: one digit's width at least, more on a larger font.
    fn gap(&self) -> f64 {
        (self.digit_width * 1.5).max(8.0)
    }

    /// A label's width: every character counted as a digit (separators are narrower, so this
    /// errs on the roomy side).
    fn width(&self, label: &str) -> f64 {
        label.chars().count() as f64 * self.digit_width
    }
}

/// Which way a value axis runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// The horizontal axis: labels side by side, their width counts.
    Horizontal,
    /// The vertical axis: labels stacked, their height counts.
    Vertical,
}

fn points_per_unit(input: &GridInput) -> f64 {
    f64::from(GRID_MIN_SPACING) / input.base_step_size
}

fn marks(ticks: Vec<Tick>) -> Vec<GridMark> {
    ticks.into_iter().map(|tick| GridMark { value: tick.value, step_size: tick.step }).collect()
}

/// Hints whose every tick is labelled: the ticks are already spaced for their labels, so
/// `egui_plot`'s own fade-out by spacing (60–80 points on a horizontal axis) is switched off.
fn hints<'a>(
    hints: AxisHints<'a>,
    title: String,
    text: &AxisText,
    formatter: impl Fn(GridMark) -> String + 'a,
) -> AxisHints<'a> {
    hints.label(title).tick_label_font(text.font()).label_spacing(0.0..=1.0).formatter(move |mark, _| formatter(mark))
}

/// A horizontal time axis labelled with whole years; the first and last of `data_years` are
/// always labelled when in view, and a span of a year or two gets a few years around it
/// ([`year_span`]).
pub(super) fn year_x_axis<'a>(
    plot: Plot<'a>,
    text: &AxisText,
    title: String,
    data_years: Option<(i32, i32)>,
) -> Plot<'a> {
    let (width, gap) = (text.year_width, text.gap());
    let plot = match data_years.map(year_span) {
        Some((from, to)) => plot.include_x(from).include_x(to),
        None => plot,
    };
    plot.grid_spacing(GRID_MIN_SPACING..=300.0)
        .custom_x_axes(vec![hints(AxisHints::new_x(), title, text, |mark| format_year(mark.value))])
        .x_grid_spacer(move |input| marks(year_ticks(input.bounds, points_per_unit(&input), width, gap, data_years)))
}

/// The length a vertical axis's title has in a plot `height` high: the plot's frame, less the
/// horizontal axis's ticks and title below it and a line's room to spare.
pub(super) fn vertical_title_room(ui: &Ui, height: f32) -> f32 {
    height - 3.0 * ui.text_style_height(&TextStyle::Body)
}

/// The length a horizontal value axis's title has in a plot as wide as the ui: the plot's
/// frame, less the vertical axis's ticks and title beside it (a few ems).
pub(super) fn horizontal_title_room(ui: &Ui) -> f32 {
    ui.available_width() - 6.0 * ui.text_style_height(&TextStyle::Body)
}

/// An axis's title, a metric's `name` with its `unit` in brackets, within `room` points: a long
/// name's rotated title ran past the plot's ends over the text above and below it, on a slide
/// over the takeaway and the sources, and a horizontal one was cut at the plot's edge. The name
/// is cut with "…" where it must be (the chart's title above names the metric whole); the unit
/// is kept, as the ticks need it.
pub(super) fn cut_axis_title(ui: &Ui, name: &str, unit: &str, room: f32) -> String {
    let whole = crate::format::name_with_unit(name, unit);
    let font = TextStyle::Body.resolve(ui.style());
    let width = |text: &str| ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE));
    if width(&whole).size().x <= room {
        return whole;
    }
    let unit = crate::format::shown_unit(name, unit).map(|unit| crate::format::unit_in_brackets(name, unit));
    let end = format!("…{}", unit.unwrap_or_default());
    let name_room = room - width(&end).size().x;
    // The name's characters that end within its room, measured once along its laid-out row.
    let laid_out = width(name);
    let glyphs = laid_out.rows.first().map_or(&[][..], |row| row.glyphs.as_slice());
    let kept = glyphs.iter().take_while(|glyph| glyph.max_x() <= name_room).count();
    let cut: String = name.chars().take(kept).collect();
    format!("{}{end}", cut.trim_end())
}

/// What a value axis shows and how it writes its ticks.
pub(super) struct ValueAxis {
    /// The axis's title, with the unit.
    pub(super) title: String,
    /// What a plotted value is multiplied by to be written in the title's unit: the ticks are
    /// chosen in plotted values and written in the unit (a power of ten, so round stays round).
    /// On a log scale it shifts the plotted logarithms by log10(factor) instead.
    pub(super) factor: f64,
    /// Whether the plotted values are base-10 logarithms.
    pub(super) log_scale: bool,
    /// On a linear axis, no tick below this: values that cannot be negative get no "-50" in the
    /// margin `egui_plot` leaves around the data.
    pub(super) lowest_tick: Option<f64>,
}

/// A value axis, linear or (on values' base-10 logarithms) logarithmic.
pub(super) fn value_axis<'a>(plot: Plot<'a>, direction: Direction, text: &AxisText, axis: ValueAxis) -> Plot<'a> {
    let ValueAxis { title, factor, log_scale, lowest_tick } = axis;
    let gap = text.gap();
    let (spacer_text, label_text) = (text.clone(), text.clone());
    // Labels are formatted only where their width counts: stacked labels all have one height.
    let label_size = move |label: &dyn Fn() -> String| match direction {
        Direction::Horizontal => spacer_text.width(&label()),
        Direction::Vertical => spacer_text.height,
    };
    let spacer = move |input: GridInput| {
        let scale = points_per_unit(&input);
        let ticks = if log_scale {
            log_ticks(input.bounds, scale, gap, |v| label_size(&|| tick_label(v, 1.0, true, factor)))
        } else {
            let mut ticks =
                linear_ticks(input.bounds, scale, gap, |v, step| label_size(&|| tick_label(v, step, false, factor)));
            if let Some(lowest) = lowest_tick {
                // A tolerance, so a tick at the lowest value itself (zero) survives rounding.
                ticks.retain(|tick| tick.value >= lowest - tick.step * 1e-6);
            }
            ticks
        };
        let label_half = |tick: &Tick| label_size(&|| tick_label(tick.value, tick.step, log_scale, factor)) / 2.0;
        marks(ticks_in_frame(ticks, (input.bounds, scale), direction, label_half))
    };
    let formatter = move |mark: GridMark| tick_label(mark.value, mark.step_size, log_scale, factor);
    let plot = plot.grid_spacing(GRID_MIN_SPACING..=300.0);
    match direction {
        Direction::Horizontal => {
            plot.custom_x_axes(vec![hints(AxisHints::new_x(), title, &label_text, formatter)]).x_grid_spacer(spacer)
        }
        Direction::Vertical => {
            plot.custom_y_axes(vec![hints(AxisHints::new_y(), title, &label_text, formatter)]).y_grid_spacer(spacer)
        }
    }
}

/// The `ticks` of an axis over `bounds` (`scale` points to a plot unit) whose labels, centred
/// on them and `label_half` as long each side, stay clear of the frame's ends. One within half
/// its label of the far end would stick out of the frame, above it into the line of text there
/// (the time series' key), or right of it past the window's edge (the scatter's last tick); one
/// at a horizontal axis's start would run under the vertical axis's lowest label at the corner
/// (both axes starting on a tick, as a scatter of one value's round margins does). A 0 there
/// stays: the origin's one digit fits under the corner, and an axis from zero says so.
fn ticks_in_frame(
    ticks: Vec<Tick>,
    ((start, end), scale): ((f64, f64), f64),
    direction: Direction,
    label_half: impl Fn(&Tick) -> f64,
) -> Vec<Tick> {
    ticks
        .into_iter()
        .filter(|tick| {
            let half = label_half(tick);
            let origin = tick.value.abs() < tick.step * 1e-6;
            let clear_of_start = direction == Direction::Vertical || origin || (tick.value - start) * scale >= half;
            (end - tick.value) * scale >= half && clear_of_start
        })
        .collect()
}

/// A vertical axis naming categories: a tick at every whole number `name_of` names. Names that
/// do not fit their row are left out by `egui_plot`.
pub(super) fn category_y_axis<'a>(plot: Plot<'a>, text: &AxisText, name_of: impl Fn(f64) -> String + 'a) -> Plot<'a> {
    plot.grid_spacing(GRID_MIN_SPACING..=300.0)
        .custom_y_axes(vec![hints(AxisHints::new_y(), String::new(), text, move |mark| name_of(mark.value))])
        .y_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            if !(lo.is_finite() && hi.is_finite()) || hi - lo > 10_000.0 {
                return Vec::new();
            }
            (lo.ceil() as i64..=hi.floor() as i64).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A vertical axis's title longer than the plot is cut in its name, keeping its unit, and
    /// fits; a short one is left whole.
    #[test]
    fn a_long_vertical_title_is_cut_in_its_name_and_keeps_its_unit() {
        crate::views::in_app_ui(|ui| {
            let name = "Net operating balance of the corridor's public innovation platforms and incubators";
            let whole = crate::format::name_with_unit(name, "m LSD");
            let width = |text: &str| crate::views::widgets::text_width(ui, text, &TextStyle::Body);
            let room = width(&whole) / 2.0;
            let title = cut_axis_title(ui, name, "m LSD", room);
            assert!(title.ends_with("… (m LSD)") && title.starts_with("Net operating"), "{title}");
            assert!(width(&title) <= room, "{title} fits in {room}");
            assert_eq!(cut_axis_title(ui, "Revenue", "m LSD", room), "Revenue (m LSD)");
            let title = cut_axis_title(ui, "公共创新平台和孵化器的净运营收支", "百万元", 120.0);
            assert!(title.ends_with("…（百万元）") && width(&title) <= 120.0, "{title}");
        });
    }

    /// A scatter of one value: both axes start on a tick. The horizontal axis's first label, at
    /// the corner, ran under the vertical axis's lowest one; only the vertical keeps its own.
    #[test]
    fn only_the_vertical_axis_keeps_a_label_at_the_corner() {
        let ticks = || (0..=12).map(|i| Tick { value: 4.4 + 0.1 * f64::from(i), step: 0.1 }).collect::<Vec<_>>();
        let frame = ((4.4, 5.6), 500.0);
        let values = |direction| -> Vec<f64> {
            ticks_in_frame(ticks(), frame, direction, |_| 10.0).iter().map(|tick| tick.value).collect()
        };
        let (horizontal, vertical) = (values(Direction::Horizontal), values(Direction::Vertical));
        assert!(horizontal.first().is_some_and(|first| *first > 4.45), "{horizontal:?}");
        assert!(vertical.first().is_some_and(|first| (*first - 4.4).abs() < 1e-9), "{vertical:?}");
        // Neither keeps a label that would stick out past the far end.
        assert!(horizontal.last().is_some_and(|last| *last < 5.55), "{horizontal:?}");
        assert!(vertical.last().is_some_and(|last| *last < 5.55), "{vertical:?}");
        // A tick clear of the start keeps its label on both.
        let inset = ((4.3, 5.6), 500.0);
        let first = ticks_in_frame(ticks(), inset, Direction::Horizontal, |_| 10.0);
        assert!(first.first().is_some_and(|tick| (tick.value - 4.4).abs() < 1e-9));
        // An axis from zero keeps its 0.
        let from_zero = (0..=5).map(|i| Tick { value: f64::from(i), step: 1.0 }).collect();
        let first = ticks_in_frame(from_zero, ((0.0, 5.5), 100.0), Direction::Horizontal, |_| 10.0);
        assert!(first.first().is_some_and(|tick| tick.value.abs() < 1e-9));
    }
}
