//! The command line: open the window, check a dataset file, export every figure as a table, or
//! write an empty figure table to fill in.

mod workbook;

use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use serde_json::json;

use crate::glyphs::{FontCoverage, code_point};
use crate::model::DataOrigin;
use crate::model::geo::CityMap;
use crate::model::tables::RowOutcome;
use crate::model::{Dataset, LoadErrors, Observation, PlacedText, Problem, Text};

/// Explore and compare the parks of a science-park dataset: figures with their sources, plots,
/// a schematic map. Without a subcommand it opens the window.
#[derive(Debug, Parser)]
#[command(name = "zgc-atlas", version, about)]
pub struct Cli {
    /// Dataset file to open, check or export instead of the built-in one, as a file manager
    /// passes it (the `.desktop` entry's `%f`); the same as `--data FILE`.
    #[arg(value_name = "FILE", conflicts_with = "data")]
    pub file: Option<PathBuf>,
    /// Dataset file to open, check or export instead of the built-in one; before or after the
    /// subcommand.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Check or export a dataset instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset file: print a summary and coverage table, or every problem.
    /// Exits 0 when the file is valid and 1 when it is not.
    Check {
        /// The dataset file; the one named before `check` (`FILE` or `--data FILE`) when absent.
        file: Option<PathBuf>,
        #[command(flatten)]
        data: DataAfter,
    },
    /// Write every figure as a tidy table, one row per figure.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file; standard output when absent.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        data: DataAfter,
    },
    /// Write the one-page brief of a park as an A4 PDF to hand out: names, districts, approval,
    /// description, the latest figure of each metric with its year, qualifier, unit and source,
    /// industries, the park on a map of its city, and the sources with their addresses.
    Brief {
        /// The park's id, as the dataset names it.
        park: String,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Language of the brief.
        #[arg(long, value_enum, default_value = "en")]
        lang: BriefLanguage,
        #[command(flatten)]
        data: DataAfter,
    },
    /// Write an empty figure table to fill in: the export's columns, and (xlsx) lists of the
    /// valid park, metric, qualifier, period and source ids with drop-downs on those columns.
    Template {
        /// Output format.
        #[arg(long, value_enum)]
        format: TemplateFormat,
        /// Output file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        data: DataAfter,
    },
}

/// `--data FILE` given after a subcommand. Its own argument, not the top level's made global:
/// clap keeps only the last of a global argument given twice, and a file named before the
/// subcommand and another after it must be told as an error, not one taken silently.
#[derive(Debug, Default, clap::Args)]
pub struct DataAfter {
    /// Dataset file to use instead of the built-in one (as `--data` before the subcommand).
    #[arg(long = "data", value_name = "FILE")]
    pub data: Option<PathBuf>,
}

impl Command {
    /// The dataset file named after the subcommand, as `--data FILE`.
    fn data_after(&self) -> Option<&Path> {
        let (Self::Check { data, .. }
        | Self::Export { data, .. }
        | Self::Brief { data, .. }
        | Self::Template { data, .. }) = self;
        data.data.as_deref()
    }
}

/// Formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
    /// `GeoJSON`: district outlines with their park counts, and parks as points with their latest
    /// figures, for GIS tools such as QGIS.
    Geojson,
    /// An Excel workbook: the rows and columns of the CSV in the sheet "figures" (years and
    /// values as numbers), and every source in the sheet "sources".
    Xlsx,
}

/// Languages of `brief`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BriefLanguage {
    /// English.
    En,
    /// Chinese (Simplified).
    Zh,
}

impl From<BriefLanguage> for crate::model::Language {
    fn from(language: BriefLanguage) -> Self {
        match language {
            BriefLanguage::En => Self::En,
            BriefLanguage::Zh => Self::Zh,
        }
    }
}

/// Formats of `template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// An Excel workbook with lists of the valid ids and drop-downs.
    Xlsx,
    /// A CSV header line.
    Csv,
}

