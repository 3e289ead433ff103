//! The parts of the page: the header beside the map, the footer, and the flowing sections
//! (description, figures, no-data metrics, industries, peers, sources) as blocks to keep or cut.

use crate::i18n::{Counted, brief_more, brief_words, clause_separator};

use super::super::content::{BriefContent, BriefMap};
use super::super::font::BriefFont;
use super::text::{colon, names_in_lines, number_ranges, wrap, wrap_at_most};
use super::{
    Block, COLUMN_GAP, CONTENT_WIDTH, Cuts, Ink, Item, LINE_HEIGHT, MAP_HEIGHT, MAP_WIDTH, MARGIN, MIN_MILESTONES,
    PAGE_HEIGHT, PAGE_WIDTH, SECTION_GAP, Section, SectionKind, Sizes, Writer,
};

/// The sizes the title is set in, in points, each with the most lines it may take there: the
/// first while the name fits in its lines, else the second.
const TITLE_SIZES: [(f32, usize); 2] = [(20.0, 2), (15.0, 3)];

/// Names, facts and approval dates on the left, the map on the right. Returns the y below.
pub(super) fn header(content: &BriefContent, font: &BriefFont, items: &mut Vec<Item>, cuts: &mut Cuts) -> f32 {
    let w = brief_words(content.language);
    let left_width = CONTENT_WIDTH - MAP_WIDTH - COLUMN_GAP;
    let mut writer = Writer::new(font);
    let x = MARGIN;
    let mut y = MARGIN;
    y = writer.lines(&wrap_at_most(font, &content.kicker, 8.0, left_width, 1), x, y, 8.0, Ink::Accent, false);
    // A handout names its park in full: a name too long for two lines at the title's size
    // is set smaller, in three, before it is cut.
    let [(size, most), (smaller, most_smaller)] = TITLE_SIZES;
    let lines = wrap(font, &content.title, size, left_width);
    let (title_size, title_lines) = if lines.len() <= most {
        (size, lines)
    } else {
        (smaller, wrap_at_most(font, &content.title, smaller, left_width, most_smaller))
    };
    y = writer.lines(&title_lines, x, y + 2.0, title_size, Ink::Text, true);
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
        let lines = wrap_at_most(font, milestone, size, value_width, 3);
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
pub(super) fn footer(content: &BriefContent, font: &BriefFont, items: &mut Vec<Item>) -> f32 {
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
pub(super) fn sections(content: &BriefContent, font: &BriefFont, sizes: Sizes) -> Vec<Section> {
    let w = brief_words(content.language);
    let mut sections = Vec::new();
    let section = |heading: Block, blocks: Vec<Block>, min_kept: usize, more: Counted, kind| Section {
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
            Counted::same(w.description_shortened),
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
        sections.push(section(
            Block::default(),
            vec![no_data_block(content, font, sizes)],
            1,
            Counted::same(""),
            SectionKind::NoData,
        ));
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
                    &wrap_at_most(font, &text, sizes.body, CONTENT_WIDTH, 3),
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
            let mut cites = vec![row.source];
            let cells = [&row.metric, &row.value, &row.year, &row.qualifier, &source];
            let mut bottom: f32 = 0.0;
            for ((x, width), text) in figure_columns().into_iter().zip(cells) {
                let lines = wrap_at_most(font, text, sizes.table, width, 2);
                bottom = bottom.max(writer.lines(&lines, x, 0.0, sizes.table, Ink::Text, false));
            }
            if !row.also_stated.is_empty() {
                // Under the value, across to the margin.
                let (x, _) = figure_columns()[1];
                let w = brief_words(content.language);
                let text = format!(
                    "{}{}{}",
                    w.also_stated,
                    colon(content.language),
                    row.also_stated.join(clause_separator(content.language))
                );
                let lines = wrap_at_most(font, &text, sizes.table, PAGE_WIDTH - MARGIN - x, 2);
                bottom = writer.lines(&lines, x, bottom, sizes.table, Ink::Muted, false);
                cites.extend(numbers_shown(&lines, &row.also_stated_sources));
            }
            if let Some(note) = &row.note {
                // Under the value, as the other values stated are.
                let (x, _) = figure_columns()[1];
                let label = crate::i18n::strings(content.language).note;
                let text = format!("{label}{}{note}", colon(content.language));
                let lines = wrap_at_most(font, &text, sizes.table, PAGE_WIDTH - MARGIN - x, 8);
                bottom = writer.lines(&lines, x, bottom, sizes.table, Ink::Muted, false);
                cites.extend(numbers_shown(&lines, &row.note_sources));
            }
            writer.block.height = bottom + 1.0;
            writer.finish_citing(1, cites)
        })
        .collect()
}

/// Of `numbers`, those whose "[n]" is whole in `lines`: a line cut with "…" can end before a
/// number, and a source only it cited would be listed for nothing to point at it.
fn numbers_shown(lines: &[String], numbers: &[usize]) -> Vec<usize> {
    // Joined without a space, so a number broken across two lines is found whole.
    let text = lines.concat();
    numbers.iter().copied().filter(|n| text.contains(&format!("[{n}]"))).collect()
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
            writer.finish_citing(row.names.len(), row.sources.clone())
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
            writer.finish_citing(1, vec![source.number])
        })
        .collect()
}
