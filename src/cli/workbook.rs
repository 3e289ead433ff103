//! What `export --format xlsx` and `template` write: the figures as a workbook with a sheet of
//! sources, and an empty figure table to fill in (a CSV header line, or a workbook with lists of
//! the valid ids and drop-downs on the columns that take them). Both read back as figure tables
//! (`crate::model::tables`). Model and state only, never the window.

use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, Worksheet, XlsxError};

use super::{ExportRow, export_rows};
use crate::i18n::{period_name, qualifier_name};
use crate::model::tables::{Column, SOURCE_COLUMNS};
use crate::model::{Dataset, Language, Period, Qualifier, Source};

/// The sheet of figures in the export and the template.
pub const FIGURES_SHEET: &str = "figures";

/// The sheet of sources in the export and the template.
pub const SOURCES_SHEET: &str = "sources";

/// Rows of the template the drop-downs cover (below the header): as many as a figure table may
/// hold and more.
const TEMPLATE_ROWS: u32 = 100_000;

/// A cell of the figures sheet: numbers stay numbers, so a spreadsheet can sum and sort them.
enum Value<'a> {
    Text(&'a str),
    Number(f64),
}

/// What `row` holds in `column`: the same as the CSV export, with the year and value as numbers.
fn export_value<'a>(row: &'a ExportRow<'a>, column: Column) -> Value<'a> {
    match column {
        Column::Scope => Value::Text(row.scope),
        Column::ParkId => Value::Text(row.park_id),
        Column::ParkNameEn => Value::Text(row.park_name_en),
        Column::ParkNameZh => Value::Text(row.park_name_zh),
        Column::MetricId => Value::Text(row.metric_id),
        Column::MetricName => Value::Text(row.metric_name),
        Column::Unit => Value::Text(row.unit),
        Column::Year => Value::Number(f64::from(row.year)),
        Column::Period => Value::Text(&row.period),
        Column::Value => Value::Number(row.value),
        Column::Qualifier => Value::Text(row.qualifier),
        Column::QualifierLabel => Value::Text(row.qualifier_label),
        Column::SourceId => Value::Text(row.source_id),
        Column::SourceLabel => Value::Text(&row.source_label),
        Column::SourceLabelZh => Value::Text(&row.source_label_zh),
        Column::SourceTitle => Value::Text(row.source_title),
        Column::SourceUrl => Value::Text(row.source_url),
        Column::Note => Value::Text(row.note),
        Column::NoteZh => Value::Text(row.note_zh),
        Column::PartEn => Value::Text(row.part_en),
        Column::PartZh => Value::Text(row.part_zh),
        Column::Ground => Value::Text(row.ground),
    }
}

/// Every figure of `dataset` as a workbook: the sheet "figures" with the rows and columns of the
/// CSV export, and the sheet "sources" with every source of the dataset.
pub fn export_xlsx(dataset: &Dataset) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = figures_sheet(&mut workbook)?;
    for (r, row) in export_rows(dataset).iter().enumerate() {
        let r = sheet_row(r + 1)?;
        for (c, column) in (0u16..).zip(Column::ALL) {
            match export_value(row, column) {
                Value::Text("") => {}
                Value::Text(text) => {
                    sheet.write_string(r, c, text)?;
                }
                Value::Number(number) => {
                    sheet.write_number(r, c, number)?;
                }
            }
        }
    }
    sources_sheet(&mut workbook, &dataset.sources)?;
    workbook.save_to_buffer()
}

/// An empty figure table for `dataset` as a workbook: the sheet "figures" with the export's
/// headers and drop-downs on the columns that take an id or code; lists of the parks, metrics
/// (with units), qualifiers and periods with their names in both languages; and the sheet
/// "sources" with the dataset's sources, to which the table's own sources can be added.
pub fn template_xlsx(dataset: &Dataset) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    figures_sheet(&mut workbook)?;

    let parks: Vec<[&str; 3]> = dataset.parks.iter().map(|p| [p.id.as_str(), &p.name.en, &p.name.zh]).collect();
    list_sheet(&mut workbook, "parks", &["id", "name_en", "name_zh"], &parks)?;
    let metrics: Vec<[&str; 5]> =
        dataset.metrics.iter().map(|m| [m.id.as_str(), &m.name.en, &m.name.zh, &m.unit.en, &m.unit.zh]).collect();
    list_sheet(&mut workbook, "metrics", &["id", "name_en", "name_zh", "unit_en", "unit_zh"], &metrics)?;
    let qualifiers: Vec<[&str; 3]> = Qualifier::ALL
        .iter()
        .map(|&q| [q.code(), qualifier_name(Language::En, q), qualifier_name(Language::Zh, q)])
        .collect();
    list_sheet(&mut workbook, "qualifiers", &["code", "name_en", "name_zh"], &qualifiers)?;
    let periods: Vec<[String; 3]> =
        all_periods().map(|p| [p.code(), period_name(Language::En, p), period_name(Language::Zh, p)]).collect();
    list_sheet(&mut workbook, "periods", &["code", "name_en", "name_zh"], &periods)?;
    sources_sheet(&mut workbook, &dataset.sources)?;

    let sheet = workbook.worksheet_from_name(FIGURES_SHEET)?;
    let scope = DataValidation::new()
        .allow_list_strings(&["park", "zone"])?
        .set_input_message("park, or zone for a figure of the zone as a whole (then leave park_id empty)")?;
    drop_down(sheet, Column::Scope, &scope)?;
    let lists = [
        (Column::ParkId, list_formula("parks", parks.len()), "The park's id (sheet parks)."),
        (
            Column::MetricId,
            list_formula("metrics", metrics.len()),
            "The metric's id (sheet metrics); write the value in its unit.",
        ),
        (
            Column::Period,
            list_formula("periods", periods.len()),
            "Empty for the whole year, or a code from sheet periods.",
        ),
        (
            Column::Qualifier,
            list_formula("qualifiers", qualifiers.len()),
            "Empty for reported, or a code from sheet qualifiers.",
        ),
        // The table's own sources go below the dataset's in the sheet sources, so the list
        // grows with it.
        (
            Column::SourceId,
            Formula::new(format!("=OFFSET({SOURCES_SHEET}!$A$2,0,0,MAX(1,COUNTA({SOURCES_SHEET}!$A:$A)-1),1)")),
            "The source's id: one of sheet sources, where the table's own sources can be added.",
        ),
    ];
    for (column, formula, message) in lists {
        let validation = DataValidation::new().allow_list_formula(formula).set_input_message(message)?;
        drop_down(sheet, column, &validation)?;
    }
    workbook.save_to_buffer()
}

