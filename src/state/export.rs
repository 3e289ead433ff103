//! The rows behind what a view shows, for "Export CSV": exactly the parks, years, qualifiers and
//! sources on screen, plus the "no data" rows the view lists, with values in the units the
//! screen writes them in (a language may have a unit of its own, 亿元 for the stored 十亿元:
//! numbers pasted from a Chinese export into a report agree with the chart beside them).

use crate::format::{district_names, other_values, source_line_label, value_in_unit};
use crate::i18n::{clause_separator, labelled, period_short, qualifier_name};
use crate::model::{
    Dataset, DisplayUnit, Language, MetricId, Observation, ParkId, Period, divided_display_unit, stated_otherwise,
};
use crate::state::map::{DistrictReading, DistrictValue, MapChoice, MapData, Marker};
use crate::state::series::{BarSeries, IndustryMatrix, PlotChoice, PlotData, Reading, ScatterPoint};

/// A table: column names and rows of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Column names.
    pub headers: Vec<&'static str>,
    /// One row per value shown.
    pub rows: Vec<Vec<String>>,
}

/// The columns every export of the window ends with, saying what the view was of: `pinned`
/// (`true`/`false`; empty on a row of no park, a district's) and `filter`, the filters set, in
/// the export's language as the scope lines write them ("Industry: Biomedicine"), empty when
/// none is. A file of nine parks otherwise reads as the whole zone.
const SCOPE_COLUMNS: [&str; 2] = ["pinned", "filter"];

impl Table {
    /// This table with the scope columns added to every row: which of its parks are `pinned`,
    /// and the `filter` in words (`None` for none).
    #[must_use]
    pub fn with_scope(mut self, pinned: &[ParkId], filter: Option<&str>) -> Self {
        let park_column = self.headers.iter().position(|header| *header == "park_id");
        self.headers.extend(SCOPE_COLUMNS);
        for row in &mut self.rows {
            let park = park_column.and_then(|column| row.get(column)).filter(|id| !id.is_empty());
            let is_pinned = park.map(|id| pinned.iter().any(|p| p.as_str() == id).to_string());
            row.push(is_pinned.unwrap_or_default());
            row.push(filter.unwrap_or_default().to_owned());
        }
        self
    }
}

/// The columns of a figure. `period` is the part of the year a figure covers as a stable code
/// (`jan_to_11`, see [`Period::code`](crate::model::Period::code)), empty for a whole year, and
/// `period_label` the same in the UI language as the charts write it ("Jan–Nov" / "1–11月");
/// `qualifier` is a stable code (`at_least`, see [`Qualifier::code`](crate::model::Qualifier::code))
/// or `no data`, and `qualifier_label` the same in the UI language ("no data" / "无数据"); `source` is the source's title and
/// `source_url` its address; `note` is the figure's scope caveat in the UI language;
/// `divided_by` is the name of a divided value's divisor in the export's language, as `metric`
/// names the figure's (its `unit` is then the divided unit, "bn yuan per km²") and `divisor_year` the year of the divisor's figure, both empty for
/// values as stated; so that a divided value can be worked back, `undivided_value` and
/// `undivided_unit` give the figure as stated and `divisor_value` and `divisor_unit` what it was
/// divided by, each in its metric's unit of the export's language (all four empty for values as
/// stated).
const FIGURE_COLUMNS: [&str; 21] = [
    "park_id",
    "park",
    "metric",
    "value",
    "unit",
    "year",
    "period",
    "period_label",
    "qualifier",
    "qualifier_label",
    "source",
    "source_label",
    "source_url",
    "note",
    "also_stated",
    "divided_by",
    "divisor_year",
    "undivided_value",
    "undivided_unit",
    "divisor_value",
    "divisor_unit",
];

/// How many of [`FIGURE_COLUMNS`] name the park (`park_id`, `park`): the table view's rows put
/// the park's own columns in their place.
const FIGURE_PARK_COLUMNS: usize = 2;

/// The columns of the table view that say what the table shows beside the figures (the ranked
/// bars' export has them too, so it can be filtered by district as the table's can), so the file
/// is still one tidy table, a row per figure, that a spreadsheet can sort or pivot:
/// `park_other_name` is the park's name in the other language (Chinese in an English export,
/// as the table's second name column), `districts` and `leading_industries` the table's texts
/// for them (names joined as the language lists them; the industries' column says "no data" or
/// "none named leading" where the table does). The figure's columns follow, as
/// [`FIGURE_COLUMNS`] after its park's.
const TABLE_PARK_COLUMNS: [&str; 5] = ["park_id", "park", "park_other_name", "districts", "leading_industries"];

/// How many columns each axis of a scatter point takes.
const AXIS_COLUMN_COUNT: usize = 13;

/// The columns of a scatter point after its park's ([`TABLE_PARK_COLUMNS`], so a spreadsheet
/// of the scatter can be filtered by district or industry as the table's can): for each of its
/// axes (`x`, `y` and the bubble's `size`) the metric's name, the value, its unit, year, period
/// (code and words), qualifier (code and words), source (title, label and address), note and
/// what else is stated for its year, as for a figure. A park lacking an axis's figure has "no
/// data" as that axis's qualifier.
const SCATTER_AXIS_COLUMNS: [&str; 3 * AXIS_COLUMN_COUNT] = [
    "x_metric",
    "x",
    "x_unit",
    "x_year",
    "x_period",
    "x_period_label",
    "x_qualifier",
    "x_qualifier_label",
    "x_source",
    "x_source_label",
    "x_source_url",
    "x_note",
    "x_also_stated",
    "y_metric",
    "y",
    "y_unit",
    "y_year",
    "y_period",
    "y_period_label",
    "y_qualifier",
    "y_qualifier_label",
    "y_source",
    "y_source_label",
    "y_source_url",
    "y_note",
    "y_also_stated",
    "size_metric",
    "size",
    "size_unit",
    "size_year",
    "size_period",
    "size_period_label",
    "size_qualifier",
    "size_qualifier_label",
    "size_source",
    "size_source_label",
    "size_source_url",
    "size_note",
    "size_also_stated",
];

/// The columns of the map: one row per district (`layer` `district`), for a sum one per figure
/// it adds (`layer` `summed`, with the figure's park, year, qualifier and source), then one per
/// park marker (`layer` `park`), in the dataset's order. `measure` is what the row's value is: for a
/// district the metric summed (its id) or `park_count`, for a park the metric sizing the markers
/// (empty for equal markers); `measure_label` says the same in the export's language, as the
/// map's value list names it. `years` is the year or span of years of the figures behind the
/// value, `part_year` whether one of them covers only part of its year (`true`/`false`; empty
/// for a count), and `parks_without_figure` how many of a district's parks a sum leaves out for
/// want of a figure (empty for a count and for a park). A park's row names its districts (ids
/// joined by "; ", names as the table writes them), the part of the year its figure covers
/// (`period`, `period_label`, as the other exports write them), whether it passes the filter
/// (the map dims the others), its location as the dataset gives it, and its figure's source,
/// note and what other sources state for its year.
const MAP_COLUMNS: [&str; 24] = [
    "layer",
    "district_id",
    "district",
    "park_id",
    "park",
    "measure",
    "measure_label",
    "value",
    "unit",
    "years",
    "part_year",
    "period",
    "period_label",
    "qualifier",
    "qualifier_label",
    "parks_without_figure",
    "in_filter",
    "lon",
    "lat",
    "source",
    "source_label",
    "source_url",
    "note",
    "also_stated",
];

/// The columns of a matrix cell: the park and the industry (ids and names in the export's
/// language), `role` as a stable code ([`Role::code`](crate::model::Role::code)) and
/// `role_label` the same in the export's language, and the source that names the role.
const MATRIX_COLUMNS: [&str; 9] =
    ["park_id", "park", "industry_id", "industry", "role", "role_label", "source", "source_label", "source_url"];

/// What the cell says for a park without the figure.
const NO_DATA: &str = "no data";

/// The map's qualifier for a district of sums that no park in scope lies in.
const NO_PARK: &str = "no park";

/// A park's name in `language`, empty for an unknown id.
fn park_name(dataset: &Dataset, park: &ParkId, language: Language) -> String {
    dataset.park(park).map(|p| p.name.get(language).to_owned()).unwrap_or_default()
}

/// A metric's name and the unit `language` writes its figures in; empty and as stored for an
/// unknown id.
fn metric_name_and_unit(dataset: &Dataset, metric: &MetricId, language: Language) -> (String, DisplayUnit) {
    dataset.metric(metric).map(|m| (m.name.get(language).to_owned(), m.display_unit(language))).unwrap_or_default()
}

/// What other sources (or scopes) state instead of a figure, as the views' tooltips list it:
/// ">4,000 enterprises · xunjk.com 2021, “…”", joined by "; "; empty when nothing differs.
fn also_stated_text<'a>(
    dataset: &Dataset,
    others: impl IntoIterator<Item = &'a Observation>,
    language: Language,
) -> String {
    other_values(dataset, others, language).join("; ")
}

/// The cells of one figure row, by name; [`FigureCells::into_row`] puts them in the order of
/// [`FIGURE_COLUMNS`].
#[derive(Default)]
struct FigureCells {
    park_id: String,
    park: String,
    metric: String,
    value: String,
    unit: String,
    year: String,
    period: String,
    period_label: String,
    qualifier: String,
    qualifier_label: String,
    source: String,
    source_label: String,
    source_url: String,
    note: String,
    also_stated: String,
    divided_by: String,
    divisor_year: String,
    undivided_value: String,
    undivided_unit: String,
    divisor_value: String,
    divisor_unit: String,
}

