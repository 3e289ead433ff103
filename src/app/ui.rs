//! The panels of the window and where each view goes.

use egui::{RichText, Ui};

use super::messages::map_problems_ui;
use super::presenting::POINTER_IN_USE_SECS;
use super::{ParkApp, keys};
use crate::i18n::strings;
use crate::model::Dataset;
use crate::state::{Action, AppState, Command, Tab};
use crate::views::map::{self, MapContext};
use crate::views::plots::{self, CompareContext};
use crate::views::remembered::note_font_atlas;
use crate::views::widgets::hover::{hover_text, hover_ui};
use crate::views::{chips, park_table, status_bar, table_preview, toolbar, widgets};

impl ParkApp {
    /// The window title names the dataset and the open file, so a user with several windows
    /// knows which is which: "Zhongguancun (parks.ron) — ZGC Atlas".
    fn update_title(&mut self, ctx: &egui::Context) {
        let name = self.dataset.as_ref().map(|d| d.meta.short_name().get(self.state.language).to_owned());
        let title = match (name, self.origin.file_label()) {
            (Some(name), Some(file)) => format!("{name} ({file}) — ZGC Atlas"),
            (Some(name), None) => format!("{name} — ZGC Atlas"),
            (None, Some(file)) => format!("{file} — ZGC Atlas"),
            (None, None) => "ZGC Atlas".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The central area: load problems, the view tabs and filter chips (not when presenting),
    /// and the chosen view.
    fn central_ui(&mut self, ui: &mut Ui, presenting: bool, actions: &mut Vec<Action>, commands: &mut Vec<Command>) {
        let language = self.state.language;
        egui::CentralPanel::default().frame(self.panel_frame(egui::Frame::central_panel(ui.style()))).show(ui, |ui| {
            // On a slide the room would see the problem and its buttons, and the chart pushed
            // down: the slide keeps the last data that loaded, and the bar below says so.
            if !(presenting && self.dataset.is_some()) {
                self.load_error_ui(ui, commands);
            }
            let Some(dataset) = &self.dataset else {
                if self.load_error.is_none() {
                    ui.label(strings(language).no_dataset);
                }
                return;
            };
            // With no park, every view would be empty and blame the search or the filters.
            if dataset.parks.is_empty() {
                ui.add_space(12.0);
                ui.label(strings(language).no_parks);
                return;
            }
            // The rule parts the controls from the view: a slide has none.
            if !presenting {
                self.tabs_and_chips_ui(ui, dataset, actions);
                ui.separator();
            }
            match self.state.tab {
                // Charts and the map carry their own title, scope and sources; the presented
                // table gets them here, with the slide's title.
                Tab::Table if presenting => {
                    let slide_title = self.slide_title();
                    let slide_takeaway = self.slide_takeaway();
                    let shown = park_table::presented_park_table_ui(
                        ui,
                        dataset,
                        (self.derived.visible(), self.derived.listing_generation()),
                        &self.state,
                        (slide_title, slide_takeaway.as_deref(), self.presentation.scroll_rows),
                        self.derived.table_citations(),
                        actions,
                    );
                    self.shown_scope = Some(shown.scope);
                    // Its sources line cites the figure columns that fit the slide: another
                    // frame when they changed.
                    if self.presented_table_metrics.as_ref() != Some(&shown.metrics) {
                        self.presented_table_metrics = Some(shown.metrics);
                        ui.ctx().request_repaint();
                    }
                }
                Tab::Table => {
                    self.presented_table_metrics = None;
                    self.shown_scope = None;
                    park_table::park_table_ui(
                        ui,
                        dataset,
                        self.derived.visible(),
                        &self.state,
                        park_table::TableMode::Exploring { scroll_to_selected: self.scroll_to_selected },
                        actions,
                    );
                }
                Tab::Compare => {
                    let own_takeaway = self.slide_takeaway();
                    let own_title = self.slide_title().map(str::to_owned);
                    let AppState { plot, filter, pinned, hovered, selected, .. } = &mut self.state;
                    let context = CompareContext {
                        dataset,
                        visible: self.derived.visible(),
                        pinned,
                        hovered: hovered.as_ref(),
                        selected: selected.as_ref(),
                        filter,
                        language,
                        presenting,
                        scroll_rows: if presenting { self.presentation.scroll_rows } else { 0 },
                        takeaway: own_takeaway.as_deref(),
                        title: own_title.as_deref(),
                    };
                    self.shown_scope =
                        self.derived.plot().and_then(|view| plots::compare_ui(ui, &context, plot, view, actions));
                }
                Tab::Map => match (&self.city, &self.map_error) {
                    (Some(city), problems) => {
                        // A map file that failed to reload: its problems above the last good map.
                        if let Some(errors) = problems {
                            map_problems_ui(ui, errors, language);
                        }
                        let own_takeaway = self.slide_takeaway();
                        let own_title = self.slide_title().map(str::to_owned);
                        let AppState { map, pinned, hovered, selected, filter, .. } = &mut self.state;
                        let context = MapContext {
                            dataset,
                            city: &city.map,
                            geometry: &city.geometry,
                            data: self.derived.map(),
                            pinned,
                            colours: self.derived.map_colours(),
                            hovered: hovered.as_ref(),
                            selected: selected.as_ref(),
                            language,
                            presenting,
                            takeaway: own_takeaway.as_deref(),
                            title: own_title.as_deref(),
                            filter,
                        };
                        self.shown_scope = Some(map::map_ui(ui, &context, map, actions));
                    }
                    (None, Some(errors)) => {
                        self.shown_scope = None;
                        map_problems_ui(ui, errors, language);
                    }
                    (None, None) => {
                        let view_title = self.view_title(dataset);
                        let own_takeaway = self.slide_takeaway();
                        let titles = (view_title.as_str(), self.slide_title(), own_takeaway.as_deref());
                        let data = self.derived.map();
                        let scope = map::no_map_ui(ui, dataset, data, &self.state.filter, titles, language);
                        self.shown_scope = Some(scope);
                    }
                },
            }
        });
    }

    /// The view tabs, then how many parks match and one chip per active filter.
    fn tabs_and_chips_ui(&self, ui: &mut Ui, dataset: &Dataset, actions: &mut Vec<Action>) {
        let language = self.state.language;
        let s = strings(language);
        ui.horizontal(|ui| {
            for (tab, label) in [(Tab::Table, s.tab_table), (Tab::Compare, s.tab_compare), (Tab::Map, s.tab_map)] {
                let tab_label = ui.selectable_label(self.state.tab == tab, RichText::new(label).strong());
                // Written only while hovered: it is looked up in the shortcut table.
                let shortcut = || keys::shortcut_text(keys::Does::ShowTab(tab), language);
                if hover_ui(tab_label, |ui| _ = ui.label(shortcut())).clicked() {
                    actions.push(Action::ShowTab(tab));
                }
            }
            ui.separator();
            // The chips wrap before the Columns button at the row's right end, not under it.
            let columns_button = if self.state.tab == Tab::Table {
                let padding = ui.spacing().button_padding.x;
                widgets::text_width(ui, s.table_columns_menu, &egui::TextStyle::Button)
                    + 2.0 * padding
                    + 2.0 * ui.spacing().item_spacing.x
            } else {
                0.0
            };
            ui.scope(|ui| {
                ui.set_max_width(ui.available_width() - columns_button);
                chips::chips_ui(ui, dataset, &self.state.filter, self.derived.visible().len(), language, actions);
            });
            if self.state.tab == Tab::Table {
                // The table's own control, at the right end of its row, above its last columns.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    park_table::columns_menu_ui(ui, dataset, &self.state, actions);
                    if self.state.selected.is_none() {
                        // Only where it fits beside the chips: a hint is not worth overlapping them.
                        let font = egui::TextStyle::Body.resolve(ui.style());
                        let hint =
                            ui.painter().layout_no_wrap(s.no_selection.to_owned(), font, egui::Color32::PLACEHOLDER);
                        if hint.size().x + ui.spacing().item_spacing.x <= ui.available_width() {
                            ui.weak(s.no_selection);
                        }
                    }
                });
            }
        });
    }

