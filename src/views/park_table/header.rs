//! The table's header row: a sort button per column, each name wrapped evenly in its column,
//! and the handles that resize the columns.

use std::sync::Arc;

use egui::{Align, CursorIcon, Id, Rect, RichText, Sense, Stroke, Ui, vec2};

use super::columns::{ColumnWidths, TableColumn};
use super::{Geometry, cover_band};
use crate::format::unit_in_brackets;
use crate::state::{Action, SortColumn, TableSort};
use crate::views::remembered::remembered;
use crate::views::widgets::balanced_wrap_width;
use crate::views::widgets::hover::hover_text;

/// Narrowest a column can be dragged to, in points.
const MIN_DRAGGED_WIDTH_PT: f32 = 30.0;

/// The header row: a button per sortable column, its arrow on the column sorted by. It is at
/// least `min_height` tall, and taller where a name wraps to more lines in its column (long
/// metric names, large presentation text), so no header is cut.
pub(super) fn header_ui(
    ui: &mut Ui,
    table: &Geometry,
    columns: &[TableColumn],
    (sort, hint): (&TableSort, &str),
    (min_height, presented): (f32, bool),
    actions: &mut Vec<Action>,
) {
    let laid_out = header_layout(ui, columns, &table.widths, min_height);
    let (headers, wrap_widths, height) = (&laid_out.texts, &laid_out.wrap_widths, laid_out.height);
    let padding = ui.spacing().button_padding;
    let (row, _) = ui.allocate_exact_size(vec2(table.width(), height), Sense::hover());
    let spans = table.spans();
    for i in table.paint_order() {
        let (Some(column), Some(header), Some(&wrap_width), Some(&(left, right))) =
            (columns.get(i), headers.get(i), wrap_widths.get(i), spans.get(i))
        else {
            continue;
        };
        if i == 0
            && let Some(band) = table.frozen_band()
        {
            cover_band(ui, band, row.y_range(), None);
        }
        let rect = Rect::from_x_y_ranges(left..=right, row.y_range());
        let layout = egui::Layout::left_to_right(Align::Center);
        ui.scope_builder(egui::UiBuilder::new().max_rect(rect).layout(layout), |ui| {
            ui.shrink_clip_rect(rect);
            // A button's text sits inside its padding; a label's does not.
            let is_label = presented || column.sort.is_none();
            ui.set_max_width(if is_label { wrap_width } else { wrap_width + 2.0 * padding.x });
            match &column.sort {
                // On a slide no header is a button to press: the sorted one keeps its arrow,
                // which says the rows' order.
                Some(sort_column) if presented => {
                    ui.add(
                        egui::Label::new(RichText::new(format!("{header}{}", sort_arrow(sort_column, sort))).strong())
                            .wrap(),
                    );
                }
                Some(sort_column) => header_button_ui(ui, header, sort_column, sort, hint, actions),
                None => {
                    ui.strong(header);
                }
            }
        });
    }
}

/// The headers as they wrap in their columns: each one's text, the width it wraps at, and the
/// header row's height.
struct HeaderLayout {
    texts: Vec<String>,
    wrap_widths: Vec<f32>,
    height: f32,
}

/// The headers of `columns` at `widths` laid out, in a row at least `min_height` tall. Measured
/// again only when a header, a width or the text size changes: finding each header's even wrap
/// took a third of the header row's frame.
fn header_layout(ui: &Ui, columns: &[TableColumn], widths: &[f32], min_height: f32) -> Arc<HeaderLayout> {
    let padding = ui.spacing().button_padding;
    let names: Vec<(String, Option<String>)> =
        columns.iter().map(|column| (column.header.clone(), column.unit.clone())).collect();
    let text_size = egui::TextStyle::Button.resolve(ui.style()).size;
    let sizes = [text_size, ui.ctx().pixels_per_point(), padding.x, padding.y, min_height].map(f32::to_bits);
    let measured_for = (names, widths.iter().map(|width| width.to_bits()).collect::<Vec<_>>(), sizes);
    remembered(ui.ctx(), ui.scope_id().with("header_layout"), measured_for, |_| {
        let texts: Vec<String> = columns
            .iter()
            .zip(widths)
            .map(|(column, width)| header_text(ui, column, width - 2.0 * padding.x))
            .collect();
        // Each header wraps at the width that makes its lines even, measured with the arrow, as
        // the sorted column's header shows it.
        let wrap_widths: Vec<f32> = texts
            .iter()
            .zip(widths)
            .map(|(header, width)| {
                balanced_wrap_width(ui, &format!("{header} ▼"), &egui::TextStyle::Button, width - 2.0 * padding.x)
            })
            .collect();
        let height = texts.iter().zip(&wrap_widths).fold(min_height, |height, (header, &wrap_width)| {
            let text = egui::WidgetText::from(RichText::new(format!("{header} ▼")).strong());
            let galley = text.into_galley(ui, Some(egui::TextWrapMode::Wrap), wrap_width, egui::TextStyle::Button);
            height.max(galley.size().y + 2.0 * padding.y)
        });
        Arc::new(HeaderLayout { texts, wrap_widths, height })
    })
}

