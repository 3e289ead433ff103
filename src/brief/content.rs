//! What a park's brief says, gathered from the dataset into plain text in one language: the
//! layout only places it. Nothing is invented: a metric without a figure is listed under
//! "no data", a park without a map position gets no marker, an empty list no section.

use std::fmt::Write as _;

use crate::format::{district_names, figure_value_with_unit, is_cjk, source_entry, source_line_label_forms};
use crate::i18n::{brief_words, period_label, qualifier_name, role_name};
use crate::model::geo::{CityMap, Km};
use crate::model::{Dataset, Figure, Language, Park, SourceId, stated_otherwise};

use super::BriefPeer;

/// Everything the brief of one park shows, as text in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefContent {
    /// The language of every text below (the other-language name aside).
    pub language: Language,
    /// Above the name: "Park brief · {dataset}".
    pub kicker: String,
    /// The park's name in `language`.
    pub title: String,
    /// The park's name in the other language.
    pub subtitle: String,
    /// Label and value pairs under the name: districts, what the park is part of.
    pub facts: Vec<(String, String)>,
    /// Approval and founding dates, each "2012-10  What happened \[3\]", ending with its source's number.
    pub milestones: Vec<String>,
    /// The numbers of the sources `milestones` cite, in their order.
    pub milestone_sources: Vec<usize>,
    /// The park's description, when the dataset has one.
    pub description: Option<String>,
    /// The latest figure of each metric the park has, in the dataset's metric order.
    pub figures: Vec<FigureRow>,
    /// The names of the metrics the park has no figure for ("no data"), in dataset order.
    pub no_data: Vec<String>,
    /// One line per role, most important role first: "leading" with its industries' names.
    pub industries: Vec<IndustryRow>,
    /// Comparable parks, as the caller found them; the section is left out when empty.
    pub peers: Vec<BriefPeer>,
    /// Every source the brief cites, numbered in order of first use (after those it was asked
    /// to number first, [`BriefContent::numbered`]).
    pub sources: Vec<SourceRow>,
    /// The ids of the sources by number: the source numbered `n` is at `n - 1`.
    pub source_ids: Vec<SourceId>,
    /// The city map with the park's districts and place; `None` when the dataset has no map.
    pub map: Option<BriefMap>,
    /// The dataset, its version and date.
    pub footer_dataset: String,
}

/// The latest figure of one metric.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// The metric's name.
    pub metric: String,
    /// The value with its qualifier sign and unit: ">1,680 enterprises".
    pub value: String,
    /// The year, with the part of the year when not the whole year.
    pub year: String,
    /// How the source stated it, in words ("reported", "at least", "target").
    pub qualifier: String,
    /// The source's number in [`BriefContent::sources`], 1-based.
    pub source: usize,
    /// The other values stated for the same metric, year and part of the year (another source,
    /// or another scope), each with its source's number: "700 bn yuan \[5\]". A handout must not
    /// show one of two differing figures as if it were the only one.
    pub also_stated: Vec<String>,
    /// The numbers of the sources `also_stated` cites, in its order.
    pub also_stated_sources: Vec<usize>,
    /// The figure's caveat (scope, an unstated year), which the profile marks with a *: a
    /// handout quoted without it reads as plain fact. A source it names by its label ("as
    /// Beiqing 2021 reports") is followed by its number, and listed.
    pub note: Option<String>,
    /// The numbers of the sources `note` names, in its order.
    pub note_sources: Vec<usize>,
}

/// The industries of one role.
#[derive(Clone, Debug, PartialEq)]
pub struct IndustryRow {
    /// The role's name.
    pub role: String,
    /// The industries' names, in dataset order.
    pub names: Vec<String>,
    /// The numbers of the sources that name them, 1-based and sorted.
    pub sources: Vec<usize>,
}

/// One cited source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    /// Its number, 1-based.
    pub number: usize,
    /// Its label (publisher and year, as the notes and sources lines cite it), title and date.
    pub text: String,
    /// Its web address, when known.
    pub url: Option<String>,
}

