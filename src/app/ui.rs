//! The panels of the window and where each view goes.

use egui::{RichText, Ui};

use super::ParkApp;
use crate::i18n::strings;
use crate::state::{Action, AppState, Tab};
use crate::views::map::{self, MapContext};
use crate::views::plots::{self, CompareContext};
use crate::views::{chips, filters, park_table, profile, status_bar, toolbar};

impl ParkApp {
    /// The window title names the open file, so a user with several windows knows which is which.
    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.origin.file_label() {
            Some(file) => format!("ZGC Atlas — {file}"),
            None => "ZGC Atlas".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Every problem of the last failed load, with its place; reload and copy buttons.
    fn load_error_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(errors) = &self.load_error else { return };
        let s = strings(self.state.language);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(s.load_failed).strong().color(ui.visuals().error_fg_color));
                if ui.button(s.reload).clicked() {
                    actions.push(Action::Reload);
                }
                if ui.button(s.copy_problems).clicked() {
                    actions.push(Action::CopyProblems);
                }
            });
            if self.dataset.is_some() {
                ui.label(RichText::new(s.last_good).weak());
            }
            egui::ScrollArea::vertical().id_salt("load_errors").max_height(160.0).show(ui, |ui| {
                for problem in errors.to_string().lines() {
                    ui.label(RichText::new(problem).monospace().color(ui.visuals().error_fg_color));
                }
            });
        });
    }

    fn notice_ui(&mut self, ui: &mut Ui) {
        let Some(notice) = &self.notice else { return };
        let s = strings(self.state.language);
        let mut dismissed = false;
        ui.horizontal(|ui| {
            ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
            dismissed = ui.small_button(s.dismiss).clicked();
        });
        if dismissed {
            self.notice = None;
        }
    }
}

impl eframe::App for ParkApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.poll_files();
        self.update_title(ui.ctx());
        let mut actions = Vec::new();
        Self::keyboard_actions(ui, &mut actions);
        let language = self.state.language;

        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            let mut filters_open = !self.state.filters_collapsed;
            toolbar::toolbar_ui(
                ui,
                &mut self.state.filter.search,
                &mut filters_open,
                &self.state.recent,
                language,
                self.state.theme,
                &mut actions,
            );
            self.state.filters_collapsed = !filters_open;
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            self.notice_ui(ui);
            let origin = self.origin.file_label();
            status_bar::status_bar_ui(ui, self.dataset.as_ref(), origin.as_deref(), self.is_reloading(), language);
        });
        // The search may have changed in the toolbar: the panels below use the new result.
        self.refresh_derived();

        if let Some(dataset) = &self.dataset {
            let mut filters_open = !self.state.filters_collapsed;
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(280.0)
                .size_range(220.0..=480.0)
                .show_collapsible(ui, &mut filters_open, |ui| {
                    filters::filters_ui(
                        ui,
                        dataset,
                        &mut self.state.filter,
                        &self.derived.counts,
                        &self.state.pinned,
                        language,
                        &mut actions,
                    );
                });
            self.state.filters_collapsed = !filters_open;

            let selected = self.state.selected.as_ref().and_then(|id| dataset.park(id));
            let pinned = selected.is_some_and(|park| self.state.is_pinned(&park.id));
            egui::Panel::right("profile").resizable(true).default_size(460.0).size_range(300.0..=600.0).show(
                ui,
                |ui| {
                    // Claim the panel's whole width: the profile scrolls inside it, so its content
                    // would otherwise report a narrow size and the panel would shrink to it.
                    ui.set_min_width(ui.available_width());
                    profile::profile_ui(ui, dataset, selected, pinned, language, &mut actions);
                },
            );
        }
        self.refresh_plot();
        self.refresh_map();
        egui::CentralPanel::default().show(ui, |ui| {
            self.load_error_ui(ui, &mut actions);
            let Some(dataset) = &self.dataset else {
                if self.load_error.is_none() {
                    ui.label(strings(language).no_dataset);
                }
                return;
            };
            let s = strings(language);
            ui.horizontal(|ui| {
                for (tab, label) in [(Tab::Table, s.tab_table), (Tab::Compare, s.tab_compare), (Tab::Map, s.tab_map)] {
                    if ui.selectable_label(self.state.tab == tab, RichText::new(label).strong()).clicked() {
                        actions.push(Action::ShowTab(tab));
                    }
                }
                ui.separator();
                chips::chips_ui(ui, dataset, &self.state.filter, self.derived.visible.len(), language, &mut actions);
            });
            ui.separator();
            match self.state.tab {
                Tab::Table => park_table::park_table_ui(
                    ui,
                    dataset,
                    &self.derived.visible,
                    &self.state,
                    self.scroll_to_selected,
                    &mut actions,
                ),
                Tab::Compare => {
                    let AppState { plot, filter, pinned, hovered, selected, .. } = &mut self.state;
                    let context = CompareContext {
                        dataset,
                        visible: &self.derived.visible,
                        pinned,
                        hovered: hovered.as_ref(),
                        selected: selected.as_ref(),
                        filter,
                        language,
                    };
                    if let Some(data) = &self.plot.data {
                        plots::compare_ui(ui, &context, plot, data, &mut actions);
                    }
                }
                Tab::Map => match (&self.city, &self.map_error) {
                    (Some(city), _) => {
                        let AppState { map, pinned, hovered, selected, .. } = &mut self.state;
                        let context = MapContext {
                            dataset,
                            city: &city.map,
                            geometry: &city.geometry,
                            data: &self.map_data.data,
                            pinned,
                            hovered: hovered.as_ref(),
                            selected: selected.as_ref(),
                            language,
                        };
                        map::map_ui(ui, &context, map, &mut actions);
                    }
                    (None, Some(errors)) => {
                        ui.label(RichText::new(s.map_failed).strong().color(ui.visuals().error_fg_color));
                        for problem in errors.to_string().lines() {
                            ui.label(RichText::new(problem).monospace().color(ui.visuals().error_fg_color));
                        }
                    }
                    (None, None) => {
                        ui.label(s.no_map);
                    }
                },
            }
        });
        self.scroll_to_selected = false;

        self.apply(ui.ctx(), &actions);
        if self.refresh_derived() | self.refresh_plot() | self.refresh_map() {
            // A filter or plot choice changed while drawing: draw again with the result.
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}
