//! A reader's own timeline, natively, on the built atlas: forking, the edits and their undo,
//! the rules the page shares with `atlas validate`, and the codec of the share link with its
//! refusal of broken and hostile input.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::sync::OnceLock;
use uchronia::model::atlas::{Atlas, AtlasFile, Status, Timeline};
use uchronia::model::authoring::{
    changes, fork, fork_copy, regions_in_box, regions_in_lasso, slug, Assignment, Change, Draft,
    Evidence, Holder, PALETTE,
};
use uchronia::model::date::Date;
use uchronia::model::rules::{check_timeline, with_timeline, Problem};
use uchronia::model::share::{self, ShareError, MAX_JSON_BYTES};
use uchronia::model::topology::{Region, Topology};

fn built() -> &'static (Atlas, Vec<String>) {
    static BUILT: OnceLock<(Atlas, Vec<String>)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/geodata/build/");
        let atlas: AtlasFile =
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}atlas.json")).unwrap())
                .unwrap();
        let topology: Topology =
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}topology.json")).unwrap())
                .unwrap();
        let regions = topology.regions.iter().map(|r| r.id.clone()).collect();
        (atlas.into_atlas().unwrap(), regions)
    })
}

fn atlas() -> &'static Atlas {
    &built().0
}

fn regions() -> Vec<&'static str> {
    built().1.iter().map(String::as_str).collect()
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// The holder's id of a region on a day, in `timeline` set into the built atlas.
fn holder(t: &Timeline, region: &str, on: &str) -> String {
    let atlas = with_timeline(atlas(), t.clone());
    atlas
        .holder_of(&t.id, day(on), region)
        .unwrap()
        .unwrap()
        .state
        .id
        .clone()
}

fn danubian_draft() -> Draft {
    let t = fork(
        atlas(),
        &regions(),
        "real",
        "Danube",
        "A southern German union",
        day("1925-01-01"),
    )
    .unwrap();
    let mut draft = Draft::new(t);
    draft
        .apply(
            atlas(),
            &regions(),
            Change::Assign(Assignment {
                regions: vec!["bavaria".into(), "southwest-germany".into()],
                from: day("1925-03-01"),
                holder: Holder::New {
                    name: "Danubian Federation".into(),
                    local: Some("Donauföderation".into()),
                    colour: PALETTE[0].into(),
                },
                status: Status::Part,
                of: None,
                note: Some("  ".into()),
                evidence: Evidence::Citation("A. Author, The Danube Union (1931), p. 12".into()),
            }),
        )
        .unwrap();
    draft
}

#[test]
fn a_fork_inherits_everything_and_an_assignment_rules_from_its_day_on() {
    let draft = danubian_draft();
    let t = &draft.timeline;
    assert_eq!(t.id, "own-danube");
    assert_eq!(t.base.as_deref(), Some("real"));
    assert_eq!(t.states.len(), 1, "the new state is defined once");
    assert_eq!(t.states[0].id, "danubian-federation");
    assert_eq!(t.states[0].local.as_deref(), Some("Donauföderation"));
    assert_eq!(t.records.len(), 2);
    assert!(
        t.records.iter().all(|r| r.note.is_none()),
        "a blank note is no note"
    );
    assert!(t.records[0].cite.is_some());
    for region in ["bavaria", "southwest-germany"] {
        assert_eq!(holder(t, region, "1925-02-28"), "germany");
        assert_eq!(holder(t, region, "1925-03-01"), "danubian-federation");
        assert_eq!(holder(t, region, "1926-12-31"), "danubian-federation");
    }
    // Everything else is real history's, as the base has it, then and later.
    for (region, on) in [("saxony", "1926-12-31"), ("saar", "1936-12-31")] {
        let real = atlas().holder_of("real", day(on), region).unwrap().unwrap();
        assert_eq!(holder(t, region, on), real.state.id);
    }
    assert!(check_timeline(&with_timeline(atlas(), t.clone()), &t.id, &regions(), None).is_empty());
}

