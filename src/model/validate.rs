//! The rules a parsed dataset must follow. Each broken rule becomes one [`Problem`] naming the
//! item's path, so a user can find it in the file.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::Hash;

use super::load::{Problem, message};
use super::{
    Dataset, DeclaredViews, Ground, Metric, MetricId, Milestone, Observation, Period, Qualifier, SourceId, Text, units,
};

/// Earliest year a figure or milestone may refer to.
const FIRST_YEAR: i32 = 1949;
/// Latest year a figure or milestone may refer to (targets included).
const LAST_YEAR: i32 = 2100;

/// No figure of a park reaches this size in any unit (the whole world's yearly output is under
/// 10¹⁵ yuan); a value this large is a slip, such as a unit or an exponent, and sums and axes
/// built on values near the largest number overflow.
const LARGEST_VALUE: f64 = 1e15;

/// "unknown source \"tecmia\"", with the dataset's nearest id when one is close enough to be
/// a slip of the keyboard ("did you mean \"tecmaia\"?"), or the nearest few when they are
/// equally near ("did you mean \"stat2020\" or \"stat2023\"?"). `kind` is the kind of id in
/// English and Chinese.
fn unknown_id<'a>(kind: (&str, &str), id: &str, known: impl Iterator<Item = &'a str>) -> Text {
    let (en, zh) = kind;
    let known: Vec<&str> = known.collect();
    let mut guess = did_you_mean(id, known.iter().copied());
    // Nothing near, but only a few to choose from (a city's five districts): all of them, so
    // the author need not go looking.
    if guess.en.is_empty() && (1..=MAX_LISTED_IDS).contains(&known.len()) {
        let quoted_en: Vec<String> = known.iter().map(|id| format!("\"{id}\"")).collect();
        let quoted_zh: Vec<String> = known.iter().map(|id| format!("“{id}”")).collect();
        guess = message(
            format!("; the dataset has {}", quoted_en.join(", ")),
            format!("；数据集中有{}", quoted_zh.join("、")),
        );
    }
    // The one near id given twice (a copy renamed, "bt2022b" to "bt2022"): pointing these
    // references at it would send them to the wrong one of the two.
    if let [near] = nearest_ids(id, known.iter().copied())[..]
        && known.iter().filter(|known| **known == near).count() > 1
    {
        guess = message(
            format!("; the id \"{near}\" is given twice: should one of the two be \"{id}\"?"),
            format!("；id“{near}”出现了两次：其中一个是否应为“{id}”？"),
        );
    }
    message(format!("unknown {en} \"{id}\"{}", guess.en), format!("未知的{zh}“{id}”{}", guess.zh))
}

/// The most ids of a kind an unknown id's message lists when none is a slip away.
const MAX_LISTED_IDS: usize = 8;

/// What follows a message about the unknown `id` when one of `known` is a slip away
/// ([`nearest_ids`]): "; did you mean \"tecmaia\"?"; empty when none is.
pub(super) fn did_you_mean<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Text {
    let near = nearest_ids(id, known);
    if near.is_empty() {
        return message("", "");
    }
    let quoted_en: Vec<String> = near.iter().map(|near| format!("\"{near}\"")).collect();
    let quoted_zh: Vec<String> = near.iter().map(|near| format!("“{near}”")).collect();
    message(format!("; did you mean {}?", quoted_en.join(" or ")), format!("；是否应为{}？", quoted_zh.join("或")))
}

/// The ids of `known` nearest to `id` in edits (a letter added, dropped, changed, or two
/// neighbours swapped), when that takes at most a third of `id`'s letters (at least one). Two
/// or three equally near ids are all given for an id of four letters or more ("stat202" is
/// one letter from "stat2020" and from "stat2023"); a shorter one ("s3" beside "s1" and "s2")
/// or more ties get no guess, as they would be chance.
pub(super) fn nearest_ids<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let most = (id.chars().count() / 3).max(1);
    let mut nearest: Vec<&str> = Vec::new();
    let mut least = most;
    for candidate in known {
        let distance = edit_distance(id, candidate);
        if distance < least || (distance == least && nearest.is_empty()) {
            nearest.clear();
        }
        if distance <= least && !nearest.contains(&candidate) {
            least = distance;
            nearest.push(candidate);
        }
    }
    let guesses = if id.chars().count() >= 4 { 3 } else { 1 };
    if nearest.len() > guesses {
        nearest.clear();
    }
    nearest
}

