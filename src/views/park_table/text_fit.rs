//! The size of a presented table's text, fitted to the slide over a few frames.
//!
//! Each frame draws the table at one size and tells how it fared ([`TextRoom`]); the size for
//! the next frame is chosen from that. Larger text wraps onto more lines, so whether a size
//! fits does not follow smoothly from the last size tried, and a size guessed from one frame
//! alone can swing between too large and too small for ever. The fit keeps the largest size
//! seen to fit and the smallest seen to cut, and tries only between them, so it settles in a
//! few frames.

/// How much larger than the slide's body text a presented table's text grows at most, when
/// few rows or columns leave room: a little under the title's size.
pub(super) const MAX_SCALE: f32 = 1.5;

/// How much smaller than the slide's body text it shrinks at most to show every text whole:
/// by 15 %, the most Our World in Data lets a chart's title shrink to fit
/// (shared/research/chart-design.md), and still larger than the slide's small text (the
/// sources line), so never under the presentation's floor. A table whose rows do not all fit
/// even then keeps the body size and says which rows it shows; one whose rows fit but some of
/// whose texts are still cut stays at this size, where it cuts the fewest (back at the body
/// size, a slide whose title took a second line cut four texts).
pub(super) const MIN_SCALE: f32 = 0.85;

/// Sizes this close (as a part of the size) are one: text measured at one size and at another
/// can differ by a point, and the fit would never end.
const SAME_SIZE: f32 = 0.03;

/// The most sizes one table on one slide is tried at. A fit settles in far fewer; this ends one
/// whose room moves with its size (a note that comes and goes as columns fit), on the largest
/// size seen to fit, rather than trying for ever.
const MAX_TRIES: u8 = 16;

/// How a table drawn at one size fared on its slide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextRoom {
    /// The room's height over the height the table wants to show every row and line whole.
    pub height: f32,
    /// Whether every chosen column is shown: a slide leaves out the figure columns that do not
    /// fit.
    pub all_columns: bool,
    /// Whether a text is cut even with all the lines a cell may take.
    pub cut: bool,
    /// Whether every row is shown, on a line each at least: a table of more rows than fit
    /// scrolls, and smaller text would show no more of it whole.
    pub rows_fit: bool,
}

impl Default for TextRoom {
    /// A table that fits as it is: nothing shown, or at the desk.
    fn default() -> Self {
        Self { height: 1.0, all_columns: true, cut: false, rows_fit: true }
    }
}

impl TextRoom {
    /// Whether everything shows whole at `scale`. Above the body size every chosen column must
    /// be shown too: the text grows only while no column is left out for it. Columns may
    /// narrow as it grows, their texts taking more lines, as long as every text stays whole.
    fn fits(self, scale: f32) -> bool {
        self.height >= 1.0 && !self.cut && (scale <= 1.0 || self.all_columns)
    }

    /// The size this frame suggests, from the room it measured at `scale`: the size at which
    /// the rows would just fill the room's height, but never larger with a column left out.
    /// `None` when the rows had room but a text was cut or a column left out, which says only
    /// that the size was too large, not by how much.
    fn suggested(self, scale: f32) -> Option<f32> {
        let by_height = scale * self.height;
        (self.height < 1.0 || self.fits(scale)).then_some(if self.all_columns {
            by_height
        } else {
            by_height.min(scale)
        })
    }
}

/// The size found so far for one table on one slide (`made_for` names them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextFit<K> {
    made_for: K,
    /// The size to draw at.
    pub scale: f32,
    /// The largest size seen to fit.
    largest_fitting: Option<f32>,
    /// The smallest size seen to cut or overflow.
    smallest_cut: Option<f32>,
    /// How many sizes were measured.
    tries: u8,
    /// Whether, at the least size, every row was shown though a text was cut: the size to keep
    /// when nothing fits.
    rows_fit_at_least: bool,
}

impl<K: PartialEq> TextFit<K> {
    /// A fit not yet measured, drawn first at the body size.
    pub fn new(made_for: K) -> Self {
        Self { made_for, scale: 1.0, largest_fitting: None, smallest_cut: None, tries: 0, rows_fit_at_least: false }
    }

