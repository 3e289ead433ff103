//! The real dataset, `data/zgc.ron`, checked against the seed articles and the data-truth rules.

use zgc_atlas::format::source_label;
use zgc_atlas::model::EMBEDDED_DATASET;
use zgc_atlas::model::{
    Dataset, Language, MetricId, Observation, ParkId, Period, Qualifier, Role, SourceId, load_dataset,
};

fn dataset() -> Dataset {
    load_dataset(EMBEDDED_DATASET, "data/zgc.ron").unwrap_or_else(|errors| panic!("{errors}"))
}

/// The figure of `park` with this metric, value and year (several sources may state it; they must
/// agree on how), or a panic naming what is missing.
fn figure(dataset: &Dataset, park: &str, metric: &str, value: f64, year: i32) -> (Qualifier, Option<Period>) {
    let park = dataset.park(&ParkId::new(park)).unwrap_or_else(|| panic!("no park {park}"));
    let metric = MetricId::new(metric);
    let found: Vec<_> = park
        .observations
        .iter()
        .filter(|o| o.metric == metric && (o.value - value).abs() < 1e-9 && o.year == year)
        .collect();
    assert!(!found.is_empty(), "{}: no {metric} = {value} in {year}", park.id);
    assert!(found.iter().all(|o| (o.qualifier, o.period) == (found[0].qualifier, found[0].period)));
    (found[0].qualifier, found[0].period)
}

/// The one figure of `park` (or of the zone, for `"zone"`) with this metric, value, year and
/// source, or a panic naming what is missing.
fn observation<'a>(
    dataset: &'a Dataset,
    park: &str,
    metric: &str,
    value: f64,
    year: i32,
    source: &str,
) -> &'a Observation {
    let observations = if park == "zone" {
        &dataset.zone.as_ref().expect("the zone-wide benchmark").observations
    } else {
        &dataset.park(&ParkId::new(park)).unwrap_or_else(|| panic!("no park {park}")).observations
    };
    let found: Vec<&Observation> = observations
        .iter()
        .filter(|o| {
            o.metric.as_str() == metric
                && (o.value - value).abs() < 1e-9
                && o.year == year
                && o.source.as_str() == source
        })
        .collect();
    assert_eq!(found.len(), 1, "{park}: {metric} = {value} in {year} from {source}");
    found[0]
}

/// The note of a figure, empty when it has none.
fn note(observation: &Observation) -> &str {
    observation.note.as_deref().unwrap_or_default()
}

/// Every figure of `park` (or of the zone, for `"zone"`) with this metric.
fn all_of<'a>(dataset: &'a Dataset, park: &str, metric: &str) -> Vec<&'a Observation> {
    let observations = if park == "zone" {
        &dataset.zone.as_ref().expect("the zone-wide benchmark").observations
    } else {
        &dataset.park(&ParkId::new(park)).unwrap_or_else(|| panic!("no park {park}")).observations
    };
    observations.iter().filter(|o| o.metric.as_str() == metric).collect()
}

#[test]
fn the_sixteen_parks_are_all_there_with_daxing_and_yizhuang_apart() {
    let dataset = dataset();
    let ids: Vec<&str> = dataset.parks.iter().map(|p| p.id.as_str()).collect();
    for id in [
        "dongcheng",
        "xicheng",
        "chaoyang",
        "haidian",
        "fengtai",
        "shijingshan",
        "mentougou",
        "fangshan",
        "tongzhou",
        "shunyi",
        "daxing",
        "yizhuang",
        "changping",
        "pinggu",
        "huairou",
        "miyun",
        "yanqing",
    ] {
        assert!(ids.contains(&id), "park {id} is missing");
    }
    assert_eq!(dataset.parks.len(), 17);
    for id in ["daxing", "yizhuang"] {
        let park = dataset.park(&ParkId::new(id)).expect("park");
        assert!(park.part_of.is_some(), "{id} must say it is part of the Daxing-Yizhuang Park");
    }
    let zone = dataset.zone.as_ref().expect("the zone-wide benchmark");
    assert!(zone.observations.iter().any(|o| o.metric.as_str() == "planned_area" && (o.value - 488.0).abs() < 1e-9));
}

