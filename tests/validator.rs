//! `atlas validate` catches each kind of error in the data, naming the file, the record and
//! the reason. Each test starts from a small valid data set and breaks one thing.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use uchronia::pipeline::{build, validate::validate};

/// Two square regions side by side sharing one border (arc 0), and a timeline in which
/// `east` changes hands in 1938.
fn fixture() -> (tempdir::Dir, Value, Value, Value) {
    let recipe = json!({ "source": "test", "regions": [
        { "id": "west", "en": "West", "local": "Westen", "take": [{ "country": "XXX" }] },
        { "id": "east", "en": "East", "local": "Osten", "take": [{ "country": "XXX" }] }
    ]});
    let topology = json!({
        "format": "uchronia-topology", "version": 1, "projection": "EPSG:3035",
        "unit_m": 250.0, "origin": [0.0, 0.0], "width": 20, "height": 10,
        "arcs": [
            [10, 0, 0, 10],
            [10, 10, -10, 0, 0, -10, 10, 0],
            [10, 0, 10, 0, 0, 10, -10, 0]
        ],
        "regions": [
            { "id": "west", "en": "West", "local": "Westen", "polygons": [[[0, 1]]], "label": [5, 5], "area_km2": 6.25 },
            { "id": "east", "en": "East", "local": "Osten", "polygons": [[[2, -1]]], "label": [15, 5], "area_km2": 6.25 }
        ]
    });
    let real = json!({
        "id": "real", "name": "Real history", "summary": "test", "sources": [],
        "states": [
            { "id": "a", "name": "A", "colour": "#aabbcc" },
            { "id": "b", "name": "B", "colour": "#ccbbaa" }
        ],
        "records": [
            { "region": "west", "holder": "a", "status": "part", "from": "1918-11-11" },
            { "region": "east", "holder": "b", "status": "part", "from": "1918-11-11" },
            { "region": "east", "holder": "a", "status": "occupied", "of": "b", "from": "1938-03-13" }
        ]
    });
    (tempdir::Dir::new(), recipe, topology, real)
}

