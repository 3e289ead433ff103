//! The numbers behind each comparison plot: which parks, which values, which years, which
//! sources. Pure functions of the dataset and the plot choice; the plot code only draws them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::format::round_significant;
use crate::model::{
    self, Dataset, Figure, IndustryId, Metric, MetricId, Observation, Park, ParkCount, ParkId, Period, Qualifier, Role,
    SourceId, Text, same_ground,
};
use crate::state::UNCHOSEN;
use crate::state::park_colours::{COLOURED_PARKS, ParkColours};
use crate::state::takeaway::plot::{nothing_drawn, plot_takeaway};

/// The four kinds of comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlotKind {
    /// One metric across parks, ranked.
    #[default]
    Bars,
    /// One metric over the years.
    TimeSeries,
    /// Two metrics against each other, a third as bubble size.
    Scatter,
    /// Parks × industries with roles.
    Matrix,
}

/// Which year the bars show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum YearChoice {
    /// Each park's most recent actual figure, whatever its year.
    #[default]
    Latest,
    /// Only figures for this year.
    Year(i32),
}

/// Which parks a plot shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlotScope {
    /// The parks passing the filter.
    #[default]
    Filtered,
    /// Only the pinned parks.
    Pinned,
}

/// How the industry matrix orders its rows and columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MatrixOrder {
    /// Parks and industries by name.
    #[default]
    ByName,
    /// Parks with most industries first; industries in most parks first.
    ByCount,
}

/// Everything the user chose in the Compare view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlotChoice {
    /// Which plot.
    pub kind: PlotKind,
    /// The metric of bars and time series.
    pub metric: MetricId,
    /// The year of the bars.
    pub year: YearChoice,
    /// The metric the bars are divided by (one of the dataset's divisors); `None` shows the
    /// values as stated.
    pub divide_by: Option<MetricId>,
    /// Filtered parks or pinned parks.
    pub scope: PlotScope,
    /// Draw values on a log scale.
    pub log_scale: bool,
    /// Draw the median and the zone-wide figure.
    pub show_benchmark: bool,
    /// Time series: draw targets and forecasts, dashed after the actual figures. Off, the
    /// years run only as far as the figures reported (one park's target a decade on squeezed
    /// every park's history into a corner of the chart).
    pub show_projections: bool,
    /// Scatter: horizontal axis.
    pub x_metric: MetricId,
    /// Scatter: vertical axis.
    pub y_metric: MetricId,
    /// Scatter: bubble size, if any.
    pub size_metric: Option<MetricId>,
    /// Matrix order.
    pub matrix_order: MatrixOrder,
}

impl Default for PlotChoice {
    fn default() -> Self {
        Self {
            kind: PlotKind::Bars,
            metric: UNCHOSEN,
            year: YearChoice::Latest,
            divide_by: None,
            scope: PlotScope::Filtered,
            log_scale: false,
            show_benchmark: true,
            show_projections: true,
            x_metric: UNCHOSEN,
            y_metric: UNCHOSEN,
            size_metric: Some(UNCHOSEN),
            matrix_order: MatrixOrder::ByName,
        }
    }
}

impl PlotChoice {
    /// The bars' metric and the metric it is divided by, when divided by another metric the
    /// dataset has: what every divided title, unit and export names.
    pub fn divided<'a>(&self, dataset: &'a Dataset) -> Option<(&'a Metric, &'a Metric)> {
        let divisor = self.divide_by.as_ref().filter(|d| **d != self.metric)?;
        Some((dataset.metric(&self.metric)?, dataset.metric(divisor)?))
    }

    /// The plots a dataset opens on: its [view metrics](Dataset::view_metrics), everything
    /// else as [`Default`].
    pub fn for_dataset(dataset: &Dataset) -> Self {
        let mut choice = Self::default();
        choice.fit_to(dataset);
        choice
    }

    /// Whether this is a scatter of a metric against itself, which says nothing: the view asks
    /// for two different metrics instead of drawing a diagonal.
    pub fn scatters_one_metric(&self) -> bool {
        self.kind == PlotKind::Scatter && self.x_metric == self.y_metric
    }

    /// Fits the choice to `dataset`: a metric not yet chosen becomes the dataset's choice, one
    /// the dataset lacks too (returned, so the user can be told), and a divisor it does not
    /// offer for the plotted metric is dropped.
    pub fn fit_to(&mut self, dataset: &Dataset) -> Vec<MetricId> {
        let views = dataset.view_metrics();
        let mut dropped = Vec::new();
        for (metric, default) in [
            (&mut self.metric, &views.plot),
            (&mut self.x_metric, &views.scatter_x),
            (&mut self.y_metric, &views.scatter_y),
        ] {
            if *metric == UNCHOSEN || dataset.metric(metric).is_none() {
                if *metric != UNCHOSEN {
                    dropped.push(metric.clone());
                }
                *metric = default.clone().unwrap_or(UNCHOSEN);
            }
        }
        if let Some(size) = &self.size_metric
            && (*size == UNCHOSEN || dataset.metric(size).is_none())
        {
            if *size != UNCHOSEN {
                dropped.push(size.clone());
            }
            self.size_metric.clone_from(&views.scatter_size);
        }
        if let Some(divisor) = self.drop_unoffered_divisor(dataset)
            && dataset.metric(&divisor).is_none()
        {
            dropped.push(divisor);
        }
        dropped
    }

    /// Drops the divisor when `dataset` does not offer it for the plotted metric (the metric
    /// itself, after the user picked it to plot) and returns it.
    pub fn drop_unoffered_divisor(&mut self, dataset: &Dataset) -> Option<MetricId> {
        let offered = dataset.divisors_of(&self.metric);
        self.divide_by.take_if(|d| !offered.iter().any(|m| &m.id == d))
    }
}

/// One park's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct BarDatum {
    /// The park.
    pub park: ParkId,
    /// The value after normalisation.
    pub value: f64,
    /// The year of the figure.
    pub year: i32,
    /// The part of the year it covers, when not the whole.
    pub period: Option<Period>,
    /// Its qualifier.
    pub qualifier: Qualifier,
    /// The sources of the figure (and of the divisor, when normalised).
    pub sources: Vec<SourceId>,
    /// The year of the divisor, when normalised and different from `year`.
    pub divisor_year: Option<i32>,
    /// Whether the figure divided is preliminary while `qualifier` says something else: a
    /// bound of the divisor's ("more than 450 firms" makes the value per firm "less than") takes
    /// the qualifier, and the label must still say "preliminary".
    pub preliminary: bool,
    /// The figures [stated otherwise](crate::model::stated_otherwise) than those the bar rests
    /// on (as stated, before any division; the divisor's too): the bar shows one of figures that
    /// disagree, or divides by one.
    pub stated_otherwise: Vec<Observation>,
    /// The figures the bar rests on, as stated: the one shown, and the divisor when divided
    /// (a tooltip names both, and their notes: a quotient resting on another area than the one
    /// the table shows could not be worked back).
    pub rests_on: Vec<Observation>,
}

/// Ranked bars of one metric.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarSeries {
    /// Bars, largest first.
    pub bars: Vec<BarDatum>,
    /// Parks shown without a value ("no data"), in the order given.
    pub missing: Vec<ParkId>,
    /// Those of `missing` whose figure has a divisor only in years on the other side of a change
    /// of the park's ground, in the order given: the "no data" line says why.
    pub divisor_across_boundary: Vec<ParkId>,
    /// Those of `missing` whose divisor is zero or below (a planned area of 0): they have a
    /// figure, which "no data" alone would deny; the line says why.
    pub divisor_not_above_zero: Vec<ParkId>,
    /// Those of `missing` with only a target or forecast of the metric (for the chosen year),
    /// which a bar must not show as an actual figure, each with how its latest such figure is
    /// stated: the "no data" line says "only a target", as the table shows the target. Looked
    /// up by park: the line names parks of thousands each frame.
    pub only_projected: std::collections::HashMap<ParkId, Qualifier>,
    /// Each bar's park's place in `bars`, from 0: a chart naming where a pinned park ranks
    /// looks it up rather than going through thousands of bars each frame.
    ranks: std::collections::HashMap<ParkId, usize>,
    /// Whether the bars come from more than one year.
    pub mixed_years: bool,
    /// Whether some bars are figures of a part of a year and others of another part or of
    /// a whole year: ranked together, they compare unlike things.
    pub mixed_periods: bool,
    /// Median of the bars' values; none for fewer than [`MEDIAN_BARS`] bars.
    pub median: Option<f64>,
    /// How surely the median is what it says: "more than" when figures stated as "more than"
    /// could raise it, and so on ([`median_stated`]).
    pub median_qualifier: Qualifier,
    /// The zone-wide figure, normalised the same way.
    pub zone: Option<ZoneBenchmark>,
    /// Whether the zone has a figure but no divisor within the same boundaries (as
    /// `divisor_across_boundary` for a park), so no benchmark: the notes say why.
    pub zone_divisor_across_boundary: bool,
    /// Every source behind the bars, and behind the zone figure when its value is shown (the
    /// benchmarks are on and it is [like the bars](Self::zone_like_the_bars)), sorted.
    pub sources: BTreeSet<SourceId>,
}

/// The zone-wide figure the bars are measured against, normalised as they are, with when it
/// is from: a fixed year may only have a part of it for the zone ("2018 Jan–Mar"), and the
/// line must not pass for the whole year.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneBenchmark {
    /// The value, in the metric's unit (divided, when the bars are).
    pub value: f64,
    /// The year the figure refers to.
    pub year: i32,
    /// The part of the year it covers, when not the whole.
    pub period: Option<Period>,
    /// How it is stated.
    pub qualifier: Qualifier,
    /// The year of the figure it is divided by, when another than `year`.
    pub divisor_year: Option<i32>,
    /// Whether it rests on a preliminary figure while `qualifier` says something else (see
    /// [`BarDatum::preliminary`]).
    pub preliminary: bool,
    /// The zone's figures [stated otherwise](crate::model::stated_otherwise) than the one the
    /// line rests on (as [`BarDatum::stated_otherwise`]): the zone's area of a year may be
    /// stated for its ground before and after that year's expansion.
    pub stated_otherwise: Vec<Observation>,
    /// The sources of the figure and, when divided, of its divisor, in that order.
    pub sources: Vec<SourceId>,
}

/// The actual (not projected) figure of `metric` for `year`, whole-year figures first.
fn figure_in_year<'a>(
    dataset: &'a Dataset,
    observations: &'a [Observation],
    metric: &MetricId,
    year: i32,
) -> Option<Figure<'a>> {
    observations
        .iter()
        .filter(|o| &o.metric == metric && o.year == year && !o.qualifier.is_projection() && o.covers_the_park())
        // Of the year's figures, one of the ground after its change of boundaries, if any.
        .max_by_key(|o| o.shown_first_key())
        .and_then(|o| dataset.figure(o))
}

/// A bar's value after normalisation, with what it rests on.
struct Normalised {
    value: f64,
    year: i32,
    period: Option<Period>,
    preliminary: bool,
    qualifier: Qualifier,
    sources: Vec<SourceId>,
    divisor_year: Option<i32>,
    stated_otherwise: Vec<Observation>,
    rests_on: Vec<Observation>,
}

/// Significant digits of a value the bars work out (a bar divided by another figure, the
/// median): more would claim a precision its figures lack ("462.615" as the middle of 895.93
/// and 29.3), and digits (unlike decimals) read alike in every unit a language writes it in
/// (47.48 bn yuan per km², 474.8 亿元/平方公里).
const COMPUTED_DIGITS: i32 = 4;

/// Why a park has no bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NoBar {
    /// No figure to show, or none to divide it by.
    NoData,
    /// A divisor of zero or below: the figure is there, the quotient is not.
    DivisorNotAboveZero,
    /// The figure's divisor is stated only for years on the other side of a change of the
    /// park's ground, or for the year of a change by two figures that nothing tells apart:
    /// dividing by it would measure the figure against other ground, or might.
    DivisorAcrossBoundary,
}

/// The figure of `divisor` a figure of `year` is divided by: that year's, else the nearest
/// year's (the later of two as near), whole-year figures first, and never one from the other
/// side of a change of the ground (`boundary_changes`, see [`same_ground`]) from `year`: a 2005
/// income divided by the area the park grew to in 2012 would understate it fivefold. A figure
/// of a year of a change covers the new ground unless it says it covers the old
/// ([`Observation::ground`]); two differing figures of such a year that nothing tells apart
/// (one may be of either ground) are neither used, whatever their order in the file.
fn divisor_for<'a>(
    dataset: &'a Dataset,
    observations: &'a [Observation],
    boundary_changes: &[i32],
    divisor: &MetricId,
    year: i32,
) -> Result<Figure<'a>, NoBar> {
    let stated: Vec<&Observation> = observations
        .iter()
        .filter(|o| &o.metric == divisor && !o.qualifier.is_projection() && o.covers_the_park())
        .collect();
    if stated.is_empty() {
        return Err(NoBar::NoData);
    }
    let ground = |o: &Observation| (o.year, o.period, o.ground_year(boundary_changes));
    // A figure that says its ground is told apart; one that does not may be of either.
    let ambiguous = |o: &Observation| {
        o.ground.is_none()
            && boundary_changes.contains(&o.year)
            && stated.iter().any(|other| ground(other) == ground(o) && other.value.to_bits() != o.value.to_bits())
    };
    stated
        .iter()
        .copied()
        .filter(|o| same_ground(boundary_changes, year, o.ground_year(boundary_changes)) && !ambiguous(o))
        // Of the nearest year's figures, the one every view shows of it (`shown_first_key`).
        .max_by_key(|o| (o.period.is_none(), std::cmp::Reverse(o.year.abs_diff(year)), o.shown_first_key()))
        .map_or(Err(NoBar::DivisorAcrossBoundary), |o| dataset.figure(o).ok_or(NoBar::NoData))
}

/// The figure a bar shows for `observations` (a park's or the zone's, whose ground changed in
/// `boundary_changes`), normalised. No bar when the figure or its divisor is missing, or the
/// divisor is zero (never a division by zero), and none that divides by a figure of other ground.
fn bar_value(
    dataset: &Dataset,
    observations: &[Observation],
    boundary_changes: &[i32],
    metric: &MetricId,
    year: YearChoice,
    divide_by: Option<&MetricId>,
) -> Result<Normalised, NoBar> {
    let figure = match year {
        YearChoice::Latest => dataset.latest(observations, metric),
        YearChoice::Year(y) => figure_in_year(dataset, observations, metric, y),
    }
    .ok_or(NoBar::NoData)?;
    let obs = figure.observation;
    let mut stated_otherwise: Vec<Observation> = model::stated_otherwise(observations, obs).cloned().collect();
    // A metric divided by itself would read as 1 everywhere: shown as stated instead.
    let Some(divisor_metric) = divide_by.filter(|d| *d != metric) else {
        return Ok(Normalised {
            preliminary: false,
            value: obs.value,
            year: obs.year,
            period: obs.period,
            qualifier: obs.qualifier,
            sources: vec![figure.source.id.clone()],
            divisor_year: None,
            stated_otherwise,
            rests_on: vec![obs.clone()],
        });
    };
    let divisor = divisor_for(dataset, observations, boundary_changes, divisor_metric, obs.year)?;
    let by = divisor.observation.value;
    if !by.is_finite() {
        return Err(NoBar::NoData);
    }
    if by <= 0.0 {
        return Err(NoBar::DivisorNotAboveZero);
    }
    let divisor_year = (divisor.observation.year != obs.year).then_some(divisor.observation.year);
    // A quotient is marked for another figure of its divisor too: the zone's 2012 area is stated
    // before and after its expansion, and a value per km² over it read as if the area were sure.
    stated_otherwise.extend(model::stated_otherwise(observations, divisor.observation).cloned());
    let qualifier = quotient_qualifier(obs.qualifier, divisor.observation.qualifier);
    let rests_on_preliminary = [obs.qualifier, divisor.observation.qualifier].contains(&Qualifier::Preliminary);
    Ok(Normalised {
        preliminary: rests_on_preliminary && qualifier != Qualifier::Preliminary,
        value: round_significant(obs.value / by, COMPUTED_DIGITS),
        year: obs.year,
        period: obs.period,
        qualifier,
        // One source stating both figures is named once.
        sources: if figure.source.id == divisor.source.id {
            vec![figure.source.id.clone()]
        } else {
            vec![figure.source.id.clone(), divisor.source.id.clone()]
        },
        divisor_year,
        stated_otherwise,
        rests_on: vec![obs.clone(), divisor.observation.clone()],
    })
}

/// How a quotient of a figure stated as `numerator` by one stated as `divisor` can be stated.
/// A plan divided stays a plan. A bound carries over, turned round when it is the divisor's
/// (">450 firms" makes the value per firm "less than"), and wins over an approximation: "about"
/// would hide that the value may lie far beyond it, while the approximation only blurs where
/// the bound lies. Bounds pushing both ways leave only "about". Otherwise the weaker of the two
/// statements: approximate, then preliminary.
pub fn quotient_qualifier(numerator: Qualifier, divisor: Qualifier) -> Qualifier {
    use Qualifier::{Approximate, AtLeast, AtMost, Preliminary, Reported};
    if numerator.is_projection() {
        return numerator;
    }
    if divisor.is_projection() {
        return divisor;
    }
    let raised = numerator == AtLeast || divisor == AtMost;
    let lowered = numerator == AtMost || divisor == AtLeast;
    let either = |qualifier| numerator == qualifier || divisor == qualifier;
    match (raised, lowered) {
        (true, false) => AtLeast,
        (false, true) => AtMost,
        (true, true) => Approximate,
        (false, false) if either(Approximate) => Approximate,
        (false, false) if either(Preliminary) => Preliminary,
        (false, false) => Reported,
    }
}

