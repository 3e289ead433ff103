//! The table's columns and their widths: fitted to their texts, narrowed to fit the room, or
//! dragged by the user. Pure arithmetic on points, unit-tested here.

use crate::format::shown_unit;
use crate::i18n::strings;
use crate::model::{Dataset, Language, Metric, MetricId, ParkId};
use crate::state::SortColumn;

/// Width of the pin column, which holds only the star, in points.
const PIN_WIDTH_PT: f32 = 28.0;

/// What a column shows.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ColumnKind {
    Pin,
    Name,
    OtherName,
    Districts,
    Figure(MetricId),
    /// The last column: it takes the width the others leave.
    Leading,
}

/// One column: its header, what it sorts by (if it sorts), what it shows, and the range of
/// widths it takes by itself, in points (to fit its texts; wider texts are cut).
#[derive(Clone)]
pub(super) struct TableColumn {
    pub(super) header: String,
    /// A figure column's unit, written in brackets after the header: on a line of its own when
    /// the two do not fit on one, so a wrapped header does not break inside the unit.
    pub(super) unit: Option<String>,
    pub(super) sort: Option<SortColumn>,
    pub(super) kind: ColumnKind,
    pub(super) min_width_pt: f32,
    pub(super) max_width_pt: f32,
}

/// The body text size, in points, the columns' width ranges are chosen for: the normal
/// window's (egui's default, which the app keeps). Larger text (presenting) widens them in
/// proportion, so a figure that fits its column on the desktop fits it on the projector too.
static NORMAL_BODY_TEXT_PT: std::sync::LazyLock<f32> =
    std::sync::LazyLock::new(|| egui::TextStyle::Body.resolve(&egui::Style::default()).size);

/// The columns in order: the pin, the names, the districts, one for each of `metrics` (named
/// with its unit), the leading industries; their width ranges for body text of `body_text_pt`
/// points.
pub(super) fn columns(
    dataset: &Dataset,
    metrics: &[MetricId],
    language: Language,
    body_text_pt: f32,
) -> Vec<TableColumn> {
    let s = strings(language);
    let scale = (body_text_pt / *NORMAL_BODY_TEXT_PT).max(1.0);
    let column = |header: &str, sort, kind, (min_width_pt, max_width_pt): (f32, f32)| TableColumn {
        header: header.to_owned(),
        unit: None,
        sort,
        kind,
        min_width_pt: min_width_pt * scale,
        max_width_pt: max_width_pt * scale,
    };
    let mut columns = vec![
        column(s.col_pin, None, ColumnKind::Pin, (PIN_WIDTH_PT, PIN_WIDTH_PT)),
        column(s.col_name, Some(SortColumn::Name), ColumnKind::Name, (140.0, 230.0)),
        column(s.col_name_zh, None, ColumnKind::OtherName, (90.0, 200.0)),
        column(s.col_districts, Some(SortColumn::District), ColumnKind::Districts, (80.0, 150.0)),
    ];
    columns.extend(metrics.iter().filter_map(|id| dataset.metric(id)).map(|metric| {
        let sort = Some(SortColumn::Figure(metric.id.clone()));
        let (name, unit) = metric_header(metric, language);
        TableColumn { unit, ..column(&name, sort, ColumnKind::Figure(metric.id.clone()), (100.0, 150.0)) }
    }));
    columns.push(column(s.col_leading, None, ColumnKind::Leading, (160.0, f32::INFINITY)));
    columns
}

/// A metric's column header: its name, and its unit where the name does not say it already.
pub(super) fn metric_header(metric: &Metric, language: Language) -> (String, Option<String>) {
    let name = metric.name.get(language);
    let unit = metric.display_unit(language).name;
    (name.to_owned(), shown_unit(name, &unit).map(str::to_owned))
}

/// What a table's texts were measured for: the dataset's revision, the language, the metric
/// columns, the body text size (its bits) and the pinned parks whose names carry the star (on
/// a slide).
pub(super) type TextsOf = (u64, Language, Vec<MetricId>, u32, Option<Vec<ParkId>>);

