//! The park profile: everything the dataset says about one park, every figure with its unit,
//! year, quality mark and source, and its closest peers with the reasons in words.

mod copy;
mod figures;
mod industries;
mod overview;

use std::sync::Arc;

use egui::{RichText, ScrollArea, TextStyle, Ui};

use crate::i18n::{list_separator, strings};
use crate::model::{Dataset, Language, Named, Park};
use crate::state::Action;
use crate::state::peers::PeerList;
use crate::views::blocks::Blocks;
use crate::views::focus::follow_focus;
use crate::views::remembered::{glyphs_key, remembered};
use crate::views::widgets::hover::{hover_text, hover_ui};
use crate::views::widgets::keep_clear_of_scroll_bar;
use crate::views::widgets::source_link::source_details_ui;

/// What `lay_out` makes of `park` in the width `ui` gives, kept under `name` while the
/// dataset, park, language, text size, scale and width stay: the profile's
/// parts are painted each frame from texts laid out once, as formatting and laying them out
/// again each frame cost more than the rest of the window (docs/performance.md).
fn laid_out_once<T: Send + Sync + 'static>(
    ui: &Ui,
    name: &'static str,
    (dataset, park, language): (&Dataset, &Park, Language),
    lay_out: impl FnOnce(f32) -> T,
) -> Arc<T> {
    let width = ui.available_width();
    let sizes = [TextStyle::Body.resolve(ui.style()).size, width];
    let laid_out_for = (dataset.revision(), park.id.clone(), language, sizes.map(f32::to_bits), glyphs_key(ui.ctx()));
    remembered(ui.ctx(), egui::Id::unique(("profile_laid_out", name)), laid_out_for, |_| Arc::new(lay_out(width)))
}

/// Draws the profile of `park`. `pinned` says whether the park is pinned; `peers` are its
/// peers, once computed. The pin, close, peer and compare buttons report actions.
pub fn profile_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    park: &Park,
    pinned: bool,
    peers: Option<&PeerList>,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let s = strings(language);
    // The name and the pin button share the row but for room for the close button at the
    // right, the pin button going under the name when both do not fit. The row stays at the
    // top while the rest scrolls: the close button scrolled away with the profile.
    ui.horizontal_top(|ui| {
        let close_room = ui.spacing().interact_size.y + ui.spacing().item_spacing.x + 8.0;
        let wrapping = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
        ui.allocate_ui_with_layout(egui::vec2(ui.available_width() - close_room, 0.0), wrapping, |ui| {
            ui.heading(park.name.get(language));
            let (text, hint) =
                if pinned { (format!("★ {}", s.pinned), s.unpin) } else { (format!("☆ {}", s.pin), s.pin) };
            if hover_text(ui.selectable_label(pinned, text), || hint).clicked() {
                actions.push(Action::TogglePin(park.id.clone()));
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            if hover_text(ui.button("×"), || s.close_profile).clicked() {
                actions.push(Action::ClearSelection);
            }
        });
    });
    // Scrolls down only: lines wrap, and sources are cut, at the panel's edge, so nothing (the
    // ends of a description's lines) hides past it. Each park's profile keeps a scroll position
    // of its own, so another park's opens at its top.
    ScrollArea::vertical().id_salt(("profile", &park.id)).auto_shrink([false, false]).show(ui, |ui| {
        keep_clear_of_scroll_bar(ui);
        let text_size = TextStyle::Body.resolve(ui.style()).size;
        let blocks = Blocks::new(ui, (&park.id, language, text_size.to_bits(), dataset.revision(), peers.is_some()));
        blocks.show(ui, "names", |ui| {
            ui.label(RichText::new(park.name.get(language.other())).weak());
            if let Some(part_of) = &park.part_of {
                ui.label(RichText::new(part_of.get(language)).italics());
            }
            if let Some(description) = &park.description {
                ui.add_space(4.0);
                ui.label(description.get(language));
            }
            ui.add_space(6.0);
        });
        blocks.show(ui, "overview", |ui| overview::overview_ui(ui, dataset, park, language));
        figures::figures_ui(ui, dataset, park, language, &blocks);
        blocks.show(ui, "industries", |ui| industries::industries_ui(ui, dataset, park, language));
        blocks.show(ui, "peers", |ui| {
            ui.scope(|ui| peers_ui(ui, peers, language, actions));
        });
        blocks.show(ui, "sub_areas", |ui| named_list_ui(ui, dataset, s.sub_areas, &park.sub_areas, language));
        blocks.show(ui, "companies", |ui| named_list_ui(ui, dataset, s.companies, &park.companies, language));
        follow_focus(ui);
    });
}

