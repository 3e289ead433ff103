//! The industry matrix: a row per park, a column per industry, each cell the role the park
//! gives the industry. Column headers are written upwards and filter by their industry; only
//! the rows scrolled into view are drawn. Presented, the matrix gives every park a row when a
//! slide can hold them all, its rows only as tall as their text and its headers capped.

use std::ops::Range;
use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, RichText, TextStyle, TextWrapMode, Ui, WidgetText};

use super::{CompareContext, chart_font, park_name};
use crate::format::format_count;
use crate::i18n::{role_mark, strings};
use crate::model::{IndustryId, Language, ParkId, Role};
use crate::state::Action;
use crate::state::series::IndustryMatrix;
use crate::theme::role_cell_colours;
use crate::views::remembered::remembered;
use crate::views::widgets::PIN_MARK;

/// The rows the desk's matrix shows at least, however little room the window leaves it.
const DESK_LEAST_ROWS: f32 = 4.0;

/// The space between two presented rows when the matrix is pressed for room: enough to tell
/// one row's cells from the next one's.
const TIGHTEST_ROW_GAP: f32 = 1.0;

/// The headers' room beyond their longest name: the space under the name, and a little above.
const HEADER_PADDING: f32 = 12.0;

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
            (ctx.dataset.revision(), ctx.language, ui.ctx().pixels_per_point().to_bits()),
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

/// The column headers: each shown industry's name laid out (once a frame on a slide, kept
/// between frames at the desk), and the headers' size, tall enough for the longest name written upwards, a long name taking two lines (the
/// width of a column) so that the header does not take the rows' room.
#[derive(Clone)]
struct Header {
    /// Each shown industry's name as its header writes it, in the order of the columns, in the
    /// placeholder colour (painted in the normal or the hovered one).
    galleys: Vec<Arc<Galley>>,
    /// The headers' height.
    height: f32,
    /// Whether a name was cut short with "…", not fitting two lines.
    elided: bool,
    /// Whether the names are set upright, a character under another (Chinese), rather than
    /// turned to read upwards.
    upright: bool,
}

impl Header {
    /// The headers of the matrix's `columns` in `font`, their height at most `cap` when the
    /// names fit it in two lines (see `elided`).
    fn new(
        ui: &Ui,
        ctx: &CompareContext<'_>,
        matrix: &IndustryMatrix,
        columns: &[usize],
        (font, cap): (&FontId, f32),
    ) -> Self {
        let names: Vec<String> = matrix.industries.iter().map(|id| industry_name(ctx, id)).collect();
        let wholes: Vec<Arc<Galley>> =
            names.iter().map(|name| header_galley_at(ui, name, f32::INFINITY, font)).collect();
        // Each name's longer line when broken in two as evenly as it can be: between words where
        // it has spaces (and a space to spare: a line wrapped at exactly its text's width breaks
        // a word early, as the space after its last word counts towards it), else (Chinese)
        // about half of it and a character.
        let two_lines: Vec<f32> = names
            .iter()
            .zip(&wholes)
            .map(|(name, whole)| {
                let width = |text: &str| header_galley_at(ui, text, f32::INFINITY, font).size().x;
                two_line_length(name, width).map_or(whole.size().x / 2.0 + font.size, |line| line + 0.4 * font.size)
            })
            .collect();
        // Long enough for any column's name, shown or not, in two lines (the lines a name is
        // broken into depend on the longest, so shown ones would elide if the longest were
        // cut); a name about eight characters wide (most Chinese names) stays on one.
        let longest = two_lines.iter().copied().fold(0.0, f32::max);
        let line_length = longest.max(font.size * 8.0).min(cap - HEADER_PADDING);
        let galleys: Vec<Arc<Galley>> = columns
            .iter()
            .filter_map(|&column| Some((names.get(column)?, wholes.get(column)?, two_lines.get(column)?)))
            .map(|(name, whole, two_line)| header_galley(ui, name, Arc::clone(whole), (*two_line, line_length), font))
            .collect();
        let elided = galleys.iter().any(|galley| galley.elided);
        // Chinese is set upright, a character under another, as Chinese vertical text is: turned
        // a quarter, its characters lie on their side.
        let upright = ctx.language == Language::Zh;
        let galleys: Vec<Arc<Galley>> =
            if upright { galleys.iter().map(|galley| upright_galley(ui, galley, font)).collect() } else { galleys };
        let length = |galley: &Arc<Galley>| if upright { galley.size().y } else { galley.size().x };
        let height = galleys.iter().map(length).fold(font.size * 4.8, f32::max) + HEADER_PADDING;
        Self { galleys, height, elided, upright }
    }
}

