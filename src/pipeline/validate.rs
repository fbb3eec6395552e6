//! `atlas validate`: every check of the committed data. Each problem names the file, the
//! record and the reason; the command fails when there is any.

use super::build::{atlas_file, atlas_file_naming, corpus as build_corpus_with, first_map};
use super::files::{self, load_cuts, load_recipe, load_timelines, Recipe};
use super::PipelineError;
use crate::model::atlas::{Atlas, Timeline};
use crate::model::first_map::FirstMap;
use crate::model::passages::Corpus;
use crate::model::rules::{check_timeline, with_timeline};
use crate::model::topology::Topology;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Runs every check; an empty list means the data is sound.
pub fn validate(data: &Path) -> Vec<PipelineError> {
    let mut problems = Vec::new();
    let recipe = match load_recipe(data) {
        Ok(r) => Some(r),
        Err(e) => {
            problems.push(e);
            None
        }
    };
    match load_cuts(data) {
        Ok(cuts) => {
            if let Some(recipe) = &recipe {
                problems.extend(check_cut_references(data, recipe, &cuts));
            }
        }
        Err(e) => problems.push(e),
    }
    let topology_path = data.join(files::TOPOLOGY);
    match files::read_json::<Topology>(&topology_path) {
        Ok(t) => {
            if let Some(recipe) = &recipe {
                problems.extend(check_topology(
                    &topology_path.display().to_string(),
                    t,
                    recipe,
                ));
            }
        }
        Err(e) => problems.push(e),
    }
    let (corpus_problems, corpus) = check_corpus(data);
    problems.extend(corpus_problems);
    match load_timelines(data) {
        Ok(timelines) => {
            if let Some(recipe) = &recipe {
                let regions: Vec<&str> = recipe.regions.iter().map(|r| r.id.as_str()).collect();
                problems.extend(check_timelines(&timelines, &regions, corpus.as_ref()));
            }
            let fresh = match &corpus {
                Some(c) => atlas_file_naming(data, &c.sources),
                None => atlas_file(data),
            };
            match (
                fresh,
                files::read_json::<serde_json::Value>(&data.join(files::ATLAS)),
            ) {
                (Ok(fresh), Ok(built)) => {
                    if serde_json::to_value(&fresh).ok() != Some(built) {
                        problems.push(PipelineError::new(
                            data.join(files::ATLAS).display().to_string(),
                            "",
                            "out of date with authored/timelines: run `atlas build`",
                        ));
                    }
                }
                (_, Err(e)) => problems.push(e),
                (Err(_), _) => {}
            }
            problems.extend(check_first_map(data));
        }
        Err(e) => problems.push(e),
    }
    problems
}

/// The committed first map is the one the committed topology and the timelines make: a
/// stale one would show the wrong colours until the atlas has started.
fn check_first_map(data: &Path) -> Option<PipelineError> {
    let path = data.join(files::FIRST_MAP);
    let fresh = files::read_json::<Topology>(&data.join(files::TOPOLOGY))
        .and_then(|t| first_map(data, t))
        .ok()?;
    match files::read_json::<FirstMap>(&path) {
        Ok(built) if built == fresh => None,
        Ok(_) => Some(PipelineError::new(
            path.display().to_string(),
            "",
            "out of date with the topology or authored/timelines: run `atlas build --text-only`",
        )),
        Err(e) => Some(e),
    }
}

/// The corpus builds from the texts and matches the committed one; the corpus built, for the
/// timelines' citations.
fn check_corpus(data: &Path) -> (Vec<PipelineError>, Option<Corpus>) {
    let mut problems = Vec::new();
    let corpus_path = data.join(files::CORPUS);
    let fresh = files::read_json::<Topology>(&data.join(files::TOPOLOGY))
        .and_then(|t| build_corpus_with(data, t));
    let fresh = match fresh {
        Ok(c) => c,
        Err(e) => return (vec![e], None),
    };
    match files::read_json::<Corpus>(&corpus_path) {
        Ok(built) if built == fresh => {}
        Ok(_) => problems.push(PipelineError::new(
            corpus_path.display().to_string(),
            "",
            "out of date with the texts, the corpus recipe or the gazetteer: run `atlas build --text-only`",
        )),
        Err(e) => problems.push(e),
    }
    (problems, Some(fresh))
}

fn check_cut_references(
    data: &Path,
    recipe: &Recipe,
    cuts: &BTreeMap<String, geo::MultiPolygon<f64>>,
) -> Vec<PipelineError> {
    let file = data.join(files::RECIPE).display().to_string();
    let mut problems = Vec::new();
    for (i, r) in recipe.regions.iter().enumerate() {
        for cut in r.within.iter().chain(&r.outside) {
            if !cuts.contains_key(cut) {
                problems.push(PipelineError::new(
                    &file,
                    format!("regions[{i}] '{}'", r.id),
                    format!("no cut '{cut}' in {}", files::CUTS),
                ));
            }
        }
    }
    problems
}

