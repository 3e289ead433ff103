//! Opening, reloading and watching dataset files. A file that does not load never replaces
//! the data on screen: its problems are shown above it.

use std::path::PathBuf;

use super::watch::{BackgroundLoad, FileWatcher};
use super::{CityOutlines, ParkApp};
use crate::i18n::strings;
use crate::model::geo::CityMap;
use crate::model::{DataOrigin, Dataset, Language, LoadErrors, Loaded, Text, diff};
use crate::state::derived::Derived;
use crate::views::map::MapGeometry;

impl ParkApp {
    /// Opens another dataset: loads it first, and only when it loads switches to it (file,
    /// recent files, slides, watcher). A file that does not load leaves everything as it was,
    /// its problems shown above the data still on screen. A figure table is previewed for
    /// adding to the open dataset, as when dropped on the window: refused as "not a dataset or
    /// a table", it read as if tables could not be opened at all.
    pub fn open(&mut self, origin: DataOrigin) {
        if let DataOrigin::File(path) = &origin
            && path.extension().is_none_or(|e| !e.eq_ignore_ascii_case("ron"))
        {
            if super::tables::is_table_file(path) {
                self.preview_table(path.clone());
            } else {
                self.tell(|language| format!("{}: {}", strings(language).not_a_table, path.display()));
            }
            return;
        }
        let (loaded, table_error) = self.load_opening(&origin);
        if let Err(errors) = &loaded.dataset {
            log::warn!("{errors}");
            self.load_error = Some(errors.clone());
            self.load_error_of = if self.dataset.is_some() && origin != self.origin {
                super::LoadErrorOf::OtherFile
            } else {
                super::LoadErrorOf::DatasetOnScreen
            };
            return;
        }
        // A reload of the previous file still running must not land on top of the new data, and
        // the previous file's outlines must not stand in for a new map that fails.
        self.pending = None;
        (self.city, self.map_error) = (None, None);
        self.origin_key = origin.key();
        // Another dataset: its own view comes back, and what changed is not told as if the
        // file had been edited.
        if origin != self.origin {
            // What a notice offers back (pins, filters, a slide) is the other dataset's.
            self.forget_offers();
            self.state.show_dataset(&self.origin_key);
            self.dataset = None;
        }
        self.origin = origin;
        if let DataOrigin::File(path) = &self.origin {
            self.state.remember_recent(path.clone());
        }
        self.apply_loaded(loaded);
        self.show_table_left_out(table_error);
        self.load_slides();
        self.watch();
    }

    /// Loads `origin` with the tables the user added to it, for opening it. A table that keeps
    /// the dataset out (moved, deleted, broken since; one the dataset names or one the user
    /// added) must not lock the user out of the dataset: it then opens without that table,
    /// whose problems are returned to be shown.
    fn load_opening(&self, origin: &DataOrigin) -> (Loaded, Option<LoadErrors>) {
        let tables = self.added_tables_of(origin);
        let loaded = origin.load_all(&tables);
        let Err(first_errors) = &loaded.dataset else { return (loaded, None) };
        // Each broken table is left out in turn; the dataset's own problem ends it (leaving
        // out a file that is not a table changes nothing, so it comes back).
        let mut left_out: Vec<PathBuf> = vec![PathBuf::from(&first_errors.file)];
        loop {
            let without = origin.load_all_leaving_out(&tables, &left_out);
            match &without.dataset {
                Ok(_) => return (without, Some(first_errors.clone())),
                Err(errors) if !left_out.iter().any(|file| file.display().to_string() == errors.file) => {
                    left_out.push(PathBuf::from(&errors.file));
                }
                Err(_) => return (loaded, None),
            }
        }
    }

    /// Shows the problems of the table the dataset opened without, if one was left out.
    fn show_table_left_out(&mut self, table_error: Option<LoadErrors>) {
        if table_error.is_some() {
            self.load_error_of = super::LoadErrorOf::TableLeftOut;
        }
        self.load_error = table_error;
    }