/// The median of `values`; `None` for none.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) { f64::midpoint(sorted[mid - 1], sorted[mid]) } else { sorted[mid] })
}

/// The median of figures stated with their qualifiers, and how surely it is that: a figure
/// stated as "more than" may be any larger, "less than" any smaller. Where no such figure
/// could move the median it is as exact as the figures; where only "more than" ones could, it
/// is at least the median of the figures as stated ("more than"); where only "less than" ones
/// could, at most; where both could, about. `None` for none.
pub fn median_stated(figures: &[(f64, Qualifier)]) -> Option<(f64, Qualifier)> {
    let with = |at_least: f64, at_most: f64| {
        let values: Vec<f64> = figures
            .iter()
            .map(|&(value, qualifier)| match qualifier {
                Qualifier::AtLeast => at_least.max(value),
                Qualifier::AtMost => at_most.min(value),
                _ => value,
            })
            .collect();
        median(&values)
    };
    let stated = with(f64::MIN, f64::MAX)?;
    let (lowest, highest) = (with(f64::MIN, f64::MIN)?, with(f64::MAX, f64::MAX)?);
    let qualifier = match (lowest < stated, highest > stated) {
        (false, false) if rests_on_an_estimate(figures) => Qualifier::Approximate,
        (false, false) => Qualifier::Reported,
        (false, true) => Qualifier::AtLeast,
        (true, false) => Qualifier::AtMost,
        (true, true) => Qualifier::Approximate,
    };
    Some((stated, qualifier))
}

/// Whether the median of `figures` is (or is the midpoint of) a figure stated as "about".
fn rests_on_an_estimate(figures: &[(f64, Qualifier)]) -> bool {
    let mut sorted = figures.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mid = sorted.len() / 2;
    let middle = if sorted.len().is_multiple_of(2) { mid.saturating_sub(1)..mid + 1 } else { mid..mid + 1 };
    sorted.get(middle).is_some_and(|middle| middle.iter().any(|(_, q)| *q == Qualifier::Approximate))
}

/// Fewest bars the median is drawn for: the median of one bar is that bar, and of two their
/// midpoint, a line through nothing that tells nothing the two bars do not.
pub const MEDIAN_BARS: usize = 3;

impl BarSeries {
    /// The place of `park`'s bar in [`Self::bars`], from 0; `None` when it has no bar.
    pub fn rank_of(&self, park: &ParkId) -> Option<usize> {
        self.ranks.get(park).copied()
    }

    /// Whether the zone's figure can be drawn against the bars: it covers the same part of the
    /// year as every bar (the whole year, mostly), or the whole year beside bars that are not
    /// all of one part of it. A first quarter of the zone beside whole years of the parks would
    /// read as the zone falling short of them, and a whole year of it beside their first
    /// quarters as the parks falling short.
    pub fn zone_like_the_bars(&self) -> bool {
        self.zone.as_ref().is_some_and(|zone| {
            let all_of = |period| !self.bars.is_empty() && self.bars.iter().all(|bar| bar.period == period);
            match zone.period {
                None => self.bars.first().is_none_or(|first| first.period.is_none() || !all_of(first.period)),
                part => all_of(part),
            }
        })
    }
}

/// How the latest target or forecast of `metric` among `observations` (of the chosen `year`)
/// is stated, where the park has no actual figure of it for that year; `None` otherwise.
pub(crate) fn projection_only(observations: &[Observation], metric: &MetricId, year: YearChoice) -> Option<Qualifier> {
    let of_year = |obs: &&Observation| {
        let in_year = match year {
            YearChoice::Latest => true,
            YearChoice::Year(y) => obs.year == y,
        };
        &obs.metric == metric && obs.covers_the_park() && in_year
    };
    let figures: Vec<&Observation> = observations.iter().filter(of_year).collect();
    if figures.iter().any(|obs| !obs.qualifier.is_projection()) {
        return None;
    }
    figures.iter().max_by_key(|obs| obs.year).map(|obs| obs.qualifier)
}

/// Builds ranked bars of `choice.metric` for `parks`.
pub fn bar_series(dataset: &Dataset, parks: &[ParkId], choice: &PlotChoice) -> BarSeries {
    let mut series = BarSeries::default();
    for id in parks {
        let Some(park) = dataset.park(id) else { continue };
        let boundary_changes = park.boundary_changes();
        let divide_by = choice.divide_by.as_ref();
        match bar_value(dataset, &park.observations, &boundary_changes, &choice.metric, choice.year, divide_by) {
            Ok(Normalised {
                value,
                year,
                period,
                preliminary,
                qualifier,
                sources,
                divisor_year,
                stated_otherwise,
                rests_on,
            }) => {
                series.sources.extend(sources.iter().cloned());
                // The sources the ≠ mark refers to are named with the others.
                series.sources.extend(stated_otherwise.iter().map(|other| other.source.clone()));
                let park = id.clone();
                let bar = BarDatum {
                    park,
                    value,
                    year,
                    period,
                    qualifier,
                    sources,
                    divisor_year,
                    preliminary,
                    stated_otherwise,
                    rests_on,
                };
                series.bars.push(bar);
            }
            Err(reason) => {
                if reason == NoBar::DivisorAcrossBoundary {
                    series.divisor_across_boundary.push(id.clone());
                } else if reason == NoBar::DivisorNotAboveZero {
                    series.divisor_not_above_zero.push(id.clone());
                } else if let Some(projected) = projection_only(&park.observations, &choice.metric, choice.year) {
                    series.only_projected.insert(id.clone(), projected);
                }
                series.missing.push(id.clone());
            }
        }
    }
    // Equal values in the dataset's order: the parks come in the table's order, by name in the
    // display language, and the two languages ranked tied parks differently.
    series.bars.sort_by(|a, b| {
        b.value.total_cmp(&a.value).then_with(|| dataset.park_position(&a.park).cmp(&dataset.park_position(&b.park)))
    });
    series.ranks = series.bars.iter().enumerate().map(|(at, bar)| (bar.park.clone(), at)).collect();
    let years: BTreeSet<i32> = series.bars.iter().map(|b| b.year).collect();
    series.mixed_years = years.len() > 1;
    let periods: BTreeSet<Option<Period>> = series.bars.iter().map(|b| b.period).collect();
    series.mixed_periods = periods.len() > 1;
    let figures: Vec<(f64, Qualifier)> = series.bars.iter().map(|b| (b.value, b.qualifier)).collect();
    if figures.len() >= MEDIAN_BARS
        && let Some((median, qualifier)) = median_stated(&figures)
    {
        (series.median, series.median_qualifier) = (Some(round_significant(median, COMPUTED_DIGITS)), qualifier);
    }
    let zone = dataset.zone.as_ref().map(|zone| {
        let boundary_changes = zone.boundary_changes();
        bar_value(
            dataset,
            &zone.observations,
            &boundary_changes,
            &choice.metric,
            choice.year,
            choice.divide_by.as_ref(),
        )
    });
    series.zone_divisor_across_boundary = matches!(zone, Some(Err(NoBar::DivisorAcrossBoundary)));
    if let Some(Ok(zone)) = zone {
        let Normalised { value, year, period, qualifier, divisor_year, preliminary, sources, stated_otherwise, .. } =
            zone;
        let zone_sources: Vec<SourceId> =
            sources.iter().cloned().chain(stated_otherwise.iter().map(|other| other.source.clone())).collect();
        series.zone = Some(ZoneBenchmark {
            value,
            year,
            period,
            qualifier,
            divisor_year,
            preliminary,
            stated_otherwise,
            sources,
        });
        // Cited only when its value is shown (drawn, or stated in words when too large): a
        // figure the notes say is not drawn is not behind the chart, nor one beside no bar
        // (the chart's place then says there is nothing to draw). As for a bar, the sources
        // the ≠ mark refers to are named with the others.
        if choice.show_benchmark && !series.bars.is_empty() && series.zone_like_the_bars() {
            series.sources.extend(zone_sources);
        }
    }
    series
}

/// One point of a time series.
#[derive(Clone, Debug, PartialEq)]
pub struct TimePoint {
    /// Where it is drawn: the year, less a quarter for a first half and so on (see
    /// `park_time_series`): within half a year of the year's tick.
    pub x: f64,
    /// The value.
    pub value: f64,
    /// The year the figure refers to.
    pub year: i32,
    /// The year whose ground it covers ([`Observation::ground_year`]): its own, or the year
    /// before for a figure of a year of a change that says it covers the ground before it.
    pub ground_year: i32,
    /// Part of the year, if not the whole.
    pub period: Option<Period>,
    /// How it was stated.
    pub qualifier: Qualifier,
    /// Where it comes from.
    pub source: SourceId,
    /// Its caveat ([`Observation::notes`]), which the point's tooltip says with it.
    pub note: Option<Text>,
}

/// One park's figures of a metric over time.
#[derive(Clone, Debug, PartialEq)]
pub struct ParkTimeSeries {
    /// The park.
    pub park: ParkId,
    /// Runs of whole-year actual figures, each drawn as one line through its figures' points. A
    /// year without a figure is bridged, as the takeaway's growth rate bridges it (sources often
    /// report every other year; broken at each gap, such a park's figures were loose dots); a
    /// change of the park's ground breaks the run (see [`Self::boundary_changes`]).
    pub runs: Vec<Vec<TimePoint>>,
    /// Targets and forecasts, drawn dashed from the last actual figure before them.
    pub projections: Vec<TimePoint>,
    /// Part-year figures, and another source's whole-year figure for a year already in a run
    /// ([`Self::stated_otherwise`]): points only.
    pub loose: Vec<TimePoint>,
    /// The years the park's ground changed ([`Park::boundary_changes`]): figures either side
    /// of one are not like for like.
    pub boundary_changes: Vec<i32>,
}

impl TimePoint {
    /// The figure behind the point, as an export writes it.
    pub fn reading(&self) -> Reading {
        Reading {
            value: self.value,
            year: self.year,
            period: self.period,
            qualifier: self.qualifier,
            source: self.source.clone(),
            note: self.note.clone(),
        }
    }
}

impl ParkTimeSeries {
    /// Every point, for hover and bounds.
    pub fn points(&self) -> impl Iterator<Item = &TimePoint> {
        self.runs.iter().flatten().chain(&self.projections).chain(&self.loose)
    }

    /// The end of the park's line, which its name is level with: its latest whole-year figure or
    /// projection. A part-year figure or another source's figure after it is a point off the
    /// line; named beside it, the name missed the line it names. A park whose figures are all
    /// such points is named at its latest.
    pub fn line_end(&self) -> Option<&TimePoint> {
        self.drawn_line_end(|_| true)
    }

    /// [`Self::line_end`] of the points `drawn` (a log scale draws none at zero or below): the
    /// name of a line whose latest figure a log scale could not draw was left out with it,
    /// though the line was drawn.
    pub fn drawn_line_end(&self, drawn: impl Fn(&TimePoint) -> bool) -> Option<&TimePoint> {
        let on_line = self.runs.iter().flatten().chain(&self.projections).filter(|p| drawn(p));
        let latest = on_line.max_by(|a, b| a.x.total_cmp(&b.x));
        latest.or_else(|| self.loose.iter().filter(|p| drawn(p)).max_by(|a, b| a.x.total_cmp(&b.x)))
    }

    /// The whole-year figures off the line: another source's figure for a year the line already
    /// has a figure of.
    pub fn stated_otherwise(&self) -> impl Iterator<Item = &TimePoint> {
        self.loose.iter().filter(|point| point.period.is_none())
    }

    /// Whether two of the park's figures cover the same ground.
    pub fn same_ground(&self, one: &TimePoint, other: &TimePoint) -> bool {
        same_ground(&self.boundary_changes, one.ground_year, other.ground_year)
    }

    /// Where a change of the park's ground (the only thing that splits runs) lies between two
    /// runs: the last point of one and the first of the next.
    pub fn boundary_crossings(&self) -> impl Iterator<Item = (&TimePoint, &TimePoint)> {
        self.runs.windows(2).filter_map(|pair| Some((pair[0].last()?, pair[1].first()?)))
    }

    /// Every stretch of the park's drawn line, from point to point: along its runs, dotted
    /// across each change of ground and dashed on to each projection. What a label beside the
    /// line keeps clear of.
    pub fn line_segments(&self) -> impl Iterator<Item = (&TimePoint, &TimePoint)> {
        let along_runs = self.runs.iter().flat_map(|run| run.windows(2).map(|pair| (&pair[0], &pair[1])));
        let to_projections = self.projections.iter().filter_map(|projection| {
            let from = self.runs.iter().flatten().rfind(|p| p.x < projection.x)?;
            Some((from, projection))
        });
        along_runs.chain(self.boundary_crossings()).chain(to_projections)
    }

    /// The years of the park's figures a log scale cannot draw (zero or below), in order, each
    /// once, when it draws others of them: a footer naming the park alone said its line was not
    /// shown while it was. Empty when every figure is drawn, or none is (the park is then left
    /// out whole).
    pub fn years_not_on_log_scale(&self) -> Vec<i32> {
        let not_above_zero = |point: &&TimePoint| point.value.is_nan() || point.value <= 0.0;
        if self.points().all(|point| not_above_zero(&point)) {
            return Vec::new();
        }
        let mut years: Vec<i32> = self.points().filter(not_above_zero).map(|point| point.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

/// The time series of `metric` for each of `parks` that has at least one figure, and the
/// parks that have none.
pub fn time_series(dataset: &Dataset, parks: &[ParkId], metric: &MetricId) -> (Vec<ParkTimeSeries>, Vec<ParkId>) {
    let mut all = Vec::new();
    let mut missing = Vec::new();
    for id in parks {
        let Some(park) = dataset.park(id) else { continue };
        let series = park_time_series(park, metric);
        if series.points().next().is_some() {
            all.push(series);
        } else {
            missing.push(id.clone());
        }
    }
    (all, missing)
}

fn park_time_series(park: &Park, metric: &MetricId) -> ParkTimeSeries {
    let boundary_changes = park.boundary_changes();
    // A year's figures sit about its tick, within half a year of it: a part of the year before
    // the tick, the earlier the earlier its last month ("Jan–Nov" just before it, "H1" a
    // quarter of the way back; "H2", ending in December, on it). Drawn after the tick, at the
    // months' share of the way to the next, a Jan–Nov 2014 figure sat on the tick of 2015.
    let months_short = |end_month: u8| f64::from(12 - end_month.min(12)) / 24.0;
    let point = |o: &Observation| TimePoint {
        x: f64::from(o.year)
            - match o.period {
                Some(Period::H1) => months_short(6),
                Some(Period::JanTo(month)) => months_short(month),
                None | Some(Period::H2 | Period::Cumulative) => 0.0,
            },
        value: o.value,
        year: o.year,
        ground_year: o.ground_year(&boundary_changes),
        period: o.period,
        qualifier: o.qualifier,
        source: o.source.clone(),
        note: o.notes(),
    };
    let mut series = ParkTimeSeries {
        park: park.id.clone(),
        runs: Vec::new(),
        projections: Vec::new(),
        loose: Vec::new(),
        boundary_changes: Vec::new(),
    };
    // A year of a change may have a whole-year figure of each ground, before and after it: both
    // are on the line, the one before ending a run and the one after starting the next. Of two
    // figures of one year and ground, the line takes the one the views showing one figure of a
    // year take ([`Observation::shown_first_key`]: one that says its ground, then the one
    // listed last); the other is a point off it.
    let mut candidates: Vec<((bool, i32, bool, bool), TimePoint)> = Vec::new();
    for obs in park.observations.iter().filter(|o| &o.metric == metric && o.value.is_finite() && o.covers_the_park()) {
        let point = point(obs);
        if obs.qualifier.is_projection() {
            series.projections.push(point);
        } else if obs.period.is_some() {
            series.loose.push(point);
        } else {
            candidates.push((obs.shown_first_key(), point));
        }
    }
    // Stable: the file's order among equals; of a year and ground, the one shown first last.
    candidates.sort_by_key(|(shown_first, point)| (point.year, point.ground_year, *shown_first));
    let mut whole_years: Vec<TimePoint> = Vec::new();
    for (_, point) in candidates {
        match whole_years.last_mut() {
            Some(taken) if (taken.year, taken.ground_year) == (point.year, point.ground_year) => {
                series.loose.push(std::mem::replace(taken, point));
            }
            _ => whole_years.push(point),
        }
    }
    for point in whole_years {
        match series.runs.last_mut() {
            Some(run)
                if run
                    .last()
                    .is_some_and(|last| same_ground(&boundary_changes, last.ground_year, point.ground_year)) =>
            {
                run.push(point);
            }
            _ => series.runs.push(vec![point]),
        }
    }
    series.projections.sort_by(|a, b| a.x.total_cmp(&b.x));
    series.boundary_changes = boundary_changes;
    series
}

/// One figure as a plot or an export reads it: the value with its year, qualifier and source.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The value, in its metric's unit.
    pub value: f64,
    /// The year the figure refers to.
    pub year: i32,
    /// The part of the year it covers, when not the whole.
    pub period: Option<Period>,
    /// How the source stated it.
    pub qualifier: Qualifier,
    /// Where it comes from.
    pub source: SourceId,
    /// Its caveat ([`Observation::notes`]), which a tooltip says with it.
    pub note: Option<Text>,
}

impl Reading {
    /// `park`'s figure of `metric` this reading was made from: the same year, part of the year,
    /// qualifier, source and value (one source may state two values for a year, as an area
    /// before and after an expansion, so the source alone does not tell them apart).
    pub fn observation_in<'a>(&self, park: &'a Park, metric: &MetricId) -> Option<&'a Observation> {
        park.observations.iter().find(|obs| {
            obs.metric == *metric
                && (obs.year, obs.period, obs.qualifier) == (self.year, self.period, self.qualifier)
                && obs.source == self.source
                && obs.value.to_bits() == self.value.to_bits()
                && obs.covers_the_park()
        })
    }
}

