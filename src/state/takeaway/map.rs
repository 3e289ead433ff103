//! The takeaway sentence of the map: which district leads on what colours the map, and how many
//! districts have none or no data, e.g. "Haidian has the most parks (3); 4 of 16 districts have
//! none." A sum of figures states its years (a span when they differ) and how its figures were
//! stated (a sum with a "more than" figure in it is itself "more than"). Ties are named, up to
//! three districts. Pure: [`MapData`](crate::state::map::MapData) computes it once per change.

use crate::format::format_value;
use crate::i18n::{figure_when, period_short};
use crate::model::{DisplayUnit, Language, Period, Qualifier};
use crate::state::takeaway::{figure_phrase, in_sentence};

/// What colours the map, as the sentence names it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapMeasure<'a> {
    /// How many parks lie in each district; `filtered` when some parks are filtered out, so
    /// that the counts are of the parks matching the filter (a district with none of those
    /// may have others).
    ParkCount { filtered: bool },
    /// The sum of a metric's latest figures over each district's parks.
    MetricSum {
        /// The metric's name, as the dataset writes it ("Planned area").
        name: &'a str,
        /// The unit the sentence writes it in ("km²"); empty for none.
        unit: &'a str,
        /// The unit's name after a sum of one, where the dataset gives it ("enterprise").
        singular: Option<&'a str>,
        /// What a sum is multiplied by to be written in `unit`.
        factor: f64,
        /// Whether the filter leaves some parks out: a district without a park to sum has
        /// none matching it, and may have others.
        filtered: bool,
    },
}

/// What stands behind a district's sum: the years of its figures and how they were stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SumBasis {
    /// The earliest year among the figures.
    pub first_year: i32,
    /// The latest year among the figures.
    pub last_year: i32,
    /// How the sum can be stated, given how each figure was (see [`SumBasis::and`]).
    pub qualifier: Qualifier,
    /// The sum's figures that cover only part of their year (or are running totals): the sum is
    /// then not a year's, and says so.
    pub part_year: PartYear,
}

/// How many of a sum's figures cover only part of their year, and which part when one does: a
/// room told "incl. part-year figures" of one half-year figure looks for others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PartYear {
    /// Every figure covers its whole year.
    #[default]
    Whole,
    /// One figure covers this part of its year.
    One(Period),
    /// Two or more figures do.
    Several,
}

impl PartYear {
    /// Whether any figure covers only part of its year.
    pub fn any(self) -> bool {
        self != Self::Whole
    }

    /// The part-year figures of two sums together.
    #[must_use]
    fn and(self, other: Self) -> Self {
        match (self, other) {
            (Self::Whole, either) | (either, Self::Whole) => either,
            _ => Self::Several,
        }
    }
}

impl SumBasis {
    /// The basis of one figure of `year`, covering `period` of it (the whole year when `None`).
    pub fn of(year: i32, period: Option<Period>, qualifier: Qualifier) -> Self {
        Self { first_year: year, last_year: year, qualifier, part_year: period.map_or(PartYear::Whole, PartYear::One) }
    }

    /// The basis of a sum of figures on this basis and on `other`: the years span both, and the
    /// qualifier is the weakest claim the sum still supports. Adding a "more than" figure to
    /// exact ones gives "more than"; "more than" and "less than" together, or anything
    /// approximate, give "about"; preliminary figures make the sum preliminary.
    #[must_use]
    pub fn and(self, other: Self) -> Self {
        use Qualifier::{Approximate, AtLeast, AtMost, Forecast, Preliminary, Reported, Target};
        let qualifier = match (self.qualifier, other.qualifier) {
            (a, b) if a == b => a,
            (Approximate, _) | (_, Approximate) | (AtLeast, AtMost) | (AtMost, AtLeast) => Approximate,
            (AtLeast, _) | (_, AtLeast) => AtLeast,
            (AtMost, _) | (_, AtMost) => AtMost,
            // Plans never reach the map (it sums the latest actual figures), but if they did,
            // the sum would be no more than a plan.
            (Target | Forecast, _) | (_, Target | Forecast) => Forecast,
            (Preliminary, Reported) | (Reported, Preliminary) => Preliminary,
            (Reported, Reported) | (Preliminary, Preliminary) => self.qualifier,
        };
        Self {
            first_year: self.first_year.min(other.first_year),
            last_year: self.last_year.max(other.last_year),
            qualifier,
            part_year: self.part_year.and(other.part_year),
        }
    }
}

/// One district as the sentence sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DistrictFigure<'a> {
    /// The district's name in the sentence's language.
    pub name: &'a str,
    /// Its value; `None` for no data, or for no park to sum (see `has_parks`).
    pub value: Option<f64>,
    /// For a sum: whether any park in scope counts in the district. One with none has no park
    /// to sum, which is not a lack of data. True for counts.
    pub has_parks: bool,
    /// What stands behind a sum; `None` for counts and for no data.
    pub basis: Option<SumBasis>,
}

