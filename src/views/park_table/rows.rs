//! The table's rows: where each is, and each drawn as one widget with its cells painted on it.
//! On a slide whose rows all fit, a row is as tall as its own texts need; at the desk, and on a
//! slide of more rows than fit, every row is one line tall and found by arithmetic, so that only
//! the rows scrolled into view are looked at.

use std::ops::Range;

use egui::{Id, Rect, Sense, Ui, pos2, vec2};

use super::TableMode;
use super::cells::{CellCache, cell_tooltip, cut_to_lines};
use super::columns::{ColumnKind, TableColumn};
use super::{Geometry, cover_band};
use crate::i18n::strings;
use crate::model::{Dataset, Language, Park, ParkId};
use crate::state::{Action, AppState};
use crate::views::widgets::accessible_text;
use crate::views::widgets::hover::hover_text;

/// How many lines each row of a slide takes: as many as its texts want (`wanted`, each at least
/// one), as long as the rows, `height_of(lines)` tall and `gap` apart, fit in `room` points.
///
/// When not every row can have all it wants, the lines are handed out a level at a time: every
/// row that wants a second line gets it before any gets a third. A level that does not fit
/// every row that wants it goes to those rows in the table's order, top first, as many as fit,
/// and no row gets a line above it. So a row's lines never depend on a row below it wanting
/// more, and the reader finds the rows that are still cut at the bottom.
pub(super) fn lines_fitting(wanted: &[usize], height_of: impl Fn(usize) -> f32, gap: f32, room: f32) -> Vec<usize> {
    let mut lines = vec![1; wanted.len()];
    let mut height = height_of(1) * lines.len() as f32 + gap * lines.len().saturating_sub(1) as f32;
    let most_wanted = wanted.iter().copied().max().unwrap_or(1);
    for level in 2..=most_wanted {
        // Within a level every row grows by the same height: once one does not fit, none does.
        let growth = height_of(level) - height_of(level - 1);
        for (row_lines, _) in lines.iter_mut().zip(wanted).filter(|(_, wanted)| **wanted >= level) {
            if height + growth > room {
                return lines;
            }
            *row_lines = level;
            height += growth;
        }
    }
    lines
}

/// Where a row of a slide is, from the top of the rows, in points, and how many lines its
/// texts may take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct FittedRow {
    pub(super) top: f32,
    pub(super) height: f32,
    pub(super) lines: usize,
}

/// The rows of `lines` lines each, `height_of(lines)` tall and `gap` apart, top to bottom.
pub(super) fn fitted_rows(lines: &[usize], height_of: impl Fn(usize) -> f32, gap: f32) -> Vec<FittedRow> {
    let mut top = 0.0;
    lines
        .iter()
        .map(|&lines| {
            let row = FittedRow { top, height: height_of(lines), lines };
            top += row.height + gap;
            row
        })
        .collect()
}

/// What the body draws from: the data, the columns and where they are, and the rows' sizes.
pub(super) struct Rows<'a> {
    pub(super) dataset: &'a Dataset,
    pub(super) columns: &'a [TableColumn],
    pub(super) table: &'a Geometry,
    /// A one-line row's height, and the distance from one row's top to the next, in points:
    /// every row's at the desk.
    pub(super) row_height: f32,
    pub(super) pitch: f32,
    /// On a slide whose rows all fit, each row as tall as its lines (see [`lines_fitting`]), in
    /// the order of the parks listed; empty elsewhere, where every row is `row_height` tall.
    pub(super) fitted: Vec<FittedRow>,
}

