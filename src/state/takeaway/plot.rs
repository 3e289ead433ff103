//! The takeaway sentences of the Compare view's plots (ranked bars, time series, scatter,
//! industry matrix): one sentence per plot, written from the plot's own data in either
//! language. Every figure carries its year and qualifier ([`figure_phrase`]); a ranking that a
//! bound ("more than 450") could overturn says "stated"; parks without figures are counted,
//! never passed over. Names, metrics and units come from the dataset.

use std::cmp::Ordering;

use super::{count_phrase, figure_phrase, in_sentence, join_names};
use crate::format::{format_count, format_value, with_unit};
use crate::i18n::{clause_separator, figure_when, strings};
use crate::model::{
    Dataset, DisplayUnit, IndustryId, Language, MetricId, ParkId, Period, Qualifier, Role, divided_display_unit,
    divided_name,
};
use crate::state::series::{
    BarDatum, BarSeries, IndustryMatrix, ParkTimeSeries, PlotChoice, PlotData, Reading, ScatterPoint, TimePoint,
    YearChoice,
};

/// Fewest points for which the scatter sentence says whether the two metrics go together:
/// below it a rank correlation means little.
const MIN_POINTS_FOR_TREND: usize = 5;

/// The sentence for `data`, the plot of `choice` over `shown` parks.
pub fn plot_takeaway(
    dataset: &Dataset,
    data: &PlotData,
    choice: &PlotChoice,
    shown: usize,
    language: Language,
) -> String {
    let words = Words { dataset, language };
    // A plot of metrics with no metric to plot has nothing to say; the chart's place says why
    // ([`nothing_drawn`]).
    if dataset.metrics.is_empty() && !matches!(data, PlotData::Matrix(_)) {
        return String::new();
    }
    match data {
        PlotData::Bars(series) => bars_takeaway(&words, series, choice),
        PlotData::TimeSeries { series, missing, .. } => time_series_takeaway(&words, series, missing, &choice.metric),
        PlotData::Scatter { points, missing } => scatter_takeaway(&words, points, missing, choice),
        PlotData::Matrix(matrix) => matrix_takeaway(&words, matrix, shown),
    }
}

/// What the chart's place says when the plot of `choice` has nothing to draw (`data` has no
/// bar, line or point), in place of empty axes: that the dataset has no metric, that no park
/// has a figure of the plotted metric (or metrics) yet, or else the plot's `takeaway` (which
/// says what the parks shown lack). `None` when there is something to draw, and for the
/// industry matrix, which says its own.
pub fn nothing_drawn(
    dataset: &Dataset,
    data: &PlotData,
    choice: &PlotChoice,
    takeaway: &str,
    language: Language,
) -> Option<String> {
    let s = strings(language);
    let plotted: Vec<&MetricId> = match data {
        PlotData::Matrix(_) => return None,
        PlotData::Bars(series) if !series.bars.is_empty() => return None,
        PlotData::TimeSeries { series, .. } if !series.is_empty() => return None,
        PlotData::Scatter { points, .. } if !points.is_empty() => return None,
        PlotData::Bars(_) => {
            std::iter::once(&choice.metric).chain(choice.divided(dataset).map(|(_, d)| &d.id)).collect()
        }
        PlotData::TimeSeries { .. } => vec![&choice.metric],
        PlotData::Scatter { .. } => vec![&choice.x_metric, &choice.y_metric],
    };
    if dataset.metrics.is_empty() {
        return Some(s.plot_no_metrics.to_owned());
    }
    let parks_with_figures = dataset.parks_with_figures();
    let has_figures = |id: &MetricId| {
        let at = dataset.metrics.iter().position(|m| &m.id == id);
        at.and_then(|i| parks_with_figures.get(i)).is_some_and(|&n| n > 0)
    };
    let words = Words { dataset, language };
    let mut without: Vec<String> = Vec::new();
    for id in plotted.into_iter().filter(|id| !has_figures(id)) {
        let name = words.metric(id);
        if !without.contains(&name) {
            without.push(name);
        }
    }
    if without.is_empty() {
        let said = if takeaway.is_empty() { s.plot_nothing_to_draw } else { takeaway };
        return Some(said.to_owned());
    }
    let or = match language {
        Language::En => " or ",
        Language::Zh => "或",
    };
    Some(s.plot_no_figures_yet.replace("{metric}", &without.join(or)))
}

/// A figure as a sentence states it: value, year (with the part of it, and the year of what it
/// is divided by) and qualifier.
#[derive(Clone, Copy, Debug)]
struct Stated {
    value: f64,
    year: i32,
    period: Option<Period>,
    divisor_year: Option<i32>,
    qualifier: Qualifier,
    /// Whether it rests on a preliminary figure that `qualifier` (a bound) does not say
    /// ([`BarDatum::preliminary`]): said after the year, as the bar's label says it.
    preliminary: bool,
}

impl From<&Reading> for Stated {
    fn from(reading: &Reading) -> Self {
        let (value, year, period, qualifier) = (reading.value, reading.year, reading.period, reading.qualifier);
        Self { value, year, period, divisor_year: None, qualifier, preliminary: false }
    }
}

impl From<&TimePoint> for Stated {
    fn from(point: &TimePoint) -> Self {
        let (value, year, period, qualifier) = (point.value, point.year, point.period, point.qualifier);
        Self { value, year, period, divisor_year: None, qualifier, preliminary: false }
    }
}

impl From<&BarDatum> for Stated {
    fn from(bar: &BarDatum) -> Self {
        let (value, year, period, qualifier) = (bar.value, bar.year, bar.period, bar.qualifier);
        Self { value, year, period, divisor_year: bar.divisor_year, qualifier, preliminary: bar.preliminary }
    }
}

/// What every sentence needs to name things.
struct Words<'a> {
    dataset: &'a Dataset,
    language: Language,
}

impl Words<'_> {
    fn en(&self) -> bool {
        self.language == Language::En
    }

    /// How two parks stand in the dataset's list: equal figures are ranked in this order, the
    /// same in every language (the parks come in the table's order, by name in the language).
    fn dataset_order(&self, a: &ParkId, b: &ParkId) -> Ordering {
        self.dataset.park_position(a).cmp(&self.dataset.park_position(b))
    }

    fn park(&self, id: &ParkId) -> String {
        self.dataset.park(id).map_or_else(|| id.to_string(), |p| p.name.get(self.language).to_owned())
    }

    fn industry(&self, id: &IndustryId) -> String {
        self.dataset.industry(id).map_or_else(|| id.to_string(), |i| i.name.get(self.language).to_owned())
    }

    /// A metric's name as it reads inside a sentence: "total income", "总收入".
    fn metric(&self, id: &MetricId) -> String {
        let name = self.dataset.metric(id).map_or_else(|| id.to_string(), |m| m.name.get(self.language).to_owned());
        in_sentence(&name, self.language)
    }

    /// Whether a metric is a share or a rate ([`crate::model::Metric::is_ratio`]).
    fn is_ratio(&self, id: &MetricId) -> bool {
        self.dataset.metric(id).is_some_and(crate::model::Metric::is_ratio)
    }

    /// The unit a metric's values are written in.
    fn unit(&self, id: &MetricId) -> DisplayUnit {
        self.dataset.display_unit(id, self.language)
    }

    /// The bars' metric and unit with what they are divided by.
    fn normalised(&self, choice: &PlotChoice) -> (String, DisplayUnit) {
        let (metric, unit) = (self.metric(&choice.metric), self.unit(&choice.metric));
        let Some((numerator, divisor)) = choice.divided(self.dataset) else { return (metric, unit) };
        let name = divided_name(numerator, divisor, self.language);
        (in_sentence(&name, self.language), divided_display_unit(numerator, divisor, self.language))
    }

    fn figure(&self, stated: &Stated, unit: &DisplayUnit) -> String {
        let mut when = figure_when(self.language, stated.year, stated.period, stated.divisor_year);
        if stated.preliminary {
            when = crate::i18n::and_preliminary(self.language, &when);
        }
        let shown = unit.value(stated.value);
        figure_phrase(shown, stated.qualifier, unit.name_after(shown), &when, self.language)
    }

    /// The sentence for a plot with nothing to draw: no parks, or parks without figures.
    fn nothing(&self, missing: usize, what: &str) -> String {
        match (self.language, missing) {
            (Language::En, 0) => "No park to compare.".to_owned(),
            (Language::En, 1) => format!("The park shown has no figure for {what}."),
            (Language::En, n) => format!("None of the {} parks shown has a figure for {what}.", format_count(n)),
            (Language::Zh, 0) => "没有可比较的园区。".to_owned(),
            (Language::Zh, n) => format!("所显示的{}个园区均无{what}数据。", format_count(n)),
        }
    }

    /// "3 parks have no figure" / "3个园区无数据".
    fn without_figures(&self, missing: usize) -> Option<String> {
        (missing > 0).then(|| match self.language {
            Language::En => {
                format!(
                    "{} {} no figure",
                    count_phrase(missing, "park", "parks"),
                    if missing == 1 { "has" } else { "have" }
                )
            }
            Language::Zh => format!("{}个园区无数据", format_count(missing)),
        })
    }

    /// "2 parks' figures are below zero", "every figure is below zero" (of `shown` figures).
    fn below_zero(&self, below_zero: usize, shown: usize) -> Option<String> {
        Some(match (self.language, below_zero) {
            (_, 0) => return None,
            (Language::En, n) if n == shown && n > 1 => "every figure is below zero".to_owned(),
            (Language::En, 1) => "1 park's figure is below zero".to_owned(),
            (Language::En, n) => format!("{} parks' figures are below zero", format_count(n)),
            (Language::Zh, n) if n == shown && n > 1 => "各园区数值均低于零".to_owned(),
            (Language::Zh, n) => format!("{}个园区的数值低于零", format_count(n)),
        })
    }

    /// A sentence from its main clause and the notes after it.
    fn sentence(&self, main: &str, notes: &[String]) -> String {
        match (self.language, notes.is_empty()) {
            (Language::En, true) => format!("{main}."),
            (Language::En, false) => format!("{main}; {}.", join_names(notes, self.language)),
            (Language::Zh, true) => format!("{main}。"),
            (Language::Zh, false) => format!("{main}；{}。", notes.join("，")),
        }
    }

    /// "the bars mix years from 2005 to 2025".
    fn year_span(&self, what_en: &str, what_zh: &str, years: impl Iterator<Item = i32>) -> Option<String> {
        let (mut first, mut last) = (i32::MAX, i32::MIN);
        for year in years {
            first = first.min(year);
            last = last.max(year);
        }
        (first < last).then(|| match self.language {
            Language::En => format!("{what_en} mix years from {first} to {last}"),
            Language::Zh => format!("{what_zh}年份从{first}年到{last}年不等"),
        })
    }
}

/// Whether two values are the same as far as the sentence can tell.
fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether a ranking by stated value could be overturned: the one above is "at most" or the
/// one below "more than".
fn uncertain_order(above: Qualifier, below: Qualifier) -> bool {
    above == Qualifier::AtMost || below == Qualifier::AtLeast
}

/// Whether a figure of `period` covers fewer months of its year than one of `than`: a part of
/// a year beside a whole year or a longer part. A total of all years to date is no part of a
/// year: beside one, nothing is said of months.
fn fewer_months(period: Option<Period>, than: Option<Period>) -> bool {
    let months = |period: Option<Period>| match period {
        None => Some(12),
        Some(Period::H1 | Period::H2) => Some(6),
        Some(Period::JanTo(month)) => Some(month),
        Some(Period::Cumulative) => None,
    };
    matches!((months(period), months(than)), (Some(months), Some(than)) if months < than)
}

fn is_bound(qualifier: Qualifier) -> bool {
    matches!(qualifier, Qualifier::AtLeast | Qualifier::AtMost)
}

/// How many times `above` is `below`, when both are plain positive values of the same span of
/// time: five months of one park against a whole year of another is no multiple of anything.
fn ratio(above: &Stated, below: &Stated) -> Option<f64> {
    let plain = !is_bound(above.qualifier) && !is_bound(below.qualifier);
    // "About twice" a figure five years older says nothing of either park now.
    let same_span = above.period == below.period && above.year == below.year;
    // A multiple too large to read ("about 9,990,000,000 times", or "inf") says nothing
    // "ahead of" does not.
    (plain && same_span && above.value > 0.0 && below.value > 0.0)
        .then(|| above.value / below.value)
        .filter(|ratio| *ratio < LARGEST_MULTIPLE_SAID)
}

