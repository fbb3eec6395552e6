//! The legend: the states on screen in the shown year, largest first, with their colours.

use leptos::prelude::*;

/// One line of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub name: String,
    pub colour: String,
    pub area_km2: f64,
}

#[component]
pub fn Legend(
    /// The states shown, largest first.
    #[prop(into)]
    entries: Signal<Vec<LegendEntry>>,
) -> impl IntoView {
    view! {
        <section class="legend" aria-label="Legend">
            <h2>"States on the map"</h2>
            <ul>
                // Keyed by what is drawn: a year step touches only the lines that change.
                // Two states of a reader's timeline may share a name and a colour: the key
                // counts such twins.
                <For
                    each=move || {
                        let list = entries.get();
                        list.iter()
                            .enumerate()
                            .map(|(k, e)| {
                                let twins = list[..k]
                                    .iter()
                                    .filter(|o| o.name == e.name && o.colour == e.colour)
                                    .count();
                                ((e.name.clone(), e.colour.clone(), twins), e.clone())
                            })
                            .collect::<Vec<_>>()
                    }
                    key=|(key, _)| key.clone()
                    let:((_, e))
                >
                    <li>
                        <span class="swatch" style=format!("background:{}", e.colour)></span>
                        {e.name}
                    </li>
                </For>
            </ul>
            <p class="legend-key">
                <span class="swatch hatched"></span>
                "occupied, or held through a puppet state"
            </p>
            <p class="legend-key">
                <span class="swatch dotted"></span>
                "differs from real history by the atlas's inference or its author's invention, or after the text stops"
            </p>
        </section>
    }
}
