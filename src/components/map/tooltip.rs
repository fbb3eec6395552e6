//! The tooltip of the region under the pointer: its name, holder and status.

use super::regions::Hover;
use super::scene::RegionLook;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Tooltip(
    /// The region under the pointer and where the pointer is.
    #[prop(into)]
    hovered: Signal<Hover>,
    /// Each region's look.
    looks: Arc<[RwSignal<RegionLook>]>,
) -> impl IntoView {
    move || {
        let (i, x, y) = hovered.get()?;
        let text = looks.get(i)?.with(|l| l.tooltip.clone());
        Some(view! {
            <div class="tooltip" role="tooltip" style=format!("left:{}px;top:{}px", x + 14.0, y + 14.0)>
                {text}
            </div>
        })
    }
}
