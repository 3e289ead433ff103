//! The side panels: the slides and filters on the left, the selected park's profile on the
//! right.

use egui::Ui;

use super::{ParkApp, keys};
use crate::state::{Action, Command};
use crate::views::{filters, profile, slides};

impl ParkApp {
    /// The slides and filters on the left, the selected park's profile on the right.
    pub(super) fn side_panels_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>, commands: &mut Vec<Command>) {
        let names = self.slide_names();
        let Some(dataset) = self.dataset.as_ref() else { return };
        let language = self.state.language;
        let mut filters_open = !self.state.filters_collapsed;
        // In a narrow window (half a screen, a laptop) each side panel takes at most a share of
        // it, so that the table or chart between them keeps about half: at 900 points the two
        // at their usual sizes left it 240, a column of letters. egui keeps a panel's width
        // clamped to its range, so the narrow panels have ids of their own: widths chosen in a
        // wide window come back when it is wide again.
        let window_width = ui.ctx().content_rect().width();
        let narrow = window_width < NARROW_WINDOW;
        let range = |(least, most): (f32, f32), share: f32| {
            let most = if narrow { (window_width * share).min(most) } else { most };
            least.min(most)..=most
        };
        // A `String` hashes as its `str`: the wide panels keep the ids, and widths, they had.
        let panel_id = |name: &str| if narrow { format!("{name} (narrow)") } else { name.to_owned() };
        egui::Panel::left(panel_id("filters"))
            .frame(self.panel_frame(egui::Frame::side_top_panel(ui.style())))
            .resizable(true)
            // Closed, the panel leaves no grab handle: unseen until hovered, it was a stop of
            // Tab that showed nothing. The toolbar's Filters button opens it.
            .drag_to_open(false)
            .default_size(280.0)
            .size_range(range((220.0, 480.0), SIDE_PANEL_SHARES.0))
            .show_collapsible(ui, &mut filters_open, |ui| {
                let show = &mut self.slides.show;
                let new_slide = (&mut self.slides.new_title, || keys::shortcut_text(keys::Does::SaveSlide, language));
                let focus = (show.current, self.slides.name_slide.take());
                slides::slides_ui(ui, (&mut show.deck, &names), focus, new_slide, language, commands);
                ui.separator();
                filters::filters_ui(
                    ui,
                    dataset,
                    &mut self.state.filter,
                    self.derived.counts(),
                    &self.state.pinned,
                    language,
                    actions,
                );
            });
        self.state.filters_collapsed = !filters_open;

        // The profile takes room only while it shows a park, so the table can show every column.
        let Some(selected) = self.state.selected.as_ref().and_then(|id| dataset.park(id)) else { return };
        let pinned = self.state.is_pinned(&selected.id);
        let peers = self.derived.peers(&selected.id);
        egui::Panel::right(panel_id("profile"))
            .frame(self.panel_frame(egui::Frame::side_top_panel(ui.style())))
            .resizable(true)
            .default_size(380.0)
            .size_range(range((280.0, 600.0), SIDE_PANEL_SHARES.1))
            .show(ui, |ui| {
                // Claim the panel's whole width: the profile scrolls inside it, so its content would
                // otherwise report a narrow size and the panel would shrink to it.
                ui.set_min_width(ui.available_width());
                profile::profile_ui(ui, dataset, selected, pinned, peers, language, actions);
            });
    }
}

/// The most of a narrow window's width the filter panel and the profile may each take: together
/// they leave the view between them at least 45 %.
const SIDE_PANEL_SHARES: (f32, f32) = (0.25, 0.30);

/// Below this width, in points, the side panels take at most their share of the window
/// ([`SIDE_PANEL_SHARES`]); at the meeting sizes (1280 and wider) they keep their usual ranges.
const NARROW_WINDOW: f32 = 1280.0;
