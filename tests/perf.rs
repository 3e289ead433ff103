//! The benchmark harness in quick mode (each measured operation once, on 1,000 synthetic
//! parks), and the idle check: a settled window asks for no more frames.

use std::sync::Arc;

use zgc_atlas::model::EMBEDDED_DATASET;
use zgc_atlas::model::load_dataset;
use zgc_atlas::perf::{VIEWS, app_for_view, filter_and_sort, frame, warm_context};
use zgc_atlas::state::SearchIndex;
use zgc_atlas::synthetic::synthetic_ron;

#[test]
fn every_benchmarked_operation_runs_on_a_thousand_parks() {
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let text: Arc<str> = Arc::from(synthetic_ron(&real, 1_000));
    let dataset = load_dataset(&text, "synthetic").expect("valid");
    assert_eq!(dataset.parks.len(), 1_000);
    let index = SearchIndex::new(&dataset);
    assert!(!filter_and_sort(&dataset, &index).is_empty());
    for (view, ..) in VIEWS {
        let mut app = app_for_view(&text, view);
        let ctx = warm_context(&mut app);
        assert!(frame(&ctx, &mut app) > 0, "{view} draws something");
    }
}

#[test]
fn a_settled_window_requests_no_more_frames() {
    for (view, ..) in VIEWS {
        let mut app = app_for_view(&Arc::from(EMBEDDED_DATASET), view);
        let ctx = warm_context(&mut app);
        // No input: after a few frames egui must not ask for another (no repaint loop).
        for _ in 0..3 {
            frame(&ctx, &mut app);
        }
        assert!(!ctx.has_requested_repaint(), "{view} keeps asking for frames while idle: {:?}", ctx.repaint_causes());
    }
}
