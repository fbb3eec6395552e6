//! The rules of the map, natively, on a small atlas made for each edge of the ownership rule:
//! inheritance from the base, a region's first own record, a record on its boundary day, a
//! timeline that freezes after its text, dots, borders, the states on the map, and a base
//! chain that loops; and the first map the page shows before the atlas starts, on the
//! committed data.
#![cfg(not(target_arch = "wasm32"))]

use uchronia::model::atlas::{Atlas, AtlasError, Status};
use uchronia::model::camera::Camera;
use uchronia::model::date::{Date, FIRST_YEAR, LAST_YEAR};
use uchronia::model::first_map::FirstMap;
use uchronia::model::map_state::{border_pairs, TimelineMaps, NO_HOLDER_FILL};
use uchronia::pipeline::build;

const REGIONS: [&str; 3] = ["a", "b", "c"];

fn atlas() -> Atlas {
    serde_json::from_value(serde_json::json!({ "timelines": [
        {
            "id": "real", "name": "Real", "summary": "",
            "states": [
                { "id": "x", "name": "Xland", "colour": "#111111" },
                { "id": "y", "name": "Yland", "colour": "#222222" },
                { "id": "z", "name": "Zland", "colour": "#333333" }
            ],
            "records": [
                { "region": "a", "holder": "x", "status": "part", "from": "1918-11-11" },
                { "region": "a", "holder": "y", "status": "part", "from": "1920-06-01" },
                { "region": "a", "holder": "z", "status": "occupied", "of": "y", "from": "1924-01-01" },
                { "region": "b", "holder": "y", "status": "part", "from": "1918-11-11" },
                { "region": "b", "holder": "z", "status": "part", "from": "1921-01-01" },
                { "region": "b", "holder": "x", "status": "part", "from": "1923-01-01" },
                { "region": "c", "holder": "y", "status": "part", "from": "1918-11-11" }
            ]
        },
        {
            "id": "alt", "name": "Alt", "summary": "", "base": "real",
            "diverges": "1922-03-01", "text_ends": "1925-12-31", "after_text": "freeze",
            "states": [
                { "id": "w", "name": "Wland", "colour": "#444444" },
                { "id": "y", "name": "Yland redrawn", "colour": "#555555" }
            ],
            "records": [
                { "region": "b", "holder": "w", "status": "part", "from": "1922-03-01",
                  "confidence": "inferred", "passages": ["p"] },
                { "region": "c", "holder": "w", "status": "puppet", "of": "y", "from": "1930-01-01",
                  "confidence": "stated", "passages": ["p"] }
            ]
        },
        {
            "id": "open", "name": "Open", "summary": "", "base": "real",
            "text_ends": "1921-06-30",
            "states": [{ "id": "w", "name": "Wland", "colour": "#444444" }],
            "records": [
                { "region": "c", "holder": "w", "status": "part", "from": "1921-01-01",
                  "confidence": "stated", "passages": ["p"] }
            ]
        },
        { "id": "loop-a", "name": "A", "summary": "", "base": "loop-b" },
        { "id": "loop-b", "name": "B", "summary": "", "base": "loop-a" }
    ]}))
    .expect("the fixture is an atlas")
}

fn maps(atlas: &Atlas, timeline: &str) -> TimelineMaps {
    TimelineMaps::new(atlas, timeline, &REGIONS).expect("the timeline has maps")
}

/// The holder's id of region `r` on a day.
fn holder(atlas: &Atlas, m: &TimelineMaps, date: &str, r: usize) -> Option<String> {
    let state = m.at(atlas, Date::parse(date).unwrap()).unwrap();
    state.cells[r].map(|c| m.states[c.holder].id.clone())
}

#[test]
fn a_record_rules_from_its_first_day_on() {
    let atlas = atlas();
    let real = maps(&atlas, "real");
    assert_eq!(holder(&atlas, &real, "1920-05-31", 0).as_deref(), Some("x"));
    assert_eq!(holder(&atlas, &real, "1920-06-01", 0).as_deref(), Some("y"));
    // Before the first record of all, nothing holds the region.
    assert_eq!(holder(&atlas, &real, "1918-11-10", 0), None);
}

