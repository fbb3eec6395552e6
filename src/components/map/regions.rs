//! The regions: one path each, filled by its holder, reached by Tab, named for screen readers,
//! selected by click or Enter; with the hatching and dots over them.

use super::scene::RegionLook;
use crate::data::MapData;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the pointer is over a region: its index and the client position.
pub type Hover = Option<(usize, f64, f64)>;

/// One path per region; each reads only its own look, so a step repaints only the regions
/// whose look changed.
#[component]
pub fn RegionLayer(
    /// The decoded data and its paths.
    data: Arc<MapData>,
    /// Each region's look.
    looks: Arc<[RwSignal<RegionLook>]>,
    /// Whether the coarse paths are drawn.
    #[prop(into)]
    coarse: Signal<bool>,
    /// The selected region, if any.
    #[prop(into)]
    selected: Signal<Option<usize>>,
    /// The region under the pointer, for the tooltip.
    hovered: RwSignal<Hover>,
    /// Whether the last press was a drag (its click selects nothing).
    #[prop(into)]
    was_drag: Signal<bool>,
    /// Called when a region is chosen (click, Enter), with whether Shift was held (to add it
    /// to those picked for an edit).
    on_select: Callback<(usize, bool)>,
) -> impl IntoView {
    let regions = looks
        .iter()
        .enumerate()
        .map(|(i, &look)| {
            let hover = move |ev: web_sys::PointerEvent| {
                hovered.set(Some((
                    i,
                    f64::from(ev.client_x()),
                    f64::from(ev.client_y()),
                )))
            };
            let d = {
                let data = data.clone();
                move || data.paths(coarse.get()).regions[i].clone()
            };
            view! {
                <path
                    class="region"
                    class:selected=move || selected.get() == Some(i)
                    d=d
                    fill=move || look.with(|l| l.fill.clone())
                    tabindex="0"
                    role="button"
                    aria-label=move || look.with(|l| l.name.clone())
                    data-region=data.decoded.topology.regions[i].id.clone()
                    on:click=move |ev: web_sys::MouseEvent| {
                        if !was_drag.get_untracked() {
                            on_select.run((i, ev.shift_key()))
                        }
                    }
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            on_select.run((i, ev.shift_key()));
                        }
                    }
                    on:pointerenter=hover
                    on:pointermove=hover
                    on:pointerleave=move |_| hovered.set(None)
                    on:focus=move |_| hovered.set(None)
                ></path>
            }
        })
        .collect_view();
    view! { <g class="regions">{regions}</g> }
}

/// Hatching over regions held by occupation or through a puppet, dots over those the atlas
/// infers: each region's overlay exists only while its look asks for it.
#[component]
pub fn OverlayLayer(
    /// The decoded data and its paths.
    data: Arc<MapData>,
    /// Each region's look.
    looks: Arc<[RwSignal<RegionLook>]>,
    /// Whether the coarse paths are drawn.
    #[prop(into)]
    coarse: Signal<bool>,
) -> impl IntoView {
    let overlay = |flag: fn(&RegionLook) -> bool, class: &'static str, fill: &'static str| {
        looks
            .iter()
            .enumerate()
            .map(|(i, &look)| {
                let data = data.clone();
                // Only a change of the flag itself adds or takes away the overlay: a new
                // fill under the same hatching leaves its element as it is.
                let on = Memo::new(move |_| look.with(flag));
                move || {
                    on.get().then(|| {
                        let d = {
                            let data = data.clone();
                            move || data.paths(coarse.get()).regions[i].clone()
                        };
                        view! {
                            <path
                                class=class
                                d=d
                                fill=fill
                                data-region=data.decoded.topology.regions[i].id.clone()
                            />
                        }
                    })
                }
            })
            .collect_view()
    };
    view! {
        <g class="overlays" aria-hidden="true">
            {overlay(|l| l.hatched, "hatch", "url(#hatch)")}
            {overlay(|l| l.dotted, "inferred", "url(#dots)")}
            {overlay(|l| l.differs.is_some(), "differs", "none")}
        </g>
    }
}
