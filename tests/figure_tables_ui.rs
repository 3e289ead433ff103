//! Figure tables in the window (issue #16): a dropped table is previewed (rows that add, repeat
//! or conflict, or the cells that keep it out), added to the open dataset only on request,
//! remembered for that dataset, watched like it, and removable; conflicting figures are marked
//! in the profile.

#[expect(
    dead_code,
    reason = "the figure tables' window scrolls nothing and is not walked by Tab: no `scroll_at`, `focused`"
)]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::{DataOrigin, MetricId, ParkId};
use zgc_atlas::state::AppState;

use common::{Window, copy_to_temp_dir, crate_file, open_app};

/// A copy of the small fixture in a temporary folder, and the path of a table beside it.
fn dataset_and_table(table: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = copy_to_temp_dir(&[crate_file("tests/fixtures/small.ron")]);
    let (dataset, path) = (dir.path().join("small.ron"), dir.path().join("figures.csv"));
    std::fs::write(&path, table).expect("write table");
    (dir, dataset, path)
}

/// Gamma's area is new, alpha's 2012 area repeats, and a second 2012 area for alpha conflicts.
const TABLE: &str = "park_id,metric_id,year,value,source_id\n\
                     gamma,planned_area,2019,5,s1\n\
                     alpha,planned_area,2012,26.1,s1\n\
                     alpha,planned_area,2012,27,s2\n";

fn area(app: &ParkApp, park: &str) -> Option<f64> {
    let dataset = app.dataset()?;
    let park = dataset.park(&ParkId::new(park))?;
    dataset.latest(park, &MetricId::new("planned_area")).map(|f| f.observation.value)
}

#[test]
fn a_previewed_table_is_added_only_on_request_and_marks_its_conflicts() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().preview_table(table.clone());
    harness.run();
    for line in [
        "1 row adds a figure",
        "1 row repeats a figure already there",
        "1 row gives another value for a figure already there: both are kept, each with its source",
    ] {
        assert!(harness.query_by_label(line).is_some(), "the preview lacks {line:?}");
    }
    assert_eq!(area(harness.state(), "gamma"), None, "nothing is added before the user says so");

    harness.get_by_label("Add to this dataset").click();
    harness.run();
    assert!(harness.state().table_preview().is_none(), "the preview closes");
    assert_eq!(area(harness.state(), "gamma"), Some(5.0));
    assert_eq!(harness.state().added_tables(), std::slice::from_ref(&table), "remembered for this dataset");
    let notice = harness.state().notice().expect("a notice says what was added");
    assert!(notice.contains("figures.csv") && notice.contains("1 row adds a figure"), "{notice}");
    assert!(!notice.contains("now gives another value"), "the conflict the preview counted: {notice}");

    // Alpha's two 2012 areas disagree: the profile marks both.
    harness.state_mut().state.selected = Some(ParkId::new("alpha"));
    harness.run();
    assert_eq!(harness.query_all_by_label("differs").count(), 2);

    harness.state_mut().remove_table(&table);
    harness.run();
    assert_eq!(area(harness.state(), "gamma"), None, "removing the table removes its figures");
    assert!(harness.state().added_tables().is_empty());
}

/// A table picked in "Open dataset" (or from the recent files) is previewed for adding, as a
/// dropped one is: refused, the notice read as if tables could not be opened at all.
/// A table of sources alone adds no row: its preview says what it adds, not three zeros.
#[test]
fn a_table_of_sources_is_previewed_by_the_sources_it_adds() {
    let (_dir, dataset, table) =
        dataset_and_table("id,title,publisher,date,url\nt1,Annual report,Park office,2021,https://example.org/t1\n");
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().preview_table(table);
    harness.run();
    assert!(harness.query_by_label("1 source added").is_some());
    assert!(harness.query_by_label("0 rows add a figure").is_none());
}

#[test]
fn a_table_opened_as_a_dataset_is_previewed_for_adding() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().open(DataOrigin::File(table));
    harness.run();
    assert!(harness.query_by_label("1 row adds a figure").is_some(), "the preview shows");
    assert_eq!(harness.state().notice(), None, "no refusal");
    assert_eq!(harness.state().dataset().map(|d| d.parks.len()), Some(3), "the dataset stays open");
}

#[test]
fn a_table_saved_as_gb18030_is_read_and_the_preview_says_so() {
    // As a spreadsheet on Chinese Windows saves it: the note "海淀园" in GBK.
    let gbk: &[u8] =
        b"park_id,metric_id,year,value,source_id,note\ngamma,planned_area,2019,5,s1,\xba\xa3\xb5\xed\xd4\xb0\n";
    let (_dir, dataset, table) = dataset_and_table(gbk);
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().preview_table(table);
    harness.run();
    assert!(harness.query_by_label("1 row adds a figure").is_some());
    assert!(harness.query_by_label_contains("Read as GB18030 text").is_some(), "the preview says how it was read");
    harness.get_by_label("Add to this dataset").click();
    harness.run();
    let note = harness
        .state()
        .dataset()
        .and_then(|d| d.park(&ParkId::new("gamma")))
        .and_then(|p| p.observations.last())
        .and_then(|o| o.note.clone());
    assert_eq!(note.as_deref(), Some("海淀园"));
    // A UTF-8 table's preview says nothing of encodings.
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().preview_table(table);
    harness.run();
    assert!(harness.query_by_label_contains("GB18030").is_none());
}

