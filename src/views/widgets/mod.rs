//! Small widgets shared by several views, with the larger ones in modules of their own:
//! tooltips and context menus ([`hover`]) and a line's source link ([`source_link`]). They draw
//! from what they are given and depend on the model at most, never on the state or the app.

pub mod hover;
pub mod source_link;

use std::sync::Arc;

use egui::{Galley, Id, Pos2, Rect, Response, Sense, TextStyle, TextWrapMode, Ui, WidgetInfo, WidgetText, pos2, vec2};

use crate::model::geo::segments_cross;
use crate::model::{Dataset, ParkCount};

/// The dataset's parks counted, parts of one park once ([`ParkCount::of`]): counted once per
/// dataset, as it runs through every park, 10,000 a frame at worst.
pub fn dataset_park_count(ui: &Ui, dataset: &Dataset) -> ParkCount {
    crate::views::remembered::remembered(ui.ctx(), Id::unique("dataset park count"), dataset.revision(), |_| {
        ParkCount::of(&dataset.parks)
    })
}

/// Narrows the content of a vertical scroll area to end where its scroll bar begins: the bar
/// floats over the area's right edge, and text ran under it ("任意" cut in the filter panel).
pub fn keep_clear_of_scroll_bar(ui: &mut Ui) {
    let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
    ui.set_max_width(ui.available_width() - bar);
}

/// The mark of a pinned park on a slide, before its name (a table's, a matrix's): the star of
/// the desk's pin button, whose column a slide leaves out as a control.
pub const PIN_MARK: char = '★';

/// A node in the accessibility tree for painted text, when the tree is being built (a screen
/// reader or a test is listening): the text, whole, where it is, and what its tooltip says,
/// as egui gives a label with a tooltip.
pub fn accessible_text(ui: &Ui, id: Id, rect: Rect, text: &str, description: impl FnOnce() -> Option<String>) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(egui::accesskit::Role::Label);
        // As egui writes a label: AccessKit keeps a label's text as its value.
        node.set_value(text);
        if let Some(description) = description() {
            node.set_description(description);
        }
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
    });
}

/// A check box's text laid out for [`check_box_ui`], wrapped to the room `ui` leaves beside
/// the box: it can be kept while that room stays.
pub fn check_box_text(ui: &Ui, text: &str) -> Arc<Galley> {
    let spacing = ui.spacing();
    let text_width = (ui.available_width() - spacing.icon_width - spacing.icon_spacing).max(0.0);
    WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Wrap), text_width, TextStyle::Body)
}

/// A check box and its text, drawn as egui's [`egui::Checkbox`] is but painted directly: the
/// filter panel has dozens, and egui's general layout of a widget's parts, done for each, was
/// a sixth of every frame (docs/performance.md). Its text is laid out by [`check_box_text`], and
/// wraps when long. Returns the response, which is clicked when the box is toggled (by the
/// pointer, or Space on the focused box); the caller changes the state.
pub fn check_box_ui(ui: &mut Ui, checked: bool, galley: Arc<Galley>) -> Response {
    let spacing = ui.spacing();
    let (box_width, gap, min_height) = (spacing.icon_width, spacing.icon_spacing, spacing.interact_size.y);
    let size = vec2(box_width + gap + galley.size().x, galley.size().y.max(min_height));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response
        .widget_info(|| WidgetInfo::selected(egui::accesskit::Role::CheckBox, ui.is_enabled(), checked, galley.text()));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let (check_rect, box_rect) = ui.spacing().icon_rectangles(rect);
        let painter = ui.painter();
        // The box's corners as egui rounds a check box's: a little, so it is not taken for a
        // radio button.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few points")]
        let corners = visuals.corner_radius.at_most((0.3 * box_width).round() as u8);
        painter.rect(box_rect, corners, visuals.bg_fill, visuals.bg_stroke, egui::StrokeKind::Inside);
        if checked {
            let tick = vec![
                pos2(check_rect.left(), check_rect.center().y),
                pos2(check_rect.center().x, check_rect.bottom()),
                pos2(check_rect.right(), check_rect.top()),
            ];
            painter.add(egui::Shape::line(tick, visuals.fg_stroke));
        }
        let text_top = rect.center().y - galley.size().y / 2.0;
        painter.galley(pos2(box_rect.right() + gap, text_top), galley, visuals.text_color());
    }
    response
}

