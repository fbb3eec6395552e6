//! The moment in a URL: what users type, paste and share.

use uchronia::model::permalink::{Ignored, Moment, Reason, View};

const TIMELINES: [&str; 4] = ["real", "red-triumph", "rosas-reich", "strasser"];

fn parse(q: &str) -> (Moment, Vec<Ignored>) {
    let p = Moment::parse(q, &TIMELINES);
    (p.moment, p.ignored)
}

fn reasons(q: &str) -> Vec<(String, Reason)> {
    parse(q).1.into_iter().map(|i| (i.key, i.reason)).collect()
}

#[test]
fn a_full_link_opens_its_moment() {
    let (m, ignored) = parse("?t=red-triumph&y=1925&r=bavaria&v=10.5,50.2,4");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(m.timeline, "red-triumph");
    assert_eq!(m.year, 1925);
    assert_eq!(m.selection.as_deref(), Some("bavaria"));
    assert_eq!(m.view, View::new(10.5, 50.2, 4.0));
}

#[test]
fn an_empty_link_opens_the_default_moment() {
    for q in ["", "?", "&&", "?&"] {
        let (m, ignored) = parse(q);
        assert_eq!(m, Moment::default(), "{q}");
        assert!(ignored.is_empty(), "{q}");
    }
}

#[test]
fn format_writes_the_canonical_query() {
    let m = Moment {
        timeline: "rosas-reich".into(),
        year: 1920,
        selection: Some("ruhr".into()),
        view: View::new(7.1, 51.45, 6.0),
        ..Moment::default()
    };
    assert_eq!(
        m.to_query(),
        "?t=rosas-reich&y=1920&r=ruhr&v=7.10,51.45,6.00"
    );
    let compared = Moment {
        compare: Some("real".into()),
        compare_year: Some(1925),
        ..m
    };
    assert_eq!(
        compared.to_query(),
        "?t=rosas-reich&y=1920&c=real&cy=1925&r=ruhr&v=7.10,51.45,6.00"
    );
    assert_eq!(Moment::default().to_query(), "?t=real&y=1930");
}

#[test]
fn every_valid_moment_round_trips() {
    let views = [
        None,
        View::new(0.0, 0.0, 1.0),
        View::new(-9.99, 38.72, 2.5),
        View::new(179.994, -89.996, 63.999),
        View::new(13.404954, 52.520008, 12.345),
    ];
    for timeline in TIMELINES {
        for year in 1918..=1941 {
            for selection in [None, Some("bavaria"), Some("place-kazan"), Some("a1")] {
                for view in views {
                    let m = Moment {
                        timeline: timeline.into(),
                        year,
                        selection: selection.map(Into::into),
                        view,
                        ..Moment::default()
                    };
                    let (back, ignored) = parse(&m.to_query());
                    assert!(ignored.is_empty(), "{m:?}: {ignored:?}");
                    assert_eq!(back, m);
                }
            }
        }
    }
}

#[test]
fn a_comparison_names_a_known_timeline_and_a_year() {
    let (m, ignored) = parse("t=red-triumph&y=1935&c=real");
    assert_eq!(m.compare.as_deref(), Some("real"));
    assert_eq!(m.compare_year, None);
    assert!(ignored.is_empty());
    let (m, ignored) = parse("t=real&y=1935&c=narnia&cy=1890");
    assert_eq!((m.compare, m.compare_year), (None, None));
    let reasons: Vec<String> = ignored.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        reasons,
        [
            "c=narnia: no such timeline",
            "cy=1890: outside 1918–1941; showing 1918 instead",
            "cy=1918: a compared year needs a compared timeline (c)"
        ]
    );
    // The shown timeline in the shown year is no comparison; in another year it is.
    let (m, ignored) = parse("t=real&y=1935&c=real");
    assert_eq!(m.compare, None);
    assert_eq!(
        ignored[0].to_string(),
        "c=real: the same timeline in the same year: nothing to compare"
    );
    let (m, ignored) = parse("t=real&y=1935&c=real&cy=1925");
    assert_eq!(
        (m.compare.as_deref(), m.compare_year),
        (Some("real"), Some(1925))
    );
    assert!(ignored.is_empty());
}

#[test]
fn local_names_are_kept_in_the_link() {
    use uchronia::model::permalink::Names;
    let (m, ignored) = parse("t=real&y=1930&n=local");
    assert_eq!(m.names, Names::Local);
    assert!(ignored.is_empty());
    assert_eq!(m.to_query(), "?t=real&y=1930&n=local");
    let (m, ignored) = parse("t=real&y=1930&n=klingon");
    assert_eq!(m.names, Names::English);
    assert_eq!(
        ignored[0].to_string(),
        "n=klingon: names are 'en' or 'local'"
    );
    // English is the default and is not written.
    assert_eq!(parse("n=en").0.to_query(), "?t=real&y=1930");
}

#[test]
fn the_compact_view_for_embedding_is_kept_in_the_link() {
    let (m, ignored) = parse("t=real&y=1930&embed=1");
    assert!(m.embed);
    assert!(ignored.is_empty());
    assert_eq!(m.to_query(), "?t=real&y=1930&embed=1");
    let (m, ignored) = parse("t=real&y=1930&embed=yes");
    assert!(!m.embed);
    assert_eq!(
        ignored[0].to_string(),
        "embed=yes: embed is 1 (the compact view) or 0"
    );
    assert_eq!(parse("embed=0").0.to_query(), "?t=real&y=1930");
}

