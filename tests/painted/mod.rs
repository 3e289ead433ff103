//! The texts a window test's last frame painted, with where: what the accessibility tree lacks
//! (plot axes and labels, map names, legends). Used by the `any_dataset`, `plots` and
//! `ui_flows` tests.

use egui_kittest::Harness;
use zgc_atlas::app::ParkApp;

/// A text the last frame painted.
#[expect(
    dead_code,
    reason = "each test binary reads the fields it needs: any_dataset the whole text, the others what shows"
)]
pub struct PaintedText {
    /// The text laid out, whole.
    pub text: String,
    /// What it reads on screen: the text, or, cut short, the characters left and "…".
    pub shown: String,
    /// Where it was painted: the bounds of its glyphs' ink.
    pub rect: egui::Rect,
    /// The room its lines take, whole line heights: two texts on lines of one spacing are
    /// as far apart by this whatever their glyphs (ink without descenders ends higher).
    pub line_box: egui::Rect,
    /// Its lines as laid out, wrapped or broken.
    pub lines: Vec<String>,
    /// The rectangle it is clipped to: what lies outside is not shown.
    pub clip: egui::Rect,
    /// The size of its (first) font, in points.
    pub font_size: f32,
}

/// Every text painted in the last frame.
pub fn painted_texts(harness: &Harness<'_, ParkApp>) -> Vec<PaintedText> {
    fn collect(shape: &egui::Shape, clip: egui::Rect, texts: &mut Vec<PaintedText>) {
        match shape {
            egui::Shape::Text(text) => texts.push(PaintedText {
                text: text.galley.text().to_owned(),
                shown: shown_text(&text.galley),
                rect: text.visual_bounding_rect(),
                line_box: text.galley.rect.translate(text.pos.to_vec2()),
                lines: text.galley.rows.iter().map(|row| row.glyphs.iter().map(|glyph| glyph.chr).collect()).collect(),
                clip,
                font_size: text.galley.job.sections.first().map_or(0.0, |section| section.format.font_id.size),
            }),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, clip, texts)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, clipped.clip_rect, &mut texts);
    }
    texts
}

fn shown_text(galley: &egui::Galley) -> String {
    if galley.elided {
        galley.rows.iter().flat_map(|row| row.glyphs.iter().map(|glyph| glyph.chr)).collect()
    } else {
        galley.text().to_owned()
    }
}
