//! The industry matrix: a row per park, a column per industry, each cell the role the park
//! gives the industry. Column headers are written upwards and filter by their industry; only
//! the rows scrolled into view are drawn. Presented, the matrix gives every park a row when a
//! slide can hold them all, its rows only as tall as their text and its headers capped.

mod headers;

use std::ops::Range;
use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, RichText, TextStyle, TextWrapMode, Ui, WidgetText};

use super::{CompareContext, chart_font, park_name};
use crate::format::format_count;
use crate::i18n::{role_mark, strings};
use crate::model::{ParkId, Role};
use crate::state::Action;
use crate::state::series::IndustryMatrix;
use crate::theme::role_cell_colours;
use crate::views::remembered::{glyphs_key, remembered};
use crate::views::widgets::PIN_MARK;
use crate::views::widgets::hover::hover_text;
use headers::{Header, industry_header_ui};

/// The rows the desk's matrix shows at least, however little room the window leaves it.
const DESK_LEAST_ROWS: f32 = 4.0;

/// The space between two presented rows when the matrix is pressed for room: enough to tell
/// one row's cells from the next one's.
const TIGHTEST_ROW_GAP: f32 = 1.0;

/// The matrix's sizes, from the ui's text styles so the matrix grows with the app's text.
#[derive(Clone, Debug)]
struct Layout {
    /// Width of one cell, and of one column.
    cell: f32,
    /// Height of one cell: its width at the desk, less on a slide pressed for room.
    cell_height: f32,
    /// How far a cell's coloured fill stands in from the cell's edges, across and down.
    cell_inset: egui::Vec2,
    /// Height of one row with the spacing under it: the rows' pitch, by which the matrix
    /// draws only the rows scrolled into view, and counts the rows that fit when presenting.
    row: f32,
    /// The spacing under a row (and under the headers).
    row_gap: f32,
    /// Width of the park names left of the cells.
    name_width: f32,
    /// Font of the industry names in the header and of the park names.
    font: FontId,
    /// Font of the role letters in the cells.
    cell_font: FontId,
}

impl Layout {
    fn new(ui: &Ui) -> Self {
        let font = chart_font(ui);
        let cell = (font.size * 2.1).round();
        let row_gap = ui.spacing().item_spacing.y;
        Self {
            cell,
            cell_height: cell,
            cell_inset: egui::Vec2::splat(2.0),
            row: cell + row_gap,
            row_gap,
            name_width: font.size * 17.5,
            cell_font: FontId::proportional(font.size * 0.95),
            font,
        }
    }
}

/// The layout and headers of a presented matrix whose `columns` are shown, in `room` points
/// of height for the headers and rows. As at the desk when every row fits so. Else the rows are
/// only as tall as their text, which keeps the desk's size (the slide's body text), and the
/// headers capped to leave them the room, in the rows' text size or, if a name would then not fit in two lines,
/// the slide's small text. Else, with more parks than a slide can hold, the headers are as at
/// the desk and the rows as tight, and the note under the matrix says which rows are shown.
fn presented_layout(
    ui: &Ui,
    ctx: &CompareContext<'_>,
    matrix: &IndustryMatrix,
    columns: &[usize],
    (desk, room): (Layout, f32),
) -> (Layout, Header) {
    let park_count = matrix.parks.len() as f32;
    let natural = Header::new(ui, ctx, matrix, columns, (&desk.font, f32::INFINITY));
    if natural.height + desk.row_gap + park_count * desk.row <= room {
        return (desk, natural);
    }
    // A row needs its name's line (the name's button has no padding, see `park_row_ui`), and a
    // role letter's line within its fill, a point in from the cell's edges.
    let letter = ui.painter().layout_no_wrap(
        role_mark(ctx.language, Role::Leading).to_owned(),
        desk.cell_font.clone(),
        Color32::PLACEHOLDER,
    );
    let name_line = ui.fonts_mut(|fonts| fonts.row_height(&desk.font)).ceil();
    let tightest_cell = name_line.max(letter.size().y + 2.0);
    let tightest_row = tightest_cell + TIGHTEST_ROW_GAP;
    let header_cap = room - desk.row_gap - park_count * tightest_row;
    let small = TextStyle::Small.resolve(ui.style());
    let header = [&desk.font, &small]
        .into_iter()
        .map(|font| Header::new(ui, ctx, matrix, columns, (font, header_cap)))
        .find(|header| !header.elided && header.height <= header_cap);
    // Whole points keep the cells' edges crisp. (`min` and `max` rather than `clamp`, which
    // panics should a style make the desk's rows the tighter.)
    let (header, row) = match header {
        Some(header) => {
            let row = ((room - header.height - desk.row_gap) / park_count).floor().min(desk.row).max(tightest_row);
            (header, row)
        }
        // More parks than a slide can hold: as many rows as it holds, under whole headers.
        None => (natural, tightest_row.min(desk.row)),
    };
    // The gaps between rows give way before the cells do, which keep a Chinese role letter
    // clear of their fill's edges as long as they can.
    let row_gap = (row - desk.cell_height).min(desk.row_gap).max(TIGHTEST_ROW_GAP);
    let cell_height = row - row_gap;
    let inset_y = ((cell_height - letter.size().y) / 2.0).min(desk.cell_inset.y).max(1.0);
    let layout = Layout { cell_height, cell_inset: egui::vec2(desk.cell_inset.x, inset_y), row, row_gap, ..desk };
    (layout, header)
}

