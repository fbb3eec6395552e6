//! Search on the committed data: names in the texts' languages, forgiving case and diacritics,
//! each result leading to the right moment.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use uchronia::model::map_state::TimelineMaps;
use uchronia::model::search::{fold, Found, SearchIndex};
use uchronia::pipeline::build;

fn index() -> SearchIndex {
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata"));
    let topology = build::load_topology(&data).unwrap();
    let atlas = build::load_atlas(&data).unwrap();
    let corpus = build::load_corpus(&data).unwrap();
    let ids: Vec<&str> = topology.regions.iter().map(|r| r.id.as_str()).collect();
    let maps: Vec<TimelineMaps> = atlas
        .timelines
        .iter()
        .map(|t| TimelineMaps::new(&atlas, &t.id, &ids).unwrap())
        .collect();
    SearchIndex::new(&atlas, &corpus, &topology.regions, &maps)
}

#[test]
fn folding_forgets_case_diacritics_and_hyphens() {
    assert_eq!(fold("Poznań"), "poznan");
    assert_eq!(fold("POZNAN"), "poznan");
    assert_eq!(fold("Ostpreußen"), "ostpreussen");
    assert_eq!(fold("Alma-Ata"), "alma ata");
    assert_eq!(fold("  Śląsk  "), "slask");
    assert_eq!(fold("Chișinău"), "chisinau");
}

#[test]
fn posen_finds_poznan_in_red_triumph() {
    let index = index();
    let hits = index.search("Posen", 8);
    let first = hits.first().expect("Posen finds something");
    assert_eq!(first.found, Found::Place, "{hits:#?}");
    assert_eq!(first.title, "Poznań");
    assert_eq!(first.target.selection.as_deref(), Some("poznan"));
    assert_eq!(first.target.timeline.as_deref(), Some("red-triumph"));
    // The region of the same name comes right after the city.
    assert!(hits
        .iter()
        .any(|h| h.found == Found::Region && h.target.selection.as_deref() == Some("posen")));
    // Without the diacritic too.
    assert_eq!(index.search("poznan", 1)[0].title, "Poznań");
}

#[test]
fn alma_ata_lands_on_trotskys_exile_in_real_history() {
    let index = index();
    for q in ["Alma-Ata", "alma ata", "Almaty"] {
        let first = index.search(q, 5)[0];
        assert_eq!(first.target.selection.as_deref(), Some("alma-ata"), "{q}");
        assert_eq!(first.target.timeline.as_deref(), Some("real"), "{q}");
        assert_eq!(
            first.target.year,
            Some(1928),
            "{q}: exiled there in January 1928"
        );
    }
}

#[test]
fn states_are_found_in_their_timeline_and_years_and_passages_by_their_words() {
    let index = index();
    let commune = index.search("German Labour Commune", 3);
    assert_eq!(commune[0].found, Found::State, "{commune:#?}");
    assert_eq!(commune[0].target.timeline.as_deref(), Some("red-triumph"));
    assert!(commune[0]
        .target
        .year
        .is_some_and(|y| (1923..=1924).contains(&y)));
    assert!(commune[0].detail.contains("Red Triumph"));
    // Local and German names of regions.
    assert_eq!(
        index.search("Bayern", 1)[0].target.selection.as_deref(),
        Some("bavaria")
    );
    // A word only the texts use finds passages, never ahead of a name.
    let hits = index.search("Krupskaya", 20);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.found == Found::Passage));
    assert!(index.search("", 5).is_empty());
    assert!(index.search("zzzzqqq", 5).is_empty());
}

#[test]
fn a_place_is_found_by_its_own_name_in_its_own_script() {
    let index = index();
    for (q, id) in [
        ("Москва", "moscow"),
        ("москва", "moscow"),
        ("Warszawa", "warsaw"),
        ("İstanbul", "constantinople-city"),
    ] {
        let hits = index.search(q, 3);
        assert!(
            hits.iter()
                .any(|h| h.found == Found::Place && h.target.selection.as_deref() == Some(id)),
            "{q}: {hits:#?}"
        );
    }
}

#[test]
fn a_state_is_found_by_each_of_its_names_at_the_years_it_bore_it() {
    let index = index();
    let state = |q: &str| {
        index
            .search(q, 8)
            .into_iter()
            .find(|h| h.found == Found::State && h.target.timeline.as_deref() == Some("real"))
            .unwrap_or_else(|| panic!("{q} finds a state of real history"))
    };
    let iran = state("Iran");
    assert_eq!(iran.title, "Iran");
    assert_eq!(
        iran.target.year,
        Some(1935),
        "Persia is Iran from 21 March 1935"
    );
    assert!(iran.detail.ends_with("1935–1941"), "{}", iran.detail);
    let persia = state("Persia");
    assert_eq!(persia.title, "Persia");
    assert_eq!(persia.target.year, Some(1918));
    assert!(persia.detail.ends_with("1918–1934"), "{}", persia.detail);
    // Renamed Yugoslavia on 3 October 1929: the map of 31 December 1929 bears the new name.
    assert_eq!(state("Yugoslavia").target.year, Some(1929));
    assert_eq!(state("Kingdom of SCS").target.year, Some(1918));
    // And by the name in its own language.
    assert_eq!(state("Saorstát Éireann").title, "Irish Free State");
}
