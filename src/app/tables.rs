//! Figure tables the user adds to the open dataset: preview, add, remove. The tables are
//! remembered for the dataset (in the saved UI state), loaded with it every time and watched
//! like it; the dataset file is never written.

use std::path::{Path, PathBuf};

use super::ParkApp;
use crate::i18n::strings;
use crate::model::tables::{TABLE_EXTENSIONS, read_table};
use crate::state::tables::TablePreview;

/// Whether `path` names a figure table (by its extension).
pub fn is_table_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| TABLE_EXTENSIONS.contains(&e.to_lowercase().as_str()))
}

impl ParkApp {
    /// Reads the table at `path` and checks it against the open dataset, for the preview.
    pub fn preview_table(&mut self, path: PathBuf) {
        let Some(dataset) = &self.dataset else {
            self.tell(|language| strings(language).no_dataset_for_table.to_owned());
            return;
        };
        let outcome = dataset.clone().with_tables(&[read_table(&path)]).map(|(_, report)| report);
        self.table_preview = Some(TablePreview { path, outcome });
    }

    /// The table being previewed, if any.
    pub fn table_preview(&self) -> Option<&TablePreview> {
        self.table_preview.as_ref()
    }

    /// Adds the previewed table to the open dataset and remembers it for that dataset.
    pub fn add_previewed_table(&mut self) {
        let Some(preview) = self.table_preview.take().filter(TablePreview::can_add) else { return };
        let tables = self.state.added_tables.entry(self.origin_key.clone()).or_default();
        if !tables.contains(&preview.path) {
            tables.push(preview.path.clone());
        }
        // Its conflicts are told by the notice below, as the preview counted them, not again
        // as values the table "now" gives.
        if let Ok(report) = &preview.outcome {
            self.table_conflicts.extend(report.conflicts.iter().cloned());
        }
        self.reload();
        self.watch();
        if self.load_error.is_some() {
            // The table changed between the preview and now: its problems are shown instead.
            return;
        }
        let (added, repeats, conflicts) = preview.counts();
        let sources = preview.outcome.as_ref().map_or(0, |report| report.sources_added);
        // Done as asked, unless the table's values conflict with the dataset's.
        self.tell_done_if(conflicts == 0, |language| {
            let s = strings(language);
            let counts = [(added, s.rows_added), (repeats, s.rows_repeat), (conflicts, s.rows_conflict)]
                .iter()
                .chain([(sources, s.table_sources_added)].iter())
                .filter(|(n, _)| *n > 0)
                .map(|(n, words)| words.for_count(*n).replace("{n}", &crate::format::format_count(*n)))
                .collect::<Vec<_>>()
                .join(" · ");
            // A table of sources alone adds no row: say the file was added all the same.
            let counts = if counts.is_empty() { s.rows_added.other.replace("{n}", "0") } else { counts };
            s.table_added.replace("{file}", &preview.file_name()).replace("{n}", &counts)
        });
    }

    /// Stops adding `path` to the open dataset and loads it without it.
    pub fn remove_table(&mut self, path: &Path) {
        let key = self.origin_key.clone();
        if let Some(tables) = self.state.added_tables.get_mut(&key) {
            tables.retain(|p| p != path);
            if tables.is_empty() {
                self.state.added_tables.remove(&key);
            }
        }
        self.reload();
        self.watch();
    }

    /// The tables the user added to the open dataset, for the File menu.
    pub fn added_tables(&self) -> Vec<PathBuf> {
        self.added_tables_of(&self.origin)
    }
}
