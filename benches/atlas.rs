//! `cargo bench`: loading, filtering, plot series and one frame of each view, on the real
//! dataset and on synthetic ones of 100, 1,000 and 10,000 parks. Results go in
//! docs/performance.md.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use zgc_atlas::model::EMBEDDED_DATASET;
use zgc_atlas::model::load_dataset;
use zgc_atlas::perf::{VIEWS, app_for_view, filter_and_sort, frame, warm_context};
use zgc_atlas::state::{PlotChoice, PlotData, SearchIndex};
use zgc_atlas::synthetic::synthetic_ron;

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
    for (name, text) in datasets().into_iter().filter(|(n, _)| n == "real" || n == "10000") {
        for (view, ..) in VIEWS {
            let mut app = app_for_view(&text, view);
            let ctx = warm_context(&mut app);
            group.bench_function(format!("{view}/{name}"), |b| b.iter(|| frame(&ctx, &mut app)));
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
}

criterion_group!(benches, loading, filtering_and_series, frames);
criterion_main!(benches);