#[test]
fn every_park_has_names_district_industry_figure_location_and_description() {
    let dataset = dataset();
    for park in &dataset.parks {
        assert!(park.name.zh.starts_with("中关村"), "{}: Chinese name {}", park.id, park.name.zh);
        assert!(!park.districts.is_empty(), "{}", park.id);
        assert!(!park.industries.is_empty(), "{} has no industry", park.id);
        assert!(!park.observations.is_empty(), "{} has no figure", park.id);
        let location = park.location.as_ref().unwrap_or_else(|| panic!("{} has no location", park.id));
        assert!(location.approximate, "{}: the sources give no coordinates", park.id);
        assert!((115.4..=117.6).contains(&location.lon) && (39.4..=41.1).contains(&location.lat), "{}", park.id);
        let description = park.description.as_ref().unwrap_or_else(|| panic!("{} has no description", park.id));
        assert!(description.en.len() > 40 && description.zh.chars().count() > 20, "{}", park.id);
    }
}

#[test]
fn the_industry_taxonomy_covers_what_the_sources_name() {
    let dataset = dataset();
    assert!((20..=35).contains(&dataset.industries.len()), "{} industries", dataset.industries.len());
    for id in [
        "ai",
        "fintech",
        "biomedicine",
        "new_energy",
        "new_materials",
        "semiconductors",
        "hydrogen",
        "energy_storage",
        "synthetic_biology",
        "autonomous_driving",
        "industrial_internet",
        "aerospace",
        "rail_transit",
    ] {
        assert!(dataset.industries.iter().any(|i| i.id.as_str() == id), "industry {id} is missing");
    }
}

#[test]
fn chaoyang_seed_figures_are_present_as_stated() {
    let dataset = dataset();
    // "It has a planned area of 26.1 square kilometers", present tense on a page of 2020 (issue #15).
    assert_eq!(figure(&dataset, "chaoyang", "planned_area", 26.1, 2020).0, Qualifier::Reported);
    assert_eq!(figure(&dataset, "chaoyang", "high_tech_enterprises", 1382.0, 2020).0, Qualifier::Reported);
    assert_eq!(figure(&dataset, "chaoyang", "total_income", 630.0, 2018).0, Qualifier::Preliminary);
    assert_eq!(figure(&dataset, "chaoyang", "total_profit", 64.0, 2018).0, Qualifier::Preliminary);
    // 2016: a predicted income, the Jan–Oct income of four industries, and a 2020 target.
    assert_eq!(figure(&dataset, "chaoyang", "total_income", 420.0, 2016).0, Qualifier::Forecast);
    assert_eq!(figure(&dataset, "chaoyang", "core_industries_income", 263.49, 2016).1, Some(Period::JanTo(10)));
    assert_eq!(figure(&dataset, "chaoyang", "internet_enterprises", 600.0, 2016).0, Qualifier::Approximate);
    assert_eq!(figure(&dataset, "chaoyang", "total_income", 500.0, 2020).0, Qualifier::Target);
}

#[test]
fn e_town_seed_figures_are_present_as_stated() {
    let dataset = dataset();
    // 225 km² is the whole E-Town New Area, not the ZGC park's policy area.
    figure(&dataset, "yizhuang", "development_zone_area", 225.0, 2023);
    assert_eq!(figure(&dataset, "yizhuang", "foreign_invested_firms", 1043.0, 2023).1, Some(Period::Cumulative));
    figure(&dataset, "yizhuang", "talent", 349_200.0, 2023);
    figure(&dataset, "yizhuang", "invention_patents_per_10k", 839.0, 2023);
    assert_eq!(
        figure(&dataset, "yizhuang", "share_of_beijing_industrial_value_added", 30.0, 2023).0,
        Qualifier::Approximate
    );
}

