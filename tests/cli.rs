//! The command line as a user runs it: `check` and `export`, their output and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zgc-atlas")).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_of_a_valid_file_prints_counts_and_coverage_and_exits_0() {
    let small = fixture("small.ron");
    let output = run(&["check", small.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("valid: 3 parks, 10 figures (9 of the parks, 1 of the zone), 2 sources, 4 metrics"),
        "{text}"
    );
    // Coverage rows are metrics, columns parks alpha, beta, gamma, then how many parks have it.
    let row = |metric: &str| -> Vec<String> {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(metric))
            .unwrap_or_else(|| panic!("no {metric} row"));
        line.split_whitespace().map(str::to_owned).collect()
    };
    assert_eq!(row("planned_area"), ["planned_area", "1", "1", "·", "2"]);
    assert_eq!(row("total_income"), ["total_income", "4", "·", "·", "1"]);
    assert_eq!(row("total"), ["total", "7", "2", "0"]);
}

#[test]
fn check_of_the_real_dataset_passes_with_its_map_and_no_warning() {
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/zgc.ron");
    let output = run(&["check", real.to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("beijing-districts.ron, 16 district outlines"), "{text}");
    assert!(!text.contains("warning"), "{text}");
}

/// Two districts side by side, each 0.3° of longitude by 0.2° of latitude: "west" from 116.0°E,
/// "east" from 116.3°E. The small fixture's park "alpha" (116.4°E, 39.9°N) lies in "east".
const TWO_DISTRICTS: &str = r#"(
    name: (en: "Test city", zh: "测试市"),
    note: (en: "Squares.", zh: "方块。"),
    districts: [
        (id: "west", outline: [(116.0, 39.8), (116.3, 39.8), (116.3, 40.0), (116.0, 40.0)]),
        (id: "east", outline: [(116.3, 39.8), (116.6, 39.8), (116.6, 40.0), (116.3, 40.0)]),
    ],
)"#;

/// A folder holding the small fixture as `parks.ron`, naming `districts.ron` as its map, and,
/// unless `map` is `None`, that map; `edit` changes the dataset's text first.
struct City {
    dir: tempfile::TempDir,
}

impl City {
    fn new(map: Option<&str>, edit: impl FnOnce(String) -> String) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let small = std::fs::read_to_string(fixture("small.ron")).expect("the fixture");
        let named = small.replacen(r#"licence: "test","#, r#"licence: "test", map: Some("districts.ron"),"#, 1);
        assert_ne!(named, small, "the fixture's meta has a licence line");
        std::fs::write(dir.path().join("parks.ron"), edit(named)).expect("write dataset");
        if let Some(map) = map {
            std::fs::write(dir.path().join("districts.ron"), map).expect("write map");
        }
        Self { dir }
    }

    fn dataset(&self) -> String {
        self.dir.path().join("parks.ron").to_str().expect("utf-8 path").to_owned()
    }

    fn map(&self) -> String {
        self.dir.path().join("districts.ron").to_str().expect("utf-8 path").to_owned()
    }

    fn check(&self) -> (Option<i32>, String) {
        let output = run(&["check", &self.dataset()]);
        (output.status.code(), stdout(&output))
    }
}

#[test]
fn check_loads_the_map_the_dataset_names_and_reports_its_outlines() {
    let city = City::new(Some(TWO_DISTRICTS), |text| text);
    let (code, text) = city.check();
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains(&format!("map: {}, 2 district outlines", city.map())), "{text}");
    assert!(!text.contains("warning"), "{text}");
}

#[test]
fn check_of_a_dataset_whose_map_file_is_missing_names_meta_map_and_exits_1() {
    let city = City::new(None, |text| text);
    let (code, text) = city.check();
    assert_eq!(code, Some(1), "{text}");
    let line = format!("{}:meta.map: the map file {} cannot be read: ", city.dataset(), city.map());
    assert!(text.contains(&line), "{text}");
    assert!(text.contains("1 problem(s) found."), "{text}");
}

