//! The rows behind what a view shows, for "Export CSV": exactly the parks, years, qualifiers and
//! sources on screen, plus the "no data" rows the view lists, with the dataset's stored values
//! and units (a language may show a figure in a unit of its own, 亿元 for 十亿元; an export
//! keeps the dataset's).

use crate::i18n::qualifier_name;
use crate::model::{Dataset, Language, MetricId, ParkId, divided_unit};
use crate::state::map::MapData;
use crate::state::series::{BarSeries, IndustryMatrix, PlotChoice, PlotData, Reading, ScatterPoint};

/// A table: column names and rows of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Column names.
    pub headers: Vec<&'static str>,
    /// One row per value shown.
    pub rows: Vec<Vec<String>>,
}

/// The columns of a figure. `qualifier` is a stable code (`at_least`, see
/// [`Qualifier::code`](crate::model::Qualifier::code)) and `qualifier_label` the same in the UI
/// language; `divided_by` is the metric id of a divided value's divisor (its `unit` is then the
/// divided unit, "bn yuan per km²") and is empty for values as stated.
const FIGURE_COLUMNS: [&str; 10] =
    ["park_id", "park", "metric", "value", "unit", "year", "qualifier", "source", "divided_by", "qualifier_label"];

/// The columns of a scatter point: each axis's value with its year.
const SCATTER_COLUMNS: [&str; 8] = ["park_id", "park", "x", "x_year", "y", "y_year", "size", "size_year"];

/// The columns of a matrix cell.
/// `role` is a stable code ([`Role::code`](crate::model::Role::code)), `role_label` the same in
/// the UI language.
const MATRIX_COLUMNS: [&str; 5] = ["park_id", "industry_id", "industry", "role", "role_label"];

/// What the cell says for a park without the figure.
const NO_DATA: &str = "no data";

/// A park's name in `language`, empty for an unknown id.
fn park_name(dataset: &Dataset, park: &ParkId, language: Language) -> String {
    dataset.park(park).map(|p| p.name.get(language).to_owned()).unwrap_or_default()
}

/// A row of [`FIGURE_COLUMNS`]: `reading` with its source's title and address, or "no data".
fn figure_row(
    dataset: &Dataset,
    park: &ParkId,
    metric: &MetricId,
    reading: Option<&Reading>,
    language: Language,
) -> Vec<String> {
    // The stored unit, not the one the language writes figures in on screen: an export's values
    // are the dataset's own.
    let (metric_name, unit) = dataset
        .metric(metric)
        .map(|m| (m.name.get(language).to_owned(), m.unit.get(language).to_owned()))
        .unwrap_or_default();
    let mut row = vec![
        park.to_string(),
        park_name(dataset, park, language),
        metric_name,
        String::new(),
        unit,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ];
    match reading {
        Some(reading) => {
            row[3] = reading.value.to_string();
            row[5] = reading.year.to_string();
            reading.qualifier.code().clone_into(&mut row[6]);
            qualifier_name(language, reading.qualifier).clone_into(&mut row[9]);
            row[7] = dataset
                .source(&reading.source)
                .map(|s| format!("{} ({})", s.title, s.url.as_deref().unwrap_or("no URL")))
                .unwrap_or_default();
        }
        None => NO_DATA.clone_into(&mut row[6]),
    }
    row
}

/// The table view: each listed park's figure columns, in table order.
pub fn table_rows(dataset: &Dataset, visible: &[ParkId], language: Language) -> Table {
    let mut rows = Vec::new();
    for id in visible {
        let Some(park) = dataset.park(id) else { continue };
        for metric in &dataset.view_metrics().table {
            let reading = dataset.latest(park, metric).map(Reading::from);
            rows.push(figure_row(dataset, id, metric, reading.as_ref(), language));
        }
    }
    Table { headers: FIGURE_COLUMNS.to_vec(), rows }
}