/// Most tied districts named one by one; more are counted instead.
const MAX_NAMED: usize = 3;

/// The map's takeaway: one sentence about `districts` valued by `measure`. Empty when there are
/// no districts.
pub fn map_takeaway(measure: MapMeasure<'_>, districts: &[DistrictFigure<'_>], language: Language) -> String {
    if districts.is_empty() {
        return String::new();
    }
    let with_data: Vec<&DistrictFigure<'_>> = districts.iter().filter(|d| d.value.is_some()).collect();
    let highest = with_data.iter().filter_map(|d| d.value).fold(f64::NEG_INFINITY, f64::max);
    let top: Vec<&DistrictFigure<'_>> =
        with_data.iter().copied().filter(|d| d.value.is_some_and(|v| same(v, highest))).collect();
    let names: Vec<&str> = top.iter().map(|d| d.name).collect();
    let total = districts.len();
    match measure {
        MapMeasure::ParkCount { filtered } => {
            let none = districts.iter().filter(|d| d.value.is_none_or(|v| v <= 0.0)).count();
            park_count_sentence(&names, highest, (none, total), filtered, language)
        }
        MapMeasure::MetricSum { name, unit, singular, factor, filtered } => {
            let no_park = districts.iter().filter(|d| d.value.is_none() && !d.has_parks).count();
            let without = Without { no_data: total - with_data.len() - no_park, no_park, filtered };
            let Some(basis) = top.iter().filter_map(|d| d.basis).reduce(SumBasis::and) else {
                if no_park == total {
                    return park_count_sentence(&[], 0.0, (total, total), filtered, language);
                }
                return match language {
                    Language::En => {
                        format!("No district has data on {} for these parks.", in_sentence(name, Language::En))
                    }
                    Language::Zh => format!("没有区有{name}数据。"),
                };
            };
            let shown = highest * factor;
            // "1 enterprise", as a figure of one is written ([`DisplayUnit::name_after`]).
            let unit = DisplayUnit { name: unit.to_owned(), factor, singular: singular.map(str::to_owned) };
            let phrase = sum_phrase(shown, basis, unit.name_after(shown), language);
            let below_zero = with_data.iter().filter(|d| d.value.is_some_and(|v| v < 0.0)).count();
            metric_sentence(name, &names, &phrase, (without, total, below_zero), language)
        }
    }
}

/// How many districts a sum leaves without a value, and why: their parks have no figure
/// (`no_data`), or no park in scope counts in them (`no_park`, "none matching" when
/// `filtered`).
#[derive(Clone, Copy)]
struct Without {
    no_data: usize,
    no_park: usize,
    filtered: bool,
}

impl Without {
    /// The clause after the leaders: "3 of 16 districts have no data", "of 16 districts, 3
    /// have no data and 10 no park matching the filter"; `None` when every district has a sum.
    fn clause(self, total: usize, language: Language) -> Option<String> {
        let Self { no_data, no_park, filtered } = self;
        Some(match language {
            Language::En => {
                let no_park_words = if filtered { "no park matching the filter" } else { "no park" };
                let have = |n: usize| if n == 1 { "has" } else { "have" };
                match (no_data, no_park) {
                    (0, 0) => return None,
                    (n, 0) => format!("{n} of {total} districts {} no data", have(n)),
                    (0, n) => format!("{n} of {total} districts {} {no_park_words}", have(n)),
                    (d, n) => format!("of {total} districts, {d} {} no data and {n} {no_park_words}", have(d)),
                }
            }
            Language::Zh => {
                let no_park_words = if filtered { "没有符合条件的园区" } else { "没有园区" };
                match (no_data, no_park) {
                    (0, 0) => return None,
                    (n, 0) => format!("{total}个区中有{n}个无数据"),
                    (0, n) => format!("{total}个区中有{n}个{no_park_words}"),
                    (d, n) => format!("{total}个区中，{d}个无数据，{n}个{no_park_words}"),
                }
            }
        })
    }
}

