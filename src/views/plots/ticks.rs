//! Where the plots put their axis ticks, and how tick values are written. Pure functions of
//! the visible range, the axis's scale in points and the size of a label, so they are tested
//! without a window; `axes.rs` hands them to `egui_plot`.
//!
//! `egui_plot` draws a tick's label only when the tick's step is wide enough for it (more than 60
//! points on a horizontal axis by default). Its default grid gives steps of powers of ten, so
//! a time axis of 20 years at 1400 px wide ends up with steps of 2 years about 50 points apart:
//! no year was labelled. Here each axis chooses the smallest step whose labels fit, and every
//! tick reports that step, so every tick chosen is labelled.

/// One tick of an axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Tick {
    /// Where, in plot units (a year; a value; on a log axis, a value's base-10 logarithm).
    pub value: f64,
    /// The spacing of the ticks it belongs to, in plot units; `egui_plot` compares it with the
    /// label's size to decide whether to draw the label.
    pub step: f64,
}

/// Most candidate steps an axis tries before giving up (a degenerate scale).
const MAX_TRIES: usize = 40;

/// The steps 1, 2, 5, 10, 20, 50, … × `unit`, from the first at least `at_least`.
fn nice_steps(at_least: f64) -> impl Iterator<Item = f64> {
    let start = if at_least > 0.0 && at_least.is_finite() { at_least.log10().floor() as i32 } else { 0 };
    (start..).flat_map(|power| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(power))).filter(move |s| *s >= at_least)
}

/// The multiples of `step` inside `bounds`, computed from integers so they carry no drift.
fn multiples(bounds: (f64, f64), step: f64) -> Vec<f64> {
    let (lo, hi) = bounds;
    let (first, last) = ((lo / step).ceil(), (hi / step).floor());
    if !(first.is_finite() && last.is_finite()) || last - first > 10_000.0 {
        return Vec::new();
    }
    let (first, last) = (first as i64, last as i64);
    (first..=last).map(|i| i as f64 * step).collect()
}

/// Whether `bounds` and the scale can hold ticks at all.
fn usable(bounds: (f64, f64), points_per_unit: f64) -> bool {
    bounds.0.is_finite() && bounds.1.is_finite() && bounds.0 <= bounds.1 && points_per_unit > 0.0
}

/// Ticks for a time axis in whole years, labelled as plain integers ([`format_year`]).
///
/// The step is the smallest of 1, 2, 5, 10, 20, … years whose labels, `label_width` points
/// wide plus `gap`, fit between neighbours. The first and last year with data (`data_years`)
/// are always ticked when they are in view and there is room for both (OWID does the same); a
/// regular tick too close to either of them gives way.
pub(super) fn year_ticks(
    bounds: (f64, f64),
    points_per_year: f64,
    label_width: f64,
    gap: f64,
    data_years: Option<(i32, i32)>,
) -> Vec<Tick> {
    if !usable(bounds, points_per_year) {
        return Vec::new();
    }
    let room = (label_width + gap) / points_per_year;
    let Some(step) = nice_steps(room.max(1.0)).next() else { return Vec::new() };
    let in_view = |year: f64| year >= bounds.0 && year <= bounds.1;
    let mut ends: Vec<f64> = Vec::new();
    if let Some((first, last)) = data_years {
        for year in [f64::from(first), f64::from(last)] {
            // The last year gives way to the first when both cannot be labelled.
            if in_view(year) && ends.iter().all(|end| (end - year).abs() >= room) {
                ends.push(year);
            }
        }
    }
    // Steps of one or two years count from the first year with data, so 2005 is followed by
    // 2007, not by 2006; longer steps fall on round years (2010, 2015).
    let anchor = match data_years {
        Some((first, _)) if step <= 2.0 => f64::from(first).rem_euclid(step),
        _ => 0.0,
    };
    let mut years: Vec<f64> = multiples((bounds.0 - anchor, bounds.1 - anchor), step)
        .into_iter()
        .map(|year| year + anchor)
        .filter(|year| ends.iter().all(|end| (end - year).abs() >= room))
        .chain(ends.iter().copied())
        .collect();
    years.sort_by(f64::total_cmp);
    years.into_iter().map(|value| Tick { value, step }).collect()
}