#[test]
fn a_later_record_splits_an_earlier_one_and_an_earlier_one_keeps_the_later() {
    let mut draft = danubian_draft();
    let give = |region: &str, from: &str, to: &str| {
        Change::Assign(Assignment {
            regions: vec![region.into()],
            from: day(from),
            holder: Holder::Existing(to.into()),
            status: Status::Occupied,
            of: Some("danubian-federation".into()),
            note: None,
            evidence: Evidence::None,
        })
    };
    draft
        .apply(atlas(), &regions(), give("bavaria", "1930-06-01", "france"))
        .unwrap();
    let t = &draft.timeline;
    assert_eq!(holder(t, "bavaria", "1930-05-31"), "danubian-federation");
    assert_eq!(holder(t, "bavaria", "1930-06-01"), "france");
    assert_eq!(
        holder(t, "southwest-germany", "1930-06-01"),
        "danubian-federation"
    );
    let invented = t
        .records
        .iter()
        .find(|r| r.from == day("1930-06-01"))
        .unwrap();
    assert_eq!(
        invented.confidence,
        Some(uchronia::model::atlas::Confidence::Invented),
        "a record without evidence is marked as the author's invention"
    );
    // A record dated between two keeps both in order.
    draft
        .apply(atlas(), &regions(), give("bavaria", "1927-01-01", "italy"))
        .unwrap();
    let t = &draft.timeline;
    assert_eq!(holder(t, "bavaria", "1926-12-31"), "danubian-federation");
    assert_eq!(holder(t, "bavaria", "1928-01-01"), "italy");
    assert_eq!(holder(t, "bavaria", "1931-01-01"), "france");
    // The same region on the same day replaces the record there.
    draft
        .apply(
            atlas(),
            &regions(),
            give("bavaria", "1927-01-01", "austria"),
        )
        .unwrap();
    assert_eq!(holder(&draft.timeline, "bavaria", "1928-01-01"), "austria");
    assert_eq!(draft.timeline.records.len(), 4);
}

#[test]
fn undo_brings_back_a_deleted_record_and_redo_deletes_it_again() {
    let mut draft = danubian_draft();
    let before = draft.timeline.clone();
    let i = before
        .records
        .iter()
        .position(|r| r.region == "bavaria")
        .unwrap();
    draft
        .apply(atlas(), &regions(), Change::Delete(vec![i]))
        .unwrap();
    assert_eq!(holder(&draft.timeline, "bavaria", "1926-12-31"), "germany");
    assert!(draft.undo());
    assert_eq!(draft.timeline, before);
    assert!(draft.redo());
    assert_eq!(draft.timeline.records.len(), 1);
    // Deleting the last record of a new state drops the state; undo restores both.
    draft
        .apply(atlas(), &regions(), Change::Delete(vec![0]))
        .unwrap();
    assert!(draft.timeline.states.is_empty());
    assert!(draft.undo());
    assert_eq!(draft.timeline.states.len(), 1);
    // A new change after an undo ends the redo.
    draft
        .apply(
            atlas(),
            &regions(),
            Change::Describe {
                name: "Danube".into(),
                summary: "Shorter".into(),
                diverges: day("1925-01-01"),
            },
        )
        .unwrap();
    assert!(!draft.can_redo());
    // Undo walks back to the fork, then stops.
    while draft.undo() {}
    assert!(draft.timeline.records.is_empty());
    assert!(!draft.undo());
}

