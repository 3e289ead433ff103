//! Figure tables: the figures people keep in spreadsheets (CSV, xlsx, xls, ods), read in the
//! layout `export --format csv` writes, so that export → edit → load back gives the same
//! dataset.
//!
//! Reading happens in two steps. [`read_table`] turns a file into [`Grid`]s of cells, one per
//! sheet (a CSV file is one sheet), and [`parse_grid`] turns a grid into figure rows or sources,
//! each with the cell it came from, reporting every cell it cannot read.
//! [`Dataset::with_tables`](super::Dataset::with_tables) then checks the rows against the
//! dataset by the rules of RON observations and adds them.

mod cells;
mod merge;
mod read;

use std::fmt;
use std::sync::Arc;

pub use cells::{Cell, CellRef};
pub use merge::{MergeReport, RowOutcome};
pub(super) use read::reads_as_chinese;
pub use read::{MAX_TABLE_BYTES, TABLE_EXTENSIONS, read_table, read_table_bytes};

use super::{Observation, ParkId, Problem, Source, Text, message};
use cells::{parse_ground, parse_period, parse_qualifier, parse_value, parse_year, text_of};

/// What a spreadsheet takes a cell starting with for a formula: Excel shows "+10.9% year on
/// year." as `#NAME?`, and runs `=HYPERLINK(…)` from a file someone sent.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a CSV cell that Excel, WPS and Libre Office show as written: text that would start
/// a formula gets an apostrophe before it, as those programs mark a text cell typed so; a
/// number ("-0.3") stays as it is. [`read_table`] takes the apostrophe off again.
pub fn guard_formula(text: &str) -> std::borrow::Cow<'_, str> {
    // A text that starts with the mark already ("'=x") keeps it, under another.
    let marked_already = text.strip_prefix('\'').is_some_and(|rest| rest.starts_with(FORMULA_STARTS));
    if marked_already || (text.starts_with(FORMULA_STARTS) && text.parse::<f64>().is_err()) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A CSV cell as it was before [`guard_formula`].
fn unguard_formula(text: &str) -> &str {
    let guarded = |rest: &&str| {
        rest.starts_with(FORMULA_STARTS) || rest.strip_prefix('\'').is_some_and(|r| r.starts_with(FORMULA_STARTS))
    };
    text.strip_prefix('\'').filter(guarded).unwrap_or(text)
}

/// One sheet of a table file: its name (`None` for a CSV file) and its cells, row by row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// The sheet's name in the workbook; `None` for CSV.
    pub sheet: Option<String>,
    /// The cells, row by row from the first row; rows may differ in length.
    pub rows: Vec<Vec<Cell>>,
    /// Merged regions, as (first row, first column, last row, last column), 0-based.
    pub merged: Vec<(u32, u32, u32, u32)>,
}

/// Whom a figure row is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A park of the dataset (which one is checked on merging).
    Park(ParkId),
    /// The zone as a whole (`scope` = `zone`).
    Zone,
}

/// One figure read from a table, with where it came from and the descriptive cells (names,
/// unit, source title) to check against the ids.
#[derive(Clone, Debug, PartialEq)]
pub struct TableFigure {
    /// The row's first cell, for messages ("Sheet1!A7").
    pub at: CellRef,
    /// Park or zone.
    pub target: Target,
    /// The figure, exactly as a RON observation would hold it.
    pub observation: Observation,
    /// Descriptive columns present in the row, with their cells: checked, never used.
    pub described: Vec<(Column, CellRef, String)>,
    /// Whether the value was written as a percentage ("12.5%"), which only a metric measured
    /// in % takes.
    pub percent: bool,
    /// What each column of the row's sheet holds, shared by the rows of a sheet: for naming
    /// the cell of a problem found on merging.
    pub layout: Arc<[Option<Column>]>,
}

