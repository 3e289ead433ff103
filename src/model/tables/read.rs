//! Turning a table file into grids of cells: CSV with the `csv` crate, workbooks (xlsx, xls,
//! xlsb, ods) with `calamine`. Whatever the bytes, the result is grids or problems, never a
//! panic.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Ods, OdsError, Reader as _, Sheets, Xls, XlsError, Xlsb, XlsbError, Xlsx, XlsxError};

use super::{Cell, FigureTable, Grid, parse_grid, unguard_formula};
use crate::model::{Problem, Text, io_message, message};

/// Largest table file read: 100,000 rows of the columns people fill in are about 6 MB, of
/// every column the export writes (names, titles, addresses) about 35 MB.
pub const MAX_TABLE_BYTES: usize = 20 * 1024 * 1024;

/// The file extensions read as figure tables: text tables, then workbooks.
pub const TABLE_EXTENSIONS: [&str; 8] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Reads the table file at `path` (its kind from its extension) into figures and sources, or
/// the problems that keep it out.
pub fn read_table(path: &Path) -> FigureTable {
    let file = path.display().to_string();
    // A file far too large is refused before it is read into memory.
    if let Some(why) = std::fs::metadata(path).ok().and_then(|m| too_large(m.len())) {
        return unreadable(&file, why);
    }
    // At most one byte more than a table may have: a device (a pipe, `/dev/zero`) says no size.
    let read = std::fs::File::open(path).and_then(|opened| {
        use std::io::Read as _;
        let mut bytes = Vec::new();
        opened.take(MAX_TABLE_BYTES as u64 + 1).read_to_end(&mut bytes).map(|_| bytes)
    });
    match read {
        Ok(bytes) => read_table_bytes(&bytes, &file, extension(path).as_deref()),
        Err(err) => unreadable(&file, io_message(&err)),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_lowercase)
}

/// Why a file of `len` bytes is not read, if it is too large.
fn too_large(len: u64) -> Option<Text> {
    (len > MAX_TABLE_BYTES as u64).then(|| {
        // One decimal, so that a file just over the limit does not read as the limit itself.
        let megabytes = format!("{:.1}", len as f64 / 1_048_576.0);
        let megabytes = megabytes.strip_suffix(".0").unwrap_or(&megabytes);
        let limit = MAX_TABLE_BYTES / 1_048_576;
        message(
            format!(
                "it is {megabytes} MB, and a figure table may have at most {limit} MB: split it into several tables"
            ),
            format!("文件有 {megabytes} MB，而数字表格最大为 {limit} MB：请拆分为几个表格"),
        )
    })
}

fn unreadable(file: &str, message: Text) -> FigureTable {
    FigureTable { file: file.to_owned(), problems: vec![Problem::Unreadable { message }], ..FigureTable::default() }
}

/// Reads a table from its bytes; `extension` (lower case, e.g. `xlsx`) says which kind it is.
///
/// A file that cannot be read at all gives one [`Problem::Unreadable`], whose message follows
/// "FILE cannot be read: ".
pub fn read_table_bytes(bytes: &[u8], file: &str, extension: Option<&str>) -> FigureTable {
    if let Some(why) = too_large(bytes.len() as u64) {
        return unreadable(file, why);
    }
    let mut table = FigureTable { file: file.to_owned(), ..FigureTable::default() };
    let grids = match extension {
        Some("csv" | "tsv" | "txt") => text_of_bytes(bytes).and_then(|(text, encoding)| {
            table.read_as_gb18030 = encoding == TextEncoding::Gb18030;
            csv_grid(&text).map(|grid| vec![grid])
        }),
        Some(kind @ ("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")) => workbook_grids(bytes, kind),
        other => {
            let kind = other.map(|e| format!(".{e}"));
            Err(message(
                format!(
                    "it is not a kind of table this program reads ({}): save it as .csv (UTF-8), .xlsx, .xls or .ods",
                    kind.as_deref().unwrap_or("no extension")
                ),
                format!(
                    "本程序不读取这种表格（{}）：请另存为 .csv（UTF-8）、.xlsx、.xls 或 .ods",
                    kind.as_deref().unwrap_or("无扩展名")
                ),
            ))
        }
    };
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

/// The encoding a table file's text was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextEncoding {
    /// UTF-8, or UTF-16 with its byte order mark.
    Unicode,
    /// GB18030 (which GBK and GB2312 are part of): what spreadsheets on Chinese Windows save
    /// CSV in.
    Gb18030,
}

