//! The profile's overview: the park's districts, map position and milestones, each under a
//! name in a column of its own, a milestone's source after it.
//!
//! The rows are painted from texts laid out once for each park, language, text size and width:
//! as labels in nested rows, these few lines cost a third of the profile's frame
//! (docs/performance.md). A source keeps a link of its own, and a row a context menu that copies
//! it with its source, as a label's selected text could be copied.

use std::sync::Arc;

use egui::{Galley, Rect, RichText, Sense, TextStyle, TextWrapMode, Ui, Vec2, WidgetText, pos2, vec2};

use super::copy::{copied_mark_ui, copy_line, copy_pressed, source_in_full};
use super::laid_out_once;
use crate::format::{NoteForm, after_value, district_names, lon_lat};
use crate::i18n::{labelled, strings};
use crate::model::{Dataset, Language, Park, SourceId};
use crate::views::widgets::accessible_text;
use crate::views::widgets::hover::context_menu;
use crate::views::widgets::source_link::{painted_source_link_ui, source_label_galleys};

/// The room between the overview's names and what they name, in points.
const NAME_GAP_PT: f32 = 12.0;

/// Room added between two rows of the overview (two milestones), in points: more than between
/// a row's own lines, so one milestone of two lines does not read as two.
const ROW_GAP_PT: f32 = 3.0;

/// The narrowest the values' column gets, in points, however narrow the panel.
const MIN_VALUE_WIDTH_PT: f32 = 80.0;

/// One row as laid out.
struct Row {
    /// What the row is ("Districts", "Milestones"), which a copied row starts with.
    kind: &'static str,
    /// The same laid out, shown on the first row of its kind only.
    name: Option<Arc<Galley>>,
    /// What the dataset says, wrapped to the values' column.
    value: Arc<Galley>,
    /// The source the row cites.
    source: Option<RowSource>,
    /// From the row's top to its last line's bottom.
    height: f32,
}

/// A row's source laid out.
struct RowSource {
    /// The source, looked up each frame (the dataset is not kept with the layout).
    id: SourceId,
    /// Where its link starts from the value's top left: after the value's last line, or under
    /// it when the label does not fit there.
    at: Vec2,
    /// Its label, cut to fit if need be.
    galleys: Vec<Arc<Galley>>,
}

/// The overview of one park laid out.
struct LaidOut {
    /// The names' column, as wide as its widest name.
    names_width: f32,
    rows: Vec<Row>,
}

/// Draws the overview of `park`, in rows each as tall as its own lines.
pub(super) fn overview_ui(ui: &mut Ui, dataset: &Dataset, park: &Park, language: Language) {
    let width = ui.available_width();
    let laid_out =
        laid_out_once(ui, "overview", (dataset, park, language), |width| lay_out(ui, dataset, park, language, width));
    let line_height = ui.text_style_height(&TextStyle::Body);
    let visuals = ui.visuals().clone();
    for row in &laid_out.rows {
        let (rect, response) = ui.allocate_exact_size(vec2(width, row.height), Sense::CLICK);
        let id = response.id;
        let value_at = pos2(rect.left() + laid_out.names_width + NAME_GAP_PT, rect.top());
        // A screen reader (or a test) is told every row, in view or not: the row's own node
        // says its value.
        let value_rect = row.value.rect.translate(value_at.to_vec2());
        let listening = ui.ctx().accesskit_node_builder(id, |_| ()).is_some();
        if listening {
            accessible_text(ui, id, value_rect, row.value.text(), || None);
        }
        let shown = listening || ui.is_rect_visible(rect);
        if shown {
            if let Some(name) = &row.name {
                ui.painter().galley(rect.min, Arc::clone(name), visuals.strong_text_color());
                accessible_text(ui, id.with("name"), name.rect.translate(rect.min.to_vec2()), name.text(), || None);
            }
            ui.painter().galley(value_at, Arc::clone(&row.value), visuals.text_color());
        }
        let source = row.source.as_ref().and_then(|laid_out| Some((dataset.source(&laid_out.id)?, laid_out)));
        let mut link = None;
        if let Some((source, laid_out)) = source {
            let room = Rect::from_min_size(
                value_at + laid_out.at,
                vec2(rect.right() - value_at.x - laid_out.at.x, line_height),
            );
            let galleys = shown.then_some(laid_out.galleys.as_slice());
            link = Some(painted_source_link_ui(ui, id.with("source"), room, source, language, galleys));
        }
        let copied_text = || {
            let text = labelled(language, row.kind, row.value.text());
            match source {
                Some((source, _)) => format!("{text} · {}", source_in_full(source, language)),
                None => text,
            }
        };
        if link.as_ref().is_some_and(egui::Response::has_focus) && copy_pressed(ui) {
            copy_line(ui, id, copied_text());
        }
        let s = strings(language);
        let copy_item = if source.is_some() { s.copy_line } else { s.copy_line_alone };
        for response in std::iter::once(response).chain(link) {
            context_menu(&response, |ui| {
                if ui.button(copy_item).clicked() {
                    copy_line(ui, id, copied_text());
                    ui.close();
                }
            });
        }
        if shown {
            copied_mark_ui(ui, id, rect, language);
        }
        ui.add_space(ROW_GAP_PT);
    }
}

