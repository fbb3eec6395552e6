//! The controls above the map: the timeline and the map beside it, the year, and the tools
//! (search, names, links, a reader's own timelines, downloads).

use super::authoring::file_handlers;
use super::moment::Now;
use super::shown::Shown;
use super::url::HistoryMode;
use crate::components::compare::{slider_marks, Choice, ComparePicker};
use crate::components::embed::EmbedButton;
use crate::components::export::ExportButtons;
use crate::components::names_picker::NamesPicker;
use crate::components::own_timeline::{MakeYourOwn, Own};
use crate::components::search::Search;
use crate::components::side_panel::legend_entries;
use crate::components::timeline_picker::choices_of;
use crate::components::{TimelinePicker, YearSlider};
use crate::data::MapData;
use crate::model::date::Date;
use crate::model::passages::Corpus;
use crate::model::permalink::Names;
use crate::model::search::Target;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Controls(
    data: Arc<MapData>,
    now: Now,
    shown: Shown,
    own: Own,
    loaded: Memo<Option<Arc<Corpus>>>,
    /// The regions picked for an edit (a new timeline starts with them).
    picked: RwSignal<Vec<String>>,
    /// A search result: its moment.
    on_pick: Callback<Target>,
    /// The map's size on screen (the downloaded legend lists what it shows).
    screen: RwSignal<(f64, f64)>,
) -> impl IntoView {
    let Now {
        year,
        timeline,
        compare,
        compare_year_set,
        names,
        camera,
        steps,
        ..
    } = now;
    let choices = Memo::new({
        let data = data.clone();
        move |_| {
            own.revision.track();
            loaded.with(|c| choices_of(&data.atlas(), &data.source_names, c.as_deref()))
        }
    });
    let ticks = Memo::new(move |_| shown.maps.with(|m| m.0.change_years()));
    let divergence = Memo::new({
        let data = data.clone();
        move |_| {
            own.revision.track();
            let on_screen = timeline.get();
            slider_marks(
                &data.atlas(),
                &on_screen,
                compare.get().filter(|c| *c != on_screen).as_deref(),
            )
        }
    });
    let on_timeline =
        Callback::new(move |t: String| now.step(&|m| m.timeline = t.clone(), HistoryMode::Push));
    let on_compare = Callback::new(move |(c, cy): Choice| {
        now.step(
            &|m| {
                m.compare = c.clone();
                m.compare_year = if c.is_some() { cy } else { None };
            },
            HistoryMode::Push,
        )
    });
    let on_names = Callback::new(move |n: Names| now.step(&|m| m.names = n, HistoryMode::Push));
    // A link to a moment that shows a reader's own timeline carries that timeline.
    let copy_link = {
        let data = data.clone();
        move |_| now.copy_link(&data, own)
    };
    let embed_src = Signal::derive({
        let data = data.clone();
        move || now.link(&data, own, true)
    });
    let embed_title = Signal::derive({
        let captions = shown.captions;
        move || format!("Uchronia: {}", captions.with(|n| n.0.clone()))
    });
    // Making, opening and dropping the reader's own timelines.
    let (on_create, on_open) = file_handlers(data.clone(), own, loaded, picked, steps);
    let shown_name = Signal::derive({
        let shown = shown.clone();
        move || {
            let id = timeline.get();
            let name = shown.timeline_name(&id);
            (id, name)
        }
    });
    // What a downloaded picture prints beside the map.
    let picture_title = Signal::derive({
        let shown = shown.clone();
        move || {
            format!(
                "{} — {}",
                shown.timeline_name(&timeline.get()),
                Date::for_year(year.get()).long()
            )
        }
    });
    let picture_legend = Signal::derive({
        let data = data.clone();
        let states = shown.states;
        move || states.with(|s| legend_entries(&data, s, camera.get(), screen.get()))
    });
    let geojson = Callback::new({
        let data = data.clone();
        let maps = shown.maps;
        move |()| {
            let m = maps.get_untracked();
            let map = m.0.year(year.get_untracked());
            crate::model::dissolve::map_geojson(&data.decoded, &data.atlas(), &m.0, map).to_string()
        }
    });
    view! {
        <section class="controls" aria-label="Moment">
            <div class="pickers">
                <TimelinePicker choices=choices value=timeline on_change=on_timeline />
                <ComparePicker
                    timelines=shown.timeline_names
                    shown=timeline
                    year=year
                    compare=compare
                    compare_year=compare_year_set
                    on_change=on_compare
                />
            </div>
            <YearSlider year=year on_change=now.on_year() ticks=ticks divergence=divergence />
            <div class="tools">
                <Search data=data.clone() corpus=loaded on_pick=on_pick revision=own.revision />
                <div class="tool-row">
                    <NamesPicker value=names on_change=on_names />
                    <button type="button" class="copy-link" on:click=copy_link>"Copy link"</button>
                    <EmbedButton src=embed_src title=embed_title />
                </div>
                <MakeYourOwn
                    shown=shown_name
                    year=year
                    on_create=on_create
                    on_open=on_open
                    data=data.clone()
                />
                <ExportButtons
                    title=picture_title
                    legend=picture_legend
                    link=now.address()
                    file=Signal::derive(move || format!("uchronia-{}-{}", timeline.get(), year.get()))
                    geojson=geojson
                />
            </div>
        </section>
    }
}