#[test]
fn xicheng_seed_facts_are_present_as_stated() {
    let dataset = dataset();
    figure(&dataset, "xicheng", "planned_area", 10.0, 2012);
    let park = dataset.park(&ParkId::new("xicheng")).expect("xicheng");
    let dates: Vec<(i32, Option<u8>)> = park.milestones.iter().map(|m| (m.year, m.month)).collect();
    assert!(dates.contains(&(2001, Some(6))) && dates.contains(&(2002, Some(5))), "{dates:?}");
    // The "1+2+2" layout: one leading, two key, two focus industries.
    let role_of = |industry: &str| park.industries.iter().find(|l| l.industry.as_str() == industry).map(|l| l.role);
    assert_eq!(role_of("fintech"), Some(Role::Leading));
    assert_eq!(role_of("culture_tech"), Some(Role::Key));
    assert_eq!(role_of("data"), Some(Role::Key));
    assert_eq!(role_of("ip_services"), Some(Role::Focus));
    assert_eq!(role_of("new_energy"), Some(Role::Focus));
}

#[test]
fn no_plan_or_forecast_passes_as_an_actual_figure() {
    let dataset = dataset();
    // A figure whose note speaks of a target or expectation must be marked as one.
    for park in &dataset.parks {
        for obs in &park.observations {
            let note = obs.note.as_deref().unwrap_or_default().to_lowercase();
            let sounds_planned =
                note.starts_with("target") || note.contains("expected to") || note.contains("plans to");
            assert!(
                !sounds_planned || obs.qualifier.is_projection(),
                "{} {} {}: note says {note:?} but qualifier is {:?}",
                park.id,
                obs.metric,
                obs.year,
                obs.qualifier
            );
        }
        // The table's "latest" never shows a projection.
        for metric in &dataset.metrics {
            if let Some(latest) = dataset.latest(park, &metric.id) {
                assert!(!latest.observation.qualifier.is_projection());
            }
        }
    }
}

#[test]
fn every_source_is_used_and_every_seed_article_is_cited() {
    let dataset = dataset();
    // The file says so in a comment above each such source (the notes are for the app's users).
    let lines: Vec<&str> = EMBEDDED_DATASET.lines().map(str::trim).collect();
    let mut seeds: Vec<&str> = lines
        .windows(3)
        .filter(|w| w[0].starts_with("// Seed article") && w[1] == "(")
        .filter_map(|w| w[2].strip_prefix("id: \"")?.strip_suffix("\","))
        .collect();
    seeds.sort_unstable();
    seeds.dedup();
    assert_eq!(seeds.len(), 5, "each of the five seed articles is a source: {seeds:?}");
    assert!(seeds.iter().all(|id| dataset.source(&SourceId::new(*id)).is_some()), "{seeds:?}");
    let export = zgc_atlas::cli::export_rows(&dataset);
    for source in &dataset.sources {
        assert!(source.url.is_some() || source.note.is_some(), "{}: neither URL nor note", source.id);
        let cited_by_figure = export.iter().any(|row| row.source_id == source.id.as_str());
        let cited_elsewhere = dataset.parks.iter().any(|p| {
            p.industries.iter().any(|l| l.source == source.id)
                || p.milestones.iter().any(|m| m.source == source.id)
                || p.sub_areas.iter().chain(&p.companies).any(|n| n.source == source.id)
        });
        assert!(cited_by_figure || cited_elsewhere, "source {} is never cited", source.id);
    }
}

/// A note is read by the app's users, who have neither the research files nor the sources' ids:
/// it names another source as the app labels it ("China Daily 2016"), never "S63" or a file.
#[test]
fn no_note_shown_to_users_cites_a_source_id_or_a_research_file() {
    let dataset = dataset();
    let observations = dataset.parks.iter().flat_map(|p| &p.observations);
    let observations = observations.chain(dataset.zone.iter().flat_map(|z| &z.observations));
    // In both languages: the Chinese notes are read as much as the English ones.
    let figure_notes = observations.flat_map(|o| [o.note.as_deref(), o.note_zh.as_deref()]);
    let source_notes = dataset.sources.iter().flat_map(|s| [s.note.as_deref(), s.note_zh.as_deref()]);
    let notes = figure_notes.chain(source_notes).flatten();
    let mut cited = Vec::new();
    for note in notes {
        let words = note.split(|c: char| !c.is_alphanumeric() && c != '_');
        if let Some(id) = words.into_iter().find(|word| dataset.source(&SourceId::new(*word)).is_some()) {
            cited.push(format!("{id}: {note}"));
        }
        if note.contains("parks-facts") || note.contains("Seed article") {
            cited.push(note.to_owned());
        }
    }
    assert!(cited.is_empty(), "{cited:#?}");
}