/// The names' width: as wide as the longest name needs (pinned ones with room for the star a
/// slide gives them), within what the columns shown leave, and never below the narrowest the
/// desk allows. A park's name cut with "…" beside an empty half of the window, or a pinned one
/// beside an empty half of a slide, would hide which park a row is.
fn name_width(ui: &Ui, ctx: &CompareContext<'_>, matrix: &IndustryMatrix, (desk, columns): (&Layout, usize)) -> f32 {
    let spare = ui.available_width()
        - ui.spacing().scroll.bar_width
        - columns as f32 * (desk.cell + ui.spacing().item_spacing.x)
        - ui.spacing().item_spacing.x;
    // Measured once per dataset, language, font and pins: a slide may list thousands of parks.
    let made_for = (
        (ctx.dataset.revision(), ctx.language, ui.ctx().pixels_per_point().to_bits()),
        (matrix.rows_key(), ctx.pinned.to_vec(), desk.font.clone()),
    );
    let longest = remembered(ui.ctx(), egui::Id::unique("matrix slide names"), made_for, |_| {
        let measure = |text: String, strong: bool| {
            let text = RichText::new(text).font(desk.font.clone());
            let text = if strong { text.strong() } else { text };
            WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, TextStyle::Body).size().x
        };
        (matrix.parks.iter())
            .map(|park| {
                let name = park_name(ctx.dataset, park, ctx.language);
                if ctx.pinned.contains(park) {
                    measure(format!("{PIN_MARK} {name}"), true)
                } else {
                    measure(name, false)
                }
            })
            .fold(0.0, f32::max)
    });
    (longest.ceil() + 2.0 * ui.spacing().button_padding.x).min(spare).max(desk.name_width)
}

