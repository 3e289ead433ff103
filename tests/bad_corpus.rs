//! A corpus of broken and awkward dataset files (`tests/data/bad/`), each with the exact problem a
//! user is shown, and valid-but-awkward files (`tests/data/bad/awkward/`) that must load; and the
//! same reading rules for the app's other RON files, the map and the slides.

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use zgc_atlas::model::geo::load_city_map;
use zgc_atlas::model::{Dataset, LoadErrors, Problem, load_dataset_bytes, load_dataset_file, parse_ron};
use zgc_atlas::state::Tab;
use zgc_atlas::state::slides::SlideDeck;

/// One broken file and the problems it must produce.
///
/// Each entry of `problems` is the start of one displayed problem line after the `bad/NAME.ron:`
/// label: `LINE:COL: message` for a syntax error, `PATH: message` for a broken rule. Every line
/// must match exactly one entry and there must be as many lines as entries.
struct Case {
    file: &'static str,
    problems: &'static [&'static str],
}

/// A file of another kind (a list, a text) where a dataset's `(` should begin.
const NOT_A_DATA_FILE_AT_2_1: &str = "2:1: this is not a data file of this program: such a file begins with `(`";

const BAD: &[Case] = &[
    // Raw content: nothing, nothing but a comment, bytes that are not UTF-8, a byte order mark.
    Case { file: "empty.ron", problems: &["1:1: the file is empty"] },
    Case { file: "only_comment.ron", problems: &["3:71: expected the opening ( of a Dataset here"] },
    Case { file: "not_utf8.ron", problems: &["12:28: the file is not valid UTF-8 text"] },
    // The wrong shape at the top level.
    Case { file: "top_level_list.ron", problems: &[NOT_A_DATA_FILE_AT_2_1] },
    Case { file: "top_level_number.ron", problems: &["1:30: this is not a data file of this program"] },
    Case { file: "top_level_string.ron", problems: &[NOT_A_DATA_FILE_AT_2_1] },
    // Cut short or unbalanced.
    Case {
        file: "truncated.ron",
        problems: &[
            "13:24: parks[0] \"alpha\" → name.en: the file ends here, in the middle of its data: it looks cut short",
        ],
    },
    Case {
        file: "truncated_mid_field_name.ron",
        problems: &[
            "15:39: parks[0] \"alpha\" → milestones[0]: the file ends here, in the middle of its data: it looks cut short",
        ],
    },
    Case {
        file: "missing_closing_paren.ron",
        problems: &["19:7: the file ends too soon: a closing bracket or quote may be missing"],
    },
    Case { file: "trailing_characters.ron", problems: &["20:2: Non-whitespace trailing characters"] },
    // Fields missing, unknown, repeated or of the wrong type.
    Case {
        file: "park_missing_districts.ron",
        problems: &["17:9: parks[0] \"alpha\": the field `districts` is missing from this `Park`"],
    },
    Case {
        file: "observation_missing_source.ron",
        problems: &[
            "17:76: parks[0] \"alpha\" → observations[0]: the field `source` is missing from this `Observation`: every figure, milestone, industry and name the file states names its source",
        ],
    },
    Case {
        file: "unknown_field_typo.ron",
        problems: &[
            "17:13: parks[0] \"alpha\": Unexpected field named `obervations` in `Park`, expected one of `id`, `name`, `districts`",
        ],
    },
    Case {
        file: "duplicate_field.ron",
        problems: &[
            "17:66: parks[0] \"alpha\" → observations[0]: Unexpected duplicate field named `value` in `Observation`",
        ],
    },
    Case {
        file: "value_is_string.ron",
        problems: &["17:60: parks[0] \"alpha\" → observations[0] → value: Expected float"],
    },
    Case {
        file: "year_too_big.ron",
        problems: &["17:72: parks[0] \"alpha\" → observations[0] → year: Integer is out of bounds"],
    },
    Case {
        file: "jan_to_300.ron",
        problems: &["17:97: parks[0] \"alpha\" → observations[0] → period: Integer is out of bounds"],
    },
    Case {
        file: "unknown_qualifier.ron",
        problems: &[
            "17:89: parks[0] \"alpha\" → observations[0] → qualifier: Unexpected variant named `Guess` in enum `Qualifier`, expected one of `Reported`, `Preliminary`",
        ],
    },
    Case {
        file: "unknown_role.ron",
        problems: &[
            "16:49: parks[0] \"alpha\" → industries[0] → role: Unexpected variant named `Main` in enum `Role`, expected one of `Leading`, `Key`",
        ],
    },
    // Nested far deeper than any dataset: rejected at the first unexpected bracket, no overflow.
    Case {
        file: "deep_nesting.ron",
        problems: &[
            "17:103: parks[0] \"alpha\" → observations[0] → note: expected a text in straight double quotes here",
        ],
    },
    Case {
        file: "deep_nesting_some.ron", problems: &["20:16: zone: expected a Zone, written (…), here, not “Some”"]
    },
    // Values.
    Case {
        file: "nan_value.ron",
        problems: &[r#"parks[0] "alpha" → observations[0]: value NaN is not a finite number"#],
    },
    Case {
        file: "inf_value.ron",
        problems: &[r#"parks[0] "alpha" → observations[0]: value inf is not a finite number"#],
    },
    Case {
        file: "huge_value.ron",
        problems: &[r#"parks[0] "alpha" → observations[0]: value inf is not a finite number"#],
    },
    Case {
        file: "negative_area.ron",
        problems: &[
            r#"parks[0] "alpha" → observations[0]: value -3.5 is negative, which metric "planned_area" does not allow"#,
        ],
    },
    Case {
        file: "year_1800.ron",
        problems: &[r#"parks[0] "alpha" → observations[0]: year 1800 is outside 1949–2100"#],
    },
    Case {
        file: "year_2200.ron", problems: &[r#"parks[0] "alpha" → milestones[0]: year 2200 is outside 1949–2100"#]
    },
    Case {
        file: "milestone_month_13.ron", problems: &[r#"parks[0] "alpha" → milestones[0]: the month must be 1–12"#]
    },
    Case {
        file: "jan_to_zero.ron",
        problems: &[r#"parks[0] "alpha" → observations[0]: JanTo(0): the month must be 1–12"#],
    },
    Case {
        file: "location_off_the_globe.ron",
        problems: &[r#"parks[0] "alpha" → location: (200, 39.9) is not a longitude and latitude"#],
    },
    // Ids and references.
    Case { file: "duplicate_park_id.ron", problems: &[r#"parks[1] "alpha": duplicate id "alpha""#] },
    Case { file: "duplicate_source_id.ron", problems: &[r#"sources[1] "s1": duplicate id "s1""#] },
    Case { file: "dangling_source.ron", problems: &[r#"parks[0] "alpha" → observations[0]: unknown source "s99""#] },
    Case {
        file: "dangling_district.ron", problems: &[r#"parks[0] "alpha" → districts[1]: unknown district "north""#]
    },
    Case {
        file: "dangling_industry.ron",
        problems: &[r#"parks[0] "alpha" → industries[0]: unknown industry "robots""#],
    },
    Case {
        file: "dangling_metric.ron", problems: &[r#"parks[0] "alpha" → observations[0]: unknown metric "staff""#]
    },
    Case { file: "zone_dangling_source.ron", problems: &[r#"zone → observations[0]: unknown source "s7""#] },
    Case { file: "park_without_district.ron", problems: &[r#"parks[0] "alpha": the park has no district"#] },
    // Names and URLs.
    Case { file: "empty_english_name.ron", problems: &[r#"parks[0] "alpha": name: the English text is empty"#] },
    Case { file: "empty_chinese_name.ron", problems: &[r#"districts[0] "east": name: the Chinese text is empty"#] },
    Case { file: "blank_chinese_name.ron", problems: &[r#"parks[0] "alpha": name: the Chinese text is empty"#] },
    Case {
        file: "ftp_url.ron",
        problems: &[r#"sources[0] "s1": URL "ftp://example.org/first" does not start with http:// or https://"#],
    },
    // Several rules broken at once: every one is reported.
    Case {
        file: "three_errors.ron",
        problems: &[
            r#"sources[0] "s1": URL "ftp://example.org/first" does not start with http:// or https://"#,
            r#"parks[0] "alpha" → milestones[0]: year 1800 is outside 1949–2100"#,
            r#"parks[0] "alpha" → industries[0]: unknown industry "robots""#,
        ],
    },
];

/// Valid files that stretch the format; they must load.
const AWKWARD: &[&str] = &[
    "zero_parks.ron",
    "park_without_figures.ron",
    "forty_industries.ron",
    "long_names.ron",
    "crlf_line_endings.ron",
    "utf8_bom.ron",
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

/// Loads bytes under `label`, turning a panic of the loader into a failed assertion naming the file.
fn load(bytes: &[u8], label: &str) -> Result<Dataset, LoadErrors> {
    catch_unwind(AssertUnwindSafe(|| load_dataset_bytes(bytes, label)))
        .unwrap_or_else(|_| panic!("the loader panicked on {label}"))
}

/// The names of the plain files directly in `dir`.
fn file_names(dir: &Path) -> BTreeSet<String> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()));
    entries
        .map(|entry| entry.unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display())))
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect()
}

/// Checks that every problem of `errors` matches exactly one expected line and the other way round,
/// and that its line and column or its path agree with what is displayed.
fn check(case: &Case, errors: &LoadErrors) {
    let label = format!("bad/{}", case.file);
    let shown = errors.to_string();
    assert_eq!(errors.file, label, "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), case.problems.len(), "{}: wrong number of problems:\n{shown}", case.file);
    assert_eq!(errors.problems.len(), case.problems.len(), "{}:\n{shown}", case.file);
    for expected in case.problems {
        let prefix = format!("{label}:{expected}");
        let matching = lines.iter().filter(|line| line.starts_with(&prefix)).count();
        assert_eq!(matching, 1, "{}: expected one problem starting {prefix:?}, got:\n{shown}", case.file);
    }
    for problem in &errors.problems {
        let head = match problem {
            Problem::Syntax { line, col, .. } => format!("{line}:{col}: "),
            Problem::Invalid { path, .. } => format!("{path}: "),
            Problem::Unreadable { message } => panic!("{}: unreadable: {}", case.file, message.en),
        };
        assert!(
            case.problems.iter().any(|expected| expected.starts_with(&head)),
            "{}: problem {problem:?} is not among the expected ones",
            case.file
        );
    }
}

#[test]
fn every_bad_file_reports_its_expected_problems() {
    let dir = corpus_dir();
    for case in BAD {
        let path = dir.join(case.file);
        let bytes = read(&path);
        match load(&bytes, &format!("bad/{}", case.file)) {
            Ok(dataset) => panic!("{} loaded with {} parks but must fail", case.file, dataset.parks.len()),
            Err(errors) => check(case, &errors),
        }
        // Reading the file by path reports the same problems, under the path as given.
        let by_path = load_dataset_file(&path);
        let by_path = by_path.err().unwrap_or_else(|| panic!("{} loaded from its path", case.file));
        assert_eq!(by_path.file, path.display().to_string());
        let from_bytes = load(&bytes, "x").err().map(|errors| errors.problems);
        assert_eq!(Some(by_path.problems), from_bytes, "{}", case.file);
    }
}

#[test]
fn the_corpus_is_large_and_every_file_is_in_the_table() {
    let dir = corpus_dir();
    let on_disk = file_names(&dir);
    let listed: BTreeSet<String> = BAD.iter().map(|case| case.file.to_owned()).collect();
    assert_eq!(listed.len(), BAD.len(), "a file is listed twice");
    assert!(on_disk.len() >= 25, "only {} bad files", on_disk.len());
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    assert!(unlisted.is_empty(), "files in tests/data/bad missing from the table: {unlisted:?}");
    let missing: Vec<_> = listed.difference(&on_disk).collect();
    assert!(missing.is_empty(), "files in the table missing from tests/data/bad: {missing:?}");
    for case in BAD {
        assert!(!case.problems.is_empty(), "{} expects no problem", case.file);
    }

    let awkward_on_disk = file_names(&dir.join("awkward"));
    let awkward_listed: BTreeSet<String> = AWKWARD.iter().map(|&name| name.to_owned()).collect();
    assert_eq!(awkward_on_disk, awkward_listed, "tests/data/bad/awkward and AWKWARD differ");
}

#[test]
fn awkward_but_valid_files_load() {
    let dir = corpus_dir().join("awkward");
    let load_ok = |name: &str| -> Dataset {
        let label = format!("bad/awkward/{name}");
        load(&read(&dir.join(name)), &label).unwrap_or_else(|errors| panic!("{errors}"))
    };
    for name in AWKWARD {
        load_ok(name);
    }

    assert!(load_ok("zero_parks.ron").parks.is_empty());
    assert_eq!(load_ok("zero_parks.ron").figure_count(), 0);

    let bare = load_ok("park_without_figures.ron");
    assert_eq!(bare.parks.len(), 1);
    let park = &bare.parks[0];
    assert!(park.observations.is_empty() && park.industries.is_empty() && park.milestones.is_empty());
    assert!(park.location.is_none() && park.description.is_none());

    let forty = load_ok("forty_industries.ron");
    assert_eq!(forty.industries.len(), 40);
    assert_eq!(forty.parks[0].industries.len(), 40);
    assert!(forty.parks[0].industries.iter().all(|link| forty.industry(&link.industry).is_some()));

    let long = load_ok("long_names.ron");
    assert_eq!(long.parks[0].name.en.chars().count(), 2000);
    assert_eq!(long.parks[0].name.zh.chars().count(), 2000);

    // Some Windows editors start UTF-8 files with a byte order mark: it is not an error.
    assert!(read(&dir.join("utf8_bom.ron")).starts_with(&[0xef, 0xbb, 0xbf]), "the file keeps its mark");
    assert_eq!(load_ok("utf8_bom.ron").parks.len(), 1);

    let crlf = load_ok("crlf_line_endings.ron");
    assert_eq!(crlf.parks[0].name.en, "Alpha Park", "no stray carriage return in a value");
    assert_eq!(crlf.figure_count(), 1);
}

/// The map and the slides are read like the dataset: a syntax error is shown as `file:line:col:`
/// at the broken token, with the path of the item it is in, and a byte order mark from a Windows
/// editor is not an error.
#[test]
fn map_and_slides_files_name_the_place_of_a_syntax_error_and_accept_a_byte_order_mark() {
    // `Nowhere` (line 2, column 35) is not one of the app's views.
    let slides = "(slides: [\n    (title: \"Income\", view: (tab: Nowhere)),\n])";
    let errors = parse_ron::<SlideDeck>(slides, "parks.views.ron").expect_err("an unknown view");
    assert_eq!(
        errors.to_string(),
        "parks.views.ron:2:35: slides[0] → view.tab: Unexpected variant named `Nowhere` in enum `Tab`, expected one of `Table`, `Compare`, or `Map` instead"
    );

    // The name must be a pair of texts, not a number: the parser stops right after `name:` on
    // line 2 (column 10); the error points at the number (column 11).
    let map = "(\n    name: 3,\n    districts: [],\n)";
    let errors = load_city_map(map, "districts.ron").expect_err("a number for a name");
    assert_eq!(errors.to_string(), "districts.ron:2:11: name: expected a text here, written (en: \"…\", zh: \"…\")");

    let slides = "(slides: [(title: \"Income\", view: (tab: Map))])";
    let deck: SlideDeck = parse_ron(&format!("\u{feff}{slides}"), "bom.views.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(deck.slides.len(), 1);
    assert_eq!((deck.slides[0].title.as_str(), deck.slides[0].view.tab), ("Income", Tab::Map));

    let map = format!("\u{feff}{}", include_str!("../data/beijing-districts.ron"));
    let map = load_city_map(&map, "bom-districts.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(map.districts.len(), 16, "Beijing's sixteen districts");
}

/// Every problem of a map file is reported at once: an outline crossing itself does not hide an
/// outline named for a district the dataset lacks, nor the district then left without one.
#[test]
fn a_map_file_reports_its_crossing_outline_and_its_unknown_district_together() {
    let fixture = |name: &str| {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lakeshore").join(name))
            .expect("fixture")
    };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("lakeshore.ron"), fixture("lakeshore.ron")).expect("write");
    let outlines = fixture("districts.ron");
    let crossing = "(id: \"yuecheng\", outline: [(-62.44, -46.83), (-62.36, -46.83), (-62.36, -46.79),";
    let unknown = "(id: \"miaobin\", outline:";
    assert!(outlines.contains(crossing) && outlines.contains(unknown), "the fixture's outlines");
    let outlines = outlines
        .replacen(crossing, "(id: \"yuecheng\", outline: [(-62.44, -46.83), (-62.36, -46.79), (-62.36, -46.83),", 1)
        // An id far from any district's: a slip away from miaobin, it would be taken for it.
        .replacen(unknown, "(id: \"elsewhere\", outline:", 1);
    std::fs::write(dir.path().join("districts.ron"), outlines).expect("write");
    let origin = zgc_atlas::model::DataOrigin::File(dir.path().join("lakeshore.ron"));
    let dataset = origin.load().expect("the dataset itself is valid");
    let errors = origin.load_map(&dataset).expect("it names a map").expect_err("two problems");
    let text = errors.to_string();
    assert!(text.contains(r#"districts[0] "yuecheng": the outline crosses itself"#), "{text}");
    assert!(text.contains(r#""elsewhere": the dataset has no district "elsewhere""#), "{text}");
    assert!(text.contains("no outline for the dataset's districts") && text.contains("miaobin\""), "{text}");
}
