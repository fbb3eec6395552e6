//! "Embed": an `<iframe>` snippet of the compact view (`embed=1`: the map, the slider and the
//! legend), for another page; and, in that view, the way back to the whole atlas.

use leptos::prelude::*;

/// The snippet that embeds `src` (an address of the compact view) under `title`.
pub fn snippet(src: &str, title: &str) -> String {
    let attr = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"900\" height=\"600\" style=\"border: 0\" loading=\"lazy\"></iframe>",
        attr(src),
        attr(title)
    )
}

#[component]
pub fn EmbedButton(
    /// The address of the compact view of the moment on screen.
    #[prop(into)]
    src: Signal<String>,
    /// What the frame shows, for screen readers: "Uchronia: Red Triumph, 1935".
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let code = Memo::new(move |_| snippet(&src.get(), &title.get()));
    let show = move |_| {
        let now = !open.get_untracked();
        open.set(now);
        if now {
            let _ = window()
                .navigator()
                .clipboard()
                .write_text(&code.get_untracked());
        }
    };
    view! {
        <div class="embed-tool">
            <button type="button" class="embed-button" aria-expanded=move || open.get().to_string() on:click=show>
                "Embed"
            </button>
            <Show when=move || open.get()>
                <div class="embed-code" role="group" aria-label="Embed this map">
                    <label>
                        "Paste into your page (copied): the map, the slider and the legend of this moment"
                        <textarea readonly rows="4" prop:value=move || code.get()></textarea>
                    </label>
                    <button type="button" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </Show>
        </div>
    }
}
