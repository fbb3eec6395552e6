//! The stage: the map (and the map beside it), the side panel with the passages, the legend,
//! the editor of a reader's own timeline and what differs, and a text read with the map.

use super::authoring::{leave_timeline, Picking};
use super::moment::Now;
use super::reading::{reading, Reading};
use super::shown::Shown;
use super::url::HistoryMode;
use crate::components::compare::WhatDiffers;
use crate::components::map::places::places_of;
use crate::components::map::scene::{Scene, ShownState};
use crate::components::map::Lens;
use crate::components::own_timeline::{Editor, Own};
use crate::components::read_along::ReadAlong;
use crate::components::side_panel::{CorpusState, SidePanel};
use crate::components::MapView;
use crate::data::MapData;
use crate::model::camera::Camera;
use crate::model::search::Target;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Stage(
    data: Arc<MapData>,
    now: Now,
    shown: Shown,
    own: Own,
    corpus: CorpusState,
    picking: Picking,
    /// The map's view when the address gives none.
    home: Camera,
    /// The map's size on screen.
    screen: RwSignal<(f64, f64)>,
    /// A link in a passage: its moment.
    on_pick: Callback<Target>,
) -> impl IntoView {
    let Now {
        year,
        timeline,
        selection,
        compare,
        names,
        camera,
        steps,
        ..
    } = now;
    let loaded = corpus.loaded;
    let Picking {
        picked,
        pick_several,
        lasso,
        editing,
        on_select,
        box_select,
        picked_indices,
    } = picking;
    let selected = Memo::new({
        let data = data.clone();
        move |_| selection.with(|s| s.as_deref().and_then(|r| data.decoded.region_index(r)))
    });
    let selected_place = Memo::new({
        let data = data.clone();
        move |_| {
            selection
                .get()
                .filter(|id| data.decoded.region_index(id).is_none())
        }
    });
    // Places the shown timeline's texts speak of.
    let places = Memo::new({
        let data = data.clone();
        move |_| loaded.with(|c| places_of(&data, c.as_deref(), &timeline.get(), names.get()))
    });
    // A place, or a row of What differs, chosen.
    let on_choose = Callback::new(move |id: String| now.select(Some(id)));
    let on_camera_settled = now.on_camera_settled(data.clone());
    // Read with the map: a text beside the map, which follows the passage in view.
    let Reading {
        reading,
        named,
        on_read_along,
        on_read_at,
    } = reading(data.clone(), steps, loaded, camera, screen);
    // The two maps move together.
    let lens = Lens::new(camera);
    // Where the handle over the two maps stands on a phone, in percent of the width.
    let swipe = RwSignal::new(50u8);
    // A map of the moment (the main one, or the compared one beside it).
    let map_of = {
        let data = data.clone();
        move |scene: Scene,
              states: Memo<Vec<ShownState>>,
              which: &'static str,
              caption: Signal<Option<String>>| {
            view! {
                <MapView
                    data=data.clone()
                    scene=scene
                    states=states
                    selected=selected
                    places=places
                    selected_place=selected_place
                    on_select_place=on_choose
                    camera=lens
                    home=home
                    on_select=on_select
                    picked=picked_indices
                    named=named
                    box_select=box_select
                    on_camera_settled=on_camera_settled
                    which=which
                    caption=caption
                    screen=screen
                />
            }
        }
    };
    let captions = shown.captions;
    let main_caption = Signal::derive(move || {
        compare
            .with(Option::is_some)
            .then(|| captions.with(|n| n.0.clone()))
    });
    let main_map = map_of(shown.scene.clone(), shown.states, "main", main_caption);
    let beside = {
        let (data, shown) = (data.clone(), shown.clone());
        move || {
            shown.compare_maps.get().map(|other| {
                let (scene, states, caption) = shown.beside(&data, now, other);
                map_of(scene, states, "compared", caption)
            })
        }
    };
    let editor_data = StoredValue::new(data.clone());
    view! {
        <div class="stage" class:reading=move || reading.with(Option::is_some)>
            <div
                class="maps"
                class:two=move || compare.with(Option::is_some)
                style=move || format!("--swipe: {}%", swipe.get())
            >
                <Show when=move || compare.with(Option::is_some)>
                    // On a phone the compared map lies over the first: the handle shows
                    // the first map left of it and the compared one right of it.
                    <input
                        type="range"
                        class="swipe"
                        min="0"
                        max="100"
                        aria-label="Swipe between the two maps"
                        prop:value=move || swipe.get().to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                                swipe.set(v.min(100));
                            }
                        }
                    />
                </Show>
                {main_map}
                {beside}
            </div>
            <SidePanel
                data=data.clone()
                corpus=corpus
                maps=shown.maps
                year=year
                selection=selection
                states=shown.states
                camera=lens.drawn
                screen=screen
                names=names
                on_close=Callback::new(move |()| now.select(None))
                on_link=on_pick
                on_read_along=Callback::new(move |id: String| on_read_along.run(Some(id)))
            >
                <Show when=move || editing.get()>
                    <Editor
                        data=editor_data.get_value()
                        own=own
                        timeline=timeline
                        year=year
                        picked=picked
                        pick_several=pick_several
                        lasso=lasso
                        on_year=Callback::new(move |y: i32| now.step(&|m| m.year = y, HistoryMode::Push))
                        states=shown.states
                        corpus=loaded
                        link=now.address()
                        on_deleted=Callback::new(move |base: String| {
                            let gone = timeline.get_untracked();
                            leave_timeline(steps, picked, &gone, &base, HistoryMode::Push)
                        })
                    />
                </Show>
                <Show when=move || compare.with(Option::is_some)>
                    <WhatDiffers
                        rows=shown.diff_rows
                        names=shown.captions
                        corpus=loaded
                        on_select=on_choose
                    />
                </Show>
            </SidePanel>
            <Show when=move || reading.with(Option::is_some)>
                <ReadAlong
                    corpus=loaded
                    at=Signal::derive(move || reading.get().unwrap_or_default())
                    on_at=on_read_at
                    on_close=Callback::new(move |()| on_read_along.run(None))
                    on_link=on_pick
                />
            </Show>
        </div>
    }
}
