//! The texts a window test's last frame painted, with where: what the accessibility tree lacks
//! (plot axes and labels, map names, legends). Used by the `any_dataset` and `plots` tests.

use egui_kittest::Harness;
use zgc_atlas::app::ParkApp;

/// Every text painted in the last frame as it reads on screen (a text cut short ends in "…"),
/// with its bounding rectangle.
pub fn painted_texts(harness: &Harness<'_, ParkApp>) -> Vec<(String, egui::Rect)> {
    fn collect(shape: &egui::Shape, texts: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => texts.push((shown_text(&text.galley), text.visual_bounding_rect())),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, texts)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut texts);
    }
    texts
}

/// What a laid-out text shows: the text itself, or, cut short, the characters left and "…".
fn shown_text(galley: &egui::Galley) -> String {
    if galley.elided {
        galley.rows.iter().flat_map(|row| row.glyphs.iter().map(|glyph| glyph.chr)).collect()
    } else {
        galley.text().to_owned()
    }
}
