//! The fonts of the brief: the bundled Noto Sans SC subset (Chinese and basic Latin), then
//! egui's Ubuntu Light for the letters it lacks (Ł, ź, ő, ή and others of the
//! alphabets of other countries, in the names of their parks, which the window draws). Which font and glyph draw a character and how wide
//! it is: the layout measures text with them and the PDF writer places exactly the glyphs and
//! advances measured, so what was laid out is what is printed.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};

use crate::glyphs::CJK_FONT;
use crate::model::Language;

/// The font files of the brief, the first that draws a character drawing it (but for an English
/// brief's curly quotes: [`BriefFont::glyph`]).
const FACES: [&[u8]; 2] = [CJK_FONT, epaint_default_fonts::UBUNTU_LIGHT];

/// One font file's character map and advance widths.
struct Face {
    data: &'static [u8],
    font: FontRef<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn read(data: &'static [u8]) -> Result<Self, skrifa::raw::ReadError> {
        let font = FontRef::new(data)?;
        // Unscaled: advances in font units per em, divided by `units_per_em` below.
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em).max(1.0);
        Ok(Self { data, font, metrics, units_per_em })
    }

    /// The glyph that draws `c`, 0 (`.notdef`) when the font lacks it.
    fn glyph(&self, c: char) -> u32 {
        self.font.charmap().map(c).map_or(0, skrifa::GlyphId::to_u32)
    }
}

/// The brief's fonts.
pub struct BriefFont {
    faces: Vec<Face>,
    /// Whether curly quotes are drawn by the Latin font: the Chinese font's are a full em wide,
    /// as Chinese sets them, and left wide gaps around an English title.
    latin_quotes: bool,
}

/// The quotation marks a Chinese font sets a full em wide.
const CURLY_QUOTES: [char; 4] = ['“', '”', '‘', '’'];

impl std::fmt::Debug for BriefFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BriefFont").finish_non_exhaustive()
    }
}

/// Which of the brief's fonts draws a character, and with which glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlyphOf {
    /// The font, an index into [`BriefFont::data`].
    pub face: usize,
    /// The glyph in it; 0 (`.notdef`, a box) when no font draws the character.
    pub glyph: u32,
}

impl BriefFont {
    /// Reads the bundled fonts, set for a brief in `language`: in English, curly quotes are the
    /// Latin font's.
    pub fn bundled(language: Language) -> Result<Self, skrifa::raw::ReadError> {
        let faces = FACES.into_iter().map(Face::read).collect::<Result<_, _>>()?;
        Ok(Self { faces, latin_quotes: language == Language::En })
    }

    /// The font files' bytes, for embedding (the writer subsets them), in [`GlyphOf::face`]'s
    /// order.
    pub fn data(&self) -> impl Iterator<Item = &'static [u8]> + '_ {
        self.faces.iter().map(|face| face.data)
    }

    /// The font and glyph that draw `c`: the first font that has it (in an English brief, the
    /// last that has a curly quote); the first font's box when none has.
    pub fn glyph(&self, c: char) -> GlyphOf {
        let drawn_by = |face: usize| self.faces.get(face).map(|font| GlyphOf { face, glyph: font.glyph(c) });
        let drawn = |of: &GlyphOf| of.glyph != 0;
        if self.latin_quotes
            && CURLY_QUOTES.contains(&c)
            && let Some(of) = (0..self.faces.len()).rev().filter_map(drawn_by).find(drawn)
        {
            return of;
        }
        (0..self.faces.len()).filter_map(drawn_by).find(drawn).unwrap_or(GlyphOf { face: 0, glyph: 0 })
    }

    /// The advance of `c`, in ems (multiply by the font size for points).
    pub fn advance_em(&self, c: char) -> f32 {
        let GlyphOf { face, glyph } = self.glyph(c);
        self.faces.get(face).map_or(0.0, |face| {
            face.metrics.advance_width(skrifa::GlyphId::new(glyph)).unwrap_or(0.0) / face.units_per_em
        })
    }

    /// The width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c)).sum::<f32>() * size
    }
}

#[cfg(test)]
mod tests {
    use super::BriefFont;
    use crate::model::Language;

    #[test]
    fn latin_and_chinese_have_glyphs_and_widths() {
        let font = BriefFont::bundled(Language::Zh).expect("the bundled font reads");
        for c in ['A', 'z', '中', '关', '…', '·', '—', '>', '~', '²', '（'] {
            assert_ne!(font.glyph(c).glyph, 0, "{c} has a glyph");
        }
        // Another country's letters, which the Chinese font lacks, come from the second font.
        for c in ['Ł', 'ź', 'ή', 'ő'] {
            assert_eq!(font.glyph(c).face, 1, "{c} is drawn by the fallback font");
            assert_ne!(font.glyph(c).glyph, 0, "{c} has a glyph");
            assert!(font.advance_em(c) > 0.2, "{c} has a width");
        }
        // A Chinese character is one em wide; Latin letters are narrower.
        assert!((font.width("中", 10.0) - 10.0).abs() < 0.01);
        assert!(font.width("i", 10.0) < font.width("M", 10.0));
    }

    /// Curly quotes around an English title are as narrow as a Latin letter, not a Chinese
    /// character's full em; a Chinese brief keeps its full-width ones.
    #[test]
    fn an_english_brief_sets_narrow_curly_quotes() {
        let (english, chinese) = (
            BriefFont::bundled(Language::En).expect("the bundled font reads"),
            BriefFont::bundled(Language::Zh).expect("the bundled font reads"),
        );
        for c in ['“', '”', '‘', '’'] {
            assert_ne!(english.glyph(c).glyph, 0, "{c} has a glyph");
            assert!(english.advance_em(c) < 0.5, "{c} is {} em wide in English", english.advance_em(c));
            assert!((chinese.advance_em(c) - 1.0).abs() < 0.01, "{c} is a full em wide in Chinese");
        }
        assert_eq!(english.glyph('中'), chinese.glyph('中'), "nothing else changes");
    }
}
