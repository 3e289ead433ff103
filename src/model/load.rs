//! Turning the text of a dataset file into a validated [`Dataset`], or into every problem found,
//! and the one way every RON file of the app (dataset, map, slides) is parsed.

use std::fmt;
use std::path::Path;

use super::validate::validate;
use super::{Dataset, Language, Text};

/// Largest nesting depth accepted in any RON file; deeper input is rejected before it can
/// exhaust the stack.
pub const RECURSION_LIMIT: usize = 64;

/// One thing wrong with a dataset file. Each message is made in English and Chinese where the
/// problem is found, so the window shows it in the interface's language; `Display` (and so
/// `check` on the command line) gives the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text is not valid RON for a dataset. Line and column are 1-based.
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        col: usize,
        /// What the parser expected or found.
        message: Text,
    },
    /// The file could not be read at all.
    Unreadable {
        /// Why, as the operating system said it.
        message: Text,
    },
    /// The file parsed, but an item breaks a rule.
    Invalid {
        /// Where the item is, e.g. `parks[3] "haidian" → observations[2]`.
        path: String,
        /// What is wrong with it.
        message: Text,
    },
}

impl Problem {
    /// The problem in `language`, to follow the file's name: `3:5: Expected comma` or
    /// `第 3 行第 5 列：缺少逗号`. The path of an item names fields of the file, so it stays as
    /// written.
    pub fn in_language(&self, language: Language) -> String {
        match (self, language) {
            (Self::Syntax { line, col, message }, Language::En) => format!("{line}:{col}: {}", message.en),
            (Self::Syntax { line, col, message }, Language::Zh) => format!("第 {line} 行第 {col} 列：{}", message.zh),
            (Self::Unreadable { message }, Language::En) => format!(" cannot be read: {}", message.en),
            (Self::Unreadable { message }, Language::Zh) => format!(" 无法读取：{}", message.zh),
            (Self::Invalid { path, message }, Language::En) => format!("{path}: {}", message.en),
            (Self::Invalid { path, message }, Language::Zh) => format!("{}：{}", place_in_chinese(path), message.zh),
        }
    }
}

/// A path as the Chinese window writes it: a CSV cell's place, "line 4, column 10 (value)"
/// (see [`super::tables::CellRef`]), as a syntax error's is, "第 4 行第 10 列（value）"; any
/// other path (a RON item's, a sheet's cell `figures!J12`) names the file's own fields and
/// stays as written.
pub(crate) fn place_in_chinese(path: &str) -> String {
    let parsed = path.strip_prefix("line ").and_then(|rest| {
        let (line, rest) = rest.split_once(", column ")?;
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let (col, rest) = rest.split_at(digits);
        let (line, col): (usize, usize) = (line.parse().ok()?, col.parse().ok()?);
        let column = match rest.trim().strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(column) => format!("（{column}）"),
            None if rest.is_empty() => String::new(),
            None => return None,
        };
        Some(format!("第 {line} 行第 {col} 列{column}"))
    });
    parsed.unwrap_or_else(|| path.to_owned())
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Language::En))
    }
}

/// A message made in both languages: `en` and `zh`, each already filled in.
pub fn message(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text { en: en.into(), zh: zh.into() }
}

/// Why a file could not be read, from the operating system's error: the common causes said in
/// plain words in both languages (the system's own, "No such file or directory (os error 2)",
/// said the same again in English in either window); the rest in the system's words.
pub fn io_message(err: &std::io::Error) -> Text {
    match err.kind() {
        std::io::ErrorKind::NotFound => message("there is no such file", "找不到该文件"),
        std::io::ErrorKind::PermissionDenied => message("you may not read it", "没有读取该文件的权限"),
        std::io::ErrorKind::IsADirectory => folder_not_file(),
        _ => Text { en: err.to_string(), zh: err.to_string() },
    }
}

/// Why a folder given for a file cannot be read.
pub fn folder_not_file() -> Text {
    message("it is a folder, not a file", "这是一个文件夹，不是文件")
}

