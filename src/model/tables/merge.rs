//! Adding a table's figures to a dataset: each row checked by the rules of RON observations,
//! reported at its cell, and sorted into new figures, repeats and conflicts.

use super::{Column, FigureTable, TableFigure, Target};
use std::collections::HashMap;

use crate::model::validate::ObservationRules;
use crate::model::{Dataset, Language, LoadErrors, MetricId, Observation, Period, Problem, Source, Text, message};

/// What a table's row does to the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    /// A figure the dataset did not have (it may have the same value from another source, which
    /// is kept beside it).
    Added,
    /// The same figure (park, metric, year, period, value, qualifier) from the same source, which
    /// the dataset already has: not added twice.
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
    /// Descriptive cells (names, unit, title) that disagree with the ids, and conflicting values
    /// that look written in a window's unit rather than the stored one, each with its place:
    /// the figure is read by its ids and value all the same. In both languages.
    pub warnings: Vec<Text>,
    /// Each conflicting row in words, with its file and place: "figures.xlsx: Sheet1!A5: Alpha
    /// Park, Planned area 2012: 27 in the table, 26.1 in the dataset". In both languages.
    pub conflicts: Vec<Text>,
    /// The tables read as GB18030, not being UTF-8 ([`FigureTable::read_as_gb18030`]).
    pub read_as_gb18030: Vec<String>,
    /// How many sources the tables add to the dataset's (a table of sources adds no row).
    pub sources_added: usize,
}

impl MergeReport {
    /// How many rows of all tables had `outcome`.
    pub fn count(&self, outcome: RowOutcome) -> usize {
        self.rows.iter().flat_map(|(_, rows)| rows).filter(|r| **r == outcome).count()
    }
}

impl Dataset {
    /// The dataset with the figures and sources of `tables` added, or the problems of the first
    /// table that has any (each at its cell: first the cells that could not be read, then the
    /// rows that break a rule of the dataset). A table with a problem adds nothing, so the
    /// figures already there are never lost to a broken table.
    pub fn with_tables(mut self, tables: &[FigureTable]) -> Result<(Self, MergeReport), LoadErrors> {
        let mut report = MergeReport::default();
        // The lookups below must hold the lists as they are, whoever changed them.
        self.build_index();
        for table in tables {
            let fail = |problems| LoadErrors { file: table.file.clone(), problems };
            if table.problems.iter().any(|p| matches!(p, Problem::Unreadable { .. })) {
                return Err(fail(table.problems.clone()));
            }
            // Cells that could not be read first, then the rows that could but break a rule:
            // every problem at once, so a user fixes them in one go.
            let problems = table_problems(&self, table, &mut report.warnings);
            if !table.problems.is_empty() || !problems.is_empty() {
                return Err(fail(table.problems.iter().cloned().chain(problems).collect()));
            }
            // A source the dataset has already (the export's sheet of sources lists them all) is
            // not added twice; `table_problems` has checked that it is the same source.
            let new_sources: Vec<_> = table
                .sources
                .iter()
                .filter(|s| !self.sources.iter().any(|d| d.id == s.id))
                .map(|s| Source { added_by_table: Some(table.file.clone()), ..s.clone() })
                .collect();
            report.sources_added += new_sources.len();
            self.sources.extend(new_sources);
            let mut slots = Slots::of(&self);
            let mut outcomes = Vec::with_capacity(table.figures.len());
            for figure in &table.figures {
                let (outcome, before) = self.add(figure, &mut slots);
                if outcome == RowOutcome::Conflicts {
                    report.conflicts.push(self.describe_conflict(table, figure, &before));
                    report.warnings.extend(self.in_a_shown_unit(table, figure, &before));
                }
                outcomes.push(outcome);
            }
            report.rows.push((table.file.clone(), outcomes));
            if table.read_as_gb18030 {
                report.read_as_gb18030.push(table.file.clone());
            }
            // The next table may cite this one's sources.
            self.build_index();
        }
        Ok((self, report))
    }

    /// A conflicting row in words: where, whose figure, and both values.
    fn describe_conflict(&self, table: &FigureTable, figure: &TableFigure, before: &[f64]) -> Text {
        let obs = &figure.observation;
        let held: Vec<String> = before.iter().map(ToString::to_string).collect();
        let place = self.row_place(table, figure);
        message(
            format!("{}: {} in the table, {} in the dataset", place.en, obs.value, held.join(" and ")),
            format!("{}：表格中为 {}，数据集中为 {}", place.zh, obs.value, held.join("、")),
        )
    }

