//! The frame anchor of issue #17, shared by `benches/frame_ratios.rs` and `benches/atlas.rs`:
//! one frame of egui's own demo scene, and a view's frame measured against it in alternating
//! batches, whose ratio carries from one busy machine to another where times do not.

use std::time::{Duration, Instant};

use egui_demo_lib::DemoWindows;
use zgc_atlas::perf::measured_frame;

/// How long one batch of frames should take; short enough that the load rarely changes within a
/// round, long enough that the clock's resolution does not matter.
const BATCH: Duration = Duration::from_millis(25);

/// One frame of the demo scene, measured exactly as the app's frames are
/// ([`zgc_atlas::perf::measured_frame`]).
pub fn demo_frame(ctx: &egui::Context, demo: &mut DemoWindows) -> usize {
    measured_frame(ctx, |ui| demo.ui(ui))
}

/// How many calls of `run` take about [`BATCH`].
fn batch_size(run: &mut dyn FnMut()) -> u32 {
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < BATCH {
        run();
        calls += 1;
    }
    calls.max(1)
}

fn time_batch(run: &mut dyn FnMut(), calls: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..calls {
        run();
    }
    start.elapsed() / calls
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len().is_multiple_of(2) { f64::midpoint(values[middle - 1], values[middle]) } else { values[middle] }
}

/// A view's frame against the demo's: the median of the rounds' ratios, and the median times.
pub struct Paired {
    pub ratio: f64,
    pub view_ms: f64,
    pub demo_ms: f64,
}

/// The view's frame against the demo's, measured in alternating batches.
pub fn paired(view: &mut dyn FnMut(), demo: &mut dyn FnMut(), rounds: usize) -> Paired {
    let (view_calls, demo_calls) = (batch_size(view), batch_size(demo));
    let (mut ratios, mut view_times, mut demo_times) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (view_time, demo_time) = if round % 2 == 0 {
            let view_time = time_batch(view, view_calls);
            (view_time, time_batch(demo, demo_calls))
        } else {
            let demo_time = time_batch(demo, demo_calls);
            (time_batch(view, view_calls), demo_time)
        };
        ratios.push(view_time.as_secs_f64() / demo_time.as_secs_f64());
        view_times.push(view_time.as_secs_f64() * 1e3);
        demo_times.push(demo_time.as_secs_f64() * 1e3);
    }
    Paired { ratio: median(ratios), view_ms: median(view_times), demo_ms: median(demo_times) }
}