/// The plot shown: bars (and their "no data" parks), time-series points, scatter points, or
/// the matrix's roles.
pub fn plot_rows(dataset: &Dataset, data: &PlotData, choice: &PlotChoice, language: Language) -> Table {
    match data {
        PlotData::Bars(series) => bar_rows(dataset, series, choice, language),
        PlotData::TimeSeries { series, missing } => {
            let metric = &choice.metric;
            let mut rows: Vec<Vec<String>> = series
                .iter()
                .flat_map(|s| s.points().map(move |p| (&s.park, p)))
                .map(|(park, p)| figure_row(dataset, park, metric, Some(&p.reading()), language))
                .collect();
            rows.extend(missing.iter().map(|park| figure_row(dataset, park, metric, None, language)));
            Table { headers: FIGURE_COLUMNS.to_vec(), rows }
        }
        PlotData::Scatter { points, missing } => scatter_rows(dataset, points, missing, language),
        PlotData::Matrix(matrix) => matrix_rows(dataset, matrix, language),
    }
}

/// Each bar with every source it rests on, then the parks without a value.
fn bar_rows(dataset: &Dataset, series: &BarSeries, choice: &PlotChoice, language: Language) -> Table {
    let metric = &choice.metric;
    let divided =
        choice.divided(dataset).map(|(numerator, divisor)| (divided_unit(numerator, divisor, language), &divisor.id));
    let mut rows: Vec<Vec<String>> = series
        .bars
        .iter()
        .map(|bar| {
            let mut row = figure_row(dataset, &bar.park, metric, None, language);
            row[3] = bar.value.to_string();
            row[5] = bar.year.to_string();
            bar.qualifier.code().clone_into(&mut row[6]);
            qualifier_name(language, bar.qualifier).clone_into(&mut row[9]);
            row[7] = bar
                .sources
                .iter()
                .filter_map(|s| dataset.source(s))
                .map(|s| s.title.clone())
                .collect::<Vec<_>>()
                .join("; ");
            if let Some((unit, divisor)) = &divided {
                (row[4], row[8]) = (unit.clone(), divisor.to_string());
            }
            row
        })
        .collect();
    rows.extend(series.missing.iter().map(|park| figure_row(dataset, park, metric, None, language)));
    Table { headers: FIGURE_COLUMNS.to_vec(), rows }
}

/// Each point's values with their years, then the parks lacking an axis.
fn scatter_rows(dataset: &Dataset, points: &[ScatterPoint], missing: &[ParkId], language: Language) -> Table {
    let value_and_year = |reading: Option<&Reading>| {
        reading.map_or((String::new(), String::new()), |r| (r.value.to_string(), r.year.to_string()))
    };
    let mut rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            let (x, x_year) = value_and_year(Some(&p.x));
            let (y, y_year) = value_and_year(Some(&p.y));
            let (size, size_year) = value_and_year(p.size.as_ref());
            vec![p.park.to_string(), park_name(dataset, &p.park, language), x, x_year, y, y_year, size, size_year]
        })
        .collect();
    rows.extend(missing.iter().map(|park| {
        let mut row = vec![String::new(); SCATTER_COLUMNS.len()];
        row[0] = park.to_string();
        row[1] = park_name(dataset, park, language);
        NO_DATA.clone_into(&mut row[2]);
        row
    }));
    Table { headers: SCATTER_COLUMNS.to_vec(), rows }
}

/// One row per filled cell: a park, an industry and the role it plays there.
fn matrix_rows(dataset: &Dataset, matrix: &IndustryMatrix, language: Language) -> Table {
    let mut rows = Vec::new();
    for (park, cells) in matrix.parks.iter().zip(&matrix.cells) {
        for (industry, role) in matrix.industries.iter().zip(cells) {
            if let Some(role) = role {
                let name = dataset.industry(industry).map(|i| i.name.get(language).to_owned()).unwrap_or_default();
                let label = crate::i18n::role_name(language, *role).to_owned();
                rows.push(vec![park.to_string(), industry.to_string(), name, role.code().to_owned(), label]);
            }
        }
    }
    Table { headers: MATRIX_COLUMNS.to_vec(), rows }
}