#[test]
fn an_alternate_timeline_inherits_what_it_does_not_mention() {
    let atlas = atlas();
    let alt = maps(&atlas, "alt");
    // Region a is never mentioned by alt: real history's records, all of them.
    assert_eq!(holder(&atlas, &alt, "1920-06-01", 0).as_deref(), Some("y"));
    let cell = alt.year(1924).cells[0].unwrap();
    assert_eq!(alt.states[cell.holder].id, "z");
    assert_eq!(cell.status, Status::Occupied);
    assert!(cell.hatched());
    // Its `of` is the alternate timeline's own definition of y.
    assert_eq!(alt.states[cell.of.unwrap()].name, "Yland redrawn");
}

#[test]
fn each_cell_names_the_record_that_rules_it() {
    let atlas = atlas();
    for t in ["real", "alt"] {
        let m = maps(&atlas, t);
        for (y, map) in (FIRST_YEAR..).zip(&m.years) {
            for (r, cell) in map.cells.iter().enumerate() {
                let c = cell.expect("every region is held");
                let record = &atlas.timelines[c.record.timeline].records[c.record.record];
                assert_eq!(record.region, REGIONS[r], "{t} {y}");
                assert_eq!(record.holder, m.states[c.holder].id, "{t} {y}");
                assert_eq!(record.status, c.status, "{t} {y}");
                assert!(record.from <= Date::for_year(y), "{t} {y}");
            }
        }
    }
}

#[test]
fn own_records_rule_from_the_first_of_them_and_cut_off_the_base() {
    let atlas = atlas();
    let alt = maps(&atlas, "alt");
    // Before alt's first record for b, the base rules (z from 1921).
    assert_eq!(holder(&atlas, &alt, "1921-06-01", 1).as_deref(), Some("z"));
    assert_eq!(holder(&atlas, &alt, "1922-02-28", 1).as_deref(), Some("z"));
    assert_eq!(holder(&atlas, &alt, "1922-03-01", 1).as_deref(), Some("w"));
    // Real history's later record (x from 1923) no longer applies to b in alt.
    assert_eq!(holder(&atlas, &alt, "1923-06-01", 1).as_deref(), Some("w"));
}

#[test]
fn a_frozen_timeline_keeps_the_borders_of_its_texts_last_day() {
    let atlas = atlas();
    let alt = maps(&atlas, "alt");
    // c goes to w in 1930 by a record, but the text stops at the end of 1925.
    assert_eq!(alt.states[alt.year(1935).cells[2].unwrap().holder].id, "y");
    assert!(alt.year(1935).after_text && !alt.year(1925).after_text);
    // A timeline that goes on after its text applies its records.
    let open = maps(&atlas, "open");
    assert_eq!(
        open.states[open.year(1935).cells[2].unwrap().holder].id,
        "w"
    );
}

#[test]
fn dots_mark_where_the_map_differs_from_the_trunk_by_inference_or_after_the_text() {
    let atlas = atlas();
    let alt = maps(&atlas, "alt");
    let y1923 = alt.year(1923);
    // b: w (inferred) where real history has x: dotted.
    assert!(y1923.cells[1].unwrap().dotted);
    // a and c: as in real history: not dotted.
    assert!(!y1923.cells[0].unwrap().dotted && !y1923.cells[2].unwrap().dotted);
    let open = maps(&atlas, "open");
    // c: w on a stated record, before the text stops: not dotted; after it stops: dotted.
    assert!(
        !open
            .at(&atlas, Date::parse("1921-03-01").unwrap())
            .unwrap()
            .cells[2]
            .unwrap()
            .dotted
    );
    assert!(open.year(1921).cells[2].unwrap().dotted);
    // Real history is its own trunk: never dotted.
    let real = maps(&atlas, "real");
    assert!(real
        .years
        .iter()
        .flat_map(|y| &y.cells)
        .all(|c| !c.unwrap().dotted));
}

