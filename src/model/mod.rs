//! The dataset: parks, districts, industries, metrics, sources and the observations that tie a
//! figure to its source.
//!
//! This module owns the data model and knows nothing of egui or of the UI state. A figure can only
//! be built together with its source id, year, unit (through its metric) and qualifier, so the
//! provenance of a number cannot be dropped on the way to the screen.

mod diff;
pub mod geo;
mod load;
mod locate;
pub mod origin;
mod source_labels;
pub mod tables;
mod texts;
mod units;
mod validate;
mod views;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use diff::{DatasetDiff, diff};
pub use load::{
    LoadErrors, MAX_DATA_FILE_BYTES, Problem, RECURSION_LIMIT, io_message, load_dataset, load_dataset_bytes,
    load_dataset_file, message, parse_ron, read_data_file,
};
pub use origin::{DataOrigin, EMBEDDED_DATASET, EMBEDDED_MAP, Loaded};
pub use source_labels::{LABEL_PUBLISHER_CHARS, LabelLetters};
pub use texts::PlacedText;
pub use units::{DisplayUnit, ShownUnit, ShownUnits, divided_display_unit};
pub use views::{DEFAULT_TABLE_COLUMNS, DeclaredViews, ViewMetrics, divided_name, divided_unit};

/// Defines a string id type that serialises as a plain string.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id from its text.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as written in the dataset.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// Id of a park, e.g. `haidian`.
    ParkId
);
string_id!(
    /// Id of a district of the dataset's city.
    DistrictId
);
string_id!(
    /// Id of an industry of the taxonomy, e.g. `fintech`.
    IndustryId
);
string_id!(
    /// Id of a metric, e.g. `planned_area`.
    MetricId
);
string_id!(
    /// Id of a source, e.g. `s12`.
    SourceId
);

/// The two languages of the app and of the dataset's labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Language {
    /// The other of the two languages, in which a park's second name is shown.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::En => Self::Zh,
            Self::Zh => Self::En,
        }
    }
}

/// A label given in both English and Chinese.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English text.
    pub en: String,
    /// Simplified Chinese text.
    pub zh: String,
}

impl Text {
    /// The text in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::En => &self.en,
            Language::Zh => &self.zh,
        }
    }
}

/// The whole dataset as loaded from one RON file and validated.
///
/// Build it with [`load_dataset`]; every id it holds refers to an item that exists.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Title, version, licence and notes.
    pub meta: Meta,
    /// Every source that a figure, industry, sub-area or company cites.
    pub sources: Vec<Source>,
    /// The industry taxonomy.
    pub industries: Vec<Industry>,
    /// Districts of the city the parks lie in.
    pub districts: Vec<District>,
    /// What can be measured, with units.
    pub metrics: Vec<Metric>,
    /// The parks, in the order the dataset gives them.
    pub parks: Vec<Park>,
    /// Figures for the zone as a whole: a benchmark, never ranked as a park.
    #[serde(default)]
    pub zone: Option<Zone>,
    /// Lookup tables built after validation.
    #[serde(skip)]
    index: Index,
}

/// Positions of items by id, so lookups need no linear search.
#[derive(Clone, Debug, Default, PartialEq)]
struct Index {
    sources: BTreeMap<SourceId, usize>,
    industries: BTreeMap<IndustryId, usize>,
    districts: BTreeMap<DistrictId, usize>,
    metrics: BTreeMap<MetricId, usize>,
    parks: BTreeMap<ParkId, usize>,
    /// The metrics the views open on, chosen once per load.
    views: ViewMetrics,
    /// See [`Dataset::revision`].
    revision: u64,
}

