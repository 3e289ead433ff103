//! A source cited at the end of a line: its label cut to the room, its details on hover, its
//! web address opened on a click.

use std::sync::Arc;

use egui::{
    Align2, CursorIcon, Galley, Id, OpenUrl, Rect, Response, RichText, Sense, Stroke, TextStyle, TextWrapMode, Ui,
    WidgetInfo, WidgetText, vec2,
};

use crate::format::{source_label, source_label_parts};
use crate::i18n::{labelled, strings};
use crate::model::{Language, Source};
use crate::views::widgets::hover::hover_ui;

/// Everything the dataset says about a source, for tooltips.
pub fn source_details_ui(ui: &mut Ui, source: &Source, language: Language) {
    let s = strings(language);
    ui.set_max_width(420.0);
    ui.label(RichText::new(&source.title).strong());
    // In Chinese, the publisher's Chinese name where there is one, with the name as given.
    match (&source.publisher_zh, language) {
        (Some(chinese), Language::Zh) => {
            ui.label(labelled(language, s.publisher, format!("{chinese}（{}）", source.publisher)))
        }
        _ => ui.label(labelled(language, s.publisher, &source.publisher)),
    };
    if let Some(date) = &source.date {
        ui.label(labelled(language, s.date, date));
    }
    if let Some(note) = source.note_in(language) {
        ui.label(labelled(language, s.note, note));
    }
    match &source.url {
        Some(url) => {
            ui.weak(url);
            ui.weak(s.click_to_open);
        }
        None => {
            ui.weak(s.no_url);
        }
    }
}

/// A source at the end of a line, in `room`: its label, laid out by [`source_label_galleys`]
/// (cut with "…" to fit), the source in full on hover, its web address opened on a click.
/// Painted only when `galleys` are given; the link is there either way, so Tab reaches it, and
/// scrolls it into view when it does.
pub fn painted_source_link_ui(
    ui: &mut Ui,
    id: Id,
    room: Rect,
    source: &Source,
    language: Language,
    galleys: Option<&[Arc<Galley>]>,
) -> Response {
    let (role, sense, colour) = match source.url {
        Some(_) => (egui::accesskit::Role::Link, Sense::click(), ui.visuals().hyperlink_color),
        None => (egui::accesskit::Role::Label, Sense::hover(), ui.visuals().text_color()),
    };
    let rect = galleys.map_or(room, |galleys| {
        let size = galleys
            .iter()
            .fold(vec2(0.0, 0.0), |size, galley| vec2(size.x + galley.size().x, size.y.max(galley.size().y)));
        Align2::LEFT_CENTER.align_size_within_rect(size, room)
    });
    let response = ui.interact(rect, id, sense);
    response.widget_info(|| WidgetInfo::labeled(role, true, source_label(source, language)));
    if response.gained_focus() {
        response.scroll_to_me(None);
    }
    if let Some(url) = &source.url {
        if response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        }
        if response.clicked_with_open_in_background() {
            ui.ctx().open_url(OpenUrl::new_tab(url));
        } else if response.clicked() {
            ui.ctx().open_url(OpenUrl::same_tab(url));
        }
    }
    if let Some(galleys) = galleys {
        let underline = if source.url.is_some() && (response.hovered() || response.has_focus()) {
            Stroke::new(ui.visuals().widgets.hovered.fg_stroke.width, colour)
        } else {
            Stroke::NONE
        };
        let mut left = rect.left();
        for galley in galleys {
            let top_left = egui::pos2(left, rect.center().y - galley.size().y / 2.0);
            left += galley.size().x;
            ui.painter()
                .add(egui::epaint::TextShape::new(top_left, Arc::clone(galley), colour).with_underline(underline));
        }
    }
    hover_ui(response, |ui| source_details_ui(ui, source, language))
}

/// A source's label laid out in `width`: whole when it fits; else its publisher cut with "…"
/// and its year kept after it ("Municipal Stat… 2005"), as the year tells two releases of one
/// publisher apart; cut at its end only when not even the year fits. Without a colour of its
/// own, so it can be kept across a change of theme.
pub fn source_label_galleys(ui: &Ui, source: &Source, language: Language, width: f32) -> Vec<Arc<Galley>> {
    let lay_out = |text: &str, wrap: TextWrapMode, width: f32| {
        WidgetText::from(text).into_galley(ui, Some(wrap), width, TextStyle::Body)
    };
    let label = source_label(source, language);
    let whole = lay_out(&label, TextWrapMode::Extend, f32::INFINITY);
    if whole.size().x <= width {
        return vec![whole];
    }
    if let (publisher, Some(year)) = source_label_parts(source, language) {
        let year = lay_out(&crate::format::with_year("", &year), TextWrapMode::Extend, f32::INFINITY);
        let publisher_room = width - year.size().x;
        // Room for a letter or a Chinese character of the publisher besides the "…": the year
        // says more than a few more letters would.
        if publisher_room >= 1.5 * ui.text_style_height(&TextStyle::Body) {
            return vec![lay_out(&publisher, TextWrapMode::Truncate, publisher_room), year];
        }
    }
    vec![lay_out(&label, TextWrapMode::Truncate, width)]
}
