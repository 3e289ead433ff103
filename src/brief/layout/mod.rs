//! Places a [`BriefContent`] on one A4 page: positions, sizes and wrapped lines, in points from
//! the page's top-left corner, with no PDF in sight (so tests can check the page without one).
//!
//! The page is a header (names, facts, approval dates) beside the map, then the description,
//! the latest figures, the industries, the comparable parks and the sources, then a footer.
//! Whatever is long is first set smaller (down to [`MIN_SCALE`] of the normal size), then cut
//! from the end of the longest section, each cut section ending with an honest note ("… 12
//! more sources, see the dataset"), so nothing runs off the page or is clipped.

mod parts;
mod text;

use crate::i18n::{Counted, brief_more};

use super::content::BriefContent;
use super::font::BriefFont;
use parts::{footer, header, sections};
pub use text::{colon, number_ranges, wrap, wrap_at_most};

/// A4 width, points.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 height, points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// Margin on every side, points (14 mm).
pub const MARGIN: f32 = 40.0;
/// The smallest the flowing sections are set, as a share of their normal size: sources at
/// 7.5 pt become 6 pt, still legible on paper.
pub const MIN_SCALE: f32 = 0.8;

const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const MAP_WIDTH: f32 = 200.0;
const MAP_HEIGHT: f32 = 170.0;
const COLUMN_GAP: f32 = 16.0;
const LINE_HEIGHT: f32 = 1.4;
const SECTION_GAP: f32 = 9.0;
/// Approval dates shown even when they run below the map.
const MIN_MILESTONES: usize = 3;

/// What a mark is drawn in; the PDF writer turns it into a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    /// Body text.
    Text,
    /// Secondary text: the other-language name, captions, notes, the footer.
    Muted,
    /// Section headings and the park's highlight.
    Accent,
    /// Thin separating rules and the map's frame.
    Rule,
    /// A district the park is not in.
    District,
    /// A district the park is in.
    Highlight,
    /// District edges.
    Edge,
    /// The fill behind the marker, so it stands out on any district.
    Paper,
}

/// One line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Left edge, points.
    pub x: f32,
    /// Baseline, points from the top.
    pub baseline: f32,
    /// Font size, points.
    pub size: f32,
    /// Colour.
    pub ink: Ink,
    /// Whether it is set heavier (headings, labels).
    pub bold: bool,
    /// The text.
    pub text: String,
    /// Its measured width, points.
    pub width: f32,
}

impl TextRun {
    /// The box the line's glyphs occupy: left, top, right, bottom.
    pub fn bounds(&self) -> [f32; 4] {
        [self.x, self.baseline - 0.9 * self.size, self.x + self.width, self.baseline + 0.25 * self.size]
    }
}

/// One mark on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A line of text.
    Text(TextRun),
    /// A straight line.
    Line {
        /// Start, points.
        from: (f32, f32),
        /// End, points.
        to: (f32, f32),
        /// Colour.
        ink: Ink,
        /// Stroke width, points.
        width: f32,
    },
    /// A closed outline, filled and stroked (any shape, concave too: PDF fills it whole).
    Polygon {
        /// The corners, points.
        points: Vec<(f32, f32)>,
        /// Fill colour.
        fill: Ink,
        /// Edge colour.
        edge: Ink,
    },
    /// A round marker.
    Circle {
        /// Centre, points.
        centre: (f32, f32),
        /// Radius, points.
        radius: f32,
        /// Fill colour.
        fill: Ink,
        /// Edge colour.
        edge: Ink,
    },
    /// A clickable area opening a web address.
    Link {
        /// Left, top, right, bottom, points.
        rect: [f32; 4],
        /// The address.
        url: String,
    },
}

impl Item {
    fn moved_down(mut self, dy: f32) -> Self {
        match &mut self {
            Self::Text(run) => run.baseline += dy,
            Self::Line { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
            Self::Polygon { points, .. } => points.iter_mut().for_each(|p| p.1 += dy),
            Self::Circle { centre, .. } => centre.1 += dy,
            Self::Link { rect, .. } => {
                rect[1] += dy;
                rect[3] += dy;
            }
        }
        self
    }
}

/// What had to be left out to fit the page; all zero (and `false`) when everything fits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cuts {
    /// The description was shortened.
    pub description: bool,
    /// Approval dates left out.
    pub milestones: usize,
    /// Figures left out.
    pub figures: usize,
    /// Industries left out.
    pub industries: usize,
    /// Comparable parks left out.
    pub peers: usize,
    /// Sources left out.
    pub sources: usize,
}

