//! Work kept between frames in egui's memory and done again only when what it was made from
//! changes: images of thousands of points, label placements.

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
}
