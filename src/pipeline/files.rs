//! The authored files of `geodata/authored/` and their loaders. A loader never panics: a
//! malformed file gives an error naming the file, the record and the reason.

use super::{PipelineError, Result};
use crate::model::atlas::Timeline;
use geo::MultiPolygon;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The authored sources, relative to the data directory.
pub const RECIPE: &str = "authored/regions.json";
pub const CUTS: &str = "authored/cuts.geojson";
pub const TIMELINES_DIR: &str = "authored/timelines";
/// The pipeline's output, relative to the data directory; the page loads these.
pub const TOPOLOGY: &str = "build/topology.json";
pub const ATLAS: &str = "build/atlas.json";
pub const CORPUS: &str = "build/corpus.json";
pub const FIRST_MAP: &str = "build/first-map.json";

/// How a region is made from Natural Earth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    #[serde(default)]
    pub source: String,
    pub regions: Vec<RegionRecipe>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionRecipe {
    pub id: String,
    pub en: String,
    pub local: String,
    pub take: Vec<Take>,
    /// Keep only the part inside this cut.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// Remove the parts inside these cuts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<String>,
}

/// Admin-1 units of one country (by Natural Earth `name`), or the whole country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Take {
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<Vec<String>>,
}

/// Reads and parses a JSON file, naming the file and the place of any error.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| PipelineError::new(&file, "", format!("cannot read: {e}")))?;
    parse_json(&file, &text)
}

/// Parses JSON text; the error names the line and column and what was expected there.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| {
        PipelineError::new(
            file,
            format!("line {} column {}", e.line(), e.column()),
            e.to_string(),
        )
    })
}

/// The regions recipe, with its ids checked for uniqueness and form.
pub fn load_recipe(data: &Path) -> Result<Recipe> {
    let path = data.join(RECIPE);
    let recipe: Recipe = read_json(&path)?;
    check_recipe(&path.display().to_string(), &recipe)?;
    Ok(recipe)
}

pub fn check_recipe(file: &str, recipe: &Recipe) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, r) in recipe.regions.iter().enumerate() {
        let record = format!("regions[{i}] '{}'", r.id);
        if crate::model::permalink::parse_id(&r.id).is_err() {
            return Err(PipelineError::new(
                file,
                record,
                "id must be lowercase letters, digits and single hyphens",
            ));
        }
        if !seen.insert(r.id.as_str()) {
            return Err(PipelineError::new(file, record, "id used twice"));
        }
        if r.take.is_empty() {
            return Err(PipelineError::new(file, record, "takes no land"));
        }
        if r.en.trim().is_empty() || r.local.trim().is_empty() {
            return Err(PipelineError::new(
                file,
                record,
                "needs an English and a local name",
            ));
        }
    }
    Ok(())
}

/// The authored cut polygons by id (longitude, latitude).
pub fn load_cuts(data: &Path) -> Result<BTreeMap<String, MultiPolygon<f64>>> {
    let path = data.join(CUTS);
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| PipelineError::new(&file, "", format!("cannot read: {e}")))?;
    parse_cuts(&file, &text)
}

pub fn parse_cuts(file: &str, text: &str) -> Result<BTreeMap<String, MultiPolygon<f64>>> {
    let collection: geojson::FeatureCollection = text
        .parse::<geojson::GeoJson>()
        .map_err(|e| PipelineError::new(file, "", format!("not GeoJSON: {e}")))
        .and_then(|g| {
            geojson::FeatureCollection::try_from(g)
                .map_err(|e| PipelineError::new(file, "", format!("not a FeatureCollection: {e}")))
        })?;
    let mut cuts = BTreeMap::new();
    for (i, feature) in collection.features.into_iter().enumerate() {
        let id = feature
            .property("id")
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| {
                PipelineError::new(file, format!("features[{i}]"), "no string property 'id'")
            })?;
        let record = format!("features[{i}] '{id}'");
        let geometry = feature
            .geometry
            .ok_or_else(|| PipelineError::new(file, &record, "no geometry"))?;
        // The geojson crate's conversion assumes well-formed rings: check them first.
        let rings: Vec<&Vec<geojson::Position>> = match &geometry.value {
            geojson::GeometryValue::Polygon { coordinates } => coordinates.iter().collect(),
            geojson::GeometryValue::MultiPolygon { coordinates } => {
                coordinates.iter().flatten().collect()
            }
            _ => {
                return Err(PipelineError::new(
                    file,
                    &record,
                    "not a Polygon or MultiPolygon",
                ))
            }
        };
        if rings.is_empty()
            || rings
                .iter()
                .any(|r| r.len() < 4 || r.iter().any(|p| p.as_slice().len() < 2))
        {
            return Err(PipelineError::new(
                file,
                &record,
                "a ring needs at least four positions of longitude and latitude",
            ));
        }
        let shape: MultiPolygon<f64> = match geo::Geometry::<f64>::try_from(geometry) {
            Ok(geo::Geometry::Polygon(p)) => MultiPolygon(vec![p]),
            Ok(geo::Geometry::MultiPolygon(m)) => m,
            Ok(_) => {
                return Err(PipelineError::new(
                    file,
                    &record,
                    "not a Polygon or MultiPolygon",
                ))
            }
            Err(e) => return Err(PipelineError::new(file, &record, e.to_string())),
        };
        let finite = shape
            .0
            .iter()
            .flat_map(|p| {
                p.exterior()
                    .0
                    .iter()
                    .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
            })
            .all(|c| c.x.is_finite() && c.y.is_finite() && c.x.abs() <= 180.0 && c.y.abs() <= 90.0);
        if !finite {
            return Err(PipelineError::new(
                file,
                &record,
                "coordinates off the globe",
            ));
        }
        if cuts.insert(id, shape).is_some() {
            return Err(PipelineError::new(file, &record, "id used twice"));
        }
    }
    Ok(cuts)
}

/// Every timeline file of `authored/timelines/`, in file-name order, with its path.
pub fn load_timelines(data: &Path) -> Result<Vec<(PathBuf, Timeline)>> {
    let dir = data.join(TIMELINES_DIR);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| {
            PipelineError::new(dir.display().to_string(), "", format!("cannot read: {e}"))
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| read_json::<Timeline>(&p).map(|t| (p, t)))
        .collect()
}
