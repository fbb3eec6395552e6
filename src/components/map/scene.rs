//! What the map shows, as one signal per region and one per border: a year step sets only
//! the signals its diff names, so only those elements repaint.

use crate::data::MapData;
use crate::model::atlas::Status;
use crate::model::compare::{alike, Side};
use crate::model::map_state::{Cell, MapState, StateArea, TimelineMaps};
use crate::model::permalink::Names;
use leptos::prelude::*;
use std::sync::Arc;

/// A timeline's year maps, compared by identity (they are computed once per timeline).
#[derive(Debug, Clone)]
pub struct Maps(pub Arc<TimelineMaps>);

impl PartialEq for Maps {
    fn eq(&self, other: &Maps) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the map shows for one region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionLook {
    pub fill: String,
    /// Held by occupation or through a puppet: drawn hatched.
    pub hatched: bool,
    /// Differs from real history by inference, or after the text: drawn dotted.
    pub dotted: bool,
    /// Held otherwise on the map it is compared with: "Germany in Real history".
    pub differs: Option<String>,
    /// The accessible name: the region's English name, then its holder.
    pub name: String,
    /// What the tooltip says.
    pub tooltip: String,
}

/// "occupied · France", or nothing for a part of the holder, on the day `map` shows.
pub fn status_words(maps: &TimelineMaps, map: &MapState, cell: &Cell, names: Names) -> String {
    let of = cell.of.and_then(|i| maps.state_name(map, i, names));
    match (cell.status, of) {
        (Status::Part, _) => String::new(),
        (s, Some(of)) => format!(" ({} · {of})", s.label()),
        (s, None) => format!(" ({})", s.label()),
    }
}

/// The other map of a comparison, for the looks of this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Other {
    pub maps: Maps,
    pub year: i32,
    /// How the other map is named in "differs: Germany in Real history".
    pub label: String,
}

/// The look of region `i` in a map, compared with `other` if there is one.
pub fn look_of(
    data: &MapData,
    maps: &TimelineMaps,
    state: &MapState,
    other: Option<&Other>,
    names: Names,
    i: usize,
) -> RegionLook {
    let en = data
        .decoded
        .topology
        .regions
        .get(i)
        .map_or("", |r| r.name_in(names));
    let differs = other.and_then(|o| {
        let (here, there) = (
            Side { maps, map: state },
            Side {
                maps: &o.maps.0,
                map: o.maps.0.year(o.year),
            },
        );
        (!alike(here, there, i)).then(|| {
            let holder = there.holder_name(i, names).unwrap_or("no holder");
            format!("{holder} in {}", o.label)
        })
    });
    let also = differs
        .as_ref()
        .map(|d| format!(", differs: {d}"))
        .unwrap_or_default();
    match state.cells.get(i).copied().flatten() {
        Some(cell) => {
            let holder = maps
                .state_name(state, cell.holder, names)
                .unwrap_or("no holder");
            let status = status_words(maps, state, &cell, names);
            RegionLook {
                fill: maps.fill(state, i).to_string(),
                hatched: cell.hatched(),
                dotted: cell.dotted,
                name: format!("{en}, {holder}{status}{also}"),
                tooltip: format!("{en} — {holder}{status}{also}"),
                differs,
            }
        }
        None => RegionLook {
            fill: maps.fill(state, i).to_string(),
            hatched: false,
            dotted: false,
            name: format!("{en}, no holder recorded{also}"),
            tooltip: format!("{en} — no holder recorded{also}"),
            differs,
        },
    }
}

/// A state on the map for the legend and the labels.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownState {
    pub name: String,
    pub colour: String,
    pub area_km2: f64,
    /// Its regions, largest first.
    pub parts: Vec<usize>,
}

/// The states of a map, largest first.
pub fn shown_states(
    data: &MapData,
    maps: &TimelineMaps,
    map: &MapState,
    names: Names,
) -> Vec<ShownState> {
    let areas: Vec<f64> = data
        .decoded
        .topology
        .regions
        .iter()
        .map(|r| r.area_km2)
        .collect();
    map.states_on_map(&areas)
        .into_iter()
        .map(
            |StateArea {
                 state,
                 area_km2,
                 parts,
             }| ShownState {
                name: maps
                    .state_name(map, state, names)
                    .unwrap_or_default()
                    .to_string(),
                colour: maps.states[state].colour.clone(),
                area_km2,
                parts,
            },
        )
        .collect()
}

/// One signal per region (its look) and per border pair (shown or not).
#[derive(Clone)]
pub struct Scene {
    pub looks: Arc<[RwSignal<RegionLook>]>,
    pub borders: Arc<[RwSignal<bool>]>,
}

impl Scene {
    /// Keeps the signals in step with `maps` and `year` (and the map compared with, if any):
    /// on a year step within a timeline, with nothing compared, it applies the model's diff;
    /// otherwise it compares every region.
    pub fn follow(
        data: Arc<MapData>,
        maps: Memo<Maps>,
        year: Memo<i32>,
        other: Signal<Option<Other>>,
        names: Signal<Names>,
    ) -> Scene {
        let (m, y, o, n) = (
            maps.get_untracked(),
            year.get_untracked(),
            other.get_untracked(),
            names.get_untracked(),
        );
        let first = m.0.year(y);
        let scene = Scene {
            looks: (0..data.region_count())
                .map(|i| RwSignal::new(look_of(&data, &m.0, first, o.as_ref(), n, i)))
                .collect(),
            borders: data
                .pairs
                .iter()
                .map(|&[a, b]| RwSignal::new(first.border(a, b)))
                .collect(),
        };
        let shown = StoredValue::new((m, y, o, n));
        let (looks, borders) = (scene.looks.clone(), scene.borders.clone());
        // The signals live outside the reactive graph's values: this effect writes them.
        Effect::new(move |_| {
            let (m, y, o, n) = (maps.get(), year.get(), other.get(), names.get());
            let (before, before_year, before_other, before_names) = shown.get_value();
            let now = m.0.year(y);
            let (regions, pairs): (Vec<usize>, Vec<usize>) =
                if before == m && before_other.is_none() && o.is_none() && before_names == n {
                    let step = m.0.step(before.0.year(before_year), now, &data.pairs);
                    (step.regions, step.borders)
                } else {
                    ((0..looks.len()).collect(), (0..borders.len()).collect())
                };
            for i in regions {
                let look = look_of(&data, &m.0, now, o.as_ref(), n, i);
                if let Some(s) = looks.get(i) {
                    if s.with_untracked(|l| *l != look) {
                        s.set(look);
                    }
                }
            }
            for k in pairs {
                if let (Some(s), Some(&[a, b])) = (borders.get(k), data.pairs.get(k)) {
                    let on = now.border(a, b);
                    if s.get_untracked() != on {
                        s.set(on);
                    }
                }
            }
            shown.set_value((m, y, o, n));
        });
        scene
    }
}
