//! Adding a table's figures to a dataset: each row checked by the rules of RON observations,
//! reported at its cell, and sorted into new figures, repeats and conflicts.

use super::{Column, FigureTable, TableFigure, Target};
use crate::model::validate::check_observation;
use crate::model::{Dataset, LoadErrors, Observation, Problem};

/// What a table's row does to the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    /// A figure the dataset did not have.
    Added,
    /// The same figure (park, metric, year, period, value) the dataset already has: not added
    /// twice.
    Repeats,
    /// Another value for a park, metric, year and period the dataset already has: both are
    /// kept, each with its source.
    Conflicts,
}

/// What merging tables did, for the preview and for `check`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// Each table's file with the outcome of each of its figure rows, in file order.
    pub rows: Vec<(String, Vec<RowOutcome>)>,
    /// Descriptive cells (names, unit, title) that disagree with the ids, each with its place:
    /// the figure is read by its ids all the same.
    pub warnings: Vec<String>,
    /// Each conflicting row in words, with its place: "figures.csv: line 3, column 1: Alpha
    /// Park, Planned area 2012: 27 in the table, 26.1 in the dataset".
    pub conflicts: Vec<String>,
}

impl MergeReport {
    /// How many rows of all tables had `outcome`.
    pub fn count(&self, outcome: RowOutcome) -> usize {
        self.rows.iter().flat_map(|(_, rows)| rows).filter(|r| **r == outcome).count()
    }
}

impl Dataset {
    /// The dataset with the figures and sources of `tables` added, or the problems of the first
    /// table that has any (each at its cell). A table with a problem adds nothing, so the
    /// figures already there are never lost to a broken table.
    pub fn with_tables(mut self, tables: &[FigureTable]) -> Result<(Self, MergeReport), LoadErrors> {
        let mut report = MergeReport::default();
        for table in tables {
            let fail = |problems| LoadErrors { file: table.file.clone(), problems };
            if !table.problems.is_empty() {
                return Err(fail(table.problems.clone()));
            }
            let problems = table_problems(&self, table, &mut report.warnings);
            if !problems.is_empty() {
                return Err(fail(problems));
            }
            self.sources.extend(table.sources.iter().cloned());
            let mut outcomes = Vec::with_capacity(table.figures.len());
            for figure in &table.figures {
                let before = self.slot_values(figure);
                let outcome = self.add(figure);
                if outcome == RowOutcome::Conflicts {
                    report.conflicts.push(self.describe_conflict(table, figure, &before));
                }
                outcomes.push(outcome);
            }
            report.rows.push((table.file.clone(), outcomes));
        }
        self.build_index();
        Ok((self, report))
    }

    /// The values the dataset holds for `figure`'s park (or zone), metric, year and period.
    fn slot_values(&self, figure: &TableFigure) -> Vec<f64> {
        let observations = match &figure.target {
            Target::Park(id) => self.parks.iter().find(|p| &p.id == id).map(|p| p.observations.as_slice()),
            Target::Zone => self.zone.as_ref().map(|z| z.observations.as_slice()),
        };
        let new = &figure.observation;
        observations
            .unwrap_or_default()
            .iter()
            .filter(|o| o.metric == new.metric && o.year == new.year && o.period == new.period)
            .map(|o| o.value)
            .collect()
    }

    /// A conflicting row in words: where, whose figure, and both values.
    fn describe_conflict(&self, table: &FigureTable, figure: &TableFigure, before: &[f64]) -> String {
        let whose = match &figure.target {
            Target::Park(id) => {
                self.parks.iter().find(|p| &p.id == id).map_or_else(|| id.to_string(), |p| p.name.en.clone())
            }
            Target::Zone => self.zone.as_ref().map_or_else(String::new, |z| z.name.en.clone()),
        };
        let obs = &figure.observation;
        let metric = self
            .metrics
            .iter()
            .find(|m| m.id == obs.metric)
            .map_or_else(|| obs.metric.to_string(), |m| m.name.en.clone());
        let period = obs.period.map(|p| format!(" {}", p.code())).unwrap_or_default();
        let held: Vec<String> = before.iter().map(ToString::to_string).collect();
        format!(
            "{}: {}: {whose}, {metric} {}{period}: {} in the table, {} in the dataset",
            table.file,
            figure.at,
            obs.year,
            obs.value,
            held.join(" and ")
        )
    }

