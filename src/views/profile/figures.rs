//! The profile's figures: one block per metric, one painted line per figure.
//!
//! A park can have dozens of figures. As widgets (a label each for value, year and quality, a
//! link for the source, a child ui for the line) they cost more to draw than the whole park
//! table did (docs/performance.md), so each line is painted: its texts laid out in fixed
//! columns, with a widget only where the pointer or the keyboard does something (the line's
//! context menu, the tooltips of the conflict mark and the note, the source link). A line
//! scrolled out of view is not laid out, but its source link stays, so Tab still reaches it.

use std::sync::Arc;

use egui::{Align2, Galley, Id, Rect, RichText, Sense, TextStyle, TextWrapMode, Ui, WidgetInfo, WidgetText, vec2};

use crate::format::{figure_value, figure_value_with_unit, name_with_unit, source_cited};
use crate::i18n::{clause_separator, labelled, period_label, qualifier_name, strings};
use crate::model::{Dataset, Figure, Language, Park, Qualifier, differing, stated_otherwise};
use crate::theme::qualifier_colour;
use crate::views::blocks::Blocks;
use crate::views::remembered::remembered;
use crate::views::widgets::{accessible_text, painted_source_link_ui};

/// The value, year and quality columns' widths, in points.
type ColumnWidths = [f32; 3];
/// What marks a figure with a note, after its value.
const NOTE_MARK: &str = "*";
/// How far the lines are indented under their metric's name, in points.
const INDENT_PT: f32 = 8.0;

/// Every figure of the park, grouped by metric in dataset order: the park's own, oldest first,
/// then those of each of its parts under the part's name.
/// Each metric's figures are a block drawn only while in view.
pub(super) fn figures_ui(ui: &mut Ui, dataset: &Dataset, park: &Park, language: Language, blocks: &Blocks) {
    let s = strings(language);
    ui.add_space(8.0);
    ui.heading(s.figures);
    // Each figure with whether another figure of its year differs from it.
    let differs = differing(&park.observations);
    let mut figures: Vec<_> = park
        .observations
        .iter()
        .zip(differs)
        .filter_map(|(obs, differs)| dataset.figure(obs).map(|figure| (figure, differs)))
        .collect();
    if figures.is_empty() {
        ui.weak(s.no_data);
        return;
    }
    // The marks the lines use, explained once under the heading.
    let has_note = figures.iter().any(|(figure, _)| figure.observation.note_in(language).is_some());
    let has_differs = figures.iter().any(|(_, differs)| *differs);
    let keys: Vec<&str> = [(has_note, s.note_mark_key), (has_differs, s.differs_note)]
        .into_iter()
        .filter_map(|(used, key)| used.then_some(key))
        .collect();
    if !keys.is_empty() {
        ui.label(RichText::new(keys.join(" · ")).weak());
    }
    let metric_rank = |id| dataset.metrics.iter().position(|m| &m.id == id).unwrap_or(usize::MAX);
    // The park's own figures of a metric first, then those of each of its parts (a predecessor
    // area, a site), each part under its name: they are not the park's.
    figures.sort_by(|(a, _), (b, _)| {
        (metric_rank(&a.metric.id), part_name(a), a.observation.year, a.observation.period).cmp(&(
            metric_rank(&b.metric.id),
            part_name(b),
            b.observation.year,
            b.observation.period,
        ))
    });
    let widths = column_widths(ui, dataset, park, &figures, language);
    for metric_figures in figures.chunk_by(|(a, _), (b, _)| a.metric.id == b.metric.id) {
        let Some((first, _)) = metric_figures.first() else { continue };
        blocks.show(ui, ("figures", &first.metric.id), |ui| {
            metric_figures_ui(ui, (dataset, park), metric_figures, widths, language);
        });
    }
}

