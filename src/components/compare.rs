//! Comparing two maps: the "Compare with" picker (another timeline, or the same one in another
//! year) and the list of what differs, each difference with the passage that causes it.

use super::Mark;
use crate::data::MapData;
use crate::model::atlas::Atlas;
use crate::model::compare::{differences, record, Side};
use crate::model::date::{Date, FIRST_YEAR, LAST_YEAR};
use crate::model::map_state::TimelineMaps;
use crate::model::passages::Corpus;
use crate::model::permalink::Names;
use leptos::prelude::*;
use std::sync::Arc;

/// The value of the picker's option "the same timeline in another year".
const ANOTHER_YEAR: &str = "@year";

/// What the picker chose: the compared timeline and its year (`None`: the same year).
pub type Choice = (Option<String>, Option<i32>);

#[component]
pub fn ComparePicker(
    /// Every timeline: id and name.
    #[prop(into)]
    timelines: Signal<Vec<(String, String)>>,
    /// The shown timeline.
    #[prop(into)]
    shown: Signal<String>,
    /// The shown year.
    #[prop(into)]
    year: Signal<i32>,
    /// The compared timeline, if any.
    #[prop(into)]
    compare: Signal<Option<String>>,
    /// The compared year, if it differs.
    #[prop(into)]
    compare_year: Signal<Option<i32>>,
    /// Called with the new choice.
    on_change: Callback<Choice>,
) -> impl IntoView {
    let value = move || match (compare.get(), compare_year.get()) {
        (None, _) => String::new(),
        (Some(c), Some(_)) if c == shown.get() => ANOTHER_YEAR.to_string(),
        (Some(c), _) => c,
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let choice = match v.as_str() {
            "" => (None, None),
            ANOTHER_YEAR => {
                // Ten years back, or forward from the first years.
                let y = year.get_untracked();
                let other = if y - 10 >= FIRST_YEAR {
                    y - 10
                } else {
                    (y + 10).min(LAST_YEAR)
                };
                (Some(shown.get_untracked()), Some(other))
            }
            // Another timeline is compared in the shown year.
            id => (Some(id.to_string()), None),
        };
        on_change.run(choice);
    };
    let on_year = move |ev: leptos::ev::Event| {
        let y = event_target_value(&ev).parse::<i32>().ok();
        on_change.run((compare.get_untracked(), y));
    };
    view! {
        <div class="compare-picker">
            <label for="compare-select">"Compare with"</label>
            <select id="compare-select" prop:value=value on:change=on_pick>
                <option value="" selected=move || compare.with(Option::is_none)>"nothing"</option>
                {move || timelines
                    .get()
                    .into_iter()
                    .map(|(id, name)| {
                        let hidden = {
                            let id = id.clone();
                            move || id == shown.get()
                        };
                        let chosen = {
                            let id = id.clone();
                            move || value() == id
                        };
                        view! { <option value=id hidden=hidden selected=chosen>{name}</option> }
                    })
                    .collect_view()}
                <option value=ANOTHER_YEAR selected=move || value() == ANOTHER_YEAR>
                    "the same timeline in another year"
                </option>
            </select>
            <Show when=move || compare.with(Option::is_some)>
                <label for="compare-year" class="visually-hidden">"Compared year"</label>
                <select id="compare-year" prop:value=move || compare_year.get().map(|y| y.to_string()).unwrap_or_default() on:change=on_year>
                    <option value="">"same year"</option>
                    {(FIRST_YEAR..=LAST_YEAR)
                        .map(|y| view! { <option value=y.to_string()>{y}</option> })
                        .collect_view()}
                </select>
            </Show>
        </div>
    }
}

/// One line of "What differs".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DiffRow {
    pub region: String,
    pub name: String,
    pub here: String,
    pub there: String,
    pub since: Date,
    /// The passages the causing record cites, and its note.
    pub passages: Vec<String>,
    pub note: Option<String>,
}

