//! The native file dialogs (rfd), and why one did not open. rfd returns no path both when the
//! user cancels and when no dialog could open (on Linux: neither the XDG desktop portal nor
//! zenity), and says which only in its log. So the app's logger keeps the errors rfd logs, and
//! a dialog that returns nothing after such an error is reported to the user, who would
//! otherwise see a menu item do nothing.

use std::sync::Mutex;

/// The errors rfd logged since [`take_dialog_errors`] was last called.
static DIALOG_ERRORS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Whether a log record comes from rfd.
fn from_dialogs(target: &str) -> bool {
    target == "rfd" || target.starts_with("rfd::")
}

/// The app's logger: `env_logger`, which also hands rfd's errors to [`take_dialog_errors`].
struct Logger {
    inner: env_logger::Logger,
}

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        self.inner.enabled(metadata) || (from_dialogs(metadata.target()) && metadata.level() <= log::Level::Error)
    }

    fn log(&self, record: &log::Record<'_>) {
        if from_dialogs(record.target())
            && record.level() <= log::Level::Error
            && let Ok(mut errors) = DIALOG_ERRORS.lock()
        {
            errors.push(record.args().to_string());
        }
        self.inner.log(record);
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// Installs the app's logger: `RUST_LOG` as `env_logger` reads it (warnings and errors by
/// default), and rfd's errors kept for the file dialogs to report.
pub fn init_logging() {
    let inner = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).build();
    let level = inner.filter().max(log::LevelFilter::Error);
    if log::set_boxed_logger(Box::new(Logger { inner })).is_ok() {
        log::set_max_level(level);
    }
}

/// The errors rfd logged since the last call, oldest first; clears them.
fn take_dialog_errors() -> Vec<String> {
    DIALOG_ERRORS.lock().map(|mut errors| std::mem::take(&mut *errors)).unwrap_or_default()
}

/// Runs a blocking file dialog, `Err` with rfd's reasons when it returned nothing because no
/// dialog could open (not because the user cancelled).
///
/// Without the desktop portal rfd logs an error and falls back to zenity, whose dialog the
/// user may then cancel: only zenity failing as well (its error is the last, and names it)
/// means that no dialog opened.
pub(super) fn run_dialog<T>(dialog: impl FnOnce() -> Option<T>) -> Result<Option<T>, String> {
    take_dialog_errors();
    let picked = dialog();
    let errors = take_dialog_errors();
    match picked {
        Some(picked) => Ok(Some(picked)),
        None if errors.last().is_some_and(|last| last.contains("zenity")) => Err(errors.join("; ")),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Logs `message` as rfd's portal backend does.
    fn rfd_error(logger: &Logger, message: &str) {
        log::Log::log(
            logger,
            &log::Record::builder()
                .target("rfd::backend::xdg_desktop_portal")
                .level(log::Level::Error)
                .args(format_args!("{message}"))
                .build(),
        );
    }

    #[test]
    fn a_dialog_that_could_not_open_gives_rfds_reasons_and_a_cancelled_one_nothing() {
        let logger = Logger { inner: env_logger::Builder::new().filter_level(log::LevelFilter::Off).build() };
        let portal = "Failed to save file: ZBus Error: no bus";
        let zenity = "Failed to save file with zenity: No such file or directory (os error 2)";
        let failing = || {
            rfd_error(&logger, portal);
            rfd_error(&logger, zenity);
            None::<()>
        };
        assert_eq!(run_dialog(failing), Err(format!("{portal}; {zenity}")));
        // No portal, but zenity opened and the user cancelled it: nothing to report.
        let cancelled_in_zenity = || {
            rfd_error(&logger, portal);
            None::<()>
        };
        assert_eq!(run_dialog(cancelled_in_zenity), Ok(None));
        assert_eq!(run_dialog(|| None::<()>), Ok(None), "a cancelled dialog is no error");
        assert_eq!(run_dialog(|| Some(1)), Ok(Some(1)));
    }
}
