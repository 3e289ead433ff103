//! The slide list: save the current view as a slide, show, rename, reorder and delete slides.

use egui::{RichText, Ui};

use crate::i18n::strings;
use crate::model::Language;
use crate::state::Command;
use crate::state::slides::SlideDeck;
use crate::views::focus::outline_if_focused;
use crate::views::widgets::hover::{hover_text, hover_ui};

/// Draws the slide list; the save button's tooltip gives its shortcut, and Enter in the new
/// slide's title field saves it too. Titles and notes are edited in place: typing is reported as
/// it happens, and the edit once the user leaves the field (so the file is written once per
/// edit, not per keystroke); everything else is reported as a command. `name_slide`: a slide
/// just saved without a title, whose title field takes the keyboard (typed into the window, a
/// title's spaces pinned and unpinned the selected park).
pub fn slides_ui(
    ui: &mut Ui,
    (deck, names): (&mut SlideDeck, &[String]),
    (current, name_slide): (Option<usize>, Option<usize>),
    (new_title, save_shortcut): (&mut String, impl Fn() -> String),
    language: Language,
    commands: &mut Vec<Command>,
) {
    let s = strings(language);
    let section = egui::CollapsingHeader::new(RichText::new(format!("{} ({})", s.slides, deck.slides.len())).strong())
        .id_salt("slides")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(s.slide_title);
                let field =
                    ui.add(egui::TextEdit::singleline(new_title).hint_text(s.slide_title_hint).desired_width(130.0));
                if field.labelled_by(label.id).lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
                    commands.push(Command::SaveSlide);
                }
            });
            if hover_ui(ui.button(s.save_view), |ui| _ = ui.label(save_shortcut())).clicked() {
                commands.push(Command::SaveSlide);
            }
            let count = deck.slides.len();
            for (i, slide) in deck.slides.iter_mut().enumerate() {
                ui.push_id(("slide", i), |ui| {
                    let mut tab_to_takeaway = false;
                    ui.horizontal(|ui| {
                        if hover_text(ui.selectable_label(current == Some(i), format!("{}.", i + 1)), || s.show_slide)
                            .clicked()
                        {
                            commands.push(Command::ShowSlide(i));
                        }
                        // A slide shows its title, or when untitled the name it goes by (its
                        // view's title), cut to the field and whole on hover: two titles alike in
                        // their first words read the same in the field.
                        // In this window's language: a title typed in the other one only is
                        // the name (and the hint of the empty field), until one is typed here.
                        let untitled = names.get(i).map_or("", String::as_str);
                        let own = slide.title_mut(language);
                        let shown = if own.trim().is_empty() { untitled.to_owned() } else { own.clone() };
                        let hint = if shown.is_empty() {
                            s.rename_slide.to_owned()
                        } else {
                            format!("{shown}\n{}", s.rename_slide)
                        };
                        // As wide as leaves room for the three buttons after it (in a narrow
                        // panel a fixed width pushed the × that deletes the slide out of sight),
                        // and as wide as a widened panel allows.
                        let width = (ui.available_width() - row_buttons_width(ui)).max(40.0);
                        let field_id = ui.make_persistent_id("slide_title");
                        let mut cut_unless_editing = |ui: &Ui, text: &dyn egui::TextBuffer, room: f32| {
                            title_layout(ui, text.as_str(), room, ui.memory(|m| m.has_focus(field_id)))
                        };
                        let title = ui.add(
                            egui::TextEdit::singleline(slide.title_mut(language))
                                .id(field_id)
                                .hint_text(untitled)
                                .desired_width(width)
                                .layouter(&mut cut_unless_editing),
                        );
                        if name_slide == Some(i) {
                            title.request_focus();
                        }
                        // Tab from the title goes on to the slide's takeaway, the next thing
                        // written, not to the row's buttons: a space typed next pressed ×.
                        tab_to_takeaway = current == Some(i)
                            && title.lost_focus()
                            && ui.input(|input| input.key_pressed(egui::Key::Tab) && input.modifiers.is_none());
                        report_edit(&hover_text(title, || hint).accessible_name(s.rename_slide), commands);
                        if hover_text(ui.add_enabled(i > 0, egui::Button::new("↑").small()), || s.move_up).clicked() {
                            commands.push(Command::MoveSlide(i, -1));
                        }
                        if hover_text(ui.add_enabled(i + 1 < count, egui::Button::new("↓").small()), || s.move_down)
                            .clicked()
                        {
                            commands.push(Command::MoveSlide(i, 1));
                        }
                        let delete_label = s.delete_slide.replace("{n}", &(i + 1).to_string());
                        let delete = hover_text(ui.small_button("×"), || &delete_label).accessible_name(delete_label);
                        // The second click of a double click, at the same place: after one
                        // delete the next slide's × is under the pointer, and must not go too.
                        if delete.clicked() && !delete.double_clicked() && !delete.triple_clicked() {
                            commands.push(Command::DeleteSlide(i));
                        }
                    });
                    if current == Some(i) {
                        // The other language's takeaway, where only it is typed, is what the
                        // slide shows: the empty field says so.
                        let other = slide.own_takeaway(language).map(str::to_owned);
                        let hint = other.unwrap_or_else(|| s.takeaway_hint.to_owned());
                        let takeaway =
                            egui::TextEdit::multiline(slide.takeaway_mut(language)).hint_text(hint).desired_rows(1);
                        // Named for screen readers by what the empty field shows.
                        let takeaway = ui.add(takeaway).accessible_name(s.takeaway_hint);
                        if tab_to_takeaway {
                            takeaway.request_focus();
                        }
                        report_edit(&takeaway, commands);
                        let notes = egui::TextEdit::multiline(&mut slide.notes).hint_text(s.notes_hint).desired_rows(2);
                        report_edit(&ui.add(notes).accessible_name(s.notes_hint), commands);
                    }
                });
            }
        });
    outline_if_focused(ui, &section.header_response);
}