    /// The fit after a frame drawn at `self.scale` for `made_for` measured `room`. Another
    /// table or slide (`made_for` differs) starts again from the size it had, knowing nothing.
    #[must_use]
    pub fn measured(self, made_for: K, room: TextRoom) -> Self {
        let mut fit = if self.made_for == made_for { self } else { Self { scale: self.scale, ..Self::new(made_for) } };
        if fit.tries >= MAX_TRIES {
            return fit;
        }
        fit.tries += 1;
        let scale = fit.scale;
        // A size seen to fit that now cuts, or the other way round, means the room changed
        // (a note above or below the table came or went): what was known of the other side no
        // longer holds.
        if room.fits(scale) {
            fit.largest_fitting = Some(fit.largest_fitting.map_or(scale, |known| known.max(scale)));
            fit.smallest_cut = fit.smallest_cut.filter(|cut| *cut > scale);
        } else {
            fit.smallest_cut = Some(fit.smallest_cut.map_or(scale, |known| known.min(scale)));
            fit.largest_fitting = fit.largest_fitting.filter(|fitting| *fitting < scale);
            if scale <= MIN_SCALE {
                fit.rows_fit_at_least = room.rows_fit;
            }
        }
        fit.scale = if fit.tries == MAX_TRIES {
            fit.largest_fitting.unwrap_or_else(|| fit.when_nothing_fits())
        } else {
            fit.next_scale(room.suggested(scale))
        };
        fit
    }

    /// The next size to try (or the one settled on), from what is known and what the last
    /// frame suggests.
    fn next_scale(&self, suggested: Option<f32>) -> f32 {
        match (self.largest_fitting, self.smallest_cut) {
            // Everything tried fits: grow while there is room to grow by a visible step.
            (Some(fitting), None) => {
                let grown = suggested.unwrap_or(fitting).clamp(fitting, MAX_SCALE);
                if grown > fitting * (1.0 + SAME_SIZE) { grown } else { fitting }
            }
            // Nothing tried fits: shrink, down to the least size; if even that cuts, see
            // `when_nothing_fits`.
            (None, Some(cut)) => {
                if cut <= MIN_SCALE {
                    self.when_nothing_fits()
                } else {
                    within(suggested, MIN_SCALE, cut, cut - MIN_SCALE <= SAME_SIZE * MIN_SCALE)
                }
            }
            (Some(fitting), Some(cut)) if cut > fitting * (1.0 + SAME_SIZE) => within(suggested, fitting, cut, false),
            // Fitting and cutting sizes as close as can be told apart (or measured out of
            // order): the one known to fit.
            (Some(fitting), Some(_)) => fitting,
            (None, None) => self.scale,
        }
    }
}

impl<K> TextFit<K> {
    /// The size to keep when not even the least size shows everything whole: the least size
    /// where it showed every row (it cuts the fewest texts), else the body size, as smaller
    /// text would show no more rows whole and only be harder to read.
    fn when_nothing_fits(&self) -> f32 {
        if self.rows_fit_at_least { MIN_SCALE } else { 1.0 }
    }
}