/// The width of `text` written unwrapped in `style`, for fitting controls before drawing them.
pub fn text_width(ui: &Ui, text: &str, style: &TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER).size().x)
}

/// The width to wrap `text` (in `style`) at so that its lines come out even: as many lines as
/// at `width`, none of them longer than it must be. A header that wraps at the column's edge
/// can leave one character alone on its last line ("国家高新技术企 / 业"); wrapped at this
/// width it reads "国家高新 / 技术企业". `width` itself when the text fits on one line.
pub fn balanced_wrap_width(ui: &Ui, text: &str, style: &TextStyle, width: f32) -> f32 {
    let font = style.resolve(ui.style());
    let rows_at = |width: f32| {
        ui.fonts_mut(|fonts| fonts.layout(text.to_owned(), font.clone(), egui::Color32::PLACEHOLDER, width).rows.len())
    };
    let rows = rows_at(width);
    let explicit_lines = text.lines().count().max(1);
    if rows <= explicit_lines {
        return width;
    }
    // No narrower than the longest word and the space after it: narrower, a word is broken
    // inside ("Develop / ed"), or its space starts the next line. Chinese, which breaks
    // between any characters, has no such floor.
    let longest_word = text
        .split_whitespace()
        .filter(|word| word.is_ascii())
        .map(|word| {
            let word = format!("{word} ");
            ui.fonts_mut(|fonts| fonts.layout_no_wrap(word, font.clone(), egui::Color32::PLACEHOLDER).size().x)
        })
        .fold(0.0, f32::max);
    let floor = (width / rows as f32).max(longest_word);
    if floor >= width {
        return width;
    }
    if rows_at(floor) <= rows {
        return floor;
    }
    // The narrowest width that keeps the lines as few, to within a twentieth of the room: no
    // narrower than the room shared evenly between the lines, which would add one.
    let (mut too_narrow, mut wide_enough) = (floor, width);
    while wide_enough - too_narrow > width / 20.0 {
        let middle = f32::midpoint(too_narrow, wide_enough);
        if rows_at(middle) > rows { too_narrow = middle } else { wide_enough = middle }
    }
    wide_enough
}

/// In a wrapping row of controls, starts the next row unless `label` and a radio button for
/// each of `choices` fit in what is left of this one, so that a group of choices is never split
/// ("Show: Filtered parks" on one row, "Pinned parks" alone on the next). Returns whether it
/// started one (the group then needs no separator before it).
pub fn end_row_unless_choices_fit(ui: &mut Ui, label: &str, choices: &[&str]) -> bool {
    let spacing = ui.spacing();
    let radio = spacing.icon_width + spacing.icon_spacing + spacing.item_spacing.x;
    let choices_width: f32 = choices.iter().map(|choice| radio + text_width(ui, choice, &TextStyle::Button)).sum();
    // The label, the choices, and a separator's room before them.
    let needed = text_width(ui, label, &TextStyle::Body) + choices_width + 3.0 * spacing.item_spacing.x;
    let wrap = ui.available_size_before_wrap().x < needed;
    if wrap {
        ui.end_row();
    }
    wrap
}

