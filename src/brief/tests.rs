//! The brief's layout: every park of the shipped and the made-up city fits one page with nothing
//! overlapping or off the page; a crowded park is set smaller, then cut with honest notes.

use std::path::PathBuf;

use super::layout::{Item, MARGIN, MIN_SCALE, PAGE_HEIGHT, PAGE_WIDTH, wrap};
use super::{BriefContent, BriefFont, BriefPeer, Page, brief_pdf, lay_out};
use crate::i18n::brief_words;
use crate::model::geo::CityMap;
use crate::model::{DataOrigin, Dataset, Language, ParkId, load_dataset};

/// The fonts as a brief in `language` sets them.
fn font(language: Language) -> BriefFont {
    BriefFont::bundled(language).expect("the bundled font reads")
}

fn load(origin: &DataOrigin) -> (Dataset, Option<CityMap>) {
    let dataset = origin.load().expect("the dataset loads");
    let map = origin.load_map(&dataset).map(|map| map.expect("the map loads"));
    (dataset, map)
}

fn lakeshore() -> DataOrigin {
    DataOrigin::File(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lakeshore/lakeshore.ron"))
}

/// The page of park `id` as the PDF gets it ([`super::numbered_page`]).
fn page_of(dataset: &Dataset, map: Option<&CityMap>, id: &str, peers: &[BriefPeer], language: Language) -> Page {
    let park = dataset.park(&ParkId::new(id)).expect("the park exists");
    super::numbered_page(dataset, map, park, peers, language, &font(language)).1
}

fn text_of(page: &Page) -> String {
    page.texts().map(|run| run.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// Every mark lies inside the margins and no two lines of text share any space.
fn assert_fits_without_overlap(page: &Page, what: &str) {
    let inside = |x: f32, y: f32| {
        (MARGIN - 0.5..=PAGE_WIDTH - MARGIN + 0.5).contains(&x)
            && (MARGIN - 0.5..=PAGE_HEIGHT - MARGIN + 0.5).contains(&y)
    };
    for item in &page.items {
        let corners: Vec<(f32, f32)> = match item {
            Item::Text(run) => {
                let [l, t, r, b] = run.bounds();
                vec![(l, t), (r, b)]
            }
            Item::Line { from, to, .. } => vec![*from, *to],
            Item::Polygon { points, .. } => points.clone(),
            Item::Circle { centre, radius, .. } => {
                vec![(centre.0 - radius, centre.1 - radius), (centre.0 + radius, centre.1 + radius)]
            }
            Item::Link { rect, .. } => vec![(rect[0], rect[1]), (rect[2], rect[3])],
        };
        for (x, y) in corners {
            assert!(inside(x, y), "{what}: {item:?} reaches ({x}, {y}), outside the page's margins");
        }
    }
    let runs: Vec<_> = page.texts().collect();
    for (i, a) in runs.iter().enumerate() {
        for b in &runs[i + 1..] {
            let ([al, at, ar, ab], [bl, bt, br, bb]) = (a.bounds(), b.bounds());
            let overlap = al < br - 0.1 && bl < ar - 0.1 && at < bb - 0.1 && bt < ab - 0.1;
            assert!(!overlap, "{what}: \"{}\" overlaps \"{}\"", a.text, b.text);
        }
    }
}

#[test]
fn every_park_of_the_shipped_and_the_made_up_city_fits_one_page_in_both_languages() {
    for origin in [DataOrigin::Embedded, lakeshore()] {
        let (dataset, map) = load(&origin);
        for park in &dataset.parks {
            for language in [Language::En, Language::Zh] {
                let page = page_of(&dataset, map.as_ref(), park.id.as_str(), &[], language);
                assert_fits_without_overlap(&page, &format!("{} ({language:?})", park.id));
                let text = text_of(&page);
                assert!(text.contains(park.name.get(language)), "{}: the name is on the page", park.id);
                assert!(page.items.iter().any(|i| matches!(i, Item::Polygon { .. })), "the map is drawn");
            }
        }
    }
}

/// A name too long for the title's two lines is set smaller, whole, not cut: the handout
/// names its park nowhere else in full.
#[test]
fn a_long_park_name_is_printed_whole_in_the_title() {
    let (mut dataset, map) = load(&lakeshore());
    let name = "South Plains Agricultural Biotechnology Research and Incubation Centre";
    dataset.parks[0].name.en = name.to_owned();
    let id = dataset.parks[0].id.to_string();
    let page = page_of(&dataset, map.as_ref(), &id, &[], Language::En);
    assert_fits_without_overlap(&page, "a long name");
    // The title is the only text set larger than the subtitle's 12 points.
    let title: Vec<&str> = page.texts().filter(|run| run.size > 12.5).map(|run| run.text.as_str()).collect();
    assert_eq!(title.join(" "), name, "the title's lines");
}

#[test]
fn a_park_with_many_figures_is_set_smaller_then_cut_with_an_honest_note_per_section() {
    let dataset = load_dataset(&crate::synthetic::crowded_park_ron(80), "crowded").expect("valid");
    let page = page_of(&dataset, None, "p0", &[], Language::En);
    assert_fits_without_overlap(&page, "crowded park");
    assert!((page.scale - MIN_SCALE).abs() < 1e-6, "set at the smallest size first: {}", page.scale);
    let cuts = page.cuts;
    assert!(cuts.figures > 0 && cuts.sources > 0 && cuts.description && cuts.milestones > 0, "{cuts:?}");
    let text = text_of(&page);
    assert!(text.contains(&format!("… {} more figures, see the dataset", cuts.figures)), "{text}");
    assert!(text.contains(&format!("… {} more sources, see the dataset", cuts.sources)), "{text}");
    assert!(text.contains("shortened to fit the page; the full text is in the dataset"), "{text}");
    assert!(text.contains(&format!("… {} more milestones, see the dataset", cuts.milestones)), "{text}");
    // A long list of industries is shortened by counting what is left out, not with an ellipsis.
    let industries = text.lines().filter(|l| l.contains("Industry number")).collect::<Vec<_>>().join(" ");
    assert!(industries.contains("more [1–80]"), "{industries}");
    assert!(!industries.contains('…') || industries.contains("… and "), "{industries}");
    // What is shown and what the notes count add up to everything the park has.
    let figure_rows = text.lines().filter(|l| l.starts_with("Metric number")).count();
    assert_eq!(figure_rows + cuts.figures, 80, "{text}");
    // The Chinese brief says the same in Chinese.
    let zh = page_of(&dataset, None, "p0", &[], Language::Zh);
    assert_fits_without_overlap(&zh, "crowded park (zh)");
    assert!(text_of(&zh).contains(&format!("……另有{}个来源，见数据集", zh.cuts.sources)));
}

#[test]
fn metrics_without_a_figure_are_listed_as_no_data_never_as_zero() {
    let dataset = load_dataset(&crate::synthetic::crowded_park_ron(4), "crowded").expect("valid");
    let page = page_of(&dataset, None, "p0", &[], Language::En);
    assert_eq!(page.cuts, super::layout::Cuts::default(), "a short brief is not cut");
    let text = text_of(&page);
    assert!(
        text.contains("No data: Metric number 4 with a long descriptive name, Metric number 5"),
        "the three metrics without a figure are named: {text}"
    );
    // The qualifier of each figure is spelled out, and its sign is on the value.
    assert!(text.contains(">1,037.5 units") && text.contains("at least"), "{text}");
    assert!(text.contains("target"), "a target is shown as one: {text}");
    assert!(text.contains("No map of the city is available"), "no map is said, not drawn: {text}");
}

#[test]
fn peers_are_printed_as_given_and_their_section_left_out_when_there_are_none() {
    let (dataset, map) = load(&lakeshore());
    let id = dataset.parks[0].id.as_str().to_owned();
    let without = text_of(&page_of(&dataset, map.as_ref(), &id, &[], Language::En));
    assert!(!without.contains("Peers"), "{without}");
    let peers = vec![BriefPeer { name: "Somewhere Park".to_owned(), reasons: "same district".to_owned() }];
    let with = text_of(&page_of(&dataset, map.as_ref(), &id, &peers, Language::En));
    assert!(with.contains("Peers") && with.contains("Somewhere Park — same district"), "{with}");
}

#[test]
fn lines_break_between_words_between_chinese_characters_and_inside_long_addresses_only() {
    let font = font(Language::En);
    let width = font.width("alpha beta", 10.0).max(font.width("gamma delta", 10.0)) + 1.0;
    let lines = wrap(&font, "alpha beta gamma delta", 10.0, width);
    assert_eq!(lines, ["alpha beta", "gamma delta"]);
    // No character alone on the last line: the one before it comes down too.
    let lines = wrap(&font, "中关村科技园区海淀园", 10.0, 35.0);
    assert_eq!(lines, ["中关村", "科技园", "区海", "淀园"]);
    let lines = wrap(&font, "中关村科技园区海淀园。", 10.0, 35.0);
    assert_eq!(lines, ["中关村", "科技园", "区海", "淀园。"]);
    // A source's number stays with the word before it, in English as in Chinese.
    let width = font.width("alpha beta", 10.0) + 1.0;
    let lines = wrap(&font, "alpha beta [12]", 10.0, width);
    assert_eq!(lines, ["alpha", "beta [12]"]);
    // At every width a number fits on a line with the word before it.
    let texts = ["中关村科技园区[3]。", "approved by the city [3].", "Biomedicine, Medical devices [1–3, 5]"];
    for text in texts {
        let narrowest =
            text.split(' ').map(|word| font.width(word, 10.0)).fold(0.0, f32::max) + font.width(" [1–3, 5]", 10.0);
        for extra in 0..70 {
            let width = narrowest + extra as f32;
            let lines = wrap(&font, text, 10.0, width);
            assert!(lines.iter().all(|line| !line.starts_with('[')), "{width}: {lines:?}");
            assert!(
                lines.iter().all(|line| line.matches('[').count() == line.matches(']').count()),
                "{width}: {lines:?}"
            );
        }
    }
    let url = "https://example.org/a-very-long-address-indeed";
    let lines = wrap(&font, url, 10.0, 80.0);
    assert!(lines.len() > 1 && lines.concat() == url, "{lines:?}");
    assert!(lines.iter().all(|l| font.width(l, 10.0) <= 80.0));
}

#[test]
fn the_pdf_is_one_pdf_and_an_unknown_park_is_named_in_the_error() {
    let (dataset, map) = load(&lakeshore());
    let id = dataset.parks[0].id.clone();
    let bytes = brief_pdf(&dataset, map.as_ref(), &id, &[], Language::Zh).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    let err = brief_pdf(&dataset, None, &ParkId::new("atlantis"), &[], Language::En).expect_err("unknown");
    assert_eq!(err.to_string(), "the dataset has no park \"atlantis\"");
}

#[test]
fn source_numbers_are_shortened_to_ranges() {
    assert_eq!(super::layout::number_ranges(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7, 8");
    assert_eq!(super::layout::number_ranges(&[4]), "4");
}

#[test]
fn file_names_come_from_park_ids() {
    assert_eq!(super::file_name(&ParkId::new("haidian")), "haidian.pdf");
    assert_eq!(super::file_name(&ParkId::new("a/b c")), "a-b-c.pdf");
    assert_eq!(super::file_name(&ParkId::new("..")), "park.pdf");
}

#[test]
fn a_figure_another_source_states_otherwise_shows_the_other_value_with_its_source() {
    let income_2018 = r#"(metric: "total_income", value: 630, year: 2018, qualifier: Preliminary, source: "s1"),"#;
    let text = crate::model::tests::SMALL_RON.replacen(
        income_2018,
        &format!(
            r#"{income_2018}
                (metric: "total_income", value: 600, year: 2018, source: "s2"),
                (metric: "total_income", value: 630, year: 2018, source: "s2"),"#
        ),
        1,
    );
    assert_ne!(text, crate::model::tests::SMALL_RON, "the fixture has the 2018 figure");
    let dataset = load_dataset(&text, "small.ron").expect("the edited fixture is valid");
    let park = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let content = BriefContent::of(&dataset, None, park, Vec::new(), Language::En);
    let income = content.figures.iter().find(|row| row.metric == "Total income").expect("a total income row");
    assert_eq!(income.value, "630 bn yuan");
    let second = content.sources.iter().find(|s| s.text.contains("第二份报告")).expect("the second source is cited");
    // The same value from another source is no difference: listed once, with the value that differs.
    assert_eq!(income.also_stated, [format!("600 bn yuan [{}]", second.number)]);
    let page = lay_out(&content, &font(content.language));
    let expected = format!("Also stated for the same year: 600 bn yuan [{}]", second.number);
    assert!(text_of(&page).contains(&expected), "{}", text_of(&page));
    assert_fits_without_overlap(&page, "a park with a figure stated otherwise");

    // In Chinese, in the unit the dataset gives Chinese: 亿元, ten to the stored 十亿元.
    let zh = BriefContent::of(&dataset, None, park, Vec::new(), Language::Zh);
    let income = zh.figures.iter().find(|row| row.metric == "总收入").expect("a total income row");
    assert_eq!(income.value, "6,300亿元");
    assert_eq!(income.also_stated, [format!("6,000亿元 [{}]", second.number)]);
}

/// A figure's caveat is printed under it, in the brief's language: a handout quoted without
/// it read as plain fact ("includes another area", "the year is not stated").
#[test]
fn a_figures_note_is_printed_under_it() {
    let dataset = crate::model::tests::small_dataset();
    for (language, note) in [(Language::En, "Note: A loss."), (Language::Zh, "注：亏损。")] {
        let page = page_of(&dataset, None, "alpha", &[], language);
        assert!(text_of(&page).contains(note), "{language:?}: {}", text_of(&page));
        assert_fits_without_overlap(&page, "a park with a noted figure");
    }
}

/// No line of the shipped parks' briefs is cut short with "…" in either language: a milestone
/// cut at "(26…" left a handout saying less than the app.
#[test]
fn no_line_of_a_shipped_parks_brief_is_cut_short() {
    let (dataset, map) = load(&DataOrigin::Embedded);
    for park in &dataset.parks {
        for language in [Language::En, Language::Zh] {
            let page = page_of(&dataset, map.as_ref(), park.id.as_str(), &[], language);
            // A web address too long for its two lines is cut on purpose: its link is whole.
            let address = |text: &str| text.is_ascii() && !text.contains(' ');
            let cut: Vec<&str> = page
                .texts()
                .map(|run| run.text.as_str())
                .filter(|text| text.ends_with('…') && !address(text.trim_end_matches('…')))
                .collect();
            assert!(cut.is_empty(), "{} ({language:?}): {cut:?}", park.id);
        }
    }
}

/// The source numbers `text` cites in brackets: "[3]", "[1, 4–6]".
fn cited_numbers(text: &str) -> Vec<usize> {
    let mut numbers = Vec::new();
    for group in text.split('[').skip(1).filter_map(|rest| rest.split_once(']').map(|(inside, _)| inside)) {
        for part in group.split(", ") {
            let bounds: Vec<usize> = part.split('–').filter_map(|n| n.trim().parse().ok()).collect();
            if let [from, to] = bounds.as_slice() {
                numbers.extend(*from..=*to);
            } else {
                numbers.extend(bounds);
            }
        }
    }
    numbers
}

/// Every source number a line of the page cites is in the page's list of sources, however much
/// was cut to fit (a brief cited [8] and [9] under a list that stopped at [5], while listing
/// sources of figures it had cut), and every source listed is cited on the page. (A park citing
/// more sources than a page holds, the made-up crowded one, lists what fits and counts the rest.)
#[test]
fn every_source_cited_on_the_page_is_listed_and_only_those() {
    let (shipped, map) = load(&DataOrigin::Embedded);
    let mut cut = 0;
    for (park, language) in shipped.parks.iter().flat_map(|park| [(park, Language::En), (park, Language::Zh)]) {
        let (content, page) = super::numbered_page(&shipped, map.as_ref(), park, &[], language, &font(language));
        assert_lists_what_it_cites(&content, &page, &format!("{} ({language:?})", park.id));
        // Numbered as the page cites them: 1, 2, 3…, whatever was cut.
        assert_eq!(page.cited, (1..=page.cited.len()).collect::<Vec<_>>(), "{} ({language:?})", park.id);
        cut += usize::from(page.cuts.sources > 0);
    }
    assert!(cut > 0, "a fair test: some page had to leave sources out");
}

/// The page's list of sources holds every number a line above it cites, and only those.
fn assert_lists_what_it_cites(content: &BriefContent, page: &Page, what: &str) {
    let runs: Vec<_> = page.texts().collect();
    // The section's heading, at the margin (the figures' column of sources is headed 来源 too).
    let heading =
        runs.iter().position(|run| ["Sources", "来源"].contains(&run.text.as_str()) && (run.x - MARGIN).abs() < 0.5);
    let Some(heading) = heading else { panic!("{what}: no sources heading") };
    let listed: std::collections::BTreeSet<usize> = runs[heading..]
        .iter()
        .filter(|run| (run.x - MARGIN).abs() < 0.5)
        .filter_map(|run| run.text.strip_prefix('[')?.strip_suffix(']')?.parse().ok())
        .collect();
    // Of the bracketed numbers, those that can be sources' ("[2012]" in a note is a year).
    let cited: std::collections::BTreeSet<usize> = runs[..heading]
        .iter()
        .flat_map(|run| cited_numbers(&run.text))
        .filter(|n| *n <= content.sources.len())
        .collect();
    assert!(cited.is_subset(&listed), "{what}: cites {cited:?}, lists {listed:?}");
    assert!(listed.is_subset(&cited), "{what}: lists {listed:?}, cites only {cited:?}");
}

/// A line of other values too long for its room is cut with "…", and a source only the cut part
/// cited is not listed: the page listed sources no line pointed to.
#[test]
fn a_source_only_a_cut_line_cited_is_not_listed() {
    let income_2018 = r#"(metric: "total_income", value: 630, year: 2018, qualifier: Preliminary, source: "s1"),"#;
    let others: Vec<String> = (1..=14)
        .map(|i| format!(r#"(metric: "total_income", value: {}, year: 2018, source: "x{i}"),"#, 1000 + i))
        .collect();
    let sources: Vec<String> = (1..=14)
        .map(|i| format!(r#"(id: "x{i}", title: "Report {i}", publisher: "Office {i}", language: "en")"#))
        .collect();
    let last = "note: Some(\"No URL known.\")),";
    let text = crate::model::tests::SMALL_RON
        .replacen(income_2018, &format!("{income_2018}\n{}", others.join("\n")), 1)
        .replacen(last, &format!("{last}\n{},", sources.join(",\n")), 1);
    let dataset = load_dataset(&text, "small.ron").expect("the edited fixture is valid");
    let park = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let content = BriefContent::of(&dataset, None, park, Vec::new(), Language::En);
    let page = lay_out(&content, &font(content.language));
    let also_stated = brief_words(Language::En).also_stated;
    let lines: Vec<&str> = page.texts().map(|run| run.text.as_str()).collect();
    let first = lines.iter().position(|line| line.starts_with(also_stated)).expect("the other values' line");
    let cut = lines.get(first + 1).is_some_and(|second| second.ends_with('…'));
    assert!(cut, "a fair test: the other values' line is cut\n{}", text_of(&page));
    assert_lists_what_it_cites(&content, &page, "fourteen other values");
    assert!(page.cited.windows(2).any(|pair| pair[1] > pair[0] + 1), "a fair test: a gap {:?}", page.cited);

    // Numbered as the page cites them, the list has no gap, and still lists what is cited.
    let (content, page) = super::numbered_page(&dataset, None, park, &[], Language::En, &font(Language::En));
    assert_eq!(page.cited, (1..=page.cited.len()).collect::<Vec<_>>(), "{}", text_of(&page));
    assert_lists_what_it_cites(&content, &page, "numbered again");
    assert!(text_of(&page).contains("Office 1"), "the first other value's source, listed");
}

/// Each listed source starts with the label the dataset's notes and the app's sources lines cite
/// it by ("China Daily 2020c"), so a note naming a source finds it in the list.
#[test]
fn listed_sources_carry_the_labels_notes_cite_them_by() {
    let (shipped, map) = load(&DataOrigin::Embedded);
    for park in &shipped.parks {
        let content = BriefContent::of(&shipped, map.as_ref(), park, Vec::new(), Language::En);
        for row in &content.sources {
            let quoted = |s: &crate::model::Source| row.text.contains(&format!("“{}”", s.title));
            let source = shipped.sources.iter().find(|s| quoted(s)).expect("its source");
            let label = crate::format::source_line_label(source, Language::En);
            assert!(row.text.starts_with(&label), "{}: {:?} lacks {label:?}", park.id, row.text);
        }
    }
}

/// A Chinese brief writes a source's date after its title with the Chinese comma, as the title
/// follows the label: "中国日报 2020a，《…》, 2020-03-10" mixed the two.
#[test]
fn a_chinese_source_line_uses_one_kind_of_comma() {
    let (shipped, map) = load(&DataOrigin::Embedded);
    let mut dated = 0;
    for park in &shipped.parks {
        let content = BriefContent::of(&shipped, map.as_ref(), park, Vec::new(), Language::Zh);
        for row in &content.sources {
            let quoted = |s: &crate::model::Source| row.text.contains(&format!("《{}》", s.title));
            let Some(date) = shipped.sources.iter().find(|s| quoted(s)).and_then(|s| s.date.as_ref()) else { continue };
            assert!(row.text.ends_with(&format!("，{date}")), "{}: {:?}", park.id, row.text);
            dated += 1;
        }
    }
    assert!(dated > 0, "a fair test: some sources are dated");
}

/// A note naming another source by its label ("the same news as Beiqing 2021") is followed by
/// that source's number, and the source is listed: the reader has somewhere to look.
#[test]
fn a_source_a_note_names_is_numbered_and_listed() {
    let (shipped, map) = load(&DataOrigin::Embedded);
    let daxing = shipped.park(&ParkId::new("daxing")).expect("Daxing");
    let content = BriefContent::of(&shipped, map.as_ref(), daxing, Vec::new(), Language::En);
    let beiqing = shipped
        .sources
        .iter()
        .find(|source| crate::format::source_line_label(source, Language::En) == "Beiqing 2021")
        .expect("a fair test: the dataset has the source a Daxing note names");
    let noted =
        content.figures.iter().find(|row| row.note.as_deref().is_some_and(|note| note.contains("Beiqing 2021")));
    let Some(row) = noted else { panic!("a Daxing note names Beiqing 2021") };
    let number = content.sources.iter().find(|s| s.text.contains(&beiqing.title)).map(|s| s.number).expect("listed");
    assert!(row.note.as_deref().is_some_and(|note| note.contains(&format!("Beiqing 2021 [{number}]"))), "{row:?}");
    assert!(row.note_sources.contains(&number));
}