/// The edit distance between two strings, counted in characters: letters added, dropped or
/// changed, and two neighbours swapped ("hafne" for "hafen"), each one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // Three rows of the table: two back, the last, and the one being filled.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let changed = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + changed);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// Collects problems with the path of the item being checked.
struct Checker<'a> {
    dataset: &'a Dataset,
    source_ids: HashSet<&'a SourceId>,
    metrics: HashMap<&'a MetricId, &'a Metric>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// A checker of `dataset`, whose figures may also cite `extra_sources` (a table's).
    fn new(dataset: &'a Dataset, extra_sources: &'a [super::Source]) -> Self {
        Self {
            dataset,
            source_ids: dataset.sources.iter().chain(extra_sources).map(|s| &s.id).collect(),
            // Reversed, so that an id given twice (an error of its own) names its first metric,
            // not the second, whose fields would be blamed on the first.
            metrics: dataset.metrics.iter().rev().map(|m| (&m.id, m)).collect(),
            problems: Vec::new(),
        }
    }
}

impl Checker<'_> {
    fn report(&mut self, path: &str, message: Text) {
        self.problems.push(Problem::Invalid { path: path.to_owned(), message });
    }

    fn text(&mut self, path: &str, field: &str, text: &Text) {
        if text.en.trim().is_empty() {
            self.report(path, message(format!("{field}: the English text is empty"), format!("{field}：英文文字为空")));
        }
        if text.zh.trim().is_empty() {
            self.report(path, message(format!("{field}: the Chinese text is empty"), format!("{field}：中文文字为空")));
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.report(path, message("the id is empty", "id 为空"));
        }
    }

    fn source(&mut self, path: &str, id: &SourceId) {
        if !self.source_ids.contains(id) {
            let known = self.dataset.sources.iter().map(|s| s.id.as_str());
            self.report(path, unknown_id(("source", "来源"), id.as_str(), known));
        }
    }

    fn year(&mut self, path: &str, year: i32) {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            self.report(
                path,
                message(
                    format!("year {year} is outside {FIRST_YEAR}–{LAST_YEAR}"),
                    format!("年份 {year} 超出 {FIRST_YEAR}–{LAST_YEAR} 的范围"),
                ),
            );
        }
    }

    /// A park's or the zone's milestone: its year, month, words and source.
    fn milestone(&mut self, path: &str, milestone: &Milestone) {
        self.year(path, milestone.year);
        if milestone.month.is_some_and(|m| !(1..=12).contains(&m)) {
            self.report(path, message("the month must be 1–12", "月份须为 1–12"));
        }
        self.text(path, "event", &milestone.event);
        self.source(path, &milestone.source);
    }

    fn observation(&mut self, path: &str, obs: &Observation) {
        self.source(path, &obs.source);
        self.year(path, obs.year);
        if let Some(part) = &obs.part {
            self.text(path, "part", part);
        }
        if let Some(Period::JanTo(month)) = obs.period
            && !(1..=12).contains(&month)
        {
            self.report(
                path,
                message(format!("JanTo({month}): the month must be 1–12"), format!("JanTo({month})：月份须为 1–12")),
            );
        }
        let Some(metric) = self.metrics.get(&obs.metric).copied() else {
            let known = self.dataset.metrics.iter().map(|m| m.id.as_str());
            self.report(path, unknown_id(("metric", "指标"), obs.metric.as_str(), known));
            return;
        };
        if !obs.value.is_finite() {
            self.report(
                path,
                message(
                    format!("value {} is not a finite number", units::number_in_message(obs.value)),
                    format!("数值 {} 不是有限的数", units::number_in_message(obs.value)),
                ),
            );
        } else if obs.value.abs() >= LARGEST_VALUE {
            self.report(
                path,
                message(
                    format!(
                        "value {} is beyond ±10¹⁵, more than any figure of a park: check its unit",
                        units::number_in_message(obs.value)
                    ),
                    format!("数值 {} 超出 ±10¹⁵，大于任何园区的数字：请检查单位", units::number_in_message(obs.value)),
                ),
            );
        } else if obs.value < 0.0 && !metric.allows_negative {
            self.report(
                path,
                message(
                    format!(
                        "value {} is negative, which metric \"{}\" does not allow",
                        units::number_in_message(obs.value),
                        metric.id
                    ),
                    format!("数值 {} 为负，而指标“{}”不允许负值", units::number_in_message(obs.value), metric.id),
                ),
            );
        }
    }
}