impl FigureCells {
    /// The row of `park`'s `metric`: `reading` with its source and note, or "no data".
    fn new(dataset: &Dataset, park: &ParkId, metric: &MetricId, reading: Option<&Reading>, language: Language) -> Self {
        let (metric_name, unit) = metric_name_and_unit(dataset, metric, language);
        let mut cells = Self {
            park_id: park.to_string(),
            park: park_name(dataset, park, language),
            metric: metric_name,
            unit: unit.name.clone(),
            ..Self::default()
        };
        let Some(reading) = reading else {
            NO_DATA.clone_into(&mut cells.qualifier);
            crate::i18n::strings(language).no_data.clone_into(&mut cells.qualifier_label);
            return cells;
        };
        cells.value = value_in_unit(reading.value, &unit);
        cells.year = reading.year.to_string();
        cells.set_period(reading.period, language);
        reading.qualifier.code().clone_into(&mut cells.qualifier);
        qualifier_name(language, reading.qualifier).clone_into(&mut cells.qualifier_label);
        if let Some(source) = dataset.source(&reading.source) {
            cells.source.clone_from(&source.title);
            cells.source_label = source_line_label(source, language);
            cells.source_url = source.url.clone().unwrap_or_default();
        }
        let park = dataset.park(park);
        if let Some((park, figure)) = park.and_then(|park| Some((park, reading.observation_in(park, metric)?))) {
            figure.note_in(language).unwrap_or_default().clone_into(&mut cells.note);
            cells.also_stated = also_stated_text(dataset, stated_otherwise(&park.observations, figure), language);
        }
        cells
    }

    /// The titles, labels and addresses of `sources`, each joined by "; " in that order (a
    /// divided figure rests on its own source and its divisor's).
    fn set_sources(&mut self, dataset: &Dataset, sources: &[crate::model::SourceId], language: Language) {
        let sources: Vec<_> = sources.iter().filter_map(|s| dataset.source(s)).collect();
        self.source = sources.iter().map(|s| s.title.as_str()).collect::<Vec<_>>().join("; ");
        self.source_label = sources.iter().map(|s| source_line_label(s, language)).collect::<Vec<_>>().join("; ");
        self.source_url = sources.iter().map(|s| s.url.as_deref().unwrap_or_default()).collect::<Vec<_>>().join("; ");
    }

    /// A value as a chart draws it: in `unit`, of its year and part of the year, stated as its
    /// qualifier says; a bound over a preliminary figure has the bound for its code and both
    /// in words.
    fn set_drawn(
        &mut self,
        (value, unit): (f64, &DisplayUnit),
        (year, period): (i32, Option<Period>),
        (qualifier, preliminary): (crate::model::Qualifier, bool),
        language: Language,
    ) {
        self.value = value_in_unit(value, unit);
        self.year = year.to_string();
        self.set_period(period, language);
        qualifier.code().clone_into(&mut self.qualifier);
        qualifier_name(language, qualifier).clone_into(&mut self.qualifier_label);
        if preliminary {
            self.qualifier_label = crate::i18n::and_preliminary(language, &self.qualifier_label);
        }
    }

    /// The period's code and words; both empty for a whole year.
    fn set_period(&mut self, period: Option<Period>, language: Language) {
        self.period = period.map(Period::code).unwrap_or_default();
        self.period_label = period.map(|p| period_short(language, p)).unwrap_or_default();
    }

    fn into_row(self) -> Vec<String> {
        vec![
            self.park_id,
            self.park,
            self.metric,
            self.value,
            self.unit,
            self.year,
            self.period,
            self.period_label,
            self.qualifier,
            self.qualifier_label,
            self.source,
            self.source_label,
            self.source_url,
            self.note,
            self.also_stated,
            self.divided_by,
            self.divisor_year,
            self.undivided_value,
            self.undivided_unit,
            self.divisor_value,
            self.divisor_unit,
        ]
    }
}

/// A row of [`FIGURE_COLUMNS`]: `reading` with its source and note, or "no data".
fn figure_row(
    dataset: &Dataset,
    park: &ParkId,
    metric: &MetricId,
    reading: Option<&Reading>,
    language: Language,
) -> Vec<String> {
    FigureCells::new(dataset, park, metric, reading, language).into_row()
}

/// The table's cells of a park ([`TABLE_PARK_COLUMNS`]): its id, its names in `language` and
/// the other, its districts and its leading industries as the table writes them; the id and
/// empty cells for an unknown id.
fn park_cells(dataset: &Dataset, id: &ParkId, language: Language) -> [String; TABLE_PARK_COLUMNS.len()] {
    let Some(park) = dataset.park(id) else {
        return [id.to_string(), String::new(), String::new(), String::new(), String::new()];
    };
    let (leading, _) = crate::state::filter::leading_industries_text(dataset, park, language);
    [
        park.id.to_string(),
        park.name.get(language).to_owned(),
        park.name.get(language.other()).to_owned(),
        crate::format::district_names(dataset, park, language),
        leading,
    ]
}

/// A row of [`FIGURE_COLUMNS`] with its park's id and name replaced by the park's cells
/// ([`park_cells`]): a row of [`park_figure_headers`].
fn with_park_cells(park: &[String], figure: Vec<String>) -> Vec<String> {
    park.iter().cloned().chain(figure.into_iter().skip(FIGURE_PARK_COLUMNS)).collect()
}

/// [`TABLE_PARK_COLUMNS`], then the figure's columns after its park's: the columns of an
/// export whose rows are a park's figures (the table's, the bars').
fn park_figure_headers() -> Vec<&'static str> {
    TABLE_PARK_COLUMNS.iter().chain(FIGURE_COLUMNS.iter().skip(FIGURE_PARK_COLUMNS)).copied().collect()
}

/// The table view: each listed park's figures of `metrics` (the table's figure columns), in
/// table order.
pub fn table_rows(dataset: &Dataset, visible: &[ParkId], metrics: &[MetricId], language: Language) -> Table {
    let mut rows = Vec::new();
    for id in visible {
        let Some(park) = dataset.park(id) else { continue };
        let park_cells = park_cells(dataset, &park.id, language);
        for metric in metrics {
            let reading = dataset.latest_shown(park, metric).map(Reading::from);
            rows.push(with_park_cells(&park_cells, figure_row(dataset, id, metric, reading.as_ref(), language)));
        }
    }
    Table { headers: park_figure_headers(), rows }
}

/// The plot shown: bars (and their "no data" parks), time-series points, scatter points, or
/// the matrix's roles.
pub fn plot_rows(dataset: &Dataset, data: &PlotData, choice: &PlotChoice, language: Language) -> Table {
    match data {
        PlotData::Bars(series) => bar_rows(dataset, series, choice, language),
        PlotData::TimeSeries { series, missing, .. } => {
            let metric = &choice.metric;
            let mut rows = Vec::new();
            for line in series {
                // Each park's figures in the order of time, as its line runs: the chart draws a
                // park's whole years, targets and part-years apart, and a file listing them so
                // read 2015, 2018, 2016.
                let mut points: Vec<_> = line.points().collect();
                points.sort_by(|a, b| a.x.total_cmp(&b.x));
                let park = park_cells(dataset, &line.park, language);
                rows.extend(points.into_iter().map(|point| {
                    with_park_cells(&park, figure_row(dataset, &line.park, metric, Some(&point.reading()), language))
                }));
            }
            rows.extend(missing.iter().map(|park| {
                let mut cells = FigureCells::new(dataset, park, metric, None, language);
                // A park left without a line when targets are not drawn: said, as on the chart.
                if let Some(qualifier) = data.only_projected(park) {
                    let name = qualifier_name(language, qualifier);
                    cells.note = crate::i18n::strings(language).only_projected_reason.replace("{qualifier}", name);
                }
                with_park_cells(&park_cells(dataset, park, language), cells.into_row())
            }));
            // The park's columns as the table's export has them, as the bars' export does.
            Table { headers: park_figure_headers(), rows }
        }
        PlotData::Scatter { points, missing } => scatter_rows(dataset, points, missing, choice, language),
        PlotData::Matrix(matrix) => matrix_rows(dataset, matrix, language),
    }
}

