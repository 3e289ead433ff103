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
    assert!(text.contains("valid: 3 parks, 9 figures, 2 sources, 4 metrics"), "{text}");
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
fn check_of_the_real_dataset_passes() {
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/zgc.ron");
    let output = run(&["check", real.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
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
    let target = rows.iter().find(|r| &r[column("value")] == "800.0").expect("the target row");
    // Stable codes a spreadsheet or script can rely on, with words beside them for people.
    assert_eq!((&target[column("qualifier")], &target[column("qualifier_label")]), ("target", "target"));
    let part_year = rows.iter().find(|r| !r[column("period")].is_empty()).expect("a part-year row");
    assert_eq!(&part_year[column("period")], "h1");
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