/// The most a dataset or map file may hold, in bytes: far above any city's data (the
/// benchmarks' 10,000 parks fit many times over), low enough that a wrong file (a disk image,
/// a device such as `/dev/zero`) is refused rather than read into memory until there is none.
pub const MAX_DATA_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the file at `path` whole, or says why not: a file above [`MAX_DATA_FILE_BYTES`] is
/// refused once that much is read (a device reports no size), with the system's reason for
/// any other failure.
pub fn read_data_file(path: &std::path::Path) -> Result<Vec<u8>, Text> {
    use std::io::Read as _;
    // Said before opening: Windows refuses to open a folder as if permission were lacking.
    if path.is_dir() {
        return Err(folder_not_file());
    }
    let file = std::fs::File::open(path).map_err(|err| io_message(&err))?;
    // A file that says its size is refused before any of it is read; a device, which says
    // none, once more than the most is read.
    let said = file.metadata().map_or(0, |metadata| metadata.len());
    let mut bytes = Vec::new();
    if said <= MAX_DATA_FILE_BYTES {
        file.take(MAX_DATA_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|err| io_message(&err))?;
    }
    if said > MAX_DATA_FILE_BYTES || bytes.len() as u64 > MAX_DATA_FILE_BYTES {
        let limit = MAX_DATA_FILE_BYTES / 1_048_576;
        return Err(message(
            format!("it is larger than {limit} MB, more than the app reads: is it the right file?"),
            format!("文件超过 {limit} MB，超出本程序可读取的大小：请确认文件是否选对"),
        ));
    }
    Ok(bytes)
}

/// Every problem found in one dataset file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadErrors {
    /// The file as the user named it, or a label such as `embedded data/zgc.ron`.
    pub file: String,
    /// The problems, in the order of their places in the file (those without one first);
    /// never empty.
    pub problems: Vec<Problem>,
}

impl LoadErrors {
    /// Every problem in `language`, one a line, each after the file's name.
    pub fn in_language(&self, language: Language) -> String {
        let lines: Vec<String> = self
            .problems
            .iter()
            .map(|problem| {
                let separator = match (problem, language) {
                    (Problem::Unreadable { .. }, _) => "",
                    (_, Language::En) => ":",
                    (_, Language::Zh) => "：",
                };
                format!("{}{separator}{}", self.file, problem.in_language(language))
            })
            .collect();
        lines.join("\n")
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Language::En))
    }
}

impl std::error::Error for LoadErrors {}

/// Parses the RON `text` of any of the app's files (dataset, map, slides) into a `T`. `file`
/// names the text's origin in messages.
///
/// Every file is read by the same rules: a leading byte order mark is ignored, nesting deeper
/// than [`RECURSION_LIMIT`] is an error rather than a stack overflow, and a parse error is one
/// [`Problem::Syntax`] at its 1-based line and column.
pub fn parse_ron<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, LoadErrors> {
    let text = with_line_feeds(text);
    // A byte order mark (some Windows editors write one) is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    options.from_str(text).map_err(|err| {
        let (line, col) = (err.span.start.line, err.span.start.col);
        let problem = match (&err.code, end_of_previous_token(text, line, col)) {
            // A file cut short (an interrupted copy or download) stops the parser wherever the
            // cut fell, in a text, a number or a field's name, and its words then send the user
            // looking for a quote or a comma: said for what it is.
            _ if !text.trim().is_empty() && cut_short(text, line, &err.code) => Problem::Syntax {
                line,
                col,
                message: message(
                    "the file ends here, in the middle of its data: it looks cut short (an interrupted copy, \
                     download or save); open the whole file again",
                    "文件在数据中途于此处结束，看来不完整（复制、下载或保存被中断）：请重新取得完整的文件",
                ),
            },
            // Another kind of file altogether (notes, a table, JSON) stops the parser on its
            // first line, and its words ("expected an `#![enable(...)]` attribute") say
            // nothing of that.
            _ if !text.trim().is_empty() && line <= first_line(text) && !begins_as_ron(text) => Problem::Syntax {
                line,
                col,
                message: message(
                    "this is not a data file of this program: such a file begins with `(`, as the app's own \
                     dataset does; was another file opened?",
                    "这不是本程序的数据文件：此类文件以 ( 开头，如程序自带的数据集；是否打开了别的文件？",
                ),
            },
            // A text missing its closing quote runs on to the next text's opening one, taking in
            // the field name before it; the parser then stumbles on what follows, often a line
            // further, and asks for a comma. Shown where the text begins, said for what it is.
            _ if let Some((open_line, open_col, field)) = unclosed_text(text, line, col) => Problem::Syntax {
                line: open_line,
                col: open_col,
                message: message(
                    format!(
                        "this text has no closing \" (it runs on past `{field}:` to the next \", on line {line}): \
                         close it where it should end"
                    ),
                    format!("此文字缺少结尾的英文双引号（它越过 `{field}:` 一直延续到第 {line} 行的下一个引号）：请在文字结束处补上"),
                ),
            },
            // The parser stops at the next item, often a line below the one missing its comma:
            // point at the end of the value the comma should follow, and say where the next
            // one starts.
            (ron::Error::ExpectedComma, Some((end_line, end_col))) if (end_line, end_col) != (line, col) => {
                let said = message(
                    format!("expected a comma after this value (the next one starts at line {line}, column {col})"),
                    format!("此值之后缺少逗号（下一项从第 {line} 行第 {col} 列开始）"),
                );
                Problem::Syntax { line: end_line, col: end_col, message: with_hint(said, &err.code, text, line, col) }
            }
            // The parser's "expected opening ( for struct Dataset" would send the user looking
            // for a bracket in a file with nothing in it.
            _ if text.trim().is_empty() => {
                Problem::Syntax { line, col, message: message("the file is empty", "文件为空") }
            }
            _ => Problem::Syntax {
                line,
                col: past_blanks(text, line, col),
                message: with_hint(syntax_message(&err.code), &err.code, text, line, col),
            },
        };
        LoadErrors { file: file.to_owned(), problems: vec![with_path(problem, text)] }
    })
}

