//! The benchmark harness in quick mode (each measured operation once, on 1,000 synthetic
//! parks), checking that each benchmarked view draws its parks, and the idle check: a settled
//! window asks for no more frames. How fast is for `cargo bench`, not for these tests.

use std::collections::HashMap;
use std::sync::Arc;

use zgc_atlas::model::EMBEDDED_DATASET;
use zgc_atlas::model::load_dataset;
use zgc_atlas::perf::{VIEWS, app_for_view, filter_and_sort, frame, timed_frame, warm_context};
use zgc_atlas::state::SearchIndex;
use zgc_atlas::synthetic::synthetic_ron;

/// Each benchmarked operation once on 1,000 parks, and each benchmarked view shows the parks:
/// its frame draws more than the same view of the same vocabulary with no parks at all, and the
/// profile of the selected park adds to the table it sits beside.
#[test]
fn every_benchmarked_view_draws_a_thousand_parks() {
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let text: Arc<str> = Arc::from(synthetic_ron(&real, 1_000));
    let dataset = load_dataset(&text, "synthetic").expect("valid");
    assert_eq!(dataset.parks.len(), 1_000);
    let index = SearchIndex::new(&dataset);
    assert!(!filter_and_sort(&dataset, &index).is_empty());
    let no_parks: Arc<str> = Arc::from(synthetic_ron(&real, 0));
    let mut drawn = HashMap::new();
    for (view, ..) in VIEWS {
        let mut empty = app_for_view(&no_parks, view);
        assert!(empty.dataset().is_some_and(|d| d.parks.is_empty()), "the dataset without parks loads");
        let empty_ctx = warm_context(&mut empty);
        let triangles_without_parks = frame(&empty_ctx, &mut empty);

        let mut app = app_for_view(&text, view);
        let ctx = warm_context(&mut app);
        let triangles = frame(&ctx, &mut app);
        assert!(
            triangles > triangles_without_parks,
            "{view} draws no more with 1,000 parks ({triangles} triangles) than with none ({triangles_without_parks})"
        );
        drawn.insert(view, triangles);
    }
    assert!(drawn["profile"] > drawn["table"], "the selected park's profile draws nothing: {drawn:?}");
}

/// Each run of shapes under one clip rectangle becomes its own mesh and GPU draw call, and
/// tessellation starts each mesh empty. egui's demo scene draws in 20; a view that clipped
/// every table cell or marker on its own would draw in hundreds (the table did, 146 with 17
/// parks, until its cells stopped clipping text already cut to fit).
#[test]
fn no_view_clips_its_items_one_by_one() {
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let text: Arc<str> = Arc::from(synthetic_ron(&real, 1_000));
    for (view, ..) in VIEWS {
        let mut app = app_for_view(&text, view);
        let ctx = warm_context(&mut app);
        let draw_calls = timed_frame(&ctx, |ui| app.show(ui)).draw_calls;
        assert!(draw_calls <= 40, "{view} draws in {draw_calls} draw calls");
    }
}

#[test]
fn a_settled_window_requests_no_more_frames() {
    for (view, ..) in VIEWS {
        let mut app = app_for_view(&Arc::from(EMBEDDED_DATASET), view);
        let ctx = warm_context(&mut app);
        // No input: after a few frames egui must not ask for another (no repaint loop), nor
        // draw any of them twice (a discarded pass, e.g. column widths that never settle).
        let passes_before = ctx.cumulative_pass_nr();
        for _ in 0..3 {
            frame(&ctx, &mut app);
        }
        assert!(!ctx.has_requested_repaint(), "{view} keeps asking for frames while idle: {:?}", ctx.repaint_causes());
        assert_eq!(ctx.cumulative_pass_nr() - passes_before, 3, "{view} draws a settled frame more than once");
    }
}
