//! The title each view writes over itself, from the user's choices alone, so that a view and
//! everything made of it (a slide, an exported PNG's embedded title) name it alike.
//! No egui here.

use crate::format::name_with_unit;
use crate::i18n::{plot_kind_name, strings};
use crate::model::{Dataset, Language, MetricId, Text, divided_name};
use crate::state::map::{DistrictValue, MapChoice};
use crate::state::takeaway::in_sentence;
use crate::state::{PlotChoice, PlotKind, Tab};

/// The title of the presented table: "Zhongguancun: the parks and their latest figures".
pub fn table_title(dataset: &Dataset, language: Language) -> String {
    strings(language).table_presented_title.replace("{place}", dataset.meta.short_name().get(language))
}

/// The title of a comparison plot: what it plots, in a sentence of the plot's kind.
pub fn plot_title(dataset: &Dataset, choice: &PlotChoice, language: Language) -> String {
    let s = strings(language);
    if dataset.metrics.is_empty() && choice.kind != PlotKind::Matrix {
        return s.title_no_metrics.to_owned();
    }
    // Not "Turnover against turnover": such a scatter is not drawn (see `scatters_one_metric`).
    if choice.scatters_one_metric() {
        return plot_kind_name(language, PlotKind::Scatter).to_owned();
    }
    match choice.kind {
        PlotKind::Bars => s.title_bars.replace("{metric}", &bars_metric_name(dataset, choice, language)),
        PlotKind::TimeSeries => s.title_time.replace("{metric}", &metric_name(dataset, &choice.metric, language)),
        PlotKind::Scatter => s
            .title_scatter
            // Second in the sentence: "Total income against planned area".
            .replace("{x}", &in_sentence(&metric_name(dataset, &choice.x_metric, language), language))
            .replace("{y}", &metric_name(dataset, &choice.y_metric, language)),
        PlotKind::Matrix => s.title_matrix.to_owned(),
    }
}

/// What the bars show: the metric's name, divided ("Total income per km²") when divided.
fn bars_metric_name(dataset: &Dataset, choice: &PlotChoice, language: Language) -> String {
    match choice.divided(dataset) {
        Some((metric, divisor)) => divided_name(metric, divisor, language),
        None => metric_name(dataset, &choice.metric, language),
    }
}

/// The title of the map of `city`: the city, then what colours its districts, after a dash in
/// English and a full-width colon in Chinese ("北京：符合筛选条件的园区数"), where a spaced dash
/// reads as foreign.
pub fn map_title(dataset: &Dataset, city: &Text, choice: &MapChoice, language: Language) -> String {
    let s = strings(language);
    let what = match &choice.value {
        DistrictValue::ParkCount => s.map_park_count.to_owned(),
        DistrictValue::MetricSum(id) => name_with_unit(
            &sum_of(language, &metric_name(dataset, id, language)),
            &dataset.display_unit(id, language).name,
        ),
    };
    match language {
        Language::En => format!("{} — {what}", city.get(language)),
        Language::Zh => format!("{}：{what}", city.get(language)),
    }
}

/// The title a view writes over itself: the table's, the plot's or the map's, as `tab` shows;
/// the dataset's title for a map without outlines (`city` `None`).
pub fn view_title(
    dataset: &Dataset,
    city: Option<&Text>,
    (tab, plot, map): (Tab, &PlotChoice, &MapChoice),
    language: Language,
) -> String {
    match (tab, city) {
        (Tab::Table, _) => table_title(dataset, language),
        (Tab::Compare, _) => plot_title(dataset, plot, language),
        (Tab::Map, Some(city)) => map_title(dataset, city, map, language),
        (Tab::Map, None) => dataset.meta.title.get(language).to_owned(),
    }
}

/// "Sum of total income", "总收入合计": what colours the districts when a metric does.
pub fn sum_of(language: Language, metric_name: &str) -> String {
    strings(language).map_sum_of.replace("{metric}", &in_sentence(metric_name, language))
}

/// A metric's name, or its id when the dataset has no such metric (a slide of another dataset).
pub fn metric_name(dataset: &Dataset, id: &MetricId, language: Language) -> String {
    dataset.metric(id).map_or_else(|| id.to_string(), |m| m.name.get(language).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;

    fn plot(kind: PlotKind) -> PlotChoice {
        PlotChoice {
            kind,
            metric: MetricId::new("total_income"),
            x_metric: MetricId::new("planned_area"),
            y_metric: MetricId::new("total_income"),
            ..PlotChoice::default()
        }
    }

    #[test]
    fn a_plot_is_titled_by_what_it_plots_in_either_language() {
        let dataset = small_dataset();
        assert_eq!(plot_title(&dataset, &plot(PlotKind::Bars), Language::En), "Total income by park");
        // The second metric of a sentence loses its capital, not its name.
        assert_eq!(plot_title(&dataset, &plot(PlotKind::Scatter), Language::En), "Total income against planned area");
        let divided = PlotChoice { divide_by: Some(MetricId::new("planned_area")), ..plot(PlotKind::Bars) };
        assert!(plot_title(&dataset, &divided, Language::En).starts_with("Total income per "));
        assert!(plot_title(&dataset, &plot(PlotKind::Bars), Language::Zh).contains("总收入"));
        // A scatter of a metric against itself is not drawn, and not titled as if it were.
        let itself = PlotChoice { x_metric: MetricId::new("total_income"), ..plot(PlotKind::Scatter) };
        assert_eq!(plot_title(&dataset, &itself, Language::En), "Scatter");
    }

    /// Turnover divided by a count of firms, in another city: the Chinese title names both
    /// metrics, as a reader would say it, not "per unit of firm count" (单位企业总数营业收入).
    #[test]
    fn a_quotient_is_titled_by_both_its_metrics_in_chinese() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lakeshore/lakeshore.ron");
        let dataset = crate::model::load_dataset_file(std::path::Path::new(path)).expect("valid");
        let choice = PlotChoice {
            kind: PlotKind::Bars,
            metric: MetricId::new("turnover"),
            divide_by: Some(MetricId::new("firms_total")),
            ..PlotChoice::default()
        };
        assert_eq!(plot_title(&dataset, &choice, Language::Zh), "各园区营业收入与企业总数之比");
        assert_eq!(plot_title(&dataset, &choice, Language::En), "Turnover per firm by park");
    }

    #[test]
    fn the_map_is_titled_by_its_city_and_what_colours_its_districts() {
        let dataset = small_dataset();
        let city = Text { en: "Testville".to_owned(), zh: "测试市".to_owned() };
        let by_count = MapChoice::default();
        assert_eq!(map_title(&dataset, &city, &by_count, Language::En), "Testville — Parks matching the filter");
        let by_income = MapChoice { value: DistrictValue::MetricSum(MetricId::new("total_income")), ..by_count };
        let title = map_title(&dataset, &city, &by_income, Language::Zh);
        assert!(title.starts_with("测试市：") && title.contains("总收入") && title.contains("亿元"), "{title}");
    }
}