/// The fewest years a time axis spans. `egui_plot` widens a range of one year to the value
/// axis's height, in years: all figures of 2019 were drawn on 1880–2140.
pub(super) const FEWEST_YEARS_SHOWN: i32 = 4;

/// The years a time axis shows around the data's first and last: the data's own span, or, when
/// that is shorter than [`FEWEST_YEARS_SHOWN`], that many years centred on it.
pub(super) fn year_span(data_years: (i32, i32)) -> (f64, f64) {
    let (first, last) = (f64::from(data_years.0), f64::from(data_years.1));
    let pad = (f64::from(FEWEST_YEARS_SHOWN) - (last - first)).max(0.0) / 2.0;
    (first - pad, last + pad)
}

/// Ticks for a linear value axis: multiples of the smallest 1-2-5 step whose labels fit.
/// `label_size(value, step)` is a label's size along the axis in points (its width on a
/// horizontal axis, its height on a vertical one); `gap` is the space kept between labels.
pub(super) fn linear_ticks(
    bounds: (f64, f64),
    points_per_unit: f64,
    gap: f64,
    label_size: impl Fn(f64, f64) -> f64,
) -> Vec<Tick> {
    if !usable(bounds, points_per_unit) {
        return Vec::new();
    }
    // No label is narrower than the gap alone: start there rather than at a microscopic step.
    for step in nice_steps(gap / points_per_unit).take(MAX_TRIES) {
        let values = multiples(bounds, step);
        // Stops at the first label that does not fit: the steps tried first are too small for
        // nearly every label, and measuring each label means formatting it.
        let room = step * points_per_unit;
        if values.iter().all(|v| label_size(*v, step) + gap <= room) {
            return values.into_iter().map(|value| Tick { value, step }).collect();
        }
    }
    Vec::new()
}

/// Ticks for a log axis, in base-10 logarithms of the values: at 1, 2 and 5 × 10^n when there is
/// room, else at every power of ten, else at every 2nd, 5th, 10th… power of ten.
pub(super) fn log_ticks(
    bounds: (f64, f64),
    points_per_decade: f64,
    gap: f64,
    label_size: impl Fn(f64) -> f64,
) -> Vec<Tick> {
    if !usable(bounds, points_per_decade) {
        return Vec::new();
    }
    let fits = |ticks: &[Tick]| {
        ticks.windows(2).all(|pair| {
            let room = (pair[1].value - pair[0].value) * points_per_decade;
            let need = f64::midpoint(label_size(pair[0].value), label_size(pair[1].value)) + gap;
            room >= need
        })
    };
    // 1-2-5 in every decade; log10(2) is the narrowest spacing among them. Within less than a
    // decade (200 to 800) that leaves two or three labels, too few to read a value off: every
    // digit 1–9 then, where their labels fit.
    let (low, high) = (bounds.0.floor() as i64, bounds.1.ceil() as i64);
    if high - low <= 60 {
        let in_decades = |multipliers: &[f64], step: f64| -> Vec<Tick> {
            (low..=high)
                .flat_map(|power| multipliers.iter().map(move |m| power as f64 + m.log10()))
                .filter(|v| *v >= bounds.0 && *v <= bounds.1)
                .map(|value| Tick { value, step })
                .collect()
        };
        let one_two_five = in_decades(&[1.0, 2.0, 5.0], 2f64.log10());
        if one_two_five.len() < MIN_LOG_TICKS {
            let digits = in_decades(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0], (10.0_f64 / 9.0).log10());
            if fits(&digits) {
                return digits;
            }
        }
        if fits(&one_two_five) {
            return one_two_five;
        }
    }
    for decades in nice_steps(1.0).take(MAX_TRIES) {
        let ticks: Vec<Tick> =
            multiples(bounds, decades).into_iter().map(|value| Tick { value, step: decades }).collect();
        if fits(&ticks) {
            return ticks;
        }
    }
    Vec::new()
}

