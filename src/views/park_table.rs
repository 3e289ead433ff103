//! The park table: one row per listed park, sortable by any column, click to select.
//!
//! The rows are painted rather than built from a widget per cell: with a widget and a child ui
//! for each cell, the table cost more to draw than all the rest of the window
//! (docs/performance.md). Each row is one widget that takes clicks, hovers and keyboard focus,
//! with its pin button on top; each cell is one piece of text cut with "…" to its column (the
//! tooltip has it whole) and, for screen readers and tests, a node of its own in the
//! accessibility tree. Only the rows scrolled into view are drawn.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, CursorIcon, FontSelection, Galley, Id, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use crate::format::{district_names, figure_value};
use crate::i18n::{period_label, qualifier_name, strings};
use crate::model::{Dataset, Language, MetricId, Park, ParkId, Qualifier};
use crate::state::{Action, AppState, RoleScope, SortColumn, TableSort};

/// Width of the pin column, which holds only the star.
const PIN_WIDTH: f32 = 28.0;

/// Narrowest a column can be dragged to.
const MIN_DRAGGED_WIDTH: f32 = 30.0;

/// What a column shows.
#[derive(Clone, Debug, PartialEq)]
enum ColumnKind {
    Pin,
    Name,
    OtherName,
    Districts,
    Figure(MetricId),
    /// The last column: it takes the width the others leave.
    Leading,
}

/// One column: its header, what it sorts by (if it sorts), what it shows, and the range of
/// widths it takes by itself (to fit its texts; wider texts are cut).
struct TableColumn {
    header: String,
    sort: Option<SortColumn>,
    kind: ColumnKind,
    least: f32,
    most: f32,
}

/// The columns in order: the pin, the names, the districts, each of the dataset's table metrics
/// (named with its unit), the leading industries.
fn columns(dataset: &Dataset, language: Language) -> Vec<TableColumn> {
    let s = strings(language);
    let column =
        |header: &str, sort, kind, (least, most)| TableColumn { header: header.to_owned(), sort, kind, least, most };
    let mut columns = vec![
        column(s.col_pin, None, ColumnKind::Pin, (PIN_WIDTH, PIN_WIDTH)),
        column(s.col_name, Some(SortColumn::Name), ColumnKind::Name, (140.0, 230.0)),
        column(s.col_name_zh, None, ColumnKind::OtherName, (90.0, 200.0)),
        column(s.col_districts, Some(SortColumn::District), ColumnKind::Districts, (80.0, 150.0)),
    ];
    columns.extend(dataset.view_metrics().table.iter().filter_map(|id| dataset.metric(id)).map(|metric| {
        let header = format!("{} ({})", metric.name.get(language), metric.unit.get(language));
        column(
            &header,
            Some(SortColumn::Figure(metric.id.clone())),
            ColumnKind::Figure(metric.id.clone()),
            (100.0, 150.0),
        )
    }));
    columns.push(column(s.col_leading, None, ColumnKind::Leading, (160.0, f32::INFINITY)));
    columns
}

/// What the table remembers between frames: each column's text width in the rows drawn last
/// (so a column fits its texts, up to its widest), and the widths the user dragged columns to.
#[derive(Clone, Debug, Default)]
struct ColumnWidths {
    measured: Vec<f32>,
    dragged: Vec<Option<f32>>,
}

impl ColumnWidths {
    /// The width of each column for a table `room` wide: dragged, else fitted to its texts;
    /// the last column takes what is left.
    fn resolve(&self, columns: &[TableColumn], room: f32, spacing: f32) -> Vec<f32> {
        let mut widths: Vec<f32> = columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let dragged = self.dragged.get(i).copied().flatten();
                let measured = self.measured.get(i).copied().unwrap_or(0.0);
                dragged.unwrap_or_else(|| measured.clamp(column.least, column.most.max(column.least)))
            })
            .collect();
        shrink_to_fit(&mut widths, columns, &self.dragged, room, spacing);
        if let Some((fill, others)) = widths.split_last_mut()
            && let Some(column) = columns.last()
            && self.dragged.get(others.len()).copied().flatten().is_none()
        {
            let taken = others.iter().sum::<f32>() + spacing * others.len() as f32;
            *fill = (room - taken).max(column.least);
        }
        widths
    }
}

