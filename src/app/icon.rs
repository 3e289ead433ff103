//! The window icon: `assets/icons/zgc-atlas-256.png`, drawn from `assets/icon.svg` by
//! `scripts/make-icons.sh` and built into the program, so the window has its icon wherever the
//! binary is, installed by the `.deb`, `cargo install` or run from the source tree.

use std::sync::Arc;

/// The 256-px icon, as PNG bytes.
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icons/zgc-atlas-256.png");

/// The window icon, decoded for eframe's `ViewportBuilder::with_icon`. If it could not be decoded
/// (the test below makes sure it can) the window gets no icon rather than egui's: an empty
/// [`egui::IconData`] is eframe's "no icon".
pub fn window_icon() -> Arc<egui::IconData> {
    match eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG) {
        Ok(icon) => Arc::new(icon),
        Err(err) => {
            log::warn!("the built-in window icon could not be decoded ({err}); the window has none");
            Arc::new(egui::IconData::default())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{WINDOW_ICON_PNG, window_icon};

    #[test]
    fn the_built_in_icon_decodes_to_a_square_image() {
        assert!(eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG).is_ok(), "the embedded PNG decodes");
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Drawn, not blank: the corners are transparent (a rounded square) and the centre is not.
        let alpha_at = |x: usize, y: usize| icon.rgba[(y * 256 + x) * 4 + 3];
        assert_eq!(alpha_at(0, 0), 0);
        assert_eq!(alpha_at(128, 128), 255);
    }
}
