//! Helpers shared by the window tests (`map`, `plots`, `present`, `snapshots`, `ui_flows`):
//! the app in an `egui_kittest` harness, and the files a test opens or copies.
//!
//! Every test binary compiles its own copy of this module, so a binary that does not need a
//! helper marks its `mod common;` with `#[expect(dead_code, reason = "…")]`, naming the helper.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::DataOrigin;

/// The window a test opens the app in. The snapshot tests depend on both values, pixel for pixel.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    /// Size in points.
    pub size: [f32; 2],
    /// Light or dark.
    pub theme: egui::Theme,
}

impl Default for Window {
    /// 1400×900 points in the dark theme (`egui_kittest`'s default): the window most tests use.
    fn default() -> Self {
        Self { size: [1400.0, 900.0], theme: egui::Theme::Dark }
    }
}

/// The app on `origin` in a harness of `window`, as the builder leaves it (after its first
/// frame, before any full run).
pub fn build_app(origin: DataOrigin, window: Window) -> Harness<'static, ParkApp> {
    Harness::builder()
        .with_size(window.size)
        .with_theme(window.theme)
        .build_eframe(move |cc| ParkApp::new(cc, origin.clone()))
}

/// The app on `origin` in a harness of `window`, run until it settles: what a user sees when the
/// window opens.
pub fn open_app(origin: DataOrigin, window: Window) -> Harness<'static, ParkApp> {
    let mut harness = build_app(origin, window);
    harness.run();
    harness
}

/// A file of this crate by absolute path, e.g. `crate_file("tests/fixtures/small.ron")`, so a
/// test finds it whatever its working directory.
pub fn crate_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A new temporary folder holding a copy of each of `files`, so what the app writes beside a
/// dataset (slides, exports) lands there and not in the checkout. Deleted when dropped.
pub fn copy_to_temp_dir(files: &[PathBuf]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in files {
        let name = file.file_name().unwrap_or_else(|| panic!("{} names no file", file.display()));
        std::fs::copy(file, dir.path().join(name)).unwrap_or_else(|e| panic!("copying {}: {e}", file.display()));
    }
    dir
}

/// Turns the mouse wheel `down` points down (up if negative) with the pointer at `at`, as a user
/// scrolls, and lets the scrolling settle.
pub fn scroll_at(harness: &mut Harness<'_, ParkApp>, at: egui::Pos2, down: f32) {
    harness.event(egui::Event::PointerMoved(at));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -down),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::default(),
    });
    harness.run_steps(12);
}

/// The widget that has keyboard focus, as a screen reader is told it.
#[derive(Clone, Debug, PartialEq)]
pub struct Focused {
    pub role: egui::accesskit::Role,
    pub label: Option<String>,
    pub rect: egui::Rect,
}

/// The widget that has keyboard focus, if any.
pub fn focused(harness: &Harness<'_, ParkApp>) -> Option<Focused> {
    let node = harness.root().children_recursive().find(egui_kittest::Node::is_focused)?;
    Some(Focused { role: node.accesskit_node().role(), label: node.accesskit_node().label(), rect: node.rect() })
}
