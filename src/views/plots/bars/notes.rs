//! The notes about the bars, above the chart on the desk and in the scope line when
//! presenting: mixed years, the bars left out, the marks' key and the benchmark lines.

use egui::{RichText, Ui};

use super::super::{CompareContext, in_sentence, metric_name, park_name, scaled};
use super::zone_fits;
use crate::format::{format_count, value_with_unit};
use crate::i18n::{clause_separator, figure_when, list_separator, strings};
use crate::model::{DisplayUnit, ParkId, Qualifier};
use crate::state::series::{BarSeries, MEDIAN_BARS};
use crate::state::{PlotChoice, YearChoice};

/// The notes about the bars: that they mix years, that only the largest are drawn, what the
/// mark of a figure stated otherwise means, and what the benchmark lines are (the zone's figure
/// also when it is too large to draw). Above the chart on the desk, in the scope line when
/// presenting. The benchmarks are told in words, not in a legend: a legend box inside the plot
/// covered value labels, and its marks did not look like the lines.
/// `limit` is how many bars the chart has room for ([`bars_with_room`]).
pub(in crate::views::plots) fn notes(
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
pub(super) fn notes_ui(
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

/// The zone's own name from the dataset, for its benchmark.
fn zone_name(ctx: &CompareContext<'_>) -> String {
    ctx.dataset
        .zone
        .as_ref()
        .map_or_else(|| strings(ctx.language).zone_benchmark.to_owned(), |zone| zone.name.get(ctx.language).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::model::{Language, MetricId};
    use crate::state::FilterState;
    use crate::state::series::bar_series;
    use crate::views::plots::value_unit;

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
}