/// "Haidian has the most parks (3); 4 of 16 districts have none.", of the parks matching the
/// filter where it leaves some out (`filtered`): "… the most matching parks (2); 11 of 16
/// districts have none matching", not a claim that those districts have no park.
fn park_count_sentence(
    top: &[&str],
    highest: f64,
    (none, total): (usize, usize),
    filtered: bool,
    language: Language,
) -> String {
    if highest < 0.5 {
        return match language {
            Language::En => "No district has a park matching the filter.".to_owned(),
            Language::Zh => "没有区有符合筛选条件的园区。".to_owned(),
        };
    }
    let count = format_value(highest);
    let parks = match (same(highest, 1.0), filtered) {
        (true, false) => "park",
        (false, false) => "parks",
        (true, true) => "matching park",
        (false, true) => "matching parks",
    };
    // "海淀区的园区", but "海淀区符合条件的园区": one 的 is enough.
    let (matching, parks_zh, of_zh) =
        if filtered { (" matching", "符合条件的园区", "") } else { ("", "园区", "的") };
    if top.len() == total {
        return match (language, top) {
            (Language::En, [only]) => format!("{only} has {count} {parks}."),
            (Language::En, _) => format!("Every district has {count} {parks}."),
            (Language::Zh, [only]) => format!("{only}有{count}个{parks_zh}。"),
            (Language::Zh, _) => format!("每个区都有{count}个{parks_zh}。"),
        };
    }
    match language {
        Language::En => {
            let most = if filtered { "matching parks" } else { "parks" };
            // One park at most: "the most parks (1 each)" read as a ranking of nothing.
            let one_at_most = same(highest, 1.0);
            let leaders = match top {
                [one] if one_at_most => format!("{one} has 1 {parks}"),
                _ if one_at_most && top.len() <= MAX_NAMED => format!("{} have 1 {parks} each", join(top, language)),
                _ if one_at_most => format!("{} districts have 1 {parks} each", top.len()),
                [one] => format!("{one} has the most {most} ({count})"),
                _ if top.len() <= MAX_NAMED => format!("{} have the most {most} ({count} each)", join(top, language)),
                _ => format!("{} districts share the most {most} ({count} each)", top.len()),
            };
            let rest = match none {
                0 => format!("every district has at least one{matching}"),
                1 => format!("1 of {total} districts has none{matching}"),
                _ => format!("{none} of {total} districts have none{matching}"),
            };
            format!("{leaders}; {rest}.")
        }
        Language::Zh => {
            let one_at_most = same(highest, 1.0);
            let leaders = match top {
                [one] if one_at_most => format!("{one}有1个{parks_zh}"),
                _ if one_at_most && top.len() <= MAX_NAMED => format!("{}各有1个{parks_zh}", join(top, language)),
                _ if one_at_most => format!("{}个区各有1个{parks_zh}", top.len()),
                [one] => format!("{one}{of_zh}{parks_zh}最多（{count}个）"),
                _ if top.len() <= MAX_NAMED => {
                    format!("{}{of_zh}{parks_zh}并列最多（各{count}个）", join(top, language))
                }
                _ => format!("{}个区{of_zh}{parks_zh}并列最多（各{count}个）", top.len()),
            };
            let rest = match none {
                0 => format!("每个区都至少有1个{parks_zh}"),
                _ => format!("{total}个区中有{none}个没有{parks_zh}"),
            };
            format!("{leaders}；{rest}。")
        }
    }
}

/// "Chaoyang has the highest sum of planned area: 26.1 km² (2012); 9 of 16 districts have no
/// data."
fn metric_sentence(
    metric: &str,
    top: &[&str],
    phrase: &str,
    (without, total, below_zero): (Without, usize, usize),
    language: Language,
) -> String {
    let with_data = total - without.no_data - without.no_park;
    // "Only … has data" where the others lack data; where they only lack parks, the sum of
    // the one district that has some is simply stated.
    let alone = with_data == 1 && without.no_data == 0;
    // The others' lack of data is what "only" says already.
    let only = with_data == 1 && !alone && without.no_park == 0;
    let rest = without.clause(total, language).filter(|_| !only);
    // Sums below zero (losses) said: "the highest" of losses is the smallest one.
    let notes: Vec<String> = rest.into_iter().chain(below_zero_clause(below_zero, with_data, language)).collect();
    let leaders = match language {
        Language::En => {
            let metric = in_sentence(metric, Language::En);
            match top {
                [one] if total == 1 || alone => format!("The sum of {metric} in {one} is {phrase}"),
                [one] if with_data == 1 => format!("Only {one} has data on {metric}: {phrase}"),
                [one] => format!("{one} has the highest sum of {metric}: {phrase}"),
                _ if top.len() <= MAX_NAMED => {
                    format!("{} have the highest sum of {metric}: {phrase} each", join(top, language))
                }
                _ => format!("{} districts share the highest sum of {metric}: {phrase} each", top.len()),
            }
        }
        Language::Zh => match top {
            [one] if total == 1 || alone => format!("{one}的{metric}合计为{phrase}"),
            [one] if with_data == 1 => format!("仅{one}有{metric}数据：{phrase}"),
            [one] => format!("{one}的{metric}合计最高：{phrase}"),
            _ if top.len() <= MAX_NAMED => format!("{}的{metric}合计并列最高，均为{phrase}", join(top, language)),
            _ => format!("{}个区的{metric}合计并列最高，均为{phrase}", top.len()),
        },
    };
    let (semicolon, full_stop) = match language {
        Language::En => ("; ", "."),
        Language::Zh => ("；", "。"),
    };
    std::iter::once(leaders).chain(notes).collect::<Vec<_>>().join(semicolon) + full_stop
}

