//! Beside the map: the note that a text has stopped, the passages about the selection (the
//! texts load after the map), the full-text reader, and the legend.

use super::map::scene::{Maps, ShownState};
use super::{Legend, LegendEntry, PanelSubject, PassagePanel, ShownPassage, SourceReader};
use crate::data::MapData;
use crate::model::atlas::{Confidence, Status};
use crate::model::camera::{overlaps, Camera};
use crate::model::compare::record;
use crate::model::date::Date;
use crate::model::passages::{Corpus, Subject};
use crate::model::permalink::Names;
use crate::model::search::Target;
use leptos::prelude::*;
use std::sync::Arc;

/// The corpus as it arrives: loaded, failed (with why), and a way to try again.
#[derive(Clone, Copy)]
pub struct CorpusState {
    pub loaded: Memo<Option<Arc<Corpus>>>,
    pub failed: Signal<Option<String>>,
    pub retry: Callback<()>,
}

/// The states with a part on screen, largest first, as the legend lists them.
pub fn legend_entries(
    data: &MapData,
    states: &[ShownState],
    camera: Camera,
    screen: (f64, f64),
) -> Vec<LegendEntry> {
    let view = camera.visible(data.decoded.topology.unit_m, screen);
    states
        .iter()
        .filter(|s| s.parts.iter().any(|&i| overlaps(data.bboxes[i], view)))
        .map(|s| LegendEntry {
            name: s.name.clone(),
            colour: s.colour.clone(),
            area_km2: s.area_km2,
        })
        .collect()
}

