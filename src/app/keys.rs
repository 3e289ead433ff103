//! The keyboard and dropped files. Every shortcut is one row of [`SHORTCUTS`]: the key handler
//! reads the keys from it and the cheat sheet lists it, so the two cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::ParkApp;
use crate::i18n::Strings;
use crate::model::Language;
use crate::state::zoom::ZoomStep;
use crate::state::{Action, Command, ImageSize, Tab};

/// When a shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// Always.
    Any,
    /// While exploring (not presenting).
    Exploring,
    /// While presenting.
    Presenting,
}

/// What sets a shortcut off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Trigger {
    /// A key with modifiers.
    Key(Modifiers, Key),
    /// A typed character, whatever keys made it (`?` is Shift+/ on some keyboards, not others).
    Typed(&'static str),
    /// The digits 1 to 9, each with its number.
    Digits,
    /// Ctrl+= (or Ctrl++), Ctrl+- and Ctrl+0, each with its [`ZOOM_KEYS`] index.
    ZoomKeys,
    /// Handled by egui itself or by the widget that has focus; listed so the cheat sheet is
    /// complete.
    Builtin(&'static str),
}

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Does {
    Search,
    Open,
    Reload,
    ExportPng,
    TogglePresenting,
    ToggleKeyList,
    StepBack,
    PreviousPark,
    NextPark,
    PinSelected,
    LeavePresenting,
    NextSlide,
    PreviousSlide,
    JumpToSlide,
    FirstSlide,
    LastSlide,
    ToggleNotes,
    Zoom,
    CopyFocusedFigure,
    ShowTab(Tab),
    SaveSlide,
    RestoreOffered,
    ScrollRows,
    Quit,
}

/// Every shortcut, in the cheat sheet's order: when it works, its keys, what it does.
pub(super) const SHORTCUTS: &[(Mode, &[Trigger], Does)] = &[
    (Mode::Any, &[Trigger::Key(Modifiers::NONE, Key::F5)], Does::TogglePresenting),
    (Mode::Any, &[Trigger::Key(Modifiers::NONE, Key::F1), Trigger::Typed("?")], Does::ToggleKeyList),
    (Mode::Any, &[Trigger::Key(Modifiers::COMMAND, Key::Q)], Does::Quit),
    // At the desk only: a slide's text is sized to its screen (`update_presentation_look`).
    (Mode::Exploring, &[Trigger::ZoomKeys], Does::Zoom),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::F)], Does::Search),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::Num1)], Does::ShowTab(Tab::Table)),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::Num2)], Does::ShowTab(Tab::Compare)),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::Num3)], Does::ShowTab(Tab::Map)),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::M)], Does::SaveSlide),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::Z)], Does::RestoreOffered),
    (Mode::Exploring, &[Trigger::Key(Modifiers::NONE, Key::Escape)], Does::StepBack),
    (Mode::Exploring, &[Trigger::Key(Modifiers::NONE, Key::ArrowUp)], Does::PreviousPark),
    (Mode::Exploring, &[Trigger::Key(Modifiers::NONE, Key::ArrowDown)], Does::NextPark),
    (Mode::Exploring, &[Trigger::Key(Modifiers::NONE, Key::Space)], Does::PinSelected),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::O)], Does::Open),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::R)], Does::Reload),
    (Mode::Exploring, &[Trigger::Key(Modifiers::COMMAND, Key::E)], Does::ExportPng),
    (Mode::Exploring, &[Trigger::Builtin("Ctrl+C")], Does::CopyFocusedFigure),
    (Mode::Presenting, &[Trigger::Key(Modifiers::NONE, Key::Escape)], Does::LeavePresenting),
    (
        Mode::Presenting,
        &[
            Trigger::Key(Modifiers::NONE, Key::PageDown),
            Trigger::Key(Modifiers::NONE, Key::ArrowRight),
            Trigger::Key(Modifiers::NONE, Key::Space),
        ],
        Does::NextSlide,
    ),
    (
        Mode::Presenting,
        &[Trigger::Key(Modifiers::NONE, Key::PageUp), Trigger::Key(Modifiers::NONE, Key::ArrowLeft)],
        Does::PreviousSlide,
    ),
    // ↓/↑ are not a clicker's keys: they are left to scroll a slide's long table by a row.
    (
        Mode::Presenting,
        &[Trigger::Key(Modifiers::NONE, Key::ArrowDown), Trigger::Key(Modifiers::NONE, Key::ArrowUp)],
        Does::ScrollRows,
    ),
    (Mode::Presenting, &[Trigger::Digits], Does::JumpToSlide),
    (Mode::Presenting, &[Trigger::Key(Modifiers::NONE, Key::Home)], Does::FirstSlide),
    (Mode::Presenting, &[Trigger::Key(Modifiers::NONE, Key::End)], Does::LastSlide),
    (Mode::Presenting, &[Trigger::Key(Modifiers::NONE, Key::N)], Does::ToggleNotes),
];