impl From<Figure<'_>> for Reading {
    fn from(figure: Figure<'_>) -> Self {
        let obs = figure.observation;
        Self {
            value: obs.value,
            year: obs.year,
            period: obs.period,
            qualifier: obs.qualifier,
            source: figure.source.id.clone(),
            note: obs.notes(),
        }
    }
}

/// Why a point or marker sized by a metric is drawn as a cross rather than as a disc whose area
/// is its figure: a small disc would pass either off as a small value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsized {
    /// The park has no figure of the sizing metric.
    NoFigure,
    /// Its figure is below zero (a fall, a loss), which no area can show.
    BelowZero,
}

impl Unsized {
    /// Why a park whose sizing figure is `size` is drawn as a cross; `None` when it is sized.
    pub fn of(size: Option<f64>) -> Option<Self> {
        match size {
            None => Some(Self::NoFigure),
            Some(value) if value < 0.0 => Some(Self::BelowZero),
            Some(_) => None,
        }
    }
}

/// What a key says about the crosses of a view sized by a metric: whether any park lacks a
/// figure, and which parks are crossed for a figure below zero (named, being few, so that
/// their crosses are told from the others). `crossed` is each drawn park with why it is
/// crossed, if it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CrossKey<'p> {
    /// Some park is crossed for want of a figure.
    pub no_figure: bool,
    /// The parks crossed for a figure below zero, in the order drawn.
    pub below_zero: Vec<&'p ParkId>,
}

impl<'p> CrossKey<'p> {
    /// The key of the crosses among `crossed`.
    pub fn of(crossed: impl IntoIterator<Item = (&'p ParkId, Option<Unsized>)>) -> Self {
        let mut key = Self::default();
        for (park, why) in crossed {
            match why {
                Some(Unsized::NoFigure) => key.no_figure = true,
                Some(Unsized::BelowZero) => key.below_zero.push(park),
                None => {}
            }
        }
        key
    }
}

/// One park in a scatter plot.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    /// The park.
    pub park: ParkId,
    /// The latest figure of the horizontal metric.
    pub x: Reading,
    /// The latest figure of the vertical metric.
    pub y: Reading,
    /// The latest figure of the bubble-size metric, if that metric is set and the park has it.
    pub size: Option<Reading>,
    /// The figures [stated otherwise](crate::model::stated_otherwise) than those three, of
    /// whichever metric.
    pub stated_otherwise: Vec<Observation>,
}

/// Each park's latest figures of the two (or three) scatter metrics; parks lacking x or y are
/// returned apart as "no data".
pub fn scatter_points(dataset: &Dataset, parks: &[ParkId], choice: &PlotChoice) -> (Vec<ScatterPoint>, Vec<ParkId>) {
    let mut points = Vec::new();
    let mut missing = Vec::new();
    for id in parks {
        let Some(park) = dataset.park(id) else { continue };
        let latest = |metric: &MetricId| dataset.latest(park, metric);
        match (latest(&choice.x_metric), latest(&choice.y_metric)) {
            (Some(x), Some(y)) => {
                let size = choice.size_metric.as_ref().and_then(latest);
                let stated_otherwise = [Some(x), Some(y), size]
                    .into_iter()
                    .flatten()
                    .flat_map(|figure| model::stated_otherwise(&park.observations, figure.observation))
                    .cloned()
                    .collect();
                let (x, y, size) = (x.into(), y.into(), size.map(Reading::from));
                points.push(ScatterPoint { park: id.clone(), x, y, size, stated_otherwise });
            }
            _ => missing.push(id.clone()),
        }
    }
    (points, missing)
}

/// Parks × industries, each cell the role (if any).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndustryMatrix {
    /// Row order.
    pub parks: Vec<ParkId>,
    /// Column order: only industries at least one shown park has.
    pub industries: Vec<IndustryId>,
    /// `cells[row][column]`: the park's strongest role in that industry.
    pub cells: Vec<Vec<Option<Role>>>,
    /// Each park's row, for a slide's pinned parks to be found among thousands of rows without
    /// going through them each frame.
    rows: std::collections::HashMap<ParkId, usize>,
    /// The columns, most worth keeping first ([`IndustryMatrix::new`]): ranked once when the
    /// matrix is built, not in every frame that cuts it.
    by_sharing: Vec<usize>,
    /// A hash of `parks`, in their order, worked out when the matrix is built: a view keeps
    /// what it measured of the rows' names by it, rather than comparing thousands of ids each
    /// frame.
    rows_key: u64,
}

impl IndustryMatrix {
    /// The matrix of `parks` (rows) × `industries` (columns) with their `cells`. Where not
    /// every column fits, those kept first are the industries the most parks have; of equals,
    /// the one a park gives the strongest role (a leading industry before one only named as a
    /// focus), then the one more parks give that role, then the earlier in the dataset
    /// (`dataset_position`). Settled by the matrix's order, by name in the display language,
    /// English and Chinese kept different industries.
    pub fn new(
        parks: Vec<ParkId>,
        industries: Vec<IndustryId>,
        cells: Vec<Vec<Option<Role>>>,
        dataset_position: impl Fn(&IndustryId) -> Option<usize>,
    ) -> Self {
        let roles = |column: usize| cells.iter().filter_map(move |row| row.get(column).copied().flatten());
        let worth = |column: usize| {
            let strongest = roles(column).min();
            let giving_it = roles(column).filter(|role| Some(*role) == strongest).count();
            let position = industries.get(column).and_then(&dataset_position).unwrap_or(usize::MAX);
            // An industry no shown park has (none is built so) goes last.
            (
                std::cmp::Reverse(roles(column).count()),
                strongest.is_none(),
                strongest,
                std::cmp::Reverse(giving_it),
                position,
            )
        };
        let mut by_sharing: Vec<usize> = (0..industries.len()).collect();
        by_sharing.sort_by_cached_key(|&column| worth(column));
        let rows_key = {
            use std::hash::{Hash as _, Hasher as _};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            parks.hash(&mut hasher);
            hasher.finish()
        };
        let rows = parks.iter().enumerate().map(|(row, park)| (park.clone(), row)).collect();
        Self { parks, industries, cells, rows, by_sharing, rows_key }
    }

    /// Tells this matrix's rows from another's: equal for the same parks in the same order.
    pub fn rows_key(&self) -> u64 {
        self.rows_key
    }

    /// The columns to show where only `count` fit, in the matrix's order (by name or by count,
    /// as chosen): first the industries of the `pinned` parks, the parks the slide is about
    /// (a slide dropped the two industries only pinned parks had), then those most worth
    /// keeping ([`IndustryMatrix::new`]); each part in that worth's order. Cut in the matrix's
    /// order instead, a slide of the matrix by name dropped the industry seven parks share and
    /// kept ones only one has.
    pub fn most_shared_columns(&self, count: usize, pinned: &[ParkId]) -> Vec<usize> {
        if count >= self.industries.len() {
            return (0..self.industries.len()).collect();
        }
        let pinned_rows: Vec<&Vec<Option<Role>>> =
            pinned.iter().filter_map(|park| self.cells.get(*self.rows.get(park)?)).collect();
        let pinned_have = |column: &usize| pinned_rows.iter().any(|row| row.get(*column).copied().flatten().is_some());
        let (first, rest): (Vec<usize>, Vec<usize>) = self.by_sharing.iter().partition(|column| pinned_have(column));
        let mut columns: Vec<usize> = first.into_iter().chain(rest).take(count).collect();
        columns.sort_unstable();
        columns
    }
}

/// Builds the matrix for `parks`, ordered by name (in `language`'s names as given by
/// `name_of`) or by count.
pub fn industry_matrix(
    dataset: &Dataset,
    parks: &[ParkId],
    order: MatrixOrder,
    park_name: impl Fn(&Park) -> String,
    industry_name: impl Fn(&IndustryId) -> String,
) -> IndustryMatrix {
    let shown: Vec<&Park> = parks.iter().filter_map(|id| dataset.park(id)).collect();
    let role = |park: &Park, industry: &IndustryId| {
        // The strongest role a park gives an industry; roles sort strongest first.
        park.industries.iter().filter(|l| &l.industry == industry).map(|l| l.role).min()
    };
    let mut industries: Vec<IndustryId> = dataset
        .industries
        .iter()
        .map(|i| i.id.clone())
        .filter(|id| shown.iter().any(|p| role(p, id).is_some()))
        .collect();
    let mut rows = shown;
    match order {
        MatrixOrder::ByName => {
            rows.sort_by_cached_key(|p| park_name(p));
            industries.sort_by_cached_key(|id| industry_name(id));
        }
        MatrixOrder::ByCount => {
            rows.sort_by_key(|p| std::cmp::Reverse(industries.iter().filter(|id| role(p, id).is_some()).count()));
            let count = |id: &IndustryId| rows.iter().filter(|p| role(p, id).is_some()).count();
            industries.sort_by_cached_key(|id| std::cmp::Reverse(count(id)));
        }
    }
    let cells = rows.iter().map(|p| industries.iter().map(|id| role(p, id)).collect()).collect();
    IndustryMatrix::new(rows.iter().map(|p| p.id.clone()).collect(), industries, cells, |id| {
        dataset.industry_position(id)
    })
}

/// The data of whichever plot is chosen, computed once per change of choice or parks.
#[derive(Clone, Debug, PartialEq)]
pub enum PlotData {
    /// Ranked bars.
    Bars(BarSeries),
    /// Lines over the years.
    TimeSeries {
        /// One per park with figures.
        series: Vec<ParkTimeSeries>,
        /// Parks without any figure of the metric.
        missing: Vec<ParkId>,
        /// How many parks have targets or forecasts not drawn ([`PlotChoice::show_projections`]
        /// off): the scope line says they are left out.
        hidden_projections: usize,
        /// Those of `missing` with only targets or forecasts, with how the latest of them is
        /// stated: "only a target", as the bars say it. Left without a line by
        /// `hidden_projections`, or, of the largest parks' plot, not among them.
        only_projected: std::collections::BTreeMap<ParkId, Qualifier>,
    },
    /// Points of two metrics.
    Scatter {
        /// One per park with both figures.
        points: Vec<ScatterPoint>,
        /// Parks lacking one of them.
        missing: Vec<ParkId>,
    },
    /// Parks × industries.
    Matrix(IndustryMatrix),
}

impl PlotData {
    /// Computes the chosen plot's data for `parks`.
    pub fn new(dataset: &Dataset, parks: &[ParkId], choice: &PlotChoice, language: crate::model::Language) -> Self {
        match choice.kind {
            PlotKind::Bars => Self::Bars(bar_series(dataset, parks, choice)),
            PlotKind::TimeSeries => {
                let (series, missing) = time_series(dataset, parks, &choice.metric);
                if choice.show_projections {
                    let only_projected = std::collections::BTreeMap::new();
                    return Self::TimeSeries { series, missing, hidden_projections: 0, only_projected };
                }
                let mut hidden_projections = 0;
                let mut only_projected = std::collections::BTreeMap::new();
                let mut drawn = Vec::with_capacity(series.len());
                for mut line in series {
                    let Some(last) = line.projections.iter().max_by(|a, b| a.x.total_cmp(&b.x)).map(|p| p.qualifier)
                    else {
                        drawn.push(line);
                        continue;
                    };
                    hidden_projections += 1;
                    line.projections.clear();
                    if line.points().next().is_some() {
                        drawn.push(line);
                    } else {
                        only_projected.insert(line.park, last);
                    }
                }
                // The parks left without a figure among the others, in the order they were given.
                let missing = if only_projected.is_empty() {
                    missing
                } else {
                    let without: std::collections::HashSet<&ParkId> =
                        missing.iter().chain(only_projected.keys()).collect();
                    parks.iter().filter(|park| without.contains(park)).cloned().collect()
                };
                Self::TimeSeries { series: drawn, missing, hidden_projections, only_projected }
            }
            PlotKind::Scatter => {
                let (points, missing) = scatter_points(dataset, parks, choice);
                Self::Scatter { points, missing }
            }
            PlotKind::Matrix => Self::Matrix(industry_matrix(
                dataset,
                parks,
                choice.matrix_order,
                |p| crate::state::sort_key(p.name.get(language), language),
                |id| {
                    dataset
                        .industry(id)
                        .map(|i| crate::state::sort_key(i.name.get(language), language))
                        .unwrap_or_default()
                },
            )),
        }
    }

    /// Every source behind what the plot draws, for its footer.
    pub fn sources(&self, dataset: &Dataset) -> BTreeSet<SourceId> {
        match self {
            Self::Bars(bars) => bars.sources.clone(),
            Self::TimeSeries { series, .. } => {
                series.iter().flat_map(ParkTimeSeries::points).map(|p| p.source.clone()).collect()
            }
            // The sources the ≠ mark refers to are named with the others, as the bars' are.
            Self::Scatter { points, .. } => points
                .iter()
                .flat_map(|p| {
                    let drawn = [Some(&p.x.source), Some(&p.y.source), p.size.as_ref().map(|size| &size.source)];
                    drawn.into_iter().flatten().chain(p.stated_otherwise.iter().map(|other| &other.source))
                })
                .cloned()
                .collect(),
            Self::Matrix(matrix) => matrix
                .parks
                .iter()
                .filter_map(|id| dataset.park(id))
                .flat_map(|p| p.industries.iter())
                .filter(|l| matrix.industries.contains(&l.industry))
                .map(|l| l.source.clone())
                .collect(),
        }
    }

    /// Parks the plot could not draw for lack of data.
    pub fn missing(&self) -> &[ParkId] {
        match self {
            Self::Bars(bars) => &bars.missing,
            Self::TimeSeries { missing, .. } | Self::Scatter { missing, .. } => missing,
            Self::Matrix(_) => &[],
        }
    }

    /// The years of `park`'s figures a log scale leaves out of a line it still draws
    /// ([`ParkTimeSeries::years_not_on_log_scale`]); empty for the other plots, whose bars and
    /// points it leaves out whole.
    pub fn years_not_on_log_scale(&self, park: &ParkId) -> Vec<i32> {
        match self {
            Self::TimeSeries { series, .. } => series
                .iter()
                .find(|line| &line.park == park)
                .map(ParkTimeSeries::years_not_on_log_scale)
                .unwrap_or_default(),
            Self::Bars(_) | Self::Scatter { .. } | Self::Matrix(_) => Vec::new(),
        }
    }

    /// Parks a log scale cannot show, or not wholly: a drawn figure of theirs is zero or
    /// negative (a bar, either of a point's figures, any of a line's). In plot order.
    pub fn not_on_log_scale(&self) -> Vec<&ParkId> {
        let not_above_zero = |value: f64| value.is_nan() || value <= 0.0;
        match self {
            Self::Bars(bars) => bars.bars.iter().filter(|bar| not_above_zero(bar.value)).map(|bar| &bar.park).collect(),
            Self::Scatter { points, .. } => points
                .iter()
                .filter(|point| not_above_zero(point.x.value) || not_above_zero(point.y.value))
                .map(|point| &point.park)
                .collect(),
            Self::TimeSeries { series, .. } => series
                .iter()
                .filter(|line| {
                    line.runs
                        .iter()
                        .flatten()
                        .chain(&line.projections)
                        .chain(&line.loose)
                        .any(|p| not_above_zero(p.value))
                })
                .map(|line| &line.park)
                .collect(),
            Self::Matrix(_) => Vec::new(),
        }
    }

    /// Parks of [`Self::missing`] whose divisor is zero or below
    /// (see [`BarSeries::divisor_not_above_zero`]).
    pub fn divisor_not_above_zero(&self) -> &[ParkId] {
        match self {
            Self::Bars(bars) => &bars.divisor_not_above_zero,
            Self::TimeSeries { .. } | Self::Scatter { .. } | Self::Matrix(_) => &[],
        }
    }

    /// Parks of [`Self::missing`] that have a figure but no divisor within the same boundaries
    /// (see [`BarSeries::divisor_across_boundary`]).
    pub fn divisor_across_boundary(&self) -> &[ParkId] {
        match self {
            Self::Bars(bars) => &bars.divisor_across_boundary,
            Self::TimeSeries { .. } | Self::Scatter { .. } | Self::Matrix(_) => &[],
        }
    }

    /// For a time series of some of `parks` (the largest): takes as its parks without a line
    /// those of `parks` with no actual figure of the metric for the whole park, in `parks`'
    /// order, each with only a target or forecast marked by how its latest is stated (as the
    /// table shows it). A park with figures but no line (not among the largest) is not among
    /// them. Looked up, not drawn: at 10,000 parks the lines would be built to be thrown away.
    fn name_missing_among(&mut self, dataset: &Dataset, parks: &[ParkId], metric: &MetricId) {
        let Self::TimeSeries { missing, only_projected, .. } = self else { return };
        missing.clear();
        only_projected.clear();
        for id in parks {
            let Some(park) = dataset.park(id) else { continue };
            if dataset.latest(park, metric).is_some() {
                continue;
            }
            missing.push(id.clone());
            if let Some(projection) = dataset.latest_shown(park, metric) {
                only_projected.insert(id.clone(), projection.observation.qualifier);
            }
        }
    }

