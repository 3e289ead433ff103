//! The industry matrix: a row per park, a column per industry, each cell the role the park
//! gives the industry. Column headers are written upwards and filter by their industry; only
//! the rows scrolled into view are drawn.

use std::ops::Range;
use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, RichText, Ui};

use super::{CompareContext, chart_font, park_name};
use crate::format::format_count;
use crate::i18n::{role_mark, strings};
use crate::model::{IndustryId, ParkId, Role};
use crate::state::Action;
use crate::state::series::IndustryMatrix;
use crate::theme::role_cell_colours;

/// The matrix's sizes, from the ui's text styles so the matrix grows with the app's text.
#[derive(Clone, Debug)]
struct Layout {
    /// Width and height of one cell, and width of one column.
    cell: f32,
    /// Height of one row with the spacing under it: the rows' pitch, by which the matrix
    /// draws only the rows scrolled into view, and counts the rows that fit when presenting.
    row: f32,
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
        let row = cell + ui.spacing().item_spacing.y;
        Self { cell, row, name_width: font.size * 17.5, cell_font: FontId::proportional(font.size * 0.95), font }
    }
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
    ui.label(RichText::new(s.roles_legend).small().weak());
    let layout = Layout::new(ui);
    let header = Header::new(ui, ctx, matrix, &layout);
    let park_count = matrix.parks.len();
    // On a projector the room shows whole rows and the columns that fit, in the chosen order,
    // and a line under the matrix says which: the presenter scrolls to the other parks, as in
    // the presented table (the CSV export keeps every industry).
    let note_height = ui.text_style_height(&egui::TextStyle::Small) + ui.spacing().item_spacing.y;
    // The rows start below the headers' room and the spacing after it.
    let rows_offset = header.height + ui.spacing().item_spacing.y;
    let (rows_fitting, industry_count) = if ctx.presenting {
        let rows_room = ui.available_height() - footer - rows_offset - note_height;
        // Each column takes its cell and the spacing after it; keep a scroll bar's width spare.
        let columns_room = ui.available_width() - layout.name_width - ui.spacing().scroll.bar_width;
        let column = layout.cell + ui.spacing().item_spacing.x;
        #[expect(clippy::cast_sign_loss, reason = "both are clamped to be non-negative")]
        let fits = |room: f32, size: f32| (room.max(0.0) / size).floor() as usize;
        (park_count.min(fits(rows_room, layout.row)), matrix.industries.len().min(fits(columns_room, column)))
    } else {
        (park_count, matrix.industries.len())
    };
    let scroll_height = if rows_fitting < park_count {
        rows_offset + rows_fitting as f32 * layout.row
    } else {
        ui.available_height() - footer - if ctx.presenting { note_height } else { 0.0 }
    };
    // The columns that fit, of the industries the most parks have (all at the desk).
    let columns = matrix.most_shared_columns(industry_count);
    let all_columns = columns.len() == matrix.industries.len();
    let output = egui::ScrollArea::both().id_salt("matrix_scroll").max_height(scroll_height).show(ui, |ui| {
        // The headers' room at the top; they are drawn after the rows, at the top of what is in
        // view, so scrolling down the parks keeps the industries named.
        let (headers_room, _) = ui.allocate_exact_size(egui::vec2(0.0, header.height), egui::Sense::hover());
        let headers_top = ui.clip_rect().top().max(headers_room.top());
        let whole = whole_rows_in_view(ui, park_count, layout.row, header.height);
        let rows = rows_in_view(ui, park_count, layout.row);
        // Rows above and below the viewport only take space: thousands of parks stay cheap.
        ui.add_space(rows.start as f32 * layout.row);
        let mut letters = RoleLetters::default();
        for (row, park) in matrix.parks.iter().enumerate().skip(rows.start).take(rows.len()) {
            let roles = matrix.cells.get(row).map_or(&[][..], Vec::as_slice);
            let picked: Vec<Option<Role>>;
            let roles = if all_columns {
                roles
            } else {
                picked = columns.iter().map(|&column| roles.get(column).copied().flatten()).collect();
                &picked
            };
            park_row_ui(ui, ctx, park, roles, (&layout, &mut letters), actions);
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
        ui.interact(headers, ui.scope_id().with("matrix_headers"), egui::Sense::click());
        let layout_row = egui::Layout::left_to_right(egui::Align::Min);
        ui.scope_builder(egui::UiBuilder::new().max_rect(headers).layout(layout_row), |ui| {
            ui.add_space(layout.name_width);
            for &column in &columns {
                let (Some(id), Some(galley)) = (matrix.industries.get(column), header.galleys.get(column)) else {
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
            note.push(
                s.matrix_industries_shown
                    .replace("{industries}", &industry_count.to_string())
                    .replace("{all_industries}", &matrix.industries.len().to_string()),
            );
        }
        if !note.is_empty() {
            ui.label(RichText::new(note.join(" · ")).small().weak());
        }
    }
}

/// The column headers: each industry's name laid out once a frame, and the headers' size, tall
/// enough for the longest name written upwards, a long name taking two lines (the width of a
/// column) so that the header does not take the rows' room.
struct Header {
    /// Each industry's name as its header writes it, in the matrix's order, in the placeholder
    /// colour (painted in the normal or the hovered one).
    galleys: Vec<Arc<Galley>>,
    /// The headers' height.
    height: f32,
}

impl Header {
    fn new(ui: &Ui, ctx: &CompareContext<'_>, matrix: &IndustryMatrix, layout: &Layout) -> Self {
        let names: Vec<String> = matrix.industries.iter().map(|id| industry_name(ctx, id)).collect();
        let wholes: Vec<Arc<Galley>> =
            names.iter().map(|name| header_galley_at(ui, name, f32::INFINITY, layout)).collect();
        let longest = wholes.iter().map(|whole| whole.size().x).fold(0.0, f32::max);
        // Half the longest name and a word to spare, so that it breaks into two lines; a name
        // about eight characters wide (most Chinese names) stays on one.
        let line_length = (longest * 0.55).max(layout.font.size * 8.0);
        let galleys: Vec<Arc<Galley>> =
            names.iter().zip(wholes).map(|(name, whole)| header_galley(ui, name, whole, line_length, layout)).collect();
        let height = galleys.iter().map(|galley| galley.size().x).fold(layout.font.size * 4.8, f32::max) + 12.0;
        Self { galleys, height }
    }
}

/// An industry's name in the ui's language, or its id when the dataset does not name it.
fn industry_name(ctx: &CompareContext<'_>, id: &IndustryId) -> String {
    ctx.dataset.industry(id).map_or_else(|| id.to_string(), |i| i.name.get(ctx.language).to_owned())
}

/// `name` laid out in lines at most `width` long, two at most, the rest cut with "…".
fn header_galley_at(ui: &Ui, name: &str, width: f32, layout: &Layout) -> Arc<Galley> {
    let mut job = egui::text::LayoutJob::simple(name.to_owned(), layout.font.clone(), Color32::PLACEHOLDER, width);
    job.wrap.max_rows = 2;
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// An industry's name as its header writes it (before it is turned upwards), from `whole`, the
/// name on one line: lines at most `line_length` long, two at most, the rest cut with "…" (the
/// tooltip has the whole name). A name that needs two lines is broken near its middle, so that
/// no line holds a lone character or bracket ("文化科技与 / 数字创意", not "文化科技与数字创 / 意"),
/// and a name without spaces (Chinese) where a word ends when it can ([`word_break`]).
fn header_galley(ui: &Ui, name: &str, whole: Arc<Galley>, line_length: f32, layout: &Layout) -> Arc<Galley> {
    if whole.size().x <= line_length {
        return whole;
    }
    if let Some(at) = word_break(name) {
        let (first, second) = name.split_at(at);
        let broken = header_galley_at(ui, &format!("{first}\n{second}"), f32::INFINITY, layout);
        // Only within the line length, or the headers would grow taller for it.
        if broken.size().x <= line_length {
            return broken;
        }
    }
    // Half the name and a character to spare, but never narrower than its longest word, which
    // would break inside it ("Manufacturin / g and design"); a long word can make that three
    // lines, and then the full line length does better.
    // Only words between spaces: a name without them (Chinese) breaks between any characters.
    let longest_word = name
        .split(' ')
        .filter(|word| name.contains(' ') && word.chars().count() > 1)
        .map(|word| header_galley_at(ui, word, f32::INFINITY, layout).size().x)
        .fold(0.0, f32::max);
    let balanced_width = (whole.size().x / 2.0 + layout.font.size).max(longest_word + 1.0).min(line_length);
    let balanced = header_galley_at(ui, name, balanced_width, layout);
    if balanced.elided { header_galley_at(ui, name, line_length, layout) } else { balanced }
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
    // Rotated a quarter turn anticlockwise about its start, so the text reads upwards from the
    // bottom of the header, centred on the column (a second line right of the first).
    let pos = egui::pos2(rect.center().x - galley.size().y / 2.0, rect.bottom() - 4.0);
    ui.painter().add(egui::epaint::TextShape::new(pos, galley, colour).with_angle(-std::f32::consts::FRAC_PI_2));
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

/// One park's row: its name (a button that selects it), then a cell per industry.
fn park_row_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    park: &ParkId,
    roles: &[Option<Role>],
    (layout, letters): (&Layout, &mut RoleLetters),
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.set_height(layout.row - ui.spacing().item_spacing.y);
        let name = RichText::new(park_name(ctx.dataset, park, ctx.language)).font(layout.font.clone());
        let selected = ctx.selected == Some(park) || ctx.hovered == Some(park);
        // A minimum size rather than `add_sized`, which lays the button out in a child ui.
        let button =
            egui::Button::selectable(selected, name).frame(false).min_size(egui::vec2(layout.name_width, layout.cell));
        let response = ui.add(button);
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
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, layout.cell), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let mut cells = egui::Mesh::default();
    let mut marks = Vec::new();
    for (index, role) in roles.iter().enumerate() {
        let min = rect.min + egui::vec2(column * index as f32, 0.0);
        let cell = egui::Rect::from_min_size(min, egui::Vec2::splat(layout.cell));
        let Some(role) = role else {
            cells.add_colored_rect(cell.shrink(2.0), ui.visuals().faint_bg_color);
            continue;
        };
        let strength = match role {
            Role::Leading | Role::Pillar => 1.0,
            Role::Key | Role::Focus => 0.65,
            Role::Supporting | Role::Emerging => 0.35,
        };
        let (fill, text) = role_cell_colours(ui.visuals(), strength);
        cells.add_colored_rect(cell.shrink(2.0), fill);
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
}