    /// Where a row is and whose figure it gives: "figures.csv: line 3, column 1: Alpha Park,
    /// Planned area 2012".
    fn row_place(&self, table: &FigureTable, figure: &TableFigure) -> Text {
        let obs = &figure.observation;
        let period = obs.period.map(|p| format!(" {}", p.code())).unwrap_or_default();
        let in_language = |language: Language| {
            let whose = match &figure.target {
                Target::Park(id) => self.park(id).map_or_else(|| id.to_string(), |p| p.name.get(language).to_owned()),
                Target::Zone => self.zone.as_ref().map_or_else(String::new, |z| z.name.get(language).to_owned()),
            };
            let metric =
                self.metric(&obs.metric).map_or_else(|| obs.metric.to_string(), |m| m.name.get(language).to_owned());
            (whose, metric)
        };
        let ((whose_en, metric_en), (whose_zh, metric_zh)) = (in_language(Language::En), in_language(Language::Zh));
        // At the value, which is what differs, not at the row's first cell.
        let at = figure.cell(Column::Value).to_string();
        let at_zh = crate::model::load::place_in_chinese(&at);
        message(
            format!("{}: {at}: {whose_en}, {metric_en} {}{period}", table.file, obs.year),
            format!("{}：{at_zh}：{whose_zh}，{metric_zh} {}{period}", table.file, obs.year),
        )
    }

    /// A warning when a conflicting row's value is exactly one of the dataset's `held` values
    /// written in the unit a language's window shows: 6,300 against the dataset's 630 bn yuan,
    /// read off the Chinese window's 6,300 亿元 into a table that takes 十亿元, would count ten
    /// times. Only a conflict can tell: a value with nothing to compare it with may be right at
    /// any size.
    fn in_a_shown_unit(&self, table: &FigureTable, figure: &TableFigure, held: &[f64]) -> Option<Text> {
        let value = figure.observation.value;
        let metric = self.metric(&figure.observation.metric)?;
        let languages = [(("Chinese", "中文"), Language::Zh), (("English", "英文"), Language::En)];
        languages.into_iter().find_map(|((language, language_zh), code)| {
            let shown = metric.shown.get(code)?;
            let factor = shown.factor;
            let matched = held.iter().find(|held| (*held * factor - value).abs() <= 1e-9 * value.abs().max(1.0))?;
            let place = self.row_place(table, figure);
            Some(message(
                format!(
                    "{}: {value} is {factor} times the dataset's {matched}, as the {language} window writes it in {}; \
                     the table takes {} ({}): if it was read off the window, divide it by {factor}",
                    place.en, shown.unit, metric.unit.en, metric.unit.zh
                ),
                format!(
                    "{}：{value} 是数据集中 {matched} 的 {factor} 倍，正是{language_zh}窗口以{}显示的数字；表格应以{}为单位：\
                     若是从窗口抄来的，请除以 {factor}",
                    place.zh, shown.unit, metric.unit.zh
                ),
            ))
        })
    }

    /// Adds one checked figure unless the dataset has it already; for a conflict, also the
    /// values the dataset held for its park, metric, year and period.
    fn add(&mut self, figure: &TableFigure, slots: &mut Slots) -> (RowOutcome, Vec<f64>) {
        let (owner, observations) = match &figure.target {
            Target::Park(id) => {
                let Some(&i) = self.index.parks.get(id) else { return (RowOutcome::Added, Vec::new()) };
                let Some(park) = self.parks.get_mut(i) else { return (RowOutcome::Added, Vec::new()) };
                (Owner::Park(i), &mut park.observations)
            }
            Target::Zone => match &mut self.zone {
                Some(zone) => (Owner::Zone, &mut zone.observations),
                None => return (RowOutcome::Added, Vec::new()),
            },
        };
        let new = &figure.observation;
        let existing = slots.0.entry((owner, new.metric.clone(), new.year, new.period)).or_default();
        // The same number as written in both places: an exact comparison is what "repeats" means.
        let same = |o: &Observation| {
            o.value.to_bits() == new.value.to_bits() && o.qualifier == new.qualifier && o.part == new.part
        };
        let at = |i: &usize| observations.get(*i);
        // One rule with the profile's mark: a conflict is a figure that differs from one there.
        let outcome = if existing.iter().filter_map(at).any(|o| same(o) && o.source == new.source) {
            return (RowOutcome::Repeats, Vec::new());
        } else if existing.iter().filter_map(at).any(|o| o.differs_from(new)) {
            let held = existing.iter().filter_map(at).filter(|o| o.differs_from(new)).map(|o| o.value).collect();
            (RowOutcome::Conflicts, held)
        } else {
            (RowOutcome::Added, Vec::new())
        };
        existing.push(observations.len());
        observations.push(new.clone());
        outcome
    }
}

/// Whose figures: a park's (by its position) or the zone's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Owner {
    Park(usize),
    Zone,
}

