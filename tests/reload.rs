//! Live reload end to end, with files in a temporary folder: a valid change, a broken one, and
//! the fix, checking what the app holds after each.

#[expect(
    dead_code,
    reason = "the files are saved here by hand and nothing scrolls: no `build_app`, `scroll_at`, `focused`"
)]
mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable as _;
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::DataOrigin;
use zgc_atlas::model::{Language, ParkId};
use zgc_atlas::state::AppState;

const SMALL: &str = include_str!("fixtures/small.ron");

/// The fixture with one more park, "delta".
fn with_delta() -> String {
    with_new_parks(&["delta"])
}

/// The fixture with a new park, without figures, for each id.
fn with_new_parks(ids: &[&str]) -> String {
    let mut new = String::new();
    for id in ids {
        writeln!(new, "        (id: \"{id}\", name: (en: \"{id} Park\", zh: \"{id}园\"), districts: [\"east\"]),")
            .expect("writing to a String cannot fail");
    }
    let gamma = "        (\n            id: \"gamma\",";
    assert!(SMALL.contains(gamma), "the fixture lists gamma");
    SMALL.replacen(gamma, &format!("{new}{gamma}"), 1)
}

/// Writes the way editors do: a new file renamed over the old one.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("ron.tmp");
    std::fs::write(&temp, text).expect("write");
    std::fs::rename(&temp, path).expect("rename");
}

fn park_count(app: &ParkApp) -> usize {
    app.dataset().map_or(0, |d| d.parks.len())
}

#[test]
fn reload_keeps_the_last_good_data_through_a_broken_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let mut state = AppState { selected: Some(ParkId::new("alpha")), ..AppState::default() };
    state.pinned.push(ParkId::new("beta"));
    let mut app = ParkApp::with_state(DataOrigin::File(path.clone()), state);
    assert_eq!(park_count(&app), 3);

    // A valid change: the new park arrives, the user's selection and pins stay.
    save(&path, &with_delta());
    app.reload();
    assert_eq!(park_count(&app), 4);
    assert!(app.load_error().is_none());
    assert_eq!(app.state.selected, Some(ParkId::new("alpha")));
    assert_eq!(app.state.pinned, [ParkId::new("beta")]);
    assert_eq!(app.notice(), Some("Reloaded: 1 park added"));

    // A broken change: the problems are shown, the last good data stays.
    save(&path, &with_delta().replacen("value: 26.1,", "value: ,", 1));
    app.reload();
    assert_eq!(park_count(&app), 4, "the last good dataset stays on screen");
    let errors = app.load_error().expect("the problem is shown").to_string();
    assert!(errors.contains("parks.ron:") && errors.contains("Expected"), "{errors}");

    // The fix clears the problems.
    save(&path, SMALL);
    app.reload();
    assert!(app.load_error().is_none());
    assert_eq!(park_count(&app), 3);
    assert!(app.notice().is_some_and(|n| n.contains("1 park removed")), "{:?}", app.notice());
}

#[test]
fn the_reload_notice_counts_two_parks_in_the_plural() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let mut app = ParkApp::with_state(DataOrigin::File(path.clone()), AppState::default());
    save(&path, &with_new_parks(&["delta", "epsilon"]));
    app.reload();
    assert_eq!(park_count(&app), 5);
    assert_eq!(app.notice(), Some("Reloaded: 2 parks added"));
    save(&path, SMALL);
    app.reload();
    assert_eq!(park_count(&app), 3);
    assert_eq!(app.notice(), Some("Reloaded: 2 parks removed"));
}

#[test]
fn a_removed_selection_is_dropped_with_a_notice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, &with_delta());
    let state = AppState { selected: Some(ParkId::new("delta")), ..AppState::default() };
    let mut app = ParkApp::with_state(DataOrigin::File(path.clone()), state);
    save(&path, SMALL);
    app.reload();
    assert_eq!(app.state.selected, None);
    let notice = app.notice().expect("a notice");
    // Named as the file named it before the reload, not by its id alone.
    assert!(notice.contains(": delta Park"), "{notice}");

    // Switched to Chinese afterwards, the notice reads in Chinese, the park by its Chinese name.
    app.state.language = Language::Zh;
    let notice = app.notice().expect("a notice");
    let dropped = zgc_atlas::i18n::strings(Language::Zh).dropped_ids;
    assert!(notice.contains(&format!("{dropped}：delta园")), "{notice}");
    assert!(!notice.contains("delta Park") && !notice.contains("Reloaded"), "{notice}");
}

