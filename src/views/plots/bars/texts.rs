//! What a bar says: its value label, and its tooltip with the figures, sources and notes it
//! rests on.

use super::super::{CompareContext, metric_name, park_name};
use crate::format::{
    NoteForm, after_value, alike_sources, figure_note, figure_stated, other_values, qualified_value, source_cited,
    value_with_unit,
};
use crate::i18n::{comma, figure_when, labelled, period_label, qualifier_name, strings};
use crate::model::{DisplayUnit, Language, Qualifier};
use crate::state::series::BarDatum;

/// A bar's value as labelled on it, written `factor` times its value: `>450 (2019)`, with what
/// sets it apart from a whole year's final figure, as the table's cell says it: `16.77 (2014
/// Jan–Nov)`, `630 (2018, preliminary)`, `6,300（2018年，初步统计）`. The year only when
/// `show_year` (the bars mix years) or a part of it.
pub(super) fn value_label(bar: &BarDatum, factor: f64, show_year: bool, language: Language) -> String {
    let text = qualified_value(bar.value * factor, bar.qualifier);
    let comma = comma(language);
    let note = match bar.divisor_year {
        // Divided by a figure of another year: both years, "52.91 (2025 ÷ 2012)".
        Some(divisor_year) => {
            let years = figure_when(language, bar.year, bar.period, Some(divisor_year));
            let quality = figure_note((bar.year, None, bar.qualifier), false, language, NoteForm::Full);
            if quality.is_empty() { years } else { format!("{years}{comma}{quality}") }
        }
        None => figure_note((bar.year, bar.period, bar.qualifier), show_year, language, NoteForm::Full),
    };
    // A preliminary figure divided by a bound: "<0.5644 (2018 ÷ 2020, preliminary)".
    let note = match (bar.preliminary, note.is_empty()) {
        (false, _) => note,
        (true, true) => qualifier_name(language, Qualifier::Preliminary).to_owned(),
        (true, false) => format!("{note}{comma}{}", qualifier_name(language, Qualifier::Preliminary)),
    };
    text + &after_value(&note, language, NoteForm::Full)
}

