//! Frames the window asks for by itself: one to mend a chart drawn in a frame of several passes,
//! and one to save the settings after the user acted; the copy of the settings written whole
//! beside eframe's file; and the fonts kept in the order of the language shown.

use super::ParkApp;

/// How often the settings are saved while the window is in use ([`eframe::App::auto_save_interval`]).
pub(super) const AUTO_SAVE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);

impl ParkApp {
    /// Orders the fonts for the language shown ([`crate::theme::use_fonts_for`]) when it changed
    /// since the last frame. Called before any text of the frame is laid out, so the new fonts
    /// apply at once (egui applies them in the next pass otherwise, and a frame is asked for).
    pub(super) fn use_fonts_of_the_language(&mut self, ctx: &egui::Context) {
        let language = self.state.language;
        if self.fonts_language != Some(language) {
            crate::theme::use_fonts_for(ctx, language);
            self.fonts_language = Some(language);
            ctx.request_repaint();
        }
    }

    /// Asks for one more frame after a frame drawn in several passes. A chart lays out its axes
    /// by the thickness `egui_plot` measured in the pass before, and in a pass egui is going to
    /// discard nothing is drawn, so it measures 0: the shown pass then has axes at their least
    /// (tick labels cut, the axis titles over the ticks) until another frame is drawn. After
    /// Esc left a presentation, none was until the pointer moved. Not after two such frames in
    /// a row: a pass discarded every frame must not keep the window drawing.
    pub(super) fn redraw_after_a_discarded_pass(&mut self, ctx: &egui::Context) {
        if ctx.current_pass_index() == 0 {
            return;
        }
        let frame = ctx.cumulative_frame_nr();
        if self.last_multipass_frame != Some(frame.wrapping_sub(1)) {
            // Asked in every pass after the first: a pass that follows takes up a request.
            ctx.request_repaint();
        }
        self.last_multipass_frame = Some(frame);
    }

    /// Notes when the user first `acted` (changed a setting) since the settings were last saved.
    pub(super) fn note_unsaved_change(&mut self, ctx: &egui::Context, acted: bool) {
        if acted && self.unsaved_since.is_none() {
            self.unsaved_since = Some(ctx.input(|input| input.time));
        }
    }

    /// eframe saves the settings on the first frame after its interval, and an idle window
    /// draws none: until a save, one is asked for then, so what the user just did is saved even
    /// if the session ends (a logout) before the window is touched again. Each frame asks anew,
    /// as egui forgets a request once a frame is drawn. Without a place to save (`can_save`:
    /// eframe found no folder for its file) nothing is asked for.
    pub(super) fn ask_for_a_frame_to_save_in(&mut self, ctx: &egui::Context, can_save: bool) {
        if !can_save {
            self.unsaved_since = None;
        }
        if let Some(since) = self.unsaved_since {
            let now = ctx.input(|input| input.time);
            let due = since + AUTO_SAVE_INTERVAL.as_secs_f64() + 0.1;
            #[expect(clippy::cast_possible_truncation, reason = "a few seconds")]
            ctx.request_repaint_after_secs((due - now).max(0.1) as f32);
        }
    }
}

/// Writes `state` to the settings' copy at `path` ([`super::SETTINGS_COPY`]) when it differs
/// from what was last `written` there: to a temporary file, then renamed, so a session ended
/// mid-write leaves the copy before it whole. A copy that cannot be written is only logged:
/// eframe's file still holds the settings.
pub(super) fn write_settings_copy(
    path: &std::path::Path,
    written: &mut Option<String>,
    state: &crate::state::AppState,
) {
    let text = match ron::to_string(state) {
        Ok(text) => text,
        Err(err) => return log::warn!("the settings could not be written as text: {err}"),
    };
    if written.as_ref() == Some(&text) {
        return;
    }
    match super::slides_file::write_atomically(path, text.as_bytes()) {
        Ok(()) => *written = Some(text),
        Err(err) => log::warn!("cannot write {}: {err}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DataOrigin;
    use crate::state::AppState;

    #[derive(Clone, Copy, PartialEq)]
    enum Acted {
        Yes,
        No,
    }

    #[derive(Clone, Copy, PartialEq)]
    enum CanSave {
        Yes,
        No,
    }

    /// One frame on `ctx` in which the user `acted` or not, and whether it asked for another.
    fn frame_asks_for_another(app: &mut ParkApp, ctx: &egui::Context, (acted, can_save): (Acted, CanSave)) -> bool {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            app.note_unsaved_change(ui.ctx(), acted == Acted::Yes);
            app.ask_for_a_frame_to_save_in(ui.ctx(), can_save == CanSave::Yes);
        });
        output.textures_delta.clear();
        output.viewport_output.get(&egui::ViewportId::ROOT).is_some_and(|v| v.repaint_delay <= AUTO_SAVE_INTERVAL * 2)
    }

    /// After the user acts, the window asks for a frame within the save interval, frame after
    /// frame, until the settings are saved; an idle window, or one with nowhere to save, asks
    /// for none (it would draw for ever).
    #[test]
    fn a_change_asks_for_a_frame_to_save_in_until_saved() {
        use eframe::App as _;
        let ctx = egui::Context::default();
        let mut app = ParkApp::with_state(DataOrigin::Embedded, AppState::default());
        // egui's own first frames ask for more.
        for _ in 0..3 {
            frame_asks_for_another(&mut app, &ctx, (Acted::No, CanSave::Yes));
        }
        assert!(!frame_asks_for_another(&mut app, &ctx, (Acted::No, CanSave::Yes)), "idle");
        assert!(frame_asks_for_another(&mut app, &ctx, (Acted::Yes, CanSave::Yes)), "a pin, a language");
        assert!(frame_asks_for_another(&mut app, &ctx, (Acted::No, CanSave::Yes)), "still unsaved on a later frame");
        app.save(&mut crate::app::tests::MemoryStorage::default());
        assert!(!frame_asks_for_another(&mut app, &ctx, (Acted::No, CanSave::Yes)), "saved");
        assert!(frame_asks_for_another(&mut app, &ctx, (Acted::Yes, CanSave::Yes)));
        assert!(!frame_asks_for_another(&mut app, &ctx, (Acted::Yes, CanSave::No)), "nowhere to save");
    }
}