    /// The figure tables the user added to the dataset of `origin` (the open one's by its key
    /// kept since opening, so no frame asks the file system).
    pub(super) fn added_tables_of(&self, origin: &DataOrigin) -> Vec<PathBuf> {
        // The open origin is usually passed itself: no need to compare it (an origin in memory
        // holds the whole dataset's text).
        let open = std::ptr::eq(origin, &raw const self.origin) || *origin == self.origin;
        let key = if open { self.origin_key.clone() } else { origin.key() };
        self.state.added_tables.get(&key).cloned().unwrap_or_default()
    }

    /// Every figure table loaded with the open dataset: those it names, then those the user
    /// added.
    pub fn table_files(&self) -> Vec<PathBuf> {
        let named = self.dataset.as_ref().map(|d| self.origin.table_files(d)).unwrap_or_default();
        named.into_iter().chain(self.added_tables_of(&self.origin)).collect()
    }

    /// The files a change of which reloads the dataset: its own, the map file it names and its
    /// figure tables (the built-in dataset has no file, but tables added to it are watched).
    fn files_to_watch(&self) -> Vec<PathBuf> {
        let own = match &self.origin {
            DataOrigin::File(path) => Some(path.clone()),
            DataOrigin::Embedded | DataOrigin::Memory { .. } => None,
        };
        let map = self.dataset.as_ref().and_then(|dataset| self.origin.map_file(dataset));
        own.into_iter().chain(map).chain(self.table_files()).collect()
    }

