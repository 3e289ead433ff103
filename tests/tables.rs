//! Figure tables end to end: the export read back as a figure table gives the same figures (CSV
//! and xlsx), and the templates `zgc-atlas template` writes read back without a problem.

use std::io::Read as _;
use std::process::ExitCode;

use calamine::{Data, DataType as _, Reader as _};
use clap::Parser as _;
use zgc_atlas::cli::{Cli, ExportFormat, TemplateFormat, export, export_rows, template};
use zgc_atlas::model::tables::{Column, FigureTable, RowOutcome, read_table_bytes};
use zgc_atlas::model::{DataOrigin, Dataset, Observation};

fn embedded() -> Dataset {
    DataOrigin::Embedded.load().unwrap_or_else(|errors| panic!("{errors}"))
}

/// The dataset with every park's and the zone's figures removed.
fn stripped(dataset: &Dataset) -> Dataset {
    let mut stripped = dataset.clone();
    for park in &mut stripped.parks {
        park.observations.clear();
    }
    if let Some(zone) = &mut stripped.zone {
        zone.observations.clear();
    }
    stripped
}

fn exported(format: ExportFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    export(&DataOrigin::Embedded, format, &mut bytes).expect("the export is written");
    bytes
}

fn messages(table: &FigureTable) -> Vec<String> {
    table.problems.iter().map(ToString::to_string).collect()
}

/// Loads `table` onto the stripped embedded dataset and checks that every park and the zone get
/// back exactly the figures they had, in the same order, and that nothing is reported.
fn assert_round_trip(table: &FigureTable) {
    assert!(table.problems.is_empty(), "{}: {:#?}", table.file, messages(table));
    let original = embedded();
    let (loaded, report) =
        stripped(&original).with_tables(std::slice::from_ref(table)).unwrap_or_else(|errors| panic!("{errors}"));
    assert!(report.warnings.is_empty(), "{}: {:#?}", table.file, report.warnings);
    let figures = original.figure_count() + original.zone.as_ref().map_or(0, |z| z.observations.len());
    assert_eq!(report.count(RowOutcome::Repeats), 0, "{}: every row adds its figure", table.file);
    let kept = report.count(RowOutcome::Added) + report.count(RowOutcome::Conflicts);
    assert_eq!(kept, figures, "{}: every row adds its figure", table.file);
    assert_eq!(loaded.parks.len(), original.parks.len());
    for (park, before) in loaded.parks.iter().zip(&original.parks) {
        assert_eq!(park.id, before.id);
        assert_same_figures(&park.observations, &before.observations, park.id.as_str(), &table.file);
    }
    let zone = |d: &Dataset| d.zone.as_ref().map(|z| z.observations.clone()).unwrap_or_default();
    assert_same_figures(&zone(&loaded), &zone(&original), "the zone", &table.file);
    assert_eq!(loaded.sources, original.sources, "{}: the sources sheet adds no source", table.file);
}

fn assert_same_figures(loaded: &[Observation], original: &[Observation], whose: &str, file: &str) {
    assert_eq!(loaded.len(), original.len(), "{file}: {whose} has another number of figures");
    for (i, (after, before)) in loaded.iter().zip(original).enumerate() {
        assert_eq!(after, before, "{file}: {whose}, figure {i}");
    }
}

#[test]
fn the_csv_export_loads_back_as_the_same_figures() {
    let bytes = exported(ExportFormat::Csv);
    assert_round_trip(&read_table_bytes(&bytes, "export.csv", Some("csv")));
}

#[test]
fn the_xlsx_export_loads_back_as_the_same_figures() {
    let bytes = exported(ExportFormat::Xlsx);
    assert_round_trip(&read_table_bytes(&bytes, "export.xlsx", Some("xlsx")));
}

