//! The timeline picker: a native select named "Timeline", with the source and summary of the
//! chosen timeline beside it.

use crate::model::atlas::{source_name, Atlas, Timeline};
use crate::model::passages::Corpus;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One option of the picker.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChoice {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub sources: String,
}

impl TimelineChoice {
    pub fn of(t: &Timeline, source_names: impl Fn(&str) -> String) -> TimelineChoice {
        TimelineChoice {
            id: t.id.clone(),
            name: t.name.clone(),
            summary: t.summary.clone(),
            sources: t
                .sources
                .iter()
                .map(|s| source_names(s))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// The picker's options: every timeline, its sources named by title and author: from the
/// texts once they are loaded, from the atlas file before (by id if neither names one).
pub fn choices_of(
    atlas: &Atlas,
    named: &BTreeMap<String, String>,
    corpus: Option<&Corpus>,
) -> Vec<TimelineChoice> {
    atlas
        .timelines
        .iter()
        .map(|t| {
            TimelineChoice::of(t, |id| match corpus.and_then(|c| c.source(id)) {
                Some(s) => source_name(&s.title, &s.author),
                None => named.get(id).cloned().unwrap_or_else(|| id.to_string()),
            })
        })
        .collect()
}

#[component]
pub fn TimelinePicker(
    /// The timelines to choose from.
    #[prop(into)]
    choices: Signal<Vec<TimelineChoice>>,
    /// The id of the shown timeline.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the id of the chosen timeline.
    on_change: Callback<String>,
) -> impl IntoView {
    let about = move || choices.with(|cs| cs.iter().find(|c| c.id == value.get()).cloned());
    view! {
        <div class="timeline-picker">
            <label for="timeline-select">"Timeline"</label>
            <select
                id="timeline-select"
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {move || choices.with(|cs| cs
                    .iter()
                    .map(|c| {
                        let id = c.id.clone();
                        view! {
                            <option value=c.id.clone() selected=move || value.get() == id>
                                {c.name.clone()}
                            </option>
                        }
                    })
                    .collect_view())}
            </select>
            {move || {
                about()
                    .map(|c| {
                        view! {
                            <p class="timeline-about">
                                <span class="timeline-summary">{c.summary}</span>
                                {(!c.sources.is_empty())
                                    .then(|| view! { <span class="timeline-sources">"Source: " {c.sources.clone()}</span> })}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
