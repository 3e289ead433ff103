//! Exports of what the window shows: the CSV of the current view, PNGs of it or of every
//! slide (the meeting pack), the pack's Markdown summary, and park briefs (PDF, `crate::brief`).

use std::fmt::Write as _;

use super::{ParkApp, capture, slides_file};
use crate::i18n::strings;
use crate::model::{Dataset, Language};
use crate::state::slides::ViewSnapshot;
use crate::state::write_failure::{FailureKind, WriteFailure};
use crate::state::{Tab, titles};

/// A meeting pack in progress: every slide as a PNG, then a Markdown file describing them.
#[derive(Debug, Default)]
pub(super) struct MeetingPack {
    folder: std::path::PathBuf,
    /// The user's view before the pack showed each slide, put back when it is done.
    view_before: ViewSnapshot,
    /// The slide chosen in the desk's list before, chosen again when it is done.
    slide_before: Option<usize>,
    /// One Markdown section per slide written so far.
    sections: Vec<String>,
    /// How many of the slides' images were written.
    images_written: usize,
}

impl MeetingPack {
    /// The user's view before the pack showed its slides.
    pub(super) fn desk_view(&self) -> &ViewSnapshot {
        &self.view_before
    }
}

impl ParkApp {
    /// The rows of what the current view shows, for CSV.
    pub fn view_table(&self) -> Option<crate::state::export::Table> {
        let dataset = self.dataset.as_ref()?;
        let language = self.state.language;
        let table = match self.state.tab {
            Tab::Table => {
                let metrics = self.state.table_metrics(dataset);
                crate::state::export::table_rows(dataset, self.derived.visible(), &metrics, language)
            }
            Tab::Compare => crate::state::export::plot_rows(dataset, self.plot_data()?, &self.state.plot, language),
            Tab::Map => crate::state::export::map_rows(dataset, self.derived.map(), &self.state.map, language),
        };
        // A chart of the pinned parks whatever the filter (its scope line names no filter)
        // says no filter either.
        let filtered =
            self.state.tab != Tab::Compare || self.derived.plot().is_some_and(|v| v.shown_parks.within_filter());
        let filter =
            filtered.then(|| crate::state::filter_words::filter_clauses(dataset, &self.state.filter, language));
        Some(table.with_scope(&self.state.pinned, filter.flatten().as_deref()))
    }

    /// Whether the view has no CSV to write, known before a file is asked for: the table's CSV
    /// is its figures, one row each, and without figure columns a file of headers alone would
    /// pass for an export of nothing known.
    pub(super) fn table_without_figures(&self) -> bool {
        let no_columns = |dataset| self.state.table_metrics(dataset).is_empty();
        self.state.tab == Tab::Table && self.dataset.as_ref().is_some_and(no_columns)
    }

    pub(super) fn export_csv(&mut self, path: &std::path::Path) {
        let written = match self.view_table() {
            None => Err(WriteFailure::of_kind(FailureKind::NothingToExport)),
            Some(table) => crate::state::export::to_csv(&table)
                .map_err(WriteFailure::other)
                .and_then(|bytes| Ok(slides_file::write_atomically(path, &bytes)?)),
        };
        self.tell_done_if(written.is_ok(), |language| saved_or_not(language, path, &written));
    }

    /// Writes the one-page brief (PDF) of park `id` to `path`, in the UI's language, and says
    /// so (or why not) in the status bar.
    pub fn export_brief(&mut self, id: &crate::model::ParkId, path: &std::path::Path) {
        let written = self.write_brief(id, path);
        self.tell_done_if(written.is_ok(), |language| saved_or_not(language, path, &written));
    }

