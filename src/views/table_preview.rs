//! The preview of a dropped figure table: what adding it would do (rows that add, repeat or
//! conflict with figures), the names that differ from the ids, or every cell that keeps it out.

use egui::RichText;

use crate::format::format_count;
use crate::i18n::strings;
use crate::model::{Language, Problem};
use crate::state::Command;
use crate::state::tables::TablePreview;

/// Draws the preview's contents (the app puts them in a dialog); reports adding or closing it.
pub fn table_preview_ui(ui: &mut egui::Ui, preview: &TablePreview, language: Language, commands: &mut Vec<Command>) {
    let s = strings(language);
    ui.set_max_width(640.0);
    ui.heading(s.table_preview.replace("{file}", &preview.file_name()));
    ui.label(RichText::new(preview.path.display().to_string()).weak().small());
    ui.add_space(6.0);
    match &preview.outcome {
        Ok(report) => {
            let (added, repeats, conflicts) = preview.counts();
            let rows =
                [(added, s.rows_added, false), (repeats, s.rows_repeat, false), (conflicts, s.rows_conflict, true)];
            // A table of sources alone: its sources, not three lines of zero rows.
            let sources_only = added + repeats + conflicts == 0 && report.sources_added > 0;
            for (count, words, is_conflict) in rows.into_iter().filter(|_| !sources_only) {
                let line = words.for_count(count).replace("{n}", &format_count(count));
                // Conflicts want a look before adding; the other rows are routine.
                let text = if count > 0 && is_conflict {
                    RichText::new(line).color(ui.visuals().warn_fg_color)
                } else {
                    RichText::new(line)
                };
                ui.label(text);
            }
            // A table of sources adds no row: what it adds is said, not three zeros alone.
            if report.sources_added > 0 {
                let n = report.sources_added;
                ui.label(s.table_sources_added.for_count(n).replace("{n}", &format_count(n)));
            }
            if !report.read_as_gb18030.is_empty() {
                ui.label(RichText::new(s.table_read_as_gb18030).color(ui.visuals().warn_fg_color));
            }
            // The heading names the file: each line starts at the cell.
            let file = format!("{}{}", preview.path.display(), if language == Language::Zh { "：" } else { ": " });
            let at_cells = |lines: &[crate::model::Text]| -> Vec<String> {
                let in_language = lines.iter().map(|line| line.get(language));
                in_language.map(|line| line.strip_prefix(&file).unwrap_or(line).to_owned()).collect()
            };
            if !report.conflicts.is_empty() {
                lines_ui(ui, "table_conflicts", &at_cells(&report.conflicts), ui.visuals().warn_fg_color);
            }
            if !report.warnings.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(s.table_warnings).strong());
                lines_ui(ui, "table_warnings", &at_cells(&report.warnings), ui.visuals().warn_fg_color);
            }
            ui.add_space(6.0);
            ui.label(RichText::new(s.table_add_hint).weak());
        }
        Err(errors) => {
            // A file that could not be read has no cells to fix.
            let unreadable = !errors.problems.is_empty()
                && errors.problems.iter().all(|problem| matches!(problem, Problem::Unreadable { .. }));
            let heading = if unreadable { s.table_unreadable } else { s.table_has_errors };
            ui.label(RichText::new(heading).strong().color(ui.visuals().error_fg_color));
            // The heading names the file: each line starts at the cell.
            let problems: Vec<String> = errors
                .problems
                .iter()
                .map(|problem| match problem {
                    Problem::Unreadable { .. } => format!("{}{}", preview.file_name(), problem.in_language(language)),
                    _ => problem.in_language(language),
                })
                .collect();
            lines_ui(ui, "table_errors", &problems, ui.visuals().error_fg_color);
        }
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.add_enabled(preview.can_add(), egui::Button::new(s.add_to_dataset)).clicked() {
            commands.push(Command::AddPreviewedTable);
        }
        if ui.button(s.cancel).clicked() {
            commands.push(Command::ClosePreview);
        }
    });
}

/// A scrolling list of message lines in `colour`.
fn lines_ui(ui: &mut egui::Ui, salt: &str, lines: &[String], colour: egui::Color32) {
    egui::ScrollArea::vertical().id_salt(salt).max_height(220.0).show(ui, |ui| {
        for line in lines {
            ui.label(RichText::new(line).monospace().color(colour));
        }
    });
}