impl Rows<'_> {
    /// Row `index`'s top, from the top of the rows, and its height, in points.
    fn place(&self, index: usize) -> (f32, f32) {
        self.fitted.get(index).map_or((index as f32 * self.pitch, self.row_height), |row| (row.top, row.height))
    }

    /// How tall `count` rows are, from the first's top to the last's bottom.
    fn height_of_rows(&self, count: usize) -> f32 {
        self.fitted
            .last()
            .map_or(self.pitch * count.saturating_sub(1) as f32 + self.row_height, |last| last.top + last.height)
    }

    /// Of `count` rows, those in view between `y` points from the top of the rows: those at
    /// least partly in it (to draw), and those whole in it, from their top to their bottom (the
    /// gap under them aside).
    #[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "clamped to be non-negative first")]
    fn in_view(&self, count: usize, y: egui::Rangef) -> (Range<usize>, Range<usize>) {
        if self.fitted.is_empty() {
            // The desk's rows, of one pitch, found by arithmetic however many there are.
            let first = ((y.min / self.pitch).floor().max(0.0) as usize).min(count);
            let last = ((y.max / self.pitch).ceil().max(0.0) as usize).min(count);
            let first_whole = ((y.min / self.pitch).ceil().max(0.0) as usize).min(count);
            let end_whole = (((y.max - self.row_height) / self.pitch + 1.0).floor().max(0.0) as usize).min(count);
            return (first..last.max(first), first_whole..end_whole.max(first_whole));
        }
        // A slide's rows, all of which fit: few enough to look at each. Half a point either
        // way is the rounding of adding the heights up.
        let rows = || self.fitted.iter().enumerate().take(count);
        let range = |indices: Vec<usize>| match (indices.first(), indices.last()) {
            (Some(&first), Some(&last)) => first..last + 1,
            _ => 0..0,
        };
        let drawn = rows().filter(|(_, row)| row.top < y.max && row.top + row.height > y.min).map(|(i, _)| i);
        let whole =
            rows().filter(|(_, row)| row.top >= y.min - 0.5 && row.top + row.height <= y.max + 0.5).map(|(i, _)| i);
        (range(drawn.collect()), range(whole.collect()))
    }

    /// The rows scrolled into view. Returns the widest text of each column among them and the
    /// bottom of the rows drawn.
    #[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "clamped to be non-negative first")]
    pub(super) fn body_ui(
        &self,
        ui: &mut Ui,
        visible: &[ParkId],
        state: &AppState,
        mode: TableMode,
        cells: &mut CellCache,
        actions: &mut Vec<Action>,
    ) -> (Vec<f32>, f32, Range<usize>) {
        let mut seen = vec![0.0; self.columns.len()];
        let mut bottom = ui.cursor().top();
        let mut whole = 0..0;
        let mut area = egui::ScrollArea::vertical().id_salt("park_table_body");
        // On a slide with more rows than fit, as tall as the whole rows that do: k rows take
        // k - 1 pitches and a row.
        let pitches_fitting = ((ui.available_height() - self.row_height) / self.pitch).floor().max(0.0);
        let scrolls = matches!(mode, TableMode::Presented { .. })
            && self.fitted.is_empty()
            && (pitches_fitting as usize) + 1 < visible.len();
        if scrolls {
            area = area.max_height(pitches_fitting * self.pitch + self.row_height);
        }
        let scroll_rows = match mode {
            TableMode::Presented { scroll_rows } if scrolls => scroll_rows,
            _ => 0,
        };
        let scroll_to_selected = matches!(mode, TableMode::Exploring { scroll_to_selected: true });
        // While the keyboard is in the rows, focus follows the selection that ↑/↓ move.
        let keyboard_in_rows = rows_have_keyboard(ui.ctx());
        let focused_before = ui.data(|data| data.get_temp::<Option<Id>>(keyboard_id())).flatten();
        let focused_at_start = ui.memory(egui::Memory::focused);
        let mut focused_row = None;
        area.show_viewport(ui, |ui, viewport| {
            ui.set_width(self.table.width());
            // The last row has no spacing under it, so rows that just fit need no scroll bar.
            ui.set_height(self.height_of_rows(visible.len()));
            let top = ui.max_rect().top();
            let (drawn, whole_in_view) = self.in_view(visible.len(), viewport.y_range());
            if scroll_to_selected
                && let Some(row) = state.selected.as_ref().and_then(|id| visible.iter().position(|p| p == id))
            {
                let (row_top, row_height) = self.place(row);
                let row_top = top + row_top;
                let below = row_top + row_height + self.pitch - self.row_height;
                ui.scroll_to_rect(Rect::from_x_y_ranges(ui.max_rect().x_range(), row_top..=below), None);
            }
            if scroll_rows != 0 {
                // The row that is to be the first shown whole goes to the top, as far as the
                // last row can come up: the rows stay whole however the mouse left them.
                let last_first = visible.len().saturating_sub(whole_in_view.len().max(1));
                let first = whole_in_view.start.saturating_add_signed(scroll_rows).min(last_first);
                // The viewport starts at the scroll offset; egui's delta moves the other way.
                let (row_top, _) = self.place(first);
                ui.scroll_with_delta(vec2(0.0, viewport.min.y - row_top));
            }
            for (index, id) in visible.iter().enumerate().take(drawn.end).skip(drawn.start) {
                let Some(park) = self.dataset.park(id) else { continue };
                let focus = self.row_ui(ui, park, (index, top), state, (cells, &mut seen), actions);
                // Not taken back from Tab: a row that had the focus as the frame began and has
                // it no longer gave it away this frame (the row took it back, and Tab stuck).
                if keyboard_in_rows
                    && state.selected.as_ref() == Some(&park.id)
                    && !focus.has_focus()
                    && focused_at_start != Some(focus.id)
                {
                    focus.request_focus();
                }
                if focus.has_focus() {
                    // A row the focus has just come to is selected, as in any list, so ↑/↓ and
                    // Space then act on it. Tab gives focus during a frame; egui's arrows from a
                    // widget above give it between frames, which `gained_focus` never reports:
                    // so "just come" is "not the row focused the frame before".
                    if focused_before != Some(focus.id) && state.selected.as_ref() != Some(&park.id) {
                        actions.push(Action::Select(park.id.clone()));
                    }
                    focused_row = Some(focus.id);
                }
            }
            let gap = self.pitch - self.row_height;
            bottom = ui.clip_rect().bottom().min(top + self.height_of_rows(visible.len()) + gap);
            whole = whole_in_view;
        });
        // Kept while the selected row is scrolled out of view (its row, not drawn, loses focus)
        // until focus goes to another widget.
        let kept = if keyboard_in_rows { focused_before } else { None };
        ui.data_mut(|data| data.insert_temp(keyboard_id(), focused_row.or(kept)));
        (seen, bottom, whole)
    }

    /// One park's row (the `index`th, under the rows' `top`): its background (striped, hovered, selected, focused), its cells (laid
    /// out by `cells`) and its pin star. Adds the width each cell's text asks for to `seen`.
    /// Returns the row's response, which takes keyboard focus.
    fn row_ui(
        &self,
        ui: &mut Ui,
        park: &Park,
        (index, rows_top): (usize, f32),
        state: &AppState,
        (cells, seen): (&mut CellCache, &mut [f32]),
        actions: &mut Vec<Action>,
    ) -> egui::Response {
        let language = state.language;
        let (top, height) = self.place(index);
        let lines = self.fitted.get(index).map_or(1, |row| row.lines);
        let row = Rect::from_min_size(pos2(self.table.left, rows_top + top), vec2(self.table.width(), height));
        let row_id = ui.make_persistent_id(("park_row", &park.id));
        let response = ui.interact(row, row_id, Sense::click());
        let selected = state.selected.as_ref() == Some(&park.id);
        // The row, its star (on top of it) included: hovering the star still highlights it.
        let pointed = response.contains_pointer();
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Row, true, selected, ""));
        // A screen reader reads a row's cells inside the row. egui puts a node under its nearest
        // ancestor that has one, and an id's ancestors are the uis it was interacted in: so while
        // AccessKit is on (the row has a node), each cell is registered in a child ui under the
        // row. Off, as almost always, this costs nothing.
        let cells_ui = ui.ctx().has_accesskit_node(row_id).then(|| {
            ui.new_child(
                egui::UiBuilder::new().id_salt(("park_row_cells", &park.id)).max_rect(row).accessibility_parent(row_id),
            )
        });
        // The background covers the gap to the next row, so stripes and highlights join up.
        let background = row.expand2(vec2(self.table.spacing, self.pitch - self.row_height) / 2.0);
        let visuals = ui.visuals();
        let fill = if selected {
            Some(visuals.selection.bg_fill)
        } else if pointed || state.hovered.as_ref() == Some(&park.id) {
            Some(visuals.widgets.hovered.bg_fill)
        } else {
            (index % 2 == 1).then_some(visuals.faint_bg_color)
        };
        if let Some(fill) = fill {
            ui.painter().rect_filled(background, 0.0, fill);
        }
        // Tab moves through the rows as through any widgets; the focused one is outlined.
        if response.has_focus() {
            ui.painter().rect_stroke(background, 0.0, visuals.selection.stroke, egui::StrokeKind::Inside);
        }
        let text_colour = selected.then_some(visuals.selection.stroke.color);
        let hover_at = response.hover_pos();
        let mut tooltip = None;
        let laid_out = cells.row(ui, self.dataset, park, self.columns, language);
        let spans = self.table.spans();
        for column_index in self.table.paint_order() {
            let (Some(column), Some(&(left, right))) = (self.columns.get(column_index), spans.get(column_index)) else {
                continue;
            };
            if column_index == 0
                && let Some(band) = self.table.frozen_band()
            {
                cover_band(ui, band, background.y_range(), fill);
            }
            let cell = Rect::from_x_y_ranges(left..=right, row.y_range());
            let (Some(Some(laid_out)), Some(seen)) = (laid_out.get(column_index), seen.get_mut(column_index)) else {
                continue;
            };
            // Laid out for as many lines as a slide gives any row; this row may have fewer.
            let galley = cut_to_lines(ui, &laid_out.galley, lines);
            *seen = seen.max(laid_out.asks_width);
            let x = if laid_out.right_aligned { cell.right() - galley.size().x } else { cell.left() };
            // Each text's first line where a one-line row's would be, so a row's texts read
            // along one line however many lines each takes.
            let line_height = galley.size().y / galley.rows.len().max(1) as f32;
            let at = pos2(x, cell.top() + (self.row_height - line_height) / 2.0);
            let details = || cell_tooltip(self.dataset, park, &column.kind, &galley, language);
            let cell_id = row_id.with(("cell", column_index));
            if let Some(cells_ui) = &cells_ui {
                cells_ui.interact(cell, cell_id, Sense::hover());
            }
            accessible_text(ui, cell_id, cell, &galley.job.text, details);
            if hover_at.is_some_and(|p| cell.x_range().contains(p.x)) {
                tooltip = details();
            }
            // A galley cut to the cell's width fits it; only a cell too narrow even for "…" needs
            // its own clip rectangle. Each clip rectangle starts a new mesh and a draw call, and
            // one per cell made them the larger part of the table's tessellation.
            let fits = galley.size().x <= cell.width() + 0.5;
            let cell_painter =
                if fits { ui.painter().clone() } else { ui.painter().with_clip_rect(cell.intersect(ui.clip_rect())) };
            match text_colour {
                Some(colour) => cell_painter.galley_with_override_text_color(at, galley, colour),
                None => cell_painter.galley(at, galley, visuals.text_color()),
            }
        }
        if let Some(tooltip) = tooltip {
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(tooltip);
            });
        }
        if let (Some((left, right)), Some(ColumnKind::Pin)) =
            (self.table.spans().first().copied(), self.columns.first().map(|c| &c.kind))
        {
            let cell = Rect::from_x_y_ranges(left..=right, row.y_range());
            pin_star_ui(ui, cell, &park.id, state.is_pinned(&park.id), language, actions);
        }
        // A click, or Enter on the focused row, selects it; so does focus coming to it (`rows_ui`).
        if response.clicked() {
            actions.push(Action::Select(park.id.clone()));
        }
        if response.has_focus() {
            // ↑/↓ move the selection (`app::keys`), not egui's focus to the widget above.
            let arrows = egui::EventFilter { vertical_arrows: true, ..Default::default() };
            ui.memory_mut(|m| m.set_focus_lock_filter(row_id, arrows));
        }
        if pointed {
            actions.push(Action::Hover(park.id.clone()));
        }
        response
    }
}

