//! The profile's figures: one block per metric, one painted line per figure.
//!
//! A park can have dozens of figures. As widgets (a label each for value, year and quality, a
//! link for the source, a child ui for the line) they cost more to draw than the whole park
//! table did (docs/performance.md), so each line is painted: its texts laid out in fixed
//! columns, with a widget only where the pointer or the keyboard does something (the line's
//! context menu, the tooltips of the conflict mark and the note, the source link). The lines
//! are laid out once for each park, language, text size and width, as formatting and laying
//! out their texts again each frame cost as much as the rest of the profile. A line scrolled
//! out of view is not painted, but its source link stays, so Tab still reaches it.

use std::sync::Arc;

use egui::{Galley, Id, Rect, RichText, Sense, TextStyle, TextWrapMode, Ui, WidgetInfo, WidgetText, pos2, vec2};

use super::copy::{copied_mark_ui, copy_line, copy_pressed, source_in_full};
use super::laid_out_once;
use crate::format::{figure_value, figure_value_with_unit, name_with_unit, source_cited};
use crate::i18n::{clause_separator, labelled, period_label, qualifier_name, strings};
use crate::model::{Dataset, Figure, Language, MetricId, Park, Qualifier, differing, stated_otherwise};
use crate::theme::qualifier_colour;
use crate::views::blocks::Blocks;
use crate::views::widgets::accessible_text;
use crate::views::widgets::hover::{context_menu, hover_text};
use crate::views::widgets::source_link::{painted_source_link_ui, source_label_galleys};

/// What marks a figure with a note, after its value.
const NOTE_MARK: &str = "*";
/// How far the lines are indented under their metric's name, in points.
const INDENT_PT: f32 = 8.0;

/// The park's figures laid out.
struct LaidOut {
    /// The marks the lines use, explained once under the heading.
    legend: Option<String>,
    /// One entry per metric with figures, in dataset order.
    metrics: Vec<MetricFigures>,
}

/// One metric's figures laid out.
struct MetricFigures {
    metric: MetricId,
    /// Its name and unit, wrapped to the panel, and its description for the name's tooltip.
    heading: Arc<Galley>,
    description: String,
    /// The park's own figures, oldest first, then those of each of its parts under the part's
    /// name: they are not the park's.
    items: Vec<Item>,
}

/// A line under a metric's heading.
enum Item {
    /// "… only, a part of the park:" above the figures of that part.
    Part(String),
    Figure(Line),
}

/// One figure's line laid out, its places measured from the line's left.
struct Line {
    /// The figure's place among the park's observations.
    observation: usize,
    qualifier: Qualifier,
    /// The value (with its sign), year and quality, each where it starts and laid out. A
    /// column without text (the quality of a plain figure) is left out.
    columns: Vec<(usize, f32, Arc<Galley>)>,
    /// The mark after a value with a note, and the note in words for its tooltip.
    note: Option<(f32, Arc<Galley>, String)>,
    /// The mark before the source where another figure of the year differs.
    differs: Option<(f32, Arc<Galley>)>,
    /// Where the source starts, and its label cut to the room left.
    source_left: f32,
    source: Vec<Arc<Galley>>,
}

/// Every figure of the park, grouped by metric in dataset order: the park's own, oldest first,
/// then those of each of its parts under the part's name.
/// Each metric's figures are a block drawn only while in view.
pub(super) fn figures_ui(ui: &mut Ui, dataset: &Dataset, park: &Park, language: Language, blocks: &Blocks) {
    let s = strings(language);
    ui.add_space(8.0);
    ui.heading(s.figures);
    let laid_out =
        laid_out_once(ui, "figures", (dataset, park, language), |width| lay_out(ui, dataset, park, language, width));
    if laid_out.metrics.is_empty() {
        ui.weak(s.no_data);
        return;
    }
    if let Some(legend) = &laid_out.legend {
        ui.label(RichText::new(legend).weak());
    }
    for metric in &laid_out.metrics {
        blocks.show(ui, ("figures", &metric.metric), |ui| metric_figures_ui(ui, (dataset, park), metric, language));
    }
}

