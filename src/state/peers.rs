//! The peers of a park: the parks most like it, each with the reasons in words (issue #18).
//!
//! Two parks are alike when they name the same industries in the same roles and, where both
//! have them, when their headline figures of the same year are of the same size. Everything is
//! read from the dataset (its industries, roles and the metrics its table shows); no id is known
//! here, so any dataset in the format gets its peers. Pure functions, no egui: the profile and
//! any report call [`peers_of`] and render the reasons with [`Peer::describe`].
//!
//! How the similarity is computed is told in `docs/peers.md`.

use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::clause_separator;
use crate::model::{Dataset, IndustryId, Language, Metric, MetricId, Park, ParkId, Qualifier, Role};
use crate::state::takeaway::{in_sentence, join_names};

/// The share of the industry portfolio in the similarity of a park that names industries; the
/// size figures make up the rest.
pub const INDUSTRY_SHARE: f64 = 0.8;

/// Two figures within this factor of each other (it included) are "similar"; further apart, the ratio is
/// told as a difference. A quarter: "similar" for 60 against 96.5, as a factor of two allowed,
/// is not what a reader takes the word to mean.
pub const SIMILAR_RATIO: f64 = 1.25;

/// At most this many industries are named in one reason; the rest are counted ("and 2 more").
pub const MAX_NAMED: usize = 3;

/// How many peers the profile lists: with the park itself, they fit within
/// [`MAX_PINS`](super::MAX_PINS), so "Compare with peers" pins every one.
pub const PROFILE_PEERS: usize = 5;

const _: () = assert!(PROFILE_PEERS < super::MAX_PINS, "the park and its peers must fit in the pins");

/// How much an industry weighs in a park's portfolio, by its role: leading 4, key and pillar 3,
/// focus 2, supporting and emerging 1.
pub fn role_weight(role: Role) -> f64 {
    match role {
        Role::Leading => 4.0,
        Role::Key | Role::Pillar => 3.0,
        Role::Focus => 2.0,
        Role::Supporting | Role::Emerging => 1.0,
    }
}

/// A figure of one metric of both parks in the same year.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeComparison {
    /// The metric compared.
    pub metric: MetricId,
    /// The latest year for which both parks have an actual whole-year figure of it.
    pub year: i32,
    /// The peer's figure divided by the park's.
    pub ratio: f64,
    /// The park the peer is compared with, named in the text ("31% of Alpha Park's").
    pub park: ParkId,
}

/// One reason why two parks are alike or differ, or a caveat about what could be compared.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Both parks name these industries in this role.
    BothIndustries {
        /// The role both give them.
        role: Role,
        /// The industries, in dataset order.
        industries: Vec<IndustryId>,
    },
    /// Both parks name these industries, each in another role.
    SharedInOtherRoles(Vec<IndustryId>),
    /// A headline figure of the same year within [`SIMILAR_RATIO`] of the other's.
    SimilarSize(SizeComparison),
    /// Only `park`, the peer, names these industries (in this role); the park compared does not
    /// name them at all. To keep the text short, only the peer's strongest such role is told,
    /// and only when it is leading, key or pillar.
    OnlyOne {
        /// The park that names them.
        park: ParkId,
        /// Their role there.
        role: Role,
        /// The industries, in dataset order.
        industries: Vec<IndustryId>,
    },
    /// A headline figure of the same year further apart than [`SIMILAR_RATIO`].
    SizeDiffers(SizeComparison),
    /// Both parks name industries, but none in common.
    NoSharedIndustry,
    /// This park names no industries: the two are compared by size only.
    NoIndustries(ParkId),
    /// The two parks have no headline figure of a common year: nothing is said about size.
    NoCommonYear,
}

/// A park like another, with what they share and what sets them apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Peer {
    /// The peer.
    pub park: ParkId,
    /// 0 (nothing alike) to 1 (the same portfolio and the same size): [`INDUSTRY_SHARE`] of the
    /// industry similarity plus the rest of the size similarity, a missing part counting 0; by
    /// size alone when the park compared names no industries.
    pub similarity: f64,
    /// Weighted overlap of the two portfolios (0–1); `None` when either names no industries.
    pub industry_similarity: Option<f64>,
    /// Mean closeness of the headline figures of a common year on a log scale (0–1); `None`
    /// when no such figure pair exists.
    pub size_similarity: Option<f64>,
    /// What the two have in common, most telling first.
    pub shared: Vec<Reason>,
    /// What sets them apart.
    pub differences: Vec<Reason>,
    /// What could not be compared.
    pub caveats: Vec<Reason>,
}

/// A peer's reasons in words, each part empty when it has nothing to say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeerText {
    /// What the two have in common: "both lead in AI; similar total income (2018)".
    pub shared: String,
    /// What sets them apart: "only Beta Park leads in biomedicine".
    pub differences: String,
    /// What could not be compared: "no comparable size figure of a common year".
    pub caveats: String,
}