/// The topology decodes, matches the recipe region for region, and every arc has at most
/// one region on each side.
pub fn check_topology(file: &str, topology: Topology, recipe: &Recipe) -> Vec<PipelineError> {
    let mut problems = Vec::new();
    let ids: Vec<String> = topology.regions.iter().map(|r| r.id.clone()).collect();
    let decoded = match topology.decode() {
        Ok(d) => d,
        Err(e) => return vec![PipelineError::new(file, "", e.to_string())],
    };
    let expected: Vec<&str> = recipe.regions.iter().map(|r| r.id.as_str()).collect();
    if ids != expected {
        let have: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        let want: BTreeSet<&str> = expected.iter().copied().collect();
        for missing in want.difference(&have) {
            problems.push(PipelineError::new(
                file,
                format!("region '{missing}'"),
                "in the recipe but not built: run `atlas build`",
            ));
        }
        for extra in have.difference(&want) {
            problems.push(PipelineError::new(
                file,
                format!("region '{extra}'"),
                "built but not in the recipe: run `atlas build`",
            ));
        }
        if problems.is_empty() {
            problems.push(PipelineError::new(
                file,
                "regions",
                "not in the recipe's order: run `atlas build`",
            ));
        }
    }
    for (i, sides) in decoded.sides.iter().enumerate() {
        if sides.len() > 2 {
            let names: Vec<&str> = sides
                .iter()
                .map(|&r| decoded.topology.regions[r].id.as_str())
                .collect();
            problems.push(PipelineError::new(
                file,
                format!("arc {i}"),
                format!("shared by more than two regions: {}", names.join(", ")),
            ));
        }
    }
    for r in &decoded.topology.regions {
        if r.area_km2 <= 0.0 {
            problems.push(PipelineError::new(
                file,
                format!("region '{}'", r.id),
                "has no area",
            ));
        }
    }
    problems
}

/// Every timeline file against the shared rules ([`crate::model::rules`]), and the file rules:
/// ids unique across files, each file named after its timeline.
pub fn check_timelines(
    timelines: &[(std::path::PathBuf, Timeline)],
    regions: &[&str],
    corpus: Option<&Corpus>,
) -> Vec<PipelineError> {
    let mut problems = Vec::new();
    let atlas = Atlas {
        timelines: timelines.iter().map(|(_, t)| t.clone()).collect(),
    };
    let exists = corpus.map(|c| move |p: &str| c.passage(p).is_some());
    let exists = exists.as_ref().map(|f| f as &dyn Fn(&str) -> bool);
    let mut seen = BTreeSet::new();
    for (path, t) in timelines {
        let file = path.display().to_string();
        if !seen.insert(t.id.as_str()) {
            problems.push(PipelineError::new(
                &file,
                format!("timeline '{}'", t.id),
                "id used by another file",
            ));
            continue;
        }
        if path.file_stem().and_then(|s| s.to_str()) != Some(t.id.as_str()) {
            problems.push(PipelineError::new(
                &file,
                format!("timeline '{}'", t.id),
                "file name must be the timeline id",
            ));
        }
        problems.extend(
            check_timeline(&atlas, &t.id, regions, exists)
                .into_iter()
                .map(|p| PipelineError::new(&file, p.record, p.reason)),
        );
    }
    problems
}

/// `atlas validate --timeline FILE`: one timeline file (a reader's download, say) against the
/// committed data: the map's regions, the timelines it may rest on, the corpus's passages.
pub fn validate_timeline_file(data: &Path, file: &Path) -> Vec<PipelineError> {
    let name = file.display().to_string();
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => return vec![PipelineError::new(&name, "", format!("cannot read: {e}"))],
    };
    let timeline = match crate::model::share::from_file(&text) {
        Ok(t) => t,
        Err(e) => return vec![PipelineError::new(&name, "", e.to_string())],
    };
    let recipe = match load_recipe(data) {
        Ok(r) => r,
        Err(e) => return vec![e],
    };
    let committed = match load_timelines(data) {
        Ok(t) => t,
        Err(e) => return vec![e],
    };
    let corpus = match files::read_json::<Corpus>(&data.join(files::CORPUS)) {
        Ok(c) => c,
        Err(e) => return vec![e],
    };
    let regions: Vec<&str> = recipe.regions.iter().map(|r| r.id.as_str()).collect();
    let atlas = Atlas {
        timelines: committed.into_iter().map(|(_, t)| t).collect(),
    };
    let atlas = with_timeline(&atlas, timeline.clone());
    let exists = |p: &str| corpus.passage(p).is_some();
    check_timeline(&atlas, &timeline.id, &regions, Some(&exists))
        .into_iter()
        .map(|p| PipelineError::new(&name, p.record, p.reason))
        .collect()
}
