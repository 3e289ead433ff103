//! The map as a user drives it: markers select parks, the choropleth follows the chosen value.

#[expect(dead_code, reason = "the map tests open the built-in dataset: no `crate_file`, no `copy_to_temp_dir`")]
mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::DataOrigin;
use zgc_atlas::model::{DistrictId, ParkId};

use common::{Window, open_app};

fn map() -> Harness<'static, ParkApp> {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.get_by_label("Map").click();
    harness.run();
    harness
}

#[test]
fn clicking_a_park_marker_selects_the_park() {
    let mut harness = map();
    harness.get_by_role_and_label(egui::Role::Button, "Haidian Park").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("haidian")));
    assert!(harness.query_by_label("中关村海淀园").is_some(), "the profile shows it");
}

#[test]
fn changing_the_choropleth_value_changes_the_legend() {
    let mut harness = map();
    // Parks per district: Daxing and Tongzhou hold two (E-Town spans both), the rest one.
    assert_eq!(harness.state().map_data().value_of(&DistrictId::new("daxing")), Some(2.0));
    assert!(harness.query_by_label("Beijing — Parks matching the filter").is_some());
    harness.get_by_role_and_label(egui::Role::ComboBox, "Colour districts by").click();
    harness.run();
    harness.get_by_label("Sum of Planned area").click();
    harness.run();
    assert!(harness.query_by_label("Beijing — Sum of Planned area (km²)").is_some());
    let data = harness.state().map_data();
    assert_eq!(data.value_of(&DistrictId::new("haidian")), None, "Haidian Park has no planned area: no data");
    assert!(data.value_of(&DistrictId::new("chaoyang")).is_some());
    assert!(data.classes.as_ref().is_some_and(|c| c.breaks.len() > 1));
}

#[test]
fn the_industry_filter_dims_markers_and_recounts_districts() {
    let mut harness = map();
    harness.get_by_label("Rail transit (1)").click();
    harness.run();
    let data = harness.state().map_data();
    assert_eq!(data.markers.iter().filter(|m| m.in_filter).count(), 1);
    assert_eq!(data.value_of(&DistrictId::new("fengtai")), Some(1.0));
    assert_eq!(data.value_of(&DistrictId::new("haidian")), Some(0.0));
}