/// Keys that belong to a focused text field while the user types there (Ctrl+Z undoes the
/// typing).
fn is_typing_key(trigger: Trigger) -> bool {
    matches!(
        trigger,
        Trigger::Typed(_)
            | Trigger::Key(Modifiers::NONE, Key::ArrowUp | Key::ArrowDown | Key::Space | Key::N)
            | Trigger::Key(Modifiers::COMMAND, Key::Z)
    )
}

/// ↑ or ↓, which step through the parks.
fn is_park_step(trigger: Trigger) -> bool {
    matches!(trigger, Trigger::Key(Modifiers::NONE, Key::ArrowUp | Key::ArrowDown))
}

/// How the cheat sheet writes a trigger.
pub(super) fn trigger_label(trigger: Trigger, language: Language) -> String {
    match trigger {
        Trigger::Key(modifiers, key) => {
            let key = match (key, language) {
                (Key::Space, Language::Zh) => "空格",
                (Key::Space, Language::En) => "Space",
                (Key::ArrowUp, _) => "↑",
                (Key::ArrowDown, _) => "↓",
                (Key::ArrowLeft, _) => "←",
                (Key::ArrowRight, _) => "→",
                (Key::Escape, _) => "Esc",
                _ => key.name(),
            };
            if modifiers.command { format!("Ctrl+{key}") } else { key.to_owned() }
        }
        Trigger::Typed(text) | Trigger::Builtin(text) => text.to_owned(),
        Trigger::Digits => "1–9".to_owned(),
        Trigger::ZoomKeys => "Ctrl+= / Ctrl+- / Ctrl+0".to_owned(),
    }
}

/// The keys of the shortcut that `does`, as the cheat sheet writes them, for a button's
/// tooltip; empty when it has none.
pub(super) fn shortcut_text(does: Does, language: Language) -> String {
    SHORTCUTS
        .iter()
        .filter(|(_, _, action)| *action == does)
        .flat_map(|(_, triggers, _)| triggers.iter().map(|trigger| trigger_label(*trigger, language)))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// What the cheat sheet says a shortcut does.
pub(super) fn description(does: Does, s: &Strings) -> &'static str {
    match does {
        Does::Search => s.key_search,
        Does::Open => s.key_open,
        Does::Reload => s.key_reload,
        Does::ExportPng => s.key_export,
        Does::TogglePresenting => s.key_present,
        Does::ToggleKeyList => s.key_list,
        Does::StepBack => s.key_clear,
        Does::PreviousPark => s.key_previous_park,
        Does::NextPark => s.key_next_park,
        Does::PinSelected => s.key_pin,
        Does::LeavePresenting => s.key_leave,
        Does::NextSlide => s.key_next_slide,
        Does::PreviousSlide => s.key_previous_slide,
        Does::JumpToSlide => s.key_jump,
        Does::FirstSlide => s.key_first_slide,
        Does::LastSlide => s.key_last_slide,
        Does::ToggleNotes => s.key_notes,
        Does::Zoom => s.key_zoom,
        Does::CopyFocusedFigure => s.key_copy_figure,
        Does::ShowTab(Tab::Table) => s.key_show_table,
        Does::ShowTab(Tab::Compare) => s.key_show_compare,
        Does::ShowTab(Tab::Map) => s.key_show_map,
        Does::SaveSlide => s.key_save_slide,
        Does::RestoreOffered => s.key_restore_offered,
        Does::ScrollRows => s.key_scroll_rows,
        Does::Quit => s.key_quit,
    }
}

