//! Tooltips and context menus, made only in the frames they can show in. Depends on egui
//! alone.
//!
//! egui's `on_hover_text`, `on_hover_ui` and `context_menu` work out on every frame, for every
//! widget, whether the tooltip or menu is to show: a popup, several looks into the context's
//! memory and input. The table, the profile and the filter panel give a tooltip or a menu to
//! nearly everything they draw, and that check was a tenth of what the profile panel cost,
//! though almost every widget is nowhere near the pointer. These functions check first what is
//! cheap and certain: a tooltip shows only with the pointer on or near its widget (or while it
//! is open), and a context menu only after a secondary click (or while it is open).

use egui::{Popup, Response, Ui, WidgetText};

/// Whether `response`'s tooltip may show this frame; egui checks the rest (the delay, another
/// tooltip, a widget dragged). The widget is hovered (egui counts the pointer a few points
/// outside it as on it) or under the pointer; or, for a container whose child has the pointer,
/// the pointer is in its area; or the tooltip was open last frame (an interactive one stays
/// open while the pointer heads for it).
fn tooltip_may_show(response: &Response) -> bool {
    response.hovered()
        || response.contains_pointer()
        || response.container_contains_pointer()
        || response.is_tooltip_open()
}

/// `response` with the tooltip `text`, as `Response::on_hover_text`; `text` is made only when
/// the tooltip may show, so it may format.
/// egui also gives a screen reader `text` as the widget's description, so it is made whenever
/// one listens.
pub fn hover_text<T: Into<WidgetText>>(response: Response, text: impl FnOnce() -> T) -> Response {
    if tooltip_may_show(&response) || response.ctx.has_accesskit_node(response.id) {
        response.on_hover_text(text())
    } else {
        response
    }
}

/// `response` with a tooltip `add_contents` draws, as `Response::on_hover_ui`.
pub fn hover_ui(response: Response, add_contents: impl FnOnce(&mut Ui)) -> Response {
    if tooltip_may_show(&response) { response.on_hover_ui(add_contents) } else { response }
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

    /// What a frame of a button at the top left, with a tooltip and a context menu, did.
    struct Frame {
        tooltip_made: bool,
        menu_drawn: bool,
        button: egui::Rect,
    }

    /// A frame with the pointer at `pointer` (after a secondary click when `secondary_click`).
    fn frame(ctx: &egui::Context, pointer: Option<egui::Pos2>, secondary_click: bool) -> Frame {
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
        let mut done = Frame { tooltip_made: false, menu_drawn: false, button: egui::Rect::NOTHING };
        let mut output = ctx.run_ui(input, |ui| {
            let response = hover_text(ui.button("Button"), || {
                done.tooltip_made = true;
                "Tooltip"
            });
            done.button = response.rect;
            context_menu(&response, |ui| {
                done.menu_drawn = true;
                ui.label("Menu");
            });
        });
        // No renderer takes the font atlas here.
        output.textures_delta.clear();
        done
    }

    #[test]
    fn a_tooltip_is_made_only_with_the_pointer_on_or_near_its_widget() {
        let ctx = egui::Context::default();
        let button = frame(&ctx, None, false).button;
        assert!(!frame(&ctx, Some(egui::pos2(500.0, 500.0)), false).tooltip_made, "the pointer is elsewhere");
        assert!(frame(&ctx, Some(button.center()), false).tooltip_made, "the pointer is on the button");
        // egui takes a pointer a few points off a widget, with nothing else there, as on it.
        let near = button.right_center() + egui::vec2(3.0, 0.0);
        assert!(frame(&ctx, Some(near), false).tooltip_made, "the pointer is just right of the button");
    }

    #[test]
    fn a_screen_reader_gets_the_tooltip_wherever_the_pointer_is() {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        assert!(frame(&ctx, None, false).tooltip_made);
    }

    #[test]
    fn a_context_menu_opens_on_a_secondary_click_and_stays_open() {
        let ctx = egui::Context::default();
        let on_button = frame(&ctx, None, false).button.center();
        assert!(!frame(&ctx, Some(on_button), false).menu_drawn, "no click yet");
        assert!(frame(&ctx, Some(on_button), true).menu_drawn, "the click opens it");
        assert!(frame(&ctx, Some(egui::pos2(500.0, 500.0)), false).menu_drawn, "it stays open");
    }
}