/// In a wrapping row of controls, starts the next row unless `label` and a drop-down showing
/// `selected` (with a separator before them) fit in what is left of this one, so a label never
/// ends one row with its drop-down on the next; not at a row's start, where the drop-down cuts
/// its text instead ([`labelled_list_ui`]). Returns whether it started one.
pub fn end_row_unless_list_fits(ui: &mut Ui, label: &str, selected: &str) -> bool {
    let width_of = |text: &str, style: TextStyle| text_width(ui, text, &style);
    let spacing = ui.spacing();
    // A drop-down: its text, padding and arrow, and never narrower than egui draws one.
    let list = (width_of(selected, TextStyle::Button)
        + 2.0 * spacing.button_padding.x
        + spacing.icon_spacing
        + spacing.icon_width)
        .max(spacing.combo_width);
    let needed = width_of(label, TextStyle::Body) + list + 4.0 * spacing.item_spacing.x;
    let left = ui.available_size_before_wrap().x;
    // A wrapping layout's available width is a whole row's.
    let wrap = left < needed && left < ui.available_width() - 0.5;
    if wrap {
        ui.end_row();
    }
    wrap
}

/// A drop-down showing `selected`, with its label before it, the two kept together on what is
/// left of the row: a long metric's name is cut with "…" there rather than put the list on a
/// line of its own or run under the profile panel (the list shows every name whole).
pub fn labelled_list_ui(ui: &mut Ui, label: &str, selected: String, salt: &str, list: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        egui::ComboBox::from_id_salt(salt)
            .selected_text(selected)
            .truncate()
            .show_ui(ui, list)
            .response
            .labelled_by(label.id);
    });
}

/// The room a label of `text` in `style` takes at the ui's width, its spacing included: for
/// keeping room under a chart or table for the lines drawn after it (laid out as
/// [`paragraph_ui`] lays it out).
pub fn label_height(ui: &Ui, text: &str, style: &TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    let galley = ui.fonts_mut(|fonts| fonts.layout(text.to_owned(), font, egui::Color32::WHITE, ui.available_width()));
    without_widow(ui, galley).size().y + ui.spacing().item_spacing.y
}

/// A paragraph wrapped at the ui's width, as a label, except that a Chinese paragraph's last
/// character does not stand alone on its line: egui breaks before any Chinese character, and a
/// takeaway or scope line ending "…未绘 / 出" reads as cut off on a slide.
pub fn paragraph_ui(ui: &mut Ui, text: impl Into<WidgetText>) -> Response {
    let width = ui.available_width();
    let galley = text.into().into_galley(ui, Some(TextWrapMode::Wrap), width, egui::FontSelection::Default);
    let galley = without_widow(ui, galley);
    ui.label(galley)
}

/// `lead` and then `list`, a list of items each ended by "；" (Chinese) or "; " (English) but
/// the last (a sources line's publishers with their years), with a line break before each item
/// that would otherwise be cut in two where it fits whole on the next line: egui breaks before
/// any Chinese character, and "中国日 / 报 2013b" reads on a slide as two sources, as "Ta /
/// Kung Pao 2020" does. An item longer than a line wraps where it falls.
/// The text for a paragraph in `style` at the ui's width ([`paragraph_ui`], [`label_height`]).
/// Kept between frames: at 10,000 parks a chart cites every publisher, and measuring each item
/// every frame cost a scatter or the map a sixth of its frame.
pub fn list_items_kept_whole(ui: &Ui, lead: &str, list: &str, style: &TextStyle) -> String {
    let item_end = if list.contains('；') { "；" } else { "; " };
    if !list.contains(item_end) {
        return format!("{lead}{list}");
    }
    let font = style.resolve(ui.style());
    let width = ui.available_width();
    let inputs =
        (lead.to_owned(), list.to_owned(), font.clone(), width.to_bits(), ui.ctx().pixels_per_point().to_bits());
    let id = ui.scope_id().with("list items kept whole");
    let break_lines = |_: &_| break_before_items(ui, (lead, list, item_end), &font, width);
    crate::views::remembered::remembered(ui.ctx(), id, inputs, break_lines)
}

