//! The pipeline rebuilds the committed data from Natural Earth, byte for byte, every time.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use uchronia::pipeline::build;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn two_builds_give_the_committed_bytes() {
    let gpkg = root().join("target/natural-earth/world_map.gpkg");
    assert!(
        gpkg.exists(),
        "{} is missing: run tests/natural-earth.sh",
        gpkg.display()
    );
    let data = root().join("geodata");
    let out = |n: usize| {
        std::env::temp_dir().join(format!("uchronia-pipeline-{}-{n}", std::process::id()))
    };
    for n in 0..2 {
        let _ = std::fs::remove_dir_all(out(n));
        build::build(&data, &gpkg, &out(n)).expect("the pipeline runs");
    }
    for file in [
        "build/topology.json",
        "build/atlas.json",
        "build/first-map.json",
    ] {
        let first = std::fs::read(out(0).join(file)).unwrap();
        let second = std::fs::read(out(1).join(file)).unwrap();
        assert!(first == second, "{file}: two runs differ");
        let committed = std::fs::read(data.join(file)).unwrap();
        assert!(
            first == committed,
            "geodata/{file} is not what `atlas build` makes: run it and commit"
        );
    }
    for n in 0..2 {
        let _ = std::fs::remove_dir_all(out(n));
    }
}

#[test]
fn borders_between_countries_are_borders_not_coasts() {
    // Natural Earth draws each side of some borders on its own, a few metres apart (the
    // Austrian-Czech one, most Russian ones): those arcs must still join the two regions, so
    // that after Munich no line is left between Austria and the Sudetenland, and before it
    // one is drawn, not a coast.
    let decoded = build::load_topology(&root().join("geodata"))
        .unwrap()
        .decode()
        .unwrap();
    let atlas = build::load_atlas(&root().join("geodata")).unwrap();
    let (austria, sudetenland) = (
        decoded.region_index("austria").unwrap(),
        decoded.region_index("sudetenland").unwrap(),
    );
    let between: Vec<usize> = decoded
        .sides
        .iter()
        .enumerate()
        .filter(|(_, s)| s.contains(&austria) && s.contains(&sudetenland))
        .map(|(i, _)| i)
        .collect();
    assert!(
        between.len() >= 2,
        "the Austrian-Bavarian border is found: {between:?}"
    );
    let coast_between = decoded
        .sides
        .iter()
        .filter(|s| s.len() == 1 && s[0] == austria)
        .count();
    let holder = |year: i32, region: &str| {
        atlas
            .holder_of("real", uchronia::model::date::Date::for_year(year), region)
            .unwrap()
            .unwrap()
            .state
            .id
            .clone()
    };
    assert_ne!(holder(1937, "austria"), holder(1937, "bavaria"));
    assert_eq!(holder(1938, "austria"), holder(1938, "bavaria"));
    // Landlocked Austria has no coast at all; Bavaria only its lakes.
    assert!(
        coast_between < 40,
        "{coast_between} one-sided arcs left around Austria and Bavaria"
    );
}
