//! Bad input never panics: links of every shape, and mutated copies of every authored file
//! and of the built data. Property tests (proptest): each failure is shrunk to a small case and
//! kept in `tests/bad_input.proptest-regressions`, so it is tried again first on every run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use uchronia::model::atlas::{AtlasFile, Timeline};
use uchronia::model::date::{FIRST_YEAR, LAST_YEAR};
use uchronia::model::passages::Corpus;
use uchronia::model::permalink::{parse_id, Moment, Names, View, MAX_ZOOM, MIN_ZOOM};
use uchronia::model::topology::{Topology, TopologyError};
use uchronia::pipeline::corpus::CorpusRecipe;
use uchronia::pipeline::files::{check_recipe, parse_cuts, parse_json, Recipe};
use uchronia::pipeline::gazetteer::GazetteerFile;

fn data() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The timeline ids of the built atlas (read once).
fn timelines() -> &'static [String] {
    static IDS: OnceLock<Vec<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        let file: AtlasFile =
            serde_json::from_str(&read(&data().join("build/atlas.json"))).unwrap();
        file.atlas.timelines.into_iter().map(|t| t.id).collect()
    })
}

/// Pieces that links are made of, well formed and not.
const PIECES: [&str; 44] = [
    "embed",
    "read",
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
    "c",
    "cy",
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

/// Links made of the pieces above, and of any text at all.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..24)
            .prop_map(|p| p.concat()),
        1 => any::<String>(),
    ]
}

fn assert_valid(m: &Moment, q: &str, timelines: &[&str]) {
    assert!(timelines.contains(&m.timeline.as_str()), "{q:?}: {m:?}");
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn any_link_opens_a_valid_moment_and_names_what_it_ignored(q in query()) {
        let timelines: Vec<&str> = timelines().iter().map(String::as_str).collect();
        let parsed = Moment::parse(&q, &timelines);
        assert_valid(&parsed.moment, &q, &timelines);
        // What the page writes back opens the same moment and ignores nothing.
        let again = Moment::parse(&parsed.moment.to_query(), &timelines);
        prop_assert_eq!(&again.moment, &parsed.moment);
        prop_assert!(again.ignored.is_empty(), "{:?}", again.ignored);
        // Every ignored value is named by its key and value (shortened if long), then why.
        for i in &parsed.ignored {
            prop_assert!(i.value.chars().count() <= 41);
            let message = i.to_string();
            let named = format!("{}={}: ", i.key, i.value);
            prop_assert!(message.starts_with(&named), "{message}");
            prop_assert!(message.len() > named.len() + 3, "{message}");
            prop_assert!(["t", "y", "c", "cy", "r", "v", "n", "embed", "read"].contains(&i.key.as_str())
                || message.ends_with("not a key of the atlas"), "{message}");
        }
    }

    #[test]
    fn valid_moments_round_trip(
        t in 0usize..64,
        year in FIRST_YEAR..=LAST_YEAR,
        id in proptest::option::of("[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}"),
        lon in -18_000i32..=18_000,
        lat in -9_000i32..=9_000,
        zoom in 100i32..=6_400,
        c in proptest::option::of(0usize..64),
        cy in proptest::option::of(FIRST_YEAR..=LAST_YEAR),
        local in any::<bool>(),
        embed in any::<bool>(),
        read in proptest::option::of("[0-9]{3}-[0-9]{3}"),
    ) {
        let timelines: Vec<&str> = timelines().iter().map(String::as_str).collect();
        let mut m = Moment {
            timeline: timelines[t % timelines.len()].to_string(),
            year,
            selection: id,
            view: View::new(f64::from(lon) / 100.0, f64::from(lat) / 100.0, f64::from(zoom) / 100.0),
            compare: c.map(|c| timelines[c % timelines.len()].to_string()),
            compare_year: cy,
            names: if local { Names::Local } else { Names::English },
            embed,
            reading: read,
        };
        // A comparison that shows nothing is set aside when read: compare the tidy moment.
        m.tidy();
        let back = Moment::parse(&m.to_query(), &timelines);
        prop_assert!(back.ignored.is_empty(), "{:?}: {:?}", m, back.ignored);
        prop_assert_eq!(back.moment, m);
    }
}

#[test]
fn huge_and_repeated_links_are_handled_quickly() {
    let timelines: Vec<&str> = timelines().iter().map(String::as_str).collect();
    let long = "y=1925&".repeat(20_000) + &"%".repeat(100_000) + "&r=" + &"a".repeat(100_000);
    let parsed = Moment::parse(&long, &timelines);
    assert_eq!(parsed.moment.year, 1925);
    assert_eq!(
        parsed.ignored.len(),
        20_000 - 1 + 2,
        "each repeat and each bad value is named once"
    );
}

/// Ways people and networks break a text file: what, where (a fraction of the length), how
/// much, and which character.
#[derive(Debug, Clone)]
struct Mutation {
    kind: u8,
    at: f64,
    len: usize,
    pick: usize,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (0u8..7, 0.0f64..1.0, 0usize..500, 0usize..7).prop_map(|(kind, at, len, pick)| Mutation {
        kind,
        at,
        len,
        pick,
    })
}