/// What makes two figures the same figure: one that repeats all of these is listed twice and
/// would be counted twice. A figure differing in any of them (another source, value, period,
/// qualifier or part) is a figure of its own, and one that differs in value is shown as "stated
/// otherwise". The note is left out: it comments on the figure and does not make another one.
type FigureKey<'a> = (&'a MetricId, i32, Option<Period>, u64, Qualifier, &'a SourceId, Option<(&'a str, &'a str)>);

fn figure_key(obs: &Observation) -> FigureKey<'_> {
    // 0 and -0 are one value; NaN is reported on its own.
    let value = if obs.value == 0.0 { 0.0_f64 } else { obs.value };
    (
        &obs.metric,
        obs.year,
        obs.period,
        value.to_bits(),
        obs.qualifier,
        &obs.source,
        obs.part.as_ref().map(|part| (part.en.as_str(), part.zh.as_str())),
    )
}

impl Checker<'_> {
    /// Reports every figure of `observations` (under `owner_path`) that repeats an earlier one
    /// exactly.
    fn repeated_observations(&mut self, owner_path: &str, observations: &[Observation]) {
        let mut seen = HashMap::new();
        for (i, obs) in observations.iter().enumerate() {
            let first = *seen.entry(figure_key(obs)).or_insert(i);
            if first != i {
                self.report(
                    &format!("{owner_path} → observations[{i}]"),
                    message(
                        format!(
                            "the figure \"{}\" {} = {} from \"{}\" is listed twice, first as observations[{first}]",
                            obs.metric, obs.year, obs.value, obs.source
                        ),
                        format!(
                            "来源“{}”的数字“{}” {} = {} 列出了两次，第一次在 observations[{first}]",
                            obs.source, obs.metric, obs.year, obs.value
                        ),
                    ),
                );
            }
        }
    }
}

/// Reports every duplicate among `ids`, naming the collection and where the id came first: of
/// two items with one id, the user must find both to choose.
fn duplicates<'a, T: Eq + Hash + std::fmt::Display + 'a>(
    collection: &str,
    ids: impl Iterator<Item = &'a T>,
    problems: &mut Vec<Problem>,
) {
    let mut first_at = HashMap::new();
    for (i, id) in ids.enumerate() {
        let first = *first_at.entry(id).or_insert(i);
        if first != i {
            problems.push(Problem::Invalid {
                path: format!("{collection}[{i}] \"{id}\""),
                message: message(
                    // The item's place follows the message: "this one" is said last, beside it.
                    format!("duplicate id \"{id}\" ({collection}[{first}] has it first): give this one its own id"),
                    format!("id“{id}”重复（{collection}[{first}] 已使用）：请为此项另取一个 id"),
                ),
            });
        }
    }
}

/// The rules of a RON observation, for figures that come from elsewhere (a figure table), with
/// the dataset's lookups built once for all of a table's figures.
pub(super) struct ObservationRules<'a>(Checker<'a>);

impl<'a> ObservationRules<'a> {
    /// The rules for figures added to `dataset`, which may cite `extra_sources` (the sources
    /// the table adds).
    pub(super) fn new(dataset: &'a Dataset, extra_sources: &'a [super::Source]) -> Self {
        Self(Checker::new(dataset, extra_sources))
    }

    /// What is wrong with `obs`, reported at `path`.
    pub(super) fn check(&mut self, path: &str, obs: &Observation) -> Vec<Problem> {
        self.0.observation(path, obs);
        std::mem::take(&mut self.0.problems)
    }
}

/// Checks every rule and returns the broken ones in file order; empty when the dataset is valid.
pub(super) fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut checker = Checker::new(dataset, &[]);
    check_meta_and_lists(&mut checker);
    check_parks(&mut checker);
    if let Some(zone) = &dataset.zone {
        checker.text("zone", "name", &zone.name);
        for (i, obs) in zone.observations.iter().enumerate() {
            let path = format!("zone → observations[{i}]");
            checker.observation(&path, obs);
            // A part is of a park; the zone's figures cover the zone.
            if obs.part.is_some() {
                checker.report(
                    &path,
                    message(
                        "part: the zone's figures cover the whole zone; a part belongs to a park's figure",
                        "part：示范区的数字涵盖整个示范区；part 只用于园区的数字",
                    ),
                );
            }
        }
        checker.repeated_observations("zone", &zone.observations);
        for (i, milestone) in zone.milestones.iter().enumerate() {
            checker.milestone(&format!("zone → milestones[{i}]"), milestone);
        }
    }
    checker.problems
}