/// Whether `text`, a file the parser stopped reading on its `line`, was cut short: that line is
/// its last with anything on it and brackets opened in it are left unclosed (outside texts and
/// comments). Not when the parser found only its end (`code`) after a closing bracket (and its
/// comma): such a file is as likely missing one more bracket, and the parser's words say both.
fn cut_short(text: &str, line: usize, code: &ron::Error) -> bool {
    let last_line = text.lines().enumerate().filter(|(_, row)| !row.trim().is_empty()).last().map_or(0, |(i, _)| i + 1);
    let end = text.trim_end();
    let ends_on_a_bracket = end.strip_suffix(',').unwrap_or(end).trim_end().ends_with([')', ']', '}']);
    line >= last_line && !(ends_on_a_bracket && *code == ron::Error::Eof) && unclosed_brackets(text) > 0
}

/// How many more brackets `text` opens than it closes, outside texts and comments.
fn unclosed_brackets(text: &str) -> usize {
    let (mut depth, mut in_text, mut escaped) = (0_usize, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_text {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_text = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_text = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '/' if chars.peek() == Some(&'/') => {
                chars.by_ref().find(|&c| c == '\n');
            }
            _ => {}
        }
    }
    depth
}

/// The 1-based number of the first line of `text` with anything but blanks and a `//` comment.
fn first_line(text: &str) -> usize {
    text.lines().position(|row| !row.trim().is_empty() && !row.trim_start().starts_with("//")).map_or(1, |i| i + 1)
}

/// Whether `text` begins as a RON file of the app's does, after its blank and comment lines:
/// with its `(`, a block comment, or an `#![enable(…)]` attribute.
fn begins_as_ron(text: &str) -> bool {
    let first = text.lines().nth(first_line(text) - 1).unwrap_or_default().trim_start();
    ["(", "/*", "#!["].iter().any(|start| first.starts_with(start))
}

/// Column `col` (1-based, in characters) of line `line`, moved past blanks to what follows on
/// the same line: the parser reports a value it cannot read from the blank before it
/// ("value: twenty" at the space after the colon).
fn past_blanks(text: &str, line: usize, col: usize) -> usize {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else { return col };
    let blanks = row.chars().skip(col.saturating_sub(1)).take_while(|c| c.is_whitespace()).count();
    if row.chars().count() > col.saturating_sub(1) + blanks { col + blanks } else { col }
}

/// `problem`, when it is a syntax error inside an item, led by the item's path as a broken
/// rule's is ("parks[3] "x" → observations[12]: …"): a line and column alone leave the reader
/// to work out which park and figure the line belongs to.
fn with_path(problem: Problem, text: &str) -> Problem {
    match problem {
        Problem::Syntax { line, col, message } => match super::locate::path_at(text, line, col) {
            Some(path) => Problem::Syntax {
                line,
                col,
                message: Text { en: format!("{path}: {}", message.en), zh: format!("{path}：{}", message.zh) },
            },
            None => Problem::Syntax { line, col, message },
        },
        other => other,
    }
}