/// What the table remembers between frames, in points: how wide each column's texts are, and
/// the widths the user dragged columns to.
#[derive(Clone, Debug, Default)]
pub(super) struct ColumnWidths {
    /// The widest text of each column seen since the texts last changed (another dataset or
    /// language), up to the column's widest. Columns only grow as rows scroll into view, so
    /// they do not shift sideways back and forth while the user scrolls or filters.
    pub(super) texts: Vec<f32>,
    /// The dataset (by [`Dataset::revision`](crate::model::Dataset::revision)), language,
    /// metric columns, body text size (its bits) and marked pins `texts` were measured in.
    pub(super) measured_for: Option<TextsOf>,
    /// Dragged widths, by what the column shows, so a reload with other metrics does not give
    /// one metric's width to another.
    pub(super) dragged: Vec<(ColumnKind, f32)>,
}

impl ColumnWidths {
    pub(super) fn dragged_width(&self, kind: &ColumnKind) -> Option<f32> {
        self.dragged.iter().find(|(dragged, _)| dragged == kind).map(|(_, width)| *width)
    }

    /// Sets or, with `None`, forgets the width the user dragged the column showing `kind` to.
    pub(super) fn set_dragged(&mut self, kind: &ColumnKind, width: Option<f32>) {
        self.dragged.retain(|(dragged, _)| dragged != kind);
        if let Some(width) = width {
            self.dragged.push((kind.clone(), width));
        }
    }

    /// Grows each column's text width to `seen` where that is wider. Returns whether any grew.
    pub(super) fn grow(&mut self, seen: &[f32]) -> bool {
        self.texts.resize(seen.len(), 0.0);
        let mut grew = false;
        for (text, seen) in self.texts.iter_mut().zip(seen) {
            if *seen > *text + 0.5 {
                *text = *seen;
                grew = true;
            }
        }
        grew
    }