/// The park's closest peers, each name selecting it, with what they share and what sets them
/// apart; and the button that pins them all with the park and opens the comparison.
fn peers_ui(ui: &mut Ui, peers: Option<&PeerList>, language: Language, actions: &mut Vec<Action>) {
    let s = strings(language);
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading(s.peers);
        if let Some(list) = peers.filter(|list| !list.rows.is_empty())
            && hover_text(ui.button(s.compare_with_peers), || s.compare_with_peers_hint).clicked()
        {
            actions.push(Action::CompareParks(list.to_compare()));
        }
    });
    let Some(list) = peers else { return };
    // A wide row above (a long source name) widens the scrolled content past the panel's edge;
    // the reasons wrap at the edge the user sees instead.
    let visible_width = (ui.clip_rect().right() - ui.cursor().left() - 8.0).max(160.0);
    ui.set_max_width(visible_width);
    if let Some(note) = &list.note {
        ui.label(RichText::new(note).italics());
    }
    if list.rows.is_empty() {
        ui.weak(s.no_peers);
        return;
    }
    for row in &list.rows {
        ui.add_space(4.0);
        if row.listed {
            let hint = || format!("{}\n{}", s.peer_select_hint, row.details);
            if hover_text(ui.link(&row.name), hint).clicked() {
                actions.push(Action::Select(row.peer.park.clone()));
            }
        } else {
            hover_text(ui.label(RichText::new(&row.name).strong()), || format!("{}\n{}", s.peer_hidden, row.details));
        }
        ui.indent(("peer", &row.peer.park), |ui| {
            let text = &row.text;
            if !text.shared.is_empty() {
                ui.label(format!("{}{}", s.peer_shared, text.shared));
            }
            if !text.differences.is_empty() {
                ui.label(RichText::new(format!("{}{}", s.peer_differs, text.differences)).weak());
            }
            if !text.caveats.is_empty() {
                ui.label(RichText::new(&text.caveats).weak().italics());
            }
        });
    }
}

/// Sub-areas or companies, each name hovering to its source.
fn named_list_ui(ui: &mut Ui, dataset: &Dataset, heading: &str, items: &[Named], language: Language) {
    if items.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.heading(heading);
    ui.horizontal_wrapped(|ui| {
        // Chinese sets no space after "、".
        if language == Language::Zh {
            ui.spacing_mut().item_spacing.x = 0.0;
        }
        for (i, item) in items.iter().enumerate() {
            let name = match (item.name.get(language), item.name.get(language.other())) {
                ("", fallback) | (fallback, "") => fallback.to_owned(),
                (name, _) => name.to_owned(),
            };
            // Each name a label of its own (its source on hover), so the list's separator ends
            // the label before it: "、" in Chinese, as a list of names is written there (the
            // space after ", " is the row's own).
            let separator = list_separator(language).trim_end();
            let label = if i + 1 < items.len() { format!("{name}{separator}") } else { name };
            let response = ui.label(label);
            if let Some(source) = dataset.source(&item.source) {
                hover_ui(response, |ui| source_details_ui(ui, source, language));
            }
        }
    });
}
