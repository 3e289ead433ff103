//! What the scatter works out of its points once per plot and scale: how big each point is
//! drawn, where it goes, and which are drawn as a density layer.

use std::sync::Arc;

use egui_plot::PlotPoint;

use super::super::density::DensityPoints;
use super::super::{is_hedged, scaled};
use crate::state::ParkColours;
use crate::state::series::{Reading, ScatterPoint, Unsized};

/// Above this many points a scatter plot draws every park as a plain dot, one batch per colour:
/// bubbles would only be clutter. The coloured parks are still named.
pub(super) const MAX_LABELLED_POINTS: usize = 80;

/// How much larger a hovered or selected point is drawn, in points.
pub(super) const EMPHASIS_RADIUS: f32 = 3.0;

/// Above this many points the grey context is one density image instead of a dot per park:
/// dots this many overlap into a blot and cost more to draw than the rest of the window.
pub(super) const MAX_DOTS: usize = 1_000;

/// The figure of the largest bubble: the greatest size figure above zero among `points`.
pub(super) fn largest_size(points: &[ScatterPoint]) -> Option<&Reading> {
    points
        .iter()
        .filter_map(|p| p.size.as_ref())
        .filter(|size| size.value > 0.0)
        .max_by(|a, b| a.value.total_cmp(&b.value))
}

/// How big each point is drawn.
#[derive(Clone, Copy)]
pub(super) struct BubbleScale {
    /// The largest size value among the points; not positive when no point has one above zero.
    max_size: f64,
    /// Whether points are bubbles (few points) rather than plain dots.
    pub(super) bubbles: bool,
}

impl BubbleScale {
    fn new(points: &[ScatterPoint]) -> Self {
        let max_size = points.iter().filter_map(|p| p.size.as_ref().map(|size| size.value)).fold(0.0_f64, f64::max);
        Self { max_size, bubbles: points.len() <= MAX_LABELLED_POINTS }
    }

    /// Whether the points are bubbles sized by a figure: few enough of them, and some figure
    /// above zero to scale the others to.
    pub(super) fn sized(self) -> bool {
        self.bubbles && self.max_size > 0.0
    }

    /// A point's radius in points: a plain dot when there are many points, a cross when its
    /// figure cannot size it, an area proportional to the value when sized, so the radius
    /// grows with its square root.
    pub(super) fn radius(self, point: &ScatterPoint) -> f32 {
        if !self.bubbles {
            return 2.5;
        }
        match (&point.size, self.sized()) {
            // A cross: `egui_plot` draws its lines a fifth of the radius wide, too thin at 4.
            _ if self.why_crossed(point).is_some() => 7.0,
            (Some(size), true) => 4.0 + 22.0 * (size.value / self.max_size).sqrt() as f32,
            // Not sized: each of these few points is a park to find and read on a slide.
            _ => 6.0,
        }
    }

    /// Why `point` is drawn as a cross while the others are sized; `None` when it is not.
    pub(super) fn why_crossed(self, point: &ScatterPoint) -> Option<Unsized> {
        self.sized().then(|| Unsized::of(point.size.as_ref().map(|size| size.value))).flatten()
    }

    /// How far a point's marker reaches from its centre: its radius, larger while it is
    /// emphasised (hovered or selected), and half of the outline `egui_plot` draws around a
    /// hollow marker (a fifth of the radius wide), which a name beside it must clear.
    pub(super) fn reach(self, point: &ScatterPoint, emphasised: bool) -> f32 {
        (self.radius(point) + if emphasised { EMPHASIS_RADIUS } else { 0.0 }) * 1.1
    }
}

/// Whether `point` is drawn hollow: one of its figures is approximate, preliminary or a bound.
pub(super) fn is_hedged_point(point: &ScatterPoint) -> bool {
    is_hedged(point.x.qualifier) || is_hedged(point.y.qualifier)
}

/// Whether `point` is drawn as a diamond, as the time series draws such figures: one of its
/// figures covers only part of a year, so it does not compare with whole years.
pub(super) fn is_part_year_point(point: &ScatterPoint) -> bool {
    point.x.period.is_some() || point.y.period.is_some()
}

/// What the scatter works out of its points once per plot and scale rather than every frame:
/// at 10,000 parks each pass over the points (a few hundred bytes apiece, with their figures)
/// cost as much as the chart's text, and a frame made a dozen.
pub(super) struct PointFacts {
    /// How big each point is drawn.
    pub(super) bubbles: BubbleScale,
    /// Each point the scale can show (a log scale drops values not above zero): its index
    /// among the points and its place on the plot.
    pub(super) positions: Vec<(usize, PlotPoint)>,
    /// Whether each of `positions` is a coloured park's.
    pub(super) coloured: Vec<bool>,
    /// How far each of `positions`' markers reaches, emphasised: the room the axes give it.
    pub(super) reaches: Vec<f32>,
    /// The lowest tick of each axis: zero when no value on it is negative.
    pub(super) lowest: [Option<f64>; 2],
    /// The points resting on a figure another source states otherwise, by index (few).
    pub(super) stated_otherwise: Vec<usize>,
    /// The grey points, drawn as a density layer when there are more than [`MAX_DOTS`].
    pub(super) density: Option<Arc<DensityPoints>>,
}

impl PointFacts {
    pub(super) fn new(points: &[ScatterPoint], colours: &ParkColours, log: bool) -> Self {
        let bubbles = BubbleScale::new(points);
        let (mut positions, mut coloured, mut reaches) = (Vec::new(), Vec::new(), Vec::new());
        for (i, point) in points.iter().enumerate() {
            let (Some(x), Some(y)) = (scaled(point.x.value, log), scaled(point.y.value, log)) else { continue };
            positions.push((i, PlotPoint::new(x, y)));
            coloured.push(colours.slot(&point.park).is_some());
            reaches.push(bubbles.reach(point, true));
        }
        let lowest = |value: fn(&ScatterPoint) -> f64| points.iter().map(value).all(|v| v >= 0.0).then_some(0.0);
        let with_others = points.iter().enumerate().filter(|(_, point)| !point.stated_otherwise.is_empty());
        let stated_otherwise = with_others.map(|(i, _)| i).collect();
        // Grey context as density: too many to tell apart as dots, or to tell hedged ones by fill.
        let density = (positions.len() > MAX_DOTS).then(|| {
            let grey = positions.iter().zip(&coloured).filter(|(_, coloured)| !**coloured);
            Arc::new(DensityPoints::new(grey.map(|((_, at), _)| [at.x, at.y]).collect()))
        });
        Self {
            bubbles,
            positions,
            coloured,
            reaches,
            lowest: [lowest(|p| p.x.value), lowest(|p| p.y.value)],
            stated_otherwise,
            density,
        }
    }

    /// The points drawn, each at its plot position, with whether it is coloured.
    pub(super) fn drawn<'p>(
        &self,
        points: &'p [ScatterPoint],
    ) -> impl Iterator<Item = ((&'p ScatterPoint, PlotPoint), bool)> {
        let drawn = self.positions.iter().zip(&self.coloured);
        drawn.filter_map(|(&(i, at), &coloured)| Some(((points.get(i)?, at), coloured)))
    }
}
