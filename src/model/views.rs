//! Which metrics the views open on and which can divide others: what a dataset declares in
//! `meta.views`, and what the data suggests where it declares nothing. No metric id is known to
//! the code; another city's dataset with other metrics gets views that show its figures.

use serde::Deserialize;

use super::{Dataset, Language, Metric, MetricId, MetricKind};

/// How many figure columns the park table shows when the dataset names none.
pub const DEFAULT_TABLE_COLUMNS: usize = 3;

/// The metrics a dataset asks its views to open on (`meta.views`). Every field is optional;
/// [`Dataset::view_metrics`] fills what is left out from the data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeclaredViews {
    /// The park table's figure columns, left to right.
    pub table: Vec<MetricId>,
    /// The metric of the bars and the time series.
    pub plot: Option<MetricId>,
    /// The scatter's horizontal axis.
    pub scatter_x: Option<MetricId>,
    /// The scatter's vertical axis.
    pub scatter_y: Option<MetricId>,
    /// What sizes the scatter's bubbles.
    pub scatter_size: Option<MetricId>,
    /// What sizes the map's park markers.
    pub map_markers: Option<MetricId>,
    /// The metrics "Divide by" offers, e.g. an area and counts of firms.
    pub divisors: Vec<MetricId>,
}

/// The metrics the views open on, every choice made: declared by the dataset or, where it
/// declares nothing, taken from the data. `None` only for a dataset too small to choose from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewMetrics {
    /// The park table's figure columns, left to right.
    pub table: Vec<MetricId>,
    /// The metric of the bars and the time series.
    pub plot: Option<MetricId>,
    /// The scatter's horizontal axis.
    pub scatter_x: Option<MetricId>,
    /// The scatter's vertical axis.
    pub scatter_y: Option<MetricId>,
    /// What sizes the scatter's bubbles.
    pub scatter_size: Option<MetricId>,
    /// What sizes the map's park markers.
    pub map_markers: Option<MetricId>,
}

impl Metric {
    /// Whether dividing another metric by this one gives a meaningful figure when the dataset
    /// does not say: a level (not a flow), never negative, and not itself a share or a ratio.
    pub fn can_divide(&self) -> bool {
        self.kind == MetricKind::Stock && self.is_amount()
    }

    /// Whether the metric is a share, a rate or a per-unit value: declared
    /// [`MetricKind::Ratio`], or with an English unit that says so ("%", "/" or "per"), as a
    /// dataset written before that kind existed may have it. Its figures are neither added up
    /// across parks nor divided by another metric, and it divides nothing.
    pub fn is_ratio(&self) -> bool {
        let unit = &self.unit.en;
        self.kind == MetricKind::Ratio
            || unit.contains('%')
            || unit.contains('/')
            || unit.split_whitespace().any(|word| word == "per")
    }

    /// Whether the figures of several parks add up to a figure of them together (a sum of areas,
    /// of incomes, of losses): every metric but a [ratio](Self::is_ratio).
    pub fn is_additive(&self) -> bool {
        !self.is_ratio()
    }

    /// Whether the metric measures an amount (money, a count, an area): never negative, and not
    /// a share, a rate or a ratio. Amounts of two parks can be compared as sizes.
    pub fn is_amount(&self) -> bool {
        !self.allows_negative && self.is_additive()
    }

    /// How one unit of this metric reads after "per" (English) or "/" (Chinese) when it divides
    /// another: `per_unit` when the dataset gives it ("high-tech enterprise"), else the unit.
    pub fn per_unit(&self, language: Language) -> &str {
        self.per_unit.as_ref().unwrap_or(&self.unit).get(language)
    }

    /// Whether `bottom`, how one unit of this metric reads when it divides another, may follow
    /// "per": a `per_unit` the dataset gives ("high-tech enterprise"), or a unit written as a
    /// symbol or abbreviation ("km²", "ha", "100m yuan"). A unit in words without a `per_unit`
    /// ("firms", "people") may be plural, and "per firms" is not English: such a divisor is
    /// written with "÷" instead.
    pub(super) fn reads_after_per(&self, bottom: &str) -> bool {
        let symbol = bottom.chars().any(|c| !c.is_alphabetic() && !c.is_whitespace()) || bottom.chars().count() <= 3;
        self.per_unit.is_some() || symbol
    }
}

