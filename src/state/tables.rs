//! A figure table dropped on the window, checked against the open dataset before the user adds
//! it: plain data for the preview to draw.

use std::path::PathBuf;

use crate::model::LoadErrors;
use crate::model::tables::{MergeReport, RowOutcome};

/// What adding a table would do, or why it cannot be added.
#[derive(Clone, Debug, PartialEq)]
pub struct TablePreview {
    /// The table file.
    pub path: PathBuf,
    /// The rows' outcomes and warnings, or every problem at its cell.
    pub outcome: Result<MergeReport, LoadErrors>,
}

impl TablePreview {
    /// How many rows would add a figure, repeat one, or conflict with one; zeros for a table
    /// that cannot be added.
    pub fn counts(&self) -> (usize, usize, usize) {
        match &self.outcome {
            Ok(report) => (
                report.count(RowOutcome::Added),
                report.count(RowOutcome::Repeats),
                report.count(RowOutcome::Conflicts),
            ),
            Err(_) => (0, 0, 0),
        }
    }

    /// Whether the table can be added: it has no problem.
    pub fn can_add(&self) -> bool {
        self.outcome.is_ok()
    }

    /// The file's name, as the preview and notices show it.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }
}