/// [`list_items_kept_whole`]'s work: `lead` and `list` with a line break before each item,
/// ended by `item_end`, that would otherwise be cut in two at `width`.
fn break_before_items(ui: &Ui, (lead, list, item_end): (&str, &str, &str), font: &egui::FontId, width: f32) -> String {
    let layout =
        |text: &str, wrap: f32| ui.fonts_mut(|f| f.layout(text.to_owned(), font.clone(), egui::Color32::WHITE, wrap));
    let one_line = |text: &str| layout(text, f32::INFINITY).size().x;
    let last_line_width = |text: &str| layout(text, width).rows.last().map_or(0.0, |row| row.rect().width());
    // A point to spare: the widths of the items apart and egui's wrapping of the whole may round
    // apart, and a break one item early is better than an item cut.
    let room = width - 1.0;
    let mut text = lead.to_owned();
    let mut line = last_line_width(&text);
    for item in list.split_inclusive(item_end) {
        // Measured without the space after it, which may hang past the line's end.
        let item_width = one_line(item.trim_end());
        if line + item_width <= room {
            line += one_line(item);
            text.push_str(item);
        } else if item_width <= room {
            // The line break takes the place of the space before the item.
            text.truncate(text.trim_end().len());
            text.push('\n');
            text.push_str(item);
            line = one_line(item);
        } else {
            text.push_str(item);
            line = last_line_width(&text);
        }
    }
    text
}

/// `galley`, or, when it leaves its last line one Chinese character (and its punctuation)
/// long, the same text laid out a little narrower, which brings a character or two down to
/// it, unless that would cut the text short (a table cell of so many lines). Laid out again
/// only then: each frame costs a look at the last line.
pub(crate) fn without_widow(ui: &Ui, galley: Arc<Galley>) -> Arc<Galley> {
    match galley.rows.as_slice() {
        [.., before, last]
            if !before.ends_with_newline && !galley.elided && is_widow(last.glyphs.iter().map(|g| g.chr)) =>
        {
            // A Chinese character is about as wide as a line is high: this takes at least one
            // more from the line before.
            let mut job = (*galley.job).clone();
            job.wrap.max_width -= 1.5 * last.height();
            let narrower = ui.fonts_mut(|fonts| fonts.layout_job(job));
            if narrower.elided { galley } else { narrower }
        }
        _ => galley,
    }
}

/// Whether a wrapped paragraph's last line, `line`, is a single Chinese character, with or
/// without the punctuation after it ("出", "出。").
fn is_widow(line: impl Iterator<Item = char>) -> bool {
    const CLOSING: &str = "。，、；：？！）》」』】”’…·.,;:?!)]";
    let mut letters = line.filter(|c| !c.is_whitespace() && !CLOSING.contains(*c));
    matches!((letters.next(), letters.next()), (Some(only), None) if crate::format::is_cjk(only))
}

/// Whether the segment touches the inside of `rect`: an end inside it, or crossing an edge.
pub(crate) fn segment_meets_rect([a, b]: [Pos2; 2], rect: Rect) -> bool {
    if rect.contains(a) || rect.contains(b) {
        return true;
    }
    let corners = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()];
    (0..4).any(|i| segments_meet([a, b], [corners[i], corners[(i + 1) % 4]]))
}

