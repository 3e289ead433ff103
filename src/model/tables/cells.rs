//! Cells as spreadsheets hold them, where each one is, and reading a year, a value, a period or
//! a qualifier out of one, with a message that says what to write instead.

use std::fmt;

use super::{Column, Grid};
use crate::model::{Ground, Period, Qualifier, Text, message};

/// One cell's content, whatever the file format.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text (every CSV cell is text).
    Text(String),
    /// A number.
    Number(f64),
    /// True or false.
    Bool(bool),
    /// A date or time (spreadsheets store them as numbers), as the workbook shows it.
    Date(String),
    /// A formula's error, e.g. `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// Whether nothing is in it (blank text counts as nothing).
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// Where a cell is: `Sheet1!E7` in a workbook, line and column in a CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRef {
    /// The sheet; `None` in a CSV file.
    pub sheet: Option<String>,
    /// 0-based row (a CSV file's line less one).
    pub row: u32,
    /// 0-based column.
    pub col: u32,
    /// The column's meaning, when known, named after the place.
    pub column: Option<Column>,
}

impl CellRef {
    /// The cell at `row`, `col` of `grid`.
    pub fn new(grid: &Grid, row: u32, col: u32) -> Self {
        Self { sheet: grid.sheet.clone(), row, col, column: None }
    }

    /// The sheet as a whole (its first cell).
    pub fn sheet_only(grid: &Grid) -> Self {
        Self::new(grid, 0, 0)
    }

    /// The same cell, named with its column's meaning.
    #[must_use]
    pub fn with_column(self, column: Column) -> Self {
        Self { column: Some(column), ..self }
    }

    /// The spreadsheet name of the cell: `E7`.
    pub fn a1(&self) -> String {
        let mut letters = String::new();
        let mut n = self.col + 1;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.insert(0, char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
            n = (n - 1) / 26;
        }
        format!("{letters}{}", self.row + 1)
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "{sheet}!{}", self.a1())?,
            None => write!(f, "line {}, column {}", self.row + 1, self.col + 1)?,
        }
        if let Some(column) = self.column {
            write!(f, " ({column})")?;
        }
        Ok(())
    }
}

/// A cell as text: numbers without a trailing `.0`, empty for nothing.
pub fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) | Cell::Date(text) | Cell::Error(text) => text.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Bool(b) => b.to_string(),
    }
}

/// A year: a whole number, as a number or as text ("2019"). A date is refused: spreadsheets
/// turn "2019-05" into a day, and the figure's year must be said plainly.
pub fn parse_year(cell: &Cell) -> Result<i32, Text> {
    let number = match cell {
        Cell::Number(n) => *n,
        Cell::Text(text) => {
            let text = text.trim();
            text.parse::<f64>().map_err(|_| {
                message(
                    format!("\"{text}\" is not a year: write the year alone, e.g. 2019"),
                    format!("“{text}”不是年份：只写年份，如 2019"),
                )
            })?
        }
        Cell::Date(shown) => {
            return Err(message(
                format!(
                    "a date ({shown}) where a year should be: format the cell as a number and write the year alone, \
                     e.g. 2019"
                ),
                format!("此处应为年份，却是日期（{shown}）：请把单元格设为数字格式，只写年份，如 2019"),
            ));
        }
        Cell::Empty => return Err(message("no year", "缺少年份")),
        Cell::Bool(_) => return Err(message("true/false where a year should be", "此处应为年份，却是 true/false")),
        Cell::Error(error) => return Err(formula_error(error)),
    };
    if number.fract() != 0.0 || !number.is_finite() || number.abs() > 1e6 {
        return Err(message(
            format!("{number} is not a year: write a whole year, e.g. 2019"),
            format!("{number} 不是年份：请写完整的年份，如 2019"),
        ));
    }
    #[expect(clippy::cast_possible_truncation, reason = "a whole number of at most six digits")]
    Ok(number as i32)
}

fn formula_error(error: &str) -> Text {
    message(
        format!("the cell holds the error {error}: write the value itself, not a formula that fails"),
        format!("单元格中是错误值 {error}：请直接写数值，不要用出错的公式"),
    )
}

/// A value: a number, or text holding one ("1240", "1,240", " 1240 "), or a percentage
/// ("12.5%", returned with `true`). Text with a unit or words ("1240亿", "about 50") is
/// refused with what to write instead: never a silent guess.
pub fn parse_value(cell: &Cell) -> Result<(f64, bool), Text> {
    let text = match cell {
        Cell::Number(n) if n.is_finite() => return Ok((*n, false)),
        Cell::Number(n) => return Err(message(format!("{n} is not a finite number"), format!("{n} 不是有限的数"))),
        Cell::Text(text) => text.trim(),
        Cell::Empty => {
            return Err(message(
                "no value: leave out a row whose figure is unknown, never write 0",
                "缺少数值：数字未知的行请删去，切勿写 0",
            ));
        }
        Cell::Date(shown) => {
            return Err(message(
                format!("a date ({shown}) where a value should be"),
                format!("此处应为数值，却是日期（{shown}）"),
            ));
        }
        Cell::Bool(_) => return Err(message("true/false where a value should be", "此处应为数值，却是 true/false")),
        Cell::Error(error) => return Err(formula_error(error)),
    };
    let (number, percent) = match text.strip_suffix(['%', '％']) {
        Some(number) => (number.trim_end(), true),
        None => (text, false),
    };
    if let Some(value) = plain_number(number) {
        return Ok((value, percent));
    }
    Err(value_advice(text))
}

