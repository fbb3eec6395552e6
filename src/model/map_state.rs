//! What the map shows at a moment: each region's holder, status and overlord, whether it is
//! drawn dotted, which region pairs have a border between them, and the states on the map
//! with their areas. A timeline's maps are computed once, one per year of the slider, so
//! that a year step is a lookup and a diff.

use super::atlas::{Atlas, AtlasError, Confidence, Ownership, State, Status};
use super::date::{Date, FIRST_YEAR, LAST_YEAR};
use super::permalink::Names;
use std::collections::HashMap;

/// Where a record is: its timeline's index in `Atlas::timelines` and its own index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecordRef {
    pub timeline: usize,
    pub record: usize,
}

/// What the map shows of one region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The holder: an index into [`TimelineMaps::states`].
    pub holder: usize,
    pub status: Status,
    /// The state the record's `of` names (sovereign, overlord or other claimant), if known.
    pub of: Option<usize>,
    /// Drawn dotted: the map differs here from the trunk (real history) on the atlas's
    /// inference, or after the timeline's text has stopped.
    pub dotted: bool,
    /// The record that decides it.
    pub record: RecordRef,
}

impl Cell {
    /// Held by occupation or through a puppet: drawn hatched.
    pub fn hatched(&self) -> bool {
        matches!(self.status, Status::Occupied | Status::Puppet)
    }
}

/// The map of a timeline on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    /// The day asked for.
    pub date: Date,
    /// The day whose borders and names the map shows: `date`, or the text's last day for a
    /// timeline that freezes after its text.
    pub shown: Date,
    /// The timeline's text has stopped before this day.
    pub after_text: bool,
    /// Per region (in the topology's order); `None` where no record has begun.
    pub cells: Vec<Option<Cell>>,
}

/// A state on the map with the land it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct StateArea {
    /// An index into [`TimelineMaps::states`].
    pub state: usize,
    pub area_km2: f64,
    /// Its regions, largest first.
    pub parts: Vec<usize>,
}

/// What changes from one map to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Step {
    /// Regions whose cell changed (fill, hatching, dots, or the record behind them).
    pub regions: Vec<usize>,
    /// Indices into the border pairs whose border appears or goes.
    pub borders: Vec<usize>,
}

impl MapState {
    /// Whether regions `a` and `b` have a state border between them: their holders differ.
    pub fn border(&self, a: usize, b: usize) -> bool {
        let holder = |i: usize| self.cells.get(i).copied().flatten().map(|c| c.holder);
        holder(a) != holder(b)
    }

    /// For each pair of neighbouring regions, whether a border is drawn between them.
    pub fn borders(&self, pairs: &[[usize; 2]]) -> Vec<bool> {
        pairs.iter().map(|&[a, b]| self.border(a, b)).collect()
    }

    /// What a step from this map to `to` (of the same timeline) changes.
    pub fn diff(&self, to: &MapState, pairs: &[[usize; 2]]) -> Step {
        let regions: Vec<usize> = (0..self.cells.len().max(to.cells.len()))
            .filter(|&i| self.cells.get(i) != to.cells.get(i))
            .collect();
        let borders = pairs
            .iter()
            .enumerate()
            .filter(|(_, &[a, b])| self.border(a, b) != to.border(a, b))
            .map(|(k, _)| k)
            .collect();
        Step { regions, borders }
    }

    /// The states on the map, largest first (then by index), each with its area and its
    /// regions largest first; `areas` are the regions' areas in km².
    pub fn states_on_map(&self, areas: &[f64]) -> Vec<StateArea> {
        let area = |i: usize| areas.get(i).copied().unwrap_or(0.0);
        let mut by_state: HashMap<usize, StateArea> = HashMap::new();
        for (i, cell) in self.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let e = by_state.entry(cell.holder).or_insert(StateArea {
                state: cell.holder,
                area_km2: 0.0,
                parts: Vec::new(),
            });
            e.area_km2 += area(i);
            e.parts.push(i);
        }
        let mut list: Vec<StateArea> = by_state.into_values().collect();
        for s in &mut list {
            s.parts
                .sort_by(|a, b| area(*b).total_cmp(&area(*a)).then(a.cmp(b)));
        }
        list.sort_by(|a, b| {
            b.area_km2
                .total_cmp(&a.area_km2)
                .then(a.state.cmp(&b.state))
        });
        list
    }
}