/// The rows' texts: districts, map position, then each milestone with its source.
fn row_texts(dataset: &Dataset, park: &Park, language: Language) -> Vec<(&'static str, String, Option<SourceId>)> {
    let s = strings(language);
    let mut rows = vec![(s.districts, district_names(dataset, park, language), None)];
    if let Some(location) = &park.location {
        // "(approximate)", in Chinese in full-width brackets and with a full-width colon after.
        let mark = if location.approximate {
            after_value(s.approximate_location, language, NoteForm::Full)
        } else {
            String::new()
        };
        let place =
            labelled(language, &format!("{}{mark}", location.place.get(language)), lon_lat(location.lon, location.lat));
        rows.push((s.location, place, None));
    }
    for milestone in &park.milestones {
        let date = match milestone.month {
            Some(month) => format!("{}-{month:02}", milestone.year),
            None => milestone.year.to_string(),
        };
        rows.push((s.milestones, format!("{date}  {}", milestone.event.get(language)), Some(milestone.source.clone())));
    }
    rows
}

/// The overview of `park` laid out in `width`.
fn lay_out(ui: &Ui, dataset: &Dataset, park: &Park, language: Language, width: f32) -> LaidOut {
    // Without a colour of their own: the painter gives each its colour, so a change of theme
    // needs no new layout.
    let galley = |text: &str, wrap: TextWrapMode, width: f32| {
        WidgetText::from(RichText::new(text)).into_galley(ui, Some(wrap), width, TextStyle::Body)
    };
    let texts = row_texts(dataset, park, language);
    // Each kind named on its first row only.
    let names: Vec<Option<Arc<Galley>>> = texts
        .iter()
        .enumerate()
        .map(|(i, (kind, ..))| {
            let first = i == 0 || texts[i - 1].0 != *kind;
            first.then(|| galley(kind, TextWrapMode::Extend, f32::INFINITY))
        })
        .collect();
    // As wide as the widest of the three names, whichever the park shows, so the values start
    // at the same place in every park's profile.
    let s = strings(language);
    let names_width = [s.districts, s.location, s.milestones]
        .map(|name| galley(name, TextWrapMode::Extend, f32::INFINITY).size().x)
        .into_iter()
        .fold(0.0, f32::max);
    let value_width = (width - names_width - NAME_GAP_PT).max(MIN_VALUE_WIDTH_PT);
    let gap = ui.spacing().item_spacing.x;
    let line_height = ui.text_style_height(&TextStyle::Body);
    let rows = texts
        .into_iter()
        .zip(names)
        .map(|((kind, value, source_id), name)| {
            let value = galley(&value, TextWrapMode::Wrap, value_width);
            // After the value's last line where the whole label fits, as a wrapped row of
            // widgets places it; else on a line of its own, cut to fit if need be.
            let source = source_id.and_then(|id| {
                let source = dataset.source(&id)?;
                let whole = source_label_galleys(ui, source, language, f32::INFINITY);
                let label_width: f32 = whole.iter().map(|galley| galley.size().x).sum();
                let last_line = value.rows.last().map_or(Rect::ZERO, egui::epaint::text::PlacedRow::rect);
                let after = last_line.right() + gap;
                if after + label_width <= value_width {
                    return Some(RowSource { id, at: vec2(after, last_line.top()), galleys: whole });
                }
                let galleys = source_label_galleys(ui, source, language, value_width);
                Some(RowSource { id, at: vec2(0.0, value.size().y), galleys })
            });
            let height = source.as_ref().map_or(0.0, |source| source.at.y + line_height).max(value.size().y);
            Row { kind, name, value, source, height }
        })
        .collect();
    LaidOut { names_width, rows }
}
