//! The moment on screen (timeline, year, selection, view) as signals, kept in step with the URL,
//! and the page that wires the map, the controls and the side panel to it.
//!
//! A deliberate step (a year chosen with a key or a click, a timeline, a selection) pushes a
//! history entry so Back and Forward walk through them; a drag of the slider pushes one entry
//! when it starts and then only replaces it, and panning or zooming the map replaces it.

use crate::components::compare::{diff_rows, slider_marks, Choice, ComparePicker, WhatDiffers};
use crate::components::embed::EmbedButton;
use crate::components::export::ExportButtons;
use crate::components::map::places::places_of;
use crate::components::map::scene::{shown_states, Maps, Other, Scene, ShownState};
use crate::components::names_picker::NamesPicker;
pub use crate::components::notice::report_panic;
use crate::components::notice::{remove_first_map, Notice};
use crate::components::own_timeline::{Editor, MakeYourOwn, Own};
use crate::components::read_along::ReadAlong;
use crate::components::search::Search;
use crate::components::side_panel::{legend_entries, CorpusState, SidePanel};
use crate::components::timeline_picker::choices_of;
use crate::components::{Gesture, MapView, TimelinePicker, YearSlider};
use crate::data::{load, load_corpus, MapData};
use crate::model::camera::Camera;
use crate::model::date::Date;
use crate::model::map_state::TimelineMaps;
use crate::model::permalink::{Moment, Names, Parsed};
use crate::model::search::Target;
use leptos::prelude::*;
use std::sync::Arc;

mod authoring;
mod reading;
mod url;

use authoring::{file_handlers, open_shared, picking, watch_other_tabs, Picking};
use reading::{reading, Reading};
use url::{against_corpus, against_data, camera_of, timeline_ids, view_of};
pub use url::{link_to, moment_from_location, write_url, HistoryMode, Steps};

/// The performance mark set once the atlas's map is painted (`public/boot.js` sets
/// `uchronia-first-map` when it has painted the first map before the atlas).
pub const ATLAS_MAP_MARK: &str = "uchronia-atlas-map";

/// The whole page: loads the map, then shows the atlas (or what went wrong, with Retry).
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
                remove_first_map();
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

/// The maps of a timeline; a timeline the data cannot resolve (checked at load) shows no holder.
fn maps_of(data: &MapData, timeline: &str) -> Maps {
    let ids = data.region_ids();
    Maps(Arc::new(
        TimelineMaps::new(&data.atlas(), timeline, &ids)
            .unwrap_or_else(|_| TimelineMaps::empty(timeline, &ids)),
    ))
}