impl Cli {
    /// The dataset file the user named, as `FILE` or `--data FILE` (before or after a
    /// subcommand); `None` for the built-in dataset. `FILE` before a subcommand and a different
    /// `--data FILE` after it are an error: clap's `conflicts_with` does not reach into a
    /// subcommand, and neither file may be silently ignored.
    pub fn dataset(&self) -> anyhow::Result<Option<&Path>> {
        let before = self.data.iter().map(|data| (data.as_path(), "--data "));
        let after = self.command.as_ref().and_then(Command::data_after).map(|data| (data, "--data "));
        let mut named = self.file.iter().map(|file| (file.as_path(), "")).chain(before).chain(after);
        let Some((first, first_how)) = named.next() else { return Ok(None) };
        if let Some((other, how)) = named.find(|(other, _)| !same_file(first, other)) {
            anyhow::bail!("two datasets named: {first_how}{} and {how}{}; name one", first.display(), other.display())
        }
        Ok(Some(first))
    }

    /// Where the window's dataset comes from.
    pub fn origin(&self) -> DataOrigin {
        self.data.clone().or_else(|| self.file.clone()).map_or(DataOrigin::Embedded, DataOrigin::File)
    }
}

/// Runs a subcommand on `dataset` (the file named as `FILE` or `--data FILE`, `None` for the
/// built-in one), printing to standard output.
pub fn run(command: &Command, dataset: Option<&Path>) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    match command {
        Command::Check { file, .. } => {
            let file = the_file_to_check(file.as_deref(), dataset)?;
            check(file, &mut std::io::stdout().lock())
                .map(|valid| if valid { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Command::Export { format, out, .. } => export_to(dataset, *format, out.as_deref()),
        Command::Template { format, out, .. } => template_to(dataset, *format, out),
        Command::Brief { park, out, lang, .. } => brief_to(park, dataset, out, (*lang).into()),
    }
}

/// The file `check` checks: the one after `check`, or the one named before it. Two different
/// files are an error rather than one of them silently checked, and so is none: `check` has no
/// built-in dataset to fall back on, as it checks what a user wrote.
fn the_file_to_check<'a>(after: Option<&'a Path>, before: Option<&'a Path>) -> anyhow::Result<&'a Path> {
    match (after, before) {
        (Some(after), Some(before)) if !same_file(after, before) => anyhow::bail!(
            "two datasets named: {} before `check` and {} after it; name one",
            before.display(),
            after.display()
        ),
        (Some(file), _) | (None, Some(file)) => Ok(file),
        (None, None) => anyhow::bail!("`check` needs the dataset file to check: zgc-atlas check FILE"),
    }
}

/// Whether two paths name the same file: as written; as absolute paths without `.` segments
/// (`./a.ron` and `a.ron`, which must agree even when the file does not exist, so that the
/// user hears it cannot be read rather than that two datasets were named); or after resolving
/// links and `..`.
fn same_file(a: &Path, b: &Path) -> bool {
    // `..` stays: after a link it need not lead back where it came from.
    let lexical = |path: &Path| {
        let absolute = std::path::absolute(path).ok()?;
        Some(absolute.components().filter(|c| *c != std::path::Component::CurDir).collect::<PathBuf>())
    };
    a == b
        || matches!((lexical(a), lexical(b)), (Some(a), Some(b)) if a == b)
        || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// Checks `file` as the window would open it: the dataset, the map file its `meta.map` names
/// (read relative to the dataset), the map's outlines against the dataset's districts, and that
/// there are parks. Writes a summary and coverage table when all is well, or every problem, each
/// with its file and place; then any warnings (a park placed outside its districts, an outline
/// far from the others with nothing to say it is a mistake, a figure's `ground` in a year with
/// no change of ground, a text with characters no built-in font draws). Returns whether the file is valid; warnings do not make
/// it invalid.
pub fn check(file: &Path, out: &mut dyn Write) -> anyhow::Result<bool> {
    let origin = DataOrigin::File(file.to_owned());
    let (dataset, tables) = match origin.load_with_tables(&[]) {
        Ok(loaded) => loaded,
        Err(errors) => {
            writeln!(out, "{errors}")?;
            // Only the tables the dataset names are read here: one of them failed, and the
            // problems, all in the table's own cells, do not say where it is named.
            if errors.file != file.display().to_string() {
                writeln!(out, "{} is named in meta.figure_tables of {}.", errors.file, file.display())?;
            }
            writeln!(out, "{} problem(s) found.", errors.problems.len())?;
            return Ok(false);
        }
    };
    let findings = Findings::of(&origin, &dataset);
    if findings.errors.is_empty() {
        write_summary(&dataset, findings.map.as_ref().map(|m| (m.file.as_str(), m.outlines)), out)?;
        for (table, rows) in &tables.rows {
            let count = |outcome| rows.iter().filter(|r| **r == outcome).count();
            let encoding = if tables.read_as_gb18030.contains(table) { "; read as GB18030, not UTF-8" } else { "" };
            let conflicts = match count(RowOutcome::Conflicts) {
                0 => "none conflicting with it".to_owned(),
                n => format!("{n} conflicting with it (both kept)"),
            };
            writeln!(
                out,
                "figure table {table}: {} added, {} repeating the dataset, {conflicts}{encoding}",
                count(RowOutcome::Added),
                count(RowOutcome::Repeats),
            )?;
        }
        if tables.sources_added > 0 {
            writeln!(out, "figure tables: {} sources added", tables.sources_added)?;
        }
    } else {
        for errors in &findings.errors {
            writeln!(out, "{errors}")?;
        }
        let count: usize = findings.errors.iter().map(|e| e.problems.len()).sum();
        writeln!(out, "{count} problem(s) found.")?;
    }
    if !findings.warnings.is_empty() || !tables.warnings.is_empty() {
        writeln!(out)?;
        let count = findings.warnings.len() + tables.warnings.len();
        writeln!(out, "{count} {}:", if count == 1 { "warning" } else { "warnings" })?;
        for warning in &findings.warnings {
            writeln!(out, "  {warning}")?;
        }
        for warning in &tables.warnings {
            writeln!(out, "  {}", warning.en)?;
        }
    }
    Ok(findings.errors.is_empty())
}

/// The map file that loaded, for the summary.
struct MapSummary {
    /// The file as messages name it.
    file: String,
    /// How many district outlines it has.
    outlines: usize,
}

/// What `check` finds in a dataset that loaded, beyond the loader's own rules.
struct Findings {
    /// Problems, grouped by the file they are in (the dataset or its map).
    errors: Vec<LoadErrors>,
    /// Things the window shows oddly but still shows, each starting with the file and the
    /// item's path.
    warnings: Vec<String>,
    /// The map, when the dataset names one and it loaded.
    map: Option<MapSummary>,
}

impl Findings {
    fn of(origin: &DataOrigin, dataset: &Dataset) -> Self {
        let mut findings = Self { errors: Vec::new(), warnings: Vec::new(), map: None };
        let file = origin.file_label().unwrap_or_default();
        if dataset.parks.is_empty() {
            // The loader accepts a dataset still being written; the window would show nothing.
            findings.errors.push(LoadErrors {
                file: file.clone(),
                problems: vec![Problem::Invalid {
                    path: "parks".to_owned(),
                    message: crate::model::message(
                        "the dataset has no parks, so the window would have nothing to show",
                        "数据集中没有园区，窗口将无内容可显示",
                    ),
                }],
            });
        }
        let mut map_texts = Vec::new();
        let map = origin.load_map(dataset);
        match &map {
            None => findings
                .warnings
                .push(format!("{file}:meta.map: the dataset names no map file, so the map view will be empty")),
            Some(Err(errors)) => findings.errors.push(errors.clone()),
            Some(Ok(map)) => {
                let warnings = parks_outside_their_districts(dataset, map);
                findings.warnings.extend(warnings.into_iter().map(|warning| format!("{file}:{warning}")));
                let map_file = origin.map_label(dataset).unwrap_or_default();
                map_texts = texts_with_undrawable_chars(&map_file, &map.texts());
                findings.map = Some(MapSummary { file: map_file, outlines: map.districts.len() });
            }
        }
        // What the window also warns of when the data loads: a `ground` with no change in its
        // year, then the map's far outlines.
        let shown_on_load = origin.warnings(dataset, map.as_ref().and_then(|map| map.as_ref().ok()));
        findings.warnings.extend(shown_on_load.into_iter().map(|warning| warning.en));
        findings.warnings.extend(texts_with_undrawable_chars(&file, &dataset.texts()));
        findings.warnings.extend(map_texts);
        findings
    }
}

/// A warning for each park whose location lies outside every one of its districts' outlines,
/// with how far outside: the map would draw its marker in another district.
fn parks_outside_their_districts(dataset: &Dataset, map: &CityMap) -> Vec<String> {
    let mut warnings = Vec::new();
    for (park, km) in map.parks_outside_their_districts(dataset) {
        let Some(location) = &park.location else { continue };
        let i = dataset.parks.iter().position(|p| p.id == park.id).unwrap_or_default();
        let districts = park.districts.iter().map(|d| format!("\"{d}\"")).collect::<Vec<_>>().join(", ");
        let (noun, of) =
            if park.districts.len() == 1 { ("district", "its edge") } else { ("districts", "the nearest edge") };
        let distance = if km < 0.1 { "less than 0.1 km".to_owned() } else { format!("{km:.1} km") };
        let approximate = if location.approximate { " (the location is marked approximate)" } else { "" };
        warnings.push(format!(
            "parks[{i}] \"{}\" → location: ({}, {}) lies outside its {noun} {districts}, {distance} from {of}{approximate}",
            park.id, location.lon, location.lat
        ));
    }
    warnings
}

/// A warning for each of `texts` (of `file`) with characters that no font built into the program
/// draws, naming them with their code points: the window shows them only where the system has a
/// font with them, and a box elsewhere.
fn texts_with_undrawable_chars(file: &str, texts: &[PlacedText<'_>]) -> Vec<String> {
    let coverage = FontCoverage::built_in();
    let mut warnings = Vec::new();
    for text in texts {
        let missing = coverage.undrawable_chars(text.text);
        if missing.is_empty() {
            continue;
        }
        let chars = missing.iter().map(|&c| format!("{c} ({})", code_point(c))).collect::<Vec<_>>().join(", ");
        let (them, boxes) = if missing.len() == 1 { ("it", "a box") } else { ("them", "boxes") };
        warnings.push(format!(
            "{file}:{}: no font built into the program draws {chars}; on systems with CJK fonts the window may still \
             show {them} through the system font fallback, elsewhere as {boxes}",
            text.path
        ));
    }
    warnings
}

/// Writes the counts of the dataset, its map file and how many outlines that has (when it names
/// one), and a parks × metrics table of how many figures each has.
pub fn write_summary(dataset: &Dataset, map: Option<(&str, usize)>, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} v{} ({})", dataset.meta.title.en, dataset.meta.version, dataset.meta.date)?;
    // "1 park", "2 parks": a one-park file read "1 parks".
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        out,
        "valid: {}, {} ({} of the parks, {} of the zone), {}, {}, {}, {}",
        count(dataset.parks.len(), "park", "parks"),
        count(dataset.figure_count() + dataset.zone_figure_count(), "figure", "figures"),
        dataset.figure_count(),
        dataset.zone_figure_count(),
        count(dataset.sources.len(), "source", "sources"),
        count(dataset.metrics.len(), "metric", "metrics"),
        count(dataset.industries.len(), "industry", "industries"),
        count(dataset.districts.len(), "district", "districts"),
    )?;
    if let Some((file, outlines)) = map {
        writeln!(out, "map: {file}, {}", count(outlines, "district outline", "district outlines"))?;
    }
    writeln!(out)?;
    writeln!(out, "Coverage: the parks' own figures per metric (rows) and park (columns); · = none")?;
    for (i, park) in dataset.parks.iter().enumerate() {
        writeln!(out, "  p{:<2} {}", i + 1, park.id)?;
    }
    let metric_width = dataset.metrics.iter().map(|m| m.id.as_str().chars().count()).max().unwrap_or(6).max(6);
    write!(out, "{:metric_width$}", "metric")?;
    for i in 0..dataset.parks.len() {
        write!(out, " {:>3}", format!("p{}", i + 1))?;
    }
    writeln!(out, "  parks")?;
    for metric in &dataset.metrics {
        write!(out, "{:metric_width$}", metric.id.as_str())?;
        let mut parks_with_figures = 0;
        for park in &dataset.parks {
            // A figure of one part of a park stands for the park nowhere: not counted as its.
            let count = park.observations.iter().filter(|o| o.metric == metric.id && o.covers_the_park()).count();
            parks_with_figures += usize::from(count > 0);
            let cell = if count == 0 { "·".to_owned() } else { count.to_string() };
            write!(out, " {cell:>3}")?;
        }
        writeln!(out, "  {parks_with_figures}")?;
    }
    write!(out, "{:metric_width$}", "total")?;
    for park in &dataset.parks {
        write!(out, " {:>3}", park.observations.iter().filter(|o| o.covers_the_park()).count())?;
    }
    writeln!(out)?;
    let of_parts: usize =
        dataset.parks.iter().map(|p| p.observations.iter().filter(|o| !o.covers_the_park()).count()).sum();
    if of_parts > 0 {
        writeln!(
            out,
            "plus {of_parts} figures of one part of a park each (a predecessor area, a site), not counted above"
        )?;
    }
    Ok(())
}

/// One figure as a row of the tidy export.
#[derive(Debug, Serialize)]
pub struct ExportRow<'a> {
    /// `park`, or `zone` for the zone-wide benchmark.
    pub scope: &'static str,
    /// Park id; empty for the zone.
    pub park_id: &'a str,
    /// Park (or zone) name in English.
    pub park_name_en: &'a str,
    /// Park (or zone) name in Chinese.
    pub park_name_zh: &'a str,
    /// Metric id.
    pub metric_id: &'a str,
    /// Metric name in English.
    pub metric_name: &'a str,
    /// Unit in English.
    pub unit: &'a str,
    /// Year the figure refers to.
    pub year: i32,
    /// Part of the year, when not the whole year, as a stable code (`h1`, `jan_to_10`,
    /// `cumulative`; see [`crate::model::Period::code`]).
    pub period: String,
    /// The value in the unit, a whole number written as one ("450", as the dataset and the
    /// window's export write it, not "450.0").
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
    /// How the source stated it, as a stable code (`reported`, `at_least`, `target`, …; see
    /// [`crate::model::Qualifier::code`]).
    pub qualifier: &'static str,
    /// The qualifier in English words ("at least"), for people reading the file.
    pub qualifier_label: &'static str,
    /// Source id.
    pub source_id: &'a str,
    /// The source's label as the sources lines under charts and the dataset's notes cite it, in
    /// English ("China Daily 2016b"): a note citing "China Daily 2020c" is matched to its source
    /// by it, which neither the id nor the title of three same-year sources says.
    pub source_label: String,
    /// The same label in Chinese ("中国日报 2016b").
    pub source_label_zh: String,
    /// Source title.
    pub source_title: &'a str,
    /// Source web address, empty when unknown.
    pub source_url: &'a str,
    /// Scope caveats.
    pub note: &'a str,
    /// The note in Chinese, when the dataset gives one.
    pub note_zh: &'a str,
    /// The part of the park the figure covers, in English; empty for the whole park.
    pub part_en: &'a str,
    /// The same in Chinese.
    pub part_zh: &'a str,
    /// Which side of its year's change of ground the figure covers, as a stable code
    /// (`before_change`, `after_change`; see [`crate::model::Ground::code`]); empty when the
    /// figure does not say.
    pub ground: &'static str,
}

/// Every figure of the dataset, parks first in dataset order, then the zone's.
pub fn export_rows(dataset: &Dataset) -> Vec<ExportRow<'_>> {
    let mut rows = Vec::with_capacity(dataset.figure_count());
    for park in &dataset.parks {
        for obs in &park.observations {
            if let Some(row) = export_row(dataset, "park", park.id.as_str(), &park.name, obs) {
                rows.push(row);
            }
        }
    }
    if let Some(zone) = &dataset.zone {
        for obs in &zone.observations {
            if let Some(row) = export_row(dataset, "zone", "", &zone.name, obs) {
                rows.push(row);
            }
        }
    }
    rows
}

