//! Fonts, the colour theme, and every colour the app chooses itself.
//!
//! The app and every test harness call [`install`], so tests render what users see; only the
//! real window adds the system's fonts behind it ([`install_system_font_fallback`]).
#![expect(clippy::disallowed_methods, reason = "this module is where colours are chosen")]

use std::sync::Arc;

use egui::{Color32, Context, FontData, FontDefinitions, FontFamily, ThemePreference, Visuals};

use crate::glyphs;
use crate::model::{Language, Qualifier};
use crate::state::classify::Classes;
use crate::state::{COLOURED_PARKS, ThemeChoice};

/// Installs the fonts for text in `language` ([`use_fonts_for`]) and the app's styles.
pub fn install(ctx: &Context, language: Language) {
    use_fonts_for(ctx, language);
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(egui::TextStyle::Small, egui::FontId::proportional(DESK_SMALL_TEXT));
        // A thin scroll handle stays in sight: with egui's, hidden until the pointer is over the
        // area, nothing said that the table or a panel held more than the window showed.
        style.spacing.scroll.dormant_handle_opacity = SCROLL_HANDLE_AT_REST;
    });
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.weak_text_color = Some(desk_weak_text(false));
        style.visuals.warn_fg_color = LIGHT_WARNING;
        style.visuals.hyperlink_color = LIGHT_LINK;
        style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, LIGHT_CONTROL_OUTLINE);
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| style.visuals.weak_text_color = Some(desk_weak_text(true)));
}