/// Draws the matrix with its hint and role legend; the hint is left out when presenting.
pub(super) fn matrix_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    matrix: &IndustryMatrix,
    footer: f32,
    actions: &mut Vec<Action>,
) {
    let s = strings(ctx.language);
    if !ctx.presenting {
        ui.label(RichText::new(s.matrix_hint).small().weak());
    }
    // The pinned parks' names carry a star (`park_row_ui`), at the desk as on a slide: every
    // other chart and the map set the parks compared apart. The legend keys it.
    let marks_pins = matrix.parks.iter().any(|park| ctx.pinned.contains(park));
    let legend =
        if marks_pins { format!("{} · {}", s.roles_legend, s.pinned_mark_key) } else { s.roles_legend.to_owned() };
    ui.label(RichText::new(legend).small().weak());
    let narrowest = Layout::new(ui);
    let park_count = matrix.parks.len();
    // On a projector the room shows every row when a slide can hold them, else whole rows, and
    // the columns that fit, in the chosen order, and a line under the matrix says which: the
    // presenter scrolls to the other parks, as in the presented table (the CSV export keeps
    // every industry).
    let note_height = ui.text_style_height(&egui::TextStyle::Small) + ui.spacing().item_spacing.y;
    // A little over, as rows fitted to the room divide it exactly and rounding must not lose one.
    #[expect(clippy::cast_sign_loss, reason = "the room is clamped to be non-negative")]
    let fits = |room: f32, size: f32| ((room.max(0.0) / size) + 1e-3).floor() as usize;
    let industry_count = if ctx.presenting {
        // Each column takes its cell and the spacing after it; keep a scroll bar's width spare.
        let columns_room = ui.available_width() - narrowest.name_width - ui.spacing().scroll.bar_width;
        matrix.industries.len().min(fits(columns_room, narrowest.cell + ui.spacing().item_spacing.x))
    } else {
        matrix.industries.len()
    };
    // The columns that fit: the pinned parks' industries, then those the most parks have (all
    // at the desk).
    let columns = matrix.most_shared_columns(industry_count, ctx.pinned);
    let all_columns = columns.len() == matrix.industries.len();
    // The headers' and rows' room on a slide.
    let room = ui.available_height() - footer - note_height;
    let desk = Layout { name_width: name_width(ui, ctx, matrix, (&narrowest, columns.len())), ..narrowest };
    let (layout, header) = if ctx.presenting {
        presented_layout(ui, ctx, matrix, &columns, (desk, room))
    } else {
        // Kept between frames: laying out and balancing every industry's name took a tenth of
        // a frame (docs/performance.md).
        let made_for = (
            (ctx.dataset.revision(), ctx.language, glyphs_key(ui.ctx())),
            (matrix.industries.clone(), columns.clone(), desk.font.clone()),
        );
        let id = egui::Id::unique("matrix_headers");
        let header =
            remembered(ui.ctx(), id, made_for, |_| Header::new(ui, ctx, matrix, &columns, (&desk.font, f32::INFINITY)));
        (desk, header)
    };
    // The rows start below the headers' room and the spacing after it.
    let rows_offset = header.height + layout.row_gap;
    let rows_fitting = if ctx.presenting { park_count.min(fits(room - rows_offset, layout.row)) } else { park_count };
    let scroll_height = if rows_fitting < park_count {
        rows_offset + rows_fitting as f32 * layout.row
    } else if ctx.presenting {
        ui.available_height() - footer - note_height
    } else {
        // At the desk the headers and a few rows at least, the view scrolling to them where
        // the window leaves less (enlarged text): squeezed to its headers, the matrix showed
        // no park.
        (ui.available_height() - footer).max(rows_offset + DESK_LEAST_ROWS * layout.row)
    };
    let output = egui::ScrollArea::both().id_salt("matrix_scroll").max_height(scroll_height).show(ui, |ui| {
        // A row is laid out `ui.horizontal`, at least `interact_size` tall: as tall as its cells,
        // so that the rows keep their pitch.
        ui.spacing_mut().item_spacing.y = layout.row_gap;
        ui.spacing_mut().interact_size.y = layout.cell_height;
        // The headers' room at the top; they are drawn after the rows, at the top of what is in
        // view, so scrolling down the parks keeps the industries named.
        let (headers_room, _) = ui.allocate_exact_size(egui::vec2(0.0, header.height), egui::Sense::hover());
        let headers_top = ui.clip_rect().top().max(headers_room.top());
        let whole = whole_rows_in_view(ui, park_count, layout.row, header.height);
        if ctx.scroll_rows != 0 && rows_fitting < park_count {
            // ↓/↑ on a slide: the row that is to be the first shown whole goes up to where the
            // first row is before any scrolling, the row gap under the headers (a row any
            // closer is under them, and left out), as far as the last row can come up.
            let last_first = park_count.saturating_sub(whole.len().max(1));
            let first = whole.start.saturating_add_signed(ctx.scroll_rows).min(last_first);
            let first_place = ui.clip_rect().top() + header.height + layout.row_gap;
            let down = ui.cursor().top() + first as f32 * layout.row - first_place;
            ui.scroll_with_delta(egui::vec2(0.0, -down));
        }
        let rows = rows_in_view(ui, park_count, layout.row);
        // Rows above and below the viewport only take space: thousands of parks stay cheap.
        ui.add_space(rows.start as f32 * layout.row);
        let mut letters = RoleLetters::default();
        // A row partly scrolled under the headers is left out, not drawn to show a strip of its
        // cells under them, marks with no park's name beside them.
        let rows_shown_from = headers_top + header.height + layout.row_gap;
        for (row, park) in matrix.parks.iter().enumerate().skip(rows.start).take(rows.len()) {
            if ui.cursor().top() < rows_shown_from - 0.5 {
                ui.add_space(layout.row);
                continue;
            }
            let roles = matrix.cells.get(row).map_or(&[][..], Vec::as_slice);
            let picked: Vec<Option<Role>>;
            let roles = if all_columns {
                roles
            } else {
                picked = columns.iter().map(|&column| roles.get(column).copied().flatten()).collect();
                &picked
            };
            park_row_ui(ui, ctx, (park, marks_pins), roles, (&layout, &mut letters), actions);
        }
        ui.add_space(park_count.saturating_sub(rows.end) as f32 * layout.row);
        // Never below the last row: a header reaching past the content would lengthen it, and
        // with it the scrolling.
        let headers_top = headers_top.min(ui.min_rect().bottom() - header.height);
        let headers = egui::Rect::from_min_size(
            egui::pos2(headers_room.left(), headers_top),
            egui::vec2(ui.min_rect().width().max(ui.clip_rect().width()), header.height),
        );
        // Over the rows scrolled under it, taking the pointer from them: a park hidden under
        // the headers cannot be pointed at or clicked.
        ui.painter().rect_filled(headers, 0.0, ui.visuals().panel_fill);
        // CLICK, not click(): a band that only blocks the pointer is no stop of Tab.
        ui.interact(headers, ui.scope_id().with("matrix_headers"), egui::Sense::CLICK);
        let layout_row = egui::Layout::left_to_right(egui::Align::Min);
        ui.scope_builder(egui::UiBuilder::new().max_rect(headers).layout(layout_row), |ui| {
            ui.add_space(layout.name_width);
            for (&column, galley) in columns.iter().zip(&header.galleys) {
                let Some(id) = matrix.industries.get(column) else {
                    continue;
                };
                industry_header_ui(ui, ctx, (id, Arc::clone(galley)), (&header, &layout), actions);
            }
        });
        whole
    });
    if ctx.presenting {
        let whole = output.inner;
        let mut note = Vec::new();
        if whole.len() < park_count && !whole.is_empty() {
            note.push(
                s.table_rows_shown
                    .replace("{first}", &format_count(whole.start + 1))
                    .replace("{last}", &format_count(whole.end))
                    .replace("{total}", &format_count(park_count)),
            );
        }
        if industry_count < matrix.industries.len() {
            let shown = if marks_pins { s.matrix_industries_shown_pinned } else { s.matrix_industries_shown };
            note.push(
                shown
                    .replace("{industries}", &industry_count.to_string())
                    .replace("{all_industries}", &matrix.industries.len().to_string()),
            );
        }
        if !note.is_empty() {
            ui.label(RichText::new(note.join(" · ")).small().weak());
        }
    }
}

