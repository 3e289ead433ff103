//! The lakeshore fixture with a metric of a very long name, and where the drop-down beside a
//! label is: for the tests that a long metric name neither runs a list off its row nor under
//! the profile (`map`, `plots`).

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use zgc_atlas::app::ParkApp;

use crate::common::{copy_to_temp_dir, crate_file};

/// The lakeshore fixture, its map beside it, with its `turnover` metric named at length: the
/// folder (kept while it lives) and the dataset's path.
pub fn lakeshore_with_a_long_metric_name() -> (tempfile::TempDir, PathBuf) {
    let long = "Net operating turnover of the corridor's registered innovation platforms and incubators";
    let dir = copy_to_temp_dir(&[crate_file("tests/fixtures/lakeshore/districts.ron")]);
    let text = std::fs::read_to_string(crate_file("tests/fixtures/lakeshore/lakeshore.ron")).expect("fixture");
    let text = text.replacen("name: (en: \"Turnover\"", &format!("name: (en: \"{long}\""), 1);
    let path = dir.path().join("lakeshore.ron");
    std::fs::write(&path, text).expect("the variant is written");
    (dir, path)
}

/// Where the drop-down on the row of the label `label`, just after it, is; panics naming
/// `label` when there is none.
pub fn list_beside(harness: &Harness<'_, ParkApp>, label: &str) -> egui::Rect {
    let label_rect = harness.get_by_role_and_label(egui::accesskit::Role::Label, label).rect();
    let beside = |list: &egui::Rect| {
        (list.center().y - label_rect.center().y).abs() < 3.0
            && (0.0..30.0).contains(&(list.left() - label_rect.right()))
    };
    let list = harness.get_all_by_role(egui::accesskit::Role::ComboBox).map(|n| n.rect()).find(beside);
    list.unwrap_or_else(|| panic!("no drop-down beside {label}"))
}