/// The figures of one metric: its name and unit, then a line for each figure, those of each
/// part of the park under the part's name.
fn metric_figures_ui(ui: &mut Ui, (dataset, park): (&Dataset, &Park), metric: &MetricFigures, language: Language) {
    ui.add_space(4.0);
    let (rect, response) = ui.allocate_exact_size(metric.heading.size(), Sense::hover());
    ui.painter().galley(rect.min, Arc::clone(&metric.heading), ui.visuals().strong_text_color());
    accessible_text(ui, response.id, rect, metric.heading.text(), || Some(metric.description.clone()));
    hover_text(response, || &metric.description);
    for item in &metric.items {
        match item {
            Item::Part(heading) => {
                ui.horizontal(|ui| {
                    ui.add_space(INDENT_PT);
                    ui.add(egui::Label::new(RichText::new(heading).italics()).wrap());
                });
            }
            Item::Figure(line) => {
                if let Some(figure) = park.observations.get(line.observation).and_then(|obs| dataset.figure(obs)) {
                    figure_line_ui(ui, (dataset, park), &figure, line, language);
                }
            }
        }
    }
}

/// The park's figures laid out in `width`.
fn lay_out(ui: &Ui, dataset: &Dataset, park: &Park, language: Language, width: f32) -> LaidOut {
    let s = strings(language);
    // Each figure with its place among the park's observations and whether another figure of
    // its year differs from it.
    let differs = differing(&park.observations);
    let mut figures: Vec<_> = park
        .observations
        .iter()
        .zip(differs)
        .enumerate()
        .filter_map(|(i, (obs, differs))| dataset.figure(obs).map(|figure| (i, figure, differs)))
        .collect();
    let has_note = figures.iter().any(|(_, figure, _)| figure.observation.note_in(language).is_some());
    let has_differs = figures.iter().any(|(.., differs)| *differs);
    let keys: Vec<&str> = [(has_note, s.note_mark_key), (has_differs, s.differs_note)]
        .into_iter()
        .filter_map(|(used, key)| used.then_some(key))
        .collect();
    let metric_rank = |id| dataset.metrics.iter().position(|m| &m.id == id).unwrap_or(usize::MAX);
    figures.sort_by(|(_, a, _), (_, b, _)| {
        (metric_rank(&a.metric.id), part_name(a), a.observation.year, a.observation.period).cmp(&(
            metric_rank(&b.metric.id),
            part_name(b),
            b.observation.year,
            b.observation.period,
        ))
    });
    let widths = column_widths(ui, &figures, language);
    let metrics = figures
        .chunk_by(|(_, a, _), (_, b, _)| a.metric.id == b.metric.id)
        .filter_map(|metric_figures| {
            let (_, first, _) = metric_figures.first()?;
            // The unit once, in the metric's heading, as the table's headers give it: on each
            // line it took the room the sources need.
            let heading = name_with_unit(first.metric.name.get(language), first.metric.display_unit_name(language));
            let heading = WidgetText::from(heading).into_galley(ui, Some(TextWrapMode::Wrap), width, TextStyle::Body);
            let mut items = Vec::new();
            let mut previous_part = None;
            for (observation, figure, differs) in metric_figures {
                let covered = figure.observation.part.as_ref();
                if let Some(part) = covered
                    && previous_part != Some(covered)
                {
                    items.push(Item::Part(s.figures_of_part.replace("{part}", part.get(language))));
                }
                previous_part = Some(covered);
                items.push(Item::Figure(lay_out_line(ui, figure, *observation, *differs, widths, language, width)));
            }
            Some(MetricFigures {
                metric: first.metric.id.clone(),
                heading,
                description: first.metric.description.get(language).to_owned(),
                items,
            })
        })
        .collect();
    LaidOut { legend: (!keys.is_empty()).then(|| keys.join(" · ")), metrics }
}