/// The heading of a mode's shortcuts in the cheat sheet.
pub(super) fn mode_heading(mode: Mode, s: &Strings) -> &'static str {
    match mode {
        Mode::Any => s.keys_always,
        Mode::Exploring => s.keys_exploring,
        Mode::Presenting => s.keys_presenting,
    }
}

impl ParkApp {
    /// Reads this frame's keys and dropped files.
    pub(super) fn keyboard_input(&self, ui: &Ui, actions: &mut Vec<Action>, commands: &mut Vec<Command>) {
        let presenting = self.presentation.active;
        // A focused widget takes its keys (a text field's typing, Space on a button), except a
        // table row: there ↑/↓ and Space act on the selection, as in a list.
        let typing = ui.memory(|m| m.focused().is_some()) && !crate::views::park_table::rows_have_keyboard(ui.ctx());
        // ↑/↓ in the search box go to the parks it found, as in a list's search field: the
        // one-line box has no lines of its own to move between.
        let search_box = crate::views::toolbar::search_box_id();
        let searching = ui.memory(|m| m.has_focus(search_box));
        // In any other text field (a slide's title, takeaway or notes) Esc only leaves the
        // field: it cleared the filters behind it, and the slides saved next lost their scope.
        // egui has already taken the focus away for the Esc, so it is the last frame's.
        let in_text_field = self.text_field_focused.is_some();
        // A dialog over the window takes the keys: Esc closes it, nothing acts behind it; Ctrl+Q
        // still quits, as from any window of the program.
        if self.table_preview.is_some() {
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                commands.push(Command::ClosePreview);
            }
            let quit = SHORTCUTS.iter().filter(|(.., does)| *does == Does::Quit).flat_map(|(_, triggers, _)| *triggers);
            if quit.into_iter().any(|trigger| fired(ui, *trigger).is_some()) {
                commands.push(Command::Quit);
            }
            return;
        }
        for &(mode, triggers, does) in SHORTCUTS {
            let active = match mode {
                Mode::Any => true,
                Mode::Exploring => !presenting,
                Mode::Presenting => presenting,
            };
            if !active {
                continue;
            }
            for &trigger in triggers {
                let leaves_search = searching && is_park_step(trigger);
                if typing && !presenting && is_typing_key(trigger) && !leaves_search {
                    continue;
                }
                // Esc closes an open menu (egui's own handling), not the filters behind it.
                let escape = trigger == Trigger::Key(Modifiers::NONE, Key::Escape);
                if escape && (egui::Popup::is_any_open(ui.ctx()) || in_text_field) {
                    continue;
                }
                if let Some(digit) = fired(ui, trigger) {
                    self.dispatch(does, (trigger, digit), actions, commands);
                    if leaves_search {
                        // Out of the box, so that Space then pins the park rather than typing.
                        ui.memory_mut(|m| m.surrender_focus(search_box));
                    }
                }
            }
        }
        if presenting {
            return;
        }
        // A dropped figure table is previewed before it is added; anything else is opened like
        // a file picked in the dialog, which refuses what is not a dataset with a notice.
        let dropped: Vec<std::path::PathBuf> = ui.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if super::tables::is_table_file(&path) {
                commands.push(Command::PreviewTable(path));
            } else {
                commands.push(Command::OpenFile(path));
            }
        }
    }

    /// Turns a shortcut into what it asks for; `trigger` is what set it off, and `digit` the
    /// pressed digit's index (0 for 1).
    fn dispatch(
        &self,
        does: Does,
        (trigger, digit): (Trigger, usize),
        actions: &mut Vec<Action>,
        commands: &mut Vec<Command>,
    ) {
        match does {
            Does::Search => commands.push(Command::FocusSearch),
            Does::Open => commands.push(Command::OpenDialog),
            Does::Reload => commands.push(Command::Reload),
            Does::ExportPng => commands.push(Command::ExportPng(ImageSize::Window)),
            Does::TogglePresenting => commands.push(Command::TogglePresentation),
            Does::ToggleKeyList => commands.push(Command::ToggleCheatSheet),
            // Esc closes the cheat sheet first, like any dialog, at the desk and over a slide
            // (it left the presentation with the list still open over the desk).
            Does::StepBack | Does::LeavePresenting if self.show_keys => commands.push(Command::ToggleCheatSheet),
            Does::StepBack => actions.push(Action::StepBack),
            Does::PreviousPark | Does::NextPark => {
                actions.push(Action::StepSelection(if does == Does::NextPark { 1 } else { -1 }));
                commands.push(Command::ScrollToSelected);
            }
            Does::PinSelected => actions.push(Action::TogglePinSelected),
            Does::LeavePresenting
            | Does::NextSlide
            | Does::PreviousSlide
            | Does::JumpToSlide
            | Does::FirstSlide
            | Does::LastSlide
            | Does::ToggleNotes
            | Does::ScrollRows => commands.extend(slide_command(does, (trigger, digit))),
            Does::ShowTab(tab) => actions.push(Action::ShowTab(tab)),
            Does::SaveSlide => commands.push(Command::SaveSlide),
            Does::RestoreOffered => commands.push(Command::RestoreOffered),
            Does::Quit => commands.push(Command::Quit),
            Does::Zoom => {
                if let Some(&(_, step)) = ZOOM_KEYS.get(digit) {
                    commands.push(Command::Zoom(step));
                }
            }
            // The profile's figure line copies itself.
            Does::CopyFocusedFigure => {}
        }
    }
}