    /// Adds one checked figure unless the dataset has it already.
    fn add(&mut self, figure: &TableFigure) -> RowOutcome {
        let observations = match &figure.target {
            Target::Park(id) => match self.parks.iter_mut().find(|p| &p.id == id) {
                Some(park) => &mut park.observations,
                None => return RowOutcome::Added,
            },
            Target::Zone => match &mut self.zone {
                Some(zone) => &mut zone.observations,
                None => return RowOutcome::Added,
            },
        };
        let new = &figure.observation;
        let same_slot = |o: &&Observation| o.metric == new.metric && o.year == new.year && o.period == new.period;
        let existing: Vec<&Observation> = observations.iter().filter(same_slot).collect();
        // The same number as written in both places: an exact comparison is what "repeats" means.
        let same = |o: &&&Observation| o.value.to_bits() == new.value.to_bits() && o.qualifier == new.qualifier;
        let outcome = if existing.iter().any(|o| same(&o)) {
            return RowOutcome::Repeats;
        } else if existing.is_empty() {
            RowOutcome::Added
        } else {
            RowOutcome::Conflicts
        };
        observations.push(new.clone());
        outcome
    }
}

/// Every reason `table` cannot be added to `dataset`, at its cells; descriptive cells that
/// disagree with the ids go to `warnings`.
fn table_problems(dataset: &Dataset, table: &FigureTable, warnings: &mut Vec<String>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for source in &table.sources {
        if dataset.sources.iter().any(|s| s.id == source.id) {
            problems.push(Problem::Invalid {
                path: format!("source \"{}\"", source.id),
                message: "the dataset already has a source with this id: give the table's source another id".to_owned(),
            });
        }
    }
    for figure in &table.figures {
        let at = figure.at.to_string();
        match &figure.target {
            Target::Park(id) if !dataset.parks.iter().any(|p| &p.id == id) => {
                let path = figure.at.clone().with_column(Column::ParkId).to_string();
                problems.push(Problem::Invalid { path, message: format!("unknown park \"{id}\"") });
                continue;
            }
            Target::Zone if dataset.zone.is_none() => {
                problems.push(Problem::Invalid {
                    path: at,
                    message: "a zone figure, but the dataset has no zone".to_owned(),
                });
                continue;
            }
            Target::Park(_) | Target::Zone => {}
        }
        problems.extend(check_observation(dataset, &table.sources, &at, &figure.observation));
        let metric = dataset.metrics.iter().find(|m| m.id == figure.observation.metric);
        if figure.percent
            && let Some(metric) = metric
            && metric.unit.en.trim() != "%"
        {
            problems.push(Problem::Invalid {
                path: figure.at.clone().with_column(Column::Value).to_string(),
                message: format!(
                    "a percentage, but metric \"{}\" is measured in {}: write the value in that unit",
                    metric.id, metric.unit.en
                ),
            });
        }
        warnings.extend(described_mismatches(dataset, table, figure));
    }
    problems
}

/// The descriptive cells of `figure` that disagree with what its ids name.
fn described_mismatches(dataset: &Dataset, table: &FigureTable, figure: &TableFigure) -> Vec<String> {
    let park = match &figure.target {
        Target::Park(id) => dataset.parks.iter().find(|p| &p.id == id).map(|p| &p.name),
        Target::Zone => dataset.zone.as_ref().map(|z| &z.name),
    };
    let obs = &figure.observation;
    let metric = dataset.metrics.iter().find(|m| m.id == obs.metric);
    let source = dataset.sources.iter().chain(&table.sources).find(|s| s.id == obs.source);
    let mut warnings = Vec::new();
    for (column, at, written) in &figure.described {
        let expected = match column {
            Column::ParkNameEn => park.map(|n| n.en.clone()),
            Column::ParkNameZh => park.map(|n| n.zh.clone()),
            Column::MetricName => metric.map(|m| m.name.en.clone()),
            Column::Unit => metric.map(|m| m.unit.en.clone()),
            Column::SourceTitle => source.map(|s| s.title.clone()),
            Column::SourceUrl => source.map(|s| s.url.clone().unwrap_or_default()),
            // The qualifier's words are the UI's, which the model does not know; the code rules.
            _ => None,
        };
        if let Some(expected) = expected
            && expected.trim() != written.trim()
        {
            warnings.push(format!(
                "{}: {at}: says \"{written}\" but the ids name \"{expected}\"; the ids are used",
                table.file
            ));
        }
    }
    warnings
}