/// The workbook holds what the CSV holds, with years and values as numbers, and the sources.
#[test]
fn the_xlsx_export_has_the_csv_columns_with_numbers_as_numbers_and_a_sheet_of_sources() {
    let csv_bytes = exported(ExportFormat::Csv);
    let mut csv = csv::Reader::from_reader(csv_bytes.as_slice());
    let csv_headers: Vec<String> = csv.headers().expect("headers").iter().map(str::to_owned).collect();
    let csv_rows: Vec<csv::StringRecord> = csv.records().map(|r| r.expect("a record")).collect();
    let headers: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    assert_eq!(csv_headers, headers, "the CSV export's columns are the figure table's, in order");

    let xlsx = exported(ExportFormat::Xlsx);
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(xlsx)).expect("a workbook");
    assert_eq!(workbook.sheet_names(), ["figures", "sources"]);
    let figures = workbook.worksheet_range("figures").expect("figures");
    let rows: Vec<&[Data]> = figures.rows().collect();
    assert_eq!(rows.len(), csv_rows.len() + 1);
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(header, headers);
    let year = headers.iter().position(|h| *h == "year").expect("year");
    let value = headers.iter().position(|h| *h == "value").expect("value");
    for (row, record) in rows[1..].iter().zip(&csv_rows) {
        assert!(matches!(row[year], Data::Float(_) | Data::Int(_)), "year {:?} is a number", row[year]);
        assert!(matches!(row[value], Data::Float(_) | Data::Int(_)), "value {:?} is a number", row[value]);
        for (c, field) in record.iter().enumerate() {
            let cell = row.get(c).map(ToString::to_string).unwrap_or_default();
            if c == value {
                let number: f64 = field.parse().expect("a number in the CSV");
                assert_eq!(row[c].as_f64(), Some(number));
            } else {
                assert_eq!(cell, field, "column {}", headers[c]);
            }
        }
    }

    let dataset = embedded();
    let sources = workbook.worksheet_range("sources").expect("sources");
    let header: Vec<String> = sources.rows().next().expect("a header").iter().map(ToString::to_string).collect();
    assert_eq!(header, ["id", "title", "publisher", "publisher_zh", "date", "url", "language", "note", "note_zh"]);
    assert_eq!(sources.height(), dataset.sources.len() + 1);
}

#[test]
fn a_filled_csv_template_loads_with_no_problem() {
    let dataset = embedded();
    let mut bytes = template(&DataOrigin::Embedded, TemplateFormat::Csv).expect("a template");
    let header = String::from_utf8(bytes.clone()).expect("utf-8");
    assert_eq!(header.trim_end().split(',').collect::<Vec<_>>(), Column::ALL.map(Column::header));

    // Two rows as a person fills them: the read columns only, the descriptive ones left empty.
    let park = &dataset.parks[0];
    let metric = &dataset.metrics[0];
    let source = &dataset.sources[0];
    let mut row = |cells: &[(Column, &str)]| {
        let line: Vec<&str> =
            Column::ALL.iter().map(|c| cells.iter().find(|(k, _)| k == c).map_or("", |(_, v)| *v)).collect();
        bytes.extend_from_slice(format!("{}\n", line.join(",")).as_bytes());
    };
    row(&[
        (Column::ParkId, park.id.as_str()),
        (Column::MetricId, metric.id.as_str()),
        (Column::Year, "2031"),
        (Column::Value, "\"1,234.5\""),
        (Column::Qualifier, "forecast"),
        (Column::SourceId, source.id.as_str()),
        (Column::Note, "Filled in by a test"),
    ]);
    row(&[
        (Column::Scope, "zone"),
        (Column::MetricId, metric.id.as_str()),
        (Column::Year, "2031"),
        (Column::Period, "h1"),
        (Column::Value, "7"),
        (Column::SourceId, source.id.as_str()),
    ]);
    let table = read_table_bytes(&bytes, "template.csv", Some("csv"));
    assert!(table.problems.is_empty(), "{:#?}", messages(&table));
    assert_eq!(table.figures.len(), 2);
    let (loaded, report) = dataset.with_tables(&[table]).unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(report.count(RowOutcome::Added), 2);
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    let added = loaded.parks[0].observations.last().expect("a figure");
    assert_eq!((added.year, added.value, added.note.as_deref()), (2031, 1234.5, Some("Filled in by a test")));
}

