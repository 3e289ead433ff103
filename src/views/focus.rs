//! Keyboard focus where egui leaves it unseen or unfollowed: an outline on widgets it draws no
//! focus on, scroll areas that follow the focus, drop-downs that close when a choice is picked
//! by Enter.

use egui::{Response, Ui, WidgetText};

/// Outlines a widget while it has keyboard focus, as egui outlines a focused button, where egui
/// draws none (a collapsing header, a plot): a keyboard user going through the sidebar lost
/// track of where Tab had gone.
pub fn outline_if_focused(ui: &Ui, response: &Response) {
    if response.has_focus() {
        let visuals = ui.style().interact(response);
        let stroke = ui.visuals().selection.stroke;
        ui.painter().rect_stroke(
            response.rect.expand(visuals.expansion),
            visuals.corner_radius,
            stroke,
            egui::StrokeKind::Inside,
        );
    }
}

/// One choice in a drop-down's list, `current` set to `value` when picked. Picked by Enter as
/// by a click, it closes the list: egui closes it on a pointer's click only, and a keyboard
/// user was left with the list open over the chart.
pub fn choice_ui<V: PartialEq>(ui: &mut Ui, current: &mut V, value: V, text: impl Into<WidgetText>) -> Response {
    let response = ui.selectable_value(current, value, text);
    if response.clicked() {
        ui.close();
    }
    response
}

/// Scrolls the scroll area whose content `ui` holds to the widget in it the focus has just come
/// to. egui leaves following the focus to each widget, and its own (check boxes, radio buttons,
/// collapsing headers) do not: Tab walked off the bottom of the filter panel, where Space then
/// ticked boxes nobody could see. Called once the content is added.
pub fn follow_focus(ui: &Ui) {
    let Some(focused) = ui.memory(egui::Memory::focused) else { return };
    let Some(response) = ui.ctx().read_response(focused) else { return };
    // A widget of the area is cut to the area where it shows, and to nothing out of view; one
    // outside it that its content's height spans (the status bar under a long profile) is not.
    let clipped_here = !response.interact_rect.is_positive() || ui.clip_rect().contains_rect(response.interact_rect);
    let in_content = response.layer_id == ui.layer_id() && ui.min_rect().contains_rect(response.rect);
    if response.gained_focus() && in_content && clipped_here {
        ui.scroll_to_rect(response.rect, None);
    }
}
