//! The passages panel: what the texts of the shown timeline say about the selected region or
//! place, nearest in date first, each with its source, date and kind, and a way to read it
//! in its full text. Text from the sources is always rendered as text.

use crate::model::atlas::Confidence;
use crate::model::passages::{Kind, Passage, Segment, Source};
use crate::model::search::Target;
use leptos::prelude::*;

/// One passage as the panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownPassage {
    pub passage: Passage,
    pub source: Option<Source>,
    /// The confidence of the border record that cites this passage, if one does.
    pub evidence: Option<Confidence>,
    /// Its text with the names and years that lead to the map (empty: shown as plain text).
    pub segments: Vec<Segment>,
}

/// The words of a passage, its names and years as links to the map.
pub fn passage_words(p: &ShownPassage, on_link: Option<Callback<Target>>) -> AnyView {
    let Some(on_link) = on_link.filter(|_| !p.segments.is_empty()) else {
        return p.passage.text.clone().into_any();
    };
    let link = move |text: String, target: Target, what: String| {
        view! {
            <button type="button" class="link text-link" title=what on:click=move |_| on_link.run(target.clone())>
                {text}
            </button>
        }
        .into_any()
    };
    p.segments
        .iter()
        .cloned()
        .map(|s| match s {
            Segment::Text(t) => t.into_any(),
            Segment::Place(t, id) | Segment::Region(t, id) => link(
                t.clone(),
                Target {
                    selection: Some(id),
                    ..Target::default()
                },
                format!("Show {t} on the map"),
            ),
            Segment::Year(t, y) => link(
                t,
                Target {
                    year: Some(y),
                    ..Target::default()
                },
                format!("Show the map of {y}"),
            ),
        })
        .collect_view()
        .into_any()
}

/// What the panel is about.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelSubject {
    /// "Bavaria" or "Munich".
    pub name: String,
    /// "Bavaria — held by Germany (part) since 10 November 1923", shown under the name.
    pub summary: Option<String>,
    /// The note of the border record in force, if any.
    pub note: Option<String>,
}

fn confidence_label(c: Confidence) -> &'static str {
    match c {
        Confidence::Stated => "evidence for the border shown (stated)",
        Confidence::Inferred => "evidence for the border shown (inferred)",
        Confidence::Real => "evidence for the border shown (as in real history)",
        Confidence::Invented => "the border shown is its author's invention",
    }
}