impl Dataset {
    /// Figures that say which side of their year's change of ground they cover (`ground`) in a
    /// year their park (or the zone) has no milestone with `boundary_change: true`: there is no
    /// change for it to be before or after (the views still rank it as
    /// [`Observation::shown_first_key`] says, as they rank any figure), and the milestone it was
    /// written for is most likely missing or of another year. Each with
    /// its path, in both languages; `check` prints them as warnings.
    pub fn ground_warnings(&self) -> Vec<(String, Text)> {
        let owners = self.parks.iter().enumerate().map(|(p, park)| {
            (format!("parks[{p}] \"{}\"", park.id), park.boundary_changes(), park.observations.as_slice())
        });
        let zone =
            self.zone.iter().map(|zone| ("zone".to_owned(), zone.boundary_changes(), zone.observations.as_slice()));
        let mut warnings = Vec::new();
        for (owner, changes, observations) in owners.chain(zone) {
            for (i, obs) in observations.iter().enumerate() {
                let Some(ground) = obs.ground else { continue };
                if changes.contains(&obs.year) {
                    continue;
                }
                let side = match ground {
                    Ground::BeforeChange => "BeforeChange",
                    Ground::AfterChange => "AfterChange",
                };
                let year = obs.year;
                warnings.push((
                    format!("{owner} → observations[{i}]"),
                    message(
                        format!(
                            "ground: {side} says which side of a change of ground the figure covers, but no milestone of \
                             {year} has boundary_change: true, so there is no change for it to be on a side of; add the \
                             change's milestone or drop ground"
                        ),
                        format!(
                            "ground: {side} 表示该数字属于边界变更的哪一侧，但 {year} 年没有 boundary_change: true 的里程碑，\
                             因此无所谓哪一侧；请补上该变更的里程碑，或删去 ground"
                        ),
                    ),
                ));
            }
        }
        warnings
    }
}

/// What is wrong with a `date`, if it is no day, month or year of the calendar: a source's year
/// labels it ("China Daily 2016") and orders its letters, and the dataset's own date is printed
/// on its slides and briefs. The dataset's sources, a figure table's and `meta.date` are checked
/// alike.
pub(super) fn calendar_date_problem(date: &str) -> Option<Text> {
    (!is_calendar_date(date)).then(|| {
        message(
            format!("date \"{date}\" is not a date: write it as 2020-03-10, 2020-03 or 2020"),
            format!("日期“{date}”不是有效日期：请写作 2020-03-10、2020-03 或 2020"),
        )
    })
}

/// Whether `date` is a day, a month or a year of the calendar, as a source's date is written:
/// `2020-03-10`, `2020-03` or `2020` (`2020-3-1` too, which read as its year before this was
/// checked).
fn is_calendar_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let days_in = |year: u32, month: u32| match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match parts.as_slice() {
        [year] => number(year, 4..=4).is_some(),
        [year, month] => number(year, 4..=4).is_some() && number(month, 1..=2).is_some_and(|m| (1..=12).contains(&m)),
        [year, month, day] => match (number(year, 4..=4), number(month, 1..=2), number(day, 1..=2)) {
            (Some(year), Some(month), Some(day)) => {
                (1..=12).contains(&month) && (1..=days_in(year, month)).contains(&day)
            }
            _ => false,
        },
        _ => false,
    }
}