/// Narrows the text columns the user has not sized towards their least widths, each by its
/// share of the room they can give, until the table fits `room` with its last column at its
/// least: names are cut before figures are pushed out of view.
fn shrink_to_fit(widths: &mut [f32], columns: &[TableColumn], dragged: &[Option<f32>], room: f32, spacing: f32) {
    let least_last = columns.last().map_or(0.0, |column| column.least);
    let others = widths.len().saturating_sub(1);
    let wanted = widths.iter().take(others).sum::<f32>() + spacing * others as f32 + least_last;
    let shrinkable = |i: usize| {
        let column = columns.get(i)?;
        let text = matches!(column.kind, ColumnKind::Name | ColumnKind::OtherName | ColumnKind::Districts);
        (text && dragged.get(i).copied().flatten().is_none()).then_some(column.least)
    };
    let slack: f32 = (0..others).filter_map(|i| Some(widths.get(i)? - shrinkable(i)?)).sum();
    let excess = wanted - room;
    if excess <= 0.0 || slack <= 0.0 {
        return;
    }
    let share = (excess / slack).min(1.0);
    for (i, width) in widths.iter_mut().enumerate().take(others) {
        if let Some(least) = shrinkable(i) {
            *width -= (*width - least) * share;
        }
    }
}

/// Draws the table of `visible` parks (already filtered and sorted) in their order. With
/// `scroll_to_selected`, the selected row is scrolled into view (after a keyboard move).
pub fn park_table_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    visible: &[ParkId],
    state: &AppState,
    scroll_to_selected: bool,
    actions: &mut Vec<Action>,
) {
    let s = strings(state.language);
    if visible.is_empty() {
        ui.add_space(12.0);
        ui.weak(s.no_match);
        return;
    }
    let columns = columns(dataset, state.language);
    let row_height = egui::TextStyle::Body.resolve(ui.style()).size.max(ui.spacing().interact_size.y) + 4.0;
    // A narrow window scrolls the table sideways rather than hiding its last columns, with a
    // scroll bar that shows (egui's default floating one appears only on hover).
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal().id_salt("park_table_hscroll").show(ui, |ui| {
        let id = ui.make_persistent_id("park_table");
        let mut memory: ColumnWidths = ui.data(|data| data.get_temp(id)).unwrap_or_default();
        memory.dragged.resize(columns.len(), None);
        let spacing = ui.spacing().item_spacing;
        if memory.measured.is_empty() {
            // The first time, the rows that will show are measured before anything is drawn,
            // so the window's first frame needs no second pass for the widths.
            let fit = (ui.available_height() / (row_height + spacing.y)).ceil().max(1.0);
            #[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "at least 1, and small")]
            let first_rows = visible.iter().take(fit as usize).filter_map(|id| dataset.park(id));
            memory.measured = text_widths(ui, dataset, first_rows, &columns, state.language);
        }
        let widths = memory.resolve(&columns, ui.available_width(), spacing.x);
        let table = Geometry { left: ui.cursor().left(), widths, spacing: spacing.x };
        let top = ui.cursor().top();
        // Two lines, so long metric names and their units wrap instead of widening a column.
        header_ui(ui, &table, &columns, (&state.sort, s.sort_hint), 2.0 * row_height, actions);
        let rows = Rows { dataset, columns: &columns, table: &table, row_height, pitch: row_height + spacing.y };
        let (measured, bottom) = rows.body_ui(ui, visible, state, scroll_to_selected, actions);
        if let Some(dragged) = resize_handles_ui(ui, id, &table, top..=bottom.max(top + 2.0 * row_height)) {
            memory.dragged = dragged;
        }
        // Widths follow the texts of the rows drawn, known only once they are laid out: when
        // they change (the first frame, another language, other rows scrolled in), this pass is
        // drawn again at once with the new widths instead of showing a frame of wrong ones.
        let changed = memory.measured.len() != measured.len()
            || memory.measured.iter().zip(&measured).any(|(before, now)| (before - now).abs() > 0.5);
        if changed {
            ui.ctx().request_discard("the park table's column widths changed");
        }
        memory.measured = measured;
        ui.data_mut(|data| data.insert_temp(id, memory));
    });
}

