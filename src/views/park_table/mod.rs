//! The park table: one row per listed park, sortable by any column, click to select.
//!
//! The rows are painted rather than built from a widget per cell: with a widget and a child ui
//! for each cell, the table cost more to draw than all the rest of the window
//! (docs/performance.md). Each row is one widget that takes clicks, hovers and keyboard focus,
//! with its pin star on top; each cell is one piece of text cut with "…" to its column (the
//! tooltip has it whole) and, for screen readers and tests, a node of its own in the
//! accessibility tree. Only the rows scrolled into view are drawn.

mod cells;
mod columns;
mod header;
mod menu;
mod rows;
mod text_fit;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use egui::{Rect, RichText, Ui, vec2};

use crate::format::format_count;
use crate::i18n::{matching_of, no_park_listed, parks_in_words, strings};
use crate::model::{Dataset, Language, MetricId, Park, ParkId};
use crate::state::derived::CitationLine;
use crate::state::filter_words::filters_in_words;
use crate::state::titles::table_title;
use crate::state::{Action, AppState};
use crate::views::remembered::remembered;
use crate::views::widgets::{dataset_park_count, label_height, list_items_kept_whole, paragraph_ui};
use cells::{CellCache, CellsMadeFor, cell_text, text_width};
use columns::{ColumnKind, ColumnWidths, TableColumn, columns};
use header::{header_ui, header_unit_width, resize_handles_ui};
pub use menu::columns_menu_ui;
pub use rows::rows_have_keyboard;
use rows::{Rows, fitted_rows, lines_fitting};
use text_fit::TextFit;
pub use text_fit::TextRoom;

/// How many lines a text of a presented table's cell may take, where the slide has room.
const MAX_PRESENTED_LINES: usize = 6;