/// What differs between a timeline's map of a year and another's (or the same one's of
/// another year), as the list shows it.
pub fn diff_rows(
    data: &MapData,
    (here, year): (&TimelineMaps, i32),
    (there, other_year): (&TimelineMaps, i32),
    names: Names,
) -> Vec<DiffRow> {
    let here = Side {
        maps: here,
        map: here.year(year),
    };
    let there = Side {
        maps: there,
        map: there.year(other_year),
    };
    // The holder of a region on one side, in the names chosen.
    let holder = |side: &Side<'_>, i: usize| {
        side.holder_name(i, names)
            .unwrap_or("no holder")
            .to_string()
    };
    differences(&data.atlas(), here, there)
        .into_iter()
        .filter_map(|d| {
            let atlas = data.atlas();
            let r = record(&atlas, d.cause);
            let region = data.decoded.topology.regions.get(d.region)?;
            Some(DiffRow {
                region: region.id.clone(),
                name: region.name_in(names).to_string(),
                here: holder(&here, d.region),
                there: holder(&there, d.region),
                since: d.since,
                passages: r.map(|r| r.passages.clone()).unwrap_or_default(),
                note: r.and_then(|r| r.note.clone()),
            })
        })
        .collect()
}

/// The slider's marks: where the shown timeline (and the compared one) departs from real
/// history, and where its text stops. With two timelines the words go into the marks' titles.
pub fn slider_marks(atlas: &Atlas, shown: &str, compared: Option<&str>) -> Vec<Mark> {
    let both = compared.is_some();
    let mut marks = Vec::new();
    for (id, is_compared) in [(Some(shown), false), (compared, true)] {
        let Some(t) = id.and_then(|id| atlas.timeline(id).ok()) else {
            continue;
        };
        let whose = if both {
            format!("{} ", t.name)
        } else {
            String::new()
        };
        let mark = |year: i32, label: String, ends: bool| Mark {
            year,
            label,
            compared: is_compared,
            ends,
            labelled: !both,
        };
        if let Some(d) = t.diverges {
            marks.push(mark(d.year, format!("{whose}diverges {}", d.long()), false));
        }
        if let Some(end) = t.text_ends.filter(|e| *e < Date::END) {
            marks.push(mark(
                end.year,
                format!("{whose}text stops {}", end.long()),
                true,
            ));
        }
    }
    marks
}

#[component]
pub fn WhatDiffers(
    /// The differences, in region order.
    #[prop(into)]
    rows: Signal<Vec<DiffRow>>,
    /// How the two maps are named: "Red Triumph, 1935" and "Real history, 1935".
    #[prop(into)]
    names: Signal<(String, String)>,
    /// The texts, for the passages' words once they are loaded.
    #[prop(into)]
    corpus: Signal<Option<Arc<Corpus>>>,
    /// Called with a region id to select it.
    on_select: Callback<String>,
) -> impl IntoView {
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    view! {
        <section class="what-differs" aria-label="What differs">
            <h2>"What differs"</h2>
            <p class="differs-between">
                {move || names.with(|(a, b)| format!("{a} against {b}"))}
            </p>
            // The list stays while it has rows, each row keyed by all it says: a year step
            // rebuilds only the rows that change, and the maps' names change in place.
            {move || {
                if empty.get() {
                    return view! { <p class="empty">"The two maps agree everywhere."</p> }.into_any();
                }
                view! {
                    <ol class="differs-list">
                        <For each=move || rows.get() key=|r| r.clone() let:r>
                            {
                                let id = r.region.clone();
                                let first = r.passages.first().cloned();
                                let quote = move || {
                                    corpus.with(|c| {
                                        let p = c.as_ref()?.passage(first.as_ref()?)?;
                                        let mut words: String = p.text.chars().take(160).collect();
                                        if words.len() < p.text.len() {
                                            words.push('…');
                                        }
                                        let id = p.id.clone();
                                        Some(view! {
                                            <blockquote class="differs-quote" data-passage=id.clone()>
                                                {words} <cite>{format!(" {id}")}</cite>
                                            </blockquote>
                                        })
                                    })
                                };
                                let (held_here, held_there, since) =
                                    (r.here.clone(), r.there.clone(), r.since.long());
                                view! {
                                    <li data-region=r.region.clone()>
                                        <button type="button" class="link differs-region" on:click=move |_| on_select.run(id.clone())>
                                            {r.name.clone()}
                                        </button>
                                        <span class="differs-holders">
                                            {move || {
                                                names.with(|(here, there)| {
                                                    format!(": {held_here} ({here}) · {held_there} ({there}) · since {since}")
                                                })
                                            }}
                                        </span>
                                        {quote}
                                        {r.note.clone().map(|n| view! { <p class="record-note">{n}</p> })}
                                    </li>
                                }
                            }
                        </For>
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
}