/// The names of the parks tied with the first of `ranked` (largest first), and whether the
/// tied figures read the same.
fn tied<'r>(ranked: &'r [(&'r ParkId, Stated)]) -> Vec<&'r (&'r ParkId, Stated)> {
    let Some((_, top)) = ranked.first() else { return Vec::new() };
    ranked.iter().take_while(|(_, r)| same_value(r.value, top.value)).collect()
}

/// "A and B share first place for total income, 630 bn yuan (2018)". The metric's name follows
/// "for", so the sentence reads whatever noun phrase it is ("firms", "total income").
fn tie_clause(words: &Words<'_>, ties: &[&(&ParkId, Stated)], what: &str, unit: &DisplayUnit) -> String {
    let names: Vec<String> = ties.iter().map(|(id, _)| words.park(id)).collect();
    let figures: Vec<String> = ties.iter().map(|(_, r)| words.figure(r, unit)).collect();
    let one_figure = figures.windows(2).all(|pair| pair[0] == pair[1]);
    let names = join_names(&names, words.language);
    let figures_text =
        if one_figure { figures.first().cloned().unwrap_or_default() } else { join_names(&figures, words.language) };
    match (words.language, one_figure) {
        (Language::En, true) => format!("{names} share first place for {what}, {figures_text}"),
        (Language::En, false) => format!("{names} share first place for {what}: {figures_text}"),
        (Language::Zh, true) => format!("{names}的{what}并列最高，为{figures_text}"),
        (Language::Zh, false) => format!("{names}的{what}并列最高，分别为{figures_text}"),
    }
}

/// Most parks a sentence names as possibly higher than the one ranked first; the rest are
/// counted.
const MOST_CHALLENGERS_NAMED: usize = 3;

/// "A ranks first for total income, 1,240 bn yuan (2013), about twice B's 630 bn yuan (2018)",
/// of `ranked` (largest first, at least two). When the stated order of the first two could be
/// overturned, every park whose figure could exceed the first's is named instead ("but B's 0.46
/// and C's more than 0.29 could exceed it"), not the second only.
/// `of_ratio` says the figures are shares or rates ([`crate::model::Metric::is_ratio`]): "about
/// 50% more than B's 27.3 %" would read as points, so they are only "ahead of" below twice.
fn leader_clause(
    words: &Words<'_>,
    ranked: &[(&ParkId, Stated)],
    (what, unit): (&str, &DisplayUnit),
    of_ratio: bool,
) -> String {
    let [(first, top), (second, next), ..] = ranked else { return String::new() };
    let (a, b) = (words.park(first), words.park(second));
    let (pa, pb) = (words.figure(top, unit), words.figure(next, unit));
    // The first's own figure an upper bound: every park below could be higher, and naming
    // them all would say no more than that.
    if top.qualifier == Qualifier::AtMost {
        return match words.language {
            Language::En => format!(
                "{a} ranks first for {what} by stated figure, {pa}, but as that is an upper bound, any other park may be higher"
            ),
            Language::Zh => format!("就已公布的数字而言，{a}的{what}最高，为{pa}，但该数字仅为上限，其他园区可能更高"),
        };
    }
    if uncertain_order(top.qualifier, next.qualifier) {
        let challengers = challengers_named(words, top, ranked, unit);
        return match words.language {
            Language::En => {
                // "Could exceed it": "may be higher" left the reader asking higher than what.
                format!("{a} ranks first for {what} by stated figure, {pa}, but {challengers} could exceed it")
            }
            Language::Zh => format!("就已公布的数字而言，{a}的{what}最高，为{pa}，但{challengers}可能超过这一数字"),
        };
    }
    let multiple = ratio(top, next).filter(|r| !of_ratio || *r >= 1.9);
    let comparison = match (multiple, words.language) {
        // A year's figure is not "ahead of" a quarter's: the quarter's park may be ahead by
        // the year's end. (A part of a year ahead of a whole year is ahead all the same.)
        (None, Language::En) if fewer_months(next.period, top.period) => {
            format!("beside {b}'s {pb}, which covers only part of its year")
        }
        (None, Language::Zh) if fewer_months(next.period, top.period) => {
            format!("{b}为{pb}，仅为部分月份数据，不宜直接比较")
        }
        (None, Language::En) => format!("ahead of {b}'s {pb}"),
        (None, Language::Zh) => format!("高于{b}，后者为{pb}"),
        (Some(r), Language::En) if r < 1.1 => format!("just ahead of {b}'s {pb}"),
        (Some(r), Language::Zh) if r < 1.1 => format!("略高于{b}，后者为{pb}"),
        (Some(r), Language::En) if r < 1.9 => format!("about {}% more than {b}'s {pb}", percent(r - 1.0)),
        (Some(r), Language::Zh) if r < 1.9 => format!("比{b}高约{}%，后者为{pb}", percent(r - 1.0)),
        (Some(r), Language::En) if r < 2.1 => format!("about twice {b}'s {pb}"),
        (Some(r), Language::En) => format!("about {} times {b}'s {pb}", times(r)),
        (Some(r), Language::Zh) => format!("约为{b}的{}倍，后者为{pb}", times(r)),
    };
    // The runner-up is stated plainly, but a park further down may state only a lower bound,
    // which could be above the first: the order is then by stated figure, and said to be.
    let bounds_below = could_overturn(top, ranked.get(2..).unwrap_or_default()).count();
    match (bounds_below, words.language) {
        (0, Language::En) => format!("{a} ranks first for {what}, {pa}, {comparison}"),
        (0, Language::Zh) => format!("{a}的{what}最高，为{pa}，{comparison}"),
        (1, Language::En) => format!(
            "{a} ranks first for {what} by stated figure, {pa}, {comparison}; 1 park below states only a lower \
             bound, which may be higher"
        ),
        (n, Language::En) => format!(
            "{a} ranks first for {what} by stated figure, {pa}, {comparison}; {} parks below state only a lower \
             bound, which may be higher",
            format_count(n)
        ),
        (n, Language::Zh) => {
            format!(
                "就已公布的数字而言，{a}的{what}最高，为{pa}，{comparison}；另有{}个园区仅公布下限，可能更高",
                format_count(n)
            )
        }
    }
}

/// Whether the first of `ranked` (largest first) is first whatever its bounds hide: neither it
/// an upper bound nor any figure below it a lower bound.
fn surely_first(ranked: &[(&ParkId, Stated)]) -> bool {
    ranked.split_first().is_none_or(|((_, top), below)| could_overturn(top, below).next().is_none())
}

/// The figures of `below` (ranked under the first's figure `top`) that could be above it, as
/// their bounds or the first's leave open.
fn could_overturn<'r, 'p>(
    top: &Stated,
    below: &'r [(&'p ParkId, Stated)],
) -> impl Iterator<Item = &'r (&'p ParkId, Stated)> {
    let top = top.qualifier;
    below.iter().filter(move |(_, stated)| uncertain_order(top, stated.qualifier))
}

/// The parks below the first of `ranked` whose "more than" figures could exceed its figure
/// `top`, each with its figure, in rank order: "B's more than 0.46, C's more than 0.29 and 2
/// other parks" when more than [`MOST_CHALLENGERS_NAMED`] could.
fn challengers_named(words: &Words<'_>, top: &Stated, ranked: &[(&ParkId, Stated)], unit: &DisplayUnit) -> String {
    let challengers: Vec<&(&ParkId, Stated)> = could_overturn(top, ranked.get(1..).unwrap_or_default()).collect();
    let mut named: Vec<String> = challengers
        .iter()
        .take(MOST_CHALLENGERS_NAMED)
        .map(|(id, stated)| {
            let (park, figure) = (words.park(id), words.figure(stated, unit));
            match words.language {
                Language::En => format!("{park}'s {figure}"),
                Language::Zh => format!("{park}的{figure}"),
            }
        })
        .collect();
    let rest = challengers.len().saturating_sub(MOST_CHALLENGERS_NAMED);
    if rest > 0 {
        named.push(match words.language {
            Language::En => count_phrase(rest, "other park", "other parks"),
            Language::Zh => format!("另外{}个园区", format_count(rest)),
        });
    }
    join_names(&named, words.language)
}

/// A share as a whole percentage, rounded to 5 % above 20 % so it does not pretend precision.
fn percent(share: f64) -> String {
    let pct = share * 100.0;
    let rounded = if pct >= 20.0 { (pct / 5.0).round() * 5.0 } else { pct.round() };
    format_value(rounded)
}

/// The largest multiple a sentence says ("about 640 times"); beyond it, one park is "ahead of"
/// the other.
const LARGEST_MULTIPLE_SAID: f64 = 1000.0;

/// A multiple: one decimal below ten ("2.6"), whole above ("14").
fn times(ratio: f64) -> String {
    if ratio < 10.0 { format_value((ratio * 10.0).round() / 10.0) } else { format_value(ratio.round()) }
}

/// Bars: who is highest and by how much over the next, the span of years when they differ,
/// and how many parks have no figure.
fn bars_takeaway(words: &Words<'_>, series: &BarSeries, choice: &PlotChoice) -> String {
    let (what, unit) = words.normalised(choice);
    let ranked: Vec<(&ParkId, Stated)> = series.bars.iter().map(|b| (&b.park, Stated::from(b))).collect();
    let missing = series.missing.len();
    let mut notes = Vec::new();
    if choice.year == YearChoice::Latest
        && series.mixed_years
        && let Some(span) = words.year_span("the bars", "各柱", series.bars.iter().map(|b| b.year))
    {
        notes.push(span);
    }
    notes.extend(words.without_figures(missing));
    // Figures below zero (losses, falls) said: "ranks first" of losses is the smallest one.
    let below_zero = ranked.iter().filter(|(_, stated)| stated.value < 0.0).count();
    notes.extend(words.below_zero(below_zero, ranked.len()));
    if choice.log_scale && !ranked.is_empty() && ranked.iter().all(|(_, stated)| stated.value <= 0.0) {
        // The log scale draws none of the bars: the sentence must not describe them.
        let main = match words.language {
            Language::En => format!("No figure of {what} is above zero, so the log scale draws none"),
            Language::Zh => format!("{what}均不大于零，对数坐标无法绘制"),
        };
        return words.sentence(&main, &notes);
    }
    let main = match ranked.as_slice() {
        [] => return words.nothing(missing, &what),
        [(only, reading)] if missing == 0 => match words.language {
            Language::En => format!("{}'s figure for {what} is {}", words.park(only), words.figure(reading, &unit)),
            Language::Zh => format!("{}的{what}为{}", words.park(only), words.figure(reading, &unit)),
        },
        [(only, reading)] => {
            // The count of parks without a figure is already in the main clause.
            notes.pop();
            let (name, figure) = (words.park(only), words.figure(reading, &unit));
            match words.language {
                Language::En => {
                    format!("{name} is the only one of {} parks shown with a figure for {what}, {figure}", missing + 1)
                }
                Language::Zh => format!("所显示的{}个园区中仅{name}有{what}数据，为{figure}", missing + 1),
            }
        }
        [_, _, ..] => {
            let ties = tied(&ranked);
            if ties.len() > 1 {
                tie_clause(words, &ties, &what, &unit)
            } else {
                let of_ratio = choice.divided(words.dataset).is_none() && words.is_ratio(&choice.metric);
                leader_clause(words, &ranked, (&what, &unit), of_ratio)
            }
        }
    };
    words.sentence(&main, &notes)
}

/// The whole-year actual figures of a park, oldest first.
fn whole_years(series: &ParkTimeSeries) -> Vec<&TimePoint> {
    series.runs.iter().flatten().collect()
}

/// How fast a park's figure changed between its first and last whole-year figure of the same
/// ground, a year.
struct Growth<'a> {
    park: &'a ParkId,
    first: &'a TimePoint,
    last: &'a TimePoint,
    /// A share of the figure (compound), or a difference in the stored unit, a year.
    per_year: f64,
    change: Change,
}

/// How a yearly change is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    /// As a share of the figure, compounded: an amount (money, a count) "grew 19% a year".
    Compound,
    /// As a difference in points: a figure in per cent or per mille. "4.1% a year" beside
    /// "62%" and "72.9%" is heard as points, which it is not.
    Points,
}

impl Change {
    /// How the change of figures written in `unit` is measured: in points for per cent and per
    /// mille, compounded for anything else (a density grows by a share of itself, as money does).
    fn of(unit: &DisplayUnit) -> Self {
        if matches!(unit.name.as_str(), "%" | "‰") { Self::Points } else { Self::Compound }
    }
}

