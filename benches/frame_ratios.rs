//! `cargo bench --bench frame_ratios`: each view's frame as a ratio to one frame of egui's own
//! demo scene (`egui_demo_lib`'s demo windows as they open, the scene egui benchmarks itself by),
//! on the real dataset and on 10,000 synthetic parks.
//!
//! Absolute frame times do not carry from one run or machine to the next (the machines are shared
//! and their load changes by the minute), but a ratio to a scene measured in the same moment does.
//! So the two are measured in turn: in each round a batch of demo frames and a batch of the view's
//! frames, in alternating order, and the ratio of the two batches' times is that round's ratio.
//! The median of the rounds is reported, with the medians of the frame times for reference.
//! Two more columns split the view's and the demo's frames into UI pass and tessellation.
//! Results go in docs/performance.md ("Frames as ratios to egui's demo").

#![expect(clippy::print_stdout, reason = "a bench reports on standard output")]

use std::sync::Arc;

use egui_demo_lib::DemoWindows;
use zgc_atlas::model::{EMBEDDED_DATASET, load_dataset};
use zgc_atlas::perf::{FrameParts, VIEWS, app_for_view, frame, timed_frame, warm_context};
use zgc_atlas::synthetic::synthetic_ron;

mod ratio;

use ratio::{demo_frame, paired};

/// Rounds per view: enough for a stable median on a busy machine, few enough to finish in about
/// a minute. `FRAME_RATIOS_ROUNDS` sets another number (more, to profile a view).
const ROUNDS: usize = 25;

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

    println!(
        "| view | dataset | view frame (ms) | demo frame (ms) | view / demo | view: UI pass + tessellation (ms) | demo: UI pass + tessellation (ms) |"
    );
    println!("|---|---|---|---|---|---|---|");
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
            let view_parts = median_parts(&mut || timed_frame(&ctx, |ui| app.show(ui)));
            let demo_parts = median_parts(&mut || timed_frame(&demo_ctx, |ui| demo.ui(ui)));
            println!(
                "| {view} | {dataset} | {:.2} | {:.2} | {:.2} | {view_parts} | {demo_parts} |",
                result.view_ms, result.demo_ms, result.ratio
            );
        }
    }
}

/// Frames timed part by part for [`median_parts`]: enough for a stable median, a second or so.
const PARTS_FRAMES: usize = 500;

/// The median times of a frame's UI pass and tessellation, in milliseconds, as "0.21 + 0.10":
/// what the frame is spent on. Each part's median is taken on its own.
fn median_parts(run: &mut dyn FnMut() -> FrameParts) -> String {
    let (mut ui_pass, mut tessellation): (Vec<f64>, Vec<f64>) = (0..PARTS_FRAMES)
        .map(|_| {
            let parts = run();
            (parts.ui_pass.as_secs_f64() * 1e3, parts.tessellation.as_secs_f64() * 1e3)
        })
        .unzip();
    let median = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    format!("{:.3} + {:.3}", median(&mut ui_pass), median(&mut tessellation))
}
