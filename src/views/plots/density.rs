//! The grey context of a scatter plot with very many parks, drawn as one image: the plot area
//! cut into cells a few pixels wide, each cell with parks in it shaded, darker the more parks it
//! holds. Thousands of separate dots cost a frame more than the rest of the window together and
//! read no better: where they overlap, a dot cannot say how many parks lie under it; a shade can.
//!
//! The image is placed in plot coordinates, so it moves and zooms with the plot. It is made
//! again only when the points, the cell size or the colour change, and kept in egui's memory
//! between frames.

use std::sync::Arc;

use egui::{Color32, ColorImage, TextureOptions};
use egui_plot::{PlotImage, PlotPoint, PlotUi};

use crate::views::remembered::{SameArc, remembered};

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
    /// Counts `points` (finite plot positions) in `cells` columns and rows (each at least 1, at
    /// most [`MAX_CELLS`]) laid exactly over their extent, so the image adds nothing to the
    /// plot's bounds. An axis on which every point is equal gets one cell a unit wide. `None`
    /// for no points.
    #[expect(
        clippy::cast_sign_loss,
        reason = "offsets from the grid's corner are not negative: the corner is the points' least x and greatest y"
    )]
    pub(super) fn new(points: &[[f64; 2]], cells: [usize; 2]) -> Option<Self> {
        let first = points.first()?;
        let (mut min, mut max) = (*first, *first);
        for point in points {
            for axis in 0..2 {
                min[axis] = min[axis].min(point[axis]);
                max[axis] = max[axis].max(point[axis]);
            }
        }
        let mut counts_across = [1; 2];
        let mut size = [1.0; 2];
        let mut corner = [min[0], max[1]];
        for axis in 0..2 {
            let span = max[axis] - min[axis];
            if span > 0.0 && span.is_finite() {
                counts_across[axis] = cells[axis].clamp(1, MAX_CELLS);
                size[axis] = span / counts_across[axis] as f64;
            } else {
                // One cell centred on the points.
                corner[axis] += if axis == 0 { -0.5 } else { 0.5 };
            }
        }
        let [columns, rows] = counts_across;
        let [left, top] = corner;
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

/// The points of a density layer and their extent, worked out once for the many frames that
/// draw them (at 10,000 parks, going over them each frame cost a good part of one).
#[derive(Debug)]
pub(super) struct DensityPoints {
    /// Finite plot positions.
    points: Vec<[f64; 2]>,
    /// Their extent across and down, in plot units.
    extent: [f64; 2],
}

impl DensityPoints {
    pub(super) fn new(points: Vec<[f64; 2]>) -> Self {
        let extent = |axis: usize| {
            let (low, high) = points
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), p| (low.min(p[axis]), high.max(p[axis])));
            (high - low).max(0.0)
        };
        let extent = [extent(0), extent(1)];
        Self { points, extent }
    }
}

/// How many cells across and down make cells about [`CELL_POINTS`] wide at the zoom the plot
/// was last drawn at: the points' `extent` over the plot's, times the plot's size in points.
/// While the plot keeps its bounds this gives the same numbers every frame, so the image is
/// made once.
#[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "clamped to 1..=MAX_CELLS before the cast")]
fn cells_for(transform: &egui_plot::PlotTransform, extent: [f64; 2]) -> [usize; 2] {
    let (frame, bounds) = (transform.frame(), transform.bounds());
    let across = |axis: usize, points_wide: f32, plot_span: f64| {
        let cells = extent[axis] / plot_span * f64::from(points_wide) / CELL_POINTS;
        if cells.is_finite() { cells.round().clamp(1.0, MAX_CELLS as f64) as usize } else { 1 }
    };
    [across(0, frame.width(), bounds.width()), across(1, frame.height(), bounds.height())]
}