/// A table file's text: UTF-8 (a byte order mark is ignored), UTF-16 with its byte order mark
/// (Excel's "Unicode Text"), or else GB18030 when the bytes read as Chinese text in it
/// ([`reads_as_chinese`]). Anything else is refused, never read with replacement characters
/// or as the wrong characters.
fn text_of_bytes(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, TextEncoding), Text> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks(2).map(|pair| unit([pair[0], pair.get(1).copied().unwrap_or(0)])).collect();
        String::from_utf16(&units).map(|text| (text.into(), TextEncoding::Unicode)).map_err(|_| {
            message(
                "it is not valid UTF-16 text, though it starts as such",
                "文件开头是 UTF-16，但内容不是有效的 UTF-16 文本",
            )
        })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map(|text| (text.into(), TextEncoding::Unicode)).or_else(|err| {
        if reads_as_chinese(bytes)
            && let Some(text) = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
        {
            return Ok((text, TextEncoding::Gb18030));
        }
        let line = bytes[..err.valid_up_to()].split(|&b| b == b'\n').count();
        Err(message(
            format!(
                "it is not UTF-8 text (from line {line} on), nor Chinese text in GB18030: save it again as \"CSV \
                 UTF-8\" (Excel: File › Save As › CSV UTF-8; WPS and LibreOffice: choose the UTF-8 character set)"
            ),
            format!(
                "文件（从第 {line} 行起）既不是 UTF-8 文本，也不是 GB18030 编码的中文：请另存为“CSV UTF-8”\
                 （Excel：文件 › 另存为 › CSV UTF-8；WPS 与 LibreOffice：选择 UTF-8 字符集）"
            ),
        ))
    })
}

/// Whether `bytes`, not being UTF-8, look like Chinese text in GB18030: nine in ten of its
/// two-byte characters or more in the GB2312 block (both bytes 0xA1 or above), where the
/// characters of everyday Chinese are. GB18030 reads almost any bytes as some character: in
/// Latin-1 "Zürich", the "ü" and the "r" would read as one rare Chinese character, outside that
/// block. Such a file is refused rather than read wrong.
pub(in crate::model) fn reads_as_chinese(bytes: &[u8]) -> bool {
    let (mut common, mut other) = (0_usize, 0_usize);
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte < 0x80 {
            at += 1;
            continue;
        }
        match bytes.get(at + 1) {
            // A four-byte character (its second byte a digit): outside GB2312.
            Some(0x30..=0x39) => {
                other += 1;
                at += 4;
            }
            Some(&trail) => {
                if byte >= 0xA1 && trail >= 0xA1 {
                    common += 1;
                } else {
                    other += 1;
                }
                at += 2;
            }
            None => return false,
        }
    }
    common > 0 && common >= 9 * other
}

/// A CSV file's one grid. A file whose header line is separated by semicolons (as Excel writes
/// CSV in many locales) or tabs (Excel's "Unicode Text") is read with them.
fn csv_grid(text: &str) -> Result<Grid, Text> {
    let header = text.lines().next().unwrap_or_default();
    let delimiter = match (header.contains(','), header.contains(';'), header.contains('\t')) {
        (false, true, _) => b';',
        (false, false, true) => b'\t',
        _ => b',',
    };
    // A CSV reader takes everything after a quote that is never closed for one cell, and the
    // rows it swallowed would be reported as wrong cells, none naming the quote.
    if let Some(line) = unclosed_quote_line(text, delimiter) {
        return Err(message(
            format!(
                "a quote (\") that opens a cell on line {line} is never closed, so the rest of the file would be \
                 read as that one cell: close the quote, or remove it"
            ),
            format!(
                "第 {line} 行开始一个单元格的引号（\"）没有闭合，文件的其余部分会被读成这一个单元格：请补上闭合的引号，或删去它"
            ),
        ));
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| {
            message(format!("it is not a valid CSV file: {err}"), format!("文件不是有效的 CSV 文件：{err}"))
        })?;
        rows.push(
            record
                .iter()
                .map(|field| if field.is_empty() { Cell::Empty } else { Cell::Text(unguard_formula(field).to_owned()) })
                .collect(),
        );
    }
    Ok(Grid { sheet: None, rows, merged: Vec::new() })
}

