//! The units figures are written in. A dataset stores each metric's figures in one unit; a
//! language may write them in another unit a power of ten away, as Chinese counts money in 亿
//! (hundred millions) where English counts in billions: 1,240 bn yuan reads 12,400 亿元. Only
//! what is shown changes; the file, exports and comparisons keep the stored unit.

use serde::Deserialize;

use super::views::per;
use super::{Dataset, Language, Metric, MetricId};

/// The unit one language writes a metric's figures in, instead of the stored one.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShownUnit {
    /// The unit's name in that language: "亿元".
    pub unit: String,
    /// What a stored figure is multiplied by to be written in this unit: a power of ten, so a
    /// chart's round steps stay round (10 for 十亿元 → 亿元).
    pub factor: f64,
}

/// For each language, the unit it writes a metric's figures in when not the stored one.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShownUnits {
    /// English, when not the stored unit.
    #[serde(default)]
    pub en: Option<ShownUnit>,
    /// Chinese, when not the stored unit.
    #[serde(default)]
    pub zh: Option<ShownUnit>,
}

impl ShownUnits {
    /// The unit `language` writes in, if not the stored one.
    pub fn get(&self, language: Language) -> Option<&ShownUnit> {
        match language {
            Language::En => self.en.as_ref(),
            Language::Zh => self.zh.as_ref(),
        }
    }

    /// Each unit given, with its language's field name ("en", "zh"), as validation and the
    /// dataset's texts name them.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &ShownUnit)> {
        [("en", self.en.as_ref()), ("zh", self.zh.as_ref())]
            .into_iter()
            .filter_map(|(field, shown)| Some((field, shown?)))
    }
}

/// How values are written on screen in one language: in which unit, and the factor that turns
/// a stored value into one in that unit.
#[derive(Clone, Debug, PartialEq)]
pub struct DisplayUnit {
    /// The unit's name: "亿元", "bn yuan per km²".
    pub name: String,
    /// What a stored value is multiplied by to be written in this unit.
    pub factor: f64,
    /// The unit's name after a value of one, where the dataset gives it: a count's `per_unit`
    /// ("firm" beside "firms"), so a slide does not read "1 firms".
    pub singular: Option<String>,
}

impl Default for DisplayUnit {
    /// No unit, values as stored: for a metric the dataset lacks.
    fn default() -> Self {
        Self { name: String::new(), factor: 1.0, singular: None }
    }
}

impl DisplayUnit {
    /// `stored`, a value in the stored unit, in this unit.
    pub fn value(&self, stored: f64) -> f64 {
        stored * self.factor
    }

    /// `shown`, a value in this unit (one the user typed), in the stored unit.
    pub fn stored(&self, shown: f64) -> f64 {
        shown / self.factor
    }

    /// The unit's name after `shown`, a value in this unit: "1 firm", "2 firms".
    pub fn name_after(&self, shown: f64) -> &str {
        match &self.singular {
            Some(singular) if is_one(shown) => singular,
            _ => &self.name,
        }
    }
}

/// Whether `value` is one (or minus one), which English follows with a singular.
fn is_one(value: f64) -> bool {
    (value.abs() - 1.0).abs() < f64::EPSILON
}

impl Metric {
    /// The unit this metric's figures are written in, in `language`: the one the dataset gives
    /// that language (`shown`), else the stored unit.
    pub fn display_unit(&self, language: Language) -> DisplayUnit {
        DisplayUnit {
            name: self.display_unit_name(language).to_owned(),
            factor: self.display_factor(language),
            singular: self.singular_unit(language),
        }
    }