/// `said`, followed by what to write instead where [`syntax_hint`] knows it.
fn with_hint(said: Text, code: &ron::Error, text: &str, line: usize, col: usize) -> Text {
    match syntax_hint(code, text, line, col) {
        Some(hint) => message(format!("{}: {}", said.en, hint.en), format!("{}：{}", said.zh, hint.zh)),
        None => said,
    }
}

/// What to write instead, for the slips the parser's words do not explain, told by what stands
/// at the 1-based (`line`, `col`) of `text`: a number in quotes (`value: ">5100"`, as a
/// figure is written in prose), a unit after a number (`value: 42 ha`), and a field where the
/// next item of a list should begin (the list's closing `]` forgotten).
fn syntax_hint(code: &ron::Error, text: &str, line: usize, col: usize) -> Option<Text> {
    let whole_line = text.lines().nth(line.checked_sub(1)?)?;
    let before: String = whole_line.chars().take(col.checked_sub(1)?).collect();
    let rest: String = whole_line.chars().skip(col - 1).collect();
    // The parser's place may be the blank before the value it could not read.
    let at = rest.trim_start();
    match code {
        ron::Error::ExpectedComma
            if at.starts_with(char::is_alphabetic)
                && before.trim_end().ends_with(|c: char| c.is_ascii_digit())
                && !begins_a_field(at) =>
        {
            Some(message(
                "a number is written alone, its unit is the metric's (value: 42)",
                "数字须单独书写，单位即指标的单位（如 value: 42）",
            ))
        }
        // `year: 2020.5` or `month: Some(6.5)`: the parser reads the whole number and stops at
        // the point, asking for a comma there.
        ron::Error::ExpectedComma
            if at.starts_with('.')
                && at[1..].starts_with(|c: char| c.is_ascii_digit())
                && before.trim_end().ends_with(|c: char| c.is_ascii_digit()) =>
        {
            Some(message(
                "this field takes a whole number (year: 2019); a part of a year is written in `period`",
                "此字段须为整数（如 year: 2019）；一年中的部分时段写在 `period` 中",
            ))
        }
        // `value: 3,2` (a decimal comma) or `6,200` (a thousands separator): the parser takes
        // the comma to end the value and the digits after it for a field's name.
        ron::Error::SuggestRawIdentifier(_) | ron::Error::ExpectedIdentifier
            if at.starts_with(|c: char| c.is_ascii_digit())
                && before
                    .trim_end()
                    .strip_suffix(',')
                    .is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit())) =>
        {
            Some(message(
                "a number is written with a point before its decimals and nothing between its thousands \
                 (3.2, not 3,2; 6200, not 6,200)",
                "数字的小数点写作英文句点，千位之间不加分隔符（写 3.2 而非 3,2；写 6200 而非 6,200）",
            ))
        }
        // `month: Some(10),,`: the parser looks for the next field's name and finds a comma.
        ron::Error::ExpectedIdentifier | ron::Error::ExpectedStructLikeEnd | ron::Error::ExpectedArrayEnd
            if at.starts_with(',') && before.trim_end().ends_with(',') =>
        {
            Some(message("two commas in a row: delete one", "连续两个逗号：请删去一个"))
        }
        ron::Error::ExpectedInteger if at.starts_with('"') => Some(message(
            "a whole number is written without quotes (year: 2019)",
            "整数须不加引号书写（如 year: 2019）",
        )),
        ron::Error::ExpectedFloat if at.starts_with('"') => Some(message(
            "a number is written alone, without quotes or unit (value: 5100, in the metric's unit); \
             \">\", \"about\" and the like go in `qualifier` (AtLeast, Approximate, …)",
            "数字须单独书写，不加引号或单位（如 value: 5100，单位即指标的单位）；“>”“约”等写在 \
             `qualifier` 中（AtLeast、Approximate 等）",
        )),
        // A sign where the qualifier's name goes (`qualifier: ">"`), as prose writes a figure.
        ron::Error::ExpectedIdentifier if before.trim_end().ends_with("qualifier:") => {
            let names: Vec<String> = super::Qualifier::ALL.iter().map(|q| format!("{q:?}")).collect();
            Some(message(
                format!(
                    "`qualifier` is one of {} (\">\" is AtLeast, \"<\" AtMost, \"about\" Approximate)",
                    names.join(", ")
                ),
                format!(
                    "`qualifier` 须为以下之一：{}（“>”即 AtLeast，“<”即 AtMost，“约”即 Approximate）",
                    names.join("、")
                ),
            ))
        }
        ron::Error::ExpectedStringEnd => Some(message(
            "the text that begins here has no closing \" (a \" inside a text is written \\\")",
            "文字中的英文双引号须写作 \\\"",
        )),
        ron::Error::ExpectedDifferentStructName { found, .. }
            if at.starts_with(found.as_str()) && begins_a_field(at) =>
        {
            Some(message(
                format!(
                    "`{found}:` begins a field, so the list before it is missing its closing ], or this item its \
                     opening ("
                ),
                format!("“{found}:”是字段的开头：它前面的列表缺少右方括号 ]，或此项缺少左括号 ("),
            ))
        }
        // A `)` where a list's next item or its end should be: the list's `]` forgotten before
        // the bracket that closes the item holding it (a park's `observations`).
        ron::Error::ExpectedComma
        | ron::Error::ExpectedArrayEnd
        | ron::Error::ExpectedStructLike
        | ron::Error::ExpectedNamedStructLike(_)
            if at.starts_with(')') =>
        {
            Some(message(
                "a list's closing ] is missing before this ), or this ) is one too many",
                "此 ) 之前缺少列表的右方括号 ]，或此 ) 是多余的",
            ))
        }
        _ => None,
    }
}