/// The line on which a quoted cell opens that is still open at the end of `text`, read as the
/// CSV reader reads it: a quote opens a cell only at the cell's start (elsewhere it is a
/// letter), and inside one a doubled quote is a quote.
fn unclosed_quote_line(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut line, mut opened_on, mut at_cell_start) = (1, None, true);
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if opened_on.is_some() {
            if byte == b'"' {
                if bytes.get(at + 1) == Some(&b'"') {
                    at += 1;
                } else {
                    opened_on = None;
                }
            }
        } else {
            if byte == b'"' && at_cell_start {
                opened_on = Some(line);
            }
            at_cell_start = byte == delimiter || byte == b'\n' || byte == b'\r';
        }
        if byte == b'\n' {
            line += 1;
        }
        at += 1;
    }
    opened_on
}

type Workbook<'a> = Sheets<Cursor<&'a [u8]>>;

/// Opens a workbook as the kind its extension names, or else as any kind calamine reads (a
/// workbook saved under another kind's name still opens). A password is named as the reason
/// whichever kind notices it.
fn open_workbook<'a>(bytes: &'a [u8], extension: &str) -> Result<Workbook<'a>, Text> {
    const KINDS: [&str; 4] = ["xlsx", "xls", "xlsb", "ods"];
    let named = if extension == "xlsm" { "xlsx" } else { extension };
    let mut first_error = None;
    let mut password = false;
    // The named kind first, then the others.
    let ordered = KINDS.iter().filter(|k| **k == named).chain(KINDS.iter().filter(|k| **k != named));
    for kind in ordered {
        match open_as(bytes, kind) {
            Ok(workbook) => return Ok(workbook),
            Err(err) => {
                password |= matches!(
                    err,
                    calamine::Error::Xlsx(XlsxError::Password)
                        | calamine::Error::Xls(XlsError::Password)
                        | calamine::Error::Xlsb(XlsbError::Password)
                        | calamine::Error::Ods(OdsError::Password)
                );
                first_error.get_or_insert(err);
            }
        }
    }
    if password {
        return Err(message(
            "the workbook is protected by a password: save a copy without one (in Excel: File › Info › Protect \
             Workbook › Encrypt with Password, and clear the password)",
            "工作簿设有密码：请另存一份无密码的副本（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清除密码）",
        ));
    }
    let reason = first_error.map(|err| err.to_string()).unwrap_or_default();
    Err(message(
        format!(
            "it is not a .{extension} workbook this program can open, or it is damaged or cut short ({reason}): open \
             it in a spreadsheet program and save it again"
        ),
        format!(
            "它不是本程序能打开的 .{extension} 工作簿，或已损坏、不完整（{reason}）：请用电子表格程序打开并重新保存"
        ),
    ))
}

/// Opens a workbook as `kind` (`xlsx`, `xls`, `xlsb` or `ods`).
fn open_as<'a>(bytes: &'a [u8], kind: &str) -> Result<Workbook<'a>, calamine::Error> {
    let cursor = Cursor::new(bytes);
    Ok(match kind {
        "xls" => Sheets::Xls(Xls::new(cursor)?),
        "xlsb" => Sheets::Xlsb(Xlsb::new(cursor)?),
        "ods" => Sheets::Ods(Ods::new(cursor)?),
        _ => Sheets::Xlsx(Xlsx::new(cursor)?),
    })
}

/// Every sheet of a workbook with anything in it, each as a grid with its merged regions.
fn workbook_grids(bytes: &[u8], extension: &str) -> Result<Vec<Grid>, Text> {
    let mut workbook = open_workbook(bytes, extension)?;
    let mut grids = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|err| {
            message(format!("sheet \"{name}\" cannot be read: {err}"), format!("无法读取工作表“{name}”：{err}"))
        })?;
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

fn merged_regions(workbook: &mut Workbook<'_>, sheet: &str) -> Vec<(u32, u32, u32, u32)> {
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
        Data::DateTime(when) => Cell::Date(date_text(when)),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Date(text.clone()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}

/// A spreadsheet date as people write it: `2019-01-01`, with the time when it has one.
fn date_text(when: &calamine::ExcelDateTime) -> String {
    if when.is_duration() {
        return when.to_string();
    }
    let (year, month, day, hour, minute, ..) = when.to_ymd_hms_milli();
    if (hour, minute) == (0, 0) {
        format!("{year}-{month:02}-{day:02}")
    } else {
        format!("{year}-{month:02}-{day:02} {hour:02}:{minute:02}")
    }
}
