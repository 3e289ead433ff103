//! Live reload end to end, with files in a temporary folder: a valid change, a broken one, and
//! the fix, checking what the app holds after each.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use zgc_atlas::app::ParkApp;
use zgc_atlas::model::DataOrigin;
use zgc_atlas::model::ParkId;
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
    assert!(notice.contains("delta"), "{notice}");
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