/// Each bar with every source it rests on, then the parks without a value, then the benchmarks
/// the chart shows ([`benchmark_rows`]); each park's row with its columns as the table's export
/// has them.
fn bar_rows(dataset: &Dataset, series: &BarSeries, choice: &PlotChoice, language: Language) -> Table {
    let metric = &choice.metric;
    let divided = choice.divided(dataset).map(|(numerator, divisor)| {
        (divided_display_unit(numerator, divisor, language), divisor.name.get(language), &divisor.id)
    });
    let unit = divided.as_ref().map_or_else(|| dataset.display_unit(metric, language), |(unit, _, _)| unit.clone());
    let mut rows: Vec<Vec<String>> = series
        .bars
        .iter()
        .map(|bar| {
            let mut cells = FigureCells::new(dataset, &bar.park, metric, None, language);
            cells.set_drawn((bar.value, &unit), (bar.year, bar.period), (bar.qualifier, bar.preliminary), language);
            // A divided bar rests on two sources (or one for both); their titles and addresses
            // in the same order.
            cells.set_sources(dataset, &bar.sources, language);
            // The figure's own note, then its divisor's under the divisor's name, as the bar's
            // tooltip gives them: a divided bar quoted without its area's caveat misleads.
            let notes: Vec<String> = bar
                .rests_on
                .iter()
                .enumerate()
                .filter_map(|(at, figure)| {
                    let note = figure.note_in(language)?;
                    let divisor = divided.as_ref().filter(|_| at > 0).map(|(_, name, _)| *name);
                    Some(divisor.map_or_else(|| note.to_owned(), |name| labelled(language, name, note)))
                })
                .collect();
            cells.note = notes.join(clause_separator(language));
            // Of the figure and of its divisor, as the bar's tooltip lists them.
            cells.also_stated = also_stated_text(dataset, &bar.stated_otherwise, language);
            if let Some((unit, divisor, divisor_id)) = &divided {
                // Named as the `metric` column names the figure's metric; the divided unit
                // says the divisor's unit.
                (cells.unit, cells.divided_by) = (unit.name.clone(), (*divisor).to_owned());
                cells.divisor_year = bar.divisor_year.unwrap_or(bar.year).to_string();
                // The two figures the quotient is of, as stated, each in its own unit.
                if let [figure, by] = bar.rests_on.as_slice() {
                    let stated_unit = dataset.display_unit(metric, language);
                    cells.undivided_value = value_in_unit(figure.value, &stated_unit);
                    cells.undivided_unit = stated_unit.name;
                    let divisor_unit = dataset.display_unit(divisor_id, language);
                    cells.divisor_value = value_in_unit(by.value, &divisor_unit);
                    cells.divisor_unit = divisor_unit.name;
                }
            }
            with_park_cells(&park_cells(dataset, &bar.park, language), cells.into_row())
        })
        .collect();
    rows.extend(series.missing.iter().map(|park| {
        let mut cells = FigureCells::new(dataset, park, metric, None, language);
        // In the chart's unit, as the bars' rows: no bar of a divided chart is an undivided figure.
        if let Some((unit, divisor, _)) = &divided {
            (cells.unit, cells.divided_by) = (unit.name.clone(), (*divisor).to_owned());
        }
        // Why it has no bar, where the chart says so: its divisor is of other ground.
        if series.divisor_across_boundary.contains(park) {
            crate::i18n::strings(language).no_divisor_reason.clone_into(&mut cells.note);
        } else if series.divisor_not_above_zero.contains(park) {
            crate::i18n::strings(language).divisor_not_above_zero_reason.clone_into(&mut cells.note);
        } else if let Some(qualifier) = series.only_projected.get(park) {
            // As the chart's "no data" line says it: the table shows the target.
            let name = crate::i18n::qualifier_name(language, *qualifier);
            cells.note = crate::i18n::strings(language).only_projected_reason.replace("{qualifier}", name);
        }
        with_park_cells(&park_cells(dataset, park, language), cells.into_row())
    }));
    if choice.show_benchmark {
        let divided_by = divided.as_ref().map(|(_, name, _)| *name);
        rows.extend(benchmark_rows(dataset, (series, choice.log_scale), metric, &unit, divided_by, language));
    }
    // The park's columns as the table's export has them, so a spreadsheet of the bars can be
    // filtered by district or industry as one of the table can.
    Table { headers: park_figure_headers(), rows }
}

/// The bars' benchmarks as the chart gives them (with the benchmarks on): the median of the
/// bars and the zone's own figure, each a row of no park, named in the park column. A zone
/// figure the chart does not set beside the bars (of another part of the year) is left out,
/// as its value is on the chart. `unit` is the bars'; `divided_by` the divisor's name.
fn benchmark_rows(
    dataset: &Dataset,
    (series, log_scale): (&BarSeries, bool),
    metric: &MetricId,
    unit: &DisplayUnit,
    divided_by: Option<&str>,
    language: Language,
) -> Vec<Vec<String>> {
    let s = crate::i18n::strings(language);
    let no_park = ParkId::new("");
    let blank = || {
        let mut cells = FigureCells::new(dataset, &no_park, metric, None, language);
        cells.unit.clone_from(&unit.name);
        divided_by.unwrap_or_default().clone_into(&mut cells.divided_by);
        (cells.qualifier, cells.qualifier_label) = (String::new(), String::new());
        cells
    };
    // Each benchmark by its name in the park column.
    let mut rows: Vec<(String, FigureCells)> = Vec::new();
    // As the chart draws it: a log scale draws no line at zero or below.
    if let Some(median) = series.median.filter(|median| !log_scale || *median > 0.0) {
        let count = series.bars.len();
        let parks = s.parks_count.for_count(count).replace("{n}", &crate::format::format_count(count));
        let mut cells = blank();
        cells.value = value_in_unit(median, unit);
        series.median_qualifier.code().clone_into(&mut cells.qualifier);
        qualifier_name(language, series.median_qualifier).clone_into(&mut cells.qualifier_label);
        let years = series.bars.iter().map(|bar| bar.year);
        let (first, last) = (years.clone().min().unwrap_or_default(), years.max().unwrap_or_default());
        let span = if first == last { first.to_string() } else { format!("{first}–{last}") };
        cells.note = s.median_row_note.replace("{years}", &span);
        rows.push((s.median_row.replace("{parks}", &parks), cells));
    }
    if let Some(zone) = series.zone.as_ref().filter(|_| series.zone_like_the_bars()) {
        let name =
            dataset.zone.as_ref().map_or_else(|| s.zone_benchmark.to_owned(), |z| z.name.get(language).to_owned());
        let mut cells = blank();
        cells.set_drawn((zone.value, unit), (zone.year, zone.period), (zone.qualifier, zone.preliminary), language);
        cells.set_sources(dataset, &zone.sources, language);
        cells.also_stated = also_stated_text(dataset, &zone.stated_otherwise, language);
        if divided_by.is_some() {
            cells.divisor_year = zone.divisor_year.unwrap_or(zone.year).to_string();
        }
        rows.push((name, cells));
    }
    // No id, other name, district or industry: a benchmark is of no park.
    rows.into_iter()
        .map(|(name, cells)| {
            let park = [String::new(), name, String::new(), String::new(), String::new()];
            with_park_cells(&park, cells.into_row())
        })
        .collect()
}

/// Each point's figures, then the parks lacking an axis, with what they have.
fn scatter_rows(
    dataset: &Dataset,
    points: &[ScatterPoint],
    missing: &[ParkId],
    choice: &PlotChoice,
    language: Language,
) -> Table {
    let axes = [Some(&choice.x_metric), Some(&choice.y_metric), choice.size_metric.as_ref()];
    let row = |park: &ParkId, readings: [Option<Reading>; 3]| {
        let mut row = park_cells(dataset, park, language).to_vec();
        for (metric, reading) in axes.iter().zip(readings) {
            // No bubble size chosen: the size columns stay empty.
            let Some(metric) = metric else {
                row.extend(std::iter::repeat_n(String::new(), AXIS_COLUMN_COUNT));
                continue;
            };
            let cells = FigureCells::new(dataset, park, metric, reading.as_ref(), language);
            row.extend([
                cells.metric,
                cells.value,
                cells.unit,
                cells.year,
                cells.period,
                cells.period_label,
                cells.qualifier,
                cells.qualifier_label,
                cells.source,
                cells.source_label,
                cells.source_url,
                cells.note,
                cells.also_stated,
            ]);
        }
        row
    };
    let mut rows: Vec<Vec<String>> =
        points.iter().map(|p| row(&p.park, [Some(p.x.clone()), Some(p.y.clone()), p.size.clone()])).collect();
    rows.extend(missing.iter().map(|id| {
        let latest = |metric: Option<&MetricId>| {
            let park = dataset.park(id)?;
            dataset.latest(park, metric?).map(Reading::from)
        };
        row(id, axes.map(latest))
    }));
    Table { headers: TABLE_PARK_COLUMNS.iter().chain(&SCATTER_AXIS_COLUMNS).copied().collect(), rows }
}

/// One row per filled cell: a park, an industry and the role it plays there.
fn matrix_rows(dataset: &Dataset, matrix: &IndustryMatrix, language: Language) -> Table {
    let mut rows = Vec::new();
    for (park, cells) in matrix.parks.iter().zip(&matrix.cells) {
        for (industry, role) in matrix.industries.iter().zip(cells) {
            if let Some(role) = role {
                let name = dataset.industry(industry).map(|i| i.name.get(language).to_owned()).unwrap_or_default();
                let label = crate::i18n::role_name(language, *role).to_owned();
                let link = dataset.park(park).and_then(|p| p.industries.iter().find(|link| &link.industry == industry));
                let source = link.and_then(|link| dataset.source(&link.source));
                rows.push(vec![
                    park.to_string(),
                    park_name(dataset, park, language),
                    industry.to_string(),
                    name,
                    role.code().to_owned(),
                    label,
                    source.map(|s| s.title.clone()).unwrap_or_default(),
                    source.map(|s| source_line_label(s, language)).unwrap_or_default(),
                    source.and_then(|s| s.url.clone()).unwrap_or_default(),
                ]);
            }
        }
    }
    Table { headers: MATRIX_COLUMNS.to_vec(), rows }
}