/// `suggested`, kept inside `low..high` and a quarter of the gap away from either end, so each
/// try narrows what is left to try; halfway without a suggestion; `low` itself when `take_low`.
fn within(suggested: Option<f32>, low: f32, high: f32, take_low: bool) -> f32 {
    if take_low {
        return low;
    }
    let margin = (high - low) / 4.0;
    suggested.unwrap_or(f32::midpoint(low, high)).clamp(low + margin, high - margin)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table whose texts wrap onto one more line of a row at each size step, so its height
    /// grows by jumps, as a real table's does: `rows` rows, each wanting a line more for
    /// every `wrap_every` of size beyond 1.
    fn table_at(scale: f32, room: f32, rows: f32, wrap_every: f32) -> TextRoom {
        let extra_lines = ((scale - 1.0).max(0.0) / wrap_every).floor() + 2.0;
        let height = (rows + extra_lines) * 20.0 * scale;
        TextRoom { height: room / height, all_columns: true, cut: false, rows_fit: rows * 20.0 * scale <= room }
    }

    /// The sizes a table is drawn at until the fit settles, at most `frames` of them.
    fn sizes_tried(mut room_at: impl FnMut(f32) -> TextRoom, frames: usize) -> Vec<f32> {
        let mut fit = TextFit::new("slide");
        let mut sizes = vec![fit.scale];
        for _ in 0..frames {
            fit = fit.measured("slide", room_at(fit.scale));
            if sizes.last().is_some_and(|last| last.to_bits() == fit.scale.to_bits()) {
                break;
            }
            sizes.push(fit.scale);
        }
        sizes
    }

    #[test]
    fn a_table_that_wraps_by_jumps_settles_on_a_size_that_fits() {
        // Room for 20 lines at the body size plus some: growing wraps more, in jumps.
        let room = 30.0 * 20.0;
        let room_at = |scale| table_at(scale, room, 18.0, 0.05);
        let sizes = sizes_tried(room_at, 20);
        assert!(sizes.len() < 12, "settled within a few frames: {sizes:?}");
        let settled = *sizes.last().unwrap();
        assert!(room_at(settled).fits(settled), "the size settled on fits: {sizes:?}");
        assert!(settled > 1.1, "and it grew into the room: {sizes:?}");
        // It stays there, frame after frame.
        let mut fit = TextFit::new("slide");
        for _ in 0..20 {
            fit = fit.measured("slide", room_at(fit.scale));
        }
        for _ in 0..5 {
            let next = fit.measured("slide", room_at(fit.scale));
            assert_eq!(next.scale.to_bits(), fit.scale.to_bits(), "settled at {}", fit.scale);
            fit = next;
        }
    }

    #[test]
    fn a_table_cut_at_the_body_size_shrinks_until_whole() {
        // 10 % too tall at the body size.
        let room = 20.0 * 20.0;
        let room_at = |scale| table_at(scale, room, 20.0, 0.05);
        assert!(!room_at(1.0).fits(1.0), "cut at the body size: a fair test");
        let sizes = sizes_tried(room_at, 20);
        let settled = *sizes.last().unwrap();
        assert!(room_at(settled).fits(settled), "whole after shrinking: {sizes:?}");
        assert!((MIN_SCALE..1.0).contains(&settled), "by no more than allowed: {sizes:?}");
        assert!(settled > 0.85 * 0.97, "and no more than it needed: {sizes:?}");
    }

    #[test]
    fn a_table_too_tall_even_at_the_least_size_keeps_the_body_size() {
        let room_at = |scale| table_at(scale, 10.0 * 20.0, 40.0, 0.05);
        let sizes = sizes_tried(room_at, 20);
        assert_eq!(sizes.last(), Some(&1.0), "shrinking would not make it whole: {sizes:?}");
        assert!(sizes.iter().all(|size| *size >= MIN_SCALE), "never below the least size: {sizes:?}");
    }

    /// Every row shown, but some text cut at every size down to the least: the least size,
    /// where the fewest texts are cut, is kept, frame after frame.
    #[test]
    fn a_table_whose_rows_fit_but_not_every_text_keeps_the_least_size() {
        let room_at = |scale: f32| TextRoom { height: 0.8 / scale, all_columns: true, cut: false, rows_fit: true };
        assert!(!room_at(MIN_SCALE).fits(MIN_SCALE), "a fair test: too tall even at the least size");
        let mut fit = TextFit::new("slide");
        for _ in 0..40 {
            fit = fit.measured("slide", room_at(fit.scale));
        }
        assert_eq!(fit.scale.to_bits(), MIN_SCALE.to_bits(), "{fit:?}");
    }

    #[test]
    fn a_text_cut_at_its_last_line_shrinks_the_table_though_the_rows_fit() {
        let room_at = |scale: f32| TextRoom { height: 1.2, all_columns: true, cut: scale > 0.92, rows_fit: true };
        let settled = *sizes_tried(room_at, 20).last().unwrap();
        assert!((0.92 * (1.0 - SAME_SIZE) - 0.01..=0.92).contains(&settled), "just small enough: {settled}");
    }

    #[test]
    fn the_text_grows_only_while_every_chosen_column_is_shown() {
        // Height for twice the size; a column left out from 1.2 of it.
        let room_at =
            |scale: f32| TextRoom { height: 2.0 / scale, all_columns: scale <= 1.2, cut: false, rows_fit: true };
        let settled = *sizes_tried(room_at, 20).last().unwrap();
        assert!((1.15..=1.2).contains(&settled), "grown as far as every column shows: {settled}");
        // A chosen column left out at the body size: the text does not grow.
        let left_out = |_| TextRoom { height: 2.0, all_columns: false, cut: false, rows_fit: true };
        assert_eq!(sizes_tried(left_out, 20), vec![1.0]);
    }

    #[test]
    fn a_table_whose_room_moves_with_every_frame_stops_trying_on_a_size_that_fitted() {
        // The room grows and shrinks with every frame, whatever the size: a fit measured in
        // one frame never holds in the next.
        let room_in = |frame: usize| TextRoom {
            height: if frame.is_multiple_of(2) { 1.3 } else { 0.9 },
            all_columns: true,
            cut: false,
            rows_fit: true,
        };
        let mut fit = TextFit::new("slide");
        let mut sizes = vec![fit.scale];
        for frame in 0..200 {
            fit = fit.measured("slide", room_in(frame));
            if sizes.last().is_some_and(|last| last.to_bits() != fit.scale.to_bits()) {
                sizes.push(fit.scale);
            }
        }
        assert!(sizes.len() <= usize::from(MAX_TRIES) + 1, "stopped changing: {sizes:?}");
        assert!(fit.largest_fitting.is_none_or(|fitting| fit.scale.to_bits() == fitting.to_bits()), "{fit:?}");
    }

    #[test]
    fn another_slide_starts_the_fit_again() {
        let fit = TextFit::new("short").measured("short", TextRoom { height: 2.0, ..TextRoom::default() });
        assert!(fit.scale > 1.0, "a short table grows");
        // The next slide's table is cut at that size: the fit forgets the first and shrinks.
        let next = fit.measured("long", TextRoom { height: 0.8, ..TextRoom::default() });
        assert!(next.scale < fit.scale, "shrinks for the long table: {} → {}", fit.scale, next.scale);
    }
}