/// Where the columns are: their left edge, widths and the gap between them.
struct Geometry {
    left: f32,
    widths: Vec<f32>,
    spacing: f32,
}

impl Geometry {
    /// Each column's left and right edge.
    fn spans(&self) -> impl Iterator<Item = (f32, f32)> + '_ {
        self.widths.iter().scan(self.left, |x, width| {
            let span = (*x, *x + width);
            *x += width + self.spacing;
            Some(span)
        })
    }

    fn width(&self) -> f32 {
        self.widths.iter().sum::<f32>() + self.spacing * self.widths.len().saturating_sub(1) as f32
    }
}

/// The header row: a button per sortable column, its arrow on the column sorted by. It is at
/// least `least_height` tall, and taller where a name wraps to more lines in its column (long
/// metric names, large presentation text), so no header is cut.
fn header_ui(
    ui: &mut Ui,
    table: &Geometry,
    columns: &[TableColumn],
    (sort, hint): (&TableSort, &str),
    least_height: f32,
    actions: &mut Vec<Action>,
) {
    let padding = ui.spacing().button_padding;
    let height = columns.iter().zip(&table.widths).fold(least_height, |height, (column, width)| {
        // With the arrow, as the sorted column's button shows it.
        let text = egui::WidgetText::from(RichText::new(format!("{} ▼", column.header)).strong());
        let galley =
            text.into_galley(ui, Some(egui::TextWrapMode::Wrap), width - 2.0 * padding.x, egui::TextStyle::Button);
        height.max(galley.size().y + 2.0 * padding.y)
    });
    let (row, _) = ui.allocate_exact_size(vec2(table.width(), height), Sense::hover());
    for (column, (left, right)) in columns.iter().zip(table.spans()) {
        let rect = Rect::from_x_y_ranges(left..=right, row.y_range());
        let layout = egui::Layout::left_to_right(Align::Center);
        ui.scope_builder(egui::UiBuilder::new().max_rect(rect).layout(layout), |ui| {
            ui.shrink_clip_rect(rect);
            match &column.sort {
                Some(sort_column) => header_button_ui(ui, &column.header, sort_column, sort, hint, actions),
                None => {
                    ui.strong(&column.header);
                }
            }
        });
    }
}

fn header_button_ui(
    ui: &mut Ui,
    label: &str,
    column: &SortColumn,
    sort: &TableSort,
    hint: &str,
    actions: &mut Vec<Action>,
) {
    let arrow = match (&sort.column == column, sort.descending) {
        (false, _) => "",
        (true, false) => " ▲",
        (true, true) => " ▼",
    };
    let text = RichText::new(format!("{label}{arrow}")).strong();
    if ui.add(egui::Button::selectable(&sort.column == column, text).wrap()).on_hover_text(hint).clicked() {
        actions.push(Action::SortBy(column.clone()));
    }
}