/// The figures of one metric: its name and unit, then a line for each figure, those of each
/// part of the park under the part's name.
fn metric_figures_ui(
    ui: &mut Ui,
    (dataset, park): (&Dataset, &Park),
    figures: &[(Figure<'_>, bool)],
    widths: ColumnWidths,
    language: Language,
) {
    let Some((first, _)) = figures.first() else { return };
    ui.add_space(4.0);
    // The unit once, in the metric's heading, as the table's headers give it: on each line it
    // took the room the sources need.
    let heading = name_with_unit(first.metric.name.get(language), first.metric.display_unit_name(language));
    ui.label(RichText::new(heading).strong()).on_hover_text(first.metric.description.get(language));
    let mut previous_part = None;
    for (figure, differs) in figures {
        let covered = figure.observation.part.as_ref();
        if let Some(part) = covered
            && previous_part != Some(covered)
        {
            let heading = strings(language).figures_of_part.replace("{part}", part.get(language));
            ui.horizontal(|ui| {
                ui.add_space(INDENT_PT);
                ui.add(egui::Label::new(RichText::new(heading).italics()).wrap());
            });
        }
        previous_part = Some(covered);
        figure_line_ui(ui, (dataset, park), figure, *differs, widths, language);
    }
}

/// The English name of the part of the park a figure covers; `None`, sorting first, for the
/// park's own.
fn part_name<'f>(figure: &'f Figure<'_>) -> Option<&'f str> {
    figure.observation.part.as_ref().map(|part| part.en.as_str())
}

/// The widths of the value, year and quality columns of `park`'s figure lines: each its widest
/// text, so the lines of all metrics line up and the source, cut to the room left, gets all
/// the rest. Measured once for each park, language and text size.
fn column_widths(
    ui: &Ui,
    dataset: &Dataset,
    park: &Park,
    figures: &[(Figure<'_>, bool)],
    language: Language,
) -> ColumnWidths {
    let text_size = TextStyle::Body.resolve(ui.style()).size;
    let measured_for = (dataset.revision(), park.id.clone(), language, text_size.to_bits());
    remembered(ui.ctx(), Id::unique("profile_figure_columns"), measured_for, |_| {
        let text_width = |text: &str| {
            WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, TextStyle::Body).size().x
        };
        let star_width = 1.0 + text_width(NOTE_MARK);
        let mut widths = ColumnWidths::default();
        for (figure, _) in figures {
            let mut texts = line_texts(figure, language).map(|text| text_width(&text));
            if figure.observation.note_in(language).is_some() {
                texts[0] += star_width;
            }
            for (width, text) in widths.iter_mut().zip(texts) {
                *width = width.max(text);
            }
        }
        widths
    })
}

/// What a figure's line says in its three columns: value with its sign (the unit is in the
/// metric's heading), year, quality. Only a quality no sign carries is written out
/// (preliminary, target, forecast), as the table's cells do: "reported", and "approximate"
/// beside a "~", took the room the sources need.
fn line_texts(figure: &Figure<'_>, language: Language) -> [String; 3] {
    let obs = figure.observation;
    let quality = match obs.qualifier {
        Qualifier::Reported | Qualifier::Approximate | Qualifier::AtLeast | Qualifier::AtMost => String::new(),
        unsigned => qualifier_name(language, unsigned).to_owned(),
    };
    [figure_value(figure, language), period_label(language, obs.year, obs.period), quality]
}

/// One figure's line: value and unit (with an asterisk if it has a note), year, quality, a mark
/// if another figure of its year differs, and its source, cut with "…" to the room left.
/// Right-clicking the line copies it whole.
fn figure_line_ui(
    ui: &mut Ui,
    (dataset, park): (&Dataset, &Park),
    figure: &Figure<'_>,
    differs: bool,
    widths: ColumnWidths,
    language: Language,
) {
    let s = strings(language);
    let obs = figure.observation;
    let size = vec2(ui.available_width(), ui.spacing().interact_size.y);
    // CLICK, not click(): the context menu needs clicks, and the line is no Tab stop.
    let (line, line_response) = ui.allocate_exact_size(size, Sense::CLICK);
    let id = line_response.id;
    let gap = ui.spacing().item_spacing.x;
    let mut left = line.left() + INDENT_PT;
    // A screen reader (or a test) is told every line, in view or not.
    let listening = ui.ctx().accesskit_node_builder(id, |_| ()).is_some();
    let shown = ui.is_rect_visible(line) || listening;
    if shown {
        let visuals = ui.visuals();
        let colours = [visuals.text_color(), visuals.text_color(), qualifier_colour(visuals, obs.qualifier)];
        for (column, ((text, colour), width)) in
            line_texts(figure, language).into_iter().zip(colours).zip(widths).enumerate()
        {
            let (mut rect, _) = paint_text(ui, line, left, RichText::new(&text).color(colour));
            if column == 0 && listening {
                // A screen reader is told the unit the heading gives the eye.
                accessible_text(ui, id.with(column), rect, &figure_value_with_unit(figure, language), || None);
            } else if column > 0 && !text.is_empty() {
                accessible_text(ui, id.with(column), rect, &text, || None);
            }
            // A note is marked as a footnote is, by an asterisk after the value, which leaves
            // the source more room than a word would; pointing at either shows the note.
            if column == 0
                && let Some(note) = obs.note_in(language)
            {
                let (star, _) = paint_text(ui, line, rect.right() + 1.0, RichText::new(NOTE_MARK).weak());
                rect = rect.union(star);
                marked_area_ui(ui, id.with("note"), rect, s.note, &labelled(language, s.note, note));
            }
            // Past the column's width only when the text was measured at another size. A column
            // no line has text in (the park's figures all plain) takes no room.
            if width > 0.0 || !text.is_empty() {
                left = (left + width).max(rect.right()) + gap;
            }
        }
        // Before the source, which is cut to the room left: it shows whole. The sign the other
        // views mark such figures with, not a word, which left the source little room; a
        // screen reader still says the word.
        if differs {
            let mark = RichText::new(s.differs_mark).color(ui.visuals().warn_fg_color);
            let (rect, _) = paint_text(ui, line, left, mark);
            marked_area_ui(ui, id.with("differs"), rect, s.conflict_mark, s.conflicting_figure);
            left = rect.right() + gap;
        }
    } else {
        left += widths.iter().filter(|width| **width > 0.0).map(|width| width + gap).sum::<f32>();
    }
    let room = Rect::from_x_y_ranges(left..=line.right().max(left), line.y_range());
    let source_link = painted_source_link_ui(ui, id.with("source"), room, figure.source, language, shown);
    // Copy (Ctrl+C, which the platform reports as a copy event) with the source focused copies
    // the line, as its context menu does: the keyboard's way to the menu pointers open.
    if source_link.has_focus() && ui.input(|i| i.events.iter().any(|event| matches!(event, egui::Event::Copy))) {
        copy_line(ui, id, figure_line_text(dataset, park, figure, language));
    }
    // The link takes the right click where it lies, so it offers the same menu.
    for response in [line_response, source_link] {
        response.context_menu(|ui| {
            if ui.button(s.copy_figure).clicked() {
                copy_line(ui, id, figure_line_text(dataset, park, figure, language));
                ui.close();
            }
        });
    }
    if shown {
        copied_mark_ui(ui, id, line, s.copied);
    }
}

/// How long a line just copied says so, in seconds.
const COPIED_SECS: f64 = 1.5;
/// Room either side of "Copied" on its plate, and the plate's corners, in points.
const COPIED_PAD_PT: f32 = 4.0;
const COPIED_CORNER_PT: f32 = 3.0;

/// Where the line copied last and when are kept.
fn copied_id() -> Id {
    Id::unique("profile_figure_copied")
}

/// Copies `text`, the line `line_id`'s, and remembers it was copied, for [`copied_mark_ui`].
fn copy_line(ui: &Ui, line_id: Id, text: String) {
    ui.ctx().copy_text(text);
    let now = ui.input(|input| input.time);
    ui.data_mut(|data| data.insert_temp(copied_id(), (line_id, now)));
}

/// "Copied" at the right of the line `id` (laid out in `rect`) for a moment after it was
/// copied: a copy made from the keyboard, or from the menu, otherwise gave no sign it happened.
fn copied_mark_ui(ui: &Ui, id: Id, rect: Rect, copied: &str) {
    let Some((line_id, copied_at)) = ui.data(|data| data.get_temp::<(Id, f64)>(copied_id())) else { return };
    let secs_left = COPIED_SECS - (ui.input(|input| input.time) - copied_at);
    if line_id != id || secs_left <= 0.0 {
        return;
    }
    #[expect(clippy::cast_possible_truncation, reason = "a second or two")]
    ui.ctx().request_repaint_after_secs(secs_left as f32);
    let visuals = ui.visuals();
    let text = RichText::new(format!("✓ {copied}")).strong();
    let galley = WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, TextStyle::Body);
    let pad = vec2(COPIED_PAD_PT, 0.0);
    let plate = Align2::RIGHT_CENTER.align_size_within_rect(galley.size() + 2.0 * pad, rect);
    ui.painter().rect_filled(plate, COPIED_CORNER_PT, visuals.selection.bg_fill);
    ui.painter().galley(plate.min + pad, galley, visuals.selection.stroke.color);
}

/// A figure's line as text to paste elsewhere: metric, value, year, quality, note and source.
/// Pasted into notes, it must cite itself: the park (and the part of it the figure covers), the
/// source as every view labels it ("China Daily 2020a") with its title, date and address, and
/// any other value stated for the same year.
fn figure_line_text(dataset: &Dataset, park: &Park, figure: &Figure<'_>, language: Language) -> String {
    let obs = figure.observation;
    let bracketed = |text: &str| crate::format::after_value(text, language, crate::format::NoteForm::Full);
    let comma = crate::i18n::comma(language);
    let mut whose = park.name.get(language).to_owned();
    if let Some(covered) = &obs.part {
        whose.push_str(&bracketed(covered.get(language)));
    }
    let what = labelled(language, figure.metric.name.get(language), figure_value_with_unit(figure, language));
    let mut parts = vec![
        labelled(language, &whose, what),
        period_label(language, obs.year, obs.period),
        qualifier_name(language, obs.qualifier).to_owned(),
    ];
    parts.extend(obs.note_in(language).map(str::to_owned));
    let source = figure.source;
    let mut cited = source_cited(source, language);
    for detail in [&source.date, &source.url].into_iter().flatten() {
        cited = format!("{cited}{comma}{detail}");
    }
    parts.push(format!("{}{cited}", strings(language).source));
    // Each other value with its source in brackets: " · " parts the line's own fields.
    let others: Vec<String> = stated_otherwise(&park.observations, obs)
        .filter_map(|other| dataset.figure(other))
        .map(|other| {
            format!("{}{}", figure_value_with_unit(&other, language), bracketed(&source_cited(other.source, language)))
        })
        .collect();
    if !others.is_empty() {
        parts.push(labelled(language, strings(language).also_stated, others.join(clause_separator(language))));
    }
    parts.join(" · ")
}

/// Paints `text` on `line` from `left`, centred on the line's height and cut with "…" at the
/// line's end. Returns where it went and how it was laid out.
fn paint_text(ui: &Ui, line: Rect, left: f32, text: impl Into<WidgetText>) -> (Rect, Arc<Galley>) {
    let room = Rect::from_x_y_ranges(left..=line.right().max(left), line.y_range());
    let galley = text.into().into_galley(ui, Some(TextWrapMode::Truncate), room.width(), TextStyle::Body);
    let rect = Align2::LEFT_CENTER.align_size_within_rect(galley.size(), room);
    ui.painter().galley(rect.min, Arc::clone(&galley), ui.visuals().text_color());
    (rect, galley)
}

/// An area of a line whose tooltip says more (what a mark means); `name` is what a screen
/// reader calls it.
fn marked_area_ui(ui: &mut Ui, id: Id, area: Rect, name: &str, tooltip: &str) {
    let response = ui.interact(area, id, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::accesskit::Role::Label, true, name));
    response.on_hover_text(tooltip);
}
