//! `cargo bench`: loading, filtering, plot series and one frame of each view, on the real
//! dataset and on synthetic ones of 100, 1,000 and 10,000 parks; reading, checking and adding a
//! figure table of 100,000 rows. Results go in docs/performance.md.
//!
//! The frames are also given as ratios to one frame of egui's own demo scene (the anchor,
//! measured here too as `frame/egui_demo`), printed after them: absolute times do not carry from
//! one run or machine to the next, ratios do. `cargo bench --bench frame_ratios` measures the
//! ratios alone, with more rounds.

#![expect(clippy::print_stdout, reason = "a bench reports on standard output")]

use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_demo_lib::DemoWindows;
use zgc_atlas::model::EMBEDDED_DATASET;
use zgc_atlas::model::tables::read_table_bytes;
use zgc_atlas::model::{DataOrigin, Dataset, load_dataset};
use zgc_atlas::perf::{VIEWS, app_for_view, filter_and_sort, frame, warm_context};
use zgc_atlas::state::{PlotChoice, PlotData, SearchIndex};
use zgc_atlas::synthetic::synthetic_ron;

mod ratio;

/// Rounds of the ratio to the demo frame per view: fewer than `frame_ratios` takes, as this
/// bench measures much else.
const RATIO_ROUNDS: usize = 9;

fn datasets() -> Vec<(String, Arc<str>)> {
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("the real dataset is valid");
    let mut all = vec![("real".to_owned(), Arc::from(EMBEDDED_DATASET))];
    for parks in [100, 1_000, 10_000] {
        all.push((format!("{parks}"), Arc::from(synthetic_ron(&real, parks))));
    }
    all
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (name, text) in datasets() {
        group.bench_function(format!("ron_validate/{name}"), |b| b.iter(|| load_dataset(black_box(&text), "bench")));
        // The floor: how fast serde_json reads the same data (as a generic value).
        let dataset = load_dataset(&text, "bench").expect("valid");
        let json = serde_json::to_string(&zgc_atlas::cli::export_rows(&dataset)).expect("json");
        group.bench_function(format!("json_floor/{name}"), |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&json)));
        });
    }
    group.finish();
}

fn filtering_and_series(c: &mut Criterion) {
    let mut group = c.benchmark_group("derive");
    group.sample_size(20);
    for (name, text) in datasets() {
        let dataset = load_dataset(&text, "bench").expect("valid");
        let index = SearchIndex::new(&dataset);
        group.bench_function(format!("filter_sort/{name}"), |b| b.iter(|| filter_and_sort(&dataset, &index)));
        let parks: Vec<_> = dataset.parks.iter().map(|p| p.id.clone()).collect();
        for kind in
            [zgc_atlas::state::PlotKind::Bars, zgc_atlas::state::PlotKind::Scatter, zgc_atlas::state::PlotKind::Matrix]
        {
            let choice = PlotChoice { kind, ..PlotChoice::for_dataset(&dataset) };
            group.bench_function(format!("series_{kind:?}/{name}"), |b| {
                b.iter(|| PlotData::new(&dataset, &parks, &choice, zgc_atlas::model::Language::En));
            });
        }
    }
    group.finish();
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    let demo_ctx = egui::Context::default();
    let mut demo = DemoWindows::default();
    group.bench_function("egui_demo", |b| b.iter(|| ratio::demo_frame(&demo_ctx, &mut demo)));
    let mut ratios = Vec::new();
    for (name, text) in datasets().into_iter().filter(|(n, _)| n == "real" || n == "10000") {
        for (view, ..) in VIEWS {
            let mut app = app_for_view(&text, view);
            let ctx = warm_context(&mut app);
            group.bench_function(format!("{view}/{name}"), |b| b.iter(|| frame(&ctx, &mut app)));
            let paired = ratio::paired(
                &mut || {
                    black_box(frame(&ctx, &mut app));
                },
                &mut || {
                    black_box(ratio::demo_frame(&demo_ctx, &mut demo));
                },
                RATIO_ROUNDS,
            );
            ratios.push(format!(
                "| {view} | {name} | {:.2} | {:.2} | {:.2} |",
                paired.view_ms, paired.demo_ms, paired.ratio
            ));
            // Where a frame's time goes: the UI pass alone, without tessellation.
            group.bench_function(format!("{view}_ui_pass/{name}"), |b| {
                b.iter(|| {
                    let input = egui::RawInput {
                        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, zgc_atlas::perf::FRAME_SIZE)),
                        ..Default::default()
                    };
                    ctx.run_ui(input, |ui| app.show(ui)).drop_without_applying_deltas();
                });
            });
        }
    }
    group.finish();
    println!("\nEach view's frame as a ratio to the demo frame, measured in alternating batches:\n");
    println!("| view | dataset | view frame (ms) | demo frame (ms) | view / demo |");
    println!("|---|---|---|---|---|\n{}\n", ratios.join("\n"));
}

/// A figure table of `rows` rows in the columns people fill in, made from the dataset's own park,
/// metric and source ids: every row valid, spread over the parks, metrics, years and periods,
/// with a few qualifiers and notes, as CSV.
fn figure_table_csv(dataset: &Dataset, rows: usize) -> Vec<u8> {
    const PERIODS: [&str; 4] = ["", "h1", "jan_to_9", ""];
    const QUALIFIERS: [&str; 5] = ["", "", "preliminary", "approximate", "at_least"];
    let mut csv = String::from("park_id,metric_id,year,period,value,qualifier,source_id,note\n");
    let (parks, metrics, sources) = (&dataset.parks, &dataset.metrics, &dataset.sources);
    for i in 0..rows {
        let park = &parks[i % parks.len()].id;
        let metric = &metrics[(i / parks.len()) % metrics.len()].id;
        let year = 1990 + (i / (parks.len() * metrics.len())) % 40;
        let value = (i % 9973) as f64 * 1.25;
        let source = &sources[i % sources.len()].id;
        let note = if i % 10 == 0 { "From the park's own statistics, \"whole park\"" } else { "" };
        writeln!(
            csv,
            "{park},{metric},{year},{},{value},{},{source},\"{}\"",
            PERIODS[i % PERIODS.len()],
            QUALIFIERS[i % QUALIFIERS.len()],
            note.replace('"', "\"\"")
        )
        .expect("writing to a string");
    }
    csv.into_bytes()
}

fn tables(c: &mut Criterion) {
    let mut group = c.benchmark_group("tables");
    group.sample_size(10);
    let dataset = DataOrigin::Embedded.load().expect("the real dataset is valid");
    let csv = figure_table_csv(&dataset, 100_000);
    let table = read_table_bytes(&csv, "bench.csv", Some("csv"));
    assert!(table.problems.is_empty(), "{:?}", table.problems.first());
    assert!(dataset.clone().with_tables(&[table]).is_ok());
    group.bench_function("read_100k_csv", |b| b.iter(|| read_table_bytes(black_box(&csv), "bench.csv", Some("csv"))));
    group.bench_function("read_check_merge_100k_csv", |b| {
        b.iter(|| {
            let table = read_table_bytes(black_box(&csv), "bench.csv", Some("csv"));
            dataset.clone().with_tables(&[table])
        });
    });
    group.finish();
}

criterion_group!(benches, loading, filtering_and_series, frames, tables);
criterion_main!(benches);