/// Whether `text` begins with a field's name and its colon (`year: `): a missing comma before
/// it, not a unit.
fn begins_a_field(text: &str) -> bool {
    let name_end = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    name_end > 0 && text[name_end..].trim_start().starts_with(':')
}

/// Where a text left open begins, when the parse error at the 1-based (`line`, `col`) of `text`
/// follows one: the string just before it ends with a field's name and colon (`"Beta Park, zh: "`,
/// `"s2),\n  (metric: "`), as a string that ran on to the next text's opening quote does. Its
/// opening quote's 1-based line and column, and the field name it took in.
fn unclosed_text(text: &str, line: usize, col: usize) -> Option<(usize, usize, String)> {
    let (end_line, end_col) = end_of_previous_token(text, line, col)?;
    let line_start = if end_line <= 1 { 0 } else { text.match_indices('\n').nth(end_line - 2)?.0 + 1 };
    let end =
        line_start + text.get(line_start..)?.chars().take(end_col.saturating_sub(1)).map(char::len_utf8).sum::<usize>();
    let before = text.get(..end)?.strip_suffix('"')?;
    // The opening quote: the last one before, not escaped.
    let open = before.char_indices().rev().find(|&(i, c)| c == '"' && !before[..i].ends_with('\\'))?.0;
    let body = before.get(open + 1..)?.trim_end().strip_suffix(':')?;
    let field_start = body.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let field = body.get(field_start..)?;
    // A field begins after a comma or an opening bracket; a text that merely ends in a word and
    // a colon ("as stated in:") is no sign of one left open.
    let after_separator = body.get(..field_start)?.trim_end().ends_with([',', '(']);
    if field.is_empty() || field.starts_with(|c: char| c.is_ascii_digit()) || !after_separator {
        return None;
    }
    let open_line = text[..open].matches('\n').count() + 1;
    let open_col = text[..open].rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    Some((open_line, open_col, field.to_owned()))
}