    /// Each column's width before the table is fitted to its room: dragged, else fitted to its
    /// texts within its range.
    fn natural(&self, columns: &[TableColumn]) -> Vec<f32> {
        columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let text = self.texts.get(i).copied().unwrap_or(0.0);
                self.dragged_width(&column.kind)
                    .unwrap_or_else(|| text.clamp(column.min_width_pt, column.max_width_pt.max(column.min_width_pt)))
            })
            .collect()
    }

    /// Which of `columns` a table that cannot scroll sideways (a slide) shows in
    /// `available_width`: every column but the figures, and the figures, in order, while they
    /// fit whole at their natural widths beside the others at their least (the other-language
    /// name and the districts are cut before figures go, as in [`Self::resolve`]; the park's
    /// name, which tells the room which row is which, is not). A figure that does not fit is
    /// left out rather than cut at the edge of the slide.
    pub(super) fn fitting(&self, columns: &[TableColumn], available_width: f32, spacing: f32) -> Vec<bool> {
        let natural = self.natural(columns);
        let last = columns.len().saturating_sub(1);
        let is_figure = |column: &TableColumn| matches!(column.kind, ColumnKind::Figure(_));
        let others: Vec<f32> = (columns.iter().zip(&natural).enumerate())
            .filter(|(_, (column, _))| !is_figure(column))
            .map(|(i, (column, width))| match self.shrinkable_to(column, true) {
                _ if i == last => column.min_width_pt,
                Some(narrowest) => narrowest,
                None => *width,
            })
            .collect();
        let mut taken = others.iter().sum::<f32>() + spacing * others.len().saturating_sub(1) as f32;
        // The figures shown are the first ones, without a gap: stop at the first that does not fit.
        let mut room = true;
        columns
            .iter()
            .zip(&natural)
            .map(|(column, width)| {
                if !is_figure(column) {
                    return true;
                }
                room = room && taken + spacing + width <= available_width;
                if room {
                    taken += spacing + width;
                }
                room
            })
            .collect()
    }

    /// The memory of the columns `keep` marks, in their order, for a table showing only them.
    pub(super) fn kept(&self, keep: &[bool]) -> Self {
        let texts = self.texts.iter().zip(keep).filter(|(_, keep)| **keep).map(|(text, _)| *text).collect();
        Self { texts, measured_for: self.measured_for.clone(), dragged: self.dragged.clone() }
    }

    /// The width of each column for a table `available_width` wide with `spacing` between
    /// columns: dragged, else fitted to its texts; text columns narrowed if the table would not
    /// fit (on a slide, `on_slide`, not the park's name); the last column takes what is left.
    pub(super) fn resolve(
        &self,
        columns: &[TableColumn],
        available_width: f32,
        spacing: f32,
        on_slide: bool,
    ) -> Vec<f32> {
        let mut widths = self.natural(columns);
        self.shrink_to_fit(&mut widths, columns, (available_width, spacing), on_slide);
        if let (Some((fill, others)), Some(column)) = (widths.split_last_mut(), columns.last()) {
            let taken = others.iter().sum::<f32>() + spacing * others.len() as f32;
            *fill = (available_width - taken).max(column.min_width_pt);
        }
        widths
    }

    /// The least width a column the table narrows to fit takes: a text column the user has not
    /// sized, and on a slide (`on_slide`) not the park's name; `None` for the others.
    fn shrinkable_to(&self, column: &TableColumn, on_slide: bool) -> Option<f32> {
        let text = match column.kind {
            ColumnKind::Name => !on_slide,
            ColumnKind::OtherName | ColumnKind::Districts => true,
            _ => false,
        };
        (text && self.dragged_width(&column.kind).is_none()).then_some(column.min_width_pt)
    }

    /// Narrows the text columns the user has not sized towards their least widths, each by its
    /// share of the room they can give, until the table fits `available_width` with its last
    /// column at its least: names are cut before figures are pushed out of view. A table that
    /// cannot fit even so (a narrow window with a park's profile open) has its names at their
    /// least, so that as many figures as can be are in view before it scrolls sideways: kept
    /// whole, the names pushed the figures of the park just selected out of a 1400-point window.
    fn shrink_to_fit(
        &self,
        widths: &mut [f32],
        columns: &[TableColumn],
        (available_width, spacing): (f32, f32),
        on_slide: bool,
    ) {
        // On a slide the last column (the longest texts, wrapping onto more lines) keeps a
        // share of the room as the text grows, the names and districts wrapping instead.
        let last_share = if on_slide { available_width * LAST_COLUMN_SHARE_ON_SLIDE } else { 0.0 };
        let last_min = match (columns.last(), widths.last()) {
            (Some(column), Some(natural)) => natural.min(last_share).max(column.min_width_pt),
            _ => 0.0,
        };
        let others = widths.len().saturating_sub(1);
        let wanted = widths.iter().take(others).sum::<f32>() + spacing * others as f32 + last_min;
        let shrinkable_to = |i: usize| self.shrinkable_to(columns.get(i)?, on_slide);
        let slack: f32 = (0..others).filter_map(|i| Some(widths.get(i)? - shrinkable_to(i)?)).sum();
        let excess = wanted - available_width;
        if excess <= 0.0 || slack <= 0.0 {
            return;
        }
        let share = (excess / slack).min(1.0);
        for (i, width) in widths.iter_mut().enumerate().take(others) {
            if let Some(min) = shrinkable_to(i) {
                *width -= (*width - min) * share;
            }
        }
    }
}

/// The share of a slide's width the last column of a presented table keeps, where its texts
/// ask for it, before the name and district columns give up room to it.
const LAST_COLUMN_SHARE_ON_SLIDE: f32 = 0.25;

#[cfg(test)]
mod tests {
    use super::*;

    fn column(kind: ColumnKind, (min_width_pt, max_width_pt): (f32, f32)) -> TableColumn {
        TableColumn { header: String::new(), unit: None, sort: None, kind, min_width_pt, max_width_pt }
    }

    fn table() -> Vec<TableColumn> {
        vec![
            column(ColumnKind::Name, (100.0, 200.0)),
            column(ColumnKind::Figure(MetricId::new("area")), (80.0, 120.0)),
            column(ColumnKind::Leading, (150.0, f32::INFINITY)),
        ]
    }

    fn widths(texts: &[f32]) -> ColumnWidths {
        ColumnWidths { texts: texts.to_vec(), ..ColumnWidths::default() }
    }

    #[test]
    fn columns_fit_their_texts_within_their_range_and_the_last_takes_the_rest() {
        let resolved = widths(&[150.0, 300.0, 0.0]).resolve(&table(), 1000.0, 10.0, false);
        assert_eq!(resolved, vec![150.0, 120.0, 1000.0 - 150.0 - 120.0 - 20.0]);
        let short = widths(&[20.0, 20.0, 0.0]).resolve(&table(), 1000.0, 10.0, false);
        assert_eq!(&short[..2], &[100.0, 80.0], "no column narrower than its least");
    }