fn export_row<'a>(
    dataset: &'a Dataset,
    scope: &'static str,
    park_id: &'a str,
    name: &'a Text,
    obs: &'a Observation,
) -> Option<ExportRow<'a>> {
    let figure = dataset.figure(obs)?;
    Some(ExportRow {
        scope,
        park_id,
        park_name_en: &name.en,
        park_name_zh: &name.zh,
        metric_id: figure.metric.id.as_str(),
        metric_name: &figure.metric.name.en,
        unit: &figure.metric.unit.en,
        year: obs.year,
        period: obs.period.map(crate::model::Period::code).unwrap_or_default(),
        value: obs.value,
        qualifier: obs.qualifier.code(),
        qualifier_label: crate::i18n::qualifier_name(crate::model::Language::En, obs.qualifier),
        source_id: figure.source.id.as_str(),
        source_label: crate::format::source_line_label(figure.source, crate::model::Language::En),
        source_label_zh: crate::format::source_line_label(figure.source, crate::model::Language::Zh),
        source_title: &figure.source.title,
        source_url: figure.source.url.as_deref().unwrap_or_default(),
        note: obs.note.as_deref().unwrap_or_default(),
        note_zh: obs.note_zh.as_deref().unwrap_or_default(),
        part_en: obs.part.as_ref().map_or("", |part| part.en.as_str()),
        part_zh: obs.part.as_ref().map_or("", |part| part.zh.as_str()),
        ground: obs.ground.map(crate::model::Ground::code).unwrap_or_default(),
    })
}

