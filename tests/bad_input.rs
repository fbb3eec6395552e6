//! Bad input never panics: links of every shape, and mutated copies of every authored file
//! and of the built data. A small deterministic generator stands in for a fuzzer, so every
//! run tries the same cases and a failure can be replayed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use uchronia::model::atlas::Timeline;
use uchronia::model::date::{FIRST_YEAR, LAST_YEAR};
use uchronia::model::passages::Corpus;
use uchronia::model::permalink::{parse_id, Moment, View, MAX_ZOOM, MIN_ZOOM};
use uchronia::model::topology::Topology;
use uchronia::pipeline::corpus::CorpusRecipe;
use uchronia::pipeline::files::{check_recipe, parse_cuts, parse_json, Recipe};
use uchronia::pipeline::gazetteer::GazetteerFile;

const TIMELINES: [&str; 4] = ["real", "red-triumph", "rosas-reich", "strasser"];

/// xorshift64*: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Pieces that links are made of, well formed and not.
const PIECES: [&str; 40] = [
    "t",
    "y",
    "r",
    "v",
    "=",
    "&",
    "?",
    "%",
    "%2",
    "%41",
    "%C3%A9",
    "%E2%28",
    "%FF",
    "%%",
    "+",
    "-",
    ".",
    ",",
    "1925",
    "1941",
    "1918",
    "0",
    "-1",
    "99999999999999999999999",
    "1e9",
    "NaN",
    "inf",
    "real",
    "red-triumph",
    "bavaria",
    "Bavaria",
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=1>",
    "é",
    "日本",
    "\u{0}",
    " ",
    "10.5,50.2,4",
    "200,100,0",
    ",,,",
];

fn random_query(rng: &mut Rng) -> String {
    let n = rng.below(24);
    (0..n).map(|_| rng.pick(&PIECES)).collect()
}

fn assert_valid(m: &Moment, q: &str) {
    assert!(TIMELINES.contains(&m.timeline.as_str()), "{q:?}: {m:?}");
    assert!((FIRST_YEAR..=LAST_YEAR).contains(&m.year), "{q:?}: {m:?}");
    if let Some(r) = &m.selection {
        assert!(parse_id(r).is_ok(), "{q:?}: {m:?}");
    }
    if let Some(v) = m.view {
        assert!(
            v.lon.abs() <= 180.0 && v.lat.abs() <= 90.0 && (MIN_ZOOM..=MAX_ZOOM).contains(&v.zoom),
            "{q:?}: {m:?}"
        );
    }
}

#[test]
fn any_link_opens_a_valid_moment_and_names_what_it_ignored() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..50_000 {
        let q = random_query(&mut rng);
        let parsed = Moment::parse(&q, &TIMELINES);
        assert_valid(&parsed.moment, &q);
        // What the page writes back opens the same moment and ignores nothing.
        let again = Moment::parse(&parsed.moment.to_query(), &TIMELINES);
        assert_eq!(again.moment, parsed.moment, "{q:?}");
        assert!(again.ignored.is_empty(), "{q:?}: {:?}", again.ignored);
        // Every ignored value is named by its key, shortened if long.
        for i in &parsed.ignored {
            assert!(i.value.chars().count() <= 41, "{q:?}");
            assert!(!i.to_string().is_empty());
        }
    }
}

#[test]
fn huge_and_repeated_links_are_handled_quickly() {
    let long = "y=1925&".repeat(20_000) + &"%".repeat(100_000) + "&r=" + &"a".repeat(100_000);
    let parsed = Moment::parse(&long, &TIMELINES);
    assert_eq!(parsed.moment.year, 1925);
    assert_eq!(
        parsed.ignored.len(),
        20_000 - 1 + 2,
        "each repeat and each bad value is named once"
    );
}

#[test]
fn valid_moments_round_trip_under_random_values() {
    let mut rng = Rng(0xfeed_beef_0000_0042);
    for _ in 0..20_000 {
        let id: String = (0..1 + rng.below(20))
            .map(|_| rng.pick(&["a", "b", "z", "0", "9", "x"]))
            .collect();
        let m = Moment {
            timeline: rng.pick(&TIMELINES).to_string(),
            year: FIRST_YEAR + rng.below(24) as i32,
            selection: (rng.below(2) == 0).then_some(id),
            view: View::new(
                rng.below(36_001) as f64 / 100.0 - 180.0,
                rng.below(18_001) as f64 / 100.0 - 90.0,
                1.0 + rng.below(6_301) as f64 / 100.0,
            ),
        };
        let back = Moment::parse(&m.to_query(), &TIMELINES);
        assert!(back.ignored.is_empty(), "{m:?}: {:?}", back.ignored);
        assert_eq!(back.moment, m);
    }
}