/// The laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Every mark, in drawing order.
    pub items: Vec<Item>,
    /// What was left out, each said on the page too.
    pub cuts: Cuts,
    /// The size the flowing sections were set at, as a share of normal (1 = normal).
    pub scale: f32,
    /// The numbers of the sources what the page shows cites, ascending.
    pub cited: Vec<usize>,
}

impl Page {
    /// Every line of text on the page.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(run) => Some(run),
            _ => None,
        })
    }
}

/// A run of marks that is kept or cut as one (a figure's row, a source), laid out from y = 0.
#[derive(Clone, Debug, Default)]
struct Block {
    items: Vec<Item>,
    height: f32,
    /// How many things it shows, for the "… N more" note.
    count: usize,
    /// The numbers of the sources it cites; of a source's own block, its number.
    cites: Vec<usize>,
}

/// A flowing section: a heading, blocks, and the note that replaces what is cut.
#[derive(Clone)]
struct Section {
    heading: Block,
    blocks: Vec<Block>,
    /// Blocks kept (from the start).
    kept: usize,
    /// Blocks kept however little room there is, unless even that does not fit.
    min_kept: usize,
    /// The "… {n} more" template.
    more: Counted,
    /// Which count of [`Cuts`] it fills.
    kind: SectionKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    Description,
    Figures,
    NoData,
    Industries,
    Peers,
    Sources,
}

impl SectionKind {
    /// How readily the section gives up room: the description's prose first, the figures (what
    /// a brief is for) last.
    fn cut_weight(self) -> f32 {
        match self {
            Self::Description => 3.0,
            Self::Industries => 1.5,
            Self::NoData | Self::Peers | Self::Sources => 1.0,
            Self::Figures => 0.7,
        }
    }
}

/// Sets text, each call one line at a time, from a cursor.
struct Writer<'a> {
    font: &'a BriefFont,
    block: Block,
}

impl<'a> Writer<'a> {
    fn new(font: &'a BriefFont) -> Self {
        Self { font, block: Block::default() }
    }

    /// Writes `lines` at `x`, starting at `top`, and returns the y below them.
    fn lines(&mut self, lines: &[String], x: f32, top: f32, size: f32, ink: Ink, bold: bool) -> f32 {
        let mut y = top;
        for line in lines {
            y += size * LINE_HEIGHT;
            if line.is_empty() {
                continue;
            }
            self.block.items.push(Item::Text(TextRun {
                x,
                baseline: y - 0.3 * size,
                size,
                ink,
                bold,
                width: self.font.width(line, size),
                text: line.clone(),
            }));
        }
        self.block.height = self.block.height.max(y);
        y
    }

    fn finish(self, count: usize) -> Block {
        Block { count, ..self.block }
    }

    /// The block, showing `count` things, that cites the sources numbered `cites`.
    fn finish_citing(self, count: usize, cites: Vec<usize>) -> Block {
        Block { count, cites, ..self.block }
    }
}

/// Sizes of the flowing part at a scale.
#[derive(Clone, Copy)]
struct Sizes {
    heading: f32,
    body: f32,
    table: f32,
    sources: f32,
}

impl Sizes {
    fn at(scale: f32) -> Self {
        Self { heading: 10.5 * scale.max(0.9), body: 9.0 * scale, table: 8.5 * scale, sources: 7.5 * scale }
    }
}

