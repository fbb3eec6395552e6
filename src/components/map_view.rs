//! The map: SVG regions filled by their holder, borders where holders differ, coasts, state
//! labels; pan and zoom by drag, wheel, pinch, buttons and keys; hover and selection.

use crate::data::MapData;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Width of the map at zoom 1, in metres: Europe from the Atlantic to the Urals.
pub const WIDTH_AT_ZOOM_1_M: f64 = 4_600_000.0;
/// Height over width of the view box.
const ASPECT: f64 = 0.62;

/// What is on screen: the centre in map units and the zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub cx: f64,
    pub cy: f64,
    pub zoom: f64,
}

impl Camera {
    /// The width of the view box in map units of `unit_m` metres.
    pub fn width(&self, unit_m: f64) -> f64 {
        WIDTH_AT_ZOOM_1_M / unit_m / self.zoom
    }
}

/// What the map shows for one region in the shown year.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionLook {
    pub fill: String,
    /// Held by occupation or through a puppet: drawn hatched.
    pub hatched: bool,
    /// The border record is the atlas's inference, or the text has stopped: drawn dotted.
    pub inferred: bool,
    /// The accessible name: the region's English name, then its holder.
    pub name: String,
    /// What the tooltip says.
    pub tooltip: String,
}

/// A place with passages, drawn as a dot.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMarker {
    pub id: String,
    pub name: String,
    /// Map units.
    pub at: [f64; 2],
}

/// A state's name placed inside its largest part.
#[derive(Debug, Clone, PartialEq)]
pub struct StateLabel {
    pub name: String,
    /// Map units.
    pub at: [f64; 2],
    /// Font size in screen pixels at zoom 1.
    pub size: f64,
}

