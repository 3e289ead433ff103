//! What a view asks the app to do beyond changing [`AppState`](super::AppState): open and
//! reload files, export, present, show the keyboard cheat sheet. The app runs each
//! [`Command`] after every panel is drawn; plain data, so views can report them without
//! knowing the app.

use std::path::PathBuf;

/// The size of an exported image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageSize {
    /// Whatever the window is.
    Window,
    /// A slide size in pixels, e.g. 1920×1080.
    Pixels(u32, u32),
}

/// Something with effects outside the UI state, run by the app after drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Scroll the park table to the selected park on the next frame (after the keyboard moved
    /// the selection).
    ScrollToSelected,
    /// Ask for a dataset file to open.
    OpenDialog,
    /// While presenting, scroll a table longer than the slide by so many rows on the next
    /// frame (down when positive).
    ScrollSlideRows(isize),
    /// Open this dataset file.
    OpenFile(PathBuf),
    /// Go back to the dataset built into the program.
    OpenEmbedded,
    /// Load the open file again.
    Reload,
    /// Put the load problems on the clipboard.
    CopyProblems,
    /// Close the problems of a file that failed to open (the dataset on screen stays).
    DismissLoadError,
    /// Save the current view as a new slide.
    SaveSlide,
    /// A slide's title, takeaway or notes were edited and the field left: write the slides file.
    SlidesEdited,
    /// A slide's title, takeaway or notes were typed into (the field still being edited): write
    /// the slides file before anything could lose the typing.
    SlideTyped,
    /// Show slide `i`.
    ShowSlide(usize),
    /// Move slide `i` up (`-1`) or down (`1`).
    MoveSlide(usize, isize),
    /// Delete slide `i` (told in a notice that offers it back).
    DeleteSlide(usize),
    /// Put back what the notice tells was taken away (a slide, the pins, the filters); nothing
    /// when it tells of nothing to give back.
    RestoreOffered,
    /// Close the window, saving what closing it saves (settings, slides being typed into).
    Quit,
    /// The slide that many on (`1`, the next) or back (`-1`, the previous), stopping at the
    /// first and the last.
    StepSlide(isize),
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Leave presentation mode (nothing when not presenting).
    LeavePresentation,
    /// Show or hide the speaker notes while presenting.
    ToggleNotes,
    /// Show or hide the keyboard cheat sheet.
    ToggleCheatSheet,
    /// Make the desk's text larger or smaller, or normal again.
    Zoom(super::zoom::ZoomStep),
    /// Export the current view as CSV.
    ExportCsv,
    /// Export the current view as PNG.
    ExportPng(ImageSize),
    /// Export every slide as PNG plus a Markdown summary.
    MeetingPack,
    /// Ask where to save the selected park's one-page brief (PDF) and write it.
    ExportBrief,
    /// Ask for a folder and write the brief of every pinned park into it.
    ExportBriefs,
    /// Ask for a figure table to add to the open dataset.
    TableDialog,
    /// Check this figure table against the open dataset and show what adding it would do.
    PreviewTable(PathBuf),
    /// Add the previewed table to the open dataset, now and whenever it opens.
    AddPreviewedTable,
    /// Close the preview without adding the table.
    ClosePreview,
    /// Stop adding this table to the open dataset.
    RemoveTable(PathBuf),
}

impl Command {
    /// Whether it works on the open dataset's views: a slide saved, shown or presented, a view
    /// exported. With none loaded (the window shows why a file would not load) such a command
    /// would save a slide of nothing into the broken file's deck, or put the error on a
    /// projector or in a PNG.
    pub fn needs_dataset(&self) -> bool {
        matches!(
            self,
            Self::SaveSlide
                | Self::ShowSlide(_)
                | Self::StepSlide(_)
                | Self::TogglePresentation
                | Self::ExportCsv
                | Self::ExportPng(_)
                | Self::MeetingPack
                | Self::ExportBrief
                | Self::ExportBriefs
        )
    }
}
