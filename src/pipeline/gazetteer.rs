//! The gazetteer: names of regions and places in the languages of the texts, found in text
//! as whole words, regardless of case.

use super::files::read_json;
use super::{PipelineError, Result};
use crate::model::passages::Place;
pub use crate::model::passages::RegionNames;
use crate::model::topology::Decoded;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const GAZETTEER: &str = "authored/gazetteer.json";

/// A city or site: its English name, its other names, and where it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceNames {
    pub id: String,
    pub name: String,
    /// Its name in the language of the place in those years (München, Warszawa, Москва).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
    #[serde(default)]
    pub names: Vec<String>,
    pub lon: f64,
    pub lat: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerFile {
    pub regions: Vec<RegionNames>,
    pub places: Vec<PlaceNames>,
}

/// The gazetteer with each place placed in its region.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub file: GazetteerFile,
    /// The region of each place, in file order.
    pub place_regions: Vec<String>,
}

/// Finds `name` in `text` as a whole word (or words), ignoring case.
pub fn mentions(text: &str, name: &str) -> bool {
    let hay = text.to_lowercase();
    let needle = name.to_lowercase();
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(&needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

impl Gazetteer {
    /// Loads the gazetteer and places every place in a region of the topology.
    pub fn load(data: &Path, decoded: &Decoded) -> Result<Gazetteer> {
        let path = data.join(GAZETTEER);
        let file: GazetteerFile = read_json(&path)?;
        let name = path.display().to_string();
        let mut place_regions = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for (i, p) in file.places.iter().enumerate() {
            let record = format!("places[{i}] '{}'", p.id);
            if crate::model::permalink::parse_id(&p.id).is_err() || !ids.insert(p.id.as_str()) {
                return Err(PipelineError::new(
                    &name,
                    record,
                    "id must be unique, lowercase letters, digits and hyphens",
                ));
            }
            if decoded.region_index(&p.id).is_some() {
                return Err(PipelineError::new(
                    &name,
                    record,
                    "id is also a region's id",
                ));
            }
            let region = decoded
                .topology
                .to_map(p.lon, p.lat)
                .and_then(|m| decoded.region_at(m))
                .ok_or_else(|| {
                    PipelineError::new(
                        &name,
                        &record,
                        format!("{},{} lies in no region of the map", p.lon, p.lat),
                    )
                })?;
            place_regions.push(decoded.topology.regions[region].id.clone());
        }
        for (i, r) in file.regions.iter().enumerate() {
            for id in &r.regions {
                if decoded.region_index(id).is_none() {
                    return Err(PipelineError::new(
                        &name,
                        format!("regions[{i}]"),
                        format!("no region '{id}'"),
                    ));
                }
            }
        }
        Ok(Gazetteer {
            file,
            place_regions,
        })
    }

    /// The ids of the places a text names, in gazetteer order.
    pub fn places_in(&self, text: &str) -> Vec<String> {
        self.file
            .places
            .iter()
            .filter(|p| {
                std::iter::once(&p.name)
                    .chain(&p.names)
                    .any(|n| mentions(text, n))
            })
            .map(|p| p.id.clone())
            .collect()
    }

    /// The regions a text names, and the regions of the given places, without repeats.
    pub fn regions_in(&self, text: &str, places: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in &self.file.regions {
            if r.names.iter().any(|n| mentions(text, n)) {
                for id in &r.regions {
                    if !out.contains(id) {
                        out.push(id.clone());
                    }
                }
            }
        }
        for (p, region) in self.file.places.iter().zip(&self.place_regions) {
            if places.contains(&p.id) && !out.contains(region) {
                out.push(region.clone());
            }
        }
        out
    }

    /// The places with their regions, as the page and the command line use them.
    pub fn places(&self) -> Vec<Place> {
        self.file
            .places
            .iter()
            .zip(&self.place_regions)
            .map(|(p, r)| Place {
                id: p.id.clone(),
                name: p.name.clone(),
                local: p.local.clone().filter(|l| *l != p.name),
                names: p.names.iter().filter(|n| **n != p.name).cloned().collect(),
                lon: p.lon,
                lat: p.lat,
                region: r.clone(),
            })
            .collect()
    }
}