/// Where the figures of each park (or the zone), metric, year and period are in its list, so
/// that each row of a large table finds the figures it may repeat or conflict with at once.
#[derive(Default)]
struct Slots(HashMap<(Owner, MetricId, i32, Option<Period>), Vec<usize>>);

impl Slots {
    fn of(dataset: &Dataset) -> Self {
        let mut slots = Self::default();
        let parks = dataset.parks.iter().enumerate().map(|(i, p)| (Owner::Park(i), &p.observations));
        let zone = dataset.zone.iter().map(|z| (Owner::Zone, &z.observations));
        for (owner, observations) in parks.chain(zone) {
            for (i, o) in observations.iter().enumerate() {
                slots.0.entry((owner, o.metric.clone(), o.year, o.period)).or_default().push(i);
            }
        }
        slots
    }
}

/// Every reason `table` cannot be added to `dataset`, at its cells; descriptive cells that
/// disagree with the ids go to `warnings`.
fn table_problems(dataset: &Dataset, table: &FigureTable, warnings: &mut Vec<Text>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, source) in table.sources.iter().enumerate() {
        let path = table.source_places.get(i).map_or_else(|| format!("source \"{}\"", source.id), ToString::to_string);
        if table.sources[..i].iter().any(|s| s.id == source.id) {
            problems.push(Problem::Invalid {
                path,
                message: message(
                    format!("the table lists the source \"{}\" twice", source.id),
                    format!("表格两次列出来源“{}”", source.id),
                ),
            });
        } else if let Some(problem) = source.date.as_deref().and_then(crate::model::validate::calendar_date_problem) {
            problems.push(Problem::Invalid { path, message: problem });
        } else if let Some(existing) = dataset.sources.iter().find(|s| s.id == source.id) {
            let differ = source_differences(existing, source);
            if !differ.is_empty() {
                problems.push(Problem::Invalid {
                    path,
                    message: message(
                        format!(
                            "the dataset already has a source \"{}\" with another {}: give the table's source another id",
                            source.id,
                            words_and(&differ.iter().map(|(en, _)| *en).collect::<Vec<_>>())
                        ),
                        format!(
                            "数据集已有来源“{}”，但{}不同：请给表格中的来源另取一个 id",
                            source.id,
                            differ.iter().map(|(_, zh)| *zh).collect::<Vec<_>>().join("、")
                        ),
                    ),
                });
            }
        }
    }
    let mut rules = ObservationRules::new(dataset, &table.sources);
    for figure in &table.figures {
        match &figure.target {
            Target::Park(id) if dataset.park(id).is_none() => {
                let path = figure.cell(Column::ParkId).to_string();
                problems.push(Problem::Invalid {
                    path,
                    message: message(format!("unknown park \"{id}\""), format!("未知的园区“{id}”")),
                });
                continue;
            }
            Target::Zone if dataset.zone.is_none() => {
                problems.push(Problem::Invalid {
                    path: figure.at.to_string(),
                    message: message(
                        "a zone figure, but the dataset has no zone",
                        "这是示范区的数字，但数据集中没有示范区",
                    ),
                });
                continue;
            }
            Target::Park(_) | Target::Zone => {}
        }
        // The rules' messages name the field they are about; each is reported at that cell.
        for problem in rules.check("", &figure.observation) {
            let Problem::Invalid { message, .. } = &problem else {
                problems.push(problem);
                continue;
            };
            let column = [
                ("unknown source", Column::SourceId),
                ("unknown metric", Column::MetricId),
                ("year", Column::Year),
                ("value", Column::Value),
                ("JanTo", Column::Period),
            ]
            .into_iter()
            .find(|(start, _)| message.en.starts_with(start))
            .map(|(_, column)| column);
            let path = column.map_or_else(|| figure.at.to_string(), |column| figure.cell(column).to_string());
            let mut message = message.clone();
            // A table's figures may cite a source the dataset lacks: how to add one.
            if column == Some(Column::SourceId) {
                message.en.push_str(
                    "; a new source is added in a workbook's `sources` sheet, or in a sources table (columns id, \
                     title, publisher, …) added before this one",
                );
                message.zh.push_str("；新来源可写在工作簿的 `sources` 工作表中，或写在先行添加的来源表（列为 id、title、publisher 等）中");
            }
            problems.push(Problem::Invalid { path, message });
        }
        if figure.percent
            && let Some(metric) = dataset.metric(&figure.observation.metric)
            && metric.unit.en.trim() != "%"
        {
            problems.push(Problem::Invalid {
                path: figure.cell(Column::Value).to_string(),
                message: message(
                    format!(
                        "a percentage, but metric \"{}\" is measured in {}: write the value in that unit",
                        metric.id, metric.unit.en
                    ),
                    format!("这是百分数，但指标“{}”的单位是{}：请按该单位填写", metric.id, metric.unit.zh),
                ),
            });
        }
        if let Some(problem) = value_in_shown_unit(dataset, figure) {
            problems.push(problem);
        }
        if !figure.described.is_empty() {
            warnings.extend(described_mismatches(dataset, table, figure));
        }
    }
    problems
}

