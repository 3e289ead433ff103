//! The grey context of a scatter plot with very many parks, drawn as one image: the plot area
//! cut into cells a few pixels wide, each cell with parks in it shaded, darker the more parks it
//! holds. Thousands of separate dots cost a frame more than the rest of the window together and
//! read no better: where they overlap, a dot cannot say how many parks lie under it; a shade can.
//!
//! The image is placed in plot coordinates, so it moves and zooms with the plot. It is made
//! again only when the points, the cell size or the colour change, and kept in egui's memory
//! between frames.

use std::hash::{Hash, Hasher};

use egui::{Color32, ColorImage, TextureHandle, TextureOptions};
use egui_plot::{PlotImage, PlotPoint, PlotUi};

/// The side of a cell in screen points at the zoom the plot was last drawn at.
const CELL_POINTS: f64 = 4.0;
/// Most cells across or down, whatever the zoom: an image of at most 1024 × 1024.
const MAX_CELLS: usize = 1024;
/// The opacity of a cell holding one park; the fullest cell is opaque, those between on a
/// logarithmic scale, so a cell of ten parks is still told from one of a hundred.
const LIGHTEST: f32 = 0.35;

/// How many points fall in each cell of a grid laid over their extent.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct DensityGrid {
    /// The plot position of the grid's top-left corner (smallest x, largest y).
    top_left: [f64; 2],
    /// A cell's width and height in plot units.
    cell: [f64; 2],
    /// Cells across and down.
    columns: usize,
    rows: usize,
    /// Points per cell, row by row from the top.
    counts: Vec<u32>,
}

impl DensityGrid {
    /// Counts `points` (finite plot positions) in cells of about `cell` plot units, enlarged
    /// where needed so the grid has at most [`MAX_CELLS`] cells each way. `None` for no points.
    #[expect(
        clippy::cast_sign_loss,
        reason = "the spans and the offsets from the grid's corner are not negative: the corner lies below every point"
    )]
    pub(super) fn new(points: &[[f64; 2]], cell: [f64; 2]) -> Option<Self> {
        let first = points.first()?;
        let (mut min, mut max) = (*first, *first);
        for point in points {
            for axis in 0..2 {
                min[axis] = min[axis].min(point[axis]);
                max[axis] = max[axis].max(point[axis]);
            }
        }
        let mut cells = [0; 2];
        let mut size = [0.0; 2];
        for axis in 0..2 {
            let span = max[axis] - min[axis];
            let wanted = if cell[axis].is_finite() && cell[axis] > 0.0 { cell[axis] } else { span.max(1.0) };
            // One extra cell, so a point on the far edge has a cell of its own.
            let count = ((span / wanted).floor() as usize + 1).min(MAX_CELLS);
            size[axis] = if count == MAX_CELLS { span / (MAX_CELLS - 1) as f64 } else { wanted };
            if size[axis] <= 0.0 || !size[axis].is_finite() {
                size[axis] = 1.0;
            }
            cells[axis] = count.max(1);
        }
        let [columns, rows] = cells;
        // Centre the points' extent in the grid.
        let left = min[0] - (columns as f64 * size[0] - (max[0] - min[0])) / 2.0;
        let top = max[1] + (rows as f64 * size[1] - (max[1] - min[1])) / 2.0;
        let mut counts = vec![0_u32; columns * rows];
        for point in points {
            let column = (((point[0] - left) / size[0]) as usize).min(columns - 1);
            let row = (((top - point[1]) / size[1]) as usize).min(rows - 1);
            counts[row * columns + column] += 1;
        }
        Some(Self { top_left: [left, top], cell: size, columns, rows, counts })
    }

    /// The grid as an image: each cell one pixel of `colour`, its opacity by its count.
    fn image(&self, colour: Color32) -> ColorImage {
        let most = self.counts.iter().copied().max().unwrap_or(1).max(1);
        let scale = (most as f32).ln_1p();
        let pixels = self
            .counts
            .iter()
            .map(|&count| {
                if count == 0 {
                    return Color32::TRANSPARENT;
                }
                let share = if most == 1 { 1.0 } else { (count as f32).ln_1p() / scale };
                colour.gamma_multiply(LIGHTEST + (1.0 - LIGHTEST) * share)
            })
            .collect();
        ColorImage::new([self.columns, self.rows], pixels)
    }

    /// The plot position of the grid's centre and its size in plot units.
    fn placement(&self) -> (PlotPoint, egui::Vec2) {
        let width = self.columns as f64 * self.cell[0];
        let height = self.rows as f64 * self.cell[1];
        let centre = PlotPoint::new(self.top_left[0] + width / 2.0, self.top_left[1] - height / 2.0);
        (centre, egui::vec2(width as f32, height as f32))
    }
}

