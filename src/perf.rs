//! The operations the benchmarks measure, shared by `benches/atlas.rs` and by a quick test
//! that runs each once, so the harness cannot rot unnoticed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::app::ParkApp;
use crate::model::DataOrigin;
use crate::model::{Dataset, ParkId};
use crate::state::{AppState, FilterState, PlotKind, SearchIndex, Tab, TableSort, visible_parks};

/// The window size frames are measured at.
pub const FRAME_SIZE: egui::Vec2 = egui::vec2(1920.0, 1080.0);

/// The views whose frames are measured.
pub const VIEWS: [(&str, Tab, Option<PlotKind>); 7] = [
    ("table", Tab::Table, None),
    ("profile", Tab::Table, None),
    ("bars", Tab::Compare, Some(PlotKind::Bars)),
    ("time_series", Tab::Compare, Some(PlotKind::TimeSeries)),
    ("scatter", Tab::Compare, Some(PlotKind::Scatter)),
    ("matrix", Tab::Compare, Some(PlotKind::Matrix)),
    ("map", Tab::Map, None),
];

/// An app on the RON `text`, showing `view` (with a park selected for "profile").
pub fn app_for_view(text: &Arc<str>, view: &str) -> ParkApp {
    let (_, tab, kind) = VIEWS.iter().find(|(name, ..)| *name == view).copied().unwrap_or(VIEWS[0]);
    let mut state = AppState { tab, ..AppState::default() };
    if let Some(kind) = kind {
        state.plot.kind = kind;
    }
    let origin = DataOrigin::Memory { label: "bench".to_owned(), text: Arc::clone(text) };
    let mut app = ParkApp::with_state(origin, state);
    if view == "profile" {
        app.state.selected = app.visible_parks().first().cloned();
    }
    app
}

/// One frame of the app: see [`measured_frame`].
pub fn frame(ctx: &egui::Context, app: &mut ParkApp) -> usize {
    measured_frame(ctx, |ui| app.show(ui))
}

/// One frame of the scene `ui` draws, as every frame is measured (the app's views and egui's
/// demo scene, the benchmarks' anchor alike): the UI pass and tessellation of a 1920×1080
/// window. Returns how many triangles the frame draws, which grows with what is on screen
/// (primitives would not: tessellation merges everything inside one clip rectangle into one
/// mesh). The clock advances a quarter second a frame, so animations (a scroll bar fading in)
/// finish as they would on screen.
pub fn measured_frame(ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) -> usize {
    timed_frame(ctx, ui).triangles
}

/// A measured frame's two parts' times, and what it draws.
#[derive(Clone, Copy, Debug)]
pub struct FrameParts {
    /// The UI pass: laying out, interacting, painting into shapes.
    pub ui_pass: Duration,
    /// Turning the shapes into triangles, which grows with the text and shapes on screen.
    pub tessellation: Duration,
    /// How many triangles the frame draws.
    pub triangles: usize,
    /// How many meshes the frame hands the GPU, one draw call each: one per run of shapes under
    /// the same clip rectangle, so a view that clips each item on its own multiplies them.
    pub draw_calls: usize,
}

/// One frame of the scene `ui` draws, exactly as [`measured_frame`] runs it, with the time of
/// each part: what a frame is spent on, which the benchmarks' ratios do not tell.
pub fn timed_frame(ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) -> FrameParts {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, FRAME_SIZE)),
        time: Some(ctx.input(|i| i.time) + 0.25),
        ..Default::default()
    };
    let start = Instant::now();
    let mut output = ctx.run_ui(input, ui);
    let ui_pass = start.elapsed();
    let tessellating = Instant::now();
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    let tessellation = tessellating.elapsed();
    output.textures_delta.clear();
    let triangles = primitives
        .iter()
        .map(|clipped| match &clipped.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len() / 3,
            // Neither the app nor egui's demo scene paints through GPU callbacks.
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum();
    FrameParts { ui_pass, tessellation, triangles, draw_calls: primitives.len() }
}

/// A context set up like the app's, warmed up by a few frames so glyphs are cached.
pub fn warm_context(app: &mut ParkApp) -> egui::Context {
    let ctx = egui::Context::default();
    crate::theme::install(&ctx, app.state.language);
    for _ in 0..3 {
        frame(&ctx, app);
    }
    ctx
}

/// Filtering and sorting as the table does it, by a search and by the first figure column.
pub fn filter_and_sort(dataset: &Dataset, index: &SearchIndex) -> Vec<ParkId> {
    let filter = FilterState { search: "park".to_owned(), ..FilterState::default() };
    let column = dataset
        .view_metrics()
        .table
        .first()
        .cloned()
        .map_or(crate::state::SortColumn::Name, crate::state::SortColumn::Figure);
    let sort = TableSort { column, descending: true };
    visible_parks(dataset, index, &filter, &sort, crate::model::Language::En)
}
