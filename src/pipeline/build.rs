//! The whole pipeline: Natural Earth + authored files -> `geodata/build/`. Deterministic:
//! the same inputs give the same bytes.

use super::arcs::{build_topology, Settings};
use super::corpus::build_corpus;
use super::files::{self, load_cuts, load_recipe, load_timelines};
use super::gazetteer::Gazetteer;
use super::natural_earth::read_admin1;
use super::regions::build_regions;
use super::{PipelineError, Result};
use crate::model::atlas::{source_name, Atlas, AtlasFile};
use crate::model::first_map::FirstMap;
use crate::model::passages::{Corpus, Source};
use crate::model::topology::{Decoded, Topology};
use serde::Serialize;
use std::path::Path;

/// What a build produced, for the report.
#[derive(Debug, Clone)]
pub struct Built {
    pub regions: usize,
    pub arcs: usize,
    pub points: usize,
    pub topology_bytes: usize,
    pub atlas_bytes: usize,
    pub corpus_bytes: usize,
    pub passages: usize,
}

/// The atlas file made from the authored timelines.
pub fn atlas_file(data: &Path) -> Result<AtlasFile> {
    let timelines = load_timelines(data)?.into_iter().map(|(_, t)| t).collect();
    Ok(AtlasFile::new(Atlas { timelines }))
}

/// The atlas file as built: the authored timelines, and their source texts named, so that the
/// page names them before the texts are in (and its header does not grow when they come).
pub fn atlas_file_naming(data: &Path, sources: &[Source]) -> Result<AtlasFile> {
    let mut file = atlas_file(data)?;
    file.sources = sources
        .iter()
        .map(|s| (s.id.clone(), source_name(&s.title, &s.author)))
        .collect();
    Ok(file)
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| PipelineError::new("build", "", e.to_string()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| PipelineError::new(dir.display().to_string(), "", e.to_string()))?;
    }
    std::fs::write(path, text)
        .map_err(|e| PipelineError::new(path.display().to_string(), "", e.to_string()))
}

/// Builds the topology from Natural Earth (`gpkg`) and the recipe and cuts in `data`.
pub fn topology(data: &Path, gpkg: &Path) -> Result<Topology> {
    let recipe = load_recipe(data)?;
    let cuts = load_cuts(data)?;
    let admin1 = read_admin1(gpkg)?;
    let shaped = build_regions(
        &admin1,
        &recipe,
        &cuts,
        &data.join(files::RECIPE).display().to_string(),
    )?;
    Ok(build_topology(&shaped, Settings::default()))
}

/// The topology decoded; an error names `build/topology.json` under `data`.
fn decode(data: &Path, topology: Topology) -> Result<Decoded> {
    topology.decode().map_err(|e| {
        PipelineError::new(
            data.join(files::TOPOLOGY).display().to_string(),
            "",
            e.to_string(),
        )
    })
}

/// The corpus: the source texts cut into passages, linked through the gazetteer to the
/// regions of `topology`.
pub fn corpus(data: &Path, topology: Topology) -> Result<Corpus> {
    let decoded = decode(data, topology)?;
    let gazetteer = Gazetteer::load(data, &decoded)?;
    let (sources, passages) = build_corpus(data, &gazetteer)?;
    Ok(Corpus {
        sources,
        passages,
        places: gazetteer.places(),
        region_names: gazetteer.file.regions.clone(),
    })
}

/// The first map the page shows before the atlas starts, made from `topology` and the
/// authored timelines.
pub fn first_map(data: &Path, topology: Topology) -> Result<FirstMap> {
    let decoded = decode(data, topology)?;
    FirstMap::new(&decoded, &atlas_file(data)?.atlas).map_err(|e| {
        PipelineError::new(
            data.join(files::TIMELINES_DIR).display().to_string(),
            "",
            e.to_string(),
        )
    })
}

/// Writes the timelines, the first map and the corpus made with `topology` under `out`.
fn write_text_data(data: &Path, out: &Path, topology: Topology) -> Result<(usize, usize, usize)> {
    let first_map_json = to_json(&first_map(data, topology.clone())?)?;
    let corpus = corpus(data, topology)?;
    let atlas_json = to_json(&atlas_file_naming(data, &corpus.sources)?)?;
    let corpus_json = to_json(&corpus)?;
    write(&out.join(files::ATLAS), &atlas_json)?;
    write(&out.join(files::FIRST_MAP), &first_map_json)?;
    write(&out.join(files::CORPUS), &corpus_json)?;
    Ok((atlas_json.len(), corpus_json.len(), corpus.passages.len()))
}

/// Runs the whole pipeline and writes `build/` under `out`.
pub fn build(data: &Path, gpkg: &Path, out: &Path) -> Result<Built> {
    let topology = topology(data, gpkg)?;
    let topology_json = to_json(&topology)?;
    write(&out.join(files::TOPOLOGY), &topology_json)?;
    let built = Built {
        regions: topology.regions.len(),
        arcs: topology.arcs.len(),
        points: topology.arcs.iter().map(|a| a.len() / 2).sum(),
        topology_bytes: topology_json.len(),
        atlas_bytes: 0,
        corpus_bytes: 0,
        passages: 0,
    };
    let (atlas_bytes, corpus_bytes, passages) = write_text_data(data, out, topology)?;
    Ok(Built {
        atlas_bytes,
        corpus_bytes,
        passages,
        ..built
    })
}

/// Everything but the geometry: rewrites `build/atlas.json`, `build/first-map.json` and
/// `build/corpus.json` from the authored files and the committed topology (no Natural Earth
/// needed).
pub fn build_text_data(data: &Path, out: &Path) -> Result<(usize, usize, usize)> {
    write_text_data(data, out, load_topology(data)?)
}

/// Reads the built topology.
pub fn load_topology(data: &Path) -> Result<Topology> {
    files::read_json(&data.join(files::TOPOLOGY))
}

/// Reads the built corpus.
pub fn load_corpus(data: &Path) -> Result<Corpus> {
    files::read_json(&data.join(files::CORPUS))
}

/// Reads the built atlas.
pub fn load_atlas(data: &Path) -> Result<Atlas> {
    let path = data.join(files::ATLAS);
    let file: AtlasFile = files::read_json(&path)?;
    file.into_atlas()
        .map_err(|reason| PipelineError::new(path.display().to_string(), "", reason))
}