/// The `limit` parks most like `park`, most similar first (ties by id). A park with nothing in
/// common (no shared industry and no figure of a common year within [`SIMILAR_RATIO`]) is no
/// peer, however close its size: a list of five would otherwise fill with parks the reasons
/// then say are unlike, so fewer may come back. None when `park` is unknown.
pub fn peers_of(dataset: &Dataset, park: &ParkId, limit: usize) -> Vec<Peer> {
    let Some(this) = dataset.park(park) else { return Vec::new() };
    let mut peers: Vec<Peer> = dataset
        .parks
        .iter()
        .filter(|other| other.id != this.id)
        .map(|other| compare(dataset, this, other))
        .filter(|peer| !peer.shared.is_empty())
        .collect();
    peers.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then_with(|| a.park.cmp(&b.park)));
    peers.truncate(limit);
    peers
}

/// How `other` compares with `this`, whatever the similarity (zero included).
pub fn compare(dataset: &Dataset, this: &Park, other: &Park) -> Peer {
    let mut shared = Vec::new();
    let mut differences = Vec::new();
    let mut caveats = Vec::new();

    let (ours, theirs) = (portfolio(dataset, this), portfolio(dataset, other));
    let industry_similarity = if ours.is_empty() || theirs.is_empty() {
        for (park, portfolio) in [(this, &ours), (other, &theirs)] {
            if portfolio.is_empty() {
                caveats.push(Reason::NoIndustries(park.id.clone()));
            }
        }
        None
    } else {
        industry_reasons(&ours, &theirs, other, &mut shared, &mut differences, &mut caveats);
        Some(weighted_overlap(&ours, &theirs))
    };

    let sizes = size_comparisons(dataset, this, other);
    let size_similarity = if sizes.is_empty() {
        caveats.push(Reason::NoCommonYear);
        None
    } else {
        let closeness: f64 = sizes.iter().map(|s| 1.0 / (1.0 + s.ratio.log10().abs())).sum();
        Some(closeness / sizes.len() as f64)
    };
    for size in sizes {
        if size.ratio.max(1.0 / size.ratio) <= SIMILAR_RATIO {
            shared.push(Reason::SimilarSize(size));
        } else {
            differences.push(Reason::SizeDiffers(size));
        }
    }

    let similarity = if ours.is_empty() {
        size_similarity.unwrap_or(0.0)
    } else {
        INDUSTRY_SHARE * industry_similarity.unwrap_or(0.0) + (1.0 - INDUSTRY_SHARE) * size_similarity.unwrap_or(0.0)
    };
    Peer { park: other.id.clone(), similarity, industry_similarity, size_similarity, shared, differences, caveats }
}

/// A park's industries with the strongest role it gives each, in the dataset's industry order
/// (so texts list them alike in every park).
fn portfolio(dataset: &Dataset, park: &Park) -> Vec<(IndustryId, Role)> {
    let mut strongest: BTreeMap<&IndustryId, Role> = BTreeMap::new();
    for link in &park.industries {
        let role = strongest.entry(&link.industry).or_insert(link.role);
        // `Role` is ordered strongest first.
        *role = (*role).min(link.role);
    }
    dataset.industries.iter().filter_map(|i| strongest.get(&i.id).map(|&role| (i.id.clone(), role))).collect()
}

fn role_in(portfolio: &[(IndustryId, Role)], industry: &IndustryId) -> Option<Role> {
    portfolio.iter().find(|(id, _)| id == industry).map(|&(_, role)| role)
}

/// Sum of the smaller weights over sum of the larger weights, over every industry either names
/// (a weighted Jaccard index): 1 for the same industries in the same roles, 0 for none shared.
fn weighted_overlap(ours: &[(IndustryId, Role)], theirs: &[(IndustryId, Role)]) -> f64 {
    let weight = |portfolio: &[(IndustryId, Role)], id: &IndustryId| role_in(portfolio, id).map_or(0.0, role_weight);
    let only_theirs = theirs.iter().filter(|(id, _)| role_in(ours, id).is_none());
    let (mut smaller, mut larger) = (0.0, 0.0);
    for (id, _) in ours.iter().chain(only_theirs) {
        let (a, b) = (weight(ours, id), weight(theirs, id));
        smaller += a.min(b);
        larger += a.max(b);
    }
    if larger > 0.0 { smaller / larger } else { 0.0 }
}

/// The industry reasons of two parks that both name industries.
fn industry_reasons(
    ours: &[(IndustryId, Role)],
    theirs: &[(IndustryId, Role)],
    other: &Park,
    shared: &mut Vec<Reason>,
    differences: &mut Vec<Reason>,
    caveats: &mut Vec<Reason>,
) {
    let mut same_role: BTreeMap<Role, Vec<IndustryId>> = BTreeMap::new();
    let mut other_roles = Vec::new();
    for (id, role) in ours {
        match role_in(theirs, id) {
            Some(their_role) if their_role == *role => same_role.entry(*role).or_default().push(id.clone()),
            Some(_) => other_roles.push(id.clone()),
            None => {}
        }
    }
    if same_role.is_empty() && other_roles.is_empty() {
        caveats.push(Reason::NoSharedIndustry);
    }
    shared.extend(same_role.into_iter().map(|(role, industries)| Reason::BothIndustries { role, industries }));
    if !other_roles.is_empty() {
        shared.push(Reason::SharedInOtherRoles(other_roles));
    }
    // What only the peer names, in its strongest such role: what sets it apart most, in a line
    // that stays short. What only the park names is left out: it would repeat in every peer's
    // line, and the park's own industries are shown with it.
    let mut only: BTreeMap<Role, Vec<IndustryId>> = BTreeMap::new();
    for (id, role) in theirs {
        if role_weight(*role) >= role_weight(Role::Key) && role_in(ours, id).is_none() {
            only.entry(*role).or_default().push(id.clone());
        }
    }
    if let Some((role, industries)) = only.into_iter().next() {
        differences.push(Reason::OnlyOne { park: other.id.clone(), role, industries });
    }
}