    /// Starts watching the open file, its map file and its figure tables.
    pub(super) fn watch(&mut self) {
        self.watchers.clear();
        let files = self.files_to_watch();
        self.watched = Some(files.clone());
        for path in files {
            let ctx = self.ctx.clone();
            match FileWatcher::new(&path, move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            }) {
                Ok(watcher) => self.watchers.push(watcher),
                Err(err) => log::warn!("cannot watch {} for changes: {err}", path.display()),
            }
        }
    }

    /// Starts a background reload if the watched file changed, and takes in a finished one.
    /// Returns whether new data (or new problems) arrived.
    pub fn poll_files(&mut self) -> bool {
        // Every watcher is asked (no short cut), so none keeps a stale change for later.
        let asked: Vec<bool> = self.watchers.iter().map(FileWatcher::changed).collect();
        let changed = asked.contains(&true);
        if changed {
            let ctx = self.ctx.clone();
            let tables = self.added_tables_of(&self.origin);
            self.pending = Some(BackgroundLoad::start(self.origin.clone(), tables, move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            }));
        }
        let Some(result) = self.pending.as_ref().and_then(BackgroundLoad::poll) else { return false };
        self.pending = None;
        match result {
            Ok(loaded) => self.apply_loaded(loaded),
            Err(why) => log::error!("{why}"),
        }
        self.rewatch_if_tables_changed();
        true
    }

    /// Whether a background reload is running.
    pub fn is_reloading(&self) -> bool {
        self.pending.is_some()
    }

    /// Loads the dataset again. On failure the last good dataset stays and the error is shown;
    /// with nothing on screen yet (at start), a broken added table is left out instead.
    pub fn reload(&mut self) {
        // A background load started before (with an older list of tables) must not land after.
        self.pending = None;
        if self.dataset.is_none() {
            let (loaded, table_error) = self.load_opening(&self.origin.clone());
            self.apply_loaded(loaded);
            if table_error.is_some() {
                self.show_table_left_out(table_error);
            }
        } else {
            let loaded = self.origin.load_all(&self.added_tables_of(&self.origin));
            self.apply_loaded(loaded);
        }
        self.rewatch_if_tables_changed();
    }

    /// Watches the files again when the files to watch changed (a dataset that names another
    /// map or other tables after an edit); nothing when the app is not watching (no window).
    fn rewatch_if_tables_changed(&mut self) {
        let files = self.files_to_watch();
        if self.watched.as_ref().is_some_and(|watched| *watched != files) {
            self.watch();
        }
    }

    /// Takes in a freshly loaded dataset: keeps the user's filters, pins and selection where
    /// their ids still exist, and says what changed. A dataset that failed leaves the last good
    /// one on screen with its problems above it.
    fn apply_loaded(&mut self, loaded: Loaded) {
        // Whatever this load says is of the dataset on screen, not of a file that failed to open.
        self.load_error_of = super::LoadErrorOf::DatasetOnScreen;
        let dataset = match loaded.dataset {
            Ok(dataset) => dataset,
            Err(errors) => {
                log::warn!("{errors}");
                self.load_error = Some(errors);
                return;
            }
        };
        if self.load_error.take().is_some() {
            log::info!("dataset loaded after an earlier error");
        }
        // A reload says what changed, or that nothing did: Ctrl+R otherwise showed nothing.
        let changes = self.dataset.as_ref().map(|old| {
            let counted = diff(old, &dataset);
            if !counted.is_empty() {
                Reloaded::Counted(counted)
            } else if old.same_content(&dataset) {
                Reloaded::Unchanged
            } else {
                Reloaded::DetailsOnly
            }
        });
        let before = self.state.clone();
        let dropped = self.state.forget_missing(&dataset);
        // A park back after a reload that dropped it (an id mistyped, then mended) is pinned
        // and selected again. Only at the desk: while presenting or writing a pack, the pins and
        // selection are a slide's, and the desk's come back with its view.
        let at_desk = self.desk_view_aside().is_none();
        let mut restored = Vec::new();
        let mut picks_kept = false;
        if at_desk {
            // Kept by dataset, and saved: a park mended after the app was closed comes back too.
            let mut picks = self.state.dropped_picks.remove(&self.origin_key).unwrap_or_default();
            restored = picks.restore(&mut self.state, &dataset);
            picks_kept = picks.note(&before, &self.state);
            if !picks.is_empty() {
                self.state.dropped_picks.insert(self.origin_key.clone(), picks);
            }
            // Kept for the datasets still in the recent list, not for every file ever opened.
            if self.state.dropped_picks.keys().any(|key| *key != self.origin_key) {
                let recent: std::collections::BTreeSet<String> =
                    self.state.recent.iter().map(|path| DataOrigin::File(path.clone()).key()).collect();
                let current = self.origin_key.clone();
                self.state.dropped_picks.retain(|key, _| *key == current || recent.contains(key));
            }
        }
        // The desk's view, put back when a presentation ends, forgets the same ids.
        if let Some(desk_view) = self.presentation.desk_view.take() {
            let mut at_desk = self.state.clone();
            desk_view.restore(&mut at_desk);
            at_desk.forget_missing(&dataset);
            self.presentation.desk_view = Some(crate::state::slides::ViewSnapshot::capture(&at_desk));
        }
        if !dropped.is_empty() {
            log::warn!("ids no longer in the dataset: {}", dropped.join(", "));
        }
        // A metric the new data still has was dropped from the map's sum only: it is a share
        // now, and said apart, or the notice would call it gone.
        let (not_summed, dropped): (Vec<String>, Vec<String>) =
            dropped.into_iter().partition(|id| dataset.metric(&crate::model::MetricId::new(id.as_str())).is_some());
        let not_summed: Vec<Text> = not_summed.iter().filter_map(|id| dataset.name_of_id(id)).cloned().collect();
        // Named as the data before the reload named them: the new data no longer can.
        let dropped: Vec<(String, Option<Text>)> = dropped
            .into_iter()
            .map(|id| {
                let name = self.dataset.as_ref().and_then(|old| old.name_of_id(&id)).cloned();
                (id, name)
            })
            .collect();
        // A figure table's value that looks read off a window in another unit is added all the
        // same, a `ground` with no change is read as if unsaid, a far outline is drawn where it
        // says: each is said here, as `check` says it, or the user presents it unawares.
        let warnings: Vec<Text> = loaded.tables.warnings.iter().chain(&loaded.warnings).cloned().collect();
        // Told on a reload only when new: the ones there before were said when the table was added.
        let reloading = self.dataset.is_some();
        let new_conflicts: Vec<Text> = (loaded.tables.conflicts.iter())
            .filter(|conflict| reloading && !self.table_conflicts.contains(conflict))
            .take(MAX_TOLD_CONFLICTS)
            .cloned()
            .collect();
        self.table_conflicts = loaded.tables.conflicts;
        for warning in &warnings {
            log::warn!("{}", warning.en);
        }
        let mut restored: Vec<(crate::model::ParkId, Text)> =
            restored.into_iter().filter_map(|id| Some((id.clone(), dataset.park(&id)?.name.clone()))).collect();
        // Said at once, not only on the Map tab (or a map slide, in front of an audience); on a
        // reload only when the map has just broken, as the new conflicts are told.
        let map_unreadable = matches!(loaded.map, Some(Err(_))) && self.map_error.is_none();
        self.take_in(dataset, loaded.map);
        // A selection put back that the filter hides is dropped by the refresh: not told as back.
        restored.retain(|(id, _)| self.state.selected.as_ref() == Some(id) || self.state.pinned.contains(id));
        let anything_to_tell = !dropped.is_empty()
            || !not_summed.is_empty()
            || !warnings.is_empty()
            || !new_conflicts.is_empty()
            || map_unreadable;
        if changes.is_some() || anything_to_tell || !restored.is_empty() {
            self.tell(|language| {
                let mut notices = Vec::new();
                match &changes {
                    Some(Reloaded::Counted(changes)) => notices.push(crate::i18n::describe_diff(language, changes)),
                    Some(Reloaded::DetailsOnly) => notices.push(strings(language).reloaded_details_changed.to_owned()),
                    Some(Reloaded::Unchanged) => notices.push(strings(language).reloaded_unchanged.to_owned()),
                    None => {}
                }
                if !dropped.is_empty() {
                    let named: Vec<&str> = dropped
                        .iter()
                        .map(|(id, name)| name.as_ref().map_or(id.as_str(), |n| n.get(language)))
                        .collect();
                    let separator = crate::i18n::list_separator(language);
                    let mut notice =
                        crate::i18n::labelled(language, strings(language).dropped_ids, named.join(separator));
                    if picks_kept {
                        let kept = strings(language).dropped_picks_kept;
                        notice = match language {
                            Language::En => format!("{notice} ({kept})"),
                            Language::Zh => format!("{notice}（{kept}）"),
                        };
                    }
                    notices.push(notice);
                }
                for metric in &not_summed {
                    notices.push(strings(language).map_share_not_summed.replace("{metric}", metric.get(language)));
                }
                if !restored.is_empty() {
                    let named: Vec<&str> = restored.iter().map(|(_, name)| name.get(language)).collect();
                    let separator = crate::i18n::list_separator(language);
                    notices.push(format!("{}: {}", strings(language).picks_restored, named.join(separator)));
                }
                for conflict in &new_conflicts {
                    notices.push(crate::i18n::labelled(
                        language,
                        strings(language).table_now_conflicts,
                        conflict.get(language),
                    ));
                }
                notices.extend(warnings.iter().map(|warning| warning.get(language).to_owned()));
                if map_unreadable {
                    notices.push(strings(language).map_unreadable.to_owned());
                }
                notices.join(" · ")
            });
        }
    }

    /// Makes `dataset` and its outlines (`map`, when it names a map file) the ones shown, and
    /// works out what the views show of them.
    fn take_in(&mut self, dataset: Dataset, map: Option<Result<CityMap, LoadErrors>>) {
        match map {
            Some(Ok(map)) => {
                self.city = Some(CityOutlines { geometry: MapGeometry::new(&map), map });
                self.map_error = None;
            }
            // Like the dataset, a map file that fails to reload keeps its last good outlines on
            // screen, its problems above them.
            Some(Err(errors)) => {
                log::warn!("{errors}");
                self.map_error = Some(errors);
            }
            None => (self.city, self.map_error) = (None, None),
        }
        // The colours follow from the state alone, so a reload of the same data keeps them.
        self.derived = Derived::new(&dataset);
        // Worked out once per dataset and map, not each time the filter changes the markers.
        self.derived.place_markers(self.city.as_ref().map(|city| city.map.marker_places(&dataset)).unwrap_or_default());
        self.dataset = Some(dataset);
        self.refresh_derived();
    }
}

/// Most new conflicts of a figure table with the dataset a reload's notice names.
const MAX_TOLD_CONFLICTS: usize = 3;

/// What a reload changed, as its notice says it.
enum Reloaded {
    /// Parks or figures added, removed or changed.
    Counted(crate::model::DatasetDiff),
    /// No park or figure, but something else: a name, a note, a milestone.
    DetailsOnly,
    /// Nothing: the file says what it said.
    Unchanged,
}