    /// Writes the brief of every pinned park into `folder`, each named after its park's id
    /// (`haidian.pdf`), and says in the status bar how many were written and which failed.
    pub fn export_briefs(&mut self, folder: &std::path::Path) {
        if self.state.pinned.is_empty() {
            self.tell(|language| crate::i18n::brief_words(language).no_pins.to_owned());
            return;
        }
        let mut written = 0;
        let mut failures = Vec::new();
        for id in self.state.pinned.clone() {
            let path = folder.join(crate::brief::file_name(&id));
            match self.write_brief(&id, &path) {
                Ok(()) => written += 1,
                Err(err) => failures.push((path, err)),
            }
        }
        self.tell_done_if(failures.is_empty(), |language| {
            let words = crate::i18n::brief_words(language);
            let mut notice = words
                .written
                .for_count(written)
                .replace("{n}", &written.to_string())
                .replace("{folder}", &folder.display().to_string());
            if !failures.is_empty() {
                let failures: Vec<String> = (failures.iter())
                    .map(|(path, err)| {
                        let colon = if language == Language::Zh { "：" } else { ": " };
                        format!("{}{colon}{}", path.display(), crate::i18n::write_failure(language, err))
                    })
                    .collect();
                let _ = write!(notice, "; {} {}", words.failed, failures.join("; "));
            }
            notice
        });
    }

    /// The brief of park `id` in the UI's language, written to `path`.
    fn write_brief(&self, id: &crate::model::ParkId, path: &std::path::Path) -> Result<(), WriteFailure> {
        let dataset = self.dataset.as_ref().ok_or(WriteFailure::of_kind(FailureKind::NothingToExport))?;
        let map = self.city.as_ref().map(|city| &city.map);
        let language = self.state.language;
        let peers = crate::brief::peers_for(dataset, id, language);
        let bytes = crate::brief::brief_pdf(dataset, map, id, &peers, language).map_err(WriteFailure::other)?;
        Ok(slides_file::write_atomically(path, &bytes)?)
    }

    /// Queues a PNG of the current view at the window's size, written to `path`.
    pub fn request_png(&mut self, path: std::path::PathBuf, size: crate::state::ImageSize) {
        self.capture.push([capture::Shot { slide: None, path, size }]);
    }

    /// Queues every slide as a 1920×1080 PNG, followed by `meeting-pack.md`, in a new folder
    /// of the pack's own inside `parent` ("lakeshore-meeting-pack", "…-2" beside an earlier
    /// one): a second pack written to the same place replaced the first's files without a
    /// word and left its slides that had other titles among the new ones.
    pub fn request_meeting_pack(&mut self, parent: &std::path::Path) {
        if self.slide_names().is_empty() {
            self.tell(|language| strings(language).no_slides.to_owned());
            return;
        }
        let place = self.export_place();
        let name = if place.is_empty() { "meeting-pack".to_owned() } else { format!("{place}-meeting-pack") };
        let folder = match new_folder(parent, &name) {
            Ok(folder) => folder,
            Err(err) => {
                let path = parent.join(&name);
                let failed = Err(WriteFailure::from(err));
                self.tell(|language| saved_or_not(language, &path, &failed));
                return;
            }
        };
        let shots: Vec<capture::Shot> = (self.slide_names().iter().enumerate())
            .map(|(i, name)| capture::Shot {
                slide: Some(i),
                path: folder.join(format!("{:02}-{}.png", i + 1, file_slug(name))),
                size: crate::state::ImageSize::Pixels(1920, 1080),
            })
            .collect();
        self.pack = Some(MeetingPack {
            folder,
            view_before: ViewSnapshot::capture(&self.state),
            slide_before: self.slides.show.current,
            sections: Vec::new(),
            images_written: 0,
        });
        self.capture.push(shots);
    }

    /// Whether exports are still being made.
    pub fn is_capturing(&self) -> bool {
        self.capture.is_busy()
    }

    /// Works the export queue one step; called at the start of every frame.
    pub(super) fn step_capture(&mut self, ctx: &egui::Context) {
        let Some(step) = self.capture.step(ctx) else { return };
        match step {
            capture::Step::ShowSlide(i) => self.show_slide(i),
            capture::Step::Captured(path, picture) => {
                let (title, description) = self.image_text();
                let result = capture::save_png(&path, &picture, &title, &description);
                self.image_saved(&path, &result);
            }
            capture::Step::Failed(path, why) => self.image_saved(&path, &Err(why)),
        }
    }