fn data() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata"))
}

/// Ways people and networks break a text file.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len());
    match rng.below(7) {
        0 => chars.truncate(at),
        1 => {
            chars.remove(at.min(chars.len().saturating_sub(1)));
        }
        2 => chars.insert(
            at,
            *[&'{', &'"', &',', &']', &'\u{0}', &'9', &'-'][rng.below(7)],
        ),
        3 => {
            let end = (at + 1 + rng.below(200)).min(chars.len());
            let piece: Vec<char> = chars[at..end].to_vec();
            chars.splice(at..at, piece);
        }
        4 => {
            // A string where a number was, or the reverse.
            let s: String = chars.iter().collect();
            return s
                .replacen(": \"", ": 17, \"x\": \"", 1 + rng.below(3))
                .replacen(": [", ": \"[", 1);
        }
        5 => {
            let s: String = chars.iter().collect();
            return s
                .replacen("1918-11-11", "1918-13-45", 1 + rng.below(5))
                .replacen("\"id\"", "\"ID\"", rng.below(2));
        }
        _ => {
            let end = (at + rng.below(500)).min(chars.len());
            chars.drain(at..end);
        }
    }
    chars.into_iter().collect()
}

/// Loads a file's text the way the pipeline does; the error as the user reads it.
type Loader = fn(&str, &str) -> Result<(), String>;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn mutated_authored_files_give_errors_that_name_the_file_never_panics() {
    let mut rng = Rng(0xda7a_da7a_0000_0007);
    let file = |rel: &str| data().join(rel).display().to_string();
    let cases: Vec<(String, String, Loader)> = vec![
        (
            file("authored/regions.json"),
            read(&data().join("authored/regions.json")),
            |f, t| {
                parse_json::<Recipe>(f, t)
                    .and_then(|r| check_recipe(f, &r))
                    .map_err(|e| e.to_string())
            },
        ),
        (
            file("authored/cuts.geojson"),
            read(&data().join("authored/cuts.geojson")),
            |f, t| parse_cuts(f, t).map(drop).map_err(|e| e.to_string()),
        ),
        (
            file("authored/gazetteer.json"),
            read(&data().join("authored/gazetteer.json")),
            |f, t| {
                parse_json::<GazetteerFile>(f, t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            },
        ),
        (
            file("authored/corpus.json"),
            read(&data().join("authored/corpus.json")),
            |f, t| {
                parse_json::<CorpusRecipe>(f, t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            },
        ),
        (
            file("authored/timelines/red-triumph.json"),
            read(&data().join("authored/timelines/red-triumph.json")),
            |f, t| {
                parse_json::<Timeline>(f, t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            },
        ),
    ];
    for (name, text, load) in &cases {
        assert_eq!(load(name, text), Ok(()), "{name} itself loads");
        let mut failures = 0;
        for _ in 0..300 {
            let bad = mutate(&mut rng, text);
            if let Err(message) = load(name, &bad) {
                failures += 1;
                assert!(
                    message.starts_with(name.as_str()),
                    "the error names the file: {message}"
                );
                assert!(message.len() > name.len() + 4, "and says why: {message}");
            }
        }
        assert!(
            failures > 100,
            "{name}: the mutations should mostly break it ({failures})"
        );
    }
}

#[test]
fn mutated_built_data_never_panics_the_decoders() {
    let mut rng = Rng(0x0b0b_0000_1111_2222);
    let topology = read(&data().join("build/topology.json"));
    let corpus = read(&data().join("build/corpus.json"));
    for _ in 0..60 {
        if let Ok(t) = serde_json::from_str::<Topology>(&mutate(&mut rng, &topology)) {
            // Decoding either succeeds or says what is wrong.
            if let Err(e) = t.decode() {
                assert!(!e.to_string().is_empty());
            }
        }
        let _ = serde_json::from_str::<Corpus>(&mutate(&mut rng, &corpus));
    }
    // Hostile numbers in arcs and references.
    let mut t: Topology = serde_json::from_str(&topology).unwrap();
    t.arcs[0] = vec![i64::MAX, i64::MAX, i64::MAX, 1];
    t.regions[0].polygons = vec![vec![vec![i64::MIN]], vec![]];
    assert!(t.decode().is_err());
}