/// The table as it is presented, reading on its own: a title (`slide_title`, or one naming
/// the dataset's place), the slide's own takeaway if it has one (`slide_takeaway`), which
/// parks and how they are filtered, the table, and what it cites
/// under it: its sources and, when a cell is marked ≠, what the mark means. Returns what the
/// table shows, so that the sources cited next frame are those of the columns that fit.
/// `scroll_rows` scrolls a table longer than the slide by so many rows (↓/↑), the note under
/// it saying which rows show.
pub fn presented_park_table_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    (visible, listing_generation): (&[ParkId], u64),
    state: &AppState,
    (slide_title, slide_takeaway, scroll_rows): (Option<&str>, Option<&str>, isize),
    citations: &CitationLine,
    actions: &mut Vec<Action>,
) -> TableShown {
    let language = state.language;
    let s = strings(language);
    let title = slide_title.map_or_else(|| table_title(dataset, language), str::to_owned);
    ui.heading(RichText::new(title).strong());
    // Under the title, as on a chart's or the map's slide.
    if let Some(takeaway) = slide_takeaway {
        paragraph_ui(ui, RichText::new(takeaway).text_style(egui::TextStyle::Body).strong());
    }
    // All the parks: how many, as the official list counts them; some: how many rows match.
    let all = dataset_park_count(ui, dataset);
    let mut scope = vec![if visible.len() == all.entries {
        parks_in_words(language, all)
    } else {
        matching_of(language, visible.len(), all)
    }];
    // Under a slide's own title, the table's own (which names the place) leads the scope line,
    // as a chart's does.
    if slide_title.is_some() {
        scope.insert(0, table_title(dataset, language));
    }
    scope.extend(filters_in_words(dataset, &state.filter, language));
    // The key to the star the pinned parks' names carry on a slide (`cells::cell_text`).
    if visible.iter().any(|id| state.is_pinned(id)) {
        scope.push(s.pinned_mark_key.to_owned());
    }
    // And to the selected park's highlighted row, which a room would otherwise guess at.
    if state.selected.as_ref().is_some_and(|selected| visible.contains(selected)) {
        scope.push(s.selected_row_key.to_owned());
    }
    // The rule for which figure a cell shows, only when there are figure columns.
    if !state.table_metrics(dataset).is_empty() {
        scope.push(s.table_presented_figures.to_owned());
    }
    let scope = scope.join(" · ");
    paragraph_ui(ui, RichText::new(&scope).weak());
    let note = citations.stated_otherwise.then_some(s.differs_note);
    let footer = match (note, citations.sources.is_empty()) {
        (None, true) => None,
        (Some(note), true) => Some(note.to_owned()),
        (note, false) => {
            let lead = note.map_or_else(String::new, |note| format!("{note} · "));
            let lead = format!("{lead}{}", s.footer_sources);
            Some(list_items_kept_whole(ui, &lead, &citations.sources, &egui::TextStyle::Small))
        }
    };
    // The footer keeps its room under the table, which scrolls above it.
    let footer_height = footer
        .as_ref()
        .map_or(0.0, |text| label_height(ui, text, &egui::TextStyle::Small) + ui.spacing().item_spacing.y);
    // The line saying which rows or columns are left out, where the last frame had one: kept
    // for a note that is not there, the line was what a slide with a two-line scope line
    // lacked to show every text whole.
    let note_id = ui.scope_id().with("presented table left-out note");
    let note_reserved = ui.data(|data| data.get_temp::<bool>(note_id)).unwrap_or(false);
    let note_height = if note_reserved { ui.text_style_height(&egui::TextStyle::Small) } else { 0.0 };
    let table_height = (ui.available_height() - footer_height - note_height).max(0.0);
    // A table of a few parks or columns grows its text into the slide's room, to be read from
    // further back, and one a little too long for it shrinks a little to show whole; the size
    // is found over a few frames, each frame's table telling how it fared (`text_fit`).
    let room = vec2(ui.available_width(), table_height);
    let body_text_pt = egui::TextStyle::Body.resolve(ui.style()).size;
    let fit_id = ui.scope_id().with("presented table text fit");
    // The window's size, not the table's room: the footer under the table cites the columns
    // shown, which the text's size decides, and the fit must not start again as it changes
    // (it notices a changed room by itself).
    let slide_room = ui.ctx().content_rect().size();
    // The listing by its generation: hashing thousands of ids each frame would cost more than
    // the fit saves.
    let table_made_for = fit_id.with((
        listing_generation,
        dataset.revision(),
        language,
        state.table_metrics(dataset),
        &state.pinned,
        [slide_room.x, slide_room.y, body_text_pt].map(f32::to_bits),
    ));
    let fit = ui.data(|data| data.get_temp(fit_id)).unwrap_or_else(|| TextFit::new(table_made_for));
    let shown = ui
        .allocate_ui(room, |ui| {
            for style in [egui::TextStyle::Body, egui::TextStyle::Button] {
                if let Some(font) = ui.style_mut().text_styles.get_mut(&style) {
                    font.size *= fit.scale;
                }
            }
            park_table_ui(ui, dataset, visible, state, TableMode::Presented { scroll_rows }, actions)
        })
        .inner;
    let next_fit = fit.measured(table_made_for, shown.text_room);
    if next_fit != fit {
        ui.data_mut(|data| data.insert_temp(fit_id, next_fit));
    }
    // Exactly: a settled fit gives back the very size it had.
    if next_fit.scale.to_bits() != fit.scale.to_bits() {
        // The frame at the old size is not shown where egui allows another pass, and the fit
        // goes on next frame where it does not.
        ui.ctx().request_discard("the presented table's text fitted to the slide's room");
        ui.ctx().request_repaint();
    }
    let whole = &shown.rows;
    let mut left_out = Vec::new();
    // Rows past the bottom are there to scroll to; the room says which it shows.
    if whole.len() < visible.len() && !whole.is_empty() {
        let rows = s
            .table_rows_shown
            .replace("{first}", &format_count(whole.start + 1))
            .replace("{last}", &format_count(whole.end))
            .replace("{total}", &format_count(visible.len()));
        left_out.push(rows);
    }
    // Figure columns past the right edge are not there at all: the room is told how many.
    if shown.metrics.len() < shown.figure_columns_chosen {
        let columns = s.table_columns_shown.fill(shown.metrics.len(), shown.figure_columns_chosen);
        left_out.push(columns);
    }
    let note_shown = !left_out.is_empty();
    if note_reserved != note_shown {
        ui.data_mut(|data| data.insert_temp(note_id, note_shown));
        // A note without its room pushes the sources line down: drawn again with it.
        if !note_reserved {
            ui.ctx().request_discard("the presented table's note on what it leaves out took room");
            ui.ctx().request_repaint();
        }
    }
    if !left_out.is_empty() {
        ui.label(RichText::new(left_out.join(" · ")).small().weak());
    }
    if let Some(footer) = footer {
        paragraph_ui(ui, RichText::new(footer).small().weak());
    }
    TableShown { scope, ..shown }
}

/// How the table is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableMode {
    /// In the window; with `scroll_to_selected`, the selected row is scrolled into view (after
    /// a keyboard move).
    Exploring { scroll_to_selected: bool },
    /// On a slide: only whole rows, none cut at the bottom, and no pin stars. With more rows
    /// than fit, `scroll_rows` scrolls them by so many rows (down when positive), from the
    /// first row shown whole.
    Presented { scroll_rows: isize },
}