/// Whether two segments on screen cross ([`segments_cross`], which works in map units).
pub(crate) fn segments_meet([a, b]: [Pos2; 2], [c, d]: [Pos2; 2]) -> bool {
    let km = |p: Pos2| (f64::from(p.x), f64::from(p.y));
    segments_cross(km(a), km(b), km(c), km(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::in_app_ui;

    /// The lines `text` wraps into at `width` points, in the app's fonts.
    fn lines_at(ui: &Ui, text: &str, width: f32) -> Vec<String> {
        let font = TextStyle::Button.resolve(ui.style());
        let galley = ui.fonts_mut(|fonts| fonts.layout(text.to_owned(), font, egui::Color32::PLACEHOLDER, width));
        galley.rows.iter().map(|row| row.text()).collect()
    }

    /// At a width that leaves "出" alone on the last line, the paragraph brings a character
    /// down to it; English wraps as it would.
    #[test]
    fn a_chinese_paragraph_leaves_no_character_alone_on_its_last_line() {
        in_app_ui(|ui| {
            let text = "超出坐标轴范围，未绘出";
            let width = text_width(ui, "超出坐标轴范围，未绘", &TextStyle::Body) + 1.0;
            let font = TextStyle::Body.resolve(ui.style());
            let layout = |text: &str, width: f32| {
                ui.fonts_mut(|f| f.layout(text.to_owned(), font.clone(), egui::Color32::WHITE, width))
            };
            let rows = |galley: &Galley| galley.rows.iter().map(|row| row.text()).collect::<Vec<_>>();
            assert_eq!(rows(&layout(text, width)), ["超出坐标轴范围，未绘", "出"], "egui alone");
            let lines = rows(&without_widow(ui, layout(text, width)));
            assert_eq!(lines.len(), 2, "{lines:?}");
            assert!(lines[1].chars().count() >= 2, "{lines:?}");
            let english = "Beyond the axis, not drawn";
            let width = text_width(ui, "Beyond the axis, not", &TextStyle::Body) + 1.0;
            let galley = layout(english, width);
            assert!(Arc::ptr_eq(&without_widow(ui, Arc::clone(&galley)), &galley), "English as egui wraps it");
        });
        let widow = |line: &str| is_widow(line.chars());
        assert!(widow("出。") && widow("出") && widow("出 ") && !widow("绘出") && !widow("a"));
    }

    #[test]
    fn a_wrapped_header_leaves_no_character_alone_on_its_last_line() {
        in_app_ui(|ui| {
            let header = "国家高新技术企业";
            // Room for all but the last character: at the column's edge the last one is alone.
            let column = text_width(ui, "国家高新技术企", &TextStyle::Button) + 1.0;
            assert_eq!(lines_at(ui, header, column), ["国家高新技术企", "业"]);
            let balanced = balanced_wrap_width(ui, header, &TextStyle::Button, column);
            assert!(balanced <= column);
            let lines = lines_at(ui, header, balanced);
            assert_eq!(lines.len(), 2, "{lines:?}");
            assert!(lines.iter().all(|line| line.chars().count() >= 3), "{lines:?}");
        });
    }

    /// A Chinese sources line at a width where egui alone cuts a publisher's name in two
    /// ("中国日 / 报") breaks before that publisher instead; every publisher and its years read
    /// whole on one line, and the text is the same but for the breaks. English likewise.
    #[test]
    fn a_sources_line_breaks_between_publishers_not_inside_one() {
        in_app_ui(|ui| {
            let lead = "示意轮廓，经过简化，不作测绘用途。数据来源：";
            let items =
                ["中关村科技园区管理委员会（b）；", "中国新闻网 2021；", "中国日报 2013b、2020a；", "香港商报 2024"];
            let list = items.concat();
            let small = |ui: &Ui, text: &str| {
                let font = TextStyle::Small.resolve(ui.style());
                let galley =
                    ui.fonts_mut(|f| f.layout(text.to_owned(), font, egui::Color32::WHITE, ui.available_width()));
                galley.rows.iter().map(|row| row.text()).collect::<Vec<_>>()
            };
            // Room for the lead, the first two publishers and three characters of the third.
            let cut = format!("{lead}{}{}中国日", items[0], items[1]);
            let width = text_width(ui, &cut, &TextStyle::Small) + 1.0;
            ui.scope(|ui| {
                ui.set_max_width(width);
                let alone = small(ui, &format!("{lead}{list}"));
                assert!(alone[0].ends_with("中国日"), "egui alone: {alone:?}");
                let text = list_items_kept_whole(ui, lead, &list, &TextStyle::Small);
                assert_eq!(text.replace('\n', ""), format!("{lead}{list}"));
                let lines = small(ui, &text);
                assert_eq!(lines.len(), 2, "{lines:?}");
                for item in items {
                    assert!(lines.iter().any(|line| line.contains(item)), "{item} cut: {lines:?}");
                }
            });
            // English likewise, its line break in place of the space after "; ".
            let items =
                ["China Daily 2013b, 2020a; ", "Fengtai District People's Government 2014; ", "Ta Kung Pao 2020"];
            let list = items.concat();
            let cut = format!("Sources: {}{}Ta Ku", items[0], items[1]);
            ui.scope(|ui| {
                ui.set_max_width(text_width(ui, &cut, &TextStyle::Small) + 1.0);
                let alone = small(ui, &format!("Sources: {list}"));
                assert!(alone[0].trim_end().ends_with("Ta"), "a fair test: {alone:?}");
                let text = list_items_kept_whole(ui, "Sources: ", &list, &TextStyle::Small);
                assert_eq!(text.replace('\n', " "), format!("Sources: {list}"));
                let lines = small(ui, &text);
                assert_eq!(lines.len(), 2, "{lines:?}");
                for item in items {
                    assert!(lines.iter().any(|line| line.contains(item.trim_end())), "{item} cut: {lines:?}");
                }
                // Kept between frames, but made again for another line: not the one kept.
                let shorter = format!("{}{}", items[0], items[2]);
                let text = list_items_kept_whole(ui, "Sources: ", &shorter, &TextStyle::Small);
                assert_eq!(text, format!("Sources: {shorter}"), "it fits on one line");
            });
        });
    }

    #[test]
    fn a_balanced_header_breaks_between_words_and_starts_no_line_with_a_space() {
        in_app_ui(|ui| {
            for header in ["Developed area (km²) ▼", "Foreign-invested firms ▼", "Biomedicine tax revenue ▼"] {
                let words: Vec<&str> = header.split(' ').collect();
                let longest =
                    words.iter().map(|w| text_width(ui, &format!("{w} "), &TextStyle::Button)).fold(0.0, f32::max);
                // Columns from a little wider than the longest word and its space (narrower, egui
                // itself starts a line with the space) to the header's whole length.
                let whole = text_width(ui, header, &TextStyle::Button);
                for column in [longest + 2.0, longest * 1.3, whole * 0.6, whole * 0.8] {
                    let balanced = balanced_wrap_width(ui, header, &TextStyle::Button, column);
                    let lines = lines_at(ui, header, balanced);
                    assert_eq!(lines.len(), lines_at(ui, header, column).len(), "{header} in {column}");
                    for line in &lines {
                        assert!(!line.starts_with(' '), "{header} in {column}: {lines:?}");
                        let pieces = line.split_whitespace().flat_map(|w| w.split_inclusive('-'));
                        assert!(
                            pieces
                                .clone()
                                .all(|piece| header.contains(piece) && words.iter().any(|w| w.contains(piece))),
                            "{header} in {column}: {lines:?}"
                        );
                    }
                    // Every word whole on some line (a hyphenated one may break after its hyphen).
                    let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
                    for word in &words {
                        assert!(joined.contains(word) || word.contains('-'), "{word} broken: {lines:?}");
                    }
                }
            }
        });
    }

    #[test]
    fn a_header_that_fits_or_breaks_only_where_told_keeps_its_width() {
        in_app_ui(|ui| {
            let column = text_width(ui, "High-tech enterprises", &TextStyle::Button) + 1.0;
            for header in ["High-tech enterprises", "Planned area\n(km²)"] {
                let balanced = balanced_wrap_width(ui, header, &TextStyle::Button, column);
                assert!((balanced - column).abs() < 0.01, "{header}: {balanced} in {column}");
            }
        });
    }
}