/// Title, version and notes of a dataset.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Title shown in the status bar.
    pub title: Text,
    /// A short name for the window title and the toolbar, e.g. the city or zone; the title when
    /// absent.
    #[serde(default)]
    pub short_title: Option<Text>,
    /// Version of the dataset, e.g. `0.3.0`.
    pub version: String,
    /// Date the dataset was last edited, `YYYY-MM-DD`.
    pub date: String,
    /// Licence of the dataset.
    pub licence: String,
    /// Notes on scope and modelling choices.
    #[serde(default)]
    pub notes: Vec<Text>,
    /// The file with the district outlines for the map, relative to the dataset file.
    #[serde(default)]
    pub map: Option<String>,
    /// Tables of figures (CSV, xlsx, xls, ods) added to the dataset's own, relative to the
    /// dataset file.
    #[serde(default)]
    pub figure_tables: Vec<String>,
    /// Which metrics the views open on and which can divide others; chosen from the data
    /// where absent.
    #[serde(default)]
    pub views: Option<DeclaredViews>,
}

impl Meta {
    /// The name the window title and the toolbar show: the short title, else the title.
    pub fn short_name(&self) -> &Text {
        self.short_title.as_ref().unwrap_or(&self.title)
    }
}

/// A published document that figures come from.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id that observations cite, e.g. `s12`.
    pub id: SourceId,
    /// Title of the page or article.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// The publisher's name as Chinese readers know it ("中国日报" for China Daily), when the
    /// dataset gives one: the Chinese window's source labels and sources lines write it instead
    /// of `publisher`.
    #[serde(default)]
    pub publisher_zh: Option<String>,
    /// Date shown on the page (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), if it shows one.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it can be read.
    #[serde(default)]
    pub url: Option<String>,
    /// Language of the page, e.g. `en` or `zh`.
    pub language: String,
    /// Caveats, e.g. that the page is a re-post.
    #[serde(default)]
    pub note: Option<String>,
    /// The note in Chinese, for the Chinese window; without it, that window shows `note`.
    #[serde(default)]
    pub note_zh: Option<String>,
    /// The letters that tell its short label from another source's that reads alike ("China
    /// Daily 2016a"), worked out when the dataset is loaded; see [`Source::label_letter`].
    #[serde(skip)]
    pub label_letters: LabelLetters,
    /// The file of the figure table that added it, or `None` for a source of the dataset's own
    /// file: an added source's label takes the next free letter of its group, so the letters
    /// the dataset's notes cite ("China Daily 2016b") never move.
    #[serde(skip)]
    pub added_by_table: Option<String>,
}

impl Source {
    /// The source's note in `language`, or in the other language when it has none there.
    pub fn note_in(&self, language: Language) -> Option<&str> {
        note_in(self.note.as_deref(), self.note_zh.as_deref(), language)
    }
}

/// A note given in English (`en`), in Chinese (`zh`) or both, in `language` where it is given
/// so, else in the other: a caveat is never left out for want of a translation.
fn note_in<'a>(en: Option<&'a str>, zh: Option<&'a str>, language: Language) -> Option<&'a str> {
    // A blank note says nothing, and must not hide the other language's.
    let (en, zh) = (en.filter(|note| !note.trim().is_empty()), zh.filter(|note| !note.trim().is_empty()));
    match language {
        Language::En => en.or(zh),
        Language::Zh => zh.or(en),
    }
}

/// Broad group of an industry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum IndustryGroup {
    /// Software, AI, data, semiconductors, internet.
    InformationTechnology,
    /// Vehicles, robotics, aerospace, rail, equipment.
    AdvancedManufacturing,
    /// Biomedicine, devices, synthetic biology.
    LifeSciences,
    /// New energy, storage, hydrogen, new materials.
    EnergyAndMaterials,
    /// Finance, culture, IP, technology and business services.
    Services,
}

/// One industry of the taxonomy.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Industry {
    /// Id that parks refer to.
    pub id: IndustryId,
    /// Name in both languages.
    pub name: Text,
    /// The group it belongs to.
    pub group: IndustryGroup,
}

/// A district of the city.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    /// Id that parks refer to.
    pub id: DistrictId,
    /// Name in both languages, e.g. Haidian / 海淀区.
    pub name: Text,
}

/// Whether a metric counts a level at a moment, an amount over a period, or neither: a share,
/// rate or per-unit value, which does not add up across parks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MetricKind {
    /// A level at a point in time (area, enterprise count).
    Stock,
    /// An amount over a period (income, profit).
    Flow,
    /// A share, rate or per-unit value (export share of income, patents per 10,000 people):
    /// two parks' figures do not add up to anything, and it is not divided further.
    Ratio,
}