/// The map: each district's value (empty where there is none, with "no data" or "no park" as
/// its qualifier) and what it measures (a metric's id, or `park_count`), and for a sum the years
/// of its figures, whether one of them covers only part of its year, and how it can be stated (a
/// sum with a ">400" in it is "at least"), and how many of its parks a sum leaves out for want of
/// a figure; for a sum, each figure it adds, with its park, year, qualifier and source, so that
/// a sum of figures of different years and sources can be checked figure by figure; then each
/// park marker with the figure that sizes it (the columns of `MAP_COLUMNS`).
pub fn map_rows(dataset: &Dataset, data: &MapData, choice: &MapChoice, language: Language) -> Table {
    let districts = data.districts.iter().map(|reading| district_cells(dataset, reading, &choice.value, language));
    let summed: Vec<MapCells> = match &choice.value {
        DistrictValue::MetricSum(metric) => {
            data.districts.iter().flat_map(|reading| summed_cells(dataset, reading, metric, language)).collect()
        }
        DistrictValue::ParkCount => Vec::new(),
    };
    let markers =
        data.markers.iter().map(|marker| marker_cells(dataset, marker, choice.marker_metric.as_ref(), language));
    let rows = districts.chain(summed).chain(markers).map(MapCells::into_row).collect();
    Table { headers: MAP_COLUMNS.to_vec(), rows }
}

/// The rows of the figures a district's sum adds ([`map_rows`]), layer `summed`: the figure
/// the sum took of each park (its latest, as the map's), as a marker's row gives its own.
fn summed_cells(dataset: &Dataset, reading: &DistrictReading, metric: &MetricId, language: Language) -> Vec<MapCells> {
    let (metric_name, unit) = metric_name_and_unit(dataset, metric, language);
    let district = dataset.district(&reading.district).map(|d| d.name.get(language).to_owned()).unwrap_or_default();
    reading
        .summed
        .iter()
        .filter_map(|id| dataset.park(id))
        .filter_map(|park| {
            let figure = dataset.latest(park, metric)?;
            let obs = figure.observation;
            let cells = MapCells {
                layer: "summed",
                district_id: reading.district.to_string(),
                district: district.clone(),
                park_id: park.id.to_string(),
                park: park_name(dataset, &park.id, language),
                measure: metric.to_string(),
                measure_label: metric_name.clone(),
                value: value_in_unit(obs.value, &unit),
                unit: unit.name.clone(),
                years: obs.year.to_string(),
                part_year: obs.period.is_some().to_string(),
                period: obs.period.map(Period::code).unwrap_or_default(),
                period_label: obs.period.map(|p| period_short(language, p)).unwrap_or_default(),
                qualifier: obs.qualifier.code().to_owned(),
                qualifier_label: qualifier_name(language, obs.qualifier).to_owned(),
                source: figure.source.title.clone(),
                source_label: source_line_label(figure.source, language),
                source_url: figure.source.url.clone().unwrap_or_default(),
                note: obs.note_in(language).unwrap_or_default().to_owned(),
                also_stated: also_stated_text(dataset, stated_otherwise(&park.observations, obs), language),
                // A sum adds only parks passing the filter.
                in_filter: true.to_string(),
                ..MapCells::default()
            };
            Some(cells)
        })
        .collect()
}

/// The cells of one map row, by name; [`MapCells::into_row`] puts them in the order of
/// [`MAP_COLUMNS`].
#[derive(Default)]
struct MapCells {
    layer: &'static str,
    district_id: String,
    district: String,
    park_id: String,
    park: String,
    measure: String,
    measure_label: String,
    value: String,
    unit: String,
    years: String,
    part_year: String,
    period: String,
    period_label: String,
    qualifier: String,
    qualifier_label: String,
    parks_without_figure: String,
    in_filter: String,
    lon: String,
    lat: String,
    source: String,
    source_label: String,
    source_url: String,
    note: String,
    also_stated: String,
}

impl MapCells {
    fn into_row(self) -> Vec<String> {
        vec![
            self.layer.to_owned(),
            self.district_id,
            self.district,
            self.park_id,
            self.park,
            self.measure,
            self.measure_label,
            self.value,
            self.unit,
            self.years,
            self.part_year,
            self.period,
            self.period_label,
            self.qualifier,
            self.qualifier_label,
            self.parks_without_figure,
            self.in_filter,
            self.lon,
            self.lat,
            self.source,
            self.source_label,
            self.source_url,
            self.note,
            self.also_stated,
        ]
    }
}

/// The map's row of a district ([`map_rows`]).
fn district_cells(dataset: &Dataset, reading: &DistrictReading, value: &DistrictValue, language: Language) -> MapCells {
    let s = crate::i18n::strings(language);
    let (measure, measure_label, unit) = match value {
        DistrictValue::ParkCount => ("park_count".to_owned(), s.map_park_count.to_owned(), DisplayUnit::default()),
        DistrictValue::MetricSum(metric) => {
            let (name, unit) = metric_name_and_unit(dataset, metric, language);
            (metric.to_string(), name, unit)
        }
    };
    let id = &reading.district;
    let mut cells = MapCells {
        layer: "district",
        district_id: id.to_string(),
        district: dataset.district(id).map(|d| d.name.get(language).to_owned()).unwrap_or_default(),
        measure,
        measure_label,
        // Empty where there is no value, as in every other export, with why in the qualifier: no
        // data, or, for a sum, no park to sum.
        value: reading.value.map_or_else(String::new, |v| value_in_unit(v, &unit)),
        unit: unit.name.clone(),
        ..MapCells::default()
    };
    if let Some(basis) = reading.basis {
        cells.years = if basis.first_year == basis.last_year {
            basis.last_year.to_string()
        } else {
            format!("{}-{}", basis.first_year, basis.last_year)
        };
        // `period` stays empty: a sum with one part-year figure in it is no figure of that
        // part of the year.
        cells.part_year = basis.part_year.any().to_string();
    }
    let (qualifier, label) = match reading.value {
        // A count of the dataset's parks is the app's, not a figure any source reported.
        Some(_) if *value == DistrictValue::ParkCount => ("", ""),
        Some(_) => (reading.qualifier().code(), qualifier_name(language, reading.qualifier())),
        None if reading.has_parks() => (NO_DATA, s.no_data),
        None => (NO_PARK, s.map_no_park),
    };
    (cells.qualifier, cells.qualifier_label) = (qualifier.to_owned(), label.to_owned());
    if matches!(value, DistrictValue::MetricSum(_)) {
        cells.parks_without_figure = reading.parks_without_figure.to_string();
    }
    cells
}