/// The 1-based line and column just after the last character of RON before the 1-based
/// (`line`, `col`) of `text`, passing over blanks, `//` comments and `/* … */` comments (nested,
/// as RON allows); a `//` or `/*` inside a quoted string, as in a web address, is not one, and a
/// string may span lines. Read from the start of the text, so that what is a comment and what a
/// string is known. `None` when there is no RON before, or when the place lies inside a string
/// or comment, or past a raw string (`r#"…"#`) this reading does not follow: the parser's own
/// place is then the one to show.
fn end_of_previous_token(text: &str, line: usize, col: usize) -> Option<(usize, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Code,
        /// In a string (closed by `"`) or a character (closed by `'`).
        Quoted {
            close: char,
            escaped: bool,
        },
        LineComment,
        BlockComment {
            depth: usize,
        },
    }
    let mut state = State::Code;
    let mut end = None;
    let (mut at_line, mut at_col) = (1, 1);
    let mut chars = text.chars().peekable();
    let mut previous = '\n';
    while let Some(c) = chars.next() {
        if (at_line, at_col) >= (line, col) {
            break;
        }
        let next = chars.peek().copied();
        // Whether `c` is part of a token: a comment's and a blank's characters are not.
        let mut token = false;
        let mut skip_next = false;
        state = match state {
            State::Code => match (c, next) {
                ('/', Some('/')) => State::LineComment,
                ('/', Some('*')) => {
                    skip_next = true;
                    State::BlockComment { depth: 1 }
                }
                ('"' | '\'', _) => {
                    token = true;
                    State::Quoted { close: c, escaped: false }
                }
                // A raw string's end is told by its hashes, which this reading does not count.
                ('r', Some('"' | '#')) if !(previous.is_alphanumeric() || previous == '_') => return None,
                _ => {
                    token = !c.is_whitespace();
                    State::Code
                }
            },
            State::Quoted { close, escaped } => {
                token = true;
                match c {
                    _ if escaped => State::Quoted { close, escaped: false },
                    '\\' => State::Quoted { close, escaped: true },
                    _ if c == close => State::Code,
                    _ => State::Quoted { close, escaped: false },
                }
            }
            State::LineComment if c == '\n' => State::Code,
            State::LineComment => State::LineComment,
            State::BlockComment { depth } => match (c, next) {
                ('*', Some('/')) if depth == 1 => {
                    skip_next = true;
                    State::Code
                }
                ('*', Some('/')) => {
                    skip_next = true;
                    State::BlockComment { depth: depth - 1 }
                }
                ('/', Some('*')) => {
                    skip_next = true;
                    State::BlockComment { depth: depth + 1 }
                }
                _ => State::BlockComment { depth },
            },
        };
        if token {
            end = Some((at_line, at_col + 1));
        }
        let mut advance = |c: char| {
            if c == '\n' {
                (at_line, at_col) = (at_line + 1, 1);
            } else {
                at_col += 1;
            }
        };
        advance(c);
        previous = c;
        if skip_next && let Some(c) = chars.next() {
            advance(c);
            previous = c;
        }
    }
    (state == State::Code).then_some(end).flatten()
}

