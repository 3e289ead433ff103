//! The keyboard and dropped files: shortcuts become state actions and app commands, like a
//! click on the matching control.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::ParkApp;
use crate::state::{Action, Command, ImageSize};

impl ParkApp {
    /// Reads this frame's keys and dropped files.
    pub(super) fn keyboard_input(&self, ui: &Ui, actions: &mut Vec<Action>, commands: &mut Vec<Command>) {
        let shortcuts = [
            (Key::F, Command::FocusSearch),
            (Key::O, Command::OpenDialog),
            (Key::R, Command::Reload),
            (Key::E, Command::ExportPng(ImageSize::Window)),
        ];
        for (key, command) in shortcuts {
            if ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key))) {
                commands.push(command);
            }
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F5)) {
            commands.push(Command::TogglePresentation);
        }
        let typing = ui.memory(|m| m.focused().is_some());
        let question = !typing && ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "?")));
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1)) || question {
            commands.push(Command::ToggleCheatSheet);
        }
        if self.presentation.active {
            presentation_keys(ui, commands);
            return;
        }
        // A dropped file is opened like one picked in the dialog, which refuses what is not a
        // dataset with a notice.
        let dropped: Vec<std::path::PathBuf> = ui.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            commands.push(Command::OpenFile(path));
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            if self.show_keys {
                commands.push(Command::ToggleCheatSheet);
            } else {
                actions.push(Action::ClearSearchThenFilters);
            }
        }
        // Arrows and Space belong to a focused widget (typing a space in the search box).
        if typing {
            return;
        }
        for (key, step) in [(Key::ArrowDown, 1), (Key::ArrowUp, -1)] {
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                actions.push(Action::StepSelection(step));
                commands.push(Command::ScrollToSelected);
            }
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space)) {
            actions.push(Action::TogglePinSelected);
        }
    }
}

/// Keys while presenting: what presentation clickers send, arrows, digits, notes, Esc.
fn presentation_keys(ui: &Ui, commands: &mut Vec<Command>) {
    let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if pressed(Key::Escape) {
        commands.push(Command::LeavePresentation);
    }
    if pressed(Key::PageDown) || pressed(Key::ArrowRight) || pressed(Key::Space) {
        commands.push(Command::StepSlide(1));
    }
    if pressed(Key::PageUp) || pressed(Key::ArrowLeft) {
        commands.push(Command::StepSlide(-1));
    }
    if pressed(Key::N) {
        commands.push(Command::ToggleNotes);
    }
    let digits = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];
    for (i, key) in digits.into_iter().enumerate() {
        if pressed(key) {
            commands.push(Command::ShowSlide(i));
        }
    }
}