/// What a drawn table shows of what it was given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableShown {
    /// The rows (indices into the parks listed) shown whole.
    pub rows: Range<usize>,
    /// The metrics of the figure columns shown, in order: on a slide, those that fit.
    pub metrics: Vec<MetricId>,
    /// How many figure columns the user chose.
    pub figure_columns_chosen: usize,
    /// On a slide, how the table fits its room at the size it was drawn.
    pub text_room: TextRoom,
    /// The scope line drawn under a slide's title; empty at the desk, which draws none.
    pub scope: String,
}

/// Draws the table of `visible` parks (already filtered and sorted) in their order, as `mode`
/// says. Returns what it shows of them.
pub fn park_table_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    visible: &[ParkId],
    state: &AppState,
    mode: TableMode,
    actions: &mut Vec<Action>,
) -> TableShown {
    let s = strings(state.language);
    if visible.is_empty() {
        ui.add_space(12.0);
        ui.weak(no_park_listed(state.language, state.filter.why_no_park(dataset)));
        return TableShown::default();
    }
    let body_text_pt = egui::TextStyle::Body.resolve(ui.style()).size;
    let metrics = state.table_metrics(dataset);
    let metrics_chosen = metrics.len();
    let presented = matches!(mode, TableMode::Presented { .. });
    // Made once for the dataset, language, columns chosen and text size (the slide's apart from
    // the window's): their headers are formatted strings, and making them every frame was a
    // twentieth of the table's frame.
    let columns_for = (dataset.revision(), state.language, metrics.clone(), body_text_pt.to_bits());
    let all_columns = remembered(ui.ctx(), egui::Id::unique(("park_table_columns", presented)), columns_for, |_| {
        let mut columns = columns(dataset, &metrics, state.language, body_text_pt);
        if presented {
            // The pin stars are a control; on a slide their column is better given to the texts.
            columns.retain(|column| column.kind != ColumnKind::Pin);
        }
        Arc::new(columns)
    });
    let columns = all_columns.as_slice();
    // Instead, on a slide the pinned parks' names carry the star, when any is listed.
    let pins_marked = (presented && visible.iter().any(|id| state.is_pinned(id))).then_some(state.pinned.as_slice());
    // A line of text, not only its font size, with room above and below: large text on a
    // slide otherwise touches the rows' edges.
    let line_height = ui.text_style_height(&egui::TextStyle::Body);
    let least_row_height = ui.spacing().interact_size.y;
    let row_height_of = move |lines: usize| (lines as f32 * line_height).max(least_row_height) + 4.0;
    let row_height = row_height_of(1);
    // A narrow window scrolls the table sideways rather than hiding its last columns, with a
    // scroll bar that shows (egui's default floating one appears only on hover).
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal()
        .id_salt("park_table_hscroll")
        .show(ui, |ui| {
            // Kept apart: the slide's columns are not the window's.
            let id = ui.make_persistent_id(("park_table", presented));
            let mut widths: ColumnWidths = ui.data(|data| data.get_temp(id)).unwrap_or_default();
            let spacing = ui.spacing().item_spacing;
            let pitch = row_height + spacing.y;
            // Texts are measured again for another dataset, language or choice of columns. The
            // rows that will show are measured before anything is drawn, so such a frame needs no
            // second pass.
            let texts_of = (
                dataset.revision(),
                state.language,
                metrics,
                body_text_pt.to_bits(),
                pins_marked.map(<[ParkId]>::to_vec),
            );
            if widths.measured_for.as_ref() != Some(&texts_of) || widths.texts.len() != columns.len() {
                let rows_in_view = (ui.available_height() / pitch).ceil().max(1.0);
                #[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "at least 1, and small")]
                let first_rows = visible.iter().take(rows_in_view as usize).filter_map(|id| dataset.park(id));
                widths.texts = texts_widths(ui, dataset, first_rows, columns, (state.language, pins_marked));
                // A header's unit is not broken in two: "（平方公里）" over a column of short
                // figures broke as "（平方公 / 里）".
                for (text, column) in widths.texts.iter_mut().zip(columns) {
                    *text = text.max(header_unit_width(ui, column));
                }
                widths.measured_for = Some(texts_of);
            }
            // Room is kept for the body's vertical scroll bar, as egui_extras' table kept it:
            // without it the body is wider than the window, and its scroll bar out of sight.
            let available_width = ui.available_width() - ui.spacing().scroll.allocated_width();
            // The room cannot scroll a slide sideways: it shows the figure columns that fit
            // whole, and says how many it leaves out. The window's table scrolls instead.
            let keep =
                if presented { widths.fitting(columns, available_width, spacing.x) } else { vec![true; columns.len()] };
            let columns: Cow<'_, [TableColumn]> = if keep.iter().all(|keep| *keep) {
                Cow::Borrowed(columns)
            } else {
                columns.iter().zip(&keep).filter(|(_, keep)| **keep).map(|(column, _)| column.clone()).collect()
            };
            let left = ui.cursor().left();
            let table = Geometry::new(
                left,
                widths.kept(&keep).resolve(&columns, available_width, spacing.x, presented),
                spacing.x,
                // The pin and name columns stay in view while the others scroll sideways under
                // them, as a spreadsheet's frozen column: scrolled, the figures said no park.
                columns.iter().take_while(|c| matches!(c.kind, ColumnKind::Pin | ColumnKind::Name)).count(),
                (ui.clip_rect().left() - left).max(0.0),
            );
            let top = ui.cursor().top();
            let room_height = ui.available_height();
            // Two lines at least, so long metric names and their units wrap instead of widening a
            // column.
            header_ui(ui, &table, &columns, (&state.sort, s.sort_hint), (2.0 * row_height, presented), actions);
            let header_height = ui.cursor().top() - top + spacing.y;
            // On a slide whose rows all fit on a line each, a text cut at its column's edge may
            // take more lines, up to MAX_PRESENTED_LINES, in the room under the rows (its row
            // alone growing, `lines_fitting`). A slide of more rows than fit keeps them at a line
            // each, as many shown as can be.
            let room_for_rows = ui.available_height();
            let all_rows_fit = (row_height + spacing.y) * visible.len() as f32 - spacing.y <= room_for_rows;
            let lines_allowed = if presented && all_rows_fit { MAX_PRESENTED_LINES } else { 1 };
            // Taken out of egui's memory for the frame rather than copied out of it.
            let cells_id = id.with("cells");
            let mut cells: CellCache = ui.data_mut(|data| data.remove_temp(cells_id)).unwrap_or_default();
            let made_for = CellsMadeFor::new(
                ui,
                dataset.revision(),
                state.language,
                (&columns, &table.widths),
                (lines_allowed, pins_marked),
            );
            cells.begin_frame(made_for);
            // Each row as tall as its texts want, where the room allows (laid out here, drawn
            // from the cache). What they would want in all is told back as `text_room`: the
            // text's size depends on it and it on the size, and the bracketed fit of
            // `text_fit` is what keeps the two from chasing each other from frame to frame.
            let mut text_cut = false;
            let mut whole_rows_height = pitch * visible.len().saturating_sub(1) as f32 + row_height;
            let fitted = if lines_allowed > 1 {
                let wanted: Vec<usize> = visible
                    .iter()
                    .map(|id| {
                        let Some(park) = dataset.park(id) else { return 1 };
                        let row = cells.row(ui, dataset, park, &columns, state.language);
                        text_cut |= row.iter().flatten().any(|cell| cell.galley.elided);
                        row.iter().flatten().map(|cell| cell.galley.rows.len()).max().unwrap_or(1)
                    })
                    .collect();
                whole_rows_height =
                    fitted_rows(&wanted, row_height_of, spacing.y).last().map_or(0.0, |row| row.top + row.height);
                let lines = lines_fitting(&wanted, row_height_of, spacing.y, room_for_rows);
                fitted_rows(&lines, row_height_of, spacing.y)
            } else {
                Vec::new()
            };
            let text_room = TextRoom {
                height: room_height / (header_height + whole_rows_height),
                // A chosen figure column left out: the text must not grow, and if it did (the
                // slide narrowed), goes back to its size, where the column may fit again.
                all_columns: keep.iter().all(|keep| *keep),
                cut: text_cut,
                rows_fit: all_rows_fit,
            };
            let rows = Rows { dataset, columns: &columns, table: &table, row_height, pitch, fitted };
            let (seen, bottom, whole) = rows.body_ui(ui, visible, state, mode, &mut cells, actions);
            ui.data_mut(|data| data.insert_temp(cells_id, cells));
            resize_handles_ui(ui, id, (&table, &columns), top..=bottom.max(top + 2.0 * row_height), &mut widths);
            // Measured for the columns shown; those left out keep what they had.
            let mut seen = seen.into_iter();
            let seen: Vec<f32> = keep.iter().map(|keep| if *keep { seen.next().unwrap_or(0.0) } else { 0.0 }).collect();
            // A text wider than its column scrolled in: this pass is drawn again at once with the
            // wider column instead of showing a frame of a cut text.
            if widths.grow(&seen) {
                ui.ctx().request_discard("a park table column widened to a text scrolled into view");
            }
            ui.data_mut(|data| data.insert_temp(id, widths));
            let shown_metrics: Vec<MetricId> = columns
                .iter()
                .filter_map(|column| match &column.kind {
                    ColumnKind::Figure(metric) => Some(metric.clone()),
                    _ => None,
                })
                .collect();
            TableShown {
                rows: whole,
                metrics: shown_metrics,
                figure_columns_chosen: metrics_chosen,
                text_room,
                scope: String::new(),
            }
        })
        .inner
}

