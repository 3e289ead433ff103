//! Tooltips and context menus, made only in the frames they can show in.
//!
//! egui's `on_hover_text`, `on_hover_ui` and `context_menu` work out on every frame, for every
//! widget, whether the tooltip or menu is to show: a popup, several looks into the context's
//! memory and input. The table, the profile and the filter panel give a tooltip or a menu to
//! nearly everything they draw, and that check was a tenth of what the profile panel cost,
//! though almost every widget is nowhere near the pointer. These functions check first what is
//! cheap and certain: a tooltip shows only with the pointer over its widget (or while it is
//! open), and a context menu only after a secondary click (or while it is open).

use egui::{Popup, Response, Ui, WidgetText};

/// Whether `response`'s tooltip may show this frame, or a screen reader reads its text: the
/// pointer is over the widget's area (egui checks the rest: covered, dragging, delay), the
/// tooltip was open last frame (an interactive one stays open while the pointer heads for
/// it), or the widget has a node for screen readers (egui gives it the text as its
/// description).
fn tooltip_wanted(response: &Response) -> bool {
    response.ctx.pointer_hover_pos().is_some_and(|pointer| response.interact_rect.contains(pointer))
        || response.is_tooltip_open()
        || response.ctx.has_accesskit_node(response.id)
}

/// `response` with the tooltip `text`, as `Response::on_hover_text`; `text` is made only when
/// the tooltip may show, so it may format.
pub fn hover_text<T: Into<WidgetText>>(response: Response, text: impl FnOnce() -> T) -> Response {
    if tooltip_wanted(&response) { response.on_hover_text(text()) } else { response }
}

/// `response` with a tooltip `add_contents` draws, as `Response::on_hover_ui`.
pub fn hover_ui(response: Response, add_contents: impl FnOnce(&mut Ui)) -> Response {
    if tooltip_wanted(&response) { response.on_hover_ui(add_contents) } else { response }
}

/// The context menu `add_contents` draws, opened by a secondary click on `response`'s widget,
/// as `Response::context_menu`.
pub fn context_menu(response: &Response, add_contents: impl FnOnce(&mut Ui)) {
    let open = response.secondary_clicked() || Popup::is_id_open(&response.ctx, Popup::default_response_id(response));
    if open {
        response.context_menu(add_contents);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A frame of a button at the top left with a tooltip and a context menu, the pointer at
    /// `pointer` (after a secondary click when `secondary_click`). Returns whether the tooltip's
    /// text was made and whether the menu drew.
    fn frame(ctx: &egui::Context, pointer: Option<egui::Pos2>, secondary_click: bool) -> (bool, bool) {
        let mut events: Vec<egui::Event> = pointer.map(egui::Event::PointerMoved).into_iter().collect();
        if let (Some(pos), true) = (pointer, secondary_click) {
            for pressed in [true, false] {
                events.push(egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Secondary,
                    pressed,
                    modifiers: egui::Modifiers::NONE,
                });
            }
        }
        let input = egui::RawInput { events, ..Default::default() };
        let (mut text_made, mut menu_drawn) = (false, false);
        let mut output = ctx.run_ui(input, |ui| {
            let response = hover_text(ui.button("Button"), || {
                text_made = true;
                "Tooltip"
            });
            context_menu(&response, |ui| {
                menu_drawn = true;
                ui.label("Menu");
            });
        });
        // No renderer takes the font atlas here.
        output.textures_delta.clear();
        (text_made, menu_drawn)
    }

    #[test]
    fn a_tooltip_is_made_only_with_the_pointer_over_its_widget() {
        let ctx = egui::Context::default();
        assert!(!frame(&ctx, Some(egui::pos2(500.0, 500.0)), false).0, "the pointer is elsewhere");
        assert!(frame(&ctx, Some(egui::pos2(15.0, 15.0)), false).0, "the pointer is over the button");
    }

    #[test]
    fn a_screen_reader_gets_the_tooltip_wherever_the_pointer_is() {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        assert!(frame(&ctx, None, false).0);
    }

    #[test]
    fn a_context_menu_opens_on_a_secondary_click_and_stays_open() {
        let ctx = egui::Context::default();
        assert!(!frame(&ctx, Some(egui::pos2(15.0, 15.0)), false).1, "no click yet");
        assert!(frame(&ctx, Some(egui::pos2(15.0, 15.0)), true).1, "the click opens it");
        assert!(frame(&ctx, Some(egui::pos2(500.0, 500.0)), false).1, "it stays open");
    }
}
