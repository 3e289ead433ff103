//! The profile's industries: each with its role and source, in three columns.
//!
//! Painted from texts laid out once for each park, language, text size, scale and width, as the
//! overview's rows are: as a grid of labels they were a sixth of the profile's frame.

use std::sync::Arc;

use egui::{Galley, Rect, RichText, Sense, TextStyle, TextWrapMode, Ui, WidgetText, pos2, vec2};

use super::laid_out_once;
use crate::i18n::{group_name, role_name, strings};
use crate::model::{Dataset, IndustryId, Language, Park, SourceId};
use crate::views::widgets::accessible_text;
use crate::views::widgets::hover::hover_text;
use crate::views::widgets::source_link::{painted_source_link_ui, source_label_galleys};

/// The room between the columns, and added between two rows, in points.
const COLUMN_GAP_PT: f32 = 10.0;
const ROW_GAP_PT: f32 = 4.0;

/// The narrowest a column's share of the width gets, in points.
const MIN_COLUMN_PT: f32 = 80.0;

/// One industry's row laid out.
struct Row {
    industry: IndustryId,
    /// Its name, wrapped to its column, and its role.
    name: Arc<Galley>,
    role: Arc<Galley>,
    /// The source the row cites, its label cut to the room left.
    source: Option<(SourceId, Vec<Arc<Galley>>)>,
    height: f32,
}

/// The park's industries laid out: where the role and source columns start, and the rows.
struct LaidOut {
    role_left: f32,
    source_left: f32,
    rows: Vec<Row>,
}

/// Industries with their role and group, the leading first.
pub(super) fn industries_ui(ui: &mut Ui, dataset: &Dataset, park: &Park, language: Language) {
    let s = strings(language);
    ui.add_space(8.0);
    ui.heading(s.industries);
    if park.industries.is_empty() {
        ui.weak(s.no_data);
        return;
    }
    let width = ui.available_width();
    let laid_out =
        laid_out_once(ui, "industries", (dataset, park, language), |width| lay_out(ui, dataset, park, language, width));
    let line_height = ui.text_style_height(&TextStyle::Body);
    let visuals = ui.visuals().clone();
    for row in &laid_out.rows {
        let (rect, response) = ui.allocate_exact_size(vec2(width, row.height), Sense::hover());
        let id = response.id;
        let listening = ui.ctx().accesskit_node_builder(id, |_| ()).is_some();
        let shown = listening || ui.is_rect_visible(rect);
        if shown {
            let name_rect = Rect::from_min_size(rect.min, row.name.size());
            ui.painter().galley(name_rect.min, Arc::clone(&row.name), visuals.text_color());
            let role_at = pos2(rect.left() + laid_out.role_left, rect.top());
            ui.painter().galley(role_at, Arc::clone(&row.role), visuals.strong_text_color());
            // The row's own node says the role (a screen reader reads the name before it).
            accessible_text(ui, id, Rect::from_min_size(role_at, row.role.size()), row.role.text(), || None);
            // The name's group on hover, as the filter panel groups them.
            let group = dataset.industry(&row.industry).map(|industry| group_name(language, industry.group));
            let name = ui.interact(name_rect, id.with("name"), Sense::hover());
            accessible_text(ui, name.id, name_rect, row.name.text(), || group.map(str::to_owned));
            if let Some(group) = group {
                hover_text(name, || group);
            }
        }
        if let Some((source, galleys)) =
            row.source.as_ref().and_then(|(id, galleys)| Some((dataset.source(id)?, galleys)))
        {
            let left = rect.left() + laid_out.source_left;
            let room = Rect::from_min_size(pos2(left, rect.top()), vec2(rect.right() - left, line_height));
            painted_source_link_ui(ui, id.with("source"), room, source, language, shown.then_some(galleys.as_slice()));
        }
        ui.add_space(ROW_GAP_PT);
    }
}

/// The park's industries laid out in `width`: no column wider than a third of it, so names
/// wrap and sources are cut rather than the rows running past the panel's edge.
fn lay_out(ui: &Ui, dataset: &Dataset, park: &Park, language: Language, width: f32) -> LaidOut {
    let galley = |text: &str, wrap: TextWrapMode, width: f32| {
        WidgetText::from(RichText::new(text)).into_galley(ui, Some(wrap), width, TextStyle::Body)
    };
    let column = ((width - 2.0 * COLUMN_GAP_PT) / 3.0).max(MIN_COLUMN_PT);
    let mut links: Vec<_> = park.industries.iter().collect();
    links.sort_by_key(|link| link.role);
    let named: Vec<_> = links
        .into_iter()
        .filter_map(|link| {
            let industry = dataset.industry(&link.industry)?;
            let name = galley(industry.name.get(language), TextWrapMode::Wrap, column);
            let role = galley(role_name(language, link.role), TextWrapMode::Truncate, column);
            Some((link, name, role))
        })
        .collect();
    let widest = |galleys: &mut dyn Iterator<Item = &Arc<Galley>>| galleys.map(|g| g.size().x).fold(0.0, f32::max);
    let role_left = widest(&mut named.iter().map(|(_, name, _)| name)) + COLUMN_GAP_PT;
    let source_left = role_left + widest(&mut named.iter().map(|(.., role)| role)) + COLUMN_GAP_PT;
    let rows = named
        .into_iter()
        .map(|(link, name, role)| {
            let source = dataset.source(&link.source).map(|source| {
                (link.source.clone(), source_label_galleys(ui, source, language, (width - source_left).max(0.0)))
            });
            let height = name.size().y.max(role.size().y);
            Row { industry: link.industry.clone(), name, role, source, height }
        })
        .collect();
    LaidOut { role_left, source_left, rows }
}