/// A handle at the right edge of every column but the last, dragged to resize it (a double
/// click gives it back its fitted width), and a thin line down the table at each. Returns the
/// dragged widths when one changed.
fn resize_handles_ui(
    ui: &Ui,
    id: Id,
    table: &Geometry,
    height: std::ops::RangeInclusive<f32>,
) -> Option<Vec<Option<f32>>> {
    let mut memory: ColumnWidths = ui.data(|data| data.get_temp(id)).unwrap_or_default();
    memory.dragged.resize(table.widths.len(), None);
    let mut changed = false;
    let spans: Vec<(f32, f32)> = table.spans().collect();
    for (i, (left, right)) in spans.iter().enumerate().skip(1).take(spans.len().saturating_sub(2)) {
        let edge = right + table.spacing / 2.0;
        let handle = Rect::from_x_y_ranges(edge - 3.0..=edge + 3.0, height.clone());
        let response = ui.interact(handle, id.with(("resize", i)), Sense::click_and_drag());
        if response.dragged() {
            let width =
                (response.interact_pointer_pos().map_or(edge, |p| p.x) - edge + right - left).max(MIN_DRAGGED_WIDTH);
            memory.dragged[i] = Some(width);
            changed = true;
        }
        if response.double_clicked() {
            memory.dragged[i] = None;
            changed = true;
        }
        if response.hovered() || response.dragged() {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeColumn);
        }
        let stroke = if response.hovered() || response.dragged() {
            ui.visuals().widgets.hovered.fg_stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        ui.painter().vline(edge, height.clone(), Stroke::new(stroke.width.min(1.5), stroke.color));
    }
    changed.then_some(memory.dragged)
}

/// The body's sizes.
struct Rows<'a> {
    dataset: &'a Dataset,
    columns: &'a [TableColumn],
    table: &'a Geometry,
    /// A row's height, and the distance from one row's top to the next.
    row_height: f32,
    pitch: f32,
}

/// A cell's text, before it is laid out.
enum CellText {
    Text { text: String, strong: bool },
    Figure { value: String, year: String },
    NoData,
}