#[component]
pub fn SidePanel(
    /// The decoded map data.
    data: Arc<MapData>,
    /// The texts' passages.
    corpus: CorpusState,
    /// The shown timeline's maps.
    maps: Memo<Maps>,
    /// The shown year.
    year: Memo<i32>,
    /// The selected region or place id.
    selection: Memo<Option<String>>,
    /// The states on the map, largest first.
    states: Memo<Vec<ShownState>>,
    /// The camera the map is drawn for and its size on screen (the legend lists the states
    /// on screen).
    #[prop(into)]
    camera: Signal<Camera>,
    screen: RwSignal<(f64, f64)>,
    /// The language of the names.
    names: Memo<Names>,
    /// Called to close the selection.
    on_close: Callback<()>,
    /// Called when a name or a year in a passage is followed to the map.
    on_link: Callback<Target>,
    /// Called to read a text beside the map from a passage on.
    on_read_along: Callback<String>,
    /// Shown first (what differs, when two maps are compared).
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    // Where the text of the shown timeline has stopped.
    let after_text = {
        let data = data.clone();
        move || {
            let m = maps.get();
            let atlas = data.atlas();
            let t = atlas.timeline(&m.0.timeline).ok()?;
            let end = t.text_ends?;
            m.0.year(year.get()).after_text.then(|| {
                let fill = t.fill_note.clone().unwrap_or_default();
                view! {
                    <p class="after-text" role="note">
                        <strong>{format!("The text stops on {}.", end.long())}</strong>
                        " " {fill}
                    </p>
                }
            })
        }
    };
    let subject = Memo::new({
        let data = data.clone();
        move |_| {
            let id = selection.get()?;
            if let Some(i) = data.decoded.region_index(&id) {
                let r = &data.decoded.topology.regions[i];
                // The title in the names chosen, the other form under it.
                let n = names.get();
                let other_name = match n {
                    Names::English => &r.local,
                    Names::Local => &r.en,
                };
                let m = maps.get();
                let map = m.0.year(year.get());
                let cell = map.cells.get(i).copied().flatten();
                let named = |k: usize| m.0.state_name(map, k, n);
                let summary = match &cell {
                    Some(c) => {
                        let of = c.of.and_then(named);
                        let status = match (c.status, of) {
                            (Status::Part, _) => "part of".to_string(),
                            (s, Some(of)) => format!("{} ({of})", s.label()),
                            (s, None) => s.label().to_string(),
                        };
                        let from = record(&data.atlas(), c.record).map(|r| r.from);
                        let since = from.map(|d| d.long()).unwrap_or_default();
                        // "(as Persia until 20 March 1935)" when the holder was renamed since.
                        let former = from
                            .zip(m.0.states.get(c.holder))
                            .and_then(|(d, s)| s.former_name(d, map.shown, n))
                            .map(|(name, last)| format!(" (as {name} until {})", last.long()))
                            .unwrap_or_default();
                        format!(
                            "{} · {} · held by {} since {}{}",
                            other_name,
                            status,
                            named(c.holder).unwrap_or("no holder"),
                            since,
                            former
                        )
                    }
                    None => format!("{other_name} · no holder recorded"),
                };
                let note = cell.and_then(|c| {
                    let atlas = data.atlas();
                    let r = record(&atlas, c.record)?;
                    let source = match (&r.cite, r.confidence) {
                        (Some(cite), _) => Some(format!("Source: {cite}.")),
                        (None, Some(Confidence::Invented)) => {
                            Some("No source: the author's invention.".to_string())
                        }
                        _ => None,
                    };
                    let parts: Vec<String> = r.note.iter().cloned().chain(source).collect();
                    (!parts.is_empty()).then(|| parts.join(" "))
                });
                Some(PanelSubject {
                    name: r.name_in(n).to_string(),
                    summary: Some(summary),
                    note,
                })
            } else {
                let c = corpus.loaded.get()?;
                let p = c.place(&id)?;
                let region = data
                    .decoded
                    .region_index(&p.region)
                    .map(|i| data.decoded.topology.regions[i].en.clone())
                    .unwrap_or_default();
                Some(PanelSubject {
                    name: p.name.clone(),
                    summary: Some(format!("a place in {region}")),
                    note: None,
                })
            }
        }
    });
    // What the texts say about the selection, nearest in date first.
    let passages = Memo::new({
        let data = data.clone();
        move |_| {
            let (Some(id), Some(c)) = (selection.get(), corpus.loaded.get()) else {
                return Vec::new();
            };
            let subject = if data.decoded.region_index(&id).is_some() {
                Subject::Region(&id)
            } else {
                Subject::Place(&id)
            };
            c.for_moment(
                &data.atlas(),
                &maps.get().0.timeline,
                Date::for_year(year.get()),
                subject,
            )
            .unwrap_or_default()
            .into_iter()
            .map(|r| ShownPassage {
                segments: c.segments(r.passage),
                passage: r.passage.clone(),
                source: c.source(&r.passage.source).cloned(),
                evidence: r.evidence,
            })
            .collect::<Vec<_>>()
        }
    });
    let pending = Signal::derive(move || {
        if corpus.loaded.with(Option::is_some) {
            None
        } else if let Some(why) = corpus.failed.get() {
            Some(format!("The passages could not be loaded. {why}"))
        } else {
            Some("Loading the passages…".to_string())
        }
    });
    let reading = RwSignal::new(None);
    let on_read = Callback::new(move |id: String| {
        let Some(c) = corpus.loaded.get_untracked() else {
            return;
        };
        let Some(passage) = c.passage(&id) else {
            return;
        };
        let Some(source) = c.source(&passage.source).cloned() else {
            return;
        };
        let all = c
            .passages
            .iter()
            .filter(|p| p.source == source.id)
            .map(|p| ShownPassage {
                segments: c.segments(p),
                passage: p.clone(),
                source: Some(source.clone()),
                evidence: None,
            })
            .collect();
        reading.set(Some((source, all, id)));
    });
    // The legend lists the states with a part on screen, largest first.
    let legend = Memo::new({
        let data = data.clone();
        move |_| states.with(|s| legend_entries(&data, s, camera.get(), screen.get()))
    });
    let failed = move || {
        corpus.failed.get().map(|why| {
            view! {
                <div class="load-error" role="alert">
                    <p>"The passages of the texts could not be loaded. " {why}</p>
                    <button type="button" on:click=move |_| corpus.retry.run(())>"Retry"</button>
                </div>
            }
        })
    };
    view! {
        <aside class="side">
            {move || children.as_ref().map(|c| c())}
            {after_text}
            {failed}
            <PassagePanel subject=subject passages=passages on_read=on_read on_close=on_close pending=pending on_link=on_link />
            <Legend entries=legend />
        </aside>
        <SourceReader
            reading=reading
            on_close=Callback::new(move |()| reading.set(None))
            on_link=on_link
            on_read_along=Callback::new(move |id: String| {
                reading.set(None);
                on_read_along.run(id);
            })
        />
    }
}