/// A bar's park, value, year and quality, what a quotient divides, its sources and its
/// figures' notes, one per line, and the values other sources state for its figure.
pub(super) fn bar_tooltip(ctx: &CompareContext<'_>, bar: &BarDatum, unit: &DisplayUnit) -> String {
    let s = strings(ctx.language);
    let mut lines = vec![
        park_name(ctx.dataset, &bar.park, ctx.language),
        value_with_unit(bar.value, bar.qualifier, unit),
        format!(
            "{} · {}",
            period_label(ctx.language, bar.year, bar.period),
            qualifier_name(ctx.language, bar.qualifier)
        ),
    ];
    if bar.preliminary {
        lines[2] = format!("{} · {}", lines[2], qualifier_name(ctx.language, Qualifier::Preliminary));
    }
    // A quotient with what it divides, each figure as stated: "= 630 bn yuan (2018,
    // preliminary) ÷ 26.1 km² (2012)".
    let stated: Vec<String> =
        bar.rests_on.iter().filter_map(|obs| figure_stated(ctx.dataset, obs, ctx.language)).collect();
    if let [figure, divisor] = stated.as_slice() {
        lines.push(format!("= {figure} ÷ {divisor}"));
    }
    for source in bar.sources.iter().filter_map(|id| ctx.dataset.source(id)) {
        lines.push(format!("{}{}", s.source, source_cited(source, ctx.language)));
    }
    // A caveat on either figure ("includes another area", "the year is not stated"), which the
    // profile marks with a *: a bar quoted without it reads as plain fact. Of a quotient, each
    // says whose it is, and one note of both is said once.
    let mut notes: Vec<String> = Vec::new();
    for obs in &bar.rests_on {
        let Some(note) = obs.note_in(ctx.language) else { continue };
        let label = if bar.rests_on.len() > 1 {
            format!("{} ({})", s.note, metric_name(ctx.dataset, &obs.metric, ctx.language))
        } else {
            s.note.to_owned()
        };
        if !notes.iter().any(|said| said.ends_with(note)) {
            notes.push(labelled(ctx.language, &label, note));
        }
    }
    lines.extend(notes);
    let park = ctx.dataset.park(&bar.park);
    let alike = park
        .zip(bar.rests_on.first())
        .map(|(park, figure)| alike_sources(ctx.dataset, &park.observations, figure, ctx.language))
        .unwrap_or_default();
    if !alike.is_empty() {
        lines.push(format!("{}:", s.same_figure_from));
        lines.extend(alike);
    }
    // As stated, in the metric's own unit, even when the bars are divided; a divisor's under
    // its own name and year, which may not be the bar's.
    let (own, of_divisor): (Vec<&crate::model::Observation>, Vec<_>) = bar
        .stated_otherwise
        .iter()
        .partition(|other| bar.rests_on.first().is_none_or(|obs| obs.metric == other.metric));
    let own = other_values(ctx.dataset, own, ctx.language);
    if !own.is_empty() {
        lines.push(format!("{}:", s.also_stated));
        lines.extend(own);
    }
    if let Some(divisor) = bar.rests_on.get(1) {
        let others = other_values(ctx.dataset, of_divisor, ctx.language);
        if !others.is_empty() {
            let heading = s
                .also_stated_divisor
                .replace("{metric}", &metric_name(ctx.dataset, &divisor.metric, ctx.language))
                .replace("{year}", &divisor.year.to_string());
            lines.push(format!("{heading}:"));
            lines.extend(others);
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::model::{Language, MetricId, ParkId};
    use crate::state::series::bar_series;
    use crate::state::{FilterState, PlotChoice};
    use crate::views::plots::value_unit;

    /// The tooltip of `park`'s bar of `metric`, divided by `divide_by`, in `language`.
    fn tooltip(metric: &str, divide_by: Option<&str>, park: &str, language: Language) -> String {
        tooltip_of(&small_dataset(), metric, divide_by, park, language)
    }

    /// The same of `dataset`.
    fn tooltip_of(
        dataset: &crate::model::Dataset,
        metric: &str,
        divide_by: Option<&str>,
        park: &str,
        language: Language,
    ) -> String {
        let mut choice = PlotChoice::for_dataset(dataset);
        choice.metric = MetricId::new(metric);
        choice.divide_by = divide_by.map(MetricId::new);
        let parks: Vec<ParkId> = dataset.parks.iter().map(|park| park.id.clone()).collect();
        let series = bar_series(dataset, &parks, &choice);
        let bar = series.bars.iter().find(|bar| bar.park.as_str() == park).expect("the park's bar");
        let filter = FilterState::default();
        let ctx = crate::views::plots::desk_context(dataset, &filter, language);
        bar_tooltip(&ctx, bar, &value_unit(&ctx, &choice))
    }

    /// A bar quoted from its tooltip carries its figure's caveat, in the window's language, and
    /// a quotient names what it divides: a per-km² figure resting on another area than the
    /// table's could not be worked back.
    #[test]
    fn a_bars_tooltip_gives_its_figures_note_and_what_a_quotient_divides() {
        let loss = tooltip("total_profit", None, "alpha", Language::En);
        assert!(loss.lines().any(|line| line == "Note: A loss."), "{loss}");
        let loss = tooltip("total_profit", None, "alpha", Language::Zh);
        assert!(loss.lines().any(|line| line == "注：亏损。"), "{loss}");
        let per_area = tooltip("total_income", Some("planned_area"), "alpha", Language::En);
        assert!(
            per_area.lines().any(|line| line == "= 630 bn yuan (2018, preliminary) ÷ 26.1 km² (2012)"),
            "{per_area}"
        );
        assert!(!per_area.contains("Note"), "no note where the figures have none: {per_area}");
    }

    /// Another value of a quotient's divisor is listed under the divisor's name and year, not
    /// as if stated for the bar's year and metric.
    #[test]
    fn a_quotients_tooltip_lists_its_divisors_other_value_under_the_divisor() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|park| park.id.as_str() == "alpha").expect("alpha");
        let area = alpha.observations.iter().find(|o| o.metric.as_str() == "planned_area").expect("an area").clone();
        alpha
            .observations
            .insert(0, crate::model::Observation { value: 25.0, source: crate::model::SourceId::new("s2"), ..area });
        let per_area = tooltip_of(&dataset, "total_income", Some("planned_area"), "alpha", Language::En);
        let lines: Vec<&str> = per_area.lines().collect();
        let heading = lines.iter().position(|line| *line == "Also stated for Planned area in 2012:").expect(&per_area);
        assert!(lines.get(heading + 1).is_some_and(|line| line.starts_with("25 km²")), "{per_area}");
        assert!(!per_area.contains("Also stated for the same year"), "{per_area}");
    }
}