/// Every headline metric (the dataset's table columns) that measures an amount, which both
/// parks have an actual whole-year figure of in a common year, at the latest such year, in
/// column order. Figures must be above zero to be compared on a log scale; shares, rates and
/// metrics that can be negative are not sizes.
fn size_comparisons(dataset: &Dataset, this: &Park, other: &Park) -> Vec<SizeComparison> {
    dataset
        .view_metrics()
        .table
        .iter()
        .filter(|metric| dataset.metric(metric).is_some_and(Metric::is_amount))
        .filter_map(|metric| {
            let (ours, theirs) = (yearly_values(this, metric), yearly_values(other, metric));
            let (&year, &value) = ours.iter().rev().find(|(year, _)| theirs.contains_key(year))?;
            let their_value = theirs.get(&year)?;
            Some(SizeComparison { metric: metric.clone(), year, ratio: their_value / value, park: this.id.clone() })
        })
        .collect()
}

/// A park's actual whole-year figures of `metric` above zero, one per year, of its ground since
/// it last changed ([`crate::model::Milestone::boundary_change`], [`crate::model::Observation::ground`]). Bounds (">", "<")
/// are left out: "at least 1,000" against 100 is not "10×". So is a year whose figure sources
/// state otherwise (marked ≠ in the table): the values may be of different scopes (a park's
/// two predecessors, each stated on its own), and which to take would decide the ratio.
fn yearly_values(park: &Park, metric: &MetricId) -> BTreeMap<i32, f64> {
    // The park as it stands: a figure from before its ground last changed is of another park
    // in all but name (a predecessor's of 2005 compared "112×" with a peer's), and so is one of
    // the change's own year that says it covers the ground before it.
    let boundary_changes = park.boundary_changes();
    let current_ground_from = boundary_changes.iter().copied().max();
    // Only this metric's whole-year figures, a handful: comparing them pairwise is cheaper than
    // marking all the park's figures, for each metric of each park when 10,000 are compared.
    let whole_years: Vec<_> = park
        .observations
        .iter()
        .filter(|obs| {
            &obs.metric == metric
                && obs.period.is_none()
                && !obs.qualifier.is_projection()
                && obs.covers_the_park()
                && current_ground_from.is_none_or(|from| obs.ground_year(&boundary_changes) >= from)
        })
        .collect();
    let contested: BTreeSet<i32> = whole_years
        .iter()
        .filter(|obs| whole_years.iter().any(|other| obs.differs_from(other)))
        .map(|obs| obs.year)
        .collect();
    whole_years
        .iter()
        .filter(|obs| {
            !contested.contains(&obs.year)
                && !matches!(obs.qualifier, Qualifier::AtLeast | Qualifier::AtMost)
                && obs.value.is_finite()
                && obs.value > 0.0
        })
        .map(|obs| (obs.year, obs.value))
        .collect()
}

/// What the profile shows of a park's peers, in one language: computed once when the
/// selection, the language or the parks listed change, never per frame.
#[derive(Clone, Debug, PartialEq)]
pub struct PeerList {
    /// The park whose peers these are.
    pub park: ParkId,
    /// Said once above the list: [`size_only_note`].
    pub note: Option<String>,
    /// The peers, most similar first, at most [`PROFILE_PEERS`].
    pub rows: Vec<PeerRow>,
}

/// One peer as the profile shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PeerRow {
    /// The peer and its reasons.
    pub peer: Peer,
    /// Its name in the list's language.
    pub name: String,
    /// Its reasons in words (without the list's note).
    pub text: PeerText,
    /// The similarity and its parts in words, for a tooltip.
    pub details: String,
    /// Whether the table lists it (the filter may hide it, and a hidden park cannot be selected).
    pub listed: bool,
}

impl PeerList {
    /// `park`'s peers as the profile shows them in `language`; `visible` is the table's list.
    pub fn new(dataset: &Dataset, park: &ParkId, visible: &[ParkId], language: Language) -> Self {
        let rows = peers_of(dataset, park, PROFILE_PEERS)
            .into_iter()
            .map(|peer| {
                let name =
                    dataset.park(&peer.park).map_or_else(|| peer.park.to_string(), |p| p.name.get(language).to_owned());
                PeerRow {
                    text: peer.describe(dataset, language, Some(park)),
                    details: similarity_details(&peer, language),
                    listed: visible.contains(&peer.park),
                    name,
                    peer,
                }
            })
            .collect();
        Self { park: park.clone(), note: size_only_note(dataset, park, language), rows }
    }

    /// The park and its peers, the parks "Compare with peers" pins.
    pub fn to_compare(&self) -> Vec<ParkId> {
        std::iter::once(self.park.clone()).chain(self.rows.iter().map(|row| row.peer.park.clone())).collect()
    }
}