/// The park's growth since its first whole-year figure of the ground its last one covers: a
/// rise across a change of the park's area is the new ground, not growth. A compound rate
/// needs both figures above zero.
fn growth(series: &ParkTimeSeries, change: Change) -> Option<Growth<'_>> {
    let (first, last) = growth_ends(series)?;
    let span = f64::from(last.year - first.year);
    let per_year = match change {
        Change::Compound if first.value > 0.0 && last.value > 0.0 => (last.value / first.value).powf(1.0 / span) - 1.0,
        Change::Compound => return None,
        Change::Points => (last.value - first.value) / span,
    };
    Some(Growth { park: &series.park, first, last, per_year, change })
}

/// The first and last whole-year figures a rate of growth would be measured between (of
/// different years, on the same ground), whatever their values.
fn growth_ends(series: &ParkTimeSeries) -> Option<(&TimePoint, &TimePoint)> {
    let years = whole_years(series);
    let last = *years.last()?;
    let first = *years.iter().find(|point| series.same_ground(point, last))?;
    (last.year > first.year).then_some((first, last))
}

/// "no yearly rate for Finn-Medi (a figure at or below zero)": said when a park has figures
/// over years but no rate of growth can be worked out from them, so that "grew fastest" is not
/// heard as of every park drawn.
fn no_rate_note(words: &Words<'_>, series: &[ParkTimeSeries], change: Change) -> Option<String> {
    if change == Change::Points {
        return None;
    }
    let parks: Vec<String> = series
        .iter()
        .filter(|s| growth_ends(s).is_some_and(|(first, last)| first.value <= 0.0 || last.value <= 0.0))
        .map(|s| words.park(&s.park))
        .collect();
    (!parks.is_empty()).then(|| match words.language {
        Language::En => {
            format!("no yearly rate for {} (a figure at or below zero)", join_names(&parks, words.language))
        }
        Language::Zh => format!("{}有零或负值，无法计算年均增长率", join_names(&parks, words.language)),
    })
}

/// The years a park's ground changed between its first and last whole-year figures: the
/// changes [`growth`] does not measure across.
fn changes_within(series: &ParkTimeSeries) -> Vec<i32> {
    let years = whole_years(series);
    let (Some(first), Some(last)) = (years.first(), years.last()) else { return Vec::new() };
    series
        .boundary_changes
        .iter()
        .copied()
        .filter(|&year| first.ground_year < year && year <= last.ground_year)
        .collect()
}

/// "growth is not measured across a change of a park's area (Xicheng Park 2006, 2012)": said
/// when a park's figures span such a change, so that its rise is not taken for growth.
fn boundary_note(words: &Words<'_>, series: &[ParkTimeSeries]) -> Option<String> {
    let parks: Vec<String> = series
        .iter()
        .filter_map(|s| {
            let years: Vec<String> = changes_within(s).iter().map(i32::to_string).collect();
            (!years.is_empty()).then(|| match words.language {
                Language::En => format!("{} {}", words.park(&s.park), years.join(", ")),
                Language::Zh => format!("{}{}年", words.park(&s.park), years.join("、")),
            })
        })
        .collect();
    (!parks.is_empty()).then(|| match words.language {
        Language::En => format!("growth is not measured across a change of a park's area ({})", parks.join("; ")),
        Language::Zh => format!("{}范围调整，增长未跨调整期计算", parks.join("、")),
    })
}

/// Which way a park's figure went, as far as its qualifiers let a sentence say: from "about
/// 18,000" to "more than 10,000" it may have risen or fallen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Rose,
    Fell,
    Held,
    Unknown,
}

/// How sure a stated yearly rate is: exact (as exact as its figures), or only a bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RateBound {
    /// The rate is about what is stated.
    About,
    /// The rate is at least what is stated: it starts "less than" or ends "more than".
    AtLeast,
    /// The rate is at most what is stated.
    AtMost,
    /// Nothing can be said of it: bounds both ways, or a bound resting on an "about" figure.
    Unknown,
}

impl Growth<'_> {
    fn direction(&self) -> Direction {
        let (start, end) = (self.first, self.last);
        let bounded = is_bound(start.qualifier) || is_bound(end.qualifier);
        if same_value(start.value, end.value) {
            return if bounded { Direction::Unknown } else { Direction::Held };
        }
        let rising = end.value > start.value;
        // A rise is sure unless the end may be lower ("less than") or the start higher ("more
        // than") than stated; a fall the other way round.
        match (rising, start.qualifier, end.qualifier) {
            (true, Qualifier::AtLeast, _)
            | (true, _, Qualifier::AtMost)
            | (false, Qualifier::AtMost, _)
            | (false, _, Qualifier::AtLeast) => Direction::Unknown,
            (true, ..) => Direction::Rose,
            (false, ..) => Direction::Fell,
        }
    }

    /// Which way the bounds among its figures let the rate move from what they give, "about"
    /// figures taken as they are: a ranking of rates may rest on that.
    fn rate_leeway(&self) -> RateBound {
        let (start, end) = (self.first.qualifier, self.last.qualifier);
        let lower = start == Qualifier::AtMost || end == Qualifier::AtLeast;
        let upper = start == Qualifier::AtLeast || end == Qualifier::AtMost;
        match (lower, upper) {
            (true, true) => RateBound::Unknown,
            (true, false) => RateBound::AtLeast,
            (false, true) => RateBound::AtMost,
            (false, false) => RateBound::About,
        }
    }

    /// How sure the rate is as a number to print: a bound resting on an "about" figure ("more
    /// than 400" after "about 23.7", whose start may be above 23.7) is no sure bound.
    fn rate_bound(&self) -> RateBound {
        let approximate = [self.first.qualifier, self.last.qualifier].contains(&Qualifier::Approximate);
        match self.rate_leeway() {
            RateBound::AtLeast | RateBound::AtMost if approximate => RateBound::Unknown,
            leeway => leeway,
        }
    }
}

/// "about 19% a year", "at least 26% a year", "down about 4% a year"; for a share, in points:
/// "about 2.7 percentage points a year" (`unit` is the metric's). `None` when the qualifiers
/// leave nothing to say. A bound is rounded the way it stays true: 26.6% at least is "at least
/// 26%", not 27%.
fn rate_phrase(growth: &Growth<'_>, unit: &DisplayUnit, language: Language) -> Option<String> {
    let bound = growth.rate_bound();
    // In per cent of the figure, or in points.
    let yearly = match growth.change {
        Change::Compound => growth.per_year * 100.0,
        Change::Points => unit.value(growth.per_year),
    };
    // Whole numbers from 10 a year, one decimal below; points below one, two decimals, as
    // finely as a figure is written.
    let step = match yearly.abs() {
        at_least_ten if at_least_ten >= 10.0 => 1.0,
        below_one if below_one < 1.0 && growth.change == Change::Points => 0.01,
        _ => 0.1,
    };
    let rounded = match bound {
        RateBound::AtLeast => (yearly / step).floor() * step,
        RateBound::AtMost => (yearly / step).ceil() * step,
        RateBound::About => (yearly / step).round() * step,
        RateBound::Unknown => return None,
    };
    // A change too small to write is not said as "about 0 points a year" after "rose".
    if growth.change == Change::Points && rounded == 0.0 {
        return None;
    }
    let down = rounded < 0.0;
    let number = format_value(rounded.abs());
    let amount = match growth.change {
        Change::Compound => format!("{number}%"),
        Change::Points => with_unit(number, points_of(&unit.name, language).name_after(rounded.abs())),
    };
    // For a fall, "at least" a rate is "at most" a fall, and the other way round.
    let phrase = match (language, down, bound) {
        (Language::En, false, RateBound::AtLeast) => format!("at least {amount} a year"),
        (Language::En, false, RateBound::AtMost) => format!("at most {amount} a year"),
        (Language::En, false, _) => format!("about {amount} a year"),
        (Language::En, true, RateBound::AtLeast) => format!("down at most {amount} a year"),
        (Language::En, true, RateBound::AtMost) => format!("down at least {amount} a year"),
        (Language::En, true, _) => format!("down about {amount} a year"),
        (Language::Zh, false, RateBound::AtLeast) => format!("年均至少增长{amount}"),
        (Language::Zh, false, RateBound::AtMost) => format!("年均至多增长{amount}"),
        (Language::Zh, false, _) => format!("年均增长约{amount}"),
        (Language::Zh, true, RateBound::AtLeast) => format!("年均至多下降{amount}"),
        (Language::Zh, true, RateBound::AtMost) => format!("年均至少下降{amount}"),
        (Language::Zh, true, _) => format!("年均下降约{amount}"),
    };
    Some(phrase)
}

/// What a sentence may claim of the growth it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GrowthClaim {
    /// The only park with a growth to name: no "fastest", nothing to compare with.
    Only,
    /// The fastest of several, surely.
    Fastest,
    /// The fastest as stated, but a bound could change that.
    FastestStated,
}

/// What the sentence may claim of `chosen`, the highest stated rate of `all`: "fastest" only
/// when no bound could put another park ahead of it, or it behind.
fn growth_claim(chosen: &Growth<'_>, all: &[Growth<'_>]) -> GrowthClaim {
    if all.len() < 2 {
        return GrowthClaim::Only;
    }
    let chosen_sure = matches!(chosen.direction(), Direction::Rose | Direction::Fell | Direction::Held)
        && matches!(chosen.rate_leeway(), RateBound::About | RateBound::AtLeast);
    let others_below = all
        .iter()
        .filter(|other| other.park != chosen.park)
        .all(|other| matches!(other.rate_leeway(), RateBound::About | RateBound::AtMost));
    if chosen_sure && others_below { GrowthClaim::Fastest } else { GrowthClaim::FastestStated }
}

/// The unit a change of a share is counted in: points of its per cent or per mille.
fn points_of(share_unit: &str, language: Language) -> DisplayUnit {
    let (singular, plural) = match (share_unit, language) {
        ("‰", Language::En) => ("per-mille point", "per-mille points"),
        ("‰", Language::Zh) => ("个千分点", "个千分点"),
        (_, Language::En) => ("percentage point", "percentage points"),
        (_, Language::Zh) => ("个百分点", "个百分点"),
    };
    DisplayUnit { name: plural.to_owned(), factor: 1.0, singular: Some(singular.to_owned()) }
}

/// "grew fastest, from 61 bn yuan (2005) to 558 bn yuan (2018), about 19% a year".
fn growth_clause(words: &Words<'_>, growth: &Growth<'_>, unit: &DisplayUnit, claim: GrowthClaim) -> String {
    use Direction::{Fell, Rose};
    use GrowthClaim::{Fastest, FastestStated, Only};
    let from = words.figure(&Stated::from(growth.first), unit);
    let to = words.figure(&Stated::from(growth.last), unit);
    let rate =
        rate_phrase(growth, unit, words.language).map(|r| if words.en() { format!(", {r}") } else { format!("，{r}") });
    let mut rate = rate.unwrap_or_default();
    // Two publishers may count differently: their difference is not all change, and the
    // reader is told so. (One publisher's reports of two years are its own series.)
    let publisher = |point: &TimePoint| words.dataset.source(&point.source).map(|source| source.publisher.as_str());
    if publisher(growth.first) != publisher(growth.last) {
        rate.push_str(match words.language {
            Language::En => " (the two figures are from different sources)",
            Language::Zh => "（两个数字来源不同）",
        });
    }
    let direction = growth.direction();
    if direction == Direction::Held {
        // The best any park did was to stay where it was: "fell least, about 0% a year" would
        // say a fall that did not happen.
        return match words.language {
            Language::En => format!("held steady, from {from} to {to}"),
            Language::Zh => format!("保持不变，从{from}到{to}"),
        };
    }
    match (words.language, claim, direction) {
        (Language::En, Only, Rose) => format!("rose from {from} to {to}{rate}"),
        (Language::En, Only, Fell) => format!("fell from {from} to {to}{rate}"),
        (Language::En, Fastest, Rose) => format!("grew fastest, from {from} to {to}{rate}"),
        (Language::En, Fastest, Fell) => format!("fell least, from {from} to {to}{rate}"),
        (Language::En, FastestStated, _) => format!("had the fastest stated growth, from {from} to {to}{rate}"),
        (Language::En, _, _) => format!("went from {from} to {to}{rate}"),
        (Language::Zh, Only, Rose) => format!("从{from}增至{to}{rate}"),
        (Language::Zh, Only, Fell) => format!("从{from}降至{to}{rate}"),
        (Language::Zh, Fastest, Rose) => format!("增长最快，从{from}增至{to}{rate}"),
        (Language::Zh, Fastest, Fell) => format!("降幅最小，从{from}降至{to}{rate}"),
        (Language::Zh, FastestStated, _) => format!("就已公布的数字而言增长最快，从{from}变为{to}{rate}"),
        (Language::Zh, _, _) => format!("从{from}变为{to}{rate}"),
    }
}

