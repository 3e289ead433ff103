//! Places a [`BriefContent`] on one A4 page: positions, sizes and wrapped lines, in points from
//! the page's top-left corner, with no PDF in sight (so tests can check the page without one).
//!
//! The page is a header (names, facts, approval dates) beside the map, then the description,
//! the latest figures, the industries, the comparable parks and the sources, then a footer.
//! Whatever is long is first set smaller (down to [`MIN_SCALE`] of the normal size), then cut
//! from the end of the longest section, each cut section ending with an honest note ("… 12
//! more sources, see the dataset"), so nothing runs off the page or is clipped.

use crate::i18n::{brief_more, brief_words};

use super::content::{BriefContent, BriefMap};
use super::font::BriefFont;

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

/// Breaks `text` into lines no wider than `width` at `size`: between words, between Chinese
/// characters, and inside a word (an address) only when it is wider than a line.
pub fn wrap(font: &BriefFont, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for token in tokens(paragraph) {
            let token_width = font.width(token, size);
            if line_width + token_width <= width || line.is_empty() && token_width <= width {
                line.push_str(token);
                line_width += token_width;
                continue;
            }
            if token.chars().all(char::is_whitespace) {
                // A break replaces the space.
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                line_width = 0.0;
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
            }
            line.clear();
            line_width = 0.0;
            // A token wider than a line (an address) is broken between characters.
            for c in token.chars() {
                let w = font.advance_em(c) * size;
                if line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// [`wrap`], keeping at most `max_lines`; when more were needed, the last kept line ends in "…".
pub fn wrap_at_most(font: &BriefFont, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines = wrap(font, text, size, width);
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && font.width(&format!("{last}…"), size) > width {
                last.pop();
            }
            let trimmed = last.trim_end().to_owned();
            *last = format!("{trimmed}…");
        }
    }
    lines
}

/// Words, runs of spaces, and single Chinese characters (each of which may start a line).
fn tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = 0;
    let mut previous: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        if let Some((_, p)) = previous {
            let boundary = is_cjk(c) || is_cjk(p) || c.is_whitespace() != p.is_whitespace();
            // Closing punctuation stays with what it closes.
            if boundary && !is_closing(c) {
                tokens.push(&text[start..i]);
                start = i;
            }
        }
        previous = Some((i, c));
    }
    if start < text.len() {
        tokens.push(&text[start..]);
    }
    tokens
}

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '）' | '」' | '』' | '》' | '！' | '？' | ',' | '.' | ';' | ':' | ')'
    )
}

/// ": " in English, "：" in Chinese.
pub fn colon(language: crate::model::Language) -> &'static str {
    match language {
        crate::model::Language::En => ": ",
        crate::model::Language::Zh => "：",
    }
}

/// A run of marks that is kept or cut as one (a figure's row, a source), laid out from y = 0.
#[derive(Clone, Debug, Default)]
struct Block {
    items: Vec<Item>,
    height: f32,
    /// How many things it shows, for the "… N more" note.
    count: usize,
}

