//! Any dataset, any city (issue #14): the app on Lakeshore (淼湖市), a made-up city in
//! `tests/fixtures/lakeshore/` with its own map file, non-convex districts south of the equator
//! and west of Greenwich, metric ids and units unlike the built-in dataset's, a benchmark zone
//! of its own and Chinese names with characters outside GB2312 level 1. What works on it today
//! must keep working, and no view may name the built-in city.

#[expect(
    dead_code,
    reason = "the app is built here on the fixture's own file: no `build_app`, `open_app`, `copy_to_temp_dir`, `scroll_at`, `focused`"
)]
mod common;
mod painted;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painted::painted_texts;
use zgc_atlas::app::ParkApp;
use zgc_atlas::i18n::{language_name, strings};
use zgc_atlas::model::geo::{CityMap, Km, centroid, contains};
use zgc_atlas::model::{DataOrigin, Dataset, DistrictId, EMBEDDED_DATASET, Language, ParkId};
use zgc_atlas::model::{load_dataset, load_dataset_file};

use common::{Window, crate_file};

/// The fixture's dataset file; its map is `districts.ron` beside it.
const DATASET: &str = "tests/fixtures/lakeshore/lakeshore.ron";

/// The fixture's map file.
const MAP: &str = "tests/fixtures/lakeshore/districts.ron";

/// What no text of the fixture, and no text the window shows on it, may contain.
const BUILT_IN_CITY: [&str; 4] = ["Zhongguancun", "中关村", "Beijing", "北京"];

/// The characters outside GB2312 level 1 the fixture's names use on purpose: 鑫 淼 崂 珲 are in
/// level 2, 堃 喆 玥 垚 not in GB2312 at all; all eight are in the General Standard Chinese
/// Characters table.
const RARE_CHARACTERS: [char; 8] = ['鑫', '淼', '崂', '珲', '堃', '喆', '玥', '垚'];

fn dataset() -> Dataset {
    load_dataset_file(&crate_file(DATASET)).unwrap_or_else(|errors| panic!("{errors}"))
}

fn city_map(dataset: &Dataset) -> CityMap {
    let origin = DataOrigin::File(crate_file(DATASET));
    match origin.load_map(dataset) {
        Some(Ok(map)) => map,
        Some(Err(errors)) => panic!("{errors}"),
        None => panic!("the fixture names no map file"),
    }
}

/// The outline of `id` in km, as the map's projection puts it.
fn ring_km(map: &CityMap, id: &str) -> Vec<Km> {
    let outline = map.district(&DistrictId::new(id)).unwrap_or_else(|| panic!("no outline for {id}"));
    outline.outline.iter().map(|&p| map.to_km(p)).collect()
}

/// Whether every corner of `ring` turns the same way.
fn is_convex(ring: &[Km]) -> bool {
    let n = ring.len();
    let turns: BTreeSet<bool> = (0..n)
        .map(|i| {
            let (a, b, c) = (ring[i], ring[(i + 1) % n], ring[(i + 2) % n]);
            (b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0)
        })
        .filter(|cross| cross.abs() > 1e-9)
        .map(|cross| cross > 0.0)
        .collect();
    turns.len() == 1
}

/// The app on the fixture, run until it settles: what a user sees when the window opens.
/// The harness panics on any character no font draws, so every test here also checks that
/// the fixture's rare characters are drawn.
fn lakeshore() -> Harness<'static, ParkApp> {
    let window = Window::default();
    let origin = DataOrigin::File(crate_file(DATASET));
    let mut harness = Harness::builder()
        .with_size(window.size)
        .with_theme(window.theme)
        .build_eframe(move |cc| ParkApp::new(cc, origin.clone()));
    harness.run();
    harness
}

/// Clicks the widget labelled `label`; the first one where several have that label (the
/// language switch and a tab may share a word with a heading).
fn click(harness: &mut Harness<'_, ParkApp>, label: &str) {
    harness.get_all_by_label(label).next().unwrap_or_else(|| panic!("nothing labelled {label}")).click();
    harness.run();
}

