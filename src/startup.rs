//! Measures start-up: the time from `main` to the first frame on screen, reported when
//! [`REPORT_ENV`] is set (`scripts/startup.sh` sets it for the app and `examples/bare_window.rs`).
//!
//! No egui here: the window code asks [`FirstFrameReport`] when to report, and closes the window
//! itself. Nothing of this runs unless the variable is set.

use std::io::Write as _;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime};

/// Set to `1` to make the window print its start-up time and close after its first frame.
pub const REPORT_ENV: &str = "ZGC_ATLAS_REPORT_FIRST_FRAME";

/// The instant `main` began, set by [`mark_main_start`].
static MAIN_START: OnceLock<Instant> = OnceLock::new();

/// Records the instant `main` began. Call it as `main`'s first statement: what runs before
/// (`exec`, dynamic linking, the runtime's set-up) is not counted here, but the wall-clock time
/// in the report lets a script count it from before it started the process.
pub fn mark_main_start() {
    MAIN_START.get_or_init(Instant::now);
}

/// Time since [`mark_main_start`] (zero if it was never called).
fn since_main() -> Duration {
    MAIN_START.get().map_or(Duration::ZERO, Instant::elapsed)
}

/// Phases of start-up up to the first frame, reported once on standard output.
///
/// The window calls [`Self::frame_started`] at the start of each pass and [`Self::frame_ended`]
/// at its end, asking for one more frame after the first: when the second frame starts, the
/// first has been painted and shown (eframe paints after `App::ui` returns, and makes the window
/// visible after its first paint), so the report is printed then. The time so counts the first
/// frame's paint and present, and the start of the second frame.
#[derive(Debug)]
pub struct FirstFrameReport {
    /// Named instants since `main` began, in order.
    marks: Vec<(&'static str, Duration)>,
}

impl FirstFrameReport {
    /// A report if [`REPORT_ENV`] is set to anything but empty or `0`; marks "creator" (the
    /// window exists and the app is being built).
    pub fn from_env() -> Option<Self> {
        let value = std::env::var_os(REPORT_ENV)?;
        if value.is_empty() || value == "0" {
            return None;
        }
        let mut report = Self { marks: Vec::new() };
        report.mark("creator");
        Some(report)
    }

    /// Records a named instant.
    pub fn mark(&mut self, name: &'static str) {
        self.marks.push((name, since_main()));
    }

    /// Call at the start of each pass with egui's count of completed frames
    /// (`Context::cumulative_frame_nr`; a frame may take more than one pass). Returns true once
    /// the first frame has been shown: the report has been printed and the window should close.
    pub fn frame_started(&mut self, completed_frames: u64) -> bool {
        if completed_frames == 0 {
            if !self.marks.iter().any(|(name, _)| *name == "first_ui_start") {
                self.mark("first_ui_start");
            }
            false
        } else {
            self.print();
            true
        }
    }

    /// Call at the end of each pass. Returns true while the window must ask for another frame
    /// (during the first one, so that the report comes).
    pub fn frame_ended(&mut self, completed_frames: u64) -> bool {
        if completed_frames != 0 {
            return false;
        }
        // A later pass of the first frame replaces the mark of an earlier one.
        self.marks.retain(|(name, _)| *name != "first_ui_end");
        self.mark("first_ui_end");
        true
    }

    /// One line: `first_frame_ms=… unix_ns=… creator_ms=… …`. `first_frame_ms` counts from
    /// `main`; `unix_ns` is the wall clock at the same moment, for counting from before `exec`.
    fn print(&self) {
        let shown = since_main();
        let unix_ns = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        // Nothing to do if standard output is closed: the measurement is lost, not the app.
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "first_frame_ms={:.3} unix_ns={unix_ns}", ms(shown));
        for (name, at) in &self.marks {
            let _ = write!(out, " {name}_ms={:.3}", ms(*at));
        }
        let _ = writeln!(out);
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_when_the_second_frame_starts() {
        let mut report = FirstFrameReport { marks: Vec::new() };
        assert!(!report.frame_started(0));
        assert!(report.frame_ended(0), "the first frame asks for a second");
        // A second pass of the first frame (egui discarded the first) is still the first frame.
        assert!(!report.frame_started(0));
        assert!(report.frame_ended(0));
        assert!(report.frame_started(1), "the second frame reports and closes");
        assert!(!report.frame_ended(1));
        let names: Vec<_> = report.marks.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["first_ui_start", "first_ui_end"]);
    }
}