    /// The bar under the slide while presenting: the slide counter ("3 / 7") and the slide's
    /// title; the keys are told on the close button's hover, and so is why there is no counter
    /// (no slides saved): the room need not read that. The speaker notes are never on the
    /// slide (`notes::speaker_notes_ui`).
    fn presentation_bar_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let s = strings(self.state.language);
        let show = &self.slides.show;
        let count = show.deck.slides.len();
        let current = show.current.zip(show.current_slide());
        // A panel is never shorter than it has been (egui keeps its size by its id): one with
        // the warning of a failed reload and one without, so a reload that mends the file gives
        // the room back to the slide.
        let reload_failed = self.load_error.is_some() && self.dataset.is_some();
        egui::Panel::bottom(("presentation_bar", reload_failed))
            .resizable(false)
            .frame(self.panel_frame(egui::Frame::side_top_panel(ui.style())))
            .show(ui, |ui| {
                if reload_failed {
                    ui.label(RichText::new(s.presenting_load_failed).small().color(ui.visuals().warn_fg_color));
                }
                let help = if current.is_some() {
                    s.presenting_help.to_owned()
                } else {
                    format!("{}\n{}", s.no_slides, s.presenting_help)
                };
                // The close button first, at the right, so a long title is cut before it rather
                // than pushing it off the screen. It shows only while the mouse is moved, as
                // a slide show's controls do: the room sees no controls. The frame asked for
                // when the pointer comes to rest also takes away the slide's hover
                // (`ParkApp::rest_pointer_while_presenting`).
                let pointer_moved = ui.input(|input| input.pointer.time_since_last_movement());
                let shows_close = pointer_moved < POINTER_IN_USE_SECS;
                if shows_close {
                    ui.ctx().request_repaint_after_secs(POINTER_IN_USE_SECS - pointer_moved);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if shows_close && hover_text(ui.small_button("×"), || help).clicked() {
                        commands.push(Command::LeavePresentation);
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        if let Some((i, name)) = current.and_then(|(i, _)| Some((i, self.slide_name(i)?))) {
                            let text =
                                s.slide_of.replace("{i}", &(i + 1).to_string()).replace("{n}", &count.to_string());
                            ui.strong(text);
                            ui.separator();
                            ui.add(egui::Label::new(name).truncate());
                        }
                    });
                });
            });
    }
}

