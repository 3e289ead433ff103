//! What a cell says, laid out on one line (more where a slide has room) and cut to its column,
//! with its tooltip and its node in the accessibility tree.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, FontSelection, Galley, RichText, Ui};

use super::columns::{ColumnKind, TableColumn};
use crate::format::{
    NoteForm, after_value, district_names, figure_note, figure_value, figure_value_with_unit, other_values,
    source_cited,
};
use crate::i18n::{labelled, list_separator, period_label, qualifier_name, role_name, strings};
use crate::model::{Dataset, Language, Park, ParkId, Role, stated_otherwise};
use crate::state::filter::{leading_industries_text, leading_industry_names};
use crate::views::remembered::{GlyphsKey, glyphs_key};
use crate::views::widgets::{PIN_MARK, without_widow};

/// A cell's text, before it is laid out.
pub(super) enum CellText {
    Text {
        text: String,
        strong: bool,
    },
    /// A figure: its value, its year in brackets (with its quality when preliminary), and
    /// whether another value is stated for the same year (by another source, or for another scope).
    Figure {
        value: String,
        year: String,
        differs: bool,
    },
    NoData,
    /// A word on the lack of something the dataset does know about, weak: "none named leading".
    Quiet(String),
}

impl CellText {
    /// Text starts at a cell's left; figures and "no data" end at its right.
    pub(super) fn is_right_aligned(&self) -> bool {
        matches!(self, Self::Figure { .. } | Self::NoData)
    }
}

/// What a cell of `park` in a column of `kind` says; `None` for the pin, which is a button.
///
/// `pins_marked` are the pinned parks when their names are to carry the mark: on a slide,
/// which has no column of pin stars, a pinned park's name is written "★ Name" in strong text
/// and every other name in plain text, so the parks being compared stand out from the back of
/// the room. `None` at the desk, where the stars' column tells.
pub(super) fn cell_text(
    dataset: &Dataset,
    park: &Park,
    kind: &ColumnKind,
    language: Language,
    pins_marked: Option<&[ParkId]>,
) -> Option<CellText> {
    let text = |text: String| Some(CellText::Text { text, strong: false });
    match kind {
        ColumnKind::Pin => None,
        ColumnKind::Name => {
            let name = park.name.get(language);
            Some(match pins_marked {
                None => CellText::Text { text: name.to_owned(), strong: true },
                Some(pinned) if pinned.contains(&park.id) => {
                    CellText::Text { text: format!("{PIN_MARK} {name}"), strong: true }
                }
                Some(_) => CellText::Text { text: name.to_owned(), strong: false },
            })
        }
        ColumnKind::OtherName => text(park.name.get(language.other()).to_owned()),
        ColumnKind::Districts => text(district_names(dataset, park, language)),
        ColumnKind::Leading => Some(match leading_industries_text(dataset, park, language) {
            (words, true) => CellText::Quiet(words),
            (names, false) => CellText::Text { text: names, strong: false },
        }),
        ColumnKind::Figure(metric) => Some(dataset.latest_shown(park, metric).map_or(CellText::NoData, |figure| {
            let obs = figure.observation;
            // In brackets, as a bar's label writes it: from the back of a room "1,382 2020"
            // reads as one number, "1,382 (2020)" does not.
            let note = figure_note((obs.year, obs.period, obs.qualifier), true, language, NoteForm::Compact);
            let year = after_value(&note, language, NoteForm::Compact);
            let differs = stated_otherwise(&park.observations, obs).next().is_some();
            CellText::Figure { value: figure_value(&figure, language), year, differs }
        })),
    }
}

