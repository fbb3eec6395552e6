//! What the user sees.

pub mod year_slider;

pub use year_slider::{Gesture, YearSlider};