/// Fewer 1-2-5 ticks than this on a log axis, and it tries every digit of the decade.
const MIN_LOG_TICKS: usize = 4;

/// A year as an axis writes it: "2005", never "2,005" or "2005.0".
pub(super) fn format_year(value: f64) -> String {
    format!("{}", value.round() as i64)
}

/// A linear tick's value with as many decimals as its step needs ("0.25" at a step of 0.05,
/// "1,500" at 500), thousands separated.
pub(super) fn format_tick(value: f64, step: f64) -> String {
    #[expect(clippy::cast_sign_loss, reason = "clamped to be non-negative")]
    let decimals = if step > 0.0 && step < 1.0 { (-step.log10()).ceil().max(0.0) as usize } else { 0 };
    let rounded = (value / step).round() * step;
    if decimals <= 2 {
        crate::format::format_value(rounded)
    } else if decimals > 4 {
        // Steps below 0.0001 in E notation, as the figures' labels write such values ("1e-9"),
        // not as zeros to count ("0.0000000010").
        crate::format::format_stated(rounded)
    } else {
        format!("{rounded:.decimals$}")
    }
}

/// A value axis's tick label: the tick at plotted `value`, `step` from the next, written in a
/// unit `factor` times the plotted one (a power of ten). On a log scale the plotted value is a
/// logarithm, so the factor shifts it by log10(factor) instead.
pub(super) fn tick_label(value: f64, step: f64, log_scale: bool, factor: f64) -> String {
    if log_scale { format_log_tick(value + factor.log10()) } else { format_tick(value * factor, step * factor) }
}

