//! The regions: one path each, filled by its holder, reached by Tab, named for screen readers,
//! selected by click or Enter; with the hatching and dots over them.

use super::scene::RegionLook;
use crate::data::MapData;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where the pointer is over a region: its index and the client position.
pub type Hover = Option<(usize, f64, f64)>;

/// One path per region; each reads only its own look, so a step repaints only the regions
/// whose look changed. The pointer and keys are heard once, by the layer, for all regions (a
/// region is told by its `data-region`): the first map builds no listeners per region.
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
    // The region an event happened on, if it happened on one.
    let region_of = {
        let data = data.clone();
        move |ev: &web_sys::Event| {
            let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
            data.decoded.region_index(&el.get_attribute("data-region")?)
        }
    };
    // A step changes the moment, so the selection is checked on every step: one selector
    // checks it, and a region's class changes only when that region is selected or let go,
    // instead of every region checking it on every step.
    let is_selected = Selector::new(move || selected.get());
    let regions = looks
        .iter()
        .enumerate()
        .map(|(i, &look)| {
            let d = {
                let data = data.clone();
                move || data.paths(coarse.get()).regions[i].clone()
            };
            view! {
                <path
                    class="region"
                    class:selected={
                        let is_selected = is_selected.clone();
                        move || is_selected.selected(&Some(i))
                    }
                    d=d
                    fill=move || look.with(|l| l.fill.clone())
                    tabindex="0"
                    role="button"
                    aria-label=move || look.with(|l| l.name.clone())
                    data-region=data.decoded.topology.regions[i].id.clone()
                ></path>
            }
        })
        .collect_view();
    let hover = {
        let region_of = region_of.clone();
        move |ev: web_sys::PointerEvent| {
            hovered.set(
                region_of(&ev).map(|i| (i, f64::from(ev.client_x()), f64::from(ev.client_y()))),
            )
        }
    };
    let on_click = {
        let region_of = region_of.clone();
        move |ev: web_sys::MouseEvent| {
            if let Some(i) = region_of(&ev).filter(|_| !was_drag.get_untracked()) {
                on_select.run((i, ev.shift_key()))
            }
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            if let Some(i) = region_of(&ev) {
                ev.prevent_default();
                on_select.run((i, ev.shift_key()));
            }
        }
    };
    view! {
        <g
            class="regions"
            on:click=on_click
            on:keydown=on_key
            on:pointerover=hover.clone()
            on:pointermove=hover
            on:pointerleave=move |_| hovered.set(None)
            on:focusin=move |_| hovered.set(None)
        >
            {regions}
        </g>
    }
}

/// Whether a look asks for an overlay, the overlay's class and its fill.
type Overlay = (fn(&RegionLook) -> bool, &'static str, &'static str);

/// The overlays a look asks for, in the order they are drawn: hatching, then dots, then the
/// outline of a difference from the map compared with.
const OVERLAYS: [Overlay; 3] = [
    (|l| l.hatched, "hatch", "url(#hatch)"),
    (|l| l.dotted, "inferred", "url(#dots)"),
    (|l| l.differs.is_some(), "differs", "none"),
];

/// Hatching over regions held by occupation or through a puppet, dots over those the atlas
/// infers: an element only for each region and overlay its look asks for, keyed, so that a
/// year step adds and takes away only the overlays that come and go.
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
    // (overlay, region) pairs, overlay by overlay; equal lists do not notify.
    let wanted = Memo::new(move |_| {
        OVERLAYS
            .iter()
            .enumerate()
            .flat_map(|(k, (flag, _, _))| {
                looks
                    .iter()
                    .enumerate()
                    .filter(move |(_, look)| look.with(flag))
                    .map(move |(i, _)| (k, i))
            })
            .collect::<Vec<_>>()
    });
    view! {
        <g class="overlays" aria-hidden="true">
            <For each=move || wanted.get() key=|&pair| pair let:pair>
                {
                    let (k, i) = pair;
                    let (_, class, fill) = OVERLAYS[k];
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
                }
            </For>
        </g>
    }
}
