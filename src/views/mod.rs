//! One module per view. A view draws from the dataset and the shared state, and reports what
//! the user asked for as [`Action`](crate::state::Action)s; it never changes the dataset.

pub mod chips;
pub mod filters;
pub mod map;
pub mod park_table;
pub mod plots;
pub mod profile;
pub mod remembered;
pub mod slides;
pub mod status_bar;
pub mod table_preview;
pub mod toolbar;
pub mod widgets;
