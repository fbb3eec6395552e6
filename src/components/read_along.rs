//! "Read with the map": a source's full text beside the map. As the reader scrolls, the
//! passage in view is highlighted and the map follows it: the slider goes to the year it
//! speaks of and the places it names are marked. The passage is in the permalink (`read`).

use super::passage_panel::{passage_words, ShownPassage};
use crate::model::passages::{Corpus, Follow, Kind};
use crate::model::search::Target;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The reading line: a third of the way down the text's box, in client pixels.
fn reading_line(text: &web_sys::Element) -> f64 {
    let r = text.get_bounding_client_rect();
    r.top() + r.height() / 3.0
}

/// The id of the passage at the reading line: the last one whose top is above it.
fn passage_in_view(text: &web_sys::Element) -> Option<String> {
    let line = reading_line(text);
    let list = text.query_selector_all("[data-read-passage]").ok()?;
    let mut at = None;
    for k in 0..list.length() {
        let el: web_sys::Element = list.item(k)?.dyn_into().ok()?;
        if el.get_bounding_client_rect().top() <= line {
            at = el.get_attribute("data-read-passage");
        } else {
            break;
        }
    }
    at.or_else(|| {
        list.item(0)?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .get_attribute("data-read-passage")
    })
}

#[component]
pub fn ReadAlong(
    corpus: Memo<Option<Arc<Corpus>>>,
    /// The passage the reader is at.
    #[prop(into)]
    at: Signal<String>,
    /// Called with the passage that scrolls to the reading line.
    on_at: Callback<String>,
    on_close: Callback<()>,
    /// Called when a name or a year in the text is followed to the map.
    on_link: Callback<Target>,
) -> impl IntoView {
    let text = NodeRef::<leptos::html::Div>::new();
    // The source, its passages, and where the map is for the passage at the line.
    let source = Memo::new(move |_| {
        let id = at.get();
        corpus.with(|c| {
            let c = c.as_ref()?;
            let source = c.source(&c.passage(&id)?.source)?.clone();
            Some(source)
        })
    });
    let passages = Memo::new(move |_| {
        let source_id = source.with(|s| s.as_ref().map(|s| s.id.clone()));
        corpus.with_untracked(|c| {
            let (Some(c), Some(source_id)) = (c.as_ref(), source_id) else {
                return Vec::new();
            };
            c.passages
                .iter()
                .filter(|p| p.source == source_id)
                .map(|p| ShownPassage {
                    segments: c.segments(p),
                    passage: p.clone(),
                    source: None,
                    evidence: None,
                })
                .collect::<Vec<_>>()
        })
    });
    let follow = Memo::new(move |_| corpus.with(|c| c.as_ref().and_then(|c| c.follow(&at.get()))));
    let place_names = Memo::new(move |_| {
        follow.with(|f| {
            corpus.with(|c| {
                let (Some(f), Some(c)) = (f.as_ref(), c.as_ref()) else {
                    return String::new();
                };
                f.places
                    .iter()
                    .filter_map(|id| c.place(id))
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
    });
    // Opened at a passage (from a link, or from the reader): scroll it to the line once the
    // text is in the page.
    let scrolled_to = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let id = at.get();
        passages.track();
        let Some(el) = text.get() else { return };
        if scrolled_to.with_value(|s| s.is_some()) {
            return;
        }
        if let Ok(Some(p)) = el.query_selector(&format!("[data-read-passage=\"{id}\"]")) {
            // Its top just above the reading line, so that it is the passage at the line.
            let offset = p.get_bounding_client_rect().top() - reading_line(&el) + 4.0;
            el.set_scroll_top(el.scroll_top() + offset.round() as i32);
            scrolled_to.set_value(Some(id));
        }
    });
    let on_scroll = move |_| {
        let Some(el) = text.get_untracked() else {
            return;
        };
        if let Some(id) = passage_in_view(&el) {
            if id != at.get_untracked() {
                on_at.run(id);
            }
        }
    };
    let on_link = Some(on_link);
    view! {
        <aside class="read-along" aria-label="Read with the map">
            <div class="reader-head">
                <h2>{move || source.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default())}</h2>
                <button type="button" class="close" aria-label="Close the text" on:click=move |_| on_close.run(())>"×"</button>
            </div>
            <p class="reader-meta">{move || source.with(|s| s.as_ref().map(|s| format!("{} · {}", s.author, s.published)).unwrap_or_default())}</p>
            <p class="read-now" role="status">
                {move || follow.with(|f: &Option<Follow>| f.as_ref().map(|f| {
                    let names = place_names.get();
                    if names.is_empty() { format!("Now: {}", f.when) } else { format!("Now: {} · {names}", f.when) }
                }).unwrap_or_else(|| "The texts are loading…".into()))}
            </p>
            <div class="reader-text read-text" node_ref=text on:scroll=on_scroll lang=move || source.with(|s| s.as_ref().map(|s| s.language.clone()))>
                {move || passages.get().into_iter().map(|shown| {
                    let id = shown.passage.id.clone();
                    let current = { let id = id.clone(); move || at.get() == id };
                    view! {
                        {shown.passage.heading.clone().map(|h| view! { <p class="passage-heading">{h}</p> })}
                        <p
                            class:current=current
                            class:commentary=shown.passage.kind == Kind::Commentary
                            data-read-passage=id.clone()
                        >
                            {passage_words(&shown, on_link)}
                        </p>
                    }
                }).collect_view()}
            </div>
        </aside>
    }
}
