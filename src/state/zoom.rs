//! How large the desk's text is drawn (egui's zoom factor), stepped by Ctrl+= / Ctrl+- / Ctrl+0
//! and kept to what the window has room for.
//!
//! Beyond a point the desk layout no longer fits its window: at 180 % in a 1400×860 window the
//! table's tabs ran under the profile, at 250 % the top bar lost buttons and the File menu its
//! last item. So text grows only while the window still holds the layout at its least size, and
//! a user who wants it larger is told to enlarge the window.

use crate::i18n::strings;
use crate::model::Language;

/// The least size, in points, the desk layout was checked at without anything clipped or
/// overlapping (a 1920×1080 screen at 200 %); at 860×500 the top bar and the Compare controls
/// wrap. Text grows only while the window keeps at least this many points.
pub const LEAST_LAYOUT: (f32, f32) = (960.0, 540.0);

/// The smallest zoom offered: below it the interface's text is too small to read.
pub const SMALLEST_ZOOM: f32 = 0.5;

/// How much one step of Ctrl+= or Ctrl+- changes the zoom (as egui's own keys did).
const ZOOM_STEP: f32 = 0.1;

/// What a zoom key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomStep {
    /// Ctrl+= (or Ctrl++): larger text.
    Larger,
    /// Ctrl+-: smaller text.
    Smaller,
    /// Ctrl+0: the normal size.
    Normal,
}

/// What a zoom key did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoomed {
    /// The zoom to set.
    To(f32),
    /// Larger text was asked for, but the window has no room for it: the zoom stays, and the
    /// user is told the largest this window allows.
    AtLargest(f32),
}

/// The largest zoom at which a window of `normal_size` points (its size at zoom 1) still holds
/// the layout's [`LEAST_LAYOUT`], to a tenth; never below 1, so the normal size is always there.
pub fn largest_zoom(normal_size: (f32, f32)) -> f32 {
    // `f32::min` passes over a NaN, so an unknown side is caught here rather than ignored.
    if !(normal_size.0.is_finite() && normal_size.1.is_finite()) {
        return 1.0;
    }
    let fits = (normal_size.0 / LEAST_LAYOUT.0).min(normal_size.1 / LEAST_LAYOUT.1);
    // Rounded down to a step, so that a step never lands just past the room.
    let stepped = (fits / ZOOM_STEP + 1e-3).floor() * ZOOM_STEP;
    stepped.max(1.0)
}

/// The zoom after `step` from `current`, in a window whose largest zoom is `largest`
/// ([`largest_zoom`]). A window made smaller after zooming keeps its zoom (the user chose it)
/// until the user steps it down.
pub fn zoomed(current: f32, step: ZoomStep, largest: f32) -> Zoomed {
    let round = |zoom: f32| (zoom / ZOOM_STEP).round() * ZOOM_STEP;
    match step {
        ZoomStep::Normal => Zoomed::To(1.0),
        ZoomStep::Smaller => Zoomed::To(round(current - ZOOM_STEP).max(SMALLEST_ZOOM)),
        ZoomStep::Larger => {
            let larger = round(current + ZOOM_STEP);
            // A window made smaller since says the zoom it shows, not a smaller one it has room for.
            if larger <= largest + 1e-3 { Zoomed::To(larger) } else { Zoomed::AtLargest(largest.max(current)) }
        }
    }
}

/// What the status bar says when the text is as large as the window allows.
pub fn at_largest_notice(language: Language, largest: f32) -> String {
    let percent = format!("{}%", (largest * 100.0).round());
    strings(language).zoom_at_largest.replace("{percent}", &percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_grows_only_while_the_window_holds_the_layout() {
        // The default window (1400×860) has room up to 140 %; a full 1920×1080 screen to 200 %.
        assert!((largest_zoom((1400.0, 860.0)) - 1.4).abs() < 1e-4);
        assert!((largest_zoom((1920.0, 1080.0)) - 2.0).abs() < 1e-4);
        // A window smaller than the layout still has its normal size.
        assert!((largest_zoom((800.0, 500.0)) - 1.0).abs() < 1e-4);
        assert!((largest_zoom((0.0, 0.0)) - 1.0).abs() < 1e-4);
        assert!((largest_zoom((f32::NAN, 860.0)) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn a_step_past_the_room_keeps_the_zoom_and_says_the_largest() {
        let largest = largest_zoom((1400.0, 860.0));
        let mut zoom = 1.0;
        let mut steps = 0;
        while let Zoomed::To(next) = zoomed(zoom, ZoomStep::Larger, largest) {
            zoom = next;
            steps += 1;
            assert!(steps < 100, "zooming in never stops");
        }
        assert_eq!(steps, 4, "1.1, 1.2, 1.3, 1.4");
        assert!((zoom - 1.4).abs() < 1e-4);
        assert_eq!(zoomed(zoom, ZoomStep::Larger, largest), Zoomed::AtLargest(largest));
        assert_eq!(zoomed(zoom, ZoomStep::Normal, largest), Zoomed::To(1.0));
        // A window made smaller after zooming: stepping down still works from where it was.
        let smaller_window = largest_zoom((1000.0, 600.0));
        assert_eq!(zoomed(1.4, ZoomStep::Larger, smaller_window), Zoomed::AtLargest(1.4), "not 110% beside 140% text");
        let Zoomed::To(down) = zoomed(1.4, ZoomStep::Smaller, smaller_window) else { panic!("smaller always works") };
        assert!((down - 1.3).abs() < 1e-4);
    }

    #[test]
    fn text_gets_no_smaller_than_half() {
        let mut zoom = 1.0;
        for _ in 0..20 {
            let Zoomed::To(next) = zoomed(zoom, ZoomStep::Smaller, 1.0) else { panic!("smaller always works") };
            zoom = next;
        }
        assert!((zoom - SMALLEST_ZOOM).abs() < 1e-4);
    }

    #[test]
    fn the_notice_says_the_largest_in_percent_in_both_languages() {
        assert!(at_largest_notice(Language::En, 1.4).contains("(140%)"));
        assert!(at_largest_notice(Language::Zh, 1.4).contains("（140%）"));
    }
}
