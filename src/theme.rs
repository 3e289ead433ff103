//! Fonts, the colour theme, and every colour the app chooses itself.
//!
//! The app and every test harness call [`install`], so tests render what users see.
#![expect(clippy::disallowed_methods, reason = "this module is where colours are chosen")]

use egui::{
    Color32, Context, FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily, ThemePreference, Visuals,
};

use crate::model::Qualifier;
use crate::state::ThemeChoice;

/// Noto Sans CJK SC cut down to GB2312 level 1 plus every character of the dataset and UI
/// (`scripts/make-font-subset.sh`; licence in `assets/fonts/OFL.txt`).
static CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-subset.otf");

/// Adds the bundled CJK font as the lowest-priority fallback of both font families, so Latin
/// text keeps egui's own fonts and Chinese text, arrows and bullets always have a glyph.
pub fn install(ctx: &Context) {
    let fallback = |family| InsertFontFamily { family, priority: FontPriority::Lowest };
    ctx.add_font(FontInsert::new(
        "noto_sans_sc_subset",
        FontData::from_static(CJK_FONT),
        vec![fallback(FontFamily::Proportional), fallback(FontFamily::Monospace)],
    ));
}

/// Applies the user's theme choice.
pub fn apply(ctx: &Context, choice: ThemeChoice) {
    let preference = match choice {
        ThemeChoice::System => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark => ThemePreference::Dark,
    };
    ctx.set_theme(preference);
}

/// Colour of a figure's quality mark: plain figures in the normal text colour, hedged figures
/// in the warning colour, plans and forecasts in a distinct blue so they never pass as actuals.
pub fn qualifier_colour(visuals: &Visuals, qualifier: Qualifier) -> Color32 {
    match qualifier {
        Qualifier::Reported => visuals.text_color(),
        Qualifier::Preliminary | Qualifier::Approximate | Qualifier::AtLeast | Qualifier::AtMost => {
            visuals.warn_fg_color
        }
        Qualifier::Target | Qualifier::Forecast => {
            if visuals.dark_mode {
                Color32::from_rgb(0x7f, 0xb8, 0xff)
            } else {
                Color32::from_rgb(0x1f, 0x5f, 0xbf)
            }
        }
    }
}

/// Colours for parks: the Okabe–Ito palette (safe for the common colour-vision deficiencies)
/// followed by Paul Tol's muted colours. Every bar and point is also labelled with its park's
/// name, so telling two colours apart is never the only way to read a plot.
const PARK_PALETTE: [(u8, u8, u8); 12] = [
    (0xe6, 0x9f, 0x00),
    (0x56, 0xb4, 0xe9),
    (0x00, 0x9e, 0x73),
    (0xf0, 0xe4, 0x42),
    (0x00, 0x72, 0xb2),
    (0xd5, 0x5e, 0x00),
    (0xcc, 0x79, 0xa7),
    (0xcc, 0x66, 0x77),
    (0x44, 0xaa, 0x99),
    (0xdd, 0xcc, 0x77),
    (0x88, 0x22, 0x55),
    (0x99, 0x99, 0x33),
];

/// The colour of the park at `position` in the dataset: the same in every plot and on the map.
pub fn park_colour(position: usize) -> Color32 {
    let (r, g, b) = PARK_PALETTE[position % PARK_PALETTE.len()];
    Color32::from_rgb(r, g, b)
}

/// Colour of benchmark lines (median, zone-wide figure).
pub fn benchmark_colour(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Sequential colours for choropleth classes, light to dark (`ColorBrewer` `YlGnBu`, 5 classes),
/// readable for the common colour-vision deficiencies and in greyscale.
const CHOROPLETH: [(u8, u8, u8); 5] =
    [(0xff, 0xff, 0xcc), (0xa1, 0xda, 0xb4), (0x41, 0xb6, 0xc4), (0x2c, 0x7f, 0xb8), (0x25, 0x34, 0x94)];

/// The colour of class `class` out of `count`, spread over the palette.
pub fn choropleth_colour(class: usize, count: usize) -> Color32 {
    let last = CHOROPLETH.len() - 1;
    let at = if count <= 1 { last / 2 } else { (class.min(count - 1) * last) / (count - 1) };
    let (r, g, b) = CHOROPLETH[at.min(last)];
    Color32::from_rgb(r, g, b)
}

/// The fill of a district with no data: a neutral grey, never a class colour.
pub fn no_data_colour() -> Color32 {
    Color32::from_rgb(0x9a, 0x9a, 0x9a)
}

#[cfg(test)]
mod tests {
    use egui::FontId;

    /// Every character of the dataset, the district outlines' labels and the UI strings has a
    /// glyph in the fonts the app installs: no tofu boxes for users, no panics in tests.
    #[test]
    fn every_character_the_app_shows_has_a_glyph() {
        let ctx = egui::Context::default();
        super::install(&ctx);
        ctx.run_ui(egui::RawInput::default(), |_| {}).drop_without_applying_deltas();
        // Every source file (strings and symbols drawn by the views live in several) and the data.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("data/zgc.ron"), root.join("data/beijing-districts.ron")];
        let mut folders = vec![root.join("src")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).expect("src is readable") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("readable")).collect();
        // The check itself can fail: a character no bundled font has is reported.
        assert!(!ctx.fonts_mut(|f| f.has_glyphs(&FontId::proportional(14.0), "\u{1F600}")));
        for text in texts {
            let missing: String = text
                .chars()
                .filter(|c| !c.is_control())
                .filter(|c| !ctx.fonts_mut(|f| f.has_glyphs(&FontId::proportional(14.0), &c.to_string())))
                .collect();
            assert!(missing.is_empty(), "no glyph for {missing:?}: run scripts/make-font-subset.sh");
        }
    }
}