    /// The parks shown without a bar, or without a line when targets and forecasts are not
    /// drawn, that have only a target or forecast of the metric ([`BarSeries::only_projected`]),
    /// how its latest such figure is stated; `None` for a park with no such figure and for the
    /// other plots.
    pub fn only_projected(&self, park: &ParkId) -> Option<Qualifier> {
        match self {
            Self::Bars(bars) => bars.only_projected.get(park).copied(),
            Self::TimeSeries { only_projected, .. } => only_projected.get(park).copied(),
            Self::Scatter { .. } | Self::Matrix(_) => None,
        }
    }
}

/// How many lines a time series draws when nothing is pinned: more would tangle. The scope
/// line's wording (`Strings::top_five`, "the five largest") states this number.
pub const TIME_SERIES_LARGEST: usize = 5;

/// Which parks a plot shows, and why. Resolved once, in [`ShownParks::new`], so the plot and
/// the scope line under its title cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShownParks {
    /// The parks passing the filter.
    Filtered,
    /// The pinned parks, in pin order.
    Pinned,
    /// A time series of the parks passing the filter: the pinned ones among them, in pin order.
    PinnedInFilter,
    /// A time series of the parks passing the filter, none of them pinned: the
    /// [`TIME_SERIES_LARGEST`] with the largest latest figure.
    Largest,
}

impl ShownParks {
    /// The rule: the pinned parks when the scope asks for them; the other plots show the
    /// parks passing the filter (`visible`), and a time series, for which a line for each of
    /// them would be a tangle, the pinned ones among them, or else the largest.
    pub fn new(choice: &PlotChoice, pinned: &[ParkId], visible: &[ParkId]) -> Self {
        match (choice.scope, choice.kind) {
            (PlotScope::Pinned, _) => Self::Pinned,
            (PlotScope::Filtered, PlotKind::TimeSeries) if pinned.iter().any(|id| visible.contains(id)) => {
                Self::PinnedInFilter
            }
            (PlotScope::Filtered, PlotKind::TimeSeries) => Self::Largest,
            (PlotScope::Filtered, PlotKind::Bars | PlotKind::Scatter | PlotKind::Matrix) => Self::Filtered,
        }
    }

    /// The ids of the parks shown: `visible` or `pinned` in their order, the pinned ones among
    /// `visible`, or the largest of `visible` by their latest figure of `metric`, largest first.
    pub fn parks(self, dataset: &Dataset, visible: &[ParkId], pinned: &[ParkId], metric: &MetricId) -> Vec<ParkId> {
        match self {
            Self::Filtered => visible.to_vec(),
            Self::Pinned => pinned.to_vec(),
            Self::PinnedInFilter => pinned.iter().filter(|id| visible.contains(id)).cloned().collect(),
            Self::Largest => largest_parks(dataset, visible, metric, TIME_SERIES_LARGEST),
        }
    }

    /// Whether the parks shown are chosen among those passing the filter, so the scope line
    /// names the filters.
    pub fn within_filter(self) -> bool {
        match self {
            Self::Pinned => false,
            Self::Filtered | Self::PinnedInFilter | Self::Largest => true,
        }
    }
}

/// The `count` parks of `parks` with the largest latest figure of `metric`, largest first;
/// parks without one are left out.
fn largest_parks(dataset: &Dataset, parks: &[ParkId], metric: &MetricId, count: usize) -> Vec<ParkId> {
    let mut ranked: Vec<(f64, &ParkId)> = parks
        .iter()
        .filter_map(|id| {
            let park = dataset.park(id)?;
            Some((dataset.latest(park, metric)?.observation.value, id))
        })
        .collect();
    // Equal figures in the dataset's order, as the bars: the same parks in every language.
    ranked
        .sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| dataset.park_position(a.1).cmp(&dataset.park_position(b.1))));
    ranked.into_iter().take(count).map(|(_, id)| id.clone()).collect()
}

/// A plot's data and what its frame shows besides (which and how many parks, the colours, the
/// takeaway sentence, the year picker's years, the sources footer), all computed once per change
/// so a frame costs the same for 17 parks or 10,000.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotView {
    /// The plot's data.
    pub data: PlotData,
    /// Which parks the plot covers, and why.
    pub shown_parks: ShownParks,
    /// How many parks the plot covers, parts of one park counted once and as entries.
    pub park_count: ParkCount,
    /// The parks drawn in colour, most important first, each with its palette slot; the others
    /// are grey. The matrix colours no park.
    pub colours: ParkColours,
    /// One sentence saying what the plot shows, in the view's language.
    pub takeaway: String,
    /// What the chart's place says instead of drawing empty axes, when the plot has nothing to
    /// draw ([`nothing_drawn`]); `None` when it has.
    pub nothing_drawn: Option<String>,
    /// The years the year picker offers, newest first.
    pub years: Vec<OfferedYear>,
    /// The sources behind what is drawn.
    pub sources: BTreeSet<SourceId>,
    /// Their labels as the footer lists them ([`crate::format::source_list`]), written once
    /// here rather than twice a frame.
    pub source_list: String,
    /// A number no other plot built in this process has, new at every build: a view keeps what
    /// it works out of the plot's points under it, rather than compare thousands of them (or
    /// go over them) every frame.
    pub revision: u64,
}

/// The next [`PlotView::revision`].
static NEXT_PLOT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The parks a plot's data draws.
fn drawn_parks(data: &PlotData) -> Vec<ParkId> {
    match data {
        PlotData::Bars(series) => series.bars.iter().map(|b| b.park.clone()).collect(),
        PlotData::TimeSeries { series, .. } => series.iter().map(|s| s.park.clone()).collect(),
        PlotData::Scatter { points, .. } => points.iter().map(|p| p.park.clone()).collect(),
        PlotData::Matrix(matrix) => matrix.parks.clone(),
    }
}

/// The colours of a plot ([`ParkColours::for_view`]). Bars are identified by their axis and
/// colour only the pinned and selected parks; a time series of the largest parks and a scatter
/// also colour the largest, ranked among all the parks passing the filter by the latest figure
/// of the metric they plot (the scatter's vertical one), so the two charts give a park they
/// both colour one colour. The matrix colours no park.
fn plot_colours(
    dataset: &Dataset,
    data: &PlotData,
    visible: &[ParkId],
    pinned: &[ParkId],
    selected: Option<&ParkId>,
    choice: &PlotChoice,
) -> ParkColours {
    let ranking_metric = match (choice.kind, choice.scope) {
        (PlotKind::Matrix, _) => return ParkColours::default(),
        // Only pins are drawn: nothing to rank.
        (_, PlotScope::Pinned) | (PlotKind::Bars, PlotScope::Filtered) => None,
        (PlotKind::TimeSeries, PlotScope::Filtered) => Some(&choice.metric),
        (PlotKind::Scatter, PlotScope::Filtered) => Some(&choice.y_metric),
    };
    // The ranks past the palette never get a colour, so ranking that far is enough (pins,
    // which the rule skips, may be among the largest).
    let largest = ranking_metric
        .map(|metric| largest_parks(dataset, visible, metric, COLOURED_PARKS + pinned.len()))
        .unwrap_or_default();
    ParkColours::for_view(&drawn_parks(data), pinned, selected, &largest)
}

impl PlotView {
    /// Computes everything the Compare view shows for `choice`. The colours depend on nothing
    /// else (see [`crate::state::park_colours`]), so the plot looks the same however the user
    /// got to it, and a park has the colour the map and the other plots give it.
    pub fn new(
        dataset: &Dataset,
        visible: &[ParkId],
        pinned: &[ParkId],
        selected: Option<&ParkId>,
        choice: &PlotChoice,
        language: crate::model::Language,
    ) -> Self {
        let shown_parks = ShownParks::new(choice, pinned, visible);
        let parks = shown_parks.parks(dataset, visible, pinned, &choice.metric);
        let mut data = PlotData::new(dataset, &parks, choice, language);
        // The largest are chosen among the parks with a figure: the footer names those without
        // one, as it does when every park is drawn, so a park the filter keeps is never passed
        // over in silence, and one with only a target says so.
        if shown_parks == ShownParks::Largest {
            data.name_missing_among(dataset, visible, &choice.metric);
        }
        let scope = match choice.scope {
            PlotScope::Filtered => visible,
            PlotScope::Pinned => pinned,
        };
        let years = years_with_data(dataset, scope, &choice.metric);
        let sources = data.sources(dataset);
        let colours = plot_colours(dataset, &data, visible, pinned, selected, choice);
        let takeaway = plot_takeaway(dataset, &data, choice, parks.len(), language);
        let nothing_drawn = nothing_drawn(dataset, &data, choice, &takeaway, language);
        // With nothing drawn, what the takeaway would say is said once, in the chart's place.
        let takeaway = if nothing_drawn.is_some() { String::new() } else { takeaway };
        let source_list = crate::format::source_list(dataset, &sources, language);
        Self {
            data,
            shown_parks,
            park_count: dataset.count_parks(&parks),
            colours,
            takeaway,
            nothing_drawn,
            years,
            sources,
            source_list,
            revision: NEXT_PLOT_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

/// A year the year picker offers, with what a user choosing it should know beforehand.
#[derive(Clone, Debug, PartialEq)]
pub struct OfferedYear {
    /// The year.
    pub year: i32,
    /// The parks with an actual figure of that year, parts of one park counted once.
    pub parks: ParkCount,
    /// Whether any of those figures covers the whole year: without one, every bar of that year
    /// is a part of it (a quarter, January to November) or a total to date.
    pub whole_year: bool,
}

/// The years for which any of `parks` has an actual figure of `metric`, newest first, each with
/// how many parks have one: the choices of the year picker.
pub fn years_with_data(dataset: &Dataset, parks: &[ParkId], metric: &MetricId) -> Vec<OfferedYear> {
    // For each year, its parks and whether any of their figures covers the whole year.
    let mut years: BTreeMap<i32, (Vec<&Park>, bool)> = BTreeMap::new();
    for park in parks.iter().filter_map(|id| dataset.park(id)) {
        let figures = park
            .observations
            .iter()
            .filter(|o| &o.metric == metric && !o.qualifier.is_projection() && o.covers_the_park());
        for figure in figures {
            let (year_parks, whole_year) = years.entry(figure.year).or_default();
            if year_parks.last().is_none_or(|last| last.id != park.id) {
                year_parks.push(park);
            }
            *whole_year |= figure.period.is_none();
        }
    }
    years
        .into_iter()
        .rev()
        .map(|(year, (year_parks, whole_year))| OfferedYear { year, parks: ParkCount::of(year_parks), whole_year })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::model::{Language, Milestone};

    fn ids(list: &[&str]) -> Vec<ParkId> {
        list.iter().map(|id| ParkId::new(*id)).collect()
    }

    /// A whole-year reported figure of `metric`.
    fn dataset_figure(metric: MetricId, value: f64, year: i32) -> Observation {
        Observation {
            metric,
            value,
            year,
            period: None,
            qualifier: Qualifier::Reported,
            source: SourceId::new("s1"),
            note: None,
            note_zh: None,
            part: None,
            ground: None,
        }
    }

    fn choice(metric: &str) -> PlotChoice {
        PlotChoice { metric: MetricId::new(metric), ..PlotChoice::for_dataset(&small_dataset()) }
    }

    /// Of two whole-year figures of one year, the line goes through the one listed last, as the
    /// table, bars, scatter and map show it (it went through the first: a line ending at >4,000
    /// where every other view said >5,000); the other is a point off the line.
    #[test]
    fn a_line_takes_the_figure_of_a_year_listed_last() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        alpha.observations.push(dataset_figure(MetricId::new("planned_area"), 27.0, 2012));
        let (series, _) = time_series(&dataset, &ids(&["alpha"]), &MetricId::new("planned_area"));
        let line: Vec<f64> = series[0].runs.iter().flatten().map(|p| p.value).collect();
        let off: Vec<f64> = series[0].loose.iter().map(|p| p.value).collect();
        assert_eq!((line, off), (vec![27.0], vec![26.1]));
        let latest = dataset.latest(&dataset.parks[0].observations, &MetricId::new("planned_area"));
        assert_eq!(latest.map(|f| f.observation.value), Some(27.0), "the figure the other views show");
    }

    /// A park whose divisor is 0 has a figure but no quotient: it is told apart from a park
    /// with no figure (the "no data" line said only "no data" of it).
    #[test]
    fn a_divisor_of_zero_is_told_apart_from_no_data() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        for figure in alpha.observations.iter_mut().filter(|o| o.metric.as_str() == "planned_area") {
            figure.value = 0.0;
        }
        let per_km2 = PlotChoice { divide_by: Some(MetricId::new("planned_area")), ..choice("total_income") };
        let series = bar_series(&dataset, &ids(&["alpha", "beta", "gamma"]), &per_km2);
        assert!(series.bars.is_empty());
        assert_eq!(series.missing, ids(&["alpha", "beta", "gamma"]));
        assert_eq!(series.divisor_not_above_zero, ids(&["alpha"]), "only alpha has a figure to divide");
    }

    /// A bar divides by the divisor figure the table shows for its year: of two of one year
    /// without a change, one marked of the ground before a change (`check` warns of it) is
    /// ranked as every view ranks it, whatever the file's order.
    #[test]
    fn a_divisor_of_two_figures_of_a_year_is_the_one_the_table_shows() {
        use crate::model::Ground;
        let area = MetricId::new("planned_area");
        for reversed in [false, true] {
            let mut dataset = small_dataset();
            let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
            let template = alpha.observations.iter().find(|o| o.metric == area).cloned().expect("an area");
            alpha.observations.retain(|o| o.metric != area);
            let figure = |value, ground| Observation { year: 2018, value, ground, period: None, ..template.clone() };
            let mut areas = vec![figure(20.0, None), figure(10.0, Some(Ground::BeforeChange))];
            if reversed {
                areas.reverse();
            }
            alpha.observations.extend(areas);
            let shown = dataset.latest(&dataset.parks[0].observations, &area).map(|f| f.observation.value);
            let per_km2 = PlotChoice { divide_by: Some(area.clone()), ..choice("total_income") };
            let series = bar_series(&dataset, &ids(&["alpha"]), &per_km2);
            let income = series.bars.first().map(|bar| bar.value * shown.unwrap_or(f64::NAN));
            assert_eq!(shown, Some(20.0), "reversed: {reversed}");
            assert_eq!(income, Some(630.0), "630 ÷ 20 km², reversed: {reversed}");
        }
    }

    /// The ids of the parks `data`'s log scale leaves out.
    fn left_out(data: &PlotData) -> Vec<&str> {
        data.not_on_log_scale().into_iter().map(ParkId::as_str).collect()
    }

    /// A log scale cannot draw a figure of zero or below: the parks it leaves out, wholly or in
    /// part, are the ones with such a figure drawn, whichever the plot.
    #[test]
    fn the_parks_a_log_scale_leaves_out_are_those_with_figures_not_above_zero() {
        let mut dataset = small_dataset();
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("beta");
        for figure in beta.observations.iter_mut().filter(|o| o.metric.as_str() == "planned_area") {
            figure.value = 0.0;
        }
        let parks = ids(&["alpha", "beta", "gamma"]);
        let plot = |choice: PlotChoice| PlotData::new(&dataset, &parks, &choice, Language::En);
        let bars = plot(PlotChoice { kind: PlotKind::Bars, ..choice("planned_area") });
        assert_eq!(left_out(&bars), ["beta"]);
        let scatter = plot(PlotChoice {
            kind: PlotKind::Scatter,
            x_metric: MetricId::new("planned_area"),
            y_metric: MetricId::new("high_tech_enterprises"),
            ..choice("planned_area")
        });
        assert_eq!(left_out(&scatter), ["beta"], "a point at zero on either axis");
        let losses = plot(PlotChoice { kind: PlotKind::TimeSeries, ..choice("total_profit") });
        assert_eq!(left_out(&losses), ["alpha"], "a line with a loss");
        let income = plot(PlotChoice { kind: PlotKind::TimeSeries, ..choice("total_income") });
        assert!(left_out(&income).is_empty(), "all above zero: none left out");
    }

    /// Only a figure of zero or more can be an area; a missing one and one below zero are told
    /// apart, as each has its own words in the key.
    #[test]
    fn a_size_is_drawn_only_for_a_figure_of_zero_or_more() {
        assert_eq!(Unsized::of(None), Some(Unsized::NoFigure));
        assert_eq!(Unsized::of(Some(-2.5)), Some(Unsized::BelowZero));
        assert_eq!(Unsized::of(Some(0.0)), None);
        assert_eq!(Unsized::of(Some(12.0)), None);
    }

    /// The key names the parks crossed for a loss, and only says that some lack a figure.
    #[test]
    fn the_cross_key_names_the_parks_below_zero() {
        let (a, b, c) = (ParkId::new("a"), ParkId::new("b"), ParkId::new("c"));
        let key = CrossKey::of([(&a, Some(Unsized::BelowZero)), (&b, None), (&c, Some(Unsized::NoFigure))]);
        assert_eq!(key, CrossKey { no_figure: true, below_zero: vec![&a] });
        assert_eq!(CrossKey::of([(&b, None)]), CrossKey::default(), "nothing crossed, nothing to key");
    }

    /// Parks with equal figures rank in the dataset's order, whatever order they come in (the
    /// table's, by name in the display language): the bars, the largest parks a time series
    /// draws, the colours and the takeaway are the same in English and in Chinese.
    #[test]
    fn tied_parks_rank_in_the_datasets_order_in_every_language() {
        let mut dataset = small_dataset();
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("beta");
        for figure in beta.observations.iter_mut().filter(|o| o.metric.as_str() == "planned_area") {
            figure.value = 26.1;
        }
        let scatter = PlotChoice {
            kind: PlotKind::Scatter,
            x_metric: MetricId::new("high_tech_enterprises"),
            y_metric: MetricId::new("planned_area"),
            ..choice("planned_area")
        };
        for choice in [
            PlotChoice { kind: PlotKind::Bars, ..choice("planned_area") },
            PlotChoice { kind: PlotKind::TimeSeries, ..choice("planned_area") },
            scatter,
        ] {
            let view =
                |visible: &[&str], language| PlotView::new(&dataset, &ids(visible), &[], None, &choice, language);
            let english = view(&["alpha", "beta", "gamma"], Language::En);
            let reordered = view(&["beta", "gamma", "alpha"], Language::En);
            // The scatter's points are not ranked: only what it says and colours counts.
            let ranked = choice.kind != PlotKind::Scatter;
            assert!(!ranked || english.data == reordered.data, "{:?}", choice.kind);
            assert_eq!(english.colours, reordered.colours, "{:?}", choice.kind);
            assert_eq!(english.takeaway, reordered.takeaway, "{:?}", choice.kind);
            let chinese = view(&["beta", "gamma", "alpha"], Language::Zh);
            assert!(!ranked || english.data == chinese.data, "{:?}", choice.kind);
            assert_eq!(english.colours, chinese.colours, "{:?}", choice.kind);
        }
        let bars = bar_series(&dataset, &ids(&["beta", "alpha"]), &choice("planned_area"));
        let order: Vec<&str> = bars.bars.iter().map(|b| b.park.as_str()).collect();
        assert_eq!(order, ["alpha", "beta"], "equal areas in the dataset's order");
    }

    #[test]
    fn latest_bars_rank_values_and_list_missing_parks() {
        let dataset = small_dataset();
        let series = bar_series(&dataset, &ids(&["gamma", "beta", "alpha"]), &choice("planned_area"));
        let bars: Vec<(&str, f64)> = series.bars.iter().map(|b| (b.park.as_str(), b.value)).collect();
        assert_eq!(bars, [("alpha", 26.1), ("beta", 10.0)]);
        assert_eq!(series.missing, ids(&["gamma"]), "gamma has no area: no data, not zero");
        assert!(!series.mixed_years, "both areas are from 2012");
        let zone = series.zone.expect("the zone's area");
        assert_eq!((zone.value, zone.year, zone.period), (488.0, 2012, None));
    }

    #[test]
    fn a_bar_carries_the_values_other_sources_state_for_its_year_and_names_their_sources() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let area = |value, source: &str| Observation {
            metric: MetricId::new("planned_area"),
            value,
            year: 2012,
            period: None,
            qualifier: Qualifier::Reported,
            source: SourceId::new(source),
            note: None,
            note_zh: None,
            part: None,
            ground: None,
        };
        // Before alpha's own 26.1 (s1), which stays the figure shown: one that differs, one that agrees.
        alpha.observations.splice(0..0, [area(25.0, "s2"), area(26.1, "s2")]);
        let series = bar_series(&dataset, &ids(&["alpha", "beta"]), &choice("planned_area"));
        let alpha_bar = series.bars.iter().find(|b| b.park.as_str() == "alpha").expect("alpha's bar");
        assert_eq!(alpha_bar.value.to_bits(), 26.1_f64.to_bits(), "the figure the file gives last is shown");
        let others: Vec<_> = alpha_bar.stated_otherwise.iter().map(|o| (o.value, o.source.as_str())).collect();
        assert_eq!(others, [(25.0, "s2")], "only the value that differs");
        // The scatter's points carry them too, for whichever axis.
        let scatter = PlotChoice { x_metric: MetricId::new("planned_area"), ..choice("total_income") };
        let (points, _) = scatter_points(&dataset, &ids(&["alpha"]), &scatter);
        let point_others: Vec<f64> = points.iter().flat_map(|p| &p.stated_otherwise).map(|o| o.value).collect();
        assert_eq!(point_others, [25.0]);
        assert!(series.sources.contains(&SourceId::new("s2")), "the chart names the source the mark refers to");
        let beta_bar = series.bars.iter().find(|b| b.park.as_str() == "beta").expect("beta's bar");
        assert!(beta_bar.stated_otherwise.is_empty());
    }