/// The city's districts in kilometres (east, north), the park's highlighted.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefMap {
    /// Every district outline, an open ring in km.
    pub districts: Vec<MapDistrict>,
    /// The park's place in km, when the dataset gives one.
    pub park: Option<Km>,
    /// Under the map: what is shaded, what the marker is, the map's own note.
    pub caption: String,
}

/// One district on the brief's map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapDistrict {
    /// The outline in km.
    pub ring: Vec<Km>,
    /// Whether the park lies in it.
    pub highlighted: bool,
}

/// Numbers sources in order of first use, after any it starts with.
#[derive(Default)]
struct Citations(Vec<SourceId>);

impl Citations {
    fn cite(&mut self, id: &SourceId) -> usize {
        if let Some(i) = self.0.iter().position(|s| s == id) {
            return i + 1;
        }
        self.0.push(id.clone());
        self.0.len()
    }
}

impl BriefContent {
    /// Gathers the brief of `park` from `dataset` (and `map`, when the dataset has one), in
    /// `language`, with the comparable parks the caller found.
    pub fn of(
        dataset: &Dataset,
        map: Option<&CityMap>,
        park: &Park,
        peers: Vec<BriefPeer>,
        language: Language,
    ) -> Self {
        Self::numbered(dataset, map, park, peers, language, &[])
    }

    /// [`Self::of`], with the sources `first` numbered 1, 2, 3… in that order, and the others
    /// after them in order of first use: the numbers of what a page keeps, after it cut lines.
    pub fn numbered(
        dataset: &Dataset,
        map: Option<&CityMap>,
        park: &Park,
        peers: Vec<BriefPeer>,
        language: Language,
        first: &[SourceId],
    ) -> Self {
        let w = brief_words(language);
        let mut citations = Citations(first.to_vec());
        let mut facts = vec![(w.districts.to_owned(), district_names(dataset, park, language))];
        if let Some(part_of) = &park.part_of {
            facts.push((w.part_of.to_owned(), part_of.get(language).to_owned()));
        }
        let (milestones, milestone_sources) = park
            .milestones
            .iter()
            .map(|m| {
                let date = m.month.map_or_else(|| m.year.to_string(), |month| format!("{}-{month:02}", m.year));
                let source = citations.cite(&m.source);
                (format!("{date}  {} [{source}]", m.event.get(language)), source)
            })
            .unzip();
        let (figures, no_data) = latest_figures(dataset, park, language, &mut citations);
        let industries = industry_rows(dataset, park, language, &mut citations);
        let sources = citations
            .0
            .iter()
            .enumerate()
            .filter_map(|(i, id)| dataset.source(id).map(|source| (i, source)))
            .map(|(i, source)| {
                // Under the label the dataset's notes and the app's sources lines cite it by
                // ("China Daily 2020c"): a note naming it is found in the list.
                let mut text = source_entry(source, language);
                if let Some(date) = &source.date {
                    // The date after the title with the language's comma, as the title
                    // follows the label ("中国日报 2020a，《…》，2020-03-10").
                    let _ = write!(text, "{}{date}", crate::i18n::comma(language));
                }
                SourceRow { number: i + 1, text, url: source.url.clone() }
            })
            .collect();
        let title = dataset.meta.short_name().get(language);
        Self {
            language,
            kicker: format!("{} · {title}", w.kicker),
            title: park.name.get(language).to_owned(),
            subtitle: park.name.get(language.other()).to_owned(),
            facts,
            milestones,
            milestone_sources,
            description: park.description.as_ref().map(|d| d.get(language).trim().to_owned()).filter(|d| !d.is_empty()),
            figures,
            no_data,
            industries,
            peers,
            sources,
            source_ids: citations.0,
            map: map.map(|map| brief_map(dataset, map, park, language)),
            footer_dataset: w
                .footer_dataset
                .replace("{title}", dataset.meta.title.get(language))
                .replace("{version}", &dataset.meta.version)
                .replace("{date}", &dataset.meta.date),
        }
    }
}

