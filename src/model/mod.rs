//! The ground floor: pure Rust shared by the page and the command line. No DOM, no files.

pub mod atlas;
pub mod authoring;
pub mod camera;
pub mod compare;
pub mod date;
pub mod dissolve;
pub mod first_map;
pub mod labels;
pub mod map_state;
pub mod passages;
pub mod paths;
pub mod permalink;
pub mod projection;
pub mod rules;
pub mod search;
pub mod share;
pub mod topology;
