//! A bare eframe window, the baseline of `scripts/startup.sh`: the app's window options (size,
//! renderer, no system font fallback) and its start-up report ([`startup::REPORT_ENV`]), but
//! one label instead of the app.

use std::io::Write as _;
use std::process::ExitCode;

use zgc_atlas::startup::{self, FirstFrameReport};

fn main() -> ExitCode {
    startup::mark_main_start();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare window")
            .with_app_id("zgc-atlas-bare-window")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([800.0, 500.0]),
        system_font_fallback: false,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Bare window",
        options,
        Box::new(|_cc| Ok(Box::new(BareWindow { report: FirstFrameReport::from_env() }))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "bare_window: could not open the window: {err}");
            ExitCode::FAILURE
        }
    }
}

/// One label, and the start-up report if asked for.
struct BareWindow {
    report: Option<FirstFrameReport>,
}

impl eframe::App for BareWindow {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(report) = &mut self.report
            && report.frame_started(ui.ctx().cumulative_frame_nr())
        {
            self.report = None;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Bare window");
        });
        if let Some(report) = &mut self.report
            && report.frame_ended(ui.ctx().cumulative_frame_nr())
        {
            ui.ctx().request_repaint();
        }
    }
}