/// A log tick's label: the value its logarithm stands for ("2", "500", "0.005").
pub(super) fn format_log_tick(log_value: f64) -> String {
    let value = 10f64.powf(log_value);
    // Values at 1, 2 and 5 × 10^n have one significant digit: round to it.
    let magnitude = 10f64.powf(value.log10().floor());
    let value = (value / magnitude).round() * magnitude;
    format_tick(value, magnitude.min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn values(ticks: &[Tick]) -> Vec<f64> {
        ticks.iter().map(|t| t.value).collect()
    }

    /// "2005" in egui's 12.5-point body font is about 30 points wide.
    const YEAR_WIDTH: f64 = 30.0;
    const GAP: f64 = 12.0;

    #[test]
    fn years_are_written_as_plain_integers() {
        assert_eq!(format_year(2005.0), "2005");
        assert_eq!(format_year(2_004.999_999), "2005");
        assert_eq!(format_year(-50.0), "-50");
    }

    #[test]
    fn the_default_window_labels_years_every_two_or_five_and_both_ends() {
        // The time series at 1400 × 860: 2003.9–2026.1 over about 580 points.
        let ticks = year_ticks((2003.9, 2026.1), 580.0 / 22.2, YEAR_WIDTH, GAP, Some((2005, 2025)));
        assert_eq!(
            values(&ticks),
            [2005.0, 2007.0, 2009.0, 2011.0, 2013.0, 2015.0, 2017.0, 2019.0, 2021.0, 2023.0, 2025.0]
        );
        // Every tick reports the same step, which `egui_plot` checks against the label width.
        assert!(ticks.iter().all(|t| same(t.step, 2.0) && t.step * 580.0 / 22.2 >= YEAR_WIDTH + GAP));
        // Narrower: every five years, with the ends kept and their crowding neighbours dropped.
        let narrow = year_ticks((2003.9, 2026.1), 300.0 / 22.2, YEAR_WIDTH, GAP, Some((2004, 2026)));
        assert_eq!(values(&narrow), [2004.0, 2010.0, 2015.0, 2020.0, 2026.0]);
    }

    #[test]
    fn two_to_thirty_years_get_sensible_steps() {
        for (span, width, step) in [
            (2, 600.0, 1.0),
            (10, 600.0, 1.0),
            (10, 300.0, 2.0),
            (30, 1000.0, 2.0),
            (30, 600.0, 5.0),
            (30, 250.0, 10.0),
        ] {
            let (first, last) = (2000, 2000 + span);
            let bounds = (f64::from(first) - 0.5, f64::from(last) + 0.5);
            let ticks = year_ticks(bounds, width / (bounds.1 - bounds.0), YEAR_WIDTH, GAP, Some((first, last)));
            assert_eq!(ticks.first().map(|t| t.value), Some(f64::from(first)), "{span} years over {width} points");
            assert_eq!(ticks.last().map(|t| t.value), Some(f64::from(last)), "{span} years over {width} points");
            assert!(ticks.iter().all(|t| same(t.step, step) && same(t.value.fract(), 0.0)), "{span} years: {ticks:?}");
            let points_per_year = width / (bounds.1 - bounds.0);
            assert!(ticks.windows(2).all(|p| (p[1].value - p[0].value) * points_per_year >= YEAR_WIDTH + GAP));
        }
    }

    #[test]
    fn one_year_and_out_of_view_ends_are_handled() {
        let one = year_ticks((2017.5, 2018.5), 400.0, YEAR_WIDTH, GAP, Some((2018, 2018)));
        assert_eq!(values(&one), [2018.0]);
        // Zoomed in past the data's ends: regular ticks only.
        let zoomed = year_ticks((2010.2, 2013.8), 100.0, YEAR_WIDTH, GAP, Some((2005, 2025)));
        assert_eq!(values(&zoomed), [2011.0, 2012.0, 2013.0]);
        assert!(year_ticks((f64::NAN, 2.0), 10.0, YEAR_WIDTH, GAP, None).is_empty());
    }

    #[test]
    fn a_year_or_two_of_data_get_a_few_years_around_them() {
        // One year: two either side, ticked every year.
        assert_eq!(year_span((2019, 2019)), (2017.0, 2021.0));
        let ticks = year_ticks((2016.8, 2021.2), 600.0 / 4.4, YEAR_WIDTH, GAP, Some((2019, 2019)));
        assert_eq!(values(&ticks), [2017.0, 2018.0, 2019.0, 2020.0, 2021.0]);
        // Two years: a year and a half either side; longer spans are left as they are.
        assert_eq!(year_span((2018, 2019)), (2016.5, 2020.5));
        assert_eq!(year_span((2005, 2025)), (2005.0, 2025.0));
        assert_eq!(year_span((2021, 2025)), (2021.0, 2025.0));
    }

    #[test]
    fn linear_ticks_use_the_smallest_one_two_five_step_that_fits() {
        // The bars' value axis: 0–1,550 over 440 points, labels of 5 characters at 7 points.
        let width = |v: f64, s: f64| format_tick(v, s).chars().count() as f64 * 7.0;
        let ticks = linear_ticks((0.0, 1550.0), 440.0 / 1550.0, GAP, width);
        assert_eq!(values(&ticks), [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0, 1400.0]);
        let small = linear_ticks((0.0, 0.3), 400.0 / 0.3, GAP, width);
        assert_eq!(small.first().map(|t| t.step), Some(0.05));
        // A vertical axis only needs the labels' height.
        let rows = linear_ticks((0.0, 1300.0), 540.0 / 1300.0, 10.0, |_, _| 16.0);
        assert_eq!(rows.first().map(|t| t.step), Some(100.0));
    }

    #[test]
    fn log_ticks_show_one_two_five_when_there_is_room() {
        let one_two_five = log_ticks((0.0, 3.0), 200.0, GAP, |_| 30.0);
        let labels: Vec<String> = one_two_five.iter().map(|t| format_log_tick(t.value)).collect();
        assert_eq!(labels, ["1", "2", "5", "10", "20", "50", "100", "200", "500", "1,000"]);
        let decades = log_ticks((0.0, 3.0), 60.0, GAP, |_| 30.0);
        assert_eq!(decades.iter().map(|t| format_log_tick(t.value)).collect::<Vec<_>>(), ["1", "10", "100", "1,000"]);
        let sparse = log_ticks((-3.0, 6.0), 20.0, GAP, |_| 30.0);
        assert_eq!(values(&sparse), [0.0, 5.0], "every fifth decade");
        assert_eq!(format_log_tick(-2.0 - 2f64.log10() + 1.0), "0.05");
    }

    /// Within less than a decade (incomes of 200 to 800) 1-2-5 labels only 200 and 500, too few
    /// to read 800 off: every digit is labelled where there is room, and 1-2-5 where there is not.
    #[test]
    fn a_log_axis_within_a_decade_labels_every_digit_where_there_is_room() {
        let bounds = (180f64.log10(), 900f64.log10());
        let labels = |ticks: Vec<Tick>| ticks.iter().map(|t| format_log_tick(t.value)).collect::<Vec<_>>();
        let roomy = log_ticks(bounds, 1000.0, GAP, |_| 30.0);
        assert_eq!(labels(roomy), ["200", "300", "400", "500", "600", "700", "800", "900"]);
        let tight = log_ticks(bounds, 300.0, GAP, |_| 30.0);
        assert_eq!(labels(tight), ["200", "500"], "the digits' labels would touch near 900");
    }

    #[test]
    fn the_log_caption_is_true_of_every_gridline_spacing_drawn() {
        // Neighbouring gridlines are 2 or 2.5 times apart (1-2-5), 10 times, or every fifth
        // decade 100,000 times: no one ratio between gridlines is true of them all, so the
        // caption under the chart must not name one; it names the ratio of equal distances.
        let ratios = |ticks: &[Tick]| -> Vec<f64> {
            ticks.windows(2).map(|p| (10f64.powf(p[1].value - p[0].value) * 10.0).round() / 10.0).collect()
        };
        let mut seen: Vec<f64> = [
            log_ticks((0.0, 3.0), 200.0, GAP, |_| 30.0),
            log_ticks((0.0, 3.0), 60.0, GAP, |_| 30.0),
            log_ticks((-3.0, 6.0), 20.0, GAP, |_| 30.0),
        ]
        .iter()
        .flat_map(|ticks| ratios(ticks))
        .collect();
        seen.sort_by(f64::total_cmp);
        seen.dedup();
        assert_eq!(seen, [2.0, 2.5, 10.0, 100_000.0]);
        for language in [crate::model::Language::En, crate::model::Language::Zh] {
            let hint = crate::i18n::strings(language).log_hint;
            for gridline_ratio in ["gridline is ten times", "ten times the one before", "网格线是前一条的十倍"]
            {
                assert!(!hint.contains(gridline_ratio), "{language:?}: {hint}");
            }
            assert!(hint.contains("10") && hint.contains("100"), "{language:?}: {hint}");
        }
    }

    #[test]
    fn tick_values_carry_the_decimals_their_step_needs() {
        assert_eq!(format_tick(1500.0, 500.0), "1,500");
        assert_eq!(format_tick(0.25, 0.05), "0.25");
        assert_eq!(format_tick(0.300_000_000_000_4, 0.1), "0.3");
        assert_eq!(format_tick(0.002, 0.001), "0.002");
        assert_eq!(format_tick(-0.0, 1.0), "0");
        assert_eq!(format_tick(0.0001, 0.0001), "0.0001");
        assert_eq!(format_tick(2e-10 * 5.0, 2e-10), "1e-9", "tiny steps in E notation");
        assert_eq!(format_tick(0.0, 2e-10), "0");
    }

    #[test]
    fn a_tick_is_written_in_the_unit_the_factor_gives() {
        // Linear: 630 at a step of 100, in a unit ten times smaller.
        assert_eq!(tick_label(600.0, 100.0, false, 10.0), "6,000");
        assert_eq!(tick_label(0.5, 0.5, false, 10.0), "5");
        assert_eq!(tick_label(0.25, 0.05, false, 1.0), "0.25");
        // Log: the tick at log value 2 stands for 100 stored, 1,000 written.
        assert_eq!(tick_label(2.0, 1.0, true, 10.0), "1,000");
        assert_eq!(tick_label(2.0, 1.0, true, 1.0), "100");
        assert_eq!(tick_label(-1.0, 1.0, true, 0.1), "0.01");
    }
}