/// Every text the window shows now: the accessibility tree's labels, values and descriptions,
/// and every painted text (plot axes and labels, map names, legends), which the tree lacks.
fn shown_texts(harness: &Harness<'_, ParkApp>) -> Vec<String> {
    let mut texts = Vec::new();
    for node in harness.query_all_by(|_| true) {
        let node = node.accesskit_node();
        texts.extend([node.label(), node.value(), node.description()].into_iter().flatten());
    }
    // Whole, not as shown: a city's name must not hide in a text cut short.
    texts.extend(painted_texts(harness).into_iter().map(|painted| painted.text));
    texts
}

/// The fixture's short title in `language`, as the toolbar shows it.
fn own_name(language: Language) -> &'static str {
    match language {
        Language::En => "Lakeshore",
        Language::Zh => "淼湖",
    }
}

/// Fails naming `place` when any text shown names the built-in city; checks first that the
/// texts were collected at all, by finding the fixture's own name among them.
fn assert_no_built_in_city(harness: &Harness<'_, ParkApp>, place: &str) {
    let texts = shown_texts(harness);
    let own_name = own_name(harness.state().state.language);
    assert!(texts.iter().any(|t| t.contains(own_name)), "{place}: the window does not show {own_name}: {texts:?}");
    for text in &texts {
        for name in BUILT_IN_CITY {
            assert!(!text.contains(name), "{place} shows {text:?}");
        }
    }
}

#[test]
fn the_dataset_and_its_map_load_and_every_district_has_an_outline() {
    let dataset = dataset();
    assert_eq!(dataset.parks.len(), 8);
    assert_eq!(dataset.districts.len(), 6);
    let map = city_map(&dataset);
    assert_eq!(map.name.en, "Lakeshore");
    assert!(map.check_against(&dataset).is_empty());
    for district in &dataset.districts {
        assert!(map.district(&district.id).is_some(), "{} has no outline", district.id);
    }
    // Every park is drawn inside one of its districts; the one in two districts lies in one.
    for park in &dataset.parks {
        let location = park.location.as_ref().unwrap_or_else(|| panic!("{} has no location", park.id));
        let outside = map.distance_outside_km(&park.districts, (location.lon, location.lat));
        assert_eq!(outside, None, "{} lies outside its districts", park.id);
    }
    assert!(dataset.parks.iter().any(|p| p.districts.len() == 2));
}

#[test]
fn the_fixture_is_a_city_unlike_the_built_in_one() {
    let dataset = dataset();
    let map = city_map(&dataset);
    // South of the equator and west of Greenwich, where the built-in city has neither sign.
    assert!(map.districts.iter().flat_map(|d| &d.outline).all(|&(lon, lat)| lon < 0.0 && lat < 0.0));
    // Four districts are not convex, and the Crescent wraps round Old Town: its centroid lies in
    // Old Town, not in itself.
    for id in ["yaohuan", "xingang", "laoling", "hundong"] {
        assert!(!is_convex(&ring_km(&map, id)), "{id} is convex");
    }
    let crescent = ring_km(&map, "yaohuan");
    assert!(contains(&ring_km(&map, "yuecheng"), centroid(&crescent)));
    assert!(!contains(&crescent, centroid(&crescent)));
    // The lake belongs to no district.
    let lake = map.to_km((-62.36, -46.92));
    assert!(map.districts.iter().all(|d| !contains(&ring_km(&map, d.id.as_str()), lake)));

    // No id is shared with the built-in dataset, so nothing can work by accident of a name.
    let built_in = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let ids = |d: &Dataset| -> BTreeSet<String> {
        let metrics = d.metrics.iter().map(|m| m.id.to_string());
        let districts = d.districts.iter().map(|x| x.id.to_string());
        let parks = d.parks.iter().map(|p| p.id.to_string());
        let industries = d.industries.iter().map(|i| i.id.to_string());
        let sources = d.sources.iter().map(|s| s.id.to_string());
        metrics.chain(districts).chain(parks).chain(industries).chain(sources).collect()
    };
    let shared: Vec<String> = ids(&dataset).intersection(&ids(&built_in)).cloned().collect();
    assert!(shared.is_empty(), "ids of the built-in dataset: {shared:?}");
    let area = dataset.metrics.iter().find(|m| m.id.as_str() == "site_hectares").expect("an area metric");
    assert_eq!((area.unit.en.as_str(), area.unit.zh.as_str()), ("ha", "公顷"));
    assert!(dataset.metrics.iter().any(|m| m.allows_negative));
    let zone = dataset.zone.as_ref().expect("a benchmark zone");
    assert_eq!(zone.name.en, "Lakeshore High-Tech Zone");

    // Every rare character is in a name of a park or district.
    let names: String = dataset
        .parks
        .iter()
        .map(|p| p.name.zh.as_str())
        .chain(dataset.districts.iter().map(|d| d.name.zh.as_str()))
        .collect();
    for c in RARE_CHARACTERS {
        assert!(names.contains(c), "no name uses {c}");
    }
    // And the files never name the built-in city.
    for file in [DATASET, MAP] {
        let text = std::fs::read_to_string(crate_file(file)).expect("readable");
        for name in BUILT_IN_CITY.iter().chain(&["ZGC"]) {
            assert!(!text.contains(name), "{file} names {name}");
        }
    }
}

