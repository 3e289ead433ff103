//! The one font of the brief, the bundled Noto Sans SC subset (it has Latin as well as Chinese):
//! which glyph draws a character and how wide it is. The layout measures text with it and the
//! PDF writer places exactly the glyphs and advances measured, so what was laid out is what is
//! printed.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};

use crate::glyphs::CJK_FONT;

/// The bundled font's character map and advance widths.
pub struct BriefFont {
    font: FontRef<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl std::fmt::Debug for BriefFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BriefFont").finish_non_exhaustive()
    }
}

impl BriefFont {
    /// Reads the bundled font.
    pub fn bundled() -> Result<Self, skrifa::raw::ReadError> {
        let font = FontRef::new(CJK_FONT)?;
        // Unscaled: advances in font units per em, divided by `units_per_em` below.
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em).max(1.0);
        Ok(Self { font, metrics, units_per_em })
    }

    /// The font file's bytes, for embedding (the writer subsets them).
    pub fn data(&self) -> &'static [u8] {
        CJK_FONT
    }

    /// The glyph that draws `c`; 0 (`.notdef`, a box) when the font lacks it.
    pub fn glyph(&self, c: char) -> u32 {
        self.font.charmap().map(c).map_or(0, skrifa::GlyphId::to_u32)
    }

    /// The advance of `c`, in ems (multiply by the font size for points).
    pub fn advance_em(&self, c: char) -> f32 {
        let glyph = skrifa::GlyphId::new(self.glyph(c));
        self.metrics.advance_width(glyph).unwrap_or(0.0) / self.units_per_em
    }

    /// The width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c)).sum::<f32>() * size
    }
}

#[cfg(test)]
mod tests {
    use super::BriefFont;

    #[test]
    fn latin_and_chinese_have_glyphs_and_widths() {
        let font = BriefFont::bundled().expect("the bundled font reads");
        for c in ['A', 'z', '中', '关', '…', '·', '—', '>', '~', '²', '（'] {
            assert_ne!(font.glyph(c), 0, "{c} has a glyph");
        }
        // A Chinese character is one em wide; Latin letters are narrower.
        assert!((font.width("中", 10.0) - 10.0).abs() < 0.01);
        assert!(font.width("i", 10.0) < font.width("M", 10.0));
    }
}
