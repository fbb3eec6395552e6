//! Search over places, regions, states (in every timeline) and the texts' passages, in English
//! and the local and German forms the gazetteer knows, forgiving case and diacritics (Poznan
//! finds Poznań). Each result says what it is and when, and names the moment it leads to.

use super::atlas::Atlas;
use super::date::{Date, FIRST_YEAR, LAST_YEAR};
use super::map_state::TimelineMaps;
use super::passages::{Corpus, Kind};
use super::permalink::Names;
use super::topology::Region;

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    Place,
    Region,
    State,
    Passage,
}

impl Found {
    pub fn label(self) -> &'static str {
        match self {
            Found::Place => "place",
            Found::Region => "region",
            Found::State => "state",
            Found::Passage => "passage",
        }
    }
}

/// The moment a result leads to; `None` keeps what is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Target {
    pub timeline: Option<String>,
    pub year: Option<i32>,
    /// A region or place id.
    pub selection: Option<String>,
}

/// One thing that can be found.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub found: Found,
    /// What the result list shows first: "Poznań".
    pub title: String,
    /// What it is and when: "place in Posen · Red Triumph, 1925".
    pub detail: String,
    pub target: Target,
    /// The names it is found by, folded.
    names: Vec<String>,
}

/// Lower case without diacritics: "Poznań" and "POZNAN" both give "poznan", "Ostpreußen"
/// gives "ostpreussen". Written by hand for the Latin letters of the texts' languages, so that
/// the page carries no Unicode tables for it.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ă' | 'ā' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' | 'ė' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'į' => "i",
            'ķ' => "k",
            'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
            'ñ' | 'ń' | 'ň' | 'ņ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
            'œ' => "oe",
            'ř' | 'ŕ' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            '-' | '‐' | '–' | '—' | '_' | '\'' | '’' => " ",
            c => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well a folded name matches a folded query; higher is better, `None` is no match.
fn score(name: &str, query: &str) -> Option<u32> {
    if name == query {
        Some(4)
    } else if name.starts_with(query) {
        Some(3)
    } else if name.split(' ').any(|w| w.starts_with(query)) {
        Some(2)
    } else if query.len() >= 3 && name.contains(query) {
        Some(1)
    } else {
        None
    }
}

/// Everything the search finds, made once from the data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchIndex {
    pub entries: Vec<Entry>,
}

/// The years of a date range that the slider shows.
fn slider_year(date: Date) -> i32 {
    date.year.clamp(FIRST_YEAR, LAST_YEAR)
}