/// A file far larger than any dataset or map (a disk image, a device without end) is refused
/// once that much is read, not read until memory runs out.
#[test]
fn check_refuses_a_dataset_or_map_file_larger_than_the_app_reads() {
    let city = City::new(None, |text| text);
    // Sparse: no disk is used.
    let huge = std::fs::File::create(city.map()).expect("create");
    huge.set_len(zgc_atlas::model::MAX_DATA_FILE_BYTES + 1).expect("set its length");
    let (code, text) = city.check();
    assert_eq!(code, Some(1), "{text}");
    let limit = zgc_atlas::model::MAX_DATA_FILE_BYTES / 1_048_576;
    let refused = format!("the map file {} cannot be read: it is larger than {limit} MB", city.map());
    assert!(text.contains(&refused), "{text}");
    std::fs::rename(city.map(), city.dataset()).expect("the huge file as the dataset");
    let (code, text) = city.check();
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains(&format!("{} cannot be read: it is larger than {limit} MB", city.dataset())), "{text}");
    // A device reports no size, and never ends.
    #[cfg(unix)]
    {
        let output = run(&["check", "/dev/zero"]);
        assert_eq!(output.status.code(), Some(1));
        let text = stdout(&output);
        assert!(text.contains(&format!("/dev/zero cannot be read: it is larger than {limit} MB")), "{text}");
    }
}

#[test]
fn check_reports_a_syntax_error_in_the_map_at_its_line_and_column() {
    let city = City::new(Some("(\n    name: 3,\n)"), |text| text);
    let (code, text) = city.check();
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains(&format!("{}:2:11: name: expected a text here", city.map())), "{text}");
}

