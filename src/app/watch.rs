//! Live reload: a watch on the open dataset's folder (not the file itself, so editors that save
//! by writing a new file and renaming it are caught) and loading on a background thread, so a
//! large or slow file never freezes the window.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::model::{DataOrigin, Loaded};

/// How long the file must be quiet before a change is acted on: editors write in bursts.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Watches one file; [`FileWatcher::changed`] says whether it changed since the last call.
pub struct FileWatcher {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    changes: Receiver<()>,
}

impl std::fmt::Debug for FileWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWatcher").finish_non_exhaustive()
    }
}

impl FileWatcher {
    /// Starts watching `file`. `wake` is called from the watcher's thread after each change, to
    /// ask the window for a frame.
    pub fn new(file: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let folder = file.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let folder = if folder.as_os_str().is_empty() { PathBuf::from(".") } else { folder };
        let name: Option<OsString> = file.file_name().map(ToOwned::to_owned);
        let (sender, changes) = mpsc::channel();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            // Reading the file (another window, `zgc-atlas check`) is not a change of it.
            let ours = events.iter().any(|event| {
                !matches!(event.kind, notify::EventKind::Access(_))
                    && event.paths.iter().any(|p| p.file_name() == name.as_deref())
            });
            if ours && sender.send(()).is_ok() {
                wake();
            }
        })?;
        debouncer.watch(&folder, RecursiveMode::NonRecursive)?;
        Ok(Self { _debouncer: debouncer, changes })
    }

    /// Whether the file changed since the last call.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while self.changes.try_recv().is_ok() {
            changed = true;
        }
        changed
    }
}

/// A load running on another thread.
#[derive(Debug)]
pub struct BackgroundLoad {
    result: Receiver<Loaded>,
}

impl BackgroundLoad {
    /// Loads `origin` with the user's figure `tables` on a new thread; `wake` is called when the
    /// thread ends, with or without a result.
    pub fn start(origin: DataOrigin, tables: Vec<PathBuf>, wake: impl Fn() + Send + 'static) -> Self {
        let (sender, result) = mpsc::channel();
        std::thread::spawn(move || {
            // Dropped last, after the send, and also if loading panics: the window only learns
            // that the load ended (and clears "Reloading…") when it is woken to poll.
            let _wake = WakeOnDrop(wake);
            // A load superseded by a newer one has no receiver left; its result is dropped.
            let _ = sender.send(origin.load_all(&tables));
        });
        Self { result }
    }

    /// The result, once ready; an error when the thread died without one.
    pub fn poll(&self) -> Option<Result<Loaded, &'static str>> {
        match self.result.try_recv() {
            Ok(loaded) => Some(Ok(loaded)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err("the background reload stopped without a result")),
        }
    }
}

/// Calls its function when dropped, however the scope that owns it ends.
struct WakeOnDrop<F: Fn()>(F);

impl<F: Fn()> Drop for WakeOnDrop<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}
