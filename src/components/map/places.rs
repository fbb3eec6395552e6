//! Places the texts speak of, drawn as dots that Tab reaches and Enter selects.

use super::pan_zoom::PanZoom;
use crate::components::settled::settled;
use crate::data::MapData;
use crate::model::passages::{Corpus, Kind};
use leptos::prelude::*;

/// A place with passages, drawn as a dot.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMarker {
    pub id: String,
    pub name: String,
    /// Map units.
    pub at: [f64; 2],
}

/// The places the stories of a timeline's texts name (none until the texts are loaded).
pub fn places_of(
    data: &MapData,
    corpus: Option<&Corpus>,
    timeline: &str,
    names: crate::model::permalink::Names,
) -> Vec<PlaceMarker> {
    let Some(c) = corpus else {
        return Vec::new();
    };
    let sources: Vec<String> = data
        .atlas()
        .sources(timeline)
        .map(<[String]>::to_vec)
        .unwrap_or_default();
    c.places
        .iter()
        .filter(|p| {
            c.passages.iter().any(|x| {
                sources.contains(&x.source) && x.kind == Kind::Story && x.places.contains(&p.id)
            })
        })
        .filter_map(|p| {
            Some(PlaceMarker {
                id: p.id.clone(),
                name: p.name_in(names).to_string(),
                at: data.decoded.topology.to_map(p.lon, p.lat)?,
            })
        })
        .collect()
}

#[component]
pub fn PlaceLayer(
    /// Places with passages in the shown timeline.
    #[prop(into)]
    places: Signal<Vec<PlaceMarker>>,
    /// The selected place, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Places marked as named by the passage being read.
    #[prop(into)]
    named: Signal<Vec<String>>,
    /// Called when a place is chosen.
    on_select: Callback<String>,
    /// The map's gestures (for the dots' size and to tell a drag from a click).
    pan_zoom: PanZoom,
) -> impl IntoView {
    // About 5 pixels across at any zoom (a pan leaves the scale, and every dot, alone).
    let px = settled(move || pan_zoom.units_per_px());
    let r = move || px.get() * 2.5;
    // The selection and the passage read are parts of the moment, checked on every step: one
    // selector and one effect check them, so that a step wakes no place whose classes stay
    // (a selection wakes only the places selected and let go).
    let is_selected = Selector::new(move || selected.get());
    let named_now = settled(move || named.get());

    view! {
        <g class="places">
            <For each=move || places.get() key=|p| p.id.clone() let:p>
                {
                    let id = p.id.clone();
                    let key = Some(id.clone());
                    // A place that leaves the map leaves the selector too.
                    on_cleanup({
                        let (key, is_selected) = (key.clone(), is_selected.clone());
                        move || is_selected.remove(&key)
                    });
                    let chosen = {
                        let is_selected = is_selected.clone();
                        move || is_selected.selected(&key)
                    };
                    let choose = move || on_select.run(id.clone());
                    let on_key = {
                        let choose = choose.clone();
                        move |ev: web_sys::KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                choose();
                            }
                        }
                    };
                    view! {
                        <circle
                            class="place"
                            class:selected=chosen
                            class:named={
                                let id = p.id.clone();
                                move || named_now.with(|n| n.contains(&id))
                            }
                            cx=p.at[0]
                            cy=p.at[1]
                            r=r
                            tabindex="0"
                            role="button"
                            aria-label=format!("{} (place)", p.name)
                            data-place=p.id.clone()
                            on:click=move |ev: web_sys::MouseEvent| {
                                ev.stop_propagation();
                                if !pan_zoom.was_drag() {
                                    choose()
                                }
                            }
                            on:keydown=on_key
                        >
                            <title>{p.name.clone()}</title>
                        </circle>
                    }
                }
            </For>
        </g>
    }
}