/// "a, b and c".
fn words_and(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The fields in which `table`'s source differs from the dataset's source of the same id. The
/// Chinese publisher and note count only where the table gives them: sheets of sources written
/// before those columns existed (or without them) list the dataset's sources all the same.
fn source_differences(dataset: &Source, table: &Source) -> Vec<(&'static str, &'static str)> {
    let (a, b) = (dataset, table);
    let same_if_given = |given: &Option<String>, held: &Option<String>| given.is_none() || given == held;
    let fields = [
        (("title", "标题"), a.title == b.title),
        (("publisher", "发布者"), a.publisher == b.publisher),
        (("Chinese publisher", "中文发布者"), same_if_given(&b.publisher_zh, &a.publisher_zh)),
        (("date", "日期"), a.date == b.date),
        (("URL", "网址"), a.url == b.url),
        (("language", "语言"), a.language == b.language),
        (("note", "说明"), a.note == b.note),
        (("Chinese note", "中文说明"), same_if_given(&b.note_zh, &a.note_zh)),
    ];
    fields.into_iter().filter(|(_, same)| !same).map(|(name, _)| name).collect()
}

/// A row whose `unit` cell names the unit a language shows the metric in (亿元) rather than the
/// one its figures are stored in (十亿元): its value was most likely read off that screen, and
/// taken as it is it would be ten times the figure. Refused, with what to write instead.
fn value_in_shown_unit(dataset: &Dataset, figure: &TableFigure) -> Option<Problem> {
    let metric = dataset.metric(&figure.observation.metric)?;
    let (_, at, written) = figure.described.iter().find(|(column, ..)| *column == Column::Unit)?;
    let written = written.trim();
    let stored = [metric.unit.en.trim(), metric.unit.zh.trim()];
    let shown = metric.shown.iter().find(|(_, shown)| shown.unit.trim() == written && !stored.contains(&written))?;
    Some(Problem::Invalid {
        path: at.to_string(),
        message: message(
            format!(
                "the unit says \"{written}\", the unit the window shows metric \"{}\" in, but a table's values are in \"{}\" ({}): divide the value by {} and write \"{}\"",
                metric.id, metric.unit.zh, metric.unit.en, shown.1.factor, metric.unit.zh
            ),
            format!(
                "单位写的是“{written}”，即窗口显示指标“{}”所用的单位，但表格中的数值应以“{}”为单位：请把数值除以 {}，并写“{}”",
                metric.id, metric.unit.zh, shown.1.factor, metric.unit.zh
            ),
        ),
    })
}

/// The descriptive cells of `figure` that disagree with what its ids name.
fn described_mismatches(dataset: &Dataset, table: &FigureTable, figure: &TableFigure) -> Vec<Text> {
    let park = match &figure.target {
        Target::Park(id) => dataset.park(id).map(|p| &p.name),
        Target::Zone => dataset.zone.as_ref().map(|z| &z.name),
    };
    let obs = &figure.observation;
    let metric = dataset.metric(&obs.metric);
    let source = dataset.source(&obs.source).or_else(|| table.sources.iter().find(|s| s.id == obs.source));
    let mut warnings = Vec::new();
    for (column, at, written) in &figure.described {
        let expected = match column {
            Column::ParkNameEn => park.map(|n| n.en.as_str()),
            Column::ParkNameZh => park.map(|n| n.zh.as_str()),
            Column::MetricName => metric.map(|m| m.name.en.as_str()),
            // Either language's name of the stored unit: an export in Chinese writes 十亿元.
            Column::Unit => {
                metric.map(|m| if written.trim() == m.unit.zh.trim() { m.unit.zh.as_str() } else { m.unit.en.as_str() })
            }
            Column::SourceTitle => source.map(|s| s.title.as_str()),
            Column::SourceUrl => source.map(|s| s.url.as_deref().unwrap_or_default()),
            // The qualifier's words are the UI's, which the model does not know; the code rules.
            // A source's label takes a letter by the other sources of its publisher and year,
            // which a table may add to: it is there to find a note's citation by, not checked.
            _ => None,
        };
        if let Some(expected) = expected
            && expected.trim() != written.trim()
        {
            warnings.push(message(
                format!("{}: {at}: says \"{written}\" but the ids name \"{expected}\"; the ids are used", table.file),
                format!("{}：{at}：写的是“{written}”，而 id 对应的是“{expected}”；以 id 为准", table.file),
            ));
        }
    }
    warnings
}
