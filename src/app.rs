//! The moment on screen (timeline, year, selection, view) as signals, kept in step with the URL.
//!
//! A deliberate step (a year chosen with a key or a click, a timeline, a selection) pushes a
//! history entry so Back and Forward walk through them; a drag of the slider pushes one entry
//! when it starts and then only replaces it, and panning or zooming the map replaces it.

use crate::components::{
    Camera, Gesture, Legend, LegendEntry, MapView, PanelSubject, PassagePanel, PlaceMarker,
    RegionLook, ShownPassage, SourceReader, StateLabel, TimelineChoice, TimelinePicker, YearSlider,
};
use crate::data::{load, MapData};
use crate::model::atlas::Status;
use crate::model::date::Date;
use crate::model::passages::{Kind, Subject};
use crate::model::permalink::{Ignored, Moment, Parsed, Reason, View};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// Where the map opens: central Europe.
const HOME_LON_LAT: (f64, f64) = (17.0, 51.0);

/// Whether a change of the moment adds a history entry or rewrites the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    Push,
    Replace,
}

/// Reads the moment from the address bar; `timelines` are the ids the data has.
pub fn moment_from_location(timelines: &[&str]) -> Parsed {
    let search = window().location().search().unwrap_or_default();
    Moment::parse(&search, timelines)
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

/// Tells the user that the atlas has stopped, offers a reload, and keeps the panic's text in
/// the console. Works without the reactive system, which a panic may have left broken.
pub fn report_panic(message: &str) {
    web_sys::console::error_1(&format!("Uchronia stopped: {message}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("panic").is_some() {
        return;
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("panic");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "panic");
    let reload = document.create_element("a").ok();
    if let Some(a) = &reload {
        let href = document
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        let _ = a.set_attribute("href", &href);
        a.set_text_content(Some("Reload the page"));
    }
    if let Ok(p) = document.create_element("p") {
        p.set_text_content(Some(
            "Something went wrong and the atlas stopped. Your place is kept in the address bar. ",
        ));
        if let Some(a) = reload {
            let _ = p.append_child(&a);
        }
        let _ = panel.append_child(&p);
    }
    if let Ok(detail) = document.create_element("pre") {
        detail.set_text_content(Some(message));
        let _ = panel.append_child(&detail);
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&panel);
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

/// The ids of the timelines the data has.
fn timeline_ids(data: &MapData) -> Vec<&str> {
    data.atlas.timelines.iter().map(|t| t.id.as_str()).collect()
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
        if data.decoded.region_index(r).is_none() && !data.corpus.places.iter().any(|p| &p.id == r)
        {
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
    /// The record is inferred, or the text has stopped before this date.
    inferred: bool,
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
    } = against_data(&data, moment_from_location(&timeline_ids(&data)));
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
            } = against_data(&data, moment_from_location(&timeline_ids(&data)));
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
            // The trunk the timeline branches from (real history): a border the atlas infers
            // is marked only where it differs from the trunk's on that day.
            let root = data
                .atlas
                .lineage(&m.timeline)
                .ok()
                .and_then(|l| l.last().map(|t| t.id.clone()))
                .unwrap_or_default();
            let trunk = data
                .atlas
                .ownership_at(&root, date, &ids)
                .unwrap_or_default();
            let after_text = data.atlas.after_text_ends(&m.timeline, date);
            holdings
                .into_iter()
                .zip(trunk.into_iter().chain(std::iter::repeat(None)))
                .map(|(h, t)| {
                    let differs = match (&h, &t) {
                        (Some(h), Some(t)) => {
                            h.state.id != t.state.id || h.record.status != t.record.status
                        }
                        _ => h.is_some(),
                    };
                    h.map(|h| Held {
                        inferred: differs
                            && (after_text
                                || h.record.confidence
                                    == Some(crate::model::atlas::Confidence::Inferred)),
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
                            inferred: h.inferred,
                            name: format!("{}, {}{}", r.en, h.name, status),
                            tooltip: format!("{} — {}{}", r.en, h.name, status),
                        }
                    }
                    None => RegionLook {
                        fill: "#e8e4da".into(),
                        hatched: false,
                        inferred: false,
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
    // Each state of the shown moment: name, colour, total area, its regions largest first.
    let states = {
        let data = data.clone();
        Memo::new(move |_| {
            let held = held.get();
            let regions = &data.decoded.topology.regions;
            let mut by_state: HashMap<String, (String, String, f64, Vec<usize>)> = HashMap::new();
            for (i, h) in held.iter().enumerate() {
                let Some(h) = h else { continue };
                let e = by_state.entry(h.state.clone()).or_insert((
                    h.name.clone(),
                    h.colour.clone(),
                    0.0,
                    Vec::new(),
                ));
                e.2 += regions[i].area_km2;
                e.3.push(i);
            }
            let mut list: Vec<(String, String, f64, Vec<usize>)> = by_state.into_values().collect();
            for s in &mut list {
                s.3.sort_by(|a, b| regions[*b].area_km2.total_cmp(&regions[*a].area_km2));
            }
            list.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            list
        })
    };
    // A label for each sizeable state, in its largest part that is on screen, largest states
    // first (the map leaves out labels that would overlap an earlier one).
    let labels = {
        let data = data.clone();
        Memo::new(move |_| {
            let c = camera.get();
            let w = c.width(data.decoded.topology.unit_m);
            let on_screen = |p: [i64; 2]| {
                (p[0] as f64 - c.cx).abs() < w * 0.45 && (p[1] as f64 - c.cy).abs() < w * 0.3
            };
            states
                .get()
                .into_iter()
                .filter(|(_, _, area, _)| *area > 15_000.0)
                .filter_map(|(name, _, area, parts)| {
                    let regions = &data.decoded.topology.regions;
                    let i = parts
                        .iter()
                        .copied()
                        .find(|&i| on_screen(regions[i].label))
                        .or_else(|| parts.first().copied())?;
                    let at = regions[i].label;
                    let at = [at[0] as f64, at[1] as f64];
                    // The size follows the part of the state on screen (the Netherlands'
                    // Indies do not make its European label large): 9 to 22 pixels.
                    let shown: f64 = parts
                        .iter()
                        .filter(|&&p| on_screen(regions[p].label))
                        .map(|&p| regions[p].area_km2)
                        .sum();
                    let size =
                        (shown.max(regions[i].area_km2).min(area).sqrt() * 0.022).clamp(9.0, 22.0);
                    Some(StateLabel { name, at, size })
                })
                .collect::<Vec<_>>()
        })
    };
    // The legend lists the states with a part on screen, largest first.
    let legend = {
        let data = data.clone();
        Memo::new(move |_| {
            let c = camera.get();
            let w = c.width(data.decoded.topology.unit_m);
            // The view, a little generous: "meet" may show more than the view box.
            let view = [
                c.cx - w * 0.5,
                c.cy - w * 0.35,
                c.cx + w * 0.5,
                c.cy + w * 0.35,
            ];
            states
                .get()
                .into_iter()
                .filter(|(_, _, _, parts)| {
                    parts.iter().any(|&i| {
                        let b = data.bboxes[i];
                        b[0] < view[2] && view[0] < b[2] && b[1] < view[3] && view[1] < b[3]
                    })
                })
                .map(|(name, colour, area_km2, _)| LegendEntry {
                    name,
                    colour,
                    area_km2,
                })
                .collect::<Vec<_>>()
        })
    };
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
        .map(|t| {
            TimelineChoice::of(t, |id| match data.corpus.source(id) {
                Some(s) => format!("“{}”, {}", s.title, s.author),
                None => id.to_string(),
            })
        })
        .collect();
    let year = Signal::derive(move || moment.get().year);
    let timeline = Signal::derive(move || moment.get().timeline);
    let selected_place = Signal::derive({
        let data = data.clone();
        move || {
            moment
                .get()
                .selection
                .filter(|id| data.corpus.places.iter().any(|p| &p.id == id))
        }
    });
    // What the texts say about the selection, nearest in date first.
    let shown_passages = {
        let data = data.clone();
        Memo::new(move |_| {
            let m = moment.get();
            let Some(id) = m.selection.clone() else {
                return Vec::new();
            };
            let date = Date::for_year(m.year);
            let subject = if data.decoded.region_index(&id).is_some() {
                Subject::Region(&id)
            } else {
                Subject::Place(&id)
            };
            data.corpus
                .for_moment(&data.atlas, &m.timeline, date, subject)
                .unwrap_or_default()
                .into_iter()
                .map(|r| ShownPassage {
                    passage: r.passage.clone(),
                    source: data.corpus.source(&r.passage.source).cloned(),
                    evidence: r.evidence,
                })
                .collect::<Vec<_>>()
        })
    };
    let panel_subject = {
        let data = data.clone();
        Memo::new(move |_| {
            let m = moment.get();
            let id = m.selection?;
            if let Some(i) = data.decoded.region_index(&id) {
                let r = &data.decoded.topology.regions[i];
                let h = held.get().get(i).cloned().flatten();
                Some(PanelSubject {
                    name: r.en.clone(),
                    summary: Some(match &h {
                        Some(h) => {
                            let status = match (h.status, &h.of) {
                                (Status::Part, _) => "part of".to_string(),
                                (s, Some(of)) => format!("{} ({of})", s.label()),
                                (s, None) => s.label().to_string(),
                            };
                            format!(
                                "{} · {} · held by {} since {}",
                                r.local,
                                status,
                                h.name,
                                h.since.long()
                            )
                        }
                        None => format!("{} · no holder recorded", r.local),
                    }),
                    note: h.and_then(|h| h.note),
                })
            } else {
                let p = data.corpus.places.iter().find(|p| p.id == id)?;
                let region = data
                    .decoded
                    .region_index(&p.region)
                    .map(|i| data.decoded.topology.regions[i].en.clone())
                    .unwrap_or_default();
                Some(PanelSubject {
                    name: p.name.clone(),
                    summary: Some(format!("a place in {region}")),
                    note: None,
                })
            }
        })
    };
    let reading = RwSignal::new(None);
    let on_read = {
        let data = data.clone();
        Callback::new(move |id: String| {
            let Some(passage) = data.corpus.passage(&id) else {
                return;
            };
            let Some(source) = data.corpus.source(&passage.source).cloned() else {
                return;
            };
            let all = data
                .corpus
                .passages
                .iter()
                .filter(|p| p.source == source.id)
                .cloned()
                .collect();
            reading.set(Some((source, all, id)));
        })
    };
    let on_select_place = Callback::new(move |id: String| {
        step(&|m| m.selection = Some(id.clone()), HistoryMode::Push)
    });
    let on_close = Callback::new(move |()| step(&|m| m.selection = None, HistoryMode::Push));
    // Places the shown timeline's texts speak of.
    // What depends on the timeline alone is not recomputed when the year changes.
    let timeline_id = Memo::new(move |_| moment.get().timeline);
    let places = {
        let data = data.clone();
        Memo::new(move |_| {
            let t = timeline_sources(&data, &timeline_id.get());
            data.corpus
                .places
                .iter()
                .filter(|p| {
                    data.corpus.passages.iter().any(|x| {
                        t.contains(&x.source) && x.kind == Kind::Story && x.places.contains(&p.id)
                    })
                })
                .filter_map(|p| {
                    let at = data.decoded.topology.to_map(p.lon, p.lat)?;
                    Some(PlaceMarker {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        at,
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let ticks = {
        let data = data.clone();
        Memo::new(move |_| {
            let mut years: Vec<i32> = data
                .atlas
                .change_dates(&timeline_id.get())
                .unwrap_or_default()
                .into_iter()
                .map(|d| d.year)
                .collect();
            years.dedup();
            years
        })
    };
    let divergence = {
        let data = data.clone();
        Memo::new(move |_| {
            let t = data.atlas.timeline(&timeline_id.get()).ok()?;
            let d = t.diverges?;
            Some((d.year, format!("diverges {}", d.long())))
        })
    };
    // Where the text of the shown timeline has stopped.
    let after_text = {
        let data = data.clone();
        move || {
            let m = moment.get();
            let t = data.atlas.timeline(&m.timeline).ok()?;
            let end = t.text_ends?;
            (Date::for_year(m.year) > end).then(|| {
                let fill = t.fill_note.clone().unwrap_or_default();
                view! {
                    <p class="after-text" role="note">
                        <strong>{format!("The text stops on {}.", end.long())}</strong>
                        " " {fill}
                    </p>
                }
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
                <YearSlider year=year on_change=on_year ticks=ticks divergence=divergence />
                <button type="button" class="copy-link" on:click=copy_link>"Copy link"</button>
            </section>
            <div class="stage">
                <MapView
                    data=data.clone()
                    looks=looks
                    borders=borders
                    labels=labels
                    selected=selected
                    places=places
                    selected_place=selected_place
                    on_select_place=on_select_place
                    camera=camera
                    home=home
                    on_select=on_select
                    on_camera_settled=on_camera_settled
                />
                <aside class="side">
                    {after_text}
                    <PassagePanel subject=panel_subject passages=shown_passages on_read=on_read on_close=on_close />
                    <Legend entries=legend />
                </aside>
            </div>
        </main>
        <SourceReader reading=reading on_close=Callback::new(move |()| reading.set(None)) />
    }
}

/// The source ids of a timeline.
fn timeline_sources(data: &MapData, timeline: &str) -> Vec<String> {
    data.atlas
        .timeline(timeline)
        .map(|t| t.sources.clone())
        .unwrap_or_default()
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
