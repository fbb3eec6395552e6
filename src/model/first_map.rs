//! The first map: a picture of the map that the page shows before the atlas has started.
//! The pipeline writes it to `build/first-map.json`: the coarse region paths (those the atlas
//! draws at its opening view), that view, and for each timeline the site serves and each year
//! of the slider, each region's fill. `public/boot.js` draws it for a link that asks for
//! nothing but a timeline and a year, before it loads the atlas's wasm; the atlas takes its
//! place once its own map is drawn. Everything in it is computed here, by the rules the atlas
//! draws with ([`TimelineMaps::fill`]), so that the picture is the map the atlas then shows.

use super::atlas::{Atlas, AtlasError};
use super::camera::Camera;
use super::date::FIRST_YEAR;
use super::map_state::{border_pairs, TimelineMaps, NO_HOLDER_FILL};
use super::paths::{coarse_arcs, paths};
use super::permalink::{DEFAULT_TIMELINE, DEFAULT_YEAR};
use super::topology::Decoded;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "uchronia-first-map";
pub const VERSION: u32 = 1;

/// The contents of `build/first-map.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstMap {
    pub format: String,
    pub version: u32,
    /// The opening view, `[x, y, width, height]` in map units, as the atlas's `viewBox`.
    pub view_box: [f64; 4],
    /// What a link without `t` or `y` shows.
    pub timeline: String,
    pub year: i32,
    /// The year of the first row of each timeline's `fills`.
    pub first_year: i32,
    /// Region ids, in the topology's order.
    pub regions: Vec<String>,
    /// Each region's coarse SVG path.
    pub paths: Vec<String>,
    /// The fills used, the first for a region no record holds.
    pub colours: Vec<String>,
    /// Each timeline the site serves, by id.
    pub timelines: BTreeMap<String, Pictured>,
}

/// A timeline in the first map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pictured {
    /// Its name, said beside the picture ("Red Triumph, 1924").
    pub name: String,
    /// One row per year from `first_year`: each region's fill, as an index into `colours`.
    pub fills: Vec<Vec<u16>>,
}

impl FirstMap {
    /// The first map of every timeline in `atlas` over the regions of `decoded`.
    pub fn new(decoded: &Decoded, atlas: &Atlas) -> Result<FirstMap, AtlasError> {
        let pairs = border_pairs(&decoded.sides);
        let coarse = paths(decoded, &pairs, &coarse_arcs(decoded));
        let topology = &decoded.topology;
        let ids: Vec<&str> = topology.regions.iter().map(|r| r.id.as_str()).collect();
        let b = Camera::home(topology).view_box(topology.unit_m);
        let mut colours = vec![NO_HOLDER_FILL.to_string()];
        let mut timelines = BTreeMap::new();
        for timeline in &atlas.timelines {
            let maps = TimelineMaps::new(atlas, &timeline.id, &ids)?;
            let rows = maps
                .years
                .iter()
                .map(|map| {
                    (0..ids.len())
                        .map(|i| {
                            let fill = maps.fill(map, i);
                            let k = colours.iter().position(|c| c == fill).unwrap_or_else(|| {
                                colours.push(fill.to_string());
                                colours.len() - 1
                            });
                            u16::try_from(k).unwrap_or(0)
                        })
                        .collect()
                })
                .collect();
            timelines.insert(
                timeline.id.clone(),
                Pictured {
                    name: timeline.name.clone(),
                    fills: rows,
                },
            );
        }
        Ok(FirstMap {
            format: FORMAT.to_string(),
            version: VERSION,
            view_box: [b[0], b[1], b[2] - b[0], b[3] - b[1]].map(f64::round),
            timeline: DEFAULT_TIMELINE.to_string(),
            year: DEFAULT_YEAR,
            first_year: FIRST_YEAR,
            regions: ids.iter().map(|id| id.to_string()).collect(),
            paths: coarse.regions,
            colours,
            timelines,
        })
    }

    /// The fill of a region (by id) in a timeline's year, as the first map draws it.
    pub fn fill(&self, timeline: &str, year: i32, region: &str) -> Option<&str> {
        let i = self.regions.iter().position(|r| r == region)?;
        let row = self
            .timelines
            .get(timeline)?
            .fills
            .get(usize::try_from(year - self.first_year).ok()?)?;
        self.colours
            .get(usize::from(*row.get(i)?))
            .map(String::as_str)
    }
}