    /// Tells the user an image was written (or not) and, in a meeting pack, adds its section
    /// and finishes the pack after the last image.
    fn image_saved(&mut self, path: &std::path::Path, result: &Result<(u32, u32), WriteFailure>) {
        self.tell_done_if(result.is_ok(), |language| match result {
            Ok((w, h)) => format!("{} {} ({w}×{h})", strings(language).exported, path.display()),
            Err(err) => saved_or_not(language, path, &Err(err.clone())),
        });
        if self.pack.is_some() {
            let section = self.pack_section(path);
            if let Some(pack) = &mut self.pack {
                pack.sections.push(section);
                pack.images_written += usize::from(result.is_ok());
            }
            if !self.capture.has_shots_left() {
                self.finish_pack();
            }
        }
    }

    /// The current slide's own takeaway line, which replaces the one written from the data
    /// while presenting or exporting; `None` when it has none.
    pub(super) fn slide_takeaway(&self) -> Option<String> {
        let own = self.slides.show.current_slide().and_then(|slide| slide.own_takeaway(self.state.language));
        own.filter(|_| self.showing_a_slide()).map(str::to_owned)
    }

    /// The takeaway line shown now: the slide's own, else the one written from the data; `None`
    /// where the view has none (the table).
    pub(super) fn takeaway(&self) -> Option<String> {
        let written = match self.state.tab {
            // With nothing drawn, the sentence in the chart's place is the takeaway.
            Tab::Compare => {
                self.derived.plot().map(|view| view.nothing_drawn.clone().unwrap_or_else(|| view.takeaway.clone()))
            }
            Tab::Map => Some(self.derived.map().takeaway.clone()),
            Tab::Table => None,
        };
        self.slide_takeaway().or(written).filter(|t| !t.is_empty())
    }

    /// The title and description stored in an exported PNG, so the image explains itself
    /// wherever it is pasted: the slide's (or view's) title, then the takeaway, the scope and
    /// the sources.
    fn image_text(&self) -> (String, String) {
        let Some(dataset) = &self.dataset else { return (String::new(), String::new()) };
        let s = strings(self.state.language);
        let title = self.slide_title().map_or_else(|| self.view_title(dataset), str::to_owned);
        let mut lines: Vec<String> = self.takeaway().into_iter().collect();
        // The scope and sources lines as the image draws them: a description in other words
        // (or naming the sources by their titles, some of which are parks' names) read as
        // another image's.
        lines.extend(self.shown_scope.clone());
        let sources = crate::format::source_list(dataset, &self.shown_sources(), self.state.language);
        if !sources.is_empty() {
            lines.push(format!("{}{sources}", s.footer_sources));
        }
        (title, lines.join("\n"))
    }

    /// The title the view shown now writes over itself.
    pub(super) fn view_title(&self, dataset: &Dataset) -> String {
        let city = self.city.as_ref().map(|city| &city.map.name);
        let shown = (self.state.tab, &self.state.plot, &self.state.map);
        titles::view_title(dataset, city, shown, self.state.language)
    }

    /// What each slide is called in the slide list, the presenter's bar and the meeting pack's
    /// file names: its own title, or the title of the view it shows, which stays with it when
    /// slides are moved ("Slide 3" became "Slide 2" and read as a title).
    pub(super) fn slide_names(&self) -> Vec<String> {
        (0..self.slides.show.deck.slides.len()).filter_map(|i| self.slide_name(i)).collect()
    }

    /// What slide `i` is called ([`Self::slide_names`]); `None` when there is no such slide.
    pub(super) fn slide_name(&self, i: usize) -> Option<String> {
        self.slide_name_in(i, self.state.language)
    }

    /// What slide `i` is called in `language`; `None` when there is no such slide.
    pub(super) fn slide_name_in(&self, i: usize, language: Language) -> Option<String> {
        let city = self.city.as_ref().map(|city| &city.map.name);
        let slide = self.slides.show.deck.slides.get(i)?;
        Some(slide.name(language, |view| match &self.dataset {
            Some(dataset) => titles::view_title(dataset, city, (view.tab, &view.plot, &view.map), language),
            None => strings(language).untitled_slide.replace("{n}", &(i + 1).to_string()),
        }))
    }