/// Lays the brief out on one A4 page.
pub fn lay_out(content: &BriefContent, font: &BriefFont) -> Page {
    let mut items = Vec::new();
    let mut cuts = Cuts::default();
    let header_bottom = header(content, font, &mut items, &mut cuts);
    let footer_top = footer(content, font, &mut items);
    let room = footer_top - header_bottom - SECTION_GAP;

    // The largest scale at which everything fits; at the smallest, cut.
    let mut scale = 1.0;
    let mut laid = sections(content, font, Sizes::at(scale));
    while total_height(&laid) > room && scale > MIN_SCALE {
        scale = (scale - 0.05_f32).max(MIN_SCALE);
        laid = sections(content, font, Sizes::at(scale));
    }
    let mut sections = laid;
    // The header shows the first milestones, the rest counted.
    let shown_milestones = content.milestone_sources.len().saturating_sub(cuts.milestones);
    let header_cites = &content.milestone_sources[..shown_milestones];
    cut_to_fit(&mut sections, (room, header_cites), font, scale);
    let cited = cited_numbers(&sections, header_cites).into_iter().collect();

    let mut y = header_bottom;
    for section in &sections {
        if section.blocks.is_empty() {
            continue;
        }
        let hidden = &section.blocks[section.kept..];
        let hidden_count: usize = hidden.iter().map(|b| b.count).sum();
        match section.kind {
            SectionKind::Description => cuts.description |= !hidden.is_empty(),
            SectionKind::Figures => cuts.figures += hidden_count,
            SectionKind::NoData => {}
            SectionKind::Industries => cuts.industries += hidden_count,
            SectionKind::Peers => cuts.peers += hidden_count,
            SectionKind::Sources => cuts.sources += hidden_count,
        }
        items.extend(section.heading.items.iter().cloned().map(|item| item.moved_down(y)));
        y += section.heading.height;
        for block in &section.blocks[..section.kept] {
            items.extend(block.items.iter().cloned().map(|item| item.moved_down(y)));
            y += block.height;
        }
        if !hidden.is_empty() {
            let note = more_note(font, section, scale);
            items.extend(note.items.into_iter().map(|item| item.moved_down(y)));
            y += note.height;
        }
        y += SECTION_GAP;
    }
    Page { items, cuts, scale, cited }
}

fn section_height(section: &Section, note_height: f32) -> f32 {
    if section.blocks.is_empty() {
        return 0.0;
    }
    let kept: f32 = section.blocks[..section.kept].iter().map(|b| b.height).sum();
    let note = if section.kept < section.blocks.len() { note_height } else { 0.0 };
    section.heading.height + kept + note + SECTION_GAP
}

fn total_height(sections: &[Section]) -> f32 {
    // A note is one line of the section's text; an upper bound of it is enough before cutting.
    sections.iter().map(|s| section_height(s, 0.0)).sum()
}

/// Cuts blocks from the end of the tallest section (beyond its minimum) until all fit. While
/// every section keeps its minimum, the sources listed are those the page cites (the header's,
/// `header_cites`, and the kept blocks'): a source cited only by what was cut goes, and none a
/// kept line cites. Only when even the minimums do not fit (a park of dozens of sources) are
/// sources cut like any other section, from the end, and counted in its note. What the minimums
/// leave room for after cutting is given back ([`give_back_what_fits`]).
fn cut_to_fit(sections: &mut [Section], (room, header_cites): (f32, &[usize]), font: &BriefFont, scale: f32) {
    let note_heights: Vec<f32> = sections.iter().map(|s| more_note(font, s, scale).height).collect();
    let total = |sections: &[Section]| -> f32 {
        sections.iter().zip(&note_heights).map(|(s, &note)| section_height(s, note)).sum()
    };
    list_cited_sources(sections, header_cites);
    for respect_minimum in [true, false] {
        if !respect_minimum && total(sections) <= room {
            give_back_what_fits(sections, header_cites, |sections| total(sections) <= room);
            return;
        }
        while total(sections) > room {
            let cuttable = sections
                .iter()
                .enumerate()
                // The sources follow what cites them, unless there is nothing else to cut.
                .filter(|(_, s)| s.kind != SectionKind::Sources || !respect_minimum)
                .filter(|(_, s)| s.kept > if respect_minimum { s.min_kept } else { 0 })
                .max_by(|(_, a), (_, b)| {
                    let rest = |s: &Section| {
                        let height: f32 = s.blocks[s.min_kept.min(s.kept)..s.kept].iter().map(|b| b.height).sum();
                        height * s.kind.cut_weight()
                    };
                    rest(a).total_cmp(&rest(b))
                })
                .map(|(i, _)| i);
            let Some(i) = cuttable else { break };
            if let Some(section) = sections.get_mut(i) {
                section.kept -= 1;
            }
            if respect_minimum {
                list_cited_sources(sections, header_cites);
            }
        }
    }
}