/// What the RON parser found wrong, in both languages: the common errors of a hand-edited file
/// said in Chinese with the same facts (field names, what was expected), the rare ones in the
/// parser's English words.
fn syntax_message(code: &ron::Error) -> Text {
    use ron::Error as E;
    // Names as the file writes them; in the Chinese lists joined with 、.
    let names = |names: &[&str]| names.join("、");
    let within = |outer: &Option<String>| outer.as_ref().map(|o| format!("{o} 中")).unwrap_or_default();
    let zh = match code {
        E::Eof => "文件意外结束：可能缺少右括号或引号，或文件不完整（复制或保存被中断）".to_owned(),
        E::ExpectedComma => "缺少逗号".to_owned(),
        E::ExpectedArray => "此处应为左方括号 [".to_owned(),
        E::ExpectedArrayEnd => "此处应为右方括号 ]".to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike("") => "此处应为左括号 (".to_owned(),
        E::ExpectedNamedStructLike(name) => format!("此处应为 {name} 的左括号 ("),
        E::ExpectedDifferentStructName { expected, found } => format!("此处应为 {expected}，而不是 {found}"),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => "此处应为右括号 )".to_owned(),
        E::ExpectedMapColon => "此处应为冒号".to_owned(),
        E::ExpectedBoolean => "此处应为 true 或 false".to_owned(),
        E::ExpectedFloat => "此处应为数字".to_owned(),
        E::ExpectedInteger => "此处应为整数".to_owned(),
        E::ExpectedString => "此处应为用英文双引号括起的文字".to_owned(),
        E::ExpectedStringEnd => "文字缺少结尾的英文双引号".to_owned(),
        E::ExpectedOption => "此处应为 Some(…) 或 None".to_owned(),
        E::ExpectedIdentifier => "此处应为字段名".to_owned(),
        E::SuggestRawIdentifier(found) => format!("此处应为字段名，而不是“{found}”"),
        E::UnexpectedChar(c) => format!("意外的字符“{c}”"),
        E::TrailingCharacters => "数据结束后还有多余的内容".to_owned(),
        E::ExceededRecursionLimit => format!("嵌套超过 {RECURSION_LIMIT} 层"),
        E::NoSuchStructField { expected, found, outer } => {
            format!("{}未知的字段“{found}”，可用的字段有 {}", within(outer), names(expected))
        }
        E::MissingStructField { field, outer } if outer.as_deref() == Some("Text") => {
            return message(
                format!(
                    "this text has no `{field}`: every text (a name, unit, description, event, place, …) needs both \
                     `en` (English) and `zh` (Chinese), as (en: \"…\", zh: \"…\"); without a Chinese text, repeat \
                     the English one in `zh`"
                ),
                format!(
                    "此文字缺少“{field}”：每段文字（名称、单位、说明、事件、地点等）都须同时有 `en`（英文）和 \
                     `zh`（中文），写作 (en: \"…\", zh: \"…\")；没有中文时，可在 `zh` 中重复英文"
                ),
            );
        }
        E::MissingStructField { field, outer } => {
            // The parser's "Unexpected missing field" reads as if the field were the surprise.
            let of = outer.as_ref().map(|o| format!(" from this `{o}`")).unwrap_or_default();
            let said =
                message(format!("the field `{field}` is missing{of}"), format!("{}缺少字段“{field}”", within(outer)));
            // A figure, milestone or link without its source is the slip the data rules forbid.
            if *field == "source" {
                return message(
                    format!(
                        "{}: every figure, milestone, industry and name the file states names its source, as source: \"…\" with the id of one of the file's `sources`",
                        said.en
                    ),
                    format!(
                        "{}：文件所述的每个数据、大事记、产业和名称都须注明来源，写作 source: \"…\"，取文件 `sources` 中某一来源的 id",
                        said.zh
                    ),
                );
            }
            return said;
        }
        E::DuplicateStructField { field, outer } => format!("{}字段“{field}”出现了两次", within(outer)),
        E::NoSuchEnumVariant { expected, found, outer } => {
            format!("{}未知的取值“{found}”，可用的取值有 {}", within(outer), names(expected))
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("元素个数不对：应为 {expected}，实际有 {found} 个")
        }
        // Rare in a hand-edited file: the parser's own words, after the Chinese place.
        _ => code.to_string(),
    };
    // Where the parser's English leaves out what to write, the same facts as the Chinese.
    let en = match code {
        E::Eof => "the file ends too soon: a closing bracket or quote may be missing, or the file was cut short \
             (an interrupted copy or save)"
            .to_owned(),
        E::ExpectedOption => "expected Some(…) or None here".to_owned(),
        E::ExpectedString => "expected a text in straight double quotes here (\"…\", not “…”)".to_owned(),
        E::ExpectedBoolean => "expected true or false here".to_owned(),
        // The parser's advice, a raw identifier `r#3`, fits no file of the app's.
        E::SuggestRawIdentifier(found) => format!("a field's name is expected here, not “{found}”"),
        E::ExpectedStructLike | E::ExpectedNamedStructLike("") => "expected an opening ( here".to_owned(),
        E::ExpectedNamedStructLike("Text") => "expected a text here, written (en: \"…\", zh: \"…\")".to_owned(),
        E::ExpectedNamedStructLike(name) => format!("expected the opening ( of a {name} here"),
        E::ExpectedDifferentStructName { expected: "Text", found } => {
            format!("expected a text here, written (en: \"…\", zh: \"…\"), not “{found}”")
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected a {expected}, written (…), here, not “{found}”")
        }
        _ => code.to_string(),
    };
    // A field or value a letter off ("unti", "preliminary" for Preliminary): which one.
    let guess = match code {
        E::NoSuchStructField { expected, found, .. } | E::NoSuchEnumVariant { expected, found, .. } => {
            super::validate::did_you_mean(found, expected.iter().copied())
        }
        _ => Text { en: String::new(), zh: String::new() },
    };
    Text { en: en + &guess.en, zh: zh + &guess.zh }
}