/// The fonts for text in `language`: egui's own (Ubuntu Light) and the bundled CJK font
/// ([`glyphs::CJK_FONT`]), so Chinese text, arrows and bullets always have a glyph. In English
/// the CJK font is the last fallback, so Latin text keeps egui's font. In Chinese it comes first:
/// behind it, digits and Latin letters were drawn in Ubuntu Light, visibly thinner and paler
/// than the characters around them ("超过1.2万亿元"), and a slide's figures were its faintest
/// text. The bundled font has Ubuntu's line metrics (`scripts/match-line-metrics.py`), so rows
/// keep their height in either order. Replaces the fonts only when they differ (egui compares).
pub fn use_fonts_for(ctx: &Context, language: Language) {
    const CJK: &str = "noto_sans_sc_subset";
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(CJK.to_owned(), Arc::new(FontData::from_static(glyphs::CJK_FONT)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let faces = fonts.families.entry(family.clone()).or_default();
        if language == Language::Zh && family == FontFamily::Proportional {
            faces.insert(0, CJK.to_owned());
        } else {
            faces.push(CJK.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

/// How opaque a scroll bar's handle is while the pointer is elsewhere (egui's: 0, unseen).
const SCROLL_HANDLE_AT_REST: f32 = 0.6;

/// Weak text at the desk: years beside values, "no data", scope lines and the keys that explain
/// marks. egui writes it as its text colour at 60 % opacity, about 2.8:1 on either theme's panel,
/// which the keys (what "*" and "≠" mean) cannot afford. These greys are about 4.7:1 on the light
/// panel and 4:1 on the dark one, still lighter (darker) than the normal text beside them.
pub fn desk_weak_text(dark: bool) -> Color32 {
    if dark { Color32::from_gray(0x7a) } else { Color32::from_gray(0x70) }
}

/// The warning colour of the light theme: hedged figures' marks ("at least", "preliminary")
/// and the "no data" line under a chart. egui's orange (#FF6400) is 2.8:1 on the light panel and
/// washes out on a projector; this darker orange is 5.2:1 and still reads as a warning.
const LIGHT_WARNING: Color32 = Color32::from_rgb(0xb3, 0x47, 0x00);

/// Links in the light theme: the sources in the profile, a third of what it shows. egui's blue
/// (#009BFF) is 2.8:1 on the light panel; this darker blue is about 6:1 and still reads as a
/// link (the dark theme's is about 7:1).
const LIGHT_LINK: Color32 = Color32::from_rgb(0x00, 0x5a, 0xb5);

/// The outline of a control at rest in the light theme (check boxes, radio buttons, buttons).
/// egui draws none there, and a box's fill (#E6E6E6) on the light panel is 1.2:1, so an empty
/// check box all but vanished; this grey is 3.2:1, the least WCAG asks of a control's edge.
const LIGHT_CONTROL_OUTLINE: Color32 = Color32::from_gray(0x8c);

/// Size of small text at the desk: the sources under a chart or the map, the keys that decode
/// them, hints. egui's 9 points made the sources hard to read at arm's length; Our World in
/// Data writes its charts' sources at 12–13 px beside 15 px subtitles (`research/chart-design.md`
/// §1.5), and this keeps about that ratio to egui's 12.5-point body text. Presenting sets sizes
/// of its own.
const DESK_SMALL_TEXT: f32 = 11.0;

/// Lets the window draw characters that no installed font has with the system's fonts, found
/// through the operating system's own font fallback (DirectWrite on Windows, Core Text on macOS,
/// fontconfig on Linux), as eframe's `system_fonts` feature would, but asking for Simplified
/// Chinese whatever the system's language, since the dataset's Chinese is Simplified (eframe's
/// own asks in the system's language, which may pick a Japanese font). What a system answers is
/// up to its configuration: Debian's fontconfig answers with the Japanese face of Noto Sans CJK.
///
/// Fonts found this way only ever follow the installed ones, so a character [`install`]'s fonts
/// have keeps their look on every machine. Only the real window calls this: test harnesses
/// must render the same everywhere.
pub fn install_system_font_fallback(ctx: &Context) {
    let provider = egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans"));
    ctx.add_font_provider(Arc::new(provider));
}

/// Weak text when presenting: the keys that decode a chart (hollow markers, role letters) and
/// the sources are written in it, and egui's light grey (about 2.8:1 on white) washes out on a
/// projector. This grey is 6.7:1 on white, still lighter than the body text.
pub fn presentation_weak_text() -> Color32 {
    Color32::from_gray(0x5c)
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

/// The categorical palette of the charts, one colour per slot of
/// [`ParkColours`](crate::state::ParkColours), in the order slots are handed out.
///
/// Paul Tol's *bright* scheme (his default for lines and labels; BSD-3-Clause, packaged in
/// `tol_colors`, `research/chart-design.md` §2.2), with its yellow `#CCBB44` darkened to
/// `#A3951A` and its cyan `#66CCEE` to `#399FBE` (same CIELAB hue, lower lightness), plus his
/// *muted* indigo `#332288` lightened to `#654CB3`, so that every colour has at least 3:1
/// contrast on both the light (white) and the dark (`#0A0A0A`) plot background; his grey is
/// left for the context parks. The tests check the contrasts and that the colours stay apart
/// under simulated protanopia, deuteranopia and tritanopia.
///
/// The order is the order slots are handed out (pins take them in pin order), so the colours
/// given first are the five most distinct ones (a time series draws five lines): red, cyan,
/// yellow, indigo, green. No five of these colours are further apart, on screen or as the labels
/// that name the lines (the colours pulled toward the text colour until they read, which moves
/// the purple toward the red on a dark plot and the red toward the purple on a light one: ΔE₀₀
/// about 16 apart, the reason Chaoyang and Changping looked alike). Blue, Tol's first colour, comes
/// last: it is the palette's closest neighbour of both the cyan and the indigo (ΔE₀₀ 17 and 18),
/// and with it among the first five, one of those pairs or red with purple is among them too.
/// The two closest pairs now meet only when all seven colours are used. The tests check it.
const SERIES_PALETTE: [(u8, u8, u8); COLOURED_PARKS] = [
    (0xee, 0x66, 0x77),
    (0x39, 0x9f, 0xbe),
    (0xa3, 0x95, 0x1a),
    (0x65, 0x4c, 0xb3),
    (0x22, 0x88, 0x33),
    (0xaa, 0x33, 0x77),
    (0x44, 0x77, 0xaa),
];

/// The blue of the matrix's role cells: Tol's *bright* blue, the palette's last colour, named
/// here so that reordering the palette does not recolour the matrix.
const ROLE_BLUE: Color32 = Color32::from_rgb(0x44, 0x77, 0xaa);

/// The colour of palette slot `slot` (see [`ParkColours::slot`](crate::state::ParkColours::slot)).
pub fn series_colour(slot: usize) -> Color32 {
    let (r, g, b) = SERIES_PALETTE[slot % SERIES_PALETTE.len()];
    Color32::from_rgb(r, g, b)
}

/// The colour of text naming a coloured series: the series colour moved toward the text colour
/// until it reaches the 4.5:1 contrast text needs on the plot background (a line needs only
/// 3:1), as OWID darkens its line labels.
pub fn series_text_colour(slot: usize, visuals: &Visuals) -> Color32 {
    readable_on(series_colour(slot), visuals.extreme_bg_color, visuals.strong_text_color())
}

/// `colour`, blended step by step toward `toward` until its contrast on `background` is at
/// least 4.5:1.
fn readable_on(colour: Color32, background: Color32, toward: Color32) -> Color32 {
    let mut blended = colour;
    for step in 1..=10_u8 {
        if contrast_ratio(blended, background) >= 4.5 {
            break;
        }
        blended = colour.lerp_to_gamma(toward, f32::from(step) / 10.0);
    }
    blended
}

/// The grey of parks drawn as context (not coloured): lighter than any palette colour on a
/// light background, darker on a dark one, so the coloured parks stand out.
pub fn context_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(0x4a) } else { Color32::from_gray(0xc4) }
}

/// The shade of the fullest cell of a scatter plot's density layer (cells with fewer parks are
/// more transparent): darker than [`context_colour`] on a light background, lighter on a dark
/// one, so a crowd of parks stands out from a lone one, and still grey beside every series
/// colour.
pub fn density_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(0xa8) } else { Color32::from_gray(0x78) }
}

/// The fill of a map marker whose park is not coloured (neither pinned nor selected): a light
/// neutral grey, apart from every series colour, so the coloured markers stand out. Its
/// [`marker_ring_colour`] ring keeps it visible where the fill is light: on every district
/// colour and the no-data grey one of the two has at least 3:1 contrast (tested).
pub fn neutral_marker_colour() -> Color32 {
    Color32::from_gray(0xd9)
}

/// The fill of a coloured park's map marker when the park is outside the filter: its series
/// colour mixed with white, opaque (a translucent fill took the district's colour, and a thin
/// cross over the dark ring turned black), drawn inside a ring of the full colour, so the park
/// is still told by its colour and its legend entry, hollow beside the parks in the filter.
pub fn outside_filter_marker_colour(colour: Color32) -> Color32 {
    // Seven tenths of the way to white, rounded.
    let mix = |c: u8| ((u16::from(c) * 3 + 255 * 7 + 5) / 10) as u8;
    Color32::from_rgb(mix(colour.r()), mix(colour.g()), mix(colour.b()))
}

/// The ring around every map marker: near-black, so it stands out on the light district colours
/// and the no-data grey, whatever the UI theme (the district colours do not change with it).
pub fn marker_ring_colour() -> Color32 {
    Color32::from_gray(0x1a)
}

/// The halo outside the ring of a coloured map marker: white. A series colour is mid-dark and can
/// vanish on the dark district colours, where the dark ring does too; the halo is the part that
/// stands out there (the ring or the halo has at least 3:1 contrast on every fill, tested).
pub fn marker_halo_colour() -> Color32 {
    Color32::WHITE
}

/// The fill of a bar whose park is not coloured: one neutral grey for every bar (a ranked bar
/// chart is named by its axis, not by colour), with 3:1 contrast on the plot background.
pub fn plain_bar_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(0x6e) } else { Color32::from_gray(0x8c) }
}