/// Something that can be measured for a park, with its unit.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Id that observations refer to.
    pub id: MetricId,
    /// Name in both languages.
    pub name: Text,
    /// Unit in both languages, e.g. km² / 平方公里: the unit the figures are stored in.
    pub unit: Text,
    /// The unit a language writes the figures in instead, a power of ten away (亿元 for
    /// 十亿元); none by default. See [`Metric::display_unit`].
    #[serde(default)]
    pub shown: ShownUnits,
    /// How one unit reads after "per" when this metric divides another, e.g. "high-tech
    /// enterprise" / "家" for a count; the unit when absent.
    #[serde(default)]
    pub per_unit: Option<Text>,
    /// Stock, flow or ratio.
    pub kind: MetricKind,
    /// What exactly is counted.
    pub description: Text,
    /// Whether a value below zero is meaningful (a profit can be a loss; an area cannot).
    #[serde(default)]
    pub allows_negative: bool,
}

/// The part of a year a figure covers, when it is not the whole year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Period {
    /// January to June.
    H1,
    /// July to December.
    H2,
    /// January to the given month (1–12), e.g. `JanTo(10)` for January–October.
    JanTo(u8),
    /// Everything up to the given year since the park or zone began.
    Cumulative,
}

impl Period {
    /// The stable code machine-readable exports write (documented in docs/dataset.md): `h1`,
    /// `h2`, `jan_to_9`, `cumulative`. Never changes with the UI language or a Rust rename.
    pub fn code(self) -> String {
        match self {
            Self::H1 => "h1".to_owned(),
            Self::H2 => "h2".to_owned(),
            Self::JanTo(month) => format!("jan_to_{month}"),
            Self::Cumulative => "cumulative".to_owned(),
        }
    }
}

/// How a figure was stated by its source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    /// Stated as a plain figure.
    #[default]
    Reported,
    /// Stated as preliminary statistics.
    Preliminary,
    /// Stated with "about", "nearly", "around".
    Approximate,
    /// Stated with ">", "more than", "over".
    AtLeast,
    /// Stated with "<", "under", "less than".
    AtMost,
    /// A goal set for a future date.
    Target,
    /// A forecast or expectation.
    Forecast,
}

impl Qualifier {
    /// Every qualifier, plain figures first, then hedged ones, then plans.
    pub const ALL: [Self; 7] = [
        Self::Reported,
        Self::Preliminary,
        Self::Approximate,
        Self::AtLeast,
        Self::AtMost,
        Self::Target,
        Self::Forecast,
    ];

    /// The stable code machine-readable exports write (documented in docs/dataset.md):
    /// `reported`, `preliminary`, `approximate`, `at_least`, `at_most`, `target`, `forecast`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Reported => "reported",
            Self::Preliminary => "preliminary",
            Self::Approximate => "approximate",
            Self::AtLeast => "at_least",
            Self::AtMost => "at_most",
            Self::Target => "target",
            Self::Forecast => "forecast",
        }
    }

    /// Whether the figure is a plan or expectation rather than something that happened.
    pub fn is_projection(self) -> bool {
        matches!(self, Self::Target | Self::Forecast)
    }
}

