//! Which characters the fonts built into the program can draw, read from the fonts' character
//! maps: the bundled Chinese font and egui's own fonts of the proportional family.
//!
//! `check` warns about texts with characters outside them and tests use it on datasets; `theme`
//! installs the same bundled font. Uses no egui, so the command line can use it without a window
//! (a test in `theme` checks that egui sees the same characters).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use skrifa::MetadataProvider as _;

/// Noto Sans CJK SC cut down to the 8,105 characters of the General Standard Chinese Characters
/// table, GB2312, every character of the dataset and UI, Latin and CJK punctuation and
/// full-width forms (`scripts/make-font-subset.sh`; licence in `assets/fonts/OFL.txt`).
pub static CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-subset.otf");

/// The characters that a set of fonts has glyphs for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontCoverage {
    /// Every character some font maps to a glyph other than `.notdef`.
    chars: BTreeSet<char>,
}

impl FontCoverage {
    /// The characters of `fonts` (OpenType or TrueType files), together.
    pub fn of_fonts(fonts: &[&[u8]]) -> Result<Self, skrifa::raw::ReadError> {
        let mut chars = BTreeSet::new();
        for font in fonts {
            let font = skrifa::FontRef::new(font)?;
            // `mappings` leaves out characters mapped to `.notdef`.
            chars.extend(font.charmap().mappings().filter_map(|(c, _)| char::from_u32(c)));
        }
        Ok(Self { chars })
    }

    /// The fonts every text of the window is drawn with: egui's proportional family
    /// (Ubuntu Light and its few icons) followed by the bundled Chinese font, as
    /// `theme::install` adds it. Read once.
    pub fn built_in() -> &'static Self {
        static BUILT_IN: LazyLock<FontCoverage> = LazyLock::new(|| {
            let fonts = [epaint_default_fonts::UBUNTU_LIGHT, epaint_default_fonts::EGUI_ICONS, CJK_FONT];
            let mut coverage = FontCoverage::of_fonts(&fonts).unwrap_or_else(|err| {
                // The fonts are compiled in and a test reads them, so this cannot happen in a build
                // that passed its tests; warning beats crashing `check` over it.
                log::warn!("a built-in font cannot be read: {err}");
                FontCoverage { chars: BTreeSet::new() }
            });
            // egui never draws Ubuntu's private-use logos (`FontFace::ignore_character`).
            for c in ['\u{E0FF}', '\u{EFFD}', '\u{F0FF}', '\u{F200}'] {
                coverage.chars.remove(&c);
            }
            coverage
        });
        &BUILT_IN
    }

    /// Whether `c` shows: it has a glyph, or it needs none (white space, control and invisible
    /// formatting characters such as the zero-width joiner, which egui draws as nothing).
    pub fn draws(&self, c: char) -> bool {
        needs_no_glyph(c) || self.chars.contains(&c)
    }

    /// The characters of `text` that do not show, each once, in the order they first appear.
    pub fn undrawable_chars(&self, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        for c in text.chars() {
            if !self.draws(c) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }

    /// Every character with a glyph, in code point order.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.chars.iter().copied()
    }
}

/// The characters of `text` that the fonts built into the program do not draw (see
/// [`FontCoverage::built_in`]), each once, in the order they first appear.
pub fn undrawable_chars(text: &str) -> Vec<char> {
    FontCoverage::built_in().undrawable_chars(text)
}

/// `U+4E2D`: how messages name a character, beside the character itself.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// White space, control characters and the invisible formatting characters egui skips
/// (zero-width space and joiners, direction marks and isolates, word joiner, byte order mark).
fn needs_no_glyph(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::{CJK_FONT, FontCoverage, code_point, undrawable_chars};

    /// The bundled font alone, without egui's.
    fn bundled() -> FontCoverage {
        FontCoverage::of_fonts(&[CJK_FONT]).expect("the bundled font reads")
    }

    /// The 8,105 characters of 通用规范汉字表, numbered 1–8105, from the list the font is made from.
    fn general_standard_table() -> Vec<(usize, char)> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/tongyong-guifan-8105.txt");
        let text = std::fs::read_to_string(path).expect("the list is in the repository");
        text.lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                let [number, point, char] = fields[..] else { panic!("three fields: {line:?}") };
                let c = char.chars().next().expect("a character");
                assert_eq!(point, code_point(c), "{line}");
                (number.parse().expect("a number"), c)
            })
            .collect()
    }

    #[test]
    fn the_list_has_the_8105_characters_in_three_levels() {
        let table = general_standard_table();
        let numbers: Vec<usize> = table.iter().map(|&(n, _)| n).collect();
        assert_eq!(numbers, (1..=8105).collect::<Vec<_>>());
        let distinct: std::collections::BTreeSet<char> = table.iter().map(|&(_, c)| c).collect();
        assert_eq!(distinct.len(), 8105);
        // Spot checks, one per level: 一 opens level 1, 蠼 closes level 3.
        assert_eq!(table[0], (1, '一'));
        assert_eq!(table[8104], (8105, '蠼'));
    }

    #[test]
    fn the_bundled_font_draws_every_character_of_the_general_standard_table() {
        let bundled = bundled();
        let missing: String = general_standard_table().iter().map(|&(_, c)| c).filter(|&c| !bundled.draws(c)).collect();
        assert!(missing.is_empty(), "not in the bundled font: {missing} (run scripts/make-font-subset.sh)");
    }

    #[test]
    fn the_bundled_font_draws_chinese_punctuation_and_full_width_forms() {
        let bundled = bundled();
        for text in ["、。，；：？！“”‘’（）【】《》「」『』〈〉…—·", "ＡＢＣ１２３％（）", "　"]
        {
            assert!(bundled.undrawable_chars(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn rare_characters_outside_the_table_are_undrawable_each_once_in_order() {
        // U+20000 (CJK Extension B) and U+18000 (Tangut) are in no built-in font. Written as
        // escapes: every character written in the source must have a glyph (`theme`'s test).
        assert_eq!(undrawable_chars("中\u{20000}关\u{18000}村\u{20000}"), ['\u{20000}', '\u{18000}']);
        assert_eq!(code_point('\u{20000}'), "U+20000");
        assert_eq!(code_point('中'), "U+4E2D");
    }

    #[test]
    fn white_space_and_control_characters_are_not_undrawable() {
        assert_eq!(undrawable_chars("a b\tc\nd\r\u{3000}e\u{200D}f\u{FEFF}\u{0}"), Vec::<char>::new());
    }

    #[test]
    fn latin_letters_egui_draws_are_drawable_though_the_bundled_font_lacks_them() {
        // Ubuntu Light has Polish letters; the Chinese font does not.
        assert!(!bundled().draws('Ł'));
        assert_eq!(undrawable_chars("Łódź, Kraków, Zürich"), Vec::<char>::new());
    }
}
