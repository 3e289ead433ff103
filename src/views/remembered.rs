//! Work kept between frames in egui's memory and done again only when what it was made from
//! changes: images of thousands of points, label placements, laid-out text.

use std::sync::Arc;

/// What `make` gives for `inputs`, made again only when `inputs` differ from those it was last
/// made from under `id`. The inputs themselves are kept and compared, not a hash of them: a
/// change is never missed, and comparing 10,000 points was several times cheaper than hashing
/// them every frame. Kept behind an `Arc`, as egui's memory hands out a copy on every read.
pub fn remembered<K, V>(ctx: &egui::Context, id: egui::Id, inputs: K, make: impl FnOnce(&K) -> V) -> V
where
    K: PartialEq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    if let Some(kept) = ctx.data(|data| data.get_temp::<Arc<(K, V)>>(id))
        && kept.0 == inputs
    {
        return kept.1.clone();
    }
    let value = make(&inputs);
    ctx.data_mut(|data| data.insert_temp(id, Arc::new((inputs, value.clone()))));
    value
}

/// An `Arc` as an input of [`remembered`], compared by address rather than by value: thousands
/// of points made once (and kept elsewhere between frames) are then compared in one step each
/// frame. Safe as a key, as the inputs kept hold the `Arc`, and with it the address, so no
/// other value can have that address while the kept one is compared with it.
#[derive(Debug)]
pub struct SameArc<T>(pub Arc<T>);

impl<T> PartialEq for SameArc<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What text laid out and kept between frames was laid out for: the screen's scale, and which
/// of egui's font atlases holds its glyphs. egui starts its atlas over when it is 80 % full
/// (after many sizes of text in both scripts: zooming, presenting); a galley kept from before
/// would then draw pieces of other glyphs. Part of the key of every kept galley.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GlyphsKey {
    pixels_per_point: u32,
    /// How many times the atlas was started over since the window opened.
    atlas: u64,
}

/// The key of text laid out now, for [`remembered`]'s inputs.
pub fn glyphs_key(ctx: &egui::Context) -> GlyphsKey {
    let atlas = ctx.data(|data| data.get_temp::<FontAtlas>(font_atlas_id())).unwrap_or_default().started_over;
    GlyphsKey { pixels_per_point: ctx.pixels_per_point().to_bits(), atlas }
}

/// Notes whether egui started its font atlas over since the last frame, so that
/// [`glyphs_key`] changes. Called at the start of each frame, before any text is laid out in
/// it: the atlas fills up and never empties, so a fuller atlas last frame means a new one.
pub fn note_font_atlas(ctx: &egui::Context) {
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method's lifetime is too narrow for the closure egui takes"
    )]
    let fill = ctx.fonts(|fonts| fonts.font_atlas_fill_ratio());
    let id = font_atlas_id();
    let mut atlas = ctx.data(|data| data.get_temp::<FontAtlas>(id)).unwrap_or_default();
    if fill.to_bits() != atlas.fill.to_bits() {
        if fill < atlas.fill {
            atlas.started_over += 1;
        }
        atlas.fill = fill;
        ctx.data_mut(|data| data.insert_temp(id, atlas));
    }
}

/// What [`note_font_atlas`] keeps between frames.
#[derive(Clone, Copy, Default)]
struct FontAtlas {
    fill: f32,
    started_over: u64,
}

fn font_atlas_id() -> egui::Id {
    egui::Id::unique("font atlas")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_is_done_again_only_when_its_inputs_change() {
        let ctx = egui::Context::default();
        let id = egui::Id::unique("remembered test");
        let made = std::cell::Cell::new(0);
        let length = |inputs: Vec<f32>| {
            remembered(&ctx, id, inputs, |points| {
                made.set(made.get() + 1);
                points.len()
            })
        };
        assert_eq!(length(vec![1.0, 2.0]), 2);
        assert_eq!(length(vec![1.0, 2.0]), 2);
        assert_eq!(made.get(), 1, "the same inputs: kept");
        assert_eq!(length(vec![1.0, 2.5]), 2);
        assert_eq!(made.get(), 2, "one point moved: made again");
    }

    /// Points behind an `Arc` are kept while the same `Arc` comes again; points made again,
    /// even equal ones, are another input.
    #[test]
    fn an_arc_input_is_the_same_while_it_is_the_same_arc() {
        let ctx = egui::Context::default();
        let id = egui::Id::unique("same arc test");
        let made = std::cell::Cell::new(0);
        let count = |points: &Arc<Vec<f32>>| {
            remembered(&ctx, id, SameArc(Arc::clone(points)), |points| {
                made.set(made.get() + 1);
                points.0.len()
            })
        };
        let points = Arc::new(vec![1.0, 2.0]);
        assert_eq!((count(&points), count(&points)), (2, 2));
        assert_eq!(made.get(), 1, "the same Arc: kept");
        assert_eq!(count(&Arc::new(vec![1.0, 2.0])), 2);
        assert_eq!(made.get(), 2, "points made again: made again");
    }

    /// egui starts its atlas over for another largest texture size, as it does when the atlas
    /// is full: text kept from before must be laid out again.
    #[test]
    fn a_font_atlas_started_over_changes_the_key_of_kept_text() {
        let ctx = egui::Context::default();
        let frame = |max_texture_side: usize| {
            let input = egui::RawInput { max_texture_side: Some(max_texture_side), ..Default::default() };
            let mut key = GlyphsKey::default();
            let mut output = ctx.run_ui(input, |ui| {
                note_font_atlas(ui.ctx());
                key = glyphs_key(ui.ctx());
                ui.label("Text that fills a little of the font atlas");
            });
            // No renderer takes the font atlas here.
            output.textures_delta.clear();
            key
        };
        let first = frame(2048);
        assert_eq!(frame(2048), first, "the same atlas: the same key");
        assert_eq!(frame(2048), first);
        assert_ne!(frame(4096), first, "a new atlas: another key");
    }
}
