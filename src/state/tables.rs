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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tables::read_table_bytes;
    use crate::model::tests::small_dataset;

    fn preview(table: &str) -> TablePreview {
        let table = read_table_bytes(table.as_bytes(), "/tmp/figures.csv", Some("csv"));
        let outcome = small_dataset().with_tables(&[table]).map(|(_, report)| report);
        TablePreview { path: PathBuf::from("/tmp/figures.csv"), outcome }
    }

    #[test]
    fn a_preview_counts_what_adding_would_do_and_names_its_file() {
        // Gamma's area is new; alpha's 2012 area of 26.1 from s1 repeats; 27 differs from it.
        let ok = preview(
            "park_id,metric_id,year,value,source_id\n\
             gamma,planned_area,2019,5,s1\nalpha,planned_area,2012,26.1,s1\nalpha,planned_area,2012,27,s2\n",
        );
        assert!(ok.can_add());
        assert_eq!(ok.counts(), (1, 1, 1));
        assert_eq!(ok.file_name(), "figures.csv");
        let broken = preview("park_id,metric_id,year,value,source_id\natlantis,planned_area,2019,5,s1\n");
        assert!(!broken.can_add());
        assert_eq!(broken.counts(), (0, 0, 0), "a table that cannot be added adds nothing");
    }
}
