//! "Make your own": the form that forks the timeline on screen, and "Open a timeline file".

use super::read_file;
use crate::data::MapData;
use crate::model::atlas::Timeline;
use crate::model::authoring::{fork, fork_copy};
use crate::model::date::Date;
use leptos::prelude::*;
use std::sync::Arc;

/// What a reader writes about a timeline of their own: its name, a one-line summary and the
/// day it diverges, as the fork form and the rename form both ask for them.
#[derive(Clone, Copy)]
pub struct Details {
    pub name: RwSignal<String>,
    pub summary: RwSignal<String>,
    pub diverges: RwSignal<String>,
}

impl Details {
    pub fn new() -> Details {
        Details {
            name: RwSignal::new(String::new()),
            summary: RwSignal::new(String::new()),
            diverges: RwSignal::new(String::new()),
        }
    }

    /// The day of divergence typed, or why it is no day.
    pub fn diverges(&self) -> Result<Date, String> {
        Date::parse(&self.diverges.get_untracked()).map_err(|e| format!("Diverges on: {e}"))
    }
}

/// The fields of [`Details`].
#[component]
pub fn DetailsFields(details: Details) -> impl IntoView {
    let Details {
        name,
        summary,
        diverges,
    } = details;
    view! {
        <label>
            "Name"
            <input
                type="text"
                required
                maxlength="120"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
            />
        </label>
        <label>
            "One-line summary"
            <input
                type="text"
                maxlength="300"
                prop:value=move || summary.get()
                on:input=move |ev| summary.set(event_target_value(&ev))
            />
        </label>
        <label>
            "Diverges on"
            <input
                type="date"
                required
                min=Date::START.to_string()
                max=Date::END.to_string()
                prop:value=move || diverges.get()
                on:input=move |ev| diverges.set(event_target_value(&ev))
            />
        </label>
    }
}

/// "Make your own": a form that forks the timeline on screen, and "Open a file".
#[component]
pub fn MakeYourOwn(
    /// The shown timeline's id and name, and the year on the slider.
    #[prop(into)]
    shown: Signal<(String, String)>,
    year: Memo<i32>,
    /// Called with a new timeline to add and show.
    on_create: Callback<Timeline>,
    /// Called with the text and name of an opened file.
    on_open: Callback<(Result<String, String>, String)>,
    data: Arc<MapData>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let details = Details::new();
    let Details {
        name,
        summary,
        diverges,
    } = details;
    let problems = RwSignal::new(Vec::<String>::new());
    let start = move |_| {
        diverges.set(format!("{}-01-01", year.get_untracked().max(1919)));
        problems.set(Vec::new());
        open.set(true);
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = match details.diverges() {
            Ok(d) => d,
            Err(e) => {
                problems.set(vec![e]);
                return;
            }
        };
        let base = shown.get_untracked().0;
        let atlas = data.atlas();
        // A copy of one of the reader's own timelines stands alone on its base, so that it
        // can be shared and kept without the other.
        let made = match atlas.timeline(&base) {
            Ok(parent) if data.is_own(&base) => fork_copy(
                &atlas,
                &data.region_ids(),
                parent,
                &name.get_untracked(),
                &summary.get_untracked(),
                d,
            ),
            _ => fork(
                &atlas,
                &data.region_ids(),
                &base,
                &name.get_untracked(),
                &summary.get_untracked(),
                d,
            ),
        };
        match made {
            Ok(t) => {
                open.set(false);
                name.set(String::new());
                summary.set(String::new());
                on_create.run(t);
            }
            Err(p) => problems.set(p.iter().map(|p| p.reason.clone()).collect()),
        }
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    view! {
        <div class="own">
        <div class="own-start">
            <button type="button" class="make-own" on:click=start aria-expanded=move || open.get().to_string()>
                "Make your own"
            </button>
            <label class="open-file">
                "Open a timeline file"
                <input
                    type="file"
                    accept=".json,application/json"
                    node_ref=file_input
                    on:change=move |_| {
                        let Some(input) = file_input.get_untracked() else { return };
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            let name = file.name();
                            read_file(file, move |r| on_open.run((r, name)));
                        }
                        input.set_value("");
                    }
                />
            </label>
        </div>
        <Show when=move || open.get()>
            <form
                class="fork"
                aria-label="Make your own timeline"
                on:submit=create.clone()
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <p class="fork-base">
                    "Starts as a copy of " <strong>{move || shown.get().1}</strong>
                    ", then differs from it where you change the map."
                </p>
                <DetailsFields details=details />
                <ul class="problems" role="alert">
                    {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
                <div class="row">
                    <button type="submit">"Create"</button>
                    <button type="button" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Show>
        </div>
    }
}