fn check_meta_and_lists(checker: &mut Checker<'_>) {
    let dataset = checker.dataset;
    checker.text("meta", "title", &dataset.meta.title);
    // The dataset's date is printed on every slide's and brief's footer beside its version:
    // "01/03/2025" reads as January in one country and March in another.
    if let Some(problem) = calendar_date_problem(&dataset.meta.date) {
        checker.report("meta → date", problem);
    }
    let problems = &mut checker.problems;
    duplicates("sources", dataset.sources.iter().map(|s| &s.id), problems);
    duplicates("industries", dataset.industries.iter().map(|i| &i.id), problems);
    duplicates("districts", dataset.districts.iter().map(|d| &d.id), problems);
    duplicates("metrics", dataset.metrics.iter().map(|m| &m.id), problems);
    duplicates("parks", dataset.parks.iter().map(|p| &p.id), problems);

    for (i, source) in dataset.sources.iter().enumerate() {
        let path = format!("sources[{i}] \"{}\"", source.id);
        checker.id(&path, source.id.as_str());
        if source.title.trim().is_empty() {
            checker.report(&path, message("the title is empty", "标题为空"));
        }
        if source.publisher.trim().is_empty() {
            checker.report(&path, message("the publisher is empty", "发布者为空"));
        }
        if source.publisher_zh.as_ref().is_some_and(|name| name.trim().is_empty()) {
            checker.report(
                &path,
                message(
                    "publisher_zh is empty: give the Chinese name or leave the field out",
                    "publisher_zh 为空：请填写中文名称，或删去该字段",
                ),
            );
        }
        if let Some(problem) = source.date.as_deref().and_then(calendar_date_problem) {
            checker.report(&path, problem);
        }
        if let Some(url) = &source.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            checker.report(
                &path,
                message(
                    format!("URL \"{url}\" does not start with http:// or https://"),
                    format!("网址“{url}”不是以 http:// 或 https:// 开头"),
                ),
            );
        }
    }
    for (i, industry) in dataset.industries.iter().enumerate() {
        let path = format!("industries[{i}] \"{}\"", industry.id);
        checker.id(&path, industry.id.as_str());
        checker.text(&path, "name", &industry.name);
    }
    for (i, district) in dataset.districts.iter().enumerate() {
        let path = format!("districts[{i}] \"{}\"", district.id);
        checker.id(&path, district.id.as_str());
        checker.text(&path, "name", &district.name);
    }
    for (i, metric) in dataset.metrics.iter().enumerate() {
        let path = format!("metrics[{i}] \"{}\"", metric.id);
        checker.id(&path, metric.id.as_str());
        checker.text(&path, "name", &metric.name);
        checker.text(&path, "unit", &metric.unit);
        if let Some(per_unit) = &metric.per_unit {
            checker.text(&path, "per_unit", per_unit);
        }
        for (language, shown) in metric.shown.iter() {
            if shown.unit.trim().is_empty() {
                checker.report(
                    &path,
                    message(format!("shown.{language}.unit is empty"), format!("shown.{language}.unit 为空")),
                );
            }
            let factor = units::number_in_message(shown.factor);
            if !units::is_power_of_ten(shown.factor) {
                checker.report(
                    &path,
                    message(
                        format!("shown.{language}.factor {factor} is not a power of ten (10, 100, 0.1, …)"),
                        format!("shown.{language}.factor {factor} 不是 10 的整数次幂（10、100、0.1……）"),
                    ),
                );
            } else if !(1.0 / units::MAX_SHOWN_FACTOR..=units::MAX_SHOWN_FACTOR).contains(&shown.factor) {
                checker.report(
                    &path,
                    message(
                        format!(
                            "shown.{language}.factor {factor} is outside 1/10⁹ to 10⁹: a unit that much larger or \
                             smaller than the stored one writes numbers nobody can read"
                        ),
                        format!("shown.{language}.factor {factor} 超出 1/10⁹ 至 10⁹ 的范围：换算后的数字无法阅读"),
                    ),
                );
            }
        }
    }
    if let Some(views) = &dataset.meta.views {
        check_views(checker, views);
    }
}

/// Every metric `meta.views` names exists, and no divisor can be negative (a quotient by a
/// negative or zero figure means nothing) or is a share or ratio (a figure per per cent means
/// nothing either).
fn check_views(checker: &mut Checker<'_>, views: &DeclaredViews) {
    let lists = [("table", &views.table), ("divisors", &views.divisors)];
    for (field, ids) in lists {
        duplicates(&format!("meta → views → {field}"), ids.iter(), &mut checker.problems);
    }
    let named =
        lists.iter().flat_map(|(field, ids)| ids.iter().enumerate().map(move |(i, id)| (format!("{field}[{i}]"), id)));
    let single = [
        ("plot", &views.plot),
        ("scatter_x", &views.scatter_x),
        ("scatter_y", &views.scatter_y),
        ("scatter_size", &views.scatter_size),
        ("map_markers", &views.map_markers),
    ];
    let named: Vec<(String, &MetricId)> =
        named.chain(single.iter().filter_map(|(field, id)| id.as_ref().map(|id| ((*field).to_owned(), id)))).collect();
    for (field, id) in named {
        let path = format!("meta → views → {field}");
        match checker.metrics.get(id).copied() {
            None => {
                let known = checker.dataset.metrics.iter().map(|m| m.id.as_str());
                checker.report(&path, unknown_id(("metric", "指标"), id.as_str(), known));
            }
            Some(metric) if field.starts_with("divisors") && metric.allows_negative => {
                checker.report(
                    &path,
                    message(
                        format!("metric \"{id}\" allows negative values, so it cannot divide others"),
                        format!("指标“{id}”允许负值，不能作除数"),
                    ),
                );
            }
            Some(metric) if field.starts_with("divisors") && metric.is_ratio() => {
                checker.report(
                    &path,
                    message(
                        format!("metric \"{id}\" is a share or ratio, so it cannot divide others"),
                        format!("指标“{id}”是占比或比率，不能作除数"),
                    ),
                );
            }
            Some(_) => {}
        }
    }
}