/// The stored unit of `numerator` divided by `divisor`, as exports name it: "bn yuan per km²",
/// "十亿元/平方公里". Screens write [`super::divided_display_unit`].
pub fn divided_unit(numerator: &Metric, divisor: &Metric, language: Language) -> String {
    let bottom = divisor.per_unit(language);
    per(numerator.unit.get(language), bottom, divisor.reads_after_per(bottom), language)
}

/// `top` per `bottom`: "bn yuan per km²", "亿元/公顷"; "100m yuan ÷ firms" when `bottom` does not
/// read after "per" (see [`Metric::reads_after_per`]).
pub(super) fn per(top: &str, bottom: &str, after_per: bool, language: Language) -> String {
    match (language, after_per) {
        (Language::En, true) => format!("{top} per {bottom}"),
        (Language::En, false) => format!("{top} ÷ {bottom}"),
        (Language::Zh, _) => format!("{top}/{bottom}"),
    }
}

/// The name of `numerator` divided by `divisor`: "Total income per high-tech enterprise",
/// "总收入与高新技术企业之比" (the ratio of total income to high-tech enterprises). The English
/// name ends in the divisor's unit as the screen writes it, as [`super::divided_display_unit`]
/// does. The Chinese names both metrics, as any pair reads naturally that way: "单位…" ("per
/// unit of …") reads well before an area ("单位面积") but not before a count ("单位企业总数营业
/// 收入"), and a dataset's names do not say which a divisor is.
pub fn divided_name(numerator: &Metric, divisor: &Metric, language: Language) -> String {
    match language {
        Language::En => {
            let bottom = divisor.display_per_unit(Language::En);
            per(&numerator.name.en, bottom, divisor.reads_after_per(bottom), Language::En)
        }
        Language::Zh => format!("{}与{}之比", numerator.name.zh, divisor.name.zh),
    }
}

impl Dataset {
    /// How many parks have an actual figure (not a target or forecast) of their own (not only
    /// of a part) of each metric, in the dataset's order of metrics.
    pub fn parks_with_figures(&self) -> Vec<usize> {
        let index: std::collections::HashMap<&MetricId, usize> =
            self.metrics.iter().enumerate().map(|(i, m)| (&m.id, i)).collect();
        let mut counts = vec![0; self.metrics.len()];
        let mut seen = vec![false; self.metrics.len()];
        for park in &self.parks {
            seen.fill(false);
            for obs in park.observations.iter().filter(|o| !o.qualifier.is_projection() && o.covers_the_park()) {
                if let Some(&i) = index.get(&obs.metric)
                    && !std::mem::replace(&mut seen[i], true)
                {
                    counts[i] += 1;
                }
            }
        }
        counts
    }

    /// The metrics in order of how many parks have an actual figure of them, most first; the
    /// dataset's order among equals. Metrics no park has a figure of are left out.
    pub fn metrics_by_coverage(&self) -> Vec<&Metric> {
        let mut counted: Vec<(usize, &Metric)> =
            self.parks_with_figures().into_iter().zip(&self.metrics).filter(|(n, _)| *n > 0).collect();
        // A stable sort keeps the dataset's order among equals.
        counted.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
        counted.into_iter().map(|(_, m)| m).collect()
    }

    /// What the views open on, chosen when the dataset loaded: its `meta.views`, the rest from the
    /// metrics most parks have.
    pub fn view_metrics(&self) -> &ViewMetrics {
        &self.index.views
    }

    /// The metrics a value can be divided by: those `meta.views.divisors` names, else every
    /// metric that [can divide](Metric::can_divide). Cheap: it looks at no figure.
    pub fn divisors(&self) -> Vec<&Metric> {
        match self.meta.views.as_ref().map(|v| &v.divisors).filter(|d| !d.is_empty()) {
            Some(declared) => declared.iter().filter_map(|id| self.metric(id)).collect(),
            None => self.metrics.iter().filter(|m| m.can_divide()).collect(),
        }
    }