#[test]
fn a_border_shows_exactly_where_the_holders_differ() {
    let atlas = atlas();
    let real = maps(&atlas, "real");
    let sides = vec![vec![0], vec![0, 1], vec![1, 2], vec![2, 1], vec![0, 2]];
    let pairs = border_pairs(&sides);
    assert_eq!(pairs, vec![[0, 1], [0, 2], [1, 2]]);
    // 1919: a x, b y, c y.
    assert_eq!(real.year(1919).borders(&pairs), vec![true, true, false]);
    // 1920: a y, b y, c y: no borders at all.
    assert_eq!(real.year(1920).borders(&pairs), vec![false, false, false]);
    // The step from 1919 to 1920 changes a's fill and takes away two borders.
    let step = real.year(1919).diff(real.year(1920), &pairs);
    assert_eq!(step.regions, vec![0]);
    assert_eq!(step.borders, vec![0, 1]);
    assert!(real
        .year(1930)
        .diff(real.year(1931), &pairs)
        .regions
        .is_empty());
}

/// Real history in which Xland takes new names in 1930 and 1935 (the second without a local
/// name), and a timeline that inherits it.
fn renaming_atlas() -> Atlas {
    serde_json::from_value(serde_json::json!({ "timelines": [
        {
            "id": "real", "name": "Real", "summary": "",
            "states": [
                { "id": "x", "name": "Xland", "local": "Xheim", "colour": "#111111",
                  "renamed": [
                      { "from": "1930-06-01", "name": "Xonia", "local": "Xonija" },
                      { "from": "1935-03-21", "name": "Xistan" }
                  ] },
                { "id": "y", "name": "Yland", "colour": "#222222" }
            ],
            "records": [
                { "region": "a", "holder": "x", "status": "part", "from": "1918-11-11" },
                { "region": "b", "holder": "y", "status": "occupied", "of": "x", "from": "1918-11-11" },
                { "region": "c", "holder": "y", "status": "part", "from": "1918-11-11" }
            ]
        },
        {
            "id": "alt", "name": "Alt", "summary": "", "base": "real", "diverges": "1925-01-01",
            "states": [], "records": []
        },
        {
            "id": "frozen", "name": "Frozen", "summary": "", "base": "real",
            "diverges": "1925-01-01", "text_ends": "1931-12-31", "after_text": "freeze",
            "states": [], "records": []
        }
    ]}))
    .unwrap()
}

#[test]
fn a_state_bears_the_name_of_the_day_and_a_step_renames_its_regions() {
    use uchronia::model::permalink::Names;
    let atlas = renaming_atlas();
    let real = maps(&atlas, "real");
    let x = &real.states[real.state_index("x").unwrap()];
    let day = |d: &str| Date::parse(d).unwrap();
    assert_eq!(x.name_on(day("1930-05-31"), Names::English), "Xland");
    assert_eq!(x.name_on(day("1930-05-31"), Names::Local), "Xheim");
    // On the boundary day the new name rules.
    assert_eq!(x.name_on(day("1930-06-01"), Names::English), "Xonia");
    assert_eq!(x.name_on(day("1930-06-01"), Names::Local), "Xonija");
    // A new name without a local one keeps the local name it bore.
    assert_eq!(x.name_on(day("1941-12-31"), Names::English), "Xistan");
    assert_eq!(x.name_on(day("1941-12-31"), Names::Local), "Xonija");

    let pairs = [[0, 1], [0, 2], [1, 2]];
    // Nothing changes hands in 1930, but a (held by x) and b (occupied, of x) change names.
    let step = real.step(real.year(1929), real.year(1930), &pairs);
    assert_eq!(step.regions, vec![0, 1]);
    assert!(step.borders.is_empty());
    // Backwards too; and a year with no new name changes nothing.
    assert_eq!(
        real.step(real.year(1930), real.year(1929), &pairs).regions,
        vec![0, 1]
    );
    assert!(real
        .step(real.year(1931), real.year(1932), &pairs)
        .regions
        .is_empty());
    assert_eq!(
        real.step(real.year(1920), real.year(1941), &pairs).regions,
        vec![0, 1]
    );

    // The name it bore before its latest new name, and its last day.
    let x_state = &real.states[real.state_index("x").unwrap()];
    assert_eq!(
        x_state.former_name(day("1918-11-11"), day("1941-12-31"), Names::English),
        Some(("Xonia", day("1935-03-20")))
    );
    assert_eq!(
        x_state.former_name(day("1918-11-11"), day("1932-01-01"), Names::Local),
        Some(("Xheim", day("1930-05-31")))
    );
    assert_eq!(
        x_state.former_name(day("1936-01-01"), day("1941-12-31"), Names::English),
        None,
        "no new name since"
    );

    // A timeline that inherits the state inherits its names.
    let alt = maps(&atlas, "alt");
    let x = alt.state_index("x").unwrap();
    assert_eq!(
        alt.state_name(alt.year(1936), x, Names::English),
        Some("Xistan")
    );

    // A timeline frozen after its text keeps the names of its text's last day with its
    // borders: no step after it renames anything.
    let frozen = maps(&atlas, "frozen");
    let map = frozen.year(1936);
    assert_eq!(map.shown, day("1931-12-31"));
    assert_eq!(frozen.state_name(map, x, Names::English), Some("Xonia"));
    assert!(frozen
        .step(frozen.year(1934), frozen.year(1936), &pairs)
        .regions
        .is_empty());
    assert_eq!(
        frozen
            .step(frozen.year(1929), frozen.year(1936), &pairs)
            .regions,
        vec![0, 1]
    );
}