impl SearchIndex {
    /// Indexes the regions of the topology, the corpus's places and passages, and the states
    /// of every timeline (with the years they are on the map, from `maps`).
    pub fn new(atlas: &Atlas, corpus: &Corpus, regions: &[Region], maps: &[TimelineMaps]) -> Self {
        let timeline_name = |id: &str| {
            atlas
                .timeline(id)
                .map_or_else(|_| id.to_string(), |t| t.name.clone())
        };
        // The timeline a source belongs to.
        let timeline_of = |source: &str| {
            atlas
                .timelines
                .iter()
                .find(|t| t.sources.iter().any(|s| s == source))
                .map(|t| t.id.clone())
        };
        let region_name = |id: &str| {
            regions
                .iter()
                .find(|r| r.id == id)
                .map_or_else(|| id.to_string(), |r| r.en.clone())
        };
        let mut entries = Vec::new();
        for p in &corpus.places {
            // The story passage that names it with the narrowest period (then the earliest)
            // sets the moment.
            let first = corpus
                .passages
                .iter()
                .filter(|x| x.places.contains(&p.id))
                .min_by_key(|x| (x.kind != Kind::Story, x.period.days(), x.period.from));
            let timeline = first.and_then(|x| timeline_of(&x.source));
            let year = first.map(|x| slider_year(x.period.from));
            let when = match (&timeline, year) {
                (Some(t), Some(y)) => format!(" · {}, {y}", timeline_name(t)),
                _ => String::new(),
            };
            let mut names = vec![fold(&p.name)];
            names.extend(p.names.iter().chain(&p.local).map(|n| fold(n)));
            entries.push(Entry {
                found: Found::Place,
                title: p.name.clone(),
                detail: format!("place in {}{when}", region_name(&p.region)),
                target: Target {
                    timeline,
                    year,
                    selection: Some(p.id.clone()),
                },
                names,
            });
        }
        for r in regions {
            let mut names = vec![fold(&r.en), fold(&r.local)];
            for alias in corpus
                .region_names
                .iter()
                .filter(|a| a.regions.contains(&r.id))
            {
                names.extend(alias.names.iter().map(|n| fold(n)));
            }
            names.dedup();
            let local = if r.local != r.en {
                format!(" ({})", r.local)
            } else {
                String::new()
            };
            entries.push(Entry {
                found: Found::Region,
                title: format!("{}{local}", r.en),
                detail: "region".into(),
                target: Target {
                    selection: Some(r.id.clone()),
                    ..Target::default()
                },
                names,
            });
        }
        let area = |i: usize| regions.get(i).map_or(0.0, |r| r.area_km2);
        for m in maps {
            // Per state, the years it is on the map, with its largest region in each.
            let mut on_map: Vec<Vec<(i32, usize)>> = vec![Vec::new(); m.states.len()];
            for (map, y) in m.years.iter().zip(FIRST_YEAR..) {
                let mut largest: Vec<Option<usize>> = vec![None; m.states.len()];
                for (i, c) in map.cells.iter().enumerate() {
                    let Some(c) = c else { continue };
                    if let Some(best) = largest.get_mut(c.holder) {
                        if best.is_none_or(|b| area(i) > area(b)) {
                            *best = Some(i);
                        }
                    }
                }
                for (k, l) in largest.into_iter().enumerate() {
                    if let Some(i) = l {
                        on_map[k].push((y, i));
                    }
                }
            }
            for (state, years) in m.states.iter().zip(&on_map) {
                // One entry per name the state bears while on the map: "Persia" leads to
                // 1918, "Iran" to 1935.
                let name_in = |y: i32, names: Names| state.name_on(m.year(y).shown, names);
                for years in years
                    .chunk_by(|a, b| name_in(a.0, Names::English) == name_in(b.0, Names::English))
                {
                    let (Some(&(first, region)), Some(&(last, _))) = (years.first(), years.last())
                    else {
                        continue;
                    };
                    let name = name_in(first, Names::English);
                    let local = Some(name_in(first, Names::Local)).filter(|l| *l != name);
                    // A state every timeline shares is found once, in the first timeline.
                    if entries.iter().any(|e: &Entry| {
                        e.found == Found::State && e.title == name && e.target.year == Some(first)
                    }) {
                        continue;
                    }
                    let span = if first == last {
                        format!("{first}")
                    } else {
                        format!("{first}–{last}")
                    };
                    let mut names = vec![fold(name)];
                    names.extend(local.map(fold));
                    entries.push(Entry {
                        found: Found::State,
                        title: name.to_string(),
                        detail: format!("state · {}, {span}", timeline_name(&m.timeline)),
                        target: Target {
                            timeline: Some(m.timeline.clone()),
                            year: Some(first),
                            selection: regions.get(region).map(|r| r.id.clone()),
                        },
                        names,
                    });
                }
            }
        }
        for p in &corpus.passages {
            let Some(timeline) = timeline_of(&p.source) else {
                continue;
            };
            let mut text: String = p.text.chars().take(90).collect();
            if text.len() < p.text.len() {
                text.push('…');
            }
            entries.push(Entry {
                found: Found::Passage,
                title: text,
                detail: format!(
                    "{} · {}, {}",
                    if p.kind == Kind::Story {
                        "passage"
                    } else {
                        "reader comment"
                    },
                    timeline_name(&timeline),
                    p.period.label()
                ),
                target: Target {
                    timeline: Some(timeline),
                    year: Some(slider_year(p.period.from)),
                    selection: p.regions.first().or(p.places.first()).cloned(),
                },
                names: vec![fold(&p.text)],
            });
        }
        SearchIndex { entries }
    }

    /// The best `limit` entries for a query: exact names first, then names that start with
    /// it, then a word that starts with it, then names that contain it; places before regions
    /// before states where the match is as good; passages in which a word starts with it come
    /// last. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u32, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let best = e.names.iter().filter_map(|n| score(n, &q)).max()?;
                // A passage is found by a word that starts with the query, never ahead of a
                // name.
                match e.found {
                    Found::Passage if best < 2 => None,
                    Found::Passage => Some((1, e)),
                    _ => Some((best, e)),
                }
            })
            .collect();
        hits.sort_by(|(a, x), (b, y)| b.cmp(a).then(x.found.cmp(&y.found)));
        hits.into_iter().take(limit).map(|(_, e)| e).collect()
    }
}