impl Rows<'_> {
    /// The rows scrolled into view. Returns the widest text of each column among them (for the
    /// next frame's widths) and the bottom of the rows drawn.
    #[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "clamped to be non-negative first")]
    fn body_ui(
        &self,
        ui: &mut Ui,
        visible: &[ParkId],
        state: &AppState,
        scroll_to_selected: bool,
        actions: &mut Vec<Action>,
    ) -> (Vec<f32>, f32) {
        let mut measured = vec![0.0; self.columns.len()];
        let mut bottom = ui.cursor().top();
        egui::ScrollArea::vertical().id_salt("park_table_body").show_viewport(ui, |ui, viewport| {
            ui.set_width(self.table.width());
            ui.set_height(self.pitch * visible.len() as f32);
            let top = ui.max_rect().top();
            let first = (viewport.min.y / self.pitch).floor().max(0.0) as usize;
            let last = ((viewport.max.y / self.pitch).ceil().max(0.0) as usize).min(visible.len());
            if scroll_to_selected
                && let Some(row) = state.selected.as_ref().and_then(|id| visible.iter().position(|p| p == id))
            {
                let row_top = top + row as f32 * self.pitch;
                ui.scroll_to_rect(Rect::from_x_y_ranges(ui.max_rect().x_range(), row_top..=row_top + self.pitch), None);
            }
            for (index, id) in visible.iter().enumerate().take(last).skip(first) {
                let Some(park) = self.dataset.park(id) else { continue };
                let row_top = top + index as f32 * self.pitch;
                self.row_ui(ui, park, (index, row_top), state, &mut measured, actions);
            }
            bottom = ui.clip_rect().bottom().min(top + self.pitch * visible.len() as f32);
        });
        (measured, bottom)
    }

    /// One park's row: its background (striped, hovered, selected), its cells and its pin.
    fn row_ui(
        &self,
        ui: &mut Ui,
        park: &Park,
        (index, top): (usize, f32),
        state: &AppState,
        measured: &mut [f32],
        actions: &mut Vec<Action>,
    ) {
        let language = state.language;
        let row = Rect::from_min_size(pos2(self.table.left, top), vec2(self.table.width(), self.row_height));
        let row_id = ui.make_persistent_id(("park_row", &park.id));
        let response = ui.interact(row, row_id, Sense::click());
        let selected = state.selected.as_ref() == Some(&park.id);
        let hovered = state.hovered.as_ref() == Some(&park.id) || response.hovered();
        // The background covers the gap to the next row, so stripes and highlights join up.
        let background = row.expand2(vec2(self.table.spacing, self.pitch - self.row_height) / 2.0);
        let visuals = ui.visuals();
        let fill = if selected {
            Some(visuals.selection.bg_fill)
        } else if hovered {
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
        let pointer = response.hover_pos();
        let mut tooltip = None;
        for ((column, (left, right)), width_seen) in
            self.columns.iter().zip(self.table.spans()).zip(measured.iter_mut())
        {
            let cell = Rect::from_x_y_ranges(left..=right, row.y_range());
            let Some(text) = cell_text(self.dataset, park, &column.kind, language) else { continue };
            let no_data = strings(language).no_data;
            let galley = cell_galley(ui, &text, no_data, column.most.min(cell.width()));
            // What the text asks for, whatever the column's width now: a narrowed column must
            // not measure its texts as narrower, or the widths would change from frame to frame.
            let asked = if galley.elided && cell.width() < column.most {
                natural_width(&cell_galley(ui, &text, no_data, column.most), column.most)
            } else {
                natural_width(&galley, column.most)
            };
            *width_seen = width_seen.max(asked);
            let x = match text {
                CellText::Text { .. } => cell.left(),
                CellText::Figure { .. } | CellText::NoData => cell.right() - galley.size().x,
            };
            let at = pos2(x, cell.center().y - galley.size().y / 2.0);
            let cell_painter = ui.painter().with_clip_rect(cell.intersect(ui.clip_rect()));
            accessible_cell(ui, row_id.with(left.to_bits()), cell, &galley.job.text);
            if pointer.is_some_and(|p| cell.x_range().contains(p.x)) {
                tooltip = cell_tooltip(self.dataset, park, &column.kind, &galley, language);
            }
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
        if let Some((left, right)) = self.table.spans().next() {
            let cell = Rect::from_x_y_ranges(left..=right, row.y_range());
            pin_button_ui(ui, cell, &park.id, state.is_pinned(&park.id), language, actions);
        }
        if response.clicked() {
            actions.push(Action::Select(park.id.clone()));
        }
        if response.hovered() {
            actions.push(Action::Hover(park.id.clone()));
        }
    }
}

/// The width each column's texts ask for in `parks`' rows, up to the column's widest.
fn text_widths<'p>(
    ui: &Ui,
    dataset: &Dataset,
    parks: impl Iterator<Item = &'p Park>,
    columns: &[TableColumn],
    language: Language,
) -> Vec<f32> {
    let mut widths = vec![0.0_f32; columns.len()];
    for park in parks {
        for (column, width) in columns.iter().zip(&mut widths) {
            if let Some(text) = cell_text(dataset, park, &column.kind, language) {
                let galley = cell_galley(ui, &text, strings(language).no_data, column.most);
                *width = width.max(natural_width(&galley, column.most));
            }
        }
    }
    widths
}

/// What a cell of `park` in a column of `kind` says; `None` for the pin, which is a button.
fn cell_text(dataset: &Dataset, park: &Park, kind: &ColumnKind, language: Language) -> Option<CellText> {
    let text = |text: String| Some(CellText::Text { text, strong: false });
    match kind {
        ColumnKind::Pin => None,
        ColumnKind::Name => Some(CellText::Text { text: park.name.get(language).to_owned(), strong: true }),
        ColumnKind::OtherName => text(park.name.get(language.other()).to_owned()),
        ColumnKind::Districts => text(district_names(dataset, park, language)),
        ColumnKind::Leading => text(leading_industries(dataset, park, language)),
        ColumnKind::Figure(metric) => Some(dataset.latest(park, metric).map_or(CellText::NoData, |figure| {
            let obs = figure.observation;
            let mut year = period_label(language, obs.year, obs.period);
            if obs.qualifier == Qualifier::Preliminary {
                year = format!("{year} ({})", qualifier_name(language, obs.qualifier));
            }
            CellText::Figure { value: figure_value(&figure), year }
        })),
    }
}