/// The map: each district's value ("no data" where there is none), and for a sum the years of
/// its figures and how it can be stated (a sum with a ">400" in it is "at least").
pub fn map_rows(dataset: &Dataset, data: &MapData, language: Language) -> Table {
    let rows = data
        .districts
        .iter()
        .map(|reading| {
            let id = &reading.district;
            let name = dataset.district(id).map(|d| d.name.get(language).to_owned()).unwrap_or_default();
            let value = reading.value.map_or_else(|| NO_DATA.to_owned(), |v| v.to_string());
            let years = match reading.basis {
                Some(basis) if basis.first_year == basis.last_year => basis.last_year.to_string(),
                Some(basis) => format!("{}-{}", basis.first_year, basis.last_year),
                None => String::new(),
            };
            let (qualifier, label) = match reading.value {
                Some(_) => {
                    (reading.qualifier().code().to_owned(), qualifier_name(language, reading.qualifier()).to_owned())
                }
                None => (String::new(), String::new()),
            };
            vec![id.to_string(), name, value, years, qualifier, label]
        })
        .collect();
    Table { headers: vec!["district_id", "district", "value", "years", "qualifier", "qualifier_label"], rows }
}

/// The table as CSV text.
pub fn to_csv(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&table.headers)?;
    for row in &table.rows {
        writer.write_record(row)?;
    }
    writer.into_inner().map_err(|err| csv::Error::from(err.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::state::series::bar_series;

    #[test]
    fn bar_rows_match_the_bars_and_list_missing_parks() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha"), ParkId::new("beta"), ParkId::new("gamma")];
        let choice = PlotChoice { metric: MetricId::new("planned_area"), ..PlotChoice::for_dataset(&dataset) };
        let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        let summary: Vec<(&str, &str, &str)> =
            table.rows.iter().map(|r| (r[0].as_str(), r[3].as_str(), r[6].as_str())).collect();
        assert_eq!(summary, [("alpha", "26.1", "reported"), ("beta", "10", "reported"), ("gamma", "", "no data")]);
        let csv = String::from_utf8(to_csv(&table).expect("csv")).expect("utf-8");
        assert!(csv.starts_with("park_id,park,metric,value,unit,year,qualifier,source,divided_by,qualifier_label\n"));
        assert_eq!(csv.lines().count(), 4);
    }

    /// The Chinese screen writes Alpha's income as 6,300 亿元; its export keeps the dataset's 630
    /// 十亿元, a value and a unit that belong together.
    #[test]
    fn an_export_keeps_the_stored_value_and_unit_where_the_screen_shows_another() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let choice = PlotChoice { metric: MetricId::new("total_income"), ..PlotChoice::for_dataset(&dataset) };
        let data = PlotData::Bars(bar_series(&dataset, &parks, &choice));
        let zh = plot_rows(&dataset, &data, &choice, Language::Zh);
        assert_eq!((zh.rows[0][3].as_str(), zh.rows[0][4].as_str()), ("630", "十亿元"));
    }

    #[test]
    fn normalised_bars_name_their_divisor() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let choice = PlotChoice {
            metric: MetricId::new("high_tech_enterprises"),
            divide_by: Some(MetricId::new("planned_area")),
            ..PlotChoice::for_dataset(&dataset)
        };
        let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        assert_eq!((table.rows[0][4].as_str(), table.rows[0][8].as_str()), ("count per km²", "planned_area"));
        let zh = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::Zh);
        assert_eq!(
            (zh.rows[0][4].as_str(), zh.rows[0][8].as_str()),
            ("家/平方公里", "planned_area"),
            "ids never translate"
        );
    }

    #[test]
    fn table_rows_carry_each_headline_figure_with_its_year_and_source() {
        let dataset = small_dataset();
        let table = table_rows(&dataset, &[ParkId::new("beta")], Language::En);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[2][3], "450");
        assert_eq!((table.rows[2][6].as_str(), table.rows[2][9].as_str()), ("at_least", "at least"));
        let zh = table_rows(&dataset, &[ParkId::new("beta")], Language::Zh);
        assert_eq!(
            (zh.rows[2][6].as_str(), zh.rows[2][9].as_str()),
            ("at_least", "下限（超过）"),
            "codes never translate"
        );
        assert!(table.rows[2][7].contains("第二份报告"));
        assert_eq!(table.rows[1][6], "no data", "beta has no income");
    }
}
