//! Park briefs from the window: File › Export brief (the selected park) and Export briefs (every
//! pinned park, into a folder). The menu entries are clicked where no file dialog follows; the
//! writing behind the dialogs is driven through the same functions the dialogs call.

#[expect(
    dead_code,
    reason = "the briefs are written to a temporary folder of their own and nothing scrolls: no `copy_to_temp_dir`, `scroll_at`, `focused`"
)]
mod common;
mod pdf;

use egui_kittest::kittest::Queryable as _;
use zgc_atlas::model::{DataOrigin, Language, ParkId};

use common::{Window, crate_file, open_app};

fn lakeshore() -> DataOrigin {
    DataOrigin::File(crate_file("tests/fixtures/lakeshore/lakeshore.ron"))
}

/// The text of a brief, which is one A4 page whichever way it was written.
fn pdf_text(path: &std::path::Path) -> String {
    let pages = pdf::pages(path);
    assert_eq!(pages.len(), 1, "{}: one page", path.display());
    let (width, height) = pages[0].size_pt;
    assert!((width - 595.28).abs() < 0.01 && (height - 841.89).abs() < 0.01, "A4: {width} × {height} pt");
    pdf::text(path)
}

#[test]
fn the_file_menu_offers_both_exports_and_says_what_each_needs_first() {
    let mut harness = open_app(lakeshore(), Window::default());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export brief (PDF)…").click();
    harness.run();
    assert_eq!(harness.state().notice(), Some("Select a park first: the brief is of the selected park"));

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export briefs of pinned parks (PDF)…").click();
    harness.run();
    assert_eq!(harness.state().notice(), Some("No park is pinned: pin parks with ☆ or Space"));
}

#[test]
fn the_selected_park_s_brief_is_written_in_the_window_s_language() {
    let mut harness = open_app(lakeshore(), Window::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("brief.pdf");
    harness.state_mut().state.language = Language::Zh;
    harness.state_mut().export_brief(&ParkId::new("yuehu_bio"), &path);
    harness.run();
    let notice = harness.state().notice().expect("a notice").to_owned();
    assert!(notice.contains("brief.pdf") && harness.state().notice_tells_done(), "{notice}");
    let text = pdf_text(&path);
    assert!(text.contains("园区简报") && text.contains("玥湖生物港"), "a Chinese brief: {text}");
}

#[test]
fn every_pinned_park_gets_a_brief_named_after_its_id_and_the_status_bar_counts_them() {
    let mut harness = open_app(lakeshore(), Window::default());
    let dir = tempfile::tempdir().expect("temp dir");
    harness.state_mut().state.pinned = vec![ParkId::new("kunhua"), ParkId::new("yuehu_bio")];
    harness.state_mut().export_briefs(dir.path());
    harness.run();
    for (id, name) in [("kunhua", "Kunhua Science Park"), ("yuehu_bio", "Yuehu Bio Harbour")] {
        let text = pdf_text(&dir.path().join(format!("{id}.pdf")));
        assert!(text.contains(name), "{id}.pdf is {name}'s brief: {text}");
    }
    let notice = harness.state().notice().expect("a notice");
    assert!(notice.starts_with("2 briefs written to "), "{notice}");
    assert!(harness.query_by_label_contains("2 briefs written to").is_some(), "shown in the status bar");
    assert!(harness.state().notice_tells_done(), "as done, not in a warning's colour");
}

#[test]
fn a_folder_that_cannot_be_written_is_reported_not_a_crash() {
    let mut harness = open_app(lakeshore(), Window::default());
    let dir = tempfile::tempdir().expect("temp dir");
    // A file where the folder should be: nothing can be written inside it.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "not a folder").expect("write");
    harness.state_mut().state.pinned = vec![ParkId::new("kunhua")];
    harness.state_mut().export_briefs(&blocked);
    harness.run();
    let notice = harness.state().notice().expect("a notice");
    assert!(notice.starts_with("0 briefs written") && notice.contains("could not write"), "{notice}");
    assert!(notice.contains("kunhua.pdf"), "the failed file is named: {notice}");
    assert!(!harness.state().notice_tells_done(), "told as a problem");
}

#[test]
fn in_the_chinese_window_a_failed_write_says_why_in_chinese() {
    let mut harness = open_app(lakeshore(), Window::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "not a folder").expect("write");
    harness.state_mut().state.language = Language::Zh;
    harness.state_mut().export_brief(&ParkId::new("kunhua"), &blocked.join("kunhua.pdf"));
    harness.run();
    let notice = harness.state().notice().expect("a notice").to_owned();
    // The system's words ("Not a directory") alone were English in the Chinese window.
    assert!(notice.starts_with("无法保存 ") && notice.contains("路径中应为文件夹的位置是一个文件"), "{notice}");
    // Switching the language says it again in English, the system's words kept for a search.
    harness.state_mut().state.language = Language::En;
    harness.run();
    let notice = harness.state().notice().expect("a notice");
    assert!(notice.contains("a file stands where the path needs a folder (File exists"), "{notice}");
}