/// The map's row of a park's marker ([`map_rows`]); `metric` sizes the markers (`None`: equal
/// markers, no figure).
fn marker_cells(dataset: &Dataset, marker: &Marker, metric: Option<&MetricId>, language: Language) -> MapCells {
    let park = dataset.park(&marker.park);
    let location = park.and_then(|park| park.location.as_ref());
    let mut cells = MapCells {
        layer: "park",
        district_id: park
            .map(|park| park.districts.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
            .unwrap_or_default(),
        district: park.map(|park| district_names(dataset, park, language)).unwrap_or_default(),
        park_id: marker.park.to_string(),
        park: park_name(dataset, &marker.park, language),
        in_filter: marker.in_filter.to_string(),
        lon: location.map(|l| l.lon.to_string()).unwrap_or_default(),
        lat: location.map(|l| l.lat.to_string()).unwrap_or_default(),
        ..MapCells::default()
    };
    // An id the dataset does not have sizes no marker, as the map draws it.
    let Some(metric) = metric.filter(|metric| dataset.metric(metric).is_some()) else { return cells };
    let (metric_name, unit) = metric_name_and_unit(dataset, metric, language);
    cells.measure = metric.to_string();
    cells.measure_label = metric_name;
    cells.unit.clone_from(&unit.name);
    let (Some(value), Some(year)) = (marker.value, marker.year) else {
        NO_DATA.clone_into(&mut cells.qualifier);
        crate::i18n::strings(language).no_data.clone_into(&mut cells.qualifier_label);
        return cells;
    };
    cells.value = value_in_unit(value, &unit);
    cells.years = year.to_string();
    cells.part_year = marker.period.is_some().to_string();
    cells.period = marker.period.map(Period::code).unwrap_or_default();
    cells.period_label = marker.period.map(|p| period_short(language, p)).unwrap_or_default();
    marker.qualifier.code().clone_into(&mut cells.qualifier);
    qualifier_name(language, marker.qualifier).clone_into(&mut cells.qualifier_label);
    if let Some(source) = marker.source.as_ref().and_then(|id| dataset.source(id)) {
        cells.source.clone_from(&source.title);
        cells.source_label = source_line_label(source, language);
        cells.source_url = source.url.clone().unwrap_or_default();
    }
    cells.note = marker.note.as_ref().map(|note| note.get(language).to_owned()).unwrap_or_default();
    cells.also_stated = also_stated_text(dataset, &marker.stated_otherwise, language);
    cells
}

/// The byte order mark UTF-8 text may begin with.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The table as CSV text, UTF-8 after a byte order mark. Excel on Windows, opening a CSV by
/// double-click, takes a file without the mark for the system's code page (GBK on Chinese
/// Windows) and garbles every Chinese name; with it, Excel, WPS, Libre Office, pandas
/// (`utf-8-sig`), the `csv` crate and this app's figure tables all read the text as written.
/// A text that a spreadsheet would take for a formula is marked as text (see
/// [`guard_formula`](crate::model::tables::guard_formula)).
pub fn to_csv(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(UTF8_BOM.to_vec());
    writer.write_record(&table.headers)?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|cell| crate::model::tables::guard_formula(cell).into_owned()))?;
    }
    writer.into_inner().map_err(|err| csv::Error::from(err.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::state::series::{bar_series, scatter_points, time_series};

    /// The cell of `row` under the column `name` of `table`.
    fn cell<'a>(table: &Table, row: &'a [String], name: &str) -> &'a str {
        let column = table.headers.iter().position(|h| *h == name).unwrap_or_else(|| panic!("no {name} column"));
        &row[column]
    }

    #[test]
    fn bar_rows_match_the_bars_and_list_missing_parks() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("beta"), ParkId::new("gamma")];
        let choice = PlotChoice { metric: MetricId::new("planned_area"), ..PlotChoice::for_dataset(&dataset) };
        let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        let summary: Vec<[&str; 4]> = table
            .rows
            .iter()
            .map(|r| ["park_id", "value", "qualifier", "source_url"].map(|name| cell(&table, r, name)))
            .collect();
        assert_eq!(
            summary,
            [
                ["alpha", "26.1", "reported", "https://example.org/first"],
                ["beta", "10", "reported", ""],
                ["gamma", "", "no data", ""],
                // The zone's figure, which the chart states beside the bars (its benchmark).
                ["", "488", "reported", "https://example.org/first"]
            ]
        );
        assert_eq!(cell(&table, &table.rows[3], "park"), "Test zone");
        let without = PlotChoice { show_benchmark: false, ..choice.clone() };
        let bars = PlotData::Bars(bar_series(&dataset, &parks, &without));
        assert_eq!(plot_rows(&dataset, &bars, &without, Language::En).rows.len(), 3, "no benchmark shown, none listed");
        let csv = String::from_utf8(to_csv(&table).expect("csv")).expect("utf-8");
        assert!(csv.starts_with(
            "\u{feff}park_id,park,park_other_name,districts,leading_industries,metric,value,unit,year,period,\
             period_label,qualifier,qualifier_label,source,source_label,source_url,note,also_stated,divided_by,divisor_year,\
             undivided_value,undivided_unit,divisor_value,divisor_unit\n"
        ));
        assert_eq!(csv.lines().count(), 5);
    }

    /// The median the chart draws is a row of its own, named as the chart names it, with the
    /// years of the figures it is the median of.
    #[test]
    fn the_bars_median_is_listed_after_the_parks() {
        let mut dataset = small_dataset();
        let mut area = dataset.parks[0].observations.first().expect("a figure to copy").clone();
        (area.metric, area.value, area.year, area.qualifier) =
            (MetricId::new("planned_area"), 20.0, 2019, crate::model::Qualifier::AtLeast);
        (area.period, area.part, area.ground) = (None, None, None);
        let gamma = dataset.parks.iter_mut().find(|p| p.id.as_str() == "gamma").expect("gamma");
        gamma.observations.push(area);
        let parks = [ParkId::new("alpha"), ParkId::new("beta"), ParkId::new("gamma")];
        let choice = PlotChoice { metric: MetricId::new("planned_area"), ..PlotChoice::for_dataset(&dataset) };
        let series = bar_series(&dataset, &parks, &choice);
        assert_eq!(series.median, Some(20.0), "26.1, >20 and 10");
        let table = plot_rows(&dataset, &PlotData::Bars(series), &choice, Language::En);
        let median =
            table.rows.iter().find(|row| cell(&table, row, "park").starts_with("Median")).expect("a median row");
        let columns = ["park_id", "park", "value", "unit", "qualifier", "note"];
        assert_eq!(
            columns.map(|name| cell(&table, median, name)),
            [
                "",
                "Median of the 3 parks",
                "20",
                "km²",
                "at_least",
                "The median of the bars above (figures of 2012–2019)"
            ]
        );
    }

    /// A row names its source as the window cites it (a title alone, "Chaoyang Park", read as the
    /// park) and lists what is also stated for its year, as the tooltips do: a figure pasted
    /// from the export keeps the other value beside it. One source stating two values (an area
    /// before and after an expansion): the row is the one listed last, with its own note, and the
    /// other is listed, not the row's own value.
    #[test]
    fn a_row_names_its_source_by_label_and_lists_other_values_stated() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let own = alpha.observations.iter().find(|o| o.metric.as_str() == "planned_area").cloned().expect("an area");
        let before = Observation { value: 25.0, note: Some("Before the expansion.".to_owned()), ..own };
        alpha.observations.insert(0, before);
        let parks = [ParkId::new("alpha")];
        let metrics = [MetricId::new("planned_area")];
        let table = table_rows(&dataset, &parks, &metrics, Language::En);
        let row = &table.rows[0];
        assert_eq!(cell(&table, row, "value"), "26.1", "the figure listed last, as the table shows it");
        assert_eq!(cell(&table, row, "source_label"), "Test Office 2019");
        assert_eq!(cell(&table, row, "also_stated"), "25 km² · Test Office 2019, “First report”");
        assert_eq!(cell(&table, row, "note"), "", "not the other figure's note");
        // The bars' export says the same.
        let choice = PlotChoice { metric: metrics[0].clone(), ..PlotChoice::for_dataset(&dataset) };
        let bars = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        let row = &bars.rows[0];
        assert_eq!(cell(&bars, row, "source_label"), "Test Office 2019");
        assert_eq!(cell(&bars, row, "also_stated"), "25 km² · Test Office 2019, “First report”");
    }

    /// A park without the figure says so in words too, in the export's language, as every
    /// other row's `qualifier_label` does: read in a Chinese spreadsheet, no row is left blank
    /// beside 公布值 and 初步统计.
    #[test]
    fn a_row_without_a_figure_says_no_data_in_the_exports_language() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("gamma")];
        let choice = PlotChoice { metric: MetricId::new("planned_area"), ..PlotChoice::for_dataset(&dataset) };
        let data = PlotData::Bars(bar_series(&dataset, &parks, &choice));
        for (language, words) in [(Language::En, "no data"), (Language::Zh, "无数据")] {
            let table = plot_rows(&dataset, &data, &choice, language);
            let gamma = table.rows.iter().find(|r| cell(&table, r, "park_id") == "gamma").expect("gamma's row");
            assert_eq!(
                ["value", "qualifier", "qualifier_label"].map(|name| cell(&table, gamma, name)),
                ["", "no data", words],
                "codes never translate; words do"
            );
            let table = table_rows(&dataset, &parks, std::slice::from_ref(&choice.metric), language);
            assert_eq!(cell(&table, &table.rows[1], "qualifier_label"), words, "the table's export too");
        }
    }

    /// The Chinese screen writes Alpha's income as 6,300 亿元 (the dataset stores 630 十亿元):
    /// its export says the same, value and unit, so numbers pasted into a Chinese report agree
    /// with the chart beside them. The English one keeps the stored bn yuan.
    #[test]
    fn an_export_writes_values_in_the_unit_the_screen_writes_them_in() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let choice = PlotChoice { metric: MetricId::new("total_income"), ..PlotChoice::for_dataset(&dataset) };
        let data = PlotData::Bars(bar_series(&dataset, &parks, &choice));
        let value_and_unit = |table: &Table| {
            (cell(table, &table.rows[0], "value").to_owned(), cell(table, &table.rows[0], "unit").to_owned())
        };
        let zh = plot_rows(&dataset, &data, &choice, Language::Zh);
        assert_eq!(value_and_unit(&zh), ("6300".to_owned(), "亿元".to_owned()));
        let en = plot_rows(&dataset, &data, &choice, Language::En);
        assert_eq!(value_and_unit(&en), ("630".to_owned(), "bn yuan".to_owned()));
        // The table's and the time series' rows alike.
        let table = table_rows(&dataset, &parks, &[MetricId::new("total_income")], Language::Zh);
        assert_eq!(value_and_unit(&table), ("6300".to_owned(), "亿元".to_owned()));
    }

    /// A time series drawn without targets: a park with nothing but a target is a "no data"
    /// row whose note says it has only a target, as the chart's "no data" line does.
    #[test]
    fn a_time_series_row_of_a_park_left_with_only_a_target_says_so() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        alpha
            .observations
            .retain(|o| o.metric.as_str() != "total_income" || o.qualifier == crate::model::Qualifier::Target);
        let parks = [ParkId::new("alpha"), ParkId::new("gamma")];
        let choice = PlotChoice {
            kind: crate::state::PlotKind::TimeSeries,
            metric: MetricId::new("total_income"),
            show_projections: false,
            ..PlotChoice::for_dataset(&dataset)
        };
        let data = PlotData::new(&dataset, &parks, &choice, Language::En);
        let table = plot_rows(&dataset, &data, &choice, Language::En);
        let notes: Vec<[&str; 3]> =
            table.rows.iter().map(|r| ["park_id", "qualifier", "note"].map(|name| cell(&table, r, name))).collect();
        assert_eq!(notes, [["alpha", "no data", "only a target"], ["gamma", "no data", ""]]);
    }

    /// A park with only a target for the year is a "no data" row whose note says so, as the
    /// chart's "no data" line does.
    #[test]
    fn a_bars_row_of_a_park_with_only_a_target_says_so() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("gamma")];
        let choice = PlotChoice {
            metric: MetricId::new("total_income"),
            year: crate::state::YearChoice::Year(2020),
            ..PlotChoice::for_dataset(&dataset)
        };
        let data = PlotData::Bars(bar_series(&dataset, &parks, &choice));
        let table = plot_rows(&dataset, &data, &choice, Language::En);
        let notes: Vec<[&str; 3]> =
            table.rows.iter().map(|r| ["park_id", "qualifier", "note"].map(|name| cell(&table, r, name))).collect();
        assert_eq!(notes, [["alpha", "no data", "only a target"], ["gamma", "no data", ""]]);
        let zh = plot_rows(&dataset, &data, &choice, Language::Zh);
        assert_eq!(cell(&zh, &zh.rows[0], "note"), "仅有目标数据");
    }

    #[test]
    fn normalised_bars_name_their_divisor_and_its_year() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let choice = PlotChoice {
            metric: MetricId::new("high_tech_enterprises"),
            divide_by: Some(MetricId::new("planned_area")),
            ..PlotChoice::for_dataset(&dataset)
        };
        let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        let row = &table.rows[0];
        assert_eq!(
            ["unit", "divided_by", "year", "divisor_year"].map(|name| cell(&table, row, name)),
            ["count per km²", "Planned area", "2019", "2012"],
            "alpha's firms of 2019 per km² of 2012, the divisor named as the metric is"
        );
        assert_eq!(cell(&table, row, "metric"), "High-tech enterprises");
        let zh = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::Zh);
        assert_eq!(
            ["metric", "unit", "divided_by"].map(|name| cell(&zh, &zh.rows[0], name)),
            ["高新技术企业", "家/平方公里", "规划面积"],
            "a Chinese export names both metrics in Chinese"
        );
    }

    /// A divided bar's row carries its divisor's note under the divisor's name, as its tooltip
    /// does, and a park without a bar is written in the chart's unit, divided, not the figure's.
    #[test]
    fn divided_bars_carry_their_divisors_note_and_their_unit_on_every_row() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let area = alpha.observations.iter_mut().find(|o| o.metric.as_str() == "planned_area").expect("an area");
        area.note = Some("Before the expansion.".to_owned());
        let parks = [ParkId::new("alpha"), ParkId::new("gamma")];
        let choice = PlotChoice {
            metric: MetricId::new("high_tech_enterprises"),
            divide_by: Some(MetricId::new("planned_area")),
            ..PlotChoice::for_dataset(&dataset)
        };
        let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        assert_eq!(cell(&table, &table.rows[0], "note"), "Planned area: Before the expansion.");
        let gamma = table.rows.iter().find(|row| row[0] == "gamma").expect("gamma has no bar");
        assert_eq!(["unit", "divided_by"].map(|name| cell(&table, gamma, name)), ["count per km²", "Planned area"]);
    }

    /// A preliminary income over ">1,382 firms" exports as `at_most`, a bound, and its label
    /// still says it is preliminary: pasted into a report, it must not pass for a firm bound.
    #[test]
    fn a_bound_quotient_of_a_preliminary_figure_is_labelled_preliminary() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let firms =
            alpha.observations.iter_mut().find(|o| o.metric.as_str() == "high_tech_enterprises").expect("firms");
        firms.qualifier = crate::model::Qualifier::AtLeast;
        let parks = [ParkId::new("alpha")];
        let choice = PlotChoice {
            metric: MetricId::new("total_income"),
            divide_by: Some(MetricId::new("high_tech_enterprises")),
            ..PlotChoice::for_dataset(&dataset)
        };
        let data = PlotData::Bars(bar_series(&dataset, &parks, &choice));
        let table = plot_rows(&dataset, &data, &choice, Language::En);
        let row = &table.rows[0];
        assert_eq!(
            ["qualifier", "qualifier_label"].map(|name| cell(&table, row, name)),
            ["at_most", "at most, preliminary"]
        );
        let zh = plot_rows(&dataset, &data, &choice, Language::Zh);
        assert!(cell(&zh, &zh.rows[0], "qualifier_label").ends_with("初步统计"));
    }

    /// A district without a sum has an empty value, as every export writes a missing one, and
    /// says why: its parks have no figure ("no data"), or no park passing the filter lies in
    /// it ("no park").
    #[test]
    fn map_rows_leave_a_missing_sum_empty_and_say_why() {
        let dataset = small_dataset();
        let income = DistrictValue::MetricSum(MetricId::new("total_income"));
        let choice = crate::state::map::MapChoice { value: income.clone(), ..Default::default() };
        let row = |visible: &[ParkId], district: &str| {
            let data = MapData::new(&dataset, visible, &choice, Language::En, &[]);
            let table = map_rows(&dataset, &data, &choice, Language::En);
            let row = table.rows.iter().find(|row| row[..2] == ["district", district]).expect("district");
            ["value", "qualifier", "qualifier_label"].map(|name| cell(&table, row, name).to_owned())
        };
        let all: Vec<ParkId> = dataset.parks.iter().map(|p| p.id.clone()).collect();
        assert_eq!(row(&all, "east"), ["630", "preliminary", "preliminary"], "alpha's income");
        assert_eq!(row(&all, "west"), ["", "no data", "no data"], "beta and gamma have no income");
        assert_eq!(row(&[ParkId::new("alpha")], "west"), ["", "no park", "no park"], "none of the filter's parks");
    }

    /// A district's sum is traced in the CSV figure by figure: a `summed` row for each park
    /// figure it adds, with its year and source, between the districts and the markers; a
    /// count has none.
    #[test]
    fn map_rows_trace_each_sum_to_the_figures_it_adds() {
        let dataset = small_dataset();
        let area = MapChoice { value: DistrictValue::MetricSum(MetricId::new("planned_area")), ..MapChoice::default() };
        let all: Vec<ParkId> = dataset.parks.iter().map(|p| p.id.clone()).collect();
        let data = MapData::new(&dataset, &all, &area, Language::En, &[]);
        let table = map_rows(&dataset, &data, &area, Language::En);
        let layers: Vec<&str> = table.rows.iter().map(|row| row[0].as_str()).collect();
        let (Some(last_district), Some(first_park)) =
            (layers.iter().rposition(|l| *l == "district"), layers.iter().position(|l| *l == "park"))
        else {
            panic!("districts and markers: {layers:?}")
        };
        let between = &layers[last_district + 1..first_park];
        assert!(!between.is_empty() && between.iter().all(|l| *l == "summed"), "{layers:?}");
        let summed: Vec<[String; 5]> = table
            .rows
            .iter()
            .filter(|row| row[0] == "summed")
            .map(|row| {
                ["district_id", "park_id", "value", "years", "source"].map(|name| cell(&table, row, name).to_owned())
            })
            .collect();
        // East sums Alpha's 26.1 (2012), West Beta's 10 (2012); Gamma has no area.
        assert_eq!(
            summed,
            [
                ["east", "alpha", "26.1", "2012", "First report"].map(str::to_owned),
                ["west", "beta", "10", "2012", "第二份报告"].map(str::to_owned),
            ]
        );
        let west = table.rows.iter().find(|row| row[..2] == ["district", "west"]).expect("west");
        assert_eq!(cell(&table, west, "value"), "10");
        let count = MapData::new(&dataset, &all, &MapChoice::default(), Language::En, &[]);
        let counted = map_rows(&dataset, &count, &MapChoice::default(), Language::En);
        assert!(counted.rows.iter().all(|row| row[0] != "summed"), "a count adds no figures");
    }

    /// The map's CSV has a row for each park marker after the districts' (exporting the map lost
    /// every marker): the park's districts, whether it passes the filter (the map dims the
    /// others, and still draws them), its location, and the figure sizing its marker with its
    /// year, qualifier and source; with equal markers, no figure.
    #[test]
    fn map_rows_carry_each_park_marker_with_its_figure_and_source() {
        let dataset = crate::model::tests::small_dataset();
        let choice = MapChoice { marker_metric: Some(MetricId::new("total_income")), ..MapChoice::default() };
        let all: Vec<ParkId> = dataset.parks.iter().map(|p| p.id.clone()).collect();
        let marker_cells = |visible: &[ParkId], choice: &MapChoice| {
            let data = MapData::new(&dataset, visible, choice, Language::En, &[]);
            let table = map_rows(&dataset, &data, choice, Language::En);
            let parks: Vec<&Vec<String>> = table.rows.iter().filter(|row| row[0] == "park").collect();
            assert_eq!(parks.len(), data.markers.len(), "one row per marker");
            let alpha = parks.iter().find(|row| row[3] == "alpha").expect("alpha's marker");
            let columns = ["district_id", "in_filter", "lon", "lat", "measure", "value", "years", "qualifier"];
            let mut cells = columns.map(|name| cell(&table, alpha, name).to_owned()).to_vec();
            cells.push(cell(&table, alpha, "source_label").to_owned());
            cells
        };
        let s1 = dataset.source(&crate::model::SourceId::new("s1")).expect("s1");
        let label = source_line_label(s1, Language::En);
        let expected = ["east", "true", "116.4", "39.9", "total_income", "630", "2018", "preliminary", &label];
        assert_eq!(marker_cells(&all, &choice), expected);
        let filtered_out = marker_cells(&[ParkId::new("beta")], &choice);
        assert_eq!(filtered_out[1], "false", "drawn dimmed, exported as outside the filter");
        let equal = MapChoice { marker_metric: None, ..choice.clone() };
        let cells = marker_cells(&all, &equal);
        assert_eq!(cells[4..], ["", "", "", "", ""], "equal markers: no figure, no source");
        // A district's count of parks is the app's own: no source reported it.
        let data = MapData::new(&dataset, &all, &choice, Language::En, &[]);
        let table = map_rows(&dataset, &data, &choice, Language::En);
        let east = table.rows.iter().find(|row| row[0] == "district" && row[1] == "east").expect("east's row");
        let counted = ["measure", "value", "qualifier", "qualifier_label"].map(|name| cell(&table, east, name));
        assert_eq!(counted, ["park_count", "2", "", ""]);
        // What is measured, in words as well as its code.
        assert_eq!(cell(&table, east, "measure_label"), "Parks matching the filter");
        let alpha = table.rows.iter().find(|row| row[0] == "park" && row[3] == "alpha").expect("alpha's marker");
        assert_eq!(cell(&table, alpha, "measure_label"), "Total income");
        let zh = map_rows(&dataset, &MapData::new(&dataset, &all, &choice, Language::Zh, &[]), &choice, Language::Zh);
        let alpha = zh.rows.iter().find(|row| row[0] == "park" && row[3] == "alpha").expect("alpha's marker");
        assert_eq!(cell(&zh, alpha, "measure_label"), "总收入");
    }

    #[test]
    fn table_rows_carry_each_headline_figure_with_its_year_and_source() {
        let dataset = small_dataset();
        let shown = &dataset.view_metrics().table;
        let table = table_rows(&dataset, &[ParkId::new("beta")], shown, Language::En);
        assert_eq!(table.rows.len(), 3);
        let row = &table.rows[2];
        assert_eq!(cell(&table, row, "value"), "450");
        assert_eq!((cell(&table, row, "qualifier"), cell(&table, row, "qualifier_label")), ("at_least", "at least"));
        let zh = table_rows(&dataset, &[ParkId::new("beta")], shown, Language::Zh);
        assert_eq!(
            (cell(&zh, &zh.rows[2], "qualifier"), cell(&zh, &zh.rows[2], "qualifier_label")),
            ("at_least", "下限（超过）"),
            "codes never translate"
        );
        assert_eq!(cell(&table, row, "source"), "第二份报告");
        assert_eq!(cell(&table, &table.rows[1], "qualifier"), "no data", "beta has no income");
    }

    /// A park whose only figure of a metric is a forecast shows it, marked, as its brief does
    /// (the README's one rule); a park with an actual figure shows that, not its target.
    #[test]
    fn a_park_with_only_a_forecast_shows_it_marked_as_its_brief_does() {
        let text = crate::model::tests::SMALL_RON.replacen(
            "districts: [\"west\"],\n        ),",
            "districts: [\"west\"],\n            observations: [(metric: \"total_income\", value: 15, year: 2027, qualifier: Forecast, source: \"s1\")],\n        ),",
            1,
        );
        let dataset = crate::model::load_dataset(&text, "small.ron").expect("the edited fixture loads");
        let income = [MetricId::new("total_income")];
        let table = table_rows(&dataset, &[ParkId::new("gamma"), ParkId::new("alpha")], &income, Language::En);
        let shown = |row: usize| ["value", "year", "qualifier"].map(|name| cell(&table, &table.rows[row], name));
        assert_eq!(shown(0), ["15", "2027", "forecast"], "gamma: its forecast, not \"no data\"");
        assert_eq!(shown(1), ["630", "2018", "preliminary"], "alpha: its actual figure, not its target");
        let gamma = dataset.park(&ParkId::new("gamma")).expect("gamma");
        let briefed = dataset.latest_shown(gamma, &income[0]).expect("the brief's figure");
        assert_eq!((briefed.observation.value, briefed.observation.year), (15.0, 2027));
    }

    #[test]
    fn the_table_csv_has_the_columns_the_user_chose() {
        let dataset = small_dataset();
        let state = crate::state::AppState {
            table_metrics: Some(vec![MetricId::new("total_profit"), MetricId::new("planned_area")]),
            ..crate::state::AppState::default()
        };
        let parks = [ParkId::new("alpha"), ParkId::new("gamma")];
        let table = table_rows(&dataset, &parks, &state.table_metrics(&dataset), Language::En);
        let columns: Vec<(&str, &str)> =
            table.rows.iter().map(|row| (cell(&table, row, "park_id"), cell(&table, row, "metric"))).collect();
        let row_of = |park: &str, metric: &str| {
            table.rows.iter().find(|row| cell(&table, row, "park_id") == park && cell(&table, row, "metric") == metric)
        };
        let in_dataset_order = [("alpha", "Planned area"), ("alpha", "Total profit")];
        assert_eq!(columns[..2], in_dataset_order, "two parks, two columns each: {columns:?}");
        assert_eq!(columns.len(), 4, "two parks, two columns each: {columns:?}");
        assert!(row_of("alpha", "Total income").is_none(), "a column not shown is not exported");
        let profit = row_of("alpha", "Total profit").expect("the chosen profit column");
        assert_eq!((cell(&table, profit, "value"), cell(&table, profit, "note")), ("-2.5", "A loss."));
        let missing = row_of("gamma", "Planned area").expect("gamma's area");
        assert_eq!(cell(&table, missing, "qualifier"), "no data", "unknown stays no data, never zero");
        let none = table_rows(&dataset, &parks, &[], Language::En);
        assert!(none.rows.is_empty(), "no figure column, no figure row");
    }

    /// The table shows each park's other-language name, districts and leading industries
    /// beside its figures: its CSV, read back as a spreadsheet reads it, says them on every
    /// figure's row, in the export's language, with the table's words where a park names no
    /// leading industry.
    #[test]
    fn the_table_csv_carries_the_names_districts_and_industries_the_table_shows() {
        let mut dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("beta"), ParkId::new("gamma")];
        let metrics = [MetricId::new("planned_area"), MetricId::new("total_income")];
        let read_back = |dataset: &Dataset, language| {
            let bytes = to_csv(&table_rows(dataset, &parks, &metrics, language)).expect("csv");
            assert!(bytes.starts_with(UTF8_BOM), "marked UTF-8, for Excel on Windows");
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            let headers = reader.headers().expect("headers").clone();
            let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
            let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name}"));
            let names = ["park_id", "park", "park_other_name", "districts", "leading_industries", "metric"];
            rows.iter().map(|row| names.map(|name| row[column(name)].to_owned())).collect::<Vec<_>>()
        };
        let en = read_back(&dataset, Language::En);
        assert_eq!(en.len(), 6, "a row per park and figure column: {en:?}");
        assert_eq!(en[0], ["alpha", "Alpha Park", "甲园", "East", "Artificial intelligence", "Planned area"]);
        assert_eq!(en[1][..5], en[0][..5], "every figure's row says it");
        assert_eq!(en[2][..5], ["beta", "Beta Park", "乙园", "West, East", "Biomedicine"]);
        assert_eq!(en[4][4], "no data", "gamma lists no industries");
        let zh = read_back(&dataset, Language::Zh);
        assert_eq!(zh[0], ["alpha", "甲园", "Alpha Park", "东区", "人工智能", "规划面积"]);
        assert_eq!(zh[2][3], "西区、东区", "Chinese lists names with 、 as the table does");
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        alpha.industries.retain(|link| link.role == crate::model::Role::Emerging);
        assert_eq!(read_back(&dataset, Language::En)[0][4], "none named leading", "an emerging one is not leading");
    }

    /// A note starting with "+" would be a formula in Excel (`#NAME?`): the CSV marks it as
    /// text, and leaves a loss's value a number.
    #[test]
    fn a_note_a_spreadsheet_would_take_for_a_formula_is_written_as_text() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let loss = alpha.observations.iter_mut().find(|o| o.value < 0.0).expect("alpha's loss");
        loss.note = Some("+10.9% year on year.".to_owned());
        let metric = loss.metric.clone();
        let table = table_rows(&dataset, &[ParkId::new("alpha")], &[metric], Language::En);
        let csv = String::from_utf8(to_csv(&table).expect("csv")).expect("utf-8");
        assert!(csv.contains(",'+10.9% year on year.,"), "{csv}");
        assert!(csv.contains(",-2.5,"), "the value stays a number: {csv}");
    }

    /// An analyst who exports the ranked bars filters them by district in a spreadsheet: every
    /// row, a bar's or a "no data" park's, carries the park's other-language name, districts
    /// and leading industries, as the table's export writes them for the same park.
    #[test]
    fn the_bars_csv_carries_the_park_columns_of_the_table_csv() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("beta"), ParkId::new("gamma")];
        let choice = PlotChoice { metric: MetricId::new("planned_area"), ..PlotChoice::for_dataset(&dataset) };
        let data = PlotData::Bars(bar_series(&dataset, &parks, &choice));
        let park_columns = ["park_id", "park", "park_other_name", "districts", "leading_industries"];
        for language in [Language::En, Language::Zh] {
            let bars = plot_rows(&dataset, &data, &choice, language);
            let bytes = to_csv(&bars).expect("csv");
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            let headers = reader.headers().expect("headers").clone();
            let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
            let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name}"));
            // The parks' rows; the zone's benchmark, of no park, follows them.
            let read: Vec<[String; 5]> = rows
                .iter()
                .filter(|row| !row[column("park_id")].is_empty())
                .map(|row| park_columns.map(|name| row[column(name)].to_owned()))
                .collect();
            let table = table_rows(&dataset, &parks, std::slice::from_ref(&choice.metric), language);
            let in_table: Vec<[String; 5]> =
                table.rows.iter().map(|row| park_columns.map(|name| cell(&table, row, name).to_owned())).collect();
            assert_eq!(read, in_table, "alpha and beta's bars, then gamma's no data, each as the table says it");
        }
        let en = plot_rows(&dataset, &data, &choice, Language::En);
        let beta = en.rows.iter().find(|row| cell(&en, row, "park_id") == "beta").expect("beta's bar");
        assert_eq!(cell(&en, beta, "districts"), "West, East", "a park of two districts is found under either");
        assert_eq!(cell(&en, beta, "value"), "10", "the figure's columns follow");
    }

    /// A park's figures are listed as its line runs, whole years, parts of years and targets
    /// in the order of time, each row with the park's columns as the bars' export has them.
    #[test]
    fn time_series_rows_run_in_the_order_of_time_with_the_parks_columns() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("beta")];
        let choice = PlotChoice {
            kind: crate::state::PlotKind::TimeSeries,
            metric: MetricId::new("total_income"),
            ..PlotChoice::for_dataset(&dataset)
        };
        let data = PlotData::new(&dataset, &parks, &choice, Language::En);
        let table = plot_rows(&dataset, &data, &choice, Language::En);
        let rows: Vec<[&str; 4]> = table
            .rows
            .iter()
            .map(|row| ["park_id", "districts", "year", "qualifier"].map(|name| cell(&table, row, name)))
            .collect();
        // Alpha's whole years, its half year and its target, as the line runs; beta has none.
        assert_eq!(
            rows,
            [
                ["alpha", "East", "2016", "at_least"],
                ["alpha", "East", "2018", "preliminary"],
                ["alpha", "East", "2019", "reported"],
                ["alpha", "East", "2020", "target"],
                ["beta", "West, East", "", "no data"],
            ]
        );
    }

    /// A half year's income is not a year's, and a figure's caveat goes with it: the time
    /// series' rows say both, in the export's language.
    #[test]
    fn time_series_rows_say_a_part_of_a_year_and_carry_a_figures_note() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let row_of = |metric: &str, year: &str, language: Language| {
            let choice = PlotChoice { metric: MetricId::new(metric), ..PlotChoice::for_dataset(&dataset) };
            let (series, missing) = time_series(&dataset, &parks, &choice.metric);
            let table = plot_rows(
                &dataset,
                &PlotData::TimeSeries {
                    series,
                    missing,
                    hidden_projections: 0,
                    only_projected: std::collections::BTreeMap::default(),
                },
                &choice,
                language,
            );
            let row = table.rows.iter().find(|r| cell(&table, r, "year") == year).expect("a row of that year").clone();
            ["period", "period_label", "note"].map(|name| cell(&table, &row, name).to_owned())
        };
        assert_eq!(row_of("total_income", "2019", Language::En), ["h1", "H1", ""]);
        assert_eq!(
            row_of("total_income", "2019", Language::Zh),
            ["h1", "上半年", ""],
            "the code stays, the words translate"
        );
        assert_eq!(row_of("total_income", "2018", Language::En), ["", "", ""], "a whole year has no period");
        assert_eq!(row_of("total_profit", "2018", Language::En), ["", "", "A loss."]);
        assert_eq!(row_of("total_profit", "2018", Language::Zh), ["", "", "亏损。"]);
    }

    /// Alpha's preliminary income stays preliminary on the scatter's export; beta, which has
    /// ">450" firms but no income, is listed with its firms, still "at least", and "no data"
    /// for income.
    #[test]
    fn scatter_rows_keep_each_axis_qualifier_and_what_a_park_without_a_point_has() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("beta"), ParkId::new("gamma")];
        let choice = PlotChoice {
            x_metric: MetricId::new("total_income"),
            y_metric: MetricId::new("high_tech_enterprises"),
            size_metric: None,
            ..PlotChoice::for_dataset(&dataset)
        };
        let (points, missing) = scatter_points(&dataset, &parks, &choice);
        let table = plot_rows(&dataset, &PlotData::Scatter { points, missing }, &choice, Language::En);
        assert!(table.rows.iter().all(|row| row.len() == table.headers.len()));
        let row = |id: &str| table.rows.iter().find(|r| r[0] == id).expect("a row");
        let columns = ["x", "x_year", "x_qualifier", "y", "y_qualifier", "y_source", "size", "size_qualifier"];
        assert_eq!(
            columns.map(|name| cell(&table, row("alpha"), name)),
            ["630", "2018", "preliminary", "1382", "reported", "First report", "", ""]
        );
        assert_eq!(
            columns.map(|name| cell(&table, row("beta"), name)),
            ["", "", "no data", "450", "at_least", "第二份报告", "", ""]
        );
        assert_eq!(cell(&table, row("beta"), "x_metric"), "Total income", "named though it has no figure");
        // Each axis's source by label as the window cites it, with its address, and the
        // qualifier in words, as a figure's row has them.
        assert_eq!(cell(&table, row("alpha"), "y_source_label"), "Test Office 2019");
        assert_eq!(cell(&table, row("alpha"), "x_source_url"), "https://example.org/first");
        assert_eq!(cell(&table, row("beta"), "y_qualifier_label"), "at least");
        // The park's columns as the table's export has them, so the file filters by district.
        assert_eq!(cell(&table, row("beta"), "districts"), "West, East");
        assert_eq!(cell(&table, row("gamma"), "park_other_name"), "丙园", "a park without a point too");
    }

    /// A loss's note goes with it on the scatter's export, as on the bars'.
    #[test]
    fn scatter_rows_carry_each_axis_figures_note() {
        let dataset = small_dataset();
        let choice = PlotChoice {
            x_metric: MetricId::new("planned_area"),
            y_metric: MetricId::new("total_profit"),
            size_metric: None,
            ..PlotChoice::for_dataset(&dataset)
        };
        let (points, missing) = scatter_points(&dataset, &[ParkId::new("alpha")], &choice);
        let data = PlotData::Scatter { points, missing };
        let table = plot_rows(&dataset, &data, &choice, Language::Zh);
        assert_eq!(cell(&table, &table.rows[0], "y_note"), "亏损。");
        assert_eq!(cell(&table, &table.rows[0], "x_note"), "");
    }

    /// A divided bar's row gives the two figures it divides, each in its own unit in the
    /// export's language, so the quotient can be worked back; an undivided bar's leaves them empty.
    #[test]
    fn a_divided_bars_row_gives_the_figure_and_the_divisor_it_divides() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let mut choice = PlotChoice { metric: MetricId::new("total_income"), ..PlotChoice::for_dataset(&dataset) };
        let columns = ["value", "undivided_value", "undivided_unit", "divisor_value", "divisor_unit"];
        let row = |choice: &PlotChoice, language| {
            let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, choice)), choice, language);
            columns.map(|name| cell(&table, &table.rows[0], name).to_owned())
        };
        assert_eq!(row(&choice, Language::En), ["630", "", "", "", ""]);
        choice.divide_by = Some(MetricId::new("planned_area"));
        assert_eq!(row(&choice, Language::En), ["24.14", "630", "bn yuan", "26.1", "km²"]);
        assert_eq!(row(&choice, Language::Zh), ["241.4", "6300", "亿元", "26.1", "平方公里"]);
    }

    /// The matrix's export names each park and the source naming each role, as a reader of
    /// the file without the app needs them.
    #[test]
    fn matrix_rows_name_the_park_and_the_source_of_each_role() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("beta")];
        let mut choice = PlotChoice::for_dataset(&dataset);
        choice.kind = crate::state::PlotKind::Matrix;
        let data = PlotData::new(&dataset, &parks, &choice, Language::Zh);
        let table = plot_rows(&dataset, &data, &choice, Language::Zh);
        let rows: Vec<[&str; 5]> = table
            .rows
            .iter()
            .map(|row| {
                ["park", "industry", "role_label", "source_label", "source_url"].map(|name| cell(&table, row, name))
            })
            .collect();
        assert!(
            rows.contains(&[
                "甲园",
                "人工智能",
                crate::i18n::role_name(Language::Zh, crate::model::Role::Leading),
                "测试局 2019",
                "https://example.org/first"
            ]),
            "{rows:?}"
        );
        assert!(
            rows.contains(&[
                "乙园",
                "生物医药",
                crate::i18n::role_name(Language::Zh, crate::model::Role::Leading),
                "测试办公室",
                ""
            ]),
            "{rows:?}"
        );
    }

    /// A point's figure another source states otherwise keeps the other value beside it in the
    /// scatter's export, as in its tooltip.
    #[test]
    fn scatter_rows_list_what_is_also_stated_for_each_axis() {
        let mut dataset = small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let own = alpha.observations.iter().find(|o| o.metric.as_str() == "planned_area").cloned().expect("an area");
        alpha.observations.insert(0, Observation { value: 25.0, ..own });
        let parks = [ParkId::new("alpha")];
        let choice = PlotChoice {
            x_metric: MetricId::new("planned_area"),
            y_metric: MetricId::new("high_tech_enterprises"),
            size_metric: None,
            ..PlotChoice::for_dataset(&dataset)
        };
        let (points, missing) = scatter_points(&dataset, &parks, &choice);
        let table = plot_rows(&dataset, &PlotData::Scatter { points, missing }, &choice, Language::En);
        assert_eq!(cell(&table, &table.rows[0], "x_also_stated"), "25 km² · Test Office 2019, “First report”");
        assert_eq!(cell(&table, &table.rows[0], "y_also_stated"), "");
    }
}