/// The latest actual figure of each metric the park has, else its latest target or forecast,
/// marked as such ([`Dataset::latest_shown`], the table's rule); and the names of the metrics
/// it has no figure for.
fn latest_figures(
    dataset: &Dataset,
    park: &Park,
    language: Language,
    citations: &mut Citations,
) -> (Vec<FigureRow>, Vec<String>) {
    let mut rows = Vec::new();
    let mut no_data = Vec::new();
    for metric in &dataset.metrics {
        let Some(figure) = dataset.latest_shown(park, &metric.id) else {
            no_data.push(metric.name.get(language).to_owned());
            continue;
        };
        let mut row = figure_row(&figure, language, citations);
        (row.also_stated, row.also_stated_sources) = also_stated(dataset, park, &figure, language, citations);
        if let Some(note) = row.note.take() {
            let (note, sources) = note_citing_sources(dataset, &note, language, citations);
            (row.note, row.note_sources) = (Some(note), sources);
        }
        rows.push(row);
    }
    (rows, no_data)
}

fn figure_row(figure: &Figure<'_>, language: Language, citations: &mut Citations) -> FigureRow {
    let obs = figure.observation;
    FigureRow {
        metric: figure.metric.name.get(language).to_owned(),
        value: figure_value_with_unit(figure, language),
        year: period_label(language, obs.year, obs.period),
        qualifier: qualifier_name(language, obs.qualifier).to_owned(),
        source: citations.cite(&figure.source.id),
        also_stated: Vec::new(),
        also_stated_sources: Vec::new(),
        note: obs.note_in(language).map(str::to_owned),
        note_sources: Vec::new(),
    }
}

/// `note` with each source of the dataset it names by label ("Beiqing 2021", or "北青网（2021）",
/// as the dataset's notes cite one another's sources) followed by its number ("Beiqing 2021
/// [6]"), and those numbers: a note naming a source the page did not list left the reader nowhere
/// to look. A label counts only as a whole name ("China Daily 2020" is not found in "China Daily
/// 2020c"); in Chinese, where no space ends a word, a Chinese character next to it ends it.
fn note_citing_sources(
    dataset: &Dataset,
    note: &str,
    language: Language,
    citations: &mut Citations,
) -> (String, Vec<usize>) {
    let mut labelled: Vec<(String, &SourceId)> = dataset
        .sources
        .iter()
        .flat_map(|source| source_line_label_forms(source, language).into_iter().map(|form| (form, &source.id)))
        .collect();
    // The longest first, so that a label inside a longer one is not taken for it.
    labelled.sort_by_key(|(label, _)| std::cmp::Reverse(label.chars().count()));
    let mut text = note.to_owned();
    // Where each label found lies (its bytes), and its source.
    let mut found: Vec<(std::ops::Range<usize>, &SourceId)> = Vec::new();
    for (label, id) in labelled.iter().filter(|(label, _)| !label.trim().is_empty()) {
        let whole = text.match_indices(label.as_str()).map(|(at, _)| at..at + label.len()).find(|place| {
            // In Chinese no space ends a word: a label with its year ("北青网（2021）") is whole
            // between Chinese characters, but a bare name (an undated source's publisher, often
            // a place: "中关村生命科学园") is not a citation wherever it stands in prose.
            let dated = label.contains(|c: char| c.is_ascii_digit());
            let ends_a_word = |c: char| !c.is_alphanumeric() || (dated && is_cjk(c));
            let before_ok = text[..place.start].chars().next_back().is_none_or(ends_a_word);
            let after_ok = text[place.end..].chars().next().is_none_or(|c| ends_a_word(c) && c != '[');
            // Not inside a longer label found before ("Daily 2020" in "China Daily 2020").
            let inside = found.iter().any(|(other, _)| place.start < other.end && other.start < place.end);
            before_ok && after_ok && !inside
        });
        if let Some(place) = whole {
            found.push((place, id));
        }
    }
    // Numbered in the note's order, inserted from its end so earlier places stay where they are.
    found.sort_by_key(|(place, _)| place.end);
    let numbers: Vec<usize> = found.iter().map(|(_, id)| citations.cite(id)).collect();
    // Chinese sets no space before the number, as before a bracket.
    let space = if language == Language::Zh { "" } else { " " };
    for ((place, _), number) in found.iter().zip(&numbers).rev() {
        text.insert_str(place.end, &format!("{space}[{number}]"));
    }
    (text, numbers)
}