fn check_parks(checker: &mut Checker<'_>) {
    let dataset = checker.dataset;
    let district_ids: BTreeSet<_> = dataset.districts.iter().map(|d| &d.id).collect();
    let industry_ids: BTreeSet<_> = dataset.industries.iter().map(|i| &i.id).collect();
    for (p, park) in dataset.parks.iter().enumerate() {
        let park_path = format!("parks[{p}] \"{}\"", park.id);
        checker.id(&park_path, park.id.as_str());
        checker.text(&park_path, "name", &park.name);
        if park.districts.is_empty() {
            checker.report(&park_path, message("the park has no district", "园区没有所属的区"));
        }
        let mut districts_seen = HashMap::new();
        for (i, district) in park.districts.iter().enumerate() {
            let path = format!("{park_path} → districts[{i}]");
            if !district_ids.contains(district) {
                let known = dataset.districts.iter().map(|d| d.id.as_str());
                checker.report(&path, unknown_id(("district", "区"), district.as_str(), known));
            }
            // A repeat would be counted twice by every filter and drawn twice in the table.
            let first = *districts_seen.entry(district).or_insert(i);
            if first != i {
                checker.report(
                    &path,
                    message(
                        format!("district \"{district}\" is listed twice, first as districts[{first}]"),
                        format!("区“{district}”列出了两次，第一次在 districts[{first}]"),
                    ),
                );
            }
        }
        let mut industries_seen = HashMap::new();
        for (i, link) in park.industries.iter().enumerate() {
            let path = format!("{park_path} → industries[{i}]");
            if !industry_ids.contains(&link.industry) {
                let known = dataset.industries.iter().map(|i| i.id.as_str());
                checker.report(&path, unknown_id(("industry", "产业"), link.industry.as_str(), known));
            }
            checker.source(&path, &link.source);
            // Whatever its roles, a park has an industry once: two entries would give it two
            // roles, and the filters and table could not say which one holds.
            let first = *industries_seen.entry(&link.industry).or_insert(i);
            if first != i {
                checker.report(
                    &path,
                    message(
                        format!(
                            "industry \"{}\" is listed twice, first as industries[{first}]: give it once, with one role",
                            link.industry
                        ),
                        format!(
                            "产业“{}”列出了两次，第一次在 industries[{first}]：只列一次，并只给一个角色",
                            link.industry
                        ),
                    ),
                );
            }
        }
        for (i, milestone) in park.milestones.iter().enumerate() {
            checker.milestone(&format!("{park_path} → milestones[{i}]"), milestone);
        }
        for (field, items) in [("sub_areas", &park.sub_areas), ("companies", &park.companies)] {
            for (i, item) in items.iter().enumerate() {
                let path = format!("{park_path} → {field}[{i}]");
                if item.name.en.trim().is_empty() && item.name.zh.trim().is_empty() {
                    checker.report(&path, message("the name is empty", "名称为空"));
                }
                checker.source(&path, &item.source);
            }
        }
        if let Some(location) = &park.location {
            let path = format!("{park_path} → location");
            let lon_ok = location.lon.is_finite() && (-180.0..=180.0).contains(&location.lon);
            let lat_ok = location.lat.is_finite() && (-90.0..=90.0).contains(&location.lat);
            if !lon_ok || !lat_ok {
                let (lon, lat) = (units::number_in_message(location.lon), units::number_in_message(location.lat));
                checker.report(
                    &path,
                    message(
                        format!("({lon}, {lat}) is not a longitude and latitude"),
                        format!("({lon}, {lat}) 不是有效的经纬度"),
                    ),
                );
            }
        }
        for (i, obs) in park.observations.iter().enumerate() {
            checker.observation(&format!("{park_path} → observations[{i}]"), obs);
        }
        checker.repeated_observations(&park_path, &park.observations);
    }
}
