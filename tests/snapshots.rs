//! Pixel snapshots of the main window (`cargo test --features snapshots`, with
//! `WGPU_BACKEND=gl`). Regenerate with `UPDATE_SNAPSHOTS=1` after a deliberate change, and look
//! at the new PNGs before committing them.
#![cfg(feature = "snapshots")]

#[expect(dead_code, reason = "the snapshots are taken unscrolled and unfocused: no `scroll_at`, `focused`")]
mod common;

use std::path::PathBuf;

use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotResults};
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::{DataOrigin, Language, MetricId, ParkId};
use zgc_atlas::state::{ImageSize, PlotKind, Tab};

use common::{Window, build_app, copy_to_temp_dir, crate_file, open_app};

/// The window of the small fixture's snapshots and exports: shorter than the default.
const SMALL_WINDOW: Window = Window { size: [1400.0, 800.0], theme: egui::Theme::Dark };

/// The real dataset's snapshots are light, as a projector wants.
const LIGHT_WINDOW: Window = Window { size: [1400.0, 900.0], theme: egui::Theme::Light };

fn small_app() -> Harness<'static, ParkApp> {
    // Relative to the crate root (cargo's working directory for tests), so the status bar
    // shows the same path in every checkout.
    open_app(DataOrigin::File(PathBuf::from("tests/fixtures/small.ron")), SMALL_WINDOW)
}

/// Lets the app settle with no cursor drawn, then snapshots it.
fn snapshot(harness: &mut Harness<'static, ParkApp>, results: &mut SnapshotResults, name: &str) {
    harness.run();
    harness.remove_cursor();
    harness.run();
    results.add(harness.try_snapshot(name));
}

/// The window at its default size on the real dataset, as a user first sees it, in both
/// languages: every column of the table is visible.
#[test]
fn default_window() {
    let mut results = SnapshotResults::new();
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1400.0, 860.0], theme: egui::Theme::Light });
    snapshot(&mut harness, &mut results, "window_1400x860_en");
    harness.get_by_label("中文").click();
    snapshot(&mut harness, &mut results, "window_1400x860_zh");
}

/// Each view in the presentation layout at 1920×1080, as the room sees it, in English and the
/// bars and map in Chinese too.
#[test]
fn presentation_layout() {
    let mut results = SnapshotResults::new();
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1920.0, 1080.0], theme: egui::Theme::Light });
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    let views = [
        (Language::En, Tab::Table, PlotKind::Bars, "present_table"),
        (Language::En, Tab::Compare, PlotKind::Bars, "present_bars"),
        (Language::En, Tab::Compare, PlotKind::TimeSeries, "present_time_series"),
        (Language::En, Tab::Compare, PlotKind::Scatter, "present_scatter"),
        (Language::En, Tab::Compare, PlotKind::Matrix, "present_matrix"),
        (Language::En, Tab::Map, PlotKind::Bars, "present_map"),
        (Language::Zh, Tab::Compare, PlotKind::Bars, "present_bars_zh"),
        (Language::Zh, Tab::Map, PlotKind::Bars, "present_map_zh"),
    ];
    for (language, tab, kind, name) in views {
        let state = &mut harness.state_mut().state;
        (state.language, state.tab, state.plot.kind) = (language, tab, kind);
        snapshot(&mut harness, &mut results, name);
    }
}

#[test]
fn main_window() {
    let mut results = SnapshotResults::new();
    let mut harness = small_app();
    harness.get_by_label("Alpha Park").click();
    snapshot(&mut harness, &mut results, "main_window_en");
    harness.get_by_label("中文").click();
    snapshot(&mut harness, &mut results, "main_window_zh");
}

/// Each plot kind on the real dataset, in the light theme a projector wants.
#[test]
fn compare_plots() {
    let mut results = SnapshotResults::new();
    let mut harness = open_app(DataOrigin::Embedded, LIGHT_WINDOW);
    harness.get_by_label("Compare").click();
    harness.run();
    for (kind, name) in [
        ("Ranked bars", "plot_bars"),
        ("Time series", "plot_time_series"),
        ("Scatter", "plot_scatter"),
        ("Industry matrix", "plot_matrix"),
    ] {
        harness.get_by_label(kind).click();
        snapshot(&mut harness, &mut results, name);
    }
}

/// The map on the real dataset, in both languages, with three parks pinned: their markers in
/// their chart colours, named in the legend, the others neutral.
#[test]
fn map_view() {
    let mut results = SnapshotResults::new();
    let mut harness = open_app(DataOrigin::Embedded, LIGHT_WINDOW);
    let located: Vec<ParkId> = harness
        .state()
        .dataset()
        .map(|d| d.parks.iter().filter(|p| p.location.is_some()).take(3).map(|p| p.id.clone()).collect())
        .unwrap_or_default();
    assert_eq!(located.len(), 3, "the dataset places at least three parks");
    harness.state_mut().state.pinned = located;
    harness.get_by_label("Map").click();
    snapshot(&mut harness, &mut results, "map_en");
    harness.get_by_label("中文").click();
    snapshot(&mut harness, &mut results, "map_zh");
}