    /// The sources behind what the view shows now.
    fn shown_sources(&self) -> std::collections::BTreeSet<crate::model::SourceId> {
        match self.state.tab {
            Tab::Compare => self.derived.plot().map(|v| v.sources.clone()).unwrap_or_default(),
            Tab::Map => self.derived.map().sources.clone(),
            Tab::Table => self
                .dataset
                .as_ref()
                .map(|dataset| {
                    // A presented table (a slide, its PNG) cites the columns that fit it.
                    let metrics =
                        self.presented_table_metrics.clone().unwrap_or_else(|| self.state.table_metrics(dataset));
                    crate::state::table_citations(dataset, self.derived.visible(), &metrics).sources
                })
                .unwrap_or_default(),
        }
    }

    /// The Markdown of the slide shown now: title, image, scope, notes, sources.
    fn pack_section(&self, image: &std::path::Path) -> String {
        let Some(dataset) = &self.dataset else { return String::new() };
        let s = strings(self.state.language);
        let title = self.slides.show.current.zip(self.slides.show.current_slide());
        let mut text = String::new();
        // An untitled slide under the title its image bears, which says what it shows.
        let heading = self.slide_title().map_or_else(|| self.view_title(dataset), str::to_owned);
        let _ = writeln!(text, "## {heading}\n");
        let file = image.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let _ = writeln!(text, "![{file}]({file})\n");
        if let Some(takeaway) = self.takeaway() {
            let _ = writeln!(text, "**{takeaway}**\n");
        }
        if let Some(scope) = &self.shown_scope {
            let _ = writeln!(text, "{}\n", crate::i18n::labelled(self.state.language, s.pack_scope, scope));
        }
        // The image marks the pinned parks by colour or a star; the text names them, so the
        // summary read alone says which parks "the pinned parks" are.
        let pinned: Vec<&str> = self
            .state
            .pinned
            .iter()
            .filter_map(|id| dataset.park(id))
            .map(|park| park.name.get(self.state.language))
            .collect();
        if !pinned.is_empty() {
            let names = pinned.join(crate::i18n::list_separator(self.state.language));
            let _ = writeln!(text, "{}\n", crate::i18n::labelled(self.state.language, s.pinned, &names));
        }
        if let Some(notes) = title.map(|(_, slide)| slide.notes.trim()).filter(|n| !n.is_empty()) {
            let _ = writeln!(text, "{}\n", crate::i18n::labelled(self.state.language, s.notes_hint, notes));
        }
        for source in crate::format::sources_in_line_order(dataset, &self.shown_sources(), self.state.language) {
            let url = source.url.as_deref().unwrap_or(s.no_url);
            // By its label, as the image's sources line lists it ("China Daily 2016a").
            let _ = writeln!(text, "- {} ({url})", crate::format::source_entry(source, self.state.language));
        }
        text
    }

    /// Writes `meeting-pack.md` beside the images.
    fn finish_pack(&mut self) {
        let Some(pack) = self.pack.take() else { return };
        pack.view_before.restore(&mut self.state);
        self.choose_desk_slide(pack.slide_before);
        // Not one image written (the folder cannot be written to, the disk is full): the last
        // failure is in the notice, and the pack's folder, empty, goes, so the next pack takes
        // its name.
        if pack.images_written == 0 {
            let _ = std::fs::remove_dir(&pack.folder);
            return;
        }
        let language = self.state.language;
        let (title, dataset_line) = self
            .dataset
            .as_ref()
            .map(|dataset| {
                let title = dataset.meta.title.get(language);
                // Which data the pack is of, as a brief's footer says it: the file may outlive
                // the dataset's next version.
                let line = (crate::i18n::brief_words(language).footer_dataset)
                    .replace("{title}", title)
                    .replace("{version}", &dataset.meta.version)
                    .replace("{date}", &dataset.meta.date);
                (title.to_owned(), line)
            })
            .unwrap_or_default();
        let text = format!("# {title}\n\n{dataset_line}\n\n{}", pack.sections.join("\n"));
        let path = pack.folder.join("meeting-pack.md");
        let written = slides_file::write_atomically(&path, text.as_bytes()).map_err(WriteFailure::from);
        self.tell_done_if(written.is_ok(), |language| saved_or_not(language, &path, &written));
    }
}

