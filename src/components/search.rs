//! The search box: places, regions, states of every timeline and the texts' passages, in the
//! languages the gazetteer knows. Arrows move in the results, Enter or a click jumps to the
//! result's moment, Escape closes the list.

use crate::data::MapData;
use crate::model::map_state::TimelineMaps;
use crate::model::passages::Corpus;
use crate::model::search::{SearchIndex, Target};
use leptos::prelude::*;
use std::sync::Arc;

/// How many results the list shows.
const SHOWN: usize = 8;

/// The index, compared by identity (it is built once).
#[derive(Clone)]
struct Index(Arc<SearchIndex>);

impl PartialEq for Index {
    fn eq(&self, other: &Index) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

fn build_index(data: &MapData, corpus: &Corpus) -> SearchIndex {
    let ids = data.region_ids();
    let maps: Vec<TimelineMaps> = data
        .atlas()
        .timelines
        .iter()
        .filter_map(|t| TimelineMaps::new(&data.atlas(), &t.id, &ids).ok())
        .collect();
    SearchIndex::new(&data.atlas(), corpus, &data.decoded.topology.regions, &maps)
}

#[component]
pub fn Search(
    /// The map data (regions and timelines).
    data: Arc<MapData>,
    /// The texts, once loaded (places and passages are found once they are in).
    #[prop(into)]
    corpus: Signal<Option<Arc<Corpus>>>,
    /// Called with the moment of the chosen result.
    on_pick: Callback<Target>,
    /// Counts the changes of the reader's own timelines (the index follows them).
    #[prop(optional, into)]
    revision: Signal<u64>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    // Built the first time the box is used, not on the first map's path.
    let wanted = RwSignal::new(false);
    let index = Memo::new(move |_| {
        if !wanted.get() {
            return None;
        }
        revision.track();
        let corpus = corpus.get().unwrap_or_default();
        Some(Index(Arc::new(build_index(&data, &corpus))))
    });
    let results = Memo::new(move |_| {
        let q = query.get();
        index.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.0.search(&q, SHOWN)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let shown = move || open.get() && !query.with(String::is_empty);
    let pick = move |k: usize| {
        let k = k.min(results.with_untracked(Vec::len).saturating_sub(1));
        if let Some(e) = results.with_untracked(|r| r.get(k).cloned()) {
            open.set(false);
            on_pick.run(e.target);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = results.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = (*a + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + n - 1) % n);
            }
            "Enter" if open.get_untracked() => {
                ev.prevent_default();
                pick(active.get_untracked());
            }
            // The first Escape closes the list and keeps the words; a second one clears them,
            // as a search box does.
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                open.set(false);
            }
            _ => {}
        }
    };
    view! {
        <div class="search" role="search" aria-label="Search the atlas">
            <input
                id="search-input"
                type="search"
                placeholder="Search places, regions, states, texts"
                aria-label="Search places, regions, states and texts"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || shown().to_string()
                aria-activedescendant=move || {
                    (shown() && results.with(|r| !r.is_empty()))
                        .then(|| format!("search-result-{}", active.get()))
                }
                prop:value=move || query.get()
                on:focus=move |_| wanted.set(true)
                on:blur=move |_| open.set(false)
                on:input=move |ev| {
                    wanted.set(true);
                    query.set(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_key
            />
            <ul id="search-results" class="search-results" role="listbox" aria-label="Search results" hidden=move || !shown()>
                {move || {
                    let list = results.get();
                    if list.is_empty() {
                        let words = if index.with(Option::is_some) { "Nothing found." } else { "Searching…" };
                        return view! { <li class="search-empty" role="option" aria-disabled="true">{words}</li> }
                            .into_any();
                    }
                    list.into_iter()
                        .enumerate()
                        .map(|(k, e)| {
                            view! {
                                <li
                                    id=format!("search-result-{k}")
                                    role="option"
                                    class=format!("search-result found-{}", e.found.label())
                                    aria-selected=move || (active.get() == k).to_string()
                                    on:mousedown=move |ev: web_sys::MouseEvent| ev.prevent_default()
                                    on:click=move |_| pick(k)
                                >
                                    <span class="result-title">{e.title}</span>
                                    <span class="result-detail">{e.detail}</span>
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
        </div>
    }
}
