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
    for file in ["build/topology.json", "build/atlas.json"] {
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