/// Gives back, while `fits`, the blocks cut that fit in the room left: the block cut last, from
/// the section with the most room to give (by its weight), can be taller than the page lacked,
/// and leave room for a block cut before (a page cut a figure with a long note and left the room
/// of two peers empty). The sections that give up room last
/// get theirs back first, each block in its order, with the sources its blocks cite.
fn give_back_what_fits(sections: &mut [Section], header_cites: &[usize], fits: impl Fn(&[Section]) -> bool) {
    let mut order: Vec<usize> = (0..sections.len()).filter(|&i| sections[i].kind != SectionKind::Sources).collect();
    order.sort_by(|&a, &b| sections[a].kind.cut_weight().total_cmp(&sections[b].kind.cut_weight()));
    for i in order {
        while sections[i].kept < sections[i].blocks.len() {
            sections[i].kept += 1;
            list_cited_sources(sections, header_cites);
            if !fits(sections) {
                sections[i].kept -= 1;
                list_cited_sources(sections, header_cites);
                break;
            }
        }
    }
}

/// Keeps in the sources section the sources cited by the header (`header_cites`) and by the
/// other sections' kept blocks, in their numbers' order, and leaves out the rest.
fn list_cited_sources(sections: &mut [Section], header_cites: &[usize]) {
    let cited = cited_numbers(sections, header_cites);
    for section in sections.iter_mut().filter(|section| section.kind == SectionKind::Sources) {
        section.blocks.sort_by_key(|block| (!block.cites.iter().any(|n| cited.contains(n)), block.cites.clone()));
        section.kept = section.blocks.iter().filter(|block| block.cites.iter().any(|n| cited.contains(n))).count();
    }
}

/// The numbers of the sources the header (`header_cites`) and the other sections' kept blocks
/// cite.
fn cited_numbers(sections: &[Section], header_cites: &[usize]) -> std::collections::BTreeSet<usize> {
    sections
        .iter()
        .filter(|section| section.kind != SectionKind::Sources)
        .flat_map(|section| &section.blocks[..section.kept])
        .flat_map(|block| &block.cites)
        .chain(header_cites)
        .copied()
        .collect()
}

/// The note that ends a cut section.
fn more_note(font: &BriefFont, section: &Section, scale: f32) -> Block {
    let hidden: usize = section.blocks.get(section.kept..).map_or(0, |b| b.iter().map(|b| b.count).sum());
    let size = Sizes::at(scale).body * 0.9;
    let mut writer = Writer::new(font);
    let text = brief_more(section.more, hidden);
    let lines = wrap(font, &text, size, CONTENT_WIDTH);
    writer.lines(&lines, MARGIN, 0.0, size, Ink::Muted, false);
    writer.finish(0)
}

#[cfg(test)]
mod tests {
    use super::{Block, BriefFont, Section, SectionKind, cut_to_fit, section_height};
    use crate::i18n::brief_words;
    use crate::model::Language;

    fn section(kind: SectionKind, heights: &[f32], min_kept: usize) -> Section {
        let block = |height: f32| Block { height, count: 1, ..Block::default() };
        Section {
            heading: block(10.0),
            blocks: heights.iter().copied().map(block).collect(),
            kept: heights.len(),
            min_kept,
            more: brief_words(Language::En).more_peers,
            kind,
        }
    }

    /// Cutting the tallest section's block last can free more room than the page lacked; what
    /// then fits of the sections cut before is given back, so no section is cut by a block the
    /// page has room for.
    #[test]
    fn no_section_is_cut_by_a_block_that_fits() {
        let font = BriefFont::bundled(crate::model::Language::En).expect("the bundled font reads");
        let mut sections =
            [section(SectionKind::Figures, &[20.0, 20.0, 20.0, 60.0], 3), section(SectionKind::Peers, &[15.0; 7], 1)];
        let total = |sections: &[Section]| -> f32 {
            let note = |s: &Section| super::more_note(&font, s, 1.0).height;
            sections.iter().map(|s| section_height(s, note(s))).sum()
        };
        let room = total(&sections) - 70.0;
        cut_to_fit(&mut sections, (room, &[]), &font, 1.0);
        assert!(total(&sections) <= room, "it fits");
        assert!(sections.iter().any(|s| s.kept < s.blocks.len()), "a fair test: something was cut");
        for i in 0..sections.len() {
            let mut more = [sections[0].kept, sections[1].kept];
            if more[i] == sections[i].blocks.len() {
                continue;
            }
            more[i] += 1;
            let mut tried = sections.clone();
            for (section, kept) in tried.iter_mut().zip(more) {
                section.kept = kept;
            }
            assert!(total(&tried) > room, "section {i} was cut by a block there is room for: kept {more:?}");
        }
    }
}
