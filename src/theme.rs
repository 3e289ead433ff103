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

/// Sequential colours for choropleth classes, light (low) to dark (high): `ColorBrewer`'s
/// `YlGnBu` with 3, 4 and 5 classes, hex values as in `shared/research/chart-design.md` §2.3.
/// `ColorBrewer` rates every sequential scheme colour-blind safe and `YlGnBu` screen-friendly up
/// to 4–5 classes, which is also as many as a projector keeps apart; each row is the scheme
/// designed for that many classes, not a stretch of a longer one.
#[expect(
    clippy::unreadable_literal,
    reason = "written as #rrggbb, the way ColorBrewer and the research notes give them"
)]
const YL_GN_BU: [&[u32]; 3] = [
    &[0xedf8b1, 0x7fcdbb, 0x2c7fb8],
    &[0xffffcc, 0xa1dab4, 0x41b6c4, 0x225ea8],
    &[0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494],
];

/// Most classes [`choropleth_colour`] tells apart.
pub const MAX_CLASSES: usize = 5;

/// The colour of class `class` (0 = lowest) out of `count` classes. One class takes the
/// scheme's middle colour, two take the ends of the 3-class scheme, and more than
/// [`MAX_CLASSES`] share the 5-class colours.
pub fn choropleth_colour(class: usize, count: usize) -> Color32 {
    let (row, at) = match count {
        0 | 1 => (YL_GN_BU[0], 1),
        2 => (YL_GN_BU[0], if class == 0 { 0 } else { 2 }),
        3..=MAX_CLASSES => (YL_GN_BU[count - 3], class),
        _ => (YL_GN_BU[2], class * (MAX_CLASSES - 1) / (count - 1)),
    };
    hex(row.get(at).or(row.last()).copied().unwrap_or(0))
}

/// A colour from its `0xRRGGBB` value.
fn hex(rgb: u32) -> Color32 {
    let [_, r, g, b] = rgb.to_be_bytes();
    Color32::from_rgb(r, g, b)
}

/// The fill of a district with no data: a neutral grey, never a class colour, mid-way in
/// lightness so it stands apart from the light low classes and the dark high ones.
pub fn no_data_colour() -> Color32 {
    Color32::from_rgb(0x9a, 0x9a, 0x9a)
}

/// WCAG 2.x relative luminance of an opaque colour, 0 (black) to 1 (white): each sRGB channel
/// linearised, then weighted 0.2126 R + 0.7152 G + 0.0722 B.
pub fn relative_luminance(colour: Color32) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(colour.r()) + 0.7152 * linear(colour.g()) + 0.0722 * linear(colour.b())
}

/// WCAG contrast ratio of two opaque colours, 1 (none) to 21 (black on white), in either order.
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever contrasts more with `fill`: text written on a district or a legend
/// swatch. Black above a relative luminance of 0.179, where both give 4.58:1, so the chosen
/// one always reaches the 4.5:1 WCAG asks of text.
pub fn text_on(fill: Color32) -> Color32 {
    if relative_luminance(fill) > 0.179 { Color32::BLACK } else { Color32::WHITE }
}

#[cfg(test)]
mod tests {
    use egui::{Color32, FontId};

    use super::{MAX_CLASSES, choropleth_colour, contrast_ratio, no_data_colour, relative_luminance, text_on};

    #[test]
    fn luminance_and_contrast_follow_the_wcag_formula() {
        assert!(relative_luminance(Color32::BLACK).abs() < 1e-12);
        assert!((relative_luminance(Color32::WHITE) - 1.0).abs() < 1e-12);
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Color32::WHITE, Color32::BLACK) - 21.0).abs() < 1e-9, "either order");
        // OWID's lightest text grey, #767676, sits just above the 4.5:1 text minimum on white.
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!((contrast_ratio(grey, Color32::WHITE) - 4.54).abs() < 0.01);
        // Mid-grey #777777: luminance 0.184, just above the 0.179 switch.
        assert!((relative_luminance(Color32::from_rgb(0x77, 0x77, 0x77)) - 0.184).abs() < 0.001);
    }

    #[test]
    fn text_on_a_fill_is_black_or_white_and_always_readable() {
        assert_eq!(text_on(Color32::WHITE), Color32::BLACK);
        assert_eq!(text_on(Color32::BLACK), Color32::WHITE);
        assert_eq!(text_on(Color32::from_rgb(0xff, 0xff, 0xcc)), Color32::BLACK, "the lightest class");
        assert_eq!(text_on(Color32::from_rgb(0x25, 0x34, 0x94)), Color32::WHITE, "the darkest class");
        // Both sides of the switch, and every grey in between, reach 4.5:1.
        for v in 0..=255 {
            let fill = Color32::from_gray(v);
            assert!(contrast_ratio(text_on(fill), fill) >= 4.5, "grey {v}");
        }
        let fills = (1..=MAX_CLASSES).flat_map(|n| (0..n).map(move |i| choropleth_colour(i, n)));
        for fill in fills.chain([no_data_colour()]) {
            assert!(contrast_ratio(text_on(fill), fill) >= 4.5, "{fill:?}");
        }
    }

    #[test]
    fn classes_go_from_light_to_dark_and_no_data_is_never_a_class() {
        for n in 1..=MAX_CLASSES {
            let colours: Vec<Color32> = (0..n).map(|i| choropleth_colour(i, n)).collect();
            let luminance: Vec<f64> = colours.iter().map(|c| relative_luminance(*c)).collect();
            assert!(luminance.windows(2).all(|w| w[0] > w[1]), "{n} classes: light = low, dark = high");
            assert!(!colours.contains(&no_data_colour()), "{n} classes");
        }
        assert_eq!(choropleth_colour(0, 5), Color32::from_rgb(0xff, 0xff, 0xcc), "ColorBrewer YlGnBu 5");
        assert_eq!(choropleth_colour(4, 5), Color32::from_rgb(0x25, 0x34, 0x94));
        assert_eq!(choropleth_colour(3, 4), Color32::from_rgb(0x22, 0x5e, 0xa8), "YlGnBu 4 is its own row");
    }

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
