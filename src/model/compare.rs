//! What differs between two maps (two timelines, or one timeline in two years): each region
//! whose holder or status differs, since when, and the record that causes it.

use super::atlas::{Atlas, Ownership, Record, State};
use super::date::Date;
use super::map_state::{MapState, RecordRef, TimelineMaps};
use super::permalink::Names;
use std::cell::OnceCell;

/// One map of a comparison: a timeline's maps and the map of the moment.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub maps: &'a TimelineMaps,
    pub map: &'a MapState,
}

/// A region held differently on the two sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub region: usize,
    /// The holder's name on this side and on the other (`None`: no holder recorded).
    pub here: Option<String>,
    pub there: Option<String>,
    /// The day the difference holds from: the later of the two records' first days.
    pub since: Date,
    /// The record that makes it: this side's where it is the later one, else the other's.
    pub cause: RecordRef,
}

impl<'a> Side<'a> {
    /// Holder id, status and `of` id of a region: what must match for two maps to agree.
    fn key(&self, i: usize) -> Option<(&'a str, super::atlas::Status, Option<&'a str>)> {
        let c = self.map.cells.get(i).copied().flatten()?;
        let id = |k: usize| self.maps.states.get(k).map(|s| s.id.as_str());
        Some((id(c.holder)?, c.status, c.of.and_then(id)))
    }

    /// The state that holds region `i` on this side, if any.
    pub fn holder(&self, i: usize) -> Option<&'a State> {
        let c = self.map.cells.get(i).copied().flatten()?;
        self.maps.states.get(c.holder)
    }

    /// The name of the holder of region `i` on this side's day, if any.
    pub fn holder_name(&self, i: usize, names: Names) -> Option<&'a str> {
        let c = self.map.cells.get(i).copied().flatten()?;
        self.maps.state_name(self.map, c.holder, names)
    }
}

/// The record a reference names.
pub fn record(atlas: &Atlas, r: RecordRef) -> Option<&Record> {
    atlas.timelines.get(r.timeline)?.records.get(r.record)
}

/// Whether region `i` is held alike on both sides (same holder, status and overlord).
pub fn alike(here: Side<'_>, there: Side<'_>, i: usize) -> bool {
    here.key(i) == there.key(i)
}

/// The regions held differently on the two sides, in region order. For two timelines on one
/// day, `since` is the first day of the difference as it stands (the sides agreed the day
/// before, or it holds from the armistice), and the cause is the record that begins that day
/// (this side's if both begin then). For one timeline in two years, it is this side's record.
pub fn differences(atlas: &Atlas, here: Side<'_>, there: Side<'_>) -> Vec<Difference> {
    let same_timeline = here.maps.timeline == there.maps.timeline;
    let (ta, tb) = (here.maps.timeline.as_str(), there.maps.timeline.as_str());
    // The two timelines' records, indexed once for all the regions that differ.
    let owners = OnceCell::new();
    // Holder id, status and `of` id of a region on a day on one side.
    let held = |side: &Option<Ownership>, day: Date, region: &str| {
        let h = side.as_ref()?.at(day, &[region]).pop().flatten()?;
        Some((h.state.id.clone(), h.record.status, h.record.of.clone()))
    };
    (0..here.map.cells.len())
        .filter(|&i| !alike(here, there, i))
        .filter_map(|i| {
            let a = here.map.cells.get(i).copied().flatten();
            let b = there.map.cells.get(i).copied().flatten();
            let begins = |c: Option<super::map_state::Cell>| {
                c.and_then(|c| record(atlas, c.record).map(|r| (r.from, c.record)))
            };
            let (since, cause) = if same_timeline {
                begins(a).or(begins(b))?
            } else {
                let region = here.maps.region_id(i)?;
                // Every day on which either side's record for the region changes, latest first.
                let mut days: Vec<(Date, RecordRef, bool)> = Vec::new();
                for (side, t) in [(true, ta), (false, tb)] {
                    for (r, owner, index) in atlas.records_of(t, region).ok()? {
                        let timeline = atlas.timelines.iter().position(|x| x.id == owner)?;
                        if r.from <= here.map.date {
                            days.push((
                                r.from,
                                RecordRef {
                                    timeline,
                                    record: index,
                                },
                                side,
                            ));
                        }
                    }
                }
                days.sort_by(|x, y| y.0.cmp(&x.0).then(y.2.cmp(&x.2)));
                let (oa, ob) =
                    owners.get_or_init(|| (atlas.ownership(ta).ok(), atlas.ownership(tb).ok()));
                days.iter()
                    .find(|(d, _, _)| {
                        *d <= Date::START
                            || held(oa, d.previous(), region) == held(ob, d.previous(), region)
                    })
                    .or(days.last())
                    .map(|&(d, r, _)| (d, r))?
            };
            Some(Difference {
                region: i,
                here: here.holder_name(i, Names::English).map(str::to_string),
                there: there.holder_name(i, Names::English).map(str::to_string),
                since,
                cause,
            })
        })
        .collect()
}