/// A map summing a metric the reloaded file gives as a share counts parks instead, and the
/// notice says so: not that the metric is gone from the dataset, which still has it.
#[test]
fn a_summed_metric_now_a_share_is_said_apart_from_ids_gone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, &with_delta());
    let mut state = AppState { selected: Some(ParkId::new("delta")), ..AppState::default() };
    state.map.value = zgc_atlas::state::map::DistrictValue::MetricSum(zgc_atlas::model::MetricId::new("planned_area"));
    let mut app = ParkApp::with_state(DataOrigin::File(path.clone()), state);
    let area_unit = r#"unit: (en: "km²", zh: "平方公里"), kind: Stock, description: (en: "Area.""#;
    assert!(SMALL.contains(area_unit), "the fixture's area unit");
    let divisors = r#"divisors: ["planned_area", "high_tech_enterprises"]"#;
    assert!(SMALL.contains(divisors), "the fixture's divisors");
    let area_a_share = SMALL
        .replacen(area_unit, r#"unit: (en: "%", zh: "%"), kind: Stock, description: (en: "Area.""#, 1)
        .replacen(divisors, r#"divisors: ["high_tech_enterprises"]"#, 1);
    save(&path, &area_a_share);
    app.reload();
    assert_eq!(app.state.map.value, zgc_atlas::state::map::DistrictValue::ParkCount, "{:?}", app.notice());
    let notice = app.notice().expect("a notice");
    let s = zgc_atlas::i18n::strings(Language::En);
    assert!(notice.contains(&format!("{}: delta Park", s.dropped_ids)), "the park is gone: {notice}");
    assert!(notice.contains(&s.map_share_not_summed.replace("{metric}", "Planned area")), "{notice}");
    assert!(
        !notice.contains("Planned area ·") && !notice.contains(", Planned area"),
        "not among the ids gone: {notice}"
    );
}

#[test]
fn the_watcher_reloads_a_file_saved_by_an_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
    app.open(DataOrigin::File(path.clone()));
    assert_eq!(park_count(&app), 3);
    // Give the watcher a moment to start, then save a change.
    std::thread::sleep(Duration::from_millis(200));
    save(&path, &with_delta());
    let deadline = Instant::now() + Duration::from_secs(10);
    while park_count(&app) != 4 && Instant::now() < deadline {
        app.poll_files();
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(park_count(&app), 4, "the change arrived through the watcher");
    assert_eq!(app.state.recent.first(), Some(&path), "the file is among the recent ones");
}

/// The map file is watched as the dataset is: an outline edited while the window is open
/// reloads, and a broken one shows its problem at once, not on the next Ctrl+R.
#[test]
fn the_watcher_reloads_the_map_file_the_dataset_names() {
    let dir = common::copy_to_temp_dir(&[
        common::crate_file("tests/fixtures/lakeshore/lakeshore.ron"),
        common::crate_file("tests/fixtures/lakeshore/districts.ron"),
    ]);
    let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
    app.open(DataOrigin::File(dir.path().join("lakeshore.ron")));
    assert!(app.has_map() && app.map_error().is_none());
    std::thread::sleep(Duration::from_millis(200));
    std::fs::write(dir.path().join("districts.ron"), "(name: ").expect("write");
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.map_error().is_none() && Instant::now() < deadline {
        app.poll_files();
        std::thread::sleep(Duration::from_millis(50));
    }
    let problem = app.map_error().map(ToString::to_string).unwrap_or_default();
    assert!(problem.contains("districts.ron:1:"), "the map file's problem, with its line: {problem:?}");
}

#[test]
fn reading_the_file_elsewhere_does_not_reload_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
    app.open(DataOrigin::File(path.clone()));
    std::thread::sleep(Duration::from_millis(200));
    // Another window or `zgc-atlas check` opening the file only reads it.
    for _ in 0..3 {
        std::fs::read_to_string(&path).expect("read");
    }
    // Longer than the watcher's quiet period, so a change would have been reported by now.
    let deadline = Instant::now() + Duration::from_secs(1);
    while Instant::now() < deadline {
        assert!(!app.poll_files() && !app.is_reloading(), "a read started a reload");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn opening_a_broken_file_keeps_the_open_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.ron");
    let bad = dir.path().join("bad.ron");
    save(&good, SMALL);
    save(&bad, "(meta: ");
    let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
    app.open(DataOrigin::File(good.clone()));
    app.open(DataOrigin::File(bad.clone()));
    assert_eq!(park_count(&app), 3, "the good file's parks stay");
    assert!(app.load_error().is_some_and(|e| e.to_string().starts_with(&bad.display().to_string())));
    assert_eq!(app.state.recent, std::slice::from_ref(&good), "a file that did not open is not remembered");
    // A later reload reloads the good file, not the broken one.
    app.reload();
    assert!(app.load_error().is_none());
}

/// The fixture with the first figure's value removed: a syntax error at that line.
fn broken() -> String {
    SMALL.replacen("value: 26.1,", "value: ,", 1)
}

/// Calls `step` every 20 ms until `done` holds or 10 s pass.
fn step_until(app: &mut ParkApp, mut step: impl FnMut(&mut ParkApp), done: impl Fn(&ParkApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(app) && Instant::now() < deadline {
        step(app);
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_fixed_save_after_a_broken_one_ends_the_reload_and_clears_the_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
    app.open(DataOrigin::File(path.clone()));
    std::thread::sleep(Duration::from_millis(200));

    save(&path, &broken());
    step_until(&mut app, |app| _ = app.poll_files(), |app| app.load_error().is_some());
    assert!(app.load_error().is_some(), "the broken save's problems are shown");
    assert_eq!(park_count(&app), 3, "the last good data stays");

    save(&path, &with_delta());
    step_until(&mut app, |app| _ = app.poll_files(), |app| park_count(app) == 4);
    assert_eq!(park_count(&app), 4, "the fixed save is taken in");
    assert!(!app.is_reloading(), "the finished reload no longer shows \"Reloading…\"");
    assert!(app.load_error().is_none(), "the fix clears the problems");

    // Idle: nothing more arrives and nothing stays running.
    let quiet = Instant::now() + Duration::from_millis(600);
    while Instant::now() < quiet {
        app.poll_files();
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!app.is_reloading() && app.load_error().is_none() && park_count(&app) == 4);
}

/// While the window is hidden or its compositor holds back frames (the user is typing in the
/// editor in front of it), eframe runs only `App::logic`, never `App::ui`. A reload must be
/// taken in there too, or the last frame drawn, with "Reloading…", stays on screen.
#[test]
fn reloads_are_taken_in_while_only_the_app_logic_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let ctx = egui::Context::default();
    // The same creation context and frame egui_kittest gives an eframe app.
    let creation = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut frame = eframe::Frame::_new_kittest();
    let mut app = ParkApp::new(&creation, DataOrigin::File(path.clone()));
    std::thread::sleep(Duration::from_millis(200));
    // What eframe does for a hidden window: a logic pass, no ui pass.
    let mut logic_pass = |app: &mut ParkApp| {
        let _ = ctx.run_logic(&egui::RawInput::default(), |ctx| eframe::App::logic(app, ctx, &mut frame));
    };

    save(&path, &broken());
    step_until(&mut app, &mut logic_pass, |app| app.load_error().is_some());
    assert!(app.load_error().is_some(), "the broken save's problems arrive without a ui pass");

    save(&path, &with_delta());
    step_until(&mut app, &mut logic_pass, |app| park_count(app) == 4);
    assert_eq!(park_count(&app), 4, "the fixed save arrives without a ui pass");
    assert!(!app.is_reloading(), "and \"Reloading…\" is gone from the next frame drawn");
    assert!(app.load_error().is_none());
}

#[test]
fn a_map_file_broken_on_reload_keeps_the_last_good_outlines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let path = dir.path().join("zgc.ron");
    let map_name = "beijing-districts.ron";
    std::fs::copy(root.join("zgc.ron"), &path).expect("dataset copied");
    std::fs::copy(root.join(map_name), dir.path().join(map_name)).expect("map copied");
    let mut app = ParkApp::with_state(DataOrigin::File(path), AppState::default());
    assert!(app.has_map() && app.map_error().is_none());
    save(&dir.path().join(map_name), "(name: (en: \"broken\"");
    app.reload();
    assert!(app.has_map(), "the last good outlines stay on screen");
    let problem = app.map_error().expect("the problem is shown").to_string();
    assert!(problem.contains(map_name), "it names the map file: {problem}");
    std::fs::copy(root.join(map_name), dir.path().join(map_name)).expect("map restored");
    app.reload();
    assert!(app.has_map() && app.map_error().is_none(), "fixing the file clears the problem");
}

/// The table keeps each row's laid-out cells between frames; a reload that changes a figure
/// shows in the row already on screen at once.
#[test]
fn the_table_shows_a_figure_changed_by_a_reload_in_the_row_already_on_screen() {
    let dir = common::copy_to_temp_dir(&[common::crate_file("tests/fixtures/small.ron")]);
    let path = dir.path().join("small.ron");
    let mut harness = common::open_app(DataOrigin::File(path.clone()), common::Window::default());
    assert!(harness.query_by_label_contains("26.1 (2012)").is_some(), "Alpha's area as the file gives it");
    save(&path, &SMALL.replacen("value: 26.1,", "value: 27.5,", 1));
    harness.state_mut().reload();
    harness.run();
    assert!(harness.query_by_label_contains("27.5 (2012)").is_some(), "the new figure in Alpha's row");
    assert!(harness.query_by_label_contains("26.1 (2012)").is_none(), "not the old one");
}

/// A reload (Ctrl+R) of a file that did not change says so, rather than nothing at all; one
/// that changed only a name says that.
#[test]
fn a_reload_that_changes_nothing_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let mut app = ParkApp::with_state(DataOrigin::File(path.clone()), AppState::default());
    assert_eq!(app.notice(), None, "opening is not a reload");
    app.reload();
    assert_eq!(app.notice(), Some("Reloaded: the dataset is unchanged"));
    app.state.language = Language::Zh;
    assert_eq!(app.notice(), Some("已重新加载：数据集没有变化"));
    // A name changed is not nothing, though no park or figure count moves.
    app.state.language = Language::En;
    save(&path, &SMALL.replacen("Alpha Park", "Alpha Science Park", 1));
    app.reload();
    assert_eq!(app.notice(), Some("Reloaded: names, notes or other details changed; no park or figure did"));
}

