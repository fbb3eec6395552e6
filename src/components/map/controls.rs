//! The zoom buttons over the map.

use super::pan_zoom::PanZoom;
use leptos::prelude::*;

#[component]
pub fn MapControls(
    /// The map's gestures.
    pan_zoom: PanZoom,
) -> impl IntoView {
    view! {
        <div class="map-controls">
            <button type="button" aria-label="Zoom in" on:click=move |_| pan_zoom.step_zoom(1.5)>
                "+"
            </button>
            <button type="button" aria-label="Zoom out" on:click=move |_| pan_zoom.step_zoom(1.0 / 1.5)>
                "−"
            </button>
            <button type="button" aria-label="Reset view" on:click=move |_| pan_zoom.reset()>
                "⟲"
            </button>
        </div>
    }
}
