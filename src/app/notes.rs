//! The speaker notes while presenting, in a window of their own (N opens and closes it): on
//! the slide they were shown to the room. On an extended display the window can be moved to
//! the presenter's own screen; on a mirrored one the room sees it as well. It opens without
//! taking the keyboard, and the show's keys work in it as in the slide's window. Where the
//! system has no second window (a test harness), it is a window over the slide.
//!
//! The window is drawn by eframe in its own frames (a deferred viewport): the slide's window
//! may draw a frame in several passes, and a window drawn within each pass would be presented
//! as many times. What it shows and the keys pressed in it pass through [`NotesShared`].

use std::sync::{Arc, Mutex, PoisonError};

use egui::RichText;

use super::ParkApp;
use super::keys::presenting_command;
use crate::i18n::strings;
use crate::state::Command;

/// What the notes' window shows, written by the slide's window each frame it changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct NotesShown {
    /// The window's title.
    title: String,
    /// "3 / 7 · Title", or why there is no slide.
    heading: String,
    /// The slide's notes, or the words for none.
    notes: String,
    /// Whether `notes` are the words for none (shown weak).
    no_notes: bool,
    /// "Next: Title", or the words for the last slide.
    next: String,
}

/// What the two windows share: what the notes show, and what was asked in the notes' window.
#[derive(Debug, Default)]
pub(super) struct NotesShared {
    shown: NotesShown,
    asked: Vec<Command>,
}

/// The notes' window's handle: shared with the closure eframe calls to draw it.
pub(super) type Notes = Arc<Mutex<NotesShared>>;

/// Size of the notes' window when it opens, in points.
const NOTES_WINDOW_SIZE: [f32; 2] = [520.0, 360.0];

impl ParkApp {
    /// Shows the speaker notes' window while presenting with the notes asked for, and takes
    /// in what was asked in it (the show's keys, its close button).
    pub(super) fn speaker_notes_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !(self.presentation.active && self.presentation.show_notes) {
            return;
        }
        let id = egui::ViewportId::from_hash_of("speaker_notes");
        let shown = self.notes_shown();
        {
            let mut shared = self.notes.lock().unwrap_or_else(PoisonError::into_inner);
            commands.append(&mut shared.asked);
            if shared.shown != shown {
                shared.shown = shown.clone();
                ctx.request_repaint_of(id);
            }
        }
        let builder = egui::ViewportBuilder::default()
            .with_title(shown.title)
            .with_inner_size(NOTES_WINDOW_SIZE)
            .with_active(false);
        let notes = Arc::clone(&self.notes);
        ctx.show_viewport_deferred(id, builder, move |ui, class| notes_window_ui(ui, class, &notes));
    }

    /// What the notes' window shows now, in the window's language.
    fn notes_shown(&self) -> NotesShown {
        let s = strings(self.state.language);
        let show = &self.slides.show;
        let count = show.deck.slides.len();
        let Some((i, slide)) = show.current.zip(show.current_slide()) else {
            return NotesShown {
                title: s.notes_hint.to_owned(),
                heading: s.no_slides.to_owned(),
                ..NotesShown::default()
            };
        };
        let counter = s.slide_of.replace("{i}", &(i + 1).to_string()).replace("{n}", &count.to_string());
        let name = self.slide_name(i).unwrap_or_default();
        let notes = slide.notes.trim();
        NotesShown {
            title: s.notes_hint.to_owned(),
            heading: format!("{counter} · {name}"),
            notes: if notes.is_empty() { s.notes_none.to_owned() } else { notes.to_owned() },
            no_notes: notes.is_empty(),
            next: self
                .slide_name(i + 1)
                .map_or_else(|| s.notes_last.to_owned(), |next| s.notes_next.replace("{title}", &next)),
        }
    }
}

/// Draws the notes' window from `notes`, and leaves there what is asked in it: the show's keys
/// pressed while it has the keyboard, and closing it (which hides the notes).
fn notes_window_ui(ui: &mut egui::Ui, class: egui::ViewportClass, notes: &Notes) {
    let shown = notes.lock().unwrap_or_else(PoisonError::into_inner).shown.clone();
    let mut asked = Vec::new();
    if ui.input(|input| input.viewport().close_requested()) {
        asked.push(Command::ToggleNotes);
    }
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(RichText::new(&shown.heading).strong());
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink(false).max_height(ui.available_height() * 0.8).show(ui, |ui| {
            let text = RichText::new(&shown.notes);
            ui.label(if shown.no_notes { text.weak() } else { text });
        });
        ui.separator();
        ui.weak(&shown.next);
    });
    // A window over the slide has the slide's keys, read there already.
    if class != egui::ViewportClass::EmbeddedWindow {
        asked.extend(presenting_command(ui));
    }
    if !asked.is_empty() {
        notes.lock().unwrap_or_else(PoisonError::into_inner).asked.extend(asked);
        ui.ctx().request_repaint_of(egui::ViewportId::ROOT);
    }
}