/// The fill of a matrix cell for a role of `strength` (1 for the strongest, lower for weaker
/// roles) and the colour of the letter on it: one blue, paler for weaker roles, with black or
/// white text by the WCAG luminance rule (`research/chart-design.md` §2.4). On a dark
/// background "paler" is darker, and the weakest roles' blue came within a shade of the empty
/// cells' grey (1.2:1), so there the blues start further from the background.
pub fn role_cell_colours(visuals: &Visuals, strength: f32) -> (Color32, Color32) {
    let strength = strength.clamp(0.0, 1.0);
    let strength = if visuals.dark_mode { 0.45 + 0.55 * strength } else { strength };
    let fill = visuals.extreme_bg_color.lerp_to_gamma(ROLE_BLUE, strength);
    let text = if relative_luminance(fill) > 0.179 { Color32::BLACK } else { Color32::WHITE };
    (fill, text)
}

/// WCAG 2.x relative luminance of an opaque colour (0 for black, 1 for white).
pub fn relative_luminance(colour: Color32) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(colour.r()) + 0.7152 * linear(colour.g()) + 0.0722 * linear(colour.b())
}

/// WCAG 2.x contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Colour of benchmark lines (median, zone-wide figure): the strong text's, apart from the
/// grid's grey (a zone line of ~20,000 on the grid line of 20,000 was lost in it).
pub fn benchmark_colour(visuals: &Visuals) -> Color32 {
    visuals.strong_text_color()
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

/// Colours for classes of negative values (losses): `ColorBrewer`'s `Reds` with 3 to 6
/// classes (as d3-scale-chromatic's `schemeReds` gives them), a hue of their own that never
/// reads as a small gain on [`YL_GN_BU`]'s yellows, as the pale end of an orange scale did.
#[expect(
    clippy::unreadable_literal,
    reason = "written as #rrggbb, the way ColorBrewer and the research notes give them"
)]
const REDS: [&[u32]; 4] = [
    &[0xfee0d2, 0xfc9272, 0xde2d26],
    &[0xfee5d9, 0xfcae91, 0xfb6a4a, 0xcb181d],
    &[0xfee5d9, 0xfcae91, 0xfb6a4a, 0xde2d26, 0xa50f15],
    &[0xfee5d9, 0xfcbba1, 0xfc9272, 0xfb6a4a, 0xde2d26, 0xa50f15],
];

/// The colour of the `from_zero`-th class of losses counted from zero (0 = nearest zero, the
/// lightest) out of `count` such classes: darker the larger the loss. Beside classes of gains
/// the palest red is left out: next to the gains' palest yellow the two read as one.
fn loss_colour(from_zero: usize, count: usize, beside_gains: bool) -> Color32 {
    let skipped = usize::from(beside_gains);
    let row = REDS[(count + skipped).clamp(3, 6) - 3];
    let shades = &row[skipped.min(row.len())..];
    // Fewer classes than shades (one or two classes): spread over the row, darkest last.
    let at = match count {
        0 | 1 => shades.len() / 2,
        _ => from_zero * (shades.len() - 1) / (count - 1),
    };
    hex(shades.get(at).or(shades.last()).copied().unwrap_or(0))
}

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

