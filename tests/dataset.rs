//! The real dataset, `data/zgc.ron`, checked against the seed articles and the data-truth rules.

use zgc_atlas::model::EMBEDDED_DATASET;
use zgc_atlas::model::{Dataset, MetricId, ParkId, Period, Qualifier, Role, load_dataset};

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
    assert_eq!(figure(&dataset, "chaoyang", "planned_area", 26.1, 2012).0, Qualifier::Reported);
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
    let seeds =
        dataset.sources.iter().filter(|s| s.note.as_deref().unwrap_or_default().contains("Seed article")).count();
    assert_eq!(seeds, 5, "each of the five seed articles is a source");
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