/// Where the table keeps the row that last had keyboard focus, while the keyboard is in the rows.
fn keyboard_id() -> Id {
    Id::unique("park_table_keyboard_in_rows")
}

/// Whether the keyboard is in the table's rows: a row had focus and it, or nothing, has it now
/// (the selected row may be scrolled out of view). ↑/↓ and Space then act on the selection, as
/// when nothing has focus, not on a focused widget.
pub fn rows_have_keyboard(ctx: &egui::Context) -> bool {
    let Some(row) = ctx.data(|data| data.get_temp::<Option<Id>>(keyboard_id())).flatten() else { return false };
    ctx.memory(|m| m.focused().is_none_or(|focused| focused == row))
}

/// A star that pins or unpins a park: filled when pinned. Drawn over the row as a plain
/// clickable rectangle rather than a button in a child ui: it is on every row.
fn pin_star_ui(ui: &mut Ui, cell: Rect, id: &ParkId, pinned: bool, language: Language, actions: &mut Vec<Action>) {
    let s = strings(language);
    let (star, hint) = if pinned { ("★", s.unpin) } else { ("☆", s.pin) };
    let response = ui.interact(cell, ui.make_persistent_id(("pin", id)), Sense::click());
    // Named by what it does, and whether the park is pinned, for screen readers.
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, pinned, hint));
    let visuals = ui.visuals();
    let colour = if response.hovered() { visuals.widgets.hovered.text_color() } else { visuals.strong_text_color() };
    let font = egui::TextStyle::Button.resolve(ui.style());
    ui.painter().text(cell.center(), egui::Align2::CENTER_CENTER, star, font, colour);
    if response.has_focus() {
        ui.painter().rect_stroke(cell.shrink(1.0), 2.0, visuals.selection.stroke, egui::StrokeKind::Inside);
    }
    if hover_text(response, || hint).clicked() {
        actions.push(Action::TogglePin(id.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of `lines` lines: 20 points a line, with 4 around.
    fn height_of(lines: usize) -> f32 {
        lines as f32 * 20.0 + 4.0
    }

    /// How tall rows of `lines` are, 2 points apart.
    fn height(lines: &[usize]) -> f32 {
        fitted_rows(lines, height_of, 2.0).last().map_or(0.0, |row| row.top + row.height)
    }

    #[test]
    fn each_row_takes_the_lines_its_texts_want_when_the_room_allows() {
        let wanted = [1, 2, 1, 3, 1];
        let all = lines_fitting(&wanted, height_of, 2.0, 1000.0);
        assert_eq!(all, wanted, "room enough: every row as its texts want");
        // Room for the rows that want more to grow, though not for every row to take two lines.
        let room = height(&[1, 2, 1, 3, 1]);
        assert!(room < height(&[2; 5]), "two lines for all would not fit: a fair test");
        assert_eq!(lines_fitting(&wanted, height_of, 2.0, room), wanted);
    }

    #[test]
    fn short_of_room_every_cut_row_gets_a_second_line_before_any_gets_a_third() {
        let wanted = [3, 1, 2, 4];
        // Room for a third line in one of the rows that want one, not in both: the first
        // gets it, and no row a fourth.
        let room = height(&[3, 1, 2, 3]) - 1.0;
        assert!(room > height(&[3, 1, 2, 2]), "room for one row's third line: a fair test");
        assert_eq!(lines_fitting(&wanted, height_of, 2.0, room), [3, 1, 2, 2]);
        // Not even a second line for each: the first rows that want one get it, in order.
        let room = height(&[2, 1, 2, 2]) - 1.0;
        assert_eq!(lines_fitting(&wanted, height_of, 2.0, room), [2, 1, 2, 1]);
        // No room at all: a line each.
        assert_eq!(lines_fitting(&wanted, height_of, 2.0, 0.0), [1, 1, 1, 1]);
    }

    #[test]
    fn fitted_rows_follow_one_another_a_gap_apart() {
        let rows = fitted_rows(&[1, 3, 2], height_of, 2.0);
        let tops: Vec<f32> = rows.iter().map(|row| row.top).collect();
        assert_eq!(tops, [0.0, 26.0, 92.0]);
        assert!((rows[1].height - 64.0).abs() < 1e-3, "{rows:?}");
    }
}