#[component]
pub fn PassagePanel(
    /// The selected region or place; `None` shows how to use the panel.
    #[prop(into)]
    subject: Signal<Option<PanelSubject>>,
    /// The passages to list, in order.
    #[prop(into)]
    passages: Signal<Vec<ShownPassage>>,
    /// Called to read a passage in its full text (with the passage id).
    on_read: Callback<String>,
    /// Called to close the selection.
    on_close: Callback<()>,
    /// The passages are still on their way (or failed): what to say instead of "nothing".
    #[prop(optional, into)]
    pending: MaybeProp<String>,
    /// Called when a name or a year in a passage is followed to the map.
    #[prop(optional)]
    on_link: Option<Callback<Target>>,
) -> impl IntoView {
    view! {
        <section class="passages" aria-label="Passages">
            {move || match subject.get() {
                None => {
                    view! {
                        <p class="hint">
                            "Click a region or a place on the map (or Tab to it and press Enter) to read what the texts say about it."
                        </p>
                    }
                        .into_any()
                }
                Some(s) => {
                    let list = passages.get();
                    let empty = list.is_empty();
                    let name = s.name.clone();
                    view! {
                        <div class="passages-head">
                            <h2>{s.name.clone()}</h2>
                            <button type="button" class="close" aria-label="Close the selection" on:click=move |_| on_close.run(())>
                                "×"
                            </button>
                        </div>
                        {s.summary.map(|t| view! { <p class="subject-summary">{t}</p> })}
                        {s.note.map(|t| view! { <p class="record-note">{t}</p> })}
                        {match pending.get() {
                            Some(why) => Some(view! { <p class="empty" role="status">{why}</p> }.into_any()),
                            None => empty
                                .then(|| {
                                    view! {
                                        <p class="empty">
                                            "The texts of this timeline say nothing about " {name.clone()} " here."
                                        </p>
                                    }
                                        .into_any()
                                }),
                        }}
                        <ol class="passage-list">
                            {list
                                .into_iter()
                                .map(|p| {
                                    let id = p.passage.id.clone();
                                    let key = id.clone();
                                    let kind = match p.passage.kind {
                                        Kind::Story => "story",
                                        Kind::Commentary => "reader comment",
                                    };
                                    let source = p
                                        .source
                                        .as_ref()
                                        .map(|s| format!("{} — {}", s.title, s.author))
                                        .unwrap_or_else(|| p.passage.source.clone());
                                    let lang = p.source.as_ref().map(|s| s.language.clone()).unwrap_or_default();
                                    view! {
                                        <li class="passage" class:commentary=p.passage.kind == Kind::Commentary data-passage=key>
                                            <p class="passage-meta">
                                                <span class="period">{p.passage.period.label()}</span>
                                                " · "
                                                <span class="kind">{kind}</span>
                                                {p.evidence.map(|c| view! { <span class="evidence">" · " {confidence_label(c)}</span> })}
                                            </p>
                                            {p.passage.heading.clone().map(|h| view! { <p class="passage-heading">{h}</p> })}
                                            <blockquote lang=lang>{passage_words(&p, on_link)}</blockquote>
                                            <p class="passage-source">
                                                {source} " "
                                                <button type="button" class="link" on:click=move |_| on_read.run(id.clone())>
                                                    "Read in the full text"
                                                </button>
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The full text of a source with one passage marked, in a dialog.
#[component]
pub fn SourceReader(
    /// The source and its passages in order, and the id of the passage to show.
    #[prop(into)]
    reading: Signal<Option<(Source, Vec<ShownPassage>, String)>>,
    on_close: Callback<()>,
    /// Called when a name or a year in the text is followed to the map (the reader closes).
    #[prop(optional)]
    on_link: Option<Callback<Target>>,
    /// Called to read the text beside the map, from the passage shown.
    #[prop(optional)]
    on_read_along: Option<Callback<String>>,
) -> impl IntoView {
    let on_link = on_link.map(|follow| {
        Callback::new(move |t: Target| {
            on_close.run(());
            follow.run(t);
        })
    });
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let open = reading.with(Option::is_some);
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
        if let Some((_, _, id)) = reading.get() {
            // Bring the chosen passage into view once it is in the page.
            if let Some(el) = document()
                .query_selector(&format!("[data-reader-passage=\"{id}\"]"))
                .ok()
                .flatten()
            {
                el.scroll_into_view();
            }
        }
    });
    view! {
        <dialog node_ref=dialog class="reader" aria-label="Full text" on:close=move |_| on_close.run(())>
            {move || {
                reading
                    .get()
                    .map(|(source, passages, id)| {
                        view! {
                            <div class="reader-head">
                                <h2>{source.title.clone()}</h2>
                                {on_read_along.map(|go| {
                                    let id = id.clone();
                                    view! {
                                        <button type="button" class="read-along-button" on:click=move |_| go.run(id.clone())>
                                            "Read with the map"
                                        </button>
                                    }
                                })}
                                <button type="button" class="close" aria-label="Close the full text" on:click=move |_| on_close.run(())>
                                    "×"
                                </button>
                            </div>
                            <p class="reader-meta">{format!("{} · {}", source.author, source.published)}</p>
                            <div class="reader-text" lang=source.language.clone()>
                                {passages
                                    .into_iter()
                                    .map(|shown| {
                                        let p = &shown.passage;
                                        let marked = p.id == id;
                                        view! {
                                            {p.heading.clone().map(|h| view! { <p class="passage-heading">{h}</p> })}
                                            <p
                                                class:marked=marked
                                                class:commentary=p.kind == Kind::Commentary
                                                data-reader-passage=p.id.clone()
                                            >
                                                {passage_words(&shown, on_link)}
                                            </p>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    })
            }}
        </dialog>
    }
}