/// Loads the dataset and writes every figure in `format` to `out`.
pub fn export(origin: &DataOrigin, format: ExportFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    let dataset = origin.load()?;
    let rows = export_rows(&dataset);
    match format {
        ExportFormat::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            for row in &rows {
                writer.serialize(row)?;
            }
            writer.flush()?;
        }
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        ExportFormat::Geojson => {
            let map = match origin.load_map(&dataset) {
                Some(map) => Some(map?),
                None => None,
            };
            serde_json::to_writer_pretty(&mut *out, &geojson(&dataset, map.as_ref()))?;
            writeln!(out)?;
        }
        ExportFormat::Xlsx => out.write_all(&workbook::export_xlsx(&dataset)?)?,
    }
    Ok(())
}

/// Writes a whole `value` as an integer (CSV "450", JSON 450) and any other as a float.
#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's `serialize_with` passes the field by reference")]
fn whole_as_integer<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    match whole_number(*value) {
        Some(whole) => serializer.serialize_i64(whole),
        None => serializer.serialize_f64(*value),
    }
}

/// `value` as an integer when it is a whole number an f64 holds exactly (up to 2^53), as the
/// dataset writes it; `None` for any other.
fn whole_number(value: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    #[expect(clippy::float_cmp, reason = "a whole number is exactly its own truncation")]
    let whole = value.trunc() == value;
    (whole && value.abs() < EXACT).then_some(value as i64)
}