/// An industry's name in the ui's language, or its id when the dataset does not name it.
fn industry_name(ctx: &CompareContext<'_>, id: &IndustryId) -> String {
    ctx.dataset.industry(id).map_or_else(|| id.to_string(), |i| i.name.get(ctx.language).to_owned())
}

/// The lines of `galley` (a header's name as [`header_galley`] breaks it) set upright: each
/// line a column read downwards, a character under another, the first column at the right,
/// as vertical Chinese is read; brackets and quotes in their vertical forms. One galley of
/// rows across the columns, so the header stays one shape.
fn upright_galley(ui: &Ui, galley: &Galley, font: &FontId) -> Arc<Galley> {
    // A vertical form only where the font has it (the bundled subset may not): else the
    // character as it is, which reads, rather than a box.
    let upright = |c: char| {
        let vertical = vertical_form(c);
        if vertical != c && ui.fonts_mut(|fonts| fonts.has_glyph(font, vertical)) { vertical } else { c }
    };
    let columns: Vec<Vec<char>> =
        galley.rows.iter().rev().map(|row| row.text().chars().map(upright).collect()).collect();
    let depth = columns.iter().map(Vec::len).max().unwrap_or(0);
    let rows: Vec<String> = (0..depth)
        .map(|i| {
            // A full-width space holds the place of a column that has ended, so the next stays
            // in line.
            let cells: Vec<String> =
                columns.iter().map(|column| column.get(i).copied().unwrap_or('\u{3000}').to_string()).collect();
            cells.join("\u{2009}")
        })
        .collect();
    let mut job = egui::text::LayoutJob::default();
    let format = egui::TextFormat {
        font_id: font.clone(),
        color: Color32::PLACEHOLDER,
        // Characters set under each other as closely as the font's own square allows.
        line_height: Some(font.size * 1.08),
        ..Default::default()
    };
    job.append(&rows.join("\n"), 0.0, format);
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// `c` as vertical text writes it: brackets and quotes turned to their vertical forms.
fn vertical_form(c: char) -> char {
    match c {
        '（' | '(' => '︵',
        '）' | ')' => '︶',
        '“' => '﹃',
        '”' => '﹄',
        '—' => '︱',
        '…' => '︙',
        other => other,
    }
}

/// `name` laid out in lines at most `width` long, two at most, the rest cut with "…".
fn header_galley_at(ui: &Ui, name: &str, width: f32, font: &FontId) -> Arc<Galley> {
    let mut job = egui::text::LayoutJob::simple(name.to_owned(), font.clone(), Color32::PLACEHOLDER, width);
    job.wrap.max_rows = 2;
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// An industry's name as its header writes it (before it is turned upwards), from `whole`, the
/// name on one line: lines at most `line_length` long, two at most, the rest cut with "…" (the
/// tooltip has the whole name). A name that needs two lines is broken near its middle, so that
/// no line holds a lone character or bracket ("文化科技与 / 数字创意", not "文化科技与数字创 / 意"):
/// a name without spaces (Chinese) where a word ends when it can ([`word_break`]), one with
/// spaces into lines of `two_line` at most, its longer line broken as evenly as it can be
/// ([`two_line_length`]).
fn header_galley(
    ui: &Ui,
    name: &str,
    whole: Arc<Galley>,
    (two_line, line_length): (f32, f32),
    font: &FontId,
) -> Arc<Galley> {
    if whole.size().x <= line_length {
        return whole;
    }
    if let Some(at) = word_break(name) {
        let (first, second) = name.split_at(at);
        let broken = header_galley_at(ui, &format!("{first}\n{second}"), f32::INFINITY, font);
        // Only within the line length, or the headers would grow taller for it.
        if broken.size().x <= line_length {
            return broken;
        }
    }
    let balanced = header_galley_at(ui, name, two_line.min(line_length), font);
    if balanced.elided { header_galley_at(ui, name, line_length, font) } else { balanced }
}

/// The longer line of `name` broken in two between words as evenly as it can be, by `width`;
/// `None` for a name of one word (or none), which does not break between words. Never shorter
/// than its longest word, which would otherwise break inside ("Manufacturin / g and design").
fn two_line_length(name: &str, width: impl Fn(&str) -> f32) -> Option<f32> {
    let words: Vec<&str> = name.split(' ').filter(|word| !word.is_empty()).collect();
    (1..words.len()).map(|at| width(&words[..at].join(" ")).max(width(&words[at..].join(" ")))).min_by(f32::total_cmp)
}

/// Where a name without spaces reads best broken in two, as a byte index: after a word that
/// joins two (与, 和, 及, 、) or before an opening bracket, the place nearest the middle that
/// leaves each line at least a third of the name. "高端汽车与 / 新能源智能汽车", not "高端汽车与新能 /
/// 源智能汽车", which splits 新能源; `None` for a name with spaces, which wraps between words.
fn word_break(name: &str) -> Option<usize> {
    if name.contains(' ') {
        return None;
    }
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let count = chars.len();
    let candidates = chars.iter().enumerate().filter_map(|(i, &(at, c))| match c {
        '与' | '和' | '及' | '、' => Some((i + 1, at + c.len_utf8())),
        '（' | '(' | '“' => Some((i, at)),
        _ => None,
    });
    candidates
        .filter(|&(chars_before, _)| chars_before * 3 >= count && (count - chars_before) * 3 >= count)
        .min_by_key(|&(chars_before, _)| (2 * chars_before).abs_diff(count))
        .map(|(_, at)| at)
}

/// One column's header: the industry's name written upwards, a button that filters by it.
fn industry_header_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    (id, galley): (&IndustryId, Arc<Galley>),
    (header, layout): (&Header, &Layout),
    actions: &mut Vec<Action>,
) {
    let name = industry_name(ctx, id);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(layout.cell, header.height), egui::Sense::click());
    let response = response.on_hover_ui(|ui| {
        ui.label(&name);
    });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    let colour = if response.hovered() { ui.visuals().strong_text_color() } else { ui.visuals().text_color() };
    if header.upright {
        // Centred on the column, ending at the bottom of the header, by the cells.
        let pos = egui::pos2(rect.center().x - galley.size().x / 2.0, rect.bottom() - 4.0 - galley.size().y);
        ui.painter().galley(pos, galley, colour);
    } else {
        // Rotated a quarter turn anticlockwise about its start, so the text reads upwards from
        // the bottom of the header, centred on the column (a second line right of the first).
        let pos = egui::pos2(rect.center().x - galley.size().y / 2.0, rect.bottom() - 4.0);
        ui.painter().add(egui::epaint::TextShape::new(pos, galley, colour).with_angle(-std::f32::consts::FRAC_PI_2));
    }
    if response.clicked() {
        actions.push(Action::FilterIndustry(id.clone()));
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
            response = response.on_hover_text(whole_name);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn broken(name: &str) -> Option<(&str, &str)> {
        word_break(name).map(|at| name.split_at(at))
    }

    #[test]
    fn a_chinese_name_breaks_where_a_word_ends_near_its_middle() {
        assert_eq!(broken("高端汽车与新能源智能汽车"), Some(("高端汽车与", "新能源智能汽车")));
        assert_eq!(broken("文化科技与数字创意"), Some(("文化科技与", "数字创意")));
        assert_eq!(broken("生命健康（含数字医疗）"), Some(("生命健康", "（含数字医疗）")));
        assert_eq!(broken("互联网与“互联网+”"), Some(("互联网与", "“互联网+”")));
        // A joining word too near an end would leave a line of one or two characters.
        assert_eq!(broken("与新一代信息技术产业"), None);
        assert_eq!(broken("人工智能"), None, "no place a word ends");
        assert_eq!(broken("Advanced manufacturing"), None, "spaces: wrapped between words");
    }

    /// A name with spaces breaks where its longer line is shortest: "Autonomous shipbuilding /
    /// and marine drones", whose first line is a little over half the name, is not cut to
    /// "Autonomous / shipbuilding and mari…" for want of a character.
    #[test]
    fn a_name_with_spaces_breaks_into_its_most_even_two_lines() {
        let chars = |text: &str| text.chars().count() as f32;
        let name = "Autonomous shipbuilding and marine drones";
        assert_eq!(two_line_length(name, chars), Some(23.0), "\"Autonomous shipbuilding\" is the longer line");
        assert!(chars(name) * 0.55 < 23.0, "more than half the name and a bit: a fair test");
        assert_eq!(two_line_length("Semiconductors", chars), None, "one word");
        assert_eq!(two_line_length("Green finance", chars), Some(7.0));
    }
}
