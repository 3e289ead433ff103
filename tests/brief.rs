//! `zgc-atlas brief` as a user runs it: the PDF reads as one A4 page whose text (read back
//! through its fonts' `ToUnicode` maps, as copy-paste and search read it) has the park's names in
//! either language; a wrong park id or output folder is a clear message and exit code 1.

mod pdf;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zgc_atlas::model::{Language, ParkId};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zgc-atlas")).args(args).output().expect("the binary runs")
}

fn text_of(pdf: &Path) -> String {
    pdf::text(pdf)
}

fn write_brief(dir: &Path, args: &[&str]) -> PathBuf {
    let out = dir.join("brief.pdf");
    let mut all = vec!["brief"];
    all.extend_from_slice(args);
    all.extend(["--out", out.to_str().expect("utf-8 path")]);
    let output = run(&all);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    out
}

fn lakeshore() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lakeshore/lakeshore.ron").display().to_string()
}

#[test]
fn a_brief_is_one_a4_page_with_the_park_name_in_english() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_brief(dir.path(), &["haidian"]);
    let pages = pdf::pages(&pdf);
    assert_eq!(pages.len(), 1, "one page");
    let (width, height) = pages[0].size_pt;
    assert!((width - 595.28).abs() < 0.01 && (height - 841.89).abs() < 0.01, "A4: {width} × {height} pt");
    let text = text_of(&pdf);
    assert!(text.contains("Haidian Park") && text.contains("中关村海淀园"), "both names: {text}");
    assert!(text.contains("Latest figures") && text.contains("Sources"), "{text}");
    assert!(text.contains("http"), "the sources' addresses are printed: {text}");
}

#[test]
fn the_chinese_brief_extracts_as_chinese_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_brief(dir.path(), &["changping", "--lang", "zh"]);
    let text = text_of(&pdf);
    assert!(text.contains("中关村昌平园"), "the Chinese name is extracted as Chinese: {text}");
    assert!(text.contains("最新数据") && text.contains("来源"), "{text}");
}

#[test]
fn a_brief_of_another_city_comes_from_its_own_dataset_and_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = lakeshore();
    let pdf = write_brief(dir.path(), &["yuehu_bio", "--data", &data, "--lang", "zh"]);
    let text = text_of(&pdf);
    assert!(text.contains("玥湖生物港") && text.contains("Yuehu Bio Harbour"), "{text}");
    assert!(!text.contains("中关村"), "nothing of the built-in dataset: {text}");
}

#[test]
fn a_brief_lists_the_parks_most_like_it_with_their_reasons() {
    let dataset = zgc_atlas::model::DataOrigin::Embedded.load().expect("the built-in dataset");
    for (language, flag, heading) in [(Language::En, "en", "Peers"), (Language::Zh, "zh", "同类园区")] {
        let peers = zgc_atlas::brief::peers_for(&dataset, &ParkId::new("haidian"), language);
        let first = peers.first().expect("the built-in dataset gives Haidian peers");
        assert!(!first.reasons.is_empty(), "every peer says why: {first:?}");
        let dir = tempfile::tempdir().expect("temp dir");
        let text = text_of(&write_brief(dir.path(), &["haidian", "--lang", flag]));
        // The text breaks lines where the page does; compare without them.
        let flat: String = text.split_whitespace().collect();
        assert!(text.contains(heading), "{text}");
        let name: String = first.name.split_whitespace().collect();
        assert!(flat.contains(&name), "the most similar park, {}, is named: {text}", first.name);
    }
}

#[test]
fn an_unknown_park_exits_1_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.pdf");
    let output = run(&["brief", "atlantis", "--out", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no park \"atlantis\"") && stderr.contains("haidian"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn an_output_folder_that_does_not_exist_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("missing/brief.pdf");
    let output = run(&["brief", "haidian", "--out", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write") && stderr.contains("missing/brief.pdf"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A park of another country keeps the letters of its name in the handout: Ł, ź, ή and Ж,
/// which the Chinese font lacks, printed as boxes.
#[test]
fn letters_the_chinese_font_lacks_are_printed_from_the_fallback_font() {
    let dir = tempfile::tempdir().expect("temp dir");
    let small = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.ron");
    let name = "Łódź Tech Park — Αθήνα Жк";
    let text = std::fs::read_to_string(small).expect("the fixture").replacen("Alpha Park", name, 1);
    let data = dir.path().join("letters.ron");
    std::fs::write(&data, text).expect("written");
    let pdf = write_brief(dir.path(), &["alpha", "--data", data.to_str().expect("utf-8 path")]);
    // lopdf reads each stretch in one font as a line of its own (pdftotext reads the name as
    // one): compared without the spaces and line ends between the stretches.
    let letters = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = text_of(&pdf);
    assert!(letters(&text).contains(&letters(name)), "the name as the dataset writes it: {text}");
    assert!(text.contains("甲园"), "and the Chinese one: {text}");
}