/// The empty figure table of `template` for the dataset of `origin`, as the bytes of its file.
pub fn template(origin: &DataOrigin, format: TemplateFormat) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        TemplateFormat::Csv => workbook::template_csv(),
        TemplateFormat::Xlsx => workbook::template_xlsx(&origin.load()?)?,
    })
}

/// Runs `template`: for the built-in dataset or `data`, to `out`.
pub fn template_to(data: Option<&Path>, format: TemplateFormat, out: &Path) -> anyhow::Result<std::process::ExitCode> {
    let origin = data.map_or(DataOrigin::Embedded, |path| DataOrigin::File(path.to_owned()));
    let bytes = template(&origin, format)?;
    std::fs::write(out, bytes).map_err(|err| anyhow::anyhow!("cannot write {}: {err}", out.display()))?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// Runs `brief`: the brief of `park` in the built-in dataset or `data`, written to `out`.
///
/// A map file that does not load is an error rather than a brief without a map, which would say
/// the dataset has none. Comparable parks come from [`crate::brief::peers_for`].
pub fn brief_to(
    park: &str,
    data: Option<&Path>,
    out: &Path,
    language: crate::model::Language,
) -> anyhow::Result<std::process::ExitCode> {
    let origin = data.map_or(DataOrigin::Embedded, |path| DataOrigin::File(path.to_owned()));
    let dataset = origin.load()?;
    let id = crate::model::ParkId::new(park);
    if dataset.park(&id).is_none() {
        // Every id while they are few enough to read; `zgc-atlas export` lists them all.
        const MAX_LISTED: usize = 30;
        let ids: Vec<&str> = dataset.parks.iter().take(MAX_LISTED).map(|p| p.id.as_str()).collect();
        let more = dataset.parks.len().saturating_sub(MAX_LISTED);
        let rest = if more > 0 { format!(" and {more} more (zgc-atlas export lists them)") } else { String::new() };
        anyhow::bail!("the dataset has no park \"{park}\"; its parks are: {}{rest}", ids.join(", "));
    }
    let map = match origin.load_map(&dataset) {
        Some(map) => Some(map?),
        None => None,
    };
    let bytes = crate::brief::brief_pdf(
        &dataset,
        map.as_ref(),
        &id,
        &crate::brief::peers_for(&dataset, &id, language),
        language,
    )?;
    std::fs::write(out, bytes).map_err(|err| anyhow::anyhow!("cannot write {}: {err}", out.display()))?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// The districts (closed rings, with how many parks lie in each) and the parks (points with the
/// latest figure of every metric they have, each with its year, period, qualifier, source with
/// its address, and note).
pub fn geojson(dataset: &Dataset, map: Option<&CityMap>) -> serde_json::Value {
    let mut features = Vec::new();
    let schematic = map.is_none_or(|m| m.schematic);
    for outline in map.map(|m| m.districts.as_slice()).unwrap_or_default() {
        let mut ring: Vec<[f64; 2]> = outline.outline.iter().map(|&(lon, lat)| [lon, lat]).collect();
        if let Some(&first) = ring.first() {
            ring.push(first);
        }
        let name = dataset.district(&outline.id).map(|d| d.name.clone()).unwrap_or_default();
        let park_count = dataset.parks.iter().filter(|p| p.districts.contains(&outline.id)).count();
        features.push(json!({
            "type": "Feature",
            "geometry": { "type": "Polygon", "coordinates": [ring] },
            "properties": {
                "kind": "district",
                "id": outline.id.as_str(),
                "name_en": name.en,
                "name_zh": name.zh,
                "park_count": park_count,
                "schematic": schematic,
            },
        }));
    }
    for park in &dataset.parks {
        let Some(location) = &park.location else { continue };
        let mut properties = serde_json::Map::new();
        properties.insert("kind".to_owned(), json!("park"));
        properties.insert("id".to_owned(), json!(park.id.as_str()));
        properties.insert("name_en".to_owned(), json!(park.name.en));
        properties.insert("name_zh".to_owned(), json!(park.name.zh));
        properties.insert("location_approximate".to_owned(), json!(location.approximate));
        properties.insert("location_place".to_owned(), json!(location.place.en));
        for metric in &dataset.metrics {
            if let Some(figure) = dataset.latest(park, &metric.id) {
                let obs = figure.observation;
                let id = metric.id.as_str();
                // Written as the CSV and JSON exports write it: 450, not 450.0.
                let value = whole_number(obs.value).map_or_else(|| json!(obs.value), |whole| json!(whole));
                properties.insert(id.to_owned(), value);
                properties.insert(format!("{id}_unit"), json!(metric.unit.en));
                properties.insert(format!("{id}_year"), json!(obs.year));
                // The part of the year as the CSV's `period` column writes it, empty for a whole
                // year: a January–November income is not a year's.
                properties.insert(
                    format!("{id}_period"),
                    json!(obs.period.map(crate::model::Period::code).unwrap_or_default()),
                );
                properties.insert(format!("{id}_qualifier"), json!(obs.qualifier.code()));
                properties.insert(format!("{id}_source"), json!(figure.source.title));
                // Empty when not known, as the CSV and JSON exports write it.
                properties.insert(format!("{id}_source_url"), json!(figure.source.url.as_deref().unwrap_or_default()));
                // The figure's scope caveat ("covers the whole district").
                properties.insert(format!("{id}_note"), json!(obs.note.as_deref().unwrap_or_default()));
                properties.insert(format!("{id}_note_zh"), json!(obs.note_zh.as_deref().unwrap_or_default()));
            }
        }
        features.push(json!({
            "type": "Feature",
            "geometry": { "type": "Point", "coordinates": [location.lon, location.lat] },
            "properties": properties,
        }));
    }
    json!({ "type": "FeatureCollection", "features": features })
}

/// Runs `export`: the built-in dataset or `data`, to `out` or standard output.
pub fn export_to(
    data: Option<&Path>,
    format: ExportFormat,
    out: Option<&Path>,
) -> anyhow::Result<std::process::ExitCode> {
    let origin = data.map_or(DataOrigin::Embedded, |path| DataOrigin::File(path.to_owned()));
    match out {
        Some(path) => {
            let mut buffer = Vec::new();
            export(&origin, format, &mut buffer)?;
            std::fs::write(path, buffer).map_err(|err| anyhow::anyhow!("cannot write {}: {err}", path.display()))?;
        }
        None if format == ExportFormat::Xlsx && std::io::stdout().is_terminal() => {
            anyhow::bail!("--format xlsx writes a workbook, not text: name the file with --out FILE")
        }
        None => export(&origin, format, &mut std::io::stdout().lock())?,
    }
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use clap::Parser as _;

    use super::{Cli, Command};
    use crate::model::DataOrigin;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("zgc-atlas").chain(args.iter().copied())).expect("parses")
    }

    /// One park, source or outline is counted in the singular: "valid: 1 park", not "1 parks".
    #[test]
    fn the_summary_counts_one_of_a_kind_in_the_singular() {
        let mut dataset = crate::model::tests::small_dataset();
        dataset.parks.truncate(1);
        dataset.sources.truncate(1);
        let mut out = Vec::new();
        super::write_summary(&dataset, Some(("map.ron", 1)), &mut out).expect("written");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(text.contains("valid: 1 park, ") && text.contains(", 1 source, "), "{text}");
        assert!(text.contains("map: map.ron, 1 district outline\n"), "{text}");
    }

    #[test]
    fn a_dataset_opens_as_a_plain_argument_or_with_data_and_subcommands_still_win() {
        let file = |path: &str| DataOrigin::File(PathBuf::from(path));
        assert_eq!(parse(&[]).origin(), DataOrigin::Embedded);
        assert_eq!(parse(&["parks.ron"]).origin(), file("parks.ron"));
        assert_eq!(parse(&["--data", "parks.ron"]).origin(), file("parks.ron"));
        let check = parse(&["check", "parks.ron"]);
        assert!(
            matches!(&check.command, Some(Command::Check { file, .. }) if file.as_deref() == Some(Path::new("parks.ron")))
        );
        assert_eq!(check.origin(), DataOrigin::Embedded);
        assert!(Cli::try_parse_from(["zgc-atlas", "a.ron", "--data", "b.ron"]).is_err(), "one dataset at a time");
    }

    /// `--help` lists `FILE` and `--data` before the subcommands, so users name the dataset
    /// there: the subcommands must use it, never the built-in data instead.
    #[test]
    fn a_dataset_named_before_a_subcommand_is_the_subcommands_dataset() {
        let dataset = |args: &[&str]| parse(args).dataset().expect("one dataset").map(PathBuf::from);
        let porto = Some(PathBuf::from("porto.ron"));
        assert_eq!(dataset(&["--data", "porto.ron", "export", "--format", "csv"]), porto);
        assert_eq!(dataset(&["porto.ron", "brief", "valongo", "--out", "v.pdf"]), porto);
        assert_eq!(dataset(&["export", "--data", "porto.ron", "--format", "csv"]), porto, "after it, as before");
        assert_eq!(dataset(&["template", "--format", "csv", "--out", "t.csv"]), None, "the built-in one");
        let two =
            parse(&["a.ron", "export", "--data", "b.ron", "--format", "csv"]).dataset().map(|_| ()).expect_err("two");
        assert!(two.to_string().contains("two datasets named: a.ron and --data b.ron"), "{two}");
    }

    /// A file that does not exist, named twice in two spellings, is one file: the user must
    /// hear that it cannot be read, not that two datasets were named.
    #[test]
    fn one_missing_file_named_in_two_spellings_is_one_dataset() {
        let missing = "no-such-dataset-here.ron";
        assert!(!Path::new(missing).exists(), "a fair test");
        let dotted = format!("./{missing}");
        let cli = parse(&[&dotted, "export", "--data", missing, "--format", "csv"]);
        let named = cli.dataset().expect("one dataset");
        assert!(named.is_some_and(|named| super::same_file(named, Path::new(missing))), "{named:?}");
        assert!(super::same_file(Path::new(&format!("./sub/./{missing}")), Path::new(&format!("sub/{missing}"))));
        assert!(!super::same_file(Path::new(missing), Path::new(&format!("sub/{missing}"))), "another folder");
        assert_eq!(
            super::the_file_to_check(Some(Path::new(&dotted)), Some(Path::new(missing))).ok(),
            Some(Path::new(&dotted))
        );
    }

    #[test]
    fn check_takes_the_dataset_named_before_it_and_refuses_two_different_ones() {
        let (a, b) = (Path::new("a.ron"), Path::new("b.ron"));
        assert_eq!(super::the_file_to_check(None, Some(a)).expect("named before"), a);
        assert_eq!(super::the_file_to_check(Some(a), None).expect("named after"), a);
        assert_eq!(super::the_file_to_check(Some(a), Some(a)).expect("the same twice"), a);
        let two = super::the_file_to_check(Some(b), Some(a)).expect_err("two files").to_string();
        assert!(two.contains("a.ron before `check` and b.ron after it"), "{two}");
        assert!(super::the_file_to_check(None, None).is_err(), "check has no built-in dataset");
    }
}