    /// The metrics `metric` can be divided by: the [divisors](Self::divisors) but itself, and
    /// none when `metric` is a [ratio](Metric::is_ratio) (a share per firm means nothing).
    pub fn divisors_of(&self, metric: &MetricId) -> Vec<&Metric> {
        if self.metric(metric).is_some_and(Metric::is_ratio) {
            return Vec::new();
        }
        self.divisors().into_iter().filter(|m| &m.id != metric).collect()
    }

    /// The metrics the map can colour districts by the sum of: the [additive](Metric::is_additive)
    /// ones, in the dataset's order.
    pub fn summable_metrics(&self) -> impl Iterator<Item = &Metric> {
        self.metrics.iter().filter(|m| m.is_additive())
    }
}

/// What the views open on: the dataset's `meta.views` where it says, else the metrics most
/// parks have (the table shows the three most covered in dataset order, the bars and map the
/// most covered, the scatter the two most covered against each other).
///
/// A dataset with metrics but no figure yet has all its metrics equal: the bars, time series
/// and scatter open on its first ones, so they name what has no figures rather than nothing;
/// the table's columns, the map's markers and the bubbles, which may show no metric, stay
/// without one.
pub(super) fn choose_view_metrics(dataset: &Dataset) -> ViewMetrics {
    let declared = dataset.meta.views.clone().unwrap_or_default();
    let covered: Vec<MetricId> = dataset.metrics_by_coverage().into_iter().map(|m| m.id.clone()).collect();
    let nth = |n: usize| covered.get(n).cloned();
    // Every metric is first among equals when none has a figure.
    let plotted = |n: usize| {
        if covered.is_empty() {
            dataset.metrics.get(n).or_else(|| dataset.metrics.first()).map(|m| m.id.clone())
        } else {
            nth(n).or_else(|| nth(0))
        }
    };
    let table = if declared.table.is_empty() {
        let mut most: Vec<&MetricId> = covered.iter().take(DEFAULT_TABLE_COLUMNS).collect();
        most.sort_by_key(|id| dataset.metrics.iter().position(|m| &m.id == *id));
        most.into_iter().cloned().collect()
    } else {
        declared.table
    };
    // The scatter's axes are two different metrics whenever the dataset has two: the most
    // covered ones (past those with figures, any other), never the one the other axis is
    // declared to show. A metric against itself is a diagonal that says nothing.
    // With no figures at all, every metric is a candidate, in the dataset's order.
    let other_than = |taken: Option<&MetricId>| {
        let mut candidates = covered.iter().chain(dataset.metrics.iter().map(|m| &m.id));
        candidates.find(|id| Some(*id) != taken).or(taken).cloned()
    };
    let scatter_y = declared.scatter_y.clone().or_else(|| match &declared.scatter_x {
        Some(x) => other_than(Some(x)),
        None => plotted(0),
    });
    let scatter_x = declared
        .scatter_x
        .or_else(|| nth(1).filter(|x| Some(x) != scatter_y.as_ref()).or_else(|| other_than(scatter_y.as_ref())));
    ViewMetrics {
        table,
        plot: declared.plot.or_else(|| plotted(0)),
        scatter_x,
        scatter_y,
        scatter_size: declared.scatter_size.or_else(|| nth(2)),
        map_markers: declared.map_markers.or_else(|| nth(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_dataset;
    use crate::model::tests::{SMALL_RON, small_dataset};

    fn ids(ids: &[&str]) -> Vec<MetricId> {
        ids.iter().copied().map(MetricId::new).collect()
    }

    /// The small fixture's text without its `views`, so every choice comes from the data.
    fn undeclared_text() -> String {
        let start = SMALL_RON.find("        views:").expect("the fixture declares views");
        let end = start + SMALL_RON[start..].find("\n        )),\n").expect("views end") + "\n        )),\n".len();
        format!("{}{}", &SMALL_RON[..start], &SMALL_RON[end..])
    }

    /// The small fixture without its `views`, so every choice comes from the data.
    fn undeclared() -> Dataset {
        load_dataset(&undeclared_text(), "small.ron").expect("valid without views")
    }

    #[test]
    fn views_naming_a_missing_metric_or_a_signed_divisor_are_errors_with_their_place() {
        let text = SMALL_RON.replacen(r#"plot: Some("total_income")"#, r#"plot: Some("turnover")"#, 1).replacen(
            r#"divisors: ["planned_area", "#,
            r#"divisors: ["total_profit", "#,
            1,
        );
        let errors = load_dataset(&text, "small.ron").expect_err("two broken references");
        let problems: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
        // Each at the line and column of the id it names.
        let place = |id: &str| {
            let needle = format!("\"{id}\"");
            let line = text.lines().position(|l| l.contains(&needle)).expect("in the text");
            let col = text.lines().nth(line).and_then(|l| l.find(&needle)).expect("on its line");
            format!("(line {}, column {})", line + 1, col + 1)
        };
        assert_eq!(
            problems,
            // In the file's order: `plot` comes before `divisors`.
            [
                format!(
                    "meta → views → plot: unknown metric \"turnover\"; the dataset has \"planned_area\", \"total_income\", \
                     \"high_tech_enterprises\", \"total_profit\" {}",
                    place("turnover")
                ),
                format!(
                    "meta → views → divisors[0]: metric \"total_profit\" allows negative values, so it cannot divide \
                     others {}",
                    place("total_profit")
                ),
            ]
        );
    }

    #[test]
    fn declared_views_are_used_as_written() {
        let dataset = small_dataset();
        let views = dataset.view_metrics();
        assert_eq!(views.table, ids(&["planned_area", "total_income", "high_tech_enterprises"]));
        assert_eq!(views.plot, Some(MetricId::new("total_income")));
        assert_eq!(views.scatter_size, Some(MetricId::new("high_tech_enterprises")));
        let divisors: Vec<MetricId> = dataset.divisors().into_iter().map(|m| m.id.clone()).collect();
        assert_eq!(divisors, ids(&["planned_area", "high_tech_enterprises"]));
    }

    /// Each park counts once per metric, however many figures it has; a target does not count.
    #[test]
    fn parks_with_figures_counts_each_park_once_and_no_targets() {
        let dataset = small_dataset();
        let counted: Vec<(&str, usize)> =
            dataset.metrics.iter().map(|m| m.id.as_str()).zip(dataset.parks_with_figures()).collect();
        // Alpha has four incomes (one a target), Beta none; Alpha and Beta have an area each.
        assert_eq!(
            counted,
            [("planned_area", 2), ("total_income", 1), ("high_tech_enterprises", 2), ("total_profit", 1)]
        );
    }

    #[test]
    fn without_declarations_the_views_open_on_the_metrics_most_parks_have() {
        let dataset = undeclared();
        // Two parks each have an area and an enterprise count; one has an actual income (its
        // 2020 target does not count) and one a profit.
        let covered: Vec<&str> = dataset.metrics_by_coverage().iter().map(|m| m.id.as_str()).collect();
        assert_eq!(covered, ["planned_area", "high_tech_enterprises", "total_income", "total_profit"]);
        let views = dataset.view_metrics();
        assert_eq!(views.table, ids(&["planned_area", "total_income", "high_tech_enterprises"]), "dataset order");
        assert_eq!(views.plot, Some(MetricId::new("planned_area")));
        assert_eq!(views.scatter_x, Some(MetricId::new("high_tech_enterprises")));
        assert_eq!(views.scatter_y, Some(MetricId::new("planned_area")));
        assert_eq!(views.scatter_size, Some(MetricId::new("total_income")));
        // Income is a flow and profit can be negative: neither divides.
        let divisors: Vec<MetricId> = dataset.divisors().into_iter().map(|m| m.id.clone()).collect();
        assert_eq!(divisors, ids(&["planned_area", "high_tech_enterprises"]));
    }

    #[test]
    fn the_scatter_opens_on_two_different_metrics_whenever_the_dataset_has_two() {
        let axes = |text: &str| {
            let views = load_dataset(text, "small.ron").expect("valid").view_metrics().clone();
            (views.scatter_x.expect("x").to_string(), views.scatter_y.expect("y").to_string())
        };
        // Only the horizontal axis declared, as the most covered metric: the vertical is another.
        let x_only = SMALL_RON.replacen("            scatter_y: Some(\"total_income\"),\n", "", 1);
        assert_ne!(x_only, SMALL_RON, "the fixture declares scatter_y");
        assert_eq!(axes(&x_only), ("planned_area".to_owned(), "high_tech_enterprises".to_owned()));
        // Only the vertical declared: the horizontal is the second most covered, unless that is
        // the vertical one.
        let y_only = SMALL_RON.replacen("            scatter_x: Some(\"planned_area\"),\n", "", 1);
        assert_eq!(axes(&y_only), ("high_tech_enterprises".to_owned(), "total_income".to_owned()));
        let y_second =
            y_only.replacen("scatter_y: Some(\"total_income\")", "scatter_y: Some(\"high_tech_enterprises\")", 1);
        assert_eq!(axes(&y_second), ("planned_area".to_owned(), "high_tech_enterprises".to_owned()));
        // One metric with figures among several: the other axis is one of the others.
        let mut dataset = undeclared();
        for park in &mut dataset.parks {
            park.observations.retain(|o| o.metric.as_str() == "planned_area");
        }
        let views = choose_view_metrics(&dataset);
        assert_eq!(views.scatter_y, Some(MetricId::new("planned_area")));
        assert_eq!(views.scatter_x, Some(MetricId::new("total_income")), "the first other metric");
        // Only when the dataset has one metric do both axes show it.
        dataset.metrics.retain(|m| m.id.as_str() == "planned_area");
        let views = choose_view_metrics(&dataset);
        assert_eq!((views.scatter_x, views.scatter_y), (views.plot.clone(), views.plot));
    }

    #[test]
    fn a_dataset_without_figures_plots_its_first_metrics_and_shows_no_empty_columns() {
        let mut dataset = undeclared();
        for park in &mut dataset.parks {
            park.observations.clear();
        }
        let views = choose_view_metrics(&dataset);
        let first = |n: usize| Some(dataset.metrics[n].id.clone());
        // The plots name a metric (with no figures, the dataset's first among equals).
        assert_eq!(views.plot, first(0));
        assert_eq!(views.scatter_y, first(0));
        assert_eq!(views.scatter_x, first(1));
        // What may show no metric shows none rather than columns or sizes of nothing.
        assert!(views.table.is_empty());
        assert_eq!(views.scatter_size, None);
        assert_eq!(views.map_markers, None);
    }

    #[test]
    fn a_dataset_without_metrics_has_no_metric_to_open_on() {
        let mut dataset = undeclared();
        dataset.metrics.clear();
        for park in &mut dataset.parks {
            park.observations.clear();
        }
        let views = choose_view_metrics(&dataset);
        assert_eq!(views, ViewMetrics::default());
    }

    #[test]
    fn shares_ratios_and_flows_do_not_divide() {
        let mut metric = small_dataset().metric(&MetricId::new("planned_area")).expect("area").clone();
        assert!(metric.can_divide());
        for unit in ["%", "bn yuan per km²", "件/万人"] {
            metric.unit.en = unit.to_owned();
            assert!(!metric.can_divide(), "{unit}");
        }
        metric.unit.en = "ha".to_owned();
        metric.kind = MetricKind::Flow;
        assert!(!metric.can_divide());
    }

    /// `text` with `metric`'s kind changed to `Ratio` and nothing else: what follows comes from
    /// the kind alone, not from its unit.
    fn with_ratio(text: &str, metric: &str) -> String {
        let start = text.find(&format!(r#"(id: "{metric}""#)).expect("the metric is in the fixture");
        let kind = start + text[start..].find("kind: ").expect("it has a kind");
        let end = kind + text[kind..].find(',').expect("the kind ends");
        format!("{}kind: Ratio{}", &text[..kind], &text[end..])
    }

    #[test]
    fn a_ratio_does_not_add_up_divide_or_get_divided() {
        // Undeclared divisors, so that the count of firms would be one were it not a ratio.
        let text = with_ratio(&undeclared_text(), "high_tech_enterprises");
        let dataset = load_dataset(&text, "small.ron").expect("valid with a ratio");
        let metric = |id: &str| dataset.metric(&MetricId::new(id)).expect("metric");
        let (ratio, area) = (metric("high_tech_enterprises"), metric("planned_area"));
        assert!(ratio.is_ratio() && !ratio.is_additive() && !ratio.is_amount() && !ratio.can_divide());
        assert!(area.is_additive() && area.can_divide());
        // A signed flow adds up (losses and profits sum) though it divides nothing.
        assert!(metric("total_profit").is_additive());
        // The map sums every metric but the ratio; the ratio is never divided, nor divides.
        let summable: Vec<&str> = dataset.summable_metrics().map(|m| m.id.as_str()).collect();
        assert_eq!(summable, ["planned_area", "total_income", "total_profit"]);
        assert!(dataset.divisors_of(&ratio.id).is_empty(), "a share per km² means nothing");
        let income_divisors: Vec<&str> =
            dataset.divisors_of(&MetricId::new("total_income")).iter().map(|m| m.id.as_str()).collect();
        assert_eq!(income_divisors, ["planned_area"], "the count of firms, a ratio here, is not offered");
        // A percentage unit still marks a ratio in a dataset written before the kind existed.
        let mut share = area.clone();
        share.unit.en = "%".to_owned();
        assert!(share.is_ratio() && !share.is_additive());
    }

    #[test]
    fn a_ratio_declared_as_a_divisor_is_an_error() {
        let text = with_ratio(SMALL_RON, "planned_area");
        let errors = load_dataset(&text, "small.ron").expect_err("a share divides nothing");
        let problems: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
        assert!(
            problems.iter().any(|p| p.starts_with(
                "meta → views → divisors[0]: metric \"planned_area\" is a share or ratio, so it cannot divide others"
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn a_divided_unit_joins_both_units_in_each_language() {
        let dataset = small_dataset();
        let metric = |id: &str| dataset.metric(&MetricId::new(id)).expect("metric");
        let (income, area, firms) = (metric("total_income"), metric("planned_area"), metric("high_tech_enterprises"));
        assert_eq!(divided_unit(income, area, Language::En), "bn yuan per km²");
        assert_eq!(divided_unit(income, area, Language::Zh), "十亿元/平方公里");
        // A count reads as what is counted, not as "per count".
        assert_eq!(divided_unit(income, firms, Language::En), "bn yuan per high-tech enterprise");
        assert_eq!(divided_unit(income, firms, Language::Zh), "十亿元/家");
        assert_eq!(divided_name(income, firms, Language::En), "Total income per high-tech enterprise");
        assert_eq!(divided_name(income, area, Language::Zh), "总收入与规划面积之比");
        assert_eq!(
            divided_name(income, firms, Language::Zh),
            "总收入与高新技术企业之比",
            "never \"单位高新技术企业总收入\""
        );
        // A unit in words without a `per_unit` may be plural: "per firms" would not be English.
        let mut counted = firms.clone();
        counted.per_unit = None;
        counted.unit.en = "firms".to_owned();
        assert_eq!(divided_unit(income, &counted, Language::En), "bn yuan ÷ firms");
        assert_eq!(divided_name(income, &counted, Language::En), "Total income ÷ firms");
        assert_eq!(divided_unit(income, &counted, Language::Zh), "十亿元/家");
    }

    #[test]
    fn a_metric_is_never_offered_as_its_own_divisor() {
        let dataset = small_dataset();
        let offered: Vec<&str> =
            dataset.divisors_of(&MetricId::new("planned_area")).iter().map(|m| m.id.as_str()).collect();
        assert_eq!(offered, ["high_tech_enterprises"]);
    }
}