/// A column's header as its button writes it in `width` points: "Planned area (km²)" on one
/// line when it fits with the sort arrow, else the unit on a line of its own, so that a header
/// wrapping in a narrow column breaks before the bracket, not inside the unit ("平方公里").
fn header_text(ui: &Ui, column: &TableColumn, width: f32) -> String {
    let Some(unit) = &column.unit else { return column.header.clone() };
    let unit = unit_in_brackets(&column.header, unit);
    let one_line = format!("{}{unit}", column.header);
    let font = egui::TextStyle::Button.resolve(ui.style());
    let measured =
        ui.fonts_mut(|fonts| fonts.layout_no_wrap(format!("{one_line} ▼"), font, egui::Color32::WHITE).size().x);
    if measured <= width { one_line } else { format!("{}\n{}", column.header, unit.trim_start()) }
}

/// The width a column needs for its header's unit in brackets on a line of its own, as
/// [`header_text`] writes it when the header wraps, with room for the sort arrow the header
/// is measured with; 0 for a column without a unit.
pub(super) fn header_unit_width(ui: &Ui, column: &TableColumn) -> f32 {
    let Some(unit) = &column.unit else { return 0.0 };
    let unit = format!("{} ▼", unit_in_brackets(&column.header, unit).trim_start());
    let font = egui::TextStyle::Button.resolve(ui.style());
    let width = ui.fonts_mut(|fonts| fonts.layout_no_wrap(unit, font, egui::Color32::WHITE).size().x);
    width + 2.0 * ui.spacing().button_padding.x
}

fn header_button_ui(
    ui: &mut Ui,
    label: &str,
    column: &SortColumn,
    sort: &TableSort,
    hint: &str,
    actions: &mut Vec<Action>,
) {
    let text = RichText::new(format!("{label}{}", sort_arrow(column, sort))).strong();
    if hover_text(ui.add(egui::Button::selectable(&sort.column == column, text).wrap()), || hint).clicked() {
        actions.push(Action::SortBy(column.clone()));
    }
}

/// The arrow after `column`'s header when the table is sorted by it, pointing as the order goes.
fn sort_arrow(column: &SortColumn, sort: &TableSort) -> &'static str {
    match (&sort.column == column, sort.descending) {
        (false, _) => "",
        (true, false) => " ▲",
        (true, true) => " ▼",
    }
}

/// A handle at the right edge of every column between the pin and the last, dragged to resize
/// it (a double click fits it to its texts again), and a thin line down the table at each.
/// The handles take the pointer only: Tab does not stop at them.
pub(super) fn resize_handles_ui(
    ui: &Ui,
    id: Id,
    (table, columns): (&Geometry, &[TableColumn]),
    height: std::ops::RangeInclusive<f32>,
    widths: &mut ColumnWidths,
) {
    let spans = table.spans();
    let resizable = spans.len().saturating_sub(2);
    for (i, ((left, right), column)) in spans.iter().zip(columns).enumerate().skip(1).take(resizable) {
        let edge = right + table.spacing / 2.0;
        // An edge scrolled under the frozen columns is out of sight, and out of reach.
        if i >= table.frozen && table.frozen_band().is_some_and(|band| edge <= band.max + 3.0) {
            continue;
        }
        let handle = Rect::from_x_y_ranges(edge - 3.0..=edge + 3.0, height.clone());
        let response = ui.interact(handle, id.with(("resize", i)), Sense::CLICK | Sense::DRAG);
        if response.dragged() {
            // From where the edge was grabbed, so the column does not jump by half a gap.
            let grabbed_at = response.interact_pointer_pos().map_or(edge, |p| p.x);
            widths.set_dragged(&column.kind, Some((grabbed_at - edge + right - left).max(MIN_DRAGGED_WIDTH_PT)));
        }
        if response.double_clicked() {
            widths.set_dragged(&column.kind, None);
        }
        let active = response.hovered() || response.dragged();
        if active {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeColumn);
        }
        let visuals = ui.visuals();
        let stroke = if active { visuals.widgets.hovered.fg_stroke } else { visuals.widgets.noninteractive.bg_stroke };
        ui.painter().vline(edge, height.clone(), Stroke::new(stroke.width.min(1.5), stroke.color));
    }
}