/// The English name of the part of the park a figure covers; `None`, sorting first, for the
/// park's own.
fn part_name<'f>(figure: &'f Figure<'_>) -> Option<&'f str> {
    figure.observation.part.as_ref().map(|part| part.en.as_str())
}

/// A text laid out as a figure line paints it: in the body font, cut with "…" at `width`, and
/// without a colour of its own (the painter gives it one, so a change of theme needs no new
/// layout).
fn line_galley(ui: &Ui, text: &str, width: f32) -> Arc<Galley> {
    WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Truncate), width, TextStyle::Body)
}

/// The widths of the value, year and quality columns of the park's figure lines: each its
/// widest text, so the lines of all metrics line up and the source, cut to the room left, gets
/// all the rest.
fn column_widths(ui: &Ui, figures: &[(usize, Figure<'_>, bool)], language: Language) -> [f32; 3] {
    let star_width = 1.0 + line_galley(ui, NOTE_MARK, f32::INFINITY).size().x;
    let mut widths = [0.0_f32; 3];
    for (_, figure, _) in figures {
        let mut texts = line_texts(figure, language).map(|text| line_galley(ui, &text, f32::INFINITY).size().x);
        if figure.observation.note_in(language).is_some() {
            texts[0] += star_width;
        }
        for (width, text) in widths.iter_mut().zip(texts) {
            *width = width.max(text);
        }
    }
    widths
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

/// One figure's line laid out in `width`: value (with an asterisk if it has a note), year,
/// quality, a mark if another figure of its year differs, and its source, cut with "…" to the
/// room left.
fn lay_out_line(
    ui: &Ui,
    figure: &Figure<'_>,
    observation: usize,
    differs: bool,
    widths: [f32; 3],
    language: Language,
    width: f32,
) -> Line {
    let s = strings(language);
    let gap = ui.spacing().item_spacing.x;
    let mut left = INDENT_PT;
    let mut columns = Vec::new();
    let mut note = None;
    for (column, (text, column_width)) in line_texts(figure, language).into_iter().zip(widths).enumerate() {
        let galley = line_galley(ui, &text, (width - left).max(0.0));
        let mut right = left + galley.size().x;
        // A note is marked as a footnote is, by an asterisk after the value, which leaves the
        // source more room than a word would; pointing at either shows the note.
        if column == 0
            && let Some(text) = figure.observation.note_in(language)
        {
            let star = line_galley(ui, NOTE_MARK, (width - right - 1.0).max(0.0));
            let star_left = right + 1.0;
            right = star_left + star.size().x;
            note = Some((star_left, star, labelled(language, s.note, text)));
        }
        let shows = !text.is_empty();
        if shows {
            columns.push((column, left, galley));
        }
        // Past the column's width only when the text was measured at another size. A column
        // no line has text in (the park's figures all plain) takes no room.
        if column_width > 0.0 || shows {
            left = (left + column_width).max(right) + gap;
        }
    }
    // Before the source, which is cut to the room left: it shows whole. The sign the other
    // views mark such figures with, not a word, which left the source little room; a screen
    // reader still says the word.
    let differs = differs.then(|| {
        let mark = line_galley(ui, s.differs_mark, (width - left).max(0.0));
        let at = left;
        left += mark.size().x + gap;
        (at, mark)
    });
    let source = source_label_galleys(ui, figure.source, language, (width - left).max(0.0));
    Line { observation, qualifier: figure.observation.qualifier, columns, note, differs, source_left: left, source }
}

/// One figure's line, as [`lay_out_line`] laid it out. Right-clicking the line copies it whole.
fn figure_line_ui(
    ui: &mut Ui,
    (dataset, park): (&Dataset, &Park),
    figure: &Figure<'_>,
    line: &Line,
    language: Language,
) {
    let s = strings(language);
    let size = vec2(ui.available_width(), ui.spacing().interact_size.y);
    // CLICK, not click(): the context menu needs clicks, and the line is no Tab stop.
    let (rect, line_response) = ui.allocate_exact_size(size, Sense::CLICK);
    let id = line_response.id;
    // A screen reader (or a test) is told every line, in view or not.
    let listening = ui.ctx().accesskit_node_builder(id, |_| ()).is_some();
    let shown = ui.is_rect_visible(rect) || listening;
    let at = |left: f32, galley: &Galley| pos2(rect.left() + left, rect.center().y - galley.size().y / 2.0);
    if shown {
        let visuals = ui.visuals();
        for (column, left, galley) in &line.columns {
            let colour = if *column == 2 { qualifier_colour(visuals, line.qualifier) } else { visuals.text_color() };
            let painted = Rect::from_min_size(at(*left, galley), galley.size());
            ui.painter().galley(painted.min, Arc::clone(galley), colour);
            if *column == 0 && listening {
                // A screen reader is told the unit the heading gives the eye, by the line's own
                // node.
                accessible_text(ui, id, painted, &figure_value_with_unit(figure, language), || None);
            } else if *column > 0 {
                accessible_text(ui, id.with(column), painted, galley.text(), || None);
            }
        }
        if let Some((left, star, note)) = &line.note {
            let value = line
                .columns
                .first()
                .map_or(Rect::NOTHING, |(_, left, galley)| Rect::from_min_size(at(*left, galley), galley.size()));
            let star_rect = Rect::from_min_size(at(*left, star), star.size());
            ui.painter().galley(star_rect.min, Arc::clone(star), visuals.weak_text_color());
            marked_area_ui(ui, id.with("note"), value.union(star_rect), s.note, note);
        }
        if let Some((left, mark)) = &line.differs {
            let mark_rect = Rect::from_min_size(at(*left, mark), mark.size());
            ui.painter().galley(mark_rect.min, Arc::clone(mark), ui.visuals().warn_fg_color);
            marked_area_ui(ui, id.with("differs"), mark_rect, s.conflict_mark, s.conflicting_figure);
        }
    }
    let left = rect.left() + line.source_left;
    let room = Rect::from_x_y_ranges(left..=rect.right().max(left), rect.y_range());
    let galleys = shown.then_some(line.source.as_slice());
    let source_link = painted_source_link_ui(ui, id.with("source"), room, figure.source, language, galleys);
    // Copy with the source focused copies the line, as its context menu does.
    if source_link.has_focus() && copy_pressed(ui) {
        copy_line(ui, id, figure_line_text(dataset, park, figure, language));
    }
    // The link takes the right click where it lies, so it offers the same menu.
    for response in [line_response, source_link] {
        context_menu(&response, |ui| {
            if ui.button(s.copy_figure).clicked() {
                copy_line(ui, id, figure_line_text(dataset, park, figure, language));
                ui.close();
            }
        });
    }
    if shown {
        copied_mark_ui(ui, id, rect, language);
    }
}

/// A figure's line as text to paste elsewhere: metric, value, year, quality, note and source.
/// Pasted into notes, it must cite itself: the park (and the part of it the figure covers), the
/// source as every view labels it ("China Daily 2020a") with its title, date and address, and
/// any other value stated for the same year.
fn figure_line_text(dataset: &Dataset, park: &Park, figure: &Figure<'_>, language: Language) -> String {
    let obs = figure.observation;
    let bracketed = |text: &str| crate::format::after_value(text, language, crate::format::NoteForm::Full);
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
    parts.push(source_in_full(figure.source, language));
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

/// An area of a line whose tooltip says more (what a mark means); `name` is what a screen
/// reader calls it.
fn marked_area_ui(ui: &mut Ui, id: Id, area: Rect, name: &str, tooltip: &str) {
    let response = ui.interact(area, id, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::accesskit::Role::Label, true, name));
    hover_text(response, || tooltip);
}
