//! Messages to the user: what a permalink ignored, and the report of a stopped page.

use crate::model::permalink::Ignored;
use leptos::prelude::*;

/// Tells the user that the atlas has stopped, offers a reload, and keeps the panic's text in
/// the console. Works without the reactive system, which a panic may have left broken.
pub fn report_panic(message: &str) {
    web_sys::console::error_1(&format!("Uchronia stopped: {message}").into());
    remove_first_map();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("panic").is_some() {
        return;
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("panic");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "panic");
    let reload = document.create_element("a").ok();
    if let Some(a) = &reload {
        let href = document
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        let _ = a.set_attribute("href", &href);
        a.set_text_content(Some("Reload the page"));
    }
    if let Ok(p) = document.create_element("p") {
        p.set_text_content(Some(
            "Something went wrong and the atlas stopped. Your place is kept in the address bar. ",
        ));
        if let Some(a) = reload {
            let _ = p.append_child(&a);
        }
        let _ = panel.append_child(&p);
    }
    if let Ok(detail) = document.create_element("pre") {
        detail.set_text_content(Some(message));
        let _ = panel.append_child(&detail);
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&panel);
    }
}

/// Removes the first map that `public/boot.js` drew over the page before the atlas started:
/// once the atlas's own map is on screen, or once the atlas has something else to say.
pub fn remove_first_map() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("first-map"))
    {
        shell.remove();
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