/// A number written plainly, with thousands separators only between groups of three digits,
/// or in the scientific notation spreadsheets write large numbers in ("1.24E+11").
fn plain_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let (sign, digits) = match text.strip_prefix(['-', '−']) {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (digits, exponent) = match digits.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => {
            let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            if unsigned.is_empty() || !unsigned.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (mantissa, format!("e{exponent}"))
        }
        None => (digits, String::new()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let groups: Vec<&str> = whole.split([',', '，']).collect();
    let grouped_right = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !grouped_right || !groups.iter().all(|g| all_digits(g)) || !all_digits(fraction) || whole.is_empty() {
        return None;
    }
    let joined = if fraction.is_empty() { groups.concat() } else { format!("{}.{fraction}", groups.concat()) };
    format!("{sign}{joined}{exponent}").parse().ok().filter(|v: &f64| v.is_finite())
}

/// What to write instead of a value with words or a unit in it.
fn value_advice(text: &str) -> Text {
    // "1,5": a decimal comma, as many European locales write it.
    if let Some((whole, fraction)) = text.trim_start_matches(['-', '−']).split_once(',')
        && !whole.is_empty()
        && !fraction.is_empty()
        && whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
    {
        let point = text.replacen(',', ".", 1);
        return message(
            format!(
                "\"{text}\" is not a number: write decimals with a point ({point}); a comma may only separate \
                 thousands (1,240)"
            ),
            format!("“{text}”不是数字：小数请用小数点（{point}）；逗号只能用作千位分隔（1,240）"),
        );
    }
    let lower = text.to_lowercase();
    if ["n/a", "na", "-", "–", "—", "…", "...", "?", "null", "none", "无", "暂无", "不详"].contains(&lower.as_str())
    {
        return message(
            format!("\"{text}\" is not a number: leave out a row whose figure is unknown, never write 0"),
            format!("“{text}”不是数字：数字未知的行请删去，切勿写 0"),
        );
    }
    let hedges = [
        (["about", "around", "nearly", "approx", "约", "近", "左右"].as_slice(), "approximate"),
        (["more than", "over", ">", "超过", "逾", "以上", "多"].as_slice(), "at_least"),
        (["less than", "under", "<", "不足", "以下"].as_slice(), "at_most"),
    ];
    for (words, code) in hedges {
        if words.iter().any(|w| lower.contains(w)) {
            return message(
                format!("\"{text}\" is not a number: write the number alone and \"{code}\" in the qualifier column"),
                format!("“{text}”不是数字：只写数字，并在 qualifier 列写“{code}”"),
            );
        }
    }
    message(
        format!(
            "\"{text}\" is not a number: write the number alone, in the metric's unit (a unit or words in the cell, \
             like 亿 or \"bn\", are not read; convert to the unit the metric names)"
        ),
        format!(
            "“{text}”不是数字：只写数字，并以指标的单位为准（单元格中的单位或文字，如“亿”或“bn”，不会被读取；\
             请换算成指标所用的单位）"
        ),
    )
}

/// A period: empty for the whole year, or a code (`h1`, `h2`, `jan_to_9`, `cumulative`).
pub fn parse_period(cell: &Cell) -> Result<Option<Period>, Text> {
    let text = text_of(cell).trim().to_lowercase();
    let period = match text.as_str() {
        "" => return Ok(None),
        "h1" => Period::H1,
        "h2" => Period::H2,
        "cumulative" => Period::Cumulative,
        other => match other.strip_prefix("jan_to_").and_then(|m| m.parse::<u8>().ok()) {
            Some(month) if (1..=12).contains(&month) => Period::JanTo(month),
            _ => {
                return Err(message(
                    format!(
                        "unknown period \"{text}\": leave it empty for the whole year, or write h1, h2, jan_to_1 … \
                         jan_to_12 or cumulative"
                    ),
                    format!("未知的期间“{text}”：全年请留空，否则写 h1、h2、jan_to_1 … jan_to_12 或 cumulative"),
                ));
            }
        },
    };
    Ok(Some(period))
}

/// The side of its year's change of ground a figure covers ([`Ground::code`]); none for an
/// empty cell.
pub fn parse_ground(cell: &Cell) -> Result<Option<Ground>, Text> {
    let text = text_of(cell).trim().to_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    Ground::ALL.into_iter().find(|g| g.code() == text).map(Some).ok_or_else(|| {
        let codes: Vec<&str> = Ground::ALL.iter().map(|g| g.code()).collect();
        message(
            format!("unknown ground \"{text}\": write one of {} or leave it empty", codes.join(", ")),
            format!("未知的范围变更“{text}”：请写 {} 之一，或留空", codes.join("、")),
        )
    })
}

/// A qualifier: empty for `reported`, or one of the codes.
pub fn parse_qualifier(cell: &Cell) -> Result<Qualifier, Text> {
    let text = text_of(cell).trim().to_lowercase();
    if text.is_empty() {
        return Ok(Qualifier::Reported);
    }
    Qualifier::ALL.into_iter().find(|q| q.code() == text).ok_or_else(|| {
        let codes: Vec<&str> = Qualifier::ALL.iter().map(|q| q.code()).collect();
        // Digits here are most often the rest of a number a thousands separator split in two.
        let (split_en, split_zh) = if text.chars().all(|c| c.is_ascii_digit()) {
            (
                "; is it the end of the value before it, split at a thousands separator (1,240)? Write numbers \
                 without the comma",
                "；它是否是前一个数值被千位分隔符（1,240）拆开的后半部分？数字请不要带逗号",
            )
        } else {
            ("", "")
        };
        message(
            format!("unknown qualifier \"{text}\": write one of {}{split_en}", codes.join(", ")),
            format!("未知的限定语“{text}”：请写 {} 之一{split_zh}", codes.join("、")),
        )
    })
}
