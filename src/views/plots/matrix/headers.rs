//! The matrix's column headers: each industry's name written upwards (or set upright, a
//! character under another, in Chinese), on two lines when long, and clicked to filter by it.

use std::sync::Arc;

use egui::{Color32, FontId, Galley, Ui};

use super::super::CompareContext;
use super::Layout;
use crate::model::{IndustryId, Language};
use crate::state::Action;
use crate::state::series::IndustryMatrix;
use crate::views::widgets::hover::hover_ui;

/// The headers' room beyond their longest name: the space under the name, and a little above.
const HEADER_PADDING: f32 = 12.0;

/// The column headers: each shown industry's name laid out (once a frame on a slide, kept
/// between frames at the desk), and the headers' size, tall enough for the longest name written upwards, a long name taking two lines (the
/// width of a column) so that the header does not take the rows' room.
#[derive(Clone)]
pub(super) struct Header {
    /// Each shown industry's name as its header writes it, in the order of the columns, in the
    /// placeholder colour (painted in the normal or the hovered one).
    pub(super) galleys: Vec<Arc<Galley>>,
    /// The headers' height.
    pub(super) height: f32,
    /// Whether a name was cut short with "…", not fitting two lines.
    pub(super) elided: bool,
    /// Whether the names are set upright, a character under another (Chinese), rather than
    /// turned to read upwards.
    pub(super) upright: bool,
}

impl Header {
    /// The headers of the matrix's `columns` in `font`, their height at most `cap` when the
    /// names fit it in two lines (see `elided`).
    pub(super) fn new(
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
pub(super) fn industry_header_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    (id, galley): (&IndustryId, Arc<Galley>),
    (header, layout): (&Header, &Layout),
    actions: &mut Vec<Action>,
) {
    let name = industry_name(ctx, id);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(layout.cell, header.height), egui::Sense::click());
    let response = hover_ui(response, |ui| {
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