#[test]
fn the_six_corrections_of_issue_15_are_in_the_data() {
    let dataset = dataset();
    // 1. Fengtai 2018: "preliminary statistics show".
    for (metric, value) in [("total_income", 558.0), ("total_profit", 42.0)] {
        let obs = observation(&dataset, "fengtai", metric, value, 2018, "S11");
        assert_eq!((obs.qualifier, obs.period), (Qualifier::Preliminary, None), "fengtai {metric}");
    }
    // 2. Zone 2020 patents: January–November, and the valid patents at the end of November.
    for (metric, value) in [("patent_applications", 97_000.0), ("patent_grants", 63_000.0)] {
        let obs = observation(&dataset, "zone", metric, value, 2020, "S69");
        assert_eq!((obs.qualifier, obs.period), (Qualifier::Reported, Some(Period::JanTo(11))), "zone {metric}");
    }
    let valid = observation(&dataset, "zone", "invention_patents", 140_000.0, 2020, "S69");
    assert_eq!((valid.qualifier, valid.period), (Qualifier::AtLeast, Some(Period::JanTo(11))));
    assert!(note(valid).contains("end of November"), "{}", note(valid));
    // 3. Yizhuang 2012: "more than 200 billion".
    let output = observation(&dataset, "yizhuang", "industrial_output", 200.0, 2012, "S45");
    assert_eq!((output.qualifier, output.period), (Qualifier::AtLeast, None));
    assert!(note(output).contains("more than 200 billion"), "{}", note(output));
    // 4. Changping 2017: the talents and the maker space are Changping District's.
    assert!(all_of(&dataset, "changping", "thousand_talents_experts").is_empty());
    let talents = observation(&dataset, "changping", "district_thousand_talents_experts", 230.0, 2017, "S6");
    assert_eq!((talents.qualifier, talents.period), (Qualifier::Reported, None));
    for scope in ["DISTRICT-WIDE", "Changping District", "maker space"] {
        assert!(note(talents).contains(scope), "{}", note(talents));
    }
    // 5. 2005 [S8]: a table headed "preliminary statistics", some park values "estimated".
    for (metric, value) in
        [("total_income", 481.9), ("industrial_output", 255.2), ("taxes_paid", 16.8), ("exports_usd", 9.0)]
    {
        let obs = observation(&dataset, "zone", metric, value, 2005, "S8");
        assert_eq!((obs.qualifier, obs.period), (Qualifier::Preliminary, None), "zone {metric}");
    }
    for (park, value) in [("haidian", 248.5), ("changping", 23.7), ("chaoyang", 41.0), ("yizhuang", 96.5)] {
        let obs = observation(&dataset, park, "total_income", value, 2005, "S8");
        assert_eq!((obs.qualifier, obs.period), (Qualifier::Approximate, None), "{park}");
        assert!(note(obs).contains("\"estimated\"") && note(obs).contains("preliminary statistics"), "{park}");
    }
    for (park, value) in [("fengtai", 60.0), ("chaoyang", 1.0), ("xicheng", 2.22)] {
        let obs = observation(&dataset, park, "total_income", value, 2005, "S8");
        assert_eq!((obs.qualifier, obs.period), (Qualifier::Preliminary, None), "{park}");
        assert!(note(obs).contains("not marked estimated"), "{park}");
    }
    let zone = dataset.zone.as_ref().expect("zone");
    let from_s8_in_2005 = dataset.parks.iter().flat_map(|p| &p.observations).chain(&zone.observations);
    for obs in from_s8_in_2005.filter(|o| o.source.as_str() == "S8" && o.year == 2005) {
        assert_ne!(
            obs.qualifier,
            Qualifier::Reported,
            "S8 {} {}: the whole table is preliminary",
            obs.metric,
            obs.value
        );
    }
    // 6. Zone unicorns 2017: the page says 70, not "about 70".
    let unicorns = observation(&dataset, "zone", "unicorns", 70.0, 2017, "S86");
    assert_eq!((unicorns.qualifier, unicorns.period), (Qualifier::Reported, None));
}

