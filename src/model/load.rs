//! Turning the text of a dataset file into a validated [`Dataset`], or into every problem found,
//! and the one way every RON file of the app (dataset, map, slides) is parsed.

use std::fmt;
use std::path::Path;

use super::Dataset;
use super::validate::validate;

/// Largest nesting depth accepted in any RON file; deeper input is rejected before it can
/// exhaust the stack.
pub const RECURSION_LIMIT: usize = 64;

/// One thing wrong with a dataset file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text is not valid RON for a dataset. Line and column are 1-based.
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        col: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// The file could not be read at all.
    Unreadable {
        /// Why, as the operating system said it.
        message: String,
    },
    /// The file parsed, but an item breaks a rule.
    Invalid {
        /// Where the item is, e.g. `parks[3] "haidian" → observations[2]`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax { line, col, message } => write!(f, "{line}:{col}: {message}"),
            Self::Unreadable { message } => write!(f, " cannot be read: {message}"),
            Self::Invalid { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

/// Every problem found in one dataset file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadErrors {
    /// The file as the user named it, or a label such as `embedded data/zgc.ron`.
    pub file: String,
    /// The problems: duplicate ids first, then item by item in the order of the file's lists;
    /// never empty.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match problem {
                Problem::Unreadable { .. } => write!(f, "{}{problem}", self.file)?,
                _ => write!(f, "{}:{problem}", self.file)?,
            }
        }
        Ok(())
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
    // A byte order mark (some Windows editors write one) is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    options.from_str(text).map_err(|err| LoadErrors {
        file: file.to_owned(),
        problems: vec![Problem::Syntax {
            line: err.span.start.line,
            col: err.span.start.col,
            message: err.code.to_string(),
        }],
    })
}

/// Adds to each problem of an item of `text` where the item begins, as a syntax error says it:
/// the path alone makes a reader count list items from zero.
pub(super) fn add_places(text: &str, problems: &mut [Problem]) {
    for problem in problems {
        if let Problem::Invalid { path, message } = problem
            && let Some((line, col)) = super::locate::locate(text, path)
        {
            *message = format!("{message} (line {line}, column {col})");
        }
    }
}

/// Parses and validates a dataset. `file` names the text's origin in messages.
///
/// Returns all problems at once: one syntax error (parsing stops there), or every rule broken by
/// a file that parsed. Never panics, whatever the input.
pub fn load_dataset(text: &str, file: &str) -> Result<Dataset, LoadErrors> {
    let mut dataset: Dataset = parse_ron(text, file)?;
    let mut problems = validate(&dataset);
    if !problems.is_empty() {
        add_places(text, &mut problems);
        return Err(LoadErrors { file: file.to_owned(), problems });
    }
    dataset.build_index();
    Ok(dataset)
}

/// Reads and loads a dataset file. A missing or unreadable file and text that is not UTF-8 are
/// reported like any other problem, with the file's path.
pub fn load_dataset_file(path: &Path) -> Result<Dataset, LoadErrors> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|err| LoadErrors {
        file: file.clone(),
        problems: vec![Problem::Unreadable { message: err.to_string() }],
    })?;
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
            let message = if super::tables::reads_as_chinese(bytes) {
                "the file is not valid UTF-8 text; it reads as Chinese text in GB18030 (GBK, \"ANSI\" on Chinese \
                 Windows): save it again as UTF-8"
            } else {
                "the file is not valid UTF-8 text"
            };
            Err(LoadErrors {
                file: file.to_owned(),
                problems: vec![Problem::Syntax { line, col, message: message.to_owned() }],
            })
        }
    }
}
