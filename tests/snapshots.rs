//! Pixel snapshots of the main window (`cargo test --features snapshots`, with
//! `WGPU_BACKEND=gl`). Regenerate with `UPDATE_SNAPSHOTS=1` after a deliberate change, and look
//! at the new PNGs before committing them.
#![cfg(feature = "snapshots")]

use std::path::PathBuf;

use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotResults};
use zgc_atlas::app::{DataOrigin, ParkApp};

fn small_app() -> Harness<'static, ParkApp> {
    // Relative to the crate root (cargo's working directory for tests), so the status bar
    // shows the same path in every checkout.
    let path = PathBuf::from("tests/fixtures/small.ron");
    let mut harness = Harness::builder()
        .with_size([1400.0, 800.0])
        .with_theme(egui::Theme::Dark)
        .build_eframe(move |cc| ParkApp::new(cc, DataOrigin::File(path.clone())));
    harness.run();
    harness
}

#[test]
fn main_window() {
    let mut results = SnapshotResults::new();
    let mut harness = small_app();
    harness.get_by_label("Alpha Park").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    results.add(harness.try_snapshot("main_window_en"));

    harness.get_by_label("中文").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    results.add(harness.try_snapshot("main_window_zh"));
}

/// Each plot kind on the real dataset, in the light theme a projector wants.
#[test]
fn compare_plots() {
    let mut results = SnapshotResults::new();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_theme(egui::Theme::Light)
        .build_eframe(|cc| ParkApp::new(cc, DataOrigin::Embedded));
    harness.run();
    harness.get_by_label("Compare").click();
    harness.run();
    for (kind, name) in [
        ("Ranked bars", "plot_bars"),
        ("Time series", "plot_time_series"),
        ("Scatter", "plot_scatter"),
        ("Industry matrix", "plot_matrix"),
    ] {
        harness.get_by_label(kind).click();
        harness.run();
        harness.remove_cursor();
        harness.run();
        results.add(harness.try_snapshot(name));
    }
}

/// The map on the real dataset, in both languages.
#[test]
fn map_view() {
    let mut results = SnapshotResults::new();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_theme(egui::Theme::Light)
        .build_eframe(|cc| ParkApp::new(cc, DataOrigin::Embedded));
    harness.run();
    harness.get_by_label("Map").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    results.add(harness.try_snapshot("map_en"));
    harness.get_by_label("中文").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    results.add(harness.try_snapshot("map_zh"));
}

/// Export PNG renders the current view headlessly at the window's size.
#[test]
fn png_export_has_the_window_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("view.png");
    let mut harness = small_app();
    let ctx = harness.ctx.clone();
    harness.state_mut().request_png(&ctx, out.clone());
    harness.run();
    harness.run();
    let image = image::open(&out).expect("a PNG was written");
    assert_eq!((image.width(), image.height()), (1400, 800));
    assert!(harness.state().notice().is_some_and(|n| n.contains("1400×800")));
}