/// One figure: a value of a metric for a year, stated by a source.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// What is measured; its unit is the metric's unit.
    pub metric: MetricId,
    /// The value in the metric's unit.
    pub value: f64,
    /// The year the figure refers to.
    pub year: i32,
    /// The part of the year, when the figure does not cover the whole year.
    #[serde(default)]
    pub period: Option<Period>,
    /// How the source stated the figure.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Where the figure comes from.
    pub source: SourceId,
    /// Scope caveats, e.g. that a figure covers the whole district.
    #[serde(default)]
    pub note: Option<String>,
    /// The note in Chinese, for the Chinese window; without it, that window shows `note`.
    #[serde(default)]
    pub note_zh: Option<String>,
    /// The part of the park the figure covers, when it covers only one (a predecessor area now
    /// within the park, one of its sites): "Electronics City". Such a figure is listed with the
    /// park's figures under its part's name, but never stands for the park (see
    /// [`Observation::covers_the_park`]).
    #[serde(default)]
    pub part: Option<Text>,
    /// Which side of its year's change of ground ([`Milestone::boundary_change`]) the figure
    /// covers, where its source says so: an area of the year a park or the zone grew, stated
    /// for the ground before the change and for the ground after it. Without it, a figure of
    /// such a year is taken to cover the new ground (see [`same_ground`]); in a year without a
    /// change there is no side to cover (`check` warns), and it only ranks the figure among its
    /// year's others ([`Observation::shown_first_key`]).
    #[serde(default)]
    pub ground: Option<Ground>,
}

/// The side of its year's change of ground a figure covers ([`Observation::ground`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Ground {
    /// The ground as it was before the year's change.
    BeforeChange,
    /// The ground as the year's change made it.
    AfterChange,
}

impl Ground {
    /// Both sides, in the order of their codes.
    pub const ALL: [Self; 2] = [Self::BeforeChange, Self::AfterChange];

    /// A stable code for figure tables and exports: `before_change`, `after_change`.
    pub fn code(self) -> &'static str {
        match self {
            Self::BeforeChange => "before_change",
            Self::AfterChange => "after_change",
        }
    }
}

/// The role an industry plays in a park's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Named as the leading (主导) industry.
    Leading,
    /// Named as a key (重点) industry.
    Key,
    /// Named as a pillar (支柱) industry.
    Pillar,
    /// Named as a focus (聚焦) of development.
    Focus,
    /// Named as supporting or auxiliary.
    Supporting,
    /// Named as emerging or to be fostered.
    Emerging,
}

impl Role {
    /// The stable code machine-readable exports write: `leading`, `key`, `pillar`, `focus`,
    /// `supporting`, `emerging`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Leading => "leading",
            Self::Key => "key",
            Self::Pillar => "pillar",
            Self::Focus => "focus",
            Self::Supporting => "supporting",
            Self::Emerging => "emerging",
        }
    }
}

/// An industry of a park with its role and the source that names it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParkIndustry {
    /// The industry.
    pub industry: IndustryId,
    /// Its role in the park.
    pub role: Role,
    /// The source that names it.
    pub source: SourceId,
}

/// A sub-area, company or milestone: a named thing with the source that names it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    /// The name, in both languages where the source allows.
    pub name: Text,
    /// The source that names it.
    pub source: SourceId,
}

/// An approval or founding date of a park.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The year.
    pub year: i32,
    /// The month (1–12), where the source gives it.
    #[serde(default)]
    pub month: Option<u8>,
    /// What happened, e.g. "Approved by the Ministry of Science and Technology".
    pub event: Text,
    /// Whether the park's (or, of a zone's milestone, the zone's) ground changed here: it was
    /// made from other areas, extended, or its area adjusted. Its figures from this year on cover other ground than those before, so
    /// growth is never measured across the change (see [`same_ground`]).
    #[serde(default)]
    pub boundary_change: bool,
    /// The source that states it.
    pub source: SourceId,
}

/// Where a park is drawn on a map.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Whether the point is only an approximation of the park's place.
    pub approximate: bool,
    /// The place the point stands for, e.g. the park's main sub-area.
    pub place: Text,
}

/// One park of the zone.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Park {
    /// Stable id, e.g. `haidian`.
    pub id: ParkId,
    /// Name in both languages, e.g. Haidian Park / 中关村海淀园.
    pub name: Text,
    /// The districts the park lies in; at least one.
    pub districts: Vec<DistrictId>,
    /// How the park relates to the official list, e.g. that it is one part of a joint park.
    #[serde(default)]
    pub part_of: Option<Text>,
    /// Approval and founding dates.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Where to draw it.
    #[serde(default)]
    pub location: Option<Location>,
    /// Industries with their roles.
    #[serde(default)]
    pub industries: Vec<ParkIndustry>,
    /// Sub-areas the sources name.
    #[serde(default)]
    pub sub_areas: Vec<Named>,
    /// Notable companies the sources name.
    #[serde(default)]
    pub companies: Vec<Named>,
    /// A short description in both languages.
    #[serde(default)]
    pub description: Option<Text>,
    /// Every figure known for the park.
    #[serde(default)]
    pub observations: Vec<Observation>,
}

