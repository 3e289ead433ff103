//! PNG export of what the window shows, at the window's size or a slide size, one view or
//! every slide in turn (the meeting pack). Screenshots arrive a frame after they are asked for,
//! so exports are a small queue worked through one step per frame.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{ColorImage, Context, Vec2, ViewportCommand};

use crate::state::ImageSize;
use crate::state::write_failure::{FailureKind, WriteFailure};

/// One image to make: which slide to show first (if any), where to write it, at what size.
#[derive(Clone, Debug, PartialEq)]
pub struct Shot {
    /// The slide to show before taking it; `None` for the current view.
    pub slide: Option<usize>,
    /// Where the PNG goes.
    pub path: PathBuf,
    /// Its size.
    pub size: ImageSize,
}

/// Where the queue is.
#[derive(Debug, Default)]
enum Stage {
    /// Nothing under way.
    #[default]
    Idle,
    /// The presentation layout (and the slide, if any) is being drawn; resize in a few frames.
    /// The window is resized only once the layout's zoom has settled: a zoom change and a
    /// resize in the same frame would fight over the window's size.
    Styling { shot: Shot, frames_left: u8 },
    /// The window is being resized; take the shot in a few frames.
    Preparing { shot: Shot, frames_left: u8 },
    /// The screenshot was asked for.
    Waiting { shot: Shot, image: Receiver<Arc<ColorImage>> },
    /// The last shot is taken and the window is going back to its size; the presentation
    /// layout ends once it has.
    Restoring { frames_left: u8 },
}

/// What a finished step asks the app to do.
#[derive(Debug)]
pub enum Step {
    /// Show this slide before the shot is taken.
    ShowSlide(usize),
    /// The screenshot for `path` arrived: the app writes it, describing what it shows.
    Captured(PathBuf, Arc<ColorImage>),
    /// No screenshot came for `path`.
    Failed(PathBuf, WriteFailure),
}

/// The queue of images to make.
#[derive(Debug, Default)]
pub struct CaptureQueue {
    shots: VecDeque<Shot>,
    stage: Stage,
    /// The window's size in pixels before a slide-size export resized it (pixels, because the
    /// presentation layout changes the zoom and so the size in points).
    restore: Option<Vec2>,
}

impl CaptureQueue {
    /// Adds images to make.
    pub fn push(&mut self, shots: impl IntoIterator<Item = Shot>) {
        self.shots.extend(shots);
    }

    /// Whether anything is queued or under way, the window's return to its size included.
    pub fn is_busy(&self) -> bool {
        !self.shots.is_empty() || !matches!(self.stage, Stage::Idle)
    }

    /// Whether images are still to be taken (the window may still be returning to its size).
    pub fn has_shots_left(&self) -> bool {
        !self.shots.is_empty() || !matches!(self.stage, Stage::Idle | Stage::Restoring { .. })
    }

    /// Does one step; call once per frame.
    pub fn step(&mut self, ctx: &Context) -> Option<Step> {
        match std::mem::take(&mut self.stage) {
            Stage::Idle => {
                let shot = self.shots.pop_front()?;
                let slide = shot.slide;
                self.stage = Stage::Styling { shot, frames_left: 2 };
                ctx.request_repaint();
                slide.map(Step::ShowSlide)
            }
            Stage::Styling { shot, frames_left } if frames_left > 0 => {
                self.stage = Stage::Styling { shot, frames_left: frames_left - 1 };
                ctx.request_repaint();
                None
            }
            Stage::Styling { shot, .. } => {
                // The zoom follows a new height, which takes another frame or two to settle.
                let frames_left = match shot.size {
                    ImageSize::Pixels(w, h) => {
                        self.restore.get_or_insert(ctx.content_rect().size() * ctx.pixels_per_point());
                        let size = Vec2::new(w as f32, h as f32) / ctx.pixels_per_point();
                        ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
                        3
                    }
                    ImageSize::Window => 0,
                };
                self.stage = Stage::Preparing { shot, frames_left };
                ctx.request_repaint();
                None
            }
            Stage::Preparing { shot, frames_left } if frames_left > 0 => {
                self.stage = Stage::Preparing { shot, frames_left: frames_left - 1 };
                ctx.request_repaint();
                None
            }
            Stage::Preparing { shot, .. } => {
                let (sender, image) = channel();
                let wake = ctx.clone();
                ctx.request_screenshot(move |picture| {
                    let _ = sender.send(picture);
                    wake.request_repaint();
                });
                self.stage = Stage::Waiting { shot, image };
                None
            }
            Stage::Waiting { shot, image } => match image.try_recv() {
                Ok(picture) => {
                    if self.shots.is_empty()
                        && let Some(pixels) = self.restore.take()
                    {
                        ctx.send_viewport_cmd(ViewportCommand::InnerSize(pixels / ctx.pixels_per_point()));
                        self.stage = Stage::Restoring { frames_left: 2 };
                    }
                    ctx.request_repaint();
                    Some(Step::Captured(shot.path, picture))
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    self.stage = Stage::Waiting { shot, image };
                    None
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    Some(Step::Failed(shot.path, WriteFailure::of_kind(FailureKind::NoPicture)))
                }
            },
            Stage::Restoring { frames_left } => {
                if frames_left > 0 {
                    self.stage = Stage::Restoring { frames_left: frames_left - 1 };
                }
                ctx.request_repaint();
                None
            }
        }
    }
}

/// Writes a screenshot as PNG, atomically, with `title` and `description` as its text
/// metadata (UTF-8 `iTXt` chunks "Title" and "Description": the image's alt text, in either
/// language). Returns its size in pixels.
pub fn save_png(
    path: &std::path::Path,
    picture: &ColorImage,
    title: &str,
    description: &str,
) -> Result<(u32, u32), WriteFailure> {
    let [w, h] = picture.size;
    let (w, h) = (u32::try_from(w).map_err(WriteFailure::other)?, u32::try_from(h).map_err(WriteFailure::other)?);
    let bytes: Vec<u8> = picture.pixels.iter().flat_map(egui::Color32::to_array).collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    for (keyword, text) in [("Title", title), ("Description", description)] {
        if !text.is_empty() {
            encoder.add_itxt_chunk(keyword.to_owned(), text.to_owned()).map_err(WriteFailure::other)?;
        }
    }
    let mut writer = encoder.write_header().map_err(WriteFailure::other)?;
    writer.write_image_data(&bytes).map_err(WriteFailure::other)?;
    writer.finish().map_err(WriteFailure::other)?;
    super::slides_file::write_atomically(path, &png)?;
    Ok((w, h))
}
