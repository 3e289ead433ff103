//! The map's controls: the row of choices above it, the zoom buttons in a corner of it, and
//! panning by drag and zooming by the wheel.

use egui::{Rect, TextStyle, Ui, pos2, vec2};

use super::{MapContext, metric_name};
use crate::i18n::{class_method_name, strings};
use crate::model::Language;
use crate::state::classify::ClassMethod;
use crate::state::map::{DistrictValue, MapChoice};
use crate::state::titles::sum_of;
use crate::views::focus::choice_ui;
use crate::views::widgets::hover::hover_text;
use crate::views::widgets::{end_row_unless_list_fits, labelled_list_ui, text_width};

/// The row of choices above the map: what colours the districts, how they are classed, what
/// sizes the markers.
pub(super) fn controls_ui(ui: &mut Ui, ctx: &MapContext<'_>, choice: &mut MapChoice) {
    let s = strings(ctx.language);
    ui.horizontal_wrapped(|ui| {
        let selected = match &choice.value {
            DistrictValue::ParkCount => s.map_park_count.to_owned(),
            DistrictValue::MetricSum(id) => sum_of(ctx.language, &metric_name(ctx, id)),
        };
        labelled_list_ui(ui, s.map_colour_by, selected, "map_value", |ui| {
            choice_ui(ui, &mut choice.value, DistrictValue::ParkCount, s.map_park_count);
            // A share or a rate adds up to nothing: only metrics that add up are offered.
            for m in ctx.dataset.summable_metrics() {
                let text = sum_of(ctx.language, m.name.get(ctx.language));
                choice_ui(ui, &mut choice.value, DistrictValue::MetricSum(m.id.clone()), text);
            }
        });
        // The classes may wrap after one of their choices: a row of its own for them would take
        // the map's height in a narrow window.
        ui.separator();
        ui.label(s.map_classes);
        for method in [ClassMethod::Quantiles, ClassMethod::EqualIntervals, ClassMethod::NaturalBreaks] {
            ui.radio_value(&mut choice.method, method, class_method_name(ctx.language, method));
        }
        let selected = choice.marker_metric.as_ref().map_or_else(|| s.none.to_owned(), |m| metric_name(ctx, m));
        if !end_row_unless_list_fits(ui, s.map_marker_size, &selected) {
            ui.separator();
        }
        labelled_list_ui(ui, s.map_marker_size, selected, "map_marker", |ui| {
            choice_ui(ui, &mut choice.marker_metric, None, s.none);
            for m in &ctx.dataset.metrics {
                choice_ui(ui, &mut choice.marker_metric, Some(m.id.clone()), m.name.get(ctx.language));
            }
        });
    });
}

/// Where the zoom buttons go: a corner of the main map's room, where map tools keep them (in
/// the row of controls above, they were the first to wrap onto a line of their own). Top left,
/// or bottom left when the fitted map (`map_fit`, before any zoom) leaves room below it but not
/// beside it, so that they cover no district, marker or name of the whole map. Zoomed in, the
/// map runs under them: district labels and park names keep clear of this room (see
/// [`Pane::controls`]).
pub(super) fn zoom_controls_rect(ui: &Ui, language: Language, (map_rect, map_fit): (Rect, Rect)) -> Rect {
    let s = strings(language);
    let margin = ui.spacing().item_spacing.x;
    let button_text = |text: &str| text_width(ui, text, &TextStyle::Button);
    let size = vec2(
        button_text("+")
            + button_text("−")
            + button_text(s.zoom_reset)
            + 6.0 * ui.spacing().button_padding.x
            + 2.0 * ui.spacing().item_spacing.x,
        ui.spacing().interact_size.y,
    );
    let beside = map_fit.left() - map_rect.left() >= size.x + 2.0 * margin;
    let below = map_rect.bottom() - map_fit.bottom() >= size.y + 2.0 * margin;
    let top = if below && !beside { map_rect.bottom() - margin - size.y } else { map_rect.top() + margin };
    Rect::from_min_size(pos2(map_rect.left() + margin, top), size)
}

/// The zoom buttons, in `room` (see [`zoom_controls_rect`]).
pub(super) fn zoom_controls_ui(ui: &mut Ui, language: Language, room: Rect, choice: &mut MapChoice) {
    let s = strings(language);
    // A child the parent does not allocate room for: the buttons lie over the map.
    let mut ui =
        ui.new_child(egui::UiBuilder::new().max_rect(room).layout(egui::Layout::left_to_right(egui::Align::Min)));
    if hover_text(ui.button("+"), || s.zoom_in).clicked() {
        choice.zoom = (choice.zoom * 1.25).min(12.0);
    }
    if hover_text(ui.button("−"), || s.zoom_out).clicked() {
        choice.zoom = (choice.zoom / 1.25).max(0.5);
    }
    if ui.button(s.zoom_reset).clicked() {
        choice.zoom = 1.0;
        choice.pan = (0.0, 0.0);
    }
}

/// Drag pans, the scroll wheel zooms around the pointer.
pub(super) fn pan_and_zoom(ui: &Ui, response: &egui::Response, choice: &mut MapChoice) {
    if response.dragged() {
        let delta = response.drag_delta();
        choice.pan = (choice.pan.0 + delta.x, choice.pan.1 + delta.y);
    }
    if response.hovered() {
        // Taken, not read: the view around the map scrolls where enlarged text leaves the map
        // too little room, and a turn of the wheel over the map is the map's alone.
        let scroll = ui.ctx().input_mut(|i| std::mem::take(&mut i.smooth_scroll_delta.y));
        if scroll != 0.0 {
            let factor = (scroll / 400.0).exp();
            let new_zoom = (choice.zoom * factor).clamp(0.5, 12.0);
            // Keep the point under the pointer still: scale its offset from the centre.
            if let Some(pointer) = response.hover_pos() {
                let from_centre = pointer - response.rect.center() - vec2(choice.pan.0, choice.pan.1);
                let moved = from_centre * (new_zoom / choice.zoom - 1.0);
                choice.pan = (choice.pan.0 - moved.x, choice.pan.1 - moved.y);
            }
            choice.zoom = new_zoom;
        }
    }
}
