//! The rows behind what a view shows, for "Export CSV": exactly the parks, values, years, units,
//! qualifiers and sources on screen, plus the "no data" rows the view lists.

use crate::model::{Dataset, Language, MetricId, ParkId};
use crate::state::map::MapData;
use crate::state::series::{Normalisation, PlotChoice, PlotData, Reading};
use crate::state::{AREA_METRIC, ENTERPRISES_METRIC, INCOME_METRIC};

/// A table: column names and rows of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Column names.
    pub headers: Vec<&'static str>,
    /// One row per value shown.
    pub rows: Vec<Vec<String>>,
}

/// The columns of a figure.
/// The columns of a figure. `divided_by` names the divisor of a normalised value (whose unit is
/// then `unit` per that divisor); it is empty for values as stated.
const FIGURE_COLUMNS: [&str; 9] =
    ["park_id", "park", "metric", "value", "unit", "year", "qualifier", "source", "divided_by"];

fn figure_row(
    dataset: &Dataset,
    park: &ParkId,
    metric: &MetricId,
    reading: Option<&Reading>,
    language: Language,
) -> Vec<String> {
    let park_name = dataset.park(park).map(|p| p.name.get(language).to_owned()).unwrap_or_default();
    let (metric_name, unit) = dataset
        .metric(metric)
        .map(|m| (m.name.get(language).to_owned(), m.unit.get(language).to_owned()))
        .unwrap_or_default();
    let mut row = vec![
        park.to_string(),
        park_name,
        metric_name,
        String::new(),
        unit,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ];
    match reading {
        Some(reading) => {
            row[3] = reading.value.to_string();
            row[5] = reading.year.to_string();
            row[6] = format!("{:?}", reading.qualifier);
            row[7] = dataset
                .source(&reading.source)
                .map(|s| format!("{} ({})", s.title, s.url.as_deref().unwrap_or("no URL")))
                .unwrap_or_default();
        }
        None => "no data".clone_into(&mut row[6]),
    }
    row
}

/// The table view: each listed park's three headline figures, in table order.
pub fn table_rows(dataset: &Dataset, visible: &[ParkId], language: Language) -> Table {
    let mut rows = Vec::new();
    for id in visible {
        let Some(park) = dataset.park(id) else { continue };
        for metric in [AREA_METRIC, INCOME_METRIC, ENTERPRISES_METRIC].map(MetricId::new) {
            let reading = dataset.latest(park, &metric).map(Reading::from);
            rows.push(figure_row(dataset, id, &metric, reading.as_ref(), language));
        }
    }
    Table { headers: FIGURE_COLUMNS.to_vec(), rows }
}