/// What the show's keys pressed in `ui` ask for, in another window than the slide's (the
/// speaker notes'): the slide's own keys (`Mode::Presenting`); the desk's and the dialogs'
/// do not reach the slide from there.
pub(super) fn presenting_command(ui: &Ui) -> Vec<Command> {
    let mut commands = Vec::new();
    for &(_, triggers, does) in SHORTCUTS.iter().filter(|(mode, ..)| *mode == Mode::Presenting) {
        for &trigger in triggers {
            if let Some(digit) = fired(ui, trigger) {
                commands.extend(slide_command(does, (trigger, digit)));
            }
        }
    }
    commands
}

/// What a key of the show asks for (`trigger` set it off, `digit` is the pressed digit's
/// index); `None` for the other keys.
fn slide_command(does: Does, (trigger, digit): (Trigger, usize)) -> Option<Command> {
    Some(match does {
        Does::NextSlide => Command::StepSlide(1),
        Does::PreviousSlide => Command::StepSlide(-1),
        Does::JumpToSlide => Command::ShowSlide(digit),
        Does::FirstSlide => Command::ShowSlide(0),
        // A step as far as it goes stops at the last slide.
        Does::LastSlide => Command::StepSlide(isize::MAX),
        Does::ToggleNotes => Command::ToggleNotes,
        Does::LeavePresenting => Command::LeavePresentation,
        Does::ScrollRows => {
            let up = trigger == Trigger::Key(Modifiers::NONE, Key::ArrowUp);
            Command::ScrollSlideRows(if up { -1 } else { 1 })
        }
        _ => return None,
    })
}

/// Whether `trigger` fired this frame (consuming its key), with the index of the digit for
/// [`Trigger::Digits`] or the zoom key's for [`Trigger::ZoomKeys`] (0 for the others).
fn fired(ui: &Ui, trigger: Trigger) -> Option<usize> {
    match trigger {
        Trigger::Key(modifiers, key) if modifiers.command => {
            ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key))).then_some(0)
        }
        Trigger::Key(modifiers, key) => ui.input_mut(|i| i.consume_key(modifiers, key)).then_some(0),
        Trigger::Typed(text) => {
            ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == text))).then_some(0)
        }
        Trigger::Digits => {
            let digits =
                [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];
            digits.into_iter().position(|key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)))
        }
        Trigger::ZoomKeys => ZOOM_KEYS.iter().position(|(key, _)| {
            ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, *key)))
        }),
        Trigger::Builtin(_) => None,
    }
}

/// The zoom keys and what each asks for: `=` as browsers take it, `+` also from the number pad.
const ZOOM_KEYS: [(Key, ZoomStep); 4] = [
    (Key::Equals, ZoomStep::Larger),
    (Key::Plus, ZoomStep::Larger),
    (Key::Minus, ZoomStep::Smaller),
    (Key::Num0, ZoomStep::Normal),
];
