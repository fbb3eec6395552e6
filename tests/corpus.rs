//! The texts as the atlas reads them: the gazetteer finds names as a reader would, the
//! passages keep every sentence of each story exactly once, and the passages listed for a
//! region are the ones a reader would pick.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use uchronia::model::date::Date;
use uchronia::model::passages::{Corpus, Kind, Subject};
use uchronia::pipeline::build;
use uchronia::pipeline::corpus::{repair_mojibake, CorpusRecipe, SectionKind};
use uchronia::pipeline::files::read_json;
use uchronia::pipeline::gazetteer::{mentions, Gazetteer};

fn data() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata"))
}

fn gazetteer() -> Gazetteer {
    let decoded = build::load_topology(&data()).unwrap().decode().unwrap();
    Gazetteer::load(&data(), &decoded).expect("the gazetteer loads")
}

fn corpus() -> Corpus {
    build::load_corpus(&data()).expect("the committed corpus loads")
}

#[test]
fn names_match_whole_words_in_any_case() {
    assert!(mentions("the Bavarian front", "Bavarian"));
    assert!(mentions("IN BAYERN", "bayern"));
    assert!(mentions("peace of Poznan.", "Poznan"));
    assert!(mentions("„Posen“ und Danzig", "Posen"));
    assert!(
        !mentions("the Rhineland", "Rhine"),
        "no match inside another word"
    );
    assert!(!mentions("essential", "Essen"));
    assert!(!mentions("Saarlandish", "Saarland"));
    assert!(!mentions("Prussian", "Prussia"));
    assert!(mentions("Alma Ata, 1928", "Alma Ata"));
}

#[test]
fn the_gazetteer_knows_names_in_several_languages() {
    let g = gazetteer();
    let regions = |t: &str| g.regions_in(t, &g.places_in(t));
    for (text, region) in [
        ("Bayern", "bavaria"),
        ("Bavaria", "bavaria"),
        ("Sachsen", "saxony"),
        ("Saxony", "saxony"),
        ("the Rhine region", "rhineland-north"),
        ("Rheinland", "rhineland-south"),
        ("nach Jakutien verbannt", "yakutia"),
        ("Kasachstan", "kazakhstan"),
        ("Hannover province", "hanover"),
        ("the Saarland", "saar"),
    ] {
        assert!(
            regions(text).contains(&region.to_string()),
            "{text}: {:?}",
            regions(text)
        );
    }
    for (text, place) in [
        ("Posen", "poznan"),
        ("Poznań", "poznan"),
        ("Poznan", "poznan"),
        ("Alma Ata", "alma-ata"),
        ("Almaty", "alma-ata"),
        ("Konstantinopel", "constantinople-city"),
        ("Constantinople", "constantinople-city"),
        ("München", "munich"),
        ("Moskau", "moscow"),
    ] {
        assert_eq!(g.places_in(text), [place.to_string()], "{text}");
    }
    // A place brings its region: Munich lies in Bavaria, Kazan in the Tatar region.
    assert!(regions("in Munich").contains(&"bavaria".to_string()));
    assert!(regions("tank school in Kazan").contains(&"kazan".to_string()));
}

/// Sentences of a text, whitespace normalised.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '.' | '!' | '?') {
            let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.chars().filter(|c| c.is_alphabetic()).count() > 3 {
                out.push(s);
            }
            current.clear();
        }
    }
    let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        out.push(s);
    }
    out
}