#[test]
fn a_new_name_needs_a_day_after_the_one_before_and_a_name_fit_for_the_map() {
    use uchronia::model::rules::check_timeline;
    let mut atlas = renaming_atlas();
    assert!(check_timeline(&atlas, "real", &REGIONS, None).is_empty());
    let x = &mut atlas.timelines[0].states[0];
    x.renamed[1].from = Date::parse("1929-01-01").unwrap();
    x.renamed[0].name = "<b>Xonia</b>".into();
    let problems: Vec<String> = check_timeline(&atlas, "real", &REGIONS, None)
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("states[0] 'x' renamed[0] (from 1930-06-01)"),
        "{problems:?}"
    );
    assert!(problems[0].contains("markup"), "{problems:?}");
    assert!(
        problems[1].contains("renamed[1] (from 1929-01-01)"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("a day after the one before"),
        "{problems:?}"
    );
}

#[test]
fn the_states_on_the_map_come_largest_first_with_their_parts() {
    let atlas = atlas();
    let real = maps(&atlas, "real");
    let areas = [10.0, 30.0, 5.0];
    let states = real.year(1919).states_on_map(&areas);
    let ids: Vec<&str> = states
        .iter()
        .map(|s| real.states[s.state].id.as_str())
        .collect();
    assert_eq!(ids, vec!["y", "x"]);
    assert_eq!(states[0].area_km2, 35.0);
    assert_eq!(states[0].parts, vec![1, 2]);
}

#[test]
fn ticks_fall_in_the_years_the_map_changes() {
    let atlas = atlas();
    assert_eq!(
        maps(&atlas, "real").change_years(),
        vec![1920, 1921, 1923, 1924]
    );
    // alt: real's 1920 and 1924 changes of a, its own b in 1922; frozen after 1925.
    assert_eq!(
        maps(&atlas, "alt").change_years(),
        vec![1920, 1921, 1922, 1924]
    );
}

#[test]
fn a_base_chain_that_loops_is_an_error_not_a_hang() {
    let atlas = atlas();
    for t in ["loop-a", "loop-b"] {
        assert_eq!(
            TimelineMaps::new(&atlas, t, &REGIONS).unwrap_err(),
            AtlasError::BadBase(t.to_string())
        );
    }
    assert_eq!(
        TimelineMaps::new(&atlas, "nowhere", &REGIONS).unwrap_err(),
        AtlasError::UnknownTimeline("nowhere".into())
    );
}