/// The plot shown: bars (and their "no data" parks), time-series points, scatter points, or
/// the matrix's roles.
pub fn plot_rows(dataset: &Dataset, data: &PlotData, choice: &PlotChoice, language: Language) -> Table {
    let metric = &choice.metric;
    let divided_by = match choice.normalisation {
        Normalisation::Absolute => "",
        Normalisation::PerKm2 => "km² of planned area",
        Normalisation::PerEnterprise => "high-tech enterprise",
    };
    match data {
        PlotData::Bars(series) => {
            let mut rows: Vec<Vec<String>> = series
                .bars
                .iter()
                .map(|bar| {
                    let mut row = figure_row(dataset, &bar.park, metric, None, language);
                    row[3] = bar.value.to_string();
                    row[5] = bar.year.to_string();
                    row[6] = format!("{:?}", bar.qualifier);
                    row[7] = bar
                        .sources
                        .iter()
                        .filter_map(|s| dataset.source(s))
                        .map(|s| s.title.clone())
                        .collect::<Vec<_>>()
                        .join("; ");
                    divided_by.clone_into(&mut row[8]);
                    row
                })
                .collect();
            rows.extend(series.missing.iter().map(|park| figure_row(dataset, park, metric, None, language)));
            Table { headers: FIGURE_COLUMNS.to_vec(), rows }
        }
        PlotData::TimeSeries { series, missing } => {
            let mut rows: Vec<Vec<String>> = series
                .iter()
                .flat_map(|s| s.points().map(move |p| (&s.park, p)))
                .map(|(park, p)| figure_row(dataset, park, metric, Some(&p.reading()), language))
                .collect();
            rows.extend(missing.iter().map(|park| figure_row(dataset, park, metric, None, language)));
            Table { headers: FIGURE_COLUMNS.to_vec(), rows }
        }
        PlotData::Scatter { points, missing } => {
            let headers = vec!["park_id", "park", "x", "x_year", "y", "y_year", "size", "size_year"];
            let mut rows: Vec<Vec<String>> = points
                .iter()
                .map(|p| {
                    let name = dataset.park(&p.park).map(|park| park.name.get(language).to_owned()).unwrap_or_default();
                    let (size, size_year) = p
                        .size
                        .as_ref()
                        .map_or((String::new(), String::new()), |size| (size.value.to_string(), size.year.to_string()));
                    vec![
                        p.park.to_string(),
                        name,
                        p.x.value.to_string(),
                        p.x.year.to_string(),
                        p.y.value.to_string(),
                        p.y.year.to_string(),
                        size,
                        size_year,
                    ]
                })
                .collect();
            rows.extend(missing.iter().map(|park| {
                let name = dataset.park(park).map(|p| p.name.get(language).to_owned()).unwrap_or_default();
                vec![
                    park.to_string(),
                    name,
                    "no data".to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            }));
            Table { headers, rows }
        }
        PlotData::Matrix(matrix) => {
            let mut rows = Vec::new();
            for (park, cells) in matrix.parks.iter().zip(&matrix.cells) {
                for (industry, role) in matrix.industries.iter().zip(cells) {
                    if let Some(role) = role {
                        let name =
                            dataset.industry(industry).map(|i| i.name.get(language).to_owned()).unwrap_or_default();
                        rows.push(vec![park.to_string(), industry.to_string(), name, format!("{role:?}")]);
                    }
                }
            }
            Table { headers: vec!["park_id", "industry_id", "industry", "role"], rows }
        }
    }
}

/// The map: each district's value ("no data" where there is none).
pub fn map_rows(dataset: &Dataset, data: &MapData, language: Language) -> Table {
    let rows = data
        .district_values
        .iter()
        .map(|(id, value)| {
            let name = dataset.district(id).map(|d| d.name.get(language).to_owned()).unwrap_or_default();
            vec![id.to_string(), name, value.map_or_else(|| "no data".to_owned(), |v| v.to_string())]
        })
        .collect();
    Table { headers: vec!["district_id", "district", "value"], rows }
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
        let choice = PlotChoice { metric: MetricId::new("planned_area"), ..PlotChoice::default() };
        let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        let summary: Vec<(&str, &str, &str)> =
            table.rows.iter().map(|r| (r[0].as_str(), r[3].as_str(), r[6].as_str())).collect();
        assert_eq!(summary, [("alpha", "26.1", "Reported"), ("beta", "10", "Reported"), ("gamma", "", "no data")]);
        let csv = String::from_utf8(to_csv(&table).expect("csv")).expect("utf-8");
        assert!(csv.starts_with("park_id,park,metric,value,unit,year,qualifier,source,divided_by\n"));
        assert_eq!(csv.lines().count(), 4);
    }

    #[test]
    fn normalised_bars_name_their_divisor() {
        let dataset = small_dataset();
        let parks = [ParkId::new("alpha")];
        let choice = PlotChoice {
            metric: MetricId::new("high_tech_enterprises"),
            normalisation: Normalisation::PerKm2,
            ..PlotChoice::default()
        };
        let table = plot_rows(&dataset, &PlotData::Bars(bar_series(&dataset, &parks, &choice)), &choice, Language::En);
        assert_eq!((table.rows[0][4].as_str(), table.rows[0][8].as_str()), ("count", "km² of planned area"));
    }

    #[test]
    fn table_rows_carry_each_headline_figure_with_its_year_and_source() {
        let dataset = small_dataset();
        let table = table_rows(&dataset, &[ParkId::new("beta")], Language::En);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[2][3], "450");
        assert_eq!(table.rows[2][6], "AtLeast");
        assert!(table.rows[2][7].contains("第二份报告"));
        assert_eq!(table.rows[1][6], "no data", "beta has no income");
    }
}