/// The atlas once its map is loaded. The texts' passages load once the map is there: the
/// first map does not wait for them.
#[component]
fn Viewer(data: Arc<MapData>) -> impl IntoView {
    let corpus = LocalResource::new(|| async {
        crate::data::after_next_paint().await;
        // The atlas's map is on screen: it takes the first map's place, a mark for the
        // benchmark, then the texts.
        remove_first_map();
        if let Some(p) = window().performance() {
            let _ = p.mark(ATLAS_MAP_MARK);
        }
        load_corpus().await
    });
    let home = Camera::home(&data.decoded.topology);
    // The reader's own timelines, kept in the browser, and the one a shared link carries.
    let own = Own::load(&data);
    let from_link = open_shared(&data, own);
    watch_other_tabs(own);
    let Parsed {
        moment: mut first,
        ignored: first_ignored,
    } = against_data(&data, moment_from_location(&timeline_ids(&data)));
    // A shared link shows the timeline it carries (under its new id if it was renamed).
    if let Some((asked, id)) = &from_link {
        let query_named = window()
            .location()
            .search()
            .unwrap_or_default()
            .contains("t=");
        let named_it = |t: &str| t == asked || format!("own-{asked}") == t;
        if !query_named || named_it(&first.timeline) {
            first.timeline = id.clone();
        }
        if first.compare.as_deref().is_some_and(named_it) {
            first.compare = Some(id.clone());
        }
    }
    let moment = RwSignal::new(first);
    let ignored = RwSignal::new(first_ignored);
    let camera = RwSignal::new(camera_of(&data, moment.get_untracked().view, home));
    // The address bar always holds the canonical form of what is shown.
    write_url(&moment.get_untracked(), HistoryMode::Replace);

    // The moment read by its parts, so that what depends on one part alone reruns only when
    // that part changes (a pan reruns nothing that depends on the year).
    let year = Memo::new(move |_| moment.with(|m| m.year));
    let timeline = Memo::new(move |_| moment.with(|m| m.timeline.clone()));
    let selection = Memo::new(move |_| moment.with(|m| m.selection.clone()));
    let loaded = Memo::new(move |_| corpus.get().and_then(|r| r.ok()));

    let on_pop = {
        let data = data.clone();
        window_event_listener(leptos::ev::popstate, move |_| {
            url::forget_pending_url();
            let Parsed {
                moment: m,
                ignored: mut i,
            } = against_data(&data, moment_from_location(&timeline_ids(&data)));
            if let Some(c) = loaded.get_untracked() {
                i.extend(against_corpus(&data, &c, &m));
            }
            camera.set(camera_of(&data, m.view, home));
            moment.set(m);
            ignored.set(i);
        })
    };
    on_cleanup(move || on_pop.remove());

    let steps = Steps { moment };
    let step = move |change: &dyn Fn(&mut Moment), mode: HistoryMode| steps.step(change, mode);
    // Once the corpus is in, a selection that is no region must be one of its places.
    Effect::new({
        let data = data.clone();
        move |_| {
            let Some(c) = loaded.get() else { return };
            let set_aside = against_corpus(&data, &c, &moment.get_untracked());
            if !set_aside.is_empty() {
                let keys: Vec<String> = set_aside.iter().map(|i| i.key.clone()).collect();
                ignored.update(|list| list.extend(set_aside));
                step(
                    &|m| {
                        if keys.iter().any(|k| k == "r") {
                            m.selection = None;
                        }
                        if keys.iter().any(|k| k == "read") {
                            m.reading = None;
                        }
                    },
                    HistoryMode::Replace,
                );
            }
        }
    });

    // True between the first value of a drag and its end.
    let dragging = StoredValue::new(false);
    let on_year = Callback::new(move |(y, gesture): (i32, Gesture)| {
        let changed = year.get_untracked() != y;
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
        match gesture {
            // The address bar follows a drag four times a second; its end is written after its frame.
            Gesture::Dragging => steps.step_soon(&|m| m.year = y, mode),
            Gesture::Settled => step(&|m| m.year = y, mode),
        }
    });
    let on_timeline =
        Callback::new(move |t: String| step(&|m| m.timeline = t.clone(), HistoryMode::Push));
    // Regions picked for an edit of the reader's own timeline.
    let Picking {
        picked,
        pick_several,
        editing,
        on_select,
        box_select,
        picked_indices,
    } = picking(data.clone(), own, timeline, selection, steps);
    let on_select_id = Callback::new(move |id: Option<String>| {
        step(&|m| m.selection = id.clone(), HistoryMode::Push)
    });
    let on_camera_settled = {
        let data = data.clone();
        Callback::new(move |()| {
            let v = view_of(&data, camera.get_untracked());
            step(&|m| m.view = v, HistoryMode::Replace)
        })
    };

    // The map: each timeline's year maps computed once, a step is a lookup and a diff.
    // Each timeline's maps are computed once and kept (the compared map reuses them).
    let computed = StoredValue::new(std::collections::HashMap::<String, Maps>::new());
    // A reader's own timeline is recomputed after each edit (its key names the revision).
    let maps_for = {
        let data = data.clone();
        move |id: &str| {
            let key = if !data.is_own(id) {
                id.to_string()
            } else {
                format!("{id}@{}", own.revision.get())
            };
            if let Some(m) = computed.with_value(|c| c.get(&key).cloned()) {
                return m;
            }
            let m = maps_of(&data, id);
            computed.update_value(|c| {
                c.retain(|k, _| !k.starts_with(&format!("{id}@")));
                c.insert(key, m.clone());
            });
            m
        }
    };
    let maps = Memo::new({
        let maps_for = maps_for.clone();
        move |_| maps_for(&timeline.get())
    });
    // A second map beside the first: another timeline, or the same one in another year.
    let compare = Memo::new(move |_| moment.with(|m| m.compare.clone()));
    let compare_year_set = Memo::new(move |_| moment.with(|m| m.compare_year));
    let compare_year = Memo::new(move |_| compare_year_set.get().unwrap_or(year.get()));
    let compare_maps = Memo::new(move |_| compare.get().map(|c| maps_for(&c)));
    let timeline_names = Memo::new({
        let data = data.clone();
        move |_| {
            own.revision.track();
            data.atlas()
                .timelines
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect::<Vec<_>>()
        }
    });
    // A timeline's name (its id if it has none).
    let timeline_name = move |id: &str| {
        timeline_names.with(|list| {
            list.iter()
                .find(|(i, _)| i == id)
                .map_or(id.to_string(), |(_, name)| name.clone())
        })
    };
    let name_of = move |id: &str, y: i32| format!("{}, {y}", timeline_name(id));
    let names = Memo::new({
        move |_| {
            (
                name_of(&timeline.get(), year.get()),
                compare
                    .get()
                    .map(|c| name_of(&c, compare_year.get()))
                    .unwrap_or_default(),
            )
        }
    });
    let other_of_main = Signal::derive(move || {
        Some(Other {
            maps: compare_maps.get()?,
            year: compare_year.get(),
            label: names.with(|n| n.1.clone()),
        })
    });
    let names_in = Memo::new(move |_| moment.with(|m| m.names));
    let scene = Scene::follow(data.clone(), maps, year, other_of_main, names_in.into());
    let diff_rows = Memo::new({
        let data = data.clone();
        move |_| {
            compare_maps
                .with(|other| {
                    let other = other.as_ref()?;
                    Some(maps.with(|m| {
                        let years = (year.get(), compare_year.get());
                        diff_rows(&data, (&m.0, years.0), (&other.0, years.1), names_in.get())
                    }))
                })
                .unwrap_or_default()
        }
    });
    let on_compare = Callback::new(move |(c, cy): Choice| {
        step(
            &|m| {
                m.compare = c.clone();
                m.compare_year = if c.is_some() { cy } else { None };
            },
            HistoryMode::Push,
        )
    });
    // Equal lists do not notify: the names on the map and the legend recompute only when
    // the states or their lands change.
    let states = Memo::new({
        let data = data.clone();
        move |_| maps.with(|m| shown_states(&data, &m.0, m.0.year(year.get()), names_in.get()))
    });
    let selected = Memo::new({
        let data = data.clone();
        move |_| selection.with(|s| s.as_deref().and_then(|r| data.decoded.region_index(r)))
    });
    let selected_place = Memo::new({
        let data = data.clone();
        move |_| {
            selection
                .get()
                .filter(|id| data.decoded.region_index(id).is_none())
        }
    });
    // Places the shown timeline's texts speak of.
    let places = Memo::new({
        let data = data.clone();
        move |_| loaded.with(|c| places_of(&data, c.as_deref(), &timeline.get(), names_in.get()))
    });
    let choices = Memo::new({
        let data = data.clone();
        move |_| {
            own.revision.track();
            loaded.with(|c| choices_of(&data.atlas(), c.as_deref()))
        }
    });
    let ticks = Memo::new(move |_| maps.with(|m| m.0.change_years()));
    let divergence = Memo::new({
        let data = data.clone();
        move |_| {
            own.revision.track();
            let shown = timeline.get();
            slider_marks(
                &data.atlas(),
                &shown,
                compare.get().filter(|c| *c != shown).as_deref(),
            )
        }
    });
    // A search result or a link in a passage: its moment, and the map centred on what it
    // selects.
    let on_pick = {
        let data = data.clone();
        Callback::new(move |t: Target| {
            let at = t
                .selection
                .as_deref()
                .and_then(|id| match data.decoded.region_index(id) {
                    Some(i) => {
                        let p = data.decoded.topology.regions[i].label;
                        Some([p[0] as f64, p[1] as f64])
                    }
                    None => loaded.with_untracked(|c| {
                        let p = c.as_ref()?.place(id)?;
                        data.decoded.topology.to_map(p.lon, p.lat)
                    }),
                });
            if let Some([x, y]) = at {
                camera.update(|c| *c = Camera::new(x, y, c.zoom.max(2.5)));
            }
            let view = view_of(&data, camera.get_untracked());
            step(
                &|m| {
                    if let Some(id) = &t.timeline {
                        m.timeline = id.clone();
                    }
                    if let Some(y) = t.year {
                        m.year = y;
                    }
                    if t.selection.is_some() {
                        m.selection = t.selection.clone();
                    }
                    m.view = view;
                },
                HistoryMode::Push,
            )
        })
    };
    // A link to a moment that shows a reader's own timeline carries that timeline.
    let copy_link = {
        let data = data.clone();
        move |_| {
            let m = moment.get_untracked();
            let (href, problem) = own.link_to(&data, &m, &link_to(&m));
            own.problems.set(problem.into_iter().collect());
            let _ = window().navigator().clipboard().write_text(&href);
        }
    };
    // Where the handle over the two maps stands on a phone, in percent of the width.
    let swipe = RwSignal::new(50u8);
    // The map's size on screen (the legend lists what it shows).
    let screen = RwSignal::new((1000.0f64, 620.0f64));
    // Read with the map: a text beside the map, which follows the passage in view.
    let Reading {
        reading,
        named,
        on_read_along,
        on_read_at,
    } = reading(data.clone(), steps, loaded, camera, screen);
    // A map of the moment (the main one, or the compared one beside it).
    let map_of = {
        let data = data.clone();
        move |scene: Scene,
              states: Memo<Vec<ShownState>>,
              which: &'static str,
              caption: Signal<Option<String>>| {
            view! {
                <MapView
                    data=data.clone()
                    scene=scene
                    states=states
                    selected=selected
                    places=places
                    selected_place=selected_place
                    on_select_place=Callback::new(move |id: String| on_select_id.run(Some(id)))
                    camera=camera
                    home=home
                    on_select=on_select
                    picked=picked_indices
                    named=named
                    box_select=box_select
                    on_camera_settled=on_camera_settled
                    which=which
                    caption=caption
                    screen=screen
                />
            }
        }
    };
    // What a downloaded picture prints beside the map.
    let picture_title = Signal::derive(move || {
        format!(
            "{} — {}",
            timeline_name(&timeline.get()),
            Date::for_year(year.get()).long()
        )
    });
    let picture_legend = Signal::derive({
        let data = data.clone();
        move || states.with(|s| legend_entries(&data, s, camera.get(), screen.get()))
    });
    // Making, opening and dropping the reader's own timelines.
    let (on_create, on_open) = file_handlers(data.clone(), own, loaded, picked, steps);
    let shown_name = Signal::derive(move || {
        let id = timeline.get();
        let name = timeline_name(&id);
        (id, name)
    });
    let editor_data = StoredValue::new(data.clone());
    // The compact view for another page (`embed=1`) keeps the map, the slider and the legend;
    // a link opens the moment in the whole atlas.
    let embed = moment.with_untracked(|m| m.embed);
    let link_with = {
        let data = data.clone();
        move |embed: bool| {
            own.revision.track();
            let mut m = moment.get();
            m.embed = embed;
            own.link_to(&data, &m, &link_to(&m)).0
        }
    };
    let whole_atlas = Signal::derive({
        let link_with = link_with.clone();
        move || link_with(false)
    });
    let embed_src = Signal::derive(move || link_with(true));
    let embed_title = Signal::derive(move || format!("Uchronia: {}", names.with(|n| n.0.clone())));
    let corpus_state = CorpusState {
        loaded,
        failed: Signal::derive(move || corpus.get().and_then(|r| r.err()).map(|e| e.to_string())),
        retry: Callback::new(move |()| corpus.refetch()),
    };
    view! {
        <Notice ignored=ignored />
        <Show when=move || !own.problems.with(Vec::is_empty)>
            <div class="notice" role="alert" aria-label="Timeline notice">
                <ul>
                    {move || own.problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
                <button type="button" on:click=move |_| own.problems.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
        <main class="atlas" class:embed=embed>
            <Show when=move || embed>
                <a class="whole-atlas" href=move || whole_atlas.get() target="_blank" rel="noopener">
                    "Open in Uchronia ↗"
                </a>
            </Show>
            <section class="controls" aria-label="Moment">
                <div class="pickers">
                    <TimelinePicker choices=choices value=timeline on_change=on_timeline />
                    <ComparePicker
                        timelines=timeline_names
                        shown=timeline
                        year=year
                        compare=compare
                        compare_year=compare_year_set
                        on_change=on_compare
                    />
                </div>
                <YearSlider year=year on_change=on_year ticks=ticks divergence=divergence />
                <div class="tools">
                    <Search data=data.clone() corpus=loaded on_pick=on_pick revision=own.revision />
                    <div class="tool-row">
                        <NamesPicker
                            value=names_in
                            on_change=Callback::new(move |n: Names| step(&|m| m.names = n, HistoryMode::Push))
                        />
                        <button type="button" class="copy-link" on:click=copy_link>"Copy link"</button>
                        <EmbedButton src=embed_src title=embed_title />
                    </div>
                    <MakeYourOwn
                        shown=shown_name
                        year=year
                        on_create=on_create
                        on_open=on_open
                        data=data.clone()
                    />
                    <ExportButtons
                        title=picture_title
                        legend=picture_legend
                        link=Signal::derive(move || link_to(&moment.get()))
                        file=Signal::derive(move || format!("uchronia-{}-{}", timeline.get(), year.get()))
                        geojson=Callback::new({
                            let data = data.clone();
                            move |()| {
                                let m = maps.get_untracked();
                                let map = m.0.year(year.get_untracked());
                                crate::model::dissolve::map_geojson(&data.decoded, &data.atlas(), &m.0, map)
                                    .to_string()
                            }
                        })
                    />
                </div>
            </section>
            <div class="stage" class:reading=move || reading.with(Option::is_some)>
                <div
                    class="maps"
                    class:two=move || compare.with(Option::is_some)
                    style=move || format!("--swipe: {}%", swipe.get())
                >
                    <Show when=move || compare.with(Option::is_some)>
                        // On a phone the compared map lies over the first: the handle shows
                        // the first map left of it and the compared one right of it.
                        <input
                            type="range"
                            class="swipe"
                            min="0"
                            max="100"
                            aria-label="Swipe between the two maps"
                            prop:value=move || swipe.get().to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                                    swipe.set(v.min(100));
                                }
                            }
                        />
                    </Show>
                    {map_of(
                        scene,
                        states,
                        "main",
                        Signal::derive(move || {
                            compare.with(Option::is_some).then(|| names.with(|n| n.0.clone()))
                        }),
                    )}
                    {
                        let data = data.clone();
                        let map_of = map_of.clone();
                        move || {
                            compare_maps.get().map(|other| {
                                // The compared map: the other timeline (or year), compared back.
                                let other_maps = Memo::new(move |_| other.clone());
                                let compared_back = Signal::derive(move || {
                                    Some(Other {
                                        maps: maps.get(),
                                        year: year.get(),
                                        label: names.with(|n| n.0.clone()),
                                    })
                                });
                                let scene = Scene::follow(
                                    data.clone(),
                                    other_maps,
                                    compare_year,
                                    compared_back,
                                    names_in.into(),
                                );
                                let states = Memo::new({
                                    let data = data.clone();
                                    move |_| {
                                        other_maps.with(|m| {
                                            let map = m.0.year(compare_year.get());
                                            shown_states(&data, &m.0, map, names_in.get())
                                        })
                                    }
                                });
                                let caption = Signal::derive(move || Some(names.with(|n| n.1.clone())));
                                map_of(scene, states, "compared", caption)
                            })
                        }
                    }
                </div>
                <SidePanel
                    data=data.clone()
                    corpus=corpus_state
                    maps=maps
                    year=year
                    selection=selection
                    states=states
                    camera=camera
                    screen=screen
                    names=names_in
                    on_close=Callback::new(move |()| on_select_id.run(None))
                    on_link=on_pick
                    on_read_along=Callback::new(move |id: String| on_read_along.run(Some(id)))
                >
                    <Show when=move || editing.get()>
                        <Editor
                            data=editor_data.get_value()
                            own=own
                            timeline=timeline
                            year=year
                            picked=picked
                            pick_several=pick_several
                            on_year=Callback::new(move |y: i32| step(&|m| m.year = y, HistoryMode::Push))
                            states=states
                            corpus=loaded
                            link=Signal::derive(move || link_to(&moment.get()))
                            on_deleted=Callback::new(move |base: String| {
                                picked.set(Vec::new());
                                step(&|m| m.timeline = base.clone(), HistoryMode::Push)
                            })
                        />
                    </Show>
                    <Show when=move || compare.with(Option::is_some)>
                        <WhatDiffers
                            rows=diff_rows
                            names=names
                            corpus=loaded
                            on_select=Callback::new(move |id: String| on_select_id.run(Some(id)))
                        />
                    </Show>
                </SidePanel>
                <Show when=move || reading.with(Option::is_some)>
                    <ReadAlong
                        corpus=loaded
                        at=Signal::derive(move || reading.get().unwrap_or_default())
                        on_at=on_read_at
                        on_close=Callback::new(move |()| on_read_along.run(None))
                        on_link=on_pick
                    />
                </Show>
            </div>
        </main>
    }
}
