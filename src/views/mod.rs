//! One module per view. A view draws from the dataset and the shared state, and reports what
//! the user asked for as [`Action`](crate::state::Action)s; it never changes the dataset.

pub mod blocks;
pub mod chips;
pub mod filters;
pub mod focus;
pub mod map;
pub mod park_table;
pub mod plots;
pub mod profile;
pub mod remembered;
pub mod slides;
pub mod status_bar;
pub mod table_preview;
pub mod toolbar;
pub mod widgets;

/// Runs `check` in a ui of the app's fonts (the bundled CJK font included), for tests of what
/// text laid out by a view looks like.
#[cfg(test)]
pub(crate) fn in_app_ui(check: impl Fn(&mut egui::Ui)) {
    let ctx = egui::Context::default();
    crate::theme::install(&ctx, crate::model::Language::En);
    // Fonts added are loaded at the start of the next pass.
    for _ in 0..2 {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| check(ui));
        // No renderer takes the font atlas here.
        output.textures_delta.clear();
    }
}