fn mutate(m: &Mutation, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = ((chars.len() as f64 * m.at) as usize).min(chars.len().saturating_sub(1));
    match m.kind {
        0 => chars.truncate(at),
        1 => {
            chars.remove(at);
        }
        2 => chars.insert(at, ['{', '"', ',', ']', '\u{0}', '9', '-'][m.pick % 7]),
        3 => {
            let end = (at + 1 + m.len % 200).min(chars.len());
            let piece: Vec<char> = chars[at..end].to_vec();
            chars.splice(at..at, piece);
        }
        4 => {
            // A string where a number was, or the reverse.
            let s: String = chars.iter().collect();
            return s
                .replacen(": \"", ": 17, \"x\": \"", 1 + m.pick % 3)
                .replacen(": [", ": \"[", 1);
        }
        5 => {
            let s: String = chars.iter().collect();
            return s
                .replacen("1918-11-11", "1918-13-45", 1 + m.pick % 5)
                .replacen("\"id\"", "\"ID\"", m.pick % 2);
        }
        _ => {
            let end = (at + m.len).min(chars.len());
            chars.drain(at..end);
        }
    }
    chars.into_iter().collect()
}

/// Loads a file's text the way the pipeline does; the error as the user reads it.
type Loader = fn(&str, &str) -> Result<(), String>;

/// Every authored file with the pipeline's loader of its kind (read once).
fn authored() -> &'static [(String, String, Loader)] {
    static FILES: OnceLock<Vec<(String, String, Loader)>> = OnceLock::new();
    FILES.get_or_init(authored_files)
}

fn authored_files() -> Vec<(String, String, Loader)> {
    let file = |rel: &str| data().join(rel).display().to_string();
    let mut cases: Vec<(String, String, Loader)> = vec![
        (file("authored/regions.json"), String::new(), |f, t| {
            parse_json::<Recipe>(f, t)
                .and_then(|r| check_recipe(f, &r))
                .map_err(|e| e.to_string())
        }),
        (file("authored/cuts.geojson"), String::new(), |f, t| {
            parse_cuts(f, t).map(drop).map_err(|e| e.to_string())
        }),
        (file("authored/gazetteer.json"), String::new(), |f, t| {
            parse_json::<GazetteerFile>(f, t)
                .map(drop)
                .map_err(|e| e.to_string())
        }),
        (file("authored/corpus.json"), String::new(), |f, t| {
            parse_json::<CorpusRecipe>(f, t)
                .map(drop)
                .map_err(|e| e.to_string())
        }),
    ];
    for id in timelines() {
        cases.push((
            file(&format!("authored/timelines/{id}.json")),
            String::new(),
            |f, t| {
                parse_json::<Timeline>(f, t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            },
        ));
    }
    for (name, text, _) in &mut cases {
        *text = read(Path::new(name));
    }
    cases
}

#[test]
fn every_authored_file_loads_and_a_truncated_one_is_named() {
    for (name, text, load) in authored() {
        assert_eq!(load(name, text), Ok(()), "{name} itself loads");
        let half: String = text.chars().take(text.chars().count() / 2).collect();
        let message = load(name, &half).expect_err("half a file does not load");
        assert!(
            message.starts_with(name.as_str()),
            "the error names the file: {message}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn a_mutated_authored_file_gives_an_error_that_names_the_file(
        which in 0usize..64,
        m in mutation(),
    ) {
        let cases = authored();
        let (name, text, load) = &cases[which % cases.len()];
        if let Err(message) = load(name, &mutate(&m, text)) {
            prop_assert!(message.starts_with(name.as_str()), "the error names the file: {message}");
            let why = message[name.len()..].trim_start_matches([':', ' ']);
            prop_assert!(why.chars().filter(|c| c.is_alphabetic()).count() >= 4, "and says why: {message}");
        }
    }

}

proptest! {
    // Each case decodes the whole topology: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(80))]

    #[test]
    fn mutated_built_data_never_panics_the_decoders(m in mutation()) {
        let [topology, corpus, atlas] = built();
        if let Ok(t) = serde_json::from_str::<Topology>(&mutate(&m, topology)) {
            // Decoding either succeeds or says what is wrong.
            if let Err(e) = t.decode() {
                prop_assert!(e.to_string().chars().filter(|c| c.is_alphabetic()).count() >= 4);
            }
        }
        let _ = serde_json::from_str::<Corpus>(&mutate(&m, corpus));
        if let Ok(file) = serde_json::from_str::<AtlasFile>(&mutate(&m, atlas)) {
            let _ = file.into_atlas();
        }
    }
}

/// The built topology, corpus and atlas files' texts (read once).
fn built() -> &'static [String; 3] {
    static TEXTS: OnceLock<[String; 3]> = OnceLock::new();
    TEXTS.get_or_init(|| {
        ["topology", "corpus", "atlas"].map(|f| read(&data().join(format!("build/{f}.json"))))
    })
}

fn topology() -> Topology {
    serde_json::from_str(&read(&data().join("build/topology.json"))).unwrap()
}

#[test]
fn an_arc_whose_numbers_overflow_is_named() {
    let mut t = topology();
    t.arcs[0] = vec![i64::MAX, i64::MAX, i64::MAX, 1];
    assert_eq!(t.decode().unwrap_err(), TopologyError::OddArc(0));
}

#[test]
fn a_reference_to_no_arc_is_named_with_its_region() {
    let mut t = topology();
    let region = t.regions[0].id.clone();
    t.regions[0].polygons = vec![vec![vec![i64::MIN]]];
    assert_eq!(
        t.decode().unwrap_err(),
        TopologyError::ArcRef {
            region,
            arc: i64::MIN
        }
    );
}

#[test]
fn an_empty_polygon_is_an_open_ring_of_its_region() {
    let mut t = topology();
    let region = t.regions[0].id.clone();
    t.regions[0].polygons.push(vec![]);
    assert_eq!(t.decode().unwrap_err(), TopologyError::OpenRing { region });
}
