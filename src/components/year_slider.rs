//! The year slider: a native range input named "Year", 1918–1941.

use crate::model::date::{Date, FIRST_YEAR, LAST_YEAR};
use leptos::prelude::*;

/// How a new year was chosen: while dragging (many values in a row) or as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gesture {
    /// The thumb is moving; more values will follow.
    Dragging,
    /// The gesture ended (pointer released, key pressed): a deliberate step.
    Settled,
}

/// A mark under the slider: where a timeline departs from real history, or where its text stops.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub year: i32,
    pub label: String,
    /// A mark of the compared timeline (drawn in its colour).
    pub compared: bool,
    /// Where a text stops (drawn as a bar, its label a line lower).
    pub ends: bool,
    /// Whether its words are written under the slider (else only in its title: two
    /// timelines' marks would cover each other's words).
    pub labelled: bool,
}

/// A range input from 1918 to 1941 with the year and the day it stands for shown beside it.
/// Arrows, Home/End and PageUp/PageDown come with the native input.
#[component]
pub fn YearSlider(
    /// The year shown.
    #[prop(into)]
    year: Signal<i32>,
    /// Called with each new year and how it was chosen.
    on_change: Callback<(i32, Gesture)>,
    /// Years in which the shown timeline's map changes: tick marks.
    #[prop(optional, into)]
    ticks: MaybeProp<Vec<i32>>,
    /// The year the shown timeline departs from real history: a visible mark.
    #[prop(optional, into)]
    divergence: MaybeProp<Vec<Mark>>,
) -> impl IntoView {
    let span = f64::from(LAST_YEAR - FIRST_YEAR);
    let at = move |year: i32| {
        format!(
            "left: calc(0.6rem + (100% - 1.2rem) * {:.4})",
            f64::from(year - FIRST_YEAR) / span
        )
    };
    let read = |ev: &leptos::ev::Event| event_target_value(ev).parse::<i32>().ok();
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(y) = read(&ev) {
            on_change.run((y, Gesture::Dragging));
        }
    };
    let on_settle = move |ev: leptos::ev::Event| {
        if let Some(y) = read(&ev) {
            on_change.run((y, Gesture::Settled));
        }
    };
    // Play steps a year a second; the whole run is one step in the history, like a drag.
    let playing = RwSignal::new(None::<leptos::prelude::IntervalHandle>);
    let stop = move || {
        if let Some(h) = playing.get_untracked() {
            h.clear();
            playing.set(None);
            on_change.run((year.get_untracked(), Gesture::Settled));
        }
    };
    let toggle_play = move |_| {
        if playing.get_untracked().is_some() {
            stop();
            return;
        }
        if year.get_untracked() >= LAST_YEAR {
            on_change.run((FIRST_YEAR, Gesture::Dragging));
        }
        let handle = set_interval_with_handle(
            move || {
                let y = year.get_untracked();
                if y >= LAST_YEAR {
                    stop();
                } else {
                    on_change.run((y + 1, Gesture::Dragging));
                }
            },
            std::time::Duration::from_millis(1000),
        );
        match handle {
            Ok(h) => playing.set(Some(h)),
            Err(e) => leptos::logging::warn!("cannot play: {e:?}"),
        }
    };
    on_cleanup(move || {
        if let Some(h) = playing.get_untracked() {
            h.clear();
        }
    });
    view! {
        <div class="year-slider">
            <button
                type="button"
                class="play"
                aria-pressed=move || playing.get().is_some().to_string()
                aria-label=move || if playing.get().is_some() { "Pause" } else { "Play through the years" }
                on:click=toggle_play
            >
                {move || if playing.get().is_some() { "❚❚" } else { "▶" }}
            </button>
            <label for="year-input" class="year-label">"Year"</label>
            <div class="year-track">
            <input
                id="year-input"
                type="range"
                list="year-ticks"
                min=FIRST_YEAR
                max=LAST_YEAR
                step="1"
                // The attribute gives the first value once min and max are in place; the
                // property keeps the thumb in step after the user has moved it.
                value=move || year.get().to_string()
                prop:value=move || year.get().to_string()
                aria-valuetext=move || Date::for_year(year.get()).long()
                on:input=on_input
                on:change=on_settle
            />
            <datalist id="year-ticks">
                {move || {
                    ticks
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|y| view! { <option value=y></option> })
                        .collect_view()
                }}
            </datalist>
            {move || {
                divergence
                    .get()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| {
                        view! {
                            <span
                                class="divergence"
                                class:compared=m.compared
                                class:ends=m.ends
                                style=at(m.year)
                                title=m.label.clone()
                            >
                                {m.labelled.then(|| view! { <span class="divergence-label">{m.label.clone()}</span> })}
                            </span>
                        }
                    })
                    .collect_view()
            }}
            </div>
            <output for="year-input" class="year-value">{move || year.get()}</output>
            <span class="year-date">
                "as on " {move || Date::for_year(year.get()).long()}
            </span>
        </div>
    }
}
