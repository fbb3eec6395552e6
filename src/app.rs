//! The moment on screen (timeline, year, selection, view) as signals, kept in step with the URL.
//!
//! A deliberate step (a year chosen with a key or a click, a timeline, a selection) pushes a
//! history entry so Back and Forward walk through them; a drag pushes one entry when it starts
//! and then only replaces it, so a whole drag is one step.

use crate::components::{Gesture, YearSlider};
use crate::model::date::Date;
use crate::model::permalink::{Ignored, Moment, Parsed};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The timelines of the atlas, by id.
pub const TIMELINES: [&str; 4] = ["real", "red-triumph", "rosas-reich", "strasser"];

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

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let Parsed { moment, ignored } = moment_from_location();
    let moment = RwSignal::new(moment);
    let ignored = RwSignal::new(ignored);
    // The address bar always holds the canonical form of what is shown.
    write_url(&moment.get_untracked(), HistoryMode::Replace);

    let on_pop = window_event_listener(leptos::ev::popstate, move |_| {
        let Parsed {
            moment: m,
            ignored: i,
        } = moment_from_location();
        moment.set(m);
        ignored.set(i);
    });
    on_cleanup(move || on_pop.remove());

    // True between the first value of a drag and its end.
    let dragging = StoredValue::new(false);
    let on_year = Callback::new(move |(year, gesture): (i32, Gesture)| {
        let mut next = moment.get_untracked();
        let changed = next.year != year;
        next.year = year;
        let mode = match (gesture, dragging.get_value()) {
            (Gesture::Dragging, false) if changed => {
                dragging.set_value(true);
                Some(HistoryMode::Push)
            }
            (Gesture::Dragging, true) => Some(HistoryMode::Replace),
            (Gesture::Settled, true) => {
                dragging.set_value(false);
                Some(HistoryMode::Replace)
            }
            (Gesture::Settled, false) if changed => Some(HistoryMode::Push),
            _ => None,
        };
        if let Some(mode) = mode {
            write_url(&next, mode);
            moment.set(next);
        }
    });

    let year = Signal::derive(move || moment.get().year);
    view! {
        <header class="top">
            <h1>"Uchronia"</h1>
            <p class="tagline">"An atlas of interwar Europe in real and alternate histories"</p>
        </header>
        <Notice ignored=ignored />
        <main class="atlas">
            <section class="moment" aria-label="Moment">
                <p class="moment-title">
                    {move || moment.get().timeline} ", " {move || Date::for_year(year.get()).long()}
                </p>
                <YearSlider year=year on_change=on_year />
            </section>
        </main>
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