impl eframe::App for ParkApp {
    /// Takes in finished reloads. eframe calls this before every `ui` pass and also alone,
    /// without `ui`, while the window is hidden or its compositor holds back frames (as when
    /// the user types in an editor in front of it); a reload polled only in `ui` would then sit
    /// unread and the last frame, with "Reloading…", would stay on screen.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let was_reloading = self.is_reloading();
        let arrived = self.poll_files();
        if arrived || self.is_reloading() != was_reloading {
            // The repaint the loader asked for was spent on this pass: ask for one that draws.
            ctx.request_repaint();
        }
    }

    /// A pointer points at nothing while exporting, nor at rest while presenting (see the
    /// method called).
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.steer_pointer(ctx, raw_input);
    }

    /// The panels' colour, so that panels need paint no background of their own
    /// (`ParkApp::panel_frame`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        // Start-up timing (`startup::REPORT_ENV`): the window closes once its first frame is shown.
        if let Some(report) = &mut self.first_frame_report
            && report.frame_started(ui.ctx().cumulative_frame_nr())
        {
            self.first_frame_report = None;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.show(ui);
        self.ask_for_a_frame_to_save_in(ui.ctx(), frame.storage().is_some());
        if let Some(report) = &mut self.first_frame_report
            && report.frame_ended(ui.ctx().cumulative_frame_nr())
        {
            ui.ctx().request_repaint();
        }
    }

    /// Called every few seconds of use (`upkeep::AUTO_SAVE_INTERVAL`) and when the window
    /// closes: a slide's text still being typed into is written too, so closing the window never
    /// loses it.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.unsaved_since = None;
        self.save_slides_typed_into();
        // Mid-presentation or mid-pack, the desk's view is what the next session opens on, not
        // a slide's.
        let at_desk = self.desk_view_aside().map(|desk_view| {
            let mut at_desk = self.state.clone();
            desk_view.restore(&mut at_desk);
            at_desk
        });
        let state = at_desk.as_ref().unwrap_or(&self.state);
        if let Some(path) = &self.settings_copy {
            super::upkeep::write_settings_copy(path, &mut self.settings_copy_written, state);
        }
        eframe::set_value(storage, eframe::APP_KEY, state);
    }

    /// egui's memory holds the zoom and text sizes; those of the presentation layout must not
    /// become the next session's desk layout if the window closes mid-presentation.
    fn persist_egui_memory(&self) -> bool {
        !self.presentation_layout()
    }

    /// Settings are written every few seconds of use, not eframe's half minute: a session ended
    /// without closing the window (a logout, a shutdown, the process ended) lost the pins and
    /// the language chosen in its last half minute. eframe writes the file only when something
    /// in it changed, and draws no frame, so saves nothing, while the window is idle.
    fn auto_save_interval(&self) -> std::time::Duration {
        super::upkeep::AUTO_SAVE_INTERVAL
    }
}