    #[test]
    fn latest_mode_detects_mixed_years() {
        let mut dataset = small_dataset();
        // Enterprises: alpha 1,382 and beta >450, both from 2019.
        let series = bar_series(&dataset, &ids(&["alpha", "beta"]), &choice("high_tech_enterprises"));
        assert_eq!(series.bars.len(), 2);
        assert!(!series.mixed_years, "both counts are from 2019");
        // Income: alpha's latest is 2018 (the 2020 target never counts); give beta a 2019 one.
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("beta");
        beta.observations.push(Observation {
            metric: MetricId::new("total_income"),
            value: 90.0,
            year: 2019,
            period: None,
            qualifier: Qualifier::Reported,
            source: SourceId::new("s2"),
            note: None,
            note_zh: None,
            part: None,
            ground: None,
        });
        let series = bar_series(&dataset, &ids(&["alpha", "beta"]), &choice("total_income"));
        let years: Vec<(&str, i32)> = series.bars.iter().map(|b| (b.park.as_str(), b.year)).collect();
        assert_eq!(years, [("alpha", 2018), ("beta", 2019)]);
        assert!(series.mixed_years, "2018 next to 2019 must be flagged");
        assert!(!series.mixed_periods, "both whole years");
        // A fixed year never mixes years: alpha shows its first half of 2019 beside beta's
        // 2019, which mixes a part of a year with a whole one, flagged as such.
        let in_2019 = PlotChoice { year: YearChoice::Year(2019), ..choice("total_income") };
        let in_2019 = bar_series(&dataset, &ids(&["alpha", "beta"]), &in_2019);
        assert!(!in_2019.mixed_years);
        assert!(in_2019.mixed_periods, "{:?}", in_2019.bars.iter().map(|b| b.period).collect::<Vec<_>>());
    }

    #[test]
    fn a_fixed_year_shows_only_that_year() {
        let dataset = small_dataset();
        let mut income = choice("total_income");
        income.year = YearChoice::Year(2016);
        let series = bar_series(&dataset, &ids(&["alpha", "beta"]), &income);
        assert_eq!(series.bars.len(), 1);
        assert_eq!((series.bars[0].value, series.bars[0].qualifier), (420.0, Qualifier::AtLeast));
        income.year = YearChoice::Year(2020);
        let series = bar_series(&dataset, &ids(&["alpha"]), &income);
        assert!(series.bars.is_empty(), "a target is not an actual 2020 figure");
        let offered = years_with_data(&dataset, &ids(&["alpha", "beta"]), &MetricId::new("total_income"));
        let years: Vec<i32> = offered.iter().map(|y| y.year).collect();
        assert_eq!(years, [2019, 2018, 2016]);
    }

    /// The year picker says how many parks each year has figures for, and which years have
    /// only parts of a year: a user chose a year and found the chart nearly empty.
    #[test]
    fn offered_years_count_their_parks_and_say_when_no_figure_is_a_whole_years() {
        let mut dataset = small_dataset();
        let income = MetricId::new("total_income");
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("in the fixture");
        let mut quarter = alpha.observations.iter().find(|o| o.metric == income).cloned().expect("an income figure");
        (quarter.year, quarter.period, quarter.qualifier) = (2021, Some(Period::JanTo(3)), Qualifier::Reported);
        alpha.observations.push(quarter.clone());
        // A second part of the same year does not count the park twice.
        quarter.period = Some(Period::H1);
        alpha.observations.push(quarter);
        let whole_2018 = alpha.observations.iter().find(|o| o.metric == income && o.year == 2018).cloned();
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("in the fixture");
        beta.observations.push(whole_2018.expect("alpha's 2018 income"));
        let offered = years_with_data(&dataset, &ids(&["alpha", "beta"]), &income);
        let said: Vec<(i32, usize, bool)> = offered.iter().map(|y| (y.year, y.parks.parks, y.whole_year)).collect();
        // The fixture's 2019 income is a first half.
        assert_eq!(said, [(2021, 1, false), (2019, 1, false), (2018, 2, true), (2016, 1, true)]);
        let label = |language| crate::i18n::offered_year_label(language, &offered[0]);
        assert_eq!(label(Language::En), "2021 — 1 park, no whole-year figure");
        assert_eq!(label(Language::Zh), "2021 — 1个园区，无全年数据");
        assert_eq!(crate::i18n::offered_year_label(Language::En, &offered[2]), "2018 — 2 parks");
    }

    /// A fixed year for which the zone has only a part of the year: the benchmark says which
    /// part, and a divided one the divisor's year, so that neither passes for the bars' year.
    #[test]
    fn the_zone_benchmark_keeps_its_part_of_the_year_and_its_divisors_year() {
        let mut dataset = small_dataset();
        let zone = dataset.zone.as_mut().expect("the fixture's zone");
        let mut quarter = zone.observations[0].clone();
        (quarter.metric, quarter.value, quarter.year, quarter.period) =
            (MetricId::new("total_income"), 1120.0, 2018, Some(Period::JanTo(3)));
        zone.observations.push(quarter);
        let in_2018 = PlotChoice { year: YearChoice::Year(2018), ..choice("total_income") };
        let benchmark = bar_series(&dataset, &ids(&["alpha"]), &in_2018).zone.expect("the zone's 2018 figure");
        assert_eq!((benchmark.value, benchmark.year, benchmark.period), (1120.0, 2018, Some(Period::JanTo(3))));
        assert_eq!(benchmark.divisor_year, None);
        let per_km2 = PlotChoice { divide_by: Some(MetricId::new("planned_area")), ..in_2018 };
        let benchmark = bar_series(&dataset, &ids(&["alpha"]), &per_km2).zone.expect("divided by its 2012 area");
        assert_eq!(benchmark.divisor_year, Some(2012));
    }

    /// The small fixture with Alpha's ground changed in 2012 and its area stated for 2005, 2012
    /// (as the fixture has it, 26.1 km²), 2017 and 2021, and an income of 2010; and Beta's
    /// ground changed in 2012, with an income of 2008 and an area only of 2012.
    fn areas_either_side_of_a_boundary_change() -> Dataset {
        let mut dataset = small_dataset();
        let boundary_change = |year| Milestone {
            year,
            month: None,
            event: crate::model::Text { en: "Extended".to_owned(), zh: "扩区".to_owned() },
            boundary_change: true,
            source: SourceId::new("s1"),
        };
        for park in &mut dataset.parks {
            let mut figures = match park.id.as_str() {
                "alpha" => vec![
                    dataset_figure(MetricId::new("planned_area"), 20.0, 2005),
                    dataset_figure(MetricId::new("planned_area"), 28.0, 2017),
                    dataset_figure(MetricId::new("planned_area"), 35.0, 2021),
                    dataset_figure(MetricId::new("total_income"), 100.0, 2010),
                ],
                "beta" => vec![dataset_figure(MetricId::new("total_income"), 50.0, 2008)],
                _ => continue,
            };
            park.observations.append(&mut figures);
            park.milestones.push(boundary_change(2012));
        }
        dataset
    }

    /// A divided bar rests on the divisor of its own year, else the nearest year's, never one
    /// from across a change of the park's ground: Alpha's income of 2010 per km² of its 2005
    /// ground (not of the ground it grew to in 2012, though nearer, nor of its latest, 2021);
    /// of 2018 per km² of 2017 (nearer than 2021). Beta's 2008 income has only an area of its
    /// 2012 ground: no bar, and the series says why. The export writes the same values.
    #[test]
    fn a_divided_bar_rests_on_the_nearest_divisor_of_the_same_ground() {
        let dataset = areas_either_side_of_a_boundary_change();
        let parks = ids(&["alpha", "beta", "gamma"]);
        let per_km2 =
            |year| PlotChoice { year, divide_by: Some(MetricId::new("planned_area")), ..choice("total_income") };
        let alpha = |series: &BarSeries| {
            let bar = series.bars.iter().find(|bar| bar.park.as_str() == "alpha").expect("Alpha's bar").clone();
            (bar.value, bar.year, bar.divisor_year)
        };
        let in_2010 = bar_series(&dataset, &parks, &per_km2(YearChoice::Year(2010)));
        assert_eq!(alpha(&in_2010), (5.0, 2010, Some(2005)), "100 ÷ 20 km², its area before 2012");
        let in_2018 = bar_series(&dataset, &parks, &per_km2(YearChoice::Year(2018)));
        assert_eq!(alpha(&in_2018), (22.5, 2018, Some(2017)), "630 ÷ 28 km², the nearest year's");
        let latest = bar_series(&dataset, &parks, &per_km2(YearChoice::Latest));
        assert_eq!(alpha(&latest), (22.5, 2018, Some(2017)), "the latest income, the area nearest its year");
        let in_2008 = bar_series(&dataset, &parks, &per_km2(YearChoice::Year(2008)));
        assert!(in_2008.bars.iter().all(|bar| bar.park.as_str() != "beta"), "{:?}", in_2008.bars);
        assert_eq!(in_2008.missing, ids(&["alpha", "beta", "gamma"]), "none has a bar");
        assert_eq!(in_2008.divisor_across_boundary, ids(&["beta"]), "Alpha has no income of 2008, Gamma no figures");
        assert!(!in_2008.zone_divisor_across_boundary, "the zone has no income of 2008");
        // The CSV of the bars says what the bars do.
        let choice_2010 = per_km2(YearChoice::Year(2010));
        let table = crate::state::export::plot_rows(&dataset, &PlotData::Bars(in_2010), &choice_2010, Language::En);
        let column = |name| table.headers.iter().position(|h| *h == name).expect("the column");
        let row = table.rows.iter().find(|row| row[0] == "alpha").expect("Alpha's row");
        assert_eq!((row[column("value")].as_str(), row[column("divisor_year")].as_str()), ("5", "2005"));
        // A park without a bar for want of a divisor on its ground says so in its row's note.
        let choice_2008 = per_km2(YearChoice::Year(2008));
        for language in [Language::En, Language::Zh] {
            let table =
                crate::state::export::plot_rows(&dataset, &PlotData::Bars(in_2008.clone()), &choice_2008, language);
            let note = |park: &str| {
                let row = table.rows.iter().find(|row| row[0] == park).expect("a row");
                row[column("note")].clone()
            };
            assert_eq!(note("beta"), crate::i18n::strings(language).no_divisor_reason, "{language:?}");
            assert_eq!(note("gamma"), "", "no figures at all: no reason to give");
        }
    }

    /// The zone's milestones hold its benchmark to the rule of the parks': its 2010 income has
    /// only the area of the ground it grew to in 2012 to be divided by, so it draws none, and
    /// the series says why; without the change, the 2012 area serves.
    /// The fixture zone's change of ground: "one zone, sixteen parks" of October 2012.
    fn expansion_of_2012() -> Milestone {
        Milestone {
            year: 2012,
            month: Some(10),
            event: crate::model::Text { en: "Expanded".to_owned(), zh: "扩区".to_owned() },
            boundary_change: true,
            source: SourceId::new("s1"),
        }
    }

    #[test]
    fn the_zone_benchmark_divides_by_no_figure_from_across_a_change_of_its_ground() {
        let mut dataset = small_dataset();
        let zone = dataset.zone.as_mut().expect("the fixture's zone");
        zone.observations.push(dataset_figure(MetricId::new("total_income"), 976.0, 2010));
        let per_km2 = PlotChoice {
            year: YearChoice::Year(2010),
            divide_by: Some(MetricId::new("planned_area")),
            ..choice("total_income")
        };
        let unchanged = bar_series(&dataset, &ids(&["alpha"]), &per_km2);
        let benchmark = unchanged.zone.expect("976 ÷ 488 km²");
        assert_eq!((benchmark.value, benchmark.divisor_year), (2.0, Some(2012)));
        let zone = dataset.zone.as_mut().expect("the fixture's zone");
        zone.milestones.push(expansion_of_2012());
        let changed = bar_series(&dataset, &ids(&["alpha"]), &per_km2);
        assert_eq!(changed.zone, None);
        assert!(changed.zone_divisor_across_boundary);
    }

    /// The zone's area of the year it grew is stated twice, 233 km² before the October change
    /// and 488 after. A later income per km² divides by the area after only where the figures
    /// say which is which, and the same in either order of the file; where nothing tells them
    /// apart, by neither (the notes say there is no divisor known to be of the same ground).
    #[test]
    fn the_latest_of_two_figures_of_a_change_year_is_the_one_after_the_change_in_either_order() {
        use crate::model::Ground;
        let dataset = small_dataset();
        let metric = MetricId::new("planned_area");
        let area = |value, ground| Observation { ground, ..dataset_figure(metric.clone(), value, 2012) };
        let (before, after) = (area(233.0, Some(Ground::BeforeChange)), area(488.0, None));
        for areas in [vec![before.clone(), after.clone()], vec![after, before]] {
            let latest = dataset.latest(&areas, &metric).map(|figure| figure.observation.value);
            assert_eq!(latest, Some(488.0), "{:?}", areas.iter().map(|a| a.value).collect::<Vec<_>>());
            let in_2012 = figure_in_year(&dataset, &areas, &metric, 2012).map(|figure| figure.observation.value);
            assert_eq!(in_2012, Some(488.0));
        }
    }