/// The park's other figures of `figure`'s metric, year and part of the year, stated with
/// another value, each with its source's number (the profile marks the same figures "differs"),
/// and those numbers.
fn also_stated(
    dataset: &Dataset,
    park: &Park,
    figure: &Figure<'_>,
    language: Language,
    citations: &mut Citations,
) -> (Vec<String>, Vec<usize>) {
    stated_otherwise(&park.observations, figure.observation)
        .filter_map(|other| dataset.figure(other))
        .map(|other| {
            let source = citations.cite(&other.source.id);
            (format!("{} [{source}]", figure_value_with_unit(&other, language)), source)
        })
        .unzip()
}

/// The park's industries grouped by role, most important role first.
fn industry_rows(dataset: &Dataset, park: &Park, language: Language, citations: &mut Citations) -> Vec<IndustryRow> {
    let mut roles: Vec<_> = park.industries.iter().map(|link| link.role).collect();
    roles.sort();
    roles.dedup();
    roles
        .into_iter()
        .map(|role| {
            let links: Vec<_> = park.industries.iter().filter(|link| link.role == role).collect();
            let names = links
                .iter()
                .map(|link| dataset.industry(&link.industry).map_or(link.industry.as_str(), |i| i.name.get(language)))
                .map(str::to_owned)
                .collect();
            let mut sources: Vec<usize> = links.iter().map(|link| citations.cite(&link.source)).collect();
            sources.sort_unstable();
            sources.dedup();
            IndustryRow { role: role_name(language, role).to_owned(), names, sources }
        })
        .collect()
}