#[test]
fn check_reports_an_outline_of_a_district_the_dataset_does_not_have() {
    let city = City::new(Some(&TWO_DISTRICTS.replace(r#"id: "west""#, r#"id: "north""#)), |text| text);
    let (code, text) = city.check();
    assert_eq!(code, Some(1), "{text}");
    let map = city.map();
    assert!(text.contains(&format!(r#"{map}:districts[0] "north": the dataset has no district "north""#)), "{text}");
    // Renaming the outline also leaves the dataset's "west" without one.
    assert!(text.contains(&format!(r#"{map}:districts: no outline for the dataset's districts[1] "west""#)), "{text}");
    assert!(text.contains("2 problem(s) found."), "{text}");
}

#[test]
fn check_reports_a_dataset_district_without_an_outline() {
    let only_east = TWO_DISTRICTS.lines().filter(|line| !line.contains(r#"id: "west""#)).collect::<Vec<_>>().join("\n");
    let city = City::new(Some(&only_east), |text| text);
    let (code, text) = city.check();
    assert_eq!(code, Some(1), "{text}");
    let line = format!(r#"{}:districts: no outline for the dataset's districts[1] "west""#, city.map());
    assert!(text.contains(&line), "{text}");
    assert!(text.contains("1 problem(s) found."), "{text}");
}

#[test]
fn a_park_outside_its_district_is_a_warning_after_the_summary_and_exits_0() {
    // 0.3° east of the east district's edge at about 39.9°N: 0.3 × 111.32 km × cos 39.9° = 25.6 km.
    let city = City::new(Some(TWO_DISTRICTS), |text| text.replacen("lon: 116.4,", "lon: 116.9,", 1));
    let (code, text) = city.check();
    assert_eq!(code, Some(0), "a warning does not fail the check: {text}");
    let warning = format!(
        r#"{}:parks[0] "alpha" → location: (116.9, 39.9) lies outside its district "east", 25.6 km from its edge (the location is marked approximate)"#,
        city.dataset()
    );
    let at = text.find(&warning).unwrap_or_else(|| panic!("no warning in:\n{text}"));
    let summary = text.find("valid: 3 parks").expect("the summary");
    let table = text.find("total ").expect("the coverage table");
    assert!(summary < at && table < at, "warnings come after the summary:\n{text}");
    assert!(text.contains("1 warning:"), "{text}");
}

#[test]
fn a_figure_on_a_ground_its_year_did_not_change_is_a_warning_with_its_place() {
    let figure = r#"(metric: "planned_area", value: 26.1, year: 2012, source: "s1""#;
    let city = City::new(Some(TWO_DISTRICTS), |text| {
        assert!(text.contains(figure), "the fixture's first figure");
        text.replacen(figure, &format!("{figure}, ground: Some(AfterChange)"), 1)
    });
    let (code, text) = city.check();
    assert_eq!(code, Some(0), "a warning does not fail the check: {text}");
    let place = format!(r#"{}:parks[0] "alpha" → observations[0]: "#, city.dataset());
    assert!(text.contains(&place), "no warning at\n{place}\nin:\n{text}");
    assert!(text.contains("1 warning:"), "{text}");
}

#[test]
fn a_text_with_characters_no_built_in_font_draws_is_one_warning_with_its_place_and_exits_0() {
    // U+20000 (CJK Extension B) and U+18000 (Tangut) are in none of the program's fonts; U+20000
    // twice in one name still makes one warning naming it once.
    let (ext_b, tangut) = ('\u{20000}', '\u{18000}');
    assert_eq!(zgc_atlas::glyphs::undrawable_chars(&format!("{ext_b}{tangut}")), [ext_b, tangut]);
    let map = TWO_DISTRICTS.replacen(r#"zh: "测试市""#, &format!(r#"zh: "测试市{tangut}""#), 1);
    let city = City::new(Some(&map), |text| {
        text.replacen(r#"zh: "甲园""#, &format!(r#"zh: "甲{ext_b}{ext_b}园{tangut}""#), 1)
    });
    let (code, text) = city.check();
    assert_eq!(code, Some(0), "a warning does not fail the check: {text}");
    assert!(text.contains("valid: 3 parks"), "{text}");
    let fallback = "on systems with CJK fonts the window may still show";
    let park = format!(
        r#"{}:parks[0] "alpha" → name.zh: no font built into the program draws {ext_b} (U+20000), {tangut} (U+18000); {fallback} them through the system font fallback, elsewhere as boxes"#,
        city.dataset()
    );
    assert!(text.contains(&park), "no warning\n{park}\nin:\n{text}");
    let city_name = format!(
        "{}:name.zh: no font built into the program draws {tangut} (U+18000); {fallback} it through the system font fallback, elsewhere as a box",
        city.map()
    );
    assert!(text.contains(&city_name), "no warning\n{city_name}\nin:\n{text}");
    assert!(text.contains("2 warnings:"), "{text}");
}

#[test]
fn check_of_the_small_fixture_finds_every_character_drawable() {
    let output = run(&["check", fixture("small.ron").to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(!text.contains("no font built into the program draws"), "{text}");
}

#[test]
fn check_of_a_dataset_without_parks_exits_1() {
    let empty = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad/awkward/zero_parks.ron");
    let output = run(&["check", empty.to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("{}:parks: the dataset has no parks", empty.display())), "{text}");
    assert!(text.contains("1 problem(s) found."), "{text}");
}

#[test]
fn check_of_a_broken_file_lists_problems_and_exits_1() {
    let bad = fixture("bad/dangling_source.ron");
    let output = run(&["check", bad.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(r#"dangling_source.ron:parks[0] "solo" → observations[0]: unknown source "nowhere""#),
        "{text}"
    );
    assert!(text.contains("1 problem(s) found."), "{text}");
}

#[test]
fn check_of_a_missing_file_exits_1_with_the_path() {
    let output = run(&["check", "no-such-file.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("no-such-file.ron cannot be read"));
}

#[test]
fn export_csv_has_one_row_per_figure_with_provenance() {
    let small = fixture("small.ron");
    let output = run(&["export", "--data", small.to_str().expect("utf-8 path"), "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().expect("header row").clone();
    for column in [
        "park_id",
        "park_name_en",
        "park_name_zh",
        "metric_id",
        "unit",
        "year",
        "value",
        "qualifier",
        "source_id",
        "source_title",
        "source_url",
    ] {
        assert!(headers.iter().any(|h| h == column), "missing column {column}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid row")).collect();
    // Nine park figures plus the zone's one.
    assert_eq!(rows.len(), 10);
    let column = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let first = &rows[0];
    assert_eq!(&first[column("park_id")], "alpha");
    assert_eq!(&first[column("park_name_zh")], "甲园");
    assert_eq!(&first[column("value")], "26.1");
    assert_eq!(&first[column("unit")], "km²");
    assert_eq!(&first[column("source_url")], "https://example.org/first");
    // A whole number as the dataset writes it: "800", not "800.0".
    let target = rows.iter().find(|r| &r[column("value")] == "800").expect("the target row");
    // Stable codes a spreadsheet or script can rely on, with words beside them for people.
    assert_eq!((&target[column("qualifier")], &target[column("qualifier_label")]), ("target", "target"));
    let part_year = rows.iter().find(|r| !r[column("period")].is_empty()).expect("a part-year row");
    assert_eq!(&part_year[column("period")], "h1");
}

/// `--help` lists `FILE` and `--data FILE` before the subcommands: a dataset named there is the
/// one every subcommand uses, never the built-in data in its place.
#[test]
fn a_dataset_named_before_the_subcommand_is_the_one_exported_checked_and_briefed() {
    let small = fixture("small.ron");
    let small = small.to_str().expect("utf-8 path");
    let parks_exported = |args: &[&str]| {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
        let mut parks: Vec<String> = reader.records().map(|r| r.expect("a row")[1].to_owned()).collect();
        parks.dedup();
        parks
    };
    let after = parks_exported(&["export", "--data", small, "--format", "csv"]);
    assert_eq!(after, ["alpha", "beta", ""], "the small fixture's parks with figures, then its zone");
    assert_eq!(parks_exported(&["--data", small, "export", "--format", "csv"]), after);
    assert_eq!(parks_exported(&[small, "export", "--format", "csv"]), after);
    let check = run(&[small, "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(stdout(&check).contains("valid: 3 parks"), "{}", stdout(&check));
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("alpha.pdf");
    let brief = run(&["--data", small, "brief", "alpha", "--out", pdf.to_str().expect("utf-8 path")]);
    assert_eq!(brief.status.code(), Some(0), "{}", String::from_utf8_lossy(&brief.stderr));
    let two = run(&[small, "export", "--data", "other.ron", "--format", "csv"]);
    assert_eq!(two.status.code(), Some(1), "two datasets: neither is silently ignored");
    assert!(String::from_utf8_lossy(&two.stderr).contains("two datasets named"), "{two:?}");
    // `--data` before the subcommand and again after it: not the last silently.
    for subcommand in [&["export", "--format", "csv"][..], &["check"], &["brief", "alpha", "--out", "alpha.pdf"]] {
        let mut args = vec!["--data", small];
        args.extend(subcommand);
        args.extend(["--data", "other.ron"]);
        let twice = run(&args);
        assert_eq!(twice.status.code(), Some(1), "{args:?}: {twice:?}");
        let said = String::from_utf8_lossy(&twice.stderr);
        assert!(said.contains("two datasets named") && said.contains("other.ron"), "{args:?}: {said}");
    }
    // One missing file in two spellings is one dataset, which cannot be read.
    let missing = run(&["./no-such-dataset.ron", "export", "--data", "no-such-dataset.ron", "--format", "csv"]);
    let said = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(missing.status.code(), Some(1), "{said}");
    assert!(!said.contains("two datasets named") && said.contains("no-such-dataset.ron"), "{said}");
}

#[test]
fn export_names_each_source_by_the_label_notes_cite_it_by() {
    // Two reports of one publisher in one year: the window and the notes tell them apart as
    // "Test Office 2019a" and "2019b", which neither id nor title says.
    let small = std::fs::read_to_string(fixture("small.ron")).expect("the fixture");
    let second = r#"(id: "s3", title: "Second report", publisher: "Test Office", publisher_zh: Some("测试局"), date: Some("2019-09-01"), language: "en"),"#;
    let edited = small
        .replacen("    ],\n    industries:", &format!("        {second}\n    ],\n    industries:"), 1)
        .replacen("value: 1382, year: 2019, source: \"s1\"", "value: 1382, year: 2019, source: \"s3\"", 1);
    assert_ne!(edited, small, "the fixture's layout changed: the edit found nothing to change");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lettered.ron");
    std::fs::write(&path, edited).expect("written");
    let output = run(&["export", "--data", path.to_str().expect("utf-8 path"), "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().expect("header row").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let labels: std::collections::BTreeSet<(String, String, String)> = reader
        .records()
        .map(|r| r.expect("a row"))
        .map(|r| {
            (
                r[column("source_id")].to_owned(),
                r[column("source_label")].to_owned(),
                r[column("source_label_zh")].to_owned(),
            )
        })
        .collect();
    let expected = [
        ("s1", "Test Office 2019a", "测试局 2019a"),
        ("s2", "测试办公室", "测试办公室"),
        ("s3", "Test Office 2019b", "测试局 2019b"),
    ]
    .map(|(id, en, zh)| (id.to_owned(), en.to_owned(), zh.to_owned()));
    assert_eq!(labels, expected.into_iter().collect());
}

#[test]
fn export_json_to_a_file_writes_an_array_of_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("figures.json");
    let small = fixture("small.ron");
    let output = run(&[
        "export",
        "--data",
        small.to_str().expect("utf-8 path"),
        "--format",
        "json",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    let rows = json.as_array().expect("an array");
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[1]["qualifier"], "at_least");
    assert_eq!(rows[1]["source_title"], "第二份报告");
}

#[test]
fn export_of_a_broken_file_fails_with_the_problem() {
    let bad = fixture("bad/dangling_source.ron");
    let output = run(&["export", "--data", bad.to_str().expect("utf-8 path"), "--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown source \"nowhere\""));
}

#[test]
fn export_geojson_has_closed_district_rings_and_park_points() {
    let output = run(&["export", "--format", "geojson"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().expect("features");
    let districts: Vec<_> = features.iter().filter(|f| f["properties"]["kind"] == "district").collect();
    let parks: Vec<_> = features.iter().filter(|f| f["properties"]["kind"] == "park").collect();
    assert_eq!((districts.len(), parks.len()), (16, 17));
    for district in &districts {
        let ring = district["geometry"]["coordinates"][0].as_array().expect("a ring");
        assert_eq!(ring.first(), ring.last(), "GeoJSON rings are closed");
    }
    let chaoyang = parks.iter().find(|p| p["properties"]["id"] == "chaoyang").expect("chaoyang");
    assert_eq!(chaoyang["properties"]["total_income"], 630.0);
    assert_eq!(chaoyang["properties"]["total_income_year"], 2018);
    assert_eq!(chaoyang["properties"]["total_income_qualifier"], "preliminary");
}

/// The `GeoJSON` marks districts schematic as their map file says: a map of surveyed
/// boundaries (`schematic: false`) is not called schematic; one that says nothing is.
#[test]
fn export_geojson_marks_districts_schematic_as_the_map_file_says() {
    for (map, schematic) in [
        (TWO_DISTRICTS.to_owned(), true),
        (TWO_DISTRICTS.replacen("districts:", "schematic: false,\n    districts:", 1), false),
    ] {
        let city = City::new(Some(&map), |text| text);
        let output = run(&["export", "--format", "geojson", "--data", &city.dataset()]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let features = json["features"].as_array().expect("features");
        let districts: Vec<_> = features.iter().filter(|f| f["properties"]["kind"] == "district").collect();
        assert_eq!(districts.len(), 2);
        assert!(districts.iter().all(|d| d["properties"]["schematic"] == schematic), "{districts:?}");
    }
}

/// A park's figure in the `GeoJSON` covering January–November, or a first quarter, says so with
/// the period code the CSV and JSON write; a whole year's has an empty period, as there. Its
/// source's address and its note are there too, as in the JSON.
#[test]
fn export_geojson_gives_each_figure_its_period_as_the_other_exports_do() {
    let output = run(&["export", "--format", "geojson"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let geojson: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    // Properties as values: a property missing reads as null.
    let parks: Vec<&serde_json::Value> = geojson["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| &f["properties"])
        .filter(|p| p["kind"] == "park")
        .collect();
    let park = |id: &str| *parks.iter().find(|p| p["id"] == id).unwrap_or_else(|| panic!("no park {id}"));
    let fangshan = park("fangshan");
    assert_eq!((&fangshan["total_income"], &fangshan["total_income_year"]), (&16.77.into(), &2014.into()));
    assert_eq!(fangshan["total_income_period"], "jan_to_11", "a January–November figure");
    assert_eq!(park("chaoyang")["total_income_period"], "", "a whole year's figure");

    // Every figure agrees with a row of the JSON export on its period, qualifier and source.
    let json = run(&["export", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let rows = rows.as_array().expect("an array");
    let mut part_year = 0;
    for properties in &parks {
        let keys = properties.as_object().expect("an object").keys();
        for metric in keys.filter_map(|key| key.strip_suffix("_year")) {
            let property = |suffix: &str| &properties[format!("{metric}{suffix}").as_str()];
            let matches = |row: &&serde_json::Value| {
                row["park_id"] == properties["id"]
                    && row["metric_id"] == metric
                    && &row["year"] == property("_year")
                    && &row["value"] == property("")
                    && &row["period"] == property("_period")
                    && &row["qualifier"] == property("_qualifier")
                    && &row["source_title"] == property("_source")
                    && &row["source_url"] == property("_source_url")
                    && &row["note"] == property("_note")
                    && &row["note_zh"] == property("_note_zh")
            };
            assert!(
                rows.iter().any(|row| matches(&row)),
                "{} {metric} ({}, period {}): no such figure in the export",
                properties["id"],
                property("_year"),
                property("_period")
            );
            part_year += usize::from(property("_period") != "");
        }
    }
    assert!(part_year >= 2, "the dataset's latest figures include part-year ones: {part_year}");
    let with = |suffix: &str| {
        parks
            .iter()
            .flat_map(|p| p.as_object().expect("an object"))
            .filter(|(key, value)| key.ends_with(suffix) && *value != "")
            .count()
    };
    assert!(with("_source_url") > 0 && with("_note") > 0, "the dataset's latest figures have addresses and notes");
}

#[test]
fn check_says_which_figure_table_it_read_as_gb18030() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let small = std::fs::read_to_string(fixture("small.ron")).expect("the fixture reads");
    let with_table = small.replacen("meta: (", r#"meta: ( figure_tables: ["figures.csv"],"#, 1);
    std::fs::write(dir.path().join("small.ron"), with_table).expect("written");
    // The note "海淀园" in GBK, as a spreadsheet on Chinese Windows saves it.
    let table = b"park_id,metric_id,year,value,source_id,note\ngamma,planned_area,2019,5,s1,\xba\xa3\xb5\xed\xd4\xb0\n";
    std::fs::write(dir.path().join("figures.csv"), table).expect("written");
    let output = run(&["check", dir.path().join("small.ron").to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(
        text.contains("1 added, 0 repeating the dataset, none conflicting with it; read as GB18030, not UTF-8"),
        "{text}"
    );
}

/// A broken table the dataset names: its problems are the table's cells, so `check` also says
/// where the dataset names it, for a user who did not know the dataset reads a table at all.
#[test]
fn check_says_where_the_dataset_names_a_broken_figure_table() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let small = std::fs::read_to_string(fixture("small.ron")).expect("the fixture reads");
    let with_table = small.replacen("meta: (", r#"meta: ( figure_tables: ["figures.csv"],"#, 1);
    std::fs::write(dir.path().join("small.ron"), with_table).expect("written");
    std::fs::write(
        dir.path().join("figures.csv"),
        "park_id,metric_id,year,value,source_id\ngamma,planned_area,2019,six,s1\n",
    )
    .expect("written");
    let dataset = dir.path().join("small.ron");
    let output = run(&["check", dataset.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = stdout(&output);
    let table = dir.path().join("figures.csv");
    assert!(text.contains(&format!("{}:line 2", table.display())), "the cell's place: {text}");
    assert!(
        text.contains(&format!("{} is named in meta.figure_tables of {}.", table.display(), dataset.display())),
        "{text}"
    );
}

/// `export … | head`: the reader closing the pipe early is no error to report.
#[test]
fn an_export_piped_into_a_reader_that_stops_early_ends_quietly() {
    use std::io::Read as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_zgc-atlas"))
        .args(["export", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = [0_u8; 64];
    child.stdout.as_mut().expect("piped").read_exact(&mut first).expect("the export begins");
    // The whole export is far more than a pipe holds: it is still writing when the reader goes.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("it ends");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "nothing said");
    assert_eq!(output.status.code(), Some(0));
}