/// The rows of `row_count`, each `row_height` tall (spacing under it included), that the scroll
/// area shows whole below the `headers` height painted over its top.
fn whole_rows_in_view(ui: &Ui, row_count: usize, row_height: f32, headers: f32) -> Range<usize> {
    let rows_top = ui.cursor().top();
    let from = (ui.clip_rect().top() + headers - rows_top).max(0.0);
    let to = (ui.clip_rect().bottom() - rows_top + ui.spacing().item_spacing.y).max(0.0);
    #[expect(clippy::cast_sign_loss, reason = "both are clamped to be non-negative")]
    let (first, end) = (((from / row_height) - 1e-3).ceil() as usize, ((to / row_height) + 1e-3).floor() as usize);
    first.min(row_count)..end.clamp(first, row_count)
}

/// The rows of `row_count`, each `row_height` tall, that the scroll area shows, with a couple
/// to spare.
fn rows_in_view(ui: &Ui, row_count: usize, row_height: f32) -> Range<usize> {
    let scrolled = (ui.clip_rect().top() - ui.cursor().top()).max(0.0);
    #[expect(clippy::cast_sign_loss, reason = "both are clamped to be non-negative")]
    let (first, visible_rows) =
        ((scrolled / row_height).floor() as usize, (ui.clip_rect().height().max(0.0) / row_height).ceil() as usize + 2);
    first..(first + visible_rows).min(row_count)
}

