//! The ground floor: pure Rust shared by the page and the command line. No DOM, no files.

pub mod date;
pub mod permalink;