/// The map of one moment.
#[component]
pub fn MapView(
    /// The decoded data and its paths.
    data: Arc<MapData>,
    /// The look of each region, by region index.
    #[prop(into)]
    looks: Signal<Vec<RegionLook>>,
    /// The path of the borders between regions whose holders differ.
    #[prop(into)]
    borders: Signal<String>,
    /// State labels.
    #[prop(into)]
    labels: Signal<Vec<StateLabel>>,
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
    /// The camera; the map writes it while the user pans and zooms.
    camera: RwSignal<Camera>,
    /// The camera the reset button returns to.
    home: Camera,
    /// Called when a region is chosen (click, Enter).
    on_select: Callback<usize>,
    /// Called when a pan or zoom gesture ends.
    on_camera_settled: Callback<()>,
) -> impl IntoView {
    let unit = data.decoded.topology.unit_m;
    let width_at = move |zoom: f64| WIDTH_AT_ZOOM_1_M / unit / zoom;
    let view_box = move || {
        let c = camera.get();
        let w = width_at(c.zoom);
        let h = w * ASPECT;
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            c.cx - w / 2.0,
            c.cy - h / 2.0,
            w,
            h
        )
    };
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // Map units per screen pixel ("meet": the larger of the two ratios).
    // The map's size on screen, kept up to date when the window changes.
    let screen = RwSignal::new((1000.0f64, 620.0f64));
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let r = svg.get_bounding_client_rect();
            if r.width() > 0.0 && r.height() > 0.0 {
                screen.set((r.width(), r.height()));
            }
        }
    };
    Effect::new(move |_| {
        if svg_ref.get().is_some() {
            measure();
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || on_resize.remove());
    // Map units per screen pixel ("meet": the larger of the two ratios).
    let units_per_px = move |zoom: f64, (pw, ph): (f64, f64)| -> f64 {
        let w = width_at(zoom);
        (w / pw.max(1.0)).max(w * ASPECT / ph.max(1.0))
    };
    let scale = move || units_per_px(camera.get_untracked().zoom, screen.get_untracked());
    let centre_px = move || -> (f64, f64) {
        svg_ref
            .get_untracked()
            .map(|svg| {
                let r = svg.get_bounding_client_rect();
                (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0)
            })
            .unwrap_or((0.0, 0.0))
    };
    let clamp_zoom = |z: f64| {
        z.clamp(
            crate::model::permalink::MIN_ZOOM,
            crate::model::permalink::MAX_ZOOM,
        )
    };
    // Zoom by a factor keeping the map point under (px, py) in place.
    let zoom_at = move |factor: f64, px: f64, py: f64| {
        let s = scale();
        let (ox, oy) = centre_px();
        camera.update(|c| {
            let z = clamp_zoom(c.zoom * factor);
            let s2 = s * c.zoom / z;
            let (mx, my) = (c.cx + (px - ox) * s, c.cy + (py - oy) * s);
            c.cx = mx - (px - ox) * s2;
            c.cy = my - (py - oy) * s2;
            c.zoom = z;
        });
    };

    // Pointers down on the map: id -> last position. One pans, two pinch.
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let moved = StoredValue::new(0.0f64);
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        // The pointer is captured only once it moves (below): capturing at once would send
        // the click of a plain tap to the map instead of to the region under it.
        pointers.update_value(|p| {
            p.retain(|(id, _, _)| *id != ev.pointer_id());
            p.push((
                ev.pointer_id(),
                f64::from(ev.client_x()),
                f64::from(ev.client_y()),
            ));
        });
        moved.set_value(0.0);
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let mut before = pointers.get_value();
        let Some(k) = before.iter().position(|(id, _, _)| *id == ev.pointer_id()) else {
            return;
        };
        let (_, lx, ly) = before[k];
        let step = (x - lx).abs() + (y - ly).abs();
        if moved.get_value() <= 3.0 && moved.get_value() + step > 3.0 {
            if let Some(target) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
        }
        if before.len() == 1 {
            let s = scale();
            moved.update_value(|m| *m += (x - lx).abs() + (y - ly).abs());
            camera.update(|c| {
                c.cx -= (x - lx) * s;
                c.cy -= (y - ly) * s;
            });
        } else if before.len() == 2 {
            let other = before[1 - k];
            let d0 = ((lx - other.1).powi(2) + (ly - other.2).powi(2)).sqrt();
            let d1 = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt();
            if d0 > 0.0 && d1 > 0.0 {
                moved.update_value(|m| *m += (d1 - d0).abs());
                zoom_at(d1 / d0, (x + other.1) / 2.0, (y + other.2) / 2.0);
            }
        }
        before[k] = (ev.pointer_id(), x, y);
        pointers.set_value(before);
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, _, _)| *id != ev.pointer_id()));
        if moved.get_value() > 3.0 && pointers.with_value(Vec::is_empty) {
            on_camera_settled.run(());
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let factor = (-ev.delta_y() * 0.0015).exp();
        zoom_at(factor, f64::from(ev.client_x()), f64::from(ev.client_y()));
        on_camera_settled.run(());
    };
    let step_zoom = move |factor: f64| {
        camera.update(|c| c.zoom = clamp_zoom(c.zoom * factor));
        on_camera_settled.run(());
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let w = width_at(camera.get_untracked().zoom);
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-0.1 * w, 0.0),
            "ArrowRight" => (0.1 * w, 0.0),
            "ArrowUp" => (0.0, -0.1 * w),
            "ArrowDown" => (0.0, 0.1 * w),
            "+" | "=" => return step_zoom(1.5),
            "-" | "_" => return step_zoom(1.0 / 1.5),
            "0" => {
                camera.set(home);
                return on_camera_settled.run(());
            }
            _ => return,
        };
        // Arrow keys on a focused region pan the map too, instead of scrolling the page.
        ev.prevent_default();
        camera.update(|c| {
            c.cx += dx;
            c.cy += dy;
        });
        on_camera_settled.run(());
    };

    // Labels that fit: each is dropped if it would overlap one placed before it.
    let shown_labels = Memo::new(move |_| {
        let zoom = camera.get().zoom;
        // Smaller on a narrow screen, so that a phone shows more than three names.
        let narrow = (screen.get().0 / 1000.0).clamp(0.65, 1.0);
        let px = units_per_px(zoom, screen.get()) * zoom.powf(0.2) * narrow;
        let mut placed: Vec<[f64; 4]> = Vec::new();
        labels
            .get()
            .into_iter()
            .filter(|l| {
                let (hw, hh) = (
                    l.name.chars().count() as f64 * l.size * px * 0.32,
                    l.size * px * 0.6,
                );
                let b = [l.at[0] - hw, l.at[1] - hh, l.at[0] + hw, l.at[1] + hh];
                let free = !placed
                    .iter()
                    .any(|p| b[0] < p[2] && p[0] < b[2] && b[1] < p[3] && p[1] < b[3]);
                if free {
                    placed.push(b);
                }
                free
            })
            .collect::<Vec<_>>()
    });
    let hovered = RwSignal::new(None::<(usize, f64, f64)>);
    let count = data.region_paths.len();
    let regions = (0..count)
        .map(|i| {
            let d = data.region_paths[i].clone();
            let look = move || looks.with(|l| l.get(i).cloned());
            let fill = move || look().map(|l| l.fill).unwrap_or_else(|| "#e8e4da".into());
            let name = move || look().map(|l| l.name).unwrap_or_default();
            let hatch = {
                let d = d.clone();
                move || {
                    look().is_some_and(|l| l.hatched).then(|| {
                        view! { <path class="hatch" d=d.clone() fill="url(#hatch)" /> }
                    })
                }
            };
            let inferred = {
                let d = d.clone();
                move || {
                    look()
                        .is_some_and(|l| l.inferred)
                        .then(|| view! { <path class="inferred" d=d.clone() fill="url(#dots)" /> })
                }
            };
            view! {
                <path
                    class="region"
                    class:selected=move || selected.get() == Some(i)
                    d=d
                    fill=fill
                    tabindex="0"
                    role="button"
                    aria-label=name
                    data-region=data.decoded.topology.regions[i].id.clone()
                    on:click=move |_| {
                        if moved.get_value() <= 3.0 {
                            on_select.run(i)
                        }
                    }
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            on_select.run(i);
                        }
                    }
                    on:pointerenter=move |ev: web_sys::PointerEvent| {
                        hovered.set(Some((i, f64::from(ev.client_x()), f64::from(ev.client_y()))))
                    }
                    on:pointermove=move |ev: web_sys::PointerEvent| {
                        hovered.set(Some((i, f64::from(ev.client_x()), f64::from(ev.client_y()))))
                    }
                    on:pointerleave=move |_| hovered.set(None)
                    on:focus=move |_| hovered.set(None)
                ></path>
                {hatch}
                {inferred}
            }
        })
        .collect_view();
    let region_lines: String = data
        .borders
        .iter()
        .map(|(a, _, _)| data.arc_paths[*a].as_str())
        .collect();
    let coast = data.coast_path.clone();
    let selected_outline = {
        let data = data.clone();
        move || {
            selected
                .get()
                .and_then(|i| data.region_paths.get(i).cloned())
        }
    };
    let tooltip = move || {
        hovered.get().and_then(|(i, x, y)| {
            let text = looks.with(|l| l.get(i).map(|l| l.tooltip.clone()))?;
            Some(view! {
                <div class="tooltip" role="tooltip" style=format!("left:{}px;top:{}px", x + 14.0, y + 14.0)>
                    {text}
                </div>
            })
        })
    };
    view! {
        <div class="map-wrap" on:keydown=on_key>
            <svg
                node_ref=svg_ref
                class="map"
                viewBox=view_box
                style=move || format!("--px: {:.3}", units_per_px(camera.get().zoom, screen.get()))
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label="Map"
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_up
                on:wheel=on_wheel
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
                <g class="regions">{regions}</g>
                <path class="region-lines" d=region_lines />
                <path class="coast" d=coast />
                <path class="state-borders" d=move || borders.get() />
                <path class="selection" d=selected_outline />
                <g class="places">
                    {move || {
                        let zoom = camera.get().zoom;
                        // About 5 pixels across at any zoom.
                        let r = width_at(zoom) / 1000.0 * 5.0 / 2.0;
                        places
                            .get()
                            .into_iter()
                            .map(|p| {
                                let id = p.id.clone();
                                let id_key = p.id.clone();
                                let chosen = move || selected_place.get().as_deref() == Some(id.as_str());
                                let label = format!("{} (place)", p.name);
                                let title = p.name.clone();
                                view! {
                                    <circle
                                        class="place"
                                        class:selected=chosen
                                        cx=p.at[0]
                                        cy=p.at[1]
                                        r=r
                                        tabindex="0"
                                        role="button"
                                        aria-label=label
                                        data-place=p.id.clone()
                                        on:click={
                                            let id = id_key.clone();
                                            move |ev: web_sys::MouseEvent| {
                                                ev.stop_propagation();
                                                if moved.get_value() <= 3.0 {
                                                    on_select_place.run(id.clone())
                                                }
                                            }
                                        }
                                        on:keydown={
                                            let id = id_key.clone();
                                            move |ev: web_sys::KeyboardEvent| {
                                                if ev.key() == "Enter" || ev.key() == " " {
                                                    ev.prevent_default();
                                                    on_select_place.run(id.clone());
                                                }
                                            }
                                        }
                                    >
                                        <title>{title}</title>
                                    </circle>
                                }
                            })
                            .collect_view()
                    }}
                </g>
                <g class="labels" aria-hidden="true">
                    {move || {
                        shown_labels
                            .get()
                            .into_iter()
                            .map(|l| {
                                // Sized in screen pixels (growing a little as the map zooms in,
                                // far less than the map), whatever the width of the screen.
                                let size = move || {
                                    let zoom = camera.get().zoom;
                                    let narrow = (screen.get().0 / 1000.0).clamp(0.65, 1.0);
                                    l.size * zoom.powf(0.2) * narrow * units_per_px(zoom, screen.get())
                                };
                                view! {
                                    <text x=l.at[0] y=l.at[1] font-size=size text-anchor="middle">
                                        {l.name}
                                    </text>
                                }
                            })
                            .collect_view()
                    }}
                </g>
            </svg>
            <div class="map-controls">
                <button type="button" aria-label="Zoom in" on:click=move |_| step_zoom(1.5)>"+"</button>
                <button type="button" aria-label="Zoom out" on:click=move |_| step_zoom(1.0 / 1.5)>"−"</button>
                <button
                    type="button"
                    aria-label="Reset view"
                    on:click=move |_| {
                        camera.set(home);
                        on_camera_settled.run(());
                    }
                >
                    "⟲"
                </button>
            </div>
            {tooltip}
        </div>
    }
}