    #[test]
    fn a_narrow_window_cuts_names_before_it_pushes_figures_out() {
        // Wanted: 200 + 120 + 150 + 20 = 490; room 440: the name gives 50 of its 100 spare.
        let resolved = widths(&[200.0, 120.0, 0.0]).resolve(&table(), 440.0, 10.0, false);
        assert_eq!(resolved, vec![150.0, 120.0, 150.0]);
        // Less room than every least width: the table scrolls sideways, with the names at their
        // least so that the figures come as far into view as they can.
        let tight = widths(&[200.0, 120.0, 0.0]).resolve(&table(), 300.0, 10.0, false);
        assert_eq!(tight, vec![100.0, 120.0, 150.0]);
    }

    #[test]
    fn a_dragged_width_wins_is_never_narrowed_and_follows_its_column() {
        let mut memory = widths(&[200.0, 120.0, 0.0]);
        memory.set_dragged(&ColumnKind::Name, Some(260.0));
        let resolved = memory.resolve(&table(), 440.0, 10.0, false);
        assert_eq!(resolved[..1], [260.0], "the user's width stays even when the table must scroll");
        // Another dataset's table puts the name column elsewhere: the width goes with it.
        let mut other = table();
        other.swap(0, 1);
        assert_eq!(memory.resolve(&other, 1000.0, 10.0, false)[1..2], [260.0]);
        memory.set_dragged(&ColumnKind::Name, None);
        assert_eq!(memory.resolve(&table(), 1000.0, 10.0, false)[..1], [200.0], "forgotten: fitted again");
    }

    #[test]
    fn a_slide_keeps_names_whole_and_shows_the_first_figure_columns_that_fit_whole() {
        let figure = |id: &str| column(ColumnKind::Figure(MetricId::new(id)), (80.0, 120.0));
        let table = vec![
            column(ColumnKind::Name, (100.0, 200.0)),
            figure("a"),
            figure("b"),
            figure("c"),
            column(ColumnKind::Leading, (150.0, f32::INFINITY)),
        ];
        let memory = widths(&[180.0, 120.0, 90.0, 80.0, 0.0]);
        // The name whole (180) and the last column at its least (150), 10 between columns:
        // 180 + 10 + 120 + 10 + 90 + 10 + 150 = 570 takes two figures, not three.
        assert_eq!(memory.fitting(&table, 580.0, 10.0), [true, true, true, false, true]);
        assert_eq!(memory.fitting(&table, 1000.0, 10.0), [true; 5], "room for all");
        // Room for two figures beside the name at its least, but the name is not cut for them.
        assert_eq!(memory.fitting(&table, 500.0, 10.0), [true, true, false, false, true]);
        // Too narrow for the first figure: none is shown, not a later narrower one.
        let first_wide = widths(&[180.0, 120.0, 80.0, 80.0, 0.0]);
        assert_eq!(first_wide.fitting(&table, 440.0, 10.0), [true, false, false, false, true]);
        // What is shown is then laid out as a table of its own, which fits with the name whole.
        let keep = memory.fitting(&table, 500.0, 10.0);
        let shown: Vec<TableColumn> = table.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c.clone()).collect();
        let resolved = memory.kept(&keep).resolve(&shown, 500.0, 10.0, true);
        assert!(resolved.iter().sum::<f32>() + 10.0 * 2.0 <= 500.0 + 0.01, "{resolved:?}");
        assert_eq!(resolved[..2], [180.0, 120.0], "the name and the figure at their widths");
    }

    #[test]
    fn text_widths_only_grow_so_columns_do_not_shift_while_scrolling() {
        let mut memory = widths(&[150.0, 90.0, 0.0]);
        assert!(!memory.grow(&[120.0, 90.0, 0.0]), "narrower rows scrolled in change nothing");
        assert_eq!(memory.texts, vec![150.0, 90.0, 0.0]);
        assert!(memory.grow(&[120.0, 110.0, 0.0]));
        assert_eq!(memory.texts, vec![150.0, 110.0, 0.0]);
    }
}