    /// The name of the unit after a value of one, in `language`, when it is written in the
    /// stored unit and the dataset says how one unit reads: the unit with its last word as
    /// `per_unit` ends ("enterprises" after one is "enterprise", as `per_unit` "high-tech
    /// enterprise" says). Only a plural the dataset's own singular accounts for is changed:
    /// "persons" beside "employee", or a unit of another language's choosing, is kept.
    fn singular_unit(&self, language: Language) -> Option<String> {
        if self.shown.get(language).is_some() {
            return None;
        }
        let unit = self.unit.get(language);
        let one = self.per_unit.as_ref()?.get(language).split_whitespace().last()?;
        let (before, plural) = unit.rsplit_once(' ').unwrap_or(("", unit));
        let regular = plural.strip_prefix(one).is_some_and(|ending| ending == "s" || ending == "es");
        let in_ies = one.strip_suffix('y').and_then(|stem| plural.strip_prefix(stem)) == Some("ies");
        (regular || in_ies).then(|| if before.is_empty() { one.to_owned() } else { format!("{before} {one}") })
    }

    /// The name of the unit this metric's figures are written in, in `language` (see
    /// [`Metric::display_unit`]).
    pub fn display_unit_name(&self, language: Language) -> &str {
        self.shown.get(language).map_or_else(|| self.unit.get(language), |shown| shown.unit.as_str())
    }

    /// What a stored figure of this metric is multiplied by to be written in `language`'s unit
    /// (see [`Metric::display_unit`]); 1 when that is the stored unit.
    pub fn display_factor(&self, language: Language) -> f64 {
        self.shown.get(language).map_or(1.0, |shown| shown.factor)
    }

    /// How one unit reads after "per" (English) or "/" (Chinese) when this metric divides
    /// another, as the divided values are written: the language's own unit when the dataset
    /// gives one, else `per_unit`, else the stored unit.
    pub(super) fn display_per_unit(&self, language: Language) -> &str {
        match self.shown.get(language) {
            Some(shown) => &shown.unit,
            None => self.per_unit(language),
        }
    }
}

impl Dataset {
    /// The unit the figures of metric `id` are written in, in `language`; no unit for a metric
    /// the dataset lacks.
    pub fn display_unit(&self, id: &MetricId, language: Language) -> DisplayUnit {
        self.metric(id).map(|metric| metric.display_unit(language)).unwrap_or_default()
    }
}

/// The unit `numerator` divided by `divisor` is written in, in `language`: "bn yuan per km²",
/// "亿元/平方公里", and the factor from stored quotients to written ones.
pub fn divided_display_unit(numerator: &Metric, divisor: &Metric, language: Language) -> DisplayUnit {
    let (top, bottom) = (numerator.display_unit(language), divisor.display_unit(language));
    let per_unit = divisor.display_per_unit(language);
    let name = per(&top.name, per_unit, divisor.reads_after_per(per_unit), language);
    DisplayUnit { name, factor: top.factor / bottom.factor, singular: None }
}

/// Whether `factor` is a power of ten (0.001, 1, 10, 10,000), as a shown unit's must be.
pub fn is_power_of_ten(factor: f64) -> bool {
    if !factor.is_finite() || factor <= 0.0 {
        return false;
    }
    let exponent = factor.log10();
    (exponent - exponent.round()).abs() < 1e-9
}

/// The largest factor a shown unit may have, and one over it the smallest: 亿 over 十亿 is 10,
/// a thousand or a million are usual; a unit 10³⁰⁰ times another writes 300-digit numbers.
pub const MAX_SHOWN_FACTOR: f64 = 1e9;