/// The width each column's texts ask for in `parks`' rows, up to the column's widest.
fn texts_widths<'p>(
    ui: &Ui,
    dataset: &Dataset,
    parks: impl Iterator<Item = &'p Park>,
    columns: &[TableColumn],
    (language, pins_marked): (Language, Option<&[ParkId]>),
) -> Vec<f32> {
    let mut widths = vec![0.0_f32; columns.len()];
    for park in parks {
        for (column, width) in columns.iter().zip(&mut widths) {
            if let Some(text) = cell_text(dataset, park, &column.kind, language, pins_marked) {
                *width = width.max(text_width(ui, &text, column, language));
            }
        }
    }
    widths
}

/// Where the columns are, in points: their left edge, widths and the gap between them.
struct Geometry {
    left: f32,
    widths: Vec<f32>,
    spacing: f32,
    /// How many columns from the left stay in view when the table is scrolled sideways.
    frozen: usize,
    /// How far the table is scrolled sideways: the frozen columns are moved right by as much.
    scrolled: f32,
    /// Each column's left and right edge, where it is drawn: a frozen column moved by the
    /// sideways scroll, so it stays in view. Worked out once a frame, for every row to use.
    spans: Vec<(f32, f32)>,
}

impl Geometry {
    fn new(left: f32, widths: Vec<f32>, spacing: f32, frozen: usize, scrolled: f32) -> Self {
        let spans = widths
            .iter()
            .enumerate()
            .scan(left, |x, (i, width)| {
                let shift = if i < frozen { scrolled } else { 0.0 };
                let span = (*x + shift, *x + shift + width);
                *x += width + spacing;
                Some(span)
            })
            .collect();
        Self { left, widths, spacing, frozen, scrolled, spans }
    }

