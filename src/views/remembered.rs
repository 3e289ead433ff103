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
/// (after many sizes of text in both scripts: zooming, presenting) and when the fonts change (a
/// switch of language loads the other script's); a galley kept from before would then draw
/// pieces of other glyphs. Part of the key of every kept galley. For the main window only: a
/// window of its own (the notes) has its own text cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GlyphsKey {
    pixels_per_point: u32,
    atlas_restarts: u64,
}

/// The key of text laid out now, for [`remembered`]'s inputs.
pub fn glyphs_key(ctx: &egui::Context) -> GlyphsKey {
    let atlas_restarts =
        ctx.data(|data| data.get_temp::<AtlasWatch>(atlas_watch_id())).map_or(0, |watch| watch.restarts);
    GlyphsKey { pixels_per_point: ctx.pixels_per_point().to_bits(), atlas_restarts }
}

/// Notes whether egui started its font atlas over since the last pass, so that [`glyphs_key`]
/// changes. Called at the start of each pass, after the fonts of the language are chosen (text
/// laid out before that would hold egui's change of fonts back a pass) and before the views lay
/// out any text.
///
/// egui empties its text cache whenever the galleys in it would point into an atlas that is
/// gone, and otherwise hands back the galley it has for the same text. So one character laid out
/// each pass comes back the same galley until the atlas is started over.
pub fn note_font_atlas(ctx: &egui::Context) {
    let sentinel = ctx
        .fonts_mut(|fonts| fonts.layout_no_wrap("0".to_owned(), egui::FontId::default(), egui::Color32::PLACEHOLDER));
    let id = atlas_watch_id();
    let kept = ctx.data(|data| data.get_temp::<AtlasWatch>(id));
    let restarts = match kept {
        Some(watch) if Arc::ptr_eq(&watch.sentinel, &sentinel) => return,
        Some(watch) => watch.restarts + 1,
        None => 0,
    };
    ctx.data_mut(|data| data.insert_temp(id, AtlasWatch { sentinel, restarts }));
}

/// What [`note_font_atlas`] keeps between passes: the character it laid out last, and how many
/// times the atlas was started over since the window opened.
#[derive(Clone)]
struct AtlasWatch {
    sentinel: Arc<egui::Galley>,
    restarts: u64,
}

fn atlas_watch_id() -> egui::Id {
    egui::Id::unique("font atlas watch")
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

    /// A pass with the largest texture side `max_texture_side` (egui starts its atlas over for
    /// another), noting the atlas as the app does. Returns the key of the text laid out in it.
    fn pass_with_atlas(ctx: &egui::Context, max_texture_side: usize) -> GlyphsKey {
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
    }

    #[test]
    fn a_font_atlas_started_over_changes_the_key_of_kept_text() {
        let ctx = egui::Context::default();
        let first = pass_with_atlas(&ctx, 2048);
        assert_eq!(pass_with_atlas(&ctx, 2048), first, "the same atlas: the same key");
        assert_eq!(pass_with_atlas(&ctx, 2048), first);
        let larger = pass_with_atlas(&ctx, 4096);
        assert_ne!(larger, first, "a new, larger atlas: another key");
        let smaller = pass_with_atlas(&ctx, 2048);
        assert_ne!(smaller, larger, "a new, smaller atlas: another key");
        assert_eq!(pass_with_atlas(&ctx, 2048), smaller);
    }

    /// New fonts (the other language's) mean a new atlas.
    #[test]
    fn new_fonts_change_the_key_of_kept_text() {
        let ctx = egui::Context::default();
        let before = pass_with_atlas(&ctx, 2048);
        assert_eq!(pass_with_atlas(&ctx, 2048), before);
        let mut fonts = egui::FontDefinitions::default();
        fonts.families.entry(egui::FontFamily::Proportional).or_default().reverse();
        ctx.set_fonts(fonts);
        pass_with_atlas(&ctx, 2048);
        assert_ne!(pass_with_atlas(&ctx, 2048), before);
    }
}
