//! Thousands of plain map markers drawn as one image. Each dot as two circles cost the map most
//! of its frame at 10,000 parks, in tessellation alone (docs/performance.md); drawn once into an
//! image at the screen's own pixels, they cost one textured rectangle a frame, and the image is
//! drawn again only when a dot moves or changes colour (a pan, a zoom, a new filter).

use egui::{Color32, ColorImage, Id, Painter, Pos2, Rect, TextureOptions, pos2};

use crate::views::remembered::{SameArc, remembered};

/// A plain marker: a disc of `fill` with a rim of `rim` around it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Dot {
    pub centre: Pos2,
    pub fill: Color32,
    pub rim: Color32,
}

/// The sizes of every dot, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct DotSize {
    pub radius: f32,
    pub rim: f32,
}

/// The dots of one image: thousands made once and kept between frames (compared by their
/// `Arc`, in one step), then the few made each frame, drawn over them.
#[derive(PartialEq)]
pub(super) struct DotLayers {
    pub kept: SameArc<Vec<Dot>>,
    pub over: Vec<Dot>,
}

/// The image of `dots` over `area` (screen points), as a shape to paint; `None` when the area is
/// empty. `id` keeps the image between frames.
#[expect(clippy::cast_sign_loss, reason = "an area's width and height are not negative")]
pub(super) fn dots_shape(painter: &Painter, id: Id, area: Rect, dots: DotLayers, size: DotSize) -> Option<egui::Shape> {
    let ctx = painter.ctx();
    let scale = ctx.pixels_per_point();
    // On whole physical pixels, so the image is neither blurred nor shifted.
    let area = Rect::from_min_max(
        pos2((area.min.x * scale).floor() / scale, (area.min.y * scale).floor() / scale),
        pos2((area.max.x * scale).ceil() / scale, (area.max.y * scale).ceil() / scale),
    );
    let pixels = [(area.width() * scale).round() as usize, (area.height() * scale).round() as usize];
    if pixels[0] == 0 || pixels[1] == 0 {
        return None;
    }
    // Drawn again only when a dot moves or changes colour, or the area or scale changes.
    let inputs = (area, scale.to_bits(), size, dots);
    let texture = remembered(ctx, id, inputs, |(area, _, size, dots)| {
        let all = dots.kept.0.iter().chain(&dots.over);
        ctx.load_texture("map dots", rasterise(all, area.min, scale, pixels, *size), TextureOptions::NEAREST)
    });
    let uv = Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0));
    Some(egui::Shape::image(texture.id(), area, uv, Color32::WHITE))
}

/// Draws the dots into an image of `pixels` whose top-left corner is at `origin` (points), each
/// edge anti-aliased over one pixel, later dots over earlier ones.
#[expect(
    clippy::cast_sign_loss,
    reason = "pixel bounds are clamped to the image before the casts, so they are not negative"
)]
fn rasterise<'d>(
    dots: impl IntoIterator<Item = &'d Dot>,
    origin: Pos2,
    scale: f32,
    pixels: [usize; 2],
    size: DotSize,
) -> ColorImage {
    let [width, height] = pixels;
    // Premultiplied RGBA, as egui keeps colours: 4 bytes a pixel.
    let mut buffer = vec![Color32::TRANSPARENT; width * height];
    let inner = size.radius * scale;
    let outer = (size.radius + size.rim) * scale;
    let channels = |colour: Color32| colour.to_array().map(|c| f32::from(c) / 255.0);
    for dot in dots {
        let centre = (dot.centre - origin) * scale;
        let (fill, rim) = (channels(dot.fill), channels(dot.rim));
        let left = (centre.x - outer - 1.0).floor().max(0.0) as usize;
        let top = (centre.y - outer - 1.0).floor().max(0.0) as usize;
        let right = ((centre.x + outer + 1.0).ceil().max(0.0) as usize).min(width);
        let bottom = ((centre.y + outer + 1.0).ceil().max(0.0) as usize).min(height);
        for y in top..bottom {
            for x in left..right {
                let distance = (x as f32 + 0.5 - centre.x).hypot(y as f32 + 0.5 - centre.y);
                let covered = (outer + 0.5 - distance).clamp(0.0, 1.0);
                if covered == 0.0 {
                    continue;
                }
                let filled = (inner + 0.5 - distance).clamp(0.0, 1.0);
                let pixel = &mut buffer[y * width + x];
                let below = channels(*pixel);
                let source_alpha = fill[3] * filled + rim[3] * (covered - filled);
                let [r, g, b, a] = std::array::from_fn(|c| {
                    let source = fill[c] * filled + rim[c] * (covered - filled);
                    ((source + below[c] * (1.0 - source_alpha)).clamp(0.0, 1.0) * 255.0).round() as u8
                });
                *pixel = Color32::from_rgba_premultiplied(r, g, b, a);
            }
        }
    }
    let pixels = buffer;
    ColorImage::new([width, height], pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: DotSize = DotSize { radius: 2.5, rim: 1.0 };

    fn pixel(image: &ColorImage, x: usize, y: usize) -> Color32 {
        image.pixels[y * image.size[0] + x]
    }

    #[test]
    fn a_dot_has_its_fill_inside_its_rim_outside_and_nothing_beyond() {
        let (fill, rim) = (Color32::RED, Color32::BLACK);
        let dot = Dot { centre: pos2(10.0, 10.0), fill, rim };
        // At two pixels a point: a disc 5 pixels in radius, then 2 pixels of rim.
        let image = rasterise(&[dot], Pos2::ZERO, 2.0, [40, 40], SIZE);
        assert_eq!(pixel(&image, 20, 20), fill, "the centre is the fill");
        let ring = pixel(&image, 26, 20);
        assert!(ring.r() < 10 && ring.a() > 240, "6.5 pixels out is the rim: {ring:?}");
        assert_eq!(pixel(&image, 29, 20), Color32::TRANSPARENT, "past the rim is clear");
        assert_eq!(pixel(&image, 0, 0), Color32::TRANSPARENT);
    }

    #[test]
    fn the_image_follows_the_screen_scale_and_a_later_dot_covers_an_earlier_one() {
        let first = Dot { centre: pos2(5.0, 5.0), fill: Color32::RED, rim: Color32::BLACK };
        let second = Dot { centre: pos2(5.0, 5.0), fill: Color32::BLUE, rim: Color32::BLACK };
        let image = rasterise(&[first, second], Pos2::ZERO, 2.0, [20, 20], SIZE);
        assert_eq!(pixel(&image, 10, 10), Color32::BLUE, "at twice the scale, pixel 10 is the centre");
    }

    #[test]
    fn dots_past_the_edges_are_cut_not_a_panic() {
        let dots = [
            Dot { centre: pos2(-3.0, 4.0), fill: Color32::WHITE, rim: Color32::BLACK },
            Dot { centre: pos2(21.0, 25.0), fill: Color32::WHITE, rim: Color32::BLACK },
        ];
        let image = rasterise(&dots, Pos2::ZERO, 1.0, [20, 20], SIZE);
        assert_eq!(image.size, [20, 20]);
        assert_ne!(pixel(&image, 0, 4), Color32::TRANSPARENT, "the part inside shows");
    }
}