/// A flowing section: a heading, blocks, and the note that replaces what is cut.
struct Section {
    heading: Block,
    blocks: Vec<Block>,
    /// Blocks kept (from the start).
    kept: usize,
    /// Blocks kept however little room there is, unless even that does not fit.
    min_kept: usize,
    /// The "… {n} more" template.
    more: &'static str,
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
    cut_to_fit(&mut sections, room, font, scale);

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
    Page { items, cuts, scale }
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

/// Cuts blocks from the end of the tallest section (beyond its minimum) until all fit.
fn cut_to_fit(sections: &mut [Section], room: f32, font: &BriefFont, scale: f32) {
    let note_heights: Vec<f32> = sections.iter().map(|s| more_note(font, s, scale).height).collect();
    let total = |sections: &[Section]| -> f32 {
        sections.iter().zip(&note_heights).map(|(s, &note)| section_height(s, note)).sum()
    };
    for respect_minimum in [true, false] {
        while total(sections) > room {
            let cuttable = sections
                .iter()
                .enumerate()
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
        }
    }
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

/// Names, facts and approval dates on the left, the map on the right. Returns the y below.
fn header(content: &BriefContent, font: &BriefFont, items: &mut Vec<Item>, cuts: &mut Cuts) -> f32 {
    let w = brief_words(content.language);
    let left_width = CONTENT_WIDTH - MAP_WIDTH - COLUMN_GAP;
    let mut writer = Writer::new(font);
    let x = MARGIN;
    let mut y = MARGIN;
    y = writer.lines(&wrap_at_most(font, &content.kicker, 8.0, left_width, 1), x, y, 8.0, Ink::Accent, false);
    y = writer.lines(&wrap_at_most(font, &content.title, 20.0, left_width, 2), x, y + 2.0, 20.0, Ink::Text, true);
    if !content.subtitle.is_empty() {
        y = writer.lines(&wrap_at_most(font, &content.subtitle, 12.0, left_width, 2), x, y, 12.0, Ink::Muted, false);
    }
    y += 6.0;
    let size = 9.0;
    let mut labels: Vec<&str> = content.facts.iter().map(|(label, _)| label.as_str()).collect();
    if !content.milestones.is_empty() {
        labels.push(w.milestones);
    }
    let label_width = labels.iter().map(|l| font.width(l, size)).fold(0.0, f32::max) + 8.0;
    let value_width = left_width - label_width;
    for (label, value) in &content.facts {
        writer.lines(std::slice::from_ref(label), x, y, size, Ink::Muted, true);
        y = writer.lines(&wrap_at_most(font, value, size, value_width, 3), x + label_width, y, size, Ink::Text, false);
    }
    // Approval dates beside the map, at least three; the rest are counted.
    let map_bottom = map(content, font, items);
    let note_height = size * 0.9 * LINE_HEIGHT;
    let mut shown = 0;
    for milestone in &content.milestones {
        let lines = wrap_at_most(font, milestone, size, value_width, 2);
        let height = lines.len() as f32 * size * LINE_HEIGHT;
        let last = shown + 1 == content.milestones.len();
        let fits = y + height + if last { 0.0 } else { note_height } <= map_bottom;
        if shown >= MIN_MILESTONES && !fits {
            break;
        }
        if shown == 0 {
            writer.lines(&[w.milestones.to_owned()], x, y, size, Ink::Muted, true);
        }
        y = writer.lines(&lines, x + label_width, y, size, Ink::Text, false);
        shown += 1;
    }
    if shown < content.milestones.len() {
        cuts.milestones = content.milestones.len() - shown;
        let note = brief_more(w.more_milestones, cuts.milestones);
        y = writer.lines(
            &wrap(font, &note, size * 0.9, value_width),
            x + label_width,
            y,
            size * 0.9,
            Ink::Muted,
            false,
        );
    }
    items.extend(writer.block.items);
    let bottom = y.max(map_bottom) + 6.0;
    items.push(Item::Line { from: (MARGIN, bottom), to: (PAGE_WIDTH - MARGIN, bottom), ink: Ink::Rule, width: 0.6 });
    bottom + SECTION_GAP
}

/// The map in its box at the top right, its caption under it. Returns the y below.
fn map(content: &BriefContent, font: &BriefFont, items: &mut Vec<Item>) -> f32 {
    let left = PAGE_WIDTH - MARGIN - MAP_WIDTH;
    let top = MARGIN;
    let frame = [left, top, left + MAP_WIDTH, top + MAP_HEIGHT];
    let corners = vec![(frame[0], frame[1]), (frame[2], frame[1]), (frame[2], frame[3]), (frame[0], frame[3])];
    items.push(Item::Polygon { points: corners, fill: Ink::Paper, edge: Ink::Rule });
    let mut writer = Writer::new(font);
    let caption_size = 7.0;
    let caption = match &content.map {
        Some(map) => {
            draw_map(map, frame, items);
            map.caption.clone()
        }
        None => brief_words(content.language).no_map.to_owned(),
    };
    let lines = wrap_at_most(font, &caption, caption_size, MAP_WIDTH, 4);
    let bottom = writer.lines(&lines, left, frame[3] + 2.0, caption_size, Ink::Muted, false);
    items.extend(writer.block.items);
    bottom
}

/// The districts fitted into `frame` (north up, same scale both ways), the park's on top, and
/// its marker.
fn draw_map(map: &BriefMap, frame: [f32; 4], items: &mut Vec<Item>) {
    let points = map.districts.iter().flat_map(|d| &d.ring);
    let (mut west, mut south, mut east, mut north) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points {
        west = west.min(x);
        east = east.max(x);
        south = south.min(y);
        north = north.max(y);
    }
    if west >= east || south >= north {
        return;
    }
    let pad = 6.0;
    let (width, height) = (f64::from(frame[2] - frame[0] - 2.0 * pad), f64::from(frame[3] - frame[1] - 2.0 * pad));
    let points_per_km = (width / (east - west)).min(height / (north - south));
    // Centred in the frame.
    let x0 = f64::from(frame[0] + pad) + (width - (east - west) * points_per_km) / 2.0;
    let y0 = f64::from(frame[1] + pad) + (height - (north - south) * points_per_km) / 2.0;
    let page_from_km = |(x, y): (f64, f64)| -> (f32, f32) {
        ((x0 + (x - west) * points_per_km) as f32, (y0 + (north - y) * points_per_km) as f32)
    };
    for highlighted in [false, true] {
        for district in map.districts.iter().filter(|d| d.highlighted == highlighted) {
            items.push(Item::Polygon {
                points: district.ring.iter().map(|&p| page_from_km(p)).collect(),
                fill: if highlighted { Ink::Highlight } else { Ink::District },
                edge: if highlighted { Ink::Accent } else { Ink::Edge },
            });
        }
    }
    if let Some(park) = map.park {
        let centre = page_from_km(park);
        items.push(Item::Circle { centre, radius: 4.5, fill: Ink::Paper, edge: Ink::Text });
        items.push(Item::Circle { centre, radius: 2.5, fill: Ink::Text, edge: Ink::Text });
    }
}

/// The footer at the bottom margin, above it a rule. Returns its top.
fn footer(content: &BriefContent, font: &BriefFont, items: &mut Vec<Item>) -> f32 {
    let w = brief_words(content.language);
    let size = 7.0;
    let mut lines = wrap(font, w.footer_rule, size, CONTENT_WIDTH);
    lines.extend(wrap(font, &content.footer_dataset, size, CONTENT_WIDTH));
    let height = lines.len() as f32 * size * LINE_HEIGHT;
    let top = PAGE_HEIGHT - MARGIN - height;
    let mut writer = Writer::new(font);
    writer.lines(&lines, MARGIN, top, size, Ink::Muted, false);
    items.extend(writer.block.items);
    items.push(Item::Line {
        from: (MARGIN, top - 4.0),
        to: (PAGE_WIDTH - MARGIN, top - 4.0),
        ink: Ink::Rule,
        width: 0.6,
    });
    top - 4.0
}

/// A section heading, laid out from y = 0.
fn heading(font: &BriefFont, text: &str, sizes: Sizes) -> Block {
    let mut writer = Writer::new(font);
    writer.lines(&[text.to_owned()], MARGIN, 0.0, sizes.heading, Ink::Accent, true);
    let mut block = writer.finish(0);
    block.height += 2.0;
    block
}

/// The flowing sections at `sizes`, nothing cut yet.
fn sections(content: &BriefContent, font: &BriefFont, sizes: Sizes) -> Vec<Section> {
    let w = brief_words(content.language);
    let mut sections = Vec::new();
    let section = |heading: Block, blocks: Vec<Block>, min_kept: usize, more: &'static str, kind| Section {
        heading,
        kept: blocks.len(),
        min_kept: min_kept.min(blocks.len()),
        blocks,
        more,
        kind,
    };
    if let Some(description) = &content.description {
        let blocks = wrap(font, description, sizes.body, CONTENT_WIDTH)
            .into_iter()
            .map(|line| {
                let mut writer = Writer::new(font);
                writer.lines(&[line], MARGIN, 0.0, sizes.body, Ink::Text, false);
                writer.finish(1)
            })
            .collect();
        sections.push(section(
            heading(font, w.about, sizes),
            blocks,
            3,
            w.description_shortened,
            SectionKind::Description,
        ));
    }
    sections.push(section(
        figures_heading(content, font, sizes),
        figure_blocks(content, font, sizes),
        3,
        w.more_figures,
        SectionKind::Figures,
    ));
    if !content.no_data.is_empty() {
        sections.push(section(Block::default(), vec![no_data_block(content, font, sizes)], 1, "", SectionKind::NoData));
    }
    if !content.industries.is_empty() {
        let blocks = industry_blocks(content, font, sizes);
        sections.push(section(
            heading(font, w.industries, sizes),
            blocks,
            1,
            w.more_industries,
            SectionKind::Industries,
        ));
    }
    if !content.peers.is_empty() {
        let blocks = content
            .peers
            .iter()
            .map(|peer| {
                let mut writer = Writer::new(font);
                let text = if peer.reasons.is_empty() {
                    peer.name.clone()
                } else {
                    format!("{} — {}", peer.name, peer.reasons)
                };
                writer.lines(
                    &wrap_at_most(font, &text, sizes.body, CONTENT_WIDTH, 2),
                    MARGIN,
                    0.0,
                    sizes.body,
                    Ink::Text,
                    false,
                );
                writer.finish(1)
            })
            .collect();
        sections.push(section(heading(font, w.peers, sizes), blocks, 1, w.more_peers, SectionKind::Peers));
    }
    if !content.sources.is_empty() {
        let blocks = source_blocks(content, font, sizes);
        sections.push(section(heading(font, w.sources, sizes), blocks, 3, w.more_sources, SectionKind::Sources));
    }
    sections
}

/// Column left edges and widths of the figures table.
fn figure_columns() -> [(f32, f32); 5] {
    let shares = [0.34, 0.27, 0.15, 0.16, 0.08];
    let mut x = MARGIN;
    shares.map(|share| {
        let column = (x, CONTENT_WIDTH * share - 6.0);
        x += CONTENT_WIDTH * share;
        column
    })
}

fn figures_heading(content: &BriefContent, font: &BriefFont, sizes: Sizes) -> Block {
    let w = brief_words(content.language);
    let mut block = heading(font, w.figures, sizes);
    if content.figures.is_empty() {
        return block;
    }
    let mut writer = Writer::new(font);
    let headers = [w.col_metric, w.col_value, w.col_year, w.col_qualifier, w.col_source];
    let mut bottom: f32 = 0.0;
    for ((x, width), text) in figure_columns().into_iter().zip(headers) {
        let lines = wrap_at_most(font, text, sizes.table, width, 1);
        bottom = bottom.max(writer.lines(&lines, x, block.height, sizes.table, Ink::Muted, true));
    }
    writer.block.items.push(Item::Line {
        from: (MARGIN, bottom + 1.0),
        to: (PAGE_WIDTH - MARGIN, bottom + 1.0),
        ink: Ink::Rule,
        width: 0.4,
    });
    block.items.extend(writer.block.items);
    block.height = bottom + 2.0;
    block
}

fn figure_blocks(content: &BriefContent, font: &BriefFont, sizes: Sizes) -> Vec<Block> {
    if content.figures.is_empty() {
        let mut writer = Writer::new(font);
        let w = brief_words(content.language);
        writer.lines(&wrap(font, w.no_figures, sizes.body, CONTENT_WIDTH), MARGIN, 0.0, sizes.body, Ink::Muted, false);
        return vec![writer.finish(0)];
    }
    content
        .figures
        .iter()
        .map(|row| {
            let mut writer = Writer::new(font);
            let source = format!("[{}]", row.source);
            let cells = [&row.metric, &row.value, &row.year, &row.qualifier, &source];
            let mut bottom: f32 = 0.0;
            for ((x, width), text) in figure_columns().into_iter().zip(cells) {
                let lines = wrap_at_most(font, text, sizes.table, width, 2);
                bottom = bottom.max(writer.lines(&lines, x, 0.0, sizes.table, Ink::Text, false));
            }
            writer.block.height = bottom + 1.0;
            writer.finish(1)
        })
        .collect()
}

/// `prefix`, then as many of `names` as fit on `max_lines` lines of `width`, then "… and N
/// more" for the rest (and `suffix`), wrapped: a list is shortened by counting, never by an
/// ellipsis that hides how much is missing.
#[expect(clippy::too_many_arguments, reason = "one text, its font and its box")]
fn names_in_lines(
    font: &BriefFont,
    language: crate::model::Language,
    prefix: &str,
    names: &[String],
    suffix: &str,
    size: f32,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let separator = if language == crate::model::Language::Zh { "、" } else { ", " };
    let more = brief_words(language).more_no_data;
    let mut shown = names.len();
    loop {
        let mut text = format!("{prefix}{}", names[..shown].join(separator));
        if shown < names.len() {
            text.push(' ');
            text.push_str(&brief_more(more, names.len() - shown));
        }
        text.push_str(suffix);
        let lines = wrap(font, &text, size, width);
        if shown == 0 || lines.len() <= max_lines {
            return lines;
        }
        shown -= 1;
    }
}

/// Sorted numbers with runs shortened: `[1, 2, 3, 5]` → "1–3, 5".
pub fn number_ranges(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let flush = |run: (usize, usize), parts: &mut Vec<String>| {
        parts.push(match run.1 - run.0 {
            0 => run.0.to_string(),
            1 => format!("{}, {}", run.0, run.1),
            _ => format!("{}–{}", run.0, run.1),
        });
    };
    for &n in numbers {
        run = match run {
            Some((first, last)) if n == last + 1 => Some((first, n)),
            Some(done) => {
                flush(done, &mut parts);
                Some((n, n))
            }
            None => Some((n, n)),
        };
    }
    if let Some(done) = run {
        flush(done, &mut parts);
    }
    parts.join(", ")
}

fn no_data_block(content: &BriefContent, font: &BriefFont, sizes: Sizes) -> Block {
    let w = brief_words(content.language);
    let size = sizes.table;
    let label = format!("{}{}", w.no_data, colon(content.language));
    let lines = names_in_lines(font, content.language, &label, &content.no_data, "", size, CONTENT_WIDTH, 2);
    let mut writer = Writer::new(font);
    writer.lines(&lines, MARGIN, 2.0, size, Ink::Muted, false);
    writer.finish(0)
}

fn industry_blocks(content: &BriefContent, font: &BriefFont, sizes: Sizes) -> Vec<Block> {
    let size = sizes.body;
    let label_width = content.industries.iter().map(|row| font.width(&row.role, size)).fold(0.0, f32::max) + 10.0;
    content
        .industries
        .iter()
        .map(|row| {
            let mut writer = Writer::new(font);
            let refs = number_ranges(&row.sources);
            let width = CONTENT_WIDTH - label_width;
            let suffix = format!(" [{refs}]");
            let lines = names_in_lines(font, content.language, "", &row.names, &suffix, size, width, 3);
            writer.lines(std::slice::from_ref(&row.role), MARGIN, 0.0, size, Ink::Muted, true);
            writer.lines(&lines, MARGIN + label_width, 0.0, size, Ink::Text, false);
            writer.finish(row.names.len())
        })
        .collect()
}

fn source_blocks(content: &BriefContent, font: &BriefFont, sizes: Sizes) -> Vec<Block> {
    let size = sizes.sources;
    let number_width = font.width(&format!("[{}]", content.sources.len()), size) + 5.0;
    let width = CONTENT_WIDTH - number_width;
    content
        .sources
        .iter()
        .map(|source| {
            let mut writer = Writer::new(font);
            let x = MARGIN + number_width;
            writer.lines(&[format!("[{}]", source.number)], MARGIN, 0.0, size, Ink::Muted, false);
            let text_lines = wrap_at_most(font, &source.text, size, width, 2);
            let mut y = writer.lines(&text_lines, x, 0.0, size, Ink::Text, false);
            if let Some(url) = &source.url {
                // After the text on its last line when there is room, else on lines of its own.
                let gap = size;
                let last_width = text_lines.last().map_or(0.0, |line| font.width(line, size));
                let (start, url_lines) = if last_width + gap + font.width(url, size) <= width {
                    ((x + last_width + gap, y - size * LINE_HEIGHT), vec![url.clone()])
                } else {
                    ((x, y), wrap_at_most(font, url, size, width, 2))
                };
                let (mut line_x, mut top) = start;
                for line in &url_lines {
                    y = writer.lines(std::slice::from_ref(line), line_x, top, size, Ink::Accent, false);
                    let rect = [line_x, top, line_x + font.width(line, size), y];
                    writer.block.items.push(Item::Link { rect, url: url.clone() });
                    (line_x, top) = (x, y);
                }
            }
            writer.block.height = y + 1.0;
            writer.finish(1)
        })
        .collect()
}