/// The clause on sums when `below_zero` of the `with_data` districts' sums are below zero:
/// "2 districts' sums are below zero" / "2个区的合计低于零".
fn below_zero_clause(below_zero: usize, with_data: usize, language: Language) -> Option<String> {
    Some(match (below_zero, language) {
        (0, _) => return None,
        (n, Language::En) if n == with_data && n > 1 => "every sum is below zero".to_owned(),
        (1, Language::En) => "1 district's sum is below zero".to_owned(),
        (n, Language::En) => format!("{n} districts' sums are below zero"),
        (n, Language::Zh) if n == with_data && n > 1 => "各区合计均低于零".to_owned(),
        (n, Language::Zh) => format!("{n}个区的合计低于零"),
    })
}

/// A sum as the sentence states it: [`figure_phrase`] with the sum's qualifier and, when its
/// figures come from several years, the span of years where the phrase names one.
pub fn sum_phrase(value: f64, basis: SumBasis, unit: &str, language: Language) -> String {
    let (first, last) = (basis.first_year, basis.last_year);
    let years = if first == last {
        figure_when(language, last, None, None)
    } else {
        format!("{first}–{}", figure_when(language, last, None, None))
    };
    // A figure of part of a year in the sum: said with the years, as a bar says its own.
    let when = match (basis.part_year, language) {
        (PartYear::Whole, _) => years,
        (PartYear::One(Period::Cumulative), Language::En) => format!("{years}, incl. one cumulative figure"),
        (PartYear::One(Period::Cumulative), Language::Zh) => format!("{years}，含一项累计数据"),
        (PartYear::One(part), Language::En) => format!("{years}, incl. one {} figure", period_short(language, part)),
        (PartYear::One(part), Language::Zh) => format!("{years}，含一项{}数据", period_short(language, part)),
        (PartYear::Several, Language::En) => format!("{years}, incl. part-year figures"),
        (PartYear::Several, Language::Zh) => format!("{years}，含非全年数据"),
    };
    figure_phrase(value, basis.qualifier, unit, &when, language)
}

/// The most pinned parks named with their districts in the map's takeaway; more are counted.
const MOST_PINNED_NAMED: usize = 4;

/// Where the pinned parks lie, after the map's takeaway: a map set up to compare a few parks
/// otherwise says only how the districts compare. `parks`: each pinned park's name and its
/// districts' names, in the order pinned. `None` without a pinned park in a district.
pub fn pinned_places(parks: &[(&str, Vec<&str>)], language: Language) -> Option<String> {
    let parks: Vec<&(&str, Vec<&str>)> = parks.iter().filter(|(_, districts)| !districts.is_empty()).collect();
    if parks.len() > MOST_PINNED_NAMED {
        let mut districts: Vec<&str> = parks.iter().flat_map(|(_, districts)| districts.iter().copied()).collect();
        districts.sort_unstable();
        districts.dedup();
        let count = parks.len();
        return Some(match (districts.as_slice(), language) {
            ([one], Language::En) => format!("The {count} pinned parks all lie in {one}."),
            ([one], Language::Zh) => format!("{count}个已固定园区均位于{one}。"),
            (_, Language::En) => format!("The {count} pinned parks lie in {} districts.", districts.len()),
            (_, Language::Zh) => format!("{count}个已固定园区分布在{}个区。", districts.len()),
        });
    }
    let each: Vec<(&str, String)> = parks.iter().map(|(name, districts)| (*name, join(districts, language))).collect();
    match (each.as_slice(), language) {
        ([], _) => None,
        ([(name, districts)], Language::En) => Some(format!("The pinned park, {name}, lies in {districts}.")),
        ([(name, districts)], Language::Zh) => Some(format!("已固定的{name}位于{districts}。")),
        ([(first, districts), rest @ ..], Language::En) => {
            let rest: Vec<String> = rest.iter().map(|(name, districts)| format!("{name} in {districts}")).collect();
            let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
            Some(format!("Of the pinned parks, {first} lies in {districts}, {}.", join(&rest, language)))
        }
        (each, Language::Zh) => {
            let each: Vec<String> = each.iter().map(|(name, districts)| format!("{name}位于{districts}")).collect();
            Some(format!("已固定园区中，{}。", each.join("，")))
        }
    }
}

/// Names joined as a list: "A and B", "A, B and C"; "A和B", "A、B和C".
fn join(names: &[&str], language: Language) -> String {
    let (comma, and) = match language {
        Language::En => (", ", " and "),
        Language::Zh => ("、", "和"),
    };
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{}{and}{last}", init.join(comma)),
    }
}