/// The texture last made for a plot, with a hash of what it was made from and where it goes
/// (not the counts: egui's memory hands out copies, every frame).
#[derive(Clone)]
struct CachedDensity {
    key: u64,
    placement: (PlotPoint, egui::Vec2),
    texture: TextureHandle,
}

/// Draws `points` (plot positions) as a density image of `colour` under whatever the plot draws
/// next. Cells are [`CELL_POINTS`] wide at the zoom the plot was drawn at last frame.
pub(super) fn add_density(plot_ui: &mut PlotUi<'_>, id: egui::Id, points: &[[f64; 2]], colour: Color32) {
    let ctx = plot_ui.ctx().clone();
    let [dx, dy] = plot_ui.transform().dvalue_dpos();
    let cell = [(dx * CELL_POINTS).abs(), (dy * CELL_POINTS).abs()];
    let mut hasher = std::hash::DefaultHasher::new();
    for value in points.iter().flatten().chain(&cell) {
        value.to_bits().hash(&mut hasher);
    }
    colour.hash(&mut hasher);
    let key = hasher.finish();
    let cached = ctx.data(|data| data.get_temp::<CachedDensity>(id)).filter(|cached| cached.key == key);
    let cached = if let Some(cached) = cached {
        cached
    } else {
        let Some(grid) = DensityGrid::new(points, cell) else { return };
        let texture = ctx.load_texture("scatter density", grid.image(colour), TextureOptions::NEAREST);
        let made = CachedDensity { key, placement: grid.placement(), texture };
        ctx.data_mut(|data| data.insert_temp(id, made.clone()));
        made
    };
    let (centre, size) = cached.placement;
    plot_ui.image(PlotImage::new("", cached.texture.id(), centre, size).id(id).allow_hover(false));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_point_is_counted_once_in_the_cell_it_lies_in() {
        let points = [[0.0, 0.0], [0.2, 0.2], [9.9, 9.9], [10.0, 10.0], [5.0, 0.0]];
        let grid = DensityGrid::new(&points, [1.0, 1.0]).expect("points");
        assert_eq!(grid.counts.iter().sum::<u32>(), 5);
        assert_eq!((grid.columns, grid.rows), (11, 11));
        // Rows run from the top (largest y), columns from the left (smallest x).
        assert_eq!(grid.counts[10 * 11], 2, "the two points near the origin share the bottom-left cell");
        assert_eq!(grid.counts[10 * 11 + 5], 1);
        assert_eq!(grid.counts[10], 2, "the two points near (10, 10) share the top-right cell");
    }

    #[test]
    fn the_grid_covers_the_points_and_is_centred_on_them() {
        let points = [[-3.0, 2.0], [7.0, 4.0]];
        let grid = DensityGrid::new(&points, [2.0, 1.0]).expect("points");
        let (centre, size) = grid.placement();
        assert!((centre.x - 2.0).abs() < 1e-9 && (centre.y - 3.0).abs() < 1e-9, "{centre:?}");
        assert!(f64::from(size.x) >= 10.0 && f64::from(size.y) >= 2.0, "{size:?}");
    }

    #[test]
    fn cells_grow_rather_than_the_image_passing_its_limit() {
        let points = [[0.0, 0.0], [1e9, 1.0]];
        let grid = DensityGrid::new(&points, [1.0, 1.0]).expect("points");
        assert_eq!(grid.columns, MAX_CELLS);
        assert_eq!(grid.counts.iter().sum::<u32>(), 2);
    }

    #[test]
    fn a_single_point_or_a_bad_cell_size_still_makes_a_grid() {
        let grid = DensityGrid::new(&[[4.0, 4.0]], [0.0, f64::NAN]).expect("a point");
        assert_eq!((grid.columns, grid.rows, grid.counts.as_slice()), (1, 1, &[1][..]));
        assert_eq!(DensityGrid::new(&[], [1.0, 1.0]), None);
    }

    #[test]
    fn fuller_cells_are_darker_and_empty_ones_clear() {
        let mut points = vec![[0.0, 0.0]; 100];
        points.push([5.0, 0.0]);
        let grid = DensityGrid::new(&points, [1.0, 1.0]).expect("points");
        let image = grid.image(crate::theme::density_colour(&egui::Visuals::light()));
        let alpha = |column: usize| image.pixels[column].a();
        assert_eq!(alpha(0), 255, "the fullest cell is opaque");
        assert!(alpha(5) > 0 && alpha(5) < 128, "one park is light: {}", alpha(5));
        assert_eq!(alpha(2), 0, "no park, no shade");
    }
}