/// "Similarity 0.82: industries 0.90, size 0.64" / "相似度 0.82：产业 0.90，规模 0.64", a part
/// that could not be compared reading "not compared".
fn similarity_details(peer: &Peer, language: Language) -> String {
    let part = |value: Option<f64>| match (value, language) {
        (Some(value), _) => format!("{value:.2}"),
        (None, Language::En) => "not compared".to_owned(),
        (None, Language::Zh) => "未比较".to_owned(),
    };
    let (industries, size) = (part(peer.industry_similarity), part(peer.size_similarity));
    match language {
        Language::En => format!("Similarity {:.2}: industries {industries}, size {size}", peer.similarity),
        Language::Zh => format!("相似度 {:.2}：产业 {industries}，规模 {size}", peer.similarity),
    }
}

impl Peer {
    /// The reasons in words, in `language`. A caveat that `NoIndustries` names `except` is left
    /// out, for a list that says it once for all its peers (see [`size_only_note`]).
    pub fn describe(&self, dataset: &Dataset, language: Language, except: Option<&ParkId>) -> PeerText {
        let join = |reasons: &[Reason]| {
            let parts: Vec<String> = reasons
                .iter()
                .filter(|r| !matches!(r, Reason::NoIndustries(park) if Some(park) == except))
                .map(|r| r.text(dataset, language))
                .collect();
            parts.join(clause_separator(language))
        };
        PeerText { shared: join(&self.shared), differences: join(&self.differences), caveats: join(&self.caveats) }
    }
}

/// What a list of `park`'s peers says once, above them: that they are found by size alone
/// because the park names no industries. `None` when it names some.
pub fn size_only_note(dataset: &Dataset, park: &ParkId, language: Language) -> Option<String> {
    let park = dataset.park(park)?;
    park.industries.is_empty().then(|| match language {
        Language::En => format!("{} lists no industries: its peers are found by size only", park.name.en),
        Language::Zh => format!("{}未列出产业，同类园区仅按规模查找", park.name.zh),
    })
}

impl Reason {
    /// This reason in words, in `language`.
    pub fn text(&self, dataset: &Dataset, language: Language) -> String {
        let en = language == Language::En;
        let park_name =
            |id: &ParkId| dataset.park(id).map_or_else(|| id.to_string(), |p| p.name.get(language).to_owned());
        let industries = |ids: &[IndustryId]| {
            let mut names: Vec<String> = ids
                .iter()
                .take(MAX_NAMED)
                .map(|id| {
                    dataset.industry(id).map_or_else(|| id.to_string(), |i| in_sentence(i.name.get(language), language))
                })
                .collect();
            match (ids.len().saturating_sub(MAX_NAMED), language) {
                (0, _) => join_names(&names, language),
                (more, Language::En) => {
                    names.push(format!("{more} more"));
                    join_names(&names, language)
                }
                (_, Language::Zh) => format!("{}等{}项", names.join("、"), ids.len()),
            }
        };
        match self {
            Self::BothIndustries { role, industries: ids } => {
                let list = industries(ids);
                if en {
                    match role {
                        Role::Leading => format!("both lead in {list}"),
                        _ => format!("both have {list} as {}", role_phrase(*role, ids.len())),
                    }
                } else {
                    format!("均以{list}为{}产业", crate::i18n::role_name(language, *role))
                }
            }
            Self::SharedInOtherRoles(ids) => {
                let list = industries(ids);
                if en { format!("both have {list}, in other roles") } else { format!("均有{list}，但角色不同") }
            }
            Self::OnlyOne { park, role, industries: ids } => {
                let (name, list) = (park_name(park), industries(ids));
                if en {
                    match role {
                        Role::Leading => format!("only {name} leads in {list}"),
                        _ => format!("only {name} has {list} as {}", role_phrase(*role, ids.len())),
                    }
                } else {
                    format!("仅{name}以{list}为{}产业", crate::i18n::role_name(language, *role))
                }
            }
            Self::SimilarSize(size) => {
                let metric = metric_name(dataset, &size.metric, language);
                if en {
                    format!("similar {metric} ({})", size.year)
                } else {
                    format!("{metric}相近（{}年）", size.year)
                }
            }
            Self::SizeDiffers(size) => {
                let metric = metric_name(dataset, &size.metric, language);
                let (of, year) = (park_name(&size.park), size.year);
                let times = ratio_text(size.ratio);
                match (language, size.ratio >= 1.0) {
                    (Language::En, true) => format!("{metric} {times}× {of}'s ({year})"),
                    (Language::En, false) => format!("{metric} {times} of {of}'s ({year})"),
                    (Language::Zh, true) => format!("{metric}为{of}的{times}倍（{year}年）"),
                    (Language::Zh, false) => format!("{metric}为{of}的{times}（{year}年）"),
                }
            }
            Self::NoSharedIndustry => if en { "no shared industry" } else { "无共同产业" }.to_owned(),
            Self::NoIndustries(park) => {
                let name = park_name(park);
                if en {
                    format!("{name} lists no industries: compared by size only")
                } else {
                    format!("{name}未列出产业，仅按规模比较")
                }
            }
            Self::NoCommonYear => {
                if en { "no comparable size figure of a common year" } else { "无同一年份可比的规模数据" }.to_owned()
            }
        }
    }
}

/// "a key industry", "key industries": a role after "as" in English.
fn role_phrase(role: Role, count: usize) -> String {
    let name = crate::i18n::role_name(Language::En, role);
    if count == 1 {
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        format!("{article} {name} industry")
    } else {
        format!("{name} industries")
    }
}