/// An empty figure table as CSV: the header line of the export.
pub fn template_csv() -> Vec<u8> {
    let headers: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    format!("{}\n", headers.join(",")).into_bytes()
}

/// Every period code: `h1`, `h2`, `jan_to_1` … `jan_to_12`, `cumulative`.
fn all_periods() -> impl Iterator<Item = Period> {
    [Period::H1, Period::H2].into_iter().chain((1..=12).map(Period::JanTo)).chain([Period::Cumulative])
}

/// The first column of the list sheet `sheet` with `len` rows below its header.
fn list_formula(sheet: &str, len: usize) -> Formula {
    Formula::new(format!("={sheet}!$A$2:$A${}", len.max(1) + 1))
}

/// Adds `validation` to every row of `column` below the header in the figures sheet.
fn drop_down(sheet: &mut Worksheet, column: Column, validation: &DataValidation) -> Result<(), XlsxError> {
    let c = column_index(column);
    sheet.add_data_validation(1, c, TEMPLATE_ROWS, c, validation)?;
    Ok(())
}

fn column_index(column: Column) -> u16 {
    (0u16..).zip(Column::ALL).find(|(_, c)| *c == column).map_or(0, |(i, _)| i)
}

/// A spreadsheet row number; a workbook has at most 1,048,576 rows.
fn sheet_row(index: usize) -> Result<u32, XlsxError> {
    u32::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Adds the sheet "figures" with the export's headers, bold and frozen.
fn figures_sheet(workbook: &mut Workbook) -> Result<&mut Worksheet, XlsxError> {
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(FIGURES_SHEET)?;
    for (c, column) in (0u16..).zip(Column::ALL) {
        sheet.write_string_with_format(0, c, column.header(), &bold)?;
        let width = match column {
            Column::Year | Column::Scope => 8.0,
            Column::Value | Column::Period | Column::Qualifier | Column::SourceId => 12.0,
            Column::SourceTitle | Column::Note | Column::NoteZh => 40.0,
            _ => 20.0,
        };
        sheet.set_column_width(c, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

/// Adds the sheet "sources": one row per source, in the columns a table's sources are read in.
fn sources_sheet(workbook: &mut Workbook, sources: &[Source]) -> Result<(), XlsxError> {
    let rows: Vec<[&str; 9]> = sources
        .iter()
        .map(|s| {
            [
                s.id.as_str(),
                &s.title,
                &s.publisher,
                s.publisher_zh.as_deref().unwrap_or_default(),
                s.date.as_deref().unwrap_or_default(),
                s.url.as_deref().unwrap_or_default(),
                &s.language,
                s.note.as_deref().unwrap_or_default(),
                s.note_zh.as_deref().unwrap_or_default(),
            ]
        })
        .collect();
    list_sheet(workbook, SOURCES_SHEET, &SOURCE_COLUMNS, &rows)
}

/// Adds a sheet named `name` with bold `headers` and one row of text per item of `rows`.
fn list_sheet<const N: usize>(
    workbook: &mut Workbook,
    name: &str,
    headers: &[&str; N],
    rows: &[[impl AsRef<str>; N]],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    for (c, header) in (0u16..).zip(headers) {
        sheet.write_string_with_format(0, c, *header, &bold)?;
        sheet.set_column_width(c, if c == 0 { 24.0 } else { 32.0 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = sheet_row(r + 1)?;
        for (c, text) in (0u16..).zip(row) {
            let text = text.as_ref();
            if !text.is_empty() {
                sheet.write_string(r, c, text)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