#[test]
fn a_broken_table_shows_its_cells_and_cannot_be_added() {
    let (_dir, dataset, table) =
        dataset_and_table("park_id,metric_id,year,value,source_id\natlantis,planned_area,2019,5,s1\n");
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().preview_table(table);
    harness.run();
    assert!(harness.query_by_label_contains("line 2, column 1 (park_id): unknown park \"atlantis\"").is_some());
    assert!(harness.get_by_label("Add to this dataset").accesskit_node().is_disabled());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().table_preview().is_none());
    assert!(harness.state().added_tables().is_empty());
}

/// A file that cannot be read as a table at all (a workbook that is no workbook) says so; there
/// are no cells to fix.
#[test]
fn an_unreadable_table_says_it_cannot_be_read_not_that_cells_need_fixing() {
    let (dir, dataset, _) = dataset_and_table("");
    let table = dir.path().join("figures.xlsx");
    std::fs::write(&table, "not a workbook").expect("write table");
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().preview_table(table);
    harness.run();
    assert!(harness.query_by_label_contains("cannot be read as a table").is_some());
    assert!(harness.query_by_label_contains("until these cells are fixed").is_none());
    assert!(harness.get_by_label("Add to this dataset").accesskit_node().is_disabled());
}

#[test]
fn an_added_table_opens_with_its_dataset_next_time() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut app = ParkApp::with_state(DataOrigin::File(dataset.clone()), AppState::default());
    app.preview_table(table);
    app.add_previewed_table();
    let saved = app.state.clone();
    let again = ParkApp::with_state(DataOrigin::File(dataset), saved);
    assert_eq!(area(&again, "gamma"), Some(5.0));
    let other = ParkApp::with_state(DataOrigin::Embedded, app.state.clone());
    assert!(other.table_files().is_empty(), "another dataset does not get the table");
}

/// A table's value that looks read off the Chinese window (6300 亿元 for the stored 630 十亿元)
/// is added all the same, as any figure is; the window says so when it opens the dataset with
/// the table, as `check` does, so that it is not presented unawares.
#[test]
fn a_table_value_in_a_window_unit_is_pointed_out_when_the_dataset_opens() {
    let (_dir, dataset, table) =
        dataset_and_table("park_id,metric_id,year,value,source_id\nalpha,total_income,2018,6300,s2\n");
    let mut app = ParkApp::with_state(DataOrigin::File(dataset.clone()), AppState::default());
    app.preview_table(table);
    app.add_previewed_table();
    let again = ParkApp::with_state(DataOrigin::File(dataset), app.state.clone());
    let notice = again.notice().unwrap_or_default();
    assert!(notice.contains("as the Chinese window writes it"), "{notice}");
}

fn save(path: &Path, text: &str) {
    std::fs::write(path, text).expect("save");
}