/// A park's figures, so that rules over figures such as [`Dataset::latest`] take a park, the
/// zone or a plain list alike.
impl AsRef<[Observation]> for Park {
    fn as_ref(&self) -> &[Observation] {
        &self.observations
    }
}

impl Park {
    /// The years the park's ground changed ([`Milestone::boundary_change`]), oldest first, each
    /// once.
    pub fn boundary_changes(&self) -> Vec<i32> {
        boundary_changes(&self.milestones)
    }
}

/// The years of `milestones` at which the ground changed ([`Milestone::boundary_change`]),
/// oldest first, each once.
fn boundary_changes(milestones: &[Milestone]) -> Vec<i32> {
    let mut years: Vec<i32> = milestones.iter().filter(|m| m.boundary_change).map(|m| m.year).collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Whether a park's figures of the years `from` and `to` cover the same ground, given the years
/// its ground changed ([`Park::boundary_changes`]). A change counts from its own year on: the
/// figure of that year is taken to be of the new ground, as a year's statistics are reported
/// for the park as it stands at the year's end.
pub fn same_ground(boundary_changes: &[i32], from: i32, to: i32) -> bool {
    let (earlier, later) = (from.min(to), from.max(to));
    !boundary_changes.iter().any(|&year| earlier < year && year <= later)
}

impl Observation {
    /// The year whose ground the figure covers, for [`same_ground`], given the years the ground
    /// changed: its own year, or the year before for a figure of a year of a change that covers
    /// the ground [before it](Ground::BeforeChange) (a change counts from its own year on).
    pub fn ground_year(&self, boundary_changes: &[i32]) -> i32 {
        if self.ground == Some(Ground::BeforeChange) && boundary_changes.contains(&self.year) {
            self.year - 1
        } else {
            self.year
        }
    }

    /// How a view ranks the figures of one metric to show one, the greatest first (with
    /// `max_by_key`, which takes the one listed last among equals): a whole year over a part of
    /// one, a later year over an earlier, then, of one year, a figure of the ground after its
    /// change of boundaries over one of the ground [before it](Ground::BeforeChange), and a
    /// figure saying its ground over one that does not (which may be of either). The time
    /// series' line takes the same figure of a year, so every view shows one. (`ground` in a
    /// year without a change, which `check` warns of, ranks the same way.)
    pub fn shown_first_key(&self) -> (bool, i32, bool, bool) {
        (self.period.is_none(), self.year, self.ground != Some(Ground::BeforeChange), self.ground.is_some())
    }

    /// The figure's note in `language`, or in the other language when it has none there.
    pub fn note_in(&self, language: Language) -> Option<&str> {
        note_in(self.note.as_deref(), self.note_zh.as_deref(), language)
    }

    /// The figure's note in both languages ([`Self::note_in`]), for what is kept of a figure
    /// apart from it; `None` when it has none.
    pub fn notes(&self) -> Option<Text> {
        let (en, zh) = (self.note_in(Language::En)?, self.note_in(Language::Zh)?);
        Some(Text { en: en.to_owned(), zh: zh.to_owned() })
    }

    /// Whether the figure covers the whole park, not only [one part](Self::part) of it: only
    /// such figures stand for the park in the table, the charts, the map and comparisons.
    pub fn covers_the_park(&self) -> bool {
        self.part.is_none()
    }

    /// Whether `other` states another value for the same metric, year, period and part: two
    /// sources (or two scopes) that disagree. A plan and an actual figure for one year never
    /// do, nor figures of two parts of a park.
    pub fn differs_from(&self, other: &Self) -> bool {
        self.states_the_same_as(other) && self.value.to_bits() != other.value.to_bits()
    }

    /// Whether `other` is a figure of what this one states: the same metric, year, period and
    /// part, both plans or both actual figures. Only such figures agree or disagree.
    fn states_the_same_as(&self, other: &Self) -> bool {
        self.metric == other.metric
            && self.year == other.year
            && self.period == other.period
            && self.part == other.part
            && self.qualifier.is_projection() == other.qualifier.is_projection()
    }
}

/// The figures among `observations` that [differ](Observation::differs_from) from `figure`:
/// what other sources (or scopes) state instead of it for the same metric, year and part of the
/// year. Every view that shows a figure lists these with it.
pub fn stated_otherwise<'a>(
    observations: &'a [Observation],
    figure: &'a Observation,
) -> impl Iterator<Item = &'a Observation> + 'a {
    observations.iter().filter(move |other| figure.differs_from(other))
}