#[test]
fn every_sentence_of_each_story_is_kept_exactly_once() {
    let recipe: CorpusRecipe = read_json(&data().join("authored/corpus.json")).unwrap();
    let corpus = corpus();
    for source in &recipe.sources {
        let raw = std::fs::read_to_string(data().join(&source.file)).unwrap();
        let raw = if source.repair_mojibake {
            repair_mojibake(&raw)
        } else {
            raw
        };
        // The raw story: the lines of its story sections, less chrome and headings.
        let mut kind = SectionKind::Chrome;
        let mut next = 0;
        let mut story = String::new();
        for line in raw.lines() {
            let mut line = line.replace('\u{a0}', " ").trim().to_string();
            if let Some(suffix) = &source.strip_line_suffix {
                if let Some(s) = line.strip_suffix(suffix.as_str()) {
                    line = s.trim().to_string();
                }
            }
            if source
                .sections
                .get(next)
                .is_some_and(|s| line.starts_with(&s.start))
            {
                kind = source.sections[next].kind;
                next += 1;
            }
            let chrome = source.drop.iter().any(|d| line.starts_with(d.as_str()))
                || source.headings.contains(&line);
            if kind == SectionKind::Story && !chrome {
                story.push_str(&line);
                story.push('\n');
            }
        }
        let told: String = corpus
            .passages
            .iter()
            .filter(|p| p.source == source.id && p.kind == Kind::Story)
            .map(|p| format!("{}\n", p.text))
            .collect();
        let expected = sentences(&story);
        let got = sentences(&told);
        assert!(!expected.is_empty(), "{}: no story found", source.id);
        assert_eq!(
            got, expected,
            "{}: the passages must hold the story's sentences, each once, in order",
            source.id
        );
    }
}

#[test]
fn page_chrome_and_broken_characters_are_gone() {
    let corpus = corpus();
    for p in &corpus.passages {
        for bad in [
            "β€",
            "πŸ",
            "Reklama",
            "Redirect to original",
            "Schreibe einen Kommentar",
            "Table of Contents",
            "Last edited:",
        ] {
            assert!(!p.text.contains(bad), "{}: {bad}", p.id);
        }
        assert!(!p.text.contains('\u{FFFD}'), "{}", p.id);
    }
    // Reader comments are kept, apart and marked.
    let comments = corpus
        .passages
        .iter()
        .filter(|p| p.kind == Kind::Commentary)
        .count();
    assert!(comments > 10, "{comments}");
    let c = corpus
        .passages
        .iter()
        .find(|p| {
            p.text
                .starts_with("is the commune more or less authoritarian")
        })
        .unwrap();
    assert_eq!(c.kind, Kind::Commentary);
    assert!(c
        .heading
        .as_deref()
        .is_some_and(|h| h.starts_with("wutisadeviantart")));
    // Quoted replies appear once.
    let quoted = corpus
        .passages
        .iter()
        .filter(|p| {
            p.text
                .starts_with("This must be Lenin and Stalin's worst nightmare")
        })
        .count();
    assert_eq!(quoted, 1);
}

fn listed(timeline: &str, year: i32, subject: Subject<'_>) -> Vec<String> {
    let atlas = build::load_atlas(&data()).unwrap();
    corpus()
        .for_moment(&atlas, timeline, Date::for_year(year), subject)
        .unwrap()
        .into_iter()
        .map(|r| r.passage.id.clone())
        .collect()
}

#[test]
fn kazan_in_real_history_1926_lists_the_tank_school() {
    assert_eq!(listed("real", 1926, Subject::Region("kazan")), ["003-007"]);
    assert_eq!(
        listed("real", 1926, Subject::Place("kazan-city")),
        ["003-007"]
    );
}

#[test]
fn bavaria_in_red_triumph_1924_lists_the_passages_about_bavaria() {
    let ids = listed("red-triumph", 1924, Subject::Region("bavaria"));
    // The breakthrough into Bavaria (dated September 1923 by the text, 1924 by the atlas)
    // is the evidence of the border shown, so it comes before the rest.
    let breakthrough = ids
        .iter()
        .position(|i| i == "000-016")
        .expect("000-016 is listed");
    assert!(breakthrough < 3, "{ids:?}");
    for id in ["000-008", "000-012", "000-013"] {
        assert!(
            ids.contains(&id.to_string()),
            "{id} names Munich or Bavaria: {ids:?}"
        );
    }
    let corpus = corpus();
    for id in &ids {
        let p = corpus.passage(id).unwrap();
        assert_eq!(p.source, "000", "only the timeline's own text");
    }
}