/// Time series: who leads on the latest whole-year figure, who grew fastest a year between
/// their first and last whole-year figures, and how many parks have no figure. Targets,
/// forecasts and part-year figures are left out: they are not comparable actuals.
/// How many parks drawn without a whole-year figure the time series' sentence names.
const MOST_UNRANKED_NAMED: usize = 3;

fn time_series_takeaway(words: &Words<'_>, series: &[ParkTimeSeries], missing: &[ParkId], metric: &MetricId) -> String {
    let (what, unit) = (words.metric(metric), words.unit(metric));
    let change = Change::of(&unit);
    let mut latest: Vec<(&ParkId, Stated)> =
        series.iter().filter_map(|s| Some((&s.park, Stated::from(*whole_years(s).last()?)))).collect();
    latest.sort_by(|a, b| b.1.value.total_cmp(&a.1.value).then_with(|| words.dataset_order(a.0, b.0)));
    let mut notes: Vec<String> = words
        .without_figures(missing.len())
        .into_iter()
        .chain(boundary_note(words, series))
        .chain(no_rate_note(words, series, change))
        .collect();
    // A park drawn with only targets, forecasts or parts of years is in the chart but in no
    // ranking: named, so that the sentence does not pass over a line the room can see.
    let unranked: Vec<String> =
        series.iter().filter(|s| whole_years(s).is_empty()).map(|s| words.park(&s.park)).collect();
    if !latest.is_empty() && !unranked.is_empty() {
        // Named up to a few, then counted: a slide's sentence stays a sentence.
        let shown = &unranked[..unranked.len().min(MOST_UNRANKED_NAMED)];
        let more = unranked.len() - shown.len();
        let names = if more == 0 {
            join_names(shown, words.language)
        } else {
            let counted = crate::i18n::strings(words.language).more_parks_after_list;
            crate::i18n::listed_then_counted(shown, more, counted, words.language)
        };
        notes.push(match words.language {
            Language::En => format!("{names} not ranked, with no whole-year figure"),
            Language::Zh => format!("{names}无全年数据，未参与排名"),
        });
    }
    let Some(leader) = latest.first() else {
        // Parks drawn, but none with a figure of a whole year: "no park to compare" over a
        // chart of them would deny what it shows.
        let projected = series.iter().any(|s| !s.projections.is_empty());
        return match (series.is_empty(), projected, words.language) {
            (true, ..) => words.nothing(missing.len(), &what),
            (false, false, Language::En) => format!(
                "No whole-year figure of {what} to compare: those drawn cover part of a year or all years to then."
            ),
            (false, false, Language::Zh) => {
                format!("没有可比较的{what}全年数据：图中数据仅为部分月份或截至当年的累计数。")
            }
            (false, true, Language::En) => format!(
                "No actual whole-year figure of {what} to compare: those drawn are targets, forecasts, parts of a year \
                 or totals to then."
            ),
            (false, true, Language::Zh) => {
                format!("没有可比较的{what}全年实际数据：图中数据为目标、预测、部分月份或截至当年的累计数。")
            }
        };
    };
    let growths: Vec<Growth<'_>> = series.iter().filter_map(|s| growth(s, change)).collect();
    let fastest = growths.iter().max_by(|a, b| a.per_year.partial_cmp(&b.per_year).unwrap_or(Ordering::Equal));
    let claim = fastest.map_or(GrowthClaim::Only, |g| growth_claim(g, &growths));
    // "Fastest" of rates over different years (one park's 2005–2013, another's 2015–2018) would
    // be heard as "fastest now": the sentence says each rate is over its park's own years.
    let spans: std::collections::BTreeSet<(i32, i32)> = growths.iter().map(|g| (g.first.year, g.last.year)).collect();
    if claim != GrowthClaim::Only && spans.len() > 1 {
        notes.push(match words.language {
            Language::En => "each park's rate is over the years of its own figures".to_owned(),
            Language::Zh => "各园区的增长率按各自数据的年份计算".to_owned(),
        });
    }
    if latest.len() == 1 {
        let name = words.park(leader.0);
        let figures = series.iter().find(|s| &s.park == leader.0).map_or(0, |s| whole_years(s).len());
        let figure = words.figure(&leader.1, &unit);
        let main = match (&fastest, words.language) {
            (Some(g), Language::En) => format!("{name}'s {what} {}", growth_clause(words, g, &unit, claim)),
            (Some(g), Language::Zh) => format!("{name}的{what}{}", growth_clause(words, g, &unit, claim)),
            (None, Language::En) if figures > 1 => format!("{name}'s latest whole-year figure for {what} is {figure}"),
            (None, Language::Zh) if figures > 1 => format!("{name}的最新全年{what}为{figure}"),
            (None, Language::En) => format!("{name} has one whole-year figure for {what}, {figure}"),
            (None, Language::Zh) => format!("{name}仅有一个全年{what}数据，为{figure}"),
        };
        return words.sentence(&main, &notes);
    }
    let ties = tied(&latest);
    // A part-year figure or a target drawn after a park's latest whole-year figure would read as
    // the "latest" the sentence quotes: then the sentence says which.
    let latest_what = latest_words(words, &what, series.iter().any(runs_past_whole_years));
    let lead = if ties.len() > 1 {
        tie_clause(words, &ties, &latest_what, &unit)
    } else {
        let (name, figure) = (words.park(leader.0), words.figure(&leader.1, &unit));
        match words.language {
            Language::En => format!("{name} ranks first for {latest_what}, {figure}"),
            Language::Zh => format!("{name}的{latest_what}最高，为{figure}"),
        }
    };
    let main = match fastest {
        Some(g) if ties.len() == 1 && g.park == leader.0 => match words.language {
            Language::En => format!("{lead}, and {}", growth_clause(words, g, &unit, claim)),
            Language::Zh => format!("{lead}，且{}", growth_clause(words, g, &unit, claim)),
        },
        Some(g) => match words.language {
            Language::En => format!("{lead}; {} {}", words.park(g.park), growth_clause(words, g, &unit, claim)),
            Language::Zh => format!("{lead}；{}{}", words.park(g.park), growth_clause(words, g, &unit, claim)),
        },
        None => lead,
    };
    words.sentence(&main, &notes)
}

/// "total income by latest figure"; "… by latest whole-year figure" when `whole_year` must be
/// said. It follows "ranks first for", so any metric name reads ("firms by latest figure").
fn latest_words(words: &Words<'_>, what: &str, whole_year: bool) -> String {
    match (words.language, whole_year) {
        (Language::En, false) => format!("{what} by latest figure"),
        (Language::En, true) => format!("{what} by latest whole-year figure"),
        (Language::Zh, false) => format!("最新{what}"),
        (Language::Zh, true) => format!("最新全年{what}"),
    }
}

/// Whether the chart draws `series` on past its latest whole-year figure (a part of a later
/// year, a target).
fn runs_past_whole_years(series: &ParkTimeSeries) -> bool {
    let last_whole_year = whole_years(series).last().map_or(f64::NEG_INFINITY, |point| point.x);
    series.projections.iter().chain(&series.loose).any(|point| point.x > last_whole_year)
}

/// Spearman's rank correlation of `pairs`; `None` when either side has no spread.
fn rank_correlation(pairs: &[(f64, f64)]) -> Option<f64> {
    let ranks = |values: Vec<f64>| -> Vec<f64> {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
        let mut ranks = vec![0.0; values.len()];
        let mut i = 0;
        while i < order.len() {
            // Ties share the mean of their ranks.
            let mut j = i;
            while j + 1 < order.len() && same_value(values[order[j + 1]], values[order[i]]) {
                j += 1;
            }
            for &at in &order[i..=j] {
                ranks[at] = (i + j) as f64 / 2.0;
            }
            i = j + 1;
        }
        ranks
    };
    let xs = ranks(pairs.iter().map(|p| p.0).collect());
    let ys = ranks(pairs.iter().map(|p| p.1).collect());
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let cov: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let (vx, vy): (f64, f64) = (xs.iter().map(|x| (x - mx).powi(2)).sum(), ys.iter().map(|y| (y - my).powi(2)).sum());
    (vx > 0.0 && vy > 0.0).then(|| cov / (vx * vy).sqrt())
}

/// Scatter: who is highest on the vertical metric (and on both, when one park is), whether
/// the two metrics go together when there are enough points to say, the span of years, and
/// how many parks lack a figure.
fn scatter_takeaway(words: &Words<'_>, points: &[ScatterPoint], missing: &[ParkId], choice: &PlotChoice) -> String {
    // A metric against itself has no story to tell ("first for both turnover and turnover").
    if choice.scatters_one_metric() {
        return String::new();
    }
    let (x_what, y_what) = (words.metric(&choice.x_metric), words.metric(&choice.y_metric));
    let (x_unit, y_unit) = (words.unit(&choice.x_metric), words.unit(&choice.y_metric));
    let both = if words.en() { format!("both {y_what} and {x_what}") } else { format!("{y_what}和{x_what}") };
    let mut notes = Vec::new();
    if let Some(span) = words.year_span("the figures", "各点数据", points.iter().flat_map(|p| [p.x.year, p.y.year]))
    {
        notes.push(span);
    }
    if !missing.is_empty() {
        notes.push(match words.language {
            Language::En => {
                let verb = if missing.len() == 1 { "lacks" } else { "lack" };
                format!("{} {verb} one of the figures", count_phrase(missing.len(), "park", "parks"))
            }
            Language::Zh => format!("{}个园区缺少其中一项数据", format_count(missing.len())),
        });
    }
    let by = |pick: fn(&ScatterPoint) -> &Reading| {
        let mut ranked: Vec<(&ParkId, Stated)> = points.iter().map(|p| (&p.park, Stated::from(pick(p)))).collect();
        ranked.sort_by(|a, b| b.1.value.total_cmp(&a.1.value).then_with(|| words.dataset_order(a.0, b.0)));
        ranked
    };
    let (by_y, by_x) = (by(|p| &p.y), by(|p| &p.x));
    let main = match (by_y.as_slice(), by_x.first()) {
        ([], _) | (_, None) => return words.nothing(missing.len(), &both),
        ([(park, y)], Some((_, x))) => {
            let (name, py, px) = (words.park(park), words.figure(y, &y_unit), words.figure(x, &x_unit));
            match words.language {
                Language::En => format!("{name} is the only park with both figures: {y_what} {py}, {x_what} {px}"),
                Language::Zh => format!("仅{name}两项数据齐全：{y_what}{py}，{x_what}{px}"),
            }
        }
        ([top_y, _, ..], Some(top_x)) => {
            let y_ties = tied(&by_y);
            let x_ties = tied(&by_x);
            // First for sure on both axes: no figure below either first, the runner-up's or one
            // further down, is a bound that could be above it.
            let certain = surely_first(&by_y) && surely_first(&by_x);
            let mut main = if y_ties.len() == 1 && x_ties.len() == 1 && top_y.0 == top_x.0 && certain {
                let (name, py, px) =
                    (words.park(top_y.0), words.figure(&top_y.1, &y_unit), words.figure(&top_x.1, &x_unit));
                match words.language {
                    Language::En => format!("{name} ranks first for both {y_what}, at {py}, and {x_what}, at {px}"),
                    Language::Zh => format!("{name}的{y_what}和{x_what}均最高，分别为{py}和{px}"),
                }
            } else if y_ties.len() > 1 {
                tie_clause(words, &y_ties, &y_what, &y_unit)
            } else {
                leader_clause(words, &by_y, (&y_what, &y_unit), words.is_ratio(&choice.y_metric))
            };
            // "Highest" among the points only: a park without one of the figures (the highest of
            // all, perhaps, on the bars before) is not on the chart.
            if !missing.is_empty() {
                let n = format_count(points.len());
                main = match words.language {
                    Language::En => format!("Of the {n} parks with both figures, {main}"),
                    Language::Zh => format!("在两项数据齐全的{n}个园区中，{main}"),
                };
            }
            if let Some(trend) = trend_clause(words, points, &x_what, &y_what) {
                main.push_str(clause_separator(words.language));
                main.push_str(&trend);
            }
            main
        }
    };
    words.sentence(&main, &notes)
}

