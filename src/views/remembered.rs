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
}