impl TableFigure {
    /// The cell of `column` in the figure's row, named with its meaning; the row's first cell
    /// when the sheet lacks the column.
    pub fn cell(&self, column: Column) -> CellRef {
        let at = self.layout.iter().position(|c| *c == Some(column)).and_then(|i| u32::try_from(i).ok());
        match at {
            Some(col) => CellRef { col, column: Some(column), ..self.at.clone() },
            None => self.at.clone(),
        }
    }
}

/// Everything read from one table file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureTable {
    /// The file as the user named it.
    pub file: String,
    /// The figures, in file order.
    pub figures: Vec<TableFigure>,
    /// Sources the table adds (from a sheet or file of sources).
    pub sources: Vec<Source>,
    /// Where each of `sources` was read (its id's cell), in the same order.
    pub source_places: Vec<CellRef>,
    /// Every cell that could not be read; the table is used only when this is empty.
    pub problems: Vec<Problem>,
    /// Whether the file's text was read as GB18030, not being UTF-8: the encoding spreadsheets
    /// on Chinese Windows save CSV in. The preview says so, for the user to check the names.
    pub read_as_gb18030: bool,
}

/// The columns a figure table may have. The first nine are read; the descriptive ones, which
/// the export writes for people, are checked against the ids and otherwise ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// `park` or `zone`; optional (a row with a park id is a park's).
    Scope,
    /// The park's id.
    ParkId,
    /// The metric's id.
    MetricId,
    /// The year.
    Year,
    /// The part of the year, as a code (`h1`, `jan_to_9`); optional.
    Period,
    /// The value in the metric's unit.
    Value,
    /// How the source stated it, as a code (`at_least`); optional.
    Qualifier,
    /// The source's id.
    SourceId,
    /// Scope caveats; optional.
    Note,
    /// The note in Chinese; optional.
    NoteZh,
    /// The part of the park a figure covers, in English; optional, with [`Column::PartZh`].
    PartEn,
    /// The part of the park a figure covers, in Chinese; optional, with [`Column::PartEn`].
    PartZh,
    /// Which side of its year's change of ground the figure covers
    /// ([`Ground::code`](crate::model::Ground::code)); optional.
    Ground,
    /// Descriptive: the park's English name.
    ParkNameEn,
    /// Descriptive: the park's Chinese name.
    ParkNameZh,
    /// Descriptive: the metric's English name.
    MetricName,
    /// Descriptive: the metric's English unit.
    Unit,
    /// Descriptive: the qualifier in words.
    QualifierLabel,
    /// Descriptive: the source's label as a chart's sources line cites it ("China Daily 2016b"),
    /// which a note may cite it by. Not checked: its letter depends on the other sources.
    SourceLabel,
    /// Descriptive: the same label as the Chinese window writes it. Not checked.
    SourceLabelZh,
    /// Descriptive: the source's title.
    SourceTitle,
    /// Descriptive: the source's address.
    SourceUrl,
}

impl Column {
    /// Every column, in the order `export --format csv` writes them.
    pub const ALL: [Self; 22] = [
        Self::Scope,
        Self::ParkId,
        Self::ParkNameEn,
        Self::ParkNameZh,
        Self::MetricId,
        Self::MetricName,
        Self::Unit,
        Self::Year,
        Self::Period,
        Self::Value,
        Self::Qualifier,
        Self::QualifierLabel,
        Self::SourceId,
        Self::SourceLabel,
        Self::SourceLabelZh,
        Self::SourceTitle,
        Self::SourceUrl,
        Self::Note,
        Self::NoteZh,
        Self::PartEn,
        Self::PartZh,
        Self::Ground,
    ];