/// The figures among `observations` that state `figure` as it is, value and qualifier, from
/// another source: a second source for the same number, which a view showing one figure names
/// beside its own. (">400" beside 400 is neither this nor [stated otherwise](stated_otherwise).)
pub fn stated_alike<'a>(
    observations: &'a [Observation],
    figure: &'a Observation,
) -> impl Iterator<Item = &'a Observation> + 'a {
    observations.iter().filter(move |other| {
        other.source != figure.source
            && figure.states_the_same_as(other)
            && other.qualifier == figure.qualifier
            && other.value.to_bits() == figure.value.to_bits()
    })
}

/// For each of `observations`, whether another of them [differs](Observation::differs_from)
/// from it. One pass over the figures grouped by metric, year, period and part, so a park with a large
/// table's figures is marked without comparing every pair.
pub fn differing(observations: &[Observation]) -> Vec<bool> {
    type Slot<'a> = (&'a MetricId, i32, Option<Period>, bool, Option<(&'a str, &'a str)>);
    let mut slots: BTreeMap<Slot<'_>, Vec<usize>> = BTreeMap::new();
    for (i, obs) in observations.iter().enumerate() {
        let part = obs.part.as_ref().map(|part| (part.en.as_str(), part.zh.as_str()));
        slots.entry((&obs.metric, obs.year, obs.period, obs.qualifier.is_projection(), part)).or_default().push(i);
    }
    let mut marks = vec![false; observations.len()];
    for members in slots.values() {
        let first = members.first().and_then(|&i| observations.get(i)).map(|o| o.value.to_bits());
        let mixed = members.iter().filter_map(|&i| observations.get(i)).any(|o| Some(o.value.to_bits()) != first);
        if mixed {
            for &i in members {
                marks[i] = true;
            }
        }
    }
    marks
}

/// The zone as a whole, whose figures serve as a benchmark.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Name in both languages.
    pub name: Text,
    /// Zone-wide figures.
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// Key events of the zone as a whole, oldest first; those marked
    /// [`boundary_change`](Milestone::boundary_change) say when its ground changed, so that a
    /// zone figure is never divided by one of other ground.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

impl Zone {
    /// The years the zone's ground changed, oldest first, each once (as
    /// [`Park::boundary_changes`]).
    pub fn boundary_changes(&self) -> Vec<i32> {
        boundary_changes(&self.milestones)
    }
}

/// The zone's figures, so that the rules over a park's figures apply to the zone's alike.
impl AsRef<[Observation]> for Zone {
    fn as_ref(&self) -> &[Observation] {
        &self.observations
    }
}

/// The next [`Dataset::revision`].
static NEXT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A number of parks as the official list counts them, and the dataset's entries they are
/// listed as: a joint park listed as its two parts is one park and two entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParkCount {
    /// Parks, the parts of one park counted once.
    pub parks: usize,
    /// Entries, each listed park counted.
    pub entries: usize,
}