/// A number as a message quotes it: as written for ordinary sizes, in scientific notation
/// ("1e308") where its digits would fill lines.
pub fn number_in_message(value: f64) -> String {
    if value.is_finite() && (value.abs() >= 1e15 || (value != 0.0 && value.abs() < 1e-9)) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::model::{MetricId, Text};

    /// The fixture's metric `id`, with `zh` as the unit Chinese writes it in.
    fn metric_shown_in_chinese(id: &str, zh: Option<(&str, f64)>) -> Metric {
        let mut metric = small_dataset().metric(&MetricId::new(id)).expect("fixture metric").clone();
        metric.shown.zh = zh.map(|(unit, factor)| ShownUnit { unit: unit.to_owned(), factor });
        metric
    }

    #[test]
    fn a_language_with_a_unit_of_its_own_writes_the_figures_scaled_in_it() {
        let income = metric_shown_in_chinese("total_income", Some(("亿元", 10.0)));
        let zh = income.display_unit(Language::Zh);
        assert_eq!((zh.name.as_str(), zh.value(1240.0)), ("亿元", 12_400.0));
        assert!((zh.stored(6300.0) - 630.0).abs() < 1e-9, "a bound typed in 亿元 back in the stored unit");
        let en = income.display_unit(Language::En);
        assert_eq!((en.name.as_str(), en.value(1240.0)), ("bn yuan", 1240.0), "English keeps the stored unit");
        let stored = metric_shown_in_chinese("total_income", None).display_unit(Language::Zh);
        assert_eq!((stored.name.as_str(), stored.factor), ("十亿元", 1.0));
    }

    #[test]
    fn a_quotient_is_written_in_both_metrics_shown_units() {
        let income = metric_shown_in_chinese("total_income", Some(("亿元", 10.0)));
        let area = metric_shown_in_chinese("planned_area", Some(("公顷", 100.0)));
        let zh = divided_display_unit(&income, &area, Language::Zh);
        assert_eq!(zh.name, "亿元/公顷");
        assert!((zh.value(5.0) - 0.5).abs() < 1e-12, "5 bn yuan per km² is 0.5 亿元 per hectare");
        let en = divided_display_unit(&income, &area, Language::En);
        assert_eq!((en.name.as_str(), en.factor), ("bn yuan per km²", 1.0));
        // A count without a unit of its own reads as what is counted.
        let firms = metric_shown_in_chinese("high_tech_enterprises", None);
        assert_eq!(divided_display_unit(&income, &firms, Language::Zh).name, "亿元/家");
        assert_eq!(divided_display_unit(&income, &firms, Language::En).name, "bn yuan per high-tech enterprise");
    }

    /// The fixture's count, its unit `unit` and one unit reading `per_unit`, in English.
    fn count_in(unit: &str, per_unit: Option<&str>) -> Metric {
        let mut metric = metric_shown_in_chinese("high_tech_enterprises", None);
        metric.unit = Text { en: unit.to_owned(), zh: "家".to_owned() };
        metric.per_unit = per_unit.map(|one| Text { en: one.to_owned(), zh: "家".to_owned() });
        metric
    }

    #[test]
    fn a_count_of_one_takes_the_singular_the_dataset_gives() {
        let enterprises = count_in("enterprises", Some("high-tech enterprise")).display_unit(Language::En);
        assert_eq!(enterprises.name_after(1.0), "enterprise");
        assert_eq!(enterprises.name_after(-1.0), "enterprise");
        assert_eq!(enterprises.name_after(2.0), "enterprises");
        assert_eq!(enterprises.name_after(0.0), "enterprises");
        assert_eq!(
            count_in("listed companies", Some("company")).display_unit(Language::En).name_after(1.0),
            "listed company"
        );
        assert_eq!(count_in("boxes", Some("box")).display_unit(Language::En).name_after(1.0), "box");
        // Only a plural of the dataset's own singular changes; Chinese has none.
        assert_eq!(count_in("persons", Some("employee")).display_unit(Language::En).name_after(1.0), "persons");
        assert_eq!(count_in("firms", None).display_unit(Language::En).name_after(1.0), "firms");
        assert_eq!(count_in("enterprises", Some("enterprise")).display_unit(Language::Zh).name_after(1.0), "家");
        // A unit a language writes in of its own is kept too.
        let income = metric_shown_in_chinese("total_income", Some(("亿元", 10.0)));
        assert_eq!(income.display_unit(Language::Zh).name_after(1.0), "亿元");
    }

    #[test]
    fn only_powers_of_ten_are_accepted_as_factors() {
        for factor in [1.0, 10.0, 10_000.0, 0.1, 0.001] {
            assert!(is_power_of_ten(factor), "{factor}");
        }
        for factor in [0.0, -10.0, 2.0, 6.45, 50.0, f64::NAN, f64::INFINITY] {
            assert!(!is_power_of_ten(factor), "{factor}");
        }
    }
}