    #[test]
    fn the_zones_two_areas_of_its_expansion_year_are_told_apart_by_their_ground_not_their_order() {
        use crate::model::Ground;
        let area = |value, ground| Observation { ground, ..dataset_figure(MetricId::new("planned_area"), value, 2012) };
        let per_km2_in = |year| PlotChoice {
            year: YearChoice::Year(year),
            divide_by: Some(MetricId::new("planned_area")),
            ..choice("total_income")
        };
        let benchmark = |areas: [Observation; 2], year| {
            let mut dataset = small_dataset();
            let zone = dataset.zone.as_mut().expect("the fixture's zone");
            zone.observations = areas.to_vec();
            zone.observations.push(dataset_figure(MetricId::new("total_income"), 4880.0, 2016));
            zone.observations.push(dataset_figure(MetricId::new("total_income"), 466.0, 2010));
            zone.milestones.push(expansion_of_2012());
            let series = bar_series(&dataset, &ids(&["alpha"]), &per_km2_in(year));
            (series.zone.map(|zone| zone.value), series.zone_divisor_across_boundary)
        };
        let (before, after) = (area(233.0, None), area(488.0, None));
        for areas in [[before.clone(), after.clone()], [after, before]] {
            let order = areas.clone().map(|a| a.value);
            assert_eq!(benchmark(areas, 2016), (None, true), "two areas of 2012, either may be before: {order:?}");
        }
        let (before, after) = (area(233.0, Some(Ground::BeforeChange)), area(488.0, Some(Ground::AfterChange)));
        for areas in [[before.clone(), after.clone()], [after.clone(), before.clone()]] {
            let order = areas.clone().map(|a| a.value);
            assert_eq!(benchmark(areas.clone(), 2016), (Some(10.0), false), "4,880 ÷ 488 km²: {order:?}");
            assert_eq!(benchmark(areas, 2010), (Some(2.0), false), "466 ÷ 233 km², the ground before: {order:?}");
        }
        // Only the area before marked: the other is of the year's new ground, as any is.
        let unmarked_after = area(488.0, None);
        for areas in [[before.clone(), unmarked_after.clone()], [unmarked_after, before]] {
            assert_eq!(benchmark(areas, 2016), (Some(10.0), false));
        }
        // Only the area after marked: it is told apart, the unmarked one may be of either ground
        // and is not used (every other view shows the marked one too).
        let (unmarked, marked_after) = (area(233.0, None), area(488.0, Some(Ground::AfterChange)));
        for areas in [[unmarked.clone(), marked_after.clone()], [marked_after, unmarked]] {
            let order = areas.clone().map(|a| a.value);
            assert_eq!(benchmark(areas, 2016), (Some(10.0), false), "4,880 ÷ 488 km²: {order:?}");
        }
    }

    /// A quotient over a divisor stated otherwise for its year is marked as its divisor would be:
    /// the zone's income per km² over its 2012 area, stated at 233 km² before the expansion and
    /// 488 after, carries the other area, as the bars of the area itself do.
    #[test]
    fn a_quotient_carries_the_other_values_of_its_divisor() {
        use crate::model::Ground;
        let mut dataset = small_dataset();
        let area = |value, ground| Observation { ground, ..dataset_figure(MetricId::new("planned_area"), value, 2012) };
        let zone = dataset.zone.as_mut().expect("the fixture's zone");
        zone.observations = vec![area(233.0, Some(Ground::BeforeChange)), area(488.0, Some(Ground::AfterChange))];
        zone.observations.push(dataset_figure(MetricId::new("total_income"), 4880.0, 2016));
        zone.milestones.push(expansion_of_2012());
        let per_km2 = PlotChoice { divide_by: Some(MetricId::new("planned_area")), ..choice("total_income") };
        let zone = bar_series(&dataset, &ids(&["alpha"]), &per_km2).zone.expect("the zone's income per km²");
        assert_eq!(zone.value.to_bits(), 10.0_f64.to_bits(), "4,880 ÷ 488 km²");
        let others: Vec<f64> = zone.stated_otherwise.iter().map(|other| other.value).collect();
        assert_eq!(others, [233.0]);
        let undivided =
            bar_series(&dataset, &ids(&["alpha"]), &choice("total_income")).zone.expect("the zone's income");
        assert!(undivided.stated_otherwise.is_empty(), "the income alone is stated once");
    }

    /// A zone figure of a part of the year is no benchmark for whole years of the parks; it is
    /// for bars of the same part.
    #[test]
    fn a_part_of_the_zones_year_is_like_only_bars_of_that_part() {
        let mut dataset = small_dataset();
        let zone = dataset.zone.as_mut().expect("the fixture's zone");
        let quarter = Observation {
            period: Some(Period::JanTo(3)),
            ..dataset_figure(MetricId::new("total_income"), 1120.0, 2018)
        };
        zone.observations.push(quarter.clone());
        let in_2018 = PlotChoice { year: YearChoice::Year(2018), ..choice("total_income") };
        let whole_years = bar_series(&dataset, &ids(&["alpha"]), &in_2018);
        assert!(whole_years.zone.is_some(), "the zone's figure is kept, for the notes to say what it is");
        assert!(!whole_years.zone_like_the_bars(), "a first quarter against Alpha's whole 2018");
        let alpha = dataset.parks.iter_mut().find(|park| park.id.as_str() == "alpha").expect("alpha");
        alpha.observations.retain(|o| !(o.metric.as_str() == "total_income" && o.year == 2018));
        alpha.observations.push(Observation { value: 150.0, ..quarter });
        let quarters = bar_series(&dataset, &ids(&["alpha"]), &in_2018);
        assert_eq!(quarters.bars[0].period, Some(Period::JanTo(3)), "a fair test: Alpha's first quarter");
        assert!(quarters.zone_like_the_bars(), "a first quarter against a first quarter");
        // The other way round: the zone's whole year is no benchmark for first quarters either.
        let zone = dataset.zone.as_mut().expect("the fixture's zone");
        zone.observations.push(dataset_figure(MetricId::new("total_income"), 4480.0, 2018));
        let whole_zone = bar_series(&dataset, &ids(&["alpha"]), &in_2018);
        assert_eq!(whole_zone.zone.as_ref().map(|zone| zone.period), Some(None), "a fair test: the zone's whole 2018");
        assert!(!whole_zone.zone_like_the_bars(), "the zone's whole 2018 against Alpha's first quarter");
    }

    /// The sources line under the bars (the slide's and the PNG's too) cites the zone's figure
    /// only when its value is shown: a first quarter of the zone beside whole years of the
    /// parks is not drawn (the notes say so), and neither is any zone figure with the
    /// benchmarks off or beside no bar, so its source is not behind the chart, unless a bar
    /// rests on it.
    #[test]
    fn the_sources_line_cites_the_zone_only_when_its_figure_is_shown() {
        let mut dataset = small_dataset();
        // Of the second source, which none of Alpha's incomes rests on.
        let zone_source = SourceId::new("s2");
        let quarter = Observation {
            period: Some(Period::JanTo(3)),
            source: zone_source.clone(),
            ..dataset_figure(MetricId::new("total_income"), 1120.0, 2018)
        };
        dataset.zone.as_mut().expect("the fixture's zone").observations.push(quarter.clone());
        let in_2018 = PlotChoice { year: YearChoice::Year(2018), ..choice("total_income") };
        let cited = |dataset: &Dataset, choice: &PlotChoice| {
            let view = PlotView::new(dataset, &ids(&["alpha"]), &[], None, choice, Language::En);
            (view.sources.contains(&zone_source), view.source_list)
        };
        let (zone_cited, line) = cited(&dataset, &in_2018);
        assert!(!zone_cited, "a first quarter of the zone is not drawn beside Alpha's whole 2018: {line}");
        assert!(line.contains("Test Office"), "Alpha's bar is still cited: {line}");
        // Alpha's first quarter: the zone's is drawn beside it, and cited.
        let alpha = dataset.parks.iter_mut().find(|park| park.id.as_str() == "alpha").expect("alpha");
        alpha.observations.retain(|o| !(o.metric.as_str() == "total_income" && o.year == 2018));
        alpha.observations.push(Observation { value: 150.0, source: SourceId::new("s1"), ..quarter });
        let (zone_cited, line) = cited(&dataset, &in_2018);
        assert!(zone_cited, "drawn beside Alpha's first quarter, so cited: {line}");
        let without_benchmarks = PlotChoice { show_benchmark: false, ..in_2018.clone() };
        assert!(!cited(&dataset, &without_benchmarks).0, "not drawn with the benchmarks off");
        // A bar resting on the zone's source keeps it cited, drawn or not.
        let alpha = dataset.parks.iter_mut().find(|park| park.id.as_str() == "alpha").expect("alpha");
        alpha
            .observations
            .iter_mut()
            .filter(|o| o.metric.as_str() == "total_income")
            .for_each(|o| o.source = zone_source.clone());
        assert!(cited(&dataset, &without_benchmarks).0, "Alpha's bar rests on it");
        // Nothing drawn: Gamma has no income, and the zone's whole 2018 is not shown alone.
        dataset.zone.as_mut().expect("the fixture's zone").observations.push(Observation {
            source: zone_source.clone(),
            ..dataset_figure(MetricId::new("total_income"), 4480.0, 2018)
        });
        let view = PlotView::new(&dataset, &ids(&["gamma"]), &[], None, &in_2018, Language::En);
        assert!(view.nothing_drawn.is_some(), "a fair test: no bar");
        assert!(view.sources.is_empty(), "no bar, no zone line, no source: {}", view.source_list);
    }

    /// The median of one bar is that bar, of two their midpoint: no median under three bars.
    #[test]
    fn fewer_than_three_bars_have_no_median() {
        let dataset = areas_either_side_of_a_boundary_change();
        let income = PlotChoice { year: YearChoice::Year(2010), ..choice("total_income") };
        let one = bar_series(&dataset, &ids(&["alpha", "beta"]), &income);
        assert_eq!((one.bars.len(), one.median), (1, None));
        let two = bar_series(&dataset, &ids(&["alpha", "beta"]), &choice("high_tech_enterprises"));
        assert_eq!((two.bars.len(), two.median), (2, None));
        let mut three = dataset.clone();
        let gamma = three.parks.iter_mut().find(|park| park.id.as_str() == "gamma").expect("gamma");
        gamma.observations.push(dataset_figure(MetricId::new("high_tech_enterprises"), 700.0, 2019));
        let three = bar_series(&three, &ids(&["alpha", "beta", "gamma"]), &choice("high_tech_enterprises"));
        assert_eq!((three.bars.len(), three.median), (3, Some(700.0)));
    }

    #[test]
    fn per_km2_divides_by_area_and_a_park_without_area_has_no_data() {
        let dataset = small_dataset();
        let mut per_km2 = choice("high_tech_enterprises");
        per_km2.divide_by = Some(MetricId::new("planned_area"));
        let series = bar_series(&dataset, &ids(&["alpha", "beta", "gamma"]), &per_km2);
        let alpha = series.bars.iter().find(|b| b.park.as_str() == "alpha").expect("alpha");
        // 1,382 ÷ 26.1 = 52.9502…, to four significant digits as every view writes it.
        assert!((alpha.value - 52.95).abs() < 1e-9, "{}", alpha.value);
        assert_eq!(alpha.divisor_year, Some(2012), "the area is from another year than the count");
        // Both figures are from one source: cited once.
        assert_eq!(alpha.sources.iter().map(SourceId::as_str).collect::<Vec<_>>(), ["s1"], "both figures' source");
        assert!(series.missing.contains(&ParkId::new("gamma")));
        assert!(series.bars.iter().all(|b| b.value.is_finite()), "never infinity");
    }