/// Writes a data directory and returns the validator's problems as text.
fn problems(
    dir: &tempdir::Dir,
    recipe: &Value,
    topology: &Value,
    timelines: &[(&str, String)],
    refresh_atlas: bool,
) -> Vec<String> {
    let data = dir.path();
    let write = |rel: &str, text: String| {
        let path = data.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("authored/regions.json", recipe.to_string());
    write(
        "authored/cuts.geojson",
        json!({ "type": "FeatureCollection", "features": [] }).to_string(),
    );
    write("build/topology.json", fixture().2.to_string());
    write(
        "authored/corpus.json",
        json!({ "sources": [{
            "id": "900", "file": "sources/t.txt", "title": "T", "author": "A", "published": "P",
            "language": "en", "timeline": "real", "period": ["1918-11-11", "1941-12-31"],
            "sections": [{ "start": "In 1920", "kind": "story" }]
        }]})
        .to_string(),
    );
    write(
        "authored/gazetteer.json",
        json!({ "regions": [{ "regions": ["west"], "names": ["Westland"] }], "places": [] })
            .to_string(),
    );
    write(
        "sources/t.txt",
        "Chrome\n\nIn 1920 Westland rose.\n\nIn 1938 the east fell.\n".to_string(),
    );
    let _ = std::fs::remove_dir_all(data.join("authored/timelines"));
    for (name, text) in timelines {
        write(&format!("authored/timelines/{name}"), text.clone());
    }
    if refresh_atlas {
        build::build_text_data(data, data)
            .expect("atlas.json and corpus.json build from valid files");
    }
    write("build/topology.json", topology.to_string());
    validate(data).iter().map(ToString::to_string).collect()
}

fn assert_found(found: &[String], file: &str, needle: &str) {
    assert!(
        found.iter().any(|p| p.contains(file) && p.contains(needle)),
        "expected a problem in {file} saying '{needle}', got {found:#?}"
    );
}

#[test]
fn the_fixture_itself_is_sound() {
    let (dir, recipe, topology, real) = fixture();
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[("real.json", real.to_string())],
        true,
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn each_kind_of_timeline_error_is_named() {
    type Break = fn(&mut Value);
    let cases: [(&str, Break); 9] = [
        ("no region 'nowhere'", |t| {
            t["records"][0]["region"] = json!("nowhere")
        }),
        ("holder 'zzz' is not a state", |t| {
            t["records"][0]["holder"] = json!("zzz")
        }),
        ("of 'qqq' is not a state", |t| {
            t["records"][2]["of"] = json!("qqq")
        }),
        ("must be in date order", |t| {
            t["records"][2]["from"] = json!("1918-11-11")
        }),
        ("held by no known state on 1918-11-11", |t| {
            t["records"][0]["from"] = json!("1920-01-10")
        }),
        ("is not #rrggbb", |t| {
            t["states"][0]["colour"] = json!("red")
        }),
        ("state id used twice", |t| t["states"][1]["id"] = json!("a")),
        ("a new name needs a day after the one before", |t| {
            t["states"][0]["renamed"] = json!([
                { "from": "1930-01-01", "name": "Later" },
                { "from": "1925-01-01", "name": "Earlier" }
            ])
        }),
        ("starts outside the atlas's days", |t| {
            t["records"][2]["from"] = json!("1945-05-08")
        }),
    ];
    for (needle, break_it) in cases {
        let (dir, recipe, topology, mut real) = fixture();
        break_it(&mut real);
        let found = problems(
            &dir,
            &recipe,
            &topology,
            &[("real.json", real.to_string())],
            false,
        );
        assert_found(&found, "authored/timelines/real.json", needle);
    }
}

#[test]
fn malformed_files_name_the_place_of_the_error() {
    let (dir, recipe, topology, real) = fixture();
    let broken = real.to_string().replace("\"1938-03-13\"", "\"1938-02-30\"");
    let found = problems(&dir, &recipe, &topology, &[("real.json", broken)], false);
    assert_found(&found, "real.json", "not a day of the calendar");
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[("real.json", "{\"id\": \"real\",".into())],
        false,
    );
    assert_found(&found, "real.json", "line 1 column");
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[(
            "real.json",
            real.to_string().replace("\"part\"", "\"annexed\""),
        )],
        false,
    );
    assert_found(&found, "real.json", "unknown variant `annexed`");
}

#[test]
fn alternate_timelines_are_checked_against_their_base() {
    let (dir, recipe, topology, real) = fixture();
    let alt = json!({
        "id": "alt", "name": "Alt", "summary": "test", "base": "real", "diverges": "1923-11-09",
        "states": [], "records": [ { "region": "west", "holder": "b", "status": "part", "from": "1920-01-01" } ]
    });
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[
            ("real.json", real.to_string()),
            ("alt.json", alt.to_string()),
        ],
        false,
    );
    assert_found(&found, "alt.json", "starts before the timeline diverges");
    let orphan = json!({ "id": "orphan", "name": "O", "summary": "t", "base": "nowhere", "states": [], "records": [] });
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[
            ("real.json", real.to_string()),
            ("orphan.json", orphan.to_string()),
        ],
        false,
    );
    assert_found(&found, "orphan.json", "base that is missing");
    let misnamed = json!({ "id": "other", "name": "O", "summary": "t", "base": "real", "states": [], "records": [] });
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[
            ("real.json", real.to_string()),
            ("alt.json", misnamed.to_string()),
        ],
        false,
    );
    assert_found(&found, "alt.json", "file name must be the timeline id");
}