#[test]
fn the_reconsidered_figures_say_what_their_pages_support() {
    let dataset = dataset();
    // Mentougou: the page names no year, so it is dated by the page and says so.
    let mentougou = observation(&dataset, "mentougou", "total_income", 100.0, 2025, "S201");
    assert_eq!((mentougou.qualifier, mentougou.period), (Qualifier::AtLeast, None));
    assert!(note(mentougou).contains("names neither the year nor the period"), "{}", note(mentougou));
    // Dongcheng and Chaoyang: the same series of pages, the same dating (the page's year).
    let dongcheng = observation(&dataset, "dongcheng", "planned_area", 6.03, 2020, "S9");
    let chaoyang = observation(&dataset, "chaoyang", "planned_area", 26.1, 2020, "S10");
    assert!(note(dongcheng).contains("Chaoyang") && note(chaoyang).contains("Dongcheng"));
    // Yizhuang: "some 30 years ago" is no year, so 3.83 km² is no dated figure, only a note.
    let yizhuang = dataset.park(&ParkId::new("yizhuang")).expect("yizhuang");
    assert!(!yizhuang.observations.iter().any(|o| (o.value - 3.83).abs() < 1e-9));
    assert!(note(observation(&dataset, "yizhuang", "development_zone_area", 225.0, 2023, "S49")).contains("3.83 km²"));
    // Daxing: a 100 bn "medicine and health cluster", not output.
    assert!(all_of(&dataset, "daxing", "industrial_output").iter().all(|o| o.source.as_str() != "S25"));
    let cluster = observation(&dataset, "daxing", "medicine_health_cluster", 100.0, 2025, "S25");
    assert_eq!(cluster.qualifier, Qualifier::Target);
    let metric = dataset.metric(&MetricId::new("medicine_health_cluster")).expect("metric");
    assert!(metric.name.en.contains("medicine and health cluster") && metric.unit.en == "bn yuan");
    // Yizhuang: the pages say "industrial output value", not above-size.
    for (value, year, period, source) in
        [(402.8, 2023, Period::JanTo(9), "S48"), (148.69, 2024, Period::JanTo(3), "S47")]
    {
        assert_eq!(observation(&dataset, "yizhuang", "industrial_output", value, year, source).period, Some(period));
        assert!(
            all_of(&dataset, "yizhuang", "above_size_industrial_output").iter().all(|o| (o.value - value).abs() > 1e-9)
        );
    }
    // Chaoyang: three scopes, three metrics, so no line on a chart joins them.
    assert_eq!(observation(&dataset, "chaoyang", "strategic_emerging_share", 76.1, 2015, "S63").period, None);
    let core = all_of(&dataset, "chaoyang", "core_industries_share");
    assert_eq!(core.len(), 1);
    assert_eq!((core[0].value, core[0].period), (75.5, Some(Period::JanTo(10))));
    assert_eq!(
        observation(&dataset, "chaoyang", "pillar_industries_share", 77.0, 2020, "S5").qualifier,
        Qualifier::Forecast
    );
    // Chaoyang: the three pillars have the same standing in their source.
    let park = dataset.park(&ParkId::new("chaoyang")).expect("chaoyang");
    for industry in ["electronic_information", "new_energy", "advanced_manufacturing"] {
        let link = park.industries.iter().find(|l| l.industry.as_str() == industry).expect("industry");
        assert_eq!((link.role, link.source.as_str()), (Role::Pillar, "S5"), "{industry}");
    }
    // Pinggu: the drone town comes from S57, the Mafang park from S33.
    let pinggu = dataset.park(&ParkId::new("pinggu")).expect("pinggu");
    for area in &pinggu.sub_areas {
        let drone = area.name.en.to_lowercase().contains("drone");
        assert_eq!(area.source.as_str() == "S57", drone, "{}", area.name.en);
    }
}