    /// A share divided by firms or by area means nothing: no divisor is offered for it, and a
    /// saved choice that divides one falls back to the figures as stated.
    #[test]
    fn a_share_is_never_divided() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lakeshore/lakeshore.ron");
        let dataset = crate::model::load_dataset_file(std::path::Path::new(path)).expect("Lakeshore");
        let offered = |metric: &str| -> Vec<String> {
            dataset.divisors_of(&MetricId::new(metric)).iter().map(|m| m.id.to_string()).collect()
        };
        assert!(offered("export_share").is_empty());
        assert_eq!(offered("turnover"), ["site_hectares", "firms_total", "staff"]);
        let mut saved = PlotChoice {
            metric: MetricId::new("export_share"),
            divide_by: Some(MetricId::new("firms_total")),
            ..PlotChoice::for_dataset(&dataset)
        };
        saved.fit_to(&dataset);
        assert_eq!(saved.divide_by, None);
        assert_eq!(saved.divided(&dataset), None, "the bars show the shares as stated");
        let mut turnover_per_firm = PlotChoice { metric: MetricId::new("turnover"), ..saved };
        turnover_per_firm.divide_by = Some(MetricId::new("firms_total"));
        turnover_per_firm.fit_to(&dataset);
        assert_eq!(turnover_per_firm.divide_by, Some(MetricId::new("firms_total")), "an amount divides as before");
    }

    #[test]
    fn per_enterprise_with_an_at_least_count_is_an_upper_bound() {
        let dataset = small_dataset();
        let mut per_firm = choice("planned_area");
        per_firm.divide_by = Some(MetricId::new("high_tech_enterprises"));
        let series = bar_series(&dataset, &ids(&["beta"]), &per_firm);
        assert_eq!(series.bars[0].qualifier, Qualifier::AtMost, "10 km² over >450 firms is <0.022 per firm");
        assert!(!series.bars[0].preliminary, "the area is not preliminary");
        // A preliminary figure over ">450 firms" is "less than", and still preliminary.
        let mut dataset = small_dataset();
        let beta = dataset.parks.iter_mut().find(|p| p.id.as_str() == "beta").expect("beta");
        let area = beta.observations.iter_mut().find(|o| o.metric.as_str() == "planned_area").expect("area");
        area.qualifier = Qualifier::Preliminary;
        let bar = &bar_series(&dataset, &ids(&["beta"]), &per_firm).bars[0];
        assert_eq!((bar.qualifier, bar.preliminary), (Qualifier::AtMost, true));
    }

    /// ">66 ÷ ~530" is at least about 0.1245, which "more than" says and "about" hid; a
    /// preliminary divisor makes the quotient preliminary; a plan divided stays a plan.
    #[test]
    fn a_quotient_keeps_a_bound_a_plan_and_a_preliminary_figure() {
        use Qualifier::{Approximate, AtLeast, AtMost, Preliminary, Reported, Target};
        let cases = [
            ((Reported, Reported), Reported),
            ((AtLeast, Approximate), AtLeast),
            ((Approximate, AtLeast), AtMost),
            ((AtLeast, AtMost), AtLeast),
            ((AtMost, AtLeast), AtMost),
            ((AtLeast, AtLeast), Approximate),
            ((Reported, Preliminary), Preliminary),
            ((Preliminary, Approximate), Approximate),
            ((Target, Approximate), Target),
            ((Reported, Target), Target),
        ];
        for ((numerator, divisor), quotient) in cases {
            assert_eq!(quotient_qualifier(numerator, divisor), quotient, "{numerator:?} ÷ {divisor:?}");
        }
    }

    /// The zone's preliminary income divided by a bound of firms is "less than", and its
    /// benchmark still says it rests on a preliminary figure, as a bar does.
    #[test]
    fn a_zone_benchmark_resting_on_a_preliminary_figure_says_so() {
        let mut dataset = small_dataset();
        let zone = dataset.zone.as_mut().expect("the fixture's zone");
        let mut income = zone.observations[0].clone();
        (income.metric, income.value, income.year, income.qualifier) =
            (MetricId::new("total_income"), 1785.0, 2019, Qualifier::Preliminary);
        let mut firms = income.clone();
        (firms.metric, firms.value, firms.qualifier) =
            (MetricId::new("high_tech_enterprises"), 3900.0, Qualifier::AtLeast);
        zone.observations.extend([income, firms]);
        let per_firm = PlotChoice { divide_by: Some(MetricId::new("high_tech_enterprises")), ..choice("total_income") };
        let benchmark = bar_series(&dataset, &ids(&["alpha"]), &per_firm).zone.expect("the zone's income per firm");
        assert_eq!((benchmark.qualifier, benchmark.preliminary), (Qualifier::AtMost, true));
        let as_stated =
            bar_series(&dataset, &ids(&["alpha"]), &choice("total_income")).zone.expect("the zone's income");
        assert_eq!((as_stated.qualifier, as_stated.preliminary), (Qualifier::Preliminary, false));
    }

    /// The middle of two figures is written to four significant digits, not to every digit the
    /// halving gives ("462.615").
    #[test]
    fn the_bars_median_is_written_to_four_significant_digits() {
        // Four parks: Alpha's 630, Beta's 29.35, Gamma's 10, and Delta's 1,000.
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.ron"))
            .expect("the fixture")
            .replacen(
                r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),"#,
                r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),
                (metric: "total_income", value: 29.35, year: 2018, source: "s2"),"#,
                1,
            )
            .replacen(
                r#"districts: ["west"],"#,
                r#"districts: ["west"],
            observations: [(metric: "total_income", value: 10, year: 2018, source: "s2")],
        ),
        (
            id: "delta",
            name: (en: "Delta Park", zh: "丁园"),
            districts: ["west"],
            observations: [(metric: "total_income", value: 1000, year: 2018, source: "s2")],"#,
                1,
            );
        let dataset = crate::model::load_dataset(&text, "small.ron").expect("four parks");
        let parks = ids(&["alpha", "beta", "gamma", "delta"]);
        let median = bar_series(&dataset, &parks, &choice("total_income")).median.expect("four bars");
        // (630 + 29.35) / 2 = 329.675
        assert!((median - round_significant(median, COMPUTED_DIGITS)).abs() < 1e-12, "{median}");
        assert!((median - 329.7).abs() < 1e-9, "{median}");
    }

    #[test]
    fn a_median_of_bounds_says_which_way_it_may_be_off() {
        use Qualifier::{AtLeast, AtMost, Preliminary, Reported};
        // The bars of the review: ">300" above, "254" and a ">100" below the middle.
        let figures = [(1240.0, Reported), (300.0, AtLeast), (254.0, Preliminary), (100.0, AtLeast)];
        assert_eq!(median_stated(&figures), Some((277.0, AtLeast)), ">100 may be larger than 254");
        // A bound that cannot cross the middle leaves the median exact.
        let figures = [(1240.0, AtLeast), (300.0, Reported), (254.0, Reported)];
        assert_eq!(median_stated(&figures), Some((300.0, Reported)));
        let figures = [(10.0, AtMost), (300.0, Reported), (254.0, Reported)];
        assert_eq!(median_stated(&figures), Some((254.0, Reported)));
        // "Less than" at the middle may lower it; both ways, it is about.
        let figures = [(400.0, Reported), (300.0, AtMost), (254.0, Reported)];
        assert_eq!(median_stated(&figures), Some((300.0, AtMost)));
        let figures = [(400.0, Reported), (300.0, AtMost), (200.0, AtLeast)];
        assert_eq!(median_stated(&figures), Some((300.0, Qualifier::Approximate)));
        // Resting on an "about" figure, it is about too.
        let figures = [(900.0, Reported), (600.0, Qualifier::Approximate), (300.0, Reported)];
        assert_eq!(median_stated(&figures), Some((600.0, Qualifier::Approximate)));
        assert_eq!(median_stated(&[]), None);
    }

    /// A park whose only figure of the year is a target has no bar (a plan is not a result),
    /// but is told apart from one the file has nothing for: the table shows the target.
    #[test]
    fn a_park_with_only_a_target_is_told_apart_from_one_without_a_figure() {
        let dataset = crate::model::tests::small_dataset();
        let parks: Vec<ParkId> = dataset.parks.iter().map(|park| park.id.clone()).collect();
        let mut choice = PlotChoice::for_dataset(&dataset);
        choice.metric = MetricId::new("total_income");
        choice.year = YearChoice::Year(2020);
        let series = bar_series(&dataset, &parks, &choice);
        assert!(series.bars.is_empty(), "alpha's 2020 figure is a target");
        assert_eq!(series.missing, ids(&["alpha", "beta", "gamma"]));
        assert_eq!(series.only_projected, [(ParkId::new("alpha"), Qualifier::Target)].into());
        choice.year = YearChoice::Latest;
        let series = bar_series(&dataset, &parks, &choice);
        assert!(series.only_projected.is_empty(), "alpha's latest actual figure has its bar: {series:?}");
    }

    #[test]
    fn a_cut_matrix_keeps_the_industries_the_most_parks_have_in_its_order() {
        use Role::{Focus, Leading};
        let matrix = IndustryMatrix::new(
            ids(&["alpha", "beta", "gamma"]),
            ["ai", "biomed", "energy", "fintech"].into_iter().map(IndustryId::new).collect(),
            vec![
                vec![Some(Leading), None, Some(Focus), None],
                vec![None, Some(Focus), Some(Leading), None],
                vec![None, Some(Leading), Some(Focus), Some(Focus)],
            ],
            |id| ["ai", "biomed", "energy", "fintech"].iter().position(|i| id.as_str() == *i),
        );
        // energy in three parks, biomed in two, ai and fintech in one each: ai comes first.
        assert_eq!(matrix.most_shared_columns(2, &[]), [1, 2], "biomed and energy, in the matrix's order");
        assert_eq!(matrix.most_shared_columns(3, &[]), [0, 1, 2], "of equals, the earlier");
        assert_eq!(matrix.most_shared_columns(9, &[]), [0, 1, 2, 3], "all when all fit");
        // A slide about alpha keeps alpha's industries, ai and energy, however few parks share
        // them; gamma's fintech, which only gamma has, then goes before ai.
        assert_eq!(matrix.most_shared_columns(2, &ids(&["alpha"])), [0, 2], "alpha's ai and energy");
        assert_eq!(matrix.most_shared_columns(3, &ids(&["alpha"])), [0, 1, 2], "then the most shared");
        assert_eq!(
            matrix.most_shared_columns(2, &ids(&["gamma", "alpha"])),
            [1, 2],
            "of the pinned's, the most shared"
        );
        assert_eq!(matrix.most_shared_columns(2, &ids(&["delta"])), [1, 2], "a pin not in the matrix changes nothing");
    }

    /// Of industries as many parks have, a cut matrix keeps the one a park leads, then the one
    /// more parks give their strongest role, then the earlier in the dataset, whatever the
    /// matrix's order (by name, which differs between the languages).
    #[test]
    fn a_cut_matrix_keeps_led_industries_and_settles_ties_by_the_dataset() {
        use Role::{Emerging, Focus, Leading};
        let in_dataset = ["ai", "biomed", "energy", "fintech"];
        let cut = |order: [&str; 4], count: usize| {
            // One park leads fintech, one has energy as a focus, two others biomed and ai.
            let role = |id: &str| match id {
                "fintech" => vec![Some(Leading), None],
                "energy" => vec![Some(Focus), None],
                "biomed" => vec![None, Some(Emerging)],
                _ => vec![None, Some(Focus)],
            };
            let by_park: Vec<Vec<Option<Role>>> = order.iter().map(|id| role(id)).collect();
            let cells = (0..2).map(|row| by_park.iter().map(|column| column[row]).collect()).collect();
            let industries: Vec<IndustryId> = order.into_iter().map(IndustryId::new).collect();
            let matrix = IndustryMatrix::new(ids(&["alpha", "beta"]), industries.clone(), cells, |id| {
                in_dataset.iter().position(|i| id.as_str() == *i)
            });
            let kept: Vec<String> =
                matrix.most_shared_columns(count, &[]).into_iter().map(|c| industries[c].to_string()).collect();
            kept
        };
        assert_eq!(cut(["ai", "biomed", "energy", "fintech"], 1), ["fintech"], "the led one");
        assert_eq!(cut(["fintech", "energy", "biomed", "ai"], 1), ["fintech"], "in any order");
        // ai and energy are both a focus: the earlier in the dataset, shown in the matrix's order.
        assert_eq!(cut(["energy", "biomed", "ai", "fintech"], 2), ["ai", "fintech"]);
        assert_eq!(cut(["fintech", "energy", "ai", "biomed"], 2), ["fintech", "ai"]);
        assert_eq!(cut(["fintech", "energy", "ai", "biomed"], 3), ["fintech", "energy", "ai"]);
    }

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn time_series_bridge_missing_years_and_keep_projections_and_part_years_apart() {
        let dataset = small_dataset();
        let (series, missing) = time_series(&dataset, &ids(&["alpha", "gamma"]), &MetricId::new("total_income"));
        assert_eq!(missing, ids(&["gamma"]));
        let alpha = &series[0];
        // No figure of 2017: the line still goes from 2016 to 2018, as the takeaway's rise does.
        let runs: Vec<Vec<i32>> = alpha.runs.iter().map(|r| r.iter().map(|p| p.year).collect()).collect();
        assert_eq!(runs, [vec![2016, 2018]]);
        assert_eq!(alpha.projections.len(), 1);
        assert_eq!(alpha.projections[0].qualifier, Qualifier::Target);
        assert_eq!(alpha.loose.len(), 1);
        assert!(
            (alpha.loose[0].x - 2018.75).abs() < 1e-9,
            "the first half of 2019 sits a quarter year before its tick"
        );
        assert_eq!(alpha.stated_otherwise().count(), 0, "a part of a year is not another source's whole year");
        // The line drawn runs 2016–2018 and on, dashed, to the target; not to the part-year point.
        let drawn: Vec<(i32, i32)> = alpha.line_segments().map(|(a, b)| (a.year, b.year)).collect();
        assert_eq!(drawn, [(2016, 2018), (2018, alpha.projections[0].year)]);
    }

    /// The small fixture with a forecast of gamma's total income for 2035, its only figure of it.
    fn small_with_gamma_income_forecast() -> Dataset {
        let mut dataset = small_dataset();
        let Some(template) = dataset.parks.first().and_then(|alpha| alpha.observations.first()).cloned() else {
            panic!("alpha has a figure")
        };
        let gamma = dataset.parks.iter_mut().find(|p| p.id.as_str() == "gamma").expect("gamma");
        gamma.observations.push(Observation {
            metric: MetricId::new("total_income"),
            value: 90.0,
            year: 2035,
            qualifier: Qualifier::Forecast,
            ..template
        });
        dataset
    }

    /// Without targets and forecasts, a line ends at its figures reported, and a park with
    /// nothing but a target is among those without a figure, said to have "only a target".
    #[test]
    fn a_time_series_without_projections_keeps_to_the_figures_reported() {
        let dataset = small_with_gamma_income_forecast();
        let parks = ids(&["alpha", "beta", "gamma"]);
        let with = PlotChoice { kind: PlotKind::TimeSeries, ..choice("total_income") };
        let without = PlotChoice { show_projections: false, ..with.clone() };
        let latest_year = |data: &PlotData| match data {
            PlotData::TimeSeries { series, .. } => series.iter().flat_map(ParkTimeSeries::points).map(|p| p.year).max(),
            _ => None,
        };
        let drawn = PlotData::new(&dataset, &parks, &with, crate::model::Language::En);
        assert_eq!(latest_year(&drawn), Some(2035), "gamma's forecast sets the years");
        assert_eq!(drawn.missing(), ids(&["beta"]));
        let reported = PlotData::new(&dataset, &parks, &without, crate::model::Language::En);
        assert_eq!(latest_year(&reported), Some(2019), "alpha's first half of 2019 is reported");
        assert_eq!(reported.missing(), ids(&["beta", "gamma"]), "in the order given");
        assert_eq!(reported.only_projected(&ParkId::new("gamma")), Some(Qualifier::Forecast));
        assert_eq!(reported.only_projected(&ParkId::new("alpha")), None, "alpha is drawn");
    }

    /// A park's name goes level with the end of its line, not with a point off the line after
    /// it (a half year, another source's figure), where the line seemed to end in a collapse.
    #[test]
    fn a_line_ends_at_its_latest_whole_year_or_projection_not_at_a_point_off_it() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.ron")).expect("fixture");
        let dataset = small_dataset();
        let alpha = &time_series(&dataset, &ids(&["alpha"]), &MetricId::new("total_income")).0[0];
        let end = alpha.line_end().expect("an end");
        assert_eq!((end.year, end.qualifier), (alpha.projections[0].year, Qualifier::Target), "the dashed target");
        // Without its target, the line ends at its last whole year, though a half year follows.
        let target = r#"(metric: "total_income", value: 800, year: 2020, qualifier: Target, source: "s1"),"#;
        assert!(text.contains(target));
        let without_target = crate::model::load_dataset(&text.replace(target, ""), "t").expect("valid");
        let alpha = &time_series(&without_target, &ids(&["alpha"]), &MetricId::new("total_income")).0[0];
        let last_run = alpha.runs.last().and_then(|run| run.last()).expect("a run");
        let end = alpha.line_end().expect("an end");
        assert!(end.x >= last_run.x && end.period.is_none(), "{end:?}");
        assert!(alpha.loose.iter().any(|point| point.x > end.x), "a half year after the line's end, off it");
    }

    /// Figures of years that follow on but lie either side of a change of the park's ground are
    /// two runs, crossed (dotted, in the chart) rather than joined; a change outside the
    /// figures' years splits nothing.
    #[test]
    fn a_change_of_ground_splits_a_run_and_is_crossed() {
        let mut dataset = small_dataset();
        let income = MetricId::new("total_income");
        let alpha = &mut dataset.parks[0];
        let mut figure = alpha.observations.iter().find(|o| o.metric == income).cloned().expect("an income figure");
        (figure.year, figure.period, figure.qualifier) = (2017, None, Qualifier::Reported);
        alpha.observations.push(figure);
        let years = |series: &ParkTimeSeries| -> Vec<Vec<i32>> {
            series.runs.iter().map(|r| r.iter().map(|p| p.year).collect()).collect()
        };
        let alpha_series = |dataset: &Dataset| time_series(dataset, &ids(&["alpha"]), &income).0.remove(0);
        assert_eq!(years(&alpha_series(&dataset)), [vec![2016, 2017, 2018]]);
        assert_eq!(alpha_series(&dataset).boundary_crossings().count(), 0);
        for (year, event) in [(2009, "Extended"), (2017, "Area adjusted")] {
            dataset.parks[0].milestones.push(crate::model::Milestone {
                year,
                month: None,
                event: crate::model::Text { en: event.to_owned(), zh: event.to_owned() },
                boundary_change: true,
                source: SourceId::new("s1"),
            });
        }
        let series = alpha_series(&dataset);
        assert_eq!(years(&series), [vec![2016], vec![2017, 2018]], "2017 is of the new ground");
        let crossings: Vec<(i32, i32)> = series.boundary_crossings().map(|(a, b)| (a.year, b.year)).collect();
        assert_eq!(crossings, [(2016, 2017)]);
        assert_eq!(series.boundary_changes, [2009, 2017]);
    }

    /// A log scale draws a line's figures above zero only: the years of those it cannot draw
    /// are named, once each, unless it draws none of them (the park is then left out whole).
    #[test]
    fn the_years_a_log_scale_leaves_out_of_a_line_are_named_once_each() {
        let mut dataset = small_dataset();
        let income = MetricId::new("total_income");
        let alpha = &mut dataset.parks[0];
        let template = alpha.observations.iter().find(|o| o.metric == income).cloned().expect("an income figure");
        alpha.observations.retain(|o| o.metric != income);
        let figure = |year, value| crate::model::Observation {
            year,
            value,
            period: None,
            qualifier: Qualifier::Reported,
            ..template.clone()
        };
        alpha.observations.extend([figure(2016, 0.0), figure(2017, 5.0), figure(2018, -1.0), figure(2019, 7.0)]);
        let series = time_series(&dataset, &ids(&["alpha"]), &income).0.remove(0);
        assert_eq!(series.years_not_on_log_scale(), [2016, 2018]);
        dataset.parks[0].observations.retain(|o| o.metric != income || o.value <= 0.0);
        let none_drawn = time_series(&dataset, &ids(&["alpha"]), &income).0.remove(0);
        assert_eq!(none_drawn.years_not_on_log_scale(), Vec::<i32>::new(), "left out whole");
        dataset.parks[0].observations.retain(|o| o.metric != income);
        dataset.parks[0].observations.push(figure(2020, 3.0));
        let all_drawn = time_series(&dataset, &ids(&["alpha"]), &income).0.remove(0);
        assert_eq!(all_drawn.years_not_on_log_scale(), Vec::<i32>::new());
    }

    /// A year of a change with a figure of each ground puts both on the line: the one of the
    /// ground before ends a run, the one after starts the next, whatever their order in the
    /// file; a second figure of the same year and ground is a point off the line.
    #[test]
    fn figures_of_both_grounds_in_the_year_of_a_change_end_one_run_and_start_the_next() {
        use crate::model::Ground;
        let mut dataset = small_dataset();
        let income = MetricId::new("total_income");
        let alpha = &mut dataset.parks[0];
        let template = alpha.observations.iter().find(|o| o.metric == income).cloned().expect("an income figure");
        alpha.observations.retain(|o| o.metric != income);
        let figure = |year, value, ground| crate::model::Observation {
            year,
            value,
            ground,
            period: None,
            qualifier: Qualifier::Reported,
            ..template.clone()
        };
        alpha.observations.extend([
            figure(2014, 110.0, None),
            figure(2012, 480.0, Some(Ground::AfterChange)),
            figure(2010, 200.0, None),
            figure(2012, 230.0, Some(Ground::BeforeChange)),
            figure(2012, 470.0, None),
        ]);
        alpha.milestones.push(crate::model::Milestone {
            year: 2012,
            month: None,
            event: crate::model::Text { en: "Expanded".to_owned(), zh: "扩区".to_owned() },
            boundary_change: true,
            source: SourceId::new("s1"),
        });
        let series = time_series(&dataset, &ids(&["alpha"]), &income).0.remove(0);
        let runs: Vec<Vec<f64>> = series.runs.iter().map(|run| run.iter().map(|p| p.value).collect()).collect();
        assert_eq!(runs, [vec![200.0, 230.0], vec![480.0, 110.0]]);
        let crossings: Vec<(f64, f64)> = series.boundary_crossings().map(|(a, b)| (a.value, b.value)).collect();
        assert_eq!(crossings, [(230.0, 480.0)], "dotted from the old ground's figure to the new one's");
        // A label beside the line keeps clear of every stretch drawn: along each run and across.
        let drawn: Vec<(f64, f64)> = series.line_segments().map(|(a, b)| (a.value, b.value)).collect();
        assert_eq!(drawn, [(200.0, 230.0), (480.0, 110.0), (230.0, 480.0)]);
        let loose: Vec<f64> = series.loose.iter().map(|p| p.value).collect();
        assert_eq!(loose, [470.0], "another figure of 2012's new ground, off the line");
        let (before, after) = (&series.runs[0][1], &series.runs[1][0]);
        assert!(!series.same_ground(before, after) && series.same_ground(after, &series.runs[1][1]));
        // In the file's other order the line is the same: the figure that says its ground is
        // on it, the unmarked one of the same year off it.
        dataset.parks[0].observations.reverse();
        let reversed = time_series(&dataset, &ids(&["alpha"]), &income).0.remove(0);
        assert_eq!(reversed.runs, series.runs);
        assert_eq!(reversed.loose, series.loose);
        // The bars, the map and the table show the line's figure of 2012 too, in either order.
        for order in 0..2 {
            let alpha = &dataset.parks[0].observations;
            let shown = figure_in_year(&dataset, alpha, &income, 2012).map(|figure| figure.observation.value);
            assert_eq!(shown, Some(480.0), "the year's figure, order {order}");
            let of_2012: Vec<_> = alpha.iter().filter(|o| o.year == 2012).cloned().collect();
            let latest = dataset.latest(&of_2012, &income).map(|figure| figure.observation.value);
            assert_eq!(latest, Some(480.0), "the latest figure, order {order}");
            dataset.parks[0].observations.reverse();
        }
    }

    /// In a year without a change of ground, figures marked of a side (which `check` warns of)
    /// are ranked as every view ranks them: the line shows the figure the table and the bars
    /// show, in either order of the file.
    #[test]
    fn the_line_shows_the_figure_the_other_views_show_in_a_year_without_a_change() {
        use crate::model::Ground;
        let mut dataset = small_dataset();
        let income = MetricId::new("total_income");
        let alpha = &mut dataset.parks[0];
        let template = alpha.observations.iter().find(|o| o.metric == income).cloned().expect("an income figure");
        alpha.observations.retain(|o| o.metric != income);
        let figure = |value, ground| crate::model::Observation {
            year: 2014,
            value,
            ground,
            period: None,
            qualifier: Qualifier::Reported,
            ..template.clone()
        };
        for (a, b) in [
            (figure(230.0, Some(Ground::BeforeChange)), figure(470.0, None)),
            (figure(480.0, Some(Ground::AfterChange)), figure(470.0, None)),
        ] {
            for order in [[a.clone(), b.clone()], [b.clone(), a.clone()]] {
                let values = order.clone().map(|o| o.value);
                dataset.parks[0].observations.retain(|o| o.metric != income);
                dataset.parks[0].observations.extend(order);
                let series = time_series(&dataset, &ids(&["alpha"]), &income).0.remove(0);
                let line: Vec<f64> = series.runs.iter().flatten().map(|point| point.value).collect();
                let alpha = &dataset.parks[0].observations;
                let shown = figure_in_year(&dataset, alpha, &income, 2014).map(|figure| figure.observation.value);
                let latest = dataset.latest(alpha, &income).map(|figure| figure.observation.value);
                assert_eq!((line.as_slice(), shown), ([latest.unwrap_or_default()].as_slice(), latest), "{values:?}");
            }
        }
    }

    /// A figure of one part of a park (a predecessor area) is not the park's: its time series,
    /// bars and years leave it out, and a park with only such figures has none.
    #[test]
    fn figures_of_a_part_stay_out_of_the_parks_series() {
        let mut dataset = small_dataset();
        let part = Some(crate::model::Text { en: "Old Town".to_owned(), zh: "老城".to_owned() });
        let income = MetricId::new("total_income");
        let alpha_income = dataset.parks[0].observations.iter().find(|o| o.metric == income).cloned();
        for (park, year) in [("alpha", 2010), ("gamma", 2011)] {
            let mut figure = alpha_income.clone().expect("alpha has an income figure");
            (figure.year, figure.period, figure.qualifier, figure.part) =
                (year, None, Qualifier::Reported, part.clone());
            let owner = dataset.parks.iter_mut().find(|p| p.id.as_str() == park).expect("in the fixture");
            owner.observations.push(figure);
        }
        let (series, missing) = time_series(&dataset, &ids(&["alpha", "gamma"]), &income);
        assert_eq!(missing, ids(&["gamma"]), "gamma's only income figure is a part's");
        assert!(series[0].points().all(|p| p.year != 2010), "alpha's part is not a point of alpha");
        assert!(years_with_data(&dataset, &ids(&["alpha", "gamma"]), &income).iter().all(|y| y.year != 2011));
    }

    #[test]
    fn time_series_show_pins_or_the_top_five() {
        let dataset = small_dataset();
        let all = ids(&["alpha", "beta", "gamma"]);
        let area = MetricId::new("planned_area");
        let time = PlotChoice { kind: PlotKind::TimeSeries, ..choice("planned_area") };
        let shown = ShownParks::new(&time, &[], &all);
        assert_eq!(shown, ShownParks::Largest);
        assert_eq!(shown.parks(&dataset, &all, &[], &area), ids(&["alpha", "beta"]), "gamma has no area");
        let pinned = ids(&["gamma", "beta"]);
        let shown = ShownParks::new(&time, &pinned, &all);
        assert_eq!(shown, ShownParks::PinnedInFilter, "a pin replaces the largest");
        assert_eq!(shown.parks(&dataset, &all, &pinned, &area), pinned);
        let filtered = ids(&["alpha", "beta"]);
        assert_eq!(shown.parks(&dataset, &filtered, &pinned, &area), ids(&["beta"]), "gamma is filtered out");
        let only_gamma = ids(&["gamma"]);
        assert_eq!(ShownParks::new(&time, &only_gamma, &filtered), ShownParks::Largest, "no pin passes the filter");
        let pinned_scope = PlotChoice { scope: PlotScope::Pinned, ..time };
        let shown = ShownParks::new(&pinned_scope, &pinned, &filtered);
        assert_eq!(shown.parks(&dataset, &filtered, &pinned, &area), pinned, "the pinned scope shows every pin");
        let bars = choice("planned_area");
        assert_eq!(ShownParks::new(&bars, &pinned, &all), ShownParks::Filtered, "bars keep the filter");
    }

    #[test]
    fn scatter_needs_both_axes_and_sizes_are_optional() {
        let dataset = small_dataset();
        let (points, missing) =
            scatter_points(&dataset, &ids(&["alpha", "beta", "gamma"]), &PlotChoice::for_dataset(&dataset));
        // x = area, y = income: only alpha has both.
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].size.as_ref().map(|size| size.value), Some(1382.0));
        assert_eq!(missing, ids(&["beta", "gamma"]));
    }

    /// With nothing pinned, a time series draws the largest parks: the footer still names the
    /// parks the filter keeps that have no figure (one with only a forecast says so), never the
    /// ones that have figures but are not among the largest.
    #[test]
    fn the_largest_parks_time_series_names_the_parks_without_a_figure() {
        let dataset = small_with_gamma_income_forecast();
        let visible = ids(&["alpha", "beta", "gamma"]);
        let time_series = PlotChoice { kind: PlotKind::TimeSeries, ..choice("total_income") };
        for show_projections in [true, false] {
            let choice = PlotChoice { show_projections, ..time_series.clone() };
            let view = PlotView::new(&dataset, &visible, &[], None, &choice, Language::En);
            assert_eq!(view.shown_parks, ShownParks::Largest);
            assert_eq!(view.data.missing(), ids(&["beta", "gamma"]), "targets drawn: {show_projections}");
            assert_eq!(view.data.only_projected(&ParkId::new("gamma")), Some(Qualifier::Forecast));
            assert_eq!(view.data.only_projected(&ParkId::new("beta")), None, "beta has nothing at all");
        }
        // Every park of the real dataset the largest leave out has no figure of the metric, and
        // every one without a figure is named.
        let real = crate::model::load_dataset(crate::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
        let visible: Vec<ParkId> = real.parks.iter().map(|park| park.id.clone()).collect();
        let mut some_named = false;
        for metric in &real.metrics {
            let choice =
                PlotChoice { kind: PlotKind::TimeSeries, metric: metric.id.clone(), ..PlotChoice::for_dataset(&real) };
            let view = PlotView::new(&real, &visible, &[], None, &choice, Language::En);
            let missing = view.data.missing();
            for id in &visible {
                let park = real.park(id).expect("listed");
                let line = park_time_series(park, &metric.id);
                let has_figure = line.points().any(|point| !point.qualifier.is_projection());
                assert_eq!(missing.contains(id), !has_figure, "{id:?} of {:?}", metric.id);
            }
            some_named |= !missing.is_empty();
        }
        assert!(some_named, "some metric of the real dataset has parks without a figure");
    }

    #[test]
    fn charts_colour_pins_then_the_selection_then_the_largest() {
        let dataset = small_dataset();
        let visible = ids(&["alpha", "beta", "gamma"]);
        let (alpha, beta) = (ParkId::new("alpha"), ParkId::new("beta"));
        let language = crate::model::Language::En;
        // Enterprises against area: alpha (1,382) and beta (>450) have both; gamma is not drawn.
        let scatter = PlotChoice {
            kind: PlotKind::Scatter,
            y_metric: MetricId::new("high_tech_enterprises"),
            ..PlotChoice::for_dataset(&dataset)
        };
        let first = PlotView::new(&dataset, &visible, &[], None, &scatter, language);
        assert_eq!(first.colours.parks().collect::<Vec<_>>(), [&alpha, &beta], "largest first");
        assert_eq!((first.colours.slot(&alpha), first.colours.slot(&beta)), (Some(0), Some(1)));
        assert_eq!(first.colours.slot(&ParkId::new("gamma")), None, "not drawn, not coloured");
        // Selecting beta gives it the first colour, as in every view; alpha takes beta's.
        let selected = PlotView::new(&dataset, &visible, &[], Some(&beta), &scatter, language);
        assert_eq!(selected.colours.rank(&beta), Some(0));
        assert_eq!((selected.colours.slot(&beta), selected.colours.slot(&alpha)), (Some(0), Some(1)));
        // Bars are named on their axis: only the pinned and selected parks are coloured.
        let bars = choice("planned_area");
        let pinned = PlotView::new(&dataset, &visible, &ids(&["gamma", "beta"]), None, &bars, language);
        assert_eq!(pinned.colours.parks().collect::<Vec<_>>(), [&beta], "gamma has no bar");
        assert_eq!(pinned.colours.slot(&beta), Some(1), "the second pin's colour, shown or not the first");
        let plain = PlotView::new(&dataset, &visible, &[], None, &bars, language);
        assert!(plain.colours.is_empty(), "no pins, no selection: one colour for every bar");
        let matrix = PlotChoice { kind: PlotKind::Matrix, ..PlotChoice::for_dataset(&dataset) };
        let none = PlotView::new(&dataset, &visible, &[], None, &matrix, language);
        assert!(none.colours.is_empty(), "the matrix colours nobody");
    }

    #[test]
    fn a_scale_never_recolours_a_park() {
        let dataset = small_dataset();
        let visible = ids(&["alpha", "beta", "gamma"]);
        let language = crate::model::Language::En;
        let scatter = PlotChoice {
            kind: PlotKind::Scatter,
            y_metric: MetricId::new("high_tech_enterprises"),
            ..PlotChoice::for_dataset(&dataset)
        };
        let time = PlotChoice { kind: PlotKind::TimeSeries, ..PlotChoice::for_dataset(&dataset) };
        for linear in [scatter, time, choice("planned_area")] {
            let log = PlotChoice { log_scale: true, ..linear.clone() };
            for (pinned, selected) in [(vec![], None), (ids(&["beta"]), Some(ParkId::new("alpha")))] {
                let colours = |choice: &PlotChoice| {
                    PlotView::new(&dataset, &visible, &pinned, selected.as_ref(), choice, language).colours
                };
                assert_eq!(colours(&log), colours(&linear), "{:?}, pins {pinned:?}", linear.kind);
            }
        }
    }

    #[test]
    fn the_time_series_and_the_scatter_give_a_park_one_colour() {
        let dataset = small_dataset();
        let visible = ids(&["alpha", "beta", "gamma"]);
        let language = crate::model::Language::En;
        let metric = MetricId::new("high_tech_enterprises");
        let time =
            PlotChoice { kind: PlotKind::TimeSeries, metric: metric.clone(), ..PlotChoice::for_dataset(&dataset) };
        let scatter = PlotChoice { kind: PlotKind::Scatter, y_metric: metric, ..PlotChoice::for_dataset(&dataset) };
        for selected in [None, Some(ParkId::new("beta"))] {
            let time = PlotView::new(&dataset, &visible, &[], selected.as_ref(), &time, language).colours;
            let scatter = PlotView::new(&dataset, &visible, &[], selected.as_ref(), &scatter, language).colours;
            let both: Vec<&ParkId> = time.parks().filter(|id| scatter.slot(id).is_some()).collect();
            assert!(!both.is_empty(), "the check can fail: some park is coloured in both");
            for id in both {
                assert_eq!(time.slot(id), scatter.slot(id), "{id:?}");
            }
        }
    }

    #[test]
    fn the_matrix_keeps_the_strongest_role_and_only_used_industries() {
        let dataset = small_dataset();
        let name = |p: &Park| p.name.en.clone();
        let matrix =
            industry_matrix(&dataset, &ids(&["beta", "alpha"]), MatrixOrder::ByName, name, IndustryId::to_string);
        assert_eq!(matrix.parks, ids(&["alpha", "beta"]));
        assert_eq!(matrix.industries, [IndustryId::new("ai"), IndustryId::new("biomed")]);
        assert_eq!(matrix.cells[0], [Some(Role::Leading), Some(Role::Emerging)]);
        assert_eq!(matrix.cells[1], [None, Some(Role::Leading)]);
        let by_count =
            industry_matrix(&dataset, &ids(&["beta", "alpha"]), MatrixOrder::ByCount, name, IndustryId::to_string);
        assert_eq!(by_count.parks, ids(&["alpha", "beta"]), "alpha has two industries");
        assert_eq!(by_count.industries[0], IndustryId::new("biomed"), "in two parks");
        let only_gamma = industry_matrix(&dataset, &ids(&["gamma"]), MatrixOrder::ByName, name, IndustryId::to_string);
        assert!(only_gamma.industries.is_empty());
    }

    /// A plot with nothing to draw says why in the chart's place, once, instead of over empty
    /// axes: the metric no park has a figure of yet, in either language.
    #[test]
    fn a_plot_of_a_metric_without_figures_says_so_instead_of_drawing_axes() {
        use crate::model::Language;
        let mut dataset = small_dataset();
        for park in &mut dataset.parks {
            park.observations.clear();
        }
        let visible = ids(&["alpha", "beta", "gamma"]);
        let base = PlotChoice::for_dataset(&dataset);
        let area = MetricId::new("planned_area");
        let income = MetricId::new("total_income");
        let bars = PlotChoice { kind: PlotKind::Bars, metric: area.clone(), ..base.clone() };
        let time = PlotChoice { kind: PlotKind::TimeSeries, metric: area.clone(), ..base.clone() };
        let scatter = PlotChoice { kind: PlotKind::Scatter, x_metric: area.clone(), y_metric: income, ..base.clone() };
        for choice in [&bars, &time] {
            let view = PlotView::new(&dataset, &visible, &[], None, choice, Language::En);
            assert_eq!(view.nothing_drawn.as_deref(), Some("No park has a figure for planned area yet"), "{choice:?}");
            assert_eq!(view.takeaway, "", "said once, in the chart's place");
        }
        let view = PlotView::new(&dataset, &visible, &[], None, &scatter, Language::En);
        assert_eq!(view.nothing_drawn.as_deref(), Some("No park has a figure for planned area or total income yet"));
        let zh = PlotView::new(&dataset, &visible, &[], None, &bars, Language::Zh);
        assert_eq!(zh.nothing_drawn.as_deref(), Some("尚无园区有规划面积数据"));
        // The matrix has no metric: it draws the industries as ever.
        let matrix = PlotChoice { kind: PlotKind::Matrix, ..base };
        assert_eq!(PlotView::new(&dataset, &visible, &[], None, &matrix, Language::En).nothing_drawn, None);
    }

    /// Parks shown without the figures others have: the chart's place says what the takeaway
    /// would have; with figures to draw, nothing is said there.
    #[test]
    fn a_plot_of_parks_shown_without_figures_says_what_they_lack() {
        use crate::model::Language;
        let dataset = small_dataset();
        let bars = choice("planned_area");
        // Gamma has no area; alpha and beta have one.
        let only_gamma = PlotView::new(&dataset, &ids(&["gamma"]), &[], None, &bars, Language::En);
        let note = only_gamma.nothing_drawn.expect("nothing to draw");
        assert!(note.contains("planned area") && !note.contains("yet"), "{note}");
        let drawn = PlotView::new(&dataset, &ids(&["alpha", "beta", "gamma"]), &[], None, &bars, Language::En);
        assert_eq!(drawn.nothing_drawn, None);
        assert!(!drawn.takeaway.is_empty());
    }

    /// Without metrics, the plots of metrics say the dataset has none, in either language, and
    /// are titled so rather than " by park".
    #[test]
    fn a_dataset_without_metrics_says_it_has_none_to_compare() {
        use crate::model::Language;
        use crate::state::titles::plot_title;
        let mut dataset = small_dataset();
        dataset.metrics.clear();
        for park in &mut dataset.parks {
            park.observations.clear();
        }
        let visible = ids(&["alpha", "beta", "gamma"]);
        for kind in [PlotKind::Bars, PlotKind::TimeSeries, PlotKind::Scatter] {
            let choice = PlotChoice { kind, ..PlotChoice::default() };
            for language in [Language::En, Language::Zh] {
                let view = PlotView::new(&dataset, &visible, &[], None, &choice, language);
                let s = crate::i18n::strings(language);
                assert_eq!(view.nothing_drawn.as_deref(), Some(s.plot_no_metrics), "{kind:?}");
                assert_eq!(view.takeaway, "");
                assert_eq!(plot_title(&dataset, &choice, language), s.title_no_metrics);
            }
        }
        let matrix = PlotChoice { kind: PlotKind::Matrix, ..PlotChoice::default() };
        assert_eq!(plot_title(&dataset, &matrix, Language::En), "Industries of the parks and their roles");
    }
}