#[test]
fn the_passage_a_reader_is_at_is_kept_in_the_link() {
    let (m, ignored) = parse("t=red-triumph&y=1923&read=000-016");
    assert_eq!(m.reading.as_deref(), Some("000-016"));
    assert!(ignored.is_empty());
    assert_eq!(m.to_query(), "?t=red-triumph&y=1923&read=000-016");
    let (m, ignored) = parse("t=real&y=1930&read=%3Cscript%3E");
    assert_eq!(m.reading, None);
    assert_eq!(ignored[0].key, "read");
}

#[test]
fn an_unknown_timeline_falls_back_to_real_history() {
    let (m, _) = parse("t=narnia&y=1925");
    assert_eq!((m.timeline.as_str(), m.year), ("real", 1925));
    assert_eq!(reasons("t=narnia"), [("t".into(), Reason::UnknownTimeline)]);
    assert_eq!(reasons("t=Real"), [("t".into(), Reason::UnknownTimeline)]);
}

#[test]
fn a_year_out_of_range_opens_the_nearest_year() {
    let (m, ignored) = parse("y=1950");
    assert_eq!(m.year, 1941);
    assert_eq!(ignored[0].reason, Reason::YearOutOfRange { shown: 1941 });
    assert_eq!(parse("y=1900").0.year, 1918);
    assert_eq!(parse("y=-5").0.year, 1918);
    let huge = format!("y={}", "9".repeat(400));
    assert_eq!(parse(&huge).0.year, 1941);
    let (m, ignored) = parse(&format!("y=-{}", "9".repeat(400)));
    assert_eq!(m.year, 1918);
    assert!(
        ignored[0].value.chars().count() <= 41,
        "long values are shortened"
    );
}

#[test]
fn a_year_that_is_not_a_number_is_rejected() {
    for bad in [
        "y=abc",
        "y=19.5",
        "y=1925x",
        "y=%201925",
        "y=-",
        "y=1e3",
        "y=１９２５",
    ] {
        let (m, ignored) = parse(bad);
        assert_eq!(m.year, 1930, "{bad}");
        assert_eq!(ignored.len(), 1, "{bad}");
        assert!(
            matches!(ignored[0].reason, Reason::NotAYear),
            "{bad}: {:?}",
            ignored[0].reason
        );
    }
}

#[test]
fn bad_selections_are_rejected() {
    for bad in [
        "r=Bavaria",
        "r=-x",
        "r=x-",
        "r=a--b",
        "r=<script>",
        "r=ba%20varia",
        "r=%C3%A9",
    ] {
        let (m, ignored) = parse(bad);
        assert_eq!(m.selection, None, "{bad}");
        assert_eq!(ignored[0].reason, Reason::BadId, "{bad}");
    }
    let long = format!("r={}", "a".repeat(65));
    assert_eq!(reasons(&long)[0].1, Reason::BadId);
}

#[test]
fn bad_views_are_rejected_and_wild_zooms_clamped() {
    for bad in [
        "v=1,2",
        "v=1,2,3,4",
        "v=a,b,c",
        "v=200,10,2",
        "v=10,95,2",
        "v=NaN,1,1",
        "v=inf,1,1",
        "v=1e2,1,1",
        "v=,,",
    ] {
        let (m, ignored) = parse(bad);
        assert_eq!(m.view, None, "{bad}");
        assert_eq!(ignored[0].reason, Reason::BadView, "{bad}");
    }
    let (m, ignored) = parse("v=10,50,500");
    assert_eq!(m.view, View::new(10.0, 50.0, 64.0));
    assert!(matches!(ignored[0].reason, Reason::ZoomClamped { .. }));
}

#[test]
fn keys_that_are_unknown_repeated_empty_or_broken_are_named() {
    assert_eq!(
        reasons("x=1&y=1925&y=1926&t=&r=%E2%28"),
        [
            ("x".into(), Reason::UnknownKey),
            ("y".into(), Reason::Repeated),
            ("t".into(), Reason::Empty),
            ("r".into(), Reason::BadEncoding),
        ]
    );
    // The first of repeated values counts.
    assert_eq!(parse("y=1925&y=1926").0.year, 1925);
    assert_eq!(reasons("v=%G1")[0].1, Reason::BadEncoding);
    assert_eq!(reasons("r=%")[0].1, Reason::BadEncoding);
}

#[test]
fn percent_encoded_values_are_read() {
    let (m, ignored) = parse("%74=red%2Dtriumph&y=19%325");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!((m.timeline.as_str(), m.year), ("red-triumph", 1925));
}

#[test]
fn every_reason_reads_as_a_sentence() {
    let (_, ignored) = parse("q=1&y=2000&t=x");
    let text: Vec<String> = ignored.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "q=1: not a key of the atlas",
            "y=2000: outside 1918–1941; showing 1941 instead",
            "t=x: no such timeline",
        ]
    );
}