#[test]
fn the_ruhr_in_rosas_reich_1920_lists_its_capture_first() {
    let ids = listed("rosas-reich", 1920, Subject::Region("ruhr"));
    let top: Vec<&str> = ids.iter().take(4).map(String::as_str).collect();
    for id in ["001-019", "001-031"] {
        assert!(
            top.contains(&id),
            "{id} ({}) should lead: {ids:?}",
            corpus().passage(id).unwrap().text
        );
    }
    assert!(ids.contains(&"001-001".to_string()));
}

#[test]
fn every_record_of_an_alternate_timeline_cites_a_passage_or_follows_real_history() {
    let atlas = build::load_atlas(&data()).unwrap();
    let corpus = corpus();
    let mut alternates = 0;
    for t in atlas.timelines.iter().filter(|t| t.base.is_some()) {
        alternates += 1;
        assert!(!t.records.is_empty(), "{}", t.id);
        for r in &t.records {
            let real = r.confidence == Some(uchronia::model::atlas::Confidence::Real);
            assert!(
                real || !r.passages.is_empty(),
                "{} {} {}",
                t.id,
                r.region,
                r.from
            );
            for p in &r.passages {
                let p = corpus
                    .passage(p)
                    .unwrap_or_else(|| panic!("{}: no passage {p}", t.id));
                assert!(
                    t.sources.contains(&p.source),
                    "{} cites {} from another text",
                    t.id,
                    p.id
                );
            }
        }
    }
    assert_eq!(alternates, 3);
}

#[test]
fn a_passage_links_the_places_regions_and_years_it_names_and_loses_no_word() {
    use uchronia::model::passages::Segment;
    let corpus = corpus();
    for p in &corpus.passages {
        let segments = corpus.segments(p);
        let text: String = segments
            .iter()
            .map(|s| match s {
                Segment::Text(t)
                | Segment::Place(t, _)
                | Segment::Region(t, _)
                | Segment::Year(t, _) => t.as_str(),
            })
            .collect();
        assert_eq!(text, p.text, "{}", p.id);
    }
    let of = |id: &str| corpus.segments(corpus.passage(id).unwrap());
    let s = of("000-019");
    assert!(
        s.contains(&Segment::Place("Poznan".into(), "poznan".into())),
        "{s:?}"
    );
    assert!(
        s.contains(&Segment::Region("Prussia".into(), "east-prussia".into())),
        "{s:?}"
    );
    let s = of("000-016");
    assert!(s.contains(&Segment::Year("1923".into(), 1923)), "{s:?}");
    assert!(
        s.contains(&Segment::Region("Bavarian".into(), "bavaria".into())),
        "{s:?}"
    );
    // "Bavarian" is one name; "Bavaria" inside it is not linked twice.
    assert!(!s
        .iter()
        .any(|x| matches!(x, Segment::Region(t, _) if t == "Bavaria")));
}

#[test]
fn a_passage_read_beside_the_map_gives_its_year_and_the_places_it_names() {
    let c = corpus();
    // "On 10 November 1923, the Berlin workers' Council took control of the city."
    let f = c.follow("000-010").unwrap();
    assert_eq!(f.year, 1923);
    assert_eq!(f.when, "10 November 1923");
    assert_eq!(f.places, vec!["berlin-city".to_string()]);
    // The whole text around it, in order, from its own source only.
    let text = c.text_of("000-010");
    assert!(text.iter().all(|p| p.source == "000"));
    assert!(text.windows(2).all(|w| w[0].id < w[1].id));
    assert!(text.iter().any(|p| p.id == "000-010"));
    assert!(c.follow("999-999").is_none());
    assert!(c.text_of("999-999").is_empty());
}
