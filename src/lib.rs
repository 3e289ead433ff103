//! ZGC Atlas: explore and compare the parks of a science-park dataset (shipped with the sixteen
//! sub-parks of Zhongguancun Science Park).
//!
//! Layers, each depending only on those after it: `app` (the window) → `views` (one module
//! per view) → `state` (UI state, pure functions) → `model` (the dataset; no egui).
//! `brief` writes a park's one-page PDF brief (no egui; used by `cli` and `app`).
//! `cli` runs the command line; `i18n` holds every UI string; `theme` every colour and font;
//! `glyphs` knows which characters the built-in fonts draw (no egui, so `cli` may use it).
//! `startup` times the window's start-up when asked to (no egui; `scripts/startup.sh`).

pub mod app;
pub mod brief;
pub mod cli;
pub mod format;
pub mod glyphs;
pub mod i18n;
pub mod model;
pub mod perf;
pub mod startup;
pub mod state;
pub mod synthetic;
pub mod theme;
pub mod views;