/// Polls the app's files every 20 ms until `done` holds or 10 s pass.
fn poll_until(app: &mut ParkApp, done: impl Fn(&ParkApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(app) && Instant::now() < deadline {
        app.poll_files();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_added_table_is_watched_and_a_broken_save_keeps_its_last_good_figures() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
    app.open(DataOrigin::File(dataset));
    app.preview_table(table.clone());
    app.add_previewed_table();
    assert_eq!(area(&app, "gamma"), Some(5.0));
    std::thread::sleep(Duration::from_millis(200));

    save(&table, &TABLE.replace("gamma,planned_area,2019,5,", "gamma,planned_area,2019,6,"));
    poll_until(&mut app, |app| area(app, "gamma") == Some(6.0));
    assert_eq!(area(&app, "gamma"), Some(6.0), "the edit arrived through the watcher");

    save(&table, &TABLE.replace("gamma,planned_area,2019,5,", "gamma,planned_area,2019,six,"));
    poll_until(&mut app, |app| app.load_error().is_some());
    let errors = app.load_error().expect("the broken cell is shown").to_string();
    assert!(
        errors.contains("figures.csv") && errors.contains("line 2, column 4 (value): \"six\" is not a number"),
        "{errors}"
    );
    assert_eq!(area(&app, "gamma"), Some(6.0), "the last good figures stay");
}

/// A table broken after it was added is named as what failed: "the dataset could not be
/// loaded" sent the user to a dataset file with nothing wrong in it.
#[test]
fn a_broken_table_is_named_as_the_file_that_failed() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().preview_table(table.clone());
    harness.run();
    harness.get_by_label("Add to this dataset").click();
    harness.run();
    save(&table, &TABLE.replace("gamma,planned_area,2019,5,", "gamma,planned_area,2019,six,"));
    harness.state_mut().reload();
    harness.run();
    assert!(harness.query_by_label("A figure table of the dataset could not be read").is_some());
    assert!(harness.query_by_label("The dataset could not be loaded").is_none());
    assert_eq!(area(harness.state(), "gamma"), Some(5.0), "the last good figures stay");
}

/// A figure corrected in the dataset that an added table repeated: the table's row now gives
/// another value, which the views show as the one listed last. The reload's notice says so,
/// or the correction seems not to have taken.
#[test]
fn a_reload_says_when_a_table_now_gives_another_value() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
    app.open(DataOrigin::File(dataset.clone()));
    app.preview_table(table);
    app.add_previewed_table();
    let text = std::fs::read_to_string(&dataset).expect("the dataset");
    let area = "(metric: \"planned_area\", value: 26.1, year: 2012, source: \"s1\")";
    assert!(text.contains(area), "the fixture's area");
    save(&dataset, &text.replacen(area, &area.replace("26.1", "26.5"), 1));
    app.reload();
    let notice = app.notice().expect("the reload is told");
    assert!(notice.contains("A figure table now gives another value"), "{notice}");
    assert!(notice.contains("26.1") && notice.contains("26.5"), "both values: {notice}");
    // Told once: a reload with nothing new does not say it again.
    app.reload();
    assert!(!app.notice().unwrap_or_default().contains("now gives another value"), "{:?}", app.notice());
}

#[test]
fn an_added_table_that_is_gone_does_not_keep_its_dataset_out() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut app = ParkApp::with_state(DataOrigin::File(dataset.clone()), AppState::default());
    app.preview_table(table.clone());
    app.add_previewed_table();
    std::fs::remove_file(&table).expect("delete the table");
    let again = ParkApp::with_state(DataOrigin::File(dataset), app.state.clone());
    assert_eq!(again.dataset().map(|d| d.parks.len()), Some(3), "the dataset opens without the table");
    assert_eq!(area(&again, "gamma"), None);
    let problem = again.load_error().expect("the missing table is shown").to_string();
    assert!(problem.contains("figures.csv") && problem.contains("cannot be read"), "{problem}");
    assert_eq!(again.added_tables(), [table], "still listed, so the user can remove or restore it");
}

/// A broken table the dataset names in `meta.figure_tables`, and a broken one the user added:
/// the dataset opens without them both, and the window says which table failed, that its
/// figures are left out and where the dataset names it. One broken table kept every park out.
#[test]
fn broken_tables_named_or_added_keep_only_their_own_figures_out() {
    let (dir, dataset, _named_table) =
        dataset_and_table(TABLE.replace("gamma,planned_area,2019,5,", "gamma,planned_area,2019,six,"));
    let text = std::fs::read_to_string(&dataset).expect("the dataset");
    save(&dataset, &text.replacen("meta: (", r#"meta: ( figure_tables: ["figures.csv"],"#, 1));
    let added = dir.path().join("added.csv");
    std::fs::write(&added, "park_id,metric_id,year,value,source_id\ngamma,planned_area,2020,7,nowhere\n")
        .expect("write the added table");
    let mut harness = open_app(DataOrigin::File(dataset.clone()), Window::default());
    // Opened again with a broken table of the user's too, as the next start would.
    harness.state_mut().state.added_tables.insert(DataOrigin::File(dataset.clone()).key(), vec![added]);
    harness.state_mut().open(DataOrigin::File(dataset));
    harness.run();
    let app = harness.state();
    assert_eq!(app.dataset().map(|d| d.parks.len()), Some(3), "the dataset opens without its broken tables");
    assert_eq!(area(app, "gamma"), None, "neither table's figure is shown");
    let problem = app.load_error().expect("the named table's problem is shown").to_string();
    assert!(problem.contains("figures.csv") && problem.contains("six"), "{problem}");
    assert!(harness.query_by_label("A figure table of the dataset could not be read").is_some());
    assert!(harness.query_by_label("The dataset could not be loaded").is_none());
    assert!(harness.query_by_label_contains("shown without this table's figures").is_some());
    assert!(harness.query_by_label_contains("meta.figure_tables").is_some());
}

#[test]
fn escape_closes_the_preview_and_nothing_acts_behind_it() {
    let (_dir, dataset, table) = dataset_and_table(TABLE);
    let mut harness = open_app(DataOrigin::File(dataset), Window::default());
    harness.state_mut().state.filter.search = "alp".to_owned();
    harness.state_mut().preview_table(table);
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().table_preview().is_none(), "Esc closes the preview");
    assert_eq!(harness.state().state.filter.search, "alp", "and does not clear the search behind it");
}
