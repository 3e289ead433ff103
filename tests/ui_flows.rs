//! The window as a user drives it, headless through `egui_kittest`: the table, sorting, search,
//! selection and the language switch.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use zgc_atlas::app::{DataOrigin, ParkApp};
use zgc_atlas::model::{Language, ParkId, load_dataset};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn harness(origin: DataOrigin) -> Harness<'static, ParkApp> {
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| ParkApp::new(cc, origin.clone()));
    harness.run();
    harness
}

fn small() -> Harness<'static, ParkApp> {
    harness(DataOrigin::File(fixture("small.ron")))
}

/// Park names in the order their rows appear on screen, top to bottom.
fn row_order(harness: &Harness<'_, ParkApp>, names: &[&str]) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = names
        .iter()
        .filter_map(|name| harness.query_by_label(name).map(|node| (node.rect().top(), (*name).to_owned())))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, name)| name).collect()
}

#[test]
fn the_table_lists_every_park_of_the_real_dataset() {
    let harness = harness(DataOrigin::Embedded);
    let dataset = load_dataset(zgc_atlas::app::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    assert!(!dataset.parks.is_empty());
    for park in &dataset.parks {
        assert!(harness.query_by_label(&park.name.en).is_some(), "{} is not listed", park.name.en);
        assert!(harness.query_by_label(&park.name.zh).is_some(), "{} is not listed", park.name.zh);
    }
    let count = format!("{} of {} parks", dataset.parks.len(), dataset.parks.len());
    assert!(harness.query_by_label(&count).is_some());
}

#[test]
fn clicking_the_area_header_sorts_largest_first_then_reverses() {
    let mut harness = small();
    let names = ["Alpha Park", "Beta Park", "Gamma Park"];
    harness.get_by_label("Planned area (km²)").click();
    harness.run();
    assert_eq!(row_order(&harness, &names), ["Alpha Park", "Beta Park", "Gamma Park"]);
    harness.get_by_label("Planned area (km²) ▼").click();
    harness.run();
    // Gamma has no area: it stays last in both directions.
    assert_eq!(row_order(&harness, &names), ["Beta Park", "Alpha Park", "Gamma Park"]);
    // Gamma has none of the three figures and Beta has no income: each reads "no data".
    assert_eq!(harness.get_all_by_label("no data").count(), 4);
}

#[test]
fn ctrl_f_then_typing_narrows_the_table() {
    let mut harness = small();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search = harness.get_by_role(Role::TextInput);
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("乙");
    harness.run();
    assert!(harness.query_by_label("Beta Park").is_some());
    assert!(harness.query_by_label("Alpha Park").is_none());
    assert!(harness.query_by_label("1 of 3 parks").is_some());
}

#[test]
fn selecting_a_park_shows_its_figures_with_their_sources() {
    let mut harness = small();
    assert!(harness.query_by_label("Select a park in the table to see its profile").is_some());
    harness.get_by_label("Alpha Park").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")));
    assert!(harness.query_by_label("26.1 km²").is_some());
    assert!(harness.query_by_label(">420 bn yuan").is_some());
    assert!(harness.query_by_label("at least").is_some());
    assert!(harness.query_by_label("target").is_some(), "the target is shown, marked as one");
    assert!(harness.query_by_label("2019 H1").is_some());
    // Sources: one with a web address (a link), one without.
    assert!(harness.query_all_by_role_and_label(Role::Link, "Test Office 2019").count() >= 4);
    assert!(harness.query_all_by_label("测试办公室").count() >= 2, "a source without URL is plain text");
    assert!(harness.query_all_by_label("Artificial intelligence").count() >= 1);
    assert!(harness.query_by_label("emerging").is_some(), "industries show their role");
    assert!(harness.query_by_label("Acme").is_some());
}

#[test]
fn switching_to_chinese_changes_ui_and_data_labels() {
    let mut harness = small();
    harness.get_by_label("Alpha Park").click();
    harness.run();
    harness.get_by_label("中文").click();
    harness.run();
    assert_eq!(harness.state().state.language, Language::Zh);
    assert!(harness.query_by_label("规划面积 (平方公里)").is_some());
    assert!(harness.query_by_label("26.1 平方公里").is_some());
    assert!(harness.query_by_label("下限（超过）").is_some());
    assert!(harness.query_by_label("显示 3 / 3 个园区").is_some());
    assert!(harness.query_by_label("Planned area (km²)").is_none());
    harness.get_by_label("English").click();
    harness.run();
    assert!(harness.query_by_label("Planned area (km²)").is_some());
}

#[test]
fn a_broken_file_shows_every_problem_with_its_place() {
    let harness = harness(DataOrigin::File(fixture("bad/dangling_source.ron")));
    assert!(harness.query_by_label("The dataset could not be loaded").is_some());
    assert!(
        harness.query_by_label_contains(r#"parks[0] "solo" → observations[0]: unknown source "nowhere""#).is_some()
    );
    assert!(harness.query_by_label("No dataset is loaded").is_some());
}

#[test]
fn a_missing_file_is_reported_not_a_crash() {
    let harness = harness(DataOrigin::File(fixture("does-not-exist.ron")));
    assert!(harness.query_by_label_contains("does-not-exist.ron cannot be read").is_some());
}