/// Export PNG renders the current view headlessly at the window's size or a slide size.
#[test]
fn png_export_has_the_chosen_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = small_app();
    let window = dir.path().join("window.png");
    harness.state_mut().request_png(window.clone(), ImageSize::Window);
    harness.run_steps(6);
    let image = image::open(&window).expect("a PNG was written");
    assert_eq!((image.width(), image.height()), (1400, 800));
    assert!(harness.state().notice().is_some_and(|n| n.contains("1400×800")));

    let slide = dir.path().join("slide.png");
    harness.state_mut().request_png(slide.clone(), ImageSize::Pixels(1280, 720));
    harness.run_steps(10);
    let image = image::open(&slide).expect("a PNG was written");
    assert_eq!((image.width(), image.height()), (1280, 720));

    // The PNG explains itself wherever it is pasted: title and description (alt text) inside.
    let text = png_text(&slide);
    let description = text.iter().find(|(key, _)| key == "Description").map_or("", |(_, t)| t.as_str());
    assert!(description.contains("3 parks · "), "the scope is described: {description}");
    // Its sources as the image's own sources line names them (publisher and year), not by
    // their titles, some of which are the names of parks.
    assert!(description.contains("Sources: Test Office 2019"), "{description}");
    // Titled as the view titles itself, not after the dataset: two images of one dataset
    // pasted side by side say which is which.
    let title = |text: &[(String, String)]| text.iter().find(|(key, _)| key == "Title").map(|(_, t)| t.clone());
    assert_eq!(title(&text).as_deref(), Some("Test parks: the parks and their latest figures"), "{text:?}");

    harness.state_mut().state.tab = Tab::Compare;
    harness.state_mut().state.plot.kind = PlotKind::Bars;
    harness.state_mut().state.plot.metric = MetricId::new("total_income");
    harness.run_steps(4);
    let bars = dir.path().join("bars.png");
    harness.state_mut().request_png(bars.clone(), ImageSize::Pixels(1280, 720));
    harness.run_steps(10);
    assert_eq!(title(&png_text(&bars)).as_deref(), Some("Total income by park"));
}

/// The text chunks of a PNG file, as keyword and text.
fn png_text(path: &std::path::Path) -> Vec<(String, String)> {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).expect("open")));
    let reader = decoder.read_info().expect("a valid PNG");
    reader.info().utf8_text.iter().map(|chunk| (chunk.keyword.clone(), chunk.get_text().expect("UTF-8 text"))).collect()
}

/// The meeting pack: every slide as a PNG and a Markdown file with titles, notes and scopes.
#[test]
fn meeting_pack_writes_every_slide_and_a_summary() {
    let dir = copy_to_temp_dir(&[crate_file("tests/fixtures/small.ron")]);
    std::fs::write(
        dir.path().join("small.views.ron"),
        r#"(slides: [
            (title: "All parks", notes: "Start here.", view: (tab: Table)),
            (title: "Areas", view: (tab: Compare, plot: (metric: "planned_area"), pinned: ["beta", "alpha"])),
        ])"#,
    )
    .expect("views");
    let path = dir.path().join("small.ron");
    let mut harness = build_app(DataOrigin::File(path), SMALL_WINDOW);
    harness.get_by_label("Map").click();
    harness.run();
    let parent = dir.path().join("handouts");
    std::fs::create_dir(&parent).expect("a folder to write packs in");
    harness.state_mut().request_meeting_pack(&parent);
    harness.run_steps(30);
    assert!(!harness.state().is_capturing());
    let out = parent.join("test-parks-meeting-pack");
    assert!(out.is_dir(), "a folder of the pack's own, named after the dataset");
    for name in ["01-all-parks.png", "02-areas.png"] {
        let image = image::open(out.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!((image.width(), image.height()), (1920, 1080), "{name}");
    }
    let summary = std::fs::read_to_string(out.join("meeting-pack.md")).expect("the summary");
    assert!(summary.contains("## All parks") && summary.contains("Speaker notes: Start here."), "{summary}");
    // Which data it is of, for a reader of the file alone.
    assert!(summary.contains("version 1.0.0 (2026-01-01)"), "{summary}");
    assert!(summary.contains("## Areas") && summary.contains("First report"), "sources are listed: {summary}");
    // Each slide's scope as its image draws it: the chart's own title leading it under the
    // slide's title, in the UI language.
    assert!(summary.contains("Scope: Planned area by park · Test parks"), "{summary}");
    assert!(summary.contains("Scope: Test parks: the parks and their latest figures · 3 parks · "), "{summary}");
    // The slide's pinned parks by name, in the order pinned; none said where none is pinned.
    assert!(summary.contains("Pinned: Beta Park, Alpha Park"), "{summary}");
    assert_eq!(summary.matches("Pinned:").count(), 1, "{summary}");
    assert_eq!(harness.state().state.tab, zgc_atlas::state::Tab::Map, "the user's own view comes back");
    // A second pack into the same place writes over nothing of the first.
    harness.state_mut().request_meeting_pack(&parent);
    harness.run_steps(30);
    assert!(parent.join("test-parks-meeting-pack-2").join("meeting-pack.md").is_file());
    assert_eq!(std::fs::read_to_string(out.join("meeting-pack.md")).expect("the first summary"), summary);
    // In Chinese, with its own colon: pasted into a Chinese document, "范围: " reads as a slip.
    harness.state_mut().state.language = zgc_atlas::model::Language::Zh;
    harness.state_mut().request_meeting_pack(&parent);
    harness.run_steps(30);
    let chinese = std::fs::read_to_string(parent.join("test-parks-meeting-pack-3").join("meeting-pack.md"))
        .expect("the Chinese summary");
    assert!(chinese.contains("\n范围：") && chinese.contains("演讲备注：Start here."), "{chinese}");
    assert!(chinese.contains("版本 1.0.0（2026-01-01）"), "{chinese}");
    assert!(!chinese.contains(": "), "no English colon in the Chinese summary: {chinese}");
}