impl ParkApp {
    /// Draws one frame of the whole window. Separate from [`eframe::App::ui`] so benchmarks and
    /// tests can run frames on a bare [`egui::Context`].
    ///
    /// The order matters: files and keys first, then the panels around the central view (the
    /// search may change there, so the derived data is refreshed before the central view), and
    /// last the actions and commands the panels reported.
    pub fn show(&mut self, ui: &mut Ui) {
        // Once a frame: the export counts frames for the window to settle, and a frame may
        // take several passes (`MAX_PASSES_PER_FRAME`).
        if ui.ctx().current_pass_index() == 0 {
            self.step_capture(ui.ctx());
        }
        self.use_fonts_of_the_language(ui.ctx());
        // Each pass, before the views lay out any text: egui may have started its font atlas
        // over, and the texts the views keep must then be laid out again.
        note_font_atlas(ui.ctx());
        self.update_presentation_look(ui.ctx());
        self.redraw_after_a_discarded_pass(ui.ctx());
        // Under eframe, `App::logic` has polled already; benchmarks and tests that draw on a
        // bare context have only this call.
        self.poll_files();
        self.update_title(ui.ctx());
        let (mut actions, mut commands) = (Vec::new(), Vec::new());
        self.keyboard_input(ui, &mut actions, &mut commands);

        let presenting = self.presentation_layout();
        if self.presentation.active {
            self.presentation_bar_ui(ui, &mut commands);
        } else if !presenting {
            self.toolbar_and_status_ui(ui, &mut actions, &mut commands);
        }
        // The search may have changed in the toolbar: the panels below use the new result.
        self.refresh_derived();
        if !presenting {
            self.side_panels_ui(ui, &mut actions, &mut commands);
        }
        self.refresh_derived();
        self.central_ui(ui, presenting, &mut actions, &mut commands);
        self.speaker_notes_ui(ui.ctx(), &mut commands);
        self.scroll_to_selected = false;
        self.presentation.scroll_rows = 0;
        if self.show_keys {
            self.cheat_sheet_ui(ui.ctx(), &mut commands);
        }
        if let Some(preview) = &self.table_preview {
            let language = self.state.language;
            let modal = egui::Modal::new(egui::Id::unique("table_preview"))
                .show(ui.ctx(), |ui| table_preview::table_preview_ui(ui, preview, language, &mut commands));
            if modal.should_close() && !commands.contains(&Command::AddPreviewedTable) {
                commands.push(Command::ClosePreview);
            }
        }

        self.note_unsaved_change(ui.ctx(), super::commands::changes_anything(&actions, &commands));
        self.text_field_focused = ui.memory(egui::Memory::focused).filter(|&id| {
            id != toolbar::search_box_id() && egui::text_edit::TextEditState::load(ui.ctx(), id).is_some()
        });
        self.apply(ui.ctx(), &actions, &commands);
        if self.refresh_derived() {
            // A filter or plot choice changed while drawing: draw again with the result.
            ui.ctx().request_repaint();
        }
    }

    /// A panel's `frame`, without its background where the window is already cleared to that
    /// colour. Under a software renderer every pixel painted costs: filling the window once
    /// more was about a tenth of the time to the first frame (docs/performance.md, "Start-up").
    pub(super) fn panel_frame(&self, frame: egui::Frame) -> egui::Frame {
        if self.window_cleared_to_panel_fill { frame.fill(egui::Color32::TRANSPARENT) } else { frame }
    }

    /// The toolbar above and the status bar (with the notice) below.
    fn toolbar_and_status_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>, commands: &mut Vec<Command>) {
        let language = self.state.language;
        egui::Panel::top("toolbar").frame(self.panel_frame(egui::Frame::side_top_panel(ui.style()))).show(ui, |ui| {
            ui.add_space(2.0);
            let name = self.dataset.as_ref().map_or("ZGC Atlas", |d| d.meta.short_name().get(self.state.language));
            let added_tables = self.added_tables();
            toolbar::toolbar_ui(ui, name, &added_tables, &mut self.state, actions, commands);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status_bar").frame(self.panel_frame(egui::Frame::side_top_panel(ui.style()))).show(
            ui,
            |ui| {
                self.notice_ui(ui, commands);
                let origin = self.origin.file_label();
                status_bar::status_bar_ui(ui, self.dataset.as_ref(), origin.as_deref(), self.is_reloading(), language);
            },
        );
    }
}