/// The room a slide's row needs after its title field: the field's margins, and the ↑, ↓ and ×
/// buttons with the gaps between them.
fn row_buttons_width(ui: &Ui) -> f32 {
    let spacing = ui.spacing();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let glyphs: f32 = ["↑", "↓", "×"]
        .iter()
        .map(|text| ui.fonts_mut(|f| f.layout_no_wrap((*text).to_owned(), font.clone(), egui::Color32::WHITE).size().x))
        .sum();
    // Three buttons, each with its padding and the gap before it, and the field's own margins.
    glyphs + 3.0 * (2.0 * spacing.button_padding.x + spacing.item_spacing.x) + 2.0 * 4.0 + spacing.item_spacing.x
}

/// Reports typing into a slide's text field, and leaving it.
fn report_edit(field: &egui::Response, commands: &mut Vec<Command>) {
    if field.changed() {
        commands.push(Command::SlideTyped);
    }
    if field.lost_focus() {
        commands.push(Command::SlidesEdited);
    }
}

/// A slide title laid out in its field `room` wide: whole while it is being edited (the cursor
/// moves through all of it), else cut with "…" where it runs past the field, as a cut name is
/// everywhere else; a field cut a Chinese title mid-character, with nothing to say more
/// followed.
fn title_layout(ui: &Ui, title: &str, room: f32, editing: bool) -> std::sync::Arc<egui::Galley> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    // The line as tall as the field's own layouter makes it, so that the field keeps its height.
    let line_height = ui.fonts_mut(|fonts| fonts.row_height(&font)) + ui.spacing().extra_text_line_spacing;
    // The field paints the placeholder colour in its own text colour.
    let mut job = egui::text::LayoutJob::simple_singleline(title.to_owned(), font, egui::Color32::PLACEHOLDER);
    if !editing {
        job.wrap = egui::text::TextWrapping::truncate_at_width(room);
    }
    job.keep_trailing_whitespace = true;
    for section in &mut job.sections {
        section.format.line_height = Some(line_height);
    }
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}