/// An id mistyped while editing the file, then mended: the park's pin and selection, dropped
/// by the first reload, come back with the second, and the notices say so.
#[test]
fn a_mistyped_id_mended_gives_back_its_pin_and_selection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let mut state = AppState { selected: Some(ParkId::new("beta")), ..AppState::default() };
    state.pinned = vec![ParkId::new("alpha"), ParkId::new("beta")];
    let mut app = ParkApp::with_state(DataOrigin::File(path.clone()), state);
    let typo = SMALL.replacen(r#"id: "beta""#, r#"id: "betax""#, 1);
    assert_ne!(typo, SMALL);
    save(&path, &typo);
    app.reload();
    assert_eq!((app.state.pinned.clone(), app.state.selected.clone()), (vec![ParkId::new("alpha")], None));
    let notice = app.notice().expect("a notice").to_owned();
    assert!(notice.contains("a pin or selection comes back when its park does"), "{notice}");

    save(&path, SMALL);
    app.reload();
    assert_eq!(app.state.pinned, [ParkId::new("alpha"), ParkId::new("beta")]);
    assert_eq!(app.state.selected, Some(ParkId::new("beta")));
    let notice = app.notice().expect("a notice");
    assert!(notice.contains("Back in the dataset, pinned or selected again: Beta Park"), "{notice}");
}

/// The promise holds across a restart: a pin a reload dropped, saved with the window's state,
/// comes back when the app next opens the mended file.
#[test]
fn a_dropped_pin_comes_back_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    save(&path, SMALL);
    let state = AppState { pinned: vec![ParkId::new("alpha"), ParkId::new("beta")], ..AppState::default() };
    let mut app = ParkApp::with_state(DataOrigin::File(path.clone()), state);
    save(&path, &SMALL.replacen(r#"id: "beta""#, r#"id: "betax""#, 1));
    app.reload();
    assert_eq!(app.state.pinned, [ParkId::new("alpha")]);
    // Closed, its state saved as eframe saves it; the file mended meanwhile.
    let saved = ron::to_string(&app.state).expect("the state is saved");
    drop(app);
    save(&path, SMALL);
    let state: AppState = ron::from_str(&saved).expect("the saved state reads");
    let app = ParkApp::with_state(DataOrigin::File(path), state);
    assert_eq!(app.state.pinned, [ParkId::new("alpha"), ParkId::new("beta")], "pinned again, in its place");
    assert!(app.notice().is_some_and(|notice| notice.contains("Beta Park")), "and told: {:?}", app.notice());
}