#[test]
fn names_are_written_as_the_sources_write_them() {
    let dataset = dataset();
    let sub_areas = |park: &str| dataset.park(&ParkId::new(park)).expect("park").sub_areas.clone();
    let shunyi: Vec<String> = sub_areas("shunyi").iter().map(|n| n.name.zh.clone()).collect();
    assert!(shunyi.iter().any(|zh| zh.starts_with("实创")) && shunyi.iter().any(|zh| zh.starts_with("北方新辉")));
    assert!(shunyi.iter().all(|zh| !zh.contains("Shichuang") && !zh.contains("Beifang")), "{shunyi:?}");
    // "Beizhan": neither "North Station" nor 北展 is in a source, and the source says so.
    let xicheng = sub_areas("xicheng");
    assert!(xicheng.iter().all(|n| !n.name.en.contains("North Station") && n.name.zh != "北展街区"));
    assert!(xicheng.iter().any(|n| n.name.en == "Beizhan block"));
    let s2 = dataset.sources.iter().find(|s| s.id.as_str() == "S2").expect("S2");
    assert!(s2.note.as_deref().is_some_and(|n| n.contains("北展") && n.contains("北站")));
    // Companies no source names in Chinese keep their Latin name, and their source says so.
    for (park, company) in [
        ("fengtai", "HAIGE"),
        ("fengtai", "BNIBT"),
        ("mentougou", "Weilian"),
        ("miyun", "Amsino"),
        ("miyun", "Longdingyuan"),
    ] {
        let park = dataset.park(&ParkId::new(park)).expect("park");
        let named = park.companies.iter().find(|c| c.name.en.starts_with(company)).expect(company);
        assert_eq!(named.name.zh, named.name.en, "{company}");
        let source = dataset.sources.iter().find(|s| s.id == named.source).expect("source");
        assert!(source.note.as_deref().is_some_and(|n| n.contains(company) && n.contains("Latin")), "{company}");
    }
}

#[test]
fn the_first_half_of_2005_keeps_the_first_published_and_the_restated_figures() {
    let dataset = dataset();
    // [T1] as first published in July 2005, [S7] (= [T2]) as restated a year later.
    for (park, first, restated) in [
        ("haidian", 99.9, 93.2),
        ("fengtai", 23.4, 22.3),
        ("changping", 12.5, 12.5),
        ("chaoyang", 17.0, 18.5),
        ("chaoyang", 0.25, 0.4),
        ("yizhuang", 37.5, 39.1),
        ("xicheng", 0.78, 0.8),
    ] {
        let t1 = observation(&dataset, park, "total_income", first, 2005, "T1");
        let s7 = observation(&dataset, park, "total_income", restated, 2005, "S7");
        for obs in [t1, s7] {
            assert_eq!((obs.qualifier, obs.period), (Qualifier::Reported, Some(Period::H1)), "{park}");
        }
        // Each note names the other figure's source as the app labels it.
        let label = |obs: &Observation| source_label(dataset.source(&obs.source).expect("source"), Language::En);
        assert!(note(t1).contains("FIRST PUBLISHED") && note(t1).contains(&label(s7)), "{park}: {}", note(t1));
        assert!(note(s7).contains("RESTATED") && note(s7).contains(&label(t1)), "{park}: {}", note(s7));
    }
    // The loader keeps two figures of one park, metric, year and period.
    let haidian_h1_2005 = all_of(&dataset, "haidian", "total_income")
        .into_iter()
        .filter(|o| o.year == 2005 && o.period == Some(Period::H1))
        .count();
    assert_eq!(haidian_h1_2005, 2);
    assert_eq!(observation(&dataset, "haidian", "share_of_zgc_income", 52.2, 2005, "T1").period, Some(Period::H1));
    // The zone: 191 bn as first published, 187.2 bn restated in the companion release [T4].
    let t4 = source_label(dataset.source(&SourceId::new("T4")).expect("T4"), Language::En);
    assert!(note(observation(&dataset, "zone", "total_income", 191.0, 2005, "T1")).contains(&t4));
    assert!(note(observation(&dataset, "zone", "total_income", 187.2, 2005, "T4")).contains("RESTATED"));
    assert_eq!(observation(&dataset, "zone", "total_income", 256.6, 2006, "T4").period, Some(Period::H1));
}