/// A cell's text laid out `width` points wide, cut with "…": on one line, or a text (not a
/// figure) on up to `lines` lines, where a slide has the room.
pub(super) fn cell_galley(ui: &Ui, text: &CellText, language: Language, width: f32, lines: usize) -> Arc<Galley> {
    let style = ui.style();
    let mut job = LayoutJob::default();
    let mut add = |text: RichText| text.append_to(&mut job, style, FontSelection::Default, Align::Center);
    match text {
        CellText::Text { text, strong } => {
            add(if *strong { RichText::new(text).strong() } else { RichText::new(text) });
        }
        CellText::Figure { value, year, differs } => {
            add(RichText::new(value));
            add(RichText::new(year).weak());
            if *differs {
                add(RichText::new(format!(" {}", strings(language).differs_mark)).color(style.visuals.warn_fg_color));
            }
        }
        CellText::NoData => add(RichText::new(strings(language).no_data).weak()),
        CellText::Quiet(text) => add(RichText::new(text).weak()),
    }
    job.wrap = TextWrapping::truncate_at_width(width.max(0.0));
    if lines > 1 && matches!(text, CellText::Text { .. } | CellText::Quiet(_)) {
        // Between words, as a line wraps anywhere else; a word too long for the cell is cut.
        job.wrap.max_rows = lines.max(1);
        job.wrap.break_anywhere = false;
        // A Chinese name or list of districts does not end a line short of one character.
        return without_widow(ui, ui.fonts_mut(|fonts| fonts.layout_job(job)));
    }
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// `galley` (laid out by [`cell_galley`]) cut to `lines` lines with "…", as [`cell_galley`]
/// would lay it out for that many; itself when it takes no more.
pub(super) fn cut_to_lines(ui: &Ui, galley: &Arc<Galley>, lines: usize) -> Arc<Galley> {
    if galley.rows.len() <= lines.max(1) {
        return Arc::clone(galley);
    }
    let mut job = (*galley.job).clone();
    job.wrap.max_rows = lines.max(1);
    // One line is cut anywhere, as at the desk; more break between words.
    job.wrap.break_anywhere = lines <= 1;
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// How wide `column` must be for `text`, up to its widest: measured at that widest, whatever
/// the column's width now, so a narrowed column does not measure its texts as narrower.
pub(super) fn text_width(ui: &Ui, text: &CellText, column: &TableColumn, language: Language) -> f32 {
    let galley = cell_galley(ui, text, language, column.max_width_pt, 1);
    if galley.elided { column.max_width_pt } else { galley.size().x }
}

/// The tooltip of a cell: a figure's value, unit, year, quality and source; a cut text whole.
pub(super) fn cell_tooltip(
    dataset: &Dataset,
    park: &Park,
    kind: &ColumnKind,
    galley: &Galley,
    language: Language,
) -> Option<String> {
    if let ColumnKind::Figure(metric) = kind {
        let figure = dataset.latest_shown(park, metric)?;
        let obs = figure.observation;
        let mut tooltip = format!(
            "{} · {} · {} · {}",
            figure_value_with_unit(&figure, language),
            period_label(language, obs.year, obs.period),
            qualifier_name(language, obs.qualifier),
            source_cited(figure.source, language)
        );
        // Its caveat, which the profile marks with a *: a cell quoted without it reads as fact.
        if let Some(note) = obs.note_in(language) {
            tooltip = format!("{tooltip}\n{}", labelled(language, strings(language).note, note));
        }
        // The other values sources state for the same year, as the profile and the brief list them.
        let others = other_values(dataset, stated_otherwise(&park.observations, obs), language);
        if !others.is_empty() {
            tooltip = format!("{tooltip}\n{}:\n{}", strings(language).also_stated, others.join("\n"));
        }
        return Some(tooltip);
    }
    if *kind == ColumnKind::Leading && leading_industry_names(dataset, park, language).is_empty() {
        return industries_by_role(dataset, park, language);
    }
    galley.elided.then(|| galley.job.text.clone())
}

/// A park's industries grouped by role, a line per role in the order the dataset lists them:
/// "key: Fintech" / "重点：金融科技", as the profile names roles. `None` when it lists none.
fn industries_by_role(dataset: &Dataset, park: &Park, language: Language) -> Option<String> {
    let mut lines: Vec<(Role, Vec<&str>)> = Vec::new();
    for link in &park.industries {
        let Some(industry) = dataset.industry(&link.industry) else { continue };
        match lines.iter_mut().find(|(role, _)| *role == link.role) {
            Some((_, names)) => names.push(industry.name.get(language)),
            None => lines.push((link.role, vec![industry.name.get(language)])),
        }
    }
    let lines: Vec<String> = lines
        .into_iter()
        .map(|(role, names)| labelled(language, role_name(language, role), names.join(list_separator(language))))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// A cell's text laid out for its column, kept between frames.
#[derive(Clone)]
pub(super) struct LaidOutCell {
    /// The text cut with "…" to the column, on as many lines as [`CellsMadeFor::lines`] allows.
    pub(super) galley: Arc<Galley>,
    /// Whether it ends at the cell's right (figures, "no data").
    pub(super) right_aligned: bool,
    /// How wide the column must be to show it whole (see [`text_width`]).
    pub(super) asks_width: f32,
}

/// What the laid-out cells depend on besides the park: when any of it changes, every cell is
/// laid out again.
#[derive(Clone, PartialEq)]
pub(super) struct CellsMadeFor {
    pub(super) revision: u64,
    pub(super) language: Language,
    /// What each column shows: another choice of metric columns lays the cells out again, even
    /// where the widths happen to be the same.
    pub(super) column_kinds: Vec<ColumnKind>,
    pub(super) column_widths: Vec<f32>,
    /// How many lines a text may take before it is cut: more than one only on a slide whose rows
    /// all fit, where a row given fewer draws its texts cut to them ([`cut_to_lines`]).
    pub(super) lines: usize,
    pub(super) font: egui::FontId,
    /// The pinned parks whose names carry the mark (on a slide, see [`cell_text`]).
    pub(super) pins_marked: Option<Vec<ParkId>>,
    /// The screen's scale and the font atlas the texts' glyphs are in.
    pub(super) glyphs: GlyphsKey,
    /// The colours a cell's text takes when laid out: strong, weak and warning.
    pub(super) colours: [egui::Color32; 3],
}

impl CellsMadeFor {
    pub(super) fn new(
        ui: &Ui,
        revision: u64,
        language: Language,
        (columns, column_widths): (&[TableColumn], &[f32]),
        (lines, pins_marked): (usize, Option<&[ParkId]>),
    ) -> Self {
        let visuals = ui.visuals();
        Self {
            revision,
            language,
            column_kinds: columns.iter().map(|column| column.kind.clone()).collect(),
            column_widths: column_widths.to_vec(),
            lines,
            font: egui::TextStyle::Body.resolve(ui.style()),
            pins_marked: pins_marked.map(<[ParkId]>::to_vec),
            glyphs: glyphs_key(ui.ctx()),
            colours: [visuals.strong_text_color(), visuals.weak_text_color(), visuals.warn_fg_color],
        }
    }
}

/// The rows' cells laid out, kept between frames. Formatting a cell's figure and looking its
/// laid-out text up in egui's cache was most of what the table's rows cost each frame
/// (docs/performance.md); a row scrolled into view is laid out once and then only painted.
/// Only the rows drawn in the last frame are kept, so scrolling through 10,000 parks keeps no
/// more than a screenful.
#[derive(Clone, Default)]
pub(super) struct CellCache {
    made_for: Option<CellsMadeFor>,
    /// The rows drawn in the frame before, and those drawn so far in this one.
    previous: HashMap<ParkId, Vec<Option<LaidOutCell>>>,
    current: HashMap<ParkId, Vec<Option<LaidOutCell>>>,
}

impl CellCache {
    /// Starts a frame whose cells depend on `made_for`: everything is forgotten when that
    /// changed, else only the rows the frame before did not draw.
    pub(super) fn begin_frame(&mut self, made_for: CellsMadeFor) {
        if self.made_for.as_ref() == Some(&made_for) {
            // Swapped, not taken, so each map keeps the room it grew to: growing one anew each
            // frame was about 7 % of the rows' cost.
            std::mem::swap(&mut self.previous, &mut self.current);
            self.current.clear();
        } else {
            self.previous.clear();
            self.current.clear();
            self.made_for = Some(made_for);
        }
    }

    /// `park`'s cells in `columns` (of the widths given to [`Self::begin_frame`]), laid out
    /// now unless they were the frame before; `None` for the pin column.
    pub(super) fn row(
        &mut self,
        ui: &Ui,
        dataset: &Dataset,
        park: &Park,
        columns: &[TableColumn],
        language: Language,
    ) -> &[Option<LaidOutCell>] {
        if !self.current.contains_key(&park.id) {
            let (id, cells) = self.previous.remove_entry(&park.id).unwrap_or_else(|| {
                let widths = self.made_for.as_ref().map_or(&[][..], |made_for| &made_for.column_widths);
                let lines = self.made_for.as_ref().map_or(1, |made_for| made_for.lines);
                let pins_marked = self.made_for.as_ref().and_then(|made_for| made_for.pins_marked.as_deref());
                let cells = columns
                    .iter()
                    .zip(widths)
                    .map(|(column, &width)| {
                        let text = cell_text(dataset, park, &column.kind, language, pins_marked)?;
                        let galley = cell_galley(ui, &text, language, width, lines);
                        let asks_width =
                            if galley.elided { text_width(ui, &text, column, language) } else { galley.size().x };
                        Some(LaidOutCell { galley, right_aligned: text.is_right_aligned(), asks_width })
                    })
                    .collect();
                (park.id.clone(), cells)
            });
            self.current.insert(id, cells);
        }
        self.current.get(&park.id).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::in_app_ui;

    #[test]
    fn a_slide_with_room_wraps_a_long_text_and_never_a_figure() {
        in_app_ui(|ui| {
            let industries =
                CellText::Text { text: "Artificial intelligence, Biomedicine, Cultural tourism".into(), strong: false };
            let one_line = cell_galley(ui, &industries, Language::En, 160.0, 1);
            assert!(one_line.elided && one_line.rows.len() == 1, "cut on one line at the desk");
            let wrapped = cell_galley(ui, &industries, Language::En, 160.0, 4);
            assert!(!wrapped.elided && wrapped.rows.len() > 1, "whole on a slide with room");
            // Lines break between words: no line holds part of a word.
            let words: Vec<&str> = "Artificial intelligence, Biomedicine, Cultural tourism".split(' ').collect();
            let lines: Vec<String> = wrapped.rows.iter().map(|row| row.text()).collect();
            assert!(lines.iter().flat_map(|line| line.split_whitespace()).all(|w| words.contains(&w)), "{lines:?}");
            assert!(cell_galley(ui, &industries, Language::En, 60.0, 2).elided, "cut when even the lines run out");
            let figure = CellText::Figure { value: "1,382".into(), year: "(2020, preliminary)".into(), differs: false };
            assert_eq!(cell_galley(ui, &figure, Language::En, 40.0, 4).rows.len(), 1, "a figure stays on one line");
            // A row given fewer lines than its text takes cuts it there, as if laid out for them.
            for lines in [1, 2] {
                let cut = cut_to_lines(ui, &wrapped, lines);
                let laid_out = cell_galley(ui, &industries, Language::En, 160.0, lines);
                assert!(cut.elided && cut.rows.len() == lines, "cut to {lines}");
                let text = |galley: &Galley| galley.rows.iter().map(|row| row.text()).collect::<Vec<_>>();
                assert_eq!(text(&cut), text(&laid_out), "as laid out for {lines}");
            }
            assert!(Arc::ptr_eq(&cut_to_lines(ui, &wrapped, 4), &wrapped), "whole in as many lines: the same");
        });
    }

    /// A Chinese list of districts that would end its cell's last line on one character
    /// ("大兴区、通州" / "区") brings another down, and stays whole.
    #[test]
    fn a_chinese_cell_does_not_end_on_one_character() {
        in_app_ui(|ui| {
            let districts = CellText::Text { text: "大兴区、通州区".into(), strong: false };
            let width = crate::views::widgets::text_width(ui, "大兴区、通州", &egui::TextStyle::Body) + 1.0;
            let one_line = cell_galley(ui, &districts, Language::Zh, width, 1);
            assert!(one_line.elided, "the whole text is wider than the cell");
            let wrapped = cell_galley(ui, &districts, Language::Zh, width, 3);
            let lines: Vec<String> = wrapped.rows.iter().map(|row| row.text()).collect();
            assert!(!wrapped.elided && lines.len() == 2, "{lines:?}");
            assert!(lines[1].chars().count() >= 2, "{lines:?}");
        });
    }
}
