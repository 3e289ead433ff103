//! A corpus of broken figure tables (`tests/data/bad/tables/`), each with the exact lines a user
//! is shown when it is added to the built-in dataset, and awkward but valid tables
//! (`tests/data/bad/tables/awkward/`) that must load. A broken table adds nothing: the dataset
//! it was added to is returned whole or not at all.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use zgc_atlas::model::tables::{FigureTable, MAX_TABLE_BYTES, MergeReport, RowOutcome, read_table, read_table_bytes};
use zgc_atlas::model::{DataOrigin, Dataset, LoadErrors, MetricId, ParkId, Qualifier, SourceId};

/// One broken table and every line it must produce, in order, after its label
/// `bad/tables/NAME`: `:PLACE: message` for a cell, ` cannot be read: …` for a file.
struct Case {
    file: &'static str,
    lines: &'static [&'static str],
}

const BAD: &[Case] = &[
    // Columns.
    Case {
        file: "missing_column.csv",
        lines: &[r#":line 1, column 1: the column "source_id" (or 来源) is missing from the first row"#],
    },
    Case {
        file: "unknown_column.csv",
        lines: &[
            r#":line 1, column 6: unknown column "colour"; a figure table has the columns scope, park_id, park_name_en, park_name_zh, metric_id, metric_name, unit, year, period, value, qualifier, qualifier_label, source_id, source_label, source_label_zh, source_title, source_url, note, note_zh, part_en, part_zh, ground"#,
        ],
    },
    Case { file: "duplicate_header.csv", lines: &[r#":line 1, column 6: the column "value" appears twice"#] },
    Case {
        file: "title_above_headers.xlsx",
        lines: &[
            r#":Sheet1!A1: the first row names no column of a figure table (it reads "Park figures 2024 (internal)"): it must hold the headers, e.g. park_id, metric_id, year, value, source_id (or 园区, 指标, 年份, 数值, 来源); delete any title row above them"#,
        ],
    },
    Case { file: "empty_sheet.xlsx", lines: &[":Sheet1!A1: the sheet is empty: its first row must name the columns"] },
    Case {
        file: "merged_cell.xlsx",
        lines: &[
            ":Sheet1!A2: cells A2:A3 are merged: unmerge them and write the value in each cell",
            r#":Sheet1!A3 (park_id): no park id (write the park's id, or "zone" in the scope column)"#,
        ],
    },
    // Cells.
    Case {
        file: "formula_error.xlsx",
        lines: &[
            ":Sheet1!E3 (value): the cell holds the error #DIV/0!: write the value itself, not a formula that fails",
        ],
    },
    Case {
        file: "date_for_year.xlsx",
        lines: &[
            ":Sheet1!C2 (year): a date (2019-01-01) where a year should be: format the cell as a number and write the year alone, e.g. 2019",
        ],
    },
    Case {
        file: "year_with_suffix.csv",
        lines: &[r#":line 2, column 3 (year): "2019年" is not a year: write the year alone, e.g. 2019"#],
    },
    Case {
        file: "value_with_unit.csv",
        lines: &[
            r#":line 2, column 5 (value): "1240亿" is not a number: write the number alone, in the metric's unit (a unit or words in the cell, like 亿 or "bn", are not read; convert to the unit the metric names)"#,
        ],
    },
    Case {
        file: "about_50.csv",
        lines: &[
            r#":line 2, column 5 (value): "about 50" is not a number: write the number alone and "approximate" in the qualifier column"#,
        ],
    },
    Case {
        file: "decimal_comma.csv",
        lines: &[
            r#":line 2, column 5 (value): "1,5" is not a number: write decimals with a point (1.5); a comma may only separate thousands (1,240)"#,
        ],
    },
    Case {
        file: "not_available.csv",
        lines: &[
            r#":line 2, column 5 (value): "n/a" is not a number: leave out a row whose figure is unknown, never write 0"#,
        ],
    },
    Case {
        file: "empty_value.csv",
        lines: &[":line 2, column 5 (value): no value: leave out a row whose figure is unknown, never write 0"],
    },
    Case {
        file: "unknown_period.csv",
        lines: &[
            r#":line 2, column 4 (period): unknown period "q3": leave it empty for the whole year, or write h1, h2, jan_to_1 … jan_to_12 or cumulative"#,
        ],
    },
    Case {
        file: "unknown_qualifier.csv",
        lines: &[
            r#":line 2, column 6 (qualifier): unknown qualifier "estimated": write one of reported, preliminary, approximate, at_least, at_most, target, forecast"#,
        ],
    },
    Case {
        file: "zone_row_naming_a_park.csv",
        lines: &[r#":line 2, column 2 (park_id): a zone row names the park "haidian": leave the park empty"#],
    },
    // The rules of the dataset.
    Case { file: "unknown_park.csv", lines: &[r#":line 2, column 1 (park_id): unknown park "atlantis""#] },
    Case { file: "unknown_metric.csv", lines: &[r#":line 2, column 2 (metric_id): unknown metric "happiness""#] },
    Case {
        file: "unknown_source.csv",
        lines: &[concat!(
            r#":line 2, column 7 (source_id): unknown source "nosuch"; a new source is added in a workbook's "#,
            "`sources` sheet, or in a sources table (columns id, title, publisher, …) added before this one"
        )],
    },
    Case {
        file: "negative_count.csv",
        lines: &[
            r#":line 2, column 5 (value): value -5 is negative, which metric "high_tech_enterprises" does not allow"#,
        ],
    },
    Case { file: "year_out_of_range.csv", lines: &[":line 2, column 3 (year): year 1800 is outside 1949–2100"] },
    Case {
        file: "percent_in_non_percent.csv",
        lines: &[
            r#":line 2, column 5 (value): a percentage, but metric "total_income" is measured in bn yuan: write the value in that unit"#,
        ],
    },
    Case {
        file: "source_conflict.xlsx",
        lines: &[
            r#":sources!A2: the dataset already has a source "S7" with another title, publisher, date, URL and note: give the table's source another id"#,
            r#":sources!A4: the table lists the source "own-1" twice"#,
        ],
    },
    // Several at once: first every cell that cannot be read, then every row breaking a rule.
    Case {
        file: "several_problems.csv",
        lines: &[
            r#":line 2, column 5 (value): "1240亿" is not a number: write the number alone, in the metric's unit (a unit or words in the cell, like 亿 or "bn", are not read; convert to the unit the metric names)"#,
            r#":line 4, column 4 (period): unknown period "h3": leave it empty for the whole year, or write h1, h2, jan_to_1 … jan_to_12 or cumulative"#,
            r#":line 3, column 2 (metric_id): unknown metric "happiness""#,
        ],
    },
    // Files that cannot be read at all.
    // Latin-1 (Windows-1252) text: not UTF-8, and not Chinese in GB18030, which would read
    // an "é" or "ü" and the letter after it as one rare character. Refused, not guessed.
    Case {
        file: "latin1.csv",
        lines: &[
            r#" cannot be read: it is not UTF-8 text (from line 2 on), nor Chinese text in GB18030: save it again as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8; WPS and LibreOffice: choose the UTF-8 character set)"#,
        ],
    },
    Case {
        file: "password.xlsx",
        lines: &[
            " cannot be read: the workbook is protected by a password: save a copy without one (in Excel: File › Info › Protect Workbook › Encrypt with Password, and clear the password)",
        ],
    },
    Case {
        file: "corrupt.xlsx",
        lines: &[
            " cannot be read: it is not a .xlsx workbook this program can open, or it is damaged or cut short (Xlsx error: Zip error: invalid Zip archive: Could not find EOCD): open it in a spreadsheet program and save it again",
        ],
    },
    Case {
        file: "figures.pdf",
        lines: &[
            " cannot be read: it is not a kind of table this program reads (.pdf): save it as .csv (UTF-8), .xlsx, .xls or .ods",
        ],
    },
];

/// Valid tables that stretch the format; each must load.
const AWKWARD: &[&str] = &[
    "bom.csv",
    "semicolons.csv",
    "tab_separated.tsv",
    "unicode_text.txt",
    "gb18030.csv",
    "chinese_headers.csv",
    "spreadsheet_values.csv",
    "numbers_as_text.xlsx",
    "crlf_quoted_note.csv",
    "own_sources.xlsx",
    "described_mismatch.csv",
    "repeats_and_conflicts.csv",
];

static EMBEDDED: LazyLock<Dataset> =
    LazyLock::new(|| DataOrigin::Embedded.load().unwrap_or_else(|errors| panic!("{errors}")));

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad/tables")
}

fn extension(name: &str) -> Option<&str> {
    name.rsplit_once('.').map(|(_, extension)| extension)
}

/// Reads `bytes` as the table `label` and adds it to the built-in dataset, turning a panic into a
/// failed assertion naming the file.
fn add(bytes: &[u8], label: &str) -> (FigureTable, Result<(Dataset, MergeReport), LoadErrors>) {
    catch_unwind(AssertUnwindSafe(|| {
        let table = read_table_bytes(bytes, label, extension(label));
        let merged = EMBEDDED.clone().with_tables(std::slice::from_ref(&table));
        (table, merged)
    }))
    .unwrap_or_else(|_| panic!("reading or adding {label} panicked"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
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

#[test]
fn every_bad_table_reports_exactly_its_expected_lines() {
    let dir = corpus_dir();
    for case in BAD {
        let label = format!("bad/tables/{}", case.file);
        let path = dir.join(case.file);
        let (table, merged) = add(&read(&path), &label);
        let errors = match merged {
            Ok((_, report)) => panic!("{} was added: {report:?}", case.file),
            Err(errors) => errors,
        };
        assert_eq!(errors.file, label);
        let expected: Vec<String> = case.lines.iter().map(|line| format!("{label}{line}")).collect();
        let shown = errors.to_string();
        assert_eq!(shown.lines().collect::<Vec<_>>(), expected, "{}:\n{shown}", case.file);
        // Problems found in reading are the table's own and come first; the rest come from
        // adding it.
        assert!(errors.problems.starts_with(&table.problems), "{}", case.file);
        // Reading the file by its path reports the same, under the path.
        let by_path = read_table(&path);
        assert_eq!(by_path.file, path.display().to_string());
        assert_eq!(by_path.problems, table.problems, "{}", case.file);
    }
}

#[test]
fn the_corpus_is_large_and_every_file_is_in_the_table() {
    let dir = corpus_dir();
    let on_disk = file_names(&dir);
    let listed: BTreeSet<String> = BAD.iter().map(|case| case.file.to_owned()).collect();
    assert_eq!(listed.len(), BAD.len(), "a file is listed twice");
    assert!(on_disk.len() >= 20, "only {} bad tables", on_disk.len());
    assert_eq!(on_disk, listed, "tests/data/bad/tables and BAD differ");
    for case in BAD {
        assert!(!case.lines.is_empty(), "{} expects no problem", case.file);
    }
    let awkward_on_disk = file_names(&dir.join("awkward"));
    let awkward_listed: BTreeSet<String> = AWKWARD.iter().map(|&name| name.to_owned()).collect();
    assert_eq!(awkward_on_disk, awkward_listed, "tests/data/bad/tables/awkward and AWKWARD differ");
}

#[test]
fn a_table_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("created"));
    file.write_all(b"park_id,metric_id,year,value,source_id\n").expect("written");
    let row = b"haidian,total_income,2019,1240,S7\n";
    let mut written = 0;
    while written < 50 * 1_048_576 {
        file.write_all(row).expect("written");
        written += row.len();
    }
    drop(file);
    let table = read_table(&path);
    let errors = EMBEDDED.clone().with_tables(&[table]).expect_err("too large");
    assert_eq!(
        errors.to_string(),
        format!(
            "{} cannot be read: it is 50 MB, and a figure table may have at most 20 MB: split it into several tables",
            path.display()
        )
    );
    assert_eq!(MAX_TABLE_BYTES, 20 * 1_048_576);
    // The same from the bytes, as the window reads a dropped file.
    let bytes = read(&path);
    let table = read_table_bytes(&bytes, "big.csv", Some("csv"));
    assert_eq!(
        table.problems,
        EMBEDDED.clone().with_tables(std::slice::from_ref(&table)).expect_err("too large").problems
    );
    assert!(table.figures.is_empty());
}

/// Loads an awkward table onto the built-in dataset; it must add without a problem.
fn load_ok(name: &str) -> (FigureTable, Dataset, MergeReport) {
    let label = format!("bad/tables/awkward/{name}");
    let (table, merged) = add(&read(&corpus_dir().join("awkward").join(name)), &label);
    let (dataset, report) = merged.unwrap_or_else(|errors| panic!("{errors}"));
    (table, dataset, report)
}

/// The figures of `park` for `metric`, as (year, value, qualifier, source).
fn figures(dataset: &Dataset, park: &str, metric: &str) -> Vec<(i32, f64, Qualifier, String)> {
    let park = dataset.park(&ParkId::new(park)).expect("the park");
    park.observations
        .iter()
        .filter(|o| o.metric == MetricId::new(metric))
        .map(|o| (o.year, o.value, o.qualifier, o.source.to_string()))
        .collect()
}

/// Haidian's whole-year total incomes after 2018, as (year, value): the built-in dataset has
/// none, so these are the ones a table added.
fn haidian_income_after_2018(dataset: &Dataset) -> Vec<(i32, f64)> {
    let park = dataset.park(&ParkId::new("haidian")).expect("haidian");
    park.observations
        .iter()
        .filter(|o| o.metric.as_str() == "total_income" && o.year > 2018 && o.period.is_none())
        .map(|o| (o.year, o.value))
        .collect()
}

#[test]
fn awkward_but_valid_tables_load() {
    for name in AWKWARD {
        let (table, _, report) = load_ok(name);
        assert!(!table.figures.is_empty(), "{name} has figures");
        if *name != "described_mismatch.csv" {
            assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
        }
    }
    assert!(haidian_income_after_2018(&EMBEDDED).is_empty(), "the tests below assume no such figure");

    // Byte order mark, semicolons, tabs, UTF-16, Chinese headers in another order: one figure each.
    for name in ["bom.csv", "tab_separated.tsv", "unicode_text.txt", "chinese_headers.csv"] {
        assert_eq!(haidian_income_after_2018(&load_ok(name).1), [(2019, 1240.0)], "{name}");
    }
    assert_eq!(haidian_income_after_2018(&load_ok("semicolons.csv").1), [(2019, 1240.5)]);
    // Saved by a spreadsheet on Chinese Windows: read as GB18030, and said so.
    let (_, gb18030, report) = load_ok("gb18030.csv");
    assert_eq!(haidian_income_after_2018(&gb18030), [(2019, 1240.0)]);
    let note = gb18030.park(&ParkId::new("haidian")).and_then(|p| p.observations.last()).and_then(|o| o.note.clone());
    assert_eq!(note.as_deref(), Some("海淀园全区"));
    assert_eq!(report.read_as_gb18030, ["bad/tables/awkward/gb18030.csv"]);
    let (_, chinese, _) = load_ok("chinese_headers.csv");
    let note = chinese.park(&ParkId::new("haidian")).and_then(|p| p.observations.last()).and_then(|o| o.note.clone());
    assert_eq!(note.as_deref(), Some("全园"));

    // Thousands separators, spaces, scientific notation, a percentage for a metric in %, a year
    // written 2019.0, and a qualifier in capitals.
    let (_, values, _) = load_ok("spreadsheet_values.csv");
    assert_eq!(haidian_income_after_2018(&values), [(2019, 1240.0), (2020, 1300.5), (2021, 1400.0)]);
    assert_eq!(figures(&values, "haidian", "rd_intensity").last().map(|f| f.1), Some(12.5));
    let count = figures(&values, "haidian", "high_tech_enterprises");
    assert_eq!(count.last().map(|f| (f.0, f.1, f.2)), Some((2019, 12_000.0, Qualifier::AtLeast)));

    // Years and values stored as text in a workbook, beside an empty second sheet.
    assert_eq!(haidian_income_after_2018(&load_ok("numbers_as_text.xlsx").1), [(2019, 1240.0), (2020, 1300.0)]);

    // Windows line endings, and a quoted note holding a comma, quotes and a line break.
    let (_, crlf, _) = load_ok("crlf_quoted_note.csv");
    let note = crlf.park(&ParkId::new("haidian")).and_then(|p| p.observations.last()).and_then(|o| o.note.clone());
    assert_eq!(note.as_deref(), Some("Whole park, \"core\" area\r\nand beyond"));

    // A sheet of sources adds the table's own; the template's list of parks is not read.
    let (table, own, _) = load_ok("own_sources.xlsx");
    assert_eq!(table.sources.len(), 1);
    let source = own.source(&SourceId::new("own-1")).expect("the table's source");
    assert_eq!((source.title.as_str(), source.note.as_deref()), ("Internal survey 2019", Some("Not published")));
    assert_eq!(own.sources.len(), EMBEDDED.sources.len() + 1);
    assert_eq!(figures(&own, "haidian", "total_income").last().map(|f| f.3.clone()), Some("own-1".to_owned()));

    // A name that disagrees with its id is a warning at its cell; the id is used.
    let (_, _, report) = load_ok("described_mismatch.csv");
    assert_eq!(
        report.warnings.iter().map(|warning| warning.en.as_str()).collect::<Vec<_>>(),
        [
            r#"bad/tables/awkward/described_mismatch.csv: line 2, column 3 (park_name_en): says "Haidian" but the ids name "Haidian Park"; the ids are used"#
        ]
    );

    // The zone's 1988 area, about 100 km² per S110: once repeated, once another value.
    let (_, merged, report) = load_ok("repeats_and_conflicts.csv");
    assert_eq!(report.rows[0].1, [RowOutcome::Repeats, RowOutcome::Conflicts]);
    let zone = merged.zone.as_ref().expect("a zone");
    let area_1988: Vec<f64> = zone
        .observations
        .iter()
        .filter(|o| o.metric.as_str() == "planned_area" && o.year == 1988)
        .map(|o| o.value)
        .collect();
    assert_eq!(area_1988, [100.0, 120.0], "the repeat is not added twice; the conflict is kept beside it");
}
