//! `cargo bench --bench frame_ratios`: each view's frame as a ratio to one frame of egui's own
//! demo scene (`egui_demo_lib`'s demo windows as they open, the scene egui benchmarks itself by),
//! on the real dataset and on 10,000 synthetic parks.
//!
//! Absolute frame times do not carry from one run or machine to the next (the machines are shared
//! and their load changes by the minute), but a ratio to a scene measured in the same moment does.
//! So the two are measured in turn: in each round a batch of demo frames and a batch of the view's
//! frames, in alternating order, and the ratio of the two batches' times is that round's ratio.
//! The median of the rounds is reported, with the medians of the frame times for reference.
//! Results go in docs/performance.md ("Frames as ratios to egui's demo").

#![expect(clippy::print_stdout, reason = "a bench reports on standard output")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_demo_lib::DemoWindows;
use zgc_atlas::model::{EMBEDDED_DATASET, load_dataset};
use zgc_atlas::perf::{FRAME_SIZE, VIEWS, app_for_view, frame, warm_context};
use zgc_atlas::synthetic::synthetic_ron;

/// Rounds per view: enough for a stable median on a busy machine, few enough to finish in about
/// a minute. `FRAME_RATIOS_ROUNDS` sets another number (more, to profile a view).
const ROUNDS: usize = 25;
/// How long one batch of frames should take; short enough that the load rarely changes within a
/// round, long enough that the clock's resolution does not matter.
const BATCH: Duration = Duration::from_millis(25);

/// One frame of the demo scene, exactly as the app's frames are measured: the UI pass and
/// tessellation of a 1920×1080 window, the clock advancing a quarter second a frame.
fn demo_frame(ctx: &egui::Context, demo: &mut DemoWindows) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, FRAME_SIZE)),
        time: Some(ctx.input(|i| i.time) + 0.25),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| demo.ui(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    output.textures_delta.clear();
    primitives.len()
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

struct Paired {
    ratio: f64,
    view_ms: f64,
    demo_ms: f64,
}

/// The view's frame against the demo's, measured in alternating batches.
fn paired(view: &mut dyn FnMut(), demo: &mut dyn FnMut(), rounds: usize) -> Paired {
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

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass nothing and should not
    // spend a minute here.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("frame_ratios: run with `cargo bench --bench frame_ratios`");
        return;
    }
    // `cargo bench --bench frame_ratios -- WORD` measures only the views whose "view/dataset"
    // holds WORD ("scatter", "10000", "map/real").
    let filter: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with("--"));
    let wanted = |view: &str, dataset: &str| {
        filter.as_ref().is_none_or(|word| format!("{view}/{dataset}").contains(word.as_str()))
    };
    let rounds = std::env::var("FRAME_RATIOS_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(ROUNDS).max(1);
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("the embedded dataset is valid");
    let datasets: [(&str, Arc<str>); 2] =
        [("real", Arc::from(EMBEDDED_DATASET)), ("10000 parks", Arc::from(synthetic_ron(&real, 10_000)))];

    let demo_ctx = egui::Context::default();
    let mut demo = DemoWindows::default();
    for _ in 0..3 {
        demo_frame(&demo_ctx, &mut demo);
    }

    println!("| view | dataset | view frame (ms) | demo frame (ms) | view / demo |");
    println!("|---|---|---|---|---|");
    for (dataset, text) in &datasets {
        for (view, ..) in VIEWS.into_iter().filter(|(view, ..)| wanted(view, dataset)) {
            let mut app = app_for_view(text, view);
            let ctx = warm_context(&mut app);
            let result = paired(
                &mut || {
                    std::hint::black_box(frame(&ctx, &mut app));
                },
                &mut || {
                    std::hint::black_box(demo_frame(&demo_ctx, &mut demo));
                },
                rounds,
            );
            println!("| {view} | {dataset} | {:.2} | {:.2} | {:.2} |", result.view_ms, result.demo_ms, result.ratio);
        }
    }
}