#[test]
fn a_sample_of_the_additions_from_the_tables_pass() {
    let dataset = dataset();
    // Haidian 2012 [T5].
    assert_eq!(observation(&dataset, "haidian", "total_income", 1070.0, 2012, "T5").qualifier, Qualifier::Reported);
    assert_eq!(
        observation(&dataset, "haidian", "high_tech_enterprises", 10_000.0, 2012, "T5").qualifier,
        Qualifier::AtLeast
    );
    observation(&dataset, "haidian", "overseas_listed_companies", 73.0, 2012, "T5");
    // Fengtai 2015 [T6] and 2019 [T7]; the forecast never passes for the latest income.
    observation(&dataset, "fengtai", "total_income", 400.42, 2015, "T6");
    assert_eq!(observation(&dataset, "fengtai", "total_income", 630.0, 2019, "T7").qualifier, Qualifier::Forecast);
    let fengtai = dataset.park(&ParkId::new("fengtai")).expect("fengtai");
    let latest = dataset.latest(fengtai, &MetricId::new("total_income")).expect("income");
    assert_eq!((latest.observation.value, latest.observation.year), (558.0, 2018));
    let national = observation(&dataset, "fengtai", "national_high_tech_enterprises", 1010.0, 2019, "T7");
    assert_eq!(national.qualifier, Qualifier::Approximate);
    assert_eq!(observation(&dataset, "fengtai", "listed_companies", 28.0, 2019, "T7").period, Some(Period::Cumulative));
    // Daxing Biomedicine Base: income 2012 [T8] and 2020 [T9]; the 2021 jumps are output.
    observation(&dataset, "daxing", "total_income", 11.6, 2012, "T8");
    observation(&dataset, "daxing", "total_income", 29.3, 2020, "T9");
    observation(&dataset, "daxing", "taxes_paid", 1.74, 2020, "T9");
    let daxing = dataset.park(&ParkId::new("daxing")).expect("daxing");
    let latest = dataset.latest(daxing, &MetricId::new("total_income")).expect("income");
    assert_eq!((latest.observation.value, latest.observation.year), (29.3, 2020));
    assert!(all_of(&dataset, "daxing", "total_income").iter().all(|o| o.year != 2021));
    let output = observation(&dataset, "daxing", "above_size_industrial_output", 146.65, 2021, "T14");
    assert_eq!(output.period, Some(Period::JanTo(10)));
    assert!(note(output).contains("not income"), "{}", note(output));
    assert_eq!(
        observation(&dataset, "daxing", "above_size_industrial_output", 21.8, 2021, "T13").period,
        Some(Period::JanTo(3))
    );
    assert_eq!(observation(&dataset, "daxing", "enterprises", 5000.0, 2021, "T14").qualifier, Qualifier::AtLeast);
    // Each new source has a title, publisher and URL as the research notes give them.
    for id in ["T1", "T4", "T5", "T6", "T7", "T8", "T9", "T11", "T13", "T14"] {
        let source = dataset.sources.iter().find(|s| s.id.as_str() == id).unwrap_or_else(|| panic!("source {id}"));
        assert!(!source.title.is_empty() && !source.publisher.is_empty() && source.url.is_some(), "{id}");
    }
    assert_eq!((dataset.meta.version.as_str(), dataset.meta.date.as_str()), ("0.3.5", "2026-12-01"));
}