/// Adds to each problem of an item of `text` where the item begins, as a syntax error says it:
/// the path alone makes a reader count list items from zero. The problems are put in the order
/// of their places, so a user mends the file from top to bottom.
pub(super) fn add_places(text: &str, problems: &mut [Problem]) {
    problems.sort_by_cached_key(|problem| match problem {
        Problem::Invalid { path, .. } => super::locate::locate(text, path),
        Problem::Syntax { .. } | Problem::Unreadable { .. } => None,
    });
    for problem in problems {
        if let Problem::Invalid { path, message } = problem
            && let Some((line, col)) = super::locate::locate(text, path)
        {
            message.en = format!("{} (line {line}, column {col})", message.en);
            message.zh = format!("{}（第 {line} 行第 {col} 列）", message.zh);
        }
    }
}

/// Parses and validates a dataset. `file` names the text's origin in messages.
///
/// Returns all problems at once: one syntax error (parsing stops there), or every rule broken by
/// a file that parsed. Never panics, whatever the input.
pub fn load_dataset(text: &str, file: &str) -> Result<Dataset, LoadErrors> {
    let text = &with_line_feeds(text);
    let mut dataset: Dataset = parse_ron(text, file)?;
    let mut problems = validate(&dataset);
    if !problems.is_empty() {
        add_places(text, &mut problems);
        return Err(LoadErrors { file: file.to_owned(), problems });
    }
    dataset.build_index();
    Ok(dataset)
}

/// `text` with its lines ended by line feeds where it has carriage returns alone (the old Mac
/// way, which some exporters still write): read as they were, the whole file was one line, a
/// comment on the first running to its end.
pub(crate) fn with_line_feeds(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') && !text.contains('\n') { text.replace('\r', "\n").into() } else { text.into() }
}

/// Reads and loads a dataset file. A missing or unreadable file and text that is not UTF-8 are
/// reported like any other problem, with the file's path.
pub fn load_dataset_file(path: &Path) -> Result<Dataset, LoadErrors> {
    let file = path.display().to_string();
    let bytes = read_data_file(path)
        .map_err(|message| LoadErrors { file: file.clone(), problems: vec![Problem::Unreadable { message }] })?;
    load_dataset_bytes(&bytes, &file)
}

/// Loads a dataset from raw bytes; invalid UTF-8 is a syntax problem at its line and column.
pub fn load_dataset_bytes(bytes: &[u8], file: &str) -> Result<Dataset, LoadErrors> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_dataset(text, file),
        Err(err) => {
            let valid = bytes.get(..err.valid_up_to()).unwrap_or_default();
            #[expect(clippy::naive_bytecount, reason = "runs once on a broken file; not worth a crate")]
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(valid.get(line_start..).unwrap_or_default()).chars().count() + 1;
            // A dataset edited in a Chinese Windows editor may have been saved in its "ANSI"
            // encoding: say so, and how to mend it, rather than only where it breaks.
            // Bytes that stop in the middle of a character at the very end: the file was cut
            // short, not saved in another encoding.
            let message = if err.error_len().is_none() {
                message(
                    "the file ends in the middle of a character: it looks cut short (an interrupted copy, download \
                     or save); open the whole file again",
                    "文件在一个字符的中途结束，看来不完整（复制、下载或保存被中断）：请重新取得完整的文件",
                )
            } else if super::tables::reads_as_chinese(bytes) {
                message(
                    "the file is not valid UTF-8 text; it reads as Chinese text in GB18030 (GBK, \"ANSI\" on \
                     Chinese Windows): save it again as UTF-8",
                    "文件不是有效的 UTF-8 文本；它看来是 GB18030（GBK，中文 Windows 的“ANSI”）编码的中文：\
                     请另存为 UTF-8",
                )
            } else {
                message(
                    "the file is not valid UTF-8 text (perhaps saved as \"ANSI\", Latin-1 or Windows-1252): \
                     save it again as UTF-8",
                    "文件不是有效的 UTF-8 文本（可能以“ANSI”、Latin-1 或 Windows-1252 编码保存）：请另存为 UTF-8",
                )
            };
            Err(LoadErrors { file: file.to_owned(), problems: vec![Problem::Syntax { line, col, message }] })
        }
    }
}