/// The map: every outline in km, the park's districts highlighted, its place if known.
fn brief_map(dataset: &Dataset, map: &CityMap, park: &Park, language: Language) -> BriefMap {
    let w = brief_words(language);
    let lon_scale = map.lon_scale();
    let districts = map
        .districts
        .iter()
        .map(|d| MapDistrict {
            ring: d.outline.iter().map(|&p| crate::model::geo::to_km(p, lon_scale)).collect(),
            highlighted: park.districts.contains(&d.id),
        })
        .collect();
    let ring_points = || map.districts.iter().flat_map(|d| &d.outline);
    let (mut west, mut east, mut south, mut north) =
        (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for &(lon, lat) in ring_points() {
        (west, east, south, north) = (west.min(lon), east.max(lon), south.min(lat), north.max(lat));
    }
    // The map is drawn fitted to its outlines: a place beyond them would be cut off the page
    // without a word, so it is said instead.
    let on_the_map = |lon: f64, lat: f64| (west..=east).contains(&lon) && (south..=north).contains(&lat);
    let (location, off_the_map) = match park.location.as_ref() {
        Some(l) if !on_the_map(l.lon, l.lat) => (None, true),
        located => (located, false),
    };
    let colon = super::layout::colon(language);
    let mut caption = format!("{}{colon}{}", w.map_districts, district_names(dataset, park, language));
    if off_the_map {
        let _ = write!(caption, " · {}", w.map_marker_off);
    }
    if let Some(location) = location {
        let _ = write!(caption, " · ● {}", w.map_marker);
        if location.approximate {
            let _ = match language {
                Language::En => write!(caption, " ({})", w.map_approximate),
                Language::Zh => write!(caption, "（{}）", w.map_approximate),
            };
        }
    }
    let note = map.note.get(language).trim();
    if !note.is_empty() {
        let _ = write!(caption, " · {note}");
    }
    // Drawn where the window's map draws it: clear of its district's edge.
    let park_at = location.and_then(|_| map.marker_place(park)).map(|place| crate::model::geo::to_km(place, lon_scale));
    BriefMap { districts, park: park_at, caption }
}

#[cfg(test)]
mod tests {
    use super::{BriefContent, Citations, note_citing_sources};
    use crate::model::{DataOrigin, Language, ParkId};

    /// A label is numbered where it stands whole, once, and not where it begins a longer name
    /// ("Test Office 2019b" is another source's).
    #[test]
    fn a_note_names_a_source_by_its_whole_label_only() {
        let dataset = crate::model::tests::small_dataset();
        let mut citations = Citations::default();
        let note = "As Test Office 2019 says; not Test Office 2019b.";
        let (text, numbers) = note_citing_sources(&dataset, note, Language::En, &mut citations);
        assert_eq!(text, "As Test Office 2019 [1] says; not Test Office 2019b.");
        assert_eq!(numbers, [1]);
        let (text, numbers) = note_citing_sources(&dataset, "No source named.", Language::En, &mut citations);
        assert_eq!((text.as_str(), numbers.len()), ("No source named.", 0));
    }

    /// A note naming a source with its year in brackets, as the dataset's Chinese notes do
    /// ("与北青网（2021）一致"), is numbered too, between Chinese characters that no space sets
    /// apart; a label inside a longer word is not.
    #[test]
    fn a_note_naming_a_source_with_its_year_in_brackets_is_numbered() {
        let dataset = crate::model::tests::small_dataset();
        let mut citations = Citations::default();
        let (text, numbers) = note_citing_sources(&dataset, "与测试局（2019）一致。", Language::Zh, &mut citations);
        assert_eq!((text.as_str(), numbers.as_slice()), ("与测试局（2019）[1]一致。", [1].as_slice()));
        let (text, _) = note_citing_sources(&dataset, "As Test Office (2019) says.", Language::En, &mut citations);
        assert_eq!(text, "As Test Office (2019) [1] says.");
        let (text, numbers) = note_citing_sources(&dataset, "Not Test Office 2019s.", Language::En, &mut citations);
        assert_eq!((text.as_str(), numbers.len()), ("Not Test Office 2019s.", 0));
        // An undated source's label is its publisher's name alone, "测试办公室": in Chinese prose
        // it names the office, not the source.
        let undated = dataset.sources.iter().find(|s| s.date.is_none()).expect("an undated source");
        let name = crate::format::source_line_label(undated, Language::Zh);
        assert!(!name.contains(|c: char| c.is_ascii_digit()), "a fair test: {name}");
        let note = format!("面积小于{name}所在地。");
        let (text, numbers) = note_citing_sources(&dataset, &note, Language::Zh, &mut citations);
        assert_eq!((text, numbers.len()), (note, 0));
    }

    #[test]
    fn a_park_placed_beyond_the_map_is_said_to_be_so_not_left_off_silently() {
        let origin = DataOrigin::File(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lakeshore/lakeshore.ron"),
        );
        let mut dataset = origin.load().expect("the dataset loads");
        let map = origin.load_map(&dataset).expect("a map").expect("the map loads");
        let id = ParkId::new("kunhua");
        let on_the_map = |dataset: &crate::model::Dataset| {
            let park = dataset.park(&id).expect("kunhua");
            BriefContent::of(dataset, Some(&map), park, Vec::new(), Language::En).map.expect("a map")
        };
        let placed = on_the_map(&dataset);
        assert!(placed.park.is_some() && !placed.caption.contains("beyond the map"), "{}", placed.caption);
        let park = dataset.parks.iter_mut().find(|p| p.id == id).expect("kunhua");
        park.location.as_mut().expect("a location").lon += 3.0;
        let off = on_the_map(&dataset);
        assert_eq!(off.park, None, "no marker off the page");
        assert!(
            off.caption.contains("the park's location lies beyond the map, so it is not marked"),
            "{}",
            off.caption
        );
    }

    #[test]
    fn figures_carry_qualifier_unit_year_and_a_numbered_source_and_missing_metrics_say_no_data() {
        let dataset = crate::model::tests::small_dataset();
        let park = dataset.park(&ParkId::new("beta")).expect("beta");
        let content = BriefContent::of(&dataset, None, park, Vec::new(), Language::En);
        assert_eq!(content.title, park.name.en);
        assert_eq!(content.subtitle, park.name.zh);
        let cited = content.figures.iter().map(|f| f.source).max().unwrap_or(0);
        assert!(cited <= content.sources.len(), "every figure's source is in the list");
        let shown = content.figures.len() + content.no_data.len();
        assert_eq!(shown, dataset.metrics.len(), "each metric is either shown or listed as no data");
        assert!(content.map.is_none() && content.peers.is_empty());
    }
}
