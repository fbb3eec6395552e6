//! The page: loads the map, then wires the moment on screen (`moment`, kept in step with the
//! URL by `url`), what it shows (`shown`), the controls (`controls`) and the stage with the
//! maps and the side panel (`stage`).

pub use crate::components::notice::report_panic;
use crate::components::notice::{remove_first_map, Notice};
use crate::components::own_timeline::Own;
use crate::components::side_panel::CorpusState;
use crate::data::{load, load_corpus, MapData};
use crate::model::camera::Camera;
use leptos::prelude::*;
use std::sync::Arc;

mod authoring;
mod controls;
mod moment;
mod reading;
mod shown;
mod stage;
mod url;

use authoring::{follow_other_tabs, picking};
use controls::Controls;
use moment::Now;
use shown::Shown;
use stage::Stage;
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

/// The atlas once its map is loaded: the moment read from the address, what it shows, the
/// controls and the stage. The texts' passages load once the map is there: the first map
/// does not wait for them.
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
    let loaded = Memo::new(move |_| corpus.get().and_then(|r| r.ok()));
    let corpus = CorpusState {
        loaded,
        failed: Signal::derive(move || corpus.get().and_then(|r| r.err()).map(|e| e.to_string())),
        retry: Callback::new(move |()| corpus.refetch()),
    };
    let home = Camera::home(&data.decoded.topology);
    // The reader's own timelines, kept in the browser, and the one a shared link carries.
    let own = Own::load(&data);
    let now = Now::from_address(&data, own, loaded, home);
    let shown = Shown::of(&data, own, now);
    // Regions picked for an edit of the reader's own timeline.
    let picking = picking(data.clone(), own, now.timeline, now.selection, now.steps);
    let picked = picking.picked;
    follow_other_tabs(data.clone(), own, now.steps, picked);
    let on_pick = now.on_pick(data.clone(), loaded);
    // The map's size on screen (the legend lists what it shows).
    let screen = RwSignal::new((1000.0f64, 620.0f64));
    // The compact view for another page (`embed=1`) keeps the map, the slider and the legend;
    // a link opens the moment in the whole atlas.
    let embed = now.moment.with_untracked(|m| m.embed);
    let whole_atlas = {
        let data = data.clone();
        move || now.link(&data, own, false)
    };
    view! {
        <Notice ignored=now.ignored />
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
                <a class="whole-atlas" href=whole_atlas.clone() target="_blank" rel="noopener">
                    "Open in Uchronia ↗"
                </a>
            </Show>
            <Controls
                data=data.clone()
                now=now
                shown=shown.clone()
                own=own
                loaded=loaded
                picked=picked
                on_pick=on_pick
                screen=screen
            />
            <Stage
                data=data.clone()
                now=now
                shown=shown
                own=own
                corpus=corpus
                picking=picking
                home=home
                screen=screen
                on_pick=on_pick
            />
        </main>
    }
}