/// A ratio of two figures as the text gives it: "3.2" or "12" times for a larger figure, a
/// percentage ("31%") for a smaller one.
fn ratio_text(ratio: f64) -> String {
    if ratio >= 1.0 {
        if ratio < 10.0 { format!("{ratio:.1}") } else { format!("{ratio:.0}") }
    } else {
        let percent = ratio * 100.0;
        if percent < 1.0 { "<1%".to_owned() } else { format!("{percent:.0}%") }
    }
}

fn metric_name(dataset: &Dataset, metric: &MetricId, language: Language) -> String {
    dataset.metric(metric).map_or_else(|| metric.to_string(), |m| in_sentence(m.name.get(language), language))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_dataset;

    /// A park of a test dataset: its id, its industries with their roles, and its figures
    /// (metric, value, year).
    struct TestPark {
        id: &'static str,
        industries: &'static [(&'static str, &'static str)],
        figures: &'static [(&'static str, f64, i32)],
    }

    /// A dataset of `parks`, with the industries `ai`, `bio`, `chips` and `games` and the
    /// headline metrics `area` and `income` (plus `staff`, which the table does not show).
    fn dataset(parks: &[TestPark]) -> Dataset {
        let parks: Vec<String> = parks
            .iter()
            .map(|p| {
                let industries: Vec<String> = p
                    .industries
                    .iter()
                    .map(|(id, role)| format!("(industry: \"{id}\", role: {role}, source: \"s\")"))
                    .collect();
                let figures: Vec<String> = p
                    .figures
                    .iter()
                    .map(|(metric, value, year)| {
                        format!("(metric: \"{metric}\", value: {value:?}, year: {year}, source: \"s\")")
                    })
                    .collect();
                format!(
                    "(id: \"{id}\", name: (en: \"{id} park\", zh: \"{id}园\"), districts: [\"d\"], industries: [{}], observations: [{}])",
                    industries.join(", "),
                    figures.join(", "),
                    id = p.id,
                )
            })
            .collect();
        let text = format!(
            r#"(
    meta: (title: (en: "T", zh: "T"), version: "1", date: "2026-01-01", licence: "test",
           views: Some((table: ["area", "income"]))),
    sources: [(id: "s", title: "S", publisher: "P", language: "en")],
    industries: [
        (id: "ai", name: (en: "AI", zh: "人工智能"), group: InformationTechnology),
        (id: "bio", name: (en: "Biomedicine", zh: "生物医药"), group: LifeSciences),
        (id: "chips", name: (en: "Chips", zh: "芯片"), group: InformationTechnology),
        (id: "games", name: (en: "Games", zh: "游戏"), group: Services),
    ],
    districts: [(id: "d", name: (en: "D", zh: "D"))],
    metrics: [
        (id: "area", name: (en: "Planned area", zh: "规划面积"), unit: (en: "km²", zh: "平方公里"), kind: Stock, description: (en: "", zh: "")),
        (id: "income", name: (en: "Total income", zh: "总收入"), unit: (en: "bn yuan", zh: "十亿元"), kind: Flow, description: (en: "", zh: "")),
        (id: "staff", name: (en: "Staff", zh: "员工"), unit: (en: "people", zh: "人"), kind: Stock, description: (en: "", zh: "")),
    ],
    parks: [{}],
)"#,
            parks.join(",\n")
        );
        load_dataset(&text, "test.ron").unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn peer(dataset: &Dataset, of: &str, other: &str) -> Peer {
        let (this, other) = (dataset.park(&ParkId::new(of)), dataset.park(&ParkId::new(other)));
        compare(dataset, this.expect("park"), other.expect("park"))
    }

    fn ids(peers: &[Peer]) -> Vec<&str> {
        peers.iter().map(|p| p.park.as_str()).collect()
    }

    const BASE: TestPark = TestPark {
        id: "base",
        industries: &[("ai", "Leading"), ("bio", "Key"), ("games", "Supporting")],
        figures: &[("income", 100.0, 2018), ("area", 10.0, 2018)],
    };

    /// "Similar" means close: 80 against 100 is, 62 against 100 (a factor of 1.6, which a
    /// factor of two once let pass) is told as the difference it is.
    #[test]
    fn only_figures_within_a_quarter_of_each_other_are_called_similar() {
        let dataset = dataset(&[
            BASE,
            TestPark { id: "close", industries: &[], figures: &[("income", 80.0, 2018)] },
            TestPark { id: "apart", industries: &[], figures: &[("income", 62.0, 2018)] },
        ]);
        let similar = |other| peer(&dataset, "base", other).shared.iter().any(|r| matches!(r, Reason::SimilarSize(_)));
        let differs =
            |other| peer(&dataset, "base", other).differences.iter().any(|r| matches!(r, Reason::SizeDiffers(_)));
        assert!(similar("close") && !differs("close"));
        assert!(!similar("apart") && differs("apart"));
    }

    #[test]
    fn the_same_portfolio_is_the_closest_peer_and_its_text_names_the_industries() {
        let dataset = dataset(&[
            BASE,
            TestPark { id: "twin", industries: BASE.industries, figures: &[] },
            TestPark { id: "half", industries: &[("ai", "Leading"), ("chips", "Key")], figures: &[] },
        ]);
        let peers = peers_of(&dataset, &ParkId::new("base"), 5);
        assert_eq!(ids(&peers), ["twin", "half"]);
        assert_eq!(peers[0].industry_similarity, Some(1.0));
        assert!(peers[1].industry_similarity.is_some_and(|s| s > 0.0 && s < 1.0));
        let text = peers[0].describe(&dataset, Language::En, None);
        assert_eq!(
            text.shared,
            "both lead in AI; both have biomedicine as a key industry; both have games as a supporting industry"
        );
        assert_eq!(text.differences, "");
        assert_eq!(text.caveats, "no comparable size figure of a common year", "no size claim without a common year");
        let half = peers[1].describe(&dataset, Language::En, None);
        assert_eq!(half.shared, "both lead in AI");
        assert_eq!(half.differences, "only half park has chips as a key industry", "not what only base names");
    }

    #[test]
    fn a_disjoint_portfolio_is_barely_similar_and_says_no_industry_is_shared() {
        let dataset = dataset(&[
            BASE,
            TestPark { id: "other", industries: &[("chips", "Leading")], figures: &[("income", 100.0, 2018)] },
            TestPark { id: "close", industries: &[("ai", "Key")], figures: &[] },
        ]);
        let other = peer(&dataset, "base", "other");
        assert_eq!(other.industry_similarity, Some(0.0));
        assert!(other.similarity <= 1.0 - INDUSTRY_SHARE, "only the size counts: {}", other.similarity);
        let text = other.describe(&dataset, Language::En, None);
        assert_eq!(text.caveats, "no shared industry");
        assert_eq!(text.shared, "similar total income (2018)");
        assert!(text.differences.starts_with("only other park leads in chips"), "{}", text.differences);
        let zh = other.describe(&dataset, Language::Zh, None);
        assert_eq!(zh.caveats, "无共同产业");
        assert_eq!(zh.shared, "总收入相近（2018年）");
        // A park sharing the leading industry, if in another role, ranks above one of the same
        // size sharing none.
        assert_eq!(ids(&peers_of(&dataset, &ParkId::new("base"), 5)), ["close", "other"]);
    }

    #[test]
    fn a_park_without_industries_gets_peers_by_size_only_and_says_so() {
        let dataset = dataset(&[
            TestPark { id: "bare", industries: &[], figures: &[("income", 50.0, 2020)] },
            TestPark { id: "near", industries: &[("ai", "Leading")], figures: &[("income", 60.0, 2020)] },
            TestPark { id: "far", industries: &[("ai", "Leading")], figures: &[("income", 5000.0, 2020)] },
            TestPark { id: "unsized", industries: &[("ai", "Leading")], figures: &[("income", 60.0, 2019)] },
        ]);
        let bare = ParkId::new("bare");
        let peers = peers_of(&dataset, &bare, 5);
        assert_eq!(ids(&peers), ["near"], "nothing to compare with `unsized`, and `far` is 100 times the size");
        assert_eq!(peers[0].industry_similarity, None);
        assert!((peers[0].similarity - peers[0].size_similarity.expect("sized")).abs() < 1e-12, "size alone");
        let far = peer(&dataset, "bare", "far");
        assert!(far.similarity > 0.0 && far.shared.is_empty(), "some closeness, nothing in common");
        let text = far.describe(&dataset, Language::En, None);
        assert_eq!(text.caveats, "bare park lists no industries: compared by size only");
        assert_eq!(text.differences, "total income 100× bare park's (2020)");
        assert_eq!(
            size_only_note(&dataset, &bare, Language::En).as_deref(),
            Some("bare park lists no industries: its peers are found by size only")
        );
        assert_eq!(far.describe(&dataset, Language::En, Some(&bare)).caveats, "", "said once above the list");
        assert_eq!(size_only_note(&dataset, &ParkId::new("near"), Language::En), None);
    }

    /// A share is no size, whatever its unit reads: a park with twice another's export share is
    /// not twice its size.
    #[test]
    fn a_ratio_is_no_size() {
        let mut dataset = dataset(&[
            TestPark { id: "bare", industries: &[], figures: &[("income", 50.0, 2020)] },
            TestPark { id: "near", industries: &[], figures: &[("income", 60.0, 2020)] },
        ]);
        assert_eq!(
            peer(&dataset, "bare", "near").describe(&dataset, Language::En, None).shared,
            "similar total income (2020)"
        );
        let income = dataset.metrics.iter_mut().find(|m| m.id.as_str() == "income").expect("income");
        income.kind = crate::model::MetricKind::Ratio;
        assert_eq!(peer(&dataset, "bare", "near").size_similarity, None, "nothing left to size the parks by");
        assert!(peers_of(&dataset, &ParkId::new("bare"), 5).is_empty());
    }

    #[test]
    fn figures_of_different_years_make_no_size_claim() {
        let dataset = dataset(&[
            BASE,
            TestPark {
                id: "later",
                industries: BASE.industries,
                figures: &[("income", 100.0, 2020), ("area", 10.0, 2019)],
            },
        ]);
        let later = peer(&dataset, "base", "later");
        assert_eq!(later.size_similarity, None);
        let text = later.describe(&dataset, Language::En, None);
        assert!(!text.shared.contains("income") && !text.shared.contains("area"), "{}", text.shared);
        assert_eq!(text.caveats, "no comparable size figure of a common year");
        assert_eq!(later.describe(&dataset, Language::Zh, None).caveats, "无同一年份可比的规模数据");
    }

    #[test]
    fn a_bound_is_no_size_and_a_year_sources_disagree_on_is_passed_over() {
        let mut dataset = dataset(&[
            BASE,
            TestPark {
                id: "other",
                industries: BASE.industries,
                figures: &[("income", 1000.0, 2018), ("area", 40.0, 2018), ("area", 20.0, 2018), ("area", 30.0, 2017)],
            },
            TestPark {
                id: "only_2018",
                industries: BASE.industries,
                figures: &[("area", 40.0, 2018), ("area", 1.0, 2018)],
            },
        ]);
        // ">1,000": at least ten times base's income, not ten times.
        let other = dataset.parks.iter_mut().find(|p| p.id.as_str() == "other").expect("other");
        other.observations[0].qualifier = Qualifier::AtLeast;
        let text = peer(&dataset, "base", "other").describe(&dataset, Language::En, None);
        assert!(!text.shared.contains("income") && !text.differences.contains("income"), "{text:?}");
        // Two areas for 2018, 40 and 20: neither 4× nor 2× base's is claimed, and base has no
        // area of 2017 to compare with the undisputed 30.
        assert!(!text.shared.contains("area") && !text.differences.contains("area"), "{text:?}");
        assert_eq!(text.caveats, "no comparable size figure of a common year");
        let disputed = peer(&dataset, "base", "only_2018");
        assert_eq!(disputed.size_similarity, None, "40 and 1 km² for one year: no size at all");
    }

    /// BASE and a park "moved" of the same industries with figures of 2018, whose ground
    /// changed in `changed_in`, if given.
    fn moved_park_dataset(changed_in: Option<i32>) -> Dataset {
        let mut dataset = dataset(&[
            BASE,
            TestPark {
                id: "moved",
                industries: BASE.industries,
                figures: &[("income", 1000.0, 2018), ("area", 40.0, 2018)],
            },
        ]);
        let moved = dataset.parks.iter_mut().find(|p| p.id.as_str() == "moved").expect("moved");
        moved.milestones.extend(changed_in.map(|year| crate::model::Milestone {
            year,
            month: None,
            event: crate::model::Text { en: "Extended".to_owned(), zh: "扩区".to_owned() },
            boundary_change: true,
            source: crate::model::SourceId::new("s"),
        }));
        dataset
    }

    /// A park's figure from before its ground changed is of another park in all but name: its
    /// size is compared only with figures of the ground it has now.
    #[test]
    fn sizes_before_a_parks_ground_changed_are_not_compared() {
        let unchanged = moved_park_dataset(None);
        let compared = |dataset: &Dataset| peer(dataset, "base", "moved").describe(dataset, Language::En, None);
        assert!(compared(&unchanged).differences.contains("2018"), "a fair test: 2018 compared before");
        let text = compared(&moved_park_dataset(Some(2020)));
        assert!(!text.shared.contains("2018") && !text.differences.contains("2018"), "{text:?}");
        assert_eq!(text.caveats, "no comparable size figure of a common year");
    }

    /// In the year its ground changed, a park's figure of the ground before the change is left
    /// out, and the one of the ground it has now is compared, not taken as disputed.
    #[test]
    fn in_the_year_of_a_change_only_the_new_grounds_figure_is_compared() {
        let mut dataset = moved_park_dataset(Some(2018));
        let moved = dataset.parks.iter_mut().find(|p| p.id.as_str() == "moved").expect("moved");
        let area = moved.observations.iter().find(|o| o.metric.as_str() == "area").cloned().expect("an area");
        moved.observations.push(crate::model::Observation {
            value: 4.0,
            ground: Some(crate::model::Ground::BeforeChange),
            ..area
        });
        let moved = peer(&dataset, "base", "moved");
        let area_ratio = moved.shared.iter().chain(&moved.differences).find_map(|reason| match reason {
            Reason::SimilarSize(size) | Reason::SizeDiffers(size) if size.metric.as_str() == "area" => {
                Some((size.year, size.ratio))
            }
            _ => None,
        });
        assert_eq!(area_ratio, Some((2018, 4.0)), "40 km² of the new ground against 10, not the old 4");
    }

    #[test]
    fn size_counts_on_a_log_scale_so_ten_times_is_further_than_twice() {
        let dataset = dataset(&[
            BASE,
            TestPark {
                id: "a_ten",
                industries: BASE.industries,
                figures: &[("income", 1000.0, 2018), ("area", 10.0, 2018)],
            },
            TestPark {
                id: "b_two",
                industries: BASE.industries,
                figures: &[("income", 200.0, 2018), ("area", 10.0, 2018)],
            },
            TestPark {
                id: "c_tenth",
                industries: BASE.industries,
                figures: &[("income", 10.0, 2018), ("area", 10.0, 2018)],
            },
        ]);
        let peers = peers_of(&dataset, &ParkId::new("base"), 5);
        assert_eq!(ids(&peers), ["b_two", "a_ten", "c_tenth"], "10× and a tenth tie, broken by id");
        let (ten, tenth) = (peers[1].similarity, peers[2].similarity);
        assert!((ten - tenth).abs() < 1e-12, "larger or smaller by the same factor alike: {ten} {tenth}");
        // One metric cannot swamp the other: a 10× income leaves the equal area counting fully.
        assert!(peers[1].size_similarity.is_some_and(|s| (s - 0.75).abs() < 1e-9));
        let text = |i: usize, language| peers[i].describe(&dataset, language, None);
        assert_eq!(text(1, Language::En).differences, "total income 10× base park's (2018)");
        assert_eq!(text(2, Language::En).differences, "total income 10% of base park's (2018)");
        assert_eq!(text(1, Language::Zh).differences, "总收入为base园的10倍（2018年）");
        assert_eq!(text(2, Language::Zh).differences, "总收入为base园的10%（2018年）");
        assert_eq!(text(0, Language::En).differences, "total income 2.0× base park's (2018)");
        assert!(text(0, Language::En).shared.ends_with("; similar planned area (2018)"));
        assert_eq!(peers_of(&dataset, &ParkId::new("base"), 1).len(), 1, "the limit holds");
    }

    #[test]
    fn the_text_reads_in_chinese_too() {
        let dataset = dataset(&[
            BASE,
            TestPark {
                id: "twin",
                industries: &[("ai", "Leading"), ("bio", "Focus"), ("chips", "Leading")],
                figures: &[],
            },
        ]);
        let text = peer(&dataset, "base", "twin").describe(&dataset, Language::Zh, None);
        assert_eq!(text.shared, "均以人工智能为主导产业；均有生物医药，但角色不同");
        assert_eq!(text.differences, "仅twin园以芯片为主导产业");
        assert_eq!(text.caveats, "无同一年份可比的规模数据");
    }

    #[test]
    fn a_long_list_of_industries_is_cut_short() {
        const ALL: &[(&str, &str)] =
            &[("ai", "Leading"), ("bio", "Leading"), ("chips", "Leading"), ("games", "Leading")];
        let dataset = dataset(&[
            TestPark { id: "all", industries: ALL, figures: &[] },
            TestPark { id: "same", industries: ALL, figures: &[] },
        ]);
        let same = peer(&dataset, "all", "same");
        assert_eq!(
            same.describe(&dataset, Language::En, None).shared,
            "both lead in AI, biomedicine, chips and 1 more"
        );
        assert_eq!(same.describe(&dataset, Language::Zh, None).shared, "均以人工智能、生物医药、芯片等4项为主导产业");
    }

    #[test]
    fn a_park_with_nothing_in_common_is_no_peer_and_an_unknown_park_has_none() {
        let dataset = dataset(&[
            BASE,
            TestPark { id: "stranger", industries: &[("chips", "Leading")], figures: &[("income", 100.0, 2001)] },
            // Of a size that can be compared, but five times base's income and no industry shared.
            TestPark { id: "distant", industries: &[("chips", "Leading")], figures: &[("income", 500.0, 2018)] },
        ]);
        assert!(peer(&dataset, "base", "distant").similarity > 0.0, "its size is not wholly unlike");
        assert!(peers_of(&dataset, &ParkId::new("base"), 5).is_empty());
        assert!(peers_of(&dataset, &ParkId::new("nowhere"), 5).is_empty());
    }

    #[test]
    fn the_profile_list_pins_the_park_first_and_marks_peers_the_filter_hides() {
        let dataset = dataset(&[
            BASE,
            TestPark { id: "twin", industries: BASE.industries, figures: &[] },
            TestPark { id: "half", industries: &[("ai", "Leading")], figures: &[] },
        ]);
        let base = ParkId::new("base");
        let list = PeerList::new(&dataset, &base, &[base.clone(), ParkId::new("twin")], Language::Zh);
        assert_eq!(list.to_compare(), [base, ParkId::new("twin"), ParkId::new("half")]);
        assert_eq!(
            list.rows.iter().map(|r| (r.name.as_str(), r.listed)).collect::<Vec<_>>(),
            [("twin园", true), ("half园", false)]
        );
        assert_eq!(list.rows[0].details, "相似度 0.80：产业 1.00，规模 未比较");
    }

    #[test]
    fn peers_work_on_another_city() {
        let text = include_str!("../../tests/fixtures/lakeshore/lakeshore.ron");
        let dataset = load_dataset(text, "lakeshore.ron").expect("the fixture loads");
        for park in &dataset.parks {
            let peers = peers_of(&dataset, &park.id, PROFILE_PEERS);
            assert!(peers.len() <= PROFILE_PEERS);
            assert!(peers.windows(2).all(|w| w[0].similarity >= w[1].similarity), "most similar first");
            for language in [Language::En, Language::Zh] {
                for peer in &peers {
                    let text = peer.describe(&dataset, language, None);
                    assert!(!format!("{text:?}").contains("Zhongguancun") && !text.shared.contains("中关村"));
                }
            }
        }
        // Two parks of the fixture that share photonics (leading in one, supporting in the other).
        let first = dataset
            .parks
            .iter()
            .find(|p| p.industries.iter().any(|i| i.industry.as_str() == "photonics" && i.role == Role::Leading))
            .expect("a photonics park");
        let peers = peers_of(&dataset, &first.id, PROFILE_PEERS);
        let photonics = dataset.industry(&IndustryId::new("photonics")).expect("photonics").name.en.to_lowercase();
        assert!(
            peers.iter().any(|p| p.describe(&dataset, Language::En, None).shared.contains(&photonics)),
            "{peers:#?}"
        );
    }
}