/// One park's row: its name (a button that selects it), then a cell per industry. With
/// `marks_pins`, a pinned park's name is "★ Name" in strong text, as in the table, so the
/// parks compared stand out, from the back of the room too.
fn park_row_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    (park, marks_pins): (&ParkId, bool),
    roles: &[Option<Role>],
    (layout, letters): (&Layout, &mut RoleLetters),
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.set_height(layout.cell_height);
        // The name is centred in its button, as tall as the cells: padding would make a row
        // pressed for room taller than its cells, and the rows would drift from their pitch.
        ui.spacing_mut().button_padding.y = 0.0;
        let whole_name = park_name(ctx.dataset, park, ctx.language);
        let marked = marks_pins && ctx.pinned.contains(park);
        let shown_name = if marked { format!("{PIN_MARK} {whole_name}") } else { whole_name.clone() };
        let mut text = RichText::new(&shown_name).font(layout.font.clone());
        if marked {
            text = text.strong();
        }
        // Cut with "…" to the names' column: a longer name pushed its row's cells out from
        // under their headers, so its roles read as other industries'.
        let name = WidgetText::from(text).into_galley(
            ui,
            Some(TextWrapMode::Truncate),
            layout.name_width - 2.0 * ui.spacing().button_padding.x,
            TextStyle::Body,
        );
        let cut = name.elided;
        let selected = ctx.selected == Some(park) || ctx.hovered == Some(park);
        // A minimum size rather than `add_sized`, which lays the button out in a child ui.
        // Ending at the cells, however wide the names' column: the eye goes from a name to its
        // row's first cell.
        let button = egui::Button::selectable(selected, (egui::Atom::grow(), name))
            .frame(false)
            .min_size(egui::vec2(layout.name_width, layout.cell_height));
        let mut response = ui.add(button);
        if cut {
            response = hover_text(response, || whole_name);
        }
        if response.clicked() {
            actions.push(Action::Select(park.clone()));
        }
        if response.hovered() {
            actions.push(Action::Hover(park.clone()));
        }
        role_cells_ui(ui, ctx, roles, (layout, letters));
    });
}

/// The row's cells, each faint when the park lacks the industry, else one blue, stronger for a
/// stronger role, marked with the role's letter. The rows are named, so the cells need no park
/// colour.
///
/// The cells take one allocation and one mesh of plain rectangles: a widget and an
/// anti-aliased rounded rectangle per cell made the matrix the costliest chart to draw, with
/// hundreds of cells on screen.
fn role_cells_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    roles: &[Option<Role>],
    (layout, letters): (&Layout, &mut RoleLetters),
) {
    if roles.is_empty() {
        return;
    }
    let spacing = ui.spacing().item_spacing.x;
    let column = layout.cell + spacing;
    let width = column * roles.len() as f32 - spacing;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, layout.cell_height), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let mut cells = egui::Mesh::default();
    let mut marks = Vec::new();
    for (index, role) in roles.iter().enumerate() {
        let min = rect.min + egui::vec2(column * index as f32, 0.0);
        let cell = egui::Rect::from_min_size(min, egui::vec2(layout.cell, layout.cell_height));
        let Some(role) = role else {
            cells.add_colored_rect(cell.shrink2(layout.cell_inset), ui.visuals().faint_bg_color);
            continue;
        };
        let strength = match role {
            Role::Leading | Role::Pillar => 1.0,
            Role::Key | Role::Focus => 0.65,
            Role::Supporting | Role::Emerging => 0.35,
        };
        let (fill, text) = role_cell_colours(ui.visuals(), strength);
        cells.add_colored_rect(cell.shrink2(layout.cell_inset), fill);
        marks.push((cell.center(), *role, text));
    }
    let painter = ui.painter();
    painter.add(cells);
    for (center, role, colour) in marks {
        let galley = letters.get(ui, ctx, role, layout);
        let at = Align2::CENTER_CENTER.anchor_size(center, galley.size()).min;
        painter.galley(at, galley, colour);
    }
}

/// The role letters laid out once a frame, each then painted in its cell's colour: hundreds of
/// cells, six letters.
#[derive(Default)]
struct RoleLetters(Vec<(Role, Arc<Galley>)>);

impl RoleLetters {
    fn get(&mut self, ui: &Ui, ctx: &CompareContext<'_>, role: Role, layout: &Layout) -> Arc<Galley> {
        if let Some((_, galley)) = self.0.iter().find(|(laid_out, _)| *laid_out == role) {
            return galley.clone();
        }
        let text = role_mark(ctx.language, role).to_owned();
        let galley = ui.painter().layout_no_wrap(text, layout.cell_font.clone(), Color32::PLACEHOLDER);
        self.0.push((role, galley.clone()));
        galley
    }
}