impl ParkCount {
    /// Counts `parks`: those of one [`Park::part_of`] (compared by its English text) as one.
    pub fn of<'a>(parks: impl IntoIterator<Item = &'a Park>) -> Self {
        let mut entries = 0;
        let mut whole = 0;
        let mut joint_parks: Vec<&str> = Vec::new();
        for park in parks {
            entries += 1;
            match &park.part_of {
                Some(part_of) => joint_parks.push(part_of.en.as_str()),
                None => whole += 1,
            }
        }
        joint_parks.sort_unstable();
        joint_parks.dedup();
        Self { parks: whole + joint_parks.len(), entries }
    }

    /// Whether some entries are parts of one park, so the two counts differ.
    pub fn lists_parts(self) -> bool {
        self.parks != self.entries
    }
}

impl Dataset {
    /// Builds the lookup tables, and gives the dataset a new revision. Called after validation
    /// succeeded, and again after a figure table is merged in.
    fn build_index(&mut self) {
        fn positions<K: Ord + Clone, T>(items: &[T], id: impl Fn(&T) -> &K) -> BTreeMap<K, usize> {
            items.iter().enumerate().map(|(i, item)| (id(item).clone(), i)).collect()
        }
        // A figure table may add sources, whose labels may read like the dataset's own.
        source_labels::letter_sources(&mut self.sources);
        self.index = Index {
            sources: positions(&self.sources, |s| &s.id),
            industries: positions(&self.industries, |i| &i.id),
            districts: positions(&self.districts, |d| &d.id),
            metrics: positions(&self.metrics, |m| &m.id),
            parks: positions(&self.parks, |p| &p.id),
            views: ViewMetrics::default(),
            revision: NEXT_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        // Chosen after the lookups exist, which the choice uses.
        self.index.views = views::choose_view_metrics(self);
    }

    /// Whether `other` says everything this dataset says, field for field: the same file read
    /// twice (its [`revision`](Self::revision) aside).
    pub fn same_content(&self, other: &Self) -> bool {
        self.meta == other.meta
            && self.sources == other.sources
            && self.industries == other.industries
            && self.districts == other.districts
            && self.metrics == other.metrics
            && self.parks == other.parks
            && self.zone == other.zone
    }

    /// A number no other dataset loaded or changed in this process has, new at every load and
    /// every figure table added. Views that keep what they measured of a dataset's texts key it
    /// by this: the app keeps its dataset in one place, so a reload has the old one's address.
    pub fn revision(&self) -> u64 {
        self.index.revision
    }

    /// The park with this id.
    pub fn park(&self, id: &ParkId) -> Option<&Park> {
        self.index.parks.get(id).and_then(|&i| self.parks.get(i))
    }

    /// Where the park with this id stands in the dataset's list of parks. Ties in a ranking are
    /// settled in this order, the same in every language: settled by name, the order changed
    /// with the language of the names.
    pub fn park_position(&self, id: &ParkId) -> Option<usize> {
        self.index.parks.get(id).copied()
    }

    /// Where the industry with this id stands in the dataset's list of industries: the order
    /// ties between industries are settled in, the same in every language.
    pub fn industry_position(&self, id: &IndustryId) -> Option<usize> {
        self.index.industries.get(id).copied()
    }

    /// The source with this id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.index.sources.get(id).and_then(|&i| self.sources.get(i))
    }

    /// The industry with this id.
    pub fn industry(&self, id: &IndustryId) -> Option<&Industry> {
        self.index.industries.get(id).and_then(|&i| self.industries.get(i))
    }

    /// The district with this id.
    pub fn district(&self, id: &DistrictId) -> Option<&District> {
        self.index.districts.get(id).and_then(|&i| self.districts.get(i))
    }

    /// The metric with this id.
    pub fn metric(&self, id: &MetricId) -> Option<&Metric> {
        self.index.metrics.get(id).and_then(|&i| self.metrics.get(i))
    }

    /// The name of whatever `id` names: a park, metric, industry or district, looked up in that
    /// order; `None` when it names none. Says what a remembered id (a pin, a filter) stood for.
    pub fn name_of_id(&self, id: &str) -> Option<&Text> {
        (self.park(&ParkId::new(id)).map(|park| &park.name))
            .or_else(|| self.metric(&MetricId::new(id)).map(|metric| &metric.name))
            .or_else(|| self.industry(&IndustryId::new(id)).map(|industry| &industry.name))
            .or_else(|| self.district(&DistrictId::new(id)).map(|district| &district.name))
    }

