//! What the user sees.

pub mod compare;
pub mod embed;
pub mod export;
pub mod legend;
pub mod map;
pub mod names_picker;
pub mod notice;
pub mod own_timeline;
pub mod passage_panel;
pub mod read_along;
pub mod search;
pub mod settled;
pub mod side_panel;
pub mod timeline_picker;
pub mod year_slider;

pub use legend::{Legend, LegendEntry};
pub use map::MapView;
pub use passage_panel::{PanelSubject, PassagePanel, ShownPassage, SourceReader};
pub use timeline_picker::{TimelineChoice, TimelinePicker};
pub use year_slider::{Gesture, Mark, YearSlider};