/// The fill of a region that no record holds.
pub const NO_HOLDER_FILL: &str = "#e8e4da";

/// The maps of one timeline: one per year of the slider, and any day on demand.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineMaps {
    pub timeline: String,
    /// Every state the timeline knows, as it defines them (its own definition before its
    /// base's).
    pub states: Vec<State>,
    /// The map of 31 December of each year from `FIRST_YEAR` to `LAST_YEAR`.
    pub years: Vec<MapState>,
    /// Region ids, in the topology's order.
    regions: Vec<String>,
    index: HashMap<String, usize>,
}

impl TimelineMaps {
    /// Computes the year maps of `timeline` for `regions` (the topology's region ids).
    pub fn new(
        atlas: &Atlas,
        timeline: &str,
        regions: &[&str],
    ) -> Result<TimelineMaps, AtlasError> {
        let mut states: Vec<State> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for t in atlas.lineage(timeline)? {
            for s in &t.states {
                if !index.contains_key(&s.id) {
                    index.insert(s.id.clone(), states.len());
                    states.push(s.clone());
                }
            }
        }
        let mut maps = TimelineMaps {
            timeline: timeline.to_string(),
            states,
            years: Vec::new(),
            regions: regions.iter().map(|r| r.to_string()).collect(),
            index,
        };
        // The records are indexed once for the 24 years.
        let (own, trunk) = maps.ownerships(atlas)?;
        maps.years = (FIRST_YEAR..=LAST_YEAR)
            .map(|y| maps.at_with(atlas, &own, trunk.as_ref(), Date::for_year(y)))
            .collect::<Result<_, _>>()?;
        Ok(maps)
    }

    /// Maps in which no region has a holder: what a page shows of a timeline it cannot
    /// resolve, rather than stop.
    pub fn empty(timeline: &str, regions: &[&str]) -> TimelineMaps {
        let blank = |y| MapState {
            date: Date::for_year(y),
            shown: Date::for_year(y),
            after_text: false,
            cells: vec![None; regions.len()],
        };
        TimelineMaps {
            timeline: timeline.to_string(),
            states: Vec::new(),
            years: (FIRST_YEAR..=LAST_YEAR).map(blank).collect(),
            regions: regions.iter().map(|r| r.to_string()).collect(),
            index: HashMap::new(),
        }
    }

    /// The map of a year on the slider (a year out of range gives the nearest).
    pub fn year(&self, year: i32) -> &MapState {
        let i = (year.clamp(FIRST_YEAR, LAST_YEAR) - FIRST_YEAR) as usize;
        &self.years[i.min(self.years.len().saturating_sub(1))]
    }

