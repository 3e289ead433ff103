//! Turning a table file into grids of cells: CSV with the `csv` crate, workbooks (xlsx, xls,
//! xlsb, ods) with `calamine`. Whatever the bytes, the result is grids or problems, never a
//! panic.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader as _, Sheets};

use super::{Cell, FigureTable, Grid, parse_grid};
use crate::model::Problem;

/// Largest table file read: a 100,000-row table is about 10 MB.
pub const MAX_TABLE_BYTES: usize = 20 * 1024 * 1024;

/// Reads the table file at `path` (its kind from its extension) into figures and sources, or
/// the problems that keep it out.
pub fn read_table(path: &Path) -> FigureTable {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => read_table_bytes(&bytes, &file, extension(path).as_deref()),
        Err(err) => unreadable(&file, &format!("cannot be read: {err}")),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_lowercase)
}

fn unreadable(file: &str, message: &str) -> FigureTable {
    FigureTable {
        file: file.to_owned(),
        problems: vec![Problem::Unreadable { message: message.to_owned() }],
        ..FigureTable::default()
    }
}

/// Reads a table from its bytes; `extension` (lower case, e.g. `xlsx`) says which kind it is.
pub fn read_table_bytes(bytes: &[u8], file: &str, extension: Option<&str>) -> FigureTable {
    if bytes.len() > MAX_TABLE_BYTES {
        return unreadable(
            file,
            &format!(
                "is {:.0} MB; a figure table may have at most {} MB (about 200,000 rows): split it",
                bytes.len() as f64 / 1_048_576.0,
                MAX_TABLE_BYTES / 1_048_576
            ),
        );
    }
    let grids = match extension {
        Some("csv" | "txt") => csv_grid(bytes).map(|grid| vec![grid]),
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods") => workbook_grids(bytes),
        other => Err(format!(
            "is not a table this program reads ({}): save it as .csv (UTF-8), .xlsx, .xls or .ods",
            other.map_or_else(|| "no extension".to_owned(), |e| format!(".{e}"))
        )),
    };
    let mut table = FigureTable { file: file.to_owned(), ..FigureTable::default() };
    match grids {
        Ok(grids) => {
            for grid in &grids {
                parse_grid(grid, &mut table);
            }
        }
        Err(message) => table.problems.push(Problem::Unreadable { message }),
    }
    table
}

/// A CSV file's one grid. A byte order mark is ignored, and a file whose header line is
/// separated by semicolons (as Excel writes CSV in many locales) is read with semicolons.
fn csv_grid(bytes: &[u8]) -> Result<Grid, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| {
        format!(
            "is not UTF-8 text (byte {} of the file; spreadsheets on Chinese Windows save CSV as GB18030/GBK): \
             save it again as \"CSV UTF-8\" (Excel: File › Save As › CSV UTF-8; WPS and LibreOffice: choose the \
             UTF-8 character set)",
            err.valid_up_to() + 1
        )
    })?;
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.contains(';') && !header.contains(',') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| format!("is not a valid CSV file: {err}"))?;
        rows.push(
            record
                .iter()
                .map(|field| if field.is_empty() { Cell::Empty } else { Cell::Text(field.to_owned()) })
                .collect(),
        );
    }
    Ok(Grid { sheet: None, rows, merged: Vec::new() })
}

/// Every sheet of a workbook with anything in it, each as a grid with its merged regions.
fn workbook_grids(bytes: &[u8]) -> Result<Vec<Grid>, String> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|err| {
        let err = err.to_string();
        if err.to_lowercase().contains("password") {
            "is protected by a password: save a copy without one".to_owned()
        } else {
            format!("cannot be read as a workbook ({err}): open it in a spreadsheet program and save it again")
        }
    })?;
    let mut grids = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|err| format!("sheet \"{name}\" cannot be read: {err}"))?;
        let merged = merged_regions(&mut workbook, &name);
        let (top, left) = range.start().unwrap_or((0, 0));
        // Rows and columns before the used range are empty; keep positions true to the sheet.
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell_of));
            rows.push(cells);
        }
        let grid = Grid { sheet: Some(name), rows, merged };
        grids.push(grid);
    }
    // A workbook's extra empty sheets ("Sheet2") are ignored; a workbook with nothing in it is not.
    let any = grids.iter().any(|g| g.rows.iter().flatten().any(|c| !c.is_empty()));
    if any {
        grids.retain(|g| g.rows.iter().flatten().any(|c| !c.is_empty()));
    } else {
        grids.truncate(1);
    }
    Ok(grids)
}

fn merged_regions(workbook: &mut Sheets<Cursor<&[u8]>>, sheet: &str) -> Vec<(u32, u32, u32, u32)> {
    let dimensions = match workbook {
        Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    };
    dimensions.iter().map(|d| (d.start.0, d.start.1, d.end.0, d.end.1)).collect()
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        #[expect(clippy::cast_precision_loss, reason = "spreadsheet integers are within f64's exact range")]
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(when) => Cell::Date(when.to_string()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Date(text.clone()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}