/// Xicheng's income runs from its predecessor's opening year (2002) to more than 300 bn yuan in
/// 2018, across the two enlargements its milestones record: the time series' takeaway must
/// not call that rise the zone's fastest growth, and must say what it left out.
#[test]
fn the_income_takeaway_does_not_measure_growth_across_a_parks_enlargement() {
    use zgc_atlas::state::series::{PlotChoice, PlotData, PlotKind};
    use zgc_atlas::state::takeaway::plot::plot_takeaway;
    let dataset = dataset();
    let xicheng = dataset.park(&ParkId::new("xicheng")).expect("Xicheng");
    assert_eq!(xicheng.boundary_changes(), [2006, 2012]);
    let parks: Vec<ParkId> = dataset.parks.iter().map(|p| p.id.clone()).collect();
    let choice = PlotChoice {
        kind: PlotKind::TimeSeries,
        metric: MetricId::new("total_income"),
        ..PlotChoice::for_dataset(&dataset)
    };
    let data = PlotData::new(&dataset, &parks, &choice, Language::En);
    let sentence = plot_takeaway(&dataset, &data, &choice, parks.len(), Language::En);
    assert!(!sentence.contains("Xicheng Park grew"), "{sentence}");
    assert!(sentence.contains("not measured across a change of a park's area (Xicheng Park 2006, 2012"), "{sentence}");
}

/// Xicheng's 2005 income per km² is divided by its 2.9 km² of 2001, not by the 10 km² it grew to
/// in 2012; Dongcheng's of 2018 by its area of 2020, nearer than 2021's; and the zone's 2005
/// income by no area at all, as its only areas are of other ground (1988, 2012).
#[test]
fn real_bars_divide_by_the_nearest_divisor_of_the_same_ground() {
    use zgc_atlas::state::series::bar_series;
    use zgc_atlas::state::{PlotChoice, YearChoice};
    let dataset = dataset();
    let parks: Vec<_> = dataset.parks.iter().map(|park| park.id.clone()).collect();
    let per_km2 = |year| PlotChoice {
        metric: zgc_atlas::model::MetricId::new("total_income"),
        year: YearChoice::Year(year),
        divide_by: Some(zgc_atlas::model::MetricId::new("planned_area")),
        ..PlotChoice::for_dataset(&dataset)
    };
    let bar = |year, park: &str| {
        let series = bar_series(&dataset, &parks, &per_km2(year));
        series.bars.iter().find(|bar| bar.park.as_str() == park).map(|bar| (bar.value, bar.divisor_year))
    };
    assert_eq!(bar(2005, "xicheng"), Some((0.7655, Some(2001))), "2.22 ÷ 2.9 km²");
    assert_eq!(bar(2018, "dongcheng"), Some((42.12, Some(2020))), "254 ÷ 6.03 km²");
    let in_2005 = bar_series(&dataset, &parks, &per_km2(2005));
    assert_eq!(in_2005.zone, None);
    assert!(in_2005.zone_divisor_across_boundary);
}

/// No two sources of the shipped dataset read alike, in either language: Chaoyang Park's
/// profile cited two articles as "China Daily 2016", each with a target of 500 bn yuan for
/// 2020, and a reader could not tell which was which. The notes that name one of them name it
/// by its lettered label.
#[test]
fn no_two_sources_read_alike_and_a_note_names_the_one_it_means() {
    let dataset = dataset();
    for language in [Language::En, Language::Zh] {
        let mut seen = std::collections::BTreeMap::new();
        for source in &dataset.sources {
            if let Some(other) = seen.insert(source_label(source, language), &source.id) {
                panic!("{other} and {} read alike: {}", source.id, source_label(source, language));
            }
        }
    }
    let targets: Vec<String> = all_of(&dataset, "chaoyang", "total_income")
        .into_iter()
        .filter(|o| o.year == 2020 && o.qualifier == Qualifier::Target)
        .map(|o| source_label(dataset.source(&o.source).expect("source"), Language::En))
        .collect();
    assert_eq!(targets.len(), 2, "{targets:?}");
    assert_ne!(targets[0], targets[1]);
    let label = |id: &str| source_label(dataset.source(&SourceId::new(id)).expect(id), Language::En);
    // The 2016 forecast [S5] compares the 2015 income of the other article [S63], and back.
    let forecast = observation(&dataset, "chaoyang", "total_income", 420.0, 2016, "S5");
    assert!(note(forecast).contains(&format!("{}'s 422.56", label("S63"))), "{}", note(forecast));
    let income_2015 = observation(&dataset, "chaoyang", "total_income", 422.56, 2015, "S63");
    assert!(note(income_2015).contains(&label("S5")), "{}", note(income_2015));
}
