//! State borders: one path per pair of neighbouring regions, shown while their holders
//! differ; a step toggles only the pairs its diff names.

use crate::data::MapData;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn BorderLayer(
    /// The decoded data and its paths.
    data: Arc<MapData>,
    /// Per border pair: whether it is drawn.
    shown: Arc<[RwSignal<bool>]>,
    /// Whether the coarse paths are drawn.
    #[prop(into)]
    coarse: Signal<bool>,
) -> impl IntoView {
    let regions = &data.decoded.topology.regions;
    let paths = shown
        .iter()
        .enumerate()
        .map(|(k, &on)| {
            let [a, b] = data.pairs[k];
            let d = {
                let data = data.clone();
                move || data.paths(coarse.get()).pairs[k].clone()
            };
            view! {
                <path
                    d=d
                    display=move || if on.get() { "inline" } else { "none" }
                    data-between=format!("{} {}", regions[a].id, regions[b].id)
                />
            }
        })
        .collect_view();
    view! { <g class="state-borders" aria-hidden="true">{paths}</g> }
}