/// Draws `points` as a density image of `colour` under whatever the plot draws next. Cells are
/// about [`CELL_POINTS`] wide at the zoom the plot was drawn at last frame.
pub(super) fn add_density(plot_ui: &mut PlotUi<'_>, id: egui::Id, points: &Arc<DensityPoints>, colour: Color32) {
    let ctx = plot_ui.ctx().clone();
    let cells = cells_for(plot_ui.transform(), points.extent);
    // Made again only when the points, the cell count or the colour change.
    let inputs = (SameArc(Arc::clone(points)), cells, colour);
    let image = remembered(&ctx, id, inputs, |(points, cells, colour)| {
        let grid = DensityGrid::new(&points.0.points, *cells)?;
        let texture = ctx.load_texture("scatter density", grid.image(*colour), TextureOptions::NEAREST);
        Some((grid.placement(), texture))
    });
    if let Some(((centre, size), texture)) = image {
        plot_ui.image(PlotImage::new("", texture.id(), centre, size).id(id).allow_hover(false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_point_is_counted_once_in_the_cell_it_lies_in() {
        let points = [[0.0, 0.0], [0.2, 0.2], [9.9, 9.9], [10.0, 10.0], [5.0, 0.0]];
        let grid = DensityGrid::new(&points, [10, 10]).expect("points");
        assert_eq!(grid.counts.iter().sum::<u32>(), 5);
        assert_eq!((grid.columns, grid.rows), (10, 10));
        // Rows run from the top (largest y), columns from the left (smallest x).
        assert_eq!(grid.counts[9 * 10], 2, "the two points near the origin share the bottom-left cell");
        assert_eq!(grid.counts[9 * 10 + 5], 1);
        assert_eq!(grid.counts[9], 2, "the two points near (10, 10) share the top-right cell");
    }

    #[test]
    fn the_grid_lies_exactly_over_the_points_so_it_cannot_move_the_plot_bounds() {
        let points = [[-3.0, 2.0], [7.0, 4.0]];
        let grid = DensityGrid::new(&points, [7, 3]).expect("points");
        let (centre, size) = grid.placement();
        assert!((centre.x - 2.0).abs() < 1e-9 && (centre.y - 3.0).abs() < 1e-9, "{centre:?}");
        assert!((f64::from(size.x) - 10.0).abs() < 1e-5 && (f64::from(size.y) - 2.0).abs() < 1e-5, "{size:?}");
    }

    #[test]
    fn the_image_never_passes_its_limit_nor_has_no_cell() {
        let points = [[0.0, 0.0], [1e9, 1.0]];
        let grid = DensityGrid::new(&points, [usize::MAX, 0]).expect("points");
        assert_eq!((grid.columns, grid.rows), (MAX_CELLS, 1));
        assert_eq!(grid.counts.iter().sum::<u32>(), 2);
    }

    #[test]
    fn points_all_in_one_place_make_one_cell_around_them() {
        let grid = DensityGrid::new(&[[4.0, 4.0], [4.0, 4.0]], [50, 50]).expect("points");
        assert_eq!((grid.columns, grid.rows, grid.counts.as_slice()), (1, 1, &[2][..]));
        let (centre, _) = grid.placement();
        assert!((centre.x - 4.0).abs() < 1e-9 && (centre.y - 4.0).abs() < 1e-9, "{centre:?}");
        assert_eq!(DensityGrid::new(&[], [1, 1]), None);
    }

    #[test]
    fn fuller_cells_are_darker_and_empty_ones_clear() {
        let mut points = vec![[0.0, 0.0]; 100];
        points.push([5.0, 0.0]);
        let grid = DensityGrid::new(&points, [6, 1]).expect("points");
        let image = grid.image(crate::theme::density_colour(&egui::Visuals::light()));
        let alpha = |column: usize| image.pixels[column].a();
        assert_eq!(alpha(0), 255, "the fullest cell is opaque");
        assert!(alpha(5) > 0 && alpha(5) < 128, "one park is light: {}", alpha(5));
        assert_eq!(alpha(2), 0, "no park, no shade");
    }
}
