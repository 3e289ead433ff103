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
