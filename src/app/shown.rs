//! What the moment shows: each timeline's maps (computed once per timeline and kept), the
//! scene of the map and of the map beside it, the states on the map, and what differs
//! between the two.

use super::moment::Now;
use crate::components::compare::{diff_rows, DiffRow};
use crate::components::map::scene::{shown_states, Maps, Other, Scene, ShownState};
use crate::components::own_timeline::Own;
use crate::data::MapData;
use crate::model::map_state::TimelineMaps;
use crate::model::permalink::Names;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The maps of a timeline; a timeline the data cannot resolve (checked at load) shows no holder.
fn maps_of(data: &MapData, timeline: &str) -> Maps {
    let ids = data.region_ids();
    Maps(Arc::new(
        TimelineMaps::new(&data.atlas(), timeline, &ids)
            .unwrap_or_else(|_| TimelineMaps::empty(timeline, &ids)),
    ))
}

/// What the moment shows, computed from it once and read by the controls and the stage.
#[derive(Clone)]
pub struct Shown {
    /// The shown timeline's maps: a step is a lookup and a diff.
    pub maps: Memo<Maps>,
    /// The maps of the timeline beside, if there is one.
    pub compare_maps: Memo<Option<Maps>>,
    /// Each timeline's id and name (a reader's own timelines included).
    pub timeline_names: Memo<Vec<(String, String)>>,
    /// The captions "Timeline, year" of the map and of the map beside it.
    pub captions: Memo<(String, String)>,
    pub scene: Scene,
    /// The states on the map. Equal lists do not notify: the names on the map and the legend
    /// recompute only when the states or their lands change.
    pub states: Memo<Vec<ShownState>>,
    /// What differs between the two maps.
    pub diff_rows: Memo<Vec<DiffRow>>,
}

impl Shown {
    /// Follows the moment: the shown timeline's maps and those of the map beside it, their
    /// captions, the scene, the states on the map and what differs.
    pub fn of(data: &Arc<MapData>, own: Own, now: Now) -> Shown {
        let Now {
            year,
            timeline,
            names: names_in,
            compare,
            compare_year,
            ..
        } = now;
        // Each timeline's maps are computed once and kept (the compared map reuses them).
        let computed = StoredValue::new(HashMap::<String, Maps>::new());
        // A reader's own timeline is recomputed after each edit (its key names the revision).
        let maps_for = {
            let data = data.clone();
            move |id: &str| {
                let key = if !data.is_own(id) {
                    id.to_string()
                } else {
                    format!("{id}@{}", own.revision.get())
                };
                if let Some(m) = computed.with_value(|c| c.get(&key).cloned()) {
                    return m;
                }
                let m = maps_of(&data, id);
                computed.update_value(|c| {
                    c.retain(|k, _| !k.starts_with(&format!("{id}@")));
                    c.insert(key, m.clone());
                });
                m
            }
        };
        let maps = Memo::new({
            let maps_for = maps_for.clone();
            move |_| maps_for(&timeline.get())
        });
        let compare_maps = Memo::new(move |_| compare.get().map(|c| maps_for(&c)));
        let timeline_names = Memo::new({
            let data = data.clone();
            move |_| {
                own.revision.track();
                data.atlas()
                    .timelines
                    .iter()
                    .map(|t| (t.id.clone(), t.name.clone()))
                    .collect::<Vec<_>>()
            }
        });
        let name_of = move |id: &str, y: i32| format!("{}, {y}", name_in(timeline_names, id));
        let captions = Memo::new(move |_| {
            (
                name_of(&timeline.get(), year.get()),
                compare
                    .get()
                    .map(|c| name_of(&c, compare_year.get()))
                    .unwrap_or_default(),
            )
        });
        let other_of_main = Signal::derive(move || {
            Some(Other {
                maps: compare_maps.get()?,
                year: compare_year.get(),
                label: captions.with(|n| n.1.clone()),
            })
        });
        let scene = Scene::follow(data.clone(), maps, year, other_of_main, names_in.into());
        let diff_rows = Memo::new({
            let data = data.clone();
            move |_| {
                compare_maps
                    .with(|other| {
                        let other = other.as_ref()?;
                        Some(maps.with(|m| {
                            let years = (year.get(), compare_year.get());
                            diff_rows(&data, (&m.0, years.0), (&other.0, years.1), names_in.get())
                        }))
                    })
                    .unwrap_or_default()
            }
        });
        let states = states_of(data.clone(), maps, year, names_in);
        Shown {
            maps,
            compare_maps,
            timeline_names,
            captions,
            scene,
            states,
            diff_rows,
        }
    }

    /// A timeline's name (its id if it has none).
    pub fn timeline_name(&self, id: &str) -> String {
        name_in(self.timeline_names, id)
    }

    /// The map beside the first: the other timeline (or year), compared back with the first;
    /// its scene, its states and its caption.
    pub fn beside(
        &self,
        data: &Arc<MapData>,
        now: Now,
        other: Maps,
    ) -> (Scene, Memo<Vec<ShownState>>, Signal<Option<String>>) {
        let Now {
            year,
            compare_year,
            names: names_in,
            ..
        } = now;
        let (maps, captions) = (self.maps, self.captions);
        let other_maps = Memo::new(move |_| other.clone());
        let compared_back = Signal::derive(move || {
            Some(Other {
                maps: maps.get(),
                year: year.get(),
                label: captions.with(|n| n.0.clone()),
            })
        });
        let scene = Scene::follow(
            data.clone(),
            other_maps,
            compare_year,
            compared_back,
            names_in.into(),
        );
        let states = states_of(data.clone(), other_maps, compare_year, names_in);
        let caption = Signal::derive(move || Some(captions.with(|n| n.1.clone())));
        (scene, states, caption)
    }
}

/// The states on a map of `maps` in `year`, largest first.
fn states_of(
    data: Arc<MapData>,
    maps: Memo<Maps>,
    year: Memo<i32>,
    names: Memo<Names>,
) -> Memo<Vec<ShownState>> {
    Memo::new(move |_| maps.with(|m| shown_states(&data, &m.0, m.0.year(year.get()), names.get())))
}

fn name_in(timeline_names: Memo<Vec<(String, String)>>, id: &str) -> String {
    timeline_names.with(|list| {
        list.iter()
            .find(|(i, _)| i == id)
            .map_or(id.to_string(), |(_, name)| name.clone())
    })
}