/// The colour of class `class` of `classes`: as [`choropleth_colour`] gives it to the classes
/// of zero and above, classes of losses in a red of their own (`REDS`), and a class of zero
/// alone ("0 parks") always the lightest colour, however many classes there are, so a district
/// whose value stays zero keeps its colour when a filter changes the others (one class of zero
/// would otherwise take the middle colour, and the first of two or three the 3-class scheme's
/// lightest).
pub fn class_colour(classes: &Classes, class: usize) -> Color32 {
    // Classes of losses in a hue of their own, the largest loss darkest; the others as ever.
    let losses = classes.negative_classes();
    if class < losses {
        loss_colour(losses - 1 - class, losses, losses < classes.breaks.len())
    } else if classes.holds_only_zero(class) {
        choropleth_colour(0, MAX_CLASSES)
    } else {
        choropleth_colour(class - losses, classes.breaks.len() - losses)
    }
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

/// The fill of a district no park in scope lies in, on a map of sums: plain and light,
/// unlike the hatched grey of no data. Nothing there to sum is not a figure missing.
pub fn no_park_colour() -> Color32 {
    Color32::from_rgb(0xe4, 0xe4, 0xe4)
}

/// The lines hatching a district with no data, dark enough on [`no_data_colour`] to read as
/// a pattern, not a shade.
pub fn hatch_colour() -> Color32 {
    Color32::from_rgb(0x5c, 0x5c, 0x5c)
}

/// Black or white, whichever contrasts more with `fill`: text written on a district's fill.
/// Black above a relative luminance of 0.179, where both give 4.58:1, so the chosen
/// one always reaches the 4.5:1 WCAG asks of text.
pub fn text_on(fill: Color32) -> Color32 {
    if relative_luminance(fill) > 0.179 { Color32::BLACK } else { Color32::WHITE }
}

#[cfg(test)]
mod tests {
    use egui::{Color32, FontId, Visuals};

    use crate::model::Language;

    use super::{
        MAX_CLASSES, SERIES_PALETTE, choropleth_colour, class_colour, context_colour, contrast_ratio, loss_colour,
        marker_halo_colour, marker_ring_colour, neutral_marker_colour, no_data_colour, outside_filter_marker_colour,
        relative_luminance, series_colour, series_text_colour, text_on,
    };

    /// The light and dark plot backgrounds (`egui_plot` paints `extreme_bg_color`).
    fn plot_backgrounds() -> [Color32; 2] {
        [Visuals::light().extreme_bg_color, Visuals::dark().extreme_bg_color]
    }

    #[test]
    fn every_series_colour_stands_out_on_both_plot_backgrounds() {
        assert_eq!(plot_backgrounds(), [Color32::from_gray(255), Color32::from_gray(10)]);
        for slot in 0..SERIES_PALETTE.len() {
            for background in plot_backgrounds() {
                let ratio = contrast_ratio(series_colour(slot), background);
                assert!(ratio >= 3.0, "slot {slot}: {ratio:.2}:1 on {background:?}, below WCAG's 3:1 for marks");
            }
        }
        // Text naming a series reaches the 4.5:1 text minimum in either theme.
        for visuals in [Visuals::light(), Visuals::dark()] {
            for slot in 0..SERIES_PALETTE.len() {
                assert!(contrast_ratio(series_text_colour(slot, &visuals), visuals.extreme_bg_color) >= 4.5);
            }
        }
    }

    /// Colour-vision deficiency simulation of Machado, Oliveira & Fernandes (2009) at severity
    /// 1 (dichromacy), applied to linear RGB: the matrices of their paper's table.
    const MACHADO: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
        ),
        (
            "deuteranopia",
            [[0.367_322, 0.860_646, -0.227_968], [0.280_085, 0.672_501, 0.047_413], [-0.011_820, 0.042_940, 0.968_881]],
        ),
        (
            "tritanopia",
            [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        ),
    ];

    fn linear_rgb((r, g, b): (u8, u8, u8)) -> [f64; 3] {
        [r, g, b].map(|c| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        })
    }

    fn simulate(rgb: [f64; 3], matrix: &[[f64; 3]; 3]) -> [f64; 3] {
        matrix.map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
    }

    /// CIELAB (D65) of a linear-RGB colour.
    fn lab([red, green, blue]: [f64; 3]) -> [f64; 3] {
        // XYZ relative to the D65 white point.
        let x_rel = (0.412_456_4 * red + 0.357_576_1 * green + 0.180_437_5 * blue) / 0.950_47;
        let y_rel = 0.212_672_9 * red + 0.715_152_2 * green + 0.072_175 * blue;
        let z_rel = (0.019_333_9 * red + 0.119_192 * green + 0.950_304_1 * blue) / 1.088_83;
        let curve =
            |ratio: f64| if ratio > 216.0 / 24389.0 { ratio.cbrt() } else { (24389.0 / 27.0 * ratio + 16.0) / 116.0 };
        let (fx, fy, fz) = (curve(x_rel), curve(y_rel), curve(z_rel));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// The CIEDE2000 colour difference (Sharma, Wu & Dalal's formulation).
    fn delta_e_2000([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
        let c_bar = f64::midpoint(a1.hypot(b1), a2.hypot(b2));
        let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
        let (a1, a2) = (a1 * (1.0 + g), a2 * (1.0 + g));
        let (c1, c2) = (a1.hypot(b1), a2.hypot(b2));
        let hue = |b: f64, a: f64| if a == 0.0 && b == 0.0 { 0.0 } else { b.atan2(a).to_degrees().rem_euclid(360.0) };
        let (h1, h2) = (hue(b1, a1), hue(b2, a2));
        let dh = if c1 * c2 == 0.0 {
            0.0
        } else if (h2 - h1).abs() <= 180.0 {
            h2 - h1
        } else if h2 - h1 > 180.0 {
            h2 - h1 - 360.0
        } else {
            h2 - h1 + 360.0
        };
        let (dl, dc) = (l2 - l1, c2 - c1);
        let dh_big = 2.0 * (c1 * c2).sqrt() * (dh.to_radians() / 2.0).sin();
        let (l_bar, c_bar) = (f64::midpoint(l1, l2), f64::midpoint(c1, c2));
        let h_bar = if c1 * c2 == 0.0 {
            h1 + h2
        } else if (h1 - h2).abs() <= 180.0 {
            f64::midpoint(h1, h2)
        } else if h1 + h2 < 360.0 {
            (h1 + h2 + 360.0) / 2.0
        } else {
            (h1 + h2 - 360.0) / 2.0
        };
        let cos = |deg: f64| deg.to_radians().cos();
        let t = 1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
        let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
        let r_c = 2.0 * (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt();
        let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
        let s_c = 1.0 + 0.045 * c_bar;
        let s_h = 1.0 + 0.015 * c_bar * t;
        let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
        ((dl / s_l).powi(2) + (dc / s_c).powi(2) + (dh_big / s_h).powi(2) + r_t * (dc / s_c) * (dh_big / s_h)).sqrt()
    }

    /// The closest pair of `colours` as a reader with `matrix`'s deficiency sees them.
    fn closest_pair(colours: &[(u8, u8, u8)], matrix: &[[f64; 3]; 3]) -> (f64, usize, usize) {
        let seen: Vec<[f64; 3]> = colours.iter().map(|c| lab(simulate(linear_rgb(*c), matrix))).collect();
        let mut closest = (f64::INFINITY, 0, 0);
        for i in 0..seen.len() {
            for j in i + 1..seen.len() {
                let distance = delta_e_2000(seen[i], seen[j]);
                if distance < closest.0 {
                    closest = (distance, i, j);
                }
            }
        }
        closest
    }

    /// The floor: no pair of series colours may come closer, for any of the three simulated
    /// dichromacies, than ΔE₀₀ 8.5. It is the worst pair of the palette the research
    /// recommends for lines, Tol's *bright* as published (blue `#4477AA` against green `#228833`
    /// under tritanopia, ΔE₀₀ ≈ 8.6; `research/chart-design.md` §2.1–2.2), so darkening and
    /// adding colours has not made the palette less colour-blind-safe than its source. The
    /// check can fail: Tableau 10, a palette the research lists but does not call colour-blind
    /// safe, has a pair under deuteranopia at ΔE₀₀ < 1.
    const MIN_DELTA_E: f64 = 8.5;

    #[test]
    fn series_colours_stay_apart_under_simulated_colour_blindness() {
        let identity = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        let (normal, ..) = closest_pair(&SERIES_PALETTE, &identity);
        assert!(normal >= 15.0, "normal vision: closest pair ΔE₀₀ {normal:.1}");
        for (name, matrix) in &MACHADO {
            let (distance, i, j) = closest_pair(&SERIES_PALETTE, matrix);
            assert!(distance >= MIN_DELTA_E, "{name}: slots {i} and {j} are ΔE₀₀ {distance:.1} apart");
        }
        // Tol bright as published meets the floor; Tableau 10 does not.
        let tol_bright = [
            (0x44, 0x77, 0xaa),
            (0xee, 0x66, 0x77),
            (0x22, 0x88, 0x33),
            (0xcc, 0xbb, 0x44),
            (0x66, 0xcc, 0xee),
            (0xaa, 0x33, 0x77),
        ];
        let tableau_10 = [
            (0x4e, 0x79, 0xa7),
            (0xf2, 0x8e, 0x2c),
            (0xe1, 0x57, 0x59),
            (0x76, 0xb7, 0xb2),
            (0x59, 0xa1, 0x4f),
            (0xed, 0xc9, 0x49),
            (0xaf, 0x7a, 0xa1),
            (0xff, 0x9d, 0xa7),
            (0x9c, 0x75, 0x5f),
            (0xba, 0xb0, 0xab),
        ];
        assert!(MACHADO.iter().all(|(_, m)| closest_pair(&tol_bright, m).0 >= MIN_DELTA_E));
        assert!(MACHADO.iter().any(|(_, m)| closest_pair(&tableau_10, m).0 < 1.0));
    }

    /// The first five colours handed out (the lines of a time series; pins take slots in pin
    /// order) are the most distinct five of the palette: no five of its colours have their
    /// closest pair further apart, as ΔE₀₀ between the colours themselves and between the
    /// labels naming them on the light and the dark plot.
    #[test]
    fn the_colours_handed_out_first_are_the_most_distinct() {
        let seen = |c: Color32| lab(linear_rgb((c.r(), c.g(), c.b())));
        let apart = |a: usize, b: usize| {
            let labels = [Visuals::light(), Visuals::dark()]
                .map(|v| delta_e_2000(seen(series_text_colour(a, &v)), seen(series_text_colour(b, &v))));
            let colours = delta_e_2000(seen(series_colour(a)), seen(series_colour(b)));
            labels.into_iter().fold(colours, f64::min)
        };
        let closest = |slots: &[usize]| {
            let mut closest = f64::INFINITY;
            for (i, a) in slots.iter().enumerate() {
                for b in &slots[i + 1..] {
                    closest = closest.min(apart(*a, *b));
                }
            }
            closest
        };
        let first_five = closest(&[0, 1, 2, 3, 4]);
        let mut best = 0.0_f64;
        for left_out in 0..SERIES_PALETTE.len() {
            for also_left_out in left_out + 1..SERIES_PALETTE.len() {
                let five: Vec<usize> =
                    (0..SERIES_PALETTE.len()).filter(|s| *s != left_out && *s != also_left_out).collect();
                best = best.max(closest(&five));
            }
        }
        assert!(first_five >= best - 1e-9, "the first five are ΔE₀₀ {first_five:.1} apart; some five are {best:.1}");
        assert!(first_five > closest(&(0..SERIES_PALETTE.len()).collect::<Vec<_>>()) + 5.0, "the check can fail");
    }

    #[test]
    fn context_grey_is_apart_from_every_series_colour() {
        for visuals in [Visuals::light(), Visuals::dark()] {
            let grey = context_colour(&visuals);
            let grey = (grey.r(), grey.g(), grey.b());
            for (slot, colour) in SERIES_PALETTE.iter().enumerate() {
                for (name, matrix) in &MACHADO {
                    let (distance, ..) = closest_pair(&[grey, *colour], matrix);
                    assert!(distance >= 10.0, "{name}: the context grey is ΔE₀₀ {distance:.1} from slot {slot}");
                }
            }
        }
    }

    /// Every colour a district can have: each class of every class count, of gains and of
    /// losses, and no data.
    fn district_fills() -> Vec<Color32> {
        let classes = (1..=MAX_CLASSES).flat_map(|n| (0..n).map(move |i| choropleth_colour(i, n)));
        let losses = [false, true]
            .into_iter()
            .flat_map(|beside| (1..=MAX_CLASSES).flat_map(move |n| (0..n).map(move |i| loss_colour(i, n, beside))));
        classes.chain(losses).chain([no_data_colour()]).collect()
    }

    /// A district of zero beside losses keeps the lightest colour, as without them.
    #[test]
    fn a_class_of_zero_alone_beside_losses_is_the_lightest() {
        let classes = crate::state::classify::classify(
            &[-2.0, -1.0, 0.0, 3.0, 9.0],
            5,
            crate::state::classify::ClassMethod::Quantiles,
        )
        .expect("values");
        let zero = classes.class_of(0.0);
        assert_eq!(class_colour(&classes, zero), choropleth_colour(0, MAX_CLASSES));
        assert_ne!(class_colour(&classes, classes.class_of(3.0)), choropleth_colour(0, MAX_CLASSES));
    }

    /// Classes of losses darken with the loss, each its own red, whether gains are beside them
    /// (the palest red left out) or not.
    #[test]
    fn losses_darken_with_the_loss_each_in_a_red_of_its_own() {
        let luminance = relative_luminance;
        for beside_gains in [false, true] {
            for count in 1..=MAX_CLASSES {
                let colours: Vec<Color32> = (0..count).map(|i| loss_colour(i, count, beside_gains)).collect();
                assert!(colours.windows(2).all(|pair| luminance(pair[0]) > luminance(pair[1])), "{count}: {colours:?}");
                assert!(colours.iter().all(|c| c.r() > c.g().max(c.b())), "reds: {colours:?}");
                if beside_gains {
                    let palest_gain = choropleth_colour(0, MAX_CLASSES);
                    assert!(colours.iter().all(|&c| luminance(c) < luminance(palest_gain) - 0.15), "{colours:?}");
                }
            }
        }
    }

    #[test]
    fn every_marker_stands_out_on_every_district_colour() {
        let best = |a: Color32, b: Color32, fill: Color32| contrast_ratio(a, fill).max(contrast_ratio(b, fill));
        for fill in district_fills() {
            // A neutral marker: its light fill on the dark classes, its dark ring on the rest.
            let neutral = best(neutral_marker_colour(), marker_ring_colour(), fill);
            assert!(neutral >= 3.0, "a neutral marker on {fill:?}: {neutral:.2}:1");
            // A coloured marker: its ring on the light classes, its white halo on the dark ones.
            let coloured = best(marker_ring_colour(), marker_halo_colour(), fill);
            assert!(coloured >= 3.0, "a coloured marker's outline on {fill:?}: {coloured:.2}:1");
        }
        // The check can fail: the ring alone is lost on the darkest class.
        assert!(contrast_ratio(marker_ring_colour(), choropleth_colour(4, 5)) < 3.0);
    }

    #[test]
    fn neutral_markers_are_apart_from_every_series_colour() {
        let grey = neutral_marker_colour();
        let grey = (grey.r(), grey.g(), grey.b());
        for (slot, colour) in SERIES_PALETTE.iter().enumerate() {
            for (name, matrix) in &MACHADO {
                let (distance, ..) = closest_pair(&[grey, *colour], matrix);
                assert!(distance >= 10.0, "{name}: the neutral marker is ΔE₀₀ {distance:.1} from slot {slot}");
            }
        }
    }

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
        for fill in district_fills() {
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

    #[test]
    fn a_class_of_zero_alone_is_the_lightest_colour_however_many_classes_there_are() {
        use crate::state::classify::{ClassMethod, classify};
        let lightest = choropleth_colour(0, MAX_CLASSES);
        // Sixteen districts, none with a park; then one, two, … districts with 1, 2, … parks.
        let mut counts = [0.0; 16];
        for districts_with_parks in 0..5 {
            for (i, count) in counts.iter_mut().take(districts_with_parks).enumerate() {
                *count = (i + 1) as f64;
            }
            let classes = classify(&counts, MAX_CLASSES, ClassMethod::Quantiles).expect("counts");
            assert_eq!(class_colour(&classes, 0), lightest, "{districts_with_parks} districts with parks");
            // The other classes keep the scheme's colours.
            for class in 1..classes.breaks.len() {
                assert_eq!(class_colour(&classes, class), choropleth_colour(class, classes.breaks.len()));
            }
        }
        // One class of other values keeps the middle colour.
        let same = classify(&[3.0; 4], MAX_CLASSES, ClassMethod::Quantiles).expect("values");
        assert_eq!(class_colour(&same, 0), choropleth_colour(0, 1));
        assert_ne!(class_colour(&same, 0), lightest);
    }

    #[test]
    fn a_marker_outside_the_filter_is_an_opaque_lighter_tint_of_its_colour() {
        for slot in 0..SERIES_PALETTE.len() {
            let colour = series_colour(slot);
            let tint = outside_filter_marker_colour(colour);
            assert!(tint.is_opaque(), "slot {slot}");
            assert!(relative_luminance(tint) > relative_luminance(colour) + 0.2, "slot {slot}: lighter");
            // Its hue kept: the channel that leads the colour leads the tint.
            let strongest =
                |c: Color32| [c.r(), c.g(), c.b()].iter().enumerate().max_by_key(|(_, v)| **v).map(|(i, _)| i);
            assert_eq!(strongest(tint), strongest(colour), "slot {slot}");
        }
    }

    /// The files whose characters the app shows: the data, the test fixtures (which the window
    /// tests open) and every source file (strings and symbols drawn by the views live in several).
    fn shown_files() -> Vec<std::path::PathBuf> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut folders =
            vec![(root.join("data"), "ron"), (root.join("tests/fixtures"), "ron"), (root.join("src"), "rs")];
        while let Some((folder, extension)) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("readable folder") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    folders.push((path, extension));
                } else if path.extension().is_some_and(|e| e == extension) {
                    files.push(path);
                }
            }
        }
        assert!(files.iter().any(|f| f.ends_with("data/zgc.ron")) && files.iter().any(|f| f.ends_with("small.ron")));
        files
    }

    /// A context with the fonts the app installs, after one pass.
    fn context_with_fonts() -> egui::Context {
        let ctx = egui::Context::default();
        super::install(&ctx, Language::En);
        ctx.run_ui(egui::RawInput::default(), |_| {}).drop_without_applying_deltas();
        ctx
    }

    /// Every character of the data, of the test fixtures and of the UI strings has a glyph in the
    /// fonts the app installs: no tofu boxes for users, no panics in tests.
    #[test]
    fn every_character_the_app_shows_has_a_glyph() {
        let ctx = context_with_fonts();
        let has_glyph = |c: char| ctx.fonts_mut(|f| f.has_glyph(&FontId::proportional(14.0), c));
        // The check itself can fail: a character no bundled font has is reported.
        assert!(!has_glyph('\u{1F600}'));
        for file in shown_files() {
            let text = std::fs::read_to_string(&file).expect("readable");
            let mut missing: Vec<char> = text.chars().filter(|c| !c.is_control() && !has_glyph(*c)).collect();
            missing.dedup();
            let file = file.display();
            assert!(missing.is_empty(), "{file}: no glyph for {missing:?}: run scripts/make-font-subset.sh");
        }
    }

    /// `glyphs`, which `check` uses without egui, knows exactly the characters egui draws with
    /// the fonts the app installs.
    #[test]
    fn glyphs_knows_the_characters_egui_draws() {
        let ctx = context_with_fonts();
        let egui_draws: std::collections::BTreeSet<char> =
            ctx.fonts_mut(|f| f.characters(&egui::FontFamily::Proportional).keys().copied().collect());
        let glyphs_draws: std::collections::BTreeSet<char> = crate::glyphs::FontCoverage::built_in().chars().collect();
        let only_egui: String = egui_draws.difference(&glyphs_draws).collect();
        let only_glyphs: String = glyphs_draws.difference(&egui_draws).collect();
        assert_eq!((only_egui.as_str(), only_glyphs.as_str()), ("", ""));
        assert!(egui_draws.len() > 9_000, "Latin, the Chinese table and more: {}", egui_draws.len());
    }

    /// In Chinese the figures in a sentence are drawn in the Chinese font's weight, not in
    /// Ubuntu Light's thinner strokes; in English Latin text keeps egui's font. Switching the
    /// language back and forth keeps every row of text the same height.
    #[test]
    fn chinese_draws_digits_in_the_chinese_font_and_rows_keep_their_height() {
        use skrifa::MetadataProvider as _;
        let chinese_font = skrifa::FontRef::new(crate::glyphs::CJK_FONT).expect("the bundled font reads");
        let chinese_zero = chinese_font.charmap().map('0').expect("the Chinese font has digits");
        let size = 100.0;
        let chinese_width = chinese_font
            .glyph_metrics(skrifa::instance::Size::new(size), skrifa::instance::LocationRef::default())
            .advance_width(chinese_zero)
            .expect("an advance");
        let ctx = egui::Context::default();
        let mut measured = Vec::new();
        for language in [Language::En, Language::Zh, Language::En] {
            super::use_fonts_for(&ctx, language);
            ctx.run_ui(egui::RawInput::default(), |_| {}).drop_without_applying_deltas();
            let font = FontId::proportional(size);
            let (zero, row) = ctx.fonts_mut(|f| (f.glyph_width(&font, '0'), f.row_height(&font)));
            measured.push((language, zero, row));
        }
        let [(_, english_zero, english_row), (_, zh_zero, zh_row), (_, english_again, english_row_again)] =
            measured[..]
        else {
            unreachable!("three languages measured")
        };
        assert!((zh_zero - chinese_width).abs() < 0.01, "Chinese digit {zh_zero}, the font's {chinese_width}");
        assert!((english_zero - chinese_width).abs() > 0.5, "English keeps Ubuntu's digits: {english_zero}");
        assert!((english_again - english_zero).abs() < 0.01, "back in English, Ubuntu's digits again");
        let rows = [zh_row - english_row, english_row_again - english_row];
        assert!(rows.iter().all(|d| d.abs() < 0.01), "{measured:?}");
    }

    /// Weak text reads on the panels: at least 4:1, and still apart from the normal text.
    #[test]
    fn weak_text_reads_on_both_panels() {
        let ctx = egui::Context::default();
        crate::theme::install(&ctx, crate::model::Language::En);
        for (theme, floor) in [(egui::Theme::Light, 4.5), (egui::Theme::Dark, 4.0)] {
            let visuals = ctx.style_of(theme).visuals.clone();
            let (weak, panel) = (visuals.weak_text_color(), visuals.panel_fill);
            assert!(crate::theme::contrast_ratio(weak, panel) >= floor, "{theme:?}: {weak:?} on {panel:?}");
            assert_ne!(weak, visuals.text_color());
        }
    }

    /// The warning colour (hedged figures' marks, the "no data" line under a chart) and links
    /// (the profile's sources) read as text on both panels: egui's light-theme orange and blue
    /// did not (2.8:1).
    #[test]
    fn warnings_and_links_read_on_both_panels() {
        let ctx = egui::Context::default();
        crate::theme::install(&ctx, crate::model::Language::En);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let visuals = ctx.style_of(theme).visuals.clone();
            for (what, colour) in [("warning", visuals.warn_fg_color), ("link", visuals.hyperlink_color)] {
                let ratio = crate::theme::contrast_ratio(colour, visuals.panel_fill);
                assert!(ratio >= 4.5, "{theme:?}: the {what} {colour:?} on {:?} is {ratio:.2}:1", visuals.panel_fill);
            }
        }
    }

    /// A control at rest (an empty check box, a radio button) has an edge that stands out from
    /// the panel, at least 3:1, in the light theme.
    #[test]
    fn light_controls_have_an_edge_that_stands_out() {
        let ctx = egui::Context::default();
        crate::theme::install(&ctx, crate::model::Language::En);
        let visuals = ctx.style_of(egui::Theme::Light).visuals.clone();
        let edge = visuals.widgets.inactive.bg_stroke;
        assert!(edge.width >= 1.0);
        assert!(crate::theme::contrast_ratio(edge.color, visuals.panel_fill) >= 3.0, "{edge:?}");
    }

    /// A matrix cell of every role stands apart from an empty one (the panel's grey with egui's
    /// faint lift, 0x20 on the dark panel, 0xfd on the light one) and from the next role, and its
    /// letter reads on it, in both themes.
    #[test]
    fn role_cells_stand_apart_from_empty_cells_and_their_letters_read() {
        for (visuals, empty) in
            [(Visuals::dark(), Color32::from_gray(0x20)), (Visuals::light(), Color32::from_gray(0xfd))]
        {
            let fills: Vec<(Color32, Color32)> =
                [0.35, 0.65, 1.0].map(|strength| crate::theme::role_cell_colours(&visuals, strength)).into();
            for (fill, text) in &fills {
                assert!(crate::theme::contrast_ratio(*fill, empty) >= 1.4, "{fill:?} on {empty:?}");
                assert!(crate::theme::contrast_ratio(*fill, *text) >= 4.5, "{text:?} on {fill:?}");
            }
            for pair in fills.windows(2) {
                assert!(
                    crate::theme::contrast_ratio(pair[0].0, pair[1].0) >= 1.3,
                    "{:?} and {:?}",
                    pair[0].0,
                    pair[1].0
                );
            }
        }
        let weakest = crate::theme::role_cell_colours(&Visuals::dark(), 0.35).0;
        assert!(crate::theme::contrast_ratio(weakest, Color32::from_gray(0x20)) >= 1.8, "{weakest:?}");
    }
}
