//! Names on the map: which names fit and where is `model::labels`; this layer draws them and
//! keeps them in step with the zoom.

use super::pan_zoom::PanZoom;
use super::places::PlaceMarker;
use super::scene::ShownState;
use crate::data::MapData;
use crate::model::labels::{fit, OnScreen, PlaceName, StateName};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn LabelLayer(
    /// The decoded data.
    data: Arc<MapData>,
    /// The states on the map, largest first.
    #[prop(into)]
    states: Signal<Vec<ShownState>>,
    /// Places with passages in the shown timeline.
    #[prop(into)]
    places: Signal<Vec<PlaceMarker>>,
    /// The map's gestures and size.
    pan_zoom: PanZoom,
) -> impl IntoView {
    let unit = data.decoded.topology.unit_m;
    let labels = Memo::new(move |_| {
        let c = pan_zoom.lens.drawn.get();
        let screen = pan_zoom.screen.get();
        let on_screen = OnScreen {
            view: c.visible(unit, screen),
            px: c.units_per_px(unit, screen),
            zoom: c.zoom,
            unit_m: unit,
            width_px: screen.0,
        };
        states.with(|s| {
            places.with(|p| {
                let states: Vec<StateName> = s
                    .iter()
                    .map(|s| StateName {
                        name: &s.name,
                        area_km2: s.area_km2,
                        parts: &s.parts,
                    })
                    .collect();
                let places: Vec<PlaceName> = p
                    .iter()
                    .map(|p| PlaceName {
                        name: &p.name,
                        at: p.at,
                    })
                    .collect();
                fit(&data.decoded.topology.regions, &states, &places, on_screen)
            })
        })
    });
    // Each name is keyed by what it names and where (its text and its point on the map), so
    // that a year step leaves the names that stay untouched; its x and font size, which follow
    // the zoom, are updated in place.
    let drawn = Memo::new(move |_| {
        let px = pan_zoom.units_per_px();
        labels.with(|labels| {
            labels
                .iter()
                .map(|l| {
                    let x = if l.place { l.at[0] + 5.0 * px } else { l.at[0] };
                    let key = (
                        l.name.clone(),
                        [l.at[0].to_bits(), l.at[1].to_bits()],
                        l.place,
                    );
                    (key, (x, l.size_px * px))
                })
                .collect::<Vec<_>>()
        })
    });
    let keys = move || drawn.with(|d| d.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>());
    view! {
        <g class="labels" aria-hidden="true">
            <For each=keys key=|k| k.clone() let:key>
                {
                    let (name, [_, y], place) = key.clone();
                    let (anchor, class) = if place {
                        ("start", "place-name")
                    } else {
                        ("middle", "state-name")
                    };
                    let now = move || {
                        drawn.with(|d| d.iter().find(|(k, _)| *k == key).map(|&(_, a)| a))
                    };
                    let now_too = now.clone();
                    view! {
                        <text
                            class=class
                            x=move || now().map(|(x, _)| x)
                            y=f64::from_bits(y)
                            dy="0.35em"
                            font-size=move || now_too().map(|(_, size)| size)
                            text-anchor=anchor
                        >
                            {name}
                        </text>
                    }
                }
            </For>
        </g>
    }
}
