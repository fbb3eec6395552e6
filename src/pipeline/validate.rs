//! `atlas validate`: every check of the committed data. Each problem names the file, the
//! record and the reason; the command fails when there is any.

use super::build::{atlas_file, corpus as build_corpus_with};
use super::files::{self, load_cuts, load_recipe, load_timelines, Recipe};
use super::PipelineError;
use crate::model::atlas::Confidence;
use crate::model::atlas::{Atlas, Timeline};
use crate::model::date::Date;
use crate::model::passages::Corpus;
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
    match load_timelines(data) {
        Ok(timelines) => {
            if let Some(recipe) = &recipe {
                let regions: Vec<&str> = recipe.regions.iter().map(|r| r.id.as_str()).collect();
                problems.extend(check_timelines(&timelines, &regions));
            }
            match (
                atlas_file(data),
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
        }
        Err(e) => problems.push(e),
    }
    problems.extend(check_corpus(data));
    problems
}

/// The corpus builds from the texts and matches the committed one, and every passage an
/// ownership record cites exists; a record of an alternate timeline cites one unless it
/// follows real history.
fn check_corpus(data: &Path) -> Vec<PipelineError> {
    let mut problems = Vec::new();
    let corpus_path = data.join(files::CORPUS);
    let fresh = files::read_json::<Topology>(&data.join(files::TOPOLOGY))
        .and_then(|t| build_corpus_with(data, t));
    let fresh = match fresh {
        Ok(c) => c,
        Err(e) => return vec![e],
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
    let Ok(timelines) = load_timelines(data) else {
        return problems;
    };
    for (path, t) in &timelines {
        let file = path.display().to_string();
        for (i, r) in t.records.iter().enumerate() {
            let record = format!("records[{i}] ({} from {})", r.region, r.from);
            for p in &r.passages {
                if fresh.passage(p).is_none() {
                    problems.push(PipelineError::new(
                        &file,
                        &record,
                        format!("cites passage '{p}', which the corpus does not have"),
                    ));
                }
            }
            if t.base.is_some() && r.passages.is_empty() && r.confidence != Some(Confidence::Real) {
                problems.push(PipelineError::new(
                    &file,
                    &record,
                    "cites no passage: give the passages it rests on, or mark it \"confidence\": \"real\"",
                ));
            }
            if t.base.is_some() && r.confidence.is_none() {
                problems.push(PipelineError::new(
                    &file,
                    &record,
                    "has no confidence (stated, inferred or real)",
                ));
            }
        }
    }
    problems
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

fn is_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// References, dates and coverage of every timeline.
pub fn check_timelines(
    timelines: &[(std::path::PathBuf, Timeline)],
    regions: &[&str],
) -> Vec<PipelineError> {
    let mut problems = Vec::new();
    let atlas = Atlas {
        timelines: timelines.iter().map(|(_, t)| t.clone()).collect(),
    };
    let mut seen = BTreeSet::new();
    for (path, t) in timelines {
        let file = path.display().to_string();
        let mut problem = |record: String, reason: String| {
            problems.push(PipelineError::new(&file, record, reason))
        };
        if !seen.insert(t.id.as_str()) {
            problem(
                format!("timeline '{}'", t.id),
                "id used by another file".into(),
            );
        }
        if path.file_stem().and_then(|s| s.to_str()) != Some(t.id.as_str()) {
            problem(
                format!("timeline '{}'", t.id),
                "file name must be the timeline id".into(),
            );
        }
        if let Err(e) = atlas.lineage(&t.id) {
            problem(format!("timeline '{}'", t.id), e.to_string());
            continue;
        }
        if t.base.is_none() && t.diverges.is_some() {
            problem(
                format!("timeline '{}'", t.id),
                "a timeline without a base cannot diverge".into(),
            );
        }
        let mut state_ids = BTreeSet::new();
        for (i, s) in t.states.iter().enumerate() {
            let record = format!("states[{i}] '{}'", s.id);
            if !state_ids.insert(s.id.as_str()) {
                problem(record.clone(), "state id used twice".into());
            }
            if !is_colour(&s.colour) {
                problem(record, format!("colour '{}' is not #rrggbb", s.colour));
            }
        }
        let mut last: BTreeMap<&str, Date> = BTreeMap::new();
        for (i, r) in t.records.iter().enumerate() {
            let record = format!("records[{i}] ({} from {})", r.region, r.from);
            if !regions.contains(&r.region.as_str()) {
                problem(record.clone(), format!("no region '{}'", r.region));
            }
            for (what, id) in
                std::iter::once(("holder", &r.holder)).chain(r.of.iter().map(|o| ("of", o)))
            {
                match atlas.state(&t.id, id) {
                    Ok(Some(_)) => {}
                    _ => problem(
                        record.clone(),
                        format!("{what} '{id}' is not a state of this timeline or its base"),
                    ),
                }
            }
            if r.from > Date::END {
                problem(record.clone(), format!("starts after {}", Date::END));
            }
            if let Some(d) = t.diverges {
                if r.from < d {
                    problem(
                        record.clone(),
                        format!("starts before the timeline diverges ({d})"),
                    );
                }
            }
            if let Some(prev) = last.insert(r.region.as_str(), r.from) {
                if r.from <= prev {
                    problem(record, format!("not after the region's previous record ({prev}): records of a region must be in date order"));
                }
            }
        }
        // Coverage: every region held on every day. Records never end, so a region held on
        // the first day by a known state stays held.
        match atlas.ownership_at(&t.id, Date::START, regions) {
            Ok(holdings) => {
                for (region, h) in regions.iter().zip(holdings) {
                    if h.is_none() {
                        problem(
                            format!("region '{region}'"),
                            format!("held by no known state on {}", Date::START),
                        );
                    }
                }
            }
            Err(e) => problem(format!("timeline '{}'", t.id), e.to_string()),
        }
    }
    problems
}