#[test]
fn citations_of_passages_are_checked() {
    let (dir, recipe, topology, mut real) = fixture();
    real["records"][1]["passages"] = json!(["900-009"]);
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[("real.json", real.to_string())],
        true,
    );
    assert_found(
        &found,
        "real.json",
        "cites passage '900-009', which the corpus does not have",
    );

    let (dir, recipe, topology, real) = fixture();
    let alt = json!({
        "id": "alt", "name": "Alt", "summary": "test", "base": "real", "diverges": "1923-11-09",
        "states": [], "records": [
            { "region": "west", "holder": "b", "status": "part", "from": "1924-01-01" },
            { "region": "east", "holder": "b", "status": "part", "from": "1924-01-01", "passages": ["900-002"], "confidence": "stated" }
        ]
    });
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[
            ("alt.json", alt.to_string()),
            ("real.json", real.to_string()),
        ],
        true,
    );
    assert_found(
        &found,
        "alt.json",
        "records[0] (west from 1924-01-01): cites no passage",
    );
    assert!(
        !found.iter().any(|p| p.contains("records[1]")),
        "{found:#?}"
    );
}

#[test]
fn a_stale_corpus_is_caught() {
    let (dir, recipe, topology, real) = fixture();
    problems(
        &dir,
        &recipe,
        &topology,
        &[("real.json", real.to_string())],
        true,
    );
    std::fs::write(
        dir.path().join("sources/t.txt"),
        "In 1920 Westland rose again.\n",
    )
    .unwrap();
    // The texts changed after the build: the validator (not `problems`, which would
    // rewrite them) must notice.
    let found: Vec<String> = validate(dir.path())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_found(&found, "build/corpus.json", "out of date");
}

#[test]
fn a_stale_build_is_caught() {
    let (dir, recipe, topology, mut real) = fixture();
    problems(
        &dir,
        &recipe,
        &topology,
        &[("real.json", real.to_string())],
        true,
    );
    real["records"][2]["from"] = json!("1938-03-14");
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[("real.json", real.to_string())],
        false,
    );
    assert_found(&found, "build/atlas.json", "out of date");
    // A new colour changes the first map the page shows before the atlas starts, too.
    real["states"][0]["colour"] = json!("#123456");
    let found = problems(
        &dir,
        &recipe,
        &topology,
        &[("real.json", real.to_string())],
        false,
    );
    assert_found(&found, "build/first-map.json", "out of date");
}

#[test]
fn each_kind_of_topology_and_recipe_error_is_named() {
    let (dir, recipe, topology, real) = fixture();
    let tl = [("real.json", real.to_string())];

    let mut t = topology.clone();
    t["regions"][0]["polygons"] = json!([[[0, 7]]]);
    assert_found(
        &problems(&dir, &recipe, &t, &tl, true),
        "build/topology.json",
        "refers to arc 7",
    );

    let mut t = topology.clone();
    t["regions"][0]["polygons"] = json!([[[0]]]);
    assert_found(
        &problems(&dir, &recipe, &t, &tl, true),
        "build/topology.json",
        "do not join up",
    );

    let mut t = topology.clone();
    t["regions"].as_array_mut().unwrap().pop();
    assert_found(
        &problems(&dir, &recipe, &t, &tl, true),
        "build/topology.json",
        "'east'",
    );

    let mut t = topology.clone();
    let third = json!({ "id": "third", "en": "T", "local": "T", "polygons": [[[0, 1]]], "label": [5, 5], "area_km2": 6.25 });
    t["regions"].as_array_mut().unwrap().push(third);
    let mut r = recipe.clone();
    r["regions"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "third", "en": "T", "local": "T", "take": [{ "country": "XXX" }] }));
    let found = problems(&dir, &r, &t, &tl, true);
    assert_found(
        &found,
        "build/topology.json",
        "shared by more than two regions",
    );

    let mut r = recipe.clone();
    r["regions"][0]["within"] = json!("no-such-cut");
    assert_found(
        &problems(&dir, &r, &topology, &tl, true),
        "authored/regions.json",
        "no cut 'no-such-cut'",
    );

    let mut r = recipe.clone();
    r["regions"][1]["id"] = json!("west");
    assert_found(
        &problems(&dir, &r, &topology, &tl, true),
        "authored/regions.json",
        "id used twice",
    );
}

/// A directory that removes itself.
mod tempdir {
    use super::*;
    pub struct Dir(PathBuf);
    impl Dir {
        pub fn new() -> Dir {
            static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let path =
                std::env::temp_dir().join(format!("uchronia-validator-{}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }
        pub fn path(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