    /// The header `export` writes.
    pub fn header(self) -> &'static str {
        match self {
            Self::Scope => "scope",
            Self::ParkId => "park_id",
            Self::MetricId => "metric_id",
            Self::Year => "year",
            Self::Period => "period",
            Self::Value => "value",
            Self::Qualifier => "qualifier",
            Self::SourceId => "source_id",
            Self::Note => "note",
            Self::NoteZh => "note_zh",
            Self::PartEn => "part_en",
            Self::PartZh => "part_zh",
            Self::Ground => "ground",
            Self::ParkNameEn => "park_name_en",
            Self::ParkNameZh => "park_name_zh",
            Self::MetricName => "metric_name",
            Self::Unit => "unit",
            Self::QualifierLabel => "qualifier_label",
            Self::SourceLabel => "source_label",
            Self::SourceLabelZh => "source_label_zh",
            Self::SourceTitle => "source_title",
            Self::SourceUrl => "source_url",
        }
    }

    /// The Chinese header, for the columns people fill in.
    fn chinese(self) -> Option<&'static str> {
        Some(match self {
            Self::Scope => "范围",
            Self::ParkId => "园区",
            Self::MetricId => "指标",
            Self::Year => "年份",
            Self::Period => "期间",
            Self::Value => "数值",
            Self::Qualifier => "限定",
            Self::SourceId => "来源",
            Self::Note => "备注",
            Self::NoteZh => "中文备注",
            Self::Ground => "范围变更",
            _ => return None,
        })
    }

    /// The column a header names, in English (any case, spaces for underscores) or Chinese.
    fn from_header(header: &str) -> Option<Self> {
        let header = header.trim();
        let english = header.to_lowercase().replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|c| c.header() == english || c.chinese() == Some(header))
    }

    /// Whether every row must have it.
    fn required(self) -> bool {
        matches!(self, Self::ParkId | Self::MetricId | Self::Year | Self::Value | Self::SourceId)
    }

    /// Whether it only describes (names, unit, title) and is checked rather than read.
    pub fn descriptive(self) -> bool {
        matches!(
            self,
            Self::ParkNameEn
                | Self::ParkNameZh
                | Self::MetricName
                | Self::Unit
                | Self::QualifierLabel
                | Self::SourceLabel
                | Self::SourceLabelZh
                | Self::SourceTitle
                | Self::SourceUrl
        )
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.header())
    }
}

/// The columns of a sheet of sources, as the dataset's sources have them.
pub const SOURCE_COLUMNS: [&str; 9] =
    ["id", "title", "publisher", "publisher_zh", "date", "url", "language", "note", "note_zh"];

/// Whether a sheet with these headers is a list of valid ids with their names, as the template
/// writes them (`id`/`code`, `name_en`, `name_zh`, …): there to look ids up in, not read.
fn is_reference_list(lowered: &[String]) -> bool {
    let has = |name: &str| lowered.iter().any(|h| h == name);
    has("name_en") && has("name_zh") && !lowered.iter().any(|h| Column::from_header(h).is_some())
}

/// Reads one grid: figures when its headers name figure columns, sources when they name
/// source columns; lists of ids with their names (the template's sheets of parks, metrics,
/// qualifiers and periods) are skipped. Every problem is collected; a table with any problem
/// adds nothing.
pub fn parse_grid(grid: &Grid, table: &mut FigureTable) {
    let Some(header_row) = grid.rows.first().filter(|row| row.iter().any(|c| !c.is_empty())) else {
        table.problems.push(problem(
            &CellRef::sheet_only(grid),
            message("the sheet is empty: its first row must name the columns", "工作表为空：第一行须写出各列的名称"),
        ));
        return;
    };
    for &(top, left, bottom, right) in &grid.merged {
        if top != bottom || left != right {
            let at = CellRef::new(grid, top, left);
            let to = CellRef::new(grid, bottom, right);
            table.problems.push(problem(
                &at,
                message(
                    format!("cells {}:{} are merged: unmerge them and write the value in each cell", at.a1(), to.a1()),
                    format!("单元格 {}:{} 已合并：请取消合并，并在每个单元格中填写数值", at.a1(), to.a1()),
                ),
            ));
        }
    }
    let headers: Vec<String> = header_row.iter().map(text_of).collect();
    let lowered: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    if is_reference_list(&lowered) {
        return;
    }
    if lowered.iter().any(|h| h == "id") && lowered.iter().any(|h| h == "title") {
        parse_sources(grid, &lowered, table);
    } else {
        parse_figures(grid, &headers, table);
    }
}