impl ParkApp {
    /// The name an export of the current view is offered under: the dataset's short name, the
    /// view and what it plots, "lakeshore-time-series-total-income.png", so that exports of two
    /// datasets, views, metrics or languages do not overwrite each other by default. The
    /// English short name, else the Chinese one; metrics by their ids; `-zh` after a Chinese
    /// export's.
    pub(super) fn export_file_name(&self, extension: &str) -> String {
        use crate::state::PlotKind;
        use crate::state::map::DistrictValue;
        let plot = &self.state.plot;
        let per = |metric: &crate::model::MetricId| match &plot.divide_by {
            Some(divisor) => format!("{metric}-per-{divisor}"),
            None => metric.to_string(),
        };
        let view = match self.state.tab {
            Tab::Table => "table".to_owned(),
            Tab::Map => match &self.state.map.value {
                DistrictValue::MetricSum(metric) => format!("map-{metric}"),
                DistrictValue::ParkCount => "map".to_owned(),
            },
            Tab::Compare => match plot.kind {
                PlotKind::Bars => format!("bars-{}", per(&plot.metric)),
                PlotKind::TimeSeries => format!("time-series-{}", plot.metric),
                PlotKind::Scatter => format!("scatter-{}-{}", plot.x_metric, plot.y_metric),
                PlotKind::Matrix => "industries".to_owned(),
            },
        };
        // A Chinese export is marked: written beside the English one, it would take its name.
        let language = match self.state.language {
            crate::model::Language::En => "",
            crate::model::Language::Zh => "zh",
        };
        let name = [self.export_place(), slug(&view), language.to_owned()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>();
        format!("{}.{extension}", name.join("-"))
    }

    /// The dataset's short name as exports are named after it: the English one, else the
    /// Chinese one, as a slug ("lakeshore"); empty without a dataset.
    fn export_place(&self) -> String {
        self.dataset.as_ref().map_or_else(String::new, |dataset| {
            let name = dataset.meta.short_name();
            Some(slug(&name.en)).filter(|s| !s.is_empty()).unwrap_or_else(|| slug(&name.zh))
        })
    }
}

/// Creates a folder `name` in `parent`, or, where that name is taken, `name-2`, `name-3` and so
/// on, and returns it: nothing already there is written over.
fn new_folder(parent: &std::path::Path, name: &str) -> std::io::Result<std::path::PathBuf> {
    let mut tried = 1;
    loop {
        let folder = if tried == 1 { parent.join(name) } else { parent.join(format!("{name}-{tried}")) };
        match std::fs::create_dir(&folder) {
            Ok(()) => return Ok(folder),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && tried < 1000 => tried += 1,
            // Not "already exists", which a failed write reads as a file in a folder's way.
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(std::io::Error::other(format!("{name} to {name}-{tried} are all taken")));
            }
            Err(err) => return Err(err),
        }
    }
}

/// The notice after writing `path`, in `language`: saved, or not and why.
pub(super) fn saved_or_not(language: Language, path: &std::path::Path, written: &Result<(), WriteFailure>) -> String {
    let s = strings(language);
    match written {
        Ok(()) => format!("{} {}", s.exported, path.display()),
        Err(err) => {
            let colon = if language == Language::Zh { "：" } else { ": " };
            format!("{} {}{colon}{}", s.export_failed, path.display(), crate::i18n::write_failure(language, err))
        }
    }
}

/// A file-name-safe form of a slide title: letters, digits and CJK kept, the rest dashes.
fn file_slug(title: &str) -> String {
    let slug = slug(title);
    if slug.is_empty() { "slide".to_owned() } else { slug }
}

/// `text` lower-cased, its letters, digits and CJK kept and the rest turned into single dashes,
/// at most 60 characters; empty when nothing is left.
fn slug(text: &str) -> String {
    let slug: String =
        text.chars().map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' }).collect();
    let slug = slug.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
    slug.chars().take(60).collect()
}
