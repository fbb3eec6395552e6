//! Names on the map: each sizeable state in its largest part on screen, then the places the
//! texts speak of where there is room. A name that would overlap one placed before it is left
//! out.

use super::pan_zoom::PanZoom;
use super::places::PlaceMarker;
use super::scene::ShownState;
use crate::data::MapData;
use crate::model::camera::{overlaps, Rect};
use leptos::prelude::*;
use std::sync::Arc;

/// States smaller than this get no name on the map.
const MIN_LABELLED_KM2: f64 = 15_000.0;

/// A name placed on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub name: String,
    /// Map units: the middle of a state's name, or the place's dot.
    pub at: [f64; 2],
    /// Font size in screen pixels.
    pub size_px: f64,
    pub place: bool,
}

/// A label's box in map units, `px` map units per pixel.
fn label_box(l: &Label, px: f64) -> Rect {
    let (w, h) = (
        l.name.chars().count() as f64 * l.size_px * px * 0.6,
        l.size_px * px * 1.2,
    );
    if l.place {
        // Right of the dot.
        let x = l.at[0] + 5.0 * px;
        [x, l.at[1] - h / 2.0, x + w, l.at[1] + h / 2.0]
    } else {
        [
            l.at[0] - w / 2.0,
            l.at[1] - h / 2.0,
            l.at[0] + w / 2.0,
            l.at[1] + h / 2.0,
        ]
    }
}

/// The state names and place names that fit, the states first, largest first.
fn fit(
    data: &MapData,
    states: &[ShownState],
    places: &[PlaceMarker],
    view: Rect,
    px: f64,
    zoom: f64,
    narrow: f64,
) -> Vec<Label> {
    let regions = &data.decoded.topology.regions;
    let on_screen = |p: [i64; 2]| {
        let (x, y) = (p[0] as f64, p[1] as f64);
        x > view[0] && x < view[2] && y > view[1] && y < view[3]
    };
    let grow = zoom.powf(0.2) * narrow;
    let state_labels = states
        .iter()
        .filter(|s| s.area_km2 > MIN_LABELLED_KM2)
        .filter_map(|s| {
            let i = s
                .parts
                .iter()
                .copied()
                .find(|&i| on_screen(regions[i].label))
                .or_else(|| s.parts.first().copied())?;
            // The size follows the part of the state on screen (the Netherlands' Indies do
            // not make its European label large): 9 to 22 pixels at zoom 1.
            let shown: f64 = s
                .parts
                .iter()
                .filter(|&&p| on_screen(regions[p].label))
                .map(|&p| regions[p].area_km2)
                .sum();
            let size =
                (shown.max(regions[i].area_km2).min(s.area_km2).sqrt() * 0.022).clamp(9.0, 22.0);
            let at = regions[i].label;
            Some(Label {
                name: s.name.clone(),
                at: [at[0] as f64, at[1] as f64],
                size_px: size * grow,
                place: false,
            })
        });
    let place_labels = places
        .iter()
        .filter(|p| {
            p.at[0] > view[0] && p.at[0] < view[2] && p.at[1] > view[1] && p.at[1] < view[3]
        })
        .map(|p| Label {
            name: p.name.clone(),
            at: p.at,
            size_px: 11.0 * narrow,
            place: true,
        });
    let mut placed: Vec<Rect> = Vec::new();
    state_labels
        .chain(place_labels)
        .filter(|l| {
            let b = label_box(l, px);
            let free = !placed.iter().any(|p| overlaps(b, *p));
            if free {
                placed.push(b);
            }
            free
        })
        .collect()
}

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
        // Smaller on a narrow screen, so that a phone shows more than three names.
        let narrow = (screen.0 / 1000.0).clamp(0.65, 1.0);
        let px = c.units_per_px(unit, screen);
        let view = c.visible(unit, screen);
        states.with(|s| places.with(|p| fit(&data, s, p, view, px, c.zoom, narrow)))
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