fn problem(at: &CellRef, message: Text) -> Problem {
    Problem::Invalid { path: at.to_string(), message }
}

/// The figure columns by position; reports unknown, duplicate and missing columns.
fn figure_columns(grid: &Grid, headers: &[String], table: &mut FigureTable) -> Option<Vec<Option<Column>>> {
    if !headers.iter().any(|h| Column::from_header(h).is_some()) {
        // Most often a title row above the headers: one problem, not one per cell.
        let first = headers.iter().map(|h| h.trim()).find(|h| !h.is_empty()).unwrap_or_default();
        table.problems.push(problem(
            &CellRef::new(grid, 0, 0),
            message(
                format!(
                    "the first row names no column of a figure table (it reads \"{first}\"): it must hold the \
                     headers, e.g. park_id, metric_id, year, value, source_id (or 园区, 指标, 年份, 数值, 来源); \
                     delete any title row above them"
                ),
                format!(
                    "第一行没有数字表格的列名（写的是“{first}”）：第一行须为列名，如 park_id、metric_id、year、\
                     value、source_id（或 园区、指标、年份、数值、来源）；请删去列名上方的标题行"
                ),
            ),
        ));
        return None;
    }
    let mut columns = Vec::with_capacity(headers.len());
    let mut ok = true;
    // Whether a problem names an unknown column yet: only the first lists the known ones.
    let mut named_unknown = false;
    for (i, header) in headers.iter().enumerate() {
        let at = CellRef::new(grid, 0, u32::try_from(i).unwrap_or(u32::MAX));
        if header.trim().is_empty() {
            columns.push(None);
            continue;
        }
        match Column::from_header(header) {
            Some(column) if columns.contains(&Some(column)) => {
                table.problems.push(problem(
                    &at,
                    message(format!("the column \"{header}\" appears twice"), format!("列“{header}”出现了两次")),
                ));
                ok = false;
                columns.push(None);
            }
            Some(column) => columns.push(Some(column)),
            None => {
                let known: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
                let listed = (!named_unknown).then(|| (known.join(", "), known.join("、")));
                table.problems.push(problem(&at, unknown_column(header, listed, ("a figure table", "数字表格"))));
                named_unknown = true;
                ok = false;
                columns.push(None);
            }
        }
    }
    for column in Column::ALL.into_iter().filter(|c| c.required()) {
        if !columns.contains(&Some(column)) {
            let chinese = column.chinese().map(|z| format!(" (or {z})")).unwrap_or_default();
            let chinese_zh = column.chinese().map(|z| format!("（或“{z}”）")).unwrap_or_default();
            table.problems.push(problem(
                &CellRef::new(grid, 0, 0),
                message(
                    format!("the column \"{column}\"{chinese} is missing from the first row"),
                    format!("第一行缺少列“{column}”{chinese_zh}"),
                ),
            ));
            ok = false;
        }
    }
    ok.then_some(columns)
}