#[test]
fn the_xlsx_template_reads_back_with_no_figure_and_no_problem() {
    let dataset = embedded();
    let bytes = template(&DataOrigin::Embedded, TemplateFormat::Xlsx).expect("a template");
    let table = read_table_bytes(&bytes, "template.xlsx", Some("xlsx"));
    assert!(table.problems.is_empty(), "{:#?}", messages(&table));
    assert!(table.figures.is_empty());
    assert_eq!(table.sources.len(), dataset.sources.len(), "the sheet of sources lists the dataset's");
    let (loaded, report) = dataset.clone().with_tables(&[table]).unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(loaded.sources, dataset.sources, "the dataset's own sources are not added twice");
    assert!(report.warnings.is_empty());

    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&bytes)).expect("a workbook");
    assert_eq!(workbook.sheet_names(), ["figures", "parks", "metrics", "qualifiers", "periods", "sources"]);
    let sheet = |workbook: &mut calamine::Sheets<_>, name: &str| -> Vec<Vec<String>> {
        let range = workbook.worksheet_range(name).expect("a sheet");
        range.rows().map(|row| row.iter().map(ToString::to_string).collect()).collect()
    };
    let figures = sheet(&mut workbook, "figures");
    assert_eq!(figures, [Column::ALL.map(|c| c.header().to_owned()).to_vec()]);
    let parks = sheet(&mut workbook, "parks");
    assert_eq!(parks.len(), dataset.parks.len() + 1);
    assert_eq!(parks[1], [dataset.parks[0].id.as_str(), &dataset.parks[0].name.en, &dataset.parks[0].name.zh]);
    let metrics = sheet(&mut workbook, "metrics");
    assert_eq!(metrics[0], ["id", "name_en", "name_zh", "unit_en", "unit_zh"]);
    let area = metrics.iter().find(|m| m[0] == "planned_area").expect("planned_area");
    assert_eq!((area[3].as_str(), area[4].as_str()), ("km²", "平方公里"));
    let qualifiers: Vec<String> =
        sheet(&mut workbook, "qualifiers").into_iter().skip(1).map(|q| q[0].clone()).collect();
    assert_eq!(qualifiers, ["reported", "preliminary", "approximate", "at_least", "at_most", "target", "forecast"]);
    let periods = sheet(&mut workbook, "periods");
    assert_eq!(periods.len(), 1 + 15, "h1, h2, jan_to_1 … jan_to_12, cumulative");
    assert_eq!(periods[3], ["jan_to_1", "January", "1月"]);

    // The drop-downs of the figures sheet point at those lists.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").expect("the figures sheet").read_to_string(&mut xml).expect("xml");
    for (cells, list) in [
        ("B2:B100001", "parks!$A$2:$A$18"),
        ("E2:E100001", "metrics!$A$2:$A$"),
        ("I2:I100001", "periods!$A$2:$A$16"),
        ("K2:K100001", "qualifiers!$A$2:$A$8"),
        ("M2:M100001", "OFFSET(sources!$A$2"),
    ] {
        let at = xml.find(&format!("sqref=\"{cells}\"")).unwrap_or_else(|| panic!("no drop-down on {cells}"));
        let formula = &xml[at..xml[at..].find("</formula1>").map_or(xml.len(), |end| at + end)];
        assert!(formula.contains(list), "{cells}: {formula}");
    }
}

#[test]
fn the_commands_write_the_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Parsed and run as `main` does, in this process: the binary in a shared target folder may
    // be another checkout's.
    let run = |args: &[&str]| {
        let cli = Cli::try_parse_from(std::iter::once("zgc-atlas").chain(args.iter().copied()))
            .unwrap_or_else(|err| panic!("{args:?}: {err}"));
        let command = cli.command.as_ref().expect("a subcommand");
        let code = cli
            .dataset()
            .and_then(|dataset| zgc_atlas::cli::run(command, dataset))
            .unwrap_or_else(|err| panic!("{args:?}: {err:#}"));
        assert_eq!(code, ExitCode::SUCCESS, "{args:?}");
    };
    let path = |name: &str| dir.path().join(name).to_str().expect("utf-8").to_owned();
    run(&["export", "--format", "xlsx", "--out", &path("figures.xlsx")]);
    run(&["template", "--format", "xlsx", "--out", &path("template.xlsx")]);
    run(&["template", "--format", "csv", "--out", &path("template.csv")]);
    let small = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.ron");
    run(&["template", "--format", "xlsx", "--data", small, "--out", &path("small.xlsx")]);
    let read = |name: &str| {
        let bytes = std::fs::read(dir.path().join(name)).expect("written");
        read_table_bytes(&bytes, name, name.rsplit('.').next())
    };
    assert_eq!(read("figures.xlsx").figures.len(), export_rows(&embedded()).len());
    assert!(read("template.csv").problems.is_empty());
    let small_template = read("small.xlsx");
    assert!(small_template.problems.is_empty(), "{:#?}", messages(&small_template));
    assert_eq!(small_template.sources.len(), 2, "the small fixture's two sources");
}