    /// The colour region `i` is filled with on `map`: its holder's, or [`NO_HOLDER_FILL`].
    pub fn fill(&self, map: &MapState, i: usize) -> &str {
        map.cells
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| self.states.get(c.holder))
            .map_or(NO_HOLDER_FILL, |s| s.colour.as_str())
    }

    /// What a step from map `from` to map `to` of this timeline changes: the regions whose
    /// cell changed, and those whose holder or overlord takes a new name between the two days
    /// (their names on the map change with it).
    pub fn step(&self, from: &MapState, to: &MapState, pairs: &[[usize; 2]]) -> Step {
        let mut step = from.diff(to, pairs);
        let renamed: Vec<bool> = self
            .states
            .iter()
            .map(|s| s.renamed_between(from.shown, to.shown))
            .collect();
        if renamed.contains(&true) {
            let named = |i: usize| renamed.get(i).copied().unwrap_or(false);
            let mut changed = vec![false; to.cells.len().max(from.cells.len())];
            for &i in &step.regions {
                changed[i] = true;
            }
            for (i, cell) in to.cells.iter().enumerate() {
                if let Some(c) = cell {
                    changed[i] |= named(c.holder) || c.of.is_some_and(named);
                }
            }
            step.regions = (0..changed.len()).filter(|&i| changed[i]).collect();
        }
        step
    }

    /// The name of state `i` on the day `map` shows.
    pub fn state_name(&self, map: &MapState, i: usize, names: Names) -> Option<&str> {
        self.states.get(i).map(|s| s.name_on(map.shown, names))
    }

    /// The id of region `i`.
    pub fn region_id(&self, i: usize) -> Option<&str> {
        self.regions.get(i).map(String::as_str)
    }

    /// The index of a state by id.
    pub fn state_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The map on any day.
    pub fn at(&self, atlas: &Atlas, date: Date) -> Result<MapState, AtlasError> {
        let (own, trunk) = self.ownerships(atlas)?;
        self.at_with(atlas, &own, trunk.as_ref(), date)
    }

    /// The timeline's records, and those of the trunk it branches from (real history) when
    /// that is another timeline: a border the atlas infers is marked only where it differs
    /// from the trunk's on that day.
    fn ownerships<'a>(
        &self,
        atlas: &'a Atlas,
    ) -> Result<(Ownership<'a>, Option<Ownership<'a>>), AtlasError> {
        let lineage = atlas.lineage(&self.timeline)?;
        let root = lineage
            .last()
            .map_or(self.timeline.as_str(), |t| t.id.as_str());
        let trunk = if root == self.timeline {
            None
        } else {
            Some(atlas.ownership(root)?)
        };
        Ok((atlas.ownership(&self.timeline)?, trunk))
    }

    fn at_with(
        &self,
        atlas: &Atlas,
        own: &Ownership,
        trunk: Option<&Ownership>,
        date: Date,
    ) -> Result<MapState, AtlasError> {
        let ids: Vec<&str> = self.regions.iter().map(String::as_str).collect();
        let holdings = own.at(date, &ids);
        let trunk = match trunk {
            Some(t) => t.at(date, &ids),
            None => holdings.clone(),
        };
        let after_text = atlas.after_text_ends(&self.timeline, date);
        let position = |id: &str| atlas.timelines.iter().position(|t| t.id == id);
        let cells = holdings
            .iter()
            .zip(trunk.iter().map(Some).chain(std::iter::repeat(None)))
            .map(|(h, t)| {
                let h = h.as_ref()?;
                let holder = self.state_index(&h.state.id)?;
                let differs = match t.copied().flatten() {
                    Some(t) => h.state.id != t.state.id || h.record.status != t.record.status,
                    None => true,
                };
                let timeline = position(h.timeline)?;
                let record = h.index;
                Some(Cell {
                    holder,
                    status: h.record.status,
                    of: h.record.of.as_deref().and_then(|of| self.state_index(of)),
                    dotted: differs
                        && (after_text
                            || matches!(
                                h.record.confidence,
                                Some(Confidence::Inferred | Confidence::Invented)
                            )),
                    record: RecordRef { timeline, record },
                })
            })
            .collect();
        Ok(MapState {
            date,
            shown: own.shown_day(date),
            after_text,
            cells,
        })
    }

    /// The years in which the map changes from the year before (the slider's ticks): the
    /// first year is not one.
    pub fn change_years(&self) -> Vec<i32> {
        self.years
            .windows(2)
            .zip(FIRST_YEAR + 1..)
            .filter(|(w, _)| w[0].cells != w[1].cells)
            .map(|(_, y)| y)
            .collect()
    }
}

/// The pairs of regions that share a border, each once, in order, from the regions on each
/// arc (see `Decoded::sides`).
pub fn border_pairs(sides: &[Vec<usize>]) -> Vec<[usize; 2]> {
    let mut pairs: Vec<[usize; 2]> = sides
        .iter()
        .filter_map(|s| match s[..] {
            [a, b] if a != b => Some([a.min(b), a.max(b)]),
            _ => None,
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
