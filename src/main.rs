//! Starts ZGC Atlas: the window, or a command-line subcommand.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use zgc_atlas::app::{self, ParkApp};
use zgc_atlas::cli::{self, Cli};

fn main() -> ExitCode {
    zgc_atlas::startup::mark_main_start();
    app::init_logging();
    let cli = Cli::parse();
    let result = match &cli.command {
        None => cli.dataset().and_then(|_| run_window(&cli)),
        Some(command) => cli.dataset().and_then(|dataset| cli::run(command, dataset)),
    };
    result.unwrap_or_else(|err| {
        // A reader that stopped reading (`export … | head`) wanted no more: not a failure.
        if reader_went_away(&err) {
            return ExitCode::SUCCESS;
        }
        let _ = writeln!(std::io::stderr(), "zgc-atlas: {err:#}");
        ExitCode::FAILURE
    })
}

/// Whether `err` comes from writing to a pipe whose reader has closed it, through the CSV or
/// JSON writer or directly.
fn reader_went_away(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|csv| matches!(csv.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
            || cause.downcast_ref::<serde_json::Error>().is_some_and(|json| json.io_error_kind() == Some(BrokenPipe))
    })
}

fn run_window(cli: &Cli) -> anyhow::Result<ExitCode> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ZGC Atlas")
            .with_app_id(zgc_atlas::app::APP_ID)
            .with_icon(app::window_icon())
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([800.0, 500.0]),
        // Off: `ParkApp::for_window` adds the same system fallback, asking for Chinese fonts.
        system_font_fallback: false,
        ..Default::default()
    };
    let origin = cli.origin();
    eframe::run_native("ZGC Atlas", options, Box::new(move |cc| Ok(Box::new(ParkApp::for_window(cc, origin)))))
        .map_err(|err| anyhow::anyhow!("could not open the window: {err}"))?;
    Ok(ExitCode::SUCCESS)
}
