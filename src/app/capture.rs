//! PNG export of what the window shows, at the window's size or a slide size, one view or
//! every slide in turn (the meeting pack). Screenshots arrive a frame after they are asked for,
//! so exports are a small queue worked through one step per frame.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{ColorImage, Context, Vec2, ViewportCommand};

use crate::state::ImageSize;

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
    /// The window is being resized (or the slide drawn); take the shot in a few frames.
    Preparing { shot: Shot, frames_left: u8 },
    /// The screenshot was asked for.
    Waiting { shot: Shot, image: Receiver<Arc<ColorImage>> },
}

/// What a finished step asks the app to do.
#[derive(Debug)]
pub enum Step {
    /// Show this slide before the shot is taken.
    ShowSlide(usize),
    /// An image was written (or failed to be).
    Saved(PathBuf, Result<(u32, u32), String>),
}

/// The queue of images to make.
#[derive(Debug, Default)]
pub struct CaptureQueue {
    shots: VecDeque<Shot>,
    stage: Stage,
    /// The window's size in points before a slide-size export resized it.
    restore: Option<Vec2>,
}

impl CaptureQueue {
    /// Adds images to make.
    pub fn push(&mut self, shots: impl IntoIterator<Item = Shot>) {
        self.shots.extend(shots);
    }

    /// Whether anything is queued or under way.
    pub fn is_busy(&self) -> bool {
        !self.shots.is_empty() || !matches!(self.stage, Stage::Idle)
    }

    /// Does one step; call once per frame.
    pub fn step(&mut self, ctx: &Context) -> Option<Step> {
        match std::mem::take(&mut self.stage) {
            Stage::Idle => {
                let shot = self.shots.pop_front()?;
                if let ImageSize::Pixels(w, h) = shot.size {
                    let pixels_per_point = ctx.pixels_per_point();
                    self.restore.get_or_insert(ctx.content_rect().size());
                    ctx.send_viewport_cmd(ViewportCommand::InnerSize(Vec2::new(w as f32, h as f32) / pixels_per_point));
                }
                let slide = shot.slide;
                // A resized window needs a few frames to settle; a new slide one frame to draw.
                let frames_left = match (shot.size, slide) {
                    (ImageSize::Pixels(..), _) => 3,
                    (ImageSize::Window, Some(_)) => 1,
                    (ImageSize::Window, None) => 0,
                };
                self.stage = Stage::Preparing { shot, frames_left };
                ctx.request_repaint();
                slide.map(Step::ShowSlide)
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
                    let saved = save_png(&shot.path, &picture);
                    if self.shots.is_empty()
                        && let Some(size) = self.restore.take()
                    {
                        ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
                    }
                    ctx.request_repaint();
                    Some(Step::Saved(shot.path, saved))
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    self.stage = Stage::Waiting { shot, image };
                    None
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    Some(Step::Saved(shot.path, Err("no screenshot came back".to_owned())))
                }
            },
        }
    }
}

/// Writes a screenshot as PNG, atomically. Returns its size in pixels.
fn save_png(path: &std::path::Path, picture: &ColorImage) -> Result<(u32, u32), String> {
    let [w, h] = picture.size;
    let (w, h) = (u32::try_from(w).map_err(|e| e.to_string())?, u32::try_from(h).map_err(|e| e.to_string())?);
    let bytes: Vec<u8> = picture.pixels.iter().flat_map(egui::Color32::to_array).collect();
    let image = image::RgbaImage::from_raw(w, h, bytes).ok_or("the screenshot has the wrong size")?;
    let mut png = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).map_err(|e| e.to_string())?;
    super::slides_file::write_atomically(path, &png).map_err(|e| e.to_string())?;
    Ok((w, h))
}
