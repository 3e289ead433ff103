//! What the scatter writes of a point's figures: the axes' titles, the key's and the tooltips'
//! figures, and a point's tooltip.

use super::super::{CompareContext, metric_name, metric_unit, park_name};
use crate::format::{figure_in_brackets, name_with_unit, other_values, source_label, value_with_unit};
use crate::i18n::{labelled, strings};
use crate::model::MetricId;
use crate::state::PlotChoice;
use crate::state::series::{Reading, ScatterPoint};

/// A metric's name with its unit, as an axis or the bubble legend names it.
pub(super) fn axis_title(ctx: &CompareContext<'_>, id: &MetricId) -> String {
    name_with_unit(&metric_name(ctx.dataset, id, ctx.language), &metric_unit(ctx.dataset, id, ctx.language).name)
}

/// A figure of metric `id` as the scatter's key and tooltips write it: its value with
/// qualifier and unit (in the language's display unit), and in brackets its year, part of the
/// year, a qualifier in words ("preliminary", a target) and `then` (its source).
pub(super) fn figure_text(ctx: &CompareContext<'_>, id: &MetricId, reading: &Reading, then: Option<&str>) -> String {
    let value = value_with_unit(reading.value, reading.qualifier, &metric_unit(ctx.dataset, id, ctx.language));
    figure_in_brackets(&value, (reading.year, reading.period, reading.qualifier), then, ctx.language)
}

/// The park's name, then each plotted figure with its unit, year and source, one per line, each
/// followed by what other sources state for its year, if any differs. The bubbles' metric is
/// named even where the park has no figure of it ("no data"): its cross says so, and a tooltip
/// leaving the metric out read as though it did not apply.
pub(super) fn point_tooltip(ctx: &CompareContext<'_>, choice: &PlotChoice, point: &ScatterPoint) -> String {
    let (dataset, language) = (ctx.dataset, ctx.language);
    let describe = |id: &MetricId, reading: Option<&Reading>| {
        let name = metric_name(dataset, id, language);
        let Some(reading) = reading else {
            return labelled(language, &name, strings(language).no_data);
        };
        let source = dataset.source(&reading.source).map(|source| source_label(source, language)).unwrap_or_default();
        let line = labelled(language, &name, figure_text(ctx, id, reading, Some(&source)));
        // Its caveat under it, as the profile marks it with a *.
        match &reading.note {
            Some(note) => format!("{line}\n  {}", labelled(language, strings(language).note, note.get(language))),
            None => line,
        }
    };
    let mut readings = vec![(&choice.x_metric, Some(&point.x)), (&choice.y_metric, Some(&point.y))];
    if let Some(id) = &choice.size_metric {
        readings.push((id, point.size.as_ref()));
    }
    let mut lines = vec![park_name(dataset, &point.park, language)];
    for (id, reading) in readings {
        lines.push(describe(id, reading));
        // What other sources state for the same year, under the figure they differ from.
        let others = other_values(dataset, point.stated_otherwise.iter().filter(|o| &o.metric == id), language);
        if !others.is_empty() {
            lines.push(format!("  {}: {}", strings(language).also_stated, others.join("; ")));
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, EMBEDDED_DATASET, Language, ParkId, load_dataset};
    use crate::state::FilterState;
    use crate::state::series::scatter_points;

    /// The real dataset's scatter as it opens (bubbles sized by its scatter size metric), with
    /// every park in it.
    fn real_scatter() -> (Dataset, PlotChoice, Vec<ScatterPoint>) {
        let dataset = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("the embedded dataset loads");
        let choice = PlotChoice::for_dataset(&dataset);
        let parks: Vec<ParkId> = dataset.parks.iter().map(|park| park.id.clone()).collect();
        let (points, _) = scatter_points(&dataset, &parks, &choice);
        (dataset, choice, points)
    }

    fn tooltip(dataset: &Dataset, choice: &PlotChoice, point: &ScatterPoint, language: Language) -> String {
        let filter = FilterState::default();
        let ctx = crate::views::plots::desk_context(dataset, &filter, language);
        point_tooltip(&ctx, choice, point)
    }

    #[test]
    fn every_points_tooltip_names_the_bubbles_metric_with_no_data_where_the_park_lacks_it() {
        let (dataset, choice, points) = real_scatter();
        let size = choice.size_metric.clone().expect("the real scatter sizes its bubbles");
        assert!(points.iter().any(|p| p.size.is_none()), "some real parks lack the bubbles' figure");
        assert!(points.iter().any(|p| p.size.is_some()), "and some have it");
        for (language, no_data) in [(Language::En, "no data"), (Language::Zh, "无数据")] {
            let name = metric_name(&dataset, &size, language);
            for point in &points {
                let text = tooltip(&dataset, &choice, point, language);
                let line = text.lines().find(|line| line.starts_with(&name));
                let line = line.unwrap_or_else(|| panic!("{language:?}: no line of {name} in {text:?}"));
                assert_eq!(line.ends_with(no_data), point.size.is_none(), "{language:?}: {text:?}");
            }
        }
    }

    /// A point quoted from its tooltip carries each of its figures' caveats (the real dataset has
    /// areas that include another area, and figures whose year the source does not state).
    #[test]
    fn a_points_tooltip_gives_its_figures_notes() {
        let (dataset, choice, points) = real_scatter();
        let mut noted = 0;
        for point in &points {
            let text = tooltip(&dataset, &choice, point, Language::En);
            for reading in [Some(&point.x), Some(&point.y), point.size.as_ref()].into_iter().flatten() {
                if let Some(note) = &reading.note {
                    noted += 1;
                    assert!(text.contains(&format!("Note: {}", note.en)), "{text}");
                }
            }
        }
        assert!(noted > 0, "some real parks' plotted figures have notes");
    }
}