    /// Each column's left and right edge, where it is drawn.
    fn spans(&self) -> &[(f32, f32)] {
        &self.spans
    }

    /// The band the frozen columns cover while the table is scrolled sideways (from the left
    /// edge of the view to halfway into the gap after them), which hides what scrolls under
    /// it; `None` when nothing does.
    fn frozen_band(&self) -> Option<egui::Rangef> {
        if self.scrolled <= 0.0 || self.frozen == 0 {
            return None;
        }
        let right = self.spans.get(self.frozen - 1)?.1 + self.spacing / 2.0;
        Some(egui::Rangef::new(self.left + self.scrolled, right))
    }

    /// The columns' indices in the order they are drawn: the frozen ones last, over what
    /// scrolls under them.
    fn paint_order(&self) -> impl Iterator<Item = usize> + use<> {
        let (count, frozen) =
            (self.widths.len(), if self.scrolled > 0.0 { self.frozen.min(self.widths.len()) } else { 0 });
        (frozen..count).chain(0..frozen)
    }

    fn width(&self) -> f32 {
        self.widths.iter().sum::<f32>() + self.spacing * self.widths.len().saturating_sub(1) as f32
    }
}

/// Hides what scrolled under the frozen columns' `band` over `y`: the panel's colour, then the
/// row's own `fill` (a stripe, the selection), with a line at its right edge where the columns
/// pass under it.
pub(super) fn cover_band(ui: &Ui, band: egui::Rangef, y: egui::Rangef, fill: Option<egui::Color32>) {
    let rect = Rect::from_x_y_ranges(band, y);
    let visuals = ui.visuals();
    ui.painter().rect_filled(rect, 0.0, visuals.panel_fill);
    if let Some(fill) = fill {
        ui.painter().rect_filled(rect, 0.0, fill);
    }
    ui.painter().vline(band.max, y, visuals.widgets.noninteractive.bg_stroke);
}
