//! The map: layers of SVG (regions, hatching and dots, lines, borders, selection, places,
//! names) under a pan and zoom hook, with its buttons and tooltip.

pub mod borders;
pub mod controls;
pub mod labels;
pub mod pan_zoom;
pub mod places;
pub mod regions;
pub mod scene;
pub mod tooltip;

use crate::components::settled::settled;
use crate::data::MapData;
use crate::model::camera::Camera;
use borders::BorderLayer;
use controls::MapControls;
use labels::LabelLayer;
use leptos::prelude::*;
use pan_zoom::use_pan_zoom;
pub use pan_zoom::{BoxSelect, Lens};
use places::{PlaceLayer, PlaceMarker};
use regions::{OverlayLayer, RegionLayer};
use scene::{Scene, ShownState};
use std::sync::Arc;
use tooltip::Tooltip;

/// The map of one moment.
#[component]
pub fn MapView(
    /// The decoded data and its paths.
    data: Arc<MapData>,
    /// The look of each region and which borders show.
    scene: Scene,
    /// The states on the map, largest first (for their names).
    #[prop(into)]
    states: Signal<Vec<ShownState>>,
    /// The selected region, if any.
    #[prop(into)]
    selected: Signal<Option<usize>>,
    /// Places with passages in the shown timeline.
    #[prop(into)]
    places: Signal<Vec<PlaceMarker>>,
    /// The selected place, if any.
    #[prop(into)]
    selected_place: Signal<Option<String>>,
    /// Called when a place is chosen.
    on_select_place: Callback<String>,
    /// The camera; the map writes it while the user pans and zooms. Maps that move together
    /// share one [`Lens`].
    #[prop(into)]
    camera: Lens,
    /// The camera the reset button returns to.
    home: Camera,
    /// Called when a region is chosen (click, Enter), with whether Shift was held.
    on_select: Callback<(usize, bool)>,
    /// The regions picked for an edit of the reader's own timeline.
    #[prop(optional, into)]
    picked: Signal<Vec<usize>>,
    /// Places the passage read beside the map names, marked.
    #[prop(optional, into)]
    named: Signal<Vec<String>>,
    /// What a shift-drag does (draws a rectangle that picks regions), if anything.
    #[prop(optional)]
    box_select: Option<BoxSelect>,
    /// Called when the view settles after a pan or zoom (at most a few times a second).
    on_camera_settled: Callback<()>,
    /// Which map this is, for `data-map` ("main", or "compared").
    #[prop(optional)]
    which: Option<&'static str>,
    /// A caption over the map (the timeline and year when two maps are compared).
    #[prop(optional, into)]
    caption: MaybeProp<String>,
    /// Where the map writes its size on screen, for others that need it (the legend).
    #[prop(optional)]
    screen: Option<RwSignal<(f64, f64)>>,
) -> impl IntoView {
    let unit = data.decoded.topology.unit_m;
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let screen = screen.unwrap_or_else(|| RwSignal::new((1000.0, 620.0)));
    let pan_zoom = use_pan_zoom(
        svg,
        camera,
        unit,
        home,
        on_camera_settled,
        screen,
        box_select,
    );
    let view_box = move || {
        let b = camera.drawn.get().view_box(unit);
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            b[0],
            b[1],
            b[2] - b[0],
            b[3] - b[1]
        )
    };
    let hovered = RwSignal::new(None);
    // Seen from afar, the map draws paths with fewer points (read by every path: see
    // `settled`).
    let coarse = settled(move || MapData::coarse_at(pan_zoom.units_per_px()));
    let outline = {
        let data = data.clone();
        move || {
            selected
                .get()
                .and_then(|i| data.paths(coarse.get()).regions.get(i).cloned())
        }
    };
    // The regions picked for an edit, outlined together.
    let picked_outline = {
        let data = data.clone();
        move || {
            let paths = data.paths(coarse.get());
            picked.with(|p| {
                p.iter()
                    .filter_map(|&i| paths.regions.get(i).map(String::as_str))
                    .collect::<String>()
            })
        }
    };
    let lines = {
        let data = data.clone();
        move || data.paths(coarse.get()).region_lines.clone()
    };
    let coast = {
        let data = data.clone();
        move || data.paths(coarse.get()).coast.clone()
    };
    let tooltip_looks = scene.looks.clone();
    view! {
        <div class="map-wrap" data-map=which.unwrap_or("main") on:keydown=move |ev| pan_zoom.key(ev)>
            {move || caption.get().map(|c| view! { <p class="map-caption">{c}</p> })}
            <svg
                node_ref=svg
                class="map"
                viewBox=view_box
                // Each property set on its own (a whole `style` attribute would wipe the other).
                style=("--px", move || format!("{:.3}", pan_zoom.units_per_px()))
                style:transform=move || pan_zoom.transform()
                class:previewing=move || camera.previewing()
                class:lasso-on=move || pan_zoom.lasso_select.get()
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label="Map"
                on:pointerdown=move |ev| pan_zoom.pointer_down(ev)
                on:pointermove=move |ev| pan_zoom.pointer_move(ev)
                on:pointerup=move |ev| pan_zoom.pointer_up(ev)
                on:pointercancel=move |ev| pan_zoom.pointer_up(ev)
                on:wheel=move |ev| pan_zoom.wheel(ev)
            >
                <defs>
                    <pattern id="hatch" patternUnits="userSpaceOnUse" width="24" height="24" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="24" stroke="rgba(20,20,20,0.45)" stroke-width="7" />
                    </pattern>
                    <pattern id="dots" patternUnits="userSpaceOnUse" width="40" height="40">
                        <circle cx="10" cy="10" r="4.5" fill="rgba(255,255,255,0.75)" />
                        <circle cx="30" cy="30" r="4.5" fill="rgba(255,255,255,0.75)" />
                    </pattern>
                </defs>
                // The layers are drawn once the map's size on screen is known, so that they are
                // laid out once, at that size.
                {move || {
                    pan_zoom.measured.get().then(|| {
                        let data = data.clone();
                        let scene = scene.clone();
                        let (lines, coast) = (lines.clone(), coast.clone());
                        let (outline, picked_outline) = (outline.clone(), picked_outline.clone());
                        view! {
                            <RegionLayer
                                data=data.clone()
                                looks=scene.looks.clone()
                                coarse=coarse
                                selected=selected
                                hovered=hovered
                                was_drag=Signal::derive(move || pan_zoom.was_drag())
                                on_select=on_select
                            />
                            <OverlayLayer data=data.clone() looks=scene.looks.clone() coarse=coarse />
                            <path class="region-lines" d=lines />
                            <path class="coast" d=coast />
                            <BorderLayer data=data.clone() shown=scene.borders.clone() coarse=coarse />
                            <path class="picked-outline" d=picked_outline />
                            {move || {
                                pan_zoom.boxing.get().map(|[x0, y0, x1, y1]| {
                                    view! {
                                        <rect
                                            class="box-select"
                                            x=x0.min(x1)
                                            y=y0.min(y1)
                                            width=(x1 - x0).abs()
                                            height=(y1 - y0).abs()
                                        />
                                    }
                                })
                            }}
                            {move || {
                                pan_zoom.lassoing.with(|l| {
                                    l.as_ref().map(|l| {
                                        let points = l
                                            .iter()
                                            .map(|p| format!("{:.0},{:.0}", p[0], p[1]))
                                            .collect::<Vec<_>>()
                                            .join(" ");
                                        view! { <polygon class="box-select lasso" points=points /> }
                                    })
                                })
                            }}
                            <path class="selection" d=outline />
                            <PlaceLayer places=places selected=selected_place named=named on_select=on_select_place pan_zoom=pan_zoom />
                            <LabelLayer data=data.clone() states=states places=places pan_zoom=pan_zoom />
                        }
                    })
                }}
            </svg>
            <MapControls pan_zoom=pan_zoom />
            <Tooltip hovered=hovered looks=tooltip_looks />
        </div>
    }
}