/// A cell's text laid out on one line, cut with "…" at `width`.
fn cell_galley(ui: &Ui, text: &CellText, no_data: &str, width: f32) -> Arc<Galley> {
    let style = ui.style();
    let mut job = LayoutJob::default();
    let mut add = |text: RichText| text.append_to(&mut job, style, FontSelection::Default, Align::Center);
    match text {
        CellText::Text { text, strong } => {
            add(if *strong { RichText::new(text).strong() } else { RichText::new(text) });
        }
        CellText::Figure { value, year } => {
            add(RichText::new(value));
            add(RichText::new(format!(" {year}")).weak());
        }
        CellText::NoData => add(RichText::new(no_data).weak()),
    }
    job.wrap = TextWrapping::truncate_at_width(width.max(0.0));
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// How wide a column must be for `galley`'s text, up to `most`: a cut text asks for all of it.
fn natural_width(galley: &Galley, most: f32) -> f32 {
    if galley.elided { most } else { galley.size().x }
}

/// The tooltip of a cell: a figure's value, unit, year, quality and source; a cut text whole.
fn cell_tooltip(
    dataset: &Dataset,
    park: &Park,
    kind: &ColumnKind,
    galley: &Galley,
    language: Language,
) -> Option<String> {
    if let ColumnKind::Figure(metric) = kind {
        let figure = dataset.latest(park, metric)?;
        let obs = figure.observation;
        return Some(format!(
            "{} {} · {} · {} · {}",
            figure_value(&figure),
            figure.metric.unit.get(language),
            period_label(language, obs.year, obs.period),
            qualifier_name(language, obs.qualifier),
            figure.source.title
        ));
    }
    galley.elided.then(|| galley.job.text.clone())
}

/// A node in the accessibility tree for a painted cell, when the tree is being built (a screen
/// reader or a test is listening): its text, whole, and where it is.
fn accessible_cell(ui: &Ui, id: Id, rect: Rect, text: &str) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(egui::accesskit::Role::Label);
        // As egui writes a label: AccessKit keeps a label's text as its value.
        node.set_value(text);
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
    });
}

/// A star that pins or unpins a park: filled when pinned. Drawn over the row as a plain
/// clickable rectangle rather than a button in a child ui: it is on every row.
fn pin_button_ui(ui: &mut Ui, cell: Rect, id: &ParkId, pinned: bool, language: Language, actions: &mut Vec<Action>) {
    let s = strings(language);
    let (star, hint) = if pinned { ("★", s.unpin) } else { ("☆", s.pin) };
    let response = ui.interact(cell, ui.make_persistent_id(("pin", id)), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, star));
    let visuals = ui.visuals();
    let colour = if response.hovered() { visuals.widgets.hovered.text_color() } else { visuals.strong_text_color() };
    let font = egui::TextStyle::Button.resolve(ui.style());
    ui.painter().text(cell.center(), egui::Align2::CENTER_CENTER, star, font, colour);
    if response.has_focus() {
        ui.painter().rect_stroke(cell.shrink(1.0), 2.0, visuals.selection.stroke, egui::StrokeKind::Inside);
    }
    if response.on_hover_text(hint).clicked() {
        actions.push(Action::TogglePin(id.clone()));
    }
}

/// Names of the industries a park leads with (the roles the filter calls leading), joined.
fn leading_industries(dataset: &Dataset, park: &Park, language: Language) -> String {
    let names: Vec<&str> = park
        .industries
        .iter()
        .filter(|link| RoleScope::Leading.includes(link.role))
        .filter_map(|link| dataset.industry(&link.industry))
        .map(|i| i.name.get(language))
        .collect();
    names.join(", ")
}