fn parse_figures(grid: &Grid, headers: &[String], table: &mut FigureTable) {
    let Some(columns) = figure_columns(grid, headers, table) else { return };
    let layout: Arc<[Option<Column>]> = columns.clone().into();
    let find = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    for (r, row) in grid.rows.iter().enumerate().skip(1) {
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        let at = |column: Column| {
            let c = find(column).unwrap_or(0);
            CellRef::new(grid, r, u32::try_from(c).unwrap_or(u32::MAX)).with_column(column)
        };
        let cell = |column: Column| find(column).and_then(|c| row.get(c)).unwrap_or(&Cell::Empty);
        let text = |column: Column| text_of(cell(column)).trim().to_owned();
        // A value under no column is not passed over: most often a number with a thousands
        // separator ("1,240") that a CSV file splits in two, which would shift the row's values.
        if let Some(c) =
            row.iter().enumerate().position(|(c, cell)| !cell.is_empty() && columns.get(c).is_none_or(Option::is_none))
        {
            table
                .problems
                .push(problem(&CellRef::new(grid, r, u32::try_from(c).unwrap_or(u32::MAX)), unheaded_value(grid)));
            continue;
        }
        let mut row_problems = Vec::new();
        let mut report = |column: Column, message: Text| row_problems.push(problem(&at(column), message));

        let park = text(Column::ParkId);
        let scope = text(Column::Scope).to_lowercase();
        let target = match (scope.as_str(), park.is_empty()) {
            ("zone" | "示范区", true) => Some(Target::Zone),
            ("" | "park" | "园区", false) => Some(Target::Park(ParkId::new(park.clone()))),
            ("zone" | "示范区", false) => {
                report(
                    Column::ParkId,
                    message(
                        format!("a zone row names the park \"{park}\": leave the park empty"),
                        format!("示范区的行写了园区“{park}”：园区请留空"),
                    ),
                );
                None
            }
            (_, true) => {
                report(
                    Column::ParkId,
                    message(
                        "no park id (write the park's id, or \"zone\" in the scope column)",
                        "缺少园区 id（请写园区的 id，或在 scope 列写“zone”）",
                    ),
                );
                None
            }
            (other, false) => {
                report(
                    Column::Scope,
                    message(
                        format!("unknown scope \"{other}\": write \"park\" or \"zone\""),
                        format!("未知的范围“{other}”：请写“park”或“zone”"),
                    ),
                );
                None
            }
        };
        let metric = text(Column::MetricId);
        if metric.is_empty() {
            report(Column::MetricId, message("no metric id", "缺少指标 id"));
        }
        let source = text(Column::SourceId);
        if source.is_empty() {
            report(
                Column::SourceId,
                message("no source id: every figure names its source", "缺少来源 id：每个数字都须注明来源"),
            );
        }
        let year = parse_year(cell(Column::Year)).map_err(|m| report(Column::Year, m)).ok();
        let value = parse_value(cell(Column::Value)).map_err(|m| report(Column::Value, m)).ok();
        let period = parse_period(cell(Column::Period)).map_err(|m| report(Column::Period, m)).ok();
        let qualifier = parse_qualifier(cell(Column::Qualifier)).map_err(|m| report(Column::Qualifier, m)).ok();
        let note = Some(text(Column::Note)).filter(|n| !n.is_empty());
        let ground = parse_ground(cell(Column::Ground)).map_err(|m| report(Column::Ground, m)).ok().flatten();
        let note_zh = Some(text(Column::NoteZh)).filter(|n| !n.is_empty());
        // A part is named in both languages, as every name the window shows.
        let part_of_park = match (text(Column::PartEn), text(Column::PartZh)) {
            (en, zh) if en.is_empty() && zh.is_empty() => None,
            (en, zh) if en.is_empty() || zh.is_empty() => {
                let missing = if en.is_empty() { Column::PartEn } else { Column::PartZh };
                report(
                    missing,
                    message(
                        "a part of a park is named in both languages: fill part_en and part_zh",
                        "园区的一部分须用两种语言命名：请填写 part_en 和 part_zh",
                    ),
                );
                None
            }
            (en, zh) => Some(super::Text { en, zh }),
        };
        if !row_problems.is_empty() {
            table.problems.append(&mut row_problems);
            continue;
        }
        let (Some(target), Some(year), Some((value, percent)), Some(period), Some(qualifier)) =
            (target, year, value, period, qualifier)
        else {
            continue;
        };
        let described = Column::ALL
            .into_iter()
            .filter(|c| c.descriptive() && find(*c).is_some())
            .map(|c| (c, at(c), text(c)))
            .filter(|(_, _, text)| !text.is_empty())
            .collect();
        table.figures.push(TableFigure {
            at: CellRef::new(grid, r, 0),
            target,
            observation: Observation {
                metric: super::MetricId::new(metric),
                value,
                year,
                period,
                qualifier,
                source: super::SourceId::new(source),
                note,
                note_zh,
                part: part_of_park,
                ground,
            },
            described,
            percent,
            layout: Arc::clone(&layout),
        });
    }
}