    /// How many parks the entries `ids` are, as the official list counts them, and how many
    /// entries; an id naming no park counts as neither.
    pub fn count_parks<'a>(&self, ids: impl IntoIterator<Item = &'a ParkId>) -> ParkCount {
        ParkCount::of(ids.into_iter().filter_map(|id| self.park(id)))
    }

    /// Number of figures over all parks (the zone's benchmark figures not counted).
    pub fn figure_count(&self) -> usize {
        self.parks.iter().map(|p| p.observations.len()).sum()
    }

    /// Number of the zone's own figures, the benchmarks (none without a zone).
    pub fn zone_figure_count(&self) -> usize {
        self.zone.as_ref().map_or(0, |zone| zone.observations.len())
    }

    /// Every figure of a park with its metric and source resolved, in dataset order.
    pub fn figures<'a>(&'a self, park: &'a Park) -> impl Iterator<Item = Figure<'a>> + 'a {
        park.observations.iter().filter_map(move |obs| self.figure(obs))
    }

    /// Resolves an observation's metric and source.
    ///
    /// Returns `None` only for an observation that is not part of this (validated) dataset.
    pub fn figure<'a>(&'a self, observation: &'a Observation) -> Option<Figure<'a>> {
        Some(Figure {
            observation,
            metric: self.metric(&observation.metric)?,
            source: self.source(&observation.source)?,
        })
    }

    /// The latest actual figure of `metric` among `observations` (a [`Park`]'s, the [`Zone`]'s
    /// or any slice of them), never a target or forecast.
    ///
    /// Whole-year figures win over part-year ones whatever their years, because a half-year
    /// income next to full-year incomes would read as a collapse; among those, the most recent.
    /// Of two figures of one year, one stated of the ground before that year's change of
    /// boundaries ([`Ground::BeforeChange`]) is the older: the other is latest, whatever
    /// their order in the file ([`Observation::shown_first_key`]).
    /// This one rule serves the plots, map, filters, exports and command line alike; the
    /// table and the brief add a park's target or forecast where it has no actual figure
    /// ([`Self::latest_shown`]).
    pub fn latest<'a>(
        &'a self,
        observations: &'a (impl AsRef<[Observation]> + ?Sized),
        metric: &MetricId,
    ) -> Option<Figure<'a>> {
        observations
            .as_ref()
            .iter()
            .filter(|obs| &obs.metric == metric && !obs.qualifier.is_projection() && obs.covers_the_park())
            .max_by_key(|obs| obs.shown_first_key())
            .and_then(|obs| self.figure(obs))
    }

    /// The figure of `metric` a park's table cell and brief show: its [latest](Self::latest)
    /// actual figure, else, where it has none, its latest target or forecast (by the same
    /// whole-year-first rule), which they mark as such. A target is never taken over an actual
    /// figure, and a park with only a forecast does not read "no data" in one place and show
    /// the forecast in another.
    pub fn latest_shown<'a>(
        &'a self,
        observations: &'a (impl AsRef<[Observation]> + ?Sized),
        metric: &MetricId,
    ) -> Option<Figure<'a>> {
        self.latest(observations, metric).or_else(|| {
            observations
                .as_ref()
                .iter()
                .filter(|obs| &obs.metric == metric && obs.qualifier.is_projection() && obs.covers_the_park())
                .max_by_key(|obs| obs.shown_first_key())
                .and_then(|obs| self.figure(obs))
        })
    }
}

/// An observation together with its metric (for the unit) and its source.
#[derive(Clone, Copy, Debug)]
pub struct Figure<'a> {
    /// The value, year and qualifier.
    pub observation: &'a Observation,
    /// What was measured and in which unit.
    pub metric: &'a Metric,
    /// Where it was stated.
    pub source: &'a Source,
}

#[cfg(test)]
pub(crate) mod tests;
