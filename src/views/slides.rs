//! The slide list: save the current view as a slide, show, rename, reorder and delete slides.

use egui::{RichText, Ui};

use crate::i18n::strings;
use crate::model::Language;
use crate::state::Command;
use crate::state::slides::SlideDeck;

/// Draws the slide list. Titles and notes are edited in place, and reported once the user
/// leaves the field (so the file is written once per edit, not per keystroke); everything else
/// is reported as a command.
pub fn slides_ui(
    ui: &mut Ui,
    deck: &mut SlideDeck,
    current: Option<usize>,
    new_title: &mut String,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let s = strings(language);
    egui::CollapsingHeader::new(RichText::new(format!("{} ({})", s.slides, deck.slides.len())).strong())
        .id_salt("slides")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(s.slide_title);
                ui.add(egui::TextEdit::singleline(new_title).hint_text(s.slide_title_hint).desired_width(130.0))
                    .labelled_by(label.id);
            });
            if ui.button(s.save_view).clicked() {
                commands.push(Command::SaveSlide);
            }
            let count = deck.slides.len();
            for (i, slide) in deck.slides.iter_mut().enumerate() {
                ui.push_id(("slide", i), |ui| {
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(current == Some(i), format!("{}.", i + 1))
                            .on_hover_text(s.show_slide)
                            .clicked()
                        {
                            commands.push(Command::ShowSlide(i));
                        }
                        let title = ui.add(egui::TextEdit::singleline(&mut slide.title).desired_width(120.0));
                        if title.on_hover_text(s.rename_slide).lost_focus() {
                            commands.push(Command::SlidesEdited);
                        }
                        if ui.add_enabled(i > 0, egui::Button::new("↑").small()).on_hover_text(s.move_up).clicked() {
                            commands.push(Command::MoveSlide(i, -1));
                        }
                        if ui
                            .add_enabled(i + 1 < count, egui::Button::new("↓").small())
                            .on_hover_text(s.move_down)
                            .clicked()
                        {
                            commands.push(Command::MoveSlide(i, 1));
                        }
                        if ui.small_button("×").on_hover_text(s.delete_slide).clicked() {
                            commands.push(Command::DeleteSlide(i));
                        }
                    });
                    if current == Some(i) {
                        let takeaway =
                            egui::TextEdit::multiline(&mut slide.takeaway).hint_text(s.takeaway_hint).desired_rows(1);
                        if ui.add(takeaway).lost_focus() {
                            commands.push(Command::SlidesEdited);
                        }
                        let notes = egui::TextEdit::multiline(&mut slide.notes).hint_text(s.notes_hint).desired_rows(2);
                        if ui.add(notes).lost_focus() {
                            commands.push(Command::SlidesEdited);
                        }
                    }
                });
            }
        });
}
