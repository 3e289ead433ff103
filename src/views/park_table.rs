//! The park table: one row per listed park, sortable by any column, click to select.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use crate::format::{district_names, figure_value};
use crate::i18n::{period_label, qualifier_name, strings};
use crate::model::{Dataset, Language, MetricId, Park, ParkId, Qualifier};
use crate::state::{Action, AppState, RoleScope, SortColumn, TableSort};

/// Draws the table of `visible` parks (already filtered and sorted) in their order. With
/// `scroll_to_selected`, the selected row is scrolled into view (after a keyboard move).
pub fn park_table_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    visible: &[ParkId],
    state: &AppState,
    scroll_to_selected: bool,
    actions: &mut Vec<Action>,
) {
    let (sort, language) = (&state.sort, state.language);
    let selected = state.selected.as_ref();
    let s = strings(language);
    if visible.is_empty() {
        ui.add_space(12.0);
        ui.weak(s.no_match);
        return;
    }
    // Labels must not take clicks or drags meant for the row.
    ui.style_mut().interaction.selectable_labels = false;
    let row_height = egui::TextStyle::Body.resolve(ui.style()).size.max(ui.spacing().interact_size.y) + 4.0;
    let headers = column_headers(dataset, language);

    // A narrow window scrolls the table sideways rather than hiding its last columns, with a
    // scroll bar that shows (egui's default floating one appears only on hover).
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal().id_salt("park_table_hscroll").show(ui, |ui| {
        // Text columns are capped and truncate (the full text shows on hover), so all columns
        // fit a 1400-point window beside the filter panel; every column can be widened.
        let text_column =
            |least: f32, most: f32| Column::auto().at_least(least).at_most(most).clip(true).resizable(true);
        let mut table = TableBuilder::new(ui)
            .id_salt("park_table")
            .striped(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(28.0))
            .column(text_column(140.0, 230.0))
            .column(text_column(90.0, 200.0))
            .column(text_column(80.0, 150.0))
            .columns(text_column(100.0, 150.0), dataset.view_metrics().table.len())
            .column(Column::remainder().at_least(160.0).clip(true));
        if scroll_to_selected && let Some(row) = selected.and_then(|id| visible.iter().position(|p| p == id)) {
            table = table.scroll_to_row(row, None);
        }
        table
            // Two lines, so long metric names and their units wrap instead of widening a column.
            .header(2.0 * row_height, |mut header| {
                for (label, column) in &headers {
                    header.col(|ui| match column {
                        Some(column) => header_button_ui(ui, label, column, sort, s.sort_hint, actions),
                        None => {
                            ui.strong(label);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, visible.len(), |mut row| {
                    if let Some(park) = visible.get(row.index()).and_then(|id| dataset.park(id)) {
                        park_row_ui(&mut row, dataset, park, state, actions);
                    }
                });
            });
    });
}

/// Each column's header, with the column it sorts by (if it sorts). The figure columns are the
/// dataset's table metrics, each named with its unit.
fn column_headers(dataset: &Dataset, language: Language) -> Vec<(String, Option<SortColumn>)> {
    let s = strings(language);
    let figures = dataset.view_metrics().table.iter().filter_map(|id| dataset.metric(id)).map(|metric| {
        let header = format!("{} ({})", metric.name.get(language), metric.unit.get(language));
        (header, Some(SortColumn::Figure(metric.id.clone())))
    });
    let mut headers = vec![
        (s.col_pin.to_owned(), None),
        (s.col_name.to_owned(), Some(SortColumn::Name)),
        (s.col_name_zh.to_owned(), None),
        (s.col_districts.to_owned(), Some(SortColumn::District)),
    ];
    headers.extend(figures);
    headers.push((s.col_leading.to_owned(), None));
    headers
}

/// One park's row, in the order of [`column_headers`]; a click selects the park.
fn park_row_ui(
    row: &mut TableRow<'_, '_>,
    dataset: &Dataset,
    park: &Park,
    state: &AppState,
    actions: &mut Vec<Action>,
) {
    let language = state.language;
    row.set_selected(state.selected.as_ref() == Some(&park.id));
    row.set_hovered(state.hovered.as_ref() == Some(&park.id));
    row.col(|ui| {
        pin_button_ui(ui, &park.id, state.is_pinned(&park.id), language, actions);
    });
    row.col(|ui| {
        ui.add(egui::Label::new(RichText::new(park.name.get(language)).strong()).truncate());
    });
    row.col(|ui| {
        ui.add(egui::Label::new(park.name.get(language.other())).truncate());
    });
    row.col(|ui| {
        ui.add(egui::Label::new(district_names(dataset, park, language)).truncate());
    });
    for metric in &dataset.view_metrics().table {
        row.col(|ui| {
            latest_figure_cell_ui(ui, dataset, park, metric, language);
        });
    }
    row.col(|ui| {
        ui.add(egui::Label::new(leading_industries(dataset, park, language)).truncate());
    });
    let response = row.response();
    if response.clicked() {
        actions.push(Action::Select(park.id.clone()));
    }
    if response.hovered() {
        actions.push(Action::Hover(park.id.clone()));
    }
}

/// A star that pins or unpins a park: filled when pinned.
fn pin_button_ui(ui: &mut Ui, id: &ParkId, pinned: bool, language: Language, actions: &mut Vec<Action>) {
    let s = strings(language);
    let (star, hint) = if pinned { ("★", s.unpin) } else { ("☆", s.pin) };
    let button = egui::Button::new(RichText::new(star).strong()).frame(false);
    if ui.add(button).on_hover_text(hint).clicked() {
        actions.push(Action::TogglePin(id.clone()));
    }
}

fn header_button_ui(
    ui: &mut Ui,
    label: &str,
    column: &SortColumn,
    sort: &TableSort,
    hint: &str,
    actions: &mut Vec<Action>,
) {
    let arrow = match (&sort.column == column, sort.descending) {
        (false, _) => "",
        (true, false) => " ▲",
        (true, true) => " ▼",
    };
    let text = RichText::new(format!("{label}{arrow}")).strong();
    if ui.add(egui::Button::selectable(&sort.column == column, text).wrap()).on_hover_text(hint).clicked() {
        actions.push(Action::SortBy(column.clone()));
    }
}

/// Names of the industries a park leads with (the roles the filter calls leading), joined.
fn leading_industries(dataset: &Dataset, park: &Park, language: Language) -> String {
    let names: Vec<&str> = park
        .industries
        .iter()
        .filter(|link| RoleScope::Leading.includes(link.role))
        .filter_map(|link| dataset.industry(&link.industry))
        .map(|i| i.name.get(language))
        .collect();
    names.join(", ")
}

/// The latest figure of `metric` with its year, right-aligned; "no data" when there is none.
///
/// The value and its year are one label, moved right by a space rather than drawn in a child
/// ui laid out right to left: the table has a cell like this per park and metric, and child uis
/// were a large part of its frame. The hover text is written only when it shows.
fn latest_figure_cell_ui(ui: &mut Ui, dataset: &Dataset, park: &Park, metric: &MetricId, language: Language) {
    let s = strings(language);
    let Some(figure) = dataset.latest(park, metric) else {
        right_aligned_label_ui(ui, RichText::new(s.no_data).weak().into());
        return;
    };
    let obs = figure.observation;
    let mut year = period_label(language, obs.year, obs.period);
    if obs.qualifier == Qualifier::Preliminary {
        year = format!("{year} ({})", qualifier_name(language, obs.qualifier));
    }
    let mut text = egui::text::LayoutJob::default();
    let style = ui.style();
    RichText::new(figure_value(&figure)).append_to(&mut text, style, egui::FontSelection::Default, Align::Center);
    RichText::new(format!(" {year}")).weak().append_to(&mut text, style, egui::FontSelection::Default, Align::Center);
    right_aligned_label_ui(ui, text.into()).on_hover_ui(|ui| {
        ui.label(format!(
            "{} {} · {} · {} · {}",
            figure_value(&figure),
            figure.metric.unit.get(language),
            period_label(language, obs.year, obs.period),
            qualifier_name(language, obs.qualifier),
            figure.source.title
        ));
    });
}

/// A label at the right edge of the space left in a left-to-right cell.
fn right_aligned_label_ui(ui: &mut Ui, text: egui::WidgetText) -> egui::Response {
    let galley = text.into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body);
    ui.add_space((ui.available_width() - galley.size().x).max(0.0));
    ui.add(egui::Label::new(galley))
}
