//! The moment on screen (timeline, year, selection, view) as signals, kept in step with the URL.
//!
//! A deliberate step (a year chosen with a key or a click, a timeline, a selection) pushes a
//! history entry so Back and Forward walk through them; a drag of the slider pushes one entry
//! when it starts and then only replaces it, and panning or zooming the map replaces it.

use crate::components::{
    Camera, Gesture, Legend, LegendEntry, MapView, RegionLook, StateLabel, TimelineChoice,
    TimelinePicker, YearSlider,
};
use crate::data::{load, MapData};
use crate::model::atlas::Status;
use crate::model::date::Date;
use crate::model::permalink::{Ignored, Moment, Parsed, Reason, View};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The timelines of the atlas, by id.
pub const TIMELINES: [&str; 4] = ["real", "red-triumph", "rosas-reich", "strasser"];

/// Where the map opens: central Europe.
const HOME_LON_LAT: (f64, f64) = (17.0, 51.0);

/// Whether a change of the moment adds a history entry or rewrites the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    Push,
    Replace,
}

/// Reads the moment from the address bar.
pub fn moment_from_location() -> Parsed {
    let search = window().location().search().unwrap_or_default();
    Moment::parse(&search, &TIMELINES)
}

/// Writes the moment into the address bar. The browser may refuse (for instance when
/// history calls come too fast); the page then keeps working with a stale URL, which the
/// next step corrects, so a refusal is only logged.
pub fn write_url(moment: &Moment, mode: HistoryMode) {
    let Ok(history) = window().history() else {
        return;
    };
    let path = window().location().pathname().unwrap_or_default();
    let url = format!("{path}{}", moment.to_query());
    let result = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
    if let Err(e) = result {
        leptos::logging::warn!("could not update the address bar: {e:?}");
    }
}

/// The whole page: loads the data, then shows the atlas (or what went wrong, with Retry).
#[component]
pub fn App() -> impl IntoView {
    let data = LocalResource::new(load);
    view! {
        <header class="top">
            <h1>"Uchronia"</h1>
            <p class="tagline">"An atlas of interwar Europe in real and alternate histories"</p>
        </header>
        {move || match data.get() {
            None => view! { <p class="loading" role="status">"Loading the map…"</p> }.into_any(),
            Some(Err(e)) => {
                view! {
                    <div class="load-error" role="alert">
                        <p>"The atlas could not load its data. " {e.to_string()}</p>
                        <button type="button" on:click=move |_| data.refetch()>"Retry"</button>
                    </div>
                }
                    .into_any()
            }
            Some(Ok(d)) => view! { <Viewer data=d /> }.into_any(),
        }}
    }
}

/// The camera a permalink's view stands for, or the home view.
fn camera_of(data: &MapData, view: Option<View>, home: Camera) -> Camera {
    view.and_then(|v| {
        let p = data.decoded.topology.to_map(v.lon, v.lat)?;
        Some(Camera {
            cx: p[0],
            cy: p[1],
            zoom: v.zoom,
        })
    })
    .unwrap_or(home)
}

fn view_of(data: &MapData, c: Camera) -> Option<View> {
    let (lon, lat) = data.decoded.topology.to_lon_lat([c.cx, c.cy])?;
    View::new(lon, lat, c.zoom)
}

/// Checks a parsed moment against the loaded data: a timeline or selection that the data
/// does not have is set aside with a reason.
fn against_data(data: &MapData, parsed: Parsed) -> Parsed {
    let Parsed {
        mut moment,
        mut ignored,
    } = parsed;
    if data.atlas.timeline(&moment.timeline).is_err() {
        ignored.push(Ignored {
            key: "t".into(),
            value: moment.timeline.clone(),
            reason: Reason::UnknownTimeline,
        });
        moment.timeline = data.atlas.timelines[0].id.clone();
    }
    if let Some(r) = &moment.selection {
        if data.decoded.region_index(r).is_none() {
            ignored.push(Ignored {
                key: "r".into(),
                value: r.clone(),
                reason: Reason::BadId,
            });
            moment.selection = None;
        }
    }
    Parsed { moment, ignored }
}

/// Who holds each region in the shown moment.
#[derive(Debug, Clone, PartialEq)]
struct Held {
    state: String,
    name: String,
    colour: String,
    status: Status,
    of: Option<String>,
    since: Date,
    note: Option<String>,
}