#[test]
fn a_simplified_arc_keeps_its_ends_and_its_shape_within_the_tolerance() {
    use uchronia::model::topology::simplify_arc;
    // A zigzag of height 1 along a line, with one spike of 50.
    let mut arc: Vec<[i64; 2]> = (0..100).map(|i| [i * 10, i % 2]).collect();
    arc[50][1] = 50;
    let coarse = simplify_arc(&arc, 2.0);
    assert_eq!(coarse.first(), arc.first());
    assert_eq!(coarse.last(), arc.last());
    assert!(coarse.contains(&[500, 50]), "the spike is kept: {coarse:?}");
    assert!(coarse.len() <= 8, "the zigzag is gone: {coarse:?}");
    // Every point of the arc lies within the tolerance of the simplified line.
    let distance = |p: [i64; 2]| {
        coarse
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0].map(|v| v as f64), w[1].map(|v| v as f64));
                let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                let t = (((p[0] as f64 - a[0]) * dx + (p[1] as f64 - a[1]) * dy)
                    / (dx * dx + dy * dy))
                    .clamp(0.0, 1.0);
                (p[0] as f64 - a[0] - t * dx).hypot(p[1] as f64 - a[1] - t * dy)
            })
            .fold(f64::MAX, f64::min)
    };
    assert!(arc.iter().all(|&p| distance(p) <= 2.0));
    // A closed arc (a whole island) keeps enough points to stay a ring.
    let square = vec![[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    assert_eq!(simplify_arc(&square, 1.0), square);
    assert_eq!(simplify_arc(&square[..2], 100.0), square[..2].to_vec());
}

#[test]
fn what_differs_says_since_when_and_which_record_causes_it() {
    use uchronia::model::compare::{differences, record, Side};
    let atlas = atlas();
    let (alt, real) = (maps(&atlas, "alt"), maps(&atlas, "real"));
    let here = Side {
        maps: &alt,
        map: alt.year(1923),
    };
    let there = Side {
        maps: &real,
        map: real.year(1923),
    };
    let diff = differences(&atlas, here, there);
    // Only b differs: w in alt, x in real history.
    assert_eq!(diff.len(), 1, "{diff:?}");
    let d = &diff[0];
    assert_eq!(
        (d.region, d.here.as_deref(), d.there.as_deref()),
        (1, Some("Wland"), Some("Xland"))
    );
    // They differ since alt's own record of 1922-03-01 (real history's change of 1923 did not
    // make them differ: they already did).
    assert_eq!(d.since, Date::parse("1922-03-01").unwrap());
    let cause = record(&atlas, d.cause).unwrap();
    assert_eq!(
        (cause.holder.as_str(), cause.passages.clone()),
        ("w", vec!["p".to_string()])
    );
    // The same timeline in two years: what its own records changed.
    let before = Side {
        maps: &real,
        map: real.year(1919),
    };
    let after = Side {
        maps: &real,
        map: real.year(1921),
    };
    let regions: Vec<usize> = differences(&atlas, after, before)
        .iter()
        .map(|d| d.region)
        .collect();
    assert_eq!(regions, vec![0, 1]);
    // A map against itself: nothing.
    assert!(differences(&atlas, here, here).is_empty());
}

/// Reads back a path as a browser does: `M`/`L` take absolute points, `m`/`l` steps from the
/// last point, pairs after `M` are lines to absolute points (after `m`, steps), and a minus
/// sign separates numbers by itself.
fn read_path(d: &str) -> Vec<[i64; 2]> {
    let mut tokens: Vec<Result<i64, char>> = Vec::new();
    let mut number = String::new();
    let end_number = |number: &mut String, tokens: &mut Vec<Result<i64, char>>| {
        if !number.is_empty() {
            tokens.push(Ok(number.parse().expect("a number")));
            number.clear();
        }
    };
    for ch in d.chars() {
        match ch {
            '0'..='9' => number.push(ch),
            '-' => {
                end_number(&mut number, &mut tokens);
                number.push(ch);
            }
            ' ' => end_number(&mut number, &mut tokens),
            'M' | 'm' | 'L' | 'l' => {
                end_number(&mut number, &mut tokens);
                tokens.push(Err(ch));
            }
            _ => panic!("unexpected {ch:?} in {d}"),
        }
    }
    end_number(&mut number, &mut tokens);
    let mut points: Vec<[i64; 2]> = Vec::new();
    let mut relative = None;
    let mut pending: Vec<i64> = Vec::new();
    for token in tokens {
        match token {
            Err(command) => {
                assert!(
                    pending.is_empty(),
                    "an odd number before {command:?} in {d}"
                );
                assert!(
                    points.is_empty() == command.eq_ignore_ascii_case(&'m'),
                    "{d}"
                );
                relative = Some(command.is_ascii_lowercase());
            }
            Ok(n) => {
                pending.push(n);
                if let [x, y] = pending[..] {
                    let relative = relative.unwrap_or_else(|| panic!("a number first in {d}"));
                    points.push(match (relative, points.last()) {
                        (true, Some(p)) => [p[0] + x, p[1] + y],
                        _ => [x, y],
                    });
                    pending.clear();
                }
            }
        }
    }
    assert!(pending.is_empty(), "an odd number at the end of {d}");
    points
}

proptest::proptest! {
    #[test]
    fn a_path_draws_exactly_its_points(
        points in proptest::collection::vec((-100_000i64..100_000, -100_000i64..100_000), 0..40),
    ) {
        let points: Vec<[i64; 2]> = points.into_iter().map(|(x, y)| [x, y]).collect();
        let mut d = String::new();
        uchronia::model::topology::svg_path(&points, &mut d);
        proptest::prop_assert_eq!(read_path(&d), points, "{}", d);
    }
}

#[test]
fn the_first_map_is_the_map_the_atlas_opens_with() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata");
    let decoded = build::load_topology(&data).unwrap().decode().unwrap();
    let atlas = build::atlas_file(&data).unwrap().atlas;
    let text = std::fs::read_to_string(data.join("build/first-map.json")).unwrap();
    let first: FirstMap = serde_json::from_str(&text).unwrap();
    assert_eq!(
        first,
        FirstMap::new(&decoded, &atlas).unwrap(),
        "geodata/build/first-map.json is stale: run `atlas build --text-only`"
    );
    // Every timeline the site serves, every year, every region: the colour of its holder on
    // the atlas's map of that year.
    let ids: Vec<&str> = decoded
        .topology
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(first.timelines.len(), atlas.timelines.len());
    for t in &atlas.timelines {
        let maps = TimelineMaps::new(&atlas, &t.id, &ids).unwrap();
        for year in FIRST_YEAR..=LAST_YEAR {
            for (i, id) in ids.iter().enumerate() {
                let want = maps.year(year).cells[i]
                    .map_or(NO_HOLDER_FILL, |c| maps.states[c.holder].colour.as_str());
                assert_eq!(
                    first.fill(&t.id, year, id),
                    Some(want),
                    "{} {year} {id}",
                    t.id
                );
            }
        }
        assert_eq!(first.fill(&t.id, LAST_YEAR + 1, ids[0]), None);
    }
    // Bavaria in 1924: Germany's in real history, the Labour Commune's in Red Triumph.
    let colour = |timeline: &str, name: &str| {
        let maps = TimelineMaps::new(&atlas, timeline, &ids).unwrap();
        maps.states
            .iter()
            .find(|s| s.name == name)
            .unwrap()
            .colour
            .clone()
    };
    let germany = colour("real", "Germany");
    let commune = colour("red-triumph", "German Labour Commune");
    assert_ne!(germany, commune);
    assert_eq!(first.fill("real", 1924, "bavaria"), Some(germany.as_str()));
    assert_eq!(
        first.fill("red-triumph", 1924, "bavaria"),
        Some(commune.as_str())
    );
    // The view the atlas opens with, and a path for each region.
    let home = Camera::home(&decoded.topology).view_box(decoded.topology.unit_m);
    let want = [home[0], home[1], home[2] - home[0], home[3] - home[1]];
    for (got, want) in first.view_box.iter().zip(want) {
        assert!(
            (got - want).abs() <= 0.5,
            "view box {:?} against {want:?}",
            first.view_box
        );
    }
    assert_eq!(first.regions, ids);
    assert_eq!(first.paths.len(), ids.len());
    assert!(first
        .paths
        .iter()
        .all(|d| d.starts_with('M') && d.ends_with('Z')));
}