/// Whether the metrics go together, said only with enough points and a clear rank correlation.
fn trend_clause(words: &Words<'_>, points: &[ScatterPoint], x_what: &str, y_what: &str) -> Option<String> {
    if points.len() < MIN_POINTS_FOR_TREND {
        return None;
    }
    let pairs: Vec<(f64, f64)> = points.iter().map(|p| (p.x.value, p.y.value)).collect();
    let rho = rank_correlation(&pairs)?;
    let n = format_count(points.len());
    match (words.language, rho) {
        (Language::En, r) if r >= 0.7 => Some(format!(
            "across the {n} parks, a higher figure for {x_what} tends to go with a higher one for {y_what}"
        )),
        (Language::En, r) if r <= -0.7 => Some(format!(
            "across the {n} parks, a higher figure for {x_what} tends to go with a lower one for {y_what}"
        )),
        (Language::Zh, r) if r >= 0.7 => Some(format!("在这{n}个园区中，{x_what}越高，{y_what}往往越高")),
        (Language::Zh, r) if r <= -0.7 => Some(format!("在这{n}个园区中，{x_what}越高，{y_what}往往越低")),
        _ => None,
    }
}

/// Matrix: the industry most of the shown parks list (how many lead in it), or that none is
/// shared; how many parks list no industry.
fn matrix_takeaway(words: &Words<'_>, matrix: &IndustryMatrix, shown: usize) -> String {
    let n = matrix.parks.len();
    let column = |c: usize| matrix.cells.iter().filter_map(move |row| row.get(c).copied().flatten());
    let mut counts: Vec<(usize, usize, &IndustryId)> = matrix
        .industries
        .iter()
        .enumerate()
        .map(|(c, id)| (column(c).count(), column(c).filter(|r| *r == Role::Leading).count(), id))
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    let without = matrix.cells.iter().filter(|row| row.iter().all(Option::is_none)).count();
    // The matrix's rows are the dataset's entries: where two are parts of one park, "of 17
    // parks" contradicted the scope line's "16 parks (17 entries)" on the same slide.
    let lists_parts = words.dataset.count_parks(&matrix.parks).lists_parts();
    let (row, rows, rows_zh) =
        if lists_parts { ("entry", "entries", "个条目") } else { ("park", "parks", "个园区") };
    let mut notes = Vec::new();
    if without > 0 {
        notes.push(match words.language {
            Language::En => {
                format!("{} no industry", count_phrase(without, &format!("{row} lists"), &format!("{rows} list")))
            }
            Language::Zh => format!("{without}{rows_zh}未列出产业"),
        });
    }
    let Some(&(top, _, _)) = counts.first() else {
        return match (words.language, shown.max(n)) {
            (Language::En, 0) => "No park to compare.".to_owned(),
            (Language::En, 1) => "The park shown lists no industry.".to_owned(),
            (Language::En, k) => format!("None of the {} {rows} shown lists an industry.", format_count(k)),
            (Language::Zh, 0) => "没有可比较的园区。".to_owned(),
            (Language::Zh, k) => format!("所显示的{}{rows_zh}均未列出产业。", format_count(k)),
        };
    };
    let main = if n == 1 {
        let name = matrix.parks.first().map(|id| words.park(id)).unwrap_or_default();
        let leading = counts.iter().filter(|c| c.1 > 0).count();
        match words.language {
            Language::En => {
                format!("{name} lists {}, leading in {leading}", count_phrase(counts.len(), "industry", "industries"))
            }
            Language::Zh => format!("{name}列出{}个产业，其中{leading}个为主导产业", counts.len()),
        }
    } else if top == 1 {
        match words.language {
            Language::En => format!(
                "No industry is shared: each of the {} appears in one {row}",
                count_phrase(counts.len(), "industry", "industries")
            ),
            Language::Zh => format!("没有共同产业：{}个产业各只出现在一{rows_zh}", counts.len()),
        }
    } else {
        let shared: Vec<&(usize, usize, &IndustryId)> = counts.iter().take_while(|c| c.0 == top).collect();
        let names: Vec<String> = shared.iter().map(|c| words.industry(c.2)).collect();
        let names = join_names(&names, words.language);
        let leading: usize = shared.iter().map(|c| c.1).sum();
        let (top, n) = (format_count(top), format_count(n));
        let main = match (words.language, shared.len()) {
            (Language::En, 1) => format!("{names} is the most shared industry, in {top} of {n} {rows}"),
            (Language::En, _) => format!("{names} are the most shared industries, each in {top} of {n} {rows}"),
            (Language::Zh, 1) => format!("{names}是最多园区共有的产业，{n}{rows_zh}中有{top}个涉及"),
            (Language::Zh, _) => format!("{names}是最多园区共有的产业，{n}{rows_zh}中各有{top}个涉及"),
        };
        match (words.language, shared.len() == 1 && leading > 0) {
            (Language::En, true) => format!("{main}, {} of them as leading industry", format_count(leading)),
            (Language::Zh, true) => format!("{main}，其中{}个为主导产业", format_count(leading)),
            (_, false) => main,
        }
    };
    words.sentence(&main, &notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{SMALL_RON, small_dataset};
    use crate::model::{Observation, SourceId, load_dataset};
    use crate::state::series::{PlotKind, industry_matrix, scatter_points};
    use crate::state::{MatrixOrder, PlotView};

    fn ids(list: &[&str]) -> Vec<ParkId> {
        list.iter().map(|id| ParkId::new(*id)).collect()
    }

    fn choice(kind: PlotKind, metric: &str) -> PlotChoice {
        PlotChoice { kind, metric: MetricId::new(metric), ..PlotChoice::for_dataset(&small_dataset()) }
    }

    /// Adds a figure to a park of the small dataset.
    fn add(dataset: &mut Dataset, park: &str, metric: &str, value: f64, year: i32, qualifier: Qualifier) {
        let park = dataset.parks.iter_mut().find(|p| p.id.as_str() == park).expect("a park of the fixture");
        park.observations.push(Observation {
            metric: MetricId::new(metric),
            value,
            year,
            period: None,
            qualifier,
            source: SourceId::new("s1"),
            note: None,
            note_zh: None,
            part: None,
            ground: None,
        });
    }

    /// A multiple too large to read is not said: "about inf times", or one of 25 digits, told
    /// nothing.
    #[test]
    fn a_lead_too_large_to_write_as_a_multiple_is_said_plainly() {
        let mut dataset = small_dataset();
        let choice = choice(PlotKind::Bars, "planned_area");
        for park in ["alpha", "beta"] {
            let park = dataset.parks.iter_mut().find(|p| p.id.as_str() == park).expect("a park");
            park.observations.retain(|o| o.metric.as_str() != "planned_area");
        }
        add(&mut dataset, "alpha", "planned_area", 9.99e14, 2012, Qualifier::Reported);
        add(&mut dataset, "beta", "planned_area", 1e-10, 2012, Qualifier::Reported);
        for language in [Language::En, Language::Zh] {
            let said = sentence(&dataset, &["alpha", "beta"], &choice, language);
            assert!(!said.contains("times") && !said.contains('倍'), "{said}");
            assert!(said.contains("ahead of") || said.contains("高于"), "{said}");
        }
    }

    fn sentence(dataset: &Dataset, parks: &[&str], choice: &PlotChoice, language: Language) -> String {
        let parks = ids(parks);
        let data = PlotData::new(dataset, &parks, choice, language);
        plot_takeaway(dataset, &data, choice, parks.len(), language)
    }

    /// Figures below zero are said, and a log scale that can draw none of them is not
    /// described as if it drew bars.
    #[test]
    fn bars_below_zero_are_said_and_a_log_scale_of_none_says_so() {
        let mut dataset = small_dataset();
        for park in ["alpha", "beta", "gamma"] {
            dataset
                .parks
                .iter_mut()
                .find(|p| p.id.as_str() == park)
                .expect("a park")
                .observations
                .retain(|o| o.metric.as_str() != "total_profit");
        }
        add(&mut dataset, "alpha", "total_profit", -0.05, 2024, Qualifier::Reported);
        add(&mut dataset, "beta", "total_profit", -2.5, 2024, Qualifier::Reported);
        let profit = choice(PlotKind::Bars, "total_profit");
        let linear = sentence(&dataset, &["alpha", "beta"], &profit, Language::En);
        assert!(linear.starts_with("Alpha Park ranks first for total profit"), "{linear}");
        assert!(linear.ends_with("; every figure is below zero."), "{linear}");
        let zh = sentence(&dataset, &["alpha", "beta"], &profit, Language::Zh);
        assert!(zh.ends_with("；各园区数值均低于零。"), "{zh}");
        let log = PlotChoice { log_scale: true, ..profit.clone() };
        let log_en = sentence(&dataset, &["alpha", "beta"], &log, Language::En);
        assert_eq!(
            log_en,
            "No figure of total profit is above zero, so the log scale draws none; every figure is below zero."
        );
        add(&mut dataset, "gamma", "total_profit", 3.0, 2024, Qualifier::Reported);
        let mixed = sentence(&dataset, &["alpha", "beta", "gamma"], &profit, Language::En);
        assert!(
            mixed.starts_with("Gamma Park ranks first") && mixed.ends_with("; 2 parks' figures are below zero."),
            "{mixed}"
        );
    }

    #[test]
    fn bars_name_the_leader_the_runner_up_the_years_and_the_parks_without_figures() {
        let mut dataset = small_dataset();
        add(&mut dataset, "beta", "total_income", 315.0, 2018, Qualifier::Reported);
        let income = choice(PlotKind::Bars, "total_income");
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &income, Language::En),
            "Alpha Park ranks first for total income, 630 bn yuan (2018, preliminary), about twice Beta Park's \
             315 bn yuan (2018); 1 park has no figure."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &income, Language::Zh),
            "甲园的总收入最高，为6,300亿元（2018年，初步统计），约为乙园的2倍，后者为3,150亿元（2018年）；\
             1个园区无数据。"
        );
        // A figure of another year is no multiple of it: "about twice" a figure of 2013 says
        // nothing of either park in 2018.
        add(&mut dataset, "beta", "total_income", 315.0, 2019, Qualifier::Reported);
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &income, Language::En),
            "Alpha Park ranks first for total income, 630 bn yuan (2018, preliminary), ahead of Beta Park's \
             315 bn yuan (2019); the bars mix years from 2018 to 2019 and 1 park has no figure."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &income, Language::Zh),
            "甲园的总收入最高，为6,300亿元（2018年，初步统计），高于乙园，后者为3,150亿元（2019年）；\
             各柱年份从2018年到2019年不等，1个园区无数据。"
        );
        // A fixed year never mixes years, and the figures say which year.
        let in_2018 = PlotChoice { year: YearChoice::Year(2018), ..income };
        assert_eq!(
            sentence(&dataset, &["alpha", "gamma"], &in_2018, Language::En),
            "Alpha Park is the only one of 2 parks shown with a figure for total income, 630 bn yuan (2018, \
             preliminary)."
        );
    }

    #[test]
    fn a_bound_that_could_overturn_the_ranking_is_said_so() {
        let dataset = small_dataset();
        // Enterprises: alpha 1,382; beta "more than 450", which could be more than 1,382.
        let firms = choice(PlotKind::Bars, "high_tech_enterprises");
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &firms, Language::En),
            "Alpha Park ranks first for high-tech enterprises by stated figure, 1,382 count (2019), but Beta Park's more than \
             450 count (2019) could exceed it."
        );
    }

    /// Every park whose "more than" figure could exceed the first's is named, not the runner-up
    /// only; a plain figure below cannot, and is not; beyond three, the rest are counted.
    #[test]
    fn every_bound_that_could_overturn_the_ranking_is_named() {
        let firms = choice(PlotKind::Bars, "high_tech_enterprises");
        let mut dataset = small_dataset();
        add(&mut dataset, "gamma", "high_tech_enterprises", 120.0, 2019, Qualifier::AtLeast);
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &firms, Language::En),
            "Alpha Park ranks first for high-tech enterprises by stated figure, 1,382 count (2019), but Beta Park's more \
             than 450 count (2019) and Gamma Park's more than 120 count (2019) could exceed it."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &firms, Language::Zh),
            "就已公布的数字而言，甲园的高新技术企业最高，为1,382家（2019年），但乙园的超过450家（2019年）和丙园的超过120家（2019年）可能超过这一数字。"
        );
        let mut dataset = many_parks(4);
        add(&mut dataset, "gamma", "high_tech_enterprises", 400.0, 2019, Qualifier::Reported);
        for (i, value) in [300.0, 200.0, 100.0, 50.0].into_iter().enumerate() {
            add(&mut dataset, &format!("p{i}"), "high_tech_enterprises", value, 2019, Qualifier::AtLeast);
        }
        let parks = ["alpha", "beta", "gamma", "p0", "p1", "p2", "p3"];
        assert_eq!(
            sentence(&dataset, &parks, &firms, Language::En),
            "Alpha Park ranks first for high-tech enterprises by stated figure, 1,382 count (2019), but Beta Park's more \
             than 450 count (2019), Park 0's more than 300 count (2019), Park 1's more than 200 count (2019) and 2 other \
             parks could exceed it."
        );
        let zh = sentence(&dataset, &parks, &firms, Language::Zh);
        assert!(zh.ends_with("园1的超过200家（2019年）和另外2个园区可能超过这一数字。"), "{zh}");
        assert!(!zh.contains("丙园"), "a plain figure below the first cannot exceed it: {zh}");
    }

    /// A lower bound further down than the runner-up could be above the first as well: the
    /// order is "by stated figure" and the sentence says how many such parks there are, so that
    /// the same figures read alike whichever park happens to be second.
    #[test]
    fn a_lower_bound_below_the_runner_up_makes_the_order_by_stated_figure() {
        let firms = choice(PlotKind::Bars, "high_tech_enterprises");
        let mut dataset = small_dataset();
        add(&mut dataset, "gamma", "high_tech_enterprises", 900.0, 2019, Qualifier::Reported);
        // Alpha's plain 1,382, Gamma's plain 900, then Beta's "more than 450".
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &firms, Language::En),
            "Alpha Park ranks first for high-tech enterprises by stated figure, 1,382 count (2019), about 55% more than \
             Gamma Park's 900 count (2019); 1 park below states only a lower bound, which may be higher."
        );
        let zh = sentence(&dataset, &["alpha", "beta", "gamma"], &firms, Language::Zh);
        assert!(
            zh.starts_with("就已公布的数字而言，甲园的高新技术企业最高")
                && zh.contains("；另有1个园区仅公布下限，可能更高"),
            "{zh}"
        );
        // Without Beta, nothing below is a bound: no hedge.
        let plain = sentence(&dataset, &["alpha", "gamma"], &firms, Language::En);
        assert!(
            plain.starts_with("Alpha Park ranks first for high-tech enterprises, 1,382")
                && !plain.contains("lower bound"),
            "{plain}"
        );
    }

    /// A first figure stated as "less than" may be above every other: the sentence says so once
    /// rather than naming every park below it.
    #[test]
    fn a_first_figure_that_is_an_upper_bound_says_any_other_park_may_be_higher() {
        let firms = choice(PlotKind::Bars, "high_tech_enterprises");
        let mut dataset = small_dataset();
        add(&mut dataset, "alpha", "high_tech_enterprises", 2000.0, 2020, Qualifier::AtMost);
        add(&mut dataset, "gamma", "high_tech_enterprises", 120.0, 2020, Qualifier::Reported);
        let en = sentence(&dataset, &["alpha", "beta", "gamma"], &firms, Language::En);
        assert!(
            en.starts_with(
                "Alpha Park ranks first for high-tech enterprises by stated figure, less than 2,000 count (2020), but as \
                 that is an upper bound, any other park may be higher"
            ),
            "{en}"
        );
        assert!(!en.contains("Beta") && !en.contains("Gamma"), "no park listed: {en}");
        let zh = sentence(&dataset, &["alpha", "beta", "gamma"], &firms, Language::Zh);
        assert!(zh.contains("但该数字仅为上限，其他园区可能更高"), "{zh}");
    }

    /// A share ahead of another by half is not "about 50% more than 27.3 %", which reads as
    /// points: shares are only "ahead of" one another, unless one is about twice the other.
    #[test]
    fn shares_are_not_compared_in_per_cent_of_each_other() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lakeshore/lakeshore.ron");
        let dataset = crate::model::load_dataset_file(std::path::Path::new(path)).expect("Lakeshore");
        let shares =
            PlotChoice { kind: PlotKind::Bars, metric: MetricId::new("export_share"), ..PlotChoice::default() };
        let text = sentence(&dataset, &["port_logistics", "ridge_materials"], &shares, Language::En);
        assert!(
            text.starts_with(
                "Xingang Logistics Park ranks first for export share of turnover, 41% (2022), ahead of Laoling \
                 Materials Park's 27.3% (2021)"
            ),
            "{text}"
        );
        let zh = sentence(&dataset, &["port_logistics", "ridge_materials"], &shares, Language::Zh);
        assert!(!zh.contains("高约"), "{zh}");
        // Over three times another share is still said.
        let text = sentence(&dataset, &["port_logistics", "kunhua"], &shares, Language::En);
        assert!(text.contains("about 3.3 times Kunhua Science Park's 12.5% (2022)"), "{text}");
    }

    /// A preliminary figure over a "more than" divisor is "less than" and still preliminary: the
    /// sentence says both, as the bar's label does.
    #[test]
    fn a_bound_quotient_of_a_preliminary_figure_is_said_to_be_preliminary() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let firms =
            alpha.observations.iter_mut().find(|o| o.metric.as_str() == "high_tech_enterprises").expect("firms");
        firms.qualifier = Qualifier::AtLeast;
        let per_firm = PlotChoice {
            divide_by: Some(MetricId::new("high_tech_enterprises")),
            ..choice(PlotKind::Bars, "total_income")
        };
        let text = sentence(&dataset, &["alpha"], &per_firm, Language::En);
        assert!(text.contains("less than") && text.contains("(2018 ÷ 2019, preliminary)"), "{text}");
        let zh = sentence(&dataset, &["alpha"], &per_firm, Language::Zh);
        assert!(zh.contains("不足") && zh.contains("初步统计"), "{zh}");
    }

    #[test]
    fn normalised_bars_name_what_they_are_divided_by() {
        let mut dataset = small_dataset();
        add(&mut dataset, "beta", "total_income", 315.0, 2018, Qualifier::Reported);
        let per_km2 =
            PlotChoice { divide_by: Some(MetricId::new("planned_area")), ..choice(PlotKind::Bars, "total_income") };
        let text = sentence(&dataset, &["alpha", "beta"], &per_km2, Language::En);
        assert!(
            text.starts_with(
                "Beta Park ranks first for total income per km², 31.5 bn yuan per km² (2018 ÷ 2012), about 30% more \
                 than Alpha Park's 24.14 bn yuan per km² (2018 ÷ 2012, preliminary)"
            ),
            "{text}"
        );
        let text = sentence(&dataset, &["alpha", "beta"], &per_km2, Language::Zh);
        assert!(
            text.starts_with("乙园的总收入与规划面积之比最高，为315亿元/平方公里（2018年 ÷ 2012年），比甲园高约30%"),
            "{text}"
        );
    }

    /// A figure of part of a year says so in the sentence, as its bar does, and is no multiple
    /// of a whole year's: "ahead of", not "about twice".
    #[test]
    fn bars_of_part_of_a_year_say_so_and_are_not_multiplied_against_a_whole_year() {
        let mut dataset = small_dataset();
        add(&mut dataset, "beta", "total_income", 315.0, 2019, Qualifier::Reported);
        let in_2019 = PlotChoice { year: YearChoice::Year(2019), ..choice(PlotKind::Bars, "total_income") };
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &in_2019, Language::En),
            "Alpha Park ranks first for total income, 700 bn yuan (2019 H1), ahead of Beta Park's 315 bn yuan (2019)."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &in_2019, Language::Zh),
            "甲园的总收入最高，为7,000亿元（2019年上半年），高于乙园，后者为3,150亿元（2019年）。"
        );
        // The other way round, a whole year above a half: not "ahead of" it, whose park may be
        // ahead by the year's end.
        let mut dataset = small_dataset();
        add(&mut dataset, "beta", "total_income", 900.0, 2019, Qualifier::Reported);
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &in_2019, Language::En),
            "Beta Park ranks first for total income, 900 bn yuan (2019), beside Alpha Park's 700 bn yuan (2019 H1), \
             which covers only part of its year."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &in_2019, Language::Zh),
            "乙园的总收入最高，为9,000亿元（2019年），甲园为7,000亿元（2019年上半年），仅为部分月份数据，不宜直接比较。"
        );
    }

    #[test]
    fn bars_with_ties_a_single_park_or_nothing_to_show() {
        let mut dataset = small_dataset();
        add(&mut dataset, "beta", "total_income", 630.0, 2018, Qualifier::Preliminary);
        let income = choice(PlotKind::Bars, "total_income");
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &income, Language::En),
            "Alpha Park and Beta Park share first place for total income, 630 bn yuan (2018, preliminary)."
        );
        // Tied parks are named in the dataset's order, whatever order they come in.
        assert_eq!(
            sentence(&dataset, &["beta", "alpha"], &income, Language::Zh),
            "甲园和乙园的总收入并列最高，为6,300亿元（2018年，初步统计）。"
        );
        assert_eq!(
            sentence(&dataset, &["alpha"], &income, Language::En),
            "Alpha Park's figure for total income is 630 bn yuan (2018, preliminary)."
        );
        assert_eq!(
            sentence(&dataset, &["gamma"], &income, Language::En),
            "The park shown has no figure for total income."
        );
        assert_eq!(sentence(&dataset, &["gamma"], &income, Language::Zh), "所显示的1个园区均无总收入数据。");
        assert_eq!(sentence(&dataset, &[], &income, Language::En), "No park to compare.");
        assert_eq!(sentence(&dataset, &[], &income, Language::Zh), "没有可比较的园区。");
    }

    /// Parks drawn with figures of part of a year only are not "no park to compare": the
    /// sentence says why nothing is compared.
    #[test]
    fn a_time_series_of_part_year_figures_alone_says_there_is_no_whole_year_to_compare() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        alpha.observations.retain(|o| o.metric.as_str() != "total_income" || o.period.is_some());
        let income = choice(PlotKind::TimeSeries, "total_income");
        assert_eq!(
            sentence(&dataset, &["alpha"], &income, Language::En),
            "No whole-year figure of total income to compare: those drawn cover part of a year or all years to then."
        );
        assert_eq!(
            sentence(&dataset, &["alpha"], &income, Language::Zh),
            "没有可比较的总收入全年数据：图中数据仅为部分月份或截至当年的累计数。"
        );
        assert_eq!(sentence(&dataset, &[], &income, Language::En), "No park to compare.");
        // A park drawn with a target alone: the sentence says targets are drawn, not parts of a year.
        let mut dataset = small_dataset();
        add(&mut dataset, "gamma", "total_income", 100.0, 2025, Qualifier::Target);
        let said = sentence(&dataset, &["gamma"], &income, Language::En);
        assert!(
            said.starts_with("No actual whole-year figure of total income to compare: those drawn are targets"),
            "{said}"
        );
        // Beside a park with whole years, the park of a target alone is named as not ranked.
        let said = sentence(&dataset, &["alpha", "gamma"], &income, Language::En);
        assert!(said.ends_with("; Gamma Park not ranked, with no whole-year figure."), "{said}");
        let said = sentence(&dataset, &["alpha", "gamma"], &income, Language::Zh);
        assert!(said.contains("丙园无全年数据，未参与排名"), "{said}");
        let said = sentence(&dataset, &["alpha"], &income, Language::En);
        assert!(!said.contains("not ranked"), "{said}");
    }

    #[test]
    fn time_series_say_who_leads_and_who_grew_fastest_from_whole_year_actuals() {
        let mut dataset = small_dataset();
        let income = choice(PlotKind::TimeSeries, "total_income");
        // Alpha alone: from "more than 420" (2016) to 630 (2018): at most 22.5% a year, rounded up
        // to stay true, and whether it rose at all is not known; its 2020
        // target and its first half of 2019 are not actuals of a whole year.
        assert_eq!(
            sentence(&dataset, &["alpha", "gamma"], &income, Language::En),
            "Alpha Park's total income went from more than 420 bn yuan (2016) to 630 bn yuan (2018, preliminary), \
             at most 23% a year (the two figures are from different sources); 1 park has no figure."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "gamma"], &income, Language::Zh),
            "甲园的总收入从超过4,200亿元（2016年）变为6,300亿元（2018年，初步统计），年均至多增长23%（两个数字来源不同）；\
             1个园区无数据。"
        );
        add(&mut dataset, "beta", "total_income", 100.0, 2016, Qualifier::Reported);
        add(&mut dataset, "beta", "total_income", 200.0, 2018, Qualifier::Approximate);
        // Alpha's line goes on past 2018 (its first half of 2019, its 2020 target): the sentence
        // says its 630 is the latest whole-year figure, not the latest point drawn.
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &income, Language::En),
            "Alpha Park ranks first for total income by latest whole-year figure, 630 bn yuan (2018, preliminary); Beta \
             Park grew fastest, from 100 bn yuan (2016) to about 200 bn yuan (2018), about 41% a year."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &income, Language::Zh),
            "甲园的最新全年总收入最高，为6,300亿元（2018年，初步统计）；乙园增长最快，从1,000亿元（2016年）增至约2,000亿元（2018年），年均增长约41%。"
        );
        assert_eq!(
            sentence(&dataset, &["gamma"], &income, Language::En),
            "The park shown has no figure for total income."
        );
        // Without a later point, "latest" alone.
        add(&mut dataset, "gamma", "total_income", 150.0, 2016, Qualifier::Reported);
        add(&mut dataset, "gamma", "total_income", 330.0, 2018, Qualifier::Reported);
        assert_eq!(
            sentence(&dataset, &["beta", "gamma"], &income, Language::En),
            "Gamma Park ranks first for total income by latest figure, 330 bn yuan (2018), and grew fastest, from 150 bn \
             yuan (2016) to 330 bn yuan (2018), about 48% a year."
        );
        assert_eq!(
            sentence(&dataset, &["beta", "gamma"], &income, Language::Zh),
            "丙园的最新总收入最高，为3,300亿元（2018年），且增长最快，从1,500亿元（2016年）增至3,300亿元（2018年），年均增长约48%。"
        );
        // Rates over different years: "fastest" is said to be over each park's own years, or a
        // room hears "fastest now" of a rate of years ago.
        add(&mut dataset, "gamma", "total_income", 100.0, 2014, Qualifier::Reported);
        let en = sentence(&dataset, &["beta", "gamma"], &income, Language::En);
        assert!(en.ends_with("; each park's rate is over the years of its own figures."), "{en}");
        let zh = sentence(&dataset, &["beta", "gamma"], &income, Language::Zh);
        assert!(zh.ends_with("；各园区的增长率按各自数据的年份计算。"), "{zh}");
        assert!(!sentence(&dataset, &["gamma"], &income, Language::En).contains("each park's rate"), "one park");
    }

    /// A park whose figures run over years but reach zero or below has no yearly rate: the
    /// sentence names it, or "grew fastest" would be heard of every park drawn.
    #[test]
    fn time_series_say_which_parks_have_no_rate() {
        let mut dataset = small_dataset();
        let profit = choice(PlotKind::TimeSeries, "total_profit");
        add(&mut dataset, "alpha", "total_profit", 1.0, 2016, Qualifier::Reported);
        add(&mut dataset, "beta", "total_profit", 1.0, 2016, Qualifier::Reported);
        add(&mut dataset, "beta", "total_profit", 2.0, 2018, Qualifier::Reported);
        let en = sentence(&dataset, &["alpha", "beta"], &profit, Language::En);
        assert!(en.contains("rose from 1 bn yuan (2016) to 2 bn yuan (2018)"), "{en}");
        assert!(en.ends_with("; no yearly rate for Alpha Park (a figure at or below zero)."), "{en}");
        let zh = sentence(&dataset, &["alpha", "beta"], &profit, Language::Zh);
        assert!(zh.ends_with("；甲园有零或负值，无法计算年均增长率。"), "{zh}");
        // One figure only: no rate was to be had, and none is missed.
        let one = sentence(&dataset, &["beta", "gamma"], &profit, Language::En);
        assert!(!one.contains("no yearly rate"), "{one}");
    }

    /// A park whose ground changed between its figures: the rise across the change is not
    /// growth, so the sentence measures only since the change and says which it left out.
    #[test]
    fn time_series_growth_is_not_measured_across_a_change_of_a_parks_area() {
        let mut dataset = small_dataset();
        let income = choice(PlotKind::TimeSeries, "total_income");
        for (value, year) in [(10.0, 2010), (150.0, 2016), (200.0, 2018)] {
            add(&mut dataset, "beta", "total_income", value, year, Qualifier::Reported);
        }
        // Across 2010–2018 Beta would grow fastest (45% a year, against Alpha's 22% at most).
        let before = sentence(&dataset, &["alpha", "beta"], &income, Language::En);
        assert!(before.contains("Beta Park grew fastest, from 10 bn yuan (2010)"), "{before}");
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("in the fixture");
        beta.milestones.push(crate::model::Milestone {
            year: 2012,
            month: None,
            event: crate::model::Text { en: "Extended".to_owned(), zh: "扩区".to_owned() },
            boundary_change: true,
            source: SourceId::new("s1"),
        });
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &income, Language::En),
            "Alpha Park ranks first for total income by latest whole-year figure, 630 bn yuan (2018, preliminary), and had the \
             fastest stated growth, from more than 420 bn yuan (2016) to 630 bn yuan (2018, preliminary), at most \
             23% a year (the two figures are from different sources); growth is not measured across a change of a \
             park's area (Beta Park 2012)."
        );
        assert_eq!(
            sentence(&dataset, &["alpha", "beta"], &income, Language::Zh),
            "甲园的最新全年总收入最高，为6,300亿元（2018年，初步统计），且就已公布的数字而言增长最快，从超过4,200亿元（2016年）变为6,300亿元（2018年，初步统计），年均至多增长23%（两个数字来源不同）；乙园2012年范围调整，增长未跨调整期计算。"
        );
        // Alone, Beta's growth since the change is named, from its first figure after it.
        assert_eq!(
            sentence(&dataset, &["beta"], &income, Language::En),
            "Beta Park's total income rose from 150 bn yuan (2016) to 200 bn yuan (2018), about 15% a year; growth \
             is not measured across a change of a park's area (Beta Park 2012)."
        );
        // With no two figures after the change, no growth at all, but not "one figure" either.
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("in the fixture");
        beta.observations.retain(|o| o.year != 2018);
        beta.milestones[0].year = 2016;
        assert_eq!(
            sentence(&dataset, &["beta"], &income, Language::En),
            "Beta Park's latest whole-year figure for total income is 150 bn yuan (2016); growth is not measured across a \
             change of a park's area (Beta Park 2016)."
        );
    }

    /// A rate is rounded the way its bound stays true, a bound resting on an "about" figure is
    /// left out, a fall is said as one, and from "about" down to "more than" nobody knows which
    /// way the figure went.
    #[test]
    fn time_series_rates_and_directions_say_only_what_the_qualifiers_allow() {
        use Qualifier::{Approximate, AtLeast, Reported};
        let income = choice(PlotKind::TimeSeries, "total_income");
        let alone = |figures: &[(f64, i32, Qualifier)], language| {
            let mut dataset = small_dataset();
            for &(value, year, qualifier) in figures {
                add(&mut dataset, "gamma", "total_income", value, year, qualifier);
            }
            sentence(&dataset, &["gamma"], &income, language)
        };
        // 23.7 to more than 400 in twelve years: 26.6% a year at least, so "at least 26%".
        assert_eq!(
            alone(&[(23.7, 2005, Reported), (400.0, 2017, AtLeast)], Language::En),
            "Gamma Park's total income rose from 23.7 bn yuan (2005) to more than 400 bn yuan (2017), at least 26% a \
             year."
        );
        assert_eq!(
            alone(&[(23.7, 2005, Approximate), (400.0, 2017, AtLeast)], Language::En),
            "Gamma Park's total income rose from about 23.7 bn yuan (2005) to more than 400 bn yuan (2017)."
        );
        assert_eq!(
            alone(&[(18_000.0, 2008, Approximate), (10_000.0, 2012, AtLeast)], Language::En),
            "Gamma Park's total income went from about 18,000 bn yuan (2008) to more than 10,000 bn yuan (2012)."
        );
        assert_eq!(
            alone(&[(200.0, 2016, Reported), (100.0, 2018, Reported)], Language::En),
            "Gamma Park's total income fell from 200 bn yuan (2016) to 100 bn yuan (2018), down about 29% a year."
        );
        assert_eq!(
            alone(&[(200.0, 2016, Reported), (100.0, 2018, Reported)], Language::Zh),
            "丙园的总收入从2,000亿元（2016年）降至1,000亿元（2018年），年均下降约29%。"
        );
        // Against a park of plain figures, "more than 400" after "about 23.7" is surely faster;
        // against one that ends "more than", only the fastest as stated.
        let mut dataset = small_dataset();
        for (park, value, year, qualifier) in
            [("beta", 23.7, 2005, Approximate), ("beta", 400.0, 2017, AtLeast), ("gamma", 100.0, 2016, Reported)]
        {
            add(&mut dataset, park, "total_income", value, year, qualifier);
        }
        add(&mut dataset, "gamma", "total_income", 120.0, 2018, Reported);
        let text = sentence(&dataset, &["beta", "gamma"], &income, Language::En);
        assert!(text.contains("grew fastest, from about 23.7 bn yuan (2005)"), "{text}");
        add(&mut dataset, "gamma", "total_income", 130.0, 2019, AtLeast);
        let text = sentence(&dataset, &["beta", "gamma"], &income, Language::En);
        assert!(text.contains("had the fastest stated growth, from about 23.7"), "{text}");
    }

    /// A share's change is said in points a year: "4.1% a year" beside 62% and 72.9% would be
    /// heard as points, and a share that starts at zero still has a change.
    #[test]
    fn time_series_a_share_changes_by_points_not_by_a_percentage() {
        let mut dataset = small_dataset();
        let share = dataset.metrics.iter_mut().find(|m| m.id.as_str() == "total_profit").expect("in the fixture");
        share.kind = crate::model::MetricKind::Ratio;
        share.unit = crate::model::Text { en: "%".to_owned(), zh: "%".to_owned() };
        dataset.parks.iter_mut().for_each(|park| park.observations.retain(|o| o.metric.as_str() != "total_profit"));
        for (park, value, year) in
            [("gamma", 62.0, 2016), ("gamma", 72.9, 2020), ("beta", 0.0, 2016), ("beta", 4.0, 2020)]
        {
            add(&mut dataset, park, "total_profit", value, year, Qualifier::Reported);
        }
        let shares = choice(PlotKind::TimeSeries, "total_profit");
        assert_eq!(
            sentence(&dataset, &["gamma"], &shares, Language::En),
            "Gamma Park's total profit rose from 62% (2016) to 72.9% (2020), about 2.7 percentage points a year."
        );
        assert_eq!(
            sentence(&dataset, &["gamma"], &shares, Language::Zh),
            "丙园的利润总额从62%（2016年）增至72.9%（2020年），年均增长约2.7个百分点。"
        );
        // From zero: a change all the same, and no note that a rate cannot be worked out.
        assert_eq!(
            sentence(&dataset, &["beta"], &shares, Language::En),
            "Beta Park's total profit rose from 0% (2016) to 4% (2020), about 1 percentage point a year."
        );
        // A change too small to write is not "about 0 points".
        for (value, year) in [(10.2, 2012), (10.24, 2022)] {
            add(&mut dataset, "alpha", "total_profit", value, year, Qualifier::Reported);
        }
        assert_eq!(
            sentence(&dataset, &["alpha"], &shares, Language::En),
            "Alpha Park's total profit rose from 10.2% (2012) to 10.24% (2022)."
        );
        // A ratio in another unit (a density) grows by a share of itself, as an amount does.
        let density = dataset.metrics.iter_mut().find(|m| m.id.as_str() == "total_profit").expect("in the fixture");
        density.unit =
            crate::model::Text { en: "bn yuan per km²".to_owned(), zh: "十亿元/平方公里".to_owned() };
        assert_eq!(
            sentence(&dataset, &["gamma"], &shares, Language::En),
            "Gamma Park's total profit rose from 62 bn yuan per km² (2016) to 72.9 bn yuan per km² (2020), about 4.1% a \
             year."
        );
    }

    /// The best a park did was to stay where it was: not "fell least, about 0% a year".
    #[test]
    fn time_series_a_figure_that_held_steady_is_said_so() {
        let mut dataset = small_dataset();
        let income = choice(PlotKind::TimeSeries, "total_income");
        add(&mut dataset, "gamma", "total_income", 150.0, 2016, Qualifier::Reported);
        add(&mut dataset, "gamma", "total_income", 150.0, 2018, Qualifier::Reported);
        assert_eq!(
            sentence(&dataset, &["gamma"], &income, Language::En),
            "Gamma Park's total income held steady, from 150 bn yuan (2016) to 150 bn yuan (2018)."
        );
        assert_eq!(
            sentence(&dataset, &["gamma"], &income, Language::Zh),
            "丙园的总收入保持不变，从1,500亿元（2016年）到1,500亿元（2018年）。"
        );
        // "More than 150" twice says nothing of whether it held: no "steady" then.
        let gamma = dataset.parks.iter_mut().find(|p| p.id.as_str() == "gamma").expect("in the fixture");
        gamma.observations.iter_mut().for_each(|o| o.qualifier = Qualifier::AtLeast);
        let bounded = sentence(&dataset, &["gamma"], &income, Language::En);
        assert!(!bounded.contains("steady"), "{bounded}");
    }

    #[test]
    fn time_series_with_a_tie_or_a_single_figure() {
        let mut dataset = small_dataset();
        add(&mut dataset, "beta", "total_income", 630.0, 2018, Qualifier::Preliminary);
        let income = choice(PlotKind::TimeSeries, "total_income");
        let text = sentence(&dataset, &["alpha", "beta"], &income, Language::En);
        assert!(
            text.starts_with(
                "Alpha Park and Beta Park share first place for total income by latest whole-year figure, 630 bn yuan (2018"
            ),
            "{text}"
        );
        let area = choice(PlotKind::TimeSeries, "planned_area");
        assert_eq!(
            sentence(&dataset, &["beta"], &area, Language::En),
            "Beta Park has one whole-year figure for planned area, 10 km² (2012)."
        );
    }

    #[test]
    fn scatter_names_who_is_highest_and_how_many_lack_a_figure() {
        let dataset = small_dataset();
        let scatter = PlotChoice { kind: PlotKind::Scatter, ..PlotChoice::for_dataset(&small_dataset()) };
        assert_eq!(
            sentence(&dataset, &["alpha", "beta", "gamma"], &scatter, Language::En),
            "Alpha Park is the only park with both figures: total income 630 bn yuan (2018, preliminary), planned \
             area 26.1 km² (2012); the figures mix years from 2012 to 2018 and 2 parks lack one of the figures."
        );
        assert_eq!(
            sentence(&dataset, &["gamma"], &scatter, Language::En),
            "The park shown has no figure for both total income and planned area."
        );
        assert_eq!(sentence(&dataset, &[], &scatter, Language::En), "No park to compare.");
        // A metric against itself: nothing to say ("first for both total income and total income").
        let itself = PlotChoice { x_metric: scatter.y_metric.clone(), ..scatter.clone() };
        assert!(itself.scatters_one_metric() && !scatter.scatters_one_metric());
        assert_eq!(sentence(&dataset, &["alpha", "beta"], &itself, Language::En), "");
        assert_eq!(sentence(&dataset, &["alpha", "beta"], &itself, Language::Zh), "");
        // Enterprises against area: alpha states more of both, but beta's "more than 450" could be
        // more than alpha's 1,382, so "highest on both" would claim too much.
        let firms = PlotChoice { y_metric: MetricId::new("high_tech_enterprises"), ..scatter };
        let (points, missing) = scatter_points(&dataset, &ids(&["alpha", "beta"]), &firms);
        let words = Words { dataset: &dataset, language: Language::En };
        assert_eq!(
            scatter_takeaway(&words, &points, &missing, &firms),
            "Alpha Park ranks first for high-tech enterprises by stated figure, 1,382 count (2019), but Beta Park's more than \
             450 count (2019) could exceed it; the figures mix years from 2012 to 2019."
        );
        // With a park off the chart for lack of a figure, "highest" is said of those on it.
        let (points, missing) = scatter_points(&dataset, &ids(&["alpha", "beta", "gamma"]), &firms);
        let text = scatter_takeaway(&words, &points, &missing, &firms);
        assert!(text.starts_with("Of the 2 parks with both figures, Alpha Park ranks first"), "{text}");
        assert!(text.ends_with("1 park lacks one of the figures."), "{text}");
        let zh = Words { dataset: &dataset, language: Language::Zh };
        let text = scatter_takeaway(&zh, &points, &missing, &firms);
        assert!(text.starts_with("在两项数据齐全的2个园区中，就已公布的数字而言，甲园"), "{text}");
    }

    /// The small fixture with `count` more parks, "Park 0" (园0) and so on, without figures.
    fn many_parks(count: usize) -> Dataset {
        let parks: Vec<String> = (0..count)
            .map(|i| format!("(id: \"p{i}\", name: (en: \"Park {i}\", zh: \"园{i}\"), districts: [\"east\"]),"))
            .collect();
        let parks = parks.join("\n") + "\n";
        let text = SMALL_RON.replacen("    ],\n    zone:", &format!("{parks}    ],\n    zone:"), 1);
        load_dataset(&text, "many.ron").expect("valid")
    }

    fn point(park: &str, x: f64, y: f64) -> ScatterPoint {
        let reading = |value| Reading {
            value,
            year: 2020,
            period: None,
            qualifier: Qualifier::Reported,
            source: SourceId::new("s1"),
            note: None,
        };
        ScatterPoint { park: ParkId::new(park), x: reading(x), y: reading(y), size: None, stated_otherwise: Vec::new() }
    }

    /// The scatter's "first for both" is said only when no figure below, on either axis, is a
    /// bound that could be above the first: a lower bound third on the y axis makes the
    /// sentence the bars' hedged one.
    #[test]
    fn scatter_claims_first_for_both_only_when_no_bound_below_could_overturn_it() {
        let dataset = many_parks(6);
        let words = Words { dataset: &dataset, language: Language::En };
        let scatter = PlotChoice { kind: PlotKind::Scatter, ..PlotChoice::for_dataset(&small_dataset()) };
        let mut points: Vec<ScatterPoint> =
            (0..3).map(|i| point(&format!("p{i}"), f64::from(i), f64::from(i * 10))).collect();
        let certain = scatter_takeaway(&words, &points, &[], &scatter);
        assert!(certain.starts_with("Park 2 ranks first for both"), "{certain}");
        points[0].y.qualifier = Qualifier::AtLeast;
        let hedged = scatter_takeaway(&words, &points, &[], &scatter);
        assert!(!hedged.contains("first for both"), "{hedged}");
        assert!(hedged.contains("1 park below states only a lower bound, which may be higher"), "{hedged}");
    }

    #[test]
    fn scatter_speaks_of_a_trend_only_with_enough_points_and_a_clear_one() {
        let dataset = many_parks(6);
        let words = Words { dataset: &dataset, language: Language::En };
        let scatter = PlotChoice { kind: PlotKind::Scatter, ..PlotChoice::for_dataset(&small_dataset()) };
        let rising: Vec<ScatterPoint> =
            (0..6).map(|i| point(&format!("p{i}"), f64::from(i), f64::from(i * i))).collect();
        assert_eq!(
            scatter_takeaway(&words, &rising, &[], &scatter),
            "Park 5 ranks first for both total income, at 25 bn yuan (2020), and planned area, at 5 km² (2020); across \
             the 6 parks, a higher figure for planned area tends to go with a higher one for total income."
        );
        let words_zh = Words { dataset: &dataset, language: Language::Zh };
        assert!(
            scatter_takeaway(&words_zh, &rising, &[], &scatter).contains("在这6个园区中，规划面积越高，总收入往往越高")
        );
        // Four points are too few to speak of a trend, however neat.
        let text = scatter_takeaway(&words, &rising[..4], &[], &scatter);
        assert!(!text.contains("tends to"), "{text}");
        // No clear trend: nothing said.
        let mixed: Vec<ScatterPoint> = [(0.0, 3.0), (1.0, 9.0), (2.0, 1.0), (3.0, 8.0), (4.0, 2.0), (5.0, 7.0)]
            .iter()
            .enumerate()
            .map(|(i, (x, y))| point(&format!("p{i}"), *x, *y))
            .collect();
        assert!(!scatter_takeaway(&words, &mixed, &[], &scatter).contains("tends to"));
        // A tie at the top is named as one.
        let tied = [point("p0", 1.0, 5.0), point("p1", 2.0, 5.0), point("p2", 3.0, 1.0)];
        let text = scatter_takeaway(&words, &tied, &[], &scatter);
        assert!(text.starts_with("Park 0 and Park 1 share first place for total income, 5 bn yuan (2020)"), "{text}");
    }

    #[test]
    fn the_matrix_names_the_most_shared_industry() {
        let dataset = small_dataset();
        let matrix = |parks: &[&str]| {
            let name = |p: &crate::model::Park| p.name.en.clone();
            industry_matrix(&dataset, &ids(parks), MatrixOrder::ByName, name, IndustryId::to_string)
        };
        let words = Words { dataset: &dataset, language: Language::En };
        assert_eq!(
            matrix_takeaway(&words, &matrix(&["alpha", "beta", "gamma"]), 3),
            "Biomedicine is the most shared industry, in 2 of 3 parks, 1 of them as leading industry; 1 park lists \
             no industry."
        );
        let zh = Words { dataset: &dataset, language: Language::Zh };
        assert_eq!(
            matrix_takeaway(&zh, &matrix(&["alpha", "beta", "gamma"]), 3),
            "生物医药是最多园区共有的产业，3个园区中有2个涉及，其中1个为主导产业；1个园区未列出产业。"
        );
        assert_eq!(matrix_takeaway(&words, &matrix(&["alpha"]), 1), "Alpha Park lists 2 industries, leading in 1.");
        assert_eq!(matrix_takeaway(&words, &matrix(&["gamma"]), 1), "The park shown lists no industry.");
        assert_eq!(matrix_takeaway(&words, &matrix(&[]), 0), "No park to compare.");
    }

    /// Where two of the rows are parts of one park, the takeaway counts entries, as the scope
    /// line beside it does ("2 parks (3 entries)"), not parks.
    #[test]
    fn the_matrix_counts_entries_where_parts_of_one_park_are_rows() {
        let mut dataset = small_dataset();
        let joint = Some(crate::model::Text { en: "Joint Park".to_owned(), zh: "联合园".to_owned() });
        dataset.parks[0].part_of.clone_from(&joint);
        dataset.parks[1].part_of = joint;
        let name = |p: &crate::model::Park| p.name.en.clone();
        let all = ids(&["alpha", "beta", "gamma"]);
        let matrix = industry_matrix(&dataset, &all, MatrixOrder::ByName, name, IndustryId::to_string);
        let text = matrix_takeaway(&Words { dataset: &dataset, language: Language::En }, &matrix, 3);
        assert!(text.starts_with("Biomedicine is the most shared industry, in 2 of 3 entries,"), "{text}");
        assert!(text.ends_with("; 1 entry lists no industry."), "{text}");
        let text = matrix_takeaway(&Words { dataset: &dataset, language: Language::Zh }, &matrix, 3);
        assert!(text.starts_with("生物医药是最多园区共有的产业，3个条目中有2个涉及"), "{text}");
    }

    #[test]
    fn the_matrix_with_a_tie_or_nothing_shared() {
        let mut dataset = small_dataset();
        // Give beta AI too: AI and biomedicine are then both in two parks.
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("beta");
        let mut ai = beta.industries[0].clone();
        ai.industry = IndustryId::new("ai");
        beta.industries.push(ai);
        let name = |p: &crate::model::Park| p.name.en.clone();
        let both =
            industry_matrix(&dataset, &ids(&["alpha", "beta"]), MatrixOrder::ByName, name, IndustryId::to_string);
        let words = Words { dataset: &dataset, language: Language::En };
        assert_eq!(
            matrix_takeaway(&words, &both, 2),
            "Artificial intelligence and Biomedicine are the most shared industries, each in 2 of 2 parks."
        );
        let dataset = small_dataset();
        let apart = {
            let mut m =
                industry_matrix(&dataset, &ids(&["alpha", "beta"]), MatrixOrder::ByName, name, IndustryId::to_string);
            // Drop alpha's biomedicine so the two parks share nothing.
            m.cells[0][1] = None;
            m
        };
        let words = Words { dataset: &dataset, language: Language::En };
        assert_eq!(
            matrix_takeaway(&words, &apart, 2),
            "No industry is shared: each of the 2 industries appears in one park."
        );
    }

    #[test]
    fn the_plot_view_carries_the_sentence_in_its_language() {
        let dataset = small_dataset();
        let visible = ids(&["alpha", "beta", "gamma"]);
        let income = choice(PlotKind::Bars, "total_income");
        let view = PlotView::new(&dataset, &visible, &[], None, &income, Language::Zh);
        assert!(view.takeaway.starts_with("所显示的3个园区中仅甲园有总收入数据"), "{}", view.takeaway);
    }
}
