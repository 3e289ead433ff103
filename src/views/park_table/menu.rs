//! The park table's columns menu: a check box for each metric of the dataset, in its order and
//! named as the table's headers name it, and the dataset's own columns, all or none. The choice
//! is reported as an action; which columns show is the state's answer
//! ([`AppState::table_metrics`]).

use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{PopupCloseBehavior, RichText, Ui};

use super::columns::metric_header;
use crate::format::{format_count, unit_in_brackets};
use crate::i18n::strings;
use crate::model::Dataset;
use crate::state::{Action, AppState, TableMetricsChoice};
use crate::views::remembered::remembered;
use crate::views::widgets::hover::hover_text;

/// The "Columns ▼" button and its menu. The menu stays open while metrics are ticked, so
/// several can be chosen at once; a click outside or Esc closes it.
pub fn columns_menu_ui(ui: &mut Ui, dataset: &Dataset, state: &AppState, actions: &mut Vec<Action>) {
    let language = state.language;
    let s = strings(language);
    let shown = state.table_metrics(dataset);
    let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
    let (response, _) = MenuButton::new(s.table_columns_menu).config(config).ui(ui, |ui| {
        // "0 of 0 metrics shown" over All and None would offer a choice of nothing.
        if dataset.metrics.is_empty() {
            ui.label(s.table_columns_no_metrics);
            return;
        }
        let count = s.table_columns_count.fill(shown.len(), dataset.metrics.len());
        ui.label(RichText::new(count).weak());
        ui.horizontal(|ui| {
            if ui.button(s.table_columns_all).clicked() {
                actions.push(Action::ChooseTableMetrics(TableMetricsChoice::all(dataset)));
            }
            if ui.button(s.table_columns_none).clicked() {
                actions.push(Action::ChooseTableMetrics(TableMetricsChoice::none()));
            }
        });
        if ui.add_enabled(state.table_metrics.is_some(), egui::Button::new(s.table_columns_default)).clicked() {
            actions.push(Action::ChooseTableMetrics(TableMetricsChoice::dataset_default(dataset)));
        }
        ui.separator();
        // A dataset of forty metrics lists them all: the list scrolls inside the window's height.
        let max_height = (ui.ctx().content_rect().height() * 0.6).max(160.0);
        // How many parks each metric would fill, counted once per dataset: a column of one park's
        // figure is mostly "no data".
        let parks_with = remembered(ui.ctx(), egui::Id::unique("table_columns_coverage"), dataset.revision(), |_| {
            dataset.parks_with_figures()
        });
        egui::ScrollArea::vertical().id_salt("table_columns").max_height(max_height).show(ui, |ui| {
            for (metric, parks) in dataset.metrics.iter().zip(parks_with) {
                let mut ticked = shown.contains(&metric.id);
                let (name, unit) = metric_header(metric, language);
                let label =
                    unit.map_or_else(|| name.clone(), |unit| format!("{name}{}", unit_in_brackets(&name, &unit)));
                let coverage = s.parks_count.for_count(parks).replace("{n}", &format_count(parks));
                if ui.checkbox(&mut ticked, (label, RichText::new(format!("· {coverage}")).weak())).clicked() {
                    actions.push(Action::ChooseTableMetrics(state.table_metric_toggled(dataset, &metric.id)));
                }
            }
        });
    });
    hover_text(response, || s.table_columns_hint);
}
