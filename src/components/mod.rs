//! What the user sees.

pub mod legend;
pub mod map_view;
pub mod passage_panel;
pub mod timeline_picker;
pub mod year_slider;

pub use legend::{Legend, LegendEntry};
pub use map_view::{Camera, MapView, PlaceMarker, RegionLook, StateLabel};
pub use passage_panel::{PanelSubject, PassagePanel, ShownPassage, SourceReader};
pub use timeline_picker::{TimelineChoice, TimelinePicker};
pub use year_slider::{Gesture, YearSlider};
