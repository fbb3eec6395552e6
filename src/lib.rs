//! Uchronia: an atlas of interwar Europe in real and alternate histories.
//!
//! `model` is pure and shared; the browser wing (`app`, `components`) exists only in the
//! wasm32 build.

// Nothing a user or a data file controls may panic the page or the command line.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod pipeline;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod data;
