//! Writes a laid-out [`Page`] as a one-page PDF with krilla: text as real text in the bundled
//! font (subset and embedded, with a `ToUnicode` map so it can be searched and copied), the map
//! as vector paths, and the sources' addresses as links.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::font::BriefFont;
use super::layout::{Ink, Item, PAGE_HEIGHT, PAGE_WIDTH, Page, TextRun};

/// Print colours, dark on white: OWID's text greys (`#2d2e2d`, `#5b5b5b`, both above 7:1 on
/// white) and its denim `#4c6a9c` for headings and the park's districts (5.6:1), so the page
/// reads on a grey-scale printer as well.
fn colour(ink: Ink) -> rgb::Color {
    match ink {
        Ink::Text => rgb::Color::new(0x2d, 0x2e, 0x2d),
        Ink::Muted => rgb::Color::new(0x5b, 0x5b, 0x5b),
        Ink::Accent => rgb::Color::new(0x4c, 0x6a, 0x9c),
        Ink::Rule => rgb::Color::new(0xbb, 0xbb, 0xbb),
        Ink::District => rgb::Color::new(0xe8, 0xe8, 0xe8),
        Ink::Highlight => rgb::Color::new(0xb4, 0xc6, 0xe0),
        Ink::Edge | Ink::Paper => rgb::Color::new(0xff, 0xff, 0xff),
    }
}

fn fill(ink: Ink) -> Fill {
    Fill { paint: colour(ink).into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }
}

fn stroke(ink: Ink, width: f32) -> Stroke {
    Stroke { paint: colour(ink).into(), width, ..Stroke::default() }
}

/// Why a brief could not be made.
#[derive(Debug)]
pub enum PdfError {
    /// The bundled font could not be read (a broken build).
    Font,
    /// krilla refused the document.
    Krilla(krilla::error::KrillaError),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Font => write!(f, "the bundled font cannot be used for the PDF"),
            Self::Krilla(err) => write!(f, "the PDF could not be written: {err}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The PDF of `page`, titled `title` in `language` (a BCP 47 tag such as `en` or `zh-CN`).
pub fn write_pdf(page: &Page, font: &BriefFont, title: &str, language: &str) -> Result<Vec<u8>, PdfError> {
    let pdf_fonts: Vec<Font> =
        font.data().map(|data| Font::new(data.into(), 0).ok_or(PdfError::Font)).collect::<Result<_, _>>()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(title.to_owned()).language(language.to_owned()).creator("ZGC Atlas".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Font)?;
    let mut pdf_page = document.start_page_with(settings);
    let mut links = Vec::new();
    {
        let mut surface = pdf_page.surface();
        for item in &page.items {
            match item {
                Item::Text(run) => draw_text(&mut surface, run, font, &pdf_fonts),
                Item::Line { from, to, ink, width } => {
                    let mut path = PathBuilder::new();
                    path.move_to(from.0, from.1);
                    path.line_to(to.0, to.1);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(stroke(*ink, *width)));
                        surface.draw_path(&path);
                    }
                }
                Item::Polygon { points, fill: inside, edge } => {
                    let mut path = PathBuilder::new();
                    for (i, &(x, y)) in points.iter().enumerate() {
                        if i == 0 { path.move_to(x, y) } else { path.line_to(x, y) }
                    }
                    path.close();
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(fill(*inside)));
                        surface.set_stroke(Some(stroke(*edge, 0.6)));
                        surface.draw_path(&path);
                    }
                }
                Item::Circle { centre, radius, fill: inside, edge } => {
                    if let Some(path) = circle(*centre, *radius) {
                        surface.set_fill(Some(fill(*inside)));
                        surface.set_stroke(Some(stroke(*edge, 0.8)));
                        surface.draw_path(&path);
                    }
                }
                Item::Link { rect, url } => links.push((*rect, url.clone())),
            }
        }
        surface.finish();
    }
    for ([left, top, right, bottom], url) in links {
        let Some(rect) = Rect::from_ltrb(left, top, right, bottom) else { continue };
        let link = krilla::annotation::LinkAnnotation::new(
            rect,
            krilla::annotation::Target::Action(krilla::action::LinkAction::new(url).into()),
        );
        pdf_page.add_annotation(krilla::annotation::Annotation::new_link(link, None));
    }
    pdf_page.finish();
    document.finish().map_err(PdfError::Krilla)
}

/// One line of text, glyph by glyph with the advances the layout measured, each stretch in the
/// font that draws it; each glyph maps back to its character, so the text can be extracted.
fn draw_text(surface: &mut Surface<'_>, run: &TextRun, font: &BriefFont, pdf_fonts: &[Font]) {
    surface.set_fill(Some(fill(run.ink)));
    // Heavier text is the same font filled and outlined: the bundled fonts have one weight.
    surface.set_stroke(run.bold.then(|| stroke(run.ink, run.size * 0.035)));
    let mut x = run.x;
    let mut rest = run.text.as_str();
    while let Some(first) = rest.chars().next() {
        let face = font.glyph(first).face;
        let end = rest.char_indices().find(|(_, c)| font.glyph(*c).face != face).map_or(rest.len(), |(i, _)| i);
        let (stretch, after) = rest.split_at(end);
        let glyphs: Vec<KrillaGlyph> = stretch
            .char_indices()
            .map(|(i, c)| {
                let of = font.glyph(c);
                KrillaGlyph::new(GlyphId::new(of.glyph), font.advance_em(c), 0.0, 0.0, 0.0, i..i + c.len_utf8(), None)
            })
            .collect();
        if let Some(pdf_font) = pdf_fonts.get(face) {
            surface.draw_glyphs(Point::from_xy(x, run.baseline), &glyphs, pdf_font.clone(), stretch, run.size, false);
        }
        x += font.width(stretch, run.size);
        rest = after;
    }
    surface.set_stroke(None);
}

/// A circle as four Bézier arcs.
fn circle((cx, cy): (f32, f32), r: f32) -> Option<krilla::geom::Path> {
    // The control-point distance that makes a quarter circle.
    const K: f32 = 0.552_284_8;
    let k = K * r;
    let mut path = PathBuilder::new();
    path.move_to(cx + r, cy);
    path.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    path.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    path.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    path.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    path.close();
    path.finish()
}