/// What is wrong with a value in a column without a header, and how to mend it.
fn unheaded_value(grid: &Grid) -> Text {
    let (cause_en, cause_zh) = if grid.sheet.is_none() {
        (
            "; in a CSV file a number written with a thousands separator (1,240) splits into two cells unless it \
             is in quotes: write it without the comma",
            "；在 CSV 文件中，带千位分隔符的数字（1,240）除非加引号，否则会被拆成两个单元格：请去掉逗号",
        )
    } else {
        ("", "")
    };
    message(
        format!("a value in a column with no header, so the row is not read{cause_en}"),
        format!("没有列名的列中有数值，因此该行未被读取{cause_zh}"),
    )
}

/// The problem of a column `header` that a `table` (in English and Chinese) has no use for,
/// with the columns it has when `known` gives them (in both languages): the first such problem of
/// a table lists them, and the ones after it, just below in the list, do not repeat them.
fn unknown_column(header: &str, known: Option<(String, String)>, table: (&str, &str)) -> Text {
    match known {
        Some((en, zh)) => message(
            format!("unknown column \"{header}\"; {} has the columns {en}", table.0),
            format!("未知的列“{header}”；{}的列有 {zh}", table.1),
        ),
        None => message(format!("unknown column \"{header}\""), format!("未知的列“{header}”")),
    }
}

fn parse_sources(grid: &Grid, headers: &[String], table: &mut FigureTable) {
    let mut named_unknown = false;
    for (i, header) in headers.iter().enumerate() {
        if !header.is_empty() && !SOURCE_COLUMNS.contains(&header.as_str()) {
            let at = CellRef::new(grid, 0, u32::try_from(i).unwrap_or(u32::MAX));
            let listed = (!named_unknown).then(|| (SOURCE_COLUMNS.join(", "), SOURCE_COLUMNS.join("、")));
            table.problems.push(problem(&at, unknown_column(header, listed, ("a table of sources", "来源表"))));
            named_unknown = true;
        }
    }
    let find = |name: &str| headers.iter().position(|h| h == name);
    for (r, row) in grid.rows.iter().enumerate().skip(1) {
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        let text = |name: &str| find(name).and_then(|c| row.get(c)).map(|c| text_of(c).trim().to_owned());
        let optional = |name: &str| text(name).filter(|t| !t.is_empty());
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        let (id, title, publisher) =
            (text("id").unwrap_or_default(), text("title").unwrap_or_default(), text("publisher").unwrap_or_default());
        let mut missing = Vec::new();
        for (name, value) in [("id", &id), ("title", &title), ("publisher", &publisher)] {
            if value.is_empty() {
                missing.push(name);
            }
        }
        if !missing.is_empty() {
            table.problems.push(problem(
                &CellRef::new(grid, r, 0),
                message(
                    format!("the source has no {}", missing.join(", ")),
                    format!("来源缺少 {}", missing.join("、")),
                ),
            ));
            continue;
        }
        table.source_places.push(CellRef::new(grid, r, find("id").and_then(|c| u32::try_from(c).ok()).unwrap_or(0)));
        table.sources.push(Source {
            id: super::SourceId::new(id),
            title,
            publisher,
            publisher_zh: optional("publisher_zh"),
            date: optional("date"),
            url: optional("url"),
            language: text("language").unwrap_or_default(),
            note: optional("note"),
            note_zh: optional("note_zh"),
            label_letters: super::LabelLetters::default(),
            added_by_table: None,
        });
    }
}

#[cfg(test)]
mod tests;