#[test]
fn check_passes_on_the_fixture_without_a_warning_and_export_names_its_metrics() {
    let bin = env!("CARGO_BIN_EXE_zgc-atlas");
    let path: PathBuf = crate_file(DATASET);
    let path = path.to_str().expect("utf-8 path");
    let output = Command::new(bin).args(["check", path]).output().expect("the binary runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("valid: 8 parks, 56 figures (49 of the parks, 7 of the zone), 5 sources, 6 metrics, 9 industries, 6 districts"), "{text}");
    assert!(text.contains("districts.ron, 6 district outlines"), "{text}");
    assert!(!text.contains("warning"), "{text}");

    let output = Command::new(bin).args(["export", "--data", path, "--format", "csv"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let csv = String::from_utf8_lossy(&output.stdout);
    assert!(csv.contains("site_hectares") && csv.contains("Lakeshore High-Tech Zone"), "{csv}");
    for name in BUILT_IN_CITY {
        assert!(!csv.contains(name), "the export names {name}");
    }
}

#[test]
fn the_window_opens_on_the_fixture_and_lists_every_park() {
    let harness = lakeshore();
    assert!(harness.state().load_error().is_none());
    assert_eq!(harness.state().dataset().map(|d| d.parks.len()), Some(8));
    assert!(
        harness.query_by_label(own_name(Language::En)).is_some(),
        "the toolbar names the dataset by its short title"
    );
    for park in &dataset().parks {
        assert!(harness.query_by_label(&park.name.en).is_some(), "{} is not listed", park.name.en);
        assert!(harness.query_by_label(&park.name.zh).is_some(), "{} is not listed", park.name.zh);
    }
    assert!(harness.query_by_label("8 of 8 parks match").is_some());
    assert!(harness.query_by_label("Eastmarch (1)").is_some(), "the district filter counts its parks");
}

/// Miaobin Digital Park lists industries, none of them as leading: its cell in the table's
/// leading-industries column says so rather than stay blank (which read as "no data"), and
/// pointing at it lists its industries by role.
#[test]
fn a_park_with_no_leading_industry_says_so_and_lists_its_others() {
    let harness = lakeshore();
    let cell = harness.get_by_label("none named leading");
    let details = cell.accesskit_node().description().unwrap_or_default();
    assert!(details.contains("key: Games and animation"), "{details}");
    assert!(details.contains("focus: Industrial design"), "{details}");
}

#[test]
fn the_map_draws_the_fixtures_districts_and_parks() {
    let mut harness = lakeshore();
    click(&mut harness, "Map");
    assert!(harness.state().has_map());
    assert!(harness.state().map_error().is_none());
    assert!(harness.query_by_label("Lakeshore — Parks matching the filter").is_some());
    // Parks per district: Harbour and Lakeside share Yuehu Bio Harbour, Ridge has two parks.
    let data = harness.state().map_data();
    let per_district: Vec<(&str, Option<f64>)> =
        data.districts.iter().map(|d| (d.district.as_str(), d.value)).collect();
    assert_eq!(
        per_district,
        [
            ("yuecheng", Some(1.0)),
            ("yaohuan", Some(1.0)),
            ("xingang", Some(2.0)),
            ("laoling", Some(2.0)),
            ("hundong", Some(1.0)),
            ("miaobin", Some(2.0)),
        ]
    );
    assert_eq!(data.markers.len(), 8);
    for park in &dataset().parks {
        let markers = harness.query_all_by_role_and_label(egui::Role::Button, &park.name.en).count();
        assert!(markers >= 1, "{} has no marker", park.name.en);
    }
    // Each district is named on the map, and the map file's own caveat is written under it.
    let texts = shown_texts(&harness);
    for name in ["Old Town", "Crescent", "Harbour", "Ridge", "Eastmarch", "Lakeside"] {
        assert!(texts.iter().any(|t| t == name), "{name} is not named: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("Made-up outlines of a made-up city")), "{texts:?}");
    // Eight parks are few enough to name each beside its marker, so the map read on a slide
    // says which circle is which park; in Chinese too.
    let painted: Vec<String> = painted_texts(&harness).into_iter().map(|painted| painted.text).collect();
    for park in &dataset().parks {
        assert!(painted.contains(&park.name.en), "{} is not named on the map: {painted:?}", park.name.en);
    }
    click(&mut harness, "中文");
    let painted: Vec<String> = painted_texts(&harness).into_iter().map(|painted| painted.text).collect();
    assert!(dataset().parks.iter().all(|park| painted.contains(&park.name.zh)), "{painted:?}");
    click(&mut harness, "English");

    // A marker selects its park.
    harness.get_all_by_role_and_label(egui::Role::Button, "Zhesi Innovation Park").next().expect("marker").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("zhesi")));
}

#[test]
fn the_profile_shows_a_chinese_name_with_rare_characters() {
    let mut harness = lakeshore();
    // The table's 中文 column names each park once; the profile names the selected one again.
    assert_eq!(harness.query_all_by_label("珲东氢能园").count(), 1);
    click(&mut harness, "Hundong Hydrogen Park");
    assert_eq!(harness.state().state.selected, Some(ParkId::new("hundong_hydrogen")));
    assert_eq!(harness.query_all_by_label("珲东氢能园").count(), 2, "the profile shows the Chinese name");

    click(&mut harness, "中文");
    assert_eq!(harness.state().state.language, Language::Zh);
    assert!(harness.query_all_by_label("珲东氢能园").count() >= 2);
    assert!(harness.query_all_by_label("珲东区").count() >= 1, "the district in Chinese");
    assert!(harness.query_by_label(own_name(Language::Zh)).is_some(), "the toolbar names the dataset in Chinese");
    click(&mut harness, "堃华科学园");
    assert_eq!(harness.state().state.selected, Some(ParkId::new("kunhua")));
    assert!(harness.query_all_by_label("堃华科学园").count() >= 2);
}

#[test]
fn no_view_in_either_language_names_the_built_in_city() {
    let mut harness = lakeshore();
    // Select a park, so its profile is among the texts.
    click(&mut harness, "Kunhua Science Park");
    for language in [Language::En, Language::Zh] {
        if harness.state().state.language != language {
            click(&mut harness, language_name(language));
        }
        assert_eq!(harness.state().state.language, language);
        let s = strings(language);
        click(&mut harness, s.tab_table);
        assert_no_built_in_city(&harness, &format!("{language:?} table and profile"));
        click(&mut harness, s.tab_compare);
        for kind in [s.kind_bars, s.kind_time, s.kind_scatter, s.kind_matrix] {
            click(&mut harness, kind);
            assert_no_built_in_city(&harness, &format!("{language:?} {kind}"));
        }
        click(&mut harness, s.tab_map);
        assert_no_built_in_city(&harness, &format!("{language:?} map"));
        // The map presented: the slide's title, takeaway, scope and sources.
        harness.key_press(egui::Key::F5);
        harness.run();
        assert!(harness.state().is_presenting());
        assert_no_built_in_city(&harness, &format!("{language:?} presented map"));
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert!(!harness.state().is_presenting());
        // The list of keys, over the map.
        harness.key_press(egui::Key::F1);
        harness.run();
        assert!(harness.query_by_label(s.keys_title).is_some(), "F1 shows the keys");
        assert_no_built_in_city(&harness, &format!("{language:?} keys"));
        harness.key_press(egui::Key::F1);
        harness.run();
        assert!(harness.query_by_label(s.keys_title).is_none());
    }
}

#[test]
fn a_fresh_window_opens_every_view_on_the_fixtures_own_metrics() {
    let mut harness = lakeshore();
    assert_eq!(harness.state().notice(), None, "nothing was chosen before, so nothing is dropped");
    // The table's figure columns are the three metrics most parks have, with their units.
    // A header too wide for its column puts its unit on a second line.
    let headers: Vec<String> = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .map(|label| label.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // "Firms", not "Firms (firms)": a unit the name says is left out.
    for header in ["Site area (ha)", "Turnover (100m yuan)", "Firms"] {
        assert!(headers.iter().any(|label| label.starts_with(header)), "no column {header}: {headers:?}");
    }
    assert!(!headers.iter().any(|label| label.contains("(firms)")), "{headers:?}");
    assert!(harness.query_by_label_contains("Planned area").is_none());
    // Turnover is missing for one park and the firm count for two: three "no data" cells.
    assert_eq!(harness.query_all_by_label("no data").count(), 3);

    click(&mut harness, "Compare");
    let state = &harness.state().state;
    let metric = |id: &str| zgc_atlas::model::MetricId::new(id);
    assert_eq!(state.plot.metric, metric("site_hectares"), "the best-covered metric");
    assert_eq!((&state.plot.x_metric, &state.plot.y_metric), (&metric("turnover"), &metric("site_hectares")));
    assert_eq!(state.plot.size_metric, Some(metric("firms_total")));
    assert_eq!(state.map.marker_metric, Some(metric("site_hectares")));
    assert!(harness.query_by_label("Site area by park").is_some());
    match harness.state().plot_data() {
        Some(zgc_atlas::state::PlotData::Bars(series)) => assert_eq!(series.bars.len(), 8, "every park has an area"),
        other => panic!("the Compare view opens on bars, not {other:?}"),
    }
    click(&mut harness, "Scatter");
    assert!(harness.query_by_label("Site area against turnover").is_some());
    match harness.state().plot_data() {
        Some(zgc_atlas::state::PlotData::Scatter { points, .. }) => assert_eq!(points.len(), 7),
        other => panic!("a scatter, not {other:?}"),
    }
}

#[test]
fn turnover_per_hectare_divides_by_the_fixtures_area_metric() {
    let mut harness = lakeshore();
    click(&mut harness, "Compare");
    // Pick Turnover, then divide it by the site area.
    click(&mut harness, "Metric");
    click(&mut harness, "Turnover");
    click(&mut harness, "Divide by");
    // Only the divisors the fixture's data allows: levels, never negative, not shares.
    for offered in ["Site area", "Firms", "Employees"] {
        assert!(harness.query_by_label(offered).is_some(), "Divide by lacks {offered}");
    }
    // A share and a metric that can be negative never divide.
    for not_offered in ["Export share of turnover", "Net income"] {
        assert!(harness.query_by_label(not_offered).is_none(), "Divide by offers {not_offered}");
    }
    click(&mut harness, "Site area");
    assert_eq!(harness.state().state.plot.divide_by, Some(zgc_atlas::model::MetricId::new("site_hectares")));
    let Some(zgc_atlas::state::PlotData::Bars(series)) = harness.state().plot_data() else { panic!("bars") };
    let kunhua = series.bars.iter().find(|b| b.park.as_str() == "kunhua").expect("Kunhua has turnover and area");
    // 6.8372…, to four significant digits, as the bar's label writes it.
    assert!((kunhua.value - 6.837).abs() < 1e-9, "588 (100m yuan) over 86 ha: {}", kunhua.value);
    let texts = shown_texts(&harness);
    assert!(texts.iter().any(|t| t.starts_with("6.837")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("100m yuan per ha")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("divided by site area")), "the scope line says so, in a sentence's case");
    click(&mut harness, "中文");
    let texts = shown_texts(&harness);
    assert!(texts.iter().any(|t| t.contains("亿元/公顷")), "{texts:?}");
}

#[test]
fn coordinates_south_and_west_read_as_such() {
    let mut harness = lakeshore();
    click(&mut harness, "Kunhua Science Park");
    let texts = shown_texts(&harness);
    assert!(texts.iter().any(|t| t.contains("°W, ") && t.ends_with("°S")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("°E")), "no negative degrees east");
}

#[test]
fn the_profile_lists_the_fixtures_peers_and_compares_them() {
    use zgc_atlas::state::peers::{PROFILE_PEERS, peers_of};
    let dataset = dataset();
    let kunhua = ParkId::new("kunhua");
    let peers = peers_of(&dataset, &kunhua, PROFILE_PEERS);
    assert!(!peers.is_empty(), "Kunhua shares photonics and games with other parks");
    let mut harness = lakeshore();
    click(&mut harness, "Kunhua Science Park");
    for peer in &peers {
        let name = &dataset.park(&peer.park).expect("a park of the fixture").name.en;
        assert!(harness.query_by_role_and_label(egui::Role::Link, name).is_some(), "{name} is listed as a peer");
    }
    assert_no_built_in_city(&harness, "the profile with its peers");
    harness.get_by_label("Compare with peers").click();
    // The pointer is left over a bar of the chart that opens, whose tooltip takes a few frames.
    harness.run_steps(8);
    let mut expected = vec![kunhua];
    expected.extend(peers.iter().map(|p| p.park.clone()));
    assert_eq!(harness.state().state.pinned, expected);
    assert_eq!(harness.state().state.tab, zgc_atlas::state::Tab::Compare);
}

/// Each dataset keeps its own view: switching to another city and back brings back its pins,
/// and no switch reports the other city's parks or metrics as missing from the dataset.
#[test]
fn each_dataset_keeps_its_own_view_and_a_switch_reports_nothing_missing() {
    let mut harness = lakeshore();
    let lakeshore_pin = harness.state().visible_parks()[0].clone();
    harness.state_mut().state.pinned.push(lakeshore_pin.clone());
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("net_income");
    harness.run();
    harness.state_mut().open(DataOrigin::Embedded);
    harness.run();
    assert_eq!(harness.state().notice(), None, "nothing dropped, nothing reported as changed");
    assert!(harness.state().state.pinned.is_empty(), "the built-in dataset's own, fresh view");
    let built_in_pin = harness.state().visible_parks()[1].clone();
    harness.state_mut().state.pinned.push(built_in_pin.clone());
    harness.state_mut().open(DataOrigin::File(crate_file(DATASET)));
    harness.run();
    assert_eq!(harness.state().notice(), None);
    assert_eq!(harness.state().state.pinned, [lakeshore_pin]);
    assert_eq!(harness.state().state.plot.metric.as_str(), "net_income", "its plot choice came back");
    harness.state_mut().open(DataOrigin::Embedded);
    harness.run();
    assert_eq!(harness.state().state.pinned, [built_in_pin]);
}

/// A dataset copied without the map file it names opens with a notice saying so: the map's
/// problem was found only on the Map tab, or on a map slide in front of an audience.
#[test]
fn a_dataset_whose_map_file_is_missing_says_so_when_it_opens() {
    let dir = common::copy_to_temp_dir(&[crate_file("tests/fixtures/lakeshore/lakeshore.ron")]);
    let harness = common::open_app(DataOrigin::File(dir.path().join("lakeshore.ron")), Window::default());
    assert!(harness.state().map_error().is_some(), "a fair test: the map is missing");
    let notice = harness.state().notice().unwrap_or_default();
    assert!(notice.contains("map file the dataset names could not be read"), "{notice:?}");
    // With its map beside it, nothing is said.
    let harness =
        common::open_app(DataOrigin::File(crate_file("tests/fixtures/lakeshore/lakeshore.ron")), Window::default());
    assert_eq!(harness.state().notice(), None);
}
