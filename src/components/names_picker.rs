//! The language of the names on the map: English, or each state's and region's own.

use crate::model::permalink::Names;
use leptos::prelude::*;

#[component]
pub fn NamesPicker(
    /// The names shown.
    #[prop(into)]
    value: Signal<Names>,
    /// Called with the chosen names.
    on_change: Callback<Names>,
) -> impl IntoView {
    view! {
        <label for="names-select" class="visually-hidden">"Names"</label>
        <select
            id="names-select"
            title="The language of the names on the map"
            prop:value=move || if value.get() == Names::Local { "local" } else { "en" }
            on:change=move |ev| {
                let local = event_target_value(&ev) == "local";
                on_change.run(if local { Names::Local } else { Names::English })
            }
        >
            <option value="en">"English names"</option>
            <option value="local">"Local names"</option>
        </select>
    }
}