/// Whether two values are equal for a tie: the same up to rounding error.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: MapMeasure<'static> =
        MapMeasure::MetricSum { name: "Planned area", unit: "km²", singular: None, factor: 1.0, filtered: false };
    const AREA_ZH: MapMeasure<'static> =
        MapMeasure::MetricSum {
            name: "规划面积", unit: "平方公里", singular: None, factor: 1.0, filtered: false
        };

    fn count(name: &str, value: f64) -> DistrictFigure<'_> {
        DistrictFigure { name, value: Some(value), basis: None, has_parks: true }
    }

    fn sum(name: &str, value: f64, basis: SumBasis) -> DistrictFigure<'_> {
        DistrictFigure { name, value: Some(value), basis: Some(basis), has_parks: true }
    }

    fn no_park(name: &str) -> DistrictFigure<'_> {
        DistrictFigure { name, value: None, basis: None, has_parks: false }
    }

    const UNFILTERED: MapMeasure<'static> = MapMeasure::ParkCount { filtered: false };

    fn no_data(name: &str) -> DistrictFigure<'_> {
        DistrictFigure { name, value: None, basis: None, has_parks: true }
    }

    #[test]
    fn park_counts_name_the_leader_and_the_districts_without_parks() {
        let districts = [count("Haidian", 3.0), count("Chaoyang", 1.0), count("Miyun", 0.0), count("Pinggu", 0.0)];
        assert_eq!(
            map_takeaway(UNFILTERED, &districts, Language::En),
            "Haidian has the most parks (3); 2 of 4 districts have none."
        );
        let zh = [count("海淀区", 3.0), count("朝阳区", 1.0), count("密云区", 0.0)];
        assert_eq!(map_takeaway(UNFILTERED, &zh, Language::Zh), "海淀区的园区最多（3个）；3个区中有1个没有园区。");
    }

    /// Counts of the parks a filter lets through say so: a district with none of them may have
    /// others, and "11 districts have no park" would be false.
    #[test]
    fn counts_of_filtered_parks_say_they_are_of_the_matching_ones() {
        let filtered = MapMeasure::ParkCount { filtered: true };
        let districts = [count("Haidian", 1.0), count("Chaoyang", 1.0), count("Miyun", 0.0)];
        assert_eq!(
            map_takeaway(filtered, &districts, Language::En),
            "Haidian and Chaoyang have 1 matching park each; 1 of 3 districts has none matching."
        );
        let zh = [count("海淀区", 2.0), count("朝阳区", 1.0), count("密云区", 0.0), count("平谷区", 0.0)];
        assert_eq!(
            map_takeaway(filtered, &zh, Language::Zh),
            "海淀区符合条件的园区最多（2个）；4个区中有2个没有符合条件的园区。"
        );
        let every = [count("A", 1.0), count("B", 1.0)];
        assert_eq!(map_takeaway(filtered, &every, Language::En), "Every district has 1 matching park.");
    }

    #[test]
    fn tied_leaders_are_named_up_to_three_then_counted() {
        let two = [count("Daxing", 2.0), count("Tongzhou", 2.0), count("Miyun", 1.0)];
        assert_eq!(
            map_takeaway(UNFILTERED, &two, Language::En),
            "Daxing and Tongzhou have the most parks (2 each); every district has at least one."
        );
        let two_zh = [count("大兴区", 2.0), count("通州区", 2.0), count("密云区", 1.0)];
        assert_eq!(
            map_takeaway(UNFILTERED, &two_zh, Language::Zh),
            "大兴区和通州区的园区并列最多（各2个）；每个区都至少有1个园区。"
        );
        let three = [count("A", 1.0), count("B", 1.0), count("C", 1.0), count("D", 0.0)];
        assert_eq!(
            map_takeaway(UNFILTERED, &three, Language::En),
            "A, B and C have 1 park each; 1 of 4 districts has none."
        );
        let four = [count("A", 1.0), count("B", 1.0), count("C", 1.0), count("D", 1.0), count("E", 0.0)];
        assert_eq!(
            map_takeaway(UNFILTERED, &four, Language::En),
            "4 districts have 1 park each; 1 of 5 districts has none."
        );
    }

    #[test]
    fn a_single_district_a_single_park_and_no_park_at_all() {
        assert_eq!(map_takeaway(UNFILTERED, &[count("Haidian", 1.0)], Language::En), "Haidian has 1 park.");
        assert_eq!(map_takeaway(UNFILTERED, &[count("海淀区", 1.0)], Language::Zh), "海淀区有1个园区。");
        let even = [count("A", 2.0), count("B", 2.0)];
        assert_eq!(map_takeaway(UNFILTERED, &even, Language::En), "Every district has 2 parks.");
        let one_park = [count("A", 1.0), count("B", 0.0), count("C", 0.0)];
        assert_eq!(map_takeaway(UNFILTERED, &one_park, Language::En), "A has 1 park; 2 of 3 districts have none.");
        let three_zh = [count("甲区", 1.0), count("乙区", 1.0), count("丙区", 1.0), count("丁区", 0.0)];
        assert_eq!(
            map_takeaway(UNFILTERED, &three_zh, Language::Zh),
            "甲区、乙区和丙区各有1个园区；4个区中有1个没有园区。"
        );
        let empty = [count("A", 0.0), count("B", 0.0)];
        assert_eq!(map_takeaway(UNFILTERED, &empty, Language::En), "No district has a park matching the filter.");
        assert_eq!(map_takeaway(UNFILTERED, &[], Language::En), "", "no districts, no sentence");
    }

    #[test]
    fn a_sum_states_its_year_and_the_districts_without_data() {
        let districts = [
            sum("Chaoyang", 26.1, SumBasis::of(2012, None, Qualifier::Reported)),
            sum("Fengtai", 17.63, SumBasis::of(2012, None, Qualifier::Reported)),
            no_data("Haidian"),
        ];
        assert_eq!(
            map_takeaway(AREA, &districts, Language::En),
            "Chaoyang has the highest sum of planned area: 26.1 km² (2012); 1 of 3 districts has no data."
        );
        let zh = [
            sum("朝阳区", 26.1, SumBasis::of(2012, None, Qualifier::Reported)),
            sum("丰台区", 17.63, SumBasis::of(2012, None, Qualifier::Reported)),
            no_data("海淀区"),
            no_data("西城区"),
        ];
        assert_eq!(
            map_takeaway(AREA_ZH, &zh, Language::Zh),
            "朝阳区的规划面积合计最高：26.1平方公里（2012年）；4个区中有2个无数据。"
        );
        // A sum stored in 十亿元 is written in the unit the measure names, 亿元.
        let income =
            MapMeasure::MetricSum { name: "总收入", unit: "亿元", singular: None, factor: 10.0, filtered: false };
        let sums = [
            sum("海淀区", 1240.0, SumBasis::of(2013, None, Qualifier::Reported)),
            sum("朝阳区", 630.0, SumBasis::of(2018, None, Qualifier::Reported)),
            no_data("密云区"),
        ];
        assert_eq!(
            map_takeaway(income, &sums, Language::Zh),
            "海淀区的总收入合计最高：12,400亿元（2013年）；3个区中有1个无数据。"
        );
    }

    /// A district with no park to sum (none passing the filter) has no park, not no data: "Only
    /// Fengtai has data" read as if the others' parks had no figures.
    #[test]
    fn a_sum_tells_districts_without_a_park_from_districts_without_data() {
        let filtered =
            MapMeasure::MetricSum { name: "Planned area", unit: "km²", singular: None, factor: 1.0, filtered: true };
        let area = |value| sum("Chaoyang", value, SumBasis::of(2012, None, Qualifier::Reported));
        assert_eq!(
            map_takeaway(filtered, &[area(26.1), no_park("Haidian"), no_park("Miyun")], Language::En),
            "The sum of planned area in Chaoyang is 26.1 km² (2012); 2 of 3 districts have no park matching the filter."
        );
        assert_eq!(
            map_takeaway(filtered, &[area(26.1), no_data("Haidian"), no_park("Miyun")], Language::En),
            "Only Chaoyang has data on planned area: 26.1 km² (2012); of 3 districts, 1 has no data and 1 no park \
             matching the filter."
        );
        let zh =
            MapMeasure::MetricSum {
                name: "规划面积", unit: "平方公里", singular: None, factor: 1.0, filtered: true
            };
        let zh_area = sum("朝阳区", 26.1, SumBasis::of(2012, None, Qualifier::Reported));
        assert_eq!(
            map_takeaway(zh, &[zh_area, no_park("海淀区"), no_park("密云区")], Language::Zh),
            "朝阳区的规划面积合计为26.1平方公里（2012年）；3个区中有2个没有符合条件的园区。"
        );
        assert_eq!(
            map_takeaway(filtered, &[no_park("Haidian"), no_park("Miyun")], Language::En),
            "No district has a park matching the filter."
        );
        // Without a filter, a district no park lies in has none.
        assert_eq!(
            map_takeaway(
                AREA,
                &[area(26.1), sum("Haidian", 10.0, SumBasis::of(2012, None, Qualifier::Reported)), no_park("Miyun")],
                Language::En
            ),
            "Chaoyang has the highest sum of planned area: 26.1 km² (2012); 1 of 3 districts has no park."
        );
    }

    /// Sums below zero are said: "the highest" of losses is the smallest loss.
    #[test]
    fn sums_below_zero_are_said() {
        let metric = MapMeasure::MetricSum {
            name: "Total profit",
            unit: "bn yuan",
            singular: None,
            factor: 1.0,
            filtered: false,
        };
        let basis = SumBasis::of(2024, None, Qualifier::Reported);
        let mixed = [sum("Haidian", 630.0, basis), sum("Dongcheng", -2.5, basis), sum("Xicheng", 0.0, basis)];
        assert_eq!(
            map_takeaway(metric, &mixed, Language::En),
            "Haidian has the highest sum of total profit: 630 bn yuan (2024); 1 district's sum is below zero."
        );
        let losses = [sum("Xicheng", -0.05, basis), sum("Dongcheng", -2.5, basis), no_park("Miyun")];
        assert_eq!(
            map_takeaway(metric, &losses, Language::En),
            "Xicheng has the highest sum of total profit: -0.05 bn yuan (2024); 1 of 3 districts has no park; \
             every sum is below zero."
        );
        let metric_zh =
            MapMeasure::MetricSum {
                name: "利润总额", unit: "亿元", singular: None, factor: 10.0, filtered: false
            };
        assert_eq!(
            map_takeaway(metric_zh, &losses, Language::Zh),
            "Xicheng的利润总额合计最高：-0.5亿元（2024年）；3个区中有1个没有园区；各区合计均低于零。"
        );
        assert!(map_takeaway(metric_zh, &mixed, Language::Zh).ends_with("；1个区的合计低于零。"));
    }

    /// One part-year figure in a sum is named with its part of the year; two are counted.
    #[test]
    fn a_sum_says_which_part_of_a_year_its_one_part_year_figure_covers() {
        let whole = SumBasis::of(2018, None, Qualifier::Reported);
        let half = whole.and(SumBasis::of(2018, Some(Period::H1), Qualifier::Reported));
        assert_eq!(sum_phrase(630.0, half, "bn yuan", Language::En), "630 bn yuan (2018, incl. one H1 figure)");
        assert_eq!(sum_phrase(630.0, half, "亿元", Language::Zh), "630亿元（2018年，含一项上半年数据）");
        let to_november = SumBasis::of(2017, Some(Period::JanTo(11)), Qualifier::Reported).and(whole);
        assert_eq!(sum_phrase(630.0, to_november, "亿元", Language::Zh), "630亿元（2017–2018年，含一项1–11月数据）");
        let running = SumBasis::of(2018, Some(Period::Cumulative), Qualifier::Reported);
        assert_eq!(sum_phrase(12.0, running, "", Language::En), "12 (2018, incl. one cumulative figure)");
        let two = half.and(running);
        assert_eq!(two.part_year, PartYear::Several);
        assert_eq!(sum_phrase(630.0, two, "bn yuan", Language::En), "630 bn yuan (2018, incl. part-year figures)");
        assert!(!whole.and(whole).part_year.any());
    }

    #[test]
    fn a_sum_over_mixed_years_and_qualifiers_says_so() {
        let mixed = SumBasis::of(2012, None, Qualifier::Reported).and(SumBasis::of(2018, None, Qualifier::AtLeast));
        assert_eq!(
            mixed,
            SumBasis { first_year: 2012, last_year: 2018, qualifier: Qualifier::AtLeast, part_year: PartYear::Whole }
        );
        let districts =
            [sum("Daxing", 1832.0, mixed), sum("Miyun", 10.0, SumBasis::of(2019, None, Qualifier::Reported))];
        let metric = MapMeasure::MetricSum {
            name: "High-tech enterprises",
            unit: "count",
            singular: None,
            factor: 1.0,
            filtered: false,
        };
        assert_eq!(
            map_takeaway(metric, &districts, Language::En),
            "Daxing has the highest sum of high-tech enterprises: more than 1,832 count (2012–2018)."
        );
        let metric_zh =
            MapMeasure::MetricSum {
                name: "高新技术企业", unit: "家", singular: None, factor: 1.0, filtered: false
            };
        let zh = [sum("大兴区", 1832.0, mixed), sum("密云区", 10.0, SumBasis::of(2019, None, Qualifier::Reported))];
        assert_eq!(
            map_takeaway(metric_zh, &zh, Language::Zh),
            "大兴区的高新技术企业合计最高：超过1,832家（2012–2018年）。"
        );
        // A sum of one takes the unit's singular, where the dataset gives it.
        let one = [sum("Miyun", 1.0, SumBasis::of(2019, None, Qualifier::Reported))];
        let firms = |singular| MapMeasure::MetricSum {
            name: "High-tech enterprises",
            unit: "enterprises",
            singular,
            factor: 1.0,
            filtered: false,
        };
        assert_eq!(
            map_takeaway(firms(Some("enterprise")), &one, Language::En),
            "The sum of high-tech enterprises in Miyun is 1 enterprise (2019)."
        );
        assert!(map_takeaway(firms(None), &one, Language::En).contains(" 1 enterprises (2019)"), "none given");
        // How qualifiers combine in a sum.
        let q = |a, b| SumBasis::of(2020, None, a).and(SumBasis::of(2020, None, b)).qualifier;
        assert_eq!(q(Qualifier::Reported, Qualifier::Preliminary), Qualifier::Preliminary);
        assert_eq!(q(Qualifier::AtLeast, Qualifier::AtMost), Qualifier::Approximate);
        assert_eq!(q(Qualifier::Approximate, Qualifier::AtLeast), Qualifier::Approximate);
        assert_eq!(q(Qualifier::AtMost, Qualifier::Preliminary), Qualifier::AtMost);
        assert_eq!(q(Qualifier::Reported, Qualifier::Reported), Qualifier::Reported);
    }

    #[test]
    fn ties_one_district_with_data_and_none_with_data() {
        let basis = SumBasis::of(2015, None, Qualifier::Approximate);
        let tie = [sum("Daxing", 20.0, basis), sum("Tongzhou", 20.0, SumBasis::of(2016, None, Qualifier::Reported))];
        assert_eq!(
            map_takeaway(AREA, &tie, Language::En),
            "Daxing and Tongzhou have the highest sum of planned area: about 20 km² (2015–2016) each."
        );
        let only = [
            sum("Chaoyang", 26.1, SumBasis::of(2012, None, Qualifier::Reported)),
            no_data("Haidian"),
            no_data("Miyun"),
        ];
        assert_eq!(map_takeaway(AREA, &only, Language::En), "Only Chaoyang has data on planned area: 26.1 km² (2012).");
        let only_zh = [sum("朝阳区", 26.1, SumBasis::of(2012, None, Qualifier::Reported)), no_data("海淀区")];
        assert_eq!(map_takeaway(AREA_ZH, &only_zh, Language::Zh), "仅朝阳区有规划面积数据：26.1平方公里（2012年）。");
        let single = [sum("Chaoyang", 26.1, SumBasis::of(2012, None, Qualifier::Preliminary))];
        assert_eq!(
            map_takeaway(AREA, &single, Language::En),
            "The sum of planned area in Chaoyang is 26.1 km² (2012, preliminary)."
        );
        let nothing = [no_data("Haidian"), no_data("Miyun")];
        assert_eq!(map_takeaway(AREA, &nothing, Language::En), "No district has data on planned area for these parks.");
        assert_eq!(map_takeaway(AREA_ZH, &nothing, Language::Zh), "没有区有规划面积数据。");
    }

    #[test]
    fn the_pinned_parks_are_placed_in_their_districts_and_counted_when_many() {
        let one = [("Alpha Park", vec!["East"])];
        assert_eq!(pinned_places(&one, Language::En).as_deref(), Some("The pinned park, Alpha Park, lies in East."));
        assert_eq!(pinned_places(&one, Language::Zh).as_deref(), Some("已固定的Alpha Park位于East。"));
        let two = [("Alpha Park", vec!["East"]), ("Beta Park", vec!["West", "East"]), ("Nowhere Park", vec![])];
        assert_eq!(
            pinned_places(&two, Language::En).as_deref(),
            Some("Of the pinned parks, Alpha Park lies in East, Beta Park in West and East.")
        );
        assert_eq!(
            pinned_places(&[("甲园", vec!["东区"]), ("乙园", vec!["西区", "东区"])], Language::Zh).as_deref(),
            Some("已固定园区中，甲园位于东区，乙园位于西区和东区。")
        );
        let many: Vec<(&str, Vec<&str>)> =
            ["A", "B", "C", "D", "E"].iter().map(|name| (*name, vec!["East", *name])).collect();
        assert_eq!(pinned_places(&many, Language::En).as_deref(), Some("The 5 pinned parks lie in 6 districts."));
        let together: Vec<(&str, Vec<&str>)> =
            ["A", "B", "C", "D", "E"].iter().map(|name| (*name, vec!["East"])).collect();
        assert_eq!(pinned_places(&together, Language::En).as_deref(), Some("The 5 pinned parks all lie in East."));
        assert_eq!(pinned_places(&together, Language::Zh).as_deref(), Some("5个已固定园区均位于East。"));
        assert_eq!(pinned_places(&[], Language::En), None);
        assert_eq!(pinned_places(&[("Nowhere Park", vec![])], Language::En), None, "no district, nothing to say");
    }

    #[test]
    fn metric_names_lose_only_a_sentence_capital() {
        assert_eq!(in_sentence("Planned area", Language::En), "planned area");
        assert_eq!(in_sentence("GDP", Language::En), "GDP");
        assert_eq!(in_sentence("规划面积", Language::En), "规划面积");
    }
}