fn reasons(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn a_change_that_breaks_a_rule_is_refused_and_changes_nothing() {
    let mut draft = danubian_draft();
    let before = draft.clone();
    let assign = |regions: Vec<String>, from: &str, holder: Holder| {
        Change::Assign(Assignment {
            regions,
            from: day(from),
            holder,
            status: Status::Part,
            of: None,
            note: None,
            evidence: Evidence::None,
        })
    };
    let cases = [
        (
            assign(
                vec!["bavaria".into()],
                "1924-06-01",
                Holder::Existing("france".into()),
            ),
            "before the timeline diverges",
        ),
        (
            assign(
                vec!["atlantis".into()],
                "1926-01-01",
                Holder::Existing("france".into()),
            ),
            "no region 'atlantis'",
        ),
        (
            assign(
                vec!["bavaria".into()],
                "1926-01-01",
                Holder::Existing("mu".into()),
            ),
            "holder 'mu' is not a state",
        ),
        (
            assign(Vec::new(), "1926-01-01", Holder::Existing("france".into())),
            "no region is selected",
        ),
        (
            assign(
                vec!["bavaria".into()],
                "1926-01-01",
                Holder::New {
                    name: "<img src=x onerror=alert(1)>".into(),
                    local: None,
                    colour: PALETTE[1].into(),
                },
            ),
            "markup",
        ),
        (
            assign(
                vec!["bavaria".into()],
                "1926-01-01",
                Holder::New {
                    name: "Red".into(),
                    local: None,
                    colour: "red".into(),
                },
            ),
            "not #rrggbb",
        ),
        (Change::Delete(vec![99]), "no such record"),
        (
            Change::Describe {
                name: " ".into(),
                summary: String::new(),
                diverges: day("1925-01-01"),
            },
            "the name is empty",
        ),
        (
            Change::Describe {
                name: "Danube".into(),
                summary: String::new(),
                diverges: day("1926-01-01"),
            },
            "starts before the timeline diverges",
        ),
    ];
    for (change, expected) in cases {
        let why = format!("{change:?}");
        let problems = draft.apply(atlas(), &regions(), change).unwrap_err();
        assert!(
            reasons(&problems).contains(expected),
            "{why}: expected '{expected}' in: {}",
            reasons(&problems)
        );
        assert_eq!(draft, before, "{why} changed the draft");
    }
}

#[test]
fn a_base_that_loops_or_is_missing_is_named_not_followed() {
    let mut t = danubian_draft().timeline;
    t.base = Some("own-danube".into());
    let problems = check_timeline(&with_timeline(atlas(), t.clone()), &t.id, &regions(), None);
    assert!(reasons(&problems).contains("base that is missing or loops"));
    t.base = Some("nowhere".into());
    let problems = check_timeline(&with_timeline(atlas(), t.clone()), &t.id, &regions(), None);
    assert!(reasons(&problems).contains("base that is missing or loops"));
}

#[test]
fn the_share_link_and_the_file_carry_the_timeline_whole() {
    let t = danubian_draft().timeline;
    let link = share::to_link(&t).unwrap();
    assert!(link.starts_with(share::LINK_PREFIX));
    assert!(
        link.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "the payload needs no escaping in a URL: {link}"
    );
    assert_eq!(share::from_link(&link).unwrap(), t);
    let fragment = format!("#{}={link}", share::FRAGMENT_KEY);
    assert_eq!(share::payload_of_fragment(&fragment), Some(link.as_str()));
    assert_eq!(share::from_file(&share::to_file(&t)).unwrap(), t);
    // The committed timelines are files of the same format.
    for committed in &atlas().timelines {
        let text = serde_json::to_string(committed).unwrap();
        assert_eq!(&share::from_file(&text).unwrap(), committed);
    }
}

#[test]
fn broken_and_hostile_links_and_files_are_named_not_trusted() {
    let t = danubian_draft().timeline;
    let link = share::to_link(&t).unwrap();
    let pack = |json: &[u8]| {
        use base64::Engine;
        format!(
            "{}{}",
            share::LINK_PREFIX,
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(miniz_oxide::deflate::compress_to_vec(json, 9))
        )
    };
    let bomb = pack(&vec![b' '; MAX_JSON_BYTES + 10]);
    assert!(bomb.len() < 20_000, "the bomb is small packed");
    let cases: Vec<(String, ShareError)> = vec![
        ("hello".into(), ShareError::NotALink),
        (
            link.replacen("u1.", "u7.", 1),
            ShareError::Version("u7.".into()),
        ),
        (format!("{}!!", &link), ShareError::Damaged(String::new())),
        (
            link[..link.len() / 2].to_string(),
            ShareError::Damaged(String::new()),
        ),
        (bomb, ShareError::TooBig),
        (pack(b"not json"), ShareError::NotATimeline(String::new())),
        (
            pack(br#"{"format":"uchronia-atlas","version":1,"timelines":[]}"#),
            ShareError::NotATimeline(String::new()),
        ),
        (
            pack(br#"{"id":"x","name":"y"}"#),
            ShareError::NotATimeline(String::new()),
        ),
        (
            format!("u1.{}", "A".repeat(40_000)),
            ShareError::LinkTooLong { chars: 40_003 },
        ),
    ];
    for (payload, expected) in cases {
        let got = share::from_link(&payload).unwrap_err();
        assert_eq!(
            std::mem::discriminant(&got),
            std::mem::discriminant(&expected),
            "{}…: {got}",
            &payload[..payload.len().min(40)]
        );
        assert!(!got.to_string().is_empty());
    }
    assert_eq!(
        share::from_file(&" ".repeat(MAX_JSON_BYTES + 1)).unwrap_err(),
        ShareError::TooBig
    );
    let missing = share::from_file(r#"{"id":"x","name":"y"}"#).unwrap_err();
    assert!(missing.to_string().contains("summary"), "{missing}");
}

#[test]
fn hostile_timelines_that_parse_are_refused_by_the_rules_with_the_record_named() {
    let base = danubian_draft().timeline;
    let mut cases: Vec<(Timeline, &str)> = Vec::new();
    let mut t = base.clone();
    t.records[0].region = "atlantis".into();
    cases.push((
        t,
        "records[0] (atlantis from 1925-03-01): no region 'atlantis'",
    ));
    let mut t = base.clone();
    t.records[1].from = Date::new(1950, 1, 1).unwrap();
    cases.push((t, "starts outside the atlas's days"));
    let mut t = base.clone();
    t.states[0].name = "<script>alert(1)</script>".into();
    cases.push((
        t,
        "states[0] 'danubian-federation': the name contains markup",
    ));
    let mut t = base.clone();
    t.id = "Own Timeline!".into();
    cases.push((t, "lower-case letters and digits, with single hyphens"));
    // An id that a link could not carry (a link refuses it as it refuses these).
    for id in ["-own", "own-", "own--danube"] {
        let mut t = base.clone();
        t.id = id.into();
        cases.push((t, "lower-case letters and digits, with single hyphens"));
    }
    let mut t = base.clone();
    t.records = (0..6000).map(|_| base.records[0].clone()).collect();
    cases.push((t, "at most 5000"));
    let mut t = base.clone();
    t.records[0].note = Some("x".repeat(5000));
    cases.push((t, "the note is longer than"));
    for (t, expected) in cases {
        let problems = check_timeline(&with_timeline(atlas(), t.clone()), &t.id, &regions(), None);
        assert!(
            reasons(&problems).contains(expected),
            "expected '{expected}' in: {}",
            reasons(&problems)
        );
    }
}

#[test]
fn an_edit_of_a_record_is_one_step_and_a_refused_edit_changes_nothing() {
    let mut draft = danubian_draft();
    let before = draft.clone();
    let i = draft
        .timeline
        .records
        .iter()
        .position(|r| r.region == "bavaria")
        .unwrap();
    let edit = |from: &str| {
        Change::Edit(
            vec![i],
            Assignment {
                regions: vec!["bavaria".into()],
                from: day(from),
                holder: Holder::Existing("austria".into()),
                status: Status::Part,
                of: None,
                note: Some("Anschluss the other way".into()),
                evidence: Evidence::None,
            },
        )
    };
    draft
        .apply(atlas(), &regions(), edit("1926-05-01"))
        .unwrap();
    assert_eq!(holder(&draft.timeline, "bavaria", "1926-04-30"), "germany");
    assert_eq!(holder(&draft.timeline, "bavaria", "1926-05-01"), "austria");
    assert_eq!(draft.timeline.records.len(), 2);
    assert!(draft.undo());
    assert_eq!(
        draft.timeline, before.timeline,
        "one undo takes the whole edit back"
    );
    // Refused (before the divergence): nothing changes, and redo still redoes the edit.
    let after_undo = draft.clone();
    assert!(draft
        .apply(atlas(), &regions(), edit("1924-01-01"))
        .is_err());
    assert_eq!(draft, after_undo);
    assert!(draft.redo());
    assert_eq!(holder(&draft.timeline, "bavaria", "1926-05-01"), "austria");
}

#[test]
fn the_records_of_one_assignment_are_one_change_to_list_edit_and_delete() {
    let mut draft = danubian_draft();
    assert_eq!(
        changes(&draft.timeline),
        vec![vec![0, 1]],
        "two regions, one change"
    );
    let give = |region: &str, from: &str| {
        Change::Assign(Assignment {
            regions: vec![region.into()],
            from: day(from),
            holder: Holder::Existing("france".into()),
            status: Status::Occupied,
            of: Some("danubian-federation".into()),
            note: None,
            evidence: Evidence::None,
        })
    };
    draft
        .apply(atlas(), &regions(), give("bavaria", "1930-01-01"))
        .unwrap();
    assert_eq!(changes(&draft.timeline), vec![vec![0, 1], vec![2]]);
    // Deleting the first change takes both its records, in one step.
    draft
        .apply(atlas(), &regions(), Change::Delete(vec![0, 1]))
        .unwrap();
    assert_eq!(draft.timeline.records.len(), 1);
    assert!(draft.undo());
    assert_eq!(draft.timeline.records.len(), 3);
}

#[test]
fn a_state_that_redefines_the_base_s_is_kept_when_no_record_names_it() {
    let mut draft = danubian_draft();
    // A timeline (opened from a file) that recolours real history's Germany.
    let mut germany = atlas().state("real", "germany").unwrap().unwrap().clone();
    germany.colour = "#123456".into();
    draft.timeline.states.push(germany);
    draft
        .apply(atlas(), &regions(), Change::Delete(vec![0]))
        .unwrap();
    assert!(draft
        .timeline
        .states
        .iter()
        .any(|s| s.id == "germany" && s.colour == "#123456"));
}

#[test]
fn a_copy_of_a_reader_s_timeline_stands_alone_on_the_same_base() {
    let parent = danubian_draft().timeline;
    let child = fork_copy(
        atlas(),
        &regions(),
        &parent,
        "Danube again",
        "",
        day("1930-01-01"),
    )
    .unwrap();
    assert_eq!(child.base.as_deref(), Some("real"));
    assert_ne!(child.id, parent.id);
    assert_eq!(
        child.diverges,
        Some(day("1925-01-01")),
        "the earlier of the two days"
    );
    assert_eq!(child.records, parent.records);
    // Without the parent in the atlas, it keeps every rule and draws the same map.
    assert!(uchronia::model::authoring::check(atlas(), &child, &regions()).is_empty());
    assert_eq!(
        holder(&child, "bavaria", "1926-12-31"),
        "danubian-federation"
    );
}

#[test]
fn a_timeline_whose_file_would_not_open_again_is_refused() {
    let mut draft = danubian_draft();
    let long_note = "x".repeat(3900);
    let many: Vec<String> = regions().iter().map(|r| r.to_string()).collect();
    let mut refused = None;
    for year in 1926..1941 {
        let change = Change::Assign(Assignment {
            regions: many.clone(),
            from: Date::for_year(year),
            holder: Holder::Existing("france".into()),
            status: Status::Part,
            of: None,
            note: Some(long_note.clone()),
            evidence: Evidence::None,
        });
        if let Err(p) = draft.apply(atlas(), &regions(), change) {
            refused = Some(reasons(&p));
            break;
        }
    }
    let why = refused.expect("a timeline over 1 MiB is refused");
    assert!(why.contains("KiB a file may have"), "{why}");
    assert!(share::to_file(&draft.timeline).len() <= MAX_JSON_BYTES);
    assert!(share::from_file(&share::to_file(&draft.timeline)).is_ok());
}

#[test]
fn a_new_state_takes_the_palette_colour_farthest_from_its_neighbours() {
    use uchronia::model::authoring::distinct_colour;
    assert_eq!(distinct_colour(&[]), PALETTE[0]);
    let near = ["#e6a57e", "#e0a070", "#f0a35e"];
    let chosen = distinct_colour(&near);
    assert!(!near.contains(&chosen));
    // Every other palette colour is at least as close to one of the neighbours.
    let d = |a: &str, b: &str| {
        let p = |c: &str, k: usize| i32::from_str_radix(&c[1 + 2 * k..3 + 2 * k], 16).unwrap();
        (0..3).map(|k| (p(a, k) - p(b, k)).pow(2)).sum::<i32>()
    };
    let gap = |c: &str| near.iter().map(|n| d(c, n)).min().unwrap();
    assert!(PALETTE.iter().all(|c| gap(c) <= gap(chosen)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any timeline of names and records round-trips through the link and the file.
    #[test]
    fn any_timeline_round_trips_through_the_link(
        name in "\\PC{1,40}",
        summary in "\\PC{0,80}",
        picks in proptest::collection::vec((0usize..1000, 0i32..8000), 0..30),
    ) {
        let regions = regions();
        let mut t = fork(atlas(), &regions, "real", "x", "", day("1918-11-11")).unwrap();
        t.name = name;
        t.summary = summary;
        for (r, d) in picks {
            let mut rec = atlas().timelines[0].records[0].clone();
            rec.region = regions[r % regions.len()].to_string();
            rec.from = Date::for_year(1918 + d % 24);
            t.records.push(rec);
        }
        let link = share::to_link(&t).unwrap();
        prop_assert_eq!(share::from_link(&link).unwrap(), t.clone());
        prop_assert_eq!(share::from_file(&share::to_file(&t)).unwrap(), t);
    }

    /// Any damage to a link gives a named error or a timeline, never a panic.
    #[test]
    fn damaged_links_never_panic(cut in 0usize..400, junk in "[A-Za-z0-9_.-]{0,12}") {
        let link = share::to_link(&danubian_draft().timeline).unwrap();
        let cut = cut.min(link.len());
        let damaged = format!("{}{junk}", &link[..cut]);
        if let Err(e) = share::from_link(&damaged) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    /// Names of new states become ids the rules accept.
    #[test]
    fn slugs_are_ids(name in "\\PC{0,60}") {
        prop_assert!(uchronia::model::rules::is_id(&slug(&name)));
    }
}

fn at(id: &str, x: i64, y: i64) -> Region {
    Region {
        id: id.into(),
        en: id.into(),
        local: id.into(),
        polygons: Vec::new(),
        label: [x, y],
        area_km2: 1.0,
    }
}

#[test]
fn a_lasso_picks_the_regions_whose_centre_it_encloses_and_no_others() {
    let regions = [
        at("a", 0, 0),
        at("b", 100, 0),
        at("c", 50, 100),
        at("far", 500, 500),
    ];
    // A U drawn around a and b, open at the top where c stands: c lies within the lasso's
    // bounding box but outside the lasso.
    let u = [
        [-20.0, -20.0],
        [120.0, -20.0],
        [120.0, 150.0],
        [80.0, 150.0],
        [80.0, 30.0],
        [20.0, 30.0],
        [20.0, 150.0],
        [-20.0, 150.0],
    ];
    assert_eq!(regions_in_lasso(&regions, &u), vec![0, 1]);
    // Drawn the other way round, the same.
    let back: Vec<[f64; 2]> = u.iter().rev().copied().collect();
    assert_eq!(regions_in_lasso(&regions, &back), vec![0, 1]);
    // A stroke of fewer than three points encloses nothing.
    assert!(regions_in_lasso(&regions, &u[..2]).is_empty());
    // The rectangle over the same ground takes c too.
    assert_eq!(
        regions_in_box(&regions, [-20.0, -20.0, 120.0, 150.0]),
        vec![0, 1, 2]
    );
}