/// The atlas once its data is loaded.
#[component]
fn Viewer(data: Arc<MapData>) -> impl IntoView {
    let home = {
        let p = data
            .decoded
            .topology
            .to_map(HOME_LON_LAT.0, HOME_LON_LAT.1)
            .unwrap_or([0.0, 0.0]);
        Camera {
            cx: p[0],
            cy: p[1],
            zoom: 1.0,
        }
    };
    let Parsed {
        moment: first,
        ignored: first_ignored,
    } = against_data(&data, moment_from_location());
    let moment = RwSignal::new(first);
    let ignored = RwSignal::new(first_ignored);
    let camera = RwSignal::new(camera_of(&data, moment.get_untracked().view, home));
    // The address bar always holds the canonical form of what is shown.
    write_url(&moment.get_untracked(), HistoryMode::Replace);

    let on_pop = {
        let data = data.clone();
        window_event_listener(leptos::ev::popstate, move |_| {
            let Parsed {
                moment: m,
                ignored: i,
            } = against_data(&data, moment_from_location());
            camera.set(camera_of(&data, m.view, home));
            moment.set(m);
            ignored.set(i);
        })
    };
    on_cleanup(move || on_pop.remove());

    let step = move |change: &dyn Fn(&mut Moment), mode: HistoryMode| {
        let mut next = moment.get_untracked();
        change(&mut next);
        if next != moment.get_untracked() {
            write_url(&next, mode);
            moment.set(next);
        }
    };

    // True between the first value of a drag and its end.
    let dragging = StoredValue::new(false);
    let on_year = Callback::new(move |(year, gesture): (i32, Gesture)| {
        let changed = moment.get_untracked().year != year;
        let mode = match (gesture, dragging.get_value()) {
            (Gesture::Dragging, false) if changed => {
                dragging.set_value(true);
                HistoryMode::Push
            }
            (Gesture::Dragging, true) => HistoryMode::Replace,
            (Gesture::Settled, true) => {
                dragging.set_value(false);
                HistoryMode::Replace
            }
            (Gesture::Settled, false) => HistoryMode::Push,
            (Gesture::Dragging, false) => return,
        };
        step(&|m| m.year = year, mode);
    });
    let on_timeline =
        Callback::new(move |t: String| step(&|m| m.timeline = t.clone(), HistoryMode::Push));
    let ids: Vec<String> = data
        .decoded
        .topology
        .regions
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let on_select = {
        let ids = ids.clone();
        Callback::new(move |i: usize| {
            let id = ids.get(i).cloned();
            step(&|m| m.selection = id.clone(), HistoryMode::Push)
        })
    };
    let on_camera_settled = {
        let data = data.clone();
        Callback::new(move |()| {
            let v = view_of(&data, camera.get_untracked());
            step(&|m| m.view = v, HistoryMode::Replace)
        })
    };

    let held = {
        let data = data.clone();
        Memo::new(move |_| {
            let m = moment.get();
            let ids: Vec<&str> = data
                .decoded
                .topology
                .regions
                .iter()
                .map(|r| r.id.as_str())
                .collect();
            let date = Date::for_year(m.year);
            let holdings = data
                .atlas
                .ownership_at(&m.timeline, date, &ids)
                .unwrap_or_default();
            holdings
                .into_iter()
                .map(|h| {
                    h.map(|h| Held {
                        state: h.state.id.clone(),
                        name: h.state.name.clone(),
                        colour: h.state.colour.clone(),
                        status: h.record.status,
                        of: h.record.of.as_ref().and_then(|of| {
                            data.atlas
                                .state(&m.timeline, of)
                                .ok()
                                .flatten()
                                .map(|s| s.name.clone())
                        }),
                        since: h.record.from,
                        note: h.record.note.clone(),
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let looks = {
        let data = data.clone();
        Memo::new(move |_| {
            held.get()
                .iter()
                .zip(&data.decoded.topology.regions)
                .map(|(h, r)| match h {
                    Some(h) => {
                        let status = match (h.status, &h.of) {
                            (Status::Part, _) => String::new(),
                            (s, Some(of)) => format!(" ({} · {})", s.label(), of),
                            (s, None) => format!(" ({})", s.label()),
                        };
                        RegionLook {
                            fill: h.colour.clone(),
                            hatched: matches!(h.status, Status::Occupied | Status::Puppet),
                            name: format!("{}, {}{}", r.en, h.name, status),
                            tooltip: format!("{} — {}{}", r.en, h.name, status),
                        }
                    }
                    None => RegionLook {
                        fill: "#e8e4da".into(),
                        hatched: false,
                        name: format!("{}, no holder recorded", r.en),
                        tooltip: format!("{} — no holder recorded", r.en),
                    },
                })
                .collect::<Vec<_>>()
        })
    };
    let borders = {
        let data = data.clone();
        Memo::new(move |_| {
            let held = held.get();
            let key = |i: usize| {
                held.get(i)
                    .and_then(|h| h.as_ref().map(|h| h.state.as_str()))
            };
            let mut d = String::new();
            for (arc, a, b) in &data.borders {
                if key(*a) != key(*b) {
                    d.push_str(&data.arc_paths[*arc]);
                }
            }
            d
        })
    };
    // Each state's total area and its largest region.
    let states = {
        let data = data.clone();
        Memo::new(move |_| {
            let held = held.get();
            let mut by_state: HashMap<String, (String, String, f64, usize, f64)> = HashMap::new();
            for (i, h) in held.iter().enumerate() {
                let Some(h) = h else { continue };
                let area = data.decoded.topology.regions[i].area_km2;
                let e = by_state.entry(h.state.clone()).or_insert((
                    h.name.clone(),
                    h.colour.clone(),
                    0.0,
                    i,
                    0.0,
                ));
                e.2 += area;
                if area > e.4 {
                    e.3 = i;
                    e.4 = area;
                }
            }
            let mut list: Vec<(String, String, f64, usize)> = by_state
                .into_values()
                .map(|(n, c, a, i, _)| (n, c, a, i))
                .collect();
            list.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            list
        })
    };
    let labels = {
        let data = data.clone();
        Memo::new(move |_| {
            let unit_km = data.decoded.topology.unit_m / 1000.0;
            states
                .get()
                .into_iter()
                .filter(|(_, _, area, _)| *area > 15_000.0)
                .map(|(name, _, area, i)| {
                    let at = data.decoded.topology.regions[i].label;
                    StateLabel {
                        name,
                        at: [at[0] as f64, at[1] as f64],
                        // Roughly 9 to 22 pixels at zoom 1, growing with the state.
                        size: (area.sqrt() * 0.09).clamp(40.0, 95.0) / unit_km,
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let legend = Memo::new(move |_| {
        states
            .get()
            .into_iter()
            .map(|(name, colour, area_km2, _)| LegendEntry {
                name,
                colour,
                area_km2,
            })
            .collect::<Vec<_>>()
    });
    let selected = {
        let data = data.clone();
        Memo::new(move |_| {
            moment
                .get()
                .selection
                .and_then(|r| data.decoded.region_index(&r))
        })
    };
    let choices: Vec<TimelineChoice> = data
        .atlas
        .timelines
        .iter()
        .map(|t| TimelineChoice::of(t, source_name))
        .collect();
    let year = Signal::derive(move || moment.get().year);
    let timeline = Signal::derive(move || moment.get().timeline);
    let region_panel = {
        let data = data.clone();
        move || {
            let i = selected.get()?;
            let r = &data.decoded.topology.regions[i];
            let h = held.get().get(i).cloned().flatten();
            Some(view! {
                <section class="region-panel" aria-label="Selected region">
                    <h2>{r.en.clone()} <span class="local">{format!(" ({})", r.local)}</span></h2>
                    {h.map(|h| {
                        let status = match (h.status, h.of.clone()) {
                            (Status::Part, _) => "part of".to_string(),
                            (s, Some(of)) => format!("{} ({})", s.label(), of),
                            (s, None) => s.label().to_string(),
                        };
                        view! {
                            <p>
                                <strong>{h.name.clone()}</strong>
                                " · " {status} " · since " {h.since.long()}
                            </p>
                            {h.note.map(|n| view! { <p class="record-note">{n}</p> })}
                        }
                    })}
                    <button type="button" on:click=move |_| step(&|m| m.selection = None, HistoryMode::Push)>
                        "Close"
                    </button>
                </section>
            })
        }
    };
    let copy_link = move |_| {
        let href = window().location().href().unwrap_or_default();
        let _ = window().navigator().clipboard().write_text(&href);
    };
    view! {
        <Notice ignored=ignored />
        <main class="atlas">
            <section class="controls" aria-label="Moment">
                <TimelinePicker choices=choices value=timeline on_change=on_timeline />
                <YearSlider year=year on_change=on_year />
                <button type="button" class="copy-link" on:click=copy_link>"Copy link"</button>
            </section>
            <div class="stage">
                <MapView
                    data=data.clone()
                    looks=looks
                    borders=borders
                    labels=labels
                    selected=selected
                    camera=camera
                    home=home
                    on_select=on_select
                    on_camera_settled=on_camera_settled
                />
                <aside class="side">
                    {region_panel}
                    <Legend entries=legend />
                </aside>
            </div>
        </main>
    }
}

/// The name of a source text by its id.
pub fn source_name(id: &str) -> String {
    match id {
        "000" => "“Red Triumph. Germany”, BrushHikka (2019)".into(),
        "001" => "“Rosa's Reich – Red Germany”, ch. VI".into(),
        "002" => "“The Red Germany of Strasser”, ch. 55, Inktalez".into(),
        "003" => "“German-Soviet cooperation”, Karl Schlange".into(),
        "004" => "“Leon Trotzki” (encyclopedia article)".into(),
        other => other.to_string(),
    }
}

/// What a link asked for that could not be shown, in a status line the user can dismiss.
#[component]
pub fn Notice(
    /// The values of the link that were set aside.
    ignored: RwSignal<Vec<Ignored>>,
) -> impl IntoView {
    view! {
        <Show when=move || !ignored.get().is_empty()>
            <div class="notice" role="status" aria-label="Link notice">
                <p>"Parts of this link could not be used:"</p>
                <ul>
                    {move || {
                        ignored
                            .get()
                            .into_iter()
                            .map(|i| view! { <li>{i.to_string()}</li> })
                            .collect_view()
                    }}
                </ul>
                <button type="button" on:click=move |_| ignored.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}
